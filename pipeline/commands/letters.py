"""`scr letters`: list the standard letters and render one for a case."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..case import load_case
from ..letters import load_catalogue, readiness, render_letter
from .timeline import UK_DATE


@click.group("letters")
def command() -> None:
    """The standard letters of a review: list them, and write them for a case.

    Each letter is a Word file per recipient with the Board's letterhead, reference, date, address block,
    protective marking, subject and the signature of the Business Manager or the Chair.
    """


@command.command("list")
@click.argument("case_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
def list_letters(case_dir: Path | None) -> None:
    """Print the catalogue: every letter with when it is sent, who gets it and the paragraph it follows.

    With CASE_DIR, also say whether the case has everything each letter needs, or which field to fill in.

    Example:  scr letters list samples/child-a
    """
    case = load_case(case_dir) if case_dir else None
    for letter in load_catalogue():
        click.secho(f"{letter.id}", bold=True, nl=False)
        click.echo(f"  {letter.title}")
        click.echo(f"    when:    {letter.when}")
        click.echo(f"    to:      {', '.join(letter.recipients)}{' (one, chosen with --to)' if letter.choose_one else ''}")
        click.echo(f"    signed:  {'LSCB Chair' if letter.signed_by == 'chair' else 'Business Manager'}")
        click.echo(f"    source:  {letter.source}")
        if letter.requires or letter.recipient_requires:
            click.echo(f"    needs:   {', '.join(letter.requires + letter.recipient_requires)}")
        if letter.states:
            click.echo(f"    states:  due date of {', '.join(letter.states)}")
        if case is not None:
            missing = readiness(letter, case)
            click.echo(f"    ready:   {'yes' if missing is None else 'no, ' + missing}")


@command.command("render")
@click.argument("letter_id")
@click.argument("case_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the letters (created if needed; must not be inside the case folder).")
@click.option("--to", "to", multiple=True, metavar="RECIPIENT",
              help="Only this recipient: an agency id, ofsted, dfe, sha, cqc, court, partner_board, family_contact, "
                   "chair or foi-N. Repeat for more than one.")
@click.option("--date", "letter_date", type=UK_DATE, help="Date printed on the letter (default: today).")
@click.option("--pdf", is_flag=True, help="Also write one combined PDF of all the copies, for printing (needs LibreOffice).")
def render(letter_id: str, case_dir: Path, out_dir: Path, to: tuple[str, ...], letter_date: dt.date | None,
           pdf: bool) -> None:
    """Write LETTER_ID for the case in CASE_DIR: one Word file per recipient, named by letter and recipient.

    A letter that needs a field the case does not have stops before anything is written and names the
    case.yaml field to fill in. Every file written is added to letters-log.csv in the output folder.

    Example:  scr letters render imr-author-request samples/child-a --out out/letters --date 27/09/2023
    """
    case = load_case(case_dir)
    result = render_letter(letter_id, case, out_dir, to=list(to) or None, letter_date=letter_date, pdf=pdf)
    for recipient, path in result.files:
        click.echo(f"Wrote {path}  ({recipient.label})")
    if result.pdf is not None:
        copies = len(result.files)
        click.echo(f"Wrote {result.pdf}  ({copies} {'copy' if copies == 1 else 'copies'} in one file, for printing)")
    click.echo(f"Logged in {result.log}")
    for warning in result.warnings:
        click.secho(f"Warning: {warning}", fg="yellow", err=True)
