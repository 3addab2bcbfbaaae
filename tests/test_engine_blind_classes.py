"""Classes of leak found on a blind evaluation set, each checked with new invented examples.

A leak is judged as a reader would: the name words (or the place, the date, the reference) must not be
readable in the output. Where the text around the name matters ("DS" may stay), that is asserted too.
"""
from __future__ import annotations

import re

import pytest

from pipeline.register import ExemptPerson, Person, Place, Register


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


# ---- Classes found on the third blind set, again with new invented examples ---------------------------

# 10. Initials of someone named in full elsewhere in the batch, used as a subject or sign-off.
@pytest.mark.parametrize(
    ("texts", "leaks"),
    [
        (["Strategy discussion chaired by Tomasz Wierzbicki (team manager).",
          "TW agreed the plan. Actions: TW to ring the school."], ["TW"]),
        (["Social worker: Ciara O'Byrne.", "CO'B to visit on Monday. COB aware."], ["CO'B", "COB"]),
        (["Present: PCSO Gethin Lloyd-Pryce.", "Door knocked at 14:00, no answer. GLP"], ["GLP"]),
        (["Present: DC Marisol Ferreira.", "Duty notes: rang mum re the visit, no answer, will try later. mf to chase"],
         ["mf"]),
        # Lower-case names found in hurried notes give their initials too, where a person stands.
        (["joint visit w student nurse ruaridh mcphee today, baby well.", "RM observed."], ["ruaridh", "RM"]),
    ],
)
def test_initials_of_people_named_elsewhere(anonymiser_factory, texts, leaks):
    outputs = [a.text for a in anonymiser_factory().anonymise_many(texts)]
    assert _absent(" | ".join(outputs), leaks) == [], outputs


def test_initials_take_the_label_of_the_full_name(anonymiser_factory):
    first, second = anonymiser_factory().anonymise_many(
        ["Ewelina Kaczmarek from the MASH gave advice.", "EK advised monitoring."])
    label = first.replacements[0].replacement
    assert second.text == f"{label} advised monitoring."


@pytest.mark.parametrize(
    ("texts", "kept"),
    [
        # Initials that are also an abbreviation or a word count only where a person stands.
        (["Named nurse: Helen Rutherford.", "HR spoke to dad.", "The HR department was told."],
         "The HR department was told."),
        (["Student: Aled Nash.", "AN ASSESSMENT OF NEED WAS COMPLETED."], "AN ASSESSMENT OF NEED WAS COMPLETED."),
    ],
)
def test_doubtful_initials_only_in_person_position(anonymiser_factory, texts, kept):
    outputs = [a.text for a in anonymiser_factory().anonymise_many(texts)]
    assert kept in outputs, outputs
    if len(texts) == 3:
        assert "HR spoke" not in outputs[1], outputs


# 11. A lower-case sign-off of a first name and an initial that is also a word ("a", "i", "o").
def test_lower_case_sign_off_with_vowel_initial(anonymiser_factory):
    output = anonymiser_factory().anonymise("weighed, feeding well. ruth a\nplan agreed with mum to book a").text
    assert "ruth" not in output and "to book a" in output, output


# 12. A name followed by the person's role.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Cerys Pugh, Family Support Worker, will visit on Friday.", ["Cerys", "Pugh"]),
        ("Attendance is poor. Jade Whitlock, Attendance Officer, wrote to mum.", ["Jade", "Whitlock"]),
    ],
)
def test_name_with_role_after_it(anonymiser_factory, text, leaks):
    output = anonymiser_factory().anonymise(text).text
    assert _absent(output, leaks) == [], output


# 13. Names that are words: the person where only a person fits, the word where the word fits.
def test_word_name_as_person_and_as_word(anonymiser_factory):
    texts = [
        "Class teacher Mr Will Okoro raised the concern.",
        "Will kept him in at break.",
        "Will be reviewed next week.",
        "PC Sunny Mistry attended with Amber Cole.",
        "Sunny day, the children played outside.",
        "Attendance was rated Amber at the panel.",
        "Calpol given at 10:00.",
    ]
    outputs = [a.text for a in anonymiser_factory().anonymise_many(texts)]
    assert "Will" not in outputs[1], outputs
    assert outputs[2] == texts[2] and outputs[4:] == texts[4:], outputs


# 14. A registered nickname that is a word, and a family word used as a registered person's name.
def test_register_nicknames_that_are_words(anonymiser_factory):
    register = Register(
        people=(Person("Maisie Catterall", "Child F", ("Bean",), "subject child"),
                Person("Joseph Catterall", "Maternal grandfather", ("Grandad Joe",), "maternal grandfather")),
        places=(), exempt=(),
    )
    anonymiser = anonymiser_factory(register)
    assert anonymiser.anonymise("She had a runner bean in her lunchbox.").text == "She had a runner bean in her lunchbox."
    assert anonymiser.anonymise("Bean was crying at drop-off.").text == "Child F was crying at drop-off."
    output = anonymiser.anonymise('He kept asking for "Grandad". His grandad was unwell.').text
    assert output == 'He kept asking for "Maternal grandfather". His grandad was unwell.', output


# 15. Short forms of a given name learned in full elsewhere.
@pytest.mark.parametrize(
    ("texts", "leaks"),
    [
        (["Mr Bartholomew Jenkins lives next door.", "Bart said he heard shouting."], ["Bart"]),
        (["Oluwaseun Adeyemi, team leader, chaired the meeting.", "Seun agreed the plan."], ["Seun"]),
        (["Mr Desmond Harker lives at no. 9.",
          "House-to-house (PC Rowe): spoke to his son, says des confused about the times, take w caution"], ["des"]),
    ],
)
def test_short_forms_of_learned_names(anonymiser_factory, texts, leaks):
    outputs = [a.text for a in anonymiser_factory().anonymise_many(texts)]
    assert _absent(outputs[1], leaks) == [], outputs


def test_short_form_is_not_the_start_of_a_word(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many(
        ["Dr Prescott Hale saw her.", "A Pre-birth assessment was started."])]
    assert outputs[1] == "A Pre-birth assessment was started.", outputs


# 16. Gaelic and lower-case particle surnames.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Eoin Mac an Bhaird attended the conference.", ["Eoin", "Bhaird"]),
        ("Aoibhinn Ní Mhurchú (IDVA) rang the social worker.", ["Aoibhinn", "Mhurch"]),
        ("call from anouk de groot re the contact plan, will ring back later", ["anouk", "groot"]),
    ],
)
def test_gaelic_and_lower_case_particle_names(anonymiser_factory, text, leaks):
    output = anonymiser_factory().anonymise(text).text
    assert _absent(output, leaks) == [], output


# 17. Addresses: the village after the street, hurried lower case, a street after a preposition, estates.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Moved to her sister's at 3 Tanner Row, Kelsby.", ["Tanner", "Kelsby"]),
        ("seen at gran's, 12 mill brow. no concerns raised today at all", ["mill brow", "12"]),
        ("She is staying at Foxglove Rise for now.", ["Foxglove"]),
        ("Enquiries on the Larkfield Grange estate found nothing.", ["Larkfield"]),
        ("Heron Court flat 4: no reply.", ["Heron"]),
    ],
)
def test_more_address_shapes(anonymiser_factory, text, leaks):
    output = anonymiser_factory().anonymise(text).text
    assert _absent(output, leaks) == [], output


@pytest.mark.parametrize("text", ["The hearing is at Crown Court on Monday.", "Seen at Family Court."])
def test_courts_are_not_addresses(anonymiser_factory, text):
    assert "[address]" not in anonymiser_factory().anonymise(text).text


# 18. Names in brackets or after a neighbour in hurried notes; a date of birth after a hyphenated name;
# a name with a dotted initial.
def test_more_hurried_note_names(anonymiser_factory):
    register = Register(people=(Person("Dawn Pickering", "Mother", (), "mother"),), places=(), exempt=())
    anonymiser = anonymiser_factory(register)
    output = anonymiser.anonymise("hv home visit. mum (dawn) and baby present, flat cold").text
    assert "dawn" not in output, output
    output = anonymiser.anonymise("no access visit. neighbour heather at no 12 says she heard crying").text
    assert "heather" not in output, output
    output = anonymiser_factory(register, dates="keep").anonymise("Siblings: Tia Barnes-Okoro (05/06/2017)").text
    assert "05/06/2017" not in output, output
    output = anonymiser.anonymise("Lucan F. attended the strategy discussion.").text
    assert "Lucan" not in output and " F." not in output, output


# ---- Classes found on the fourth blind set, with new invented examples --------------------------------

