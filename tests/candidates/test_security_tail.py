"""The security-class tail of a listing (``_without_security``)."""

from __future__ import annotations

from defnames._candidates.mention import _LONGEST_SECURITY, _without_security
from defnames._lexicon import lexicon


def test_no_phrase_is_longer_than_the_scan() -> None:
    assert max(len(p) for p in lexicon().securities) <= _LONGEST_SECURITY


def test_cuts_repeatedly_and_keeps_the_name() -> None:
    lex = lexicon()
    assert _without_security("Moog Inc. Class A Common Stock", lex) == "Moog Inc."
    assert _without_security("Elbit Systems Ltd. - Ordinary Shares", lex) == "Elbit Systems Ltd."
    assert _without_security("Class A Common Stock", lex) == "Class A"  # one word at least is kept


def test_long_runs_of_separators_are_kept_as_they_are() -> None:
    lex = lexicon()
    text = "Thales" + " -" * 5000 + " x"
    assert _without_security(text, lex) == text
    assert _without_security(" - , ", lex) == " - , "
