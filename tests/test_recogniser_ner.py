"""The model-based recogniser: unknown people labelled, identifying places generalised, agencies kept."""
from __future__ import annotations

import pytest

from pipeline.anonymise.recognisers.ner import classify_place


@pytest.fixture(scope="module")
def run(anonymiser_factory, case_register):
    anonymiser = anonymiser_factory(case_register)
    return lambda text: anonymiser.anonymise(text).text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Jayden Brown, a neighbour, rang Children's Social Care.", ["Jayden", "Brown"], ["Children's Social Care"]),
        ("Dr Amir Okafor saw the baby at Eastbridge Medical Centre.", ["Okafor", "Eastbridge"], ["the GP practice"]),
        ("The referral went from St Mary's Hospital to Northshire Police.", ["St Mary's"], ["the hospital", "Northshire Police"]),
        ("Health Visitor 1 told Social Worker 2 that Child A was unwell.", [],
         ["Health Visitor 1", "Social Worker 2", "Child A"]),
        ("Ofsted and the NHS were told under the Children Act 1989.", [], ["Ofsted", "NHS", "Children Act 1989"]),
        ("Mother said that Maternal grandmother looked after her.", [], ["Mother said", "Maternal grandmother"]),
    ],
)
def test_model_entities(run, text, gone, kept):
    out = run(text)
    for word in gone:
        assert word not in out, out
    for phrase in kept:
        assert phrase in out, out


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Oakfield Primary School", "ORG", ("PLACE", "the primary school")),
        ("Eastbridge High School", "ORG", ("PLACE", "the secondary school")),
        ("Little Acorns Nursery", "ORG", ("PLACE", "the nursery")),
        ("Riverside Surgery", "ORG", ("PLACE", "the GP practice")),
        ("St Mary's Hospital", "FAC", ("PLACE", "the hospital")),
        ("Mill Lane", "FAC", ("PLACE", "[address]")),
        ("Eastbridge", "GPE", ("PLACE", "[place]")),
        ("Tesco Extra", "ORG", ("ORGANISATION", "[organisation]")),
        ("Northshire Police", "ORG", None),
        ("Northshire Hospitals NHS Foundation Trust", "ORG", None),
        ("Children's Social Care", "ORG", None),
        ("Initial Child Protection Conference", "ORG", None),
        ("CAMHS", "ORG", None),
        ("England", "GPE", None),
        ("Social Worker 2", "ORG", None),
    ],
)
def test_classify_place(name, label, expected):
    assert classify_place(name, label) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A disclosure under Clare's Law was considered.",
        "Records on EMIS and SystmOne were checked; CSC and CAMHS were told.",
        "She was referred to Northshire Talking Therapies.",
        "She was raised in a Christian family and her father is Polish.",
    ],
)
def test_laws_record_systems_and_services_are_kept(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text


def test_a_place_pseudonym_is_not_given_to_the_town_in_its_name(anonymiser_factory):
    from pipeline.register import Place, Register

    register = Register(places=(Place("Eastbridge Children's Centre", "the children's centre"),))
    out = anonymiser_factory(register).anonymise("Eastbridge Homes visited. Eastbridge Children's Centre was told.")
    assert "the children's centre Homes" not in out.text
    assert out.text.endswith("The children's centre was told.")


def test_an_entity_run_across_table_separators_is_judged_piece_by_piece(anonymiser_factory):
    out = anonymiser_factory(None).anonymise("14/01/2020 | Midwifery | B. Pritchard | Missed two appointments.").text
    assert out.startswith("14/01/2020 | Midwifery | Person ")
    assert "Pritchard" not in out


@pytest.mark.parametrize(
    "text",
    [
        # Assessments, scales and services built from common words, some named after a person or a place.
        "The Apgar Score at five minutes was 9.",
        "The Edinburgh Postnatal Depression Scale was completed at the six-week check.",
        "The Brook Traffic Light Tool was used to consider her behaviour.",
        "A Strengths and Difficulties Questionnaire was sent to school.",
        "Referred to Occupational Therapy and to Speech and Language Therapy.",
        "The Ages and Stages Questionnaire was completed at 24 months.",
        "Paediatric Early Warning Score recorded.",
        "The Practice Review Group met in May.",
        "Multi-Agency Risk Assessment Conference (MARAC)",
        "The Safer Sleep Assessment was done at the new birth visit.",
        "The Solihull Approach was used in the parenting sessions.",
    ],
)
def test_clinical_instruments_and_service_names_are_kept(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # Two unknown words before an instrument word are more likely a person's name than an eponym.
        ("Kofi Mensah Score sheet", ["Kofi", "Mensah"]),
        ("Growth chart: Halina Wróbel Chart 2", ["Halina", "Wróbel"]),
        ("Zbigniew Kowalczyk Assessment booked", ["Zbigniew", "Kowalczyk"]),
    ],
)
def test_a_name_before_an_instrument_word_is_still_replaced(anonymiser_factory, text, gone):
    out = anonymiser_factory(None).anonymise(text).text
    assert not any(word in out for word in gone), out


@pytest.mark.parametrize(
    "text",
    [
        # Headings of a report are its own words, whatever the model makes of them (class: single
        # everyday words and Title Case phrases read as people or places).
        "Background",
        "Next Steps",
        "Appendix B: Acknowledgements",
        "4. Methodology",
        "Missed opportunities",
        "Practice episodes",
        "Reflections",
        "Professional curiosity",
        "Summary of learning",
        "Lessons Learnt",
        "Bruising in Non-Mobile Infants",
    ],
)
def test_headings_made_of_everyday_words_are_kept(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # Family words used alone are what anyone calls a parent or grandparent, not names.
        "Mummy",
        "Grandma",
        "Stepdad",
        "Granny and Grandad collected the boys.",
        "Stepdad was at work; Auntie stayed overnight.",
        "Nanna said that Uncle would help.",
        "Daddy, Mummy and Nan came to the review meeting.",
        # The family's own words and dialects.
        "Mam said no.",
        "Grampa rang back later.",
        "Granda and Nain visited at the weekend.",
        "Stepmum took them to school.",
    ],
)
def test_family_words_alone_are_not_people(anonymiser_factory, text):
    assert anonymiser_factory(None).anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The protocol for bruising in Non-Mobile Infants was not followed.",
         "The protocol for bruising in Non-Mobile Infants was not followed."),
        ("Junior Doctors covered the ward.", "Junior Doctors covered the ward."),
        ("Brackenfield Infants raised a concern.", "The primary school raised a concern."),
    ],
)
def test_infants_and_junior_name_a_school_only_with_a_name(anonymiser_factory, text, expected):
    assert anonymiser_factory(None).anonymise(text).text == expected
