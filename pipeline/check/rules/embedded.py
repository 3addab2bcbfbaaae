"""Content the checker cannot read through: embedded objects and files, macros, and images. Embedded
objects and macros block (they carry whole other documents or code); images only warn, because most are
logos, but their content can only be checked by eye."""
from __future__ import annotations

import posixpath
import re

from ...anonymise.formats.ooxml import qn
from ..findings import BLOCK, WARN
from .base import Rule, register
from .hidden import capped
from .wordxml import locate, story_parts

_EMBEDDED_PART = re.compile(r"^(word|xl|ppt)/(embeddings|activeX)/", re.IGNORECASE)
_OBJECT_TAGS = (qn("w:object"), qn("o:OLEObject"), qn("w:altChunk"), qn("w:control"))
_MACRO_SUFFIXES = (".docm", ".dotm", ".xlsm", ".xltm")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg")


@register
class EmbeddedObjectsRule(Rule):
    code = "SCR221"
    category = "embedded_content"
    severity = BLOCK
    description = "Embedded objects and files (OLE objects, embedded documents, PDF attachments): not checked inside"

    def check(self, doc, ctx):
        if doc.format == "pdf":
            yield from self._pdf(doc)
            return
        package = doc.package
        found = []
        placed = False
        if doc.format == "docx":
            for part in story_parts(package):
                for element in package.xml(part).iter(*_OBJECT_TAGS):
                    if element.tag == qn("o:OLEObject") and next(element.iterancestors(qn("w:object")), None) is not None:
                        continue  # the w:object around it is already reported
                    placed = True
                    found.append(self.finding(locate(doc, part, element),
                                              "An embedded object is in the document; its contents are not checked. "
                                              "Delete it, or paste its content as ordinary text and check again."))
        charts = chart_data_parts(package)
        embedded = [n for n in package.names()
                    if _EMBEDDED_PART.match(n) and not n.endswith(".rels") and n not in charts]
        if embedded and not placed:
            for number, _ in enumerate(embedded, start=1):
                found.append(self.finding(f"embedded file {number} of {len(embedded)}",
                                          "A file is embedded in the document; its contents are not checked. "
                                          "Delete the embedded object."))
        yield from capped(found, self, "embedded objects")

    def _pdf(self, doc):
        reader = doc.pdf
        try:
            names = list(reader.attachments)
        except Exception:  # a damaged name tree: still say something is attached
            names = ["?"]
        for number, _ in enumerate(names, start=1):
            yield self.finding(f"attachment {number} of {len(names)}",
                               "A file is attached to the PDF; its contents are not checked. Export the PDF again "
                               "without attachments.")
        for number, page in enumerate(reader.pages, start=1):
            for annot in page.get("/Annots") or []:
                if str(annot.get_object().get("/Subtype", "")) == "/FileAttachment":
                    yield self.finding(f"page {number}", "A file is attached to this page of the PDF; its "
                                                         "contents are not checked.")


def chart_data_parts(package) -> dict[str, str]:
    """Workbooks holding a chart's data (package part -> "chart N"). Word keeps one behind every chart;
    they are ordinary content, read by SCR224, not foreign objects."""
    from ...anonymise.formats.ooxml import resolve_target

    found: dict[str, str] = {}
    charts = sorted(n for n in package.names() if _CHART_PART.match(n))
    for number, chart in enumerate(charts, start=1):
        for rel in package.relationships(chart):
            if rel.get("TargetMode") != "External" and rel.get("Type", "").endswith("/package"):
                found[resolve_target(chart, rel.get("Target", ""))] = f"chart {number}"
    return found


_CHART_PART = re.compile(r"^(word|xl)/charts/chart\d+\.xml$")
_EMBEDDED_OFFICE = {".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx", ".docm": "docx"}


@register
class ChartDataRule(Rule):
    code = "SCR224"
    category = "embedded_content"
    severity = BLOCK
    description = "Identifiers in the data workbook behind a chart (Word keeps it in the file even when the chart hides it)"
    formats = ("docx", "xlsx")

    def check(self, doc, ctx):
        import tempfile
        from pathlib import Path

        from ..documents import CheckedDocument

        package = doc.package
        for part, chart in chart_data_parts(package).items():
            kind = _EMBEDDED_OFFICE.get(posixpath.splitext(part)[1].lower())
            if kind is None or not package.has(part):
                continue
            with tempfile.TemporaryDirectory(prefix="scr-check-") as folder:
                inner = Path(folder) / posixpath.basename(part)
                inner.write_bytes(package.raw[part])
                nested = CheckedDocument(inner, kind, display=f"{doc.display} ({chart} data)")
                try:
                    detections = ctx.detections(nested)
                except Exception:  # an unreadable data workbook is itself a reason not to publish
                    yield self.finding(f"{chart} (its data workbook)", "The data workbook behind this chart cannot "
                                                                       "be read, so it cannot be checked. Paste the "
                                                                       "chart as a picture instead.")
                    continue
                seen = set()
                for detection in detections:
                    if detection.entity_type in ("DATE", "EXEMPT") or detection.text.lower() in seen:
                        continue
                    seen.add(detection.text.lower())
                    yield self.finding(f"{chart} data, {detection.location}",
                                       "The data behind this chart holds {match}, which anyone can open with Edit "
                                       "Data. Anonymise the data or paste the chart as a picture.",
                                       match=detection.text, location_match=ctx.personal_in(detection.location))


