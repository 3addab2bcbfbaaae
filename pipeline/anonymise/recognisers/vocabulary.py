"""Word lists the recognisers share: titles, names that are also ordinary words, role and agency words.

These lists are about how safeguarding documents are written (role titles, agency names, abbreviations),
so they live in one place and the tests exercise them through the recognisers.
"""
from __future__ import annotations

import re

# Titles and ranks written before a surname. Lower case; matched case-insensitively with an optional dot.
TITLES = (
    "mr", "mrs", "ms", "miss", "mx", "master", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev",
    "revd", "cllr", "nurse", "sister", "pc", "wpc", "dc", "ds", "di", "dci", "dsi", "dsu", "sgt", "insp",
    "inspector", "sergeant", "constable", "detective", "det",
)
MALE_TITLES = frozenset({"mr", "master", "sir", "lord"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady"})
ADULT_TITLES = frozenset(TITLES) - {"master"}

# Given names and surnames that are also everyday English words. A register name in this list is only
# matched when written as a name (capitalised, not a sentence-initial verb or modal), so "I will" and "a rose
# bush" survive while "Will" and "Rose" are replaced.
ORDINARY_WORD_NAMES = frozenset(
    """
    grace will joy rose hope may amber mark faith summer autumn winter spring dawn eve holly ivy iris lily
    daisy poppy violet heather hazel jasmine jade ruby pearl crystal coral opal penny sky storm river brook
    rain star destiny charity patience prudence mercy honor honour felicity harmony melody bliss precious
    angel sunny rich frank guy bill pat sue rob bob ray chase hunter baker cook butcher page ward shepherd
    brown white green black grey gray young long short little small king bishop knight sharp wise hill wood
    woods field fields lane street marsh moss stone rock reed rush hall moor castle church bell gold silver
    snow frost north south west east english french welsh bush swan crane fox wolf lamb bird finch sparrow
    robin wren bold bright jolly mild noble earnest constance virtue justice liberty victory august june
    april march cash major sage basil clay flint forest glen heath rowan sandy ash art bud chip
    honey peace bee jack blossom cherry berry sugar candy dusty rusty chance blessing hyacinth willow primrose
    lavender saffron marigold
    """.split()
)

# Words that after a sentence-initial capitalised name show the word is being used as a word:
# "Will you...", "May I...", "Mark the date", "Hope this helps".
WORD_USE_FOLLOWERS = frozenset(
    "i you we they he she it the a an this that these those there our your my its their for of".split()
)
# Not "not": "Will not present" in a nursery register is the child, so the name is replaced.

# Family roles tell us who a title can refer to ("Mrs Harrington" cannot be the father).
FEMALE_ROLE_WORDS = frozenset(
    "mother mum mummy grandmother grandma gran nan nana sister aunt auntie daughter girlfriend wife "
    "stepmother niece woman girl female stepsister "
    # What children call them, in the family's own words and dialects: never a name on its own.
    "mam mammy mom mommy mama nanna nanny granny gramma grannie nain aunty stepmum step-mum sis".split()
)
MALE_ROLE_WORDS = frozenset(
    "father dad daddy grandfather grandad grandpa brother uncle son boyfriend husband stepfather nephew man "
    "boy male stepbrother "
    "papa grampa grampy gramps granda grandda granddad grandaddy taid stepdad step-dad bro".split()
)
CHILD_ROLE_WORDS = frozenset("child baby infant sibling son daughter toddler pupil".split())
FAMILY_ROLE_WORDS = FEMALE_ROLE_WORDS | MALE_ROLE_WORDS | CHILD_ROLE_WORDS | frozenset(
    "maternal paternal partner cousin family relative step half carer".split()
)

# Words that make up role titles, pseudonyms and generic descriptions of people in SCR documents. A name
# the model proposes that consists only of these (plus numbers and single letters) is a role, not a name.
ROLE_WORDS = frozenset(
    """
    child mother father sibling siblings brother sister grandmother grandfather maternal paternal step
    stepfather stepmother uncle aunt cousin partner boyfriend girlfriend baby infant adult person people
    family member members friend neighbour male female man woman boy girl young unborn half carer
    health visitor social worker workers nurse school teacher head headteacher deputy assistant officer
    police constable detective sergeant inspector superintendent chief gp doctor paediatrician
    consultant midwife manager team leader lead designated safeguarding practitioner support key family
    housing probation chair author panel panellist lscb overview senior principal service services
    therapist psychologist psychiatrist counsellor advocate solicitor barrister judge magistrate
    coroner pathologist paramedic receptionist registrar dentist pharmacist staff professional
    professionals agency agencies independent reviewing iro children's childrens adults parent parents
    guardian foster fostering adoptive mr mrs ms miss dr subject mum mummy nanna nan nana dad daddy grandad
    grandma granny grandpa auntie safeguarding mam mammy mom mommy mama nanny gramma grannie nain aunty
    stepmum step-mum stepdad step-dad papa grampa grampy gramps granda grandda granddad grandaddy taid community adviser advisor domestic violence specialist
    named duty screener keyworker key-worker call taker handler crew technician paramedic pcso pso
    emergency medical clinical quality assurance director assistant deputy head named lead a b c d e f g h j k l m n p q r s t u v w
    x y z officer's worker's visitor's mother's father's child's
    supervisor sonographer engineer operative dispatcher administrator secretary clerk coordinator
    co-ordinator caseworker assessor mentor tutor emd paediatric charge guardian operational advanced business
    admin administrative
    """.split()
)

# Words that mark an organisation name as an agency or public body, which is kept (§8.78: panel members
# appear by job title and organisation).
AGENCY_WORDS = frozenset(
    """
    police constabulary council councils authority nhs trust trusts ofsted cqc dfe department ministry
    office board lscb lscp partnership service services care social directorate agency commission
    probation court courts cafcass camhs mash marac mappa cps crown magistrates hmic hmip sha pct yjb ppo
    government parliament unit team teams department foundation safeguarding health education
    children's childrens adults public england wales scotland ireland national county borough city
    authority's jobcentre dwp hmrc ambulance fire rescue coroner's coroner services' icb ccg commissioning
    clinical group homes housing association aid support therapies therapy counselling recovery wellbeing
    advice project projects solutions network forum alliance collective society charity prison prisons
    inspectorate committee sub-committee subcommittee region regional division advocacy pdu
    """.split()
)
AGENCY_NAMES = frozenset(
    "ofsted cqc dfe nhs camhs mash marac mappa cps cafcass lscb lscp hmic hmip sha pct yjb ppo dwp hmrc nspcc "
    "barnardo's barnardos childline samaritans ico icb ccg ukhsa idva isva refuge shelter home-start "
    "embrace dcsf dfes scie sfo stc hmps hmpps nps crc yoi ofqual dhsc dcms mhra nice gmc nmc hcpc swe "
    "pct sha csc systmone emis mosaic liquidlogic rio carefirst eclipse lcs ics swift frameworki "
    "servelec adastra ".split()
)
# National charities and services whose names are ordinary words: kept like agencies.
AGENCY_PHRASES = (
    "women's aid", "victim support", "citizens advice", "action for children", "the children's society",
    "home-start", "turning point", "change grow live", "we are with you", "early help", "family nurse partnership",
    "youth offending", "youth justice", "health visiting", "school nursing", "working together",
    "universal credit", "child benefit", "housing benefit", "personal independence payment",
)

# Heads of organisation names that identify a family's locality: replaced by a generic description.
PLACE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern, re.IGNORECASE))
    for label, pattern in (
        ("the nursery", r"\b(?:nursery|pre-?school|playgroup|day care|kindergarten|creche)\b"),
        ("the children's centre", r"\bchildren'?s centre\b"),
        ("the primary school", r"\b(?:primary|infants?|junior)\b(?:.*\b(?:school|academy)\b)?|\bC\.? ?of ?E\b"),
        ("the secondary school", r"\b(?:secondary|high|grammar|upper|comprehensive)\b.*\b(?:school|academy)\b"),
        ("the school", r"\b(?:school|academy|college)\b"),
        ("the GP practice", r"\b(?:surgery|medical (?:centre|practice)|health centre|(?:gp|group|family|general) practice|gp)\b"),
        ("the hospital", r"\b(?:hospital|infirmary|a ?& ?e|emergency department|maternity unit|clinic)\b"),
        ("the pharmacy", r"\b(?:pharmacy|chemist)\b"),
        ("the care home", r"\b(?:care|nursing|residential) home\b"),
        ("the dental practice", r"\bdental\b"),
        ("the hostel", r"\bhostel\b"),
        ("the church", r"\b(?:church|chapel|mosque|temple|gurdwara|synagogue)\b"),
    )
)

