"""Step 4: weigh the candidates with the evidence around them and choose — or decline.

The evidence, applied to each candidate from :mod:`defnames.candidates`:

- **country hints** from the mention ("Belgian", "Prague") or the ``country=`` argument:
  an entity in another country is first swapped for its own subsidiary in the hinted country
  ("Belgian Thales" → Thales Belgium), else marked down;
- **context**: countries the context names break ties; a name that is also an everyday word
  (a weak alias, or a two-letter acronym) is dropped when the context has no defense words
  ("Arsenal beat Chelsea 2-0");
- **merged entities** resolve to themselves, and ``Match.successor`` names the entity that
  carries them on today (an old contract names the company of its day);
- **joint ventures described by their parts** resolve to the owner of all the parts.

The choice: the best candidate must reach ``threshold`` *and* lead the best other entity by
``margin`` (the rule the Wikidata reconciliation service uses); a current name beats a former
or fuzzy one outright. Otherwise the answer is None and :func:`defnames.candidates` shows the
contenders.
"""

from __future__ import annotations

import re
from dataclasses import replace

from defnames import _weights as W
from defnames._candidates.candidate import METHOD, Candidate
from defnames._candidates.segments import NAMED_AFTER
from defnames._decide.evidence import Evidence
from defnames._decide.units import unit_by_words
from defnames._decide.weak import legal_form_follows, looks_like_a_word, needs_support
from defnames._index.names import NameIndex
from defnames._store.entities import EntityStore
from defnames._text.keys import name_key
from defnames._text.phrases import place_at, town_in
from defnames.models import Entity, EntityStatus, Method, NameKind

__all__ = ["DEFAULT_MARGIN", "DEFAULT_THRESHOLD", "choose", "rank"]

DEFAULT_THRESHOLD = W.THRESHOLD
DEFAULT_MARGIN = W.MARGIN


def _tier(c: Candidate) -> int:
    if c.method is Method.fuzzy:
        return 0
    if c.method in (Method.former_name, Method.acronym):
        return 1
    return 2


def _only_places(rest: str, index: NameIndex) -> bool:
    """Whether the words after a parent's name are a country or city ("Thales *Nederland*"),
    generic words that are no domain ("Torvan *Industries*, Inc.") or none at all (its legal
    unit, "BAE Systems, Inc."): not "Airbus *Helicopters* España"."""
    lex = index.lex
    toks = rest.split()
    i = 0
    while i < len(toks):
        p = place_at(toks, i, lex)
        if p is not None:
            i = p[0]
        elif toks[i] in lex.generic and toks[i] not in lex.droppable_tails and toks[i] != "and":
            i += 1  # "Torvan Industries, Inc.": a generic word, not a domain ("Helicopters")
        else:
            return False
    return True


def subsidiary_in(
    store: EntityStore, index: NameIndex, entity_id: str, countries: frozenset[str], key: str
) -> Entity | None:
    """The active descendant in one of ``countries`` that carries the parent's name best."""
    found = [
        e
        for e in store.subsidiaries(entity_id, recursive=True)
        if e.country in countries and e.status is EntityStatus.active
    ]
    if not found:
        return None
    keys = {e.id: name_key(e.name, index.lex) for e in found}
    named = [e for e in found if keys[e.id].startswith(key)]
    if named:  # the arm named for the country ("Thales Nederland"), else none of them:
        rests = {e.id: keys[e.id][len(key) :].split() for e in named}
        named = [e for e in named if _only_places(" ".join(rests[e.id]), index)]
        fewest = min((len(rests[e.id]) for e in named), default=0)
        named = [e for e in named if len(rests[e.id]) == fewest]  # "BAE Systems, Inc." first
        if len(named) != 1:  # "filial española de Airbus" is not Airbus Helicopters España
            return None
    pool = named or (found if len(found) == 1 else [])
    if len({e.country for e in pool}) > 1:
        return None  # "the Franco-German KNDS": the group itself, not one of its arms
    return min(pool, key=lambda e: (len(e.name), e.id)) if pool else None


