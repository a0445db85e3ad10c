"""Strict comparison keys for names, from the registry's own word tables.

A key is the name folded to lower-case words (accents dropped), with the lexicon's synonyms
applied and its legal forms (``reference/lexicon/legal_forms.yml``) stripped from both ends,
and a leading 'the' dropped. Two names with the same key are the same name for merging and
collision checks; nothing fuzzy happens here.

When defnames' own comparison key can be imported (``name_key``, the key the compile step
checks name collisions with; it is not public API, so this module is the one place that
reaches for it, under its known module paths) :meth:`KeyMaker.with_registry` uses it, so the
importer sees exactly the collisions the compile step would; otherwise the local
approximation below is used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import yamlio

_WORD = re.compile(r"[^\W_]+")
_NAME_KEY_MODULES = ("defnames._text.keys", "defnames.normalize")


def fold(text: str) -> list[str]:
    """Lower-case words without accents: 'Société  Générale-Est' -> ['societe', 'generale', 'est']."""
    decomposed = unicodedata.normalize("NFKD", text.replace("'", "").replace("’", ""))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WORD.findall(plain.casefold())


@dataclass(frozen=True)
class KeyMaker:
    """Makes keys; built from a lexicon folder with :meth:`from_lexicon`."""

    synonyms: dict[str, str]
    forms: frozenset[tuple[str, ...]]
    longest: int
    external: Callable[[str], str] | None = None
    concepts: Callable[[str], str] | None = None  # defnames' descriptor-concept key, when available

    @classmethod
    def from_lexicon(cls, folder: Path) -> KeyMaker:
        words = yamlio.load(folder / "synonyms.yml") or {}
        synonyms = {" ".join(fold(k)): " ".join(fold(v)) for k, v in (words.get("synonyms") or {}).items()}
        one_word = {k: v for k, v in synonyms.items() if " " not in k}
        forms = set()
        for f in yamlio.load(folder / "legal_forms.yml") or []:
            toks = tuple(one_word.get(t, t) for t in fold(str(f["form"])))
            if toks:
                forms.add(toks)
        return cls(one_word, frozenset(forms), max((len(f) for f in forms), default=1))

    def with_registry(self, registry: Any) -> KeyMaker:
        """This key maker using defnames' own key with the registry's lexicon, when available."""
        try:
            from defnames._text.keys import name_key
        except ImportError:  # pragma: no cover - defnames reorganised: keep the local key
            return self
        lex = getattr(registry, "lexicon", None)
        try:
            from defnames._text.concepts import concept_key
        except ImportError:  # pragma: no cover
            return replace(self, external=lambda name: name_key(name, lex))
        return replace(self, external=lambda name: name_key(name, lex), concepts=concept_key)

    def descriptors_only(self, name: str) -> bool:
        """Whether a listed name is descriptor words and legal forms alone ("Technology Co.,
        Ltd", a cell split at a comma): it names no one company and is not kept as a name."""
        if self.concepts is None:
            return False
        ck = self.concepts(self.key(name))
        return bool(ck) and all(t.startswith("_") for t in ck.split())

    def tokens(self, name: str) -> list[str]:
        return [self.synonyms.get(t, t) for t in fold(name)]

    def key(self, name: str) -> str:
        """The strict key: legal forms stripped from both ends, never down to nothing."""
        if self.external is not None:
            return self.external(name)
        toks = self.tokens(name)
        changed = True
        while changed and len(toks) > 1:
            changed = False
            for n in range(min(self.longest, len(toks) - 1), 0, -1):
                if tuple(toks[-n:]) in self.forms:
                    toks, changed = toks[:-n], True
                    break
                if tuple(toks[:n]) in self.forms:
                    toks, changed = toks[n:], True
                    break
        if len(toks) > 1 and toks[0] == "the":
            toks = toks[1:]
        return " ".join(toks)

    def strip_forms(self, name: str) -> str:
        """The name's own words with leading and trailing legal forms cut off (case kept)."""
        words = name.split()
        while len(words) > 1:
            for n in range(min(self.longest, len(words) - 1), 0, -1):
                if tuple(self.tokens(" ".join(words[-n:]))) in self.forms:
                    words = words[:-n]
                    break
                if tuple(self.tokens(" ".join(words[:n]))) in self.forms:
                    words = words[n:]
                    break
            else:
                break
        return " ".join(words).strip(" ,.;")
