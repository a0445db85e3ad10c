"""Scratch layouts for the listkit source tests: the fixture hand registry, the real lexicon,
and a manifest pinning one source's fixture files."""

from __future__ import annotations

import shutil
from pathlib import Path

from importers import manifest
from importers.paths import ROOT, Layout

FIXTURES = Path(__file__).parent / "fixtures"


def listkit_layout(
    tmp_path: Path, source_id: str, fixture_dir: str, files: list[str], list_date: str = "2026-01-01"
) -> Layout:
    ref = tmp_path / "reference"
    shutil.copytree(FIXTURES / "reference", ref)
    shutil.copytree(ROOT / "reference" / "lexicon", ref / "lexicon")
    layout = Layout(reference=ref, imported=tmp_path / "imported")
    folder = layout.raw / source_id
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(FIXTURES / fixture_dir / f, folder / f)
    pins = {
        "sources": {
            source_id: {
                "title": f"{source_id} (test fixture)",
                "list_date": list_date,
                "url": "https://example.org/list",
                "files": [],
            }
        }
    }
    manifest.read_inputs(pins, source_id, files, update_pin=True, layout=layout)
    for f in files:
        (folder / f).unlink()  # keep only the stored .gz copies, as in the repository
    manifest.save(pins, layout)
    return layout
