"""Dates of birth: a date with "DOB", "D.O.B.", "date of birth" or "born" just before it.

Always replaced, whatever the dates setting: an exact date of birth is one of the strongest jigsaw
identifiers of a child.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import ScrRecogniser, recogniser, result
from .dates import DATE_RE, parse_date_match

_CONTEXT = re.compile(
    r"(?i:\bd\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|\bbirth\s*date|\bborn\b|\bbirthday\b|\bb\.\s*)[^.!?\n]{0,20}$"
)


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
            if _CONTEXT.search(text[max(0, match.start() - 40):match.start()]):
                found.append(result("DATE_OF_BIRTH", match.start(), match.end(), 0.95, "pattern",
                                    "[date of birth]", recogniser_name=self.code))
        return found
