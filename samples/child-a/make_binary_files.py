"""Regenerate the Excel and Word files of the fictional Child A sample case.

The .xlsx and .docx files are committed; this script is kept so they can be rebuilt, and so it is
clear what is in them. Run it from the repository root:

    .venv/bin/python samples/child-a/make_binary_files.py

It writes:
  chronologies/police.xlsx       dates as real Excel dates; headers "Date of event", "Description"...
  chronologies/acute-trust.xlsx  times as real Excel times; an "Organisation" column; "Event date", "Details"...
  chronologies/education.xlsx    dates typed as day-first text; upper-case "DATE"; "Entry", "Role"...
  documents/education-imr-draft-v2.docx
      an agency IMR "as received": a header carrying the child's name, a footer, a table,
      a reviewer comment naming the mother, a mailto: hyperlink and an author in the document properties
  documents/nursery-attendance-tracker.xlsx
      a tracker with names in cells, a sheet named after the child and the key worker as file author

Everything is invented. The names in these files are deliberately NOT anonymised: they are what
`scr build` and the publication checker must find and remove.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parent
# Fixed timestamps so that rebuilding does not change the document properties.
CREATED = dt.datetime(2023, 11, 20, 9, 0, 0)
MODIFIED = dt.datetime(2023, 11, 29, 16, 45, 0)


def d(text: str) -> dt.date:
    """Day-first text to a date, for the cells that hold real Excel dates."""
    day, month, year = (int(part) for part in text.split("/"))
    return dt.date(year, month, day)


def t(text: str) -> dt.time:
    hours, minutes = (int(part) for part in text.split(":"))
    return dt.time(hours, minutes)


# --- Police: real date cells, text times, no agency column (the file name says it) -----------------
POLICE_HEAD = ["Date of event", "Time", "Source document", "Description", "Practitioner role", "Comments"]
POLICE = [
    ("02/11/2019", "22:50", "Command and control log 1119-0842",
     "Call from Grace O'Donnell (now Harrington) at Flat 3, 22 Mill Lane, Kingsmoor, reporting an argument with her partner "
     "Daniel Harrington. Officers attended; no injuries; Jayden (then 5) present. DASH risk assessment: standard.",
     "Police Constable",
     "Before the scope period. Included as the first recorded domestic incident between Mother and Father."),
    ("08/11/2021", "23:20", "Incident log 1121-1377",
     "PC Mark Dunmore and a colleague attended 14 Larch Close, Eastbridge EB4 7TR after a 999 call from Mrs Harrington "
     "(07700 900461). Dan Harrington had left before officers arrived. Grace said they had argued about money; no assault "
     "alleged. Three children in the house, all asleep: Jayden, Ruby and baby Poppy.",
     "Police Constable",
     "DASH standard risk. A Public Protection Notice was completed for all three children."),
    ("09/11/2021", "08:15", "Public Protection Notice",
     "PPN for Poppy Harrington, Ruby Harrington and Jayden O'Donnell sent to the Children's Social Care front door by the "
     "Domestic Abuse Referral Unit.",
     "Domestic Abuse Referral Unit Officer",
     "Timely and complete."),
    ("18/06/2022", "23:10", "Incident log 0622-0981",
     "Neighbour Joy Pemberton (12 Larch Close) rang 101 reporting shouting and a door slamming at number 14. PC Dunmore "
     "attended at 23:55. Mrs H and a man who gave his name as 'Billy Kershaw' said they had been watching television loudly. "
     "The man's details were not checked on PNC. Officers were told the children were asleep and did not see them.",
     "Police Constable",
     "Missed opportunity: logged as a noise complaint so no PPN was submitted, and the man was not identified as Will "
     "Kershaw-Bland, who had a domestic abuse history with a former partner."),
    ("22/11/2022", "01:30", "Custody record KM/22/4410",
     "William Kershaw-Bland (born 03/02/1993) arrested for assault occasioning actual bodily harm after a fight outside a "
     "public house in Kingsmoor. Gave his address as 14 Larch Close, Eastbridge and said he 'lives with his girlfriend and "
     "her kids'. Released under investigation at 14:20.",
     "Custody Sergeant",
     "The custody record showed young children at his address but no check was made and no PPN was submitted."),
    ("07/02/2023", "10:40", "MASH research record",
     "Request from social worker Tom Fairweather for police information on Will Kershaw-Bland. DC Lisa Farrant returned the "
     "2020 domestic incidents with a former partner in the Wolds Valley force area and the outstanding ABH investigation.",
     "Detective Constable, Multi-Agency Safeguarding Hub",
     "Full disclosure within one working day."),
    ("14/04/2023", "15:05", "Crime report KM-22-118734",
     "CPS advised no further action on the November 2022 assault (the victim withdrew support). WKB informed by phone on "
     "07700 900872.",
     "Investigating Officer",
     "Children's Social Care were not told of the outcome although a Child in Need plan was open."),
    ("27/08/2023", "19:25", "Incident log 0823-1502",
     "Notified by Eastbridge General Hospital of a 2-year-old, Poppy Harrington, admitted with a head injury and bruising of "
     "different ages. Officers attended the hospital, where Mr Kershaw-Bland and Grace were present.",
     "Police Sergeant",
     "Joint investigation with Children's Social Care started."),
    ("27/08/2023", "22:40", "Crime report KM-23-095120",
     "Will Kershaw-Bland arrested at the hospital on suspicion of causing grievous bodily harm to a child. Grace Harrington "
     "to be interviewed as a witness the next day.",
     "Detective Constable",
     "The last day of the scope period."),
    ("28/08/2023", "09:30", "Strategy meeting record",
     "DC Farrant attended the strategy meeting with Children's Social Care and Dr Bright. Section 47 enquiries agreed; Jayden "
     "and Ruby to stay with their maternal grandmother, Rose O'Donnell, at 9 Orchard Row, Kingsmoor.",
     "Detective Constable, Child Abuse Investigation Team",
     "After the scope period."),
]

# --- Acute trust: real time cells, an Organisation column holding the agency id -----------------------
ACUTE_HEAD = ["Event date", "Time", "Organisation", "Record", "Details", "Worker", "Analysis"]
ACUTE = [
    ("14/06/2021", "03:12", "Maternity record",
     "Poppy-Mae Harrington born at Eastbridge General Hospital at 39 weeks, weight 3.2 kg. Mother Grace Harrington "
     "(nee O'Donnell). Antenatal mood screening positive; community midwife and health visitor informed.",
     "Midwife",
     "Before the scope period. Good handover of the mood concern to community services."),
    ("02/08/2022", "15:20", "Emergency department record",
     "Poppy (13 months) brought by her mother with a swollen right wrist after a reported fall from the sofa. X-ray: no "
     "fracture. Discharged with advice; discharge letter to the GP and health visitor.",
     "ED Registrar",
     "The safeguarding checklist, mandatory for every child under 2 attending with an injury, was not completed and the "
     "Child Protection Information System was not checked."),
    ("16/01/2023", "02:55", "Emergency department record",
     "Poppy brought in by ambulance after a choking episode at home; alert, chest clear. Observed for four hours. The adult "
     "with Mother gave his name as 'Will, Mum's partner'.",
     "ED Staff Nurse",
     "The paediatric liaison nurse noted the ambulance referral; no separate referral was needed."),
    ("16/01/2023", "07:10", "Emergency department record",
     "Discharged home with Mother. Paediatric liaison note sent to the health visitor.",
     "Paediatric Liaison Nurse",
     "Good information sharing with community health."),
    ("27/08/2023", "19:05", "Emergency department record",
     "Poppy Harrington arrived by ambulance, GCS 9. Accompanied by Mr Kershaw-Bland, who said she fell down the stairs at "
     "about 18:30. Mother arrived at 19:40.",
     "ED Consultant",
     "The ambulance crew's handover about the changing account was recorded."),
    ("27/08/2023", "20:30", "Paediatric record",
     "CT head: subdural haemorrhage. Dr Hannah Bright, consultant paediatrician, examined Poppy and recorded bruising to the "
     "back, both ears and upper arms of different ages.",
     "Consultant Paediatrician",
     "Injuries not consistent with the account given; safeguarding referral made at once."),
    ("27/08/2023", "21:00", "Hospital social work record",
     "Hospital social worker informed the Children's Social Care Emergency Duty Team and the police.",
     "Hospital Social Worker",
     "Prompt referral."),
    ("27/08/2023", "23:45", "Transfer record",
     "Poppy transferred to the regional paediatric intensive care unit.",
     "ED Consultant",
     "Outside the trust's care until she returned on 12/09/2023."),
    ("05/09/2023", "12:00", "Child protection medical report",
     "Dr Bright's child protection medical report sent to the police and Children's Social Care; skeletal survey normal.",
     "Consultant Paediatrician",
     "After the scope period."),
    ("12/09/2023", "14:30", "Ward record",
     "Poppy returned to the children's ward for rehabilitation. Rose O'Donnel visiting daily; Grace visiting under "
     "supervision agreed with Children's Social Care.",
     "Ward Sister",
     "After the scope period."),
]

# --- Education (school and nursery): dates typed as text, upper-case header, no time column ---------
EDUCATION_HEAD = ["DATE", "Source", "Entry", "Role", "Significance"]
EDUCATION = [
    ("05/09/2022", "School admission record",
     "Ruby Harrington started in Reception at St Aidan's CE Primary; her brother Jayden O'Donnell is in Year 4. "
     "Contacts: Mum (Grace) 07700 900461; Nan (Rose O'Donnell) 01632 960318.",
     "School Office Manager",
     "Routine."),
    ("19/10/2022", "CPOMS safeguarding log",
     "Jayden's attendance 88% this half-term; attendance letter sent to Mrs Harrington. Jay told Miss Lockwood he was tired "
     "because 'Mum and Billy were shouting'. Logged by AL. Mr Prest spoke to Grace at pick-up; she said it was the television.",
     "Class Teacher / Designated Safeguarding Lead",
     "The disclosure was logged well, but 'Billy' was not identified and the concern was not shared with the health visitor "
     "or Children's Social Care."),
    ("07/12/2022", "CPOMS safeguarding log",
     "Ruby ('Rubes' to her family) came to school without a coat on three cold days this week. Colin Prest gave her a coat from the spare clothes box "
     "and mentioned it to her mum.",
     "Designated Safeguarding Lead",
     "Low-level neglect indicator; recorded and acted on."),
    ("26/01/2023", "Information request",
     "Tom Fairweather (Children's Social Care) asked for information on Ruby and Jayden. School shared attendance and the "
     "October disclosure.",
     "Designated Safeguarding Lead",
     "Timely reply; this was the first time the October disclosure reached another agency."),
    ("14/03/2023", "Meeting record",
     "School hosted the first Child in Need meeting; Mr Prest attended. Jayden to have weekly time with the learning mentor.",
     "Designated Safeguarding Lead",
     "Jayden's views were not sought for the meeting."),
    ("17/04/2023", "Nursery registration form",
     "Poppy started at Little Acorns Day Nursery (15 hours, funded two-year-old place). Key worker Kayleigh Dobbs. "
     "Collection list: Grace, Rose O'Donnell and 'Will K-B'.",
     "Nursery Manager",
     "The nursery was not told that the family had a Child in Need plan."),
    ("03/05/2023", "Nursery incident and body map record",
     "At drop-off at 09:05 Kayleigh noted a 2 cm bruise on Poppy's forehead. Grace said Pops had fallen over in the garden. "
     "Body map completed; nursery manager informed at 12:30 and agreed to monitor.",
     "Nursery Key Worker",
     "Recorded correctly, but with no knowledge of the Child in Need plan the nursery did not share it."),
    ("12/07/2023", "Nursery attendance register",
     "Poppy has attended 4 of her last 10 sessions; Grace said she had a cold. Miss Dobbs noticed that Poppy became very quiet "
     "and hid behind KD when a man raised his voice in the entrance hall.",
     "Nursery Key Worker",
     "Falling attendance and a change in Poppy's behaviour were noted but not shared."),
    ("21/07/2023", "Nursery attendance register",
     "Last session before the summer break. Poppy collected by a man who gave his name as Will; he was on the collection list.",
     "Nursery Practitioner",
     "Shows Mother's partner was still involved in Poppy's care after the reported separation."),
    ("29/08/2023", "CPOMS safeguarding log",
     "Mr Prest informed by Children's Social Care about Poppy's injury. Plan to support Jayden and Ruby on their return on "
     "05/09/2023.",
     "Designated Safeguarding Lead",
     "After the scope period."),
    ("05/09/2023", "CPOMS safeguarding log",
     "Jayden and Ruby returned to school, brought by Nanna Rose. Both seen by the learning mentor.",
     "Learning Mentor",
     "After the scope period."),
]


def _header(sheet, headings: list[str]) -> None:
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    sheet.freeze_panes = "A2"


def _widths(sheet, widths: list[int]) -> None:
    for index, width in enumerate(widths):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = width


def _save_workbook(workbook: openpyxl.Workbook, path: Path, creator: str) -> None:
    workbook.properties.creator = creator
    workbook.properties.lastModifiedBy = creator
    workbook.properties.created = CREATED
    workbook.properties.modified = MODIFIED
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def police_chronology() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Chronology"
    _header(sheet, POLICE_HEAD)
    for date, time, source, event, role, comment in POLICE:
        sheet.append([d(date), time, source, event, role, comment])
        sheet.cell(row=sheet.max_row, column=1).number_format = "DD/MM/YYYY"
    _widths(sheet, [14, 8, 30, 90, 30, 60])
    _save_workbook(workbook, HERE / "chronologies" / "police.xlsx", "Public Protection Unit")


def acute_chronology() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "IMR chronology"
    _header(sheet, ACUTE_HEAD)
    for date, time, record, details, worker, analysis in ACUTE:
        sheet.append([d(date), t(time), "acute-trust", record, details, worker, analysis])
        sheet.cell(row=sheet.max_row, column=1).number_format = "DD/MM/YYYY"
        sheet.cell(row=sheet.max_row, column=2).number_format = "HH:MM"
    _widths(sheet, [14, 8, 14, 28, 90, 26, 60])
    _save_workbook(workbook, HERE / "chronologies" / "acute-trust.xlsx", "Safeguarding Children Team")


def education_chronology() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    _header(sheet, EDUCATION_HEAD)
    for row in EDUCATION:
        sheet.append(list(row))
        sheet.cell(row=sheet.max_row, column=1).number_format = "@"  # typed as text, as many schools do
    _widths(sheet, [12, 30, 90, 30, 60])
    _save_workbook(workbook, HERE / "chronologies" / "education.xlsx", "Education Safeguarding Team")


# --- The Word IMR "as received" -----------------------------------------------------------------------
def _hyperlink(paragraph, url: str, text: str) -> None:
    """python-docx has no public hyperlink API; build the w:hyperlink element with its relationship."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    props.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def education_imr_docx() -> None:
    document = Document()
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = "CONFIDENTIAL - IMR re Poppy Harrington (DOB 14/06/2021) - St Aidan's CE Primary and Little Acorns"
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.text = "OFFICIAL-SENSITIVE | Northshire County Council Education Service | Draft v2, 29/11/2023"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER

    document.add_heading("Individual Management Review", level=0)
    document.add_paragraph("Northshire County Council Education Service (primary school and early years)")
    document.add_paragraph("Serious Case Review NLSCB-SCR-2023-02 - first draft for the Writers Group")

    document.add_heading("1. Introduction", level=1)
    intro = document.add_paragraph(
        "This review covers the involvement of St Aidan's Church of England Primary School with Jayden O'Donnell and Ruby "
        "Harrington, and of Little Acorns Day Nursery with their sister Poppy, between 1 September 2021 and 27 August 2023. "
    )
    commented = intro.add_run(
        "Mrs Harrington was invited to give her views on the school's contact with the family but has not yet replied."
    )
    document.add_comment(
        commented,
        text="Grace Harrington's solicitor rang on 28/11 - she may meet us after the trial. Check with the Panel Chair "
        "before this goes to the Writers Group. MH",
        author="Margaret Hollis",
        initials="MH",
    )

    document.add_heading("2. Key contacts with the family", level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ("Date", "Setting", "What happened", "Staff member")):
        cell.text = heading
        cell.paragraphs[0].runs[0].bold = True
    rows = [
        ("19/10/2022", "St Aidan's", "Jayden said he was tired because of shouting at home ('Mum and Billy').", "Amy Lockwood, Class Teacher"),
        ("07/12/2022", "St Aidan's", "Ruby without a coat on three cold days; spare coat given.", "Colin Prest, DSL"),
        ("14/03/2023", "St Aidan's", "Child in Need meeting held at school.", "Colin Prest, DSL"),
        ("03/05/2023", "Little Acorns", "2 cm bruise on Poppy's forehead; body map completed.", "Kayleigh Dobbs, Key Worker"),
        ("12/07/2023", "Little Acorns", "Attendance 4 of 10 sessions; Poppy withdrawn when a man raised his voice.", "Kayleigh Dobbs, Key Worker"),
    ]
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value

    document.add_heading("3. Analysis", level=1)
    document.add_heading("3.1 Recognising the adult in the household", level=2)
    document.add_paragraph(
        "Both settings heard about a man called Will or Billy. Neither knew that these were the same person, Will "
        "Kershaw-Bland, and neither asked who he was. The school's safeguarding system has no field for adults in the "
        "household."
    )
    document.add_heading("3.2 Sharing concerns when a plan is open", level=2)
    note = document.add_paragraph(
        "The nursery was never told about the Child in Need plan, so the bruise on 3 May 2023 and the fall in attendance "
        "in July were handled as single concerns. "
    )
    warning = note.add_run("This is the most important finding for the early years sector.")
    warning.bold = True

    document.add_heading("4. Recommendations", level=1)
    document.add_paragraph(
        "Early years providers are told when a child on their roll is subject to a Child in Need or child protection plan.",
        style="List Number",
    )
    document.add_paragraph(
        "Designated safeguarding leads record every adult known to live in or regularly visit a child's household.",
        style="List Number",
    )

    contact = document.add_paragraph("Queries about this draft: ")
    _hyperlink(contact, "mailto:colin.prest@staidans.example.sch.uk", "colin.prest@staidans.example.sch.uk")
    signature = document.add_paragraph("Author: Education Safeguarding Adviser")
    signature.runs[0].font.size = Pt(10)
    signature.runs[0].font.color.rgb = RGBColor(0x44, 0x44, 0x44)

    props = document.core_properties
    props.author = "Margaret Hollis"
    props.last_modified_by = "Colin Prest"
    props.title = "IMR - Poppy Harrington - Education draft v2"
    props.subject = "Serious Case Review NLSCB-SCR-2023-02"
    props.keywords = "Harrington; O'Donnell; Kershaw-Bland"
    props.comments = "Draft for Writers Group, 13/12/2023"
    props.created = CREATED
    props.modified = MODIFIED
    props.revision = 2
    path = HERE / "documents" / "education-imr-draft-v2.docx"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)


