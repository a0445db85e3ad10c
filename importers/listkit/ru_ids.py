"""Registration numbers in a list's free text, under the registry's identifier keys.

For Russian entities: INN / TIN (10 or 12 digits) as ``tax_id_ru``; OGRN / PSRN / SRN (13 or
15 digits, or a bare 13-digit number starting with 1 or 5) as ``registration_ru``; for any
entity an LEI as ``lei``.
"""

from __future__ import annotations

import re

_INN = re.compile(
    r"(?:INN|TIN|Tax ID(?: No\.?)?|Tax Identification Number|Taxpayer[^0-9]{0,40})\D{0,12}?(\d{12}|\d{10})\b", re.I
)
_OGRN = re.compile(r"(?:OGRN|PSRN|SRN|State registration number|Registration Number)\D{0,12}?(\d{13}|\d{15})\b", re.I)
_BARE13 = re.compile(r"(?<![\d-])([15]\d{12})(?!\d)")
_LEI = re.compile(r"Legal Entity Identifier\W{0,5}([A-Z0-9]{20})\b")


def identifiers(reg: str, country: str | None) -> dict[str, str]:
    """The registration numbers in ``reg`` (free text) the registry has keys for.

    >>> identifiers("(1) INN – 7722779734 (2) OGRN – 1127746497328 (3) KPP - 772201001", "RU")
    {'tax_id_ru': '7722779734', 'registration_ru': '1127746497328'}
    """
    out: dict[str, str] = {}
    lei = _LEI.search(reg or "")
    if lei:
        out["lei"] = lei.group(1)
    if country != "RU":
        return out
    inn = _INN.search(reg)
    ogrn = _OGRN.search(reg) or _BARE13.search(reg)
    if inn:
        out["tax_id_ru"] = inn.group(1)
    if ogrn:
        out["registration_ru"] = ogrn.group(1)
    if not inn and not ogrn and re.fullmatch(r"\d{10}", reg.strip()):
        out["tax_id_ru"] = reg.strip()
    return out
