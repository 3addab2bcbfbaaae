"""Other mentions of people the model has already found.

The model finds "Jayden Brown" in one sentence but may miss "BROWN's car" in the next, or "Jayden" in a
table cell three pages later. Every mention must go for the person to be protected, so once a run has
labelled an unknown person, the parts of their name are looked for everywhere else in the run.

Only names the model, a title or a cue vouched for are learned: a full name of two or more words ("Jayden
Brown"), a titled one ("Mr Okafor"), or a guess made of a known given name and an unknown surname. A single
word the model called a person is too often a misreading. The learned parts are matched when written as a
name (capitalised or in capitals), and in lower case only in notes typed without capitals; there a given
name that is also a word ("bob", "pat") counts only where a person stands ("bob + crystal met", "pat
weighed her"). Short forms of a learned given name count too ("Des" for Desmond, "Seun" for Oluwaseun).

A learned full name also gives its initials: records refer to a professional named in full in one place as
"EK advised monitoring" or "sod to send minutes" in another, and one surviving "EK" identifies her. Initials
that are also an abbreviation or a word ("HR", "AN", "sod") count only where a person stands: a sentence's
subject before a verb, a sign-off at the end of a line, or just after a role ("HV FO to weigh weekly").
"""
from __future__ import annotations

import calendar
import re

from spacy.lang.en.stop_words import STOP_WORDS

from .names import SURNAME_PARTICLES, VariantTable, at_sentence_start, lower_case_spans, lower_case_text, used_as_word
from .vocabulary import (
    COMMON_ABBREVIATIONS, ORDINARY_WORD_NAMES, AGENCY_WORDS, COUNTRIES, DOCUMENT_WORDS, PROCESS_WORDS, ROLE_WORDS,
    SERVICE_ABBREVIATIONS, TITLES,
)
from .wordlists import EnglishWords, is_first_name, known_word, singulars

_CALENDAR_WORDS = {m.lower() for m in calendar.month_name if m} | {d.lower() for d in calendar.day_name}
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# What follows initials used as the subject of a note: "EK advised", "PB to check", "hm to chase".
_SUBJECT_VERB = re.compile(
    r"[ \t]+(?:to|will|has|had|was|is|and|\+|&|/|[a-z]+ed|said|saw|met|spoke|rang|gave|sent|made|left|took|"
    r"told|felt|wrote|says|sees|agrees|advises|reports|visits|calls|checks|feels|confirms|pls|please)\b"
)


