"""``defnames match``: the command over :func:`defnames.pipelines.files.match_file`."""

from __future__ import annotations

import argparse
from typing import Any

from defnames._resolver import registry
from defnames.cli.commands import IO
from defnames.pipelines.files import match_file

__all__ = ["add_match_parser", "cmd_match"]


def add_match_parser(sub: Any) -> None:
    """The ``match`` subcommand."""
    ma = sub.add_parser("match", help="resolve a name column of a CSV/TSV/JSONL/Parquet file")
    ma.add_argument("input", help="input file, or - for stdin")
    ma.add_argument("--column", required=True, help="the column holding company names")
    ma.add_argument("--country-column", help="a column with country codes to narrow the choice")
    ma.add_argument("-o", "--output", help="output file (default: stdout)")
    ma.add_argument("--format", choices=["csv", "tsv", "jsonl", "parquet"], help="default: from the file name")
    ma.set_defaults(func=cmd_match)


def cmd_match(args: argparse.Namespace, io: IO) -> int:
    """Resolve a name column of a file; every row comes out."""
    out, err, stdin = io.out, io.err, io.stdin
    interactive = err.isatty()

    def progress(n: int) -> None:
        if interactive:
            err.write(f"\r{n:,} rows")
            err.flush()

    summary = match_file(registry(), args.input, args.output, args.column, country_column=args.country_column,
                         fmt=args.format, stdin=stdin, stdout=out, progress=progress)
    if interactive:
        err.write("\n")
    err.write(summary.line() + "\n")
    return 0
