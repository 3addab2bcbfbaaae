"""Document properties, as Word's and Acrobat's property dialogs name them.

`personal` marks the ones Word's Document Inspector removes as "personal information": they identify
who wrote or owns the file, so any value there blocks publication. The others (title, subject, keywords,
comments) are ordinary text and are searched for names like the rest of the document.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .documents import DocProperty

if TYPE_CHECKING:
    from .documents import CheckedDocument

# (part, namespace prefix:tag, label shown to the user, personal?)
_OOXML_PROPERTIES = (
    ("docProps/core.xml", "dc:creator", "Author", True),
    ("docProps/core.xml", "cp:lastModifiedBy", "Last modified by", True),
    ("docProps/core.xml", "dc:title", "Title", False),
    ("docProps/core.xml", "dc:subject", "Subject", False),
    ("docProps/core.xml", "cp:keywords", "Keywords", False),
    ("docProps/core.xml", "dc:description", "Comments", False),
    ("docProps/core.xml", "cp:category", "Category", False),
    ("docProps/core.xml", "cp:contentStatus", "Status", False),
    ("docProps/app.xml", "ep:Company", "Company", True),
    ("docProps/app.xml", "ep:Manager", "Manager", True),
    ("docProps/app.xml", "ep:HyperlinkBase", "Hyperlink base", True),
    ("docProps/app.xml", "ep:Template", "Template", False),
)

# Keys of the PDF document information dictionary; the Author is the personal one.
_PDF_PROPERTIES = (
    ("/Author", "Author", True),
    ("/Title", "Title", False),
    ("/Subject", "Subject", False),
    ("/Keywords", "Keywords", False),
    ("/Creator", "Creator (application)", False),
    ("/Producer", "Producer", False),
)


def read_properties(doc: CheckedDocument) -> list[DocProperty]:
    if doc.format == "pdf":
        return _pdf_properties(doc)
    if doc.format == "text":
        return []
    return _ooxml_properties(doc)


def _ooxml_properties(doc: CheckedDocument) -> list[DocProperty]:
    from ..anonymise.formats.ooxml import qn

    package = doc.package
    found: list[DocProperty] = []
    for part, tag, label, personal in _OOXML_PROPERTIES:
        if not package.has(part):
            continue
        element = package.xml(part).find(qn(tag))
        value = "".join(element.itertext()).strip() if element is not None else ""
        if value:
            found.append(DocProperty(label, value, personal))
    if package.has("docProps/custom.xml"):
        for prop in package.xml("docProps/custom.xml").iter(qn("cust:property")):
            value = " ".join(t.strip() for t in prop.itertext() if t.strip())
            # Boards' systems put case numbers, client names and owners here. The value is searched like any
            # text; the name is checked by SCR211, because the walker does not read names as text.
            name = prop.get("name", "?")
            found.append(DocProperty(f"custom property '{name}'", value, False, custom_name=name))
    return found


def _pdf_properties(doc: CheckedDocument) -> list[DocProperty]:
    found: list[DocProperty] = []
    info = doc.pdf.metadata or {}
    for key, label, personal in _PDF_PROPERTIES:
        value = info.get(key)
        if value is not None and str(value).strip():
            found.append(DocProperty(label, str(value).strip(), personal))
    known = {key for key, _, _ in _PDF_PROPERTIES} | {"/CreationDate", "/ModDate", "/Trapped"}
    for key, value in info.items():
        if key not in known and value is not None and str(value).strip():
            name = key.lstrip("/")
            found.append(DocProperty(f"custom property '{name}'", str(value).strip(), False, custom_name=name))
    try:
        xmp = doc.pdf.xmp_metadata
    except Exception:  # a damaged XMP packet must not stop the rest of the check
        xmp = None
    if xmp is not None:
        creators = [c for c in (xmp.dc_creator or []) if str(c).strip()]
        if creators:
            found.append(DocProperty("XMP author (dc:creator)", ", ".join(map(str, creators)), True))
    return found
