"""defnames: which defense company does a name mean?

Resolve noisy mentions ("the Prague Czechoslovak group", "Raytheon Technologies",
"Укроборонпром") to canonical entities with country, parents and owners — or to None when
no defense company is meant.

>>> import defnames
>>> m = defnames.resolve("Prague Czechoslovak group")
>>> m.entity.name, m.entity.country
('Czechoslovak Group', 'CZ')
>>> defnames.resolve("Leonardo da Vinci") is None
True

The flow from a raw mention to an entity reads in the module names: ``normalize`` (fold the
words) → ``registry`` / ``name_index`` (the names of every entity) → ``mention_analysis`` →
``exact_match`` → ``segments`` → ``fuzzy_match`` → ``records`` (the candidate passes, run by
``candidate_search``) → ``decide`` (evidence and the choice); ``mentions`` finds them in free
text, ``batch`` and ``match_files`` in bulk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from defnames.errors import DefnamesError, InputError, ReferenceDataError, UnknownEntityError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from defnames._resolver import Registry, registry
    from defnames.models import Entity, Explanation, FormerName, Match, Mention, Owner

# Imported on first use, so that ``import defnames`` stays light (no pydantic models, no index
# code): the module that defines each name.
_LAZY = {
    "Registry": "defnames._resolver",
    "registry": "defnames._resolver",
    "Entity": "defnames.models",
    "Explanation": "defnames.models",
    "FormerName": "defnames.models",
    "Match": "defnames.models",
    "Mention": "defnames.models",
    "Owner": "defnames.models",
}

__all__ = [
    "DefnamesError",
    "Entity",
    "Explanation",
    "FormerName",
    "InputError",
    "Match",
    "Mention",
    "Owner",
    "ReferenceDataError",
    "Registry",
    "UnknownEntityError",
    "__version__",
    "candidates",
    "extract",
    "get",
    "registry",
    "resolve",
    "resolve_many",
]


def _registry() -> Registry:
    from defnames._resolver import registry

    return registry()


def resolve(
    mention: str, *, context: str | None = None, country: str | None = None, as_of: int | None = None
) -> Match | None:
    """Resolve one mention against the packaged registry (see :meth:`Registry.resolve`).

    >>> resolve("Raytheon Technologies").entity.name
    'RTX'
    >>> resolve("Belgian Thales").entity.name
    'Thales Belgium'
    """
    return _registry().resolve(mention, context=context, country=country, as_of=as_of)


def candidates(
    mention: str,
    *,
    context: str | None = None,
    country: str | None = None,
    limit: int = 5,
    as_of: int | None = None,
) -> list[Match]:
    """Ranked candidate entities for a mention, best first (see :meth:`Registry.candidates`)."""
    return _registry().candidates(mention, context=context, country=country, limit=limit, as_of=as_of)


def get(entity_id: str) -> Entity:
    """The entity with this id; raises :class:`UnknownEntityError` (a ``LookupError``)."""
    return _registry().get(entity_id)


def extract(text: str, *, context: str | None = None) -> list[Mention]:
    """Every defense-company mention in free text, with exact character spans.

    >>> [m.text for m in extract("The German Rheinmetall and the French Nexter signed.")]
    ['Rheinmetall', 'Nexter']
    """
    return _registry().extract(text, context=context)


def resolve_many(
    mentions: Iterable[str], *, context: str | None = None, country: str | None = None, workers: int = 1
) -> list[Match | None]:
    """Resolve many mentions, in input order; each distinct mention is resolved once.

    ``workers`` processes share the distinct mentions out (0: every core; 1, the default: this
    process only); see :mod:`defnames.pipelines.parallel`.
    """
    from defnames.pipelines.batch import resolve_many as _resolve_many

    return _resolve_many(_registry(), mentions, context=context, country=country, workers=workers)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # once: later look-ups are plain attribute reads
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("defnames")
        except PackageNotFoundError:  # running from a source tree
            return "0.0.0+unknown"
    raise AttributeError(f"module 'defnames' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})
