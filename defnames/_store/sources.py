"""Reading registry source files: one YAML (or JSON) file per entity, plus shared names.

A *path* given to :func:`read_sources` may be a registry folder (with ``entities/`` and
``shared_names/`` inside, like the project's ``reference/``), a folder of entity files, or a
single file holding one entity or a list of entities.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from defnames.errors import ReferenceDataError

__all__ = ["RawSources", "read_sources", "yaml_load"]

_SUFFIXES = (".yml", ".yaml", ".json")


@dataclass
class RawSources:
    """Unvalidated records with the file each came from."""

    entities: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    shared_names: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _load_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceDataError(f"{path}: cannot read: {exc}") from None
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReferenceDataError(f"{path}: invalid JSON: {exc}") from None
    import yaml

    try:
        return yaml_load(text)
    except yaml.YAMLError as exc:
        msg = " ".join(str(exc).split())
        raise ReferenceDataError(f"{path}: invalid YAML: {msg}") from None


def yaml_load(text: str) -> Any:
    """Parse YAML as YAML 1.2 reads booleans: only true/false, so ``country: NO`` stays 'NO'."""
    return _yaml_loader()(text)


@cache
def _yaml_loader() -> Any:
    import re

    import yaml

    class Loader(yaml.SafeLoader):
        pass

    resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.yaml_implicit_resolvers = resolvers
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return lambda text: yaml.load(text, Loader=Loader)


def _entity_records(path: Path, data: Any) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(data, dict) and "entities" in data and isinstance(data["entities"], list):
        data = data["entities"]
    items = data if isinstance(data, list) else [data]
    out = []
    for i, item in enumerate(items):
        where = str(path) if len(items) == 1 else f"{path}[{i}]"
        if not isinstance(item, dict):
            raise ReferenceDataError(f"{where}: an entity must be a mapping of fields")
        out.append((where, item))
    return out


def _shared_records(path: Path, data: Any) -> list[tuple[str, dict[str, Any]]]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise ReferenceDataError(f"{path}: shared names must be a list of {{name, entities}}")
    return [(f"{path}[{i}]", x) for i, x in enumerate(data)]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in _SUFFIXES and p.is_file())


def read_sources(*paths: str | Path) -> RawSources:
    """Read entity and shared-name records from files and folders.

    Raises:
        ReferenceDataError: a path that does not exist, or a file that cannot be parsed.
    """
    raw = RawSources()
    for p in map(Path, paths):
        if not p.exists():
            raise ReferenceDataError(f"{p}: no such file or folder")
        if p.is_dir():
            ent_dir = p / "entities"
            shared_dir = p / "shared_names"
            entity_files = _files(ent_dir) if ent_dir.is_dir() else _files(p)
            shared_files = _files(shared_dir) if shared_dir.is_dir() else []
        else:
            entity_files, shared_files = [p], []
        for f in entity_files:
            data = _load_file(f)
            if data is None:
                raise ReferenceDataError(f"{f}: empty file")
            raw.entities += _entity_records(f, data)
            raw.files.append(f)
        for f in shared_files:
            raw.shared_names += _shared_records(f, _load_file(f))
            raw.files.append(f)
    return raw
