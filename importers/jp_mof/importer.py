"""``python -m importers jp-mof``: Japan's MOF asset-freeze list -> ``reference/imported/jp-mof.yml``."""

from __future__ import annotations

from pathlib import Path

from ..listkit.names import japanese_without_form
from ..listkit.pipeline import Spec
from .records import read

XLSX = "shisantouketsu20260305.xlsx"
SPEC = Spec(
    source_id="jp-mof",
    files=(XLSX,),
    read=read,
    filter_file=Path(__file__).with_name("defense_filter.yml"),
    uid_key="jp_mof",
    list_name="Japan's Ministry of Finance asset-freeze list",
    list_url=f"https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/{XLSX}",
    variants=japanese_without_form,
)
SPECS = {SPEC.source_id: SPEC}
