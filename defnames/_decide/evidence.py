"""Evidence around a name: does the context speak of defense, which countries does it name,
which other companies does it name — and does a given name need such evidence at all?

A context such as "Arsenal beat Chelsea 2-0" carries no defense words, so a bare name that
is also an everyday word is not read as the company. The memos live on the
:class:`Evidence` object, which the resolver owns, so they go away with their registry.

>>> from defnames._lexicon import lexicon
>>> ev = Evidence(lexicon())
>>> ev.defense_support("Leonardo delivered the first AW149 helicopters to the Polish Armed Forces")
3
>>> ev.defense_support("Leonardo finally won the Oscar for best actor")
0
>>> ev.defense_support("KAI는 KF-21 보라매의 양산 1호기를 공개했다")
1
>>> sorted(ev.country_hints("the Prague plant of a Belgian firm"))
['BE', 'CZ']
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from cachetools import LRUCache

from defnames._lexicon import Lexicon
from defnames._text.phrases import place_at
from defnames._text.tokens import tokens

__all__ = ["Evidence"]

_MEMO_SIZE = 4096

# the wording of a contract award: "is awarded $94,000,000"
_AWARD = re.compile(r"\bawarded\b[^.]{0,40}?[$€£]\s?\d", re.IGNORECASE)
# a military designation: F-35, KF-21, T-90M, Su-57, MiG-29, AH-64, S-400, AW149
_DESIGNATION = re.compile(
    r"(?<![\w-])(?:[A-Z]{1,3}|Su|Mi|Ka|MiG|Yak|Tu|Il|[А-Я]{1,3}|Су|Ми|Ка|МиГ|Як|Ту|Ил)-\d{1,3}[A-ZА-Я]{0,2}(?![\w-])"
    r"|(?<!\w)AW\d{3}(?!\w)"
)


class Evidence:
    """Context evidence for one lexicon, with bounded memos keyed by the context text."""

    def __init__(self, lex: Lexicon, find_companies: Callable[[str], frozenset[str]] | None = None) -> None:
        self.lex = lex
        self._find_companies = find_companies
        self._lock = threading.Lock()
        self._tokens: LRUCache[str, tuple[str, ...]] = LRUCache(_MEMO_SIZE)
        self._support: LRUCache[tuple[str, frozenset[str]], int] = LRUCache(_MEMO_SIZE)
        self._countries: LRUCache[str, frozenset[str]] = LRUCache(_MEMO_SIZE)
        self._named: LRUCache[str, frozenset[str]] = LRUCache(_MEMO_SIZE)

    def _memo(self, cache: LRUCache, key: object, make: Callable[[], object]) -> object:  # type: ignore[type-arg]
        with self._lock:
            found = cache.get(key, _MISSING)
        if found is _MISSING:
            found = make()
            with self._lock:
                cache[key] = found
        return found

    def context_tokens(self, text: str) -> tuple[str, ...]:
        """The folded tokens of a context text."""
        return self._memo(self._tokens, text, lambda: tuple(tokens(text, self.lex)))  # type: ignore[return-value]

    def defense_support(self, text: str, *, ignore: frozenset[str] = frozenset()) -> int:
        """How many defense words or stems a text holds (words in ``ignore`` don't count)."""
        return self._memo(self._support, (text, ignore), lambda: self._count_support(text, ignore))  # type: ignore[return-value]

    def _count_support(self, text: str, ignore: frozenset[str]) -> int:
        lex = self.lex
        toks = self.context_tokens(text)
        count = 0
        i = 0
        while i < len(toks):
            t = toks[i]
            hit = 0
            for n in (3, 2):
                if tuple(toks[i : i + n]) in lex.defense_words:
                    hit = n
                    break
            if not hit and t not in ignore and ((t,) in lex.defense_words or t.startswith(lex.defense_stems)):
                hit = 1
            count += 1 if hit else 0
            i += hit or 1
        if lex.defense_substrings and not count:
            squeezed = "".join(toks)
            count += sum(1 for w in lex.defense_substrings if w in squeezed)
        if not count:
            count += len(_DESIGNATION.findall(text)) + len(_AWARD.findall(text))
        return count

    def country_hints(self, text: str) -> frozenset[str]:
        """Countries named or implied (demonyms, cities) anywhere in a text."""
        return self._memo(self._countries, text, lambda: self._find_countries(text))  # type: ignore[return-value]

    def _find_countries(self, text: str) -> frozenset[str]:
        toks = list(self.context_tokens(text))
        found = set()
        i = 0
        while i < len(toks):
            p = place_at(toks, i, self.lex)
            if p:
                found.add(p[1])
                i = p[0]
            else:
                i += 1
        return frozenset(found)

    def companies_named_in(self, text: str) -> frozenset[str]:
        """Ids of the entities a text names by a distinctive name (memoized per text): another
        company named in a sentence is evidence that the sentence is about the defense industry."""
        find = self._find_companies
        if find is None:
            return frozenset()
        return self._memo(self._named, text, lambda: find(text))  # type: ignore[return-value]


_MISSING = object()
