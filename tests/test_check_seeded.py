"""The publication checker finds each kind of problem, one seeded at a time, and finds nothing blocking
once the same file has been through the anonymiser."""
from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest
from checkdocs import add_part, executive_summary, patch_part, simple_docx
from docxfactory import REGISTER, build_docx

from pipeline.check import CATEGORIES, check_paths
from pipeline.register import Register

CLEAN = ["Child A was seen at home by Health Visitor 1 on 12 March 2023.",
         "Children's Social Care held a strategy discussion with Northshire Police under section 47 of the "
         "Children Act 1989."]


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.from_mapping(REGISTER)


@pytest.fixture(scope="module")
def engine(anonymiser_factory, register):
    return anonymiser_factory(register)


def check(path: Path, register: Register, engine):
    return check_paths([path], register=register, anonymiser=engine)


def _with_comment(path: Path) -> None:
    document = docx.Document(str(path))
    paragraph = document.paragraphs[0]
    document.add_comment(paragraph.runs, text="Please check this entry.", author="Reviewer", initials="R")
    document.save(str(path))


def _with_tracked_insertion(path: Path) -> None:
    patch_part(path, "word/document.xml", lambda xml: xml.replace(
        "<w:r><w:t>Child A was seen",
        '<w:ins w:id="91" w:author="" w:date="2024-01-01T00:00:00Z"><w:r><w:t>Child A was seen', 1,
    ).replace("Health Visitor 1 on 12 March 2023.</w:t></w:r>",
              "Health Visitor 1 on 12 March 2023.</w:t></w:r></w:ins>", 1))


def _with_hidden_run(path: Path) -> None:
    document = docx.Document(str(path))
    run = document.add_paragraph().add_run("A note nobody sees.")
    run.font.hidden = True
    document.save(str(path))


def _with_image(path: Path) -> None:
    from docxfactory import tiny_png

    image = path.with_suffix(".png")
    image.write_bytes(tiny_png())
    document = docx.Document(str(path))
    document.add_picture(str(image))
    document.save(str(path))


def _with_macros(path: Path) -> None:
    add_part(path, "word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really a macro project")


def _with_author(path: Path) -> None:
    document = docx.Document(str(path))
    document.core_properties.author = "Sarah Okafor"
    document.save(str(path))


# (case id, file name, extra paragraphs, how to seed the problem, expected category, expected code)
SEEDED = [
    ("register person", "imr.docx", ["Poppy Harrington was asleep upstairs."], None, "person", "SCR101"),
    ("register nickname", "imr.docx", ["Pops was asleep upstairs."], None, "person", "SCR101"),
    ("unregistered person", "imr.docx", ["The duty officer spoke to Jonathan Pemberton on the telephone."], None,
     "person", "SCR102"),
    ("register place", "imr.docx", ["The family lived at 14 Larch Close, Eastbridge."], None, "place", "SCR111"),
    ("postcode", "imr.docx", ["The new address was in EB1 4XY."], None, "place", "SCR112"),
    ("phone", "imr.docx", ["The grandmother's number was 07700 900456."], None, "contact", "SCR121"),
    ("email", "imr.docx", ["Referral sent to j.bloggs@example.com on the same day."], None, "contact", "SCR122"),
    ("NHS number", "imr.docx", ["NHS number 943 476 5919 was recorded."], None, "identifier", "SCR131"),
    ("NI number", "imr.docx", ["Her National Insurance number is QQ 12 34 56 C."], None, "identifier", "SCR132"),
    ("date of birth", "imr.docx", ["DOB: 12/03/2019."], None, "date_of_birth", "SCR141"),
    ("date next to age", "imr.docx", ["On 12/03/2023 Child A, then aged 3, was taken to hospital."], None,
     "date_of_birth", "SCR151"),
    ("author property", "imr.docx", [], _with_author, "metadata", "SCR211"),
    ("comment", "imr.docx", [], _with_comment, "comments", "SCR201"),
    ("tracked change", "imr.docx", [], _with_tracked_insertion, "tracked_changes", "SCR202"),
    ("hidden text", "imr.docx", [], _with_hidden_run, "hidden_text", "SCR203"),
    ("image", "imr.docx", [], _with_image, "embedded_content", "SCR223"),
    ("macros", "imr.docx", [], _with_macros, "embedded_content", "SCR222"),
    ("file name", "IMR Poppy Harrington Police.docx", [], None, "filename", "SCR301"),
    ("named school", "imr.docx", ["Child A started at Larkspur Hill Primary School in September."], None,
     "place", "SCR152"),
]


@pytest.mark.parametrize(("name", "extra", "seed", "category", "code"),
                         [case[1:] for case in SEEDED], ids=[case[0] for case in SEEDED])
def test_one_seeded_problem_gives_its_category(tmp_path, register, engine, name, extra, seed, category, code):
    path = simple_docx(tmp_path / name, CLEAN + extra)
    if seed is not None:
        seed(path)
    report = check(path, register, engine)
    found = {(f.category, f.code) for f in report.files[0].findings}
    assert (category, code) in found, report.to_text(show=True)


def test_the_clean_file_itself_raises_nothing(tmp_path, register, engine):
    report = check(simple_docx(tmp_path / "imr.docx", CLEAN), register, engine)
    assert report.files[0].findings == [], report.to_text(show=True)
    assert report.passed and report.exit_code == 0