def _by_country(
    store: EntityStore, index: NameIndex, c: Candidate, wanted: frozenset[str], why: str, miss: float
) -> Candidate:
    ent = store.get(c.entity_id)
    if ent.country in wanted:
        return c
    if len(wanted) > 1 and len({s.country for s in store.subsidiaries(ent.id, recursive=True)} & wanted) > 1:
        return c  # a group with arms in each country named ("Franco-German KNDS")
    # a name in another script ("BAEシステムズ") says nothing about which Latin-named arm: the
    # group's own name does ("BAE Systems" -> "BAE Systems Inc.")
    key = c.entry.key if c.entry.key.isascii() else name_key(ent.name, index.lex)
    sub = subsidiary_in(store, index, ent.id, wanted, key)
    if sub is not None:
        entry = replace(c.entry, entity_id=sub.id)
        return replace(
            c,
            entry=entry,
            method=Method.subsidiary_by_country,
            parts=(*c.parts, (f"{why}: {ent.name} in {'/'.join(sorted(wanted))} is {sub.name}", 0.0)),
        )
    if c.unit is not None:  # "filial española de Airbus": Airbus's Spanish unit, which the registry lacks
        return replace(
            c,
            unit=f"{c.unit} in {'/'.join(sorted(wanted))}",
            parts=(*c.parts, (f"{why}: no unit of {ent.name} in {'/'.join(sorted(wanted))} is listed", 0.0)),
        )
    return c.adjust(miss, f"{why}: {ent.country} not in {'/'.join(sorted(wanted))}")


def _parts_owner(store: EntityStore, cands: list[Candidate]) -> list[Candidate]:
    """Several names in one mention. If one entity owns or parents all the others, the
    mention means that owner ("KNDS – the union of KMW and Nexter"), unless it names a
    subsidiary through its owner ("Lockheed Martin subsidiary Sikorsky"): then the one
    owned by all the others."""
    grouped = [c for c in cands if c.group]
    if not grouped:
        return cands
    owned = grouped[0].owned
    ids = set(grouped[0].group)
    if len(ids) < 2:
        return cands  # one entity named twice ("X (a.k.a. Y)"): nothing to choose between
    for c in grouped:
        if owned:
            fits = all(other == c.entity_id or other in store.ancestors(c.entity_id) for other in ids)
        else:
            fits = all(other == c.entity_id or c.entity_id in store.ancestors(other) for other in ids)
        if fits:
            why = "named through its owner" if owned else "owns the other names"
            return [replace(c, method=Method.parts, parts=(*c.parts, (why, 0.0)))] + [
                x if x.entity_id == c.entity_id else x.adjust(W.PART_OF_ANOTHER, "named as a part of another entity")
                for x in cands
                if x is not c
            ]
    return cands


_SEPARATED = re.compile(r"\s[-–—]\s|[,;/|()]")


def _unit_after_group(store: EntityStore, cands: list[Candidate], mention: str) -> list[Candidate]:
    """A group's name right before the name of one of its own units names the unit ("CSSC
    Jiangnan Shipyard", "Textron Bell", "AVIC Xi'an Aircraft"), as "Textron's Bell" does: the
    unit loses its later-name penalty and the group takes it instead. Not across a separator
    ("Torvan – Salvik", "Oshkosh Defense, Oshkosh": a record's parts)."""
    later = [c for c in cands if (NAMED_AFTER, W.NAMED_AFTER_ANOTHER) in c.parts]
    if not later or _SEPARATED.search(mention):
        return cands
    firsts = [c for c in cands if (NAMED_AFTER, W.NAMED_AFTER_ANOTHER) not in c.parts]
    for unit in later:
        group = next(
            (g for g in firsts if g.span[1] == unit.span[0] and g.entity_id in store.ancestors(unit.entity_id)), None
        )
        if group is None:
            continue
        lifted = replace(
            unit,
            score=unit.score - W.NAMED_AFTER_ANOTHER,
            parts=(
                *(p for p in unit.parts if p != (NAMED_AFTER, W.NAMED_AFTER_ANOTHER)),
                (f"named through its group {store.get(group.entity_id).name}", 0.0),
            ),
        )
        return [
            lifted
            if c is unit
            else c.adjust(W.PART_OF_ANOTHER, "named as the group of the unit after it")
            if c.entity_id == group.entity_id
            else c
            for c in cands
        ]
    return cands


