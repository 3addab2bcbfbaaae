"""Render a standard letter for a case: one Word file per recipient, an optional combined PDF, and a log row each.

Everything a letter needs is checked before anything is written, so a missing field stops the whole letter
with MissingCaseField naming the case.yaml field, rather than leaving some recipients' copies written and
others not. Wording comes from the catalogue and is rendered with the project's strict environment: a field
the case does not provide is an error, never a blank.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from pypdf import PdfWriter

from ..case.model import Case, Officer, field_value
from ..dates import format_uk_date
from ..errors import MissingCaseField, TemplateProblem, UsageError
from ..fileio import atomic_path, ensure_separate
from ..render.docx_template import render_template
from ..templating import make_environment
from ..timeline import Rule, due_date, load_rules
from .catalogue import CATALOGUE, LETTER_TEMPLATE, Letter, get_letter
from .log import LogEntry, append_log
from .recipients import Recipient, select

log = logging.getLogger(__name__)

_SAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class RenderedLetter:
    letter: Letter
    files: list[tuple[Recipient, Path]]
    log: Path
    pdf: Path | None = None
    warnings: list[str] = field(default_factory=list)


def file_name(letter: Letter, recipient: Recipient, suffix: str = ".docx") -> str:
    """By letter id and recipient key only: never by the child's (or anyone's) name."""
    return f"{letter.id}_{_SAFE.sub('-', recipient.key.lower())}{suffix}"


def _needed_for(letter: Letter) -> str:
    return f"The letter '{letter.id}' ({letter.title})"


def _walk(source: object, path: str) -> Any:
    try:
        return field_value(source, path)
    except AttributeError:
        raise TemplateProblem(CATALOGUE, f"'{path}' is not a case field",
                              hint="Name fields as in case.yaml (docs/case-folder.md), e.g. review.dates.decision.") from None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _check_case_fields(letter: Letter, case: Case) -> None:
    for path in letter.requires:
        if _empty(_walk(case, path)):
            raise MissingCaseField(path, needed_for=_needed_for(letter))


def _check_recipient_fields(letter: Letter, recipient: Recipient) -> None:
    for path in letter.recipient_requires:
        root, _, rest = path.partition(".")
        value = _walk(getattr(recipient, root, None), rest) if rest else getattr(recipient, root, None)
        if not _empty(value):
            continue
        if recipient.agency is not None and root == "imr":
            raise MissingCaseField(rest or "the IMR file", needed_for=f"{_needed_for(letter)} to {recipient.agency.name}",
                                   file=f"imr/{recipient.agency.id}.yaml")
        if recipient.agency is not None:
            raise MissingCaseField(f"agencies ({recipient.agency.id}): {rest or root}", needed_for=_needed_for(letter))
        raise MissingCaseField(path, needed_for=f"{_needed_for(letter)} to {recipient.key}")


def _rules_by_id(case: Case) -> dict[str, Rule]:
    return {rule.id: rule for rule in load_rules(case.path)}


def _milestone(rules: dict[str, Rule], letter: Letter, milestone_id: str) -> Rule:
    try:
        return rules[milestone_id]
    except KeyError:
        raise TemplateProblem(
            CATALOGUE, f"letter '{letter.id}' states the milestone '{milestone_id}', which is not in the timeline rules",
            hint="Check the id against templates/timeline-rules.yaml, and that the board's timescales.yaml does not "
                 "switch it off.",
        ) from None


def _due_dates(letter: Letter, case: Case, rules: dict[str, Rule]) -> tuple[dict[str, dt.date], dict[str, dt.date]]:
    """Due dates of the milestones the letter states: as they stand (extensions applied) and as first set."""
    due: dict[str, dt.date] = {}
    standard: dict[str, dt.date] = {}
    for milestone_id in dict.fromkeys(letter.states + ((letter.send_by,) if letter.send_by else ())):
        rule = _milestone(rules, letter, milestone_id)
        if rule.each and not hasattr(case, rule.base.split(".", 1)[0]):
            continue  # counts from each item's own date (an FOI request): worked out for each recipient
        when = due_date(rule, case)
        if when is None:
            if milestone_id in letter.states:
                raise MissingCaseField(rule.base, needed_for=_needed_for(letter))
            continue
        due[milestone_id] = when
        standard[milestone_id] = due_date(dataclasses.replace(rule, replaced_by=None), case) or when
    return due, standard


@dataclass(frozen=True)
class _FoiView:
    """An FOI request as the letter sees it, with the reply date worked out by the timeline rule (§8.117)."""

    received: dt.date
    requester_reference: str | None
    subject: str | None
    responded: dt.date | None
    reply_due: dt.date | None


def _foi_view(recipient: Recipient, case: Case, rules: dict[str, Rule]) -> _FoiView | None:
    if recipient.foi is None:
        return None
    rule = rules.get("foi_reply")
    reply_due = due_date(rule, case, recipient.foi) if rule else None
    return _FoiView(recipient.foi.received, recipient.foi.requester_reference, recipient.foi.subject,
                    recipient.foi.responded, reply_due)


def _signatory(letter: Letter, case: Case) -> Officer:
    if letter.signed_by == "chair":
        chair = case.chair
        return dataclasses.replace(chair, organisation=chair.organisation or case.board.name)
    return case.board.business_manager


def _text(env: jinja2.Environment, letter: Letter, label: str, source: str, values: dict[str, Any]) -> str:
    try:
        return " ".join(env.from_string(source).render(values).split())
    except jinja2.UndefinedError as err:
        raise TemplateProblem(
            CATALOGUE, f"letter '{letter.id}', {label}: a field has no value ({err.message})", context=source[:160],
            hint="Fill the field in in case.yaml, or add it to the letter's `requires` in the catalogue so that it "
                 "is asked for by name.",
        ) from err
    except jinja2.TemplateError as err:
        raise TemplateProblem(CATALOGUE, f"letter '{letter.id}', {label}: {err}", context=source[:160]) from err


def _letterhead(case: Case) -> list[str]:
    board = case.board
    contact = [part for part in (f"Telephone {board.phone}" if board.phone else None, board.email, board.website) if part]
    # The board's name heads the letterhead already; many boards also start their address with it.
    address = [line for line in board.address if line != board.name]
    return address + ([" | ".join(contact)] if contact else [])


def letter_context(letter: Letter, case: Case, recipient: Recipient, letter_date: dt.date,
                   due: dict[str, dt.date], standard: dict[str, dt.date], rules: dict[str, Rule]) -> dict[str, Any]:
    """Everything letter.docx reads, with the catalogue's subject and paragraphs already filled in."""
    signatory = _signatory(letter, case)
    values = {
        "case": case, "board": case.board, "review": case.review, "dates": case.review.dates,
        "chair": case.chair, "panel_chair": case.panel_chair, "overview_author": case.overview_author,
        "recipient": recipient, "agency": recipient.agency, "imr": recipient.imr,
        "foi": _foi_view(recipient, case, rules), "due": due, "standard_due": standard,
        "letter_date": letter_date, "signatory": signatory,
    }
    if values["foi"] is not None and "foi_reply" in letter.states and values["foi"].reply_due is None:
        raise MissingCaseField("the 'foi_reply' timeline rule", needed_for=_needed_for(letter), file=CATALOGUE.name)
    # Plain text here; docxtpl escapes the finished paragraph once when it goes into the Word XML.
    env = make_environment()
    env.autoescape = False
    return {
        "marking": case.board.protective_marking,
        "board": case.board,
        "letterhead": _letterhead(case),
        "reference": f"{case.review.reference}/{letter.id}/{recipient.key}",
        "letter_date": letter_date,
        "recipient": recipient,
        "attention": _text(env, letter, "attention", letter.attention, values) if letter.attention else None,
        "subject": _text(env, letter, "subject", letter.subject, values),
        "body": [_text(env, letter, f"body paragraph {n}", text, values) for n, text in enumerate(letter.body, 1)],
        "signatory": signatory,
        "signatory_contact": [line for line in (signatory.email, signatory.phone and f"Telephone {signatory.phone}") if line],
        "enclosures": list(letter.enclosures),
    }


