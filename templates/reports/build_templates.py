"""Generate the board's default report templates (run: `.venv/bin/python templates/reports/build_templates.py`).

The .docx files this writes are the templates: a board copies the folder, opens the files in Word, changes
fonts, colours, logo, cover wording and the header and footer, and points `scr render --templates DIR` at
its copy. Everything the pipeline needs from a template is:

- a paragraph containing only `{{ body }}`: the report's generated text goes there, in the template's styles
  (Heading 1-3, List Bullet, List Number, Quote, and the table style "SCR Table");
- optionally a paragraph containing only `{{ contents }}`: the table of contents goes there;
- any of the fields listed in `pipeline/render/reports.py` (REPORT_FIELDS), e.g. `{{ board.name }}`,
  `{{ review.child_pseudonym }}`, `{{ marking }}`, `{{ date|uk_date }}`. `scr templates check DIR` lists any
  field a template uses that the pipeline does not provide.

Rebuild after changing this script; the files are committed so boards do not need Python to get them.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x38, 0x64)
ACCENT_HEX = "1F3864"

# file stem -> (document title on the cover, has a contents page)
REPORTS = {
    "overview-report": ("Overview Report", True),
    "executive-summary": ("Executive Summary", True),
    "action-plan": ("Multi-Agency Action Plan", False),
    "multi-agency-chronology": ("Multi-Agency Chronology", False),
}


def _font(style, size: float, *, bold: bool | None = None, color: RGBColor | None = None) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if color is not None:
        style.font.color.rgb = color
    # East Asian and complex-script fonts too, or Word falls back to the theme font for some characters.
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, 11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in ((1, 16), (2, 13), (3, 12)):
        heading = styles[f"Heading {level}"]
        _font(heading, size, bold=True, color=ACCENT)
        heading.paragraph_format.space_before = Pt(18 if level == 1 else 12)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
    _font(styles["Title"], 26, bold=True, color=ACCENT)
    _font(styles["Subtitle"], 16, color=ACCENT)
    _font(styles["Quote"], 11, color=RGBColor(0x40, 0x40, 0x40))
    styles["Quote"].paragraph_format.left_indent = Cm(1)
    styles["Quote"].paragraph_format.right_indent = Cm(1)
    _font(styles["TOC Heading"], 16, bold=True, color=ACCENT)
    for name in ("Header", "Footer"):
        _font(styles[name], 9, bold=True)
    for level in (1, 2):
        toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.element.styleId = f"TOC{level}"
        # Word's own built-in "toc N" styles, not custom look-alikes: Word's TOC field uses these names.
        toc.element.attrib.pop(qn("w:customStyle"), None)
        toc.priority = 39
        toc.unhide_when_used = True
        toc.base_style = normal
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(3)
        _font(toc, 11, bold=level == 1)
    _table_style(doc)


def _table_style(doc) -> None:
    """"SCR Table": thin grey grid, dark header row with white bold text, 9pt text so wide tables fit."""
    style = doc.styles.add_style("SCR Table", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    style.element.append(parse_xml(
        f'<w:pPr {nsdecls("w")}><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>'))
    style.element.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'))
    borders = "".join(f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
                      for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    style.element.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>'))
    style.element.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT_HEX}"/></w:tcPr></w:tblStylePr>'))


def _field(paragraph, instruction: str, cached: str) -> None:
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", cached), ("end", None)):
        run = paragraph.add_run(text if kind == "text" else None)
        if kind in ("begin", "separate", "end"):
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not python-docx's US Letter
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.0)
    header = section.header.paragraphs[0]
    header.text = "{{ marking }}"
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.text = "{{ marking }}"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages = section.footer.add_paragraph()
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages.add_run("Page ")
    _field(pages, "PAGE", "1")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES", "1")


def _cover(doc, title: str, contents: bool) -> None:
    board = doc.add_paragraph("{{ board.name }}", style="Subtitle")
    board.paragraph_format.space_after = Pt(96)
    doc.add_paragraph("Serious Case Review: {{ review.child_pseudonym }}", style="Title")
    doc.add_paragraph(title, style="Subtitle").paragraph_format.space_after = Pt(48)
    for label, value in (
        ("Reference", "{{ review.reference }}"),
        ("Prepared by", "{{ prepared_by }}"),
        ("Version", "{{ version }}"),
        ("Date", "{{ date|uk_date }}"),
        ("Protective marking", "{{ marking }}"),
    ):
        line = doc.add_paragraph()
        line.add_run(f"{label}: ").bold = True
        line.add_run(value)
    draft = doc.add_paragraph("{% if draft %}DRAFT: not for circulation beyond the Serious Case Review Panel.{% endif %}")
    draft.runs[0].bold = True
    draft.runs[0].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    draft.paragraph_format.space_before = Pt(36)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if contents:
        doc.add_paragraph("Contents", style="TOC Heading")
        doc.add_paragraph("{{ contents }}")
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("{{ body }}")


def _strip_leftovers(doc) -> None:
    """python-docx's base file carries a bibliography customXml part and a thumbnail of another document:
    hidden content nobody asked for, and exactly where the publication checker looks for leaks."""
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/customXml"):
            doc.part.drop_rel(rel_id)
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rel_id)


def build(stem: str, out_dir: Path = HERE) -> Path:
    title, contents = REPORTS[stem]
    doc = Document()
    _strip_leftovers(doc)
    _styles(doc)
    _page_setup(doc)
    _cover(doc, title, contents)
    props = doc.core_properties
    props.title = title
    props.subject = "Serious Case Review: {{ review.child_pseudonym }}"
    props.author = "{{ board.short_name }}"
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.category = "Serious Case Review"
    target = out_dir / f"{stem}.docx"
    doc.save(str(target))
    return target


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else HERE
    out_dir.mkdir(parents=True, exist_ok=True)
    for stem in REPORTS:
        print(build(stem, out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
