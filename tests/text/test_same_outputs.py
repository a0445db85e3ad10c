"""The fast text code gives the outputs of the slow code it replaced (tests/text/legacy), on every
registry name, on sentences made of registry names, and on every code point for the per-character
functions."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

import defnames
from defnames._lexicon import lexicon
from defnames._text import cleanup, concepts, skeleton, stems
from tests.text.legacy import cleanup as old_cleanup
from tests.text.legacy import concepts as old_concepts
from tests.text.legacy import skeleton as old_skeleton
from tests.text.legacy import stems as old_stems


@cache
def _names() -> tuple[str, ...]:
    reg = defnames.registry()
    names = {n for e in reg.entities for n in e.all_names()}
    # damaged and unusual forms of the same names: entities, invisible marks, fullwidth, case, hyphens
    extra = {"ＩＨＩ Corporation", "BAE Systems &amp; Saab", "Rafael\u200b Advanced", "\ud800x", "A\u0308", "", " - "}
    return tuple(sorted(names | extra))


@cache
def _sentences() -> tuple[str, ...]:
    rng = random.Random(7)
    names = _names()
    fillers = ["and", "the", "of", "signed", "with", "завода", "и", "в", "-", "(", ")", "Ltd.", "имени"]
    out = []
    for _ in range(400):
        parts = [rng.choice(names) if rng.random() < 0.5 else rng.choice(fillers) for _ in range(rng.randint(3, 14))]
        out.append(" ".join(parts))
    return tuple(out)


@cache
def _tables() -> tuple[Any, Any]:
    rows = list(lexicon().concepts)
    return concepts.ConceptTable.from_rows(rows), old_concepts.ConceptTable.from_rows(rows)


def _differences(new: Callable[[str], object], old: Callable[[str], object], inputs: tuple[str, ...]) -> list[str]:
    return [s for s in inputs if new(s) != old(s)][:10]


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (cleanup.clean_text, old_cleanup.clean_text),
        (skeleton.skeleton, old_skeleton.skeleton),
        (skeleton.skeleton_variants, old_skeleton.skeleton_variants),
        (skeleton.dominant_script, old_skeleton.dominant_script),
        (skeleton.romanize, old_skeleton.romanize),
        (lambda s: list(skeleton.script_runs(s)), lambda s: list(old_skeleton.script_runs(s))),
        (stems.detect_lang, old_stems.detect_lang),
        (concepts.place_stem, old_concepts.place_stem),
        (concepts.fold_word, old_concepts.fold_word),
    ],
    ids=[
        "clean_text",
        "skeleton",
        "skeleton_variants",
        "dominant_script",
        "romanize",
        "script_runs",
        "detect_lang",
        "place_stem",
        "fold_word",
    ],
)
def test_same_on_registry_names(new: Callable[[str], object], old: Callable[[str], object]) -> None:
    assert _differences(new, old, _names()) == []
    assert _differences(new, old, _sentences()) == []


@pytest.mark.parametrize("phonetic", [False, True])
def test_same_concept_keys(phonetic: bool) -> None:
    table, old_table = _tables()
    assert (
        _differences(
            lambda s: concepts.concept_key(s, table, phonetic=phonetic),
            lambda s: old_concepts.concept_key(s, old_table, phonetic=phonetic),
            _names() + _sentences(),
        )
        == []
    )


def test_same_concept_tokens() -> None:
    table, old_table = _tables()
    for s in _names() + _sentences():
        for words in (s.split(), s.split("-"), [s]):
            assert table.tokens(words) == old_table.tokens(words), words


def test_same_on_every_code_point() -> None:
    # the whole Basic Multilingual Plane, then a sample of the higher planes
    points = [*range(0x10000), *range(0x10000, sys.maxunicode + 1, 97)]
    chars = [chr(o) for o in points if not 0xD800 <= o <= 0xDFFF]
    assert [c for c in chars if skeleton.char_script(c) != old_skeleton.char_script(c)] == []
    assert [c for c in chars if skeleton.dominant_script(c) != old_skeleton.dominant_script(c)] == []
    assert [c for c in chars if stems.detect_lang(c) != old_stems.detect_lang(c)] == []
    pairs = ["a" + c for c in chars[::7]] + [c + "ж" for c in chars[::11]]
    assert [s for s in pairs if skeleton.dominant_script(s) != old_skeleton.dominant_script(s)] == []
    assert [s for s in pairs if stems.detect_lang(s) != old_stems.detect_lang(s)] == []