# Abbreviations that must never be taken as somebody's initials.
COMMON_ABBREVIATIONS = frozenset(
    """
    GP HV SW SSW DV CP CIN LAC CLA PC DC DS DI MP UK US EU AM PM ID IT TV OK CS LA ED AE IMR SCR LSCB NHS
    CAMHS MASH ICPC RCPC CPP PLO ASB ADHD ASD SEN EHCP NFA DNA DNR CT MRI ER AB BA MA HR FE HE IQ NI RE
    ST MD QC KC JP FGM CSE CCE SARC IDVA ISVA MARAC MAPPA RTA NB PS CC BCC TBC NA NR OT SALT DASH PPN PICU
    NICU SCBU RCPC LADO DSL DSO SENCO SENCo EHA CAF TAC TAF CPR PACE CID PPU MOSOVO CAIT DSP ACPO NPCC BME
    HMP YOI YOS YOT CRC NPS OASYS MAST IRO IHA RHA LAC GCP SDQ ACE ACEs ICO UPN ULN CAD PNC PND RMN RGN
    CEO DCS DAS CQC UKHSA ICB DOB FOI
    ELSA ASQ IAPT AVPU GCS EYFS SENDCO PEP PEIP TAMHS CGL CAB DWP PIP ESA UC HMRC ECHP NEET ELKLAN WRAP
    EWO ESW FSW ISW PSW OIC BWV SVD SLT CMHT CRHT EDT FYI COPD BP PMH TBSA SIMS CPOMS PRF ECA ECAS HCA
    PPN DVPN DVPO NMO IOPC PNC ANPR CCTV SOCO CAIT MIU RTC NOK OOH GCSE PRU CYP PAT TL CSC YJS EOC ABH RAR TA
    SCP LSCP ICPC
    GMP WMP MPS TVP WYP SYP NYP BTP PSNI NWAS YAS EMAS SCAS SWASFT EEAST NEAS LAS WMAS SECAMB
    """.split()  # the last line: police forces and ambulance services, as staff abbreviate them
)

