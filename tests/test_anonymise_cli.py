"""`scr anonymise` as a user runs it: batches, consistency, safety of inputs, keys and logs, failures."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docxfactory import build_simple_docx, write_register

from pipeline.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Two documents that both mention people who are not in the register.
FIRST = ["Jennifer Blackwood visited the family home on 3 May 2023.",
         "Poppy Harrington was at school. Mr Graham Pettifer, the neighbour, called the police."]
SECOND = ["Graham Pettifer told the officer he had heard shouting.",
          "Jennifer Blackwood said Poppy Harrington seemed well."]


def _run(*args: str):
    return CliRunner().invoke(main, ["anonymise", *args], catch_exceptions=False)


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs]


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture()
def batch(tmp_path) -> tuple[Path, Path]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    build_simple_docx(inputs / "a_chronology.docx", FIRST)
    build_simple_docx(inputs / "b_imr.docx", SECOND)
    (inputs / "c_notes.txt").write_text("Line one names Poppy Harrington.\n\nJennifer Blackwood\nrang at 10am.\n",
                                        encoding="utf-8")
    (inputs / "d_summary.md").write_text("# Summary\n\n- Graham Pettifer was interviewed.\n", encoding="utf-8")
    return inputs, write_register(tmp_path / "register.yaml")


def test_same_unknown_person_gets_the_same_label_in_every_file(batch, tmp_path):
    inputs, register = batch
    out = tmp_path / "out"
    result = _run(str(inputs), "--out", str(out), "--register", str(register))
    assert result.exit_code == 0, result.output
    first, second = _texts(out / "a_chronology.docx"), _texts(out / "b_imr.docx")
    assert first == ["Person 1 visited the family home on 3 May 2023.",
                     "Child A was at school. Person 2, the neighbour, called the police."]
    assert second == ["Person 2 told the officer he had heard shouting.", "Person 1 said Child A seemed well."]
    assert (out / "c_notes.txt").read_text(encoding="utf-8") == (
        "Line one names Child A.\n\nPerson 1\nrang at 10am.\n")
    assert (out / "d_summary.md").read_text(encoding="utf-8") == "# Summary\n\n- Person 2 was interviewed.\n"


def test_two_workers_give_exactly_the_same_output(batch, tmp_path):
    inputs, register = batch
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        result = _run(str(inputs), "--out", str(out), "--register", str(register), "--workers", workers)
        assert result.exit_code == 0, result.output
        outputs[workers] = (
            [_texts(p) for p in sorted(out.glob("*.docx"))],
            [p.read_text(encoding="utf-8") for p in sorted(out.glob("*.*")) if p.suffix in (".txt", ".md", ".csv")],
        )
    assert outputs["1"] == outputs["2"]


def test_inputs_are_never_modified(batch, tmp_path):
    inputs, register = batch
    before = _hashes(inputs)
    assert _run(str(inputs), "--out", str(tmp_path / "out"), "--register", str(register)).exit_code == 0
    assert _hashes(inputs) == before


@pytest.mark.parametrize("where", ["same", "inside"])
def test_output_folder_may_not_be_an_input_folder(batch, where):
    inputs, register = batch
    out = inputs if where == "same" else inputs / "anonymised"
    before = _hashes(inputs)
    result = _run(str(inputs), "--out", str(out), "--register", str(register))
    assert result.exit_code == 2
    assert "is inside the input" in result.output
    assert _hashes(inputs) == before


def test_key_is_written_only_when_asked_and_never_inside_the_output(batch, tmp_path):
    inputs, register = batch
    out = tmp_path / "out"
    assert _run(str(inputs), "--out", str(out), "--register", str(register)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "a_chronology.docx", "b_imr.docx", "c_notes.txt", "d_summary.md", "redaction-log.csv"]

    refused = _run(str(inputs), "--out", str(out), "--register", str(register), "--key", str(out / "key.csv"))
    assert refused.exit_code == 2
    assert "keep it apart from what will be sent" in refused.output

    overwrite = _run(str(inputs), "--out", str(out), "--register", str(register), "--key", str(inputs / "c_notes.txt"))
    assert overwrite.exit_code == 2
    assert "is one of the files to anonymise" in overwrite.output

    key = tmp_path / "secure" / "key.csv"
    assert _run(str(inputs), "--out", str(out), "--register", str(register), "--key", str(key)).exit_code == 0
    rows = list(csv.DictReader(key.open(encoding="utf-8")))
    assert {"original": "Jennifer Blackwood", "replacement": "Person 1"}.items() <= rows[0].items()
    assert any(r["location"] == "paragraph 2" and r["original"].endswith("Graham Pettifer") for r in rows)


def test_redaction_log_lists_replacements_without_originals(batch, tmp_path):
    inputs, register = batch
    out = tmp_path / "out"
    assert _run(str(inputs), "--out", str(out), "--register", str(register)).exit_code == 0
    rows = list(csv.DictReader((out / "redaction-log.csv").open(encoding="utf-8")))
    assert {"file": "a_chronology.docx", "location": "paragraph 1", "entity_type": "PERSON",
            "replacement": "Person 1", "source": "ner"} in rows
    assert {"file": "a_chronology.docx", "location": "whole file", "entity_type": "author names",
            "replacement": "1 replaced by 'Author'", "source": "cleaning"} in rows
    text = (out / "redaction-log.csv").read_text(encoding="utf-8")
    for name in ("Jennifer", "Blackwood", "Pettifer", "Poppy", "Harrington"):
        assert name not in text


def test_a_damaged_file_is_reported_and_the_others_are_written(batch, tmp_path):
    inputs, register = batch
    (inputs / "broken.docx").write_bytes(b"this is not a Word file")
    (inputs / "latin1.txt").write_bytes("Caf\xe9 visit with Poppy Harrington\n".encode("latin-1"))
    out = tmp_path / "out"
    result = _run(str(inputs), "--out", str(out), "--register", str(register))
    assert result.exit_code == 1
    assert "2 file(s) could not be anonymised" in result.output
    assert "broken.docx: it is not a valid Word/Excel file" in result.output
    assert "latin1.txt, line 1: is not UTF-8 text" in result.output
    assert (out / "a_chronology.docx").exists() and (out / "b_imr.docx").exists()
    assert not (out / "broken.docx").exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_file_names_are_anonymised(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    build_simple_docx(inputs / "IMR_Poppy Harrington_Police.docx", ["Nothing to see."])
    (inputs / "poppy-harrington-notes.txt").write_text("Nothing to see.\n", encoding="utf-8")
    register = write_register(tmp_path / "register.yaml")
    out = tmp_path / "out"
    assert _run(str(inputs), "--out", str(out), "--register", str(register)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "Child A-notes.txt", "IMR_Child A_Police.docx", "redaction-log.csv"]


def test_case_folder_keeps_the_three_named_people(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "letter.txt").write_text(
        "Margaret Ellison (Chair) and Ruth Penhaligon discussed Lily Carter with Jennifer Blackwood.\n", encoding="utf-8")
    result = _run(str(inputs), "--out", str(tmp_path / "out"), "--case", str(SAMPLES / "minimal"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "letter.txt").read_text(encoding="utf-8") == (
        "Margaret Ellison (Chair) and Ruth Penhaligon discussed Child W with Person 1.\n")


def test_without_a_register_it_runs_and_says_so(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "note.txt").write_text("Jennifer Blackwood rang the duty desk.\n", encoding="utf-8")
    result = _run(str(inputs), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "no register was given" in result.output
    assert (tmp_path / "out" / "note.txt").read_text(encoding="utf-8") == "Person 1 rang the duty desk.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--case", "CASE", "--register", "REG"], "either --case or --register"),
        (["--workers", "0"], "0 is not in the range"),
        (["--dates", "week"], "'week' is not one of"),
    ],
)
def test_bad_usage_exits_2(batch, tmp_path, args, message):
    inputs, register = batch
    args = [a.replace("CASE", str(SAMPLES / "minimal")).replace("REG", str(register)) for a in args]
    result = _run(str(inputs), "--out", str(tmp_path / "out"), *args)
    assert result.exit_code == 2
    assert message in result.output


_OFFLINE = """
import atexit, socket, sys
attempts = []
class NoNetwork(socket.socket):
    # Creating a socket is harmless (urllib3 probes for IPv6 on import); connecting or sending is not.
    def connect(self, address):
        return refuse(address)
    def connect_ex(self, address):
        return refuse(address)
    def sendto(self, *args):
        return refuse(*args)
