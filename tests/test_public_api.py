from __future__ import annotations

import subprocess
import sys

import defnames


def test_all_is_sorted_and_complete() -> None:
    assert defnames.__all__ == sorted(defnames.__all__)
    for name in defnames.__all__:
        assert hasattr(defnames, name), name
    public = {n for n in dir(defnames) if not n.startswith("_") and n not in {"annotations", "TYPE_CHECKING", "Any"}}
    modules = {n for n in public if type(getattr(defnames, n)).__name__ == "module"}
    assert public - modules <= set(defnames.__all__)


def test_exception_tree() -> None:
    assert issubclass(defnames.UnknownEntityError, defnames.DefnamesError)
    assert issubclass(defnames.UnknownEntityError, LookupError)
    assert issubclass(defnames.ReferenceDataError, ValueError)
    assert issubclass(defnames.InputError, ValueError)


def test_import_is_light() -> None:
    code = (
        "import sys, defnames; heavy = [m for m in ('rapidfuzz', 'pycountry', 'numpy', 'yaml', 'ahocorasick', "
        "'anyascii', 'pandas') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_version_is_the_installed_package_version() -> None:
    from importlib.metadata import version

    installed = version("defnames")
    assert installed and installed != "0.0.0+unknown"
    assert defnames.__version__ == installed
    assert "__version__" not in vars(defnames)  # computed on first use, not at import
