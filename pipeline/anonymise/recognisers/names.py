"""Turning a list of names into one compiled pattern that finds every way a writer refers to them.

Shared by the register recogniser (people to hide) and the exempt recogniser (people who may be named).
One alternation, longest variant first, compiled once per register: matching a whole document is a single
regex pass however many people the register holds.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from .vocabulary import COMMON_ABBREVIATIONS, ORDINARY_WORD_NAMES, ROLE_WORDS, TITLES, WORD_USE_FOLLOWERS

APOSTROPHES = "'’‘`"
_PARTICLES = frozenset("de da di du van von der den del della le la dos das bin ibn al el ap ter".split())
SURNAME_PARTICLES = _PARTICLES | {"ó", "o", "ní", "nic", "mac", "mc", "st", "st.", "ua", "bint"}
_APOS_CLASS = "['’‘`]"
_POLICE_RANKS = {"pc", "wpc", "dc", "ds", "di", "dci", "dsi", "dsu"}


def _title_forms(title: str) -> list[str]:
    # "DI", "DC", "DS" are also names and words in lower or title case; police ranks only match in capitals.
    # Only the commonest honorifics are also taken in lower case ("mr smith" in hurried notes): "his sister
    # Rosie" is not a nurse called Rosie.
    if title in _POLICE_RANKS:
        return [title.upper()]
    if title in ("mr", "mrs", "ms", "miss", "dr", "mx"):
        return [title.capitalize(), title.upper(), title]
    return [title.capitalize(), title.upper()]


_TITLE_PATTERN = r"(?P<title>(?:%s)\.?\s+)??" % "|".join(
    form for title in sorted(TITLES, key=len, reverse=True) for form in _title_forms(title)
)
# A hyphenated continuation written onto a registered name ("Poppy-Mae" when only Poppy is registered)
# is swallowed into the match rather than left behind as a clue.
_HYPHEN_TAIL = r"(?P<tail>(?:-[A-Z][a-z'’]+)+)?"


def straighten(text: str) -> str:
    return re.sub(_APOS_CLASS, "'", text)


def variant_key(text: str) -> str:
    """The lookup key for a matched name: apostrophes dropped (a name may be written with or without
    one), accents dropped ("Fatima" for "Fátima", "Lukas" for "Lukáš"), dots and spaces squeezed, lower case."""
    text = re.sub(_APOS_CLASS, "", text).replace(".", " ")
    return " ".join(fold_accents(text).split()).casefold()


# Letters that carry their mark in the letter itself, so Unicode's decomposition leaves them alone.
_UNMARKED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})


@lru_cache(maxsize=65536)
def fold_accents(text: str) -> str:
    """The text without accents: records and keyboards drop them ("Ozolins" for "Ozoliņš")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNMARKED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_initials(text: str) -> bool:
    """"PH", "P.H.", "P H" – an alias made of 2–4 capital letters."""
    letters = re.sub(r"[.\s]", "", text)
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def is_ordinary(token: str) -> bool:
    """A name that is also an everyday word, or too short to match in lower case safely."""
    low = straighten(token).lower()
    return low in ORDINARY_WORD_NAMES or low in STOP_WORDS or len(low) <= 2


@dataclass
class Variant:
    """One written form. `kind` decides how it is matched: "any case", "name case" or "initials"."""

    text: str
    kind: str
    targets: set[int] = field(default_factory=set)
    fixed: str | None = None  # a replacement that does not depend on who it is ("the family")
    in_lower_case_notes: bool = True  # also looked for in lower case in notes typed without capitals


