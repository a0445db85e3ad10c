"""What every route needs: the registry, the limits, the name search; and the checks of
request fields against the limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from defnames import Registry

from .limits import Limits
from .problems import ApiError
from .search import NameSearch

__all__ = ["Service", "check_length", "clamp_limit", "service"]


@dataclass
class Service:
    """The state one app serves from (kept on ``app.state.service``)."""

    registry: Registry
    limits: Limits = field(default_factory=Limits)
    search: NameSearch | None = None

    def __post_init__(self) -> None:
        if self.search is None:
            self.search = NameSearch(self.registry)

    @property
    def names(self) -> NameSearch:
        assert self.search is not None
        return self.search


def service(request: Request) -> Service:
    """The :class:`Service` of the app serving this request (a FastAPI dependency)."""
    found = request.app.state.service
    assert isinstance(found, Service)
    return found


def check_length(field_name: str, value: str | None, limit: int, *, status: int = 422) -> None:
    """Refuse a field longer than ``limit`` characters (422 by default; 413 for big texts)."""
    if value is not None and len(value) > limit:
        code = "too_large" if status == 413 else "too_long"
        raise ApiError(status, code, f"{field_name} is {len(value)} characters, over the limit of {limit}",
                       limit=limit)


def clamp_limit(requested: int | None, default: int, limits: Limits) -> int:
    """A candidate count between 0 and ``limits.max_candidates`` (``default`` when not given)."""
    n = default if requested is None else requested
    return max(0, min(int(n), limits.max_candidates))
