"""``defnames completion bash|zsh|fish``: scripts made from the parser, that the shells accept."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from defnames.cli import main
from defnames.cli.app import build_parser
from defnames.cli.completion import completion_script


def script(shell: str) -> str:
    out = io.StringIO()
    assert main(["completion", shell], stdout=out) == 0
    return out.getvalue()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_subcommand_and_option_is_in_the_script(shell: str) -> None:
    text = script(shell)
    for command in ("lookup", "show", "validate", "extract", "match", "export", "completion", "schema"):
        assert command in text
    for option in ("--country-column", "--rejects", "--input-format", "--registry", "--explain"):
        assert option.lstrip("-") in text
    assert "csv" in text and "parquet" in text and "ftm" in text


def bash_complete(tmp_path: Path, words: list[str]) -> list[str]:
    f = tmp_path / "defnames.bash"
    f.write_text(script("bash"), encoding="utf-8")
    arr = " ".join(f"'{w}'" for w in words)
    cmd = f'source {f}; COMP_WORDS=({arr}); COMP_CWORD={len(words) - 1}; _defnames; printf "%s\\n" "${{COMPREPLY[@]}}"'
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=tmp_path, check=True)
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_completes_commands_options_choices_and_files(tmp_path: Path) -> None:
    subprocess.run(["bash", "-n"], input=script("bash"), text=True, check=True)
    assert {"lookup", "match", "export"} <= set(bash_complete(tmp_path, ["defnames", ""]))
    assert bash_complete(tmp_path, ["defnames", "ma"]) == ["match"]
    assert set(bash_complete(tmp_path, ["defnames", "match", "x.csv", "--for"])) == {"--format"}
    assert bash_complete(tmp_path, ["defnames", "match", "x.csv", "--format", "p"]) == ["parquet"]
    assert bash_complete(tmp_path, ["defnames", "export", "--format", ""]) == ["csv", "jsonl", "parquet", "ftm"]
    assert bash_complete(tmp_path, ["defnames", "completion", "z"]) == ["zsh"]
    (tmp_path / "vendors.csv").write_text("", encoding="utf-8")
    assert bash_complete(tmp_path, ["defnames", "match", "ven"]) == ["vendors.csv"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="no zsh")
def test_zsh_script_parses() -> None:
    subprocess.run(["zsh", "-n"], input=script("zsh"), text=True, check=True)


@pytest.mark.skipif(shutil.which("fish") is None, reason="no fish")
def test_fish_script_parses() -> None:
    subprocess.run(["fish", "--no-execute"], input=script("fish"), text=True, check=True)


def test_zsh_and_fish_shapes() -> None:
    z = script("zsh")
    assert z.startswith("#compdef defnames") and "compdef _defnames defnames" in z
    assert "'--format[output format" in z and ":value:(csv tsv jsonl parquet)" in z and "'*:path:_files'" in z
    f = script("fish")
    assert "complete -c defnames -n __fish_use_subcommand -a match" in f
    assert "-l format -x -a 'csv tsv jsonl parquet'" in f and "-s o -l output -r -F" in f
    with pytest.raises(ValueError, match="unknown shell"):
        completion_script(build_parser(), "tcsh")


@pytest.mark.skipif(shutil.which("fish") is None, reason="no fish")
def test_fish_completes(tmp_path: Path) -> None:
    f = tmp_path / "defnames.fish"
    f.write_text(script("fish"), encoding="utf-8")

    def complete(line: str) -> list[str]:
        done = subprocess.run(
            ["fish", "--no-config", "-c", f"source {f}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            check=True,
        )
        return [x.split("\t")[0] for x in done.stdout.splitlines()]

    assert complete("defnames ma") == ["match"]
    assert sorted(complete("defnames match x.csv --format ")) == ["csv", "jsonl", "parquet", "tsv"]
    assert complete("defnames completion ") == ["bash", "fish", "zsh"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="no zsh")
def test_zsh_registers_the_function(tmp_path: Path) -> None:
    f = tmp_path / "_defnames"
    f.write_text(script("zsh"), encoding="utf-8")
    cmd = f"autoload -U compinit; compinit -u -D; source {f}; print -- $_comps[defnames]"
    done = subprocess.run(["zsh", "-f", "-c", cmd], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "_defnames"