def _properties(letter: Letter, case: Case):
    def finish(document) -> None:
        # Only the letter's title and the review reference: nothing from the template or a person's account.
        props = document.core_properties
        props.title = letter.title
        props.subject = case.review.reference
        props.author = case.board.short_name
        props.last_modified_by = case.board.short_name
        props.comments = ""
        props.keywords = ""
        props.category = case.board.protective_marking
    return finish


def _combined_pdf(docx_files: list[Path], target: Path) -> Path:
    from ..render.pdf import convert_to_pdf  # LibreOffice is only needed when a PDF is asked for

    with tempfile.TemporaryDirectory(prefix=".letters-pdf-", dir=target.parent) as scratch:
        pdfs = convert_to_pdf(docx_files, Path(scratch))
        writer = PdfWriter()
        for pdf in pdfs:
            writer.append(str(pdf))
        with atomic_path(target) as tmp:
            with open(tmp, "wb") as handle:
                writer.write(handle)
    return target


def readiness(letter: Letter, case: Case) -> str | None:
    """None when `letter` can be written for `case` now; otherwise what is missing, in the words of the error."""
    try:
        recipients = select(letter.recipients, case)
        _check_case_fields(letter, case)
        for recipient in recipients:
            _check_recipient_fields(letter, recipient)
        _due_dates(letter, case, _rules_by_id(case))
    except MissingCaseField as err:
        return f"needs {err.field}"
    return None


