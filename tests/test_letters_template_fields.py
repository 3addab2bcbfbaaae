"""`scr templates check` knows the fields the letter layout is given, so a board's edited copy is fully checked."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
from click.testing import CliRunner

from pipeline.cli import main

LETTERS = Path(__file__).resolve().parent.parent / "templates" / "letters"


def test_shipped_letter_layout_passes() -> None:
    result = CliRunner().invoke(main, ["templates", "check", str(LETTERS)])
    assert result.exit_code == 0, result.output
    assert "fields not checked" not in result.output


def test_misspelt_field_in_a_boards_letter_layout_is_named(tmp_path: Path) -> None:
    shutil.copy(LETTERS / "letter.docx", tmp_path / "letter.docx")
    document = docx.Document(str(tmp_path / "letter.docx"))
    document.add_paragraph("Yours, {{ signatory.nmae }}")
    document.save(str(tmp_path / "letter.docx"))
    result = CliRunner().invoke(main, ["templates", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "'{{ signatory.nmae }}' is not provided by the pipeline" in result.output
