"""Checking registry records: each one alone (the pydantic model), then all together.

The registry-wide checks: ids are unique and equal their file names; every ``parent``,
``successor`` and entity ``owner`` exists; parents have no cycles; every entity has a source
URL; and a name whose key belongs to two entities is declared in ``shared_names``, unless the
two are one company over time (a merged entity and its successor) or one of them only uses
it as a former name (a current name wins over a former one). Each problem names the file and
the field.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from defnames._lexicon import Lexicon
from defnames.models import Entity, EntityStatus
from defnames._text.normalize import full_key, name_key
from defnames._store.sources import RawSources

__all__ = ["SharedName", "check_registry", "parse_entities", "parse_shared_names"]

SharedName = tuple[str, frozenset[str]]


def _pydantic_problems(where: str, exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "(record)"
        msg = err["msg"].removeprefix("Value error, ")
        out.append(f"{where}: {loc}: {msg}")
    return out


def parse_entities(raw: RawSources) -> tuple[list[Entity], dict[str, str], list[str]]:
    """Validate each record alone.

    Returns the entities, the file of each entity id, and the problems found.
    """
    entities: list[Entity] = []
    where_of: dict[str, str] = {}
    problems: list[str] = []
    for where, data in raw.entities:
        file_stem = Path(where.split("[")[0]).stem
        record = dict(data)
        if "id" not in record and "[" not in where:
            record["id"] = file_stem
        try:
            ent = Entity.model_validate(record)
        except ValidationError as exc:
            problems += _pydantic_problems(where, exc)
            continue
        if "[" not in where and ent.id != file_stem:
            problems.append(f"{where}: id: {ent.id!r} does not match the file name {file_stem!r}")
        if ent.id in where_of:
            problems.append(f"{where}: id: {ent.id!r} is already used by {where_of[ent.id]}")
            continue
        where_of[ent.id] = where
        entities.append(ent)
    return entities, where_of, problems


def parse_shared_names(raw: RawSources) -> tuple[list[SharedName], list[str]]:
    shared: list[SharedName] = []
    problems: list[str] = []
    for where, item in raw.shared_names:
        name, ids = item.get("name"), item.get("entities")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: name: a shared name needs a non-empty 'name'")
            continue
        if not isinstance(ids, list) or len(ids) < 2 or not all(isinstance(i, str) for i in ids):
            problems.append(f"{where}: entities: list at least two entity ids")
            continue
        shared.append((name, frozenset(ids)))
    return shared, problems


def _successor_root(eid: str, by_id: dict[str, Entity]) -> str:
    seen = set()
    while eid in by_id and by_id[eid].successor and eid not in seen:
        seen.add(eid)
        eid = by_id[eid].successor or eid
    return eid


def check_registry(
    entities: list[Entity],
    shared: list[SharedName],
    lex: Lexicon,
    where_of: dict[str, str] | None = None,
    *,
    require_sources: bool = True,
) -> list[str]:
    """Registry-wide checks; returns one line per problem (empty when all is well)."""
    where_of = where_of or {}
    by_id = {e.id: e for e in entities}
    problems: list[str] = []

    def at(eid: str) -> str:
        return where_of.get(eid, eid)

    for e in entities:
        if e.parent and e.parent not in by_id:
            problems.append(f"{at(e.id)}: parent: unknown entity id {e.parent!r}")
        if e.successor and e.successor not in by_id:
            problems.append(f"{at(e.id)}: successor: unknown entity id {e.successor!r}")
        for o in e.owners:
            if o.owner == e.id:
                problems.append(f"{at(e.id)}: owners: an entity cannot own itself")
            elif _looks_like_id(o.owner) and o.owner not in by_id:
                problems.append(f"{at(e.id)}: owners: unknown entity id {o.owner!r}")
        total = sum(o.share or 0 for o in e.owners)
        if total > 100.5:
            problems.append(f"{at(e.id)}: owners: shares add up to {total:g}%, over 100%")
        if require_sources and not any(s.startswith(("http://", "https://")) for s in e.sources):
            problems.append(f"{at(e.id)}: sources: at least one source URL is required")
        if e.status is EntityStatus.merged and e.successor == e.id:
            problems.append(f"{at(e.id)}: successor: an entity cannot succeed itself")

    for e in entities:  # parent cycles
        seen = [e.id]
        cur = e
        while cur.parent and cur.parent in by_id:
            if cur.parent in seen:
                problems.append(f"{at(e.id)}: parent: cycle {' -> '.join([*seen, cur.parent])}")
                break
            seen.append(cur.parent)
            cur = by_id[cur.parent]

    declared: dict[str, set[frozenset[str]]] = defaultdict(set)
    for name, ids in shared:
        for i in ids:
            if i not in by_id:
                problems.append(f"shared_names: {name!r}: unknown entity id {i!r}")
        declared[name_key(name, lex)].add(ids)

    owners_of_key: dict[str, dict[str, bool]] = defaultdict(dict)  # key -> {id: is_current}
    bare: dict[str, set[str]] = defaultdict(set)  # key -> ids with a name equal to the key itself
    for e in entities:
        former = {name_key(f.name, lex) for f in e.former_names}
        for n in e.all_names():
            k = name_key(n, lex)
            if not k:
                problems.append(f"{at(e.id)}: names: {n!r} is empty once normalized")
                continue
            if full_key(n, lex) == k:
                bare[k].add(e.id)
            current = k not in former or k in {name_key(x, lex) for x in _current_names(e)}
            owners_of_key[k][e.id] = owners_of_key[k].get(e.id, False) or current
    for k, holders in owners_of_key.items():
        if len(holders) < 2:
            continue
        roots = {_successor_root(i, by_id) for i in holders}
        if len(roots) < 2:
            continue
        if sum(holders.values()) <= 1:
            continue  # at most one entity uses it as a current name: that one wins
        if any(set(holders) <= ids for ids in declared.get(k, ())):
            continue
        if _legal_form_only(k, set(holders), bare[k], by_id):
            continue
        pair = sorted(holders)
        problems.append(
            f"{at(pair[1])}: names: {k!r} also belongs to {pair[0]} ({at(pair[0])}); "
            "remove it from one or declare it in shared_names"
        )
    return problems


def _legal_form_only(key: str, holders: set[str], bare: set[str], by_id: dict[str, Entity]) -> bool:
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


def _current_names(e: Entity) -> list[str]:
    return [e.name, *([e.legal_name] if e.legal_name else []), *e.aliases, *e.weak_aliases]


def _looks_like_id(s: str) -> bool:
    return s == s.lower() and " " not in s and all(c.isalnum() or c == "-" for c in s)


def entity_dicts(entities: list[Entity]) -> list[dict[str, Any]]:
    """Entities as plain JSON-ready dictionaries, without empty fields, sorted by id."""
    return [
        e.model_dump(mode="json", exclude_defaults=True) | {"id": e.id, "country": e.country}
        for e in sorted(entities, key=lambda x: x.id)
    ]
