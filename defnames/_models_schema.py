"""The pydantic form of the public records of :mod:`defnames.models`: what validates them,
dumps them and exports their JSON Schema.

:mod:`defnames.models` defines the records as plain frozen classes, so that resolving a name
needs no pydantic; every method that validates or serializes (``Entity(...)``,
``model_validate``, ``model_dump``, ``model_json_schema``) goes through the model of the same
name here, imported on first use. Fields, constraints and validators are defined here only.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from defnames._countries import is_country_code
from defnames.models import EntityKind, EntityStatus, Method

__all__ = ["MODELS", "Entity", "Explanation", "FormerName", "Match", "Mention", "Owner"]

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Frozen(BaseModel):
    # defer_build: each validator is built on the first validation that needs it
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)


class Owner(_Frozen):
    """A shareholder: an entity id of the registry, or a named holder."""

    owner: str = Field(description="entity id, or a holder's name such as 'Government of Norway'")
    share: float | None = Field(default=None, ge=0, le=100, description="percent of the capital")
    as_of: int | None = Field(default=None, ge=1800, le=2100, description="year the share applies to")


class FormerName(_Frozen):
    """A name the entity used before, with the last year it was used."""

    name: str = Field(min_length=1)
    until: int | None = Field(default=None, ge=1800, le=2100)
    since: int | None = Field(default=None, ge=1800, le=2100)


class Entity(_Frozen):
    """One company, subsidiary, division, joint venture or state enterprise.

    Ids are permanent lowercase slugs; ``parent``, ``successor`` and entity ``owners`` refer to
    other ids of the same registry. Use :meth:`defnames.Registry.parent_chain` and
    :meth:`defnames.Registry.ultimate_parent` to walk the ownership tree.
    """

    id: str = Field(description="stable lowercase slug, never reused")
    name: str = Field(min_length=1, description="display name as the company writes it today")
    legal_name: str | None = None
    kind: EntityKind = EntityKind.company
    country: str = Field(description="ISO 3166-1 alpha-2 code of the headquarters")
    city: str | None = None
    parent: str | None = None
    parent_since: int | None = Field(default=None, ge=1800, le=2100, description="first year under the current parent")
    owners: tuple[Owner, ...] = ()
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = Field(
        default=(), description="names that are also everyday words; need supporting context"
    )
    former_names: tuple[FormerName, ...] = ()
    status: EntityStatus = EntityStatus.active
    successor: str | None = None
    until: int | None = Field(
        default=None, ge=1800, le=2100, description="last year as its own company (merged or defunct)"
    )
    identifiers: dict[str, str] = Field(default_factory=dict)
    website: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _check_id(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError(f"id {v!r} must be a lowercase slug of a-z, 0-9 and single hyphens")
        return v

    @field_validator("country")
    @classmethod
    def _check_country(cls, v: str) -> str:
        code = v.strip().upper()
        if not is_country_code(code):
            raise ValueError(f"{v!r} is not an ISO 3166-1 alpha-2 country code")
        return code

    @field_validator("aliases", "weak_aliases", "sources")
    @classmethod
    def _strip_strings(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = []
        for s in v:
            s = s.strip()
            if not s:
                raise ValueError("empty string in list")
            if s not in out:
                out.append(s)
        return tuple(out)

    @field_validator("identifiers", mode="before")
    @classmethod
    def _identifiers_as_strings(cls, v: Any) -> Any:
        if isinstance(v, dict):
            return {str(k): str(val) for k, val in v.items() if val is not None}
        return v

    @model_validator(mode="after")
    def _check_links(self) -> Entity:
        if self.parent == self.id:
            raise ValueError("parent: an entity cannot be its own parent")
        if self.successor is not None and self.status is EntityStatus.active:
            raise ValueError("successor: only a merged or defunct entity has a successor")
        if self.status is EntityStatus.merged and self.successor is None:
            raise ValueError("successor: a merged entity needs the id of its successor")
        if self.until is not None and self.status is EntityStatus.active:
            raise ValueError("until: only a merged or defunct entity has an end year")
        return self


class Explanation(_Frozen):
    """Why a mention resolved the way it did."""

    mention_key: str = Field(description="the mention after normalization")
    dropped: tuple[tuple[str, str], ...] = Field(default=(), description="(word, reason) pairs removed before matching")
    country_hints: tuple[str, ...] = Field(default=(), description="countries the words point to")
    context_support: float | None = Field(
        default=None, description="defense-sense evidence found in the context (None: no context)"
    )
    parts: dict[str, float] = Field(default_factory=dict, description="score components")
    notes: tuple[str, ...] = ()


class Match(_Frozen):
    """A resolved mention: which entity, through which name, how sure, and why.

    ``score`` runs from 0 to 100; at or above the resolver's threshold (85 by default) the
    match is confident. ``method`` says how it was found: ``exact`` (the canonical name),
    ``legal_name``, ``alias``, ``weak_alias``, ``former_name``, ``acronym``, ``compact``
    (spacing ignored), ``shortened`` (a name cut short of its last word: "Thales Alenia"),
    ``fuzzy``, ``subsidiary_by_country``, ``subsidiary_by_words`` ("BAE Systems Land"),
    ``parts`` (several names: a joint venture described by its parts, or a subsidiary named
    through its owner), ``inflected``, ``concept`` or ``phonetic``: every member of :class:`Method`.
    """

    entity: Entity
    score: float = Field(ge=0, le=100)
    matched: str = Field(description="the registry name that matched")
    method: Method
    former_until: int | None = Field(default=None, description="last year of a former name")
    successor: str | None = Field(
        default=None, description="for a merged entity: the id of the entity that carries it on today"
    )
    unit: str | None = Field(
        default=None,
        description="the mention names a unit of this entity that the registry does not list (the unit's words)",
    )
    explanation: Explanation | None = None


class Mention(_Frozen):
    """A span of free text that names a registry entity.

    ``text[mention.start:mention.end] == mention.text`` always holds for the text it came from.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    match: Match


MODELS: dict[str, type[BaseModel]] = {m.__name__: m for m in (Owner, FormerName, Entity, Explanation, Match, Mention)}
