"""UK identifiers with a fixed shape: each recogniser against what it must and must not take."""
from __future__ import annotations

import pytest

from pipeline.anonymise.recognisers.address import UkAddressRecogniser
from pipeline.anonymise.recognisers.date_of_birth import DateOfBirthRecogniser
from pipeline.anonymise.recognisers.email import OfflineEmailRecogniser
from pipeline.anonymise.recognisers.phone import UkPhoneRecogniser
from pipeline.anonymise.recognisers.reference import ReferenceRecogniser
from pipeline.anonymise.recognisers.uk_ids import UkNhsRecogniser, UkNinoRecogniser, UkPostcodeRecogniser


def spans(recogniser, text):
    return sorted(text[r.start:r.end] for r in recogniser.analyze(text, None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS number 943 476 5919 on file", ["943 476 5919"]),
        ("NHS no: 9434765919.", ["9434765919"]),
        ("Number 943-476-5919", ["943-476-5919"]),
        ("A count of 943 476 5918 items", []),  # fails the modulus-11 check, no NHS context
        ("NHS number 943 476 5918 (typed wrongly)", ["943 476 5918"]),  # NHS just before it: still replaced
    ],
)
def test_nhs_numbers(text, expected):
    assert spans(UkNhsRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NI number AB 12 34 56 C", ["AB 12 34 56 C"]),
        ("NINO: JG103759A", ["JG103759A"]),
        ("Her NI number QQ 12 34 56 C was used", ["QQ 12 34 56 C"]),
        ("Room 12 34 56 was booked", []),
    ],
)
def test_national_insurance_numbers(text, expected):
    assert spans(UkNinoRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eastbridge, EB1 2CD", ["EB1 2CD"]),
        ("London SW1A 1AA.", ["SW1A 1AA"]),
        ("M1 1AE and B338TH", ["B338TH", "M1 1AE"]),
        ("Section 47 enquiries and 12 visits", []),
    ],
)
def test_postcodes(text, expected):
    assert spans(UkPostcodeRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 07700 900123 today", ["07700 900123"]),
        ("Tel: 01632 960123.", ["01632 960123"]),
        ("+44 7700 900123 or +44 (0)20 7946 0958", ["+44 (0)20 7946 0958", "+44 7700 900123"]),
        ("0161 496 0000", ["0161 496 0000"]),
        ("mobile 07123456789", ["07123456789"]),
        ("In 2023 2024 there were 12 visits", []),
        ("NHS number 943 476 5919", []),
    ],
)
def test_phone_numbers(text, expected):
    assert spans(UkPhoneRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email kelly.h@gmail.com today", ["kelly.h@gmail.com"]),
        ("j.smith@northshire.gov.uk.", ["j.smith@northshire.gov.uk"]),
        ("an internal address p.h@school.local", ["p.h@school.local"]),
        ("No address here @ all", []),
    ],
)
def test_email_addresses(text, expected):
    assert spans(OfflineEmailRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They live at 14 Larch Close now", ["14 Larch Close"]),
        # The town or village after the street goes too, on its own (a register address keeps its pseudonym).
        ("Flat 2, 7 Mill Lane, Eastbridge", ["Eastbridge", "Flat 2, 7 Mill Lane"]),
        ("14 Larch Close, Social Worker visited", ["14 Larch Close"]),
        ("moved to 221B Baker Street.", ["221B Baker Street"]),
        ("On Larch Close a car was seen", ["Larch Close"]),
        ("at the Family Court on 3 May", []),
        ("12 visits were made", []),
    ],
)
def test_street_addresses(text, expected):
    assert spans(UkAddressRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poppy (DOB 12/03/2015) was seen", ["12/03/2015"]),
        ("D.O.B.: 12.03.2015", ["12.03.2015"]),
        ("date of birth 3rd May 2016", ["3rd May 2016"]),
        ("She was born on 12 March 2015 at home", ["12 March 2015"]),
        ("Seen on 12/03/2023 by the GP", []),
    ],
)
def test_dates_of_birth(text, expected):
    assert spans(DateOfBirthRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crime ref 13/123456/23 was raised", ["13/123456/23"]),
        ("crime reference number: CR/12345/23", ["CR/12345/23"]),
        # A log's number with the day it was opened is one reference, with or without the system's name.
        ("incident log 0456 of 12/03/2023", ["0456", "0456 of 12/03/2023"]),
        ("police attended (0387 of 14/01/2023)", ["0387 of 14/01/2023"]),
        # The system's letters go with a long number, as records quote it ("LCS 1447302"); the bare number too.
        ("CRN 4455667", ["4455667", "CRN 4455667"]),
        ("Case number: NS-2023-0045", ["NS-2023-0045"]),
        ("record 12345678", ["12345678"]),
        ("Seen on 12/03/2023 and 2 days later", []),
        ("case conference held", []),
    ],
)
def test_reference_numbers(text, expected):
    assert spans(ReferenceRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a grey Corsa YK19 RTX was seen", ["YK19 RTX"]),
        ("reg A123 BCD", ["A123 BCD"]),
        ("take the a1 bus at 10am", []),
        ("In 2019 RTX was founded", []),
    ],
)
def test_vehicle_registrations(text, expected):
    from pipeline.anonymise.recognisers.uk_ids import UkVehicleRecogniser

    assert spans(UkVehicleRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Facebook profile facebook.com/ty.bclarke.7; Snapchat @tyb_clarke96.", ["@tyb_clarke96", "facebook.com/ty.bclarke.7"]),
        ("see https://www.instagram.com/poppy_h_2015/ now", ["https://www.instagram.com/poppy_h_2015/"]),
        ("email kelly@gmail.com", []),
        ("meet @ 10", []),
    ],
)
def test_online_accounts(text, expected):
    from pipeline.anonymise.recognisers.online import OnlineAccountRecogniser

    assert spans(OnlineAccountRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("registered keeper of Flat 9, Wharf House.", ["Flat 9, Wharf House"]),
        ("living at a hostel, Albion House, on", ["Albion House"]),
        ("a letter to Companies House", []),
    ],
)
def test_named_buildings(text, expected):
    assert spans(UkAddressRecogniser(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The keeper gave Unit 9, Tanner Yard as his address.", "The keeper gave [address] as his address."),
        ("She moved into Flat 4C, Heron Court in May.", "She moved into [address] in May."),
        ("Post was sent to Apartment 11, The Granary, then returned.", "Post was sent to [address], then returned."),
        ("He was staying at Flat 6 Ashgrove Villas with a friend.", "He was staying at [address] with a friend."),
        ("Stored at Unit 12, Moorside Trading Estate.", "Stored at [address]."),
        ("Lodging at Room 3, The Old Vicarage, for a week.", "Lodging at [address], for a week."),
        # The postcode after the building keeps its own replacement; the address stops at the line's end.
        ("next of kin: Flat 8 Kiln Court LS9 4QT.", "next of kin: [address] [postcode]."),
        ("Flat 5, Osprey House\nWestgate\nLS2 7AB", "[address]\nWestgate\n[postcode]"),
        # A unit of a course or a hospital ward is not an address.
        ("She completed Unit 3 of the parenting course.", "She completed Unit 3 of the parenting course."),
    ],
)
def test_flats_and_units_in_named_buildings(anonymiser_factory, text, expected):
    assert anonymiser_factory(None).anonymise(text).text == expected
