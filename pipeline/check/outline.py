"""The visible shape of a Word document: headings, paragraphs and tables in body order.

The statutory content rules (§8.72–8.78) work on this: they look for sections by their headings and read
the action plan table. Built with python-docx, read-only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from ..errors import InputFileError

_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


@dataclass(frozen=True)
class Para:
    number: int  # 1-based among body paragraphs outside tables, as a reader counts them
    text: str
    style: str
    level: int | None  # 0 for the Title, 1-9 for headings, None for ordinary paragraphs

    @property
    def location(self) -> str:
        return f"paragraph {self.number}"


@dataclass(frozen=True)
class Table:
    number: int
    rows: tuple[tuple[str, ...], ...]

    def cell_location(self, row: int, column: int) -> str:
        return f"table {self.number}, row {row}, column {column}"


class _Blocks:
    """Paragraphs and tables in document order; shared by a section and the whole outline."""

    blocks: tuple[Para | Table, ...]

    @property
    def paragraphs(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass(frozen=True)
class Section(_Blocks):
    """A heading and everything under it until the next heading of the same or a higher level."""

    heading: Para
    blocks: tuple[Para | Table, ...]


@dataclass(frozen=True)
class Outline(_Blocks):
    blocks: tuple[Para | Table, ...] = field(default_factory=tuple)

    def title(self) -> str | None:
        """The first heading or Title paragraph, else the first non-empty paragraph."""
        for para in self.paragraphs:
            if para.level is not None and para.text.strip():
                return para.text.strip()
        for para in self.paragraphs:
            if para.text.strip():
                return para.text.strip()
        return None

    def sections(self, level: int = 1) -> list[Section]:
        found: list[Section] = []
        current: Para | None = None
        body: list[Para | Table] = []
        for block in self.blocks:
            if isinstance(block, Para) and block.level is not None and 0 < block.level <= level:
                if current is not None:
                    found.append(Section(current, tuple(body)))
                current, body = (block if block.level == level else None), []
                continue
            if current is not None:
                body.append(block)
        if current is not None:
            found.append(Section(current, tuple(body)))
        return found


def _level(paragraph: DocxParagraph) -> int | None:
    style = paragraph.style
    while style is not None:
        name = (style.name or "").strip()
        if name.lower() == "title":
            return 0
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        style = style.base_style
    return None


def read_outline(path: str | Path) -> Outline:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise InputFileError(path, f"it cannot be opened as a Word document ({err})") from err
    blocks: list[Para | Table] = []
    paragraphs = tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            paragraphs += 1
            style_name = item.style.name if item.style is not None else ""
            blocks.append(Para(paragraphs, item.text, style_name or "", _level(item)))
        elif isinstance(item, DocxTable):
            tables += 1
            rows = tuple(tuple(cell.text.strip() for cell in _unique_cells(row)) for row in item.rows)
            blocks.append(Table(tables, rows))
    return Outline(tuple(blocks))


def _unique_cells(row):
    # python-docx repeats a merged cell once per grid column it spans; a reader sees it once.
    seen: list[int] = []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.append(id(cell._tc))
        yield cell
