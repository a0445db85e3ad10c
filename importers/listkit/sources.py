"""The flat-list sources the CLI offers: source id -> (pipeline module, Spec)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from . import pipeline


def sources() -> dict[str, tuple[ModuleType, Any]]:
    from ..au_dfat import importer as au_dfat
    from ..cn_counter import importer as cn_counter
    from ..jp_export_ban import importer as jp_export_ban
    from ..jp_meti_eul import importer as jp_meti_eul
    from ..jp_mof import importer as jp_mof
    from ..uk_ofsi import importer as uk_ofsi
    from ..us_bis import importer as us_bis

    out: dict[str, tuple[ModuleType, Any]] = {}
    for module in (jp_mof, jp_export_ban, uk_ofsi, au_dfat, jp_meti_eul, us_bis, cn_counter):
        for sid, spec in module.SPECS.items():
            out[sid] = (pipeline, spec)
    return out
