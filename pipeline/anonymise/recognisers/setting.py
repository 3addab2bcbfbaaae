"""Local early-years and youth settings named by their own name: "Little Owls nursery", "attends Busy
Bees" (a nursery mentioned nearby), "Kingfisher youth club".

A nursery, a childminder or a youth club is small and local: its name identifies the child as surely as a
school's. The model rarely tags these names (they are ordinary words: "Little Owls", "Rainbow") and when
the type word is lower case or elsewhere in the sentence, nothing else in the engine sees them. Each is
replaced by a generic description ("the nursery"), like schools and GP practices (see PLACE_KINDS). Every
other mention of a setting found this way in the same text goes too ("At Little Owls the key person
said...").

Named hospital wards ("Puffin Ward", "Ward 12"), pubs ("the Wherry Inn", "THE RED LION") and named
hospitals ("Eastbridge General Hospital") are replaced the same way: "the ward", "a public house",
"the hospital"; so are health centres, pharmacies, police stations, guest houses and B&Bs, caravan parks
and Traveller sites ("Burslow Health Centre" -> "the GP practice", as the model's finds are called).
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from . import ScrRecogniser, recogniser, result
from .vocabulary import AGENCY_WORDS, DOCUMENT_WORDS, NAME_TO_PLACE_TAIL, ROLE_WORDS, TITLES
from .wordlists import CALENDAR_WORDS

# (generic description, the words that say which kind of setting it is)
SETTING_KINDS: tuple[tuple[str, str], ...] = (
    ("the pre-school", r"pre-?school"),
    ("the nursery", r"(?:day[ \t]+)?nursery|playgroup|kindergarten|cr[eè]che"),
    ("the childminder", r"childminders?|childminding"),
    ("the children's centre", r"children['’]?s[ \t]+centre|family[ \t]+(?:centre|hub)"),
    ("the youth club", r"youth[ \t]+(?:club|centre|project)"),
    ("the after-school club", r"(?:after-?[ \t]?school|breakfast|holiday|kids['’]?)[ \t]+club"),
)
_KIND = "|".join(f"(?P<k{index}>{pattern})" for index, (_, pattern) in enumerate(SETTING_KINDS))
_NAME_WORD = r"[A-Z][\w'’&-]*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:&[ \t]+)?{_NAME_WORD}){{0,3}}"
# "Little Owls nursery", "the Rainbow Pre-School": a name, then the kind of setting.
_NAMED = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME})[ \t]+(?i:{_KIND})\b")
# "attends Busy Bees", "started at Tiny Steps": a name after a word that only fits a setting, with the
# kind of setting said nearby (within this many characters).
_ATTENDS = re.compile(
    r"(?i:\b(?:attends|attended|attending|attend|started at|starts at|start at|placed at|a place at|"
    r"enrolled at|collected from|picked up from|dropped off at))"
    rf"[ \t]+(?P<name>{_NAME})"
)

def _heads(*words: str) -> str:
    """A head word as written in text or in capitals ("Ward", "WARD")."""
    return "|".join([*words, *(w.upper() for w in words)])


# Places inside a hospital, pubs and named hospitals: each says where the family was seen as surely as a
# nursery's name does. (generic description, pattern); the whole match is replaced.
_NAMED_PLACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("the ward", re.compile(
        rf"(?<![\w'’-])(?:(?:[A-Z][\w'’-]+[ \t]+){{1,2}}(?:{_heads('Ward')})|(?:{_heads('Ward')})[ \t]+\d{{1,3}}[A-Z]?)"
        r"(?![\w'’-])")),
    ("the hospital", re.compile(
        rf"(?<![\w'’-])(?:[A-Z][\w'’-]+[ \t]+){{1,3}}"
        rf"(?:{_heads('General', 'District', 'Royal', 'Memorial', 'Community', 'University', 'County')})[ \t]+"
        rf"(?:{_heads('Hospital', 'Infirmary')})(?![\w'’-])")),
    ("a public house", re.compile(
        rf"(?<![\w'’-])(?:(?:[A-Z][\w'’-]+[ \t]+(?:(?:and|AND|&)[ \t]+)?){{1,3}}(?:{_heads('Inn', 'Arms', 'Tavern')})"
        rf"|(?:the|The|THE)[ \t]+(?:[A-Z][\w'’-]+[ \t]+(?:(?:and|AND|&)[ \t]+)?){{1,2}}"
        rf"(?:{_heads('Lion', 'Oak', 'Crown', 'Plough', 'Anchor', 'Swan', 'Bull', 'Hounds', 'Wheatsheaf', 'Feathers', 'Mitre', 'Greyhound', 'Ship', 'Bell', 'Horseshoe', 'Fleece', 'Sailors', 'Mariners', 'Fishermans', 'Huntsman', 'Ploughman', 'Head', 'Horse', 'Fox', 'Hare', 'Lamb', 'Angel', 'Globe', 'Castle', 'Boat', 'Volunteer', 'Bricklayers')})"
        rf"(?:[ \t]+(?:{_heads('Inn', 'Tavern')}))?)"
        r"(?![\w'’-])")),
)
# Shops, takeaways, taxi and coach firms, letting agents and other small businesses where a parent works or
# was seen: "Anatolia Grill", "Demir's Mini Market", "Lewis Coaches", "TM Lettings". Prisons and custody
# suites say where a parent is held.
_NAMED_PLACES += (
    ("a local business", re.compile(
        rf"(?<![\w'’-])(?:(?!(?i:outside|at|in|on|to|from|by|near|opposite|the|of|and|with|for|behind|into|via)\b)"
        rf"[A-Z][\w'’&-]*[ \t]+(?:&[ \t]+)?){{1,3}}"
        rf"(?:{_heads('Grill', 'Kebabs', 'Kebab', 'Takeaway', 'Pizza', 'Pizzeria', 'Café', 'Cafe', 'Mini Market', 'Minimarket', 'Supermarket', 'Stores', 'Store', 'Premier', 'Coaches', 'Cars', 'Taxis', 'Lettings', 'Estates', 'Solicitors', 'Garage', 'Motors', 'Barbers', 'Salon', 'Nails', 'Bakery', 'Butchers', 'Launderette', 'Newsagents', 'Fish Bar', 'Chippy', 'Knitwear', 'Foods', 'Packers', 'Logistics', 'Recruitment', 'Quarry', 'Haulage', 'Builders', 'Plant Hire', 'Farm Shop')})"
        r"(?:[ \t]+(?:Ltd|LTD|Limited))?(?![\w'’-])")),
    # Health centres and pharmacies, police stations, guest houses and B&Bs a
    # family is placed in, caravan and holiday parks, Traveller and transit sites.
    # A health or medical centre is where a GP practice is, and is called that elsewhere ("the GP practice").
    ("the GP practice", re.compile(
        rf"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?:{_heads('Health Centre', 'Health Village', 'Medical Centre')})(?![\w'’-])")),
    ("the clinic", re.compile(
        rf"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?:{_heads('Clinic', 'Walk-in Centre')})(?![\w'’-])")),
    ("the pharmacy", re.compile(
        rf"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?:{_heads('Pharmacy', 'Chemist', 'Chemists')})(?![\w'’-])")),
    ("the police station", re.compile(
        rf"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){{1,2}}(?:{_heads('Police Station')})(?![\w'’-])")),
    ("the guest house", re.compile(
        rf"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?:{_heads('Guest House', 'Guesthouse', 'B&B', 'Hotel', 'Hostel', 'Lodge Hotel')})(?![\w'’-])")),
    ("the caravan park", re.compile(
        rf"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?:{_heads('Caravan Park', 'Holiday Park', 'Caravan Site', 'Traveller Site', 'Transit Site', 'Mobile Home Park')}|"
        r"(?:transit|traveller|Traveller)[ \t]+site)(?![\w'’-])")),
    ("the prison", re.compile(r"(?<![\w'’-])(?:HMP|HMYOI|HMP/YOI|HMP[ \t]+&[ \t]+YOI)[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?(?![\w'’-])")),
    ("the custody suite", re.compile(r"(?<![\w'’-])(?!(?:In|At|On|To|From|Of|The|Police|Taken|Held|Remained|Remains)\b)"
                                     r"(?:[A-Z][a-z][\w'’-]*[ \t]+){1,2}(?:custody|Custody)(?:[ \t]+(?:suite|Suite))?(?![\w'’-])")),
)
_NEEDS_OWN_NAME = frozenset({"the GP practice", "the clinic", "the pharmacy", "the police station", "the guest house",
                             "the caravan park"})
_ANY_KIND = re.compile(rf"(?i:\b(?:{_KIND}))")
NEARBY = 200
SCORE = 0.6
PLACE_SCORE = 0.8


@recogniser
class LocalSettingRecogniser(ScrRecogniser, LocalRecognizer):
    code = "local_setting"
    description = "Named nurseries, pre-schools, childminders, children's centres and youth clubs -> 'the nursery'..."

    def __init__(self) -> None:
        super().__init__(supported_entities=["PLACE"], name=self.code)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found: dict[tuple[int, int], str] = {}
        named: set[tuple[int, int]] = set()
        names: dict[str, str] = {}
        for match in _NAMED.finditer(text):
            start = _name_start(text, match.start("name"), match.end("name"))
            if start is None:
                continue
            label = _label(match)
            names.setdefault(text[start:match.end("name")], label)
            found[(_with_article(text, start), match.end())] = label
            named.add((_with_article(text, start), match.end()))
        for match in _ATTENDS.finditer(text):
            start = _name_start(text, match.start("name"), match.end("name"))
            nearby = _nearest_kind(text, match.start(), match.end())
            if start is None or nearby is None:
                continue
            end = _trim_possessive(text, start, match.end("name"))
            names.setdefault(text[start:end], nearby)
        for name, label in names.items():
            for mention in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text):
                if not any(s <= mention.start() and mention.end() <= e for s, e in found):
                    found[(_with_article(text, mention.start()), mention.end())] = label
        before = set(named)
        for label, pattern in _NAMED_PLACES:
            for match in pattern.finditer(text):
                start = _name_start(text, match.start(), match.end(), allow_agency=True)
                if label in _NEEDS_OWN_NAME and start is not None and not pattern.fullmatch(text, start, match.end()):
                    continue  # "Children and Young People Health Centre": no name of its own is left
                if start is not None and start < match.end() - 4:
                    found[(_with_article(text, start), match.end())] = label
                    named.add((_with_article(text, start), match.end()))
        places = set(named) - before
        # A name with the kind of setting written after it is surely the setting's, even where a cue
        # or a title recogniser reads its first word as a person ("from Tiny Steps nursery").
        # A named ward, pub or hospital scores above the model, which often finds the same span and
        # would otherwise win Presidio's duplicate removal with a person's label inside it.
        return [result("PLACE", s, e, PLACE_SCORE if (s, e) in places else SCORE,
                       "named_setting" if (s, e) in named else "setting", label, recogniser_name=self.code)
                for (s, e), label in found.items()]


def _label(match: re.Match[str]) -> str:
    for index, (label, _) in enumerate(SETTING_KINDS):
        if match.group(f"k{index}"):
            return label
    return "the nursery"


def _name_start(text: str, start: int, end: int, allow_agency: bool = False) -> int | None:
    """Start of the setting's own name once leading sentence and role words are dropped ("At", "Her",
    "Key Worker"), or None when nothing of a name is left or it is another kind of place or an agency
    ("Oakfield Primary", "Council")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and _not_a_name(words[0].group()):
        words.pop(0)
    if not words:
        return None
    lowered = [w.group().lower().strip("'’") for w in words]
    if not allow_agency and any(w in NAME_TO_PLACE_TAIL or w in AGENCY_WORDS for w in lowered):
        return None
    return start + words[0].start()


