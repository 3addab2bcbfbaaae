"""The case folder contract: samples validate, and every kind of bad input gets a message a person can act on."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.case import load_case, validate_case
from pipeline.cli import main
from pipeline.errors import CaseInvalid

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "samples" / "minimal"


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(MINIMAL, target)
    return target


def messages(folder: Path) -> str:
    return "\n".join(str(p) for p in validate_case(folder))


@pytest.mark.parametrize("sample", sorted(p.name for p in (ROOT / "samples").iterdir() if p.is_dir()))
def test_every_sample_validates(sample: str) -> None:
    assert validate_case(ROOT / "samples" / sample) == []


def test_minimal_loads_with_real_dates_and_exempt_people() -> None:
    case = load_case(MINIMAL)
    assert case.review.dates.decision == dt.date(2024, 1, 29)
    assert case.review.completion_due == dt.date(2024, 7, 29)
    assert [e.name for e in case.register.exempt] == ["Margaret Ellison", "David Okafor", "Ruth Penhaligon"]
    assert case.chronology[0].agency_name == "Westmoor Police"
    assert case.recommendations[0].actions[0].lead_agency_name == "Westmoor Police"


def test_chronology_merged_in_date_order_and_scope_marked(case_dir: Path) -> None:
    (case_dir / "chronologies" / "police.csv").write_text(
        "Date,Time,Event\n14/03/2023,21:40,late\n14/03/2023,09:00,early\n01/01/2020,,before scope\n", encoding="utf-8"
    )
    wb = openpyxl.Workbook()
    wb.active.append(["Date of event", "Description", "Practitioner role", "Agency"])
    wb.active.append([dt.datetime(2023, 3, 14), "same day, no time", "Duty social worker", "police"])
    wb.save(case_dir / "chronologies" / "police-extra.xlsx")
    case = load_case(case_dir)
    assert [e.event for e in case.chronology] == ["before scope", "same day, no time", "early", "late"]
    assert [e.in_scope for e in case.chronology] == [False, True, True, True]
    assert case.chronology[1].practitioner == "Duty social worker"


@pytest.mark.parametrize(
    ("file", "content", "expected"),
    [
        ("case.yaml", "board: [unclosed\n", "case.yaml, line 2: is not valid YAML"),
        ("chronologies/police.csv", "Date,Event\n31/02/2023,x\n", "police.csv, line 2, column A (Date): date: '31/02/2023' is not a real date"),
        ("chronologies/police.csv", "Date,Event\n03/25/2023,x\n", "looks like a US-style date (month first); write it day-first"),
        ("chronologies/police.csv", "Date,Notes\n01/02/2023,x\n", "police.csv, line 1: event: has no 'event' column (headers found: 'Date', 'Notes')"),
        ("chronologies/police.csv", b"Date,Event\n01/02/2023,caf\xe9\n", "police.csv, line 2: is not saved as UTF-8 text"),
        ("chronologies/police.csv", "Date,Event,Agency\n01/02/2023,x,fire\n", "agency 'fire' is not one of the agencies in case.yaml (police)"),
        ("chronologies/police.csv", "Date,Event\n01/02/2023,\n", "the event is empty"),
        ("imr/police.yaml", "agency: police\n", "imr/police.yaml, line 1: author_role: is missing"),
        ("imr/police.yaml", "agency: police\nauthor_role: DI\nrecords_secured: 30/13/2024\ninvolvement_summary: x\n",
         "imr/police.yaml, line 3: records_secured: '30/13/2024' is not a real date"),
        ("recommendations.yaml", "recommendations:\n  - text: Do better\n    actions: []\n",
         "recommendations.yaml, line 3: recommendations[1].actions: needs at least 1 entry"),
        ("register.yaml", "people:\n  - {name: A B, pseudonym: Child W}\n  - {name: C D, pseudonym: child w}\n",
         "the pseudonym 'child w' is used for two people"),
        ("register.yaml", "people:\n  - {name: Margaret Ellison, pseudonym: Child W}\n",
         "'Margaret Ellison' is listed both as someone to hide and as someone who may be named"),
        ("timescales.yaml", "milestones:\n  - id: new_milestone\n    rule: Something\n",
         "timescales.yaml, line 2: milestones[1]: 'new_milestone' is not one of the standard milestones"),
    ],
    ids=["bad-yaml", "impossible-date", "us-date", "missing-column", "not-utf8", "unknown-agency", "empty-event",
         "imr-missing-field", "imr-bad-date", "recommendation-without-action", "duplicate-pseudonym", "exempt-in-people",
         "board-timescales"],
)
def test_bad_input_is_reported_with_location(case_dir: Path, file: str, content: str | bytes, expected: str) -> None:
    target = case_dir / file
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert expected in messages(case_dir)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("decision: 29/01/2024", "decision: 01/01/2024"), "review.dates.decision: the decision is dated before the referral"),
        (("scope_end: 05/01/2024", "scope_end: 05/01/2022"), "review.dates.scope_end: the scope ends before it starts"),
        (("    name: Westmoor Police", "    name: Westmoor Police\n    colour: blue"), "agencies[1]: has a field that is not recognised: colour"),
        (("reference: WLSCB-SCR-2024-01", "reference:"), "review.reference: should be text, not empty"),
        (("scope_start: 01/06/2022", "scope_start: 01/06/2202"), "is outside the expected range; check the year"),
    ],
    ids=["decision-before-referral", "scope-reversed", "unknown-field", "empty-reference", "year-typo"],
)
def test_case_yaml_cross_checks(case_dir: Path, edit: tuple[str, str], expected: str) -> None:
    path = case_dir / "case.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    assert expected in messages(case_dir)


def test_all_problems_reported_at_once(case_dir: Path) -> None:
    (case_dir / "chronologies" / "police.csv").write_text("Date,Event\n31/02/2023,x\n03/25/2023,y\n", encoding="utf-8")
    (case_dir / "register.yaml").write_text("people:\n  - {name: A B}\n", encoding="utf-8")
    with pytest.raises(CaseInvalid, match="has 3 problems") as info:
        load_case(case_dir)
    assert len(info.value.problems) == 3


def test_imr_reference_must_exist(case_dir: Path) -> None:
    path = case_dir / "recommendations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    lead_agency: police\n    actions:",
                    "    lead_agency: police\n    imr_references: [police-7]\n    actions:", 1), encoding="utf-8")
    assert "'police-7' does not match any IMR recommendation" in messages(case_dir)


def test_empty_folder(tmp_path: Path) -> None:
    assert "case.yaml: is missing; every case folder needs a case.yaml" in messages(tmp_path)


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (["validate", str(MINIMAL)], 0, "is valid: 1 agencies, 1 chronology entries"),
        (["validate", "no-such-folder"], 2, "does not exist"),
    ],
)
def test_cli_validate(args: list[str], code: int, text: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code, result.output
    assert text in result.output


def test_cli_invalid_case_exits_1_with_every_problem(case_dir: Path) -> None:
    (case_dir / "chronologies" / "police.csv").write_text("Date,Event\n31/02/2023,x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(case_dir)])
    assert result.exit_code == 1
    assert "has 1 problem:" in result.output
    assert "police.csv, line 2, column A (Date): date: '31/02/2023' is not a real date" in result.output


def test_cli_validates_a_standalone_register(tmp_path: Path) -> None:
    good = tmp_path / "register.json"
    good.write_text('{"people": [{"name": "Poppy Harrington", "pseudonym": "Child A"}]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(good)])
    assert result.exit_code == 0 and "valid register: 1 people" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"people": [{"name": "Poppy Harrington"}]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1 and "people[1].pseudonym: is missing" in result.output


def test_inputs_never_modified(case_dir: Path) -> None:
    before = {p: p.read_bytes() for p in case_dir.rglob("*") if p.is_file()}
    load_case(case_dir)
    assert {p: p.read_bytes() for p in case_dir.rglob("*") if p.is_file()} == before
