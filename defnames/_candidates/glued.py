"""Country words and descriptions glued to a name, in scripts written without spaces.

Chinese and Japanese news glue to a company's name what other languages write as words of their
own: a country ("美国洛克希德·马丁公司" = US + Lockheed Martin + company; Taiwanese "美商" = an
American firm), a description ("美國軍工巨擘洛克希德馬丁" = US + defense giant + Lockheed Martin,
"米防衛大手ロッキード" = US + major defense firm + Lockheed), a one-character country mark before a
foreign name ("米ボーイング", "仏タレス", "英BAEシステムズ"), a particle ("フランスのタレス" =
France's Thales). :func:`unglue` peels them off the mention's first word, so that the name is
looked up alone and the country becomes a hint. It is a fallback reading: the mention as written
is always tried first, so a registry name that begins with a country word ("日本製鋼所", Japan
Steel Works) still matches whole.

The tables are ``glued_country_marks``, ``glued_places``, ``glued_descriptors`` and
``glued_particles`` in ``reference/lexicon/glued.yml``; the country names of ``places`` (with
CLDR's) written in these scripts are read as glued places too.

>>> from defnames._candidates.mention import analyse
>>> from defnames._lexicon import lexicon
>>> lex = lexicon()
>>> g = unglue(analyse("美国军火巨头洛克希德·马丁公司", lex), lex)
>>> g.analysis.toks, sorted(g.hints), [w for w, _ in g.dropped]
(['洛克希德', '马丁'], ['US'], ['美国', '军火巨头'])
>>> unglue(analyse("米ボーイング", lex), lex).analysis.toks
['ボーイング']
>>> [w for w, _ in unglue(analyse("米防衛大手ロッキード・マーチン", lex), lex).dropped]
['米', '防衛大手']
>>> unglue(analyse("中航成飞", lex), lex) is None  # 中 is a country mark only before kana or Latin
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from defnames._candidates.mention import Analysis
from defnames._lexicon import Lexicon

__all__ = ["Unglued", "unglue"]

#: Letters that must stay after a peeled prefix: a name is at least two characters.
MIN_REST = 2


def _unspaced(s: str) -> bool:
    """Written in a script without spaces (Han, kana): every character from U+3000 on."""
    return bool(s) and all(ord(c) >= 0x3000 for c in s)


def _kana_or_latin(c: str) -> bool:
    return "\u30a0" <= c <= "\u30ff" or ("a" <= c <= "z") or c.isdigit()


@dataclass(frozen=True)
class Unglued:
    """The mention with its glued prefixes taken off, and what they said."""

    analysis: Analysis
    hints: frozenset[str]
    dropped: tuple[tuple[str, str], ...]


@cache
def _tables(lex: Lexicon) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """(glued place form, country) longest first, and glued descriptors longest first."""
    places = {form: code for code, forms in lex.glued_places.items() for form in forms}
    for phrase, code in lex.places.items():
        if len(phrase) == 1 and _unspaced(phrase[0]) and len(phrase[0]) >= MIN_REST:
            places.setdefault(phrase[0], code)
    descriptors = set(lex.glued_descriptors)
    descriptors.update(p[0] for p in lex.descriptors if len(p) == 1 and _unspaced(p[0]))
    by_length = sorted(places.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return tuple(by_length), tuple(sorted(descriptors, key=lambda d: (-len(d), d)))


def _peel_place(word: str, lex: Lexicon) -> tuple[str, str] | None:
    """(the glued country word at the start of ``word``, its country), if any."""
    places, _ = _tables(lex)
    for form, code in places:
        if word.startswith(form) and len(word) - len(form) >= MIN_REST:
            return form, code
    mark = word[:1]
    marked = lex.glued_country_marks.get(mark)
    if marked and len(word) > MIN_REST and (_kana_or_latin(word[1]) or _peel_descriptor(word[1:], lex)):
        return mark, marked  # "米ボーイング", "米防衛大手ロッキード"
    return None


def _peel_descriptor(word: str, lex: Lexicon) -> str | None:
    _, descriptors = _tables(lex)
    return next((d for d in descriptors if word.startswith(d) and len(word) - len(d) >= MIN_REST), None)


def unglue(a: Analysis, lex: Lexicon) -> Unglued | None:
    """The mention read without the countries, descriptions and particles glued before its
    first word; ``None`` when nothing is glued there."""
    if not a.toks or not (first := a.toks[0]) or ord(first[0]) < 0x3000:
        return None
    word, hints, dropped = first, set(), []
    while True:
        place = _peel_place(word, lex)
        if place:
            form, code = place
            hints.add(code)
            dropped.append((form, f"place ({code})"))
            word = word[len(form) :]
        elif desc := _peel_descriptor(word, lex):
            dropped.append((desc, "descriptor"))
            word = word[len(desc) :]
        else:
            break
        if word[:1] in lex.glued_particles and len(word) > MIN_REST:
            word = word[1:]
    if word == first:
        return None
    peeled = first[: len(first) - len(word)]
    mention = a.mention.replace(peeled, "", 1) if peeled in a.mention else " ".join([word, *a.toks[1:]])
    raw = [word, *a.raw[1:]] if a.raw[:1] == [first] else list(a.raw)
    core = Analysis(mention, [word, *a.toks[1:]], list(a.legal), raw)
    return Unglued(core, frozenset(hints), tuple(dropped))
