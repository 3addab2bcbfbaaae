"""Building blocks for the generated parts of the reports, written with python-docx into a rendered template.

The template supplies everything a board styles in Word (cover page, headers and footers, the styles named
below); this module only adds content at the template's `{{ body }}` paragraph, in those styles:

- ``BodyWriter(doc, anchor)``: paragraphs, headings, tables, page breaks and a landscape section, inserted in
  order just before ``anchor`` (the body placeholder paragraph, removed by ``finish``).
- ``add_toc(container, entries)``: a Word TOC field whose stored result is already filled with our headings, so
  the contents list is right even in a viewer that never refreshes fields. ``request_field_update(doc)`` sets
  ``w:updateFields`` so Word refreshes the TOC (and page numbers) when the document is opened.
- ``add_field(paragraph, instruction, cached)`` for PAGE / NUMPAGES and other simple fields.
- ``clean_text(text)``: removes characters Word cannot store (control characters pasted from spreadsheets).

Tables are written as WordprocessingML text and parsed once, because python-docx's cell-by-cell API is
slow for the 2,000-row chronology (see benchmarks/render.py).
"""
from __future__ import annotations

import copy
import re
from xml.sax.saxutils import escape
from collections.abc import Iterable, Sequence

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import Table
from docx.text.paragraph import Paragraph

TABLE_STYLE = "SCR Table"
FALLBACK_TABLE_STYLES = ("Table Grid",)
OUT_OF_SCOPE_FILL = "E7E6E6"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value: object) -> str:
    """Text Word can store: control characters dropped, None as empty. Everything else is kept as typed."""
    if value is None:
        return ""
    return _NOT_XML.sub("", str(value))


def style_name(doc: DocumentObject, name: str, *fallbacks: str) -> str | None:
    """The first of `name`, `fallbacks` that the document defines, so a board's own template need not have all."""
    styles = doc.styles
    for candidate in (name, *fallbacks):
        try:
            styles[candidate]
        except KeyError:
            continue
        return candidate
    return None


def add_field(paragraph: Paragraph, instruction: str, cached: str = "") -> None:
    """A complex field (`PAGE`, `NUMPAGES`, ...) with `cached` as the result shown until fields are updated."""
    _field_begin(paragraph, instruction)
    if cached:
        paragraph.add_run(cached)
    _field_end(paragraph)


def _field_begin(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)


def _field_end(paragraph: Paragraph) -> None:
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def request_field_update(doc: DocumentObject) -> None:
    """Ask Word to refresh fields (the TOC, page numbers) when the document is opened."""
    settings = doc.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        settings.append(existing)
    existing.set(qn("w:val"), "true")


def add_toc(writer: BodyWriter | DocumentObject, entries: Sequence[tuple[int, str]], *, levels: str = "1-2") -> None:
    """A contents list: a TOC field pre-filled with `entries` (level, heading text)."""
    add = writer.paragraph if isinstance(writer, BodyWriter) else writer.add_paragraph
    doc = writer.doc if isinstance(writer, BodyWriter) else writer
    wanted = [(level, text) for level, text in entries if level <= int(levels.split("-")[-1])]
    first = add("", style_name(doc, "toc 1", "TOC 1"))
    _field_begin(first, f'TOC \\o "{levels}" \\h \\z \\u')
    paragraphs = [first]
    for index, (level, text) in enumerate(wanted):
        paragraph = first if index == 0 else add("", style_name(doc, f"toc {level}", "toc 1", "TOC 1"))
        if index == 0 and level != 1:
            paragraph.style = style_name(doc, f"toc {level}", "toc 1", "TOC 1")
        paragraph.add_run(clean_text(text))
        paragraphs.append(paragraph)
    if not wanted:
        first.add_run("The contents list is filled in when the document is opened in Word.")
    _field_end(paragraphs[-1])


