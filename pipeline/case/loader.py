"""Load a case folder into a `Case`, collecting every problem on the way.

`validate_case` returns all problems at once (schema, dates, cross-references); `load_case` raises
CaseInvalid with the same list, or returns the case. Nothing in the folder is ever written to.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from ..dates import DateFormatError, parse_uk_date
from ..errors import CaseInvalid, InputFileError, Problem
from ..register import ExemptPerson, Register, register_problems
from ..schema import Located, load_structured, schema_problems
from . import chronology as chrono
from .model import (
    Action, Agency, Authorisation, Board, Case, ChronologyEntry, Contact, Extension, FoiRequest, Imr, ImrAction,
    ImrRecommendation, Interviews, Officer, PanelMember, Recommendation, Review, ReviewDates, Theme,
)

log = logging.getLogger(__name__)

NARRATIVE_SECTIONS = (
    "introduction", "child-experience", "family-composition", "agency-involvement", "analysis", "good-practice",
    "lessons", "conclusions", "case-summary", "key-issues", "glossary",
)
DOCUMENT_SUFFIXES = (".docx", ".xlsx", ".txt", ".md")
# Dates outside this window are almost certainly typing mistakes (2203 for 2023).
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


class _Builder:
    """Walks the folder once; records problems instead of stopping at the first."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []

    # -- helpers ---------------------------------------------------------------------------------------
    def rel(self, path: Path) -> str:
        # Paths are built from the folder as the user typed it, so messages show what they recognise.
        return str(path)

    def load(self, path: Path, schema: str) -> Located | None:
        display = self.rel(path)
        try:
            doc = load_structured(path)
        except InputFileError as err:
            self.problems.append(Problem(display, err.reason, line=err.line, hint=err.hint))
            return None
        if doc.data is None:
            self.problems.append(Problem(display, "is empty", line=1))
            return None
        found = schema_problems(doc, schema, display=display)
        self.problems.extend(found)
        return None if found else doc

    def date(self, doc: Located, path: list[str | int], value: Any, *, required: bool = True) -> dt.date | None:
        if value is None or value == "":
            return None
        try:
            parsed = parse_uk_date(value)
        except DateFormatError as err:
            self.problems.append(self._at(doc, path, str(err)))
            return None
        if not EARLIEST <= parsed <= LATEST:
            self.problems.append(self._at(doc, path, f"{parsed:%d/%m/%Y} is outside the expected range; check the year"))
        return parsed

    def _at(self, doc: Located, path: list[str | int], message: str) -> Problem:
        field = ""
        for part in path:
            field += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if field else str(part))
        return Problem(self.rel(doc.path), message, line=doc.line(path), field=field)

    # -- case.yaml ---------------------------------------------------------------------------------------
    def case_yaml(self) -> tuple[Located | None, dict[str, Any]]:
        path = self.folder / "case.yaml"
        if not path.exists():
            self.problems.append(Problem(self.rel(path), "is missing; every case folder needs a case.yaml "
                                         "(copy samples/minimal/case.yaml and fill it in)"))
            return None, {}
        doc = self.load(path, "case")
        return doc, (doc.data if doc else {})

    def board(self, data: dict[str, Any]) -> Board:
        b = data["board"]
        bm = b["business_manager"]
        return Board(
            name=b["name"], short_name=b.get("short_name") or b["name"], nation=b.get("nation", "england-and-wales"),
            address=list(b["address"]), protective_marking=b.get("protective_marking") or "OFFICIAL-SENSITIVE",
            business_manager=Officer(bm["name"], bm["job_title"], b["name"], bm.get("email"), bm.get("phone")),
            phone=b.get("phone"), email=b.get("email"), website=b.get("website"),
        )

    def review(self, doc: Located, data: dict[str, Any]) -> Review | None:
        r = data["review"]
        d = r["dates"]
        base = ["review", "dates"]
        single = {k: self.date(doc, base + [k], v) for k, v in d.items() if k != "panel_meetings"}
        panels = [self.date(doc, base + ["panel_meetings", i], v) for i, v in enumerate(d.get("panel_meetings") or [])]
        if any(single.get(k) is None for k in ("referral_received", "decision", "scope_start", "scope_end")):
            return None
        dates = ReviewDates(**single, panel_meetings=[p for p in panels if p])
        if dates.scope_start > dates.scope_end:
            self.problems.append(self._at(doc, base + ["scope_end"], "the scope ends before it starts; check scope_start and scope_end"))
        if dates.decision < dates.referral_received:
            self.problems.append(self._at(doc, base + ["decision"], "the decision is dated before the referral was received"))
        extension = None
        if r.get("extension"):
            e = r["extension"]
            new_date = self.date(doc, ["review", "extension", "new_date"], e["new_date"])
            if new_date:
                extension = Extension(new_date, e["reasons"], self.date(doc, ["review", "extension", "agreed_on"], e.get("agreed_on")))
                if new_date <= dates.decision:
                    self.problems.append(self._at(doc, ["review", "extension", "new_date"], "the extended date is before the decision"))
        fois = []
        for i, f in enumerate(r.get("foi_requests") or []):
            received = self.date(doc, ["review", "foi_requests", i, "received"], f["received"])
            if received:
                who = f.get("requester")
                requester = Contact(f"foi-{i + 1}", who["name"], list(who.get("address") or []),
                                    email=who.get("email")) if who else None
                fois.append(FoiRequest(received, f.get("requester_reference"), f.get("subject"),
                                       self.date(doc, ["review", "foi_requests", i, "responded"], f.get("responded")),
                                       requester))
        criteria = r["criteria"] if isinstance(r["criteria"], list) else [r["criteria"]]
        return Review(
            reference=r["reference"], type=r.get("type", "serious-case-review"), child_pseudonym=r["child_pseudonym"],
            criteria=list(criteria), dates=dates, summary=r.get("summary"), family_involvement=r.get("family_involvement"),
            parallel_processes=r.get("parallel_processes"), terms_of_reference=list(r.get("terms_of_reference") or []),
            evaluation_grade=r.get("evaluation_grade"), extension=extension, foi_requests=fois,
        )

    def agencies(self, doc: Located, data: dict[str, Any]) -> list[Agency]:
        agencies, seen = [], set()
        for i, a in enumerate(data["agencies"]):
            if a["id"] in seen:
                self.problems.append(self._at(doc, ["agencies", i, "id"], f"the agency id '{a['id']}' is used twice"))
            seen.add(a["id"])
            co = a["chief_officer"]
            agencies.append(Agency(a["id"], a["name"], Officer(co["name"], co["job_title"], a["name"]), list(a["address"]),
                                   a.get("imr_author_role"), a.get("type")))
        return agencies

    # -- the rest of the folder ----------------------------------------------------------------------------
    def register(self, named: list[Officer]) -> Register:
        path = self.folder / "register.yaml"
        exempt = [ExemptPerson(o.name, o.job_title, o.organisation) for o in named]
        if not path.exists():
            self.problems.append(Problem(self.rel(path), "is missing; list the child, family members and professionals "
                                         "to anonymise (see docs/case-folder.md)"))
            return Register(exempt=tuple(exempt))
        try:
            doc = load_structured(path)
        except InputFileError as err:
            self.problems.append(Problem(self.rel(path), err.reason, line=err.line, hint=err.hint))
            return Register(exempt=tuple(exempt))
        data = doc.data if isinstance(doc.data, dict) else {}
        # The three named people come from case.yaml; check them against `people` like any exempt entry.
        merged = dict(data)
        merged["exempt"] = list(data.get("exempt") or []) + [
            {"name": o.name, "job_title": o.job_title, "organisation": o.organisation} for o in named
        ]
        found = register_problems(Located(merged, doc.root, doc.path), display=self.rel(path))
        self.problems.extend(found)
        if found:
            return Register(exempt=tuple(exempt))
        return Register.from_mapping(merged, source=str(path))

    def chronologies(self, agencies: dict[str, Agency] | None, scope: tuple[dt.date, dt.date] | None) -> list[ChronologyEntry]:
        folder = self.folder / "chronologies"
        files = sorted(p for p in folder.glob("*") if p.suffix.lower() in chrono.SUFFIXES) if folder.is_dir() else []
        if not files:
            self.problems.append(Problem(self.rel(folder), "has no chronology files; add one .csv, .xlsx or .yaml file per agency"))
        entries: list[ChronologyEntry] = []
        for path in files:
            display = self.rel(path)
            file_agency = None
            if path.suffix.lower() == ".csv":
                raw, found = chrono.read_csv(path, display)
            elif path.suffix.lower() == ".xlsx":
                raw, found = chrono.read_xlsx(path, display)
            else:
                raw, found, file_agency = chrono.read_yaml(path, display)
            self.problems.extend(found)
            default_agency = file_agency or path.stem
            for item in raw:
                when, problem = chrono.parse_entry_date(item, display)
                if problem:
                    self.problems.append(problem)
                agency = str(item.values.get("agency") or default_agency).strip()
                if agencies is None:  # case.yaml unreadable: check dates and text only
                    continue
                if agency not in agencies:
                    # Agencies often write their name rather than the id; accept an exact name match.
                    by_name = {a.name.lower(): a.id for a in agencies.values()}
                    agency = by_name.get(agency.lower(), agency)
                if agency not in agencies:
                    self.problems.append(Problem(
                        display, f"agency '{agency}' is not one of the agencies in case.yaml "
                        f"({', '.join(sorted(agencies))}); name the file after the agency id or fill the agency column",
                        line=item.row, column=item.columns.get("agency"), field="agency", line_label=item.line_label))
                    continue
                if not item.values.get("event"):
                    self.problems.append(Problem(display, "the event is empty; describe what happened", line=item.row,
                                                 column=item.columns.get("event"), field="event", line_label=item.line_label))
                    continue
                if when is None:
                    continue
                entries.append(ChronologyEntry(
                    date=when, agency=agency, agency_name=agencies[agency].name, event=str(item.values["event"]),
                    time=chrono.parse_time(item.values.get("time")), source=_text(item.values.get("source")),
                    practitioner=_text(item.values.get("practitioner")), significance=_text(item.values.get("significance")),
                    file=display, row=item.row, in_scope=scope is None or scope[0] <= when <= scope[1],
                ))
        # Stable: equal dates keep their file order, then times sort within a day when given.
        return sorted(entries, key=lambda e: (e.date, e.time or ""))

    def imrs(self, agencies: dict[str, Agency]) -> list[Imr]:
        folder = self.folder / "imr"
        result = []
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            doc = self.load(path, "imr")
            if not doc:
                continue
            d = doc.data
            if d["agency"] not in agencies:
                self.problems.append(self._at(doc, ["agency"], f"'{d['agency']}' is not an agency id in case.yaml"))
                continue
            recs = []
            for i, r in enumerate(d.get("recommendations") or []):
                actions = []
                for j, a in enumerate(r["actions"]):
                    when = self.date(doc, ["recommendations", i, "actions", j, "timescale"], a["timescale"])
                    if when:
                        actions.append(ImrAction(a["action"], a["expected_outcome"], when, a["lead_officer"]))
                recs.append(ImrRecommendation(d["agency"], r.get("number", i + 1), r["text"], actions))
            analysis = d.get("analysis") or []
            themes = [Theme("Analysis", analysis)] if isinstance(analysis, str) else [Theme(t["theme"], t["text"]) for t in analysis]
            iv = d.get("interviews")
            auth = d.get("authorised_by")
            secured = self.date(doc, ["records_secured"], d["records_secured"])
            if secured is None:
                continue
            result.append(Imr(
                agency=d["agency"], agency_name=agencies[d["agency"]].name, author_role=d["author_role"], records_secured=secured,
                involvement_summary=d["involvement_summary"], terms_of_reference=list(d.get("terms_of_reference") or []),
                analysis=themes, good_practice=list(d.get("good_practice") or []),
                missed_opportunities=list(d.get("missed_opportunities") or []), lessons=list(d.get("lessons") or []),
                interviews=Interviews(iv["held"], iv.get("details"), iv.get("reason")) if iv else None,
                authorised_by=Authorisation(auth["job_title"], self.date(doc, ["authorised_by", "date"], auth.get("date"))) if auth else None,
                first_draft_received=self.date(doc, ["first_draft_received"], d.get("first_draft_received")),
                recommendations=recs,
            ))
        return result

    def recommendations(self, agencies: dict[str, Agency], imr_refs: set[str]) -> list[Recommendation]:
        path = self.folder / "recommendations.yaml"
        if not path.exists():
            self.problems.append(Problem(self.rel(path), "is missing; list the overview recommendations and their actions"))
            return []
        doc = self.load(path, "recommendations")
        if not doc:
            return []
        known = set(agencies) | {"lscb"}
        result = []
        for i, r in enumerate(doc.data["recommendations"]):
            for k, ref in enumerate(r.get("imr_references") or []):
                if ref not in imr_refs:
                    self.problems.append(self._at(doc, ["recommendations", i, "imr_references", k],
                                                  f"'{ref}' does not match any IMR recommendation (expected <agency id>-<number>)"))
            actions = []
            for j, a in enumerate(r["actions"]):
                where = ["recommendations", i, "actions", j]
                if a["lead_agency"] not in known:
                    self.problems.append(self._at(doc, where + ["lead_agency"], f"'{a['lead_agency']}' is not an agency id "
                                                  f"in case.yaml (or 'lscb'); use one of: {', '.join(sorted(known))}"))
                    continue
                target = self.date(doc, where + ["target_date"], a["target_date"])
                completed = self.date(doc, where + ["completion_date"], a.get("completion_date"))
                status = a.get("status", "not-started")
                if status == "complete" and completed is None:
                    self.problems.append(self._at(doc, where + ["completion_date"], "the action is marked complete but has no completion_date"))
                if target is None:
                    continue
                name = "the LSCB" if a["lead_agency"] == "lscb" else agencies[a["lead_agency"]].name
                actions.append(Action(f"{i + 1}.{j + 1}", a["action"], a["lead_agency"], name, a["lead_officer_role"], target,
                                      a["intended_outcome"], a["success_measure"], a["monitoring"], status, completed, a.get("evidence")))
            result.append(Recommendation(i + 1, r["text"], actions, bool(r.get("national")), list(r.get("imr_references") or [])))
        return result

    def narrative(self) -> dict[str, str]:
        folder = self.folder / "narrative"
        sections: dict[str, str] = {}
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            try:
                sections[path.stem] = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                self.problems.append(Problem(self.rel(path), "is not saved as UTF-8 text"))
                continue
            if path.stem not in NARRATIVE_SECTIONS:
                log.info("narrative section %s is not one of the standard sections; it is kept but not placed", path.name)
        return sections


    def timescales(self) -> None:
        """A board's own timescales (timescales.yaml) are checked here so `scr validate` catches them early."""
        if not (self.folder / "timescales.yaml").is_file():
            return
        from ..timeline.rules import load_rules  # the timeline reads the case model; import late

        try:
            load_rules(self.folder)
        except CaseInvalid as err:
            self.problems.extend(err.problems)
        except InputFileError as err:
            self.problems.append(Problem(err.path, err.reason, line=err.line, hint=err.hint))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _build(folder: str | Path) -> tuple[Case | None, list[Problem]]:
    folder = Path(folder)
    if not folder.is_dir():
        return None, [Problem(str(folder), "is not a folder; give the path of the case folder (the one holding case.yaml)")]
    b = _Builder(folder)
    doc, data = b.case_yaml()
    if not doc:
        # Without case.yaml we cannot cross-check, but can still report what is wrong in the other files.
        b.chronologies(None, None)
        for path in sorted((folder / "imr").glob("*.y*ml")):
            b.load(path, "imr")
        if (folder / "recommendations.yaml").exists():
            b.load(folder / "recommendations.yaml", "recommendations")
        return None, b.problems
    board = b.board(data)
    review = b.review(doc, data)
    agencies = b.agencies(doc, data)
    by_id = {a.id: a for a in agencies}
    officer = lambda key: Officer(data[key]["name"], data[key]["job_title"], data[key]["organisation"])  # noqa: E731
    named = [officer("chair"), officer("panel_chair"), officer("overview_author")]
    register = b.register(named)
    scope = (review.dates.scope_start, review.dates.scope_end) if review else None
    entries = b.chronologies(by_id, scope)
    imrs = b.imrs(by_id)
    refs = {rec.ref for imr in imrs for rec in imr.recommendations}
    recommendations = b.recommendations(by_id, refs)
    narrative = b.narrative()
    b.timescales()
    documents_dir = folder / "documents"
    documents = sorted(p for p in documents_dir.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES
                       and not p.name.startswith(("~$", "."))) if documents_dir.is_dir() else []
    recipients = {
        key: Contact(key, c["name"], list(c["address"]), c.get("job_title"), c.get("organisation"), c.get("salutation"), c.get("email"))
        for key, c in (data.get("recipients") or {}).items()
    }
    if b.problems or review is None:
        return None, b.problems
    case = Case(
        path=folder, board=board, review=review, chair=named[0], panel_chair=named[1], overview_author=named[2],
        panel_members=[PanelMember(p["job_title"], p["organisation"]) for p in data.get("panel_members") or []],
        agencies=agencies, recipients=recipients, register=register, chronology=entries, imrs=imrs,
        recommendations=recommendations, narrative=narrative, documents=documents,
    )
    return case, []


def validate_case(folder: str | Path) -> list[Problem]:
    """Every problem in the case folder; an empty list means it is valid."""
    return _build(folder)[1]


def load_case(folder: str | Path) -> Case:
    """The case, or CaseInvalid listing every problem found."""
    case, problems = _build(folder)
    if case is None:
        raise CaseInvalid(problems, source=folder)
    return case
