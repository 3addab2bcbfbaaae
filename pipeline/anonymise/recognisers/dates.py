"""Dates written the UK way, and what the `dates` setting does with them.

keep   – dates stay as written (the default: chronologies are about dates).
month  – the day goes: "12 March 2023" and "12/03/2023" become "March 2023". Less jigsaw risk, the order
         of events survives.
remove – every date becomes "[date]".

Dates of birth are always replaced, whatever this setting says (see date_of_birth.py). Numeric dates are
read day-first; "03/25/2023" is not a date to us and is left for the reference recogniser.
"""
from __future__ import annotations

import calendar
import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import RecogniserContext, ScrRecogniser, recogniser, result

_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_DAY_NAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
DATE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    rf"(?P<nd>\d{{1,2}})(?P<sep>[/.-])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}}|\d{{2}})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    rf"|(?i:{_DAY_NAME})(?P<td>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<tm>(?i:{_MONTHS}))\.?(?:,?\s+(?P<ty>\d{{4}}))?"
    rf"|(?P<um>(?i:{_MONTHS}))\.?\s+(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<uy>\d{{4}})"
    rf"|(?P<mm>(?i:{_MONTHS}))\.?,?\s+(?P<my>\d{{4}})"
    r")(?![\w/-]|\.\d)"
)
_MONTH_NAMES = {name.lower(): calendar.month_name[i] for i, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES.update({name.lower(): calendar.month_name[i] for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_NAMES["sept"] = "September"


def parse_date_match(match: re.Match[str]) -> tuple[bool, str, str | None] | None:
    """(has a day, month name, year or None) for a DATE_RE match, or None when it is not a real date."""
    groups = match.groupdict()
    if groups["nd"]:
        day, month, year = int(groups["nd"]), int(groups["nm"]), groups["ny"]
        if len(year) == 2:
            year = ("20" if int(year) < 50 else "19") + year
    elif groups["iy"]:
        day, month, year = int(groups["id"]), int(groups["im"]), groups["iy"]
    elif groups["td"]:
        day, month, year = int(groups["td"]), _month_number(groups["tm"]), groups["ty"]
    elif groups["um"]:
        day, month, year = int(groups["ud"]), _month_number(groups["um"]), groups["uy"]
    else:
        return False, _MONTH_NAMES[groups["mm"].lower()], groups["my"]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return True, calendar.month_name[month], year


def _month_number(name: str) -> int:
    return list(calendar.month_name).index(_MONTH_NAMES[name.lower().rstrip(".")])


def _month_only(has_day: bool, month: str, year: str | None) -> str | None:
    if not has_day:
        return None  # already only a month: nothing to take away
    return f"{month} {year}" if year else month


_MODES = {
    "keep": None,
    "month": _month_only,
    "remove": lambda has_day, month, year: "[date]",
}


@recogniser
class DateRecogniser(ScrRecogniser, LocalRecognizer):
    code = "date"
    description = "Other dates, handled by the dates setting (keep, month, remove)"

    def __init__(self, mode: str = "keep") -> None:
        self.mode = mode
        self.rule = _MODES[mode]
        super().__init__(supported_entities=["DATE"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> DateRecogniser:
        return cls(context.settings.dates)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if self.rule is None or not any(c.isdigit() for c in text):
            return []
        found = []
        for match in DATE_RE.finditer(text):
            parsed = parse_date_match(match)
            if parsed is None:
                continue
            replacement = self.rule(*parsed)
            if replacement is not None:
                found.append(result("DATE", match.start(), match.end(), 0.5, "pattern", replacement,
                                    recogniser_name=self.code))
        return found
