"""Behaviour of the matcher on the tiny fictional registry."""

from __future__ import annotations

import pytest

from defnames import InputError, Registry


def _id(reg: Registry, mention: str, **kw: object) -> str | None:
    m = reg.resolve(mention, **kw)  # type: ignore[arg-type]
    return m.entity.id if m else None


@pytest.mark.parametrize(
    ("mention", "expected", "method"),
    [
        ("Acme Defence", "acme-defence", "exact"),
        ("ACME DEFENCE PLC", "acme-defence", "exact"),
        ("Acme Defense", "acme-defence", "exact"),
        ("ADX", "acme-defence", "alias"),
        ("Acme Ordnance", "acme-defence", "former_name"),
        ("Zbrojovka Cesky Les", "zbrojovka-cesky-les", "exact"),
        ("Збройовка", "zbrojovka-cesky-les", "alias"),
        ("Union Land Systems N.V.", "union-land-systems", "exact"),
        ("Kestrel Dyna mics", "kestrel-dynamics", "compact"),
    ],
)
def test_names(mini: Registry, mention: str, expected: str, method: str) -> None:
    m = mini.resolve(mention)
    assert m is not None and m.entity.id == expected and m.method == method


def test_former_name_carries_its_year(mini: Registry) -> None:
    m = mini.resolve("Vexin Systems")
    assert m is not None and m.entity.id == "uls-france" and m.former_until == 2024


def test_merged_entity_resolves_to_itself_and_names_its_successor(mini: Registry) -> None:
    m = mini.resolve("Harrow Electronics Corp.")
    assert m is not None and m.entity.id == "harrow-electronics" and m.successor == "acme-defence"
    assert mini.resolve("Acme Defence").successor is None  # type: ignore[union-attr]


def test_demonym_picks_the_subsidiary_in_that_country(mini: Registry) -> None:
    m = mini.resolve("the Belgian Acme Defence")
    assert m is not None and m.entity.id == "acme-defence-belgium"
    assert m.method == "subsidiary_by_country"
    assert mini.resolve("Acme Defence").entity.id == "acme-defence"  # type: ignore[union-attr]


def test_country_argument(mini: Registry) -> None:
    assert _id(mini, "Acme Defence", country="BE") == "acme-defence-belgium"
    assert _id(mini, "Acme Defence", country="Belgium") == "acme-defence-belgium"
    with pytest.raises(InputError, match="unknown country"):
        mini.resolve("Acme Defence", country="Atlantis")


def test_descriptors_and_places_are_explained(mini: Registry) -> None:
    m = mini.resolve("Farnborough-based defence contractor Acme Defence")
    assert m is not None and m.entity.id == "acme-defence"
    assert m.explanation is not None
    dropped = dict(m.explanation.dropped)
    assert dropped["farnborough"].startswith("place")


def test_joint_venture_described_by_its_parts(mini: Registry) -> None:
    m = mini.resolve("ULS – the union of the German KMX and the French Vexin")
    assert m is not None and m.entity.id == "union-land-systems" and m.method == "parts"


def test_unexplained_words_prevent_a_match(mini: Registry) -> None:
    assert mini.resolve("Acme Defence Pharmacy Lane") is None
    assert mini.resolve("Kestrel Bakery") is None


def test_typos(mini: Registry) -> None:
    assert _id(mini, "Acme Defnce") == "acme-defence"
    assert _id(mini, "Kestrell Dynamics") == "kestrel-dynamics"
    m = mini.resolve("Acme Defnce")
    assert m is not None and m.method == "fuzzy" and 85 <= m.score < 100


def test_generic_words_alone_never_match(mini: Registry) -> None:
    assert mini.resolve("Defence Systems") is None
    assert mini.resolve("Land Systems") is None


def test_shared_name_needs_evidence(mini: Registry) -> None:
    assert mini.resolve("Mercury") is None  # two plants, nothing to choose by
    names = {m.entity.id for m in mini.candidates("Mercury")}
    assert names == {"mercury-works", "mercury-plant"}
    assert _id(mini, "the Bulgarian Mercury") == "mercury-works"
    assert _id(mini, "Mercury", context="Mercury in Gabrovo expanded artillery shell output") == "mercury-works"


