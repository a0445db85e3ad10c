"""Writes tiny .xlsx workbooks for the importer fixtures (shared strings, one row per list)."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(sheets: dict[str, list[list[str]]]) -> bytes:
    """The bytes of an .xlsx with the given sheets (name -> rows of cell texts), fixed
    timestamps so the same input always gives the same bytes."""
    strings: list[str] = []
    index: dict[str, int] = {}

    def sid(text: str) -> int:
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    files: dict[str, str] = {}
    sheet_entries, rels = [], []
    for n, (name, rows) in enumerate(sheets.items(), start=1):
        xml_rows = []
        for r, row in enumerate(rows, start=1):
            cells = "".join(
                f'<c r="{chr(64 + c)}{r}" t="s"><v>{sid(v)}</v></c>' for c, v in enumerate(row, start=1) if v != ""
            )
            xml_rows.append(f'<row r="{r}">{cells}</row>')
        files[f"xl/worksheets/sheet{n}.xml"] = (
            f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>'
        )
        sheet_entries.append(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>')
    files["xl/workbook.xml"] = (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{"".join(sheet_entries)}</sheets></workbook>'
    )
    files["xl/_rels/workbook.xml.rels"] = f'<Relationships xmlns="{_PKG}">{"".join(rels)}</Relationships>'
    sst = "".join(
        f'<si><t xml:space="preserve">{escape(s)}</t><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>' for s in strings
    )
    files["xl/sharedStrings.xml"] = f'<sst xmlns="{_MAIN}" count="{len(strings)}">{sst}</sst>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, files[path].encode("utf-8"))
    return buf.getvalue()
