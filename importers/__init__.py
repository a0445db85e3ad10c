"""Build-time importers of official lists into the generated registry layer.

Not part of the runtime ``defnames`` package: these modules read pinned copies of official
lists (see ``reference/imported/MANIFEST.yml``), keep the defense-industrial entries, match
them against the hand registry and write ``reference/imported/<source>.yml`` (new entities
and patches to hand entities) plus a review report. ``importers.layer.merge_layers`` folds
such layers into the hand entities. Usage: ``python -m importers <source>``; see
``docs/importers.md``.
"""

from __future__ import annotations

__all__: list[str] = []
