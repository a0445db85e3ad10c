"""The shared import pipeline: records of one list -> layer, id file and review report.

Pipeline: verify the pins (:mod:`importers.manifest`) -> the source's reader turns the raw
files into :class:`Record` objects -> match each entity record against the hand registry
*with the layers listed before this source in MANIFEST.yml merged in* (so a company on
several lists is imported once, and later lists add their names to it) -> keep the
defense-industrial ones (:mod:`.defense`) -> patches for matched records, new entities for
the rest -> layer, id file, review. Same pinned input and same registry: same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import manifest, yamlio
from ..hand import Hand
from ..ids import IdMap, slug
from ..layer import layer_text
from ..matching import HandIndex, MatchResult
from ..namekey import KeyMaker
from ..names import DisplayNames, add_plain_forms, title
from ..paths import DEFAULT, Layout
from ..review import Review, Section
from .defense import Decision, Rules, decide, summary
from .record import Record

Reader = Callable[[dict[str, bytes]], list[Record]]


@dataclass(frozen=True)
class Spec:
    """One flat-list source: manifest key, raw file names, how to read them, where its filter
    is, the identifier key its uids go under, and its public URLs."""

    source_id: str
    files: tuple[str, ...]
    read: Reader
    filter_file: Path
    uid_key: str
    list_name: str  # "Japan's MOF asset-freeze list", for notes
    list_url: str
    state_words: tuple[str, ...] = (
        "state corporation",
        "state unitary enterprise",
        "federal state",
        "state enterprise",
        "fgup",
        "state owned",
    )
    variants: Callable[[str], list[str]] | None = None  # extra spellings of a listed name


@dataclass
class Outcome:
    layer: str
    review: str
    ids: str
    counts: dict[str, Any] = field(default_factory=dict)
    source_id: str = ""


@dataclass
class Prepared:
    record: Record
    names: list[str]
    identifiers: dict[str, str]
    match: MatchResult


def earlier_layers(layout: Layout, pins: dict[str, Any], source_id: str) -> list[Path]:
    """Layer files of the sources before ``source_id`` in the manifest (those that exist)."""
    out = []
    for sid in pins.get("sources") or {}:
        if sid == source_id:
            break
        if layout.layer(sid).is_file():
            out.append(layout.layer(sid))
    return out


class _Claims:
    """Which entity holds each name key, across the registry, patches and new entities."""

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

    def holder(self, key: str) -> str:
        return self.owner.get(key) or ", ".join(sorted(self.index.all_keys.get(key, ())))


def _names(rec: Record, spec: Spec, display: DisplayNames) -> list[str]:
    """The listed names plus the source's variants, without names that are only a legal form
    ('Aktsionernoe Obshchestvo'), only descriptor words ('Technology Co., Ltd'), or have no letter."""
    names = rec.all_names()
    if spec.variants:
        names += [v for n in names for v in spec.variants(n)]
    forms = display.keys.forms
    return list(
        dict.fromkeys(
            n
            for n in names
            if n
            and any(c.isalpha() for c in n)
            and tuple(display.keys.tokens(n)) not in forms
            and not display.keys.descriptors_only(n)
        )
    )


def _decisions(layout: Layout, source_id: str) -> dict[str, dict[str, Any]]:
    path = layout.imported / f"{source_id}.decisions.yml"
    data = (yamlio.load(path) if path.exists() else None) or {}
    merge = {str(k): str(v) for k, v in (data.get("merge") or {}).items()}
    distinct = {str(k): {v} if isinstance(v, str) else set(v) for k, v in (data.get("distinct") or {}).items()}
    return {"merge": merge, "distinct": distinct}


def run(
    layout: Layout = DEFAULT, raw: Path | None = None, *, update_pin: bool = False, spec: Spec | None = None
) -> Outcome:
    """Import one source: read and verify its pinned files, match, filter, build the layer."""
    assert spec is not None, "a listkit source needs its Spec"
    pins = manifest.load(layout)
    inputs = manifest.read_inputs(pins, spec.source_id, list(spec.files), raw, update_pin=update_pin, layout=layout)
    if update_pin:
        manifest.save(pins, layout)
    job = _Run(layout, spec, pins, spec.read({i.name: i.data for i in inputs}))
    job.prepare()
    job.place()
    job.create()
    job.group_parents()
    return job.outcome(inputs)


class _Run:
    """The state of one import run, step by step (see :func:`run`)."""

    def __init__(self, layout: Layout, spec: Spec, pins: dict[str, Any], records: list[Record]) -> None:
        self.layout, self.spec, self.pins, self.records = layout, spec, pins, records
        self.entry = manifest.source(pins, spec.source_id)
        self.hand = Hand.load(layout.reference, earlier_layers(layout, pins, spec.source_id))
        local_keys = KeyMaker.from_lexicon(layout.lexicon)
        self.display = DisplayNames(local_keys)
        self.keys = local_keys.with_registry(self.hand.registry)
        self.index = HandIndex(self.hand, self.keys)
        self.list_date = str(self.entry.get("list_date", ""))
        self.decided = _decisions(layout, spec.source_id)
        self.claims = _Claims(self.index)
        self.patches: dict[str, dict[str, Any]] = {}
        self.pending: list[Prepared] = []
        self.entities: list[dict[str, Any]] = []
        self.idmap = _IdMap(layout.ids(spec.source_id))
        self.review = Review(spec.source_id, str(self.entry.get("title", spec.source_id)))
        self.s = _sections(self.review)

    def prepare(self) -> None:
        """Match every entity record, then decide which records are kept."""
        self.prepared: dict[str, Prepared] = {}
        for rec in self.records:
            if not rec.is_entity:
                continue
            idents = {self.spec.uid_key: rec.uid, **rec.identifiers}
            names = _names(rec, self.spec, self.display)
            others = {k: v for k, v in idents.items() if k != self.spec.uid_key}
            match = self.index.match(names, others, rec.country)
            if match.how.startswith("identifier"):
                by_name = self.index.match(names, {}, rec.country)
                if by_name.merge_id and by_name.merge_id != match.merge_id:
                    self.s["id_conflicts"].rows.append((rec.uid, match.how, match.merge_id, by_name.merge_id))
                    match = by_name
            target = self.decided["merge"].get(rec.uid)
            if target in self.index.by_id and not match.merge_id:
                match.merge_id, match.how, match.unresolved = target, "reviewed decision", False
            self.prepared[rec.uid] = Prepared(rec, names, idents, match)
        in_registry = {uid for uid, p in self.prepared.items() if p.match.merge_id}
        self.decisions = decide(self.records, Rules.load(self.spec.filter_file), in_registry)
        self.kept = [r.uid for r in self.records if self.decisions[r.uid].keep]

    def place(self) -> None:
        """Kept records that matched become patches; the others wait for :meth:`create`."""
        s = self.s
        for uid in self.kept:
            p = self.prepared[uid]
            for n, rid, rc in p.match.country_conflicts:
                s["conflicts"].rows.append((uid, n, p.record.country or "?", rid, rc))
            for n, rids in p.match.ambiguous:
                s["ambiguous"].rows.append((uid, n, ", ".join(rids)))
            if p.match.unresolved:
                continue
            if p.match.merge_id:
                _patch(p, self.patches, self.claims, s["dropped"].rows, self.spec)
                s["merged"].rows.append((uid, p.record.display_source(), p.match.merge_id, p.match.how))
            elif p.record.country is None:
                s["no_country"].rows.append((uid, p.record.display_source()))
            else:
                self.pending.append(p)

    def create(self) -> None:
        """New entities for the kept records that matched nothing."""
        s = self.s
        taken = {e.id for e in self.hand.entities}
        for p in self.pending:
            d = self.decisions[p.record.uid]
            ent = _entity(
                p, d, self.display, self.claims, self.idmap, taken, s["dropped"].rows, self.list_date, self.spec
            )
            if ent is None:
                s["ambiguous"].rows.append(
                    (p.record.uid, p.record.display_source(), "every name is held by another entity")
                )
                continue
            taken.add(ent["id"])
            self.entities.append(ent)
            rule = d.rule + (f" ({d.detail})" if d.detail else "")
            s["new"].rows.append((ent["id"], ent["name"], ent["country"], rule))
            for n, rid, method, score in self.index.possible_duplicates(p.names, p.record.country):
                if rid not in self.decided["distinct"].get(p.record.uid, ()):
                    s["dupes"].rows.append((ent["id"], n, rid, method, score))

    def group_parents(self) -> None:
        """Parent candidates from the groups a list writes entries under."""
        placed = {uid: p.match.merge_id for uid, p in self.prepared.items() if p.match.merge_id}
        placed |= {e["identifiers"][self.spec.uid_key]: e["id"] for e in self.entities}
        for uid in self.kept:
            hint = self.prepared[uid].record.parent_hint
            own = placed.get(uid)
            if not hint or not own:
                continue
            key = self.keys.key(hint)
            owner = self.claims.owner.get(key)
            holders = self.index.names.get(key, set()) or ({owner} if owner else set())
            if len(holders) == 1 and own not in holders:
                self.s["parents"].rows.append((own, hint, next(iter(holders))))

    def outcome(self, inputs: list[manifest.RawInput]) -> Outcome:
        sid, stats = self.spec.source_id, summary(self.decisions)
        counts = {
            "listings": len(self.records),
            "entity listings": len(self.prepared),
            "kept": len(self.kept),
            "kept by rule": stats["kept"],
            "dropped by reason": stats["dropped"],
            "merged into registry entities": len(self.s["merged"].rows),
            "patched registry entities": len(self.patches),
            "new entities": len(self.entities),
            "kept without a country": len(self.s["no_country"].rows),
            "ambiguous or every name taken": len(self.s["ambiguous"].rows),
        }
        earlier = ", ".join(p.stem for p in earlier_layers(self.layout, self.pins, sid)) or "the hand registry"
        self.review.summary = [
            f"List: {self.entry.get('title')} of {self.list_date}; pinned files: "
            + ", ".join(f"`{i.name}` ({i.pin.get('list_date', self.list_date)})" for i in inputs),
            f"{counts['listings']} listings, {counts['entity listings']} of them entities; kept {counts['kept']}: "
            + ", ".join(f"{k} {v}" for k, v in stats["kept"].items()),
            "Dropped: " + ", ".join(f"{k} {v}" for k, v in stats["dropped"].items()),
            f"{counts['merged into registry entities']} listings merged into {counts['patched registry entities']} "
            f"registry entities (patches); {counts['new entities']} new entities; "
            f"{counts['kept without a country']} kept listings without a country",
            f"Filter: {self.spec.filter_file.relative_to(self.spec.filter_file.parents[2]).as_posix()}; "
            f"matched on top of: {earlier}",
        ]
        source = {
            "id": sid,
            "title": self.entry.get("title"),
            "list_date": self.list_date,
            "manifest": sid,
            "url": self.entry.get("url"),
        }
        patch_list = [{k: v for k, v in pt.items() if v} for pt in self.patches.values()]
        return Outcome(
            layer_text(source, self.entities, patch_list), self.review.markdown(), self.idmap.text(), counts, sid
        )


def _sections(review: Review) -> dict[str, Section]:
    """The review's sections, in the order they are printed."""
    return {
        "conflicts": review.section(
            "Country disagreements",
            "A listed name equals a name of a registry entity in another country: not merged, "
            "and the name is left out of the imported entity.",
            "uid",
            "listed name",
            "list country",
            "registry id",
            "registry country",
        ),
        "ambiguous": review.section(
            "Ambiguous exact hits",
            "Listings whose names equal names of several registry entities in their country "
            "(and no primary-name hit decides): neither merged nor imported.",
            "uid",
            "listed names",
            "registry ids",
        ),
        "dupes": review.section(
            "Possible duplicates",
            "New entities whose name `Registry.resolve` ties to a registry entity without a strict "
            "hit: check, then record `merge` or `distinct` in the decisions file.",
            "new id",
            "listed name",
            "registry id",
            "method",
            "score",
        ),
        "dropped": review.section(
            "Names left out", "Names another entity already holds.", "entity id", "name", "held by"
        ),
        "no_country": review.section(
            "Kept listings without a country", "No address or section gives a country: not imported.", "uid", "name"
        ),
        "merged": review.section(
            "Merged into registry entities",
            "Listings folded into registry entities (hand or earlier layers) as patches.",
            "uid",
            "listed name",
            "registry id",
            "how",
        ),
        "new": review.section(
            "New entities",
            "Kept listings imported as new entities, with the rule that kept them.",
            "id",
            "name",
            "country",
            "rule",
        ),
        "id_conflicts": review.section(
            "Identifier disagreements",
            "A listed number is that of one registry entity while the listed names strictly name another: "
            "merged by name; check which entity the number belongs to.",
            "uid",
            "identifier",
            "entity with the number",
            "entity named",
        ),
        "parents": review.section(
            "Parent candidates",
            'Groups the list writes an entry under ("Group, Member"), found by a strict name. The '
            "list shows membership, not the share: set `parent` by hand once a source shows control.",
            "entity id",
            "group (as listed)",
            "group id",
        ),
    }


