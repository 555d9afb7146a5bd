"""Speakers: a place, an occasion or a statement beside a verb of speech is no speaker."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.quotations import find_parts
from corpus_tools.annotate.speakers import _referring, attribute
from corpus_tools.annotate.tables import tables_for


def speakers(paragraphs: list[str], lang: str) -> list[tuple[str | None, str | None]]:
    found = find_parts(paragraphs, lang=lang)
    parts = classify(paragraphs, found.parts, lang=lang, attributions=found.attributions)
    parts, _ = attribute(
        paragraphs, parts, doc_id="001_0123456789abcdef", lang=lang, attributions=found.attributions
    )
    return [
        (p.speaker.name if p.speaker else None, p.speaker.mention if p.speaker else None)
        for p in parts
        if p.type == "speech"
    ]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "mention"),
    [
        # A place in its case of place between the verb and the subject: the subject.
        (
            "hu",
            [
                "Nagy Péter, a gyár igazgatója megnyitotta az új csarnokot.",
                "– Ez a nap a dolgozóké – mondta a teremben az igazgató.",
            ],
            "az igazgató",
        ),
        (
            "hu",
            [
                "Szabó Anna tegnap érkezett.",
                "– Soha nem láttam ilyet – mondta a lépcsőn egy idős asszony.",
            ],
            "egy idős asszony",
        ),
        # The statement the words were written in, then who wrote it.
        (
            "hu",
            ["A klub vasárnap kikapott. „Köszönjük a türelmet” – írta nyilatkozatában a Fradi."],
            "a Fradi",
        ),
    ],
)
def test_a_place_or_statement_after_the_verb_is_passed_over(
    lang: str, paragraphs: list[str], mention: str
) -> None:
    got = speakers(paragraphs, lang)
    assert got[-1][1] == mention


def test_a_statement_with_a_preposition_is_no_speaker() -> None:
    # "Em comunicado" (in a statement) says where the words are; a statement that is
    # the subject ("the statement said") stays one, for whoever issued it.
    assert _referring("Em comunicado", tables_for("pt")) == ""
    assert _referring("w oświadczeniu", tables_for("pl")) == ""
    assert _referring("the statement", tables_for("en")) == "the statement"
    assert _referring("в интервью «_____»", tables_for("ru")) == "в интервью «_____»"


def test_a_body_in_the_locative_is_the_body() -> None:
    # Belarusian writes the locative of a noun in -т with -це ("у інстытуце"): the
    # institute that speaks, named before, not the woman named last.
    got = speakers(
        [
            "Мост спраектаваў інстытут «Гомельпраект».",
            "Пенсіянерка Тамара Клімовіч ходзіць праз цэнтр.",
            "У праектным інстытуце адзначылі, што мост разлічаны на «сто гадоў эксплуатацыі».",
        ],
        "be",
    )
    assert got[-1] == ("Гомельпраект", "праектным інстытуце")


@pytest.mark.parametrize(
    ("lang", "paragraphs", "mention"),
    [
        # The subject ends before the statement it spoke in.
        (
            "cs",
            ["Krajský úřad v prohlášení uvedl, že pokuta „odpovídá rozsahu škody“."],
            "Krajský úřad",
        ),
        # A verb phrase and the statement are no subject: the sentence's subject is.
        (
            "fr",
            [
                "Le club a annoncé la nouvelle dans un communiqué bref, saluant « un "
                "entraîneur exemplaire »."
            ],
            "Le club",
        ),
    ],
)
def test_a_mention_stops_before_the_statement_it_was_made_in(
    lang: str, paragraphs: list[str], mention: str
) -> None:
    assert speakers(paragraphs, lang)[-1][1] == mention


def test_a_body_named_in_the_genitive_takes_the_form_that_opens_a_sentence() -> None:
    # "У пресслужбі Укрзалізниці" (in the press service of …): the body, in the form
    # the article gives its subject.
    got = speakers(
        [
            "Укрзалізниця призначила новий поїзд до Рахова.",
            "У пресслужбі Укрзалізниці зазначили, що розклад можуть «змінити навесні».",
        ],
        "uk",
    )
    assert got[-1][0] == "Укрзалізниця"
