"""Resolving many mentions at once, as pipelines do.

Contract records repeat the same few thousand vendor names millions of times, so
:func:`resolve_many` resolves each distinct (mention, country) pair once and fans the result
out in input order. Every input gets an answer: ``None`` for no match, for empty strings, and
for values that are not strings at all (a broken row is not a crash).

>>> import defnames
>>> [m.entity.id if m else None for m in defnames.resolve_many(["LOCKHEED MARTIN CORP", "", "Lockheed Martin"])]
['lockheed-martin', None, 'lockheed-martin']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from defnames.models import Match

if TYPE_CHECKING:
    from defnames._resolver import Registry

__all__ = ["resolve_many"]


def resolve_many(
    reg: Registry,
    mentions: Iterable[object],
    *,
    context: str | None = None,
    country: str | None = None,
    countries: Sequence[str | None] | None = None,
) -> list[Match | None]:
    """Resolve every mention, in input order; each distinct one is resolved once.

    Args:
        mentions: names; anything that is not a non-empty string resolves to None.
        context: one context for all mentions.
        country: one country hint for all mentions.
        countries: a country hint per mention (same length as ``mentions``), overriding ``country``.
    """
    items = list(mentions)
    if countries is not None and len(countries) != len(items):
        from defnames.errors import InputError

        raise InputError(f"countries has {len(countries)} items for {len(items)} mentions")
    done: dict[tuple[str, str | None], Match | None] = {}
    out: list[Match | None] = []
    for i, m in enumerate(items):
        c = countries[i] if countries is not None else country
        if not isinstance(m, str) or not m.strip():
            out.append(None)
            continue
        c = c if isinstance(c, str) and c.strip() else None
        k = (m, c)
        if k not in done:
            try:
                done[k] = reg.resolve(m, context=context, country=c)
            except ValueError:  # an unknown country code in the data: resolve without it
                done[k] = reg.resolve(m, context=context)
        out.append(done[k])
    return out
