"""The ``defnames`` command: a thin layer over the public API.

``main(argv)`` parses the arguments, runs the command, prints, and returns the exit status:
0 success, 1 no match (``lookup``) or invalid data (``validate``), 2 usage or input errors.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from defnames.cli.commands import IO, cmd_extract, cmd_lookup, cmd_show, cmd_validate
from defnames.cli.match import add_match_parser
from defnames.errors import DefnamesError

__all__ = ["build_parser", "main"]


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
    p = argparse.ArgumentParser(prog="defnames", description="Which defense company does a name mean?")
    p.add_argument("--version", action="store_true", help="print code and data versions")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    lk = sub.add_parser("lookup", help="resolve names to entities")
    lk.add_argument("names", nargs="+", help="names to resolve, or - to read one per line from stdin")
    lk.add_argument("--context", help="text around the name (decides names that are also everyday words)")
    lk.add_argument("--country", help="ISO country code the entity should be in")
    lk.add_argument("--top", type=int, default=0, metavar="N", help="show the N best candidates")
    lk.add_argument("--json", action="store_true", help="one JSON object per name")
    lk.add_argument("--explain", action="store_true", help="say why each name matched")
    lk.set_defaults(func=cmd_lookup)

    sh = sub.add_parser("show", help="every fact about one entity")
    sh.add_argument("id")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_show)

    va = sub.add_parser("validate", help="check registry files (default: the packaged data)")
    va.add_argument("paths", nargs="*", help="YAML/JSON files or folders")
    va.set_defaults(func=cmd_validate)

    ex = sub.add_parser("extract", help="find company mentions in text files")
    ex.add_argument("files", nargs="+", help="text files, or - for stdin")
    ex.add_argument("--context", help="extra context for every file")
    ex.add_argument("--json", action="store_true", help="JSON lines")
    ex.set_defaults(func=cmd_extract)

    add_match_parser(sub)
    _add_serve(sub)
    return p


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the CLI; returns the exit status instead of exiting."""
    io = IO(stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code or 0)
    try:
        if args.version:
            io.out.write(_version() + "\n")
            return 0
        func = getattr(args, "func", None)
        if func is None:
            parser.print_help(io.out)
            return 2
        return int(func(args, io))
    except DefnamesError as exc:
        io.err.write(f"defnames: {exc}\n")
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        io.err.write("defnames: interrupted\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
