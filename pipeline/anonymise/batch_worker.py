"""The parts of a batch that run in worker processes: finding names in one file, and writing one file.

Everything a worker returns depends only on the file and on what the batch tells it, never on which other
files the same worker happened to see first. That is what makes `--workers 2` give exactly the output of
`--workers 1`. Two things in the engine would otherwise carry over between files:
- labels for unknown people: the worker hands out placeholders, and the batch assigns "Person N" in
  input order afterwards (batch.py);
- names the engine learns from one text and then looks for in others ("Jennifer Blackwood" found, so a
  later bare "Blackwood" is caught): each file starts from nothing, reports what it learned, and the batch
  sends back the texts where a name learned in another file appears, to be searched again knowing all of
  the batch's names.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputFileError, ModelUnavailable, ScrError
from ..fileio import atomic_path
from ..register import Register
from .formats import open_document
from .labels import Labeller
from .settings import AnonymiserSettings

logger = logging.getLogger(__name__)

# Placeholders for labels decided by the batch: private-use characters no document contains, with the
# process id so that placeholders from different workers never collide.
TOKEN = re.compile("\ue000([0-9]+\\.[0-9]+)\ue001")

Learned = tuple[str, bool | None]  # (name as written, vouched for by a title or cue; None: a guess)


@dataclass(frozen=True)
class Span:
    """A replacement in one searched text (what `TextLocation.apply` needs, plus what the logs record)."""

    start: int
    end: int
    original: str
    replacement: str
    entity_type: str
    source: str


@dataclass
class FileResult:
    source: Path
    output: Path | None = None
    replacements: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    error: str | None = None


@dataclass
class Found:
    """What was found in one file. `queries` are the texts searched: every location, then the file name,
    then the location labels that quote the file (sheet and picture names); `results` match them."""

    source: Path
    digest: str = ""
    labels: list[str] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    results: list[list[Span]] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    learned: list[Learned] = field(default_factory=list)
    tokens: dict[str, tuple[str, str]] = field(default_factory=dict)
    removed: Counter[str] = field(default_factory=Counter)
    error: str | None = None

    birth: list[int] = field(default_factory=list)  # locations whose dates are all dates of birth

    @property
    def spans(self) -> list[list[Span]]:
        spans = self.results[: len(self.labels)]
        if not self.birth:
            return spans
        spans = list(spans)
        for index in self.birth:
            if index < len(spans):
                spans[index] = birth_dates(self.queries[index], spans[index])
        return spans

    @property
    def name_spans(self) -> list[Span]:
        return self.results[len(self.labels)] if len(self.results) > len(self.labels) else []

    @property
    def label_spans(self) -> dict[str, list[Span]]:
        return dict(zip(self.quoted, self.results[len(self.labels) + 1:]))


class DeferredLabeller(Labeller):
    """Hands out placeholders and remembers what each stands for; the batch turns them into labels."""

    def __init__(self) -> None:
        super().__init__()
        self.issued: dict[str, tuple[str, str]] = {}

    def label(self, entity_type: str, text: str) -> str:
        key = f"{os.getpid()}.{len(self.issued) + 1}"
        self.issued[key] = (entity_type, text)
        return f"\ue000{key}\ue001"


def _recording_names():
    from .recognisers.known_names import KnownNames

    class RecordingNames(KnownNames):
        """The engine's memory of names, also keeping a list of what it was taught (to share it)."""

        def __init__(self) -> None:
            super().__init__()
            self.calls: list[Learned] = []

        def learn(self, written: str, *, single: bool = False) -> None:
            self.calls.append((written, single))
            super().learn(written, single=single)

    return RecordingNames()


WORKER: dict[str, object] = {}


def init_worker(register: Register, settings: AnonymiserSettings) -> None:
    # An exception escaping a pool initializer makes the pool restart the worker for ever; keep it and
    # raise it from the first job instead, so the batch stops with the real reason (fail closed).
    try:
        from .engine import Anonymiser

        labeller = DeferredLabeller()
        WORKER["labeller"] = labeller
        WORKER["anonymiser"] = Anonymiser(register, settings=settings, labeller=labeller)
    except Exception as err:  # noqa: BLE001 - re-raised by the first job
        WORKER["error"] = err


def _fresh_engine(known: Sequence[Learned] = ()):
    """The worker's engine with its memory of names set to exactly `known` (and nothing cached from
    earlier files), so that results depend on the file and the batch, not on the worker's history."""
    if "error" in WORKER:
        raise WORKER["error"]  # type: ignore[misc]
    anonymiser = WORKER["anonymiser"]
    if not (hasattr(anonymiser, "_known") and hasattr(anonymiser, "_cache")):
        # Fail closed: without this the same file could be anonymised differently by different workers.
        raise RuntimeError("the anonymiser no longer keeps learned names where the batch runner expects them")
    names = _taught(tuple(known))
    anonymiser._known = names  # type: ignore[attr-defined]
    anonymiser._cache.clear()  # type: ignore[attr-defined]
    return anonymiser, names


