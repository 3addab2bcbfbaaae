"""Anonymisation: replace every identifier of the family and professionals, consistently and offline.

The text engine is the library entry point:

    from pipeline.anonymise import Anonymiser
    anonymiser = Anonymiser(register)          # loads the spaCy model; ModelUnavailable if it cannot
    anonymiser.anonymise("Poppy's mum called").text   # "Child A's mum called"

Unknown people get stable labels from a Labeller, which several Anonymisers (or worker processes, with a
multiprocessing.Manager store and lock) can share so that "Person 3" is the same person in every file.
Names of unknown people found in one text are looked for in every other text the Anonymiser returns;
worker pools share them with `known_names()` / `learn_names()`.

Which recognisers run is set in recognisers/enabled.yaml (or AnonymiserSettings.recognisers); each is a
small registered class with a stable code (see `recognisers.describe()`).
"""
from __future__ import annotations

from .engine import AnonymisedText, Anonymiser, Replacement, apply
from .labels import Labeller
from .nlp import load_model
from .settings import AnonymiserSettings

__all__ = ["AnonymisedText", "Anonymiser", "AnonymiserSettings", "Labeller", "Replacement", "apply", "load_model"]
