"""The anonymisation engine: find every identifier in a piece of text and say what replaces it.

Presidio's AnalyzerEngine runs our registered recognisers (recognisers/) over one spaCy document per text;
we run spaCy ourselves with nlp.pipe, in batches and with only the entity recogniser switched on, and hand
Presidio the precomputed document. Overlaps are then settled by priority (then length), so that each
character is replaced at most once:

    email addresses (125)  >  register places, street addresses (120)  >  fixed-shape identifiers: phone, NHS, NI, postcode,
    date of birth (110)  >  exempt names and keep_terms, kept (106)  >  references (105)
    >  unregistered relatives of register people (101)  >  register people (100)
    >  nurseries, childminders and clubs named with their kind ("Little Owls nursery", 46)
    >  names after titles, cues, initials (45)  >  other mentions of those settings (41)
    >  model entities (40)  >  agency names and laws, kept (38)  >  unknown capitalised runs (35)
    >  model organisations/places with nothing to say which (34)  >  ordinary dates (30)

A model-found name that runs past a register name ("Poppy Harrington-Smith" when only Poppy is
registered) is not left half-done: the register replacement is widened over it, or the remainder gets its
own label. File formats (Word, Excel) are handled elsewhere; this module only sees strings.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult

from ..errors import UsageError
from ..register import Register
from .adjacent import around_people
from .labels import Labeller
from .nlp import english_words, load_model, make_context_enhancer, make_nlp_engine
from .recognisers import REPLACEMENT, SOURCE, RecogniserContext, build_recognisers
from .recognisers.date_of_birth import dates_of_birth_in_cells, dob_column_cells
from .recognisers.known_names import KnownNames
from .recognisers.names import at_sentence_start
from .recognisers.wordlists import PARTICLE, is_first_name, known_word, name_like
from .recognisers.vocabulary import AGENCY_REST, BREED, COMMON_ABBREVIATIONS, DOCUMENT_WORDS, ROLE_WORDS, TITLES
from .settings import AnonymiserSettings

logger = logging.getLogger(__name__)

LANGUAGE = "en"
# Texts longer than this are analysed in pieces split at line breaks (spaCy's own limit is 1,000,000).
CHUNK = 50_000
_FALLBACK_LABELS = frozenset({"[organisation]", "[place]"})
_NEEDS_MODEL = re.compile(r"[^\W\d_]{2}")
_NAME_WORD = re.compile(r"[A-Z][\w'’]*")
# A stretch of text that can only be more of the same name: capitalised words, hyphens, apostrophes.
_PARTICLES_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?P<given>[A-Z][\w'’-]+)[ \t]+)?(?P<particles>(?<![\w'’-])(?:{PARTICLE}[ \t]+)+)$"
)
_PARTICLES_AFTER = re.compile(rf"(?:[ \t]+{PARTICLE})+[ \t]+[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*")
# An agency named after two places joined by "and" ("Devon and Cornwall Police"): never a learned name.
_AGENCY_AND = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+" + AGENCY_REST.pattern)
# A county or town before the kind of public body it names: "Kent Police", "Kent County Council".
_PLACE_AGENCY = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|\d+-\d+)){0,3}[ \t]+(?:Police|Constabulary|County[ \t]+Council|"
    r"Policing[ \t]+Team|Service|"
    r"Borough[ \t]+Council|City[ \t]+Council|Council|Fostering|Homechoice|Fire[ \t]+and[ \t]+Rescue|"
    r"NHS[ \t]+(?:Foundation[ \t]+)?Trust|Care[ \t]+Board|ICB)\b"
)
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])(?P<given>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)[ \t]+$")
_LONE_INITIAL = re.compile(r"[ \t]+[a-zA-Z]\.?")
_NAME_ONLY = re.compile(r"[\s\-'’.]*(?:(?:[A-Z][\w'’]*|de|van|von|der|den|da|di|du|le|la|dos|bin|al)[\s\-'’.]*)+")
_TITLE_WORDS = frozenset(TITLES)
_TITLE_IN_FRONT = re.compile(r"([A-Za-z]+)\.?[ \t]+")


@dataclass(frozen=True)
class Replacement:
    start: int  # offsets into the ORIGINAL text
    end: int
    original: str
    replacement: str
    entity_type: str  # PERSON, PLACE, ORGANISATION, UK_POSTCODE, UK_NHS, UK_NINO, PHONE_NUMBER, ...
    source: str  # "register", "ner" or "pattern"


@dataclass
class AnonymisedText:
    text: str
    replacements: list[Replacement]  # sorted, non-overlapping


@dataclass
class _Candidate:
    start: int
    end: int
    entity_type: str
    source: str
    replacement: str | None
    priority: int

    @property
    def length(self) -> int:
        return self.end - self.start


def _priority(source: str, entity_type: str) -> int:
    if source == "register":
        return 120 if entity_type == "PLACE" else 100
    if source == "relative":
        return 101  # "Kieran O'Sullivan": outranks the bare registered surname inside it
    if source == "pattern":
        # An email address is replaced whole, even when a register place is part of it
        # ("moorside.medical@nhs.net" for Moorside Medical Practice).
        return {"DATE": 30, "PERSON": 45, "REFERENCE": 105, "PLACE": 120, "EMAIL_ADDRESS": 125}.get(entity_type, 110)
    if source == "exempt":
        # What the case says may be shown (the three named people, their organisations, agencies, the review's
        # own reference) outranks a register name inside it ("Grace" in an exempt "Grace Hopper") and the
        # reference pattern, but never a register place or a contact detail.
        return 106
    # A named nursery or club (41) outranks the model, which reads "Little Owls" as a person or keeps it.
    return {"named_setting": 46, "setting": 41, "ner": 40, "keep": 38, "guess": 35}.get(source, 40)


class Anonymiser:
    """Finds identifiers in text and replaces them. Loading the model is the slow part: build one
    Anonymiser per process and reuse it. Raises ModelUnavailable if the model cannot be loaded."""

    def __init__(
        self,
        register: Register | None = None,
        *,
        settings: AnonymiserSettings | None = None,
        labeller: Labeller | None = None,
    ) -> None:
        self.settings = settings or AnonymiserSettings()
        self.register = register or Register()
        self._labeller = labeller or Labeller()
        self.nlp = load_model(self.settings.model)
        self._nlp_engine = make_nlp_engine(self.nlp, self.settings.model)
        self._english = english_words(self.nlp)
        context = RecogniserContext(self.register, self.settings, self._english)
        recognisers = build_recognisers(self.settings.recognisers, context)
        if not recognisers:
            raise UsageError("No recognisers are switched on, so nothing would be anonymised.")
        registry = RecognizerRegistry(recognizers=recognisers, supported_languages=[LANGUAGE])
        self._analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self._nlp_engine, supported_languages=[LANGUAGE],
            context_aware_enhancer=make_context_enhancer(),
        )
        self._use_model = "ner" in self.settings.recognisers
        # text -> (replacements before other mentions of learned names, exempt spans)
        self._cache: dict[str, tuple[tuple[Replacement, ...], tuple[tuple[int, int], ...]]] = {}
        self._known = KnownNames(self._english)
        # Words of the names the case says to keep (the board, agencies, the named people's organisations).
        # A misreading that learns one of them as a person ("Northshire" from a run-together table line)
        # would otherwise spread to every mention in every file of the batch.
        self._protected_words = frozenset(
            word.lower()
            for term in (*self.settings.keep_terms,
                         *(t for e in self.register.exempt for t in (e.organisation, e.job_title) if t))
            for word in re.findall(r"[^\W\d_][\w'’-]*", term)
        )
        self._operators = {"PERSON": lambda text: self._labeller.label("PERSON", text)}
        self._aliases = 0  # nicknames and legend initials given another name's label so far
        self._recent: list[str] = []  # names learned or aliased next to people during this find_many

    @property
    def labeller(self) -> Labeller:
        return self._labeller

    @property
    def recogniser_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.settings.recognisers))

    # -- public API ---------------------------------------------------------------------------------------

    def find(self, text: str) -> list[Replacement]:
        return self.find_many([text])[0]

    def anonymise(self, text: str) -> AnonymisedText:
        return self.anonymise_many([text])[0]

    def anonymise_many(self, texts: Sequence[str]) -> list[AnonymisedText]:
        return [AnonymisedText(apply(text, found), found) for text, found in zip(texts, self.find_many(texts))]

    def find_many(self, texts: Sequence[str]) -> list[list[Replacement]]:
        """Replacements for each text, in order. Texts are analysed in spaCy batches; repeated texts
        (headers, footers, table headings) are analysed once.

        Unknown people found anywhere are looked for again in every text returned, using every name
        learned so far (see `known_names`): a text asked for again after more names were learned gets
        those mentions too."""
        pending: dict[str, None] = {}
        for text in texts:
            if text not in self._cache and text.strip():
                pending[text] = None
        # Read from what this call analysed, not only the cache: a batch larger than the cache would
        # otherwise evict its own first texts before they are returned (and return them unreplaced).
        analysed = self._analyse(list(pending)) if pending else {}
        self._recent: list[str] = []
        found = [self._finish(text, analysed) for text in texts]
        if self._recent:
            # A nickname or a name in a list found next to a person in one text (or a label given to it)
            # is looked for again in the texts that hold it, before and after.
            words = {w.casefold() for name in self._recent for w in re.findall(r"[^\W\d_]{2,}", name)}
            self._recent = []
            found = [self._finish(text, analysed) if any(w in text.casefold() for w in words) else done
                     for text, done in zip(texts, found)]
        return self._dob_columns(texts, found)

    def _dob_columns(self, texts: Sequence[str], found: list[list[Replacement]]) -> list[list[Replacement]]:
        """A table written as text with one row a paragraph ("Name | Relationship | DOB | ..." in a Word
        file's paragraphs or a file's lines, asked for in order): the dates under "DOB" are dates of birth,
        whatever the dates setting. Within one text the date-of-birth recogniser does the same."""
        if "date_of_birth" not in self.settings.recognisers or not any("|" in t for t in texts):
            return found
        lines = [t if "\n" not in t else "" for t in texts]  # a text of several lines was read on its own
        for index, cells in enumerate(dob_column_cells(lines)):
            if not cells:
                continue
            text, have = texts[index], found[index]
            for start, end in dates_of_birth_in_cells(text, cells):
                if not any(r.start < end and start < r.end and r.entity_type == "DATE_OF_BIRTH" for r in have):
                    have = [r for r in have if not (r.start < end and start < r.end)]
                    have.append(Replacement(start, end, text[start:end], "[date of birth]", "DATE_OF_BIRTH", "pattern"))
            found[index] = sorted(have, key=lambda r: r.start)
        return found

    def _finish(self, text: str, analysed: dict) -> list[Replacement]:
        replacements, exempt = analysed.get(text) or self._cache.get(text) or ((), ())
        replacements = list(replacements)
        replacements.extend(self._other_mentions(text, replacements, list(exempt)))
        replacements = _join_split_names(text, sorted(replacements, key=lambda r: r.start))
        replacements = self._around_people(text, replacements, list(exempt))
        if self._aliases:
            # A nickname or legend initials given another name's label after this text was first labelled.
            replacements = [replace(r, replacement=self._labeller.existing("PERSON", r.original) or r.replacement)
                            if r.entity_type == "PERSON" and r.source != "register" and _LABEL.fullmatch(r.replacement)
                            else r for r in replacements]
        # "Clare's Law", "Sarah's Law": a law named after someone is kept whole.
        laws = [(m.start(), m.end()) for m in _NAMED_LAW.finditer(text)]
        return [r for r in replacements
                if not (r.entity_type == "PERSON" and any(s <= r.start and r.end <= e for s, e in laws))]

    def _around_people(self, text: str, replacements: list[Replacement],
                       exempt: list[tuple[int, int]]) -> list[Replacement]:
        """Initials, quoted nicknames and joined names next to the people found (see `adjacent`)."""
        people = [(r.start, r.end, r.replacement) for r in replacements if r.entity_type == "PERSON"]
        if not people:
            return replacements
        # Letters the model took for an organisation ("BSA" in "BSA = Mrs B. Sangha") may still be a
        # person's initials: they are free for what stands next to a person to claim.
        guessed = [r for r in replacements if r.replacement in _FALLBACK_LABELS and _LETTERS.fullmatch(r.original)]
        taken = [(r.start, r.end) for r in replacements if r not in guessed] + exempt
        taken += [(m.start(), m.end()) for m in _AGENCY_AND.finditer(text)]
        taken += [(m.start(), m.end()) for m in _PLACE_AGENCY.finditer(text)]
        found = around_people(text, people, taken, self._english, lambda name: self._labeller.label("PERSON", name))
        if not found:
            return replacements
        for item in found:
            written = text[item.start:item.end]
            if item.kind == "initial":
                for index, r in enumerate(replacements):
                    if r.end == item.start and r.entity_type == "PERSON":
                        replacements[index] = replace(r, end=item.end, original=text[r.start:item.end])
                continue
            if item.kind in ("initials before", "given before"):
                for index, r in enumerate(replacements):
                    if r.start == item.end and r.entity_type == "PERSON":
                        if item.kind == "given before" and r.source == "register":
                            # "Declan Doherty" when only the surname is registered: someone else of the
                            # family, with a label of his own.
                            replacements.append(Replacement(item.start, item.end, written,
                                                            self._labeller.label("PERSON", written), "PERSON", "pattern"))
                        else:
                            replacements[index] = replace(r, start=item.start, original=text[item.start:r.end])
                        break
                continue
            if written.lower() in self._protected_words:
                continue
            replacements = [r for r in replacements if not (r in guessed and r.start < item.end and item.start < r.end)]
            if item.kind in ("nickname", "code"):
                self._labeller.alias("PERSON", written, item.replacement)
                self._aliases += 1
                self._recent.append(written)
                if item.kind == "code":
                    self._known.learn_initials(written)
                relabelled = [r for r in replacements if (r.start, r.end) == (item.start, item.end)]
                if relabelled:
                    replacements[replacements.index(relabelled[0])] = replace(relabelled[0], replacement=item.replacement)
                    continue
            replacements.append(Replacement(item.start, item.end, written, item.replacement, "PERSON", "pattern"))
            if item.kind in ("nickname", "listed"):
                before = len(self._known)
                self._known.learn(written, single=True)
                if len(self._known) != before:
                    self._recent.append(written)
        return sorted(replacements, key=lambda r: r.start)

    def known_names(self) -> list[tuple[str, bool | None]]:
        """The unknown people's names learned so far, as (written form, vouched for as a single word;
        None for a guess, of which only the initials are used).
        A batch runner with several worker processes gathers these from every worker and hands the union
        to each with `learn_names`, then asks again: every file then sees every name, whatever the order
        or the number of workers."""
        return self._known.sources()

    def learn_names(self, names: Sequence[tuple[str, bool | None]]) -> None:
        for written, single in names:
            self._known.learn(written, single=single)

    # -- analysis -----------------------------------------------------------------------------------------

    def _analyse(self, texts: list[str]) -> dict[str, tuple[tuple[Replacement, ...], tuple[tuple[int, int], ...]]]:
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, chunk)
        for index, text in enumerate(texts):
            pieces.extend((index, offset, chunk) for offset, chunk in _chunks(text))
        model_pieces = [p for p in pieces if self._use_model and _NEEDS_MODEL.search(p[2])]
        docs = dict(
            zip(
                (id(p) for p in model_pieces),
                self.nlp.pipe((p[2] for p in model_pieces), batch_size=128),
            )
        )
        found: list[list[Replacement]] = [[] for _ in texts]
        kept: list[list[tuple[int, int]]] = [[] for _ in texts]
        for piece in pieces:
            index, offset, chunk = piece
            doc = docs.get(id(piece)) or self.nlp.make_doc(chunk)
            artifacts = self._nlp_engine._doc_to_nlp_artifact(doc, LANGUAGE)
            results = self._analyzer.analyze(chunk, language=LANGUAGE, nlp_artifacts=artifacts)
            replacements, exempt, learned = self._resolve(chunk, results)
            found[index].extend(replace(r, start=r.start + offset, end=r.end + offset) for r in replacements)
            kept[index].extend((start + offset, end + offset) for start, end in exempt)
            for name, single in learned:
                self._known.learn(name, single=single)
        analysed = {}
        for text, replacements, exempt in zip(texts, found, kept):
            analysed[text] = (tuple(sorted(replacements, key=lambda r: r.start)), tuple(exempt))
            self._remember(text, *analysed[text])
        return analysed

    def _other_mentions(self, text: str, replacements: list[Replacement],
                        exempt: list[tuple[int, int]]) -> list[Replacement]:
        """Mentions of already-labelled unknown people that the model missed in this text."""
        if not len(self._known):
            return []
        # A learned name outranks the model's guess that the same word is an organisation or a town
        # ("BROWN's car" tagged as an organisation after "Jayden Brown" was found).
        taken = [(r.start, r.end) for r in replacements
                 if not (r.source == "ner" and r.replacement in _FALLBACK_LABELS)] + exempt
        # "Devon and Cornwall Police": a learned "Devon" is not a person inside an agency's name.
        taken += [(m.start(), m.end()) for m in _AGENCY_AND.finditer(text)]
        taken += [(m.start(), m.end()) for m in _PLACE_AGENCY.finditer(text)]  # "Kent Police": Kent is a county
        taken += [(m.start(), m.end()) for m in BREED.finditer(text)]  # "Jack Russell": a dog
        # A learned full name outranks part of it guessed as a person on its own ("Whitehouse" of "Jan
        # Whitehouse", where "Jan" reads as a month): the longer name is replaced as one.
        people = {(r.start, r.end) for r in replacements if r.entity_type == "PERSON" and r.source != "register"}
        extra = []
        for start, end in self._known.find(text):
            core = start  # the name without a title or job in front: "Nurse. Pain" adds nothing to "Pain"
            while (word := _TITLE_IN_FRONT.match(text, core, end)) and (
                    word.group(1).lower() in _TITLE_WORDS or word.group(1).lower() in ROLE_WORDS):
                core = word.end()
            blocking = [(s, e) for s, e in taken if s < end and start < e
                        and not ((s, e) in people and core <= s and e <= end and e - s < end - core)]
            if (blocking or text[start:end].lower() in self._protected_words
                    or self._protected_name(text[start:end])):
                continue
            wide = self._particle_span(text, start, end)
            given = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
            if given and name_like(given.group("given")) and given.group("given").lower() not in self._english.other \
                    and not (given.group("given").lower() in self._english.nouns and not is_first_name(given.group("given"))):
                wide = (given.start("given"), wide[1])  # "Osian Pugh" after "Carys Pugh" was learned
            if not any(s < wide[1] and wide[0] < e for s, e in taken):
                start, end = wide
            for item in [r for r in replacements if r.start < end and start < r.end]:
                replacements.remove(item)
            original = text[start:end]
            extra.append(Replacement(start, end, original, self._labeller.label("PERSON", original), "PERSON", "ner"))
            taken.append((start, end))
        return extra

    def _remember(self, text: str, replacements: tuple[Replacement, ...], exempt: tuple[tuple[int, int], ...]) -> None:
        if len(self._cache) >= self.settings.cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[text] = (replacements, exempt)

    def _resolve(
        self, text: str, results: list[RecognizerResult]
    ) -> tuple[list[Replacement], list[tuple[int, int]], list[tuple[str, bool | None]]]:
        """Settle overlaps. Returns the replacements, the spans of exempt names (never replaced, not even
        by later mentions of a learned name) and the unknown people's names worth looking for elsewhere."""
        candidates = []
        for item in results:
            metadata = item.recognition_metadata or {}
            source = metadata.get(SOURCE)
            if source is None or item.end <= item.start:
                continue
            replacement = metadata.get(REPLACEMENT)
            priority = _priority(source, item.entity_type)
            if source == "ner" and replacement in _FALLBACK_LABELS:
                # The model called it an organisation or a place but nothing in it says which; a
                # recogniser that reads it as a person's name is more useful (and as safe).
                priority = 34
            candidates.append(_Candidate(item.start, item.end, item.entity_type, source, replacement, priority))
        candidates.sort(key=lambda c: (-c.priority, -c.length, c.source != "register", c.start))
        chosen: list[_Candidate] = []
        for candidate in candidates:
            overlapping = [c for c in chosen if c.start < candidate.end and candidate.start < c.end]
            if not overlapping:
                chosen.append(candidate)
            elif candidate.entity_type in ("PERSON", "PLACE") and candidate.source not in ("exempt", "keep"):
                chosen.extend(self._remainder(text, candidate, overlapping, chosen))
            elif candidate.priority == 34 and any(c.entity_type == "PERSON" for c in overlapping):
                # The model called "Ffion Rees" an organisation and a cue found "Ffion": the rest of the
                # model's span is more of the person's name.
                # Only the words joined to the name, not a role before a comma ("the Occupational
                # Therapist, Saoirse Ni Mhurchu").
                person = min((c for c in overlapping if c.entity_type == "PERSON"), key=lambda c: c.start)
                left = max(candidate.start, *(m.end() for m in re.finditer(r"[,;:(|]\s*", text[:person.start])
                                               if m.end() > candidate.start), candidate.start)
                # Nor a title or job in front ("DS Jaswinder Gill", "Staff Nurse Gwen Ashcroft"): it stays
                # as written, so the reader still knows who acted ("DS Person 2").
                while (word := _TITLE_IN_FRONT.match(text, left, person.start)) and (
                        word.group(1).lower() in _TITLE_WORDS or word.group(1).lower() in ROLE_WORDS):
                    left = word.end()
                right_cut = re.search(r"[,;:)|]", text[person.end:candidate.end])
                right = person.end + right_cut.start() if right_cut else candidate.end
                as_person = replace(candidate, start=left, end=max(right, person.end), entity_type="PERSON",
                                    replacement=None)
                chosen.extend(self._remainder(text, as_person, overlapping, chosen))
        chosen = self._widen_over_particles(text, chosen)
        replacements, exempt, learned = [], [], []
        previous_end = 0
        for candidate in sorted(chosen, key=lambda c: c.start):
            if candidate.source == "register" and candidate.replacement:
                candidate.start = max(previous_end, _role_said_twice(text, candidate.start, candidate.replacement))
            previous_end = candidate.end
            if candidate.source == "exempt":
                exempt.append((candidate.start, candidate.end))
            if candidate.source in ("exempt", "keep"):
                continue
            if candidate.entity_type == "PERSON" and candidate.source == "ner" and self._protected_name(
                    text[candidate.start:candidate.end]):
                continue  # "Don Vale" of "Don Vale Local Safeguarding Children Board": the board's area
            if candidate.entity_type == "PERSON" and candidate.source in ("ner", "pattern", "relative"):
                # Names vouched for by the model, a title, a cue or the register's surname are learned;
                # the weakest guesses are not, so one wrong guess cannot spread through a batch.
                learned.append((text[candidate.start:candidate.end], candidate.source != "ner"))
            elif candidate.entity_type == "PERSON" and candidate.source == "guess":
                # A guess gives only its initials, taken only where a person stands ("AN observed."),
                # unless it is a known given name and a surname no dictionary has ("Ruby-Leigh Stoddart").
                written = text[candidate.start:candidate.end]
                learned.append((written, False if self._plausible_full_name(written) else None))
            original = text[candidate.start:candidate.end]
            replacement = candidate.replacement
            if replacement is None:
                operator = self._operators.get(candidate.entity_type)
                replacement = operator(original) if operator else f"[{candidate.entity_type.lower()}]"
            if replacement[:1].islower() and at_sentence_start(text, candidate.start):
                replacement = replacement[0].upper() + replacement[1:]
            replacements.append(
                Replacement(candidate.start, candidate.end, original, replacement, candidate.entity_type,
                            "pattern" if candidate.source not in ("register", "ner") else candidate.source)
            )
        return replacements, exempt, learned

    def _protected_name(self, written: str) -> bool:
        """Two or more words, every one from a name the case keeps (an exempt person's organisation, a
        keep term): the model reading the board's own area as a person ("Don Vale" + " LSCB")."""
        words = re.findall(r"[^\W\d_][\w'’-]*", written.lower())
        return len(words) >= 2 and all(w in self._protected_words for w in words)

    def _plausible_full_name(self, written: str) -> bool:
        words = written.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return False
        first, last = words[0].split("-")[0], re.sub(r"['’]s$", "", words[-1])
        return is_first_name(first) and not self._english.common(last.lower()) and not known_word(last)

    def _remainder(self, text: str, candidate: _Candidate, overlapping: list[_Candidate],
                   chosen: list[_Candidate]) -> list[_Candidate]:
        """What to do with the part of a lower-priority name that sticks out past chosen spans.

        Widen a register span over the rest of the same name ("Poppy" + "-Mae Harrington-Smith"), or
        give the leftover name words their own replacement. Only capitalised words that are not titles or
        role words count: "Mrs" or "Social Worker" sticking out is harmless.
        """
        covered = sorted(overlapping, key=lambda c: c.start)
        gaps, position = [], candidate.start
        for span in covered:
            if span.start > position:
                gaps.append((position, span.start))
            position = max(position, span.end)
        if position < candidate.end:
            gaps.append((position, candidate.end))
        # "tom k" in hurried notes when Tom is registered: the lone initial after the name is more of it.
        if (len(covered) == 1 and covered[0].source == "register" and candidate.entity_type == "PERSON"
                and gaps and all(_LONE_INITIAL.fullmatch(text[s:e]) and s >= covered[0].end for s, e in gaps)):
            covered[0].end = max(e for _, e in gaps)
            return []
        # "callum reid" in hurried notes, where a cue found "callum": the lower-case surname the guess saw
        # after it is more of the same unknown person's name.
        if (len(covered) == 1 and covered[0].entity_type == candidate.entity_type == "PERSON"
                and covered[0].replacement is None and covered[0].source not in ("exempt", "register")
                and candidate.source == "guess" and text[candidate.start:candidate.end].islower()
                and gaps and all(re.fullmatch(r"[ \t]+[a-z][a-z'’-]+", text[s:e]) and s >= covered[0].end for s, e in gaps)):
            covered[0].end = max(e for _, e in gaps)
            return []
        # "Phoned" in "Phoned Nat today" (the model ran a sentence's first word into a register name): an
        # everyday word opening the sentence before the name is not a leftover name.
        gaps = [(s, e) for s, e in gaps if _has_name_word(text[s:e])
                and not (e <= covered[0].start and len(text[s:e].split()) == 1 and self._sentence_word(text, s, e))]
        if not gaps:
            return []
        same_register = {(c.source, c.entity_type, c.replacement) for c in covered}
        # Never across a column gap ("Kerry-Ann Baptiste    Hosp no: ..."): that is the next field.
        widen = all(_NAME_ONLY.fullmatch(text[s:e]) and not self._sentence_word(text, s, e)
                    and not re.search(r"[ ]{2,}|\t", text[s:e]) for s, e in gaps)
        # Two recognisers saw parts of one unknown name ("MacLeod" and "Connor MacLeod"): one label.
        unknown_person = (len(covered) == 1 and covered[0].entity_type == candidate.entity_type == "PERSON"
                          and covered[0].replacement is None and covered[0].source != "exempt")
        if widen and (unknown_person or (len(same_register) == 1 and covered[0].source == "register"
                                         and covered[0].entity_type == candidate.entity_type)):
            anchor = covered[0]
            anchor.start = min(anchor.start, candidate.start)
            anchor.end = max(max(c.end for c in covered), candidate.end)
            for extra in covered[1:]:
                chosen.remove(extra)
            return []
        extras = []
        for start, end in gaps:
            start, end = _trim_to_words(text, start, end)
            # Not the shorthand or rank before the name: "w/ DC Tamm" -> "DC Person 5".
            lead = re.match(r"(?:(?:w/|w|with|and|[a-z]+|[A-Z]{2,5})[ \t]+)+(?=[A-Z][a-z])", text[start:end])
            if lead and all(t in ("w/", "w") or t.islower() or t in COMMON_ABBREVIATIONS for t in lead.group().split()):
                start += lead.end()
            if start < end and not any(c.start < end and start < c.end for c in chosen):
                extras.append(_Candidate(start, end, candidate.entity_type, candidate.source,
                                         candidate.replacement, candidate.priority))
        return extras


    def _widen_over_particles(self, text: str, chosen: list[_Candidate]) -> list[_Candidate]:
        """An unknown person's name takes in the particles and name words around it ("Maria dos" before
        "Santos", "de Vries" after "Johannes"): a surname particle is never the end of a name, and the
        model often tags only one side of it. What the case says may be shown is never taken in."""
        for candidate in [c for c in chosen if c.entity_type == "PERSON" and c.replacement is None
                          and c.source not in ("exempt", "keep")]:
            start, end = self._particle_span(text, candidate.start, candidate.end)
            if (start, end) != (candidate.start, candidate.end):
                self._take(chosen, candidate, start, end)
        return chosen

    def _particle_span(self, text: str, start: int, end: int) -> tuple[int, int]:
        before = _PARTICLES_BEFORE.search(text, max(0, start - 60), start)
        if before:
            given = before.group("given")
            new_start = before.start("particles")
            if given and not known_word(given) and not (
                self._english.common(given) and at_sentence_start(text, before.start("given"))
            ):
                new_start = before.start("given")
            start = new_start
        after = _PARTICLES_AFTER.match(text, end)
        if after:
            end = after.end()
        return start, end

    @staticmethod
    def _take(chosen: list[_Candidate], candidate: _Candidate, start: int, end: int) -> None:
        others = [c for c in chosen if c is not candidate and c.start < end and start < c.end
                  and not (candidate.start <= c.start and c.end <= candidate.end)]
        if any(c.source == "exempt" or c.priority > candidate.priority and c.entity_type != "PERSON" for c in others):
            return
        for other in others:
            chosen.remove(other)
            start, end = min(start, other.start), max(end, other.end)
        candidate.start, candidate.end = start, end

    def _sentence_word(self, text: str, start: int, end: int) -> bool:
        """A capitalised everyday word opening the sentence ("Ask" in "Ask Kerry Walsh")."""
        first = re.search(r"[^\W\d_]+", text[start:end])
        return bool(first) and (self._english.common(first.group()) or known_word(first.group())) and at_sentence_start(
            text, start + first.start()
        )


