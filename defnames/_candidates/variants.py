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
from defnames._index.names import MIN_SKELETON, NameIndex
from defnames.models import Method
from defnames.text.concepts import concept_key
from defnames.text.skeleton import dominant_script, skeleton

__all__ = ["variant_candidates"]


def _concept(index: NameIndex, a: Analysis) -> list[Candidate]:
    by_concept = index.variants.by_concept
    for text in dict.fromkeys((a.mention, " ".join(a.raw), a.key)):
        key = concept_key(text, index.variants.concepts)
        hits = by_concept.get(key) if "_" in key else None
        if hits:
            return [Candidate(e, W.CONCEPT, Method.concept, dropped=((text, "descriptor concepts"),))
                    for e in per_entity(hits)]
    return []


def _phonetic(index: NameIndex, a: Analysis) -> list[Candidate]:
    if dominant_script(a.mention) in (None, "latin"):
        return []
    by_skeleton = index.variants.by_skeleton
    for text in dict.fromkeys((a.mention, a.key)):
        sk = skeleton(text)
        hits = by_skeleton.get(sk) if len(sk) >= MIN_SKELETON else None
        if hits and len({e.entity_id for e in hits}) == 1:
            return [Candidate(e, W.PHONETIC, Method.phonetic, dropped=((text, f"sounds as {sk}"),))
                    for e in per_entity(hits)]
    return []


def variant_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Concept-key hits, else a phonetic hit for a mention in another script."""
    return _concept(index, a) or _phonetic(index, a)
