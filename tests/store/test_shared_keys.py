"""The registry checks and the name index share one key memo: the same problems, the same
index, and an overlay's keys never written into the registry it extends."""

from __future__ import annotations

import json
from pathlib import Path

from defnames import Registry
from defnames._index.names import NameIndex
from defnames._store.checks import check_registry
from defnames._text.keymemo import KeyMemo

OVERLAY = [
    {"id": "korvant-marine", "name": "Korvant Marine", "country": "NO", "legal_name": "Korvant Marine AS"},
    {"id": "korvant-marine-inc", "name": "Korvant Marine, Inc.", "country": "US", "parent": "korvant-marine"},
    {"id": "heliar", "name": "Heliar Optronics", "country": "FR", "aliases": ["Хелиар"]},
    {"id": "heliar-two", "name": "Heliar Optronik", "country": "DE", "aliases": ["Heliar Optronics GmbH"]},
]


def _index_rows(index: NameIndex) -> list[tuple[object, ...]]:
    return sorted(
        (k, e.entity_id, e.name, e.kind.value, e.weak, e.translit, e.vague)
        for k, entries in index.by_key.items()
        for e in entries
    )


def test_the_checks_find_the_same_problems_with_a_memo(real: Registry) -> None:
    from defnames.models import Entity

    entities = [*real.store, *(Entity.model_validate(r) for r in OVERLAY)]
    plain = check_registry(entities, real.shared_names, real.lexicon, require_sources=False)
    memo = KeyMemo(real.lexicon)
    shared = check_registry(entities, real.shared_names, real.lexicon, require_sources=False, keys=memo)
    assert [str(p) for p in plain] == [str(p) for p in shared]
    assert any("heliar optronics" in str(p) for p in plain)  # the clash the overlay holds
    assert memo.size > len(entities)  # every name was keyed into the memo


def test_the_index_built_from_the_memo_is_the_index(real: Registry, tmp_path: Path) -> None:
    path = tmp_path / "overlay.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in OVERLAY[:3]), encoding="utf-8")
    reg = Registry.load(path)
    assert reg._keys.based and reg._keys.size > 0  # filled by the checks
    before = real._keys.size
    fresh = NameIndex(reg.store, reg.lexicon)  # its own keys, computed again
    assert _index_rows(reg.index) == _index_rows(fresh)
    assert reg._keys.size == 0  # forgotten once the index holds them
    Registry.load(path)
    assert real._keys.size == before  # the packaged registry's memo holds its own names only
