"""The issues' examples and seed 000 against the packaged registry (tests/cases_real.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from defnames import Registry

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases_real.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["mention"] for c in CASES])
def test_case(real: Registry, case: dict[str, Any]) -> None:
    m = real.resolve(case["mention"], context=case.get("context"))
    assert (m.entity.id if m else None) == case["expect"]
