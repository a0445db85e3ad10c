"""The ``defnames`` command: a thin layer over the public API.

``main(argv)`` parses the arguments, runs the command, prints, and returns the exit status
(:class:`defnames.errors.ExitCode`, documented in ``docs/errors.md``):

====  ==========================================================================================
0     success
1     ``lookup``: no name matched; ``validate``: problems found; registry files that cannot be
      loaded (``--registry``)
2     a usage error, an unknown entity id, or an input file that cannot be read or parsed at all
3     ``match``: every row was written, but some rows were bad (listed; see ``--rejects``)
130   interrupted
====  ==========================================================================================

Errors are one line on stderr, ``defnames: <file>: <line or field>: <message>``, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from defnames.cli.commands import (
    IO,
    add_registry_option,
    cmd_completion,
    cmd_export,
    cmd_extract,
    cmd_lookup,
    cmd_schema,
    cmd_show,
    cmd_validate,
)
from defnames.cli.match import add_match_parser
from defnames.errors import DefnamesError, ExitCode, ReferenceDataError

__all__ = ["build_parser", "main"]


class UsageError(Exception):
    """A command line that argparse rejected: its message, shown as one line."""

    def __init__(self, prog: str, message: str) -> None:
        self.prog = prog
        super().__init__(message)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line (``prog: message (see prog --help)``), raised
    instead of printed so that :func:`main` writes them to its own stderr."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, message)


def _version() -> str:
    from defnames import __version__
    from defnames._resolver import registry

    try:
        data = registry().version
    except DefnamesError:
        data = "unavailable"
    return f"defnames {__version__} (data {data})"


def _add_serve(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    try:
        from defnames.serve.cli import add_parser  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # the serve extra is not installed
        return
    add_parser(sub)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand, each with its ``func``."""
    p = _Parser(prog="defnames", description="Which defense company does a name mean?")
    p.add_argument("--version", action="store_true", help="print code and data versions")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    lk = sub.add_parser("lookup", help="resolve names to entities")
    lk.add_argument("names", nargs="+", help="names to resolve, or - to read one per line from stdin")
    lk.add_argument("--context", help="text around the name (decides names that are also everyday words)")
    lk.add_argument("--country", help="ISO country code the entity should be in")
    lk.add_argument("--top", type=int, default=0, metavar="N", help="show the N best candidates")
    lk.add_argument("--json", action="store_true", help="one JSON object per name (docs/schema/match.schema.json)")
    lk.add_argument("--explain", action="store_true", help="say why each name matched")
    lk.add_argument(
        "--as-of",
        type=int,
        metavar="YEAR",
        dest="as_of",
        help="read the names as a document of that year would (former names, absorbed companies)",
    )
    add_registry_option(lk)
    lk.set_defaults(func=cmd_lookup)

    sh = sub.add_parser("show", help="every fact about one entity")
    sh.add_argument("id")
    sh.add_argument("--json", action="store_true")
    add_registry_option(sh)
    sh.set_defaults(func=cmd_show)

    va = sub.add_parser("validate", help="check registry files (default: the packaged data)")
    va.add_argument("paths", nargs="*", help="YAML/JSON files or folders")
    va.add_argument("--json", action="store_true", help="problems as JSON lines: file, line, field, message")
    va.set_defaults(func=cmd_validate)

    ex = sub.add_parser("extract", help="find company mentions in text files")
    ex.add_argument("files", nargs="+", help="text files, or - for stdin")
    ex.add_argument("--context", help="extra context for every file")
    ex.add_argument("--json", action="store_true", help="JSON lines: file, start, end, text and the match")
    add_registry_option(ex)
    ex.set_defaults(func=cmd_extract)

    add_match_parser(sub)

    xp = sub.add_parser("export", help="write the registry as CSV, JSON lines, Parquet or FollowTheMoney")
    xp.add_argument(
        "--format", choices=["csv", "jsonl", "parquet", "ftm"], help="default: from the -o file name, else jsonl"
    )
    xp.add_argument("-o", "--output", help="output file (default: stdout; Parquet needs a file)")
    add_registry_option(xp)
    xp.set_defaults(func=cmd_export)

    sc = sub.add_parser("schema", help="print the JSON Schema of the --json match shape")
    sc.set_defaults(func=cmd_schema)

    co = sub.add_parser("completion", help="print a shell completion script")
    co.add_argument("shell", choices=["bash", "zsh", "fish"])
    co.set_defaults(func=cmd_completion)

    _add_serve(sub)
    return p


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the CLI; returns the exit status instead of exiting."""
    io = IO(stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        io.err.write(f"{exc.prog}: {exc} (see {exc.prog} --help)\n")
        return ExitCode.USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        if args.version:
            io.out.write(_version() + "\n")
            return ExitCode.OK
        func = getattr(args, "func", None)
        if func is None:
            parser.print_help(io.out)
            return ExitCode.USAGE
        return int(func(args, io))
    except ReferenceDataError as exc:
        more = (
            f"; `defnames validate {' '.join(args.registry)}` lists them all"
            if len(exc.problems) > 1 and getattr(args, "registry", None)
            else ""
        )
        io.err.write(f"defnames: {exc}{more}\n")
        return exc.exit_code
    except DefnamesError as exc:
        io.err.write(f"defnames: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:
        return ExitCode.OK
    except OSError as exc:  # writing the output failed (disk full, a folder given as -o, ...)
        where = f"{exc.filename}: " if exc.filename else ""
        io.err.write(f"defnames: {where}{exc.strerror or exc}\n")
        return ExitCode.USAGE
    except KeyboardInterrupt:
        io.err.write("defnames: interrupted\n")
        return ExitCode.INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
