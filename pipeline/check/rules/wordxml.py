"""Finding one's way around a Word package for the structural rules: which parts hold text a reader sees,
and how to describe where an element is. Labels come from the anonymiser's walker, so a finding's location
reads exactly like the anonymiser's redaction log ("paragraph 12", "table 2, row 3, column 1",
"header (section 1, first page), paragraph 1")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from ...anonymise.formats import docx_walk
from ...anonymise.formats.ooxml import Package, qn

if TYPE_CHECKING:
    from ..documents import CheckedDocument

_STORY = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments|glossary/document)\.xml$")


def story_parts(package: Package) -> list[str]:
    """Parts whose text appears in the document (body, headers, footers, notes, comments, glossary)."""
    return [name for name in package.names() if _STORY.match(name)]


def walker(doc: CheckedDocument):
    """The anonymiser's walker for this file, built once: it numbers paragraphs and tables as it goes and
    knows which styles hide text, so the checker and the anonymiser agree on both."""
    found = doc.cache.get("walker")
    if found is None:
        found = doc.cache["walker"] = docx_walk._Walker(doc.package)
    return found


def locate(doc: CheckedDocument, part: str, element: etree._Element) -> str:
    """Where `element` is, in words: its paragraph (or table cell) as the walker labels it."""
    labeller = walker(doc)
    paragraph = element if element.tag == qn("w:p") else next(element.iterancestors(qn("w:p")), None)
    if paragraph is None:
        inner = next(element.iter(qn("w:p")), None)
        paragraph = inner
    if paragraph is None:
        return labeller.part_titles.get(part) or part
    return labeller.label(part, paragraph)
