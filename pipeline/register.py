"""The people and places register: who must be hidden, what they are called instead, and who may be named.

Every later stage reads it: rendering uses pseudonyms, anonymisation replaces names, the checker looks
for survivors. It comes either from a case folder (register.yaml, with `exempt` filled from the Chair,
Panel Chair and Overview author in case.yaml) or from a standalone YAML/JSON file for batch work.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CaseInvalid, Problem
from .schema import Located, load_structured, schema_problems


@dataclass(frozen=True)
class Person:
    name: str
    pseudonym: str
    aliases: tuple[str, ...] = ()
    role: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Place:
    name: str
    pseudonym: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class ExemptPerson:
    """Someone who may be named in published documents (§8.33, 8.78)."""

    name: str
    job_title: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Register:
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    exempt: tuple[ExemptPerson, ...] = ()
    source: str | None = field(default=None, compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.people or self.places)

    def with_exempt(self, extra: list[ExemptPerson]) -> Register:
        known = {e.name for e in self.exempt}
        merged = list(self.exempt) + [e for e in extra if e.name not in known]
        return Register(self.people, self.places, tuple(merged), self.source)

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str | None = None) -> Register:
        """Build from already-validated data (see `load_register`)."""
        people = tuple(
            Person(
                name=p["name"].strip(),
                pseudonym=p["pseudonym"].strip(),
                aliases=tuple(a.strip() for a in p.get("aliases") or () if a.strip()),
                role=p.get("role"),
            )
            for p in data.get("people") or ()
        )
        places = tuple(
            Place(
                name=p["name"].strip(),
                pseudonym=p["pseudonym"].strip(),
                aliases=tuple(a.strip() for a in p.get("aliases") or () if a.strip()),
                kind=p.get("kind"),
            )
            for p in data.get("places") or ()
        )
        exempt = tuple(
            ExemptPerson(name=e["name"].strip(), job_title=e.get("job_title"), organisation=e.get("organisation"))
            for e in data.get("exempt") or ()
        )
        return cls(people, places, exempt, source)


def register_problems(doc: Located, display: str | None = None) -> list[Problem]:
    """Schema problems plus the cross-checks a schema cannot express."""
    display = display or str(doc.path)
    if doc.data is None:
        return [Problem(display, "is empty; it needs at least a 'people' list", line=1)]
    problems = schema_problems(doc, "register", display=display)
    if not isinstance(doc.data, dict):
        return problems
    seen: dict[str, int] = {}
    for section in ("people", "places"):
        for index, entry in enumerate(_entries(doc.data, section)):
            if not isinstance(entry.get("pseudonym"), str):
                continue
            pseudonym = entry["pseudonym"].strip()
            lowered = pseudonym.lower()
            if lowered in seen and section == "people":
                problems.append(
                    Problem(
                        display,
                        f"the pseudonym '{pseudonym}' is used for two people; each person needs their own "
                        f"(for example 'Sibling 1' and 'Sibling 2')",
                        line=doc.line([section, index, "pseudonym"]),
                        field=f"{section}[{index + 1}].pseudonym",
                    )
                )
            if section == "people":
                seen[lowered] = index
    exempt_names = {e["name"].strip().lower() for e in _entries(doc.data, "exempt") if isinstance(e.get("name"), str)}
    for index, person in enumerate(_entries(doc.data, "people")):
        if isinstance(person.get("name"), str) and person["name"].strip().lower() in exempt_names:
            problems.append(
                Problem(
                    display,
                    f"'{person['name']}' is listed both as someone to hide and as someone who may be named; "
                    f"remove them from one of the two lists",
                    line=doc.line(["people", index, "name"]),
                    field=f"people[{index + 1}].name",
                )
            )
    return problems


def _entries(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    # Cross-checks run even when the schema found problems, so skip entries too broken to read.
    items = data.get(section)
    if not isinstance(items, list):
        return []
    return [item if isinstance(item, dict) else {} for item in items]


def load_register(path: str | Path) -> Register:
    """Load a standalone register file (YAML or JSON). Raises CaseInvalid listing every problem."""
    doc = load_structured(path)
    problems = register_problems(doc)
    if problems:
        raise CaseInvalid(problems, source=path)
    return Register.from_mapping(doc.data, source=str(path))
