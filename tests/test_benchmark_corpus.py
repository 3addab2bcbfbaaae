"""The anonymisation evaluation corpus is sound, and the benchmark scores masking the way it says it does.

A mis-annotated corpus would make the benchmark lie (a leaked name never counted, a kept word counted as a
miss), so its annotations are checked here; the engine itself is not run (that is the benchmark's job).
"""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.register import load_register

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("build_corpus", BENCH / "corpus" / "build_corpus.py")
bench = _load("benchmark_anonymisation", BENCH / "anonymisation.py")

DOCUMENTS = corpus.load_corpus()
ENTITIES = corpus.load_entities()
REGISTER_DATA = yaml.safe_load((BENCH / "corpus" / "register.yaml").read_text(encoding="utf-8"))
ALL_MENTIONS = [m for d in DOCUMENTS for m in d.mentions]


# ---------------------------------------------------------------- the committed corpus


@pytest.mark.parametrize(
    "folder",
    [BENCH / "corpus", BENCH / "corpus" / "heldout", BENCH / "corpus" / "heldout2",
     BENCH / "corpus" / "heldout3", BENCH / "corpus" / "heldout4", BENCH / "corpus" / "heldout5",
     BENCH / "corpus" / "heldout6", BENCH / "corpus" / "heldout7", BENCH / "corpus" / "heldout8",
     BENCH / "corpus" / "heldout9", BENCH / "corpus" / "heldout10", BENCH / "corpus" / "heldout11",
     BENCH / "corpus" / "heldout12", BENCH / "corpus" / "heldout13", BENCH / "corpus" / "heldout14",
     BENCH / "corpus" / "heldout15", BENCH / "corpus" / "heldout16", BENCH / "corpus" / "heldout17",
     BENCH / "corpus" / "heldout18", BENCH / "corpus" / "heldout19", BENCH / "corpus" / "heldout20",
     BENCH / "corpus" / "heldout21", BENCH / "corpus" / "heldout22", BENCH / "corpus" / "heldout23",
     BENCH / "corpus" / "heldout24", BENCH / "corpus" / "heldout25", BENCH / "corpus" / "heldout26",
     *(BENCH / "corpus" / f"heldout{n}" for n in range(27, 33))],
    ids=["main", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
         "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
         "heldout15", "heldout16", "heldout17", "heldout18",
         "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26",
         *(f"heldout{n}" for n in range(27, 33))],
)
def test_committed_corpus_is_sound_and_built_from_the_current_sources(folder):
    documents, problems = corpus.check_folder(folder)
    assert problems == []
    assert (folder / "corpus.jsonl").read_text(encoding="utf-8") == corpus.serialise(documents), (
        "corpus.jsonl is stale: run .venv/bin/python benchmarks/corpus/build_corpus.py"
    )


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.id)
def test_every_span_reads_what_it_is_annotated_as(doc):
    for item in (*doc.mentions, *doc.keep):
        assert doc.text[item.start:item.end] == item.text


def test_enough_mentions_and_at_least_half_are_people_nobody_registered():
    unregistered = [m for m in ALL_MENTIONS if m.type == "PERSON" and not m.in_register]
    assert len(ALL_MENTIONS) >= 400
    assert len(unregistered) * 2 >= len(ALL_MENTIONS)


@pytest.mark.parametrize("entity_type", corpus.PATTERN_TYPES)
def test_every_uk_pattern_appears_for_several_entities(entity_type):
    assert len({m.entity for m in ALL_MENTIONS if m.type == entity_type}) >= 2


@pytest.mark.parametrize("kind", corpus.KEEP_KINDS)
def test_every_kind_of_text_to_keep_is_represented(kind):
    assert sum(k.kind == kind for d in DOCUMENTS for k in d.keep) >= 5


@pytest.mark.parametrize(
    "word", ["will", "rose", "grace", "hope", "may", "amber", "Grace", "Hope", "Summer"]
)
def test_names_that_are_ordinary_words_appear_as_words_to_keep(word):
    assert any(k.text == word and k.kind == "word" for d in DOCUMENTS for k in d.keep)


