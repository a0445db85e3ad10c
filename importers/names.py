"""Display names for listed entries: legal forms dropped, list capitals turned to title case."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from .namekey import KeyMaker

# Russian and English legal forms as sanctions lists spell them out, beyond the registry's
# legal_forms.yml (used for display names only, not for comparison keys).
LIST_FORMS = (
    "Limited Liability Company",
    "Joint Stock Company",
    "Joint-Stock Company",
    "Open Joint Stock Company",
    "Open Joint-Stock Company",
    "Closed Joint Stock Company",
    "Public Joint Stock Company",
    "Joint Public Stock Company",
    "Publicly Traded Company",
    "Non-Public Joint Stock Company",
    "Additional Liability Company",
    "Foreign Limited Liability Company",
    "International Limited Liability Company",
    "Aktsionernoe Obshchestvo",
    "Aktsionernoye Obshchestvo",
    "Otkrytoe Aktsionernoe Obshchestvo",
    "Publichnoe Aktsionernoe Obshchestvo",
    "Obshchestvo s Ogranichennoi Otvetstvennostyu",
    "Obshchestvo s Ogranichennoy Otvetstvennostyu",
    "Federal State Unitary Enterprise",
    "Federal SUE",
    "SUE",
    "FGUP",
    "Private Joint Stock Company",
    "Company Limited",
    "Co. Ltd.",
    "Co., Ltd.",
)

_SMALL = {"of", "and", "the", "for", "named", "after", "in", "on", "at", "de", "la", "del", "y", "na", "im"}
_VOWELS = set("aeiouy")
_UPPER = {
    "ooo",
    "oao",
    "zao",
    "pao",
    "okb",
    "ao",
    "npo",
    "npp",
    "nii",
    "jsc",
    "ojsc",
    "pjsc",
    "cjsc",
    "llc",
    "kb",
    "skb",
    "tsnii",
    "uec",
    "fze",
    "fzco",
    "fzc",
    "dprk",
    "irgc",
}


_CAPITALIZED = {"ltd", "llc", "co", "inc", "corp"}


def _part(part: str) -> str:
    """One hyphen-separated piece: consonant-only pieces (RT, KB, TSP) stay upper case."""
    low = part.lower()
    letters = [c for c in low if c.isalpha()]
    if letters and not _VOWELS & set(letters) and low.strip(".,") not in _CAPITALIZED:
        return part.upper()
    return low[:1].upper() + low[1:] if low[:1].isalpha() else low


def _word(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in _SMALL:
        return low
    if low.strip(".,'()") in _UPPER:
        return word
    if re.fullmatch(r"\d+(ST|ND|RD|TH)", word.upper()):
        return low
    if any(ch.isdigit() for ch in word):
        return word.upper()
    return "-".join(_part(p) for p in word.split("-"))


def title(name: str) -> str:
    """'JOINT STOCK COMPANY 60 ARSENAL' -> 'Joint Stock Company 60 Arsenal'; mixed case is kept.

    >>> title("SCIENTIFIC RESEARCH INSTITUTE OF RADIO ENGINEERING NPO")
    'Scientific Research Institute of Radio Engineering NPO'
    """
    if not name.isupper():
        return name
    words = name.split()
    return " ".join(_word(w, i == 0) for i, w in enumerate(words))


class DisplayNames:
    """Turns a listed name into ``name`` (no legal form) and ``legal_name`` (as listed)."""

    def __init__(self, keys: KeyMaker) -> None:
        extra = {tuple(keys.tokens(f)) for f in LIST_FORMS}
        self.keys = KeyMaker(keys.synonyms, keys.forms | extra, max(keys.longest, *(len(f) for f in extra)))

    def name(self, listed: str) -> str:
        stripped = self.keys.strip_forms(listed.replace("'", "").replace('"', "")) or listed
        return title(stripped)

    def legal_name(self, listed: str) -> str | None:
        full = title(listed.strip(" ,."))
        return full if full.casefold() != self.name(listed).casefold() else None

    def plain_forms(self, listed: list[str], known: set[str]) -> list[str]:
        """The listed names' plain forms that no name already spells (case-insensitively): the
        legal form dropped and list capitals turned to title case, as the press and registers
        write the company ("KAZAN OPTICAL-MECHANICAL PLANT JOINT STOCK COMPANY" -> "Kazan
        Optical-Mechanical Plant"). Names in a script without case and Latin names whose form
        is all they are keep no plain form. ``known`` holds casefolded names and is updated.

        >>> from importers.namekey import KeyMaker
        >>> d = DisplayNames(KeyMaker({}, frozenset(), 1))
        >>> d.plain_forms(["KAZAN OPTICAL-MECHANICAL PLANT JOINT STOCK COMPANY", "AO KOMZ"], {"ao komz"})
        ['Kazan Optical-Mechanical Plant']
        """
        out = []
        for n in listed:
            if not n.isascii():
                continue
            plain = self.name(n)
            if plain and plain.casefold() not in known and len(plain.split()) >= 2:
                known.add(plain.casefold())
                out.append(plain)
        return out


class KeyClaims(Protocol):
    """Who holds which comparison key in an import run (each importer's ``_Claims``)."""

    def free(self, key: str, eid: str) -> bool: ...

    def take(self, key: str, eid: str) -> None: ...


def add_plain_forms(
    display: DisplayNames,
    names: tuple[str, str | None, list[str], list[str]],
    key: Callable[[str], str],
    claims: KeyClaims,
    eid: str,
) -> None:
    """Append to an entity's aliases the plain forms of its legal name and aliases
    (:meth:`DisplayNames.plain_forms`) whose keys are free for ``eid`` (and take them).
    ``names`` is ``(name, legal_name, aliases, former_names)``; ``aliases`` grows in place."""
    name, legal, aliases, former = names
    known = {n.casefold() for n in (name, legal or "", *aliases, *former)}
    for plain in display.plain_forms([n for n in (legal or "", *aliases) if n], known):
        if claims.free(key(plain), eid):
            claims.take(key(plain), eid)
            aliases.append(plain)
