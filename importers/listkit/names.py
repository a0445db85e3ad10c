"""Splitting the free-text name fields of official lists into names."""

from __future__ import annotations

import re

from .record import clean, script

_AKA = re.compile(r"\b([afn])\.\s?k\.\s?a\.?\s*:?", re.I)
_TRAILING_ABBR = re.compile(r"^(?P<base>.+?)\s*\((?P<abbr>[^()]{1,40})\)$")
_JA_FORMS = (
    "非公開株式会社",
    "公開株式会社",
    "公共株式会社",
    "閉鎖型株式会社",
    "株式会社",
    "有限責任会社",
    "有限会社",
    "合同会社",
)


def split_aka(text: str) -> list[tuple[str, str]]:
    """'JSC ICC Milandr, a.k.a. Milandr; f.k.a. Old Name' -> [(aka, ...), (aka, ...), (fka, ...)].

    The text before the first marker counts as an a.k.a.; separators are ';' and the markers.
    """
    out: list[tuple[str, str]] = []
    parts = _AKA.split(text)
    first, rest = parts[0], parts[1:]
    for piece in first.split(";"):
        if clean(piece):
            out.append(("aka", clean(piece)))
    for marker, piece in zip(rest[::2], rest[1::2]):
        kind = "fka" if marker.lower() == "f" else "aka"
        for sub in piece.split(";"):
            if clean(sub):
                out.append((kind, clean(sub)))
    return out


def with_abbreviation(name: str) -> list[str]:
    """'Korea Mining Development Trading Corporation (KOMID)' -> [the name, 'KOMID'];
    a name without a trailing parenthesis is returned alone."""
    m = _TRAILING_ABBR.match(name)
    if not m or len(m.group("base")) < 3:
        return [name]
    return [clean(m.group("base")), clean(m.group("abbr"))]


def japanese_without_form(name: str) -> list[str]:
    """A Japanese name with a leading or trailing legal form cut off:
    '公共株式会社ユナイテッド・エアクラフト' -> ['ユナイテッド・エアクラフト']; [] when none."""
    if script(name) != "cjk":
        return []
    n = name
    for form in _JA_FORMS:
        if n.startswith(form) and len(n) > len(form) + 1:
            n = n[len(form) :].strip()
            break
    for form in _JA_FORMS:
        if n.endswith(form) and len(n) > len(form) + 1:
            n = n[: -len(form)].strip()
            break
    return [n] if n != name and len(n) >= 2 else []
