"""rank and choose: the evidence around the candidates, then the threshold and the margin."""

from __future__ import annotations

from dataclasses import replace

import pytest

from defnames import Registry
from defnames import _weights as W
from defnames._candidates.candidate import METHOD, Candidate
from defnames._decide.rank import choose, rank, subsidiary_in
from defnames.models import Method


def _cands(mini: Registry, key: str, hints: frozenset[str] = frozenset()) -> list[Candidate]:
    return [Candidate(e, W.EXACT, METHOD[e.kind], hints) for e in mini.index.by_key[key]]


def _rank(mini: Registry, cands: list[Candidate], **kw: object) -> list[tuple[str, float, Method]]:
    kw.setdefault("context", None)
    kw.setdefault("country", None)
    return [(c.entity_id, c.score, c.method) for c in rank(mini.store, mini.index, mini.evidence, cands, **kw)]  # type: ignore[arg-type]


def test_a_hinted_country_picks_the_subsidiary(mini: Registry) -> None:
    got = _rank(mini, _cands(mini, "acme defence", frozenset({"BE"})))
    assert got == [("acme-defence-belgium", W.EXACT, Method.subsidiary_by_country)]
    assert _rank(mini, _cands(mini, "acme defence"), country="BE")[0][0] == "acme-defence-belgium"


def test_a_hint_without_an_arm_marks_down(mini: Registry) -> None:
    assert _rank(mini, _cands(mini, "acme defence", frozenset({"PL"}))) == [
        ("acme-defence", W.EXACT + W.HINT_MISMATCH, Method.exact)
    ]
    assert _rank(mini, _cands(mini, "acme defence"), country="PL") == [
        ("acme-defence", W.EXACT + W.COUNTRY_MISMATCH, Method.exact)
    ]


def test_a_weak_name_with_a_country_after_it_is_another_company(mini: Registry) -> None:
    (c,) = _cands(mini, "patrona", frozenset({"CA"}))
    assert _rank(mini, [replace(c, hint_after=True)])[0][1] == W.EXACT + W.HINT_AFTER_MISMATCH
    assert _rank(mini, [c])[0][1] == W.EXACT + W.HINT_MISMATCH


def test_a_group_with_arms_in_each_country_named_is_the_group(mini: Registry) -> None:
    assert _rank(mini, _cands(mini, "uls", frozenset({"DE", "FR"})))[0][:2] == ("union-land-systems", W.EXACT)
    assert _rank(mini, _cands(mini, "uls", frozenset({"DE"})))[0][0] == "uls-deutschland"
    assert subsidiary_in(mini.store, mini.index, "union-land-systems", frozenset({"DE", "FR"}), "uls") is None


@pytest.mark.parametrize(
    ("context", "kept"),
    [
        ("the army ordered trucks", True),
        ("Patrona reported results", False),
        ("Patrona and Torvan reported results", True),  # another company named
        ("Patrona Oy reported results", True),  # a legal form of its country after it
        (None, True),
    ],
)
def test_a_weak_name_needs_support(mini: Registry, context: str | None, kept: bool) -> None:
    got = _rank(mini, _cands(mini, "patrona"), context=context, mention="Patrona")
    assert bool(got) == kept


def test_support_bonus_and_all_weak(mini: Registry) -> None:
    cands = _cands(mini, "patrona")
    assert _rank(mini, cands, context="it reported results", mention="Patrona", support_bonus=1)
    assert not _rank(mini, _cands(mini, "torvan"), context="it reported results", mention="Torvan", all_weak=True)
    assert _rank(mini, _cands(mini, "torvan"), context="it reported results", mention="Torvan")


def test_own_country_hint_is_support_but_a_city_is_not(mini: Registry) -> None:
    (c,) = _cands(mini, "patrona", frozenset({"FI"}))
    assert _rank(mini, [c], context="it reported results", mention="Patrona")
    assert not _rank(mini, [replace(c, hint_from_city=True)], context="it reported results", mention="Patrona")
    assert not _rank(mini, [replace(c, hint_after=True)], context="it reported results", mention="Patrona")
    assert _rank(
        mini, [replace(c, hints=frozenset(), legal_written=True)], context="it reported results", mention="Patrona"
    )