# Abbreviations that are also everyday initials ("BA", "HR", "JP"): where only a person can stand (the
# head of a dated entry, a cell of an action plan's owner column) they are a person; the rest ("GP", "SW")
# are services and roles wherever they stand.
SERVICE_ABBREVIATIONS = COMMON_ABBREVIATIONS - frozenset("BA MA HR AB JP CC MD ST RE NA NR PS TL PM TA".split())

STREET_TYPES = (
    "Road", "Rd", "Street", "St", "Close", "Lane", "Avenue", "Ave", "Drive", "Way", "Crescent", "Court",
    "Place", "Gardens", "Grove", "Terrace", "Walk", "Row", "Hill", "View", "Rise", "Square", "Mews", "Green",
    "Parade", "Gate", "Fold", "Yard", "Wharf", "Vale", "Meadow", "Meadows", "Croft", "Chase", "Approach",
    "Heights", "Boulevard", "Park", "Wynd", "Brow", "Crest", "Dene", "Garth", "Mount", "Passage", "Quay",
    "Cottages", "Villas", "Buildings",
    # Regional words for a lane or a passage, and the abbreviations forms and notes use.
    "Loke", "Chare", "Ginnel", "Snicket", "Twitten", "Vennel", "Entry", "Yd", "Cl", "Ln", "Cres", "Gdns",
    "Terr", "Sq", "Pl", "Ct",
    # Northern and coastal street words, only after a house number ("7 Cinder Bank", "2 Town End").
    "Bank", "End", "Brae", "Nook", "Esplanade", "Promenade", "Causeway",
)
# The abbreviations of street words, both ways: a register's "Ropewalk Yard" is written "Ropewalk Yd".
STREET_ABBREVIATIONS = {
    "Road": "Rd", "Street": "St", "Avenue": "Ave", "Close": "Cl", "Lane": "Ln", "Drive": "Dr", "Court": "Ct",
    "Crescent": "Cres", "Gardens": "Gdns", "Terrace": "Terr", "Place": "Pl", "Square": "Sq", "Yard": "Yd",
}
# Without a house number only the unmistakable street words count ("Family Court" is not an address).
UNNUMBERED_STREET_TYPES = (
    "Road", "Street", "Close", "Lane", "Avenue", "Drive", "Crescent", "Gardens", "Grove", "Terrace", "Mews",
    "Rd", "Cl", "Cres", "Gdns",  # "Wheatsheaf Cl.": shortened, still only a street
)

COUNTRIES = frozenset(
    "england wales scotland britain uk u.k. united kingdom great britain northern ireland europe".split()
) | frozenset({
    # Regions are too large to identify anyone.
    "north", "south", "east", "west", "north east", "north west", "south east", "south west", "midlands",
    "east midlands", "west midlands", "the north", "the south", "yorkshire and the humber", "east of england",
})


def is_role_text(text: str) -> bool:
    """True when every word is a role word, a number or a single letter ("Social Worker 2", "Child A")."""
    words = re.findall(r"[\w'’]+", text.replace("’", "'"))
    return bool(words) and all(w.lower() in ROLE_WORDS or w.isdigit() or len(w) == 1 for w in words)

