"""Stable entity ids for listed entries: ``reference/imported/<source>.ids.yml``.

The first time a listing is imported it gets a slug of its name (legal forms dropped); the
pair (list uid, id) is then kept in the id file and reused on every later run, even if
the list renames the entry. Ids are never removed from the file, so none is reused.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import yamlio

HEADER = """Ids given to listed entries: list uid -> entity id. Append-only (ids are permanent);
maintained by `python -m importers`, see docs/importers.md."""

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    """'JSC NPO Splav (Tula)' -> 'jsc-npo-splav-tula', cut at a word boundary under ``limit``."""
    from anyascii import anyascii

    s = _NON_ALNUM.sub("-", anyascii(text).lower()).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0]
    return s or "entity"


class IdMap:
    def __init__(self, path: Path) -> None:
        self.path = path
        data = yamlio.load(path) if path.exists() else None
        self.ids: dict[str, str] = {str(k): str(v) for k, v in (data or {}).items()}

    def assign(self, uid: str, name: str, country: str, taken: set[str]) -> str:
        """The id of ``uid``: the one already given, else a new unused slug."""
        if uid in self.ids:
            return self.ids[uid]
        used = taken | set(self.ids.values())
        base = slug(name)
        for candidate in (base, f"{base}-{country.lower()}", f"{base}-{uid}"):
            if candidate not in used:
                break
        self.ids[uid] = candidate
        return candidate

    def text(self) -> str:
        ordered = dict(sorted(self.ids.items(), key=lambda kv: (len(kv[0]), kv[0])))
        return yamlio.dump(ordered, HEADER)

    def save(self) -> bool:
        return yamlio.write_if_changed(self.path, self.text())
