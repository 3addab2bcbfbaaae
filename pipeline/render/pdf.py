"""Word to PDF with LibreOffice, headless, with the table of contents brought up to date first.

Public API (the reports use it for `scr render --pdf`; the letters reuse it for combined PDFs):

- ``convert_to_pdf(docx_paths, out_dir, *, timeout=DEFAULT_TIMEOUT) -> list[Path]``
  Converts each Word file to ``out_dir/<stem>.pdf`` (same order as given). Each PDF is written atomically, so a
  failed conversion never leaves a half-written PDF or damages an earlier one. The inputs are only read.
  Raises ``ExternalProgramMissing`` (naming LibreOffice and how to install it) when ``soffice`` cannot be
  found, and ``ProcessingFailed`` listing every file that could not be converted (the others are still written).
- ``find_soffice() -> str`` the LibreOffice program used (``$SCR_SOFFICE`` overrides the search).
- ``soffice_available() -> bool`` for tests and callers that want to skip PDFs politely.

Why a macro: a plain ``soffice --convert-to pdf`` prints the table of contents exactly as it was stored in the
.docx; it never recomputes it, so page numbers (and any heading added after the cached copy) would be wrong.
Instead each run gets its own throw-away LibreOffice profile (``-env:UserInstallation``, so parallel runs and
a user's open LibreOffice never clash) holding a small Basic macro that opens the document hidden, updates
every index and field, and exports the PDF. If the macro cannot run, we fall back to the plain conversion and
log a warning (our documents carry a pre-filled contents list, so the headings still appear).
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from ..errors import ExternalProgramMissing, ProcessingFailed
from ..fileio import atomic_path

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 180.0
INSTALL_HINT = (
    "Install LibreOffice Writer (Debian/Ubuntu: 'sudo apt-get install libreoffice-writer'; Windows or macOS: "
    "https://www.libreoffice.org), or set SCR_SOFFICE to the full path of the soffice program."
)
_CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice",
               "/Applications/LibreOffice.app/Contents/MacOS/soffice",
               r"C:\Program Files\LibreOffice\program\soffice.exe")

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub ConvertToPdf(inUrl As String, outUrl As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  doc.getTextFields().refresh()
  indexes = doc.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next i
  doc.getTextFields().refresh()
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;writer_pdf_Export&quot;
  doc.storeToURL(outUrl, out())
  doc.close(True)
End Sub
</script:module>
"""


def find_soffice() -> str:
    override = os.environ.get("SCR_SOFFICE")
    if override:
        if Path(override).is_file() or shutil.which(override):
            return shutil.which(override) or override
        raise ExternalProgramMissing("LibreOffice (SCR_SOFFICE=" + override + ")", "Making PDFs", INSTALL_HINT)
    for candidate in _CANDIDATES:
        found = shutil.which(candidate) or (candidate if os.path.isabs(candidate) and Path(candidate).is_file() else None)
        if found:
            return found
    raise ExternalProgramMissing("LibreOffice (soffice)", "Making PDFs", INSTALL_HINT)


def soffice_available() -> bool:
    try:
        find_soffice()
    except ExternalProgramMissing:
        return False
    return True


def _url(path: Path) -> str:
    # Percent-encode everything but '/', so commas and quotes cannot break the macro's argument list.
    return "file://" + urllib.parse.quote(str(path.resolve()), safe="/")


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    # Own process group: on timeout we end LibreOffice and anything it started, and nothing else.
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


class _Office:
    """One private LibreOffice profile, with the conversion macro installed."""

    def __init__(self, program: str, home: Path, timeout: float) -> None:
        self.program = program
        self.home = home
        self.timeout = timeout
        self.macro_ready = self._install_macro()

    def _base(self) -> list[str]:
        return [self.program, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                f"-env:UserInstallation={_url(self.home)}"]

    def _install_macro(self) -> bool:
        # LibreOffice writes its default profile on first start, replacing anything already there; so start it
        # once, then put the macro into the Standard library it created.
        try:
            _run(self._base() + ["--terminate_after_init"], self.timeout)
        except (subprocess.TimeoutExpired, OSError) as err:
            log.warning("LibreOffice did not start cleanly (%s); using plain conversion", err)
            return False
        module = self.home / "user" / "basic" / "Standard" / "Module1.xba"
        if not module.parent.is_dir():
            log.warning("LibreOffice profile has no Basic library; the PDF contents page may not be refreshed")
            return False
        module.write_text(_MACRO, encoding="utf-8")
        return True

    def convert(self, source: Path, target: Path) -> str | None:
        """Write `target` (a PDF); return None on success, or the reason it failed."""
        try:
            if self.macro_ready:
                call = f'macro:///Standard.Module1.ConvertToPdf("{_url(source)}","{_url(target)}")'
                result = _run(self._base() + [call], self.timeout)
                if target.is_file() and target.stat().st_size > 0:
                    return None
                log.warning("LibreOffice macro conversion of %s failed (%s); trying plain conversion",
                            source.name, (result.stderr or "").strip()[-300:])
            return self._plain(source, target)
        except subprocess.TimeoutExpired:
            return f"LibreOffice did not finish within {self.timeout:.0f} seconds"
        except OSError as err:
            return f"LibreOffice could not be run ({err})"

    def _plain(self, source: Path, target: Path) -> str | None:
        outdir = target.parent / "plain"
        outdir.mkdir(exist_ok=True)
        result = _run(self._base() + ["--convert-to", "pdf", "--outdir", str(outdir), str(source)], self.timeout)
        produced = outdir / (source.stem + ".pdf")
        if produced.is_file() and produced.stat().st_size > 0:
            shutil.move(str(produced), target)
            return None
        detail = (result.stderr or result.stdout or "").strip().splitlines()
        return "LibreOffice could not convert it" + (f" ({detail[-1]})" if detail else "")


def convert_to_pdf(docx_paths: Iterable[str | Path], out_dir: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """Convert each Word file to a PDF in `out_dir`; returns the PDF paths in the order given."""
    sources = [Path(p) for p in docx_paths]
    out_dir = Path(out_dir)
    if not sources:
        return []
    missing = [(str(p), "the file does not exist") for p in sources if not p.is_file()]
    if missing:
        raise ProcessingFailed(missing, action="converted to PDF")
    program = find_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    failures: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="scr-soffice-") as scratch:
        office = _Office(program, Path(scratch) / "profile", timeout)
        for index, source in enumerate(sources):
            work = Path(scratch) / f"job{index}"
            work.mkdir()
            # Convert a private copy with a plain name: LibreOffice writes lock files beside the document it
            # opens, and it decodes the macro call, so quotes or commas in a file name would break it.
            copy = work / "document.docx"
            shutil.copyfile(source, copy)
            produced = work / "document.pdf"
            problem = office.convert(copy, produced)
            if problem:
                failures.append((str(source), problem))
                continue
            target = out_dir / (source.stem + ".pdf")
            with atomic_path(target) as tmp:
                shutil.copyfile(produced, tmp)
            written.append(target)
            log.info("wrote %s", target)
    if failures:
        raise ProcessingFailed(failures, action="converted to PDF")
    return written
