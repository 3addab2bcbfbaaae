"""Render the reports from a case: Overview Report, Executive Summary, Multi-Agency Action Plan, chronology.

Entry point: ``render_reports(case, out_dir, only=(), pdf=False, templates_dir=None, draft=False) -> RenderResult``
(what `scr render` calls). Each report is its Word template (templates/reports/<name>.docx, or a board's copy
in ``templates_dir``) rendered with the strict environment (`docx_template.render_template`), then the
generated text is written at the template's ``{{ body }}`` paragraph and a contents list at ``{{ contents }}``.

Each output is written atomically; a report that fails is listed in a ``ProcessingFailed`` error after the
others have been written, so one bad template never stops or damages the rest. Inputs are only read.

File names, titles and subjects are a contract with the publication checker: see `REPORTS`.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..case.model import Board, Case, Officer, Review
from ..errors import ProcessingFailed, ScrError, TemplateProblem, UsageError
from ..fileio import ensure_separate
from .action_plan import build_action_plan
from .chronology import build_chronology, write_chronology_xlsx
from .docx_build import BodyWriter, add_toc, request_field_update
from .docx_template import render_template
from .overview import build_executive_summary, build_overview
from .sections import Notes, officer_line

log = logging.getLogger(__name__)

DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "reports"
BODY_MARKER = "[[scr:report-body]]"
CONTENTS_MARKER = "[[scr:contents]]"

# Every field a report template may use, with its type: `scr templates check` compares templates with this.
REPORT_FIELDS: dict[str, type] = {
    "case": Case, "board": Board, "review": Review,
    "chair": Officer, "panel_chair": Officer, "overview_author": Officer,
    "document_title": str, "prepared_by": str, "version": str, "date": dt.date, "marking": str, "draft": bool,
    "body": str, "contents": str,
}


@dataclass(frozen=True)
class ReportSpec:
    name: str                      # file stem, also the --only name
    title: str                     # core property `title` and the cover's document title
    build: Callable[[BodyWriter, Case, Notes], None]
    prepared_by: Callable[[Case], str]
    spreadsheet: bool = False      # also write <name>.xlsx


def _author(case: Case) -> str:
    return officer_line(case.overview_author)


def _panel(case: Case) -> str:
    return f"Serious Case Review Panel, {case.board.short_name or case.board.name}"


def _business_manager(case: Case) -> str:
    # The business manager compiles the chronology (§8.67) but is not one of the three people who may be named.
    return f"{case.board.business_manager.job_title}, {case.board.short_name or case.board.name}"


REPORTS: dict[str, ReportSpec] = {
    spec.name: spec
    for spec in (
        ReportSpec("overview-report", "Overview Report", lambda w, c, n: build_overview(w, c, n), _author),
        ReportSpec("executive-summary", "Executive Summary", lambda w, c, n: build_executive_summary(w, c, n), _author),
        ReportSpec("action-plan", "Multi-Agency Action Plan", lambda w, c, n: build_action_plan(w, c, n), _panel),
        ReportSpec("multi-agency-chronology", "Multi-Agency Chronology", lambda w, c, n: build_chronology(w, c, n),
                   _business_manager, spreadsheet=True),
    )
}
ALIASES = {"overview": "overview-report", "summary": "executive-summary", "executive": "executive-summary",
           "actions": "action-plan", "chronology": "multi-agency-chronology"}


@dataclass
class RenderResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def select_reports(only: Iterable[str] = ()) -> list[ReportSpec]:
    """The reports named in `only` (file stems or short names), in the standard order; all when empty."""
    wanted = []
    for name in only:
        key = ALIASES.get(name.strip().lower(), name.strip().lower())
        if key.endswith(".docx") or key.endswith(".xlsx"):
            key = key[:-5]
        if key not in REPORTS:
            raise UsageError(f"There is no report called '{name}'. Choose from: {', '.join(REPORTS)}.")
        wanted.append(key)
    return [spec for name, spec in REPORTS.items() if not wanted or name in wanted]


def template_path(spec: ReportSpec, templates_dir: Path | None = None) -> Path:
    folder = Path(templates_dir) if templates_dir else DEFAULT_TEMPLATES
    path = folder / f"{spec.name}.docx"
    if not path.is_file():
        raise TemplateProblem(
            path, "the template file is missing",
            hint=f"Copy {DEFAULT_TEMPLATES / path.name} into {folder} and adapt it, or leave out --templates.",
        )
    return path


def marking_for(case: Case, draft: bool) -> str:
    marking = case.board.protective_marking or "OFFICIAL-SENSITIVE"
    return f"DRAFT \u2013 {marking}" if draft else marking


def report_context(case: Case, spec: ReportSpec, *, draft: bool = False, today: dt.date | None = None) -> dict[str, object]:
    context: dict[str, object] = {
        "case": case, "board": case.board, "review": case.review,
        "chair": case.chair, "panel_chair": case.panel_chair, "overview_author": case.overview_author,
        "document_title": spec.title, "prepared_by": spec.prepared_by(case),
        "version": "Draft" if draft else "Final", "date": today or dt.date.today(),
        "marking": marking_for(case, draft), "draft": draft,
        "body": BODY_MARKER, "contents": CONTENTS_MARKER,
    }
    assert set(context) == set(REPORT_FIELDS), "REPORT_FIELDS must list exactly what templates receive"
    return context


def _anchor(doc: DocumentObject, marker: str) -> Paragraph | None:
    for paragraph in doc.paragraphs:
        if marker in paragraph.text:
            return paragraph
    return None


def _check_marking(doc: DocumentObject, marking: str, template: Path) -> None:
    """Fail closed: a board's template that lost the marking from a header or footer must not go out unmarked.

    Reads the parts through the relationships, because docxtpl swaps in the rendered header and footer parts
    behind python-docx's cached `section.header`.
    """
    rels = doc.part.rels
    for label in ("header", "footer"):
        refs = doc.element.body.xpath(f".//w:sectPr/w:{label}Reference")
        texts = ["".join(rels[ref.get(qn("r:id"))].target_part.element.xpath(".//w:t/text()")) for ref in refs]
        if not texts or any(marking not in text for text in texts):
            raise TemplateProblem(
                template, f"the {label} does not show the protective marking ({marking})",
                hint=f"Put {{{{ marking }}}} in the {label} of the template (in Word: Insert > {label.title()}).",
            )


def _finisher(case: Case, spec: ReportSpec, template: Path, notes: Notes, marking: str) -> Callable[[DocumentObject], None]:
    def finish(doc: DocumentObject) -> None:
        _check_marking(doc, marking, template)
        body = _anchor(doc, BODY_MARKER)
        if body is None or body.text.strip() != BODY_MARKER:
            raise TemplateProblem(
                template, "needs a paragraph containing only {{ body }}, where the report's text is written",
                hint="Open the template in Word and put {{ body }} on a line of its own after the cover page.",
            )
        writer = BodyWriter(doc, body)
        spec.build(writer, case, notes)
        contents = _anchor(doc, CONTENTS_MARKER)
        if contents is not None:
            add_toc(BodyWriter(doc, contents), writer.headings)
            contents._p.getparent().remove(contents._p)
        body._p.getparent().remove(body._p)
        request_field_update(doc)
        props = doc.core_properties
        props.title = spec.title
        props.subject = f"Serious Case Review: {case.review.child_pseudonym}"
        # A person's name in the properties would leak through anonymisation; the board is the author.
        props.author = props.last_modified_by = case.board.short_name or case.board.name
        props.comments = ""
        props.category = "Serious Case Review"
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        props.revision = 1
    return finish


def render_report(case: Case, spec: ReportSpec, out_dir: Path, *, templates_dir: Path | None = None,
                  draft: bool = False, today: dt.date | None = None, notes: Notes | None = None) -> list[Path]:
    """Write one report (and its spreadsheet); returns the files written."""
    notes = notes if notes is not None else []
    template = template_path(spec, templates_dir)
    target = out_dir / f"{spec.name}.docx"
    render_template(template, report_context(case, spec, draft=draft, today=today), target,
                    finish=_finisher(case, spec, template, notes, marking_for(case, draft)))
    written = [target]
    if spec.spreadsheet:
        written.append(write_chronology_xlsx(case, out_dir / f"{spec.name}.xlsx", marking=marking_for(case, draft)))
    return written


def render_reports(
    case: Case,
    out_dir: str | Path,
    *,
    only: Iterable[str] = (),
    pdf: bool = False,
    templates_dir: str | Path | None = None,
    draft: bool = False,
    today: dt.date | None = None,
) -> RenderResult:
    """Render the chosen reports into `out_dir`; with `pdf`, also a PDF of each Word document."""
    specs = select_reports(only)
    out = Path(out_dir)
    inputs: list[str | Path] = [case.path] + ([templates_dir] if templates_dir else [])
    ensure_separate(out, inputs)
    if out.exists() and not out.is_dir():
        raise UsageError(f"The output folder {out} is a file; give a folder for the documents.")
    templates = Path(templates_dir) if templates_dir else None
    if templates is not None and not templates.is_dir():
        raise UsageError(f"The templates folder {templates} does not exist.")
    result = RenderResult()
    failures: list[tuple[str, str]] = []
    for spec in specs:
        try:
            result.written += render_report(case, spec, out, templates_dir=templates, draft=draft, today=today,
                                            notes=result.warnings)
        except ScrError as err:
            log.debug("rendering %s failed", spec.name, exc_info=True)
            failures.append((f"{spec.name}.docx", str(err)))
        except OSError as err:
            # Disk full, no permission, or the file is open in Word on a shared drive: the old file is kept.
            failures.append((f"{spec.name}.docx", f"could not be written ({err.strerror or err}); close it if it "
                                                  "is open in Word and check the folder can be written to"))
    if pdf:
        from .pdf import convert_to_pdf

        docx = [path for path in result.written if path.suffix == ".docx"]
        try:
            result.written += convert_to_pdf(docx, out)
        except ScrError as err:
            if not failures:
                raise
            failures.append(("PDF copies", str(err)))
    if failures:
        raise ProcessingFailed(failures, action="rendered")
    return result
