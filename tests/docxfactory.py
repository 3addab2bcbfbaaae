"""Build Word files with an identifier planted in every part where Word keeps text.

Used by the anonymiser tests and by the publication checker's tests: build one with `build_docx(path)`,
run the stage under test, then look for survivors with `survivors(path, needles)`.

    from docxfactory import REGISTER, NEEDLES, PLANTED, build_docx, survivors   # tests/ is on sys.path under pytest
    build_docx(tmp_path / "imr.docx")                 # every part below gets an identifier
    assert survivors(out_path, NEEDLES) == {}         # part name -> identifiers still found in it

`PLANTED` lists, for each place, the identifier put there (a name, alias, email, phone or address from
`REGISTER`). `REGISTER` is a register mapping (the shape of register.yaml); write it with `write_register`.
The exempt Chair, Margaret Ellison, is named in the body and must survive anonymisation.

The file is made with python-docx for the ordinary parts and finished at the XML level for the parts
python-docx cannot make (footnotes, tracked changes, text boxes with their fallback copy, field codes,
glossary...). It opens in Word and LibreOffice.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import yaml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches
from lxml import etree

REGISTER = {
    "people": [
        {"name": "Poppy Harrington", "aliases": ["Pops", "Poppy-Mae"], "pseudonym": "Child A", "role": "subject child"},
        {"name": "Dean Harrington", "pseudonym": "Father", "role": "father"},
        {"name": "Kerry Walsh", "pseudonym": "Mother", "role": "mother"},
        {"name": "Sarah Okafor", "pseudonym": "Social Worker 1", "role": "social worker"},
        {"name": "Tomasz Nowak", "pseudonym": "Health Visitor 1", "role": "health visitor"},
    ],
    "places": [
        {"name": "14 Larch Close, Eastbridge", "aliases": ["Larch Close"], "pseudonym": "the family home",
         "kind": "address"},
        {"name": "Eastbridge Primary School", "pseudonym": "the primary school", "kind": "school"},
    ],
    "exempt": [{"name": "Margaret Ellison", "job_title": "Independent Chair", "organisation": "Northshire LSCB"}],
}
EMAIL = "sarah.okafor@northshire.gov.uk"
PHONE = "07700 900123"
EXEMPT = "Margaret Ellison"

# Every string that must not survive anonymisation (searched case-insensitively, also with tags stripped).
NEEDLES = (
    "Poppy", "Harrington", "Pops", "Dean", "Kerry", "Walsh", "Sarah", "Okafor", "Tomasz", "Nowak",
    "Larch Close", "Eastbridge", "pharrington", EMAIL, "dean.harrington@example.com", PHONE, "07700900123",
)

# place -> identifier planted there
PLANTED = {
    "body paragraph": "Poppy Harrington",
    "name split across a bold and an italic run": "Poppy Harrington",
    "table cell": "Dean Harrington",
    "nested table cell": "Tomasz Nowak",
    "header (section 1)": "Poppy Harrington",
    "header (section 1, first page)": "Pops",
    "header (section 1, even pages)": "Dean Harrington",
    "footer (section 1)": "Kerry Walsh",
    "footer (section 1, first page)": EMAIL,
    "footer (section 1, even pages)": PHONE,
    "header (section 2)": "14 Larch Close, Eastbridge",
    "footnote": "Sarah Okafor",
    "endnote": "Poppy-Mae",
    "comment text": "Dean Harrington",
    "comment author": "Sarah Okafor",
    "people.xml (comment author list)": EMAIL,
    "tracked insertion": "Kerry Walsh",
    "tracked deletion": "Dean Harrington",
    "moved text (from and to)": "Poppy Harrington",
    "revision author": "Tomasz Nowak",
    "formatting change author": "Tomasz Nowak",
    "hidden text (direct)": "Poppy Harrington",
    "hidden text (through a hidden character style)": "Kerry Walsh",
    "text box (and its fallback copy)": "Pops",
    "hyperlink text": "Sarah Okafor",
    "hyperlink mailto target": EMAIL,
    "hyperlink to a file in a login folder": "dharrington",
    "field code (HYPERLINK mailto, split over two runs)": "dean.harrington@example.com",
    "image description and title": "Poppy Harrington",
    "image name": "poppy_harrington.png",
    "core property: author": "Sarah Okafor",
    "core property: last modified by": "Tomasz Nowak",
    "core properties: title, subject, keywords, comments, category": "Poppy Harrington / Dean Harrington",
    "app properties: company, manager": "Eastbridge Primary School / Sarah Okafor",
    "custom property": "Poppy Harrington",
    "custom property name": "Kerry Walsh",
    "document variable (settings)": "Poppy Harrington",
    "attached template path (settings)": "pharrington",
    "custom XML part": "Poppy Harrington / " + EMAIL,
    "glossary document (building block)": "Kerry Walsh",
    "content control title": "Poppy Harrington",
    "smart tag data (PersonName)": "Tomasz Nowak",
    "equation text": "Kerry Walsh",
    "mail merge query (settings)": "pharrington",
    "picture metadata (PNG text chunk)": "Poppy Harrington",
    "chart labels (cached category and series names)": "Dean Harrington / Poppy Harrington",
    "chart data workbook (embedded .xlsx)": "Kerry Walsh",
    "embedded OLE object (workbook) and its preview picture": "Tomasz Nowak",
}

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "{%s}" % W_NS
_WML_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_register(path: Path) -> Path:
    path.write_text(yaml.safe_dump(REGISTER, sort_keys=False), encoding="utf-8")
    return path


def tiny_png(author: str | None = None) -> bytes:
    """A valid 1x1 PNG, so the test needs no image file; `author` adds a text chunk as cameras and editors do."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    text = chunk(b"tEXt", b"Author\x00" + author.encode("latin-1")) if author else b""
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + text + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def tiny_workbook(rows: list[list[str]]) -> bytes:
    """An .xlsx in memory (for embedded objects and chart data)."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_docx(path: Path, *, body: list[str] | None = None) -> Path:
    """Write a .docx with an identifier in every part listed in PLANTED. `body` adds extra paragraphs."""
    document = docx.Document()
    _ordinary_parts(document, body or [])
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_finish_package(buffer.getvalue()))
    return path


def build_simple_docx(path: Path, paragraphs: list[str]) -> Path:
    """A plain .docx with the given paragraphs (for batch and consistency tests)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def _ordinary_parts(document, extra: list[str]) -> None:
    document.add_paragraph("Poppy Harrington was seen at the clinic on 12 March 2023.")
    split = document.add_paragraph("Home visit: ")
    split.add_run("Poppy ").bold = True
    split.add_run("Harrington").italic = True
    split.add_run(" was asleep when the health visitor arrived.")
    document.add_paragraph(f"The review was chaired by {EXEMPT}, Independent Chair.")
    for text in extra:
        document.add_paragraph(text)
    commented = document.add_paragraph()
    anchor = commented.add_run("Father did not attend the meeting.")
    document.add_comment(anchor, text="Check this with Dean Harrington", author="Sarah Okafor", initials="SO")

    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Who"
    table.cell(0, 1).text = "Role"
    table.cell(1, 0).text = "Dean Harrington"
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Tomasz Nowak"

    document.add_picture(io.BytesIO(tiny_png(author="Poppy Harrington")), width=Inches(0.5))

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Case of Poppy Harrington"
    section.first_page_header.paragraphs[0].text = "Pops"
    section.even_page_header.paragraphs[0].text = "Dean Harrington"
    section.footer.paragraphs[0].text = "Kerry Walsh"
    section.first_page_footer.paragraphs[0].text = EMAIL
    section.even_page_footer.paragraphs[0].text = PHONE
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Family home: 14 Larch Close, Eastbridge"
    document.add_paragraph("Section two starts here.")

    props = document.core_properties
    props.author, props.last_modified_by = "Sarah Okafor", "Tomasz Nowak"
    props.title, props.subject = "IMR about Poppy Harrington", "Dean Harrington"
    props.keywords, props.comments, props.category = "Harrington", "Draft for Kerry Walsh", "Poppy Harrington case"

    body = document.element.body
    sect = body[-1]
    for xml in _BODY_XML:
        sect.addprevious(parse_xml(xml))


