"""Measure each Snowball stemmer on registry names: inflected forms joined, different names merged.

Run: ``.venv/bin/python -m tests.text.measure_stems`` (prints the table of docs/matching-scripts.md).

For each language the registry's names in the language's script (Latin names for Latin-script
languages, Cyrillic aliases for ru/uk, Greek for el, Arabic-script for ar) are inflected with real
case endings of that language (``INFLECT`` below; the rules a grammar of the language gives for
foreign and native names, simplified to the regular paradigms) and keyed as the words' stems.

- *join*: share of (name, inflected form) pairs whose stemmed keys are equal.  ``exact`` is the same
  share for the unstemmed, lower-cased key (the baseline: suffix cutting only).
- *merged*: pairs of names of two different entities whose stemmed keys are equal although their
  unstemmed keys differ -- the collisions stemming adds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from defnames._text import stems
from defnames._text.skeleton import dominant_script
from defnames._text.stems import stem_words

Inflector = Callable[[list[str]], list[list[str]]]

_VOWELS = "aeiouyäöüåæøıéáíóúőűěů"


def _is_acronym(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 7


def _last(endings: Callable[[str], list[str]]) -> Inflector:
    """Inflect the last word of a name with each ending the function gives for it."""

    def f(words: list[str]) -> list[list[str]]:
        return [[*words[:-1], form] for form in endings(words[-1])]

    return f


def _back(w: str) -> bool:
    return not re.search("[äöy]", w.lower()) or bool(re.search("[aou]", w.lower()))


def fi(w: str) -> list[str]:
    a = "a" if _back(w) else "ä"
    if _is_acronym(w):
        return [f"{w}:n", f"{w}:lle", f"{w}:ssa", f"{w}:lt{a}"]
    if w[-1].lower() in _VOWELS:
        return [w + e for e in ("n", f"ll{a}", f"lt{a}", f"ss{a}", f"st{a}", "lle")]
    return [w + e for e in ("in", f"ill{a}", f"ilt{a}", f"iss{a}", f"ist{a}", "ille", f"i{a}")]


def _tr_harmony(w: str) -> tuple[str, str]:
    vs = [c for c in w.lower() if c in "aeıioöuü"]
    v = vs[-1] if vs else "a"
    four = {"a": "ı", "ı": "ı", "e": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}[v]
    two = "a" if v in "aıou" else "e"
    return four, two


def _tr_forms(w: str, sep: str) -> list[str]:
    four, two = _tr_harmony(w)
    last = w[-1].lower()
    if last in "aeıioöuü":
        return [w + sep + e for e in (f"n{four}n", f"y{two}", f"d{two}n", f"d{two}", f"y{four}")]
    d = "t" if last in "fstkçşhp" else "d"
    return [w + sep + e for e in (f"{four}n", two, f"{d}{two}n", f"{d}{two}", four)]


def tr(w: str) -> list[str]:
    return _tr_forms(w, "'")


def tr_glued(w: str) -> list[str]:
    return _tr_forms(w, "'" if _is_acronym(w) else "")


def hu(w: str) -> list[str]:
    back = bool(re.search("[aáoóuú]", w.lower()))
    e = {True: ("ot", "nak", "ban", "ból", "ra", "hoz"), False: ("et", "nek", "ben", "ből", "re", "hez")}[back]
    if _is_acronym(w):
        return [f"{w}-{x}" for x in e]
    if w[-1] in "ae":
        stem = w[:-1] + {"a": "á", "e": "é"}[w[-1]]
        return [stem + ("t" if x in ("ot", "et") else x) for x in e]
    if w[-1].lower() in _VOWELS:
        return [w + ("t" if x in ("ot", "et") else x) for x in e]
    return [w + x for x in e]


def pl(w: str) -> list[str]:
    if _is_acronym(w):
        return [f"{w}-u", f"{w}-owi", f"{w}-em"]
    if w.endswith("ia"):
        return [w[:-1] + x for x in ("i", "ę", "ą")]
    if w.endswith("a"):
        return [w[:-1] + x for x in ("y", "ę", "ą")]
    if w[-1].lower() in _VOWELS:
        return []
    return [w + x for x in ("a", "u", "owi", "em", "ie")]


def cs(w: str) -> list[str]:
    if _is_acronym(w):
        return [f"{w}-u", f"{w}-em"]
    if w.endswith("a"):
        return [w[:-1] + x for x in ("y", "u", "ou", "e")]
    if w[-1].lower() in _VOWELS:
        return []
    return [w + x for x in ("u", "em", "ovi", "a")]


def sr(w: str) -> list[str]:
    if _is_acronym(w):
        return [f"{w}-a", f"{w}-u", f"{w}-om"]
    if w.endswith("a"):
        return [w[:-1] + x for x in ("e", "i", "u", "om")]
    if w[-1].lower() in _VOWELS:
        return []
    return [w + x for x in ("a", "u", "om", "e")]


def gen_s(w: str) -> list[str]:
    return [] if w[-1].lower() in "sxz" else [w + "s"]


def ro(w: str) -> list[str]:
    if _is_acronym(w):
        return [f"{w}-ul", f"{w}-ului"]
    if w.endswith("a"):
        return [w[:-1] + "ei"]
    if w[-1].lower() in _VOWELS:
        return [w + "-ul", w + "-ului"]
    return [w + "ul", w + "ului"]


def lt(w: str) -> list[str]:
    if _is_acronym(w):
        return [f"{w}-o", f"{w}-ui"]
    if w.endswith("a"):
        return [w[:-1] + x for x in ("os", "ai", "ą", "oje")]
    if w[-1].lower() in _VOWELS:
        return []
    return [w + x for x in ("as", "o", "ui", "ą", "u", "e")]


def et(w: str) -> list[str]:
    if _is_acronym(w):
        return [f"{w}-i", f"{w}-ile"]
    if w[-1].lower() in _VOWELS:
        return [w + x for x in ("le", "s", "st", "ga")]
    return [w + x for x in ("i", "ile", "is", "ist", "iga")]


# Russian: every word agrees (adjectives and nouns); quoted words and acronyms stay.
_RU_CASES = 4  # genitive, dative, instrumental, prepositional


# Russian declension, (nominative ending, [genitive, dative, instrumental, prepositional] endings),
# first match wins; "кий" after к/г/х is the hushing-stem adjective.
_RU_PARADIGMS: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    ("ский", ("ского", "скому", "ским", "ском")),
    ("цкий", ("цкого", "цкому", "цким", "цком")),
    ("кий", ("кого", "кому", "ким", "ком")),
    ("гий", ("гого", "гому", "гим", "гом")),
    ("хий", ("хого", "хому", "хим", "хом")),
    ("ый", ("ого", "ому", "ым", "ом")),
    ("ой", ("ого", "ому", "ым", "ом")),
    ("ий", ("его", "ему", "им", "ем")),
    ("ая", ("ой", "ой", "ой", "ой")),
    ("яя", ("ей", "ей", "ей", "ей")),
    ("ое", ("ого", "ому", "ым", "ом")),
    ("ее", ("его", "ему", "им", "ем")),
    ("ия", ("ии", "ии", "ией", "ии")),
    ("ка", ("ки", "ке", "кой", "ке")),
    ("га", ("ги", "ге", "гой", "ге")),
    ("ха", ("хи", "хе", "хой", "хе")),
    ("а", ("ы", "е", "ой", "е")),
    ("я", ("и", "е", "ей", "е")),
    ("о", ("а", "у", "ом", "е")),
    ("й", ("я", "ю", "ем", "е")),
    ("ь", ("я", "ю", "ем", "е")),
)


def _ru_word(w: str) -> list[str]:
    lw = w.lower()
    if _is_acronym(w) or not w.isalpha():
        return [w] * _RU_CASES
    for nom, cases in _RU_PARADIGMS:
        if lw.endswith(nom):
            return [w[: len(w) - len(nom)] + c for c in cases]
    if lw[-1:] in "еёиуыэю":
        return [w] * _RU_CASES  # indeclinable
    return [w + c for c in ("а", "у", "ом", "е")]


def ru(words: list[str]) -> list[list[str]]:
    forms = [_ru_word(w) for w in words]
    return [[f[i] for f in forms] for i in range(_RU_CASES)]


def _uk_word(w: str) -> list[str]:
    lw = w.lower()
    if _is_acronym(w) or not w.isalpha():
        return [w] * 3
    if lw.endswith("ий"):
        b = w[:-2]
        return [b + "ого", b + "ому", b + "им"]
    if lw.endswith("а"):
        b = w[:-1]
        return [b + "и", b + "і", b + "ою"]
    if lw[-1:] in "аеєиіїоуюяь":
        return [w] * 3
    return [w + "у", w + "ові", w + "ом"]


def uk(words: list[str]) -> list[list[str]]:
    forms = [_uk_word(w) for w in words]
    return [[f[i] for f in forms] for i in range(3)]


def _el_word(w: str) -> list[str]:
    lw = w.lower()
    for nom, gen in (
        ("ός", "ού"),
        ("ος", "ου"),
        ("ική", "ικής"),
        ("ικά", "ικών"),
        ("ία", "ίας"),
        ("α", "ας"),
        ("η", "ης"),
    ):
        if lw.endswith(nom):
            return [w[: -len(nom)] + gen]
    return [w]


def el(words: list[str]) -> list[list[str]]:
    return [[_el_word(w)[0] for w in words]]


def ar(words: list[str]) -> list[list[str]]:
    first = words[0]
    rest = words[1:]
    forms = ["و" + first, "ب" + first]
    forms.append("لل" + first[2:] if first.startswith("ال") else "ل" + first)
    return [[f, *rest] for f in forms]


def ko(words: list[str]) -> list[list[str]]:
    return [[*words[:-1], words[-1] + p] for p in ("는", "의", "가", "를", "에서", "와", "측")]


def ja(words: list[str]) -> list[list[str]]:
    return [[*words[:-1], words[-1] + p] for p in ("は", "の", "が", "を", "と")]


def he(words: list[str]) -> list[list[str]]:
    return [[p + words[0], *words[1:]] for p in ("ו", "ב", "ל", "של")]


#: language -> (script of the names it is measured on, inflector)
INFLECT: dict[str, tuple[str, Inflector]] = {
    "fi": ("latin", _last(fi)),
    "tr": ("latin", _last(tr)),
    "tr-glued": ("latin", _last(tr_glued)),
    "hu": ("latin", _last(hu)),
    "pl": ("latin", _last(pl)),
    "cs": ("latin", _last(cs)),
    "sr": ("latin", _last(sr)),
    "lt": ("latin", _last(lt)),
    "et": ("latin", _last(et)),
    "ro": ("latin", _last(ro)),
    "sv": ("latin", _last(gen_s)),
    "no": ("latin", _last(gen_s)),
    "da": ("latin", _last(gen_s)),
    "de": ("latin", _last(gen_s)),
    "en": ("latin", _last(lambda w: [w + "'s"])),
    "ru": ("cyrillic", ru),
    "uk": ("cyrillic", uk),
    "el": ("greek", el),
    "ar": ("arabic", ar),
    "he": ("hebrew", he),
    "ko": ("hangul", ko),
    "ja": ("kana", ja),
}
# Languages measured for merges only (their writers do not inflect names).
MERGE_ONLY: dict[str, str] = {
    "fr": "latin",
    "es": "latin",
    "it": "latin",
    "pt": "latin",
    "nl": "latin",
    "hi": "devanagari",
}

_SPLIT = re.compile(r"[\s\-–/]+")
_QUOTES = "\"'«»“”„()"


def words_of(name: str) -> list[str]:
    return [w.strip(_QUOTES) for w in _SPLIT.split(name) if w.strip(_QUOTES)]


def _legal_forms() -> set[str]:
    import pathlib

    import yaml

    path = pathlib.Path(__file__).resolve().parents[2] / "reference" / "lexicon" / "legal_forms.yml"
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {_fold(r["form"]) for r in rows if isinstance(r, dict) and isinstance(r.get("form"), str)}


def _fold(s: str) -> str:
    return re.sub(r"[.\s]", "", s.lower())


def registry_names(script: str) -> dict[str, set[str]]:
    """Entity id -> its names in ``script``, trailing legal forms removed (the matcher strips them)."""
    import defnames

    forms = _legal_forms()
    out: dict[str, set[str]] = defaultdict(set)
    for e in defnames.registry().entities:
        for n in (e.name, e.legal_name or "", *e.aliases, *(f.name for f in e.former_names)):
            if not n or dominant_script(n) != script:
                continue
            ws = words_of(n)
            while len(ws) > 1 and (_fold(ws[-1]) in forms or _fold(" ".join(ws[-2:])) in forms):
                ws = ws[:-2] if _fold(" ".join(ws[-2:])) in forms and _fold(ws[-1]) not in forms else ws[:-1]
            if ws:
                out[e.id].add(" ".join(ws))
    return out


def _exact(ws: list[str]) -> list[str]:
    return [stems.cut_case_suffix(w).lower() for w in ws]


def _owners_and_vocab(names: dict[str, set[str]]) -> tuple[dict[tuple[str, ...], set[str]], set[str]]:
    owner: dict[tuple[str, ...], set[str]] = defaultdict(set)
    vocab: set[str] = set()
    for eid, ns in names.items():
        for n in ns:
            ws = _exact(words_of(n))
            owner[tuple(ws)].add(eid)
            vocab.update(ws)
    return owner, vocab


def _join_counts(
    code: str,
    names: dict[str, set[str]],
    inflect: Inflector,
    owner: dict[tuple[str, ...], set[str]],
    vocab: set[str],
) -> dict[str, list[int]]:
    """{kind.measure: [hits, total]} over (name, inflected form) pairs, kind = multi | single."""
    c: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for eid, ns in names.items():
        for n in ns:
            ws = words_of(n)
            if not ws:
                continue
            kind = "multi" if len(ws) > 1 else "single"
            base_stem = stem_words(ws, code)
            base = tuple(_exact(ws))
            for form in inflect(ws):
                if form == ws:
                    continue
                cands = [tuple(x) for x in stems.deinflect_words(form, code, vocab)]
                c[f"{kind}.n"][1] += 1
                c[f"{kind}.stem"][0] += stem_words(form, code) == base_stem
                c[f"{kind}.cut"][0] += tuple(_exact(form)) == base
                c[f"{kind}.deinfl"][0] += base in cands
                c[f"{kind}.wrong"][0] += any(owner.get(k, set()) - {eid} for k in cands[1:] if k != base)
    return c


def _false_base(code: str, names: dict[str, set[str]], owner: dict[tuple[str, ...], set[str]], vocab: set[str]) -> int:
    """Uninflected names one of whose de-inflection candidates is another entity's name."""
    count = 0
    for eid, ns in names.items():
        for n in ns:
            cands = [tuple(x) for x in stems.deinflect_words(words_of(n), code, vocab)][1:]
            count += any(owner.get(k, set()) - {eid} for k in cands)
    return count


