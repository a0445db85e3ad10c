"""One JSON shape for a match: ``lookup --json``, ``extract --json``, the JSON lines of ``match``
and the HTTP API all print :func:`defnames.pipelines.columns.match_record`, which the JSON Schema
in ``docs/schema/match.schema.json`` describes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from defnames.cli import main
from defnames.pipelines.columns import match_schema

jsonschema = pytest.importorskip("jsonschema")

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "schema" / "match.schema.json"


def run(*argv: str, stdin: str | None = None) -> tuple[int, list[Any]]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin or ""), stdout=out, stderr=err)
    return code, [json.loads(x) for x in out.getvalue().splitlines()]


def validator(ref: str | None = None) -> Any:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    if ref:
        schema = {"$ref": f"#/$defs/{ref}", "$defs": schema["$defs"]}
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_the_published_schema_is_the_generated_one() -> None:
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == match_schema(), "regenerate: defnames schema > docs/schema/match.schema.json"
    out = io.StringIO()
    assert main(["schema"], stdout=out) == 0
    assert json.loads(out.getvalue()) == published


def test_lookup_json_validates() -> None:
    v = validator()
    code, lines = run("lookup", "-", "--json", "--explain", stdin="the German KMW\nLeonardo da Vinci\n\nMBDA\n")
    assert code == 0 and len(lines) == 4
    for line in lines:
        v.validate(line)
    assert lines[0]["id"] == "knds-deutschland" and lines[0]["former_until"] == 2024 and "explanation" in lines[0]
    assert lines[1] == {"mention": "Leonardo da Vinci", "match": None}
    assert lines[2] == {"mention": "", "match": None}  # a blank line keeps its place
    assert [o["owner"] for o in lines[3]["owners"]] == ["airbus", "bae-systems", "leonardo"]
    code, lines = run("lookup", "Thales", "--top", "3", "--json")
    assert code == 0
    v.validate(lines[0])
    assert lines[0]["candidates"] and all(c["mention"] == "Thales" for c in lines[0]["candidates"])


def test_schema_rejects_another_shape() -> None:
    v = validator()
    with pytest.raises(jsonschema.ValidationError):
        v.validate({"mention": "x", "entity_id": "y"})  # the flat table columns are not the JSON shape


def test_extract_and_match_files_carry_the_same_record(tmp_path: Path) -> None:
    v = validator("MatchRecord")
    code, lines = run("extract", "-", "--json", stdin="Rheinmetall and the French Nexter signed.")
    assert code == 0 and lines
    for line in lines:
        assert set(line) == {"file", "start", "end", "text", "match"}
        v.validate(line["match"])
    src = tmp_path / "in.csv"
    src.write_text("vendor\nLOCKHEED MARTIN CORP\nAcme Widgets\n", encoding="utf-8")
    code, rows = run("match", str(src), "--column", "vendor", "--format", "jsonl")
    assert code == 0
    v.validate(rows[0]["match"])
    assert rows[1]["match"] is None
    _, looked = run("lookup", "LOCKHEED MARTIN CORP", "--json")
    assert rows[0]["match"] == looked[0]


def test_the_http_api_uses_the_same_record() -> None:
    shapes = pytest.importorskip("defnames.serve.shapes")
    import defnames

    reg = defnames.registry()
    _, looked = run("lookup", "MBDA", "--json")
    assert shapes.match_json(reg, "MBDA", reg.resolve("MBDA")) == looked[0]


def test_the_match_command_offers_the_file_formats() -> None:
    from defnames.cli.match import FORMATS
    from defnames.pipelines.files import FORMATS as PIPELINE_FORMATS

    assert FORMATS == PIPELINE_FORMATS
