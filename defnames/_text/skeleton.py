"""A phonetic consonant-skeleton key, so that a Latin name and its transcriptions meet on one key.

Arabic, Persian and Hebrew write few vowels; Hangul and katakana add vowels and swap consonants
(r/l, f/p, v/b) when they transcribe a foreign name.  The skeleton keeps only the consonants that
survive every such transcription, mapped to broad classes, so ``Lockheed Martin``, ``لوكهيد مارتن``,
``לוקהיד מרטין`` and ``Локхид Мартин`` give one key.  (``록히드마틴`` and ``ロッキード・マーチン`` drop
the r of "Martin": a documented limit, see docs/matching-scripts.md.)

Steps (every rule is a row of the tables below):

1. ``clean_text`` (NFKC, entities, invisible marks), lower case.
2. The text is cut into runs of one script.  Per script, ``SCRIPT_PRE`` rewrites native letters whose
   romanization misleads (Hebrew vav as a vowel, katakana small tsu, Greek ``ντ`` = d, Hangul final
   ㅅ = t, Devanagari anusvara = n), then ``anyascii`` romanizes the run, then ``SCRIPT_POST`` rewrites
   the romanized run (Devanagari aspirates, ``c`` = ch).  Han characters are skipped: their
   romanization is a Chinese reading, not a transcription of the Latin name.
3. ``LATIN_RULES`` (ordered regular expressions) turn digraphs into one letter, then
   ``CONSONANT_CLASSES`` maps each letter to its class; vowels, ``h``, ``w``, ``y`` and punctuation
   are dropped; repeated classes collapse.  Digits are kept.

The rules were tuned on the registry's own native-script aliases (see docs/matching-scripts.md for
the measured hit and collision rates and tests/text/measure_skeleton.py for the measurement).

>>> skeleton("Lockheed Martin") == skeleton("لوكهيد مارتن") == skeleton("לוקהיד מרטין") == skeleton("Локхид Мартин")
True
>>> skeleton("Rheinmetall"), skeleton("ラインメタル"), skeleton("راينميتال"), skeleton("라인메탈")
('RNMTR', 'RNMTR', 'RNMTR', 'RNMTR')
>>> skeleton("Boeing") == skeleton("בואינג") == skeleton("보잉") == skeleton("ボーイング") == skeleton("بوينغ")
True
>>> skeleton("Thales") == skeleton("Raytheon")
False
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from defnames._text.cleanup import clean_text


def anyascii(s: str) -> str:
    """anyascii, imported on first use (``import defnames`` stays light)."""
    from anyascii import anyascii as _anyascii

    return str(_anyascii(s))


__all__ = [
    "CONSONANT_CLASSES",
    "LATIN_RULES",
    "SCRIPT_POST",
    "SCRIPT_PRE",
    "SkeletonRules",
    "char_script",
    "dominant_script",
    "romanize",
    "script_runs",
    "skeleton",
    "skeleton_variants",
]

# --------------------------------------------------------------------------------------------------
# Script of a character (code-point blocks; enough for the scripts names are written in).
# --------------------------------------------------------------------------------------------------

_SCRIPT_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x0DFF, "indic"),  # Bengali ... Sinhala
    (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "hangul"),
    (0x3130, 0x318F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x309F, "kana"),  # hiragana
    (0x30A0, 0x30FF, "kana"),  # katakana (incl. ・ and ー)
    (0x31F0, 0x31FF, "kana"),
    (0xFF66, 0xFF9F, "kana"),  # halfwidth katakana
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xF900, 0xFAFF, "han"),
)


def char_script(c: str) -> str | None:
    """The script of one character (``latin``, ``cyrillic``, ``arabic``, ``han``, ...), ``None`` if none.

    Digits, spaces and punctuation have no script.

    >>> char_script("ж"), char_script("ب"), char_script("한"), char_script("3"), char_script("ー")
    ('cyrillic', 'arabic', 'hangul', None, 'kana')
    """
    o = ord(c)
    if o < 0x80:
        return "latin" if c.isalpha() else None
    return _SCRIPT_NAMES[_SCRIPT_CODES[o]]


def _block_script(c: str) -> str | None:
    o = ord(c)
    for lo, hi, name in _SCRIPT_BLOCKS:
        if lo <= o <= hi:
            if name == "latin" and not c.isalpha():
                return None
            return name
    return "other" if c.isalpha() else None


# Each script is written as one code character, so that ``str.translate`` finds the scripts of a
# whole string in one pass; script-less characters become _NO_SCRIPT.
_NO_SCRIPT = " "
_SCRIPT_NAMES: dict[str, str | None] = {
    chr(0x41 + i): name for i, name in enumerate(dict.fromkeys([b[2] for b in _SCRIPT_BLOCKS] + ["other"]))
}
_SCRIPT_NAMES[_NO_SCRIPT] = None
_CODE_OF_SCRIPT = {name: code for code, name in _SCRIPT_NAMES.items()}


class _ScriptCodes(dict[int, str]):
    """Code point -> script code character, filled on first sight of each character."""

    def __missing__(self, o: int) -> str:
        code = _CODE_OF_SCRIPT[_block_script(chr(o))]
        self[o] = code
        return code


_SCRIPT_CODES = _ScriptCodes()
for _o in range(0x80):
    _SCRIPT_CODES.__missing__(_o)  # ASCII filled up front
_RUN = re.compile(r" *([^ ])(?:\1| )*")  # one script's run: its letters and the script-less characters after
_ASCII_LETTER = re.compile("[A-Za-z]")


def script_runs(s: str) -> Iterator[tuple[str | None, str]]:
    """Cut ``s`` into maximal runs of one script; script-less characters join the run they follow.

    >>> list(script_runs("BAE시스템스 Ltd"))
    [('latin', 'BAE'), ('hangul', '시스템스 '), ('latin', 'Ltd')]
    """
    codes = s.translate(_SCRIPT_CODES)
    found = False
    for m in _RUN.finditer(codes):
        found = True
        yield _SCRIPT_NAMES[m.group(1)], s[m.start() : m.end()]
    if s and not found:
        yield None, s


def dominant_script(s: str) -> str | None:
    """The script with the most letters in ``s`` (ties: the first seen); ``None`` for no letters.

    >>> dominant_script("Baykar Teknoloji'nin"), dominant_script("ОКБ Сухого"), dominant_script("BAE시스템스")
    ('latin', 'cyrillic', 'hangul')
    """
    if s.isascii():
        return "latin" if _ASCII_LETTER.search(s) else None
    codes = s.translate(_SCRIPT_CODES).replace(_NO_SCRIPT, "")
    if not codes:
        return None
    first = codes[0]
    if codes.count(first) == len(codes):
        return _SCRIPT_NAMES[first]
    counts = Counter(codes)  # in order of first sight: max() keeps the first of equals
    return _SCRIPT_NAMES[max(counts, key=counts.__getitem__)]


# --------------------------------------------------------------------------------------------------
# The rule tables.
# --------------------------------------------------------------------------------------------------

#: Native-script rewrites applied to a run BEFORE anyascii.  (pattern, replacement), regex, in order.
SCRIPT_PRE: Mapping[str, tuple[tuple[str, str], ...]] = {
    # Hebrew: a doubled vav is the consonant v/w; a single vav in a foreign name is the vowel o/u
    # (איירבוס Airbus, בואינג Boeing).  Geresh marks j / zh / ch (ג׳ורג׳).
    "hebrew": (("וו", "v"), ("ו", ""), ("ג[׳']", "j"), ("ז[׳']", "zh"), ("צ[׳']", "ch")),
    # Katakana/hiragana: small tsu doubles the next consonant (ロッキード Lockheed), ー lengthens a vowel;
    # neither is a consonant.  ヴ is v.
    # Hepburn: ン before b/p is m (タンボフ Tambov, ハンブルク Hamburg); before m it stays n
    # (ラインメタル Rheinmetall).
    "kana": (("[ッっー]", ""), ("[ンん](?=[バビブベボパピプペポばびぶべぼぱぴぷぺぽ])", "m")),
    # Hangul: 즈/츠 transcribe z/ts (시스템즈 systems), not j/ch.
    "hangul": (("즈", "zeu"), ("츠", "tseu")),
    # Greek: ντ = d, μπ = b, γκ/γγ = g (Ντασό Dassault), χ = kh (Λόκχιντ Lockheed).
    "greek": (("ντ", "d"), ("μπ", "b"), ("γκ", "g"), ("γγ", "ng"), ("χ", "kh")),
    # Devanagari: anusvara is a nasal (डिफेंस defence: n, not m); nukta letters are foreign sounds.
    "devanagari": (("ं", "न्"), ("ज़", "z"), ("फ़", "f"), ("क़", "k"), ("ख़", "kh"), ("ग़", "g")),
}

#: Rewrites of the romanized run, per script, applied AFTER anyascii and before the Latin rules.
SCRIPT_POST: Mapping[str, tuple[tuple[str, str], ...]] = {
    # Devanagari romanization marks aspiration with h (भारत bharat, थेल्स thels): drop it; c is ch.
    "devanagari": (("([kgcjtdpb])h", r"\1"), ("c", "ch")),
    "indic": (("([kgcjtdpb])h", r"\1"), ("c", "ch")),
    # Serbian ђ romanizes dj, but Serbian Latin Đ romanizes D (Đuro Đaković, Ђуро Ђаковић).
    "cyrillic": (("dj", "d"),),
}

#: Latin rules on the lower-case romanized text, in order.  Upper-case letters in a replacement are
#: final classes (see CONSONANT_CLASSES) that later rules do not touch.  After the first two, no rule
#: may look across a space or write one: :func:`skeleton` applies them word by word (cached), and
#: tests/text/test_same_outputs.py checks that this equals applying them to the whole text.
LATIN_RULES: tuple[tuple[str, str], ...] = (
    ("&", " and "),  # Korean 앤, Devanagari एंड, Arabic و: transcriptions spell the ampersand out
    ("[^a-z0-9 ]", " "),  # punctuation, apostrophes (hamza, ayin, soft sign) separate nothing
    ("x", "ks"),
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "k"),  # Russian х, Arabic خ, Hebrew כ
    ("gh", "g"),  # Arabic غ (بوينغ Boeing)
    ("q", "k"),
    ("t(?=i[aou])", "S"),  # English/French -tion, -tia: ション, 션, शन, شون, Russian -ция (ts) alike
    ("tsch|tch|dzh|zh|ch|j", "J"),  # affricates and zh: one class (see CONSONANT_CLASSES)
    ("sch|sh|sz", "S"),
    ("th", "T"),  # Greek θ, Arabic ث th, Devanagari थ; Korean/Japanese s (레이시온 Raytheon) loses: by measurement
    ("dh", "T"),
    ("ts|tz", "T"),  # Russian ц, Hebrew צ, Japanese ツ (ツポレフ Tupolev, Roketsan روكيتسان)
    ("c(?=[eiy])", "S"),
    ("c", "K"),
)

#: Consonant classes of single letters (after LATIN_RULES).  Letters not listed are dropped.
CONSONANT_CLASSES: Mapping[str, str] = {
    **dict.fromkeys("bpfv", "P"),  # Arabic has no p/v, Korean no f/v, Hebrew ב/פ are b/v and p/f
    **dict.fromkeys("kgK", "K"),  # Arabic ج for g (جنرال General); Korean ㄱ is k or g
    **dict.fromkeys("tdT", "T"),  # Korean ㄷ/ㅌ, Arabic ت/ط/د; Hangul final ㅅ is t
    **dict.fromkeys("szS", "S"),  # Japanese ズ for final s (システムズ), Persian ز/س
    "J": "K",  # j/ch/zh: Arabic ج, Korean ㅈ/ㅊ and Japanese ジ/チ render g, j, z, ti alike
    **dict.fromkeys("rl", "R"),  # Japanese and Korean have one liquid
    "m": "M",
    "n": "N",
    **{d: d for d in "0123456789"},
}


@dataclass(frozen=True)
class SkeletonRules:
    """One complete rule set; ``DEFAULT`` is the tuned one.  Exposed so that variants can be measured."""

    latin_rules: tuple[tuple[str, str], ...] = LATIN_RULES
    classes: Mapping[str, str] = field(default_factory=lambda: dict(CONSONANT_CLASSES))
    script_pre: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: dict(SCRIPT_PRE))
    script_post: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: dict(SCRIPT_POST))
    skip_scripts: frozenset[str] = frozenset({"han"})

    def compile(self) -> _Compiled:
        return _Compiled(self)


class _Rule:
    """One rewrite: ``str.replace`` for a plain-letter pattern (same result as ``re.sub``), else a regex."""

    __slots__ = ("literal", "pattern", "replacement")

    def __init__(self, pattern: str, replacement: str) -> None:
        plain = pattern.isalnum() and pattern.isascii() and "\\" not in replacement
        self.literal = pattern if plain else None
        self.pattern = re.compile(pattern)
        self.replacement = replacement

    def __call__(self, text: str) -> str:
        if self.literal is not None:
            return text.replace(self.literal, self.replacement)
        return self.pattern.sub(self.replacement, text)


def _rules(rows: Sequence[tuple[str, str]]) -> tuple[_Rule, ...]:
    return tuple(_Rule(p, r) for p, r in rows)


class _Compiled:
    def __init__(self, rules: SkeletonRules) -> None:
        self.latin = _rules(rules.latin_rules)
        self.latin_rows = tuple((r.literal, r.pattern, r.replacement) for r in self.latin)  # unrolled in classes_of
        self.pre = {k: _rules(v) for k, v in rules.script_pre.items()}
        self.post = {k: _rules(v) for k, v in rules.script_post.items()}
        self.classes = dict(rules.classes)
        self.skip = rules.skip_scripts
        # every other character is deleted (vowels, h, w, y, spaces, anything non-ASCII left)
        # (after LATIN_RULES the text holds only a-z, 0-9, spaces and the class letters)
        self.table: dict[int, str | None] = dict.fromkeys(range(0x80))
        self.table.update({ord(c): k for c, k in self.classes.items()})

    def romanized(self, s: str, skip: frozenset[str] | None = None) -> str:
        """``s`` cleaned, lower-cased and romanized run by run (``skip`` scripts become a space)."""
        s = clean_text(s).lower()
        if s.isascii():
            return s  # Latin only: no script runs to romanize
        skip = self.skip if skip is None else skip
        parts: list[str] = []
        for script, run in script_runs(s):
            if script in skip:
                parts.append(" ")
            else:
                parts.append(self._romanize_run(script or "", run))
        return "".join(parts)

    def _romanize_run(self, script: str, run: str) -> str:
        if script == "hangul":
            run = _hangul_final_s_to_t(run)
        for rule in self.pre.get(script, ()):
            run = rule(run)
        latin = run if run.isascii() else anyascii(run).lower()
        for rule in self.post.get(script, ()):
            latin = rule(latin)
        return latin

    def classes_of(self, text: str, start: int = 0) -> str:
        """The romanized ``text`` through the Latin rules from ``start`` on, then to classes."""
        for literal, pattern, replacement in self.latin_rows[start:]:
            if literal is None:
                text = pattern.sub(replacement, text)
            elif literal in text:
                text = text.replace(literal, replacement)
        # classes by translation; repeats collapse, also across spaces (CJK writes none)
        return _REPEATS.sub(r"\1", text.translate(self.table))

    def __call__(self, s: str) -> str:
        return self.classes_of(self.romanized(s))


_REPEATS = re.compile(r"(.)\1+")


def romanize(s: str, keep_han: bool = True) -> str:
    """Lower-case Latin reading of ``s`` with the per-script rewrites of the skeleton (no classes).

    >>> romanize("タンボフスキー"), romanize("엘빗"), romanize("Ντασό"), romanize("Baykar")
    ('tambofusuki', 'elbit', 'daso', 'baykar')
    """
    try:
        return _DEFAULT_COMPILED.romanized(s, frozenset() if keep_han else _HAN)
    except Exception:  # pragma: no cover - defensive
        return ""


_HAN = frozenset({"han"})


def _hangul_final_s_to_t(run: str) -> str:
    """A Hangul syllable ending in ㅅ (siot) transcribes a final t (엘빗 Elbit): split it off as 't'."""
    out: list[str] = []
    for c in run:
        o = ord(c)
        if 0xAC00 <= o <= 0xD7A3 and (o - 0xAC00) % 28 == 19:
            out.append(chr(o - 19))
            out.append("t")
        else:
            out.append(c)
    return "".join(out)


DEFAULT = SkeletonRules()
_DEFAULT_COMPILED = DEFAULT.compile()


def skeleton(s: str) -> str:
    """The consonant-skeleton key of a name (``""`` when it has no consonant outside Han script).

    Total: never raises, linear in ``len(s)``.  Keys are upper-case class letters ``P K T S R M N``
    and digits.  Compare keys of whole names; short keys (one or two classes) say little, see
    docs/matching-scripts.md for the collision rates by key length.

    >>> skeleton("Hanwha Aerospace"), skeleton("한화에어로스페이스"), skeleton("ハンファ・エアロスペース")
    ('NRSPS', 'NRSPS', 'NPRSPS')
    >>> skeleton("General Dynamics") == skeleton("جنرال دايناميكس") == skeleton("ジェネラル・ダイナミクス")
    True
    >>> skeleton("Elbit Systems") == skeleton("엘빗시스템")
    False
    >>> skeleton("中国兵器工业集团"), skeleton("")
    ('', '')
    """
    try:
        return _joined(map(_word_classes, _default_words(s)))
    except Exception:  # pragma: no cover - defensive: every step accepts any str
        return ""


# The default rules after the first two (ampersand, punctuation) never look across a space, so a
# default skeleton is the classes of each word, joined, repeats collapsed again: words are cached.
def _default_words(s: str) -> list[str]:
    """The words of ``s`` romanized, through the first two Latin rules."""
    text = _DEFAULT_COMPILED.romanized(s)
    for literal, pattern, replacement in _DEFAULT_COMPILED.latin_rows[:_WORDS_FROM]:
        text = text.replace(literal, replacement) if literal is not None else pattern.sub(replacement, text)
    return text.split()


_WORDS_FROM = 2


@lru_cache(maxsize=65536)
def _word_classes(word: str) -> str:
    return _DEFAULT_COMPILED.classes_of(word, _WORDS_FROM)


@lru_cache(maxsize=65536)
def _word_variants(word: str) -> tuple[str, str, str, str]:
    """The classes of a word plain, without a plural s, without a non-rhotic r, without both."""
    no_s = _NO_PLURAL_S(word)
    return _word_classes(word), _word_classes(no_s), _word_classes(_NON_RHOTIC(word)), _word_classes(_NON_RHOTIC(no_s))


def _joined(parts: Iterable[str]) -> str:
    """Class strings of words joined; a class that repeats across the join collapses (each part
    is already collapsed, so only its first letter can repeat the letter before)."""
    out: list[str] = []
    last = ""
    for k in parts:
        if k:
            out.append(k[1:] if k[0] == last else k)
            last = k[-1]
    return "".join(out)


#: Extra Latin rules for the variant keys of a Latin name (see :func:`skeleton_variants`): how
#: Korean and Japanese transcribe English names.  Inserted after the punctuation rule (plural s
#: first); word by word too, like the rules after it.
VARIANT_RULES: Mapping[str, tuple[str, str]] = {
    # non-rhotic r: 에어버스/エアバス Airbus, 노스롭 Northrop, 팔란티어 Palantir, 콩스버그 Kongsberg
    "non_rhotic": ("(?<=[aeiouy])r(?=[^aeiouyhw]|$)", ""),
    # a final plural s that Korean and Japanese leave out: 한화시스템 Hanwha Systems, BAEシステム
    "no_plural_s": ("(?<=[a-z]{3})s(?= |$)", ""),
}


# the variant rules go after the first two Latin rules (ampersand, punctuation), as in
# ``LATIN_RULES[:2] + [no_plural_s, non_rhotic] + LATIN_RULES[2:]``: the words are shared by all variants
_NON_RHOTIC = _Rule(*VARIANT_RULES["non_rhotic"])
_NO_PLURAL_S = _Rule(*VARIANT_RULES["no_plural_s"])


def skeleton_variants(s: str) -> frozenset[str]:
    """The skeleton of ``s`` and, for a Latin-script name, its variants with ``VARIANT_RULES``.

    Meant for the registry side of an index: a mention's plain :func:`skeleton` is looked up among
    the variants of the registry's Latin names, so Korean and Japanese transcriptions that drop a
    non-rhotic r or a plural s still meet them.  Measured in docs/matching-scripts.md (more hits,
    more shared keys).

    >>> skeleton("에어버스") in skeleton_variants("Airbus")
    True
    >>> skeleton("한화시스템") in skeleton_variants("Hanwha Systems")
    True
    >>> sorted(skeleton_variants("Roketsan")), sorted(skeleton_variants("Northrop"))
    (['RKTN'], ['NRTRP', 'NTRP'])
    """
    try:
        words = _default_words(s)
        if dominant_script(s) != "latin":
            return frozenset({_joined(map(_word_classes, words))})
        variants = [_word_variants(w) for w in words]
        return frozenset({_joined([v[k] for v in variants]) for k in range(4)})
    except Exception:  # pragma: no cover - defensive
        return frozenset()