# 19. The register: a surname then an initial, a first name then the surname's initials, the family's
# initials in a list, a registered name in a hurried sentence of a line written properly, a nursery's name
# without its first word.
def test_register_written_the_way_systems_and_notes_do(anonymiser_factory):
    register = Register(
        people=(Person("Ruby Tremayne-Nash", "Child G", ("Ruby",), "subject child"),
                Person("Chase Tremayne-Nash", "Sibling 1", ("Chase",), "brother"),
                Person("Lowenna Tremayne-Nash", "Mother", (), "mother")),
        places=(Place("Little Wrens Nursery", "the nursery", (), "nursery"),),
        exempt=(),
    )
    anonymiser = anonymiser_factory(register)
    cases = {
        "Tenant: TREMAYNE-NASH L   Household: 3": ["TREMAYNE", " L "],
        "Child: Ruby T-N    Placed: 14/02/2024": ["Ruby", "T-N"],
        "Subject: RTN / CTN - contact tonight": ["RTN", "CTN"],
        "14/11/23 chase told Mr Pascoe that he was hungry. logged. KT": ["chase"],
        "collected from wrens at 3. Wrens staff said she ate well.": ["wrens", "Wrens"],
    }
    for text, leaks in cases.items():
        output = anonymiser.anonymise(text).text
        assert _absent(output, leaks) == [], output
    # ...and the same words as words.
    for text in ["Chase up the referral with the school.", "The crew gave CPR on arrival."]:
        assert anonymiser.anonymise(text).text == text


# 20. Initials after the words that say who wrote a record, dated sign-offs, initials in brackets or after
# "w/", an initial and a surname in capitals, a user name, a nickname given in quotes after a name.
@pytest.mark.parametrize(
    ("texts", "leaks"),
    [
        (["Typed by MQ 24/01/2024"], ["MQ"]),
        (["Supervisor: DS Keziah Oduya.", "Risk agreed as HIGH. KO 28/11/2023"], ["KO"]),
        (["Visit with student nurse Ffion Rees (FR wrote the entry)."], ["FR wrote"]),
        (["Repairs by Tadeusz Wrona.", "14/08/2023 call w/ TW re the door."], ["TW"]),
        (["Completed by: J TREGUNNA   Countersigned: RB"], ["TREGUNNA", "RB"]),
        (["SURGERY SUMMARY    Printed 06/02/2024 by kpascoe"], ["kpascoe"]),
        (['His friend Dainius Petrauskas ("Dani") stayed over. Dani left before police came.'], ["Dani"]),
        (["Previous office (Jan Trewin) rang mum."], ["Trewin"]),
    ],
)
def test_more_initials_and_user_names(anonymiser_factory, texts, leaks):
    outputs = [a.text for a in anonymiser_factory().anonymise_many(texts)]
    assert _absent(" | ".join(outputs), leaks) == [], outputs


def test_initials_that_are_words_stay_words(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many(
        ["Alun Trewin and Imogen Sutton attended.", "i saw him alone at home and at his nan's. he is fine."])]
    assert outputs[1] == "i saw him alone at home and at his nan's. he is fine.", outputs


# 21. Given names that are words, in lower-case notes, where only a person fits.
def test_lower_case_word_names_of_named_professionals(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "EWO: Bob Trethewey. DSL: Crystal Mayne. HV: Pat Hocking.",
        "13/11/23 bob + crystal met the class teacher re reading. logged",
        "20/2 hv visit - pat weighed her, 13.4kg. talked about sleep",
        "pat dry after the bath, a crystal clear plan, bob up and down",
    ])]
    assert _absent(outputs[1] + outputs[2], ["bob", "crystal", "pat"]) == [], outputs
    assert outputs[3] == "pat dry after the bath, a crystal clear plan, bob up and down", outputs


# 22. Addresses in postal form and Cornish/Welsh street names; dates of birth in tables.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("School: Treloyhan Primary, Chapel Hill, Lelant, TR26 3XX", ["Chapel Hill", "Lelant"]),
        ("Manager, The Old Forge, Fore Street, Hayle, TR27 4AA.", ["Old Forge", "Fore Street", "Hayle"]),
        ("Carers: 5 Parc Venton, St Erth TR27 6HH", ["Venton"]),
    ],
)
def test_postal_address_lines(anonymiser_factory, text, leaks):
    output = anonymiser_factory().anonymise(text).text
    assert _absent(output, leaks) == [], output


def test_agency_address_is_kept_up_to_the_town(anonymiser_factory):
    output = anonymiser_factory().anonymise("Write to Kerrier Council, New County Hall, Truro, TR1 3AY.").text
    assert "Kerrier Council, New County Hall" in output, output


def test_date_of_birth_in_a_family_table_row(anonymiser_factory):
    anonymiser = anonymiser_factory(dates="keep")
    output = anonymiser.anonymise("| Jory PASCOE | 11/02/2019 | subject | as above |").text
    assert "11/02/2019" not in output, output
    output = anonymiser.anonymise("| 3.5 | Send the letter | Ann Whitlock | 18/10/2024 |").text
    assert "18/10/2024" in output, output


# 23. Agency names, breeds and everyday words are not people.
@pytest.mark.parametrize(
    "texts",
    [
        ["Devon Hart rang the office.", "DC Kay - Devon and Cornwall Police, CAIT.", "DEVON AND CORNWALL POLICE"],
        ["Referral to Penwith Drug and Alcohol Service, which she accepts."],
        ["Jack Russell loose in the close again."],
        ["Rent to be paid by the end of Jan.", "Jan Trewin rang."],
        ["A jack-in-the-box and a bee mask were bought."],
    ],
)
def test_agencies_breeds_and_words_kept(anonymiser_factory, texts):
    outputs = [a.text for a in anonymiser_factory().anonymise_many(texts)]
    for text, output in zip(texts, outputs):
        if "rang" in text:
            assert "rang" in output and output != text, outputs  # the person goes
        elif text.startswith("DC Kay"):
            assert output.endswith(" - Devon and Cornwall Police, CAIT."), outputs
        else:
            assert output == text, outputs


# ---- Classes found on the fifth blind set, with new invented examples ---------------------------------

# 24. Lower-case names in the cells of a hurried table or after a greeting; a registered name after a
# cell boundary; a name the lists do not know opening a sentence before what people do.
def test_lower_case_names_in_table_cells_and_texts(anonymiser_factory):
    register = Register(people=(Person("Storm Ashby-Kerr", "Child H", ("Storm",), "subject child"),),
                        places=(), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "04/01/24 | Lily-Mae Truscott | Gemma Truscott | stay & play | JH | messy play",
        "08/02/24 | lily-mae | gemma | stay & play | JH | gemma's new partner Kyle came too",
        "14/03/2024 23:58 | me | Dad (Storm dad) | storm is in hospital. she fell",
        "13/03/2024 12:40 | Bingo | me | u coming thurs? jodz is doing the calling",
        "HV: Penny Ord.", "16/04/2024 penny from Coalfields Homes rang. then the penny dropped.",
        "DSL: Crystal Mayne.", "thanks crystal. feels like a weight off",
    ])]
    assert _absent(outputs[1], ["lily-mae", "gemma"]) == [], outputs
    assert "storm is" not in outputs[2], outputs
    assert "jodz" not in outputs[3], outputs
    assert outputs[5].startswith("16/04/2024 Person") and "the penny dropped" in outputs[5], outputs
    assert "crystal" not in outputs[7], outputs


# 25. A given name the model calls a nationality; a surname learned with one given name and written with
# another; a police sergeant's rank; the name joined to the person when the model ran a role into it.
def test_more_unregistered_name_shapes(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "08/02/24 | Osian Pryce | Carys Pryce | stay & play | JH | visiting from Wales",
        "The CCTV was viewed by PS Jenkins at 12:14.",
        "She also saw the Occupational Therapist, Saoirse Ní Mhurchú, twice.",
        "A Polish family; Muslim neighbours.",
    ])]
    assert _absent(outputs[0], ["Osian", "Carys", "Pryce"]) == [], outputs
    assert "Jenkins" not in outputs[1] and "PS " in outputs[1], outputs
    assert "Occupational Therapist" in outputs[2] and "Saoirse" not in outputs[2], outputs
    assert outputs[3] == "A Polish family; Muslim neighbours.", outputs


# 26. Initials: hyphenated ("BM-T"), in brackets before an -ing verb; a register person's initials are not
# taken out of someone else's hyphenated initials.
def test_hyphenated_and_bracketed_initials(anonymiser_factory):
    register = Register(people=(Person("Bobby Morgan", "Father", (), "father"),), places=(), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "Business manager: Bethan Marsh-Tilley.", "Minutes: BM-T. Actions to BM.",
        "Contact supervisor Tereza Lakatos.", "19/2 contact at the family centre (TL supervising).",
    ])]
    assert "-T" not in outputs[1] and "Actions to Father" in outputs[1], outputs
    assert "TL" not in outputs[3], outputs


