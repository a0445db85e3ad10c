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

from collections.abc import Callable
from dataclasses import dataclass, field

from defnames import _weights as W
from defnames._candidates.candidate import METHOD, Candidate
from defnames._decide.evidence import Evidence
from defnames._decide.explain import to_match
from defnames._decide.rank import DEFAULT_MARGIN, DEFAULT_THRESHOLD, choose, rank
from defnames._extract.automaton import Automaton
from defnames._extract.fold import search_fold
from defnames._extract.spans import hints_before, sentence_bounds, squeeze
from defnames._extract.surface import surface_ok
from defnames._index.names import NameEntry
from defnames._store.entities import EntityStore
from defnames._text.scripts import has_cjk
from defnames.errors import InputError
from defnames.models import Match, Mention

__all__ = ["extract_mentions"]

_DOC_WINDOW = 20_000  # characters of a text read for its topic
_DOC_DEFENSE_WORDS = 3  # defense words that make a whole text about defense


_Hit = tuple[int, int, str]  # start, end (offsets in the original text), the matched variant


def _scan(am: Automaton, text: str, folded: str) -> list[_Hit]:
    """Every automaton hit, longest first where they overlap, in text order; blocked names
    ("Hanwha Life") take their words and yield nothing."""
    squeezed, to_orig = squeeze(folded, text)
    padded = f" {squeezed} "
    hits: list[tuple[int, int, str, bool]] = []
    last = len(padded) - 1
    for end, pat in am.auto.iter(padded):
        # ``end`` is the last index of the pattern in ``padded``, one ahead of ``folded``
        if pat.inflected:
            nxt = padded[end + 1] if end < last else " "
            if nxt == " " or not (pat.endings or has_cjk(nxt)):
                continue  # a whole word (the padded pattern has it) or no ending to take
            hit = _inflected_hit(padded, end, pat.key, pat.endings, text, to_orig)
            if hit:
                hits.append((*hit, pat.key, False))
        elif pat.padded:  # " key ": the name ends just before the closing pad space
            hits.append((end - len(pat.key) - 1, end - 1, pat.key, pat.blocked))
        else:
            hits.append((end - len(pat.key), end, pat.key, False))
    # back to offsets in the original text, then the longest of overlapping hits
    spans = sorted(
        ((to_orig(a), to_orig(b - 1) + 1, k, blocked) for a, b, k, blocked in hits),
        key=lambda h: (-(h[1] - h[0]), h[0]),
    )
    taken: list[tuple[int, int, str, bool]] = []
    covered = bytearray(len(text) + 1)  # 1 where a longer hit already took the character
    for h in spans:
        if covered.find(1, h[0], h[1]) < 0:
            taken.append(h)
            covered[h[0] : h[1]] = b"\x01" * (h[1] - h[0])
    return sorted((a, b, k) for a, b, k, blocked in taken if not blocked)


def _inflected_hit(
    padded: str, end: int, key: str, endings: bool, text: str, to_orig: Callable[[int], int]
) -> tuple[int, int] | None:
    """ " key" then a case ending ("Ростеха"), or a CJK particle ("IHIが")."""
    start = end - len(key)
    nxt = padded[end + 1] if end + 1 < len(padded) else " "
    if nxt != " " and has_cjk(nxt) and not has_cjk(key):
        return start, end
    j = end + 1
    while j < len(padded) and padded[j].isalpha() and j - end <= 4:
        j += 1
    first = text[to_orig(start)]
    capital = first.isupper() or first.lower() == first.upper()  # "armoured" is not Armor
    if endings and 1 <= j - end - 1 <= 3 and padded[j] == " " and capital:
        return start, j - 1
    return None