class VariantTable:
    """Written forms -> the indices of the people/places they may refer to, compiled into one regex."""

    def __init__(self) -> None:
        self.variants: dict[str, Variant] = {}
        self._regex: re.Pattern[str] | None = None

    def add(self, text: str, target: int, kind: str | None = None, fixed: str | None = None,
            *, in_lower_case_notes: bool = True) -> None:
        text = " ".join(text.split()).strip(" ,;:")
        if len(text) < 2:
            return
        if kind is None:
            if is_initials(text) and " " not in text.strip():
                kind = "initials"
            elif " " not in text and is_ordinary(text):
                kind = "name case"
            else:
                kind = "any case"
        key = variant_key(text)
        variant = self.variants.get(key)
        if variant is None:
            variant = self.variants[key] = Variant(text, kind, fixed=fixed, in_lower_case_notes=in_lower_case_notes)
        elif _strictness(kind) > _strictness(variant.kind):
            variant.kind = kind
        variant.targets.add(target)

    def add_name(self, name: str, target: int, *, parts: bool = True) -> None:
        """A full name and, when `parts`, each of its parts and first + last name."""
        tokens = [t.strip(",") for t in name.split()]
        if len(tokens) == 1 or is_initials(name):
            self.add(name, target)
            return
        self.add(name, target, "any case")
        if not parts:
            return
        self.add(f"{tokens[0]} {tokens[-1]}", target, "any case")
        # A surname that starts with a particle is written with it: "Ó Súilleabháin", "de Vries".
        particle = next((i for i, t in enumerate(tokens[1:-1], start=1) if t.lower() in SURNAME_PARTICLES), None)
        if particle is not None:
            surname = " ".join(tokens[particle:])
            self.add(surname, target, "any case")
            self.add(f"{tokens[0]} {surname}", target, "any case")
        for token in tokens:
            low = token.lower().strip(".")
            if _is_single_initial(token) or low in TITLES or low in ROLE_WORDS or low in SURNAME_PARTICLES:
                continue  # "Nanna Pat": "Pat" is her name, "Nanna" is what any grandmother is called
            self.add(token, target)
            if "-" in token:
                for piece in token.split("-"):
                    if len(piece) >= 3:
                        self.add(piece, target)

    def compile(self, *, lower_case_text: bool = False, bare_possessive: bool = False) -> re.Pattern[str] | None:
        """One pattern for every variant. With `lower_case_text` (notes typed without capitals), names
        that are also words are taken in lower case too; `used_as_word` then decides each occurrence.
        With `bare_possessive`, a possessive typed without its apostrophe ("nats mum") is matched, the
        "s" captured as the group `bare_s` for the caller to judge ("wills" is a word, not Will's)."""
        if not self.variants:
            return None
        alternatives = [
            _variant_pattern(v, lower_case_text)
            for v in sorted(self.variants.values(), key=lambda v: len(v.text), reverse=True)
        ]
        body = "|".join(alternatives)
        return re.compile(
            # Not inside a word ("Donnell" in "O'Donnell": a letter then an apostrophe), but a quote mark that
            # opens a quotation ("known as 'Rubes'") does not hide the name after it.
            rf"(?<![\w@.-])(?<!\w['’‘`]){_TITLE_PATTERN}(?P<name>{body}){_HYPHEN_TAIL}"
            + (r"(?P<bare_s>s)?" if bare_possessive else "")
            + r"(?![\w@]|['’]\w\w)"
        )

    def lookup(self, matched_name: str) -> Variant | None:
        found = self.variants.get(variant_key(matched_name))
        if found is None and "." in matched_name:
            found = self.variants.get(variant_key(matched_name.replace(".", "").replace(" ", "")))  # "P.H."
        return found


def _strictness(kind: str) -> int:
    return {"any case": 0, "name case": 1, "initials": 2}[kind]


def _is_single_initial(token: str) -> bool:
    return len(token.strip(".")) == 1


def _escape_name(text: str) -> str:
    # Any apostrophe matches any apostrophe, or none ("st annes", "odonnell" in hurried notes); a space
    # matches any run of spaces.
    pieces = []
    for char in text:
        if char in APOSTROPHES:
            pieces.append(_APOS_CLASS + "?")
        elif char == ".":
            pieces.append(r"\.?")  # "C. Whitfield" and "C Whitfield"
        elif char.isspace():
            pieces.append(r"\s+")
        elif fold_accents(char) != char and len(fold_accents(char)) == 1:
            pieces.append(f"[{re.escape(char)}{re.escape(fold_accents(char))}]")  # "Fátima" and "Fatima"
        else:
            pieces.append(re.escape(char))
    return "".join(pieces)


# Two- and three-letter words and shorthand of hurried notes that are also someone's initials.
_LOWER_INITIAL_WORDS = frozenset(
    "ok hi oh ah eh uh um yes yep yeh ya ye yo ur u2 im ive id ill dr mr ms mrs pc ps dc ds di gp sw hv tc ta "
    "fb ig dm pm am na nfa dna asap aka etc tbc tba wk yr mo hr min sec kg mg ml cm mm lb oz st rd ln ave "
    "bro sis mum mam dad nan gran bf gf pls plz thx ty xx xxx lol omg idk tho cos coz bc".split())


