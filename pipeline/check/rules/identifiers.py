"""Residual identifiers: anything the anonymiser would still replace (§8.33, 8.80–8.84), and the
quasi-identifiers that allow jigsaw identification even with every name gone.

The detection is the anonymiser's own (register names and every variant it generates, spaCy NER through
Presidio, the UK patterns), run over every text-bearing place in the file, so "the checker is happy"
means "the anonymiser would change nothing". Exempt people (the LSCB Chair, the Panel Chair, the
Overview author) and pseudonyms raise nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..context import Detection
from ..findings import BLOCK, WARN, Finding
from .base import Rule, register

# Location labels that already say the text is out of sight.
_SAYS_HIDDEN = ("deleted", "hidden", "field code", "property", "author", "comment", "description", "title",
                "link", "template", "custom", "tooltip", "variable", "content control", "form field", "bookmark")
MAX_PER_RULE = 100  # a file with more than this is plainly not anonymised; the count says so


class DetectionRule(Rule):
    """Reports the anonymiser's detections of some entity types (and, optionally, from some sources)."""

    formats = ("docx", "xlsx", "pdf", "text")
    entity_types: ClassVar[frozenset[str]] = frozenset()
    sources: ClassVar[frozenset[str] | None] = None
    message: ClassVar[str]

    def wants(self, detection: Detection) -> bool:
        return detection.entity_type in self.entity_types and (
            self.sources is None or detection.source in self.sources
        )

    def check(self, doc, ctx) -> Iterator[Finding]:
        seen: set[tuple[str, str]] = set()
        found: list[Finding] = []
        for detection in ctx.detections(doc):
            if not self.wants(detection):
                continue
            key = (detection.location, detection.text.lower())
            if key in seen:
                continue
            seen.add(key)
            where = detection.location
            if detection.segment.concealed and not any(word in where for word in _SAYS_HIDDEN):
                where += " (not visible on the printed page)"
            found.append(self.finding(where, self.message, match=detection.text,
                                      location_match=ctx.personal_in(where)))
        yield from found[:MAX_PER_RULE]
        if len(found) > MAX_PER_RULE:
            yield self.finding("whole document", f"... and {len(found) - MAX_PER_RULE} more like this: the file "
                                                 "does not look anonymised; run 'scr anonymise' on it first")


PERSON = frozenset({"PERSON"})
PLACE = frozenset({"PLACE", "LOCATION", "GPE", "LOC", "FAC", "ORGANISATION", "ORGANIZATION"})


@register
class RegisterPersonRule(DetectionRule):
    code = "SCR101"
    category = "person"
    severity = BLOCK
    description = "A name (or nickname, initials, title + surname) of a person in the case register"
    entity_types = PERSON
    sources = frozenset({"register"})
    message = "The name {match} of a person in the register is still here. Replace it with their pseudonym."


@register
class UnregisteredPersonRule(DetectionRule):
    code = "SCR102"
    category = "person"
    severity = BLOCK
    description = "A person's name found by name recognition, who is not one of the three people who may be named"
    entity_types = PERSON
    sources = frozenset({"ner", "pattern"})
    message = ("{match} looks like a person's name. Only the LSCB Chair, the Panel Chair and the Overview author "
               "may be named (§8.33, 8.78): replace it with a role, or add the person to the register.")


@register
class RegisterPlaceRule(DetectionRule):
    code = "SCR111"
    category = "place"
    severity = BLOCK
    description = "A place from the case register (the family home, a school, a GP practice)"
    entity_types = PLACE
    sources = frozenset({"register"})
    message = "The place {match} from the register is still here. Replace it with its pseudonym."


@register
class PostcodeRule(DetectionRule):
    code = "SCR112"
    category = "place"
    severity = BLOCK
    description = "A UK postcode"
    entity_types = frozenset({"UK_POSTCODE", "POSTCODE"})
    message = "A postcode {match} is here. Remove it: a postcode can point to a handful of homes."


@register
class AddressRule(DetectionRule):
    code = "SCR113"
    category = "place"
    severity = BLOCK
    description = "A street address"
    entity_types = frozenset({"PLACE", "UK_ADDRESS", "ADDRESS", "STREET_ADDRESS"})
    sources = frozenset({"ner", "pattern"})
    message = "An address {match} is here. Replace it with a description such as 'the family home'."

    def wants(self, detection: Detection) -> bool:
        if not super().wants(detection):
            return False
        return detection.entity_type != "PLACE" or detection.source == "pattern" or _is_address(detection)


