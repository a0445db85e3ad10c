from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from importers import manifest
from importers.paths import ROOT, Layout

FIXTURES = Path(__file__).parent / "fixtures"


def make_layout(tmp_path: Path) -> Layout:
    """A scratch project: the fixture hand registry with the real lexicon, and an empty
    imported/ folder whose manifest pins the fixture OFAC files."""
    ref = tmp_path / "reference"
    shutil.copytree(FIXTURES / "reference", ref)
    shutil.copytree(ROOT / "reference" / "lexicon", ref / "lexicon")
    imported = tmp_path / "imported"
    layout = Layout(reference=ref, imported=imported)
    shutil.copytree(FIXTURES / "ofac", layout.raw / "ofac-sdn")
    pins = {
        "sources": {
            "ofac-sdn": {
                "title": "OFAC SDN (test fixture)",
                "list_date": "2024-05-03",
                "url": "https://example.org/sdn",
                "files": [],
            }
        }
    }
    manifest.read_inputs(pins, "ofac-sdn", ["sdn.csv", "alt.csv", "add.csv"], update_pin=True, layout=layout)
    manifest.save(pins, layout)
    return layout


@pytest.fixture()
def layout(tmp_path: Path) -> Layout:
    return make_layout(tmp_path)
