"""The timeline rules: the standard timescales (templates/timeline-rules.yaml) with a board's own changes.

A board that has agreed a different timescale (say 8 weeks for IMR first drafts) puts a `timescales.yaml` in
its case folder listing only what differs; a rule with a new id adds a milestone. Both files are checked
against schemas/timeline-rules.schema.json, and every problem names the file and line.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CaseInvalid, Problem
from ..schema import Located, load_structured, schema_problems

log = logging.getLogger(__name__)

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "templates" / "timeline-rules.yaml"
BOARD_RULES_NAME = "timescales.yaml"
SCHEMA = "timeline-rules"
# A new milestone needs these; a change to an existing one needs only its id.
COMPLETE = ("title", "rule", "source", "base", "offset", "done")


@dataclass(frozen=True)
class Rule:
    """One milestone's timescale: `base` moved by `amount` `unit`s, done when the `done` field is filled."""

    id: str
    title: str
    rule: str
    source: str
    base: str
    amount: int
    unit: str
    done: tuple[str, ...]  # the first of these that is filled in says when it was done
    replaced_by: str | None = None
    each: str | None = None
    label: str | None = None
    applies_if: str | None = None
    file: str = ""  # where the rule (or the board's change to it) was written, for error messages
    line: int | None = None


def _problems_or_raise(doc: Located, display: str) -> list[dict[str, Any]]:
    problems = schema_problems(doc, SCHEMA, display=display)
    if problems:
        raise CaseInvalid(problems, source=display)
    return list(doc.data["milestones"])


def load_rules(case_dir: str | Path | None = None, *, default: str | Path = DEFAULT_RULES) -> list[Rule]:
    """The standard rules, changed by `case_dir/timescales.yaml` when the board has one. In file order."""
    default = Path(default)
    entries: dict[str, dict[str, Any]] = {}
    origin: dict[str, tuple[str, int | None]] = {}
    doc = load_structured(default)
    for index, item in enumerate(_problems_or_raise(doc, str(default))):
        entries[item["id"]] = dict(item)
        origin[item["id"]] = (str(default), doc.line(["milestones", index]))

    board_file = Path(case_dir) / BOARD_RULES_NAME if case_dir is not None else None
    if board_file is not None and board_file.is_file():
        board = load_structured(board_file)
        problems: list[Problem] = []
        for index, item in enumerate(_problems_or_raise(board, str(board_file))):
            line = board.line(["milestones", index])
            if item["id"] in entries:
                entries[item["id"]].update(item)
                log.info("%s changes the timescale '%s'", board_file, item["id"])
            else:
                missing = [name for name in COMPLETE if name not in item]
                if missing:
                    problems.append(Problem(
                        file=str(board_file), line=line, field=f"milestones[{index + 1}]",
                        message=f"'{item['id']}' is not one of the standard milestones, so it is a new one and needs "
                                f"{', '.join(missing)}",
                        hint=f"to change a standard milestone use one of its ids: {', '.join(entries)}",
                    ))
                    continue
                entries[item["id"]] = dict(item)
            origin[item["id"]] = (str(board_file), line)
        if problems:
            raise CaseInvalid(problems, source=board_file)

    rules = []
    for rule_id, item in entries.items():
        if not item.get("enabled", True):
            continue
        file, line = origin[rule_id]
        rules.append(Rule(
            id=rule_id, title=item["title"], rule=item["rule"], source=item["source"], base=item["base"],
            amount=item["offset"]["amount"], unit=item["offset"]["unit"],
            done=tuple(item["done"]) if isinstance(item["done"], list) else (item["done"],),
            replaced_by=item.get("replaced_by"), each=item.get("each"), label=item.get("label"),
            applies_if=item.get("applies_if"), file=file, line=line,
        ))
    return rules
