"""The packaged bundle: ``_data/*.json``, compiled from ``reference/`` by
``tools/compile_reference.py`` (generated, with a content digest; never edited by hand).

The files are read lazily and only as far as a call needs them, so that the first answer of a
fresh process does not wait for the whole registry:

- ``reference.json`` holds one entity per line, so :meth:`PackagedBundle.entity` finds one
  record with a byte search and parses that line alone; :meth:`PackagedBundle.load` parses
  them all (the packaged records were validated by the compile step, and are built here
  without validation again: see :meth:`defnames.models.Entity._packaged`);
- ``answers.json`` holds, for every name of the registry exactly as written, what
  ``resolve(name)`` answers with no context, country or year — computed by the compile step
  with the real resolver on the packaged registry, and used only while its digest matches;
- ``index.json`` (the name index) and ``variants.json`` (concept keys and skeletons) are
  parsed only when matching needs them.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from defnames.models import Entity, Match

SharedName = tuple[str, frozenset[str]]  # as defnames._store.parse (not imported: it loads pydantic)

__all__ = ["Bundle", "LazyVariants", "PackagedBundle", "load_index_rows", "load_packaged", "load_variants"]

Bundle = tuple[list["Entity"], list[SharedName], str, str]  # entities, shared names, version, digest
Variants = dict[str, tuple[str, tuple[str, ...], str]]


_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "_data")


def _data(name: str) -> bytes:
    """A data file's bytes (empty when absent): read from the package folder, or through
    importlib.resources when the package is not a folder (a zip)."""
    try:
        with open(os.path.join(_DATA, name), "rb") as f:
            return f.read()
    except FileNotFoundError:
        if os.path.isdir(_DATA):
            return b""
    from importlib import resources

    path = resources.files("defnames").joinpath(f"_data/{name}")
    return path.read_bytes() if path.is_file() else b""


def _first_line(data: bytes) -> bytes:
    end = data.find(b"\n")
    return data[: end if end >= 0 else len(data)]


def _line_at(data: bytes, needle: bytes) -> Any:
    """The JSON value on the line that starts with ``needle`` (after a newline), or None."""
    at = data.find(b"\n" + needle)
    if at < 0:
        return None
    end = data.find(b"\n", at + 1)
    line = data[at + 1 : end if end >= 0 else len(data)].rstrip(b"\r")
    return json.loads(line[:-1] if line.endswith(b",") else line)


class PackagedBundle:
    """The packaged data, read on demand (see the module docstring)."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}  # built so far: the full load reuses them
        self._whole_head: dict[str, Any] | None = None  # the head, once the file was read whole
        self._lock = threading.Lock()

    @cached_property
    def _reference(self) -> bytes:
        return _data("reference.json")

    @cached_property
    def header(self) -> dict[str, Any]:
        """The head of ``reference.json`` (its first line): version, digest, shared names."""
        first = _first_line(self._reference).decode("utf-8")
        head, sep, _ = first.rpartition(', "entities": [')
        if not sep:  # not written one entity per line (an older compile step): read it whole
            self.load()
            return self._whole_head or {}
        data: dict[str, Any] = json.loads(head + "}")
        return data

    @property
    def version(self) -> str:
        return str(self.header["version"])

    @property
    def digest(self) -> str:
        return str(self.header.get("digest", ""))

    def entity(self, entity_id: str) -> Entity | None:
        """One packaged entity by id (parsed from its own line, once), or None."""
        found = self._entities.get(entity_id)
        if found is not None or not isinstance(entity_id, str):
            return found
        _ = self.header  # an older file layout is read whole here
        if self._whole_head is not None:  # read whole: every entity is built
            return self._entities.get(entity_id)
        if '"' in entity_id or "\\" in entity_id or "\n" in entity_id:
            return None  # not an id (ids are slugs)
        record = _line_at(self._reference, b'{"id": "' + entity_id.encode("utf-8") + b'",')
        if record is None:
            return None
        from defnames.models import Entity

        return self._entities.setdefault(entity_id, Entity._packaged(record))

    def load(self) -> Bundle:
        """Every packaged entity (the ones already built are reused), the shared names, the
        version and the digest."""
        from defnames.models import Entity

        data: dict[str, Any] = json.loads(self._reference)
        self._whole_head = {k: v for k, v in data.items() if k != "entities"}
        with self._lock:
            built = self._entities
            entities = [built.get(d["id"]) or built.setdefault(d["id"], Entity._packaged(d)) for d in data["entities"]]
        shared = [(s["name"], frozenset(s["entities"])) for s in data.get("shared_names", [])]
        return entities, shared, str(data["version"]), str(data.get("digest", ""))

    # -- answers to bare look-ups of registry names ---------------------------------------
    @cached_property
    def _answers(self) -> bytes:
        data = _data("answers.json")
        head = _first_line(data)
        digest_ok = b'"digest": "' + self.digest.encode() + b'"' in head
        return data if self.digest and digest_ok else b""

    def answer(self, mention: str) -> tuple[bool, Match | None]:
        """``(True, what resolve(mention) answers)`` when the compile step resolved exactly
        this text (a name of the registry, as written) with no context, country or year;
        ``(False, None)`` otherwise."""
        if not self._answers or "\n" in mention:
            return False, None
        needle = b"[" + json.dumps(mention, ensure_ascii=False).encode("utf-8") + b", "
        row = _line_at(self._answers, needle)
        if row is None:
            return False, None
        answer = row[1]
        if answer is None:
            return True, None
        entity = self.entity(answer[0])
        if entity is None:  # cannot happen with a matching digest; the full path answers then
            return False, None
        from defnames.models import Match

        return True, Match._packaged(entity, answer)


def load_packaged() -> Bundle:
    """The packaged entities, shared names and data version."""
    return PackagedBundle().load()


def load_variants() -> Variants:
    """The precomputed concept keys and skeletons of the packaged names (empty if absent)."""
    raw = _data("variants.json")
    if not raw:
        return {}
    data: dict[str, Any] = json.loads(raw)
    return {name: (v[0], tuple(v[1]), v[2]) for name, v in data["names"].items() if len(v) == 3}


class LazyVariants(Mapping[str, tuple[str, tuple[str, ...], str]]):
    """:func:`load_variants`, read on first use (only the non-exact passes need it)."""

    @cached_property
    def _data(self) -> Variants:
        return load_variants()

    def __getitem__(self, name: str) -> tuple[str, tuple[str, ...], str]:
        return self._data[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def load_index_rows(digest: str) -> list[list[Any]] | None:
    """The name index the compile step built for the packaged entities, when it was built from
    the bundle with this digest (else None: the index is built at run time)."""
    raw = _data("index.json")
    if not raw:
        return None
    data: dict[str, Any] = json.loads(raw)
    return data["entries"] if data.get("digest") == digest else None
