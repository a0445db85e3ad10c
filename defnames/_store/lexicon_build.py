"""Building the lexicon from ``reference/lexicon/``: one YAML file per table (or a few tables
that belong together), every word folded exactly as names and mentions are folded.

Each file holds ``table_name: values`` at its top level, a header comment saying what the
table is for and its sources. How a table's values are folded is declared by the kind of the
:class:`~defnames._lexicon.Lexicon` field it fills; the few tables that are built from
others (legal forms, places, defense words) have their own builder below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

from defnames._countries import country_names
from defnames._lexicon import Lexicon, Phrase
from defnames._store.sources import yaml_load
from defnames._text.fold import fold

__all__ = ["build_lexicon", "lexicon_files"]

# tables built by their own function below, from these files
_BUILT = {"legal_forms", "places", "defense_words"}


def lexicon_files(folder: Path) -> list[Path]:
    """The lexicon's source files, in a stable order."""
    return sorted(folder.glob("*.yml"))


def _read(folder: Path) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for path in lexicon_files(folder):
        data = yaml_load(path.read_text(encoding="utf-8"))
        if path.stem in _BUILT or path.stem in ("not_defense", "concepts"):
            tables[path.stem] = data
        else:
            tables.update(data or {})
    return tables


class _Folder:
    """Folds table values the way names are folded, synonyms applied to phrases."""

    def __init__(self, synonyms: dict[str, str]) -> None:
        self.synonyms = synonyms

    def phrase(self, s: str) -> Phrase:
        return tuple(self.synonyms.get(t, t) for t in fold(s).split())

    def word(self, s: str) -> str:
        return " ".join(self.phrase(s))

    def value(self, codec: str, raw: Any, folded: bool) -> Any:
        one: Callable[[str], str] = self.word if folded else str.casefold
        fold_map: dict[str, Callable[[Any], Any]] = {
            "phrases": lambda v: frozenset(self.phrase(x) for x in v),
            "words": lambda v: frozenset(one(x) for x in _flat(v)),
            "seq": lambda v: tuple(one(x) for x in v),
            "sorted_seq": lambda v: tuple(sorted({one(x) for x in v})),
            "map": lambda v: dict(v),
        }
        return fold_map[codec](raw)


def _flat(v: Any) -> list[str]:
    """A list, or a mapping of lists (a table grouped by language)."""
    if isinstance(v, dict):
        return [x for items in v.values() for x in items]
    return list(v)


def _legal_forms(forms: list[dict[str, Any]], f: _Folder) -> dict[str, Any]:
    end, start = set(), set()
    countries: dict[Phrase, set[str]] = {}
    for item in forms:
        p = f.phrase(item["form"])
        countries.setdefault(p, set()).update(c for c in item.get("countries", []) if len(c) == 2 and c != "EU")
        pos = item.get("position", "end")
        if pos in ("end", "any"):
            end.add(p)
        if pos in ("start", "any"):
            start.add(p)
    return {
        "legal_end": frozenset(end),
        "legal_start": frozenset(start),
        "legal_countries": {k: frozenset(v) for k, v in countries.items() if v},
    }


def _places(places: dict[str, Any], cldr: dict[str, list[str]], f: _Folder) -> dict[str, Any]:
    """Demonyms and cities by hand first, then the CLDR country names (a clash keeps the first)."""
    place_map: dict[Phrase, str] = {}
    for code, names in places["demonyms"].items():
        for n in [*names, *country_names(code)]:
            place_map.setdefault(f.phrase(n), code)
    cities = set()
    for code, names in places["cities"].items():
        for n in names:
            place_map.setdefault(f.phrase(n), code)
            cities.add(f.phrase(n))
    for code, names in cldr.items():
        for n in names:
            if (key := f.phrase(n)) and key not in cities:
                place_map.setdefault(key, code)
    stems = {fold(stem): code for code, items in places.get("stems", {}).items() for stem in items}
    return {"places": place_map, "place_stems": stems, "cities": frozenset(c for c in cities if place_map.get(c))}


def _defense_words(words: dict[str, Any], f: _Folder) -> dict[str, Any]:
    stems, plain = [], set()
    for w in words["defense_words"]:
        if w.endswith("*"):
            stems.append(fold(w[:-1]))
        else:
            plain.add(f.phrase(w))
    return {"defense_words": frozenset(plain), "defense_stems": tuple(sorted(set(stems)))}


def _exchanges(tables: dict[str, Any]) -> dict[str, Any]:
    by_code = {code: country for country, codes in tables.pop("exchanges", {}).items() for code in codes}
    return {"exchanges": by_code, "ticker_suffixes": {**by_code, **tables.pop("ticker_suffixes", {})}}


def build_lexicon(folder: Path) -> Lexicon:
    """Every table of ``folder`` folded into a :class:`Lexicon`."""
    tables = _read(folder)
    synonyms = {fold(k): fold(v) for k, v in tables.pop("synonyms", {}).items()}
    f = _Folder(synonyms)
    values: dict[str, Any] = {"synonyms": synonyms}
    values |= _legal_forms(tables.pop("legal_forms"), f)
    values |= _places(tables.pop("places"), tables.pop("cldr_countries", None) or {}, f)
    values |= _defense_words(tables.pop("defense_words"), f)
    values |= _exchanges(tables)
    values["not_defense"] = tuple(sorted(set(tables.pop("not_defense") or [])))
    values["concepts"] = tuple(tables.pop("concepts", None) or ())
    values["contractions"] = {
        f.phrase(p): fold(abbr) for abbr, ps in tables.pop("contractions", {}).items() for p in ps
    }
    values["ownership"] = tuple(
        sorted(fold(w.rstrip("*")) + ("*" * w.endswith("*")) for w in tables.pop("ownership", []))
    )
    values["defense_substrings"] = tuple(
        sorted({fold(w).replace(" ", "") for w in tables.pop("defense_substrings", [])})
    )
    kinds = {fld.name: fld.metadata for fld in fields(Lexicon)}
    for name, raw in tables.items():
        if name not in kinds:
            raise ValueError(f"reference/lexicon: unknown table {name!r}")
        values[name] = f.value(kinds[name]["codec"], raw, kinds[name]["folded"])
    if "generic" in values:  # generic words are compared after synonyms
        values["generic"] = frozenset(synonyms.get(w, w) for w in values["generic"])
    return Lexicon(**values)