def _not_a_name(word: str) -> bool:
    # Exact words only: "Stepping Stones" must not lose "Stepping" because "step" is a role word.
    low = word.lower().replace("’", "'")
    return (low in STOP_WORDS or low == "&" or low in ROLE_WORDS or low in TITLES or low in CALENDAR_WORDS
            or low in AGENCY_WORDS or low in DOCUMENT_WORDS)


def _nearest_kind(text: str, start: int, end: int) -> str | None:
    window_start = max(0, start - NEARBY)
    best, distance = None, NEARBY + 1
    for match in _ANY_KIND.finditer(text, window_start, min(len(text), end + NEARBY)):
        gap = start - match.end() if match.end() <= start else match.start() - end
        if 0 <= gap < distance:
            best, distance = _label(_NAMED_KIND.match(match.group())), gap
    return best


_NAMED_KIND = re.compile(rf"(?i:{_KIND})")


def _trim_possessive(text: str, start: int, end: int) -> int:
    possessive = re.search(r"['’]s?$", text[start:end])
    return end - len(possessive.group()) if possessive else end


def _with_article(text: str, start: int) -> int:
    article = re.search(r"(?<![\w'’-])the[ \t]+$", text[max(0, start - 5):start], re.IGNORECASE)
    return start - len(article.group()) if article else start
