"""Every place a Word file (.docx) holds text, with a label a person can find it by.

`iter_docx_text(path)` is read-only: the publication checker uses it to look for survivors in every part,
including the ones Word does not show (comments, tracked deletions, hidden text, field codes, authors,
properties, link targets). The anonymiser uses the same walk on a package it has already cleaned
(see docx_clean), and writes replacements back through each location's segments.

Label format (stable; the checker prints them):
    paragraph 12 | table 2, row 4, column 1 | table 2, row 4, column 1 > table 1, row 1, column 2
    header (section 1, first page), paragraph 1 | footer (section 2, even pages) | footnote 3 | endnote 1
    comment 3 | text box 1, paragraph 2 | text box 1 (fallback copy) | building block "Signature"
    ... + " (deleted text)", " (hidden text)", " field code"
    image description (picture "Picture 1") | revision author (ins) | comment author | author list (people.xml)
    document property: author | custom property: Reviewer | custom property: Reviewer (its name)
    custom XML part customXml/item1.xml: <element> | chart 1 label 2 | document variable in word/settings.xml
    hyperlink target (rId5) | attached template path | external link (rId7)
Labels that repeat text from the file put it in double quotes (or follow "custom property: "), so the
redaction log can anonymise them. Locations inside an embedded workbook or document are prefixed
'embedded workbook "name.xlsx" > ' (added by docx_embedded when anonymising).
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from .locations import Segment, TextLocation, attribute_segment_fns, text_location, url_fns
from .ooxml import NS, Package, qn, resolve_target

W = NS["w"]
W_P, W_T, W_R, W_TBL, W_TR, W_TC = (qn(f"w:{n}") for n in ("p", "t", "r", "tbl", "tr", "tc"))
W_TXBX, W_BODY = qn("w:txbxContent"), qn("w:body")
W_DEL, W_MOVEFROM = qn("w:del"), qn("w:moveFrom")
MC_FALLBACK = qn("mc:Fallback")
A_P, A_T = qn("a:p"), qn("a:t")

# Text nodes grouped into paragraph locations, and the paragraph element each belongs to.
_TEXT_TAGS = {W_T: W_P, qn("w:delText"): W_P, A_T: A_P, qn("m:t"): W_P}
# Characters Word draws without a text node: they keep "Jane<tab>Smith" from reading as "JaneSmith".
_SEPARATORS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_FIELD_TAGS = {qn("w:instrText"): False, qn("w:delInstrText"): True}

# Containers that start their own numbering of paragraphs and tables.
_STORIES = {
    W_BODY: None, qn("w:hdr"): None, qn("w:ftr"): None, qn("w:footnote"): "footnote",
    qn("w:endnote"): "endnote", qn("w:comment"): "comment", qn("w:docPart"): "building block",
    W_TXBX: "text box", W_TC: None,
}

# Attributes that hold free text someone typed, wherever they appear. (local name of element, attribute).
_TEXT_ATTRIBUTES = [
    ("docPr", "descr", "image description"), ("docPr", "title", "image title"), ("docPr", "name", "image name"),
    ("cNvPr", "descr", "image description"), ("cNvPr", "title", "image title"), ("cNvPr", "name", "image name"),
    ("shape", "alt", "shape description"), ("imagedata", f"{{{NS['o']}}}title", "image title"),
    ("textpath", "string", "WordArt text"), ("fldSimple", qn("w:instr"), "field code"),
    ("docVar", qn("w:val"), "document variable"), ("alias", qn("w:val"), "content control title"),
    ("tag", qn("w:val"), "content control tag"), ("hyperlink", qn("w:tooltip"), "hyperlink tooltip"),
    ("hlinkClick", "tooltip", "hyperlink tooltip"), ("default", qn("w:val"), "form field default"),
    ("helpText", qn("w:val"), "form field help"), ("statusText", qn("w:val"), "form field status text"),
    ("listEntry", qn("w:val"), "form field choice"), ("presenceInfo", qn("w15:userId"), "author account"),
    # Smart tags and inline custom XML keep what they recognised (a PersonName's parts) as attributes.
    ("attr", qn("w:val"), "smart tag data"),
    # A mail merge remembers its data source query and connection, often with a path or a name in them.
    ("query", qn("w:val"), "mail merge query"), ("connectString", qn("w:val"), "mail merge connection"),
]
_TEXT_ATTRIBUTE_INDEX: dict[str, list[tuple[str, str]]] = {}
for _local, _attr, _what in _TEXT_ATTRIBUTES:
    _TEXT_ATTRIBUTE_INDEX.setdefault(_local, []).append((_attr, _what))

_TEXT_ATTRIBUTE_TAGS = tuple(f"{{*}}{local}" for local in _TEXT_ATTRIBUTE_INDEX)

# Attributes naming the person who made a revision or comment. The anonymiser neutralises these rather
# than searching them: a login name such as "pharrington" is not something a name finder recognises.
AUTHOR_ATTRIBUTES = (qn("w:author"), qn("w15:author"), qn("w:initials"))
# Elements carrying any of them, found in one pass in C rather than by visiting every element in Python.
authored = etree.XPath("//*[@w:author or @w15:author or @w:initials]", namespaces={"w": NS["w"], "w15": NS["w15"]})

# A part is walked only if its bytes show an element or attribute the walk reads (checked before parsing).
_STORY_MARKERS = re.compile(
    rb"<(?:\w+:)?(?:t|delText|instrText|delInstrText|v|docPr|cNvPr|shape|imagedata|textpath|fldSimple|docVar|"
    rb"alias|tag|hyperlink|hlinkClick|default|helpText|statusText|listEntry|presenceInfo|attr|query|connectString)"
    rb"[\s>/]|author=|initials="
)

# Parts that hold no text anyone typed (colours, fonts, browser settings): not worth parsing.
SKIPPED_PARTS = re.compile(r"^word/(theme/.*|fontTable\.xml|webSettings\.xml|stylesWithEffects\.xml)$")

CORE_PROPERTIES = {
    qn("dc:creator"): "author", qn("cp:lastModifiedBy"): "last modified by", qn("dc:title"): "title",
    qn("dc:subject"): "subject", qn("cp:keywords"): "keywords", qn("dc:description"): "comments",
    qn("cp:category"): "category", qn("cp:contentStatus"): "status", qn("dc:identifier"): "identifier",
    qn("cp:version"): "version", qn("dc:language"): "language",
}
PERSON_PROPERTIES = {qn("dc:creator"), qn("cp:lastModifiedBy")}
APP_PROPERTIES = {
    qn("ep:Company"): "company", qn("ep:Manager"): "manager", qn("ep:HyperlinkBase"): "hyperlink base",
    qn("ep:Template"): "template",
}
_SECTION_TYPES = {"default": "", "first": ", first page", "even": ", even pages"}


def iter_docx_text(source: str | Path | Package) -> Iterator[TextLocation]:
    """Yield every text-bearing location of a .docx, in part order. Reads only; nothing is changed
    unless a caller uses a location's `apply`."""
    pkg = source if isinstance(source, Package) else Package.read(source)
    walker = Walker(pkg)
    for part in pkg.xml_parts():
        if part == "[Content_Types].xml" or SKIPPED_PARTS.match(part):
            continue
        if part.endswith(".rels"):
            yield from walker.relationships(part)
        elif part == "docProps/core.xml":
            yield from walker.core_properties(part)
        elif part == "docProps/app.xml":
            yield from walker.app_properties(part)
        elif part == "docProps/custom.xml":
            yield from walker.custom_properties(part)
        elif part.startswith("customXml/itemProps"):
            continue  # data-store ids and schema addresses that bind the item; no one types text there
        elif part.startswith("customXml/"):
            yield from walker.custom_xml(part)
        elif pkg.mentions(part, _STORY_MARKERS):
            yield from walker.story(part)


