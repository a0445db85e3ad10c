"""The consonant-skeleton rule set: its tables (``reference/lexicon/skeleton_rules.yml``, read from
the compiled lexicon on first use) and their compiled form, which :mod:`defnames._text.skeleton`
applies.  :class:`SkeletonRules` is exposed so that variants of the rules can be measured.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from defnames._lexicon import lexicon
from defnames._text.cleanup import clean_text
from defnames._text.scripts import script_runs

__all__ = ["SkeletonRules", "anyascii"]


def anyascii(s: str) -> str:
    """anyascii, imported on first use (``import defnames`` stays light)."""
    from anyascii import anyascii as _anyascii

    return str(_anyascii(s))


_Rows = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Tables:
    """The rule tables of ``skeleton_rules.yml``: ``script_pre`` rewrites native letters before
    anyascii, ``script_post`` the romanized run, ``latin`` (ordered) the lower-case romanized text,
    ``classes`` maps each letter left to its class, ``variants`` are the extra rules of
    :func:`skeleton_variants`."""

    script_pre: Mapping[str, _Rows]
    script_post: Mapping[str, _Rows]
    latin: _Rows
    classes: Mapping[str, str]
    variants: Mapping[str, tuple[str, str]]


def _pairs(rows: Iterable[Sequence[str]]) -> _Rows:
    return tuple((str(p), str(r)) for p, r in rows)


@cache
def _tables() -> _Tables:
    lex = lexicon()
    rules: Mapping[str, Any] = lex.skeleton_rules
    classes = {c: k for k, letters in lex.consonant_classes.items() for c in letters}
    return _Tables(
        {k: _pairs(v) for k, v in rules["script_pre"].items()},
        {k: _pairs(v) for k, v in rules["script_post"].items()},
        _pairs(rules["latin"]),
        classes,
        {k: (str(v[0]), str(v[1])) for k, v in rules["variants"].items()},
    )


@dataclass(frozen=True)
class SkeletonRules:
    """One complete rule set; the default one is the tuned one (``skeleton_rules.yml``).  Exposed so that variants can be measured."""

    latin_rules: tuple[tuple[str, str], ...] = field(default_factory=lambda: _tables().latin)
    classes: Mapping[str, str] = field(default_factory=lambda: dict(_tables().classes))
    script_pre: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: dict(_tables().script_pre))
    script_post: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: dict(_tables().script_post))
    skip_scripts: frozenset[str] = frozenset({"han"})

    def compile(self) -> _Compiled:
        return _Compiled(self)


class _Rule:
    """One rewrite: ``str.replace`` for a plain-letter pattern (same result as ``re.sub``), else a regex."""

    __slots__ = ("literal", "pattern", "replacement")

    def __init__(self, pattern: str, replacement: str) -> None:
        plain = pattern.isalnum() and pattern.isascii() and "\\" not in replacement
        self.literal = pattern if plain else None
        self.pattern = re.compile(pattern)
        self.replacement = replacement

    def __call__(self, text: str) -> str:
        if self.literal is not None:
            return text.replace(self.literal, self.replacement)
        return self.pattern.sub(self.replacement, text)


def _rules(rows: Sequence[tuple[str, str]]) -> tuple[_Rule, ...]:
    return tuple(_Rule(p, r) for p, r in rows)


class _Compiled:
    def __init__(self, rules: SkeletonRules) -> None:
        self.latin = _rules(rules.latin_rules)
        self.latin_rows = tuple((r.literal, r.pattern, r.replacement) for r in self.latin)  # unrolled in classes_of
        self.pre = {k: _rules(v) for k, v in rules.script_pre.items()}
        self.post = {k: _rules(v) for k, v in rules.script_post.items()}
        self.classes = dict(rules.classes)
        self.skip = rules.skip_scripts
        # every other character is deleted (vowels, h, w, y, spaces, anything non-ASCII left)
        # (after LATIN_RULES the text holds only a-z, 0-9, spaces and the class letters)
        self.table: dict[int, str | None] = dict.fromkeys(range(0x80))
        self.table.update({ord(c): k for c, k in self.classes.items()})

    def romanized(self, s: str, skip: frozenset[str] | None = None) -> str:
        """``s`` cleaned, lower-cased and romanized run by run (``skip`` scripts become a space)."""
        s = clean_text(s).lower()
        if s.isascii():
            return s  # Latin only: no script runs to romanize
        skip = self.skip if skip is None else skip
        parts: list[str] = []
        for script, run in script_runs(s):
            if script in skip:
                parts.append(" ")
            else:
                parts.append(self._romanize_run(script or "", run))
        return "".join(parts)

    def _romanize_run(self, script: str, run: str) -> str:
        if script == "hangul":
            run = _hangul_final_s_to_t(run)
        for rule in self.pre.get(script, ()):
            run = rule(run)
        latin = run if run.isascii() else anyascii(run).lower()
        for rule in self.post.get(script, ()):
            latin = rule(latin)
        return latin

    def classes_of(self, text: str, start: int = 0) -> str:
        """The romanized ``text`` through the Latin rules from ``start`` on, then to classes."""
        for literal, pattern, replacement in self.latin_rows[start:]:
            if literal is None:
                text = pattern.sub(replacement, text)
            elif literal in text:
                text = text.replace(literal, replacement)
        # classes by translation; repeats collapse, also across spaces (CJK writes none)
        return _REPEATS.sub(r"\1", text.translate(self.table))

    def __call__(self, s: str) -> str:
        return self.classes_of(self.romanized(s))


_REPEATS = re.compile(r"(.)\1+")


def _hangul_final_s_to_t(run: str) -> str:
    """A Hangul syllable ending in ㅅ (siot) transcribes a final t (엘빗 Elbit): split it off as 't'."""
    out: list[str] = []
    for c in run:
        o = ord(c)
        if 0xAC00 <= o <= 0xD7A3 and (o - 0xAC00) % 28 == 19:
            out.append(chr(o - 19))
            out.append("t")
        else:
            out.append(c)
    return "".join(out)
