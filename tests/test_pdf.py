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


@needs_soffice
def test_render_with_pdf_writes_a_pdf_whose_contents_page_lists_the_headings(tmp_path):
    from pathlib import Path

    from pipeline.case import load_case
    from pipeline.render.overview import SUMMARY_HEADINGS
    from pipeline.render.reports import render_reports

    case = load_case(Path(__file__).resolve().parents[1] / "samples" / "minimal")
    result = render_reports(case, tmp_path, only=["executive-summary"], pdf=True)
    assert [p.name for p in result.written] == ["executive-summary.docx", "executive-summary.pdf"]
    pages = _pdf_text(tmp_path / "executive-summary.pdf")
    contents = next(page for page in pages if "Contents" in page)
    for heading in SUMMARY_HEADINGS:
        line = next(line for line in contents.splitlines() if line.startswith(heading))
        assert line.rstrip()[-1].isdigit(), f"no page number for {heading!r}: {line!r}"
    text = "\n".join(pages)
    assert "OFFICIAL-SENSITIVE" in pages[-1] and f"Page {len(pages)} of {len(pages)}" in pages[-1]
    flat = " ".join(text.split())  # table cells wrap, so compare with line breaks folded to spaces
    assert f"Recommendation 1: {case.recommendations[0].text}" in flat
    assert "Lead officer" in flat and "Head of Public Protection" in flat


def test_cli_pdf_without_libreoffice_keeps_the_word_files_and_says_what_to_install(tmp_path, monkeypatch):
    from pathlib import Path

    from click.testing import CliRunner

    from pipeline.cli import main

    monkeypatch.setenv("SCR_SOFFICE", str(tmp_path / "no-soffice-here"))
    case = Path(__file__).resolve().parents[1] / "samples" / "minimal"
    result = CliRunner().invoke(main, ["render", str(case), "--out", str(tmp_path / "out"), "--only", "actions", "--pdf"])
    assert result.exit_code == 1
    assert "Making PDFs needs LibreOffice" in result.output and "apt-get install libreoffice-writer" in result.output
    assert (tmp_path / "out" / "action-plan.docx").is_file()
    assert not (tmp_path / "out" / "action-plan.pdf").exists()
