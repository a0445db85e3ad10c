"""tokens: folded words with spelling variants unified, institution types contracted, and the
titles and initials of a "named after" tail dropped."""

from __future__ import annotations

import pytest

from defnames._text.tokens import tokens


@pytest.mark.parametrize(
    ("text", "toks"),
    [
        ("Kongsberg Defense and Aerospace", ["kongsberg", "defence", "and", "aerospace"]),
        ("Nauchno-Proizvodstvennoe Obedinenie Splav", ["npo", "splav"]),
        ("Konstruktorskoe Byuro Priborostroeniya", ["kb", "priborostroeniya"]),
        ("Nauchno-Issledovatelskii Institut Radio", ["nii", "radio"]),
        ("Zavod imeni akademika V.P. Makeeva", ["zavod", "imeni", "makeeva"]),
        ("Zavod imeni V.A. Degtyareva", ["zavod", "imeni", "degtyareva"]),
        ("imeni", ["imeni"]),
        ("Nauchno Splav", ["nauchno", "splav"]),  # half a phrase stays as written
        ("Akademika Makeeva", ["akademika", "makeeva"]),  # a title outside a "named after" tail stays
    ],
)
def test_tokens(text: str, toks: list[str]) -> None:
    assert tokens(text) == toks
