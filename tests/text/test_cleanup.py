from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from defnames._text.cleanup import clean_text

CASES = [
    ("ＩＨＩ", "IHI"),  # fullwidth Latin (Japanese press)
    ("ＢＡＥシステムズ", "BAEシステムズ"),
    ("Defence amp; Aerospace", "Defence & Aerospace"),  # "&" stripped by a scraper
    ("Larsen amp; Toubro", "Larsen & Toubro"),
    ("Larsen &amp; Toubro", "Larsen & Toubro"),
    ("Larsen &amp;amp; Toubro", "Larsen & Toubro"),  # escaped twice
    ("Larsen &#38; Toubro", "Larsen & Toubro"),
    ("Larsen &#x26; Toubro", "Larsen & Toubro"),
    ("&quot;Rosoboronexport&quot;", '"Rosoboronexport"'),
    ("quot;Rosoboronexportquot;", '"Rosoboronexport"'),  # "&" of "&quot;" stripped
    ("Baykar#39;ın", "Baykar'ın"),
    ("Camp; Ramp;", "Camp; Ramp;"),  # words ending in "amp" followed by ";": not entities
    ("Naval&nbsp;Group", "Naval Group"),
    ("Krauss\u00adMaffei", "KraussMaffei"),  # soft hyphen
    ("\u202bمجموعة إيدج\u202c", "مجموعة إيدج"),  # RTL embedding
    ("\u200fאלביט\u200e", "אלביט"),
    ("Hanwha\u200bAerospace", "HanwhaAerospace"),
    ("\ufeffSaab", "Saab"),
    ("سپاه\u200cپاسداران", "سپاهپاسداران"),  # Persian ZWNJ dropped for keys
    ("Zastava oruz\u030cje", "Zastava oružje"),  # combining caron composed, kept
    ("Zq\u0301", "Zq\u0301"),  # a combining mark with no precomposed form stays
    ("ﬁnmeccanica", "finmeccanica"),  # ligature
    ("Saab\x00AB", "Saab AB"),
    ("A;B", "A;B"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_never_raises_and_idempotent_on_ascii(s: str) -> None:
    out = clean_text(s)
    assert isinstance(out, str)
    for bad in "\u200b\u200f\u202e\ufeff":
        assert bad not in out


def test_non_str_does_not_raise() -> None:
    assert clean_text(12) == "12"  # type: ignore[arg-type]


@pytest.mark.parametrize("chunk", ["ＩＨＩ &amp; amp; x\u200b ", "&", "amp;", "&amp;" * 3, "é\u200f"])
def test_linear_on_one_megabyte(chunk: str) -> None:
    def run(n: int) -> float:
        s = (chunk * (n // len(chunk) + 1))[:n]
        t = time.perf_counter()
        clean_text(s)
        return time.perf_counter() - t

    small, big = run(125_000), run(500_000)
    assert big < 8 * small + 1.0  # four times the input, not sixteen times the time


def test_one_megabyte_mixed_scripts() -> None:
    s = ("Lockheed Martin لوكهيد مارتن 록히드마틴 ロッキード・マーチン \u200f&amp; " * 20_000)[:1_000_000]
    assert isinstance(clean_text(s), str)