def _variant_pattern(variant: Variant, lower_case_text: bool = False) -> str:
    if variant.kind == "initials":
        letters = re.sub(r"[.\s]", "", variant.text)
        dotted = r"\.\s?".join(letters) + r"\.?"
        lower = letters.lower()
        if lower_case_text and len(letters) in (2, 3) and letters.isupper() and lower not in STOP_WORDS \
                and letters not in COMMON_ABBREVIATIONS and lower not in _LOWER_INITIAL_WORDS:
            # "ch in custody" in a note typed without capitals: a register person's initials, which are
            # no word ("am", "us" and "ok" are words, and never taken this way).
            return f"(?:{letters}|{dotted}|(?<![\\w'’-]){lower}(?![\\w'’-]))(?!-[A-Z])"
        return f"(?:{letters}|{dotted})(?!-[A-Z])"  # not "BM" in someone else's "BM-T"
    if variant.kind == "name case":
        title = variant.text[:1].upper() + variant.text[1:].lower()
        upper = variant.text.upper()
        forms = [_escape_name(title)]
        if upper not in COMMON_ABBREVIATIONS and upper != title:
            forms.append(_escape_name(upper))
        if variant.text not in (title, upper) and not variant.text.islower():
            forms.append(_escape_name(variant.text))  # "McDonald", "DeShawn": the register's own spelling
        if lower_case_text and variant.in_lower_case_notes:
            forms.append(_escape_name(variant.text.lower()))
        return "(?:" + "|".join(forms) + ")"
    return f"(?i:{_escape_name(variant.text)})"


def used_as_word(text: str, match: re.Match[str]) -> bool:
    """For a name that is also a word: is this occurrence the word ("Will you…", "WHAT WILL HAPPEN")?"""
    if match.group("title"):
        return False
    word = match.group("name")
    if re.match(r"[ \t]+(?:19|20)\d\d\b", text[match.end():match.end() + 6]) and word.lower() in _SEASONS | _MONTH_NAMES:
        return True  # "Summer 2023", "May 2023": a season or a month; "Sky 2013 SVD" is a birth
    if word_in_context(text, match.start("name"), match.end("name")):
        return True
    if word.lower() in ORDINARY_WORD_NAMES and NOUN_AFTER_WORD.match(text, match.end()):
        return True  # "training to Faith groups", "the Summer holidays": the word before a noun it describes
    if word.islower():
        return _lower_case_word_use(text, match)
    if word.isupper() and len(word) > 1:
        # In a line of capitals a modal or other function word is a word; a noun-like name is kept
        # replaced, because an all-capitals name is how headings and police records write people.
        return _capitals_around(text, match.start(), match.end()) and word.lower() in STOP_WORDS
    if at_sentence_start(text, match.start()):
        following = re.match(r"\s+([A-Za-z]+)", text[match.end():match.end() + 30])
        if word.lower() in _MODALS:
            # "Will be reviewed", "May need support": the modal, when a verb that follows modals comes
            # next. Anything else is the name ("Will kept him in class", "Will not present" in a register
            # of who was seen): when in doubt, the name.
            return bool(following) and (following.group(1).lower() in _MODAL_VERBS
                                        or following.group(1).lower() in _MODAL_QUESTION
                                        or following.group(1).lower() in WORD_USE_FOLLOWERS)
        if following and following.group(1).lower() in _VERB_PARTICLES | _VERB_OBJECTS and word.lower() in _VERB_NAMES:
            return True  # "Chase up with mum", "Mark down as absent": an instruction
        return bool(following) and following.group(1).lower() in WORD_USE_FOLLOWERS
    return False


