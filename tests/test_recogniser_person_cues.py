"""Heuristic person recognisers: titles and ranks, cue words, initials, runs of unknown capitalised words.

Each is tested on what it must take and, as importantly, what it must leave: job titles, agencies,
sentence-initial adverbs, abbreviations.
"""
from __future__ import annotations

import pytest

from pipeline.anonymise.recognisers.cued_name import CuedNameRecogniser
from pipeline.anonymise.recognisers.initials import InitialsRecogniser
from pipeline.anonymise.recognisers.name_shape import NameShapeRecogniser
from pipeline.anonymise.recognisers.titled_name import TitledNameRecogniser


def spans(recogniser, text):
    return sorted(text[r.start:r.end] for r in recogniser.analyze(text, None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen by Mr Okafor today.", ["Mr Okafor"]),
        ("Mr Jones's car", ["Mr Jones"]),
        ("Dr Amir Okafor said", ["Dr Amir Okafor"]),
        ("DS Imran Qureshi reviewed it", ["Imran Qureshi"]),  # the rank stays: "DS Person 3"
        ("PCSO Daniel Yeung spoke to him", ["Daniel Yeung"]),
        ("Detective Superintendent Clive Barraclough chaired", ["Clive Barraclough"]),
        ("Mr Wiśniewski visited", ["Mr Wiśniewski"]),
        ("He is known as Jonno on the estate", ["Jonno"]),
        ('a man known only as "Bex"', ["Bex"]),
        ("He goes by Smudge", ["Smudge"]),
        ("Dr Patel Consultant Paediatrician", ["Dr Patel"]),
        ("the Inspector said", []),
    ],
)
def test_titled_names(text, expected):
    assert spans(TitledNameRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Midwife Bronwen Pritchard had handed over", ["Bronwen Pritchard"]),
        ("Key person: Kirsty Dobson. Room leader: Summer Hanley.", ["Kirsty Dobson", "Summer Hanley"]),
        ("From: Shabnam Akhtar", ["Shabnam Akhtar"]),
        ('Mum came with a friend, "Shannon".', ["Shannon"]),
        ("reallocated to Social Worker 2 (Priya Raghunathan) on", ["Priya Raghunathan"]),
        ("Crew Callum Fraser (paramedic) arrived", ["Callum Fraser"]),
        ("Triage nurse Femke de Vries recorded", ["Femke de Vries"]),
        ("a referral to Northshire Police was made", []),
        ("Referred to Northshire Recovery Partnership (drug and alcohol service).", []),
        ("She spoke to Children's Social Care", []),
    ],
)
def test_cued_names(text, expected):
    assert spans(CuedNameRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no concerns about development. JA", ["JA"]),
        ('"Grace period of 2 weeks for review." M Crowther', ["M Crowther"]),
        ("Text sent. J. Adeyemi", ["J. Adeyemi"]),
        ("Discussed with the GP", []),
        ("A Home visit was made. I Think so.", []),
        ("referred to CAMHS. GP", []),
    ],
)
def test_initials(text, expected):
    assert spans(InitialsRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call taker Ellie-May Jarvis. Category 1", ["Ellie-May Jarvis"]),
        ("| Youth service | Connor MacLeod | Will attended", ["Connor MacLeod"]),
        ("Later Nkechi Obi noted bruising", ["Nkechi Obi"]),
        ("Tenancy Sustainment Officer, Northshire Homes", []),
        ("Referred to Northshire Recovery Partnership today", []),
        ("The Initial Child Protection Conference met", []),
        ("On Monday March the Health Visitor called", []),
    ],
)
def test_unknown_capitalised_runs(text, expected):
    assert spans(NameShapeRecogniser(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "5. Securing Files",
        "Public & Media Relations Guiding Principles",
        "Media Enquiries",
        "TIMESCALES CHART",
        "The Best Practice Guidance applies to Executive Summaries and Criminal Proceedings.",
        "Referred to the SCR Sub-Committee; Freedom of Information requests go to the Admin Co-ordinator.",
    ],
)
def test_title_case_headings_and_phrases_are_not_people(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Lisa lives nearby and helps out.", "Lisa"),
        ("Siobhan will visit on Friday.", "Siobhan"),
        ("Rhiannon recorded that the house was cold.", "Rhiannon"),
    ],
)
def test_a_lone_given_name_is_replaced(anonymiser_factory, text, gone):
    assert gone not in anonymiser_factory(None).anonymise(text).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("07/01/2023 mgr decision (G L-E): nfa, close. letter to mum. copy to hv + school (mrs pemberton).", ["L-E"]),
        ("04/01/2023 tried mum x2 no answer. spoke to hv. no visits since june. rp", [" rp"]),
        ('"pls see attached re the letter – Dr N asked for it to go today".', ["Dr N"]),
    ],
)
def test_initials_in_hurried_notes(anonymiser_factory, text, gone):
    out = anonymiser_factory(None).anonymise(text).text
    for fragment in gone:
        assert fragment not in out, out


