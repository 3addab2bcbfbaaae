"""Rendering Word (and PDF) documents from the case: the reports, and the template helpers the letters share.

Modules (import the one you need; this package imports nothing, so using one helper stays cheap):

- `reports`: ``render_reports(case, out_dir, only=(), pdf=False, templates_dir=None, draft=False, today=None)``,
  what `scr render` calls; the registry of reports (file names, titles) and ``REPORT_FIELDS``.
- `overview`, `action_plan`, `chronology`, `sections`: the content of each report.
- `docx_template`: strict docxtpl rendering with clear errors: ``render_template(template, context, out,
  finish=None)``, ``render_document``, ``template_variables``, ``template_expressions``.
- `docx_build`: python-docx building blocks (``BodyWriter``, ``add_toc``, ``add_field``, ``request_field_update``).
- `markdown_docx`: ``render_markdown(writer, text, base_level=2)``: narrative Markdown as Word structure.
- `pdf`: ``convert_to_pdf(docx_paths, out_dir, timeout=180) -> list[Path]`` with LibreOffice headless.
- `template_check`: ``check_templates(directory)`` and ``register_template_fields(file_name, fields)``.
"""
from __future__ import annotations
