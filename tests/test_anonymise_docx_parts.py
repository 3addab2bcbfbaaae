"""The Word walker and cleaner on their own, with a plain find-and-replace instead of the language model.

These prove that every part of a .docx is reached (read-only, as the publication checker uses it) and that
cleaning removes comments, tracked changes and hidden text without damaging the file. The end-to-end tests
with the real anonymiser are in test_anonymise_docx.py.
"""
from __future__ import annotations

import hashlib
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docxfactory import NEEDLES, build_docx, part_texts, survivors, tiny_png
from lxml import etree

from pipeline.anonymise.formats import open_document
from pipeline.anonymise.formats.docx_walk import iter_docx_text
from pipeline.anonymise.formats.images import strip_metadata
from pipeline.anonymise.formats.locations import Segment, TextLocation
from pipeline.errors import InputFileError


@dataclass
class Span:
    start: int
    end: int
    replacement: str


_NEEDLE = re.compile("|".join(re.escape(n) for n in sorted(NEEDLES, key=len, reverse=True)), re.IGNORECASE)


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    return build_docx(tmp_path_factory.mktemp("walk") / "planted.docx")


@pytest.fixture(scope="module")
def locations(planted) -> dict[str, str]:
    return {loc.label: loc.text for loc in iter_docx_text(planted)}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("paragraph 1", "Poppy Harrington was seen"),
        ("paragraph 2", "Home visit: Poppy Harrington was asleep"),
        ("table 1, row 2, column 1", "Dean Harrington"),
        ("table 1, row 2, column 2 > table 1, row 1, column 1", "Tomasz Nowak"),
        ("header (section 1)", "Case of Poppy Harrington"),
        ("header (section 1, first page)", "Pops"),
        ("header (section 1, even pages)", "Dean Harrington"),
        ("footer (section 1)", "Kerry Walsh"),
        ("footer (section 1, first page)", "sarah.okafor@northshire.gov.uk"),
        ("footer (section 1, even pages)", "07700 900123"),
        ("header (section 2)", "14 Larch Close, Eastbridge"),
        ("footnote 1", "Information from Sarah Okafor"),
        ("endnote 1", "Poppy-Mae's school report"),
        ("comment 1", "Check this with Dean Harrington"),
        ("comment author", "Sarah Okafor"),
        ("author list (people.xml)", "Sarah Okafor"),
        ("paragraph 8", "Agreed plan: Kerry Walsh agreed. End."),
        ("paragraph 8 (deleted text)", "Dean Harrington refused."),
        ("paragraph 9 (deleted text)", "Poppy Harrington moved school."),
        ("paragraph 11 (hidden text)", "Poppy Harrington is the real name. Kerry Walsh too."),
        ("paragraph 13 field code", 'HYPERLINK "mailto:dean.harrington@example.com"'),
        ("text box 1", "Pops lives at Larch Close."),
        ("text box 1 (fallback copy)", "Pops lives at Larch Close."),
        ('image description (picture "Picture 1")', "Photo of Poppy Harrington"),
        ("revision author (ins)", "Tomasz Nowak"),
        ("revision author (rPrChange)", "Tomasz Nowak"),
        ("hyperlink target (rIdMail)", "mailto:sarah.okafor@northshire.gov.uk"),
        ("attached template path", r"C:\Users\pharrington"),
        ("document property: author", "Sarah Okafor"),
        ("document property: last modified by", "Tomasz Nowak"),
        ("document property: title", "IMR about Poppy Harrington"),
        ("document property: comments", "Draft for Kerry Walsh"),
        ("document property: company", "Eastbridge Primary School"),
        ("document property: manager", "Sarah Okafor"),
        ("custom property: Subject child", "Poppy Harrington"),
        ("custom XML part customXml/item2.xml: child", "Poppy Harrington"),
        ("document variable in word/settings.xml", "Poppy Harrington"),
        ('building blocks > building block "Family"', "Kerry Walsh, Mother"),
        ("chart 1 label 1", "Visits to Poppy Harrington"),
        ("chart 1 label 2", "Dean Harrington"),
    ],
)
def test_every_part_is_read_with_a_findable_label(locations, label, expected):
    assert label in locations, f"no location labelled {label!r}; have: {sorted(locations)}"
    assert expected in locations[label]


def test_reading_changes_nothing(planted):
    before = hashlib.sha256(planted.read_bytes()).hexdigest()
    list(iter_docx_text(planted))
    assert hashlib.sha256(planted.read_bytes()).hexdigest() == before


