"""Nothing in the anonymiser touches the network: the model, Presidio, phone numbers, email addresses."""
from __future__ import annotations

import socket

import pytest

from pipeline.anonymise import Anonymiser, AnonymiserSettings
from pipeline.anonymise import nlp as nlp_module


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_whole_engine_runs_with_sockets_disabled(no_network, monkeypatch, case_register):
    # Start from a cold model cache so loading the model happens with the network switched off too.
    monkeypatch.setattr(nlp_module, "_MODELS", {})
    anonymiser = Anonymiser(case_register, settings=AnonymiserSettings(dates="month"))
    result = anonymiser.anonymise(
        "Poppy Harrington (DOB 12/03/2015) of 14 Larch Close, EB1 2CD, NHS 943 476 5919, NI AB 12 34 56 C. "
        "Email kelly.h@gmail.com or p.h@school.co.uk, call 07700 900123 or +44 20 7946 0958. Crime ref "
        "13/123456/23. Jayden Brown took her to St Mary's Hospital on 3 May 2019."
    )
    assert no_network == []
    assert "[email address]" in result.text and "@" not in result.text
    assert "Jayden" not in result.text and "Poppy" not in result.text


def test_missing_model_is_not_downloaded(no_network):
    from pipeline.errors import ModelUnavailable

    with pytest.raises(ModelUnavailable):
        Anonymiser(settings=AnonymiserSettings(model="en_core_web_trf_not_installed"))
    assert no_network == []


def test_the_email_recogniser_never_asks_tldextract(monkeypatch, anonymiser_factory):
    # tldextract fetches the public-suffix list from the internet on first use; we must not call it.
    import tldextract

    def forbidden(*args, **kwargs):
        raise AssertionError("tldextract was called")

    monkeypatch.setattr(tldextract, "extract", forbidden)
    monkeypatch.setattr(tldextract.TLDExtract, "__call__", forbidden)
    result = anonymiser_factory(None).anonymise("Write to k.harrington@school.local or kh@gmail.com")
    assert result.text == "Write to [email address] or [email address]"
