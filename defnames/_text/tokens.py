"""Tokens: folded words with spelling variants unified (``defense`` → ``defence``), spelled-out
institution types contracted (``nauchno proizvodstvennoe obedinenie`` → ``npo``), and the
titles and initials of a "named after" tail dropped.

>>> tokens("Kongsberg Defense and Aerospace")
['kongsberg', 'defence', 'and', 'aerospace']
"""

from __future__ import annotations

from defnames._lexicon import Lexicon, lexicon
from defnames._text.fold import fold

__all__ = ["NAMED_AFTER", "tokens"]


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
    if not NAMED_AFTER.isdisjoint(toks):
        toks = _bare_namesake(toks)
    return toks


# "named after": the person's title and initials come and go ("ZAVOD IMENI AKADEMIKA V.P.
# MAKEEVA", "центр имени Макеева"); the surname stays
NAMED_AFTER = frozenset({"imeni", "имени", "імені"})
_TITLES = frozenset({"akademika", "akad", "generala", "marshala", "admirala", "professora", "konstruktora",
                     "академика", "генерала", "маршала", "адмирала", "профессора", "конструктора", "академіка"})


def _bare_namesake(toks: list[str]) -> list[str]:
    """Titles and initials after "imeni" dropped, the surname kept:
    ['imeni', 'akademika', 'vp', 'makeeva'] -> ['imeni', 'makeeva']."""
    out: list[str] = []
    after = False  # inside a "named after" tail, before the surname
    for k, t in enumerate(toks):
        if after and k < len(toks) - 1 and (t in _TITLES or len(t) <= 2):
            continue
        after = t in NAMED_AFTER
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
