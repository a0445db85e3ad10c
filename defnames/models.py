"""The typed records defnames works with: :class:`Entity` and its parts, :class:`Match`,
:class:`Mention`.

They are frozen records that behave as pydantic v2 models do — ``Entity(...)`` and
``model_validate`` validate what goes in (raising ``pydantic.ValidationError``), and
``model_dump``, ``model_dump_json``, ``model_copy`` and ``model_json_schema`` work as on a
model — but they are plain classes: the pydantic models that validate and serialize them
(:mod:`defnames._models_schema`, same names and fields) are imported only when one of those
methods is called. Resolving a name builds its answer without them, so a fresh process answers
its first look-up without importing pydantic.

>>> e = Entity(id="acme-defence", name="Acme Defence", country="gb", kind="company",
...            sources=["https://example.org/acme"])
>>> e.country
'GB'
>>> e.all_names()
['Acme Defence']
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "Entity",
    "EntityKind",
    "EntityStatus",
    "Explanation",
    "FormerName",
    "Match",
    "Mention",
    "Owner",
]

R = TypeVar("R", bound="_Frozen")


class EntityKind(str, Enum):
    """What sort of organisation an entity is."""

    company = "company"
    subsidiary = "subsidiary"
    division = "division"
    joint_venture = "joint_venture"
    state_enterprise = "state_enterprise"
    holding = "holding"


class EntityStatus(str, Enum):
    """Whether an entity still exists under its own name."""

    active = "active"
    merged = "merged"
    defunct = "defunct"


class Method(str, Enum):
    """How a mention was matched to its entity (``Match.method``)."""

    exact = "exact"  # the entity's canonical name
    legal_name = "legal_name"  # its registered name, legal form included
    alias = "alias"
    weak_alias = "weak_alias"  # a name that is also an everyday word, with context support
    former_name = "former_name"
    acronym = "acronym"  # initials derived from the name (KMW, IAI)
    ticker = "ticker"  # an exchange ticker ("RHM GY", "NYSE:NOC")
    compact = "compact"  # the name with spacing ignored ("Hanwha Aero space")
    shortened = "shortened"  # a name cut short of its last domain word ("Thales Alenia")
    fuzzy = "fuzzy"  # a misspelling or inflection
    subsidiary_by_country = "subsidiary_by_country"  # a group named with a country: its arm there
    subsidiary_by_words = "subsidiary_by_words"  # a group named with a unit's words ("SAFRAN ENGINES")
    parts = "parts"  # several names: a joint venture by its parts, or a unit through its owner
    inflected = "inflected"  # the name with a case ending ("Saabs", "Hucie Stalowa Wola")
    concept = "concept"  # descriptor words in another language ("Казанский вертолётный завод")
    phonetic = "phonetic"  # a transcription in another script ("ميلريم روبوتيكس")


class NameKind(str, Enum):
    """Which kind of registry name an index entry is."""

    name = "name"
    legal_name = "legal_name"
    alias = "alias"
    weak_alias = "weak_alias"
    former_name = "former_name"
    acronym = "acronym"
    ticker = "ticker"


_KINDS = {k.value: k for k in EntityKind}  # dict look-ups: calling the enum is ten times slower
_STATUSES = {s.value: s for s in EntityStatus}


_MODELS: dict[str, type[BaseModel]] = {}
_MODES = ("python", "json")


def _as_json(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    return value


def _schema(name: str) -> type[BaseModel]:
    """The pydantic model of a record class (imported on first use)."""
    if not _MODELS:
        from defnames._models_schema import MODELS

        _MODELS.update(MODELS)
    return _MODELS[name]


def _to_model(value: Any) -> Any:
    """A record (or a tuple or dict holding records) as its pydantic model, without validation."""
    if isinstance(value, _Frozen):
        cls = _schema(type(value).__name__)
        model = cls.__new__(cls)
        # what model_construct does, without its per-field default handling (every field is there)
        object.__setattr__(model, "__dict__", {f: _to_model(v) for f, v in value.__dict__.items()})
        object.__setattr__(model, "__pydantic_fields_set__", value.model_fields_set)
        object.__setattr__(model, "__pydantic_extra__", None)
        object.__setattr__(model, "__pydantic_private__", None)
        return model
    if isinstance(value, (tuple, list)):
        return type(value)(_to_model(v) for v in value) if any(isinstance(v, _Frozen) for v in value) else value
    if isinstance(value, dict):
        return (
            {k: _to_model(v) for k, v in value.items()}
            if any(isinstance(v, _Frozen) for v in value.values())
            else value
        )
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})  # field values that need no conversion
# values _converted keeps as they are, tested by exact type before it is called for them
_KEPT = _PLAIN | {dict, EntityKind, EntityStatus, Method, NameKind}


@cache
def _record_classes() -> dict[type, type[_Frozen]]:
    """Each pydantic model class -> the record class of the same name. Looked up by exact
    type: ``isinstance`` against ``BaseModel`` goes through pydantic's metaclass, and with an
    ``import`` per value it cost more than the validation itself when an overlay of 100,000
    records was loaded."""
    _schema("Entity")  # imports the models
    return {model: _RECORDS[name] for name, model in _MODELS.items()}


def _from_model(value: Any) -> Any:
    """A validated pydantic model (or a tuple of them) as the record class of the same name."""
    return _converted(value, _record_classes())


def _converted(value: Any, records: dict[type, type[_Frozen]]) -> Any:
    """``value`` with every pydantic model in it (itself, or inside a tuple) as its record;
    any other value is kept as it is."""
    cls = records.get(type(value))
    if cls is not None:
        fields = value.__dict__  # a pydantic model keeps its field values in its __dict__
        values = {}
        for f in cls._fields:  # only records and tuples need converting (enums, dicts are kept)
            v = fields[f]
            values[f] = v if type(v) in _KEPT else _converted(v, records)
        obj = cls.__new__(cls)  # what _trusted does, without packing the values as keywords
        object.__setattr__(obj, "__dict__", values)
        object.__setattr__(obj, "_set", set(value.model_fields_set))
        return obj
    if isinstance(value, tuple):
        if all(type(v) is str for v in value):
            return value  # names, sources: nothing inside to convert
        return tuple(_converted(v, records) for v in value)
    return value


def _frozen_error(cls: type, name: str, value: Any) -> Exception:
    from pydantic_core import ValidationError

    return ValidationError.from_exception_data(
        cls.__name__, [{"type": "frozen_instance", "loc": (name,), "input": value}]
    )


class _Frozen:
    """A frozen record with the pydantic-model methods defnames and its users rely on.

    The fields are the class annotations, in order; ``_defaults`` and ``_factories`` give the
    values of the fields a record may leave out.
    """

    __slots__ = ("__dict__", "_set")
    _set: set[str] | None  # the fields given explicitly (None: all of them)
    _fields: ClassVar[tuple[str, ...]] = ()
    _flat: ClassVar[bool] = False  # every field a plain value: model_dump needs no pydantic
    _defaults: ClassVar[dict[str, Any]] = {}
    _factories: ClassVar[dict[str, Callable[[], Any]]] = {}

    def __init_subclass__(cls) -> None:
        names = [n for n in inspect.get_annotations(cls) if not n.startswith("_")]
        cls._fields = tuple(names)
        cls._defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}

    def __init__(self, **data: Any) -> None:
        """Validate ``data`` with the record's pydantic model (raises ``pydantic.ValidationError``)."""
        done = _schema(type(self).__name__).model_validate(_to_model(data))
        values = _from_model(done)
        object.__setattr__(self, "__dict__", values.__dict__)
        object.__setattr__(self, "_set", values._set)

    @classmethod
    def _trusted(cls, **values: Any) -> Any:
        """Build from values the library itself produced, without validation: every field must
        be given. Resolution builds two of these per answer, so this is on the hot path."""
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        object.__setattr__(obj, "_set", None)
        return obj

    @classmethod
    def _from_record(cls: type[R], record: dict[str, Any], **converted: Any) -> R:
        """Build from a record the compile step validated and wrote (defaults left out), the
        fields that need it already ``converted``; the record's keys are the fields set."""
        values: dict[str, Any] = {}
        for name in cls._fields:
            if name in converted:
                values[name] = converted[name]
            elif name in record:
                values[name] = record[name]
            elif name in cls._factories:
                values[name] = cls._factories[name]()
            else:
                values[name] = cls._defaults[name]
        obj: R = cls._trusted(**values)
        object.__setattr__(obj, "_set", set(record))
        return obj

    # -- what pydantic models offer -----------------------------------------------------------
    @classmethod
    def model_validate(cls: type[R], obj: Any) -> R:
        """Validate a dict (or a record) into a record (raises ``pydantic.ValidationError``)."""
        done: R = _from_model(_schema(cls.__name__).model_validate(_to_model(obj)))
        return done

    @classmethod
    def model_validate_json(cls: type[R], data: str | bytes) -> R:
        done: R = _from_model(_schema(cls.__name__).model_validate_json(data))
        return done

    @classmethod
    def model_construct(cls: type[R], _fields_set: set[str] | None = None, **values: Any) -> R:
        """A record from trusted values, defaults filled in, without validation."""
        obj = cls._from_record(values)
        if _fields_set is not None:
            object.__setattr__(obj, "_set", set(_fields_set))
        return obj

    @classmethod
    def model_json_schema(cls, **kwargs: Any) -> dict[str, Any]:
        """The JSON Schema of the record (its pydantic model's)."""
        return _schema(cls.__name__).model_json_schema(**kwargs)

    @property
    def model_fields_set(self) -> set[str]:
        """The fields given explicitly when the record was made (all, for trusted records)."""
        return set(self._fields) if self._set is None else set(self._set)

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        """The record as a dict, with pydantic's ``model_dump`` options (``mode="json"``, …)."""
        if type(self)._flat and kwargs.keys() <= {"mode", "exclude_none"} and kwargs.get("mode", "python") in _MODES:
            return self._flat_dump(kwargs.get("mode") == "json", bool(kwargs.get("exclude_none")))
        return _to_model(self).model_dump(**kwargs)  # type: ignore[no-any-return]

    def _flat_dump(self, json: bool, exclude_none: bool) -> dict[str, Any]:
        """``model_dump`` of a record whose fields are plain values (no records or enums), as
        pydantic makes it, without building the pydantic model: tuples become lists in JSON
        mode, dicts are copied (tests/test_models.py compares the two on the real data)."""
        out: dict[str, Any] = {}
        for f, v in self.__dict__.items():
            if v is None and exclude_none:
                continue
            out[f] = _as_json(v) if json else dict(v) if isinstance(v, dict) else v
        return out

    def model_dump_json(self, **kwargs: Any) -> str:
        return _to_model(self).model_dump_json(**kwargs)  # type: ignore[no-any-return]

    def model_copy(self: R, *, update: dict[str, Any] | None = None, deep: bool = False) -> R:
        """A copy with some fields replaced, without validation (as pydantic's)."""
        import copy

        values = copy.deepcopy(self.__dict__) if deep else dict(self.__dict__)
        values.update(update or {})
        obj: R = type(self)._trusted(**values)
        if self._set is not None or update:
            object.__setattr__(obj, "_set", self.model_fields_set | set(update or ()))
        return obj

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """As a field of a pydantic model (``explanation: Explanation | None``): validated and
        serialized by the record's own pydantic model, its JSON Schema that model's."""
        from pydantic_core import core_schema as cs

        model = handler.generate_schema(_schema(cls.__name__))

        def validate(value: Any, inner: Any) -> Any:
            return value if isinstance(value, cls) else _from_model(inner(_to_model(value)))

        return cs.no_info_wrap_validator_function(
            validate,
            model,
            serialization=cs.wrap_serializer_function_ser_schema(lambda v, nxt: nxt(_to_model(v)), schema=model),
        )

    # -- a frozen value --------------------------------------------------------------------
    def __setattr__(self, name: str, value: Any) -> None:
        raise _frozen_error(type(self), name, value)

    def __delattr__(self, name: str) -> None:
        raise _frozen_error(type(self), name, None)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Frozen):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__[f] for f in self._fields))

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        yield from self.__dict__.items()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._args(', ')})"

    def __str__(self) -> str:
        return self._args(" ")

    def _args(self, sep: str) -> str:
        return sep.join(f"{f}={self.__dict__[f]!r}" for f in self._fields)

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self.__dict__, self._set)

    def __copy__(self: R) -> R:
        return self

    def __deepcopy__(self: R, memo: dict[int, Any]) -> R:
        return self  # frozen: nothing of it can change


