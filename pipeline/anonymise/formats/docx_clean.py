"""Removing what a published Word file must not carry before its text is anonymised.

Comments go (with their range markers and the parts that hold them), tracked changes are resolved as if
every change had been accepted (deleted text removed, insertions kept as ordinary text, old formatting
records dropped), hidden text is removed, and the names of revision and comment authors are replaced by a
neutral "Author". The domain brief lists these as the usual leaks (comments, tracked changes, hidden text,
document properties); §8.80 and §8.82-8.84 require that nothing identifying reaches Ofsted or the public.
"""
from __future__ import annotations

import logging
import re
from collections import Counter

from lxml import etree

from .docx_walk import (
    AUTHOR_ATTRIBUTES, PERSON_PROPERTIES, SKIPPED_PARTS, W_P, W_R, _hidden_styles, authored, run_is_hidden,
)
from .ooxml import NS, Package, _source_of_rels, qn, resolve_target

logger = logging.getLogger(__name__)

NEUTRAL_AUTHOR = "Author"
NEUTRAL_INITIALS = "A"

# Relationship types (last path segment) of parts that exist only to hold comments and their authors.
COMMENT_PART_TYPES = ("comments", "commentsExtended", "commentsIds", "commentsExtensible", "people")
_COMMENT_MARKERS = tuple(qn(f"w:{n}") for n in ("commentRangeStart", "commentRangeEnd"))
# Containers of tracked text: removed with everything in them, or unwrapped so their runs become ordinary.
_REMOVE_WITH_CONTENT = (qn("w:del"), qn("w:moveFrom"))
_UNWRAP = (qn("w:ins"), qn("w:moveTo"))
# Revision records that only mark or remember something (old formatting, moved ranges, cell changes).
_REVISION_MARKERS = tuple(
    qn(f"w:{n}")
    for n in (
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange",
        "tblGridChange", "numberingChange", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
        "moveToRangeEnd", "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart", "customXmlInsRangeEnd",
        "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
    )
)
# Bytes that show a part has something to clean; other parts are not parsed at all.
_CLEANING_MARKERS = re.compile(
    rb"comment(?:RangeStart|RangeEnd|Reference)|<w:(?:del|ins|moveFrom|moveTo|delText|delInstrText)[\s>/]|"
    rb"Change[\s>/]|RangeStart|RangeEnd|vanish|rStyle|pStyle|author=|initials=|cell(?:Ins|Del|Merge)|"
    rb"(?i:users|home|documents and settings)"
)
_PROPERTY_PARENTS = (qn("w:rPr"), qn("w:pPr"), qn("w:trPr"), qn("w:tcPr"), qn("w:tblPr"), qn("w:sectPr"))
# A Windows or Unix home folder in a path: "C:\Users\pharrington\..." names whoever saved the file.
# (Field codes double their backslashes: C:\\Users\\name.)
HOME_FOLDER = re.compile(r"(?i)([\\/]+(?:Users|home|Documents and Settings)[\\/]+)[^\\/]+")
# Places a path can hide besides relationships: field codes (INCLUDETEXT, HYPERLINK "file:..."), a mail
# merge's query and connection.
_PATH_ATTRIBUTES = (qn("w:instr"), qn("w:val"))
_PATH_HOLDERS = (qn("w:fldSimple"), qn("w:query"), qn("w:connectString"))


def clean_package(pkg: Package) -> Counter[str]:
    """Clean every Word part in place; returns what was removed, e.g. {"comments": 3, "deleted text": 2}."""
    counts: Counter[str] = Counter()
    hidden_styles = _hidden_styles(pkg)
    _remove_comment_parts(pkg, counts)
    for part in pkg.xml_parts():
        if not part.endswith(".xml") or part == "[Content_Types].xml" or SKIPPED_PARTS.match(part):
            continue
        if not pkg.mentions(part, _CLEANING_MARKERS):
            continue
        root = pkg.xml(part)
        if etree.QName(root).namespace != NS["w"]:
            continue
        _remove_comment_markers(root, counts)
        _resolve_tracked_changes(root, counts)
        _remove_hidden_runs(root, hidden_styles, counts)
        _neutralise_authors(root, counts)
        _scrub_home_folders(root, counts)
    _neutralise_core_authors(pkg, counts)
    _scrub_template_path(pkg, counts)
    _remove_thumbnail(pkg, counts)
    return counts


def _remove_thumbnail(pkg: Package, counts: Counter[str]) -> None:
    """Word can save a picture of the first page (for file browsers): it shows the original, unanonymised."""
    for rel in list(pkg.relationships("")):
        if rel.get("Type", "").endswith("/thumbnail"):
            part = resolve_target("", rel.get("Target", ""))
            if pkg.has(part):
                pkg.remove_part(part)
                counts["page preview picture"] += 1


def _remove_comment_parts(pkg: Package, counts: Counter[str]) -> None:
    doomed: list[str] = []
    for part in pkg.names():
        if not part.endswith(".rels"):
            continue
        source = _source_of_rels(part)
        for rel in pkg.xml(part).iter(qn("rel:Relationship")):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in COMMENT_PART_TYPES and rel.get("TargetMode") != "External":
                doomed.append(resolve_target(source, rel.get("Target", "")))
    for part in doomed:
        if pkg.has(part):
            if part.endswith("comments.xml"):
                counts["comments"] += len(list(pkg.xml(part).iter(qn("w:comment"))))
            pkg.remove_part(part)