# 27. Numbers that identify an officer, a call handler, an exhibit, a system record or a CAD log.
@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("Detective Inspector 4471 | Public Protection Unit", "4471"),
        ("Call handler: Ann Tait (EMD 2208)", "2208"),
        ("DIGITAL FORENSIC UNIT - EXHIBIT KR/3", "KR/3"),
        ("LCS ID: ABC-500412", "500412"),
        ("Linked police log: CAD 0912 03/04/24", "0912"),
    ],
)
def test_officer_and_system_numbers(anonymiser_factory, text, leak):
    output = anonymiser_factory().anonymise(text).text
    assert leak not in output and "[reference]" in output, output


# 28. Addresses and places: cottages, an estate with its word; named storms and dog breeds are not people.
def test_cottages_estates_and_storms(anonymiser_factory):
    anonymiser = anonymiser_factory()
    assert "Quarrymen" not in anonymiser.anonymise("She lives at 4 Quarrymen's Cottages now.").text
    assert anonymiser.anonymise("nan lives on the Brackenhurst estate").text == "nan lives on the [estate]"
    assert anonymiser.anonymise("Nursery closed early: Storm Ciara brought a tree down.").text == \
        "Nursery closed early: Storm Ciara brought a tree down."


# ---- Classes found on the sixth blind set, with new invented examples ---------------------------------

# 29. Registered names that are words, in hurried lines with capitals elsewhere; after a family word; with
# the surname's initial; as words in idioms and compounds.
def test_registered_word_names_in_mixed_lines(anonymiser_factory):
    register = Register(
        people=(Person("Rowan Pearce", "Sibling 1", ("Rowan",), "brother"),
                Person("Ivy Pearce", "Maternal grandmother", ("Ivy",), "maternal grandmother"),
                Person("Chase Pearce", "Father", ("Chase",), "father")),
        places=(Place("Flat 7 Larkspur House", "the family home", ("Larkspur House",), "address"),),
        exempt=(),
    )
    anonymiser = anonymiser_factory(register)
    cases = {
        "23/01 tc mum. she was ok, said rowan not sleeping. Mrs Hall (head) aware.": ["rowan"],
        "06/02 att 80%. Mrs Hall pleased. Kayden (rowan's mate) also off a lot.": ["rowan"],
        "Mon  drop 08:05 ivy p   collect 15:10 I Pearce": ["ivy p"],
        'Contacts saved on the handset: "nan ivy" = 01384 572913': ["ivy"],
        "Address: 7 Larkspur House, Tessingford": ["7 Larkspur"],
    }
    for text, leaks in cases.items():
        output = anonymiser.anonymise(text).text
        assert _absent(output, leaks) == [], output
    for text in ["ivy-covered wall by the gate. leave us in peace. chase up the referral."]:
        assert anonymiser.anonymise(text).text == text


# 30. Initials in a distribution list, a pair of sign-offs, the owner column of an action plan; a given
# name before a learned surname in a table; a lower-case friend outside hurried notes; a nickname in the
# middle of a name.
def test_initials_lists_tables_and_nicknames(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "Nursery: Dee Wall and Bethany Kaur. DSL Dinis Carvalho. Business manager Joanne Platt.",
        "Referred to SALT with consent. – DW/BK",
        "Distribution (secure email): DW, BK, DC; parents by post.",
        "| 2.1 | Letter to the father | JP | 21/01/2026 |",
        "Zara Iqbal | 09:00 | Naveed Iqbal | 14:00",
        "collect 15:45 (+ friend vinnie, waited outside)",
        'Present: Oluwadamilare "Dami" Ojo (housing).',
    ])]
    assert _absent(" | ".join(outputs[1:]), ["DW", "BK", "DC", "JP", "Naveed", "vinnie", "Oluwadamilare", "Dami"]) == [], \
        outputs


# 31. Log numbers with their date, spaced incident numbers; a month and year is not a reference.
def test_logs_incidents_and_months(anonymiser_factory):
    anonymiser = anonymiser_factory(dates="keep")
    output = anonymiser.anonymise("Linked log: Log 0477 of 06/05/25. Incident no. 45 8830 219.").text
    assert _absent(output, ["0477", "8830"]) == [], output
    text = "No GP entries between 03/2024 and 02/2025."
    assert anonymiser.anonymise(text).text == text
    text = "Referral to MARAC and to Black Country Women's Aid IDVA service made."
    assert anonymiser.anonymise(text).text == text


# A line that opens in lower case is not always a hurried note: list items and continuations keep the
# modal "will" even when someone called Will is registered (seen in the sample case's Overview Report).
@pytest.mark.parametrize(
    "text",
    [
        "ambulance-1: Ambulance safeguarding referrals will record the name of every adult present.",
        "identify what needs to change, who will change it and how the Board will know it has worked.",
        "csc-3: Cases will be transferred with a joint visit, and plans will close only after a review.",
    ],
)
def test_modal_will_in_lines_opening_in_lower_case(anonymiser, text):
    assert anonymiser.anonymise(text).text == text


# ---- Classes found on the seventh blind set (after its only blind run), with new invented examples -----

def test_entry_initials_user_names_flats_and_county_agencies(anonymiser_factory):
    register = Register(people=(Person("Kerry-Ann Baptiste", "Mother", (), "mother"),), places=(), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "14/02/2024 BD - Tel call from the neighbour re: noise at night.",
        "Dictated RK/typed jw",
        "PATIENT SUMMARY (EMIS Web)    Printed 03/03/2025 by tpryce for the GP",
        "Caller: a neighbour (Flat 5), tel 07534 671 209",
        "Last known address: Static 17, Heron Holiday Park, ME12 4QA",
        "Woman: Kerry-Ann Baptiste    Hosp no: K5571093",
        "Kent Abbott rang.", "Referred to Kent Police and Kent County Council.",
    ])]
    assert _absent(" | ".join(outputs[:6]), ["BD", "jw", "tpryce", "Flat 5", "Static", "Heron", "K5571093"]) == [], outputs
    assert "Hosp no" in outputs[5], outputs
    assert outputs[7] == "Referred to Kent Police and Kent County Council.", outputs


# 32. A registered person called by one letter where a name stands; a registered name that is a word,
# used as the word after "no", "a second".
def test_single_letters_and_word_names_as_words(anonymiser_factory):
    register = Register(
        people=(Person("Blessing Okafor", "Child J", ("Blessing",), "subject child"),
                Person("Chance Okafor", "Sibling 1", ("Chance",), "brother")),
        places=(), exempt=(),
    )
    anonymiser = anonymiser_factory(register)
    output = anonymiser.anonymise("Staff noticed two bruises on B's upper arm at nappy change.").text
    assert "B's" not in output and "Child J's" in output, output
    for text in ["Plan B's steps were agreed.", "See appendix C, then grade C's targets."]:
        assert anonymiser.anonymise(text).text == text
    output = anonymiser.anonymise("no chance he will come. gave him a second chance. chance said he was hungry.").text
    assert output == "no chance he will come. gave him a second chance. Sibling 1 said he was hungry.", output


# ---- Classes found on the eighth blind set (after its only blind run), with new invented examples ------

def test_meeting_dates_roles_and_double_given_names(anonymiser_factory):
    anonymiser = anonymiser_factory(dates="keep")
    text = "Discussed at MARAC (31/07/2025); CP plan since the ICPC (5 August)."
    assert anonymiser.anonymise(text).text == text
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "Sign-in sheet (typed up by the hub)",
        'FROM ("Elif K"): is my brother with u?',
        "Gran - Doreen Hollis | Tia-Jay | 10.05 |",
        "Home visit to the flat w/ DC Tamsworth. Advanced Nurse Practitioner Jo Smedley saw her.",
        "Visit to the site, Pitch 9. Plot 4 is empty.",
    ])]
    assert outputs[0] == "Sign-in sheet (typed up by the hub)", outputs
    assert _absent(" | ".join(outputs[1:]), ["Elif", " K\"", "Tia-Jay", "Tamsworth", "Smedley", "Pitch 9"]) == [], outputs
    assert "DC Person" in outputs[3] and "Advanced Nurse Practitioner Person" in outputs[3], outputs


# ---- Classes found on the ninth blind set (after its only blind run), with new invented examples ------

def test_agencies_logs_house_numbers_and_spoken_initials(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "Subject: call w/ KM re the contact - urgent",
        "Just off the phone with KM (LADO) - no LADO angle.",
        "Police log WYP-170325-0091 refers.",
        "No. 12 Holme Bank - Eamonn Doyle, retired.",
        "Restorative conversation with TA Pat Quinlan. - PQ",
        "Brackley Teaching Hospitals NHS Trust - Maternity Services",
        "Home visit with Mr Lim and Tenancy Sustainment Officer Marisol Pires.",
        "Dawn Ashby (nan) collected. Dawn chorus song practice at 11.",
    ])]
    assert _absent(" | ".join(outputs[:5]), ["KM", "WYP", "170325", "Holme", "Quinlan", "PQ"]) == [], outputs
    assert "[NHS number]" not in outputs[2], outputs
    assert outputs[5] == "Brackley Teaching Hospitals NHS Trust - Maternity Services", outputs
    assert "Tenancy Sustainment Officer Person" in outputs[6], outputs
    assert outputs[7].endswith("Dawn chorus song practice at 11."), outputs


