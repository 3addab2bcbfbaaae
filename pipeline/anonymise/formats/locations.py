"""Text locations: where a piece of text lives in a file, and how to write a changed version back.

Every format handler turns a file into a list of `TextLocation`s. The anonymiser reads `.text`, finds
identifiers, and calls `apply()` with the replacements; the publication checker only reads them. A
location's text may be spread over several XML nodes (a name split across differently formatted runs in
Word), so a location keeps its `Segment`s: which node holds which characters.
"""
from __future__ import annotations

import re

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


class Span(Protocol):
    """What `apply()` needs from a replacement (pipeline.anonymise.engine.Replacement fits)."""

    start: int
    end: int
    replacement: str


@dataclass
class Segment:
    """Characters [start, end) of a location's text, held by one node.

    `get`/`set` read and write the node's text (an element's text or one attribute). A segment whose `set`
    is None is a fixed separator (a tab or line break in Word); `drop` removes it when a replacement
    swallows it entirely.
    """

    start: int
    end: int
    get: Callable[[], str]
    set: Callable[[str], None] | None
    drop: Callable[[], None] | None = None


_FIELD_SYNTAX = re.compile(r"^\s*[A-Z][A-Za-z]*\b|\\[*@#!]\s*[A-Za-z]+\b|\\[A-Za-z]\b")


@dataclass
class TextLocation:
    """One piece of text in a file.

    part: the file or package part it is in ("word/document.xml", "Sheet1", "file name").
    label: where a person would look for it ("header (section 1, first page)", "comment 3").
    kind: what sort of text it is: "text", "field code", "attribute", "property", "link", "deleted text",
        "hidden text", "author", "sheet name", "cell", "comment".
    concealed: True when a reader of the printed page would not see it (comments, tracked deletions, hidden
        text, properties, field codes): exactly the places names leak from.
    joined: True for names of things ("poppy_harrington.png", a sheet name) where _ and - join words; search
        them with those read as spaces.
    folded: True where line breaks are only wrapping (plain text): search with them read as spaces, so a
        name wrapped over two lines is found whole. The breaks themselves are kept when writing back.
    birth_dates: True for a table cell in a date-of-birth column (or beside a "DOB" label cell): every date
        in it is a date of birth, which the text alone does not say.
    """

    part: str
    label: str
    kind: str
    text: str
    concealed: bool = False
    segments: list[Segment] = field(default_factory=list, repr=False)
    joined: bool = False
    folded: bool = False
    birth_dates: bool = False

    @property
    def label_quotes_text(self) -> bool:
        """Whether the label repeats something from the file (a sheet, picture or property name), so that
        it must be anonymised too before it goes into the redaction log."""
        return '"' in self.label or self.label.startswith("custom property: ")

    @property
    def search_text(self) -> str:
        """What the name finder reads: the text with the same length and offsets, separators normalised."""
        text = self.text
        if self.kind in ("field code", "deleted field code"):
            # The field's own syntax (PAGE, NUMPAGES, TOC \\o, \\* MERGEFORMAT) is Word's, not the writer's:
            # changing it breaks the field ("Page 3 of [organisation]"). Its arguments are still searched.
            text = _FIELD_SYNTAX.sub(lambda m: " " * len(m.group()), text)
        if self.joined:
            text = text.replace("_", " ").replace("-", " ")
        if self.folded:
            text = text.replace("\r", " ").replace("\n", " ")
        return text

    def apply(self, spans: Sequence[Span]) -> None:
        """Write replacements back. Each span's replacement goes into the node where the match starts
        (so it keeps that run's formatting); the rest of the match is trimmed from the following nodes."""
        for span in sorted(spans, key=lambda s: s.start, reverse=True):
            # Right to left: each edit only changes characters at or after its own start, so the original
            # offsets of everything to its left stay valid.
            self._apply_one(span.start, span.end, span.replacement)

    def _apply_one(self, start: int, end: int, replacement: str) -> None:
        placed = False
        for seg in self.segments:
            if seg.end <= start:
                continue
            if seg.start >= end:
                break
            if seg.set is None:
                if start <= seg.start and seg.end <= end and seg.drop is not None and seg.end > seg.start:
                    seg.drop()
                continue
            current = seg.get()
            lo = max(start, seg.start) - seg.start
            hi = min(end, seg.end) - seg.start
            if not placed:
                seg.set(current[:lo] + replacement + current[hi:])
                placed = True
            else:
                seg.set(current[hi:] if lo == 0 else current[:lo] + current[hi:])
        if not placed:
            raise ValueError(f"a replacement at {start}-{end} does not fall on editable text")


def text_location(part: str, label: str, kind: str, get: Callable[[], str], set_: Callable[[str], None],
                  *, concealed: bool = False, joined: bool = False) -> TextLocation:
    """A location held by a single node (an attribute, a property, a cell)."""
    text = get()
    return TextLocation(part, label, kind, text, concealed, [Segment(0, len(text), get, set_)], joined)


def url_fns(get: Callable[[], str], set_: Callable[[str], None]) -> tuple[Callable[[], str], Callable[[str], None]]:
    """Read a link with %-escapes decoded ("Poppy%20Harrington" is a name too), write it back encoded."""
    from urllib.parse import quote, unquote

    if "%" not in get():
        return get, set_
    return (lambda: unquote(get())), (lambda value: set_(quote(value, safe=":/?#[]@!$&'()*+,;=~\\")))


def attribute_segment_fns(element: Any, attribute: str) -> tuple[Callable[[], str], Callable[[str], None]]:
    return (lambda: element.get(attribute) or ""), (lambda value: element.set(attribute, value))
