from __future__ import annotations

from pathlib import Path

import pytest

import defnames
from defnames import Registry

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini() -> Registry:
    """A tiny fictional registry engineered for edge cases (tests/fixtures/mini_reference)."""
    return Registry.load(FIXTURES / "mini_reference", include_default=False)


@pytest.fixture(scope="session")
def real() -> Registry:
    """The packaged registry."""
    return defnames.registry()
