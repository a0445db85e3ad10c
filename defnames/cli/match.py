"""``defnames match``: the command over :func:`defnames.pipelines.files.match_file`."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import time
from typing import Any, TextIO

from defnames.cli.commands import IO, add_registry_option, command_registry
from defnames.errors import ExitCode

# the formats of defnames.pipelines.files.FORMATS (tests/cli check they agree), named here so
# that building the parser does not import the file pipeline
FORMATS = ("csv", "tsv", "jsonl", "parquet")

__all__ = ["add_match_parser", "cmd_match"]


def add_match_parser(sub: Any) -> None:
    """The ``match`` subcommand."""
    ma = sub.add_parser("match", help="resolve a name column of a CSV/TSV/JSONL/Parquet file")
    ma.add_argument("input", help="input file (.gz/.zst read as such), or - for stdin")
    ma.add_argument("--column", required=True, help="the column holding company names")
    ma.add_argument("--country-column", help="a column with country codes to narrow the choice")
    ma.add_argument("-o", "--output", help="output file (default: stdout); its name sets the output format")
    ma.add_argument(
        "--format", choices=list(FORMATS), help="output format (default: from the -o file name, else the input format)"
    )
    ma.add_argument(
        "--input-format",
        choices=list(FORMATS),
        help="input format (default: from the input file name, else --format, else csv)",
    )
    ma.add_argument("--rejects", metavar="FILE", help="write the bad rows here (row, line, problem, raw text)")
    ma.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    ma.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="processes for the distinct names (default 1; 0: every core); for files of many "
        "thousands of distinct names",
    )
    add_registry_option(ma)
    ma.set_defaults(func=cmd_match)


class _Progress:
    """A progress bar on stderr when it is a terminal: tqdm when installed (``defnames[progress]``),
    else a count of rows; it shows only once a run has lasted a second. Nothing otherwise."""

    def __init__(self, err: TextIO, enabled: bool) -> None:
        self.err = err
        self.bar: Any = None
        self.count = enabled and not _has_tqdm()
        self.started = time.monotonic()
        if enabled and not self.count:
            tqdm = importlib.import_module("tqdm").tqdm
            self.bar = tqdm(file=err, unit=" rows", unit_scale=True, delay=1.0, mininterval=0.25, leave=False)
        self.done = 0

    def __call__(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n - self.done)
        elif self.count and time.monotonic() - self.started > 1.0:
            self.err.write(f"\r{n:,} rows")
            self.err.flush()
        self.done = n

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.count and time.monotonic() - self.started > 1.0:
            self.err.write("\r" + " " * 30 + "\r")


def _has_tqdm() -> bool:
    return importlib.util.find_spec("tqdm") is not None


def cmd_match(args: argparse.Namespace, io: IO) -> int:
    """Resolve a name column of a file; every row comes out. Exit status 3 when some rows were bad."""
    out, err, stdin = io.out, io.err, io.stdin
    progress = _Progress(err, err.isatty() and not args.no_progress)
    reg: Any = command_registry(args)
    pool = None
    if args.workers != 1:
        from defnames.pipelines.parallel import PooledRegistry, ResolverPool

        pool = ResolverPool(reg, args.workers)
        reg = PooledRegistry(pool)
    try:
        from defnames.pipelines.files import match_file

        summary = match_file(
            reg,
            args.input,
            args.output,
            args.column,
            country_column=args.country_column,
            fmt=args.format,
            input_fmt=args.input_format,
            stdin=stdin,
            stdout=out,
            progress=progress,
            rejects=args.rejects,
            resolve=reg.resolve_chunk if pool else None,
            warn=lambda msg: print(f"defnames: warning: {msg}", file=err),
        )
    finally:
        progress.close()
        if pool is not None:
            pool.close()
    err.write(summary.line() + "\n")
    if summary.bad and args.rejects:
        err.write(f"{len(summary.bad)} bad rows written to {args.rejects}\n")
    return ExitCode.BAD_ROWS if summary.bad else ExitCode.OK
