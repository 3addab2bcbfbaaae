"""Anonymising a batch of files: the same person gets the same label in every file, whatever the workers.

Three steps, so that labels never depend on which worker finished first:
1. find (in parallel): each file is opened, cleaned and searched. People not in the register get
   placeholder labels, recorded with the name they stand for.
2. label (here, in input order): placeholders become "Person 1", "Person 2"... by walking the files,
   locations and matches in order, exactly as a single process would.
3. write (in parallel): each file is opened again, the final replacements applied and the copy written
   atomically. A file that fails is reported; the others are still written.

The redaction log (no original text) always goes into the output folder. The re-identification key
(original -> replacement) is written only when asked for, and never into the output folder, because that
folder is what gets sent to Ofsted (§8.80).
"""
from __future__ import annotations

import csv
import hashlib
import io
import logging
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputFileError, ModelUnavailable, ProcessingFailed, ScrError, UsageError
from ..fileio import atomic_path, ensure_separate, write_text_atomic
from ..register import Register
from .formats import SUFFIXES, open_document
from .labels import Labeller
from .settings import AnonymiserSettings

logger = logging.getLogger(__name__)

LOG_NAME = "redaction-log.csv"
LOG_COLUMNS = ("file", "location", "entity_type", "replacement", "source")
KEY_COLUMNS = ("file", "location", "entity_type", "original", "replacement", "source")
# Placeholders for labels decided centrally: private-use characters no document contains.
_TOKEN = re.compile("\ue000(\\d+)\ue001")
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs. `register` None means no register: names are found by the language model and
    patterns only (the command says so)."""

    out_dir: Path
    register: Register | None = None
    settings: AnonymiserSettings = field(default_factory=AnonymiserSettings)
    key_path: Path | None = None
    workers: int = 1


@dataclass(frozen=True)
class Span:
    """A final replacement in one location (what `TextLocation.apply` needs, plus what the logs record)."""

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
class BatchResult:
    files: list[FileResult]
    log_path: Path
    key_path: Path | None
    used_register: bool

    @property
    def failures(self) -> list[FileResult]:
        return [f for f in self.files if f.error]

    def raise_for_failures(self) -> None:
        if self.failures:
            raise ProcessingFailed([(str(f.source), f.error or "") for f in self.failures], action="anonymised")


def collect_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Files named directly, plus every supported file in named folders (sorted, so runs are repeatable).

    Word's lock files (~$name.docx) and hidden files are skipped; a named file of another type is an error.
    """
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))
            )
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise UsageError(f"{path}: '{path.suffix}' files cannot be anonymised; use {', '.join(SUFFIXES)}.")
            found.append(path)
        else:
            raise UsageError(f"{path} does not exist. Check the spelling of the file or folder name.")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        raise UsageError(f"No {', '.join(SUFFIXES)} files were found in {', '.join(map(str, paths))}.")
    return unique


def check_key_path(key_path: Path, out_dir: Path) -> None:
    key, out = key_path.resolve(), out_dir.resolve()
    if key == out or out in key.parents:
        raise UsageError(
            f"The key file {key_path} is inside the output folder {out_dir}. The key names everyone in the "
            f"documents, so keep it apart from what will be sent: choose a path outside {out_dir}."
        )


def anonymise_batch(inputs: Sequence[str | Path], options: BatchOptions, progress: Progress | None = None) -> BatchResult:
    """Anonymise every file; returns what happened to each. Raises UsageError before touching anything
    when the request cannot work, and ModelUnavailable if the language model cannot be loaded."""
    out_dir = Path(options.out_dir)
    ensure_separate(out_dir, list(inputs))
    if options.key_path is not None:
        check_key_path(Path(options.key_path), out_dir)
    files = collect_inputs(inputs)
    ensure_separate(out_dir, list(files))
    if options.key_path is not None and Path(options.key_path).resolve() in files:
        raise UsageError(f"The key file {options.key_path} is one of the files to anonymise; inputs are never "
                         f"overwritten. Choose another path for --key.")
    register = options.register or Register()
    workers = max(1, min(options.workers, len(files), os.cpu_count() or 1))
    report = progress or (lambda stage, done, total: None)

    with _Runner(register, options.settings, workers) as run:
        out_dir.mkdir(parents=True, exist_ok=True)  # only once the model has loaded: no empty folder otherwise
        found: list[_Found] = []
        for done, item in enumerate(run.map(_find_in_file, [(p, options.settings.dates) for p in files]), 1):
            found.append(item)
            report("Finding names", done, len(files))
        _assign_labels(found)
        names = _output_names(found)
        jobs = [(f, out_dir / name) for f, name in zip(found, names)]
        results: list[FileResult] = []
        for done, result in enumerate(run.map(_write_file, [(f, target, options.settings.dates) for f, target in jobs]), 1):
            results.append(result)
            report("Writing", done, len(files))

    log_path = out_dir / LOG_NAME
    write_text_atomic(log_path, _csv(LOG_COLUMNS, _log_rows(found, results)))
    key_path = None
    if options.key_path is not None:
        key_path = Path(options.key_path)
        write_text_atomic(key_path, _csv(KEY_COLUMNS, _key_rows(found, results)))
    return BatchResult(results, log_path, key_path, used_register=not register.is_empty)


