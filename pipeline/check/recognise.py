"""Which of our documents a file is, so that the statutory content rules know what to expect of it.

A file is recognised by its name (overview-report.docx), by its Title property, or by the title at the top
of its body. Anonymisation may blank the properties, and boards rename files, so any one of the three is
enough. The most specific kinds are tried first: an "Executive Summary of the Overview Report" is a summary.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .documents import CheckedDocument

EXECUTIVE_SUMMARY = "executive-summary"
OVERVIEW_REPORT = "overview-report"
ACTION_PLAN = "action-plan"
CHRONOLOGY = "multi-agency-chronology"

# kind -> (words in a file name, title text), most specific first.
KINDS: dict[str, tuple[str, str]] = {
    EXECUTIVE_SUMMARY: ("executive summary", "Executive Summary"),
    ACTION_PLAN: ("action plan", "Multi-Agency Action Plan"),
    CHRONOLOGY: ("multi agency chronology", "Multi-Agency Chronology"),
    OVERVIEW_REPORT: ("overview report", "Overview Report"),
}

LABELS = {kind: title for kind, (_, title) in KINDS.items()}


def _words(text: str) -> str:
    return " ".join(re.split(r"[\W_]+", text.lower())).strip()


def recognise(doc: CheckedDocument) -> str | None:
    name = _words(doc.path.stem)
    title = ""
    if doc.format in ("docx", "xlsx"):
        title = next((p.value for p in doc.properties() if p.label == "Title"), "")
    headings: list[str] = []
    outline = doc.outline()
    if outline is not None:
        headings = [outline.title() or ""] + _title_lines(outline)
    for kind, (words, label) in KINDS.items():
        wanted = _words(label)
        if words in name or wanted in _words(title) or any(wanted in _words(h) for h in headings):
            return kind
    return None


def _title_lines(outline) -> list[str]:
    """Title, subtitle and heading lines of the cover ("Serious Case Review: Child A", then "Executive Summary"
    as a subtitle). Ordinary paragraphs do not count: a letter's subject line may name the summary."""
    lines = [p for p in outline.paragraphs if p.text.strip()][:_COVER_LINES]
    return [p.text.strip() for p in lines
            if len(p.text.strip()) <= _TITLE_LENGTH and (p.level is not None or "title" in p.style.lower())]


_COVER_LINES = 5
_TITLE_LENGTH = 80
