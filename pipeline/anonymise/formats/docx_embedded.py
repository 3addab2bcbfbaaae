"""Things embedded in a Word file: OLE objects are removed, chart workbooks are anonymised like any workbook.

An embedded OLE object (a spreadsheet pasted as an object, a PDF, a Visio drawing) is shown through a
preview picture of its content, so anonymising the object would still leave the names visible in the
picture. Such objects are removed and the redaction log says so. A chart's data workbook has no preview
(Word draws the chart from the chart XML, which is walked like any other part), so it is opened and
anonymised in place. Anything else embedded that we cannot read stops the file rather than leaking.
"""
from __future__ import annotations

import contextlib
import os
import posixpath
import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree

from ...errors import InputFileError
from .locations import TextLocation
from .ooxml import NS, Package, qn, resolve_target

W_OBJECT = qn("w:object")
R_NS = NS["r"]
_NESTED_SUFFIXES = (".xlsx", ".docx")
# Embedded binaries with no text of their own that could leak (the picture parts are handled by images.py).
_HARMLESS = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff", ".svg")


def remove_ole_objects(pkg: Package, counts: Counter[str]) -> None:
    """Remove every w:object (OLE object with its preview picture) and the parts only it used."""
    doomed: set[str] = set()
    for part in pkg.xml_parts():
        if not part.endswith(".xml") or not pkg.has(part) or part.startswith(("docProps/", "customXml/")):
            continue
        root = pkg.xml(part)
        objects = list(root.iter(W_OBJECT))
        if not objects:
            continue
        targets = {rel.get("Id"): rel for rel in pkg.relationships(part)}
        for obj in objects:
            for element in obj.iter(tag=etree.Element):
                for attr, value in element.attrib.items():
                    rel = targets.get(value) if attr.startswith(f"{{{R_NS}}}") else None
                    if rel is not None and rel.get("TargetMode") != "External":
                        doomed.add(resolve_target(part, rel.get("Target", "")))
            run = obj.getparent()
            run.remove(obj)
            if run.tag == qn("w:r") and all(child.tag == qn("w:rPr") for child in run):
                run.getparent().remove(run)
            counts["embedded objects"] += 1
    for part in doomed:
        pkg.remove_part(part)


def embedded_packages(pkg: Package, source: Path, dates: str) -> list[tuple[str, object]]:
    """Open every embedded .xlsx/.docx still in the package; refuse other embedded files we cannot read."""
    from . import open_document

    nested: list[tuple[str, object]] = []
    chunks = _imported_chunks(pkg)
    for part in pkg.names():
        lowered = part.lower()
        if part in chunks and not lowered.endswith(".docx"):
            raise InputFileError(
                source, f"it contains imported content ({part}) that Word has not merged into the document yet",
                hint="Open it in Word and save it again (Word then merges the imported content), then try again",
            )
        if "/embeddings/" not in f"/{lowered}" and part not in chunks:
            continue
        if lowered.endswith(_NESTED_SUFFIXES):
            with _temporary(part, pkg.raw[part]) as path:
                try:
                    nested.append((part, open_document(path, dates=dates)))
                except InputFileError as err:
                    raise InputFileError(source, f"the embedded file {part} cannot be read ({err.reason})") from err
        elif not lowered.endswith(_HARMLESS):
            raise InputFileError(
                source, f"it contains an embedded file ({part}) that cannot be anonymised",
                hint="Delete the embedded object in Word (or paste its content as text) and try again",
            )
    return nested


def _imported_chunks(pkg: Package) -> set[str]:
    """Parts pulled in with w:altChunk (HTML, RTF or another .docx imported by a program, shown by Word
    as part of the body)."""
    found: set[str] = set()
    for part in pkg.names():
        if part.endswith(".rels"):
            source = part.replace("/_rels/", "/")[: -len(".rels")] if "/_rels/" in part else ""
            for rel in pkg.xml(part).iter(qn("rel:Relationship")):
                if rel.get("Type", "").endswith("/aFChunk") and rel.get("TargetMode") != "External":
                    found.add(resolve_target(source, rel.get("Target", "")))
    return found


def nested_locations(part: str, document) -> list[TextLocation]:
    kind = "workbook" if part.lower().endswith(".xlsx") else "document"
    prefix = f'embedded {kind} "{posixpath.basename(part)}" > '
    for location in document.locations:
        location.label = prefix + location.label
        location.concealed = True
    return list(document.locations)


def save_nested(pkg: Package, part: str, document) -> None:
    with _temporary(part, b"") as path:
        document.save(path)
        pkg.raw[part] = path.read_bytes()


@contextlib.contextmanager
def _temporary(part: str, data: bytes):
    fd, name = tempfile.mkstemp(suffix=posixpath.splitext(part)[1].lower())
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        yield Path(name)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
