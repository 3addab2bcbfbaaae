"""Every error the pipeline raises on purpose.

One hierarchy, so that the command line turns errors into exit codes in exactly one place
(`pipeline.cli`). Each class builds its own message from keyword arguments, and every message says
what was wrong, where (file, line, field) and how to put it right, in words a business manager can act on.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ScrError(Exception):
    """Base class. `exit_code` is 1: a problem with the input, or a check that found blocking issues."""

    exit_code = 1


class UsageError(ScrError):
    """The command was asked for something that cannot work (for example the output folder is the input)."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    message: str
    line: int | None = None
    column: int | str | None = None
    field: str | None = None
    hint: str | None = None
    line_label: str = "line"  # "row" for spreadsheets

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", {self.line_label} {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        return where

    def __str__(self) -> str:
        text = f"{self.location()}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class CaseInvalid(ScrError):
    """The case folder (or a register file) has one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem], *, source: str | Path = "the case folder") -> None:
        self.problems = list(problems)
        self.source = str(source)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.source} has {count} {noun}:"] + [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class InputFileError(ScrError):
    """A single input file cannot be read at all (missing, wrong format, wrong encoding)."""

    def __init__(self, path: str | Path, reason: str, *, hint: str | None = None, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        self.line = line
        where = self.path + (f", line {line}" if line is not None else "")
        message = f"{where}: {reason}"
        if hint:
            message += f". {hint}"
        super().__init__(message)


class TemplateProblem(ScrError):
    """A Word template cannot be loaded or rendered (syntax error, a field the data does not provide)."""

    def __init__(self, template: str | Path, reason: str, *, context: str | None = None, hint: str | None = None) -> None:
        self.template = str(template)
        self.reason = reason
        self.context = context
        message = f"Template {self.template}: {reason}"
        if context:
            message += f"\n  near: {context}"
        if hint:
            message += f"\n  {hint}"
        super().__init__(message)


class MissingCaseField(ScrError):
    """A document or letter needs a case field that the case folder does not fill in."""

    def __init__(self, field: str, *, needed_for: str, file: str = "case.yaml") -> None:
        self.field = field
        self.needed_for = needed_for
        super().__init__(
            f"{needed_for} needs '{field}', which is not filled in. Add it to {file} and run the command again."
        )


class ModelUnavailable(ScrError):
    """The language model used to find names cannot be loaded. We never fall back to weaker anonymisation."""

    def __init__(self, model: str, reason: str) -> None:
        self.model = model
        super().__init__(
            f"The language model '{model}' could not be loaded ({reason}). Anonymisation has stopped so that "
            f"nothing is released half-anonymised. Run 'make install' (or pip install the model package) and try again, "
            f"or set SCR_SPACY_MODEL to a model that is installed."
        )


class ExternalProgramMissing(ScrError):
    """A program we call (LibreOffice for PDFs) is not installed."""

    def __init__(self, program: str, purpose: str, install_hint: str) -> None:
        self.program = program
        super().__init__(f"{purpose} needs {program}, which is not installed on this computer. {install_hint}")


class OutputError(ScrError):
    """An output file could not be written."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        super().__init__(f"Could not write {path}: {reason}")


class ProcessingFailed(ScrError):
    """Some files in a batch failed; the rest were written. Lists each failure."""

    def __init__(self, failures: list[tuple[str, str]], *, action: str = "processed") -> None:
        self.failures = list(failures)
        lines = [f"{len(self.failures)} file(s) could not be {action}:"]
        lines += [f"  - {name}: {reason}" for name, reason in self.failures]
        super().__init__("\n".join(lines))


class ChecksBlocked(ScrError):
    """The publication checker found at least one blocking finding."""

    def __init__(self, blocking: int, files: int) -> None:
        self.blocking = blocking
        super().__init__(
            f"{blocking} blocking finding(s) in {files} file(s): these documents must not be published yet."
        )
