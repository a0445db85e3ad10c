"""METI's End User List workbook (``<date>_4.xlsx``) read into records.

One sheet, one row per entity: ``No.``, country or region (Japanese, then English on the next
line), company or organization name, other names (one per line, each after ``・``), the type
of concern (``B,C,M,N``: biological, chemical, missile, nuclear) and ``CW`` when it is also of
conventional-weapons concern. The list is renumbered in every edition, so the uid is the
country code and a slug of the listed name (``IR:faratech``), stable across editions as long as
the name is; the concern codes (and ``CW``) are the record's sections.
"""

from __future__ import annotations

import re
import unicodedata

from ..ids import slug
from ..listkit.countries import country_of
from ..listkit.names import with_abbreviation
from ..listkit.record import Record, clean
from ..listkit.xlsx import Workbook

_CODES = re.compile(r"\b([BCMN])\b")


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value or "")


def _unwrap(name: str) -> str:
    """'(哈爾浜工業大学)' -> '哈爾浜工業大学': a name the list writes wholly in parentheses."""
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        return clean(name[1:-1])
    return name


def _aliases(cell: str) -> list[str]:
    out = []
    for part in re.split(r"\n|・", _text(cell)):
        out += with_abbreviation(_unwrap(clean(part))) if clean(part) else []
    return out


def read(files: dict[str, bytes]) -> list[Record]:
    (data,) = files.values()
    book = Workbook(data)
    rows = book.rows(next(iter(book.sheets)))
    out: list[Record] = []
    seen: set[str] = set()
    for r in rows[1:]:
        lines = [_unwrap(clean(x)) for x in _text(r.get("C", "")).split("\n") if clean(x)]
        if not lines or not re.match(r"^\s*\d+", r.get("A", "") or ""):
            continue
        country_en = _text(r.get("B", "")).split("\n")[-1].strip()
        country = country_of(country_en)
        names = [("primary", n) for line in lines for n in with_abbreviation(line)]
        names += [("aka", n) for n in _aliases(r.get("D", ""))]
        codes = tuple(dict.fromkeys(_CODES.findall(_text(r.get("E", "")).replace("、", ","))))
        cw = ("CW",) if "CW" in _text(r.get("F", "")) else ()
        uid = f"{country or 'XX'}:{slug(names[0][1])}"
        while uid in seen:
            uid += "-2"
        seen.add(uid)
        out.append(Record(uid=uid, names=list(dict.fromkeys(names)), country=country, programs=codes + cw))
    return out
