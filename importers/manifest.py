"""The pinned-source manifest, ``reference/imported/MANIFEST.yml``.

One entry per source: its title, publisher, licence, and for each raw file where the copy
came from (a GitHub repository, commit and path, and the publisher's URL), the date of the
list, the retrieval date, its size and the sha256 of its bytes. An importer refuses to run
on a raw file whose sha256 differs from the pin, unless asked to move the pin
(``--update-pin``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import rawfiles, yamlio
from .paths import DEFAULT, Layout

HEADER = """Pinned copies of the official lists read by `python -m importers` (see docs/importers.md).
sha256 is over the raw file exactly as published (uncompressed); `stored` is the copy kept in
this repository (gzip), or null when the file is too large and must be fetched again."""


class PinError(RuntimeError):
    """A raw file that is missing or differs from its manifest pin."""


@dataclass(frozen=True)
class RawInput:
    """One verified raw file."""

    name: str
    data: bytes
    pin: dict[str, Any]

    @property
    def text(self) -> str:
        return rawfiles.decode(self.data)


def load(layout: Layout = DEFAULT) -> dict[str, Any]:
    data = yamlio.load(layout.manifest) if layout.manifest.exists() else None
    return data or {"sources": {}}


def save(manifest: dict[str, Any], layout: Layout = DEFAULT) -> bool:
    return yamlio.write_if_changed(layout.manifest, yamlio.dump(manifest, HEADER))


def source(manifest: dict[str, Any], source_id: str) -> dict[str, Any]:
    try:
        entry: dict[str, Any] = manifest["sources"][source_id]
    except KeyError:
        raise PinError(f"{source_id}: not in the manifest; add its entry first") from None
    return entry


def file_pin(entry: dict[str, Any], name: str) -> dict[str, Any]:
    for f in entry.get("files", []):
        if f["name"] == name:
            return dict(f)
    raise PinError(f"{name}: no pin in the manifest entry")


def _locate(name: str, raw: Path | None, folder: Path) -> Path:
    """The raw file: ``raw`` itself when it is that file, else looked up in ``raw`` (a folder)
    and then in the source's stored-copy folder."""
    if raw is not None and raw.is_file() and raw.name in (name, f"{name}.gz"):
        return raw
    folders = [raw if raw.is_dir() else raw.parent] if raw is not None else []
    folders.append(folder)
    for f in folders:
        found = rawfiles.find(f, name)
        if found:
            return found
    raise PinError(
        f"{name}: no raw file (looked in {', '.join(str(f) for f in folders)}); fetch it again "
        "from the origin recorded in the manifest and pass --raw"
    )


def read_inputs(
    manifest: dict[str, Any],
    source_id: str,
    names: list[str],
    raw: Path | None = None,
    *,
    update_pin: bool = False,
    today: dt.date | None = None,
    layout: Layout = DEFAULT,
) -> list[RawInput]:
    """Read and verify each raw file of a source; with ``update_pin`` move the pins instead.

    Raises:
        PinError: a file is missing, or its sha256 differs from the manifest.
    """
    entry = source(manifest, source_id)
    out = []
    for name in names:
        path = _locate(name, raw, layout.raw / source_id)
        data = rawfiles.read_bytes(path)
        digest = rawfiles.sha256(data)
        try:
            pin = file_pin(entry, name)
        except PinError:
            if not update_pin:
                raise
            pin = {"name": name}
            entry.setdefault("files", []).append(pin)
        if pin.get("sha256") != digest:
            if not update_pin:
                raise PinError(
                    f"{source_id}/{name}: sha256 {digest} differs from the manifest pin "
                    f"{pin.get('sha256')}; check the copy, or rerun with --update-pin"
                )
            pin.update(_repin(data, digest, layout, source_id, name, today or dt.date.today()))
            for f in entry["files"]:
                if f["name"] == name:
                    f.update(pin)
        out.append(RawInput(name, data, pin))
    return out


def _repin(data: bytes, digest: str, layout: Layout, source_id: str, name: str, today: dt.date) -> dict[str, Any]:
    stored = rawfiles.store(data, layout.raw / source_id, name)
    return {
        "retrieved": today.isoformat(),
        "bytes": len(data),
        "sha256": digest,
        "stored": stored.relative_to(layout.imported).as_posix() if stored else None,
    }
