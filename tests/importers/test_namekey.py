"""Listed names that are descriptor words alone are not kept as names of an entity."""

from __future__ import annotations

import defnames
from importers.namekey import KeyMaker
from importers.paths import DEFAULT


def _keys() -> KeyMaker:
    return KeyMaker.from_lexicon(DEFAULT.lexicon).with_registry(defnames.registry())


def test_descriptor_words_and_legal_forms_alone_name_no_company() -> None:
    keys = _keys()
    assert keys.descriptors_only("Technology Co., Ltd")  # a cell split at a comma
    assert keys.descriptors_only("OOO Elektronika")


def test_a_name_with_its_own_word_is_kept() -> None:
    keys = _keys()
    assert not keys.descriptors_only("Guangzhou Tianhaixiang Aviation Technology Co., Ltd")
    assert not keys.descriptors_only("Kazan Helicopter Plant")


def test_without_defnames_nothing_is_dropped() -> None:
    local = KeyMaker.from_lexicon(DEFAULT.lexicon)
    assert not local.descriptors_only("Technology Co., Ltd")
