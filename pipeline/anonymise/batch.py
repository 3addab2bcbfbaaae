"""Anonymising a batch of files: the same person gets the same label in every file, whatever the workers.

Four steps, so that nothing depends on which worker handled which file (see batch_worker.py):
1. find (in parallel): each file is opened, cleaned and searched from a clean start. People not in the
   register get placeholder labels; the names the engine learned are reported.
2. share (in parallel, usually few texts): texts where a name learned in another file appears are searched
   again knowing all the batch's names, so "Blackwood" alone is caught wherever "Jennifer Blackwood" was
   found, in any file, whatever the order.
3. label (here, in input order): placeholders become "Person 1", "Person 2"... by walking the files,
   locations and matches in order.
4. write (in parallel): each file is opened again, the final replacements applied and the copy written
   atomically. A file that fails is reported; the others are still written.

The redaction log (no original text) always goes into the output folder. The re-identification key
(original -> replacement) is written only when asked for, and never into the output folder, because that
folder is what gets sent to Ofsted (§8.80).
"""
from __future__ import annotations

import csv
import io
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ProcessingFailed, UsageError
from ..fileio import ensure_separate, write_text_atomic
from ..register import Register
from .batch_worker import (
    TOKEN, WORKER, FileResult, Found, Learned, Span, find_in_file, init_worker, search_again, write_file,
)
from .formats import SUFFIXES
from .labels import Labeller, normalise_name
from .settings import AnonymiserSettings

logger = logging.getLogger(__name__)

LOG_NAME = "redaction-log.csv"
LOG_COLUMNS = ("file", "location", "entity_type", "replacement", "source")
KEY_COLUMNS = ("file", "location", "entity_type", "original", "replacement", "source")
_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

Progress = Callable[[str, int, int], None]
# How the log describes what cleaning did, where "removed" would be wrong.
_CLEANING_WORDS = {
    "insertions accepted": "kept as ordinary text", "author names": "replaced by 'Author'",
    "home folder paths": "shortened", "template paths": "shortened to the file name",
    "dates": "changed as --dates asks",
}


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs. `register` None means no register: names are found by the language model and
    patterns only (the command says so)."""

    out_dir: Path
    register: Register | None = None
    settings: AnonymiserSettings = field(default_factory=AnonymiserSettings)
    key_path: Path | None = None
    workers: int = 1


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
        found: list[Found] = []
        for done, item in enumerate(run.map(find_in_file, [(p, options.settings.dates) for p in files]), 1):
            found.append(item)
            report("Finding names", done, len(files))
        _share_learned_names(found, run)
        _assign_labels(found)
        names = _output_names(found)
        jobs = [(f, out_dir / name) for f, name in zip(found, names)]
        results: list[FileResult] = []
        for done, result in enumerate(run.map(write_file, [(f, target, options.settings.dates) for f, target in jobs]), 1):
            results.append(result)
            report("Writing", done, len(files))

    log_path = out_dir / LOG_NAME
    write_text_atomic(log_path, _csv(LOG_COLUMNS, _log_rows(found, results)))
    key_path = None
    if options.key_path is not None:
        key_path = Path(options.key_path)
        write_text_atomic(key_path, _csv(KEY_COLUMNS, _key_rows(found, results)))
    return BatchResult(results, log_path, key_path, used_register=not register.is_empty)


# ---------------------------------------------------------------- step 2: share learned names

def _share_learned_names(found: list[Found], run: _Runner) -> None:
    from .recognisers.known_names import KnownNames

    batch: list[Learned] = list(dict.fromkeys(item for f in found for item in f.learned))
    names = KnownNames()
    for written, single in batch:
        names.learn(written, single=single)
    if not len(names):
        return
    jobs: list[tuple[list[str], list[Learned]]] = []
    targets: list[tuple[Found, list[int]]] = []
    for item in found:
        if item.error:
            continue
        # Only texts where a learned name appears outside what is already replaced need another look.
        indices = [
            i for i, text in enumerate(item.queries)
            if any(not _covered(start, end, item.results[i]) for start, end in names.find(text))
        ]
        if indices:
            jobs.append(([item.queries[i] for i in indices], batch))
            targets.append((item, indices))
    for (item, indices), (results, tokens) in zip(targets, run.map(search_again, jobs)):
        for index, spans in zip(indices, results):
            item.results[index] = spans
        item.tokens.update(tokens)


def _covered(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(span.start <= start and end <= span.end for span in spans)


# ---------------------------------------------------------------- step 3: labels (here, in order)

def _assign_labels(found: list[Found]) -> None:
    labeller = Labeller()
    # Full names first, in reading order: then a bare "Jennifer" or "Blackwood" met earlier in the batch
    # is recognised as the same person rather than given a label of its own.
    for item in found:
        for spans in item.results:
            for span in spans:
                for key in TOKEN.findall(span.replacement):
                    entity_type, text = item.tokens[key]
                    if len(normalise_name(text).split()) >= 2:
                        labeller.label(entity_type, text)
    for item in found:
        if item.error:
            continue
        final: dict[str, str] = {}

        def resolve(span: Span, item: Found = item, final: dict[str, str] = final) -> Span:
            def swap(match: re.Match[str]) -> str:
                key = match.group(1)
                if key not in final:
                    final[key] = labeller.label(*item.tokens[key])
                return final[key]

            return span if "\ue000" not in span.replacement else Span(
                span.start, span.end, span.original, TOKEN.sub(swap, span.replacement), span.entity_type, span.source
            )

        # Locations first, in document order, then the file name: the order a reader meets the names.
        item.results = [[resolve(s) for s in spans] for spans in item.results]


def _replace(text: str, spans: Sequence[Span]) -> str:
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        text = text[: span.start] + span.replacement + text[span.end:]
    return text


def _output_names(found: list[Found]) -> list[str]:
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


# ---------------------------------------------------------------- logs

def _log_rows(found: list[Found], results: list[FileResult]) -> Iterator[tuple[str, ...]]:
    for item, result in zip(found, results):
        if result.output is None:
            continue
        name = result.output.name
        for what, count in sorted(item.removed.items()):
            yield name, "whole file", what, f"{count} {_CLEANING_WORDS.get(what, 'removed')}", "cleaning"
        if item.name_spans:
            yield from ((name, "file name", s.entity_type, s.replacement, s.source) for s in item.name_spans)
        for label, spans in zip(item.labels, item.spans):
            safe = _replace(label, item.label_spans.get(label, ()))
            yield from ((name, safe, s.entity_type, s.replacement, s.source) for s in spans)


def _key_rows(found: list[Found], results: list[FileResult]) -> Iterator[tuple[str, ...]]:
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
            init_worker(self.register, self.settings)
            if "error" in WORKER:
                error = WORKER.pop("error")
                WORKER.clear()
                raise error  # type: ignore[misc]
        if self.workers > 1:
            context = multiprocessing.get_context(method)
            if method == "fork":
                self.pool = context.Pool(self.workers)
            else:
                self.pool = context.Pool(self.workers, initializer=init_worker,
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
        WORKER.clear()
