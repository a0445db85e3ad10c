"""Step 3f: stock tickers as exchange listings and terminals write them — "RHM GY", "LMT US
Equity", "012450 KS", "SAF.PA", "NYSE:NOC", "BA/ LN" — looked up in the registry's
``identifiers.ticker`` values (written ``EXCHANGE:SYMBOL``, or a bare symbol of a listing in
the company's home country).

A bare symbol ("LMT") is not read as a ticker: it is just as often an acronym. The exchange
code decides between two companies with one symbol: "BA US" is Boeing, "BA/ LN" BAE Systems.

>>> parse_ticker("RHM GY Equity"), parse_ticker("NYSE: NOC"), parse_ticker("SAF.PA")
(('RHM', 'DE'), ('NOC', 'US'), ('SAF', 'FR'))
>>> parse_ticker("Lockheed Martin") is None
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from defnames.models import Entity

__all__ = ["TickerIndex", "parse_ticker"]

# Exchange codes -> country: Bloomberg suffixes, Reuters/Yahoo suffixes and exchange names.
_EXCHANGE_COUNTRY = {
    **dict.fromkeys(["US", "UN", "UW", "UQ", "UA", "UR", "NYSE", "NASDAQ", "AMEX", "NYSEAMERICAN"], "US"),
    **dict.fromkeys(["GY", "GR", "GF", "DE", "F", "XETRA", "FRA", "ETR"], "DE"),
    **dict.fromkeys(["LN", "L", "LSE", "LON"], "GB"),
    **dict.fromkeys(["FP", "PA", "EPA", "PAR"], "FR"),
    **dict.fromkeys(["IM", "MI", "BIT", "MIL"], "IT"),
    **dict.fromkeys(["SM", "MC", "BME"], "ES"),
    **dict.fromkeys(["NA", "AS", "AMS"], "NL"),
    **dict.fromkeys(["BB", "BR", "EBR"], "BE"),
    **dict.fromkeys(["SS", "ST", "STO"], "SE"),
    **dict.fromkeys(["NO", "OL", "OSL"], "NO"),
    **dict.fromkeys(["FH", "HE", "HEL"], "FI"),
    **dict.fromkeys(["DC", "CO", "CPH"], "DK"),
    **dict.fromkeys(["PW", "WA", "WSE"], "PL"),
    **dict.fromkeys(["CP", "PR", "PSE"], "CZ"),
    **dict.fromkeys(["SW", "SE", "SIX", "VX"], "CH"),
    **dict.fromkeys(["GA", "AT", "ATH"], "GR"),
    **dict.fromkeys(["KS", "KQ", "KRX", "KOSPI", "KOSDAQ"], "KR"),
    **dict.fromkeys(["JP", "JT", "T", "TYO", "TSE"], "JP"),
    **dict.fromkeys(["IN", "IS", "NS", "BO", "NSE", "BSE"], "IN"),
    **dict.fromkeys(["TI", "BIST", "IST"], "TR"),
    **dict.fromkeys(["IT", "TA", "TASE"], "IL"),
    **dict.fromkeys(["AU", "AX", "ASX"], "AU"),
    **dict.fromkeys(["CN", "TO", "TSX", "CT"], "CA"),
    **dict.fromkeys(["BZ", "SA", "B3", "BVMF"], "BR"),
    **dict.fromkeys(["SP", "SI", "SGX"], "SG"),
    **dict.fromkeys(["HK", "HKEX"], "HK"),
    **dict.fromkeys(["CH", "SZ", "SSE", "SZSE", "CG", "CS"], "CN"),  # Reuters ".SS" is Shanghai: below
    **dict.fromkeys(["TT", "TW", "TWSE"], "TW"),
    **dict.fromkeys(["AB", "SR", "TADAWUL"], "SA"),
    **dict.fromkeys(["UH", "ADX", "DFM"], "AE"),
}
# "IS" is both Borsa Istanbul (Reuters ".IS") and India (Bloomberg " IS"): by form below.
_DOT_SUFFIX = {**_EXCHANGE_COUNTRY, "IS": "TR", "SS": "CN", "SA": "BR", "T": "JP", "SI": "SG"}

_SYMBOL = r"[A-Z0-9][A-Z0-9.\-]{0,9}"
_PATTERNS = (
    # "NYSE:NOC", "NYSE: NOC", "(NASDAQ: AVAV)", "XETRA:RHM"
    re.compile(rf"^\(?(?P<ex>[A-Z]{{2,8}})\s*:\s*(?P<sym>{_SYMBOL})\)?$"),
    # "RHM GY", "LMT US Equity", "012450 KS", "BA/ LN", "SAAB-B SS Equity", "SAAB B SS"
    re.compile(rf"^(?P<sym>{_SYMBOL}(?: [A-Z])?)/?\s+(?P<ex>[A-Z]{{2}})(?:\s+EQUITY)?$"),
    # "SAF.PA", "RHM.DE", "ASELS.IS", "7011.T", "HAL.NS"
    re.compile(r"^(?P<sym>[A-Z0-9][A-Z0-9\-]{0,9})\.(?P<dot>[A-Z]{1,3})$"),
)


def parse_ticker(text: str) -> tuple[str, str] | None:
    """(symbol, country) when ``text`` is an exchange-qualified ticker, else None."""
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
            country = _DOT_SUFFIX.get(m.group("dot"))
        else:
            country = _EXCHANGE_COUNTRY.get(m.group("ex"))
        if country:
            return _bare(m.group("sym")), country
    return None


def _bare(symbol: str) -> str:
    """'BA.' -> 'BA', 'SAAB-B' and 'SAAB B' -> 'SAABB': one spelling for each symbol."""
    return symbol.upper().rstrip(".").replace("/", "").replace("-", "").replace(" ", "")


class TickerIndex:
    """Entities by ticker symbol, with the country of the listing."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        by_symbol: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for e in entities:
            value = e.identifiers.get("ticker")
            if not value:
                continue
            for one in value.replace(";", ",").split(","):
                exchange, _, symbol = one.strip().rpartition(":")
                # a bare symbol is taken as a listing in the company's home country
                country = _EXCHANGE_COUNTRY.get(exchange.strip().upper(), e.country) if exchange else e.country
                by_symbol[_bare(symbol.strip())].append((e.id, country))
        self.by_symbol = dict(by_symbol)

    def lookup(self, symbol: str, country: str) -> list[str]:
        """Entity ids listed under ``symbol`` in ``country``."""
        return [eid for eid, c in self.by_symbol.get(symbol, ()) if c == country]

    def holders(self, symbol: str) -> set[str]:
        """Every entity listed under a symbol, on any exchange."""
        return {eid for eid, _ in self.by_symbol.get(symbol, ())}
