"""The exceptions defnames raises.

Every error derives from :class:`DefnamesError`, so ``except defnames.DefnamesError`` catches
them all, and each also derives from the standard-library class that fits it::

    DefnamesError(Exception)
    ├── UnknownEntityError(DefnamesError, LookupError)   get("no-such-id")
    ├── ReferenceDataError(DefnamesError, ValueError)    an invalid or unreadable registry file
    └── InputError(DefnamesError, ValueError)            a bad argument or unreadable input

>>> import defnames
>>> try:
...     defnames.get("no-such-company")
... except LookupError as exc:
...     print(exc.entity_id)
no-such-company
"""

from __future__ import annotations

__all__ = ["DefnamesError", "InputError", "ReferenceDataError", "UnknownEntityError"]


class DefnamesError(Exception):
    """Base class of every error raised by defnames."""


class UnknownEntityError(DefnamesError, LookupError):
    """No entity in the registry has this id.

    Attributes:
        entity_id: the id that was asked for.
    """

    def __init__(self, entity_id: str) -> None:
        self.entity_id = entity_id
        super().__init__(f"unknown entity id: {entity_id!r}")

    def __str__(self) -> str:
        return f"unknown entity id: {self.entity_id!r}"


class ReferenceDataError(DefnamesError, ValueError):
    """Registry data that cannot be loaded: unreadable, malformed or inconsistent.

    Attributes:
        problems: one line per problem, each naming the file and the field.
    """

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        head = self.problems[0] if self.problems else "invalid reference data"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(head + more)


class InputError(DefnamesError, ValueError):
    """An argument or an input file that defnames cannot use."""
