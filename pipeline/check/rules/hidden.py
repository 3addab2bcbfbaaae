"""Hidden content a reader of the printed page never sees but anyone opening the file can: comments,
tracked changes and hidden text (Word's Document Inspector list), hidden sheets, rows and columns (Excel).
The anonymiser removes all of these; finding one means a file skipped that step."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...anonymise.formats.docx_walk import run_is_hidden
from ...anonymise.formats.ooxml import NS, qn
from ..findings import BLOCK, Finding
from .base import Rule, register
from .wordxml import locate, story_parts, walker

# Every kind of revision Word records: text inserted, deleted or moved, and formatting or table changes.
REVISION_TAGS = tuple(
    qn(f"w:{tag}")
    for tag in (
        "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange",
        "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel",
        "cellMerge",
    )
)
_XL_COMMENTS = re.compile(r"^xl/(comments\d*|comments/comment\d*|threadedComments/threadedComment\d*)\.xml$")
NS_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_TC = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
NS_REL_R = NS["r"]
MAX_PER_RULE = 25  # beyond this a list stops helping; the last finding says how many more there are


def capped(findings: list[Finding], rule: Rule, what: str) -> Iterator[Finding]:
    yield from findings[:MAX_PER_RULE]
    if len(findings) > MAX_PER_RULE:
        yield rule.finding("whole document", f"... and {len(findings) - MAX_PER_RULE} more {what} not listed")


def _dedupe(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    return [p for p in pairs if not (p in seen or seen.add(p))]


@register
class CommentsRule(Rule):
    code = "SCR201"
    category = "comments"
    severity = BLOCK
    description = "Comments (Word, Excel) and annotations (PDF): they often name people and must be deleted"

    def check(self, doc, ctx):
        if doc.format == "pdf":
            yield from self._pdf(doc)
            return
        package = doc.package
        found: list[Finding] = []
        if doc.format == "docx" and package.has("word/comments.xml"):
            anchors = {}
            for part in story_parts(package):
                if part == "word/comments.xml":
                    continue
                for ref in package.xml(part).iter(qn("w:commentReference"), qn("w:commentRangeStart")):
                    anchors.setdefault(ref.get(qn("w:id")), locate(doc, part, ref))
            comments = package.xml("word/comments.xml").findall(qn("w:comment"))
            for number, comment in enumerate(comments, start=1):
                anchor = anchors.get(comment.get(qn("w:id")))
                where = f"comment {number}" + (f" (on {anchor})" if anchor else "")
                found.append(self.finding(where, "A comment is still in the document. Delete all comments "
                                                 "(Review > Delete > Delete All Comments in Document)."))
        for part in package.names():
            if _XL_COMMENTS.match(part):
                for ref in package.xml(part).iter(f"{{{NS_X}}}comment", f"{{{NS_TC}}}threadedComment"):
                    found.append(self.finding(f"comment on cell {ref.get('ref', '?')} ({_sheet_of(package, part)})",
                                              "A cell comment is still in the workbook. Delete it (Review > Delete)."))
        yield from capped(found, self, "comments")

    def _pdf(self, doc) -> Iterator[Finding]:
        for number, page in enumerate(doc.pdf.pages, start=1):
            for annot in page.get("/Annots") or []:
                annot = annot.get_object()
                subtype = str(annot.get("/Subtype", ""))
                if subtype in ("/Link", "/Widget", "/Popup"):
                    continue
                yield self.finding(f"page {number}", f"An annotation ({subtype.lstrip('/')}) is in the PDF; "
                                                     "remove it and export the PDF again from the checked document.")


def _sheet_names(package) -> dict[str, str]:
    """Package path of each worksheet -> the sheet's name as its tab shows it."""
    from ...anonymise.formats.ooxml import resolve_target

    if not package.has("xl/workbook.xml"):
        return {}
    targets = {r.get("Id"): resolve_target("xl/workbook.xml", r.get("Target", ""))
               for r in package.relationships("xl/workbook.xml")}
    names = {}
    for sheet in package.xml("xl/workbook.xml").iter(f"{{{NS_X}}}sheet"):
        target = targets.get(sheet.get(f"{{{NS_REL_R}}}id"))
        if target:
            names[target] = sheet.get("name", "?")
    return names


