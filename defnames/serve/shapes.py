"""The JSON shapes the service returns: a match, a mention, an entity card.

One shape for a match everywhere: ``/resolve``, ``/candidates`` and ``/extract`` of the service
use :func:`match_json`, which has the same keys as ``defnames lookup --json`` (the CLI can call
it too: this module needs nothing beyond the core package).

>>> import defnames
>>> reg = defnames.registry()
>>> shape = match_json(reg, "Rheinmetall AG", reg.resolve("Rheinmetall AG"))
>>> shape["id"], shape["country"], shape["parent_chain"]
('rheinmetall', 'DE', [])
>>> match_json(reg, "Leonardo da Vinci", None)
{'mention': 'Leonardo da Vinci', 'match': None}
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from defnames import Entity, Match, Mention, Registry
from defnames.pipelines.columns import match_record

__all__ = [
    "IDENTIFIER_URLS",
    "country_name",
    "entity_json",
    "entity_ref",
    "match_json",
    "mention_json",
    "name_script",
]

#: Where an identifier can be looked up: scheme → URL template (``{}`` is the value).
IDENTIFIER_URLS: dict[str, str] = {
    "wikidata": "https://www.wikidata.org/wiki/{}",
    "lei": "https://search.gleif.org/#/record/{}",
    "isin": "https://www.isin.org/isin/{}",
}


# first word of a letter's Unicode name → the script's name, where the two differ
_SCRIPT_LABELS = {"CJK": "Han", "HANGUL": "Hangul", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana"}


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """The English short name of an ISO 3166-1 alpha-2 code (the code itself if unknown).

    >>> country_name("DE")
    'Germany'
    """
    try:
        import pycountry

        found = pycountry.countries.get(alpha_2=code)
    except (ImportError, LookupError, KeyError):
        found = None
    return str(getattr(found, "common_name", None) or getattr(found, "name", None) or code)


def name_script(name: str) -> str:
    """The writing system most letters of a name are in ("Latin", "Cyrillic", "Han", …).

    >>> name_script("Рейнметалл"), name_script("Rheinmetall"), name_script("莱茵金属"), name_script("ラインメタル")
    ('Cyrillic', 'Latin', 'Han', 'Katakana')
    """
    counts: dict[str, int] = {}
    for ch in name:
        if not ch.isalpha():
            continue
        label = unicodedata.name(ch, "").split(" ")[0]
        label = _SCRIPT_LABELS.get(label, label.capitalize())
        counts[label] = counts.get(label, 0) + 1
    if not counts:
        return "Common"
    return max(counts, key=lambda k: counts[k])


def entity_ref(e: Entity) -> dict[str, Any]:
    """A short reference to an entity: id, name, country, kind."""
    return {"id": e.id, "name": e.name, "country": e.country, "kind": e.kind.value}


def match_json(reg: Registry, mention: str, m: Match | None, explain: bool = False) -> dict[str, Any]:
    """The JSON shape of one resolved mention (the keys of ``defnames lookup --json``).

    Args:
        reg: the registry the match came from (for the parent chain).
        mention: the mention as the caller wrote it.
        m: the match, or None for no match (``{"mention": ..., "match": None}``).
        explain: add the ``explanation`` (why it matched).
    """
    return match_record(reg, mention, m, explain=explain)


def mention_json(reg: Registry, mention: Mention) -> dict[str, Any]:
    """A span of text with its match: ``start``, ``end``, ``text`` and the match shape."""
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "match": match_json(reg, mention.text, mention.match),
    }


def _names(e: Entity) -> list[dict[str, Any]]:
    rows: list[tuple[str, str]] = [(e.name, "name")]
    if e.legal_name:
        rows.append((e.legal_name, "legal_name"))
    rows += [(a, "alias") for a in e.aliases]
    rows += [(a, "weak_alias") for a in e.weak_aliases]
    rows += [(f.name, "former_name") for f in e.former_names]
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for name, kind in rows:
        if name not in seen:
            seen.add(name)
            out.append({"name": name, "type": kind, "script": name_script(name)})
    return out


def _owner(reg: Registry, owner: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"owner": owner.owner, "share": owner.share, "as_of": owner.as_of}
    if owner.owner in reg:
        ref = reg.get(owner.owner)
        row |= {"id": ref.id, "name": ref.name, "country": ref.country}
    else:
        row |= {"id": None, "name": owner.owner}
    return row


def entity_json(reg: Registry, e: Entity) -> dict[str, Any]:
    """Everything about one entity, for ``/entities/{id}`` and the entity card.

    Names in every script (each tagged with its type and script), the parent chain up to the
    ultimate parent, owners with shares and years, direct subsidiaries, former names with
    years, identifiers (with a link where one is known) and sources.
    """
    chain = reg.parent_chain(e.id)
    top = chain[-1] if chain else e
    successor = reg.get(e.successor) if e.successor and e.successor in reg else None
    return {
        "id": e.id,
        "name": e.name,
        "legal_name": e.legal_name,
        "kind": e.kind.value,
        "status": e.status.value,
        "country": e.country,
        "country_name": country_name(e.country),
        "city": e.city,
        "website": e.website,
        "note": e.note,
        "names": _names(e),
        "parent": entity_ref(chain[0]) if chain else None,
        "parent_since": e.parent_since,
        "parent_chain": [entity_ref(x) for x in chain],
        "ultimate_parent": entity_ref(top),
        "owners": [_owner(reg, o) for o in e.owners],
        "subsidiaries": [entity_ref(x) for x in reg.subsidiaries(e.id)],
        "former_names": [{"name": f.name, "since": f.since, "until": f.until} for f in e.former_names],
        "successor": entity_ref(successor) if successor else None,
        "until": e.until,
        "identifiers": dict(e.identifiers),
        "identifier_links": [
            {"scheme": k, "value": v, "url": IDENTIFIER_URLS[k].format(v) if k in IDENTIFIER_URLS else None}
            for k, v in e.identifiers.items()
        ],
        "sources": list(e.sources),
    }
