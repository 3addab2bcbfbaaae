"""The Multi-Agency Action Plan (§8.73–8.75, 8.42, 5.27): one table, used in its own document and in the
Executive Summary (§8.77 asks for the plan there too, with completed actions), so both show the same rows.

Column titles are a contract with the publication checker: keep `COLUMNS` exactly as it is.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..case.model import Action, Case, Recommendation
from .docx_build import BodyWriter
from .sections import Notes, action_counts, agency_label, recommendations, short_date

COLUMNS = (
    "Recommendation", "Action", "Lead agency", "Lead officer", "Target date", "Intended outcome",
    "Success measure", "Monitoring and review", "Status", "Completion date", "Evidence",
)
# Relative widths (roughly centimetres on landscape A4); dates and status need room for 8pt text unbroken.
WIDTHS = (3.2, 2.8, 1.9, 2.0, 2.1, 2.4, 2.4, 2.2, 1.6, 2.2, 2.0)


def rows(case: Case) -> Iterator[tuple[Recommendation, Action, list[str]]]:
    for rec in case.recommendations:
        for action in rec.actions:
            yield rec, action, [
                f"{rec.number}. {rec.text}",
                action.action,
                agency_label(case, action.lead_agency, action.lead_agency_name),
                action.lead_officer_role,
                short_date(action.target_date),
                action.intended_outcome,
                action.success_measure,
                action.monitoring,
                action.status_label,
                short_date(action.completion_date),
                action.evidence or "",
            ]


def action_table(writer: BodyWriter, case: Case, notes: Notes, *, report: str) -> None:
    """The table in a landscape section; recommendations without actions are listed so they are not lost."""
    empty = [rec for rec in case.recommendations if not rec.actions]
    for rec in empty:
        notes.append(f"{report}: recommendation {rec.number} has no actions in recommendations.yaml")
    writer.paragraph(action_counts(case.recommendations))
    if empty:
        writer.runs([("No actions have been agreed yet for recommendation"
                      f"{'s' if len(empty) > 1 else ''} {', '.join(str(r.number) for r in empty)}.", False, True)])
    data = list(rows(case))
    continued = {i for i in range(1, len(data)) if data[i][0] is data[i - 1][0]}
    writer.table(COLUMNS, [cells for _rec, _action, cells in data], widths=WIDTHS, merge_down=continued,
                 font_size=8)


def build_action_plan(writer: BodyWriter, case: Case, notes: Notes) -> None:
    writer.heading("About this action plan", 1)
    writer.paragraph(
        f"This plan sets out how the recommendations of the Serious Case Review about {case.review.child_pseudonym} "
        f"(reference {case.review.reference}) will be put into practice: who will do what, by when and with what "
        f"intended outcome, how success will be measured, and how {case.board.name} will monitor and review "
        f"progress. Every action has a lead officer and a target date."
    )
    writer.heading("Recommendations", 1)
    recommendations(writer, case, with_references=False)
    if not case.recommendations:
        writer.runs([("No recommendations have been recorded in recommendations.yaml yet.", False, True)])
        notes.append("Multi-Agency Action Plan: there are no recommendations yet")
    writer.landscape_from_here()
    writer.heading("Actions", 1)
    action_table(writer, case, notes, report="Multi-Agency Action Plan")
