"""Tokens: folded words with spelling variants unified (``defense`` → ``defence``), spelled-out
institution types contracted (``nauchno proizvodstvennoe obedinenie`` → ``npo``), and the
titles and initials of a "named after" tail dropped.

>>> tokens("Kongsberg Defense and Aerospace")
['kongsberg', 'defence', 'and', 'aerospace']
"""

from __future__ import annotations

from defnames._lexicon import Lexicon, lexicon
from defnames._text.fold import fold

__all__ = ["tokens"]


def tokens(text: str, lex: Lexicon | None = None) -> list[str]:
    """Folded words with spelling variants unified.

    >>> tokens("Kongsberg Defense and Aerospace")
    ['kongsberg', 'defence', 'and', 'aerospace']
    """
    lx = lex or lexicon()
    syn = lx.synonyms
    toks = [syn.get(t, t) for t in fold(text).split()]
    if lx.contractions and not lx.contraction_starts.isdisjoint(toks):
        toks = _contract(toks, lx.contractions, lx.contraction_max)
    if not lx.named_after.isdisjoint(toks):
        toks = _bare_namesake(toks, lx)
    return toks


def _bare_namesake(toks: list[str], lx: Lexicon) -> list[str]:
    """Titles and initials after "imeni" dropped, the surname kept:
    ['imeni', 'akademika', 'vp', 'makeeva'] -> ['imeni', 'makeeva']."""
    out: list[str] = []
    after = False  # inside a "named after" tail, before the surname
    for k, t in enumerate(toks):
        if after and k < len(toks) - 1 and (t in lx.titles or len(t) <= 2):
            continue
        after = t in lx.named_after
        out.append(t)
    return out


def _contract(toks: list[str], table: dict[tuple[str, ...], str], longest: int) -> list[str]:
    """Spelled-out phrases replaced by their abbreviation, longest first:
    ['nauchno', 'proizvodstvennoe', 'obedinenie', 'splav'] -> ['npo', 'splav']."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 1, -1):
            abbr = table.get(tuple(toks[i : i + n]))
            if abbr:
                out.append(abbr)
                i += n
                break
        else:
            out.append(toks[i])
            i += 1
    return out
