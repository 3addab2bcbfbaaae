"""Two or three capitalised words that no vocabulary knows, side by side: probably a person's name.

"Ellie-May Jarvis", "Nkechi Obi", "Delroy Campbell": the small model misses names it has not seen, but a
run of unknown capitalised words in running text is almost always a name or a local place, and both are
better replaced. Organisations the model recognised as agencies are protected by their "keep" spans,
which outrank this guess in the engine. The weakest of the person recognisers.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from . import RecogniserContext, ScrRecogniser, recogniser, result
from .names import NOUN_AFTER_WORD, at_sentence_start, lower_case_spans, word_in_context
from .vocabulary import AGENCY_REST, AGENCY_TAIL, COMMON_ABBREVIATIONS, COMPANY_WORDS, AGENCY_WORDS, EPONYM_HEADS, INSTRUMENT_HEADS, NAME_TO_PLACE_TAIL, ORDINARY_WORD_NAMES, ROLE_HEADS, STREET_TYPES
from .wordlists import NAME_TOKEN, PARTICLES, EnglishWords, is_first_name, known_word, name_like, singulars

_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d\b")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
_TOKEN = re.compile(rf"(?<![\w'’-]){NAME_TOKEN}(?![\w'’-])")
SCORE = 0.4
_ORGANISATION_HEADS = (
    AGENCY_WORDS | NAME_TO_PLACE_TAIL | ROLE_HEADS | EPONYM_HEADS | {t.lower() for t in STREET_TYPES}
)


@recogniser
class NameShapeRecogniser(ScrRecogniser, LocalRecognizer):
    code = "name_shape"
    description = "Unknown capitalised words together, or a lone given name (a name the model missed)"

    def __init__(self, english: EnglishWords | None = None) -> None:
        self.english = english or EnglishWords()
        super().__init__(supported_entities=["PERSON"], name=self.code)

    @classmethod
    def from_context(cls, context: RecogniserContext) -> NameShapeRecogniser:
        return cls(context.english)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found, run = [], []
        for start, end in lower_case_spans(text):
            self._lower_case_first_names(text, start, end, found)
            self._lower_case_full_names(text, start, end, found)
            self._lower_case_possessives(text, start, end, found)
        for token in _TOKEN.finditer(text):
            if run and (token.group() in PARTICLES or token.group() in _CAPITAL_LINKS):
                continue  # "Johannes de Vries", "Nguyen Van Long": the particle joins the words either side
            possessive_before = bool(run) and re.search(r"['’]s$", run[-1].group())
            if name_like(token.group()) and run and not possessive_before and _joins(text[run[-1].end():token.start()]):
                run.append(token)
                continue  # a possessive ends a name: "Rose's Moses basket"
            self._emit(text, run, found)
            run = [token] if name_like(token.group()) else []
        self._emit(text, run, found)
        self._salutation_or_sign_off(text, found)
        return found

    def _salutation_or_sign_off(self, text: str, found: list[RecognizerResult]) -> None:
        """How an email greets or is signed: a paragraph that is one word ("Tash", "P" under "Thanks"), or
        that opens with one and a comma ("Ade,", "Ru, allocating to you."). Nothing else stands there but
        a name or a heading, and a heading is an everyday word."""
        match = _GREETING.match(text)
        if not match:
            return
        word = match.group("name")
        if len(word) == 1:
            if match.group("rest") or word in "AI":
                return  # "A, B and C"; a single letter signs off only alone on its line
        elif (known_word(word) or word.lower() in STOP_WORDS or word.lower() in COMMON_ABBREVIATIONS
              or (self.english.common(word) and not is_first_name(word))):
            return  # "Thanks", "Summary", "However, ..."
        found.append(result("PERSON", match.start("name"), match.end("name"), SCORE, "pattern", None,
                            recogniser_name=self.code))

    def _emit(self, text: str, run: list[re.Match[str]], found: list[RecognizerResult]) -> None:
        speaks = len(run) == 1 and _SAID_AFTER.match(text, run[0].end())
        if (run and not speaks and self.english.common(run[0].group())
                and at_sentence_start(text, run[0].start(), after_colon=False)):
            run = run[1:]  # "Ask Kerry Walsh…", "Later Nkechi Obi…": a capitalised word, not a name
        if not run:
            return
        if len(run) == 1 and run[0].group().lower() in ORDINARY_WORD_NAMES and NOUN_AFTER_WORD.match(text, run[0].end()):
            return  # "training to Faith groups": a word describing the noun after it
        if len(run) > 1 and run[-1].group().lower().rstrip(".") in COMPANY_WORDS:
            return  # "Pennine Lakes Interpreting Ltd": a company
        following = re.match(r"[ \t]+([A-Za-z'’-]+)", text[run[-1].end():run[-1].end() + 40])
        instrument = len(run) > 1 and run[-1].group().lower() in INSTRUMENT_HEADS
        if instrument or (following and following.group(1)[0].isupper() and following.group(1).lower() in INSTRUMENT_HEADS):
            # "Apgar Score", "Brook Traffic Light Tool": one eponym and everyday words. Anything more
            # may be a person's name before a heading ("Kofi Mensah Score"), which is replaced.
            words = [re.sub(r"['’]s$", "", t.group()) for t in (run[:-1] if instrument else run)]
            if sum(is_first_name(w) or not self.english.common(w) for w in words) <= 1 and not any(map(is_first_name, words)):
                return
            if instrument:
                run = run[:-1]
                following = None
        if AGENCY_REST.match(text, run[-1].end()) or AGENCY_TAIL.match(text, run[-1].end()):
            return  # "Kernow Drug and Alcohol Service", "Halcombe Teaching Hospitals NHS Trust"
        if following and following.group(1)[0].isupper() and following.group(1).lower() in _ORGANISATION_HEADS:
            return  # "Northshire Recovery Partnership", "Tenancy Sustainment Officer", "Jordan Road"
        if len(run) > 1 and run[-1].group().lower() in EPONYM_HEADS:
            return  # "Clare's Law"
        if len(run) == 1:
            self._single_first_name(text, run[0], found)
            return
        words = [re.sub(r"['’]s$", "", token.group()) for token in run]
        if not any(is_first_name(w) or not self.english.common(w) for w in words):
            return  # "Media Enquiries", "Guiding Principles": a heading in Title Case
        end = run[-1].end() - len(re.search(r"(?:['’]s)?$", run[-1].group()).group())
        found.append(result("PERSON", run[0].start(), end, SCORE, "guess", None, recogniser_name=self.code))

    def _single_first_name(self, text: str, token: re.Match[str], found: list[RecognizerResult]) -> None:
        """A lone given name the model missed ("Lisa lives with…"). A name that is also a word counts only
        in the middle of a sentence, where the word would not be capitalised ("…disclosed that Precious
        had been left"); a noun opening a sentence ("Shin bruising", "Hope this helps") is the word."""
        word = re.sub(r"['’]s$", "", token.group())
        if AGENCY_REST.match(text, token.end()):
            return  # "Devon" in "Devon and Cornwall Police"
        said = _SAID_AFTER.match(text, token.end())
        if said and (is_first_name(word) or word.lower() in ORDINARY_WORD_NAMES):
            # "Hope said she was scared": a word-name that speaks is a person, even opening a sentence.
            found.append(result("PERSON", token.start(), token.start() + len(word), SCORE, "guess", None,
                                recogniser_name=self.code))
            return
        if word_in_context(text, token.start(), token.start() + len(word)) or known_word(word):
            return
        parts = word.split("-")
        if len(parts) > 1 and all(is_first_name(p) or name_like(p) for p in parts) and any(map(is_first_name, parts)) \
                and not self.english.common(word.lower()):
            # "Alfie-Jay", "Ruby-Mae": a double given name is a name wherever it stands.
            found.append(result("PERSON", token.start(), token.start() + len(word), SCORE, "guess", None,
                                recogniser_name=self.code))
            return
        if not is_first_name(word):
            # A capitalised word no list knows, doing what people do ("Elif runs the corner shop",
            # "Oksana works nights"): a name the lists have not met.
            if len(word) >= 3 and not self.english.common(word) and (
                    _ACTS_AFTER.match(text, token.end()) or self._lone_unknown(text, token.start(), token.end())):
                found.append(result("PERSON", token.start(), token.start() + len(word), SCORE, "guess", None,
                                    recogniser_name=self.code))
            return
        forms = singulars(word)
        everyday = word.lower() in ORDINARY_WORD_NAMES or any(form in self.english.other for form in forms)
        noun = any(form in self.english.nouns for form in forms)
        starts_sentence = at_sentence_start(text, token.start())
        if (everyday or noun) and (starts_sentence or _YEAR_AFTER.match(text, token.end())):
            return  # "Hope this helps", "Summer 2023"
        if everyday and (_WORD_AFTER.match(text, token.end()) or _WORD_BEFORE.search(text, 0, token.start())):
            return  # "the Summer term", "rated Amber", "RAG rating: Amber"
        found.append(result("PERSON", token.start(), token.start() + len(word), SCORE, "guess", None,
                            recogniser_name=self.code))

    @staticmethod
    def _lone_unknown(text: str, start: int, end: int) -> bool:
        """A capitalised word no list knows, alone in the middle of a sentence ("Kacper is his best friend"
        is caught by what follows; "Good things: Kacper, football" by this): most often a person, or a
        place that identifies as much. Not a word the writer puts where a place or an organisation goes:
        after "at", "in", "of" ("Isles of Scilly"), in brackets after a name ("Dr Lindqvist (Shropdoc)"),
        or before a capitalised word a list knows ("Harcombe Community Dental")."""
        word = text[start:end]
        if re.search(r"['’]|-[^A-Z]", word):
            return False  # "I'll", "ABE-trained": a contraction or a compound, not a name
        if _LINE_OPENING.fullmatch(text, text.rfind("\n", 0, start) + 1, start):
            return False  # "23:10 Dont bother": after a time or a number, a line's first word opens it
        if at_sentence_start(text, start) or _PLACE_BEFORE.search(text, max(0, start - 12), start):
            return False
        if text[start - 1:start] == "(" and text[end:end + 1] == ")":
            return False
        following = re.match(r"[ \t]+([A-Z][A-Za-z'’-]*)", text[end:end + 40])
        return not (following and known_word(following.group(1)))

    def _lower_case_first_names(self, text: str, start: int, end: int, found: list[RecognizerResult]) -> None:
        """In notes typed without capitals ("spoke to kasia"), a given name that is not also an everyday
        word is still a name; so is a word no list knows opening a sentence before what people do ("shaz
        is doing the calling")."""
        for token in _LOWER_WORD.finditer(text, start, end):
            word = token.group()
            if (not is_first_name(word) and 3 <= len(word) <= 10 and _LOWER_ACTS_AFTER.match(text, token.end())
                    and at_sentence_start(text, token.start()) and not self._known_lower(word)
                    and word not in STOP_WORDS):
                found.append(result("PERSON", token.start(), token.end(), SCORE, "guess", None,
                                    recogniser_name=self.code))
                continue
            if (
                is_first_name(word)
                and word not in ORDINARY_WORD_NAMES
                and not known_word(word)
                and not any(form in self.english.other for form in singulars(word))
            ):
                found.append(result("PERSON", token.start(), token.end(), SCORE, "guess", None,
                                    recogniser_name=self.code))


    def _lower_case_full_names(self, text: str, start: int, end: int, found: list[RecognizerResult]) -> None:
        """In notes typed without capitals, a short first name or nickname and a surname ("bo lindqvist
        agreed"): the second word is no word any list knows and the first is a given name or a short
        word that is not a function word. One unknown word alone is more often a typo ("dont")."""
        words = list(_LOWER_PAIR_WORD.finditer(text, start, end))
        for index, (first, second) in enumerate(zip(words, words[1:])):
            if not re.fullmatch(r"[ \t]+", text[first.end():second.start()]):
                continue
            surname, given = second.group(), first.group()
            if len(surname) < 4 or (self._known_lower(surname) and not self._surname_after_given(given, surname)):
                continue
            if given in STOP_WORDS or given.upper() in COMMON_ABBREVIATIONS:
                continue
            # A short given name or nickname ("bo"), but not a short verb ("saw craig" is seeing Craig).
            if is_first_name(given) or (len(given) <= 3 and given not in self.english.other) or not self._known_lower(given):
                begin = first.start()
                previous = words[index - 1] if index else None
                if (given in PARTICLES and previous is not None
                        and re.fullmatch(r"[ \t]+", text[previous.end():first.start()])
                        and previous.group() not in STOP_WORDS
                        and (is_first_name(previous.group()) or not self._known_lower(previous.group()))):
                    begin = previous.start()  # "pieter van rensburg": the given name before the particle
                found.append(result("PERSON", begin, second.end(), SCORE, "guess", None,
                                    recogniser_name=self.code))

    def _lower_case_possessives(self, text: str, start: int, end: int, found: list[RecognizerResult]) -> None:
        """A possessive typed without its apostrophe before a family word ("poppys mum", "kerrys house"):
        the word before is a name, even one that is also a word ("poppy"), but not a plain noun ("the
        kids mum", "his mates house")."""
        for match in _LOWER_POSSESSIVE.finditer(text, start, end):
            stem = match.group("name")
            whole = stem + "s"
            if stem in STOP_WORDS or is_first_name(whole) or (
                    self._known_lower(whole) and not (is_first_name(stem) or stem in ORDINARY_WORD_NAMES)):
                continue  # "precious baby", "chris mum": the word as written, not a possessive
            if is_first_name(stem) or stem in ORDINARY_WORD_NAMES or not self._known_lower(stem):
                found.append(result("PERSON", match.start("name"), match.end("name"), SCORE, "guess", None,
                                    recogniser_name=self.code))

    def _surname_after_given(self, given: str, surname: str) -> bool:
        """A surname that is also a noun, after a given name that is nothing else ("callum reid", "sarah
        king"): WordNet lists "reid" for a philosopher. Not a verb or adjective ("tom said", "amy happy"),
        nor anything after a given name that is also a word ("grace period")."""
        return (is_first_name(given) and given not in ORDINARY_WORD_NAMES and given not in STOP_WORDS
                and not known_word(given) and not self.english.common(given)
                and not known_word(surname) and surname not in STOP_WORDS
                and not any(form in self.english.other for form in (surname, *singulars(surname))))

    def _known_lower(self, word: str) -> bool:
        return known_word(word) or self.english.common(word) or word in ORDINARY_WORD_NAMES


# Words around an everyday name that show it is the word: a school term or holiday after a season, a
# rating before a colour ("rated Amber", "risk level Amber", "RAG: Amber").
_WORD_AFTER = re.compile(
    r"[ \t]+(?i:term|terms|half-term|holidays?|months?|fair|camp|rating|rated|risk|alert|status|category|"
    r"flag|level|light|zone)\b"
)
_WORD_BEFORE = re.compile(
    r"(?i:\b(?:rated|graded|rating|rag|risk|level|category|status|flagged|flagged\s+as|rated\s+as|term)"
    r"(?:\s+(?:as|at|of|was|is))?[ \t]*[:=-]?[ \t]*)$"
)
# A verb of speaking or telling straight after a word-name opening a sentence: only a person does that.
_SAID_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|tells|disclosed|discloses|reported|reports|stated|states|explained|replied|"
    r"asked|cried|shouted|screamed|whispered)\b"
)
# Vietnamese middle names written between family and given name, capitalised: "Nguyen Van Long", "Tran Thi Lan".
_CAPITAL_LINKS = frozenset({"Van", "Thi"})
_LOWER_POSSESSIVE = re.compile(
    r"(?<![\w'’-])(?P<name>[a-z]{3,})s[ \t]+(?=(?:mum|mam|mom|mummy|dad|daddy|nan|nana|nanna|gran|grandma|grandad|"
    r"brother|bro|sister|sis|boyfriend|bf|girlfriend|gf|partner|ex|house|flat|mate|friend|cousin|auntie|"
    r"aunty|uncle|baby|kids)\b)"
)
_LOWER_ACTS_AFTER = re.compile(
    r"[ \t]+(?:is|was|says|said|rang|told|came|went|has|had|will|wants|asked|called|texted|thinks)[ \t]+[a-z]"
)
# What a person does, after an unknown capitalised word: "Elif runs the shop", "Oksana works nights".
_ACTS_AFTER = re.compile(
    r"[ \t]+(?:runs|works|lives|rang|phoned|called|visited|attended|agreed|refused|works|cares|looks|"
    r"collects|collected|brought|left|arrived|came|went|spoke|saw|says|said|told|reported|stated|explained|"
    r"disclosed|confirmed|asked|texted|emailed|messaged)\b"
)
# A whole paragraph of one word, perhaps with a comma or a full stop; or one word and a comma opening it.
_GREETING = re.compile(r"[ \t]*(?P<name>[A-Z][a-z'’]{0,11})(?:[ \t]*[,.!]?[ \t]*$|(?P<rest>,[ \t]+(?=[a-z])))")
_LINE_OPENING = re.compile(r"[\s\d:./()•*#–—-]*")
_PLACE_BEFORE = re.compile(r"(?i:\b(?:at|in|of|near|into|via|outside|around)[ \t]+)$")
_LOWER_PAIR_WORD = re.compile(r"(?<![\w'’@./-])[a-z][a-z'’-]*[a-z](?![\w@/-]|['’]\w\w)")


def _joins(gap: str) -> bool:
    """Spaces between two name words, possibly around a particle ("Femke de Vries")."""
    return bool(re.fullmatch(r"[ \t]+(?:(?:%s)[ \t]+)*" % "|".join([*PARTICLES, *_CAPITAL_LINKS]), gap))