class Walker:
    """Walks one package. Public for the checker: `Walker(pkg).label(part, paragraph_element)` gives the
    same label for a paragraph that the anonymiser uses, and `part_titles` names each header/footer part."""

    def __init__(self, pkg: Package) -> None:
        self.pkg = pkg
        self.hidden_styles = _hidden_styles(pkg)
        self.part_titles = _part_titles(pkg)
        self._ordinals: dict[tuple[int, str], dict[etree._Element, int]] = {}
        self._keep: list[object] = []

    # ---- stories: document, headers, footers, notes, comments, glossary, anything else with paragraphs
    def story(self, part: str) -> Iterator[TextLocation]:
        root = self.pkg.xml(part)
        groups: dict[tuple[etree._Element, str], list[etree._Element]] = {}
        order: list[tuple[etree._Element, str]] = []
        interesting = tuple(_TEXT_TAGS) + tuple(_SEPARATORS) + tuple(_FIELD_TAGS)
        for node in root.iter(*interesting):
            if node.tag in _SEPARATORS and node.getparent().tag != W_R:
                continue  # w:tab inside w:tabs is a tab-stop definition, not a character
            para_tag = _TEXT_TAGS.get(node.tag, W_P)
            para = next(node.iterancestors(para_tag), None)
            if para is None:
                para = node.getparent()
            state = self._state(node)
            key = (para, state)
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(node)
        for key in order:
            para, state = key
            location = _joined(part, groups[key], kind=state)
            if not location.text.strip():
                continue
            location.label = self.label(part, para) + _STATE_SUFFIX[state]
            location.birth_dates = _in_birth_column(para)
            yield location
        yield from self.chart_values(part, root)
        yield from self.attributes(part, root)

    def chart_values(self, part: str, root: etree._Element) -> Iterator[TextLocation]:
        """Labels a chart shows (categories, series names) are cached in the chart itself as c:v text."""
        for number, value in enumerate(root.iter(qn("c:v")), start=1):
            cache = value.getparent().getparent() if value.getparent() is not None else None
            if cache is not None and cache.tag == qn("c:strCache") and (value.text or "").strip():
                yield _element_text(part, f"chart {_chart_number(part)} label {number}", "chart label", value)

    def _state(self, node: etree._Element) -> str:
        if node.tag in _FIELD_TAGS:
            return "deleted field code" if _FIELD_TAGS[node.tag] else "field code"
        if node.tag == qn("w:delText") or any(a.tag in (W_DEL, W_MOVEFROM) for a in node.iterancestors()):
            return "deleted text"
        run = node.getparent()
        if run is not None and run.tag == W_R and self._hidden(run):
            return "hidden text"
        return "text"

    def _hidden(self, run: etree._Element) -> bool:
        return run_is_hidden(run, self.hidden_styles)

    def attributes(self, part: str, root: etree._Element) -> Iterator[TextLocation]:
        for element in root.iter(*_TEXT_ATTRIBUTE_TAGS):
            for attr, what in _TEXT_ATTRIBUTE_INDEX.get(etree.QName(element).localname, ()):
                value = element.get(attr)
                if value and value.strip():
                    get, set_ = attribute_segment_fns(element, attr)
                    where = self._image_context(element) if what.startswith("image") else self._near(part, element)
                    yield text_location(part, f"{what}{where}", "attribute", get, set_, concealed=True,
                                        joined=what == "image name")
        for element in authored(root):
            for attr in AUTHOR_ATTRIBUTES:
                value = element.get(attr)
                if value and value.strip():
                    get, set_ = attribute_segment_fns(element, attr)
                    yield text_location(part, _author_label(element, attr), "author", get, set_, concealed=True)

    def _image_context(self, element: etree._Element) -> str:
        name = element.get("name") if element.get("name") is not None else None
        return f' (picture "{name}")' if name else ""

    def _near(self, part: str, element: etree._Element) -> str:
        para = next(element.iterancestors(W_P), None)
        return f" in {self.label(part, para)}" if para is not None else f" in {part}"

    # ---- labels
    def label(self, part: str, para: etree._Element) -> str:
        pieces: list[str] = []
        title = self.part_titles.get(part, "" if part.endswith("document.xml") else part)
        if title:
            pieces.append(title)
        chain = [a for a in reversed(list(para.iterancestors()))]
        for el in chain:
            if el.tag == W_TBL:
                pieces.append(f"table {self._ordinal(el, W_TBL)}")
            elif el.tag == W_TR:
                pieces[-1] += f", row {self._index_in(el, W_TBL)}"
            elif el.tag == W_TC:
                pieces[-1] += f", column {self._index_in(el, W_TR)}"
            elif el.tag in _STORIES and _STORIES[el.tag]:
                what = _STORIES[el.tag]
                if what == "building block":
                    pieces.append(f'building block "{_docpart_name(el)}"')
                elif what == "text box":
                    copy = " (fallback copy)" if any(a.tag == MC_FALLBACK for a in el.iterancestors()) else ""
                    pieces.append(f"text box {self._ordinal(el, W_TXBX)}{copy}")
                else:
                    pieces.append(f"{what} {self._ordinal(el, el.tag)}")
        container = _container(para)
        if container is not None and para.tag == W_P:
            siblings = self._siblings(container, W_P)
            if len(siblings) > 1 or container.tag == W_BODY:
                index = siblings.get(para)
                if index is not None:
                    if pieces:
                        pieces[-1] += f", paragraph {index}"
                    else:
                        pieces.append(f"paragraph {index}")
        return " > ".join(pieces) or part

    def _siblings(self, container: etree._Element, tag: str) -> dict[etree._Element, int]:
        key = (id(container), tag)
        if key not in self._ordinals:
            found = [el for el in container.iter(tag) if _container(el) is container]
            self._ordinals[key] = {el: i + 1 for i, el in enumerate(found)}
            self._keep.append(container)
        return self._ordinals[key]

    def _index_in(self, el: etree._Element, owner_tag: str) -> int:
        """A row's number in its table, or a cell's in its row (nested tables number their own)."""
        owner = next(el.iterancestors(owner_tag), None)
        if owner is None:
            return 0
        key = (id(owner), el.tag)
        if key not in self._ordinals:
            items = [x for x in owner.iter(el.tag) if next(x.iterancestors(owner_tag), None) is owner]
            self._ordinals[key] = {x: i + 1 for i, x in enumerate(items)}
            self._keep.append(owner)
        return self._ordinals[key].get(el, 0)

    def _ordinal(self, element: etree._Element, tag: str) -> int:
        if tag in (W_TBL,):
            container = _container(element)
            scope = container if container is not None else element.getroottree().getroot()
            return self._siblings(scope, tag).get(element, 0)
        root = element.getroottree().getroot()
        key = (id(root), tag)
        if key not in self._ordinals:
            candidates = [
                el for el in root.iter(tag)
                if not (tag in (qn("w:footnote"), qn("w:endnote")) and el.get(qn("w:type")) not in (None, "normal"))
            ]
            if tag == W_TXBX:
                # The fallback copy is numbered like the shape it duplicates.
                main = [el for el in candidates if not any(a.tag == MC_FALLBACK for a in el.iterancestors())]
                fallback = [el for el in candidates if el not in main]
                numbered = {el: i + 1 for i, el in enumerate(main)} | {el: i + 1 for i, el in enumerate(fallback)}
            else:
                numbered = {el: i + 1 for i, el in enumerate(candidates)}
            self._ordinals[key] = numbered
            self._keep.append(root)
        return self._ordinals[key].get(element, 0)

    # ---- package metadata
    def relationships(self, part: str) -> Iterator[TextLocation]:
        for rel in self.pkg.xml(part).iter(qn("rel:Relationship")):
            if rel.get("TargetMode") != "External" or not rel.get("Target"):
                continue
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            what = {"hyperlink": f"hyperlink target ({rel.get('Id')})", "attachedTemplate": "attached template path"}
            label = what.get(kind, f"external link ({kind} {rel.get('Id')})")
            get, set_ = url_fns(*attribute_segment_fns(rel, "Target"))
            yield text_location(part, label, "link", get, set_, concealed=True)

    def core_properties(self, part: str) -> Iterator[TextLocation]:
        for element in self.pkg.xml(part):
            name = CORE_PROPERTIES.get(element.tag)
            if name and (element.text or "").strip():
                kind = "author" if element.tag in PERSON_PROPERTIES else "property"
                yield _element_text(part, f"document property: {name}", kind, element)

    def app_properties(self, part: str) -> Iterator[TextLocation]:
        root = self.pkg.xml(part)
        for element in root:
            name = APP_PROPERTIES.get(element.tag)
            if name and (element.text or "").strip():
                yield _element_text(part, f"document property: {name}", "property", element)
        titles = root.find(qn("ep:TitlesOfParts"))
        if titles is not None:
            for element in titles.iter(qn("vt:lpstr"), qn("vt:lpwstr")):
                if (element.text or "").strip():
                    yield _element_text(part, "document property: titles of parts", "property", element)

    def custom_properties(self, part: str) -> Iterator[TextLocation]:
        for prop in self.pkg.xml(part):
            name = prop.get("name") or "?"
            if prop.get("name"):
                get, set_ = attribute_segment_fns(prop, "name")
                yield text_location(part, f"custom property: {name} (its name)", "property", get, set_,
                                    concealed=True)
            for element in prop.iter(tag=etree.Element):
                if element is not prop and (element.text or "").strip():
                    yield _element_text(part, f"custom property: {name}", "property", element)

    def custom_xml(self, part: str) -> Iterator[TextLocation]:
        root = self.pkg.xml(part)
        for element in root.iter(tag=etree.Element):
            local = etree.QName(element).localname
            if (element.text or "").strip():
                yield _element_text(part, f"custom XML part {part}: {local}", "property", element)
            if element is root and etree.QName(root).namespace == _BIBLIOGRAPHY:
                continue  # the citation style settings Word puts on every document ("/APA.XSL")
            for attr, value in element.attrib.items():
                if value.strip() and not attr.startswith("{http://www.w3.org/"):
                    get, set_ = attribute_segment_fns(element, attr)
                    label = f"custom XML part {part}: {local} {etree.QName(attr).localname}"
                    yield text_location(part, label, "property", get, set_, concealed=True)


