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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tests.text.legacy.cleanup import clean_text


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
    return _char_script_slow(c)


@lru_cache(maxsize=8192)
def _char_script_slow(c: str) -> str | None:
    o = ord(c)
    for lo, hi, name in _SCRIPT_BLOCKS:
        if lo <= o <= hi:
            if name == "latin" and not c.isalpha():
                return None
            return name
    return "other" if c.isalpha() else None


def script_runs(s: str) -> Iterator[tuple[str | None, str]]:
    """Cut ``s`` into maximal runs of one script; script-less characters join the run they follow.

    >>> list(script_runs("BAE시스템스 Ltd"))
    [('latin', 'BAE'), ('hangul', '시스템스 '), ('latin', 'Ltd')]
    """
    cur: str | None = None
    buf: list[str] = []
    for c in s:
        sc = char_script(c)
        if sc is not None and sc != cur and buf and cur is not None:
            yield cur, "".join(buf)
            buf = []
        if sc is not None:
            cur = sc
        buf.append(c)
    if buf:
        yield cur, "".join(buf)


def dominant_script(s: str) -> str | None:
    """The script with the most letters in ``s`` (ties: the first seen); ``None`` for no letters.

    >>> dominant_script("Baykar Teknoloji'nin"), dominant_script("ОКБ Сухого"), dominant_script("BAE시스템스")
    ('latin', 'cyrillic', 'hangul')
    """
    counts: dict[str, int] = {}
    for c in s:
        sc = char_script(c)
        if sc is not None:
            counts[sc] = counts.get(sc, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k])


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
#: final classes (see CONSONANT_CLASSES) that later rules do not touch.
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


class _Compiled:
    def __init__(self, rules: SkeletonRules) -> None:
        def comp(rows: Sequence[tuple[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
            return tuple((re.compile(p), r) for p, r in rows)

        self.latin = comp(rules.latin_rules)
        self.pre = {k: comp(v) for k, v in rules.script_pre.items()}
        self.post = {k: comp(v) for k, v in rules.script_post.items()}
        self.classes = dict(rules.classes)
        self.skip = rules.skip_scripts
        # every other character is deleted (vowels, h, w, y, spaces, anything non-ASCII left)
        # (after LATIN_RULES the text holds only a-z, 0-9, spaces and the class letters)
        self.table: dict[int, str | None] = dict.fromkeys(range(0x80))
        self.table.update({ord(c): k for c, k in self.classes.items()})

    def __call__(self, s: str) -> str:
        s = clean_text(s).lower()
        if s.isascii():
            text = s  # Latin only: no script runs to romanize
        else:
            parts: list[str] = []
            for script, run in script_runs(s):
                if script in self.skip:
                    parts.append(" ")
                    continue
                if script == "hangul":
                    run = _hangul_final_s_to_t(run)
                for pat, rep in self.pre.get(script or "", ()):
                    run = pat.sub(rep, run)
                latin = run if run.isascii() else anyascii(run).lower()
                for pat, rep in self.post.get(script or "", ()):
                    latin = pat.sub(rep, latin)
                parts.append(latin)
            text = "".join(parts)
        for pat, rep in self.latin:
            text = pat.sub(rep, text)
        # classes by translation; repeats collapse, also across spaces (CJK writes none)
        return _REPEATS.sub(r"\1", text.translate(self.table))


_REPEATS = re.compile(r"(.)\1+")


def romanize(s: str, keep_han: bool = True) -> str:
    """Lower-case Latin reading of ``s`` with the per-script rewrites of the skeleton (no classes).

    >>> romanize("タンボフスキー"), romanize("엘빗"), romanize("Ντασό"), romanize("Baykar")
    ('tambofusuki', 'elbit', 'daso', 'baykar')
    """
    try:
        s = clean_text(s).lower()
        if s.isascii():
            return s
        parts: list[str] = []
        for script, run in script_runs(s):
            if script == "han" and not keep_han:
                parts.append(" ")
                continue
            if script == "hangul":
                run = _hangul_final_s_to_t(run)
            for pat, rep in _DEFAULT_COMPILED.pre.get(script or "", ()):
                run = pat.sub(rep, run)
            latin = run if run.isascii() else anyascii(run).lower()
            for pat, rep in _DEFAULT_COMPILED.post.get(script or "", ()):
                latin = pat.sub(rep, latin)
            parts.append(latin)
        return "".join(parts)
    except Exception:  # pragma: no cover - defensive
        return ""


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
        return _DEFAULT_COMPILED(s)
    except Exception:  # pragma: no cover - defensive: every step accepts any str
        return ""


#: Extra Latin rules for the variant keys of a Latin name (see :func:`skeleton_variants`): how
#: Korean and Japanese transcribe English names.  Inserted after the punctuation rule.
VARIANT_RULES: Mapping[str, tuple[str, str]] = {
    # non-rhotic r: 에어버스/エアバス Airbus, 노스롭 Northrop, 팔란티어 Palantir, 콩스버그 Kongsberg
    "non_rhotic": ("(?<=[aeiouy])r(?=[^aeiouyhw]|$)", ""),
    # a final plural s that Korean and Japanese leave out: 한화시스템 Hanwha Systems, BAEシステム
    "no_plural_s": ("(?<=[a-z]{3})s(?= |$)", ""),
}


def _variant(*names: str) -> _Compiled:
    rows = list(LATIN_RULES)
    for name in names:
        rows.insert(2, VARIANT_RULES[name])
    return SkeletonRules(latin_rules=tuple(rows)).compile()


@lru_cache(maxsize=1)
def _variants() -> tuple[_Compiled, ...]:
    return (_variant("non_rhotic"), _variant("no_plural_s"), _variant("non_rhotic", "no_plural_s"))


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
        base = _DEFAULT_COMPILED(s)
        if dominant_script(s) != "latin":
            return frozenset({base})
        return frozenset({base, *(v(s) for v in _variants())})
    except Exception:  # pragma: no cover - defensive
        return frozenset()
