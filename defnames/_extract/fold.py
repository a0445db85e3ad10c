"""The length-preserving fold of free text: lower case, Latin accents removed, punctuation and
dashes read as spaces, so every offset in the folded text is an offset in the original.

>>> search_fold("Đuro-Đaković, d.d.")
'duro dakovic  d d '
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from defnames._text.scripts import MARKS

__all__ = ["search_fold"]


@cache
def _search_table() -> dict[int, str]:
    """Length-preserving fold: punctuation to space, Latin accents to base letters."""
    table: dict[int, str] = {}
    for cp in range(0x20, 0x3000):
        c = chr(cp)
        cat = unicodedata.category(c)
        if cat[0] in "PSZC":
            table[cp] = " "
        elif 0xC0 <= cp <= 0x24F or 0x1E00 <= cp <= 0x1EFF:
            base = unicodedata.normalize("NFKD", c)[0].lower()
            if base.isascii() and base.isalpha():
                table[cp] = base
    for c, r in {"đ": "d", "ł": "l", "ø": "o", "ı": "i", "ħ": "h", "ŧ": "t", "ƀ": "b"}.items():
        table[ord(c)] = r
    for c in "\t\n\r\x0b\x0c":
        table[ord(c)] = " "
    del table[ord("&")]  # "Sellier & Bellot", "Heckler & Koch": kept, as in the patterns
    return table


def search_fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text of exactly the same length.

    >>> search_fold("Đuro Đaković's, KNDS–Nexter")
    'duro dakovic s  knds nexter'
    """
    if "İ" in text:
        text = text.replace("İ", "I")
    low = text.lower()
    if len(low) != len(text):  # some other letter lower-cases to two characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if _ACCENTED.search(low) is None:
        # no accented Latin letter: a C-speed regex does what the per-character table does
        return _PUNCT.sub(" ", low)
    return low.translate(_search_table())


_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
# everything but letters, digits and the combining vowel signs that belong inside words
_PUNCT = re.compile(f"(?:[^\\w{MARKS}&]|_)")
