"""Step 3: find the entities a mention could mean, each with a score and its reasons.

Four passes, cheapest first (docs/matching.md walks through them with examples):

1. **exact** — the whole mention, legal forms stripped, is a key of the name index
   (or is one with its spaces removed: "Hanwha Aero space");
2. **segments** — known names inside the mention, with every other word explained as a
   demonym, country or city (a country hint), a descriptor ("battle tank manufacturer"), a
   legal form or a generic word; words that nothing explains lower the score
   ("Lockheed Lane Pharmacy"). Several names whose entities share one owner resolve to that
   owner ("KNDS – the union of the German KMW and the French Nexter" → KNDS);
3. **fuzzy** — a trigram shortlist scored with RapidFuzz, where every distinctive word must
   find a counterpart ("Northrup Grumman" → Northrop Grumman, "General Mills" → nothing);
4. **records** — the first part of a record ("Raytheon Co., Tucson, Arizona"), the rest
   explained as places, legal forms or an a.k.a.

Before them all, an exchange-qualified ticker ("RHM GY", "NYSE:NOC") is looked up in
``identifiers.ticker`` (:mod:`defnames.tickers`).

Each pass is a module: ``exact_match``, ``segments``, ``fuzzy_match``, ``records``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from defnames._candidates.candidate import Candidate
from defnames._candidates.exact import exact_candidates
from defnames._candidates.fuzzy import fuzzy_candidates
from defnames._candidates.mention import Analysis, analyse
from defnames._candidates.records import division_candidates, record_candidates
from defnames._candidates.segments import segment_candidates
from defnames._index.names import NameEntry, NameIndex, word_prefixes
from defnames._index.tickers import parse_ticker

__all__ = ["Candidate", "analyse", "find_candidates"]


_LONG_SYMBOL = re.compile(r"^[A-Z]{5,12}$")


def _ticker_candidates(index: NameIndex, mention: str) -> list[Candidate]:
    """"RHM GY", "LMT US Equity", "NYSE:NOC": a listing's ticker, when the registry knows it."""
    first = mention.split()[:1]
    ticker_like = first and (first[0].isupper() or first[0][:1].isdigit() or first[0][:1] == "(")
    parsed = parse_ticker(mention) if ticker_like else None
    if parsed is None:
        return []
    symbol, country = parsed
    return [Candidate(NameEntry(eid, mention.strip(), symbol.casefold(), "ticker"), 100.0, "ticker")
            for eid in index.tickers.lookup(symbol, country)]


def _bare_symbol_candidates(index: NameIndex, mention: str) -> list[Candidate]:
    """"MAZDOCK", "ASELS": a bare symbol of five capitals or more is no acronym; it is read as
    a ticker when exactly one listed entity has it (and no name matched)."""
    bare = mention.strip()
    if not _LONG_SYMBOL.match(bare):
        return []
    ids = index.tickers.holders(bare)
    if len(ids) != 1:
        return []
    return [Candidate(NameEntry(ids.pop(), bare, bare.casefold(), "ticker"), 100.0, "ticker")]


def _inflected_form_of(key: str, a: Analysis) -> bool:
    """The mention's words are the key's words in the same order, some with another ending."""
    words = key.split()
    return (key != a.key and word_prefixes(key) == word_prefixes(a.key)
            and all(abs(len(w) - len(t)) <= 3 for w, t in zip(words, a.toks)))


def find_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Every reading of an analysed mention from the name index alone (no context yet), best first."""
    blocked = index.blocked
    if not a.toks or a.key in blocked or (a.legal and " ".join(a.raw) in blocked):
        return []  # nothing, or a well-known name that is not a defense company ("Hanwha Life")
    listed = _ticker_candidates(index, a.mention)
    if listed:
        return listed
    cands = exact_candidates(index, a) or _bare_symbol_candidates(index, a.mention)
    if not cands:
        cands = division_candidates(index, a) or segment_candidates(index, a)
    if not cands or max(c.score for c in cands) < 90:
        cands += fuzzy_candidates(index, a)
    elif (len(a.toks) > 1 and a.key not in index.by_key and word_prefixes(a.key) in index.word_prefixes
          and all(c.entry.weak for c in cands)):
        # a weak name among other words may be an inflected longer name: "концерна Калашников"
        # is the alias "Концерн Калашников", not the everyday "Калашников"
        cands += [c for c in fuzzy_candidates(index, a) if _inflected_form_of(c.entry.key, a)]
    if not cands or max(c.score for c in cands) < 90:
        cands += record_candidates(index, a)
    if a.legal:
        # the countries whose law has the written legal forms ("*": a form that names none)
        legal = index.lex.countries_of_legal_forms(a.legal) or frozenset({"*"})
        cands = [replace(c, legal=legal) for c in cands]
    if len(cands) > 1:
        cands.sort(key=lambda c: -c.score)
    return cands
