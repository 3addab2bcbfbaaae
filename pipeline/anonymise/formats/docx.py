"""A Word file (.docx) opened for anonymising: cleaned first, then every text location exposed."""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from ...errors import InputFileError
from .docx_clean import clean_package
from .docx_embedded import embedded_packages, nested_locations, remove_ole_objects, save_nested
from .docx_walk import iter_docx_text, main_document
from .images import strip_metadata
from .locations import TextLocation
from .ooxml import Package, PackageError, qn

logger = logging.getLogger(__name__)

# Text that must be gone after cleaning; finding any is a bug, and we stop rather than publish it.
_MUST_BE_GONE = ("deleted text", "hidden text", "deleted field code")
_PICTURES = (".jpg", ".jpeg", ".png")


class WordDocument:
    def __init__(self, path: Path, *, dates: str = "keep") -> None:
        self.path = Path(path)
        try:
            self.pkg = Package.read(self.path)
            main = main_document(self.pkg)
            if main is None or not self.pkg.has(main):
                raise PackageError("it has no main document part, so it is not a Word file; open it in Word "
                                   "and save it again as .docx")
            self.removed: Counter[str] = clean_package(self.pkg)
            remove_ole_objects(self.pkg, self.removed)
            self._strip_pictures()
            self.nested = embedded_packages(self.pkg, self.path, dates)
            # Author attributes were already set to a neutral value by the cleaner; nothing left to search.
            self.locations: list[TextLocation] = [
                loc for loc in iter_docx_text(self.pkg) if loc.kind != "author"
            ]
        except PackageError as err:
            raise InputFileError(self.path, str(err)) from err
        for part, document in self.nested:
            self.locations.extend(nested_locations(part, document))
            self.removed.update({f"{what} (embedded)": n for what, n in document.removed.items()})
        leftovers = [loc.label for loc in self.locations if loc.kind in _MUST_BE_GONE]
        if leftovers:
            raise InputFileError(self.path, f"concealed text could not be removed ({', '.join(leftovers[:3])})",
                                 hint="Accept all changes and delete hidden text in Word, then try again")

    def _strip_pictures(self) -> None:
        for part in self.pkg.names():
            if part.lower().endswith(_PICTURES):
                data, removed = strip_metadata(self.pkg.raw[part])
                if removed:
                    self.pkg.raw[part] = data
                    self.removed["picture metadata"] += removed

    def save(self, target: Path) -> None:
        _unique_property_names(self.pkg)
        for part, document in self.nested:
            save_nested(self.pkg, part, document)
        self.pkg.to_bytes_into(target)
        try:
            self.pkg.check_well_formed(target)
        except PackageError as err:
            raise InputFileError(self.path, f"the anonymised copy would be damaged: {err}") from err


def _unique_property_names(pkg: Package) -> None:
    """Two custom properties can anonymise to the same name ("Poppy notes", "Pops notes"); Word needs
    them distinct."""
    if "docProps/custom.xml" not in pkg._xml:
        return
    seen: set[str] = set()
    for prop in pkg.xml("docProps/custom.xml").iter(qn("cust:property")):
        name, counter = prop.get("name", ""), 2
        while name.lower() in seen:
            name, counter = f"{prop.get('name')} ({counter})", counter + 1
        if name != prop.get("name"):
            prop.set("name", name)
        seen.add(name.lower())
