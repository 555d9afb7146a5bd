"""Role nouns resolved to the person introduced with that role (invented sentences)."""

from __future__ import annotations

from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.quotations import find_parts
from corpus_tools.annotate.speakers import attribute


def speakers(paragraphs: list[str], lang: str) -> list[tuple[str, str | None]]:
    found = find_parts(paragraphs, lang=lang)
    parts = classify(paragraphs, found.parts, lang=lang, attributions=found.attributions)
    parts, _ = attribute(
        paragraphs,
        parts,
        doc_id="001_0123456789abcdef",
        lang=lang,
        attributions=found.attributions,
    )
    return [(p.text, p.speaker.name if p.speaker else None) for p in parts if p.type == "speech"]


def test_a_role_noun_takes_up_the_person_met_before_not_a_holder_named_later() -> None:
    # "el técnico" is the coach the lead named; the rival coach is named paragraphs on.
    got = speakers(
        [
            "Iker Sola se despidió del Atlético Sur con un empate 1-1 ante el Deportivo Norte.",
            "«Estoy orgulloso de este grupo, que nunca se rindió», dijo el técnico tras el "
            "encuentro.",
            "La afición despidió al equipo con aplausos.",
            "En el otro banquillo, el técnico Luis Prado lamentó el empate. «Merecimos "
            "ganar», afirmó Prado.",
        ],
        "es",
    )
    assert got[0] == ("«Estoy orgulloso de este grupo, que nunca se rindió»", "Iker Sola")


def test_a_role_holder_named_in_the_next_paragraph_is_whom_the_role_noun_meant() -> None:
    got = speakers(
        [
            "Riverside Town have signed the striker Jonas Berg from Odense on a two-year deal.",
            "“He scores the goals we were missing,” the manager said on Friday.",
            "Tom Hale, who took over as manager in March, wants a younger squad.",
        ],
        "en",
    )
    assert got[0] == ("“He scores the goals we were missing,”", "Tom Hale")
