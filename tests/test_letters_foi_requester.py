"""An FOI acknowledgement goes to the requester by name and address when case.yaml has them (§8.117)."""
from __future__ import annotations

from pathlib import Path

import docx

from pipeline.case import load_case
from pipeline.letters import render_letter

CHILD_A = Path(__file__).resolve().parent.parent / "samples" / "child-a"


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_named_requester_gets_the_letter_at_their_address(tmp_path: Path) -> None:
    case = load_case(CHILD_A)
    assert case.review.foi_requests[1].requester.name == "Ms Harriet Quayle"
    render_letter("foi-acknowledgement", case, tmp_path, to=["foi-2"])
    text = _text(tmp_path / "foi-acknowledgement_foi-2.docx")
    assert "Ms Harriet Quayle\nNewsdesk\nThe Kingsmoor Chronicle" in text
    assert "Dear Ms Harriet Quayle" in text
    assert "20 working days" in text


def test_request_without_requester_details_is_addressed_by_reference(tmp_path: Path) -> None:
    render_letter("foi-acknowledgement", load_case(CHILD_A), tmp_path, to=["foi-1"])
    text = _text(tmp_path / "foi-acknowledgement_foi-1.docx")
    assert "Reference: FOI-NCC-2024-0311" in text and "Dear Requester" in text
