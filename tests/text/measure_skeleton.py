"""Measure the consonant-skeleton key on the registry: hit rate on native-script aliases, collisions.

Run: ``.venv/bin/python -m tests.text.measure_skeleton`` (prints the tables of docs/matching-scripts.md).

A *pair* is (entity, native-script alias).  It is a hit when the skeleton of the native alias equals
the skeleton of one of the same entity's Latin-script names (name, legal name, aliases, former
names) -- the comparison the matcher makes.  Pairs are labelled: ``T`` transcription (the native
string renders the sound of a Latin name, maybe a shorter form), ``M`` mixed (a transcribed core
plus translated descriptor words), ``X`` translation or another name.  Labels for the scripts
other than Cyrillic are hand-made (``NOT_TRANSCRIPTION`` below); Cyrillic aliases are labelled by
a rule (generic Russian/Ukrainian words or an all-capital acronym -> ``X``), stated in the doc.

A *collision* is a pair of Latin names of two different entities with equal skeletons.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from defnames._text.skeleton import char_script, dominant_script

# Native aliases that are not pure transcriptions: M = transcribed core + translated words, X = other.
NOT_TRANSCRIPTION: dict[str, str] = {
    "أبوظبي لبناء السفن": "X",
    "شركة الإلكترونيات المتقدمة": "X",
    "سازمان صنایع هوافضا": "X",
    "국방과학연구소": "X",
    "الهيئة العربية للتصنيع": "X",
    "گروه صنایع سلاح": "X",
    "برزان القابضة": "M",
    "ダイキン工業": "M",
    "داسو للطيران": "M",
    "سازمان صنایع دفاع": "X",
    "रक्षा अनुसंधान एवं विकास संगठन": "X",
    "مجموعة إيدج": "M",
    "אלביט מערכות": "M",
    "Ελληνική Βιομηχανία Οχημάτων": "X",
    "청송연합": "X",
    "대우조선해양": "M",
    "대우조선": "M",
    "HD현대중공업": "M",
    "현대중공업": "M",
    "HD한국조선해양": "X",
    "한국조선해양": "X",
    "Ελληνική Αεροπορική Βιομηχανία": "X",
    "Ελληνική Βιομηχανία Όπλων": "X",
    "Ελληνικά Αμυντικά Συστήματα": "X",
    "صنایع هواپیماسازی ایران": "X",
    "HJ중공업": "M",
    "한진중공업": "M",
    "現代ロテム": "M",
    "התעשייה הצבאית לישראל": "X",
    "תעש": "X",
    "الصناعات العسكرية الإسرائيلية": "X",
    "आयुध निर्माणी बोर्ड": "X",
    "سازمان صنایع هوایی ایران": "X",
    "سازمان صنایع هوایی": "X",
    "صنایع مخابرات ایران": "X",
    "صنایع الکترونیک ایران": "X",
    "سازمان جهاد خودکفایی سپاه": "X",
    "התעשייה האווירית לישראל": "X",
    "התעשייה האווירית": "X",
    "الصناعات الجوية الإسرائيلية": "X",
    'תע"א': "X",
    "이스라엘 항공우주산업": "M",
    "מספנות ישראל": "X",
    "المركز الأردني للتصميم والتطوير": "X",
    "مصنع قادر للصناعات المتطورة": "X",
    "가와사키중공업": "M",
    "기아자동차": "M",
    "조선광업개발무역회사": "X",
    "한국항공우주산업": "X",
    "한국항공우주": "X",
    "조선련봉총회사": "X",
    "련봉총회사": "M",
    "금성정밀공업": "X",
    "سازمان صنایع دریایی": "X",
    "미쓰비시전기": "M",
    "미쓰비시중공업": "M",
    "وزارت دفاع و پشتیبانی نیروهای مسلح": "X",
    "군수공업부": "X",
    "الهيئة القومية للإنتاج الحربي": "X",
    "صنایع هوایی قدس": "X",
    "רפאל מערכות לחימה מתקדמות": "X",
    "رافائيل للأنظمة الدفاعية المتقدمة": "M",
    "رافئيل لأنظمة الدفاع المتقدمة": "M",
    "الشركة السعودية للصناعات العسكرية": "X",
    "제2경제위원회": "X",
    "گروه صنعتی شهید باکری": "M",
    "گروه صنعتی شهید همت": "M",
    "صنایع شهید خرازی": "M",
    "صنایع الکترونیک شیراز": "X",
    "هيئة التصنيع الحربي": "X",
}

_CYRILLIC_GENERIC = re.compile(
    r"(завод|бюро|институт|корпорац|компани|концерн|групп|объединени|обʼєднанн|имени|імені|им\.|"
    r"государствен|державн|научно|центр|комбинат|предприяти|підприємств|производств|холдинг|"
    r"фабрик|общество|товариств|акционер|управлени|систем|технолог|верф|ремонтн|оборудован|"
    r"промышлен|машиностро|приборостро|авиа|ракет|радио|электро|приборы|служб|агентств|комитет)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pair:
    entity: str
    script: str
    native: str
    label: str


def _latin_names(e: object) -> list[str]:
    names = [e.name, e.legal_name or "", *e.aliases, *e.weak_aliases, *(f.name for f in e.former_names)]  # type: ignore[attr-defined]
    return [n for n in names if n and dominant_script(n) == "latin"]


def _native_names(e: object) -> list[str]:
    names = [*e.aliases, *(f.name for f in e.former_names)]  # type: ignore[attr-defined]
    return [n for n in names if n and dominant_script(n) not in (None, "latin", "han")]


def label_of(native: str, script: str) -> str:
    if native in NOT_TRANSCRIPTION:
        return NOT_TRANSCRIPTION[native]
    if script != "han" and any(char_script(c) == "han" for c in native):
        return "M"  # kana/Hangul with a kanji/hanja descriptor (株式会社…工場, 現代ロテム)
    if script == "cyrillic":
        letters = [c for c in native if c.isalpha()]
        if _CYRILLIC_GENERIC.search(native) or (letters and all(c.isupper() for c in letters) and len(letters) <= 6):
            return "X"
    return "T"


FROZEN = Path(__file__).parent / "data" / "native_pairs.tsv"


def load(live: bool | None = None) -> tuple[list[Pair], dict[str, list[str]]]:
    """(pairs, Latin names by entity).  Pairs come from the frozen table ``data/native_pairs.tsv``
    (registry aliases as of 3 December 2026, labelled) unless ``live`` (default: ``--live`` on the
    command line); Latin names are always the current registry's."""
    import sys

    import defnames

    if live is None:
        live = "--live" in sys.argv

    pairs: list[Pair] = []
    latin: dict[str, list[str]] = {}
    for e in defnames.registry().entities:
        latin[e.id] = _latin_names(e)
        if live:
            for n in _native_names(e):
                sc = dominant_script(n) or "?"
                pairs.append(Pair(e.id, sc, n, label_of(n, sc)))
    if not live:
        for line in FROZEN.read_text(encoding="utf-8").splitlines()[1:]:
            eid, sc, lab, native = line.split("\t")
            if eid in latin:
                pairs.append(Pair(eid, sc, native, lab))
    return pairs, latin


