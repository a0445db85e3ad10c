"""Command line: ``python -m importers <source> [--raw PATH] [--update-pin]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .listkit.sources import sources as list_sources
from .manifest import PinError
from .ofac import importer as ofac
from .paths import DEFAULT

SOURCES = {sid: (ofac, spec) for sid, spec in ofac.SPECS.items()}
SOURCES.update(list_sources())  # the flat-list sources of importers/listkit (jp-mof, ...)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m importers", description=__doc__)
    ap.add_argument("source", choices=sorted(SOURCES), help="which list to import")
    ap.add_argument("--raw", type=Path, help="a raw file or a folder of them (default: the stored copies)")
    ap.add_argument(
        "--update-pin",
        action="store_true",
        help="accept raw files whose sha256 differs: re-pin them in MANIFEST.yml and store small ones",
    )
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when the outputs are stale")
    args = ap.parse_args(argv)
    module, spec = SOURCES[args.source]
    try:
        outcome = module.run(DEFAULT, args.raw, update_pin=args.update_pin, spec=spec)
    except PinError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        stale = [
            p
            for p, t in module.targets(outcome, DEFAULT).items()
            if not p.exists() or p.read_text(encoding="utf-8") != t
        ]
        for p in stale:
            print(
                f"{p.relative_to(DEFAULT.reference.parent)} is stale: run python -m importers {args.source}",
                file=sys.stderr,
            )
        return 1 if stale else 0
    changed = module.write(outcome, DEFAULT)
    print(json.dumps(outcome.counts, indent=1))
    for p in changed:
        print(f"wrote {p.relative_to(DEFAULT.reference.parent)}")
    return 0
