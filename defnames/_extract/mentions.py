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

from defnames._candidates.candidate import METHOD, Candidate
from defnames._decide.evidence import Evidence
from defnames._decide.explain import to_match
from defnames._decide.rank import DEFAULT_MARGIN, DEFAULT_THRESHOLD, choose, rank
from defnames._extract.automaton import Automaton
from defnames._extract.fold import search_fold
from defnames._extract.spans import hints_before, sentence_bounds, squeeze
from defnames._extract.surface import surface_ok
from defnames._index.names import NameIndex
from defnames._store.entities import EntityStore
from defnames._text.scripts import has_cjk
from defnames.errors import InputError
from defnames.models import Match, Mention

__all__ = ["extract_mentions"]


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
    index: NameIndex = am.index
    lex = index.lex
    folded = search_fold(text)
    squeezed, to_orig = squeeze(folded, text)
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
            x.weak for k in am.keys_of[variant] for x in index.by_key[k])

    strong_at = [s for s, e, v in taken if not looks_weak(s, e, v)]
    out: list[Mention] = []
    recognised: set[str] = set()
    lowercase_text = not any(c.isupper() for c in text)
    decided: dict[tuple[str, frozenset[str], bool, str | None, int], Match | None] = {}
    for s, e, variant in taken:
        surface = text[s:e]
        entries = [x for k in am.keys_of[variant] for x in index.by_key[k]]
        town = any(tuple(k.split()) in lex.cities for k in am.keys_of[variant])
        caps_text = False
        if any(x.weak for x in entries):  # only weak names are checked for run-on words
            line_end = text.find("\n", e)
            line = text[text.rfind("\n", 0, s) + 1 : line_end if line_end >= 0 else len(text)]
            caps_text = line.upper() == line
        if not surface_ok(entries, surface, text[e : e + 40], text[max(0, s - 20) : s], lex, town=town,
                           lowercase_text=lowercase_text, caps_text=caps_text):
            continue
        hints = hints_before(folded, s, lex)
        weak = looks_weak(s, e, variant)
        window = None
        bonus = 0
        if weak:
            s0, s1 = sentence_bounds(text, s, e)
            window = text[s0:s] + " " + text[e:s1]
            if context:
                window = f"{context} {window}"
            # another company named in the sentence, the legal form written out ("Saab AB"), or
            # the same company already recognised earlier in the text, is evidence
            bonus = int(any(s0 <= x < s1 and x != s for x in strong_at))
            bonus += int(variant not in index.by_key)
            bonus += int(any(store.successor_of(x.entity_id) in recognised for x in entries))
        elif context:
            window = context
        ck = (variant, hints, weak and bool(window), window if weak else context, bonus)
        if ck not in decided:
            cands = [Candidate(x, 100.0, METHOD[x.kind], hints) for x in entries]
            ranked = rank(store, index, evidence, cands, context=window, country=None, mention=surface, support_bonus=bonus,
                          all_weak=weak)
            top = choose(ranked, threshold, margin)
            decided[ck] = to_match(store, evidence, top, variant, window) if top else None
        m = decided[ck]
        if m is not None:
            out.append(Mention(start=s, end=e, text=surface, match=m))
            recognised.add(m.entity.id)
    return out