# ---------------------------------------------------------------- step 1: find (runs in a worker)

@dataclass
class _Found:
    source: Path
    digest: str = ""
    labels: list[str] = field(default_factory=list)
    spans: list[list[Span]] = field(default_factory=list)
    name_spans: list[Span] = field(default_factory=list)
    label_spans: dict[str, list[Span]] = field(default_factory=dict)
    tokens: dict[int, tuple[str, str]] = field(default_factory=dict)
    removed: Counter[str] = field(default_factory=Counter)
    error: str | None = None


class _DeferredLabeller(Labeller):
    """Hands out placeholders and remembers what each stands for; step 2 turns them into real labels."""

    def __init__(self) -> None:
        super().__init__()
        self.issued: dict[int, tuple[str, str]] = {}

    def label(self, entity_type: str, text: str) -> str:
        number = len(self.issued) + 1
        self.issued[number] = (entity_type, text)
        return f"\ue000{number}\ue001"


_WORKER: dict[str, object] = {}


def _init_worker(register: Register, settings: AnonymiserSettings) -> None:
    # An exception escaping a pool initializer makes the pool restart the worker for ever; keep it and
    # raise it from the first job instead, so the batch stops with the real reason (fail closed).
    try:
        from .engine import Anonymiser

        labeller = _DeferredLabeller()
        _WORKER["labeller"] = labeller
        _WORKER["anonymiser"] = Anonymiser(register, settings=settings, labeller=labeller)
    except Exception as err:  # noqa: BLE001 - re-raised by the first job
        _WORKER["error"] = err


def _find_in_file(job: tuple[Path, str]) -> _Found:
    path, dates = job
    if "error" in _WORKER:
        raise _WORKER["error"]  # type: ignore[misc]
    found = _Found(path)
    try:
        document = open_document(path, dates=dates)
    except ScrError as err:
        found.error = _reason(err, path)
        return found
    except Exception as err:  # a damaged file must not stop the batch; we say what went wrong
        logger.exception("Could not read %s", path)
        found.error = f"could not be read ({type(err).__name__}: {err})"
        return found
    anonymiser = _WORKER["anonymiser"]
    texts = [loc.search_text for loc in document.locations]
    found.labels = [loc.label for loc in document.locations]
    found.digest = _digest(texts)
    found.removed = document.removed
    # Labels that quote something from the file (a sheet or picture name) must not carry it into the log.
    quoted = sorted({loc.label for loc in document.locations if loc.label_quotes_text})
    stem = _spaced(path.stem)
    try:
        results = anonymiser.find_many(texts + [stem] + [_spaced(label) for label in quoted])  # type: ignore[attr-defined]
    except ModelUnavailable:
        raise
    except Exception as err:
        logger.exception("Searching %s failed", path)
        found.error = f"could not be searched for names ({type(err).__name__}: {err})"
        return found
    found.spans = [[_span(r) for r in spans] for spans in results[: len(texts)]]
    found.name_spans = [_span(r) for r in results[len(texts)]]
    found.label_spans = {label: [_span(r) for r in spans] for label, spans in zip(quoted, results[len(texts) + 1:])}
    issued = _WORKER["labeller"].issued  # type: ignore[attr-defined]
    used = {int(n) for spans in [*found.spans, found.name_spans, *found.label_spans.values()] for s in spans
            for n in _TOKEN.findall(s.replacement)}
    found.tokens = {n: issued[n] for n in used}
    return found


def _span(r) -> Span:
    return Span(r.start, r.end, r.original, r.replacement, r.entity_type, r.source)


def _spaced(stem: str) -> str:
    """File names use _ and - between words; the name finder needs spaces (same length, same offsets)."""
    return stem.replace("_", " ").replace("-", " ")


