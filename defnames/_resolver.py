"""Step 2: the registry — entities by id, the ownership tree, and the name index.

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

import json
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from defnames._candidates.search import Candidate, analyse, find_candidates
from defnames._decide.rank import DEFAULT_MARGIN, DEFAULT_THRESHOLD, choose, rank, to_match
from defnames.errors import InputError, ReferenceDataError, UnknownEntityError
from defnames._lexicon import Lexicon, city_places, lexicon
from defnames.models import Entity, EntityStatus, Match
from defnames._index.names import NameIndex
from defnames._store.sources import read_sources
from defnames._store.checks import SharedName, check_registry, parse_entities, parse_shared_names

if TYPE_CHECKING:
    from defnames.models import Mention

__all__ = ["Registry", "registry"]

_CACHE_SIZE = 100_000


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
        self._entities: dict[str, Entity] = {}
        for e in entities:
            if e.id in self._entities:
                raise ReferenceDataError(f"{e.id}: id: duplicate entity id")
            self._entities[e.id] = e
        self.shared_names: list[SharedName] = list(shared_names)
        self.version = version
        self.lexicon = (lex or lexicon()).with_places(city_places(self._entities.values()))
        if check:
            problems = check_registry(list(self._entities.values()), self.shared_names, self.lexicon,
                                      require_sources=False)
            if problems:
                raise ReferenceDataError(problems)
        self._lock = threading.Lock()
        self._cache: dict[tuple[Any, ...], Match | None] = {}  # insertion-ordered: oldest first

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
        raw = read_sources(*paths)
        entities, where_of, problems = parse_entities(raw)
        shared, p2 = parse_shared_names(raw)
        problems += p2
        clash = [f"{where_of[e.id]}: id: {e.id!r} already exists in the registry"
                 for e in entities if e.id in self._entities]
        problems += clash
        if not problems:
            problems = check_registry([*self._entities.values(), *entities], [*self.shared_names, *shared],
                                      self.lexicon, where_of, require_sources=False)
        if problems:
            raise ReferenceDataError(problems)
        version = self.version if not entities else f"{self.version}+local"
        return Registry([*self._entities.values(), *entities], [*self.shared_names, *shared],
                        version=version, lex=self.lexicon, check=False)

    # -- entities and the ownership tree -----------------------------------------------
    @property
    def entities(self) -> list[Entity]:
        """All entities, sorted by id."""
        return sorted(self._entities.values(), key=lambda e: e.id)

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def get(self, entity_id: str) -> Entity:
        """The entity with this id.

        Raises:
            UnknownEntityError: no such id (a ``LookupError``).
        """
        try:
            return self._entities[entity_id]
        except (KeyError, TypeError):
            raise UnknownEntityError(str(entity_id)) from None

    def parent_chain(self, entity_id: str) -> list[Entity]:
        """Parents from the direct parent up to the ultimate parent (empty for a top entity)."""
        chain: list[Entity] = []
        e = self.get(entity_id)
        while e.parent and e.parent in self._entities and all(x.id != e.parent for x in chain):
            e = self._entities[e.parent]
            chain.append(e)
        return chain

    def ultimate_parent(self, entity_id: str) -> Entity:
        """The top of the parent chain (the entity itself when it has no parent)."""
        chain = self.parent_chain(entity_id)
        return chain[-1] if chain else self.get(entity_id)

    def ancestors(self, entity_id: str) -> set[str]:
        """Ids of every parent and entity owner up the tree."""
        out: set[str] = set()
        todo = [entity_id]
        while todo:
            e = self._entities.get(todo.pop())
            if e is None:
                continue
            ups = ([e.parent] if e.parent else []) + [o.owner for o in e.owners if o.owner in self._entities]
            for u in ups:
                if u not in out:
                    out.add(u)
                    todo.append(u)
        return out

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        kids: dict[str, list[str]] = defaultdict(list)
        for e in self._entities.values():
            if e.parent:
                kids[e.parent].append(e.id)
            for o in e.owners:
                if o.owner in self._entities and o.owner != e.parent and (o.share or 0) > 50:
                    kids[o.owner].append(e.id)
        return dict(kids)

    def subsidiaries(self, entity_id: str, *, recursive: bool = False) -> list[Entity]:
        """Entities whose parent is this one (all descendants with ``recursive=True``)."""
        self.get(entity_id)
        out: list[str] = []
        todo = list(self._children.get(entity_id, []))
        while todo:
            i = todo.pop(0)
            if i in out:
                continue
            out.append(i)
            if recursive:
                todo += self._children.get(i, [])
        return sorted((self._entities[i] for i in out), key=lambda e: e.name)

    def subsidiary_in(self, entity_id: str, countries: frozenset[str], key: str) -> Entity | None:
        """The active descendant in one of ``countries`` that carries the parent's name best."""
        found = [e for e in self.subsidiaries(entity_id, recursive=True)
                 if e.country in countries and e.status is EntityStatus.active]
        if not found:
            return None
        from defnames._text.normalize import name_key

        named = [e for e in found if name_key(e.name, self.lexicon).startswith(key)]
        pool = named or (found if len(found) == 1 else [])
        if len({e.country for e in pool}) > 1:
            return None  # "the Franco-German KNDS": the group itself, not one of its arms
        return min(pool, key=lambda e: (len(e.name), e.id)) if pool else None

    def successor_of(self, entity_id: str) -> str:
        """Follow ``successor`` links from a merged entity to the one that carries on."""
        seen = {entity_id}
        e = self._entities[entity_id]
        while e.successor and e.successor in self._entities and e.successor not in seen:
            seen.add(e.successor)
            e = self._entities[e.successor]
        return e.id

    # -- matching ---------------------------------------------------------------------
    @cached_property
    def index(self) -> NameIndex:
        """The name index, built on first use with everything matching needs, so that no
        later call pays a one-time cost (the ownership map, the trigram index, RapidFuzz)."""
        index = NameIndex(self._entities.values(), self.lexicon)
        index.prepare()
        _ = self._children
        return index

    def _ranked(self, mention: object, context: str | None, country: str | None) -> tuple[str, list[Candidate]]:
        if not isinstance(mention, str):
            raise InputError(f"a mention must be a string, not {type(mention).__name__}")
        if context is not None and not isinstance(context, str):
            raise InputError(f"context must be a string, not {type(context).__name__}")
        if country is not None:
            country = _country_arg(country)
        a = analyse(mention, self.lexicon)
        cands = find_candidates(self.index, a)
        if not context and not country and len(cands) == 1:
            c = cands[0]
            active = self._entities[c.entity_id].status is EntityStatus.active
            if active and not c.hints and not c.legal and not c.group:
                return a.key, cands  # one active entity and no evidence to weigh: nothing to rank
        return a.key, rank(self, cands, context=context, country=country, mention=mention)

    def resolve(
        self,
        mention: str,
        *,
        context: str | None = None,
        country: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        margin: float = DEFAULT_MARGIN,
    ) -> Match | None:
        """The entity a mention means, or None when no entity is a confident match.

        Args:
            mention: a company name as written ("Prague Czechoslovak group").
            context: surrounding text; decides names that are also everyday words.
            country: ISO 3166-1 alpha-2 code (or a country name) the entity should be in.
            threshold: lowest score (0–100) that counts as confident.
            margin: how far the best entity must lead the runner-up.

        Raises:
            InputError: a mention or context that is not a string, or an unknown country.
        """
        ck = (mention, context, country, threshold, margin)
        cached = self._cache.get(ck, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        key, ranked = self._ranked(mention, context, country)
        top = choose(ranked, threshold, margin)
        result = to_match(self, top, key, context, mention) if top else None
        cache = self._cache
        cache[ck] = result  # one dict store: atomic under the GIL
        if len(cache) > _CACHE_SIZE:
            with self._lock:  # evict the oldest answers
                while len(cache) > _CACHE_SIZE:
                    try:
                        cache.pop(next(iter(cache)), None)
                    except (RuntimeError, StopIteration):  # another thread stored meanwhile: retry
                        continue
        return result

    def candidates(
        self,
        mention: str,
        *,
        context: str | None = None,
        country: str | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """Ranked possible entities for a mention (one per entity), for review screens."""
        key, ranked = self._ranked(mention, context, country)
        return [to_match(self, c, key, context, mention) for c in ranked[: max(0, limit)]]

    def extract(self, text: str, *, context: str | None = None) -> list[Mention]:
        """Every mention of a registry entity in free text (see :func:`defnames.extract`)."""
        from defnames._extract.mentions import extract_mentions

        return extract_mentions(self, text, context=context)


def _country_arg(country: str) -> str:
    from defnames._countries import is_country_code

    if not isinstance(country, str):
        raise InputError(f"country must be a string, not {type(country).__name__}")
    code = country.strip().upper()
    if is_country_code(code):
        return code
    from defnames._text.normalize import tokens

    found = lexicon().places.get(tuple(tokens(country)))
    if found:
        return found
    raise InputError(f"unknown country: {country!r} (use an ISO 3166-1 alpha-2 code such as 'DE')")


_default: Registry | None = None
_default_lock = threading.Lock()


def _load_packaged() -> Registry:
    raw = resources.files("defnames").joinpath("_data/reference.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    entities = [Entity.model_validate(d) for d in data["entities"]]
    shared = [(s["name"], frozenset(s["entities"])) for s in data.get("shared_names", [])]
    return Registry(entities, shared, version=data["version"], check=False)


def registry() -> Registry:
    """The packaged registry, loaded on first call (once, thread-safely)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = _load_packaged()
    return _default
