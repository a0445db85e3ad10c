"""Step 3a: a mention cut into folded words, with what their writing says (capitals,
possessives) — the input of every candidate pass.

>>> from defnames._lexicon import lexicon
>>> a = analyse("BAE SYSTEMS, INC.", lexicon())
>>> a.toks, a.legal, a.all_caps
(['bae', 'systems'], ['inc'], True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from defnames._text.fold import cased_words
from defnames._text.keys import strip_legal_forms
from defnames._text.tokens import tokens

if TYPE_CHECKING:
    from defnames._lexicon import Lexicon

__all__ = ["Analysis", "analyse"]


_POSSESSOR = re.compile(r"(\w+)['’]s?(?=\s)")


@dataclass
class Analysis:
    """A mention split into words, with what the matcher learned about each."""

    mention: str
    toks: list[str]
    legal: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)  # before legal forms were stripped

    @property
    def key(self) -> str:
        return " ".join(self.toks)

    @cached_property
    def _cased(self) -> list[str]:
        return [c for c in self.mention if c.lower() != c.upper()]  # letters of scripts with capitals

    @cached_property
    def all_caps(self) -> bool:
        """ "LOCKHEED MARTIN CORP": capitals say nothing about which words belong to a name."""
        return bool(self._cased) and all(c.isupper() for c in self._cased)

    @cached_property
    def possessors(self) -> frozenset[str]:
        """Words written with a possessive: "Palmer Luckey's Anduril" -> {'luckey'}."""
        return frozenset(m.group(1).casefold() for m in _POSSESSOR.finditer(self.mention))

    @cached_property
    def caps(self) -> tuple[bool, ...]:
        """Per word of ``toks``: written with a capital (empty when words cannot be aligned)."""
        words = cased_words(self.mention)
        if len(words) != len(self.raw):
            return ()
        core, raw = self.toks, self.raw
        offset = next((i for i in range(len(raw) - len(core) + 1) if raw[i : i + len(core)] == core), 0)
        return tuple(w[:1].isupper() for w in words[offset : offset + len(core)])


# case markers written as words after the noun (lexicon ``postpositions``): "भारत
# इलेक्ट्रॉनिक्स को" (to BEL), "एचएएल का" (HAL's), "बीईएल ने" (BEL did)


def _is_devanagari(word: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in word)


_WORD = re.compile(r"\S+")
_SEPARATORS = ",;-–—."
_LONGEST_SECURITY = 3  # words in the longest phrase of ``securities``


def _without_security(mention: str, lex: Lexicon) -> str:
    """The mention without the class of security a listing prints after a name (lexicon
    ``securities``): "Moog Inc. Class A Common Stock" is Moog Inc. Linear in the mention:
    its words are read from the end.

    >>> from defnames._lexicon import lexicon
    >>> _without_security("Moog Inc. - Class A Common Stock", lexicon())
    'Moog Inc.'
    >>> _without_security("Common Stock", lexicon())
    'Common Stock'
    """
    if not lex.securities:
        return mention
    spans = [(m.start(), m.end(), m.group().strip(_SEPARATORS).casefold()) for m in _WORD.finditer(mention)]
    words = [sp for sp in spans if sp[2]]  # a dash or comma standing alone separates, names nothing
    keep = len(words)
    cut = True
    while cut:
        cut = False
        for n in range(min(_LONGEST_SECURITY, keep - 1), 0, -1):
            if tuple(w for _, _, w in words[keep - n : keep]) in lex.securities:
                keep, cut = keep - n, True
                break
    if keep == len(words):
        return mention
    return mention[: words[keep - 1][1]].rstrip(" ,;-–—")


def analyse(mention: str, lex: Lexicon) -> Analysis:
    """Split a mention into its words, legal forms apart.

    >>> from defnames._lexicon import lexicon
    >>> a = analyse("भारत इलेक्ट्रॉनिक्स को", lexicon())
    >>> len(a.toks)
    2
    """
    mention = _without_security(mention, lex)
    toks = tokens(mention, lex)
    while len(toks) > 1 and toks[-1] in lex.postpositions and _is_devanagari(toks[-2]):
        toks = toks[:-1]
    core, legal = strip_legal_forms(toks, lex)
    return Analysis(mention, core, legal, toks)
