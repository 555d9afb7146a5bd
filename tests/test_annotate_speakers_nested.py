"""Speakers of quotations nested in another speaker's words: read inside the outer one."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.quotations import find_parts
from corpus_tools.annotate.speakers import attribute


def speakers(paragraphs: list[str], lang: str) -> dict[str, tuple[str | None, str | None]]:
    """Speech part text -> (speaker name, mention)."""
    found = find_parts(paragraphs, lang=lang)
    parts = classify(paragraphs, found.parts, lang=lang, attributions=found.attributions)
    parts, _ = attribute(
        paragraphs, parts, doc_id="001_0123456789abcdef", lang=lang, attributions=found.attributions
    )
    return {
        p.text: (p.speaker.name, p.speaker.mention) if p.speaker else (None, None)
        for p in parts
        if p.type == "speech"
    }


@pytest.mark.parametrize(
    ("lang", "paragraphs", "nested", "name"),
    [
        # A possessive description before a verb with an enclitic object: as written,
        # not the outer speaker.
        (
            "pt",
            [
                "A pescadora Joana Tavares, de 58 anos, lembra-se bem da lota antiga.",
                "“O meu tio dizia-me: ‘Quem não madruga não apanha nada.’ E era verdade”, "
                "contou Joana Tavares.",
            ],
            "‘Quem não madruga não apanha nada.’",
            "O meu tio",
        ),
        # A description set off by commas before the verb (the outer quotation taken
        # for one interrupted at the colon).
        (
            "it",
            [
                "Il velista Marco Benedetti è tornato a Trieste dopo sei mesi in mare.",
                "«La mia vecchia istruttrice, a Grado, mi disse: “Il vento non si discute”. "
                "Lo ripeto ancora oggi», ha detto Benedetti.",
            ],
            "“Il vento non si discute”",
            "La mia vecchia istruttrice",
        ),
        # A possessive subject after the verb (verb-second order).
        (
            "da",
            [
                "Bageren Ole Frandsen har solgt sin forretning i Vejle.",
                "»Da vi lukkede, sagde vores nabo: ›I må gerne komme igen i morgen, vi har brød nok til alle‹. "
                "Det havde vi ikke,« siger Ole Frandsen.",
            ],
            "›I må gerne komme igen i morgen, vi har brød nok til alle‹",
            "vores nabo",
        ),
        # A pronoun that takes up the description opening the sentence before it.
        (
            "ru",
            [
                "Пенсионерка Вера Сомова живёт в доме у реки сорок лет.",
                "«Моя сестра работала на пароме. Она всегда говорила: „Река не прощает“. "
                "Так и вышло», — рассказала Вера Сомова.",
            ],
            "„Река не прощает“",
            "Моя сестра",
        ),
    ],
)
def test_a_description_inside_the_outer_quotation_is_the_nested_speaker(
    lang: str, paragraphs: list[str], nested: str, name: str
) -> None:
    got = speakers(paragraphs, lang)
    assert got[nested][0] == name


def test_i_inside_the_outer_quotation_is_the_outer_speaker() -> None:
    paragraphs = [
        "Bus services to the village of Hollowmere end next month, the county confirmed.",
        "Pensioner Edna Marlowe was not impressed. ‘The driver told me, “It’s the last "
        "winter.” I said, “Then how do I get to the surgery?”’ Ms Marlowe said.",
    ]
    got = speakers(paragraphs, "en")
    outer = next(name for text, (name, _) in got.items() if text.startswith("‘The driver"))
    assert outer is not None
    assert got["“Then how do I get to the surgery?”"] == (outer, "I")


def test_a_third_person_pronoun_inside_never_guesses_the_outer_speaker() -> None:
    # "Er" is someone the outer speaker talks about, named nowhere in the quotation: no
    # speaker rather than the judge who quotes him.
    paragraphs = [
        "Der Vorsitzende Richter Konrad Weiland verlas am Montag die Urteilsbegründung.",
        "„Er schreibt: ‚Das Dach hält noch zwei Winter.‘ Das war gelogen“, sagte Weiland.",
    ]
    got = speakers(paragraphs, "de")
    assert got["‚Das Dach hält noch zwei Winter.‘"][0] != "Konrad Weiland"
