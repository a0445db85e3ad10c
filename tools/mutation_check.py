"""Mutation check: disable one special rule at a time and see whether any test notices.

Each mutation point names a file of the package, a code snippet that occurs in it exactly
once, and its replacement (most often the rule's condition replaced by ``False``). For each
point the repository's working tree is copied to a temporary directory (never mutated in
place), the snippet replaced, and the test suite run there::

    python -m pytest -x -q -p no:cacheprovider tests

A mutation *survives* when no test failed: the rule it disables is not pinned by any test,
so either a test is missing or the rule can go. The first point, ``control``, changes
nothing and must survive (it shows that the copied tree passes as it is).

Usage::

    .venv/bin/python tools/mutation_check.py              # every point, two at a time
    .venv/bin/python tools/mutation_check.py --list       # the points and whether each applies
    .venv/bin/python tools/mutation_check.py -k fuzzy -j 1
    .venv/bin/python tools/mutation_check.py --tests tests/candidates  # another test path

The check is a tool, not a test: it takes minutes (one suite run per point).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    ".pytest_cache",
    "*.egg-info",
    ".coverage*",
    "htmlcov",
)


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str  # relative to the repository
    snippet: str  # occurs exactly once in the file
    replacement: str
    rule: str  # what the rule does, in a few words


def m(name: str, file: str, snippet: str, replacement: str, rule: str) -> Mutation:
    return Mutation(name, f"defnames/{file}", snippet, replacement, rule)


MUTATIONS: list[Mutation] = [
    m("control", "_weights.py", "THRESHOLD = 85.0", "THRESHOLD = 85.0", "no change: must survive"),
    # -- text ---------------------------------------------------------------------------------
    m(
        "contractions",
        "_text/tokens.py",
        "if lx.contractions and not lx.contraction_starts.isdisjoint(toks):",
        "if False:",
        "spelled-out institution types contract to NPO/OKB",
    ),
    m(
        "named-after-tail",
        "_text/tokens.py",
        "if not lx.named_after.isdisjoint(toks):",
        "if False:",
        "titles and initials after 'imeni' dropped",
    ),
    m(
        "ko-ja-particles",
        "_text/fold.py",
        'return " ".join(_drop_particle(w) for w in words)',
        'return " ".join(words)',
        "Korean/Japanese particles glued to a name dropped",
    ),
    m(
        "latin-then-hangul",
        "_text/fold.py",
        "    if m:\n        return m.group(1)\n",
        "",
        "a Latin acronym with a Hangul particle ('KAI는')",
    ),
    m("elision", "_text/fold.py", '    text = _ELISION.sub("", text)\n', "", "French/Italian elision d'/l'"),
    m(
        "apostrophe-suffix",
        "_text/fold.py",
        '    text = _APOSTROPHE_SUFFIX.sub("", text)\n',
        "",
        "Turkish/Finnish apostrophe endings",
    ),
    m(
        "acronym-dots",
        "_text/fold.py",
        'text = _ACRONYM_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)',
        "pass",
        "dotted abbreviations lose their dots",
    ),
    m(
        "share-class-figures",
        "_text/keys.py",
        "        if 1 < k < len(toks) and any(",
        "        if False and any(",
        "share-class figures after a legal form",
    ),
    m(
        "cjk-glued-forms",
        "_text/keys.py",
        "toks = _split_glued_forms(list(toks), lx)",
        "toks = list(toks)",
        "CJK legal form glued onto the name",
    ),
    m(
        "legal-start",
        "_text/keys.py",
        "            if head in lx.legal_start:",
        "            if False:",
        "legal forms at the start (OOO, AO)",
    ),
    m(
        "descriptor-suffixes",
        "_text/phrases.py",
        "        lex.descriptor_suffixes\n        and t.endswith(lex.descriptor_suffixes)",
        "        False\n        and t.endswith(lex.descriptor_suffixes)",
        "German compound descriptors (-konzern, -hersteller)",
    ),
    # -- index ------------------------------------------------------------------------------
    m(
        "short-names-weak",
        "_index/names.py",
        "declared_or_short = key in weak_keys or len(compact(key)) <= 3",
        "declared_or_short = key in weak_keys",
        "names of three letters or fewer are weak",
    ),
    m(
        "generic-names-weak",
        "_index/names.py",
        "generic = all(t in vague for t in key.split())",
        "generic = False",
        "names made of generic words are weak (vague)",
    ),
    # -- candidates ---------------------------------------------------------------------------
    m(
        "blocked-names",
        "_candidates/search.py",
        "if not a.toks or a.key in blocked or",
        "if not a.toks or",
        "well-known non-defense names decline",
    ),
    m(
        "inflected-longer-name",
        "_candidates/search.py",
        "elif _may_be_inflected_longer_name(index, a, cands):",
        "elif False:",
        "a weak name among other words may be an inflected longer name",
    ),
    m(
        "tickers",
        "_candidates/listings.py",
        "    if parsed is None:\n        return []",
        "    return []",
        "exchange-qualified tickers",
    ),
    m(
        "bare-symbol",
        "_candidates/listings.py",
        "    if not _LONG_SYMBOL.match(bare):",
        "    if True:",
        "a bare symbol of 5+ capitals held by one entity",
    ),
    m(
        "leading-the",
        "_candidates/exact.py",
        '    if len(a.toks) > 1 and a.toks[0] == "the":\n        key =',
        "    if False:\n        key =",
        "leading 'the' in a mention",
    ),
    m(
        "full-legal-name-first",
        "_candidates/exact.py",
        "    if a.legal:  # the full name first",
        "    if False:  # the full name first",
        "the name with its legal form first (BAE Systems, Inc.)",
    ),
    m(
        "transliterated",
        "_candidates/exact.py",
        "    if tkey != key and tkey in index.by_key and",
        "    if False and",
        "transliterated exact match",
    ),
    m(
        "compact",
        "_candidates/exact.py",
        "    if ckey in index.by_compact:",
        "    if False:",
        "exact match with spaces removed",
    ),
    m(
        "droppable-tails",
        "_candidates/exact.py",
        "    return _shortened(index, key, dropped)",
        "    return []",
        "a name cut short of its last domain word ('Thales Alenia')",
    ),
    m(
        "hindi-postpositions",
        "_candidates/mention.py",
        "while len(toks) > 1 and toks[-1] in lex.postpositions and _is_devanagari(toks[-2]):",
        "while False:",
        "Hindi postpositions after a name",
    ),
    m(
        "strong-spans",
        "_candidates/segments.py",
        "    strong = [sp for sp in spans if not all(x.weak",
        "    return spans\n    strong = [sp for sp in spans if not all(x.weak",
        "a 2-3 letter weak name beside a real one is a word",
    ),
    m(
        "run-on-capital",
        "_candidates/segments.py",
        "return k == first - 1 and not a.all_caps and",
        "return False and",
        "a capitalised word before the name is part of a longer name",
    ),
    m(
        "prefix-weak-costs-more",
        "_candidates/segments.py",
        "per = W.PREFIX_WORD_WEAK if all(x.weak for x in index.by_key[spans[0][2]]) else W.PREFIX_WORD",
        "per = W.PREFIX_WORD",
        "words before a weak name cost more",
    ),
    m(
        "registered-subsidiary",
        "_candidates/segments.py",
        "if rest and _registered_subsidiary(index, a, spans, rest):",
        "if False:",
        "a registered name opening with a group's name is its legal unit",
    ),
    m(
        "vague-among-words",
        "_candidates/segments.py",
        "if all(x.vague for sp in spans for x in index.by_key[sp[2]]) and kinds & {Label.place, Label.unexplained}:",
        "if False:",
        "a name of generic words among other words",
    ),
    m(
        "owner-phrase",
        "_candidates/segments.py",
        "            s > 0\n            and toks[s - 1] in lex.owner_articles",
        "            False\n            and toks[s - 1] in lex.owner_articles",
        "'a X company' names the owner",
    ),
    m(
        "possessive-owner",
        "_candidates/segments.py",
        "or (len(spans) == 2 and _POSSESSIVE_BETWEEN.search(a.mention) is not None)",
        "or False",
        "possessive owner: 'Textron's Bell'",
    ),
    m(
        "hyphenated-owner",
        "_candidates/segments.py",
        "        or _hyphenated_pair(a, spans)\n",
        "        or False\n",
        "owner hyphenated to the subsidiary: 'UEC-Saturn'",
    ),
    m(
        "joiners",
        "_candidates/segments.py",
        "joined = owned or any(toks[k] in index.lex.joiners for k in label)",
        "joined = owned",
        "joiners of joint ventures ('KMW and Nexter')",
    ),
    m(
        "named-after-another",
        "_candidates/segments.py",
        'W.NAMED_AFTER_ANOTHER, "named after another name"',
        '0.0, "named after another name"',
        "a later name, not joined to the first, is not the subject",
    ),
    m(
        "hints-per-name",
        "_candidates/segments.py",
        "    if len(spans) == 1:\n        return {0: {c for _, c in places}}\n    hints_for",
        "    if True:\n        return {n: {c for _, c in places} for n in range(len(spans))}\n    hints_for",
        "a place word belongs to the name next to it",
    ),
    m(
        "hint-from-city",
        "_candidates/segments.py",
        "from_city = bool(runs) and all(tuple(toks[s:e]) in index.lex.cities for s, e in runs)",
        "from_city = False",
        "a city before a name is no company evidence",
    ),
    m(
        "segment-legal-words",
        "_candidates/segments.py",
        "legal = index.lex.countries_of_legal_forms(legal_words) if legal_words else frozenset()",
        "legal = frozenset()",
        "a legal form inside a segment mention",
    ),
    m(
        "locatives",
        "_candidates/labels.py",
        "    if toks[i] not in lex.locatives or i < after_first:",
        "    if True:",
        "'in Schrobenhausen' labels a location",
    ),
    m(
        "ownership-words",
        "_candidates/labels.py",
        'return (i + 1, Label.ownership, "") if lex.is_ownership_word(toks[i]) else None',
        "return None",
        "ownership words ('subsidiary')",
    ),
    m(
        "named-after-label",
        "_candidates/labels.py",
        "if (t in lex.named_after or t in lex.named_after_short) and i >= after_first:",
        "if False:",
        "'imeni X' tail labelled",
    ),
    m(
        "generic-label",
        "_candidates/labels.py",
        "if any(ch.isdigit() for ch in t) or t in lex.generic:",
        "if False:",
        "generic words and numbers labelled",
    ),
    m(
        "field-labels",
        "_candidates/readings.py",
        'text = lex.field_label_re.sub("", lex.list_label_re.sub("", mention, count=1)).strip()',
        'text = lex.list_label_re.sub("", mention, count=1).strip()',
        "record field labels cut off",
    ),
    m(
        "list-labels",
        "_candidates/readings.py",
        'text = lex.field_label_re.sub("", lex.list_label_re.sub("", mention, count=1)).strip()',
        'text = lex.field_label_re.sub("", mention).strip()',
        "record list labels cut off",
    ),
    m(
        "aka-readings",
        "_candidates/readings.py",
        ' + [(ReadingKind.aka, m.group("alt").strip()) for m in _AKA.finditer(text)]',
        "",
        "each a.k.a. is a reading",
    ),
    m(
        "division-join",
        "_candidates/records.py",
        "if reading.kind is ReadingKind.head and division is not None and rr.division and division.exact():",
        "if False:",
        "a division joined to the head ('LOCKHEED MARTIN CORP., MISSILES AND FIRE CONTROL')",
    ),
    m(
        "division-first",
        "_candidates/records.py",
        "    return bool(head.exact()) and bool(division.exact())",
        "    return False",
        "a record naming a division is read as a record first",
    ),
    m(
        "bracketed-tickers",
        "_candidates/records.py",
        "ok = any(p.strip() in alt or alt in p for alt in alternatives[1:]) or _looks_like_ticker(p)",
        "ok = any(p.strip() in alt or alt in p for alt in alternatives[1:])",
        "a bracketed ticker in the rest",
    ),
    m(
        "city-before-state",
        "_candidates/records.py",
        "            if not ok and explained_next:",
        "            if False:",
        "a city before its state or country",
    ),
    m(
        "record-rest-penalty",
        "_candidates/records.py",
        "per_part = W.RECORD_REST_PART_STRONG if strong else W.RECORD_REST_PART",
        "per_part = 0.0",
        "unexplained parts of a record cost",
    ),
    m(
        "record-strong-name",
        "_candidates/records.py",
        "strong = same_aka or any(",
        "strong = False and any(",
        "after a distinctive name the rest costs little",
    ),
    m(
        "record-legal-written",
        "_candidates/records.py",
        '        if sub.legal:  # "V2X Inc.',
        '        if False:  # "V2X Inc.',
        "a legal form written in the record's head",
    ),
    m(
        "fuzzy-case-endings",
        "_candidates/fuzzy.py",
        "if (not a[n:] or a[n:] in endings) and (not b[n:] or b[n:] in endings):",
        "if False:",
        "known case endings in fuzzy word similarity",
    ),
    m(
        "fuzzy-short-endings",
        "_candidates/fuzzy.py",
        "elif len(a) == len(b) >= 4 and a[:-1] == b[:-1] and a[-1:] in endings and b[-1:] in endings:",
        "elif False:",
        "a short word with another case ending ('huty'/'huta')",
    ),
    m(
        "fuzzy-word-by-word",
        "_candidates/fuzzy.py",
        "        if min(pairs) >= W.FUZZY_WORDS_OK:",
        "        if False:",
        "inflected phrases compared word by word",
    ),
    m(
        "fuzzy-generic-only-cap",
        "_candidates/fuzzy.py",
        "        tok_min = min(tok_min, W.GENERIC_ONLY_CAP)",
        "        pass",
        "generic words alone are never confident",
    ),
    m(
        "fuzzy-place-word",
        "_candidates/fuzzy.py",
        "    if extra:\n        score += W.FUZZY_PLACE_WORD",
        "    if False:\n        score += W.FUZZY_PLACE_WORD",
        "a place word of the name the mention lacks",
    ),
    m(
        "fuzzy-tails",
        "_candidates/fuzzy.py",
        "            if a.all_caps or not any(caps[:k]):",
        "            if False:",
        "the last words when leading words are unknown ('přerovské Meopty')",
    ),
    # -- decide ------------------------------------------------------------------------------
    m(
        "weak-needs-support",
        "_decide/rank.py",
        "if context and needs and _everyday_sense(",
        "if False and _everyday_sense(",
        "a weak name needs defense words in the context",
    ),
    m(
        "vague-written-as-name",
        "_decide/weak.py",
        "        return not words or not all(w[:1].isupper() for w in words)",
        "        return True",
        "a vague name written as a proper name needs no support",
    ),
    m(
        "lowercase-looks-like-word",
        "_decide/weak.py",
        "    if written and all(w.islower() for w in written):",
        "    if False:",
        "a name written in lower case needs support",
    ),
    m(
        "acronym-like-word",
        "_decide/weak.py",
        "    if not (name.isupper() and len(name) <= 5):\n        return False",
        "    return False",
        "an acronym written like a word ('Sami') needs support",
    ),
    m(
        "legal-form-follows",
        "_decide/weak.py",
        "    at = context.find(mention) if mention else -1",
        "    at = -1",
        "a legal form written after a weak name ('Rosomaku S.A.')",
    ),
    m(
        "own-country-hinted",
        "_decide/rank.py",
        "hinted = bool(c.hints) and ent.country in c.hints and not c.hint_after and not c.hint_from_city",
        "hinted = False",
        "the own country before a weak name says 'company'",
    ),
    m(
        "legal-written-support",
        "_decide/rank.py",
        "        and not c.legal_written\n",
        "\n",
        "a legal form written with a weak name says 'company'",
    ),
    m(
        "companies-named-support",
        "_decide/rank.py",
        "        if not found:  # another company named in the context",
        "        if False:  # another company named in the context",
        "another company named in the context is support",
    ),
    m(
        "name-is-no-evidence",
        "_decide/rank.py",
        "found = self.evidence.defense_support(context, ignore=name_words) + self.bonus",
        "found = self.evidence.defense_support(context) + self.bonus",
        "the name itself is no defense word",
    ),
    m(
        "descriptor-stems",
        "_text/phrases.py",
        "    if _has_stem(t, lex.descriptor_stems):",
        "    if False:",
        "an inflected descriptor word is a descriptor",
    ),
    m(
        "cldr-countries",
        "_store/lexicon_build.py",
        "                place_map.setdefault(key, code)",
        "                pass",
        "CLDR country names are places",
    ),
    m(
        "group-then-unit",
        "_decide/rank.py",
        "    if not later or _SEPARATED.search(mention):\n",
        "    if True:\n",
        "a group's name before its unit's names the unit",
    ),
    m(
        "short-word-exact",
        "_candidates/fuzzy.py",
        "    if len(toks) == 1 and len(key) < SHORT_WORD and toks[0].isascii():\n",
        "    if False:\n",
        "one short Latin word is never fuzzy",
    ),
    m(
        "vocabulary-as-written",
        "_candidates/inflection.py",
        "    if first in vocabulary and first == fold(word):\n",
        "    if False:\n",
        "a vocabulary word as written is not de-inflected",
    ),
    m(
        "security-classes",
        "_candidates/mention.py",
        "    mention = _without_security(mention, lex)\n",
        "",
        "the class of security after a listed name is cut",
    ),
    m(
        "descriptor-plural",
        "_text/phrases.py",
        'if len(t) >= 5 and t.endswith("s") and (t[:-1],) in lex.descriptors and t not in lex.generic:',
        "if False:",
        "a descriptor's plural is a descriptor",
    ),
    m(
        "glued-prefixes",
        "_candidates/search.py",
        "    g = unglue(a, index.lex)\n",
        "    g = None\n",
        "country words and descriptions glued before a CJK name are peeled off",
    ),
    m(
        "one-sense-per-text",
        "_extract/mentions.py",
        "    if unsupported and doc.recognised:\n",
        "    if False:\n",
        "a weak name undecided in its sentence means what the same name means elsewhere in the text",
    ),
    m(
        "line-end-run-on",
        "_extract/surface.py",
        'words = after.split("\\n", 1)[0].split()[:2]',
        "words = after.split()[:2]",
        "a name that ends a line does not run on into the next line",
    ),
    m(
        "sino-korean-not-by-sound",
        "_candidates/variants.py",
        "    if translated_korean(a.mention, index.lex.sino_korean_descriptors):\n        return []\n",
        "",
        "a Hangul mention with a Sino-Korean descriptor is not compared by sound",
    ),
    m(
        "single-concept-key",
        "_index/names.py",
        'return "_" in key and (" " in key or not key.startswith("_"))',
        'return "_" in key',
        "a concept key of one concept alone is not a key",
    ),
    m(
        "legal-form-first-sound",
        "_index/names.py",
        "    while len(words) > 1 and (name_key(words[0], lex),) in forms:",
        "    while len(words) > 1 and (name_key(words[0], lex),) in lex.legal_start:",
        "a skeleton is the sound of a name without a legal form written first",
    ),
    m(
        "tiny-weak-after-country",
        "_decide/rank.py",
        "if c.entry.weak and (c.hint_after or tiny) else",
        "if c.entry.weak and c.hint_after else",
        "a three-letter name after another country is another company",
    ),
    m(
        "acronym-glued-ending",
        "_candidates/search.py",
        "        hits = [c for c in hits if not _acronym_with_glued_ending(c, a.mention)]\n",
        "",
        "an acronym takes no case ending glued in its own capitals",
    ),
    m(
        "descriptors-only-fuzzy",
        "_candidates/search.py",
        "[] if _descriptors_only(self.index, self.a) else fuzzy_candidates(self.index, self.a)",
        "fuzzy_candidates(self.index, self.a)",
        "a mention of descriptor words alone matches no name by resemblance",
    ),
    m(
        "kana-dash",
        "_text/cleanup.py",
        '            s = _KANA_DASH.sub("ー", s)\n',
        "            pass\n",
        "a dash after katakana is the long-vowel mark",
    ),
    m(
        "place-by-sound",
        "_candidates/labels.py",
        " or place_by_sound(toks[k], lex))),",
        ")),",
        "a town in another script after a locative is a country hint by its sound",
    ),
    m(
        "weak-translit-only",
        "_index/names.py",
        "        declared = key in weak_keys or (translit and key in weak_translit)\n",
        "        declared = key in weak_keys or key in weak_translit\n",
        "a weak alias in another script is weak only in its own transliteration",
    ),
    m(
        "han-by-sound",
        "_text/concept_keys.py",
        "if phonetic and not _written_in_han(t) and",
        "if phonetic and",
        "a Han word is not compared by sound",
    ),
    m(
        "government-words",
        "_candidates/variants.py",
        "if names_a_government(a, index.lex.government_words) or",
        "if False or",
        "a government body is not matched by sound",
    ),
    m(
        "transliterated-acronym",
        "_candidates/exact.py",
        "in index.by_key and _may_be_transliterated(a.mention, tkey):",
        "in index.by_key:",
        "a transliterated acronym needs capitals",
    ),
    m(
        "skeleton-per-dropped-word",
        "_candidates/variants.py",
        "need = MIN_SKELETON + dropped + mixed",
        "need = MIN_SKELETON",
        "each dropped word, and Latin letters beside the script, ask one more skeleton class",
    ),
    m(
        "skeleton-without-legal-forms",
        "_index/names.py",
        "    bare = without_legal_forms(name)",
        "    bare = name",
        "a registry name sounds without its legal form",
    ),
    m(
        "subsidiary-by-words",
        "_decide/units.py",
        "    if len(best) != 1:",
        "    if True:",
        "a group named with a unit's words is that unit",
    ),
    m(
        "acronym-no-fuzzy",
        "_candidates/fuzzy.py",
        "    if _acronym(a.mention):",
        "    if False:",
        "an acronym in capitals is never fuzzy",
    ),
    m(
        "demonym-subsidiary",
        "_decide/rank.py",
        "    if sub is not None:\n        entry = replace",
        "    if False:\n        entry = replace",
        "a demonym picks the subsidiary in that country",
    ),
    m(
        "group-with-arms",
        "_decide/rank.py",
        "if len(wanted) > 1 and len({s.country for s in store.subsidiaries(ent.id, recursive=True)} & wanted) > 1:",
        "if False:",
        "'Franco-German KNDS' is the group",
    ),
    m(
        "hint-after-weak",
        "_decide/rank.py",
        "if c.entry.weak and (c.hint_after or tiny) else",
        "if c.entry.weak and tiny else",
        "a weak name with a country after it is another company ('Bell Canada')",
    ),
    m(
        "hint-mismatch",
        "_decide/rank.py",
        '    if c.hints:\n        # "Thales Australia"',
        '    if False:\n        # "Thales Australia"',
        "a country hint of another country marks down",
    ),
    m(
        "country-argument",
        "_decide/rank.py",
        "    if country:\n        c = _by_country(",
        "    if False:\n        c = _by_country(",
        "the country= argument",
    ),
    m(
        "legal-country-tiebreak",
        "_decide/rank.py",
        "        if c.legal and ent.country in c.legal:",
        "        if False:",
        "a legal form of the entity's country breaks ties",
    ),
    m(
        "context-country-tiebreak",
        "_decide/rank.py",
        "        if ctx_countries and ent.country in ctx_countries:",
        "        if False:",
        "countries in the context break ties",
    ),
    m(
        "parts-owner",
        "_decide/rank.py",
        "    cands = _parts_owner(store, cands)\n",
        "",
        "a joint venture described by its parts; a subsidiary through its owner",
    ),
    m(
        "successor",
        "_decide/rank.py",
        "        if final != ent.id:\n            c = replace(c, successor=final",
        "        if False:\n            c = replace(c, successor=final",
        "a merged entity names its successor",
    ),
    m(
        "one-per-lineage",
        "_decide/rank.py",
        "        best.setdefault(c.successor or c.entity_id, c)",
        "        best.setdefault(c.entity_id + str(id(c)), c)",
        "a merged entity and its successor compete as one",
    ),
    m(
        "margin",
        "_decide/rank.py",
        "        if other.score >= top.score - margin and _tier(other) >= _tier(top):",
        "        if False:",
        "the best must lead the runner-up by the margin",
    ),
    m(
        "tier",
        "_decide/rank.py",
        "        if other.score >= top.score - margin and _tier(other) >= _tier(top):",
        "        if other.score >= top.score - margin:",
        "a current name beats a former or fuzzy one outright",
    ),
    m(
        "defense-stems",
        "_decide/evidence.py",
        "or t.startswith(lex.defense_stems)",
        "or False",
        "defense stems count as support",
    ),
    m(
        "defense-substrings",
        "_decide/evidence.py",
        "        if lex.defense_substrings and not count:",
        "        if False:",
        "defense words inside unspaced scripts (Korean, CJK)",
    ),
    m(
        "designations",
        "_decide/evidence.py",
        "count += len(_DESIGNATION.findall(text)) + len(_AWARD.findall(text))",
        "pass",
        "military designations and award wording count as support",
    ),
    # -- extract -----------------------------------------------------------------------------
    m(
        "hebrew-arabic-clitics",
        "_extract/automaton.py",
        "            for c in clitics:",
        "            for c in ():",
        "Hebrew/Arabic clitics before a name",
    ),
    m(
        "extract-case-endings",
        "_extract/mentions.py",
        'if endings and 1 <= j - end - 1 <= 3 and padded[j] == " " and capital:',
        "if False:",
        "a distinctive name with a case ending in text ('Ростеха')",
    ),
    m(
        "extract-cjk-particle",
        "_extract/mentions.py",
        'if nxt != " " and has_cjk(nxt) and not has_cjk(key):',
        "if False:",
        "a Latin name followed by a CJK particle ('IHIが')",
    ),
    m(
        "extract-blocked",
        "_extract/mentions.py",
        "return sorted((a, b, k) for a, b, k, blocked in taken if not blocked)",
        "return sorted((a, b, k) for a, b, k, blocked in taken)",
        "blocked names hide the names inside them",
    ),
    m(
        "hyphen-break",
        "_extract/spans.py",
        "[(m.start() + text[m.end()].isupper(), m.end()) for m in _HYPHEN_BREAK.finditer(text)]",
        "[]",
        "a word hyphenated across a line break",
    ),
    m(
        "hints-before",
        "_extract/mentions.py",
        "        hints = hints_before(folded, s, index.lex)",
        "        hints = frozenset()",
        "demonyms before a name in text",
    ),
    m(
        "sentence-bonus",
        "_extract/mentions.py",
        "bonus = int(any(s0 <= x < s1 and x != s for x in self.strong_at))",
        "bonus = 0",
        "another company in the sentence supports a weak name",
    ),
    m(
        "recognised-bonus",
        "_extract/mentions.py",
        "bonus += int(any(store.successor_of(x.entity_id) in self.recognised for x in self.entries(variant)))",
        "pass",
        "the same company recognised earlier supports a weak name",
    ),
    m(
        "lowercase-in-edited-text",
        "_extract/surface.py",
        "        cased\n        and not lowercase_text\n        and surface.islower()",
        "        False\n        and surface.islower()",
        "a one-word name in lower case in edited text",
    ),
    m(
        "towns",
        "_extract/surface.py",
        "    if town and read_as_town(after, before, lex):",
        "    if False:",
        "a name that is also a town: 'in Kongsberg'",
    ),
    m(
        "town-in-context",
        "_decide/rank.py",
        "            and town_in(mention, context, index.lex)",
        "            and False",
        "resolve: a name the context writes as a town is the town",
    ),
    m(
        "dateline",
        "_text/phrases.py",
        '    if after.lstrip().startswith(",") and after.lstrip(" ,")[:1].isupper():',
        "    if False:",
        "a dateline or an address: 'KONGSBERG, Norway'",
    ),
    m(
        "acronym-caps",
        "_extract/surface.py",
        "            return _is_caps(surface) or (not surface.islower() and len(surface) > 3)",
        "            return True",
        "short acronyms must be written in capitals",
    ),
    m(
        "weak-case",
        "_extract/surface.py",
        "    if cased and not _weak_case_ok(entries, surface):",
        "    if False:",
        "weak names must be capitalised",
    ),
    m(
        "caps-text",
        "_extract/surface.py",
        '"" if caps_text else after',
        "after",
        "in an all-capitals line words say nothing",
    ),
    m(
        "given-names",
        "_extract/surface.py",
        "    if cased and prev and _is_given_name(prev[-1], before, lex):",
        "    if False:",
        "a first name before a weak name: 'Javier Escribano'",
    ),
    m(
        "romance-a",
        "_extract/surface.py",
        'romance_a = len(prev) == 2 and prev[-1] == "a" and prev[0].casefold().endswith(lex.romance_verb_endings)',
        "romance_a = False",
        "Romance 'a' (to) is no article: 'contrato a Indra'",
    ),
    m(
        "object-determiners",
        "_extract/surface.py",
        "if prev and prev[-1].casefold() in lex.object_determiners and not romance_a and not next_capital:",
        "if False:",
        "object determiners: 'a Volvo', 'my Saab'",
    ),
    m(
        "next-capital-run-on",
        "_extract/surface.py",
        'return False  # "Leonardo DiCaprio", "Saab Automobile"',
        'return True  # "Leonardo DiCaprio", "Saab Automobile"',
        "a weak name run on into a proper name ('Leonardo DiCaprio')",
    ),
    m(
        "model-numbers",
        "_extract/surface.py",
        '    if first[:1].isdigit() or (first[:1] in "-‑–" and first[1:2].isdigit()):',
        "    if False:",
        "a model number or a score after a weak name ('Saab 900')",
    ),
    m(
        "product-nouns",
        "_extract/surface.py",
        '    if first.casefold().strip(".,;:") in lex.product_nouns:',
        "    if False:",
        "product nouns: 'Kalashnikov rifle'",
    ),
    m(
        "name-particles",
        "_extract/surface.py",
        "return not (len(words) == 2 and first in lex.name_particles and words[1][:1].isupper())",
        "return True",
        "'Leonardo da Vinci', 'Thales of Miletus'",
    ),
]


def _apply(root: Path, mut: Mutation) -> None:
    path = root / mut.file
    text = path.read_text(encoding="utf-8")
    n = text.count(mut.snippet)
    if n != 1:
        raise SystemExit(f"{mut.name}: the snippet occurs {n} times in {mut.file}")
    path.write_text(text.replace(mut.snippet, mut.replacement, 1), encoding="utf-8")


def _check_points(src: Path, muts: list[Mutation]) -> list[str]:
    """The points whose snippet does not occur exactly once in the tree."""
    bad = []
    for mut in muts:
        text = (src / mut.file).read_text(encoding="utf-8")
        n = text.count(mut.snippet)
        if n != 1:
            bad.append(f"{mut.name}: {n} occurrences in {mut.file}")
            continue
        try:
            compile(text.replace(mut.snippet, mut.replacement, 1), mut.file, "exec")
        except SyntaxError as e:
            bad.append(f"{mut.name}: the mutated {mut.file} does not compile ({e.msg}, line {e.lineno})")
    return bad


# suites that test code no mutation point touches: the HTTP service, the importers and the
# other text helpers (defnames.text); ``--full`` runs them too
_OTHER_SUITES = ("tests/serve", "tests/importers")
_OTHER_FILES = (
    "tests/text/test_skeleton.py",
    "tests/text/test_stems.py",
    "tests/text/test_concepts.py",
    "tests/text/test_cleanup.py",
)


# left out of every run: the bundle check fails for any mutation that changes how names
# fold (the compiled data no longer matches the code: it says "recompile", not which rule
# broke), and the Dask cluster test fails to start its workers when two suites share the
# machine's two cores
_NOT_RULE_TESTS = "not test_bundle_is_valid_and_up_to_date and not test_dask_matches_pandas_on_a_local_cluster"


def default_tests(src: Path, full: bool = False) -> list[str]:
    """Every test path under ``tests/``, the fast rule tests first and the slow suites last
    (with ``-x`` a killed mutation then stops early; the set of tests is the same). The
    browser test is always left out: it drives a real Chromium, says nothing about matching
    rules, and fails whenever another browser holds the machine. Without ``full``, the
    suites of code that no mutation point touches are left out too."""
    paths = sorted(
        p.relative_to(src).as_posix()
        for p in (src / "tests").iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or (p.name.startswith("test_") and p.suffix == ".py")
    )
    # the stages bottom to top (fast unit tests on the fixture registry), the rule tables, the
    # rest, then the slow suites
    first = ["tests/text", "tests/index", "tests/candidates", "tests/decide", "tests/extract", "tests/test_rules.py"]
    slow = ["tests/pipelines", "tests/cli", "tests/census", *_OTHER_SUITES]
    paths = sorted(
        paths,
        key=lambda p: (p in slow, slow.index(p) if p in slow else 0, first.index(p) if p in first else len(first), p),
    )
    skip = ["--ignore=tests/serve/test_browser.py", "-k", _NOT_RULE_TESTS]
    if not full:
        paths = [p for p in paths if p not in _OTHER_SUITES]
        skip += [f"--ignore={f}" for f in _OTHER_FILES]
    return paths + skip


def _run_one(src: Path, mut: Mutation, tests: list[str], timeout: float) -> tuple[Mutation, bool, float, str]:
    """(mutation, survived, seconds, last line of pytest's output)."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"mut-{mut.name}-") as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(src, root, ignore=_IGNORE, symlinks=True)
        _apply(root, mut)
        env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-cov", *tests],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            lines = [x for x in proc.stdout.splitlines() if x.strip()]
            last = lines[-1] if lines else proc.stderr.strip()[-200:]
            first = next((x for x in lines if x.startswith(("FAILED", "ERROR"))), "")
            last = f"{last}  {first}".strip()
            survived = proc.returncode == 0
        except subprocess.TimeoutExpired:
            last, survived = f"timed out after {timeout:.0f}s", False
    return mut, survived, time.monotonic() - start, last


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-k", help="only points whose name contains this")
    ap.add_argument("--only", help="only these points (names separated by commas)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="suites run at once (default 2)")
    ap.add_argument("--tests", nargs="+", help="pytest arguments (default: every path under tests/, see default_tests)")
    ap.add_argument(
        "--rev", default="HEAD", help="the commit to test (default HEAD); 'worktree' copies the working tree as it is"
    )
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per suite run")
    ap.add_argument("--full", action="store_true", help="also the service, importer and defnames.text suites")
    ap.add_argument("--list", action="store_true", help="list the points and check that each applies")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    muts = [
        x
        for x in MUTATIONS
        if ((not args.k or args.k in x.name) and (only is None or x.name in only)) or x.name == "control"
    ]
    with tempfile.TemporaryDirectory(prefix="mut-base-") as base:
        src = _base_tree(args.rev, Path(base) / "repo")
        return _check(args, muts, src)


def _base_tree(rev: str, dest: Path) -> Path:
    """The tree every mutation starts from: a commit (``git archive``) or the working tree,
    with the compiled reference data regenerated from its own ``reference/`` so that the
    copy is consistent whatever other work is under way in the working tree."""
    if rev == "worktree":
        shutil.copytree(ROOT, dest, ignore=_IGNORE, symlinks=True)
    else:
        dest.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    compiler = dest / "tools" / "compile_reference.py"
    if compiler.exists():
        env = {**os.environ, "PYTHONPATH": str(dest)}
        subprocess.run([sys.executable, str(compiler)], cwd=dest, env=env, capture_output=True, check=True)
    return dest


def _check(args: argparse.Namespace, muts: list[Mutation], src: Path) -> int:
    tests = args.tests or default_tests(src, args.full)
    bad = _check_points(src, muts)
    if args.list:
        for x in muts:
            print(f"{x.name:28} {x.file:32} {x.rule}")
        print(f"{len(muts)} points; {len(bad)} do not apply" + "".join(f"\n  {b}" for b in bad))
        return 1 if bad else 0
    if bad:
        print("these points do not apply:\n  " + "\n  ".join(bad), file=sys.stderr)
        return 2
    print(f"{len(muts)} points at {args.rev}; pytest -x -q -p no:cacheprovider --no-cov {' '.join(tests)}", flush=True)
    survivors: list[Mutation] = []
    control_ok = False
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for mut, survived, secs, last in pool.map(lambda x: _run_one(src, x, tests, args.timeout), muts):
            status = "SURVIVED" if survived else "killed"
            print(f"{status:8} {mut.name:28} {secs:6.1f}s  {last}", flush=True)
            if mut.name == "control":
                control_ok = survived
            elif survived:
                survivors.append(mut)
    rules = len(muts) - 1
    print(f"\n{len(survivors)} of {rules} mutations survived" + ("" if control_ok else "; THE CONTROL FAILED"))
    for x in survivors:
        print(f"  {x.name:28} {x.file:32} {x.rule}")
    return 0 if control_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