def _is_address(detection: Detection) -> bool:
    return detection.replacement.strip().lower() == "[address]"


def _is_institution(detection: Detection) -> bool:
    # The anonymiser names the kind of place it replaces: "the primary school", "the GP practice".
    return detection.replacement.strip().lower().startswith("the ")


@register
class PhoneRule(DetectionRule):
    code = "SCR121"
    category = "contact"
    severity = BLOCK
    description = "A phone number (UK national or international format)"
    entity_types = frozenset({"PHONE_NUMBER", "UK_PHONE"})
    message = "A phone number {match} is here. Remove it."


@register
class EmailRule(DetectionRule):
    code = "SCR122"
    category = "contact"
    severity = BLOCK
    description = "An email address (also in mailto: links)"
    entity_types = frozenset({"EMAIL_ADDRESS", "EMAIL"})
    message = "An email address {match} is here. Remove it."


@register
class NhsNumberRule(DetectionRule):
    code = "SCR131"
    category = "identifier"
    severity = BLOCK
    description = "An NHS number (with a valid check digit)"
    entity_types = frozenset({"UK_NHS", "NHS_NUMBER"})
    message = "An NHS number {match} is here. Remove it."


@register
class NinoRule(DetectionRule):
    code = "SCR132"
    category = "identifier"
    severity = BLOCK
    description = "A National Insurance number"
    entity_types = frozenset({"UK_NINO", "NINO"})
    message = "A National Insurance number {match} is here. Remove it."


@register
class ReferenceRule(DetectionRule):
    code = "SCR133"
    category = "identifier"
    severity = WARN
    description = "A police, court or case reference number: check it cannot be traced back to the family"
    entity_types = frozenset({"REFERENCE", "CASE_REFERENCE", "POLICE_REFERENCE"})
    message = "A reference number {match} is here. Remove it unless it is the review's own reference."


# Everything the rules above claim, plus what is deliberately not an identifier on its own.
KNOWN_TYPES = (
    PERSON | PLACE | PostcodeRule.entity_types | AddressRule.entity_types | PhoneRule.entity_types
    | EmailRule.entity_types | NhsNumberRule.entity_types | NinoRule.entity_types | ReferenceRule.entity_types
    | frozenset({"DATE", "DATE_TIME", "DATE_OF_BIRTH", "EXEMPT"})
)


@register
class OtherIdentifierRule(DetectionRule):
    code = "SCR139"
    category = "identifier"
    severity = BLOCK
    description = "Any other identifier the anonymiser would replace (so a new recogniser is never ignored here)"
    message = "Something the anonymiser treats as identifying ({match}) is here. Anonymise the file again."

    def wants(self, detection: Detection) -> bool:
        return detection.entity_type not in KNOWN_TYPES


@register
class DateOfBirthRule(DetectionRule):
    code = "SCR141"
    category = "date_of_birth"
    severity = BLOCK
    description = "A date of birth (a date next to 'DOB', 'born', 'date of birth')"
    entity_types = frozenset({"DATE_OF_BIRTH"})
    message = "A date of birth {match} is here. Remove it, or give the child's age instead."

    def check(self, doc, ctx):
        yield from super().check(doc, ctx)
        # A date typed into a date cell under a "Date of birth" heading: the workbook reader marks it.
        for segment in doc.segments():
            if segment.kind == "date of birth":
                yield self.finding(segment.location, "A date of birth {match} is in a date cell under a 'date of "
                                                     "birth' heading. Remove it, or give the child's age instead.",
                                   match=segment.text)


# --- quasi-identifiers ------------------------------------------------------------------------------

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTHS += "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_EXACT_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"\b(?:aged?\s+\d{1,2}|\d{1,2}\s*(?:-|\s)?(?:years?|yrs?|months?|weeks?|days?)[\s-]*old"
    r"|\d{1,2}\s*(?:years?|months?|weeks?)\s+of\s+age|\(\s*\d{1,2}\s*(?:years?|yrs?|months?|m|y)\s*\))",
    re.IGNORECASE,
)
_NEAR = 80  # characters: "On 12 March 2023 Child A, then aged 3, ..." is one clause


