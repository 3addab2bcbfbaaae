"""People written as initials: a sign-off at the end of an entry ("…no concerns. JA") and an initial with
a surname ("M Crowther", "J. Adeyemi").

Health and school records are signed with initials; one surviving "JA" identifies the health visitor
however often her full name was caught. Known abbreviations (GP, SW, CP, DV...) are never taken as
initials, and register people's own initials are left to the register recogniser.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import RecogniserContext, ScrRecogniser, recogniser, result
from .vocabulary import AGENCY_WORDS, COMMON_ABBREVIATIONS, ORDINARY_WORD_NAMES, ROLE_WORDS, SERVICE_ABBREVIATIONS
from spacy.lang.en.stop_words import STOP_WORDS

from .names import at_sentence_start, lower_case_spans
from .wordlists import EnglishWords, is_first_name, known_word, singulars

# Initials alone on the end of a line, after the end of a sentence or a closing quote.
_SIGN_OFF = re.compile(
    r"(?:(?<=[.!?\"”’')])|(?<=[.!?\"”’')][ \t])|(?<=[ \t][-–—][ \t]))[ \t]*(?P<name>[A-Z]{2,3})[ \t]*[\])]?[ \t]*$",
    re.MULTILINE,
)  # "...no concerns. JA", "[In hindsight a missed chance - HL]"
# Lower-case initials signing off notes typed without capitals ("...gave advice. rp").
_LOWER_SIGN_OFF = re.compile(r"(?<=[.!?][ \t])[ \t]*(?P<name>[a-z]{2,3})[ \t]*$", re.MULTILINE)
# Initials with a hyphenated surname initial: "G L-E" (Gareth Lloyd-Evans), "J.K-B."
_HYPHENATED = re.compile(r"(?<![\w.-])(?P<name>[A-Z]\.?[ \t]?[A-Z]\.?-[A-Z]\.?)(?![\w-])")
# An initial and a surname. Without a dot after the initial the surname must not be a known word, so
# "A Home visit" and "I Will" are not names.
_INITIAL_SURNAME = re.compile(
    r"(?<![\w.'’-])(?P<name>(?P<initial>[A-Z])(?:(?P<dot>\.)[ \t]?|[ \t])"  # "R.Turnbull" too
    # "Boateng", "Lloyd-Evans", and surnames with a capital inside: "MacLeod", "McKay", "O'Neill".
    r"(?P<surname>(?:[A-Z]['’])?[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-zà-ÿ'’]+)?(?:-[A-Z][a-zà-ÿ'’]+)?))"
    r"(?![\w'’-])"
)
# Two initials and a surname: "Chair: M N Sultani", "Logged by A L Ferreira".
_TWO_INITIALS_SURNAME = re.compile(
    r"(?<![\w.'’-])(?P<name>[A-Z]\.?[ \t][A-Z]\.?[ \t](?P<surname>[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?))(?![\w'’-])"
)
# Dotted initials anywhere ("seen by K.N.", "— K.N.", "K.N.'s note"): a person's initials written the
# careful way; dotted abbreviations (U.K., N.B., P.S., a.m.) are in the abbreviation list or lower case.
_DOTTED = re.compile(r"(?<![\w.])(?P<name>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?![\w])")
_DOTTED_ABBREVIATIONS = frozenset({"UK", "US", "NB", "PS", "AM", "PM", "BC", "AD", "EU", "UN", "DR", "MR", "IE", "EG"})
# A surname with a lower-case particle, after a first name or an initial ("Samir al-Qadri", "N. al-Qadri",
# "Marieke van der Linden", "O. ap Gwyn"), and a hyphenated Arabic particle surname on its own
# ("al-Qadri", "el-Sayed"): the particle is never an English word joined to a capital that way.
# Particles that are also English words ("as", "at") count only when hyphenated to the surname.
_HYPHEN_PARTICLES = r"(?:al|el|ul|ad|ar|as|ash|at|az)-"
_SPACED_PARTICLES = r"(?:al|el|bin|ibn|abu|ap|ab|van|von|de|di|da|du|del|della|der|den|dos|das|la|le|ter|ten)[ \t]+"
_PARTICLE_NAME = re.compile(
    r"(?<![\w.'’-])(?P<name>(?:[A-Z][a-zà-ÿ'’]+|[A-Z]\.?)[ \t]+(?:" + _SPACED_PARTICLES + ")*"
    r"(?:" + _SPACED_PARTICLES + "|" + _HYPHEN_PARTICLES + ")"
    r"[A-Z][\wà-ÿ'’]+(?:-[A-Z][\wà-ÿ'’]+)?)(?![\w-])"
    r"|(?<![\w.'’-])(?P<hyphenated>(?:al|el|ul|ad|ar|as|ash|at|az)-[A-Z][a-zà-ÿ'’]+)(?![\w-])"
)
# Initials after the words that say who wrote or signed a record: "Typed by JP", "Countersigned: RT".
_CUED_INITIALS = re.compile(
    r"(?i:\b(?:typed|completed|countersigned|signed|entered|written|reviewed|checked|recorded|authorised|"
    r"approved|dictated|prepared|printed|updated|amended)(?:[ \t]+by)?)[ \t]*:?[ \t]+"
    r"(?P<name>[A-Z]{2,4}|[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?![\w'’-])"
)
# An initial and a surname in capitals, as forms and crew sheets print them: "J TRELOAR", "M. O'NEILL".
_INITIAL_CAPS_SURNAME = re.compile(
    r"(?<![\w.'’-])(?P<name>(?P<initial>[B-HJ-Z])\.?[ \t](?P<surname>(?:[A-Z]['’])?[A-Z]{3,}(?:-[A-Z]{2,})?))(?![\w'’-])"
)
# The writer's initials opening a dated entry: "14/02/2024 BA - Tel call from...", "03/03 KT: rang mum".
_ENTRY_INITIALS = re.compile(
    r"^[ \t]*(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4})[ \t]*[-–—]?[ \t]*"
    r"(?P<name>[A-Z]{2,3})[ \t]*[-–—:][ \t]", re.MULTILINE
)  # and "15 Nov 2016 – AM – Phoned ..."
# The same in a command-and-control log, by the time, before the entry in capitals ("23:41 JS CALLER
# STATES ..."); after a date in brackets ("File note 16/02/2017 (MS):"); and opening a sentence before what
# the person did, as minutes write it ("ST summarised the police log", "KB to ring mum").
_LOG_TIME_INITIALS = re.compile(r"^[ \t]*\d{1,2}:\d{2}[ \t]+(?P<name>[A-Z]{2,3})[ \t]+(?=[A-Z]{2,}\b)", re.MULTILINE)
# Minutes that give each speaker's initials before a colon at the start of a line: "GO: family on
# Universal Plus.", "PL: no CSC history." Headers ("RE:", "CC:", "NB:") are abbreviations.
_SPEAKER_INITIALS = re.compile(r"^[ \t]*(?:[-•*][ \t]*)?(?P<name>[A-Z]{2,3}):[ \t]+(?=\S)", re.MULTILINE)
_HEADER_WORDS = frozenset("RE CC BCC TO FAO NB PS REF TEL FAX MOB DOB NHS AM PM ETA ID LCS CRN PNC URN UPN ULN MRN CID OM PO "
                          "RIO EMIS".split())  # headers, record systems and their numbers, roles
_DATED_INITIALS = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}[ \t]*\((?P<name>[A-Z]{2,3})\)")
_INITIALS_ACTING = re.compile(
    r"(?:^|(?<=[.!?;|][ \t])|(?<=\|))[ \t]*(?P<name>[A-Z]{2,3})[ \t]+(?=(?:summarised|said|reported|explained|"
    r"confirmed|agreed|advised|stated|noted|asked|informed|visited|rang|phoned|called|spoke|attended|shared|"
    r"raised|outlined|described|presented|gave|felt|queried|clarified|updated|will|to)\b)",
    re.MULTILINE,
)
# Lower-case initials after the words that say who typed a letter: "Dictated RK/typed mh".
_TYPED_LOWER = re.compile(r"(?i:\b(?:typed|dictated|transcribed))(?:[ \t]+by)?[ \t:]+(?P<name>[a-z]{2,3})(?![\w'’-])")
# Initials of someone talked to: "call w/ RM re the contact", "RM (LADO) said".
_SPOKEN_WITH = re.compile(
    r"(?:\bw/|\bwith)[ \t]+(?P<name>[A-Z]{2,3})(?=[ \t]+(?:re|about|at|on|today|yesterday)\b|[ \t]*[(–-])"
    r"|(?<![\w'’-])(?P<name2>[A-Z]{2,3})(?=[ \t]*\((?:LADO|DSL|IDVA|ISVA|SW|HV|GP|TA|EWO|SENCO|IRO|DS|DC|PC)\))"
)
# A system user name printed on a record or signing a note: "Printed 06/02/2024 by ssmith", "... on file. jbloggs".
_USER_NAME = re.compile(
    r"(?:\b(?:by|user|username|user[ \t]+id)[ \t]*:?[ \t]+|(?<=[.!?])[ \t]+)(?P<name>[a-z][a-z.]{3,15}\d{0,3})"
    r"(?=[ \t]*$|[ \t]+(?:for|at|on)\b|[,;])",
    re.MULTILINE,
)
# Irish and Scottish Gaelic surnames, with the given name before them or on their own when the particle
# cannot be English: "Lorcan Mac an tSaoir", "Aoife Ní Bhraonáin", "Ó Súilleabháin", "Nic an tSaoir".
# After "an" the surname may carry a lower-case prefix ("tSaoir", "bhFear").
_GAELIC_SURNAME = r"(?:(?:Mac|Mc|Nic|Mhic)[ \t]+an[ \t]+|(?:Mac|Nic|Mhic)[ \t]+a['’][ \t]*|(?:Ní|Nī|Ó|Ō|Uí|Ua|Bean[ \t]+Uí)[ \t]+)" \
                  r"(?:t|n|h|bh|d|g|m|b)?[A-ZÁÉÍÓÚ][\wà-ÿ'’]+"
_GAELIC_NAME = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:[A-Z][a-zà-ÿ'’]+[ \t]+)?{_GAELIC_SURNAME}"
    rf"|[A-Z][a-zà-ÿ'’]+[ \t]+(?:Mac|Nic)[ \t]+[A-Z][a-zà-ÿ'’]+)(?![\w-])"
)
# Hurried notes: a first name and one initial ("saw bella t at home", "tom k rang"). Only a known given
# name (or a word no list knows) counts, and not before a letter that is also a word ("a", "i", "o").
# "w" (with), "v" (very) and "x" (times) are also shorthand ("discussed w shan"): an initial only after a
# given name ("jack w"). "a", "i" and "o" are words: an initial only in a sign-off ("... faith o").
_LOWER_NAME_INITIAL = re.compile(
    r"(?<![\w'’-])(?P<first>[a-z]{3,})[ \t]+(?P<initial>[b-hj-np-z]|[aio](?=[ \t]*$))(?![\w'’-])", re.MULTILINE
)
# The same written with capitals ("saw Kasia R today"): a given name that is no English word and one
# capital letter standing alone (not "A" or "I", which are words).
# The initial may carry a dot when a lower-case word, punctuation or the line end follows ("Summer F. attended").
_NAME_INITIAL = re.compile(
    r"(?<![\w'’.-])(?P<first>[A-Z][^\W\d_A-Z]{2,})[ \t]+(?P<initial>[B-HJ-Z])(?:\.(?!\w))?(?![\w'’.-])",
    re.MULTILINE,
)
# Things numbered with a letter, never a person: "Plan B", "Strep B", "Bay C", "Appendix D".
_LETTERED_THINGS = frozenset(
    "plan strep covid hep hepatitis vitamin vit appendix annex schedule section part form category grade "
    "stage type level key year class group zone phase ward block room bay bed unit floor table figure page "
    "wing team pod area site court option step tier code list exhibit box item point".split()
)
SCORE = 0.6


def _caps_line(text: str, match: re.Match[str]) -> bool:
    """Is the match inside a heading in capitals ("SECTION B INCIDENTS")? Then the letter is a label."""
    before = re.findall(r"[A-Za-z]{2,}", text[max(0, match.start() - 30):match.start()])
    return bool(before) and before[-1].isupper() and before[-1] not in COMMON_ABBREVIATIONS


@recogniser
class InitialsRecogniser(ScrRecogniser, LocalRecognizer):
    code = "initials"
    description = "Initials signing off an entry ('JA') and an initial with a surname ('M Crowther')"

    def __init__(self, english: EnglishWords | None = None) -> None:
        self.english = english or EnglishWords()
        super().__init__(supported_entities=["PERSON"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> InitialsRecogniser:
        return cls(context.english)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found = []
        for match in _SIGN_OFF.finditer(text):
            if match.group("name") not in COMMON_ABBREVIATIONS:
                found.append(self._result(match.start("name"), match.end("name")))
        for match in _PARTICLE_NAME.finditer(text):
            group = "name" if match.group("name") else "hyphenated"
            first = match.group(group).split()[0]
            if group == "name" and (first.lower() in STOP_WORDS or first.lower() in ROLE_WORDS):
                continue  # "The de Souza report" opens with a sentence word: the surname alone is found below
            found.append(self._result(match.start(group), match.end(group)))
        for match in _USER_NAME.finditer(text):
            name = match.group("name").rstrip(".")
            if not (known_word(name) or name in STOP_WORDS or name.upper() in COMMON_ABBREVIATIONS
                    or self.english.common(name) or "." in name and not re.fullmatch(r"[a-z]+\.[a-z]+", name)):
                found.append(self._result(match.start("name"), match.start("name") + len(name)))
        for match in _SPOKEN_WITH.finditer(text):
            group = "name" if match.group("name") else "name2"
            if match.group(group) not in SERVICE_ABBREVIATIONS:
                found.append(self._result(match.start(group), match.end(group)))
        for pattern in (_ENTRY_INITIALS, _TYPED_LOWER):
            for match in pattern.finditer(text):
                name = match.group("name")
                if name.islower() and (name in STOP_WORDS or known_word(name) or self.english.common(name)):
                    continue  # "typed up by ..."
                if name not in SERVICE_ABBREVIATIONS:  # "12/03 GP - seen": the GP, not initials
                    found.append(self._result(match.start("name"), match.end("name")))
        for match in _SPEAKER_INITIALS.finditer(text):
            name = match.group("name")
            if name not in COMMON_ABBREVIATIONS and name not in SERVICE_ABBREVIATIONS and name not in _HEADER_WORDS:
                found.append(self._result(match.start("name"), match.end("name")))
        for pattern in (_LOG_TIME_INITIALS, _DATED_INITIALS, _INITIALS_ACTING):
            for match in pattern.finditer(text):
                name = match.group("name")
                # Beside a time, a date or a verb the letters are someone's, even where they spell a word a
                # list knows ("ST" for street, "MS"): only the abbreviations services use are not. In a log in
                # capitals a word may open the entry instead ("03:10 DOG UNIT SEARCHED").
                if not (name in COMMON_ABBREVIATIONS or name.lower() in STOP_WORDS
                        or (pattern is _LOG_TIME_INITIALS and (known_word(name) or self.english.common(name.lower())))):
                    found.append(self._result(match.start("name"), match.end("name")))
        for match in _CUED_INITIALS.finditer(text):
            letters = re.sub(r"[.\s]", "", match.group("name"))
            dotted = "." in match.group("name")
            if letters.lower() in STOP_WORDS and not dotted:
                continue  # "PREPARED FOR THE BOARD": in capitals, the word after the verb
            if letters not in SERVICE_ABBREVIATIONS and not (dotted and letters in _DOTTED_ABBREVIATIONS):  # "typed PM"
                found.append(self._result(match.start("name"), match.end("name")))
        for match in _INITIAL_CAPS_SURNAME.finditer(text):
            surname = match.group("surname")
            if surname not in COMMON_ABBREVIATIONS and not known_word(surname.lower()) and not _caps_line(text, match):
                found.append(self._result(match.start("name"), match.end("name")))
        for match in _GAELIC_NAME.finditer(text):
            first = match.group("name").split()[0]
            if first.lower() in STOP_WORDS or first.lower() in ROLE_WORDS or known_word(first):
                start = match.start() + len(first) + len(re.match(r"\S+\s+", match.group()).group()) - len(first)
                if _GAELIC_NAME.fullmatch(text, start, match.end()):
                    found.append(self._result(start, match.end()))
                continue
            found.append(self._result(match.start(), match.end()))
        initials: set[str] = set()
        for match in _NAME_INITIAL.finditer(text):
            first = match.group("first")
            if first.lower() not in _LETTERED_THINGS and not known_word(first):
                found.append(self._result(match.start(), match.end("initial")))  # the dot stays
                initials.add(match.group("first")[0] + match.group("initial"))
        for span_start, span_end in lower_case_spans(text):
            for match in _LOWER_NAME_INITIAL.finditer(text, span_start, span_end):
                first = match.group("first")
                if match.group("initial") in "aio" and not at_sentence_start(text, match.start()):
                    continue  # "a", "i", "o" are an initial only in a sign-off ("... observed. faith o")
                if match.group("initial") in "wvx" and not is_first_name(first):
                    continue  # "discussed w shan": with
                if is_first_name(first) or not (known_word(first) or first in STOP_WORDS or first in _LETTERED_THINGS):
                    found.append(self._result(match.start(), match.end()))
                    initials.add((match.group("first")[0] + match.group("initial")).upper())
            for match in _LOWER_SIGN_OFF.finditer(text, span_start, span_end):
                letters = match.group("name")
                if letters.upper() not in COMMON_ABBREVIATIONS and not known_word(letters) and letters not in STOP_WORDS:
                    found.append(self._result(match.start("name"), match.end("name")))
        # Such a person's initials, used as a sign-off or a subject elsewhere in the notes ("JW to
        # follow up", "... closed. BT").
        for letters in initials - COMMON_ABBREVIATIONS:
            for match in re.finditer(rf"(?<![\w'’-]){letters}(?![\w'’-])", text):
                found.append(self._result(match.start(), match.end()))
        for match in _DOTTED.finditer(text):
            letters = re.sub(r"[.\s]", "", match.group("name"))
            if letters not in COMMON_ABBREVIATIONS and letters not in _DOTTED_ABBREVIATIONS:
                # The last dot stays: it usually ends the sentence too ("Seen by K.N." -> "Seen by Person 1.").
                found.append(self._result(match.start("name"), match.end("name") - 1))
        for match in _HYPHENATED.finditer(text):
            found.append(self._result(match.start("name"), match.end("name")))
        for match in _INITIAL_SURNAME.finditer(text):
            surname = re.sub(r"['’]s$", "", match.group("surname"))
            if surname.lower() in ROLE_WORDS or surname.lower() in AGENCY_WORDS:
                continue  # "Lina P. Housing Officer": the initial ends the name, the role follows
            if match.group("dot") and surname.lower() in STOP_WORDS and not is_first_name(surname):
                continue  # "See Appendix J. Was there": a sentence ends after the letter
            # Without the model's word list nothing can be called rare.
            rare = bool(self.english.nouns) and not (known_word(surname) or self.english.common(surname.lower()))
            if not match.group("dot") and ((match.group("initial") in "AI" and not rare) or known_word(surname)):
                continue  # "A Home visit", "I Will"; but "Crew: A Platten" is a person
            if known_word(surname) and match.group("initial") in "AI":
                continue
            low = surname.lower()
            if (match.group("dot") and low not in self.english.nouns and low not in ORDINARY_WORD_NAMES
                    and not is_first_name(surname)
                    and any(f in self.english.other for f in (singulars(low) if low.endswith(("ed", "ing")) else [low]))):
                continue  # "See Appendix G. Moved to ...": a sentence ends after the letter, a verb opens the next
            found.append(self._result(match.start("name"), match.start("surname") + len(surname)))
        for match in _TWO_INITIALS_SURNAME.finditer(text):
            surname = re.sub(r"['’]s$", "", match.group("surname"))
            if self.english.nouns and not (known_word(surname) or self.english.common(surname.lower())):
                found.append(self._result(match.start("name"), match.start("surname") + len(surname)))
        return found

    def _result(self, start: int, end: int) -> RecognizerResult:
        return result("PERSON", start, end, SCORE, "pattern", None, recogniser_name=self.code)
