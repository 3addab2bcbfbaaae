"""PDF conversion with LibreOffice: clear error when it is missing; real conversion with a refreshed contents page."""
from __future__ import annotations

import pytest
from docx import Document
from pypdf import PdfReader

from pipeline.errors import ExternalProgramMissing, ProcessingFailed
from pipeline.render import pdf
from pipeline.render.docx_build import add_toc, request_field_update

needs_soffice = pytest.mark.skipif(
    not pdf.soffice_available(),
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer to run the PDF tests",
)


def _pdf_text(path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("setting", [None, "/nowhere/soffice"])
def test_missing_libreoffice_names_program_and_how_to_install(tmp_path, monkeypatch, setting):
    monkeypatch.setattr(pdf, "_CANDIDATES", ("scr-no-such-soffice",))
    monkeypatch.setenv("PATH", str(tmp_path))
    if setting:
        monkeypatch.setenv("SCR_SOFFICE", setting)
    else:
        monkeypatch.delenv("SCR_SOFFICE", raising=False)
    source = tmp_path / "a.docx"
    Document().save(str(source))
    with pytest.raises(ExternalProgramMissing, match="LibreOffice") as info:
        pdf.convert_to_pdf([source], tmp_path / "out")
    assert "apt-get install libreoffice-writer" in str(info.value)
    assert not (tmp_path / "out" / "a.pdf").exists()


def test_missing_input_is_reported_before_starting_libreoffice(tmp_path):
    with pytest.raises(ProcessingFailed, match="gone.docx: the file does not exist"):
        pdf.convert_to_pdf([tmp_path / "gone.docx"], tmp_path)


@needs_soffice
def test_contents_page_lists_headings_with_page_numbers(tmp_path):
    doc = Document()
    add_toc(doc, [(1, "Old cached heading")])
    for number, title in enumerate(["Introduction & scope", "The child's daily life", "Conclusions"], start=1):
        doc.add_page_break()
        doc.add_heading(title, 1)
        doc.add_paragraph(f"Section {number} text.")
    request_field_update(doc)
    source = tmp_path / 'odd, "name".docx'
    doc.save(str(source))
    before = source.read_bytes()

    [result] = pdf.convert_to_pdf([source], tmp_path / "out")

    assert result == tmp_path / "out" / 'odd, "name".pdf'
    pages = _pdf_text(result)
    contents = pages[0]
    assert "Old cached heading" not in contents, "LibreOffice must rebuild the contents, not print the cached copy"
    for page_number, title in enumerate(["Introduction & scope", "The child's daily life", "Conclusions"], start=2):
        line = next(line for line in contents.splitlines() if title in line)
        assert line.rstrip().endswith(str(page_number)), line
        assert title in pages[page_number - 1]
    assert source.read_bytes() == before
    assert not list((tmp_path / "out").glob("*.part"))
