"""`scr anonymise`: anonymised copies of Word, Excel, text and Markdown files, ready to send (§8.80, 8.82-8.84)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..anonymise.batch import BatchOptions, anonymise_batch
from ..anonymise.settings import DATE_MODES, AnonymiserSettings
from ..errors import UsageError


@click.command("anonymise")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the anonymised copies and the redaction log (not an input folder).")
@click.option("--case", "case_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Case folder: its register.yaml, with the Chair, Panel Chair and Overview author kept.")
@click.option("--register", "register_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A standalone register file (.yaml or .json) instead of a case folder.")
@click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the re-identification key (original -> replacement) here. Keep it secure; "
                   "it may not be inside --out.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Files processed at the same time (one per processor core is fastest).")
@click.option("--dates", type=click.Choice(DATE_MODES), default="keep", show_default=True,
              help="Ordinary dates: keep them, keep only month and year, or remove them. Dates of birth are "
                   "always removed.")
def command(paths: tuple[Path, ...], out_dir: Path, case_dir: Path | None, register_file: Path | None,
            key_path: Path | None, workers: int, dates: str) -> None:
    """Write anonymised copies of PATHS (files or folders of .docx, .xlsx, .txt, .md) into --out.

    People in the register become their pseudonym ("Child A"); other people become "Person 1", "Person 2"...,
    the same in every file of the batch. Comments, tracked changes, hidden text and document properties are
    cleaned; file names are anonymised too. The inputs are never changed. A redaction log (without the
    original names) is written to --out; the key only with --key.

    Example:  scr anonymise documents/ --out out/anonymised --case samples/child-a --key secure/key.csv
    """
    if case_dir and register_file:
        raise UsageError("Give either --case or --register, not both.")
    register = None
    keep_terms: tuple[str, ...] = ()
    if case_dir is not None:
        from ..case import load_case

        case = load_case(case_dir)
        register, keep_terms = case.register, case.keep_terms
    elif register_file is not None:
        from ..register import load_register

        register = load_register(register_file)
    if register is None or register.is_empty:
        click.secho(
            "Warning: no register was given, so only names the language model and the patterns recognise will be "
            "replaced. Use --case or --register so that every known person and place is caught.",
            fg="yellow", err=True,
        )
    options = BatchOptions(out_dir=out_dir, register=register, settings=AnonymiserSettings(dates=dates, keep_terms=keep_terms),
                           key_path=key_path, workers=workers)
    with _progress(len(paths)) as report:
        result = anonymise_batch(list(paths), options, progress=report)
    written = [f for f in result.files if f.output is not None]
    for item in written:
        click.echo(f"{item.source.name} -> {item.output}  ({item.replacements} replacements)")
    click.echo(f"{len(written)} file(s) written to {out_dir}; redaction log: {result.log_path}")
    if result.key_path is not None:
        click.echo(f"Re-identification key: {result.key_path} (keep it secure; do not send it)")
    result.raise_for_failures()


class _progress:
    """A progress bar on stderr for batches, only where a person is watching (or for several files)."""

    def __init__(self, arguments: int) -> None:
        self.arguments = arguments
        self.bar = None
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        return self.report

    def report(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            if not (sys.stderr.isatty() or total > 1):
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            # No auto-refresh thread: worker processes are forked, and forking beside a thread is unsafe.
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                console=Console(stderr=True), auto_refresh=False, transient=False)
            self.bar.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done)
        self.bar.refresh()

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
