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
from functools import cache, cached_property
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


@cache
def _security_tail(lex: Lexicon) -> re.Pattern[str] | None:
    phrases = sorted((" ".join(p) for p in lex.securities), key=len, reverse=True)
    if not phrases:
        return None
    alts = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?:[\s,\-–—]+(?:{alts}))+[\s.]*$", re.IGNORECASE)


def _without_security(mention: str, lex: Lexicon) -> str:
    """The mention without the class of security a listing prints after a name (lexicon
    ``securities``): "Moog Inc. Class A Common Stock" is Moog Inc.

    >>> from defnames._lexicon import lexicon
    >>> _without_security("Moog Inc. - Class A Common Stock", lexicon())
    'Moog Inc.'
    >>> _without_security("Common Stock", lexicon())
    'Common Stock'
    """
    tail = _security_tail(lex)
    if tail is None:
        return mention
    cut = tail.sub("", mention)
    return cut if cut.strip() else mention


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
