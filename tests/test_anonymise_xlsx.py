"""Excel workbooks: every cell of every sheet (hidden ones too), sheet names, comments, headers and footers,
properties; formulas keep working."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from docxfactory import NEEDLES, survivors, write_register
from openpyxl.comments import Comment
from openpyxl.packaging.relationship import Relationship
from openpyxl.workbook.external_link.external import ExternalBook, ExternalLink

from pipeline.anonymise.batch import BatchOptions, anonymise_batch
from pipeline.anonymise.settings import AnonymiserSettings
from pipeline.register import load_register


def build_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Date", "Event", "Date of birth", "Count"])
    sheet.append([dt.datetime(2023, 3, 12), "Poppy Harrington seen by Sarah Okafor", dt.datetime(2019, 6, 1), 42])
    sheet.append([dt.datetime(2023, 3, 14), "Dean Harrington refused entry", None, 7])
    sheet.row_dimensions[3].hidden = True
    sheet["B2"].comment = Comment("Ask Kerry Walsh about this", "Sarah Okafor")
    sheet["E2"] = "='Poppy Harrington'!A1"
    sheet["F2"] = '="Seen by "&"Tomasz Nowak"'
    sheet["G2"] = "=SUM(D2:D3)"
    sheet["I2"] = "=Poppy Harrington"
    sheet["I2"].data_type = "s"  # text that starts with "=", not a formula
    sheet["H2"] = "email the social worker"
    sheet["H2"].hyperlink = "mailto:sarah.okafor@northshire.gov.uk?subject=Poppy%20Harrington"
    sheet.oddHeader.center.text = "Case of Poppy Harrington"
    sheet.oddFooter.left.text = "Kerry Walsh"
    named = book.create_sheet("Poppy Harrington")
    named["A1"] = "Eastbridge Primary School"
    hidden = book.create_sheet("Notes")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "Contact sarah.okafor@northshire.gov.uk or 07700 900123"
    link = ExternalLink(externalBook=ExternalBook(id="rId1"))
    link.file_link = Relationship(type="externalLinkPath", TargetMode="External", Id="rId1",
                                  Target=r"file:///C:\Users\pharrington\Documents\Poppy%20Harrington%20notes.xlsx")
    book._external_links.append(link)
    book.properties.creator = "Sarah Okafor"
    book.properties.title = "Poppy Harrington chronology"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def anonymised(tmp_path_factory):
    base = tmp_path_factory.mktemp("xlsx")
    (base / "in").mkdir()
    source = build_workbook(base / "in" / "chronology.xlsx")
    register = load_register(write_register(base / "register.yaml"))
    result = anonymise_batch([source], BatchOptions(out_dir=base / "out", register=register))
    assert not result.failures, result.failures
    return source, result.files[0].output


def test_no_identifier_survives_anywhere_in_the_workbook(anonymised):
    source, output = anonymised
    assert survivors(source)
    assert survivors(output, NEEDLES) == {}


@pytest.mark.parametrize(
    ("sheet", "cell", "expected"),
    [
        ("Chronology", "B2", "Child A seen by Social Worker 1"),
        ("Chronology", "B3", "Father refused entry"),  # a hidden row
        ("Chronology", "C2", "[date of birth]"),  # dates of birth go whatever the dates setting
        ("Chronology", "A2", dt.datetime(2023, 3, 12)),  # ordinary dates kept by default
        ("Chronology", "D2", 42),  # numbers kept
        ("Chronology", "E2", "='Child A'!A1"),  # formula follows the renamed sheet
        ("Chronology", "F2", '="Seen by "&"Health Visitor 1"'),
        ("Chronology", "G2", "=SUM(D2:D3)"),
        ("Child A", "A1", "The primary school"),  # capitalised at the start of a cell
        ("Chronology", "H2", "email the social worker"),
        ("Chronology", "I2", "=Child A"),
    ],
)
def test_cells_are_anonymised_and_formulas_keep_working(anonymised, sheet, cell, expected):
    book = openpyxl.load_workbook(anonymised[1])
    assert book[sheet][cell].value == expected


def test_hidden_sheet_comments_headers_and_properties(anonymised):
    book = openpyxl.load_workbook(anonymised[1])
    assert book.sheetnames == ["Chronology", "Child A", "Notes"]
    assert book["Notes"].sheet_state == "hidden"
    assert book["Notes"]["A1"].value == "Contact [email address] or [phone number]"
    comment = book["Chronology"]["B2"].comment
    assert (comment.text, comment.author) == ("Ask Mother about this", "Author")
    assert book["Chronology"].oddHeader.center.text == "Case of Child A"
    assert book["Chronology"].oddFooter.left.text == "Mother"
    assert book["Chronology"].row_dimensions[3].hidden
    assert (book.properties.creator, book.properties.title) == ("Author", "Child A chronology")


def test_link_targets_are_searched_with_escapes_decoded(anonymised):
    link = openpyxl.load_workbook(anonymised[1])["Chronology"]["H2"].hyperlink
    assert link.target == "mailto:[email%20address]?subject=Child%20A"


def test_links_to_other_workbooks_lose_the_login_folder_and_names(anonymised):
    book = openpyxl.load_workbook(anonymised[1], keep_links=True)
    assert [link.file_link.Target for link in book._external_links] == [
        r"file:///C:\Users\user\Documents\Child%20A%20notes.xlsx"]


@pytest.mark.parametrize(("mode", "expected"), [("month", "March 2023"), ("remove", "[date]")])
def test_date_cells_follow_the_dates_setting(tmp_path, mode, expected):
    (tmp_path / "in").mkdir()
    source = build_workbook(tmp_path / "in" / "c.xlsx")
    options = BatchOptions(out_dir=tmp_path / "out", settings=AnonymiserSettings(dates=mode))
    result = anonymise_batch([source], options)
    assert openpyxl.load_workbook(result.files[0].output)["Chronology"]["A2"].value == expected


def test_parts_the_writer_cannot_keep_are_reported_not_silently_lost(tmp_path):
    import zipfile

    from pipeline.anonymise.formats import open_document

    source = build_workbook(tmp_path / "c.xlsx")
    with zipfile.ZipFile(source, "a") as package:
        package.writestr("xl/threadedComments/threadedComment1.xml", "<ThreadedComments/>")
    assert open_document(source).removed["threaded comments not copied"] == 1


def test_inspecting_reports_authors_and_dates_of_birth_without_changing_them(tmp_path):
    from pipeline.anonymise.formats import iter_text

    locations = {loc.label: (loc.kind, loc.text) for loc in iter_text(build_workbook(tmp_path / "c.xlsx"))}
    assert locations["document property: creator"] == ("author", "Sarah Okafor")
    assert locations['comment author on sheet "Chronology", cell B2'] == ("author", "Sarah Okafor")
    assert locations['sheet "Chronology", cell C2'] == ("date of birth", "01/06/2019")
    assert locations['sheet "Notes" (hidden sheet), cell A1'][1].startswith("Contact sarah.okafor@")
    assert locations['sheet "Chronology", cell B3 (hidden row)'] == ("cell", "Dean Harrington refused entry")
