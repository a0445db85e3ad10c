"""How much one request may ask of the service.

Every limit is a keyword of :class:`Limits`, set from Python (``create_app(limits=...)``) or
from the command line (``defnames serve --max-name-chars 300``). A request over a limit gets
a JSON error — 413 when the payload is too large (body, text, batch), 422 when one field is too
long — and is never processed.

>>> Limits().max_batch
100
>>> Limits(max_batch=10).max_batch
10
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """Upper bounds on what one request may contain.

    Attributes:
        max_name_chars: longest mention (``name``, ``q``, a reconciliation ``query``).
        max_context_chars: longest ``context`` text.
        max_text_chars: longest text for ``/extract``.
        max_batch: most queries in one ``/reconcile`` batch, and most ids in one data extension.
        max_candidates: largest ``limit`` a caller may ask for (larger values are lowered to it).
        max_body_bytes: largest request body, in bytes (checked before the body is parsed).
    """

    max_name_chars: int = 500
    max_context_chars: int = 10_000
    max_text_chars: int = 200_000
    max_batch: int = 100
    max_candidates: int = 50
    max_body_bytes: int = 2_000_000

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{f.name} must be a positive integer, not {value!r}")

    def as_dict(self) -> dict[str, int]:
        """The limits as a plain mapping (shown at ``/limits`` and in the OpenAPI description)."""
        return {f.name: int(getattr(self, f.name)) for f in fields(self)}
