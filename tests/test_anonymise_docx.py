"""A Word file with an identifier in every part, anonymised by the real anonymiser, then searched part by
part (the unzipped XML, and the same with tags stripped so a name split over runs is still seen)."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import docx
import pytest
from docxfactory import EXEMPT, NEEDLES, build_docx, part_texts, survivors, write_register
from lxml import etree

from pipeline.anonymise.batch import BatchOptions, anonymise_batch
from pipeline.register import load_register


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    base = tmp_path_factory.mktemp("docx")
    (base / "in").mkdir()
    source = build_docx(base / "in" / "IMR_Poppy Harrington_Police.docx")
    register = load_register(write_register(base / "register.yaml"))
    result = anonymise_batch([source], BatchOptions(out_dir=base / "out", register=register))
    assert not result.failures, result.failures
    return source, result.files[0].output, result


def test_no_identifier_survives_in_any_part(run):
    source, output, _ = run
    assert survivors(source), "the factory should have planted identifiers"
    assert survivors(output, NEEDLES) == {}


def test_exempt_chair_is_still_named(run):
    _, output, _ = run
    assert f"The review was chaired by {EXEMPT}, Independent Chair." in [p.text for p in docx.Document(output).paragraphs]


def test_split_name_takes_the_first_runs_formatting_and_the_sentence_survives(run):
    _, output, _ = run
    paragraph = next(p for p in docx.Document(output).paragraphs if p.text.startswith("Home visit:"))
    assert paragraph.text == "Home visit: Child A was asleep when the health visitor arrived."
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs if r.text]
    assert runs == [("Home visit: ", False, False), ("Child A", True, False),
                    (" was asleep when the health visitor arrived.", False, False)]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (lambda d: d.sections[0].first_page_header.paragraphs[0].text, "Child A"),
        (lambda d: d.sections[0].even_page_header.paragraphs[0].text, "Father"),
        (lambda d: d.tables[0].cell(1, 0).text, "Father"),
        (lambda d: d.tables[0].cell(1, 1).tables[0].cell(0, 0).text, "Health Visitor 1"),
        (lambda d: d.core_properties.title, "IMR about Child A"),
        (lambda d: d.core_properties.author, "Author"),
    ],
)
def test_replacements_read_naturally_where_a_person_looks(run, where, expected):
    assert where(docx.Document(run[1])) == expected


def test_structure_and_well_formedness_are_kept(run):
    source, output, _ = run
    before, after = docx.Document(source), docx.Document(output)
    assert (len(after.paragraphs), len(after.tables), len(after.sections)) == (
        len(before.paragraphs), len(before.tables), len(before.sections))
    with zipfile.ZipFile(output) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))


def test_file_name_is_anonymised(run):
    _, output, _ = run
    assert output.name == "IMR_Child A_Police.docx"


def test_redaction_log_has_no_original_text(run):
    _, output, result = run
    log = result.log_path.read_text(encoding="utf-8")
    assert "Child A" in log and "footnote 1" in log
    assert not [n for n in NEEDLES if n.lower() in log.lower()]
    assert result.key_path is None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; CI installs it")
def test_libreoffice_opens_the_anonymised_file(run, tmp_path):
    _, output, _ = run
    profile = tmp_path / "profile"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(output)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / (output.stem + ".pdf")
    assert pdf.exists(), done.stdout + done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Child A" in part_texts(output)["word/document.xml (text only)"]