def _eligible(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return (
        word[:1].isupper()
        and len(low) >= 3
        and (low not in STOP_WORDS or low in ORDINARY_WORD_NAMES)  # "Will" from "Will Ackroyd"
        and low not in ROLE_WORDS
        and low not in AGENCY_WORDS
        and low not in DOCUMENT_WORDS
        and low not in PROCESS_WORDS
        and low not in TITLES
        and low not in COUNTRIES
        and low not in _CALENDAR_WORDS
    )


def _two_letter_given(word: str) -> bool:
    return (len(word) == 2 and word[0].isupper() and word[1].islower() and word.lower() not in STOP_WORDS
            and word.upper() not in COMMON_ABBREVIATIONS and word.lower() not in TITLES)


class KnownNames:
    """Name parts of unknown people labelled so far, compiled into one pattern on demand."""

    def __init__(self, english: EnglishWords | None = None) -> None:
        self.english = english
        self.table = VariantTable()
        self._regex: re.Pattern[str] | None = None
        self._lower_case_regex: re.Pattern[str] | None = None
        self._changed = False
        self._sources: dict[tuple[str, bool], None] = {}
        self.initials: set[str] = set()  # "EK", "OPJ", "SO'D": initials of learned full names
        self._short: set[str] = set()  # "des", "dom": short forms of learned given names
        self.weak_initials: set[str] = set()  # initials of guessed names: only where a person stands
        self._everyday: set[str] = set()  # given names that are words ("bob", "crystal"), for lower-case notes
        self._rare: set[str] = set()  # name words no dictionary has ("wairimu"): in lower case anywhere
        self._rare_regex: re.Pattern[str] | None = None
        self._initials_regex: re.Pattern[str] | None = None

    def __len__(self) -> int:
        return len(self.table.variants) + len(self.initials) + len(self.weak_initials)

    def learn(self, written: str, *, single: bool | None = False) -> None:
        """Remember a name's parts. A lone word is learned only when `single` (a title or a cue
        vouched for it: "a friend, Shannon"), never when the model alone proposed it. With `single`
        None (a guess nothing vouched for) only the initials are kept, for where a person stands."""
        if (written, single) in self._sources:
            return
        if single and written.endswith(" ="):
            self.learn_initials(written[:-2])  # shared by another worker's engine: initials, not a name
            return
        self._sources[(written, single)] = None
        words = _WORDS.findall(written)
        titled = bool(words) and words[0].lower().rstrip(".") in TITLES
        # Not titles, nor a role abbreviation the model ran in ("TA Pat Quigley" is Pat Quigley, PQ).
        names = [w for w in words if w.lower().rstrip(".") not in TITLES]
        while len(names) > 1 and names[0] in COMMON_ABBREVIATIONS:
            names.pop(0)
        names[-1:] = [re.sub(r"['’]s?$", "", n) for n in names[-1:]]
        # A name a cue found typed in lower case ("w/ CNN dorota lis") is learned as a name when no
        # dictionary has it, so that "Dorota", "dorota" and "DL" are found elsewhere too.
        names = [n[:1].upper() + n[1:] if n.islower() and self._rare_word(n) else n for n in names]
        if single is None:
            new = initials_of(names) - self.initials if len(names) >= 2 else set()
            if new - self.weak_initials:
                self.weak_initials.update(new)
                self._changed = True
            return
        if not names or (len(names) < 2 and not (titled or single)):
            return
        before = len(self.table.variants)
        if len(names) >= 2:
            self.table.add(" ".join(names), 0, "any case")
            self.initials.update(initials_of(names))
        if len(names) >= 2 and _two_letter_given(names[0]):
            # "Mo Hassan", then "Mo said": a two-letter given name, only as written, never in lower case.
            self.table.add(names[0], 0, "name case", in_lower_case_notes=False)
        for name in names:
            if _eligible(name):
                # "Grace" learned from "Grace Pemberton" must not take "grace period" in lower-case notes.
                everyday = name.lower() in ORDINARY_WORD_NAMES
                self.table.add(name, 0, "name case", in_lower_case_notes=not everyday and name.lower() not in _NOTE_WORDS)
                if (everyday and len(names) >= 2 and name is names[0]) or name.lower() in _NOTE_WORDS:
                    self._everyday.add(name.lower())
                if self._rare_word(name):
                    self._rare.add(name.lower())
        if (len(names) >= 2 or single) and names[0][:1].isupper():
            for short in short_forms(names[0], self.english):
                self.table.add(short, 0, "name case", in_lower_case_notes=not _word(short))
                self._short.add(short.lower())
        self._changed = self._changed or len(self.table.variants) != before

    def _rare_word(self, name: str) -> bool:
        low = name.lower().replace("’", "'")
        if self.english is None or len(low) < 4 or not low.replace("-", "").replace("'", "").isalpha():
            return False
        forms = singulars(low)
        # A given name the dictionary has as a noun ("cliff", "brooke", but also "tyler") is not rare: in
        # lower case it is too often the word.
        return not (known_word(low) or low in ORDINARY_WORD_NAMES or low in _NOTE_WORDS or low in _SHORT_WORDS
                    or any(f in self.english.nouns or f in self.english.other or f in STOP_WORDS for f in forms))

    def learn_initials(self, letters: str) -> None:
        """Initials or a staff code a text says stand for a person ("BH = Bev Howes", "Mrs S. Ward (SWA)")."""
        if letters not in self.initials:
            self.initials.add(letters)
            self._sources.setdefault((f"{letters} =", True), None)
            self._changed = True

    def sources(self) -> list[tuple[str, bool]]:
        return list(self._sources)

    def find(self, text: str) -> list[tuple[int, int]]:
        if self._changed or self._regex is None:
            self._regex = self.table.compile()
            self._lower_case_regex = self.table.compile(lower_case_text=True)
            self._initials_regex = _initials_pattern(self.initials | self.weak_initials)
            self._rare_regex = re.compile(
                r"(?<![\w'’@./-])(?:%s)(?=['’]?s?(?![\w'’@-]))" % "|".join(sorted(map(re.escape, self._rare), key=len, reverse=True))
            ) if self._rare else None
            self._changed = False
        found = self._find_initials(text) if self._initials_regex is not None else []
        if self._regex is None:
            return found
        # Learned names in lower case too where the writer dropped capitals: a whole note, or one hurried
        # line in a document written properly ("says des confused, take w caution").
        spans = [(0, len(text))] if lower_case_text(text) else lower_case_spans(text)
        matches = {(m.start(), m.end()): m for m in self._regex.finditer(text)}
        for span_start, span_end in spans:
            for m in self._lower_case_regex.finditer(text, span_start, span_end):
                matches.setdefault((m.start(), m.end()), m)
        if self._rare_regex is not None:
            # "neither can that wairimu": a name no dictionary has is a name in lower case too, anywhere.
            # A longer learned form found at the same place ("Wairimu Njoroge") is kept as it is.
            found += [(m.start(), m.end()) for m in self._rare_regex.finditer(text)
                      if not any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in matches)]
        if self._everyday:
            words = re.compile(r"(?<![\w'’-])(?:%s)(?![\w'’-])" % "|".join(sorted(map(re.escape, self._everyday))))
            for span_start, span_end in spans:
                for m in words.finditer(text, span_start, span_end):
                    if _lower_name_position(text, m.start(), m.end()):
                        found.append((m.start(), m.end()))
        found += [
            key for key, m in sorted(matches.items())
            # A name no dictionary has is never the word ("Benedikt A and E staff met").
            if not (self.table.lookup(m.group("name")).kind == "name case" and m.group("name").lower() not in self._rare
                    and used_as_word(text, m))
            # A short form is not the start of a hyphenated word ("Pre-birth", "Des-res").
            and not (m.group("name").lower() in self._short and text.startswith(("-", "‐"), m.end()))
        ]
        return sorted(set(found))

    def _weak_letters(self) -> set[str]:
        vouched = {i.replace("'", "").replace("-", "") for i in self.initials}
        return {i.replace("'", "").replace("-", "") for i in self.weak_initials} - vouched

    def _find_initials(self, text: str) -> list[tuple[int, int]]:
        found = []
        lower_spans = None
        for match in self._initials_regex.finditer(text):
            written = match.group()
            letters = re.sub(r"['’.\s-]", "", written)
            if not letters.isupper() and not letters.islower():
                doubtful = False  # "JdSP": a particle in lower case, never a word
            elif written.isupper():
                doubtful = letters in COMMON_ABBREVIATIONS or known_word(letters.lower())
            elif written.islower():
                # Lower-case initials: in notes typed without capitals anywhere, elsewhere only where a
                # person stands ("... take w caution. sb happy.").
                if lower_spans is None:
                    lower_spans = lower_case_spans(text)
                doubtful = letters in STOP_WORDS or known_word(letters) or letters in _SHORT_WORDS
                in_notes = any(s <= match.start() and match.end() <= e for s, e in lower_spans)
                if not doubtful and not in_notes and not (
                    _person_position(text, match.start(), match.end())
                    or (at_sentence_start(text, match.start()) and re.match(r"[ \t]+[a-z]", text[match.end():]))
                ):
                    continue
            if written.islower() and doubtful:
                # Initials that are a word ("at", "is", "sod") in lower case: only a sign-off or the subject
                # of "to" + verb ("sod to send minutes").
                if not (_signs_off(text, match.start(), match.end()) or (
                        at_sentence_start(text, match.start(), after_colon=False)
                        and _LOWER_SUBJECT.match(text, match.end()))):
                    continue
            elif (doubtful or letters.upper() in self._weak_letters()) and not _person_position(
                    text, match.start(), match.end()):
                continue
            found.append((match.start(), match.end()))
        return found


