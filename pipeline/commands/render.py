"""`scr render`: write the Overview Report, Executive Summary, action plan and chronology for a case."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..case import load_case
from ..render.reports import REPORTS, render_reports
from .timeline import UK_DATE


@click.command("render")
@click.argument("case_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the documents (created if needed; must not be inside the case folder).")
@click.option("--only", "only", multiple=True, metavar="NAME",
              help=f"Only this document: {', '.join(REPORTS)} (or overview, summary, actions, chronology). "
                   "Repeat for more than one.")
@click.option("--pdf", is_flag=True, help="Also write a PDF of each Word document (needs LibreOffice).")
@click.option("--templates", "templates_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with the board's own copies of the report templates (default: templates/reports).")
@click.option("--draft", is_flag=True, help="Mark every page DRAFT and the cover 'not for circulation'.")
@click.option("--date", "cover_date", type=UK_DATE, help="Date on the cover page, DD/MM/YYYY (default: today).")
def command(case_dir: Path, out_dir: Path, only: tuple[str, ...], pdf: bool, templates_dir: Path | None,
            draft: bool, cover_date: dt.date | None) -> None:
    """Write the reports for a case in Word (and PDF): overview-report.docx, executive-summary.docx,
    action-plan.docx, multi-agency-chronology.docx and multi-agency-chronology.xlsx.

    Each document has a cover page, the protective marking in every header and footer, page numbers and
    (for the two reports) a contents page that Word updates when the file is opened. Existing files in the
    output folder are replaced only once the new file is complete; the case folder is never changed.

    Example:  scr render samples/child-a --out out/reports --draft --pdf
    """
    case = load_case(case_dir)
    result = render_reports(case, out_dir, only=only, pdf=pdf, templates_dir=templates_dir, draft=draft,
                            today=cover_date)
    for path in result.written:
        click.echo(f"wrote {path}")
    for warning in result.warnings:
        click.secho(f"Warning: {warning}", fg="yellow", err=True)
    if result.warnings:
        click.echo(f"{len(result.warnings)} section(s) still to write: see the warnings above.", err=True)
