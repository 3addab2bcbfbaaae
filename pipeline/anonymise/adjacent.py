"""What stands right next to a person's name and can only be more of that person, or another person.

The recognisers find a name; records then add to it in ways no recogniser looks for:

- a given name before the surname the model found ("Marisol" + "Dela Cruz");
- a surname in capitals after a given name ("Shamsul UDDIN", "Mirela ROSTAȘ"), as case systems print it;
- an initial or hyphenated initials after the name ("Kerry-Ann W + Tyson", "SW Aisha B-D."): one surviving
  "B-D" narrows a social worker down to a handful of people, so the initial goes with the name;
- a nickname in quotes straight after the name ("Anthony Ruddock ("Big Tone")", "(Darren Tuck, "Dazza")"):
  it is the same person, so it takes the same label, and it is looked for everywhere else;
- initials a legend gives for the name ("BH = Bev Howes") or a staff code in brackets after it ("Mrs S. Ward
  (SWA)"): the same person, the same label, and looked for elsewhere ("| SWA | Police information |");
- another name joined to a person by "+", "&" or "and" ("Ahmed + Hawa + Hassan" in a sign-in sheet,
  "twins Hawa and Hassan"): a capitalised word no vocabulary knows, in a list of people, is a person.

These run on the replacements the engine has settled, in every text, after other mentions of learned names
were added. Nicknames and names in a "+" list are learned like any name vouched for by a cue; a name
joined by "and" is replaced where it stands but not looked for elsewhere, because "Wrensham and Swale"
(a town the model took for a person, and a district) would otherwise spread "Swale" to every "Swale
Estuary Homes" in the batch.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .recognisers.vocabulary import COMMON_ABBREVIATIONS, TITLES
from .recognisers.wordlists import EnglishWords, is_first_name, known_word, singulars

# An initial, or hyphenated initials, after a name; then the end of the name: a line end, punctuation, a
# "+" or "&" joining the next person, or a lower-case word ("Kerry-Ann W signed").
_INITIAL_AFTER = re.compile(
    r"[ \t]+(?P<initial>[A-Z](?:-[A-Z])?)(?:\.(?![\w]))?(?=['’]s\b|[ \t]*(?:$|[\n\r.,;:!?)\]|/+&])|[ \t]+[a-z(])",
    re.MULTILINE,
)
# "A" and "I" after a name are as often the article or the pronoun: only before the end of the name's line
# or a list separator do they count.
_AMBIGUOUS_LETTERS = frozenset("AI")
_CAPS_AFTER = re.compile(r"[ \t]+(?P<word>[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)*)(?![\w'’-])")
_NICKNAME_WORD = r"[A-Z][\w'’-]*"
# A quoted nickname straight after the name, in brackets or after a comma.
_NICKNAME_AFTER = re.compile(
    rf"(?:[ \t]*\([ \t]*|[ \t]*,[ \t]*|[ \t]+)[\"“‘'](?P<nick>{_NICKNAME_WORD}(?:[ \t]+{_NICKNAME_WORD}){{0,2}})[\"”’']"
)
# One to three initials straight before a name: "Ms S M Doherty", "S. Doherty".
_INITIALS_BEFORE = re.compile(r"(?<![\w'’.-])(?P<initials>(?:[A-Z]\.?[ \t]+){1,3})$")
# A quoted nickname, then the name in brackets: '"Gilly" (Craig Gillespie)'.
# '"Gilly" (Craig Gillespie)', '"Gabi" believed to be Gabriela Moreira', '"Tez" aka Terence Hill'.
_NICKNAME_BEFORE = re.compile(
    rf"[\"“‘'](?P<nick>{_NICKNAME_WORD}(?:[ \t]+{_NICKNAME_WORD}){{0,2}})[\"”’']"
    r"(?:[ \t]*\([ \t]*|[ \t]+(?:believed[ \t]+to[ \t]+be|thought[ \t]+to[ \t]+be|aka|a\.k\.a\.|i\.e\.|=|is)[ \t]+)$"
)
_HYPHENED_BEFORE = re.compile(r"(?<![\w'’-])(?P<given>[A-Z][a-z'’]+-)$")
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])(?P<given>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)[ \t]+$")
# A surname in capitals before the given names, as police and ambulance systems print them: "PHAM Thi Lan".
_CAPS_BEFORE = re.compile(r"(?<![\w'’-])(?P<word>[^\W\d_a-z][^\W\d_a-z'’-]+)[ \t]+$")
# Another person in the same comma list: "Volunteers on: Sukhi, Harjit Gill, ..." (one word, then a comma).
_LISTED_AFTER = re.compile(r",[ \t]*(?P<word>[A-Z][\w'’-]*[\w])(?=[ \t]*(?:,|$|\band\b|&|\(|\.(?!\w)))", re.MULTILINE)
_LISTED_BEFORE = re.compile(r"(?:^|[:,(][ \t]*)(?P<word>[A-Z][\w'’-]*[\w])[ \t]*,[ \t]*$", re.MULTILINE)
_CODE_AFTER = re.compile(r"[ \t]*[(\[][ \t]*(?P<code>[A-Z]{2,4})[ \t]*[)\]]")
_LEGEND_BEFORE = re.compile(r"(?<![\w'’-])(?P<initials>[A-Z]{2,4})[ \t]*=[ \t]*$")
_JOINED_AFTER = re.compile(r"[ \t]*(?:\+|&|[ \t]and)[ \t]+(?P<word>[A-Z][\w'’-]*[\w])")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_JOINED_BEFORE = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][\w'’-]*[\w])[ \t]*(?:\+|&|[ \t]and)[ \t]+$")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    replacement: str
    # "initial" (after), "initials before", "given before", "nickname", "code" (initials or a staff code that
    # stands for the person), "listed" (by "+" or "&"), "joined" (by "and")
    kind: str


def around_people(
    text: str,
    people: list[tuple[int, int, str]],
    taken: list[tuple[int, int]],
    english: EnglishWords,
    label_for: Callable[[str], str],
) -> list[Found]:
    """New spans next to the people (start, end, replacement) already found in `text`. `taken` holds
    every span already replaced or kept (exempt names, agencies), which nothing here may overlap;
    `label_for` labels a newly found person."""
    occupied = list(taken)
    out: list[Found] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in occupied)

    def add(item: Found) -> None:
        out.append(item)
        occupied.append((item.start, item.end))

    def claim(span: tuple[int, int], label: str, kind: str) -> None:
        """The same person's other name or code: a free span, or one found on its own under another
        label, takes this person's label."""
        if free(*span):
            add(Found(*span, label, kind))
        elif any((s, e) == span and other != label for s, e, other in people):
            out.append(Found(*span, label, kind))

    queue = sorted(people)
    seen: set[tuple[int, int]] = set()
    while queue:
        start, end, label = queue.pop(0)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        initial = _INITIAL_AFTER.match(text, end)
        if initial and _initial_counts(text, initial) and free(initial.start("initial"), initial.end("initial")):
            add(Found(end, initial.end("initial"), label, "initial"))
            end = initial.end("initial")
        before = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
        if before:
            # The initials nothing else took ("Ms S" may be a title's name already): "Ms S M Doherty".
            begin = next((m.start() for m in re.finditer(r"[A-Z]", text[before.start("initials"):start])
                          if free(before.start("initials") + m.start(), start)), None)
            if begin is not None:
                begin += before.start("initials")
                letters = text[begin:start].strip(". \t")
                word_before = re.search(r"([A-Za-z]+)\.?[ \t]+$", text[max(0, begin - 12):begin])
                article = (letters in _AMBIGUOUS_LETTERS and re.search(r"[a-z][ \t]+$", text[max(0, begin - 3):begin])
                           # "custody sgt I HOLLIS": after a rank or a title it is the initial
                           and not (word_before and word_before.group(1).lower() in TITLES))
                if not article:
                    add(Found(begin, start, label, "initials before"))
                    start = begin
        hyphened = _HYPHENED_BEFORE.search(text, max(0, start - 20), start)
        if hyphened and free(hyphened.start("given"), start):
            add(Found(hyphened.start("given"), start, label, "initials before"))  # "Sienna-" + "Rose Walsh"
            start = hyphened.start("given")
        given = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
        if given and free(*given.span("given")) and _given_name(text, given.start("given"), given.end("given"), english):
            add(Found(given.start("given"), start, label, "given before"))  # "Marisol" + "Dela Cruz"
            start = given.start("given")
        surname_first = _CAPS_BEFORE.search(text, max(0, start - 30), start)
        if (surname_first and text[start:start + 1].isupper() and not text[start:end].isupper()
                and _caps_surname(surname_first.group("word"), english) and free(*surname_first.span("word"))):
            add(Found(surname_first.start("word"), start, label, "initials before"))  # "PHAM" + "Thi Lan"
            start = surname_first.start("word")
        caps = _CAPS_AFTER.match(text, end)
        if caps and _caps_surname(caps.group("word"), english) and free(*caps.span("word")):
            add(Found(end, caps.end("word"), label, "initial"))  # widened like an initial
            end = caps.end("word")
        quoted = _NICKNAME_BEFORE.search(text, max(0, start - 40), start)
        if quoted and _nickname(quoted.group("nick")) and label and free(*quoted.span("nick")):
            add(Found(*quoted.span("nick"), label, "nickname"))  # a mate's, "Gilly" (Craig Gillespie)
        code = _CODE_AFTER.match(text, end)
        name_initials = {w[0] for w in re.findall(r"[A-Z][\w'’-]*", text[start:end]) if w.lower().rstrip(".") not in TITLES}
        if code and label and not known_word(code.group("code")) and code.group("code")[0] in name_initials:
            # "Mrs S. Ward (SWA)": the code a school or a system gives the person, used alone elsewhere. It
            # starts with one of the name's initials; "Mrs Sandra Pike (HT)" gives her role.
            claim(code.span("code"), label, "code")
        nickname = _NICKNAME_AFTER.match(text, end)
        if nickname and _nickname(nickname.group("nick")) and label:
            claim(nickname.span("nick"), label, "nickname")
        legend = _LEGEND_BEFORE.search(text, max(0, start - 12), start)
        if legend and label:
            claim(legend.span("initials"), label, "code")  # "BH = Bev Howes": the same person
        for joined in (_JOINED_AFTER.match(text, end), _JOINED_BEFORE.search(text, max(0, start - 40), start),
                       _LISTED_AFTER.match(text, end), _LISTED_BEFORE.search(text, max(0, start - 40), start)):
            if joined is None:
                continue
            word_start, word_end = joined.span("word")
            if text.startswith(".", word_end) and not text[word_start:word_end].isupper():
                continue  # "..., Amy Rawcliffe, Manchester.": a list may end in a place; initials it ends in are people
            plus = bool(re.search(r"[+&]", joined.group()))
            if free(word_start, word_end) and _unknown_name(text, word_start, word_end, english, plus):
                found = Found(word_start, word_end, label_for(text[word_start:word_end]), "listed" if plus else "joined")
                add(found)
                queue.append((word_start, word_end, found.replacement))
    return out