@register
class ImageMetadataRule(Rule):
    code = "SCR225"
    category = "metadata"
    severity = BLOCK
    description = "Names inside image files' own metadata (PNG text, JPEG EXIF/XMP author and description)"
    formats = ("docx", "xlsx")

    def check(self, doc, ctx):
        from ..imagemeta import image_text

        package = doc.package
        media = [n for n in package.names() if n.lower().endswith(_IMAGE_SUFFIXES) and "/media/" in n]
        for number, part in enumerate(media, start=1):
            for field, text in image_text(package.raw[part]):
                personal = field.lower() in _IMAGE_AUTHOR_FIELDS and not _neutral(text, ctx)
                if personal or ctx.names_someone(text):
                    yield self.finding(f"image {number} of {len(media)} (its '{field}' field)",
                                       "The image file itself records {match}. Insert a copy saved without its "
                                       "properties (or a screenshot of it).", match=text)


_IMAGE_AUTHOR_FIELDS = {"author", "artist", "dc:creator", "copyright", "dc:rights"}


def _neutral(text: str, ctx) -> bool:
    from .metadata import is_neutral

    return is_neutral(text, ctx)


@register
class MacrosRule(Rule):
    code = "SCR222"
    category = "embedded_content"
    severity = BLOCK
    description = "Macros (vbaProject.bin, .docm/.xlsm files) and PDF JavaScript: code must not be published"

    def check(self, doc, ctx):
        if doc.format == "pdf":
            root = doc.pdf.trailer["/Root"]
            names = root.get("/Names")
            names = names.get_object() if names is not None else {}
            open_action = root.get("/OpenAction")
            open_action = open_action.get_object() if open_action is not None else None
            if "/JavaScript" in names or (hasattr(open_action, "get") and "/JS" in open_action):
                yield self.finding("document", "The PDF contains JavaScript. Export it again from the checked "
                                               "Word document.")
            return
        package = doc.package
        projects = [n for n in package.names() if posixpath.basename(n).lower().startswith("vbaproject")]
        if projects:
            yield self.finding("macros (" + ", ".join(projects) + ")",
                               "The file contains macros. Save it as a Word Document (.docx) or Excel Workbook "
                               "(.xlsx), which removes them.")
        elif doc.path.suffix.lower() in _MACRO_SUFFIXES:
            yield self.finding("file type", f"'{doc.path.suffix}' files can carry macros. Save it as .docx or "
                                            ".xlsx before publishing.")


@register
class ImagesRule(Rule):
    code = "SCR223"
    category = "embedded_content"
    severity = WARN
    description = "Images: the checker cannot read them; look at each one for faces, names, addresses"

    def check(self, doc, ctx):
        if doc.format == "pdf":
            for number, page in enumerate(doc.pdf.pages, start=1):
                try:
                    count = len(page.images)
                except Exception:  # an image we cannot decode is still an image to look at
                    count = 1
                if count:
                    yield self.finding(f"page {number}", f"{count} image(s) on this page: check by eye that none "
                                                         "shows a face, a name, an address or a school badge.")
            return
        package = doc.package
        found = []
        if doc.format == "docx":
            for part in story_parts(package):
                root = package.xml(part)
                for element in root.iter(qn("w:drawing"), qn("w:pict")):
                    if any(True for _ in element.iter(qn("pic:pic"), qn("v:imagedata"))):
                        found.append(self.finding(locate(doc, part, element),
                                                  "An image: check by eye that it shows no face, name, address "
                                                  "or school badge."))
        if not found:
            media = [n for n in package.names() if n.lower().endswith(_IMAGE_SUFFIXES) and "/media/" in n]
            if media:
                found.append(self.finding("images", f"{len(media)} image(s) in the file: check each by eye."))
        yield from capped(found, self, "images")
