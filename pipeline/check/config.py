"""Which checker rules run: read from a YAML file (`rules.yaml` beside this module, or a board's own)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputFileError
from .findings import SEVERITIES
from .rules import RULES, Rule

DEFAULT_RULES_FILE = Path(__file__).with_name("rules.yaml")


@dataclass(frozen=True)
class RuleConfig:
    """The codes to run, in order, and any severity a board has changed."""

    enabled: tuple[str, ...]
    severity: dict[str, str] = field(default_factory=dict)
    source: str = str(DEFAULT_RULES_FILE)

    def rules(self) -> list[Rule]:
        return [RULES[code](self.severity.get(code)) for code in self.enabled]


def load_rule_config(path: str | Path | None = None) -> RuleConfig:
    path = Path(path) if path is not None else DEFAULT_RULES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as err:
        raise InputFileError(path, f"the rules file cannot be read ({err.strerror or err})") from err
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise InputFileError(path, "the rules file is not valid YAML", line=None if line is None else line + 1,
                             hint="Compare it with the rules.yaml shipped with scr") from err
    if not isinstance(data, dict) or not isinstance(data.get("enabled"), list):
        raise InputFileError(path, "'enabled' must be a list of rule codes such as SCR101",
                             hint="Run 'scr check --list-rules' to see the codes")
    enabled = [str(code).strip().upper() for code in data["enabled"]]
    unknown = [code for code in enabled if code not in RULES]
    if unknown:
        raise InputFileError(path, f"unknown rule code(s): {', '.join(unknown)}",
                             hint="Run 'scr check --list-rules' to see the codes")
    severity = data.get("severity") or {}
    if not isinstance(severity, dict):
        raise InputFileError(path, "'severity' must map rule codes to 'block' or 'warn'")
    severity = {str(k).strip().upper(): str(v).strip().lower() for k, v in severity.items()}
    for code, value in severity.items():
        if code not in RULES:
            raise InputFileError(path, f"'severity' names an unknown rule code {code}")
        if value not in SEVERITIES:
            raise InputFileError(path, f"the severity of {code} must be 'block' or 'warn', not '{value}'")
    return RuleConfig(tuple(dict.fromkeys(enabled)), severity, str(path))
