"""Step 2b: the name index — every name of every entity under its comparison key.

Exact hits are dictionary look-ups (``by_key``, ``by_compact``); fuzzy candidates come from a
character-trigram inverted index weighted by rarity, so only a shortlist is ever scored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from defnames._gc import paused_gc
from defnames._index.shortlist import TrigramIndex
from defnames._index.tickers import TickerIndex
from defnames._lexicon import Lexicon, lexicon
from defnames._text.concepts import ConceptTable, concept_key
from defnames._text.keymemo import KeyMemo
from defnames._text.keys import compact, full_key, name_key
from defnames._text.scripts import has_cjk
from defnames._text.skeleton import skeleton_variants
from defnames.models import Entity, NameKind

__all__ = [
    "MIN_SKELETON",
    "NameEntry",
    "NameIndex",
    "NameVariants",
    "VariantKeys",
    "entry_rows",
    "name_variants",
    "specific_concept_key",
    "without_legal_forms",
    "word_prefixes",
]


def word_prefixes(key: str) -> tuple[str, ...]:
    """The first four letters of each word of a key.

    >>> word_prefixes("концерн калашников")
    ('конц', 'кала')
    """
    return tuple(w[:4] for w in key.split())


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One name of one entity, as indexed."""

    entity_id: str
    name: str
    key: str
    kind: NameKind
    until: int | None = None
    weak: bool = False
    translit: bool = False
    vague: bool = False  # weak only because it is made of generic words ("Naval Group")

    @property
    def current(self) -> bool:
        return self.kind is not NameKind.former_name


def _entries(e: Entity, lex: Lexicon, keys: KeyMemo) -> Iterable[NameEntry]:
    weak_keys = {keys.key(w) for w in e.weak_aliases}
    named: list[tuple[str, NameKind, int | None]] = [(e.name, NameKind.name, None)]
    if e.legal_name:
        named.append((e.legal_name, NameKind.legal_name, None))
    named += [(a, NameKind.alias, None) for a in e.aliases]
    named += [(w, NameKind.weak_alias, None) for w in e.weak_aliases]
    named += [(f.name, NameKind.former_name, f.until) for f in e.former_names]
    vague = lex.vague_words
    # a weak alias in another script is weak in its transliteration too, but only there: 남모
    # (weak) reads "nammo", and the company's own name Nammo is not made weak by it
    weak_translit = {keys.translit(k) for k in weak_keys}

    def is_weak(key: str, translit: bool = False) -> tuple[bool, bool]:
        # declared, or three letters or fewer (CBC, USC, HAL), or made only of generic words
        # ("Military Industry"); the second flag: weak for the last reason only
        declared = key in weak_keys or (translit and key in weak_translit)
        declared_or_short = declared or len(compact(key)) <= 3
        generic = all(t in vague for t in key.split())
        return declared_or_short or generic, generic and not declared_or_short

    written = {keys.key(n) for n, kind, _ in named if kind is not NameKind.weak_alias}
    for name, kind, until in named:
        key = keys.key(name)
        if len(compact(key)) < 2 and not has_cjk(key):
            continue
        weak, only_generic = is_weak(key)
        yield NameEntry(e.id, name, key, kind, until, weak, vague=only_generic)
        tkey = keys.translit(key)
        if len(compact(tkey)) >= 3 and tkey != key:
            weak, only_generic = is_weak(tkey, translit=kind is NameKind.weak_alias or key in weak_keys)
            if weak and tkey in written:
                continue  # the entity writes that key itself, as a name that is not weak
            yield NameEntry(e.id, name, tkey, kind, until, weak, translit=True, vague=only_generic)


def initialism(key: str, lex: Lexicon) -> str | None:
    """Initials of a multi-word name, skipping little words: 'israel aerospace industries' -> 'iai'."""
    words = [w for w in key.split() if w not in lex.name_particles and w not in lex.initialism_skips]
    if len(words) < 3 or not all(w.isascii() and w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words)


