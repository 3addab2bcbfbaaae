"""What every checker rule is: a small class with a stable code, a category, a severity and one line
saying what it looks for, registered by code. Which rules run is configuration (`rules.yaml`), not code."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar

from ..findings import CATEGORIES, SEVERITIES, Finding

if TYPE_CHECKING:
    from ..context import CheckContext
    from ..documents import CheckedDocument

RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: make a rule known by its code. Codes are stable; never reuse a retired one."""
    if cls.code in RULES:
        raise ValueError(f"two checker rules use the code {cls.code}")
    if cls.category not in CATEGORIES or cls.severity not in SEVERITIES:
        raise ValueError(f"rule {cls.code} has an unknown category or severity")
    RULES[cls.code] = cls
    return cls


class Rule(ABC):
    code: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str]
    description: ClassVar[str]
    formats: ClassVar[tuple[str, ...]] = ("docx", "xlsx", "pdf")

    def __init__(self, severity: str | None = None) -> None:
        # A board may make a warning blocking (or the reverse) in its rules file.
        self.active_severity = severity or self.severity

    def applies(self, doc: CheckedDocument) -> bool:
        return doc.format in self.formats

    @abstractmethod
    def check(self, doc: CheckedDocument, ctx: CheckContext) -> Iterable[Finding]:
        """Yield every finding of this rule in `doc`."""

    def finding(self, location: str, message: str, match: str | None = None, *, severity: str | None = None,
                location_match: str | None = None) -> Finding:
        """A finding of this rule. `severity` lowers a finding the rule cannot be sure of (never raises it)."""
        chosen = self.active_severity if severity is None or self.active_severity != "block" else severity
        return Finding(self.code, self.category, chosen, location, message, match, location_match)


def run_rule(rule: Rule, doc: CheckedDocument, ctx: CheckContext) -> Iterator[Finding]:
    if rule.applies(doc):
        yield from rule.check(doc, ctx)
