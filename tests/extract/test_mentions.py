from __future__ import annotations

import pytest

from defnames import InputError, Registry


def _found(reg: Registry, text: str) -> list[tuple[str, str]]:
    out = []
    for m in reg.extract(text):
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.match.entity.id))
    return out


def test_lists_with_demonyms_and_parts(mini: Registry) -> None:
    text = "Invited: the Belgian Acme Defence, ULS – the union of the German KMX and the French Vexin."
    assert _found(mini, text) == [
        ("Acme Defence", "acme-defence-belgium"),
        ("ULS", "union-land-systems"),
        ("KMX", "uls-deutschland"),
        ("Vexin", "uls-france"),
    ]


def test_spans_index_the_original_string_whatever_unicode(mini: Registry) -> None:
    text = "«Zbrojovka Český Les» and 𝒳 emoji 🚀 then Acme Defence’s results"
    found = _found(mini, text)
    assert ("Zbrojovka Český Les", "zbrojovka-cesky-les") in found
    assert ("Acme Defence", "acme-defence") in found


def test_case_and_line_breaks(mini: Registry) -> None:
    assert _found(mini, "ACME DEFENCE won; acme defence lost") == [
        ("ACME DEFENCE", "acme-defence"),
        ("acme defence", "acme-defence"),
    ]
    assert _found(mini, "by Acme\nDefence today") == [("Acme\nDefence", "acme-defence")]
    # Windows line ends, indentation and double spaces inside a name
    assert _found(mini, "by Acme\r\n    Defence today") == [("Acme\r\n    Defence", "acme-defence")]
    assert _found(mini, "by Acme  Defence today") == [("Acme  Defence", "acme-defence")]
    # a word hyphenated across a line break, as PDF text comes out
    assert _found(mini, "by Zbrojovka Český Les, made by Acme De-\nfence and others") == [
        ("Zbrojovka Český Les", "zbrojovka-cesky-les"),
        ("Acme De-\nfence", "acme-defence"),
    ]


def test_longest_name_wins(mini: Registry) -> None:
    assert _found(mini, "Acme Defence Belgium said") == [("Acme Defence Belgium", "acme-defence-belgium")]


def test_everyday_words_are_not_companies(mini: Registry) -> None:
    assert _found(mini, "Mercury is the closest planet to the Sun.") == []
    assert _found(mini, "the mercury level rose in the lake") == []
    assert _found(mini, "kd ratio") == []


def test_weak_names_with_support(mini: Registry) -> None:
    text = "The Bulgarian Mercury expanded production of artillery shells."
    assert _found(mini, text) == [("Mercury", "mercury-works")]


def test_non_string_is_an_error(mini: Registry) -> None:
    with pytest.raises(InputError):
        mini.extract(None)  # type: ignore[arg-type]
    assert mini.extract("") == []


def test_weak_names_supported_by_the_text_around_them(mini: Registry) -> None:
    # another company in the same sentence
    assert _found(mini, "Torvan and Patrona signed a deal.") == [("Torvan", "torvan"), ("Patrona", "patrona")]
    assert _found(mini, "Torvan signed. Patrona signed a deal.") == [("Torvan", "torvan")]
    # the same company already recognised earlier in the text
    assert _found(mini, "Patrona Defence signed. Patrona said more.") == [
        ("Patrona Defence", "patrona"),
        ("Patrona", "patrona"),
    ]
    assert _found(mini, "Patrona said more.") == []
    # a context given by the caller
    assert [(x.text, x.match.entity.id) for x in mini.extract("Patrona said more.", context="the army")] == [
        ("Patrona", "patrona")
    ]


def test_demonyms_before_a_name_in_text(mini: Registry) -> None:
    assert _found(mini, "The German ULS won the army contract.") == [("ULS", "uls-deutschland")]
    assert _found(mini, "The ULS won the army contract.") == [("ULS", "union-land-systems")]


def test_inflected_names_in_text(mini: Registry) -> None:
    assert _found(mini, "The army contract went to Kestrel Dynamicsem and others.") == [
        ("Kestrel Dynamicsem", "kestrel-dynamics")
    ]
    assert _found(mini, "The army contract went to Kestrel Dynamicsxyzw.") == []
    assert _found(mini, "Kestrel Dynamicsが受注した") == [("Kestrel Dynamics", "kestrel-dynamics")]
    assert _found(mini, "ונורדהבן חתמה על חוזה") == [("נורדהבן", "nordhavn-munitions")]  # a Hebrew clitic
    assert _found(mini, "ونوردهافن وقعت عقدا") == [("نوردهافن", "nordhavn-munitions")]  # an Arabic clitic


def test_blocked_names_hide_the_names_inside_them(mini: Registry) -> None:
    assert _found(mini, "General Mills and Kestrel Dynamics reported.") == [("Kestrel Dynamics", "kestrel-dynamics")]
    assert _found(mini, "Arsenal FC won the army cup.") == []  # a football club, not Tarnova Arsenal
    assert _found(mini, "Arsenal won the army contract.") == [("Arsenal", "tarnova-arsenal")]


def test_a_distinctive_hit_the_context_reader_cannot_see_supports(mini: Registry) -> None:
    # an inflected name is no registry key, but it is a company named in the same sentence
    assert _found(mini, "Kestrel Dynamicsem and Patrona signed a deal.") == [
        ("Kestrel Dynamicsem", "kestrel-dynamics"),
        ("Patrona", "patrona"),
    ]
