"""Build helpers for the documentation site (``mkdocs.yml``); not part of the package.

* :class:`DoctestFences`, a griffe extension: the ``>>>`` examples of docstrings become
  ``pycon`` code blocks in the API reference (Markdown would read them as quotes and their
  lists as links), and Sphinx roles (``:class:`Match```) become code.
* :func:`on_page_markdown`, a mkdocs hook: a link from a page to a file of the repository
  outside ``docs/`` (``../reference/README.md``) points to that file on the repository site,
  so the pages can link to the sources and ``mkdocs build --strict`` still passes.

>>> fence_doctests("Text.\\n\\n>>> 1 + 1\\n2\\n\\nMore.")
'Text.\\n\\n```pycon\\n>>> 1 + 1\\n2\\n```\\n\\nMore.'
>>> sphinx_roles("see :meth:`Registry.resolve` and :class:`~defnames.models.Match`")
'see `Registry.resolve` and `Match`'
>>> outside_links("[r](../reference/README.md) [d](data-model.md)", "https://h/r/blob/main/")
'[r](https://h/r/blob/main/reference/README.md) [d](data-model.md)'
"""

from __future__ import annotations

import re
from typing import Any

try:
    import griffe
except ImportError:  # only the docs build needs it
    griffe = None


def fence_doctests(text: str) -> str:
    """Wrap each run of ``>>>`` lines and their output (up to a blank line) in a pycon block."""
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        starts = line.lstrip().startswith(">>>")
        if starts and not inside:
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not line.strip():
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


def sphinx_roles(text: str) -> str:
    """``:role:`target``` as ```target``` (``~a.b.C`` as ``C``)."""

    def code(m: re.Match[str]) -> str:
        target = m.group(1)
        return f"`{target.rsplit('.', 1)[-1] if target.startswith('~') else target}`"

    return re.sub(r":(?:class|meth|func|mod|data|attr|exc|obj):`([^`]+)`", code, text)


def outside_links(markdown: str, base: str) -> str:
    """``](../path)`` links, which leave ``docs/``, as links to ``base + path``."""
    return re.sub(r"\]\(\.\./([^)\s]+)\)", lambda m: f"]({base}{m.group(1)})", markdown)


if griffe is not None:

    class DoctestFences(griffe.Extension):  # type: ignore[misc]
        """Docstring examples as code blocks (see the module)."""

        def on_instance(self, *, obj: Any, **kwargs: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = sphinx_roles(fence_doctests(obj.docstring.value))


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs hook: links out of ``docs/`` go to the repository."""
    base = (config.get("repo_url") or "").rstrip("/") + "/blob/main/"
    return outside_links(markdown, base)
