"""Reading registry source files: one YAML (or JSON) file per entity, plus shared names.

A *path* given to :func:`read_sources` may be a registry folder (with ``entities/`` and
``shared_names/`` inside, like the project's ``reference/``), a folder of entity files, or a
single file holding one entity or a list of entities. Large overlays load fastest as one file
of many entities:

- ``.jsonl`` / ``.ndjson``: one entity object per line (blank lines are skipped);
- ``.csv``: a header row of entity fields, one entity per row (see :func:`csv_record`).

Each record of such a file is named ``path:line`` in problems (the line where it starts).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from defnames.errors import Problem, ReferenceDataError

__all__ = ["RawSources", "csv_record", "read_sources", "yaml_load"]

_LINE_SUFFIXES = (".jsonl", ".ndjson")
_SUFFIXES = (".yml", ".yaml", ".json", *_LINE_SUFFIXES, ".csv")
_SHARED_SUFFIXES = (".yml", ".yaml", ".json")
_LIST_FIELDS = frozenset({"aliases", "weak_aliases", "sources"})


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
            raise ReferenceDataError(Problem(str(path), None, f"invalid JSON: {exc.msg}", line=exc.lineno)) from None
    import yaml

    try:
        return yaml_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        what = getattr(exc, "problem", None) or str(exc)
        msg = " ".join(f"invalid YAML: {what}".split())
        line = mark.line + 1 if mark is not None else None
        raise ReferenceDataError(Problem(str(path), None, msg, line=line)) from None


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


def _records_of(f: Path) -> list[tuple[str, dict[str, Any]]]:
    suffix = f.suffix.lower()
    if suffix in _LINE_SUFFIXES:
        return list(_jsonl_records(f))
    if suffix == ".csv":
        return list(_csv_records(f))
    data = _load_file(f)
    if data is None:
        raise ReferenceDataError(f"{f}: empty file")
    return _entity_records(f, data)


def _open_text(path: Path) -> Any:
    try:
        return path.open(encoding="utf-8-sig", newline="")  # a byte-order mark (spreadsheet exports) is dropped
    except OSError as exc:
        raise ReferenceDataError(f"{path}: cannot read: {exc}") from None


def _jsonl_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """One entity object per line."""
    decode = json.JSONDecoder().decode
    with _open_text(path) as fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    item = decode(line)
                except json.JSONDecodeError as exc:
                    raise ReferenceDataError(f"{path}:{n}: invalid JSON: {exc.msg}") from None
                if not isinstance(item, dict):
                    raise ReferenceDataError(f"{path}:{n}: an entity must be a JSON object")
                yield f"{path}:{n}", item
        except UnicodeDecodeError as exc:
            raise ReferenceDataError(f"{path}: cannot read: {exc}") from None


def _csv_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """A header row of entity fields, then one entity per row (cells read by :func:`csv_record`)."""
    with _open_text(path) as fh:
        reader = csv.reader(fh)
        try:
            header = [h.strip() for h in next(reader, [])]
            if not header or not any(header):
                raise ReferenceDataError(f"{path}: empty file (a CSV overlay needs a header row of field names)")
            start = reader.line_num + 1
            for cells in reader:
                where, start = f"{path}:{start}", reader.line_num + 1
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) > len(header):
                    raise ReferenceDataError(f"{where}: {len(cells)} cells for {len(header)} columns")
                try:
                    yield where, csv_record(dict(zip(header, cells)))
                except ValueError as exc:
                    raise ReferenceDataError(f"{where}: {exc}") from None
        except csv.Error as exc:
            raise ReferenceDataError(f"{path}:{reader.line_num}: invalid CSV: {exc}") from None
        except UnicodeDecodeError as exc:
            raise ReferenceDataError(f"{path}: cannot read: {exc}") from None


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _pairs(cell: str, key: str, value: str, number: type) -> list[dict[str, Any]]:
    """``a|b=3`` -> ``[{key: 'a'}, {key: 'b', value: 3}]`` (the value after the last ``=``)."""
    out: list[dict[str, Any]] = []
    for item in _split(cell):
        head, eq, tail = item.rpartition("=")
        if eq and head.strip():
            try:
                out.append({key: head.strip(), value: number(tail.strip())})
                continue
            except ValueError:
                pass
        out.append({key: item})
    return out


def csv_record(row: dict[str, str]) -> dict[str, Any]:
    """An entity record from one CSV row: ``{column: cell}`` with the cells as written.

    - an empty cell leaves the field out (its default applies);
    - ``aliases``, ``weak_aliases``, ``sources``: a JSON array, or names separated by ``|``;
    - ``former_names``: a JSON array of objects, or ``|``-separated names, each optionally
      ``=YEAR`` for its ``until`` year (``Krauss-Maffei Wegmann=2024|KMW=2024``);
    - ``owners``: a JSON array of objects, or ``|``-separated owners, each optionally
      ``=SHARE`` in percent (``knds=50|Government of Norway=50``);
    - ``identifiers``: a JSON object, or ``|``-separated ``key=value`` pairs; a column
      ``identifiers.KEY`` gives one identifier;
    - any other field as plain text (numbers such as ``until`` are read by the model).

    Raises:
        ValueError: a cell that starts like JSON (``[`` or ``{``) but is not valid JSON.
    """
    rec: dict[str, Any] = {}
    ids: dict[str, str] = {}
    for col, cell in row.items():
        cell = cell.strip()
        if not cell or not col:
            continue
        if cell[0] in "[{" and col in {*_LIST_FIELDS, "former_names", "owners", "identifiers"}:
            try:
                rec[col] = json.loads(cell)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{col}: invalid JSON cell: {exc.msg}") from None
        elif col in _LIST_FIELDS:
            rec[col] = _split(cell)
        elif col == "former_names":
            rec[col] = _pairs(cell, "name", "until", int)
        elif col == "owners":
            rec[col] = _pairs(cell, "owner", "share", float)
        elif col == "identifiers":
            ids.update({k.strip(): v.strip() for k, _, v in (x.partition("=") for x in _split(cell))})
        elif col.startswith("identifiers."):
            ids[col.removeprefix("identifiers.")] = cell
        else:
            rec[col] = cell
    if ids:
        rec["identifiers"] = {**ids, **(rec["identifiers"] if isinstance(rec.get("identifiers"), dict) else {})}
    return rec


def _files(folder: Path, suffixes: tuple[str, ...] = _SUFFIXES) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in suffixes and p.is_file())


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
            shared_files = _files(shared_dir, _SHARED_SUFFIXES) if shared_dir.is_dir() else []
        else:
            entity_files, shared_files = [p], []
        for f in entity_files:
            raw.entities += _records_of(f)
            raw.files.append(f)
        for f in shared_files:
            raw.shared_names += _shared_records(f, _load_file(f))
            raw.files.append(f)
    return raw
