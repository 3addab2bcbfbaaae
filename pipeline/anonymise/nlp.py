"""Loading the spaCy model, once per process, and handing it to Presidio without any network access.

Fail closed: if the model cannot be loaded we raise ModelUnavailable and anonymisation stops. We never
fall back to a weaker model or to patterns only, because a document that looks anonymised but is not is
worse than no document. We also never let Presidio's SpacyNlpEngine.load() run: it downloads a missing
model from the internet, which must not happen on a machine holding case files.
"""
from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from ..errors import ModelUnavailable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

_MODELS: dict[str, Language] = {}
_LOCK = threading.Lock()


def load_model(name: str) -> Language:
    """Load a spaCy model by package name or path, cached per process. Raises ModelUnavailable.

    Only the named-entity recogniser (and any component it listens to, such as a shared tok2vec or
    transformer in larger models) stays enabled: tagging, parsing and lemmatising cost most of the time
    and nothing in the anonymiser needs them.
    """
    with _LOCK:
        if name in _MODELS:
            return _MODELS[name]
        try:
            import spacy

            nlp = spacy.load(name)
        except (OSError, ImportError, ValueError) as err:
            raise ModelUnavailable(name, _short_reason(err)) from err
        if "ner" not in nlp.pipe_names:
            raise ModelUnavailable(name, "it has no named-entity recogniser ('ner'), so it cannot find names")
        needed = {"ner"} | {
            component
            for component, pipe in nlp.pipeline
            if "ner" in (getattr(pipe, "listening_components", None) or ())
        }
        disabled = [component for component in nlp.pipe_names if component not in needed]
        nlp.select_pipes(disable=disabled)
        logger.info("Loaded spaCy model %s (running: %s)", name, ", ".join(nlp.pipe_names))
        _MODELS[name] = nlp
        return nlp


_ENGLISH: dict[int, object] = {}


def english_words(nlp: Language):
    """Everyday English words from the model's lemmatiser (its WordNet index), used to tell a
    capitalised word ("Ask", "Media Enquiries") from a name. Empty when the model has no such table.
    Built once per loaded model."""
    if id(nlp) not in _ENGLISH:
        _ENGLISH[id(nlp)] = _english_words(nlp)
    return _ENGLISH[id(nlp)]


def _english_words(nlp: Language):
    from .recognisers.wordlists import EnglishWords

    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return EnglishWords()
    from spacy.strings import hash_string

    nouns: set[str] = set()
    other: set[str] = set()
    for key in table.keys():
        words = {w for w in table[key] if w.isalpha() and w.islower()}
        (nouns if key == hash_string("noun") else other).update(words)
    return EnglishWords(frozenset(nouns), frozenset(other))


def _short_reason(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    if "[E050]" in text:
        return "it is not installed"
    return text[:200]


def make_nlp_engine(nlp: Language, name: str):
    """A Presidio SpacyNlpEngine wrapping an already-loaded model (never calls its downloading load())."""
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

    class _LoadedSpacyEngine(SpacyNlpEngine):
        def __init__(self) -> None:
            super().__init__(models=[{"lang_code": "en", "model_name": name}])
            self.nlp = {"en": nlp}

        def load(self) -> None:  # already loaded; the parent would try to download
            return None

        def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
            # Entities keep spaCy's own labels (FAC, GPE...) because our NER recogniser reads them
            # directly. No lemmas: the lemmatiser is off and Presidio's context-word scoring is not
            # used (see NoContextEnhancer), so building per-token lists would only cost time.
            entities = list(doc.ents)
            return NlpArtifacts(
                entities=entities,
                tokens=doc,
                tokens_indices=[],
                lemmas=[],
                nlp_engine=self,
                language=language,
                scores=[self.ner_model_configuration.default_score] * len(entities),
            )

    return _LoadedSpacyEngine()


def make_context_enhancer():
    """Presidio's context enhancer raises scores of results near words like "phone". We decide by
    recogniser and priority, never by score, so the enhancer (which deep-copies every result) is skipped."""
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        def __init__(self) -> None:
            super().__init__(context_similarity_factor=0, min_score_with_context_similarity=0,
                             context_prefix_count=0, context_suffix_count=0)

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            return raw_results

    return NoContextEnhancer()
