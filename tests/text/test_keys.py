from __future__ import annotations

import pytest

from defnames._text.fold import fold
from defnames._text.keys import compact, name_key, strip_legal_forms, translit_key
from defnames._text.tokens import tokens


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Rheinmetall AG", "rheinmetall"),
        ("LOCKHEED MARTIN CORP", "lockheed martin"),
        ("Lockheed-Martin Corporation", "lockheed martin"),
        ("BAE SYSTEMS PLC", "bae systems"),
        ("Saab AB (publ)", "saab"),
        ("Leonardo S.p.A.", "leonardo"),
        ("Kongsberg Gruppen ASA", "kongsberg gruppen"),
        ("Patria Oyj", "patria"),
        ("Krauss-Maffei Wegmann GmbH & Co. KG", "krauss maffei wegmann"),
        ("PJSC Rostec", "rostec"),
        ("JSC Ukrainian Defense Industry", "ukrainian defence industry"),
        ("ASELSAN Elektronik Sanayi ve Ticaret A.Ş.", "aselsan elektronik"),
        ("Excalibur Army spol. s r.o.", "excalibur army"),
        ("Đuro Đaković Grupa d.d.", "duro dakovic grupa"),
        ("Polska Grupa Zbrojeniowa S.A.", "polska grupa zbrojeniowa"),
        ("Türk Havacılık ve Uzay Sanayii A.Ş.", "turk havacilik ve uzay sanayii"),
        ("The Boeing Company", "boeing"),
        ("Rheinmetall’s", "rheinmetall"),
        ("KNDS – KMW", "knds kmw"),
        ("Blohm+Voss", "blohm and voss"),
        ("Hindustan Aeronautics Pvt. Ltd.", "hindustan aeronautics"),
        ("Mitsubishi Heavy Industries, Ltd.", "mitsubishi heavy industries"),
        ("Nammo AS", "nammo"),
        ("Sp. z o.o.", "sp z oo"),
    ],
)
def test_name_key(raw: str, key: str) -> None:
    assert name_key(raw) == key


def test_legal_forms_are_never_stripped_to_nothing() -> None:
    assert name_key("AG") == "ag"
    assert strip_legal_forms(["ao"]) == (["ao"], [])


def test_several_legal_forms_at_once_and_at_the_start() -> None:
    toks, dropped = strip_legal_forms(["ao", "kalashnikov", "concern", "ojsc"])
    assert toks == ["kalashnikov", "concern"]
    assert set(dropped) == {"ao", "ojsc"}


def test_fold_keeps_other_scripts_and_spells_out_letters() -> None:
    assert fold("Укроборонпром") == "укроборонпром"
    assert fold("ŁUCZNIK Straße Ørsted") == "lucznik strasse orsted"
    assert fold("İSTANBUL ıslak") == "istanbul islak"
    assert fold("“Quoted” — dash") == "quoted dash"


def test_synonyms_unify_spellings() -> None:
    assert tokens("Defense Armored Center") == ["defence", "armoured", "centre"]


def test_spelled_out_institution_types_fold_to_their_abbreviation() -> None:
    assert tokens("Nauchno-Proizvodstvennoe Obedinenie Splav") == ["npo", "splav"]
    assert tokens("Научно-производственное объединение «Сплав»") == ["нпо", "сплав"]
    # the longest phrase wins: TsNII, not "tsentralnyi" + NII
    assert tokens("Tsentralnyi Nauchno-Issledovatelskii Institut Tochnogo") == ["tsnii", "tochnogo"]
    # a part of a phrase alone is left as it is
    assert tokens("Nauchno Splav") == ["nauchno", "splav"]


def test_named_after_keeps_the_surname_only() -> None:
    assert tokens("Zavod imeni Akademika V.P. Makeeva") == ["zavod", "imeni", "makeeva"]
    assert tokens("Завод имени В. А. Дегтярёва") == ["завод", "имени", "дегтярева"]
    assert tokens("imeni V.P.") == ["imeni", "vp"]  # nothing but initials: kept


def test_soft_and_hard_signs_are_dropped_in_transliteration() -> None:
    assert translit_key("уральскии объединение") == "uralskii obedinenie"


def test_translit_and_compact() -> None:
    assert translit_key("ростех") == "rostekh"
    assert translit_key("rostec") == "rostec"
    assert compact("hanwha aero space") == "hanwhaaerospace"


@pytest.mark.parametrize(
    ("toks", "core", "legal"),
    [
        # share-class figures
        (["bae", "systems", "plc", "ord", "2", "5p"], ["bae", "systems"], ["plc", "ord", "2 5p"]),
        (["factory", "10"], ["factory", "10"], []),  # a number that is part of the name
        (["ooo", "torvan"], ["torvan"], ["ooo"]),  # a legal form at the start
        (["三菱重工業株式会社"], ["三菱重工業"], ["株式会社"]),  # a CJK form glued to the name
        (["株式会社三菱重工業"], ["三菱重工業"], ["株式会社"]),
        (["株式会社"], ["株式会社"], []),
    ],
)
def test_strip_legal_forms_cases(toks: list[str], core: list[str], legal: list[str]) -> None:
    assert strip_legal_forms(toks) == (core, legal)
