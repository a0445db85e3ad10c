"""Parquet (with pyarrow): reading batches of rows, writing tables with the match columns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from defnames.errors import InputError
from defnames.models import Match
from defnames.pipelines.columns import MATCH_COLUMNS, match_cells, out_names

from .formats import _first_line
from .rows import _CHUNK, _cell, _name_problem, _Row, _Writer


def _parquet_file(src: Any, label: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet needs pyarrow: pip install 'defnames[parquet]'") from None
    try:
        return pq.ParquetFile(src)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for a file that is not Parquet
        raise InputError(f"{label}: not a readable Parquet file ({_first_line(exc)})") from None


def _parquet_rows(pf: Any, label: str, column: str, country_column: str | None) -> Iterator[tuple[Any, list[_Row]]]:
    names = pf.schema_arrow.names
    if column not in names:
        raise InputError(f"no column {column!r} in the file (columns: {', '.join(names)})")
    if country_column and country_column not in names:
        raise InputError(f"no column {country_column!r} in the file (columns: {', '.join(names)})")
    offset = 0
    batches = pf.iter_batches(batch_size=_CHUNK)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # a corrupt page or column chunk
            raise InputError(f"{label}: cannot read Parquet data after row {offset} ({_first_line(exc)})") from None
        vals = batch.column(column).to_pylist()
        ctry = batch.column(country_column).to_pylist() if country_column else None
        rows = []
        for i, v in enumerate(vals):
            problem = _name_problem(v, column) if v is not None else "empty name"
            raw = json.dumps(batch.slice(i, 1).to_pylist()[0], default=str, ensure_ascii=False) if problem else None
            rows.append(_Row(offset + i + 1, None, v, ctry[i] if ctry else None, [], problem, raw))
        offset += len(vals)
        yield batch, rows


class _ParquetWriter(_Writer):
    """Parquet output: Parquet input keeps its column types; CSV columns are strings; JSON-lines
    columns take their types from the first rows (nested values as JSON text)."""

    def __init__(self, reg: Any, header: list[str], path: str, *, all_strings: bool) -> None:
        super().__init__(reg, header)
        import pyarrow as pa

        self.pa = pa
        self.path = path
        self.all_strings = all_strings
        self.writer: Any = None
        self.schema: Any = None
        self.added = [
            pa.field(n, pa.float64() if c == "score" else pa.string()) for n, c in zip(out_names(header), MATCH_COLUMNS)
        ]

    def _input_arrays(self, rows: list[_Row]) -> list[Any]:
        pa = self.pa
        table = [self.cells(r) for r in rows]
        arrays = []
        for j, name in enumerate(self.header):
            col = [row[j] for row in table]
            if self.all_strings:
                arrays.append(pa.array([None if v is None else _cell(v) for v in col], type=pa.string()))
                continue
            col = [json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in col]
            want = self.schema.field(name).type if self.schema is not None else None
            try:
                arr = pa.array(col, type=want)
            except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
                raise InputError(
                    f"column {name!r}: values of rows {rows[0].number}-{rows[-1].number} do not fit "
                    f"the type {want} of the first rows (write CSV or JSON lines instead)"
                ) from None
            if want is None and pa.types.is_null(arr.type):
                arr = arr.cast(pa.string())
            arrays.append(arr)
        return arrays

    def write(self, rows: list[_Row], results: list[Match | None], batch: Any = None) -> None:
        pa = self.pa
        cells = [match_cells(self.reg, m) for m in results]
        extra = [pa.array([c[j] for c in cells], type=f.type) for j, f in enumerate(self.added)]
        if batch is not None:
            arrays, fields = list(batch.columns), list(batch.schema)
        else:
            arrays = self._input_arrays(rows)
            fields = [pa.field(n, a.type) for n, a in zip(self.header, arrays)]
        table = pa.Table.from_arrays(arrays + extra, schema=pa.schema(fields + self.added))
        if self.writer is None:
            import pyarrow.parquet as pq

            self.schema = table.schema
            try:
                self.writer = pq.ParquetWriter(self.path, table.schema)
            except OSError as exc:
                raise InputError(f"{self.path}: cannot write: {_first_line(exc)}") from None
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is None:  # no rows: still write a file with the columns
            pa = self.pa
            import pyarrow.parquet as pq

            fields = [pa.field(h, pa.string()) for h in self.header] + self.added
            pq.write_table(pa.schema(fields).empty_table(), self.path)
        else:
            self.writer.close()
