"""UK telephone numbers, national (01632 960123, 07700 900123) and international (+44 7700 900123).

Presidio's PhoneRecognizer with region "GB" (Presidio's default list has no "UK", which is not a region
code). We use the lenient "possible number" level so the fictional Ofcom ranges used in drama and training
material (07700 900xxx, 01632 960xxx) are caught too, then keep only numbers written the way UK numbers
are: starting with 0, (0 or +. That drops years and counts ("2023 2024") the lenient level would take.
"""
from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from . import ScrRecogniser, recogniser, tag_results

_UK_SHAPE = re.compile(r"^(?:\+|\(?0)")
# The same shapes found directly, for where the library's matcher joins the number to what follows it
# ("07935 114 682  2. Fatima...") or reads it out of a message header ("[31/03/2023 14:55] 07852 301774:").
_UK_NUMBER = re.compile(
    r"(?<![\w+/.:-])(?P<number>(?:0|\+44[ \t]?(?:\(0\)[ \t]?)?)\d{2,4}[ \t-]?\d{3,4}[ \t-]?\d{3,4})(?![\w/]|[.:]\d)"
)


@recogniser
class UkPhoneRecogniser(ScrRecogniser, PhoneRecognizer):
    code = "uk_phone"
    description = "UK phone numbers in national and +44 formats"

    def __init__(self) -> None:
        super().__init__(supported_regions=("GB",), leniency=0, name=self.code)

    def analyze(self, text, entities, nlp_artifacts=None):
        found = []
        for item in super().analyze(text, entities, nlp_artifacts):
            if text[item.start] == "(" and ")" not in text[item.start:item.end]:
                item.start += 1  # "(+44 7393 556018)": the bracket belongs to the sentence
            number = text[item.start:item.end]
            if re.search(r"[A-Za-z]+-$", text[max(0, item.start - 8):item.start]):
                continue  # "LAS-091124-0417": the digits of a reference, not a phone number
            if _UK_SHAPE.match(number) and sum(c.isdigit() for c in number) >= 10:
                found.append(item)
        for match in _UK_NUMBER.finditer(text):
            digits = re.sub(r"\D", "", match.group("number"))
            national = digits if digits.startswith("0") else "0" + digits[2:].removeprefix("0")
            if len(national) == 11 and not any(r.start < match.end() and match.start() < r.end for r in found):
                found.append(RecognizerResult(self.supported_entities[0], match.start(), match.end(), 0.6))
        return tag_results(found, "pattern", "[phone number]", self.code)
