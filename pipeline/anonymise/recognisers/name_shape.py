"""Two or three capitalised words that no vocabulary knows, side by side: probably a person's name.

"Ellie-May Jarvis", "Nkechi Obi", "Delroy Campbell": the small model misses names it has not seen, but a
run of unknown capitalised words in running text is almost always a name or a local place, and both are
better replaced. Organisations the model recognised as agencies are protected by their "keep" spans,
which outrank this guess in the engine. The weakest of the person recognisers.
"""
from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from . import ScrRecogniser, recogniser, result
from .wordlists import NAME_TOKEN, name_like

_TOKEN = re.compile(rf"(?<![\w'’-]){NAME_TOKEN}(?![\w'’-])")
SCORE = 0.4


@recogniser
class NameShapeRecogniser(ScrRecogniser, LocalRecognizer):
    code = "name_shape"
    description = "Two or three unknown capitalised words together (a name the model missed)"

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name=self.code)

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        found, run = [], []
        for token in _TOKEN.finditer(text):
            if name_like(token.group()) and (not run or _only_spaces(text[run[-1].end():token.start()])):
                run.append(token)
                continue
            self._emit(text, run, found)
            run = [token] if name_like(token.group()) else []
        self._emit(text, run, found)
        return found

    def _emit(self, text: str, run: list[re.Match[str]], found: list[RecognizerResult]) -> None:
        if len(run) < 2:
            return
        end = run[-1].end() - len(re.search(r"(?:['’]s)?$", run[-1].group()).group())
        found.append(result("PERSON", run[0].start(), end, SCORE, "guess", None, recogniser_name=self.code))


def _only_spaces(gap: str) -> bool:
    return bool(gap) and not gap.strip(" \t")
