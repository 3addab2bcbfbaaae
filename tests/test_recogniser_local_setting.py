"""Named nurseries, pre-schools, childminders, children's centres and clubs: the setting's own name
identifies the child's locality as surely as a school's, so it becomes a generic description."""
from __future__ import annotations

import pytest

from pipeline.anonymise.recognisers.setting import LocalSettingRecogniser


@pytest.fixture(scope="module")
def run(anonymiser_factory):
    anonymiser = anonymiser_factory(None)
    return lambda text: anonymiser.anonymise(text).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She goes to Busy Bumblebees nursery on Tuesdays.", "She goes to the nursery on Tuesdays."),
        ("At the Acorn Tree pre-school staff noticed a bruise.", "At the pre-school staff noticed a bruise."),
        ("Looked after by Sunny Days childminder while Mum worked.", "Looked after by the childminder while Mum worked."),
        ("He goes to the Otterburn youth club on Fridays.", "He goes to the youth club on Fridays."),
        ("Booked into Skylark after-school club.", "Booked into the after-school club."),
        # A setting's name may begin with a word that is also a role or process word ("Step", "Care").
        ("Kai goes to Stepping Stars nursery.", "goes to the nursery."),
        # The name alone, with the kind of setting said elsewhere in the passage.
        ("Amara attends Puddle Ducks three days a week; the nursery reported no concerns.",
         "the nursery three days a week; the nursery reported no concerns."),
        ("At Puddle Ducks nursery she was settled. Puddle Ducks staff said she was hungry.",
         "At the nursery she was settled. The nursery staff said she was hungry."),
    ],
)
def test_named_settings_become_generic(run, text, expected):
    out = run(text)
    assert expected in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Child attends nursery three days a week.",
        "She attended the Family Court and the nursery.",
        "He attends Oakbridge Primary School; his sister attends the nursery.",
        "The nursery manager spoke to the Health Visitor.",
    ],
)
def test_generic_settings_and_other_places_are_not_taken(text):
    found = [text[r.start:r.end] for r in LocalSettingRecogniser().analyze(text, None)]
    assert found == []
