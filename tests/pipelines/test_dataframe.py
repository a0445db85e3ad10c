"""The pandas helpers: resolve_series and resolve_frame."""

from __future__ import annotations

import math

import pytest

from defnames import Registry
from defnames.pipelines.dataframe import MATCH_COLUMNS, match_columns, resolve_frame, resolve_series

pd = pytest.importorskip("pandas")


def test_columns_index_and_values(real: Registry) -> None:
    s = pd.Series(
        ["LOCKHEED MARTIN CORP", "Electric Boat", "Leonardo da Vinci", "Raytheon Technologies"],
        index=["a", "b", "c", "d"],
        name="vendor",
    )
    df = resolve_series(s)
    assert tuple(df.columns) == MATCH_COLUMNS
    assert list(df.index) == ["a", "b", "c", "d"]
    assert df.loc["a", "entity_id"] == "lockheed-martin"
    assert df.loc["a", "country"] == "US"
    assert df.loc["a", "score"] == 100.0
    assert df.loc["b", "parent_id"] == "general-dynamics"
    assert df.loc["b", "ultimate_parent_id"] == real.ultimate_parent("electric-boat").id
    assert pd.isna(df.loc["a", "parent_id"]) and pd.isna(df.loc["a", "ultimate_parent_id"])
    assert df.loc["d", "method"] == "former_name" and df.loc["d", "name"] == "RTX"
    assert df.loc["c"].isna().all()


def test_same_answers_as_resolve(real: Registry) -> None:
    names = ["Rheinmettal", "Northrup Grumman", "Belgian Thales", "the German KMW", "Saab Automobile", "Nammo"]
    df = resolve_series(pd.Series(names))
    for i, n in enumerate(names):
        m = real.resolve(n)
        if m is None:
            assert pd.isna(df["entity_id"].iloc[i])
            assert math.isnan(df["score"].iloc[i])
        else:
            assert (df["entity_id"].iloc[i], df["score"].iloc[i], df["method"].iloc[i]) == (
                m.entity.id,
                m.score,
                m.method,
            )


def test_bad_values_unmatched_and_kept_in_place() -> None:
    s = pd.Series(["Nammo AS", None, float("nan"), 17, "", "  ", "MBDA", pd.NA], dtype=object)
    df = resolve_series(s)
    assert len(df) == len(s)
    assert df["entity_id"].isna().tolist() == [False, True, True, True, True, True, False, True]


def test_duplicate_index_and_repeats() -> None:
    s = pd.Series(["Nammo AS", "MBDA"] * 5000, index=[0] * 10_000)
    df = resolve_series(s)
    assert len(df) == 10_000 and (df.index == 0).all()
    assert df["entity_id"].value_counts().to_dict() == {"nammo": 5000, "mbda": 5000}


def test_stable_dtypes_even_when_nothing_matches() -> None:
    empty = resolve_series(pd.Series([], dtype=object))
    none = resolve_series(pd.Series(["Acme Widgets", None]))
    some = resolve_series(pd.Series(["Nammo"]))
    assert list(empty.dtypes) == list(none.dtypes) == list(some.dtypes) == list(match_columns().dtypes)
    assert str(some["score"].dtype) == "float64"


def test_country_and_countries() -> None:
    s = pd.Series(["Thales", "Thales", "Thales"], index=[7, 8, 9])
    assert resolve_series(s, country="BE")["entity_id"].tolist() == ["thales-belgium"] * 3
    per_row = resolve_series(s, countries=pd.Series(["BE", None, "FR"], index=[1, 2, 3]))  # by position
    assert per_row["entity_id"].tolist() == ["thales-belgium", "thales", "thales"]
    assert list(per_row.index) == [7, 8, 9]


def test_context() -> None:
    s = pd.Series(["Arsenal"])
    assert pd.isna(resolve_series(s, context="Arsenal beat Chelsea 2-0")["entity_id"].iloc[0])
    hit = resolve_series(s, context="Arsenal in Kazanlak expanded 122 mm artillery output")
    assert hit["entity_id"].iloc[0] == "arsenal-jsco"


def test_custom_registry(mini: Registry) -> None:
    name = mini.entities[0].name
    df = resolve_series(pd.Series([name]), reg=mini)
    assert df["entity_id"].iloc[0] == mini.entities[0].id


def test_a_list_is_accepted() -> None:
    assert resolve_series(["Nammo AS"])["entity_id"].tolist() == ["nammo"]


def test_resolve_frame_appends_and_prefixes() -> None:
    df = pd.DataFrame({"vendor": ["Thales", "Acme"], "country": ["BE", "GB"], "n": [1, 2]}, index=[5, 5])
    out = resolve_frame(df, "vendor", country_column="country")
    assert list(out.columns) == [
        "vendor",
        "country",
        "n",
        "entity_id",
        "name",
        "defnames_country",
        "parent_id",
        "ultimate_parent_id",
        "score",
        "method",
    ]
    assert out["entity_id"].tolist()[0] == "thales-belgium" and pd.isna(out["entity_id"].iloc[1])
    assert out["defnames_country"].tolist()[0] == "BE"
    assert list(df.columns) == ["vendor", "country", "n"]  # the input is untouched


def test_resolve_frame_unknown_column() -> None:
    from defnames import InputError

    with pytest.raises(InputError, match="no column 'nope'"):
        resolve_frame(pd.DataFrame({"vendor": ["x"]}), "nope")