# What may follow a sign-off on its line: a date or a time ("BA 28/11/2023", "KT 14:20").
_SIGN_OFF_REST = re.compile(r"[ \t.]*(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}[:.]?\d{2})?[ \t.]*")
# A cell of its own, and a list of initials around these ones.
_CELL = re.compile(r"(?:^|[|\t])[ \t]*$")
_CELL_END = re.compile(r"[ \t]*(?:[|\t]|$)")
_INITIALS_LIST = re.compile(r"(?:^|[\s:(])[A-Z]{2,4}[ \t]*[,/&][ \t]*(?:[A-Z]{2,4}[ \t]*[,/&][ \t]*)*$")
_INITIALS_LIST_AFTER = re.compile(r"[ \t]*[,/&][ \t]*[A-Z]{2,4}(?![\w'’-])")
# Words that join a person to what they did or to someone else: "w/ JP", "with KT", "cc LP", "+ DR".
_JOINED_BEFORE = re.compile(r"(?:(?<![\w/])(?:w/|w|with|by|from|cc|and|re)|[+&])[ \t]+$")

# Words of hurried notes that are also someone's nickname: "coming tomo" is tomorrow, not Tomo.
_NOTE_WORDS = frozenset("tomo tmrw tmw yday asap approx info appt appts mins hrs wk wks mo mos".split())