def _snowball_merges(code: str, names: dict[str, set[str]]) -> tuple[int, list[str]]:
    """Different entities, equal stemmed key, different exact key."""
    by_stem: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for eid, ns in names.items():
        for n in ns:
            ws = words_of(n)
            by_stem[" ".join(stem_words(ws, code))][eid].add(" ".join(_exact(ws)))
    merged = 0
    examples: list[str] = []
    for owners in by_stem.values():
        items = [(e, x) for e, xs in owners.items() for x in xs]
        pairs = [(x1, x2) for i, (e1, x1) in enumerate(items) for e2, x2 in items[i + 1 :] if e1 != e2 and x1 != x2]
        merged += len(pairs)
        examples.extend(f"{a} ~ {b}" for a, b in pairs[: max(0, 2 - len(examples))])
    return merged, examples


def measure(lang: str, script: str, inflect: Inflector | None) -> dict[str, object]:
    """Join and merge figures of the Snowball key and of de-inflection for one language."""
    code = lang.split("-")[0]
    names = registry_names(script)
    owner, vocab = _owners_and_vocab(names)
    c = _join_counts(code, names, inflect, owner, vocab) if inflect is not None else defaultdict(lambda: [0, 0])
    merged, examples = _snowball_merges(code, names)
    out: dict[str, object] = {
        "names": sum(len(v) for v in names.values()),
        "merged": merged,
        "examples": examples,
        "false_base": _false_base(code, names, owner, vocab),
    }
    for kind in ("multi", "single"):
        n = c[f"{kind}.n"][1]
        out[f"{kind}.n"] = n
        for k in ("stem", "cut", "deinfl", "wrong"):
            out[f"{kind}.{k}"] = c[f"{kind}.{k}"][0] / n if n else None
    return out


