"""``defnames match``: resolve a name column of a CSV, TSV, JSON-lines or Parquet file.

The input format follows the input file's name (``.csv``, ``.tsv``/``.tab``,
``.jsonl``/``.ndjson``/``.json``, ``.parquet``/``.pq``; a ``.gz`` or ``.zst`` ending, or the
compressed bytes themselves, mean gzip or zstd) or ``input_fmt``; the output format follows
the output file's name or ``fmt``, so any input can be written as any output.

The file streams through in chunks, so memory stays flat however long it is. Every input row
comes out, with all its columns, plus the match: in a table (CSV, TSV, Parquet) the seven
columns ``entity_id, name, country, parent_id, ultimate_parent_id, score, method`` (prefixed
with ``defnames_`` where the input already has such a column); in JSON lines one key
``match`` holding the match object of :func:`defnames.pipelines.columns.match_record` (the
shape of ``defnames lookup --json`` and of the HTTP API), or null.

Every row is accounted for. A bad row — undecodable bytes, a short row without the name
column, an empty name, a line that is not a JSON object, a CSV quoting error (an unterminated
quote no longer swallows the rest of the file: the row is reported with its line number and
reading goes on at the next line) — is counted, listed by row and line number, written to
the rejects file when there is one, and still written out, unmatched, in its place. Blank
lines hold no row: they are counted and skipped.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

from defnames.errors import InputError
from defnames.models import Match
from defnames.pipelines.columns import MATCH_COLUMNS, match_cells, match_record, out_names

__all__ = ["FORMATS", "BadRow", "MatchSummary", "match_file"]

_CHUNK = 5000
_MAX_BAD_LISTED = 20
#: a quoted CSV field may run over this many lines; past it the quote is taken as unterminated
MAX_RECORD_LINES = 10_000
FORMATS = ("csv", "tsv", "jsonl", "parquet")
_SUFFIX = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
           ".parquet": "parquet", ".pq": "parquet"}
_GZIP, _ZSTD, _PARQUET = b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"PAR1"

Resolve = Callable[[Sequence[object], Sequence[str | None]], list[Match | None]]


@dataclass(frozen=True)
class BadRow:
    """A row that could not be matched as it is.

    Attributes:
        row: the data row number, from 1 (the header is not a row).
        line: the line of the file where the row starts (CSV, TSV, JSON lines; None for Parquet).
        problem: what is wrong with it.
    """

    row: int
    line: int | None
    problem: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f" (line {self.line})" if self.line is not None else "")
        return f"{where}: {self.problem}"


@dataclass
class MatchSummary:
    """What a run did: rows in, matched, unmatched, ambiguous, the bad rows, the blank lines."""

    rows: int = 0
    matched: int = 0
    unmatched: int = 0
    ambiguous: int = 0
    bad: list[BadRow] = field(default_factory=list)
    blank_lines: int = 0
    _ambiguous: dict[str, bool] = field(default_factory=dict, repr=False)  # per distinct unmatched name

    def is_ambiguous(self, reg: Any, name: str, threshold: float) -> bool:
        """An unmatched name whose best candidate is confident: two entities were too close."""
        hit = self._ambiguous.get(name)
        if hit is None:
            top = reg.candidates(name, limit=1)
            hit = self._ambiguous[name] = bool(top and top[0].score >= threshold)
        return hit

    def line(self) -> str:
        """The summary printed at the end of a run (two lines when some rows were bad)."""
        s = (f"{self.rows} rows: {self.matched} matched, {self.unmatched} unmatched "
             f"({self.ambiguous} ambiguous), {len(self.bad)} bad")
        if self.blank_lines:
            s += f"; {self.blank_lines} blank line{'s' if self.blank_lines > 1 else ''} skipped"
        if self.bad:
            listed = "; ".join(map(str, self.bad[:_MAX_BAD_LISTED]))
            more = f"; and {len(self.bad) - _MAX_BAD_LISTED} more" if len(self.bad) > _MAX_BAD_LISTED else ""
            s += f"\nbad rows: {listed}{more}"
        return s


# -- formats and opening files -------------------------------------------------------------


def _strip_compression(path: str) -> tuple[str, str | None]:
    p = Path(path)
    if p.suffix.lower() in (".gz", ".gzip"):
        return str(p.with_suffix("")), "gzip"
    if p.suffix.lower() in (".zst", ".zstd"):
        return str(p.with_suffix("")), "zstd"
    return path, None


def format_of(path: str | None) -> str | None:
    """The format a file name stands for (``csv``, ``tsv``, ``jsonl``, ``parquet``), or None.

    >>> format_of("awards.jsonl.gz"), format_of("out.PQ"), format_of("-"), format_of("notes.txt")
    ('jsonl', 'parquet', None, None)
    """
    if not path or path == "-":
        return None
    return _SUFFIX.get(Path(_strip_compression(path)[0]).suffix.lower())


def _zstd() -> Any:
    try:
        import zstandard
    except ImportError:
        raise InputError("zstd input needs the zstandard package: pip install 'defnames[zstd]'") from None
    return zstandard


def _decompressed(raw: BinaryIO, name: str) -> BinaryIO:
    """The bytes of a stream, gunzipped or un-zstd'ed when they start with those magic bytes."""
    buffered: Any = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    head = buffered.peek(4)[:4]
    if head.startswith(_GZIP):
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    if head.startswith(_ZSTD):
        reader = _zstd().ZstdDecompressor().stream_reader(buffered, read_across_frames=True)
        return io.BufferedReader(reader)
    return cast(BinaryIO, buffered)


