"""Render a Word template with docxtpl, strictly, and say exactly what went wrong when it cannot be rendered.

Every Word template in the project (reports and letters) goes through here, so they all share one jinja
environment: `pipeline.templating.make_environment()` (StrictUndefined + autoescape + the `uk_date` and
`short_date` filters), plus a `finalize` hook that refuses to print an empty (None) value. A field the data
does not provide, or provides empty, stops the render; it never becomes a blank (or "None") in a letter.

Public API (used by the reports in this package and by the letters):

- ``render_template(template_path, context, out_path, *, finish=None) -> Path``
  Renders ``template_path`` with ``context`` and writes ``out_path`` atomically (``pipeline.fileio.atomic_path``).
  ``finish(document)`` is an optional hook called with the rendered ``docx.Document`` before saving (the reports
  use it to set core properties and Word settings). Jinja errors become ``pipeline.errors.TemplateProblem``
  naming the template file, the part (body, header, footer), the missing field and the text around the error.
- ``render_document(template_path, context) -> DocxTemplate``
  The same render without saving, for callers that add more content (``tpl.docx`` is the python-docx Document).
- ``template_variables(template_path) -> set[str]``
  The top-level names a template uses that it does not define itself (what `scr templates check` compares with
  the data). Raises ``TemplateProblem`` on a syntax error, with the surrounding text.
- ``template_expressions(template_path) -> list[tuple[str, ...]]``
  Every dotted name the template reads, e.g. ``("board", "business_manager", "name")``, so a checker can
  verify attribute paths as well as top-level names.

The template file itself is only read; docxtpl works on an in-memory copy.
"""
from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import nodes

from ..errors import TemplateProblem
from ..fileio import atomic_path
from ..templating import make_environment

log = logging.getLogger(__name__)

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")
_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined")
_MISSING_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


class _ReportingTemplate(DocxTemplate):
    """DocxTemplate that remembers which part and which line of XML failed, so the error can quote it."""

    def render_xml_part(self, src_xml, part, context, jinja_env=None):  # type: ignore[override]
        try:
            return super().render_xml_part(src_xml, part, context, jinja_env)
        except jinja2.TemplateError as err:
            # docxtpl puts each paragraph on its own line before rendering; line numbers refer to that text.
            lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml).splitlines()
            err.scr_part = _part_label(part)  # type: ignore[attr-defined]
            err.scr_lines = lines  # type: ignore[attr-defined]
            raise


def _part_label(part: Any) -> str:
    name = str(getattr(part, "partname", "") or "")
    if "header" in name:
        return "header"
    if "footer" in name:
        return "footer"
    if "footnote" in name:
        return "footnotes"
    return "main text"


def _error_line(err: BaseException) -> int | None:
    lineno = getattr(err, "lineno", None)
    if lineno:
        return int(lineno)
    # Jinja rewrites tracebacks so the template's own frame carries the template line.
    tb = err.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _plain(xml_lines: list[str]) -> str:
    return html.unescape(_SPACES.sub(" ", _TAGS.sub("", " ".join(xml_lines))).strip())


def _surrounding_text(lines: list[str], lineno: int | None, needle: str | None) -> str | None:
    """The visible text around the failing line, cut down to about 160 characters around the field."""
    if not lines:
        return None
    index = max((lineno or 1) - 1, 0)
    text = _plain(lines[max(index - 1, 0): index + 2] if lineno else lines)
    focus = text.find(needle) if needle else -1
    if focus < 0:
        focus = text.find("{{") if "{{" in text else text.find("{%")
    if focus < 0:
        focus = 0
    start = max(focus - 80, 0)
    snippet = text[start: focus + 80]
    return ("…" if start else "") + snippet + ("…" if focus + 80 < len(text) else "")


def _missing_field(err: jinja2.UndefinedError, lines: list[str], lineno: int | None) -> str | None:
    """Name the field as the template author wrote it (`board.phone`), not as jinja describes the object."""
    message = str(err.message or "")
    match = _UNDEFINED_NAME.search(message)
    if match:
        return match.group(1)
    match = _MISSING_ATTRIBUTE.search(message)
    if match and lines:
        attribute = match.group(1)
        text = _plain(lines[max(lineno - 2, 0): lineno + 1] if lineno else lines)
        for expression in _EXPRESSION.findall(text):
            found = re.search(r"[A-Za-z_][\w.]*\." + re.escape(attribute) + r"\b", expression)
            if found:
                return found.group(0)
        return attribute
    return None