def _role_said_twice(text: str, start: int, pseudonym: str) -> int:
    """Where a register replacement should start so that the role before a name is not said twice:
    "Father Daniel Harrington" is "Father", not "Father Father"; "Health Visitor Sarah Okonkwo" is
    "Health Visitor 1"; "her nan Rose" is "her Maternal grandmother" and "Mum's partner Will" is
    "Mother's partner" (the family's words for the same role). The role word stays when the pseudonym
    does not say it ("sister Child A")."""
    words = [_same_role(w) for w in pseudonym.split()]
    while words and (words[-1].isdigit() or len(words[-1]) == 1):
        words.pop()  # "Social Worker 2", "Child A": the role is the words before the number or letter
    before = list(re.finditer(r"[^\W\d_][\w'’-]*", text[max(0, start - 60):start]))
    if not words or not before or text[max(0, start - 60) + before[-1].end():start].strip():
        return start
    spoken = [_same_role(m.group()) for m in before]
    offset = max(0, start - 60)
    # The whole role as the pseudonym opens ("Health Visitor"), or as it ends ("nan" for "Maternal
    # grandmother"), written just before the name with nothing but spaces between the words.
    for count in range(min(len(words), len(spoken)), 0, -1):
        if spoken[-count:] in (words[:count], words[-count:]) and _only_spaces(text, offset, before[-count:]):
            return offset + before[-count].start()
    return start


