"""Inflection: cut apostrophe/colon case suffixes, pick a language, stem words with Snowball.

Writers inflect company names: Finnish ``FFG:n``, ``Patrian``; Turkish ``Baykar'ın``, ``Aselsanın``;
Polish ``Saaba``, ``Saabowi``; Russian ``заводу``; Swedish ``Saabs``.  A stem of each word is an
*extra* candidate key beside the unstemmed one (the exact key wins where both hit).

- :func:`cut_case_suffix` removes a lower-case suffix written after an apostrophe or a colon
  (``Baykar'ın`` -> ``Baykar``, ``FFG:n`` -> ``FFG``, ``Oy:ltä`` -> ``Oy``, ``Saab's`` -> ``Saab``).
- :func:`detect_lang` picks a stemmer language: an explicit hint wins; otherwise the script decides
  (Cyrillic -> ru, or sr when Serbian letters occur; Greek -> el; Arabic -> ar, or fa with Persian
  letters; Devanagari -> hi) and, in Latin script, letters only one language uses (ı ğ -> tr, ő ű -> hu,
  ł ą ę -> pl, ř ů ě -> cs, ș ț -> ro).  Plain Latin without a hint gets no stemmer.
- :func:`stem_words` stems each word with the Snowball algorithm of that language (snowballstemmer,
  BSD), lower-cased; words of four letters or fewer, acronyms and words with digits stay unstemmed.
  It is symmetric: registry names are stemmed the same way.
- :func:`deinflect` / :func:`deinflect_words` are asymmetric: they list candidate base forms of a
  *mention* word from tables of real case endings (``CASE_ENDINGS``; clitic prefixes for Arabic and
  Hebrew, particles for Korean and Japanese), to be compared with the *unstemmed* registry words.
  This keeps foreign registry names intact (Finnish Snowball cuts ``Patria`` to ``patri``).

Which languages to trust is measured in docs/matching-scripts.md (tests/text/measure_stems.py).

>>> stem_words(["Baykar'ın", "İHA'ları"], "tr")
['baykar', 'iha']
>>> stem_words(["Patrian", "FFG:n"], "fi")
['patria', 'ffg']
>>> stem_words(["Казанского", "вертолётного", "завода"], None)
['казанск', 'вертолетн', 'завод']
>>> stem_words(["Saab", "Dynamics"], None)
['saab', 'dynamics']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from functools import lru_cache
from typing import Protocol, cast

from tests.text.legacy.skeleton import dominant_script

__all__ = [
    "CASE_ENDINGS",
    "CLITIC_PREFIXES",
    "HYPHEN_ENDINGS",
    "SCRIPT_DEFAULT_LANG",
    "SNOWBALL_LANGS",
    "STEM_MIN_LETTERS",
    "TRUSTED_LANGS",
    "cut_case_suffix",
    "deinflect",
    "deinflect_words",
    "detect_lang",
    "stem_word",
    "stem_words",
]

#: ISO 639-1 code -> Snowball algorithm name, for every algorithm snowballstemmer (>= 3.1) ships.
SNOWBALL_LANGS: dict[str, str] = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "hr": "serbian",  # the Serbian algorithm works on Latin Serbo-Croatian (Croatian, Bosnian) too
    "bs": "serbian",
    "st": "sesotho",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "uk": "russian",  # no Ukrainian algorithm; see docs/matching-scripts.md for how it fares
    "be": "russian",
    "bg": "russian",
    "yi": "yiddish",
}

#: Languages whose stemmer, measured on registry names, joins inflected forms of a name with their
#: base form often and merges different registry names rarely (docs/matching-scripts.md).
TRUSTED_LANGS: frozenset[str] = frozenset({"fi", "hu", "pl", "cs", "sr", "hr", "bs", "ro", "tr", "ru"})

#: Default language per script when no hint is given (script names as in ``defnames._text.skeleton``).
from defnames._text.stems import SCRIPT_DEFAULT_LANG  # noqa: E402

#: Words with at most this many letters are never stemmed (``Saab``, ``KNDS``, ``Oto``).
STEM_MIN_LETTERS = 4

# Letters that (among the stemmer languages) only one language writes.
from defnames._lexicon import lexicon  # noqa: E402 - the tables are the current ones

_LANG_LETTERS = tuple((letters, lang) for lang, letters in lexicon().lang_letters.items())

_LETTER_LANG = {c: lang for letters, lang in _LANG_LETTERS for c in letters}

# A case suffix after an apostrophe or a colon: lower-case letters only, at most 6 of them, at the
# end of the word; the part before must have at least two characters (keeps O'Brien, L'Orange,
# d'Arc).  Trailing apostrophes (Airbus') go as well.
_APOSTROPHES = "'’ʼ‘`´"


def _w(s: str) -> tuple[str, ...]:
    """Space-separated table cells."""
    return tuple(s.split())


_CASE_SUFFIX = re.compile(rf"^(?P<base>[^{_APOSTROPHES}:]{{2,}})[{_APOSTROPHES}:](?P<suffix>[^\W\d_A-Z]{{1,6}})$")
_TRAILING_APOSTROPHE = re.compile(rf"[{_APOSTROPHES}]+$")
# After a hyphen only known case endings are cut (AG-nak, S.A.-owi, Motive-ului, UK-u, MRO-ui, EVM-et):
# a hyphen also joins ordinary word parts (Almaz-Antey, Rolls-Royce, Rosoboron-export).
HYPHEN_ENDINGS: frozenset[str] = frozenset(
    _w(
        "a e i o u y á é ą ę ei ul ului lui om em ovi owi ie iem ou ot et öt t nak nek ban ben ból ből ra re "
        "hoz hez höz tól től val vel nál nél ról ről ba be on en ön n in ssa ssä sta stä lla llä lta ltä lle "
        "ksi na nä iin ui as os ą je ju jem ja ga ge"
    )
)
_HYPHEN_SUFFIX = re.compile(r"^(?P<base>.{2,}?)-(?P<suffix>[^\W\d_]{1,5})$")


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


def cut_case_suffix(word: str) -> str:
    """Remove a case ending written after an apostrophe or colon; other words come back unchanged.

    The suffix must be lower case (``Dell'Orto``, ``L'Aquila`` keep theirs) and at most six letters.

    >>> [cut_case_suffix(w) for w in ["Baykar'ın", "FFG:n", "Oy:ltä", "Saab's", "ASELSAN’ın", "Airbus'"]]
    ['Baykar', 'FFG', 'Oy', 'Saab', 'ASELSAN', 'Airbus']
    >>> [cut_case_suffix(w) for w in ["O'Gara", "Dell'Orto", "d'Arc", "12:30", "Rock'n'roll"]]
    ["O'Gara", "Dell'Orto", "d'Arc", '12:30', "Rock'n'roll"]

    After a hyphen, only the case endings of ``HYPHEN_ENDINGS`` go:

    >>> [cut_case_suffix(w) for w in ["AG-nak", "S.A.-owi", "Airbus-ului", "Almaz-Antey", "Rosoboron-export"]]
    ['AG', 'S.A.', 'Airbus', 'Almaz-Antey', 'Rosoboron-export']
    """
    m = _CASE_SUFFIX.match(word)
    if m and not any(c.isupper() for c in m.group("suffix")):
        return m.group("base")
    if "-" in word:
        m = _HYPHEN_SUFFIX.match(word)
        if m and m.group("suffix") in HYPHEN_ENDINGS:
            return m.group("base")
    if word[-1:] in _APOSTROPHES and len(word) > 2:
        return _TRAILING_APOSTROPHE.sub("", word)
    return word


def detect_lang(text: str, hint: str | None = None) -> str | None:
    """The stemmer language for ``text``: the hint if Snowball has it, else from its script/letters.

    >>> detect_lang("Saab", "sv"), detect_lang("Krušik iz Valjeva", "sr"), detect_lang("завода")
    ('sv', 'sr', 'ru')
    >>> detect_lang("Југоимпорт"), detect_lang("Укроборонсервіс"), detect_lang("Aselsan'ın"), detect_lang("Aselsan")
    ('sr', 'uk', 'tr', None)
    >>> detect_lang("Kırıkkale"), detect_lang("Hucie Stalowa Wola"), detect_lang("صنایع پهپاد")
    ('tr', None, 'fa')
    >>> detect_lang("Saab", "xx") is None
    True
    """
    if hint:
        h = hint.lower().replace("_", "-").split("-")[0]
        return h if h in SNOWBALL_LANGS else None
    for c in text:
        lang = _LETTER_LANG.get(c) or _LETTER_LANG.get(c.lower())
        if lang is not None:
            return lang
    script = dominant_script(text)
    return SCRIPT_DEFAULT_LANG.get(script or "")


@lru_cache(maxsize=64)
def _stemmer(lang: str) -> _Stemmer:
    import snowballstemmer  # type: ignore[import-untyped]  # imported on first use

    return cast(_Stemmer, snowballstemmer.stemmer(SNOWBALL_LANGS[lang]))


def _letters(word: str) -> int:
    return sum(1 for c in word if c.isalpha())


@lru_cache(maxsize=65536)
def stem_word(word: str, lang: str | None) -> str:
    """Stem one word (case suffix cut first), lower-cased; guarded words only lower-cased.

    A word is not stemmed when it has ``STEM_MIN_LETTERS`` letters or fewer, contains a digit, or is
    an acronym (all its letters upper case and at most 6 of them: ``FFG``, ``KNDS``, ``ASELSAN``
    stays ``aselsan``).

    >>> stem_word("Patrialla", "fi"), stem_word("Saab", "pl"), stem_word("F-16:n", "fi"), stem_word("NAMMO", "fi")
    ('patria', 'saab', 'f-16', 'nammo')
    """
    w = cut_case_suffix(word)
    low = w.lower()
    if "\u0307" in low:  # Turkish İ lower-cases to i + combining dot above
        low = unicodedata.normalize("NFC", low.replace("i\u0307", "i"))
    if lang is None or lang not in SNOWBALL_LANGS:
        return low
    n = _letters(w)
    if n <= STEM_MIN_LETTERS or any(c.isdigit() for c in w):
        return low
    if n <= 7 and all(c.isupper() for c in w if c.isalpha()):
        return low
    try:
        return _stemmer(lang).stemWord(low)
    except Exception:  # pragma: no cover - Snowball algorithms accept any str
        return low


def stem_words(words: list[str], lang: str | None) -> list[str]:
    """Stem a list of words; with ``lang=None`` each word's language comes from its own script.

    ``lang`` is an ISO 639-1 code (``fi``, ``tr``, ``ru``...), as in :data:`SNOWBALL_LANGS`; an
    unknown code means no stemming.  The output has one entry per input word.

    >>> stem_words(["Saaba", "i", "Saabowi"], "pl")
    ['saab', 'i', 'saab']
    >>> stem_words(["Tvornica", "Zastava", "oružje", "Kragujevcu"], "sr")
    ['tvornic', 'zastav', 'oružj', 'kragujevc']
    """
    out: list[str] = []
    for w in words:
        wl = lang if lang is not None else detect_lang(w)
        out.append(stem_word(w, wl))
    return out


# --------------------------------------------------------------------------------------------------
# De-inflection: candidate base forms of a mention word, compared with UNSTEMMED registry words.
# --------------------------------------------------------------------------------------------------

#: Case endings per language as ``(ending, replacement)``: a candidate base is the word without the
#: ending plus the replacement (Polish ``Patrii`` -> ``Patria`` is ``("ii", "ia")``).  The endings are
#: the regular noun and adjective endings of each language's grammar, as writers attach them to
#: company names (foreign names take the consonant-stem endings).  Longest endings are tried first.
CASE_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    # Finnish: genitive -n, adessive -lla, ablative -lta, inessive -ssa, elative -sta, allative -lle,
    # partitive -a, illative -an/-iin, essive -na, translative -ksi; consonant stems insert i (Saabin).
    "fi": tuple(
        (e, "")
        for e in _w(
            "n lla llä lta ltä ssa ssä sta stä lle a ä an en on un ään ksi na nä in illa illä ilta iltä "
            "issa issä ista istä ille ia iä iin iksi ina inä"
        )
    ),
    # Estonian: genitive -i (consonant stems), allative -le/-ile, inessive -s/-is, elative -st/-ist,
    # comitative -ga/-iga, adessive -l/-il.
    "et": tuple((e, "") for e in _w("i le ile s is st ist ga iga l il lt ilt")),
    # Turkish without apostrophe (standard spelling has one: cut_case_suffix).
    "tr": tuple(
        (e, "")
        for e in _w(
            "ın in un ün nın nin nun nün a e ya ye dan den tan ten da de ta te ı i u ü yı yi yu yü "
            "la le yla yle lar ler ların lerin ndan nden nda nde"
        )
    ),
    # Hungarian: accusative -t/-ot/-et/-öt, dative -nak/-nek, inessive -ban/-ben, elative -ból/-ből,
    # sublative -ra/-re, allative -hoz/-hez/-höz, ablative -tól/-től, instrumental -val/-vel,
    # adessive -nál/-nél, delative -ról/-ről, illative -ba/-be, superessive -on/-en/-ön/-n;
    # final a/e lengthen to á/é (Patriát).
    "hu": tuple(
        (e, r)
        for e0 in _w(
            "t ot et öt nak nek ban ben ból ből ra re hoz hez höz tól től val vel nál nél ról ről ba be on en ön n ért"
        )
        for e, r in ((e0, ""), ("á" + e0, "a"), ("é" + e0, "e"))
    ),
    # Polish: masculine -a -u -owi -em -ie; feminine -y -i -ę -ą -ie (on -a stems); adjectives
    # -ego -emu -ym -ej -ą (Stalowej Woli -> Stalowa Wola).
    "pl": (
        ("ce", "ka"),
        ("ii", "ia"),
        ("ię", "ia"),
        ("ią", "ia"),
        ("y", "a"),
        ("i", "a"),
        ("ę", "a"),
        ("ą", "a"),
        ("ie", "a"),
        ("cie", "ta"),
        ("dzie", "da"),
        ("rze", "ra"),
        ("le", "la"),
        ("a", ""),
        ("u", ""),
        ("owi", ""),
        ("em", ""),
        ("ie", ""),
        ("iem", ""),
        ("ze", "r"),
        ("ego", "y"),
        ("ego", "i"),
        ("emu", "y"),
        ("ym", "y"),
        ("im", "i"),
        ("ej", "a"),
        ("ą", "a"),
    ),
    # Czech/Slovak: -u -a -em -om -ovi -e; feminine -y -u -ou -e -i on -a stems.
    "cs": (
        ("ce", "ka"),
        ("ře", "ra"),
        ("y", "a"),
        ("u", "a"),
        ("ou", "a"),
        ("e", "a"),
        ("ě", "a"),
        ("u", ""),
        ("a", ""),
        ("em", ""),
        ("ovi", ""),
        ("e", ""),
        ("ého", "ý"),
        ("ému", "ý"),
        ("ém", "ý"),
        ("ým", "ý"),
        ("é", "á"),
        ("ou", "á"),
    ),
    "sk": (
        ("ce", "ka"),
        ("ře", "ra"),
        ("y", "a"),
        ("u", "a"),
        ("ou", "a"),
        ("e", "a"),
        ("i", "a"),
        ("u", ""),
        ("a", ""),
        ("om", ""),
        ("ovi", ""),
        ("e", ""),
        ("ého", "ý"),
        ("ému", "ý"),
        ("om", "ý"),
        ("ým", "ý"),
        ("ej", "á"),
        ("ou", "á"),
    ),
    # Serbian/Croatian/Bosnian/Slovenian (Latin): -a -u -om -em -e on consonant stems, -e -i -u -om
    # on -a stems; a fleeting a comes back (Kragujevcu -> Kragujevac, see deinflect).
    "sr": (
        ("a", "o"),
        ("u", "o"),
        ("e", "a"),
        ("i", "a"),
        ("u", "a"),
        ("om", "a"),
        ("oj", "a"),
        ("a", ""),
        ("u", ""),
        ("om", ""),
        ("em", ""),
        ("e", ""),
        ("og", ""),
        ("oga", ""),
        ("ome", ""),
        ("skog", "ski"),
        ("skom", "ski"),
    ),
    # Lithuanian: foreign names take -as (nominative) and its cases; -a stems -os -ai -ą -oje.
    "lt": (
        ("os", "a"),
        ("ai", "a"),
        ("ą", "a"),
        ("oje", "a"),
        ("as", ""),
        ("o", ""),
        ("ui", ""),
        ("ą", ""),
        ("u", ""),
        ("e", ""),
        ("is", ""),
        ("io", ""),
        ("iui", ""),
    ),
    "lv": (("s", ""), ("a", ""), ("am", ""), ("u", ""), ("ā", ""), ("ai", ""), ("as", "a")),
    # Romanian: enclitic article -ul -ului -lui, feminine -a -ei.
    "ro": (("ul", ""), ("ului", ""), ("lui", ""), ("ei", "a"), ("a", ""), ("ii", "ia")),
    # Germanic genitive -s (Saabs, Rheinmetalls, Airbus' via the apostrophe); German -es.
    "sv": (("s", ""),),
    "no": (("s", ""),),
    "da": (("s", ""),),
    "de": (("s", ""), ("es", "")),
    "nl": (("s", ""),),
    "en": (("s", ""),),
    # Russian (Cyrillic): noun endings on consonant, -а, -о, -й/-ь stems; adjective endings
    # (Казанского вертолётного завода -> Казанский вертолётный завод).
    "ru": (
        ("а", ""),
        ("у", ""),
        ("ом", ""),
        ("е", ""),
        ("ы", "а"),
        ("и", "а"),
        ("е", "а"),
        ("у", "а"),
        ("ой", "а"),
        ("ою", "а"),
        ("я", "й"),
        ("ю", "й"),
        ("ем", "й"),
        ("е", "й"),
        ("я", "ь"),
        ("ю", "ь"),
        ("ем", "ь"),
        ("а", "о"),
        ("у", "о"),
        ("ом", "о"),
        ("е", "о"),
        ("ии", "ия"),
        ("ией", "ия"),
        ("ия", "ие"),
        ("ию", "ие"),
        ("ием", "ие"),
        ("ого", "ый"),
        ("ого", "ий"),
        ("ого", "ой"),
        ("его", "ий"),
        ("ому", "ый"),
        ("ому", "ий"),
        ("ему", "ий"),
        ("ым", "ый"),
        ("им", "ий"),
        ("ом", "ый"),
        ("ем", "ий"),
        ("ой", "ая"),
        ("ей", "яя"),
        ("ую", "ая"),
        ("ого", "ое"),
        ("ому", "ое"),
        ("ым", "ое"),
        ("ом", "ое"),
        ("ых", "ые"),
        ("ым", "ые"),
        ("ами", "ы"),
        ("ах", "ы"),
        ("ов", "ы"),
    ),
    # Ukrainian: -у -а -ові -ом -і on consonant stems, -и -і -ою on -а stems, adjectives -ого -ому -им.
    "uk": (
        ("у", ""),
        ("а", ""),
        ("ові", ""),
        ("ом", ""),
        ("і", ""),
        ("и", "а"),
        ("і", "а"),
        ("у", "а"),
        ("ою", "а"),
        ("ого", "ий"),
        ("ому", "ий"),
        ("им", "ий"),
        ("ої", "а"),
        ("ій", "а"),
    ),
    "bg": (("ът", ""), ("ят", ""), ("та", ""), ("то", ""), ("те", "")),
    # Greek genitive: -ου (-ος), -ας (-α), -ης (-η), -ικής (-ική).
    "el": (("ου", "ος"), ("ού", "ός"), ("ας", "α"), ("ης", "η"), ("ής", "ή"), ("ών", "ά")),
    # Persian: ezafe/indefinite -ی, plural -ها/-های.
    "fa": (("ی", ""), ("های", ""), ("ها", ""), ("\u200cی", ""), ("\u200cها", "")),
    # Korean particles (topic, subject, object, genitive, locative, instrumental, comitative, ...).
    "ko": tuple(
        (e, "")
        for e in _w("은 는 이 가 을 를 의 에 에서 에게 과 와 로 으로 도 만 까지 부터 측 와의 과의 에는 이다 로부터")
    ),
    # Japanese particles written after a name without a space.
    "ja": tuple((e, "") for e in _w("は が の を に で と も へ から まで より との")),
}

#: Clitic prefixes (Arabic و ف ب ل ك and the article ال written لل after ل; Hebrew ו ה ב ל מ ש כ).
CLITIC_PREFIXES: dict[str, tuple[tuple[str, str], ...]] = {
    "ar": (
        ("وال", "ال"),
        ("بال", "ال"),
        ("فال", "ال"),
        ("كال", "ال"),
        ("لل", "ال"),
        ("و", ""),
        ("ف", ""),
        ("ب", ""),
        ("ل", ""),
        ("ك", ""),
        ("وب", ""),
        ("ول", ""),
    ),
    "he": tuple((p, "") for p in _w("ו ה ב ל מ ש כ וה וב ול ומ וש שה שב של בה לה מה")),
}

_DEINFLECT_SCRIPT_LANG: dict[str, str] = {"hangul": "ko", "kana": "ja", "hebrew": "he"}
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
        lang = _DEINFLECT_SCRIPT_LANG.get(dominant_script(w) or "") or detect_lang(w)
    if lang is None:
        return (low,)
    code = _LANG_ALIASES.get(lang, lang)
    if w != word and any(c.isupper() for c in w) and all(c.isupper() or not c.isalpha() for c in w):
        return (low,)  # an acronym whose ending was already cut
    min_letters = 2 if code in ("ko", "ja") else _MIN_BASE_LETTERS
    out = [low]
    for base in (*_suffix_bases(low, code), *_prefix_bases(low, code)):
        if _letters(base) >= min_letters and base not in out:
            out.append(base)
    return tuple(out)


_LANG_ALIASES = {"hr": "sr", "bs": "sr", "sl": "sr", "me": "sr", "nb": "no", "nn": "no"}


def _suffix_bases(low: str, code: str) -> list[str]:
    """Bases from ``CASE_ENDINGS``, longest ending first; Serbian fleeting a restored."""
    out: list[str] = []
    for e, r in sorted(CASE_ENDINGS.get(code, ()), key=lambda er: -len(er[0])):
        if not low.endswith(e):
            continue
        base = low[: len(low) - len(e)] + r
        out.append(base)
        m = _SERBIAN_FLEETING_A.search(base) if code == "sr" and not r else None
        if m:
            out.append(base[: m.start(2)] + "a" + base[m.start(2) :])
    return out


def _prefix_bases(low: str, code: str) -> list[str]:
    """Bases without a clitic prefix (``CLITIC_PREFIXES``)."""
    return [r + low[len(p) :] for p, r in CLITIC_PREFIXES.get(code, ()) if low.startswith(p)]


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