def freeze() -> None:
    """Write the current registry's labelled pairs to ``data/native_pairs.tsv``."""
    pairs, _ = load(live=True)
    FROZEN.parent.mkdir(exist_ok=True)
    rows = ["entity\tscript\tlabel\tnative"] + [f"{p.entity}\t{p.script}\t{p.label}\t{p.native}" for p in pairs]
    FROZEN.write_text("\n".join(rows) + "\n", encoding="utf-8")


def hit_rates(
    fn: Callable[[str], str], pairs: list[Pair], latin: dict[str, list[str]]
) -> dict[str, dict[str, tuple[int, int]]]:
    """{label: {script: (hits, total)}}, with an 'all' script."""
    keys = {eid: {fn(n) for n in names} - {""} for eid, names in latin.items()}
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for p in pairs:
        k = fn(p.native)
        hit = bool(k) and k in keys[p.entity]
        for sc in (p.script, "all"):
            out[p.label][sc][0] += hit
            out[p.label][sc][1] += 1
    return {lab: {sc: (v[0], v[1]) for sc, v in d.items()} for lab, d in out.items()}


def wrong_hits(fn: Callable[[str], str], pairs: list[Pair], latin: dict[str, list[str]]) -> tuple[int, int]:
    """(native T aliases whose key equals a Latin key of ANOTHER entity, T aliases)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for eid, names in latin.items():
        for n in names:
            k = fn(n)
            if k:
                owners[k].add(eid)
    bad = tot = 0
    for p in pairs:
        if p.label != "T":
            continue
        tot += 1
        if owners.get(fn(p.native), set()) - {p.entity}:
            bad += 1
    return bad, tot


def collisions(fn: Callable[[str], str], latin: dict[str, list[str]]) -> dict[str, float]:
    """Collision figures over the Latin names of different entities."""
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    n_names = 0
    per_entity: Counter[str] = Counter()
    for eid, names in latin.items():
        for k in {fn(n) for n in names} - {""}:
            by_key[k][eid] += 1
            per_entity[eid] += 1
            n_names += 1
    total_pairs = (n_names * (n_names - 1) - sum(c * (c - 1) for c in per_entity.values())) // 2
    coll = 0
    ents_colliding: set[str] = set()
    by_len: Counter[int] = Counter()
    keys_by_len: Counter[int] = Counter()
    for k, cnt in by_key.items():
        keys_by_len[min(len(k), 6)] += 1
        if len(cnt) > 1:
            s = sum(cnt.values())
            c = (s * s - sum(v * v for v in cnt.values())) // 2
            coll += c
            ents_colliding.update(cnt)
            by_len[min(len(k), 6)] += 1
    return {
        "names": n_names,
        "pairs": total_pairs,
        "colliding_pairs": coll,
        "pair_rate": coll / total_pairs if total_pairs else 0.0,
        "entities": len(latin),
        "entities_colliding": len(ents_colliding),
        **{f"shared_keys_len{n}": by_len[n] / keys_by_len[n] if keys_by_len[n] else 0.0 for n in range(1, 7)},
    }


def plain_key(s: str) -> str:
    """Baseline: anyascii, lower case, letters and digits only."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]", "", anyascii(s).lower())


