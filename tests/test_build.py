"""`scr build`: the publication pack for the sample case passes its own check, offline, without touching the case."""
from __future__ import annotations

import hashlib
import json
import shutil
import socket
import zipfile
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pipeline.build import INTERNAL_MARKING, KEY_NAME, build_pack
from pipeline.case import load_case
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHILD_A = ROOT / "samples" / "child-a"
REPORTS = ["overview-report.docx", "executive-summary.docx", "action-plan.docx", "multi-agency-chronology.docx",
           "multi-agency-chronology.xlsx"]


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _all_xml_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                         if n.endswith((".xml", ".rels")))


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object, dict[str, str], dict[str, str]]:
    out = tmp_path_factory.mktemp("pack")
    before = _hashes(CHILD_A)
    with pytest.MonkeyPatch.context() as mp:
        # Case files are highly sensitive: the whole build must work with the network switched off.
        def refuse(*args, **kwargs):
            raise AssertionError("scr build tried to open a network connection")

        mp.setattr(socket, "create_connection", refuse)
        mp.setattr(socket.socket, "connect", refuse)
        result = build_pack(CHILD_A, out)
    return out, result, before, _hashes(CHILD_A)


def test_sample_pack_passes_its_check(pack) -> None:
    out, result, _, _ = pack
    assert result.exit_code == 0, (out / "check-report.md").read_text(encoding="utf-8")
    assert result.report.blocking == 0


def test_pack_layout(pack) -> None:
    out, result, _, _ = pack
    published = sorted(p.name for p in (out / "publication").iterdir())
    for name in REPORTS:
        assert name in published
        assert (out / "internal" / name).is_file()
    # The agency documents from documents/ are anonymised into the pack too, under anonymised names.
    assert len(published) == len(REPORTS) + len(load_case(CHILD_A).documents)
    assert (out / "internal" / KEY_NAME).is_file()
    assert not list((out / "publication").glob("*.csv")), "logs and keys never go in the publication folder"
    assert (out / "check-report.md").read_text(encoding="utf-8").startswith("# Publication check")


def test_no_register_name_survives_in_publication(pack) -> None:
    out, _, _, _ = pack
    case = load_case(CHILD_A)
    names = {p.name for p in case.register.people} | {p.name for p in case.register.places}
    names |= {"Harrington", "Kershaw-Bland", "O'Donnell", "O&apos;Donnell"}
    for path in (out / "publication").iterdir():
        text = _all_xml_text(path).lower()
        for name in names:
            assert name.lower() not in text, f"{name} survives in {path.name}"


def test_internal_drafts_keep_names_and_say_so(pack) -> None:
    out, _, _, _ = pack
    text = _all_xml_text(out / "internal" / "multi-agency-chronology.docx")
    assert "Harrington" in text
    assert INTERNAL_MARKING in text
    assert INTERNAL_MARKING not in _all_xml_text(out / "publication" / "overview-report.docx")


def test_key_names_the_originals_and_stays_internal(pack) -> None:
    out, _, _, _ = pack
    key = (out / "internal" / KEY_NAME).read_text(encoding="utf-8")
    assert "Poppy" in key and "Child A" in key


def test_check_report_json_matches_schema(pack) -> None:
    out, _, _, _ = pack
    schema = json.loads((ROOT / "schemas" / "check-report.schema.json").read_text(encoding="utf-8"))
    data = json.loads((out / "check-report.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["summary"]["files"] == len(list((out / "publication").iterdir()))


def test_case_folder_untouched(pack) -> None:
    _, _, before, after = pack
    assert before == after


def test_cli_refuses_output_inside_the_case(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(ROOT / "samples" / "minimal", case)
    result = CliRunner().invoke(main, ["build", str(case), "--out", str(case / "out")])
    assert result.exit_code == 2
    assert "is inside the input" in result.output


def test_cli_invalid_case_stops_before_anything_is_written(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(ROOT / "samples" / "minimal", case)
    (case / "chronologies" / "police.csv").write_text("Date,Event\n31/02/2023,x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(case), "--out", str(tmp_path / "pack")])
    assert result.exit_code == 1
    assert "'31/02/2023' is not a real date" in result.output
    assert not (tmp_path / "pack").exists()


def test_published_reports_still_count_their_pages(pack) -> None:
    # The anonymiser once rewrote the NUMPAGES field, so every published page said "Page 3 of 1".
    out, _, _, _ = pack
    for name in ("overview-report.docx", "executive-summary.docx", "action-plan.docx"):
        assert "NUMPAGES" in _all_xml_text(out / "publication" / name), name
