"""Checker rules, one small registered class each (see `base.Rule`). Importing this package registers them all."""
from __future__ import annotations

from . import content, embedded, filename, hidden, identifiers, metadata  # noqa: F401  (registration)
from .base import RULES, Rule

__all__ = ["RULES", "Rule"]
