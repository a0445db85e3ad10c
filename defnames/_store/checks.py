"""Checking registry records all together, after each one passed the pydantic model alone.

The registry-wide checks: every ``parent``, ``successor`` and entity ``owner`` exists; shares
add up; parents have no cycles; every entity has a source URL; and a name whose key belongs to
two entities is declared in ``shared_names``, unless the two are one company over time (a
merged entity and its successor), one of them only uses it as a former name (a current name
wins over a former one), or a subsidiary differs from its parent by its legal form only. Each
problem is a :class:`~defnames.errors.Problem` naming the file and the field.
"""

from __future__ import annotations

import graphlib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from defnames._lexicon import Lexicon
from defnames._store.parse import SharedName
from defnames._text.keymemo import KeyMemo
from defnames.errors import Problem, Problems
from defnames.models import Entity, EntityStatus

__all__ = ["check_registry", "entity_dicts"]

_At = Callable[[str], str]


def _looks_like_id(s: str) -> bool:
    return s == s.lower() and " " not in s and all(c.isalnum() or c == "-" for c in s)


def check_links(e: Entity, by_id: dict[str, Entity], at: _At, *, require_sources: bool) -> Problems:
    """One entity's links, shares and sources."""
    problems = Problems()
    if e.parent and e.parent not in by_id:
        problems.add(at(e.id), "parent", f"unknown entity id {e.parent!r}")
    if e.successor and e.successor not in by_id:
        problems.add(at(e.id), "successor", f"unknown entity id {e.successor!r}")
    for o in e.owners:
        if o.owner == e.id:
            problems.add(at(e.id), "owners", "an entity cannot own itself")
        elif _looks_like_id(o.owner) and o.owner not in by_id:
            problems.add(at(e.id), "owners", f"unknown entity id {o.owner!r}")
    total = sum(o.share or 0 for o in e.owners)
    if total > 100.5:
        problems.add(at(e.id), "owners", f"shares add up to {total:g}%, over 100%")
    if require_sources and not any(s.startswith(("http://", "https://")) for s in e.sources):
        problems.add(at(e.id), "sources", "at least one source URL is required")
    if e.status is EntityStatus.merged and e.successor == e.id:
        problems.add(at(e.id), "successor", "an entity cannot succeed itself")
    return problems


def check_cycles(by_id: dict[str, Entity], at: _At) -> Problems:
    """Parent links must form a tree (graphlib names the cycle)."""
    graph = {e.id: {e.parent} for e in by_id.values() if e.parent and e.parent in by_id}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as exc:
        cycle = list(reversed(exc.args[1]))
        return Problems([Problem(at(cycle[0]), "parent", f"cycle {' -> '.join(cycle)}")])
    return Problems()


def _successor_root(eid: str, by_id: dict[str, Entity]) -> str:
    seen = set()
    while eid in by_id and by_id[eid].successor and eid not in seen:
        seen.add(eid)
        eid = by_id[eid].successor or eid
    return eid


def _current_names(e: Entity) -> list[str]:
    return [e.name, *([e.legal_name] if e.legal_name else []), *e.aliases, *e.weak_aliases]


def _name_holders(
    entities: list[Entity], keys: KeyMemo, at: _At
) -> tuple[dict[str, dict[str, bool]], dict[str, set[str]], Problems]:
    """Key -> {entity id: uses it as a current name}, key -> ids whose name is the bare key."""
    holders: dict[str, dict[str, bool]] = {}
    bare: dict[str, set[str]] = defaultdict(set)
    problems = Problems()
    key, pair = keys.key, keys.pair
    for e in entities:
        eid = e.id
        # a former name is current too when the entity still uses its key (only checked
        # for entities with former names: the others' names are all current)
        former = {key(f.name) for f in e.former_names}
        current_keys = {key(x) for x in _current_names(e)} if former else set()
        for n in e.all_names():
            k, full = pair(n)
            if not k:
                problems.add(at(eid), "names", f"{n!r} is empty once normalized")
                continue
            if full == k:
                bare[k].add(eid)
            current = k not in former or k in current_keys
            held = holders.get(k)
            if held is None:
                holders[k] = {eid: current}
            elif not held.get(eid, False):
                held[eid] = current
    return holders, bare, problems


def check_name_clashes(
    entities: list[Entity], shared: list[SharedName], keys: KeyMemo, by_id: dict[str, Entity], at: _At
) -> Problems:
    """A name held by two entities must be declared shared, unless it is allowed (see module)."""
    problems = Problems()
    declared: dict[str, set[frozenset[str]]] = defaultdict(set)
    for name, ids in shared:
        problems += [
            Problem(None, "shared_names", f"{name!r}: unknown entity id {i!r}") for i in sorted(ids) if i not in by_id
        ]
        declared[keys.key(name)].add(ids)
    owners_of_key, bare, found = _name_holders(entities, keys, at)
    problems += found
    for k, holders in owners_of_key.items():
        if len(holders) < 2 or len({_successor_root(i, by_id) for i in holders}) < 2:
            continue
        if sum(holders.values()) <= 1:
            continue  # at most one entity uses it as a current name: that one wins
        if any(set(holders) <= ids for ids in declared.get(k, ())):
            continue
        if _legal_form_only(set(holders), bare[k], by_id):
            continue
        pair = sorted(holders)
        problems.add(
            at(pair[1]),
            "names",
            f"{k!r} also belongs to {pair[0]} ({at(pair[0])}); remove it from one or declare it in shared_names",
        )
    return problems


def check_registry(
    entities: list[Entity],
    shared: list[SharedName],
    lex: Lexicon,
    where_of: dict[str, str] | None = None,
    *,
    require_sources: bool = True,
    keys: KeyMemo | None = None,
) -> Problems:
    """Registry-wide checks; returns the problems (empty when all is well).

    ``keys`` is the memo the name keys go into (the name index reads them from it later);
    without one they are computed for this check only.
    """
    where = where_of or {}
    by_id = {e.id: e for e in entities}

    def at(eid: str) -> str:
        return where.get(eid, eid)

    problems = Problems(p for e in entities for p in check_links(e, by_id, at, require_sources=require_sources))
    problems += check_cycles(by_id, at)
    problems += check_name_clashes(entities, shared, keys if keys is not None else KeyMemo(lex), by_id, at)
    return problems


def _legal_form_only(holders: set[str], bare: set[str], by_id: dict[str, Entity]) -> bool:
    """'BAE Systems, Inc.' under 'BAE Systems plc': the subsidiary differs by its legal form.

    Allowed when one holder uses the bare name and every other is its descendant whose
    names only reach the key once a legal form is stripped.
    """
    if len(bare & holders) != 1:
        return False
    top = next(iter(bare & holders))
    for h in holders - {top}:
        seen, cur = set(), by_id.get(h)
        while cur is not None and cur.parent and cur.parent not in seen and cur.parent != top:
            seen.add(cur.parent)
            cur = by_id.get(cur.parent)
        if cur is None or cur.parent != top:
            return False
    return True


def entity_dicts(entities: list[Entity]) -> list[dict[str, Any]]:
    """Entities as plain JSON-ready dictionaries, without empty fields, sorted by id."""
    return [
        e.model_dump(mode="json", exclude_defaults=True) | {"id": e.id, "country": e.country}
        for e in sorted(entities, key=lambda x: x.id)
    ]