class _Support:
    """Defense evidence in the context, computed once per ranking and only if a weak name asks."""

    def __init__(
        self, store: EntityStore, evidence: Evidence, cands: list[Candidate], context: str | None, bonus: int
    ) -> None:
        self.store, self.evidence, self.cands, self.context, self.bonus = store, evidence, cands, context, bonus
        self._found: int | None = None

    def __call__(self) -> int:
        if self._found is None:
            self._found = self._count() if self.context else 0
        return self._found

    def _count(self) -> int:
        context = self.context or ""
        # the name itself is no evidence ("Arsenal" is not a defense word for Arsenal)
        name_words = frozenset(t for c in self.cands for t in c.entry.key.split())
        found = self.evidence.defense_support(context, ignore=name_words) + self.bonus
        if not found:  # another company named in the context ("KMW and Nexter merged")
            own = {c.entity_id for c in self.cands} | {self.store.successor_of(c.entity_id) for c in self.cands}
            found = len(self.evidence.companies_named_in(context) - own)
        return found


def _by_countries(store: EntityStore, index: NameIndex, c: Candidate, country: str | None) -> Candidate:
    if c.hints:
        # "Thales Australia" is Thales's Australian arm; "Bell Canada" (an everyday word
        # before a country) is another company, and so is a name of three letters after
        # another country ("Iran Air": the Iranian airline, not the Russian company named Air)
        tiny = c.entry.weak and len(c.entry.key.replace(" ", "")) <= 3
        miss = W.HINT_AFTER_MISMATCH if c.entry.weak and (c.hint_after or tiny) else W.HINT_MISMATCH
        c = _by_country(store, index, c, c.hints, "mention names a country", miss)
    if country:
        c = _by_country(store, index, c, frozenset({country}), "country argument", W.COUNTRY_MISMATCH)
    return c


def _everyday_sense(c: Candidate, ent: Entity, index: NameIndex, context: str, mention: str, support: _Support) -> bool:
    """A name that needs evidence and finds none: "Arsenal beat Chelsea" is the everyday sense.
    The own country named before the name, or a legal form written out, says "company" ("the
    Bulgarian Arsenal"); a city does not ("Rubin Kazan", "Indianapolis Colts")."""
    hinted = bool(c.hints) and ent.country in c.hints and not c.hint_after and not c.hint_from_city
    return (
        not hinted
        and not c.legal_written
        and not c.described
        and support() == 0
        and not legal_form_follows(mention, context, ent.country, index.lex, index.blocked)
    )