# Short words that notes typed in lower case use as words, which initials must not take: "so", "ok", "sod".
_SHORT_WORDS = frozenset(
    "ok hmm hm ah oh eh um er uh ha ya yo yes no nah aw sod cos coz pls plz thx ty np gp hv sw dv cp dr tel "
    "ref rv wt ht hc bp fu nb ps re vs etc eta dob obs pt pts mum dad nan gran bro sis".split()
)


# Given names with a prefix that is not part of the everyday name: "Oluwaseun" is "Seun", "Olufemi" "Femi".
_NAME_PREFIXES = ("oluwa", "olu", "ade")


def short_forms(first: str, english: EnglishWords | None = None) -> set[str]:
    """What colleagues and families shorten a given name to: its first three or four letters ending in a
    consonant ("Des" for Desmond, "Dom" for Dominic), a longer start that is itself a given name ("Chris"
    for Christopher), the name without its final y ("Stace" for Stacey), or the name without a Yoruba
    prefix ("Seun" for Oluwaseun). Everyday words
    ("Can" for Candice, "Heat" for Heather) are left out."""
    low = first.lower()
    if "-" in low or len(low) < 5 or not low.isalpha():
        return set()
    forms = {first[:n] for n in (3, 4) if len(low) - n >= 2 and low[n - 1] not in "aeiouy"}
    forms |= {first[:n] for n in (4, 5, 6) if len(low) - n >= 2 and is_first_name(first[:n])}
    if len(low) >= 8:
        forms.add(first[:4])  # a long name's first four letters: "Abdi" for Abdirahman, "Alex" for Alexandra
    if low.endswith("ey") and len(low) >= 5:
        forms.add(first[:-1])  # "Stace" for Stacey
    for prefix in _NAME_PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 3:
            rest = first[len(prefix):]
            forms.add(rest[:1].upper() + rest[1:])
            break
    return {
        f for f in forms
        if f.lower() not in STOP_WORDS and not known_word(f.lower()) and f.lower() not in _SHORT_WORDS
        and not (english is not None and _everyday(f, english))
    }


def _everyday(form: str, english: EnglishWords) -> bool:
    # WordNet's noun list holds three-letter abbreviations ("des", "dom"), so short nouns do not count.
    low = form.lower()
    return low in english.other or (len(low) >= 4 and low in english.nouns and not is_first_name(form))


