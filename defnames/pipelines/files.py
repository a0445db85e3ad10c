"""``defnames match``: resolve a name column of a CSV, TSV, JSON-lines or Parquet file.

The file streams through in chunks, so memory stays flat however long it is. Every input row
comes out, with all its columns, plus ``entity_id, name, country, parent_id,
ultimate_parent_id, score, method`` (prefixed with ``defnames_`` where the input already has
such a column). Broken rows — undecodable bytes, a missing name column, an empty name, a
line that is not JSON — are counted and reported by row number, and still written out,
unmatched. A summary goes to stderr at the end.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from defnames.errors import InputError
from defnames.models import Match
from defnames.pipelines.columns import match_cells, out_names

__all__ = ["MatchSummary", "match_file"]

_CHUNK = 5000
_MAX_BAD_LISTED = 20


@dataclass
class MatchSummary:
    """What a run did: rows in, matched, unmatched, ambiguous, and the broken rows."""

    rows: int = 0
    matched: int = 0
    unmatched: int = 0
    ambiguous: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    _ambiguous: dict[str, bool] = field(default_factory=dict, repr=False)  # per distinct unmatched name

    def is_ambiguous(self, reg: Any, name: str, threshold: float) -> bool:
        """An unmatched name whose best candidate is confident: two entities were too close."""
        hit = self._ambiguous.get(name)
        if hit is None:
            top = reg.candidates(name, limit=1)
            hit = self._ambiguous[name] = bool(top and top[0].score >= threshold)
        return hit

    def line(self) -> str:
        s = (f"{self.rows} rows: {self.matched} matched, {self.unmatched} unmatched "
             f"({self.ambiguous} ambiguous), {len(self.bad)} bad")
        if self.bad:
            listed = "; ".join(f"row {n}: {why}" for n, why in self.bad[:_MAX_BAD_LISTED])
            more = f"; and {len(self.bad) - _MAX_BAD_LISTED} more" if len(self.bad) > _MAX_BAD_LISTED else ""
            s += f"\nbad rows: {listed}{more}"
        return s


def _fmt(path: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    return {".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
            ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "csv")


def _has_surrogates(s: str) -> bool:
    """True when a string read with ``errors="surrogateescape"`` held undecodable bytes."""
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _result_cells(reg: Any, m: Match | None) -> list[Any]:
    """Table cells for the delimited writers: empty strings where there is no value."""
    return ["" if v is None else v for v in match_cells(reg, m)]


@dataclass
class _Row:
    number: int  # 1-based data row number (header excluded)
    name: Any
    country: Any
    payload: Any  # the original row (list of cells or dict)
    problem: str | None = None


def _resolve_chunk(reg: Any, rows: list[_Row], summary: MatchSummary, threshold: float) -> list[Match | None]:
    from defnames.pipelines.batch import resolve_many

    names = [r.name if r.problem is None else None for r in rows]
    countries = [r.country if isinstance(r.country, str) else None for r in rows]
    results = resolve_many(reg, names, countries=countries)
    for r, m in zip(rows, results):
        summary.rows += 1
        if r.problem:
            summary.bad.append((r.number, r.problem))
        if m is not None:
            summary.matched += 1
        else:
            summary.unmatched += 1
            named = r.problem is None and isinstance(r.name, str) and r.name.strip()
            if named and summary.is_ambiguous(reg, r.name, threshold):
                summary.ambiguous += 1
    return results


def _chunks(it: Iterator[_Row]) -> Iterator[list[_Row]]:
    chunk: list[_Row] = []
    for r in it:
        chunk.append(r)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _read_header(reader: Iterator[list[str]], column: str, country_column: str | None) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("the input is empty (no header row)") from None
    except csv.Error as exc:
        raise InputError(f"cannot parse the header row: {exc}") from None
    if column not in header:
        raise InputError(f"no column {column!r} in the header (columns: {', '.join(header)})")
    if country_column and country_column not in header:
        raise InputError(f"no column {country_column!r} in the header")
    return header


def _cell_problem(cells: list[str], name: str | None, column: str) -> str | None:
    if name is None:
        return f"missing column {column!r}"
    if _has_surrogates("".join(cells)):
        return "undecodable bytes"
    return "empty name" if not name.strip() else None


def _delimited_rows(reader: Iterator[list[str]], column: str, ci: int, cc: int | None) -> Iterator[_Row]:
    n = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            n += 1
            yield _Row(n, None, None, [], f"unparseable line ({exc})")
            continue
        n += 1
        name = cells[ci] if ci < len(cells) else None
        country = cells[cc] if cc is not None and cc < len(cells) else None
        yield _Row(n, name, country, cells, _cell_problem(cells, name, column))


def _match_delimited(reg: Any, src: IO[str], dst: IO[str], column: str, country_column: str | None,
                     delimiter: str, summary: MatchSummary, progress: Any, threshold: float) -> None:
    csv.field_size_limit(2**31 - 1)  # a long cell is data, not an error
    reader = csv.reader(src, delimiter=delimiter)
    header = _read_header(reader, column, country_column)
    ci = header.index(column)
    cc = header.index(country_column) if country_column else None
    writer = csv.writer(dst, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header + out_names(header))
    for chunk in _chunks(_delimited_rows(reader, column, ci, cc)):
        for r, m in zip(chunk, _resolve_chunk(reg, chunk, summary, threshold)):
            cells = list(r.payload) + [""] * (len(header) - len(r.payload))
            writer.writerow(cells + _result_cells(reg, m))
        progress(summary.rows)


def _json_row(n: int, line: str, column: str, country_column: str | None) -> _Row:
    try:
        obj = json.loads(line)
    except ValueError:
        return _Row(n, None, None, {"_raw": line.rstrip("\n")}, "not a JSON object")
    if not isinstance(obj, dict):
        return _Row(n, None, None, {"_raw": obj}, "not a JSON object")
    name = obj.get(column)
    problem = None
    if column not in obj:
        problem = f"missing column {column!r}"
    elif not isinstance(name, str):
        problem = f"{column!r} is not a string"
    elif _has_surrogates(line):
        problem = "undecodable bytes"
    elif not name.strip():
        problem = "empty name"
    return _Row(n, name, obj.get(country_column) if country_column else None, obj, problem)


def _match_jsonl(reg: Any, src: IO[str], dst: IO[str], column: str, country_column: str | None,
                 summary: MatchSummary, progress: Any, threshold: float) -> None:
    rows = (_json_row(n, line, column, country_column) for n, line in enumerate(src, 1) if line.strip())
    for chunk in _chunks(rows):
        for r, m in zip(chunk, _resolve_chunk(reg, chunk, summary, threshold)):
            obj = dict(r.payload)
            for k, v in zip(out_names(list(obj)), _result_cells(reg, m)):
                obj[k] = v if v != "" else None
            dst.write(json.dumps(obj, ensure_ascii=False) + "\n")
        progress(summary.rows)


def _match_parquet(reg: Any, src: str, dst: str | None, column: str, country_column: str | None,
                   summary: MatchSummary, progress: Any, threshold: float) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet needs pyarrow: pip install 'defnames[parquet]'") from None
    if dst is None:
        raise InputError("Parquet output needs -o OUTPUT")
    pf = pq.ParquetFile(src)
    names = pf.schema_arrow.names
    if column not in names:
        raise InputError(f"no column {column!r} in the file (columns: {', '.join(names)})")
    added = out_names(names)
    writer = None
    offset = 0
    try:
        for batch in pf.iter_batches(batch_size=_CHUNK):
            data = batch.to_pydict()
            vals = data[column]
            ctry = data.get(country_column) if country_column else None
            rows = []
            for i, v in enumerate(vals):
                problem = None if isinstance(v, str) and v.strip() else "empty name"
                rows.append(_Row(offset + i + 1, v, ctry[i] if ctry else None, None, problem))
            offset += len(vals)
            results = _resolve_chunk(reg, rows, summary, threshold)
            cells = [_result_cells(reg, m) for m in results]
            for j, col in enumerate(added):
                data[col] = [c[j] if c[j] != "" else None for c in cells]
            table = pa.Table.from_pydict(data)
            if writer is None:
                writer = pq.ParquetWriter(dst, table.schema)
            writer.write_table(table)
            progress(summary.rows)
    finally:
        if writer is not None:
            writer.close()


def match_file(reg: Any, src_path: str, dst_path: str | None, column: str, *, country_column: str | None = None,
               fmt: str | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None,
               progress: Any = None, threshold: float = 85.0) -> MatchSummary:
    """Resolve one column of a file and write the file back out with the match columns."""
    summary = MatchSummary()
    kind = _fmt(src_path if src_path != "-" else (dst_path or ""), fmt)
    progress = progress or (lambda n: None)
    if kind == "parquet":
        _match_parquet(reg, src_path, dst_path, column, country_column, summary, progress, threshold)
        return summary
    src: IO[str]
    try:
        src = (stdin or sys.stdin) if src_path == "-" else open(  # noqa: SIM115
            src_path, encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"{src_path}: cannot read: {exc.strerror}") from None
    try:
        dst: IO[str] = (stdout or sys.stdout) if dst_path in (None, "-") else open(  # noqa: SIM115
            dst_path, "w", encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"{dst_path}: cannot write: {exc.strerror}") from None
    try:
        if kind == "jsonl":
            _match_jsonl(reg, src, dst, column, country_column, summary, progress, threshold)
        else:
            delim = "\t" if kind == "tsv" else ","
            _match_delimited(reg, src, dst, column, country_column, delim, summary, progress, threshold)
    finally:
        if src_path != "-":
            src.close()
        if dst_path not in (None, "-"):
            dst.close()
    return summary
