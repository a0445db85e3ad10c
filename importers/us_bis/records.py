"""The US lists as extracted to JSON, read into records.

The pinned copies are one JSON file per list, each ``{"list_id", "source_file", "extracted",
"count", "entities": [...]}``; an entry has ``name``, ``aliases``, ``country`` (the list's
destination heading: "China", "Crimea Region of Ukraine", ...), ``address``,
``federal_register`` (the citation(s) that added or revised it: "88 FR 12158, 2/27/23") and
``notes`` (for the Entity List its License Requirement column; for the MEU List and the 1260H
list a line of reasons: "Subordinate institution of Aero-Engine Company of China").

The lists give no number, so the uid is the destination's country code and a slug of the
listed name (``RU:kalinin-machine-plant``), stable as long as the list keeps the name. The
sections are the list's own (``EL``, ``MEU``, ``1260H``) plus, for the Entity List, the EAR
sections its License Requirement cites (``EL-744.21``: the military end-use / end-user rule;
``EL-734.9(g)``: the Russia / Belarus military-end-user foreign direct product rule;
``EL-746.8``: the Russia / Belarus sanctions; ``EL-744.11`` ...; ``734.9(x)`` keeps its
paragraph, the others are cut to the section) and the destination, ``EL:CN``.

The Entity List also names people and gives no entry type: an entry counts as an entity when
one of its names has an organization word (company, institute, plant, JSC, ...), a digit, an
acronym in capitals or more than four words; the others are people.
"""

from __future__ import annotations

import json
import re

from ..ids import slug
from ..listkit.countries import country_of
from ..listkit.names import with_abbreviation
from ..listkit.record import Record, clean, script

DESTINATIONS = {  # destination headings iso2 does not know (Crimea: as the OFAC importer files it)
    "crimea region of ukraine": "UA",
    "north korea (dprk)": "KP",
    "north korean entity in china": "KP",
    "turkey (turkiye)": "TR",
    "people’s republic of china": "CN",
    "peoples republic of china": "CN",
    "macedonia": "MK",
    "uk": "GB",
}
_AKA = re.compile(r"[,(]?\s*\b[af]\.\s?k\.\s?a\.?,?\s*(?:the following (?:\w+ )?aliases?:?)?", re.I)
_FOLLOWING = re.compile(r"\bthe following (?:\w+ )?aliases?:?|^\s*also known as:?", re.I)
_SUCCESSORS = re.compile(r",?\s*and(?: its (?:sub-?units|subsidiaries)(?: and successors)?)?\s*$", re.I)
_SECTION = re.compile(r"\b7\d\d\.\d+(?:\([a-z]\))?")
_ORG_TEXT = (  # words that make a name an organization's
    """company co corp corporation inc ltd limited llc llp plc lp gmbh ag sa sas srl bv nv jsc ojsc
    cjsc pjsc ao oao zao pao ooo fgup fsue tov group holding holdings industries industry industrial
    enterprise enterprises institute institution academy university college school center centre
    laboratory laboratories lab bureau plant factory zavod works association concern firm trading
    trade traders systems system technology technologies tech electronics electronic engineering
    services service solutions international logistics shipping airlines airline aviation bank
    organization organisation agency department ministry office committee commission foundation
    network store stores market import export fze fzc fzco fz dmcc bhd sdn pte pty sti anonim sirketi
    kg kft spa oy ab as aps doo sro gk kk research production scientific design development
    manufacturing factory workshop unit base station park zone venture ventures partners consulting
    machinery equipment instruments instrument devices components materials chemical chemicals
    energy power marine shipyard aerospace defense defence military npo npp nii okb kb aircraft
    air pt rostekh"""
)
_ORG_WORDS = frozenset(_ORG_TEXT.split())


def _names_of(text: str) -> list[str]:
    """'X (a.k.a. Y' / 'X, a.k.a., the following two aliases:' -> ['X', 'Y']: the list's
    a.k.a. markers and unbalanced parentheses left by the extraction taken out."""
    out = []
    for part in _AKA.split(_FOLLOWING.sub("", text or "")):
        part = clean(part)
        if part.count("(") > part.count(")"):
            part = clean(part.replace("(", " ", part.count("(") - part.count(")")))
        if part.count(")") > part.count("("):
            part = clean(part[::-1].replace(")", " ", part.count(")") - part.count("("))[::-1])
        part = clean(_SUCCESSORS.sub("", part))
        out += with_abbreviation(part) if part else []
    # a trailing '(Russia)' is the country, not a name
    return [n for n in out if n and any(c.isalpha() for c in n) and not country_of(f"x, {n}")]


def _is_entity(names: list[str]) -> bool:
    for n in names:
        words = re.findall(r"[A-Za-zÀ-ÿ]+", n)
        if re.search(r"\d", n) or len(words) > 4 or re.search(r"\b[A-Z]{3,}\b", n):
            return True
        if any(w.casefold() in _ORG_WORDS for w in words):
            return True
    return False


_AUTHORITIES = {  # the State Department's sanctions authorities -> section codes
    "iran, north korea, and syria nonproliferation act": "INKSNA",
    "iran and syria nonproliferation act": "INKSNA",
    "iran nonproliferation act": "INKSNA",
    "executive order 13382": "EO13382",
    "executive order 12938": "EO12938",
    "missile sanctions": "MISSILE",
    "chemical and biological weapons": "CBW",
    "export-import bank act": "EXIM",
    "transfer of lethal military equipment": "LETHAL-MILITARY",
    "iran-iraq arms nonpro": "IRAN-IRAQ-ARMS",
    "nuclear proliferation prevention act": "NPPA",
    "caatsa": "CAATSA-231",
}


