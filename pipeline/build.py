"""`build_pack`: the whole pipeline, from case folder to a publication pack that has passed the check.

    validate -> render named drafts (internal/) -> anonymise them and the agency documents (publication/)
             -> PDFs of the anonymised documents -> check publication/ -> check-report.json and .md

The named drafts and the re-identification key stay in `internal/`; only `publication/` is meant to leave
the board (§8.80, 8.82–8.85). The reports are rendered twice, once with an internal marking for the named
drafts and once with the case's own marking as the source of the anonymised copies, so that a published
document never carries a "names inside" marking and an internal one is never mistaken for a published one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .anonymise.batch import BatchOptions, anonymise_batch
from .anonymise.settings import AnonymiserSettings
from .case import Case, load_case
from .check.report import CheckReport
from .check.runner import check_paths
from .errors import ProcessingFailed
from .fileio import ensure_separate, write_text_atomic
from .render.reports import render_reports

log = logging.getLogger(__name__)

INTERNAL_MARKING = "INTERNAL – CONTAINS NAMES – NOT FOR PUBLICATION"
KEY_NAME = "re-identification-key.csv"
REPORT_JSON = "check-report.json"
REPORT_MD = "check-report.md"

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    out_dir: Path
    internal: list[Path] = field(default_factory=list)
    publication: list[Path] = field(default_factory=list)
    key_path: Path | None = None
    report_json: Path | None = None
    report_md: Path | None = None
    report: CheckReport | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return self.report.exit_code if self.report else 1


def _internal_case(case: Case) -> Case:
    marking = f"{case.board.protective_marking} – {INTERNAL_MARKING}"
    return dataclasses.replace(case, board=dataclasses.replace(case.board, protective_marking=marking))


def build_pack(
    case_dir: str | Path,
    out_dir: str | Path,
    *,
    pdf: bool = False,
    workers: int = 1,
    dates: str = "keep",
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Run every stage; raise on anything that stops the pack being made, return the check's verdict otherwise.

    Raises CaseInvalid (the case folder has problems), UsageError (the output folder is inside the case),
    ModelUnavailable (no anonymisation without the language model), ProcessingFailed (a document could not
    be rendered or anonymised: the pack would be incomplete).
    """
    say = progress or (lambda message: None)
    out = Path(out_dir)
    say(f"Validating {case_dir}")
    case = load_case(case_dir)
    ensure_separate(out, [case.path])
    internal, publication = out / "internal", out / "publication"
    result = BuildResult(out)

    say("Rendering the named drafts (internal/)")
    rendered = render_reports(_internal_case(case), internal, today=today)
    result.internal += rendered.written
    result.notes += rendered.warnings

    # The source of the published copies: same reports with the case's own marking, rendered outside the pack.
    staging = Path(tempfile.mkdtemp(prefix="scr-build-"))
    try:
        sources = render_reports(case, staging / "reports", today=today).written
        sources += case.documents
        # The previous pack's publication folder is replaced whole, so a document dropped from the case
        # does not linger in what is sent.
        if publication.exists():
            shutil.rmtree(publication)
        say(f"Anonymising {len(sources)} documents (publication/)")
        key_path = internal / KEY_NAME
        batch = anonymise_batch(
            sources,
            BatchOptions(out_dir=publication, register=case.register, key_path=key_path, workers=workers,
                         settings=AnonymiserSettings(dates=dates, keep_terms=case.keep_terms)),
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.key_path = batch.key_path
    # The redaction log is for the board's records, not for Ofsted: keep publication/ to the documents.
    if batch.log_path.exists():
        result.internal.append(Path(shutil.move(batch.log_path, internal / batch.log_path.name)))
    result.publication += [f.output for f in batch.files if f.output]
    if batch.failures:
        raise ProcessingFailed([(f.source.name, f.error or "") for f in batch.failures], action="anonymised")

    if pdf:
        from .render.pdf import convert_to_pdf

        say("Converting the anonymised documents to PDF")
        docx = [p for p in result.publication if p.suffix.lower() == ".docx"]
        result.publication += convert_to_pdf(docx, publication)

    say("Checking the publication folder")
    report = check_paths([publication], case=case)
    result.report = report
    result.report_json = out / REPORT_JSON
    result.report_md = out / REPORT_MD
    write_text_atomic(result.report_json, report.to_json())
    write_text_atomic(result.report_md, report.to_markdown(title=f"Publication check: {case.review.reference}"))
    return result