def _taught(known: tuple[Learned, ...]):
    """A name memory holding `known`. Compiling its pattern is the slow part, so the worker keeps one and
    reuses it while the engine adds nothing to it (what it learns again is already there)."""
    cached = WORKER.get("taught")
    if cached is None or cached[0] != known:  # type: ignore[index]
        names = _recording_names()
        for written, single in known:
            names.learn(written, single=single)
        names.find("")  # compile now, once
        WORKER["taught"] = cached = (known, names, len(names))
    names = cached[1]  # type: ignore[index]
    names.calls.clear()
    return names


def _forget_if_changed(names) -> None:
    cached = WORKER.get("taught")
    if cached is not None and cached[1] is names and len(names) != cached[2]:  # type: ignore[index]
        WORKER.pop("taught")


def _search(queries: list[str], known: Sequence[Learned] = ()) -> tuple[list[list[Span]], list[Learned], dict]:
    anonymiser, names = _fresh_engine(known)
    results = [[_span(r) for r in spans] for spans in anonymiser.find_many(queries)]
    _forget_if_changed(names)
    issued = WORKER["labeller"].issued  # type: ignore[attr-defined]
    used = {key for spans in results for s in spans for key in TOKEN.findall(s.replacement)}
    return results, list(names.calls), {key: issued[key] for key in used}


def find_in_file(job: tuple[Path, str]) -> Found:
    path, dates = job
    found = Found(path)
    try:
        document = open_document(path, dates=dates)
    except ScrError as err:
        found.error = _reason(err, path)
        return found
    except Exception as err:  # a damaged file must not stop the batch; we say what went wrong
        logger.exception("Could not read %s", path)
        found.error = f"could not be read ({type(err).__name__}: {err})"
        return found
    texts = [loc.search_text for loc in document.locations]
    found.labels = [loc.label for loc in document.locations]
    found.digest = digest(texts)
    found.removed = document.removed
    # Labels that quote something from the file (a sheet or picture name) must not carry it into the log.
    found.quoted = sorted({loc.label for loc in document.locations if loc.label_quotes_text})
    found.queries = texts + [spaced(path.stem)] + [spaced(label) for label in found.quoted]
    found.birth = [i for i, loc in enumerate(document.locations) if loc.birth_dates]
    try:
        found.results, found.learned, found.tokens = _search(found.queries)
    except ModelUnavailable:
        raise
    except Exception as err:
        logger.exception("Searching %s failed", path)
        found.error = f"could not be searched for names ({type(err).__name__}: {err})"
    return found


def search_again(job: tuple[list[str], list[Learned]]) -> tuple[list[list[Span]], dict]:
    """Search some texts again knowing every name the batch learned."""
    texts, known = job
    results, _, tokens = _search(texts, known)
    return results, tokens


def write_file(job: tuple[Found, Path, str]) -> FileResult:
    found, target, dates = job
    result = FileResult(found.source, removed=found.removed)
    if found.error:
        result.error = found.error
        return result
    try:
        document = open_document(found.source, dates=dates)
        if digest(loc.search_text for loc in document.locations) != found.digest:
            raise InputFileError(found.source, "changed while it was being anonymised; run the command again")
        for location, spans in zip(document.locations, found.spans):
            if spans:
                location.apply(spans)
        with atomic_path(target) as tmp:
            document.save(tmp)
    except ScrError as err:
        result.error = _reason(err, found.source)
        return result
    except Exception as err:
        logger.exception("Could not write the anonymised copy of %s", found.source)
        result.error = f"could not be written ({type(err).__name__}: {err})"
        return result
    result.output = target
    result.replacements = sum(len(s) for s in found.spans)
    return result


def birth_dates(text: str, spans: list[Span]) -> list[Span]:
    """Every date in a date-of-birth cell becomes "[date of birth]", whatever the dates setting did with it."""
    from .recognisers.dates import DATE_RE, parse_date_match

    out = list(spans)
    for match in DATE_RE.finditer(text):
        if parse_date_match(match) is None:
            continue
        overlapping = [s for s in out if s.start < match.end() and match.start() < s.end]
        if any(s.replacement == "[date of birth]" for s in overlapping):
            continue
        if any(s.entity_type not in ("DATE", "DATE_TIME") for s in overlapping):
            continue  # part of something else already replaced (a reference, a phone number)
        out = [s for s in out if s not in overlapping]
        out.append(Span(match.start(), match.end(), match.group(), "[date of birth]", "DATE_OF_BIRTH", "pattern"))
    return sorted(out, key=lambda s: s.start)


def _span(r) -> Span:
    return Span(r.start, r.end, r.original, r.replacement, r.entity_type, r.source)


def spaced(stem: str) -> str:
    """File names use _ and - between words; the name finder needs spaces (same length, same offsets)."""
    return stem.replace("_", " ").replace("-", " ")


def digest(texts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for text in texts:
        h.update(text.encode("utf-8", "surrogatepass") + b"\x00")
    return h.hexdigest()


def _reason(err: ScrError, path: Path) -> str:
    text = str(err)
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text