def _remove_comment_markers(root: etree._Element, counts: Counter[str]) -> None:
    for marker in list(root.iter(*_COMMENT_MARKERS)):
        _drop(marker)
    for ref in list(root.iter(qn("w:commentReference"))):
        run = ref.getparent()
        # The reference sits in its own run (with only formatting beside it): remove the whole run.
        if run is not None and run.tag == W_R and all(c is ref or c.tag == qn("w:rPr") for c in run):
            _drop(run)
        else:
            _drop(ref)


def _resolve_tracked_changes(root: etree._Element, counts: Counter[str]) -> None:
    for element in list(root.iter(*_REMOVE_WITH_CONTENT)):
        if _detached(element, root):
            continue
        parent = element.getparent()
        if parent.tag == qn("w:trPr"):
            # A deleted table row: accept by removing the row, unless it is the table's last one.
            row = parent.getparent()
            table = row.getparent() if row is not None else None
            if table is not None and len(table.findall(qn("w:tr"))) > 1:
                table.remove(row)
                counts["deleted rows"] += 1
                continue
        if parent.tag in _PROPERTY_PARENTS:
            _drop(element)  # a paragraph mark or row flagged as deleted: keep the structure
            continue
        counts["deleted text"] += 1
        _drop(element)
    for element in list(root.iter(*_UNWRAP)):
        if _detached(element, root):
            continue
        if element.getparent().tag in _PROPERTY_PARENTS:
            _drop(element)
            continue
        counts["insertions accepted"] += 1
        _unwrap(element)
    for element in list(root.iter(*_REVISION_MARKERS, qn("w:delText"), qn("w:delInstrText"))):
        if not _detached(element, root):
            _drop(element)
            counts["revision records"] += 1


def _remove_hidden_runs(root: etree._Element, hidden_styles: set[str], counts: Counter[str]) -> None:
    if not hidden_styles and next(root.iter(qn("w:vanish")), None) is None:
        return  # the usual case: nothing in this part can be hidden
    for run in list(root.iter(W_R)):
        if _detached(run, root) or not run_is_hidden(run, hidden_styles):
            continue
        counts["hidden text"] += 1
        if run.find(qn("w:fldChar")) is not None:
            # Removing the run would break the field's begin/separate/end structure: remove the text only.
            for child in list(run):
                if child.tag != qn("w:rPr") and child.tag != qn("w:fldChar"):
                    run.remove(child)
            continue
        _drop(run)
    # A paragraph mark can be hidden too; it holds no text, so only the setting goes.
    for para in root.iter(W_P):
        vanish = para.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:vanish')}")
        if vanish is not None:
            _drop(vanish)


def _neutralise_authors(root: etree._Element, counts: Counter[str]) -> None:
    for element in authored(root):
        for attr in AUTHOR_ATTRIBUTES:
            if element.get(attr) is not None:
                neutral = NEUTRAL_INITIALS if attr == qn("w:initials") else NEUTRAL_AUTHOR
                if element.get(attr) != neutral:
                    element.set(attr, neutral)
                    counts["author names"] += 1


def _scrub_home_folders(root: etree._Element, counts: Counter[str]) -> None:
    for node in root.iter(qn("w:instrText")):
        if node.text and HOME_FOLDER.search(node.text):
            node.text = HOME_FOLDER.sub(r"\1user", node.text)
            counts["home folder paths"] += 1
    for node in root.iter(*_PATH_HOLDERS):
        for attr in _PATH_ATTRIBUTES:
            value = node.get(attr)
            if value and HOME_FOLDER.search(value):
                node.set(attr, HOME_FOLDER.sub(r"\1user", value))
                counts["home folder paths"] += 1


def _neutralise_core_authors(pkg: Package, counts: Counter[str]) -> None:
    if not pkg.has("docProps/core.xml"):
        return
    for element in pkg.xml("docProps/core.xml"):
        if element.tag in PERSON_PROPERTIES and (element.text or "").strip():
            element.text = NEUTRAL_AUTHOR
            counts["author names"] += 1


def _scrub_template_path(pkg: Package, counts: Counter[str]) -> None:
    """Keep only the file name of the attached template: its folder usually names the person's login."""
    for part in pkg.names():
        if not part.endswith(".rels"):
            continue
        for rel in pkg.xml(part).iter(qn("rel:Relationship")):
            target = rel.get("Target", "")
            if rel.get("Type", "").endswith("/attachedTemplate"):
                name = re.split(r"[\\/]", target)[-1]
                if name != target:
                    rel.set("Target", name)
                    counts["template paths"] += 1
            elif rel.get("TargetMode") == "External" and HOME_FOLDER.search(target):
                rel.set("Target", HOME_FOLDER.sub(r"\1user", target))
                counts["home folder paths"] += 1


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    # Keep the text that follows the element in mixed content (never in WordprocessingML, but cheap).
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _detached(element: etree._Element, root: etree._Element) -> bool:
    """True when an earlier step already removed this element (or one of its ancestors)."""
    top = element
    for top in element.iterancestors():
        pass
    return top is not root and element is not root
