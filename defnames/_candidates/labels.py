"""Why each word of a mention is there: the known names inside it (leftmost-longest), and for
every other word a label — place (a country hint), location, descriptor, legal form, generic,
ownership, "named after", or unexplained. The segment, fuzzy and record passes share these.
"""

from __future__ import annotations

from enum import Enum

from defnames._candidates.mention import Analysis
from defnames._index.names import NameIndex
from defnames._lexicon import Lexicon
from defnames._text.fold import cased_words
from defnames._text.phrases import descriptor_at, place_at, place_by_sound
from defnames._text.tokens import tokens

__all__ = ["Label", "Labels", "companies_named_in", "label_words", "name_spans", "strip_prefix"]


def companies_named_in(index: NameIndex, text: str) -> frozenset[str]:
    """Ids of the entities a text names by a distinctive name, written with a capital."""
    toks = tokens(text, index.lex)
    words = cased_words(text)
    found: set[str] = set()
    for s, _, key in name_spans(index, toks):
        entries = index.by_key[key]
        if len(words) == len(toks) and not words[s][:1].isupper():
            continue
        found.update(x.entity_id for x in entries if not x.weak)
    return frozenset(found)


def name_spans(index: NameIndex, toks: list[str]) -> list[tuple[int, int, str]]:
    """Known names inside a token list: leftmost-longest, not overlapping."""
    out = []
    not_defense = index.blocked
    i, n = 0, len(toks)
    while i < n:
        for j in range(min(n, i + index.max_tokens), i, -1):
            key = " ".join(toks[i:j])
            if key in not_defense and j - i > 1:
                i = j  # "Hanwha Life" covers its words: no registry name inside it
                break
            if key in index.by_key:
                out.append((i, j, key))
                i = j
                break
        else:
            i += 1
    return out


class Label(str, Enum):
    """Why a word of a mention is not part of the name (the reason shown in ``Explanation.dropped``)."""

    place = "place"  # a demonym, country or city: a country hint
    location = "location"  # "in Schrobenhausen", "ze Šternberka"
    ownership = "ownership"  # "subsidiary", "Tochter"
    named_after = "named after"  # "imeni V.A. Degtyareva"
    descriptor = "descriptor"  # "battle tank manufacturer"
    legal_form = "legal form"
    generic = "generic"  # "group", "14th"
    unexplained = "unexplained"


Labels = dict[int, tuple[Label, str]]
_Span = tuple[int, Label, str] | None  # end of the labelled words, their label, a country code


def _place(toks: list[str], i: int, lex: Lexicon, covered: set[int], after_first: int) -> _Span:
    p = place_at(toks, i, lex)
    if p and not any(k in covered for k in range(i, p[0])):
        return p[0], Label.place, p[1]
    return None


def _location(toks: list[str], i: int, lex: Lexicon, covered: set[int], after_first: int) -> _Span:
    """ "in Schrobenhausen", "ze Šternberka": a locative and up to three words of location."""
    if toks[i] not in lex.locatives or i < after_first:
        return None
    j = i + 1
    while j < len(toks) and j < i + 4 and j not in covered:
        j += 1
    code = next(
        (c for k in range(i + 1, j) if (c := (place_at(toks, k, lex) or (0, ""))[1] or place_by_sound(toks[k], lex))),
        "",
    )
    return j, Label.location, code


def _ownership(toks: list[str], i: int, lex: Lexicon, covered: set[int], after_first: int) -> _Span:
    return (i + 1, Label.ownership, "") if lex.is_ownership_word(toks[i]) else None


def _named_after(toks: list[str], i: int, lex: Lexicon, covered: set[int], after_first: int) -> _Span:
    """ "ZAVOD IMENI V.A. DEGTYAREVA": "named after" and the person's initials and name."""
    t = toks[i]
    if (t in lex.named_after or t in lex.named_after_short) and i >= after_first:
        return min(len(toks), i + 4), Label.named_after, ""
    return None


def _descriptor(toks: list[str], i: int, lex: Lexicon, covered: set[int], after_first: int) -> _Span:
    d = descriptor_at(toks, i, lex)
    if d and not any(k in covered for k in range(i, d)):
        return d, Label.descriptor, ""
    return None


_SPANS = (_place, _location, _ownership, _named_after, _descriptor)  # tried in this order


def _one_word(t: str, lex: Lexicon) -> Label:
    if (t,) in lex.legal_end or (t,) in lex.legal_start:
        return Label.legal_form
    if any(ch.isdigit() for ch in t) or t in lex.generic:
        return Label.generic  # "14th research institute", "Nr 1", "Saab 900"
    return Label.unexplained


def label_words(index: NameIndex, toks: list[str], covered: set[int], after_first: int) -> Labels:
    """Why each word outside the names is there: place, location, ownership, named after,
    descriptor, legal form, generic, or unexplained."""
    lex = index.lex
    label: Labels = {}
    i = 0
    while i < len(toks):
        if i in covered:
            i += 1
            continue
        span = next((found for f in _SPANS if (found := f(toks, i, lex, covered, after_first))), None)
        if span is None:
            label[i] = (_one_word(toks[i], lex), "")
            i += 1
            continue
        end, kind, code = span
        for k in range(i, end):
            if k not in covered:
                label[k] = (kind, code)
        i = end
    return label


def strip_prefix(a: Analysis, lex: Lexicon) -> tuple[list[str], set[str], list[tuple[str, str]]]:
    """Drop leading demonyms, places and descriptors; keep what they say about the country."""
    toks = list(a.toks)
    hints: set[str] = set()
    dropped: list[tuple[str, str]] = []
    while len(toks) > 1:
        p = place_at(toks, 0, lex)
        if p and p[0] < len(toks):
            hints.add(p[1])
            if tuple(toks[: p[0]]) in lex.cities:
                dropped.append((" ".join(toks[: p[0]]), "city"))
            dropped.append((" ".join(toks[: p[0]]), f"place ({p[1]})"))
            toks = toks[p[0] :]
            continue
        d = descriptor_at(toks, 0, lex)
        if d and d < len(toks):
            dropped.append((" ".join(toks[:d]), "descriptor"))
            toks = toks[d:]
            continue
        break
    while len(toks) > 1:
        p = place_at(toks, len(toks) - 1, lex)
        if p and p[0] == len(toks):
            hints.add(p[1])
            dropped.append((toks[-1], f"place ({p[1]})"))
            toks = toks[:-1]
            continue
        break
    return toks, hints, dropped