# Nouns that a word-name describes when it is used as a word: "Faith groups", "Rose bushes".
NOUN_AFTER_WORD = re.compile(
    r"[ \t]+(?:groups?|leaders?|communities|community|organisations?|holidays?|camps?|clubs?|bush(?:es)?|"
    r"gardens?|venues?|settings?|networks?|forums?|events?|periods?)\b"
)
_FAMILY_WORDS = frozenset("nan nana nanna gran granny grandad grandma aunty auntie aunt uncle cousin".split())
_LOWER_NAME_FOLLOWERS = frozenset("to at in on with from off back not".split())
_VERB_PARTICLES = frozenset("up down out off back through over".split())
# Names that are also verbs taking those particles ("chase up the referral", "mark down as absent").
_VERB_OBJECTS = frozenset("him her them it this that via".split())  # "Chase him out", "Chase via DS Shaaban"
_VERB_NAMES = frozenset("chase mark pat rob bob sue bill".split())
_IDIOMS = frozenset({("in", "peace"), ("at", "peace"), ("at", "dawn"), ("by", "dawn"), ("at", "will")})


_WORD_DETERMINER = re.compile(
    r"(?i:\b(?:a|an|the|some|no|any|another|second|last|fair|bit[ \t]+of|lots[ \t]+of)[ \t]+)$")
_MODALS = frozenset({"will", "may", "can"})
_MODAL_VERBS = frozenset(
    "be have need continue attend provide review visit make take ensure ask contact meet discuss receive offer "
    "complete consider remain also still then now only require want help support seek share send write call "
    "ring speak see arrange agree confirm update report follow lead chair monitor liaise check become result "
    "include involve mean apply happen occur affect depend vary "
    # what a note says the writer will do next ("Will revisit alone.", "Will keep an eye on her mood")
    "revisit keep transfer refer inform escalate close request phone email text return raise invite notify "
    "pass book allocate advise explain feed look try let go come give bring do get put note record prepare "
    "forward copy recheck undertake convene progress hold set talk telephone visit re-refer re-visit".split()
)
# A modal opening a question: "Will Dr Rennie please send the report?", "Can the school confirm?"
_MODAL_QUESTION = frozenset("dr mr mrs ms miss the this that someone anyone everyone all each both he she they "
                            "we you it i".split())


# Units that notes write after a number and that are also someone's short name ("Min", "Mo").
_UNITS = frozenset("min mins sec secs hr hrs wk wks mo mos yr yrs kg mg ml mcg cm mm lb lbs oz".split())


def after_quantity(text: str, start: int, end: int) -> bool:
    """A unit in lower case or capitals straight after a number ("20 min", "20-30 MIN"), not a person
    called Min; a name after a number is still a name ("hes 13 emre leave him")."""
    written = text[start:end]
    return (written.lower() in _UNITS and (written.islower() or written.isupper())
            # Not a date or a time before it: "28/04 jack told TA", "09:30 min rang".
            and bool(re.search(r"(?<![\d/.:-])\d{1,3}[ \t]*(?:-[ \t]*\d{1,3}[ \t]*)?$", text[max(0, start - 10):start])))


def word_in_context(text: str, start: int, end: int) -> bool:
    """Is this name that is also a word (text[start:end]) plainly the word here? A rating ("rated Amber",
    "RAG status: Amber"), a season before a school word ("Summer term"), or an adjective before a noun
    ("Sunny day", "Frank discussion")."""
    word = text[start:end].lower()
    if word in _RAG_COLOURS and _RATING_BEFORE.search(text, max(0, start - 30), start):
        return True
    after = text[end:end + 30]
    if word in _MONTH_NAMES and _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return True  # "rent paid for Jan", "since March", "end of May": a month
    if word == "dawn" and re.match(r"[ \t]+(?:chorus|raid)\b", after, re.I):
        return True  # "Dawn chorus song practice"
    if word in _SEASONS and _SEASON_AFTER.match(after):
        return True
    written = text[start:end]
    if after_quantity(text, start, end):
        return True  # "20 min", "20-30 MIN": a unit after a number, not Min
    if written.isupper() and re.search(r"(?<![\w'’-])(?:THE|A|AN)[ \t]+$", text[max(0, start - 5):start]):
        return True  # "ON THE CRAB BOATS", "IN THE LEE OF THE PIER": a determiner, then the word
    following = re.match(r"[ \t]+([a-z]+)\b", after)
    return (word in _ADJECTIVE_NAMES and bool(following) and following.group(1) not in _NAME_FOLLOWERS
            and not re.search(r"(?:ed|s)$", following.group(1)))