class BodyWriter:
    """Adds content in order at one point of a document: just before `anchor` (the `{{ body }}` paragraph)."""

    def __init__(self, doc: DocumentObject, anchor: Paragraph) -> None:
        self.doc = doc
        self.anchor = anchor
        self.headings: list[tuple[int, str]] = []
        self._table_style = style_name(doc, TABLE_STYLE, *FALLBACK_TABLE_STYLES)

    def _place(self, element) -> None:
        self.anchor._p.addprevious(element)

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        paragraph = self.doc.add_paragraph(clean_text(text), style=style)
        self._place(paragraph._p)
        return paragraph

    def heading(self, text: str, level: int = 1) -> Paragraph:
        level = max(1, min(level, 9))
        paragraph = self.paragraph(text, style_name(self.doc, f"Heading {level}", "Heading 1"))
        self.headings.append((level, text))
        return paragraph

    def runs(self, parts: Iterable[tuple[str, bool, bool]], style: str | None = None) -> Paragraph:
        """One paragraph from (text, bold, italic) pieces."""
        paragraph = self.paragraph("", style)
        for text, bold, italic in parts:
            run = paragraph.add_run(clean_text(text))
            run.bold = bold or None
            run.italic = italic or None
        return paragraph

    def labelled(self, label: str, text: str, style: str | None = None) -> Paragraph:
        """`Label: text` with the label in bold, e.g. "Recommendation 1: ..."."""
        return self.runs([(f"{label}: ", True, False), (text, False, False)], style)

    def bullets(self, items: Iterable[str]) -> None:
        style = style_name(self.doc, "List Bullet")
        for item in items:
            self.paragraph(item, style)

    def page_break(self) -> None:
        paragraph = self.paragraph()
        run = paragraph.add_run()
        br = OxmlElement("w:br")
        br.set(qn("w:type"), "page")
        run._r.append(br)

    def text_width(self) -> int:
        """Usable width of the last section, in twentieths of a point (what table widths are written in)."""
        section = self.doc.sections[-1]
        return int((section.page_width - section.left_margin - section.right_margin) / 635)

    def landscape_from_here(self) -> None:
        """End the current (portrait) section here and make the rest of the document landscape.

        The section break copies the template's page set-up, headers and footers, so the marking and page
        numbers continue unchanged into the landscape pages.
        """
        body_sect = self.doc.sections[-1]._sectPr
        if body_sect.find(qn("w:pgSz")) is not None and body_sect.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape":
            return
        paragraph = self.paragraph()
        paragraph._p.get_or_add_pPr().append(copy.deepcopy(body_sect))
        section = self.doc.sections[-1]
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        widths: Sequence[float] | None = None,
        shaded_rows: set[int] | None = None,
        merge_down: set[int] | None = None,
        font_size: float | None = 9,
    ) -> Table:
        """A table with a repeating bold header row; `widths` are relative column weights.

        Rows in `shaded_rows` (0-based data row numbers) are shaded and italic: used for chronology entries
        outside the review period. Rows in `merge_down` continue the first cell of the row above (a vertical
        merge), so one recommendation spans all its actions. `font_size` (points) is set on every run: in Word a
        paragraph style's size (Normal, 11pt) would otherwise win over the table style's.
        """
        table = self.doc.add_table(rows=0, cols=len(headers))
        if self._table_style:
            table.style = self._table_style
        tbl = table._tbl
        self._place(tbl)
        total = self.text_width()
        weights = list(widths) if widths else [1.0] * len(headers)
        twips = [int(total * w / sum(weights)) for w in weights]
        _fix_layout(tbl, twips)
        size = int(font_size * 2) if font_size else None
        xml = [_row([(h, True, False) for h in headers], twips, header=True, size=size)]
        shaded = shaded_rows or set()
        merged = merge_down or set()
        for index, values in enumerate(rows):
            mark = index in shaded
            vmerge = "continue" if index in merged else "restart" if index + 1 in merged else None
            cells = [(v, False, mark) for v in values]
            if vmerge == "continue":
                cells[0] = ("", False, mark)
            xml.append(_row(cells, twips, fill=OUT_OF_SCOPE_FILL if mark else None, vmerge=vmerge, size=size))
        _append_rows(tbl, xml)
        return table


def _fix_layout(tbl, twips: list[int]) -> None:
    tbl_pr = tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(twips)))
    # Fixed layout (python-docx puts w:tblLayout in its schema position): Word need not measure 2,000 rows.
    tbl_pr.get_or_add_tblLayout().type = "fixed"
    grid = tbl.tblGrid
    for col, value in zip(grid.findall(qn("w:gridCol")), twips):
        col.set(qn("w:w"), str(value))


def _row(cells: Sequence[tuple[object, bool, bool]], twips: list[int], *, header: bool = False,
         fill: str | None = None, vmerge: str | None = None, size: int | None = None) -> str:
    """One table row as WordprocessingML text (parsed once per table: far faster than element by element)."""
    parts = ["<w:tr>"]
    if header:
        # Repeat the header row at the top of every page, and never split it.
        parts.append("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    size_xml = f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else ""
    for column, ((value, bold, italic), width) in enumerate(zip(cells, twips)):
        merge = ""
        if column == 0 and vmerge:
            merge = '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
        parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}{shading}</w:tcPr>')
        r_pr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + size_xml
        r_pr = f"<w:rPr>{r_pr}</w:rPr>" if r_pr else ""
        for line in clean_text(value).split("\n"):
            if line:
                parts.append(f'<w:p><w:r>{r_pr}<w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>')
            else:
                parts.append("<w:p/>")
        parts.append("</w:tc>")
    parts.append("</w:tr>")
    return "".join(parts)


def _append_rows(tbl, rows_xml: list[str]) -> None:
    for tr in parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows_xml)}</w:tbl>"):
        tbl.append(tr)
