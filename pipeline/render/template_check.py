"""`scr templates check DIR`: find template mistakes before a render, with the file and the text around them.

For each .docx in the folder (and its sub-folders) it reports:
- a template syntax error (an unclosed `{{`, an `{% if %}` without `{% endif %}`), with the surrounding text;
- every field the template reads that the pipeline does not provide: an unknown top-level name
  (`{{ boardname }}`) and an unknown attribute (`{{ board.nmae }}`), checked against the case model's types.

Which fields a template receives is registered by file name: the report templates register `REPORT_FIELDS`
here; another stage (the letters) registers its own with
``register_template_fields("letter.docx", {"board": Board, "recipient": Recipient, ...})``.
A template nobody registered is still checked for syntax and reported as "fields not checked".
"""
from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import TemplateProblem
from .docx_template import template_expressions, template_variables

_REGISTERED: dict[str, Mapping[str, object]] = {}


def register_template_fields(file_name: str, fields: Mapping[str, object]) -> None:
    """Declare the fields (name -> type) a template file named `file_name` is rendered with."""
    _REGISTERED[file_name] = dict(fields)


def fields_for(path: Path) -> Mapping[str, object] | None:
    try:
        # Other stages register their templates' fields when imported; make sure they have had the chance.
        from .. import letters  # noqa: F401
    except ImportError:
        pass
    if path.name in _REGISTERED:
        return _REGISTERED[path.name]
    from .reports import REPORT_FIELDS, REPORTS

    if path.stem in REPORTS:
        return REPORT_FIELDS
    return None


@dataclass(frozen=True)
class Finding:
    template: Path
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.template}: {self.message}"


def _unwrap(tp: object) -> object:
    """Optional[X] -> X; leaves other types alone."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else typing.Any
    return tp


def _attribute_type(owner: object, name: str) -> tuple[bool, object]:
    """(exists, type of owner.name). Unknown or open types (Any, dicts) accept anything."""
    owner = _unwrap(owner)
    if owner is typing.Any or typing.get_origin(owner) in (dict, typing.Union) or owner in (dict, object):
        return True, typing.Any
    if isinstance(owner, type) and dataclasses.is_dataclass(owner):
        hints = typing.get_type_hints(owner)
        if name in hints:
            return True, hints[name]
        attr = getattr(owner, name, None)
        if isinstance(attr, property):
            return True, typing.get_type_hints(attr.fget).get("return", typing.Any)
        if callable(attr):
            return True, typing.Any
        return False, None
    base = typing.get_origin(owner) or owner
    if isinstance(base, type):
        return hasattr(base, name), typing.Any
    return True, typing.Any


def _field_names(owner: object) -> list[str]:
    owner = _unwrap(owner)
    if isinstance(owner, type) and dataclasses.is_dataclass(owner):
        names = [f.name for f in dataclasses.fields(owner)]
        names += [n for n, v in vars(owner).items() if isinstance(v, property)]
        return names
    return []


def check_template(path: str | Path, fields: Mapping[str, object] | None = None) -> list[Finding]:
    path = Path(path)
    try:
        names = template_variables(path)
        expressions = template_expressions(path)
    except TemplateProblem as err:
        return [Finding(path, str(err).split(": ", 1)[-1] if str(err).startswith("Template ") else str(err))]
    fields = fields if fields is not None else fields_for(path)
    if fields is None:
        return [Finding(path, "syntax is fine; fields not checked (no field list is registered for this file name)",
                        error=False)]
    findings = []
    for name in sorted(names - set(fields)):
        findings.append(Finding(path, f"'{{{{ {name} }}}}' is not provided by the pipeline; "
                                      f"fields available: {', '.join(sorted(fields))}"))
    for expression in expressions:
        if expression[0] not in fields or expression[0] not in names:
            continue
        owner: object = fields[expression[0]]
        for depth, attribute in enumerate(expression[1:], start=1):
            exists, next_type = _attribute_type(owner, attribute)
            if not exists:
                dotted = ".".join(expression[: depth + 1])
                known = _field_names(owner)
                hint = f"; {'.'.join(expression[:depth])} has: {', '.join(known)}" if known else ""
                findings.append(Finding(path, f"'{{{{ {dotted} }}}}' is not provided by the pipeline{hint}"))
                break
            owner = next_type
    return findings


def check_templates(directory: str | Path) -> list[Finding]:
    """Check every .docx template under `directory`; an empty list means all is well."""
    directory = Path(directory)
    if not directory.is_dir():
        raise TemplateProblem(directory, "is not a folder of templates")
    templates = sorted(p for p in directory.rglob("*.docx") if not p.name.startswith(("~$", ".")))
    if not templates:
        raise TemplateProblem(directory, "contains no Word templates (.docx files)")
    findings: list[Finding] = []
    for template in templates:
        findings += check_template(template)
    return findings

