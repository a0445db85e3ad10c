"""The remarks field of an SDN listing, split into what the importer uses.

Remarks are ``;``-separated statements ending in a full stop: ``a.k.a. 'X'``,
``Linked To: NAME``, ``Registration Number 123 (Russia)``, ``Website www.x.ru``,
``Organization Type: Manufacture of weapons and ammunition``, ``Target Type State-Owned
Enterprise`` and many more. Statements that are not recognised are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..countries import iso2

# Identifier labels as OFAC writes them -> the base of the identifier key.
ID_LABELS: dict[str, str] = {
    "Registration Number": "registration",
    "Registration ID": "registration",
    "Business Registration Number": "registration",
    "Commercial Registry Number": "registration",
    "Company Number": "registration",
    "UK Company Number": "registration",
    "Public Registration Number": "registration",
    "Certificate of Incorporation Number": "registration",
    "Enterprise Number": "registration",
    "Central Registration System Number": "registration",
    "Economic Register Number (CBLS)": "registration",
    "Business Number": "registration",
    "Tax ID No.": "tax_id",
    "Government Gazette Number": "okpo",
    "National ID No.": "national_id",
    "Identification Number": "identification",
    "Unified Social Credit Code (USCC)": "uscc",
    "Legal Entity Number": "lei",
    "V.A.T. Number": "vat",
    "D-U-N-S Number": "duns",
    "Trade License No.": "trade_license",
    "Chamber of Commerce Number": "chamber_of_commerce",
    "Istanbul Chamber of Comm. No.": "chamber_of_commerce",
    "Dubai Chamber of Commerce Membership No.": "chamber_of_commerce",
    "SWIFT/BIC": "swift_bic",
    "BIK (RU)": "bik",
    "Company Number IMO": "imo",
    "Identification Number IMO": "imo",
}
_LABELS = sorted(ID_LABELS, key=len, reverse=True)
_AKA = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+['\"]?(.+?)['\"]?$")
_COUNTRY = re.compile(r"^(.*\S)\s+\(([^()]+)\)$")
_SPLIT = re.compile(r";\s+")


@dataclass
class Identifier:
    base: str
    value: str
    country: str | None  # ISO code, when the list gives one


@dataclass
class Remarks:
    other_names: list[tuple[str, str]] = field(default_factory=list)
    linked_to: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    organization_types: list[str] = field(default_factory=list)
    target_types: list[str] = field(default_factory=list)
    text: str = ""

    def id_countries(self) -> list[str]:
        return [i.country for i in self.identifiers if i.country]


def _statements(text: str) -> list[str]:
    text = text.strip()
    if text.endswith("."):
        text = text[:-1]
    return [s.strip() for s in _SPLIT.split(text) if s.strip()]


def _identifier(statement: str) -> Identifier | None:
    s = statement.removeprefix("alt. ").strip()
    for label in _LABELS:
        if s.startswith(label + " "):
            rest = s[len(label) + 1 :].strip()
            country = None
            m = _COUNTRY.match(rest)
            if m:
                rest, country = m.group(1), iso2(m.group(2))
            if rest:
                return Identifier(ID_LABELS[label], rest, country)
    return None


def parse_remarks(text: str) -> Remarks:
    """Split a remarks field.

    >>> r = parse_remarks("Tax ID No. 1832090230 (Russia); Linked To: ROSTEC; a.k.a. 'KC'.")
    >>> r.identifiers[0].base, r.identifiers[0].value, r.identifiers[0].country
    ('tax_id', '1832090230', 'RU')
    >>> r.linked_to, r.other_names
    (['ROSTEC'], [('aka', 'KC')])
    """
    out = Remarks(text=text)
    for s in _statements(text):
        m = _AKA.match(s)
        if m:
            out.other_names.append((m.group(1).replace(".", ""), m.group(2).strip()))
            continue
        if s.startswith("Linked To:"):
            out.linked_to.append(s.removeprefix("Linked To:").strip().rstrip("."))
            continue
        if s.startswith("Website "):
            out.websites.append(s.removeprefix("Website ").strip())
            continue
        if s.startswith("Organization Type:"):
            out.organization_types.append(s.removeprefix("Organization Type:").strip())
            continue
        if s.startswith("Target Type "):
            out.target_types.append(s.removeprefix("Target Type ").strip())
            continue
        ident = _identifier(s)
        if ident:
            out.identifiers.append(ident)
    return out
