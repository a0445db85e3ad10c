"""``defnames match``: any format in and out, compressed input, every row accounted for
(quoting errors with their line numbers, blank lines, rejects), exit codes, progress."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest

from defnames.cli import main
from defnames.errors import ExitCode
from defnames.pipelines.files import MAX_RECORD_LINES, format_of

OUT = ["entity_id", "name", "country", "parent_id", "ultimate_parent_id", "score", "method"]
CSV = "id,vendor\n1,LOCKHEED MARTIN CORP\n2,Electric Boat\n3,Acme Widgets\n"


def run(*argv: str, stdin: object = None, stderr: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), stderr or io.StringIO()
    code = main(["match", *argv], stdin=stdin, stdout=out, stderr=err)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_output_format_follows_the_output_name(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = write(tmp_path / "in.csv", CSV)
    code, _, _ = run(str(src), "--column", "vendor", "-o", str(tmp_path / "out.parquet"))
    assert code == 0
    t = pq.read_table(tmp_path / "out.parquet")
    assert t.column_names == ["id", "vendor", *OUT]
    assert t.column("entity_id").to_pylist() == ["lockheed-martin", "electric-boat", None]
    assert str(t.schema.field("score").type) == "double" and str(t.schema.field("id").type) == "string"
    # and back: Parquet in, TSV and JSON lines out
    code, _, _ = run(str(tmp_path / "out.parquet"), "--column", "vendor", "-o", str(tmp_path / "again.tsv"))
    assert code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "again.tsv").read_text(encoding="utf-8")), delimiter="\t"))
    assert rows[0][:2] == ["id", "vendor"] and rows[0][-7:] == [f"defnames_{c}" for c in OUT]
    assert rows[1][2] == "lockheed-martin"
    code, out, _ = run(str(tmp_path / "out.parquet"), "--column", "vendor", "--format", "jsonl")
    assert code == 0
    first = json.loads(out.splitlines()[0])
    assert first["vendor"] == "LOCKHEED MARTIN CORP" and first["match"]["id"] == "lockheed-martin"


def test_format_flag_overrides_and_csv_to_jsonl(tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", CSV)
    code, out, _ = run(str(src), "--column", "vendor", "--format", "jsonl")
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["id"] for x in lines] == ["1", "2", "3"]
    assert lines[1]["match"]["ultimate_parent_id"] == "general-dynamics" and lines[2]["match"] is None
    dst = tmp_path / "out.json"  # .json means JSON lines
    assert run(str(src), "--column", "vendor", "-o", str(dst))[0] == 0
    assert json.loads(dst.read_text().splitlines()[0])["match"]["id"] == "lockheed-martin"


def test_jsonl_to_csv_and_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = write(tmp_path / "in.jsonl", '{"n": 1, "vendor": "Nammo AS", "tags": ["a"]}\n{"n": 2, "vendor": "Acme"}\n')
    code, out, _ = run(str(src), "--column", "vendor", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["n", "vendor", "tags", *OUT] and rows[1][:4] == ["1", "Nammo AS", '["a"]', "nammo"]
    assert rows[2][2] == ""
    assert run(str(src), "--column", "vendor", "-o", str(tmp_path / "o.parquet"))[0] == 0
    t = pq.read_table(tmp_path / "o.parquet").to_pydict()
    assert t["n"] == [1, 2] and t["tags"] == ['["a"]', None] and t["entity_id"] == ["nammo", None]


def test_jsonl_keys_after_the_first_rows_are_reported(tmp_path: Path) -> None:
    src = write(tmp_path / "in.jsonl", '{"vendor": "Nammo"}\n' * 5000 + '{"vendor": "Saab", "late": 1}\n')
    code, out, err = run(str(src), "--column", "vendor", "--format", "csv")
    assert code == 0 and "warning" in err and "late" in err
    assert len(out.splitlines()) == 5002


@pytest.mark.parametrize("kind", ["gzip", "zstd"])
def test_compressed_input(tmp_path: Path, kind: str) -> None:
    data = CSV.encode()
    if kind == "gzip":
        src = tmp_path / "in.csv.gz"
        src.write_bytes(gzip.compress(data))
    else:
        zstandard = pytest.importorskip("zstandard")
        src = tmp_path / "in.csv.zst"
        src.write_bytes(zstandard.ZstdCompressor().compress(data))
    code, out, err = run(str(src), "--column", "vendor")
    assert code == 0, err
    assert out.splitlines()[1].split(",")[2] == "lockheed-martin" and len(out.splitlines()) == 4
    # the bytes decide, not the name: gzip under a plain name, and on stdin
    plain = tmp_path / "in.csv"
    plain.write_bytes(src.read_bytes())
    assert run(str(plain), "--column", "vendor")[1] == out

    class Stdin(io.TextIOWrapper):
        pass

    stdin = Stdin(io.BytesIO(src.read_bytes()), encoding="utf-8")
    assert run("-", "--column", "vendor", "--format", "csv", stdin=stdin)[1] == out


def test_gzip_output_and_truncated_gzip_input(tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", CSV)
    assert run(str(src), "--column", "vendor", "-o", str(tmp_path / "out.csv.gz"))[0] == 0
    text = gzip.decompress((tmp_path / "out.csv.gz").read_bytes()).decode()
    assert text.splitlines()[0] == "id,vendor," + ",".join(OUT)
    broken = tmp_path / "broken.csv.gz"
    broken.write_bytes(gzip.compress(CSV.encode() * 200)[:60])
    code, _, err = run(str(broken), "--column", "vendor")
    assert code == ExitCode.USAGE and err.count("\n") == 1 and "Traceback" not in err and "broken.csv.gz" in err


def test_unterminated_quote_is_one_bad_row_and_reading_goes_on(tmp_path: Path) -> None:
    src = write(
        tmp_path / "q.csv",
        'id,vendor\n1,Nammo AS\n2,"Saab AB\n3,Thales\n4,"Rheinmetall ""AG""",x\n'
        '5,"multi\nline Hensoldt"\n6,"bad"quote\n7,BAE Systems plc\n',
    )
    rejects = tmp_path / "rejects.csv"
    code, out, err = run(str(src), "--column", "vendor", "--rejects", str(rejects))
    assert code == ExitCode.BAD_ROWS
    # the quote opened on line 3 runs into line 5, where it breaks: row 2 is bad, lines 4 and 5 are read again
    assert "7 rows:" in err and "2 bad" in err
    assert "row 2 (line 3): CSV quoting error" in err and "row 6 (line 8): CSV quoting error" in err
    got = list(csv.reader(io.StringIO(out)))
    assert len(got) == 1 + 7 and got[2][:2] == ["", ""]  # the bad row keeps its place, unmatched
    assert got[3][:2] == ["3", "Thales"] and got[3][2] == "thales"  # the row after the broken quote is itself
    assert got[4][:2] == ["4", 'Rheinmetall "AG"'] and got[5][1] == "multi\nline Hensoldt"
    assert got[-1][:2] == ["7", "BAE Systems plc"] and got[-1][2] == "bae-systems"
    rej = list(csv.DictReader(io.StringIO(rejects.read_text(encoding="utf-8"))))
    assert [(r["row"], r["line"]) for r in rej] == [("2", "3"), ("6", "8")]
    assert rej[0]["raw"].startswith('2,"Saab AB\n3,Thales')
    assert rej[1]["raw"] == '6,"bad"quote'


