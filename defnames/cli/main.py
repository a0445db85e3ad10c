"""The ``defnames`` command: a thin layer over the public API.

``main(argv)`` parses the arguments, calls the API, prints, and returns the exit status:
0 success, 1 no match (``lookup``) or invalid data (``validate``), 2 usage or input errors.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from defnames.errors import DefnamesError, InputError
from defnames.models import Entity, Match

__all__ = ["main"]


def _registry() -> Any:
    from defnames._resolver import registry

    return registry()


def _names(args_names: list[str], stdin: TextIO) -> Iterator[str]:
    if args_names == ["-"]:
        for line in stdin:
            yield line.rstrip("\r\n")
    else:
        yield from args_names


def _chain(reg: Any, e: Entity) -> list[Entity]:
    return list(reg.parent_chain(e.id))


def _match_json(reg: Any, mention: str, m: Match | None, explain: bool) -> dict[str, Any]:
    if m is None:
        return {"mention": mention, "match": None}
    chain = _chain(reg, m.entity)
    out: dict[str, Any] = {
        "mention": mention,
        "id": m.entity.id,
        "name": m.entity.name,
        "country": m.entity.country,
        "parent_id": m.entity.parent,
        "ultimate_parent_id": chain[-1].id if chain else None,
        "parent_chain": [e.id for e in chain],
        "owners": [o.model_dump(exclude_none=True) for o in m.entity.owners],
        "score": m.score,
        "method": m.method,
        "matched": m.matched,
    }
    if m.former_until:
        out["former_until"] = m.former_until
    if m.via:
        out["via"] = m.via
    if explain and m.explanation is not None:
        out["explanation"] = m.explanation.model_dump(mode="json")
    return out


def _match_line(reg: Any, m: Match) -> str:
    e = m.entity
    chain = " > ".join(x.name for x in _chain(reg, e))
    owners = ", ".join(
        f"{(reg.get(o.owner).name if o.owner in reg else o.owner)}"
        + (f" {o.share:g}%" if o.share is not None else "")
        for o in e.owners
    )
    parts = [f"{e.name} · {e.country}", f"id={e.id}", f"score={m.score:g}", m.method]
    if m.method == "former_name" and m.former_until:
        parts.append(f"'{m.matched}' until {m.former_until}")
    if m.via:
        parts.append(f"via {m.via}")
    line = "  ".join(parts)
    if chain:
        line += f"\n    parent: {chain}"
    if owners:
        line += f"\n    owners: {owners}"
    return line


def _explain_lines(m: Match) -> list[str]:
    x = m.explanation
    if x is None:
        return []
    lines = [f"    matched name: {m.matched!r} (mention read as {x.mention_key!r})"]
    if x.dropped:
        lines.append("    dropped: " + ", ".join(f"{w!r} ({why})" for w, why in x.dropped))
    if x.country_hints:
        lines.append("    country hints: " + ", ".join(x.country_hints))
    if x.context_support is not None:
        lines.append(f"    defense words in context: {x.context_support:g}")
    if x.parts:
        shown = (f"{k} {v:+g}" if k != "base" and m.method != "fuzzy" else f"{k} {v:g}" for k, v in x.parts.items())
        lines.append("    score: " + ", ".join(shown))
    lines += [f"    note: {n}" for n in x.notes]
    return lines


def cmd_lookup(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    reg = _registry()
    any_match = False
    for mention in _names(args.names, stdin):
        if args.top:
            found = reg.candidates(mention, context=args.context, country=args.country, limit=args.top)
            any_match = any_match or bool(found)
            if args.json:
                out.write(json.dumps({"mention": mention, "candidates": [
                    _match_json(reg, mention, m, args.explain) for m in found]}, ensure_ascii=False) + "\n")
            else:
                out.write(f"{mention}\n" if len(args.names) > 1 or args.names == ["-"] else "")
                if not found:
                    out.write("  no candidates\n")
                for i, m in enumerate(found, 1):
                    out.write(f"{i}. {_match_line(reg, m)}\n")
                    if args.explain:
                        out.write("\n".join(_explain_lines(m)) + "\n")
            continue
        m = reg.resolve(mention, context=args.context, country=args.country)
        any_match = any_match or m is not None
        if args.json:
            out.write(json.dumps(_match_json(reg, mention, m, args.explain), ensure_ascii=False) + "\n")
        elif m is None:
            out.write(f"{mention}: no match\n")
        else:
            prefix = f"{mention}: " if args.names == ["-"] or len(args.names) > 1 else ""
            out.write(prefix + _match_line(reg, m) + "\n")
            if args.explain:
                out.write("\n".join(_explain_lines(m)) + "\n")
    return 0 if any_match else 1


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    reg = _registry()
    e = reg.get(args.id)
    chain = _chain(reg, e)
    subs = reg.subsidiaries(e.id)
    if args.json:
        data = e.model_dump(mode="json", exclude_defaults=True) | {"id": e.id, "country": e.country,
                                                                   "kind": e.kind.value, "status": e.status.value}
        data["parent_chain"] = [x.id for x in chain]
        data["ultimate_parent"] = chain[-1].id if chain else None
        data["subsidiaries"] = [x.id for x in subs]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    from defnames._countries import country_name

    rows: list[tuple[str, str]] = [
        ("id", e.id), ("name", e.name), ("legal name", e.legal_name or ""),
        ("kind", e.kind.value), ("country", f"{e.country} ({country_name(e.country)})"),
        ("city", e.city or ""), ("status", e.status.value + (f" → {e.successor}" if e.successor else "")),
        ("parent chain", " > ".join(f"{x.name} [{x.id}]" for x in chain)),
        ("owners", "; ".join(
            (f"{reg.get(o.owner).name} [{o.owner}]" if o.owner in reg else o.owner)
            + (f" {o.share:g}%" if o.share is not None else "") + (f" (as of {o.as_of})" if o.as_of else "")
            for o in e.owners)),
        ("aliases", ", ".join(e.aliases)),
        ("weak aliases", ", ".join(e.weak_aliases)),
        ("former names", ", ".join(f"{f.name}" + (f" (until {f.until})" if f.until else "") for f in e.former_names)),
        ("identifiers", ", ".join(f"{k}: {v}" for k, v in e.identifiers.items())),
        ("website", e.website or ""),
        ("subsidiaries", ", ".join(f"{x.name} [{x.id}]" for x in subs)),
        ("note", e.note or ""),
    ]
    for k, v in rows:
        if v:
            out.write(f"{k:>14}: {v}\n")
    for s in e.sources:
        out.write(f"{'source':>14}: {s}\n")
    return 0


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from defnames._store.checks import check_registry
    from defnames._store.parse import parse_entities, parse_shared_names
    from defnames._store.sources import read_sources

    reg = _registry()
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


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    reg = _registry()
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
        for m in _extract_in_chunks(reg, text, args.context, err if interactive else None, label):
            total += 1
            e = m.match.entity
            if args.json:
                out.write(json.dumps({"file": name, "start": m.start, "end": m.end, "text": m.text,
                                      "id": e.id, "name": e.name, "country": e.country,
                                      "score": m.match.score, "method": m.match.method}, ensure_ascii=False) + "\n")
            else:
                where = f"{name}:" if len(sources) > 1 else ""
                out.write(f"{where}{m.start}-{m.end}\t{m.text!r}\t{e.name} · {e.country}\t[{e.id}]\n")
    if interactive:
        err.write(f"\r{total} mentions in {len(sources)} input(s)".ljust(70) + "\n")
    return 0


_CHUNK_CHARS = 1 << 20


def _extract_in_chunks(reg: Any, text: str, context: str | None, progress: TextIO | None, label: str) -> Iterator[Any]:
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


def _version() -> str:
    from defnames import __version__

    try:
        data = _registry().version
    except DefnamesError:
        data = "unavailable"
    return f"defnames {__version__} (data {data})"


def build_parser() -> argparse.ArgumentParser:
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

    sh = sub.add_parser("show", help="every fact about one entity")
    sh.add_argument("id")
    sh.add_argument("--json", action="store_true")

    va = sub.add_parser("validate", help="check registry files (default: the packaged data)")
    va.add_argument("paths", nargs="*", help="YAML/JSON files or folders")

    ex = sub.add_parser("extract", help="find company mentions in text files")
    ex.add_argument("files", nargs="+", help="text files, or - for stdin")
    ex.add_argument("--context", help="extra context for every file")
    ex.add_argument("--json", action="store_true", help="JSON lines")

    from defnames.pipelines.files import add_match_parser

    add_match_parser(sub)
    return p


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the CLI; returns the exit status instead of exiting."""
    out, err, inp = stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code or 0)
    try:
        if args.version:
            out.write(_version() + "\n")
            return 0
        if args.command == "lookup":
            if args.top < 0:
                raise InputError("--top must be 0 or more")
            return cmd_lookup(args, out, inp)
        if args.command == "show":
            return cmd_show(args, out)
        if args.command == "validate":
            return cmd_validate(args, out, err)
        if args.command == "extract":
            return cmd_extract(args, out, err, inp)
        if args.command == "match":
            from defnames.pipelines.files import cmd_match

            return cmd_match(args, out, err, inp)
        parser.print_help(out)
        return 2
    except DefnamesError as exc:
        err.write(f"defnames: {exc}\n")
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        err.write("defnames: interrupted\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
