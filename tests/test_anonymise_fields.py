"""Word's field syntax is not text to anonymise: 'Page X of Y' must still count pages after anonymisation,
while a name inside a field's argument (a mailto: link) still goes."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipeline.anonymise.batch import BatchOptions, anonymise_batch
from pipeline.register import Person, Register


def _field(paragraph, instruction: str, shown: str) -> None:
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def test_page_fields_survive_and_names_in_field_arguments_go(tmp_path: Path) -> None:
    source = tmp_path / "in" / "report.docx"
    source.parent.mkdir()
    document = docx.Document()
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, " PAGE ", "1")
    footer.add_run(" of ")
    _field(footer, " NUMPAGES ", "1")
    body = document.add_paragraph("Contact ")
    _field(body, ' HYPERLINK "mailto:poppy.harrington@example.com" ', "the family")
    _field(document.add_paragraph(), ' TOC \\o "1-3" \\h \\z \\u ', "Contents")
    document.save(str(source))

    register = Register(people=(Person("Poppy Harrington", "Child A"),))
    anonymise_batch([source], BatchOptions(out_dir=tmp_path / "out", register=register))
    with zipfile.ZipFile(tmp_path / "out" / "report.docx") as package:
        footer_xml = package.read("word/footer1.xml").decode()
        body_xml = package.read("word/document.xml").decode()
    assert "> PAGE <" in footer_xml and "> NUMPAGES <" in footer_xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in body_xml
    assert "harrington" not in body_xml.lower()
    assert "HYPERLINK" in body_xml
