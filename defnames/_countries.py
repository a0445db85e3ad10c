"""Country codes: the only module that touches pycountry (imported lazily, on first use).

>>> is_country_code("CZ"), is_country_code("XX")
(True, False)
>>> country_name("CZ")
'Czechia'
"""

from __future__ import annotations

from functools import cache

__all__ = ["country_name", "country_names", "is_country_code"]


@cache
def _codes() -> frozenset[str]:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries}
    codes.add("XK")  # Kosovo: user-assigned, widely used (EU, World Bank)
    return frozenset(codes)


def is_country_code(code: str) -> bool:
    """True when ``code`` is an ISO 3166-1 alpha-2 code (upper case) or XK (Kosovo)."""
    return code in _codes()


def country_name(code: str) -> str:
    """The short English name of a country code, or the code itself when unknown."""
    import pycountry

    if code == "XK":
        return "Kosovo"
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return str(getattr(c, "common_name", None) or c.name)


def country_names(code: str) -> list[str]:
    """Every English name pycountry knows for a code (name, common and official names)."""
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return []
    out = [c.name]
    for attr in ("common_name", "official_name"):
        v = getattr(c, attr, None)
        if v and v not in out:
            out.append(v)
    return out
