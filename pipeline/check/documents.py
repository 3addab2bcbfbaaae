"""Opening the files the checker inspects, read-only, into one `CheckedDocument` shape.

Word and Excel files are read through the anonymiser's own package reader and text walker, so the checker
looks in exactly the parts the anonymiser cleans (a second walker would drift from the first and one of
them would miss a part). PDFs are read with pypdf: the text of every page and the document information.
Nothing here ever writes to a file.
"""
from __future__ import annotations

import bisect
import re

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputFileError

logger = logging.getLogger(__name__)

WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PDF_SUFFIXES = (".pdf",)
TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = WORD_SUFFIXES + EXCEL_SUFFIXES + PDF_SUFFIXES + TEXT_SUFFIXES


@dataclass(frozen=True)
class TextSegment:
    """A run of text a reader can see (or a property Word keeps), with where to find it.

    `line_based` segments (PDF text) give a finer location: the line on the page. `lines` maps where each
    printed line starts in `text` to its line number on the page.
    """

    location: str
    text: str
    line_based: bool = False
    kind: str = "text"
    concealed: bool = False
    lines: tuple[tuple[int, int], ...] = ((0, 1),)

    def locate(self, offset: int) -> str:
        if not self.line_based:
            return self.location
        line = self.lines[max(0, bisect.bisect_right([start for start, _ in self.lines], offset) - 1)][1]
        return f"{self.location}, line {line}"


@dataclass(frozen=True)
class DocProperty:
    """A document property. `personal` ones identify who wrote or owns the file (Document Inspector's list)."""

    label: str
    value: str
    personal: bool
    custom_name: str | None = None  # for a custom property, its name (which can itself name someone)


@dataclass
class CheckedDocument:
    """One file being checked. Parts are read lazily and kept in `cache` (rules may keep per-file work there
    too, such as the walker that numbers paragraphs); the file itself is never modified."""

    path: Path
    format: str  # "docx", "xlsx", "pdf" or "text"
    display: str = ""
    cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.display:
            self.display = str(self.path)

    # --- Office packages -------------------------------------------------------------------------
    @property
    def package(self):
        """The OOXML package (read-only use), or None for PDFs and text."""
        if self.format in ("pdf", "text"):
            return None
        if "package" not in self.cache:
            from ..anonymise.formats.ooxml import Package, PackageError

            try:
                self.cache["package"] = Package.read(self.path)
            except PackageError as err:
                raise InputFileError(self.path, str(err)) from err
        return self.cache["package"]

    # --- PDF ---------------------------------------------------------------------------------------
    @property
    def pdf(self):
        if self.format != "pdf":
            return None
        if "pdf" not in self.cache:
            from pypdf import PdfReader
            from pypdf.errors import PdfReadError

            try:
                reader = PdfReader(str(self.path))
            except (PdfReadError, OSError, ValueError) as err:
                raise InputFileError(self.path, f"it cannot be read as a PDF ({err})",
                                     hint="Export it again from Word or LibreOffice") from err
            if reader.is_encrypted:
                raise InputFileError(self.path, "it is password-protected, so its text cannot be checked",
                                     hint="Check the unprotected copy, then protect it")
            self.cache["pdf"] = reader
        return self.cache["pdf"]

    # --- What rules read ---------------------------------------------------------------------------
    def segments(self) -> list[TextSegment]:
        if "segments" not in self.cache:
            readers = {"pdf": _pdf_segments, "text": _text_segments}
            self.cache["segments"] = readers.get(self.format, _office_segments)(self)
        return self.cache["segments"]  # type: ignore[return-value]

    def properties(self) -> list[DocProperty]:
        if "properties" not in self.cache:
            from .properties import read_properties

            self.cache["properties"] = read_properties(self)
        return self.cache["properties"]  # type: ignore[return-value]

    def outline(self):
        """Headings, paragraphs and tables in body order (Word files only), for the statutory content rules."""
        if self.format != "docx":
            return None
        if "outline" not in self.cache:
            from .outline import read_outline

            self.cache["outline"] = read_outline(self.path)
        return self.cache["outline"]

    @property
    def kind(self) -> str | None:
        """Which of our documents this is ("executive-summary", ...), or None."""
        if "kind" not in self.cache:
            from .recognise import recognise

            self.cache["kind"] = recognise(self)
        return self.cache["kind"]  # type: ignore[return-value]


def open_document(path: str | Path) -> CheckedDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in WORD_SUFFIXES:
        return CheckedDocument(path, "docx")
    if suffix in EXCEL_SUFFIXES:
        return CheckedDocument(path, "xlsx")
    if suffix in PDF_SUFFIXES:
        return CheckedDocument(path, "pdf")
    if suffix in TEXT_SUFFIXES:
        return CheckedDocument(path, "text")
    raise InputFileError(path, f"'{path.suffix or 'no extension'}' files cannot be checked",
                         hint=f"Convert it to .docx or .pdf; scr check reads {', '.join(SUFFIXES)} files")


def _office_segments(doc: CheckedDocument) -> list[TextSegment]:
    """Every text-bearing place the anonymiser's walker knows, concealed ones included."""
    if doc.format == "docx":
        from ..anonymise.formats.docx_walk import iter_docx_text

        locations = list(iter_docx_text(doc.package))
    else:
        locations = _workbook_locations(doc)
    return [
        # What the anonymiser searched (same offsets; field syntax and joined names read as it reads them).
        TextSegment(location.label, location.search_text, kind=location.kind, concealed=location.concealed)
        for location in locations
        if location.text.strip()
    ]


