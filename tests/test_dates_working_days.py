"""Working-day arithmetic against real UK bank holidays, and calendar months at month ends."""
from __future__ import annotations


import pytest

from pipeline.dates import (
    UnknownNation,
    add_months,
    add_working_days,
    apply_offset,
    bank_holiday,
    bank_holidays,
    describe_offset,
    is_working_day,
    parse_uk_date,
    working_days_between,
)

D = parse_uk_date


@pytest.mark.parametrize(
    ("day", "nation", "working", "why"),
    [
        ("07/04/2023", "england-and-wales", False, "Good Friday"),
        ("10/04/2023", "england-and-wales", False, "Easter Monday in England"),
        ("10/04/2023", "scotland", True, "Easter Monday is not a bank holiday in Scotland"),
        ("27/12/2021", "england-and-wales", False, "Christmas Day 2021 fell on a Saturday: substitute Monday"),
        ("28/12/2021", "england-and-wales", False, "Boxing Day 2021 fell on a Sunday: substitute Tuesday"),
        ("29/12/2021", "england-and-wales", True, "an ordinary Wednesday"),
        ("03/01/2022", "england-and-wales", False, "New Year's Day 2022 was a Saturday"),
        ("27/12/2022", "england-and-wales", False, "Christmas Day 2022 was a Sunday"),
        ("02/01/2023", "england-and-wales", False, "New Year's Day 2023 was a Sunday"),
        ("03/06/2022", "england-and-wales", False, "Platinum Jubilee, a one-off"),
        ("19/09/2022", "england-and-wales", False, "State funeral of Queen Elizabeth II"),
        ("19/09/2022", "scotland", False, "the funeral holiday was UK-wide"),
        ("19/09/2022", "northern-ireland", False, "the funeral holiday was UK-wide"),
        ("08/05/2023", "england-and-wales", False, "Coronation of King Charles III"),
        ("03/01/2023", "scotland", False, "2 January holiday moved to Tuesday in Scotland"),
        ("03/01/2023", "england-and-wales", True, "no second New Year holiday in England"),
        ("04/01/2022", "scotland", False, "2 January 2022 (Sunday) substitute in Scotland"),
        ("30/11/2022", "scotland", False, "St Andrew's Day"),
        ("30/11/2022", "england-and-wales", True, "St Andrew's Day is Scottish only"),
        ("02/12/2024", "scotland", False, "St Andrew's Day 2024 fell on a Saturday"),
        ("07/08/2023", "scotland", False, "Scottish summer bank holiday is in early August"),
        ("28/08/2023", "scotland", True, "England's late summer holiday is not Scottish"),
        ("28/08/2023", "england-and-wales", False, "late summer bank holiday"),
        ("17/03/2023", "northern-ireland", False, "St Patrick's Day"),
        ("12/07/2023", "northern-ireland", False, "Battle of the Boyne"),
        ("12/07/2023", "england-and-wales", True, "an ordinary Wednesday in England"),
        ("11/03/2023", "england-and-wales", False, "a Saturday"),
        ("12/03/2023", "england-and-wales", False, "a Sunday"),
    ],
)
def test_working_days_follow_the_boards_nation(day, nation, working, why):
    assert is_working_day(D(day), nation) is working, why


