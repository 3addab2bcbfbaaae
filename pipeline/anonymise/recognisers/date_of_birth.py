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

_CONTEXT = re.compile(
    r"(?i:\bd\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|\bbirth\s*date|\bborn\b|\bbirthday\b|\bb\.\s*)[^.!?\n]{0,20}$"
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
_AGE = re.compile(r"(?i:\b(?:aged?|age:)[ \t]*\d{1,2}\b|\b\d{1,2}[ \t]*(?:years?|yrs?|months?)[ \t]+old\b)")
AGE_NEARBY = 25

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
            if _CONTEXT.search(before) or (_AFTER_NAME.search(before) and not _AFTER_PROFESSIONAL.search(before)) or _AGE.search(near):
                found.append(result("DATE_OF_BIRTH", match.start(), match.end(), 0.95, "pattern",
                                    "[date of birth]", recogniser_name=self.code))
        return found
