"""Statutory content (§8.72–8.78): what the Executive Summary must contain and name, recommendations that
match the Overview Report and can be acted on, and a complete action plan."""
from __future__ import annotations

from pathlib import Path

import pytest
from checkdocs import (AUTHOR, CHAIR, PANEL_CHAIR, PLAN_HEADER, PLAN_ROWS, RECOMMENDATIONS, executive_summary, overview_report,
                       simple_docx, summary_register)

from pipeline.case import load_case
from pipeline.check import check_paths
from pipeline.register import Register

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def register() -> Register:
    return summary_register()


@pytest.fixture(scope="module")
def engine(anonymiser_factory, register):
    return anonymiser_factory(register)


@pytest.fixture(scope="module")
def minimal_case():
    return load_case(ROOT / "samples" / "minimal")


def findings(paths, register, engine, **kwargs):
    report = check_paths(paths if isinstance(paths, list) else [paths], register=register, anonymiser=engine, **kwargs)
    return report, [f for result in report.files for f in result.findings]


def test_a_clean_executive_summary_passes(tmp_path, register, engine):
    report, found = findings(executive_summary(tmp_path / "executive-summary.docx"), register, engine)
    assert report.files[0].kind == "executive-summary"
    assert [f for f in found if f.blocks] == [], report.to_text(show=True)
    assert not [f for f in found if f.category in ("person", "place", "contact", "identifier", "content")]
    assert report.passed and report.exit_code == 0


def test_a_clean_executive_summary_passes_against_the_case(tmp_path, minimal_case, anonymiser_factory):
    engine = anonymiser_factory(minimal_case.register)
    report = check_paths([executive_summary(tmp_path / "executive-summary.docx")], case=minimal_case,
                         anonymiser=engine)
    assert report.passed, report.to_text(show=True)


def test_a_clean_pack_passes_together(tmp_path, register, engine):
    summary = executive_summary(tmp_path / "executive-summary.docx")
    overview = overview_report(tmp_path / "overview-report.docx")
    report, found = findings([summary, overview], register, engine)
    assert report.passed, report.to_text(show=True)


@pytest.mark.parametrize(
    ("case", "people", "expected"),
    [
        ("panel chair without job title", (CHAIR, (PANEL_CHAIR[0], "", PANEL_CHAIR[2]), AUTHOR),
         "the Panel Chair (David Okafor) is named without their job title ('Independent Panel Chair')"),
        ("author without organisation", (CHAIR, PANEL_CHAIR, (AUTHOR[0], AUTHOR[1], "")),
         "the Overview author (Ruth Penhaligon) is named without their organisation ('Penhaligon Reviews Ltd')"),
        ("chair not named", (("", CHAIR[1], CHAIR[2]), PANEL_CHAIR, AUTHOR),
         "does not name the LSCB Chair (Margaret Ellison)"),
    ],
)
def test_named_people_need_job_titles_and_organisations(tmp_path, minimal_case, anonymiser_factory, case, people,
                                                        expected):
    path = executive_summary(tmp_path / "executive-summary.docx", people=people)
    report = check_paths([path], case=minimal_case, anonymiser=anonymiser_factory(minimal_case.register))
    content = [f for f in report.files[0].findings if f.code == "SCR402"]
    assert content and content[0].blocks, report.to_text(show=True)
    assert expected.lower() in content[0].message.lower()
    assert report.exit_code == 1


def test_named_people_without_case_data_are_judged_by_shape(tmp_path, engine):
    """No case and no job titles in the register: the 'Who conducted the review' section must still list
    three people, each with a name, a job title and an organisation."""
    bare = Register(people=summary_register().people,
                    exempt=tuple(type(e)(e.name) for e in summary_register().exempt))
    good = executive_summary(tmp_path / "executive-summary.docx")
    assert check_paths([good], register=bare, anonymiser=engine).passed
    (tmp_path / "bad").mkdir()
    bad = executive_summary(tmp_path / "bad" / "executive-summary.docx", people=(CHAIR, (PANEL_CHAIR[0], "", ""), AUTHOR))
    report = check_paths([bad], register=bare, anonymiser=engine)
    codes = [f.code for f in report.files[0].findings if f.blocks]
    assert codes == ["SCR402"], report.to_text(show=True)
    assert report.files[0].findings[0].location == "paragraph 6"
    assert "entry for the Panel Chair should give a name, a job title and an organisation" in \
        report.files[0].findings[0].message


