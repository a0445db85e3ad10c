"""DFAT's consolidated list (``regulation8_consolidated.xlsx``) read into records.

One row per name: ``Reference`` (``2`` for the primary name, ``2a``, ``2b``... for the other
names of the same listing), ``Name of Individual or Entity``, ``Type`` (Individual, Entity),
``Name Type`` (Primary Name, aka, Original Script, Formerly known as), ``Address``,
``Additional Information`` (registration numbers, website, a short description),
``Listing Information``, ``Committees`` (the regime: ``Autonomous (Russia)``, ``1718 (DPRK)``,
...) and ``Control Date``. The leading number of the reference is the listing's uid
(``identifiers.au_dfat_ref``).

An entity in Russia, Belarus, Iran, the DPRK or Syria whose description names the defence or
military sector (``Russian defence company``) gets the section tag ``DEFENCE``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..listkit.countries import country_of
from ..listkit.names import with_abbreviation
from ..listkit.record import Record, clean
from ..listkit.ru_ids import identifiers
from ..listkit.xlsx import Workbook

SHEET = "Sheet1"
DEFENCE_COUNTRIES = frozenset({"RU", "BY", "IR", "KP", "SY"})
_DEFENCE = re.compile(r"defen[cs]e|military|weapon|missile|munition|arms\b", re.I)
_REF = re.compile(r"^\s*(\d+)")
_KINDS = {
    "primary name": "primary",
    "aka": "aka",
    "original script": "aka",
    "formerly known as": "fka",
    "previously listed as": "fka",
}
_WEBSITE = re.compile(
    r"(?:Website:\s*|\b)((?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ru|com|org|net|by|ir)\b[^\s,;]*)", re.I
)
REGIME_COUNTRY = {"Autonomous (Iran)": "IR", "Autonomous (DPRK)": "KP", "1718 (DPRK)": "KP", "Autonomous (Syria)": "SY"}


_RUSSIAN_FORM = re.compile(
    r"\b(?:JSC|PJSC|OJSC|CJSC|AO|PAO|OAO|ZAO|OOO|Aktsionernoe|Obshchestvo|Joint[- ]Stock Company)\b"
    r"|[\u0400-\u04ff]",
    re.I,
)


def _default_country(regimes: tuple[str, ...], names: list[tuple[str, str]]) -> str | None:
    """No address country: the regime's country (Iran, DPRK, Syria), or RU for a Russia listing
    whose names carry a Russian legal form or Cyrillic; else None (the review lists it)."""
    for g in regimes:
        if g in REGIME_COUNTRY:
            return REGIME_COUNTRY[g]
    if any(g in ("Autonomous (Russia)", "Autonomous (Ukraine)") for g in regimes) and any(
        _RUSSIAN_FORM.search(n) for _, n in names
    ):
        return "RU"
    return None


def _record(uid: str, rows: list[dict[str, str]]) -> Record:
    kind = (rows[0].get("Type") or "").strip().lower()
    regimes = tuple(dict.fromkeys(clean(r.get("Committees", "")) for r in rows if clean(r.get("Committees", ""))))
    names: list[tuple[str, str]] = []
    for r in sorted(rows, key=lambda r: _KINDS.get(clean(r.get("Name Type", "")).lower(), "aka") != "primary"):
        k = _KINDS.get(clean(r.get("Name Type", "")).lower(), "aka")
        n = clean(r.get("Name of Individual or Entity", ""))
        if n:
            names += [(k, x) for x in with_abbreviation(n)]
    countries = [c for c in (country_of(r.get("Address") or "") for r in rows) if c]
    country = Counter(countries).most_common(1)[0][0] if countries else _default_country(regimes, names)
    info = " ".join(dict.fromkeys(r.get("Additional Information", "") or "" for r in rows))
    tags = ("DEFENCE",) if _DEFENCE.search(info) and country in DEFENCE_COUNTRIES else ()
    web = _WEBSITE.search(info)
    return Record(
        uid=uid,
        names=list(dict.fromkeys(names)),
        country=country,
        programs=regimes + tags,
        identifiers={**identifiers(info, country), "au_dfat_ref": uid},
        is_entity=kind == "entity",
        entity_type=kind or "unknown",
        website=web.group(1) if web else None,
    )


def read(files: dict[str, bytes]) -> list[Record]:
    (data,) = files.values()
    rows = Workbook(data).rows(SHEET)
    head = rows[0]
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows[1:]:
        row = {head[k]: v for k, v in r.items() if k in head}
        m = _REF.match(row.get("Reference", "") or "")
        if m:
            groups[m.group(1)].append(row)
    return [_record(uid, rs) for uid, rs in groups.items()]