# Words of safeguarding process and law. The model sometimes tags "Initial Child Protection Conference" or
# "Strategy Discussion" as an organisation; made only of these words, such a phrase is kept.
PROCESS_WORDS = frozenset(
    """
    protection conference plan plans meeting meetings strategy discussion initial review reviews core group
    section assessment referral referrals case serious multi-agency multi agency act order orders care
    supervision emergency interim notice early help common framework single child's children in need looked
    after risk domestic abuse violence neglect sexual exploitation harm significant working together
    guidance procedures procedure policy protocol chronology chronologies management individual
    recommendations recommendation action executive summary report terms reference of and the for to
    contact front door hub duty intake response unit department ward emergency accident general practice
    primary secondary universal targeted specialist pathway programme project threshold criteria plus
    partnership safeguard safeguarding graded profile tool toolkit survey skeletal visit visits chapter
    part schedule regulations regulation guidance statutory
    """.split()
)

# Capitalised words that continue a name into a place or agency ("St Mary's" + "Hospital").
NAME_TO_PLACE_TAIL = frozenset(
    """
    hospital school academy primary infant infants junior secondary nursery surgery practice centre
    medical health clinic police council college pre-school preschool church chapel mosque temple
    gurdwara synagogue hostel infirmary pharmacy
    """.split()
)

# Words the small model mistakes for a person at the start of a line in forms and letters ("Email:",
# "Tel", "Dear"). A model-found "person" made only of these is not a name.
DOCUMENT_WORDS = frozenset(
    """
    email e-mail telephone phone tel mobile address note notes contact action actions outcome date time
    agency source event summary significance comment comments update re subject dear regards signed yours
    present apologies attendees agenda minutes item items record records entry entries author name
    postcode dob nhs tel. fax web website page appendix annex table figure section paragraph chapter
    """.split()
)

# Honorifics belong to the name ("Mr Okafor" -> "Person 3"); ranks and job titles are role information
# and stay in the text ("DS Person 3", "PCSO Person 4").
HONORIFICS = frozenset("mr mrs ms miss mx master dr sir dame lady lord rev revd cllr prof".split())
RANKS = (
    "Detective Chief Superintendent", "Detective Superintendent", "Detective Chief Inspector",
    "Detective Inspector", "Detective Sergeant", "Detective Constable", "Chief Superintendent",
    "Superintendent", "Chief Inspector", "Inspector", "Sergeant", "Police Constable", "Constable",
    "PCSO", "PSO", "PC", "WPC", "DC", "DS", "PS", "DI", "DCI", "DSI", "DSU", "Sgt", "Insp", "Nurse", "Sister",
)

# Head nouns of job titles: capitalised words before one of these are a job title, not a name
# ("Tenancy Sustainment Officer").
ROLE_HEADS = frozenset(
    """
    officer worker manager visitor adviser advisor coordinator co-ordinator practitioner nurse assistant
    director consultant therapist lead leader specialist administrator facilitator mentor coach
    """.split()
)
# Eponymous laws, schemes and conditions: "Clare's Law", "Sarah's Law", "Down's syndrome".
EPONYM_HEADS = frozenset("law act scheme syndrome disease principle test rule".split())
# Clinical and practice instruments named after one person or place: "Apgar Score", "Glasgow Coma Scale",
# "Brook Traffic Light Tool". One unknown word before them is the eponym; two are more likely a person's
# name before a table heading ("Kofi Mensah Score"), which is still replaced.
INSTRUMENT_HEADS = frozenset(
    "score scale scales tool toolkit questionnaire index chart inventory checklist criteria assessment approach "
    "programme model pathway".split()
)


# The rest of an agency's name after a place or a word that could be a name: " and Cornwall Police",
# " and Alcohol Service". Only the "and" form, which a person's name is never followed by.
AGENCY_REST = re.compile(
    r"[ \t]+(?i:and|&)[ \t]+[A-Z][\w'’-]+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]+){0,3}[ \t]+"  # "and Isle of Wight"
    r"(?i:police|constabulary|council|service|services|trust|partnership|authority|icb|ccg|board|pdu)\b"
)
# Dog breeds named after people, which read as names: "a Jack Russell loose in the close".
BREED = re.compile(r"(?i:jack[ -]russells?|king[ ]charles(?:[ ]spaniels?)?|gordon[ ]setters?|dobermann?s?|"
                   r"shih[ -]tzus?|lhasa[ ]apsos?)")
# The rest of a public body's name after a place or a word that could be a name: " Teaching Hospitals NHS
# Trust", " 0-19 Service", " Local Policing Team".
AGENCY_TAIL = re.compile(
    r"(?:[ \t]+(?:[A-Z][\w'’-]+|\d+-\d+)){0,3}[ \t]+"
    r"(?:NHS|Trust|Board|Council|Police|Constabulary|Service|Services|Team|Partnership|Aid)\b"
)

# Words that end the name of a company or a housing provider, never a person's: "Pennine Interpreting Ltd",
# "Calder Vale Homes".
COMPANY_WORDS = frozenset("ltd limited plc llp inc cic homes housing interpreting associates solicitors".split())