def _workbook_locations(doc: CheckedDocument) -> list:
    from ..anonymise.formats.xlsx import Workbook

    # The anonymiser's workbook reader in inspect mode: nothing is changed, even in memory, and dates of
    # birth in date cells and comment authors come back as locations.
    book = Workbook(doc.path, inspect=True)
    # Labels quote sheet names, which can themselves be personal ("Poppy H contacts"); name sheets by
    # their tab position instead, as the structural rules do.
    titles = [(f'sheet name "{s.title}"', f'sheet "{s.title}"', n) for n, s in enumerate(book.book.worksheets, 1)]
    for location in book.locations:
        for named, quoted, number in titles:
            location.label = location.label.replace(named, f"name of sheet {number}").replace(quoted, f"sheet {number}")
    return book.locations


def _text_segments(doc: CheckedDocument) -> list[TextSegment]:
    from ..anonymise.formats.text import TextDocument

    return [TextSegment(location.label, location.text, kind=location.kind)
            for location in TextDocument(doc.path).locations if location.text.strip()]


def _pdf_segments(doc: CheckedDocument) -> list[TextSegment]:
    segments = []
    for number, page in enumerate(doc.pdf.pages, start=1):
        try:
            text = page.extract_text(extraction_mode="layout") or ""
        except Exception as err:  # pypdf raises many types on damaged content streams
            raise InputFileError(doc.path, f"the text of page {number} cannot be read ({err})") from err
        segments += [TextSegment(f"page {number}", cell, line_based=True, lines=lines)
                     for cell, lines in _pdf_cells(text)]
    # Text a reader does not see on the pages: the document information and the bookmarks (often made from
    # headings, or typed by hand with a name in them).
    for prop in doc.properties():
        segments.append(TextSegment(f"document property '{prop.label}'", prop.value, kind="property", concealed=True))
    for number, title in enumerate(_bookmarks(doc.pdf.outline), start=1):
        if title.strip():
            segments.append(TextSegment(f"bookmark {number}", title, kind="bookmark", concealed=True))
    return segments


_LIST_MARKER = re.compile(r"^(\s*)([^\w\s]|\d{1,3}[.)]|[a-z][.)])\s{2,}")
_COLUMN_GAP = re.compile(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)")


def _pdf_cells(layout_text: str) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    """A page's text as the reader sees it: each paragraph, and each table cell, as one text, with where
    each of its printed lines starts and that line's number on the page.

    Plain extraction runs a table's columns together ("Police Constable Before the scope period" is the
    practitioner column then the significance column), which makes ordinary words look like names after a
    role. The layout extraction keeps the column gaps: a block of lines between blank lines is split into
    columns where the text starts, and each column's lines are joined back into paragraphs (`_join_lines`).
    """
    cells: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    block: list[tuple[int, str]] = []
    number = 0  # counts the lines with text on them, as a reader counts down the page
    for line in layout_text.split("\n") + [""]:
        if line.strip():
            number += 1
            block.append((number, line))
            continue
        if not block:
            continue
        columns: dict[int, list[tuple[int, re.Match[str]]]] = {}
        # A bullet or list number is followed by a tab-wide gap that is not a column boundary.
        fragments = [(n, list(_COLUMN_GAP.finditer(_LIST_MARKER.sub(r"\1\2 ", text)))) for n, text in block]
        if all(len(found) <= 1 for _, found in fragments):
            # Prose, not a table: indents (bullets, hanging paragraphs) are not columns.
            columns[0] = [(n, found[0]) for n, found in fragments if found]
            fragments = []
        for line_number, found in fragments:
            for match in found:
                key = next((k for k in columns if abs(k - match.start()) <= 2), match.start())
                columns.setdefault(key, []).append((line_number, match))
        for key in sorted(columns):
            cells.append(_join_lines(columns[key]))
        block = []
    return cells


def _join_lines(lines: list[tuple[int, re.Match[str]]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One column's lines as one text. A line that ends a sentence, or stops well short of the column's width
    before a capital, ends its paragraph (a new line follows); otherwise the next line continues it after a
    space, as the words ran on the page ("a referral to Northshire / Children's Social Care" is one agency's
    name, and "and will audit its use in twelve / months." one sentence, not a note typed without capitals)."""
    left = min(match.start() for _, match in lines)
    width = max(match.end() for _, match in lines) - left
    text, starts, previous = "", [], None
    for line_number, match in lines:
        part = match.group()
        if previous is not None:
            ended = (previous.group().endswith((".", ":", ";", "!", "?"))
                     or _LIST_MARKER.match(part + "  ")
                     or (previous.end() - left < 0.75 * width and part[:1].isupper()))
            text += "\n" if ended else " "
        starts.append((len(text), line_number))
        text += part
        previous = match
    return text, tuple(starts)


def _bookmarks(outline) -> list[str]:
    titles: list[str] = []
    for item in outline or []:
        if isinstance(item, list):
            titles.extend(_bookmarks(item))
        else:
            titles.append(str(getattr(item, "title", "") or ""))
    return titles

