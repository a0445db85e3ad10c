"""Which names need evidence, and the legal form read right after a name."""

from __future__ import annotations

import pytest

from defnames import Registry
from defnames import _weights as W
from defnames._candidates.candidate import METHOD, Candidate
from defnames._decide.weak import legal_form_follows, looks_like_a_word, needs_support


def _cand(mini: Registry, key: str) -> Candidate:
    e = mini.index.by_key[key][0]
    return Candidate(e, W.EXACT, METHOD[e.kind])


@pytest.mark.parametrize(
    ("key", "mention", "needs"),
    [
        ("patrona", "Patrona", True),  # a declared weak alias
        ("kd", "KD", True),  # two letters
        ("torvan", "Torvan", False),
        ("aerospace industries", "Aerospace Industries", False),  # vague, written as a proper name
        ("aerospace industries", "aerospace industries", True),
        ("aerospace industries", "Aerospace industries", True),
    ],
)
def test_needs_support(mini: Registry, key: str, mention: str, needs: bool) -> None:
    assert needs_support(_cand(mini, key), mention) is needs


@pytest.mark.parametrize(
    ("key", "mention", "context", "word"),
    [
        ("torvan", "torvan", "", True),  # one word in lower case
        ("torvan", "Torvan", "", False),
        ("kestrel dynamics", "kestrel dynamics", "The contract went to kestrel dynamics", True),  # edited text
        ("kestrel dynamics", "kestrel dynamics", "the contract went to kestrel dynamics", False),  # all lower case
        ("tvnx", "Tvnx", "", True),  # an acronym written like a word
        ("tvnx", "TVNX", "", False),
        ("uls", "ULS", "", False),
        ("torvan", "", "", False),
    ],
)
def test_looks_like_a_word(mini: Registry, key: str, mention: str, context: str, word: bool) -> None:
    assert looks_like_a_word(_cand(mini, key), mention, context) is word


@pytest.mark.parametrize(
    ("context", "country", "follows"),
    [
        ("Prezes Patrona Oy powiedział", "FI", True),
        ("Patrona Oyj reported", "FI", True),
        ("Patrona GmbH reported", "FI", False),  # another country's legal form
        ("Patrona reported", "FI", False),
        ("Patrona oy reported", "FI", False),  # a short lower-case word
        ("Patrona Inc. reported", "US", False),  # English words say little
        ("Torvan", "FI", False),  # the mention is not in the context
    ],
)
def test_legal_form_follows(mini: Registry, context: str, country: str, follows: bool) -> None:
    assert legal_form_follows("Patrona", context, country, mini.lexicon, mini.index.blocked) is follows
