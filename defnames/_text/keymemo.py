"""A memo of name keys, so that each name of a registry is keyed once.

Loading a registry keys every name twice over: the registry checks need the key and the
full key of every name (to find names held by two entities), and the name index then needs
the same keys again. At 100,000 entities deriving a key (fold, tokens, legal forms) is most
of the load time, so both take their keys from one :class:`KeyMemo`: the checks fill it, the
index reads it.

A memo may sit on a ``base`` memo (the registry an overlay extends): names the base already
keyed are read from it, new names are keyed into the memo itself, so the base never grows
with the overlays loaded on top of it.

Keys depend on the lexicon's word tables (synonyms, contractions, legal forms), never on its
places, so a memo stays valid for a copy of its lexicon that only knows more places
(:meth:`~defnames._lexicon.Lexicon.with_places`).

>>> memo = KeyMemo()
>>> memo.key("BAE Systems, Inc."), memo.full("BAE Systems, Inc.")
('bae systems', 'bae systems inc')
>>> memo.pair("Saab AB")
('saab', 'saab ab')
>>> memo.translit("укроборонпром")
'ukroboronprom'
"""

from __future__ import annotations

from collections.abc import Iterable

from defnames._lexicon import Lexicon, lexicon
from defnames._text.fold import fold
from defnames._text.keys import strip_legal_forms, translit_key
from defnames._text.tokens import _bare_namesake, _contract, tokens

_fold_word = fold.__wrapped__  # uncached: the memo keeps its own words

__all__ = ["KeyMemo"]


def _without_the(toks: list[str]) -> list[str]:
    return toks[1:] if len(toks) > 1 and toks[0] == "the" else toks


class KeyMemo:
    """``name_key``, ``full_key`` and ``translit_key`` of names, each computed once.

    ``key(n) == name_key(n, lex)``, ``full(n) == full_key(n, lex)`` and
    ``translit(k) == translit_key(k, lex)`` for every string (``tests/text/test_keymemo.py``).
    """

    __slots__ = ("_base", "_fulls", "_keys", "_translit", "_words", "lex")

    def __init__(self, lex: Lexicon | None = None, base: KeyMemo | None = None) -> None:
        self.lex = lex or lexicon()
        self._base = base
        self._keys: dict[str, str] = {}  # name -> key
        self._fulls: dict[str, str] = {}  # name -> full key, where it is not the key
        self._translit: dict[str, str] = {}
        self._words: dict[str, tuple[str, ...]] = {}  # ASCII word -> its folded tokens, synonyms applied

    def _holder(self, name: str) -> KeyMemo | None:
        """This memo or the base that holds the name's keys (None: not keyed yet)."""
        memo: KeyMemo | None = self
        while memo is not None and name not in memo._keys:
            memo = memo._base
        return memo

    def _compute(self, name: str) -> str:
        # name_key and full_key share their tokens: one call of tokens() gives both
        toks = self._tokens(name)
        full = " ".join(_without_the(toks))
        stripped, dropped = strip_legal_forms(toks, self.lex)
        # nothing stripped: the same tokens (legal forms glued to CJK words may still be split)
        key = full if not dropped and stripped == toks else " ".join(_without_the(stripped))
        self._keys[name] = key
        if full != key:
            self._fulls[name] = full
        return key

    def _tokens(self, name: str) -> list[str]:
        """``tokens(name)``, folding an ASCII name word by word (each distinct word once).

        For ASCII text folding is local to each run of non-space characters (the dots of an
        acronym, an apostrophe ending, ``&``), so the fold of a name is the folds of its
        words joined; names in other scripts are folded whole.
        """
        if not name.isascii():
            return tokens(name, self.lex)
        words = self._words
        toks: list[str] = []
        for w in name.split():
            found = words.get(w)
            if found is None:  # the word's tokens, spelling variants unified (each token alone)
                syn = self.lex.synonyms
                found = words[w] = tuple(syn.get(t, t) for t in _fold_word(w).split())
            toks += found
        lx = self.lex
        if lx.contractions and not lx.contraction_starts.isdisjoint(toks):
            toks = _contract(toks, lx.contractions, lx.contraction_max)
        if not lx.named_after.isdisjoint(toks):
            toks = _bare_namesake(toks, lx)
        return toks

    def key(self, name: str) -> str:
        """The name's key, legal forms stripped (:func:`~defnames._text.keys.name_key`)."""
        memo = self._holder(name)
        return memo._keys[name] if memo is not None else self._compute(name)

    def full(self, name: str) -> str:
        """The name's key with its legal forms (:func:`~defnames._text.keys.full_key`)."""
        memo = self._holder(name)
        if memo is None:
            memo, key = self, self._compute(name)
        else:
            key = memo._keys[name]
        return memo._fulls.get(name, key)

    def pair(self, name: str) -> tuple[str, str]:
        """``(key(name), full(name))`` with one look-up (the registry checks need both of every name)."""
        memo: KeyMemo | None = self
        while memo is not None:
            key = memo._keys.get(name)
            if key is not None:
                return key, memo._fulls.get(name, key)
            memo = memo._base
        key = self._compute(name)
        return key, self._fulls.get(name, key)

    def translit(self, key: str) -> str:
        """An ASCII key for a key (:func:`~defnames._text.keys.translit_key`)."""
        if key.isascii():
            return key
        found = self._translit.get(key)
        base = self._base
        while found is None and base is not None:
            found, base = base._translit.get(key), base._base
        if found is None:
            found = self._translit[key] = translit_key(key, self.lex)
        return found

    def fill(self, names: Iterable[str]) -> None:
        """Key these names now (into this memo, not its base)."""
        for n in names:
            if self._holder(n) is None:
                self._compute(n)

    def child(self, lex: Lexicon | None = None) -> KeyMemo:
        """A memo on top of this one (for an overlay: new names go into the child only)."""
        return KeyMemo(lex or self.lex, base=self)

    def forget(self) -> None:
        """Drop this memo's own keys (its base keeps its): once the name index holds an
        overlay's keys, the memo need not hold them twice."""
        self._keys = {}
        self._fulls = {}
        self._translit = {}
        self._words = {}

    @property
    def based(self) -> bool:
        """This memo sits on a base memo (it is an overlay's)."""
        return self._base is not None

    @property
    def size(self) -> int:
        """How many names this memo holds itself (its base not counted)."""
        return len(self._keys)
