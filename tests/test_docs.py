"""Meta-tests that keep the project honest: every command has help with an example and is in the README,
every schema is valid, the README opens with the two commands that set everything up."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "scr") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(main)


def test_there_are_commands() -> None:
    assert "scr validate" in [path for path, _ in COMMANDS]


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path: str, command: click.Command) -> None:
    assert command.help and command.help.strip(), f"{path} has no help text"
    assert command.get_short_help_str(), f"{path} has no one-line description"
    if not isinstance(command, click.Group):
        assert "Example" in command.help, f"{path}'s help has no example"
    result = CliRunner().invoke(main, [*path.split()[1:], "--help"])
    assert result.exit_code == 0


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_is_in_the_readme(path: str, command: click.Command) -> None:
    assert f"`{path}" in README or f"\n{path} " in README or f"$ {path}" in README, f"README does not show {path}"


def test_readme_commands_exist() -> None:
    known = {path for path, _ in COMMANDS}
    used = set(re.findall(r"^\s*(?:\$ )?(scr [a-z-]+(?: [a-z-]+)?)", README, flags=re.M))
    for usage in used:
        assert usage in known or usage.rsplit(" ", 1)[0] in known, f"README shows '{usage}', which is not a command"


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```", 2)[1]
    lines = [line.strip() for line in first_block.strip().splitlines() if line.strip() and not line.startswith("#")]
    assert lines[:2] == ["make demo", "make test"]


def test_readme_documents_exit_codes() -> None:
    for code in ("0", "1", "2"):
        assert re.search(rf"\|\s*{code}\s*\|", README), f"exit code {code} is not in the README's table"


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    for name in main.commands:
        assert name in result.output


@pytest.mark.parametrize("schema", sorted((ROOT / "schemas").glob("*.json")), ids=lambda p: p.name)
def test_schemas_are_valid_and_described(schema: Path) -> None:
    data = json.loads(schema.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(data)
    assert data.get("$schema", "").endswith("2020-12/schema")
    assert data.get("description"), f"{schema.name} has no description a person can read"