@dataclass
class _Text:
    """One text being read: what every hit's checks share."""

    text: str
    folded: str
    context: str | None
    hits: list[_Hit]
    am: Automaton
    lowercase: bool = False
    strong_at: list[int] = field(default_factory=list)
    about_defense: int = 0  # 1 when the text as a whole speaks of defense (several defense words)
    recognised: set[str] = field(default_factory=set)
    # what the checks ask of each variant or hit more than once, kept for this text
    _entries: dict[str, list[NameEntry]] = field(default_factory=dict)
    _weak: dict[tuple[int, int, str], bool] = field(default_factory=dict)
    _towns: dict[str, bool] = field(default_factory=dict)
    _caps_lines: dict[int, bool] = field(default_factory=dict)

    def entries(self, variant: str) -> list[NameEntry]:
        found = self._entries.get(variant)
        if found is None:
            found = self._entries[variant] = [x for k in self.am.keys_of[variant] for x in self.am.index.by_key[k]]
        return found

    def looks_weak(self, s: int, e: int, variant: str) -> bool:
        """A one-word name written in lower case ("a fiat") needs the same support as a weak one;
        a name weak only for being made of generic words does not, when written with capitals
        ("Quantum Systems"), as in :func:`defnames._decide.weak.needs_support`."""
        found = self._weak.get((s, e, variant))
        if found is None:
            found = self._weak[s, e, variant] = self._looks_weak(s, e, variant)
        return found

    def _looks_weak(self, s: int, e: int, variant: str) -> bool:
        surface = self.text[s:e]
        if surface.islower() and " " not in surface:
            return True
        capitalised = all(w[:1].isupper() for w in surface.split() if w[:1].isalpha())
        return any(x.weak and not (x.vague and capitalised) for x in self.entries(variant))

    def written_as_name(self, s: int, e: int, variant: str) -> bool:
        """The surface checks: case, towns, run-on words (see :mod:`defnames._extract.surface`)."""
        text, lex = self.text, self.am.index.lex
        entries = self.entries(variant)
        town = self._towns.get(variant)
        if town is None:
            town = self._towns[variant] = any(tuple(k.split()) in lex.cities for k in self.am.keys_of[variant])
        caps_text = False
        if any(x.weak for x in entries):  # only weak names are checked for run-on words
            caps_text = self._caps_line(s, e)
        return surface_ok(
            entries,
            text[s:e],
            text[e : e + 40],
            text[max(0, s - 20) : s],
            lex,
            town=town,
            lowercase_text=self.lowercase,
            caps_text=caps_text,
        )

    def _caps_line(self, s: int, e: int) -> bool:
        """The line holding a hit is written all in capitals (each line checked once)."""
        text = self.text
        start = text.rfind("\n", 0, s) + 1
        found = self._caps_lines.get(start)
        if found is None:
            line_end = text.find("\n", e)
            line = text[start : line_end if line_end >= 0 else len(text)]
            found = self._caps_lines[start] = line.upper() == line
        return found

    def window(self, s: int, e: int, variant: str, store: EntityStore) -> tuple[str | None, int]:
        """The context that decides a weak name, and the evidence found around it in the text:
        another company named in the sentence, the legal form written out ("Saab AB"), or the
        same company already recognised earlier in the text."""
        s0, s1 = sentence_bounds(self.text, s, e)
        window = self.text[s0:s1]  # the name's own words are ignored as evidence (rank); a legal form after it is read
        if self.context:
            window = f"{self.context} {window}"
        bonus = int(any(s0 <= x < s1 and x != s for x in self.strong_at))
        bonus += int(variant not in self.am.index.by_key)
        bonus += int(any(store.successor_of(x.entity_id) in self.recognised for x in self.entries(variant)))
        bonus += self.about_defense
        return window, bonus


def extract_mentions(
    store: EntityStore,
    evidence: Evidence,
    am: Automaton,
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
    folded = search_fold(text)
    doc = _Text(text, folded, context, _scan(am, text, folded), am, lowercase=not any(c.isupper() for c in text))
    doc.strong_at = [s for s, e, v in doc.hits if not doc.looks_weak(s, e, v)]
    if any(doc.looks_weak(s, e, v) for s, e, v in doc.hits):
        # an article about drones and contracts supports a weak name in a sentence that says neither
        doc.about_defense = int(evidence.defense_support(text[:_DOC_WINDOW]) >= _DOC_DEFENSE_WORDS)
    index = am.index
    out: list[Mention] = []
    decided: dict[tuple[str, frozenset[str], bool, str | None, int], Match | None] = {}

    def decide(s: int, e: int, variant: str) -> Match | None:
        hints = hints_before(folded, s, index.lex)
        weak = doc.looks_weak(s, e, variant)
        window, bonus = doc.window(s, e, variant, store) if weak else (context, 0)
        ck = (variant, hints, weak and bool(window), window, bonus)
        if ck not in decided:
            cands = [Candidate(x, W.EXACT, METHOD[x.kind], hints) for x in doc.entries(variant)]
            ranked = rank(
                store,
                index,
                evidence,
                cands,
                context=window,
                country=None,
                mention=text[s:e],
                support_bonus=bonus,
                all_weak=weak,
            )
            top = choose(ranked, threshold, margin)
            decided[ck] = to_match(store, evidence, top, variant, window) if top else None
        return decided[ck]

    unsupported: list[tuple[int, int, str]] = []  # weak names that their own sentence did not decide
    for s, e, variant in doc.hits:
        if not doc.written_as_name(s, e, variant):
            continue
        m = decide(s, e, variant)
        if m is not None:
            out.append(Mention(start=s, end=e, text=text[s:e], match=m))
            doc.recognised.add(m.entity.id)
        elif doc.looks_weak(s, e, variant):
            unsupported.append((s, e, variant))
    if unsupported and doc.recognised:
        # one sense per text: a headline's weak name ("Miljardbeställning till Saab") is decided
        # again once the text has named its company, later as well as earlier
        more = [
            Mention(start=s, end=e, text=text[s:e], match=m)
            for s, e, variant in unsupported
            if (m := decide(s, e, variant)) is not None
        ]
        out = sorted([*out, *more], key=lambda m: m.start) if more else out
    return out
