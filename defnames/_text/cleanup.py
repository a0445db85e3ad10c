"""Clean raw text before any key is built: Unicode compatibility forms, HTML entities, invisible marks.

``clean_text`` is total (never raises) and linear in the length of its input.

>>> clean_text("ＩＨＩ Corporation")
'IHI Corporation'
>>> clean_text("BAE Systems &amp; Saab")
'BAE Systems & Saab'
>>> clean_text("Defence amp; Aerospace")
'Defence & Aerospace'
>>> clean_text("Rafael\u200b Advanced\u200f Defense")
'Rafael Advanced Defense'
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["INVISIBLE_CHARS", "clean_text"]

#: Characters removed outright: zero-width marks, bidi embeddings/overrides/isolates, BOM, soft hyphen.
#: (Unicode General Category Cf members that carry no letters; combining marks, category M, are kept.)
INVISIBLE_CHARS: frozenset[str] = frozenset(
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b\u200c\u200d"  # zero width space, non-joiner, joiner
    "\u200e\u200f"  # left-to-right / right-to-left mark
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # zero width no-break space / BOM
)
_INVISIBLE_TABLE = {ord(c): None for c in INVISIBLE_CHARS}
# Other control characters (Cc) become a space, except tab/newline/carriage return.
_CONTROL_TABLE = {i: " " for i in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}

# An entity name left behind when a scraper dropped the "&" (the tell-tale "amp;" form) and followed
# by ";".  "amp", "lt", "gt" only after a non-word character or at the start (words end in "-amp",
# "Camp;"); "quot", "apos", "nbsp" and numeric forms also glued to a word ("Baykar#39;ın",
# "Rostecquot;"), since no ordinary word ends in them.  Other words ending in ";" are left alone.
_BROKEN_ENTITY = re.compile(r"(?<![\w&])(?:amp|lt|gt);|(?<!&)(?:quot|apos|nbsp|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_UNESCAPE_PASSES = 3  # "&amp;amp;" (escaped twice) is common; more passes than this is data, not damage


def _fix_broken_entity(m: re.Match[str]) -> str:
    return html.unescape("&" + m.group(0))


# a dash right after a katakana letter (and not before a digit) is the long-vowel mark ー typed
# with the wrong key: ネクスタ― and ネクスター are one name
_KANA_DASH = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[-\u2010-\u2015\u2212](?![0-9])")


def clean_text(s: str) -> str:
    """Return ``s`` with NFKC forms, decoded HTML entities and without invisible control marks.

    Steps: HTML entities are decoded (also doubly escaped ones and the broken ``amp;`` form whose
    ``&`` was stripped), Unicode NFKC is applied (fullwidth and other compatibility forms, ligatures,
    no-break spaces), zero-width and bidi control characters are removed and other C0/C1 control
    characters become spaces.  Combining sequences are kept (NFKC composes them where Unicode has a
    precomposed letter).  Whitespace is not collapsed.  Never raises: a non-``str`` argument is
    turned into ``str`` first, and lone surrogates are replaced by U+FFFD.

    >>> clean_text("Thales &quot;Alenia&quot; &#38; Co")
    'Thales "Alenia" & Co'
    >>> clean_text("Saab&amp;amp;Kockums")
    'Saab&Kockums'
    >>> clean_text("quot;KNDSquot; Camp; ramp;")   # "amp;" glued to a word is left alone
    '"KNDS" Camp; ramp;'
    >>> clean_text("A\\u0308") == "\\u00c4"    # a combining sequence is composed, not stripped
    True
    >>> clean_text("ＬＩＧ　Ｎｅｘ１")
    'LIG Nex1'
    >>> clean_text("ネクスタ―")
    'ネクスター'
    >>> clean_text("\\ud800x")
    '\\ufffdx'
    """
    try:
        if not isinstance(s, str):
            s = str(s)
        if s.isascii() and "&" not in s and ";" not in s:
            # nothing to decode, no invisible marks, ASCII is its own NFKC form: only controls
            return s if s.isprintable() else s.translate(_CONTROL_TABLE)
        if _SURROGATE.search(s):  # surrogate pairs are joined, lone surrogates become U+FFFD
            s = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        for _ in range(_MAX_UNESCAPE_PASSES):
            if "&" not in s:
                break
            t = html.unescape(s)
            if t == s:
                break
            s = t
        if ";" in s:
            s = _BROKEN_ENTITY.sub(_fix_broken_entity, s)
        s = s.translate(_INVISIBLE_TABLE)
        s = unicodedata.normalize("NFKC", s)
        if _KANA_DASH.search(s):  # "ネクスタ―": a dash typed for the long-vowel mark ー
            s = _KANA_DASH.sub("ー", s)
        # NFKC can produce new invisible or control characters only in theory; translate once more cheaply.
        return s.translate(_INVISIBLE_TABLE).translate(_CONTROL_TABLE)
    except Exception:  # pragma: no cover - defensive: unicodedata/html accept every str
        return _fallback(s)


def _fallback(s: object) -> str:
    try:
        text = s if isinstance(s, str) else str(s)
        return text.encode("utf-8", "replace").decode("utf-8", "replace")
    except Exception:
        return ""