def rank(
    store: EntityStore,
    index: NameIndex,
    evidence: Evidence,
    cands: list[Candidate],
    *,
    context: str | None,
    country: str | None,
    mention: str = "",
    support_bonus: int = 0,
    all_weak: bool = False,
    as_of: int | None = None,
) -> list[Candidate]:
    """Apply country, context, successor and parts evidence; best first, one per entity.

    ``support_bonus`` adds defense evidence found outside the context string (another
    company named nearby, a legal form written with the name); ``all_weak`` treats every
    candidate as a name that needs that evidence (a one-word name written in lower case);
    ``as_of`` reads the mention as a document of that year would (see :func:`as_of_year`).
    """
    cands = _unit_after_group(store, _parts_owner(store, cands), mention)
    ctx_countries: frozenset[str] = frozenset()
    if context and len({c.entity_id for c in cands}) > 1:  # countries in the context break ties
        ctx_countries = evidence.country_hints(context)
    support = _Support(store, evidence, cands, context, support_bonus)
    out: list[Candidate] = []
    mention_key = name_key(mention, index.lex)
    for c in cands:
        c = _by_countries(store, index, unit_by_words(store, index, c, mention_key), country)
        ent = store.get(c.entity_id)
        if c.legal and ent.country in c.legal:
            # a tie-breaker, never a switch: "Arsenal JSCo" is the Bulgarian Arsenal, but "Hanwha
            # Corp." is still Hanwha ("BAE Systems, Inc." is found by its full name instead)
            c = c.adjust(W.LEGAL_COUNTRY, f"legal form used in {ent.country}")
        if ctx_countries and ent.country in ctx_countries:
            c = c.adjust(W.CONTEXT_COUNTRY, f"context names {ent.country}")
        if (
            context
            and mention
            and tuple(c.entry.key.split()) in index.lex.cities
            and town_in(mention, context, index.lex)
        ):
            continue  # "fra Oslo til Raufoss": the town, not the company named after it
        needs = needs_support(c, mention) or all_weak or looks_like_a_word(c, mention, context or "")
        if context and needs and _everyday_sense(c, ent, index, context, mention, support):
            continue
        if as_of is not None:
            c = as_of_year(store, c, as_of)
            ent = store.get(c.entity_id)
        final = store.successor_of(ent.id)
        if final != ent.id:
            c = replace(c, successor=final, parts=(*c.parts, (f"{ent.name} merged into {store.get(final).name}", 0.0)))
        out.append(c)
    return _one_per_lineage(out, store)


def as_of_year(store: EntityStore, c: Candidate, year: int) -> Candidate:
    """A candidate as a document of ``year`` means it: a former name still in use that year
    counts as a current name, and a company that no longer existed on its own that year is read
    as the one that had absorbed it by then (its successor, followed while their ``until`` years
    are before ``year``)."""
    if c.method is Method.former_name and c.entry.until is not None and c.entry.until >= year:
        c = replace(c, method=METHOD[NameKind.name], parts=(*c.parts, (f"a current name in {year}", 0.0)))
    ent = store.get(c.entity_id)
    seen = {ent.id}
    while ent.until is not None and ent.until < year and ent.successor and ent.successor in store:
        if ent.successor in seen:
            break
        nxt = store.get(ent.successor)
        c = replace(
            c,
            entry=replace(c.entry, entity_id=nxt.id),
            parts=(*c.parts, (f"{ent.name} was part of {nxt.name} by {year}", 0.0)),
        )
        seen.add(nxt.id)
        ent = nxt
    if ent.parent and ent.parent_since is not None and ent.parent_since > year:
        c = replace(
            c,
            parts=(
                *c.parts,
                (
                    f"not yet under {store.get(ent.parent).name if ent.parent in store else ent.parent}"
                    f" in {year} (its parent since {ent.parent_since})",
                    0.0,
                ),
            ),
        )
    later = [o.owner for o in ent.owners if o.as_of is not None and o.as_of > year]
    if later:
        c = replace(c, parts=(*c.parts, (f"owner shares recorded for later years: {', '.join(later)}", 0.0)))
    return c


def _one_per_lineage(cands: list[Candidate], store: EntityStore) -> list[Candidate]:
    """One candidate per company over time: a merged entity and the one that carries it on
    compete as one (the best reading wins; on a tie, the company the mention names by its own
    current name), and other entities compete with that."""
    best: dict[str, Candidate] = {}
    for c in sorted(cands, key=lambda x: (-x.score, -_tier(x))):
        best.setdefault(c.successor or c.entity_id, c)
    return sorted(best.values(), key=lambda x: (-x.score, -_tier(x)))


def choose(ranked: list[Candidate], threshold: float, margin: float) -> Candidate | None:
    """The confident candidate, or None when the best is too weak or too close to another."""
    if not ranked or ranked[0].score < threshold:
        return None
    top = ranked[0]
    if len(ranked) > 1:
        other = ranked[1]
        if other.score >= top.score - margin and _tier(other) >= _tier(top):
            return None
    return top