def test_plain_find_and_replace_over_the_locations_leaves_no_survivor(planted, tmp_path):
    # If the walk missed a part, no name finder could ever fix it: this is the coverage proof.
    document = open_document(planted)
    for location in document.locations:
        location.apply([Span(m.start(), m.end(), "[X]") for m in _NEEDLE.finditer(location.text)])
    out = tmp_path / "out.docx"
    document.save(out)
    assert survivors(planted), "the factory should plant identifiers"
    assert survivors(out) == {}


@pytest.fixture(scope="module")
def cleaned(planted, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "cleaned.docx"
    open_document(planted).save(out)
    return out


def test_comments_are_removed_with_their_parts_markers_and_relationships(cleaned):
    texts = part_texts(cleaned)
    names = zipfile.ZipFile(cleaned).namelist()
    assert not [n for n in names if re.search(r"comments|people\.xml", n)]
    for part in ("word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        assert not re.search(r"comment|people", texts[part], re.IGNORECASE), part


@pytest.mark.parametrize("tag", ["w:del", "w:ins", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:delText",
                                 "w:moveFromRangeStart", "w:vanish", "w:commentReference"])
def test_tracked_changes_and_hidden_text_are_resolved(cleaned, tag):
    assert f"<{tag} " not in part_texts(cleaned)["word/document.xml"]
    assert f"<{tag}>" not in part_texts(cleaned)["word/document.xml"]


def test_insertions_and_moves_become_ordinary_text_and_authors_are_neutral(cleaned):
    body = docx.Document(cleaned)
    text = "\n".join(p.text for p in body.paragraphs)
    assert "Agreed plan: Kerry Walsh agreed. End." in text
    assert text.count("Poppy Harrington moved school.") == 1
    assert "Dean Harrington refused" not in text
    assert "Poppy Harrington is the real name" not in part_texts(cleaned)["word/document.xml (text only)"]
    assert body.core_properties.author == "Author"
    assert body.core_properties.last_modified_by == "Author"
    assert 'w:author="Tomasz Nowak"' not in part_texts(cleaned)["word/document.xml"]


def test_embedded_objects_go_chart_workbooks_are_searched_and_picture_metadata_is_dropped(planted, cleaned):
    document = open_document(planted)
    labels = [loc.label for loc in document.locations]
    assert 'embedded workbook "Microsoft_Excel_Worksheet.xlsx" > sheet "Sheet", cell A3' in labels
    assert document.removed["embedded objects"] == 1
    assert document.removed["picture metadata"] == 1
    names = zipfile.ZipFile(cleaned).namelist()
    assert "word/embeddings/Microsoft_Excel_Worksheet1.xlsx" not in names
    assert "word/media/ole_preview.png" not in names
    assert "docProps/thumbnail.jpeg" not in names  # a picture of the original first page
    assert "word/embeddings/Microsoft_Excel_Worksheet.xlsx" in names
    assert "<w:object" not in part_texts(cleaned)["word/document.xml"]
    assert "rIdOle" not in part_texts(cleaned)["word/_rels/document.xml.rels"]


def _jpeg(*segments: tuple[int, bytes]) -> bytes:
    body = b"".join(bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data for marker, data in segments)
    return b"\xff\xd8" + body + b"\xff\xda\x00\x02PIXELS\xff\xd9"


@pytest.mark.parametrize(
    ("picture", "kept", "gone", "removed"),
    [
        (_jpeg((0xE0, b"JFIF\x00"), (0xE1, b"Exif\x00\x00Artist Poppy Harrington"), (0xFE, b"Dean")),
         [b"JFIF", b"PIXELS"], [b"Poppy", b"Dean"], 2),
        (_jpeg((0xE2, b"ICC_PROFILE\x00"), (0xEE, b"Adobe")), [b"ICC_PROFILE", b"Adobe", b"PIXELS"], [], 0),
        (tiny_png(author="Kerry Walsh"), [b"IHDR", b"IDAT", b"IEND"], [b"Kerry"], 1),
        (b"GIF89a not parsed", [b"GIF89a"], [], 0),
    ],
)
def test_picture_metadata_is_stripped_and_the_picture_kept(picture, kept, gone, removed):
    data, count = strip_metadata(picture)
    assert count == removed
    assert all(k in data for k in kept)
    assert not any(g in data for g in gone)


def test_template_path_keeps_only_the_file_name(cleaned):
    assert 'Target="IMR.dotm"' in part_texts(cleaned)["word/_rels/settings.xml.rels"]


def test_structure_is_kept(planted, cleaned):
    before, after = docx.Document(planted), docx.Document(cleaned)
    assert len(after.paragraphs) == len(before.paragraphs)
    assert len(after.tables) == len(before.tables)
    assert len(after.sections) == len(before.sections)
    assert [s.style_id for s in after.styles] == [s.style_id for s in before.styles]
    for name in zipfile.ZipFile(cleaned).namelist():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(zipfile.ZipFile(cleaned).read(name))  # well-formed


def _runs_location(texts: list[str]) -> tuple[TextLocation, list[str]]:
    store = list(texts)
    segments, offset = [], 0
    for i, text in enumerate(texts):
        if text == "\t":
            segments.append(Segment(offset, offset + 1, lambda: "\t", None, lambda i=i: store.__setitem__(i, "")))
        else:
            segments.append(Segment(offset, offset + len(text), lambda i=i: store[i],
                                    lambda value, i=i: store.__setitem__(i, value)))
        offset += len(text)
    return TextLocation("p", "paragraph 1", "text", "".join(texts), False, segments), store


@pytest.mark.parametrize(
    ("runs", "match", "replacement", "expected"),
    [
        # name split over a bold and an italic run: the replacement takes the first run's formatting
        (["Seen: ", "Poppy ", "Harrington", " today"], "Poppy Harrington", "Child A", ["Seen: ", "Child A", "", " today"]),
        # split mid-word over three runs
        (["Pop", "py Harr", "ington's cat"], "Poppy Harrington", "Child A", ["Child A", "", "'s cat"]),
        # inside one run, text around it intact
        (["Mr Dean Harrington said"], "Dean Harrington", "Father", ["Mr Father said"]),
        # a tab inside the name is swallowed with it
        (["Poppy", "\t", "Harrington"], "Poppy\tHarrington", "Child A", ["Child A", "", ""]),
    ],
)
def test_replacement_keeps_the_first_runs_formatting_and_trims_the_rest(runs, match, replacement, expected):
    location, store = _runs_location(runs)
    start = location.text.index(match)
    location.apply([Span(start, start + len(match), replacement)])
    assert store == expected


def test_two_replacements_in_one_paragraph_use_original_offsets():
    location, store = _runs_location(["Pops and ", "Dean", " Harrington"])
    location.apply([Span(0, 4, "Child A"), Span(9, 24, "Father")])
    assert "".join(store) == "Child A and Father"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"not a zip at all", "not a valid Word/Excel file"), (b"PK\x03\x04broken", "not a valid Word/Excel file")],
)
def test_a_damaged_file_is_explained(tmp_path, content, reason):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=reason):
        open_document(path)