_STATE_SUFFIX = {
    "text": "", "deleted text": " (deleted text)", "hidden text": " (hidden text)",
    "field code": " field code", "deleted field code": " (deleted field code)",
}
_CONCEALED = {"deleted text", "hidden text", "field code", "deleted field code"}


def _joined(part: str, nodes: list[etree._Element], *, kind: str) -> TextLocation:
    """One location over several text nodes (the runs of a paragraph), keeping which node holds what."""
    segments: list[Segment] = []
    pieces: list[str] = []
    offset = 0
    for node in nodes:
        if node.tag in _SEPARATORS:
            text = _SEPARATORS[node.tag]
            segments.append(Segment(offset, offset + len(text), lambda t=text: t, None, _dropper(node)))
        else:
            text = node.text or ""
            segments.append(Segment(offset, offset + len(text), _getter(node), _setter(node)))
        pieces.append(text)
        offset += len(text)
    return TextLocation(part, "", kind, "".join(pieces), kind in _CONCEALED, segments)


def _getter(node: etree._Element):
    return lambda: node.text or ""


def _setter(node: etree._Element):
    def set_(value: str) -> None:
        node.text = value
        if node.tag in (W_T, qn("w:instrText")) and value != value.strip():
            # Without this Word drops the spaces around a replacement at the edge of a run.
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    return set_


