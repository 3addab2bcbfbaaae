"""Statutory content (§8.72–8.78, 8.42, 5.27): what the Executive Summary must contain and who it must
name, that its recommendations are the Overview Report's, that every recommendation can be acted on, and
that every action-plan row says who does what by when. These rules run on Word files recognised as one
of our documents (by file name, Title property or the title at the top of the body)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..actionplan import REQUIRED, has_plan, header_columns, is_target_date, plan_rows, recommendations, same_text
from ..findings import BLOCK, WARN, Finding
from ..outline import Outline, Section
from ..recognise import ACTION_PLAN, EXECUTIVE_SUMMARY, OVERVIEW_REPORT
from .base import Rule, register

# §8.77: review process, key issues, recommendations and the action plan; §8.78: who conducted it.
SUMMARY_SECTIONS = (
    ("the review process", re.compile(r"review process|conduct of the review|how the review was", re.I)),
    ("the key issues", re.compile(r"key issues?|key findings|issues identified", re.I)),
    ("the recommendations", re.compile(r"recommendations?", re.I)),
    ("the Multi-Agency Action Plan", re.compile(r"action plan", re.I)),
)
WHO_CONDUCTED = re.compile(r"who conducted|conducted the review|review team|authorship|the panel", re.I)
_PARTS = re.compile(r"\s*(?:[,;:()|\t\u2013\u2014]|\s-\s)\s*")
_ROLES = (
    ("the LSCB Chair", re.compile(r"\b(?:LSCB|board|independent)\s+chair\b|\bchair of the (?:LSCB|board)\b", re.I)),
    ("the Panel Chair", re.compile(r"\bpanel chair\b|\bchair of the (?:serious case review |review )?panel\b", re.I)),
    ("the Overview author", re.compile(r"\b(?:overview )?(?:report )?author\b", re.I)),
)


class ContentRule(Rule):
    formats = ("docx",)
    kinds: tuple[str, ...] = ()

    def applies(self, doc) -> bool:
        return super().applies(doc) and doc.kind in self.kinds


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _contains(haystack: str, needle: str | None) -> bool:
    return bool(needle) and f" {_norm(needle)} " in f" {_norm(haystack)} "


@register
class SummarySectionsRule(ContentRule):
    code = "SCR401"
    category = "content"
    severity = BLOCK
    description = "The Executive Summary covers the review process, key issues, recommendations and action plan (§8.77)"
    kinds = (EXECUTIVE_SUMMARY,)

    def check(self, doc, ctx):
        outline: Outline = doc.outline()
        headings = [p for p in outline.paragraphs if p.level and p.text.strip()]
        sections = {id(s.heading): s for level in (1, 2, 3) for s in outline.sections(level)}
        for what, pattern in SUMMARY_SECTIONS:
            heading = next((h for h in headings if pattern.search(h.text)), None)
            if heading is None:
                yield self.finding("whole document", f"The Executive Summary has no section on {what} (§8.77). "
                                                     "Add a heading and the section.")
                continue
            section = sections.get(id(heading))
            if section is not None and not _has_content(section):
                yield self.finding(heading.location, f"The section on {what} is empty. Fill it in (§8.77).")


def _has_content(section: Section) -> bool:
    return any(p.text.strip() for p in section.paragraphs) or any(
        any(cell for row in t.rows for cell in row) for t in section.tables
    )


@register
class NamedPeopleRule(ContentRule):
    code = "SCR402"
    category = "content"
    severity = BLOCK
    description = "The Executive Summary names the LSCB Chair, Panel Chair and Overview author with job titles and organisations (§8.78)"
    kinds = (EXECUTIVE_SUMMARY,)

    def check(self, doc, ctx):
        outline: Outline = doc.outline()
        officers = [o for o in ctx.named_officers() if o.job_title or o.organisation]
        if ctx.case is not None or officers:
            yield from self._against_data(outline, officers, ctx)
        else:
            yield from self._by_shape(outline, ctx)

    def _mentions(self, outline: Outline, name: str) -> list[tuple[str, str]]:
        """(text, location) of each paragraph or table row naming `name`. A paragraph is read together with
        the one after it, for layouts that put the job title and organisation on the next line."""
        found = []
        paragraphs = outline.paragraphs
        for index, para in enumerate(paragraphs):
            if not _contains(para.text, name):
                continue
            text = para.text
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and following.level is None:
                text += " \n " + following.text
            found.append((text, para.location))
        for table in outline.tables:
            for number, row in enumerate(table.rows, start=1):
                if _contains(" | ".join(row), name):
                    found.append((" | ".join(row), f"table {table.number}, row {number}"))
        return found

    def _against_data(self, outline: Outline, officers, ctx) -> Iterator[Finding]:
        for officer in officers:
            mentions = self._mentions(outline, officer.name)
            if not mentions:
                yield self.finding("whole document", f"The Executive Summary does not name {officer.role} "
                                                     f"({officer.name}) (§8.78). Add their name, job title and "
                                                     "organisation.")
                continue
            missing_best: list[str] | None = None
            where_best = mentions[0][1]
            for text, where in mentions:
                missing = []
                if officer.job_title and not _contains(text, officer.job_title):
                    missing.append(f"job title ('{officer.job_title}')")
                if officer.organisation and not any(_contains(text, o) for o in _same_organisation(officer, ctx)):
                    missing.append(f"organisation ('{officer.organisation}')")
                if missing_best is None or len(missing) < len(missing_best):
                    missing_best, where_best = missing, where
            if missing_best:
                yield self.finding(where_best, f"{_capital(officer.role)} ({officer.name}) is named without their "
                                               f"{' or '.join(missing_best)} (§8.78). Give the name, job title "
                                               "and employing organisation together.")

    def _by_shape(self, outline: Outline, ctx) -> Iterator[Finding]:
        section = next((s for level in (1, 2) for s in outline.sections(level) if WHO_CONDUCTED.search(s.heading.text)), None)
        if section is None:
            yield self.finding("whole document", "The Executive Summary has no section saying who conducted the "
                                                 "review: name the LSCB Chair, the Panel Chair and the Overview "
                                                 "author with their job titles and organisations (§8.78).")
            return
        entries = [(p.text, p.location) for p in section.paragraphs if p.text.strip()]
        entries += [(" | ".join(row), f"table {t.number}, row {n}") for t in section.tables
                    for n, row in enumerate(t.rows, start=1) if any(row)]
        for role, pattern in _ROLES:
            entry = next(((text, where) for text, where in entries if pattern.search(text)), None)
            if entry is None:
                yield self.finding(section.heading.location,
                                   f"The section '{section.heading.text.strip()}' does not say who {role} is (§8.78). "
                                   "Give their name, job title and organisation.")
                continue
            text, where = entry
            # "Panel Chair: Jane Smith, Head of Safeguarding, Northshire County Council": what follows the role
            # label must hold three parts. Run the check with --case to compare with the case's own details.
            named = text.split(":", 1)[1] if ":" in text else pattern.sub("", text, count=1)
            # A label the anonymiser left ("[organisation]") is not an organisation.
            parts = [p for p in _PARTS.split(named) if p.strip() and not ctx.is_pseudonym(p)]
            if len(parts) < 3:
                yield self.finding(where, f"The entry for {role} should give a name, a job title and an "
                                          f"organisation (§8.78); it has {len(parts)} part(s). Run the check with "
                                          "--case to compare it with the case details.")


@register
class RecommendationsMatchRule(ContentRule):
    code = "SCR403"
    category = "content"
    severity = BLOCK
    description = "The Executive Summary's recommendations are the Overview Report's, word for word (§8.76)"
    kinds = (EXECUTIVE_SUMMARY,)

    def check(self, doc, ctx):
        mine = {r.number: r for r in recommendations(doc.outline())}
        for overview in ctx.of_kind(OVERVIEW_REPORT, outline=True):
            theirs = {r.number: r for r in recommendations(overview.outline())}
            if not theirs:
                continue
            name = overview.path.name
            for number, rec in sorted(theirs.items()):
                if number not in mine:
                    yield self.finding("whole document", f"Recommendation {number} of the Overview Report ({name}) "
                                                         "is missing from the Executive Summary (§8.76).")
                elif not same_text(rec.text, mine[number].text):
                    yield self.finding(mine[number].para.location,
                                       f"Recommendation {number} differs from the Overview Report's ({name}). "
                                       "Use the same wording in both (§8.76).")
            for number, rec in sorted(mine.items()):
                if number not in theirs:
                    yield self.finding(rec.para.location, f"Recommendation {number} is not in the Overview Report "
                                                          f"({name}) (§8.76).")


@register
class SmartRecommendationsRule(ContentRule):
    code = "SCR404"
    category = "content"
    severity = BLOCK
    description = "Every recommendation has an owner, a measurable outcome and a target date in the action plan (§8.72, 8.42)"
    kinds = (EXECUTIVE_SUMMARY, OVERVIEW_REPORT)

    def check(self, doc, ctx):
        recs = recommendations(doc.outline())
        if not recs:
            return
        rows = plan_rows(doc.outline())
        if not rows:
            for plan in ctx.of_kind(ACTION_PLAN, outline=True):
                rows.extend(plan_rows(plan.outline()))
        if rows:
            yield from self._from_rows(recs, rows)
        elif ctx.case is not None:
            yield from self._from_case(recs, ctx.case)
        else:
            numbers = ", ".join(str(rec.number) for rec in recs)
            yield self.finding(recs[0].para.location, f"Recommendation(s) {numbers} could not be judged SMART (owner, "
                                                      "measurable outcome, target date): check this file together "
                                                      "with the Multi-Agency Action Plan, or give --case.",
                               severity=WARN)

    def _from_rows(self, recs, rows) -> Iterator[Finding]:
        for rec in recs:
            mine = [r for r in rows if r.recommendation_number == rec.number]
            if not mine:
                yield self.finding(rec.para.location, f"Recommendation {rec.number} has no action in the "
                                                      "Multi-Agency Action Plan: give it an owner, a measurable "
                                                      "outcome and a target date (§8.72, 8.74).")
                continue
            gaps = []
            if not any(r.get("lead_officer") or r.get("lead_agency") for r in mine):
                gaps.append("owner")
            if not any(r.get("success_measure") for r in mine):
                gaps.append("measurable outcome")
            if not any(is_target_date(r.get("target_date")) for r in mine):
                gaps.append("target date")
            if gaps:
                yield self.finding(rec.para.location, f"Recommendation {rec.number} has no {_and(gaps)} in the "
                                                      "action plan, so it cannot be acted on or monitored (§8.72).")

    def _from_case(self, recs, case) -> Iterator[Finding]:
        by_number = {r.number: r for r in case.recommendations}
        for rec in recs:
            data = by_number.get(rec.number)
            if data is None or not data.actions:
                yield self.finding(rec.para.location, f"Recommendation {rec.number} has no action in the case's "
                                                      "action plan (recommendations.yaml) (§8.72, 8.74).")
                continue
            gaps = []
            if not any(a.lead_officer_role or a.lead_agency for a in data.actions):
                gaps.append("owner")
            if not any((a.success_measure or "").strip() for a in data.actions):
                gaps.append("measurable outcome")
            if not any(a.target_date for a in data.actions):
                gaps.append("target date")
            if gaps:
                yield self.finding(rec.para.location, f"Recommendation {rec.number} has no {_and(gaps)} (§8.72).")


def _same_organisation(officer, ctx) -> set[str]:
    """The officer's organisation as it may be written: the board by either of its names, and "LSCB" for
    "Local Safeguarding Children Board" ("Westmoor LSCB" is the same employer as the board's full name)."""
    names = {officer.organisation}
    if ctx.case is not None:
        board = {ctx.case.board.name, ctx.case.board.short_name}
        if officer.organisation in board:
            names |= board
    for name in list(names):
        if name:
            names.add(_LONG_LSCB.sub("LSCB", name))
            names.add(re.sub(r"\bLSCB\b", "Local Safeguarding Children Board", name))
    return {n for n in names if n}


_LONG_LSCB = re.compile(r"\bLocal Safeguarding Children Board\b", re.I)


def _closest_plan_table(outline: Outline) -> tuple[str, str]:
    """Where and why no action-plan table was recognised: name the columns the nearest table lacks."""
    needed = {"action": "Action", "lead_officer": "Lead officer", "target_date": "Target date"}
    best = max((t for t in outline.tables if t.rows), key=lambda t: len(header_columns(t.rows[0])), default=None)
    if best is None or not header_columns(best.rows[0]):
        return ("whole document", "No action-plan table was found: it needs a table whose first row has Action, "
                                  "Lead officer and Target date columns (§8.74).")
    columns = header_columns(best.rows[0])
    missing = [label for key, label in needed.items() if key not in columns]
    if "lead_officer" not in missing or "lead_agency" in columns:
        missing = [m for m in missing if m != "Lead officer"]
    heading = " | ".join(best.rows[0])
    return (f"table {best.number}, row 1", f"This table's first row has no {' or '.join(repr(m) for m in missing)} "
                                           f"column, so the action plan cannot be read (§8.74). The row reads: "
                                           f"{heading}")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


@register
class ActionPlanRowsRule(ContentRule):
    code = "SCR405"
    category = "content"
    severity = BLOCK
    description = "Every action-plan row says who, what, by when, the intended outcome, the success measure and the monitoring (§8.74, 5.27)"
    kinds = (ACTION_PLAN, EXECUTIVE_SUMMARY, OVERVIEW_REPORT)

    def check(self, doc, ctx):
        outline: Outline = doc.outline()
        if doc.kind == ACTION_PLAN and not has_plan(outline):
            yield self.finding(*_closest_plan_table(outline))
            return
        rows = plan_rows(outline)
        for row in rows:
            for key, what in REQUIRED.items():
                if key not in row.columns:
                    continue
                value = row.get(key)
                if not value:
                    yield self.finding(row.cell_location(key), f"This action does not say {what} (§8.74, 5.27).")
                elif key == "target_date" and not is_target_date(value):
                    yield self.finding(row.cell_location(key), f"The target date '{value}' is not a date; write "
                                                               "it day-first, like 30/09/2025 (§8.74).")
            status = row.get("status").lower()
            if status.startswith("complete") and "completion_date" in row.columns and not row.get("completion_date"):
                yield self.finding(row.cell_location("completion_date"),
                                   "This action is marked complete but has no completion date (§8.77).")
        for table in {id(r.table): r for r in rows}.values():
            # "Who" is satisfied by either a lead officer or a lead agency column.
            who = {"lead_officer", "lead_agency"} if {"lead_officer", "lead_agency"} & set(table.columns) else set()
            absent = [what for key, what in REQUIRED.items() if key not in table.columns and key not in who]
            if absent:
                yield self.finding(f"table {table.table.number}, row 1",
                                   f"The action plan has no column for {_and(absent)} (§8.74, 5.27).")
