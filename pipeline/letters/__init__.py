"""Standard letters: the catalogue (data), who receives each letter, rendering to Word/PDF, and the log."""
from __future__ import annotations

from .catalogue import Letter, get_letter, load_catalogue
from .log import read_log
from .recipients import Recipient
from .render import RenderedLetter, file_name, readiness, render_letter

__all__ = ["Letter", "Recipient", "RenderedLetter", "file_name", "get_letter", "load_catalogue", "read_log",
           "readiness", "render_letter"]
