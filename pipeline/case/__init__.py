"""The case folder: load it into typed objects (`load_case`) or list everything wrong with it (`validate_case`)."""
from __future__ import annotations

from .loader import load_case, validate_case
from .model import Case

__all__ = ["Case", "load_case", "validate_case"]