def _pct(x: object) -> str:
    return "–" if x is None else f"{float(x):.0%}"  # type: ignore[arg-type]


def main() -> None:
    print(
        "| lang | names | forms (multi-word / one-word) | Snowball key joins | suffix cut only joins "
        "| de-inflection joins | inflected form de-inflects to another entity | uninflected name de-inflects to "
        "another entity | Snowball merges of different names |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    rows: list[tuple[str, str, Inflector | None]] = [(lang, sc, inf) for lang, (sc, inf) in INFLECT.items()]
    rows += [(lang, sc, None) for lang, sc in MERGE_ONLY.items()]
    for lang, sc, inf in rows:
        r = measure(lang, sc, inf)

        def both(k: str, r: dict[str, object] = r) -> str:
            return f"{_pct(r['multi.' + k])} / {_pct(r['single.' + k])}"

        ex = "; ".join(r["examples"])  # type: ignore[arg-type]
        print(
            f"| {lang} | {r['names']} | {r['multi.n']} / {r['single.n']} | {both('stem')} | {both('cut')} "
            f"| {both('deinfl')} | {both('wrong')} | {r['false_base']} | {r['merged']}{' (' + ex + ')' if ex else ''} |"
        )


def guard_effect() -> None:
    print("| lang | Snowball merges, 4-letter guard | Snowball merges, no guard |")
    print("|---|---|---|")
    for lang, (sc, _) in INFLECT.items():
        a = measure(lang, sc, None)["merged"]
        old = stems.STEM_MIN_LETTERS
        stems.STEM_MIN_LETTERS = 0
        try:
            b = measure(lang, sc, None)["merged"]
        finally:
            stems.STEM_MIN_LETTERS = old
        print(f"| {lang} | {a} | {b} |")


if __name__ == "__main__":
    import sys

    guard_effect() if "--guard" in sys.argv else main()
