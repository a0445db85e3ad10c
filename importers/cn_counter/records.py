"""China's countermeasure announcements (the text of each announcement as published) read into
records.

Three kinds of announcement, one file each (``<kind>-<date or number>.md``):

- ``import-export-control-list``: MOFCOM announcements adding foreign entities to the export
  control *control list* (出口管制管控名单), an annex of numbered lines
  ``1. 莱多斯公司（Leidos）``;
- ``unreliable-entity-list``: decisions of the Unreliable Entity List working mechanism
  (不可靠实体清单), the entities named in the text ``美国通用原子航空系统公司（General Atomics
  Aeronautical Systems）``;
- ``anti-sanction-list``: MFA decisions under the Anti-Foreign Sanctions Law, an annex
  (反制清单) ``（一）特励达·布朗工程公司（Teledyne Brown Engineering, Inc.）``, companies and
  executives.

Every ``中文（English）`` pair whose Chinese part ends in an organization word (公司, 集团,
株式会社, 研究所, ...) is an entry; a pair followed by ``，男`` / ``，女`` is a person and left
out. The uid is the country code and a slug of the English name (``US:shield-ai-inc``); an
entity named in several announcements is one record with every section. Sections: the kind
(``CN-EXPORT-CONTROL``, ``CN-UEL``, ``CN-COUNTERMEASURE``) and ``CN-MILITARY`` when the
announcement gives a military reason (军工 military industry, 军售 arms sales, 军事 military).
"""

from __future__ import annotations

import re

from ..ids import slug
from ..listkit.names import with_abbreviation
from ..listkit.record import Record, clean
from ..us_bis.records import _key, merge_repeats

KINDS = {
    "import-export-control-list": "CN-EXPORT-CONTROL",
    "unreliable-entity-list": "CN-UEL",
    "anti-sanction-list": "CN-COUNTERMEASURE",
}
COUNTRIES = {"美国": "US", "日本": "JP", "台湾": "TW", "加拿大": "CA"}
_PAIR = re.compile(
    r"(?P<zh>[^\s（）()，,、。：:；;“”]{2,60}?)[（(](?P<en>[A-Za-z0-9][^（）()]*?)[）)](?P<after>，[男女])?"
)
_ORG_END = re.compile(
    r"(公司|集团|株式会社|研究所|研究院|中心|机构|大学|学院|图书馆|基金会|委员会|组织|实验室|系统|部门|厂|协会|联盟)$"
)
_CUT = re.compile(r"^(?:.*(?:的|将|对))?[\d.．]*")
_MILITARY = re.compile(r"军工|军售|军事")


def _country(zh: str, default: str | None) -> str | None:
    """'美国通用原子航空系统公司' -> 'US'; a name without a country word has the announcement's."""
    return next((code for word, code in COUNTRIES.items() if zh.startswith(word)), default)


def _default_country(text: str) -> str | None:
    """The country the announcement names its entities by ('将20家日本实体'), else the US when
    the text names it anywhere (Taiwan, named for arms sales to it, is not the entities')."""
    if m := re.search(r"\d+家(美国|日本|台湾地区|加拿大)", text):
        return COUNTRIES[m.group(1).removesuffix("地区")]
    return next((code for word, code in COUNTRIES.items() if word in text and code != "TW"), None)


def read_announcement(name: str, text: str) -> list[Record]:
    kind = KINDS[name.rsplit("-", 1)[0]]
    sections = (kind, "CN-MILITARY") if _MILITARY.search(text) else (kind,)
    default = _default_country(text)
    date = m.group(0) if (m := re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)) else ""
    out = []
    for m in _PAIR.finditer(text):
        zh = _CUT.sub("", clean(m.group("zh")))
        en = clean(m.group("en"))
        if m.group("after") or not _ORG_END.search(zh) or not re.search(r"[A-Za-z]{2}", en):
            continue
        country = _country(zh, default)
        names = [("primary", n) for n in with_abbreviation(en)] + [("aka", zh)]
        out.append(
            Record(
                uid=f"{country or 'XX'}:{slug(names[0][1])}",
                names=list(dict.fromkeys(names)),
                country=country,
                programs=sections,
                listed_on=date,
            )
        )
    return out


def read(files: dict[str, bytes]) -> list[Record]:
    """Every announcement, in file-name order; repeated entities merged."""
    records = [r for name in sorted(files) for r in read_announcement(name.removesuffix(".md"), files[name].decode())]
    known = {_key(n): r.country for r in records if r.country for n in r.all_names()}
    for r in records:  # an announcement that names no country: the one another gives the entity
        if r.country is None and (country := next((known[k] for n in r.all_names() if (k := _key(n)) in known), None)):
            r.country, r.uid = country, f"{country}:{r.uid.split(':', 1)[1]}"
    return merge_repeats(records, latin_only=True)
