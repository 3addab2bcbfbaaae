"""The Overview author's Markdown narrative as real Word structure, in the template's own styles.

`render_markdown(writer, text, base_level=2)` turns headings into Heading N paragraphs (the shallowest heading
in the file becomes `base_level`, so `## Theme` in analysis.md sits under the report's "Analysis" heading),
paragraphs into Normal paragraphs with bold and italic runs, lists into List Bullet / List Number paragraphs
(each numbered list restarts at its own first number), quotes into the Quote style and tables into Word
tables. Raw HTML is shown as typed text: the narrative is prose, not markup to execute.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .docx_build import BodyWriter, clean_text, style_name

log = logging.getLogger(__name__)

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table").enable("strikethrough")


@dataclass
class _List:
    ordered: bool
    start: int = 1
    num_id: str | None = None


@dataclass
class _State:
    lists: list[_List] = field(default_factory=list)
    quote_depth: int = 0
    item_first_paragraph: bool = False


def _heading_offset(tokens: list[Token], base_level: int) -> int:
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    return base_level - min(levels) if levels else 0


def _drop_title(tokens: list[Token]) -> list[Token]:
    """Authors often start a file with its title (`# Lessons learned`). The report already has the section
    heading (whose wording the checker relies on), so a single top-level heading at the very start is dropped."""
    if not tokens or tokens[0].type != "heading_open":
        return tokens
    level = int(tokens[0].tag[1])
    later = [t for t in tokens[3:] if t.type == "heading_open" and int(t.tag[1]) <= level]
    return tokens if later else tokens[3:]


def render_markdown(writer: BodyWriter, text: str, *, base_level: int = 2, drop_title: bool = True) -> int:
    """Write `text` at the writer's position; returns the number of paragraphs and tables added."""
    tokens = _MARKDOWN.parse(text or "")
    if drop_title:
        tokens = _drop_title(tokens)
    offset = _heading_offset(tokens, base_level)
    state = _State()
    added = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1]) + offset
            paragraph = writer.heading("", level)
            _inline(paragraph, tokens[index + 1])
            writer.headings[-1] = (writer.headings[-1][0], paragraph.text)
            added += 1
            index += 3
            continue
        if kind == "bullet_list_open":
            state.lists.append(_List(ordered=False))
        elif kind == "ordered_list_open":
            state.lists.append(_List(ordered=True, start=int(token.attrGet("start") or 1)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            state.lists.pop()
        elif kind == "list_item_open":
            state.item_first_paragraph = True
        elif kind == "blockquote_open":
            state.quote_depth += 1
        elif kind == "blockquote_close":
            state.quote_depth -= 1
        elif kind == "paragraph_open":
            paragraph = writer.paragraph("", _paragraph_style(writer, state))
            if state.lists and state.lists[-1].ordered and state.item_first_paragraph:
                _restart_numbering(writer, paragraph, state.lists[-1])
            state.item_first_paragraph = False
            _inline(paragraph, tokens[index + 1])
            added += 1
            index += 3
            continue
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                run = writer.paragraph("", style_name(writer.doc, "No Spacing")).add_run(clean_text(line))
                run.font.name = "Consolas"
            added += 1
        elif kind == "table_open":
            index, rows = _table_rows(tokens, index)
            if rows:
                writer.table(rows[0], rows[1:])
                added += 1
            continue
        elif kind == "html_block":
            writer.paragraph(token.content.strip())
            added += 1
        index += 1
    return added


def _paragraph_style(writer: BodyWriter, state: _State) -> str | None:
    doc = writer.doc
    if state.lists:
        depth = min(len(state.lists), 3)
        suffix = "" if depth == 1 else f" {depth}"
        if not state.item_first_paragraph:
            return style_name(doc, f"List Continue{suffix}", "List Continue")
        kind = "List Number" if state.lists[-1].ordered else "List Bullet"
        return style_name(doc, f"{kind}{suffix}", kind)
    if state.quote_depth:
        return style_name(doc, "Quote", "Intense Quote")
    return None


def _restart_numbering(writer: BodyWriter, paragraph: Paragraph, current: _List) -> None:
    """Give each numbered list its own Word numbering instance, so the second list starts at 1 again."""
    if current.num_id is None:
        current.num_id = _new_num(writer, paragraph, current.start)
    if current.num_id is None:
        return
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = int(current.num_id)


def _new_num(writer: BodyWriter, paragraph: Paragraph, start: int) -> str | None:
    style = paragraph.style
    num_pr = style.element.pPr.numPr if style is not None and style.element.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = writer.doc.part.numbering_part.element
    base = next((n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_pr.numId.val)), None)
    if base is None:
        return None
    abstract = base.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
    abstract_ref = OxmlElement("w:abstractNumId")
    abstract_ref.set(qn("w:val"), abstract)
    num.append(abstract_ref)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_override = OxmlElement("w:startOverride")
    start_override.set(qn("w:val"), str(start))
    override.append(start_override)
    num.append(override)
    numbering.append(num)
    return new_id


def _inline(paragraph: Paragraph, token: Token) -> None:
    bold = italic = strike = 0
    link: str | None = None
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "s_open":
            strike += 1
        elif kind == "s_close":
            strike -= 1
        elif kind == "link_open":
            link = str(child.attrGet("href") or "")
        elif kind == "link_close":
            # Printed reports cannot be clicked: show where a link points unless the text already says it.
            if link and link not in paragraph.text:
                paragraph.add_run(f" ({link})")
            link = None
        elif kind in ("softbreak",):
            paragraph.add_run(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "image":
            paragraph.add_run(clean_text(f"[Image: {child.content or 'no description'}]")).italic = True
        elif kind in ("text", "code_inline", "html_inline"):
            run = paragraph.add_run(clean_text(child.content))
            run.bold = True if bold else None
            run.italic = True if italic else None
            if strike:
                run.font.strike = True
            if kind == "code_inline":
                run.font.name = "Consolas"


def _table_rows(tokens: list[Token], index: int) -> tuple[int, list[list[str]]]:
    rows: list[list[str]] = []
    current: list[str] | None = None
    while index < len(tokens):
        token = tokens[index]
        if token.type == "tr_open":
            current = []
        elif token.type == "tr_close" and current is not None:
            rows.append(current)
        elif token.type == "inline" and current is not None:
            current.append(token.content)
        elif token.type == "table_close":
            return index + 1, rows
        index += 1
    return index, rows