def test_a_recommendation_without_a_target_date_fails(tmp_path, register, engine):
    rows = (PLAN_ROWS[0], PLAN_ROWS[1][:4] + ("",) + PLAN_ROWS[1][5:])
    report, found = findings(executive_summary(tmp_path / "executive-summary.docx", plan_rows=rows), register, engine)
    smart = [f for f in found if f.code == "SCR404"]
    assert len(smart) == 1 and smart[0].blocks
    assert "Recommendation 2 has no target date in the action plan" in smart[0].message
    row = [f for f in found if f.code == "SCR405"]
    assert [f.location for f in row] == ["table 1, row 3, column 5"]
    assert "by when" in row[0].message
    assert report.exit_code == 1


def test_a_recommendation_with_no_action_fails(tmp_path, register, engine):
    report, found = findings(executive_summary(tmp_path / "executive-summary.docx", plan_rows=PLAN_ROWS[:1]),
                             register, engine)
    assert [f.code for f in found if f.blocks] == ["SCR404"]
    assert "Recommendation 2 has no action" in found[0].message


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("Action", "", "what will be done"),
        ("Lead officer", "", "who leads it"),
        ("Lead agency", "", "which agency leads it"),
        ("Target date", "ongoing", "is not a date"),
        ("Intended outcome", "", "intended outcome"),
        ("Success measure", "", "how success will be measured"),
        ("Monitoring and review", "", "monitored and reviewed"),
        ("Completion date", "", "no completion date"),
    ],
)
def test_every_action_plan_row_is_complete(tmp_path, register, engine, column, value, says):
    index = PLAN_HEADER.index(column)
    row = list(PLAN_ROWS[1])
    row[index] = value
    path = executive_summary(tmp_path / "action-plan.docx", title="Multi-Agency Action Plan",
                             plan_rows=(PLAN_ROWS[0], tuple(row)))
    report, found = findings(path, register, engine)
    rows = [f for f in found if f.code == "SCR405"]
    assert len(rows) == 1, report.to_text(show=True)
    assert rows[0].location == f"table 1, row 3, column {index + 1}"
    assert says in rows[0].message
    assert rows[0].blocks and report.exit_code == 1


def test_summary_recommendations_must_match_the_overview(tmp_path, register, engine):
    changed = (RECOMMENDATIONS[0], "Westmoor LSCB should consider information sharing.")
    summary = executive_summary(tmp_path / "executive-summary.docx", recommendations=changed)
    overview = overview_report(tmp_path / "overview-report.docx")
    report, found = findings([summary, overview], register, engine)
    match = [f for f in found if f.code == "SCR403"]
    assert len(match) == 1 and "Recommendation 2 differs" in match[0].message
    # Checked alone, the summary has nothing to be compared with.
    alone, found_alone = findings(summary, register, engine)
    assert not [f for f in found_alone if f.code == "SCR403"]


def test_recommendations_judged_from_a_separate_action_plan(tmp_path, register, engine):
    summary = executive_summary(tmp_path / "executive-summary.docx", plan_rows=())
    rows = (PLAN_ROWS[0], PLAN_ROWS[1][:4] + ("",) + PLAN_ROWS[1][5:])
    plan = executive_summary(tmp_path / "action-plan.docx", title="Multi-Agency Action Plan", plan_rows=rows,
                             recommendations=())
    report, found = findings([summary, plan], register, engine)
    smart = [(f.code, f.location) for f in found if f.code == "SCR404"]
    assert smart == [("SCR404", _recommendation_paragraph(summary, 2))]


def _recommendation_paragraph(path: Path, number: int) -> str:
    import docx

    for index, para in enumerate(docx.Document(str(path)).paragraphs, start=1):
        if para.text.startswith(f"Recommendation {number}:"):
            return f"paragraph {index}"
    raise AssertionError("no such recommendation")


