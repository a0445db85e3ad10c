"""Is a hit written as a company name? Acronyms in capitals, weak names capitalised and not run
on into a longer proper name, a model number, a weapon noun or a person's first name."""

from __future__ import annotations

from defnames._index.names import NameEntry
from defnames._lexicon import Lexicon
from defnames._text.phrases import read_as_town
from defnames.models import NameKind

__all__ = ["surface_ok"]


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_given_name(word: str, before: str, lex: Lexicon) -> bool:
    """A capitalised word right before a weak name, not at a sentence start and not a known
    demonym or descriptor: most often a first name ("Javier Escribano")."""
    if not (word[:1].isupper() and word.isalpha() and not word.isupper()):
        return False
    head = before.rstrip()[: -len(word)].rstrip()
    if not head or head[-1] in '.!?:;"“«(—–-':
        return False  # a sentence or a quotation starts there
    folded = word.casefold()
    if folded.endswith(lex.descriptor_suffixes) and len(folded) > 6:
        return False  # "Försvarskoncernen Saab", "Rüstungskonzern Rheinmetall": a compound descriptor
    return (folded,) not in lex.places and (folded,) not in lex.descriptors and not lex.stem_country(folded)


def _is_latin(s: str) -> bool:
    return all(ord(c) < 0x250 for c in s if c.isalpha())


def _same_script(word: str, surface: str) -> bool:
    """The word after a name is in the name's script (Latin after Latin, Cyrillic after Cyrillic)."""
    return _is_latin(word) == _is_latin(surface)


def _case_ok(entries: list[NameEntry], surface: str, cased: bool, lowercase_text: bool) -> bool:
    # ("Il", the Italian article, is not Ilyushin's "IL": names of three letters or fewer are weak,
    # and a weak name the registry writes in capitals needs capitals; see _weak_case_ok)
    # "guerra elettronica": in edited text a company's name has capitals ("thyssenkrupp" writes itself so)
    return not (
        cased
        and not lowercase_text
        and surface.islower()
        and " " not in surface
        and not any(e.name.islower() for e in entries)
    )


def _weak_case_ok(entries: list[NameEntry], surface: str) -> bool:
    if any(_is_caps(e.name) for e in entries) and len(surface) <= 5:
        return _is_caps(surface)
    return surface[:1].isupper()


def _not_a_thing_or_person(surface: str, after: str, before: str, lex: Lexicon, cased: bool) -> bool:
    """What stands around a weak name says it is the company, not a person, a product, a model."""
    words = after.split("\n", 1)[0].split()[:2]  # a name that ends a line (a headline) runs on into nothing
    prev = before.split()[-2:]
    if cased and prev and _is_given_name(prev[-1], before, lex):
        return False  # "Javier Escribano", "Anatoly Antonov": a person
    romance_a = len(prev) == 2 and prev[-1] == "a" and prev[0].casefold().endswith(lex.romance_verb_endings)
    next_capital = bool(words) and words[0][:1].isupper()
    if prev and prev[-1].casefold() in lex.object_determiners and not romance_a and not next_capital:
        return False  # "a Volvo", "my Saab": a thing, not the company ("a Kratos Valkyrie" is its maker)
    if not words:
        return True
    first = words[0]
    if (first.casefold().strip(".,;:"),) in lex.legal_end:
        return True  # "Thales SA", "Saab AB": a legal form says it is the company
    descriptor = (first.casefold(),) in lex.descriptors or (
        first.casefold().endswith(lex.descriptor_suffixes) and len(first) > 6
    )
    if first[:1].isupper() and first.isalpha() and _same_script(first, surface) and not descriptor:
        return False  # "Leonardo DiCaprio", "Saab Automobile" (not "PGZ Адам": another script)
    if first[:1].isdigit() or (first[:1] in "-‑–" and first[1:2].isdigit()):
        return False  # "Saab 900", "PAC-3", "Arsenal 2-0": a model or a score, not the company
    if first.casefold().strip(".,;:") in lex.product_nouns:
        return False  # "the Kalashnikov rifle", "a Colt revolver": the weapon, not the maker
    # "Leonardo da Vinci", "Thales of Miletus"
    return not (len(words) == 2 and first in lex.name_particles and words[1][:1].isupper())


def surface_ok(
    entries: list[NameEntry],
    surface: str,
    after: str,
    before: str,
    lex: Lexicon,
    *,
    town: bool = False,
    lowercase_text: bool = False,
    caps_text: bool = False,
) -> bool:
    """Case, place and run-on checks for acronyms, towns and names that are also everyday words.

    ``town``: the name is also a town ("Kongsberg", "Raufoss", "Oshkosh"); ``lowercase_text``:
    the text is written without capitals; ``caps_text``: the line is all in capitals.
    """
    cased = any(c.lower() != c.upper() for c in surface)  # Hebrew, Arabic, CJK have no capitals
    if not _case_ok(entries, surface, cased, lowercase_text):
        return False
    if town and read_as_town(after, before, lex):
        return False
    if not all(e.weak or e.kind is NameKind.acronym for e in entries):
        if cased and any(len(e.key) <= 4 and _is_caps(e.name) and " " not in e.key for e in entries):
            return _is_caps(surface) or (not surface.islower() and len(surface) > 3)
        return True
    if cased and not _weak_case_ok(entries, surface):
        return False
    # in an all-capitals line every word looks like a proper name
    return _not_a_thing_or_person(surface, "" if caps_text else after, before, lex, cased)
