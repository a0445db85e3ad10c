"""``python -m importers us-bis-el``, ``us-dod-1260h`` and ``us-state-isn``: the US Entity List
with the Military End-User List, the DoD 1260H list and the State Department's nonproliferation
sanctions -> ``reference/imported/<source>.yml``."""

from __future__ import annotations

from pathlib import Path

from ..listkit.pipeline import Spec
from ..listkit.record import Record
from .records import read_list

EL_JSON = "bis_entity_list.json"
MEU_JSON = "bis_meu.json"
DOD_JSON = "dow_1260h.json"
ISN_JSON = "state_nonproliferation.json"
ISN_URL = "https://www.state.gov/bureau-of-arms-control-and-nonproliferation/nonproliferation-sanctions"
ECFR = "https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744"
EL_URL = f"{ECFR}/appendix-Supplement%20No.%204%20to%20Part%20744"
MEU_URL = f"{ECFR}/appendix-Supplement%20No.%207%20to%20Part%20744"
DOD_URL = "https://www.federalregister.gov/d/2026-11571"
FILTER = Path(__file__).with_name("defense_filter.yml")


def read_bis(files: dict[str, bytes]) -> list[Record]:
    """The Entity List (sections ``EL``, ``EL-<EAR section>``) and the MEU List (``MEU``); an
    entity on both keeps one record per list (their uids differ by the ``MEU:`` prefix)."""
    out = read_list(files[EL_JSON], "EL", None)
    for r in read_list(files[MEU_JSON], "MEU", MEU_URL):
        r.uid = f"MEU:{r.uid}"
        out.append(r)
    return out


def read_dod(files: dict[str, bytes]) -> list[Record]:
    return read_list(files[DOD_JSON], "1260H", None)


def read_isn(files: dict[str, bytes]) -> list[Record]:
    return read_list(files[ISN_JSON], "ISN", None)


BIS = Spec(
    source_id="us-bis-el",
    files=(EL_JSON, MEU_JSON),
    read=read_bis,
    filter_file=FILTER,
    uid_key="us_bis_el",
    list_name="the US Entity List and Military End-User List (EAR part 744, supplements 4 and 7)",
    list_url=EL_URL,
)
DOD = Spec(
    source_id="us-dod-1260h",
    files=(DOD_JSON,),
    read=read_dod,
    filter_file=FILTER,
    uid_key="us_dod_1260h",
    list_name="the US DoD list of Chinese military companies (NDAA FY2021 section 1260H)",
    list_url=DOD_URL,
)
ISN = Spec(
    source_id="us-state-isn",
    files=(ISN_JSON,),
    read=read_isn,
    filter_file=FILTER,
    uid_key="us_state_isn",
    list_name="the US State Department's nonproliferation sanctions",
    list_url=ISN_URL,
)
SPECS = {BIS.source_id: BIS, DOD.source_id: DOD, ISN.source_id: ISN}
