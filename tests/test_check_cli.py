"""`scr check` on the command line: exit codes, text and JSON output (validated against the schema),
masking of what was found, the rule list and a board's own rules file."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import jsonschema
import pytest
import yaml
from checkdocs import executive_summary, simple_docx, summary_register
from click.testing import CliRunner
from docxfactory import write_register

from pipeline.check import RULES, check_paths, load_rule_config, mask
from pipeline.check.config import DEFAULT_RULES_FILE
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "check-report.schema.json").read_text(encoding="utf-8"))
LEAKY = ["Poppy Harrington was seen by Sarah Okafor at 14 Larch Close, Eastbridge.",
         "Contact the family on 07700 900123."]


def run(*args: str):
    return CliRunner().invoke(main, ["check", *map(str, args)])


@pytest.fixture()
def register_file(tmp_path) -> Path:
    return write_register(tmp_path / "register.yaml")


@pytest.fixture()
def leaky(tmp_path) -> Path:
    (tmp_path / "docs").mkdir()
    return simple_docx(tmp_path / "docs" / "IMR Poppy Harrington.docx", LEAKY)


def test_list_rules_prints_every_rule_with_its_code():
    result = run("--list-rules")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == sorted(RULES)
    assert any("SCR101" in line and "register" in line for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Name at least one file or folder"),
        (("{docx}", "--case", "samples/minimal", "--register", "{register}"), "either --case or --register"),
        (("nowhere.docx",), "does not exist"),
        (("{text}",), "files cannot be checked"),
        (("{docx}", "--format", "yaml"), "Invalid value for '--format'"),
    ],
)
def test_bad_usage_exits_2(tmp_path, register_file, args, message):
    files = {"docx": simple_docx(tmp_path / "a.docx", ["Text."]), "register": register_file,
             "text": tmp_path / "notes.odt"}
    files["text"].write_text("notes", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", *[a.format(**files) if a.startswith("{") else
                                                  (str(ROOT / a) if a.startswith("samples") else a) for a in args]])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_a_clean_file_exits_0(tmp_path, register_file):
    result = run(simple_docx(tmp_path / "letter.docx", ["Child A was seen by Health Visitor 1."]),
                 "--register", register_file)
    assert result.exit_code == 0, result.output
    assert "PASSED" in result.output


def test_a_leaky_file_exits_1_and_masks_what_it_found(leaky, register_file):
    result = run(leaky, "--register", register_file)
    assert result.exit_code == 1
    assert "blocking finding(s)" in result.output
    for secret in ("Poppy", "Harrington", "Okafor", "Larch", "900123"):
        assert secret not in result.output, secret
    assert "P**** H****" in result.output and "0**** 9****" in result.output
    assert "I**** P**** H****.docx" in result.output  # the file name itself is a finding, so the path is masked too


def test_show_prints_what_was_found(leaky, register_file):
    result = run(leaky, "--register", register_file, "--show")
    assert result.exit_code == 1
    assert "'Poppy Harrington'" in result.output and "07700 900123" in result.output
    assert "IMR Poppy Harrington.docx" in result.output


@pytest.mark.parametrize("show", [False, True])
def test_json_output_follows_the_schema(leaky, register_file, tmp_path, show):
    clean = simple_docx(tmp_path / "clean.docx", ["Child A was seen."])
    args = [leaky, clean, "--register", register_file, "--format", "json"] + (["--show"] if show else [])
    result = CliRunner().invoke(main, ["check", *map(str, args)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    first, second = data["files"]
    assert {f["category"] for f in first["findings"]} >= {"person", "place", "contact", "filename"}
    assert second == {"path": str(clean), "format": "docx", "document": None, "status": "passed", "findings": []}
    assert data["summary"]["passed"] is False and data["summary"]["files_blocked"] == 1
    assert ("Poppy Harrington" in result.stdout) is show


def test_the_schema_rejects_a_report_that_breaks_the_contract(leaky, register_file):
    report = check_paths([leaky], register=summary_register())
    data = report.to_dict()
    jsonschema.validate(data, SCHEMA)
    data["files"][0]["findings"][0]["category"] = "names"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_a_damaged_file_is_reported_and_the_rest_are_still_checked(tmp_path, register_file):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a Word file")
    good = simple_docx(tmp_path / "good.docx", ["Child A was seen."])
    result = CliRunner().invoke(main, ["check", str(broken), str(good), "--register", str(register_file),
                                       "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["files"][0]["status"] == "not checked" and "not a valid Word" in data["files"][0]["error"]
    assert data["files"][1]["status"] == "passed"


def test_a_folder_is_checked_file_by_file(tmp_path, register_file):
    folder = tmp_path / "publication"
    folder.mkdir()
    simple_docx(folder / "one.docx", ["Child A was seen."])
    simple_docx(folder / "two.docx", ["Poppy was seen."])
    (folder / "~$one.docx").write_bytes(b"Word's lock file")
    result = run(folder, "--register", register_file)
    assert result.exit_code == 1
    assert "PASSED       " in result.output and "BLOCKED      " in result.output
    assert "~$one" not in result.output


def test_a_file_in_a_folder_that_cannot_be_read_blocks_rather_than_being_skipped(tmp_path, register_file):
    folder = tmp_path / "publication"
    folder.mkdir()
    simple_docx(folder / "summary.docx", ["Child A was seen."])
    (folder / "old-imr.doc").write_bytes(b"\xd0\xcf\x11\xe0 Word 97")
    result = CliRunner().invoke(main, ["check", str(folder), "--register", str(register_file), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    statuses = {Path(f["path"]).name: (f["status"], f.get("error", "")) for f in data["files"]}
    assert statuses["summary.docx"] == ("passed", "")
    assert statuses["old-imr.doc"][0] == "not checked" and "Convert it to .docx" in statuses["old-imr.doc"][1]


def test_text_and_markdown_files_are_checked_line_by_line(tmp_path, register_file):
    notes = tmp_path / "notes.md"
    notes.write_text("# Visit notes\n\nChild A was seen.\n\nKerry Walsh was not at home.\n", encoding="utf-8")
    result = run(notes, "--register", register_file)
    assert result.exit_code == 1
    assert "SCR101 block person           line 5: The name 'K**** W****'" in result.output


def test_without_a_register_the_report_says_so(tmp_path):
    result = run(simple_docx(tmp_path / "a.docx", ["Child A was seen."]))
    assert result.exit_code == 0
    assert "No register was given" in result.output


def test_the_case_folder_gives_the_register_and_the_named_people(tmp_path):
    summary = executive_summary(tmp_path / "executive-summary.docx")
    assert run(summary, "--case", ROOT / "samples" / "minimal").exit_code == 0
    leak = simple_docx(tmp_path / "imr.docx", ["Lily Carter was at nursery."])
    result = run(leak, "--case", ROOT / "samples" / "minimal")
    assert result.exit_code == 1 and "SCR101" in result.output


def test_a_board_can_switch_rules_and_severities(tmp_path, register_file):
    rules = tmp_path / "rules.yaml"
    enabled = [code for code in load_rule_config().enabled if code != "SCR101"]
    rules.write_text(yaml.safe_dump({"enabled": enabled, "severity": {"SCR102": "warn"}}), encoding="utf-8")
    listing = run("--list-rules", "--rules", rules).output
    assert "SCR101  block  person            A name" in listing and "(switched off)" in listing
    leak = simple_docx(tmp_path / "imr.docx", ["Poppy Harrington met Jonathan Pemberton."])
    result = run(leak, "--register", register_file, "--rules", rules, "--format", "json")
    codes = {(f["code"], f["severity"]) for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert ("SCR101", "block") not in codes
    assert ("SCR102", "warn") in codes


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("enabled: [SCR101, SCR999]\n", "unknown rule code(s): SCR999"),
        ("enabled: SCR101\n", "'enabled' must be a list"),
        ("enabled: [SCR101]\nseverity: {SCR101: fatal}\n", "must be 'block' or 'warn'"),
        ("enabled: [SCR101\n", "not valid YAML"),
    ],
)
def test_a_broken_rules_file_is_explained(tmp_path, content, message):
    rules = tmp_path / "rules.yaml"
    rules.write_text(content, encoding="utf-8")
    result = run(simple_docx(tmp_path / "a.docx", ["Text."]), "--rules", rules)
    assert result.exit_code == 1
    assert message in result.output and "rules.yaml" in result.output


def test_the_shipped_rules_file_switches_on_every_rule():
    assert set(load_rule_config(DEFAULT_RULES_FILE).enabled) == set(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_stable_code_and_a_description(code):
    rule = RULES[code]
    assert rule.code == code and code[:3] == "SCR" and code[3:].isdigit() and len(code) == 6
    assert rule.description and len(rule.description) < 140


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Poppy Harrington", "P**** H****"),
        ("Pops", "P****"),
        ("07700 900123", "0**** 9****"),
        ("sarah.okafor@northshire.gov.uk", "s****"),
        ("14 Larch Close, Eastbridge", "1**** L**** C****, E****"),
        ("A", "A****"),
    ],
)
def test_masking_keeps_first_letters_and_hides_lengths(text, masked):
    assert mask(text) == masked


def test_checking_needs_no_network(tmp_path, register_file, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during a check")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = run(simple_docx(tmp_path / "imr.docx", LEAKY), "--register", register_file)
    assert result.exit_code == 1 and "SCR101" in result.output


def test_scr_anonymise_then_scr_check_passes(tmp_path, register_file):
    """The issue's round trip on the command line: a file with an identifier in every part is blocked,
    `scr anonymise` cleans it, and `scr check` on the output folder then exits 0."""
    from docxfactory import build_docx

    source = tmp_path / "in"
    source.mkdir()
    planted = build_docx(source / "IMR_Poppy_Harrington_Police.docx",
                         body=["NHS number 943 476 5919.", "DOB: 12/03/2019."])
    assert run(planted, "--register", register_file).exit_code == 1
    out = tmp_path / "out"
    anonymised = CliRunner().invoke(main, ["anonymise", str(source), "--out", str(out), "--register",
                                           str(register_file)])
    assert anonymised.exit_code == 0, anonymised.output
    result = run(out, "--register", register_file)
    assert result.exit_code == 0, result.output
    assert "redaction-log.csv was not checked" in result.output
    assert "SCR223 warn" in result.output  # the image is still there: check it by eye


def test_without_the_language_model_the_check_stops(tmp_path, register_file, monkeypatch):
    from pipeline.anonymise import nlp

    monkeypatch.setenv("SCR_SPACY_MODEL", "no_such_model_xyz")
    monkeypatch.setattr(nlp, "_MODELS", {})
    result = run(simple_docx(tmp_path / "imr.docx", ["Poppy Harrington was seen."]), "--register", register_file)
    assert result.exit_code == 1
    assert "no_such_model_xyz" in result.output and "could not be loaded" in result.output
    assert "PASSED" not in result.output


def test_markdown_report_for_the_business_manager(leaky, tmp_path):
    clean = simple_docx(tmp_path / "clean.docx", ["Child A was seen."])
    report = check_paths([leaky, clean], register=summary_register())
    markdown = report.to_markdown(title="Publication check: NLSCB-SCR-2023-02")
    lines = markdown.splitlines()
    assert lines[0] == "# Publication check: NLSCB-SCR-2023-02"
    assert lines[2].startswith("**BLOCKED:")
    assert f"| {clean} |  | passed | 0 | 0 |" in lines
    assert any(line.startswith("| ") and "I**** P**** H****.docx" in line and "| blocked |" in line for line in lines)
    assert "- **block** `SCR301` (filename) — file name:" in markdown
    assert "Poppy" not in markdown and "Harrington" not in markdown
