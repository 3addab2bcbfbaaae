"""Classes of leak found on a blind evaluation set, each checked with new invented examples.

A leak is judged as a reader would: the name words (or the place, the date, the reference) must not be
readable in the output. Where the text around the name matters ("DS" may stay), that is asserted too.
"""
from __future__ import annotations

import pytest

from pipeline.register import Person, Place, Register


def _absent(output: str, leaks: list[str]) -> list[str]:
    return [leak for leak in leaks if leak in output]


# 1. Rank or title, one initial and a surname: both the initial and the surname go; the rank may stay.
@pytest.mark.parametrize(
    ("text", "leaks", "kept"),
    [
        ("DS T. McAllister took the statement.", ["T.", "McAllister"], "DS"),
        ("DC O. ap Gwyn attended the strategy meeting.", ["O.", "Gwyn"], "DC"),
        ("Insp. W. Adebayo-Cole reviewed the log.", ["W.", "Adebayo"], "Insp."),
        ("Chief Inspector B. Oduwole authorised the search.", ["B.", "Oduwole"], "Chief Inspector"),
        ("Sgt P. O'Callaghan was present.", ["P.", "Callaghan"], "Sgt"),
        ("DS H. MacInnes and DC R. Obi visited.", ["H.", "MacInnes", "R.", "Obi"], "DS"),
    ],
)
def test_rank_initial_surname(anonymiser, text, leaks, kept):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output
    assert kept in output


# 2. Surnames with particles, of people nobody registered.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Neighbour Samir al-Qadri called police.", ["Samir", "Qadri"]),
        ("A statement was taken from N. al-Qadri later.", ["N.", "Qadri"]),
        ("Karim el-Sayed was interviewed at home.", ["Karim", "Sayed"]),
        ("The letter from Mr el-Sayed arrived.", ["Sayed"]),
        ("Marieke van der Linden is the social worker.", ["Marieke", "Linden"]),
        ("The referral came from Joost van den Akker.", ["Joost", "Akker"]),
        ("Dr Lucia de la Fuente examined him.", ["Lucia", "Fuente"]),
    ],
)
def test_particle_surnames(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


# 3. Hurried notes: a first name and one initial, and that person's initials used elsewhere.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("hv visit. saw bella t at home, bella t says mum out all day. BT", ["bella", " t ", "BT"]),
        ("spoke with jack w re school attendance. JW to follow up with school", ["jack", "JW"]),
        ("phone call from carl m, said the baby was unsettled overnight. CM aware", ["carl", "CM"]),
        ("Saw Marek W at the flat today. MW to phone back.", ["Marek", " W ", "MW"]),
        # A registered first name with a stray initial: the initial goes with the name.
        ("hv call, priya k rang back about the visit and mum was not in", ["priya", " k "]),
    ],
)
def test_lower_case_name_and_initial(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


@pytest.mark.parametrize(
    "text",
    [
        "mum has vitamin d drops and plan b is for dad to collect him from school",
        "part c of the form was not completed and section b was left blank today",
        "Plan B was agreed. Mother tested positive for Strep B and Appendix C was attached.",
    ],
)
def test_lower_case_letters_that_are_not_initials(anonymiser, text):
    assert anonymiser.anonymise(text).text == text


# 4. A lone first name that is also a word, in a plain name position.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("the neighbour called. neighbour ivy said she heard shouting again last night", ["ivy"]),
        ("went to see mum at home, paramedic dom attended after the call was made", ["dom"]),
        ("Paramedic Sonny attended.", ["Sonny"]),
        ("Autumn said she was frightened of the dog.", ["Autumn"]),
        ("The visit was short. Holly told the nurse she had not eaten.", ["Holly"]),
        ("Hope said it would be fine, but the baby was crying.", ["Hope"]),
        ("The health visitor spoke to Faith Ellery about the baby.", ["Faith", "Ellery"]),
    ],
)
def test_word_names_in_name_position(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


@pytest.mark.parametrize(
    "text",
    [
        "went to see mum at home, paramedic crew attended after the call was made",
        "In the Summer term the school rated the risk Amber.",
        "The RAG rating: Amber was agreed at the meeting.",
    ],
)
def test_words_that_are_names_left_as_words(anonymiser, text):
    assert anonymiser.anonymise(text).text == text


# 5. A register first name that is also a word, in lower-case notes.
def test_register_word_name_in_lower_case_notes(anonymiser):
    output = anonymiser.anonymise("hv visit today, grace brought the baby in and mum was tired").text
    assert "grace" not in output and "Sibling 1" in output


# 6. Addresses in capitals.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Attended FLAT 9, HERON COURT at 10:00.", ["HERON"]),
        ("Lives at 22 BRIDGE STREET with mother.", ["BRIDGE", "22"]),
        ("Last known address 7A WILLOW TREE ROAD, no reply.", ["WILLOW", "7A"]),
    ],
)
def test_addresses_in_capitals(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [] and "[address]" in output, output


# 7. Dates of birth without a label.
@pytest.mark.parametrize(
    "text",
    [
        "Tamsin (14/03/2019) attended nursery.",
        "Noah, 03/05/2019, aged 4, lives with his father.",
        "The child (age 2) was born 2021-07-11 at home.",
        "Younger brother 21/11/2020 (2 years old) was present.",
    ],
)
def test_unlabelled_dates_of_birth(anonymiser_factory, case_register, text):
    # With dates kept, only a date of birth is replaced.
    output = anonymiser_factory(case_register, dates="keep").anonymise(text).text
    assert "[date of birth]" in output, output


@pytest.mark.parametrize(
    "text",
    [
        "The strategy meeting (14/03/2023) agreed a section 47 enquiry.",
        "A message from the practice nurse Bronagh (09/10/2023) asked for a call back.",
    ],
)
def test_ordinary_date_stays_with_dates_kept(anonymiser_factory, case_register, text):
    output = anonymiser_factory(case_register, dates="keep").anonymise(text).text
    assert "[date of birth]" not in output and "/2023" in output, output


# 8. References joined by slashes.
@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("Logged as SPC/K/0047712 by the control room.", "0047712"),
        ("Crime number CRN/23/009876 recorded.", "009876"),
        ("See file MX/77/40213 for the history.", "40213"),
    ],
)
def test_slashed_references(anonymiser, text, leak):
    output = anonymiser.anonymise(text).text
    assert leak not in output and "[reference]" in output, output


