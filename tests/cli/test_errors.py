"""Every failure is one line with the file and the line or field, and a documented exit status;
problems are structured records shared by ``validate``, ``Registry.load`` and the compiler."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import defnames
from defnames.cli import main
from defnames.errors import ExitCode, Problem, Problems, ReferenceDataError


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err


def test_lookup_of_an_empty_name() -> None:
    code, out, err = run("lookup", "")
    assert code == ExitCode.USAGE and out == "" and one_line(err)
    assert err == "defnames: lookup: the name is empty (give a company name, or - to read names from stdin)\n"
    code, _, err = run("lookup", "Saab", "  ")
    assert code == ExitCode.USAGE and "name 2 is empty" in err
    code, out, _ = run("lookup", "-", stdin="\nSaab AB\n")
    assert code == 0 and out.splitlines()[0] == "(empty line): no match"


def test_usage_errors_are_one_line() -> None:
    for argv in (["nonsense"], ["lookup"], ["match", "x.csv"], ["lookup", "x", "--top", "many"]):
        code, _, err = run(*argv)
        assert code == ExitCode.USAGE and one_line(err) and "--help" in err, (argv, err)


def test_yaml_syntax_error_names_the_line_and_exits_1(tmp_path: Path) -> None:
    f = tmp_path / "broken.yml"
    f.write_text("name: Broken\n  country: DE\n", encoding="utf-8")
    code, _, err = run("validate", str(f))
    assert code == ExitCode.INVALID_DATA
    assert f"{f}:2: invalid YAML: mapping values are not allowed here" in err
    with pytest.raises(ReferenceDataError) as info:
        defnames.Registry.load(f)
    assert info.value.problems == [Problem(str(f), None, "invalid YAML: mapping values are not allowed here", 2)]
    # and through a command that loads it: one line, exit 1
    code, _, err = run("lookup", "Saab", "--registry", str(f))
    assert code == ExitCode.INVALID_DATA and one_line(err) and f"{f}:2:" in err


def test_validate_json_gives_structured_problems(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("name: A Co\ncountry: DE\nparent: nowhere\nsources: [https://e.org]\n")
    (tmp_path / "b.yml").write_text("name: B Co\ncountry: QQ\nsources: [https://e.org]\n")
    code, out, err = run("validate", "--json", str(tmp_path))
    assert code == ExitCode.INVALID_DATA
    problems = [json.loads(x) for x in out.splitlines()]
    assert {(Path(p["file"]).name, p["field"]) for p in problems} == {("a.yml", "parent"), ("b.yml", "country")}
    assert all(set(p) == {"file", "line", "field", "message"} for p in problems)
    assert "2 problem(s)" in err


def test_validate_and_registry_load_agree(tmp_path: Path) -> None:
    cases = {
        "parent.yml": "name: P Co\ncountry: DE\nparent: no-such\nsources: [https://e.org]\n",
        "share.yml": "name: S Co\ncountry: DE\nowners: [{owner: airbus, share: 80}, {owner: saab, share: 30}]\n"
        "sources: [https://e.org]\n",
        "kind.yml": "name: K Co\ncountry: DE\nkind: empire\nsources: [https://e.org]\n",
        "named.yml": "id: other-name\nname: N Co\ncountry: DE\nsources: [https://e.org]\n",
    }
    for name, text in cases.items():
        f = tmp_path / name
        f.write_text(text, encoding="utf-8")
        code, out, _ = run("validate", "--json", str(f))
        assert code == ExitCode.INVALID_DATA, name
        from_validate = {(p["file"], p["field"], p["message"]) for p in map(json.loads, out.splitlines())}
        with pytest.raises(ReferenceDataError) as info:
            defnames.Registry.load(f)
        from_load = {(p.file, p.field, p.message) for p in info.value.problems}
        assert from_validate == from_load, name
        f.unlink()


def test_validate_without_paths_runs_the_registry_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run("validate")
    assert code == 0
    assert out.startswith("packaged registry (data ") and "name clashes: ok" in out
    import defnames.cli.commands as commands

    monkeypatch.setattr(
        commands,
        "_registry_wide",
        lambda reg: Problems([Problem("reference/entities/x.yml", "parent", "unknown entity id 'y'")]),
    )
    code, _, err = run("validate")
    assert code == ExitCode.INVALID_DATA and "reference/entities/x.yml: parent: unknown entity id 'y'" in err


def test_problem_records() -> None:
    p = Problem("f.yml", "owners.0.share", "too big")
    assert str(p) == "f.yml: owners.0.share: too big"
    assert p.to_dict() == {"file": "f.yml", "field": "owners.0.share", "message": "too big", "line": None}
    ps = Problems()
    ps += ["g.yml: parent: unknown entity id 'x'", p]
    assert ps[0] == Problem("g.yml", "parent", "unknown entity id 'x'") and ps[1] is p
    assert Problem.from_text("just a message") == Problem(None, None, "just a message")
    shared = Problem(None, "shared_names", "'x': unknown entity id 'y'")
    assert str(shared) == "shared_names: 'x': unknown entity id 'y'"
    exc = ReferenceDataError([p, "h.yml: id: taken"])
    assert str(exc) == "f.yml: owners.0.share: too big (and 1 more)" and exc.exit_code == ExitCode.INVALID_DATA
    assert isinstance(exc.problems[1], Problem)


def test_unreadable_input_and_output(tmp_path: Path) -> None:
    code, _, err = run("match", str(tmp_path / "missing.csv"), "--column", "v")
    assert code == ExitCode.USAGE and one_line(err) and "missing.csv: cannot read" in err
    src = tmp_path / "in.csv"
    src.write_text("v\nSaab\n", encoding="utf-8")
    code, _, err = run("match", str(src), "--column", "v", "-o", str(tmp_path))  # a folder
    assert code == ExitCode.USAGE and one_line(err) and "cannot write" in err
    code, _, err = run("export", "-o", str(tmp_path / "no" / "such" / "dir.csv"))
    assert code == ExitCode.USAGE and one_line(err)


def test_header_quoting_error_names_the_line(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('\n"ven"dor,x\nSaab,1\n', encoding="utf-8")
    code, _, err = run("match", str(src), "--column", "vendor")
    assert code == ExitCode.USAGE and one_line(err) and "line 2: cannot parse the header row" in err


def test_many_registry_problems_are_one_line_with_a_pointer(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("name: A Co\ncountry: DE\nparent: x1\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("name: B Co\ncountry: DE\nparent: x2\n", encoding="utf-8")
    code, _, err = run("lookup", "Saab", "--registry", str(tmp_path))
    assert code == ExitCode.INVALID_DATA and one_line(err)
    assert "a.yml: parent: unknown entity id 'x1' (and 1 more)" in err and f"defnames validate {tmp_path}" in err
