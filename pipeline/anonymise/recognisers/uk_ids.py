"""UK identifiers with a fixed shape: NHS numbers, National Insurance numbers and postcodes.

These reuse Presidio's maintained UK recognisers (the NHS one checks the modulus-11 check digit) and add
our metadata. An NHS-shaped number that fails the checksum is still replaced when the words "NHS" are
just before it: a mistyped NHS number still identifies a child.
"""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import (
    NhsRecognizer,
    UkNinoRecognizer,
    UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)

from . import ScrRecogniser, recogniser, result, tag_results

_NHS_SHAPE = re.compile(r"\b\d{3}[- ]?\d{3}[- ]?\d{4}\b")
_NHS_CONTEXT = re.compile(r"\bNHS\b[^.\n]{0,25}$", re.IGNORECASE)


@recogniser
class UkNhsRecogniser(ScrRecogniser, NhsRecognizer):
    code = "uk_nhs"
    description = "NHS numbers (10 digits, with or without spaces; modulus-11 check digit or 'NHS' before it)"
    REPLACEMENT = "[NHS number]"

    def __init__(self) -> None:
        super().__init__(name=self.code)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        found = tag_results(super().analyze(text, entities, nlp_artifacts, regex_flags), "pattern",
                            self.REPLACEMENT, self.code)
        # Ten digits inside a longer reference ("WYP-161025-0087") are that reference, not an NHS number.
        found = [r for r in found if not re.search(r"[A-Za-z0-9]-$", text[max(0, r.start - 2):r.start])]
        taken = {(r.start, r.end) for r in found}
        for match in _NHS_SHAPE.finditer(text):
            if (match.start(), match.end()) not in taken and _NHS_CONTEXT.search(text[:match.start()]):
                found.append(result("UK_NHS", match.start(), match.end(), 0.6, "pattern", self.REPLACEMENT,
                                    recogniser_name=self.code))
        return found


# Presidio's patterns follow the official allocation rules (no "QQ" prefix, no "C" in an inward code).
# Made-up numbers in training material and typos break those rules but still point at someone, so the
# plain shape in capitals is taken as well.
_LOOSE_NINO = Pattern("NINO shape", r"(?-i:\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b)", 0.5)
_LOOSE_POSTCODE = Pattern("Postcode shape", r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)", 0.3)


@recogniser
class UkNinoRecogniser(ScrRecogniser, UkNinoRecognizer):
    code = "uk_nino"
    description = "National Insurance numbers (QQ 12 34 56 C, with or without spaces)"

    def __init__(self) -> None:
        super().__init__(patterns=[*UkNinoRecognizer.PATTERNS, _LOOSE_NINO], name=self.code)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return tag_results(super().analyze(text, entities, nlp_artifacts, regex_flags), "pattern", "[NI number]",
                           self.code)


@recogniser
class UkPostcodeRecogniser(ScrRecogniser, UkPostcodeRecognizer):
    code = "uk_postcode"
    description = "UK postcodes (EB1 2CD, SW1A 1AA, with or without the space)"

    def __init__(self) -> None:
        super().__init__(patterns=[*UkPostcodeRecognizer.PATTERNS, _LOOSE_POSTCODE], name=self.code)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        # Postcodes are written in capitals; matching lower case too would take words like "in12 3ab" rarely
        # but never costs a real postcode, so Presidio's case-insensitive pattern is kept.
        return tag_results(super().analyze(text, entities, nlp_artifacts, regex_flags), "pattern", "[postcode]",
                           self.code)


@recogniser
class UkVehicleRecogniser(ScrRecogniser, UkVehicleRegistrationRecognizer):
    code = "uk_vehicle"
    description = "UK vehicle registration marks (YK19 RTX, and the older prefix and suffix styles)"

    def __init__(self) -> None:
        super().__init__(name=self.code)
        # Number plates are written in capitals; Presidio matches any case, which would take "a1 bus".
        self.global_regex_flags = re.DOTALL | re.MULTILINE

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return tag_results(super().analyze(text, entities, nlp_artifacts, self.global_regex_flags), "pattern",
                           "[vehicle registration]", self.code)
