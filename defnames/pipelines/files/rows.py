"""Rows read from an input file, and the base of the writers that write them back out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from defnames.models import Match

_CHUNK = 5000


@dataclass
class _Row:
    number: int  # 1-based data row number (header excluded)
    line: int | None  # where it starts in the file
    name: Any
    country: Any
    values: list[Any] | dict[str, Any]  # the original row: cells in header order, or an object
    problem: str | None = None
    raw: str | None = None  # the original text, for the rejects file


def _has_surrogates(s: str) -> bool:
    """True when a string read with ``errors="surrogateescape"`` held undecodable bytes."""
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _name_problem(name: Any, column: str) -> str | None:
    if name is None:
        return f"missing column {column!r}"
    if not isinstance(name, str):
        return f"{column!r} is not a string"
    return "empty name" if not name.strip() else None


def _chunks(it: Iterator[_Row]) -> Iterator[list[_Row]]:
    chunk: list[_Row] = []
    for r in it:
        chunk.append(r)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list, tuple)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def _row_dict(r: _Row, header: list[str]) -> dict[str, Any]:
    if isinstance(r.values, dict):
        return r.values
    return {h: (r.values[i] if i < len(r.values) else None) for i, h in enumerate(header)}


class _Writer:
    """Writes chunks of rows with their matches; ``header`` is the input columns."""

    def __init__(self, reg: Any, header: list[str]) -> None:
        self.reg = reg
        self.header = header
        self.extra_keys: set[str] = set()

    def cells(self, r: _Row) -> list[Any]:
        if isinstance(r.values, list):
            return list(r.values) + [None] * (len(self.header) - len(r.values))
        self.extra_keys |= r.values.keys() - set(self.header) - {"_raw"}
        return [r.values.get(h) for h in self.header]

    def write(self, rows: list[_Row], results: list[Match | None], batch: Any = None) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass
