"""Rendering Word (and PDF) documents from the case: the reports, and the template helpers the letters share.

- `docx_template`: strict docxtpl rendering with clear errors (`render_template`, `template_variables`).
- `pdf`: LibreOffice headless conversion (`convert_to_pdf`).
"""
from __future__ import annotations
