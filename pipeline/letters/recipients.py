"""Who receives a letter, chosen from the case: agencies' chief officers, Ofsted, a court, the family...

Each kind of recipient named in the catalogue is a small function registered in SELECTORS, so adding a
kind is one function and one schema enum value, never an if/elif. A recipient the case does not provide
raises MissingCaseField naming the case.yaml field to fill in.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..case.model import Agency, Case, Contact, FoiRequest, Imr, Officer
from ..errors import MissingCaseField, UsageError

# The kinds of recipient kept in case.yaml `recipients` (docs/case-folder.md).
CONTACT_KINDS = ("ofsted", "dfe", "sha", "cqc", "court", "partner_board", "family_contact")


@dataclass(frozen=True)
class Recipient:
    """One addressee. `key` names the output file and is what --to takes: an agency id, `ofsted`, `foi-2`..."""

    key: str
    name: str
    address: tuple[str, ...]
    salutation: str
    job_title: str | None = None
    organisation: str | None = None
    email: str | None = None
    agency: Agency | None = None
    imr: Imr | None = None
    foi: FoiRequest | None = None
    foi_number: int | None = None

    @property
    def address_block(self) -> list[str]:
        """Name, job title, organisation and address, one line each, without repeating a line."""
        lines = [self.name]
        for extra in (self.job_title, self.organisation):
            if extra and extra not in lines:
                lines.append(extra)
        lines += [line for line in self.address if line not in lines]
        return lines

    @property
    def label(self) -> str:
        """How the recipient is shown in lists and the log: name and organisation."""
        return f"{self.name}, {self.organisation}" if self.organisation and self.organisation != self.name else self.name


def _officer(key: str, officer: Officer, organisation: str, address: list[str], **extra) -> Recipient:
    return Recipient(key=key, name=officer.name, job_title=officer.job_title, organisation=organisation,
                     address=tuple(address), salutation=f"Dear {officer.name}", email=officer.email, **extra)


def _imr_for(case: Case, agency_id: str) -> Imr | None:
    return next((imr for imr in case.imrs if imr.agency == agency_id), None)


def chief_officers(case: Case) -> list[Recipient]:
    if not case.agencies:
        raise MissingCaseField("agencies", needed_for="A letter to each agency's chief officer")
    return [_officer(a.id, a.chief_officer, a.name, a.address, agency=a, imr=_imr_for(case, a.id)) for a in case.agencies]


def chair(case: Case) -> list[Recipient]:
    return [_officer("chair", case.chair, case.chair.organisation or case.board.name, case.board.address)]


def board_members(case: Case) -> list[Recipient]:
    # The Board is the Chair and the senior representative of each partner agency; the case lists the agencies'
    # chief officers, who stand for their agency on the Board.
    return chair(case) + chief_officers(case)


def contributors(case: Case) -> list[Recipient]:
    # Everyone who contributed (§8.98): each agency, and the family when a family contact is recorded.
    found = chief_officers(case)
    if "family_contact" in case.recipients:
        found += _contact(case, "family_contact")
    return found


def foi_requesters(case: Case) -> list[Recipient]:
    if not case.review.foi_requests:
        raise MissingCaseField("review.foi_requests", needed_for="A Freedom of Information acknowledgement")
    found = []
    for number, request in enumerate(case.review.foi_requests, start=1):
        who = request.requester
        if who is not None:
            address = tuple(who.address) or ((f"By email: {who.email}",) if who.email else ("By email",))
            found.append(Recipient(
                key=f"foi-{number}", name=who.name, organisation=None, address=address,
                salutation=f"Dear {who.name}", email=who.email, foi=request, foi_number=number,
            ))
            continue
        # Without requester details (requests often arrive by email with a reference only), the letter is
        # addressed by the request's own reference and sent by email.
        reference = request.requester_reference or f"request received {request.received.strftime('%d/%m/%Y')}"
        found.append(Recipient(
            key=f"foi-{number}", name="The requester", organisation=None,
            address=(f"Reference: {reference}", "By email"), salutation="Dear Requester",
            foi=request, foi_number=number,
        ))
    return found


def _from_contact(contact: Contact) -> Recipient:
    return Recipient(
        key=contact.key, name=contact.name, job_title=contact.job_title, organisation=contact.organisation,
        address=tuple(contact.address), salutation=contact.salutation or f"Dear {contact.name}", email=contact.email,
    )


def _contact(case: Case, kind: str) -> list[Recipient]:
    contact = case.recipients.get(kind)
    if contact is None:
        raise MissingCaseField(f"recipients.{kind}", needed_for=f"A letter to {kind.replace('_', ' ')}")
    return [_from_contact(contact)]


SELECTORS: dict[str, Callable[[Case], list[Recipient]]] = {
    "chief_officers": chief_officers,
    "board_members": board_members,
    "contributors": contributors,
    "foi_requesters": foi_requesters,
    "chair": chair,
    **{kind: (lambda case, kind=kind: _contact(case, kind)) for kind in CONTACT_KINDS},
}


def possible_keys(kinds: tuple[str, ...], case: Case) -> list[str]:
    """Every --to value that could apply to a letter for this case, without failing on missing contacts."""
    keys: list[str] = []
    for kind in kinds:
        if kind in CONTACT_KINDS:
            keys.append(kind)
            continue
        try:
            keys += [r.key for r in SELECTORS[kind](case)]
        except MissingCaseField:
            continue
    return list(dict.fromkeys(keys))


def select(kinds: tuple[str, ...], case: Case, wanted: list[str] | None = None) -> list[Recipient]:
    """The recipients of the given kinds, optionally only those whose key is in `wanted` (in that order).

    Without `wanted`, every kind must be available in the case. With `wanted`, only the kinds that could hold
    a wanted key are looked up, so a letter to Ofsted alone does not fail because the case lacks a DfE address.
    """
    if not wanted:
        return [r for kind in kinds for r in SELECTORS[kind](case)]
    found: dict[str, Recipient] = {}
    unavailable: list[MissingCaseField] = []
    for kind in kinds:
        if kind in CONTACT_KINDS:
            if kind in wanted:
                found[kind] = _contact(case, kind)[0]  # asked for by name: a missing contact is an error
            continue
        try:
            for recipient in SELECTORS[kind](case):
                found.setdefault(recipient.key, recipient)
        except MissingCaseField as err:
            unavailable.append(err)
    missing = [key for key in wanted if key not in found]
    if missing and unavailable:
        raise unavailable[0]
    if missing:
        raise UsageError(
            f"{', '.join(repr(k) for k in missing)} does not receive this letter. It can go to: "
            f"{', '.join(possible_keys(kinds, case)) or 'nobody in this case yet'}."
        )
    return [found[key] for key in wanted]
