"""The commands of the ``defnames`` CLI, each ``cmd_*(args, io) -> exit status``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from defnames._resolver import Registry, registry
from defnames.cli.render import entity_rows, explain_lines, match_line
from defnames.errors import InputError
from defnames.models import Mention
from defnames.pipelines.columns import match_record

__all__ = ["IO", "cmd_extract", "cmd_lookup", "cmd_show", "cmd_validate"]


@dataclass(frozen=True)
class IO:
    """The streams a command reads and writes."""

    out: TextIO
    err: TextIO
    stdin: TextIO


def _names(args_names: list[str], stdin: TextIO) -> Iterator[str]:
    if args_names == ["-"]:
        for line in stdin:
            yield line.rstrip("\r\n")
    else:
        yield from args_names


def _lookup_top(reg: Registry, mention: str, args: argparse.Namespace, out: TextIO) -> bool:
    found = reg.candidates(mention, context=args.context, country=args.country, limit=args.top)
    if args.json:
        out.write(json.dumps({"mention": mention, "candidates": [
            match_record(reg, mention, m, explain=args.explain) for m in found]}, ensure_ascii=False) + "\n")
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
    m = reg.resolve(mention, context=args.context, country=args.country)
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
    reg = registry()
    one = _lookup_top if args.top else _lookup_one
    any_match = False
    for mention in _names(args.names, io.stdin):
        any_match = one(reg, mention, args, io.out) or any_match
    return 0 if any_match else 1


def cmd_show(args: argparse.Namespace, io: IO) -> int:
    """Every fact about one entity."""
    reg, out = registry(), io.out
    e = reg.get(args.id)
    chain = reg.parent_chain(e.id)
    subs = reg.subsidiaries(e.id)
    if args.json:
        data = e.model_dump(mode="json", exclude_defaults=True) | {"id": e.id, "country": e.country,
                                                                   "kind": e.kind.value, "status": e.status.value}
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


def cmd_validate(args: argparse.Namespace, io: IO) -> int:
    """Check registry files against the packaged data; 1 when any problem is found."""
    out, err = io.out, io.err
    from defnames._store.checks import check_registry
    from defnames._store.parse import parse_entities, parse_shared_names
    from defnames._store.sources import read_sources

    reg = registry()
    if not args.paths:
        out.write(f"packaged registry: {len(reg)} entities, data version {reg.version}: ok\n")
        return 0
    raw = read_sources(*args.paths)
    entities, where_of, problems = parse_entities(raw)
    shared, p2 = parse_shared_names(raw)
    problems += p2
    mine = {e.id for e in entities}
    # files may refer to packaged entities (a user's extension) or replace them (reference/ itself)
    union = [*entities, *(e for e in reg.entities if e.id not in mine)]
    shared_all = [*shared, *(s for s in reg.shared_names if not (s[1] & mine))]
    problems += [p for p in check_registry(union, shared_all, reg.lexicon, where_of)
                 if p.split(":")[0] in {w.split("[")[0] for w in where_of.values()} or p.startswith("shared_names")]
    for p in problems:
        err.write(p + "\n")
    if problems:
        err.write(f"{len(problems)} problem(s) in {len(entities)} entities\n")
        return 1
    out.write(f"{len(entities)} entities in {len(raw.files)} files: ok\n")
    return 0


def cmd_extract(args: argparse.Namespace, io: IO) -> int:
    """Find company mentions in text files."""
    reg, out, err, stdin = registry(), io.out, io.err, io.stdin
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
            if args.json:
                out.write(json.dumps({"file": name, "start": m.start, "end": m.end, "text": m.text,
                                      "id": e.id, "name": e.name, "country": e.country,
                                      "score": m.match.score, "method": m.match.method.value}, ensure_ascii=False) + "\n")
            else:
                where = f"{name}:" if len(sources) > 1 else ""
                out.write(f"{where}{m.start}-{m.end}\t{m.text!r}\t{e.name} · {e.country}\t[{e.id}]\n")
    if interactive:
        err.write(f"\r{total} mentions in {len(sources)} input(s)".ljust(70) + "\n")
    return 0


_CHUNK_CHARS = 1 << 20


def extract_in_chunks(reg: Registry, text: str, context: str | None, progress: TextIO | None,
                      label: str) -> Iterator[Mention]:
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