def _simple(tmp_path: Path) -> Path:
    from docxfactory import build_simple_docx

    return build_simple_docx(tmp_path / "simple.docx", ["Opening paragraph."])


def test_imported_html_content_stops_the_file_with_advice(tmp_path):
    from docxfactory import add_to_docx

    path = add_to_docx(_simple(tmp_path), parts={"word/afchunk.htm": b"<html><body>Poppy Harrington</body></html>"},
                       rels=[("rIdChunk", "aFChunk", "afchunk.htm")], body=['<w:altChunk r:id="rIdChunk"/>'],
                       content_types={"htm": "application/xhtml+xml"})
    with pytest.raises(InputFileError, match="imported content .*word/afchunk.htm.* Open it in Word and save it again"):
        open_document(path)


def test_imported_word_content_is_searched_as_an_embedded_document(tmp_path):
    from docxfactory import add_to_docx, build_simple_docx

    inner = build_simple_docx(tmp_path / "inner.docx", ["Dean Harrington wrote this."]).read_bytes()
    path = add_to_docx(_simple(tmp_path), parts={"word/afchunk.docx": inner},
                       rels=[("rIdChunk", "aFChunk", "afchunk.docx")], body=['<w:altChunk r:id="rIdChunk"/>'],
                       content_types={"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"})
    labels = {loc.label: loc.text for loc in open_document(path).locations}
    assert labels['embedded document "afchunk.docx" > paragraph 1'] == "Dean Harrington wrote this."


