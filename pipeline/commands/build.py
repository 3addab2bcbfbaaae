"""`scr build`: the main job, from a case folder to a checked publication pack."""
from __future__ import annotations

from pathlib import Path

import click

from ..build import build_pack
from ..errors import ChecksBlocked


@click.command("build")
@click.argument("case_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the pack: internal/, publication/ and the check reports.")
@click.option("--pdf", is_flag=True, help="Also write PDFs of the anonymised documents (needs LibreOffice).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 32),
              help="Processes to use for anonymisation.")
@click.option("--dates", type=click.Choice(["keep", "month", "remove"]), default="keep", show_default=True,
              help="What to do with dates in published documents (dates of birth are always removed).")
def command(case_dir: Path, out_dir: Path, pdf: bool, workers: int, dates: str) -> None:
    """Validate, render, anonymise and check: the publication pack in one step.

    Writes OUT/internal/ (named drafts and the re-identification key: never send these),
    OUT/publication/ (anonymised documents: what may be sent and published) and OUT/check-report.md and
    .json. Agency documents in the case's documents/ folder are anonymised too. Exit 1 if any publication
    file has a blocking finding.

    Example:  scr build samples/child-a --out out/pack --pdf
    """
    result = build_pack(case_dir, out_dir, pdf=pdf, workers=workers, dates=dates,
                        progress=lambda message: click.echo(f"- {message}", err=True))
    for note in result.notes:
        click.echo(f"Note: {note}", err=True)
    report = result.report
    assert report is not None
    click.echo(report.to_text())
    click.echo("")
    click.echo(f"Named drafts and key (internal use only): {out_dir / 'internal'}")
    click.echo(f"Publication pack:                         {out_dir / 'publication'}")
    click.echo(f"Check report:                             {result.report_md}")
    if report.exit_code:
        raise ChecksBlocked(report.blocking, report.summary()["files_blocked"])
