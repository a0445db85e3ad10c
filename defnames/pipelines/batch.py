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
    workers: int = 1,
) -> list[Match | None]:
    """Resolve every mention, in input order; each distinct one is resolved once.

    Args:
        mentions: names; anything that is not a non-empty string resolves to None.
        context: one context for all mentions.
        country: one country hint for all mentions.
        countries: a country hint per mention (same length as ``mentions``), overriding ``country``.
        workers: processes for the distinct names (1: this process only; 0: every core). Worth it
            for many thousands of distinct names; see :mod:`defnames.pipelines.parallel`.
    """
    items = list(mentions)
    if countries is not None and len(countries) != len(items):
        from defnames.errors import InputError

        raise InputError(f"countries has {len(countries)} items for {len(items)} mentions")
    keys: list[tuple[str, str | None] | None] = []
    for i, m in enumerate(items):
        c = countries[i] if countries is not None else country
        if not isinstance(m, str) or not m.strip():
            keys.append(None)
            continue
        keys.append((m, c if isinstance(c, str) and c.strip() else None))
    if workers != 1:
        from defnames.pipelines.parallel import ResolverPool

        distinct = list(dict.fromkeys(k for k in keys if k is not None))
        with ResolverPool(reg, workers, context=context) as pool:
            done = dict(zip(distinct, pool.resolve(distinct)))
        return [None if k is None else done[k] for k in keys]
    seen: dict[tuple[str, str | None], Match | None] = {}
    out: list[Match | None] = []
    for k in keys:
        if k is None:
            out.append(None)
            continue
        if k not in seen:
            try:
                seen[k] = reg.resolve(k[0], context=context, country=k[1])
            except ValueError:  # an unknown country code in the data: resolve without it
                seen[k] = reg.resolve(k[0], context=context)
        out.append(seen[k])
    return out
