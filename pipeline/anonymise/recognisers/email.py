"""Email addresses, offline.

Presidio's EmailRecognizer validates the domain with tldextract, which downloads the public-suffix list
from the internet on first use. Case files must never leave the machine, and a domain missing from the
list (an internal ".local" or a typo) would leave an address unreplaced. So every address-shaped string is
replaced and tldextract is never called.
"""
from __future__ import annotations

from presidio_analyzer.predefined_recognizers import EmailRecognizer

from . import ScrRecogniser, recogniser, tag_results


@recogniser
class OfflineEmailRecogniser(ScrRecogniser, EmailRecognizer):
    code = "email"
    description = "Email addresses (any address-shaped text; no network look-up of the domain)"

    def __init__(self) -> None:
        super().__init__(name=self.code)

    def validate_result(self, pattern_text: str) -> bool:
        return "@" in pattern_text and "." in pattern_text.split("@", 1)[1]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if "@" not in text:
            return []
        return tag_results(super().analyze(text, entities, nlp_artifacts, regex_flags), "pattern",
                           "[email address]", self.code)
