"""The `scr` command. Thin by design: each command parses options, calls one library function and prints.

Errors become exit codes here and nowhere else: 0 success, 1 a problem with the input (or the checker
found something blocking), 2 bad usage. Commands live in `pipeline/commands/`, one module each.
"""
from __future__ import annotations

import logging
import sys

import click

from . import __version__
from .errors import ScrError


class ScrGroup(click.Group):
    """Turns every ScrError raised by a command into its message and exit code."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except ScrError as err:
            click.secho(f"Error: {err}", fg="red", err=True)
            ctx.exit(err.exit_code)


@click.group(cls=ScrGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="scr")
@click.option("-v", "--verbose", is_flag=True, help="Show what each stage is doing.")
def main(verbose: bool) -> None:
    """Serious Case Review documents: validate a case folder, render the reports and letters,
    anonymise, check and build the publication pack.

    Start with:  scr validate samples/child-a
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")


def _register_commands() -> None:
    # One line per command module; each module defines exactly one click command or group.
    from .commands import validate as _validate
    from .commands import timeline as _timeline
    from .commands import letters as _letters
    from .commands import anonymise as _anonymise
    from .commands import check as _check
    from .commands import build as _build
    from .commands import render as _render
    from .commands import templates as _templates

    for module in (_validate, _timeline, _letters, _anonymise, _check, _build, _render, _templates):
        main.add_command(module.command)


_register_commands()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