def test_unterminated_quote_runaway_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import defnames.pipelines.files as files

    monkeypatch.setattr(files, "MAX_RECORD_LINES", 50)
    body = "".join(f"{i},Nammo AS\n" for i in range(3, 200))
    src = write(tmp_path / "q.csv", 'id,vendor\n1,"Saab\n' + body)
    code, out, err = run(str(src), "--column", "vendor")
    assert code == ExitCode.BAD_ROWS and "1 bad" in err and "row 1 (line 2)" in err
    assert "runs over 50 lines" in err
    assert len(out.splitlines()) == 1 + 1 + 197  # header, the bad row, every later row
    assert MAX_RECORD_LINES >= 1000


def test_blank_lines_are_not_rows(tmp_path: Path) -> None:
    src = write(tmp_path / "b.csv", "id,vendor\n1,Nammo AS\n\n2,Saab AB\n\n")
    code, out, err = run(str(src), "--column", "vendor")
    assert code == 0, err
    assert "2 rows: 2 matched" in err and "0 bad" in err and "2 blank lines skipped" in err
    assert "missing column" not in err and len(out.splitlines()) == 3
    src = write(tmp_path / "b.jsonl", '{"vendor": "Nammo AS"}\n\n   \n{"vendor": "Saab AB"}\n')
    code, out, err = run(str(src), "--column", "vendor")
    assert code == 0 and "2 blank lines skipped" in err and len(out.splitlines()) == 2


