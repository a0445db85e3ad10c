from __future__ import annotations

import threading
from pathlib import Path

import pytest

import defnames
from defnames import ReferenceDataError, Registry, UnknownEntityError
from tests.conftest import FIXTURES


def test_get_and_unknown_id(mini: Registry) -> None:
    assert mini.get("acme-defence").name == "Acme Defence"
    with pytest.raises(UnknownEntityError) as info:
        mini.get("nope")
    assert info.value.entity_id == "nope"
    assert isinstance(info.value, LookupError)


def test_tree_helpers(mini: Registry) -> None:
    assert [e.id for e in mini.parent_chain("uls-france")] == ["union-land-systems"]
    assert mini.ultimate_parent("uls-france").id == "union-land-systems"
    assert mini.ultimate_parent("acme-defence").id == "acme-defence"
    assert {e.id for e in mini.subsidiaries("union-land-systems")} == {"uls-deutschland", "uls-france"}
    assert "acme-defence" in mini.ancestors("nordhavn-munitions")
    assert mini.successor_of("harrow-electronics") == "acme-defence"


def test_len_iter_contains(mini: Registry) -> None:
    assert len(mini) == len(list((FIXTURES / "mini_reference" / "entities").glob("*.yml"))) == 22
    assert "acme-defence" in mini
    assert [e.id for e in mini] == sorted(e.id for e in mini.entities)


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p


def test_extend_with_user_files(tmp_path: Path, mini: Registry) -> None:
    _write(tmp_path, "local-supplier.yml", "name: Local Supplier\ncountry: NO\nparent: acme-defence\naliases: [LSX]\n")
    reg = mini.extend(tmp_path)
    assert reg.get("local-supplier").country == "NO"  # 'NO' is Norway, not a YAML boolean
    m = reg.resolve("LSX")
    assert m is not None and m.entity.id == "local-supplier"
    assert "local-supplier" not in mini  # the original is unchanged
    assert reg.version.endswith("+local")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: X\ncountry: DE\nparent: missing-one\n", "parent: unknown entity id 'missing-one'"),
        ("name: X\ncountry: QQ\n", "country"),
        ("name: Acme Defence\ncountry: DE\n", "'acme defence' also belongs to"),
        ("name: X\ncountry: DE\nstatus: merged\n", "successor"),
        ("name: X\ncountry: DE\nowners: [{owner: no-such-owner, share: 10}]\n", "owners: unknown entity id"),
        ("name: [unclosed\n", "invalid YAML"),
    ],
)
def test_validation_names_file_and_field(tmp_path: Path, mini: Registry, text: str, expected: str) -> None:
    f = _write(tmp_path, "bad-one.yml", text)
    with pytest.raises(ReferenceDataError) as info:
        mini.extend(f)
    joined = "\n".join(map(str, info.value.problems))
    assert expected in joined
    assert "bad-one.yml" in joined


def test_parent_cycles_are_errors(tmp_path: Path) -> None:
    _write(tmp_path, "a.yml", "name: A\ncountry: DE\nparent: b\nsources: [https://e.org]\n")
    _write(tmp_path, "b.yml", "name: B\ncountry: DE\nparent: a\nsources: [https://e.org]\n")
    with pytest.raises(ReferenceDataError, match="cycle"):
        Registry.load(tmp_path, include_default=False)


def test_id_must_match_file_name(tmp_path: Path) -> None:
    _write(tmp_path, "a.yml", "id: b\nname: A\ncountry: DE\n")
    with pytest.raises(ReferenceDataError, match="does not match the file name"):
        Registry.load(tmp_path, include_default=False)


def test_missing_path() -> None:
    with pytest.raises(ReferenceDataError, match="no such file"):
        Registry.load("/no/such/place", include_default=False)


def test_declared_shared_names_are_allowed(mini: Registry) -> None:
    assert any(n == "Mercury" for n, _ in mini.shared_names)


def test_packaged_registry_loads_once_thread_safely() -> None:
    seen: list[Registry] = []
    threads = [threading.Thread(target=lambda: seen.append(defnames.registry())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is seen[0] for r in seen)
    assert seen[0].version
