"""``python -m importers jp-meti-eul``: METI's End User List -> ``reference/imported/jp-meti-eul.yml``."""

from __future__ import annotations

from pathlib import Path

from ..listkit.pipeline import Spec
from .records import read

XLSX = "20250929_4.xlsx"
SPEC = Spec(
    source_id="jp-meti-eul",
    files=(XLSX,),
    read=read,
    filter_file=Path(__file__).with_name("defense_filter.yml"),
    uid_key="jp_meti_eul",
    list_name="Japan's METI End User List",
    list_url=f"https://www.meti.go.jp/policy/anpo/{XLSX}",
)
SPECS = {SPEC.source_id: SPEC}
