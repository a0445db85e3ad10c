"""``defnames serve``: the registry over HTTP — a JSON API, an OpenRefine reconciliation
service and a search page with entity cards (``pip install "defnames[serve]"``).

>>> from defnames.serve import Limits
>>> Limits(max_name_chars=200).max_name_chars
200

:func:`create_app` is imported on first use, so ``defnames.serve.cli`` (and the ``defnames``
command) work even where FastAPI is not installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .limits import Limits

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["Limits", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module 'defnames.serve' has no attribute {name!r}")
