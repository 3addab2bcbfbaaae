"""The strict docxtpl helper every Word template goes through: errors name the field, escaping is right."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from pipeline.errors import TemplateProblem
from pipeline.render.docx_template import render_template, template_expressions, template_variables


@dataclass
class _Board:
    name: str


def _template(tmp_path: Path, body: str, *, header: str = "{{ marking }}", title: str = "Letter") -> Path:
    doc = Document()
    doc.add_paragraph("Preamble line for context.")
    doc.add_paragraph(body)
    doc.sections[0].header.paragraphs[0].text = header
    doc.core_properties.title = title
    path = tmp_path / "letter.docx"
    doc.save(str(path))
    return path


def _context(**overrides):
    context = {"recipient": {"name": "Ann"}, "board": _Board("Westmoor LSCB"), "when": dt.date(2023, 3, 12), "marking": "OFFICIAL"}
    context.update(overrides)
    return context


def test_renders_fields_dates_header_and_properties(tmp_path):
    template = _template(tmp_path, "Dear {{ recipient.name }}, on {{ when|uk_date }} ({{ when|short_date }}) {{ board.name }}",
                         title="Letter for {{ board.name }}")
    out = render_template(template, _context(), tmp_path / "out" / "letter.docx")
    doc = Document(str(out))
    assert doc.paragraphs[1].text == "Dear Ann, on 12 March 2023 (12/03/2023) Westmoor LSCB"
    assert doc.sections[0].header.paragraphs[0].text == "OFFICIAL"
    assert doc.core_properties.title == "Letter for Westmoor LSCB"


@pytest.mark.parametrize("text", ['Smith & Jones <Ltd> "quoted" \'single\'', "a < b > c && d", "{{ not a field }}"])
def test_special_characters_in_data_come_out_as_typed(tmp_path, text):
    template = _template(tmp_path, "To: {{ recipient.name }}")
    out = render_template(template, _context(recipient={"name": text}), tmp_path / "out.docx")
    assert Document(str(out)).paragraphs[1].text == f"To: {text}"


@pytest.mark.parametrize(
    ("body", "header", "context", "field", "part"),
    [
        ("Dear {{ recipient.title }}", "{{ marking }}", _context(), "recipient.title", "main text"),
        ("At {{ board.phone }} today", "{{ marking }}", _context(), "board.phone", "main text"),
        ("Dear {{ salutation }}", "{{ marking }}", _context(), "salutation", "main text"),
        ("Plain", "{{ marking }}", {k: v for k, v in _context().items() if k != "marking"}, "marking", "header"),
    ],
)
def test_missing_field_names_field_template_and_text(tmp_path, body, header, context, field, part):
    template = _template(tmp_path, body, header=header)
    target = tmp_path / "out.docx"
    with pytest.raises(TemplateProblem) as info:
        render_template(template, context, target)
    message = str(info.value)
    assert f"'{field}'" in message
    assert str(template) in message
    assert f"in the {part}" in message
    assert "near: " in message and field.split(".")[-1] in message.split("near: ")[1]
    assert not target.exists(), "a failed render must not leave a file behind"


def test_empty_date_is_an_error_not_a_blank(tmp_path):
    template = _template(tmp_path, "Due {{ when|uk_date }}")
    with pytest.raises(TemplateProblem, match="date field is empty"):
        render_template(template, _context(when=None), tmp_path / "out.docx")


@pytest.mark.parametrize("body", ["Hello {{ name } there", "{% if x %}never closed", "{{ a b }}"])
def test_syntax_error_reported_with_surrounding_text(tmp_path, body):
    template = _template(tmp_path, body)
    for call in (lambda: template_variables(template), lambda: render_template(template, {"name": 1, "x": 1, "a": 1}, tmp_path / "o.docx")):
        with pytest.raises(TemplateProblem, match="syntax error") as info:
            call()
        assert str(template) in str(info.value)
        assert body.split()[0] in str(info.value)


def test_existing_output_survives_a_failed_render(tmp_path):
    template = _template(tmp_path, "{{ missing }}")
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous version")
    with pytest.raises(TemplateProblem):
        render_template(template, _context(), target)
    assert target.read_bytes() == b"previous version"


def test_variables_and_expressions_cover_body_header_and_properties(tmp_path):
    template = _template(tmp_path, "{% for m in members %}{{ m.job_title }}{% endfor %} {{ board.business_manager.name }}",
                         header="{{ marking }}", title="{{ title }}")
    assert template_variables(template) == {"members", "board", "marking", "title"}
    assert ("board", "business_manager", "name") in template_expressions(template)
    assert ("board", "business_manager") not in template_expressions(template)


@pytest.mark.parametrize("content", [b"not a zip", b""])
def test_unreadable_template_is_a_template_problem(tmp_path, content):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    with pytest.raises(TemplateProblem, match="bad.docx"):
        render_template(bad, {}, tmp_path / "out.docx")


def test_missing_template_file(tmp_path):
    with pytest.raises(TemplateProblem, match="does not exist"):
        template_variables(tmp_path / "nowhere.docx")


def test_empty_value_is_an_error_not_the_word_none(tmp_path):
    template = _template(tmp_path, "Telephone {{ recipient.phone }}")
    with pytest.raises(TemplateProblem, match="is empty") as info:
        render_template(template, _context(recipient={"name": "Ann", "phone": None}), tmp_path / "out.docx")
    assert "Telephone {{ recipient.phone }}" in str(info.value).split("near: ")[1]


def test_empty_value_guarded_by_if_is_fine(tmp_path):
    template = _template(tmp_path, "Dear Ann{% if recipient.phone %} ({{ recipient.phone }}){% endif %}.")
    out = render_template(template, _context(recipient={"phone": None}), tmp_path / "out.docx")
    assert Document(str(out)).paragraphs[1].text == "Dear Ann."


def test_missing_field_in_document_properties_says_so(tmp_path):
    template = _template(tmp_path, "Body", title="Letter for {{ board.nmae }}")
    with pytest.raises(TemplateProblem, match=r"'board.nmae' in the document properties(.|\n)*near: Letter for"):
        render_template(template, _context(), tmp_path / "out.docx")
