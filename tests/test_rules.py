"""Every special rule has a table of cases (tests/cases/<rule>.yml): positives and negatives,
on the fictional registry unless a row says ``registry: real`` (rows from real text carry
their ``source``). See tests/cases/README.md for the row format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from defnames import Registry

CASES = Path(__file__).parent / "cases"
TABLES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.yml"))}


def _rows() -> list[Any]:
    out = []
    for name, table in TABLES.items():
        for n, row in enumerate(table["cases"]):
            text = row.get("resolve", row.get("extract", ""))
            marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if "xfail" in row else []
            out.append(pytest.param(row, id=f"{name}-{n}-{text[:40]}", marks=marks))
    return out


def test_every_table_names_its_rule_and_mutation() -> None:
    for name, table in TABLES.items():
        assert table["rule"] and table["code"] and table["mutation"], name
        rows = table["cases"]
        positives = [r for r in rows if r["expect"]]
        # a negative: nothing found, or another entity than the rule picks ("Salvik and Torvan")
        negatives = [r for r in rows if not r["expect"] or r["expect"] != positives[0]["expect"]]
        assert len(positives) >= 2 and len(negatives) >= 2, f"{name}: a table needs positives and negatives"
        for r in rows:
            assert set(r) <= {
                "resolve",
                "extract",
                "context",
                "country",
                "expect",
                "registry",
                "source",
                "note",
                "xfail",
            }, (name, r)
            assert ("resolve" in r) != ("extract" in r), (name, r)


@pytest.mark.parametrize("row", _rows())
def test_rule_case(row: dict[str, Any], mini: Registry, real: Registry) -> None:
    reg = real if row.get("registry") == "real" else mini
    if "resolve" in row:
        m = reg.resolve(row["resolve"], context=row.get("context"), country=row.get("country"))
        assert (m.entity.id if m else None) == row["expect"], reg.candidates(row["resolve"], context=row.get("context"))
    else:
        text = row["extract"]
        found = [[x.text, x.match.entity.id] for x in reg.extract(text, context=row.get("context"))]
        assert all(text[x.start : x.end] == x.text for x in reg.extract(text))
        assert found == row["expect"]
