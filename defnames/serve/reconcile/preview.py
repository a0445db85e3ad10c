"""The preview and flyout card of one entity (HTML)."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from defnames import Entity, Registry

from ..shapes import country_name
from .extend import _share_text
from .manifest import _KIND_NAMES


def _card(reg: Registry, e: Entity, base: str) -> str:
    chain = reg.parent_chain(e.id)
    rows = [
        ("Country", f"{country_name(e.country)} ({e.country})"),
        ("Kind", _KIND_NAMES.get(e.kind.value, e.kind.value)),
    ]
    if e.legal_name:
        rows.insert(0, ("Legal name", e.legal_name))
    if chain:
        rows.append(("Parents", " › ".join(x.name for x in chain)))
    if e.owners:
        rows.append(
            (
                "Owners",
                "; ".join(
                    (reg.get(o.owner).name if o.owner in reg else o.owner) + _share_text(o.share, o.as_of)
                    for o in e.owners
                ),
            )
        )
    if e.former_names:
        rows.append(
            ("Formerly", "; ".join(f.name + (f" (until {f.until})" if f.until else "") for f in e.former_names))
        )
    if e.status.value != "active":
        rows.append(("Status", e.status.value + (f" since {e.until + 1}" if e.until else "")))
    if e.identifiers:
        rows.append(("Identifiers", ", ".join(f"{k}: {v}" for k, v in e.identifiers.items())))
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    link = f"{base}/#/entity/{quote(e.id)}"
    return (
        f'<div class="defnames-card"><h3><a href="{escape(link)}" target="_blank" rel="noopener">'
        f"{escape(e.name)}</a> <small>{escape(e.id)}</small></h3><table>{body}</table></div>"
    )


_CARD_CSS = (
    "body{margin:0;font:13px/1.35 system-ui,sans-serif;color:#14212e}"
    ".defnames-card{padding:8px 10px}h3{margin:0 0 6px;font-size:15px}h3 small{color:#6b7a89;"
    "font-weight:normal}a{color:#1f4e79}table{border-collapse:collapse}th{text-align:left;"
    "vertical-align:top;padding:1px 8px 1px 0;color:#4a5866;font-weight:600;white-space:nowrap}"
    "td{padding:1px 0}"
)
