"""Why each word of a mention is there: the names inside it and a label for every other word."""

from __future__ import annotations

import pytest

from defnames._candidates.labels import Label, label_words, name_spans
from defnames._index.names import NameIndex
from defnames._text.tokens import tokens


def _labels(index: NameIndex, text: str) -> list[tuple[str, str]]:
    toks = tokens(text, index.lex)
    spans = name_spans(index, toks)
    covered = {k for s, e, _ in spans for k in range(s, e)}
    got = label_words(index, toks, covered, spans[0][1] if spans else 0)
    return [(toks[k], "name" if k in covered else got[k][0].value) for k in range(len(toks))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Swedish Torvan", [("swedish", "place"), ("torvan", "name")]),
        ("Torvan in Linköping", [("torvan", "name"), ("in", "location"), ("linkoping", "location")]),
        ("Torvan subsidiary Salvik", [("torvan", "name"), ("subsidiary", "ownership"), ("salvik", "name")]),
        ("aircraft maker Torvan", [("aircraft", "descriptor"), ("maker", "descriptor"), ("torvan", "name")]),
        ("Torvan AB", [("torvan", "name"), ("ab", "legal form")]),
        ("Torvan International", [("torvan", "name"), ("international", "generic")]),
        ("Torvan 14", [("torvan", "name"), ("14", "generic")]),
        ("Torvan Automobile", [("torvan", "name"), ("automobile", "unexplained")]),
        ("Torvan imeni Kestrelova", [("torvan", "name"), ("imeni", "named after"), ("kestrelova", "named after")]),
        # before the first name "imeni" starts no tail (it is a descriptor word)
        ("imeni Kestrelova Torvan", [("imeni", "descriptor"), ("kestrelova", "unexplained"), ("torvan", "name")]),
        ("in Linköping Torvan", [("in", "unexplained"), ("linkoping", "place"), ("torvan", "name")]),
    ],
)
def test_label_words(index: NameIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert _labels(index, text) == expected


def test_name_spans_are_leftmost_longest(index: NameIndex) -> None:
    toks = tokens("Acme Defence Belgium and Acme Defence", index.lex)
    assert [k for _, _, k in name_spans(index, toks)] == ["acme defence belgium", "acme defence"]


def test_labels_are_reasons() -> None:
    assert {x.value for x in Label} >= {
        "place",
        "location",
        "ownership",
        "named after",
        "descriptor",
        "legal form",
        "generic",
        "unexplained",
    }
