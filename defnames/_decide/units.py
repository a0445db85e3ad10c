"""A group named with the words of one of its units: that unit ("BAE Systems Land" is BAE
Systems Land & Armaments, "the defence arm of Airbus" is Airbus Defence and Space).

Records and news shorten a unit's name to the group's name plus its domain words.  When the
segment pass finds the group's name and explains the other words as descriptors, the group's
active descendants are searched for one whose own name holds the group's name and every such
word (by spelling, a plural, or the same descriptor concept); the one with the fewest other
words wins ("Airbus Defence and Space" before its UK unit); a tie leaves the group.
"""

from __future__ import annotations

from dataclasses import replace

from defnames._candidates.candidate import Candidate
from defnames._index.names import NameIndex
from defnames._store.entities import EntityStore
from defnames._text.concepts import concept_key
from defnames._text.keys import name_key
from defnames.models import Entity, EntityStatus, Method

__all__ = ["unit_by_words"]

#: The labels of dropped words that may name a unit's domain ("engines", "land", "defence").
_DOMAIN_LABELS = frozenset({"descriptor", "generic"})  # not "unexplained": a bracketed "(UEC)"
#: Dropped words this short are function words ("the", "of", "von"), never a unit's domain.
_MIN_WORD = 4


def _words(text: str, index: NameIndex) -> set[str]:
    """Folded words of a name, singular and plural alike, plus its descriptor concepts."""
    words = set(name_key(text, index.lex).split())
    words |= {w[:-1] for w in words if w.endswith("s") and len(w) > _MIN_WORD}
    return words | {t for t in concept_key(text, index.variants.concepts).split() if t.startswith("_")}


def _heads(word: str, index: NameIndex) -> list[str]:
    """The word, and the head of a German compound ending in a descriptor: "rüstungstochter"
    (defence subsidiary) is also "rüstungs"."""
    ends = index.lex.descriptor_suffixes
    return [word, *(word[: -len(x)] for x in ends if word.endswith(x) and len(word) - len(x) >= _MIN_WORD)]


def _fits(word: str, names: set[str], index: NameIndex) -> bool:
    return any(_fits_one(w, names, index) for w in _heads(word, index))


def _fits_one(word: str, names: set[str], index: NameIndex) -> bool:
    if word in names or (word.endswith("s") and word[:-1] in names):
        return True
    concepts = [t for t in concept_key(word, index.variants.concepts).split() if t.startswith("_")]
    return bool(concepts) and all(t in names for t in concepts)


def _names(e: Entity) -> list[str]:
    return [e.name, *e.aliases, *([e.legal_name] if e.legal_name else [])]


def _names_a_unit(c: Candidate, mention_key: str, index: NameIndex) -> bool:
    """Words name a unit after the group's name ("BAE Systems Land") or with an ownership word
    ("the defence arm of Airbus", "Rüstungstochter von Airbus"); before the name alone they
    describe the group ("the defence group Thales")."""
    if mention_key.startswith(c.entry.key + " "):
        return True
    lex = index.lex
    for w, label in c.dropped:
        if label == "ownership" or any(lex.is_ownership_word(w[i:]) for i in range(_MIN_WORD, len(w) - 3)):
            return True
    return False


def unit_by_words(store: EntityStore, index: NameIndex, c: Candidate, mention_key: str) -> Candidate:
    """``c`` moved to the one descendant its dropped domain words name, or ``c`` unchanged.

    >>> import defnames
    >>> reg = defnames.registry()
    >>> reg.resolve("the defence group Thales").entity.name
    'Thales'
    >>> reg.resolve("BAE Systems Land").entity.name, reg.resolve("the defence arm of Airbus").entity.name
    ('BAE Systems Land & Armaments', 'Airbus Defence and Space')
    """
    lex = index.lex
    own = set(c.entry.name.casefold().split())  # "Corporation" of "United Engine Corporation"
    domain = [
        w
        for w, label in c.dropped
        if label in _DOMAIN_LABELS
        and len(w) >= _MIN_WORD
        and " " not in w
        and w not in own
        and w not in lex.group_words
        and (label == "descriptor" or w in lex.droppable_tails)  # a generic "land", never "systems"
        and (w,) not in lex.legal_end
    ]
    if not domain or c.method in (Method.fuzzy, Method.parts, Method.phonetic):
        return c
    if not _names_a_unit(c, mention_key, index):
        return c
    group = set(c.entry.key.split())
    found: dict[str, int] = {}  # descendant id -> words of its name beyond the mention's
    for sub in store.subsidiaries(c.entity_id, recursive=True):
        if sub.status is not EntityStatus.active:
            continue
        for name in _names(sub):
            words = _words(name, index)
            if group <= words and all(_fits(w, words, index) for w in domain):
                extra = len(name_key(name, index.lex).split()) - len(group) - len(domain)
                found[sub.id] = min(extra, found.get(sub.id, extra))
    fewest = min(found.values(), default=0)
    best = [k for k, v in found.items() if v == fewest]
    if len(best) != 1:  # "SAFRAN ENGINES": aircraft or helicopter engines? the group stands
        return c
    sub = store.get(best[0])
    return replace(
        c,
        entry=replace(c.entry, entity_id=sub.id),
        method=Method.subsidiary_by_words,
        unit=None,  # the unit is listed: no longer an unlisted one
        parts=(*c.parts, (f"{' '.join(domain)}: the unit of {store.get(c.entity_id).name} so named", 0.0)),
    )
