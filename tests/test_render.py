"""`scr render`: reopen every generated document and check what the author, the board and Ofsted would notice."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from pipeline.case import load_case
from pipeline.case.model import Action, ChronologyEntry, Recommendation
from pipeline.cli import main
from pipeline.errors import ProcessingFailed, TemplateProblem, UsageError
from pipeline.render.action_plan import COLUMNS as ACTION_COLUMNS
from pipeline.render.overview import SUMMARY_HEADINGS
from pipeline.render.reports import DEFAULT_TEMPLATES, render_reports

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DOCS = ("overview-report", "executive-summary", "action-plan", "multi-agency-chronology")
TITLES = {"overview-report": "Overview Report", "executive-summary": "Executive Summary",
          "action-plan": "Multi-Agency Action Plan", "multi-agency-chronology": "Multi-Agency Chronology"}
TODAY = dt.date(2024, 7, 1)


# ---------------------------------------------------------------- helpers that read documents back

def headings(doc, level: int | None = None) -> list[str]:
    found = []
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading ") and (level is None or name == f"Heading {level}"):
            found.append(p.text)
    return found


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def table_with_header(doc, first: str):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first)


def header_texts(doc) -> list[str]:
    return [p.text for s in doc.sections for part in (s.header, s.footer) for p in part.paragraphs]


def xml_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name).decode("utf-8")


def folder_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- the case used by most tests

def _awkward_case():
    """The minimal sample plus the awkward bits: special characters, narrative, several recommendations,
    chronology entries out of order, on equal dates and outside the review period."""
    case = load_case(SAMPLES / "minimal")
    board = dataclasses.replace(case.board, name='Smith & Jones <Westmoor> "LSCB"', short_name="S&J LSCB")
    review = dataclasses.replace(case.review, terms_of_reference=["Was A & B's <risk> assessed?"],
                                 summary="Child W & her \"brother\" were <seen> at home.")
    def action(n: str, status: str, done: dt.date | None = None) -> Action:
        return Action(n, f"Action {n} & <check>", "police", "Westmoor Police", "Head of Public Protection",
                      dt.date(2024, 9, 30), "Outcome", "Measure", "QA Subgroup, quarterly", status, done,
                      "Audit report" if done else None)
    recs = [
        Recommendation(1, 'Agencies will record the child\'s "voice" & <views> at every incident.',
                       [action("1.1", "complete", dt.date(2024, 6, 12)), action("1.2", "in-progress")],
                       imr_references=["police-1"]),
        Recommendation(2, "The LSCB will audit referrals within six months.", [action("2.1", "not-started")],
                       national=True),
    ]
    def entry(day: dt.date, event: str, agency: str = "police", time: str | None = None) -> ChronologyEntry:
        return ChronologyEntry(day, agency, "Westmoor Police", event, time=time, source="Log")
    chronology = [
        entry(dt.date(2023, 3, 14), "third (same day, first read)"),
        entry(dt.date(2021, 1, 5), "before the review period"),
        entry(dt.date(2023, 3, 14), "fourth (same day, second read)"),
        entry(dt.date(2022, 7, 1), "second"),
        entry(dt.date(2022, 6, 1), "first & <earliest> in scope"),
    ]
    narrative = {
        "introduction": "# Introduction\n\nThis review **matters** and is *careful*.\n\n## Why\n\nBecause.\n",
        "analysis": (
            "## Theme one\n\nText with **bold**, *italic* and ***both***.\n\n"
            "- first bullet\n- second bullet\n\n"
            "1. step one\n2. step two\n\nBetween lists.\n\n1. again one\n2. again two\n\n"
            "> A quotation from Mother.\n\n## Theme two\n\n| Agency | Contacts |\n| --- | --- |\n| Police | 3 |\n"
        ),
        "key-issues": "- Unassessed adults & <carers>\n",
        "lessons": "Lessons text.",
    }
    return dataclasses.replace(case, board=board, review=review, recommendations=recs, chronology=chronology,
                               narrative=narrative)


@pytest.fixture(scope="module")
def awkward():
    return _awkward_case()


@pytest.fixture(scope="module")
def rendered(awkward, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = render_reports(awkward, out, today=TODAY)
    return out, result


@pytest.fixture(scope="module")
def drafts(awkward, tmp_path_factory):
    out = tmp_path_factory.mktemp("drafts")
    render_reports(awkward, out, today=TODAY, draft=True, only=["executive-summary"])
    return out


# ---------------------------------------------------------------- every document

@pytest.mark.parametrize("sample", ["minimal", "child-a"])
def test_samples_render_every_document(sample, tmp_path):
    case = load_case(SAMPLES / sample)
    before = folder_digest(SAMPLES / sample)
    result = render_reports(case, tmp_path / "out", today=TODAY)
    assert [p.name for p in result.written] == [f"{d}.docx" for d in DOCS] + ["multi-agency-chronology.xlsx"]
    assert folder_digest(SAMPLES / sample) == before, "inputs must never be modified"
    summary = Document(str(tmp_path / "out" / "executive-summary.docx"))
    assert headings(summary, 1) == list(SUMMARY_HEADINGS)
    overview = Document(str(tmp_path / "out" / "overview-report.docx"))
    for rec in case.recommendations:
        expected = f"Recommendation {rec.number}: {' '.join(rec.text.split())}"
        assert expected in [" ".join(t.split()) for t in texts(overview)]
        assert expected in [" ".join(t.split()) for t in texts(summary)]
    plan = Document(str(tmp_path / "out" / "action-plan.docx"))
    assert len(table_with_header(plan, "Recommendation").rows) == len(case.actions) + 1
    assert not list((tmp_path / "out").glob("*.part"))


@pytest.mark.parametrize("name", DOCS)
def test_properties_marking_page_numbers_and_cover(rendered, awkward, name):
    out, _ = rendered
    doc = Document(str(out / f"{name}.docx"))
    props = doc.core_properties
    assert props.title == TITLES[name]
    assert props.subject == "Serious Case Review: Child W"
    assert props.author == "S&J LSCB" and props.last_modified_by == "S&J LSCB"
    assert set(header_texts(doc)) >= {"OFFICIAL-SENSITIVE", "Page 1 of 1"}
    for section in doc.sections:
        assert section.header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
        assert section.footer.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    footer = xml_part(out / f"{name}.docx", "word/footer1.xml")
    assert " PAGE " in footer and " NUMPAGES " in footer
    cover = texts(doc)[:12]
    assert 'Smith & Jones <Westmoor> "LSCB"' in cover
    assert "Serious Case Review: Child W" in cover
    assert TITLES[name] in cover
    assert "Date: 1 July 2024" in cover
    assert "Reference: WLSCB-SCR-2024-01" in cover
    assert not any("{{" in t or "[[scr:" in t for t in texts(doc) + header_texts(doc))


def test_draft_marking_everywhere(drafts):
    doc = Document(str(drafts / "executive-summary.docx"))
    for section in doc.sections:
        assert section.header.paragraphs[0].text == "DRAFT \u2013 OFFICIAL-SENSITIVE"
        assert section.footer.paragraphs[0].text == "DRAFT \u2013 OFFICIAL-SENSITIVE"
    assert "Version: Draft" in texts(doc)
    assert any(t.startswith("DRAFT: not for circulation") for t in texts(doc))


@pytest.mark.parametrize("name", ["overview-report", "executive-summary"])
def test_contents_field_prefilled_and_refreshed_on_open(rendered, name):
    out, _ = rendered
    path = out / f"{name}.docx"
    document_xml = xml_part(path, "word/document.xml")
    assert 'TOC \\o "1-2" \\h \\z \\u' in document_xml
    assert '<w:updateFields w:val="true"/>' in xml_part(path, "word/settings.xml")
    doc = Document(str(path))
    toc = [p.text for p in doc.paragraphs if p.style.name.lower() in ("toc 1", "toc 2")]
    levels = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert toc == levels and len(toc) > 5


# ---------------------------------------------------------------- content contracts

def test_executive_summary_sections_and_named_people(rendered, awkward):
    out, _ = rendered
    doc = Document(str(out / "executive-summary.docx"))
    assert headings(doc, 1) == list(SUMMARY_HEADINGS)
    body = texts(doc)
    assert "LSCB Chair: Margaret Ellison, Independent Chair, Westmoor LSCB" in body
    assert "Serious Case Review Panel Chair: David Okafor, Independent Panel Chair, Okafor Safeguarding Consultancy" in body
    assert "Overview Report author: Ruth Penhaligon, Independent Overview Author, Penhaligon Reviews Ltd" in body
    everything = "\n".join(body + header_texts(doc))
    assert awkward.board.business_manager.name not in everything, "only the three named people may be named"
    assert "Child W & her \"brother\" were <seen> at home." in body
    assert "Unassessed adults & <carers>" in body


def test_recommendations_identical_in_overview_and_summary(rendered, awkward):
    out, _ = rendered
    for name in ("overview-report", "executive-summary"):
        body = texts(Document(str(out / f"{name}.docx")))
        found = [t for t in body if t.startswith("Recommendation ")]
        assert found == [f"Recommendation {r.number}: {r.text}" for r in awkward.recommendations], name
    overview = texts(Document(str(out / "overview-report.docx")))
    assert any("police-1" in t and t.startswith("Builds on the IMR recommendations") for t in overview)
    assert "This recommendation also carries a lesson for national policy and practice." in overview


@pytest.mark.parametrize("name", ["action-plan", "executive-summary"])
def test_action_plan_table(rendered, awkward, name):
    out, _ = rendered
    doc = Document(str(out / f"{name}.docx"))
    table = table_with_header(doc, "Recommendation")
    assert tuple(c.text for c in table.rows[0].cells) == ACTION_COLUMNS
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(awkward.actions) == 3
    first = dict(zip(ACTION_COLUMNS, rows[0]))
    assert first["Recommendation"].startswith("1. Agencies will record the child's \"voice\" & <views>")
    assert first["Action"] == "Action 1.1 & <check>"
    assert first["Target date"] == "30/09/2024"
    assert (first["Status"], first["Completion date"], first["Evidence"]) == ("Complete", "12/06/2024", "Audit report")
    assert rows[1][0] == rows[0][0], "a recommendation's cell spans all its actions"
    assert [r[8] for r in rows] == ["Complete", "In progress", "Not started"]
    assert "3 actions for 2 recommendations: 1 complete, 1 in progress and 1 not started" in "\n".join(texts(doc))
    sections = doc.sections
    assert sections[0].orientation != WD_ORIENT.LANDSCAPE
    assert sections[-1].orientation == WD_ORIENT.LANDSCAPE and sections[-1].page_width > sections[-1].page_height


def test_chronology_merged_in_date_order_with_scope_marked(rendered):
    out, _ = rendered
    doc = Document(str(out / "multi-agency-chronology.docx"))
    table = table_with_header(doc, "Date")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[4] for r in rows] == ["before the review period", "first & <earliest> in scope", "second",
                                    "third (same day, first read)", "fourth (same day, second read)"]
    assert [r[0] for r in rows] == ["05/01/2021", "01/06/2022", "01/07/2022", "14/03/2023", "14/03/2023"]
    assert [r[7] for r in rows] == ["Outside", "Within", "Within", "Within", "Within"]
    shaded = ['w:fill="E7E6E6"' in row._tr.xml for row in table.rows[1:]]
    assert shaded == [True, False, False, False, False]
    assert "1 entry is outside the review period. " in "\n".join(texts(doc))
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE

    book = load_workbook(out / "multi-agency-chronology.xlsx")
    sheet = book["Chronology"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H6"
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Date", "Time", "Agency", "Source", "Event", "Practitioner", "Significance", "Review period")
    assert [v[0].date() for v in values[1:]] == [dt.date(2021, 1, 5), dt.date(2022, 6, 1), dt.date(2022, 7, 1),
                                                 dt.date(2023, 3, 14), dt.date(2023, 3, 14)]
    assert [v[4] for v in values[1:]] == [r[4] for r in rows]
    assert sheet["A2"].number_format == "DD/MM/YYYY" and sheet["H2"].value == "Outside"
    assert book.properties.title == "Multi-Agency Chronology"
    assert "OFFICIAL-SENSITIVE" in sheet.oddHeader.center.text


def test_markdown_becomes_word_structure(rendered):
    out, _ = rendered
    doc = Document(str(out / "overview-report.docx"))
    paragraphs = doc.paragraphs
    styles = {p.text: p.style.name for p in paragraphs}
    assert headings(doc).count("Introduction") == 1, "the file's own title is not repeated under the section heading"
    assert styles["Why"] == "Heading 2"
    assert styles["Theme one"] == "Heading 2" and styles["Theme two"] == "Heading 2"
    assert styles["first bullet"] == "List Bullet"
    assert styles["step one"] == styles["again one"] == "List Number"
    assert styles["A quotation from Mother."] == "Quote"
    runs = {r.text: (r.bold, r.italic) for p in paragraphs for r in p.runs}
    assert runs["bold"] == (True, None) and runs["italic"] == (None, True) and runs["both"] == (True, True)
    assert runs["matters"] == (True, None)
    assert not any("**" in p.text or p.text.startswith(("- ", "> ", "#")) for p in paragraphs)

    def num_id(text):
        paragraph = next(p for p in paragraphs if p.text == text)
        return paragraph._p.pPr.numPr.numId.val

    assert num_id("step one") == num_id("step two") != num_id("again one"), "each numbered list restarts"
    table = table_with_header(doc, "Agency")
    assert [c.text for c in table.rows[1].cells] == ["Police", "3"]


def test_missing_sections_are_visible_and_reported(tmp_path):
    case = load_case(SAMPLES / "minimal")
    result = render_reports(case, tmp_path, only=["overview"], today=TODAY)
    assert any("Conclusions" in w and "narrative/conclusions.md" in w for w in result.warnings)
    body = texts(Document(str(tmp_path / "overview-report.docx")))
    assert "This section has not been written yet. Add narrative/conclusions.md to the case folder." in body


# ---------------------------------------------------------------- options, templates and failures

@pytest.mark.parametrize(("only", "files"), [
    (["chronology"], ["multi-agency-chronology.docx", "multi-agency-chronology.xlsx"]),
    (["action-plan", "overview-report.docx"], ["overview-report.docx", "action-plan.docx"]),
])
def test_only(awkward, tmp_path, only, files):
    result = render_reports(awkward, tmp_path, only=only, today=TODAY)
    assert [p.name for p in result.written] == files
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"only": ["minutes"]}, "There is no report called 'minutes'"),
])
def test_usage_errors(awkward, tmp_path, kwargs, message):
    with pytest.raises(UsageError, match=message):
        render_reports(awkward, tmp_path, **kwargs)


def _board_templates(tmp_path: Path, change: dict[str, tuple[str, str]]) -> Path:
    folder = tmp_path / "board-templates"
    folder.mkdir()
    for name in DOCS:
        doc = Document(str(DEFAULT_TEMPLATES / f"{name}.docx"))
        if name in change:
            old, new = change[name]
            paragraph = next(p for p in doc.paragraphs if p.text == old)
            paragraph.text = new
        doc.save(str(folder / f"{name}.docx"))
    return folder


def test_board_templates_are_used(awkward, tmp_path):
    folder = _board_templates(tmp_path, {"action-plan": ("{{ board.name }}", "Issued by {{ board.short_name }}")})
    render_reports(awkward, tmp_path / "out", templates_dir=folder, only=["action-plan"], today=TODAY)
    assert "Issued by S&J LSCB" in texts(Document(str(tmp_path / "out" / "action-plan.docx")))


def test_undefined_field_stops_that_document_only(awkward, tmp_path):
    folder = _board_templates(tmp_path, {"overview-report": ("{{ board.name }}", "Board: {{ board.nmae }}")})
    out = tmp_path / "out"
    out.mkdir()
    (out / "overview-report.docx").write_bytes(b"previous")
    with pytest.raises(ProcessingFailed) as info:
        render_reports(awkward, out, templates_dir=folder, today=TODAY)
    message = str(info.value)
    assert "overview-report.docx" in message and "'board.nmae'" in message
    assert str(folder / "overview-report.docx") in message and "near: Board: {{ board.nmae }}" in message
    assert (out / "overview-report.docx").read_bytes() == b"previous"
    assert (out / "executive-summary.docx").is_file() and (out / "multi-agency-chronology.xlsx").is_file()


@pytest.mark.parametrize(("change", "message"), [
    ({"executive-summary": ("{{ body }}", "The report goes here")}, "needs a paragraph containing only {{ body }}"),
])
def test_template_without_body_placeholder(awkward, tmp_path, change, message):
    folder = _board_templates(tmp_path, change)
    with pytest.raises(ProcessingFailed, match=message.replace("{", r"\{").replace("}", r"\}")):
        render_reports(awkward, tmp_path / "out", templates_dir=folder, only=["summary"])


def test_missing_board_template_names_the_file(awkward, tmp_path):
    folder = tmp_path / "partial"
    folder.mkdir()
    with pytest.raises(ProcessingFailed, match=r"partial/overview-report\.docx: the template file is missing"):
        render_reports(awkward, tmp_path / "out", templates_dir=folder, only=["overview"])


# ---------------------------------------------------------------- the command line

def test_cli_render(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "minimal"), "--out", str(out), "--only", "actions"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'action-plan.docx'}" in result.output
    assert (out / "action-plan.docx").is_file() and not (out / "overview-report.docx").exists()


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--out", "{case}/out"], 2, "is inside the input"),
    (["--out", "{tmp}/o", "--only", "minutes"], 2, "There is no report called 'minutes'"),
])
def test_cli_render_errors(tmp_path, args, code, message):
    case = SAMPLES / "minimal"
    args = [a.format(case=case, tmp=tmp_path) for a in args]
    result = CliRunner().invoke(main, ["render", str(case), *args])
    assert result.exit_code == code
    assert message in result.output
    assert not (case / "out").exists()


def test_cli_render_warns_about_unwritten_sections(tmp_path):
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "minimal"), "--out", str(tmp_path), "--only", "summary"])
    assert result.exit_code == 0
    assert "Warning: Executive Summary: section 'Key issues' has no text yet (add narrative/key-issues.md)" in result.output


@pytest.mark.parametrize("part", ["header", "footer"])
def test_template_without_marking_is_refused(awkward, tmp_path, part):
    folder = tmp_path / "board"
    folder.mkdir()
    doc = Document(str(DEFAULT_TEMPLATES / "action-plan.docx"))
    getattr(doc.sections[0], part).paragraphs[0].text = "Northshire"
    doc.save(str(folder / "action-plan.docx"))
    with pytest.raises(ProcessingFailed, match=f"the {part} does not show the protective marking"):
        render_reports(awkward, tmp_path / "out", templates_dir=folder, only=["action-plan"])
    assert not (tmp_path / "out" / "action-plan.docx").exists()


def test_cli_cover_date(tmp_path):
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "minimal"), "--out", str(tmp_path), "--only", "actions",
                                       "--date", "12/03/2024"])
    assert result.exit_code == 0, result.output
    assert "Date: 12 March 2024" in texts(Document(str(tmp_path / "action-plan.docx")))


def test_output_that_is_a_file_is_a_usage_error(awkward, tmp_path):
    target = tmp_path / "reports"
    target.write_text("not a folder")
    with pytest.raises(UsageError, match="is a file"):
        render_reports(awkward, target)


def test_unwritable_output_is_reported_per_document(awkward, tmp_path, monkeypatch):
    from pipeline.render import chronology

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(chronology, "write_chronology_xlsx", refuse)
    monkeypatch.setattr("pipeline.render.reports.write_chronology_xlsx", refuse)
    with pytest.raises(ProcessingFailed, match=r"multi-agency-chronology\.docx: could not be written \(Permission denied\)"):
        render_reports(awkward, tmp_path, today=TODAY)
    assert (tmp_path / "overview-report.docx").is_file() and (tmp_path / "action-plan.docx").is_file()


# Child element order Word insists on (ECMA-376 sequences); out-of-order elements make Word offer to "repair".
_ORDER = {
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
             "tcFitText", "vAlign", "hideMark"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
            "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
            "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
            "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
}


@pytest.mark.parametrize("name", DOCS)
def test_word_element_order(rendered, name):
    from lxml import etree

    out, _ = rendered
    root = etree.fromstring(xml_part(out / f"{name}.docx", "word/document.xml").encode())
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for parent, order in _ORDER.items():
        for element in root.iter(w + parent):
            names = [etree.QName(child).localname for child in element]
            known = [n for n in names if n in order]
            assert known == sorted(known, key=order.index), f"{parent}: {names}"
    ids = [b.get(w + "id") for b in root.iter(w + "bookmarkStart")]
    assert len(ids) == len(set(ids))


def test_spreadsheet_keeps_formula_like_text_as_text(awkward, tmp_path):
    entry = dataclasses.replace(awkward.chronology[0], event='=HYPERLINK("http://example.org","click")')
    case = dataclasses.replace(awkward, chronology=[entry])
    render_reports(case, tmp_path, only=["chronology"], today=TODAY)
    cell = load_workbook(tmp_path / "multi-agency-chronology.xlsx")["Chronology"]["E2"]
    assert cell.value == '=HYPERLINK("http://example.org","click")' and cell.data_type == "s"
    with zipfile.ZipFile(tmp_path / "multi-agency-chronology.xlsx") as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet1.xml").decode()
