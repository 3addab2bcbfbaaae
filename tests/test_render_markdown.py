"""Narrative Markdown becomes Word structure in the template's styles, never raw asterisks or markup."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from pipeline.render.docx_build import BodyWriter
from pipeline.render.markdown_docx import render_markdown

TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "reports" / "overview-report.docx"


def _render(tmp_path: Path, text: str, base_level: int = 2):
    doc = Document(str(TEMPLATE))
    anchor = next(p for p in doc.paragraphs if p.text == "{{ body }}")
    writer = BodyWriter(doc, anchor)
    render_markdown(writer, text, base_level=base_level)
    anchor._p.getparent().remove(anchor._p)
    path = tmp_path / "out.docx"
    doc.save(str(path))
    reopened = Document(str(path))
    start = next(i for i, p in enumerate(reopened.paragraphs) if p.style.name == "TOC Heading") + 3
    return [p for p in reopened.paragraphs[start:] if p.text or p.style.name.startswith("Heading")], writer


@pytest.mark.parametrize(("markdown", "expected"), [
    ("Plain text & <tags> \"quoted\".", [("Normal", "Plain text & <tags> \"quoted\".")]),
    ("<b>not bold</b> and <script>x</script>", [("Normal", "<b>not bold</b> and <script>x</script>")]),
    ("line one\nline two", [("Normal", "line one line two")]),
    ("see [the guidance](https://example.org/g)", [("Normal", "see the guidance (https://example.org/g)")]),
    ("* a\n* b\n  * nested", [("List Bullet", "a"), ("List Bullet", "b"), ("List Bullet 2", "nested")]),
    ("3. third\n4. fourth", [("List Number", "third"), ("List Number", "fourth")]),
    ("> quoted\n> more", [("Quote", "quoted more")]),
    ("# Only title\n\nBody.", [("Normal", "Body.")]),
    ("# One\n\ntext\n\n# Two\n\n### Deep", [("Heading 2", "One"), ("Normal", "text"), ("Heading 2", "Two"),
                                          ("Heading 4", "Deep")]),
    ("Title\n=====\n\nSub\n---\n\nx", [("Heading 2", "Sub"), ("Normal", "x")]),
])
def test_structure(tmp_path, markdown, expected):
    paragraphs, _writer = _render(tmp_path, markdown)
    assert [(p.style.name, p.text) for p in paragraphs] == expected


def test_numbered_list_starts_where_the_author_started_it(tmp_path):
    paragraphs, writer = _render(tmp_path, "3. third\n4. fourth")
    numbering = writer.doc.part.numbering_part.element
    num_id = paragraphs[0]._p.pPr.numPr.numId.val
    override = numbering.xpath(f'//w:num[@w:numId="{num_id}"]/w:lvlOverride/w:startOverride/@w:val')
    assert override == ["3"]


def test_headings_are_collected_for_the_contents(tmp_path):
    _paragraphs, writer = _render(tmp_path, "## *Styled* heading\n\ntext\n\n## Second", base_level=2)
    assert writer.headings == [(2, "Styled heading"), (2, "Second")]


def test_empty_narrative_adds_nothing(tmp_path):
    paragraphs, writer = _render(tmp_path, "   \n")
    assert paragraphs == [] and writer.headings == []


def test_control_characters_from_pasted_text_do_not_break_the_document(tmp_path):
    paragraphs, _ = _render(tmp_path, "Entry\x0bwith a vertical tab\x01.")
    assert paragraphs[0].text == "Entrywith a vertical tab."
