"""Listing passes: an exchange-qualified ticker ("RHM GY", "LMT US Equity", "NYSE:NOC"), and a
bare symbol of five capitals or more ("MAZDOCK", "ASELS") held by exactly one listed entity.
"""

from __future__ import annotations

import re

from defnames import _weights as W
from defnames._candidates.candidate import Candidate
from defnames._index.names import NameEntry, NameIndex
from defnames._index.tickers import parse_ticker
from defnames.models import Method, NameKind

__all__ = ["bare_symbol_candidates", "ticker_candidates"]

_LONG_SYMBOL = re.compile(r"^[A-Z]{5,12}$")


def _listed(entity_id: str, written: str, symbol: str) -> Candidate:
    return Candidate(NameEntry(entity_id, written, symbol.casefold(), NameKind.ticker), W.TICKER, Method.ticker)


def ticker_candidates(index: NameIndex, mention: str) -> list[Candidate]:
    """A listing's ticker, when the registry records it for that exchange's country."""
    first = mention.split()[:1]
    ticker_like = first and (first[0].isupper() or first[0][:1].isdigit() or first[0][:1] == "(")
    parsed = parse_ticker(mention, index.lex) if ticker_like else None
    if parsed is None:
        return []
    symbol, country = parsed
    return [_listed(eid, mention.strip(), symbol) for eid in index.tickers.lookup(symbol, country)]


def bare_symbol_candidates(index: NameIndex, mention: str) -> list[Candidate]:
    """A bare symbol of five capitals or more is no acronym: it is read as a ticker when exactly
    one listed entity has it (and no name matched)."""
    bare = mention.strip()
    if not _LONG_SYMBOL.match(bare):
        return []
    ids = index.tickers.holders(bare)
    return [_listed(ids.pop(), bare, bare)] if len(ids) == 1 else []
