"""Sections the Overview Report and the Executive Summary share, written once so the two cannot drift (§8.76).

Each function writes one block of a report through a `BodyWriter`. Narrative sections come from the
Overview author's Markdown; when a section has no narrative and no structured data to fall back on, the
report says so in the text and a warning is returned to the user, never a silent gap.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..case.model import Case, Officer, Recommendation
from ..dates import format_uk_date
from .docx_build import BodyWriter, style_name
from .markdown_docx import render_markdown

Notes = list[str]


def long_date(value) -> str:
    return format_uk_date(value, "long") if value else ""


def short_date(value) -> str:
    return format_uk_date(value, "short") if value else ""


def officer_line(officer: Officer) -> str:
    """Name, job title, organisation: how §8.78 asks for the three named people."""
    return ", ".join(part for part in (officer.name, officer.job_title, officer.organisation) if part)


def agency_label(case: Case, agency_id: str, fallback: str) -> str:
    if agency_id == "lscb":
        return case.board.short_name or case.board.name
    try:
        return case.agency(agency_id).name
    except KeyError:
        return fallback


def missing(writer: BodyWriter, notes: Notes, report: str, stem: str, heading: str) -> None:
    writer.runs([(f"This section has not been written yet. Add narrative/{stem}.md to the case folder.", False, True)])
    notes.append(f"{report}: section '{heading}' has no text yet (add narrative/{stem}.md)")


def narrative_section(
    writer: BodyWriter,
    case: Case,
    notes: Notes,
    *,
    report: str,
    stem: str,
    heading: str,
    level: int = 1,
    fallback: Callable[[], bool] | None = None,
) -> None:
    """A heading, then the author's Markdown for `stem`; else `fallback()` (True if it wrote something)."""
    writer.heading(heading, level)
    text = (case.narrative.get(stem) or "").strip()
    if text:
        render_markdown(writer, text, base_level=level + 1)
        return
    if fallback is not None and fallback():
        return
    missing(writer, notes, report, stem, heading)


def recommendations(writer: BodyWriter, case: Case, *, with_references: bool) -> None:
    """"Recommendation N: text" paragraphs, from the same data in every report (§8.72, 8.77)."""
    by_ref = {rec.ref: rec for rec in case.imr_recommendations}
    for rec in case.recommendations:
        writer.labelled(f"Recommendation {rec.number}", rec.text)
        if rec.national:
            writer.runs([("This recommendation also carries a lesson for national policy and practice.", False, True)])
        if with_references and rec.imr_references:
            refs = [_imr_reference(case, by_ref, ref) for ref in rec.imr_references]
            writer.runs([("Builds on the IMR recommendations: ", False, True), ("; ".join(refs) + ".", False, True)])


def _imr_reference(case: Case, by_ref: dict, ref: str) -> str:
    rec = by_ref.get(ref)
    if rec is None:
        return ref
    return f"{agency_label(case, rec.agency, rec.agency)} recommendation {rec.number} ({ref})"


def review_process(writer: BodyWriter, case: Case, *, level: int = 1, full: bool = True) -> None:
    """Why and how the review was held: criteria, decision, scope, agencies, family, parallel processes."""
    review = case.review
    writer.heading("The review process", level)
    writer.paragraph(
        f"{case.board.name} decided on {long_date(review.dates.decision)} to hold a Serious Case Review about "
        f"{review.child_pseudonym}, after the case was referred on {long_date(review.dates.referral_received)}. "
        f"The review's reference is {review.reference}."
    )
    if review.criteria:
        writer.paragraph("The review was held because:")
        writer.bullets(review.criteria)
    writer.paragraph(
        f"The review looked at the involvement of agencies from {long_date(review.dates.scope_start)} to "
        f"{long_date(review.dates.scope_end)}."
    )
    if review.terms_of_reference:
        if full:
            writer.paragraph("The terms of reference are set out in Appendix A.")
        else:
            writer.paragraph("The review's terms of reference asked:")
            writer.bullets(review.terms_of_reference)
    if case.imrs:
        writer.paragraph("Individual Management Reviews were provided by:")
        writer.bullets(f"{imr.agency_name} (author: {imr.author_role})" for imr in case.imrs)
    other = sorted({a.name for a in case.agencies} - {imr.agency_name for imr in case.imrs})
    if other and full:
        writer.paragraph("Information was also provided by: " + ", ".join(other) + ".")
    if full and case.panel_members:
        writer.paragraph("The Serious Case Review Panel was made up of:")
        writer.bullets(f"{m.job_title}, {m.organisation}" for m in case.panel_members)
    if review.family_involvement:
        writer.heading("Involvement of the family", level + 1)
        writer.paragraph(review.family_involvement)
    if review.parallel_processes:
        writer.heading("Parallel processes", level + 1)
        writer.paragraph(review.parallel_processes)


def who_conducted(writer: BodyWriter, case: Case, *, level: int = 1) -> None:
    """The three people named (§8.78) with job titles and organisations; panel members by role only."""
    writer.heading("Who conducted the review", level)
    for label, officer in (
        ("LSCB Chair", case.chair),
        ("Serious Case Review Panel Chair", case.panel_chair),
        ("Overview Report author", case.overview_author),
    ):
        writer.labelled(label, officer_line(officer))
    if case.panel_members:
        writer.paragraph("The members of the Serious Case Review Panel were:")
        writer.bullets(f"{m.job_title}, {m.organisation}" for m in case.panel_members)


def imr_bullets(writer: BodyWriter, case: Case, attribute: str) -> bool:
    """Fallback for good practice and lessons: each agency's IMR list under its name. True if anything written."""
    wrote = False
    for imr in case.imrs:
        items: Iterable[str] = getattr(imr, attribute) or []
        items = list(items)
        if not items:
            continue
        writer.heading(imr.agency_name, 2)
        writer.bullets(items)
        wrote = True
    return wrote


def action_counts(recs: list[Recommendation]) -> str:
    actions = [a for rec in recs for a in rec.actions]
    done = sum(a.status == "complete" for a in actions)
    going = sum(a.status == "in-progress" for a in actions)
    waiting = len(actions) - done - going
    noun = "action" if len(actions) == 1 else "actions"
    return (f"The plan has {len(actions)} {noun} for {len(recs)} recommendation{'s' if len(recs) != 1 else ''}: "
            f"{done} complete, {going} in progress and {waiting} not started.")


def caption(writer: BodyWriter, text: str) -> None:
    writer.paragraph(text, style_name(writer.doc, "Caption"))
