"""The Dask path on a real local cluster: two worker processes, each loading the registry once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from defnames import InputError  # noqa: E402
from defnames.pipelines.dataframe import resolve_frame  # noqa: E402
from defnames.pipelines.distributed import load_count, resolve_dask, spark_mapper  # noqa: E402

VENDORS = [
    "LOCKHEED MARTIN CORP",
    "Nammo AS",
    "",
    None,
    "Belgian Thales",
    "Rheinmettal",
    "Acme Widgets",
    "Raytheon Technologies",
    "Thales",
]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def frame(n: int = 900) -> object:
    return pd.DataFrame(
        {
            "row": range(n),
            "vendor": [VENDORS[i % len(VENDORS)] for i in range(n)],
            "vendor_country": [("BE" if i % 2 else None) for i in range(n)],
        }
    )


def comparable(df: object) -> list[tuple[object, ...]]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in df.astype(object).itertuples(index=True)]


def test_dask_matches_pandas_on_a_local_cluster(client: object) -> None:
    df = frame()
    ddf = dd.from_pandas(df, npartitions=12)
    lazy = resolve_dask(ddf, "vendor", country_column="vendor_country")
    assert list(lazy.columns) == [
        *df.columns,
        "entity_id",
        "name",
        "country",
        "parent_id",
        "ultimate_parent_id",
        "score",
        "method",
    ]
    got = lazy.compute().sort_index()
    expected = resolve_frame(df, "vendor", country_column="vendor_country")
    assert len(got) == len(df)
    assert comparable(got) == comparable(expected)
    assert got.loc[1, "entity_id"] == "nammo" and got.loc[4, "entity_id"] == "thales-belgium"
    # twelve partitions, two worker processes: each process loaded the registry once and kept it
    loads = client.run(load_count)  # type: ignore[attr-defined]
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1
    resolve_dask(ddf, "vendor").compute()
    assert client.run(load_count) == loads  # type: ignore[attr-defined]


def test_dask_unknown_column() -> None:
    with pytest.raises(InputError):
        resolve_dask(dd.from_pandas(frame(10), npartitions=1), "nope")


def test_spark_mapper_is_a_plain_batch_function() -> None:
    df = frame(90)
    batches = [df.iloc[:40], df.iloc[40:]]
    out = list(spark_mapper("vendor", country_column="vendor_country")(iter(batches)))
    assert [len(b) for b in out] == [40, 50]
    assert comparable(pd.concat(out)) == comparable(resolve_frame(df, "vendor", country_column="vendor_country"))
