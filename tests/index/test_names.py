"""The name index: every name under its key, with the flags that say how sure a name is."""

from __future__ import annotations

import pytest

from defnames._index.names import NameIndex, word_prefixes
from defnames.models import NameKind


@pytest.mark.parametrize(
    ("key", "entity", "kind", "weak", "vague"),
    [
        ("torvan", "torvan", NameKind.alias, False, False),
        ("patrona", "patrona", NameKind.weak_alias, True, False),  # declared weak
        ("kd", "kestrel-dynamics", NameKind.alias, True, False),  # three letters or fewer
        ("uls", "union-land-systems", NameKind.alias, True, False),
        ("aerospace industries", "aerospace-industries", NameKind.name, True, True),  # only generic words
        ("acme ordnance", "acme-defence", NameKind.former_name, False, False),
        ("torvan industries inc", "torvan-us", NameKind.name, False, False),  # re-keyed by its legal form
    ],
)
def test_entries(index: NameIndex, key: str, entity: str, kind: NameKind, weak: bool, vague: bool) -> None:
    (e,) = [x for x in index.by_key[key] if x.entity_id == entity]
    assert (e.kind, e.weak, e.vague) == (kind, weak, vague)


def test_transliterated_keys_and_compact_keys(index: NameIndex) -> None:
    assert any(x.translit and x.entity_id == "zbrojovka-cesky-les" for x in index.by_key["zbroiovka"])
    assert {x.entity_id for x in index.by_compact["kestreldynamics"]} == {"kestrel-dynamics"}
    assert "torvan" not in index.by_compact  # one word: nothing to remove


def test_word_prefixes() -> None:
    assert word_prefixes("концерн калашников") == ("конц", "кала")