def _given_name(text: str, start: int, end: int, english: EnglishWords) -> bool:
    """A capitalised word before a person's found surname that is more of the name: no vocabulary has it,
    it is no everyday word, and it does not open the sentence as a word would ("Thanks", "Later")."""
    word = text[start:end]
    if known_word(word) or word.lower() in STOP_WORDS or word.lower().rstrip(".") in TITLES:
        return False
    if is_first_name(word) or not english.common(word):
        return True
    # A rare noun of the dictionary ("Aliyah", "Kestrel") before the surname is the given name too, except
    # where it opens a sentence; a verb, adjective or adverb is not ("Thanks", "Later").
    return not any(f in english.other or f in STOP_WORDS for f in singulars(word)) and not re.search(
        r"[.!?][ \t]+$", text[max(0, start - 3):start])


def _caps_surname(word: str, english: EnglishWords) -> bool:
    """A surname in capitals after a given name, as systems print them ("Shamsul UDDIN", "Mirela
    ROSTAȘ"): a word in capitals that no dictionary or abbreviation list has."""
    core = re.sub(r"['’]S$", "", word)
    if not core.isupper() or len(core.replace("-", "")) < 3 or known_word(core):
        return False
    low = core.lower()
    return low not in STOP_WORDS and not english.common(low)


