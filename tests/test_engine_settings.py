"""Settings and the recogniser registry: configuration a board can change without touching code."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.anonymise.recognisers import RECOGNISERS, describe
from pipeline.anonymise.settings import DEFAULT_MODEL, ENABLED_FILE, AnonymiserSettings, enabled_recognisers
from pipeline.errors import UsageError


def test_every_registered_recogniser_is_switched_on_by_default_and_described():
    codes = [code for code, _ in describe()]
    assert sorted(enabled_recognisers()) == sorted(codes)
    for code, description in describe():
        assert description and description[0].isupper(), code
        assert RECOGNISERS[code].code == code


def test_settings_default_to_the_yaml_and_the_project_model(monkeypatch):
    monkeypatch.delenv("SCR_SPACY_MODEL", raising=False)
    settings = AnonymiserSettings()
    assert settings.model == DEFAULT_MODEL
    assert settings.recognisers == enabled_recognisers(ENABLED_FILE)
    assert settings.dates == "keep"


def test_a_board_can_name_another_model(monkeypatch):
    monkeypatch.setenv("SCR_SPACY_MODEL", "en_core_web_lg")
    assert AnonymiserSettings().model == "en_core_web_lg"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("recognisers: register\n", "must be a list of recogniser names"),
        ("recognisers: [register, 3]\n", "must be a list of recogniser names"),
        ("recognisers: [register\n", "cannot be read"),
    ],
)
def test_a_broken_recogniser_file_is_a_clear_error(tmp_path: Path, content, message):
    path = tmp_path / "enabled.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        enabled_recognisers(path)


def test_switching_a_recogniser_off_changes_what_is_found(anonymiser_factory):
    text = "Call 07700 900123 about Jayden Brown."
    everything = anonymiser_factory(None).anonymise(text).text
    no_phone = anonymiser_factory(None, recognisers=tuple(c for c in enabled_recognisers() if c != "uk_phone"))
    assert "[phone number]" in everything
    assert "07700 900123" in no_phone.anonymise(text).text
