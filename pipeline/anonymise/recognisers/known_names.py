"""Other mentions of people the model has already found.

The model finds "Jayden Brown" in one sentence but may miss "BROWN's car" in the next, or "Jayden" in a
table cell three pages later. Every mention must go for the person to be protected, so once a run has
labelled an unknown person, the parts of their name are looked for everywhere else in the run.

Only names the model or a title vouched for are learned: a full name of two or more words ("Jayden Brown")
or a titled one ("Mr Okafor"). A single word the model called a person is too often a misreading. The
learned parts are matched only when written as a name (capitalised or in capitals), never in lower case.
"""
from __future__ import annotations

import calendar
import re

from spacy.lang.en.stop_words import STOP_WORDS

from .names import VariantTable, lower_case_text, used_as_word
from .vocabulary import ORDINARY_WORD_NAMES, AGENCY_WORDS, COUNTRIES, DOCUMENT_WORDS, PROCESS_WORDS, ROLE_WORDS, TITLES

_CALENDAR_WORDS = {m.lower() for m in calendar.month_name if m} | {d.lower() for d in calendar.day_name}
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _eligible(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return (
        word[:1].isupper()
        and len(low) >= 3
        and low not in STOP_WORDS
        and low not in ROLE_WORDS
        and low not in AGENCY_WORDS
        and low not in DOCUMENT_WORDS
        and low not in PROCESS_WORDS
        and low not in TITLES
        and low not in COUNTRIES
        and low not in _CALENDAR_WORDS
    )


class KnownNames:
    """Name parts of unknown people labelled so far, compiled into one pattern on demand."""

    def __init__(self) -> None:
        self.table = VariantTable()
        self._regex: re.Pattern[str] | None = None
        self._lower_case_regex: re.Pattern[str] | None = None
        self._changed = False
        self._sources: dict[tuple[str, bool], None] = {}

    def __len__(self) -> int:
        return len(self.table.variants)

    def learn(self, written: str, *, single: bool = False) -> None:
        """Remember a name's parts. A lone word is learned only when `single` (a title or a cue
        vouched for it: "a friend, Shannon"), never when the model alone proposed it."""
        if (written, single) in self._sources:
            return
        self._sources[(written, single)] = None
        words = _WORDS.findall(written)
        titled = bool(words) and words[0].lower().rstrip(".") in TITLES
        names = [w for w in words if w.lower().rstrip(".") not in TITLES]
        names[-1:] = [re.sub(r"['’]s?$", "", n) for n in names[-1:]]
        if not names or (len(names) < 2 and not (titled or single)):
            return
        before = len(self.table.variants)
        if len(names) >= 2:
            self.table.add(" ".join(names), 0, "any case")
        for name in names:
            if _eligible(name):
                # "Grace" learned from "Grace Pemberton" must not take "grace period" in lower-case notes.
                everyday = name.lower() in ORDINARY_WORD_NAMES
                self.table.add(name, 0, "name case", in_lower_case_notes=not everyday)
        self._changed = self._changed or len(self.table.variants) != before

    def sources(self) -> list[tuple[str, bool]]:
        return list(self._sources)

    def find(self, text: str) -> list[tuple[int, int]]:
        if self._changed or self._regex is None:
            self._regex = self.table.compile()
            self._lower_case_regex = self.table.compile(lower_case_text=True)
            self._changed = False
        regex = self._lower_case_regex if lower_case_text(text) else self._regex
        if regex is None:
            return []
        return [
            (m.start(), m.end())
            for m in regex.finditer(text)
            if not (self.table.lookup(m.group("name")).kind == "name case" and used_as_word(text, m))
        ]
