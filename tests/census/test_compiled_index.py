"""The name index the compile step writes (defnames/_data/index.json) is the one the package
would build itself, and the packaged registry uses it."""

from __future__ import annotations

import defnames
from defnames._index.names import NameIndex


def test_the_packaged_registry_loads_the_compiled_index() -> None:
    reg = defnames.registry()
    _ = reg.store  # the packaged data is read on first need
    assert reg._compiled_index is not None  # the digest of index.json matches the bundle


def test_the_compiled_index_equals_a_fresh_build() -> None:
    reg = defnames.registry()
    built = NameIndex(reg.store, reg.lexicon)
    assert list(reg.index.by_key.items()) == list(built.by_key.items())
    assert reg.index.by_compact == built.by_compact


def test_a_registry_with_other_entities_builds_its_own_index(mini: defnames.Registry) -> None:
    assert mini._compiled_index is None
    assert "acme defence" in mini.index.by_key
