"""The compiled answers (defnames/_data/answers.json) are what the matcher answers: for every
name of the packaged registry, looked up bare, the answer read from the file equals the answer
of the full resolver, and the packaged records built without validation equal validated ones."""

from __future__ import annotations

import json

import pytest

from defnames._resolver import Registry
from defnames._store.bundle import PackagedBundle, _data
from defnames.models import Entity


@pytest.fixture(scope="module")
def bundle() -> PackagedBundle:
    return PackagedBundle()


def test_every_compiled_answer_is_the_full_resolvers(bundle: PackagedBundle) -> None:
    full = Registry._packaged(PackagedBundle())
    _ = full.index  # built: from here on every call goes through the matcher
    names = sorted({n for e in full.store for n in e.all_names()})
    assert len(names) > 10_000
    wrong = []
    for name in names:
        known, quick = bundle.answer(name)
        assert known, name  # every registry name as written has its answer
        slow = full.resolve(name)
        if repr(quick) != repr(slow):  # repr: also tells 50 from 50.0
            wrong.append((name, quick, slow))
    assert not wrong, wrong[:3]


def test_names_not_compiled_have_no_answer(bundle: PackagedBundle) -> None:
    assert bundle.answer("knds")[0] is False  # not a name as written: the matcher answers it
    assert bundle.answer("KNDS\nKNDS") == (False, None)
    assert bundle.answer("")[0] is False


def test_packaged_records_equal_validated_ones(bundle: PackagedBundle) -> None:
    records = json.loads(_data("reference.json"))["entities"]
    for d in records:
        built, checked = Entity._packaged(d), Entity.model_validate(d)
        assert repr(built) == repr(checked)
        assert built.model_fields_set == checked.model_fields_set
        assert built.model_dump(mode="json", exclude_defaults=True) == d


def test_single_entities_read_by_line_are_the_ones_of_the_full_load() -> None:
    b = PackagedBundle()
    one = b.entity("knds-deutschland")
    assert one is not None and one.parent == "knds"
    entities, _, version, digest = b.load()
    assert any(e is one for e in entities)  # the same object: built once
    assert version == b.version and digest == b.digest
    assert b.entity("no-such-entity") is None


def test_flat_records_dump_as_their_pydantic_models() -> None:
    """Owners, former names and explanations dump without pydantic; the dicts are the ones
    pydantic makes (repr: tuples stay tuples in Python mode, become lists in JSON mode)."""
    from defnames._resolver import registry
    from defnames.models import _to_model

    reg = registry()
    records: list[object] = [o for e in reg.store for o in (*e.owners, *e.former_names)]
    for name in ("the German KMW", "Belgian Thales", "Lockheed Martian", "BAE SYSTEMS, INC."):
        m = reg.resolve(name, context="a defense contract")
        assert m is not None and m.explanation is not None
        records.append(m.explanation)
    assert len(records) > 500
    for opts in ({}, {"mode": "json"}, {"exclude_none": True}, {"mode": "json", "exclude_none": True}):
        for r in records:
            assert repr(r.model_dump(**opts)) == repr(_to_model(r).model_dump(**opts)), (r, opts)  # type: ignore[attr-defined]
