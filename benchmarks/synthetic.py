"""Plausible synthetic company registries for the scale benchmarks (not a test fixture).

Names are built the way real defense-industry names are: an invented stem that reads like a
brand ("Korvant", "Heliaris") plus descriptors ("Defence Systems", "Marine"), legal forms
("GmbH", "S.p.A."), sometimes a country ("Korvant Poland"); native-script aliases in
Cyrillic, Greek, Chinese, Japanese katakana, Korean and Arabic are transliterated from the
stem's syllables, so each script spelling belongs to one entity only. A fifth of the entities
are subsidiaries of an earlier one, named after the parent with a country; a few are merged
into a successor with a former name. Every stem is used by one entity family only, so the
registry checks pass (no undeclared shared names).

    from synthetic import make_entities, write_jsonl, write_csv
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

ONSETS = [
    "b",
    "br",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "z",
    "ch",
    "sh",
    "th",
    "vr",
]
VOWELS = ["a", "e", "i", "o", "u", "ia", "ei", "au", "y"]
CODAS = ["", "", "n", "r", "s", "x", "l", "nt", "rk", "m", "v"]
DESCRIPTORS = [
    "Defence",
    "Defense Systems",
    "Aerospace",
    "Marine",
    "Electronics",
    "Dynamics",
    "Ordnance",
    "Shipyard",
    "Avionics",
    "Land Systems",
    "Munitions",
    "Optronics",
    "Technologies",
    "Industries",
    "Engineering",
    "Space",
    "Armour",
    "Propulsion",
    "Simulation",
    "Security",
    "Naval Systems",
    "Composites",
    "Precision",
    "Robotics",
    "Sensors",
    "Communications",
    "Missiles",
    "Helicopters",
]
LEGAL = {
    "DE": "GmbH",
    "FR": "SAS",
    "IT": "S.p.A.",
    "GB": "Ltd",
    "US": "Inc.",
    "SE": "AB",
    "PL": "Sp. z o.o.",
    "ES": "S.A.",
    "NL": "B.V.",
    "NO": "AS",
    "FI": "Oy",
    "CZ": "a.s.",
    "TR": "A.Ş.",
    "KR": "Co., Ltd.",
    "JP": "K.K.",
    "RU": "AO",
    "UA": "TOV",
    "GR": "S.A.",
    "IL": "Ltd",
    "IN": "Pvt Ltd",
    "BR": "Ltda",
    "CN": "Co., Ltd.",
    "AE": "LLC",
    "SA": "LLC",
}
COUNTRY_NAMES = {
    "DE": "Germany",
    "FR": "France",
    "IT": "Italia",
    "GB": "UK",
    "US": "USA",
    "SE": "Sweden",
    "PL": "Polska",
    "ES": "España",
    "NL": "Nederland",
    "NO": "Norge",
    "FI": "Finland",
    "CZ": "Czech",
    "TR": "Türkiye",
    "KR": "Korea",
    "JP": "Japan",
    "RU": "Rus",
    "UA": "Ukraine",
    "GR": "Hellas",
    "IL": "Israel",
    "IN": "India",
    "BR": "Brasil",
    "CN": "China",
    "AE": "Emirates",
    "SA": "Arabia",
}
CITIES = [
    "Brno",
    "Toulouse",
    "Kassel",
    "Linköping",
    "Turin",
    "Bristol",
    "Huntsville",
    "Gdańsk",
    "Ankara",
    "Changwon",
    "Nagoya",
    "Kharkiv",
    "Pune",
    "Haifa",
    "São José dos Campos",
    "Abu Dhabi",
    "Tampere",
]

_CYR = {
    "a": "а",
    "b": "б",
    "c": "к",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "и",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "v": "в",
    "x": "кс",
    "y": "ы",
    "z": "з",
}
_GRK = {
    "a": "α",
    "b": "β",
    "c": "κ",
    "d": "δ",
    "e": "ε",
    "f": "φ",
    "g": "γ",
    "h": "χ",
    "i": "ι",
    "k": "κ",
    "l": "λ",
    "m": "μ",
    "n": "ν",
    "o": "ο",
    "p": "π",
    "r": "ρ",
    "s": "σ",
    "t": "τ",
    "u": "υ",
    "v": "β",
    "x": "ξ",
    "y": "υ",
    "z": "ζ",
}
_CJK = "安宝北成德东飞丰钢国航和华辉佳建江金凯科兰雷力龙美明南诺鹏强瑞盛泰天通威鑫星兴雅云泽振中卓"
_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ"
_HANGUL = "가나다라마바사아자차카타파하고노도로모보소오조코토포호구누두루무부수우주쿠투푸후"
_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _key(name: str) -> str:
    """The registry's own name key, so that generated names never clash."""
    from defnames._lexicon import lexicon
    from defnames._text.keys import name_key

    return name_key(name, lexicon())


def _packaged_keys() -> set[str]:
    import defnames

    return {_key(x) for e in defnames.registry().entities for x in e.all_names()}


def _translit(s: str, table: dict[str, str]) -> str:
    out = "".join(table.get(c, c) for c in s.lower())
    return out[:1].upper() + out[1:]