# ---- Classes from the tenth blind set (after its only blind run), with new invented examples ----------

def test_children_with_ages_caps_surnames_and_vietnamese_names(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "- Tran Van Minh + Thi Ha (2) + Khoa (4)",
        "- Rahima Safi + Zohal (1)",
        "Previous partner: Kirsty MARCHBANK (now Kirsty Lowe).",
        "Exhibit KR/0517 - handset download.",
        "Ladybirds Day Nursery, Unit 7, Harrow Road, Tadley RG26 4AA",
        "Probation Service - Hampshire and Isle of Wight PDU; Hampshire and Isle of Wight ICB.",
    ])]
    assert _absent(" | ".join(outputs[:5]), ["Tran", "Van Minh", "Thi Ha", "Khoa", "Zohal", "MARCHBANK",
                                              "0517", "Unit 7", "Harrow"]) == [], outputs
    assert outputs[5] == "Probation Service - Hampshire and Isle of Wight PDU; Hampshire and Isle of Wight ICB.", \
        outputs


def test_a_year_after_a_name_is_not_a_season(anonymiser_factory):
    register = Register(people=(Person("Sky Nowak", "Sibling 1", ("Sky",), "half-sister"),), places=(), exempt=())
    output = anonymiser_factory(register).anonymise("Previous: Sky 2013 SVD. Summer 2023 was hot.").text
    assert output == "Previous: Sibling 1 2013 SVD. Summer 2023 was hot.", output


# ---- Classes from the eleventh blind set (after its only blind run), with new invented examples --------

def test_named_laws_benefits_local_teams_and_bracketed_sign_offs(anonymiser_factory):
    register = Register(people=(Person("Chase Fonseca", "Sibling 1", ("Chase",), "half-brother"),
                                Person("Lily-Rose Fonseca-Tavares", "Child L", ("Lily-Rose",), "subject child")),
                        places=(), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "Clare Rowntree rang. Ensure Clare's Law disclosure considered. Chase via DS Okoro.",
        "Notes agreed by the chair; typed GM.",
        "Arrears £612. Universal Credit APA requested.",
        "Health Visitor, Saltcote 0-19 Service. Saltcote Local Policing Team informed.",
        "child: Lily-Rose (LRFT on system, L-R F-T on the old one)",
        "Bloods requested, never done. [In hindsight a missed chance - HW]",
        "Subject: MARAC MRC-0517 - next steps",
        "Mum > love ring me. Chase him out. Enough now.",
    ])]
    assert "Clare's Law disclosure" in outputs[0] and "Chase via" in outputs[0], outputs
    assert _absent(" | ".join(outputs), ["GM", "L-R F-T", "HW", "0517"]) == [], outputs
    assert outputs[2] == "Arrears £612. Universal Credit APA requested.", outputs
    assert outputs[3] == "Health Visitor, Saltcote 0-19 Service. Saltcote Local Policing Team informed.", outputs
    assert outputs[7] == "Mum > love ring me. Chase him out. Enough now.", outputs


# ---- A class from the twelfth blind set (after its only blind run) -------------------------------------

def test_date_of_birth_in_a_patient_line(anonymiser_factory):
    anonymiser = anonymiser_factory(dates="keep")
    output = anonymiser.anonymise("Patient 2: Tomas HORVATH 02/11/2024 NHS 640 069 5680").text
    assert "02/11/2024" not in output and "[date of birth]" in output, output
    output = anonymiser.anonymise("Seen by Dr Jones 12/03/2024 in clinic.").text
    assert "12/03/2024" in output, output


# ---- Classes from the twelfth blind set's misses, fixed in the third session, with new invented examples --

# 12a. A rank written in capitals in a command-and-control log, and the verb after the name.
def test_rank_in_capitals_and_the_verb_after_the_name(anonymiser_factory):
    output = anonymiser_factory().anonymise(
        "07:40 HANDOVER SGT MARGUERITE ADEBISI-FORD REVIEWED. INSP ADEBISI-FORD TOLD DC TOMASZ WRONA TO ATTEND."
    ).text
    assert _absent(output, ["MARGUERITE", "ADEBISI", "TOMASZ", "WRONA"]) == [], output
    assert all(word in output for word in ("SGT", "REVIEWED", "INSP", "TOLD", "DC", "TO ATTEND")), output


# 12b. The given name of a named Chair inside someone else's name is that other person's.
def test_exempt_given_name_inside_another_persons_name(anonymiser_factory):
    register = Register(people=(), places=(), exempt=(ExemptPerson("Idris Halloran", "Panel Chair", "Independent"),))
    output = anonymiser_factory(register).anonymise(
        "Sign-in: Bashir Idris Mahmoud with his son. Idris Halloran chaired; thanks Idris."
    ).text
    assert re.match(r"Sign-in: Person \d+ with his son\. Idris Halloran chaired; thanks Idris\.$", output), output


# 12c. An initial, or hyphenated initials, after a name: part of the name.
@pytest.mark.parametrize(
    ("texts", "leaks", "kept"),
    [
        (["Present: Mary-Jo Petrakis (parent).", "- Mary-Jo P + Theo"], [" P ", "Mary-Jo"], "+"),
        (["Discussed with Farida K-M on the phone."], ["Farida", "K-M"], "on the phone."),
        # "A" after a name is as often the article, or the A in "A and E".
        (["Present: Benedikt Hofer.", "Benedikt A and E staff met."], ["Benedikt"], "A and E staff"),
    ],
)
def test_initials_after_a_name(anonymiser_factory, texts, leaks, kept):
    outputs = " | ".join(a.text for a in anonymiser_factory().anonymise_many(texts))
    assert _absent(outputs, leaks) == [], outputs
    assert kept in outputs, outputs


# 12d. A nickname in quotes straight after a name: the same person's label, and found again elsewhere.
def test_quoted_nickname_after_a_name(anonymiser_factory):
    first, second, third = anonymiser_factory().anonymise_many([
        'Staying with Gavin Prothero ("Big Gav") at his flat.',
        'Complaint from flat 3 (Shirley Makepeace, "Shirl").',
        "Big Gav was seen at the door. Shirl rang again. Sunita said \"There's always shouting\".",
    ])
    label = first.replacements[0].replacement
    assert first.text == f'Staying with {label} ("{label}") at his flat.', first.text
    assert _absent(second.text + third.text, ["Shirley", "Shirl", "Gav"]) == [], (second.text, third.text)
    assert "There's always shouting" in third.text, third.text


# 12e. Names joined to a person in a sign-in list, or by "and", are people too; everyday words are not.
def test_names_joined_to_a_person(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "- Samira Haddad + Yusra + Tamim (twins)",
        "- Tran Thi Hoa + Minh",
        "Present: Brigid Kearney and Oisin and the baby. Rain and Sky were not forecast. Mum + Dad attended.",
    ])]
    joined = " | ".join(outputs)
    assert _absent(joined, ["Yusra", "Tamim", "Minh", "Oisin"]) == [], outputs
    assert "Rain and Sky were not forecast. Mum + Dad attended." in outputs[2], outputs


# 12f. A learned name no dictionary has, typed in lower case anywhere (a text-message export).
def test_learned_rare_name_in_lower_case(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "Her friend Nyokabi Gathoni stayed the night.",
        "23:10 Dont bother ringing nyokabi. She is not coming",
    ])]
    assert "nyokabi" not in outputs[1] and "Dont bother ringing" in outputs[1], outputs


# 12g. A register person called by one letter in more places where only a person fits; a letter two
# register people share becomes "[name]" rather than being pinned on one of them.
def test_register_person_called_by_one_letter(anonymiser_factory):
    register = Register(
        people=(Person("Tobias Lindqvist", "Child T", ("Toby",), "subject child"),
                Person("Nadia Lindqvist", "Mother", (), "mother"),
                Person("Norbert Kowal", "Mother's partner", ("Bert",), "mother's partner")),
        places=(), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        'Mum said "T has a cold" and she might give T another go at nursery.',
        "last seen T 04/03, weight static.",
        "[02/03/2025 22:14] 07700 900123: you know what you did. - T",
        "Police attended. N shouted at the door. Form N was not signed.",
        "Plan B agreed. Vitamin D given. K B's mum rang.",
    ])]
    assert outputs[0] == 'Mum said "Child T has a cold" and she might give Child T another go at nursery.', outputs
    assert outputs[1].startswith("last seen Child T 04/03"), outputs
    assert outputs[2].endswith("- Child T"), outputs
    assert outputs[3] == "Police attended. [name] shouted at the door. Form N was not signed.", outputs
    assert outputs[4] == "Plan B agreed. Vitamin D given. K B's mum rang.", outputs


