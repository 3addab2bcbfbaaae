"""Every milestone of a review with its due date and where it stands on a given day.

Due dates come from the rules (pipeline.timeline.rules) and the case dates; counting is done by
pipeline.dates in the board's nation, so "overdue by 3 working days" skips that nation's bank holidays.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..case.model import Agency, Case, Imr
from ..case.model import field_value as case_field_value
from ..dates import NATION_LABELS, apply_offset, format_uk_date, working_days_between
from ..errors import CaseInvalid, Problem
from .rules import Rule, load_rules

log = logging.getLogger(__name__)

DONE, LATE, OVERDUE, DUE, WAITING, NOT_APPLICABLE = "done", "done-late", "overdue", "due", "waiting", "not-applicable"


@dataclass(frozen=True)
class Condition:
    """When a milestone applies. `test` gives True, False, or None while the case cannot tell yet."""

    test: Callable[[Case], bool | None]
    not_applicable: str
    not_yet_known: str = ""


# Named in the rules' `applies_if`; a board's timescales.yaml can only pick from these.
CONDITIONS: dict[str, Condition] = {
    "nhs_agency_involved": Condition(
        test=lambda case: any(agency.is_nhs for agency in case.agencies),
        not_applicable="no agency in the case has type: nhs",
    ),
    "evaluation_inadequate": Condition(
        test=lambda case: None if case.review.evaluation_grade is None else case.review.evaluation_grade == "inadequate",
        not_applicable="Ofsted did not evaluate the review as inadequate",
        not_yet_known="review.evaluation_grade",
    ),
}


@dataclass(frozen=True)
class Milestone:
    id: str
    rule_id: str
    title: str
    rule: str
    source: str
    due: dt.date | None
    done_on: dt.date | None
    status: str
    working_days: int | None = None
    waiting_for: str | None = None
    reason: str | None = None
    done_field: str = ""
    starts_on: dt.date | None = None

    def describe(self) -> str:
        """The status in words a business manager reads at a glance."""
        days = self.working_days or 0
        plural = "" if days == 1 else "s"
        if self.status == DONE:
            return f"done on {format_uk_date(self.done_on)}"  # type: ignore[arg-type]
        if self.status == LATE:
            return f"done on {format_uk_date(self.done_on)}, {days} working day{plural} late"  # type: ignore[arg-type]
        if self.status == OVERDUE:
            if days == 0:
                return f"overdue since {format_uk_date(self.due)}"  # type: ignore[arg-type]
            return f"overdue by {days} working day{plural}"
        if self.status == DUE:
            return "due today" if days == 0 else f"due in {days} working day{plural}"
        if self.status == WAITING and self.starts_on is not None:
            return f"not yet applicable (counts from {format_uk_date(self.starts_on)})"
        if self.status == WAITING:
            return f"not yet applicable (needs {self.waiting_for})"
        return f"not applicable ({self.reason})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "rule": self.rule, "source": self.source,
            "due": self.due.isoformat() if self.due else None,
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "status": self.status, "working_days": self.working_days, "description": self.describe(),
            "waiting_for": self.waiting_for, "starts_on": self.starts_on.isoformat() if self.starts_on else None,
            "done_field": self.done_field,
        }


@dataclass(frozen=True)
class Timeline:
    reference: str
    child_pseudonym: str
    board: str
    nation: str
    today: dt.date
    milestones: list[Milestone]

    def get(self, milestone_id: str) -> Milestone:
        for milestone in self.milestones:
            if milestone.id == milestone_id:
                return milestone
        raise KeyError(milestone_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference, "child": self.child_pseudonym, "board": self.board, "nation": self.nation,
            "today": self.today.isoformat(), "milestones": [m.as_dict() for m in self.milestones],
        }


_MISSING = object()


@dataclass(frozen=True)
class AgencyItem:
    """An agency as the timeline sees it: the agency's own fields plus its IMR (None until imr/<id>.yaml exists)."""

    agency: Agency
    imr: Imr | None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.agency, name)


def _agencies(case: Case) -> list[AgencyItem]:
    by_agency = {imr.agency: imr for imr in case.imrs}
    return [AgencyItem(agency, by_agency.get(agency.id)) for agency in case.agencies]


# Lists a rule can run over with `each` that need more than the case field itself (agencies with their IMR);
# any other `each` is read from the case as written (review.foi_requests).
COLLECTIONS: dict[str, Callable[[Case], list[Any]]] = {"agencies": _agencies}


def field_value(source: object, path: str, rule: Rule) -> Any:
    """Follow a dotted case field (`review.dates.decision`) through the case objects; None when not filled."""
    try:
        return case_field_value(source, path)
    except AttributeError:
        raise CaseInvalid([Problem(
            file=rule.file, line=rule.line, field=f"milestone '{rule.id}'",
            message=f"'{path}' is not a case field",
            hint="name a field as it is written in case.yaml (see docs/case-folder.md), e.g. review.dates.decision",
        )], source=rule.file) from None


def _on_item(path: str, item: object | None) -> bool:
    return item is not None and getattr(item, path.split(".", 1)[0], _MISSING) is not _MISSING


