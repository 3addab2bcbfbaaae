"""The checker on PDFs (page text, document information, annotations, attachments) and Excel workbooks
(cells, hidden sheets and rows, comments, dates of birth in date cells)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
from checkdocs import simple_docx
from docxfactory import REGISTER
from openpyxl.comments import Comment
from pypdf import PdfWriter
from pypdf.annotations import Text
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from pipeline.check import check_paths
from pipeline.register import Register
from pipeline.render import pdf as render_pdf


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.from_mapping(REGISTER)


@pytest.fixture(scope="module")
def engine(anonymiser_factory, register):
    return anonymiser_factory(register)


def make_pdf(path: Path, lines: list[list[str]], *, author: str | None = None, note: str | None = None,
             attachment: bytes | None = None) -> Path:
    """A small PDF with real text on each page (Helvetica), written with pypdf only."""
    writer = PdfWriter()
    for page_lines in lines:
        page = writer.add_blank_page(595, 842)
        font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                 NameObject("/BaseFont"): NameObject("/Helvetica")})
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
        shown = " 0 -16 Td ".join(f"({line}) Tj" for line in page_lines)
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 72 720 Td {shown} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Author": author, "/Title": "IMR for Poppy Harrington"} if author else {"/Title": "Overview"})
    if author:
        writer.add_outline_item(title="Visit to Dean Harrington", page_number=0)
    if note:
        writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text=note))
    if attachment:
        writer.add_attachment("notes.txt", attachment)
    writer.write(str(path))
    return path


def codes_at(report) -> set[tuple[str, str]]:
    return {(f.code, f.location) for f in report.files[0].findings}


def test_pdf_text_metadata_annotations_and_attachments(tmp_path, register, engine):
    path = make_pdf(tmp_path / "overview.pdf",
                    [["Child A was seen at home."], ["The visit was brief.", "Poppy Harrington was asleep."]],
                    author="Sarah Okafor", note="Ask Kerry Walsh", attachment=b"notes")
    report = check_paths([path], register=register, anonymiser=engine)
    found = codes_at(report)
    assert ("SCR101", "page 2, line 2") in found
    assert ("SCR211", "document property 'Author'") in found
    assert ("SCR201", "page 1") in found
    assert ("SCR221", "attachment 1 of 1") in found
    assert ("SCR101", "document property 'Title'") in found and ("SCR101", "bookmark 1") in found
    assert report.exit_code == 1


def test_a_clean_pdf_passes(tmp_path, register, engine):
    path = make_pdf(tmp_path / "summary.pdf", [["Child A was seen by Health Visitor 1."]])
    report = check_paths([path], register=register, anonymiser=engine)
    assert report.passed, report.to_text(show=True)


def test_a_damaged_pdf_is_not_checked_and_blocks(tmp_path, register, engine):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 nothing else")
    report = check_paths([path], register=register, anonymiser=engine)
    assert report.files[0].status == "not checked" and report.exit_code == 1


@pytest.mark.skipif(not render_pdf.soffice_available(),
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer to run it")
def test_a_pdf_exported_by_libreoffice(tmp_path, register, engine):
    source = simple_docx(tmp_path / "imr.docx", ["Child A was seen.", "Dean Harrington was not at home."])
    (converted,) = render_pdf.convert_to_pdf([source], tmp_path / "pdf")
    report = check_paths([converted], register=register, anonymiser=engine)
    assert ("SCR101", "page 1, line 2") in codes_at(report), report.to_text(show=True)


@pytest.mark.skipif(not render_pdf.soffice_available(),
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer to run it")
def test_table_columns_in_a_pdf_are_read_as_separate_cells(tmp_path, register, engine):
    # Read as one line, "Police Constable" in one column and "Before the scope period" in the next look like a
    # constable called Before; the chronology PDF of the sample case was blocked for this.
    source = tmp_path / "chronology.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("Event", "Practitioner", "Significance"),
                                      ("Child A was seen by Dean Harrington.", "Police Constable",
                                       "Before the scope period. Missed opportunity.")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(source)
    (converted,) = render_pdf.convert_to_pdf([source], tmp_path / "pdf")
    report = check_paths([converted], register=register, anonymiser=engine)
    found = codes_at(report)
    assert not [item for item in found if item[0] == "SCR102"], report.to_text(show=True)
    assert any(code == "SCR101" and where.startswith("page 1, line ") for code, where in found)


def make_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Date", "Event", "Date of birth"])
    sheet.append([dt.date(2023, 3, 12), "Home visit by Health Visitor 1.", dt.date(2019, 3, 12)])
    sheet.append([dt.date(2023, 4, 2), "Kerry Walsh phoned the duty desk.", None])
    sheet["B2"].comment = Comment("Check this entry", "Reviewer")
    sheet.row_dimensions[3].hidden = True
    hidden = book.create_sheet("Contacts")
    hidden["A1"] = "07700 900123"
    hidden.sheet_state = "hidden"
    book.save(path)
    return path


def test_workbook_cells_hidden_parts_comments_and_dates_of_birth(tmp_path, register, engine):
    report = check_paths([make_workbook(tmp_path / "chronology.xlsx")], register=register, anonymiser=engine)
    found = codes_at(report)
    assert ("SCR101", "sheet 1, cell B3 (hidden row)") in found, report.to_text(show=True)
    assert ("SCR121", "sheet 2 (hidden sheet), cell A1") in found
    assert ("SCR204", "sheet 2") in found and ("SCR204", "sheet 1, rows 3") in found
    assert any(code == "SCR201" for code, _ in found)
    assert ("SCR141", "sheet 1, cell C2") in found
    # Sheet names are given by position, never quoted: a sheet name can itself be personal.
    assert all('"' not in f.location for f in report.files[0].findings)


def test_a_plain_docx_still_opens_beside_other_formats(tmp_path, register, engine):
    paths = [simple_docx(tmp_path / "a.docx", ["Child A."]), make_pdf(tmp_path / "b.pdf", [["Child A."]])]
    report = check_paths(paths, register=register, anonymiser=engine)
    assert [f.format for f in report.files] == ["docx", "pdf"] and report.passed


def test_pdf_copies_of_our_reports_do_not_confuse_the_word_checks(tmp_path, register, engine):
    """`scr build --pdf` puts action-plan.docx and action-plan.pdf side by side: only the Word file has a table
    to read, and the PDF must not stop the summary being checked."""
    from checkdocs import executive_summary, overview_report

    summary = executive_summary(tmp_path / "executive-summary.docx", plan_rows=())
    plan = executive_summary(tmp_path / "action-plan.docx", title="Multi-Agency Action Plan", recommendations=())
    overview = overview_report(tmp_path / "overview-report.docx")
    pdfs = [make_pdf(tmp_path / name, [["Child A."]]) for name in ("action-plan.pdf", "overview-report.pdf")]
    report = check_paths([summary, plan, overview, *pdfs], register=register, anonymiser=engine)
    assert [f.error for f in report.files] == [None] * 5
    assert [f.kind for f in report.files] == ["executive-summary", "action-plan", "overview-report",
                                              "action-plan", "overview-report"]


def jpeg_with_exif(artist: str, description: str) -> bytes:
    """A JPEG header carrying EXIF Artist and ImageDescription, as a phone camera writes them."""
    import struct

    strings = [(0x010E, description.encode() + b"\x00"), (0x013B, artist.encode() + b"\x00")]
    entries, data = b"", b""
    data_start = 8 + 2 + 12 * len(strings) + 4
    for tag, value in strings:
        entries += struct.pack("<HHII", tag, 2, len(value), data_start + len(data))
        data += value
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(strings)) + entries + b"\x00\x00\x00\x00" + data
    app1 = b"Exif\x00\x00" + tiff
    return b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + b"\xff\xd9"


@pytest.mark.parametrize(
    ("field", "expected"),
    [("artist", "Sarah Okafor"), ("description", "Poppy Harrington at nursery")],
)
def test_names_in_image_metadata_are_found(tmp_path, register, engine, field, expected):
    from pipeline.check.imagemeta import image_text

    jpeg = jpeg_with_exif("Sarah Okafor", "Poppy Harrington at nursery")
    assert (field, expected) in image_text(jpeg)
    path = simple_docx(tmp_path / "imr.docx", ["Child A was seen."])
    import zipfile

    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("word/media/photo.jpeg", jpeg)
    report = check_paths([path], register=register, anonymiser=engine)
    found = {(f.code, f.match) for f in report.files[0].findings}
    assert ("SCR225", expected) in found, report.to_text(show=True)
