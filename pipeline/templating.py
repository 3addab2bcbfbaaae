"""The one jinja environment every Word template is rendered with.

StrictUndefined turns a missing field into an error naming it, so a letter never goes out with a blank
where a name or date should be. Autoescaping keeps `&`, `<` and quotes in case text from breaking the
Word XML that docxtpl renders into.
"""
from __future__ import annotations

import datetime as dt

import jinja2

from .dates import format_uk_date


def _uk_date(value: object, style: str = "long") -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return format_uk_date(value, style)
    if value is None or value == "":
        raise jinja2.UndefinedError("a date field is empty")
    return str(value)


def make_environment() -> jinja2.Environment:
    """A fresh strict, autoescaping environment with the UK date filters templates use."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True, keep_trailing_newline=False)
    env.filters["uk_date"] = _uk_date
    env.filters["short_date"] = lambda value: _uk_date(value, "short")
    return env