def _digest(texts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for text in texts:
        h.update(text.encode("utf-8", "surrogatepass") + b"\x00")
    return h.hexdigest()


# ---------------------------------------------------------------- step 2: labels (here, in order)

def _assign_labels(found: list[_Found]) -> None:
    labeller = Labeller()
    for item in found:
        if item.error:
            continue
        final: dict[int, str] = {}

        def resolve(span: Span) -> Span:
            def swap(match: re.Match[str]) -> str:
                number = int(match.group(1))
                if number not in final:
                    final[number] = labeller.label(*item.tokens[number])
                return final[number]

            return span if "\ue000" not in span.replacement else Span(
                span.start, span.end, span.original, _TOKEN.sub(swap, span.replacement), span.entity_type, span.source
            )

        item.spans = [[resolve(s) for s in spans] for spans in item.spans]
        item.name_spans = [resolve(s) for s in item.name_spans]
        item.label_spans = {k: [resolve(s) for s in v] for k, v in item.label_spans.items()}


def _replace(text: str, spans: Sequence[Span]) -> str:
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        text = text[: span.start] + span.replacement + text[span.end:]
    return text


def _output_names(found: list[_Found]) -> list[str]:
    taken: set[str] = set()
    names: list[str] = []
    for item in found:
        stem = _UNSAFE_IN_NAMES.sub("", _replace(item.source.stem, item.name_spans)).strip(" .") or "document"
        name, counter = f"{stem}{item.source.suffix.lower()}", 2
        while name.lower() in taken or name == LOG_NAME:
            name, counter = f"{stem} ({counter}){item.source.suffix.lower()}", counter + 1
        taken.add(name.lower())
        names.append(name)
    return names


# ---------------------------------------------------------------- step 3: write (runs in a worker)

def _write_file(job: tuple[_Found, Path, str]) -> FileResult:
    found, target, dates = job
    result = FileResult(found.source, removed=found.removed)
    if found.error:
        result.error = found.error
        return result
    try:
        document = open_document(found.source, dates=dates)
        if _digest(loc.search_text for loc in document.locations) != found.digest:
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


def _reason(err: ScrError, path: Path) -> str:
    text = str(err)
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text


# ---------------------------------------------------------------- logs

def _log_rows(found: list[_Found], results: list[FileResult]) -> Iterator[tuple[str, ...]]:
    for item, result in zip(found, results):
        if result.output is None:
            continue
        name = result.output.name
        for what, count in sorted(item.removed.items()):
            yield name, "whole file", what, f"{count} removed", "cleaning"
        if item.name_spans:
            yield from ((name, "file name", s.entity_type, s.replacement, s.source) for s in item.name_spans)
        for label, spans in zip(item.labels, item.spans):
            safe = _replace(label, item.label_spans.get(label, ()))
            yield from ((name, safe, s.entity_type, s.replacement, s.source) for s in spans)


def _key_rows(found: list[_Found], results: list[FileResult]) -> Iterator[tuple[str, ...]]:
    for item, result in zip(found, results):
        if result.output is None:
            continue
        for s in item.name_spans:
            yield str(item.source), "file name", s.entity_type, s.original, s.replacement, s.source
        for label, spans in zip(item.labels, item.spans):
            yield from ((str(item.source), label, s.entity_type, s.original, s.replacement, s.source) for s in spans)


def _csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


# ---------------------------------------------------------------- workers

class _Runner:
    """Runs step functions in this process (workers=1) or in a pool whose processes each load the model once."""

    def __init__(self, register: Register, settings: AnonymiserSettings, workers: int) -> None:
        self.register, self.settings, self.workers = register, settings, workers
        self.pool = None

    def __enter__(self) -> _Runner:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if self.workers > 1:
            # Each worker is one process on one core: numerical libraries must not start a thread per core
            # in every worker as well, or the workers fight over the cores (read when numpy first loads).
            for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(variable, "1")
        if self.workers == 1 or method == "fork":
            # Built once here; forked workers share the loaded model copy-on-write instead of each loading it.
            _init_worker(self.register, self.settings)
            if "error" in _WORKER:
                error = _WORKER.pop("error")
                _WORKER.clear()
                raise error  # type: ignore[misc]
        if self.workers > 1:
            context = multiprocessing.get_context(method)
            if method == "fork":
                self.pool = context.Pool(self.workers)
            else:
                self.pool = context.Pool(self.workers, initializer=_init_worker,
                                         initargs=(self.register, self.settings))
        return self

    def map(self, fn, jobs: list) -> Iterator:
        if self.pool is None:
            return map(fn, jobs)
        return self.pool.imap(fn, jobs, chunksize=1)

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.close() if exc[0] is None else self.pool.terminate()
            self.pool.join()
        _WORKER.clear()