def test_register_file_loads_with_the_project_loader_and_every_entry_is_mentioned():
    register = load_register(BENCH / "corpus" / "register.yaml")
    mentioned = {ENTITIES[m.entity]["register"] for m in ALL_MENTIONS if m.in_register}
    assert {p.name for p in (*register.people, *register.places)} == mentioned
    assert len(register.exempt) == 3


# ---------------------------------------------------------------- the checks catch mistakes


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Seen by [[Joy Adeyemi|hv1]]. Joy said no.", "'Joy' (a name of hv1) is not annotated here"),
        ("Visit to Kestrel Way today.", "'Kestrel Way' (register place) is not annotated here"),
        ("NHS number [[628 194 8212|nhs-rose]].", "NHS_NUMBER '628 194 8212' (nhs-rose) is not a valid value"),
        ("Postcode [[DN4 7Q|pc-home]].", "POSTCODE 'DN4 7Q' (pc-home) is not a valid value"),
        ("Call [[01234 5|phone-mother]].", "PHONE '01234 5' (phone-mother) is not a valid value"),
        ("Born [[31/02/2020|dob-rose]].", "DATE_OF_BIRTH '31/02/2020' (dob-rose) is not a valid value"),
        ("Mother [[Kirsty|mother]] rang.", "'Kirsty' shares no word with register entry 'Chantelle Whitfield'"),
        ("{{Hannah Goldberg|exempt}} chaired.", "exempt keep item 'Hannah Goldberg' is not one of the register"),
    ],
)
def test_corpus_problems_names_each_annotation_mistake(body, expected):
    doc = corpus.parse_source(f"---\nid: t\nkind: test\ntitle: t\n---\n{body}\n", ENTITIES, "t.txt")
    problems = corpus.corpus_problems([doc], ENTITIES, REGISTER_DATA)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[[Joy|nobody]]", "t.txt line 1: unknown entity id 'nobody'"),
        ("{{Social Worker|job}}", "t.txt line 1: unknown keep kind 'job'"),
        ("text\n[[Joy Adeyemi hv1]]", "t.txt line 2: unbalanced markup '[['"),
    ],
)
def test_markup_errors_name_the_file_and_line(body, expected):
    with pytest.raises(ValueError, match=re.escape(expected)):
        corpus.parse_source(f"---\nid: t\nkind: test\ntitle: t\n---\n{body}\n", ENTITIES, "t.txt")


@pytest.mark.parametrize(
    ("value", "valid"),
    [("943 476 5919", True), ("9434765919", True), ("943-476-5919", True), ("943 476 5918", False),
     ("123 456 789", False)],
)
def test_nhs_number_checksum(value, valid):
    assert corpus.nhs_number_valid(value) is valid


# ---------------------------------------------------------------- scoring (TAB entity-level recall)

SCORING_DOC = corpus.parse_source(
    "---\nid: s\nkind: test\ntitle: t\n---\n"
    "[[Joy Adeyemi|hv1]] visited. [[Joy|hv1]]'s notes say the {{Health Visitor|role}} {{will}} return.\n"
    "[[WHITFIELD, William|will]] was seen. Call [[07452 881930|phone-mother]].\n",
    ENTITIES, "s.txt",
)