def _date(path: str, case: Case, item: object | None, rule: Rule) -> dt.date | None:
    """A date field of the item (an FOI request, an agency) when it has one, otherwise of the case."""
    value = field_value(item if _on_item(path, item) else case, path, rule)
    if value is None or isinstance(value, dt.date):
        return value
    raise CaseInvalid([Problem(file=rule.file, line=rule.line, field=f"milestone '{rule.id}'",
                               message=f"'{path}' is not a date field")], source=rule.file)


def _base_and_due(rule: Rule, case: Case, item: object | None) -> tuple[dt.date | None, dt.date | None]:
    replaced = _date(rule.replaced_by, case, None, rule) if rule.replaced_by else None
    base = _date(rule.base, case, item, rule)
    if replaced is not None:
        return base, replaced
    if base is None:
        return None, None
    return base, apply_offset(base, rule.amount, rule.unit, case.board.nation)


def due_date(rule: Rule, case: Case, item: object | None = None) -> dt.date | None:
    """When the milestone falls due; None while the date it counts from is not known."""
    return _base_and_due(rule, case, item)[1]


def _field_label(path: str, item: object | None, where: str) -> str:
    if not _on_item(path, item):
        return path
    if isinstance(item, AgencyItem) and path.startswith("imr."):
        return f"imr/{item.agency.id}.yaml {path[4:]}"
    return where + path


def _assess(rule: Rule, case: Case, today: dt.date, item: object | None, milestone_id: str, title: str,
            condition: bool | None, where: str) -> Milestone:
    done_on, done_path = None, rule.done[0]
    for path in rule.done:  # the first of the fields that is filled in (an agency's own date, then the review's)
        done_on = _date(path, case, item, rule)
        if done_on is not None:
            done_path = path
            break
    base, due = _base_and_due(rule, case, item)
    nation = case.board.nation
    common = dict(id=milestone_id, rule_id=rule.id, title=title, rule=rule.rule, source=rule.source,
                  due=due, done_on=done_on, done_field=_field_label(done_path, item, where))
    if done_on is not None:
        late = working_days_between(due, done_on, nation) if due else 0
        if due and done_on > due and late > 0:
            return Milestone(status=LATE, working_days=late, **common)
        return Milestone(status=DONE, **common)
    if condition is False:
        return Milestone(status=NOT_APPLICABLE, reason=CONDITIONS[rule.applies_if].not_applicable, **common)  # type: ignore[index]
    if due is None:
        return Milestone(status=WAITING, waiting_for=_field_label(rule.base, item, where), **common)
    if condition is None and rule.applies_if:
        return Milestone(status=WAITING, waiting_for=CONDITIONS[rule.applies_if].not_yet_known, **common)
    if base is not None and rule.amount >= 0 and today < base:
        # Counting forward from a date still to come (a request dated ahead): the clock has not started.
        return Milestone(status=WAITING, starts_on=base, **common)
    if today > due:
        return Milestone(status=OVERDUE, working_days=working_days_between(due, today, nation), **common)
    return Milestone(status=DUE, working_days=working_days_between(today, due, nation), **common)


def build_timeline(case: Case, *, today: dt.date | None = None, rules: list[Rule] | None = None) -> Timeline:
    """Every milestone for `case` as it stands on `today` (default: the computer's date)."""
    today = today or dt.date.today()
    rules = rules if rules is not None else load_rules(case.path)
    milestones: list[Milestone] = []
    for rule in rules:
        condition = CONDITIONS[rule.applies_if].test(case) if rule.applies_if else True
        if rule.each:
            collect = COLLECTIONS.get(rule.each)
            items = collect(case) if collect else (field_value(case, rule.each, rule) or [])
            for number, item in enumerate(items, start=1):
                label = field_value(item, rule.label, rule) if rule.label else None
                title = f"{rule.title} ({label or f'no. {number}'})"
                key = getattr(item, "id", None) or number
                where = f"{rule.each}[{number}]."
                milestones.append(_assess(rule, case, today, item, f"{rule.id}-{key}", title, condition, where))
        else:
            milestones.append(_assess(rule, case, today, None, rule.id, rule.title, condition, ""))
    log.info("timeline for %s: %d milestones", case.review.reference, len(milestones))
    return Timeline(
        reference=case.review.reference, child_pseudonym=case.review.child_pseudonym, board=case.board.name,
        nation=case.board.nation, today=today, milestones=milestones,
    )


def format_timeline(timeline: Timeline) -> str:
    """Plain text for the terminal: one block per milestone, dates day-first."""
    lines = [
        f"Timeline for {timeline.reference} ({timeline.child_pseudonym}), {timeline.board}",
        f"As at {format_uk_date(timeline.today)}; working days exclude bank holidays in "
        f"{NATION_LABELS.get(timeline.nation, timeline.nation)}.",
        "",
    ]
    for m in timeline.milestones:
        due = format_uk_date(m.due, "short") if m.due else "not known yet"
        lines.append(f"{m.title}")
        lines.append(f"  rule:   {m.rule} ({m.source})")
        lines.append(f"  due:    {due}")
        lines.append(f"  status: {m.describe()}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
