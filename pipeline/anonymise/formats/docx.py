"""A Word file (.docx) opened for anonymising: cleaned first, then every text location exposed."""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from ...errors import InputFileError
from .docx_clean import clean_package
from .docx_walk import iter_docx_text, main_document
from .locations import TextLocation
from .ooxml import Package, PackageError

logger = logging.getLogger(__name__)

# Text that must be gone after cleaning; finding any is a bug, and we stop rather than publish it.
_MUST_BE_GONE = ("deleted text", "hidden text", "deleted field code")


class WordDocument:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.pkg = Package.read(self.path)
            if main_document(self.pkg) is None or not self.pkg.has(main_document(self.pkg) or ""):
                raise PackageError("it has no main document part, so it is not a Word file; open it in Word "
                                   "and save it again as .docx")
            self.removed: Counter[str] = clean_package(self.pkg)
            # Author attributes were already set to a neutral value by the cleaner; nothing left to search.
            self.locations: list[TextLocation] = [
                loc for loc in iter_docx_text(self.pkg) if loc.kind != "author"
            ]
        except PackageError as err:
            raise InputFileError(self.path, str(err)) from err
        leftovers = [loc.label for loc in self.locations if loc.kind in _MUST_BE_GONE]
        if leftovers:
            raise InputFileError(self.path, f"concealed text could not be removed ({', '.join(leftovers[:3])})",
                                 hint="Accept all changes and delete hidden text in Word, then try again")

    def save(self, target: Path) -> None:
        self.pkg.to_bytes_into(target)
        try:
            self.pkg.check_well_formed(target)
        except PackageError as err:
            raise InputFileError(self.path, f"the anonymised copy would be damaged: {err}") from err