def _problem(template_path: Path, err: jinja2.TemplateError) -> TemplateProblem:
    # Everything but the core properties goes through render_xml_part, which labels the part.
    part = getattr(err, "scr_part", "document properties (title, subject or author)")
    lines: list[str] = getattr(err, "scr_lines", [])
    lineno = _error_line(err)
    if isinstance(err, jinja2.UndefinedError):
        field = _missing_field(err, lines, lineno)
        if field:
            reason = f"the field '{field}' in the {part} is not provided by the case data"
            hint = (
                f"Check the spelling of '{field}' in the template, or fill it in in the case folder "
                f"(see docs/case-folder.md). Jinja said: {err.message}"
            )
        else:
            reason = f"a field in the {part} has no value: {err.message}"
            hint = ("Fill the field in in the case folder, or in the template print it only when it is there: "
                    "{% if field %}{{ field }}{% endif %}.")
        return TemplateProblem(template_path, reason, context=_surrounding_text(lines, lineno, field), hint=hint)
    if isinstance(err, jinja2.TemplateSyntaxError):
        reason = f"template syntax error in the {part}: {err.message}"
        hint = "Each {{ must be closed by }}, and each {% if %} or {% for %} needs its {% endif %} or {% endfor %}."
        return TemplateProblem(template_path, reason, context=_surrounding_text(lines, lineno, None), hint=hint)
    return TemplateProblem(template_path, f"could not be rendered ({type(err).__name__}: {err})")


def _no_none(value: Any) -> Any:
    # StrictUndefined catches a field that does not exist; this catches one that exists but is empty, which
    # would otherwise print the word "None" in a letter or report.
    if value is None:
        raise jinja2.UndefinedError("a field printed here is empty (it has no value in the case data)")
    return value


def _strict_environment() -> jinja2.Environment:
    env = make_environment()
    env.finalize = _no_none
    return env


def _open(template_path: Path) -> _ReportingTemplate:
    if not template_path.is_file():
        raise TemplateProblem(template_path, "the template file does not exist", hint="Check the templates folder.")
    try:
        tpl = _ReportingTemplate(str(template_path))
        tpl.init_docx()
    except (PackageNotFoundError, KeyError, ValueError, OSError) as err:
        raise TemplateProblem(
            template_path, f"is not a Word .docx file that can be opened ({err})",
            hint="Save it from Word as 'Word Document (.docx)'.",
        ) from err
    return tpl


def render_document(template_path: str | Path, context: Mapping[str, Any]) -> DocxTemplate:
    """Render a template in memory with the strict environment; `result.docx` is the python-docx Document."""
    template_path = Path(template_path)
    tpl = _open(template_path)
    try:
        tpl.render(dict(context), jinja_env=_strict_environment())
    except jinja2.TemplateError as err:
        if not hasattr(err, "scr_lines"):
            # Raised while rendering the core properties: quote them instead of a line of the document.
            props = tpl.docx.core_properties
            err.scr_lines = [p for p in (props.title, props.subject, props.author, props.comments) if "{" in (p or "")]  # type: ignore[attr-defined]
        raise _problem(template_path, err) from err
    return tpl


def render_template(
    template_path: str | Path,
    context: Mapping[str, Any],
    out_path: str | Path,
    *,
    finish: Callable[[DocumentObject], None] | None = None,
) -> Path:
    """Render `template_path` with `context` and write `out_path` atomically. Returns `out_path`."""
    out_path = Path(out_path)
    tpl = render_document(template_path, context)
    if finish is not None:
        finish(tpl.docx)
    with atomic_path(out_path) as tmp:
        tpl.save(str(tmp))
    log.info("wrote %s from %s", out_path, template_path)
    return out_path


def _parse(template_path: Path) -> list[jinja2.nodes.Template]:
    tpl = _open(template_path)
    env = make_environment()
    docx = tpl.docx
    parts: list[tuple[str, str]] = [("main text", tpl.patch_xml(tpl.get_xml()))]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            parts.append((_part_label(part), tpl.patch_xml(tpl.get_part_xml(part))))
    props = docx.core_properties
    parts += [("document properties", getattr(props, name) or "") for name in ("title", "subject", "author", "comments")]
    bodies = []
    for label, xml in parts:
        lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        try:
            bodies.append(env.parse(lines))
        except jinja2.TemplateSyntaxError as err:
            err.scr_part = label  # type: ignore[attr-defined]
            err.scr_lines = lines.splitlines()  # type: ignore[attr-defined]
            raise _problem(template_path, err) from err
    return bodies


def template_variables(template_path: str | Path) -> set[str]:
    """Top-level names the template reads but does not define (loop variables and `set` names excluded)."""
    from jinja2 import meta

    return {name for body in _parse(Path(template_path)) for name in meta.find_undeclared_variables(body)}


def template_expressions(template_path: str | Path) -> list[tuple[str, ...]]:
    """Every dotted name read by the template, outermost first: `{{ board.address[0] }}` gives ('board', 'address')."""
    found: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    inner: set[int] = set()
    for node in (n for body in _parse(Path(template_path)) for n in body.find_all((nodes.Getattr, nodes.Name))):
        if id(node) in inner:
            continue
        path: list[str] = []
        current: nodes.Node = node
        while isinstance(current, nodes.Getattr):
            path.append(current.attr)
            inner.add(id(current.node))
            current = current.node
        if isinstance(current, nodes.Name) and current.ctx == "load":
            path.append(current.name)
            key = tuple(reversed(path))
            if key not in seen:
                seen.add(key)
                found.append(key)
    return found
