"""The resolver: the one module that wires the stages together.

A :class:`Registry` is an entity store (:mod:`defnames._store`), the lexicon, a name index
(:mod:`defnames._index`), the context evidence and the result cache. A mention goes
through the readings and candidate passes (:mod:`defnames._candidates`), then the decision
(:mod:`defnames._decide`); free text goes through :mod:`defnames._extract`.

The packaged registry is compiled from ``reference/`` into ``_data/reference.json`` and
loaded on first use, once, thread-safely (:func:`registry`). Your own files in the same
format extend it without touching the packaged data:

>>> import defnames
>>> reg = defnames.registry()
>>> reg.get("knds-deutschland").parent
'knds'
>>> [e.id for e in reg.parent_chain("knds-deutschland")]
['knds']
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from defnames import _weights as W
from defnames._gc import paused_gc
from defnames._store.bundle import LazyVariants, PackagedBundle
from defnames.errors import InputError, ReferenceDataError, UnknownEntityError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from defnames._candidates.candidate import Candidate
    from defnames._decide.evidence import Evidence
    from defnames._extract.automaton import Automaton
    from defnames._index.names import NameIndex, NameVariants
    from defnames._lexicon import Lexicon
    from defnames._store.entities import EntityStore
    from defnames._store.parse import SharedName
    from defnames._text.keymemo import KeyMemo
    from defnames.models import Entity, Match, Mention

# The matcher's modules are imported where they are first needed, not here: the first answer
# of a fresh process (a name of the registry, looked up bare) needs none of them.

__all__ = ["Registry", "registry"]


@functools.cache
def _matcher() -> SimpleNamespace:
    """The matcher's functions, imported on the first call that needs them and then looked up
    once per call (an ``import`` statement in a function costs a few µs on every call)."""
    from defnames._candidates.mention import analyse
    from defnames._candidates.search import find_candidates
    from defnames._decide.explain import to_match
    from defnames._decide.rank import choose, rank
    from defnames._decide.units import unit_by_words
    from defnames._text.cleanup import clean_text
    from defnames.models import EntityStatus

    return SimpleNamespace(
        analyse=analyse,
        find_candidates=find_candidates,
        to_match=to_match,
        choose=choose,
        rank=rank,
        unit_by_words=unit_by_words,
        clean_text=clean_text,
        EntityStatus=EntityStatus,
    )


_CACHE_SIZE = 100_000
_QUICK_ANSWERS = 64  # bare look-ups answered from the compiled answers before the index is built


class Registry:
    """A set of entities with look-up, resolution and extraction.

    Args:
        entities: the entities; ids must be unique and references resolvable.
        shared_names: names declared to belong to several entities.
        version: the data version.
        lex: word tables (defaults to the packaged lexicon).
    """

    def __init__(
        self,
        entities: Iterable[Entity],
        shared_names: Iterable[SharedName] = (),
        *,
        version: str = "custom",
        lex: Lexicon | None = None,
        check: bool = True,
    ) -> None:
        self._setup(version)
        self._set_data(entities, shared_names, lex)
        if check:
            from defnames._store.checks import check_registry

            problems = check_registry(
                list(self.store), self.shared_names, self.lexicon, require_sources=False, keys=self.keys
            )
            if problems:
                raise ReferenceDataError(problems)

    def _setup(self, version: str) -> None:
        self.version = version
        self._bundle: PackagedBundle | None = None  # the packaged data, until it is loaded whole
        self._quick = 0  # bare look-ups answered from the bundle's answers
        self._known_variants: Mapping[str, NameVariants] = {}
        self._compiled_index: list[list[Any]] | None = None  # only for exactly the packaged entities
        self._lock = threading.RLock()
        # the result cache: functools' C LRU, owned by this registry (it goes with it)
        self._cached = functools.lru_cache(maxsize=_CACHE_SIZE)(self._resolve)

    def _set_data(self, entities: Iterable[Entity], shared_names: Iterable[SharedName], lex: Lexicon | None) -> None:
        from defnames._lexicon import lexicon
        from defnames._store.cities import city_places
        from defnames._store.entities import EntityStore

        store = EntityStore(entities)
        self._shared_names: list[SharedName] = list(shared_names)
        self._lexicon = (lex or lexicon()).with_places(city_places(store))
        self._store = store  # last: its presence says the data is loaded

    @classmethod
    def _packaged(cls, bundle: PackagedBundle) -> Registry:
        """The packaged registry: its files are read when a call needs them (see
        :mod:`defnames._store.bundle`)."""
        reg = cls.__new__(cls)
        reg._setup(bundle.version)
        reg._bundle = bundle
        return reg

    def _load(self) -> None:
        """Read the whole packaged bundle (once): entities, lexicon, precompiled index."""
        with self._lock:
            bundle = self._bundle
            if bundle is None or "_store" in self.__dict__:
                return
            from defnames._store.bundle import load_index_rows

            entities, shared, _, digest = bundle.load()
            self._known_variants = LazyVariants()
            self._compiled_index = load_index_rows(digest)
            self._set_data(entities, shared, None)

    @property
    def keys(self) -> KeyMemo:
        """Name keys, computed once per name and shared by the registry checks and the index."""
        if "_keys" not in self.__dict__:
            from defnames._text.keymemo import KeyMemo

            self._keys = KeyMemo(self.lexicon)
        return self._keys

    @property
    def store(self) -> EntityStore:
        """The entities by id and the ownership tree between them."""
        if "_store" not in self.__dict__:
            self._load()
        return self._store

    @property
    def lexicon(self) -> Lexicon:
        """The word tables, with this registry's headquarters cities as places."""
        if "_store" not in self.__dict__:
            self._load()
        return self._lexicon

    @property
    def shared_names(self) -> list[SharedName]:
        """Names declared to belong to several entities."""
        if "_store" not in self.__dict__:
            self._load()
        return self._shared_names

    # -- construction ----------------------------------------------------------------
    @classmethod
    def load(cls, *paths: str | Path, include_default: bool = True) -> Registry:
        """A registry from YAML/JSON files or folders, on top of the packaged data by default.

        Raises:
            ReferenceDataError: unreadable or invalid files, naming the file and the field.
        """
        base = registry() if include_default else None
        return (base or cls([], version="custom")).extend(*paths)

    def extend(self, *paths: str | Path) -> Registry:
        """A new registry with the entities of these files added (the original is unchanged)."""
        with paused_gc():  # millions of objects that all stay alive (see defnames._gc)
            return self._extended(*paths)

    def _extended(self, *paths: str | Path) -> Registry:
        from defnames._store.checks import check_registry
        from defnames._store.parse import parse_entities, parse_shared_names
        from defnames._store.sources import read_sources

        raw = read_sources(*paths)
        entities, where_of, problems = parse_entities(raw)
        shared, p2 = parse_shared_names(raw)
        problems += p2
        clash = [
            f"{where_of[e.id]}: id: {e.id!r} already exists in the registry" for e in entities if e.id in self.store
        ]
        problems += clash
        # this registry's names are keyed into its own memo (once), the new ones into a child
        self.keys.fill(n for e in self.store for n in e.all_names())
        keys = self.keys.child()
        if not problems:
            problems = check_registry(
                [*self.store, *entities],
                [*self.shared_names, *shared],
                self.lexicon,
                where_of,
                require_sources=False,
                keys=keys,
            )
        if problems:
            raise ReferenceDataError(problems)
        version = self.version if not entities else f"{self.version}+local"
        extended = Registry(
            [*self.store, *entities], [*self.shared_names, *shared], version=version, lex=self.lexicon, check=False
        )
        extended._known_variants = self._known_variants  # keyed by name: valid for any registry
        extended._keys = keys  # keys depend on the word tables, not on the places
        return extended

    # -- entities and the ownership tree (see EntityStore) --------------------------------
    @property
    def entities(self) -> list[Entity]:
        """All entities, sorted by id."""
        return sorted(self.store, key=lambda e: e.id)

    def __len__(self) -> int:
        return len(self.store)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def _unloaded(self, entity_id: object) -> PackagedBundle | None:
        """The packaged bundle while it is not loaded whole (then single entities are read
        from it by id, as the store would give them); None once the store is there."""
        return self._bundle if isinstance(entity_id, str) and "_store" not in self.__dict__ else None

    def __contains__(self, entity_id: object) -> bool:
        bundle = self._unloaded(entity_id)
        if bundle is not None:
            return bundle.entity(str(entity_id)) is not None
        return entity_id in self.store

    def get(self, entity_id: str) -> Entity:
        """The entity with this id.

        Raises:
            UnknownEntityError: no such id (a ``LookupError``).
        """
        bundle = self._unloaded(entity_id)
        if bundle is not None:
            found = bundle.entity(entity_id)
            if found is None:
                raise UnknownEntityError(str(entity_id))
            return found
        return self.store.get(entity_id)

    def parent_chain(self, entity_id: str) -> list[Entity]:
        """Parents from the direct parent up to the ultimate parent (empty for a top entity)."""
        bundle = self._unloaded(entity_id)
        if bundle is None:
            return self.store.parent_chain(entity_id)
        chain: list[Entity] = []
        seen = {entity_id}
        e: Entity | None = self.get(entity_id)
        while e is not None and e.parent and e.parent not in seen:  # as EntityStore.parent_chain
            seen.add(e.parent)
            e = bundle.entity(e.parent)
            if e is not None:
                chain.append(e)
        return chain

    def ultimate_parent(self, entity_id: str) -> Entity:
        """The top of the parent chain (the entity itself when it has no parent)."""
        chain = self.parent_chain(entity_id)
        return chain[-1] if chain else self.get(entity_id)

    def ancestors(self, entity_id: str) -> set[str]:
        """Ids of every parent and entity owner up the tree."""
        return self.store.ancestors(entity_id)

    def subsidiaries(self, entity_id: str, *, recursive: bool = False) -> list[Entity]:
        """Entities whose parent is this one (all descendants with ``recursive=True``)."""
        return self.store.subsidiaries(entity_id, recursive=recursive)

    def successor_of(self, entity_id: str) -> str:
        """Follow ``successor`` links from a merged entity to the one that carries on."""
        return self.store.successor_of(entity_id)

    # -- matching ---------------------------------------------------------------------
    @cached_property
    def index(self) -> NameIndex:
        """The name index, built on first use. Its fuzzy parts (the trigram postings, RapidFuzz
        and numpy) are built on the first look-up that needs them, or now by :meth:`prepare`."""
        from defnames._index.names import NameIndex

        keys = self.__dict__.get("_keys")  # the checks' keys, when this registry was checked
        with paused_gc():
            index = NameIndex(self.store, self.lexicon, self._known_variants, self._compiled_index, keys)
        if keys is not None and keys.based:
            keys.forget()  # an overlay's keys: the index holds them now
        _ = self.store.children
        return index

    def prepare(self) -> Registry:
        """Build everything matching needs now, so that no later call pays a one-time cost
        (otherwise each part is built on the first call that needs it)."""
        self.index.prepare()
        _ = self.evidence
        return self

    @cached_property
    def evidence(self) -> Evidence:
        """Context evidence with its memos, for this registry's lexicon and names."""
        from defnames._candidates.labels import companies_named_in
        from defnames._decide.evidence import Evidence

        index = self.index
        return Evidence(self.lexicon, lambda text: companies_named_in(index, text))

    @cached_property
    def automaton(self) -> Automaton:
        """Every name in one Aho–Corasick automaton, built on the first extraction."""
        from defnames._extract.automaton import Automaton

        index = self.index
        with paused_gc():
            return Automaton(index)

    def _ranked(
        self, mention: object, context: str | None, country: str | None, as_of: int | None = None
    ) -> tuple[str, list[Candidate]]:
        m = _matcher()
        analyse, find_candidates, rank, unit_by_words, clean_text = (
            m.analyse,
            m.find_candidates,
            m.rank,
            m.unit_by_words,
            m.clean_text,
        )
        EntityStatus = m.EntityStatus

        if not isinstance(mention, str):
            raise InputError(f"a mention must be a string, not {type(mention).__name__}")
        if context is not None and not isinstance(context, str):
            raise InputError(f"context must be a string, not {type(context).__name__}")
        if country is not None:
            country = self._country_arg(country)
        mention = clean_text(mention)  # NFKC (ＩＨＩ), HTML entities (Defence amp; Aerospace), invisible marks
        context = clean_text(context) if context else context
        a = analyse(mention, self.lexicon)
        cands = find_candidates(self.index, a, context)
        if as_of is not None and (isinstance(as_of, bool) or not isinstance(as_of, int) or not 1800 <= as_of <= 2100):
            raise InputError(f"as_of must be a year between 1800 and 2100, not {as_of!r}")
        if not context and not country and as_of is None and len(cands) == 1:
            c = cands[0]
            active = self.store.get(c.entity_id).status is EntityStatus.active
            if active and not c.hints and not c.legal_written and not c.group:
                # one active entity and no evidence to weigh: nothing to rank but its unit's words
                return a.key, [unit_by_words(self.store, self.index, c, a.key)]
        return a.key, rank(
            self.store, self.index, self.evidence, cands, context=context, country=country, mention=mention, as_of=as_of
        )

    def resolve(
        self,
        mention: str,
        *,
        context: str | None = None,
        country: str | None = None,
        threshold: float = W.THRESHOLD,
        margin: float = W.MARGIN,
        as_of: int | None = None,
    ) -> Match | None:
        """The entity a mention means, or None when no entity is a confident match.

        Args:
            mention: a company name as written ("Prague Czechoslovak group").
            context: surrounding text; decides names that are also everyday words.
            country: ISO 3166-1 alpha-2 code (or a country name) the entity should be in.
            threshold: lowest score (0–100) that counts as confident.
            margin: how far the best entity must lead the runner-up.
            as_of: a year: read the mention as a document of that year (a former name still in
                use then is current; a company already absorbed by then is its successor).

        Raises:
            InputError: a mention or context that is not a string, or an unknown country.
        """
        try:
            return self._cached(mention, context, country, threshold, margin, as_of)
        except TypeError:  # an unhashable argument: the uncached path says what is wrong
            return self._resolve(mention, context, country, threshold, margin, as_of)

    def _resolve(
        self, mention: str, context: str | None, country: str | None, threshold: float, margin: float, as_of: int | None
    ) -> Match | None:
        if self._bundle is not None and "index" not in self.__dict__ and self._quick < _QUICK_ANSWERS:
            bare = context is None and country is None and as_of is None
            if bare and threshold == W.THRESHOLD and margin == W.MARGIN and isinstance(mention, str):
                known, answer = self._bundle.answer(mention)
                if known:  # what the compile step's resolver answered for exactly this text
                    self._quick += 1
                    return answer
        m = _matcher()
        key, ranked = self._ranked(mention, context, country, as_of)
        top = m.choose(ranked, threshold, margin)
        return m.to_match(self.store, self.evidence, top, key, context) if top else None

    def clear_cache(self) -> None:
        """Forget the cached answers (they are kept for the last 100,000 distinct calls)."""
        self._cached.cache_clear()

    def candidates(
        self,
        mention: str,
        *,
        context: str | None = None,
        country: str | None = None,
        limit: int = 5,
        as_of: int | None = None,
    ) -> list[Match]:
        """Ranked possible entities for a mention (one per entity), for review screens."""
        from defnames._decide.explain import to_match

        key, ranked = self._ranked(mention, context, country, as_of)
        return [to_match(self.store, self.evidence, c, key, context) for c in ranked[: max(0, limit)]]

    def extract(self, text: str, *, context: str | None = None) -> list[Mention]:
        """Every mention of a registry entity in free text (see :func:`defnames.extract`)."""
        from defnames._extract.mentions import extract_mentions

        return extract_mentions(self.store, self.evidence, self.automaton, text, context=context)

    def _country_arg(self, country: object) -> str:
        """An ISO code, or a country name in any language the lexicon knows."""
        from defnames._countries import is_country_code
        from defnames._text.tokens import tokens

        if not isinstance(country, str):
            raise InputError(f"country must be a string, not {type(country).__name__}")
        code = country.strip().upper()
        if is_country_code(code):
            return code
        found = self.lexicon.places.get(tuple(tokens(country, self.lexicon)))
        if found:
            return found
        raise InputError(f"unknown country: {country!r} (use an ISO 3166-1 alpha-2 code such as 'DE')")


_default: Registry | None = None
_default_lock = threading.Lock()


def registry() -> Registry:
    """The packaged registry, made on first call (once, thread-safely); its data is read as the
    calls need it (the whole of it on the first that is not a bare look-up of a registry name)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Registry._packaged(PackagedBundle())
    return _default