# 12h. A register court called by its possessive alone; a repairs job number.
def test_register_court_by_its_possessive_and_repair_jobs(anonymiser_factory):
    register = Register(people=(), places=(Place("Flat 2, Cooper's Yard, Elmbridge", "the family home", (), "address"),),
                        exempt=())
    output = anonymiser_factory(register).anonymise(
        "The lad from Coopers was there again. Coopers Yard lights out, repair job W-508817 raised; "
        "a good job 2 weeks ago."
    ).text
    assert _absent(output, ["Coopers", "508817"]) == [], output
    assert "a good job 2 weeks ago." in output, output


# ---- Classes from the thirteenth blind set (after its only blind run), with new invented examples ------

# 13a. A command-and-control log in capitals: a role, then the name in capitals; a surname in capitals
# after a given name; a surname in capitals before a comma and the given name.
def test_names_in_capitals(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "21:14 CALL HANDLER MARISKA VELDHUIS - CALLER STATES MALE VOICE SHOUTING",
        "21:30 PARAMEDICS T OYELARAN AND J KOWALCZYK ON SCENE. SGT B YOUNG INFORMED.",
        "2. Anwara BEGUM (61), neighbour at no. 12",
        "Cc: OYEBANJI, Tolu (NORTHSHIRE COMMUNITY HEALTH)",
        "OFFICER ATTENDED. CREW ON SCENE. URGENT, Mother rang.",
    ])]
    assert _absent(" | ".join(outputs[:4]), ["MARISKA", "VELDHUIS", "OYELARAN", "KOWALCZYK", "YOUNG", "Anwara",
                                             "BEGUM", "OYEBANJI", "Tolu"]) == [], outputs
    assert "CALLER STATES MALE VOICE SHOUTING" in outputs[0] and "ON SCENE" in outputs[1], outputs
    assert outputs[4] == "OFFICER ATTENDED. CREW ON SCENE. URGENT, Mother rang.", outputs


# 13b. Hurried notes: a role, then a name typed in lower case; the name learned, with its initials.
def test_lower_case_name_after_a_role(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "12/03 joint visit w/ CNN halina wrobel. mum tired.",
        "14/03 halina did play session, good eye contact w/ HW. student nurse oyinkansola observed.",
        "15/03 spoke to HV about weight. seen by SW today.",
    ])]
    assert _absent(" | ".join(outputs), ["halina", "wrobel", "HW", "oyinkansola"]) == [], outputs
    assert outputs[2] == "15/03 spoke to HV about weight. seen by SW today.", outputs


# 13c. Initials and letters that sign off: "A.B." with dates, a letter's "Our ref", one letter ending a message.
def test_sign_offs_and_letter_references(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory(dates="keep").anonymise_many([
        "Leader in charge: Gethin Morgan-Price",
        "Children walked home at 19.15.\nG.M.P. 14/05/2024",
        "Our ref: KAB/mt\nDear Dr Sloane,",
        "He is back at the flat. Can you ring me when you can. R",
        "Mum (b. 03/04/1991) attended. See Appendix G. Moved to Plan B.",
    ])]
    assert "G.M.P." not in outputs[1] and "14/05/2024" in outputs[1], outputs
    assert "KAB" not in outputs[2] and "[reference]" in outputs[2], outputs
    assert outputs[3].endswith("when you can. [name]"), outputs
    assert "[date of birth]" in outputs[4] and "Appendix G" in outputs[4] and "Plan B" in outputs[4], outputs


# 13d. A day of the week as a given name; a house and town with no street word; a birth in a chronology row;
# a prison number; an email address holding a register place's name.
def test_day_names_addresses_births_prison_numbers_and_emails(anonymiser_factory):
    register = Register(people=(), places=(Place("Ashgrove Medical Practice", "the GP practice", ("Ashgrove",),
                                                 "gp-practice"),), exempt=())
    outputs = [a.text for a in anonymiser_factory(register, dates="keep").anonymise_many([
        "Helpers: Tuesday Adebayo-Lawal and others. Seen on Sunday Morning.",
        "Children safe with grandmother at 9 Fellgarth, Ribbleton.",
        "03/11/2014 | Midwifery | Baby born at 38 weeks.\n10/11/2014 | HV | New birth visit.",
        "Father in custody, prison no. B5530QT.",
        "Email: ashgrove.surgery@nhs.net",
    ])]
    assert _absent(" | ".join(outputs), ["Tuesday Adebayo", "Fellgarth", "Ribbleton", "03/11/2014", "B5530QT",
                                         "surgery@nhs.net"]) == [], outputs
    assert "Sunday Morning" in outputs[0] and "10/11/2014" in outputs[2], outputs


# 13e. Kept: agencies and companies whose names end in a company word, police forces' abbreviations, a
# word-name describing a noun; but a name run into the job title after it is replaced.
def test_company_words_forces_and_word_names_before_nouns(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "Faith Okonkwo-Hart rang.",
        "Other agencies: Calder Vale Homes (housing officer); GMP; Pennine Lakes Interpreting Ltd.",
        "Offer training to Faith groups.",
        "Deborah Quayle Health Visitor rang.",
    ])]
    # A company the case does not list may become "[organisation]", but never a person.
    assert outputs[1].startswith("Other agencies: Calder Vale Homes (housing officer); GMP; "), outputs
    assert "Person" not in outputs[1], outputs
    assert outputs[2] == "Offer training to Faith groups.", outputs
    assert "Deborah" not in outputs[3] and "Quayle" not in outputs[3] and "Health Visitor rang." in outputs[3], outputs


# 13f. A registered name in lower case straight after a family word.
def test_register_name_after_a_family_word(anonymiser_factory):
    register = Register(people=(Person("Maureen Pilkington", "Maternal grandmother", ("Mo",), "grandmother"),),
                        places=(), exempt=())
    output = anonymiser_factory(register).anonymise("[02/03/2025 21:03] Kayleigh: rung ur mum mo, shes coming").text
    assert " mo," not in output and "Maternal grandmother" in output, output


# ---- Classes from the fourteenth blind set (after its only blind run), with new invented examples ------

# 14a. Phone numbers the library's matcher joins to what follows, or misses after a message header.
@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("Contacts: 1. Mum 07700 900 461  2. Nan 01632 960 118  3. Dad - no contact", "07700 900 461"),
        ("Contacts: 1. Mum 07700 900 461  2. Nan 01632 960 118  3. Dad - no contact", "01632 960 118"),
        ("[12/04/2024 21:07] 07700 900 982: im outside", "07700 900 982"),
        ("Call me on +44 (0)7700 900321 tonight.", "900321"),
    ],
)
def test_phone_numbers_next_to_other_numbers(anonymiser, text, leak):
    assert leak not in anonymiser.anonymise(text).text


# 14b. Professional register numbers; a register address with its street word shortened and a flat number
# before it; a Norfolk "loke".
def test_register_numbers_and_address_forms(anonymiser_factory):
    register = Register(people=(), places=(Place("Flat 4, 22 Netmakers Yard, Brancaster Staithe", "the family home",
                                                 (), "address"),), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "Interpreter: via agency (NRPSI 20417). Signed RM PIN 09C1132E.",
        "JV at 22 netmakers yd today. Address: 4/22 Netmakers Yd.",
        "Previous address: 8 Tanners Loke, Ludham.",
    ])]
    assert _absent(" | ".join(outputs), ["20417", "09C1132E", "netmakers", "Netmakers", "4/", "Tanners"]) == [], outputs


# 14c. A register name written without its accents.
def test_register_name_without_accents(anonymiser_factory):
    register = Register(people=(Person("Conceição Araújo", "Maternal grandmother", (), "grandmother"),),
                        places=(), exempt=())
    output = anonymiser_factory(register).anonymise("Grandmother Conceicao Araujo stayed; ARAUJO, Conceicao.").text
    assert _absent(output, ["Conceicao", "Araujo", "ARAUJO"]) == [], output


