"""`check_paths`: the publication checker's entry point. Opens every file read-only, runs the configured
rules over it, and returns a CheckReport; the caller decides what to print and which exit code to give."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputFileError, ScrError, UsageError
from ..register import Register
from .config import RuleConfig, load_rule_config
from .context import CheckContext
from .documents import SUFFIXES, CheckedDocument, open_document
from .report import CheckReport, FileResult
from .rules.base import run_rule

if TYPE_CHECKING:
    from ..case import Case

logger = logging.getLogger(__name__)


def _is_redaction_log(path: Path) -> bool:
    from ..anonymise.batch import LOG_NAME

    return path.name == LOG_NAME


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files to check: each named file, and every file under each named folder.

    A folder's files are all returned, whatever their type: a file the checker cannot read is reported as
    not checked (and blocks), never skipped, because everything in a publication folder gets sent.
    Word's lock files (~$...), hidden files and the anonymiser's redaction log (which holds no original
    text, and is for the board's records) are left out.
    """
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(("~$", ".")) and not _is_redaction_log(p)
            )
            if not inside:
                raise UsageError(f"{path} is empty: there is nothing to check.")
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise UsageError(f"{path}: '{path.suffix or 'no extension'}' files cannot be checked; scr check "
                                 f"reads {', '.join(SUFFIXES)} files.")
            found.append(path)
        else:
            raise UsageError(f"{path} does not exist. Check the spelling of the path.")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def check_paths(
    paths: Iterable[str | Path],
    *,
    register: Register | None = None,
    case: Case | None = None,
    config: RuleConfig | None = None,
    anonymiser: Any = None,
) -> CheckReport:
    """Check files (or folders of them) for anything that must not be published.

    register: who must not be named (a standalone register file); `case` supplies its own register,
        plus the Chair, Panel Chair, Overview author and recommendations for the statutory content rules.
    config: which rules run (default: rules.yaml shipped with scr).
    anonymiser: an already-loaded pipeline.anonymise.engine.Anonymiser to reuse; otherwise one is built
        for the register when the first file needs it. If its language model cannot be loaded the check
        stops with ModelUnavailable: a check without name recognition would pass files it should not.
    """
    config = config or load_rule_config()
    if case is not None and register is None:
        register = case.register
    notes = []
    if register is None or register.is_empty:
        register = register or Register()
        notes.append("No register was given: names were looked for by name recognition and patterns only. "
                     "Give --case or --register to find every name and nickname of the people in the case.")
    paths = list(paths)
    files = collect_files(paths)
    logs = [p for item in paths if Path(item).is_dir() for p in Path(item).rglob("*") if _is_redaction_log(p)]
    notes += [f"{log} was not checked: it is the anonymiser's redaction log, kept for the board's records. Do "
              "not publish it." for log in logs]
    documents: list[CheckedDocument] = []
    unreadable: dict[Path, str] = {}
    for path in files:
        try:
            documents.append(open_document(path))
        except InputFileError as err:
            unreadable[path] = err.reason + (f". {err.hint}" if err.hint else "")
    ctx = CheckContext(register=register, case=case, documents=documents,
                       anonymiser_factory=(lambda: anonymiser) if anonymiser is not None
                       else _factory(register, case.keep_terms if case is not None else ()))
    rules = config.rules()
    by_path = {doc.path: _check_one(doc, rules, ctx) for doc in documents}
    results = [by_path.get(path) or FileResult(str(path), path.suffix.lower().lstrip(".") or "unknown",
                                               error=unreadable[path]) for path in files]
    return CheckReport(results, [r.code for r in rules], register.source or ("case" if case else None), notes)


def _factory(register: Register, keep_terms: tuple[str, ...] = ()):
    # The checker must judge with the same settings the anonymiser used, or it blocks what was rightly kept.
    def build():
        from ..anonymise.engine import Anonymiser
        from ..anonymise.settings import AnonymiserSettings

        return Anonymiser(register, settings=AnonymiserSettings(keep_terms=keep_terms))

    return build


def _check_one(doc: CheckedDocument, rules, ctx: CheckContext) -> FileResult:
    result = FileResult(doc.display, doc.format)
    try:
        result.kind = doc.kind
        for rule in rules:
            result.findings.extend(run_rule(rule, doc, ctx))
    except InputFileError as err:
        result.findings.clear()
        result.error = err.reason + (f". {err.hint}" if err.hint else "")
    except ScrError:
        raise  # the model or the configuration failed: nothing can be checked, stop the whole run
    except Exception as err:  # one damaged file must not stop the batch; it is reported and blocks
        logger.exception("checking %s failed", doc.path)
        result.findings.clear()
        result.error = f"it could not be checked ({type(err).__name__}: {err}). Open it in Word, save a new copy and check again"
    result.findings.sort(key=lambda f: (f.severity != "block", f.code))
    return result
