"""The check report: every file with its findings, a summary, and three ways to read it (text for the
terminal, JSON for machines, Markdown for the business manager's pack). Matched personal text is masked in
all three unless `show=True`, so a report can be emailed without spreading what it found."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath

from .findings import CATEGORIES, Finding, mask
from .recognise import LABELS


@dataclass
class FileResult:
    path: str
    format: str
    kind: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be checked at all: it must not be published

    @property
    def blocking(self) -> int:
        return sum(1 for f in self.findings if f.blocks)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if not f.blocks)

    @property
    def passed(self) -> bool:
        return self.error is None and self.blocking == 0

    @property
    def status(self) -> str:
        if self.error is not None:
            return "not checked"
        return "blocked" if self.blocking else "passed"

    def display_path(self, *, show: bool = False) -> str:
        """The path, with the file name masked when the name itself is a finding (SCR301)."""
        if show or not any(f.category == "filename" for f in self.findings):
            return self.path
        pure = PurePath(self.path)
        return str(pure.with_name(mask(pure.stem) + pure.suffix))

    def to_dict(self, *, show: bool = False) -> dict:
        data: dict = {
            "path": self.display_path(show=show),
            "format": self.format,
            "document": LABELS.get(self.kind) if self.kind else None,
            "status": self.status,
            "findings": [f.to_dict(show=show) for f in self.findings],
        }
        if self.error is not None:
            data["error"] = self.error
        return data


@dataclass
class CheckReport:
    files: list[FileResult]
    rules: list[str] = field(default_factory=list)
    register_source: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def blocking(self) -> int:
        return sum(f.blocking for f in self.files)

    @property
    def warnings(self) -> int:
        return sum(f.warnings for f in self.files)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.error is not None]

    @property
    def passed(self) -> bool:
        """True when every file was checked and nothing blocks publication."""
        return all(f.passed for f in self.files)

    @property
    def exit_code(self) -> int:
        return 0 if self.passed else 1

    def summary(self) -> dict:
        findings = [f for result in self.files for f in result.findings]
        by_category = Counter(f.category for f in findings)
        return {
            "passed": self.passed,
            "files": len(self.files),
            "files_passed": sum(1 for f in self.files if f.passed),
            "files_blocked": sum(1 for f in self.files if f.error is None and f.blocking),
            "files_not_checked": len(self.failed),
            "findings": len(findings),
            "block": self.blocking,
            "warn": self.warnings,
            "by_category": {c: by_category[c] for c in CATEGORIES if by_category[c]},
            "by_code": dict(sorted(Counter(f.code for f in findings).items())),
            "register": self.register_source,
            "rules": list(self.rules),
            "notes": list(self.notes),
        }

    # --- renderings ---------------------------------------------------------------------------------
    def to_dict(self, *, show: bool = False) -> dict:
        return {"files": [f.to_dict(show=show) for f in self.files], "summary": self.summary()}

    def to_json(self, *, show: bool = False) -> str:
        return json.dumps(self.to_dict(show=show), indent=2, ensure_ascii=False) + "\n"

    def verdict(self) -> str:
        s = self.summary()
        if self.passed:
            extra = f", {s['warn']} warning(s) to look at" if s["warn"] else ""
            return f"PASSED: nothing blocks publication of {s['files']} file(s){extra}."
        parts = [f"{s['block']} blocking finding(s) in {s['files_blocked']} file(s)"]
        if s["files_not_checked"]:
            parts.append(f"{s['files_not_checked']} file(s) could not be checked")
        return f"BLOCKED: {'; '.join(parts)}. These documents must not be published yet."

    def to_text(self, *, show: bool = False) -> str:
        lines: list[str] = []
        for result in self.files:
            label = f" ({LABELS[result.kind]})" if result.kind else ""
            counts = f"{result.blocking} blocking, {result.warnings} warning(s)"
            lines.append(f"{result.status.upper():<12} {result.display_path(show=show)}{label}: "
                         + (result.error if result.error else counts))
            for finding in result.findings:
                lines.append(f"  {finding.code} {finding.severity:<5} {finding.category:<16} "
                             f"{finding.where(show=show)}: {finding.text(show=show)}")
        lines.extend(f"Note: {note}" for note in self.notes)
        lines.append(self.verdict())
        return "\n".join(lines) + "\n"

    def to_markdown(self, *, show: bool = False, title: str = "Publication check") -> str:
        """For a business manager: one line per file, then each finding with where to find it."""
        lines = [f"# {title}", "", f"**{self.verdict()}**", ""]
        lines += [f"> {note}" for note in self.notes]
        if self.notes:
            lines.append("")
        lines += ["| File | Document | Result | Blocking | Warnings |", "| --- | --- | --- | --- | --- |"]
        for result in self.files:
            lines.append(f"| {_md(result.display_path(show=show))} | {LABELS.get(result.kind, '') if result.kind else ''} "
                         f"| {result.status} | {result.blocking} | {result.warnings} |")
        for result in self.files:
            if not result.findings and result.error is None:
                continue
            lines += ["", f"## {_md(result.display_path(show=show))}", ""]
            if result.error:
                lines.append(f"- **Not checked:** {_md(result.error)}")
            for f in result.findings:
                lines.append(f"- **{f.severity}** `{f.code}` ({f.category}) — {_md(f.where(show=show))}: {_md(f.text(show=show))}")
        return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
