"""find_candidates: the readings of a mention through the passes, merged (the search order)."""

from __future__ import annotations

import pytest

from defnames import _weights as W
from defnames._candidates.mention import analyse
from defnames._candidates.search import find_candidates
from defnames._index.names import NameIndex
from defnames._lexicon import Lexicon
from defnames.models import Method


def _best(index: NameIndex, lex: Lexicon, mention: str) -> tuple[str, float, Method] | None:
    cands = find_candidates(index, analyse(mention, lex))
    return (cands[0].entity_id, cands[0].score, cands[0].method) if cands else None


@pytest.mark.parametrize(
    ("mention", "entity", "method"),
    [
        ("TRVNB SS", "torvan", Method.ticker),  # a listing first: nothing else is tried
        ("TRVNB", "torvan", Method.ticker),  # a bare long symbol when no name matched
        ("Kestrel Dynamics", "kestrel-dynamics", Method.exact),
        ("Swedish aircraft maker Torvan", "torvan", Method.alias),  # segments
        ("Kestrel Dinamics", "kestrel-dynamics", Method.fuzzy),
        ("Zorblax Ltd a.k.a. Kestrel Dynamics", "kestrel-dynamics", Method.exact),  # records: an a.k.a.
        ("KESTREL DYNAMICS CORP., LAND SYSTEMS, STERLING HEIGHTS, MICHIGAN", "kestrel-land-systems", Method.exact),
    ],
)
def test_each_pass_in_its_turn(index: NameIndex, lex: Lexicon, mention: str, entity: str, method: Method) -> None:
    got = _best(index, lex, mention)
    assert got is not None and got[0] == entity and got[2] is method


def test_record_scores(index: NameIndex, lex: Lexicon) -> None:
    # a distinctive head: the rest of the record is metadata and costs little
    assert _best(index, lex, "Kestrel Dynamics, Sterling Heights, Michigan") == (
        "kestrel-dynamics",
        W.EXACT,
        Method.exact,
    )  # places only: the segments pass explains them all
    assert (
        _best(index, lex, "Kestrel Dynamics, Quux, Zorblax")[1]
        == W.EXACT + W.RECORD_READING + 2 * W.RECORD_REST_PART_STRONG
    )
    assert (
        _best(index, lex, "Kestrel Dynamics, quux, zorb, wibble, flob, blorp")[1]
        == W.EXACT + W.RECORD_READING + W.RECORD_REST_CAP_STRONG
    )
    # a weak head: every unexplained part costs a lot ("Harris, Kamala")
    assert _best(index, lex, "Patrona, Kamala")[1] == W.EXACT + W.RECORD_READING + W.RECORD_REST_PART
    # places explain themselves, a city before its state too; a bracketed ticker too
    assert _best(index, lex, "Patrona, Zorbotown, Finland")[1] == W.EXACT + W.RECORD_READING
    assert _best(index, lex, "Patrona, Zorbotown, Quux")[1] == W.EXACT + W.RECORD_READING + 2 * W.RECORD_REST_PART
    assert _best(index, lex, "Patrona (PTRN)")[1] == W.EXACT + W.RECORD_READING
    # an a.k.a. of the same entity makes a weak head distinctive
    assert _best(index, lex, "Patrona a.k.a. Patrona Defence; Quux; Zorblax")[1] == (
        W.EXACT + W.RECORD_READING + 2 * W.RECORD_REST_PART_STRONG
    )


def test_a_legal_form_in_a_record_head(index: NameIndex, lex: Lexicon) -> None:
    (c, *_) = find_candidates(index, analyse("Patrona Oy, Zorbotown, Finland", lex))
    assert c.legal_written and "FI" in c.legal


def test_blocked_and_empty(index: NameIndex, lex: Lexicon) -> None:
    assert find_candidates(index, analyse("", lex)) == []
    assert find_candidates(index, analyse("GmbH", lex)) == []
    assert find_candidates(index, analyse("General Mills", lex)) == []  # a well-known name, not defense
    assert find_candidates(index, analyse("Hanwha Life", lex)) == []
