"""An Excel workbook (.xlsx) opened for anonymising with openpyxl.

Every sheet is read, hidden ones included, and every cell of it, hidden rows and columns included: a
hidden row is still in the file Ofsted receives. Sheet names, cell comments, headers and footers and the
document properties are searched too. Formulas keep working: only the text inside their quotes is
searched, and a renamed sheet is renamed in the formulas that point at it.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections import Counter
from pathlib import Path

from ...errors import InputFileError
from .docx_clean import HOME_FOLDER
from .locations import TextLocation, text_location, url_fns

NEUTRAL_AUTHOR = "Author"
_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_BIRTH_HEADING = re.compile(r"(?i)\b(birth|born|d\.?o\.?b\.?)\b")
_HEADER_PARTS = ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
_CORE_TEXT = ("title", "subject", "keywords", "description", "category", "identifier", "version", "contentStatus")


class Workbook:
    def __init__(self, path: Path, *, dates: str = "keep", inspect: bool = False) -> None:
        """inspect=True reads without changing anything, even in memory (for the publication checker):
        authors and dates of birth are reported as locations instead of being replaced."""
        self.dates = dates
        self.inspect = inspect
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        self.path = Path(path)
        with open(self.path, "rb") as handle:
            if handle.read(8) == bytes.fromhex("D0CF11E0A1B11AE1"):
                raise InputFileError(self.path, "it is password-protected, or saved in the old Excel 97-2003 format",
                                     hint="Remove the password (or use Save As .xlsx) and try again")
        try:
            self.book = openpyxl.load_workbook(self.path, keep_links=True, rich_text=False)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError) as err:
            raise InputFileError(self.path, f"cannot be opened as an Excel workbook ({err})",
                                 hint="Open it in Excel and save a new .xlsx copy, then try again") from err
        self.removed: Counter[str] = Counter()
        self._renames: dict[str, str] = {}
        self.locations: list[TextLocation] = []
        self._collect()
        if not inspect:
            self.apply_date_mode(dates)

    def _collect(self) -> None:
        book = self.book
        for sheet in book.worksheets:
            title = sheet.title
            self.locations.append(text_location(
                title, f'sheet name "{title}"', "sheet name", lambda s=sheet: s.title,
                lambda value, s=sheet: self._rename(s, value), concealed=True, joined=True,
            ))
            hidden = " (hidden sheet)" if sheet.sheet_state != "visible" else ""
            for row in sheet.iter_rows():
                for cell in row:
                    self._cell(sheet, cell, hidden)
            for attr in _HEADER_PARTS:
                part = getattr(sheet, attr, None)
                for side in ("left", "center", "right"):
                    item = getattr(part, side, None) if part is not None else None
                    if item is not None and item.text:
                        self.locations.append(text_location(
                            title, f'sheet "{title}" {_words(attr)} ({side})', "header", lambda i=item: i.text or "",
                            lambda value, i=item: setattr(i, "text", value), concealed=True,
                        ))
        self._properties()
        self._external_links()
        self._note_dropped_parts()

    def _external_links(self) -> None:
        """Formulas can point at other workbooks by path; the path often names the person's login folder."""
        for number, link in enumerate(getattr(self.book, "_external_links", None) or (), start=1):
            target = getattr(link, "file_link", None)
            if target is None or not getattr(target, "Target", None):
                continue
            scrubbed = HOME_FOLDER.sub(r"\1user", target.Target)
            if scrubbed != target.Target:
                target.Target = scrubbed
                self.removed["home folder paths"] += 1
            get, set_ = url_fns(lambda t=target: t.Target or "", lambda value, t=target: setattr(t, "Target", value))
            self.locations.append(text_location("xl/externalLinks", f"link to another workbook {number}", "link",
                                                get, set_, concealed=True))

    def _note_dropped_parts(self) -> None:
        # openpyxl cannot write pictures, charts, drawings or threaded comments back: they are left out of the
        # copy (which is safe), and the redaction log says so, so that nothing disappears unannounced.
        with zipfile.ZipFile(self.path) as package:
            names = package.namelist()
        for what, folder in (("pictures or charts not copied", "xl/drawings/"),
                             ("threaded comments not copied", "xl/threadedComments/")):
            count = sum(1 for n in names if n.startswith(folder) and n.endswith(".xml"))
            if count:
                self.removed[what] += count

    def _cell(self, sheet, cell, hidden: str) -> None:
        where = f'sheet "{sheet.title}"{hidden}, cell {cell.coordinate}'
        if sheet.row_dimensions[cell.row].hidden:
            where += " (hidden row)"
        if cell.comment is not None:
            comment = cell.comment
            if comment.author:
                self._author(comment, "author", f"comment author on {where}", sheet.title)
            self.locations.append(text_location(
                sheet.title, f"comment on {where}", "comment", lambda c=comment: c.text or "",
                lambda value, c=comment: setattr(c, "text", value), concealed=True,
            ))
        link = cell.hyperlink
        if link is not None:
            for attr, what in (("target", "link target"), ("tooltip", "link tooltip"), ("display", "link text")):
                if isinstance(getattr(link, attr, None), str) and getattr(link, attr).strip():
                    get, set_ = url_fns(lambda l=link, a=attr: getattr(l, a) or "",
                                        lambda value, l=link, a=attr: setattr(l, a, value))
                    self.locations.append(text_location(sheet.title, f"{what} in {where}", "link", get, set_,
                                                        concealed=True))
        value = cell.value
        if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) >= 9:
            # A long number may be an NHS number or a phone number typed into a number cell.
            self.locations.append(text_location(
                sheet.title, where, "cell", lambda c=cell: str(c.value), lambda new, c=cell: _set_number(c, new),
            ))
            return
        if isinstance(value, (dt.date, dt.datetime)) and self._is_birth_column(sheet, cell):
            if self.inspect:
                self.locations.append(text_location(sheet.title, where, "date of birth",
                                                    lambda v=value: v.strftime("%d/%m/%Y"), lambda new: None))
                return
            cell.value = "[date of birth]"
            self.removed["dates of birth"] += 1
            return
        if not isinstance(value, str) or not value.strip():
            return
        if cell.data_type == "f":
            # Only the quoted text of a formula is free text; references and functions must stay intact.
            for number, match in enumerate(_QUOTED.finditer(value), start=1):
                self.locations.append(self._formula_literal(cell, where, number))
            return
        self.locations.append(text_location(
            sheet.title, where, "cell", lambda c=cell: c.value if isinstance(c.value, str) else "",
            lambda new, c=cell: _set_text(c, new),
        ))

    def _author(self, owner, attr: str, label: str, part: str) -> None:
        """Who wrote a comment or saved the file: replaced by a neutral value (a login name is not
        something a name finder recognises), or reported when inspecting."""
        if self.inspect:
            self.locations.append(text_location(part, label, "author",
                                                lambda: getattr(owner, attr) or "", lambda v: setattr(owner, attr, v),
                                                concealed=True))
        elif getattr(owner, attr) != NEUTRAL_AUTHOR:
            setattr(owner, attr, NEUTRAL_AUTHOR)
            self.removed["author names"] += 1

    @staticmethod
    def _is_birth_column(sheet, cell) -> bool:
        # Dates of birth are always replaced, whatever the dates setting; in a sheet the heading says which.
        for row in range(1, min(cell.row, 4)):
            heading = sheet.cell(row=row, column=cell.column).value
            if isinstance(heading, str) and _BIRTH_HEADING.search(heading):
                return True
        return False

    def _formula_literal(self, cell, where: str, number: int) -> TextLocation:
        def literals() -> list[re.Match[str]]:
            return list(_QUOTED.finditer(cell.value))

        def get() -> str:
            return literals()[number - 1].group(1).replace('""', '"')

        def set_(value: str) -> None:
            match = literals()[number - 1]
            escaped = value.replace('"', '""')
            cell.value = cell.value[: match.start(1)] + escaped + cell.value[match.end(1):]

        return text_location(cell.parent.title, f"{where} (text in formula)", "formula", get, set_, concealed=True)

    def _properties(self) -> None:
        props = self.book.properties
        for person in ("creator", "lastModifiedBy"):
            if getattr(props, person, None):
                self._author(props, person, f"document property: {_words(person)}", "docProps/core.xml")
        for name in _CORE_TEXT:
            if isinstance(getattr(props, name, None), str) and getattr(props, name).strip():
                self.locations.append(text_location(
                    "docProps/core.xml", f"document property: {_words(name)}", "property",
                    lambda n=name: getattr(props, n) or "", lambda value, n=name: setattr(props, n, value),
                    concealed=True,
                ))
        for prop in getattr(self.book, "custom_doc_props", None) or ():
            if isinstance(prop.value, str) and prop.value.strip():
                self.locations.append(text_location(
                    "docProps/custom.xml", f"custom property: {prop.name}", "property",
                    lambda p=prop: p.value or "", lambda value, p=prop: setattr(p, "value", value), concealed=True,
                ))

    def _rename(self, sheet, value: str) -> None:
        """Rename a sheet to an anonymised title Excel accepts, and repoint formulas at it."""
        old = sheet.title
        new = _SHEET_FORBIDDEN.sub(" ", value).strip().strip("'")[:31] or "Sheet"
        taken = {s.title.lower() for s in self.book.worksheets if s is not sheet}
        candidate, counter = new, 2
        while candidate.lower() in taken:
            suffix = f" ({counter})"
            candidate, counter = new[: 31 - len(suffix)] + suffix, counter + 1
        if candidate == old:
            return
        sheet.title = candidate
        self._renames[old] = candidate

    def _repoint_formulas(self) -> None:
        if not self._renames:
            return
        patterns = [
            (re.compile(r"(?<![\w.])'" + re.escape(old.replace("'", "''")) + r"'!|(?<![\w.'])" + re.escape(old) + r"!"),
             "'" + new.replace("'", "''") + "'!")
            for old, new in self._renames.items()
        ]
        for sheet in self.book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f" and isinstance(cell.value, str):
                        for pattern, replacement in patterns:
                            cell.value = pattern.sub(lambda _m, r=replacement: r, cell.value)
        for name in list(self.book.defined_names.values()):
            if isinstance(getattr(name, "attr_text", None), str):
                for pattern, replacement in patterns:
                    name.attr_text = pattern.sub(lambda _m, r=replacement: r, name.attr_text)

    def apply_date_mode(self, mode: str) -> None:
        """Ordinary dates in date-typed cells follow the batch's dates setting (text dates are the engine's)."""
        if mode == "keep":
            return
        for sheet in self.book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, (dt.date, dt.datetime)):
                        cell.value = cell.value.strftime("%B %Y") if mode == "month" else "[date]"
                        self.removed["dates"] += 1

    def save(self, target: Path) -> None:
        from .ooxml import PackageError, check_well_formed

        self._repoint_formulas()
        self.book.save(target)
        try:
            check_well_formed(target)
        except PackageError as err:
            raise InputFileError(self.path, f"the anonymised copy would be damaged: {err}") from err


def _set_text(cell, new: str) -> None:
    cell.value = new
    # openpyxl reads any text starting with "=" as a formula; text that was text stays text.
    cell.data_type = "s"


def _set_number(cell, new: str) -> None:
    if new != str(cell.value):
        cell.value = new


def _words(name: str) -> str:
    """'lastModifiedBy' -> 'last modified by'."""
    return re.sub(r"(?<!^)([A-Z])", r" \1", name).lower()
