"""De-inflection: candidate base forms of a *mention* word, compared with UNSTEMMED registry words.

Unlike :func:`defnames._text.stems.stem_word` this never changes registry words: the candidates
come from tables of real case endings (``reference/lexicon/deinflection.yml``: ``deinflect_endings``
per language, clitic prefixes for Arabic and Hebrew in ``deinflect_prefixes``, particles for Korean
and Japanese), so foreign registry names stay intact (Finnish Snowball cuts ``Patria`` to ``patri``).
The tables are read from the compiled lexicon on first use.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from defnames._lexicon import lexicon
from defnames._text.scripts import dominant_script
from defnames._text.stems import _letters, cut_case_suffix, detect_lang

__all__ = ["CASE_ENDINGS", "CLITIC_PREFIXES", "deinflect", "deinflect_words"]

_Rows = tuple[tuple[str, str], ...]

if TYPE_CHECKING:  # the tables under their old names (see __getattr__)
    CASE_ENDINGS: dict[str, _Rows]
    CLITIC_PREFIXES: dict[str, _Rows]


@dataclass(frozen=True)
class _Tables:
    endings: dict[str, _Rows]  # language -> (ending, replacement) as written, languages in the order tried
    endings_by_length: Mapping[str, _Rows]  # the same, longest ending first (stable)
    by_ending: Mapping[str, tuple[tuple[int, ...], dict[str, _Rows]]]  # lengths (longest first), ending -> rows
    prefixes: dict[str, _Rows]
    script_lang: Mapping[str, str]
    aliases: Mapping[str, str]


def _rows(table: Mapping[str, list[list[str]]]) -> dict[str, _Rows]:
    return {lang: tuple((str(a), str(b)) for a, b in rows) for lang, rows in table.items()}


@cache
def _tables() -> _Tables:
    lex = lexicon()
    table = _rows(lex.deinflect_endings)
    order = [*(x for x in lex.deinflect_langs if x in table), *sorted(set(table) - set(lex.deinflect_langs))]
    endings = {lang: table[lang] for lang in order}
    by_length = {lang: tuple(sorted(rows, key=lambda er: -len(er[0]))) for lang, rows in endings.items()}
    by_ending: dict[str, tuple[tuple[int, ...], dict[str, _Rows]]] = {}
    for lang, rows in by_length.items():
        grouped: dict[str, list[tuple[str, str]]] = {}
        for e, r in rows:
            grouped.setdefault(e, []).append((e, r))
        lengths = tuple(sorted({len(e) for e in grouped}, reverse=True))
        by_ending[lang] = (lengths, {e: tuple(v) for e, v in grouped.items()})
    return _Tables(
        endings,
        by_length,
        by_ending,
        _rows(lex.deinflect_prefixes),
        dict(lex.deinflect_script_langs),
        dict(lex.lang_aliases),
    )


def __getattr__(name: str) -> object:
    """``CASE_ENDINGS`` and ``CLITIC_PREFIXES``, the tables under their old names."""
    if name == "CASE_ENDINGS":
        return _tables().endings
    if name == "CLITIC_PREFIXES":
        return _tables().prefixes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_MIN_BASE_LETTERS = 3
_SERBIAN_FLEETING_A = re.compile(r"([^aeiou])([cklnrtv])$")


def deinflect(word: str, lang: str | None) -> list[str]:
    """Candidate base forms of an inflected word, the word itself (lower-cased, suffix cut) first.

    Unlike :func:`stem_word` this does not change registry words: each candidate is compared with
    unstemmed registry words, so a name the stemmer would cut (``Corporation`` in Finnish) is safe.
    A candidate keeps at least three letters (two for Hangul and kana); acronyms get only the
    apostrophe/colon/hyphen cut.  ``lang=None``: from the script (Hangul -> ko, kana -> ja, Hebrew -> he,
    and :func:`detect_lang`).

    >>> deinflect("Saabille", "fi")[:3]
    ['saabille', 'saab', 'saabi']
    >>> "patria" in deinflect("Patrialta", "fi"), "patria" in deinflect("Patriát", "hu")
    (True, True)
    >>> "kragujevac" in deinflect("Kragujevcu", "sr"), "huta" in deinflect("Hucie", "pl")
    (True, True)
    >>> "казанский" in deinflect("Казанского", None), "завод" in deinflect("заводу", None)
    (True, True)
    >>> "한화에어로스페이스" in deinflect("한화에어로스페이스는", None), "بوينغ" in deinflect("وبوينغ", "ar")
    (True, True)
    >>> deinflect("FFG:n", "fi"), deinflect("KNDSin", "fi")[:1]
    (['ffg'], ['kndsin'])
    """
    return list(_deinflect(word, lang))


@lru_cache(maxsize=65536)
def _deinflect(word: str, lang: str | None) -> tuple[str, ...]:
    w = cut_case_suffix(word)
    low = w.lower()
    if lang is None:
        lang = _tables().script_lang.get(dominant_script(w) or "") or detect_lang(w)
    if lang is None:
        return (low,)
    code = _tables().aliases.get(lang, lang)
    if w != word and any(c.isupper() for c in w) and all(c.isupper() or not c.isalpha() for c in w):
        return (low,)  # an acronym whose ending was already cut
    min_letters = 2 if code in ("ko", "ja") else _MIN_BASE_LETTERS
    out = [low]
    for base in (*_suffix_bases(low, code), *_prefix_bases(low, code)):
        if _letters(base) >= min_letters and base not in out:
            out.append(base)
    return tuple(out)


def _suffix_bases(low: str, code: str) -> list[str]:
    """Bases from ``deinflect_endings``, longest ending first; Serbian fleeting a restored."""
    out: list[str] = []
    lengths, by_ending = _tables().by_ending.get(code, ((), {}))
    # the endings the word has, longest first: one dictionary look-up per length, not a scan
    rows = [row for n in lengths if n <= len(low) for row in by_ending.get(low[len(low) - n :], ())]
    for e, r in rows:
        base = low[: len(low) - len(e)] + r
        out.append(base)
        m = _SERBIAN_FLEETING_A.search(base) if code == "sr" and not r else None
        if m:
            out.append(base[: m.start(2)] + "a" + base[m.start(2) :])
    return out


def _prefix_bases(low: str, code: str) -> list[str]:
    """Bases without a clitic prefix (``deinflect_prefixes``)."""
    return [r + low[len(p) :] for p, r in _tables().prefixes.get(code, ()) if low.startswith(p)]


def deinflect_words(
    words: list[str], lang: str | None, vocabulary: Container[str] | None = None, limit: int = 64
) -> list[list[str]]:
    """Candidate base forms of a multi-word mention: combinations of :func:`deinflect` per word.

    The first candidate is the words as written (lower-cased, suffixes cut); then combinations with
    fewer changes first, at most ``limit`` of them.  With a ``vocabulary`` (the registry's words,
    lower-cased), a word's candidates are kept only if the vocabulary holds them, which makes the
    combinations few and precise.

    >>> deinflect_words(["Hucie", "Stalowa", "Wola"], "pl")[0]
    ['hucie', 'stalowa', 'wola']
    >>> vocab = {"казанский", "вертолётный", "завод"}
    >>> deinflect_words(["Казанского", "вертолётного", "завода"], "ru", vocab)
    [['казанского', 'вертолётного', 'завода'], ['казанского', 'вертолётного', 'завод'], \
['казанского', 'вертолётный', 'завода'], ['казанский', 'вертолётного', 'завода'], \
['казанского', 'вертолётный', 'завод'], ['казанский', 'вертолётного', 'завод'], \
['казанский', 'вертолётный', 'завода'], ['казанский', 'вертолётный', 'завод']]
    """
    per_word = [deinflect(w, lang) for w in words]
    if vocabulary is not None:
        per_word = [[c[0], *(x for x in c[1:] if x in vocabulary)] for c in per_word]
    if not per_word:
        return []
    out: list[list[str]] = []
    # breadth-first over index vectors by the number of de-inflected words, last words first
    n = len(per_word)
    frontier: list[tuple[int, ...]] = [tuple([0] * n)]
    seen: set[tuple[int, ...]] = set(frontier)
    while frontier and len(out) < limit:
        nxt: list[tuple[int, ...]] = []
        for idx in frontier:
            out.append([per_word[i][k] for i, k in enumerate(idx)])
            if len(out) >= limit:
                break
            for i in range(n - 1, -1, -1):
                if idx[i] == 0:
                    for k in range(1, len(per_word[i])):
                        cand = (*idx[:i], k, *idx[i + 1 :])
                        if cand not in seen:
                            seen.add(cand)
                            nxt.append(cand)
        frontier = nxt
    return out
