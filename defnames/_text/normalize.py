"""Step 1: turn a raw name into comparable tokens.

Folding is the same for registry names and for mentions, so that equal names get equal keys:

- Unicode compatibility forms are unified (NFKC); accents are removed, letters such as
  đ ł ø ß æ œ ı are spelled out; Cyrillic, Greek, Hangul and CJK stay in their script
  (:func:`translit_key` gives an ASCII key through anyascii);
- case is folded; dotted abbreviations lose their dots (``S.p.A.`` → ``spa``, ``U.S.`` → ``us``);
  possessive ``'s`` is dropped; ``&`` and ``+`` read as ``and``; every other punctuation mark
  or dash separates words;
- spelling variants are unified (``defense`` → ``defence``);
- legal forms are stripped from both ends, several at once (``Saab AB (publ)`` → ``saab``).

>>> name_key("Saab AB (publ)")
'saab'
>>> name_key("LOCKHEED-MARTIN CORP.")
'lockheed martin'
>>> name_key("Đuro Đaković Grupa d.d.")
'duro dakovic grupa'
>>> name_key("Kongsberg Defense & Aerospace")
'kongsberg defence and aerospace'
>>> name_key("Rheinmetall's")
'rheinmetall'
>>> translit_key("Укроборонпром")
'ukroboronprom'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from defnames._lexicon import Lexicon, lexicon
from defnames._text.scripts import MARKS

__all__ = ["cased_words", "compact", "fold", "full_key", "name_key", "strip_legal_forms", "tokens", "translit_key"]

_SPECIAL = str.maketrans(
    {
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
        "ı": "i", "İ": "I", "ħ": "h", "Ħ": "H",
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
        "&": " and ", "+": " and ", "＆": " and ",
    }
)
_ACRONYM_DOTS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?![^\W\d_])")
_POSSESSIVE = re.compile(r"(?<=\w)'[sS]?(?!\w)")
# Turkish and Finnish case endings after an apostrophe: "ASELSAN'ın", "Patria'n", "Saab'ın"
_APOSTROPHE_SUFFIX = re.compile(r"(?<=[^\W\d_]{3})'(?:[^\W\d_]{1,3}|[yn][^\W\d_]{1,3})(?![\w'])")
# French and Italian elision before a name: "d'Airbus", "l'Aérospatiale", "dell'Esercito"
_ELISION = re.compile(r"(?<![\w'])(?:[dlDL]|dell|dall|nell|sull|all|qu)'(?=[^\W\d_])")
# letters and digits, plus the combining vowel signs of Indic, Thai, Hebrew and Arabic script
_DIGIT = re.compile(r"\d")
_WORD = re.compile(rf"(?:[^\W_]|[{MARKS}])+")


def _strip_marks(text: str) -> str:
    """Remove accents from Latin, Greek and Cyrillic letters only: in Devanagari, Hebrew or
    Arabic the combining marks are vowels, and dropping them would merge different words."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    out: list[str] = []
    base_is_european = False
    for c in decomposed:
        if unicodedata.combining(c):
            if base_is_european:
                continue
        else:
            base_is_european = c < "\u0530"  # Latin, Greek, Cyrillic and their supplements
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=65536)
def cased_words(text: str) -> tuple[str, ...]:
    """The words of :func:`fold` before case folding ('KNDS', 'the', 'German', ...).

    >>> cased_words("Rheinmetall’s S.p.A.")
    ('Rheinmetall', 'SpA')
    """
    text = unicodedata.normalize("NFKC", text).translate(_SPECIAL)
    text = _ACRONYM_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _ELISION.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE_SUFFIX.sub("", text)
    return tuple(_WORD.findall(_strip_marks(text)))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a string to lower-case words separated by single spaces.

    >>> fold("  KNDS – the union of the German KMW ")
    'knds the union of the german kmw'
    >>> fold("S.p.A.")
    'spa'
    """
    words = (w for word in cased_words(text) for w in _WORD.findall(_strip_marks(word.casefold())))
    return " ".join(_drop_particle(w) for w in words)


_HANGUL = re.compile("[\uac00-\ud7af]")
_KO_PARTICLES = ("에서", "으로", "에게", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "에", "로")
_JA_PARTICLES = ("は", "が", "を", "に", "で", "と", "も", "の")
_LATIN_THEN_HANGUL = re.compile("^([a-z0-9]+)[\uac00-\ud7af]{1,2}$")


def _drop_particle(word: str) -> str:
    """Korean and Japanese case particles glued to a name: '한화오션이' -> '한화오션', 'KAI는' -> 'kai',
    '三菱重工は' -> '三菱重工'. At least two characters of the name stay."""
    if word.isascii() or len(word) < 3:
        return word
    m = _LATIN_THEN_HANGUL.match(word)
    if m:
        return m.group(1)
    if _HANGUL.search(word[-1]):
        for p in _KO_PARTICLES:
            if word.endswith(p) and len(word) - len(p) >= 2:
                return word[: -len(p)]
    elif word[-1] in _JA_PARTICLES and not _HANGUL.search(word):
        return word[:-1]
    return word


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


def strip_legal_forms(
    toks: list[str], lex: Lexicon | None = None
) -> tuple[list[str], list[str]]:
    """Strip legal forms from both ends, longest first, never down to nothing.

    Returns the remaining tokens and the stripped forms.

    >>> strip_legal_forms(["kongsberg", "gruppen", "asa"])
    (['kongsberg', 'gruppen'], ['asa'])
    >>> strip_legal_forms(["ao"])
    (['ao'], [])
    """
    lx = lex or lexicon()
    if toks and (not toks[-1].isascii() or not toks[0].isascii()):
        toks = _split_glued_forms(list(toks), lx)
    ends, starts = lx.legal_edges
    if not toks or (toks[-1] not in ends and toks[0] not in starts and not _DIGIT.search(toks[-1])):
        return list(toks), []  # the common case: no legal form at either end
    toks = list(toks)
    dropped: list[str] = []
    changed = True
    while changed and len(toks) > 1:
        changed = False
        # share-class figures after a form: "BAE SYSTEMS PLC ORD 2.5P" (but "Factory 10" stays)
        k = len(toks)
        while k > 1 and _DIGIT.search(toks[k - 1]):
            k -= 1
        if 1 < k < len(toks) and any(
            tuple(toks[k - n : k]) in lx.legal_end for n in range(1, min(lx.legal_max, k - 1) + 1)
        ):
            dropped.insert(0, " ".join(toks[k:]))
            del toks[k:]
            changed = True
            continue
        for n in range(min(lx.legal_max, len(toks) - 1), 0, -1):
            tail = tuple(toks[-n:])
            if tail in lx.legal_end:
                dropped.insert(0, " ".join(tail))
                del toks[-n:]
                changed = True
                break
            head = tuple(toks[:n])
            if head in lx.legal_start:
                dropped.append(" ".join(head))
                del toks[:n]
                changed = True
                break
    return toks, dropped


def _split_glued_forms(toks: list[str], lx: Lexicon) -> list[str]:
    """'三菱重工業株式会社' -> ['三菱重工業', '株式会社']: a CJK legal form written onto the name."""
    forms = lx.cjk_forms
    last = toks[-1]
    if last not in forms:
        for form in forms:
            if len(last) > len(form) and last.endswith(form):
                toks[-1:] = [last[: -len(form)], form]
                break
    first = toks[0]
    if first not in forms:
        for form in forms:
            if len(first) > len(form) and first.startswith(form):
                toks[:1] = [form, first[len(form) :]]
                break
    return toks


def name_key(name: str, lex: Lexicon | None = None) -> str:
    """The comparison key of a name: folded, legal forms stripped, leading 'the' dropped.

    >>> name_key("The Boeing Company")
    'boeing'
    """
    toks, _ = strip_legal_forms(tokens(name, lex), lex)
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def full_key(name: str, lex: Lexicon | None = None) -> str:
    """The key with legal forms kept: tells 'BAE Systems, Inc.' from 'BAE Systems plc'.

    >>> full_key("BAE Systems, Inc.")
    'bae systems inc'
    """
    toks = tokens(name, lex)
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


def translit_key(key: str, lex: Lexicon | None = None) -> str:
    """An ASCII transliteration of a key (anyascii), folded again; the key itself if ASCII.

    >>> translit_key("한화에어로스페이스")
    'hanhwaeeoloseupeiseu'
    >>> translit_key("уральскии оптико механическии завод")
    'uralskii optiko mekhanicheskii zavod'
    """
    if key.isascii():
        return key
    from anyascii import anyascii

    # the Cyrillic soft and hard signs have no Latin letter: sanctions lists and news drop them
    # ("Уральский" -> "Uralskii", "объединение" -> "obedinenie"); anyascii's apostrophe would
    # split the word in two
    return name_key(anyascii(key.translate(_NO_SIGNS)), lex)


_NO_SIGNS = str.maketrans("", "", "ьъЬЪ")


def compact(key: str) -> str:
    """A key with its spaces removed, to match 'Hanwha Aero space' to 'Hanwha Aerospace'.

    >>> compact("l 3 harris")
    'l3harris'
    """
    return key.replace(" ", "")
