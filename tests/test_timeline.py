"""The timeline: due dates from the rules, statuses for a fixed day, board overrides, the .ics file, the CLI."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import icalendar
import pytest
import yaml
from click.testing import CliRunner

from pipeline.case import load_case
from pipeline.cli import main
from pipeline.dates import parse_uk_date as D
from pipeline.errors import CaseInvalid
from pipeline.timeline import build_timeline, load_rules, timeline_to_ics
from pipeline.timeline.rules import DEFAULT_RULES

MINIMAL = Path(__file__).resolve().parents[1] / "samples" / "minimal"


def make_case(tmp_path: Path, *, dates=None, review=None, nation="england-and-wales", nhs=True,
              timescales: str | None = None) -> Path:
    """samples/minimal copied into tmp_path with the review dates (and anything else) changed."""
    folder = tmp_path / "case"
    shutil.copytree(MINIMAL, folder)
    data = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    data["board"]["nation"] = nation
    data["review"]["dates"] = {
        "referral_received": "04/09/2023", "decision": "26/09/2023",
        "scope_start": "01/09/2021", "scope_end": "27/08/2023", **(dates or {}),
    }
    data["review"].update(review or {})
    if nhs:
        data["agencies"].append({
            "id": "acute-trust", "name": "Westmoor Hospitals NHS Trust", "type": "nhs",
            "chief_officer": {"name": "Priya Raman", "job_title": "Chief Executive"},
            "address": ["Westmoor General Hospital", "Westmoor", "WM4 4DD"],
        })
    (folder / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    if timescales is not None:
        (folder / "timescales.yaml").write_text(timescales, encoding="utf-8")
    return folder


def statuses(folder: Path, today: str) -> dict[str, tuple[str | None, str]]:
    timeline = build_timeline(load_case(folder), today=D(today))
    return {m.id: (m.due.strftime("%d/%m/%Y") if m.due else None, m.describe()) for m in timeline.milestones}


EARLY = {
    "ofsted_notified": "29/09/2023",
    "board_meeting": "05/06/2024",
}


@pytest.mark.parametrize(
    ("milestone", "due", "status"),
    [
        ("chair_decision", "04/10/2023", "done on 26 September 2023"),  # 04/09/2023 + 1 month, decided 26/09
        ("ofsted_notified", "27/09/2023", "done on 29 September 2023, 2 working days late"),
        ("nhs_notified", "26/10/2023", "overdue by 4 working days"),  # 27 Oct, 30, 31 Oct, 1 Nov
        ("imr_first_drafts-police", "05/12/2023", "due in 24 working days"),  # decision + 10 weeks
        ("imr_first_drafts-acute-trust", "05/12/2023", "due in 24 working days"),
        ("draft_circulated", "21/05/2024", "due in 138 working days"),  # 10 working days before, over 27 May
        ("review_completed", "26/03/2024", "due in 101 working days"),  # six months, over Christmas
        ("final_to_ofsted", None, "not yet applicable (needs review.dates.evaluation_letter)"),
        ("inadequate_action_plan", None, "not yet applicable (needs review.dates.evaluation_letter)"),
    ],
)
def test_statuses_early_in_the_review(tmp_path, milestone, due, status):
    folder = make_case(tmp_path, dates=EARLY)
    found = statuses(folder, "01/11/2023")
    assert found[milestone] == (due, status)


def test_chair_decision_done_is_reported_whatever_the_referral_date(tmp_path):
    # referral 04/09/2023: the rule is one calendar month, so the due date is 04/10/2023
    folder = make_case(tmp_path)
    timeline = build_timeline(load_case(folder), today=D("01/11/2023"))
    assert timeline.get("chair_decision").due == D("04/10/2023")


LATE = {
    "ofsted_notified": "27/09/2023", "nhs_notified": "19/10/2023", "imr_first_drafts_received": "08/12/2023",
    "board_meeting": "05/06/2024", "draft_circulated": "17/05/2024", "completed": "05/06/2024",
    "evaluation_letter": "01/07/2024",
}
FOI = [
    {"received": "11/03/2024", "requester_reference": "FOI-2024-0311", "responded": "08/04/2024"},
    {"received": "22/07/2024", "requester_reference": "FOI-2024-0722"},
]


@pytest.mark.parametrize(
    ("nation", "milestone", "due", "status"),
    [
        ("england-and-wales", "nhs_notified", "26/10/2023", "done on 19 October 2023"),
        ("england-and-wales", "imr_first_drafts-police", "05/12/2023", "done on 8 December 2023, 3 working days late"),
        ("england-and-wales", "draft_circulated", "21/05/2024", "done on 17 May 2024"),
        ("england-and-wales", "review_completed", "28/06/2024", "done on 5 June 2024"),  # the extended date
        ("england-and-wales", "sent_to_ofsted", "28/06/2024", "overdue by 34 working days"),
        ("england-and-wales", "foi_reply-1", "10/04/2024", "done on 8 April 2024"),  # over Easter 2024
        ("england-and-wales", "foi_reply-2", "19/08/2024", "due in 2 working days"),
        ("scotland", "foi_reply-2", "20/08/2024", "due in 3 working days"),  # Scottish summer holiday 05/08
        ("england-and-wales", "final_to_ofsted", "01/08/2024", "overdue by 10 working days"),
        ("england-and-wales", "inadequate_action_plan", "01/10/2024", "due in 32 working days"),  # over 26/08
        ("scotland", "inadequate_action_plan", "01/10/2024", "due in 33 working days"),
        ("scotland", "draft_circulated", "21/05/2024", "done on 17 May 2024"),  # 27 May is UK-wide
    ],
)
def test_statuses_late_in_the_review(tmp_path, nation, milestone, due, status):
    folder = make_case(tmp_path, dates=LATE, nation=nation, review={
        "evaluation_grade": "inadequate", "foi_requests": FOI,
        "extension": {"new_date": "28/06/2024", "reasons": "Criminal trial", "agreed_on": "14/02/2024"},
    })
    found = statuses(folder, "15/08/2024")
    assert found[milestone] == (due, status)
    assert found["foi_reply-1"][0] is not None


@pytest.mark.parametrize(
    ("grade", "nhs", "milestone", "status"),
    [
        ("good", True, "inadequate_action_plan", "not applicable (Ofsted did not evaluate the review as inadequate)"),
        (None, True, "inadequate_action_plan", "not yet applicable (needs review.evaluation_grade)"),
        ("good", False, "nhs_notified", "not applicable (no agency in the case has type: nhs)"),
    ],
)
def test_milestones_that_only_apply_sometimes(tmp_path, grade, nhs, milestone, status):
    review = {"evaluation_grade": grade} if grade else {}
    folder = make_case(tmp_path, dates={"evaluation_letter": "01/07/2024"}, review=review, nhs=nhs)
    assert statuses(folder, "15/08/2024")[milestone][1] == status


def test_due_today(tmp_path):
    folder = make_case(tmp_path)
    assert statuses(folder, "05/12/2023")["imr_first_drafts-police"][1] == "due today"


def test_the_default_rules_are_complete_and_cite_a_source():
    rules = load_rules()
    assert [r.id for r in rules] == [
        "chair_decision", "ofsted_notified", "nhs_notified", "imr_first_drafts", "draft_circulated",
        "review_completed", "sent_to_ofsted", "foi_reply", "final_to_ofsted", "inadequate_action_plan",
    ]
    for rule in rules:
        assert "§" in rule.source, rule.id


def test_a_board_can_change_a_timescale_and_switch_one_off(tmp_path):
    folder = make_case(tmp_path, timescales=(
        "milestones:\n"
        "  - id: imr_first_drafts\n"
        "    offset: {amount: 8, unit: weeks}\n"
        "    rule: Within 8 weeks of the decision (Westmoor protocol)\n"
        "  - id: nhs_notified\n"
        "    enabled: false\n"
        "  - id: panel_first_meeting\n"
        "    title: First Panel meeting\n"
        "    rule: Within 15 working days of the decision\n"
        "    source: Westmoor protocol 4.2\n"
        "    base: review.dates.decision\n"
        "    offset: {amount: 15, unit: working-days}\n"
        "    done: review.dates.scoping_meeting\n"
    ))
    timeline = build_timeline(load_case(folder), today=D("01/11/2023"))
    imr = timeline.get("imr_first_drafts-police")
    assert (imr.due, imr.rule, imr.source) == (D("21/11/2023"), "Within 8 weeks of the decision (Westmoor protocol)",
                                               "§8.51; timescales chart")
    assert "nhs_notified" not in [m.id for m in timeline.milestones]
    assert timeline.get("panel_first_meeting").due == D("17/10/2023")


@pytest.mark.parametrize(
    ("timescales", "message"),
    [
        ("milestones:\n  - id: imr_first_drafts\n    offset: {amount: 8, unit: fortnights}\n",
         r"timescales.yaml, line 3: milestones\[1\].offset.unit: .fortnights. is not one of the allowed values"),
        ("milestones:\n  - id: strategy_meeting\n    offset: {amount: 1, unit: weeks}\n",
         "'strategy_meeting' is not one of the standard milestones, so it is a new one and needs title, rule"),
        ("milestones:\n  - id: imr_first_drafts\n    base: review.dates.decided\n",
         "'review.dates.decided' is not a case field"),
    ],
)
def test_a_bad_board_timescale_is_reported_with_file_and_line(tmp_path, timescales, message):
    folder = make_case(tmp_path, timescales=timescales)
    with pytest.raises(CaseInvalid, match=message):
        build_timeline(load_case(folder), today=D("01/11/2023"))


def test_ics_parses_back_with_one_event_per_due_date(tmp_path):
    folder = make_case(tmp_path, dates=LATE, review={"foi_requests": FOI})
    timeline = build_timeline(load_case(folder), today=D("15/08/2024"))
    cal = icalendar.Calendar.from_ical(timeline_to_ics(timeline))
    events = list(cal.walk("VEVENT"))
    dated = [m for m in timeline.milestones if m.due]
    assert len(events) == len(dated) == 12  # one IMR per agency; the inadequate-evaluation plan has a due date
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)
    imr = by_uid["WLSCB-SCR-2024-01.imr_first_drafts-police@scr"]
    assert imr.decoded("DTSTART") == D("05/12/2023")
    assert "First draft of the Individual Management Review (Westmoor Police)" in str(imr["SUMMARY"])
    assert "§8.51" in str(imr["DESCRIPTION"])
    assert "3 working days late" in str(imr["DESCRIPTION"])
    foi = by_uid["WLSCB-SCR-2024-01.foi_reply-2@scr"]
    assert foi.decoded("DTSTART") == D("19/08/2024")
    assert [a.decoded("TRIGGER") for a in foi.walk("VALARM")] == [-dt.timedelta(days=3)]  # still to do
    assert not list(imr.walk("VALARM"))  # done: no reminder
    assert str(cal["VERSION"]) == "2.0"


runner = CliRunner()


def test_cli_text_json_and_ics(tmp_path):
    folder = make_case(tmp_path, dates=EARLY)
    ics = tmp_path / "out" / "timeline.ics"
    result = runner.invoke(main, ["timeline", str(folder), "--today", "01/11/2023", "--ics", str(ics)])
    assert result.exit_code == 0, result.output
    assert "Ofsted told of the decision" in result.output
    assert "status: overdue by 4 working days" in result.output
    assert "rule:   Within 10 weeks of the decision to hold the review (§8.51; timescales chart)" in result.output
    assert f"Calendar written to {ics}" in result.output
    assert icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")

    result = runner.invoke(main, ["timeline", str(folder), "--today", "01/11/2023", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    imr = next(m for m in data["milestones"] if m["id"] == "imr_first_drafts-police")
    assert (imr["due"], imr["status"], imr["working_days"]) == ("2023-12-05", "due", 24)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--today", "03/25/2024"], 2, "looks like a US-style date"),
        (["--today", "yesterday"], 2, "is not a date; write it day-first"),
    ],
)
def test_cli_bad_today(tmp_path, args, code, message):
    folder = make_case(tmp_path)
    result = runner.invoke(main, ["timeline", str(folder), *args])
    assert result.exit_code == code
    assert message in result.output


def test_cli_bad_board_timescales_exit_1(tmp_path):
    folder = make_case(tmp_path, timescales="milestones: []\n")
    result = runner.invoke(main, ["timeline", str(folder)])
    assert result.exit_code == 1
    assert "timescales.yaml" in result.output


def test_default_rules_file_is_where_the_docs_say():
    assert DEFAULT_RULES.name == "timeline-rules.yaml" and DEFAULT_RULES.parent.name == "templates"


def test_each_agency_imr_is_tracked_from_its_own_file(tmp_path):
    folder = make_case(tmp_path)
    imr = folder / "imr" / "police.yaml"
    imr.write_text(imr.read_text(encoding="utf-8") + "first_draft_received: 28/11/2023\n", encoding="utf-8")
    timeline = build_timeline(load_case(folder), today=D("12/12/2023"))
    police, trust = timeline.get("imr_first_drafts-police"), timeline.get("imr_first_drafts-acute-trust")
    assert (police.describe(), police.done_field) == ("done on 28 November 2023", "imr/police.yaml first_draft_received")
    assert trust.describe() == "overdue by 5 working days"  # no IMR file yet for the trust


def test_a_clock_that_has_not_started(tmp_path):
    folder = make_case(tmp_path, review={"foi_requests": FOI})
    found = statuses(folder, "01/07/2024")
    assert found["foi_reply-2"] == ("19/08/2024", "not yet applicable (counts from 22 July 2024)")
    assert found["foi_reply-1"] == ("10/04/2024", "done on 8 April 2024")


def test_the_child_a_sample_shows_its_late_and_missing_imrs():
    sample = Path(__file__).resolve().parents[1] / "samples" / "child-a"
    result = runner.invoke(main, ["timeline", str(sample), "--today", "01/07/2024", "--json"])
    assert result.exit_code == 0, result.output
    found = {m["id"]: m for m in json.loads(result.output)["milestones"]}
    assert found["imr_first_drafts-ambulance"]["status"] == "overdue"
    assert found["imr_first_drafts-housing"]["description"].startswith("done on 15 January 2024")
    assert found["review_completed"]["due"] == "2024-06-28"  # the agreed extension
    assert found["final_to_ofsted"]["waiting_for"] == "review.dates.evaluation_letter"
