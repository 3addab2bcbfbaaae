"""`scr check`: the publication checker. Parses options, calls pipeline.check.check_paths, prints."""
from __future__ import annotations

import click

from ..errors import ChecksBlocked, UsageError


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option("--case", "case_dir", type=click.Path(exists=True, file_okay=False), help="Case folder: its register, named people and recommendations.")
@click.option("--register", "register_file", type=click.Path(exists=True, dir_okay=False), help="Standalone register file (YAML or JSON) instead of a case folder.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="How to print the report.")
@click.option("--show", is_flag=True, help="Print the personal text that was found instead of masking it (P**** H****).")
@click.option("--rules", "rules_file", type=click.Path(exists=True, dir_okay=False), help="A board's own rules file (which rules run, and their severity).")
@click.option("--list-rules", is_flag=True, help="List every rule with its code and what it looks for, then stop.")
def command(paths: tuple[str, ...], case_dir: str | None, register_file: str | None, output_format: str, show: bool,
            rules_file: str | None, list_rules: bool) -> None:
    """Check Word, Excel and PDF files before they are published or sent to Ofsted.

    Looks for names and other identifiers left in (including comments, tracked changes, hidden text,
    document properties and file names), and for the statutory content of the Executive Summary and the
    action plan. Found personal text is masked in the report unless --show is given.

    Exit code 0 when nothing blocks publication, 1 when something does, 2 on bad usage.

    Example:  scr check out/publication --case samples/child-a --format json
    """
    from ..check import check_paths, load_rule_config
    from ..check.rules import RULES

    config = load_rule_config(rules_file)
    if list_rules:
        for code in sorted(RULES):
            rule = RULES[code]
            state = "" if code in config.enabled else "  (switched off)"
            severity = config.severity.get(code, rule.severity)
            click.echo(f"{code}  {severity:<5}  {rule.category:<16}  {rule.description}{state}")
        return
    if not paths:
        raise UsageError("Name at least one file or folder to check, e.g. 'scr check out/publication'.")
    if case_dir and register_file:
        raise UsageError("Give either --case or --register, not both: a case folder already has its register.")
    case = register = None
    if case_dir:
        from ..case import load_case

        case = load_case(case_dir)
    elif register_file:
        from ..register import load_register

        register = load_register(register_file)
    report = check_paths(paths, register=register, case=case, config=config)
    if output_format == "json":
        click.echo(report.to_json(show=show), nl=False)
    else:
        click.echo(report.to_text(show=show), nl=False)
    if not report.passed:
        raise ChecksBlocked(report.blocking + len(report.failed), sum(1 for f in report.files if not f.passed))
