"""Shared test fixtures.

The spaCy model takes about a second to load and ~100 MiB, so it is loaded once per test session
(pipeline.anonymise.nlp.load_model caches it per process). Reuse these fixtures rather than building your
own Anonymiser:

    anonymiser_factory(register=None, **settings) -> Anonymiser
        A fresh Anonymiser (fresh labels) for any register and settings, e.g.
        anonymiser_factory(my_register, dates="month"). Cheap after the first call.
    case_register -> Register
        A small but awkward family: shared surname, names that are words (Grace, Will), an apostrophe and
        a hyphenated name, an address and a school, and an exempt Chair.
    anonymiser -> Anonymiser
        Session-wide Anonymiser for case_register with default settings. Its labels accumulate across
        tests; use anonymiser_factory when a test counts labels.
"""
from __future__ import annotations

import pytest

from pipeline.anonymise import Anonymiser, AnonymiserSettings
from pipeline.register import ExemptPerson, Person, Place, Register


@pytest.fixture(scope="session")
def case_register() -> Register:
    return Register(
        people=(
            Person("Poppy Harrington", "Child A", ("Pops", "Poppy-Mae"), "subject child"),
            Person("Kelly Harrington", "Mother", (), "mother"),
            Person("Susan Harrington", "Maternal grandmother", (), "maternal grandmother"),
            Person("Dean O'Neill", "Father", (), "father"),
            Person("Grace Smith-Jones", "Sibling 1", (), "half-sibling"),
            Person("Will Turner", "Mother's partner", (), "mother's partner"),
            Person("Priya Shah", "Social Worker 1", (), "social worker"),
        ),
        places=(
            Place("14 Larch Close, Eastbridge", "the family home", ("Larch Close",), "address"),
            Place("Oakfield Primary School", "the primary school", (), "school"),
        ),
        exempt=(
            ExemptPerson("Sarah Jenkins", "LSCB Chair", "Northshire LSCB"),
            ExemptPerson("Michael Adeyemi", "Overview author", "Independent"),
        ),
    )


@pytest.fixture(scope="session")
def anonymiser_factory():
    def make(register: Register | None = None, **settings) -> Anonymiser:
        return Anonymiser(register, settings=AnonymiserSettings(**settings))

    return make


@pytest.fixture(scope="session")
def anonymiser(anonymiser_factory, case_register) -> Anonymiser:
    return anonymiser_factory(case_register)