@pytest.mark.parametrize(
    ("name", "title", "kind"),
    [
        ("executive-summary.docx", None, "executive-summary"),
        ("ES final v3.docx", "Executive Summary", "executive-summary"),
        ("report.docx", "Overview Report", "overview-report"),
        ("Multi_Agency_Action_Plan.docx", None, "action-plan"),
        ("multi-agency-chronology.docx", None, "multi-agency-chronology"),
        ("letter.docx", None, None),
    ],
)
def test_our_documents_are_recognised_by_name_title_or_heading(tmp_path, register, engine, name, title, kind):
    import docx

    document = docx.Document()
    if title and name.startswith("ES"):
        document.core_properties.title = title
    elif title:
        document.add_heading(f"Serious Case Review: Child W — {title}", 0)
    document.add_paragraph("Text.")
    document.save(str(tmp_path / name))
    report = check_paths([tmp_path / name], register=register, anonymiser=engine)
    assert report.files[0].kind == kind


def test_a_letter_is_not_held_to_the_summary_rules(tmp_path, register, engine):
    report, found = findings(simple_docx(tmp_path / "letter.docx", ["Dear Chief Executive,"]), register, engine)
    assert not [f for f in found if f.category == "content"]


def test_an_action_plan_whose_header_was_damaged_says_which_column_is_missing(tmp_path, register, engine):
    import docx

    path = executive_summary(tmp_path / "action-plan.docx", title="Multi-Agency Action Plan", recommendations=())
    document = docx.Document(str(path))
    document.tables[0].rows[0].cells[4].text = "[organisation] date"
    document.save(str(path))
    report, found = findings(path, register, engine)
    plan = [f for f in found if f.code == "SCR405"]
    assert [f.location for f in plan] == ["table 1, row 1"]
    assert "no 'Target date' column" in plan[0].message and "[organisation] date" in plan[0].message


@pytest.mark.parametrize(
    ("style", "kind"),
    [("Subtitle", "executive-summary"), ("Heading 2", "executive-summary"), ("Normal", None)],
)
def test_a_cover_subtitle_names_the_document_but_a_letters_subject_line_does_not(tmp_path, register, engine, style,
                                                                                kind):
    import docx

    document = docx.Document()
    document.add_paragraph("Serious Case Review: Child W", style="Title")
    document.add_paragraph("Executive Summary", style=style)
    document.add_paragraph("Text.")
    document.save(str(tmp_path / "final.docx"))
    report = check_paths([tmp_path / "final.docx"], register=register, anonymiser=engine)
    assert report.files[0].kind == kind


def test_without_a_plan_or_case_smartness_is_a_warning_not_a_block(tmp_path, register, engine):
    summary = executive_summary(tmp_path / "executive-summary.docx", plan_rows=())
    report, found = findings(summary, register, engine)
    smart = [f for f in found if f.code == "SCR404"]
    assert [(f.severity, f.location) for f in smart] == [("warn", _recommendation_paragraph(summary, 1))]
    assert "Recommendation(s) 1, 2 could not be judged SMART" in smart[0].message
    assert report.passed


def test_smartness_judged_from_the_case_when_no_plan_is_checked(tmp_path, minimal_case, anonymiser_factory):
    summary = executive_summary(tmp_path / "executive-summary.docx", plan_rows=(),
                                recommendations=RECOMMENDATIONS)
    report = check_paths([summary], case=minimal_case, anonymiser=anonymiser_factory(minimal_case.register))
    smart = [f for f in report.files[0].findings if f.code == "SCR404"]
    # The minimal case has one recommendation: the summary's second has no action behind it.
    assert [f.message.split(" has ")[0] for f in smart] == ["Recommendation 2"]
    assert smart[0].blocks


def test_the_boards_short_and_long_names_are_the_same_organisation(tmp_path, minimal_case, anonymiser_factory):
    assert minimal_case.chair.organisation == "Westmoor LSCB"
    long_name = (CHAIR[0], CHAIR[1], minimal_case.board.name)
    summary = executive_summary(tmp_path / "executive-summary.docx", people=(long_name, PANEL_CHAIR, AUTHOR))
    report = check_paths([summary], case=minimal_case, anonymiser=anonymiser_factory(minimal_case.register))
    assert not [f for f in report.files[0].findings if f.code == "SCR402"], report.to_text(show=True)
