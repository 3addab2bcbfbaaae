"""scr: Serious Case Review documents for English safeguarding boards.

The library is usable from Python; `pipeline.cli` is a thin command-line wrapper around it.
"""
from __future__ import annotations

__version__ = "0.1.0"
