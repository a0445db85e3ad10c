"""What every route needs: the registry, the limits, the name search; and the checks of
request fields against the limits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from fastapi import Request

from defnames import Match, Registry

from .limits import Limits
from .problems import ApiError
from .search import NameSearch

__all__ = ["Service", "check_length", "clamp_limit", "service", "service_of"]


@dataclass
class Service:
    """The state one app serves from (kept on ``app.state.service``)."""

    registry: Registry
    limits: Limits = field(default_factory=Limits)
    search: NameSearch | None = None
    entity_count: int = 0
    ranked: Callable[[str, str | None, str | None, int], tuple[tuple[Match, ...], Match | None]] = field(
        init=False, repr=False
    )

    def __post_init__(self) -> None:
        if self.search is None:
            self.search = NameSearch(self.registry)
        self.entity_count = len(self.registry.entities)
        # candidates + resolve for one reconciliation query; sheets repeat names, so keep answers
        self.ranked = lru_cache(maxsize=20_000)(self._ranked)

    def _ranked(
        self, text: str, context: str | None, country: str | None, n: int
    ) -> tuple[tuple[Match, ...], Match | None]:
        reg = self.registry
        found = reg.candidates(text, context=context, country=country, limit=n)
        return tuple(found), reg.resolve(text, context=context, country=country)

    @property
    def names(self) -> NameSearch:
        assert self.search is not None
        return self.search


def service_of(request: Request) -> Service:
    """The :class:`Service` of the app serving this request."""
    found = request.app.state.service
    assert isinstance(found, Service)
    return found


async def service(request: Request) -> Service:
    """The same, as a FastAPI dependency (``Depends(service)``)."""
    return service_of(request)


def check_length(field_name: str, value: str | None, limit: int, *, status: int = 422) -> None:
    """Refuse a field longer than ``limit`` characters (422 by default; 413 for big texts)."""
    if value is not None and len(value) > limit:
        code = "too_large" if status == 413 else "too_long"
        raise ApiError(status, code, f"{field_name} is {len(value)} characters, over the limit of {limit}", limit=limit)


def clamp_limit(requested: int | None, default: int, limits: Limits) -> int:
    """A candidate count between 0 and ``limits.max_candidates`` (``default`` when not given)."""
    n = default if requested is None else requested
    return max(0, min(int(n), limits.max_candidates))
