"""The timeline as an iCalendar file that Outlook (and any other calendar) imports.

One all-day event per milestone that has a due date. UIDs are stable (review reference + milestone id), so
importing a newer file updates the events instead of duplicating them. Only the review reference and the
child's pseudonym appear: calendars get shared and synced, so nothing identifying goes in.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar

from .. import __version__
from ..dates import format_uk_date
from ..fileio import write_bytes_atomic
from .milestones import DUE, Timeline

_UID_SAFE = re.compile(r"[^A-Za-z0-9.-]+")
REMINDER = dt.timedelta(days=3)


def timeline_to_ics(timeline: Timeline) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//scr {__version__}//Serious Case Review timeline//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{timeline.reference} timeline")
    # DTSTAMP from the "as at" date keeps the file reproducible for a given --today.
    stamp = dt.datetime.combine(timeline.today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for milestone in timeline.milestones:
        if milestone.due is None:
            continue
        event = icalendar.Event()
        event.add("uid", f"{_UID_SAFE.sub('-', timeline.reference)}.{milestone.id}@scr")
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.due)
        event.add("dtend", milestone.due + dt.timedelta(days=1))
        event.add("summary", f"{timeline.reference}: {milestone.title}")
        event.add("description", "\n".join([
            f"Review: {timeline.reference} ({timeline.child_pseudonym})",
            f"Rule: {milestone.rule} ({milestone.source})",
            f"Due: {format_uk_date(milestone.due)}",
            f"Status on {format_uk_date(timeline.today)}: {milestone.describe()}",
        ]))
        event.add("categories", ["Serious Case Review"])
        event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it should not block the diary
        if milestone.status == DUE:
            # Outlook shows a reminder three days ahead of anything still to do.
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Due {format_uk_date(milestone.due)}: {milestone.title}")
            alarm.add("trigger", -REMINDER)
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def write_ics(timeline: Timeline, path: str | Path) -> Path:
    path = Path(path)
    write_bytes_atomic(path, timeline_to_ics(timeline))
    return path
