"""``defnames match``: CSV, TSV, JSON lines and Parquet; broken rows kept and counted; streaming."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from defnames.cli import main
from defnames.pipelines.files import _CHUNK

OUT = ["entity_id", "name", "country", "parent_id", "ultimate_parent_id", "score", "method"]


def run(*argv: str, stdin: object = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["match", *argv], stdin=stdin, stdout=out, stderr=err)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def read_csv(path: Path, delim: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as f:
        return list(csv.reader(f, delimiter=delim))


def summary(err: str) -> dict[str, int]:
    m = re.search(r"(\d+) rows: (\d+) matched, (\d+) unmatched \((\d+) ambiguous\), (\d+) bad", err)
    assert m, err
    return dict(zip(["rows", "matched", "unmatched", "ambiguous", "bad"], map(int, m.groups())))


def bad_rows(err: str) -> dict[int, str]:
    line = next((x for x in err.splitlines() if x.startswith("bad rows: ")), "bad rows: ")
    return {int(n): why for n, why in re.findall(r"row (\d+)(?: \(line \d+\))?: ([^;]+)", line)}


@pytest.mark.parametrize(("suffix", "delim"), [(".csv", ","), (".tsv", "\t")])
def test_delimited_keeps_every_row_and_column(tmp_path: Path, suffix: str, delim: str) -> None:
    src = tmp_path / f"in{suffix}"
    rows = [
        ["id", "vendor", "amount"],
        ["1", "LOCKHEED MARTIN CORP", "10"],
        ["2", "Electric Boat", "20"],
        ["3", "Leonardo da Vinci", "30"],
        ["4", "Nammo AS", "40"],
    ]
    with src.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=delim).writerows(rows)
    dst = tmp_path / f"out{suffix}"
    code, out, err = run(str(src), "--column", "vendor", "-o", str(dst))
    assert code == 0 and out == ""
    got = read_csv(dst, delim)
    assert got[0] == ["id", "vendor", "amount", *OUT]
    assert [r[:3] for r in got[1:]] == [r for r in rows[1:]]
    assert got[1][3:] == ["lockheed-martin", "Lockheed Martin", "US", "", "", "100.0", "exact"]
    assert got[2][3] == "electric-boat" and got[2][6] == "general-dynamics"
    assert got[3][3:] == [""] * 7
    assert summary(err) == {"rows": 4, "matched": 3, "unmatched": 1, "ambiguous": 0, "bad": 0}


def test_csv_with_broken_rows(tmp_path: Path) -> None:
    src = tmp_path / "broken.csv"
    src.write_bytes(
        b"id,vendor,country\n"
        b"1,LOCKHEED MARTIN CORP,US\n"
        b"2,Nammo \xff\xfe AS,NO\n"  # undecodable bytes
        b"3\n"  # short row: no vendor column
        b"4,,US\n"  # empty name
        b"5,Thales,BE\n"
        b"6,   ,FR\n"  # blank name
        b"7," + b"x" * 200_000 + b",GB\n"  # a field over the csv module's default size limit: still data
        b"8,Acme Widgets,GB\n"
        b"9,Saab AB (publ),SE\n"
    )
    dst = tmp_path / "out.csv"
    code, _, err = run(str(src), "--column", "vendor", "--country-column", "country", "-o", str(dst))
    assert code == 3  # some rows were bad
    assert summary(err) == {"rows": 9, "matched": 3, "unmatched": 6, "ambiguous": 0, "bad": 4}
    bad = bad_rows(err)
    assert set(bad) == {2, 3, 4, 6}
    assert bad[2] == "undecodable bytes" and "missing column" in bad[3] and bad[4] == "empty name"
    lines = dst.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 1 + 9 + 1  # header, nine rows, final newline
    assert lines[2].startswith(b"2,Nammo \xff\xfe AS,NO,")  # the original bytes go back out unchanged
    got = read_csv(dst)
    assert all(len(r) == 3 + 7 for r in got)
    ids = {r[0]: r[3] for r in got[1:] if r[0]}
    assert ids == {
        "1": "lockheed-martin",
        "2": "",
        "3": "",
        "4": "",
        "5": "thales-belgium",
        "6": "",
        "7": "",
        "8": "",
        "9": "saab",
    }
    assert next(r for r in got if r[0] == "7")[1] == "x" * 200_000


def test_jsonl_with_broken_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": 1, "vendor": "Nammo AS", "extra": {"k": [1, 2]}}\n'
        b"this is not json\n"
        b"[1, 2]\n"
        b'{"id": 4}\n'
        b'{"id": 5, "vendor": 7}\n'
        b'{"id": 6, "vendor": ""}\n'
        b'{"id": 7, "vendor": "Rheinmetall \xff"}\n'
        b'{"id": 8, "vendor": "Raytheon Technologies"}\n'
    )
    dst = tmp_path / "out.jsonl"
    code, _, err = run(str(src), "--column", "vendor", "-o", str(dst))
    assert code == 3  # some rows were bad
    assert summary(err) == {"rows": 8, "matched": 2, "unmatched": 6, "ambiguous": 0, "bad": 6}
    bad = bad_rows(err)
    assert set(bad) == {2, 3, 4, 5, 6, 7}
    assert bad[2] == "not a JSON object" and "missing column" in bad[4] and bad[7] == "undecodable bytes"
    out = [json.loads(x) for x in dst.read_text(encoding="utf-8", errors="surrogateescape").splitlines()]
    assert len(out) == 8
    # JSON lines carry the match in the one JSON shape (match_record), or null
    assert out[0]["extra"] == {"k": [1, 2]}
    assert out[0]["match"]["id"] == "nammo" and out[0]["match"]["parent_id"] is None
    assert out[1]["_raw"] == "this is not json" and out[1]["match"] is None
    assert out[7]["match"]["id"] == "rtx" and out[7]["match"]["method"] == "former_name"
    assert all("match" in o for o in out)


def test_parquet(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    n = _CHUNK + 7  # more than one batch
    vendors = [["Nammo AS", None, "", "Electric Boat", "Acme Widgets"][i % 5] for i in range(n)]
    src, dst = tmp_path / "in.parquet", tmp_path / "out.parquet"
    pq.write_table(pa.table({"id": list(range(n)), "vendor": vendors}), src)
    code, _, err = run(str(src), "--column", "vendor", "-o", str(dst))
    assert code == 3  # the empty names are bad rows
    t = pq.read_table(dst).to_pydict()
    assert t["id"] == list(range(n)) and t["vendor"] == vendors
    assert t["entity_id"][:5] == ["nammo", None, None, "electric-boat", None]
    assert t["ultimate_parent_id"][3] == "general-dynamics"
    per5, extra = divmod(n, 5)
    matched = 2 * per5 + min(extra, 1) + (extra > 3)
    bad = 2 * per5 + (extra > 1) + (extra > 2)
    assert summary(err) == {"rows": n, "matched": matched, "unmatched": n - matched, "ambiguous": 0, "bad": bad}


def test_parquet_needs_an_output(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"vendor": ["Nammo"]}), src)
    code, _, err = run(str(src), "--column", "vendor")
    assert code == 2 and "needs -o" in err


def test_unknown_column_is_a_usage_error(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,supplier\n1,Nammo\n", encoding="utf-8")
    code, out, err = run(str(src), "--column", "vendor")
    assert code == 2 and out == "" and "no column 'vendor'" in err and "Traceback" not in err


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert run(str(empty), "--column", "vendor")[0] == 2
    assert run(str(tmp_path / "nope.csv"), "--column", "vendor")[0] == 2


def test_header_only(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,vendor\n", encoding="utf-8")
    code, out, err = run(str(src), "--column", "vendor")
    assert code == 0 and out.splitlines() == ["id,vendor," + ",".join(OUT)]
    assert summary(err)["rows"] == 0


class LazyLines:
    """A stdin that makes its lines on demand and remembers how many it has handed out."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.given = 0

    def __iter__(self) -> Iterator[str]:
        yield "id,vendor\n"
        for i in range(self.n):
            self.given += 1
            yield f"{i},{['Nammo AS', 'Acme Widgets', 'BAE Systems plc'][i % 3]}\n"

    def isatty(self) -> bool:
        return False


class WatchingOut(io.StringIO):
    """A stdout that records how much input had been read when each line came out."""

    def __init__(self, src: LazyLines) -> None:
        super().__init__()
        self.src = src
        self.seen: list[int] = []

    def write(self, s: str) -> int:
        self.seen.append(self.src.given)
        return super().write(s)


def test_streams_from_a_generator() -> None:
    n = 4 * _CHUNK + 3
    src = LazyLines(n)
    out, err = WatchingOut(src), io.StringIO()
    code = main(
        ["match", "-", "--column", "vendor", "--format", "csv"],
        stdin=src,
        stdout=out,  # type: ignore[arg-type]
        stderr=err,
    )
    assert code == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == n + 1
    assert lines[1].split(",")[2] == "nammo" and lines[-1].split(",")[0] == str(n - 1)
    # the first rows were written long before the input ended: it streams chunk by chunk
    first_data_write = out.seen[1]
    assert first_data_write <= _CHUNK + 1 < n
    assert max(out.seen) == n
    unmatched = len(range(1, n, 3))  # every third row is "Acme Widgets"
    assert summary(err.getvalue()) == {
        "rows": n,
        "matched": n - unmatched,
        "unmatched": unmatched,
        "ambiguous": 0,
        "bad": 0,
    }
