"""The compiled concept table: phrase patterns over folded words, and glued forms for CJK/Hangul.

:class:`ConceptTable` compiles the rows of ``reference/lexicon/concepts.yml`` and matches them;
:mod:`defnames._text.concepts` holds the packaged table and the public functions.  The clitic
prefixes of Arabic and Hebrew forms (``concept_clitics``) and the script blocks are read from the
compiled lexicon on first use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from defnames._lexicon import lexicon
from defnames._text.scripts import char_script, script_blocks, script_runs

__all__ = ["ConceptTable", "fold_word"]

_DEFAULT_EXTRA = 4
_GLUED_SCRIPTS = frozenset({"han", "kana", "hangul"})


@cache
def _glued_chars() -> re.Pattern[str]:
    """Han, kana and Hangul code points (the blocks of ``char_script`` for these scripts)."""
    ranges = sorted((lo, hi) for lo, hi, name in script_blocks() if name in _GLUED_SCRIPTS)
    return re.compile("[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges) + "]")


@cache
def _clitics() -> dict[str, tuple[str, ...]]:
    """Clitic prefixes of Arabic and Hebrew forms (``concept_clitics``)."""
    return {lang: tuple(prefixes) for lang, prefixes in lexicon().concept_clitics.items()}


_STRIP_MARK_SCRIPTS = frozenset({"latin", "cyrillic", "greek", "arabic", "hebrew"})
_APOSTROPHES = "'’ʼ‘`´ʹ"


@lru_cache(maxsize=65536)
def fold_word(w: str) -> str:
    """Fold one word for lookup: NFKC, case, ``ё``/``е``, accents and vowel points, apostrophes.

    Combining marks are removed only after Latin, Cyrillic, Greek, Arabic and Hebrew letters
    (Indic vowel signs are letters, Hangul stays composed).

    >>> fold_word("Вертолётный"), fold_word("Mashinostroitel'nyy"), fold_word("Śmigłowce"), fold_word("ＫＢ")
    ('вертолетныи', 'mashinostroitelnyy', 'smigłowce', 'kb')
    """
    s = unicodedata.normalize("NFKC", w).casefold()
    s = "".join(c for c in s if c not in _APOSTROPHES)
    if s.isascii():
        return s
    out: list[str] = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c) and out and char_script(out[-1]) in _STRIP_MARK_SCRIPTS:
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out)).replace("ё", "е")


@dataclass(frozen=True)
class _Pattern:
    text: str
    prefix: bool
    extra: int

    def matches(self, word: str) -> bool:
        if self.prefix:
            return word.startswith(self.text) and len(word) - len(self.text) <= self.extra
        return word == self.text


@dataclass(frozen=True)
class _Phrase:
    patterns: tuple[_Pattern, ...]
    tokens: tuple[str, ...]
    upper: bool


# A unit of matching: a hyphen part of a word, or a concept form found inside a space-less word:
# (part as written, folded, continues the piece of the unit before it (a hyphen part after the
# first), phrases of several words that may start here (longest first), the concept tokens of a
# glued form or None, the one-word phrase this unit is by itself or None).
_Unit = tuple[str, str, bool, tuple["_Phrase", ...], "tuple[str, ...] | None", "_Phrase | None"]
_CACHE_SIZE = 65536
_V = TypeVar("_V")


def _remember(cache: dict[str, _V], word: str, value: _V) -> None:
    """Keep a word's result, emptying the cache first when it holds :data:`_CACHE_SIZE` words.

    A cache that stopped taking words once full was full after the concept keys of a large
    registry were built (100,000 overlay entities have far more distinct words), and then no
    word of a mention was ever kept. Emptying it keeps it bounded and lets the words in use
    now fill it again, at no cost per look-up.
    """
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[word] = value


class ConceptTable:
    """A compiled concept table: phrase patterns over folded words, and glued forms for CJK/Hangul.

    Build it from the rows of ``concepts.yml`` (a list of ``{token, forms}``) with
    :meth:`from_rows`; :func:`default_table` loads the packaged/registry one.
    """

    def __init__(self, phrases: Iterable[_Phrase], glued: Mapping[str, tuple[str, ...]]) -> None:
        self._by_first_exact: dict[str, list[_Phrase]] = {}
        self._by_first_prefix: dict[str, list[_Phrase]] = {}
        for ph in phrases:
            first = ph.patterns[0]
            index = self._by_first_prefix if first.prefix else self._by_first_exact
            index.setdefault(first.text, []).append(ph)
        for index in (self._by_first_exact, self._by_first_prefix):
            for lst in index.values():
                lst.sort(key=lambda p: -len(p.patterns))
        self._prefix_lengths = sorted({len(k) for k in self._by_first_prefix}, reverse=True)
        self._glued = dict(glued)
        self._glued_chars = _glued_chars()
        self._glued_re = re.compile("|".join(re.escape(k) for k in sorted(self._glued, key=len, reverse=True)))
        self._cand_cache: dict[str, list[_Phrase]] = {}
        self._unit_cache: dict[str, tuple[_Unit, ...]] = {}

    @classmethod
    def from_rows(cls, rows: Sequence[Mapping[str, Any]]) -> ConceptTable:
        """Compile rows as written in ``reference/lexicon/concepts.yml``."""
        phrases: list[_Phrase] = []
        glued: dict[str, tuple[str, ...]] = {}
        for concept in rows:
            token = str(concept.get("token") or "")
            for f in concept.get("forms", ()):
                form = str(f["form"])
                tokens = tuple(str(t) for t in f.get("tokens") or ([token] if token else []))
                extra = int(f.get("extra", _DEFAULT_EXTRA))
                upper = bool(f.get("upper", False))
                lang = str(f.get("lang", ""))
                scripts = {char_script(c) for c in form} - {None}
                may_glue = f.get("glued", True) is not False
                if may_glue and scripts and scripts <= _GLUED_SCRIPTS and " " not in form:
                    glued.setdefault(fold_word(form), tokens)
                    continue
                for variant in _clitic_variants(form, lang):
                    words = [w for w in re.split(r"[\s\-]+", variant) if w]
                    pats = tuple(
                        _Pattern(fold_word(w[:-1]), True, extra)
                        if w.endswith("*")
                        else _Pattern(fold_word(w), False, 0)
                        for w in words
                    )
                    if pats:
                        phrases.append(_Phrase(pats, tokens, upper))
        return cls(phrases, glued)

    # -- matching -------------------------------------------------------------------------------

    def _candidates(self, word: str) -> list[_Phrase]:
        cached = self._cand_cache.get(word)
        if cached is not None:
            return cached
        out = list(self._by_first_exact.get(word, ()))
        for n in self._prefix_lengths:
            if n <= len(word):
                out.extend(self._by_first_prefix.get(word[:n], ()))
        out.sort(key=lambda p: -len(p.patterns))
        _remember(self._cand_cache, word, out)
        return out

    def _split_glued(self, word: str) -> list[str | tuple[str, ...]]:
        """Cut a word of a space-less script into plain pieces and concept tuples (longest match)."""
        if not self._glued or not self._glued_chars.search(word):
            return [word]
        pieces: list[str | tuple[str, ...]] = []
        for script, run in script_runs(word):
            if script in _GLUED_SCRIPTS:
                pieces.extend(self._split_glued_run(run))
            elif run.strip():
                pieces.append(run.strip())
        return pieces

    def _split_glued_run(self, run: str) -> list[str | tuple[str, ...]]:
        """Leftmost-longest glued forms (the alternation lists the longest first), text between kept."""
        folded = fold_word(run)
        pieces: list[str | tuple[str, ...]] = []
        at = 0
        for m in self._glued_re.finditer(folded):
            if m.start() > at:
                pieces.append(folded[at : m.start()])
            pieces.append(self._glued[m.group()])
            at = m.end()
        if at < len(folded):
            pieces.append(folded[at:])
        return pieces

    def _word_units(self, word: str) -> tuple[_Unit, ...]:
        """The units of one word (cached): its glued-script pieces and their hyphen parts."""
        cached = self._unit_cache.get(word)
        if cached is not None:
            return cached
        units: list[_Unit] = []
        for piece in self._split_glued(word):
            if isinstance(piece, tuple):
                units.append(("", "", False, (), piece, None))
                continue
            parts = piece.split("-") if "-" in piece and not piece.startswith("-") else [piece]
            for k, part in enumerate(p for p in parts if p):
                folded = fold_word(part)
                phrases = self._candidates(folded)
                longer = tuple(ph for ph in phrases if len(ph.patterns) > 1)
                single = next((ph for ph in phrases if len(ph.patterns) == 1 and _single_match(ph, part, folded)), None)
                units.append((part, folded, k > 0, longer, None, single))
        found = tuple(units)
        _remember(self._unit_cache, word, found)
        return found

    def _units(self, words: Sequence[str]) -> list[_Unit]:
        """Words cut into units: glued-script pieces and hyphen parts (see ``_Unit``)."""
        units: list[_Unit] = []
        for w in words:
            units.extend(self._word_units(w))
        return units

    def _match_at(self, units: list[_Unit], i: int) -> _Phrase | None:
        """The longest phrase that starts at unit ``i``, if any (phrases of one word: known per unit)."""
        for ph in units[i][3]:
            n = len(ph.patterns)
            if i + n > len(units) or any(units[j][4] is not None for j in range(i + 1, i + n)):
                continue
            if ph.upper and not all(_acronym_like(units[j][0]) for j in range(i, i + n)):
                continue
            if all(p.matches(units[i + k][1]) for k, p in enumerate(ph.patterns)):
                return ph
        return units[i][5]

    def _concept_at(self, units: list[_Unit], i: int) -> tuple[Sequence[str], int] | None:
        """The concept tokens at unit ``i`` and the number of units they take, if any."""
        glued = units[i][4]
        if glued is not None:
            return glued, 1
        matched = self._match_at(units, i)
        return None if matched is None else (matched.tokens, len(matched.patterns))

    def tokens(self, words: Sequence[str]) -> list[str]:
        """See :func:`concept_tokens`."""
        units = self._units(words)
        out: list[str] = []
        pending: list[_Unit] = []  # unmatched parts, re-joined with "-" where one piece held them
        i = 0
        while i < len(units):
            unit = units[i]
            found = self._concept_at(units, i) if unit[3] or unit[4] is not None or unit[5] else None
            if found is None:
                pending.append(unit)
                i += 1
                continue
            if pending:
                out.extend(_rejoin(pending))
                pending = []
            out.extend(t for t in found[0] if t)
            i += found[1]
        if pending:
            out.extend(_rejoin(pending))
        return out


def _rejoin(pending: Sequence[_Unit]) -> list[str]:
    """Unmatched parts, consecutive parts of one piece joined again with ``-``."""
    groups: list[list[str]] = []
    for unit in pending:
        if unit[2] and groups:
            groups[-1].append(unit[0])
        else:
            groups.append([unit[0]])
    return ["-".join(g) for g in groups]


def _single_match(ph: _Phrase, part: str, folded: str) -> bool:
    """A phrase of one word matches this unit by itself."""
    return (not ph.upper or _acronym_like(part)) and ph.patterns[0].matches(folded)


def _acronym_like(word: str) -> bool:
    """Written as an acronym: at least two capitals (``TsKB``, ``KB``, ``НИИ``; not ``Kb`` or ``Po``)."""
    return sum(1 for c in word if c.isupper()) >= 2


def _clitic_variants(form: str, lang: str) -> list[str]:
    """Arabic and Hebrew forms also written with a clitic prefix (the article, and, for, with)."""
    if lang == "ar":
        base = form[2:] if form.startswith("ال") else form
        return [form, base, *(p + base for p in _clitics().get("ar", ()))]
    if lang == "he":
        base = form[1:] if form.startswith("ה") and len(form) > 3 else form
        return [form, base, *(p + base for p in _clitics().get("he", ()))]
    return [form]
