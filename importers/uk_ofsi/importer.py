"""``python -m importers uk-ofsi``: the UK OFSI consolidated list -> ``reference/imported/uk-ofsi.yml``."""

from __future__ import annotations

from pathlib import Path

from ..listkit.pipeline import Spec
from .records import read

XLSX = "ConList.xlsx"
SPEC = Spec(
    source_id="uk-ofsi",
    files=(XLSX,),
    read=read,
    filter_file=Path(__file__).with_name("defense_filter.yml"),
    uid_key="ofsi_group_id",
    list_name="the UK OFSI consolidated list",
    list_url=f"https://ofsistorage.blob.core.windows.net/publishlive/2022format/{XLSX}",
)
SPECS = {SPEC.source_id: SPEC}