def _word(text: str) -> bool:
    low = text.lower()
    return low in STOP_WORDS or known_word(low) or low in ORDINARY_WORD_NAMES or low in _SHORT_WORDS


def initials_of(names: list[str]) -> set[str]:
    """The initials a writer uses for a full name: "Ewa Kowalczyk" -> EK, "Olwen Pritchard-Jones" -> OPJ,
    "Siobhan O'Driscoll" -> SOD and SO'D, "Dwayne Lee Pilkington" -> DLP and DP. Particles are left out
    ("Pieter van Rensburg" -> PR and PVR both)."""
    parts: list[list[str]] = []  # per name word: the letters it contributes
    for name in names:
        low = name.lower()
        if low in SURNAME_PARTICLES:
            parts.append(["", name[0].upper(), name[0].lower()])  # "JSP", "JDSP", "JdSP"
            continue
        pieces = [p for p in re.split(r"-", name) if p]
        letters = []
        for piece in pieces:
            apostrophe = re.match(r"([A-Za-z])['’]([A-Za-z])", piece)
            letters.append(apostrophe.group(1).upper() + "'" + apostrophe.group(2).upper() if apostrophe else piece[0].upper())
        parts.append(["".join(letters)] + (["-".join(letters)] if len(letters) > 1 else []))  # "MT" and "M-T"
    if len(parts) < 2:
        return set()
    forms = {""}
    for options in parts:
        forms = {f + o for f in forms for o in options}
    if len(parts) >= 3:
        forms.add(parts[0][0] + parts[-1][0])
    out = set()
    for form in forms:
        plain = form.replace("'", "").replace("-", "")
        if 2 <= len(plain) <= 4 and plain.isalpha() and plain[0].isupper() and plain[-1].isupper():
            out.add(form)
            if "'" in form and "-" not in form:
                out.add(plain)
    return out


def _initials_pattern(initials: set[str]) -> re.Pattern[str] | None:
    if not initials:
        return None
    forms = set()
    for item in initials:
        escaped = re.escape(item).replace("'", "['’]")
        forms.add(escaped)
        forms.add(escaped.lower())
        if "-" in item:
            forms.add(escaped.replace(r"\-", "-"))
        if item.isalpha() and item.isupper() and len(item) <= 3:
            forms.add(r"\.?[ \t]".join(item) + r"\b")  # "K B's mum", "K. B."
            forms.add(r"\.".join(item) + r"\.")  # "A.B. 09/07/2016"
    body = "|".join(sorted(forms, key=len, reverse=True))
    # A possessive may follow ("K B's mum"); another letter after an apostrophe may not ("SO" in "SO'D").
    # "DW/BK" is two people's initials; a slash inside a web address is not ("/KB" needs a capital before).
    return re.compile(rf"(?<![\w'’.@-])(?<![a-z0-9]/)(?:{body})(?![\w@-]|['’](?![sS]\b)\w|\.\w)")


# After a given name that is also a word, in notes typed without capitals, what only a person does:
# "bob + crystal met miss t", "pat weighed her", "destiny made her a mask".
_LOWER_NAME_AFTER = re.compile(
    r"[ \t]*[+&][ \t]*[a-z]|[ \t]+(?:[a-z]{3,}ed|said|says|met|made|rang|told|took|came|went|saw|gave|left|"
    r"brought|spoke|thinks|feels|agreed|visited|called|phoned|emailed|texted|will[ \t]+(?:visit|call|ring|chase|"
    r"send|email|book|see))\b|[ \t]+(?:from|at)[ \t]+[A-Z]"  # "penny from Coalfields Homes rang"
)
_GREETING_BEFORE = re.compile(r"(?i:\b(?:thanks|thank[ \t]+you|hi|hiya|hey|cheers|ta|morning|night|love)[ \t,]+)$")
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|a|an|this|that|his|her|their|my|your|its|our|some|any|no|of)[ \t]+)$")


