"""Descriptor concepts: generic words (plant, design bureau, shipbuilding...) become one token per concept.

The table is edited as ``reference/lexicon/concepts.yml`` (forms in 28 languages and their romanizations)
and read from the compiled lexicon (:func:`default_table`).
:func:`concept_tokens` replaces descriptor words and phrases by their concept token, also inside
words of scripts written without spaces (``カザンヘリコプター工場``); :func:`concept_key` builds a
whole comparison key: concept tokens plus the remaining words romanized, with Russian/Ukrainian/
Polish place adjectives cut to the place (``Казанский`` -> ``kazan``).

>>> concept_key("Kazan Helicopter Plant")
'_helicopter_ _plant_ kazan'
>>> keys = {concept_key(s) for s in ["Kazan Helicopter Plant", "Казанский вертолётный завод",
...                                 "Kazanskiy Vertoletnyy Zavod", "カザンヘリコプター工場"]}
>>> keys
{'_helicopter_ _plant_ kazan'}
>>> concept_tokens(["NPO", "Mashinostroyeniya"])
['_npo_', '_machine_building_']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from defnames._lexicon import lexicon
from tests.text.legacy.cleanup import clean_text
from tests.text.legacy.skeleton import char_script, romanize, script_runs, skeleton

__all__ = [
    "NAMED_AFTER",
    "ConceptTable",
    "concept_key",
    "concept_tokens",
    "default_table",
    "fold_word",
    "place_stem",
]

_DEFAULT_EXTRA = 4
_GLUED_SCRIPTS = frozenset({"han", "kana", "hangul"})
# Han, kana and Hangul code points (the blocks of skeleton.char_script for these scripts).
_GLUED_CHARS = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)
_ARABIC_CLITICS = ("ال", "لل", "وال", "بال", "و", "ب", "ل", "لل")
_HEBREW_CLITICS = ("ה", "ו", "ב", "ל", "וה", "וב", "ול", "של", "מה")
_STRIP_MARK_SCRIPTS = frozenset({"latin", "cyrillic", "greek", "arabic", "hebrew"})
_APOSTROPHES = "'’ʼ‘`´ʹ"
_WORD_SPLIT = re.compile(r"[\s\u3000\u30fb\u00b7,;:!?()\[\]{}«»“”„\"/|]+")  # ・ and · separate words


@lru_cache(maxsize=65536)
def fold_word(w: str) -> str:
    """Fold one word for lookup: NFKC, case, ``ё``/``е``, accents and vowel points, apostrophes.

    Combining marks are removed only after Latin, Cyrillic, Greek, Arabic and Hebrew letters
    (Indic vowel signs are letters, Hangul stays composed).

    >>> fold_word("Вертолётный"), fold_word("Mashinostroitel'nyy"), fold_word("Śmigłowce"), fold_word("ＫＢ")
    ('вертолетныи', 'mashinostroitelnyy', 'smigłowce', 'kb')
    """
    s = unicodedata.normalize("NFKC", w).casefold()
    s = "".join(c for c in s if c not in _APOSTROPHES)
    if s.isascii():
        return s
    out: list[str] = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.combining(c) and out and char_script(out[-1]) in _STRIP_MARK_SCRIPTS:
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out)).replace("ё", "е")


@dataclass(frozen=True)
class _Pattern:
    text: str
    prefix: bool
    extra: int

    def matches(self, word: str) -> bool:
        if self.prefix:
            return word.startswith(self.text) and len(word) - len(self.text) <= self.extra
        return word == self.text


@dataclass(frozen=True)
class _Phrase:
    patterns: tuple[_Pattern, ...]
    tokens: tuple[str, ...]
    upper: bool


class ConceptTable:
    """A compiled concept table: phrase patterns over folded words, and glued forms for CJK/Hangul.

    Build it from the rows of ``concepts.yml`` (a list of ``{token, forms}``) with
    :meth:`from_rows`; :func:`default_table` loads the packaged/registry one.
    """

    def __init__(self, phrases: Iterable[_Phrase], glued: Mapping[str, tuple[str, ...]]) -> None:
        self._by_first_exact: dict[str, list[_Phrase]] = {}
        self._by_first_prefix: dict[str, list[_Phrase]] = {}
        for ph in phrases:
            first = ph.patterns[0]
            index = self._by_first_prefix if first.prefix else self._by_first_exact
            index.setdefault(first.text, []).append(ph)
        for index in (self._by_first_exact, self._by_first_prefix):
            for lst in index.values():
                lst.sort(key=lambda p: -len(p.patterns))
        self._prefix_lengths = sorted({len(k) for k in self._by_first_prefix}, reverse=True)
        self._glued = dict(glued)
        self._glued_lengths = sorted({len(k) for k in self._glued}, reverse=True)
        self._cand_cache: dict[str, list[_Phrase]] = {}

    @classmethod
    def from_rows(cls, rows: Sequence[Mapping[str, Any]]) -> ConceptTable:
        """Compile rows as written in ``reference/lexicon/concepts.yml``."""
        phrases: list[_Phrase] = []
        glued: dict[str, tuple[str, ...]] = {}
        for concept in rows:
            token = str(concept.get("token") or "")
            for f in concept.get("forms", ()):
                form = str(f["form"])
                tokens = tuple(str(t) for t in f.get("tokens") or ([token] if token else []))
                extra = int(f.get("extra", _DEFAULT_EXTRA))
                upper = bool(f.get("upper", False))
                lang = str(f.get("lang", ""))
                scripts = {char_script(c) for c in form} - {None}
                may_glue = f.get("glued", True) is not False
                if may_glue and scripts and scripts <= _GLUED_SCRIPTS and " " not in form:
                    glued.setdefault(fold_word(form), tokens)
                    continue
                for variant in _clitic_variants(form, lang):
                    words = [w for w in re.split(r"[\s\-]+", variant) if w]
                    pats = tuple(
                        _Pattern(fold_word(w[:-1]), True, extra)
                        if w.endswith("*")
                        else _Pattern(fold_word(w), False, 0)
                        for w in words
                    )
                    if pats:
                        phrases.append(_Phrase(pats, tokens, upper))
        return cls(phrases, glued)

    # -- matching -------------------------------------------------------------------------------

    def _candidates(self, word: str) -> list[_Phrase]:
        cached = self._cand_cache.get(word)
        if cached is not None:
            return cached
        out = list(self._by_first_exact.get(word, ()))
        for n in self._prefix_lengths:
            if n <= len(word):
                out.extend(self._by_first_prefix.get(word[:n], ()))
        out.sort(key=lambda p: -len(p.patterns))
        if len(self._cand_cache) < 65536:
            self._cand_cache[word] = out
        return out

    def _split_glued(self, word: str) -> list[str | tuple[str, ...]]:
        """Cut a word of a space-less script into plain pieces and concept tuples (longest match)."""
        if not self._glued or not _GLUED_CHARS.search(word):
            return [word]
        pieces: list[str | tuple[str, ...]] = []
        for script, run in script_runs(word):
            if script in _GLUED_SCRIPTS:
                pieces.extend(self._split_glued_run(run))
            elif run.strip():
                pieces.append(run.strip())
        return pieces

    def _split_glued_run(self, run: str) -> list[str | tuple[str, ...]]:
        folded = fold_word(run)
        pieces: list[str | tuple[str, ...]] = []
        buf: list[str] = []
        i = 0
        while i < len(folded):
            hit = None
            for n in self._glued_lengths:
                if i + n <= len(folded) and folded[i : i + n] in self._glued:
                    hit = folded[i : i + n]
                    break
            if hit is None:
                buf.append(folded[i])
                i += 1
                continue
            if buf:
                pieces.append("".join(buf))
                buf = []
            pieces.append(self._glued[hit])
            i += len(hit)
        if buf:
            pieces.append("".join(buf))
        return pieces

    def _units(self, words: Sequence[str]) -> tuple[list[tuple[str, str, int]], dict[int, tuple[str, ...]]]:
        """Words cut into units: glued-script pieces and hyphen parts, each ``(original, folded,
        piece id)``; units that are already concepts (glued forms) are listed by index."""
        units: list[tuple[str, str, int]] = []
        concept_units: dict[int, tuple[str, ...]] = {}
        wi = 0  # id of the piece a unit comes from: hyphen parts of one piece are re-joined
        for w in words:
            for piece in self._split_glued(w):
                wi += 1
                if isinstance(piece, tuple):
                    concept_units[len(units)] = piece
                    units.append(("", "", wi))
                    continue
                parts = piece.split("-") if "-" in piece and not piece.startswith("-") else [piece]
                units.extend((part, fold_word(part), wi) for part in parts if part)
        return units, concept_units

    def _match_at(
        self, units: list[tuple[str, str, int]], concept_units: Mapping[int, tuple[str, ...]], i: int
    ) -> _Phrase | None:
        """The longest phrase that starts at unit ``i``, if any."""
        for ph in self._candidates(units[i][1]):
            n = len(ph.patterns)
            if i + n > len(units) or any(j in concept_units for j in range(i, i + n)):
                continue
            if ph.upper and not all(_acronym_like(units[j][0]) for j in range(i, i + n)):
                continue
            if all(p.matches(units[i + k][1]) for k, p in enumerate(ph.patterns)):
                return ph
        return None

    def tokens(self, words: Sequence[str]) -> list[str]:
        """See :func:`concept_tokens`."""
        units, concept_units = self._units(words)
        out: list[str] = []
        pending: list[tuple[str, int]] = []  # unmatched parts, re-joined with "-" per piece
        i = 0
        while i < len(units):
            if i in concept_units:
                tokens: Sequence[str] = concept_units[i]
                step = 1
            else:
                matched = self._match_at(units, concept_units, i)
                if matched is None:
                    pending.append((units[i][0], units[i][2]))
                    i += 1
                    continue
                tokens, step = matched.tokens, len(matched.patterns)
            out.extend(_rejoin(pending))
            pending.clear()
            out.extend(t for t in tokens if t)
            i += step
        out.extend(_rejoin(pending))
        return out


def _rejoin(pending: Sequence[tuple[str, int]]) -> list[str]:
    """Unmatched parts, consecutive parts of one piece joined again with ``-``."""
    groups: list[list[str]] = []
    last = None
    for part, wi in pending:
        if wi == last:
            groups[-1].append(part)
        else:
            groups.append([part])
        last = wi
    return ["-".join(g) for g in groups]


def _acronym_like(word: str) -> bool:
    """Written as an acronym: at least two capitals (``TsKB``, ``KB``, ``НИИ``; not ``Kb`` or ``Po``)."""
    return sum(1 for c in word if c.isupper()) >= 2


def _clitic_variants(form: str, lang: str) -> list[str]:
    """Arabic and Hebrew forms also written with a clitic prefix (the article, and, for, with)."""
    if lang == "ar":
        base = form[2:] if form.startswith("ال") else form
        return [form, base, *(p + base for p in _ARABIC_CLITICS)]
    if lang == "he":
        base = form[1:] if form.startswith("ה") and len(form) > 3 else form
        return [form, base, *(p + base for p in _HEBREW_CLITICS)]
    return [form]


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


# Russian/Ukrainian/Belarusian/Polish/Czech place adjectives, romanized: Kazanskiy -> Kazan,
# Uralskiy -> Ural, Gdańska -> Gdańsk -> Gdan (both sides meet on the cut form).
from defnames._text.concept_keys import _place_suffix  # noqa: E402 - the tables are the current ones

_PLACE_SUFFIX = _place_suffix()


def place_stem(word: str) -> str:
    """Romanized, lower-cased word with a Slavic place-adjective ending (or a final -sk) cut.

    >>> [place_stem(w) for w in ["Казанский", "Kazanskiy", "Kazan", "Иркутский", "Irkutsk", "Уральский", "Gdańska"]]
    ['kazan', 'kazan', 'kazan', 'irkut', 'irkut', 'ural', 'gdan']
    >>> place_stem("Omsk"), place_stem("Sky")
    ('om', 'sky')
    """
    r = re.sub(r"[^a-z0-9]", "", romanize(word))
    return _PLACE_SUFFIX.sub("", r)


_PHONETIC_MIN_CLASSES = 3
#: The token of "named after" words (имени, им., imeni): dropped from keys by :func:`concept_key`.
NAMED_AFTER = "_named_after_"
# Russian/Ukrainian genitive of a surname or first name, romanized: Degtyareva -> Degtyarev,
# Gorbunova -> Gorbunov, Gor'kogo -> Gorkiy (cut to gork), Milya -> Mil.
from defnames._text.concept_keys import _genitive  # noqa: E402

_GENITIVE = _genitive()


def _is_token(t: str) -> bool:
    return len(t) > 2 and t.startswith("_") and t.endswith("_")


def concept_key(name: str, table: ConceptTable | None = None, phonetic: bool = False) -> str:
    """A comparison key: sorted concept tokens plus the other words, romanized and place-stemmed.

    The key is a bag (sorted, unique), since languages order descriptor and name differently
    (``Завод имени Дегтярёва`` / ``Degtyarev Plant``).  ``phonetic=True`` replaces each non-concept
    word of three consonant classes or more by its skeleton (``Kasanski`` and ``Kazanskiy`` then
    meet too), at the price of more collisions.  Never raises.

    >>> concept_key("Ulyanovsk Cartridge Works") == concept_key("Ульяновский патронный завод")
    True
    >>> concept_key("Завод имени Дегтярёва"), concept_key("Degtyarev Plant")
    ('_plant_ degtyarev', '_plant_ degtyarev')
    >>> concept_key("KB Mashinostroyeniya") == concept_key("Конструкторское бюро машиностроения")
    True
    >>> concept_key("Kasanski Wertoljotny Sawod") == concept_key("Kazan Helicopter Plant")
    False
    >>> concept_key("Kasanski Wertoljotny Sawod", phonetic=True) == concept_key("Kazan Helicopter Plant", phonetic=True)
    True
    """
    try:
        words = [w for w in _WORD_SPLIT.split(clean_text(name)) if w.strip(".-")]
        out: set[str] = set()
        genitive = False  # after "named after" (имени): a person's name in the genitive
        for t in concept_tokens(words, table):
            if _is_token(t):
                genitive = t == NAMED_AFTER
                if not genitive:
                    out.add(t)
                continue
            stem = place_stem(t)
            if genitive:
                stem = _GENITIVE.sub("", stem)
            if len(stem) == 1 and t.endswith("."):
                continue  # initials (С. П. Горбунова); a bare letter (AVIC I) stays
            if phonetic and len(sk := skeleton(stem)) >= _PHONETIC_MIN_CLASSES:
                stem = sk  # short skeletons say little: the word itself is kept
            if stem:
                out.add(stem)
        return " ".join(sorted(out))
    except Exception:  # pragma: no cover - defensive
        return ""
