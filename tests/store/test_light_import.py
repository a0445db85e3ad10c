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


# What the first calls of a fresh process load. Each runs in its own interpreter; each prints
# what was imported or built, and the test checks behaviour (which code ran), not timings.
_PROBE = (
    "import sys, defnames\n"
    "{call}\n"
    "reg = defnames._resolver.registry()\n"
    "mods = ('pydantic', 'numpy', 'rapidfuzz', 'defnames._candidates', 'defnames._index', 'defnames._models_schema')\n"
    "print(sorted({{m for m in sys.modules for p in mods if m == p or m.startswith(p + '.')}} & set(mods)))\n"
    "print('_store' in reg.__dict__, 'index' in reg.__dict__)\n"
)


def _probe(call: str) -> tuple[str, str]:
    out = _run(_PROBE.format(call=call)).splitlines()
    return out[-2], out[-1]


def test_first_bare_lookup_of_a_registry_name_loads_no_matcher_and_no_pydantic() -> None:
    """A name of the registry as written is answered from the compiled answers: no pydantic, no
    matcher, no numpy or RapidFuzz, and the entities are not loaded whole."""
    loaded, built = _probe("m = defnames.resolve('KNDS'); assert m.entity.id == 'knds', m")
    assert loaded == "[]"
    assert built == "False False"


def test_cli_lookup_of_a_registry_name_loads_no_matcher_and_no_pydantic() -> None:
    loaded, built = _probe("from defnames.cli import main; assert main(['lookup', 'KNDS']) == 0")
    assert loaded == "[]"
    assert built == "False False"


def test_an_exact_hit_outside_the_answers_needs_no_numpy_rapidfuzz_or_validation() -> None:
    """'knds' (not a name as written) goes through the matcher: the packaged entities are
    loaded without validating them (no pydantic model is built), and an exact hit stays on the
    dictionary path (no numpy, no RapidFuzz)."""
    loaded, built = _probe("m = defnames.resolve('knds'); assert m.entity.id == 'knds', m")
    assert loaded == "['defnames._candidates', 'defnames._index']"
    assert built == "True True"


def test_a_fuzzy_look_up_loads_the_fuzzy_machinery() -> None:
    """The probe itself can fail: a misspelling needs the trigram shortlist and RapidFuzz."""
    loaded, _ = _probe("m = defnames.resolve('Lockheed Martn'); assert m.entity.id == 'lockheed-martin', m")
    assert "numpy" in loaded
    assert "rapidfuzz" in loaded
