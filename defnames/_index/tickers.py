"""Step 3f: stock tickers as exchange listings and terminals write them — "RHM GY", "LMT US
Equity", "012450 KS", "SAF.PA", "NYSE:NOC", "BA/ LN" — looked up in the registry's
``identifiers.ticker`` values (written ``EXCHANGE:SYMBOL``, or a bare symbol of a listing in
the company's home country).

A bare symbol ("LMT") is not read as a ticker: it is just as often an acronym. The exchange
code decides between two companies with one symbol: "BA US" is Boeing, "BA/ LN" BAE Systems.

>>> from defnames._lexicon import lexicon
>>> lex = lexicon()
>>> parse_ticker("RHM GY Equity", lex), parse_ticker("NYSE: NOC", lex), parse_ticker("SAF.PA", lex)
(('RHM', 'DE'), ('NOC', 'US'), ('SAF', 'FR'))
>>> parse_ticker("Lockheed Martin", lex) is None
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from defnames._lexicon import Lexicon
from defnames.models import Entity

__all__ = ["TickerIndex", "parse_ticker"]

_SYMBOL = r"[A-Z0-9][A-Z0-9.\-]{0,9}"
_PATTERNS = (
    # "NYSE:NOC", "NYSE: NOC", "(NASDAQ: AVAV)", "XETRA:RHM"
    re.compile(rf"^\(?(?P<ex>[A-Z]{{2,8}})\s*:\s*(?P<sym>{_SYMBOL})\)?$"),
    # "RHM GY", "LMT US Equity", "012450 KS", "BA/ LN", "SAAB-B SS Equity", "SAAB B SS"
    re.compile(rf"^(?P<sym>{_SYMBOL}(?: [A-Z])?)/?\s+(?P<ex>[A-Z]{{2}})(?:\s+EQUITY)?$"),
    # "SAF.PA", "RHM.DE", "ASELS.IS", "7011.T", "HAL.NS"
    re.compile(r"^(?P<sym>[A-Z0-9][A-Z0-9\-]{0,9})\.(?P<dot>[A-Z]{1,3})$"),
)


def parse_ticker(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """(symbol, country) when ``text`` is an exchange-qualified ticker, else None
    (exchange codes from the lexicon's ``exchanges`` table)."""
    t = text.strip()
    if len(t) > 30 or not t.isascii():
        return None
    if ":" not in t and "." not in t:  # cheap rejection: "RHM GY", "LMT US Equity" end in a code
        last = t.rsplit(None, 1)[-1]
        if not ((len(last) == 2 and last.isupper()) or last.upper() == "EQUITY"):
            return None
    t = t.upper()
    for i, pattern in enumerate(_PATTERNS):
        m = pattern.match(t)
        if m is None:
            continue
        if i == 2:
            country = lex.ticker_suffixes.get(m.group("dot"))
        else:
            country = lex.exchanges.get(m.group("ex"))
        if country:
            return _bare(m.group("sym")), country
    return None


def _bare(symbol: str) -> str:
    """'BA.' -> 'BA', 'SAAB-B' and 'SAAB B' -> 'SAABB': one spelling for each symbol."""
    return symbol.upper().rstrip(".").replace("/", "").replace("-", "").replace(" ", "")


class TickerIndex:
    """Entities by ticker symbol, with the country of the listing."""

    def __init__(self, entities: Iterable[Entity], lex: Lexicon) -> None:
        by_symbol: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for e in entities:
            value = e.identifiers.get("ticker")
            if not value:
                continue
            for one in value.replace(";", ",").split(","):
                exchange, _, symbol = one.strip().rpartition(":")
                # a bare symbol is taken as a listing in the company's home country
                country = lex.exchanges.get(exchange.strip().upper(), e.country) if exchange else e.country
                by_symbol[_bare(symbol.strip())].append((e.id, country))
        self.by_symbol = dict(by_symbol)

    def lookup(self, symbol: str, country: str) -> list[str]:
        """Entity ids listed under ``symbol`` in ``country``."""
        return [eid for eid, c in self.by_symbol.get(symbol, ()) if c == country]

    def holders(self, symbol: str) -> set[str]:
        """Every entity listed under a symbol, on any exchange."""
        return {eid for eid, _ in self.by_symbol.get(symbol, ())}
