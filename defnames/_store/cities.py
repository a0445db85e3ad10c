"""Headquarters cities of the entities, as place phrases the matcher reads as country hints."""

from __future__ import annotations

from collections.abc import Iterable

from defnames._text.fold import fold
from defnames.models import Entity

__all__ = ["city_places"]


def city_places(entities: Iterable[Entity]) -> dict[tuple[str, ...], str]:
    """Headquarters cities of entities as place phrases: 'Kazanlak' -> BG."""
    out: dict[tuple[str, ...], str] = {}
    for e in entities:
        if e.city:
            key = tuple(fold(e.city).split())
            if 0 < len(key) <= 4:
                out.setdefault(key, e.country)
    return out
