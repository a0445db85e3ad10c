"""Pydantic models that describe the JSON API in the OpenAPI document (``/openapi.json``,
``/docs``): request bodies, and the response shapes built by :mod:`defnames.serve.shapes`.

The routes send the shapes directly (no second validation on the hot path); these models only
document them, and the tests check that responses fit them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CandidatesBody",
    "CandidatesOut",
    "EntityOut",
    "EntityRef",
    "ErrorOut",
    "ExtractBody",
    "ExtractOut",
    "MatchOut",
    "MentionOut",
    "ResolveBody",
    "SearchOut",
    "SearchRow",
]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ResolveBody(_Body):
    name: str = Field(description="the mention, as written")
    context: str | None = Field(default=None, description="text around the mention")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code the entity should be in")
    explain: bool = Field(default=False, description="add why it matched")


class CandidatesBody(ResolveBody):
    limit: int = Field(default=5, ge=0, description="how many candidates (capped by the server's limit)")


class ExtractBody(_Body):
    text: str = Field(description="free text")
    context: str | None = Field(default=None, description="extra context for the whole text")


class Owner(BaseModel):
    owner: str
    share: float | None = None
    as_of: int | None = None


class MatchOut(BaseModel):
    """One resolved mention; ``{"mention": ..., "match": null}`` when nothing matched."""

    mention: str
    match: None = Field(default=None, description="present (and null) only when nothing matched")
    id: str | None = None
    name: str | None = None
    country: str | None = None
    parent_id: str | None = None
    ultimate_parent_id: str | None = None
    parent_chain: list[str] | None = None
    owners: list[Owner] | None = None
    score: float | None = Field(default=None, ge=0, le=100)
    method: str | None = None
    matched: str | None = None
    former_until: int | None = None
    successor_id: str | None = None
    explanation: dict[str, Any] | None = None


class CandidatesOut(BaseModel):
    mention: str
    resolved: str | None = Field(description="id of the entity /resolve returns, or null")
    candidates: list[MatchOut]


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    match: MatchOut


class ExtractOut(BaseModel):
    mentions: list[MentionOut]


class SearchRow(BaseModel):
    id: str
    name: str
    matched: str
    country: str
    kind: str
    status: str
    how: str = Field(description="prefix, word or fuzzy")
    score: float | None = None


class SearchOut(BaseModel):
    q: str
    result: list[SearchRow]


class EntityRef(BaseModel):
    id: str
    name: str
    country: str
    kind: str


class NameOut(BaseModel):
    name: str
    type: str
    script: str


class OwnerOut(BaseModel):
    owner: str
    id: str | None
    name: str
    country: str | None = None
    share: float | None
    as_of: int | None


class FormerNameOut(BaseModel):
    name: str
    since: int | None
    until: int | None


class IdentifierLink(BaseModel):
    scheme: str
    value: str
    url: str | None


class EntityOut(BaseModel):
    id: str
    name: str
    legal_name: str | None
    kind: str
    status: str
    country: str
    country_name: str
    city: str | None
    website: str | None
    note: str | None
    names: list[NameOut]
    parent: EntityRef | None
    parent_since: int | None
    parent_chain: list[EntityRef]
    ultimate_parent: EntityRef
    owners: list[OwnerOut]
    subsidiaries: list[EntityRef]
    former_names: list[FormerNameOut]
    successor: EntityRef | None
    until: int | None
    identifiers: dict[str, str]
    identifier_links: list[IdentifierLink]
    sources: list[str]


class ErrorOut(BaseModel):
    error: str = Field(description="a short code: too_long, too_large, invalid, not_found, …")
    message: str
    limit: int | None = None
