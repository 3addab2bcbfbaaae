"""Rebuild letter.docx, the one Word layout every standard letter is rendered into.

Run from the repository root:  .venv/bin/python templates/letters/build_letter_template.py
The template is committed; this script is here so the layout can be changed reproducibly (or open letter.docx
in Word, change fonts or add a logo, and save: the {{ fields }} and {%p ... %} lines must stay as they are).
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent / "letter.docx"
GREY = RGBColor(0x55, 0x55, 0x55)


def para(container, text: str = "", *, bold: bool = False, size: float | None = None, align=None,
         colour: RGBColor | None = None, after: float = 0, style: str | None = None):
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = colour
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    return p


def build() -> None:
    doc = Document()
    styles = doc.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)

    header = section.header
    header.paragraphs[0].text = ""
    first = header.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = first.add_run("{{ marking }}")
    run.bold = True
    para(header, "{{ board.name }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(header, "{%p for line in letterhead %}")
    para(header, "{{ line }}", size=9, colour=GREY, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(header, "{%p endfor %}")

    footer = section.footer
    footer.paragraphs[0].text = ""
    footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.paragraphs[0].add_run("{{ marking }}").bold = True
    para(footer, "{{ reference }}", size=8, colour=GREY, align=WD_ALIGN_PARAGRAPH.CENTER)

    para(doc, "Our reference: {{ reference }}").paragraph_format.space_before = Pt(12)  # clear of the letterhead
    para(doc, "Date: {{ letter_date | uk_date }}", after=12)
    para(doc, "{%p for line in recipient.address_block %}")
    para(doc, "{{ line }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if attention %}")
    para(doc, "For the attention of {{ attention }}")
    para(doc, "{%p endif %}")
    para(doc, "", after=12)
    para(doc, "{{ recipient.salutation }}", after=12)
    para(doc, "{{ subject }}", bold=True, after=12)
    para(doc, "{%p for paragraph in body %}")
    para(doc, "{{ paragraph }}", after=10)
    para(doc, "{%p endfor %}")
    para(doc, "Yours sincerely", after=36)
    para(doc, "{{ signatory.name }}", bold=True)
    para(doc, "{{ signatory.job_title }}")
    para(doc, "{{ signatory.organisation }}")
    para(doc, "{%p for line in signatory_contact %}")
    para(doc, "{{ line }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if enclosures %}")
    para(doc, "", after=6)
    para(doc, "Enclosures:", bold=True)
    para(doc, "{%p for item in enclosures %}")
    para(doc, "{{ item }}", style="List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")

    props = doc.core_properties
    props.author = "scr"
    props.title = "Standard letter"
    props.comments = ""
    props.last_modified_by = "scr"
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
