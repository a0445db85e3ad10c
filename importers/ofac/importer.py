"""The OFAC importers: pinned CSV files -> ``reference/imported/<source>.yml`` + review.

Two lists share the format and this code: the SDN list (``ofac-sdn``) and the consolidated
non-SDN list (``ofac-cons``), which is matched on top of the hand registry *and* the SDN
layer, so a company on both lists is imported once.

Pipeline: verify the pins (:mod:`importers.manifest`) -> read the listings
(:mod:`.records`) -> match every entity listing to the hand registry
(:mod:`importers.matching`) -> keep the defense ones (:mod:`.defense`) -> build patches
for matched listings and new entities for the rest -> write the layer, the id file and the
review report. Same pinned input and same hand registry: byte-identical output.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import manifest, yamlio
from ..hand import Hand
from ..ids import IdMap
from ..layer import layer_text
from ..matching import HandIndex, MatchResult
from ..namekey import KeyMaker
from ..names import DisplayNames, title
from ..paths import DEFAULT, Layout
from ..review import Review
from .defense import Decision, Rules, decide, summary
from .records import Listed, read_listings

DETAIL_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={uid}"


@dataclass(frozen=True)
class Spec:
    """One OFAC list in the CSV format: its manifest key, its three files (primary rows,
    other names, addresses), its public URL and the layers it is matched on top of."""

    source_id: str
    files: tuple[str, str, str]
    list_url: str
    list_name: str
    after: tuple[str, ...] = ()


SDN = Spec("ofac-sdn", ("sdn.csv", "alt.csv", "add.csv"), "https://www.treasury.gov/ofac/downloads/sdn.csv",
           "the US OFAC SDN list")
CONS = Spec("ofac-cons", ("cons_prim.csv", "cons_alt.csv", "cons_add.csv"),
            "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv",
            "the US OFAC consolidated (non-SDN) list", after=("ofac-sdn",))
SPECS = {s.source_id: s for s in (SDN, CONS)}
SOURCE_ID = SDN.source_id
STATE_WORDS = ("federal state unitary enterprise", "state corporation", "state enterprise", "fgup", "federal sue")


@dataclass
class Prepared:
    listing: Listed
    country: str | None
    identifiers: dict[str, str]
    match: MatchResult


@dataclass
class Outcome:
    """What a run produced, for the CLI and the tests."""

    layer: str
    review: str
    ids: str
    counts: dict[str, Any] = field(default_factory=dict)
    source_id: str = SOURCE_ID


def _identifiers(item: Listed) -> dict[str, str]:
    out = {"ofac_uid": item.uid}
    for ident in item.remarks.identifiers:
        base = f"{ident.base}_{ident.country.lower()}" if ident.country and ident.base != "lei" else ident.base
        key, n = base, 2
        while key in out and out[key] != ident.value:
            key, n = f"{base}_{n}", n + 1
        out.setdefault(key, ident.value)
    return out


def _country(item: Listed) -> str | None:
    codes = item.countries()
    if codes:
        return codes[0]
    ids = item.remarks.id_countries()
    return Counter(ids).most_common(1)[0][0] if ids else None


def _kind(item: Listed) -> str:
    text = " ".join(n.lower() for n in item.all_names())
    if any("state-owned" in t.lower() for t in item.remarks.target_types) or any(w in text for w in STATE_WORDS):
        return "state_enterprise"
    return "company"


class _Claims:
    """Which entity holds each name key, across the hand registry, patches and new entities."""

    def __init__(self, index: HandIndex) -> None:
        self.index = index
        self.owner: dict[str, str] = {}

    def free(self, key: str, eid: str) -> bool:
        hand = self.index.all_keys.get(key, set())
        if hand and hand != {eid}:
            return False
        return self.owner.get(key, eid) == eid

    def take(self, key: str, eid: str) -> None:
        self.owner.setdefault(key, eid)


def run(layout: Layout = DEFAULT, raw: Path | None = None, *, update_pin: bool = False, spec: Spec = SDN) -> Outcome:
    source_id = spec.source_id
    pins = manifest.load(layout)
    inputs = manifest.read_inputs(pins, source_id, list(spec.files), raw, update_pin=update_pin, layout=layout)
    if update_pin:
        manifest.save(pins, layout)
    entry = manifest.source(pins, source_id)
    text = {i.name: i.text for i in inputs}
    listings = read_listings(*(text[f] for f in spec.files))
    hand = Hand.load(layout.reference, [layout.layer(a) for a in spec.after if layout.layer(a).is_file()])
    local_keys = KeyMaker.from_lexicon(layout.lexicon)
    display = DisplayNames(local_keys)
    keys = local_keys.with_registry(hand.registry)
    index = HandIndex(hand, keys)
    rules = Rules.load()
    list_date = str(entry.get("list_date", ""))

    decided = _decisions(layout, source_id)
    prepared: dict[str, Prepared] = {}
    for item in listings:
        if item.is_entity:
            country = _country(item)
            idents = _identifiers(item)
            match = index.match(item.all_names(), idents, country)
            target = decided["merge"].get(item.uid)
            if target in index.by_id and not match.merge_id:
                match.merge_id, match.how, match.unresolved = target, "reviewed decision", False
                match.ambiguous = [(n, ids) for n, ids in match.ambiguous if ids != [target]]
            prepared[item.uid] = Prepared(item, country, idents, match)
    in_registry = {uid for uid, p in prepared.items() if p.match.merge_id}
    decisions = decide(listings, rules, in_registry)
    kept = sorted((uid for uid, d in decisions.items() if d.keep), key=int)

    review = Review(source_id, str(entry.get("title", source_id)))
    conflicts = review.section("Country disagreements",
                               "A listed name equals a name of a registry entity in another country: not merged, "
                               "and the name is left out of the imported entity.",
                               "uid", "listed name", "list country", "registry id", "registry country")
    ambiguous = review.section("Exact hits that did not merge",
                               "Listings whose names equal names of several registry entities in their country, "
                               "with no primary-name hit to decide (neither merged nor imported); and short "
                               "acronym-like names that equal a registry name but do not merge alone (the listing "
                               "is imported without that name). Merge by hand in the decisions file if the same.",
                               "uid", "listed names", "registry ids")
    dupes = review.section("Possible duplicates",
                           "New entities whose name `Registry.resolve` ties to a registry entity without a strict "
                           "hit: check and merge by hand (or add the registry id to the entity).",
                           "new id", "listed name", "registry id", "method", "score")
    parents = review.section("Parent candidates",
                             "\"Linked To\" remarks naming a registry or imported entity. OFAC does not say how "
                             "they are linked, so no `parent` is set; confirm ownership from a source first.",
                             "entity id", "linked to (as listed)", "target id")
    dropped_names = review.section("Names left out", "Names another entity already holds.",
                                   "entity id", "name", "held by")
    no_country = review.section("Kept listings without a country",
                                "No address or identifier gives a country: not imported.", "uid", "name")
    merged_rows = review.section("Merged into registry entities", "Listings folded into hand entities as patches.",
                                 "uid", "listed name", "registry id", "how")
    new_rows = review.section("New entities", "Kept listings imported as new entities, with the rule that kept them.",
                              "id", "name", "country", "rule")

    claims = _Claims(index)
    patches: dict[str, dict[str, Any]] = {}
    uid_to_id: dict[str, str] = {}
    pending_new: list[Prepared] = []
    for uid in kept:
        p = prepared[uid]
        for n, rid, rc in p.match.country_conflicts:
            conflicts.rows.append((uid, n, p.country or "?", rid, rc))
        for n, rids in p.match.ambiguous:
            ambiguous.rows.append((uid, n, ", ".join(rids)))
        if p.match.unresolved:
            continue
        if p.match.merge_id:
            _patch(p, patches, claims, dropped_names.rows, spec)
            uid_to_id[uid] = p.match.merge_id
            merged_rows.rows.append((uid, p.listing.name, p.match.merge_id, p.match.how))
        elif p.country is None:
            no_country.rows.append((uid, p.listing.name))
        else:
            pending_new.append(p)

    idmap = IdMap(layout.ids(source_id))
    taken = {e.id for e in hand.entities}
    entities = []
    for p in pending_new:
        ent = _entity(p, decisions[p.listing.uid], display, claims, idmap, taken, dropped_names.rows, list_date, spec)
        if ent is None:
            ambiguous.rows.append((p.listing.uid, p.listing.name, "every name is held by another entity"))
            continue
        taken.add(ent["id"])
        uid_to_id[p.listing.uid] = ent["id"]
        entities.append(ent)
        new_rows.rows.append((ent["id"], ent["name"], ent["country"], decisions[p.listing.uid].rule))
        names = [p.listing.name, *(n for _, n in p.listing.other_names)]
        for n, rid, method, score in index.possible_duplicates(names, p.country):
            if rid not in decided["distinct"].get(p.listing.uid, ()):
                dupes.rows.append((ent["id"], n, rid, method, score))

    by_name: dict[str, str] = {}
    for item in listings:
        if item.is_entity:
            for n in item.all_names():
                by_name.setdefault(keys.key(n), item.uid)
    for uid in kept:
        own = uid_to_id.get(uid)
        if own is None:
            continue
        for target in prepared[uid].listing.remarks.linked_to:
            tid = uid_to_id.get(by_name.get(keys.key(target), ""))
            hand_ids = index.names.get(keys.key(target), set())
            if tid is None and len(hand_ids) == 1:
                tid = next(iter(hand_ids))
            if tid and tid != own:
                parents.rows.append((own, target, tid))

    stats = summary(decisions)
    counts = {
        "listings": len(listings),
        "entity listings": len(prepared),
        "kept": len(kept),
        "kept by rule": stats["kept"],
        "dropped by reason": stats["dropped"],
        "merged into registry entities": len(merged_rows.rows),
        "patched registry entities": len(patches),
        "new entities": len(entities),
        "kept without a country": len(no_country.rows),
    }
    review.summary = [
        f"List: {entry.get('title')} of {list_date}; pinned files: "
        + ", ".join(f"`{i.name}` ({i.pin.get('list_date', list_date)})" for i in inputs),
        f"{counts['listings']} listings, {counts['entity listings']} of them entities; kept {counts['kept']}: "
        + ", ".join(f"{k} {v}" for k, v in stats["kept"].items()),
        "Dropped: " + ", ".join(f"{k} {v}" for k, v in stats["dropped"].items()),
        f"{counts['merged into registry entities']} listings merged into {counts['patched registry entities']} "
        f"registry entities (patches); {counts['new entities']} new entities; "
        f"{counts['kept without a country']} kept listings without a country",
    ]
    source = {"id": source_id, "title": entry.get("title"), "list_date": list_date, "manifest": source_id,
              "url": entry.get("url")}
    patch_list = [{k: v for k, v in pt.items() if v} for pt in patches.values()]
    return Outcome(layer_text(source, entities, patch_list), review.markdown(), idmap.text(), counts, source_id)


def targets(outcome: Outcome, layout: Layout = DEFAULT) -> dict[Path, str]:
    """Each output file with the text it should hold."""
    sid = outcome.source_id
    return {layout.layer(sid): outcome.layer, layout.review(sid): outcome.review, layout.ids(sid): outcome.ids}


def write(outcome: Outcome, layout: Layout = DEFAULT) -> list[Path]:
    """Write the layer, the review and the id file; returns the files that changed."""
    return [p for p, t in targets(outcome, layout).items() if yamlio.write_if_changed(p, t)]


def _decisions(layout: Layout, source_id: str) -> dict[str, dict[str, Any]]:
    """The reviewed decisions file, ``<source>.decisions.yml`` (optional)."""
    path = layout.imported / f"{source_id}.decisions.yml"
    data = (yamlio.load(path) if path.exists() else None) or {}
    merge = {str(k): str(v) for k, v in (data.get("merge") or {}).items()}
    distinct = {str(k): {v} if isinstance(v, str) else set(v) for k, v in (data.get("distinct") or {}).items()}
    return {"merge": merge, "distinct": distinct}


def _sources(uid: str, spec: Spec) -> list[str]:
    return [DETAIL_URL.format(uid=uid), spec.list_url]


def _patch(p: Prepared, patches: dict[str, dict[str, Any]], claims: _Claims, dropped: list[tuple[object, ...]],
           spec: Spec) -> None:
    eid = p.match.merge_id or ""
    patch = patches.setdefault(eid, {"id": eid, "aliases": [], "identifiers": {}, "sources": []})
    own = claims.index.keys_of(eid)
    for k in own:
        claims.take(k, eid)
    for n in p.listing.all_names():
        key = claims.index.keys.key(n)
        if key in own or any(claims.index.keys.key(a) == key for a in patch["aliases"]):
            continue
        if not claims.free(key, eid):
            dropped.append((eid, n, claims.owner.get(key) or ", ".join(sorted(claims.index.all_keys[key]))))
            continue
        claims.take(key, eid)
        patch["aliases"].append(n)
    hand_ids = claims.index.by_id[eid].identifiers
    for k, v in p.identifiers.items():
        key, i = k, 2
        while key in patch["identifiers"] and patch["identifiers"][key] != v:
            key, i = f"{k}_{i}", i + 1
        if hand_ids.get(key) in (None, v) and key not in hand_ids:
            patch["identifiers"][key] = v
    for s in _sources(p.listing.uid, spec):
        if s not in patch["sources"]:
            patch["sources"].append(s)


def _entity(p: Prepared, decision: Decision, display: DisplayNames, claims: _Claims, idmap: IdMap, taken: set[str],
            dropped: list[tuple[object, ...]], list_date: str, spec: Spec) -> dict[str, Any] | None:
    item = p.listing
    keys = claims.index.keys
    country = p.country or ""
    blocked = p.match.blocked_keys
    uid = item.uid
    fka = {n for kind, n in [*item.other_names, *item.remarks.other_names] if kind == "fka"}
    usable = [n for n in item.all_names() if keys.key(n) not in blocked]
    if not usable:
        return None
    first = usable[0]
    eid = idmap.assign(uid, display.name(first), country, taken)
    candidates = [display.name(first), title(first)]
    name = next((c for c in candidates if keys.key(c) and claims.free(keys.key(c), eid)), None)
    if name is None:
        return None
    legal = display.legal_name(first) if name == display.name(first) else None
    claims.take(keys.key(name), eid)
    if legal and claims.free(keys.key(legal), eid):
        claims.take(keys.key(legal), eid)
    else:
        legal = None
    aliases, former = [], []
    for n in item.all_names():
        key = keys.key(n)
        if key in blocked or not key:
            continue
        if not claims.free(key, eid):
            dropped.append((eid, n, claims.owner.get(key) or ", ".join(sorted(claims.index.all_keys[key]))))
            continue
        claims.take(key, eid)
        if n.casefold() in (name.casefold(), (legal or "").casefold()):
            continue
        (former if n in fka else aliases).append(n)
    ent: dict[str, Any] = {"id": eid, "name": name}
    if legal:
        ent["legal_name"] = legal
    ent["kind"] = _kind(item)
    ent["country"] = country
    if aliases:
        ent["aliases"] = aliases
    if former:
        ent["former_names"] = [{"name": n} for n in former]
    ent["status"] = "active"
    ent["identifiers"] = dict(sorted(p.identifiers.items()))
    if item.remarks.websites:
        ent["website"] = item.remarks.websites[0]
    ent["sources"] = _sources(uid, spec)
    programs = ", ".join(item.programs)
    why = f"{decision.rule} ({decision.detail})" if decision.detail else decision.rule
    ent["note"] = (f"On {spec.list_name} (uid {uid}, programs {programs}) of {list_date}; "
                   f"kept as defense-industrial by the rule {why}.")
    return ent
