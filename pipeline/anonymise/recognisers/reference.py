"""Police crime and incident numbers, case and record references.

Two kinds: an identifier after a word that introduces one ("crime ref", "incident log", "CRN", "case
number", "NHS" is left to uk_nhs), and shapes that are references whatever surrounds them (police crime
numbers like 13/123456/23, long runs of digits). Dates and phone numbers are not references: dates are
skipped here and phone numbers win the overlap in the engine.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import ScrRecogniser, recogniser, result
from .dates import DATE_RE
from .wordlists import known_word

_INTRO = (
    r"(?i:\b(?:crime|incident|occurrence|log|cad|case|file|custody|referral|record|client|patient|hospital|hosp|"
    r"police|mosaic|liquidlogic|rio|emis|systmone|crn|urn|pnc|ref|reference|marac|mash|lado|job|repair|ticket|"
    # professional registers: interpreters, nurses and midwives, doctors, health and social care staff
    r"nrpsi|pin|nmc|gmc|hcpc|swe|"
    # staff and organisation codes: "staff no EOC4471", "cost code MIT-OPW-2391", "practice code C82644"
    r"staff|employee|payroll|badge|code|caseload|family[ \t]+id|interpreter)\b"
    r"(?:\s+(?:ref(?:erence)?|no|nos|number|num|id|log|#))?\.?\s*(?:[:#=-]|is|was)?\s*)"
)
_WITH_CONTEXT = re.compile(_INTRO + r"(?P<id>(?i:[a-z0-9][a-z0-9/-]*\d[a-z0-9/-]*))(?![\w])")
_SHAPES = (
    re.compile(r"(?<![\w/])(?P<id>(?:[A-Z]{1,4}[/-])?\d{2,4}[/-]\d{4,8}[/-]\d{2,4})(?![\w/])"),
    re.compile(r"(?<![\w/+])(?P<id>[A-Z]{2,4}\d{6,10})\b"),
    re.compile(r"(?<![\w/+])(?P<id>\d{7,})(?![\w/])"),
    # Letters and digits run together or hyphenated, with at least five digits: "PPN-23-118842",
    # "H823400120031" (a pupil number), "NP/CU/23/77145".
    # Segments of capitals or digits joined by slashes: "SPC/K/0047712", "MX/77/40213" (five digits in all).
    re.compile(r"(?<![\w/-])(?P<id>[A-Z0-9]{1,10}(?:/[A-Z0-9]{1,10})+)(?![\w/-])"),
    re.compile(r"(?<![\w/-])(?P<id>[A-Z]{1,5}(?:[/-][A-Z]{1,5})*[/-]?\d[\dA-Z]*(?:[/-][\dA-Z]+)+|[A-Z]{1,3}\d{8,})(?![\w/-])"),
)


# Numbers that identify an officer or call handler, after the rank or role: "Detective Inspector 2219",
# "PC 4417", "(EMD 3318)"; an exhibit ("EXHIBIT TW/6"); a system id with its prefix ("LCS-700418"); a CAD log
# with its date ("CAD 0417 14/03/24").
_COLLAR = re.compile(
    r"(?:\b(?:PC|PS|DC|DS|DI|DCI|PCSO|Sgt|Sergeant|Constable|Inspector|EMD|OP|Operator|OPERATOR|Call handler|Dispatcher)"
    r"(?:[ \t]+No\.?)?)[ \t]+(?P<id>\d{3,5})\b(?![/.:]\d)"
)
_EXHIBIT = re.compile(r"(?i:\bexhibit(?:s|ed)?(?:[ \t]+(?:ref|no|number)\.?)?(?:[ \t]+as)?)[ \t:(]+"
                      r"(?P<id>[A-Z]{1,4}/\d{1,5}[A-Z]?(?:[ \t]*(?:[-–&,]|and|to)[ \t]*[A-Z]{1,4}/\d{1,5}[A-Z]?)*)\b")
# "SCAS-260203", and a repairs job "R-771402": one letter needs six digits or more.
_PREFIXED_ID = re.compile(r"(?<![\w/-])(?P<id>(?:[A-Z]{2,5}-\d{5,}|[A-Z]-\d{6,})(?:-\d{2,})*)(?![\w/-])")
# A staff, practice or account code: capitals, perhaps hyphenated, then four digits or more ("HV-2217",
# "EOC4471", "C82644", "E-33817", "MIT-OPW-2391"), or groups of capitals ending in digits ("HT-HOL-07").
# Four digits that read as a year ("FY2023", "Y2024") are not a code.
_STAFF_CODE = re.compile(
    r"(?<![\w/-])(?P<id>[A-Z]{1,5}(?:-[A-Z]{1,5})*-?(?!(?:19|20)\d\d(?![\dA-Z]))\d{4,}[A-Z]?"
    r"|[A-Z]{2,5}(?:-[A-Z]{2,5})+-\d{2,})(?![\w/-])"
)
# A system's letters written before its number are part of the reference as records quote it: "LCS
# 1447302", "CRN K381422", "RXW 4417092" (six digits or more). Not a rank's collar number, nor a number
# another recogniser reads (NHS, phone).
_SYSTEM_PREFIXED = re.compile(r"(?<![\w/-])(?P<id>(?!(?:NHS|NI|NINO|DOB|TEL|MOB|FAX|EXT|PC|PS|DC|DS|DI|SGT|INSP|PCSO)\b)"
                              r"[A-Z]{2,5}[ \t](?:[A-Z]{1,2})?\d{6,})(?![\w/-])")
# Digits and letters run together with six digits or more: "23RC118734" (an attendance number).
_MIXED_RUN = re.compile(r"(?<![\w/-])(?P<id>\d{1,4}[A-Z]{1,4}\d{5,}[A-Z]?)(?![\w/-])")
# Two digits, a hyphen, five digits or more: a public protection notice "23-66104".
_YEAR_SERIAL = re.compile(r"(?<![\w/.-])(?P<id>\d{2}-\d{5,})(?![\w/-])")
# A school's or a force's safeguarding system quoted with its number, the system's name being how the
# record cites it, like "LCS 1447302" below: "CPOMS 10442", "MyConcern 2231", "PPN 17/10482". After a hash
# the number alone is the reference ("CPOMS #20931", below).
_SAFEGUARDING_SYSTEM = re.compile(
    r"(?<![\w/-])(?P<id>(?:CPOMS|Cpoms|MyConcern|MYCONCERN|PPN1?|BRAG|Vulnerability[ \t]+Tracker)"
    r"(?:[ \t]+(?:ref|no|number|incident))?\.?[ \t:]*\d[\d/-]{2,}\d)(?![\w/-])"
)
# An Ordnance Survey grid reference, which places a roadside site or a farm to a hundred metres: "SK 158
# 742", "SK158742", "SK 1583 7421". Two letters of a 100 km square, then two groups of equal length.
_GRID_REFERENCE = re.compile(
    r"(?<![\w/-])(?P<id>[HNOST][A-HJ-Z][ \t]?(?:\d{3}[ \t]?\d{3}|\d{4}[ \t]?\d{4}|\d{5}[ \t]?\d{5}))(?![\w/-])"
)
# A police operation's code name, which names the investigation as surely as its crime number: "Op
# KESTREL", "Operation Bramble". National schemes a school or a force names openly are not one.
_OPERATION = re.compile(
    r"(?<![\w/-])(?P<id>(?:Op|OP|Operation|OPERATION)\.?[ \t]+(?!(?:Encompass|ENCOMPASS|Hydrant|HYDRANT)\b)"
    r"(?:[A-Z]{4,}|[A-Z][a-z]{3,}))(?![\w'’-])"
)
# A number after a hash: "CPOMS #20931", "ticket #4471".
_HASH_NUMBER = re.compile(r"#[ \t]?(?P<id>\d{4,})\b")
# A log number with its date is one number: "CAD 0417 14/03/24", "Log 0312 of 06/05/25".
# ... with or without the system's name, the date as police logs write it: "STORM 1157 13JUL24", and a list
# after "LINKED LOGS:" ("0412 02/11/23, 1177 24/12/23").
_LOG_DATE = r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}[A-Z]{3}\d{2,4})"
_LOG_WITH_DATE = re.compile(
    rf"(?P<id>\b(?:CAD|Log|LOG|STORM|Storm|Serial|SERIAL|serial)[ \t:#]*\d{{3,6}}[ \t]+(?:of[ \t]+)?{_LOG_DATE})\b"
)
# A police log quoted without its system's name, its number "of" the day it was opened: "(0387 of
# 14/01/2023)", "1123 of 3rd March 2023". The number alone would identify the incident with the date.
_LOG_OF_DATE = re.compile(
    rf"(?<![\w/.:,-])(?P<id>\d{{3,6}}[ \t]+of[ \t]+(?:{_LOG_DATE}|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{2,4}))\b"
)
_LINKED_LOGS = re.compile(rf"(?i:\blogs?[ \t]*:[ \t]*)(?P<list>\d{{3,6}}[ \t]+{_LOG_DATE}(?:[ \t]*,[ \t]*\d{{3,6}}[ \t]+{_LOG_DATE})*)")
_LOG_ITEM = re.compile(rf"\d{{3,6}}[ \t]+{_LOG_DATE}")
# A spaced number after "Incident no." ("45 8830 211").
_SPACED_AFTER_INTRO = re.compile(r"(?i:\b(?:incident|crime|case|log|occurrence)\s+(?:no|number|ref)\.?\s*:?\s*)"
                                 r"(?P<id>\d{2,4}(?:[ ]\d{3,4}){1,3})\b")

# A letter's reference made of its writer's and typist's initials ("Our ref: LOH/hc"), and an HMPPS prison
# number ("A4721CK"): no digits needed for the first, letters around them for the second.
_LETTER_REF = re.compile(r"(?i:\b(?:our|your|my)[ \t]+ref(?:erence)?\.?[ \t]*:?[ \t]*)(?P<id>[A-Za-z]{1,4}(?:/[A-Za-z0-9]{1,8})+)\b")
# Letters, letters, then digits: "ITS/FAM/8841", a service's family-group or file reference.
_LETTERED_PATH = re.compile(r"(?<![\w/-])(?P<id>[A-Z]{2,5}/[A-Z]{2,5}/\d{3,})(?![\w/-])")
_PRISON_NUMBER = re.compile(r"(?<![\w/-])(?P<id>[A-Z]\d{4}[A-Z]{2}|\d{2}[A-Z]\d{4}[A-Z])(?![\w/-])")  # and an NMC PIN


def _is_reference(value: str, minimum_digits: int = 3) -> bool:
    if re.fullmatch(r"(?:0?[1-9]|1[0-2])/(?:19|20)\d\d", value):
        return False  # "between 03/2024 and 02/2025": a month, not a reference
    digits = sum(c.isdigit() for c in value)
    return digits >= minimum_digits and len(value) >= 4 and not DATE_RE.fullmatch(value)


@recogniser
class ReferenceRecogniser(ScrRecogniser, LocalRecognizer):
    code = "reference"
    description = "Crime, incident, case and record reference numbers"

    def __init__(self) -> None:
        super().__init__(supported_entities=["REFERENCE"], name=self.code)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        spans: dict[tuple[int, int], None] = {}
        for match in _LETTER_REF.finditer(text):
            spans[(match.start("id"), match.end("id"))] = None
        for match in _OPERATION.finditer(text):
            if not known_word(match.group("id").split()[-1]):  # "Op Notes", "OP CLINIC"
                spans[(match.start("id"), match.end("id"))] = None
        for match in _LINKED_LOGS.finditer(text):
            for item in _LOG_ITEM.finditer(text, match.start("list"), match.end("list")):
                spans[(item.start(), item.end())] = None
        if not any(c.isdigit() for c in text):
            return [result("REFERENCE", start, end, 0.7, "pattern", "[reference]", recogniser_name=self.code)
                    for start, end in spans]
        for pattern in (_SAFEGUARDING_SYSTEM, _GRID_REFERENCE, _COLLAR, _EXHIBIT, _PREFIXED_ID, _LOG_WITH_DATE, _LOG_OF_DATE, _SPACED_AFTER_INTRO, _PRISON_NUMBER,
                        _LETTERED_PATH, _STAFF_CODE, _HASH_NUMBER, _SYSTEM_PREFIXED, _MIXED_RUN, _YEAR_SERIAL):
            for match in pattern.finditer(text):
                spans[(match.start("id"), match.end("id"))] = None
        for pattern in (_WITH_CONTEXT, *_SHAPES):
            minimum = 3 if pattern is _WITH_CONTEXT else 5
            for match in pattern.finditer(text):
                value = match.group("id").rstrip("/-")
                if _is_reference(value, minimum):
                    spans[(match.start("id"), match.start("id") + len(value))] = None
        return [
            result("REFERENCE", start, end, 0.7, "pattern", "[reference]", recogniser_name=self.code)
            for start, end in spans
        ]
