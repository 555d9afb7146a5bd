"""A quotation attributed to a document by an impersonal verb ("– áll a tárca
közleményében", "tiedotteessa todetaan", "står det i pressmeddelandet"): its speaker is
whoever issued the document, not a person the article named elsewhere."""

from __future__ import annotations

import pytest

from tests.test_annotate_speakers_roles import speakers

CASES = [
    (
        "hu",
        [
            "A szegedi kórház új sürgősségi osztályt nyitott hétfőn. Nagy Katalin főigazgató"
            " szerint a betegek ezentúl rövidebb ideig várnak.",
            "Az Emberi Erőforrások Minisztériuma közölte, hogy a fejlesztés uniós forrásból"
            " valósult meg. „A következő évben további négy megyei kórházat korszerűsítünk”"
            " – áll a tárca közleményében.",
        ],
        "Emberi Erőforrások Minisztériuma",
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
    (
        "sv",
        [
            "Ett nytt badhus öppnar i Luleå i höst. Kommunalrådet Anna Berg säger att bygget"
            " blev dyrare än väntat.",
            "Byggföretaget Norrbygg AB skriver i ett pressmeddelande att arbetet ligger i fas."
            " ”Vi lämnar över nycklarna i september”, står det i pressmeddelandet.",
        ],
        "Byggföretaget Norrbygg AB",
    ),
    (
        "nl",
        [
            "In Zwolle opent maandag een nieuw zwembad. Wethouder Anna de Vries noemt het een"
            " mijlpaal.",
            "Stichting Waterpark Zwolle laat in een verklaring weten dat de bouw binnen het"
            " budget bleef. ‘Bezoekers merken vanaf maandag vooral meer ruimte in de"
            " kleedkamers’, staat in de verklaring.",
        ],
        "Stichting Waterpark Zwolle",
    ),
]


@pytest.mark.parametrize(("lang", "paragraphs", "issuer"), CASES, ids=[c[0] for c in CASES])
def test_a_document_s_words_are_its_issuer_s(lang: str, paragraphs: list[str], issuer: str) -> None:
    [(_, speaker)] = speakers(paragraphs, lang)
    assert speaker == issuer