def targets(outcome: Outcome, layout: Layout = DEFAULT) -> dict[Path, str]:
    sid = outcome.source_id
    return {layout.layer(sid): outcome.layer, layout.review(sid): outcome.review, layout.ids(sid): outcome.ids}


def write(outcome: Outcome, layout: Layout = DEFAULT) -> list[Path]:
    return [p for p, t in targets(outcome, layout).items() if yamlio.write_if_changed(p, t)]


class _IdMap(IdMap):
    """The id file, with list uids such as 'RU:26' slugged when one has to suffix an id."""

    def assign(self, uid: str, name: str, country: str, taken: set[str]) -> str:
        if uid in self.ids:
            return self.ids[uid]
        used = taken | set(self.ids.values())
        base = slug(name)
        for candidate in (base, f"{base}-{country.lower()}", f"{base}-{slug(uid)}"):
            if candidate not in used:
                break
        self.ids[uid] = candidate
        return candidate


def _sources(rec: Record, spec: Spec) -> list[str]:
    return [s for s in (rec.detail_url, spec.list_url) if s]


def _add_identifiers(target: dict[str, str], idents: dict[str, str], have: dict[str, str], uid_key: str) -> None:
    """Add the listed identifiers the entity lacks; a second uid of the same list goes under
    ``<uid_key>_2``; another identifier whose key the entity already has is left out."""
    for k, v in idents.items():
        if v in (have.get(k), target.get(k)):
            continue
        if k != uid_key:
            if k not in have and k not in target:
                target[k] = v
            continue
        key, i = k, 2
        while key in have or key in target:
            if v in (have.get(key), target.get(key)):
                break
            key, i = f"{k}_{i}", i + 1
        else:
            target[key] = v


