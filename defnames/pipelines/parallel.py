"""Resolving many distinct names on every core: a pool of processes, each with the registry.

A batch of mostly distinct names (a supplier master file, a sanctions list) cannot lean on
the result cache: every name costs a full resolution. :class:`ResolverPool` shares such a
batch out to worker processes, in chunks, and hands the answers back in input order.

Each worker holds the registry once. On Linux (``fork``) the workers start as copies of the
calling process, so they share the registry and its name index as they are — an overlay
loaded with :meth:`Registry.load <defnames.Registry.load>` included — without loading or
building anything again. Elsewhere (``spawn``) each worker loads the packaged registry, or
receives the entities of a custom one, and builds its own index.

Answers come back as small tuples (entity id and the match fields) and are rebuilt with the
calling process's own entities, so a match from the pool is equal to the one a plain
``resolve`` gives, down to ``match.entity is reg.get(match.entity.id)``.

>>> import defnames
>>> from defnames.pipelines.parallel import ResolverPool
>>> with ResolverPool(defnames.registry(), workers=2) as pool:
...     [m.entity.id if m else None for m in pool.resolve([("Rheinmetall AG", None), ("Nexter", "FR")])]
['rheinmetall', 'knds-france']
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from defnames.errors import InputError
from defnames.models import Explanation, Match

if TYPE_CHECKING:
    from defnames._resolver import Registry

__all__ = ["PooledRegistry", "ResolverPool", "worker_count"]

Key = tuple[str, "str | None"]
_Encoded = tuple[Any, ...] | None

_CHUNK = 500  # names per task: big enough to hide the hand-over, small enough to balance the load
_SERIAL_BELOW = 2 * _CHUNK  # fewer distinct names than this are resolved in the calling process

_worker_reg: Registry | None = None
_fork_reg: Registry | None = None  # the registry a forked worker inherits


def worker_count(workers: int) -> int:
    """``workers`` as a number of processes: 0 means every core.

    Raises:
        InputError: a negative number, or not an integer.
    """
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise InputError(f"workers must be 0 (every core) or a positive number, not {workers!r}")
    return workers or os.cpu_count() or 1


def _resolve_one(reg: Registry, name: str, country: str | None, context: str | None) -> Match | None:
    try:
        return reg.resolve(name, context=context, country=country)
    except ValueError:  # an unknown country code in the data: resolve without it (as resolve_many does)
        return reg.resolve(name, context=context)


def _encode(m: Match | None) -> _Encoded:
    if m is None:
        return None
    d = dict(m.__dict__)
    d["entity"] = m.entity.id
    ex = d.get("explanation")
    if isinstance(ex, Explanation):
        d["explanation"] = dict(ex.__dict__)
    return tuple(d.items())


def _decode(reg: Registry, enc: _Encoded) -> Match | None:
    if enc is None:
        return None
    d = dict(enc)
    d["entity"] = reg.get(d["entity"])
    if isinstance(d.get("explanation"), dict):
        d["explanation"] = Explanation._trusted(**d["explanation"])
    return Match._trusted(**d)  # type: ignore[no-any-return]


def _init_worker(spec: tuple[Any, ...] | None) -> None:
    global _worker_reg
    if spec is None:
        if _fork_reg is not None:
            _worker_reg = _fork_reg
        else:
            from defnames._resolver import registry

            _worker_reg = registry()
    else:
        from defnames._resolver import Registry

        entities, shared, version = spec
        _worker_reg = Registry(entities, shared, version=version, check=False)
    _worker_reg.prepare()


def _work(chunk: list[Key], context: str | None, threshold: float | None) -> list[tuple[_Encoded, _Encoded]]:
    """Resolve a chunk; with a threshold, also the best candidate of each unmatched name."""
    reg = _worker_reg
    assert reg is not None, "worker not initialised"
    out: list[tuple[_Encoded, _Encoded]] = []
    for name, country in chunk:
        m = _resolve_one(reg, name, country, context)
        top: _Encoded = None
        if m is None and threshold is not None:
            cands = reg.candidates(name, limit=1)
            top = _encode(cands[0]) if cands else None
        out.append((_encode(m), top))
    return out


class ResolverPool:
    """Worker processes that resolve distinct names for one registry.

    Args:
        reg: the registry (the packaged one, or one loaded with overlays).
        workers: number of processes; 0 means every core; 1 resolves in the calling process.
        context: one context for every name.

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, reg: Registry, workers: int = 0, *, context: str | None = None) -> None:
        self.reg = reg
        self.workers = worker_count(workers)
        self.context = context
        self._executor: Executor | None = None
        self._top: dict[str, Match | None] = {}  # best candidate of unmatched names, when asked for

    def _pool(self) -> Executor:
        global _fork_reg
        if self._executor is None:
            from defnames._resolver import registry

            self.reg.prepare()  # once, here: forked workers inherit the built index
            fork = "fork" in mp.get_all_start_methods() and threading.active_count() == 1
            ctx: Any = mp.get_context("fork" if fork else "spawn")
            if fork:
                _fork_reg, spec = self.reg, None
            else:
                packaged = self.reg is registry()
                spec = None if packaged else (list(self.reg.store), list(self.reg.shared_names), self.reg.version)
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=ctx, initializer=_init_worker, initargs=(spec,)
            )
        return self._executor

    def resolve(self, keys: Sequence[Key], *, tops: bool = False, threshold: float = 85.0) -> list[Match | None]:
        """The match of each ``(name, country)``, in order (resolve each key once: no de-duplication here).

        With ``tops=True`` the best candidate of each unmatched name is kept for :meth:`candidates`.
        """
        if self.workers == 1 or len(keys) < _SERIAL_BELOW:
            out = [_resolve_one(self.reg, n, c, self.context) for n, c in keys]
            if tops:
                for (n, _), m in zip(keys, out):
                    if m is None and n not in self._top:
                        cands = self.reg.candidates(n, limit=1)
                        self._top[n] = cands[0] if cands else None
            return out
        chunks = [list(keys[i : i + _CHUNK]) for i in range(0, len(keys), _CHUNK)]
        ex = self._pool()
        futures = [ex.submit(_work, c, self.context, threshold if tops else None) for c in chunks]
        out = []
        for chunk, fut in zip(chunks, futures):
            for (name, _), (enc, top) in zip(chunk, fut.result()):
                m = _decode(self.reg, enc)
                out.append(m)
                if tops and m is None:
                    self._top[name] = _decode(self.reg, top)
        return out

    def candidates(self, name: str, *, limit: int = 5, **kwargs: Any) -> list[Match]:
        """Candidates as :meth:`Registry.candidates`; the best one of a name the pool left unmatched
        (with ``tops=True``) comes from the workers' answer."""
        if limit == 1 and not kwargs and name in self._top:
            top = self._top[name]
            return [top] if top is not None else []
        return self.reg.candidates(name, limit=limit, **kwargs)

    def close(self) -> None:
        """Stop the worker processes."""
        global _fork_reg
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None
            _fork_reg = None

    def __enter__(self) -> ResolverPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PooledRegistry:
    """A registry whose batches go through a :class:`ResolverPool`, for the file pipeline
    (:func:`defnames.pipelines.files.match_file` with ``reg=view, resolve=view.resolve_chunk``).

    Everything else is the registry's own; ``candidates(name, limit=1)`` of a name the pool left
    unmatched comes from the workers, so counting ambiguous rows costs no second resolution.
    """

    def __init__(self, pool: ResolverPool) -> None:
        self.pool = pool

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pool.reg, name)

    def candidates(self, name: str, **kwargs: Any) -> list[Match]:
        return self.pool.candidates(name, **kwargs)

    def resolve_chunk(self, names: Sequence[object], countries: Sequence[str | None]) -> list[Match | None]:
        """Resolve a chunk of rows, each distinct ``(name, country)`` once, in order (as ``resolve_many``)."""
        keys: list[Key | None] = [
            (n, c if isinstance(c, str) and c.strip() else None) if isinstance(n, str) and n.strip() else None
            for n, c in zip(names, countries)
        ]
        distinct = list(dict.fromkeys(k for k in keys if k is not None))
        done = dict(zip(distinct, self.pool.resolve(distinct, tops=True)))
        return [None if k is None else done[k] for k in keys]