def naive_skeleton(s: str) -> str:
    """Baseline: anyascii, drop vowels/h/w/y, collapse repeats, no classes and no script rules."""
    t = re.sub(r"[^a-z0-9]|[aeiouyhw]", "", plain_key(s))
    return re.sub(r"(.)\1+", r"\1", t)


def report(fn: Callable[[str], str], name: str, pairs: list[Pair], latin: dict[str, list[str]]) -> None:
    h = hit_rates(fn, pairs, latin)
    c = collisions(fn, latin)
    wb, wt = wrong_hits(fn, pairs, latin)
    t_all = h["T"]["all"]
    print(f"== {name}")
    print("  T by script: " + ", ".join(f"{sc} {a}/{b} ({a / b:.0%})" for sc, (a, b) in sorted(h["T"].items())))
    for lab in ("M", "X"):
        if lab in h:
            a, b = h[lab]["all"]
            print(f"  {lab}: {a}/{b} ({a / b:.0%})")
    print(
        f"  T all: {t_all[0]}/{t_all[1]} ({t_all[0] / t_all[1]:.1%}); T aliases also hitting another entity: {wb}/{wt}"
    )
    print(
        f"  collisions: {c['colliding_pairs']}/{c['pairs']} name pairs ({c['pair_rate']:.5%}); "
        f"entities with a colliding name: {c['entities_colliding']}/{c['entities']}; "
        "share of keys shared across entities by key length 1..6+: "
        + " ".join(f"{c[f'shared_keys_len{n}']:.0%}" for n in range(1, 7))
    )


def main() -> None:
    from defnames._text.skeleton import skeleton

    pairs, latin = load()
    print(f"{len(pairs)} pairs; labels {Counter(p.label for p in pairs)}; scripts {Counter(p.script for p in pairs)}")
    report(plain_key, "plain anyascii key", pairs, latin)
    report(naive_skeleton, "naive skeleton (anyascii, vowels dropped)", pairs, latin)
    report(skeleton, "defnames._text.skeleton", pairs, latin)


def _replace(
    rows: tuple[tuple[str, str], ...], pattern: str, new: tuple[str, str] | None
) -> tuple[tuple[str, str], ...]:
    out = []
    for p, r in rows:
        if p == pattern:
            if new is not None:
                out.append(new)
        else:
            out.append((p, r))
    return tuple(out)