def test_notes_typed_without_capitals_still_lose_register_names(anonymiser_factory, case_register):
    text = "call from nan re poppy. says kelly using again + will selling from house. i will call back. dean not involved."
    out = anonymiser_factory(case_register).anonymise(text).text
    assert out == (
        "call from nan re Child A. says Mother using again + Mother's partner selling from house. "
        "i will call back. Father not involved."
    )


def test_given_names_in_notes_typed_without_capitals(anonymiser_factory):
    text = "tried mum x2 no answer. spoke to rosa – no visits since may. i will ring back. max dose given. jb"
    out = anonymiser_factory(None).anonymise(text).text
    assert "rosa" not in out and " jb" not in out
    assert "i will ring back" in out and "max dose" in out and "since may" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother disclosed that Precious had been left with a neighbour.", "Mother disclosed that Person 1 had been left with a neighbour."),
        ("Hope this is accidental. Grace period of 2 weeks.", "Hope this is accidental. Grace period of 2 weeks."),
        ("3.4 Summer 2023. The reports continued.", "3.4 Summer 2023. The reports continued."),
        ("I will go in May. She said I may.", "I will go in May. She said I may."),
    ],
)
def test_names_that_are_words_mid_sentence(anonymiser_factory, text, expected):
    assert anonymiser_factory(None).anonymise(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "The SCR Sub-Committee met; the Individual Management Review (IMR) was late.",
        "The Serious Case Review Panel's view was shared with HM Inspectorate of Prisons.",
        "Regional lead for the North East; an FOI request followed.",
    ],
)
def test_procedure_language_is_kept(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # Ranks typed in lower case keep the rank; honorifics go with the name.
        ("09/03/2023 rang dc szymanska re the log, no update.", ["szymanska"], ["dc "]),
        ("Message left for sgt Obuya at the station.", ["Obuya"], ["sgt "]),
        ("12/03/2023 strat disc with dci okonjo + hv. mrs lindqvist to attend", ["okonjo", "mrs lindqvist"], ["dci "]),
        # A short first name or nickname with a surname, in a line typed without capitals.
        ("14/03/2023 called school. bo lindqvist agreed to share attendance. nfa.", ["lindqvist"], ["called school"]),
        ("Report follows.\n15/03/2023 rang hv team, jo kaczynski on leave, will ring back.", ["kaczynski"], ["will ring back"]),
        ("17/03/2023 pc 5120 harrowby attended, no arrests.", ["harrowby"], ["pc 5120 "]),
    ],
)
def test_lower_case_ranks_titles_and_names_in_hurried_notes(anonymiser_factory, text, gone, kept):
    out = anonymiser_factory(None).anonymise(text).text
    assert not any(word in out for word in gone), out
    assert all(phrase in out for phrase in kept), out


@pytest.mark.parametrize(
    "text",
    [
        "his pc was broken and the ds said it was fine",  # lower-case ranks before ordinary words
        "16/03/2023 phoned mum re the visit, no answer. will try again tomorrow after school.",
        "the dr said to keep taking the tablets twice a day with food",
    ],
)
def test_hurried_notes_without_names_are_left(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home visit, no concerns. Seen by R.T.", ["R.T"]),
        ("Case notes reviewed — B.O.", ["B.O"]),
        ("Discussed with M. J. at the team meeting", ["M. J"]),
        ("Based in the U.K. since 2019. N.B. see above. P.S. call her", []),
    ],
)
def test_dotted_initials(text, expected):
    assert spans(InitialsRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Associates: Kofi Mensah, Pieter van Leeuwen. Instagram checked.", ["van", "Leeuwen", "Pieter"], ["Instagram"]),
        ("Letter from Ana Luisa dos Reis to the school.", ["dos", "Reis", "Ana"], ["to the school"]),
        ("Karim bin Yusuf was present at the meeting.", ["bin", "Yusuf", "Karim"], ["present at the meeting"]),
        ("Mr van Heerden and Dr de la Fuente were told.", ["van", "Heerden", "de la", "Fuente"], ["were told"]),
        ("Seen on Monday; della Rocca waited outside.", ["della", "Rocca"], ["waited outside"]),
    ],
)
def test_unregistered_names_with_particles_are_replaced_whole(anonymiser_factory, text, gone, kept):
    out = anonymiser_factory(None).anonymise(text).text
    assert not any(word in out for word in gone), out
    assert all(phrase in out for phrase in kept), out


@pytest.mark.parametrize(
    "text",
    ["The Court of Appeal in Re B considered it.", "A Day in the Life of a Child (a training video)"],
)
def test_particle_like_words_in_ordinary_text_are_left(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text
