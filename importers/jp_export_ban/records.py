"""METI's consolidated PDFs of the export-ban lists read into records.

Japan bans exports to the entities the Minister for Foreign Affairs designates by notice
(外務省告示): one list for Russia (``list_russia_tokutei.pdf``), one for Belarus
(``list_belarus_tokutei.pdf``) and one for other countries (``list_daisangoku_tokutei.pdf``).
METI publishes each as a PDF: a title with the notice number and dates, then numbered
entries, each a Japanese name (other names in ``（別称、Ａ、Ｂ及びＣ）``), the English name
(``X, a.k.a., the following two aliases:`` then one ``-alias;`` per line) and ``所在地：``
the address. The text is taken out with ``pypdf`` (:func:`pdf_text`); :func:`parse` reads
that text, so the tests run on a text fixture.

The uid is the list code and the entry number (``RU:44``): the consolidated lists number
entries once and keep the numbers when entries are added.
"""

from __future__ import annotations

import re
import unicodedata

from ..listkit.countries import country_of
from ..listkit.names import with_abbreviation
from ..listkit.record import Record, clean

LISTS = {  # file -> (list code, default country)
    "list_russia_tokutei.pdf": ("RU", "RU"),
    "list_belarus_tokutei.pdf": ("BY", "BY"),
    "list_daisangoku_tokutei.pdf": ("OTHER", None),
}
PAGE = "\f"
_ENTRY = re.compile(r"^(\d{1,4})\s+(\S.*)$")
_WIDE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
_ADDRESS = re.compile(r"^所在(地)?\s*[:：]\s*")
_AKA = re.compile(r",?\s*\ba\.\s?k\.\s?a\.?,?", re.I)
_OTHER_BLOCK = re.compile(r"^(別称|旧称)\s*[:：]\s*")
_OTHER = re.compile(r"\((別称|旧称)[、:]?\s*(.*)\)$")


def pdf_text(data: bytes) -> str:
    """The text of a PDF, pages joined by form feeds (needs ``pypdf``)."""
    import io

    from pypdf import PdfReader

    return PAGE.join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        glue = "" if out and _WIDE.search(out[-1]) and _WIDE.search(p[0]) else " "
        out = f"{out}{glue}{p}" if out else p
    return out


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """(entry number, its lines) for each entry, in list order."""
    blocks: list[tuple[int, list[str]]] = []
    last = 0
    for raw in text.replace(PAGE, "\n").splitlines():
        line = unicodedata.normalize("NFKC", raw).strip()
        m = _ENTRY.match(line)
        if m and not _ADDRESS.match(m.group(2)):
            n = int(m.group(1))
            starts_name = bool(_WIDE.search(m.group(2)[:12]))
            if n == last + 1 or (last < n <= last + 5 and starts_name):
                blocks.append((n, [m.group(2)]))
                last = n
                continue
        if blocks:
            blocks[-1][1].append(line)
    return blocks


def _japanese(parts: list[str]) -> list[tuple[str, str]]:
    text = _join(parts)
    m = _OTHER.search(text)
    out: list[tuple[str, str]] = []
    if m:
        head = clean(text[: m.start()])
        kind = "fka" if m.group(1) == "旧称" else "aka"
        out += [("primary", x) for x in with_abbreviation(head)]
        out += [(kind, clean(p)) for p in re.split(r"、|及び|;", m.group(2)) if clean(p)]
    else:
        out += [("primary", x) for x in with_abbreviation(clean(text))]
    return out


def _english(lines: list[str]) -> list[tuple[str, str]]:
    main: list[str] = []
    items: list[str] = []
    in_aliases = False
    for line in lines:
        if in_aliases:
            if line.startswith("-"):
                items.append(line[1:])
            elif items:
                items[-1] = f"{items[-1]} {line}"
            continue  # the rest of 'the following two aliases:' before the first item
        m = _AKA.search(line)
        if m:
            main.append(line[: m.start()])
            in_aliases = True
        else:
            main.append(line)
    out = [("primary", x) for x in with_abbreviation(clean(" ".join(main)))] if clean(" ".join(main)) else []
    for it in items:
        it = re.sub(r"(;\s*and|;|\.|,\s*and)\s*$", "", it.strip())
        if clean(it):
            out += [("aka", x) for x in with_abbreviation(clean(it))]
    return out