def variants() -> dict[str, Callable[[str], str]]:
    """The alternatives tried while tuning, each one change away from the shipped rules."""
    from defnames._text import skeleton as sk

    base = sk.SkeletonRules()
    L = base.latin_rules
    cls = dict(base.classes)
    v: dict[str, sk.SkeletonRules] = {
        "th -> S (not T)": sk.SkeletonRules(latin_rules=_replace(L, "th", ("th", "S"))),
        "ts -> S (not T)": sk.SkeletonRules(latin_rules=_replace(L, "ts|tz", ("ts|tz", "S"))),
        "no -tion -> S rule": sk.SkeletonRules(latin_rules=_replace(L, "t(?=i[aou])", None)),
        "j/ch/zh -> S (not K)": sk.SkeletonRules(classes={**cls, "J": "S"}),
        "j/ch/zh own class": sk.SkeletonRules(classes={**cls, "J": "J"}),
        "g apart from k": sk.SkeletonRules(classes={**cls, "g": "G", "J": "G"}),
        "m and n merged": sk.SkeletonRules(classes={**cls, "m": "N"}),
        "b/p apart from f/v": sk.SkeletonRules(classes={**cls, "f": "F", "v": "F"}),
        "r and l apart": sk.SkeletonRules(classes={**cls, "l": "L"}),
        "non-rhotic r dropped": sk.SkeletonRules(latin_rules=(*L, ("(?<=[a-z])r(?=[^aeiouyhw]|$)", ""))),
        "kh -> h (dropped)": sk.SkeletonRules(latin_rules=_replace(L, "kh", ("kh", "h"))),
        "no script pre/post rules": sk.SkeletonRules(script_pre={}, script_post={}),
    }
    return {name: r.compile() for name, r in v.items()}


def guarded(fn: Callable[[str], str], min_len: int) -> Callable[[str], str]:
    """The key only when it has at least ``min_len`` classes (shorter keys: no skeleton match)."""

    def g(s: str) -> str:
        k = fn(s)
        return k if len(k) >= min_len else ""

    return g


def tuning_table() -> None:
    from defnames._text.skeleton import skeleton

    pairs, latin = load()
    print("| rules | T hits | T also hitting another entity | colliding name pairs | entities with a collision |")
    print("|---|---|---|---|---|")
    rows: list[tuple[str, Callable[[str], str]]] = [("shipped rules", skeleton), *variants().items()]
    rows += [(f"shipped rules, keys of >= {n} classes only", guarded(skeleton, n)) for n in (3, 4, 5)]
    rows += [("naive skeleton", naive_skeleton), ("plain anyascii key", plain_key)]
    for name, fn in rows:
        h = hit_rates(fn, pairs, latin)["T"]["all"]
        wb, wt = wrong_hits(fn, pairs, latin)
        c = collisions(fn, latin)
        print(
            f"| {name} | {h[0]}/{h[1]} ({h[0] / h[1]:.1%}) | {wb}/{wt} | "
            f"{c['colliding_pairs']}/{c['pairs']} ({c['pair_rate']:.4%}) | {c['entities_colliding']}/{c['entities']} |"
        )


def variants_table() -> None:
    """Registry side indexed under skeleton_variants, mention side under skeleton."""
    from defnames._text.skeleton import skeleton, skeleton_variants

    pairs, latin = load()
    print("| registry keys | min classes | T hits | T alias also hits another entity | entities sharing a key |")
    print("|---|---|---|---|---|")
    for label, fn in [("skeleton", lambda n: {skeleton(n)}), ("skeleton_variants", skeleton_variants)]:
        for min_len in (1, 4):
            keys = {e: {k for n in names for k in fn(n) if len(k) >= min_len} for e, names in latin.items()}
            owners: dict[str, set[str]] = defaultdict(set)
            for e, ks in keys.items():
                for k in ks:
                    owners[k].add(e)
            hit = wrong = tot = 0
            for p in pairs:
                if p.label != "T":
                    continue
                tot += 1
                k = skeleton(p.native)
                if len(k) < min_len:
                    continue
                hit += k in keys[p.entity]
                wrong += bool(owners.get(k, set()) - {p.entity})
            shared = set().union(*(o for o in owners.values() if len(o) > 1))
            print(f"| {label} | {min_len} | {hit}/{tot} ({hit / tot:.1%}) | {wrong} | {len(shared)}/{len(latin)} |")


if __name__ == "__main__":
    import sys

    if "--freeze" in sys.argv:
        freeze()
    elif "--tuning" in sys.argv:
        tuning_table()
    elif "--variants" in sys.argv:
        variants_table()
    else:
        main()
