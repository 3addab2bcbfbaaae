"""Is this capitalised word possibly part of a person's name? Shared by the heuristic name recognisers.

A word is "name-like" when it is capitalised and none of the vocabularies the project keeps (function
words, roles, agencies, safeguarding process words, document words, months and days, countries, street and
place words) claims it. Unknown words are treated as possible names: erring towards replacement.
"""
from __future__ import annotations

import calendar
import re

from spacy.lang.en.stop_words import STOP_WORDS

from .vocabulary import (
    AGENCY_NAMES,
    AGENCY_WORDS,
    COUNTRIES,
    DOCUMENT_WORDS,
    NAME_TO_PLACE_TAIL,
    PROCESS_WORDS,
    ROLE_WORDS,
    STREET_TYPES,
    TITLES,
)

CALENDAR_WORDS = frozenset(
    {m.lower() for m in calendar.month_name if m}
    | {m.lower() for m in calendar.month_abbr if m}
    | {d.lower() for d in calendar.day_name}
    | {d.lower() for d in calendar.day_abbr}
)
_STREET_WORDS = frozenset(t.lower() for t in STREET_TYPES)
_EXTRA = frozenset(
    """
    women's men's class room year reception nursery term week weeks month months morning afternoon evening
    night christmas easter bank holiday mr mrs yes no ok okay thanks thank hi hello please kind best
    later yesterday today tomorrow tonight initially subsequently unfortunately fortunately sadly
    afterwards eventually finally previously recently currently overall additionally furthermore
    following despite although whilst while because since until after before during once
    given overall note notably importantly clearly instead separately similarly likewise
    """.split()
)
# Lower-case particles inside names: "Femke de Vries", "Ludwig van der Berg", "Ana dos Santos".
PARTICLES = frozenset("de da di du van von der den del della le la dos das bin ibn al el ap ter".split())
PARTICLE = r"(?:%s)(?:[ \t]+(?:der|den|la|le))?" % "|".join(sorted(PARTICLES, key=len, reverse=True))
# A name word: starts with an upper-case letter (any alphabet), then letters, apostrophes or hyphens.
NAME_TOKEN = r"(?:[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)"


def known_word(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return (
        low in STOP_WORDS
        or low in ROLE_WORDS
        or low in AGENCY_WORDS
        or low in AGENCY_NAMES
        or low in PROCESS_WORDS
        or low in DOCUMENT_WORDS
        or low in CALENDAR_WORDS
        or low in COUNTRIES
        or low in TITLES
        or low in _STREET_WORDS
        or low in NAME_TO_PLACE_TAIL
        or low in _EXTRA
    )


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