@register
class DateNextToAgeRule(Rule):
    code = "SCR151"
    category = "date_of_birth"
    severity = WARN
    formats = ("docx", "xlsx", "pdf", "text")
    description = "An exact date close to an age: together they give away a date of birth (jigsaw identification)"

    def check(self, doc, ctx):
        for segment in doc.segments():
            for age in _AGE.finditer(segment.text):
                lo, hi = max(0, age.start() - _NEAR), age.end() + _NEAR
                date = next(_EXACT_DATE.finditer(segment.text, lo, hi), None)
                if date is not None:
                    yield self.finding(segment.locate(age.start()),
                                       "An exact date and an age are given together ({match}), which reveals a "
                                       "date of birth. Give the month and year, or the age alone.",
                                       match=f"{date.group(0)} / {age.group(0)}")


# Words of one name sit on one line: PDF table text breaks lines between cells, and a name spanning
# "County\nCouncil Education\nService\nSchool" is a layout accident, not a school.
_INSTITUTION = re.compile(
    r"\b((?:(?:St|Saint)\.?[^\S\n]+)?(?:[A-Z][\w'’-]+[^\S\n]+){1,4}"
    r"(?:(?:C of E |RC |Church of England |Catholic |Community |Infant |Junior |Primary |Secondary |High |Grammar )?"
    r"(?:School|Academy|College)|Nursery|Pre-?[Ss]chool|Children'?s Centre|Surgery|Medical Centre|Health Centre"
    r"|Medical Practice|GP Practice|Family Practice|Hospital|Infirmary))\b"
)
# Words that start a sentence or describe rather than name: "The Primary School", "Local Hospital".
_NOT_A_NAME = {"the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "local", "same", "new", "another",
               "primary", "secondary", "infant", "junior", "high", "community", "general", "district", "children's",
               "childrens", "each", "every", "any", "which", "whose", "at", "in", "to", "from", "and", "or", "of"}


@register
class NamedInstitutionRule(Rule):
    code = "SCR152"
    category = "place"
    severity = WARN
    formats = ("docx", "xlsx", "pdf", "text")
    description = "A named school, nursery, children's centre, GP practice or hospital: say 'the primary school' instead"

    def check(self, doc, ctx):
        spans: dict[str, list[tuple[int, int]]] = {}
        for detection in ctx.detections(doc):
            if detection.entity_type == "PLACE" and detection.source == "ner" and _is_institution(detection):
                spans.setdefault(id(detection.segment), []).append((detection.start, detection.end))
                yield self._found(detection.location, detection.text)
        # The name finder misses some ("Larchfield C of E Primary School" split oddly): a pattern backs it up.
        for segment in doc.segments():
            taken = spans.get(id(segment), [])
            for match in _INSTITUTION.finditer(segment.text):
                words = match.group(1).split()
                naming = [w for w in words[:-1] if w.lower().strip("'’") not in _NOT_A_NAME]
                if not naming or ctx.is_pseudonym(match.group(1)):
                    continue
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                yield self._found(segment.locate(match.start()), match.group(1))

    def _found(self, where: str, text: str) -> Finding:
        return self.finding(where, "A named institution ({match}) can identify the family's area. Use a "
                                   "description such as 'the primary school' or 'the GP practice'.", match=text)


@register
class NamedPlaceRule(DetectionRule):
    code = "SCR153"
    category = "place"
    severity = WARN
    description = "A town, village or other place found by name recognition: small places identify families"
    # Organisation names are left to the anonymiser: the model tags guidance titles ("Working Together to
    # Safeguard Children") and table headings as organisations, and a warning on every one would bury the
    # real findings. Schools, GP practices and hospitals come as places and are reported by SCR152.
    entity_types = frozenset({"PLACE"})
    sources = frozenset({"ner"})
    message = ("A place name {match} is here. In a small place this can identify the family: use a wider area or a "
               "description unless it is the board's own area.")

    def wants(self, detection: Detection) -> bool:
        return super().wants(detection) and not _is_address(detection) and not _is_institution(detection)
