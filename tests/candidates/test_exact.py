"""The exact pass: the whole mention is a key of the name index."""

from __future__ import annotations

import pytest

from defnames import _weights as W
from defnames._candidates.exact import exact_candidates
from defnames._candidates.mention import analyse
from defnames._index.names import NameIndex
from defnames._lexicon import Lexicon
from defnames.models import Method


def _exact(index: NameIndex, lex: Lexicon, mention: str) -> list[tuple[str, float, Method]]:
    return [(c.entity_id, c.score, c.method) for c in exact_candidates(index, analyse(mention, lex))]


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Kestrel Dynamics", [("kestrel-dynamics", W.EXACT, Method.exact)]),
        ("KESTREL DYNAMICS", [("kestrel-dynamics", W.EXACT, Method.exact)]),
        ("Kestrel Dynamics Inc.", [("kestrel-dynamics", W.EXACT, Method.exact)]),  # legal form dropped
        ("The Torvan", [("torvan", W.EXACT, Method.alias)]),  # a leading "the"
        ("the Kestrel Dynamics", [("kestrel-dynamics", W.EXACT, Method.exact)]),
        ("Torvan Industries, Inc.", [("torvan-us", W.EXACT, Method.exact)]),  # the full name first
        ("Torvan Industries Inc. LLC", [("torvan-us", W.EXACT, Method.exact)]),  # ... with fewer legal forms
        ("Torvan Industries AB", [("torvan", W.EXACT, Method.exact)]),
        ("Torvan Industries", [("torvan", W.EXACT, Method.exact)]),
        ("Acme Ordnance", [("acme-defence", W.EXACT, Method.former_name)]),
        ("Торван", [("torvan", W.TRANSLITERATED, Method.alias)]),  # transliterated
        ("Kestrel Dyna mics", [("kestrel-dynamics", W.COMPACT_SPACED, Method.compact)]),  # spaces removed
        ("KestrelDynamics", [("kestrel-dynamics", W.COMPACT_GLUED, Method.compact)]),
        ("Grey Harbour", [("grey-harbour-aerospace", W.SHORTENED, Method.shortened)]),  # "Aerospace" dropped
        ("Mercury", [("mercury-plant", W.EXACT, Method.weak_alias), ("mercury-works", W.EXACT, Method.weak_alias)]),
        ("Kestrel", []),
        ("Grey", []),
        # a mention ending in a domain word names the arm: its last word may be cut
        ("Kestrel Dynamics Land", [("kestrel-land-systems", W.SHORTENED, Method.shortened)]),
        ("Kestrel Dynamics Systems", []),  # "Systems" alone is no droppable tail
        ("Acme Defence Land", []),
        ("Torvan Nordic", []),
    ],
)
def test_exact_candidates(
    index: NameIndex, lex: Lexicon, mention: str, expected: list[tuple[str, float, Method]]
) -> None:
    assert sorted(_exact(index, lex, mention)) == sorted(expected)


def test_a_legal_form_is_reported_as_dropped(index: NameIndex, lex: Lexicon) -> None:
    (c,) = exact_candidates(index, analyse("Kestrel Dynamics LLC", lex))
    assert c.dropped == (("llc", "legal form"),)
    (c,) = exact_candidates(index, analyse("Torvan Industries, Inc.", lex))
    assert c.dropped == ()  # the registered name itself was written


def test_a_shortened_name_needs_one_entity(index: NameIndex, lex: Lexicon) -> None:
    (c,) = exact_candidates(index, analyse("Grey Harbour", lex))
    assert c.entry.name == "Grey Harbour Aerospace" and ("grey harbour", "name cut short") in c.dropped
