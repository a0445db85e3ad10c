"""Reading registry records one by one: each entity through the pydantic model, each shared
name declaration by its shape. Problems name the file (and the record) and the field."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from defnames._store.sources import RawSources
from defnames.errors import Problems
from defnames.models import Entity

__all__ = ["SharedName", "parse_entities", "parse_shared_names"]

SharedName = tuple[str, frozenset[str]]


def _pydantic_problems(where: str, exc: ValidationError) -> Problems:
    out = Problems()
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "(record)"
        msg = err["msg"].removeprefix("Value error, ")
        out.add(where, loc, msg)
    return out


def _one_per_file(where: str) -> bool:
    """A record that is its file's only one (named ``path``, not ``path[i]`` or ``path:line``)."""
    return not where.endswith("]") and not where.rpartition(":")[2].isdigit()


def parse_entities(raw: RawSources) -> tuple[list[Entity], dict[str, str], Problems]:
    """Validate each record alone.

    Returns the entities, the file of each entity id, and the problems found (:class:`~defnames.errors.Problem`).
    """
    entities: list[Entity] = []
    where_of: dict[str, str] = {}
    problems = Problems()
    for where, data in raw.entities:
        single = _one_per_file(where)
        file_stem = Path(where).stem if single else ""
        record = data
        if single and "id" not in record:
            record = {**data, "id": file_stem}
        try:
            ent = Entity.model_validate(record)
        except ValidationError as exc:
            problems += _pydantic_problems(where, exc)
            continue
        if single and ent.id != file_stem:
            problems.add(where, "id", f"{ent.id!r} does not match the file name {file_stem!r}")
        if ent.id in where_of:
            problems.add(where, "id", f"{ent.id!r} is already used by {where_of[ent.id]}")
            continue
        where_of[ent.id] = where
        entities.append(ent)
    return entities, where_of, problems


def parse_shared_names(raw: RawSources) -> tuple[list[SharedName], Problems]:
    shared: list[SharedName] = []
    problems = Problems()
    for where, item in raw.shared_names:
        name, ids = item.get("name"), item.get("entities")
        if not isinstance(name, str) or not name.strip():
            problems.add(where, "name", "a shared name needs a non-empty 'name'")
            continue
        if not isinstance(ids, list) or len(ids) < 2 or not all(isinstance(i, str) for i in ids):
            problems.add(where, "entities", "list at least two entity ids")
            continue
        shared.append((name, frozenset(ids)))
    return shared, problems