def _initial_counts(text: str, match: re.Match[str]) -> bool:
    letters = match.group("initial")
    if letters not in _AMBIGUOUS_LETTERS:
        return True
    return bool(re.match(r"[ \t]*(?:$|[\n\r,;+&)|/])", text[match.end("initial"):], re.MULTILINE))


def _nickname(written: str) -> bool:
    words = written.split()
    if any(w.lower() in STOP_WORDS for w in words):
        return False  # a quoted remark, not a name: "There's always shouting"
    return not all(known_word(w) for w in words)  # "Mum", "Nan": what the family calls her, not a name


def _unknown_name(text: str, start: int, end: int, english: EnglishWords, plus: bool) -> bool:
    """A capitalised word that no vocabulary claims and that is no everyday verb or function word. An
    everyday noun counts only when joined by "+" or "&", as in a sign-in sheet ("- Lan + Bao"), or when it
    is also a given name; after "and" it is a thing ("Rain and Sky", "Mr Lim and Tenancy Officer ...")."""
    word = re.sub(r"['’]s$", "", text[start:end])
    if word.isupper() and 2 <= len(word) <= 3 and word.isalpha():
        # Initials in a list of people ("Present: mum, Dave Nuttall, Amy Rawcliffe, JP."): a person, unless
        # they are an abbreviation any document uses ("CSC", "GP", "HV").
        return not (known_word(word) or word in COMMON_ABBREVIATIONS or word.lower() in STOP_WORDS)
    if len(word) < 2 or word.isupper() or word.lower().rstrip(".") in TITLES or known_word(word):
        return False
    forms = singulars(word)
    if any(f in english.other or f in STOP_WORDS for f in forms):
        return False
    if not plus and any(f in english.nouns for f in forms) and not is_first_name(word):
        return False  # "Mr Lim and Tenancy Sustainment Officer ...": after "and", nouns are things
    following = _NEXT_WORD.match(text, end)
    if following and (known_word(following.group(1)) or english.common(following.group(1))):
        return False  # the first word of a job title or a service: "Mum + Family Support Worker"
    return True


