#!/usr/bin/env python3
"""Write docs/coverage.md from the compiled registry: totals, entities per country, per kind and
per status. The output depends only on the data (no dates, no timings), so it is reproducible.

    python tools/coverage_report.py           # (re)write docs/coverage.md
    python tools/coverage_report.py --check   # exit 1 when docs/coverage.md is stale
    python tools/coverage_report.py --stdout  # print the page instead of writing it

Run it after `python tools/compile_reference.py`: it reads the installed bundle through
`defnames.registry()`, not the YAML files.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import defnames  # noqa: E402
from defnames._countries import country_name  # noqa: E402
from defnames._text.keys import name_key  # noqa: E402

OUT = ROOT / "docs" / "coverage.md"

KIND_ORDER = ["company", "subsidiary", "division", "joint_venture", "state_enterprise", "holding"]
STATUS_ORDER = ["active", "merged", "defunct"]


def _value(x: object) -> str:
    return str(getattr(x, "value", x))


def _ordered(counts: Counter[str], order: list[str]) -> list[tuple[str, int]]:
    known = [(k, counts[k]) for k in order if counts.get(k)]
    rest = sorted((k, n) for k, n in counts.items() if k not in order)
    return known + rest


def _is_homepage(url: str) -> bool:
    """True for a bare site address (``https://www.gd.com``, ``https://x.com/``): it names the
    company but does not back a date."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    return parts.path.strip("/") == "" and not parts.query


def _dated_links(entities: list[defnames.Entity]) -> tuple[int, int]:
    """(dated, total) over every parent link and every owner record.

    A link counts as dated when it carries its year (``parent_since`` for the parent, ``as_of``
    for an owner) and the entity cites at least one source that is more than a homepage."""
    dated = total = 0
    for e in entities:
        sourced = any(not _is_homepage(u) for u in e.sources)
        years = ([e.parent_since] if e.parent else []) + [o.as_of for o in e.owners]
        total += len(years)
        dated += sum(1 for y in years if y is not None and sourced)
    return dated, total


def _imported_lists(reg: defnames.Registry) -> list[str]:
    """Per imported list: its entries and the share of their listed names that resolve to them."""
    from importers.layer import layer_paths, load_layer

    paths = layer_paths(ROOT / "reference" / "imported")
    if not paths:
        return []
    out = [
        "",
        "## Imported lists",
        "",
        "Each official list imported by `importers/` (see docs/importers.md): the defense entries",
        "kept, and the share of their listed names (every alias the list gives) that",
        "`defnames.resolve` answers with that entry's entity.",
        "",
        "| List | Entries kept | New entities | Merged into existing | Listed names | Resolve to their entity |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for path in paths:
        layer = load_layer(path.read_text(encoding="utf-8"))
        rows = [(e["id"], [e["name"], *e.get("aliases", [])]) for e in layer.get("entities") or []]
        rows += [(p["id"], list(p.get("aliases", []))) for p in layer.get("patches") or []]
        names = [(eid, n) for eid, ns in rows for n in dict.fromkeys(ns) if eid in reg]
        ok = 0
        for eid, n in names:
            m = reg.resolve(n)
            ok += bool(m and (m.entity.id == eid or reg.successor_of(eid) == m.entity.id))
        share = f"{100 * ok / len(names):.1f}%" if names else "–"
        new, merged = len(layer.get("entities") or []), len(layer.get("patches") or [])
        out.append(
            f"| {(layer.get('source') or {}).get('id', path.stem)} | {new + merged} | {new} | {merged} "
            f"| {len(names)} | {share} |"
        )
    return out


def render() -> str:
    reg = defnames.registry()
    entities = sorted(reg.entities, key=lambda e: e.id)

    n_names = 0  # every distinct string an entity can be written as
    keys: set[tuple[str, str]] = set()  # (entity, normalized key): what the matcher tells apart
    by_form: Counter[str] = Counter()
    for e in entities:
        names = set(e.all_names())
        n_names += len(names)
        keys |= {(e.id, name_key(n)) for n in names}
        by_form["name"] += 1
        by_form["legal name"] += 1 if e.legal_name else 0
        by_form["alias"] += len(set(e.aliases))
        by_form["weak alias"] += len(set(e.weak_aliases))
        by_form["former name"] += len({f.name for f in e.former_names})
    scripts: Counter[str] = Counter()
    for e in entities:
        for n in e.all_names():
            if not n.isascii() and any(ord(c) > 0x24F for c in n):
                scripts["non-Latin"] += 1
                break

    countries = Counter(e.country for e in entities)
    kinds = Counter(_value(e.kind) for e in entities)
    statuses = Counter(_value(e.status) for e in entities)
    with_parent = sum(1 for e in entities if e.parent)
    with_owners = sum(1 for e in entities if e.owners)
    with_former = sum(1 for e in entities if e.former_names)
    dated, links = _dated_links(entities)
    dated_share = f"{dated} of {links} ({100 * dated / links:.1f}%)" if links else "–"

    kinds_by_country: dict[str, Counter[str]] = {}
    for e in entities:
        kinds_by_country.setdefault(e.country, Counter())[_value(e.kind)] += 1

    lines = [
        "# Registry coverage",
        "",
        "<!-- generated by tools/coverage_report.py from the compiled registry - do not edit -->",
        "",
        f"Data version **{reg.version}**. Regenerate with `python tools/coverage_report.py` after",
        "`python tools/compile_reference.py`; `python tools/coverage_report.py --check` fails when",
        "this page is out of date.",
        "",
        "## Totals",
        "",
        "| | Count |",
        "|---|---:|",
        f"| Entities | {len(entities)} |",
        f"| Names (name, legal name, aliases, weak aliases, former names; distinct strings) | {n_names} |",
        f"| Distinct normalized names (ignoring case, accents, punctuation, legal forms) | {len(keys)} |",
        f"| Countries | {len(countries)} |",
        f"| Entities with a parent in the registry | {with_parent} |",
        f"| Entities with recorded owners | {with_owners} |",
        f"| Entities with former names | {with_former} |",
        f"| Dated parent/owner links (year given and a source beyond a homepage) | {dated_share} |",
        f"| Entities with a name in a non-Latin script | {scripts['non-Latin']} |",
        "",
        "| Name form | Count |",
        "|---|---:|",
    ]
    lines += [f"| {k} | {by_form[k]} |" for k in ["name", "legal name", "alias", "weak alias", "former name"]]

    lines += ["", "## Entities per kind", "", "| Kind | Entities |", "|---|---:|"]
    lines += [f"| {k} | {n} |" for k, n in _ordered(kinds, KIND_ORDER)]

    lines += _imported_lists(reg)

    lines += ["", "## Entities per status", "", "| Status | Entities |", "|---|---:|"]
    lines += [f"| {k} | {n} |" for k, n in _ordered(statuses, STATUS_ORDER)]

    lines += [
        "",
        "## Entities per country",
        "",
        "Country of the headquarters (ISO 3166-1 alpha-2). Sorted by number of entities, then code.",
        "",
        "| Code | Country | Entities | " + " | ".join(KIND_ORDER) + " |",
        "|---|---|---:|" + "---:|" * len(KIND_ORDER),
    ]
    for code, count in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0])):
        per = kinds_by_country[code]
        cells = " | ".join(str(per.get(k, 0) or "") for k in KIND_ORDER)
        lines.append(f"| {code} | {country_name(code)} | {count} | {cells} |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when docs/coverage.md is stale")
    ap.add_argument("--stdout", action="store_true", help="print instead of writing")
    args = ap.parse_args(argv)
    text = render()
    if args.stdout:
        sys.stdout.write(text)
        return 0
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run python tools/coverage_report.py", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
