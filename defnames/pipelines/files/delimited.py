"""CSV and TSV: reading records line by line (a broken quote costs one row), writing them back."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO, Any

from defnames.errors import InputError
from defnames.models import Match
from defnames.pipelines.columns import match_cells, out_names

from .rows import _cell, _has_surrogates, _name_problem, _Row, _Writer
from .summary import MatchSummary

#: a quoted CSV field may run over this many lines; past it the quote is taken as unterminated
MAX_RECORD_LINES = 10_000


class _Lines:
    """The lines of a text stream, numbered, with the lines of the current CSV record kept so that
    a record that turns out broken can be given back (all but its first line) and read again."""

    def __init__(self, src: IO[str], max_lines: int = MAX_RECORD_LINES) -> None:
        self.src = iter(src)
        self.max_lines = max_lines  # lines a record may run over
        self.back: list[str] = []  # lines given back, next first (reversed)
        self.record: list[str] = []  # lines of the record being read
        self.start = 1  # line number where the current record starts
        self.next_line = 1

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.back.pop() if self.back else next(self.src)
        if len(self.record) >= self.max_lines:
            self.back.append(line)
            raise csv.Error(f"a quoted field runs over {self.max_lines:,} lines (unterminated quote?)")
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


def _delimited_rows(
    lines: _Lines, reader: Any, header: list[str], column: str, country_column: str | None, summary: MatchSummary
) -> Iterator[_Row]:
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


class _DelimitedWriter(_Writer):
    def __init__(self, reg: Any, header: list[str], dst: IO[str], delimiter: str) -> None:
        super().__init__(reg, header)
        self.out = csv.writer(dst, delimiter=delimiter, lineterminator="\n")
        self.out.writerow(header + out_names(header))

    def write(self, rows: list[_Row], results: list[Match | None], batch: Any = None) -> None:
        for r, m in zip(rows, results):
            self.out.writerow([_cell(v) for v in self.cells(r)] + [_cell(v) for v in match_cells(self.reg, m)])