def _open_binary_input(path: str, stdin: TextIO | None) -> tuple[BinaryIO | None, TextIO | None]:
    """(binary stream, None), or (None, text stream) for a stdin that has no bytes underneath."""
    if path == "-":
        src = stdin or sys.stdin
        buf = getattr(src, "buffer", None)
        return (buf, None) if buf is not None else (None, src)
    try:
        return open(path, "rb"), None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _text(binary: BinaryIO) -> TextIO:
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _open_output(path: str | None, stdout: TextIO | None) -> TextIO:
    if path in (None, "-"):
        return stdout or sys.stdout
    assert path is not None
    compression = _strip_compression(path)[1]
    try:
        if compression == "gzip":
            return gzip.open(path, "wt", encoding="utf-8", errors="surrogateescape", newline="")
        if compression == "zstd":
            raw = open(path, "wb")  # noqa: SIM115
            writer = _zstd().ZstdCompressor().stream_writer(raw, closefd=True)
            return io.TextIOWrapper(writer, encoding="utf-8", errors="surrogateescape", newline="")
        return open(path, "w", encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None


# -- rows ------------------------------------------------------------------------------------


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


class _Lines:
    """The lines of a text stream, numbered, with the lines of the current CSV record kept so that
    a record that turns out broken can be given back (all but its first line) and read again."""

    def __init__(self, src: IO[str]) -> None:
        self.src = iter(src)
        self.back: list[str] = []  # lines given back, next first (reversed)
        self.record: list[str] = []  # lines of the record being read
        self.start = 1  # line number where the current record starts
        self.next_line = 1

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.back.pop() if self.back else next(self.src)
        if len(self.record) >= MAX_RECORD_LINES:
            self.back.append(line)
            raise csv.Error(f"a quoted field runs over {MAX_RECORD_LINES:,} lines (unterminated quote?)")
        self.record.append(line)
        self.next_line += 1
        return line

    def begin(self) -> None:
        self.record = []
        self.start = self.next_line

    def give_back(self) -> str:
        """Take back every line of a broken record but its first; returns the record's text."""
        text = "".join(self.record)
        rest = self.record[1:]
        self.back.extend(reversed(rest))
        self.next_line -= len(rest)
        self.record = self.record[:1]
        return text


def _csv_reader(lines: _Lines, delimiter: str) -> Any:
    csv.field_size_limit(2**31 - 1)  # a long cell is data, not an error
    return csv.reader(lines, delimiter=delimiter, strict=True)


def _read_header(lines: _Lines, reader: Any, column: str, country_column: str | None) -> list[str]:
    while True:
        lines.begin()
        try:
            header = next(reader)
        except StopIteration:
            raise InputError("the input is empty (no header row)") from None
        except csv.Error as exc:
            raise InputError(f"line {lines.start}: cannot parse the header row: {exc}") from None
        if header:
            break
    header = list(header)
    header[0] = header[0].removeprefix("\ufeff")  # a byte-order mark (spreadsheet exports) is no part of a name
    if column not in header:
        raise InputError(f"no column {column!r} in the header (columns: {', '.join(header)})")
    if country_column and country_column not in header:
        raise InputError(f"no column {country_column!r} in the header (columns: {', '.join(header)})")
    return header


def _delimited_rows(lines: _Lines, reader: Any, header: list[str], column: str, country_column: str | None,
                    summary: MatchSummary) -> Iterator[_Row]:
    ci = header.index(column)
    cc = header.index(country_column) if country_column else None
    n = 0
    while True:
        lines.begin()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            n += 1
            start, raw = lines.start, lines.give_back()
            yield _Row(n, start, None, None, [], f"CSV quoting error: {_quoting(exc)}", raw)
            continue
        if not cells:
            summary.blank_lines += 1
            continue
        n += 1
        raw = "".join(lines.record)
        name = cells[ci] if ci < len(cells) else None
        country = cells[cc] if cc is not None and cc < len(cells) else None
        problem = "undecodable bytes" if _has_surrogates(raw) else _name_problem(name, column)
        yield _Row(n, lines.start, name, country, cells, problem, raw if problem else None)


def _quoting(exc: csv.Error) -> str:
    text = str(exc)
    if "unexpected end of data" in text:
        return "unterminated quote (the quoted field runs to the end of the file)"
    if "expected after" in text:
        return f"a quote inside a quoted field must be doubled ({text})"
    return text


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


def _parquet_file(src: Any, label: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet needs pyarrow: pip install 'defnames[parquet]'") from None
    try:
        return pq.ParquetFile(src)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for a file that is not Parquet
        raise InputError(f"{label}: not a readable Parquet file ({_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _parquet_rows(pf: Any, label: str, column: str, country_column: str | None) -> Iterator[tuple[Any, list[_Row]]]:
    names = pf.schema_arrow.names
    if column not in names:
        raise InputError(f"no column {column!r} in the file (columns: {', '.join(names)})")
    if country_column and country_column not in names:
        raise InputError(f"no column {country_column!r} in the file (columns: {', '.join(names)})")
    offset = 0
    batches = pf.iter_batches(batch_size=_CHUNK)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # a corrupt page or column chunk
            raise InputError(f"{label}: cannot read Parquet data after row {offset} ({_first_line(exc)})") from None
        vals = batch.column(column).to_pylist()
        ctry = batch.column(country_column).to_pylist() if country_column else None
        rows = []
        for i, v in enumerate(vals):
            problem = _name_problem(v, column) if v is not None else "empty name"
            raw = json.dumps(batch.slice(i, 1).to_pylist()[0], default=str, ensure_ascii=False) if problem else None
            rows.append(_Row(offset + i + 1, None, v, ctry[i] if ctry else None, [], problem, raw))
        offset += len(vals)
        yield batch, rows


# -- writers ---------------------------------------------------------------------------------


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


class _DelimitedWriter(_Writer):
    def __init__(self, reg: Any, header: list[str], dst: IO[str], delimiter: str) -> None:
        super().__init__(reg, header)
        self.out = csv.writer(dst, delimiter=delimiter, lineterminator="\n")
        self.out.writerow(header + out_names(header))

    def write(self, rows: list[_Row], results: list[Match | None], batch: Any = None) -> None:
        for r, m in zip(rows, results):
            self.out.writerow([_cell(v) for v in self.cells(r)] + [_cell(v) for v in match_cells(self.reg, m)])


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


class _ParquetWriter(_Writer):
    """Parquet output: Parquet input keeps its column types; CSV columns are strings; JSON-lines
    columns take their types from the first rows (nested values as JSON text)."""

    def __init__(self, reg: Any, header: list[str], path: str, *, all_strings: bool) -> None:
        super().__init__(reg, header)
        import pyarrow as pa

        self.pa = pa
        self.path = path
        self.all_strings = all_strings
        self.writer: Any = None
        self.schema: Any = None
        self.added = [pa.field(n, pa.float64() if c == "score" else pa.string())
                      for n, c in zip(out_names(header), MATCH_COLUMNS)]

    def _input_arrays(self, rows: list[_Row]) -> list[Any]:
        pa = self.pa
        table = [self.cells(r) for r in rows]
        arrays = []
        for j, name in enumerate(self.header):
            col = [row[j] for row in table]
            if self.all_strings:
                arrays.append(pa.array([None if v is None else _cell(v) for v in col], type=pa.string()))
                continue
            col = [json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in col]
            want = self.schema.field(name).type if self.schema is not None else None
            try:
                arr = pa.array(col, type=want)
            except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
                raise InputError(f"column {name!r}: values of rows {rows[0].number}-{rows[-1].number} do not fit "
                                 f"the type {want} of the first rows (write CSV or JSON lines instead)") from None
            if want is None and pa.types.is_null(arr.type):
                arr = arr.cast(pa.string())
            arrays.append(arr)
        return arrays

    def write(self, rows: list[_Row], results: list[Match | None], batch: Any = None) -> None:
        pa = self.pa
        cells = [match_cells(self.reg, m) for m in results]
        extra = [pa.array([c[j] for c in cells], type=f.type) for j, f in enumerate(self.added)]
        if batch is not None:
            arrays, fields = list(batch.columns), list(batch.schema)
        else:
            arrays = self._input_arrays(rows)
            fields = [pa.field(n, a.type) for n, a in zip(self.header, arrays)]
        table = pa.Table.from_arrays(arrays + extra, schema=pa.schema(fields + self.added))
        if self.writer is None:
            import pyarrow.parquet as pq

            self.schema = table.schema
            try:
                self.writer = pq.ParquetWriter(self.path, table.schema)
            except OSError as exc:
                raise InputError(f"{self.path}: cannot write: {_first_line(exc)}") from None
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is None:  # no rows: still write a file with the columns
            pa = self.pa
            import pyarrow.parquet as pq

            fields = [pa.field(h, pa.string()) for h in self.header] + self.added
            pq.write_table(pa.schema(fields).empty_table(), self.path)
        else:
            self.writer.close()


class _Rejects:
    """The bad rows, as they come, to a CSV/TSV (``row,line,problem,raw``) or JSON-lines file."""

    def __init__(self, path: str) -> None:
        kind = format_of(path) or "csv"
        if kind == "parquet":
            raise InputError(f"{path}: the rejects file is CSV, TSV or JSON lines")
        self.jsonl = kind == "jsonl"
        self.dst = _open_output(path, None)
        self.csv = None if self.jsonl else csv.writer(self.dst, delimiter="\t" if kind == "tsv" else ",",
                                                      lineterminator="\n")
        if self.csv is not None:
            self.csv.writerow(["row", "line", "problem", "raw"])

    def add(self, r: _Row) -> None:
        raw = (r.raw or "").rstrip("\r\n")
        if self.csv is not None:
            self.csv.writerow([r.number, "" if r.line is None else r.line, r.problem, raw])
        else:
            self.dst.write(json.dumps({"row": r.number, "line": r.line, "problem": r.problem, "raw": raw},
                                      ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.dst.close()


# -- the run ---------------------------------------------------------------------------------


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


def _writer(run: _Run, kind: str, header: list[str], dst_path: str | None, dst: TextIO | None,
            all_strings: bool) -> _Writer:
    if kind == "parquet":
        assert dst_path is not None
        return _ParquetWriter(run.reg, header, dst_path, all_strings=all_strings)
    assert dst is not None
    if kind == "jsonl":
        return _JsonlWriter(run.reg, header, dst)
    return _DelimitedWriter(run.reg, header, dst, "\t" if kind == "tsv" else ",")


def _json_header(first: list[_Row]) -> list[str]:
    header: dict[str, None] = {}
    for r in first:
        if isinstance(r.values, dict) and "_raw" not in r.values:
            header.update(dict.fromkeys(r.values))
    return list(header)


def _stream(run: _Run, chunks: Iterator[list[_Row]], header: list[str] | None,
            make: Callable[[list[str]], _Writer]) -> _Writer:
    writer: _Writer | None = make(header) if header is not None else None
    for rows in chunks:
        if writer is None:  # JSON lines: the columns of the first rows
            writer = make(_json_header(rows))
        writer.write(rows, run.chunk(rows))
        run.progress(run.summary.rows)
    return writer if writer is not None else make([])


def match_file(reg: Any, src_path: str, dst_path: str | None, column: str, *, country_column: str | None = None,
               fmt: str | None = None, input_fmt: str | None = None, stdin: TextIO | None = None,
               stdout: TextIO | None = None, progress: Callable[[int], None] | None = None, threshold: float = 85.0,
               rejects: str | None = None, resolve: Resolve | None = None,
               warn: Callable[[str], None] | None = None) -> MatchSummary:
    """Resolve one column of a file and write every row back out with its match.

    Args:
        reg: the registry.
        src_path: the input file, or ``-`` for ``stdin``.
        dst_path: the output file, or None / ``-`` for ``stdout``.
        column: the column with the names.
        country_column: a column of country codes that narrow the choice.
        fmt: the output format (default: from ``dst_path``, else the input format).
        input_fmt: the input format (default: from ``src_path``, else ``fmt``, else CSV).
        progress: called with the number of rows done after each chunk.
        threshold: the score over which an unmatched name counts as ambiguous.
        rejects: a file for the bad rows (``row, line, problem, raw``; CSV, TSV or JSON lines).
        resolve: resolves a chunk, ``(names, countries) -> matches`` (default: :func:`resolve_many`).
        warn: called with a warning (columns of JSON lines that a table output leaves out).

    Raises:
        InputError: an input that cannot be read at all (no such column, not Parquet, ...).
    """
    for f, what in ((fmt, "--format"), (input_fmt, "--input-format")):
        if f is not None and f not in FORMATS:
            raise InputError(f"{what}: unknown format {f!r} (one of {', '.join(FORMATS)})")
    summary = MatchSummary()
    binary, text = _open_binary_input(src_path, stdin)
    handle = binary if src_path != "-" else None  # the file we opened, closed whatever wraps it
    opened_text = False
    try:
        if binary is not None:
            binary = _decompressed(binary, src_path)
        in_kind, out_kind = _kinds(src_path, dst_path, fmt, input_fmt, binary)
        bad_out = _Rejects(rejects) if rejects else None
        run = _Run(reg, summary, threshold, resolve or _default_resolve(reg), bad_out, progress or (lambda n: None))
        dst = None if out_kind == "parquet" else _open_output(dst_path, stdout)
        if in_kind != "parquet" and text is None and binary is not None:
            text = _text(binary)
            opened_text = src_path != "-"
        try:
            writer = _run(run, src_path, binary, text, in_kind, out_kind, dst_path, dst, column, country_column)
            if warn and writer.extra_keys:
                warn(f"keys not in the first {_CHUNK:,} rows were left out of the {out_kind.upper()} output: "
                     + ", ".join(sorted(writer.extra_keys)[:10]))
            writer.close()
        finally:
            if dst is not None and dst_path not in (None, "-"):
                dst.close()
            elif dst is not None:
                dst.flush()
            if bad_out is not None:
                bad_out.close()
    finally:
        if opened_text and text is not None:
            text.close()
        elif binary is not None and src_path != "-":
            binary.close()
        if handle is not None:
            handle.close()
    return summary


def _kinds(src_path: str, dst_path: str | None, fmt: str | None, input_fmt: str | None,
           binary: BinaryIO | None) -> tuple[str, str]:
    """The input and output formats: given, else from the file names (or Parquet's magic bytes)."""
    in_kind = input_fmt or format_of(src_path)
    if in_kind is None and binary is not None and binary.peek(4)[:4] == _PARQUET:  # type: ignore[attr-defined]
        in_kind = "parquet"
    in_kind = in_kind or fmt or "csv"
    out_kind = fmt or format_of(dst_path) or in_kind
    if out_kind == "parquet" and dst_path in (None, "-"):
        raise InputError("Parquet output needs -o OUTPUT (or --format csv|tsv|jsonl for standard output)")
    return in_kind, out_kind


def _run(run: _Run, src_path: str, binary: BinaryIO | None, text: TextIO | None, in_kind: str, out_kind: str,
         dst_path: str | None, dst: TextIO | None, column: str, country_column: str | None) -> _Writer:
    label = "standard input" if src_path == "-" else src_path
    if in_kind == "parquet":
        if binary is None:
            raise InputError("Parquet input from standard input needs bytes (use a file name)")
        src: Any = binary if src_path != "-" else io.BytesIO(binary.read())
        pf = _parquet_file(src, label)
        names = list(pf.schema_arrow.names)
        return _parquet_to_other(run, pf, label, names, column, country_column,
                                 lambda h: _writer(run, out_kind, h, dst_path, dst, all_strings=False))
    assert text is not None
    src_text: IO[str] = text
    try:
        if in_kind == "jsonl":
            rows = _json_rows(src_text, column, country_column, run.summary)
            return _stream(run, _chunks(rows), None,
                           lambda h: _writer(run, out_kind, h, dst_path, dst, all_strings=False))
        lines = _Lines(src_text)
        reader = _csv_reader(lines, "\t" if in_kind == "tsv" else ",")
        header = _read_header(lines, reader, column, country_column)
        rows = _delimited_rows(lines, reader, header, column, country_column, run.summary)
        return _stream(run, _chunks(rows), header,
                       lambda h: _writer(run, out_kind, h, dst_path, dst, all_strings=True))
    except UnicodeDecodeError as exc:  # only from a decompressor's text layer: surrogateescape takes the rest
        raise InputError(f"{label}: cannot decode: {exc}") from None
    except (OSError, EOFError) as exc:  # a truncated or corrupt gzip/zstd stream
        raise InputError(f"{label}: cannot read: {_first_line(exc)}") from None


def _parquet_to_other(run: _Run, pf: Any, label: str, names: list[str], column: str, country_column: str | None,
                      make: Callable[[list[str]], _Writer]) -> _Writer:
    writer = make(names)
    keep = isinstance(writer, _ParquetWriter)
    for batch, rows in _parquet_rows(pf, label, column, country_column):
        if not keep:
            for r, d in zip(rows, batch.to_pylist()):
                r.values = d
        writer.write(rows, run.chunk(rows), batch if keep else None)
        run.progress(run.summary.rows)
    return writer