def _rebuild(cls: type[_Frozen], values: dict[str, Any], fields_set: set[str] | None) -> _Frozen:
    obj: _Frozen = cls._trusted(**values)
    object.__setattr__(obj, "_set", fields_set)
    return obj


class Owner(_Frozen):
    """A shareholder: an entity id of the registry, or a named holder."""

    _flat = True

    owner: str  # entity id, or a holder's name such as 'Government of Norway'
    share: float | None = None  # percent of the capital, 0–100
    as_of: int | None = None  # year the share applies to

    @classmethod
    def _packaged(cls, d: dict[str, Any]) -> Owner:
        share = d.get("share")
        return cls._from_record(d, **({"share": float(share)} if share is not None else {}))


class FormerName(_Frozen):
    """A name the entity used before, with the last year it was used."""

    _flat = True

    name: str
    until: int | None = None
    since: int | None = None

    @classmethod
    def _packaged(cls, d: dict[str, Any]) -> FormerName:
        return cls._from_record(d)


class Entity(_Frozen):
    """One company, subsidiary, division, joint venture or state enterprise.

    Ids are permanent lowercase slugs; ``parent``, ``successor`` and entity ``owners`` refer to
    other ids of the same registry. Use :meth:`defnames.Registry.parent_chain` and
    :meth:`defnames.Registry.ultimate_parent` to walk the ownership tree. The fields, their
    constraints and their descriptions: ``Entity.model_json_schema()`` and docs/data-model.md.
    """

    _factories: ClassVar[dict[str, Callable[[], Any]]] = {"identifiers": dict}

    id: str
    name: str
    legal_name: str | None = None
    kind: EntityKind = EntityKind.company
    country: str
    city: str | None = None
    parent: str | None = None
    parent_since: int | None = None
    owners: tuple[Owner, ...] = ()
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()  # names that are also everyday words; need supporting context
    former_names: tuple[FormerName, ...] = ()
    status: EntityStatus = EntityStatus.active
    successor: str | None = None
    until: int | None = None  # last year as its own company (merged or defunct)
    identifiers: dict[str, str]
    website: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None

    @classmethod
    def _packaged(cls, d: dict[str, Any]) -> Entity:
        """An entity of the packaged bundle, without validating it again: the compile step
        validated it and wrote ``model_dump(mode="json", exclude_defaults=True)``, and
        ``tests/census`` checks that this equals ``Entity.model_validate(d)`` for every one."""
        conv: dict[str, Any] = {}
        for name in ("aliases", "weak_aliases", "sources"):
            if name in d:
                conv[name] = tuple(d[name])
        if "owners" in d:
            conv["owners"] = tuple(Owner._packaged(o) for o in d["owners"])
        if "former_names" in d:
            conv["former_names"] = tuple(FormerName._packaged(f) for f in d["former_names"])
        if "kind" in d:
            conv["kind"] = _KINDS[d["kind"]]
        if "status" in d:
            conv["status"] = _STATUSES[d["status"]]
        if "identifiers" in d:
            conv["identifiers"] = dict(d["identifiers"])
        return cls._from_record(d, **conv)

    def all_names(self) -> list[str]:
        """Every name of the entity: name, legal name, aliases, weak aliases, former names."""
        names = [self.name]
        if self.legal_name:
            names.append(self.legal_name)
        names += [*self.aliases, *self.weak_aliases, *(f.name for f in self.former_names)]
        return list(dict.fromkeys(names))


