"""Finding every mention of a registry entity in free text, in one pass.

How it works:

1. The text is folded without changing its length — lower case, Latin accents removed,
   punctuation and dashes read as spaces — so every offset in the folded text is an offset
   in the original (``text[m.start:m.end] == m.text`` always holds).
2. One Aho–Corasick automaton (pyahocorasick) holding every registry name, padded with
   spaces so that only whole words match, finds all name occurrences at C speed; the
   longest wins where they overlap ("Thales Alenia Space" over "Thales"). Names in scripts
   written without spaces (Hangul, CJK) match inside words.
3. Each hit is checked: acronyms must be written in capitals ("HAL", not "hal"); a name
   that is also an everyday word ("Arsenal", "Patria", "Thales", "Indra") must be
   capitalised, must not run on into a longer proper name ("Leonardo da Vinci", "Thales of
   Miletus"), and needs defense words nearby or a matching demonym ("the Bulgarian Arsenal").
4. Demonyms, countries and cities just before a name become country hints and the hit is
   resolved exactly as :func:`defnames.resolve` would ("Belgian Thales" → Thales Belgium).

>>> import defnames
>>> text = "KNDS – the union of the German KMW and the French Nexter – was invited."
>>> [(m.text, m.match.entity.id) for m in defnames.extract(text)]
[('KNDS', 'knds'), ('KMW', 'knds-deutschland'), ('Nexter', 'knds-france')]
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from defnames._candidates.candidate import METHOD, Candidate
from defnames._text.phrases import descriptor_at, place_at
from defnames._decide.rank import DEFAULT_MARGIN, DEFAULT_THRESHOLD, choose, rank, to_match
from defnames.errors import InputError
from defnames.models import Match, Mention
from defnames._index.names import NameEntry, has_cjk
from defnames._text.normalize import _MARKS

if TYPE_CHECKING:
    from defnames._lexicon import Lexicon
    from defnames._resolver import Registry

__all__ = ["extract_mentions"]

_WINDOW = 300  # characters of text on each side that count as a hit's context
_PARTICLES = frozenset({"of", "da", "di", "de", "del", "della", "van", "von", "der", "la", "le", "du", "dos", "das"})


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
_PUNCT = re.compile(f"(?:[^\\w{_MARKS}&]|_)")


@dataclass(frozen=True, slots=True)
class _Pattern:
    key: str  # the variant as folded (without pads or prefix)
    padded: bool  # whole words only
    inflected: bool = False  # may run on into a CJK particle ("IHIが") or a case ending
    endings: bool = False  # ... and may carry a short case ending: "Ростеха", "Rheinmetallu"
    prefix: int = 0  # characters of a clitic before the name: Hebrew "ו", Arabic "و"
    blocked: bool = False  # a name that is not a defense company: it hides shorter names inside it


_CLITICS = {"hebrew": "והבלמשכ", "arabic": "وبلفك"}
_HEBREW = re.compile("[\u0590-\u05ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")


class _Automaton:
    """Every registry name in one Aho–Corasick automaton."""

    def __init__(self, reg: Registry) -> None:
        import ahocorasick

        index = reg.index
        self.index = index
        variants: dict[str, set[str]] = {}
        for key, entries in index.by_key.items():
            variants.setdefault(key, set()).add(key)
            for e in entries:
                if e.kind == "acronym" or e.translit:
                    continue  # their written form is another entry's name
                v = " ".join(search_fold(e.name).split())
                if v:
                    variants.setdefault(v, set()).add(key)
        self.keys_of = {v: sorted(ks) for v, ks in variants.items()}
        # well-known names that are not defense companies take their words first ("Hanwha Life")
        self.blocked = {" ".join(search_fold(n).split()) for n in reg.lexicon.not_defense} - {""}
        auto: Any = ahocorasick.Automaton()
        for v in self.blocked:
            auto.add_word(f" {v} ", _Pattern(v, True, blocked=True))
        for v, keys in self.keys_of.items():
            if v in self.blocked:
                continue
            if has_cjk(v):
                auto.add_word(v, _Pattern(v, False))
                continue
            auto.add_word(f" {v} ", _Pattern(v, True))
            strong = not any(x.weak for k in keys for x in index.by_key[k])
            last = v.rsplit(" ", 1)[-1]
            if (strong and len(last) >= 5 and last.isalpha()) or v.isascii():
                # case endings for distinctive names; CJK particles for any Latin name ("IHIが")
                auto.add_word(f" {v}", _Pattern(v, True, inflected=True, endings=strong and len(last) >= 5))
            clitics = _CLITICS["hebrew"] if _HEBREW.search(v) else _CLITICS["arabic"] if _ARABIC.search(v) else ""
            for c in clitics:
                auto.add_word(f" {c}{v} ", _Pattern(v, True, prefix=1))
        auto.make_automaton()
        self.auto = auto


_build_lock = threading.Lock()


def _automaton_for(reg: Registry) -> _Automaton:
    """The registry's automaton, built on first use and kept on the registry (not in a global
    cache, so a registry a user drops is freed with its automaton)."""
    am: _Automaton | None = reg.__dict__.get("_automaton")
    if am is None:
        with _build_lock:
            am = reg.__dict__.get("_automaton")
            if am is None:
                am = _Automaton(reg)
                reg.__dict__["_automaton"] = am
    return am




def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_PRODUCT_NOUNS = frozenset({"rifle", "rifles", "pistol", "pistols", "revolver", "revolvers", "carbine", "carbines",
                            "shotgun", "shotguns", "submachine", "handgun", "handguns", "sniper"})
_LOCATIVE_WORDS = frozenset({"in", "at", "near", "outside", "from", "to", "i", "w", "we", "v", "ve", "в", "у", "à",
                             "en"})
# "adjudicado a Indra", "assegnato a Leonardo": in Spanish, Italian and Portuguese "a" is "to"
_ROMANCE_VERB_ENDINGS = ("ado", "ido", "ato", "ito", "ada", "ida", "ata", "ita", "ados", "ati", "ou", "ó", "à")
_OBJECT_DETERMINERS = frozenset({"a", "an", "my", "his", "her", "their", "our", "your", "this", "that"})


def _is_given_name(word: str, before: str, lex: Lexicon) -> bool:
    """A capitalised word right before a weak name, not at a sentence start and not a known
    demonym or descriptor: most often a first name ("Javier Escribano")."""
    if not (word[:1].isupper() and word.isalpha() and not word.isupper()):
        return False
    head = before.rstrip()[: -len(word)].rstrip()
    if not head or head[-1] in ".!?:;\"“«(—–-":
        return False  # a sentence or a quotation starts there
    folded = word.casefold()
    return (folded,) not in lex.places and (folded,) not in lex.descriptors and not lex.stem_country(folded)


def _surface_ok(entries: list[NameEntry], surface: str, after: str, before: str, lex: Lexicon, *,
                town: bool = False, lowercase_text: bool = False, caps_text: bool = False) -> bool:
    """Case, place and run-on checks for acronyms, towns and names that are also everyday words.

    ``town``: the name is also a town ("Kongsberg", "Raufoss", "Oshkosh"); ``lowercase_text``:
    the text is written without capitals; ``caps_text``: the line is all in capitals.
    """
    cased = any(c.lower() != c.upper() for c in surface)  # Hebrew, Arabic, CJK have no capitals
    if cased and len(surface.strip()) <= 2 and not _is_caps(surface):
        return False  # "Il" (Italian article) is not Ilyushin's "IL"
    if cased and not lowercase_text and surface.islower() and " " not in surface and not any(
        e.name.islower() for e in entries  # "thyssenkrupp" writes itself so
    ):
        return False  # "guerra elettronica": in edited text a company's name has capitals
    if town:
        prev = before.split()[-2:]
        if after.lstrip().startswith(",") and after.lstrip(" ,")[:1].isupper():
            return False  # "KONGSBERG, Norway —", "Oshkosh, Wisconsin": a dateline or an address
        if prev and (prev[-1].casefold() in _LOCATIVE_WORDS or " ".join(prev).casefold() in ("town of", "city of")):
            return False  # "in Kongsberg", "at Raufoss", "the town of Kongsberg"
    if caps_text:
        after = ""  # in an all-capitals line every word looks like a proper name
    if not all(e.weak or e.kind == "acronym" for e in entries):
        if cased and any(len(e.key) <= 4 and _is_caps(e.name) and " " not in e.key for e in entries):
            return _is_caps(surface) or (not surface.islower() and len(surface) > 3)
        return True
    if cased:
        if any(_is_caps(e.name) for e in entries) and len(surface) <= 5:
            if not _is_caps(surface):
                return False
        elif not surface[:1].isupper():
            return False
    words = after.split()[:2]
    prev = before.split()[-2:]
    if cased and prev and _is_given_name(prev[-1], before, lex):
        return False  # "Javier Escribano", "Anatoly Antonov": a person
    romance_a = len(prev) == 2 and prev[-1] == "a" and prev[0].casefold().endswith(_ROMANCE_VERB_ENDINGS)
    if prev and prev[-1].casefold() in _OBJECT_DETERMINERS and not romance_a and not (words and words[0][:1].isupper()):
        return False  # "a Volvo", "my Saab": a thing, not the company ("a Kratos Valkyrie" is its maker)
    if words and words[0][:1].isupper() and words[0].isalpha():
        return False  # "Leonardo DiCaprio", "Saab Automobile"
    if words and (words[0][:1].isdigit() or (words[0][:1] in "-‑–" and words[0][1:2].isdigit())):
        return False  # "Saab 900", "PAC-3", "Arsenal 2-0": a model or a score, not the company
    if words and words[0].casefold().strip(".,;:") in _PRODUCT_NOUNS:
        return False  # "the Kalashnikov rifle", "a Colt revolver": the weapon, not the maker
    # "Leonardo da Vinci", "Thales of Miletus"
    return not (len(words) == 2 and words[0] in _PARTICLES and words[1][:1].isupper())


_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n\s*\n")


_SPACES = re.compile(r"\s{2,}")
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])[-‐‑][ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def _squeeze(folded: str, text: str) -> tuple[str, Callable[[int], int]]:
    """The folded text with runs of spaces made one ("Lockheed" + CR LF + "Martin") and words
    hyphenated across a line break joined ("Rhein-" + LF + "metall"), and the map from its
    offsets back to the original's."""
    # only runs of whitespace in the original can split a name; those after punctuation
    # (", ", ". ") never do, and leaving them keeps this cheap
    hyphenated = "\n" in text and any(h in text for h in ("-\n", "-\r", "- \n", "‐\n", "‑\n"))
    # "De-|fence" joins into one word; "Rolls-|Royce" keeps its hyphen
    removals: list[tuple[int, int]] = (
        [(m.start() + text[m.end()].isupper(), m.end()) for m in _HYPHEN_BREAK.finditer(text)]
        if hyphenated else [])
    breaks = list(removals)
    removals += [(m.start() + 1, m.end()) for m in _SPACES.finditer(text)
                 if not any(a <= m.start() < b for a, b in breaks)]
    if not removals:
        return folded, lambda i: i
    removals.sort()
    pieces: list[str] = []
    cpos: list[int] = []  # where each kept stretch starts in the squeezed text
    opos: list[int] = []  # ... and in the original
    at = length = 0
    for a, b in removals:
        if a < at:
            continue
        pieces.append(folded[at:a])
        cpos.append(length)
        opos.append(at)
        length += a - at
        at = b
    pieces.append(folded[at:])
    cpos.append(length)
    opos.append(at)

    def to_orig(i: int) -> int:
        k = bisect_right(cpos, i) - 1
        return opos[k] + (i - cpos[k])

    return "".join(pieces), to_orig


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding a hit starts and ends (at most 300 characters each side):
    the context that decides whether a weak name means the company."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    cuts = list(_SENTENCE.finditer(text, lo, start))
    m = _SENTENCE.search(text, end, hi)
    return (cuts[-1].end() if cuts else lo), (m.start() if m else hi)


