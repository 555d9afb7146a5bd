"""A newspaper named in marks right after a source marker ("Secondo il quotidiano «La
Gazzetta del Tigullio», …", "According to the “Evening Post”, …") is the speaker of the
words quoted after it, as the guidelines say of a newspaper whose words are quoted; a
newspaper in marks that belongs to a person after it ("Pasak „Žalgirio“ vyriausiojo
trenerio Andriaus Petrausko") or was told the words is not."""

from __future__ import annotations

import pytest

from tests.test_annotate_speakers_roles import speakers

CASES = [
    (
        "it",
        "Il sindaco Marco Rossi ha inaugurato il cantiere. Secondo il quotidiano «La Gazzetta"
        " del Tigullio», i lavori costeranno «non meno di due milioni di euro».",
        "La Gazzetta del Tigullio",
    ),
    (
        "en",
        "Mayor Tom Hale opened the site on Monday. According to the “Evening Post”, the works"
        " will cost “well over two million pounds”.",
        "Evening Post",
    ),
    (
        "de",
        "Bürgermeister Jan Weber eröffnete die Baustelle. Laut „Kieler Nachrichten“ wird der"
        " Bau „deutlich teurer als geplant“.",
        "Kieler Nachrichten",
    ),
    (
        "fr",
        "Le maire Jean Dupont a inauguré le chantier. Selon le quotidien « Ouest-France », les"
        " travaux coûteront « au moins deux millions d’euros ».",
        "Ouest-France",
    ),
    (
        "es",
        "El alcalde Juan Pérez inauguró las obras. Según el diario «La Voz de Galicia», las"
        " obras costarán «más de dos millones de euros».",
        "La Voz de Galicia",
    ),
    (
        "lt",
        "Pasak „Žalgirio“ vyriausiojo trenerio Andriaus Petrausko, pirmąjį kėlinį komanda"
        " žaidė „per daug atsipalaidavusi“.",
        "Andrius Petrauskas",
    ),
]


@pytest.mark.parametrize(("lang", "paragraph", "speaker"), CASES, ids=[c[0] for c in CASES])
def test_a_newspaper_after_a_source_marker_speaks(lang: str, paragraph: str, speaker: str) -> None:
    *_, (_, name) = speakers([paragraph], lang)
    assert name == speaker


NOT_THE_SPEAKER = [
    (
        "ru",
        "Как сообщил «Интерфаксу» источник в правительстве, решение примут «не раньше весны».",
        "Интерфаксу",
    ),
    (
        "fr",
        "D’après « Les Échos », la SNCF a annoncé mardi qu’elle supprimerait « une centaine"
        " de trains par jour ».",
        "Les Échos",
    ),
    (
        "de",
        "Laut „Spiegel“ sagte er im Kabinett, die Reform sei „nicht verhandelbar“.",
        "Spiegel",
    ),
    (
        "it",
        "Secondo il libro «Gomorra», il clan controllava «ogni singolo cantiere della zona».",
        "Gomorra",
    ),
]


@pytest.mark.parametrize(
    ("lang", "paragraph", "title"), NOT_THE_SPEAKER, ids=[c[0] for c in NOT_THE_SPEAKER]
)
def test_a_title_is_no_speaker_where_the_clause_has_its_own_or_it_is_no_newspaper(
    lang: str, paragraph: str, title: str
) -> None:
    *_, (_, name) = speakers([paragraph], lang)
    assert name != title
