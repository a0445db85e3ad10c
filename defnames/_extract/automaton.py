"""Every registry name in one Aho–Corasick automaton (pyahocorasick), padded with spaces so
that only whole words match; names in scripts written without spaces match inside words,
distinctive names also with a case ending, Hebrew and Arabic names also after a clitic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from defnames._extract.fold import search_fold
from defnames._index.names import NameIndex
from defnames._text.scripts import has_cjk

__all__ = ["Automaton", "Pattern"]


@dataclass(frozen=True, slots=True)
class Pattern:
    key: str  # the variant as folded (without pads or prefix)
    padded: bool  # whole words only
    inflected: bool = False  # may run on into a CJK particle ("IHIが") or a case ending
    endings: bool = False  # ... and may carry a short case ending: "Ростеха", "Rheinmetallu"
    prefix: int = 0  # characters of a clitic before the name: Hebrew "ו", Arabic "و"
    blocked: bool = False  # a name that is not a defense company: it hides shorter names inside it


_HEBREW = re.compile("[\u0590-\u05ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")


class Automaton:
    """Every registry name in one Aho–Corasick automaton."""

    def __init__(self, index: NameIndex) -> None:
        import ahocorasick

        self.index = index
        variants: dict[str, set[str]] = {}
        for key, entries in index.by_key.items():
            variants.setdefault(key, set()).add(key)
            for e in entries:
                if e.kind == "acronym" or e.translit:
                    continue  # their written form is another entry's name
                folded = search_fold(e.name).strip()
                v = " ".join(folded.split())
                if v:
                    variants.setdefault(v, set()).add(key)
                if folded != v and " " in folded:  # "Blohm + Voss": punctuation keeps its spaces in text
                    variants.setdefault(folded, set()).add(key)
        self.keys_of = {v: sorted(ks) for v, ks in variants.items()}
        # well-known names that are not defense companies take their words first ("Hanwha Life")
        self.blocked = {" ".join(search_fold(n).split()) for n in index.lex.not_defense} - {""}
        auto: Any = ahocorasick.Automaton()
        for v in self.blocked:
            auto.add_word(f" {v} ", Pattern(v, True, blocked=True))
        for v, keys in self.keys_of.items():
            if v in self.blocked:
                continue
            if has_cjk(v):
                auto.add_word(v, Pattern(v, False))
                continue
            auto.add_word(f" {v} ", Pattern(v, True))
            strong = not any(x.weak for k in keys for x in index.by_key[k])
            last = v.rsplit(" ", 1)[-1]
            if (strong and len(last) >= 5 and last.isalpha()) or v.isascii():
                # case endings for distinctive names; CJK particles for any Latin name ("IHIが")
                auto.add_word(f" {v}", Pattern(v, True, inflected=True, endings=strong and len(last) >= 5))
            by_script = index.lex.clitics
            clitics = (
                by_script.get("hebrew", "")
                if _HEBREW.search(v)
                else by_script.get("arabic", "")
                if _ARABIC.search(v)
                else ""
            )
            for c in clitics:
                auto.add_word(f" {c}{v} ", Pattern(v, True, prefix=1))
        auto.make_automaton()
        self.auto = auto