@pytest.mark.parametrize(
    ("start", "count", "nation", "expected"),
    [
        ("13/03/2023", 20, "england-and-wales", "12/04/2023"),  # FOI across Good Friday and Easter Monday
        ("13/03/2023", 20, "scotland", "11/04/2023"),  # Scotland works on Easter Monday
        ("23/12/2021", 3, "england-and-wales", "30/12/2021"),  # 24th, then 29th, 30th (27th/28th substitutes)
        ("23/12/2022", 2, "england-and-wales", "29/12/2022"),  # 26th and 27th are both holidays
        ("30/12/2022", 1, "england-and-wales", "03/01/2023"),  # 2 January 2023 substitute
        ("30/12/2022", 1, "scotland", "04/01/2023"),  # and 3 January in Scotland
        ("16/09/2022", 1, "england-and-wales", "20/09/2022"),  # over the funeral
        ("05/05/2023", 1, "england-and-wales", "09/05/2023"),  # over the Coronation
        ("01/06/2022", 2, "england-and-wales", "07/06/2022"),  # over both Jubilee days
        ("28/11/2022", 3, "scotland", "02/12/2022"),  # over St Andrew's Day
        ("28/11/2022", 3, "england-and-wales", "01/12/2022"),
        ("11/03/2023", 1, "england-and-wales", "13/03/2023"),  # from a Saturday, Monday is day 1
        ("15/03/2023", 0, "england-and-wales", "15/03/2023"),
        ("15/03/2023", -10, "england-and-wales", "01/03/2023"),  # 10 working days before a meeting
        ("18/04/2023", -10, "england-and-wales", "31/03/2023"),  # counting back over Easter
        ("04/01/2022", -5, "england-and-wales", "23/12/2021"),  # back over 3 Jan, 28 and 27 Dec
    ],
)
def test_add_working_days(start, count, nation, expected):
    assert add_working_days(D(start), count, nation) == D(expected)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("13/03/2023", "12/04/2023", 20),
        ("12/04/2023", "13/03/2023", -20),
        ("16/09/2022", "20/09/2022", 1),
        ("15/03/2023", "15/03/2023", 0),
        ("17/03/2023", "20/03/2023", 1),  # Friday to Monday
        ("24/12/2021", "04/01/2022", 4),  # 29, 30, 31 December and 4 January
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(D(start), D(end)) == expected


@pytest.mark.parametrize("count", [1, 5, 10, 20, 45])
@pytest.mark.parametrize("start", ["23/12/2021", "06/04/2023", "15/09/2022", "02/05/2023"])
def test_counting_forward_then_measuring_gives_the_same_number(start, count):
    day = D(start)
    assert working_days_between(day, add_working_days(day, count)) == count


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("31/01/2024", 1, "29/02/2024"),  # leap year
        ("31/01/2023", 1, "28/02/2023"),
        ("29/02/2024", 12, "28/02/2025"),
        ("31/08/2023", 6, "29/02/2024"),
        ("30/09/2023", 3, "30/12/2023"),
        ("15/11/2023", 3, "15/02/2024"),  # over a year end
        ("31/03/2024", -1, "29/02/2024"),
    ],
)
def test_calendar_months_clamp_to_the_month_end(start, months, expected):
    assert add_months(D(start), months) == D(expected)


@pytest.mark.parametrize(
    ("start", "amount", "unit", "expected"),
    [
        ("29/01/2024", 10, "weeks", "08/04/2024"),
        ("29/01/2024", 6, "calendar-months", "29/07/2024"),
        ("29/01/2024", 1, "working-days", "30/01/2024"),
        ("29/01/2024", 3, "calendar-days", "01/02/2024"),
    ],
)
def test_apply_offset_by_unit_name(start, amount, unit, expected):
    assert apply_offset(D(start), amount, unit) == D(expected)


def test_unknown_unit_and_nation_say_what_is_allowed():
    with pytest.raises(ValueError, match="use one of: calendar-months, weeks"):
        apply_offset(D("01/01/2024"), 1, "fortnights")
    with pytest.raises(UnknownNation, match="use one of: england-and-wales, scotland, northern-ireland"):
        is_working_day(D("01/01/2024"), "wales")


def test_bank_holidays_lists_a_year_with_names():
    year = bank_holidays(2022)
    assert year[D("19/09/2022")] == "State Funeral of Queen Elizabeth II"
    assert len(year) == 12  # 8 regular days, 2 substitutes and 2 one-offs in England 2022 (Christmas/New Year)
    assert bank_holiday(D("08/05/2023"), "scotland") == "Coronation of Charles III"
    assert bank_holiday(D("09/05/2023")) is None


@pytest.mark.parametrize(
    ("amount", "unit", "words"),
    [(-10, "working-days", "10 working days before"), (1, "calendar-months", "1 calendar month after"),
     (10, "weeks", "10 weeks after"), (0, "working-days", "on the same day as")],
)
def test_describe_offset(amount, unit, words):
    assert describe_offset(amount, unit) == words