def _hints_before(folded: str, start: int, reg: Registry) -> frozenset[str]:
    """Country hints from the words just before a name: 'the French-Italian MBDA'."""
    return _hints_from_words(tuple(folded[max(0, start - 80) : start].split()[-6:]), reg.lexicon)


@lru_cache(maxsize=16384)
def _hints_from_words(words_t: tuple[str, ...], lex: Lexicon) -> frozenset[str]:
    words = list(words_t)
    hints: set[str] = set()
    i = len(words)
    while i > 0:
        matched = False
        for n in range(min(lex.places_max, i), 0, -1):
            p = place_at(words, i - n, lex)
            if p and p[0] == i:
                hints.add(p[1])
                i -= n
                matched = True
                break
        if matched:
            continue
        for n in (3, 2, 1):
            if n <= i and descriptor_at(words, i - n, lex) == i:
                i -= n
                matched = True
                break
        if matched:
            continue
        if words[i - 1] == "s":  # possessive: "Germany's"
            i -= 1
            continue
        break
    return frozenset(hints)


def extract_mentions(
    reg: Registry,
    text: str,
    *,
    context: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    margin: float = DEFAULT_MARGIN,
) -> list[Mention]:
    """Every mention of a registry entity in ``text``, in order of position."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if context is not None and not isinstance(context, str):
        raise InputError(f"context must be a string, not {type(context).__name__}")
    if not text.strip():
        return []
    am = _automaton_for(reg)
    folded = search_fold(text)
    squeezed, to_orig = _squeeze(folded, text)
    padded = f" {squeezed} "
    hits: list[tuple[int, int, str]] = []
    for end, pat in am.auto.iter(padded):
        # ``end`` is the last index of the pattern in ``padded``, one ahead of ``folded``
        if pat.inflected:  # " key" then a case ending ("Ростеха"), or a CJK particle ("IHIが")
            start = end - len(pat.key)
            nxt = padded[end + 1] if end + 1 < len(padded) else " "
            if nxt != " " and has_cjk(nxt) and not has_cjk(pat.key):
                hits.append((start, end, pat.key))
                continue
            j = end + 1
            while j < len(padded) and padded[j].isalpha() and j - end <= 4:
                j += 1
            first = text[to_orig(start)]
            capital = first.isupper() or first.lower() == first.upper()  # "armoured" is not Armor
            if pat.endings and 1 <= j - end - 1 <= 3 and padded[j] == " " and capital:
                hits.append((start, j - 1, pat.key))
        elif pat.padded:  # " key ": the name ends just before the closing pad space
            hits.append((end - len(pat.key) - 1, end - 1, ("!" if pat.blocked else "") + pat.key))
        else:
            hits.append((end - len(pat.key), end, pat.key))
    # back to offsets in the original text
    hits = [(to_orig(a), to_orig(b - 1) + 1, k) for a, b, k in hits]
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, str]] = []
    used: list[tuple[int, int]] = []
    for h in hits:
        if all(h[1] <= a or h[0] >= b for a, b in used):
            taken.append(h)
            used.append((h[0], h[1]))
    taken = sorted(h for h in taken if not h[2].startswith("!"))  # blocked names yield nothing
    def looks_weak(s: int, e: int, variant: str) -> bool:
        # a one-word name written in lower case ("a fiat") needs the same support as a weak one
        surface = text[s:e]
        return (surface.islower() and " " not in surface) or any(
            x.weak for k in am.keys_of[variant] for x in am.index.by_key[k])

    strong_at = [s for s, e, v in taken if not looks_weak(s, e, v)]
    out: list[Mention] = []
    recognised: set[str] = set()
    lowercase_text = not any(c.isupper() for c in text)
    decided: dict[tuple[str, frozenset[str], bool, str | None, int], Match | None] = {}
    for s, e, variant in taken:
        surface = text[s:e]
        entries = [x for k in am.keys_of[variant] for x in am.index.by_key[k]]
        town = any(tuple(k.split()) in reg.lexicon.cities for k in am.keys_of[variant])
        caps_text = False
        if any(x.weak for x in entries):  # only weak names are checked for run-on words
            line_end = text.find("\n", e)
            line = text[text.rfind("\n", 0, s) + 1 : line_end if line_end >= 0 else len(text)]
            caps_text = line.upper() == line
        if not _surface_ok(entries, surface, text[e : e + 40], text[max(0, s - 20) : s], reg.lexicon, town=town,
                           lowercase_text=lowercase_text, caps_text=caps_text):
            continue
        hints = _hints_before(folded, s, reg)
        weak = looks_weak(s, e, variant)
        window = None
        bonus = 0
        if weak:
            s0, s1 = _sentence_bounds(text, s, e)
            window = text[s0:s] + " " + text[e:s1]
            if context:
                window = f"{context} {window}"
            # another company named in the sentence, the legal form written out ("Saab AB"), or
            # the same company already recognised earlier in the text, is evidence
            bonus = int(any(s0 <= x < s1 and x != s for x in strong_at))
            bonus += int(variant not in am.index.by_key)
            bonus += int(any(reg.successor_of(x.entity_id) in recognised for x in entries))
        elif context:
            window = context
        ck = (variant, hints, weak and bool(window), window if weak else context, bonus)
        if ck not in decided:
            cands = [Candidate(x, 100.0, METHOD[x.kind], hints) for x in entries]
            ranked = rank(reg, cands, context=window, country=None, mention=surface, support_bonus=bonus,
                          all_weak=weak)
            top = choose(ranked, threshold, margin)
            decided[ck] = to_match(reg, top, variant, window, surface) if top else None
        m = decided[ck]
        if m is not None:
            out.append(Mention(start=s, end=e, text=surface, match=m))
            recognised.add(m.entity.id)
    return out
