"""How the checker reads a PDF page: table cells apart, wrapped sentences together, lines counted as printed."""
from __future__ import annotations

import pytest

from pipeline.check.documents import TextSegment, _pdf_cells

TABLE = """\
Date          Practitioner          Significance

02/11/2019    Police Constable      Before the scope period.
                                    Included as the first
                                    recorded incident.
"""
BULLETS = """\
Key issues

\uf0b7   Adults in the household. No agency assessed Mother's partner, although
    together they held a clear picture of his presence and his history.
\uf0b7   Domestic abuse behind other labels.
"""
COVER = """\
Prepared by: Dr Fiona MacAulay, Independent Overview Report Author, Lindley Review
Consultancy Ltd
Version: Final
"""
WRAPPED = """\
Paramedic 1 made a referral to the Safeguarding Hub and to Northshire
Children's Social Care about the intoxicated adult, and the service will
audit its use in twelve months.
"""


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (TABLE, ["Date", "Practitioner", "Significance", "02/11/2019", "Police Constable",
                 "Before the scope period.\nIncluded as the first recorded incident."]),
        (BULLETS, ["Key issues", "\uf0b7 Adults in the household. No agency assessed Mother's partner, although together "
                   "they held a clear picture of his presence and his history.\n\uf0b7 Domestic abuse behind other labels."]),
        (COVER, ["Prepared by: Dr Fiona MacAulay, Independent Overview Report Author, Lindley Review Consultancy Ltd\n"
                 "Version: Final"]),
        (WRAPPED, ["Paramedic 1 made a referral to the Safeguarding Hub and to Northshire Children's Social Care about "
                   "the intoxicated adult, and the service will audit its use in twelve months."]),
    ],
    ids=["table-columns-apart", "bullets-are-not-columns", "short-line-before-a-capital-ends-it", "wrapped-sentence"],
)
def test_page_text_is_read_as_cells_and_paragraphs(layout, expected):
    assert [text for text, _ in _pdf_cells(layout)] == expected


def test_location_is_the_printed_line_where_the_text_is():
    text, lines = _pdf_cells(TABLE)[-1]
    segment = TextSegment("page 4", text, line_based=True, lines=lines)
    assert segment.locate(text.index("Before")) == "page 4, line 2"
    assert segment.locate(text.index("recorded")) == "page 4, line 4"