def _dropper(node: etree._Element):
    def drop() -> None:
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)

    return drop


def _element_text(part: str, label: str, kind: str, element: etree._Element) -> TextLocation:
    def set_(value: str) -> None:
        element.text = value

    return text_location(part, label, kind, lambda: element.text or "", set_, concealed=True)


_BIBLIOGRAPHY = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"
_Walker = Walker  # earlier name, still used by the checker


def _chart_number(part: str) -> str:
    found = re.search(r"(\d+)\.xml$", part)
    return found.group(1) if found else "1"


_BIRTH_HEADING = re.compile(r"(?i)^\W*(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|born)\W*$")


def _in_birth_column(para: etree._Element) -> bool:
    """A paragraph in a table cell under a "DOB" / "Date of birth" heading, or right of a cell saying so."""
    cell = next(para.iterancestors(W_TC), None)
    if cell is None:
        return False
    row = cell.getparent()
    table = row.getparent() if row is not None else None
    if row is None or table is None or row.tag != W_TR:
        return False
    cells = row.findall(W_TC)
    index = cells.index(cell) if cell in cells else -1
    if index > 0 and _BIRTH_HEADING.match("".join(cells[index - 1].itertext())):
        return True
    rows = table.findall(W_TR)
    if not rows or rows[0] is row or index < 0:
        return False
    heading = rows[0].findall(W_TC)
    return index < len(heading) and bool(_BIRTH_HEADING.match("".join(heading[index].itertext())))