def render_letter(letter_id: str, case: Case, out_dir: str | Path, *, to: list[str] | None = None,
                  letter_date: dt.date | None = None, pdf: bool = False, now: dt.datetime | None = None) -> RenderedLetter:
    """Write `letter_id` for each recipient (or those in `to`) into `out_dir` and log each file."""
    out_dir = Path(out_dir)
    ensure_separate(out_dir, [case.path])
    letter = get_letter(letter_id)
    letter_date = letter_date or dt.date.today()
    if letter.choose_one and not to:
        from .recipients import possible_keys

        raise UsageError(
            f"'{letter.id}' goes to one recipient only: say which with --to "
            f"(one of: {', '.join(possible_keys(letter.recipients, case))})."
        )
    recipients = select(letter.recipients, case, list(dict.fromkeys(to)) if to else None)
    if letter.choose_one and len(recipients) > 1:
        raise UsageError(f"'{letter.id}' goes to one recipient only; give --to once.")

    # Check everything before writing anything.
    _check_case_fields(letter, case)
    for recipient in recipients:
        _check_recipient_fields(letter, recipient)
    rules = _rules_by_id(case)
    due, standard = _due_dates(letter, case, rules)
    contexts = [(r, letter_context(letter, case, r, letter_date, due, standard, rules)) for r in recipients]

    warnings = []
    if letter.send_by and letter.send_by in due and letter_date > due[letter.send_by]:
        rule = rules[letter.send_by]
        warnings.append(
            f"This letter is dated {format_uk_date(letter_date)}, after {format_uk_date(due[letter.send_by])}, when it "
            f"was due: {rule.rule[0].lower() + rule.rule[1:]} ({rule.source})."
        )

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Recipient, Path]] = []
    for recipient, context in contexts:
        target = out_dir / file_name(letter, recipient)
        render_template(LETTER_TEMPLATE, context, target, finish=_properties(letter, case))
        written.append((recipient, target))
    stamp = now or dt.datetime.now()
    entries = [LogEntry(stamp, letter_date, letter.id, r.key, r.label, p.name) for r, p in written]
    combined = None
    if pdf:
        combined = _combined_pdf([p for _, p in written], out_dir / f"{letter.id}.pdf")
        entries.append(LogEntry(stamp, letter_date, letter.id, "all", f"{len(written)} recipient(s), for printing",
                                combined.name))
    log_path = append_log(out_dir, entries)
    log.info("%s: %d letter(s) written to %s", letter.id, len(written), out_dir)
    return RenderedLetter(letter=letter, files=written, log=log_path, pdf=combined, warnings=warnings)


def _register_fields() -> None:
    # So `scr templates check templates/letters` checks every field letter.docx uses, not just its syntax.
    from ..case.model import Board
    from ..render.template_check import register_template_fields

    register_template_fields("letter.docx", {
        "marking": str, "board": Board, "letterhead": list[str], "reference": str, "letter_date": dt.date,
        "recipient": Recipient, "attention": str | None, "subject": str, "body": list[str],
        "signatory": Officer, "signatory_contact": list[str], "enclosures": list[str],
    })


_register_fields()