# 9. Wards, pubs and named hospitals become generic places.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Admitted to Kingfisher Ward.", "Admitted to the ward."),
        ("Transferred to Ward 7 overnight.", "Transferred to the ward overnight."),
        ("Mother was seen at the Fox and Hounds Inn.", "Mother was seen at a public house."),
        ("Father drinks at THE ROYAL OAK.", "Father drinks at a public house."),
        ("Taken to Northbridge General Hospital.", "Taken to the hospital."),
        ("They met in the Wheelwrights Arms.", "They met in a public house."),
    ],
)
def test_wards_pubs_hospitals(anonymiser, text, expected):
    assert anonymiser.anonymise(text).text == expected


# Over-replacement: service and assessment abbreviations in capitals are not names or organisations.
@pytest.mark.parametrize(
    "text",
    [
        "Referred to CAMHS and IAPT; ELSA support offered.",
        "An ASQ was completed and the AVPU score was alert.",
    ],
)
def test_service_abbreviations_kept(anonymiser, text):
    assert anonymiser.anonymise(text).text == text


# 6b. A register place written in lower case without its apostrophe; 5b. a register name that is a word.
def test_register_place_in_lower_case_without_apostrophe(anonymiser_factory):
    register = Register(
        people=(Person("Dawn Pickering", "Aunt", (), "maternal aunt"),),
        places=(Place("St Anne's Community Hall", "the community hall", (), "venue"),),
        exempt=(),
    )
    output = anonymiser_factory(register).anonymise(
        "contact session at st annes community hall today, dawn brought the baby in"
    ).text
    assert "annes" not in output and "dawn" not in output, output
