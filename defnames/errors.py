"""The exceptions defnames raises, the problems it reports, and the exit codes of its command.

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

A problem in registry data is a :class:`Problem` record — the file, the line where one is
known, the field and the message — and the same records come out of ``defnames validate``,
:meth:`defnames.Registry.load` (as :attr:`ReferenceDataError.problems`) and the compiler:

>>> p = Problem("my/acme.yml", "parent", "unknown entity id 'nowhere'")
>>> str(p)
"my/acme.yml: parent: unknown entity id 'nowhere'"
>>> str(Problem("my/acme.yml", None, "invalid YAML: could not find expected ':'", line=3))
"my/acme.yml:3: invalid YAML: could not find expected ':'"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import IntEnum
from typing import Any

__all__ = [
    "DefnamesError",
    "ExitCode",
    "InputError",
    "Problem",
    "Problems",
    "ReferenceDataError",
    "UnknownEntityError",
]


class ExitCode(IntEnum):
    """The exit status of the ``defnames`` command (documented in ``docs/errors.md``)."""

    OK = 0
    #: ``lookup``: no name matched; ``validate``: problems found; registry data that cannot be loaded
    NOT_FOUND = 1
    INVALID_DATA = 1
    #: a usage error, an unknown entity id, or an input file that cannot be read or parsed at all
    USAGE = 2
    #: ``match`` wrote every row, but some rows were bad (listed, and written to ``--rejects``)
    BAD_ROWS = 3
    #: interrupted (Ctrl-C)
    INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One problem in registry data: where it is and what is wrong.

    Attributes:
        file: the file (``path[i]`` for the i-th record of a file of several), or None for a
            problem of the registry as a whole (a shared name).
        field: the field, dotted for nested ones (``owners.0.share``), or None.
        message: what is wrong, in one line.
        line: the line in the file, where known (syntax errors).
    """

    file: str | None
    field: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line is not None:
            where += f":{self.line}"
        return ": ".join(x for x in (where, self.field or "", self.message) if x)

    def to_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready dictionary (``file``, ``line``, ``field``, ``message``)."""
        return asdict(self)

    @classmethod
    def from_text(cls, text: str) -> Problem:
        """A problem from a ``"file: field: message"`` line (for callers that still build strings)."""
        parts = text.split(": ", 2)
        if len(parts) == 3:
            return cls(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            return cls(parts[0], None, parts[1])
        return cls(None, None, text)


class Problems(list[Problem]):
    """A list of :class:`Problem` that also takes ``"file: field: message"`` strings (converted)."""

    def __init__(self, items: Iterable[Problem | str] = ()) -> None:
        super().__init__(_as_problem(p) for p in items)

    def __iadd__(self, other: Iterable[Problem | str]) -> Problems:  # type: ignore[override,misc]
        self.extend(_as_problem(p) for p in other)
        return self

    def add(self, file: str | None, field: str | None, message: str, line: int | None = None) -> None:
        """Append one problem."""
        self.append(Problem(file, field, message, line))


def _as_problem(p: Problem | str) -> Problem:
    return p if isinstance(p, Problem) else Problem.from_text(str(p))


class DefnamesError(Exception):
    """Base class of every error raised by defnames.

    Attributes:
        exit_code: the exit status of the ``defnames`` command when this error stops it.
    """

    exit_code: int = ExitCode.USAGE


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
        problems: the :class:`Problem` records, each naming the file and the field; ``str()``
            of one is a line ``file: field: message``.
    """

    exit_code: int = ExitCode.INVALID_DATA

    def __init__(self, problems: Iterable[Problem | str] | Problem | str) -> None:
        if isinstance(problems, (str, Problem)):
            problems = [problems]
        self.problems = Problems(problems)
        head = str(self.problems[0]) if self.problems else "invalid reference data"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(head + more)


class InputError(DefnamesError, ValueError):
    """An argument or an input file that defnames cannot use."""
