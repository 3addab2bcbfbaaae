"""The three people who may be named (LSCB Chair, Panel Chair, Overview author: §8.33, 8.78, 5.27).

Their names are found the way a writer uses them – full name, title + surname, title + full name, the
surname alone and the first name alone when no register person has that name – and marked as kept, so the
model does not label them "Person N". Their job titles and employing organisations are kept too: the
Executive Summary must give name, job title and organisation together (§8.78), and a consultancy's name
("Lindley Review Consultancy Ltd") would otherwise look like a person or a local business. So are any
other terms the settings list (`keep_terms`: the case's agency names, panel members' organisations).
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from ...register import Register
from . import RecogniserContext, ScrRecogniser, recogniser, result
from .names import VariantTable, variant_key
from .vocabulary import TITLES
from .register import build_person_table
from spacy.lang.en.stop_words import STOP_WORDS

from .wordlists import known_word, singulars

# A capitalised word right before or after a name, on the same line.
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


@recogniser
class ExemptRecogniser(ScrRecogniser, LocalRecognizer):
    code = "exempt"
    description = "The LSCB Chair, Panel Chair and Overview author: kept, with their job titles and organisations"

    def __init__(self, register: Register, keep_terms: tuple[str, ...] = (), english=None) -> None:
        self.english = english
        register_forms = VariantTable()
        build_person_table(register.people, register_forms)
        self.table = VariantTable()
        for index, person in enumerate(register.exempt):
            self.table.add(person.name, index, "any case")
            # "Dr Fiona MacAulay": the title is how she is written, not part of her name.
            tokens = [t for t in person.name.split() if t.lower().rstrip(".") not in TITLES]
            if tokens and len(tokens) < len(person.name.split()):
                self.table.add(" ".join(tokens), index, "any case")
            if len(tokens) > 1:
                self.table.add(f"{tokens[0]} {tokens[-1]}", index, "any case")
                surname = tokens[-1]
                if variant_key(surname) not in register_forms.variants:
                    self.table.add(surname, index, "name case")
                # Panel notes call the Chair and the author by first name ("cc Helen"). Kept only when
                # no register person has that name, so a family member's name is never kept by accident.
                first = tokens[0]
                if len(first) > 2 and variant_key(first) not in register_forms.variants:
                    self.table.add(first, index, "name case")
        terms = [t for e in register.exempt for t in (e.job_title, e.organisation) if t] + list(keep_terms)
        for term in terms:
            if len(term.strip()) > 2:
                self.table.add(term, len(register.exempt), "any case")
        self.regex = self.table.compile()
        super().__init__(supported_entities=["EXEMPT"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> ExemptRecogniser:
        return cls(context.register, context.settings.keep_terms, context.english)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if self.regex is None:
            return []
        return [
            result("EXEMPT", m.start(), m.end(), 1.0, "exempt", None, recogniser_name=self.code)
            for m in self.regex.finditer(text)
            if self.table.lookup(m.group("name")) is not None and not self._inside_other_name(text, m.start(), m.end())
        ]

    def _inside_other_name(self, text: str, start: int, end: int) -> bool:
        """The Panel Chair's first name alone ("Yusuf") inside someone else's full name ("Ahmed Yusuf
        Ibrahim", "Yusuf Ibrahim"): that is another person, who must not be kept by accident."""
        written = text[start:end]
        if " " in written.strip() or not written[:1].isupper():
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        after = _WORD_AFTER.match(text, end)
        return any(m is not None and self._name_word(m.group(1)) for m in (before, after))

    def _name_word(self, word: str) -> bool:
        core = re.sub(r"['’]s$", "", word)
        if len(core) < 2 or core.lower().rstrip(".") in TITLES or known_word(core):
            return False
        if core.isupper():
            return False  # "Yusuf MBE", "DSL Yusuf": letters after or before a name are not a name
        # Nouns may be surnames ("Ibrahim" and "Baker" are both in the model's noun list); verbs and
        # function words are not ("Helen thanked").
        return self.english is None or not any(f in self.english.other or f in STOP_WORDS for f in singulars(core))
