"""Writing outputs safely: a reader never sees half a file, and a failure never leaves a broken one."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.

    Anything written to the temporary path is discarded if the block raises.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_bytes_atomic(target: str | Path, data: bytes) -> None:
    try:
        with atomic_path(target) as tmp:
            tmp.write_bytes(data)
    except OSError as err:
        raise OutputError(target, err.strerror or str(err)) from err


def write_text_atomic(target: str | Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def ensure_separate(output_dir: str | Path, inputs: list[str | Path]) -> None:
    """Refuse an output folder that is, or is inside, an input folder (or contains an input file's folder)."""
    from .errors import UsageError

    out = Path(output_dir).resolve()
    for item in inputs:
        src = Path(item).resolve()
        folder = src if src.is_dir() else src.parent
        if out == folder or folder in out.parents:
            raise UsageError(
                f"The output folder {output_dir} is inside the input {item}. Choose an output folder outside "
                f"the inputs so that nothing you were given is overwritten."
            )
