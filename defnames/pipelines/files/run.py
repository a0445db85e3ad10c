"""A run: resolving chunks of rows, counting them in the summary, and streaming them to a writer."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from defnames.models import Match

from .delimited import _DelimitedWriter
from .jsonl import _json_header, _JsonlWriter
from .parquet import _parquet_rows, _ParquetWriter
from .rows import _Row, _Writer
from .summary import BadRow, MatchSummary, _Rejects

Resolve = Callable[[Sequence[object], Sequence[str | None]], list[Match | None]]


def _default_resolve(reg: Any) -> Resolve:
    from defnames.pipelines.batch import resolve_many

    def run(names: Sequence[object], countries: Sequence[str | None]) -> list[Match | None]:
        return resolve_many(reg, names, countries=countries)

    return run


@dataclass
class _Run:
    reg: Any
    summary: MatchSummary
    threshold: float
    resolve: Resolve
    rejects: _Rejects | None
    progress: Callable[[int], None]

    def chunk(self, rows: list[_Row]) -> list[Match | None]:
        names = [r.name if r.problem is None else None for r in rows]
        countries = [r.country if isinstance(r.country, str) else None for r in rows]
        results = self.resolve(names, countries)
        s = self.summary
        for r, m in zip(rows, results):
            s.rows += 1
            if r.problem:
                s.bad.append(BadRow(r.number, r.line, r.problem))
                if self.rejects is not None:
                    self.rejects.add(r)
            if m is not None:
                s.matched += 1
            else:
                s.unmatched += 1
                if r.problem is None and s.is_ambiguous(self.reg, r.name, self.threshold):
                    s.ambiguous += 1
        return results


def _writer(
    run: _Run, kind: str, header: list[str], dst_path: str | None, dst: TextIO | None, all_strings: bool
) -> _Writer:
    if kind == "parquet":
        assert dst_path is not None
        return _ParquetWriter(run.reg, header, dst_path, all_strings=all_strings)
    assert dst is not None
    if kind == "jsonl":
        return _JsonlWriter(run.reg, header, dst)
    return _DelimitedWriter(run.reg, header, dst, "\t" if kind == "tsv" else ",")


def _stream(
    run: _Run, chunks: Iterator[list[_Row]], header: list[str] | None, make: Callable[[list[str]], _Writer]
) -> _Writer:
    writer: _Writer | None = make(header) if header is not None else None
    for rows in chunks:
        if writer is None:  # JSON lines: the columns of the first rows
            writer = make(_json_header(rows))
        writer.write(rows, run.chunk(rows))
        run.progress(run.summary.rows)
    return writer if writer is not None else make([])


def _parquet_to_other(
    run: _Run,
    pf: Any,
    label: str,
    names: list[str],
    column: str,
    country_column: str | None,
    make: Callable[[list[str]], _Writer],
) -> _Writer:
    writer = make(names)
    keep = isinstance(writer, _ParquetWriter)
    for batch, rows in _parquet_rows(pf, label, column, country_column):
        if not keep:
            for r, d in zip(rows, batch.to_pylist()):
                r.values = d
        writer.write(rows, run.chunk(rows), batch if keep else None)
        run.progress(run.summary.rows)
    return writer