def _sheet_of(package, comments_part: str) -> str:
    from ...anonymise.formats.ooxml import resolve_target, rels_path

    names = _sheet_names(package)
    for sheet_part, name in names.items():
        if not package.has(rels_path(sheet_part)):
            continue
        for rel in package.relationships(sheet_part):
            if resolve_target(sheet_part, rel.get("Target", "")) == comments_part:
                return f"sheet {_sheet_number(names, sheet_part)}"
    return "workbook"


def _sheet_number(names: dict[str, str], sheet_part: str) -> int:
    # Sheet names can themselves be personal ("Poppy H contacts"), so locations use the tab's position.
    return list(names).index(sheet_part) + 1


@register
class TrackedChangesRule(Rule):
    code = "SCR202"
    category = "tracked_changes"
    severity = BLOCK
    description = "Tracked changes (insertions, deletions, moves, formatting changes): deleted text is still in the file"
    formats = ("docx", "xlsx")

    def check(self, doc, ctx):
        package = doc.package
        pairs: list[tuple[str, str]] = []
        if doc.format == "docx":
            for part in story_parts(package):
                for element in package.xml(part).iter(*REVISION_TAGS):
                    kind = "deleted text" if element.tag in (qn("w:del"), qn("w:moveFrom")) else "a tracked change"
                    pairs.append((locate(doc, part, element), kind))
        else:
            for part in package.names():
                if part.startswith("xl/revisions/") and part.endswith(".xml"):
                    pairs.append(("shared workbook change history", "tracked changes"))
        # One finding per place: a paragraph with an insertion and a deletion is one thing to fix.
        kinds: dict[str, set[str]] = {}
        for where, kind in pairs:
            kinds.setdefault(where, set()).add(kind)
        found = [
            self.finding(where, f"The document still holds {'deleted text' if 'deleted text' in held else 'a tracked change'}. "
                                "Accept or reject every change (Review > Accept > Accept All Changes) and switch off "
                                "Track Changes.")
            for where, held in kinds.items()
        ]
        yield from capped(found, self, "places with tracked changes")


@register
class HiddenTextRule(Rule):
    code = "SCR203"
    category = "hidden_text"
    severity = BLOCK
    description = "Text formatted as hidden (Word's 'Hidden' font effect), directly or through a style"
    formats = ("docx",)

    def check(self, doc, ctx):
        package = doc.package
        hidden_styles = walker(doc).hidden_styles
        pairs = []
        for part in story_parts(package):
            for run in package.xml(part).iter(qn("w:r")):
                text = "".join(t.text or "" for t in run.iter(qn("w:t"), qn("w:delText")))
                if text.strip() and run_is_hidden(run, hidden_styles):
                    pairs.append((locate(doc, part, run), "hidden"))
        found = [
            self.finding(where, "Hidden text is in the document: it does not print but anyone can show it. "
                                "Delete it (Home > Show/Hide to see it).")
            for where, _ in _dedupe(pairs)
        ]
        yield from capped(found, self, "places with hidden text")


@register
class HiddenSheetsRule(Rule):
    code = "SCR204"
    category = "hidden_text"
    severity = BLOCK
    description = "Hidden sheets, rows and columns in a workbook: their cells are published with the file"
    formats = ("xlsx",)

    def check(self, doc, ctx):
        package = doc.package
        names = _sheet_names(package)
        found = []
        if package.has("xl/workbook.xml"):
            for number, sheet in enumerate(package.xml("xl/workbook.xml").iter(f"{{{NS_X}}}sheet"), start=1):
                if sheet.get("state") in ("hidden", "veryHidden"):
                    found.append(self.finding(f"sheet {number}", "A hidden sheet is in the workbook. Unhide it "
                                                                 "and check it, or delete it."))
        for sheet_part in names:
            if not package.has(sheet_part):
                continue
            number = _sheet_number(names, sheet_part)
            root = package.xml(sheet_part)
            rows = [r.get("r", "?") for r in root.iter(f"{{{NS_X}}}row") if r.get("hidden") in ("1", "true")]
            cols = [f"{c.get('min')}-{c.get('max')}" for c in root.iter(f"{{{NS_X}}}col")
                    if c.get("hidden") in ("1", "true")]
            if rows:
                found.append(self.finding(f"sheet {number}, rows {', '.join(rows[:10])}"
                                          + (" ..." if len(rows) > 10 else ""),
                                          "Hidden rows are in the sheet. Unhide them and check them, or delete them."))
            if cols:
                found.append(self.finding(f"sheet {number}, columns {', '.join(cols)}",
                                          "Hidden columns are in the sheet. Unhide them and check them, or delete them."))
        yield from found
