"""Variant-key pass: names that share no letters with the registry's, matched through keys that
mean the same in every script.

- a **concept key** (descriptor words as concept tokens: "Казанский вертолётный завод" =
  "Kazan Helicopter Plant");
- a **consonant skeleton** for mentions in a script other than Latin, compared with the
  skeletons of the registry's Latin names ("ميلريم روبوتيكس" = Milrem Robotics), only when the
  skeleton is long enough and names one entity.
"""

from __future__ import annotations

from defnames import _weights as W
from defnames._candidates.candidate import Candidate, per_entity
from defnames._candidates.mention import Analysis
from defnames._index.names import MIN_SKELETON, NameEntry, NameIndex, specific_concept_key
from defnames._text.concepts import concept_key
from defnames._text.scripts import has_cjk
from defnames._text.skeleton import dominant_script, skeleton
from defnames.models import Method

__all__ = ["names_a_government", "translated_korean", "variant_candidates"]


def _concept(index: NameIndex, a: Analysis) -> list[Candidate]:
    by_concept = index.variants.by_concept
    for text in dict.fromkeys((a.mention, " ".join(a.raw), a.key)):
        key = concept_key(text, index.variants.concepts)
        hits = by_concept.get(key) if specific_concept_key(key) else None
        if hits:
            return [
                Candidate(e, W.CONCEPT, Method.concept, dropped=((text, "descriptor concepts"),))
                for e in per_entity(hits)
            ]
    return []


def _spans(words: list[str], most_dropped: int = 2) -> list[tuple[str, int]]:
    """The words, then the runs with one or two words dropped at the ends (a demonym, a
    descriptor: "إيدج غروب الإماراتية"), longest first, with the number dropped."""
    n = len(words)
    out = [(" ".join(words), 0)]
    for drop in range(1, min(most_dropped, n - 1) + 1):
        out += [(" ".join(words[i : i + n - drop]), drop) for i in range(drop + 1)]
    return out


def translated_korean(mention: str, words: frozenset[str]) -> bool:
    """A Hangul mention that holds a Sino-Korean descriptor (``sino_korean_descriptors``: 항공
    "aviation", 중공업 "heavy industries") is a translation, not a transcription of a Latin name:
    its sound as a whole says nothing (대한항공, Korean Air, sounded like Hudong-Zhonghua).

    >>> from defnames._lexicon import lexicon
    >>> words = lexicon().sino_korean_descriptors
    >>> translated_korean("대한항공", words), translated_korean("코리아 에어로스페이스 인더스트리스", words)
    (True, False)
    """
    return dominant_script(mention) == "hangul" and any(w in mention for w in words)


def _phonetic(index: NameIndex, a: Analysis) -> list[Candidate]:
    by_skeleton = index.variants.by_skeleton
    if translated_korean(a.mention, index.lex.sino_korean_descriptors):
        return []
    mixed = any("a" <= ch <= "z" for ch in a.mention.lower())  # "KIA 타이거즈"
    for text, dropped in _spans(a.mention.split()):
        sk = skeleton(text)
        # a four-class key is trusted for a whole mention in one script; each dropped word, and
        # Latin letters beside the other script, ask one class more ("टाटा मोटर्स" minus a word is MTRS)
        need = MIN_SKELETON + dropped + mixed
        hits = by_skeleton.get(sk) if len(sk) >= need else None
        if hits and len({e.entity_id for e in hits}) == 1:
            score = W.PHONETIC + W.PREFIX_WORD * dropped
            return [
                Candidate(e, score, Method.phonetic, dropped=((a.mention, f"sounds as {sk}"),))
                for e in per_entity(hits)
            ]
    return []


def _sounds_alike(index: NameIndex, a: Analysis) -> list[Candidate]:
    """A mention in another script that holds every distinctive word of a registry name by its
    sound, and one of its descriptor concepts ("سافران للإلكترونيات والدفاع" holds SPRN and
    _electronics_ of Safran Electronics & Defense): when exactly one entity fits."""
    bag = set(concept_key(a.mention, index.variants.concepts, phonetic=True).split())
    found: dict[str, NameEntry] = {}
    for w in bag:
        for entry, words in index.variants.by_sound.get(w, ()):
            distinctive = {x for x in words if not x.startswith("_")}
            if distinctive <= bag and (words - distinctive) & bag:
                found.setdefault(entry.entity_id, entry)
    if len(found) != 1:
        return []
    (entry,) = found.values()
    return [Candidate(entry, W.SOUNDS_ALIKE, Method.phonetic, dropped=((a.mention, "sounds alike"),))]


def names_a_government(a: Analysis, words: frozenset[str]) -> bool:
    """Whether a mention holds a word of a government body (``government_words``): a ministry,
    an army, a government is no company, whatever it sounds like.  Words in scripts written
    without spaces also count inside a word.

    >>> from defnames._candidates.mention import analyse
    >>> from defnames._lexicon import lexicon
    >>> lex = lexicon()
    >>> [names_a_government(analyse(m, lex), lex.government_words) for m in ["인도 육군", "한국항공우주산업", "משרד הביטחון"]]
    [True, False, True]
    """
    if words.intersection(a.toks):
        return True
    return any(has_cjk(w) and w in a.mention for w in words)


def variant_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Concept-key hits, else a phonetic hit for a mention in another script that names no
    government body."""
    found = _concept(index, a)
    if found or dominant_script(a.mention) in (None, "latin"):
        return found
    if names_a_government(a, index.lex.government_words) or set(a.toks) <= index.lex.vague_words:
        return []  # a ministry, an army; or only descriptors ("방산", defence industry)
    return _phonetic(index, a) or _sounds_alike(index, a)
