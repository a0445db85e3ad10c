"""The typed records defnames works with: :class:`Entity` and its parts, :class:`Match`,
:class:`Mention`.

All are frozen pydantic v2 models, so they validate what goes in, are hashable where it
makes sense, and export a JSON Schema (``Entity.model_json_schema()``).

>>> e = Entity(id="acme-defence", name="Acme Defence", country="gb", kind="company",
...            sources=["https://example.org/acme"])
>>> e.country
'GB'
>>> e.all_names()
['Acme Defence']
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from defnames._countries import is_country_code

__all__ = [
    "Entity",
    "EntityKind",
    "EntityStatus",
    "Explanation",
    "FormerName",
    "Match",
    "Mention",
    "Owner",
]

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class EntityKind(str, Enum):
    """What sort of organisation an entity is."""

    company = "company"
    subsidiary = "subsidiary"
    division = "division"
    joint_venture = "joint_venture"
    state_enterprise = "state_enterprise"
    holding = "holding"


class EntityStatus(str, Enum):
    """Whether an entity still exists under its own name."""

    active = "active"
    merged = "merged"
    defunct = "defunct"


class Method(str, Enum):
    """How a mention was matched to its entity (``Match.method``)."""

    exact = "exact"  # the entity's canonical name
    legal_name = "legal_name"  # its registered name, legal form included
    alias = "alias"
    weak_alias = "weak_alias"  # a name that is also an everyday word, with context support
    former_name = "former_name"
    acronym = "acronym"  # initials derived from the name (KMW, IAI)
    ticker = "ticker"  # an exchange ticker ("RHM GY", "NYSE:NOC")
    compact = "compact"  # the name with spacing ignored ("Hanwha Aero space")
    shortened = "shortened"  # a name cut short of its last domain word ("Thales Alenia")
    fuzzy = "fuzzy"  # a misspelling or inflection
    subsidiary_by_country = "subsidiary_by_country"  # a group named with a country: its arm there
    parts = "parts"  # several names: a joint venture by its parts, or a unit through its owner
    inflected = "inflected"  # the name with a case ending ("Saabs", "Hucie Stalowa Wola")
    concept = "concept"  # descriptor words in another language ("Казанский вертолётный завод")
    phonetic = "phonetic"  # a transcription in another script ("ميلريم روبوتيكس")


class NameKind(str, Enum):
    """Which kind of registry name an index entry is."""

    name = "name"
    legal_name = "legal_name"
    alias = "alias"
    weak_alias = "weak_alias"
    former_name = "former_name"
    acronym = "acronym"
    ticker = "ticker"


class _Frozen(BaseModel):
    # defer_build: the validators are built on first validation, not at import (the packaged
    # records and the answers are built with ``_trusted``, which needs none)
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)

    @classmethod
    def _trusted(cls, **values: Any) -> Any:
        """Build from values the library itself produced, without validation.

        What ``model_construct`` does, minus its per-field default handling: every field must
        be given. Resolution builds two of these per answer, so this is on the hot path.
        """
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        object.__setattr__(obj, "__pydantic_fields_set__", set(values))
        object.__setattr__(obj, "__pydantic_extra__", None)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj

    @classmethod
    def _defaults(cls) -> list[tuple[str, Any, Any]]:
        """Every field in order, with its default value or the factory that makes it."""
        found: list[tuple[str, Any, Any]] | None = cls.__dict__.get("_default_values")
        if found is None:
            found = [(name, f.default, f.default_factory) for name, f in cls.model_fields.items()]
            type.__setattr__(cls, "_default_values", found)
        return found

    @classmethod
    def _from_record(cls, record: dict[str, Any], **converted: Any) -> Any:
        """Build from a record the compile step validated and wrote (defaults left out), fields
        that need it already ``converted``; keeps the record's keys as the fields set."""
        values: dict[str, Any] = {}
        for name, default, factory in cls._defaults():
            if name in converted:
                values[name] = converted[name]
            elif name in record:
                values[name] = record[name]
            else:
                values[name] = default if factory is None else factory()
        obj = cls._trusted(**values)
        object.__setattr__(obj, "__pydantic_fields_set__", set(record))
        return obj