def _container(el: etree._Element) -> etree._Element | None:
    return next((a for a in el.iterancestors() if a.tag in _STORIES), None)


def _docpart_name(docpart: etree._Element) -> str:
    name = docpart.find(f"{qn('w:docPartPr')}/{qn('w:name')}")
    return name.get(qn("w:val"), "?") if name is not None else "?"


def _author_label(element: etree._Element, attr: str) -> str:
    local = etree.QName(element).localname
    what = "initials" if attr == qn("w:initials") else "author"
    if local == "comment":
        return f"comment author {what}" if what == "initials" else "comment author"
    if local == "person":
        return "author list (people.xml)"
    return f"revision {what} ({local})"


def run_is_hidden(run: etree._Element, hidden_styles: set[str]) -> bool:
    """Whether a run is hidden text: its own vanish setting, else its character style, else its paragraph's."""
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        vanish = rpr.find(qn("w:vanish"))
        if vanish is not None:
            return _on(vanish)
        style = rpr.find(qn("w:rStyle"))
        if style is not None and style.get(qn("w:val")) in hidden_styles:
            return True
    para = next(run.iterancestors(W_P), None)
    if para is not None:
        style = para.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in hidden_styles:
            return True
    return False


def _on(toggle: etree._Element) -> bool:
    return toggle.get(qn("w:val"), "true").lower() not in ("0", "false", "off")


