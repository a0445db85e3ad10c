"""The ownership tree of an entity, drawn as inline SVG (no script, no external resource).

The picture is an indented tree: the ultimate parent at the top, each parent below the one that
owns it, the entity itself highlighted, its direct subsidiaries under it; owners other than the
parent stand in a column on the right, each joined to the entity with its share and year.

>>> import defnames
>>> svg = ownership_svg(defnames.registry(), "rheinmetall")
>>> svg.startswith("<svg") and "Rheinmetall" in svg
True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

from defnames import Entity, Owner, Registry

__all__ = ["ownership_svg"]

_ROW_H = 30
_BOX_H = 22
_INDENT = 22
_BOX_W = 250
_OWNER_W = 230
_MARGIN = 8
_GAP = 110  # between the tree and the owners column (room for the share labels)
_FONT = 12


@dataclass(frozen=True)
class _Row:
    depth: int
    label: str
    title: str
    entity_id: str | None
    role: str  # "ancestor", "self", "child", "more"
    edge: str = ""  # label on the connector from the row above (a share)


def _width(text: str) -> int:
    """Roughly how many average Latin letters wide a text is (wide scripts count twice)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, room: int) -> str:
    if _width(text) <= room:
        return text
    out = ""
    for c in text:
        if _width(out + c) > room - 1:
            break
        out += c
    return out.rstrip() + "…"


def _share(o: Owner) -> str:
    parts = []
    if o.share is not None:
        parts.append(f"{o.share:g}%")
    if o.as_of is not None:
        parts.append(f"({o.as_of})")
    return " ".join(parts)


def _label(e: Entity) -> str:
    return f"{e.name} · {e.country}"


def _held(e: Entity, owner_id: str) -> str:
    """The share ``owner_id`` holds in ``e``, as a label ("" when not recorded)."""
    return next((_share(o) for o in e.owners if o.owner == owner_id), "")


def _rows(reg: Registry, e: Entity, max_children: int) -> list[_Row]:
    """The rows of the indented tree; each row's ``edge`` is the share its parent holds in it."""
    chain = [*reversed(reg.parent_chain(e.id)), e]  # the ultimate parent first, the entity last
    rows = [
        _Row(
            depth,
            _label(x),
            x.name,
            x.id,
            "self" if x is e else "ancestor",
            _held(x, chain[depth - 1].id) if depth else "",
        )
        for depth, x in enumerate(chain)
    ]
    depth = len(chain)
    kids = reg.subsidiaries(e.id)
    rows += [_Row(depth, _label(k), k.name, k.id, "child", _held(k, e.id)) for k in kids[:max_children]]
    if len(kids) > max_children:
        more = len(kids) - max_children
        rows.append(_Row(depth, f"… and {more} more", f"{more} more subsidiaries", None, "more"))
    return rows


def _box(
    x: int, y: int, w: int, row_label: str, title: str, entity_id: str | None, role: str, link: bool, room: int
) -> str:
    fill, stroke, ink = {
        "self": ("#1f4e79", "#1f4e79", "#ffffff"),
        "ancestor": ("#eef3f8", "#7a96b4", "#14212e"),
        "child": ("#f6f8fa", "#a8b6c4", "#14212e"),
        "owner": ("#fff6e5", "#c9a45c", "#2e2414"),
        "more": ("#ffffff", "#c8d0d8", "#5a6570"),
    }[role]
    cls = f"node node-{role}"
    body = (
        f'<rect x="{x}" y="{y}" width="{w}" height="{_BOX_H}" rx="4" fill="{fill}" stroke="{stroke}"/>'
        f'<text x="{x + 8}" y="{y + _BOX_H // 2 + 4}" fill="{ink}">{escape(_clip(row_label, room))}</text>'
    )
    data = f' data-id="{escape(entity_id)}"' if entity_id else ""
    inner = f'<g class="{cls}"{data}><title>{escape(title)}</title>{body}</g>'
    if link and entity_id and role != "self":
        return f'<a href="#/entity/{escape(entity_id)}">{inner}</a>'
    return inner


