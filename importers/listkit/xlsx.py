"""A minimal reader of .xlsx workbooks (standard library only): sheet names and cell text.

Only what list files need: shared and inline strings, numbers as written; phonetic guides
(``rPh``, the furigana Japanese workbooks carry) are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree as ET

_M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_COL = re.compile(r"[A-Z]+")


def _text(node: ET.Element) -> str:
    """The text of a string item: its own <t> and its runs' <t>, never phonetic runs."""
    parts = [t.text or "" for t in node.findall(f"{_M}t")]
    parts += [t.text or "" for t in node.findall(f"{_M}r/{_M}t")]
    return "".join(parts)


class Workbook:
    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        names = self.zip.namelist()
        self.shared = (
            [_text(si) for si in ET.fromstring(self.zip.read("xl/sharedStrings.xml")).findall(f"{_M}si")]
            if "xl/sharedStrings.xml" in names
            else []
        )
        rels = ET.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target", "") for r in rels.findall(f"{_PKG}Relationship")}
        book = ET.fromstring(self.zip.read("xl/workbook.xml"))
        self.sheets: dict[str, str] = {}
        for s in book.iter(f"{_M}sheet"):
            t = target[s.get(f"{_R}id")].lstrip("/")
            self.sheets[s.get("name", "")] = t if t.startswith("xl/") else f"xl/{t}"

    def rows(self, sheet: str) -> list[dict[str, str]]:
        """The sheet's rows in order, each a mapping column letter -> cell text."""
        root = ET.fromstring(self.zip.read(self.sheets[sheet]))
        out = []
        for row in root.iter(f"{_M}row"):
            cells = {}
            for c in row.findall(f"{_M}c"):
                m = _COL.match(c.get("r", ""))
                if not m:
                    continue
                v = c.find(f"{_M}v")
                kind = c.get("t")
                if kind == "s" and v is not None and v.text is not None:
                    val = self.shared[int(v.text)]
                elif kind == "inlineStr":
                    is_ = c.find(f"{_M}is")
                    val = _text(is_) if is_ is not None else ""
                else:
                    val = v.text if v is not None and v.text is not None else ""
                cells[m.group(0)] = val
            out.append(cells)
        return out
