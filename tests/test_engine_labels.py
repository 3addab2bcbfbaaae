"""Stable labels for people not in the register."""
from __future__ import annotations

import multiprocessing

import pytest

from pipeline.anonymise.labels import Labeller, normalise_name


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Mr Jones", "jones"),
        ("JONES", "jones"),
        ("Jones's", "jones"),
        ("Jones’", "jones"),
        ("Dr. Amir  Okafor", "amir okafor"),
        ("DC O’Neill", "o'neill"),
    ],
)
def test_normalise_name(written, normalised):
    assert normalise_name(written) == normalised


def test_variants_of_one_person_share_a_label():
    labeller = Labeller()
    assert labeller.label("PERSON", "John Jones") == "Person 1"
    for variant in ("Mr Jones", "JONES", "Jones's", "john jones", "John"):
        assert labeller.label("PERSON", variant) == "Person 1", variant
    assert labeller.label("PERSON", "Amir Okafor") == "Person 2"


def test_bare_surname_first_then_full_name():
    labeller = Labeller()
    assert labeller.label("PERSON", "Mr Okafor") == "Person 1"
    assert labeller.label("PERSON", "Amir Okafor") == "Person 1"


def test_a_surname_two_people_share_is_not_pinned_on_either():
    labeller = Labeller()
    assert labeller.label("PERSON", "John Jones") == "Person 1"
    assert labeller.label("PERSON", "Mary Jones") == "Person 2"
    assert labeller.label("PERSON", "Jones") == "Person 3"


def test_entity_types_count_separately():
    labeller = Labeller()
    assert labeller.label("PERSON", "John Jones") == "Person 1"
    assert labeller.label("PLACE", "Eastbridge") == "Place 1"


def _label_in_worker(args):
    store, lock, name = args
    return Labeller(store, lock).label("PERSON", name)


def test_labels_are_shared_across_processes():
    with multiprocessing.Manager() as manager:
        store, lock = manager.dict(), manager.Lock()
        names = ["John Jones", "Mr Jones", "Amir Okafor", "JONES", "Amir Okafor"]
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            labels = pool.map(_label_in_worker, [(store, lock, n) for n in names])
        assert len(set(labels)) == 2
        assert labels[0] == labels[1] == labels[3]
        assert labels[2] == labels[4]