def _names_by_key(entities: list[Entity], lex: Lexicon, keys: KeyMemo) -> dict[str, list[NameEntry]]:
    """Every name of every entity under its key (one entry per entity, key and kind)."""
    by_key: dict[str, list[NameEntry]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for e in entities:
        for entry in _entries(e, lex, keys):
            sig = (entry.entity_id, entry.key, entry.kind)
            if sig not in seen:
                seen.add(sig)
                by_key[entry.key].append(entry)
    return by_key


def _everyday(ini: str, lex: Lexicon) -> bool:
    """An initialism that is a word of the lexicon's tables ("the" of Triavre Helicopters
    Engineering, "and", "for", "in"): every sentence would name the company."""
    return (
        (ini,) in lex.descriptors
        or ini in lex.vague_words
        or ini in lex.town_prepositions
        or (ini,) in lex.legal_end
        or (ini,) in lex.places
    )


def _add_initialisms(by_key: dict[str, list[NameEntry]], entities: list[Entity], lex: Lexicon, keys: KeyMemo) -> None:
    """Derived initialisms (KMW, IAI, HII) fill gaps only: never over a real name, and only
    when one entity's names give them."""
    derived: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in entities:
        for name in (e.name, e.legal_name):
            ini = initialism(keys.key(name), lex) if name else None
            if ini and ini not in by_key and not _everyday(ini, lex):
                derived[ini].add((e.id, name or ""))
    for ini, owners in derived.items():
        if len({i for i, _ in owners}) == 1:
            eid, name = sorted(owners)[0]
            by_key[ini].append(NameEntry(eid, name, ini, NameKind.acronym, None, weak=True))


def _rekey_subsidiaries(by_key: dict[str, list[NameEntry]], by_id: dict[str, Entity], keys: KeyMemo) -> None:
    """A subsidiary whose name equals its parent's but for the legal form ("BAE Systems,
    Inc." under "BAE Systems plc") is found by its full name, legal form included."""
    for key, entries in list(by_key.items()):
        ids = {x.entity_id for x in entries}
        if len(ids) < 2:
            continue
        for x in list(entries):
            full = keys.full(x.name)
            if full != key and by_id[x.entity_id].parent in ids:
                entries.remove(x)
                by_key[full].append(replace(x, key=full))


def entry_rows(by_key: Mapping[str, list[NameEntry]]) -> list[list[Any]]:
    """The index entries as JSON rows, for the compile step (see :func:`_entries_from_rows`)."""
    return [
        [e.entity_id, e.name, e.key, e.kind.value, e.until, e.weak, e.translit, e.vague]
        for entries in by_key.values()
        for e in entries
    ]


def _entries_from_rows(rows: list[list[Any]]) -> dict[str, list[NameEntry]]:
    by_key: dict[str, list[NameEntry]] = defaultdict(list)
    kinds = {k.value: k for k in NameKind}  # a dict look-up: NameKind(value) is ten times slower
    for eid, name, key, kind, until, weak, translit, vague in rows:
        by_key[key].append(NameEntry(eid, name, key, kinds[kind], until, weak, translit, vague))
    return by_key


class NameIndex:
    """All names of a set of entities, keyed for exact, compact and fuzzy look-up."""

    def __init__(
        self,
        entities: Iterable[Entity],
        lex: Lexicon,
        known_variants: Mapping[str, NameVariants] | None = None,
        compiled: list[list[Any]] | None = None,
        keys: KeyMemo | None = None,
    ) -> None:
        self.lex = lex
        self._known_variants = known_variants
        entity_list = list(entities)
        if compiled is not None:  # the compile step's entries for exactly these entities
            by_key = _entries_from_rows(compiled)
        else:
            memo = keys if keys is not None else KeyMemo(lex)  # the keys the registry checks computed, if any
            by_key = _names_by_key(entity_list, lex, memo)
            _add_initialisms(by_key, entity_list, lex, memo)
            _rekey_subsidiaries(by_key, {e.id: e for e in entity_list}, memo)
        self.by_key: dict[str, list[NameEntry]] = dict(by_key)
        self.keys: list[str] = sorted(self.by_key)
        self.tickers = TickerIndex(entity_list, lex)
        self.trigrams = TrigramIndex(self.keys)
        # keys of the well-known names that are not defense companies, legal forms kept
        # ("Titan Company" must not hide "Titan Corp."): they resolve to nothing
        self.blocked: frozenset[str] = frozenset(k for k in (full_key(n, lex) for n in lex.not_defense) if k)

    # derived from the keys on first use: an exact hit needs none of them
    @cached_property
    def by_compact(self) -> dict[str, list[NameEntry]]:
        """Keys of several words without their spaces → entries ("hanwhaaerospace")."""
        by_compact: dict[str, list[NameEntry]] = defaultdict(list)
        for key, entries in self.by_key.items():
            if " " in key:
                by_compact[compact(key)] += entries
        return dict(by_compact)

    @cached_property
    def max_tokens(self) -> int:
        """Words in the longest key."""
        return max((k.count(" ") + 1 for k in self.by_key), default=1)

    @cached_property
    def cjk_keys(self) -> frozenset[str]:
        """Keys written in Chinese, Japanese or Korean script."""
        return frozenset(k for k in self.keys if has_cjk(k))

    @cached_property
    def word_prefixes(self) -> frozenset[tuple[str, ...]]:
        """Keys of several words by the first four letters of each word: the inflected forms
        of a name ("концерна калашников") share them."""
        return frozenset(word_prefixes(k) for k in self.keys if " " in k)

    def prepare(self) -> None:
        """Build the lazy parts now: the derived key tables, the trigram index and the
        RapidFuzz scorers."""
        _ = self.by_compact, self.max_tokens, self.cjk_keys, self.word_prefixes
        self.trigrams.prepare()
        import rapidfuzz.fuzz
        import rapidfuzz.process  # noqa: F401

    @cached_property
    def variants(self) -> VariantKeys:
        """Concept, skeleton and vocabulary keys, built on first use (see :class:`VariantKeys`)."""
        return VariantKeys(self, self._known_variants)

    def shortlist(self, key: str, limit: int = 24) -> list[str]:
        """Keys that share the most rare trigrams with ``key`` (see :class:`TrigramIndex`)."""
        return self.trigrams.shortlist(key, limit)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_key.values())


