"""The letters log: one CSV row per letter written, appended to `letters-log.csv` in the output folder.

The business manager's record of what went to whom and when. Rows are only ever appended, under an
exclusive lock where the system has one, and flushed to disk before the lock is released, so two renders
into the same folder never interleave or lose a row.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError

LOG_NAME = "letters-log.csv"
COLUMNS = ("rendered_at", "letter_date", "letter", "recipient", "recipient_name", "file")

try:  # POSIX
    import fcntl

    @contextlib.contextmanager
    def _locked(handle) -> Iterator[None]:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
except ImportError:  # pragma: no cover - Windows: appends of one short write are not interleaved in practice
    @contextlib.contextmanager
    def _locked(handle) -> Iterator[None]:
        yield


@dataclass(frozen=True)
class LogEntry:
    rendered_at: dt.datetime
    letter_date: dt.date
    letter: str
    recipient: str
    recipient_name: str
    file: str

    def row(self) -> list[str]:
        return [self.rendered_at.strftime("%d/%m/%Y %H:%M:%S"), self.letter_date.strftime("%d/%m/%Y"),
                self.letter, self.recipient, self.recipient_name, self.file]


def append_log(out_dir: str | Path, entries: list[LogEntry]) -> Path:
    """Append `entries` to the log in `out_dir` (writing the header first when the log is new)."""
    path = Path(out_dir) / LOG_NAME
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for entry in entries:
        writer.writerow(entry.row())
    try:
        with open(path, "a", encoding="utf-8", newline="") as handle, _locked(handle):
            if os.fstat(handle.fileno()).st_size == 0:  # checked under the lock: another render may have begun it
                handle.write(",".join(COLUMNS) + "\n")
            handle.write(buffer.getvalue())  # one write per render: rows of one render stay together
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as err:
        raise OutputError(path, err.strerror or str(err)) from err
    return path


def read_log(out_dir: str | Path) -> list[dict[str, str]]:
    path = Path(out_dir) / LOG_NAME
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