def test_rejects_as_json_lines_and_exit_status(tmp_path: Path) -> None:
    src = write(tmp_path / "in.jsonl", '{"vendor": "Nammo AS"}\nnot json\n{"vendor": ""}\n{"other": 1}\n')
    rejects = tmp_path / "rejects.jsonl"
    code, out, err = run(str(src), "--column", "vendor", "--rejects", str(rejects))
    assert code == ExitCode.BAD_ROWS == 3
    got = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert [(g["row"], g["line"], g["problem"]) for g in got] == [
        (2, 2, "not a JSON object"),
        (3, 3, "empty name"),
        (4, 4, "missing column 'vendor'"),
    ]
    assert got[0]["raw"] == "not json"
    assert len(out.splitlines()) == 4 and "3 bad rows written to" in err
    good = write(tmp_path / "good.csv", CSV)
    assert run(str(good), "--column", "vendor", "--rejects", str(tmp_path / "none.csv"))[0] == ExitCode.OK
    assert (tmp_path / "none.csv").read_text() == "row,line,problem,raw\n"


def test_corrupt_parquet_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not really parquet PAR1")
    code, out, err = run(str(bad), "--column", "vendor", "-o", str(tmp_path / "o.csv"))
    assert code == ExitCode.USAGE and out == ""
    assert err.startswith("defnames: ") and err.count("\n") == 1 and "not a readable Parquet file" in err
    assert "Traceback" not in err


def test_parquet_magic_without_a_suffix(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "data.bin"
    pq.write_table(pa.table({"vendor": ["Nammo AS"]}), src)
    code, out, _ = run(str(src), "--column", "vendor", "--format", "csv")
    assert code == 0 and out.splitlines()[1].startswith("Nammo AS,nammo,")


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import defnames.cli.match as cm

    src = write(tmp_path / "in.csv", CSV)

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    seen: list[int] = []

    class Bar:
        def __init__(self, **kw: object) -> None:
            assert kw["file"] is tty and kw["delay"] == 1.0

        def update(self, n: int) -> None:
            seen.append(n)

        def close(self) -> None:
            seen.append(-1)

    class FakeTqdm:
        tqdm = Bar

    monkeypatch.setattr(cm, "_has_tqdm", lambda: True)
    monkeypatch.setattr(cm.importlib, "import_module", lambda name: FakeTqdm)
    tty = Tty()
    assert run(str(src), "--column", "vendor", stderr=tty)[0] == 0
    assert seen == [3, -1]
    seen.clear()
    assert run(str(src), "--column", "vendor")[0] == 0  # not a terminal: quiet
    assert seen == []
    assert run(str(src), "--column", "vendor", "--no-progress", stderr=Tty())[0] == 0
    assert seen == []


def test_progress_count_without_tqdm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import defnames.cli.match as cm

    monkeypatch.setattr(cm, "_has_tqdm", lambda: False)
    clock = iter([0.0, 5.0, 5.0, 5.0, 5.0])
    monkeypatch.setattr(cm.time, "monotonic", lambda: next(clock, 5.0))

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Tty()
    assert run(str(write(tmp_path / "in.csv", CSV)), "--column", "vendor", stderr=err)[0] == 0
    assert "\r3 rows" in err.getvalue()


def test_format_names() -> None:
    assert format_of("a.TSV") == "tsv" and format_of("a.tab.gz") == "tsv" and format_of("x.ndjson.zst") == "jsonl"
    assert format_of(None) is None and format_of("noext") is None


def test_parquet_output_to_stdout_is_refused(tmp_path: Path) -> None:
    code, out, err = run(str(write(tmp_path / "in.csv", CSV)), "--column", "vendor", "--format", "parquet")
    assert code == ExitCode.USAGE and "needs -o" in err and out == ""


def test_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes(b'\xef\xbb\xbfvendor,id\r\nNammo AS,1\r\n"Thales\r\nGroup",2\r\n')
    code, out, err = run(str(src), "--column", "vendor")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:2] == ["vendor", "id"] and rows[1][2] == "nammo" and rows[2][0] == "Thales\r\nGroup"
    jl = tmp_path / "bom.jsonl"
    jl.write_bytes(b'\xef\xbb\xbf{"vendor": "Nammo AS"}\n')
    code, out, _ = run(str(jl), "--column", "vendor")
    assert code == 0 and json.loads(out)["match"]["id"] == "nammo"


def test_parquet_corrupt_in_the_middle_stops_with_one_line(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "mid.parquet"
    pq.write_table(
        pa.table({"vendor": [f"Nammo AS {i}" for i in range(20000)]}), src, row_group_size=5000, compression="snappy"
    )
    data = bytearray(src.read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 2000):
        data[i] = (i * 7919) % 256
    src.write_bytes(bytes(data))
    code, _, err = run(str(src), "--column", "vendor", "-o", str(tmp_path / "o.csv"))
    assert code == ExitCode.USAGE and err.count("\n") == 1 and "Traceback" not in err
    assert "mid.parquet" in err and ("cannot read Parquet data after row" in err or "not a readable" in err)
