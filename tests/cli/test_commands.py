from __future__ import annotations

import io
import json
from pathlib import Path

from defnames.cli import main


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_lookup_text_and_exit_codes() -> None:
    code, out, _ = run("lookup", "Prague Czechoslovak group")
    assert code == 0 and "Czechoslovak Group · CZ" in out
    code, out, _ = run("lookup", "Leonardo da Vinci")
    assert code == 1 and "no match" in out


def test_lookup_json_and_stdin() -> None:
    code, out, _ = run("lookup", "-", "--json", stdin="the German KMW\nnothing at all here\n")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0
    assert rows[0]["id"] == "knds-deutschland" and rows[0]["parent_id"] == "knds"
    assert rows[0]["method"] == "former_name" and rows[0]["former_until"] == 2024
    assert rows[1]["match"] is None


def test_lookup_top_and_explain() -> None:
    code, out, _ = run("lookup", "Belgian Thales", "--explain")
    assert code == 0 and "Thales Belgium" in out and "country hints: BE" in out
    code, out, _ = run("lookup", "Thales", "--top", "3", "--json")
    assert json.loads(out)["candidates"][0]["id"] == "thales"


def test_context_and_country_options() -> None:
    code, _, _ = run("lookup", "Saab", "--context", "my old Saab 900 convertible broke down on the motorway")
    assert code == 1
    code, out, _ = run("lookup", "Thales", "--country", "BE")
    assert code == 0 and "thales-belgium" in out


def test_show() -> None:
    code, out, _ = run("show", "knds-deutschland")
    assert code == 0 and "Krauss-Maffei Wegmann (until 2024)" in out and "KNDS [knds]" in out
    code, out, _ = run("show", "knds", "--json")
    data = json.loads(out)
    assert "knds-deutschland" in data["subsidiaries"]


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    code, _, err = run("show", "no-such-id")
    assert code == 2 and err.strip() == "defnames: unknown entity id: 'no-such-id'"
    code, _, err = run("extract", str(tmp_path / "missing.txt"))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    code, _, err = run("lookup", "x", "--country", "Atlantis")
    assert code == 2 and "unknown country" in err
    code, _, err = run("nonsense-command")
    assert code == 2


def test_validate(tmp_path: Path) -> None:
    code, out, _ = run("validate")
    assert code == 0 and "ok" in out
    good = tmp_path / "my-supplier.yml"
    good.write_text("name: My Supplier\ncountry: DE\nparent: rheinmetall\nsources: [https://e.org]\n")
    code, out, _ = run("validate", str(good))
    assert code == 0, out
    bad = tmp_path / "bad.yml"
    bad.write_text("name: Bad\ncountry: DE\nparent: nowhere\nsources: [https://e.org]\n")
    code, _, err = run("validate", str(bad))
    assert code == 1 and "bad.yml: parent: unknown entity id 'nowhere'" in err


def test_extract_table_and_json(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The German Rheinmetall and the French Nexter.", encoding="utf-8")
    code, out, _ = run("extract", str(f))
    assert code == 0 and "Rheinmetall" in out and "KNDS France" in out
    code, out, _ = run("extract", "-", "--json", stdin="Lockheed Martin and Saab AB")
    ids = [json.loads(x)["match"]["id"] for x in out.splitlines()]  # the span and the one match shape
    assert ids == ["lockheed-martin", "saab"]


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("defnames ") and "data " in out


def test_large_inputs_are_extracted_in_blocks_with_the_same_result(monkeypatch: object, tmp_path: Path) -> None:
    import defnames
    import defnames.cli.commands as cli

    para = "The German Rheinmetall and the French Nexter signed.\nLockheed Martin too.\n\n"
    text = para * 40
    expected = [(m.start, m.end, m.match.entity.id) for m in defnames.extract(text)]
    monkeypatch.setattr(cli, "_CHUNK_CHARS", 300)  # type: ignore[attr-defined]
    got = [
        (m.start, m.end, m.match.entity.id)
        for m in cli.extract_in_chunks(defnames.registry(), text, None, io.StringIO(), "x")
    ]
    assert got == expected
    f = tmp_path / "big.txt"
    f.write_text(text, encoding="utf-8")
    code, out, _ = run("extract", str(f), "--json")
    assert code == 0 and len(out.splitlines()) == len(expected)
