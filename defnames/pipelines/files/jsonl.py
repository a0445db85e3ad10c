"""JSON lines: one object a line in, the same object with its ``match`` out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from defnames.models import Match
from defnames.pipelines.columns import match_record

from .rows import _has_surrogates, _name_problem, _Row, _row_dict, _Writer
from .summary import MatchSummary


def _json_rows(src: IO[str], column: str, country_column: str | None, summary: MatchSummary) -> Iterator[_Row]:
    n = 0
    for number, line in enumerate(src, 1):
        if not line.strip():
            summary.blank_lines += 1
            continue
        n += 1
        text = line.rstrip("\r\n")
        try:
            obj = json.loads(line)
        except ValueError:
            yield _Row(n, number, None, None, {"_raw": text}, "not a JSON object", text)
            continue
        if not isinstance(obj, dict):
            yield _Row(n, number, None, None, {"_raw": obj}, "not a JSON object", text)
            continue
        name = obj.get(column)
        problem = "undecodable bytes" if _has_surrogates(line) else _name_problem(name, column)
        country = obj.get(country_column) if country_column else None
        yield _Row(n, number, name, country, obj, problem, text if problem else None)


def _json_header(first: list[_Row]) -> list[str]:
    header: dict[str, None] = {}
    for r in first:
        if isinstance(r.values, dict) and "_raw" not in r.values:
            header.update(dict.fromkeys(r.values))
    return list(header)


class _JsonlWriter(_Writer):
    def __init__(self, reg: Any, header: list[str], dst: IO[str]) -> None:
        super().__init__(reg, header)
        self.dst = dst

    def write(self, rows: list[_Row], results: list[Match | None], batch: Any = None) -> None:
        for r, m in zip(rows, results):
            obj = dict(_row_dict(r, self.header))
            key = "match" if "match" not in obj else "defnames_match"
            obj[key] = match_record(self.reg, r.name, m) if m is not None else None
            self.dst.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
