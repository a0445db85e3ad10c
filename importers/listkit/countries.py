"""The country of an address as lists write it: its last part, as an ISO code."""

from __future__ import annotations

import re

from ..countries import iso2

EXTRA = {  # spellings importers.countries and pycountry do not know
    "türkiye": "TR",
    "turkiye": "TR",
    "republic of türkiye": "TR",
    "hong kong": "HK",
    "hong kong, china": "HK",
    "hong kong sar": "HK",
    "uae": "AE",
    "u.a.e": "AE",
    "kyrgyz republic": "KG",
    "kyrgyzstan": "KG",
    "russian federation": "RU",
    "rf": "RU",
    "prc": "CN",
    "people's republic of china": "CN",
    "the people's republic of china": "CN",
    "republic of korea": "KR",
    "republic of lebanon": "LB",
    "korea": "KR",
}
_TAIL = re.compile(r"[\s.,;]+$")


def _code(part: str) -> str | None:
    t = _TAIL.sub("", part.strip())
    t = re.sub(r"\s*\d[\d\s-]*$", "", t).strip(" ,.")  # a postal code after the country
    if not t or not re.search(r"[A-Za-z]", t):
        return None
    low = t.casefold()
    return EXTRA.get(low) or iso2(t)


def country_of(address: str, default: str | None = None) -> str | None:
    """The most frequent country of the ';'-separated addresses (the last comma part of each),
    else ``default``: '1 Main St, Yerevan, 0026, Armenia.' -> 'AM'."""
    codes = []
    for part in re.split(r";\s*(?:and\s+)?|\n", address or ""):
        pieces = [p for p in part.split(",") if p.strip()]
        tail = ",".join(pieces[-2:]).strip(" .").casefold()
        if len(pieces) >= 2 and " ".join(tail.split()) in EXTRA:
            codes.append(EXTRA[" ".join(tail.split())])
            continue
        for p in reversed(pieces[-2:]):
            code = _code(p)
            if code:
                codes.append(code)
                break
    if codes:
        return max(dict.fromkeys(codes), key=codes.count)
    return default