_NS = nsdecls("w", "r", "wp", "a", "pic") + (
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_BODY_XML = [
    # Tracked changes: an insertion, a deletion, a move, a formatting change.
    f'<w:p {_NS}><w:r><w:t xml:space="preserve">Agreed plan: </w:t></w:r>'
    '<w:ins w:id="901" w:author="Tomasz Nowak" w:date="2023-03-12T10:00:00Z"><w:r><w:t>Kerry Walsh agreed.</w:t></w:r></w:ins>'
    '<w:del w:id="902" w:author="Tomasz Nowak" w:date="2023-03-12T10:00:00Z"><w:r><w:delText>Dean Harrington refused.</w:delText></w:r></w:del>'
    '<w:r><w:rPr><w:b/><w:rPrChange w:id="903" w:author="Tomasz Nowak" w:date="2023-03-12T10:00:00Z"><w:rPr/></w:rPrChange></w:rPr>'
    '<w:t xml:space="preserve"> End.</w:t></w:r></w:p>',
    f'<w:p {_NS}><w:moveFromRangeStart w:id="904" w:author="Tomasz Nowak" w:date="2023-03-12T10:00:00Z" w:name="move1"/>'
    '<w:moveFrom w:id="905" w:author="Tomasz Nowak" w:date="2023-03-12T10:00:00Z"><w:r><w:t>Poppy Harrington moved school.</w:t></w:r></w:moveFrom>'
    '<w:moveFromRangeEnd w:id="904"/></w:p>',
    f'<w:p {_NS}><w:moveToRangeStart w:id="906" w:author="Tomasz Nowak" w:date="2023-03-12T10:00:00Z" w:name="move1"/>'
    '<w:moveTo w:id="907" w:author="Tomasz Nowak" w:date="2023-03-12T10:00:00Z"><w:r><w:t>Poppy Harrington moved school.</w:t></w:r></w:moveTo>'
    '<w:moveToRangeEnd w:id="906"/></w:p>',
    # Hidden text, directly and through a character style that hides (added to styles.xml below).
    f'<w:p {_NS}><w:r><w:t xml:space="preserve">Visible note. </w:t></w:r>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>Poppy Harrington is the real name.</w:t></w:r>'
    '<w:r><w:rPr><w:rStyle w:val="SecretNote"/></w:rPr><w:t xml:space="preserve"> Kerry Walsh too.</w:t></w:r></w:p>',
    # A hyperlink whose target is a mailto: relationship (added to the rels below as rIdMail).
    f'<w:p {_NS}><w:r><w:t xml:space="preserve">Contact </w:t></w:r><w:hyperlink r:id="rIdMail">'
    '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Sarah Okafor</w:t></w:r></w:hyperlink>'
    '<w:r><w:t xml:space="preserve"> or see </w:t></w:r><w:hyperlink r:id="rIdFile">'
    '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the notes</w:t></w:r></w:hyperlink></w:p>',
    # A HYPERLINK field whose instruction is split over two runs.
    f'<w:p {_NS}><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:dean.harr</w:instrText></w:r>'
    '<w:r><w:instrText xml:space="preserve">ington@example.com" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>email the father</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    # A content control whose title names the child.
    f'<w:sdt {_NS}><w:sdtPr><w:alias w:val="Poppy Harrington"/><w:tag w:val="child"/></w:sdtPr>'
    '<w:sdtContent><w:p><w:r><w:t>Content control text.</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    # A text box as Word stores it: DrawingML shape plus a VML fallback copy of the same text.
    f'<w:p {_NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
    'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="1828800" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
    '<wp:docPr id="50" name="Text Box 50"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="457200"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
    '<wps:txbx><w:txbxContent><w:p><w:r><w:t>Pops lives at Larch Close.</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/>'
    '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
    '<v:shape id="TextBox50" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;width:2in;height:36pt">'
    '<v:textbox><w:txbxContent><w:p><w:r><w:t>Pops lives at Larch Close.</w:t></w:r></w:p></w:txbxContent></v:textbox>'
    '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
]

_BODY_XML += [
    # A smart tag that kept the person's name it recognised, and an equation holding a name.
    f'<w:p {_NS}><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">'
    '<w:smartTagPr><w:attr w:name="ProductID" w:val="Tomasz Nowak"/></w:smartTagPr>'
    '<w:r><w:t>the health visitor</w:t></w:r></w:smartTag></w:p>',
    f'<w:p {_NS} xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:oMath><m:r><m:t>Kerry Walsh</m:t></m:r>'
    '</m:oMath></w:p>',
    # A chart (drawn from chart1.xml, data in an embedded workbook).
    f'<w:p {_NS} xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><w:r><w:drawing>'
    '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2743200" cy="1828800"/>'
    '<wp:docPr id="60" name="Chart 60"/><wp:cNvGraphicFramePr/><a:graphic>'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rIdChart"/>'
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>',
    # An embedded OLE object: a workbook shown through a preview picture.
    f'<w:p {_NS}><w:r><w:object w:dxaOrig="1440" w:dyaOrig="720">'
    '<v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:1in;height:.5in" o:ole="">'
    '<v:imagedata r:id="rIdOlePreview" o:title=""/></v:shape>'
    '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" '
    'ObjectID="_1700000001" r:id="rIdOle"/></w:object></w:r></w:p>',
]

_CHART = (
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    f'xmlns:r="{R_NS}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
    '<c:ser><c:idx val="0"/><c:order val="0"/>'
    '<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Visits to Poppy Harrington</c:v></c:pt></c:strCache></c:strRef></c:tx>'
    '<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/>'
    '<c:pt idx="0"><c:v>Dean Harrington</c:v></c:pt><c:pt idx="1"><c:v>Health visitor</c:v></c:pt></c:strCache></c:strRef></c:cat>'
    '<c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/>'
    '<c:pt idx="0"><c:v>3</c:v></c:pt><c:pt idx="1"><c:v>5</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>'
    '<c:axId val="1"/><c:axId val="2"/></c:barChart>'
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
    '<c:axPos val="b"/><c:crossAx val="2"/></c:catAx>'
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
    '<c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart>'
    '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
)

_FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Information from Sarah Okafor.</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)
_ENDNOTES = _FOOTNOTES.replace("footnote", "endnote").replace("Information from Sarah Okafor.", "Poppy-Mae's school report.")
_PEOPLE = (
    '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
    f'<w15:person w15:author="Sarah Okafor"><w15:presenceInfo w15:providerId="AD" w15:userId="S::{EMAIL}::1"/>'
    '</w15:person></w15:people>'
)
_GLOSSARY = (
    f'<w:glossaryDocument xmlns:w="{W_NS}"><w:docParts><w:docPart><w:docPartPr><w:name w:val="Family"/>'
    '<w:category><w:name w:val="General"/><w:gallery w:val="autoTxt"/></w:category><w:guid w:val="{11111111-2222-3333-4444-555555555555}"/>'
    '</w:docPartPr><w:docPartBody><w:p><w:r><w:t>Kerry Walsh, Mother</w:t></w:r></w:p></w:docPartBody></w:docPart>'
    '</w:docParts></w:glossaryDocument>'
)
_CUSTOM_PROPS = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Subject child">'
    '<vt:lpwstr>Poppy Harrington</vt:lpwstr></property>'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Reviewed with Kerry Walsh">'
    '<vt:lpwstr>yes</vt:lpwstr></property></Properties>'
)
_CUSTOM_XML = f'<case xmlns="urn:northshire:case"><child>Poppy Harrington</child><worker email="{EMAIL}"/></case>'
_CUSTOM_XML_PROPS = (
    '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" '
    'ds:itemID="{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"><ds:schemaRefs/></ds:datastoreItem>'
)
_TEMPLATE = r"file:///C:\Users\pharrington\AppData\Roaming\Microsoft\Templates\IMR.dotm"


