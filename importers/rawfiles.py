"""Raw input files: reading them (plain or gzip-compressed), hashing and storing them.

The sha256 pinned in the manifest is always that of the *uncompressed* file exactly as the
publisher served it; a copy stored in the repository may be gzip-compressed (``<name>.gz``),
written with a zero timestamp and no file name so that storing twice gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path

STORE_LIMIT = 4 * 1024 * 1024  # raw files above this size are pinned, not stored


def find(folder: Path, name: str) -> Path | None:
    """``folder/name`` or ``folder/name.gz``, whichever exists (plain first)."""
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def read_bytes(path: Path) -> bytes:
    """The file's content, decompressed when its name ends in ``.gz``."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> str:
    """Text of a raw file: UTF-8 when it is, else Windows-1252 (OFAC's CSV files)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def store(data: bytes, folder: Path, name: str) -> Path | None:
    """Keep a gzip copy of a small raw file as ``folder/name.gz``; None when too large."""
    if len(data) >= STORE_LIMIT:
        return None
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.gz"
    target.write_bytes(buf.getvalue())
    return target
