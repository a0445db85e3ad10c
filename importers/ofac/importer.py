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
from ..names import DisplayNames, add_plain_forms, title
from ..paths import DEFAULT, Layout
from ..review import Review, Section
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


SDN = Spec(
    "ofac-sdn",
    ("sdn.csv", "alt.csv", "add.csv"),
    "https://www.treasury.gov/ofac/downloads/sdn.csv",
    "the US OFAC SDN list",
)
CONS = Spec(
    "ofac-cons",
    ("cons_prim.csv", "cons_alt.csv", "cons_add.csv"),
    "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv",
    "the US OFAC consolidated (non-SDN) list",
    after=("ofac-sdn",),
)
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


@dataclass
class _Sections:
    """The review report's sections, in the order they are written."""

    conflicts: Section
    ambiguous: Section
    dupes: Section
    parents: Section
    dropped_names: Section
    no_country: Section
    merged: Section
    new: Section

    @classmethod
    def of(cls, review: Review) -> _Sections:
        return cls(
            conflicts=review.section(
                "Country disagreements",
                "A listed name equals a name of a registry entity in another country: not merged, "
                "and the name is left out of the imported entity.",
                "uid",
                "listed name",
                "list country",
                "registry id",
                "registry country",
            ),
            ambiguous=review.section(
                "Exact hits that did not merge",
                "Listings whose names equal names of several registry entities in their country, "
                "with no primary-name hit to decide (neither merged nor imported); and short "
                "acronym-like names that equal a registry name but do not merge alone (the listing "
                "is imported without that name). Merge by hand in the decisions file if the same.",
                "uid",
                "listed names",
                "registry ids",
            ),
            dupes=review.section(
                "Possible duplicates",
                "New entities whose name `Registry.resolve` ties to a registry entity without a strict "
                "hit: check and merge by hand (or add the registry id to the entity).",
                "new id",
                "listed name",
                "registry id",
                "method",
                "score",
            ),
            parents=review.section(
                "Parent candidates",
                '"Linked To" remarks naming a registry or imported entity. OFAC does not say how '
                "they are linked, so no `parent` is set; confirm ownership from a source first.",
                "entity id",
                "linked to (as listed)",
                "target id",
            ),
            dropped_names=review.section(
                "Names left out", "Names another entity already holds.", "entity id", "name", "held by"
            ),
            no_country=review.section(
                "Kept listings without a country",
                "No address or identifier gives a country: not imported.",
                "uid",
                "name",
            ),
            merged=review.section(
                "Merged into registry entities",
                "Listings folded into hand entities as patches.",
                "uid",
                "listed name",
                "registry id",
                "how",
            ),
            new=review.section(
                "New entities",
                "Kept listings imported as new entities, with the rule that kept them.",
                "id",
                "name",
                "country",
                "rule",
            ),
        )


@dataclass
class _Context:
    """What one run reads: the pinned inputs, the listings and the hand registry to match them on."""

    spec: Spec
    layout: Layout
    inputs: list[manifest.RawInput]
    entry: dict[str, Any]
    listings: list[Listed]
    hand: Hand
    display: DisplayNames
    keys: KeyMaker
    index: HandIndex
    decided: dict[str, dict[str, Any]]

    @property
    def list_date(self) -> str:
        return str(self.entry.get("list_date", ""))


@dataclass
class _Built:
    """What one run makes: patches, new entities and the entity id of each imported uid."""

    claims: _Claims
    patches: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: list[dict[str, Any]] = field(default_factory=list)
    uid_to_id: dict[str, str] = field(default_factory=dict)


def _load(layout: Layout, raw: Path | None, update_pin: bool, spec: Spec) -> _Context:
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
    return _Context(spec, layout, inputs, entry, listings, hand, display, keys, index, _decisions(layout, source_id))


