"""``python -m importers au-dfat``: Australia's DFAT consolidated list -> ``reference/imported/au-dfat.yml``."""

from __future__ import annotations

from pathlib import Path

from ..listkit.pipeline import Spec
from .records import read

XLSX = "regulation8_consolidated.xlsx"
SPEC = Spec(
    source_id="au-dfat",
    files=(XLSX,),
    read=read,
    filter_file=Path(__file__).with_name("defense_filter.yml"),
    uid_key="au_dfat_ref",
    list_name="Australia's DFAT consolidated list",
    list_url=f"https://www.dfat.gov.au/sites/default/files/{XLSX}",
)
SPECS = {SPEC.source_id: SPEC}