# -- keys that meet across scripts and inflection -------------------------------------------
# concept keys (defnames._text.concepts): descriptor words replaced by a concept token, so "Kazan
# Helicopter Plant", "Казанский вертолётный завод" and "カザンヘリコプター工場" share one key;
# consonant skeletons (defnames._text.skeleton) of the Latin names, for mentions in scripts that
# drop or add vowels ("ميلريم روبوتيكس" and "Milrem Robotics" are both MRMRPTKS); and the
# vocabulary of every key, which keeps de-inflection to real words.
MIN_SKELETON = 4  # consonant classes a skeleton needs before it is trusted as a key

# a name's concept key ("" if none), its skeletons, and its phonetic concept bag ("" if none)
NameVariants = tuple[str, tuple[str, ...], str]


def without_legal_forms(name: str) -> str:
    """The name as written, without the legal forms at its ends: the sound of a name is the
    sound of its words, not of its "SA" ("Matra SA" sounds as MTR, too short to trust).

    >>> without_legal_forms("Matra SA"), without_legal_forms("PJSC Sukhoi Company"), without_legal_forms("LLC Drake")
    ('Matra', 'Sukhoi', 'Drake')
    """
    lex = lexicon()
    words = name.split()
    forms = lex.legal_end | lex.legal_start  # "LLC Drake": a translated Russian form written first
    while len(words) > 1 and (name_key(words[-1], lex),) in forms:
        words.pop()
    while len(words) > 1 and (name_key(words[0], lex),) in forms:
        words.pop(0)
    return " ".join(words)


def specific_concept_key(key: str) -> bool:
    """Whether a concept key can name one company: it holds a concept, and is more than one
    concept alone ("Aeronautics" is ``_aviation_``, which every 航空 and авиа- would meet).

    >>> specific_concept_key("_aviation_"), specific_concept_key("_aviation_ _industries_"), specific_concept_key("kazan")
    (False, True, False)
    """
    return "_" in key and (" " in key or not key.startswith("_"))


