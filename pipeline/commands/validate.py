"""`scr validate`: check a case folder (or a standalone register) and list every problem at once."""
from __future__ import annotations

from pathlib import Path

import click

from ..case import load_case
from ..register import load_register


@click.command("validate")
@click.argument("case_dir", type=click.Path(exists=True, file_okay=True, path_type=Path))
def command(case_dir: Path) -> None:
    """Check a case folder against the schemas and list every problem.

    CASE_DIR is the folder holding case.yaml (or a standalone register .yaml/.json file). Each problem names the
    file, the line (or spreadsheet row and column) and the field. Exit 0 when valid, 1 when not.

    Example:  scr validate samples/child-a
    """
    if case_dir.is_file():
        register = load_register(case_dir)
        click.echo(f"{case_dir} is a valid register: {len(register.people)} people, {len(register.places)} places.")
        return
    case = load_case(case_dir)
    click.echo(
        f"{case_dir} is valid: {len(case.agencies)} agencies, {len(case.chronology)} chronology entries, "
        f"{len(case.imrs)} IMRs, {len(case.recommendations)} recommendations with {len(case.actions)} actions, "
        f"{len(case.register.people)} people and {len(case.register.places)} places in the register."
    )
