"""UK dates: read day-first, write day-first.

Boards write 12/03/2023 meaning 12 March 2023. A date such as 03/25/2023 cannot be day-first and is
rejected with a message saying so, rather than silently read the American way.
"""
from __future__ import annotations

import calendar as _calendar_module
import datetime as dt
import functools
import re
from collections.abc import Callable

import holidays

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
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, _calendar_module.monthrange(year, month)[1]))


# --- Working days ---------------------------------------------------------------------------------------------
# Working days exclude weekends and the bank holidays of the board's nation (guide: "UK conventions"). The
# `holidays` package knows substitute days (Christmas 2021 on a Saturday moved to Monday 27th and Tuesday 28th)
# and the one-off bank holidays (Platinum Jubilee 03/06/2022, the Queen's funeral 19/09/2022, the Coronation
# 08/05/2023), so nothing here is a hand-kept list that goes stale.

DEFAULT_NATION = "england-and-wales"
NATION_SUBDIVISIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
NATION_LABELS = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}


class UnknownNation(ValueError):
    """The board's nation is not one we have bank holidays for."""


def _subdivision(nation: str | None) -> str:
    key = (nation or DEFAULT_NATION).strip().lower()
    try:
        return NATION_SUBDIVISIONS[key]
    except KeyError:
        choices = ", ".join(NATION_SUBDIVISIONS)
        raise UnknownNation(f"'{nation}' is not a nation we know bank holidays for; use one of: {choices}") from None


@functools.lru_cache(maxsize=None)
def _calendar(subdivision: str) -> holidays.HolidayBase:
    # One calendar per nation; it fills in years lazily as dates are looked up (expand=True is the default).
    return holidays.country_holidays("GB", subdiv=subdivision)


def bank_holiday(day: dt.date, nation: str | None = None) -> str | None:
    """The name of the bank holiday on `day` in `nation` (None when it is not one). Weekend holidays included."""
    return _calendar(_subdivision(nation)).get(day)


def bank_holidays(year: int, nation: str | None = None) -> dict[dt.date, str]:
    """Every bank holiday of `year` in `nation`, in date order, with its name."""
    year_calendar = holidays.country_holidays("GB", subdiv=_subdivision(nation), years=year)
    return dict(sorted(year_calendar.items()))


def is_working_day(day: dt.date, nation: str | None = None) -> bool:
    """Monday to Friday and not a bank holiday of the board's nation."""
    return day.weekday() < 5 and day not in _calendar(_subdivision(nation))


def add_working_days(start: dt.date, count: int, nation: str | None = None) -> dt.date:
    """Step `count` working days from `start` (negative counts step back).

    `start` itself is day 0, so "within 20 working days of receipt" ends on add_working_days(received, 20):
    the first working day after receipt is day 1, as the Information Commissioner counts it. Stepping back,
    "10 working days before the meeting" is add_working_days(meeting, -10).
    """
    _subdivision(nation)  # fail on a bad nation even when count is 0
    step = 1 if count >= 0 else -1
    day, remaining = start, abs(count)
    while remaining:
        day += dt.timedelta(days=step)
        if is_working_day(day, nation):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, nation: str | None = None) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is before `start`.

    The inverse of add_working_days from a working day: working_days_between(d, add_working_days(d, n)) == n.
    Used for "overdue by N working days" and "due in N working days".
    """
    if end < start:
        return -working_days_between(end, start, nation)
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            count += 1
    return count


def add_weeks(start: dt.date, weeks: int) -> dt.date:
    return start + dt.timedelta(weeks=weeks)


def add_calendar_days(start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=days)


# How a timescale counts, by the name used in the timeline rules (templates/timeline-rules.yaml). A registry
# rather than if/elif, so a new kind of offset is one entry.
OFFSET_UNITS: dict[str, Callable[[dt.date, int, str | None], dt.date]] = {
    "calendar-months": lambda start, amount, nation: add_months(start, amount),
    "weeks": lambda start, amount, nation: add_weeks(start, amount),
    "calendar-days": lambda start, amount, nation: add_calendar_days(start, amount),
    "working-days": add_working_days,
}


def apply_offset(start: dt.date, amount: int, unit: str, nation: str | None = None) -> dt.date:
    """`start` moved by `amount` `unit`s (see OFFSET_UNITS); raises ValueError naming the known units."""
    try:
        shift = OFFSET_UNITS[unit]
    except KeyError:
        raise ValueError(f"'{unit}' is not a unit of time we know; use one of: {', '.join(OFFSET_UNITS)}") from None
    return shift(start, amount, nation)


def describe_offset(amount: int, unit: str) -> str:
    """Words for an offset, e.g. "10 working days before", "1 calendar month after", "immediately"."""
    if amount == 0:
        return "on the same day as"
    size = abs(amount)
    noun = unit.replace("-", " ")
    if size == 1:
        noun = noun[:-1] if noun.endswith("s") else noun
    return f"{size} {noun} {'after' if amount > 0 else 'before'}"
