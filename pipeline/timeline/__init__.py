"""The statutory timeline of a review: rules in data, due dates in working days, status on a given day, .ics export."""
from __future__ import annotations

from .calendar_file import timeline_to_ics, write_ics
from .milestones import Milestone, Timeline, build_timeline, due_date, format_timeline
from .rules import Rule, load_rules

__all__ = [
    "Milestone", "Rule", "Timeline", "build_timeline", "due_date", "format_timeline", "load_rules",
    "timeline_to_ics", "write_ics",
]
