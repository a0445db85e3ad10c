"""Places and descriptors in a token list."""

from __future__ import annotations

import pytest

from defnames._lexicon import Lexicon
from defnames._text.phrases import descriptor_at, place_at


@pytest.mark.parametrize(
    ("toks", "i", "expected"),
    [
        (["the", "french", "nexter"], 1, (2, "FR")),
        (["united", "states", "army"], 0, (2, "US")),
        (["the", "nexter"], 1, None),
        (["the"], 3, None),
    ],
)
def test_place_at(lex: Lexicon, toks: list[str], i: int, expected: tuple[int, str] | None) -> None:
    assert place_at(toks, i, lex) == expected


@pytest.mark.parametrize(
    ("toks", "expected"),
    [
        (["battle", "tank", "manufacturer", "x"], 1),  # one word at a time
        (["rustungskonzern", "x"], 1),  # a German compound ending in a descriptor
        (["waffenhersteller", "x"], 1),
        (["konzern", "x"], 1),
        (["zorbelkonzern", "x"], 1),  # any compound on a descriptor ending, three letters or more before it
        (["zorbelhersteller", "x"], 1),
        (["abkonzern", "x"], None),  # too short a head
        (["zorblax", "x"], None),
    ],
)
def test_descriptor_at(lex: Lexicon, toks: list[str], expected: int | None) -> None:
    assert descriptor_at(toks, 0, lex) == expected
