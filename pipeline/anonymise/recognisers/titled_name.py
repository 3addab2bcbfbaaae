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
from .vocabulary import AGENCY_WORDS, RANKS, ROLE_WORDS
from .wordlists import PARTICLES, EnglishWords, known_word, singulars

_NAME = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?"
_PATTERNS = (
    # An honorific or a rank, written as one (capitalised; police ranks in capitals), then one to three
    # capitalised words. Honorifics are replaced with the name; ranks stay ("DS Person 3").
    re.compile(
        r"(?<![\w'’])(?:(?P<honorific>Mr|Mrs|Ms|Miss|Mx|Dr|Master|Sir|Dame|Cllr|Rev|Revd|Prof)|%s)\.?[ \t]+"
        # The name is looked at, not consumed: "INSP OKONJO ASKED PS RAMJI" has a second rank inside.
        rf"(?=(?P<name>{_NAME}(?:[ \t]+{_NAME}){{0,2}}))"
        # Ranks as written, and in the capitals of a command-and-control log ("INSP OKONJO").
        % "|".join(re.escape(r) for r in sorted({*RANKS, *(r.upper() for r in RANKS)}, key=len, reverse=True))
    ),
    re.compile(
        r"(?i:known (?:only |locally |to (?:her|him|them|friends) )?as|aka|a\.k\.a\.|nicknamed|goes by|"
        r"calls? (?:him|her|them)sel(?:f|ves))"
        rf"\s+[\"“‘']?(?P<name>{_NAME})"
    ),
)
# The same in hurried notes: a rank or honorific typed in lower case ("ds dhaliwal", "pc O'Hara", "mr
# lindqvist"). The word after it must be no word any list knows, because "ds" and "di" are also
# abbreviations and fragments ("di" in Italian, "pc" for a computer).
_LOWER_TITLE = re.compile(
    r"(?<![\w'’@./-])(?:(?P<honorific>mr|mrs|ms|miss|mx|dr)|(?:ds|dc|pc|di|dci|dsi|dsu|wpc|sgt|insp|pcso|det))\.?"
    rf"(?:[ \t]+\d{{2,6}})?[ \t]+(?P<name>{_NAME})"  # "pc 2231 fenwick": a collar number between
)
SCORE = 0.6


@recogniser
class TitledNameRecogniser(ScrRecogniser, LocalRecognizer):
    code = "titled_name"
    description = "A capitalised name after a title or rank (Mr, Mrs, Dr, DC...) or after 'known as'"

    def __init__(self, register: Register | None = None, english: EnglishWords | None = None) -> None:
        register = register or Register()
        self.english = english or EnglishWords()
        self.pseudonyms = {variant_key(p.pseudonym) for p in register.people}
        super().__init__(supported_entities=["PERSON"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> TitledNameRecogniser:
        return cls(context.register, context.english)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found = []
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                words = match.group("name").split()
                skipped = 0
                while (len(words) > 1 and len(words[0]) > 1 and words[0][0].isupper()
                       and words[0].lower() in ROLE_WORDS):
                    words.pop(0)  # "Nurse Practitioner Jo Smith": the role is not the name
                    skipped += 1
                lead = []  # "Mr de Vries", "Dr van der Berg": particles open the surname
                while len(words) > 1 and words[0] in PARTICLES:
                    lead.append(words.pop(0))
                # Stop at the first word that is not capitalised or is a known word ("Dr Patel said",
                # "Mr Jones Senior"), except the first, which a title makes a name ("Mrs Will").
                kept = words[:1]
                for word in words[1:]:
                    if not word[0].isupper() or known_word(re.sub(r"['’]s$", "", word)):
                        break
                    if word.isupper() and _caps_verb(word, self.english):
                        break  # "INSP OKONJO ASKED PS RAMJI": in capitals, the verb after the name
                    kept.append(word)
                words = kept
                if not words[0][0].isupper():
                    continue
                # "Mr Jones's": the possessive stays outside the replacement, so grammar survives.
                words[-1] = re.sub(r"(?:['’]s|['’])$", "", words[-1])
                # "Dr Patel Consultant": drop role words after the name; a single letter stays ("Dr N").
                while len(words[-1]) > 1 and (words[-1].lower() in ROLE_WORDS or words[-1].lower() in AGENCY_WORDS):
                    words.pop()
                    if not words:
                        break
                if not words or variant_key(" ".join(words)) in self.pseudonyms:
                    continue
                words = lead + words
                name_start = match.start("name")
                if skipped:
                    name_start = re.match(r"(?:\S+[ \t]+){%d}" % skipped, text[name_start:]).end() + name_start
                name_end = name_start + len(" ".join(words)) if len(words) == 1 else _end_of(text, name_start, words)
                honorific = pattern is _PATTERNS[0] and match.group("honorific") and not skipped
                start = match.start() if honorific else name_start
                found.append(result("PERSON", start, name_end, SCORE, "pattern", None, recogniser_name=self.code))
        for match in _LOWER_TITLE.finditer(text):
            name = re.sub(r"(?:['’]s|['’])$", "", match.group("name"))
            if len(name) < 3 or known_word(name) or self.english.common(name) or variant_key(name) in self.pseudonyms:
                continue
            start = match.start() if match.group("honorific") else match.start("name")
            found.append(result("PERSON", start, match.start("name") + len(name), SCORE, "pattern", None,
                                recogniser_name=self.code))
        return found


def _caps_verb(word: str, english: EnglishWords) -> bool:
    """A word in capitals that is an everyday verb, adverb or function word, never a surname: a log
    written in capitals gives no other sign of where a name ends. Nouns may be surnames ("SMITH")."""
    low = word.lower()
    return low not in english.nouns and any(form in english.other for form in singulars(low))


def _end_of(text: str, start: int, words: list[str]) -> int:
    position = start
    for word in words:
        position = text.index(word, position) + len(word)
    return position
