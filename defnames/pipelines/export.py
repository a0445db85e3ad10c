"""``defnames export``: the registry as a table (CSV, JSON lines, Parquet) or as FollowTheMoney
entities, for the tools of OpenSanctions and Aleph.

One row per entity, sorted by id, with the columns of :data:`EXPORT_COLUMNS`: its names, kind,
status, country, parent and ultimate parent, owners, identifiers, website and sources. In JSON
lines the lists and owners are JSON; in CSV the lists of names and sources are joined with
``"; "`` and the owners, former names and identifiers are JSON text; in Parquet they are
list, struct and map columns.

The ``ftm`` format writes one FollowTheMoney entity per line (``{"id", "schema",
"properties"}``, every property a list of strings), following the FtM schema:

* each registry entity is a ``Company`` (an ``Organization`` for a division, which is no legal
  entity of its own) with ``name``, ``alias`` (the aliases and the registered name),
  ``weakAlias``, ``previousName``, ``country``, ``classification`` (the kind), ``status``,
  ``website``, ``sourceUrl``, ``notes``, ``parent`` and the identifiers FtM has a property
  for (``wikidataId``, ``leiCode``, ``ticker``, ``isinCode``, ``innCode``, ``ogrnCode``,
  ``okpoCode``, ``uscCode``, ``registrationNumber``, ``taxNumber``, ``vatCode``, ``idNumber``);
* each owner, and each parent that is not already an owner, is an ``Ownership`` with
  ``owner``, ``asset``, ``percentage``, ``startDate`` (the year under the parent) and ``date``
  (the year a share was stated); a holder that is not in the registry ("Government of
  Norway") is a ``LegalEntity`` of its own;
* a merged company and its successor are a ``Succession`` (``predecessor``, ``successor``).

Ids are ``defnames-<entity id>`` (``defnames-ownership-…``, ``defnames-holder-…``,
``defnames-succession-…`` for the others).

>>> import defnames
>>> rows = export_rows(defnames.registry())
>>> mbda = next(r for r in rows if r["id"] == "mbda")
>>> [(o["owner"], o["share"]) for o in mbda["owners"]]
[('airbus', 37.5), ('bae-systems', 37.5), ('leonardo', 25.0)]
>>> ftm = [e for e in ftm_entities(defnames.registry()) if e["id"] == "defnames-mbda"][0]
>>> ftm["schema"], ftm["properties"]["name"], ftm["properties"]["country"]
('Company', ['MBDA'], ['fr'])
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from defnames.errors import InputError
from defnames.models import Entity, EntityKind, EntityStatus

if TYPE_CHECKING:
    from defnames._resolver import Registry

__all__ = ["EXPORT_COLUMNS", "EXPORT_FORMATS", "export_registry", "export_rows", "ftm_entities"]

EXPORT_FORMATS = ("csv", "jsonl", "parquet", "ftm")
EXPORT_COLUMNS = (
    "id",
    "name",
    "legal_name",
    "kind",
    "status",
    "country",
    "city",
    "parent_id",
    "ultimate_parent_id",
    "parent_since",
    "successor_id",
    "until",
    "aliases",
    "weak_aliases",
    "former_names",
    "owners",
    "identifiers",
    "website",
    "sources",
    "note",
)
_LISTS = ("aliases", "weak_aliases", "sources")
_JSON_CELLS = ("former_names", "owners", "identifiers")
_PREFIX = "defnames-"

#: registry identifier keys (without a ``_2`` ending) -> FtM property
FTM_IDENTIFIERS = {
    "wikidata": "wikidataId",
    "lei": "leiCode",
    "ticker": "ticker",
    "isin": "isinCode",
    "tax_id_ru": "innCode",
    "registration_ru": "ogrnCode",
    "okpo": "okpoCode",
    "okpo_ru": "okpoCode",
    "okpo_by": "okpoCode",
    "uscc": "uscCode",
    "uscc_cn": "uscCode",
    "companies_house": "registrationNumber",
    "che_uid": "registrationNumber",
    "vat_lu": "vatCode",
}
_FTM_PREFIXES = (("registration", "registrationNumber"), ("tax_id", "taxNumber"), ("national_id", "idNumber"))


def _row(reg: Registry, e: Entity) -> dict[str, Any]:
    chain = reg.parent_chain(e.id)
    return {
        "id": e.id,
        "name": e.name,
        "legal_name": e.legal_name,
        "kind": e.kind.value,
        "status": e.status.value,
        "country": e.country,
        "city": e.city,
        "parent_id": e.parent,
        "ultimate_parent_id": chain[-1].id if chain else None,
        "parent_since": e.parent_since,
        "successor_id": e.successor,
        "until": e.until,
        "aliases": list(e.aliases),
        "weak_aliases": list(e.weak_aliases),
        "former_names": [f.model_dump(exclude_none=True) for f in e.former_names],
        "owners": [
            {"owner": o.owner, "in_registry": o.owner in reg, "share": o.share, "as_of": o.as_of} for o in e.owners
        ],
        "identifiers": dict(e.identifiers),
        "website": e.website,
        "sources": list(e.sources),
        "note": e.note,
    }


def export_rows(reg: Registry) -> list[dict[str, Any]]:
    """One dictionary per entity, sorted by id, with the keys of :data:`EXPORT_COLUMNS`."""
    return [_row(reg, e) for e in reg.entities]


def _csv_cell(key: str, v: Any) -> str:
    if v is None:
        return ""
    if key in _LISTS:
        return "; ".join(v)
    if key in _JSON_CELLS:
        return json.dumps(v, ensure_ascii=False) if v else ""
    return str(v)


# -- FollowTheMoney -------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _inn_ok(v: str) -> bool:
    """A Russian INN: 10 or 12 digits with their check digits."""

    def check(digits: str, weights: tuple[int, ...]) -> int:
        return sum(int(d) * w for d, w in zip(digits, weights)) % 11 % 10

    if not re.fullmatch(r"\d{10}|\d{12}", v):
        return False
    if len(v) == 10:
        return check(v, (2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(v[9])
    return check(v, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)) == int(v[10]) and check(
        v, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    ) == int(v[11])


def _ogrn_ok(v: str) -> bool:
    """A Russian OGRN (13 digits) or OGRNIP (15 digits) with its check digit."""
    if not re.fullmatch(r"\d{13}|\d{15}", v):
        return False
    return int(v[:-1]) % (11 if len(v) == 13 else 13) % 10 == int(v[-1])


#: FtM properties whose values FtM checks; a value that fails goes to the generic property
_CHECKED = {"innCode": (_inn_ok, "taxNumber"), "ogrnCode": (_ogrn_ok, "registrationNumber")}


def _ftm_identifiers(e: Entity) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in e.identifiers.items():
        base = re.sub(r"_\d+$", "", key)
        prop = FTM_IDENTIFIERS.get(base) or next((p for pre, p in _FTM_PREFIXES if base.startswith(pre)), None)
        if prop in _CHECKED and not _CHECKED[prop][0](value):
            prop = _CHECKED[prop][1]
        if prop:
            out.setdefault(prop, []).append(value)
    return out


def _props(**values: Any) -> dict[str, list[str]]:
    """FtM properties: every value a list of strings, empty ones left out."""
    out: dict[str, list[str]] = {}
    for k, v in values.items():
        items = v if isinstance(v, (list, tuple)) else [v]
        strs = [_ftm_value(x) for x in items if x is not None and x != ""]
        if strs:
            out[k] = list(dict.fromkeys(strs))
    return out


def _ftm_value(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:g}"
    return str(x)


def _ftm_entity(e: Entity) -> dict[str, Any]:
    schema = "Organization" if e.kind is EntityKind.division else "Company"
    props = _props(
        name=e.name,
        alias=[*e.aliases, *([e.legal_name] if e.legal_name and e.legal_name != e.name else [])],
        weakAlias=list(e.weak_aliases),
        previousName=[f.name for f in e.former_names],
        country=e.country.lower(),
        classification=e.kind.value.replace("_", " "),
        status=e.status.value,
        website=e.website,
        sourceUrl=list(e.sources),
        notes=e.note,
        parent=_PREFIX + e.parent if e.parent else None,
    )
    props.update(_ftm_identifiers(e))
    return {"id": _PREFIX + e.id, "schema": schema, "properties": props}


def ftm_entities(reg: Registry) -> Iterator[dict[str, Any]]:
    """The registry as FollowTheMoney entities (see the module): companies, ownerships, holders,
    successions."""
    holders: dict[str, str] = {}
    for e in reg.entities:
        yield _ftm_entity(e)
    for e in reg.entities:
        if e.kind is EntityKind.division:  # an Organization is no FtM Asset: its parent link is `parent`
            continue
        owners = {o.owner: o for o in e.owners}
        links = list(owners)
        if e.parent and e.parent not in owners:
            links.append(e.parent)
        for owner in links:
            o = owners.get(owner)
            if owner in reg:
                owner_id = _PREFIX + owner
            else:
                owner_id = f"{_PREFIX}holder-{_slug(owner)}"
                if owner_id not in holders:
                    holders[owner_id] = owner
                    yield {"id": owner_id, "schema": "LegalEntity", "properties": _props(name=owner)}
            yield {
                "id": f"{_PREFIX}ownership-{_slug(owner)}-{e.id}",
                "schema": "Ownership",
                "properties": _props(
                    owner=owner_id,
                    asset=_PREFIX + e.id,
                    percentage=o.share if o is not None else None,
                    date=o.as_of if o is not None else None,
                    startDate=e.parent_since if owner == e.parent else None,
                    role="parent company" if owner == e.parent else "shareholder",
                    sourceUrl=list(e.sources),
                ),
            }
        if e.status is EntityStatus.merged and e.successor and e.successor in reg:
            yield {
                "id": f"{_PREFIX}succession-{e.id}",
                "schema": "Succession",
                "properties": _props(
                    predecessor=_PREFIX + e.id, successor=_PREFIX + e.successor, sourceUrl=list(e.sources)
                ),
            }


# -- writing ----------------------------------------------------------------------------------


def _format(path: str | None, fmt: str | None) -> str:
    if fmt:
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"--format: unknown format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")
        return fmt
    if path and path != "-":
        low = path.lower()
        for suffix, kind in (
            (".ftm.json", "ftm"),
            (".ftm.jsonl", "ftm"),
            (".csv", "csv"),
            (".jsonl", "jsonl"),
            (".ndjson", "jsonl"),
            (".json", "jsonl"),
            (".parquet", "parquet"),
            (".pq", "parquet"),
        ):
            if low.endswith(suffix):
                return kind
    return "jsonl"


def _parquet(rows: list[dict[str, Any]], path: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet needs pyarrow: pip install 'defnames[parquet]'") from None
    s, i, f = pa.string(), pa.int64(), pa.float64()
    schema = pa.schema(
        [
            ("id", s),
            ("name", s),
            ("legal_name", s),
            ("kind", s),
            ("status", s),
            ("country", s),
            ("city", s),
            ("parent_id", s),
            ("ultimate_parent_id", s),
            ("parent_since", i),
            ("successor_id", s),
            ("until", i),
            ("aliases", pa.list_(s)),
            ("weak_aliases", pa.list_(s)),
            ("former_names", pa.list_(pa.struct([("name", s), ("until", i), ("since", i)]))),
            ("owners", pa.list_(pa.struct([("owner", s), ("in_registry", pa.bool_()), ("share", f), ("as_of", i)]))),
            ("identifiers", pa.map_(s, s)),
            ("website", s),
            ("sources", pa.list_(s)),
            ("note", s),
        ]
    )
    data = [{**r, "identifiers": list(r["identifiers"].items())} for r in rows]
    try:
        pq.write_table(pa.Table.from_pylist(data, schema=schema), path)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc}") from None


def export_registry(reg: Registry, path: str | None, *, fmt: str | None = None, stdout: TextIO | None = None) -> int:
    """Write the registry to ``path`` (None or ``-``: ``stdout``); returns the number of records.

    Args:
        fmt: ``csv``, ``jsonl``, ``parquet`` or ``ftm`` (default: from the file name —
            ``.ftm.json`` means FtM — else JSON lines).
    """
    kind = _format(path, fmt)
    to_stdout = path in (None, "-")
    if kind == "parquet":
        if to_stdout:
            raise InputError("Parquet output needs -o FILE")
        assert path is not None
        rows = export_rows(reg)
        _parquet(rows, path)
        return len(rows)
    try:
        out = (stdout or sys.stdout) if to_stdout else open(path, "w", encoding="utf-8", newline="")  # type: ignore[arg-type]  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None
    n = 0
    try:
        if kind == "csv":
            w = csv.writer(out, lineterminator="\n")
            w.writerow(EXPORT_COLUMNS)
            for r in export_rows(reg):
                w.writerow([_csv_cell(k, r[k]) for k in EXPORT_COLUMNS])
                n += 1
        else:
            records = ftm_entities(reg) if kind == "ftm" else iter(export_rows(reg))
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if not to_stdout:
            out.close()
    return n
