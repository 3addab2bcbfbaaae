"""What the checker reports: one `Finding` per problem, with a stable code, a category and a place to look.

A finding never stores the personal text it matched inside its message. The message holds a `{match}`
placeholder and the matched text is kept apart, so that every report masks it (`P**** H****`) unless the
person running the check asks to see it (`--show`): a check report must not spread what it found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BLOCK = "block"
WARN = "warn"
SEVERITIES = (BLOCK, WARN)

# The categories users see in reports and JSON (issue 6). Kept as data so the schema test can compare.
CATEGORIES = (
    "person",
    "place",
    "contact",
    "identifier",
    "date_of_birth",
    "metadata",
    "comments",
    "tracked_changes",
    "hidden_text",
    "embedded_content",
    "filename",
    "content",
)

_TOKEN = re.compile(r"[^\s,;:()\[\]{}<>\"']+")


def mask(text: str) -> str:
    """Hide personal text but keep it recognisable as what it was: 'Poppy Harrington' -> 'P**** H****'.

    Every word keeps its first character and becomes exactly four stars long, so the mask gives away
    neither the length of the name nor any digit after the first.
    """
    return _TOKEN.sub(lambda m: m.group(0)[0] + "****", text)


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    `message` may contain `{match}`, filled with `match` (masked unless shown). `location` is written for a
    person looking at the document in Word: "paragraph 12", "table 2, row 3, column 1",
    "header (section 1, first page)", "document property 'Author'", "page 4, line 3". Where a location has to
    quote something personal (a picture's file name), that part is `location_match` and is masked too.
    """

    code: str
    category: str
    severity: str
    location: str
    message: str
    match: str | None = None
    # Part of the location that is itself personal (a picture named "poppy_harrington.png"): masked like match.
    location_match: str | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown finding severity {self.severity!r}")

    @property
    def blocks(self) -> bool:
        return self.severity == BLOCK

    def text(self, *, show: bool = False) -> str:
        """The message as a person reads it, with the matched text masked unless `show`."""
        if self.match is None:
            return self.message
        shown = self.match if show else mask(self.match)
        return self.message.replace("{match}", f"'{shown}'")

    def where(self, *, show: bool = False) -> str:
        if show or not self.location_match:
            return self.location
        return self.location.replace(self.location_match, mask(self.location_match))

    def to_dict(self, *, show: bool = False) -> dict[str, str]:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "location": self.where(show=show),
            "message": self.text(show=show),
        }
