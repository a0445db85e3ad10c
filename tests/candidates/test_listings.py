"""The listing passes: exchange-qualified tickers and bare long symbols."""

from __future__ import annotations

import pytest

from defnames._candidates.listings import bare_symbol_candidates, ticker_candidates
from defnames._index.names import NameIndex


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("TRVNB SS", ["torvan"]),
        ("TRVNB SS Equity", ["torvan"]),
        ("TRVN-B SS", ["torvan"]),
        ("STO:TRVNB", ["torvan"]),
        ("LSE:ACD", ["acme-defence"]),
        ("ACD LN", ["acme-defence"]),
        ("ACD.L", ["acme-defence"]),
        ("ACD US", []),  # listed in London, not New York
        ("TRVNB", []),  # a bare symbol is not an exchange listing
        ("Acme Defence", []),
        ("acd ln", []),  # tickers are written in capitals
    ],
)
def test_ticker_candidates(index: NameIndex, mention: str, expected: list[str]) -> None:
    assert [c.entity_id for c in ticker_candidates(index, mention)] == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("TRVNB", ["torvan"]), (" TRVNB ", ["torvan"]), ("ACD", []), ("Trvnb", []), ("TRVNBX", []), ("TRVNB SS", [])],
)
def test_bare_symbol_candidates(index: NameIndex, mention: str, expected: list[str]) -> None:
    assert [c.entity_id for c in bare_symbol_candidates(index, mention)] == expected
