"""Names announced by the words around them: "Midwife Bronwen Pritchard", "Key person: Kirsty Dobson",
"From: Shabnam Akhtar", "Dear Rhiannon", "Social Worker 2 (Priya Raghunathan)", "Callum Fraser (paramedic)".

The small English model misses many names, particularly ones it has rarely seen. Records name people next
to their role, and letters and emails next to "Dear", "From" and "Signed": those cues are reliable, so
the capitalised words that follow (or precede a bracketed role) are taken as a name when no vocabulary
claims them. Words that turn out to name an organisation ("with Northshire Police") are left alone.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from . import RecogniserContext, ScrRecogniser, recogniser, result
from .vocabulary import (
    AGENCY_REST, AGENCY_TAIL, AGENCY_WORDS, COMMON_ABBREVIATIONS, COMPANY_WORDS, NAME_TO_PLACE_TAIL, ORDINARY_WORD_NAMES,
    ROLE_HEADS, ROLE_WORDS, STREET_TYPES,
)
from .names import NOUN_AFTER_WORD, at_sentence_start, lower_case_spans
from .wordlists import known_word
from .wordlists import NAME_TOKEN, PARTICLE, PARTICLES, EnglishWords, is_first_name, name_like, singulars

_CUES = (
    "from", "to", "cc", "dear", "hi", "hello", "signed", "author", "chair", "chaired by", "chaired", "minutes by",
    "key person", "keyworker", "key worker", "room leader", "worker", "family worker", "team leader",
    "manager", "practitioner", "midwife", "nurse", "health visitor", "social worker", "teacher", "screener",
    "call taker", "call handler", "crew", "paramedic", "dentist", "pharmacist", "landlord", "neighbour",
    "friend", "partner", "boyfriend", "girlfriend", "daughter", "son", "brother", "sister", "aunt", "uncle",
    "wife", "husband", "fiance", "fiancé", "fiancée", "ex-partner", "stepdad", "stepfather", "stepmum",
    "stepmother", "grandson", "granddaughter", "son-in-law", "daughter-in-law", "lodger", "tenant", "colleague",
    "cousin", "grandmother", "grandfather", "niece", "nephew", "mother", "father", "officer", "dsl", "lead",
    "consultant", "registrar", "gp", "doctor", "senior", "supervisor", "reviewer", "facilitated by",
    "allocated to", "transferred to", "reallocated to", "referred to", "spoke to", "spoke with", "met",
    "visited by", "seen by", "completed by", "entry by", "recorded by", "prepared by", "checked by",
    "reviewed by", "circulated by", "submitted by", "made by", "named as", "known as", "called", "contacted",
    "emailed", "rang", "phoned", "told", "asked", "with", "and", "by", "present", "attendees", "apologies",
    "childminder", "carer", "foster carer", "volunteer", "leader", "coordinator", "advocate", "interpreter",
    "led by", "run by", "led", "facilitator", "tutor", "coach", "mentor", "pastor", "vicar", "imam", "priest",
    "aunty", "auntie", "action", "actions", "action owner", "thanks", "thank you", "cheers", "saved as",
    "goes by", "calls himself", "calls herself", "nan", "nanna", "nana", "grandma", "grandad", "granddad",
    "gran", "nephew", "stepson", "stepdaughter", "half-brother", "half-sister", "stepbrother", "stepsister",
)
# Cues that only ever stand before a person: what the family call someone, a greeting, a name given to a
# phone contact. After one of them a single capitalised word is a name even if a dictionary has it as a
# noun ("brother Paddy", "partner Gill", "Thanks Ade"): Paddy, Gill and Ade are not things here.
_PERSON_CUES = frozenset((
    "dear", "hi", "hello", "thanks", "thank you", "cheers", "friend", "partner", "boyfriend", "girlfriend",
    "daughter", "son", "brother", "sister", "aunt", "uncle", "wife", "husband", "fiance", "fiancé", "fiancée",
    "ex-partner", "stepdad", "stepfather", "stepmum", "stepmother", "grandson", "granddaughter", "son-in-law",
    "daughter-in-law", "lodger", "cousin", "grandmother", "grandfather", "niece", "nephew", "aunty", "auntie",
    "known as", "named as", "saved as", "goes by", "calls himself", "calls herself", "nan", "nanna", "nana",
    "grandma", "grandad", "granddad", "gran", "stepson", "stepdaughter", "half-brother", "half-sister",
    "stepbrother", "stepsister", "neighbour", "boyfriend",
))
_CUE = re.compile(
    r"(?i:\b(?P<cue>%s))\b[ \t]*(?:\d+[ \t]*)?[:,–—-]?[ \t]*(?:is[ \t]+|was[ \t]+)?[\"“‘']?" % "|".join(
        re.escape(c).replace(r"\ ", r"\s+") for c in sorted(_CUES, key=len, reverse=True)
    )
)
_NAME_RUN = re.compile(rf"(?P<run>{NAME_TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{NAME_TOKEN}){{0,2}})")
_BRACKETED_ROLE = re.compile(
    rf"(?<![\w'’-])(?P<run>{NAME_TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{NAME_TOKEN}){{0,2}})[ \t]*\((?P<role>[^)]{{2,60}})\)"
)
# A name followed by the person's role as an apposition: "Amber Whitworth, Education Welfare Officer, to
# visit", "Tomasz Nowak, social worker." The role ends in a role word and is closed by punctuation or a line
# end, so "Leeds, West Yorkshire" or "Amber, Green" are not taken.
_APPOSITIVE_ROLE = re.compile(
    rf"(?<![\w'’-])(?P<run>{NAME_TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{NAME_TOKEN}){{1,2}})"
    r",[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?P<role>(?:[A-Za-z’'-]+[ \t]+){0,3}[A-Za-z’'-]+)(?=[ \t]*(?:[,.;:)]|$))",
    re.MULTILINE,
)
_APPOSITIVE_HEADS = frozenset(
    "officer worker visitor nurse teacher headteacher midwife manager leader lead practitioner consultant "
    "paediatrician doctor gp therapist psychologist psychiatrist counsellor advocate solicitor barrister "
    "paramedic registrar screener keyworker key-worker coordinator co-ordinator chair dsl idva isva senco "
    "pcso constable sergeant inspector detective supervisor director adviser advisor assistant mentor "
    "neighbour landlord landlady childminder carer volunteer interpreter receptionist clinician".split()
)
# A nickname in quotation marks in brackets after a name: 'Tomas Kazlauskas ("Tomo")'.
_QUOTED_NICKNAME = re.compile(
    r"(?<![\w'’-])(?P<run>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[ \t]*\([ \t]*[\"“‘']"
    r"(?P<nick>[A-Z][\w'’-]+)[\"”’'][ \t]*\)"
)
# A nickname in quotation marks between the given name and the surname: 'Oluwadamilare "Dami" Ojo'.
_NICKNAME_INSIDE = re.compile(
    r"(?<![\w'’-])(?P<run>[A-Z][\w'’-]+[ \t]+[\"“](?P<nick>[A-Z][\w'’-]+)[\"”][ \t]+[A-Z][\w'’-]+)(?![\w'’-])"
)
# A child listed with an age: "Zarmeen (1)", "Bao (aged 4)", "Minh Anh (2 yrs)".
_NAME_WITH_AGE = re.compile(
    r"(?<![\w'’-])(?P<run>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]*\((?:aged?[ \t]*)?\d{1,2}"
    r"(?:[ \t]*(?:yrs?|years?|months?|m|y))?\)"
)
# A given name with the respect or kinship word South Asian families put after it: "Sukhi ji", "Vinod bhai",
# "Hetal ben", "Kokila masi". The word after it leaves no other reading.
_HONORIFIC_AFTER = re.compile(
    r"(?<![\w'’-])(?P<run>[A-Z][a-z'’]+)[ \t]+(?:ji|jee|bhai|bhaiya|ben|behen|bhen|didi|masi|mami|kaka|kaki|"
    r"chacha|chachi|bhabhi|sahib|saab|bibi|baji|apa|aapa|phuppo|khala|mamu)(?![\w'’-])"
)
# A given name and a surname in capitals: "Leanne COKER".
_GIVEN_CAPS = re.compile(r"(?<![\w'’-])(?P<run>[A-Z][a-z]+[ \t]+[A-Z]{3,}(?:-[A-Z]{2,})?)(?![\w'’-])")
# Surname, comma, given name, as case systems list people. A title or rank in brackets after it is part of
# how the system writes the name, and goes with it.
_TITLE_AFTER = r"(?:[ \t]*\((?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|DI|PC|PS|Sgt|Insp|PCSO|MR|MRS|MS|MISS|DR)\))"
# With such a title, whatever the words: "Sohal, Kuldeep (DC)", "NWOSU-BAPTISTE, Blessing (Miss)".
_REVERSED_TITLED = re.compile(
    rf"(?<![\w'’-])(?P<run>[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)*,[ \t]*[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?{_TITLE_AFTER})"
)
# Without one, the surname in capitals and neither an everyday word: "MENSAH, Efua".
_REVERSED = re.compile(
    r"(?<![\w'’-])(?P<run>(?P<surname>[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)*),[ \t]*(?P<given>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
    rf"{_TITLE_AFTER}?)(?![\w'’-])"
)
# A day of the week or a month as a given name, before a surname no dictionary has: "Sunday Olawale",
# "Monday Ekwueme", "June Pritchard", "Jan Vinall".
_DAY_GIVEN = re.compile(r"(?<![\w'’-])(?P<run>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                        r"Jan|April|May|June|July|August)[ \t]+"
                        r"(?P<surname>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?))(?![\w'’-])")
# A full name alone in brackets after what the person does: "office (Jan Polglase) rang mum".
_BRACKETED_NAME = re.compile(rf"\((?P<run>[A-Z][a-z'’]+[ \t]+{NAME_TOKEN})\)")
_AFTER_ROLE_BRACKET = re.compile(r"\(\s*(?P<run>[^()]{2,60}?)\s*\)")
_STOP_AFTER = {w.lower() for w in STREET_TYPES} | AGENCY_WORDS | NAME_TO_PLACE_TAIL
# Hurried notes without capitals: a given name between a person's role and what they did ("neighbour ivy
# said", "paramedic dom attended"). The name may also be a word ("ivy", "hope"); the role before it and the
# verb after it leave no other reading.
_LOWER_ROLES = (
    "neighbour", "paramedic", "nurse", "midwife", "friend", "aunt", "auntie", "aunty", "uncle", "cousin",
    "landlord", "landlady", "childminder", "carer", "nan", "nanna", "grandad", "grandma", "gran", "sister",
    "keyworker", "key worker", "hv", "sw", "student", "manager", "worker",
    "brother", "stepdad", "stepmum", "boyfriend", "girlfriend", "partner", "lodger", "teacher", "officer",
)
_LOWER_VERBS = (
    "said", "says", "reported", "reports", "told", "rang", "called", "phoned", "stated", "states", "attended",
    "visited", "disclosed", "confirmed", "explained", "came", "arrived", "saw", "heard", "was", "is", "has",
    "had", "will", "would", "agreed", "refused", "took", "brought", "asked", "advised", "spoke",
)
_LOWER_CUED = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(_LOWER_ROLES)})[ \t]+(?P<name>[a-z]{{2,}})"
    rf"(?=[ \t]+(?:{'|'.join(_LOWER_VERBS)})\b|[ \t]+(?:at|from)[ \t]+(?:no\.?|number|flat)[ \t]*\d"
    r"|[ \t]+(?:next[ \t]+door|upstairs|downstairs|opposite)\b|[ \t]*[,.;:!?)]|[ \t]*$)",
    re.MULTILINE,
)
# A role, or a role's abbreviation in capitals, then a lower-case name no dictionary has, perhaps with its
# surname: "joint visit w/ CNN dorota lis", "student nurse agnieszka today". Whatever follows.
_ROLE_CAPS = "HV|SW|SSW|FSW|CNN|NN|EWO|TA|DSL|CPN|IDVA|ISVA|KW|OT|MW|PCSO|PC|DC|DS|GP|SN|LSA|SENCO|TL|TM"
_LOWER_ROLE_NAME = re.compile(
    rf"(?<![\w'’-])(?=(?:(?:{'|'.join(_LOWER_ROLES)})|(?-i:{_ROLE_CAPS}))[ \t]+(?P<name>[a-z][a-z'’-]{{2,}})"
    r"(?:[ \t]+(?P<surname>[a-z][a-z'’-]+))?(?![\w'’-]))"  # looked at, not consumed: "student nurse agnieszka"
)
# The same the other way round: a lower-case full name, then the role's abbreviation ("offered gemma ringer
# IDVA info"). The given name must be a known given name or a word no dictionary has.
_LOWER_NAME_ROLE = re.compile(
    rf"(?<![\w'’-])(?P<name>[a-z][a-z'’-]{{2,}})[ \t]+(?P<surname>[a-z][a-z'’-]{{2,}})[ \t]+(?-i:{_ROLE_CAPS})\b"
)
# A child named after a family word, with an age: "her daughter Divine (10)", "son Blessing (4)". The word
# may be an everyday one; nothing else stands there.
_RELATIVE_WITH_AGE = re.compile(
    r"\b(?:daughter|son|child|baby|brother|sister|niece|nephew|grandson|granddaughter|stepson|stepdaughter|twin)s?"
    r"[ \t]+(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?=[ \t]*\((?:aged[ \t]+)?\d{1,2}(?:[ \t]*(?:yrs?|years?|m|months?))?\))"
)
# A legend of initials: "BH = Bev Howes (office)", "GL = Georgia Lake".
_INITIALS_LEGEND = re.compile(rf"\b(?P<initials>[A-Z]{{2,4}})[ \t]*=[ \t]*(?P<run>[A-Z][a-z'’-]+(?:[ \t]+{NAME_TOKEN}){{1,2}})")
# A form's field, then a full name whose words no dictionary has: "MASH health: Hina Qaderi   MASH education:".
_FIELD_VALUE = re.compile(r":[ \t]+(?P<run>[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+)(?=[ \t]{2,}|[ \t]*$|[ \t]*[|;])", re.MULTILINE)
# Both in capitals: "STANKEVICIUS, VYTAUTAS".
_REVERSED_CAPS = re.compile(r"(?<![\w'’-])(?P<run>(?P<surname>[A-Z]{3,}(?:-[A-Z]{2,})?),[ \t]*(?P<given>[A-Z]{3,}))(?![\w'’-])")
SCORE = 0.55


@recogniser
class CuedNameRecogniser(ScrRecogniser, LocalRecognizer):
    code = "cued_name"
    description = "Capitalised names next to a role, a salutation or a bracketed role ('Midwife Bronwen Pritchard')"

    def __init__(self, english: EnglishWords | None = None) -> None:
        self.english = english or EnglishWords()
        super().__init__(supported_entities=["PERSON"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> CuedNameRecogniser:
        return cls(context.english)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found: dict[tuple[int, int], None] = {}
        nicknames: list[tuple[int, int]] = []
        after_person_cue: set[tuple[int, int]] = set()
        for cue in _CUE.finditer(text):
            span = _name_at(text, cue.end())
            if span:
                found[span] = None
                if " ".join(cue.group("cue").lower().split()) in _PERSON_CUES:
                    after_person_cue.add(span)
        spans = lower_case_spans(text)
        for match in _LOWER_CUED.finditer(text):
            name = match.group("name")
            in_notes = any(s <= match.start() and match.end() <= e for s, e in spans)
            # Outside hurried notes only a word no dictionary has ("+ friend vinnie, waited outside").
            if (in_notes and (is_first_name(name) or name in ORDINARY_WORD_NAMES)) or not (
                    known_word(name) or self.english.common(name)):
                found[(match.start("name"), match.end("name"))] = None
        for match in _LOWER_ROLE_NAME.finditer(text):
            name, surname = match.group("name"), match.group("surname")
            if not self._unknown_lower(name):
                continue
            # The surname may be a short noun of some dictionary ("lis") when the note ends there.
            end = match.end("name")
            if surname and (self._unknown_lower(surname) or (
                    self._unknown_lower(surname, nouns=False) and re.match(r"[ \t]*(?:[.,;:)]|$)", text[match.end("surname"):]))):
                end = match.end("surname")
            found[(match.start("name"), end)] = None
        for match in _LOWER_NAME_ROLE.finditer(text):
            name, surname = match.group("name"), match.group("surname")
            if ((is_first_name(name) and name not in ORDINARY_WORD_NAMES) or self._unknown_lower(name)) and (
                    self._unknown_lower(surname, nouns=False) and surname not in STOP_WORDS):
                found[(match.start("name"), match.end("surname"))] = None
        for match in _RELATIVE_WITH_AGE.finditer(text):
            if not known_word(match.group("name")):
                nicknames.append((match.start("name"), match.end("name")))  # whatever word it is
        for match in _INITIALS_LEGEND.finditer(text):
            if not known_word(match.group("run").split()[0]):
                # A legend says who the initials are: both are a person, whatever words the name holds.
                nicknames += [(match.start("run"), match.end("run")), (match.start("initials"), match.end("initials"))]
        for match in _FIELD_VALUE.finditer(text):
            words = match.group("run").split()
            if all(not known_word(w) and (is_first_name(w) or not self.english.common(w)) for w in words):
                found[(match.start("run"), match.end("run"))] = None
        for match in _REVERSED_TITLED.finditer(text):
            nicknames.append((match.start("run"), match.end("run")))
        for match in _REVERSED_CAPS.finditer(text):
            surname, given = match.group("surname"), match.group("given")
            if all(not (known_word(w) or w in COMMON_ABBREVIATIONS or self.english.common(w.lower()))
                   for w in (surname, given)):  # "PETRAUSKAS, MAJOR INCIDENT TEAM": a list, not a name
                found[(match.start("run"), match.end("run"))] = None
        for match in _BRACKETED_ROLE.finditer(text):
            role_words = re.findall(r"[A-Za-z']+", match.group("role").lower())
            if role_words and role_words[0] in ROLE_WORDS | {"emergency", "paramedic", "chair", "pharmacist"}:
                if re.search(r"[ \t](?:[A-Z][\w'’-]*)$", match.group("run")) and not name_like(match.group("run").split()[-1]):
                    continue  # "Pennine Valley Homes (housing officer)": the employer, not the person
                span = _trim_run(text, match.start("run"), match.end("run"))
                if span:
                    found[span] = None
        for match in _APPOSITIVE_ROLE.finditer(text):
            role_words = match.group("role").lower().split()
            if role_words[-1] in _APPOSITIVE_HEADS and all(w in ROLE_WORDS or w in AGENCY_WORDS or w[:1].isalpha()
                                                          for w in role_words):
                span = _trim_run(text, match.start("run"), match.end("run"))
                if span and len(re.findall(r"\S+", text[span[0]:span[1]])) >= 2:
                    found[span] = None
        for match in _QUOTED_NICKNAME.finditer(text):
            span = _trim_run(text, match.start("run"), match.end("run"))
            if span:
                found[span] = None
            if not match.group("nick").isupper() and not known_word(match.group("nick")):
                nicknames.append((match.start("nick"), match.end("nick")))  # not 'Team Around the Family ("TAF")'
        for match in _NAME_WITH_AGE.finditer(text):
            span = _trim_run(text, match.start("run"), match.end("run"))
            if span:
                found[span] = None
        for match in _GIVEN_CAPS.finditer(text):
            given, surname = match.group("run").split()
            if is_first_name(given) and surname not in COMMON_ABBREVIATIONS and not known_word(surname.lower()):
                found[(match.start("run"), match.end("run"))] = None
        for match in _REVERSED.finditer(text):
            surname, given = match.group("surname"), match.group("given")
            parts = surname.split("-")
            # A surname that is also an everyday noun ("SWEETING, Jade", "BAKER, Emma") counts before a
            # given name that is nothing else; not an adjective or a verb ("URGENT, Kelly rang").
            plain_given = is_first_name(given) and not self.english.common(given.lower())
            if (len(surname) >= 3 and not any(known_word(p) or p in COMMON_ABBREVIATIONS
                                              or (self.english.common(p.lower())
                                                  and not (plain_given and p.lower() not in self.english.other))
                                              for p in parts)
                    and (is_first_name(given) or not (known_word(given) or given.lower() in STOP_WORDS
                                                      or any(f in self.english.other for f in singulars(given))))):
                found[(match.start("run"), match.end("run"))] = None
        for match in _DAY_GIVEN.finditer(text):
            surname = match.group("surname")
            if name_like(surname) and not self.english.common(surname):
                found[(match.start("run"), match.end("run"))] = None
        for match in _HONORIFIC_AFTER.finditer(text):
            if not known_word(match.group("run")) and match.group("run").lower() not in STOP_WORDS:
                nicknames.append((match.start("run"), match.end("run")))
        for match in _NICKNAME_INSIDE.finditer(text):
            nicknames.append((match.start("run"), match.end("run")))
        for match in _BRACKETED_NAME.finditer(text):
            first, last = match.group("run").split()[0], match.group("run").split()[-1]
            if is_first_name(first) and name_like(last):
                found[(match.start("run"), match.end("run"))] = None
        for match in _AFTER_ROLE_BRACKET.finditer(text):
            before = re.findall(r"[A-Za-z']+", text[max(0, match.start() - 30):match.start()].lower())
            if before and before[-1] in ROLE_WORDS:
                span = _name_at(text, match.start("run"), whole=match.end("run"))
                if span:
                    found[span] = None
        # A nickname given in quotes after a name is a name whatever word it is.
        return [
            result("PERSON", s, e, SCORE, "pattern", None, recogniser_name=self.code)
            for s, e in found
            if self._could_be_a_name(text, s, e, after_person_cue=(s, e) in after_person_cue)
        ] + [result("PERSON", s, e, SCORE, "pattern", None, recogniser_name=self.code) for s, e in nicknames]

    def _unknown_lower(self, word: str, *, nouns: bool = True) -> bool:
        """A lower-case word no dictionary has: a name typed without its capital ("dorota"). With
        `nouns` False, a noun of the dictionary may count too ("lis")."""
        forms = singulars(word) if nouns else [word]  # "lis" is not the plural of "li"
        return not (known_word(word) or word in STOP_WORDS or word in ORDINARY_WORD_NAMES or word in COMPANY_WORDS or word in ("co", "uk")
                    or any((nouns and f in self.english.nouns) or f in self.english.other or f in STOP_WORDS
                           for f in forms))

    def _could_be_a_name(self, text: str, start: int, end: int, *, after_person_cue: bool = False) -> bool:
        # "with Media Contacts", "to Guiding Principles": everyday words in Title Case are not a name
        # unless one of them is a given name; a lone noun opening a sentence ("Shin bruising") is a noun.
        words = re.findall(r"[^\W\d_][\w'’-]*", text[start:end])
        if len(words) == 1 and words[0].lower() in ORDINARY_WORD_NAMES and NOUN_AFTER_WORD.match(text, end):
            return False  # "training to Faith groups": the word, describing the noun after it
        if len(words) == 1:
            forms = singulars(words[0])
            if any(f in self.english.other for f in forms) and not is_first_name(words[0]):
                return False
            if any(f in self.english.nouns for f in forms) and at_sentence_start(text, start):
                return False
            if after_person_cue and not at_sentence_start(text, start) and not re.match(r"[ \t]*\d", text[end:]):
                return True  # "brother Paddy", "Thanks Ade": a noun of the dictionary, but a person here
        return any(is_first_name(w) or not self.english.common(w) for w in words)


def _name_at(text: str, position: int, whole: int | None = None) -> tuple[int, int] | None:
    match = _NAME_RUN.match(text, position)
    if not match or (whole is not None and match.end() != whole):
        return None
    span = _trim_run(text, match.start(), match.end())
    if span is None:
        return None
    # The next word in the same name, not a label after a gap ("Bartholomew Hosking    Team: Assessment").
    following = re.match(r"(?:['’]s)?[ ]([A-Za-z'’]+)(?!:)", text[span[1]:span[1] + 30])
    if AGENCY_REST.match(text, span[1]) or AGENCY_TAIL.match(text, span[1]):
        return None  # "to Kernow Drug and Alcohol Service", "Health Visitor, Saltcote 0-19 Service"
    if re.match(r"[ \t]+([A-Z][a-z]+)\b", text[span[1]:]) and re.match(r"[ \t]+([A-Z][a-z]+)", text[span[1]:]).group(1).lower() in ROLE_HEADS:
        return None  # "and Tenancy Sustainment Officer Marisol Pereira": a job title, the name comes after it
    if following and following.group(1)[0].isupper() and following.group(1).lower() in _STOP_AFTER:
        return None  # "with Northshire Police", "to Larch Close": an organisation or a place
    return span


def _trim_run(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Keep the leading name-like words of a run of capitalised words."""
    words = list(re.finditer(r"\S+", text[start:end]))
    kept = []
    for word in words:
        token = word.group()
        if kept and token in PARTICLES:
            continue  # "Femke de Vries"
        if not name_like(token):
            break
        kept.append(word)
    if not kept:
        return None
    last = kept[-1]
    stop = start + last.end()
    stop -= len(re.search(r"(?:['’]s)?$", text[start + last.start():stop]).group())
    return start + kept[0].start(), stop
