"""Tickers as listings and terminals write them."""

from __future__ import annotations

import pytest

from defnames._index.tickers import parse_ticker
from defnames._lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RHM GY", ("RHM", "DE")),
        ("RHM GY Equity", ("RHM", "DE")),
        ("LMT US Equity", ("LMT", "US")),
        ("NYSE:NOC", ("NOC", "US")),
        ("NYSE: NOC", ("NOC", "US")),
        ("(NASDAQ: AVAV)", ("AVAV", "US")),
        ("SAF.PA", ("SAF", "FR")),
        ("012450 KS", ("012450", "KR")),
        ("BA/ LN", ("BA", "GB")),
        ("SAAB-B SS Equity", ("SAABB", "SE")),
        ("SAAB B SS", ("SAABB", "SE")),
        ("Lockheed Martin", None),
        ("LMT", None),
        ("LMT XX", None),  # no such exchange code
        ("NOC:", None),
        ("Ростех", None),
        ("A" * 40 + " US", None),
    ],
)
def test_parse_ticker(lex: Lexicon, text: str, expected: tuple[str, str] | None) -> None:
    assert parse_ticker(text, lex) == expected