def _finish_package(data: bytes) -> bytes:
    """Add the parts python-docx cannot make, at the XML level."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: src.read(name) for name in src.namelist()}
    doc_rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    types = etree.fromstring(parts["[Content_Types].xml"])

    def add_rel(rels: etree._Element, rid: str, kind: str, target: str, external: bool = False) -> None:
        rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=rid, Type=kind, Target=target)
        if external:
            rel.set("TargetMode", "External")

    def add_part(name: str, xml: str, content_type: str | None) -> None:
        parts[name] = xml.encode("utf-8")
        if content_type:
            etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/{name}", ContentType=content_type)

    add_part("word/charts/chart1.xml", _CHART, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
    add_rel(doc_rels, "rIdChart", f"{_REL_TYPE}/chart", "charts/chart1.xml")
    parts["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = tiny_workbook(
        [["Who", "Visits to Poppy Harrington"], ["Dean Harrington", "3"], ["Kerry Walsh", "5"]])
    parts["word/charts/_rels/chart1.xml.rels"] = (
        f'<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" Type="{_REL_TYPE}/package" '
        'Target="../embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>'
    ).encode()
    parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] = tiny_workbook([["Tomasz Nowak", "health visitor"]])
    add_rel(doc_rels, "rIdOle", f"{_REL_TYPE}/package", "embeddings/Microsoft_Excel_Worksheet1.xlsx")
    parts["word/media/ole_preview.png"] = tiny_png(author="Tomasz Nowak")
    add_rel(doc_rels, "rIdOlePreview", f"{_REL_TYPE}/image", "media/ole_preview.png")
    etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="xlsx",
                     ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if not any(d.get("Extension") == "png" for d in types.iter(f"{{{CT_NS}}}Default")):
        etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="png", ContentType="image/png")
    add_rel(doc_rels, "rIdMail", f"{_REL_TYPE}/hyperlink", f"mailto:{EMAIL}", external=True)
    add_rel(doc_rels, "rIdFile", f"{_REL_TYPE}/hyperlink", "file:///C:/Users/dharrington/Documents/notes.docx",
            external=True)
    add_part("word/footnotes.xml", _FOOTNOTES, f"{_WML_TYPE}.footnotes+xml")
    add_rel(doc_rels, "rIdFoot", f"{_REL_TYPE}/footnotes", "footnotes.xml")
    add_part("word/endnotes.xml", _ENDNOTES, f"{_WML_TYPE}.endnotes+xml")
    add_rel(doc_rels, "rIdEnd", f"{_REL_TYPE}/endnotes", "endnotes.xml")
    add_part("word/people.xml", _PEOPLE, f"{_WML_TYPE}.people+xml")
    add_rel(doc_rels, "rIdPeople", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml")
    add_part("word/glossary/document.xml", _GLOSSARY, f"{_WML_TYPE}.document.glossary+xml")
    add_rel(doc_rels, "rIdGloss", f"{_REL_TYPE}/glossaryDocument", "glossary/document.xml")
    add_part("customXml/item2.xml", _CUSTOM_XML, None)
    add_part("customXml/itemProps2.xml", _CUSTOM_XML_PROPS, "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
    parts["customXml/_rels/item2.xml.rels"] = (
        f'<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" Type="{_REL_TYPE}/customXmlProps" '
        'Target="itemProps2.xml"/></Relationships>'
    ).encode()
    add_rel(doc_rels, "rIdCustom2", f"{_REL_TYPE}/customXml", "../customXml/item2.xml")
    add_part("docProps/custom.xml", _CUSTOM_PROPS, "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    root_rels = etree.fromstring(parts["_rels/.rels"])
    add_rel(root_rels, "rIdCustomProps", f"{_REL_TYPE}/custom-properties", "docProps/custom.xml")
    parts["_rels/.rels"] = etree.tostring(root_rels, xml_declaration=True, encoding="UTF-8", standalone=True)

    parts["word/document.xml"] = _finish_document(parts["word/document.xml"])
    parts["word/settings.xml"] = _finish_settings(parts["word/settings.xml"])
    parts["word/_rels/settings.xml.rels"] = (
        f'<Relationships xmlns="{REL_NS}"><Relationship Id="rIdTpl" Type="{_REL_TYPE}/attachedTemplate" '
        f'Target="{_TEMPLATE}" TargetMode="External"/></Relationships>'
    ).encode()
    parts["word/styles.xml"] = _finish_styles(parts["word/styles.xml"])
    app = etree.fromstring(parts["docProps/app.xml"])
    ep = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    app.find(f"{ep}Company").text = "Eastbridge Primary School"
    app.find(f"{ep}Manager").text = "Sarah Okafor"
    parts["docProps/app.xml"] = etree.tostring(app, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/_rels/document.xml.rels"] = etree.tostring(doc_rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, content in parts.items():
            zf.writestr(name, content)
    return out.getvalue()


def _finish_document(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for pr in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        if pr.get("name", "").startswith("Picture"):
            pr.set("descr", "Photo of Poppy Harrington")
            pr.set("title", "Poppy Harrington at school")
    for pr in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        pr.set("name", "poppy_harrington.png")
        pr.set("descr", "Photo of Poppy Harrington")
    # Footnote and endnote references in the first paragraph.
    first = root.find(f"{_W}body/{_W}p")
    for kind in ("footnote", "endnote"):
        first.append(etree.fromstring(
            f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="{kind.title()}Reference"/><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:{kind}Reference w:id="1"/></w:r>'
        ))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _finish_settings(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    ns = {"w": W_NS}
    template = etree.Element(f"{_W}attachedTemplate", nsmap=None)
    template.set(f"{{{R_NS}}}id", "rIdTpl")
    anchor = root.find("w:proofState", ns)
    if anchor is not None:
        anchor.addnext(template)
    else:
        root.insert(0, template)
    template.addnext(etree.fromstring(
        f'<w:mailMerge xmlns:w="{W_NS}"><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="textFile"/>'
        r'<w:query w:val="SELECT * FROM C:\Users\pharrington\Documents\family.csv"/></w:mailMerge>'
    ))
    variables = etree.fromstring(f'<w:docVars xmlns:w="{W_NS}"><w:docVar w:name="ChildName" w:val="Poppy Harrington"/></w:docVars>')
    compat = root.find("w:compat", ns)
    compat.addnext(variables)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _finish_styles(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    root.append(etree.fromstring(
        f'<w:style xmlns:w="{W_NS}" w:type="character" w:customStyle="1" w:styleId="SecretNote">'
        '<w:name w:val="Secret Note"/><w:rPr><w:vanish/></w:rPr></w:style>'
    ))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def part_texts(path: Path | io.BytesIO, prefix: str = "") -> dict[str, str]:
    """Every part of a package as text: XML parts as they are and with tags stripped (so a name split over
    runs reads whole), embedded .xlsx/.docx packages opened in turn, and any other part (pictures) read
    byte for byte: {"word/document.xml": "...", "word/document.xml (text only)": "...", ...}."""
    texts: dict[str, str] = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name.endswith((".xml", ".rels")):
                raw = data.decode("utf-8")
                texts[prefix + name] = raw
                texts[f"{prefix}{name} (text only)"] = re.sub(r"<[^>]+>", "", raw)
            elif name.lower().endswith((".xlsx", ".docx")):
                texts.update(part_texts(io.BytesIO(data), prefix=f"{prefix}{name} > "))
            else:
                texts[prefix + name] = data.decode("latin-1")
    return texts


def survivors(path: Path, needles: tuple[str, ...] = NEEDLES) -> dict[str, list[str]]:
    """Part name -> the needles still found in it (case-insensitive). Empty when nothing survived."""
    found: dict[str, list[str]] = {}
    for part, text in part_texts(path).items():
        lowered = text.lower()
        hits = [n for n in needles if n.lower() in lowered]
        if hits:
            found[part] = hits
    return found


def add_to_docx(path: Path, *, parts: dict[str, bytes] | None = None, rels: list[tuple[str, str, str]] = (),
                body: list[str] = (), content_types: dict[str, str] | None = None) -> Path:
    """Add parts, document relationships (id, type suffix, target) and body XML to an existing .docx."""
    with zipfile.ZipFile(path) as src:
        entries = {name: src.read(name) for name in src.namelist()}
    entries.update(parts or {})
    doc_rels = etree.fromstring(entries["word/_rels/document.xml.rels"])
    for rid, kind, target in rels:
        etree.SubElement(doc_rels, f"{{{REL_NS}}}Relationship", Id=rid, Type=f"{_REL_TYPE}/{kind}", Target=target)
    entries["word/_rels/document.xml.rels"] = etree.tostring(doc_rels, xml_declaration=True, encoding="UTF-8")
    types = etree.fromstring(entries["[Content_Types].xml"])
    for extension, content_type in (content_types or {}).items():
        etree.SubElement(types, f"{{{CT_NS}}}Default", Extension=extension, ContentType=content_type)
    entries["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
    document = etree.fromstring(entries["word/document.xml"])
    sect = document.find(f"{_W}body/{_W}sectPr")
    for xml in body:
        if "xmlns:w" not in xml:  # declare the namespaces on the first element
            xml = re.sub(r"^<([\w:]+)", rf'<\1 xmlns:w="{W_NS}" xmlns:r="{R_NS}"', xml, count=1)
        sect.addprevious(etree.fromstring(xml))
    entries["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", entries.pop("[Content_Types].xml"))
        for name, data in entries.items():
            out.writestr(name, data)
    return path
