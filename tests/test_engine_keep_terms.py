"""What the case says may be shown stays shown: the named people (even when a family member shares a first
name), their organisations, the agencies and the review's own reference (§8.78)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.case import load_case
from pipeline.register import ExemptPerson, Person, Register

CHILD_A = Path(__file__).resolve().parent.parent / "samples" / "child-a"


@pytest.fixture(scope="module")
def shared_first_name(anonymiser_factory):
    register = Register(people=(Person("Grace Harrington", "Mother"),),
                        exempt=(ExemptPerson("Grace Hopper", "LSCB Chair", "Northshire LSCB"),))
    return anonymiser_factory(register)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grace Hopper chaired the panel.", "Grace Hopper chaired the panel."),
        ("Grace Harrington attended.", "Mother attended."),
        ("Grace said no.", "Mother said no."),
        ("Ms Hopper agreed.", "Ms Hopper agreed."),
    ],
)
def test_exempt_full_name_wins_over_a_shared_first_name(shared_first_name, text, expected):
    assert shared_first_name.anonymise(text).text == expected


def test_case_keep_terms_survive(anonymiser_factory):
    case = load_case(CHILD_A)
    anonymiser = anonymiser_factory(case.register, keep_terms=case.keep_terms)
    text = (f"The review ({case.review.reference}) was led by {case.board.name}; "
            f"{case.agency('housing').name} and {case.panel_members[0].organisation} took part.")
    assert anonymiser.anonymise(text).text == text
    assert "Child A" in anonymiser.anonymise("Poppy Harrington was seen by Eastbridge Homes.").text


def test_a_kept_name_learned_by_mistake_does_not_spread(anonymiser_factory):
    # One misread table line once taught the engine that "Northshire" was a person, and every file of the
    # batch then lost the county's name. Words of the case's keep terms are never spread that way.
    text = "She was referred to Northshire Talking Therapies."
    guarded = anonymiser_factory(Register(), keep_terms=("Northshire Constabulary",))
    guarded.learn_names([("Northshire", True)])
    assert guarded.anonymise(text).text == text
    unguarded = anonymiser_factory(Register())
    unguarded.learn_names([("Northshire", True)])
    assert "Northshire" not in unguarded.anonymise(text).text
