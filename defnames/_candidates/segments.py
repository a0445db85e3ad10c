"""Step 3c: registry names inside a longer mention, every other word accounted for.

"Croatian battle tank manufacturer Đuro Đaković Grupa": a place (a country hint), three
descriptor words, and the name. Words nothing explains cost little before a name (news
describes companies there) and a lot after it ("Saab Automobile"). See docs/matching.md.
"""

from __future__ import annotations

import re

from defnames import _weights as W
from defnames._candidates.candidate import METHOD, Candidate, per_entity
from defnames._candidates.labels import Label, Labels, label_words, name_spans
from defnames._candidates.mention import Analysis
from defnames._index.names import NameIndex
from defnames._text.fold import cased_words
from defnames._text.keys import compact

__all__ = ["NAMED_AFTER", "segment_candidates"]

#: The part a name gets when another name comes before it, unjoined ("Oshkosh Defense, Oshkosh").
NAMED_AFTER = "named after another name"


_POSSESSIVE_BETWEEN = re.compile(r"\w['’]s?\s+\w")


def _registered_subsidiary(index: NameIndex, a: Analysis, spans: list[tuple[int, int, str]], rest: list[int]) -> bool:
    """A registered name (it ends in a legal form) that opens with one distinctive registry
    name (not weak, not generic, two words or an acronym written in capitals) followed by at
    most two unexplained words: how contract databases write a group's legal units."""
    if not a.legal or len(spans) != 1 or spans[0][0] != 0 or len(rest) > 2 or min(rest) < spans[0][1]:
        return False
    entries = index.by_key[spans[0][2]]
    if any(x.weak or x.vague for x in entries) or len({x.entity_id for x in entries}) != 1:
        return False
    key = spans[0][2]
    return " " in key or (len(key) >= 3 and key.upper() in a.mention)


def _hyphenated_pair(a: Analysis, spans: list[tuple[int, int, str]]) -> bool:
    """Two names glued by a hyphen, nothing else in the mention but legal forms."""
    if len(spans) != 2 or spans[0][1] != spans[1][0] or spans[0][0] != 0 or spans[1][1] != len(a.toks):
        return False
    left, right = a.toks[spans[0][1] - 1], a.toks[spans[1][0]]
    return re.search(rf"{re.escape(left)}\s*[-‐‑]\s*{re.escape(right)}", a.mention.casefold()) is not None


_NameSpans = list[tuple[int, int, str]]


def _strong_spans(index: NameIndex, a: Analysis, spans: _NameSpans) -> _NameSpans:
    """A two- or three-letter weak name beside a real one is a word ("il gruppo Fincantieri")."""
    if len(spans) < 2:
        return spans
    strong = [sp for sp in spans if not all(x.weak for x in index.by_key[sp[2]])]
    if not strong:
        return spans
    caps = {w.casefold() for w in cased_words(a.mention) if w.isupper()}
    return [sp for sp in spans if sp in strong or len(compact(sp[2])) > 3 or sp[2] in caps]


