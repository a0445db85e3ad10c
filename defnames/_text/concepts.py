"""Descriptor concepts: generic words (plant, design bureau, shipbuilding...) become one token per concept.

The table is edited as ``reference/lexicon/concepts.yml`` (forms in 28 languages and their romanizations)
and read from the compiled lexicon (:func:`default_table`); the clitic prefixes of Arabic and Hebrew
forms are ``concept_clitics`` in ``reference/lexicon/concept_affixes.yml``.
:func:`concept_tokens` replaces descriptor words and phrases by their concept token, also inside
words of scripts written without spaces (``カザンヘリコプター工場``); :func:`concept_key` builds a
whole comparison key (in :mod:`defnames._text.concept_keys`, also importable from here): concept
tokens plus the remaining words romanized, with Russian/Ukrainian/Polish place adjectives cut to the
place (``Казанский`` -> ``kazan``).

>>> concept_tokens(["NPO", "Mashinostroyeniya"])
['_npo_', '_machine_building_']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from defnames._lexicon import lexicon
from defnames._text.concept_table import ConceptTable, fold_word

if TYPE_CHECKING:  # the key functions, also importable from here (see __getattr__)
    from defnames._text.concept_keys import NAMED_AFTER, concept_key, place_stem

__all__ = [
    "NAMED_AFTER",
    "ConceptTable",
    "concept_key",
    "concept_tokens",
    "default_table",
    "fold_word",
    "place_stem",
]


def __getattr__(name: str) -> object:
    """``concept_key``, ``place_stem`` and ``NAMED_AFTER`` of :mod:`defnames._text.concept_keys`."""
    if name in ("concept_key", "place_stem", "NAMED_AFTER"):
        from defnames._text import concept_keys

        return getattr(concept_keys, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _source_rows() -> list[Any]:
    """The rows of ``reference/lexicon/concepts.yml`` in a source checkout (``[]`` elsewhere)."""
    path = Path(__file__).resolve().parents[2] / "reference" / "lexicon" / "concepts.yml"
    if not path.is_file():
        return []
    import yaml

    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(rows or [])


@lru_cache(maxsize=1)
def default_table() -> ConceptTable:
    """The concept table of the packaged lexicon (the ``concepts`` that ``tools/compile_reference.py``
    compiles into ``defnames/_data/lexicon.json``).  Only a source checkout without a compiled
    table falls back to ``reference/lexicon/concepts.yml``; an empty table when neither exists.

    Callers that hold a lexicon pass their own table (``ConceptTable.from_rows(lex.concepts)``).
    """
    rows: Sequence[Mapping[str, Any]] = ()
    try:
        rows = lexicon().concepts
    except (OSError, ValueError):  # no compiled lexicon (a checkout before the first compile)
        rows = ()
    return ConceptTable.from_rows(list(rows) or _source_rows())


def concept_tokens(words: list[str], table: ConceptTable | None = None) -> list[str]:
    """Replace descriptor words and phrases by concept tokens; other words come back unchanged.

    Phrases may span words (``design bureau``, ``научно-исследовательский институт``); forms with
    a ``*`` match inflected words (``завода``); acronym forms (``KB``, ``NPO``) only in capitals;
    Han/kana/Hangul forms are found inside words (the pieces of such a word come back folded).
    Hyphenated words are looked at part by part and re-joined where no concept matched.  Function
    words (of, and, и, по) are dropped.

    >>> concept_tokens(["Завод", "имени", "Дегтярёва"])
    ['_plant_', '_named_after_', 'Дегтярёва']
    >>> concept_tokens(["Ufimskoe", "motorostroitel'noe", "proizvodstvennoe", "ob'edinenie"])
    ['Ufimskoe', '_engine_', '_po_']
    >>> concept_tokens(["한국항공우주산업"]), concept_tokens(["三菱重工業"])
    (['한국', '_aerospace_', '_industries_'], ['三菱', '_heavy_', '_industries_'])
    >>> concept_tokens(["Almaz-Antey", "Kb", "optical-mechanical"])
    ['Almaz-Antey', 'Kb', '_optics_', '_mechanical_']
    """
    return (table or default_table()).tokens(words)
