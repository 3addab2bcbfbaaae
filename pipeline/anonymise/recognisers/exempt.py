"""The three people who may be named (LSCB Chair, Panel Chair, Overview author: §8.33, 8.78, 5.27).

Their names are found the way a writer uses them – full name, title + surname, title + full name, the
surname alone and the first name alone when no register person has that name – and marked as kept, so the
model does not label them "Person N". Their job titles and employing organisations are kept too: the
Executive Summary must give name, job title and organisation together (§8.78), and a consultancy's name
("Lindley Review Consultancy Ltd") would otherwise look like a person or a local business. So are any
other terms the settings list (`keep_terms`: the case's agency names, panel members' organisations).
"""
from __future__ import annotations

from presidio_analyzer import LocalRecognizer, RecognizerResult

from ...register import Register
from . import RecogniserContext, ScrRecogniser, recogniser, result
from .names import VariantTable, variant_key
from .vocabulary import TITLES
from .register import build_person_table


@recogniser
class ExemptRecogniser(ScrRecogniser, LocalRecognizer):
    code = "exempt"
    description = "The LSCB Chair, Panel Chair and Overview author: kept, with their job titles and organisations"

    def __init__(self, register: Register, keep_terms: tuple[str, ...] = ()) -> None:
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
        return cls(context.register, context.settings.keep_terms)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if self.regex is None:
            return []
        return [
            result("EXEMPT", m.start(), m.end(), 1.0, "exempt", None, recogniser_name=self.code)
            for m in self.regex.finditer(text)
            if self.table.lookup(m.group("name")) is not None
        ]