def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("network disabled by the test")
socket.socket = NoNetwork
socket.create_connection = refuse
socket.getaddrinfo = refuse
atexit.register(lambda: sys.stderr.write(f"NETWORK ATTEMPTS: {len(attempts)}\\n"))
from pipeline.cli import main
sys.exit(main())
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_whole_stage_runs_with_the_network_disabled(tmp_path, workers):
    import subprocess
    import sys

    from docxfactory import build_docx

    inputs = tmp_path / "in"
    inputs.mkdir()
    build_docx(inputs / "planted.docx")
    (inputs / "note.txt").write_text("Email sarah.okafor@northshire.gov.uk about Jennifer Blackwood.\n", encoding="utf-8")
    register = write_register(tmp_path / "register.yaml")
    done = subprocess.run(
        [sys.executable, "-c", _OFFLINE, "anonymise", str(inputs), "--out", str(tmp_path / "out"),
         "--register", str(register), "--workers", workers],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "NETWORK ATTEMPTS: 0" in done.stderr
    assert (tmp_path / "out" / "note.txt").read_text(encoding="utf-8") == "Email [email address] about Person 1.\n"


def test_a_missing_language_model_stops_everything(batch, tmp_path, monkeypatch):
    inputs, register = batch
    monkeypatch.setenv("SCR_SPACY_MODEL", "no_such_model_installed")
    result = _run(str(inputs), "--out", str(tmp_path / "out"), "--register", str(register))
    assert result.exit_code == 1
    assert "The language model 'no_such_model_installed' could not be loaded" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("crlf.txt", "Poppy Harrington\r\nwas seen.\r\n".encode(), "Child A\r\nwas seen.\r\n".encode()),
        ("bom.md", "\ufeff# Poppy Harrington\n".encode(), "\ufeff# Child A\n".encode()),
        ("wrapped.txt", b"The visit by Jennifer\nBlackwood ended.\n\n\nEnd\n", b"The visit by Person 1\n ended.\n\n\nEnd\n"),
    ],
)
def test_text_files_keep_their_lines_endings_and_marks(tmp_path, name, content, expected):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / name).write_bytes(content)
    register = write_register(tmp_path / "register.yaml")
    assert _run(str(inputs / name), "--out", str(tmp_path / "out"), "--register", str(register)).exit_code == 0
    assert (tmp_path / "out" / name).read_bytes() == expected


