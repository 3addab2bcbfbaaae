"""Names signalled by the words around them: a title ("Mr Okafor", "DC Shah") or "known as Jonno".

A safety net under the model: the small English model misses unusual and non-English names, but a title
or a "known as" in front of a capitalised word is a reliable sign of a person. The engine labels them like
any unknown person ("Person 4").
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from ...register import Register
from . import RecogniserContext, ScrRecogniser, recogniser, result
from .names import variant_key
from .vocabulary import AGENCY_WORDS, ROLE_WORDS

_NAME = r"[A-Z][a-zA-Z'’]+(?:-[A-Z][a-zA-Z'’]+)?"
_PATTERNS = (
    # Title (written as a title: capitalised, police ranks in capitals) and one or two name words.
    re.compile(
        r"(?<![\w'’])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Sir|Dame|Nurse|Cllr|Rev|Revd|Prof|PC|WPC|DC|DS|DI|DCI|Sgt|"
        r"Sergeant|Inspector|Constable|Detective)\.?\s+"
        rf"(?P<name>{_NAME}(?:\s+{_NAME})?)"
    ),
    re.compile(rf"(?i:known as|aka|a\.k\.a\.|nicknamed|calls? (?:him|her)self)\s+[\"“‘']?(?P<name>{_NAME})"),
)
SCORE = 0.6


@recogniser
class TitledNameRecogniser(ScrRecogniser, LocalRecognizer):
    code = "titled_name"
    description = "A capitalised name after a title or rank (Mr, Mrs, Dr, DC...) or after 'known as'"

    def __init__(self, register: Register | None = None) -> None:
        register = register or Register()
        self.pseudonyms = {variant_key(p.pseudonym) for p in register.people}
        super().__init__(supported_entities=["PERSON"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> TitledNameRecogniser:
        return cls(context.register)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found = []
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                words = match.group("name").split()
                # "Mr Jones's": the possessive stays outside the replacement, so grammar survives.
                words[-1] = re.sub(r"(?:['’]s|['’])$", "", words[-1])
                # "Mr Jones Senior", "Dr Patel Consultant": stop the name at the first role or agency word.
                while words and (words[-1].lower() in ROLE_WORDS or words[-1].lower() in AGENCY_WORDS):
                    words.pop()
                if not words or variant_key(" ".join(words)) in self.pseudonyms:
                    continue
                name_start = match.start("name")
                name_end = name_start + len(" ".join(words)) if len(words) == 1 else _end_of(text, name_start, words)
                start = match.start() if pattern is _PATTERNS[0] else name_start
                found.append(result("PERSON", start, name_end, SCORE, "pattern", None, recogniser_name=self.code))
        return found


def _end_of(text: str, start: int, words: list[str]) -> int:
    position = start
    for word in words:
        position = text.index(word, position) + len(word)
    return position
