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

The modules: ``formats`` (format names, opening and compressed files), ``rows`` (rows read, the
writer base), ``summary`` (:class:`MatchSummary`, the rejects file), ``delimited``, ``jsonl`` and
``parquet`` (reading and writing each format), ``run`` (resolving chunks and streaming them out).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO, Any, BinaryIO, TextIO

from defnames.errors import InputError

from .delimited import MAX_RECORD_LINES, _csv_reader, _delimited_rows, _Lines, _read_header
from .formats import FORMATS, _decompressed, _first_line, _kinds, _open_binary_input, _open_output, _text
from .formats import format_of as format_of
from .jsonl import _json_rows
from .parquet import _parquet_file
from .rows import _CHUNK, _chunks, _Writer
from .run import Resolve, _default_resolve, _parquet_to_other, _Run, _stream, _writer
from .summary import BadRow, MatchSummary, _Rejects

__all__ = ["FORMATS", "BadRow", "MatchSummary", "match_file"]


def match_file(
    reg: Any,
    src_path: str,
    dst_path: str | None,
    column: str,
    *,
    country_column: str | None = None,
    fmt: str | None = None,
    input_fmt: str | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    progress: Callable[[int], None] | None = None,
    threshold: float = 85.0,
    rejects: str | None = None,
    resolve: Resolve | None = None,
    warn: Callable[[str], None] | None = None,
) -> MatchSummary:
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
                warn(
                    f"keys not in the first {_CHUNK:,} rows were left out of the {out_kind.upper()} output: "
                    + ", ".join(sorted(writer.extra_keys)[:10])
                )
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


def _run(
    run: _Run,
    src_path: str,
    binary: BinaryIO | None,
    text: TextIO | None,
    in_kind: str,
    out_kind: str,
    dst_path: str | None,
    dst: TextIO | None,
    column: str,
    country_column: str | None,
) -> _Writer:
    label = "standard input" if src_path == "-" else src_path
    if in_kind == "parquet":
        if binary is None:
            raise InputError("Parquet input from standard input needs bytes (use a file name)")
        src: Any = binary if src_path != "-" else io.BytesIO(binary.read())
        pf = _parquet_file(src, label)
        names = list(pf.schema_arrow.names)
        return _parquet_to_other(
            run,
            pf,
            label,
            names,
            column,
            country_column,
            lambda h: _writer(run, out_kind, h, dst_path, dst, all_strings=False),
        )
    assert text is not None
    src_text: IO[str] = text
    try:
        if in_kind == "jsonl":
            rows = _json_rows(src_text, column, country_column, run.summary)
            return _stream(
                run, _chunks(rows), None, lambda h: _writer(run, out_kind, h, dst_path, dst, all_strings=False)
            )
        lines = _Lines(src_text, MAX_RECORD_LINES)  # this module's value (tests may set it)
        reader = _csv_reader(lines, "\t" if in_kind == "tsv" else ",")
        header = _read_header(lines, reader, column, country_column)
        rows = _delimited_rows(lines, reader, header, column, country_column, run.summary)
        return _stream(run, _chunks(rows), header, lambda h: _writer(run, out_kind, h, dst_path, dst, all_strings=True))
    except UnicodeDecodeError as exc:  # only from a decompressor's text layer: surrogateescape takes the rest
        raise InputError(f"{label}: cannot decode: {exc}") from None
    except (OSError, EOFError) as exc:  # a truncated or corrupt gzip/zstd stream
        raise InputError(f"{label}: cannot read: {_first_line(exc)}") from None
