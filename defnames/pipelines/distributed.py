"""Beyond one machine: resolve a name column on Dask or PySpark, one registry per worker.

Nothing heavy travels with the tasks: each function here is a small picklable callable
that, on the worker, asks this module for its registry. The registry is loaded lazily the
first time a worker process needs it and then kept for the life of the process
(:func:`worker_registry`; the packaged one is :func:`defnames.registry`), so a job of
thousands of partitions loads it once per worker process, not once per partition.
Workers need ``defnames`` installed (and, for your own files, the same paths readable).

**Dask** (extra ``defnames[dask]``)::

    import dask.dataframe as dd
    from defnames.pipelines.distributed import resolve_dask

    ddf = dd.read_csv("contracts-*.csv", dtype=str)
    out = resolve_dask(ddf, "vendor", country_column="vendor_country")
    out.to_parquet("contracts-matched/")

which is ``ddf.map_partitions(resolve_partition, "vendor", ..., meta=...)``.

**PySpark** (``DataFrame.mapInPandas``, Spark ≥ 3.0 with pyarrow)::

    from defnames.pipelines.distributed import spark_mapper, spark_schema

    out = sdf.mapInPandas(spark_mapper("vendor"), schema=spark_schema(sdf.schema))

Both add ``entity_id, name, country, parent_id, ultimate_parent_id, score, method`` to
every row (``defnames_``-prefixed where the input already has such a column), and keep
every row: names that do not resolve get missing values.

The per-partition function is plain pandas, so it can be tried without any cluster:

>>> import pandas as pd
>>> part = pd.DataFrame({"vendor": ["LOCKHEED MARTIN CORP", "", "Nammo AS"]})
>>> resolve_partition(part, "vendor")["entity_id"].tolist()
['lockheed-martin', <NA>, 'nammo']
>>> mapper = spark_mapper("vendor")
>>> [len(b) for b in mapper(iter([part, part.head(1)]))]
[3, 1]
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from defnames.pipelines.columns import MATCH_COLUMNS, out_names
from defnames.pipelines.dataframe import resolve_frame

if TYPE_CHECKING:
    import pandas

    from defnames._resolver import Registry

__all__ = ["load_count", "resolve_dask", "resolve_partition", "spark_mapper", "spark_schema", "worker_registry"]

_registries: dict[tuple[str, ...], Registry] = {}
_lock = threading.Lock()
_loads = 0


def worker_registry(paths: tuple[str, ...] = ()) -> Registry:
    """This process's registry: the packaged one, or the packaged one extended by ``paths``.

    Loaded on the first call in a process and kept (thread-safely), so every later
    partition on the same worker reuses it.

    >>> worker_registry() is worker_registry()
    True
    """
    global _loads
    key = tuple(str(Path(p)) for p in paths)
    reg = _registries.get(key)
    if reg is None:
        with _lock:
            reg = _registries.get(key)
            if reg is None:
                from defnames._resolver import Registry, registry

                reg = registry() if not key else Registry.load(*key)
                reg.prepare()  # build the name index now, not inside the first partition's timing
                _registries[key] = reg
                _loads += 1
    return reg


def load_count() -> int:
    """How many registries this process has loaded through :func:`worker_registry` (for tests)."""
    return _loads


def resolve_partition(
    df: pandas.DataFrame,
    column: str,
    country_column: str | None = None,
    context: str | None = None,
    paths: tuple[str, ...] = (),
) -> pandas.DataFrame:
    """One partition with the match columns appended (the function Dask maps over partitions)."""
    return resolve_frame(df, column, country_column=country_column, context=context, reg=worker_registry(paths))


def _meta(columns: Any, dtypes: Any) -> pandas.DataFrame:
    import pandas as pd

    from defnames.pipelines.dataframe import match_columns

    base = pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(columns, dtypes)})
    extra = match_columns()
    extra.columns = out_names(list(columns))
    return pd.concat([base, extra], axis=1)


def resolve_dask(
    ddf: Any,
    column: str,
    *,
    country_column: str | None = None,
    context: str | None = None,
    paths: tuple[str, ...] = (),
) -> Any:
    """A Dask DataFrame with the match columns appended, partition by partition (lazy).

    Args:
        ddf: a ``dask.dataframe.DataFrame`` with a column of names.
        column: the column with the names.
        country_column: a column of ISO country codes to narrow the choice.
        context: one context for every row.
        paths: your own registry files, loaded on each worker on top of the packaged data.
    """
    from defnames.errors import InputError

    if column not in ddf.columns:
        raise InputError(f"no column {column!r} (columns: {', '.join(map(str, ddf.columns))})")
    meta = _meta(list(ddf.columns), list(ddf.dtypes))
    return ddf.map_partitions(resolve_partition, column, country_column, context, tuple(paths), meta=meta)


@dataclass(frozen=True)
class _SparkMapper:
    column: str
    country_column: str | None
    context: str | None
    paths: tuple[str, ...]

    def __call__(self, batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        for df in batches:
            yield resolve_partition(df, self.column, self.country_column, self.context, self.paths)


def spark_mapper(
    column: str,
    *,
    country_column: str | None = None,
    context: str | None = None,
    paths: tuple[str, ...] = (),
) -> Callable[[Iterator[pandas.DataFrame]], Iterator[pandas.DataFrame]]:
    """A function for ``pyspark.sql.DataFrame.mapInPandas``: batches in, batches with match columns out."""
    return _SparkMapper(column, country_column, context, tuple(str(p) for p in paths))


def spark_schema(schema: Any) -> Any:
    """The output schema for :func:`spark_mapper`: the input's fields plus the match columns.

    Args:
        schema: the input ``pyspark.sql.types.StructType`` (``sdf.schema``).
    """
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    names = out_names(list(schema.fieldNames()))
    extra = [StructField(n, DoubleType() if c == "score" else StringType(), True) for n, c in zip(names, MATCH_COLUMNS)]
    return StructType(list(schema.fields) + extra)
