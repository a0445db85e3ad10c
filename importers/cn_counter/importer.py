"""``python -m importers cn-countermeasures``: China's countermeasure lists (MOFCOM's export
control list and unreliable entity list, the MFA's countermeasure decisions) ->
``reference/imported/cn-countermeasures.yml``."""

from __future__ import annotations

from pathlib import Path

from ..listkit.pipeline import Spec
from .records import read

FILES = (
    "anti-sanction-list-20221223.md",
    "anti-sanction-list-20230407.md",
    "anti-sanction-list-20230413.md",
    "anti-sanction-list-20240411.md",
    "anti-sanction-list-20240521.md",
    "anti-sanction-list-20240522.md",
    "anti-sanction-list-20240621.md",
    "anti-sanction-list-20240712.md",
    "anti-sanction-list-20240731.md",
    "anti-sanction-list-20240918.md",
    "anti-sanction-list-20241010.md",
    "anti-sanction-list-20241205.md",
    "anti-sanction-list-20241221.md",
    "anti-sanction-list-20241227.md",
    "anti-sanction-list-20250908.md",
    "anti-sanction-list-20251215.md",
    "anti-sanction-list-20251226.md",
    "import-export-control-list-202501.md",
    "import-export-control-list-202513.md",
    "import-export-control-list-202521.md",
    "import-export-control-list-202522.md",
    "import-export-control-list-202535.md",
    "import-export-control-list-202551.md",
    "import-export-control-list-202611.md",
    "unreliable-entity-list-202301.md",
    "unreliable-entity-list-202401.md",
    "unreliable-entity-list-202402.md",
    "unreliable-entity-list-202403.md",
    "unreliable-entity-list-202501.md",
    "unreliable-entity-list-202502.md",
    "unreliable-entity-list-202503.md",
    "unreliable-entity-list-202504.md",
    "unreliable-entity-list-202505.md",
    "unreliable-entity-list-202506.md",
    "unreliable-entity-list-202507.md",
    "unreliable-entity-list-202508.md",
    "unreliable-entity-list-202509.md",
    "unreliable-entity-list-202510.md",
)
SPEC = Spec(
    source_id="cn-countermeasures",
    files=FILES,
    read=read,
    filter_file=Path(__file__).with_name("defense_filter.yml"),
    uid_key="cn_countermeasures",
    list_name="China's countermeasure lists (export control list, unreliable entity list, MFA countermeasures)",
    list_url="https://www.mofcom.gov.cn/zwgk/zcfb/",
)
SPECS = {SPEC.source_id: SPEC}