# Groups the lists write in front of a member's name ("Tactical Missile Corporation, Raduga
# Design Bureau"): English pattern (the member's name in group 'm'), the group's name, and the
# Japanese prefix. The member's name becomes the primary name, the whole string an alias,
# and the group a parent candidate in the review.
GROUPS = (
    (
        re.compile(r"^Tactical Missiles? Corporation,?\s+(?P<m>.+)$"),
        "Tactical Missiles Corporation",
        re.compile(r"^戦術ミサイル兵器コーポレーション\s*[、・]\s*"),
    ),
    (
        re.compile(r"^Concern Radio-Electronic Technologies,\s+(?P<m>.+)$"),
        "Concern Radio-Electronic Technologies",
        re.compile(r"^コンツェルン無線・電子テクノロジー\s*、\s*"),
    ),
    (
        re.compile(r"^United Shipbuilding Corporation\s+(?:JSC\s+)?(?P<m>.+)$"),
        "United Shipbuilding Corporation",
        re.compile(r"^株式会社統一造船会社\s*"),
    ),
    (
        re.compile(r"^Branch of (?:RSK MiG|PAO IL|AO Company Sukhoi)\s*[–-]?\s*(?P<m>.+)$"),
        None,
        re.compile(r"^[^、]*支部\s*、\s*"),
    ),
    (re.compile(r"^(?P<m>.+?)\s*[–,]\s*[Bb]ranch of RSK MiG$"), "RSK MiG", re.compile(r"^RSK MiG\s*支部\s*、\s*")),
    (
        re.compile(r"^Ilyushin Aviation Complex Branch:\s*(?P<m>.+)$"),
        "Ilyushin Aviation Complex",
        re.compile(r"^イリューシン名称航空コンプレックス支部\s*、\s*"),
    ),
)
_FORMS_ONLY = {"JSC", "PJSC", "OJSC", "CJSC", "AO", "PAO", "OAO", "ZAO", "LLC", "OOO", "JOINT STOCK COMPANY"}
_BRANCH_OF = re.compile(r"^Branch of (RSK MiG|PAO IL|AO Company Sukhoi)")


def _split_group(names: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], str | None]:
    """Member names first, the listed 'Group, Member' strings kept as aliases."""
    primaries = [n for k, n in names if k == "primary"]
    for pattern, group, ja_prefix in GROUPS:
        m = next((pattern.match(n) for n in primaries if pattern.match(n)), None)
        if not m or clean(m.group("m")).upper() in _FORMS_ONLY:
            continue
        whole = m.group(0)
        branch = _BRANCH_OF.match(whole)
        parent = group or (branch.group(1) if branch else None)
        out: list[tuple[str, str]] = []
        extra: list[tuple[str, str]] = []
        for k, n in names:
            if k == "primary" and n == whole:
                out.append(("primary", clean(m.group("m"))))
                extra.append(("aka", n))
            elif k == "primary" and ja_prefix.match(n):
                out.append(("primary", clean(ja_prefix.sub("", n))))
                extra.append(("aka", n))
            else:
                out.append((k, n))
        return out + extra, parent
    return names, None


def parse(text: str, code: str, default: str | None) -> list[Record]:
    out = []
    for number, lines in _blocks(text):
        ja: list[str] = []
        en: list[str] = []
        address: list[str] = []
        other: list[str] = []  # a '別称：A; B' block (newer entries), then its English line
        other_kind = "aka"
        stage = "ja"
        for line in lines:
            if not line:
                if stage == "address":
                    break
                continue
            m = _OTHER_BLOCK.match(line)
            if m and stage != "address":
                stage, other_kind = "other", "fka" if m.group(1) == "旧称" else "aka"
                other.append(line[m.end() :])
                continue
            if _ADDRESS.match(line):
                stage = "address"
                address.append(_ADDRESS.sub("", line))
                continue
            if stage == "address":
                address.append(line)
            elif stage == "other":
                other.append(line)
            elif stage == "ja" and (not ja or _WIDE.search(line) or _join(ja).count("(") > _join(ja).count(")")):
                ja.append(line)
            else:
                stage = "en"
                en.append(line)
        eng, jap = _english(en), _japanese(ja)
        names = (
            [n for n in eng if n[0] == "primary"]
            + [n for n in jap if n[0] == "primary"]
            + [n for n in eng if n[0] != "primary"]
            + [n for n in jap if n[0] != "primary"]
            + [(other_kind, clean(p)) for line in other for p in line.split(";") if clean(p)]
        )
        names, parent = _split_group(names)
        out.append(
            Record(
                uid=f"{code}:{number}",
                names=list(dict.fromkeys(names)),
                parent_hint=parent,
                country=country_of(" ".join(address), default),
                programs=(code,),
            )
        )
    return out


def read(files: dict[str, bytes]) -> list[Record]:
    out = []
    for name, data in files.items():
        code, default = LISTS[name]
        out += parse(pdf_text(data), code, default)
    return out


def read_text(files: dict[str, bytes]) -> list[Record]:
    """Like :func:`read`, from the PDFs' text already taken out (``<stem>.txt`` files)."""
    out = []
    for name, data in files.items():
        code, default = LISTS[name.rsplit(".", 1)[0] + ".pdf"]
        out += parse(data.decode("utf-8"), code, default)
    return out
