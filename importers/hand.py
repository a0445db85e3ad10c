"""The hand registry (``reference/entities``), read through defnames' public API only."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

import defnames

from . import yamlio


@dataclass(frozen=True)
class Hand:
    """The hand entities as defnames validated them, and a registry to resolve names on."""

    registry: defnames.Registry
    entities: list[defnames.Entity]

    @classmethod
    def load(cls, reference: Path, layers: list[Path] | None = None) -> Hand:
        """Load ``reference/`` with ``Registry.load``; when the registry-wide checks fail (a
        draft under edit), fall back to the records that validate alone, with a warning.

        With ``layers`` (files of earlier imports), the registry matched against is the hand
        registry with those layers merged in (:func:`importers.layer.merge_layers`).
        """
        try:
            reg = defnames.Registry.load(reference, include_default=False)
        except defnames.ReferenceDataError as exc:
            print(
                f"warning: the hand registry has problems; matching against the records that "
                f"validate alone ({str(exc)[:200]})",
                file=sys.stderr,
            )
            reg = defnames.Registry(_lenient(reference), reg_shared(reference), check=False)
        if layers:
            from .layer import load_layer, merge_layers

            base = cls(reg, reg.entities).dicts()
            merged, _ = merge_layers(base, [load_layer(p.read_text(encoding="utf-8")) for p in layers])
            entities = [defnames.Entity.model_validate(d) for d in merged]
            reg = defnames.Registry(entities, reg.shared_names, check=False)
        return cls(reg, reg.entities)

    def dicts(self) -> list[dict[str, Any]]:
        """The entities as plain dicts (empty fields left out), the shape of the YAML files."""
        return [
            e.model_dump(mode="json", exclude_defaults=True) | {"id": e.id, "country": e.country} for e in self.entities
        ]


def reg_shared(reference: Path) -> list[tuple[str, frozenset[str]]]:
    """The declared shared names (``shared_names/*.yml``), read leniently."""
    out = []
    for path in sorted((reference / "shared_names").glob("*.yml")):
        for item in yamlio.load(path) or []:
            if isinstance(item, dict) and isinstance(item.get("name"), str) and isinstance(item.get("entities"), list):
                out.append((item["name"], frozenset(item["entities"])))
    return out


def _lenient(reference: Path) -> list[defnames.Entity]:
    out: dict[str, defnames.Entity] = {}
    for path in sorted((reference / "entities").glob("*.yml")):
        data = yamlio.load(path)
        if not isinstance(data, dict):
            continue
        data.setdefault("id", path.stem)
        try:
            e = defnames.Entity.model_validate(data)
        except ValidationError:
            continue
        out.setdefault(e.id, e)
    return list(out.values())
