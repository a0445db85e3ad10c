"""Country names as official lists write them -> ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

from functools import cache

# Names pycountry does not know as written by OFAC (and similar lists); None: not a country.
OVERRIDES: dict[str, str | None] = {
    "russia": "RU",
    "region: russia": "RU",
    "turkey": "TR",
    "korea, north": "KP",
    "north korea": "KP",
    "korea, south": "KR",
    "south korea": "KR",
    "burma": "MM",
    "congo, democratic republic of the": "CD",
    "congo, republic of the": "CG",
    "palestinian": "PS",
    "region: west bank": "PS",
    "west bank": "PS",
    "region: gaza": "PS",
    "kosovo": "XK",
    "the gambia": "GM",
    "gambia, the": "GM",
    "bahamas, the": "BS",
    "north macedonia, the republic of": "MK",
    "cote d ivoire": "CI",
    "macau": "MO",
    "man, isle of": "IM",
    "brunei": "BN",
    "iran": "IR",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "taiwan": "TW",
    "region: crimea": "UA",
    "undetermined": None,
    "netherlands antilles": None,
    "region: kafia kingi": None,
    "region: northern mali": "ML",
    "region: commonwealth of independent states": None,
    "-0-": None,
    "": None,
}


@cache
def iso2(name: str) -> str | None:
    """'Korea, North' -> 'KP'; None for regions and names that are not one country.

    >>> iso2("Russia"), iso2("United Arab Emirates"), iso2("undetermined")
    ('RU', 'AE', None)
    """
    key = " ".join(name.strip().split()).casefold()
    if key in OVERRIDES:
        return OVERRIDES[key]
    import pycountry

    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None