def _lower_name_position(text: str, start: int, end: int) -> bool:
    if _DETERMINER_BEFORE.search(text, max(0, start - 8), start):
        return False  # "the mark made by", "a pat on the back"
    if _GREETING_BEFORE.search(text, max(0, start - 12), start):
        return True  # "thanks crystal", "hiya bob"
    return bool(_LOWER_NAME_AFTER.match(text, end)) or bool(
        re.search(r"(?:[+&]|\band|\bw/)[ \t]*$", text[max(0, start - 5):start]))  # "mantas and tomo"


_LOWER_SUBJECT = re.compile(r"[ \t]+(?:to|will|pls|please)[ \t]+[a-z]")


def _signs_off(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end)
    rest = text[end:] if line_end < 0 else text[end:line_end]
    return bool(_SIGN_OFF_REST.fullmatch(rest)) and bool(re.search(r"[.!?)\]][ \t]*$", text[max(0, start - 5):start]))


def _person_position(text: str, start: int, end: int) -> bool:
    """Where initials can only be a person: the subject of a note ("HR spoke to Mum", "sod to send"), a
    sign-off ending a line after a full stop, or straight after a role ("HV FO", "SW sod")."""
    line_end = text.find("\n", end)
    rest = text[end:] if line_end < 0 else text[end:line_end]
    if _SIGN_OFF_REST.fullmatch(rest) and (at_sentence_start(text, start) or re.search(r"[.!?)\]][ \t]*$", text[:start])):
        return True  # a sign-off, perhaps dated ("... BA 28/11/2023")
    opens = at_sentence_start(text, start) or re.search(r"\([ \t]*$", text[max(0, start - 3):start])
    if opens and _SUBJECT_VERB.match(text, end):
        return True  # "HR spoke to dad", "(ER wrote the entry)"
    if re.search(r"\([ \t]*$", text[max(0, start - 3):start]) and re.match(r"[ \t]+[a-z]+ing\)", text[end:]):
        return True  # "(TL supervising)"
    if _JOINED_BEFORE.search(text, max(0, start - 8), start):
        return True  # "call w/ JP re door", "bob + KT met"
    if (_CELL.search(text, max(0, start - 3), start) and _CELL_END.match(text, end)
            and re.sub(r"\W", "", text[start:end]).upper() not in SERVICE_ABBREVIATIONS):
        return True  # "| JP |": the owner column of an action plan
    if _INITIALS_LIST.search(text[max(0, start - 40):start]) or _INITIALS_LIST_AFTER.match(text, end):
        return True  # "AE / MBG", "Distribution: AE, CF, MT", "DW/BK"
    if _ENTRY_DATE_BEFORE.search(text[max(0, start - 22):start] if start > 22 else "\n" + text[:start]) and \
            _ENTRY_AFTER.match(text, end) and re.sub(r"\W", "", text[start:end]).upper() not in (
                COMMON_ABBREVIATIONS | SERVICE_ABBREVIATIONS):
        return True  # "16/01/2024  NOR  Office visit.": the author of a dated entry; "17/09 GP – ..." is the GP
    before = text[max(0, start - 12):start]
    role = re.search(r"\b([A-Za-z]{2,5})[ \t]+$", before)
    return bool(role) and role.group(1).upper() in _ROLE_ABBREVIATIONS and (role.group(1).isupper()
                                                                           or role.group(1).islower())


# The date opening an entry, then its author's initials and a gap or a dash: "16/01/2024  NOR  Office visit".
_ENTRY_DATE_BEFORE = re.compile(r"(?:^|\n)[ \t]*\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?(?:[ \t]+\d{1,2}[:.]\d{2})?[ \t]+$")
_ENTRY_AFTER = re.compile(r"[ \t]{2,}\S|[ \t]*[-–—:|][ \t]")
# Roles written before a person's initials: "HV FO to weigh", "SW sod", "student hv an".
_ROLE_ABBREVIATIONS = frozenset(
    "HV SW SSW GP DC DS DI PC PCSO DSL DDSL IDVA ISVA EWO TA OT SALT CPN FSW ISW PSW MW TL TM SENCO LADO IRO "
    "RMN RGN NNEB KW EDT OOH".split()
)
