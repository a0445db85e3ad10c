from __future__ import annotations

import pathlib

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from defnames._text.concepts import ConceptTable, concept_key, concept_tokens, default_table, fold_word

# Names of one company in several languages/transliterations that must meet on one concept key.
# Each group: a registry company (English name first) and how it is written elsewhere.
SAME = [
    ["Kazan Helicopter Plant", "Казанский вертолётный завод", "Kazanskiy Vertoletnyy Zavod", "カザンヘリコプター工場"],
    ["Kazan Helicopter Plant", "Kazanskij vertoletnyj zavod", "Казанского вертолётного завода"],
    ["Ulyanovsk Cartridge Works", "Ульяновский патронный завод"],
    ["Chelyabinsk Tractor Plant", "Челябинский тракторный завод", "Chelyabinskiy Traktornyy Zavod"],
    ["Bryansk Automobile Plant", "Брянский автомобильный завод"],
    ["Irkutsk Aviation Plant", "Иркутский авиазавод", "Irkutskiy aviazavod", "Иркутский авиационный завод"],
    ["Arzamas Machine-Building Plant", "Арзамасский машиностроительный завод", "Arzamasskiy mashinostroitel'nyy zavod"],
    ["KB Mashinostroyeniya", "Конструкторское бюро машиностроения", "Konstruktorskoe byuro mashinostroeniya"],
    ["NPO Mashinostroyeniya", "НПО машиностроения", "Scientific Production Association Mashinostroyeniya"],
    ["Degtyarev Plant", "Завод имени Дегтярёва", "Zavod imeni Degtyareva"],
    ["Tambov Gunpowder Plant", "Тамбовский пороховой завод"],
    ["Zhytomyr Armored Plant", "Житомирский бронетанковый завод"],  # phonetic only, see below
    ["Ural Optical-Mechanical Plant", "Уральский оптико-механический завод"],
    ["Rubin Central Design Bureau", "ЦКБ Рубин", "TsKB Rubin"],
    ["Almaz Central Marine Design Bureau", "Центральное морское конструкторское бюро Алмаз"],
    ["Korea Aerospace Industries", "Korea 항공우주산업"],
    ["Mitsubishi Heavy Industries", "Mitsubishi 重工業"],
    ["Iran Electronics Industries", "Iran صنایع الکترونیک"],
    ["Turkish Aerospace", "Turkish Havacılık ve Uzay"],
    ["Kazan Helicopter Plant", "Kazan Helicopter Plant"],
]

# Different companies that must stay apart.
DIFFERENT = [
    ("Kazan Helicopter Plant", "Kazan Aviation Plant"),
    ("Kazan Helicopter Plant", "Moscow Helicopter Plant"),
    ("Ulyanovsk Cartridge Works", "Ulyanovsk Mechanical Plant"),
    ("KB Mashinostroyeniya", "NPO Mashinostroyeniya"),
    ("Almaz Central Marine Design Bureau", "Rubin Central Design Bureau"),
    ("Tula Cartridge Works", "Tula Arms Plant"),
    ("Kharkiv Armored Plant", "Kyiv Armored Plant"),
    ("Korea Aerospace Industries", "Israel Aerospace Industries"),
    ("AVIC I", "AVIC II"),
]

# Known limits (documented in docs/matching-scripts.md).
KNOWN_MISSES = [
    ("Moscow Helicopter Plant", "Московский вертолётный завод"),  # exonym Moscow vs Moskov-
    ("Kyiv Armored Plant", "Киевский бронетанковый завод"),  # Kyiv vs Kiev: place-name variants
    ("Israel Shipyards", "מספנות ישראל"),  # ישראל romanizes ysr'l, not israel (two classes: too short)
    ("Zhytomyr Armored Plant", "Житомирский бронетанковый завод"),  # Ukrainian vs Russian romanization
    ("Urals Optical-Mechanical Plant", "Уральский оптико-механический завод"),  # English plural Urals
]


@pytest.mark.parametrize("group", SAME, ids=lambda g: g[0])
def test_same_key(group: list[str]) -> None:
    if group[0] == "Zhytomyr Armored Plant":
        assert len({concept_key(n, phonetic=True) for n in group}) == 1
        return
    keys = {concept_key(n) for n in group}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_key(a: str, b: str) -> None:
    assert concept_key(a) != concept_key(b)


@pytest.mark.parametrize(("a", "b"), KNOWN_MISSES)
def test_known_misses(a: str, b: str) -> None:
    assert concept_key(a) != concept_key(b)