def name_variants(name: str, table: ConceptTable | None = None) -> NameVariants:
    """The concept key of a name (only when it holds a descriptor concept) and, for a Latin
    name, its skeletons of :data:`MIN_SKELETON` classes or more.

    >>> name_variants("Kazan Helicopter Plant")[0]
    '_helicopter_ _plant_ kazan'
    """
    key = concept_key(name, table)
    if not name.isascii():
        return (key if specific_concept_key(key) else ""), (), ""
    bare = without_legal_forms(name)
    skeletons = tuple(sorted(sk for sk in skeleton_variants(bare) if len(sk) >= MIN_SKELETON))
    bag = concept_key(name, table, phonetic=True) if "_" in key else ""
    return (key if specific_concept_key(key) else ""), skeletons, bag


class VariantKeys:
    """Concept and skeleton keys of every registry name, and the registry's vocabulary.

    ``known`` holds precomputed :func:`name_variants` by name (the compile step writes them for
    the packaged registry); the others are computed on first use.
    """

    def __init__(self, index: NameIndex, known: Mapping[str, NameVariants] | None = None) -> None:
        self.index = index
        self.known = known or {}

    def _of(self, name: str) -> NameVariants:
        found = self.known.get(name)
        return found if found is not None else name_variants(name, self.concepts)

    @cached_property
    def _tables(
        self,
    ) -> tuple[
        dict[str, list[NameEntry]], dict[str, list[NameEntry]], dict[str, list[tuple[NameEntry, frozenset[str]]]]
    ]:
        by_concept: dict[str, list[NameEntry]] = defaultdict(list)
        by_skeleton: dict[str, list[NameEntry]] = defaultdict(list)
        by_sound: dict[str, list[tuple[NameEntry, frozenset[str]]]] = defaultdict(list)
        with paused_gc():  # a key per name of the registry (see defnames._gc)
            self._fill(by_concept, by_skeleton, by_sound)
        return dict(by_concept), dict(by_skeleton), dict(by_sound)

    def _fill(
        self,
        by_concept: dict[str, list[NameEntry]],
        by_skeleton: dict[str, list[NameEntry]],
        by_sound: dict[str, list[tuple[NameEntry, frozenset[str]]]],
    ) -> None:
        for entries in self.index.by_key.values():
            for e in entries:
                if e.translit:
                    continue
                key, skeletons, bag = self._of(e.name)
                words = frozenset(bag.split())
                for w in words:
                    if not w.startswith("_") and len(w) >= 3:
                        by_sound[w].append((e, words))
                if key and e not in by_concept[key]:
                    by_concept[key].append(e)
                for sk in skeletons:
                    if e not in by_skeleton[sk]:
                        by_skeleton[sk].append(e)

    @property
    def by_concept(self) -> dict[str, list[NameEntry]]:
        """Concept key → entries, for names with at least one descriptor concept."""
        return self._tables[0]

    @property
    def by_skeleton(self) -> dict[str, list[NameEntry]]:
        """Skeleton → entries, for the Latin names whose skeleton has enough consonant classes."""
        return self._tables[1]

    @property
    def by_sound(self) -> dict[str, list[tuple[NameEntry, frozenset[str]]]]:
        """Distinctive sound word → (entry, phonetic concept bag), for names with descriptor concepts."""
        return self._tables[2]

    @cached_property
    def concepts(self) -> ConceptTable:
        """The descriptor-concept table of the lexicon (compiled from reference/lexicon/concepts.yml)."""
        return ConceptTable.from_rows(list(self.index.lex.concepts))

    def describes_company(self, words: list[str]) -> bool:
        """Some of these words is a descriptor concept (plant, company, concern, design bureau…)."""
        return bool(words) and any(t.startswith("_") and t != "_named_after_" for t in self.concepts.tokens(words))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of every key (folded), for de-inflection."""
        return frozenset(w for k in self.index.by_key for w in k.split())
