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
        embedded = [n for n in package.names() if _EMBEDDED_PART.match(n) and not n.endswith(".rels")]
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
