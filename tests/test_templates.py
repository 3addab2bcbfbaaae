"""The report templates and `scr templates check`: real Word files, every field they use is provided."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli import main
from pipeline.render.docx_template import template_variables
from pipeline.render.reports import REPORT_FIELDS, REPORTS
from pipeline.render.template_check import check_template, check_templates, register_template_fields

ROOT = Path(__file__).resolve().parents[1]
REPORT_TEMPLATES = ROOT / "templates" / "reports"


@pytest.mark.parametrize("name", list(REPORTS))
def test_each_report_has_a_real_word_template_using_only_provided_fields(name):
    path = REPORT_TEMPLATES / f"{name}.docx"
    doc = Document(str(path))  # opens as a Word document
    assert {"body", "marking"} <= template_variables(path) <= set(REPORT_FIELDS)
    assert check_template(path) == []
    text = [p.text for p in doc.paragraphs]
    assert "{{ body }}" in text
    assert ("{{ contents }}" in text) == (name in ("overview-report", "executive-summary"))
    assert doc.sections[0].header.paragraphs[0].text == "{{ marking }}"
    styles = {s.name for s in doc.styles}
    assert {"SCR Table", "toc 1", "toc 2", "Heading 1", "Heading 2", "Quote", "List Bullet", "List Number"} <= styles
    assert round(doc.sections[0].page_width.cm, 1) == 21.0, "A4 paper"


def test_committed_templates_match_the_build_script(tmp_path):
    subprocess.run([sys.executable, str(REPORT_TEMPLATES / "build_templates.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for name in REPORTS:
        with zipfile.ZipFile(REPORT_TEMPLATES / f"{name}.docx") as a, zipfile.ZipFile(tmp_path / f"{name}.docx") as b:
            for part in ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml"):
                assert a.read(part) == b.read(part), f"{name}.docx {part}: rerun templates/reports/build_templates.py"


def _copy_with(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "board"
    folder.mkdir(exist_ok=True)
    doc = Document(str(REPORT_TEMPLATES / f"{name}.docx"))
    doc.add_paragraph(text)
    doc.save(str(folder / f"{name}.docx"))
    return folder


@pytest.mark.parametrize(("text", "expected"), [
    ("{{ boardname }}", "'{{ boardname }}' is not provided by the pipeline; fields available: board, body, case"),
    ("{{ board.nmae }}", "'{{ board.nmae }}' is not provided by the pipeline; board has: name, short_name"),
    ("{{ review.dates.decison|uk_date }}", "'{{ review.dates.decison }}' is not provided"),
    ("{{ chair.name.first }}", "'{{ chair.name.first }}' is not provided"),
    ("{% if draft %}never closed", "template syntax error in the main text"),
    ("Dear {{ board.name }", "near: {{ body }} Dear {{ board.name }\n"),
])
def test_check_reports_problem_with_file_and_text(tmp_path, text, expected):
    folder = _copy_with(tmp_path, "action-plan", text)
    findings = check_templates(folder)
    assert len(findings) == 1 and findings[0].error
    assert findings[0].template == folder / "action-plan.docx"
    assert expected in findings[0].message


@pytest.mark.parametrize("text", [
    "{{ board.address[0] }} {{ review.completion_due|uk_date }} {{ case.narrative.introduction }}",
    "{% for m in case.panel_members %}{{ m.job_title }}{% endfor %} {{ chair.name|upper }}",
    "{{ review.dates.scope_start.year }} {{ case.agencies[0].is_nhs }}",
])
def test_check_accepts_valid_field_use(tmp_path, text):
    assert check_templates(_copy_with(tmp_path, "overview-report", text)) == []


def test_unregistered_template_is_syntax_checked_only(tmp_path):
    doc = Document()
    doc.add_paragraph("{{ anything.at.all }}")
    doc.save(str(tmp_path / "custom.docx"))
    [finding] = check_templates(tmp_path)
    assert not finding.error and "fields not checked" in finding.message
    register_template_fields("custom.docx", {"anything": str})
    try:
        [finding] = check_templates(tmp_path)
        assert finding.error and "'{{ anything.at }}' is not provided" in finding.message
    finally:
        from pipeline.render import template_check

        template_check._REGISTERED.pop("custom.docx")


def test_cli_check_ok_and_failing(tmp_path):
    runner = CliRunner()
    good = runner.invoke(main, ["templates", "check", str(REPORT_TEMPLATES)])
    assert good.exit_code == 0 and "All templates in" in good.output
    folder = _copy_with(tmp_path, "executive-summary", "Signed {{ chair.nam }}")
    bad = runner.invoke(main, ["templates", "check", str(folder)])
    assert bad.exit_code == 1
    assert f"{folder / 'executive-summary.docx'}: '{{{{ chair.nam }}}}' is not provided" in bad.output
    assert "1 problem(s) in 1 template(s)" in bad.output


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: None, "contains no Word templates"),
    (lambda p: (p / "overview-report.docx").write_bytes(b"not a docx"), "is not a Word .docx file"),
])
def test_cli_check_empty_or_unreadable(tmp_path, setup, message):
    setup(tmp_path)
    result = CliRunner().invoke(main, ["templates", "check", str(tmp_path)])
    assert result.exit_code == 1 and message in result.output
