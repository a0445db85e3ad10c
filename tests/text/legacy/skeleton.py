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

from defnames._text.scripts import script_blocks  # noqa: E402 - the tables are the current ones

_SCRIPT_BLOCKS = script_blocks()


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

from defnames._text.skeleton import CONSONANT_CLASSES, LATIN_RULES, SCRIPT_POST, SCRIPT_PRE  # noqa: E402


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
from defnames._text.skeleton import VARIANT_RULES  # noqa: E402


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
