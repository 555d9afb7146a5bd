"""A quotation attributed to a document by an impersonal verb ("öeldakse ministeeriumi
pressiteates", "tiedotteessa todetaan", "teikts ministrijas paziņojumā"): its speaker
is whoever issued the document, not a person the article named elsewhere. Verbs that
as often give the words of a sign, a plaque or a poster ("reads", "står det", "staat
er", "rakstīts", "sanotaan", "olvasható", "áll a") are no such attribution: a sign's
words are nobody's speech."""

from __future__ import annotations

import pytest

from tests.test_annotate_speakers_roles import speakers

CASES = [
    (
        "et",
        [
            "Tallinnas avati uus lasteaed. Linnapea Mari Kask ütles, et järjekorrad lühenevad.",
            "Rahandusministeerium teatas, et toetus jätkub ka järgmisel aastal. „Raha jätkub"
            " kõigile omavalitsustele,“ öeldakse ministeeriumi pressiteates.",
        ],
        "Rahandusministeerium",
    ),
    (
        "fi",
        [
            "Tampereen raitiotie jatkuu ensi vuonna Lentävänniemeen. Apulaispormestari Anna"
            " Lehtinen kertoi hankkeesta tiistaina.",
            "Liikenne- ja viestintävirasto Traficom kertoi tiedotteessaan, että rata on"
            " turvallinen. ”Koeajot sujuivat ilman ainuttakaan häiriötä”, tiedotteessa todetaan.",
        ],
        "Traficom",
    ),
    (
        "lv",
        [
            "Rīgā atklāta jauna bērnu slimnīcas nodaļa. Nodaļas vadītāja Anna Kalniņa"
            " pastāstīja, ka gultu skaits dubultojies.",
            "Veselības ministrija apliecināja, ka finansējums ir nodrošināts. „Nākamgad tiks"
            " atvērtas vēl divas nodaļas”, teikts ministrijas paziņojumā.",
        ],
        "Veselības ministrija",
    ),
]


@pytest.mark.parametrize(("lang", "paragraphs", "issuer"), CASES, ids=[c[0] for c in CASES])
def test_a_document_s_words_are_its_issuer_s(lang: str, paragraphs: list[str], issuer: str) -> None:
    [(_, speaker)] = speakers(paragraphs, lang)
    assert speaker == issuer


SIGNS = [
    (
        "fi",
        ["”Pääsy kielletty”, kyltissä sanotaan. Kyläläinen Aino Virta ihmettelee kylttiä."],
        [],
    ),
    (
        "lv",
        [
            "Uz plāksnes pie vārtiem rakstīts: „Ieeja aizliegta.”",
            "„Mēs to izliekam katru vasaru,” sacīja saimnieks Andris Kalns.",
        ],
        [("„Mēs to izliekam katru vasaru,”", "Andris Kalns")],
    ),
    (
        "hu",
        [
            "Az üzlet ajtaján ez a felirat olvasható: „Zárva”.",
            "„Nem tudtuk kifizetni a rezsit” – mondta a tulajdonos, Nagy Éva.",
        ],
        [("„Nem tudtuk kifizetni a rezsit”", "Nagy Éva")],
    ),
]


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), SIGNS, ids=[c[0] for c in SIGNS])
def test_the_words_of_a_sign_are_nobody_s_speech(
    lang: str, paragraphs: list[str], expected: list[tuple[str, str]]
) -> None:
    assert speakers(paragraphs, lang) == expected
