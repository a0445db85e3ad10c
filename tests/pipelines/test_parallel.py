"""resolve_many on worker processes: the same answers as one process, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import defnames
from defnames import InputError, Registry
from defnames.pipelines import parallel
from defnames.pipelines.batch import resolve_many
from defnames.pipelines.parallel import ResolverPool, worker_count


def _names(reg: Registry, n: int) -> list[object]:
    base = [e.name for e in reg.entities] + [a for e in reg.entities for a in e.aliases]
    out: list[object] = []
    for i, b in enumerate(base[:n]):
        out.append(b if i % 3 else b[:-1] + "x")  # a third with a typo at the end
    return out


def test_workers_give_the_same_answers_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_SERIAL_BELOW", 0)  # a pool even for a short batch
    monkeypatch.setattr(parallel, "_CHUNK", 40)
    reg = defnames.registry()
    names = _names(reg, 300)
    rows: list[object] = [*names, "", None, 42, names[5], "Bakery Fresh Ltd", *names[:50]]
    serial = resolve_many(reg, rows)
    pooled = resolve_many(reg, rows, workers=2)
    assert len(pooled) == len(rows)
    assert pooled == serial
    assert pooled[len(names)] is None and pooled[len(names) + 2] is None
    first = next(m for m in pooled if m is not None)
    assert first.entity is reg.get(first.entity.id)  # rebuilt with this process's entities


def test_public_resolve_many_takes_workers() -> None:
    assert [m.entity.id if m else None for m in defnames.resolve_many(["Rheinmetall AG", ""], workers=0)] == [
        "rheinmetall",
        None,
    ]


def test_pool_keeps_the_best_candidate_of_unmatched_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_SERIAL_BELOW", 0)
    reg = defnames.registry()
    keys = [("Thales", None), ("Nowhere Catering Supplies", None), ("Rheinmetall", "DE")]
    with ResolverPool(reg, 2) as pool:
        got = pool.resolve(keys, tops=True)
        assert got == [reg.resolve(n, country=c) for n, c in keys]
        for (n, _), m in zip(keys, got):
            if m is None:
                assert pool.candidates(n, limit=1) == reg.candidates(n, limit=1)


def test_spawned_workers_get_a_custom_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "overlay.jsonl"
    recs = [
        {"id": f"korvant-{w}", "name": f"Korvant {w.title()}", "country": "NO"}
        for w in ("marine", "optronics", "avionics", "munitions")
    ]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    reg = Registry.load(p, include_default=False)
    monkeypatch.setattr(parallel, "_SERIAL_BELOW", 0)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)  # not safe to fork: spawn
    keys = [("Korvant Marine", None), ("Korvant Optronix", None), ("Rheinmetall", None)]
    with ResolverPool(reg, 2) as pool:
        assert pool.resolve(keys) == [reg.resolve(n) for n, _ in keys]


def test_worker_counts() -> None:
    assert worker_count(0) >= 1 and worker_count(3) == 3
    for bad in (-1, 1.5, True):
        with pytest.raises(InputError):
            worker_count(bad)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        resolve_many(defnames.registry(), ["x"], workers=-2)


def test_match_command_with_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv
    import io

    from defnames.cli.app import main

    monkeypatch.setattr(parallel, "_SERIAL_BELOW", 0)
    monkeypatch.setattr(parallel, "_CHUNK", 40)
    reg = defnames.registry()
    names = _names(reg, 200)
    src = tmp_path / "in.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "vendor"])
        w.writerows([i, n] for i, n in enumerate([*names, "", "Bakery Fresh Ltd", *names[:20]]))
    outs, errs = [], []
    for workers in ("1", "2"):
        dst = tmp_path / f"out{workers}.csv"
        err = io.StringIO()
        code = main(["match", str(src), "--column", "vendor", "-o", str(dst), "--workers", workers], stderr=err)
        assert code == 3, err.getvalue()  # the empty name is a bad row
        outs.append(dst.read_text(encoding="utf-8"))
        errs.append(err.getvalue())
    assert outs[0] == outs[1]
    assert errs[0] == errs[1]  # the same summary, ambiguous rows included
    assert outs[0].count("\n") == len(names) + 23