def test_password_protected_or_old_format_files_are_explained(batch, tmp_path):
    inputs, register = batch
    (inputs / "locked.docx").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 512)
    result = _run(str(inputs), "--out", str(tmp_path / "out"), "--register", str(register))
    assert result.exit_code == 1
    assert "locked.docx: it is password-protected" in result.output


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_name_found_in_one_file_is_caught_alone_in_every_other_file(tmp_path, workers):
    # The bare surname comes first (a_...), the full name only in a later file: order must not matter.
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_later_note.txt").write_text("Later Blackwood rang again and Jennifer left.\n", encoding="utf-8")
    build_simple_docx(inputs / "b_visit.docx", ["Jennifer Blackwood visited the home."])
    (inputs / "c_other.txt").write_text("Nothing about anyone.\n", encoding="utf-8")
    result = _run(str(inputs), "--out", str(tmp_path / "out"), "--workers", workers)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "a_later_note.txt").read_text(encoding="utf-8") == (
        "Later Person 1 rang again and Person 1 left.\n")
    assert _texts(tmp_path / "out" / "b_visit.docx") == ["Person 1 visited the home."]


def test_dates_in_a_date_of_birth_column_of_a_word_table_are_replaced(tmp_path):
    # The cell holds only a date; the column heading (or the label cell beside it) says it is a date of birth.
    # Ordinary dates stay, since --dates keep.
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Name", "DOB", "Seen"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Child A", "11/02/2021", "03/05/2023"]):
        cell.text = text
    for cell, text in zip(table.rows[2].cells, ["Sibling 1", "23 July 2015", "04/05/2023"]):
        cell.text = text
    labels = document.add_table(rows=1, cols=2)
    labels.rows[0].cells[0].text = "Date of birth:"
    labels.rows[0].cells[1].text = "05/09/1996"
    document.save(inputs / "family.docx")
    assert _run(str(inputs), "--out", str(out), "--dates", "keep").exit_code == 0
    written = docx.Document(out / "family.docx")
    cells = [[c.text for c in row.cells] for t in written.tables for row in t.rows]
    assert cells[1][1] == cells[2][1] == cells[3][1] == "[date of birth]", cells
    assert cells[1][2] == "03/05/2023" and cells[2][2] == "04/05/2023", cells
