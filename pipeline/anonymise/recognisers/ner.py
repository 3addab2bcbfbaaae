"""People, places and organisations the spaCy model finds that the register does not list.

People get a stable label from the engine ("Person 3"). Organisations and places are replaced only where
they point at the family: schools, nurseries, GP practices, hospitals, streets and towns become a generic
description ("the primary school", "the GP practice", "[address]", "[place]"). Agencies ("Northshire
Police", "Children's Social Care", "NHS", "Ofsted"), legislation, role titles ("Health Visitor", "Social
Worker 2") and pseudonyms already in the text ("Child A", "Mother") are kept: the Executive Summary must
name agencies and roles (§8.78).

When the model's label is doubtful (a name tagged as an organisation) the span is still replaced, as an
"[organisation]": erring towards replacement is the rule for anything that might identify someone.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from ...register import Register
from . import RecogniserContext, ScrRecogniser, recogniser, result
from .names import variant_key, word_in_context
from .wordlists import PARTICLE, EnglishWords, everyday_phrase, is_first_name, known_word
from .vocabulary import (
    AGENCY_REST,
    AGENCY_NAMES,
    BREED,
    AGENCY_PHRASES,
    COMMON_ABBREVIATIONS,
    AGENCY_WORDS,
    COUNTRIES,
    DOCUMENT_WORDS,
    INSTRUMENT_HEADS,
    NAME_TO_PLACE_TAIL,
    PLACE_KINDS,
    PROCESS_WORDS,
    RANKS,
    ROLE_WORDS,
    TITLES,
    UNNUMBERED_STREET_TYPES,
    is_role_text,
)

_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
_PLACE_TAIL = re.compile(
    r"(?:[ \t]+(?:C\.? ?of ?E\.?|CofE|RC|Catholic|Methodist|Church of England))?"
    r"(?:[ \t]+(?:Primary|Infants?|Junior|Secondary|High|Nursery|Pre-School|Community|Medical|Health|"
    r"Children's|Children’s|Care|Dental|Family|Day|Residential|Nursing))*"
    r"(?:[ \t]+(?:School|Academy|College|Nursery|Surgery|Practice|Centre|Center|Hospital|Infirmary|Clinic|Home|"
    r"Pharmacy|Primary|Church|Chapel|Mosque|Temple|Gurdwara|Synagogue|Hostel))?"
)
_NAME_PARTICLES = frozenset("de da di du van von der den del della le la dos das bin ibn al el ap ter".split())
_RANK_WORDS = frozenset(w.lower() for rank in RANKS for w in rank.split())
_SEPARATOR = re.compile(r"\s*[|\t;•]\s*|\s+[-–—]\s+")  # "Kayleigh Trebilcock - Nursery Manager"
_EPONYM_AFTER = re.compile(
    r"(?:['’]s)?(?:[ \t]+[A-Z][a-z]+){0,3}[ \t]+(?:Law|Act|Scheme|[Ss]yndrome|[Dd]isease|Score|Scale|Tool|Toolkit|"
    r"Questionnaire|Index|Chart|Inventory|Checklist|Criteria|Assessment|Approach|Programme|Model|Pathway)\b"
)
# A line that is only a heading: numbering or "Appendix C:" before it, punctuation after.
_HEADING_BEFORE = re.compile(r"(?:^|\n)[ \t#*•-]*(?:(?:Appendix|Annex|Part|Section|Chapter)[ \t]+\w{1,3}[ \t]*[:.–—-]?[ \t]*"
                             r"|\d+(?:\.\d+)*\.?[ \t]+|[A-Za-z][.)][ \t]+)?$")
_HEADING_AFTER = re.compile(r"[ \t.:]*(?:\n|$)")
_HONORIFIC_BEFORE = re.compile(r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Sir|Dame|Cllr|Rev|Revd|Prof)\.?[ \t]+$")
_PARTICLE_NAME = re.compile(rf"(?:{PARTICLE}[ \t]+)+[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")
_PARTICLE_BEFORE = re.compile(rf"(?<![\w'’-])(?:{PARTICLE})[ \t]+$")
_ONE_WORD = re.compile(r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z]")
_AGENCY_WORD = re.compile(r"[\w'’&]+")
# "Infants", "Junior", "Primary" name a school only with a name of their own ("Greenhill Infants") or an
# institution word ("Junior School").
_SCHOOL_BY_ADJECTIVE = frozenset({"the primary school", "the secondary school"})
_INSTITUTION = re.compile(r"\b(?:school|academy|college|C\.? ?of ?E)\b", re.IGNORECASE)
# What ends an agency's or a company's name, not a person's: "Pennine Valley" + " Homes", "PENNINE COMMUNITY"
# + " HEALTH", "Pennine" + " Interpreting Ltd". Never a job title after a name ("Health Visitor").
_AGENCY_HEAD_AFTER = re.compile(
    r"[ \t]+(?:(?:Aid|Service|Services|Trust|Partnership|Project|Advocacy|Charity|Police|Constabulary)\b"
    r"|(?i:homes|housing|health|interpreting|ltd|limited|association|foundation)\b)"
    r"(?![ \t]+(?i:visitor|visiting|officer|worker|advisor|adviser|practitioner|manager|lead|leader|support|"
    r"co-?ordinator|director|administrator)\b)"
)
# The rest of a public body's name, in words that no person's name is followed by: "Hollingsea" + " Locality
# Assessment Team", "DON VALE" + " METROPOLITAN BOROUGH COUNCIL", "Don Vale" + " LSCB". A job title after
# it means the words were the person's team, not the agency ("Jo Bell Team Manager" is still Jo Bell).
_BODY_HEADS = r"(?:NHS|Trust|Board|Council|Police|Constabulary|Service|Services|Team|Partnership|LSCB|LSCP|SCP|CCG|ICB)\b"
_NOT_A_TITLE = (r"(?![ \t]+(?i:manager|leader|lead|member|worker|officer|practitioner|co-?ordinator|administrator|"
                r"secretary|chair|director|head|clerk)\b)")
_BODY_AFTER = re.compile(r"(?:[ \t]+(?:[A-Z][\w'’-]+|\d+-\d+)){0,3}[ \t]+" + _BODY_HEADS + _NOT_A_TITLE)
_BODY_AFTER_CAPS = re.compile(r"(?:[ \t]+(?:[A-Z][A-Z'’-]+|\d+-\d+)){0,3}[ \t]+(?i:" + _BODY_HEADS + ")" + _NOT_A_TITLE)


def _agency_follows(text: str, start: int, end: int) -> bool:
    if AGENCY_REST.match(text, end) or _AGENCY_HEAD_AFTER.match(text, end) or _BODY_AFTER.match(text, end):
        return True
    return text[start:end].isupper() and bool(_BODY_AFTER_CAPS.match(text, end))


_GENERIC_KINDS = frozenset(
    "nursery school hospital surgery practice centre clinic ward unit primary secondary academy college home "
    "pre-school preschool infants junior the".split()
)
# The first word of a job title at the end of an organisation the model found, and the rest of the title
# after it: "Sarah Jones Health" + " Visitor", "Tom Price Housing" + " Officer".
_ROLE_STARTS = re.compile(r"[ \t]+(?:Health|Housing|Family|Support|Youth|Care|School|Community|Tenancy|Team|Service|"
                          r"Practice|Ward|Unit|Duty|Area|Locality|Project|Office|Programme|Deputy|Senior|Clinical)$")
_ROLE_GOES_ON = re.compile(
    r"[ \t]+(?:Visitor|Visiting|Officer|Worker|Practitioner|Manager|Lead|Advisor|Adviser|Nurse|Assistant|"
    r"Co-?ordinator|Sustainment|Leader|Administrator|Secretary|Director|Clerk|Head)\b"
)
_ROLE_INSIDE = re.compile(_ROLE_STARTS.pattern[:-1] + _ROLE_GOES_ON.pattern + "$")
PERSON_SCORE = 0.85
PLACE_SCORE = 0.7


def classify_place(text: str, label: str, english: EnglishWords | None = None) -> tuple[str, str] | None:
    """(entity type, replacement) for an organisation or place name, or None when it is kept."""
    raw_words = _AGENCY_WORD.findall(text)
    words = [w.lower().replace("’", "'") for w in raw_words]
    if not words or is_role_text(text) or text.lower().strip() in COUNTRIES:
        return None
    if all(w in _GENERIC_KINDS for w in words):
        return None  # "Nursery", "the School": a kind of place, naming none
    lowered = text.lower().replace("’", "'")
    if any(phrase in lowered for phrase in AGENCY_PHRASES) and not any(p.search(text) for _, p in PLACE_KINDS):
        return None
    # The head of the name decides: "St Mary's Hospital" is a hospital, "St Mary's Hospital NHS Trust" an
    # agency. The head is the last word that names a kind of place or of agency.
    place_at, place_label = -1, ""
    for kind_label, pattern in PLACE_KINDS:
        for match in pattern.finditer(text):
            if match.end() > place_at:
                place_at, place_label = match.end(), kind_label
    agency_at = max((m.end() for m in _AGENCY_WORD.finditer(text) if _is_agency_word(m.group())), default=-1)
    last = words[-1].title()
    if last in UNNUMBERED_STREET_TYPES and len(words) > 1 and agency_at < 0:
        return "PLACE", "[address]"
    if place_at > agency_at:
        if (english is not None and place_label in _SCHOOL_BY_ADJECTIVE and not _INSTITUTION.search(text)
                and everyday_phrase(_WORD.findall(text), english)):
            return None  # "Non-Mobile Infants", "Junior Doctors": people described, not a school
        return "PLACE", place_label
    if agency_at >= 0:
        return None
    if all(w in AGENCY_WORDS or w in ROLE_WORDS or w in PROCESS_WORDS or w in AGENCY_NAMES or w in DOCUMENT_WORDS
           or w in STOP_WORDS or known_word(raw) for w, raw in zip(words, raw_words)):
        return None
    if text.strip().rstrip("s") in COMMON_ABBREVIATIONS or text.strip().lower() in AGENCY_NAMES:
        return None  # a known abbreviation (CAMHS, MASH, ICPC); an unknown one in capitals may be a surname
    if english is not None and label == "ORG" and everyday_phrase(_WORD.findall(text), english):
        return None  # "Criminal Proceedings", "Executive Summaries": a Title Case thing, not a body
    if words[-1] in INSTRUMENT_HEADS and len(words) > 1:
        return None  # "Brook Traffic Light Tool": an instrument, not a local organisation
    if label == "ORG":
        return "ORGANISATION", "[organisation]"
    return "PLACE", "[place]"


def _is_agency_word(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return low in AGENCY_WORDS or low in AGENCY_NAMES


@recogniser
class NerRecogniser(ScrRecogniser, LocalRecognizer):
    code = "ner"
    description = "Named entities from the spaCy model: unknown people labelled, identifying places generalised, agencies kept"

    def __init__(self, register: Register | None = None, english: EnglishWords | None = None) -> None:
        register = register or Register()
        self.english = english or EnglishWords()
        self.pseudonyms = {variant_key(p.pseudonym) for p in (*register.people, *register.places)}
        self.handlers = {
            "PERSON": self._person,
            "ORG": self._place,
            "FAC": self._place,
            "GPE": self._place,
            "LOC": self._place,
            "LAW": self._keep,
            "NORP": self._nationality,  # nationalities and religions ("a Christian family") are not people
        }
        super().__init__(supported_entities=["PERSON", "PLACE", "ORGANISATION", "KEEP"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> NerRecogniser:
        return cls(context.register, context.english)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None)
        if doc is None:
            return []
        found = []
        for ent in doc.ents:
            handler = self.handlers.get(ent.label_)
            if handler is None:
                continue
            start, end = self._extend(doc, ent, text)
            eponym = _EPONYM_AFTER.match(text, end)
            if eponym and _eponym(text[start:end], eponym.group(), self.english):
                # "Clare's Law", "Sarah's Law", "Down's syndrome": a law or condition named after someone.
                found.append(result("KEEP", start, eponym.end(), 0.5, "keep", None, recogniser_name=self.code))
                continue
            # The model can run an entity across table or list separators ("Midwifery | B. Pritchard"):
            # each piece is judged on its own.
            for piece_start, piece_end in _pieces(text, start, end):
                item = handler(text, piece_start, piece_end, ent.label_)
                if item is not None:
                    found.append(item)
        return found

    @staticmethod
    def _extend(doc, ent, text: str) -> tuple[int, int]:
        """Character span of the entity on its first line, extended over following place words
        ("St Mary's" + "Hospital", "St Hilda's" + "C of E Primary")."""
        start_token, end_token = ent.start, ent.end
        # Drop leading articles and dates or numbers at either end ("04/01/2023 Telephone").
        while start_token < end_token and (doc[start_token].lower_ in ("the", "a", "an")
                                           or any(c.isdigit() for c in doc[start_token].text)
                                           or doc[start_token].is_punct):
            start_token += 1
        while end_token > start_token and (any(c.isdigit() for c in doc[end_token - 1].text)
                                           or doc[end_token - 1].is_punct):
            end_token -= 1
        if start_token >= end_token:
            return ent.start_char, ent.start_char
        start = doc[start_token].idx
        end = doc[end_token - 1].idx + len(doc[end_token - 1])
        newline = text.find("\n", start, end)
        if newline != -1:
            end = newline  # the model sometimes runs a name into the next line's date
        tail = _PLACE_TAIL.match(text, end)
        if tail and tail.group().strip():
            end = tail.end()
        return start, end

    def _nationality(self, text: str, start: int, end: int, label: str) -> RecognizerResult | None:
        # Kept only when the words are a nationality or a faith the dictionary knows ("Polish", "Muslim");
        # the model also calls unfamiliar given names one ("Osian").
        words = _WORD.findall(text[start:end])
        if words and all(w.lower() in self.english.nouns or w.lower() in self.english.other or w.lower() in COUNTRIES
                         for w in words):
            return self._keep(text, start, end, label)
        return None

    def _keep(self, text: str, start: int, end: int, label: str) -> RecognizerResult | None:
        # Legislation and guidance titles ("Children Act 1989", "Working Together 2015") are kept, and
        # marked so that weaker guesses do not take words out of them.
        return result("KEEP", start, end, 0.5, "keep", None, recogniser_name=self.code) if start < end else None

    def _person(self, text: str, start: int, end: int, label: str) -> RecognizerResult | None:
        if start >= end:
            return None
        span = text[start:end]
        # The model sometimes calls an agency or a building a person ("Northshire Police", "St Mary's
        # Hospital"): those follow the organisation rules instead.
        words = _AGENCY_WORD.findall(span)
        if words and (_is_agency_word(words[-1]) or words[-1].lower() in NAME_TO_PLACE_TAIL):
            return self._place(text, start, end, "ORG")
        if _agency_follows(text, start, end):
            # "Kernow Drug" in "Kernow Drug and Alcohol Service"; "Black Country Women's" + " Aid"
            return self._keep(text, start, end, label)
        if BREED.fullmatch(text[start:end].strip()) or re.match(r"Storm[ \t]+[A-Z]", text[start:end]):
            # a dog breed, a named storm ("Storm Isha")
            return self._keep(text, start, end, label)  # "a Jack Russell loose in the close": a dog
        start, end = _trim_person(text, start, end)
        honorific = _HONORIFIC_BEFORE.search(text[max(0, start - 8):start])
        if honorific:
            start -= len(honorific.group())  # "Mr Kamiński" is replaced whole: "Person 4", not "Mr Person 4"
        core = text[start:end]
        if not _CAPITALISED.search(core) or is_role_text(core) or variant_key(core) in self.pseudonyms:
            return None  # a lower-case "person" is the model misreading a word ("rose bush")
        words = _WORD.findall(core)
        if all(w.lower() in DOCUMENT_WORDS for w in words):
            return None
        if len(words) == 1 and word_in_context(text, start, end):
            return None  # "rated Amber", "Summer term", "Sunny day"
        if everyday_phrase(words, self.english):
            return None  # "Freedom", "Authors", "TIMESCALES CHART": capitalised words, not a person
        return result("PERSON", start, end, PERSON_SCORE, "ner", None, recogniser_name=self.code)

    def _place(self, text: str, start: int, end: int, label: str) -> RecognizerResult | None:
        span = text[start:end]
        if start >= end or variant_key(span) in self.pseudonyms:
            return None
        if span.islower() and " " not in span and (span in self.english.nouns or span in self.english.other):
            return None  # "a bee mask": the model misreading an everyday word
        role = _ROLE_STARTS.search(span)
        if role and _ROLE_GOES_ON.match(text, end) and role.start() > 0:
            # "Sarah Jones Health" + " Visitor": the model ran a name into the job title after it.
            return self._person(text, start, start + role.start(), "PERSON")
        whole_title = _ROLE_INSIDE.search(span)
        if whole_title and whole_title.start() > 0:
            # "Amir Khan Service Manager" taken whole as an organisation: the name, then the title.
            return self._person(text, start, start + whole_title.start(), "PERSON")
        if _agency_follows(text, start, end):
            return self._keep(text, start, end, label)  # "Black Country Women's" + " Aid"
        if _PARTICLE_NAME.fullmatch(span) or (
            _PARTICLE_BEFORE.search(text, max(0, start - 20), start) and _ONE_WORD.fullmatch(span)
        ):
            return self._person(text, start, end, "PERSON")  # "de Vries", "della Rocca": a surname, not a place
        classified = classify_place(span, label, self.english)
        if classified is None or (_heading(text, start, end) and everyday_phrase(_WORD.findall(span), self.english)):
            # A heading made of everyday words ("Background", "Next Steps") is not a place, even
            # where the model calls it one; a register place in a heading is found by the register.
            return self._keep(text, start, end, label)
        entity_type, replacement = classified
        if replacement.startswith("the ") and re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.I):
            start = start - len(re.search(r"the\s+$", text[max(0, start - 5):start], re.I).group())
            if text[start].isupper():
                replacement = "T" + replacement[1:]
        return result(entity_type, start, end, PLACE_SCORE, "ner", replacement, recogniser_name=self.code)


def _eponym(name: str, after: str, english: EnglishWords) -> bool:
    """A law or condition named after someone ("Clare's Law", "Down's syndrome"), or an instrument
    named after one person or place ("Glasgow Coma Scale"): the words between the name and the head are
    everyday ones, and an instrument's eponym is a single word that is not a given name."""
    words = after.split()
    if not all(english.common(w) and not is_first_name(w) for w in words[:-1] if w[:1].isupper()):
        return False  # "Mary Jones Growth Chart": a person's name before a table heading
    if words[-1].lower() in INSTRUMENT_HEADS:
        core = re.sub(r"['’]s$", "", name.strip())
        return len(core.split()) == 1 and not is_first_name(core)
    return True