class Owner(_Frozen):
    """A shareholder: an entity id of the registry, or a named holder."""

    @classmethod
    def _packaged(cls, d: dict[str, Any]) -> Owner:
        share = d.get("share")
        return cls._from_record(d, **({"share": float(share)} if share is not None else {}))  # type: ignore[no-any-return]

    owner: str = Field(description="entity id, or a holder's name such as 'Government of Norway'")
    share: float | None = Field(default=None, ge=0, le=100, description="percent of the capital")
    as_of: int | None = Field(default=None, ge=1800, le=2100, description="year the share applies to")


class FormerName(_Frozen):
    """A name the entity used before, with the last year it was used."""

    name: str = Field(min_length=1)
    until: int | None = Field(default=None, ge=1800, le=2100)
    since: int | None = Field(default=None, ge=1800, le=2100)

    @classmethod
    def _packaged(cls, d: dict[str, Any]) -> FormerName:
        return cls._from_record(d)  # type: ignore[no-any-return]


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

    @classmethod
    def _packaged(cls, d: dict[str, Any]) -> Entity:
        """An entity of the packaged bundle, without validating it again: the compile step
        validated it and wrote ``model_dump(mode="json", exclude_defaults=True)``, and
        ``tests/census`` checks that this equals ``Entity.model_validate(d)`` for every one."""
        conv: dict[str, Any] = {}
        for name in ("aliases", "weak_aliases", "sources"):
            if name in d:
                conv[name] = tuple(d[name])
        if "owners" in d:
            conv["owners"] = tuple(Owner._packaged(o) for o in d["owners"])
        if "former_names" in d:
            conv["former_names"] = tuple(FormerName._packaged(f) for f in d["former_names"])
        if "kind" in d:
            conv["kind"] = EntityKind(d["kind"])
        if "status" in d:
            conv["status"] = EntityStatus(d["status"])
        if "identifiers" in d:
            conv["identifiers"] = dict(d["identifiers"])
        return cls._from_record(d, **conv)  # type: ignore[no-any-return]

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

    def all_names(self) -> list[str]:
        """Every name of the entity: name, legal name, aliases, weak aliases, former names."""
        names = [self.name]
        if self.legal_name:
            names.append(self.legal_name)
        names += [*self.aliases, *self.weak_aliases, *(f.name for f in self.former_names)]
        return list(dict.fromkeys(names))


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
    ``fuzzy``, ``subsidiary_by_country`` or ``parts`` (several names: a joint venture described
    by its parts, or a subsidiary named through its owner).
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

    @property
    def entity_id(self) -> str:
        return self.entity.id

    @classmethod
    def _packaged(cls, entity: Entity, row: list[Any]) -> Match:
        """A match from a row of the compile step's answers (``answer_row``), for ``entity``."""
        score, matched, method, former_until, successor, unit, key, dropped, hints, parts, notes = row[1:]
        explanation = Explanation._trusted(
            mention_key=key,
            dropped=tuple((w, why) for w, why in dropped),
            country_hints=tuple(hints),
            context_support=None,
            parts=parts,
            notes=tuple(notes),
        )
        match: Match = cls._trusted(
            entity=entity,
            score=score,
            matched=matched,
            method=Method(method),
            former_until=former_until,
            successor=successor,
            unit=unit,
            explanation=explanation,
        )
        return match

    def _answer_row(self) -> list[Any]:
        """This match as a row of the compile step's answers (see :meth:`_packaged`); only for
        matches made without context (their context support is None)."""
        x = self.explanation
        if x is None or x.context_support is not None:
            raise ValueError("only a match with an explanation and no context has an answer row")
        return [
            self.entity.id,
            self.score,
            self.matched,
            self.method.value,
            self.former_until,
            self.successor,
            self.unit,
            x.mention_key,
            [list(p) for p in x.dropped],
            list(x.country_hints),
            x.parts,
            list(x.notes),
        ]


class Mention(_Frozen):
    """A span of free text that names a registry entity.

    ``text[mention.start:mention.end] == mention.text`` always holds for the text it came from.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    match: Match
