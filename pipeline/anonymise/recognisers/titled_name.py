"""Names signalled by the words around them: a title ("Mr Okafor", "DC Shah") or "known as Jonno".

A safety net under the model: the small English model misses unusual and non-English names, but a title
or a "known as" in front of a capitalised word is a reliable sign of a person. The engine labels them like
any unknown person ("Person 4").
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from ...register import Register
from . import RecogniserContext, ScrRecogniser, recogniser, result
from .names import variant_key
from .vocabulary import AGENCY_WORDS, BREED, COMMON_ABBREVIATIONS, ORDINARY_WORD_NAMES, RANKS, ROLE_WORDS
from .wordlists import PARTICLES, EnglishWords, is_first_name, known_word, singulars

# Ranks that are whole words: a full stop after one ends a sentence, unlike "Dr." or "Insp.".
_FULL_WORD_RANKS = frozenset({"nurse", "sister", "inspector", "sergeant", "constable", "superintendent"})
_NAME = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?"
_PATTERNS = (
    # An honorific or a rank, written as one (capitalised; police ranks in capitals), then one to three
    # capitalised words. Honorifics are replaced with the name; ranks stay ("DS Person 3").
    re.compile(
        r"(?<![\w'’])(?:(?P<honorific>Mr[ \t]+(?:and|&)[ \t]+Mrs|Mr|Mrs|Ms|Miss|Mx|Dr|Master|Sir|Dame|Cllr|Rev|Revd|Prof)|%s"
        # A control room's operator or dispatcher, only with a number: "OP 4410 BRAMLEY".
        r"|(?:OP|EMD|Operator|OPERATOR|Dispatcher|DISPATCHER)(?=[ \t]+\d{3,5}[ \t]))\.?[ \t]+"
        # A collar or staff number may stand between: "PC 4417 WOZNIAK", "PS 918 HASSALL".
        r"(?P<collar>\d{2,6}[ \t]+)?"
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
# A command-and-control log in capitals: "CALL HANDLER STACEY DUCKWORTH", "PARAMEDICS S WOLSTENHOLME AND I
# STAN ON SCENE", "SHOPKEEPER SHAMSUL UDDIN SAYS". A role word in capitals, then the name in capitals.
_CAPS_ROLE = re.compile(r"(?<![\w'’])(?P<role>[A-Z]{2,}S?:?)(?=[ \t]+[^\W\d_])")  # "DISPATCHER: N O'DRISCOLL"
_CAPS_TOKEN = re.compile(r"[ \t]+(?P<word>[^\W\d_][\w'’-]*\.?)")
_CAPS_PAIR = re.compile(r"(?<![\w'’-])(?P<given>[A-Z]{2,})(?=[ \t]+(?P<surname>[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?)(?![\w'’-]))")
_LOG_ROLES = frozenset(
    "shopkeeper proprietor caller witness driver paramedics handlers officers pcso sgt insp neighbour "
    "landlord manager supervisor dispatcher operator controller attendant security".split()
)


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
                title = text[match.start():match.start("name")].rstrip()
                if title.endswith(".") and title[:-1].split()[-1].lower() in _FULL_WORD_RANKS:
                    continue  # "Staff Nurse. Pain 8/10": a rank written out ends its sentence, not a name
                words = match.group("name").split()
                if pattern is _PATTERNS[0] and match.group("collar") and words[0].isupper() and (
                        known_word(words[0]) or self.english.common(words[0].lower()) or _caps_verb(words[0], self.english)):
                    continue  # "PC 2281 ATTENDED", "PC 4417 ON SCENE": the log goes on, no name follows
                skipped = 0
                while (len(words) > 1 and len(words[0]) > 1 and words[0][0].isupper()
                       and words[0].lower() in ROLE_WORDS):
                    words.pop(0)  # "Nurse Practitioner Jo Smith": the role is not the name
                    skipped += 1
                if skipped and (known_word(words[0]) or self.english.common(words[0])) and not is_first_name(words[0]):
                    continue  # "Named Nurse Safeguarding Children": a job title all through, nobody's name
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
                    if len(words) == 1 and words[0].lower() in ORDINARY_WORD_NAMES:
                        break  # "Sgt Young", "Nurse Bishop": a surname that is also a role word
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
        found += self._caps_log_names(text) + self._caps_full_names(text)
        for match in _LOWER_TITLE.finditer(text):
            name = re.sub(r"(?:['’]s|['’])$", "", match.group("name"))
            end = match.start("name") + len(name)
            # "dr faisal al-haddad": a given name the dictionary also has as a noun (WordNet lists famous
            # people) counts when a surname no dictionary has follows it.
            surname = re.match(r"[ \t]+([a-z][a-z'’]*(?:-[a-z][a-z'’]+)?)(?![\w'’-])", text[end:])
            if surname and not any(f in self.english.other or f in STOP_WORDS for f in singulars(name)) \
                    and not known_word(name) and self._unknown_lower(surname.group(1)):
                end += surname.end()  # "dr tariq al-masri": the surname too
            elif len(name) < 3 or known_word(name) or variant_key(name) in self.pseudonyms or (
                    self.english.common(name) and not (
                        # After "mr", "mrs", "ms", "miss" a noun is a surname ("mrs jones", "mr baker");
                        # "dr" is also "drive", and "dr surgery" is not a person.
                        (match.group("honorific") or "").lower() in ("mr", "mrs", "ms", "miss", "mx")
                        and not any(f in self.english.other or f in STOP_WORDS for f in singulars(name)))):
                continue
            start = match.start() if match.group("honorific") else match.start("name")
            found.append(result("PERSON", start, end, SCORE, "pattern", None, recogniser_name=self.code))
        return found


    def _unknown_lower(self, word: str) -> bool:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(
            not (known_word(p) or p in STOP_WORDS or p in PARTICLES or self.english.common(p)) or (p in PARTICLES and len(parts) > 1)
            for p in parts) and not all(p in PARTICLES for p in parts)

    def _caps_log_names(self, text: str) -> list[RecognizerResult]:
        found = []
        for match in _CAPS_ROLE.finditer(text):
            role = match.group("role").lower().rstrip(":")
            if role not in ROLE_WORDS and role.rstrip("s") not in ROLE_WORDS and role not in _LOG_ROLES:
                continue
            position = match.end()
            while True:  # "S WOLSTENHOLME AND I STAN": two people after one role
                words = []
                for token in _CAPS_TOKEN.finditer(text, position):
                    if token.start() != position:
                        break
                    word = token.group("word").rstrip(".")
                    if not self._caps_name_word(word, first=not words,
                                                after_initial=bool(words) and len(words[-1].group("word").rstrip(".")) == 1):
                        break
                    words.append(token)
                    position = token.end()
                    if len(words) == 3:
                        break
                if words and len(words[-1].group("word").rstrip(".")) == 1:
                    words.pop()  # an initial needs a surname after it
                if words:
                    start, end = words[0].start("word"), words[-1].end("word")
                    found.append(result("PERSON", start, end, SCORE, "pattern", None, recogniser_name=self.code))
                joined = re.match(r"[ \t]+(?:AND|&|\+)(?=[ \t])", text[position:])
                if not words or not joined:
                    break
                position += joined.end()
        return found


    def _caps_full_names(self, text: str) -> list[RecognizerResult]:
        """A given name and a surname in a line of capitals, wherever they stand: "RESEARCHED BY: JADE
        STURMAN", "HAS TOLD KYLE POINTER THAT". The given name must be one (a census given name that is no
        everyday word, or one followed by a surname no dictionary has); the surname may be a noun."""
        found = []
        for match in _CAPS_PAIR.finditer(text):
            given, surname = match.group("given"), match.group("surname")
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            letters = [c for c in line if c.isalpha()]
            if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
                continue  # only in a line of capitals: elsewhere capitals are headings or abbreviations
            if BREED.fullmatch(f"{given} {surname}"):
                continue  # "JACK RUSSELL": a dog
            contact = re.search(r"(?:\b(?:TO|WITH|BY|FROM|CALLED|SAW|RANG)|:)[ \t]+$", text[max(0, match.start() - 8):match.start()])
            plain_given = not (known_word(given) or given in COMMON_ABBREVIATIONS or given.lower() in STOP_WORDS) and (
                not self.english.common(given.lower())
                or (contact and not any(f in self.english.other for f in singulars(given.lower()))))
            if plain_given and not (known_word(surname) or surname in COMMON_ABBREVIATIONS or surname.lower() in STOP_WORDS
                                    or self.english.common(surname.lower())):
                # "SPOKE TO SIAN PROSSER": a surname no dictionary has after a given name, in a log in
                # capitals (the given name may be a noun of the dictionary after "TO", "WITH", "BY").
                found.append(result("PERSON", match.start(), match.end("surname"), SCORE, "pattern", None,
                                    recogniser_name=self.code))
                continue
            if not is_first_name(given) or known_word(given) or given in COMMON_ABBREVIATIONS:
                continue
            low = surname.lower()
            if (known_word(surname) or low in STOP_WORDS or _caps_verb(surname, self.english)
                    or surname in COMMON_ABBREVIATIONS):
                continue
            everyday_given = given.lower() in ORDINARY_WORD_NAMES or self.english.common(given.lower())
            if everyday_given and self.english.common(low):
                continue  # "MAY BE", "GRACE PERIOD", "ROSE GARDEN": two words
            found.append(result("PERSON", match.start(), match.end("surname"), SCORE, "pattern", None,
                                recogniser_name=self.code))
        return found

    def _caps_name_word(self, word: str, *, first: bool, after_initial: bool) -> bool:
        """A word in capitals that can be part of a name in a log: an initial opening it, a word no
        dictionary has ("DUCKWORTH"), a given name ("STACEY"), or after an initial a surname that is
        also a word ("A YOUNG"). Verbs, function words and other everyday words end the name."""
        if not word.isupper():
            return False
        if len(word) == 1:
            return first
        low = word.lower()
        if low in STOP_WORDS or _caps_verb(word, self.english):
            return False
        if after_initial and low in ORDINARY_WORD_NAMES:
            return True
        if known_word(word) or low in ROLE_WORDS:
            return False
        return is_first_name(word) or not self.english.common(low)


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
