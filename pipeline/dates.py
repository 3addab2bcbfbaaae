"""UK dates: read day-first, write day-first.

Boards write 12/03/2023 meaning 12 March 2023. A date such as 03/25/2023 cannot be day-first and is
rejected with a message saying so, rather than silently read the American way.
"""
from __future__ import annotations

import datetime as dt
import re

_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?\s*$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WORDS = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\s*$")


class DateFormatError(ValueError):
    """Raised with a message a person can act on; callers add the file and field."""


def parse_uk_date(value: object) -> dt.date:
    """Read a date written the UK way (12/03/2023, 12-03-2023, 12 March 2023) or as ISO (2023-03-12).

    Accepts `datetime.date`/`datetime.datetime` objects unchanged (spreadsheet cells, YAML dates).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise DateFormatError("a date is needed here, written day-first like 12/03/2023")
    text = value.strip()
    match = _NUMERIC.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
        if month > 12 and day <= 12:
            raise DateFormatError(
                f"'{text}' looks like a US-style date (month first); write it day-first, "
                f"for example {day:02d}/{month:02d}/{year} should be {month:02d}/{day:02d}/{year}"
            )
        return _make(year, month, day, text)
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, text)
    match = _WORDS.match(text)
    if match:
        day, month_name, year = match.groups()
        month = _MONTHS.get(month_name.lower())
        if month is None:
            raise DateFormatError(f"'{text}' has a month name that is not recognised")
        return _make(int(year), month, int(day), text)
    raise DateFormatError(f"'{text}' is not a date; write it day-first like 12/03/2023 or 12 March 2023")


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateFormatError(f"'{text}' is not a real date (there is no day {day} in month {month} of {year})") from None


def format_uk_date(value: dt.date, style: str = "long") -> str:
    """`long`: 12 March 2023 (letters and reports). `short`: 12/03/2023 (tables)."""
    if style == "short":
        return value.strftime("%d/%m/%Y")
    return f"{value.day} {value.strftime('%B %Y')}"


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar months, as the procedures mean "within one month": 31 January + 1 month = 28 (or 29) February."""
    import calendar

    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
