"""Recognisers: small classes, each with a stable code and a one-line description, registered by name.

Which ones run is configuration (`enabled.yaml` beside this file, or AnonymiserSettings.recognisers), not
code. Every recogniser is a Presidio EntityRecognizer, so the Presidio AnalyzerEngine runs them all over the
same spaCy document; each result carries in its `recognition_metadata`:

    scr_source       decides the result's priority in the engine (see engine.py):
                     "register", "relative" (an unregistered relative: "Kieran O'Sullivan"), "pattern",
                     "ner", "setting" (a named nursery or club), "guess" (unknown capitalised
                     words), "exempt" and "keep" (spans kept as they
                     are: the three named people, agency names and laws; they also shield their words)
    scr_replacement  the replacement text when the recogniser knows it ("Child A", "[NHS number]"), or None
                     when the engine decides (stable labels for unknown people, the dates setting)
    scr_value        extra detail for the engine (the month and year of a date)

To add one: write a module with a class decorated with @recogniser, import it below, switch it on in
enabled.yaml and add tests/test_recogniser_<code>.py.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult

from ...errors import UsageError
from ...register import Register

from .wordlists import EnglishWords

if TYPE_CHECKING:
    from ..settings import AnonymiserSettings

SOURCE = "scr_source"
REPLACEMENT = "scr_replacement"
VALUE = "scr_value"


@dataclass(frozen=True)
class RecogniserContext:
    """What a recogniser may need to build itself: the case register, the settings, and the model's
    list of everyday words (to tell "Ask Kerry" at the start of a sentence from a name)."""

    register: Register
    settings: AnonymiserSettings
    english: EnglishWords = field(default_factory=lambda: EnglishWords())


class ScrRecogniser:
    """Mixin for our recognisers: a stable code, a description, and construction from a context."""

    code: ClassVar[str]
    description: ClassVar[str]

    @classmethod
    def from_context(cls, context: RecogniserContext) -> EntityRecognizer:
        return cls()  # type: ignore[call-arg]


RECOGNISERS: dict[str, type[ScrRecogniser]] = {}


def recogniser(cls: type[ScrRecogniser]) -> type[ScrRecogniser]:
    """Class decorator: register a recogniser under its code."""
    if cls.code in RECOGNISERS:
        raise ValueError(f"Two recognisers use the code {cls.code!r}")
    RECOGNISERS[cls.code] = cls
    return cls


def result(
    entity_type: str,
    start: int,
    end: int,
    score: float,
    source: str,
    replacement: str | None = None,
    value: object = None,
    recogniser_name: str = "",
) -> RecognizerResult:
    """A Presidio result carrying our metadata."""
    return RecognizerResult(
        entity_type=entity_type,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recogniser_name,
            SOURCE: source,
            REPLACEMENT: replacement,
            VALUE: value,
        },
    )


def tag_results(results: Iterable[RecognizerResult], source: str, replacement: str | None,
                name: str) -> list[RecognizerResult]:
    """Add our metadata to results made by a Presidio recogniser we reuse (phone, NHS, postcode...)."""
    tagged = []
    for item in results:
        metadata = dict(item.recognition_metadata or {})
        metadata.update({RecognizerResult.RECOGNIZER_NAME_KEY: name, SOURCE: source, REPLACEMENT: replacement})
        metadata.setdefault(VALUE, None)
        item.recognition_metadata = metadata
        tagged.append(item)
    return tagged


def build_recognisers(names: Iterable[str], context: RecogniserContext) -> list[EntityRecognizer]:
    """Instantiate the named recognisers. Raises UsageError naming any unknown recogniser."""
    _load_builtin()
    names = list(names)
    unknown = [name for name in names if name not in RECOGNISERS]
    if unknown:
        raise UsageError(
            f"Unknown recogniser(s): {', '.join(unknown)}. Known recognisers: {', '.join(sorted(RECOGNISERS))}."
        )
    return [RECOGNISERS[name].from_context(context) for name in dict.fromkeys(names)]


def describe() -> list[tuple[str, str]]:
    """(code, description) for every registered recogniser, for documentation and `--help` text."""
    _load_builtin()
    return [(code, cls.description) for code, cls in sorted(RECOGNISERS.items())]


def _load_builtin() -> None:
    # Importing the modules registers their classes; done lazily so importing this package stays cheap.
    from . import (  # noqa: F401
        address,
        cued_name,
        date_of_birth,
        dates,
        email,
        exempt,
        initials,
        name_shape,
        ner,
        online,
        phone,
        reference,
        register,
        setting,
        titled_name,
        uk_ids,
    )

