"""OFSI's consolidated list (``ConList.xlsx``, the 2022 format) read into records.

One row per name: ``Name 1`` ... ``Name 6`` (an entity's name is in ``Name 6``), ``Name
Non-Latin Script`` (Cyrillic, Arabic, Chinese, ...), the address with its ``Country``,
``Other Information`` (the UK Sanctions List reference, the statement of reasons, the
business registration numbers, the parent company, the website, ...), ``Group Type``
(Individual, Entity, Ship), ``Alias Type`` (Primary name, Primary name variation, AKA, FKA),
``Regime`` and ``Group ID``. The rows of one Group ID are one listing; the Group ID is its uid
(OFSI never reuses one), the UK Sanctions List reference (``RUS0250``) an identifier.

A listing in Russia, Belarus, Iran, the DPRK or Syria whose statement of reasons names the
defence sector ("the Russian defence and related materiel sector", "the defence sector",
"military-industrial") gets the section tag ``DEFENCE`` next to its regime, for the
filter's ``strong_programs`` (traders abroad that supply that sector are not tagged: their
names must carry a defense word).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..listkit.countries import country_of
from ..listkit.names import with_abbreviation
from ..listkit.record import Record, clean
from ..listkit.ru_ids import identifiers
from ..listkit.xlsx import Workbook

SHEET = "Data"
DEFENCE_COUNTRIES = frozenset({"RU", "BY", "IR", "KP", "SY"})
FIELDS = (
    "UK Sanctions List Ref",
    "UK Statement of Reasons",
    "Phone number",
    "UN Ref",
    "Email address",
    "Type of entity",
    "Website",
    "Parent company",
    "Business Reg No",
    "Subsidiaries",
    "Fax",
    "Tel",
)
_FIELD = re.compile(r"\((" + "|".join(re.escape(f) for f in FIELDS) + r")\):")
_DEFENCE = re.compile(
    r"defen[cs]e (?:and related materiel )?(?:sector|industr)|military[- ]industrial|"
    r"defen[cs]e and related materiel",
    re.I,
)
_KINDS = {"primary name": "primary", "primary name variation": "aka", "aka": "aka", "fka": "fka"}


def fields(info: str) -> dict[str, str]:
    """'(UK Sanctions List Ref):RUS0250. (Website):x' -> {'UK Sanctions List Ref': 'RUS0250', ...}."""
    parts = _FIELD.split(info or "")
    out: dict[str, str] = {}
    for name, value in zip(parts[1::2], parts[2::2]):
        out.setdefault(name, value.strip().rstrip(".").strip())
    return out


def _name(row: dict[str, str]) -> str:
    parts = [row.get(f"Name {i}", "") for i in (1, 2, 3, 4, 5, 6)]
    return clean(" ".join(p for p in parts if p))


def _record(gid: str, rows: list[dict[str, str]]) -> Record:
    kind = (rows[0].get("Group Type") or "").strip().lower()
    regimes = tuple(dict.fromkeys(r.get("Regime", "") for r in rows if r.get("Regime")))
    names: list[tuple[str, str]] = []
    for r in sorted(rows, key=lambda r: _KINDS.get((r.get("Alias Type") or "").strip().lower(), "aka") != "primary"):
        k = _KINDS.get((r.get("Alias Type") or "").strip().lower(), "aka")
        if _name(r):
            names += [(k, n) for n in with_abbreviation(_name(r))]
        if clean(r.get("Name Non-Latin Script", "")):
            names.append(("aka", clean(r.get("Name Non-Latin Script", ""))))
    info = fields(rows[0].get("Other Information", ""))
    countries = [c for c in (country_of(r.get("Country") or "") for r in rows) if c]
    country = Counter(countries).most_common(1)[0][0] if countries else _default_country(regimes, names)
    idents = identifiers(info.get("Business Reg No", ""), country)
    if info.get("UK Sanctions List Ref"):
        idents["uk_sanctions_ref"] = info["UK Sanctions List Ref"].split()[0].rstrip(".")
    defence = _DEFENCE.search(info.get("UK Statement of Reasons", "")) and country in DEFENCE_COUNTRIES
    tags = ("DEFENCE",) if defence else ()
    parent = clean(re.split(r";|\(\d\)", info.get("Parent company", ""))[0]) or None
    website = info.get("Website", "").split()[0] if info.get("Website") else None
    return Record(
        uid=gid,
        names=list(dict.fromkeys(names)),
        country=country,
        programs=regimes + tags,
        identifiers=idents,
        is_entity=kind == "entity",
        entity_type=kind,
        website=(website if website and "." in website else None),
        listed_on=_date(rows[0].get("Listed On", "")),
        parent_hint=parent if parent and parent.lower() not in ("parent and branches",) else None,
    )


REGIME_COUNTRY = {
    "Iran (Nuclear)": "IR",
    "Iran": "IR",
    "Democratic People's Republic of Korea": "KP",
    "Syria": "SY",
    "Belarus": "BY",
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _default_country(regimes: tuple[str, ...], names: list[tuple[str, str]]) -> str | None:
    """No address country: the regime's country (Iran, DPRK, Syria, Belarus), or RU for a Russia
    listing with a Cyrillic name; else None (the review lists it)."""
    for r in regimes:
        if r in REGIME_COUNTRY:
            return REGIME_COUNTRY[r]
    if "Russia" in regimes and any(_CYRILLIC.search(n) for _, n in names):
        return "RU"
    return None


def _date(text: str) -> str:
    m = re.match(r"(\d{2})/(\d{2})/(\d{4})", (text or "").strip())
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else ""


def read(files: dict[str, bytes]) -> list[Record]:
    (data,) = files.values()
    rows = Workbook(data).rows(SHEET)
    head_at = next(i for i, r in enumerate(rows) if "Group ID" in r.values())
    head = rows[head_at]
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows[head_at + 1 :]:
        row = {head[k]: v for k, v in r.items() if k in head}
        if row.get("Group ID"):
            groups[row["Group ID"].strip()].append(row)
    return [_record(gid, rows) for gid, rows in groups.items()]


def list_date(data: bytes) -> str:
    """The 'Last Updated' date printed on the first row, as YYYY-MM-DD."""
    first = Workbook(data).rows(SHEET)[0]
    return _date(first.get("B", ""))