def _span(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = SCORING_DOC.text.index(text, start + 1)
    return start, start + len(text)


@pytest.mark.parametrize(
    ("spans", "protected", "mentions_masked"),
    [
        # every mention fully covered (the possessive 's after the second Joy may stay)
        ([_span("Joy Adeyemi"), _span("Joy", 1)], {"hv1"}, 2),
        # the surname left visible: that mention is not masked, so Joy Adeyemi is not protected
        ([_span("Joy"), _span("Joy", 1)], set(), 1),
        # one of two mentions missed: not protected, although half her mentions are masked
        ([_span("Joy Adeyemi")], set(), 1),
        # nothing found
        ([], set(), 0),
    ],
)
def test_an_entity_is_protected_only_when_every_mention_is_fully_masked(spans, protected, mentions_masked):
    result = bench.score([SCORING_DOC], {"s": spans})
    people = result.categories["unregistered people"]
    assert people.entities == 1
    assert people.protected == len(protected)
    assert people.masked_mentions == mentions_masked
    if not protected:
        assert "hv1" in people.missed


@pytest.mark.parametrize(
    ("spans", "masked"),
    [
        ([_span("WHITFIELD"), _span("William")], True),  # the comma and space identify nobody
        ([_span("WHITFIELD, William")], True),
        ([_span("WHITFIELD")], False),
        ([(_span("WHITFIELD")[0], _span("WHITFIELD")[1] - 1), _span("William")], False),  # one letter shows
    ],
)
def test_a_mention_is_masked_when_all_its_letters_and_digits_are_covered(spans, masked):
    result = bench.score([SCORING_DOC], {"s": spans})
    assert result.categories["register entities"].protected == int(masked)


TITLED_DOC = corpus.parse_source(
    "---\nid: t\nkind: test\ntitle: t\n---\n[[DC Owen Hughes|dc]] and [[Mr K. O'Sullivan|uncle]] spoke.\n",
    ENTITIES, "t.txt",
)


@pytest.mark.parametrize(
    ("found", "protected"),
    [
        (["Owen Hughes", "K. O'Sullivan"], {"dc", "uncle"}),  # titles may stay: "DC Person 1"
        (["DC Owen Hughes", "Mr K. O'Sullivan"], {"dc", "uncle"}),
        (["Owen Hughes", "O'Sullivan"], {"dc"}),  # an initial is part of the name, not a title
        (["Hughes", "K. O'Sullivan"], {"uncle"}),
    ],
)
def test_titles_in_front_of_a_name_need_not_be_replaced(found, protected):
    spans = [(TITLED_DOC.text.index(t), TITLED_DOC.text.index(t) + len(t)) for t in found]
    result = bench.score([TITLED_DOC], {"t": spans})
    assert set(result.categories["unregistered people"].missed) == {"dc", "uncle"} - protected


def test_uk_patterns_and_keep_items_are_scored_separately():
    spans = [_span("07452 881930"), _span("Health Visitor")]
    result = bench.score([SCORING_DOC], {"s": spans})
    assert result.categories["UK patterns"].recall == 1.0
    assert (result.keep_intact, result.keep_total) == (1, 2)
    assert result.destroyed == ["'Health Visitor' (role) in s"]
    assert result.keep_by_kind == {"role": (0, 1), "word": (1, 1)}


def test_offline_guard_blocks_and_counts_network_attempts():
    code = bench.OFFLINE_GUARD + (
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept OSError as err:\n    print(err)\n"
        "print(len(socket.network_attempts))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == ["network access is disabled during the anonymisation benchmark", "1"]


def test_replacing_words_nobody_annotated_is_counted_as_over_masking():
    spans = [_span("Joy Adeyemi visited"), _span("Call")]
    result = bench.score([SCORING_DOC], {"s": spans})
    assert dict(result.other_replaced) == {"visited": 1, "Call": 1}
    assert result.other_words == len(["visited", "notes", "say", "the", "return", "was", "seen", "Call"])


def test_register_names_left_in_word_output_are_found_in_body_tables_and_headers(tmp_path):
    from docx import Document as WordDocument

    register = load_register(BENCH / "corpus" / "register.yaml")
    word = WordDocument()
    word.sections[0].header.paragraphs[0].text = "RE: ROSE WHITFIELD"
    paragraph = word.add_paragraph("Visited by ")
    paragraph.add_run("Sibling 1 and Mr O'")
    paragraph.add_run("Sullivan")  # a name split across runs still counts
    word.add_table(rows=1, cols=1).cell(0, 0).text = "Ms McCready's note; Will said he will come"
    word.save(tmp_path / "a.docx")
    left = bench.register_names_left(tmp_path, register)
    assert dict(left) == {"Rose Whitfield": 1, "Whitfield": 1, "O'Sullivan": 1, "McCready": 1}
