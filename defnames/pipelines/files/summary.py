"""What a run did (:class:`MatchSummary`, :class:`BadRow`) and the rejects file of bad rows."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from typing import Any

from defnames.errors import InputError

from .formats import _open_output, format_of
from .rows import _Row

_MAX_BAD_LISTED = 20


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
        s = (
            f"{self.rows} rows: {self.matched} matched, {self.unmatched} unmatched "
            f"({self.ambiguous} ambiguous), {len(self.bad)} bad"
        )
        if self.blank_lines:
            s += f"; {self.blank_lines} blank line{'s' if self.blank_lines > 1 else ''} skipped"
        if self.bad:
            listed = "; ".join(map(str, self.bad[:_MAX_BAD_LISTED]))
            more = f"; and {len(self.bad) - _MAX_BAD_LISTED} more" if len(self.bad) > _MAX_BAD_LISTED else ""
            s += f"\nbad rows: {listed}{more}"
        return s


class _Rejects:
    """The bad rows, as they come, to a CSV/TSV (``row,line,problem,raw``) or JSON-lines file."""

    def __init__(self, path: str) -> None:
        kind = format_of(path) or "csv"
        if kind == "parquet":
            raise InputError(f"{path}: the rejects file is CSV, TSV or JSON lines")
        self.jsonl = kind == "jsonl"
        self.dst = _open_output(path, None)
        self.csv = (
            None if self.jsonl else csv.writer(self.dst, delimiter="\t" if kind == "tsv" else ",", lineterminator="\n")
        )
        if self.csv is not None:
            self.csv.writerow(["row", "line", "problem", "raw"])

    def add(self, r: _Row) -> None:
        raw = (r.raw or "").rstrip("\r\n")
        if self.csv is not None:
            self.csv.writerow([r.number, "" if r.line is None else r.line, r.problem, raw])
        else:
            self.dst.write(
                json.dumps({"row": r.number, "line": r.line, "problem": r.problem, "raw": raw}, ensure_ascii=False)
                + "\n"
            )

    def close(self) -> None:
        self.dst.close()
