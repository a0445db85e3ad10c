"""The segments pass: registry names inside a longer mention, every other word accounted for."""

from __future__ import annotations

import pytest

from defnames import _weights as W
from defnames._candidates.mention import analyse
from defnames._candidates.segments import segment_candidates
from defnames._index.names import NameIndex
from defnames._lexicon import Lexicon


def _seg(index: NameIndex, lex: Lexicon, mention: str) -> dict[str, object]:
    return {c.entity_id: c for c in segment_candidates(index, analyse(mention, lex))}


def test_nothing_known_is_nothing(index: NameIndex, lex: Lexicon) -> None:
    assert segment_candidates(index, analyse("Quux Widgets", lex)) == []


@pytest.mark.parametrize(
    ("mention", "entity", "parts"),
    [
        ("Swedish aircraft maker Torvan", "torvan", {"descriptor words": W.DESCRIPTOR_WORDS}),
        ("Torvan International", "torvan", {"generic words outside the name": W.GENERIC_WORD}),
        ("Torvan International Engineering", "torvan", {"generic words outside the name": 2 * W.GENERIC_WORD}),
        ("Torvan Group", "torvan", {"descriptor words": W.DESCRIPTOR_WORDS}),
        ("zorbo Torvan", "torvan", {"words before the name": W.PREFIX_WORD}),
        ("zorbo Patrona", "patrona", {"words before the name": W.PREFIX_WORD_WEAK}),  # a weak name: more
        ("zorbo quux blah wib Torvan", "torvan", {"words before the name": W.PREFIX_CAP}),
        ("TORVAN NORDIC AB", "torvan", {"words after the group's name": W.SUBSIDIARY_WORD}),
        (
            "TORVAN NORDIC WEST SUPPORT AB",
            "torvan",
            {"generic words outside the name": W.GENERIC_WORD, "words after the group's name": W.SUBSIDIARY_CAP},
        ),
        ("TORVAN NORDIC WEST EAST AB", "torvan", {"unexplained words after the name": 100 / 4 - 100}),
        ("Torvan Automobile", "torvan", {"unexplained words after the name": -50.0}),
        (
            "Korean Aerospace Industries",
            "aerospace-industries",
            {"generic name among other words": W.VAGUE_AMONG_WORDS},
        ),
        ("Torvan imeni V.A. Kestrelova", "torvan", {}),  # a named-after tail is explained
    ],
)
def test_what_the_other_words_cost(
    index: NameIndex, lex: Lexicon, mention: str, entity: str, parts: dict[str, float]
) -> None:
    c = _seg(index, lex, mention)[entity]
    assert dict(c.parts) == parts
    assert c.score == W.EXACT + sum(parts.values())


def test_a_place_is_a_country_hint_for_the_name_next_to_it(index: NameIndex, lex: Lexicon) -> None:
    got = _seg(index, lex, "the German KMX and the French Vexin")
    assert got["uls-deutschland"].hints == {"DE"} and got["uls-france"].hints == {"FR"}
    assert _seg(index, lex, "Belgian Acme Defence")["acme-defence"].hints == {"BE"}
    c = _seg(index, lex, "Patrona Canada")["patrona"]
    assert c.hints == {"CA"} and c.hint_after
    c = _seg(index, lex, "Helsinki Patrona")["patrona"]
    assert c.hints == {"FI"} and c.hint_from_city and not c.hint_after
    assert not _seg(index, lex, "Finnish Patrona")["patrona"].hint_from_city


@pytest.mark.parametrize(
    ("mention", "owned", "group"),
    [
        ("Salvik, a Torvan company", True, {"salvik-aero", "torvan"}),  # the owner phrase
        ("Torvan's Salvik", True, {"salvik-aero", "torvan"}),  # the owner's possessive
        ("Torvan-Salvik", True, {"salvik-aero", "torvan"}),  # hyphenated
        ("Torvan subsidiary Salvik", True, {"salvik-aero", "torvan"}),  # an ownership word
        ("ULS – KMX and Vexin", False, {"union-land-systems", "uls-deutschland", "uls-france"}),  # joined
        ("Torvan Salvik", False, set()),  # not joined: the first name is the subject
        ("Torvan, Salvik", False, set()),
    ],
)
def test_several_names_owner_and_joiners(
    index: NameIndex, lex: Lexicon, mention: str, owned: bool, group: set[str]
) -> None:
    cands = segment_candidates(index, analyse(mention, lex))
    assert {x for c in cands for x in c.group} == group
    assert all(c.owned == owned for c in cands)


def test_a_later_name_not_joined_is_marked_down(index: NameIndex, lex: Lexicon) -> None:
    got = _seg(index, lex, "Torvan Salvik")
    assert ("named after another name", W.NAMED_AFTER_ANOTHER) in got["salvik-aero"].parts
    assert all(why != "named after another name" for why, _ in got["torvan"].parts)


def test_a_short_weak_name_beside_a_real_one_is_a_word(index: NameIndex, lex: Lexicon) -> None:
    assert set(_seg(index, lex, "the kd Torvan")) == {"torvan"}
    assert set(_seg(index, lex, "the KD Torvan")) == {"kestrel-dynamics", "torvan"}  # capitals: an acronym


def test_a_capitalised_word_before_the_name_is_part_of_another_name(index: NameIndex, lex: Lexicon) -> None:
    got = _seg(index, lex, "Anatoly Torvan")["torvan"]
    assert dict(got.parts) == {"unexplained words after the name": -50.0}
    assert dict(_seg(index, lex, "ANATOLY TORVAN")["torvan"].parts) == {"words before the name": W.PREFIX_WORD}
    assert dict(_seg(index, lex, "Torvan's Anatoly")["torvan"].parts) != {"words before the name": W.PREFIX_WORD}


def test_legal_forms_inside_the_mention(index: NameIndex, lex: Lexicon) -> None:
    c = _seg(index, lex, "Salvik AB, a Torvan company")["salvik-aero"]
    assert c.legal_written and "SE" in c.legal
    assert not _seg(index, lex, "Torvan International")["torvan"].legal_written
