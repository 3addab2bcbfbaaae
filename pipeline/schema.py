"""Reading YAML/JSON case files with line numbers, and checking them against `schemas/`.

Every problem found is reported at once, each with the file, the line, the field path and what was
expected, so that whoever fills in the case folder can fix everything in one pass.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .errors import InputFileError, Problem

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as the text the person typed, so we can read them day-first ourselves."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Located:
    """A loaded document together with a way to find the line of any field in it."""

    def __init__(self, data: Any, root: yaml.Node | None, path: Path) -> None:
        self.data = data
        self.root = root
        self.path = path

    def line(self, field_path: Iterable[str | int]) -> int | None:
        """1-based line of the deepest node along `field_path` that exists."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for key in field_path:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if getattr(k, "value", None) == key:
                        child = v
                        line = k.start_mark.line + 1
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                child = node.value[key]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line


def load_structured(path: str | Path) -> Located:
    """Load a YAML or JSON file. Malformed files raise InputFileError with the line of the mistake."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, "file not found") from None
    except OSError as err:
        raise InputFileError(path, f"cannot be read ({err.strerror})") from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputFileError(
            path, "is not saved as UTF-8 text", line=line, hint="Save it again choosing UTF-8 encoding"
        ) from err
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputFileError(path, f"is not valid JSON: {err.msg}", line=err.lineno) from err
        return Located(data, _json_as_yaml_nodes(text), path)
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        what = err.problem or "the layout is not valid YAML"
        raise InputFileError(
            path,
            f"is not valid YAML ({what})",
            line=line,
            hint="Check the indentation and that any text containing ':' is in quotes",
        ) from err
    except yaml.YAMLError as err:
        raise InputFileError(path, f"is not valid YAML ({err})") from err
    return Located(data, root, path)


def _json_as_yaml_nodes(text: str) -> yaml.Node | None:
    # JSON is (nearly) YAML; composing it gives us line numbers for free.
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


@functools.lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    path = SCHEMA_DIR / f"{name}.schema.json"
    with path.open(encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def schema_problems(doc: Located, schema_name: str, *, display: str | None = None) -> list[Problem]:
    """Every way `doc` breaks the named schema, as user-facing problems sorted by line."""
    schema = load_schema(schema_name)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(doc.data):
        path = list(error.absolute_path)
        if error.validator == "required":
            # Point at the object that lacks the key, but name the key in the field path.
            missing = _missing_key(error)
            field = _dotted(path + [missing]) if missing else _dotted(path)
        else:
            field = _dotted(path)
        problems.append(
            Problem(
                file=display or str(doc.path),
                line=doc.line(path),
                field=field or None,
                message=_friendly(error),
            )
        )
    problems.sort(key=lambda p: (p.line or 0, p.field or ""))
    return problems


def _missing_key(error: jsonschema.ValidationError) -> str | None:
    if error.validator != "required":
        return None
    instance = error.instance if isinstance(error.instance, dict) else {}
    for key in error.validator_value:
        if key not in instance:
            return key
    return None


def _dotted(path: list[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a set of named fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "yes or no (true/false)",
}


def _friendly(error: jsonschema.ValidationError) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    described = schema.get("description")
    kind = error.validator
    if kind == "required":
        missing = _missing_key(error)
        sub = schema.get("properties", {}).get(missing, {}) if missing else {}
        text = f"is missing"
        if sub.get("description"):
            text += f"; it should be {sub['description'][0].lower()}{sub['description'][1:]}"
        return text
    if kind == "type":
        expected = error.validator_value
        if isinstance(expected, list):
            words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        else:
            words = _TYPE_WORDS.get(expected, expected)
        return f"should be {words}, not {_shown(error.instance)}" + (f" ({described})" if described else "")
    if kind == "enum":
        options = ", ".join(repr(v) for v in error.validator_value)
        return f"{_shown(error.instance)} is not one of the allowed values: {options}"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(schema.get("properties", {})))
        allowed = ", ".join(sorted(schema.get("properties", {})))
        return f"has a field that is not recognised: {', '.join(extra)} (check the spelling; allowed fields: {allowed})"
    if kind == "minItems":
        return "needs at least " + str(error.validator_value) + (" entry" if error.validator_value == 1 else " entries")
    if kind == "minLength":
        return "is empty; fill it in" + (f" ({described})" if described else "")
    if kind == "pattern":
        return f"{_shown(error.instance)} is not in the expected form" + (f": {described}" if described else "")
    return error.message + (f" ({described})" if described else "")


def _shown(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return repr(value)
