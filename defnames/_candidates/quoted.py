"""Quoted names: news and registers in many languages write a company's name in quotes after
a description or a legal form — ``ГП "Антонов"``, ``заводу "Артем"``, ``АО «Концерн
«Калашников»»``, ``fabrike „Vistad”``, ``kompanijom "Remington"``, ``مجموعة "نافال"``. The
quoted text is a reading of its own; the words outside it are explained like the words around a
name (places give country hints, legal forms and descriptors cost little, other words a bit).

>>> from defnames._lexicon import lexicon
>>> [(r.text, r.rest) for r in quoted_readings('АО «Концерн «Калашников»»', lexicon())]
[('Концерн «Калашников»', 'АО'), ('Калашников', 'АО Концерн')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from defnames import _weights as W
from defnames._candidates.candidate import Candidate
from defnames._candidates.labels import Label, label_words
from defnames._candidates.mention import analyse
from defnames._candidates.readings import Reading, ReadingKind
from defnames._index.names import NameIndex
from defnames._lexicon import Lexicon
from defnames._text.keys import strip_legal_forms
from defnames._text.tokens import tokens

__all__ = ["quoted_candidates", "quoted_readings"]

# an opening quote, the name, the matching closing quote (nested guillemets allowed once)
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|„([^“”"]+)[“”"]|«((?:[^«»]|«[^«»]*»)+)»|‘([^’]+)’|「([^」]+)」')


def quoted_readings(mention: str, lex: Lexicon) -> list[Reading]:
    """Each quoted part of a mention (outermost first), with the words outside it as its rest."""
    out: list[Reading] = []
    todo = [(mention, "")]
    while todo:
        text, outside = todo.pop(0)
        for m in _QUOTED.finditer(text):
            inner = next(g for g in m.groups() if g is not None).strip()
            a = analyse(inner, lex)
            if a.toks and inner != mention.strip():
                rest = " ".join(f"{outside} {text.replace(m.group(0), ' ', 1)}".split())
                out.append(Reading(ReadingKind.quoted, inner, a, rest))
                if _QUOTED.search(inner):
                    todo.append((inner, rest))
    return out


def quoted_candidates(index: NameIndex, reading: Reading, found: list[Candidate]) -> list[Candidate]:
    """The candidates of a quoted reading, scored by the words outside the quotes."""
    lex = index.lex
    toks, _ = strip_legal_forms(tokens(reading.rest, lex), lex) if reading.rest else ([], [])
    legal = tokens(reading.rest, lex) != toks
    labels = label_words(index, toks, set(), 0) if toks else {}
    hints = frozenset(code for r, code in labels.values() if r in (Label.place, Label.location) and code)
    unexplained = sum(1 for r, _ in labels.values() if r is Label.unexplained)
    cost = W.QUOTED_READING + max(W.PREFIX_CAP, W.PREFIX_WORD * unexplained)
    dropped = tuple(
        (t, f"place ({c})" if r is Label.place else r.value)
        for t, (r, c) in zip(toks, (labels.get(k, (Label.generic, "")) for k in range(len(toks))))
    )
    described = index.variants.describes_company(reading.rest.split())
    out = []
    for c in found:
        c = c.adjust(cost, "words outside the quoted name")
        out.append(
            replace(
                c,
                hints=c.hints | hints,
                dropped=(*c.dropped, *dropped),
                legal_written=c.legal_written or legal,
                described=c.described or described,
            )
        )
    return out
