"""The Overview Report (§8.71–8.72, 8.3) and the Executive Summary (§8.76–8.78), section by section.

The Executive Summary's Heading 1 texts are a contract with the publication checker (`SUMMARY_HEADINGS`);
keep them exactly as they are. Recommendations in both come from `sections.recommendations`, so the two
reports always carry the same words.
"""
from __future__ import annotations

from ..case.model import Case
from .action_plan import action_table
from .docx_build import BodyWriter, style_name
from .sections import (
    Notes, imr_bullets, long_date, narrative_section, recommendations, review_process, who_conducted,
)

OVERVIEW = "Overview Report"
SUMMARY = "Executive Summary"
SUMMARY_HEADINGS = (
    "The review process", "Who conducted the review", "Case summary", "Key issues", "Lessons", "Recommendations",
    "Multi-Agency Action Plan",
)


def build_overview(writer: BodyWriter, case: Case, notes: Notes) -> None:
    def section(stem: str, heading: str, fallback=None) -> None:
        narrative_section(writer, case, notes, report=OVERVIEW, stem=stem, heading=heading, fallback=fallback)

    def summary_fallback() -> bool:
        if not case.review.summary:
            return False
        writer.paragraph(case.review.summary)
        return True

    def involvement_fallback() -> bool:
        wrote = False
        for imr in case.imrs:
            if imr.involvement_summary:
                writer.heading(imr.agency_name, 2)
                writer.paragraph(imr.involvement_summary)
                wrote = True
        return wrote

    def analysis_fallback() -> bool:
        wrote = False
        for imr in case.imrs:
            for theme in imr.analysis:
                writer.heading(f"{theme.theme} ({imr.agency_name})", 2)
                writer.paragraph(theme.text)
                wrote = True
            if imr.missed_opportunities:
                writer.heading(f"Missed opportunities identified by {imr.agency_name}", 2)
                writer.bullets(imr.missed_opportunities)
                wrote = True
        return wrote

    section("introduction", "Introduction", summary_fallback)
    review_process(writer, case, full=True)
    section("family-composition", "Family composition")
    section("agency-involvement", "Summary of agency involvement", involvement_fallback)
    section("child-experience", f"The daily life of {case.review.child_pseudonym}")
    section("analysis", "Analysis", analysis_fallback)
    section("good-practice", "Good practice", lambda: imr_bullets(writer, case, "good_practice"))
    section("lessons", "Lessons", lambda: imr_bullets(writer, case, "lessons"))
    section("conclusions", "Conclusions")

    writer.heading("Recommendations", 1)
    if case.recommendations:
        writer.paragraph("The Overview recommendations below build on the agencies' own IMR recommendations, "
                         "which are listed by agency in Appendix B.")
        recommendations(writer, case, with_references=True)
    else:
        writer.runs([("No recommendations have been recorded yet. Add them to recommendations.yaml.", False, True)])
        notes.append(f"{OVERVIEW}: there are no recommendations yet (add them to recommendations.yaml)")

    writer.heading("Appendix A: Terms of reference", 1)
    if case.review.terms_of_reference:
        writer.paragraph("The review was asked to answer these questions:")
        for item in case.review.terms_of_reference:
            writer.paragraph(item, style_name(writer.doc, "List Number"))
    else:
        writer.runs([("No terms of reference are recorded in case.yaml (review.terms_of_reference).", False, True)])
        notes.append(f"{OVERVIEW}: no terms of reference in case.yaml (review.terms_of_reference)")

    writer.heading("Appendix B: IMR recommendations by agency", 1)
    listed = False
    for imr in case.imrs:
        if not imr.recommendations:
            continue
        listed = True
        writer.heading(imr.agency_name, 2)
        for rec in imr.recommendations:
            writer.labelled(f"{rec.ref}", rec.text)
            for action in rec.actions:
                writer.paragraph(
                    f"Action: {action.action} Expected outcome: {action.expected_outcome} "
                    f"Lead officer: {action.lead_officer}. Timescale: {long_date(action.timescale)}.",
                    style_name(writer.doc, "List Bullet"),
                )
    if not listed:
        writer.runs([("No IMR recommendations have been provided.", False, True)])

    section("glossary", "Appendix C: Glossary")


def build_executive_summary(writer: BodyWriter, case: Case, notes: Notes) -> None:
    def case_summary_fallback() -> bool:
        if not case.review.summary:
            return False
        writer.paragraph(case.review.summary)
        return True

    review_process(writer, case, full=False)
    who_conducted(writer, case)
    narrative_section(writer, case, notes, report=SUMMARY, stem="case-summary", heading="Case summary",
                      fallback=case_summary_fallback)
    narrative_section(writer, case, notes, report=SUMMARY, stem="key-issues", heading="Key issues")
    narrative_section(writer, case, notes, report=SUMMARY, stem="lessons", heading="Lessons",
                      fallback=lambda: imr_bullets(writer, case, "lessons"))
    writer.heading("Recommendations", 1)
    if case.recommendations:
        recommendations(writer, case, with_references=False)
    else:
        writer.runs([("No recommendations have been recorded yet.", False, True)])
        notes.append(f"{SUMMARY}: there are no recommendations yet (add them to recommendations.yaml)")
    writer.landscape_from_here()
    writer.heading("Multi-Agency Action Plan", 1)
    action_table(writer, case, notes, report=SUMMARY)
