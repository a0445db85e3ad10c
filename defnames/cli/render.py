"""Text rendering of matches and entities for the terminal (the JSON shape of a match is
:func:`defnames.pipelines.columns.match_record`, shared with the files and the HTTP API)."""

from __future__ import annotations

from defnames._countries import country_name
from defnames._resolver import Registry
from defnames.models import Entity, Match, Method

__all__ = ["entity_rows", "explain_lines", "match_line"]


def match_line(reg: Registry, m: Match) -> str:
    e = m.entity
    chain = " > ".join(x.name for x in reg.parent_chain(e.id))
    owners = ", ".join(
        f"{(reg.get(o.owner).name if o.owner in reg else o.owner)}" + (f" {o.share:g}%" if o.share is not None else "")
        for o in e.owners
    )
    parts = [f"{e.name} · {e.country}", f"id={e.id}", f"score={m.score:g}", m.method.value]
    if m.method is Method.former_name and m.former_until:
        parts.append(f"'{m.matched}' until {m.former_until}")
    if m.successor:
        parts.append(f"now part of {reg.get(m.successor).name} [{m.successor}]")
    line = "  ".join(parts)
    if chain:
        line += f"\n    parent: {chain}"
    if owners:
        line += f"\n    owners: {owners}"
    return line


def explain_lines(m: Match) -> list[str]:
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
        signed = m.method is not Method.fuzzy
        shown = (f"{k} {v:+g}" if k != "base" and signed else f"{k} {v:g}" for k, v in x.parts.items())
        lines.append("    score: " + ", ".join(shown))
    lines += [f"    note: {n}" for n in x.notes]
    return lines


def entity_rows(reg: Registry, e: Entity) -> list[tuple[str, str]]:
    """Every fact about an entity as (label, value) rows, empty values included."""
    chain = reg.parent_chain(e.id)
    subs = reg.subsidiaries(e.id)
    rows: list[tuple[str, str]] = [
        ("id", e.id),
        ("name", e.name),
        ("legal name", e.legal_name or ""),
        ("kind", e.kind.value),
        ("country", f"{e.country} ({country_name(e.country)})"),
        ("city", e.city or ""),
        ("status", e.status.value + (f" → {e.successor}" if e.successor else "")),
        ("parent chain", " > ".join(f"{x.name} [{x.id}]" for x in chain)),
        (
            "owners",
            "; ".join(
                (f"{reg.get(o.owner).name} [{o.owner}]" if o.owner in reg else o.owner)
                + (f" {o.share:g}%" if o.share is not None else "")
                + (f" (as of {o.as_of})" if o.as_of else "")
                for o in e.owners
            ),
        ),
        ("aliases", ", ".join(e.aliases)),
        ("weak aliases", ", ".join(e.weak_aliases)),
        ("former names", ", ".join(f"{f.name}" + (f" (until {f.until})" if f.until else "") for f in e.former_names)),
        ("identifiers", ", ".join(f"{k}: {v}" for k, v in e.identifiers.items())),
        ("website", e.website or ""),
        ("subsidiaries", ", ".join(f"{x.name} [{x.id}]" for x in subs)),
        ("note", e.note or ""),
    ]
    return rows