# 14d. People in a line of capitals; two initials and a surname; a legend of initials; a form's field; a
# child named with an age after a family word; a short form without its final y.
def test_capitals_initials_legends_fields_and_children(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "RESEARCHED BY: SHONA TREMBATH (ANALYST). SUBJECT HAS TOLD CRAIG LOVEDAY THAT HE IS BACK. LOVEDAY DENIES IT.",
        "Chair: R T Nkemelu   Minutes: typed. Crew: A Boughtwood / E Tanase",
        "KT = Kes Tebbutt (office); PW = Precious Wainaina (TA)",
        "MASH health: Nasrin Qasemi   MASH police: DC Farrow",
        "her son Lucky (7) plays outside",
        "His partner Kelsey Armitage messaged. Later: stay away from him. Kelse",
        "offered ruth penhaligon IDVA details by text",
        "A Home visit was made. THE WILL WAS READ. MAY BE SEEN.",
    ])]
    assert _absent(" | ".join(outputs[:7]), ["SHONA", "TREMBATH", "CRAIG", "LOVEDAY", "Nkemelu", "Boughtwood",
                                             "Tanase", "KT", "Tebbutt", "PW", "Wainaina", "Nasrin", "Qasemi",
                                             "Lucky", "Kelse", "ruth", "penhaligon"]) == [], outputs
    assert outputs[7] == "A Home visit was made. THE WILL WAS READ. MAY BE SEEN.", outputs
    assert outputs[2].split(" = ")[0] == outputs[2].split(" = ")[1].split(" (")[0], outputs  # KT takes Kes's label


# 14e. Kept: a unit after a number where a registered short name is the same word; a word in capitals after
# "THE"; PACE Code C.
def test_units_determiners_and_codes(anonymiser_factory):
    register = Register(people=(Person("Mindaugas Petraitis", "Mother's partner", ("Min",), "partner"),
                                Person("Colin Petraitis", "Sibling 1", (), "brother")), places=(), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "Burn cooled 20 min before crew arrival. Min says he was out. FOR 20-30 MIN.",
        "MIN WORKS ON THE CRAB BOATS. Interpreter retained per Code C.",
        "28/04 min rang the school.",
    ])]
    assert outputs[0] == "Burn cooled 20 min before crew arrival. Mother's partner says he was out. FOR 20-30 MIN.", outputs
    assert outputs[1] == "Mother's partner WORKS ON THE CRAB BOATS. Interpreter retained per Code C.", outputs
    assert "min" not in outputs[2], outputs


# ---- Classes from the fifteenth blind set (after its only blind run), with new invented examples -------

# 15a. A table written as text with a DOB column, read as one text or one row at a time (a Word file's
# paragraphs, the lines of a text file); an exhibit after "exhibited".
def test_dob_column_of_a_text_table(anonymiser_factory):
    rows = ["Name | Relationship | DOB | At home?", "Keeley Arkwright | Mother | 4th June 1994 | Yes",
            "Rory Arkwright | Brother | 19/02/2016 | No", "Meeting held 12/03/2024 at the school."]
    for texts in (["\n".join(rows)], rows):
        joined = " | ".join(a.text for a in anonymiser_factory(dates="keep").anonymise_many(texts))
        assert _absent(joined, ["4th June 1994", "19/02/2016"]) == [], joined
        assert "12/03/2024" in joined, joined
    output = anonymiser_factory().anonymise("CCTV exhibited (KR/4) at the station.").text
    assert "KR/4" not in output, output


# 15b. A title in lower case before a name the dictionary lists as a noun; initials before a found name;
# a quoted nickname before the name in brackets; a given name before the surname the model found; a
# two-letter given name; a long given name's first four letters.
def test_titles_initials_nicknames_and_short_given_names(anonymiser_factory):
    register = Register(people=(Person("Tanya Kirkbride", "Mother", (), "mother"),), places=(), exempt=())
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "seen by dr tariq al-masri in clinic. mrs jones rang after. dr surgery closed.",
        "Tenant: Ms T J Kirkbride, flat 2.",
        'Staying at a mate\'s, "Fozzy" (Darren Foster). Fozzy denies it.',
        "Ty Ogundipe and Jo Marchetti were there. Ty said no.",
        "Team manager: Abdulkadir Farah. Supervision: Abdu / Sian.",
        "Checked by the nurse. Lourdes Dela Paz Health Visitor, tel 0151 496 0018.",
    ])]
    joined = " | ".join(outputs)
    assert _absent(joined, ["tariq", "masri", "jones", " T J ", "Fozzy", "Darren", "Ty said", "Abdu ",
                            "Lourdes", "Paz"]) == [], outputs
    assert "dr surgery closed." in outputs[0], outputs


# ---- Classes from the sixteenth blind set (after its only blind run), with new invented examples -------

def test_references_hyphenated_given_names_nicknames_and_entry_authors(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "Ambulance (EMD ref SECAMB-120324-0931) attended. Service ref for the family: LSS/GRP/5512.",
        "| Ellie-Mae Thornton | 4 | Jean Thornton | nan |",
        '"Bex" believed to be Rebecca Oyelowo, a friend. ask Bex??',
        "Probation: Ida Fenwick, Probation Officer.",
        "16/01/2024  IF  Office visit. Working.\n17/01/2024 GP – seen for a cough. IF he comes, call.",
    ])]
    joined = " | ".join(outputs)
    assert _absent(joined, ["120324", "5512", "Ellie", "Bex", "  IF  "]) == [], outputs
    assert "17/01/2024 GP – seen for a cough. IF he comes, call." in outputs[4], outputs


# After the final blind runs (heldout17): a county the model calls a place, inside a force's name in a table.
def test_force_named_after_two_counties_in_a_table(anonymiser):
    text = "| DC Jakub Zielinski | OIC for the assault | Avon and Somerset Police |"
    output = anonymiser.anonymise(text).text
    assert output.endswith("| Avon and Somerset Police |") and "Zielinski" not in output, output


# ---- Classes from the seventeenth and eighteenth blind sets (after their only blind runs) ---------------

def test_staff_codes_logs_in_capitals_handles_and_log_numbers(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "DSL: Mrs P. Okafor (POK)   Headteacher: Mrs Delia Rowe (HT)   TA: Mrs N. Brar (NBR)",
        "04/10/23 | POK | Police information | Operation Encompass.\n05/10/23 | NBR | Welfare | fruit.",
        "CALL HANDLER: R TREGUNNA [CH]   DISPATCHER: M O'KEEFFE [DSP]",
        "23:10 EDT INFORMED - SPOKE TO ELWYN PASCOE. ADVISES PPN. SPOKE TO DUTY SERGEANT.",
        "Messaged him on Snapchat (\"kyle.t_04\"). Participants: Dana Reid (profile: danareid88).",
        "LINKED LOGS: 0331 04/03/24, 1210 19/05/24   Storm log: STORM 0917 02AUG24",
        "He is at Flat 3, Kittiwake House, Porthleven.",
    ])]
    joined = " | ".join(outputs)
    assert _absent(joined, ["(POK)", "| POK |", "NBR", "TREGUNNA", "KEEFFE", "ELWYN", "PASCOE", "kyle.t_04", "danareid88",
                            "0331", "1210", "0917", "Kittiwake", "Porthleven"]) == [], outputs
    assert "(HT)" in outputs[0] and "SPOKE TO DUTY SERGEANT." in outputs[3], outputs
    assert outputs[0].split("(")[1].split(")")[0] == outputs[1].split("| ")[1].strip(), outputs  # POK's label


# ---- Classes from the nineteenth and twentieth blind sets (fixed in the fourth session, new examples) -----

@pytest.mark.parametrize(
    ("text", "leaks", "kept"),
    [
        ("Handled by Moira Venn (control room, staff no CRX5518).", ["CRX5518"], "staff no"),
        ("Crew: Ben Asante (Paramedic, T-48812) / Lou Hart (Technician, TK-7041)", ["48812", "7041"], "Paramedic"),
        ("Signed R. Okoro, Health Visitor, HVT-3390", ["3390"], "Health Visitor"),
        ("Practice code D91177. Cost code SAF-CYP-4410. Team code NE-LAC-03.", ["91177", "4410", "LAC-03"], "Practice code"),
        ("Photographs exhibited as KP/1-KP/3 and KP/4.", ["KP/1", "KP/3", "KP/4"], "exhibited"),
        ("Logged on CPOMS #77120 by the DSL.", ["77120"], "CPOMS"),
        ("FY2024 budget, COVID-19 rules, ASQ-3 and PHQ-9 scores; the A38 was closed.",
         [], "FY2024 budget, COVID-19 rules, ASQ-3 and PHQ-9 scores; the A38 was closed."),
    ],
)
def test_staff_and_practice_codes(anonymiser, text, leaks, kept):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output
    assert kept in output, output


