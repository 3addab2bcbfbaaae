"""Reading agency chronologies as agencies actually send them: CSV, Excel or YAML.

Header names are matched case-insensitively with the variants agencies use ("Date of event",
"Description", "Practitioner role"...). Each problem names the file, the row and the column so the
business manager can go straight to the cell.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dates import DateFormatError, parse_uk_date
from ..errors import InputFileError, Problem
from ..schema import load_structured, schema_problems

SUFFIXES = (".csv", ".xlsx", ".yaml", ".yml")

# Column -> accepted header spellings (lower-cased, punctuation folded to spaces).
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "date of event", "event date", "date of contact", "entry date"),
    "time": ("time", "time of event"),
    "agency": ("agency", "organisation", "organization"),
    "source": ("source", "record", "source document", "source of information", "record type"),
    "event": ("event", "events", "description", "details", "entry", "event description", "what happened"),
    "practitioner": ("practitioner", "practitioner role", "worker", "role", "staff member role", "professional"),
    "significance": ("significance", "comment", "comments", "analysis", "comment significance", "significance comment"),
}
REQUIRED = ("date", "event")


@dataclass(frozen=True)
class RawEntry:
    """One chronology row before the agency is resolved: values as text (or date objects from Excel)."""

    values: dict[str, Any]
    row: int
    columns: dict[str, str]  # field -> column label for messages ("B (Date of event)")
    line_label: str = "line"


def _fold(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", header.lower()).strip()


_LOOKUP = {variant: field for field, variants in COLUMNS.items() for variant in variants}


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _map_header(
    headers: list[Any], display: str, row: int, line_label: str
) -> tuple[dict[str, int], dict[str, str], list[Problem]]:
    mapping: dict[str, int] = {}
    labels: dict[str, str] = {}
    problems: list[Problem] = []
    for index, header in enumerate(headers):
        if header is None or str(header).strip() == "":
            continue
        field = _LOOKUP.get(_fold(str(header)))
        if field and field not in mapping:
            mapping[field] = index
            labels[field] = f"{_column_letter(index)} ({str(header).strip()})"
    for field in REQUIRED:
        if field not in mapping:
            accepted = ", ".join(f"'{v}'" for v in COLUMNS[field][:4])
            found = ", ".join(f"'{str(h).strip()}'" for h in headers if h is not None and str(h).strip()) or "none"
            problems.append(
                Problem(
                    display,
                    f"has no '{field}' column (headers found: {found}); add a column headed one of {accepted}",
                    line=row,
                    field=field,
                    line_label=line_label,
                )
            )
    return mapping, labels, problems


def _rows_to_entries(
    rows: list[tuple[int, list[Any]]], display: str, line_label: str
) -> tuple[list[RawEntry], list[Problem]]:
    rows = [(n, r) for n, r in rows if any(c is not None and str(c).strip() for c in r)]
    if not rows:
        return [], [Problem(display, "is empty; it needs a header row and at least one entry")]
    header_row, headers = rows[0]
    mapping, labels, problems = _map_header(headers, display, header_row, line_label)
    if problems:
        return [], problems
    entries = []
    for number, cells in rows[1:]:
        values = {}
        for field, index in mapping.items():
            value = cells[index] if index < len(cells) else None
            if isinstance(value, str):
                value = value.strip() or None
            values[field] = value
        entries.append(RawEntry(values, number, labels, line_label))
    if not entries:
        problems.append(Problem(display, "has a header row but no entries", line=header_row))
    return entries, problems


def read_csv(path: Path, display: str) -> tuple[list[RawEntry], list[Problem]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [], [
            Problem(
                display,
                "is not saved as UTF-8 text (Excel's 'CSV UTF-8' option does this)",
                line=line,
                hint="open it in Excel and use Save As > CSV UTF-8, or send the .xlsx instead",
            )
        ]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = [(reader.line_num, row) for row in reader]
    return _rows_to_entries(rows, display, "line")


def read_xlsx(path: Path, display: str) -> tuple[list[RawEntry], list[Problem]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many unrelated types for a damaged file
        return [], [Problem(display, f"cannot be opened as an Excel workbook ({err.__class__.__name__})",
                            hint="check it opens in Excel and is saved as .xlsx")]
    try:
        sheet = workbook.worksheets[0]
        rows = [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()
    return _rows_to_entries(rows, display, "row")


def read_yaml(path: Path, display: str) -> tuple[list[RawEntry], list[Problem], str | None]:
    try:
        doc = load_structured(path)
    except InputFileError as err:
        return [], [Problem(display, err.reason, line=err.line, hint=err.hint)], None
    problems = schema_problems(doc, "chronology", display=display)
    if problems or not isinstance(doc.data, dict):
        return [], problems, None
    labels = {field: field for field in COLUMNS}
    entries = [
        RawEntry({k: v for k, v in item.items()}, doc.line(["entries", i]) or 0, labels)
        for i, item in enumerate(doc.data["entries"])
    ]
    return entries, [], doc.data.get("agency")


def parse_time(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.datetime):
        return value.strftime("%H:%M")
    text = str(value).strip()
    return text or None


def parse_entry_date(entry: RawEntry, display: str) -> tuple[dt.date | None, Problem | None]:
    value = entry.values.get("date")
    try:
        return parse_uk_date(value), None
    except DateFormatError as err:
        return None, Problem(
            display, str(err), line=entry.row, column=entry.columns.get("date"), field="date",
            line_label=entry.line_label,
        )
