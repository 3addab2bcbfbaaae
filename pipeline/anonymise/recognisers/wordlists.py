"""Is this capitalised word possibly part of a person's name? Shared by the heuristic name recognisers.

A word is "name-like" when it is capitalised and none of the vocabularies the project keeps (function
words, roles, agencies, safeguarding process words, document words, months and days, countries, street and
place words) claims it. Unknown words are treated as possible names: erring towards replacement.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from .vocabulary import (
    AGENCY_NAMES,
    AGENCY_WORDS,
    COMMON_ABBREVIATIONS,
    COUNTRIES,
    DOCUMENT_WORDS,
    NAME_TO_PLACE_TAIL,
    PROCESS_WORDS,
    ROLE_HEADS,
    ROLE_WORDS,
    STREET_TYPES,
    TITLES,
)

CALENDAR_WORDS = frozenset(
    {m.lower() for m in calendar.month_name if m}
    | {m.lower() for m in calendar.month_abbr if m}
    | {d.lower() for d in calendar.day_name}
    | {d.lower() for d in calendar.day_abbr}
    | {"tues", "weds", "thur", "thurs", "sept"}  # how notes shorten days and months
)
_TITLE_SET = frozenset(TITLES)
_STREET_WORDS = frozenset(t.lower() for t in STREET_TYPES)
_EXTRA = frozenset(
    """
    women's men's class room year reception nursery term week weeks month months morning afternoon evening
    night christmas easter bank holiday mr mrs yes no ok okay thanks thank hi hello please kind best
    media data admin administration co-ordinator coordinator timescale timescales enquiry enquiries
    companies vauxhall ford toyota nissan honda bmw audi mercedes volkswagen vw peugeot renault citroen
    fiat kia hyundai skoda seat mini volvo mazda suzuki tesla corsa fiesta focus astra golf polo clio
    transit qashqai juke yaris octavia max min powerpoint excel
    later yesterday today tomorrow tonight initially subsequently unfortunately fortunately sadly
    afterwards eventually finally previously recently currently overall additionally furthermore
    following despite although whilst while because since until after before during once
    given overall note notably importantly clearly instead separately similarly likewise
    rang spoke saw told went came took gave met left said sent brought heard felt thought found made
    learnt hosp appt appts van car bus taxi lorry caldicott
    snapchat facebook instagram whatsapp tiktok messenger twitter youtube telegram signal
    """.split()
    # Medicines and baby products that records name by brand: never a person or an organisation.
) | frozenset(
    """
    calpol nurofen piriton gaviscon infacol sudocrem bepanthen dioralyte movicol lactulose ventolin
    clenil becotide oilatum diprobase aveeno e45 cetirizine ibuprofen paracetamol amoxicillin penicillin
    fluoxetine sertraline citalopram mirtazapine diazepam methadone subutex buprenorphine naloxone
    olanzapine quetiapine risperidone lithium melatonin ritalin methylphenidate epipen dettol savlon
    """.split()
)
# Lower-case particles inside names: "Femke de Vries", "Ludwig van der Berg", "Ana dos Santos".
PARTICLES = frozenset("de da di du van von der den del della le la dos das bin ibn al el ap ter".split())
PARTICLE = r"(?:%s)(?:[ \t]+(?:der|den|la|le))?" % "|".join(sorted(PARTICLES, key=len, reverse=True))
# A name word: starts with an upper-case letter (any alphabet), then letters, apostrophes or hyphens.
NAME_TOKEN = r"(?:[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)"


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names from the public-domain US census lists shipped by the `names` package (about 5,500).
    A positive sign that a capitalised word is a person; never the only way a name is found."""
    found: set[str] = set()
    for data in ("dist.male.first", "dist.female.first"):
        text = resources.files("names").joinpath(data).read_text(encoding="ascii")
        found.update(line.split()[0].lower() for line in text.splitlines() if line.strip())
    return frozenset(found)


def is_first_name(word: str) -> bool:
    return word.lower() in first_names()


_IRREGULAR_PLURALS = {"children": "child", "people": "person", "women": "woman", "men": "man", "wives": "wife"}


@lru_cache(maxsize=65536)
def singulars(word: str) -> tuple[str, ...]:
    """The word and the base forms it may be inflected from ("Enquiries" -> "enquiry", "Securing" ->
    "secure"), enough to look an everyday word up in a list of lemmas. Cached: the recognisers ask about
    the same words many times in every paragraph."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s") and len(low) > 3:
        low = low[:-2]  # "Panel's"
    forms = [low]
    if low in _IRREGULAR_PLURALS:
        forms.append(_IRREGULAR_PLURALS[low])  # "Children" -> "child"
    if low.endswith("ies") and len(low) > 4:
        forms.append(low[:-3] + "y")
    if low.endswith("es") and len(low) > 4:
        forms.append(low[:-2])  # "boxes" -> "box"; not "Rees" -> "re"
    if low.endswith("s") and len(low) > 2:
        forms.append(low[:-1])
    for ending in ("ing", "ed"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[: -len(ending)]
            forms += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "planned" -> "plan"
    return tuple(forms)


@dataclass(frozen=True)
class EnglishWords:
    """Everyday English words (nouns, and verbs/adjectives/adverbs) from the model's lemmatiser tables."""

    nouns: frozenset[str] = frozenset()
    other: frozenset[str] = frozenset()

    def common(self, word: str) -> bool:
        """An everyday word. WordNet's nouns include famous people's names ("kelly", "sarah"), so a noun
        that is also a given name does not count as everyday. Hyphenated: every part is everyday."""
        parts = [p for p in re.split(r"[-‐]", word) if p]
        if len(parts) > 1:
            return all(self.common(p) for p in parts)
        forms = singulars(word)
        if any(f in self.other or f in STOP_WORDS for f in forms):
            return True
        return any(f in self.nouns for f in forms) and not is_first_name(word)


@lru_cache(maxsize=65536)
def known_word(word: str) -> bool:
    if word.rstrip("s") in COMMON_ABBREVIATIONS or word in COMMON_ABBREVIATIONS:
        return True  # "IMR", "SCRs"
    return any(_known_form(form) for form in singulars(word))


def _known_form(low: str) -> bool:
    return (
        low in STOP_WORDS
        or low in ROLE_WORDS
        or low in AGENCY_WORDS
        or low in AGENCY_NAMES
        or low in PROCESS_WORDS
        or low in DOCUMENT_WORDS
        or low in CALENDAR_WORDS
        or low in COUNTRIES
        or low in _TITLE_SET
        or low in _STREET_WORDS
        or low in NAME_TO_PLACE_TAIL
        or low in ROLE_HEADS
        or low in _EXTRA
    )


@lru_cache(maxsize=65536)
def name_like(word: str) -> bool:
    """Capitalised (Title case, not all capitals), not a known word, at least two letters."""
    core = re.sub(r"['’]s$", "", word)
    return (
        len(core) >= 2
        and core[0].isupper()
        and not core.isupper()
        and not any(c.isdigit() for c in core)
        and not known_word(core)
    )


def everyday_phrase(words: list[str], english: EnglishWords) -> bool:
    """Every word is an everyday or project word and none is a given name: "Criminal Proceedings",
    "TIMESCALES CHART", "Sub-Committee" – a heading or a thing, not a person."""
    return bool(words) and all(
        not is_first_name(w) and (known_word(w) or english.common(w)) for w in words
    )
