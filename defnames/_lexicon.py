"""The curated word tables the matcher reads: legal forms, generic words, descriptors,
demonyms, cities, defense-context words, and the small language tables of the passes
(case endings, joiners, clitics, particles, exchanges, record labels…).

They are edited as YAML in ``reference/lexicon/`` — one file per table, each citing its
sources — and compiled, already folded, into the package's ``_data/lexicon.json``;
:func:`lexicon` loads that file once, on first use. The JSON form of every field is declared
once, by its codec, so adding a table means one field here and one file there.

This module imports nothing from defnames: the tables are data, the folding is the compiler's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from functools import cache, cached_property
from importlib import resources
from typing import Any

__all__ = ["Lexicon", "lexicon"]

Phrase = tuple[str, ...]


def _phrase(s: str) -> Phrase:
    return tuple(s.split())


def _join(p: Phrase) -> str:
    return " ".join(p)


# (from JSON, to JSON) for each kind of table
_CODECS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "phrases": (lambda v: frozenset(_phrase(x) for x in v if x), lambda v: sorted(_join(p) for p in v)),
    "words": (frozenset, sorted),
    "seq": (tuple, list),
    "sorted_seq": (tuple, sorted),
    "map": (dict, lambda v: dict(sorted(v.items()))),
    "raw": (tuple, list),
    "phrase_map": (
        lambda v: {_phrase(k): x for k, x in v.items() if k},
        lambda v: {_join(k): x for k, x in sorted(v.items())},
    ),
    "phrase_sets": (
        lambda v: {_phrase(k): frozenset(x) for k, x in v.items()},
        lambda v: {_join(k): sorted(x) for k, x in sorted(v.items())},
    ),
}


def _table(codec: str, doc: str, default: Any = frozenset(), *, folded: bool = True) -> Any:
    """A table field: ``codec`` is its JSON form; ``folded=False`` tables are only case-folded
    (they are compared with words as written in running text, accents and all)."""
    meta = {"codec": codec, "doc": doc, "folded": folded}
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda: type(default)(), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True, eq=False)  # hashed by identity: it keys caches
class Lexicon:
    """Folded word tables. Phrases are tuples of tokens."""

    legal_end: frozenset[Phrase] = _table("phrases", "legal forms that end a name (plc, GmbH, АО at the end)")
    legal_start: frozenset[Phrase] = _table("phrases", "legal forms that start a name (AO, PJSC, 株式会社 first)")
    legal_countries: dict[Phrase, frozenset[str]] = _table(
        "phrase_sets", "legal form -> countries whose law has it", {}
    )
    generic: frozenset[str] = _table("words", "words that say little about which company (group, company)")
    group_words: frozenset[str] = _table("words", "generic words that name the same company as a group (Group)")
    synonyms: dict[str, str] = _table("map", "spelling variants unified (defense -> defence)", {})
    contractions: dict[Phrase, str] = _table("phrase_map", "spelled-out institution types -> abbreviation", {})
    descriptors: frozenset[Phrase] = _table("phrases", "descriptions around a name (tank maker, Rüstungskonzern)")
    descriptor_suffixes: tuple[str, ...] = _table("sorted_seq", "German compound descriptor endings (-konzern)", ())
    descriptor_stems: frozenset[str] = _table("words", "stems of inflected descriptors (kompanij-, şirket-)")
    government_words: frozenset[str] = _table("words", "words of a government body (ministry, army), in other scripts")
    places: dict[Phrase, str] = _table("phrase_map", "demonyms, country and city names -> ISO code", {})
    place_stems: dict[str, str] = _table("map", "stems of inflected demonyms -> ISO code", {})
    cities: frozenset[Phrase] = _table("phrases", "the places that are towns, not countries")
    locatives: frozenset[str] = _table("words", "words after which a location follows in a name (in, ze, aus)")
    town_prepositions: frozenset[str] = _table(
        "words", "words before a town in running text (in, near, from)", folded=False
    )
    defense_words: frozenset[Phrase] = _table("phrases", "words that say a text is about defense")
    defense_stems: tuple[str, ...] = _table("sorted_seq", "stems of such words (militar*)", ())
    defense_substrings: tuple[str, ...] = _table("sorted_seq", "such words in scripts written without spaces", ())
    ownership: tuple[str, ...] = _table("sorted_seq", "subsidiary words (subsidiary, Tochter*)", ())
    owner_articles: frozenset[str] = _table("words", "articles of 'a Lockheed Martin company'")
    owner_nouns: frozenset[str] = _table("words", "nouns of 'a Lockheed Martin company'")
    joiners: frozenset[str] = _table("words", "words joining names of one joint venture (and, union, merger)")
    named_after: frozenset[str] = _table("words", "'named after' (imeni, имени)")
    named_after_short: frozenset[str] = _table("words", "abbreviations of 'named after' (im., им.)")
    titles: frozenset[str] = _table("words", "titles in a 'named after' tail (akademika, генерала)")
    postpositions: frozenset[str] = _table("words", "case markers written as words after a name (Hindi को)")
    securities: frozenset[Phrase] = _table("phrases", "security classes listings print after a name (Common Stock)")
    name_particles: frozenset[str] = _table("words", "little words inside names (of, de, von, della)")
    initialism_skips: frozenset[str] = _table("words", "words also skipped when initials are derived (and, the)")
    droppable_tails: frozenset[str] = _table("words", "domain words a name may be cut short of (Space)")
    case_endings: frozenset[str] = _table("words", "case and possessive endings of the languages that inflect names")
    clitics: dict[str, str] = _table("map", "one-letter prefixes glued to a name, by script", {})
    glued_country_marks: dict[str, str] = _table("map", "one-character country marks glued before a name (米, 仏)", {})
    glued_places: dict[str, list[str]] = _table("map", "country code -> country words glued before a name (美商)", {})
    glued_descriptors: frozenset[str] = _table("words", "descriptions glued before a name (军工巨头, 防衛大手)")
    glued_particles: frozenset[str] = _table("words", "particles between a glued country and a name (の)")
    sino_korean_descriptors: frozenset[str] = _table("words", "Sino-Korean descriptor words (항공, 중공업)")
    product_nouns: frozenset[str] = _table("words", "weapon nouns after a maker's name (rifle, pistol)")
    object_determiners: frozenset[str] = _table("words", "words before a product, not a company (a, my)", folded=False)
    romance_verb_endings: tuple[str, ...] = _table("seq", "verb endings before Romance 'a' = 'to'", (), folded=False)
    exchanges: dict[str, str] = _table("map", "exchange codes and ticker suffixes -> ISO code", {})
    ticker_suffixes: dict[str, str] = _table("map", "dot suffixes of tickers -> ISO code (.PA, .IS)", {})
    field_labels: tuple[str, ...] = _table(
        "seq", "field labels of sanctions records (Linked To, Address)", (), folded=False
    )
    list_labels: tuple[str, ...] = _table("seq", "names of lists that prefix a record (UN, EU, OFAC)", (), folded=False)
    not_defense: tuple[str, ...] = _table("seq", "well-known names that are not defense companies", ())
    concepts: tuple[dict[str, Any], ...] = _table("raw", "descriptor concepts: token and forms in many languages", ())
    # the text passes' language and script tables (defnames._text), kept as written
    snowball_langs: dict[str, str] = _table("map", "ISO 639-1 code -> Snowball algorithm", {})
    trusted_langs: frozenset[str] = _table("words", "languages whose Snowball stems are trusted", folded=False)
    script_langs: dict[str, str] = _table("map", "script -> stemmer language when no hint is given", {})
    lang_letters: dict[str, str] = _table("map", "language -> letters only it writes", {})
    deinflect_script_langs: dict[str, str] = _table("map", "script -> de-inflection language", {})
    lang_aliases: dict[str, str] = _table("map", "language -> the language whose endings it uses", {})
    hyphen_endings: frozenset[str] = _table("words", "case endings cut after a hyphen (AG-nak)", folded=False)
    deinflect_endings: dict[str, list[list[str]]] = _table("map", "language -> [ending, replacement] rows", {})
    deinflect_langs: tuple[str, ...] = _table("seq", "languages with endings, in the order tried", (), folded=False)
    deinflect_prefixes: dict[str, list[list[str]]] = _table("map", "language -> [clitic prefix, replacement]", {})
    script_blocks: dict[str, list[list[int]]] = _table("map", "script -> code point ranges [first, last]", {})
    skeleton_rules: dict[str, Any] = _table(
        "map", "consonant-skeleton rewrites: script_pre, script_post, latin, variants", {}
    )
    consonant_classes: dict[str, str] = _table("map", "skeleton class -> the letters it holds", {})
    concept_clitics: dict[str, list[str]] = _table("map", "language -> clitic prefixes added to concept forms", {})
    place_adjective_endings: tuple[str, ...] = _table(
        "seq", "romanized Slavic place-adjective endings (-skiy)", (), folded=False
    )
    genitive_endings: tuple[str, ...] = _table(
        "seq", "romanized genitive endings of a person's name (-ogo)", (), folded=False
    )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lexicon:
        """Build from the compiled dictionary (see ``tools/compile_reference.py``)."""
        values = {f.name: _CODECS[f.metadata["codec"]][0](data[f.name]) for f in fields(cls) if f.name in data}
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """The compiled dictionary, every table in a stable order."""
        return {f.name: _CODECS[f.metadata["codec"]][1](getattr(self, f.name)) for f in fields(self)}

    @cached_property
    def legal_max(self) -> int:
        """Words in the longest legal form."""
        return max((len(p) for p in self.legal_end | self.legal_start), default=1)

    @cached_property
    def vague_words(self) -> frozenset[str]:
        """Generic words and one-word descriptors: a name made only of these is vague."""
        return self.generic | {d[0] for d in self.descriptors if len(d) == 1}

    @cached_property
    def places_max(self) -> int:
        """Words in the longest place phrase."""
        return max((len(p) for p in self.places), default=1)

    @cached_property
    def field_label_re(self) -> re.Pattern[str]:
        """A sanctions record's field labels and what follows them ("Linked To: …")."""
        labels = "|".join(re.escape(x).replace(r"\ ", r"\s*") for x in self.field_labels) or "(?!)"
        return re.compile(rf"\s*\b(?:{labels})\s*:.*$", re.IGNORECASE | re.DOTALL)

    @cached_property
    def list_label_re(self) -> re.Pattern[str]:
        """A list's name and "Name (1):" before a record ("EU Annex IV: …", "UN list: …, Name:")."""
        lists = "|".join(re.escape(x) for x in self.list_labels) or "(?!)"
        return re.compile(
            rf"^\s*(?:(?:{lists})\b[^:]{{0,40}}:\s*)?(?:[^:]{{0,30}}?\bName\s*(?:\(\d\))?\s*:\s*)?", re.IGNORECASE
        )

    def is_ownership_word(self, word: str) -> bool:
        """'subsidiary', 'Tochter', 'filiale': the mention names a subsidiary through its owner."""
        exact, stems = self._ownership_sets
        return word in exact or word.startswith(stems)

    @cached_property
    def contraction_starts(self) -> frozenset[str]:
        """First words of the spelled-out phrases: a cheap test before looking for them."""
        return frozenset(p[0] for p in self.contractions)

    @cached_property
    def contraction_max(self) -> int:
        """Words in the longest spelled-out phrase."""
        return max((len(p) for p in self.contractions), default=1)

    @cached_property
    def cjk_forms(self) -> tuple[str, ...]:
        """Legal forms in scripts written without spaces (株式会社, 有限公司), longest first:
        they are glued to the name and must be cut off inside a word."""
        forms = {
            p[0]
            for p in self.legal_end | self.legal_start
            if len(p) == 1 and not p[0].isascii() and all(ord(c) >= 0x3000 for c in p[0])
        }
        return tuple(sorted(forms, key=len, reverse=True))

    @cached_property
    def legal_edges(self) -> tuple[frozenset[str], frozenset[str]]:
        """Last words of legal forms that end a name, first words of those that start one."""
        return frozenset(p[-1] for p in self.legal_end), frozenset(p[0] for p in self.legal_start)

    @cached_property
    def place_starts(self) -> dict[str, int]:
        """First word of every place phrase -> the longest phrase it starts (for fast scans)."""
        return _starts(self.places)

    @cached_property
    def descriptor_starts(self) -> dict[str, int]:
        """First word of every descriptor phrase -> the longest phrase it starts."""
        return _starts(self.descriptors)

    @cached_property
    def _stem_memo(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def _ownership_sets(self) -> tuple[frozenset[str], tuple[str, ...]]:
        return (
            frozenset(w for w in self.ownership if not w.endswith("*")),
            tuple(w[:-1] for w in self.ownership if w.endswith("*")),
        )

    def stem_country(self, word: str) -> str | None:
        """The country of an inflected demonym by its stem: 'německé' -> DE, 'российского' -> RU."""
        return _stem_country(self, word)

    def with_places(self, extra: dict[tuple[str, ...], str]) -> Lexicon:
        """A copy that also knows these city phrases (existing places win)."""
        new = {k: v for k, v in extra.items() if k and k not in self.places}
        if not new:
            return self
        return replace(self, places={**self.places, **new}, cities=self.cities | frozenset(new))

    def countries_of_legal_forms(self, forms: list[str]) -> frozenset[str]:
        """Countries whose law has all of these legal forms (empty when they say nothing)."""
        found: frozenset[str] | None = None
        for f in forms:
            cs = self.legal_countries.get(tuple(f.split()))
            if cs:
                found = cs if found is None else found & cs
        return found or frozenset()


def _starts(phrases: Iterable[tuple[str, ...]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in phrases:
        out[p[0]] = max(out.get(p[0], 0), len(p))
    return out


def _stem_country(lex: Lexicon, word: str) -> str | None:
    cache = lex._stem_memo
    if word in cache:
        return cache[word]
    found = None
    if len(word) >= 2:
        for n in range(len(word), 1, -1):  # longest stem first
            code = lex.place_stems.get(word[:n])
            if code:
                found = code
                break
    if len(cache) > 50_000:
        cache.clear()
    cache[word] = found
    return found


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    raw = resources.files("defnames").joinpath("_data/lexicon.json").read_text(encoding="utf-8")
    return Lexicon.from_json(json.loads(raw))
