"""Read and validate the gold rows of evals/ (no third-party imports, no registry needed).

    python evals/_lib.py            # validate every set, print counts
    from evals._lib import load     # rows of one set, validated

Row formats are those of ../shared/eval/README.md, so ../shared/eval/score.py scores them:

- mentions (news.jsonl, records.jsonl): ``{"mention", "context", "expect": {"names", "countries",
  "parent"} | null, "phenomenon", "lang", "source", ...}``; a news row's mention stands verbatim in
  its ``context`` (the sentence around it), a record row's mention stands verbatim in its ``record``
  (the entry as the list prints it) and its ``context`` names the list or register.
- passages (passages.jsonl): ``{"text", "mentions": [{"start", "end", "surface", "names",
  "countries"}], "source", "lang"}`` with ``text[start:end] == surface``.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SETS = {"news": "news.jsonl", "records": "records.jsonl", "passages": "passages.jsonl"}
_ISO2 = re.compile(r"^[A-Z]{2}$")


class GoldError(ValueError):
    """A row that breaks the format."""


def _check_expect(exp: Any, where: str) -> None:
    if exp is None:
        return
    if not isinstance(exp, dict):
        raise GoldError(f"{where}: expect must be an object or null")
    names, countries = exp.get("names"), exp.get("countries")
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise GoldError(f"{where}: expect.names must be a non-empty list of names")
    if not countries or not all(isinstance(c, str) and _ISO2.match(c) for c in countries):
        raise GoldError(f"{where}: expect.countries must be ISO 3166-1 alpha-2 codes")
    if not all(isinstance(p, str) and p.strip() for p in exp.get("parent") or []):
        raise GoldError(f"{where}: expect.parent must be a list of names")


def _check_source(row: dict[str, Any], where: str) -> None:
    src = row.get("source")
    if not isinstance(src, str) or not src.startswith(("http://", "https://")):
        raise GoldError(f"{where}: source must be the URL of the page the row was read from")


def check_mention(row: dict[str, Any], where: str, kind: str) -> None:
    mention = row.get("mention")
    if not isinstance(mention, str) or not mention.strip():
        raise GoldError(f"{where}: mention must be a non-empty string")
    if "expect" not in row:
        raise GoldError(f"{where}: expect is required (an object, or null for a non-defense mention)")
    _check_expect(row["expect"], where)
    _check_source(row, where)
    if not isinstance(row.get("lang"), str):
        raise GoldError(f"{where}: lang (ISO 639-1) is required")
    quote = row.get("record") if kind == "records" else row.get("context")
    if not isinstance(quote, str) or mention not in quote:
        field = "record" if kind == "records" else "context"
        raise GoldError(f"{where}: the mention must stand verbatim in {field}")


def check_passage(row: dict[str, Any], where: str) -> None:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{where}: text must be a non-empty string")
    _check_source(row, where)
    spans = []
    for i, m in enumerate(row.get("mentions", [])):
        w = f"{where} mention {i}"
        s, e = m.get("start"), m.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            raise GoldError(f"{w}: bad offsets")
        if text[s:e] != m.get("surface"):
            raise GoldError(f"{w}: text[{s}:{e}] is {text[s:e]!r}, not the surface {m.get('surface')!r}")
        _check_expect({"names": m.get("names"), "countries": m.get("countries")}, w)
        spans.append((s, e))
    spans.sort()
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        raise GoldError(f"{where}: overlapping spans")


def load(name: str) -> list[dict[str, Any]]:
    """The validated rows of one set: ``news``, ``records`` or ``passages`` (or a file path)."""
    path = HERE / SETS[name] if name in SETS else Path(name)
    kind = (
        name
        if name in SETS
        else ("passages" if "passage" in path.name else "records" if "record" in path.name else "news")
    )
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{where}: not JSON ({e})") from None
        if kind == "passages":
            check_passage(row, where)
        else:
            check_mention(row, where, kind)
        rows.append(row)
    return rows


def summary(name: str) -> str:
    rows = load(name)
    langs = sorted({r.get("lang", "?") for r in rows})
    if name == "passages":
        n_m = sum(len(r["mentions"]) for r in rows)
        return f"passages: {len(rows)} passages, {n_m} gold spans, {len(langs)} languages ({' '.join(langs)})"
    nil = sum(r["expect"] is None for r in rows)
    return f"{name}: {len(rows)} rows ({nil} not defense), {len(langs)} languages ({' '.join(langs)})"


if __name__ == "__main__":
    bad = 0
    for set_name in SETS:
        try:
            print(summary(set_name))
        except (GoldError, FileNotFoundError) as err:
            bad += 1
            print(f"{set_name}: {err}", file=sys.stderr)
    sys.exit(1 if bad else 0)
