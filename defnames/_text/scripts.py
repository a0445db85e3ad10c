"""The one place for Unicode script tests: which scripts a string uses, and the combining
marks that are vowels (Indic, Thai, Hebrew, Arabic) rather than accents.

The scripts are code-point blocks (``reference/lexicon/scripts.yml``, enough for the scripts names
are written in), read from the compiled lexicon on first use.

>>> has_cjk("三菱重工"), has_cjk("Mitsubishi")
(True, False)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from defnames._lexicon import lexicon

__all__ = ["MARKS", "char_script", "dominant_script", "has_cjk", "script_blocks", "script_runs"]

# the combining vowel signs of Indic, Thai, Hebrew and Arabic script (Python's \w leaves them
# out, which would cut "हिंदुस्तान" into pieces)
MARKS = "\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e"
_CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def has_cjk(s: str) -> bool:
    """True when a string has Hangul, kana or CJK ideographs (scripts written without spaces)."""
    return not s.isascii() and _CJK.search(s) is not None


@cache
def script_blocks() -> tuple[tuple[int, int, str], ...]:
    """``(first, last, script)`` code-point blocks of ``scripts.yml`` (they do not overlap)."""
    return tuple((int(lo), int(hi), name) for name, ranges in lexicon().script_blocks.items() for lo, hi in ranges)


def _block_script(c: str) -> str | None:
    o = ord(c)
    for lo, hi, name in script_blocks():
        if lo <= o <= hi:
            if name == "latin" and not c.isalpha():
                return None
            return name
    return "other" if c.isalpha() else None


# Each script is written as one code character, so that ``str.translate`` finds the scripts of a
# whole string in one pass; script-less characters become _NO_SCRIPT.
_NO_SCRIPT = " "


class _ScriptCodes(dict[int, str]):
    """Code point -> script code character, filled on first sight of each character."""

    def __init__(self) -> None:
        super().__init__()
        names = list(dict.fromkeys([b[2] for b in script_blocks()] + ["other"]))
        self.names: dict[str, str | None] = {chr(0x41 + i): name for i, name in enumerate(names)}
        self.names[_NO_SCRIPT] = None
        self.code_of = {name: code for code, name in self.names.items()}
        for o in range(0x80):
            self.__missing__(o)  # ASCII filled up front

    def __missing__(self, o: int) -> str:
        code = self.code_of[_block_script(chr(o))]
        self[o] = code
        return code


@cache
def _codes() -> _ScriptCodes:
    return _ScriptCodes()


_RUN = re.compile(r" *([^ ])(?:\1| )*")  # one script's run: its letters and the script-less characters after
_ASCII_LETTER = re.compile("[A-Za-z]")


def char_script(c: str) -> str | None:
    """The script of one character (``latin``, ``cyrillic``, ``arabic``, ``han``, ...), ``None`` if none.

    Digits, spaces and punctuation have no script.

    >>> char_script("ж"), char_script("ب"), char_script("한"), char_script("3"), char_script("ー")
    ('cyrillic', 'arabic', 'hangul', None, 'kana')
    """
    o = ord(c)
    if o < 0x80:
        return "latin" if c.isalpha() else None
    codes = _codes()
    return codes.names[codes[o]]


def script_runs(s: str) -> Iterator[tuple[str | None, str]]:
    """Cut ``s`` into maximal runs of one script; script-less characters join the run they follow.

    >>> list(script_runs("BAE시스템스 Ltd"))
    [('latin', 'BAE'), ('hangul', '시스템스 '), ('latin', 'Ltd')]
    """
    table = _codes()
    codes = s.translate(table)
    found = False
    for m in _RUN.finditer(codes):
        found = True
        yield table.names[m.group(1)], s[m.start() : m.end()]
    if s and not found:
        yield None, s


def dominant_script(s: str) -> str | None:
    """The script with the most letters in ``s`` (ties: the first seen); ``None`` for no letters.

    >>> dominant_script("Baykar Teknoloji'nin"), dominant_script("ОКБ Сухого"), dominant_script("BAE시스템스")
    ('latin', 'cyrillic', 'hangul')
    """
    if s.isascii():
        return "latin" if _ASCII_LETTER.search(s) else None
    table = _codes()
    codes = s.translate(table).replace(_NO_SCRIPT, "")
    if not codes:
        return None
    first = codes[0]
    if codes.count(first) == len(codes):
        return table.names[first]
    counts = Counter(codes)  # in order of first sight: max() keeps the first of equals
    return table.names[max(counts, key=counts.__getitem__)]