# The family's own words for a role, so that "Mum's partner" and "Mother's partner" are the same role.
_ROLE_SYNONYMS = {
    "mum": "mother", "mummy": "mother", "mam": "mother", "mom": "mother",
    "dad": "father", "daddy": "father",
    "nan": "grandmother", "nana": "grandmother", "nanna": "grandmother", "gran": "grandmother",
    "granny": "grandmother", "grandma": "grandmother", "grandad": "grandfather", "grandpa": "grandfather",
}


def _same_role(word: str) -> str:
    low = word.lower().replace("’", "'")
    possessive = low.endswith("'s")
    base = low[:-2] if possessive else low
    return _ROLE_SYNONYMS.get(base, base) + ("'s" if possessive else "")


def _only_spaces(text: str, offset: int, matches: list[re.Match[str]]) -> bool:
    return all(not text[offset + a.end():offset + b.start()].strip(" \t") for a, b in zip(matches, matches[1:]))


def _has_name_word(fragment: str) -> bool:
    return any(
        word.lower() not in ROLE_WORDS and word.lower() not in DOCUMENT_WORDS and word.lower().rstrip(".") not in TITLES
        and word not in COMMON_ABBREVIATIONS  # "DSL" before "Mr Femi Oladipo"
        for word in _NAME_WORD.findall(fragment)
        if len(word) > 1
    )