def _hidden_styles(pkg: Package) -> set[str]:
    """Style ids whose run properties hide text, following basedOn (a style can inherit 'hidden')."""
    part = "word/styles.xml"
    if not pkg.has(part):
        return set()
    if "hidden styles" in pkg.memo:
        return pkg.memo["hidden styles"]  # type: ignore[return-value]
    styles: dict[str, etree._Element] = {s.get(qn("w:styleId")): s for s in pkg.xml(part).iter(qn("w:style"))}

    def hidden(style_id: str, depth: int = 0) -> bool:
        style = styles.get(style_id)
        if style is None or depth > 20:
            return False
        vanish = style.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
        if vanish is not None:
            return _on(vanish)
        based = style.find(qn("w:basedOn"))
        return based is not None and hidden(based.get(qn("w:val"), ""), depth + 1)

    found = {sid for sid in styles if sid and hidden(sid)}
    pkg.memo["hidden styles"] = found
    return found


def _part_titles(pkg: Package) -> dict[str, str]:
    """'word/header2.xml' -> 'header (section 1, first page)', from the section properties of the body."""
    titles: dict[str, str] = {}
    main = main_document(pkg)
    if main is None:
        return titles
    targets = {rel.get("Id"): resolve_target(main, rel.get("Target", "")) for rel in pkg.relationships(main)}
    body = pkg.xml(main).find(qn("w:body"))
    sections = list(body.iter(qn("w:sectPr"))) if body is not None else []
    for number, sect in enumerate(sections, start=1):
        for ref_tag, what in ((qn("w:headerReference"), "header"), (qn("w:footerReference"), "footer")):
            for ref in sect.findall(ref_tag):
                target = targets.get(ref.get(qn("r:id")))
                if target and target not in titles:
                    kind = _SECTION_TYPES.get(ref.get(qn("w:type"), "default"), "")
                    titles[target] = f"{what} (section {number}{kind})"
    for part in pkg.names():
        name = posixpath.basename(part)
        if part not in titles and re.fullmatch(r"(header|footer)\d*\.xml", name):
            titles[part] = f"{name[:6]} (not used by any section)"
    titles.update({
        "word/footnotes.xml": "", "word/endnotes.xml": "", "word/comments.xml": "",
        "word/glossary/document.xml": "building blocks",
    })
    return titles


def main_document(pkg: Package) -> str | None:
    for rel in pkg.relationships(""):
        if rel.get("Type", "").endswith("/officeDocument"):
            return resolve_target("", rel.get("Target", ""))
    return "word/document.xml" if pkg.has("word/document.xml") else None
