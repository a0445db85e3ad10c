"""Names that need evidence: a weak alias, a name written like an everyday word, an acronym
written like a word — and the one kind of evidence read from the words right after a name,
a legal form ("Prezes Rosomaku S.A.").
"""

from __future__ import annotations

from defnames._candidates.candidate import Candidate
from defnames._lexicon import Lexicon
from defnames._text.fold import cased_words
from defnames._text.tokens import tokens

__all__ = ["legal_form_follows", "looks_like_a_word", "needs_support"]


def needs_support(c: Candidate, mention: str) -> bool:
    """A weak name needs defense words around it, except a name weak only for being made of
    generic words when it is written as a proper name ("Naval Group", not "naval group")."""
    if not c.entry.weak:
        return False
    if c.entry.vague:
        key_words = set(c.entry.key.split())
        words = [w for w in cased_words(mention) if w.casefold() in key_words]
        return not words or not all(w[:1].isupper() for w in words)
    return True


def looks_like_a_word(c: Candidate, mention: str, context: str = "") -> bool:
    """An acronym written like a word ("Sami" for SAMI), or a name written in lower case
    ("safran", "le safran", "solar industry") where the context writes names with capitals:
    in a context, it needs the same support as a weak name."""
    if not mention:
        return False
    key_words = set(c.entry.key.split())
    written = [w for w in cased_words(mention) if w.casefold() in key_words and w.lower() != w.upper()]
    if written and all(w.islower() for w in written):
        edited = any(ch.isupper() for ch in context)  # social-media text is often all lower case
        if len(mention.split()) == 1 or edited:
            return True  # "safran", "yantar"; "le safran" in a French sentence
    name = c.entry.name
    if not (name.isupper() and len(name) <= 5):
        return False
    key = c.entry.key.replace(" ", "")
    return not any(w.isupper() and w.casefold() == key for w in cased_words(mention))


def legal_form_follows(mention: str, context: str, country: str, lex: Lexicon, blocked: frozenset[str]) -> bool:
    """The context writes a legal form of the entity's country right after the mention
    ("Prezes Rosomaku S.A. zapowiedział"): it is named as a company."""
    at = context.find(mention) if mention else -1
    if at < 0:
        return False
    raw = context[at + len(mention) : at + len(mention) + 40]
    after = tokens(raw, lex)
    for n in range(min(lex.legal_max, len(after)), 0, -1):
        form = tuple(after[:n])
        if form in lex.legal_end:
            written = raw.split()[:1]
            if len("".join(form)) < 2 or not written or written[0].islower():
                return False  # "Le FN a changé": a short lower-case word is a word
            if all(w in lex.generic for w in form):
                return False  # "Titan Company", "Mercury Inc.": English words say little
            if f"{' '.join(tokens(mention, lex))} {' '.join(form)}" in blocked:
                return False
            countries = lex.legal_countries.get(form, frozenset())
            return not countries or country in countries
    return False