def _heading(text: str, start: int, end: int) -> bool:
    return bool(_HEADING_BEFORE.search(text, max(0, start - 40), start) and _HEADING_AFTER.match(text, end))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, position = [], start
    for separator in _SEPARATOR.finditer(text, start, end):
        pieces.append((position, separator.start()))
        position = separator.end()
    pieces.append((position, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _trim_person(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop role words around a name ("Social Worker Jane Smith", "Jane Smith Health Visitor") and a
    trailing possessive; titles stay, so "Mrs Smith" and "Smith" get the same label via the Labeller."""
    words = list(re.finditer(r"[^\s]+", text[start:end]))

    def is_role(word: re.Match[str]) -> bool:
        low = word.group().lower().strip(".,;:()")
        if word.group()[:1].islower() and low not in _NAME_PARTICLES:
            return True  # "rang Tyler", "Kerry-Ann rang back": the model ran into the verb
        if word.group().strip(".,;:()") in COMMON_ABBREVIATIONS or not any(c.isalpha() for c in word.group()):
            return True  # "CSC Rukhsana Mirza", "w/ DC Tamm": a service or a shorthand before the name
        if low in _RANK_WORDS:
            return True  # "DI Morven Achterberg": the rank stays, the name goes
        return (low in ROLE_WORDS or low in DOCUMENT_WORDS or low.isdigit()) and low not in TITLES and len(low) > 1

    first, last = 0, len(words)
    while first < last - 1 and is_role(words[first]):
        first += 1
    while last - 1 > first and is_role(words[last - 1]):
        last -= 1
    base = start
    start, end = base + words[first].start(), base + words[last - 1].end()
    core = text[start:end]
    trailing = re.search(r"(?:['’]s?|[.,;:()])$", core)
    if trailing and len(core) > 2:
        end -= len(trailing.group())
    return start, end