def _score_parts(index: NameIndex, a: Analysis, spans: _NameSpans, label: Labels) -> list[tuple[str, float]]:
    """What the words outside the names cost."""
    toks, first = a.toks, spans[0][0]

    # a capitalised word right before the name is part of a longer name ("Anatoly Antonov",
    # "Chevrolet Beretta", "FC Arsenal"), unless capitals say nothing (all-caps records)
    def run_on(k: int) -> bool:
        return k == first - 1 and not a.all_caps and k < len(a.caps) and a.caps[k] and toks[k] not in a.possessors

    kinds = {r for r, _ in label.values()}
    prefix = [k for k, (r, _) in label.items() if r is Label.unexplained and k < first and not run_on(k)]
    rest = [k for k, (r, _) in label.items() if r is Label.unexplained and (k >= first or run_on(k))]
    generic = [k for k, (r, _) in label.items() if r is Label.generic and k >= first]
    if a.legal and generic and all(x.weak for x in index.by_key[spans[0][2]]):
        # in a registered name every word is part of the name: after a weak name, generic
        # words make another company ("Rafael Holdings, Inc.", "Titan International, Inc.")
        rest += [k for k in generic if toks[k] not in index.lex.group_words]
        generic = [k for k in generic if toks[k] in index.lex.group_words]
    prefix_generic = [k for k, (r, _) in label.items() if r is Label.generic and k < first]
    parts: list[tuple[str, float]] = []
    if kinds & {Label.descriptor, Label.location, Label.ownership}:
        parts.append(("descriptor words", W.DESCRIPTOR_WORDS))
    if generic:
        parts.append(("generic words outside the name", W.GENERIC_WORD * len(generic)))
    if prefix or prefix_generic:
        per = W.PREFIX_WORD_WEAK if all(x.weak for x in index.by_key[spans[0][2]]) else W.PREFIX_WORD
        parts.append(("words before the name", max(W.PREFIX_CAP, per * (len(prefix) + len(prefix_generic)))))
    if rest and _registered_subsidiary(index, a, spans, rest):
        # "SAIC GEMINI, INC.", "DAY & ZIMMERMANN LONE STAR LLC": a registered company whose
        # name starts with a distinctive group name is, in records, that group's legal unit
        parts.append(("words after the group's name", max(W.SUBSIDIARY_CAP, W.SUBSIDIARY_WORD * len(rest))))
    elif rest:  # words after or between names usually make another name: "Saab Automobile"
        matched_words = sum(e - s for s, e, _ in spans)
        parts.append(("unexplained words after the name", 100.0 * matched_words / (matched_words + len(rest)) - 100.0))
    if all(x.vague for sp in spans for x in index.by_key[sp[2]]) and kinds & {Label.place, Label.unexplained}:
        # a name made of generic words is only that name when it stands alone: "Korea Aerospace"
        # is not The Aerospace Corporation
        parts.append(("generic name among other words", W.VAGUE_AMONG_WORDS))
    return parts


def _hints_per_name(spans: _NameSpans, label: Labels) -> dict[int, set[str]]:
    """Country hints: a place word belongs to the name right after it (or right before it)."""
    places = [(k, code) for k, (r, code) in label.items() if r in (Label.place, Label.location) and code]
    if len(spans) == 1:
        return {0: {c for _, c in places}}
    hints_for: dict[int, set[str]] = {n: set() for n in range(len(spans))}
    for k, code in places:
        nxt = next((n for n, (s, _, _) in enumerate(spans) if s > k), None)
        prv = next((n for n in range(len(spans) - 1, -1, -1) if spans[n][1] <= k), None)
        target = nxt if nxt is not None and _only_labels(label, k, spans[nxt][0]) else prv
        if target is None:
            target = nxt if nxt is not None else 0
        hints_for[target].add(code)
    return hints_for


def _owner_named(index: NameIndex, a: Analysis, spans: _NameSpans, label: Labels) -> bool:
    """One of the names is named as the owner of another."""
    toks, lex = a.toks, index.lex
    return (
        any(r is Label.ownership for r, _ in label.values())
        # "Sikorsky Aircraft Corp., a Lockheed Martin company": the owner is named as "a X company"
        or any(
            s > 0
            and toks[s - 1] in lex.owner_articles
            and (
                (e < len(toks) and toks[e] in lex.owner_nouns)
                or (e == len(toks) and bool(a.legal) and a.legal[-1] in lex.owner_nouns)
            )
            for s, e, _ in spans[1:]
        )
        # "Textron's Bell": the owner's possessive before the subsidiary
        or (len(spans) == 2 and _POSSESSIVE_BETWEEN.search(a.mention) is not None)
        # "ODK-UMPO", "UEC-Saturn": the owner's name hyphenated to the subsidiary's
        or _hyphenated_pair(a, spans)
    )


def _unlisted_unit(index: NameIndex, a: Analysis, spans: _NameSpans, label: Labels) -> str | None:
    """The words naming a unit of the one entity found, which the registry does not hold: a
    registered legal unit ("FUJITSU DEFENSE & NATIONAL SECURITY, LTD.": "defense national
    security"), or the entity's subsidiary named by an ownership word ("filial de Airbus")."""
    if len(spans) != 1:
        return None
    start, end, key = spans[0]
    entries = index.by_key[key]
    distinctive = not any(x.weak or x.vague for x in entries) and len({x.entity_id for x in entries}) == 1
    if a.legal and start == 0 and distinctive:  # a registered name that opens with the group's name
        after = [
            a.toks[k]
            for k, (r, _) in sorted(label.items())
            if k >= end and r not in (Label.legal_form, Label.place, Label.location)
        ]
        if after:
            return " ".join(after)
    owner_words = [a.toks[k] for k, (r, _) in sorted(label.items()) if r is Label.ownership]
    return " ".join(owner_words) if owner_words else None


