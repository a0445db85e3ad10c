"""pandas helpers: resolve a Series of names into match columns (extra ``defnames[pandas]``).

pandas is imported inside the functions, so ``import defnames`` never needs it. Each distinct
name is resolved once (:func:`defnames.batch.resolve_many`), so a column of millions of rows
with a few thousand distinct vendors costs a few thousand resolutions plus a vectorised take.

>>> import pandas as pd
>>> from defnames.pipelines.dataframe import resolve_series
>>> s = pd.Series(["LOCKHEED MARTIN CORP", None, "Electric Boat", "Leonardo da Vinci"], index=[10, 11, 12, 13])
>>> df = resolve_series(s)
>>> df["entity_id"].tolist()
['lockheed-martin', <NA>, 'electric-boat', <NA>]
>>> df.loc[12, ["parent_id", "ultimate_parent_id"]].tolist()
['general-dynamics', 'general-dynamics']
>>> list(df.index)
[10, 11, 12, 13]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from defnames.models import Match
from defnames.pipelines.columns import MATCH_COLUMNS, match_cells, out_names

if TYPE_CHECKING:
    import pandas

    from defnames._resolver import Registry

__all__ = ["MATCH_COLUMNS", "match_columns", "resolve_frame", "resolve_series"]

#: The columns added for each row, in order (the same as ``defnames match`` writes).
_STRING_COLUMNS = ("entity_id", "name", "country", "parent_id", "ultimate_parent_id", "method")


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - exercised only without the extra
        from defnames.errors import InputError

        raise InputError("the DataFrame helpers need pandas: pip install 'defnames[pandas]'") from None
    return pd


def _cells(reg: Registry, m: Match | None) -> tuple[Any, ...]:
    cells = match_cells(reg, m)
    return cells if m is not None else (*cells[:5], float("nan"), None)


def _frame(rows: Sequence[tuple[Any, ...]], index: Any) -> pandas.DataFrame:
    """A DataFrame of MATCH_COLUMNS with stable dtypes: ``string`` (missing = NA) and float64 score."""
    pd = _pandas()
    cols = list(zip(*rows)) if rows else [()] * len(MATCH_COLUMNS)
    data = {}
    for name, values in zip(MATCH_COLUMNS, cols):
        dtype = "float64" if name == "score" else "string"
        data[name] = pd.array(list(values), dtype=dtype)
    return pd.DataFrame(data, index=index)


def match_columns() -> pandas.DataFrame:
    """An empty frame with the match columns and their dtypes (a ``meta`` for Dask).

    >>> match_columns().dtypes.astype(str).tolist()
    ['string', 'string', 'string', 'string', 'string', 'float64', 'string']
    """
    pd = _pandas()
    return _frame([], pd.RangeIndex(0))


def resolve_series(
    series: pandas.Series,
    *,
    country: str | None = None,
    countries: Sequence[str | None] | pandas.Series | None = None,
    context: str | None = None,
    reg: Registry | None = None,
) -> pandas.DataFrame:
    """Resolve every name of a Series; one row per input row, indexed like the input.

    Columns: ``entity_id, name, country, parent_id, ultimate_parent_id, score, method``
    (strings, NA where nothing matched; ``score`` float, NaN where nothing matched).
    Values that are not non-empty strings (None, NaN, numbers) come out unmatched.

    Args:
        series: the names.
        country: one ISO country hint for every row.
        countries: a country hint per row (a Series is aligned by position, not label).
        context: one context for every row.
        reg: the registry (default: the packaged one).

    >>> import pandas as pd
    >>> resolve_series(pd.Series(["Thales", "Thales"]), countries=["BE", None])["entity_id"].tolist()
    ['thales-belgium', 'thales']
    """
    pd = _pandas()
    from defnames._resolver import registry
    from defnames.pipelines.batch import resolve_many

    reg = reg or registry()
    if not isinstance(series, pd.Series):
        series = pd.Series(series)
    if countries is not None:
        ctry = list(countries)
        results = resolve_many(reg, series.tolist(), context=context, countries=ctry)
        memo: dict[int, tuple[Any, ...]] = {}
        rows = []
        for m in results:
            k = id(m)
            if k not in memo:
                memo[k] = _cells(reg, m)
            rows.append(memo[k])
        return _frame(rows, series.index)
    # one country (or none) for all rows: factorize, resolve the distinct names, take by code
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    distinct = list(uniques)
    found = resolve_many(reg, distinct, context=context, country=country)
    table = _frame([_cells(reg, m) for m in found] + [_cells(reg, None)], None)
    codes = codes.copy()
    codes[codes < 0] = len(distinct)  # missing values point at the trailing empty row
    out = table.take(codes)
    out.index = series.index
    return out


def resolve_frame(
    df: pandas.DataFrame,
    column: str,
    *,
    country_column: str | None = None,
    country: str | None = None,
    context: str | None = None,
    reg: Registry | None = None,
) -> pandas.DataFrame:
    """A copy of ``df`` with the match columns appended (``defnames_``-prefixed where they clash).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"vendor": ["BAE SYSTEMS PLC", "Acme Widgets"], "name": ["a", "b"]})
    >>> list(resolve_frame(df, "vendor").columns)[:4]
    ['vendor', 'name', 'entity_id', 'defnames_name']
    """
    from defnames.errors import InputError

    if column not in df.columns:
        raise InputError(f"no column {column!r} (columns: {', '.join(map(str, df.columns))})")
    if country_column is not None and country_column not in df.columns:
        raise InputError(f"no column {country_column!r}")
    countries = df[country_column].tolist() if country_column else None
    found = resolve_series(df[column], country=country, countries=countries, context=context, reg=reg)
    found.columns = out_names(list(df.columns))
    out = df.copy()
    for c in found.columns:
        out[c] = found[c].array  # positional: the index is the input's, duplicates and all
    return out