def _patch(
    p: Prepared, patches: dict[str, dict[str, Any]], claims: _Claims, dropped: list[tuple[object, ...]], spec: Spec
) -> None:
    eid = p.match.merge_id or ""
    patch = patches.setdefault(eid, {"id": eid, "aliases": [], "identifiers": {}, "sources": []})
    own = claims.index.keys_of(eid)
    for k in own:
        claims.take(k, eid)
    for n in p.names:
        key = claims.index.keys.key(n)
        if not key or key in own or any(claims.index.keys.key(a) == key for a in patch["aliases"]):
            continue
        if not claims.free(key, eid):
            dropped.append((eid, n, claims.holder(key)))
            continue
        claims.take(key, eid)
        patch["aliases"].append(n)
    _add_identifiers(patch["identifiers"], p.identifiers, dict(claims.index.by_id[eid].identifiers), spec.uid_key)
    for s in _sources(p.record, spec):
        if s not in patch["sources"]:
            patch["sources"].append(s)


def _kind(rec: Record, spec: Spec) -> str:
    text = " ".join(n.lower() for n in rec.all_names())
    return "state_enterprise" if rec.state_owned or any(w in text for w in spec.state_words) else "company"


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
    rec = p.record
    keys = claims.index.keys
    blocked = p.match.blocked_keys
    usable = [n for n in p.names if keys.key(n) and keys.key(n) not in blocked]
    if not usable:
        return None
    first = rec.display_source() if rec.display_source() in usable else usable[0]
    eid = idmap.assign(rec.uid, display.name(first), rec.country or "", taken)
    name = next((c for c in (display.name(first), title(first)) if keys.key(c) and claims.free(keys.key(c), eid)), None)
    if name is None:
        return None
    legal = display.legal_name(first) if name == display.name(first) else None
    claims.take(keys.key(name), eid)
    if legal and claims.free(keys.key(legal), eid):
        claims.take(keys.key(legal), eid)
    else:
        legal = None
    former_set = rec.former()
    listed = set(rec.all_names())
    aliases: list[str] = []
    former: list[str] = []
    seen = {keys.key(name)} | ({keys.key(legal)} if legal else set())
    for n in p.names:
        key = keys.key(n)
        if not key or key in blocked or (n not in listed and key in seen):
            continue  # a derived spelling only counts when it adds a new key
        seen.add(key)
        if not claims.free(key, eid):
            dropped.append((eid, n, claims.holder(key)))
            continue
        claims.take(key, eid)
        if n.casefold() in (name.casefold(), (legal or "").casefold()):
            continue
        (former if n in former_set else aliases).append(n)
    add_plain_forms(display, (name, legal, aliases, former), keys.key, claims, eid)
    ent: dict[str, Any] = {"id": eid, "name": name}
    if legal:
        ent["legal_name"] = legal
    ent["kind"] = _kind(rec, spec)
    ent["country"] = rec.country
    if aliases:
        ent["aliases"] = aliases
    if former:
        ent["former_names"] = [{"name": n} for n in former]
    ent["status"] = "active"
    ent["identifiers"] = dict(sorted(p.identifiers.items()))
    if rec.website:
        ent["website"] = rec.website
    ent["sources"] = _sources(rec, spec)
    why = f"{decision.rule} ({decision.detail})" if decision.detail else decision.rule
    since = f", listed {rec.listed_on}" if rec.listed_on else ""
    ent["note"] = (
        f"On {spec.list_name} ({spec.uid_key} {rec.uid}, sections {', '.join(rec.programs)}{since}) "
        f"of {list_date}; kept as defense-industrial by the rule {why}."
    )
    return ent
