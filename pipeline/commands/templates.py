"""`scr templates check`: find template mistakes (syntax, fields the data does not provide) before rendering."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import TemplateProblem
from ..render.template_check import check_templates


@click.group("templates")
def command() -> None:
    """Work with the Word templates the reports and letters are rendered from."""


@command.command("check")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def check(directory: Path) -> None:
    """Check every Word template in DIRECTORY (and its sub-folders).

    Reports each template syntax error and each field a template uses that the pipeline does not provide
    (for example a misspelt {{ board.nmae }}), with the template's file and the text around the mistake.
    Exit 0 when all templates are fine, 1 when any has a problem.

    Example:  scr templates check templates/reports
    """
    findings = check_templates(directory)
    errors = [finding for finding in findings if finding.error]
    for finding in findings:
        click.secho(str(finding), fg="red" if finding.error else None, err=finding.error)
    templates = sorted({finding.template for finding in errors})
    if errors:
        raise TemplateProblem(directory, f"{len(errors)} problem(s) in {len(templates)} template(s), listed above")
    click.echo(f"All templates in {directory} are fine.")