def _authorities(notes: str) -> list[str]:
    """'Authority: Missile Sanctions laws; imposed ...' -> ['MISSILE']."""
    out = []
    for a in re.findall(r"Authority:\s*([^;|]+)", notes):
        low = a.casefold()
        out += [code for k, code in _AUTHORITIES.items() if k in low][:1] or ["OTHER"]
    return sorted(set(out))


def _sections(list_tag: str, notes: str, country: str | None) -> tuple[str, ...]:
    # the destination as a section too, so a filter can weigh the list's targets by country
    cited = [f"{list_tag}:{country or 'XX'}"]
    if list_tag == "ISN":
        return (list_tag, *cited, *(f"ISN-{a}" for a in _authorities(notes)))
    if list_tag != "EL":
        return (list_tag,)
    ear = {s if s.startswith("734.9") else s.split("(")[0] for s in _SECTION.findall(notes)}
    return (list_tag, *cited, *(f"EL-{s}" for s in sorted(ear)))


_GROUPED = (  # entries written under their group: (group, member)
    re.compile(r"^(?P<group>.+?) subordinate institution:\s*(?P<member>.*)$"),
    re.compile(
        r"^(?P<group>Concern Radio-Electronic Technologies),\s+(?:Public\s+)?(?:Joint Stock Company\s+)?(?P<member>.+)$"
    ),
    re.compile(r"^(?P<member>.+?)\s*\(a (?:subordinate institute|subsidiary) of (?P<group>[^)]+)\)$"),
)


def _grouped(name: str) -> tuple[str, str | None]:
    """'Concern Radio-Electronic Technologies, Joint Stock Company Radiopribor' ->
    ('Radiopribor', 'Concern Radio-Electronic Technologies'): the member's own name and the
    group the list writes it under (a parent candidate); (name, None) for other names."""
    for pattern in _GROUPED:
        if m := pattern.match(name):
            return clean(m.group("member")), clean(m.group("group"))
    return name, None


def _parent(notes: str) -> str | None:
    m = re.match(r"\s*Subordinate (?:institution|entity|unit) of (?:the )?(.+?)\.?\s*$", notes or "")
    return clean(m.group(1)) if m else None


def read_list(data: bytes, list_tag: str, detail_url: str | None) -> list[Record]:
    """One JSON list -> records with sections ``(list_tag, ...)``."""
    doc = json.loads(data)
    out: list[Record] = []
    seen: set[str] = set()
    for e in doc["entities"]:
        whole = " ".join((e.get("name") or "").split())
        member, group = _grouped(whole)
        listed = _names_of(member) + [n for a in e.get("aliases") or [] for n in _names_of(a)]
        if not listed:
            continue
        names = [("primary", listed[0])] + [("aka", n) for n in listed[1:]]
        if group and member:
            names.append(("aka", clean(whole)))  # the entry as written, group and all
        names = list(dict.fromkeys(names))
        dest = clean(e.get("country") or "")
        country = DESTINATIONS.get(dest.casefold()) or country_of(dest) or country_of(e.get("address") or "")
        base = uid = f"{country or 'XX'}:{slug(listed[0])}"
        i = 2
        while uid in seen:
            uid, i = f"{base}-{i}", i + 1
        seen.add(uid)
        listed = [n for _, n in names]
        out.append(
            Record(
                uid=uid,
                names=names,
                country=country,
                programs=_sections(list_tag, e.get("notes") or "", country),
                is_entity=list_tag not in ("EL", "ISN") or _is_entity(listed[:1]),
                entity_type="individual (no organization word)",
                detail_url=detail_url,
                listed_on=" ".join((e.get("federal_register") or "").split()),
                parent_hint=group or _parent(e.get("notes") or ""),
            )
        )
    return merge_repeats(out) if list_tag == "ISN" else out


_FORMS = frozenset(["inc", "llc", "ltd", "co", "corp", "corporation", "company", "limited", "lp", "jsc"])


def _key(name: str) -> str:
    """Case, punctuation and trailing legal forms aside: 'Skydio, Inc.' -> 'skydio'."""
    words = re.findall(r"[^\W_]+", name.casefold())
    while len(words) > 1 and words[-1] in _FORMS:
        words.pop()
    return " ".join(words)


def _order(section: str) -> tuple[int, str]:
    """The list tag first, then the destination (``ISN:CN``), then the authorities."""
    return (2 if "-" in section else 1 if ":" in section else 0, section)


def merge_repeats(records: list[Record], latin_only: bool = False) -> list[Record]:
    """One record per party for a list that repeats a party once per action (the State
    Department's table): records of one country sharing a name (case and punctuation aside,
    the acronym in parentheses included: 'CAVIM') become one, with every name and section.
    With ``latin_only`` only the Latin-script names are compared (a list whose other names are
    loose renderings: '航天公司')."""
    merged: list[Record] = []
    owner: dict[tuple[str | None, str], Record] = {}
    for r in records:
        names = [n for n in r.all_names() if not latin_only or script(n) == "latin"]
        keys = [(r.country, _key(n)) for n in names]
        target = next((owner[k] for k in keys if k in owner), None)
        if target is None:
            merged.append(r)
            target = r
        else:
            seen = set(target.all_names())
            target.names += [("aka", n) for n in r.all_names() if n not in seen]
            target.programs = tuple(sorted(set(target.programs) | set(r.programs), key=_order))
            target.is_entity = target.is_entity or r.is_entity
        for k in keys:
            owner.setdefault(k, target)
    return merged
