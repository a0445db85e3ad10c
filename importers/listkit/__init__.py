"""A shared pipeline for official lists that come as flat records (one row per listing).

Each source package (``importers/jp_mof``, ``importers/uk_sanctions``, ...) reads its pinned
raw files into :class:`~importers.listkit.record.Record` objects and describes itself with a
:class:`~importers.listkit.pipeline.Spec`; :func:`~importers.listkit.pipeline.run` does the
rest the same way for all of them: match on identifiers then strict names (hand registry plus
the layers listed before it in ``MANIFEST.yml``), keep the defense-industrial listings
(:mod:`.defense`, a YAML filter per source), write patches and new entities, an id file and a
review report. See docs/importers.md.
"""

from __future__ import annotations

__all__: list[str] = []
