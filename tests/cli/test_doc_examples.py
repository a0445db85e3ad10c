"""The terminal examples of the CLI docs are what the command prints (``$ defnames ...`` lines
followed by their output, in docs/cli.md and docs/errors.md)."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from defnames.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs"


def examples() -> list[tuple[str, str, str]]:
    out = []
    for page in ("cli.md", "errors.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        for block in re.findall(r"```(?:bash|console)\n(.*?)```", text, flags=re.S):
            lines = block.splitlines()
            if not lines or not lines[0].startswith("$ defnames "):
                continue
            out.append((page, lines[0][2:], "\n".join(lines[1:]).strip()))
    return out


@pytest.mark.parametrize(("page", "command", "expected"), examples())
def test_example_output(
    page: str, command: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.yml").write_text("name: Broken\n  country: DE\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    main(shlex.split(command)[1:], stdout=out, stderr=err)
    assert out.getvalue().strip() == expected, f"{page}: {command}"


def test_there_are_examples() -> None:
    assert len(examples()) >= 2