def ownership_svg(reg: Registry, entity_id: str, *, max_children: int = 12, link: bool = True) -> str:
    """An SVG picture of who owns an entity and what it owns.

    Args:
        reg: the registry.
        entity_id: the entity to centre the picture on.
        max_children: most subsidiaries drawn (the rest are counted in one box).
        link: make every other entity's box a link to ``#/entity/<id>`` (the search page's
            address for an entity card).

    Raises:
        UnknownEntityError: no entity has this id.
    """
    e = reg.get(entity_id)
    rows = _rows(reg, e, max_children)
    self_row = next(i for i, r in enumerate(rows) if r.role == "self")
    owners = [o for o in e.owners if not (e.parent and o.owner == e.parent)]
    tree_w = _MARGIN + max(r.depth for r in rows) * _INDENT + _BOX_W
    width = tree_w + (_GAP + _OWNER_W if owners else 0) + _MARGIN
    n_rows = max(len(rows), self_row + len(owners))
    height = _MARGIN * 2 + n_rows * _ROW_H - (_ROW_H - _BOX_H)
    room = (_BOX_W - 16) * 10 // (_FONT * 6)
    parts: list[str] = []
    lines: list[str] = []
    last_at_depth: dict[int, int] = {}
    for i, r in enumerate(rows):
        x = _MARGIN + r.depth * _INDENT
        y = _MARGIN + i * _ROW_H
        if r.depth > 0 and (r.depth - 1) in last_at_depth:
            p = last_at_depth[r.depth - 1]
            px = _MARGIN + (r.depth - 1) * _INDENT + _INDENT // 2
            py = _MARGIN + p * _ROW_H + _BOX_H
            mid = y + _BOX_H // 2
            lines.append(f'<path d="M{px} {py} V{mid} H{x}" fill="none" stroke="#8a9aab"/>')
            if r.edge:
                label_x = x + _BOX_W + 6
                parts.append(f'<text class="share" x="{label_x}" y="{mid + 4}" fill="#5a6570">{escape(r.edge)}</text>')
        last_at_depth[r.depth] = i
        for deeper in [d for d in last_at_depth if d > r.depth]:
            del last_at_depth[deeper]
        parts.append(_box(x, y, _BOX_W, r.label, r.title, r.entity_id, r.role, link, room))
    if owners:
        sx = _MARGIN + rows[self_row].depth * _INDENT + _BOX_W
        sx += 8 + 7 * len(rows[self_row].edge)  # start past the parent's share label
        sy = _MARGIN + self_row * _ROW_H + _BOX_H // 2
        ox = tree_w + _GAP
        owner_room = (_OWNER_W - 16) * 10 // (_FONT * 6)
        for j, o in enumerate(owners):
            oy = _MARGIN + (self_row + j) * _ROW_H
            known = o.owner in reg
            name = reg.get(o.owner).name if known else o.owner
            label = f"{name} · {reg.get(o.owner).country}" if known else name
            lines.append(f'<path d="M{sx} {sy} L{ox} {oy + _BOX_H // 2}" fill="none" stroke="#c9a45c"/>')
            share = _share(o)
            if share:
                parts.append(
                    f'<text class="share" x="{ox - 6}" y="{oy + _BOX_H // 2 - 4}" '
                    f'text-anchor="end" fill="#7a5c1e">{escape(share)}</text>'
                )
            parts.append(
                _box(ox, oy, _OWNER_W, label, f"owner: {name}", o.owner if known else None, "owner", link, owner_room)
            )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ownership-tree" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="system-ui, sans-serif" font-size="{_FONT}" '
        f'aria-label="{escape("Ownership of " + e.name)}">'
        f"<title>{escape('Ownership of ' + e.name)}</title>" + "".join(lines) + "".join(parts) + "</svg>"
    )
