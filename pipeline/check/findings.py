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
    person looking at the document in Word: "body, paragraph 12", "table 2, row 3, column 1",
    "header of section 1", "document property 'Author'", "page 4". Locations never contain personal text.
    """

    code: str
    category: str
    severity: str
    location: str
    message: str
    match: str | None = None

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

    def to_dict(self, *, show: bool = False) -> dict[str, str]:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "location": self.location,
            "message": self.text(show=show),
        }
