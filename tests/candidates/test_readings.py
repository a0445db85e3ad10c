"""The reading step: a record's head, its a.k.a.s and its division join."""

from __future__ import annotations

import pytest

from defnames._candidates.readings import ReadingKind, record_readings, split_record
from defnames._lexicon import Lexicon


@pytest.mark.parametrize(
    ("record", "text", "head"),
    [
        ("EU Annex IV: Kestrel Dynamics, Linked To: Torvan", "Kestrel Dynamics,", "Kestrel Dynamics"),
        ("Name (1): Kestrel Dynamics", "Kestrel Dynamics", "Kestrel Dynamics"),
        ("UN Name: Torvan Industries, Organization Type: Manufacturing", "Torvan Industries,", "Torvan Industries"),
        ("Kestrel Dynamics, Website: kestrel.example", "Kestrel Dynamics,", "Kestrel Dynamics"),
        (
            "Kestrel Dynamics Inc., Sterling Heights, Michigan",
            "Kestrel Dynamics Inc., Sterling Heights, Michigan",
            "Kestrel Dynamics Inc.",
        ),
    ],
)
def test_labels_are_cut_and_the_head_comes_first(lex: Lexicon, record: str, text: str, head: str) -> None:
    rr = record_readings(record, lex)
    assert rr.text == text
    assert rr.head is not None and rr.head.text == head


def test_each_aka_is_a_reading(lex: Lexicon) -> None:
    rr = record_readings("Zorblax Ltd a.k.a. Kestrel Dynamics; f.k.a. Torvan Industries, also known as KD", lex)
    assert [(r.kind, r.text) for r in rr.alternatives] == [
        (ReadingKind.head, "Zorblax Ltd"),
        (ReadingKind.aka, "Kestrel Dynamics"),
        (ReadingKind.aka, "Torvan Industries"),
        (ReadingKind.aka, "KD"),
    ]
    assert record_readings("Kestrel Dynamics", lex).alternatives == []  # a plain name has no other reading


def test_the_division_join(lex: Lexicon) -> None:
    rr = record_readings("KESTREL DYNAMICS CORP., LAND SYSTEMS, STERLING HEIGHTS, MICHIGAN", lex)
    assert rr.division is not None
    assert rr.division.text == "kestrel dynamics LAND SYSTEMS"
    assert rr.division.rest == "STERLING HEIGHTS, MICHIGAN"


def test_short_bracketed_words(lex: Lexicon) -> None:
    assert record_readings("Patrona (PTRN), Helsinki (the old town)", lex).bracketed == ["PTRN"]


def test_split_record() -> None:
    assert [p for p in split_record("A, B; C (D) E - F a.k.a. G") if p] == ["A", "B", "C", "D) E", "F", "G"]
