"""The cyclic collector is paused while an overlay is loaded and indexed, and switched back
to what it was afterwards, also when the load fails."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from defnames import ReferenceDataError, Registry
from defnames._gc import paused_gc

RECORD = {"id": "korvant-marine", "name": "Korvant Marine", "country": "NO", "sources": ["https://example.org/k"]}


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_nested_pauses_leave_the_collector_as_it_was(collector_on: None) -> None:
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause does not switch it back on early
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off(collector_on: None) -> None:
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_load_pauses_and_restores(tmp_path: Path, collector_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    from defnames._store import parse

    real_parse = parse.parse_entities

    def spy(raw: object) -> object:
        seen.append(gc.isenabled())
        return real_parse(raw)  # type: ignore[arg-type]

    monkeypatch.setattr(parse, "parse_entities", spy)
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    reg = Registry.load(path)
    assert seen == [False] and gc.isenabled()
    assert reg.resolve("Korvant Marine") is not None and gc.isenabled()


def test_a_failed_load_restores_the_collector(tmp_path: Path, collector_on: None) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({**RECORD, "country": "XX"}) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError):
        Registry.load(path)
    assert gc.isenabled()
