"""Stable labels for people (and other entities) that are not in the register.

The same person must get the same label in every file of a batch ("Person 3" in the chronology and in the
IMR), otherwise a reader cannot follow the account and, worse, may think two people are one. Writers name
the same person in many ways ("Mr Jones", "JONES", "Jones's", "John Jones"), so names are normalised before
they are looked up.

The store and lock may be multiprocessing.Manager objects so worker processes share one set of labels.
"""
from __future__ import annotations

import re
import threading
from collections.abc import MutableMapping
from typing import Any

# Titles and ranks that precede a name but are not part of who the person is.
TITLES = (
    "mr", "mrs", "ms", "miss", "mx", "master", "dr", "doctor", "prof", "professor", "sir", "dame", "lady", "lord",
    "rev", "revd", "reverend", "cllr", "councillor", "nurse", "sister", "pc", "wpc", "dc", "ds", "di", "dci",
    "dsi", "psi", "sgt", "sergeant", "insp", "inspector", "det", "detective", "constable", "ch", "supt",
    "superintendent", "officer", "mother", "father",
)
_TITLE_RE = re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(TITLES), re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-"})

PREFIXES = {"PERSON": "Person", "PLACE": "Place", "ORGANISATION": "Organisation"}

_NEXT = "\x00next\x1f"
_KEY = "\x00key\x1f"
_CLAIMED = "\x00claimed\x1f"
_INITIAL = "\x00initial\x1f"
_INITIALS = "\x00initials\x1f"


def normalise_name(text: str) -> str:
    """The comparable form of a name: no title, no possessive, no dots, single spaces, lower case."""
    value = " ".join(text.translate(_APOSTROPHES).split())
    value = _TITLE_RE.sub("", value)
    if value.endswith("s'") and len(value) > 3:
        value = value[:-1]
    elif value.lower().endswith("'s"):
        value = value[:-2]
    value = value.replace(".", " ").strip(" ,;:'\"()[]")
    return " ".join(value.split()).casefold()


class Labeller:
    """Gives "Person 1", "Person 2"... consistently for the same name across a batch."""

    def __init__(self, store: MutableMapping[str, str] | None = None, lock: Any = None) -> None:
        self._store: MutableMapping[str, str] = store if store is not None else {}
        self._lock = lock if lock is not None else threading.RLock()

    def label(self, entity_type: str, text: str) -> str:
        key = normalise_name(text) or text.strip().casefold()
        with self._lock:
            found = self._store.get(f"{_KEY}{entity_type}\x1f{key}")
            if found is not None:
                return found
            found = self._alias_of(entity_type, key)
            if found is None:
                found = self._new_label(entity_type)
            self._remember(entity_type, key, found)
            return found

    def existing(self, entity_type: str, text: str) -> str | None:
        """The label `text` was given, if it was labelled; never makes a new one."""
        key = normalise_name(text) or text.strip().casefold()
        with self._lock:
            return self._store.get(f"{_KEY}{entity_type}\x1f{key}")

    def alias(self, entity_type: str, text: str, label: str) -> str:
        """Give `text` the label another name has: a nickname ("Dazza") is the same person as the name
        it was given with ("Darren Tuck"), even if it was labelled on its own before."""
        key = normalise_name(text) or text.strip().casefold()
        with self._lock:
            self._store[f"{_KEY}{entity_type}\x1f{key}"] = label
            return label

    def known(self) -> dict[str, str]:
        """Normalised name -> label for every name labelled so far (for the re-identification key)."""
        return {
            stored[len(_KEY):].split("\x1f", 1)[1]: label
            for stored, label in list(self._store.items())
            if stored.startswith(_KEY)
        }

    def _alias_of(self, entity_type: str, key: str) -> str | None:
        if entity_type != "PERSON":
            return None
        parts = key.split()
        if len(parts) > 1 and all(len(p) == 1 for p in parts):
            parts = ["".join(parts)]  # "A.B." is the initials "ab"
        if len(parts) == 1:
            # "Jones" after "John Jones": the same person when only one known full name has that surname
            # (or that first name); "EK" after "Ewa Kowalczyk" when only one known full name has those
            # initials.
            return (self._store.get(f"{_CLAIMED}{entity_type}\x1f{parts[0]}")
                    or self._store.get(f"{_INITIALS}{entity_type}\x1f{parts[0].replace(chr(39), '')}") or None)
        if len(parts) == 2 and len(parts[0]) == 1:
            # "J. Jones" after "John Jones": the same person when one known full name has that surname
            # and that initial.
            claimed = self._store.get(f"{_CLAIMED}{entity_type}\x1f{parts[1]}")
            initial_of = self._store.get(f"{_INITIAL}{entity_type}\x1f{parts[1]}")
            if claimed and initial_of == parts[0]:
                return claimed
        # "John Jones" after a bare "Jones" was labelled: the bare surname was this person, unless another
        # full name has already claimed it.
        for part in (parts[-1], parts[0]):
            bare = self._store.get(f"{_KEY}{entity_type}\x1f{part}")
            if bare is not None and self._store.get(f"{_CLAIMED}{entity_type}\x1f{part}") in (None, bare):
                return bare
        return None

    def _remember(self, entity_type: str, key: str, label: str) -> None:
        self._store[f"{_KEY}{entity_type}\x1f{key}"] = label
        parts = key.split()
        if entity_type != "PERSON" or len(parts) < 2:
            return
        if len(parts[0]) > 1:
            self._store.setdefault(f"{_INITIAL}{entity_type}\x1f{parts[-1]}", parts[0][0])
        from .recognisers.known_names import initials_of

        for letters in {i.replace("'", "").lower() for i in initials_of(parts)}:
            claim = f"{_INITIALS}{entity_type}\x1f{letters}"
            existing = self._store.get(claim)
            # Two people with the same initials: bare initials are pinned on neither.
            self._store[claim] = label if existing in (None, label) else ""
        for part in {parts[0], parts[-1]}:
            claim = f"{_CLAIMED}{entity_type}\x1f{part}"
            existing = self._store.get(claim)
            if existing is None:
                self._store[claim] = label
            elif existing != label:
                # Two different people share this first name or surname: a bare mention is ambiguous,
                # so it gets its own label rather than being pinned on either of them.
                self._store[claim] = ""

    def _new_label(self, entity_type: str) -> str:
        counter = f"{_NEXT}{entity_type}"
        number = int(self._store.get(counter, "0")) + 1
        self._store[counter] = str(number)
        return f"{PREFIXES.get(entity_type, entity_type.title())} {number}"
