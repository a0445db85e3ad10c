from __future__ import annotations

from pathlib import Path

import pytest

import defnames
from defnames import Registry
from defnames._index.names import NameIndex
from defnames._lexicon import Lexicon

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini() -> Registry:
    """A tiny fictional registry engineered for edge cases (tests/fixtures/mini_reference)."""
    return Registry.load(FIXTURES / "mini_reference", include_default=False)


@pytest.fixture(scope="session")
def real() -> Registry:
    """The packaged registry."""
    return defnames.registry()


@pytest.fixture(scope="session")
def index(mini: Registry) -> NameIndex:
    """The name index of the fictional registry, for the pass tests."""
    return mini.index


@pytest.fixture(scope="session")
def lex(mini: Registry) -> Lexicon:
    """The lexicon of the fictional registry (the packaged one, with the fixture's cities)."""
    return mini.lexicon
