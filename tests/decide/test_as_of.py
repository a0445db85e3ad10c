"""``as_of``: a mention read as a document of that year would, on the fictional registry."""

from __future__ import annotations

import io

import pytest

from defnames import InputError, Registry
from defnames.cli import main


def test_a_company_that_still_existed_that_year_is_itself(mini: Registry) -> None:
    m = mini.resolve("Harrow Electronics Corp.", as_of=2010)
    assert m is not None and m.entity.id == "harrow-electronics" and m.successor == "acme-defence"


def test_a_company_absorbed_by_then_is_read_as_its_successor(mini: Registry) -> None:
    m = mini.resolve("Harrow Electronics Corp.", as_of=2020)
    assert m is not None and m.entity.id == "acme-defence"
    assert any("was part of" in n for n in m.explanation.notes)  # type: ignore[union-attr]


def test_the_year_the_company_ended_is_still_its_own(mini: Registry) -> None:
    m = mini.resolve("Harrow Electronics Corp.", as_of=2015)
    assert m is not None and m.entity.id == "harrow-electronics"


def test_a_former_name_still_in_use_that_year_is_a_current_name(mini: Registry) -> None:
    now = mini.resolve("Vexin Systems")
    then = mini.resolve("Vexin Systems", as_of=2020)
    later = mini.resolve("Vexin Systems", as_of=2025)
    assert now is not None and now.method == "former_name"
    assert then is not None and then.entity.id == now.entity.id and then.method == "exact"
    assert later is not None and later.method == "former_name"


@pytest.mark.parametrize("bad", [1066, 3000, "2010", True, 2010.5])
def test_as_of_must_be_a_year(mini: Registry, bad: object) -> None:
    with pytest.raises(InputError):
        mini.resolve("Acme Defence", as_of=bad)  # type: ignore[arg-type]


def test_the_cli_flag() -> None:
    out = io.StringIO()
    assert main(["lookup", "--as-of", "2012", "--json", "Acme"], stdout=out, stderr=io.StringIO()) in (0, 1)
    err = io.StringIO()
    assert main(["lookup", "--as-of", "soon", "Acme"], stdout=io.StringIO(), stderr=err) == 2
    assert "as-of" in err.getvalue()


def test_a_parent_taken_later_is_noted(mini: Registry) -> None:
    sub = next((e for e in mini.entities if e.parent), None)
    assert sub is not None
    from defnames._candidates.candidate import Candidate
    from defnames._decide.rank import as_of_year
    from defnames._index.names import NameEntry
    from defnames.models import Method, NameKind

    late = sub.model_copy(update={"parent_since": 2020})
    store = type(mini.store)([late if e.id == sub.id else e for e in mini.entities])
    c = Candidate(NameEntry(sub.id, sub.name, sub.name.lower(), NameKind.name), 100.0, Method.exact)
    assert any("not yet under" in why for why, _ in as_of_year(store, c, 2010).parts)
    assert not any("not yet under" in why for why, _ in as_of_year(store, c, 2021).parts)