_LABEL = re.compile(r"Person \d+")
_LETTERS = re.compile(r"[A-Z]{2,4}")
_NAMED_LAW = re.compile(r"(?<![\w'’-])[A-Z][a-z]+['’]s[ \t]+Law\b")
_NAME_LINK = re.compile(r"[ \t]+(?:Van|Thi|De|Da|Di|Du|Le|La|Bin|Binti|Al)[ \t]+")


def _join_split_names(text: str, replacements: list[Replacement]) -> list[Replacement]:
    """Two unknown people's labels either side of a capitalised name particle are one name: "Nguyen Van
    Long" would otherwise leave "Van" between "Person 4" and "Person 5"."""
    out: list[Replacement] = []
    for item in replacements:
        previous = out[-1] if out else None
        if (previous is not None and previous.entity_type == item.entity_type == "PERSON"
                and previous.source != "register" and item.source != "register"
                and _NAME_LINK.fullmatch(text[previous.end:item.start])):
            original = text[previous.start:item.end]
            out[-1] = Replacement(previous.start, item.end, original, previous.replacement, "PERSON", previous.source)
            continue
        out.append(item)
    return out


def _trim_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    possessive = re.match(r"['’]s\b", text[start:end])
    if possessive:
        start += possessive.end()  # the "'s" left after "Rose" in "Rose's Moses"
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum()):
        end -= 1
    return start, end


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= CHUNK:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def apply(text: str, replacements: Sequence[Replacement]) -> str:
    """The text with each replacement made (replacements sorted and non-overlapping)."""
    out, position = [], 0
    for item in replacements:
        out.append(text[position:item.start])
        out.append(item.replacement)
        position = item.end
    out.append(text[position:])
    return "".join(out)
