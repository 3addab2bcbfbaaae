"""Word files for the publication checker's tests, built with python-docx in tmp_path.

`executive_summary(path, ...)` follows the reports' contract (Heading 1 sections, "Recommendation N: "
paragraphs, the action-plan table header); every keyword argument breaks one thing on purpose.
`seeded_docx(path)` plants exactly one problem of each checker category in one file.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx

CHAIR = ("Margaret Ellison", "Independent Chair", "Westmoor LSCB")
PANEL_CHAIR = ("David Okafor", "Independent Panel Chair", "Okafor Safeguarding Consultancy")
AUTHOR = ("Ruth Penhaligon", "Independent Overview Author", "Penhaligon Reviews Ltd")

PLAN_HEADER = ("Recommendation", "Action", "Lead agency", "Lead officer", "Target date", "Intended outcome",
               "Success measure", "Monitoring and review", "Status", "Completion date", "Evidence")
RECOMMENDATIONS = (
    "Westmoor LSCB should seek assurance that agencies record the lived experience of children at domestic "
    "incidents.",
    "Westmoor LSCB should ask all agencies to review how they share information about missed health appointments.",
)
PLAN_ROWS = (
    ("1", "Audit 30 domestic incident records for the voice of the child.", "Westmoor Police",
     "Head of Public Protection", "30/09/2024", "Risk assessments describe what the child experienced.",
     "90% of audited records describe the child's experience.", "Quality Assurance Subgroup, quarterly.",
     "In progress", "", ""),
    ("2", "Publish a protocol for sharing missed appointment information.", "Westmoor LSCB",
     "LSCB Business Manager", "31/12/2024", "Missed appointments are followed up by the lead professional.",
     "Protocol published and audited after six months.", "LSCB Board, every six months.",
     "Complete", "14/06/2024", "Protocol on the board's website."),
)


def blank_properties(document: docx.document.Document) -> None:
    """python-docx stamps its own author and comments; published files have none."""
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""


def executive_summary(
    path: Path,
    *,
    people: tuple[tuple[str, str, str], ...] = (CHAIR, PANEL_CHAIR, AUTHOR),
    roles: tuple[str, ...] = ("LSCB Chair", "Panel Chair", "Overview author"),
    sections: tuple[str, ...] = ("The review process", "Who conducted the review", "Case summary", "Key issues",
                                 "Lessons", "Recommendations", "Multi-Agency Action Plan"),
    recommendations: tuple[str, ...] = RECOMMENDATIONS,
    plan_rows: tuple[tuple[str, ...], ...] = PLAN_ROWS,
    title: str = "Executive Summary",
    extra: tuple[str, ...] = (),
) -> Path:
    document = docx.Document()
    blank_properties(document)
    document.add_heading(f"Serious Case Review: Child W — {title}", level=0)
    body = {
        "The review process": ["The review was commissioned by the LSCB Chair in January 2024 under chapter 8 of "
                               "Working Together to Safeguard Children. Each agency wrote an Individual "
                               "Management Review."],
        "Case summary": ["Child W lived with Mother and was known to health visiting and the police."],
        "Key issues": ["Agencies did not share information about missed health appointments."],
        "Lessons": ["The voice of the child must be recorded at every domestic incident."],
    }
    for heading in sections:
        document.add_heading(heading, level=1)
        if heading == "Who conducted the review":
            for role, (name, job, org) in zip(roles, people):
                parts = ", ".join(p for p in (name, job, org) if p)
                document.add_paragraph(f"{role}: {parts}")
        elif heading == "Recommendations":
            for number, text in enumerate(recommendations, start=1):
                document.add_paragraph(f"Recommendation {number}: {text}")
        elif heading == "Multi-Agency Action Plan":
            document.add_paragraph("The action plan below shows progress, including actions already completed.")
            table = document.add_table(rows=1, cols=len(PLAN_HEADER))
            for cell, text in zip(table.rows[0].cells, PLAN_HEADER):
                cell.text = text
            for row in plan_rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = text
        else:
            for text in body.get(heading, ["Text of this section."]):
                document.add_paragraph(text)
    for text in extra:
        document.add_paragraph(text)
    document.save(path)
    return path


def overview_report(path: Path, recommendations: tuple[str, ...] = RECOMMENDATIONS) -> Path:
    document = docx.Document()
    blank_properties(document)
    document.add_heading("Serious Case Review: Child W — Overview Report", level=0)
    document.add_heading("Recommendations", level=1)
    for number, text in enumerate(recommendations, start=1):
        document.add_paragraph(f"Recommendation {number}: {text}")
    document.save(path)
    return path


def simple_docx(path: Path, paragraphs: list[str], **core) -> Path:
    document = docx.Document()
    blank_properties(document)
    for name, value in core.items():
        setattr(document.core_properties, name, value)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def patch_part(path: Path, part: str, edit) -> None:
    """Rewrite one XML part of a package in place with `edit(text) -> text` (test inputs only)."""
    with zipfile.ZipFile(path) as zf:
        items = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zf.writestr(info, data)


def add_part(path: Path, part: str, data: bytes) -> None:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(part, data)


def summary_register():
    """The minimal sample's register as a standalone file would give it: Child W, and the three named people."""
    from pipeline.register import ExemptPerson, Person, Register

    return Register(
        people=(Person("Lily Carter", "Child W", ("Lil",), "subject child"),
                Person("Jade Carter", "Mother", (), "mother")),
        exempt=tuple(ExemptPerson(*person) for person in (CHAIR, PANEL_CHAIR, AUTHOR)),
    )
