"""One place for what a match looks like outside Python: the output columns of a table, the
``defnames_`` prefix rule, a :class:`~defnames.Match` as table cells, and a match as the JSON
object that the CLI's ``--json``, the JSON-lines writer and the HTTP API all print.

>>> import defnames
>>> reg = defnames.registry()
>>> record = match_record(reg, "the German KMW", reg.resolve("the German KMW"))
>>> record["id"], record["ultimate_parent_id"], record["method"]
('knds-deutschland', 'knds', 'former_name')
>>> out_names(["name", "entity_id"])
['defnames_entity_id', 'defnames_name', 'country', 'parent_id', 'ultimate_parent_id', 'score', 'method']

The JSON shape is described by models (:class:`MatchRecord`, :class:`NoMatchRecord`,
:class:`CandidatesRecord`), whose JSON Schema :func:`match_schema` makes; it is published as
``docs/schema/match.schema.json`` (``defnames schema`` prints it):

>>> sorted(match_schema()["$defs"])[:4]
['CandidatesRecord', 'Explanation', 'MatchRecord', 'Method']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from defnames.models import Explanation, Match, Method

if TYPE_CHECKING:
    from defnames._resolver import Registry

__all__ = [
    "MATCH_COLUMNS",
    "CandidatesRecord",
    "MatchRecord",
    "NoMatchRecord",
    "OwnerRecord",
    "match_cells",
    "match_record",
    "match_schema",
    "out_names",
]

MATCH_COLUMNS = ("entity_id", "name", "country", "parent_id", "ultimate_parent_id", "score", "method")


def out_names(columns: list[str]) -> list[str]:
    """The output column names, prefixed with ``defnames_`` where the input has the same name."""
    taken = set(columns)
    return [c if c not in taken else f"defnames_{c}" for c in MATCH_COLUMNS]


def match_cells(reg: Registry, m: Match | None) -> tuple[Any, ...]:
    """A match as the values of :data:`MATCH_COLUMNS` (all None for no match)."""
    if m is None:
        return (None,) * len(MATCH_COLUMNS)
    e = m.entity
    top = reg.ultimate_parent(e.id)
    return (e.id, e.name, e.country, e.parent, top.id if top.id != e.id else None, float(m.score), m.method.value)


def match_record(reg: Registry, mention: str, m: Match | None, *, explain: bool = False) -> dict[str, Any]:
    """A match as one JSON object: the entity, its parents and owners, and how it matched."""
    if m is None:
        return {"mention": mention, "match": None}
    chain = reg.parent_chain(m.entity.id)
    out: dict[str, Any] = {
        "mention": mention,
        "id": m.entity.id,
        "name": m.entity.name,
        "country": m.entity.country,
        "parent_id": m.entity.parent,
        "ultimate_parent_id": chain[-1].id if chain else None,
        "parent_chain": [e.id for e in chain],
        "owners": [o.model_dump(exclude_none=True) for o in m.entity.owners],
        "score": m.score,
        "method": m.method.value,
        "matched": m.matched,
    }
    if m.former_until:
        out["former_until"] = m.former_until
    if m.successor:
        out["successor_id"] = m.successor
    if m.unit:
        out["unit"] = m.unit
    if explain and m.explanation is not None:
        out["explanation"] = m.explanation.model_dump(mode="json")
    return out


# -- the JSON shape as models (for its JSON Schema) ------------------------------------------


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OwnerRecord(_Record):
    """A shareholder of the matched entity (fields without a value are left out)."""

    owner: str = Field(description="an entity id of the registry, or a holder's name ('Government of Norway')")
    share: float | None = Field(default=None, ge=0, le=100, description="percent of the capital")
    as_of: int | None = Field(default=None, description="the year the share was stated")


class MatchRecord(_Record):
    """A mention that matched: ``defnames lookup --json``, the ``match`` of a JSON-lines row of
    ``defnames match`` and of ``defnames extract --json``, and the HTTP API's match object."""

    mention: str = Field(description="the mention as given")
    id: str = Field(description="the entity id (a stable slug)")
    name: str = Field(description="the entity's display name")
    country: str = Field(description="ISO 3166-1 alpha-2 code of its headquarters")
    parent_id: str | None = Field(description="its direct parent, or null")
    ultimate_parent_id: str | None = Field(description="the top of its parent chain, or null when it has no parent")
    parent_chain: list[str] = Field(description="the ids from the direct parent up to the ultimate parent")
    owners: list[OwnerRecord] = Field(description="shareholders with their shares")
    score: float = Field(ge=0, le=100, description="confidence, 0-100 (85 is the default threshold)")
    method: Method = Field(description="how the name was found")
    matched: str = Field(description="the registry name that matched")
    former_until: int | None = Field(default=None, description="for a former name: the last year it was used")
    successor_id: str | None = Field(default=None, description="for a merged entity: the entity that carries it on")
    unit: str | None = Field(
        default=None,
        description="a unit of the entity that the registry does not list (the unit's words in the mention)",
    )
    explanation: Explanation | None = Field(default=None, description="why it matched (with --explain)")


class NoMatchRecord(_Record):
    """A mention that matched nothing."""

    mention: str
    match: None = Field(description="always null")


class CandidatesRecord(_Record):
    """``defnames lookup --top N --json``: the best candidates of a mention, best first."""

    mention: str
    candidates: list[MatchRecord]


def match_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a line of ``defnames lookup --json``, with the models'
    definitions under ``$defs`` (``#/$defs/MatchRecord`` is the match object of the files)."""
    adapter: TypeAdapter[MatchRecord | NoMatchRecord | CandidatesRecord] = TypeAdapter(
        MatchRecord | NoMatchRecord | CandidatesRecord
    )
    schema = adapter.json_schema(ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "defnames match",
        "description": "One line of `defnames lookup --json`: a match, no match, or the candidates of --top. "
        "Generated from defnames.pipelines.columns by `defnames schema`.",
        **schema,
    }