# Names that are mostly an adjective when a noun follows ("Sunny day"); "Frank take the keys" is a person.
_ADJECTIVE_NAMES = frozenset("sunny bright jolly mild golden".split())
# Words after a name that say it is the person: "Sunny rang", "Frank and his wife".
_NAME_FOLLOWERS = frozenset("and or had has was is will would could can did does rang spoke saw told went came "
                            "took gave met left said sent brought heard felt thought found made who kept stayed "
                            "wrote asked sat ran got".split())
_SEASON_AFTER = re.compile(r"[ \t]+(?:term|half[ -]term|holidays?|fair|fete|fayre|show|concert|camp|school|club)\b",
                           re.I)
_MONTH_NAMES = frozenset({"jan", "january", "march", "may", "june", "july", "august", "april"})
_MONTH_BEFORE = re.compile(
    r"(?i:\b(?:for|in|since|until|till|by|from|during|of|early|mid|late|next|last|each|every|end[ \t]+of)[ \t]+)$")
_RAG_COLOURS = frozenset({"amber", "red", "green"})
_RATING_BEFORE = re.compile(
    r"(?i:\b(?:rated|rating|graded|grade|rag|status|risk|flagged|assessed\s+as|as|from|to|remains|remained|"
    r"is|was|now|category|level)\b)[\s:–—-]*(?:(?:red|amber|green)[\s/,–—-]+(?:to[\s]+)?)?$"
)
_SEASONS = frozenset({"summer", "autumn", "winter", "spring"})


# In notes typed without capitals, a name that is also a word is the word after a subject ("she will",
# "i will") or before a verb form that follows modals ("will be", "will not", "may have").
_SUBJECTS = frozenset("i you we they he she it who which that there this what mum dad nan".split())
_AFTER_MODALS = frozenset("be not have never also still need always probably definitely only just".split())


def _lower_case_word_use(text: str, match: re.Match[str]) -> bool:
    if text[:match.start()].rstrip(" \t").endswith("(") and text[match.end():].lstrip(" \t").startswith(")"):
        return False  # "mum (dawn) present": a name given in brackets after who she is
    if _WORD_DETERMINER.search(text, max(0, match.start() - 12), match.start()):
        return True  # "a bee mask", "a bit of honey", "the peace": a thing, not a person
    # The words before it in the same clause: "dad) | sky is in hospital" has nothing before "sky".
    window = re.split(r"[|().;:!?,+&\n]", text[max(0, match.start() - 25):match.start()])[-1]
    before = re.findall(r"[a-z']+", window.lower())
    after = re.match(r"\s+([a-z']+)", text[match.end():match.end() + 25].lower())
    name = match.group("name").lower()
    if name in _MODALS and after and (after.group(1) in _MODAL_VERBS or not (
            after.group(1) in _NAME_FOLLOWERS or after.group(1) in _LOWER_NAME_FOLLOWERS
            or re.fullmatch(r"[a-z]+(?:ed|[^s]s|ing)", after.group(1)))):
        return True  # "referrals will record", "nurses will complete": the modal; "will said" is the boy
    if re.match(r"-[a-z]", text[match.end():match.end() + 2]):
        return True  # "a hazel-brown mark": part of a compound word
    if after and after.group(1) in _VERB_PARTICLES and name in _VERB_NAMES:
        return True  # "chase up", "pat down"; but "jack back at school", "sky back" are the children
    idiom = re.search(r"\b(in|at|by)[ \t]+$", text[max(0, match.start() - 4):match.start()])
    if idiom and (idiom.group(1), name) in _IDIOMS:
        return True  # "leave us in peace", "up at dawn"
    if before and before[-1] in _FAMILY_WORDS and name not in _MODALS:
        return False  # "nan hazel", "aunty bev": what the family call her, then her name
    if before and before[-1] in _SUBJECTS:
        return True
    # "will not", "may have": the modal; "jack not sleeping" is the boy.
    return bool(after) and after.group(1) in _AFTER_MODALS and name in _MODALS