TOKENS = [
    (["Kazan", "Helicopter", "Plant"], ["Kazan", "_helicopter_", "_plant_"]),
    (["Научно-исследовательский", "институт", "радиотехники"], ["_research_", "_institute_", "_radio_engineering_"]),
    (["НИИ", "точного", "машиностроения"], ["_research_", "_institute_", "_precision_", "_machine_building_"]),
    (["Stocznia", "Gdańska"], ["_shipbuilding_", "Gdańska"]),
    (["Chantiers", "navals"], ["_shipbuilding_"]),
    (["Lürssen", "Werft"], ["Lürssen", "_shipbuilding_"]),
    (["Roketsan", "Roket", "Sanayii"], ["Roketsan", "_missile_", "_industries_"]),
    (["مصنع", "قادر", "للصناعات", "المتطورة"], ["_plant_", "قادر", "_industries_", "المتطورة"]),
    (["ЦНИИ", "Буревестник"], ["_central_", "_research_", "_institute_", "Буревестник"]),
    (["Kb", "Arsenal"], ["Kb", "_arsenal_"]),  # acronym forms only in capitals
    (["ОДК-Авиадвигатель"], ["ОДК", "_aviation_", "_engine_"]),
    (["Almaz-Antey"], ["Almaz-Antey"]),
    (["ダイキン工業"], ["ダイキン", "_industries_"]),
    (["대우조선해양"], ["대우", "_shipbuilding_", "_marine_"]),
    ([], []),
]


@pytest.mark.parametrize(("words", "expected"), TOKENS)
def test_concept_tokens(words: list[str], expected: list[str]) -> None:
    assert concept_tokens(words) == expected


def test_table_file_is_complete() -> None:
    path = pathlib.Path(__file__).resolve().parents[2] / "reference" / "lexicon" / "concepts.yml"
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    langs = set()
    entities = pathlib.Path(__file__).resolve().parents[2] / "reference" / "entities"
    for concept in rows:
        tok = concept["token"]
        assert tok == "" or (tok.startswith("_") and tok.endswith("_") and tok.isascii())
        for f in concept["forms"]:
            assert isinstance(f["form"], str) and isinstance(f["lang"], str) and isinstance(f["src"], str), f
            langs.add(f["lang"].split("-")[0])
            src = f["src"]
            if "registry:" in src:
                assert (entities / f"{src.split('registry:', 1)[1]}.yml").is_file(), src
            else:
                assert src.endswith("wiktionary"), src
    assert len(langs) >= 20


def test_custom_table() -> None:
    table = ConceptTable.from_rows([{"token": "_yard_", "forms": [{"form": "yard*", "lang": "en", "extra": 1}]}])
    assert concept_tokens(["Ship", "yards"], table) == ["Ship", "_yard_"]
    assert concept_tokens(["yardarm"], table) == ["yardarm"]


def test_fold_word() -> None:
    assert fold_word("ЗАВОДЪ") == "заводъ"
    assert fold_word("Ёлка") == "елка"
    assert fold_word("डिफेंस") == "डिफेंस"  # Indic vowel signs and anusvara are kept
    assert default_table() is default_table()


@given(st.lists(st.text(max_size=20), max_size=6))
@settings(max_examples=200, deadline=None)
def test_never_raises(words: list[str]) -> None:
    concept_tokens(words)
    concept_key(" ".join(words))
    concept_key(" ".join(words), phonetic=True)


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("BAE Systems", "BAEシステムズ"),
        ("BAE Systems", "BAE시스템즈"),
        ("Japan Marine United", "ジャパン マリンユナイテッド"),
        ("ST Engineering", "STエンジニアリング"),
    ],
)
def test_loanword_descriptors(latin: str, native: str) -> None:
    assert concept_key(latin, phonetic=True) == concept_key(native, phonetic=True)


def test_engineering_is_not_engine() -> None:
    assert concept_tokens(["エンジニアリング"]) == ["_engineering_"]
    assert concept_tokens(["エンジン"]) == ["_engine_"]


def test_default_table_is_the_compiled_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    from defnames._lexicon import lexicon
    from defnames._text import concepts

    words = ["Казанский", "вертолётный", "завод", "カザンヘリコプター工場"]
    compiled = ConceptTable.from_rows(list(lexicon().concepts))
    assert default_table().tokens(words) == compiled.tokens(words)

    def missing() -> None:
        raise FileNotFoundError("_data/lexicon.json")

    # a source checkout before the first compile: the YAML table
    monkeypatch.setattr(concepts, "lexicon", missing)
    concepts.default_table.cache_clear()
    try:
        assert concepts.default_table().tokens(words) == compiled.tokens(words)
    finally:
        monkeypatch.undo()
        concepts.default_table.cache_clear()
