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
    def load(cls, reference: Path) -> Hand:
        """Load ``reference/`` with ``Registry.load``; when the registry-wide checks fail (a
        draft under edit), fall back to the records that validate alone, with a warning."""
        try:
            reg = defnames.Registry.load(reference, include_default=False)
        except defnames.ReferenceDataError as exc:
            print(f"warning: the hand registry has problems; matching against the records that "
                  f"validate alone ({str(exc)[:200]})", file=sys.stderr)
            reg = defnames.Registry(_lenient(reference), check=False)
        return cls(reg, reg.entities)

    def dicts(self) -> list[dict[str, Any]]:
        """The entities as plain dicts (empty fields left out), the shape of the YAML files."""
        return [e.model_dump(mode="json", exclude_defaults=True) | {"id": e.id, "country": e.country}
                for e in self.entities]


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
