"""Standard letters: every letter rendered for the sample case and read back; missing fields; --to; the log; CLI."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document

from pipeline.case import load_case
from pipeline.cli import main
from pipeline.errors import MissingCaseField, UsageError
from pipeline.letters import file_name, load_catalogue, read_log, render_letter
from pipeline.letters.recipients import SELECTORS
from pipeline.timeline import load_rules

ROOT = Path(__file__).resolve().parents[1]
CHILD_A = ROOT / "samples" / "child-a"
MINIMAL = ROOT / "samples" / "minimal"
LETTER_DATE = dt.date(2024, 5, 10)
AGENCIES = ["police", "csc", "health-visiting", "gp", "acute-trust", "education", "housing", "ambulance"]


def copy_case(source: Path, target: Path, change=None) -> Path:
    shutil.copytree(source, target)
    if change:
        data = yaml.safe_load((target / "case.yaml").read_text(encoding="utf-8"))
        change(data)
        (target / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def evaluated(data):
    data["review"]["dates"].update({"evaluation_letter": "15/08/2024", "publication": "01/10/2024"})


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory) -> Path:
    return copy_case(CHILD_A, tmp_path_factory.mktemp("cases") / "child-a", evaluated)


@pytest.fixture(scope="module")
def case(case_dir):
    return load_case(case_dir)


@pytest.fixture(scope="module")
def rendered(case, tmp_path_factory):
    """Every letter, for every recipient, rendered once into one folder."""
    out = tmp_path_factory.mktemp("letters")
    results = {}
    for letter in load_catalogue():
        to = ["police"] if letter.choose_one else None
        results[letter.id] = render_letter(letter.id, case, out, to=to, letter_date=LETTER_DATE,
                                           now=dt.datetime(2024, 5, 10, 9, 30))
    return out, results


def read_docx(path: Path) -> dict[str, str]:
    doc = Document(str(path))
    section = doc.sections[0]
    return {
        "body": "\n".join(p.text for p in doc.paragraphs),
        "header": "\n".join(p.text for p in section.header.paragraphs),
        "footer": "\n".join(p.text for p in section.footer.paragraphs),
        "bold": "\n".join(r.text for p in doc.paragraphs for r in p.runs if r.bold),
        "author": doc.core_properties.author or "",
        "title": doc.core_properties.title or "",
    }


ISSUE_LETTERS = [
    "referral-acknowledgement", "scoping-invitation", "records-secure-notice", "ofsted-notification",
    "imr-author-request", "records-view-only-request", "records-view-only-confirmation", "court-permission-request",
    "family-invitation", "partner-board-notice", "draft-circulation", "extension-notice", "embargoed-submission",
    "final-version-to-ofsted", "foi-acknowledgement", "contributor-feedback",
]


def test_catalogue_has_every_letter_of_the_issue_and_cites_its_paragraph():
    letters = {letter.id: letter for letter in load_catalogue()}
    assert list(letters) == ISSUE_LETTERS
    milestones = {rule.id for rule in load_rules()}
    for letter in letters.values():
        assert "§" in letter.source, letter.id
        assert set(letter.recipients) <= set(SELECTORS), letter.id
        assert set(letter.states) <= milestones, letter.id


# letter, recipient key, text the letter must contain (dates worked out by hand from samples/child-a)
EXPECTED = [
    ("referral-acknowledgement", "police", ["received on 4 September 2023", "by 4 October 2023", "Andrew Whitcombe"]),
    ("scoping-invitation", "csc", ["on 11 October 2023", "up to and including 4 September 2023",
                                   "between 1 September 2021 and 27 August 2023", "Joanne Ferriby"]),
    ("records-secure-notice", "gp", ["On 26 September 2023 I decided", "Dr Elaine Thorncroft", "Susan Marlow"]),
    ("ofsted-notification", "ofsted", ["on 26 September 2023", "complete the review by 28 June 2024",
                                       "Nicholas Pennock", "Dr Fiona MacAulay", "Serious Case Review Evaluation Team"]),
    ("imr-author-request", "police", ["is due by 5 December 2023: 10 weeks from the decision"]),
    ("records-view-only-request", "housing", ["For the attention of the manager responsible for electronic records",
                                              "up to and including 4 September 2023", "Eastbridge Homes's"]),
    ("records-view-only-confirmation", "police", ["secured its records about the child and family on 29 September 2023"]),
    ("court-permission-request", "court", ["The Designated Family Judge", "Dear Judge",
                                           "from 1 September 2021 to 27 August 2023"]),
    ("family-invitation", "family_contact", ["Mrs Rose O'Donnell", "Dear Mrs O'Donnell", "Nicholas Pennock"]),
    ("partner-board-notice", "partner_board", ["Anil Bhardwaj", "Wolds Valley Local Safeguarding Children Board",
                                               "on 26 September 2023"]),
    ("draft-circulation", "chair", ["meeting of Northshire Local Safeguarding Children Board on 5 June 2024",
                                    "(by 21 May 2024)", "Draft Overview Report"]),
    ("draft-circulation", "ambulance", ["Deborah Kaye", "(by 21 May 2024)"]),
    ("extension-notice", "ofsted", ["within six months, by 26 March 2024", "On 14 February 2024 the Board agreed",
                                    "revised completion date of 28 June 2024", "The Crown Prosecution Service asked"]),
    ("extension-notice", "police", ["revised completion date of 28 June 2024"]),
    ("embargoed-submission", "dfe", ["EMBARGOED", "at its meeting on 5 June 2024", "Department for Education"]),
    ("embargoed-submission", "sha", ["Dear Ms Rowbotham"]),
    ("final-version-to-ofsted", "ofsted", ["your letter of 15 August 2024", "(by 15 September 2024)",
                                           "published on 1 October 2024 on the Board's website, "
                                           "https://www.northshirelscb.example.org.uk"]),
    ("foi-acknowledgement", "foi-1", ["received on 11 March 2024", "response by 10 April 2024", "FOI-NCC-2024-0311"]),
    ("foi-acknowledgement", "foi-2", ["received on 22 July 2024", "response by 19 August 2024"]),
    ("contributor-feedback", "education", ["agreed the Serious Case Review about Child A on 5 June 2024",
                                           "staff of Northshire County Council Education Service"]),
    ("contributor-feedback", "family_contact", ["please contact me using the details below"]),
]


@pytest.mark.parametrize(("letter_id", "recipient", "phrases"), EXPECTED)
def test_letter_states_the_right_recipient_and_dates(rendered, letter_id, recipient, phrases):
    out, results = rendered
    paths = {r.key: p for r, p in results[letter_id].files}
    text = read_docx(paths[recipient])["body"]
    for phrase in phrases:
        assert phrase in text, f"{phrase!r} missing from {paths[recipient].name}:\n{text}"


@pytest.mark.parametrize("letter_id", ISSUE_LETTERS)
def test_every_copy_has_the_letter_furniture_and_no_template_left(rendered, case, letter_id):
    out, results = rendered
    result = results[letter_id]
    assert result.files
    child_names = [name for p in case.register.people if p.role == "subject child" for name in p.all_names]
    for recipient, path in result.files:
        assert path.name == f"{letter_id}_{recipient.key}.docx"
        parts = read_docx(path)
        everything = "\n".join(parts.values())
        for syntax in ("{{", "}}", "{%", "%}", "None", "&amp;", "&#39;"):
            assert syntax not in everything, f"{syntax!r} left in {path.name}"
        body = parts["body"]
        assert f"Our reference: NLSCB-SCR-2023-02/{letter_id}/{recipient.key}" in body
        assert "Date: 10 May 2024" in body
        assert recipient.address_block[0] in body and recipient.address_block[-1] in body
        assert recipient.salutation in body
        assert "Yours sincerely" in body
        signer = case.chair if result.letter.signed_by == "chair" else case.board.business_manager
        assert f"{signer.name}\n{signer.job_title}" in body
        assert parts["header"].startswith("OFFICIAL-SENSITIVE\nNorthshire Local Safeguarding Children Board")
        assert "KM1 1AA" in parts["header"]
        assert parts["footer"].startswith("OFFICIAL-SENSITIVE")
        assert parts["bold"].count("\n") >= 1 and result.letter.title  # subject line and signer in bold
        assert (parts["author"], parts["title"]) == ("Northshire LSCB", result.letter.title)
        for name in child_names:
            assert name not in everything, f"the child's name {name!r} is in {path.name}"


def test_file_names_follow_letter_and_recipient(rendered):
    out, results = rendered
    written = {p.name for r in results.values() for _, p in r.files}
    assert {f"imr-author-request_{a}.docx" for a in AGENCIES} <= written
    assert {"draft-circulation_chair.docx", "foi-acknowledgement_foi-2.docx"} <= written
    assert not any("poppy" in name.lower() or "harrington" in name.lower() for name in written)


def test_every_render_is_logged(rendered):
    out, results = rendered
    rows = read_log(out)
    assert len(rows) == sum(len(r.files) for r in results.values())
    first = rows[0]
    assert first == {"rendered_at": "10/05/2024 09:30:00", "letter_date": "10/05/2024",
                     "letter": "referral-acknowledgement", "recipient": "police",
                     "recipient_name": "Andrew Whitcombe, Northshire Constabulary",
                     "file": "referral-acknowledgement_police.docx"}
    assert (out / "letters-log.csv").read_text(encoding="utf-8").count("rendered_at") == 1


def test_log_is_appended_not_rewritten(case, tmp_path):
    out = tmp_path / "out"
    render_letter("ofsted-notification", case, out, letter_date=LETTER_DATE)
    render_letter("imr-author-request", case, out, to=["police", "gp"], letter_date=LETTER_DATE)
    render_letter("ofsted-notification", case, out, letter_date=dt.date(2024, 5, 13))
    rows = read_log(out)
    assert [(r["letter"], r["recipient"], r["letter_date"]) for r in rows] == [
        ("ofsted-notification", "ofsted", "10/05/2024"),
        ("imr-author-request", "police", "10/05/2024"),
        ("imr-author-request", "gp", "10/05/2024"),
        ("ofsted-notification", "ofsted", "13/05/2024"),
    ]
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "imr-author-request_gp.docx", "imr-author-request_police.docx", "ofsted-notification_ofsted.docx"]


def test_to_picks_recipients_in_the_order_given(case, tmp_path):
    result = render_letter("extension-notice", case, tmp_path / "out", to=["gp", "ofsted"], letter_date=LETTER_DATE)
    assert [r.key for r, _ in result.files] == ["gp", "ofsted"]


@pytest.mark.parametrize(
    ("letter_id", "to", "message"),
    [
        ("ofsted-notification", ["police"], r"'police' does not receive this letter. It can go to: ofsted"),
        ("imr-author-request", ["ofsted"], r"It can go to: police, csc, health-visiting"),
        ("referral-acknowledgement", None, r"goes to one recipient only: say which with --to \(one of: police, csc"),
        ("referral-acknowledgement", ["police", "gp"], r"goes to one recipient only; give --to once"),
        ("no-such-letter", None, r"There is no letter called 'no-such-letter'. The letters are: referral-acknowledgement"),
    ],
)
def test_usage_mistakes(case, tmp_path, letter_id, to, message):
    with pytest.raises(UsageError, match=message):
        render_letter(letter_id, case, tmp_path / "out", to=to)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("source", "change", "letter_id", "to", "field"),
    [
        (MINIMAL, None, "ofsted-notification", None, "recipients.ofsted"),
        (MINIMAL, None, "court-permission-request", None, "recipients.court"),
        (MINIMAL, None, "embargoed-submission", None, "recipients.ofsted"),
        (MINIMAL, None, "scoping-invitation", None, "review.dates.scoping_meeting"),
        (MINIMAL, None, "draft-circulation", None, "review.dates.board_meeting"),
        (MINIMAL, None, "foi-acknowledgement", None, "review.foi_requests"),
        (MINIMAL, None, "extension-notice", ["police"], "review.extension"),
        (CHILD_A, None, "final-version-to-ofsted", None, "review.dates.evaluation_letter"),
        (CHILD_A, lambda d: d["review"]["dates"].update({"evaluation_letter": "15/08/2024"}),
         "final-version-to-ofsted", None, "review.dates.publication"),
        (CHILD_A, lambda d: d["recipients"].pop("sha"), "embargoed-submission", None, "recipients.sha"),
        (CHILD_A, lambda d: d["recipients"].pop("sha"), "embargoed-submission", ["sha"], "recipients.sha"),
    ],
)
def test_a_missing_field_names_what_to_fill_in_and_writes_nothing(tmp_path, source, change, letter_id, to, field):
    case = load_case(copy_case(source, tmp_path / "case", change))
    with pytest.raises(MissingCaseField, match=f"needs '{field}', which is not filled in. Add it to case.yaml"):
        render_letter(letter_id, case, tmp_path / "out", to=to, letter_date=LETTER_DATE)
    assert not (tmp_path / "out").exists()


def test_the_embargoed_letter_to_ofsted_alone_does_not_need_the_sha(tmp_path):
    case = load_case(copy_case(CHILD_A, tmp_path / "case", lambda d: d["recipients"].pop("sha")))
    result = render_letter("embargoed-submission", case, tmp_path / "out", to=["ofsted"], letter_date=LETTER_DATE)
    assert [r.key for r, _ in result.files] == ["ofsted"]


def test_a_missing_imr_is_named_by_its_file(tmp_path):
    def add_agency_without_imr(data):
        data["agencies"].append({"id": "housing", "name": "Westmoor Homes", "address": ["Quay Street", "WM5 5EE"],
                                 "chief_officer": {"name": "Lee Marsh", "job_title": "Chief Executive"}})
    case = load_case(copy_case(MINIMAL, tmp_path / "case", add_agency_without_imr))
    with pytest.raises(MissingCaseField, match=r"needs 'records_secured'.*Add it to imr/housing.yaml"):
        render_letter("records-view-only-confirmation", case, tmp_path / "out", letter_date=LETTER_DATE)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("letter_date", "warned"),
    [(dt.date(2024, 5, 21), False), (dt.date(2024, 5, 22), True)],
)
def test_late_circulation_is_warned(case, tmp_path, letter_date, warned):
    result = render_letter("draft-circulation", case, tmp_path / "out", to=["chair"], letter_date=letter_date)
    expected = ["This letter is dated 22 May 2024, after 21 May 2024, when it was due: at least 10 working days "
                "before the extraordinary Board meeting (§8.79)."]
    assert result.warnings == (expected if warned else [])


def test_text_with_ampersands_and_quotes_survives(tmp_path):
    def change(data):
        data["agencies"][0]["name"] = 'Westmoor Police & "Crime" <Services>'
    case = load_case(copy_case(MINIMAL, tmp_path / "case", change))
    result = render_letter("imr-author-request", case, tmp_path / "out", letter_date=LETTER_DATE)
    body = read_docx(result.files[0][1])["body"]
    assert 'Individual Management Review for Westmoor Police & "Crime" <Services>' in body


def test_output_inside_the_case_folder_is_refused(case, case_dir):
    with pytest.raises(UsageError, match="is inside the input"):
        render_letter("ofsted-notification", case, case_dir / "letters")


def test_file_name_never_uses_names(case):
    letter = load_catalogue()[0]
    recipient = SELECTORS["family_contact"](case)[0]
    assert file_name(letter, recipient) == "referral-acknowledgement_family_contact.docx"


runner = CliRunner()


def test_cli_list_shows_every_letter_and_what_a_case_lacks():
    result = runner.invoke(main, ["letters", "list", str(CHILD_A)])
    assert result.exit_code == 0, result.output
    for letter_id in ISSUE_LETTERS:
        assert letter_id in result.output
    assert "source:  §8.124" in result.output
    assert "ready:   no, needs review.dates.evaluation_letter" in result.output
    assert result.output.count("ready:   yes") == len(ISSUE_LETTERS) - 1


def test_cli_render(case_dir, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(main, ["letters", "render", "imr-author-request", str(case_dir), "--out", str(out),
                                  "--to", "police", "--to", "csc", "--date", "27/09/2023"])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out / 'imr-author-request_police.docx'}  (Andrew Whitcombe, Northshire Constabulary)" in result.output
    assert f"Logged in {out / 'letters-log.csv'}" in result.output
    assert "Date: 27 September 2023" in read_docx(out / "imr-author-request_csc.docx")["body"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["final-version-to-ofsted", str(CHILD_A)], 1,
         "needs 'review.dates.evaluation_letter', which is not filled in. Add it to case.yaml"),
        (["nonsense", str(CHILD_A)], 2, "There is no letter called 'nonsense'"),
        (["ofsted-notification", str(CHILD_A), "--date", "03/25/2024"], 2, "looks like a US-style date"),
        (["ofsted-notification", str(CHILD_A), "--to", "court", "--to", "police"], 2, "'police' does not receive this letter"),
        (["ofsted-notification", str(CHILD_A / "nowhere")], 2, "does not exist"),
    ],
)
def test_cli_errors(tmp_path, args, code, message):
    result = runner.invoke(main, ["letters", "render", *args, "--out", str(tmp_path / "out")])
    assert result.exit_code == code, result.output
    assert message in result.output


def test_cli_render_warns_when_late(case_dir, tmp_path):
    result = runner.invoke(main, ["letters", "render", "draft-circulation", str(case_dir), "--out", str(tmp_path / "o"),
                                  "--to", "chair", "--date", "04/06/2024"])
    assert result.exit_code == 0
    assert "Warning: This letter is dated 4 June 2024, after 21 May 2024" in result.output


def test_pdf_combines_every_copy_for_printing(case, tmp_path):
    from pypdf import PdfReader

    from pipeline.render.pdf import soffice_available

    if not soffice_available():
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "out"
    result = render_letter("embargoed-submission", case, out, letter_date=LETTER_DATE, pdf=True)
    assert result.pdf == out / "embargoed-submission.pdf"
    reader = PdfReader(str(result.pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    order = [text.find(name) for name in ("Serious Case Review Evaluation Team", "Safeguarding Children Division",
                                          "Janet Rowbotham")]
    assert -1 not in order and order == sorted(order)
    assert len(reader.pages) >= 3
    assert sorted(p.name for p in out.iterdir()) == [
        "embargoed-submission.pdf", "embargoed-submission_dfe.docx", "embargoed-submission_ofsted.docx",
        "embargoed-submission_sha.docx", "letters-log.csv"]  # the per-copy PDFs were only a step
    assert read_log(out)[-1]["file"] == "embargoed-submission.pdf"


def test_the_word_layout_reads_only_what_the_letter_context_provides(case):
    from pipeline.letters.catalogue import LETTER_TEMPLATE
    from pipeline.letters.recipients import SELECTORS as selectors
    from pipeline.letters.render import letter_context
    from pipeline.render.docx_template import template_variables

    letter = load_catalogue()[2]
    recipient = selectors["chief_officers"](case)[0]
    context = letter_context(letter, case, recipient, LETTER_DATE, {}, {}, {})
    assert template_variables(LETTER_TEMPLATE) <= set(context)


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda d: d["letters"][0].update(subject="Referral {{ review.reference }"), "TemplateProblem",
         "letter 'referral-acknowledgement', subject"),
        (lambda d: d["letters"][1].update(id="referral-acknowledgement"), "TemplateProblem", "is used twice"),
        (lambda d: d["letters"][0].update(recipients=["the_press"]), "CaseInvalid", "letters[1].recipients[1]"),
        (lambda d: d["letters"][0].update(source="somewhere"), "CaseInvalid", "letters[1].source: 'somewhere' is not in the expected form: a citation"),
    ],
)
def test_a_broken_catalogue_is_reported(tmp_path, change, error, message):
    from pipeline.letters.catalogue import CATALOGUE

    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    change(data)
    broken = tmp_path / "catalogue.yaml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(Exception, match=re.escape(message)) as caught:
        load_catalogue(broken)
    assert type(caught.value).__name__ == error


def test_cli_list_without_a_case():
    result = runner.invoke(main, ["letters", "list"])
    assert result.exit_code == 0
    assert "ready:" not in result.output
    assert "imr-author-request  Request to appoint an Individual Management Review author" in result.output


def test_concurrent_appends_keep_every_row_whole(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from pipeline.letters.log import LogEntry, append_log

    def write(n: int) -> None:
        entry = LogEntry(dt.datetime(2024, 5, 10, 9, 0), LETTER_DATE, "ofsted-notification", f"r{n}",
                         "Name, with a comma " + "x" * 500, f"file-{n}.docx")
        append_log(tmp_path, [entry, entry])

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(write, range(40)))
    rows = read_log(tmp_path)
    assert len(rows) == 80
    assert all(row["file"] == f"file-{row['recipient'][1:]}.docx" for row in rows)
    assert (tmp_path / "letters-log.csv").read_text(encoding="utf-8").count("rendered_at") == 1


def test_reply_date_follows_the_boards_nation(tmp_path):
    # 22/07/2024 + 20 working days: 19 August in England, 20 August in Scotland (summer holiday on 5 August)
    case = load_case(copy_case(CHILD_A, tmp_path / "case", lambda d: d["board"].update(nation="scotland")))
    result = render_letter("foi-acknowledgement", case, tmp_path / "out", to=["foi-2"], letter_date=LETTER_DATE)
    assert "response by 20 August 2024" in read_docx(result.files[0][1])["body"]
