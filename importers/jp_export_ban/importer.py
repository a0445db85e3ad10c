"""``python -m importers jp-export-ban``: Japan's export-ban lists (Russia, Belarus, other
countries) -> ``reference/imported/jp-export-ban.yml``. Reading the PDFs needs ``pypdf``."""

from __future__ import annotations

from pathlib import Path

from ..listkit.names import japanese_without_form
from ..listkit.pipeline import Spec
from .records import LISTS, read

SPEC = Spec(
    source_id="jp-export-ban",
    files=tuple(LISTS),
    read=read,
    filter_file=Path(__file__).with_name("defense_filter.yml"),
    uid_key="jp_export_ban",
    list_name="Japan's export-ban list (METI, notices of the Minister for Foreign Affairs)",
    list_url="https://www.meti.go.jp/policy/external_economy/trade_control/02_export/17_russia/list_russia_tokutei.pdf",
    variants=japanese_without_form,
)
SPECS = {SPEC.source_id: SPEC}
