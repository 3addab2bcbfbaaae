"""Street addresses: a house number and a street ("14 Larch Close", "Flat 2, 7 Mill Lane"), and a named
street without a number ("moved to Larch Close").

Replaced by "[address]". A register place wins over this (it has a better pseudonym, "the family home").
Without a house number only unmistakable street words count, so "Family Court" or "Hope Park" (a park)
are not taken as addresses.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from . import REPLACEMENT, ScrRecogniser, recogniser, result
from .vocabulary import AGENCY_WORDS, ROLE_WORDS, STREET_TYPES, UNNUMBERED_STREET_TYPES
from .names import lower_case_spans
from .wordlists import known_word

_WORD = r"[A-Z][\w'’-]*"
_NUMBERED = re.compile(
    # Not the last group of a phone number ("0121 675 2210, Fernley Park"): a house number follows no digits.
    r"(?<![\w/£$.,])(?<!\d[ \t])(?:(?:Flat|Apartment|Apt|Unit|Room|Static|Caravan|Pitch|Plot)\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?(?:\s*-\s*\d{1,4})?,?\s+"
    rf"(?:{_WORD}\s+){{1,3}}(?:{'|'.join(STREET_TYPES)})\b"
    r"(?:[ \t]+(?:North|South|East|West|Upper|Lower)\b)?"  # "201 High Street North"
)
_BUILDINGS = ("House|Court|Lodge|Mansions|Building|Tower|Towers|Heights|Point|Block|Hall|Cottage|Cottages|Farm|"
              "Forge|Grange|Manor|Rectory|Vicarage|Bungalow|Croft|Farmhouse")
# A word of a building's name: capitalised, not a postcode or a reference in capitals ("DN5").
_TITLE_WORD = r"[A-Z][a-z'’][\w'’-]*"
# Words that end the name of a building, a yard or a converted mill someone may live or work in.
_PREMISES = (
    _BUILDINGS + "|Yard|Works|Mill|Mills|Maltings|Wharf|Estate|Buildings|Chambers|Studios|Lofts|Warehouse|"
    "Granary|Barn|Exchange|Arcade|Centre|Quay|Square|Place|Park|Apartments|Flats|Residence|Villas"
)
# "Flat 9, Wharf House", "Unit 4, Calder Yard", "Apartment 7, The Maltings": a flat or unit in a named
# building. A flat or apartment number before any capitalised name is an address; a unit (also a word
# for part of a course or a hospital) only before a building word or "The ...".
_FLAT_IN_BUILDING = re.compile(
    r"(?<![\w/])(?:(?:Flat|Apartment|Apt|Maisonette|Studio)\.?[ \t]+\d+[A-Za-z]?,?[ \t]+(?:The[ \t]+)?"
    rf"{_TITLE_WORD}(?:[ \t]+{_TITLE_WORD}){{0,3}}"
    rf"|(?:Flat|Apartment|Apt|Unit|Room|Static|Caravan|Van|Chalet|Pitch|Plot)[ \t]+\d+[A-Za-z]?,?[ \t]+"
    rf"(?:(?:The[ \t]+)?(?:{_WORD}[ \t]+){{0,3}}(?:{_PREMISES})\b|The(?:[ \t]+{_TITLE_WORD}){{1,3}}))"
)
# "at a hostel, Albion House": a named building after a preposition or a comma.
_NAMED_BUILDING = re.compile(
    rf"(?:\b(?:at|in|to|from|of|near|outside|inside)|,)[ \t]+(?P<building>(?:{_WORD}[ \t]+){{1,2}}(?:{_BUILDINGS}))\b"
)
# Addresses typed in capitals, as on forms and police logs: "22 BRIDGE STREET", "FLAT 9, HERON COURT".
_CAPS_WORD = r"[A-Z][A-Z'’-]+"
_CAPS_NUMBERED = re.compile(
    r"(?<![\w/£$.,])(?:(?:FLAT|APARTMENT|APT|UNIT)[ \t]+\d+[A-Z]?,?[ \t]+)?\d{1,4}[A-Z]?,?[ \t]+"
    rf"(?:{_CAPS_WORD}[ \t]+){{1,3}}(?:{'|'.join(t.upper() for t in STREET_TYPES)})(?![\w'’-])"
)
_CAPS_FLAT = re.compile(
    rf"(?<![\w/])(?:FLAT|APARTMENT|APT|MAISONETTE)\.?[ \t]+\d+[A-Z]?,?[ \t]+(?:THE[ \t]+)?{_CAPS_WORD}"
    rf"(?:[ \t]+{_CAPS_WORD}){{0,3}}(?![\w'’-])"
)
# A house number and a house or street name with no street word, then a comma and the town: "6 Tentercroft,
# Haverden", "12 Ghyll Side, Cold Ardley". Only where no word of the name is a word the project knows.
_NUMBER_NAME_TOWN = re.compile(
    r"(?<![\w/£$.,:])(?P<street>\d{1,4}[A-Za-z]?[ \t]+[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+)?),[ \t]*"
    r"(?=[A-Z][a-z'’-]+)"
)
# The village or town written after a numbered street ("16 Slack Lane, Brindle Fold"): it narrows the
# address to one house as much as the street does.
_LOCALITY = re.compile(r",[ \t]*(?P<place>(?:[A-Z][a-z'’-]+[ \t]+){0,2}[A-Z][a-z'’-]+)(?=[ \t]*(?:[,.;:)\n]|$))")
# A named street after a preposition, without a number: "her house at Cinder Hill", "moved to Slack Lane".
_STREETS_AFTER_PREPOSITION = (
    "Road", "Street", "Close", "Lane", "Avenue", "Drive", "Crescent", "Gardens", "Grove", "Terrace", "Mews",
    "Hill", "Rise", "Walk", "Row", "View", "Way", "Fold", "Croft", "Brow", "Mount", "Meadows", "Heights", "Wynd",
    "Garth", "Dene", "Crest", "Vale", "Meadow",
)
_PREPOSITION_STREET = re.compile(
    r"\b(?:at|to|from|on|in|near|off|along|of|into|onto)[ \t]+"
    rf"(?P<street>(?:{_TITLE_WORD}[ \t]+){{1,2}}(?:{'|'.join(_STREETS_AFTER_PREPOSITION)}))(?![\w'’-])"
)
# Hurried notes: "seen at nana's, 9 cinder hill".
_LOWER_NUMBERED = re.compile(
    r"(?<![\w/£$.,])\d{1,4}[a-z]?,?[ \t]+(?:[a-z][a-z'’-]+[ \t]+){1,2}"
    rf"(?:{'|'.join(t.lower() for t in STREET_TYPES)})(?![\w'’-])"
)
# A flat in a named block written the other way round: "Weaver Court flat 6", "Albion House, Flat 2".
_BUILDING_FLAT = re.compile(
    rf"(?<![\w'’-])(?:{_TITLE_WORD}[ \t]+){{1,2}}(?:{_BUILDINGS}),?[ \t]+(?:[Ff]lat|[Aa]partment|FLAT)[ \t]+\d+[A-Za-z]?\b"
)
# A postal address line: the comma-separated parts before a postcode ("The Old Chapel, Fore Street,
# Carnhewas, TR14 9ER") are the address, whatever words they use.
_POSTCODE = re.compile(r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}(?![\w-])")
_ADDRESS_PART = re.compile(r"(?:\d{1,4}[A-Za-z]?[ \t]+)?(?:The[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|on|upon|the|le|en))*")
# Welsh and Cornish streets put the kind of street first: "5 Parc Eglos", "12 Heol y Bryn".
_LEADING_TYPE = re.compile(
    r"(?<![\w/£$.,])\d{1,4}[A-Za-z]?,?[ \t]+(?:Parc|Heol|Ffordd|Stryd|Lôn|Lon|Maes|Rhodfa|Plas|Bryn|Cae|Stret|Fordh)"
    r"[ \t]+(?:[a-z]{1,2}[ \t]+)?[A-Z][\w'’-]+"
)
# A flat named on its own, as a neighbour's or a caller's: "(neighbour, Flat 3)", "Flat 2 (Ms Yoon)".
# A house-to-house entry: "No. 46 Mytholm Bank - Eamonn Doherty, retired."
_HOUSE_NUMBER_ENTRY = re.compile(
    r"(?:^|\b(?:at|to|from|of)[ \t]+)[ \t]*(?P<address>No\.?[ \t]*\d{1,4}[A-Za-z]?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})",
    re.MULTILINE,
)
# A flat, a pitch or plot on a site, a static caravan, a holiday park's numbered van: "Pitch 12", "Van 47".
_LONE_FLAT = re.compile(r"(?<![\w/])(?:Flat|FLAT|Pitch|PITCH|Plot|PLOT|Static|STATIC|Caravan|CARAVAN|Van|VAN|Chalet|CHALET)"
                        r"[ \t]+\d{1,3}[A-Za-z]?(?![\w/:-]|\.\d)")
# A named housing estate: "Weaver Court estate", "the Brindle Fold estate".
_ESTATE = re.compile(rf"(?P<name>(?:{_TITLE_WORD}[ \t]+){{1,3}})(?P<estate>[Ee]state)\b")
# Welsh street names put the street word first: "Maes y Llan", "Heol yr Ysgol", "12 Ffordd Penrhos".
_WELSH_STREET = re.compile(
    r"(?<![\w'’-])(?:\d{1,4}[A-Za-z]?,?[ \t]+)?(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Maes|Cilgant|Teras)[ \t]+"
    r"(?:(?:y|yr)[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+(?:Fawr|Fach|Isaf|Uchaf|Newydd|Las|Goch|Wen|Ddu))?(?![\w'’-])"
)
# A building named on the line before its street, as letterheads and venues write them: "Civic Centre,
# Fenn Road", "Kilnside Health Village, 40 Potbank Way", "Probation Office, 18 Mansfield Road".
_BUILDING_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<building>(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:Centre|Center|Offices|Office|Village|House|Hall|"
    r"Clinic|Chambers|Hub|Station|Building|Buildings|Court|Lodge|Works|Mill|Unit[ \t]+\d+)),[ \t]*$"
)
_UNNUMBERED = re.compile(rf"(?<![\w'’-])(?:{_WORD}\s+){{1,2}}(?:{'|'.join(UNNUMBERED_STREET_TYPES)})\b")


@recogniser
class UkAddressRecogniser(ScrRecogniser, LocalRecognizer):
    code = "uk_address"
    description = "Street addresses (house number + street, or a named Road/Street/Close/Lane...)"

    def __init__(self) -> None:
        super().__init__(supported_entities=["PLACE"], name=self.code)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found = []
        for match in _NUMBERED.finditer(text):
            unit = re.search(r"(?:Unit|Flat|Apartment|Apt|Suite)[ \t]+$", text[max(0, match.start() - 12):match.start()])
            found.append(self._result(match.start() - (len(unit.group()) if unit else 0), match.end()))  # "Unit 4, ..."
            # The town or village after it is replaced on its own, so that a register address inside
            # ("14 Larch Close" -> "the family home") keeps its pseudonym: "the family home, [place]".
            locality = _locality(text, match.end())
            if locality:
                found.append(self._result(*locality, replacement="[place]"))
        for match in _NUMBER_NAME_TOWN.finditer(text):
            words = match.group("street").split()[1:]
            if any(known_word(w) or w.lower() in STOP_WORDS for w in words):
                continue
            found.append(self._result(match.start("street"), match.end("street")))
            locality = _locality(text, match.end("street"))
            if locality:
                found.append(self._result(*locality, replacement="[place]"))
        for span_start, span_end in lower_case_spans(text):
            for match in _LOWER_NUMBERED.finditer(text, span_start, span_end):
                found.append(self._result(match.start(), match.end()))
        for match in _PREPOSITION_STREET.finditer(text):
            words = match.group("street").split()
            if not any(known_word(w) or w.lower() in STOP_WORDS for w in words[:-1]):
                found.append(self._result(match.start("street"), match.end("street")))
        for match in _LEADING_TYPE.finditer(text):
            found.append(self._result(match.start(), match.end()))
        for postcode in _POSTCODE.finditer(text):
            found.extend(self._address_line(text, postcode.start()))
        for match in _BUILDING_FLAT.finditer(text):
            start = _skip_leading_common_words(text, match.start(), match.end())
            if start is not None:
                found.append(self._result(start, match.end()))
        for match in _ESTATE.finditer(text):
            words = match.group("name").split()
            while words and (known_word(words[0]) or words[0].lower() in STOP_WORDS):
                words = words[1:]
            if words and not any(known_word(w) for w in words[:-1]):
                # "the Chapelfield estate" -> "the [estate]": the word goes too, so that nothing is left over.
                start = text.rfind(words[0], match.start(), match.end("name"))
                found.append(self._result(start, match.end("estate"), replacement="[estate]"))
        for pattern in (_CAPS_NUMBERED, _CAPS_FLAT):
            for match in pattern.finditer(text):
                found.append(self._result(match.start(), match.end()))
        for match in _FLAT_IN_BUILDING.finditer(text):
            found.append(self._result(match.start(), match.end()))
            locality = _locality(text, match.end())  # "Flat 7, Eastgate House, Blyth"
            if locality:
                found.append(self._result(*locality, replacement="[place]"))
        for match in _NAMED_BUILDING.finditer(text):
            words = match.group("building").split()
            if words[0] == "The" and len(words) > 2:
                words = words[1:]  # "of The Old Forge": the article is not part of the test
            if not any(known_word(w) for w in words[:-1]):  # "Companies House", "Family Court" are not homes
                found.append(self._result(match.start("building"), match.end("building")))
        for match in _HOUSE_NUMBER_ENTRY.finditer(text):
            found.append(self._result(match.start("address"), match.end("address")))
        for match in _LONE_FLAT.finditer(text):
            if not any(r.start <= match.start() and match.end() <= r.end for r in found):
                found.append(self._result(match.start(), match.end()))
        for match in _WELSH_STREET.finditer(text):
            found.append(self._result(match.start(), match.end()))
        numbered = [(r.start, r.end) for r in found]
        for match in _UNNUMBERED.finditer(text):
            start = _skip_leading_common_words(text, match.start(), match.end())
            inside = any(s <= match.start() and match.end() <= e for s, e in numbered)
            if start is not None and not inside:
                found.append(self._result(start, match.end()))
        return self._with_buildings(text, found)

    def _with_buildings(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """A street found after a building's name and a comma takes the building with it, and the town
        after it: the three lines of an address written on one ("Civic Centre, Fenn Road, Saltcote")."""
        extra = []
        for item in found:
            if (item.recognition_metadata or {}).get(REPLACEMENT) == "[place]":
                continue  # a town found after a street: "New County Hall, Truro" is kept up to the town
            building = _BUILDING_BEFORE.search(text, max(0, item.start - 80), item.start)
            if not building:
                continue
            if len(building.group("building").split()) < 2:
                continue  # "House, 18 Mansfield Road": one word is a heading or a list, not a building
            extra.append(self._result(building.start("building"), building.end("building")))
            locality = _locality(text, item.end)
            if locality:
                extra.append(self._result(*locality, replacement="[place]"))
        return found + extra

    def _address_line(self, text: str, end: int) -> list[RecognizerResult]:
        """The parts of the address written before a postcode, walking back along the line over at most
        four comma-separated parts, stopping at anything that is not an address part (a person's role,
        a label with a colon, a sentence)."""
        line_start = text.rfind("\n", 0, end) + 1
        parts = text[line_start:end].split(",")
        found, position = [], end
        for index, part in enumerate(reversed(parts[-5:])):
            part_end = position
            part_start = position - len(part)
            position = part_start - 1  # the comma
            stripped = part.strip()
            if not stripped:
                if index == 0:
                    continue  # "..., Carnhewas, TR14 9ER": nothing between the last comma and the postcode
                break
            if not _ADDRESS_PART.fullmatch(stripped) or len(stripped.split()) > 5:
                break
            words = [w.lower() for w in re.findall(r"[A-Za-z'’]+", stripped)]
            if any(w in ROLE_WORDS or w in AGENCY_WORDS for w in words) or ":" in part:
                break
            start = part_start + (len(part) - len(part.lstrip()))
            kind = "[place]" if len(words) <= 2 and not re.search(r"\d", stripped) and not any(
                w.title() in STREET_TYPES for w in words) else "[address]"
            found.append(self._result(start, start + len(stripped), replacement=kind))
            if index >= 4:
                break
        return found

    def _result(self, start: int, end: int, replacement: str = "[address]") -> RecognizerResult:
        return result("PLACE", start, end, 0.8, "pattern", replacement, recogniser_name=self.code)


def _locality(text: str, end: int) -> tuple[int, int] | None:
    locality = _LOCALITY.match(text, end)
    # Street words may name a village ("Brindle Fold"); roles, agencies and sentence words may not.
    if locality and not any(w.lower() in STOP_WORDS or w.lower() in ROLE_WORDS or w.lower() in AGENCY_WORDS
                            for w in locality.group("place").split()):
        return locality.start("place"), locality.end("place")
    return None


def _skip_leading_common_words(text: str, start: int, end: int) -> int | None:
    """Start of the street name once sentence words are dropped ("On Larch Close" -> "Larch Close")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for word in words[:-1]:
        low = word.group().lower()
        if low in STOP_WORDS or low in ROLE_WORDS or low in AGENCY_WORDS:
            continue
        return start + word.start()
    return None
