"""The case, as every later stage sees it: plain typed objects with real dates, no dicts to dig through.

Field names follow case.yaml (docs/case-folder.md) so a template author can guess them. Optional
fields are None or an empty list, never missing. Built by `pipeline.case.loader.load_case`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..register import Register

NATIONS = ("england-and-wales", "scotland", "northern-ireland")
_MISSING = object()


def field_value(source: object, path: str) -> object | None:
    """Follow a dotted case field (`review.dates.decision`) through the case objects, as letters and timeline
    rules name them. None when a field on the way is not filled in; AttributeError naming the path when
    there is no such field at all (a typing mistake in a board's catalogue or rules)."""
    value: object | None = source
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part, _MISSING)
        if value is _MISSING:
            raise AttributeError(path)
    return value
ACTION_STATUSES = ("not-started", "in-progress", "complete")


@dataclass(frozen=True)
class Officer:
    """A named person with a role: the Chair, Panel Chair, Overview author, a chief officer, the business manager."""

    name: str
    job_title: str
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class PanelMember:
    """Panel members appear by job title and organisation only (§8.78)."""

    job_title: str
    organisation: str


@dataclass(frozen=True)
class Contact:
    """A letter recipient outside the agencies: Ofsted, DfE, a court, a partner board, the family."""

    key: str
    name: str
    address: list[str]
    job_title: str | None = None
    organisation: str | None = None
    salutation: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    chief_officer: Officer
    address: list[str]
    imr_author_role: str | None = None
    type: str | None = None

    @property
    def is_nhs(self) -> bool:
        return (self.type or "").lower() == "nhs"


@dataclass(frozen=True)
class Board:
    name: str
    short_name: str
    nation: str
    address: list[str]
    protective_marking: str
    business_manager: Officer
    phone: str | None = None
    email: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class ReviewDates:
    referral_received: dt.date
    decision: dt.date
    scope_start: dt.date
    scope_end: dt.date
    records_secured_up_to: dt.date | None = None
    ofsted_notified: dt.date | None = None
    scoping_meeting: dt.date | None = None
    panel_meetings: list[dt.date] = field(default_factory=list)
    board_meeting: dt.date | None = None
    draft_circulated: dt.date | None = None
    completed: dt.date | None = None
    sent_to_ofsted: dt.date | None = None
    evaluation_letter: dt.date | None = None
    final_to_ofsted: dt.date | None = None
    action_plan_sent: dt.date | None = None
    nhs_notified: dt.date | None = None
    imr_first_drafts_received: dt.date | None = None
    publication: dt.date | None = None  # planned or actual publication of the Executive Summary (§8.124)


@dataclass(frozen=True)
class Extension:
    """An agreed extension of the six-month deadline (§8.90)."""

    new_date: dt.date
    reasons: str
    agreed_on: dt.date | None = None


@dataclass(frozen=True)
class FoiRequest:
    """A Freedom of Information request about the review; reply due in 20 working days (§8.117)."""

    received: dt.date
    requester_reference: str | None = None
    subject: str | None = None
    responded: dt.date | None = None
    requester: Contact | None = None


@dataclass(frozen=True)
class Review:
    reference: str
    type: str
    child_pseudonym: str
    criteria: list[str]
    dates: ReviewDates
    summary: str | None = None
    family_involvement: str | None = None
    parallel_processes: str | None = None
    terms_of_reference: list[str] = field(default_factory=list)
    evaluation_grade: str | None = None
    extension: Extension | None = None
    foi_requests: list[FoiRequest] = field(default_factory=list)

    @property
    def completion_due(self) -> dt.date:
        """Six months from the decision (§8.88), or the extended date (§8.90)."""
        from ..dates import add_months

        return self.extension.new_date if self.extension else add_months(self.dates.decision, 6)


@dataclass(frozen=True)
class ChronologyEntry:
    date: dt.date
    agency: str
    agency_name: str
    event: str
    time: str | None = None
    source: str | None = None
    practitioner: str | None = None
    significance: str | None = None
    file: str = ""
    row: int = 0
    in_scope: bool = True


@dataclass(frozen=True)
class Theme:
    theme: str
    text: str


@dataclass(frozen=True)
class Interviews:
    held: bool
    details: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Authorisation:
    job_title: str
    date: dt.date | None = None


@dataclass(frozen=True)
class ImrAction:
    action: str
    expected_outcome: str
    timescale: dt.date
    lead_officer: str


@dataclass(frozen=True)
class ImrRecommendation:
    agency: str
    number: int
    text: str
    actions: list[ImrAction]

    @property
    def ref(self) -> str:
        """How overview recommendations refer to it: `<agency id>-<number>`, e.g. police-1."""
        return f"{self.agency}-{self.number}"


@dataclass(frozen=True)
class Imr:
    """One agency's Individual Management Review findings (§8.53–8.60)."""

    agency: str
    agency_name: str
    author_role: str
    records_secured: dt.date
    involvement_summary: str
    terms_of_reference: list[str] = field(default_factory=list)
    analysis: list[Theme] = field(default_factory=list)
    good_practice: list[str] = field(default_factory=list)
    missed_opportunities: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    interviews: Interviews | None = None
    authorised_by: Authorisation | None = None
    first_draft_received: dt.date | None = None
    recommendations: list[ImrRecommendation] = field(default_factory=list)


@dataclass(frozen=True)
class Action:
    """One row of the Multi-Agency Action Plan (§8.73–8.75, 5.27)."""

    id: str
    action: str
    lead_agency: str
    lead_agency_name: str
    lead_officer_role: str
    target_date: dt.date
    intended_outcome: str
    success_measure: str
    monitoring: str
    status: str = "not-started"
    completion_date: dt.date | None = None
    evidence: str | None = None

    @property
    def status_label(self) -> str:
        return {"not-started": "Not started", "in-progress": "In progress", "complete": "Complete"}[self.status]


@dataclass(frozen=True)
class Recommendation:
    """An overview recommendation (§8.72): few, focused, SMART, pointing at the IMR recommendations."""

    number: int
    text: str
    actions: list[Action]
    national: bool = False
    imr_references: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    path: Path
    board: Board
    review: Review
    chair: Officer
    panel_chair: Officer
    overview_author: Officer
    panel_members: list[PanelMember]
    agencies: list[Agency]
    recipients: dict[str, Contact]
    register: Register
    chronology: list[ChronologyEntry]
    imrs: list[Imr]
    recommendations: list[Recommendation]
    narrative: dict[str, str]
    documents: list[Path]

    def agency(self, agency_id: str) -> Agency:
        for agency in self.agencies:
            if agency.id == agency_id:
                return agency
        raise KeyError(agency_id)

    @property
    def named_people(self) -> list[Officer]:
        """The only people who may be named in published documents (§8.33, 8.78)."""
        return [self.chair, self.panel_chair, self.overview_author]

    @property
    def keep_terms(self) -> tuple[str, ...]:
        """What anonymisation must leave alone: the board, the review's own reference, the agencies and the panel
        members' organisations (they are not the family, and §8.78 wants them shown)."""
        terms = [self.board.name, self.board.short_name, self.review.reference, *(a.name for a in self.agencies)]
        terms += [p.organisation for p in self.panel_members]
        return tuple(dict.fromkeys(t for t in terms if t))

    @property
    def imr_recommendations(self) -> list[ImrRecommendation]:
        return [rec for imr in self.imrs for rec in imr.recommendations]

    @property
    def actions(self) -> list[Action]:
        return [action for rec in self.recommendations for action in rec.actions]