@lru_cache(maxsize=16)
def lower_case_text(text: str) -> bool:
    """Notes typed without capitals ("call from nan (pat doyle) re rosie"): names lose their capitals,
    so names that are also words must be looked for in lower case too."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) >= 6 and sum(w[0].isupper() for w in words) <= len(words) // 20:
        return True
    starts = [m.group(1) for m in re.finditer(r"(?:^|[.!?]\s+)[^\w]*?([^\W\d_]+)", text)]
    return len(starts) >= 2 and sum(w.islower() for w in starts) * 3 >= len(starts) * 2


# A line of hurried notes inside a document that is otherwise written properly ("02/02/2022 police reply
# from ds dhaliwal: info logged. closed."): long enough to judge, and no word in it written as a name (one
# capitalised word, even "All" opening a sentence, means the writer was using capitals).
_LINE = re.compile(r"[^\n]+")
_TITLE_CASE_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*")


@lru_cache(maxsize=16)
def lower_case_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where names may have lost their capitals: the whole text when it is typed without capitals,
    otherwise each line that is. Initials and abbreviations in capitals ("K.N.", "MASH") do not count
    as capitals here: hurried notes keep those. Cached for the last few texts: every name recogniser asks
    about the text being analysed."""
    if lower_case_text(text):
        return ((0, len(text)),)
    spans = []
    for line in _LINE.finditer(text):
        words = re.findall(r"[^\W\d_]{2,}", line.group())
        if len(words) >= 6 and not _TITLE_CASE_WORD.search(line.group()):
            spans.append((line.start(), line.end()))
            continue
        # Hurried notes after a label on a line written properly ("Duty notes (typed by PC Shah): spoke
        # 2 mrs mcallister..."): from a colon to the end of the line, when that stretch has no capitals.
        for label in _LABEL_END.finditer(line.group()):
            rest = line.group()[label.end():]
            if len(re.findall(r"[^\W\d_]{2,}", rest)) >= 6 and not _TITLE_CASE_WORD.search(rest):
                spans.append((line.start() + label.end(), line.end()))
                break
        else:
            # A sentence its writer did not start with a capital ("06/11/23 chase told Kieran Boswell...")
            # is typed in a hurry, whatever else on the line has capitals.
            sentences = [s for s in _LOWER_SENTENCE.finditer(line.group())
                         if not _ABBREVIATION_BEFORE.search(line.group(), 0, s.start())]
            if sentences and _DATED_ENTRY.match(line.group()):
                # The writer of a dated note with such a sentence drops capitals elsewhere on the line too
                # ("06/02 att 80%. Mrs Hall pleased. Kayden (jack's mate) off").
                spans.append((line.start(), line.end()))
            else:
                spans.extend((line.start() + s.start("body"), line.start() + s.end()) for s in sentences)
    return tuple(spans)


_LABEL_END = re.compile(r":[ \t]+")
_DATED_ENTRY = re.compile(r"[ \t]*\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b")
# A sentence opening in lower case, at the start of a line (after a date or time) or after a full stop.
_LOWER_SENTENCE = re.compile(
    r"(?:^[ \t]*(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?[ \t]+)?(?:\d{1,2}[:.]\d{2}[ \t]+)?|(?<=[.!?|])[ \t]+)"
    r"(?P<body>[a-z][a-z'’]*\b[^.!?|\n]*)"  # to the end of the sentence or the table cell
)
# "e.g. mum", "approx. 3 kg", "no. 5": a full stop that does not end a sentence.
_ABBREVIATION_BEFORE = re.compile(r"(?i:\b(?:e\.g|i\.e|etc|approx|no|nos|vs|cf|incl|tel|ref|dr|mr|mrs|ms)\.[ \t]*)$")


_NUMBERED_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*(?:\d+(?:\.\d+)*\.?|\(?[a-z0-9]{1,3}\))[ \t]+$")


def at_sentence_start(text: str, start: int, *, after_colon: bool = True) -> bool:
    """Does a sentence (or a line, a bullet, or - with after_colon - a "Label:" value) start here?"""
    window = text[max(0, start - 40):start]
    if _NUMBERED_PARAGRAPH.search(("\n" if start <= 40 else "") + window):
        return True  # "3.4 Summer 2023." – a numbered paragraph or list item starts here
    before = window.rstrip(" \t\"'“‘([*•-–—")
    ends = ".!?:;\n\r\t•|" if after_colon else ".!?\n\r\t•|"  # "|": a table cell starts
    return not before or before[-1] in ends


def _capitals_around(text: str, start: int, end: int) -> bool:
    before = re.findall(r"[A-Za-z]{2,}", text[max(0, start - 30):start])
    after = re.findall(r"[A-Za-z]{2,}", text[end:end + 30])
    neighbours = before[-1:] + after[:1]
    return any(n.isupper() for n in neighbours)

