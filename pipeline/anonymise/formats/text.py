"""Plain text and Markdown: searched a paragraph at a time, written back line for line.

A paragraph (lines up to a blank line) is one location so that a name wrapped onto the next line is still
seen whole; the line breaks are fixed separators, so a replacement never joins or splits lines.
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path

from ...errors import InputFileError
from .locations import Segment, TextLocation

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


class TextDocument:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        raw = self.path.read_bytes()
        self.bom = raw.startswith(codecs.BOM_UTF8)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            raise InputFileError(self.path, "is not UTF-8 text", line=line,
                                 hint="Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8) and try again") from err
        self.lines: list[str] = [m.group(0) for m in _LINE.finditer(text) if m.group(0)]
        self.removed: Counter[str] = Counter()
        self.locations: list[TextLocation] = list(self._paragraphs())

    def _paragraphs(self):
        block: list[int] = []
        for index, line in enumerate(self.lines):
            if line.strip():
                block.append(index)
                continue
            if block:
                yield self._location(block)
            block = []
        if block:
            yield self._location(block)

    def _location(self, indices: list[int]) -> TextLocation:
        segments: list[Segment] = []
        offset = 0
        for index in indices:
            content = self.lines[index].rstrip("\r\n")
            ending = self.lines[index][len(content):]
            segments.append(Segment(offset, offset + len(content), self._getter(index), self._setter(index)))
            offset += len(content)
            if ending:
                segments.append(Segment(offset, offset + len(ending), lambda e=ending: e, None))
                offset += len(ending)
        text = "".join(self.lines[i] for i in indices)
        label = f"line {indices[0] + 1}" if len(indices) == 1 else f"lines {indices[0] + 1}-{indices[-1] + 1}"
        return TextLocation(self.path.name, label, "text", text, False, segments, folded=True)

    def _getter(self, index: int):
        return lambda: self.lines[index].rstrip("\r\n")

    def _setter(self, index: int):
        def set_(value: str) -> None:
            line = self.lines[index]
            content = line.rstrip("\r\n")
            self.lines[index] = value + line[len(content):]

        return set_

    def save(self, target: Path) -> None:
        data = "".join(self.lines).encode("utf-8")
        target.write_bytes((codecs.BOM_UTF8 if self.bom else b"") + data)
