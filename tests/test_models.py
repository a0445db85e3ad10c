from __future__ import annotations

import pytest
from pydantic import ValidationError

from defnames import Entity


def test_country_is_validated_and_upper_cased() -> None:
    e = Entity(id="x-y", name="X", country="cz", sources=("https://e.org",))
    assert e.country == "CZ"
    with pytest.raises(ValidationError, match="country"):
        Entity(id="x", name="X", country="XX")


@pytest.mark.parametrize("bad", ["Has Caps", "under_score", "-lead", "trail-", "double--hyphen", ""])
def test_ids_are_slugs(bad: str) -> None:
    with pytest.raises(ValidationError):
        Entity(id=bad, name="X", country="DE")


def test_merged_needs_successor_and_active_has_none() -> None:
    with pytest.raises(ValidationError, match="successor"):
        Entity(id="a", name="A", country="DE", status="merged")
    with pytest.raises(ValidationError, match="successor"):
        Entity(id="a", name="A", country="DE", successor="b")


def test_owner_share_range() -> None:
    with pytest.raises(ValidationError):
        Entity(id="a", name="A", country="DE", owners=[{"owner": "b", "share": 150}])


def test_entities_are_frozen_and_schema_exports() -> None:
    e = Entity(id="a", name="A", country="DE")
    with pytest.raises(ValidationError):
        e.name = "B"  # type: ignore[misc]
    schema = Entity.model_json_schema()
    assert "country" in schema["properties"]
    assert "former_names" in schema["properties"]


def test_all_names_deduplicates() -> None:
    e = Entity(
        id="a",
        name="A",
        country="DE",
        aliases=("B", "B"),
        weak_aliases=("A",),
        former_names=[{"name": "C", "until": 2000}],
    )
    assert e.all_names() == ["A", "B", "C"]


def test_matches_built_on_the_hot_path_are_valid_models() -> None:
    import defnames
    from defnames import Match

    for mention in ("Lockheed Martin", "Belgian Thales", "Lockheed Martian", "Harris Corporation"):
        m = defnames.resolve(mention)
        assert m is not None
        again = Match.model_validate(m.model_dump())
        assert again == m
        assert m.model_dump_json()


def test_records_are_plain_classes_that_behave_as_the_models() -> None:
    """Records are not pydantic models (resolving needs no pydantic), but validate, dump,
    copy, pickle and nest in pydantic models as the pydantic models of the same names do."""
    import pickle

    from pydantic import BaseModel

    from defnames import _models_schema as schema

    e = Entity(id="a", name="A", country="de", owners=[{"owner": "b", "share": 50}], identifiers={"x": 1})
    assert not isinstance(e, BaseModel)
    twin = schema.Entity(id="a", name="A", country="de", owners=[{"owner": "b", "share": 50}], identifiers={"x": 1})
    assert repr(e) == repr(twin) and str(e) == str(twin)
    assert e.model_dump(mode="json", exclude_defaults=True) == twin.model_dump(mode="json", exclude_defaults=True)
    assert e.model_fields_set == twin.model_fields_set
    assert Entity.model_json_schema() == schema.Entity.model_json_schema()
    assert pickle.loads(pickle.dumps(e)) == e
    assert e.model_copy(update={"name": "B"}).name == "B" and e.name == "A"
    assert Entity.model_validate(e.model_dump()) == e
    with pytest.raises(ValidationError, match="frozen"):
        e.owners[0].share = 1  # type: ignore[misc]

    class Box(BaseModel):
        entity: Entity

    box = Box(entity={"id": "c", "name": "C", "country": "FR"})
    assert isinstance(box.entity, Entity) and box.entity.country == "FR"
    assert Box(entity=e).entity is e
    assert Box.model_validate_json(box.model_dump_json()) == box
    with pytest.raises(ValidationError, match="country"):
        Box(entity={"id": "c", "name": "C", "country": "XX"})
