"""File formats the anonymiser can read and rewrite, one module per format, chosen by file suffix.

Each format opens a file as a `Document`: a list of `TextLocation`s (every place the file holds text,
with a label a person can find it by) and a `save()` that writes the changed copy. Nothing is written
back to the input: a Document only ever saves to a new path.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from .locations import Segment, TextLocation


class Document(Protocol):
    path: Path
    locations: list[TextLocation]
    removed: Counter[str]  # what was taken out before searching: {"comments": 2, "hidden text": 1}

    def save(self, target: Path) -> None: ...


def _docx(path: Path, dates: str) -> Document:
    from .docx import WordDocument

    return WordDocument(path, dates=dates)


def _xlsx(path: Path, dates: str) -> Document:
    from .xlsx import Workbook

    return Workbook(path, dates=dates)


def _text(path: Path, dates: str) -> Document:
    from .text import TextDocument

    return TextDocument(path)


# Registry by suffix; the batch runner and the command line only ever look here.
# Text dates are the engine's job (its `dates` setting); `dates` reaches a format only for typed date cells.
FORMATS: dict[str, Callable[[Path, str], Document]] = {".docx": _docx, ".xlsx": _xlsx, ".txt": _text, ".md": _text}
SUFFIXES = tuple(FORMATS)


def open_document(path: Path, *, dates: str = "keep") -> Document:
    """Open a file for anonymising. Raises InputFileError when the format is unknown or the file is damaged."""
    from ...errors import InputFileError

    opener = FORMATS.get(path.suffix.lower())
    if opener is None:
        raise InputFileError(path, f"'{path.suffix}' files cannot be anonymised",
                             hint=f"Use one of: {', '.join(SUFFIXES)}")
    return opener(path, dates)


def iter_text(path: str | Path):
    """Every text location of a file, read-only, concealed places included (for the publication checker).

    Word: comments, tracked deletions, hidden text, field codes, authors and properties are all reported
    (kind/concealed say which), nothing is cleaned. Excel: every cell of every sheet, sheet names,
    comments and their authors, links, properties. Text: one location per paragraph.
    """
    from ...errors import InputFileError

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docx_walk import iter_docx_text
        from .ooxml import PackageError

        try:
            return list(iter_docx_text(path))
        except PackageError as err:
            raise InputFileError(path, str(err)) from err
    if suffix == ".xlsx":
        from .xlsx import Workbook

        return Workbook(path, inspect=True).locations
    return open_document(path).locations


__all__ = ["FORMATS", "SUFFIXES", "Document", "Segment", "TextLocation", "iter_text", "open_document"]