def nursery_tracker() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Poppy Harrington"
    _header(sheet, ["Week commencing", "Sessions booked", "Sessions attended", "Collected by", "Key worker notes"])
    weeks = [
        ("17/04/2023", 3, 3, "Grace", "Settling in well. Likes the sand tray."),
        ("24/04/2023", 3, 3, "Grace / Nan Rose", ""),
        ("01/05/2023", 3, 2, "Will K-B", "Bruise on forehead 03/05 - body map done (KD)."),
        ("26/06/2023", 3, 2, "Grace", "Mum says Pops has a cold."),
        ("03/07/2023", 3, 1, "Will", "Very quiet. Clingy with Kayleigh."),
        ("10/07/2023", 3, 1, "Grace", "Only in Weds. Phone Mrs H on 07700 900461 - no answer."),
        ("17/07/2023", 3, 2, "Will", "Last week before summer."),
    ]
    for week, booked, attended, collected, notes in weeks:
        sheet.append([d(week), booked, attended, collected, notes])
        sheet.cell(row=sheet.max_row, column=1).number_format = "DD/MM/YYYY"
    _widths(sheet, [16, 16, 18, 18, 50])
    contacts = workbook.create_sheet("Contacts")
    _header(contacts, ["Name", "Relationship", "Phone", "Allowed to collect"])
    for row in (
        ("Grace Harrington", "Mother", "07700 900461", "Yes"),
        ("Rose O'Donnell", "Grandmother", "01632 960318", "Yes"),
        ("Will Kershaw-Bland", "Mum's partner", "07700 900872", "Yes"),
        ("Daniel Harrington", "Father", "", "No - check with Mum"),
    ):
        contacts.append(list(row))
    _widths(contacts, [24, 18, 16, 20])
    _save_workbook(workbook, HERE / "documents" / "nursery-attendance-tracker.xlsx", "Kayleigh Dobbs")


if __name__ == "__main__":
    police_chronology()
    acute_chronology()
    education_chronology()
    education_imr_docx()
    nursery_tracker()
    print(f"wrote the Excel and Word files under {HERE}")
