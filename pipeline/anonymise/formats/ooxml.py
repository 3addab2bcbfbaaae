"""Reading and writing Office Open XML packages (the zip files behind .docx) part by part.

We work on the raw XML of every part rather than through python-docx because names hide in places a
document model never shows: field codes, revision authors, the attached-template path, custom XML parts.
The package is rewritten entry by entry in its original order, so everything we do not touch (images,
styles, themes) comes out byte for byte as it went in.
"""
from __future__ import annotations

import logging
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

logger = logging.getLogger(__name__)

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "cust": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}


def qn(name: str) -> str:
    """'w:t' -> '{namespace}t' (Clark notation, what lxml uses for tags and attributes)."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


# Untrusted input: no entity expansion, no network, no DTD loading (XXE and billion-laughs safe).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_blank_text=False)


# Encrypted Office files and the old .doc/.xls formats are OLE compound files, not zip packages.
_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


class PackageError(ValueError):
    """The file is not a readable Office package; the message says why in plain words."""


def parse_xml(data: bytes, part: str) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        raise PackageError(f"the part {part} inside the file is not valid XML ({err})") from err


def serialise_xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rels_path(part: str) -> str:
    """The relationships part that belongs to `part` ('word/document.xml' -> 'word/_rels/document.xml.rels')."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve_target(source_part: str, target: str) -> str:
    """An internal relationship target as a package path."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


@dataclass
class Package:
    """An OOXML package held in memory: entry order, raw bytes, and the XML parts parsed on demand."""

    source: str
    order: list[str]
    raw: dict[str, bytes]
    infos: dict[str, zipfile.ZipInfo]
    _xml: dict[str, etree._Element] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)
    memo: dict[str, object] = field(default_factory=dict)  # facts worked out once per package (hidden styles)

    @classmethod
    def read(cls, path: str | Path) -> Package:
        with open(path, "rb") as handle:
            if handle.read(8) == _OLE_SIGNATURE:
                raise PackageError("it is password-protected, or saved in the old Word 97-2003 / Excel 97-2003 "
                                   "format; remove the password (or use Save As .docx / .xlsx) and try again")
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
                raw = {info.filename: zf.read(info) for info in infos if not info.is_dir()}
        except zipfile.BadZipFile as err:
            raise PackageError("it is not a valid Word/Excel file (the zip container is damaged or it is another "
                               "kind of file renamed); open it in Word, save a new copy and try again") from err
        except (zipfile.LargeZipFile, RuntimeError, EOFError) as err:  # RuntimeError: encrypted, unknown method
            raise PackageError(f"the file cannot be unpacked ({err})") from err
        if "[Content_Types].xml" not in raw:
            raise PackageError("it is not an Office document (no [Content_Types].xml inside); open it in Word and "
                               "save it again as .docx")
        order = [i.filename for i in infos if not i.is_dir()]
        return cls(str(path), order, raw, {i.filename: i for i in infos if not i.is_dir()})

    def names(self) -> list[str]:
        return [n for n in self.order if n not in self.removed]

    def has(self, part: str) -> bool:
        return part in self.raw and part not in self.removed

    def xml(self, part: str) -> etree._Element:
        """The parsed XML of a part; edits to the returned tree are written back by `to_bytes`."""
        if part not in self._xml:
            self._xml[part] = parse_xml(self.raw[part], part)
        return self._xml[part]

    def mentions(self, part: str, pattern: re.Pattern[bytes]) -> bool:
        """Whether a part can hold what `pattern` looks for, judged on its bytes without parsing it.
        Parsing every part (styles, numbering, themes) costs more than finding names in short files."""
        return part in self._xml or pattern.search(self.raw[part]) is not None

    def xml_parts(self) -> list[str]:
        return [n for n in self.names() if n.endswith((".xml", ".rels")) or n == "[Content_Types].xml"]

    def relationships(self, part: str) -> list[etree._Element]:
        rp = rels_path(part)
        if not self.has(rp):
            return []
        return list(self.xml(rp).iter(qn("rel:Relationship")))

    def content_type(self, part: str) -> str | None:
        types = self.xml("[Content_Types].xml")
        for override in types.iter(qn("ct:Override")):
            if override.get("PartName", "").lstrip("/") == part:
                return override.get("ContentType")
        ext = part.rsplit(".", 1)[-1].lower()
        for default in types.iter(qn("ct:Default")):
            if default.get("Extension", "").lower() == ext:
                return default.get("ContentType")
        return None

    def remove_part(self, part: str) -> None:
        """Drop a part together with its own relationships, every relationship pointing at it and its
        content-type override, so that Word does not report the file as damaged."""
        if not self.has(part):
            return
        self.removed.add(part)
        self.removed.add(rels_path(part))
        for rp in [n for n in self.names() if n.endswith(".rels")]:
            source = _source_of_rels(rp)
            root = self.xml(rp)
            for rel in list(root.iter(qn("rel:Relationship"))):
                if rel.get("TargetMode") == "External":
                    continue
                if resolve_target(source, rel.get("Target", "")) == part:
                    rel.getparent().remove(rel)
        types = self.xml("[Content_Types].xml")
        for override in list(types.iter(qn("ct:Override"))):
            if override.get("PartName", "").lstrip("/") == part:
                types.remove(override)

    def to_bytes_into(self, target: Path) -> None:
        """Write the package (with every edited XML part re-serialised) to `target`."""
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in self.names():
                data = serialise_xml(self._xml[name]) if name in self._xml else self.raw[name]
                info = self.infos[name]
                out = zipfile.ZipInfo(name, date_time=info.date_time)
                out.compress_type = zipfile.ZIP_DEFLATED
                out.external_attr = info.external_attr
                zf.writestr(out, data)

    def check_well_formed(self, target: Path) -> None:
        check_well_formed(target)


def check_well_formed(target: Path) -> None:
    """Re-open a written package and parse every XML part: a broken part must never reach a reader."""
    with zipfile.ZipFile(target) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                parse_xml(zf.read(name), name)


def _source_of_rels(rels: str) -> str:
    """'word/_rels/document.xml.rels' -> 'word/document.xml'; '_rels/.rels' -> '' (the package root)."""
    folder, name = posixpath.split(rels)
    parent = posixpath.dirname(folder)
    return posixpath.join(parent, name[: -len(".rels")]) if name != ".rels" else ""