class Explanation(_Frozen):
    """Why a mention resolved the way it did."""

    _flat = True

    _factories: ClassVar[dict[str, Callable[[], Any]]] = {"parts": dict}

    mention_key: str  # the mention after normalization
    dropped: tuple[tuple[str, str], ...] = ()  # (word, reason) pairs removed before matching
    country_hints: tuple[str, ...] = ()  # countries the words point to
    context_support: float | None = None  # defense-sense evidence found in the context (None: no context)
    parts: dict[str, float]  # score components
    notes: tuple[str, ...] = ()


class Match(_Frozen):
    """A resolved mention: which entity, through which name, how sure, and why.

    ``score`` runs from 0 to 100; at or above the resolver's threshold (85 by default) the
    match is confident. ``method`` says how it was found: ``exact`` (the canonical name),
    ``legal_name``, ``alias``, ``weak_alias``, ``former_name``, ``acronym``, ``compact``
    (spacing ignored), ``shortened`` (a name cut short of its last word: "Thales Alenia"),
    ``fuzzy``, ``subsidiary_by_country``, ``subsidiary_by_words`` ("BAE Systems Land"),
    ``parts`` (several names: a joint venture described by its parts, or a subsidiary named
    through its owner), ``inflected``, ``concept`` or ``phonetic``: every member of :class:`Method`.
    """

    entity: Entity
    score: float
    matched: str  # the registry name that matched
    method: Method
    former_until: int | None = None  # last year of a former name
    successor: str | None = None  # for a merged entity: the id of the entity that carries it on today
    unit: str | None = None  # a unit of this entity the registry does not list (the unit's words)
    explanation: Explanation | None = None

    @property
    def entity_id(self) -> str:
        return self.entity.id

    @classmethod
    def _packaged(cls, entity: Entity, row: list[Any]) -> Match:
        """A match from a row of the compile step's answers (:meth:`_answer_row`), for ``entity``."""
        score, matched, method, former_until, successor, unit, key, dropped, hints, parts, notes = row[1:]
        explanation = Explanation._trusted(
            mention_key=key,
            dropped=tuple((w, why) for w, why in dropped),
            country_hints=tuple(hints),
            context_support=None,
            parts=parts,
            notes=tuple(notes),
        )
        match: Match = cls._trusted(
            entity=entity,
            score=score,
            matched=matched,
            method=Method(method),
            former_until=former_until,
            successor=successor,
            unit=unit,
            explanation=explanation,
        )
        return match

    def _answer_row(self) -> list[Any]:
        """This match as a row of the compile step's answers (see :meth:`_packaged`); only for
        matches made without context (their context support is None)."""
        x = self.explanation
        if x is None or x.context_support is not None:
            raise ValueError("only a match with an explanation and no context has an answer row")
        return [
            self.entity.id,
            self.score,
            self.matched,
            self.method.value,
            self.former_until,
            self.successor,
            self.unit,
            x.mention_key,
            [list(p) for p in x.dropped],
            list(x.country_hints),
            x.parts,
            list(x.notes),
        ]


class Mention(_Frozen):
    """A span of free text that names a registry entity.

    ``text[mention.start:mention.end] == mention.text`` always holds for the text it came from.
    """

    start: int
    end: int
    text: str
    match: Match

    def __init__(self, **data: Any) -> None:
        start, end, text, match = (data.get(f) for f in self._fields)
        plain = len(data) == 4 and isinstance(match, Match) and isinstance(text, str)
        if plain and type(start) is int and type(end) is int and start >= 0 and end >= 0:
            object.__setattr__(self, "__dict__", {"start": start, "end": end, "text": text, "match": match})
            object.__setattr__(self, "_set", None)  # what extraction makes: nothing to validate
        else:
            super().__init__(**data)


_RECORDS: dict[str, type[_Frozen]] = {c.__name__: c for c in (Owner, FormerName, Entity, Explanation, Match, Mention)}
