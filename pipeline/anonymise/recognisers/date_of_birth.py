"""Dates of birth: a date with "DOB", "D.O.B.", "date of birth" or "born" just before it, in brackets
after a name, or with an age beside it.

Always replaced, whatever the dates setting: an exact date of birth is one of the strongest jigsaw
identifiers of a child.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import ScrRecogniser, recogniser, result
from .dates import DATE_RE, parse_date_match
from .vocabulary import AGENCY_WORDS, COMMON_ABBREVIATIONS, DOCUMENT_WORDS, PROCESS_WORDS, ROLE_WORDS


_CONTEXT = re.compile(
    r"(?i:\bd\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|\bbirth\s*date|\bborn\b|\bbirthday\b|(?<![\w.])b\.\s*)[^.!?\n]{0,20}$"
    # "born at Avonvale District Hospital on 14/07/2019": the place of birth between, then "on".
    r"|(?i:\bborn[ \t]+(?:at|in)[ \t]+)(?:the[ \t]+)?[A-Z][^.!?\n]{0,50}\bon[ \t]+$"
)

# Without a label: a date in brackets straight after a name ("Kezia (02/09/2018)"), or a date with the
# person's age said beside it ("03/05/2019, aged 4", "age 4 (03/05/2019)").
_AFTER_NAME = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)*[ \t]*\([ \t]*$")  # "Marsh-Adebayo ("
# ...but not after a professional's name: "the GP's secretary Kasia (24/08/2023)" dates a message.
_AFTER_PROFESSIONAL = re.compile(
    r"(?i:\b(?:secretary|receptionist|admin|administrator|clerk|manager|officer|worker|nurse|doctor|dr|gp|"
    r"visitor|teacher|practitioner|midwife|paramedic|consultant|colleague|lead|dsl|sw|hv|pc|dc|ds)['’]?s?)"
    r"[ \t]+[A-Z][a-z'’-]+[ \t]*\([ \t]*$"
)
# A table row written as text ("| Honey PENHALIGON-ROWE | 11/02/2021 | subject |"): a date filling the cell
# straight after the first cell, when that holds a person's full name, is that person's date of birth.
# The name must be the row's first cell, as in a family composition table ("Name | DOB | Relationship");
# a name in a later cell is an owner or an author ("| 3.5 | Letter | Ann Lee | 18/10/2024 |").
_CELL_BEFORE = re.compile(r"^[ \t]*\|?[ \t]*(?P<cell>[^|\t\n]{3,60}?)[ \t]*[|\t][ \t]*$")
_CELL_AFTER = re.compile(r"[ \t]*(?:[|\t]|$)")
# A patient line: a full name, then a date, then the NHS or hospital number ("Sky KAMAU 14/06/2021 NHS 916 ...").
_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+[ \t]+$")
_NUMBER_AFTER = re.compile(r"[ \t]+(?:NHS|Hosp|Hospital|MRN|CHI)\b")
_AGE = re.compile(r"(?i:\b(?:aged?|age:)[ \t]*\d{1,2}\b|\b\d{1,2}[ \t]*(?:years?|yrs?|months?)[ \t]+old\b)")
AGE_NEARBY = 25
# A chronology row or entry that records a birth: "14/02/2013 | Midwifery | Child born at Royal ...".
_BIRTH_LATER = re.compile(r"[^\n]{0,60}?\b(?:born|birth(?![ \t]+(?:plan|visit|partner|certificate))|delivered)\b", re.I)
_ROW_START = re.compile(r"(?:^|\n)[ \t|]*$")

@recogniser
class DateOfBirthRecogniser(ScrRecogniser, LocalRecognizer):
    code = "date_of_birth"
    description = "Dates of birth (a date after DOB, D.O.B., date of birth or born): always replaced"

    def __init__(self) -> None:
        super().__init__(supported_entities=["DATE_OF_BIRTH"], name=self.code)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if not any(c.isdigit() for c in text):
            return []
        found = []
        for match in DATE_RE.finditer(text):
            if parse_date_match(match) is None:
                continue
            before = text[max(0, match.start() - 40):match.start()]
            near = text[max(0, match.start() - AGE_NEARBY):match.end() + AGE_NEARBY]
            after_name = _AFTER_NAME.search(before)
            if after_name and re.sub(r"[\s(]", "", after_name.group()) in COMMON_ABBREVIATIONS:
                after_name = None  # "ICPC (5 August)", "MARAC (31/07/2025)": a meeting's date
            if (_CONTEXT.search(before) or (after_name and not _AFTER_PROFESSIONAL.search(before))
                    or _AGE.search(near) or _after_name_cell(text, match)
                    or (_NAME_BEFORE.search(before) and _NUMBER_AFTER.match(text, match.end()))
                    or (_ROW_START.search(text, max(0, match.start() - 10), match.start())
                        and _BIRTH_LATER.match(text, match.end()))):
                found.append(result("DATE_OF_BIRTH", match.start(), match.end(), 0.95, "pattern",
                                    "[date of birth]", recogniser_name=self.code))
        taken = {(r.start, r.end) for r in found}
        for start, end in dates_of_birth_in_cells(text, _dob_column_cells(text)):
            if (start, end) not in taken:
                found.append(result("DATE_OF_BIRTH", start, end, 0.95, "pattern", "[date of birth]",
                                    recogniser_name=self.code))
        return found


_DOB_HEADING = re.compile(r"(?i:\s*(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|born)\s*)")


def _dob_column_cells(text: str) -> list[tuple[int, int]]:
    """The cells under a "DOB" heading in a table written as text ("Name | Relationship | DOB | ..."):
    every date in that column is someone's date of birth, whatever else the row says."""
    if "|" not in text:
        return []
    cells, offset = [], 0
    lines = text.splitlines(keepends=True)
    for line, found in zip(lines, dob_column_cells(line.rstrip("\r\n") for line in lines)):
        cells += [(offset + start, offset + end) for start, end in found]
        offset += len(line)
    return cells


def dob_column_cells(lines) -> list[list[tuple[int, int]]]:
    """For each line of a run of lines (a text's, or a document's paragraphs one by one), the spans of
    the cells under a "DOB" heading of a table written with "|" between cells. A line without "|" ends
    the table."""
    out: list[list[tuple[int, int]]] = []
    column = None
    for line in lines:
        if "|" not in line:
            column = None
            out.append([])
            continue
        bounds, start = [], 0
        for index, char in enumerate(line):
            if char == "|":
                bounds.append((start, index))
                start = index + 1
        bounds.append((start, len(line)))
        headings = [i for i, (a, b) in enumerate(bounds) if _DOB_HEADING.fullmatch(line[a:b])]
        if headings:
            column = headings[0]
            out.append([])
        else:
            out.append([bounds[column]] if column is not None and column < len(bounds) else [])
    return out


def dates_of_birth_in_cells(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The dates inside the given cells of `text`."""
    return [(m.start(), m.end()) for start, end in cells for m in DATE_RE.finditer(text, start, end)
            if parse_date_match(m) is not None]


def _after_name_cell(text: str, match: re.Match[str]) -> bool:
    if not _CELL_AFTER.match(text, match.end()):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    cell = _CELL_BEFORE.search(text[line_start:match.start()])
    if not cell:
        return False
    words = cell.group("cell").split()
    # Surnames may be street or everyday words ("Chase"), but not roles, agencies or document words.
    return (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
            and not any(_not_a_name(w.lower().strip(",.")) for w in words))


def _not_a_name(word: str) -> bool:
    return word in ROLE_WORDS or word in AGENCY_WORDS or word in DOCUMENT_WORDS or word in PROCESS_WORDS
