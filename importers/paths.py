"""Where the importers read and write: the project's folders, or others (tests)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Layout:
    """The folders an import run uses.

    ``reference`` holds the hand registry (``entities/``, ``shared_names/``, ``lexicon/``);
    ``imported`` the manifest, the raw copies (``raw/<source>/``) and the generated layers.
    """

    reference: Path = ROOT / "reference"
    imported: Path = ROOT / "reference" / "imported"

    @property
    def manifest(self) -> Path:
        return self.imported / "MANIFEST.yml"

    @property
    def raw(self) -> Path:
        return self.imported / "raw"

    @property
    def lexicon(self) -> Path:
        return self.reference / "lexicon"

    def layer(self, source_id: str) -> Path:
        return self.imported / f"{source_id}.yml"

    def review(self, source_id: str) -> Path:
        return self.imported / f"{source_id}.review.md"

    def ids(self, source_id: str) -> Path:
        return self.imported / f"{source_id}.ids.yml"


DEFAULT = Layout()