def test_weak_names_need_a_defense_context(mini: Registry) -> None:
    assert _id(mini, "Mercury Works") == "mercury-works"
    ctx = "Mercury is the closest planet to the Sun"
    assert mini.resolve("Mercury", context=ctx) is None
    assert _id(mini, "the Bulgarian Mercury", context=ctx) == "mercury-works"


def test_two_letter_acronyms_are_weak(mini: Registry) -> None:
    assert _id(mini, "KD") == "kestrel-dynamics"
    assert mini.resolve("KD", context="KD is short for knock-down in boxing") is None
    assert _id(mini, "KD", context="KD won a Navy contract for missile radars") == "kestrel-dynamics"


@pytest.mark.parametrize("bad", ["", "   ", "\n\t", "!!!", "of the", "GmbH"])
def test_empty_and_noise(mini: Registry, bad: str) -> None:
    assert mini.resolve(bad) is None


def test_non_string_input_is_a_clear_error(mini: Registry) -> None:
    with pytest.raises(InputError):
        mini.resolve(None)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        mini.resolve("Acme", context=5)  # type: ignore[arg-type]


def test_threshold_and_margin_are_parameters(mini: Registry) -> None:
    assert mini.resolve("Acme Defnce", threshold=99) is None
    assert mini.resolve("Acme Defnce", threshold=50) is not None


def test_candidates_are_ranked_and_limited(mini: Registry) -> None:
    found = mini.candidates("Acme Defence", limit=2)
    assert 1 <= len(found) <= 2
    assert found[0].entity.id == "acme-defence"
    assert found == sorted(found, key=lambda m: -m.score)
    assert mini.candidates("Acme Defence", limit=0) == []


def test_explanations(mini: Registry) -> None:
    m = mini.resolve("Acme Defence plc")
    assert m is not None and m.explanation is not None
    assert ("plc", "legal form") in m.explanation.dropped
    assert m.explanation.mention_key == "acme defence"


def test_records_put_the_name_first(mini: Registry) -> None:
    assert _id(mini, "Kestrel Dynamics Inc., Arlington, Virginia") == "kestrel-dynamics"
    assert _id(mini, "KESTREL DYNAMICS, INC. - FEDERAL") == "kestrel-dynamics"
    # after a distinctive name the rest of a record is metadata and costs little;
    # after a weak one it must be explained
    m = mini.resolve("Kestrel Dynamics, 28 Vostochnoe Shosse")
    assert m is not None and m.entity.id == "kestrel-dynamics" and m.score < 98
    assert mini.resolve("Mercury, Freddie") is None


def test_words_before_a_name_cost_little_words_after_a_lot(mini: Registry) -> None:
    m = mini.resolve("the well regarded British firm Acme Defence")
    assert m is not None and m.entity.id == "acme-defence" and m.score < 100
    assert mini.resolve("Acme Defence Bakery") is None
    assert mini.resolve("Jane Acme Defence") is None  # a capitalised word run on into the name


def test_a_subsidiary_named_through_its_owner(mini: Registry) -> None:
    assert _id(mini, "Union Land Systems subsidiary ULS France") == "uls-france"
    assert _id(mini, "ULS – the union of KMX and Vexin") == "union-land-systems"


def test_inflected_and_transposed_words(mini: Registry) -> None:
    assert _id(mini, "Zbrojovky Českého Lesa") == "zbrojovka-cesky-les"
    assert _id(mini, "Kestrel Dyanmics") == "kestrel-dynamics"


def test_listing_terms_and_share_classes(mini: Registry) -> None:
    assert _id(mini, "ACME DEFENCE PLC ORD 5P") == "acme-defence"
    assert _id(mini, "NORDHAVN MUNITIONS AS-B") == "nordhavn-munitions"


def test_tickers_with_their_exchange(mini: Registry) -> None:
    assert _id(mini, "ACD LN") == "acme-defence"
    assert _id(mini, "ACD LN Equity") == "acme-defence"
    assert _id(mini, "LSE:ACD") == "acme-defence"
    assert _id(mini, "ACD.L") == "acme-defence"
    assert _id(mini, "ACD US") is None  # listed in London, not New York
    m = mini.resolve("ACD LN")
    assert m is not None and m.method == "ticker"