def _dropped(a: Analysis, label: Labels) -> tuple[tuple[str, str], ...]:
    words = tuple((a.toks[k], f"place ({c})" if r is Label.place else r.value) for k, (r, c) in sorted(label.items()))
    return (*((f, "legal form") for f in a.legal), *words)


def segment_candidates(index: NameIndex, a: Analysis) -> list[Candidate]:
    """Registry names inside the mention, each scored by what the other words say."""
    toks = a.toks
    spans = _strong_spans(index, a, name_spans(index, toks))
    if not spans:
        return []
    label = label_words(index, toks, {k for s, e, _ in spans for k in range(s, e)}, spans[0][1])
    parts = tuple(_score_parts(index, a, spans, label))
    score = W.EXACT + sum(d for _, d in parts)
    dropped = _dropped(a, label)
    hints_for = _hints_per_name(spans, label)
    legal_words = [toks[k] for k, (r, _) in label.items() if r is Label.legal_form]
    legal = index.lex.countries_of_legal_forms(legal_words) if legal_words else frozenset()
    owned = _owner_named(index, a, spans, label)
    unit = _unlisted_unit(index, a, spans, label)
    outside = [toks[k] for k, (r, _) in label.items() if r in (Label.descriptor, Label.unexplained, Label.generic)]
    described = index.variants.describes_company(outside)
    after = any(r is Label.place and k >= spans[-1][1] for k, (r, _) in label.items())
    runs = _runs(sorted(k for k, (r, _) in label.items() if r is Label.place))
    from_city = bool(runs) and all(tuple(toks[s:e]) in index.lex.cities for s, e in runs)
    span_ids = tuple(e.entity_id for _, _, key in spans for e in index.by_key[key])
    # several names: a joint venture and its parts ("KNDS – KMW and Nexter") or a subsidiary
    # and its owner; otherwise the first name is the subject ("Oshkosh Defense, Oshkosh")
    joined = owned or any(toks[k] in index.lex.joiners for k in label)
    group = span_ids if len(spans) > 1 and joined else ()
    out = []
    # in a registered name, two names side by side with nothing joining them make a third company
    # ("DOOSAN BABCOCK LIMITED"); in running text the first is the subject ("Oshkosh Defense, Oshkosh")
    registered_pair = (
        bool(a.legal)
        and len(spans) == 2
        and len(set(span_ids)) > 1
        and not joined
        and spans[0][0] == 0
        and spans[0][1] == spans[1][0]
        and spans[1][1] == len(toks)
        and not any(x.weak for _, _, k in spans for x in index.by_key[k])
    )
    for n, (s, e, key) in enumerate(spans):
        later = len(spans) > 1 and not joined and n > 0
        for entry in per_entity(index.by_key[key]):
            c = Candidate(
                entry,
                score,
                METHOD[entry.kind],
                frozenset(hints_for[n]),
                dropped,
                parts,
                (s, e),
                group,
                owned=bool(group) and owned,
                hint_after=after and n == len(spans) - 1,
                hint_from_city=from_city,
                legal=legal,
                legal_written=bool(legal_words),
                described=described,
                unit=unit,
            )
            if registered_pair:
                c = c.adjust(W.REGISTERED_PAIR, "another company's name beside it in a registered name")
            elif later:
                c = c.adjust(W.NAMED_AFTER_ANOTHER, NAMED_AFTER)
            out.append(c)
    return out


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive indices as (start, end) runs: [1, 2, 5] -> [(1, 3), (5, 6)]."""
    out: list[tuple[int, int]] = []
    for i in indices:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _only_labels(label: Labels, start: int, end: int) -> bool:
    return all(
        k in label and label[k][0] in (Label.place, Label.descriptor, Label.unexplained) for k in range(start, end)
    )