def test_surname_first_honorifics_action_owners_lists_and_rare_nouns_as_given_names(anonymiser_factory):
    outputs = [a.text for a in anonymiser_factory().anonymise_many([
        "Crew: Ross Penhale (Paramedic) / NGUYEN Van Duc (Technician)",
        "Custody Sgt Osric Bellamy booked him in. Interview authorised by custody sgt O BELLAMY.",
        'Contact at the gurdwara: Paramjit Sandhu ("Pammi ji"). The children stay with Rupa masi at weekends.',
        "ACTION: Tahmina to ask the school for the log. Action: Review the plan at the next meeting.",
        "Helpers on the day: Zubair, Carys Pugh, Lowri Bevan (student).",
        "Kestrel Osei | Year 4 | collected by mum Abena Osei",
    ])]
    joined = " | ".join(outputs)
    assert _absent(joined, ["NGUYEN", "Duc", " O ", "BELLAMY", "Pammi", "Rupa", "Tahmina", "Zubair", "Kestrel"]) == [], outputs
    assert "Action: Review the plan at the next meeting." in outputs[3] and "ji\")" in outputs[2], outputs


# ---- Classes from heldout22, heldout25 and heldout26 (after their only blind run), new invented examples ----

def test_register_people_by_one_letter_in_case_notes(anonymiser_factory):
    register = Register(people=[Person(name="Tanya Birkett", pseudonym="Mother"),
                                Person(name="Reece Birkett", pseudonym="Child R")])
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "Door has a dent at head height, T says it was years ago. Saw R at nan's after school.",
        "Visited, T denied it and no sign of R. Tel T – said the car was a friend's.",
        'T: "he fell off the sofa". Bunk bed for R + T. Asked re R – "at his dad\'s".',
        "Plan B agreed; vitamin D prescribed; Class B drugs found.",
    ])]
    joined = " | ".join(outputs)
    assert _absent(joined, [" T says", "Saw R", " T denied", "of R.", "Tel T", "T:", "R + T", "re R"]) == [], outputs
    assert outputs[3] == "Plan B agreed; vitamin D prescribed; Class B drugs found.", outputs


def test_the_boards_area_job_titles_and_system_prefixed_references(anonymiser_factory):
    register = Register(exempt=[ExemptPerson(name="Ruth Ambler", job_title="Independent Chair",
                                             organisation="Wyn Dale Local Safeguarding Children Board")])
    outputs = [a.text for a in anonymiser_factory(register).anonymise_many([
        "Author: DS Colin Ware, Public Protection Unit (Wyn Dale).",
        "Kath Ormerod – IDVA, Wyn Dale Women's Aid. Allocated to Ashby Locality Assessment Team.",
        "IMR author: Nicola Frain, Designated Nurse Safeguarding Children",
        "Jo Bell Team Manager and Marek Nowak Team Leader attended.",
        "Contact ref: LCS 2210984. Probation CRN M552019. Attendance no: 24RV339107. PPN 24-55871 sent.",
        "HOLLINGTON BOROUGH COUNCIL – HOUSING OPTIONS",
    ])]
    joined = " | ".join(outputs)
    assert _absent(joined, ["Ware", "Ormerod", "Frain", "Jo Bell", "Nowak", "LCS", "2210984", "M552019",
                            "339107", "55871"]) == [], outputs
    assert "(Wyn Dale)" in outputs[0] and "Wyn Dale Women's Aid" in outputs[1], outputs
    assert "Ashby Locality Assessment Team" in outputs[1] and "Safeguarding Children" in outputs[2], outputs
    assert "Team Manager" in outputs[3] and outputs[5] == "HOLLINGTON BOROUGH COUNCIL – HOUSING OPTIONS", outputs


@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Seen outside Bosphorus Grill, which his cousin runs.", ["Bosphorus"]),
        ("W2 Hasan Kaya (47), proprietor, Kaya's Mini Market.", ["Kaya"]),
        ("The driver from Pengelly Coaches brought him.", ["Pengelly"]),
        ("Landlord: managed by RJ Lettings.", ["RJ Lettings"]),
        ("Father remanded at HMP Ashcombe.", ["Ashcombe"]),
        ("He was held at Larkhill custody suite overnight.", ["Larkhill"]),
    ],
)
def test_small_businesses_prisons_and_custody_suites(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


# Fifth session: what a family or a greeting calls someone, initials ending a list, logs quoted by number
# and date alone.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Her brother Toddy works on the sites; partner Gill does nails.", ["Toddy", "Gill"]),
        ("Thanks Ade, speak soon.", ["Ade"]),
        ("Texts to a contact saved as \"Jordy\" on 2 Feb.", ["Jordy"]),
        ("Present: mum, Dave Nuttall (FSW), Amy Rawcliffe, KT. Nursery invited.", ["KT", "Nuttall", "Rawcliffe"]),
        ("Police attended (0387 of 14/01/2023).", ["0387"]),
        ("Call logged as 1123 of 3rd March 2023.", ["1123"]),
        ("Serial 441 of 02/02/24 – DA.", ["441"]),
    ],
)
def test_person_cues_listed_initials_and_dated_logs(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


@pytest.mark.parametrize(
    "text",
    [
        "Thanks Team, see you on Monday.",
        "The partner Agency was informed.",
        "He scored 100 of 120 on 12/03/2024.",
        "Present: Amy Rawcliffe, CSC, HV and the GP.",
    ],
)
def test_cued_words_that_are_not_people(anonymiser, text):
    output = anonymiser.anonymise(text).text
    kept = re.sub(r"Amy Rawcliffe", "", text)
    assert all(word in output for word in re.findall(r"[A-Za-z0-9]+", kept)), output


# Sixth session: a capitalised word no list knows, alone mid-sentence, is most often a person; a learned
# full name is replaced whole; titles and jobs in front of a name stay as written.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Good things: football and Kacper at school.", ["Kacper"]),
        ("She plays with Oskar and Wiktoria most days.", ["Oskar", "Wiktoria"]),
        ("Jan Whitehouse rang the office. Later Jan Whitehouse came in.", ["Whitehouse"]),
    ],
)
def test_lone_unknown_words_and_learned_full_names(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Supervisor: DS Jaswinder Gill and others.", ["DS "]),
        ("Risk discussed with Detective Inspector Mark Tebbutt who agreed.", ["Detective Inspector "]),
        ("Triage 07:39 – Liam Pattinson, Staff Nurse. Pain 8/10.", ["Staff Nurse. Pain 8/10"]),
        ("partner said (\"I'll stay\") and the officer agreed.", ["I'll"]),
        ("23:10 Dont bother ringing her.", ["Dont bother"]),
    ],
)
def test_places_titles_and_compounds_stay(anonymiser, text, kept):
    output = anonymiser.anonymise(text).text
    assert [k for k in kept if k not in output] == [], output


