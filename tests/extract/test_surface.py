"""surface_ok: is a hit written as a company name?"""

from __future__ import annotations

import pytest

from defnames import Registry
from defnames._extract.surface import surface_ok


def _ok(
    mini: Registry, key: str, surface: str, before: str = "The army chose ", after: str = " for it.", **kw: bool
) -> bool:
    return surface_ok(mini.index.by_key[key], surface, after, before, mini.lexicon, **kw)


@pytest.mark.parametrize(
    ("key", "surface", "before", "after", "ok"),
    [
        ("patrona", "Patrona", "The army chose ", " for it.", True),
        ("patrona", "patrona", "The army chose ", " for it.", False),  # a weak name in lower case
        ("patrona", "Patrona", "said Javier ", ".", False),  # a first name before it
        ("patrona", "Patrona", "Javier ", " said.", True),  # ... unless a sentence starts there
        ("patrona", "Patrona", "Sales. Javier ", " said.", True),
        ("patrona", "Patrona", "the Finnish ", " won.", True),  # a demonym is no first name
        ("patrona", "Patrona", "He drove a ", " home.", False),  # an object determiner
        ("patrona", "Patrona", "He drove my ", " home.", False),
        ("patrona", "Patrona", "adjudicado a ", " el contrato.", True),  # Romance "a" after a verb
        ("patrona", "Patrona", "the ", " rifle was old.", False),  # a weapon noun after it
        ("patrona", "Patrona", "the ", " 900 was old.", False),  # a model number
        ("patrona", "Patrona", "beat ", " 2-0.", False),  # a score
        ("patrona", "Patrona", "Then ", " Smith said.", False),  # a longer proper name
        ("patrona", "Patrona", "Then ", " of Miletus said.", False),  # "Thales of Miletus"
        ("patrona", "Patrona", "Then ", " of the army said.", True),
        ("patrona", "Patrona", "a ", " XQ-58A flew.", True),  # "a Kratos Valkyrie": its maker
        ("kd", "KD", "The army chose ", " for it.", True),  # an acronym in capitals
        ("kd", "Kd", "The army chose ", " for it.", False),
        ("tvnx", "TVNX", "The army chose ", " for it.", True),
        ("tvnx", "tvnx", "The army chose ", " for it.", False),
        ("tvnx", "Tvnx", "The army chose ", " for it.", True),  # four letters, not in lower case
        ("torvan", "torvan", "The army chose ", " for it.", False),  # lower case in edited text
        ("torvan", "Torvan", "The army chose ", " for it.", True),
        ("uls", "Uls", "The army chose ", " for it.", False),
    ],
)
def test_surface_ok(mini: Registry, key: str, surface: str, before: str, after: str, ok: bool) -> None:
    assert _ok(mini, key, surface, before, after) is ok


def test_lower_case_text_and_capitals_line(mini: Registry) -> None:
    assert _ok(mini, "torvan", "torvan", lowercase_text=True)
    assert not _ok(mini, "tvnx", "tvnx", lowercase_text=True)  # a short acronym needs capitals even there
    assert not _ok(mini, "patrona", "patrona", lowercase_text=True)  # ... and a weak name a capital
    assert _ok(mini, "patrona", "PATRONA", "ARMY CHOSE ", " SMITH", caps_text=True)
    assert not _ok(mini, "patrona", "PATRONA", "ARMY CHOSE ", " SMITH")


@pytest.mark.parametrize(
    ("before", "after", "ok"),
    [
        ("The army opened a plant in ", " last year.", False),
        ("The army opened a plant near ", " last year.", False),
        ("The army visited the town of ", ".", False),
        ("", ", France — a plant opened.", False),  # a dateline
        ("The army chose ", " for it.", True),
        ("The army chose ", ", the optronics maker.", True),  # a comma, but no capital after it
    ],
)
def test_towns(mini: Registry, before: str, after: str, ok: bool) -> None:
    assert _ok(mini, "meudon", "Meudon", before, after, town=True) is ok
