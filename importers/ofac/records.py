"""OFAC's CSV files read into :class:`Listed` records.

``sdn.csv`` has one row per listing: ``ent_num, name, type, programs, title, call sign,
vessel type, tonnage, GRT, vessel flag, vessel owner, remarks`` (``-0-`` marks an empty
field; type is empty for entities). ``alt.csv`` holds the other names (``ent_num, alt_num,
type, name, remarks``; type is aka, fka or nka) and ``add.csv`` the addresses
(``ent_num, add_num, address, city/state/postal code, country, remarks``). The files end
with a DOS end-of-file byte (0x1A).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ..countries import iso2
from .remarks import Remarks, parse_remarks

EMPTY = "-0-"


def _clean(value: str) -> str:
    v = value.strip()
    return "" if v == EMPTY else v


@dataclass
class Listed:
    """One SDN listing with its other names and addresses."""

    uid: str
    name: str
    sdn_type: str  # "" for an entity, else individual / vessel / aircraft
    programs: list[str]
    remarks: Remarks
    other_names: list[tuple[str, str]] = field(default_factory=list)  # (aka|fka|nka, name)
    address_countries: list[str] = field(default_factory=list)  # as written, in file order

    @property
    def is_entity(self) -> bool:
        return self.sdn_type == ""

    def all_names(self) -> list[str]:
        """The primary name, then every a.k.a./f.k.a. from alt.csv and the remarks, deduplicated."""
        names = [self.name, *(n for _, n in self.other_names), *(n for _, n in self.remarks.other_names)]
        return list(dict.fromkeys(n for n in names if n))

    def countries(self) -> list[str]:
        """ISO codes of the address countries, most frequent first (file order breaks ties)."""
        codes = [c for c in (iso2(x) for x in self.address_countries) if c]
        return sorted(dict.fromkeys(codes), key=lambda c: -codes.count(c))


def _rows(text: str) -> list[list[str]]:
    text = text.replace("\x1a", "")
    return [r for r in csv.reader(io.StringIO(text)) if r and r[0].strip().isdigit()]


def read_listings(sdn: str, alt: str = "", add: str = "") -> list[Listed]:
    """Parse the three CSV texts into listings, in ``sdn.csv`` order."""
    out: dict[str, Listed] = {}
    for r in _rows(sdn):
        r = [*r, *[""] * (12 - len(r))]
        uid = r[0].strip()
        programs = [p.strip() for p in _clean(r[3]).replace("] [", "|").split("|") if p.strip()]
        out[uid] = Listed(uid, _clean(r[1]), _clean(r[2]).lower(), programs, parse_remarks(_clean(r[11])))
    for r in _rows(alt):
        if len(r) >= 4 and r[0].strip() in out and _clean(r[3]):
            kind = _clean(r[2]).lower().replace(".", "") or "aka"
            out[r[0].strip()].other_names.append((kind, _clean(r[3])))
    for r in _rows(add):
        if len(r) >= 5 and r[0].strip() in out and _clean(r[4]):
            out[r[0].strip()].address_countries.append(_clean(r[4]))
    return list(out.values())


def orphan_uids(sdn: str, other: str) -> int:
    """How many uids of ``other`` (alt.csv or add.csv) have no row in ``sdn``."""
    ids = {r[0].strip() for r in _rows(sdn)}
    return len({r[0].strip() for r in _rows(other)} - ids)
