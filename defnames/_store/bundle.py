"""The packaged bundle: ``_data/reference.json``, compiled from ``reference/`` by
``tools/compile_reference.py`` (generated, with a content digest; never edited by hand)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from defnames._store.parse import SharedName
from defnames.models import Entity

__all__ = ["Bundle", "load_index_rows", "load_packaged", "load_variants"]

Bundle = tuple[list[Entity], list[SharedName], str, str]  # entities, shared names, version, digest


def load_packaged() -> Bundle:
    """The packaged entities, shared names and data version."""
    raw = resources.files("defnames").joinpath("_data/reference.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    entities = [Entity.model_validate(d) for d in data["entities"]]
    shared = [(s["name"], frozenset(s["entities"])) for s in data.get("shared_names", [])]
    return entities, shared, str(data["version"]), str(data.get("digest", ""))


def load_variants() -> dict[str, tuple[str, tuple[str, ...], str]]:
    """The precomputed concept keys and skeletons of the packaged names (empty if absent)."""
    path = resources.files("defnames").joinpath("_data/variants.json")
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {name: (v[0], tuple(v[1]), v[2]) for name, v in data["names"].items() if len(v) == 3}


def load_index_rows(digest: str) -> list[list[Any]] | None:
    """The name index the compile step built for the packaged entities, when it was built from
    the bundle with this digest (else None: the index is built at run time)."""
    path = resources.files("defnames").joinpath("_data/index.json")
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data["entries"] if data.get("digest") == digest else None