_DATE = 'w:author="Sarah Okafor" w:date="2023-03-12T10:00:00Z"'


@pytest.mark.parametrize(
    ("body", "paragraphs", "rows"),
    [
        # a deleted table row goes, like accepting the deletion; the other row stays
        ([f'<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
          '<w:tr><w:tc><w:p><w:r><w:t>Kept row</w:t></w:r></w:p></w:tc></w:tr>'
          f'<w:tr><w:trPr><w:del w:id="1" {_DATE}/></w:trPr><w:tc><w:p><w:del w:id="2" {_DATE}><w:r>'
          '<w:delText>Dean Harrington</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>'],
         ["Opening paragraph."], [1]),
        # a deleted paragraph mark: the paragraph stays (same structure), its deleted text goes
        ([f'<w:p><w:pPr><w:rPr><w:del w:id="3" {_DATE}/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Kept </w:t></w:r>'
          f'<w:del w:id="4" {_DATE}><w:r><w:delText>Poppy Harrington</w:delText></w:r></w:del></w:p>'],
         ["Opening paragraph.", "Kept "], []),
        # a hidden field (an index entry naming the child): the field structure stays, its text goes
        (['<w:p><w:r><w:t xml:space="preserve">Index </w:t></w:r>'
          '<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
          '<w:r><w:rPr><w:vanish/></w:rPr><w:instrText xml:space="preserve"> XE "Harrington, Poppy" </w:instrText></w:r>'
          '<w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p>'],
         ["Opening paragraph.", "Index "], []),
        # a comment reference inside a run with text: the reference goes, the text stays
        (['<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>Seen at home.</w:t><w:commentReference w:id="7"/></w:r>'
          '<w:commentRangeEnd w:id="7"/></w:p>'],
         ["Opening paragraph.", "Seen at home."], []),
        # an insertion inside a hyperlink becomes ordinary linked text
        ([f'<w:p><w:hyperlink w:anchor="top"><w:ins w:id="8" {_DATE}><w:r><w:t>Back to top</w:t></w:r></w:ins>'
          '</w:hyperlink></w:p>'],
         ["Opening paragraph.", "Back to top"], []),
    ],
)
def test_cleaning_resolves_awkward_revisions_and_keeps_the_file_valid(tmp_path, body, paragraphs, rows):
    from docxfactory import add_to_docx

    path = add_to_docx(_simple(tmp_path), body=body)
    out = tmp_path / "out.docx"
    open_document(path).save(out)
    document = docx.Document(out)
    assert [p.text for p in document.paragraphs] == paragraphs
    assert [len(t.rows) for t in document.tables] == rows
    xml = part_texts(out)["word/document.xml"]
    for gone in ("Harrington", "Sarah Okafor", "<w:del ", "<w:ins ", "comment"):
        assert gone not in xml
    assert not [loc for loc in iter_docx_text(out) if loc.kind in ("hidden text", "deleted text")]
    assert xml.count('w:fldCharType="begin"') == xml.count('w:fldCharType="end"')


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"C:\Users\pharrington\Documents\x.docx", r"C:\Users\user\Documents\x.docx"),
        (r'INCLUDETEXT "C:\\Users\\pharrington\\notes.docx"', r'INCLUDETEXT "C:\\Users\\user\\notes.docx"'),
        ("file:///C:/Users/dharrington/a.docx", "file:///C:/Users/user/a.docx"),
        ("/home/kwalsh/cases/a.docx", "/home/user/cases/a.docx"),
        (r"\\server\share\Documents and Settings\tnowak\a.doc", r"\\server\share\Documents and Settings\user\a.doc"),
        (r"\\server\share\policies\a.docx", r"\\server\share\policies\a.docx"),
    ],
)
def test_login_folders_are_taken_out_of_paths(path, expected):
    from pipeline.anonymise.formats.docx_clean import HOME_FOLDER

    assert HOME_FOLDER.sub(r"\1user", path) == expected


def test_custom_property_names_stay_distinct_after_anonymising(planted, tmp_path):
    document = open_document(planted)
    for location in document.locations:
        if location.label.startswith("custom property: ") and location.label.endswith("(its name)"):
            location.apply([Span(0, len(location.text), "Same name")])
    out = tmp_path / "out.docx"
    document.save(out)
    names = re.findall(r'name="([^"]*)"', part_texts(out)["docProps/custom.xml"])
    assert names == ["Same name", "Same name (2)"]
