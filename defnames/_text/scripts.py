"""The one place for Unicode script tests: which scripts a string uses, and the combining
marks that are vowels (Indic, Thai, Hebrew, Arabic) rather than accents.

>>> has_cjk("三菱重工"), has_cjk("Mitsubishi")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["MARKS", "has_cjk"]

# the combining vowel signs of Indic, Thai, Hebrew and Arabic script (Python's \w leaves them
# out, which would cut "हिंदुस्तान" into pieces)
MARKS = "\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e"
_CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def has_cjk(s: str) -> bool:
    """True when a string has Hangul, kana or CJK ideographs (scripts written without spaces)."""
    return not s.isascii() and _CJK.search(s) is not None
