"""What the rules know besides the file in front of them: the register, the case (when given), the other
files in the same batch, and the anonymiser's detections, computed once per file and shared by every rule."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..register import Register

if TYPE_CHECKING:
    from ..case import Case
    from .documents import CheckedDocument, TextSegment

logger = logging.getLogger(__name__)

# Labels the anonymiser writes in place of people and places it does not know ("Person 3", "Place 1",
# "[address]"): finding them again after anonymisation is the anonymiser working, not a leak.
_GENERATED_LABEL = re.compile(r"^(?:the\s+)?(?:person|place|organisation|professional|child|sibling|adult)\s+\d+$"
                              r"|^\[[a-z ]+\]$", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
# Labels that carry a name someone typed: "custom property: <name>", "custom XML part <part>: <element>".
_NAMED_IN_LABEL = re.compile(r"custom property: (.+)$|custom XML part [^:]+: (?:[^ ]+ )?(.+)$")
_QUOTED = re.compile(r'"([^"]+)"|\'([^\']+)\'')


@dataclass(frozen=True)
class NamedOfficer:
    """Someone the Executive Summary must name with their job title and organisation (§8.78)."""

    role: str
    name: str
    job_title: str | None
    organisation: str | None


@dataclass(frozen=True)
class Detection:
    """One identifier the anonymiser's detection found in one segment of a file."""

    segment: TextSegment
    start: int
    end: int
    text: str
    entity_type: str
    source: str  # "register", "ner" or "pattern"
    replacement: str = ""  # what the anonymiser would write instead ("Child A", "[address]", "the primary school")

    @property
    def location(self) -> str:
        return self.segment.locate(self.start)


@dataclass
class CheckContext:
    register: Register
    case: Case | None = None
    documents: list[CheckedDocument] = field(default_factory=list)
    anonymiser_factory: Callable[[], Any] | None = None
    _anonymiser: Any = field(default=None, repr=False)

    # --- the batch ---------------------------------------------------------------------------------
    def of_kind(self, kind: str, *, outline: bool = False) -> list[CheckedDocument]:
        """The batch's documents of one kind; with `outline`, only those with a Word outline to compare
        (the PDF export of an action plan is the same kind but has no table structure to read)."""
        found = []
        for doc in self.documents:
            try:
                if doc.kind == kind and (not outline or doc.outline() is not None):
                    found.append(doc)
            except Exception:  # an unreadable file is reported on its own; it cannot be a comparison source
                continue
        return found

    # --- people who may be named -----------------------------------------------------------------
    def named_officers(self) -> list[NamedOfficer]:
        """From the case when given, else from the register's exempt list (standalone registers carry titles)."""
        if self.case is not None:
            roles = ("the LSCB Chair", "the Panel Chair", "the Overview author")
            officers = (self.case.chair, self.case.panel_chair, self.case.overview_author)
            return [NamedOfficer(r, o.name, o.job_title, o.organisation) for r, o in zip(roles, officers)]
        return [NamedOfficer("a person who may be named", e.name, e.job_title, e.organisation) for e in self.register.exempt]

    def is_exempt(self, text: str) -> bool:
        """True when every word of `text` (titles and possessives aside) belongs to one exempt person's name."""
        from ..anonymise.labels import normalise_name

        words = set(_WORD.findall(normalise_name(text)))
        if not words:
            return False
        for person in self.register.exempt:
            if words <= set(_WORD.findall(normalise_name(person.name))):
                return True
        return False

    def is_pseudonym(self, text: str) -> bool:
        value = " ".join(text.split()).strip(".,;:'’ ")
        if value.lower().endswith(("'s", "’s")):
            value = value[:-2]
        if _GENERATED_LABEL.match(value):
            return True
        pseudonyms = {p.pseudonym.lower() for p in (*self.register.people, *self.register.places)}
        return value.lower() in pseudonyms

    # --- detections --------------------------------------------------------------------------------
    @property
    def anonymiser(self) -> Any:
        if self._anonymiser is None:
            if self.anonymiser_factory is None:
                raise RuntimeError("this check has no anonymiser to find identifiers with")
            self._anonymiser = self.anonymiser_factory()
        return self._anonymiser

    def detections(self, doc: CheckedDocument) -> list[Detection]:
        """Everything the anonymiser would replace in `doc`, minus exempt people and pseudonyms."""
        # Kept with the document, not here by id(): a chart's data workbook is a short-lived document.
        if "detections" not in doc.cache:
            segments = doc.segments()
            results = self.anonymiser.find_many([s.text for s in segments]) if segments else []
            found: list[Detection] = []
            for segment, replacements in zip(segments, results):
                for rep in replacements:
                    detection = Detection(segment, rep.start, rep.end, rep.original, rep.entity_type, rep.source,
                                          rep.replacement)
                    if self._keeps(detection):
                        found.append(detection)
            doc.cache["detections"] = found
        return doc.cache["detections"]  # type: ignore[return-value]

    def find_in(self, text: str) -> list[Detection]:
        """Detections in a loose piece of text (a file name, a property), with the same filtering."""
        from .documents import TextSegment

        segment = TextSegment("", text)
        found = [
            Detection(segment, r.start, r.end, r.original, r.entity_type, r.source, r.replacement)
            for r in self.anonymiser.find(text)
        ]
        return [d for d in found if self._keeps(d)]

    def names_someone(self, text: str) -> bool:
        """Whether a short label (a file or picture name, a property name) holds a name or other identifier."""
        readable = re.sub(r"[_.\-]+", " ", text)
        return bool(self.find_in(readable)) or self._register_name_in(text)

    def personal_in(self, location: str) -> str | None:
        """The part of a walker's label that identifies someone (a picture called "poppy_harrington.png", a
        custom property named "Reviewed with Kerry Walsh"), so reports can mask it."""
        candidates = [a or b for a, b in _QUOTED.findall(location)]
        candidates += [a or b for a, b in _NAMED_IN_LABEL.findall(location)]
        return next((c for c in candidates if c.strip() and self.names_someone(c)), None)

    def _register_name_in(self, text: str) -> bool:
        squashed = re.sub(r"[^a-z0-9]", "", text.lower())
        return any(
            len(key) >= 4 and key in squashed
            for item in (*self.register.people, *self.register.places)
            for key in (re.sub(r"[^a-z0-9]", "", n.lower()) for n in item.all_names)
        )

    def _keeps(self, detection: Detection) -> bool:
        if detection.entity_type == "PERSON" and detection.source != "register" and self.is_exempt(detection.text):
            return False
        if self.is_pseudonym(detection.text):
            return False
        # "Child A. Booked for 14/08/2023": a match that starts inside a pseudonym the anonymiser wrote is
        # read across the pseudonym's edge ("A. Booked" as initials), not a name that was missed.
        return not (detection.source != "register" and self._starts_inside_pseudonym(detection))

    def _starts_inside_pseudonym(self, detection: Detection) -> bool:
        text = detection.segment.text
        for pattern in self._pseudonym_patterns():
            for match in pattern.finditer(text):
                if match.start() < detection.start < match.end():
                    return True
        return False

    def _pseudonym_patterns(self) -> list[re.Pattern[str]]:
        if not hasattr(self, "_pseudonym_cache"):
            names = {p.pseudonym for p in (*self.register.people, *self.register.places) if " " in p.pseudonym}
            self._pseudonym_cache = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)") for n in sorted(names)]
        return self._pseudonym_cache
