"""`scr timeline`: every statutory milestone of the review, its rule, due date and status."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from ..case import load_case
from ..dates import DateFormatError, parse_uk_date
from ..timeline import build_timeline, format_timeline, write_ics


class UkDate(click.ParamType):
    """A date on the command line, day-first like everywhere else: 12/03/2024."""

    name = "DD/MM/YYYY"

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        if isinstance(value, dt.date):
            return value
        try:
            return parse_uk_date(value)
        except DateFormatError as err:
            self.fail(str(err), param, ctx)


UK_DATE = UkDate()


@click.command("timeline")
@click.argument("case_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the milestones as JSON (ISO dates) instead of text.")
@click.option("--ics", "ics_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the due dates to this calendar file (.ics) for Outlook or any calendar.")
@click.option("--today", type=UK_DATE, help="Work out the status as on this date instead of today.")
def command(case_dir: Path, as_json: bool, ics_file: Path | None, today: dt.date | None) -> None:
    """List every milestone of the review with its rule, source paragraph, due date and status.

    Status is "done on <date>", "overdue by N working days", "due in N working days" or "not yet applicable"
    (with the case field that would start the clock). Working days skip weekends and the bank holidays of
    board.nation. Timescales come from templates/timeline-rules.yaml; a board changes them with a
    timescales.yaml in CASE_DIR.

    Example:  scr timeline samples/child-a --today 01/07/2024 --ics child-a.ics
    """
    case = load_case(case_dir)
    timeline = build_timeline(case, today=today)
    if ics_file is not None:
        write_ics(timeline, ics_file)
    if as_json:
        click.echo(json.dumps(timeline.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_timeline(timeline), nl=False)
        if ics_file is not None:
            click.echo(f"Calendar written to {ics_file}")