# Sixth session, after the first blind run of heldout27, 29 and 31: safeguarding systems' numbers, grid
# references, operations, ranks with collar numbers before a surname in capitals, site pitches and
# caravans, named houses, and initials beside a log time, a date or what the person did.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("CPOMS 10442 | 09/09/2015 | Attendance", ["10442"]),
        ("PPN 17/10482 submitted; MyConcern 2231 logged.", ["10482", "2231"]),
        ("Roadside site (verge and lay-by, OS grid SK 158 742).", ["158 742"]),
        ("Phone downloads requested (Op KESTREL).", ["KESTREL"]),
        ("Enquiry named Operation Bramble began.", ["Bramble"]),
        ("PC 2281 BOULTON and PC 4417 WOZNIAK attended 23:05.", ["BOULTON", "WOZNIAK", "2281", "4417"]),
        ("06:41 OP 4410 BRAMLEY: caller states child fell.", ["BRAMLEY", "4410"]),
        ("Seasonal let of Van 47, Sandy Nab Holiday Park.", ["Van 47", "Sandy Nab"]),
        ("Visit to the site, Pitch 6. Mum there.", ["Pitch 6"]),
        ("Complaint from Mr Ludlam of The Old Forge, Town End.", ["Old Forge"]),
        ("23:41 JS CALLER STATES HE HAS FOUND HER", ["JS"]),
        ("File note 16/02/2017 (MS): notice held.", ["MS"]),
        ("18/11/2016 16:30 R.Turnbull – joint visit.", ["Turnbull"]),
        ("Present: BAKER, Emma (mother).", ["BAKER", "Emma"]),
    ],
)
def test_first_blind_run_of_the_sixth_session(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


@pytest.mark.parametrize(
    "text",
    [
        "Operation Encompass notification sent to school.",
        "03:10 DOG UNIT SEARCHED ESTATE",
        "PC 2281 ATTENDED AND WAS ON SCENE",
        "GP to review. SW to visit. HV said it was fine.",
        "URGENT, please read before the meeting.",
        "He drove the van 12 miles.",
    ],
)
def test_words_like_those_that_are_not_identifiers(anonymiser, text):
    output = anonymiser.anonymise(text).text
    assert all(word in output for word in re.findall(r"[A-Za-z]{3,}", text)), output


# Emails greet and sign with a name on its own; a month is also a given name; a couple under one title.
@pytest.mark.parametrize(
    ("texts", "leaks"),
    [
        (["Thanks", "Tash", "Natasha Kirkbride | Social Worker"], ["Tash"]),
        (["Addy, passing this to you as allocated SW."], ["Addy"]),
        (["Can you ring Carys back?", "P"], ["Carys"]),
        (["June Pritchard (lives opposite) reports seeing him."], ["Pritchard", "June"]),
        (["21/09/2022 15:30 Jan Vinall (office) – mum has not collected."], ["Vinall"]),
        (["the foster carers (Mr and Mrs Ramdin) agreed"], ["Ramdin", "Mr and"]),
    ],
)
def test_greetings_sign_offs_months_as_names_and_couples(anonymiser, texts, leaks):
    outputs = [a.text for a in anonymiser.anonymise_many(texts)]
    assert _absent(" | ".join(outputs), leaks) == [], outputs


def test_a_letter_alone_under_an_email_is_its_writer(anonymiser):
    outputs = [a.text for a in anonymiser.anonymise_many(["Can you ring her back? Sorry.", "P"])]
    assert outputs[1] != "P", outputs


@pytest.mark.parametrize("text", ["Thanks", "Summary", "However, the plan failed.", "A", "Chronology", "Yes, agreed."])
def test_one_word_paragraphs_that_are_words(anonymiser, text):
    assert anonymiser.anonymise(text).text == text


# Addresses as letterheads and northern, Welsh and hurried notes write them.
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("Venue: Civic Centre, Fenn Road, Saltcote.", ["Civic Centre", "Fenn Road", "Saltcote"]),
        ("Kilnside Health Village, 40 Potbank Way, Burslow", ["Kilnside", "Potbank", "Burslow"]),
        ("The children went to 7 Cinder Bank, Ravensdyke.", ["Cinder Bank", "Ravensdyke"]),
        ("address on their system Wheatsheaf Cl. he has a son", ["Wheatsheaf"]),
        ("Visit to Maes y Llan; they later moved to 12 Heol yr Ysgol.", ["Maes y Llan", "Heol yr Ysgol"]),
    ],
)
def test_letterhead_northern_and_welsh_addresses(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


@pytest.mark.parametrize("text", ["It was the end of term and she went to the bank.", "Office, as agreed."])
def test_street_words_in_sentences_stay(anonymiser, text):
    assert anonymiser.anonymise(text).text == text


# A learned "Will" or "Grace" elsewhere in the batch does not take the modal or the noun with it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kerry said no. Will revisit alone.", "Will revisit alone."),
        ("Explained we would not. Will keep an eye on her mood.", "Will keep an eye on her mood."),
        ("Next panel soon. Grace period for late IMRs will not apply.", "Grace period for late IMRs"),
        ("Will kept him in class.", "Uncle kept him in class."),
        ("Saw Will Hebden today.", "Saw Uncle today."),
    ],
)
def test_learned_word_names_as_modals_and_nouns(anonymiser_factory, text, expected):
    register = Register(people=(Person("Will Hebden", "Uncle", (), "uncle"), Person("Grace Hebden", "Aunt", (), "aunt")),
                        places=(), exempt=())
    output = anonymiser_factory(register).anonymise(text).text
    assert expected in output, output


# Named premises that say where a family lives, is placed or was seen.
@pytest.mark.parametrize(
    ("text", "leaks", "label"),
    [
        ("Health Visitor | Burslow Health Centre | 01782 845 220", ["Burslow"], "GP practice"),
        ("Mr Nasser of Quayside Pharmacy told the author.", ["Quayside"], "the pharmacy"),
        ("Placed at Ravenhill B&B from 01/11/16.", ["Ravenhill"], "the guest house"),
        ("A winter licence at Gorsey Bank Caravan Park, Pitch 12.", ["Gorsey", "Pitch 12"], "the caravan park"),
        ("Conveyed to Wyebridge Police Station by PC Twigg.", ["Wyebridge"], "the police station"),
        ("CUSTODY RECORD – NORTHWAY POLICE STATION", ["NORTHWAY"], "the police station"),
        ("Arrested at The Jolly Sailors after closing.", ["Jolly Sailors"], "a public house"),
        ("Family moved to Coldwell Bridge transit site.", ["Coldwell"], "the caravan park"),
        ("Thomas works at Hollow Edge Quarry on Saturdays.", ["Hollow Edge"], "a local business"),
    ],
)
def test_named_premises(anonymiser, text, leaks, label):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [] and label in output, output


@pytest.mark.parametrize("text", ["Sentenced at Teesside Crown Court in August.", "Seen at the Police Station."])
def test_courts_and_unnamed_premises_stay(anonymiser, text):
    assert anonymiser.anonymise(text).text == text


# After the sixth session's final blind run (heldout28, 30, 32).
@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("School office: 0121 675 2210, Fernley Park, Wrenfield Avenue", ["2210", "675"]),
        ("Lacey-Mae was born at Avonvale District Hospital on 14/07/2019.", ["14/07/2019"]),
        ("Interpreter ID 30417 (Mr Elmi) connected by phone.", ["30417"]),
        ("Landlord via Kingsway Lettings, 201 High Street North.", ["201 High Street", "North"]),
    ],
)
def test_final_blind_run_of_the_sixth_session(anonymiser, text, leaks):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [], output


# Hurried notes: a cue's given name runs on into its surname, a possessive without its apostrophe, and a
# short verb before a name is not a nickname.
@pytest.mark.parametrize(
    ("text", "leaks", "kept"),
    [
        ("duty sw callum reid took call, logged.", ["callum", "reid"], "duty sw"),
        ("call from kerry k (poppys mum – see email).", ["poppy"], "mum – see email"),
        ("went round to tylers house after school.", ["tyler"], "s house after school"),
        ("saw craig dragging him by the arm.", ["craig"], "saw "),
        ("the kids mum came. his mates house. the few precious baby photos.", [],
         "the kids mum came. his mates house. the few precious baby photos."),
    ],
)
def test_hurried_note_names(anonymiser, text, leaks, kept):
    output = anonymiser.anonymise(text).text
    assert _absent(output, leaks) == [] and kept in output, output


@pytest.mark.parametrize(
    ("text", "initials"),
    [("GO: family on Universal Plus.", "GO"), ("PL: no CSC history.", "PL"), ("- KB: to ring mum.", "KB")],
)
def test_speaker_initials_opening_a_line(anonymiser, text, initials):
    output = anonymiser.anonymise(text).text
    assert not output.lstrip("- ").startswith(initials), output


@pytest.mark.parametrize("text", ["RE: meeting on Friday", "GP: seen 12/03.", "LCS: case open.", "CRN: see file.",
                                  "NB: check the plan.", "AM: home visit."])
def test_headers_and_systems_opening_a_line_stay(anonymiser, text):
    assert anonymiser.anonymise(text).text.split(":")[0] == text.split(":")[0]


def test_register_initials_in_a_note_typed_without_capitals(anonymiser_factory):
    register = Register(people=(Person("Craig Hollis", "Stepfather", ("CH",), "stepfather"),
                                Person("Olive Kemp", "Grandmother", ("OK",), "grandmother")),
                        places=(), exempt=())
    output = anonymiser_factory(register).anonymise("dani said she didnt see. ch in custody. ok with that").text
    assert "ch in custody" not in output and "Stepfather in custody" in output, output
    assert "ok with that" in output, output  # initials that are also a word are not taken in lower case


def test_hyphenated_given_name_by_its_initials_before_the_surname(anonymiser_factory):
    register = Register(people=(Person("John-Joe McDonagh", "Father", ("JJ",), "father"),
                                Person("Bridget McDonagh", "Grandmother", (), "grandmother")),
                        places=(), exempt=())
    output = anonymiser_factory(register).anonymise("Seen with Mr J-J McDonagh at the door.").text
    assert "J-J" not in output and "McDonagh" not in output and "Father" in output, output


@pytest.mark.parametrize(
    ("text", "leak", "pseudonym"),
    [
        ("16/01/24 CV – 1:1. J. says he is using less.", "J.", "Father says"),
        ("ASQ-3 done. EM shy, clung to mum.", "EM", "Child E"),
        ("Gave name as Dean. Rang K. She says he was only helping.", "K.", "Rang Mother"),
    ],
)
def test_register_people_by_letters(anonymiser_factory, text, leak, pseudonym):
    register = Register(people=(Person("Jordan Pike", "Father", ("JP",), "father"),
                                Person("Ellie-Mae Armstrong", "Child E", ("Ellie",), "subject child"),
                                Person("Kerry Wilde", "Mother", (), "mother")),
                        places=(), exempt=())
    output = anonymiser_factory(register).anonymise(text).text
    assert leak not in output and pseudonym in output, output


def test_a_letter_ending_a_sentence_is_not_an_initial(anonymiser):
    assert anonymiser.anonymise("See Appendix J. Was there any follow-up?").text == "See Appendix J. Was there any follow-up?"
