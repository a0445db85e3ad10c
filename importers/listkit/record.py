"""One listing of an official list, as the shared pipeline sees it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DOUBLE_QUOTES = frozenset('"“”„«»「」『』')


def clean(text: str) -> str:
    """NFKC (full-width Latin and digits to ASCII), one space between words, double quotes
    (“”„«»「」"...) removed and stray separators trimmed: ' “356 ARZ PAO”; ' -> '356 ARZ PAO'."""
    t = unicodedata.normalize("NFKC", text or "")
    t = "".join(c for c in t if c not in _DOUBLE_QUOTES)
    t = " ".join(t.split())
    return t.strip(" ,;.:、。'‘’")


def script(name: str) -> str:
    """'latin', 'cjk', 'cyrillic' or 'other': the script of a name's letters (CJK first)."""
    if _CJK.search(name):
        return "cjk"
    if _CYRILLIC.search(name):
        return "cyrillic"
    if _LATIN.search(name):
        return "latin"
    return "other"


@dataclass
class Record:
    """A listing: ``uid`` is stable within its source (and never reused by the list).

    ``names`` is every listed name in list order, the primary name(s) first, as
    ``(kind, name)`` with kind ``primary``, ``aka`` or ``fka``. ``country`` is an ISO code
    or None; ``programs`` are the regimes or list sections it is under; ``identifiers`` the
    list's own numbers (keys like ``registration_ru``) plus the source's uid key.
    """

    uid: str
    names: list[tuple[str, str]]
    country: str | None
    programs: tuple[str, ...] = ()
    identifiers: dict[str, str] = field(default_factory=dict)
    is_entity: bool = True
    entity_type: str = ""  # for the drop reason when not an entity
    detail_url: str | None = None
    website: str | None = None
    state_owned: bool = False
    listed_on: str = ""  # date of the designation, when the list gives it
    parent_hint: str | None = None  # a group the list writes the entry under ("X, subsidiary")

    def all_names(self) -> list[str]:
        return list(dict.fromkeys(n for _, n in self.names if n))

    def display_source(self) -> str:
        """The name a new entity is called by: the first Latin-script name, else the first."""
        latin = [n for _, n in self.names if script(n) == "latin"]
        return latin[0] if latin else self.names[0][1]

    def former(self) -> set[str]:
        return {n for k, n in self.names if k == "fka"}
