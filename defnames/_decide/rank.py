"""Step 4: weigh the candidates with the evidence around them and choose — or decline.

The evidence, applied to each candidate from :mod:`defnames.candidates`:

- **country hints** from the mention ("Belgian", "Prague") or the ``country=`` argument:
  an entity in another country is first swapped for its own subsidiary in the hinted country
  ("Belgian Thales" → Thales Belgium), else marked down;
- **context**: countries the context names break ties; a name that is also an everyday word
  (a weak alias, or a two-letter acronym) is dropped when the context has no defense words
  ("Arsenal beat Chelsea 2-0");
- **merged entities** are followed to their successor (``Match.via`` keeps the old id);
- **joint ventures described by their parts** resolve to the owner of all the parts.

The choice: the best candidate must reach ``threshold`` *and* lead the best other entity by
``margin`` (the rule the Wikidata reconciliation service uses); a current name beats a former
or fuzzy one outright. Otherwise the answer is None and :func:`defnames.candidates` shows the
contenders.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from defnames._candidates.candidate import Candidate
from defnames._text.phrases import country_hints, defense_support
from defnames.models import Explanation, Match
from defnames._text.normalize import cased_words, tokens
from defnames._candidates.segments import companies_named_in

if TYPE_CHECKING:
    from defnames._lexicon import Lexicon
    from defnames._resolver import Registry

__all__ = ["DEFAULT_MARGIN", "DEFAULT_THRESHOLD", "choose", "rank"]

DEFAULT_THRESHOLD = 85.0
DEFAULT_MARGIN = 5.0
_HINT_MISMATCH = -8.0
_COUNTRY_MISMATCH = -15.0
_CONTEXT_COUNTRY = 6.0
_LEGAL_COUNTRY = 6.0
_HINT_AFTER_MISMATCH = -20.0  # "Bell Canada": a country after the name makes another company


def _needs_support(c: Candidate, mention: str) -> bool:
    """A weak name needs defense words around it, except a name weak only for being made of
    generic words when it is written as a proper name ("Naval Group", not "naval group")."""
    if not c.entry.weak:
        return False
    if c.entry.vague:
        key_words = set(c.entry.key.split())
        words = [w for w in cased_words(mention) if w.casefold() in key_words]
        return not words or not all(w[:1].isupper() for w in words)
    return True


def _looks_like_a_word(c: Candidate, mention: str, context: str = "") -> bool:
    """An acronym written like a word ("Sami" for SAMI), or a name written in lower case
    ("safran", "le safran", "solar industry") where the context writes names with capitals:
    in a context, it needs the same support as a weak name."""
    if not mention:
        return False
    key_words = set(c.entry.key.split())
    written = [w for w in cased_words(mention) if w.casefold() in key_words and w.lower() != w.upper()]
    if written and all(w.islower() for w in written):
        edited = any(ch.isupper() for ch in context)  # social-media text is often all lower case
        if len(mention.split()) == 1 or edited:
            return True  # "safran", "yantar"; "le safran" in a French sentence
    name = c.entry.name
    if not (name.isupper() and len(name) <= 5):
        return False
    key = c.entry.key.replace(" ", "")
    return not any(w.isupper() and w.casefold() == key for w in cased_words(mention))


def _legal_form_follows(mention: str, context: str, country: str, lex: Lexicon) -> bool:
    """The context writes a legal form of the entity's country right after the mention
    ("Prezes Rosomaku S.A. zapowiedział"): it is named as a company."""
    at = context.find(mention) if mention else -1
    if at < 0:
        return False
    raw = context[at + len(mention) : at + len(mention) + 40]
    after = tokens(raw, lex)
    for n in range(min(lex.legal_max, len(after)), 0, -1):
        form = tuple(after[:n])
        if form in lex.legal_end:
            written = raw.split()[:1]
            if len("".join(form)) < 2 or not written or written[0].islower():
                return False  # "Le FN a changé": a short lower-case word is a word
            if all(w in lex.generic for w in form):
                return False  # "Titan Company", "Mercury Inc.": English words say little
            if f"{' '.join(tokens(mention, lex))} {' '.join(form)}" in lex.not_defense_keys:
                return False
            countries = lex.legal_countries.get(form, frozenset())
            return not countries or country in countries
    return False


def _tier(c: Candidate) -> int:
    if c.method == "fuzzy":
        return 0
    if c.method in ("former_name", "acronym"):
        return 1
    return 2


def _by_country(reg: Registry, c: Candidate, wanted: frozenset[str], why: str, miss: float) -> Candidate:
    ent = reg.get(c.entity_id)
    if ent.country in wanted:
        return c
    if len(wanted) > 1 and len({s.country for s in reg.subsidiaries(ent.id, recursive=True)} & wanted) > 1:
        return c  # a group with arms in each country named ("Franco-German KNDS")
    sub = reg.subsidiary_in(ent.id, wanted, c.entry.key)
    if sub is not None:
        entry = replace(c.entry, entity_id=sub.id)
        return replace(c, entry=entry, method="subsidiary_by_country",
                       parts=(*c.parts, (f"{why}: {ent.name} in {'/'.join(sorted(wanted))} is {sub.name}", 0.0)))
    return c.adjust(miss, f"{why}: {ent.country} not in {'/'.join(sorted(wanted))}")


def _parts_owner(reg: Registry, cands: list[Candidate]) -> list[Candidate]:
    """Several names in one mention. If one entity owns or parents all the others, the
    mention means that owner ("KNDS – the union of KMW and Nexter"), unless it names a
    subsidiary through its owner ("Lockheed Martin subsidiary Sikorsky"): then the one
    owned by all the others."""
    grouped = [c for c in cands if c.group]
    if not grouped:
        return cands
    owned = "owned" in grouped[0].group
    ids = set(grouped[0].group) - {"owned"}
    if len(ids) < 2:
        return cands  # one entity named twice ("X (a.k.a. Y)"): nothing to choose between
    for c in grouped:
        if owned:
            fits = all(other == c.entity_id or other in reg.ancestors(c.entity_id) for other in ids)
        else:
            fits = all(other == c.entity_id or c.entity_id in reg.ancestors(other) for other in ids)
        if fits:
            why = "named through its owner" if owned else "owns the other names"
            return [replace(c, method="parts", parts=(*c.parts, (why, 0.0)))] + [
                x if x.entity_id == c.entity_id else x.adjust(-20.0, "named as a part of another entity")
                for x in cands if x is not c
            ]
    return cands


def rank(
    reg: Registry,
    cands: list[Candidate],
    *,
    context: str | None,
    country: str | None,
    mention: str = "",
    support_bonus: int = 0,
    all_weak: bool = False,
) -> list[Candidate]:
    """Apply country, context, successor and parts evidence; best first, one per entity.

    ``support_bonus`` adds defense evidence found outside the context string (another
    company named nearby, a legal form written with the name); ``all_weak`` treats every
    candidate as a name that needs that evidence (a one-word name written in lower case).
    """
    lex = reg.lexicon
    cands = _parts_owner(reg, cands)
    ctx_countries: frozenset[str] = frozenset()
    if context and len({c.entity_id for c in cands}) > 1:  # countries in the context break ties
        ctx_countries = country_hints(context, lex)
    support_memo: list[int] = []

    def support() -> int:
        if not support_memo and context:
            # the name itself is no evidence ("Arsenal" is not a defense word for Arsenal)
            name_words = frozenset(t for c in cands for t in c.entry.key.split())
            found = defense_support(context, lex, ignore=name_words) + support_bonus
            if not found:  # another company named in the context ("KMW and Nexter merged")
                own = {c.entity_id for c in cands} | {reg.successor_of(c.entity_id) for c in cands}
                found = len(companies_named_in(reg.index, context) - own)
            support_memo.append(found)
        return support_memo[0]

    out: list[Candidate] = []
    for c in cands:
        if c.hints:
            # "Thales Australia" is Thales's Australian arm; "Bell Canada" (an everyday word
            # before a country) is another company
            miss = _HINT_AFTER_MISMATCH if c.hint_after and c.entry.weak else _HINT_MISMATCH
            c = _by_country(reg, c, c.hints, "mention names a country", miss)
        if country:
            c = _by_country(reg, c, frozenset({country}), "country argument", _COUNTRY_MISMATCH)
        if c.legal and reg.get(c.entity_id).country in c.legal:
            # a tie-breaker, never a switch: "Arsenal JSCo" is the Bulgarian Arsenal, but "Hanwha
            # Corp." is still Hanwha ("BAE Systems, Inc." is found by its full name instead)
            c = c.adjust(_LEGAL_COUNTRY, f"legal form used in {reg.get(c.entity_id).country}")
        ent = reg.get(c.entity_id)
        if ctx_countries and ent.country in ctx_countries:
            c = c.adjust(_CONTEXT_COUNTRY, f"context names {ent.country}")
        if context and (_needs_support(c, mention) or all_weak or _looks_like_a_word(c, mention, context)):
            # the own country named before the name, or a legal form written out, says "company"
            # ("the Bulgarian Arsenal"); a city does not ("Rubin Kazan", "Indianapolis Colts")
            hinted = bool(c.hints) and ent.country in c.hints and not c.hint_after and not c.hint_from_city
            if not hinted and not c.legal and support() == 0 and not _legal_form_follows(
                mention, context, ent.country, reg.lexicon):
                continue  # "Arsenal beat Chelsea": the everyday sense
        final = reg.successor_of(ent.id)
        if final != ent.id:
            c = replace(c, entry=replace(c.entry, entity_id=final), via=ent.id,
                        parts=(*c.parts, (f"{ent.name} merged into {reg.get(final).name}", 0.0)))
        out.append(c)
    best: dict[str, Candidate] = {}
    for c in sorted(out, key=lambda x: (-x.score, -_tier(x))):
        best.setdefault(c.entity_id, c)
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


def to_match(reg: Registry, c: Candidate, mention_key: str, context: str | None, mention: str = "") -> Match:
    """Turn a candidate into the public :class:`~defnames.models.Match`."""
    support = None
    if context:
        support = float(defense_support(context, reg.lexicon, ignore=frozenset(c.entry.key.split())))
    parts = {"base": 100.0}
    notes: list[str] = []
    for why, delta in c.parts:
        if delta:
            parts[why] = delta
        else:
            notes.append(why)
    if c.method == "fuzzy":
        parts = dict(c.parts)
    expl = Explanation._trusted(
        mention_key=mention_key,
        dropped=tuple(c.dropped),
        country_hints=tuple(sorted(c.hints)),
        context_support=support,
        parts=parts,
        notes=tuple(notes),
    )
    match: Match = Match._trusted(
        entity=reg.get(c.entity_id),
        score=round(min(100.0, c.score), 1),
        matched=c.entry.name,
        method=c.method,
        former_until=c.entry.until if c.entry.kind == "former_name" else None,
        via=c.via,
        explanation=expl,
    )
    return match
