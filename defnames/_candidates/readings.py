"""The reading step: a mention yields readings, and every reading goes through the passes once.

A plain mention has one reading, the whole text. A record — a contract award, a sanctions
entry, a listing — puts the name first and the rest after a comma, a dash or a bracket, and
yields more:

- the **head**: the first part, once a list label ("EU Annex IV:", "Name (1):") and field
  labels ("Linked To: …", "Organization Type: …"; the lexicon's ``record_labels``) are cut off;
- each **a.k.a.** ("a.k.a.", "f.k.a.", "also known as", "formerly known as");
- a **division join**: the head and the next part together, for the divisions that contract
  awards write after the company's legal name ("LOCKHEED MARTIN CORP., MISSILES AND FIRE
  CONTROL"), with that part taken out of the rest.

Each reading keeps the rest of the record beside it, for the record pass to explain.

>>> from defnames._lexicon import lexicon
>>> rr = record_readings("Raytheon Co., Tucson, Arizona", lexicon())
>>> rr.head.text, rr.head.rest
('Raytheon Co.', 'Tucson, Arizona')
>>> rr.division.text, rr.division.rest
('raytheon Tucson', 'Arizona')
>>> [r.text for r in record_readings("Rosoboronexport a.k.a. ROE; Moscow", lexicon()).alternatives]
['Rosoboronexport', 'ROE']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from defnames._candidates.mention import Analysis, analyse
from defnames._lexicon import Lexicon
from defnames._text.keys import strip_legal_forms
from defnames._text.tokens import tokens

__all__ = ["Reading", "ReadingKind", "RecordReadings", "record_readings", "split_record"]


class ReadingKind(str, Enum):
    """Which part of a mention a reading is."""

    whole = "whole"
    head = "head"
    aka = "aka"
    division = "division"
    quoted = "quoted"
    inflected = "inflected"


@dataclass(frozen=True)
class Reading:
    """One reading of a mention: its text, analysed, and the rest of the record beside it."""

    kind: ReadingKind
    text: str
    analysis: Analysis
    rest: str = ""


@dataclass(frozen=True)
class RecordReadings:
    """The readings of a record, in the order they are tried, plus what the record brackets."""

    text: str  # the record with list and field labels cut off
    alternatives: list[Reading] = field(default_factory=list)  # the head, then each a.k.a.
    division: Reading | None = None
    bracketed: list[str] = field(default_factory=list)  # short bracketed words: "(LMT)", "(बीईएल)"

    @property
    def head(self) -> Reading | None:
        return self.alternatives[0] if self.alternatives and self.alternatives[0].kind is ReadingKind.head else None


_SPLIT = re.compile(r"\s*(?:[,;(\[]|\s[-–—]\s|\b(?:a\.?k\.?a|f\.?k\.?a|d/?b/?a|formerly)\b\.?)\s*", re.IGNORECASE)
_AKA = re.compile(r"\b(?:a\.?k\.?a|f\.?k\.?a|also known as|formerly known as)\b\.?\s*(?P<alt>[^;),]+)", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^()]*)\)")
_EDGE = " ,;()-–—"


def split_record(text: str) -> list[str]:
    """A record's parts: split at commas, semicolons, brackets, spaced dashes and a.k.a.s."""
    return _SPLIT.split(text)


def _division(head: Analysis, rest: str, lex: Lexicon) -> Reading | None:
    first = next((p for p in _SPLIT.split(rest) if p.strip(" .)")), "")
    if not first or not head.toks:
        return None
    text = f"{' '.join(head.toks)} {first}"
    return Reading(ReadingKind.division, text, analyse(text, lex), rest.replace(first, " ", 1).strip(_EDGE))


def _with_legal_form(text: str, head: str, lex: Lexicon) -> str:
    """The head with the legal form written after a comma ("Titan International, Inc."): in a
    registered name the form belongs to the name, and says it is one."""
    parts = _SPLIT.split(text, maxsplit=2)
    if len(parts) < 2 or not parts[1].strip():
        return head
    form = tokens(parts[1], lex)
    if not form or strip_legal_forms(["_", *form], lex)[0] != ["_"]:
        return head  # not legal forms alone ("Inc.", "Inc. Class B Common Stock")
    m = re.match(rf"\s*{re.escape(head)}\s*,\s*{re.escape(parts[1].strip())}", text)
    return m.group(0).strip() if m else head


def record_readings(mention: str, lex: Lexicon) -> RecordReadings:
    """The head, the a.k.a.s and the division join of a record (none for a plain name)."""
    text = lex.field_label_re.sub("", lex.list_label_re.sub("", mention, count=1)).strip()
    head = _with_legal_form(text, _SPLIT.split(text, maxsplit=1)[0].strip(), lex)
    alts = [(ReadingKind.head, head)] + [(ReadingKind.aka, m.group("alt").strip()) for m in _AKA.finditer(text)]
    readings: list[Reading] = []
    for kind, alt in alts:
        if not alt or alt == mention.strip():
            continue
        a = analyse(alt, lex)
        if a.toks:
            readings.append(Reading(kind, alt, a, text.replace(alt, " ", 1).strip(_EDGE)))
    first = readings[0] if readings and readings[0].kind is ReadingKind.head else None
    division = _division(first.analysis, first.rest, lex) if first else None
    bracketed = [b for b in _BRACKETED.findall(text) if len(b.split()) == 1 and len(b) <= 6]
    return RecordReadings(text, readings, division, bracketed)