def _prepare(ctx: _Context) -> dict[str, Prepared]:
    """Every entity listing with its country, identifiers and registry match (reviewed merges applied)."""
    prepared: dict[str, Prepared] = {}
    for item in ctx.listings:
        if item.is_entity:
            country = _country(item)
            idents = _identifiers(item)
            match = ctx.index.match(item.all_names(), idents, country)
            target = ctx.decided["merge"].get(item.uid)
            if target in ctx.index.by_id and not match.merge_id:
                match.merge_id, match.how, match.unresolved = target, "reviewed decision", False
                match.ambiguous = [(n, ids) for n, ids in match.ambiguous if ids != [target]]
            prepared[item.uid] = Prepared(item, country, idents, match)
    return prepared


def _merge_kept(
    kept: list[str], prepared: dict[str, Prepared], built: _Built, sec: _Sections, spec: Spec
) -> list[Prepared]:
    """Patch the kept listings that match a registry entity; returns those to import as new entities."""
    pending_new: list[Prepared] = []
    for uid in kept:
        p = prepared[uid]
        for n, rid, rc in p.match.country_conflicts:
            sec.conflicts.rows.append((uid, n, p.country or "?", rid, rc))
        for n, rids in p.match.ambiguous:
            sec.ambiguous.rows.append((uid, n, ", ".join(rids)))
        if p.match.unresolved:
            continue
        if p.match.merge_id:
            _patch(p, built.patches, built.claims, sec.dropped_names.rows, spec)
            built.uid_to_id[uid] = p.match.merge_id
            sec.merged.rows.append((uid, p.listing.name, p.match.merge_id, p.match.how))
        elif p.country is None:
            sec.no_country.rows.append((uid, p.listing.name))
        else:
            pending_new.append(p)
    return pending_new


def _add_entities(
    ctx: _Context,
    pending_new: list[Prepared],
    decisions: dict[str, Decision],
    idmap: IdMap,
    built: _Built,
    sec: _Sections,
) -> None:
    """Import the pending listings as new entities, with their possible duplicates for review."""
    taken = {e.id for e in ctx.hand.entities}
    for p in pending_new:
        uid = p.listing.uid
        ent = _entity(
            p, decisions[uid], ctx.display, built.claims, idmap, taken, sec.dropped_names.rows, ctx.list_date, ctx.spec
        )
        if ent is None:
            sec.ambiguous.rows.append((uid, p.listing.name, "every name is held by another entity"))
            continue
        taken.add(ent["id"])
        built.uid_to_id[uid] = ent["id"]
        built.entities.append(ent)
        sec.new.rows.append((ent["id"], ent["name"], ent["country"], decisions[uid].rule))
        names = [p.listing.name, *(n for _, n in p.listing.other_names)]
        for n, rid, method, score in ctx.index.possible_duplicates(names, p.country):
            if rid not in ctx.decided["distinct"].get(uid, ()):
                sec.dupes.rows.append((ent["id"], n, rid, method, score))


def _link_target(target: str, ctx: _Context, by_name: dict[str, str], uid_to_id: dict[str, str]) -> str | None:
    """The entity a "Linked To" name points at: an imported listing's, else a single hand entity's."""
    tid = uid_to_id.get(by_name.get(ctx.keys.key(target), ""))
    hand_ids = ctx.index.names.get(ctx.keys.key(target), set())
    if tid is None and len(hand_ids) == 1:
        tid = next(iter(hand_ids))
    return tid


def _parent_candidates(
    ctx: _Context, kept: list[str], prepared: dict[str, Prepared], uid_to_id: dict[str, str], sec: _Sections
) -> None:
    by_name: dict[str, str] = {}
    for item in ctx.listings:
        if item.is_entity:
            for n in item.all_names():
                by_name.setdefault(ctx.keys.key(n), item.uid)
    for uid in kept:
        own = uid_to_id.get(uid)
        if own is None:
            continue
        for target in prepared[uid].listing.remarks.linked_to:
            tid = _link_target(target, ctx, by_name, uid_to_id)
            if tid and tid != own:
                sec.parents.rows.append((own, target, tid))


