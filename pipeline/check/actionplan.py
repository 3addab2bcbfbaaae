"""Reading a Multi-Agency Action Plan table and the numbered recommendations out of our Word documents.

The column names follow the reports' contract (Recommendation | Action | Lead agency | Lead officer |
Target date | Intended outcome | Success measure | Monitoring and review | Status | Completion date |
Evidence), with the wordings boards commonly use for the same thing, so a plan written by hand is read too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DateFormatError, parse_uk_date
from .outline import Outline, Para, Table

# column key -> header wordings (lower case, punctuation removed)
COLUMNS: dict[str, tuple[str, ...]] = {
    "recommendation": ("recommendation", "recommendation no", "recommendation number", "rec", "rec no", "no"),
    "action": ("action", "actions", "action required", "what", "what will be done"),
    "lead_agency": ("lead agency", "agency", "lead organisation", "organisation"),
    "lead_officer": ("lead officer", "lead officer role", "lead", "owner", "responsible officer", "who"),
    "target_date": ("target date", "timescale", "by when", "deadline", "target completion date", "due date"),
    "intended_outcome": ("intended outcome", "expected outcome", "outcome", "outcomes"),
    "success_measure": ("success measure", "success measures", "measure of success", "how success will be measured",
                        "measures of success", "success criteria"),
    "monitoring": ("monitoring and review", "monitoring", "monitored by", "monitoring arrangements", "review"),
    "status": ("status", "rag status", "progress"),
    "completion_date": ("completion date", "date completed", "completed on"),
    "evidence": ("evidence", "evidence of completion"),
}
# What every row must say (§8.74, 5.27): who, what, by when, intended outcome, success measure, monitoring.
REQUIRED = {
    "action": "what will be done (Action)",
    "lead_officer": "who leads it (Lead officer)",
    "lead_agency": "which agency leads it (Lead agency)",
    "target_date": "by when (Target date)",
    "intended_outcome": "the intended outcome",
    "success_measure": "how success will be measured (Success measure)",
    "monitoring": "how it is monitored and reviewed by the Board",
}
_MONTH_YEAR = re.compile(
    r"^(?:end of |by )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}$", re.IGNORECASE
)
_RECOMMENDATION = re.compile(r"^\s*Recommendation\s+(\d+)\s*[:.)\u2013\u2014-]\s*(.+)$", re.IGNORECASE | re.DOTALL)
_NUMBER = re.compile(r"(\d+)")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@dataclass(frozen=True)
class PlanRow:
    table: Table
    row_number: int  # 1-based, the header being row 1
    cells: dict[str, str]
    columns: dict[str, int]  # key -> 1-based column

    @property
    def location(self) -> str:
        return f"table {self.table.number}, row {self.row_number}"

    def cell_location(self, key: str) -> str:
        column = self.columns.get(key)
        return self.table.cell_location(self.row_number, column) if column else self.location

    @property
    def recommendation_number(self) -> int | None:
        match = _NUMBER.search(self.cells.get("recommendation", ""))
        return int(match.group(1)) if match else None

    def get(self, key: str) -> str:
        return self.cells.get(key, "").strip()


def header_columns(row: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row, start=1):
        key = _key(cell)
        for column, wordings in COLUMNS.items():
            if key in wordings and column not in found:
                found[column] = index
                break
    return found


def is_plan_header(columns: dict[str, int]) -> bool:
    return "action" in columns and "target_date" in columns and ("lead_officer" in columns or "lead_agency" in columns)


def plan_rows(outline: Outline) -> list[PlanRow]:
    """Every row of every table in the document whose first row is an action-plan header."""
    rows: list[PlanRow] = []
    for table in outline.tables:
        if not table.rows:
            continue
        columns = header_columns(table.rows[0])
        if not is_plan_header(columns):
            continue
        for number, row in enumerate(table.rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            cells = {key: row[index - 1] if index - 1 < len(row) else "" for key, index in columns.items()}
            rows.append(PlanRow(table, number, cells, columns))
    return rows


def has_plan(outline: Outline) -> bool:
    return any(table.rows and is_plan_header(header_columns(table.rows[0])) for table in outline.tables)


def is_target_date(value: str) -> bool:
    """A day-first date, or a month and year ('March 2025'): something a Board can hold a lead to."""
    text = value.strip()
    if not text:
        return False
    try:
        parse_uk_date(text)
        return True
    except DateFormatError:
        return bool(_MONTH_YEAR.match(text))


@dataclass(frozen=True)
class NumberedRecommendation:
    number: int
    text: str
    para: Para


def recommendations(outline: Outline) -> list[NumberedRecommendation]:
    """Paragraphs written 'Recommendation N: text' (the reports' contract)."""
    found = []
    for para in outline.paragraphs:
        match = _RECOMMENDATION.match(para.text)
        if match:
            found.append(NumberedRecommendation(int(match.group(1)), match.group(2).strip(), para))
    return found


def same_text(a: str, b: str) -> bool:
    """Equal once case, spacing, quote styles and final punctuation are set aside."""
    def norm(text: str) -> str:
        text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        return " ".join(text.lower().split()).rstrip(" .;")

    return norm(a) == norm(b)