def _syllabic(syllables: list[int], alphabet: str) -> str:
    return "".join(alphabet[i % len(alphabet)] for i in syllables)


def _stems(n: int, rng: random.Random) -> list[tuple[str, list[int]]]:
    """``n`` distinct brand-like stems with their syllable numbers (for the syllabic scripts)."""
    seen: set[str] = set()
    out = []
    while len(out) < n:
        k = rng.choice((2, 2, 3, 3, 4))
        parts = [(rng.randrange(len(ONSETS)), rng.randrange(len(VOWELS))) for _ in range(k)]
        coda = rng.choice(CODAS)
        word = "".join(ONSETS[o] + VOWELS[v] for o, v in parts) + coda
        if word in seen or len(word) < 5:
            continue
        seen.add(word)
        out.append((word.capitalize(), [o * len(VOWELS) + v for o, v in parts]))
    return out


def _native(stem: str, syl: list[int], c: str, desc: str, r: float) -> list[str]:
    """At most one native-script alias, chosen by ``r`` (about half the companies get one)."""
    if r < 0.15:
        return [_translit(stem, _CYR) if c in ("RU", "UA") else f"{_translit(stem, _CYR)} {desc}"]
    for upto, make in (
        (0.25, lambda: _translit(stem, _GRK)),
        (0.35, lambda: _syllabic(syl, _CJK) + "公司"),
        (0.42, lambda: _syllabic(syl, _KANA)),
        (0.50, lambda: _syllabic(syl, _HANGUL)),
        (0.55, lambda: "شركة " + _syllabic(syl, _ARABIC)),
    ):
        if r < upto:
            return [make()]
    return []


def _company(stem: str, syl: list[int], rng: random.Random, used: set[str]) -> dict[str, Any]:
    c = rng.choice(list(LEGAL))
    desc = rng.sample(DESCRIPTORS, rng.choice((1, 1, 2)))
    name = f"{stem} {' '.join(desc)}"
    eid = "-".join(name.lower().split())
    rec: dict[str, Any] = {
        "id": eid,
        "name": name,
        "country": c,
        "legal_name": f"{name} {LEGAL[c]}",
        "sources": [f"https://example.org/{eid}"],
    }
    aliases = [a for a in _native(stem, syl, c, desc[0], rng.random()) if _key(a) and _key(a) not in used]
    used.update(_key(a) for a in aliases)
    if rng.random() < 0.3:
        aliases.append(f"{stem} {COUNTRY_NAMES[c]} {desc[0]}")
    if aliases:
        rec["aliases"] = aliases
    if rng.random() < 0.3:
        rec["city"] = rng.choice(CITIES)
    if rng.random() < 0.05:
        rec["former_names"] = [{"name": f"{stem} Werke", "until": rng.randrange(1990, 2024)}]
    return rec


def make_entities(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` entity records (plain dictionaries in the registry's schema)."""
    rng = random.Random(seed)
    fam_iter = iter(_stems(n + 10, rng))
    out: list[dict[str, Any]] = []
    tops: list[dict[str, Any]] = []
    subs: set[str] = set()
    # native-script keys already taken (short transliterations collide, also with real names: ナモ is Nammo)
    used = _packaged_keys()
    while len(out) < n:
        if tops and rng.random() < 0.2:  # a subsidiary: the parent's name with a country
            parent = rng.choice(tops)
            c = rng.choice(list(LEGAL))
            name, eid = f"{parent['name']} {COUNTRY_NAMES[c]}", f"{parent['id']}-{c.lower()}"
            if eid not in subs:
                subs.add(eid)
                out.append(
                    {
                        "id": eid,
                        "name": name,
                        "kind": "subsidiary",
                        "country": c,
                        "parent": parent["id"],
                        "legal_name": f"{name} {LEGAL[c]}",
                        "sources": [f"https://example.org/{eid}"],
                    }
                )
            continue
        rec = _company(*next(fam_iter), rng, used)
        out.append(rec)
        tops.append(rec)
    # a few mergers: the absorbed company keeps its record, pointing at a successor
    for rec in rng.sample(tops, max(1, n // 100)):
        succ = rng.choice(tops)
        if succ["id"] != rec["id"] and succ.get("status") != "merged":
            rec.update(status="merged", successor=succ["id"], until=rng.randrange(1995, 2024))
    return out


def write_jsonl(entities: list[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for e in entities:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    return path


def write_csv(entities: list[dict[str, Any]], path: Path) -> Path:
    """One row per entity; list fields ``|``-separated, ``former_names`` as JSON."""
    cols = [
        "id",
        "name",
        "legal_name",
        "kind",
        "country",
        "city",
        "parent",
        "aliases",
        "former_names",
        "status",
        "successor",
        "until",
        "sources",
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for e in entities:
            row = []
            for c in cols:
                v = e.get(c)
                if v is None:
                    row.append("")
                elif c == "former_names":
                    row.append(json.dumps(v, ensure_ascii=False))
                elif isinstance(v, list):
                    row.append("|".join(v))
                else:
                    row.append(str(v))
            w.writerow(row)
    return path
