"""The MOF workbook (``shisantouketsu<date>.xlsx``) read into records.

One sheet per regime; the sheets of *entities* (団体) read here are listed in
:data:`SECTIONS` (individuals' sheets and the "specified banks" sheets are not read). Each
sheet has a title, then a header row (告示日付 date of the notice, 告示番号 its number in the
section, 日本語表記 Japanese name, 英語表記 English name, 別称・旧称 other and former names,
所在地 address, その他の情報 other information) and one row per entity. Other names come in
three styles: ``（別称、Ａ、Ｂ及びＣ）`` + ``(a.k.a. X; a.k.a. Y)``, ``Ａ; Ｂ`` + ``X; Y``, and
``（別称）Ａ；Ｂ`` / ``（旧称）Ｃ`` blocks with the English on the next line.

The uid is the section code and the notice number (``RU:26``): MOF renumbers the sheets when
it adds a regime, but not the entries inside a section.
"""

from __future__ import annotations

import re
import unicodedata

from ..countries import iso2
from ..listkit.names import split_aka, with_abbreviation
from ..listkit.record import Record, clean, script
from ..listkit.xlsx import Workbook

# normalized sheet title (number prefix dropped) -> (section code, default country)
SECTIONS: dict[str, tuple[str, str | None]] = {
    "ロシア連邦(団体(特定銀行を除く))": ("RU", "RU"),
    "ベラルーシ(団体(特定銀行を除く))": ("BY", "BY"),
    "ロシア及びベラルーシ以外(団体(特定銀行を除く))": ("OTHER", None),
    "クリミア等(団体)": ("CRIMEA", "UA"),
    "北朝鮮(決議1718号等;団体)": ("KP-UN", "KP"),
    "北朝鮮(協調;団体)": ("KP", "KP"),
    "イラン(団体)": ("IR", "IR"),
    "シリア(団体)": ("SY", "SY"),
}
HEADERS = {
    "告示日付": "date",
    "告示番号": "number",
    "日本語表記": "ja",
    "英語表記": "en",
    "別称": "aliases",
    "所在地": "address",
    "その他の情報": "other",
}
_NUMBER = re.compile(r"^[*#]?(\d+)")
_NOTE = re.compile(r"\(\(\d+\)に指定した団体\)")  # "(entity designated under (18))"
_DATE = re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})")


def section_of(sheet_name: str) -> tuple[str, str | None] | None:
    key = re.sub(r"^\d+\.", "", "".join(unicodedata.normalize("NFKC", sheet_name).split()))
    return SECTIONS.get(key)


def _columns(row: dict[str, str]) -> dict[str, str] | None:
    cols = {}
    for col, text in row.items():
        t = "".join(unicodedata.normalize("NFKC", text).split())
        for head, field in HEADERS.items():
            if head in t and field not in cols:
                cols[field] = col
    return cols if {"number", "ja", "en"} <= set(cols) else None


def _balanced(text: str) -> str:
    """A cleaned name without an unmatched parenthesis at either end."""
    t = clean(text)
    while t.endswith(")") and t.count(")") > t.count("("):
        t = clean(t[:-1])
    while t.startswith("(") and t.count("(") > t.count(")"):
        t = clean(t[1:])
    return t


def _logical_lines(text: str) -> list[str]:
    """The cell's lines, a line with an unclosed '(' joined with the next ones."""
    out: list[str] = []
    for raw in unicodedata.normalize("NFKC", text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def other_names(text: str) -> list[tuple[str, str]]:
    """The 別称・旧称 cell split into (aka|fka, name), Japanese and English alike."""
    out: list[tuple[str, str]] = []
    kind = "aka"
    last_count = 0
    for line in _logical_lines(text):
        enumerated = False
        line = _NOTE.sub("", line)
        m = re.match(r"^\((別称|旧称)([、:]|\))?", line)
        if m:
            kind = "fka" if m.group(1) == "旧称" else "aka"
            enumerated = m.group(2) in ("、", ":")
            line = line[m.end() :]
            if enumerated and line.endswith(")"):
                line = line[:-1]
        elif line.startswith("(") and line.endswith(")") and line.count("(") == 1:
            line = line[1:-1]
        if re.search(r"[afn]\.\s?k\.\s?a", line, re.I):
            out += [(k, _balanced(n)) for k, n in split_aka(line) if _balanced(n)]
        elif script(line) == "cjk":
            parts = [_balanced(p) for p in re.split(r"[;、]|及び" if enumerated else r"[;、]", line) if _balanced(p)]
            last_count = len(parts)
            for p in parts:
                if p in ("別称", "旧称"):
                    kind = "fka" if p == "旧称" else "aka"
                else:
                    out.append((kind, p))
        else:
            parts = [_balanced(p) for p in line.split(";") if _balanced(p)]
            if len(parts) == 1 and last_count > 1 and len(line.split(", ")) == last_count:
                parts = [clean(p) for p in line.split(", ") if clean(p)]
            out += [(kind, p) for p in parts]
    return out


def _country(address: str, default: str | None) -> str | None:
    codes = []
    for part in re.split(r"[;\n]", unicodedata.normalize("NFKC", address or "")):
        tail = part.strip().rstrip(".").split(",")[-1].strip()
        code = iso2(tail) if tail and script(tail) == "latin" else None
        if code:
            codes.append(code)
    if codes:
        return max(dict.fromkeys(codes), key=codes.count)
    return default


def _date(text: str) -> str:
    m = _DATE.match(unicodedata.normalize("NFKC", text or "").strip())
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else ""


def read(files: dict[str, bytes]) -> list[Record]:
    (data,) = files.values()
    book = Workbook(data)
    out: list[Record] = []
    for sheet in book.sheets:
        section = section_of(sheet)
        if section is None:
            continue
        code, default = section
        cols = None
        seen: set[str] = set()
        for row in book.rows(sheet):
            if cols is None:
                cols = _columns(row)
                continue
            number = _NUMBER.match(unicodedata.normalize("NFKC", row.get(cols["number"], "")).strip())
            ja = clean(row.get(cols["ja"], ""))
            en = clean(row.get(cols["en"], ""))
            if not number or not (ja or en):
                continue
            uid = f"{code}:{number.group(1)}"
            while uid in seen:
                uid += "+"
            seen.add(uid)
            names: list[tuple[str, str]] = []
            for n in (en, ja):
                if n:
                    names += [("primary", x) for x in with_abbreviation(n)]
            others = other_names(row.get(cols.get("aliases", ""), ""))
            names += [(k, x) for k, n in others for x in with_abbreviation(n)]
            out.append(
                Record(
                    uid=uid,
                    names=list(dict.fromkeys(names)),
                    country=_country(row.get(cols.get("address", ""), ""), default),
                    programs=(code,),
                    listed_on=_date(row.get(cols.get("date", ""), "")),
                )
            )
    return out
