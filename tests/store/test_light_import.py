"""``import defnames`` loads neither the models nor the matcher: they come on first use."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_import_defers_models_and_matcher() -> None:
    code = (
        "import sys, defnames; print(','.join(m for m in ('defnames.models', 'defnames._resolver', "
        "'pydantic.main', 'cachetools') if m in sys.modules))"
    )
    assert _run(code) == ""


def test_lazy_names_are_the_real_ones() -> None:
    code = (
        "import defnames; from defnames import Entity, Registry; import defnames.models as m, "
        "defnames._resolver as r; print(Entity is m.Entity, Registry is r.Registry, "
        "defnames.registry is r.registry, 'Match' in dir(defnames))"
    )
    assert _run(code) == "True True True True"