def test_the_name_itself_is_no_defense_word(mini: Registry) -> None:
    # "arsenal" is a defense word, but not for a company called Arsenal
    assert not _rank(mini, _cands(mini, "arsenal"), context="Arsenal beat Chelsea 2-0", mention="Arsenal")
    assert _rank(mini, _cands(mini, "arsenal"), context="the army ordered shells", mention="Arsenal")


def test_legal_and_context_countries_break_ties(mini: Registry) -> None:
    cands = [replace(c, legal=frozenset({"BG"})) for c in _cands(mini, "mercury")]
    assert _rank(mini, cands)[0] == ("mercury-works", W.EXACT + W.LEGAL_COUNTRY, Method.weak_alias)
    got = _rank(mini, _cands(mini, "mercury"), context="the Bulgarian army ordered shells", mention="Mercury")
    assert got[0] == ("mercury-works", W.EXACT + W.CONTEXT_COUNTRY, Method.weak_alias)


def test_a_merged_entity_names_its_successor_and_competes_as_one(mini: Registry) -> None:
    h = _cands(mini, "harrow electronics")[0]
    a = next(c for c in _cands(mini, "acme defence") if c.entity_id == "acme-defence")
    ranked = rank(mini.store, mini.index, mini.evidence, [h], context=None, country=None)
    assert ranked[0].successor == "acme-defence"
    both = rank(mini.store, mini.index, mini.evidence, [h, replace(a, score=90.0)], context=None, country=None)
    assert [c.entity_id for c in both] == ["harrow-electronics"]  # one lineage: the best reading


def test_parts_owner(mini: Registry) -> None:
    ids = ("union-land-systems", "uls-deutschland", "uls-france")
    cands = [replace(c, group=ids) for key in ("uls", "kmx", "vexin") for c in _cands(mini, key)]
    got = _rank(mini, cands)
    assert got[0] == ("union-land-systems", W.EXACT, Method.parts)
    assert all(score == W.EXACT + W.PART_OF_ANOTHER for _, score, _ in got[1:])
    owned = [
        replace(c, group=("torvan", "salvik-aero"), owned=True)
        for key in ("torvan", "salvik")
        for c in _cands(mini, key)
    ]
    assert _rank(mini, owned)[0][:1] == ("salvik-aero",)


def _c(mini: Registry, key: str, score: float, method: Method | None = None) -> Candidate:
    (c,) = _cands(mini, key)
    return replace(c, score=score, method=method or c.method)


@pytest.mark.parametrize(
    ("scores", "chosen"),
    [
        ([100.0], "torvan"),
        ([84.9], None),  # under the threshold
        ([100.0, 96.0], None),  # within the margin
        ([100.0, 94.9], "torvan"),
        ([], None),
    ],
)
def test_choose_threshold_and_margin(mini: Registry, scores: list[float], chosen: str | None) -> None:
    keys = ["torvan", "kestrel dynamics"]
    ranked = [_c(mini, k, s) for k, s in zip(keys, scores)]
    top = choose(ranked, W.THRESHOLD, W.MARGIN)
    assert (top.entity_id if top else None) == chosen


def test_a_current_name_beats_a_fuzzy_or_former_one_outright(mini: Registry) -> None:
    ranked = [_c(mini, "torvan", 100.0), _c(mini, "kestrel dynamics", 99.0, Method.fuzzy)]
    assert choose(ranked, W.THRESHOLD, W.MARGIN) is ranked[0]
    ranked = [_c(mini, "torvan", 100.0, Method.fuzzy), _c(mini, "kestrel dynamics", 99.0)]
    assert choose(ranked, W.THRESHOLD, W.MARGIN) is None