def test_content_category_for_a_summary_missing_a_section(tmp_path, anonymiser_factory):
    from checkdocs import summary_register

    path = executive_summary(tmp_path / "executive-summary.docx",
                             sections=("The review process", "Who conducted the review", "Recommendations",
                                       "Multi-Agency Action Plan"))
    register = summary_register()
    report = check(path, register, anonymiser_factory(register))
    content = [f for f in report.files[0].findings if f.category == "content"]
    assert [f.code for f in content] == ["SCR401"]
    assert "key issues" in content[0].message


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    """A2's factory file (an identifier in every part of a Word file) with the identifiers it lacks added."""
    folder = tmp_path_factory.mktemp("planted")
    return build_docx(folder / "IMR_Poppy_Harrington_Police.docx",
                      body=["NHS number 943 476 5919.", "DOB: 12/03/2019."])


def test_every_part_of_a_planted_file_is_reported(planted, register, engine):
    report = check(planted, register, engine)
    categories = {f.category for f in report.files[0].findings}
    # Statutory content only applies to our own reports; this is an agency IMR.
    assert categories >= set(CATEGORIES) - {"content"}, report.to_text(show=True)
    locations = {f.location for f in report.files[0].findings if f.code == "SCR101"}
    for where in ("paragraph 1", "header (section 1)", "footer (section 1)", "footnote 1", "comment 1",
                  "text box 1", "document property: title", "custom property: Subject child"):
        assert any(loc.startswith(where) for loc in locations), (where, sorted(locations))
    found = {(f.code, f.location, f.match) for f in report.files[0].findings}
    codes = {code for code, _, _ in found}
    assert codes >= {"SCR101", "SCR111", "SCR121", "SCR122", "SCR131", "SCR141", "SCR201", "SCR202", "SCR203",
                     "SCR211", "SCR212", "SCR213", "SCR214", "SCR221", "SCR223", "SCR224", "SCR301"}, sorted(codes)
    # The OLE object is reported where it sits; the chart's data workbook is opened and read.
    assert any(code == "SCR221" and loc.startswith("paragraph") for code, loc, _ in found)
    assert ("SCR224", "chart 1 data, sheet 1, cell A2", "Dean Harrington") in found
    # A custom property's name can itself name someone; the report masks it in the location too.
    named = [f for f in report.files[0].findings if f.code == "SCR211" and f.match == "Reviewed with Kerry Walsh"]
    assert named and named[0].where() == "custom property 'R**** w**** K**** W****'"


def test_after_anonymisation_nothing_blocks(planted, register, engine, tmp_path):
    from pipeline.anonymise.batch import BatchOptions, anonymise_batch

    before = hashlib.sha256(planted.read_bytes()).hexdigest()
    out = tmp_path / "out"
    result = anonymise_batch([planted], BatchOptions(out_dir=out, register=register))
    result.raise_for_failures()
    outputs = [f.output for f in result.files]
    report = check_paths(outputs, register=register, anonymiser=engine)
    blocking = [f for f in report.files[0].findings if f.blocks]
    assert blocking == [], report.to_text(show=True)
    assert report.exit_code == 0
    assert hashlib.sha256(planted.read_bytes()).hexdigest() == before  # checking never changes the input


def test_the_report_never_repeats_what_it_found(planted, register, engine):
    """Masked output holds no planted identifier, not even in a location (a picture named after the child)."""
    from docxfactory import NEEDLES

    report = check(planted, register, engine)
    masked = report.to_text() + report.to_json() + report.to_markdown()
    shown = report.to_text(show=True)
    assert 'picture "poppy_harrington.png"' in shown
    for needle in NEEDLES:
        assert needle.lower() not in masked.lower(), needle


@pytest.mark.parametrize(
    "text",
    [
        "Margaret Ellison, Independent Chair of Northshire LSCB, commissioned the review.",
        "Children's Social Care began a section 47 enquiry under the Children Act 1989.",
        "The review followed chapter 8 of Working Together to Safeguard Children (2010).",
        "Northshire Police, the Crown Prosecution Service and Ofsted were told of the decision.",
        "The Health Visitor, the Designated Nurse and the Detective Inspector attended the strategy meeting.",
        "Child A, Mother, Father and Sibling 1 were seen by Social Worker 2 and Person 3.",
    ],
)
def test_exempt_names_roles_agencies_and_legislation_raise_nothing(tmp_path, register, engine, text):
    report = check(simple_docx(tmp_path / "imr.docx", [text]), register, engine)
    assert report.files[0].findings == [], report.to_text(show=True)


def test_a_match_read_across_a_pseudonyms_edge_is_not_a_leak(tmp_path, register, engine):
    text = "Mother's partner asked for an appointment for Child A. Booked for 14/08/2023 at 10:20."
    report = check(simple_docx(tmp_path / "chronology.docx", [text]), register, engine)
    assert not [f for f in report.files[0].findings if f.category == "person"], report.to_text(show=True)
    # A real name after the pseudonym is still found.
    leak = check(simple_docx(tmp_path / "leak.docx", ["Child A. Kerry Walsh booked it."]), register, engine)
    assert ("SCR101", "Kerry Walsh") in {(f.code, f.match) for f in leak.files[0].findings}
