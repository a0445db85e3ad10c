"""Reading the packaged bundle lazily (defnames._store.bundle), on small files made here."""

from __future__ import annotations

import json

import pytest

from defnames._store import bundle as B

_E = [
    {"id": "acme", "name": "Acme", "country": "DE", "aliases": ["Acme Group"]},
    {"id": "acme-arm", "name": "Acme Arm", "country": "FR", "kind": "subsidiary", "parent": "acme"},
]
_HEAD = {"version": "1", "digest": "abc", "shared_names": []}
_ROW = ["acme", 100.0, "Acme", "exact", None, None, None, "acme", [], [], {"base": 100.0}, []]


def _lines(head: dict[str, object], key: str, rows: list[object]) -> bytes:
    body = ",\n".join(json.dumps(r) for r in rows)
    return (json.dumps(head)[:-1] + f', "{key}": [\n' + body + "\n]}\n").encode()


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    data = {
        "reference.json": _lines(_HEAD, "entities", _E),
        "answers.json": _lines({"digest": "abc"}, "answers", [["Acme", _ROW], ["Nothing", None]]),
    }
    monkeypatch.setattr(B, "_data", lambda name: data.get(name, b""))
    return data


def test_one_entity_is_read_from_its_line(files: dict[str, bytes]) -> None:
    b = B.PackagedBundle()
    arm = b.entity("acme-arm")
    assert arm is not None and arm.parent == "acme" and arm.kind.value == "subsidiary"
    assert b.entity("acme") is not None and b.entity("acm") is None and b.entity('x", "y') is None
    assert (b.version, b.digest) == ("1", "abc")
    assert b._whole_head is None  # nothing was read whole


def test_answers_name_their_entity_or_none(files: dict[str, bytes]) -> None:
    b = B.PackagedBundle()
    known, m = b.answer("Acme")
    assert known and m is not None and m.entity is b.entity("acme") and m.method.value == "exact"
    assert b.answer("Nothing") == (True, None)  # resolved to no entity: an answer too
    assert b.answer("acme") == (False, None)


def test_answers_of_another_digest_are_not_used(files: dict[str, bytes]) -> None:
    files["answers.json"] = files["answers.json"].replace(b'"abc"', b'"old"')
    assert B.PackagedBundle().answer("Acme") == (False, None)


def test_an_older_layout_is_read_whole(files: dict[str, bytes]) -> None:
    files["reference.json"] = json.dumps({**_HEAD, "entities": _E}, indent=0).encode()
    b = B.PackagedBundle()
    assert b.version == "1"
    arm = b.entity("acme-arm")
    assert arm is not None and arm.parent == "acme"
    assert b._whole_head is not None


def test_the_full_load_reuses_the_entities_already_built(files: dict[str, bytes]) -> None:
    b = B.PackagedBundle()
    first = b.entity("acme")
    entities, shared, version, digest = b.load()
    assert entities[0] is first and [e.id for e in entities] == ["acme", "acme-arm"]
    assert (shared, version, digest) == ([], "1", "abc")
