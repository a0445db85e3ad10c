"""The commands of the ``defnames`` CLI, each ``cmd_*(args, io) -> exit status``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from defnames._resolver import Registry, registry
from defnames.cli.render import entity_rows, explain_lines, match_line
from defnames.errors import ExitCode, InputError, Problems, ReferenceDataError

if TYPE_CHECKING:
    from defnames.models import Match, Mention


def match_record(reg: Registry, mention: str, m: Match | None, *, explain: bool = False) -> dict[str, Any]:
    """The one JSON shape of a match (:func:`defnames.pipelines.columns.match_record`, imported
    only by the commands that print JSON: it loads pydantic for its schema)."""
    from defnames.pipelines.columns import match_record as record

    return record(reg, mention, m, explain=explain)


__all__ = [
    "IO",
    "add_registry_option",
    "cmd_completion",
    "cmd_export",
    "cmd_extract",
    "cmd_lookup",
    "cmd_schema",
    "cmd_show",
    "cmd_validate",
]


@dataclass(frozen=True)
class IO:
    """The streams a command reads and writes."""

    out: TextIO
    err: TextIO
    stdin: TextIO


def add_registry_option(p: argparse.ArgumentParser) -> None:
    """``--registry DIR`` (repeatable) and ``--registry-only``, as ``defnames serve`` takes them."""
    p.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="DIR",
        help="YAML/JSON registry files or folders to add to the packaged registry (repeatable)",
    )
    p.add_argument("--registry-only", action="store_true", help="use only the --registry files")


def command_registry(args: argparse.Namespace) -> Registry:
    """The packaged registry, with the ``--registry`` files on top (or alone with ``--registry-only``)."""
    paths = getattr(args, "registry", None) or []
    only = bool(getattr(args, "registry_only", False))
    if only and not paths:
        raise InputError("--registry-only needs at least one --registry DIR")
    if not paths:
        return registry()
    return Registry.load(*paths, include_default=not only)


def _names(args_names: list[str], stdin: TextIO) -> Iterator[str]:
    if args_names == ["-"]:
        for line in stdin:
            yield line.rstrip("\r\n")
        return
    for i, name in enumerate(args_names, 1):
        if not name.strip():
            which = f"name {i}" if len(args_names) > 1 else "the name"
            raise InputError(f"lookup: {which} is empty (give a company name, or - to read names from stdin)")
    yield from args_names


def _lookup_top(reg: Registry, mention: str, args: argparse.Namespace, out: TextIO) -> bool:
    found = reg.candidates(
        mention, context=args.context, country=args.country, limit=args.top, as_of=getattr(args, "as_of", None)
    )
    if args.json:
        out.write(
            json.dumps(
                {
                    "mention": mention,
                    "candidates": [match_record(reg, mention, m, explain=args.explain) for m in found],
                },
                ensure_ascii=False,
            )
            + "\n"
        )
        return bool(found)
    out.write(f"{mention}\n" if len(args.names) > 1 or args.names == ["-"] else "")
    if not found:
        out.write("  no candidates\n")
    for i, m in enumerate(found, 1):
        out.write(f"{i}. {match_line(reg, m)}\n")
        if args.explain:
            out.write("\n".join(explain_lines(m)) + "\n")
    return bool(found)


def _lookup_one(reg: Registry, mention: str, args: argparse.Namespace, out: TextIO) -> bool:
    if not mention.strip():  # a blank line of stdin: answered in its place, so outputs stay aligned
        out.write(json.dumps(match_record(reg, mention, None)) + "\n" if args.json else "(empty line): no match\n")
        return False
    m = reg.resolve(mention, context=args.context, country=args.country, as_of=getattr(args, "as_of", None))
    if args.json:
        out.write(json.dumps(match_record(reg, mention, m, explain=args.explain), ensure_ascii=False) + "\n")
    elif m is None:
        out.write(f"{mention}: no match\n")
    else:
        prefix = f"{mention}: " if args.names == ["-"] or len(args.names) > 1 else ""
        out.write(prefix + match_line(reg, m) + "\n")
        if args.explain:
            out.write("\n".join(explain_lines(m)) + "\n")
    return m is not None


def cmd_lookup(args: argparse.Namespace, io: IO) -> int:
    """Resolve names (or show the best candidates with ``--top``); 1 when nothing matched."""
    if args.top < 0:
        raise InputError("--top must be 0 or more")
    reg = command_registry(args)
    one = _lookup_top if args.top else _lookup_one
    any_match = False
    for mention in _names(args.names, io.stdin):
        any_match = one(reg, mention, args, io.out) or any_match
    return 0 if any_match else 1


def cmd_show(args: argparse.Namespace, io: IO) -> int:
    """Every fact about one entity."""
    reg, out = command_registry(args), io.out
    e = reg.get(args.id)
    chain = reg.parent_chain(e.id)
    subs = reg.subsidiaries(e.id)
    if args.json:
        data = e.model_dump(mode="json", exclude_defaults=True) | {
            "id": e.id,
            "country": e.country,
            "kind": e.kind.value,
            "status": e.status.value,
        }
        data["parent_chain"] = [x.id for x in chain]
        data["ultimate_parent"] = chain[-1].id if chain else None
        data["subsidiaries"] = [x.id for x in subs]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    rows = entity_rows(reg, e)
    for k, v in rows:
        if v:
            out.write(f"{k:>14}: {v}\n")
    for s in e.sources:
        out.write(f"{'source':>14}: {s}\n")
    return 0


def _registry_wide(reg: Registry) -> Problems:
    from defnames._store.checks import check_registry

    return check_registry(reg.entities, reg.shared_names, reg.lexicon)


def _print_problems(problems: Problems, args: argparse.Namespace, io: IO) -> None:
    for p in problems:
        if getattr(args, "json", False):
            io.out.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
        else:
            io.err.write(str(p) + "\n")


def cmd_validate(args: argparse.Namespace, io: IO) -> int:
    """Check registry files against the packaged data (or the packaged data itself); 1 when any
    problem is found."""
    from defnames._store.checks import check_registry
    from defnames._store.parse import parse_entities, parse_shared_names
    from defnames._store.sources import read_sources

    reg = registry()
    if not args.paths:
        problems = _registry_wide(reg)
        _print_problems(problems, args, io)
        what = (
            f"packaged registry (data {reg.version}): {len(reg)} entities, {len(reg.shared_names)} shared names; "
            "checked links, owners and shares, parent cycles, sources and name clashes"
        )
        if problems:
            io.err.write(f"{what}: {len(problems)} problem(s)\n")
            return ExitCode.INVALID_DATA
        (io.err if args.json else io.out).write(f"{what}: ok\n")
        return ExitCode.OK
    try:
        raw = read_sources(*args.paths)
    except ReferenceDataError as exc:  # a file that cannot be read or parsed: a problem like the others
        _print_problems(exc.problems, args, io)
        io.err.write(f"{len(exc.problems)} problem(s)\n")
        return ExitCode.INVALID_DATA
    entities, where_of, problems = parse_entities(raw)
    shared, p2 = parse_shared_names(raw)
    problems += p2
    mine = {e.id for e in entities}
    # files may refer to packaged entities (a user's extension) or replace them (reference/ itself)
    union = [*entities, *(e for e in reg.entities if e.id not in mine)]
    shared_all = [*shared, *(s for s in reg.shared_names if not (s[1] & mine))]
    files = {w.split("[")[0] for w in where_of.values()}
    problems += [
        p
        for p in check_registry(union, shared_all, reg.lexicon, where_of)
        if p.file is None or p.file.split("[")[0] in files
    ]
    _print_problems(problems, args, io)
    if problems:
        io.err.write(f"{len(problems)} problem(s) in {len(entities)} entities\n")
        return ExitCode.INVALID_DATA
    (io.err if args.json else io.out).write(f"{len(entities)} entities in {len(raw.files)} files: ok\n")
    return ExitCode.OK


def cmd_extract(args: argparse.Namespace, io: IO) -> int:
    """Find company mentions in text files."""
    reg, out, err, stdin = command_registry(args), io.out, io.err, io.stdin
    sources: list[tuple[str, str]] = []
    for f in args.files:
        if f == "-":
            sources.append(("-", stdin.read()))
            continue
        try:
            sources.append((f, Path(f).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{f}: cannot read: {exc}") from None
    interactive = err.isatty()
    total = 0
    for n, (name, text) in enumerate(sources, 1):
        label = f"{n}/{len(sources)} {name}"
        for m in extract_in_chunks(reg, text, args.context, err if interactive else None, label):
            total += 1
            e = m.match.entity
            if args.json:  # the span, and the match in the one JSON shape (as the HTTP API's mentions)
                out.write(
                    json.dumps(
                        {
                            "file": name,
                            "start": m.start,
                            "end": m.end,
                            "text": m.text,
                            "match": match_record(reg, m.text, m.match),
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
            else:
                where = f"{name}:" if len(sources) > 1 else ""
                out.write(f"{where}{m.start}-{m.end}\t{m.text!r}\t{e.name} · {e.country}\t[{e.id}]\n")
    if interactive:
        err.write(f"\r{total} mentions in {len(sources)} input(s)".ljust(70) + "\n")
    return 0


_CHUNK_CHARS = 1 << 20


def extract_in_chunks(
    reg: Registry, text: str, context: str | None, progress: TextIO | None, label: str
) -> Iterator[Mention]:
    """Extract from a large text paragraph-block by paragraph-block, reporting progress.

    Blocks end at blank lines, where no company name is split, and offsets are shifted back
    to the whole text.
    """
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK_CHARS)
        if end < len(text):  # cut at a blank line, else a line break, else a space
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        for m in reg.extract(text[start:end], context=context):
            yield m.model_copy(update={"start": m.start + start, "end": m.end + start})
        start = end
        if progress is not None:
            progress.write(f"\r{label[:50]} {100 * start // max(1, len(text))}%".ljust(70))
            progress.flush()


def cmd_export(args: argparse.Namespace, io: IO) -> int:
    """Write the registry (with any ``--registry`` files) as CSV, JSON lines, Parquet or FtM."""
    from defnames.pipelines.export import export_registry

    n = export_registry(command_registry(args), args.output, fmt=args.format, stdout=io.out)
    if args.output not in (None, "-"):
        io.err.write(f"{n} records written to {args.output}\n")
    return ExitCode.OK


def cmd_completion(args: argparse.Namespace, io: IO) -> int:
    """Print the completion script of a shell, made from the command's own parser."""
    from defnames.cli.app import build_parser
    from defnames.cli.completion import completion_script

    io.out.write(completion_script(build_parser(), args.shell))
    return ExitCode.OK


def cmd_schema(args: argparse.Namespace, io: IO) -> int:
    """Print the JSON Schema of the match shape (``docs/schema/match.schema.json``)."""
    from defnames.pipelines.columns import match_schema

    io.out.write(json.dumps(match_schema(), indent=2, ensure_ascii=False) + "\n")
    return ExitCode.OK
