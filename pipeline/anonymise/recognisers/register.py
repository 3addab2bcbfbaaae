"""The case register: every person and place the board has listed, in every form a writer uses.

A register person is found by full name, first name, surname, first + last name, title + surname
("Mrs Harrington", "DC Shah"), ALL CAPS and lower case, hyphenated and apostrophe names, and their initials
when no other register person shares them. Names that are also words (Grace, Will, Rose) are only taken
when written as a name. Possessives keep their grammar: only the name is replaced, so "Poppy's" becomes
"Child A's".

Shared surnames: "Harrington" alone may be the mother, the grandmother or the child. A title narrows it
("Mrs" excludes men and children, "Mr" women and children, "Master" means a boy); if exactly one person
remains they get their pseudonym. If several remain we do not guess – a wrong pseudonym misleads the
reader – and write "a family member" (or "[name]" when they are not all family). The name is always
replaced: ambiguity is never a reason to leave it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import LocalRecognizer, RecognizerResult

from ...register import Person, Place, Register
from . import RecogniserContext, ScrRecogniser, recogniser, result
from .names import VariantTable, after_quantity, at_sentence_start, is_initials, lower_case_spans, used_as_word, variant_key
from .wordlists import EnglishWords, is_first_name, known_word
from .vocabulary import (
    STREET_ABBREVIATIONS,
    ADULT_TITLES,
    CHILD_ROLE_WORDS,
    COMMON_ABBREVIATIONS,
    FAMILY_ROLE_WORDS,
    FEMALE_ROLE_WORDS,
    FEMALE_TITLES,
    MALE_ROLE_WORDS,
    MALE_TITLES,
    ROLE_WORDS,
    STREET_TYPES,
    TITLES,
)

_PLACE_SUFFIX = re.compile(
    r"\s+(?:(?:primary|infant|junior|secondary|high|c of e|church of england|catholic)\s+)*"
    r"(?:school|academy|nursery|surgery|medical centre|health centre|practice|hospital|children's centre)$",
    re.IGNORECASE,
)
# "Mr Kershaw-Bland", "Nanna Pat": a title or a family word comes first, not a first name.
_NOT_FIRST_NAMES = frozenset(TITLES) | ROLE_WORDS
_HOUSE_NUMBER = re.compile(r"^(?:flat\s+\w+,?\s+)?\d+[a-z]?,?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    pseudonym: str
    entity_type: str  # PERSON or PLACE
    gender: str | None = None  # "f", "m" or None when the register does not say
    child: bool = False
    family: bool = False


def person_target(person: Person) -> Target:
    words = set(re.findall(r"[a-z]+", f"{person.role or ''} {person.pseudonym}".lower()))
    gender = "f" if words & FEMALE_ROLE_WORDS else "m" if words & MALE_ROLE_WORDS else None
    return Target(
        pseudonym=person.pseudonym,
        entity_type="PERSON",
        gender=gender,
        child=bool(words & CHILD_ROLE_WORDS) or "subject" in words,
        family=bool(words & FAMILY_ROLE_WORDS) or "subject" in words,
    )


def build_person_table(people: tuple[Person, ...], table: VariantTable, offset: int = 0) -> None:
    for index, person in enumerate(people, start=offset):
        for name in person.all_names:
            table.add_name(name, index)
        # Any first name or nickname with any surname: "Poppy-Mae Harrington", "Pops Harrington".
        firsts = {
            n.split()[0] for n in person.all_names
            if not is_initials(n) and n.split()[0].lower().rstrip(".") not in _NOT_FIRST_NAMES
        }
        lasts = {n.split()[-1] for n in person.all_names if len(n.split()) > 1 and not is_initials(n)}
        for first in firsts:
            for last in lasts:
                if first != last:
                    table.add(f"{first} {last}", index, "any case")
        # An initial with the surname ("C. Whitfield", "Miss C Whitfield") picks out one of several
        # people who share the surname.
        for last in lasts:
            for first in firsts:
                table.add(f"{first[0]}. {last}", index, "any case")
        surname = person.name.split()[-1] if len(person.name.split()) > 1 else None
        if surname and not is_initials(surname):
            table.add(f"the {surname}s", index, "any case", fixed="the family")
            for noun in ("family", "household", "children", "home"):
                table.add(f"{surname} {noun}", index, "any case", fixed=noun)
    _add_initials(people, table, offset)
    _add_family_words(people, table, offset)


def _add_family_words(people: tuple[Person, ...], table: VariantTable, offset: int) -> None:
    # "Nana" on its own when the register knows her as "Nana Bren": what the child calls her is her name
    # in the child's words ('kept asking for "Nana"'). Only when one register person is called that way,
    # and only written as a name; lower-case "nana" stays the everyday word.
    owners: dict[str, set[int]] = {}
    for index, person in enumerate(people, start=offset):
        for name in person.all_names:
            tokens = name.split()
            if len(tokens) >= 2 and tokens[0].lower() in FAMILY_ROLE_WORDS and tokens[0][:1].isupper():
                owners.setdefault(tokens[0], set()).add(index)
    for word, who in owners.items():
        if len(who) == 1:
            table.add(word, next(iter(who)), "name case", in_lower_case_notes=False)


def _add_initials(people: tuple[Person, ...], table: VariantTable, offset: int) -> None:
    # Initials are only safe when exactly one register person has them and they are not a common
    # abbreviation ("SW" is a social worker, "CP" child protection).
    owners: dict[str, set[int]] = {}
    for index, person in enumerate(people, start=offset):
        tokens = [t for t in re.split(r"[\s-]+", person.name) if t[:1].isalpha()]
        if len(tokens) < 2:
            continue
        forms = {tokens[0][0] + tokens[-1][0], "".join(t[0] for t in tokens)}
        given = person.name.split()[0]
        if "-" in given:  # "EM" for Ellie-Mae: a hyphenated given name's own initials
            forms.add("".join(piece[:1] for piece in given.split("-") if piece))
        for form in forms:
            owners.setdefault(form.upper(), set()).add(index)
    for letters, who in owners.items():
        if len(who) == 1 and letters not in COMMON_ABBREVIATIONS:
            table.add(letters, next(iter(who)), "initials")
    # Hyphenated names' initials written with their hyphens: "H-R F-T" for Honey-Rae Fonseca-Tavares.
    for index, person in enumerate(people, start=offset):
        words = person.name.split()
        if len(words) >= 2 and any("-" in w for w in words):
            form = " ".join("-".join(piece[:1].upper() for piece in w.split("-") if piece) for w in words)
            table.add(form, index, "any case")
            # A hyphenated given name by its initials alone, before the surname: "Mr J-J McDonagh".
            if "-" in words[0]:
                given = "-".join(piece[:1].upper() for piece in words[0].split("-") if piece)
                table.add(f"{given} {words[-1]}", index, "any case")


def build_place_table(places: tuple[Place, ...], table: VariantTable, offset: int) -> None:
    for index, place in enumerate(places, start=offset):
        for name in place.all_names:
            table.add(name, index, "any case")
            first_part = name.split(",")[0].strip()
            table.add(first_part, index, "any case")
            street = _HOUSE_NUMBER.sub("", first_part)
            if street != first_part and street.split()[-1:] and street.split()[-1].title() in STREET_TYPES:
                table.add(street, index, "any case")
            for part in name.split(","):
                # "17 ropewalk yd" for "17 Ropewalk Yard": the street word as forms and notes shorten it.
                part = part.strip()
                for written in {part, _HOUSE_NUMBER.sub("", part)}:
                    for full, short in STREET_ABBREVIATIONS.items():
                        if written.endswith(" " + full):
                            table.add(written[: -len(full)] + short, index, "any case")
            for part in name.split(","):
                # "the young mum from Tanners": a court or a yard named after someone ("Tanner's Court")
                # is called by that possessive alone, with or without its apostrophe.
                words = _HOUSE_NUMBER.sub("", part.strip()).split()
                if len(words) == 2 and words[1].title() in STREET_TYPES and re.fullmatch(r"[A-Z][a-z]+['’]s", words[0]):
                    table.add(words[0], index, "name case")
                    table.add(re.sub(r"['’]s$", "s", words[0]), index, "name case")
            # "Oakfield Primary" for "Oakfield Primary School"; never a single word, which is usually
            # the town ("Eastbridge" for "Eastbridge Children's Centre").
            short = _PLACE_SUFFIX.sub("", first_part)
            if short != first_part and len(short.split()) >= 2:
                table.add(short, index, "any case")


@recogniser
class RegisterRecogniser(ScrRecogniser, LocalRecognizer):
    code = "register"
    description = "People and places in the case register, with their variants, replaced by their pseudonyms"

    def __init__(self, register: Register, english: EnglishWords | None = None) -> None:
        self.english = english or EnglishWords()
        self.targets: list[Target] = [person_target(p) for p in register.people]
        self.targets += [Target(p.pseudonym, "PLACE") for p in register.places]
        self.table = VariantTable()
        build_person_table(register.people, self.table)
        build_place_table(register.places, self.table, offset=len(register.people))
        # A nursery or club called by its name without the everyday word in front ("Puffins" for "Little
        # Puffins Nursery"), written as a name.
        _add_place_short_names(register.places, self.table, offset=len(register.people))
        for variant in self.table.variants.values():
            # A nickname that is an everyday word ("Bug", "Bean", "Pip") is the person only when written
            # as a name; "a tummy bug" is the word. In notes typed without capitals it is still taken.
            if (variant.kind == "any case" and " " not in variant.text and variant.text[:1].isupper()
                    and all(i < len(register.people) for i in variant.targets)
                    and _everyday(variant.text.lower(), self.english) and not is_first_name(variant.text)):
                variant.kind = "name case"
        self.regex = self.table.compile(bare_possessive=True)
        self.lower_case_regex = self.table.compile(lower_case_text=True, bare_possessive=True)
        # Which written forms are only ever a surname, and each person's first names and initials: a
        # surname after an unknown first name ("Kieran O'Sullivan") is a relative nobody registered.
        self.first_names = [_first_names(p) for p in register.people]
        self.surnames = {
            variant_key(n.split()[-1]) for p in register.people for n in p.all_names if len(n.split()) > 1
        } - set().union(*self.first_names)
        # What the initials of each person's surname look like ("P-R" for Penhaligon-Rowe).
        self.surname_initials = [
            {"".join(piece[:1].upper() for piece in n.split()[-1].split("-"))
             for n in p.all_names if len(n.split()) > 1 and not is_initials(n)}
            for p in register.people
        ]
        # Initials owned by one person but also a common abbreviation ("CPR"): taken only in a list of
        # the family's initials ("HPR / CPR").
        self.doubtful_initials = _doubtful_initials(register.people)
        super().__init__(supported_entities=["PERSON", "PLACE"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> RegisterRecogniser:
        return cls(context.register, context.english)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        if self.regex is None:
            return self._single_letters(text, [])  # letters signing off a message, register or not
        found = []
        for match in self._matches(text):
            variant = self.table.lookup(match.group("name"))
            if variant is None:
                continue
            if match.group("bare_s") and (variant.kind == "initials" or self._word_with_s(match)):
                continue  # "wills", "roses": a word; "nats mum" is Nat's mum with the apostrophe left out
            if variant.kind != "initials" and after_quantity(text, match.start("name"), match.end("name")):
                continue  # "in bathroom 1 min": a unit, even where Min is a registered name
            if variant.kind == "name case" and used_as_word(text, match) and not (
                    match.group("name").islower() and _FAMILY_BEFORE.search(text, max(0, match.start() - 10), match.start())):
                continue  # "ur mum mo": after a family word the name, whatever else the word means
            end = match.start("bare_s") if match.group("bare_s") else match.end()
            relative = self._unregistered_relative(text, match, variant.targets)
            if relative is not None:
                found.append(result("PERSON", relative, end, 1.0, "relative", None, recogniser_name=self.code))
                continue
            targets, end = self._initial_after(text, match, variant.targets, end)
            entity_type, replacement = self._resolve(targets, match.group("title"), variant.fixed)
            start = match.start()
            if entity_type == "PLACE":
                number = _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 16), start)
                if number:
                    start = number.start()  # "12 Ashgrove House" when the register has "Ashgrove House"
            gap = re.search(r"[ \t]{2,}(?=[A-Za-z]{1,2}$)", text[start:end])
            if gap:
                end = start + gap.start()  # "L-M   MRN": a column gap, then the next column's first letter
            title = (match.group("title") or "").strip().rstrip(".").lower()
            if title in FAMILY_ROLE_WORDS and all(self.targets[i].family for i in variant.targets):
                start = match.start("name")  # "Sister Poppy" is her sister, not a nurse: the word stays
            found.append(
                result(entity_type, start, end, 1.0, "register", replacement, recogniser_name=self.code)
            )
        return found + self._doubtful_initials_in_lists(text, found) + self._single_letters(text, found)

    def _single_letters(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """A person called by one letter in notes ("bruises on B's upper arm", "spoke to S after our call"):
        only where a name stands (a possessive, or after "to", "with", "told"...), and only when one register
        person has a first name with that letter (if several have, the letter becomes "[name]")."""
        extra = []
        matches = [(m, False) for pattern in _SINGLE_LETTERS for m in pattern.finditer(text)]
        matches += [(m, True) for pattern in _SIGN_OFF_LETTERS for m in pattern.finditer(text)]
        for match, signed in matches:
            letter = match.group("letter")[0].lower()
            at = match.start("letter")
            if _LETTERED_BEFORE.search(text, max(0, at - 20), at):
                continue  # "Plan B's", "vitamin D"
            if re.search(r"(?<![\w'’])[A-Z]\.?[ \t]+$", text[max(0, at - 4):at]):
                continue  # "K B's mum": the second of someone's two initials
            owners = {i for i, names in enumerate(self.first_names) if any(n[:1] == letter for n in names)}
            if (owners or signed) and not any(r.start <= match.start() < r.end for r in found):
                # Two register people with that letter ("C" for Chance or Chukwuemeka): the letter still
                # goes, as a neutral "[name]", rather than being pinned on the wrong one.
                pseudonym = self.targets[next(iter(owners))].pseudonym if len(owners) == 1 else AMBIGUOUS_LETTER
                extra.append(result("PERSON", match.start("letter"), match.end("letter"), 1.0, "register",
                                    pseudonym, recogniser_name=self.code))
        return extra

    def _initial_after(self, text: str, match: re.Match[str], targets: set[int], end: int) -> tuple[set[int], int]:
        """An initial written after the name is part of it: "PENHALIGON-ROWE K" (surname, then the first
        initial, as on tenancy and police systems) picks out the one person with that initial, and
        "Honey P-R" (first name, then the surname's initials) is one person too."""
        if match.group("bare_s"):
            return targets, end
        people = [i for i in targets if i < len(self.first_names)]
        after = _TRAILING_INITIAL.match(text, end)
        if after and people and variant_key(match.group("name")) in self.surnames:
            letter = after.group("letter").lower()
            fit = {i for i in people if any(n[:1] == letter for n in self.first_names[i])}
            if fit:
                return fit, after.end("letter")
        after = re.match(r"[ \t]+(?P<letter>[a-zA-Z])\.?(?![\w'’-])", text[end:end + 4])
        if after and people and after.group("letter").upper() != "I" and not (
                after.group("letter") == "a" and not at_sentence_start(text, match.start())):
            fit = {i for i in people if any(n[:1] == after.group("letter").upper() for n in self.surname_initials[i])}
            if fit:
                return fit, end + after.end("letter")  # "hazel d", "Kez P": the surname's initial
        after = _TRAILING_SURNAME_INITIALS.match(text, end)
        if after and people:
            letters = re.sub(r"[.\s]", "", after.group("letters")).replace("-", "")
            fit = {i for i in people if letters in self.surname_initials[i]}
            if fit:
                return fit, after.end("letters")
        return targets, end

    def _doubtful_initials_in_lists(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        if not self.doubtful_initials:
            return []
        extra = []
        for match in re.finditer(r"(?<![\w'’-])(?P<letters>[A-Z]{2,4})(?![\w'’-])", text):
            index = self.doubtful_initials.get(match.group("letters"))
            if index is None:
                continue
            near = [r for r in found if r.recognition_metadata.get("scr_source") == "register"
                    and is_initials(text[r.start:r.end])
                    and (_LIST_JOIN.fullmatch(text[r.end:match.start()]) or _LIST_JOIN.fullmatch(text[match.end():r.start]))]
            if near:
                extra.append(result("PERSON", match.start(), match.end(), 1.0, "register",
                                    self.targets[index].pseudonym, recogniser_name=self.code))
        return extra

    def _matches(self, text: str) -> list[re.Match[str]]:
        """Every written form, and in lines typed without capitals (a whole note, or one hurried line in
        a document written properly) the lower-case forms of names that are also words ("nat", "pat")."""
        matches = {(m.start(), m.end()): m for m in self.regex.finditer(text)}
        spans = lower_case_spans(text)
        for match in self.lower_case_regex.finditer(text):
            if any(start <= match.start() and match.end() <= end for start, end in spans) or self._lower_case_name(
                    text, match):
                matches.setdefault((match.start(), match.end()), match)
        return [matches[key] for key in sorted(matches)]

    def _lower_case_name(self, text: str, match: re.Match[str]) -> bool:
        """A registered name in lower case outside hurried notes, where only the person fits: after a family
        word ("nan hazel") or with the initial of the person's surname after it ("hazel d")."""
        if not match.group("name").islower():
            return False
        if _FAMILY_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            return True
        after = re.match(r"[ \t]+([a-z])(?![\w'’-])", text[match.end():match.end() + 4])
        variant = self.table.lookup(match.group("name"))
        return bool(after and variant) and any(
            after.group(1).upper() in initials[:1] for i in variant.targets if i < len(self.surname_initials)
            for initials in self.surname_initials[i])

    def _word_with_s(self, match: re.Match[str]) -> bool:
        word = match.group("name") + (match.group("tail") or "") + "s"
        return known_word(word) or self.english.common(word)

    def _unregistered_relative(self, text: str, match: re.Match[str], targets: set[int]) -> int | None:
        """Start of "Kieran O'Sullivan" / "Mr K. O'Sullivan" when the first name or initial before a
        registered surname belongs to none of the people with that surname; None otherwise."""
        if match.group("title") or variant_key(match.group("name")) not in self.surnames:
            return None
        before = _FIRST_BEFORE.search(text[max(0, match.start() - 40):match.start()])
        if not before:
            return None
        first = before.group("first").rstrip(".")
        if len(first) > 1 and (known_word(first) or not first[0].isupper()):
            return None
        owners = [self.first_names[i] for i in targets if i < len(self.first_names)]
        key = variant_key(first)
        if any(key in names or (len(key) == 1 and any(n[:1] == key for n in names)) for names in owners):
            return None
        return match.start() - len(before.group())

    def _resolve(self, indices: set[int], title: str | None, fixed: str | None) -> tuple[str, str]:
        candidates = [self.targets[i] for i in sorted(indices)]
        people = [c for c in candidates if c.entity_type == "PERSON"]
        if fixed is not None:
            return ("PERSON" if people else "PLACE"), fixed
        if title and people:
            candidates = _fit_title(people, title.strip().rstrip(".").lower()) or people
        pseudonyms = {c.pseudonym for c in candidates}
        entity_type = "PERSON" if any(c.entity_type == "PERSON" for c in candidates) else "PLACE"
        if len(pseudonyms) == 1:
            return entity_type, candidates[0].pseudonym
        if entity_type == "PLACE":
            return entity_type, "[place]"
        if all(c.family for c in candidates if c.entity_type == "PERSON"):
            return entity_type, "a family member"
        return entity_type, "[name]"


# "12 Ashgrove House", "Flat 2 17 Ropewalk Yard", "2/17 Ropewalk Yd": a flat or house number before the name.
_HOUSE_NUMBER_BEFORE = re.compile(
    r"(?<![\w/£$.,])(?:(?:Flat|Apartment|Unit|FLAT)[ \t]+)?(?:\d{1,4}[A-Za-z]?,?[ \t]+|\d{1,4}[A-Za-z]?/)$"
)
# "nan hazel", "ur mum mo": a family word, then the registered name in lower case.
_FAMILY_BEFORE = re.compile(
    r"(?<![\w'’-])(?:nan|nana|nanna|gran|granny|grandad|grandma|aunty|auntie|aunt|uncle|mum|mam|mom|mummy|dad|"
    r"daddy|sister|sis|brother|bro|cousin|baby)[ \t]+$"
)
# "B's upper arm"; "spoke to S after our call": a person called by a capital letter (not A or I, which are
# words), where a name stands: a possessive, or after a verb of contact.
AMBIGUOUS_LETTER = "[name]"
_SINGLE_LETTERS = (
    re.compile(r"(?<![\w'’.-])(?P<letter>[B-HJ-Z])(?=['’]s\b)"),
    re.compile(r"\b(?i:to|with|told|asked|saw|see|seen|tel|rang|says|said|contact)[ \t]+(?P<letter>[B-HJ-Z])"
               r"(?=[ \t]+(?:after|about|at|in|on|re|today|yesterday)\b|[,;]|[ \t]+[-–—][ \t]|[ \t]+[\"“‘])"),
    # The subject of a clause, before what the person did: "head height, K says", "– B said", "and B has
    # talked", "K denied, D not there".
    re.compile(r"(?:[,;–—]|(?<![\w-])-|\b(?:and|but|that|says|said|because|when|if|as))[ \t]+(?P<letter>[B-HJ-Z])"
               r"(?=[ \t]+(?:not|has|had|is|was|were|will|would|can|could|did|does|didn't|doesn't|isn't|wasn't|"
               r"said|says|say|denied|denies|cancelled|agreed|refused|reported|stated|told|wants|wanted|went|came|"
               r"left|seemed|looked|appeared|seen|w/)\b)"),
    # The object at a clause's end: "No sign of D.", "no contact D w/ children", "Tel K – said".
    re.compile(r"\b(?i:of|contact|from|for|with|about|to|saw|seen|tel|re|rang|phoned|called|texted|emailed|met|visited)"
               r"[ \t]+(?P<letter>[B-HJ-Z])"
               r"(?=[ \t]*(?:[.,;:)!?](?![\w])|$)|[ \t]+w/|[ \t]+[-–—][ \t])", re.MULTILINE),
    # Two people by their letters: "bunk for L + T".
    re.compile(r"(?<![\w'’.&+-])(?P<letter>[B-HJ-Z])(?=[ \t]+\+[ \t]+[B-HJ-Z](?![\w'’&-]))"),
    re.compile(r"(?<=[B-HJ-Z][ \t]\+[ \t])(?P<letter>[B-HJ-Z])(?![\w'’&+-])"),
    # Before a quotation of what the person said: 'K: "Brandon pushed her"'.
    re.compile(r"(?<![\w'’.-])(?P<letter>[B-HJ-Z])(?=:[ \t]*[\"“‘])"),
    re.compile(r"\b(?:drove|took|collected|dropped|brought|fetched)[ \t]+(?P<letter>[B-HJ-Z])(?=[ \t]+(?:to|from|home|in)\b)"),
    # Opening a dated entry or a sentence, before what the person did or had: "20/12/24 B chest infection",
    # "first day back. C late as...".
    re.compile(r"(?:^[ \t]*\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?[ \t]+|(?<=[.!?:;–—])[ \t]+)(?P<letter>[B-HJ-Z])"
               r"(?=[ \t]+(?!section|coli|vitamins?|grade|day|list|team|block|wing)[a-z]{3,}\b|[ \t]*[+&][ \t]*[a-z])",
               re.MULTILINE),
    # What is done to or for a person: "give D another chance", "told M to stay", "hit B in the face".
    re.compile(r"\b(?:give|gave|giving|let|tell|ring|rang|phone|phoned|text|texted|call|called|hit|hurt|kicked|slapped|"
               r"grabbed|pushed|leave|left|keep|kept|take|get|got|fed|feed|bathed|changed|put|carried|picked|"
               r"pick|woke|wake)[ \t]+(?P<letter>[B-HJ-Z])"
               r"(?=[ \t]+(?:a|an|the|another|some|his|her|their|back|home|up|down|out|off|over|to|in)\b)"),
    # Quoted or bracketed, before what the person did: '"L has the car"', "(M is with nan)".
    re.compile(r"(?<=[\"“‘(])(?P<letter>[B-HJ-Z])(?=[ \t]+(?:has|had|is|was|will|would|can|could|did|does|said|"
               r"says|wants|took|left|came|went|got|gets|hit|took|shouted)\b)"),
    # The letter with its dot, opening a sentence before what the person said or did: "1:1. J. says he
    # is using less". The dot goes with the letter.
    re.compile(r"(?:^[ \t]*|(?<=[.!?:;–—])[ \t]+)(?P<letter>[B-HJ-Z]\.)(?=[ \t]+(?:says|said|is|was|has|had|"
               r"reports|reported|told|states|stated|denies|denied|agreed|wants|wanted|will|went|came|left)\b)",
               re.MULTILINE),
    # Seen or weighed, then the date or the time: "last seen M 04/12", "weighed B 10:40".
    re.compile(r"\b(?:seen|saw|see|visited|weighed|examined|checked|measured)[ \t]+(?P<letter>[B-HJ-Z])(?=[ \t]+\d)"),
)
# Signing off a message: "07563 210482: - D", "... see you then. - K", "Can you let me know. G". Whoever
# signs so is a person, registered or not: a letter no register person has becomes "[name]" too.
_SIGN_OFF_LETTERS = (
    re.compile(r"(?<=[:.!?])[ \t]*[-–—][ \t]*(?P<letter>[B-HJ-Z])[ \t]*$", re.MULTILINE),
    re.compile(r"(?<=[a-z][.!])[ \t]+(?P<letter>[B-HJ-Z])[ \t]*$", re.MULTILINE),
)
_LETTERED_BEFORE = re.compile(
    r"(?i:\b(?:plan|strep|vitamin|vit|hep|hepatitis|appendix|annex|schedule|section|part|form|category|grade|"
    r"stage|type|level|key|year|class|group|zone|phase|ward|block|room|bay|bed|unit|floor|table|figure|page|"
    r"wing|team|pod|area|site|court|option|step|tier|column|row|box|item|point|exhibit|code|child|sibling|mother|"
    r"father|person|adult|baby|infant|parent|carer|partner|worker|officer|visitor|practitioner|agency)[ \t]+)$"
)
_TRAILING_INITIAL = re.compile(r"[ \t]+(?P<letter>[A-Z])\.?(?![\w'’-])")
_TRAILING_SURNAME_INITIALS = re.compile(r"[ \t]+(?P<letters>[A-Z]\.?(?:-[A-Z]\.?)+)(?![\w'’-])")
_LIST_JOIN = re.compile(r"[ \t]*(?:/|,|&|\+|and)[ \t]*")


_PLACE_ADJECTIVES = frozenset("little busy happy tiny early bright young small first sunny jolly".split())


def _add_place_short_names(places: tuple[Place, ...], table: VariantTable, offset: int) -> None:
    for index, place in enumerate(places, start=offset):
        for name in place.all_names:
            words = _PLACE_SUFFIX.sub("", name.split(",")[0].strip()).split()
            if len(words) == 2 and words[0].lower() in _PLACE_ADJECTIVES and len(words[1]) >= 4:
                table.add(words[1], index, "name case")


def _everyday(word: str, english: EnglishWords) -> bool:
    """An everyday word as written ("bug", "bean"), not merely a plural of one ("mantas")."""
    return word in english.other or (word in english.nouns and not is_first_name(word))


def _doubtful_initials(people: tuple[Person, ...]) -> dict[str, int]:
    owners: dict[str, set[int]] = {}
    for index, person in enumerate(people):
        tokens = [t for t in re.split(r"[\s-]+", person.name) if t[:1].isalpha()]
        if len(tokens) >= 2:
            for form in {tokens[0][0] + tokens[-1][0], "".join(t[0] for t in tokens)}:
                owners.setdefault(form.upper(), set()).add(index)
    return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1 and k in COMMON_ABBREVIATIONS}


_FIRST_BEFORE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?[ \t]+)?(?P<first>[A-Z]\.?|[^\W\d_][\w'’]+(?:-[^\W\d_][\w'’]+)?)[ \t]+$"
)


def _first_names(person: Person) -> set[str]:
    names = set()
    for written in person.all_names:
        tokens = written.split()
        if is_initials(written):
            continue
        if len(tokens) == 1:
            names.add(variant_key(tokens[0]))
        else:
            names.update(variant_key(t) for t in tokens[:-1])
    return names


def _fit_title(people: list[Target], title: str) -> list[Target]:
    if title in MALE_TITLES:
        fit = [p for p in people if p.gender != "f" and (title == "master") == p.child]
    elif title in FEMALE_TITLES:
        # "Miss" is also how records refer to a girl; "Mrs" and "Ms" are adults.
        fit = [p for p in people if p.gender != "m" and (title == "miss" or not p.child)]
    elif title in ADULT_TITLES:
        fit = [p for p in people if not p.child]
    else:
        fit = people
    return fit
