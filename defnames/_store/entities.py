"""The entity store: entities by id and the ownership tree between them. No matching here.

Parents, owners and successors are ids of the same store; the compile step has checked that
they exist and that parents have no cycles, so the walks below need no guards beyond a
visited set for user data loaded with ``check=False``.

>>> from defnames.models import Entity
>>> store = EntityStore([Entity(id="group", name="Group", country="FR"),
...                      Entity(id="arm", name="Group Belgium", country="BE", parent="group")])
>>> [e.id for e in store.parent_chain("arm")]
['group']
>>> [e.id for e in store.subsidiaries("group")]
['arm']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property

from defnames.errors import ReferenceDataError, UnknownEntityError
from defnames.models import Entity

__all__ = ["EntityStore"]


class EntityStore:
    """Entities by id, with the parent, owner and successor links between them."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_id: dict[str, Entity] = {}
        for e in entities:
            if e.id in self._by_id:
                raise ReferenceDataError(f"{e.id}: id: duplicate entity id")
            self._by_id[e.id] = e

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def get(self, entity_id: str) -> Entity:
        """The entity with this id.

        Raises:
            UnknownEntityError: no such id (a ``LookupError``).
        """
        try:
            return self._by_id[entity_id]
        except (KeyError, TypeError):
            raise UnknownEntityError(str(entity_id)) from None

    def parent_chain(self, entity_id: str) -> list[Entity]:
        """Parents from the direct parent up to the ultimate parent (empty for a top entity)."""
        chain: list[Entity] = []
        seen = {entity_id}
        e = self.get(entity_id)
        while e.parent and e.parent in self._by_id and e.parent not in seen:
            seen.add(e.parent)
            e = self._by_id[e.parent]
            chain.append(e)
        return chain

    def ultimate_parent(self, entity_id: str) -> Entity:
        """The top of the parent chain (the entity itself when it has no parent)."""
        chain = self.parent_chain(entity_id)
        return chain[-1] if chain else self.get(entity_id)

    def ancestors(self, entity_id: str) -> set[str]:
        """Ids of every parent and entity owner up the tree."""
        out: set[str] = set()
        todo = [entity_id]
        while todo:
            e = self._by_id.get(todo.pop())
            if e is None:
                continue
            ups = ([e.parent] if e.parent else []) + [o.owner for o in e.owners if o.owner in self._by_id]
            for u in ups:
                if u not in out:
                    out.add(u)
                    todo.append(u)
        return out

    @cached_property
    def children(self) -> dict[str, tuple[str, ...]]:
        """Entity id → ids it controls: by ``parent``, or as an owner of more than half."""
        kids: dict[str, list[str]] = defaultdict(list)
        for e in self._by_id.values():
            if e.parent:
                kids[e.parent].append(e.id)
            for o in e.owners:
                if o.owner in self._by_id and o.owner != e.parent and (o.share or 0) > 50:
                    kids[o.owner].append(e.id)
        return {k: tuple(v) for k, v in kids.items()}

    def subsidiaries(self, entity_id: str, *, recursive: bool = False) -> list[Entity]:
        """Entities whose parent is this one (all descendants with ``recursive=True``)."""
        self.get(entity_id)
        out: dict[str, None] = {}
        todo = list(self.children.get(entity_id, ()))
        while todo:
            i = todo.pop(0)
            if i in out:
                continue
            out[i] = None
            if recursive:
                todo += self.children.get(i, ())
        return sorted((self._by_id[i] for i in out), key=lambda e: e.name)

    def successor_of(self, entity_id: str) -> str:
        """Follow ``successor`` links from a merged entity to the one that carries on."""
        seen = {entity_id}
        e = self.get(entity_id)
        while e.successor and e.successor in self._by_id and e.successor not in seen:
            seen.add(e.successor)
            e = self._by_id[e.successor]
        return e.id