def _counts(
    ctx: _Context,
    prepared: dict[str, Prepared],
    kept: list[str],
    stats: dict[str, dict[str, int]],
    built: _Built,
    sec: _Sections,
) -> dict[str, Any]:
    return {
        "listings": len(ctx.listings),
        "entity listings": len(prepared),
        "kept": len(kept),
        "kept by rule": stats["kept"],
        "dropped by reason": stats["dropped"],
        "merged into registry entities": len(sec.merged.rows),
        "patched registry entities": len(built.patches),
        "new entities": len(built.entities),
        "kept without a country": len(sec.no_country.rows),
    }


def _summary_lines(ctx: _Context, counts: dict[str, Any], stats: dict[str, dict[str, int]]) -> list[str]:
    list_date = ctx.list_date
    return [
        f"List: {ctx.entry.get('title')} of {list_date}; pinned files: "
        + ", ".join(f"`{i.name}` ({i.pin.get('list_date', list_date)})" for i in ctx.inputs),
        f"{counts['listings']} listings, {counts['entity listings']} of them entities; kept {counts['kept']}: "
        + ", ".join(f"{k} {v}" for k, v in stats["kept"].items()),
        "Dropped: " + ", ".join(f"{k} {v}" for k, v in stats["dropped"].items()),
        f"{counts['merged into registry entities']} listings merged into {counts['patched registry entities']} "
        f"registry entities (patches); {counts['new entities']} new entities; "
        f"{counts['kept without a country']} kept listings without a country",
    ]


def run(layout: Layout = DEFAULT, raw: Path | None = None, *, update_pin: bool = False, spec: Spec = SDN) -> Outcome:
    source_id = spec.source_id
    ctx = _load(layout, raw, update_pin, spec)
    prepared = _prepare(ctx)
    in_registry = {uid for uid, p in prepared.items() if p.match.merge_id}
    decisions = decide(ctx.listings, Rules.load(), in_registry)
    kept = sorted((uid for uid, d in decisions.items() if d.keep), key=int)

    review = Review(source_id, str(ctx.entry.get("title", source_id)))
    sec = _Sections.of(review)
    built = _Built(_Claims(ctx.index))
    pending_new = _merge_kept(kept, prepared, built, sec, spec)
    idmap = IdMap(layout.ids(source_id))
    _add_entities(ctx, pending_new, decisions, idmap, built, sec)
    _parent_candidates(ctx, kept, prepared, built.uid_to_id, sec)

    stats = summary(decisions)
    counts = _counts(ctx, prepared, kept, stats, built, sec)
    review.summary = _summary_lines(ctx, counts, stats)
    source = {
        "id": source_id,
        "title": ctx.entry.get("title"),
        "list_date": ctx.list_date,
        "manifest": source_id,
        "url": ctx.entry.get("url"),
    }
    patch_list = [{k: v for k, v in pt.items() if v} for pt in built.patches.values()]
    return Outcome(layer_text(source, built.entities, patch_list), review.markdown(), idmap.text(), counts, source_id)


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


def _patch(
    p: Prepared, patches: dict[str, dict[str, Any]], claims: _Claims, dropped: list[tuple[object, ...]], spec: Spec
) -> None:
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


def _entity(
    p: Prepared,
    decision: Decision,
    display: DisplayNames,
    claims: _Claims,
    idmap: IdMap,
    taken: set[str],
    dropped: list[tuple[object, ...]],
    list_date: str,
    spec: Spec,
) -> dict[str, Any] | None:
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
    aliases: list[str] = []
    former: list[str] = []
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
    add_plain_forms(display, (name, legal, aliases, former), keys.key, claims, eid)
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
    ent["note"] = (
        f"On {spec.list_name} (uid {uid}, programs {programs}) of {list_date}; "
        f"kept as defense-industrial by the rule {why}."
    )
    return ent
