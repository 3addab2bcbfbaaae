"""The multi-agency chronology (§8.67): every agency's entries merged and ordered by date, in Word and Excel.

Ordering is stable: entries on the same date keep the order the case loader read them in (agency files in
name order, rows in file order), with times sorting within a day when given, so re-running gives the same
document. Entries outside the review period are kept (the Writers Group may need the background) but shaded
and marked in their own column, in both the Word table and the spreadsheet.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..case.model import Case, ChronologyEntry
from ..fileio import atomic_path
from .docx_build import OUT_OF_SCOPE_FILL, BodyWriter, clean_text
from .sections import Notes, long_date, short_date

COLUMNS = ("Date", "Time", "Agency", "Source", "Event", "Practitioner", "Significance", "Review period")
WIDTHS = (2.2, 1.3, 3.0, 2.6, 8.0, 2.6, 4.0, 1.8)  # roughly centimetres on landscape A4
XLSX_WIDTHS = (12, 8, 26, 20, 70, 22, 45, 14)
INSIDE, OUTSIDE = "Within", "Outside"


def merged(case: Case) -> list[ChronologyEntry]:
    return sorted(case.chronology, key=lambda e: (e.date, e.time or ""))


def outside(case: Case, entry: ChronologyEntry) -> bool:
    dates = case.review.dates
    return not entry.in_scope or not (dates.scope_start <= entry.date <= dates.scope_end)


def _cells(case: Case, entry: ChronologyEntry) -> list[str]:
    return [
        short_date(entry.date), entry.time or "", entry.agency_name, entry.source or "", entry.event,
        entry.practitioner or "", entry.significance or "", OUTSIDE if outside(case, entry) else INSIDE,
    ]


def build_chronology(writer: BodyWriter, case: Case, notes: Notes) -> None:
    entries = merged(case)
    dates = case.review.dates
    out = [i for i, entry in enumerate(entries) if outside(case, entry)]
    writer.heading("About this chronology", 1)
    writer.paragraph(
        f"This chronology combines the single-agency chronologies provided for the Serious Case Review about "
        f"{case.review.child_pseudonym} into one list ordered by date. The review period is "
        f"{long_date(dates.scope_start)} to {long_date(dates.scope_end)}."
    )
    if out:
        writer.runs([
            (f"{len(out)} entr{'y is' if len(out) == 1 else 'ies are'} outside the review period. ", True, False),
            ("They are shaded grey, in italics, and marked \u201cOutside\u201d in the Review period column.", False, False),
        ])
    counts = Counter(entry.agency_name for entry in entries)
    outside_counts = Counter(entries[i].agency_name for i in out)
    writer.table(("Agency", "Entries", "Outside the review period"),
                 [(name, str(counts[name]), str(outside_counts[name])) for name in sorted(counts)],
                 widths=(3, 1, 1.5))
    if not entries:
        writer.runs([("No chronology entries have been provided yet.", False, True)])
        notes.append("Multi-Agency Chronology: the case folder has no chronology entries (chronologies/)")
    writer.landscape_from_here()
    writer.heading("Chronology", 1)
    writer.table(COLUMNS, (_cells(case, e) for e in entries), widths=WIDTHS, shaded_rows=set(out), font_size=8)


def write_chronology_xlsx(case: Case, target: Path, *, marking: str) -> Path:
    """The same rows as a spreadsheet the Writers Group can filter: autofilter, frozen header, real dates."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(list(COLUMNS))
    grey = PatternFill("solid", fgColor=OUT_OF_SCOPE_FILL)
    header_fill = PatternFill("solid", fgColor="1F3864")
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    italic = Font(italic=True)
    # Cells are addressed by number: ws[ws.max_row] rescans the sheet and made 2,000 rows take seconds.
    for row, entry in enumerate(merged(case), start=2):
        grey_row = outside(case, entry)
        for column, value in enumerate([entry.date] + [clean_text(v) for v in _cells(case, entry)[1:]], start=1):
            cell = ws.cell(row=row, column=column, value=value)
            if isinstance(value, str) and value.startswith("="):
                # Text that looks like a formula stays text: a chronology entry must never run in Excel.
                cell.data_type = "s"
            cell.alignment = wrap
            if grey_row:
                cell.fill = grey
                cell.font = italic
        ws.cell(row=row, column=1).number_format = "DD/MM/YYYY"
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    # Printing: landscape, one page wide, header row on every page, marking and page numbers.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = marking.replace("&", "&&")
    ws.oddFooter.center.text = marking.replace("&", "&&") + " - Page &P of &N"
    props = wb.properties
    props.title = "Multi-Agency Chronology"
    props.subject = f"Serious Case Review: {case.review.child_pseudonym}"
    props.creator = case.board.short_name or case.board.name
    props.lastModifiedBy = props.creator
    props.created = props.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with atomic_path(target) as tmp:
        wb.save(str(tmp))
    return target
