"""Speakers whose names the text writes in a case form or in its own name order."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.names import choose_name
from corpus_tools.annotate.quotations import find_parts
from corpus_tools.annotate.speakers import _name_in, attribute
from corpus_tools.annotate.tables import tables_for


def run(paragraphs: list[str], lang: str) -> list[tuple[str, str | None, str | None]]:
    found = find_parts(paragraphs, lang=lang)
    parts = classify(paragraphs, found.parts, lang=lang, attributions=found.attributions)
    parts, _ = attribute(
        paragraphs, parts, doc_id="001_0123456789abcdef", lang=lang, attributions=found.attributions
    )
    return [
        (p.text, p.speaker.name if p.speaker else None, p.speaker.mention if p.speaker else None)
        for p in parts
        if p.type == "speech"
    ]


# Hungarian writes the family name first: the given name closes a person's name, and a
# capitalised word after it (a place in a case of place) is no part of it.
@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        (
            [
                "Kiss Attila Hódmezővásárhelyen húsz hektáron termel dinnyét. "
                "„Ilyen nyarat még nem láttam” – mondta a gazda."
            ],
            "Kiss Attila",
        ),
        (
            [
                "Szabó Erzsébet Debrecenben nyitott pékséget. "
                "„A liszt ára megduplázódott” – mondta a pék."
            ],
            "Szabó Erzsébet",
        ),
    ],
)
def test_hungarian_name_ends_with_its_given_name(paragraphs: list[str], name: str) -> None:
    got = run(paragraphs, "hu")
    assert [n for _, n, _ in got] == [name]


# Where the rule must not fire: two given names after the family name stay one name,
# and a name in the usual order is kept whole.
@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        (["„Nem adjuk fel” – mondta Nagy Anna Mária, az egyesület elnöke."], "Nagy Anna Mária"),
        (["„Nem adjuk fel” – mondta Varga Péter polgármester."], "Varga Péter"),
    ],
)
def test_hungarian_name_keeps_its_given_names(paragraphs: list[str], name: str) -> None:
    got = run(paragraphs, "hu")
    assert [n for _, n, _ in got] == [name]


# Finnish surnames in -nen take the partitive in -sta/-stä ("Virtasta ei vakuuta",
# Virtanen is not convinced): the base form is the -nen one, where the article writes
# the name in a case that only a -nen surname has ("Virtasen", "Hämäläiselle").
@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        (
            [
                "Valtuutettu Mikko Virtasta päätös ei vakuuta. Virtasen mielestä asia "
                "pitää valmistella uudelleen. – Tämä on virhe, hän sanoo."
            ],
            "Mikko Virtanen",
        ),
        (
            [
                "Rehtori Liisa Hämäläistä huolettaa koulun tulevaisuus. Hämäläiselle on "
                "tullut paljon viestejä vanhemmilta. – Oppilaat ansaitsevat paremman, hän "
                "sanoo."
            ],
            "Liisa Hämäläinen",
        ),
    ],
)
def test_finnish_partitive_surname_gets_its_base_form(paragraphs: list[str], name: str) -> None:
    got = run(paragraphs, "fi")
    assert [n for _, n, _ in got] == [name]


# Where it must not fire: a surname in its base form, and one in -sta that is written
# as it is where it speaks.
@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        (["– Tämä on virhe, sanoo valtuutettu Mikko Virtanen."], "Mikko Virtanen"),
        (["– Tämä on virhe, sanoo valtuutettu Anna Kosta."], "Anna Kosta"),
    ],
)
def test_finnish_base_form_surname_stays(paragraphs: list[str], name: str) -> None:
    got = run(paragraphs, "fi")
    assert [n for _, n, _ in got] == [name]


# Alone, a -sta form may be a name so written ("Batista") or the elative of a name
# without -nen ("Orposta", from Orpo): it stays as written, never "Batinen", "Orponen".
@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        (
            [
                "Kenraali Fulgencio Batista kaappasi vallan Kuubassa vuonna 1952.",
                "– Maa tarvitsee järjestystä, Batista sanoi radiossa.",
            ],
            "Fulgencio Batista",
        ),
        (
            ["– Maa tarvitsee järjestystä, sanoi kenraali Fulgencio Batista radiossa."],
            "Fulgencio Batista",
        ),
        (
            [
                "Kokoomuksen puheenjohtajasta Petteri Orposta tuli pääministeri.",
                "– Työ alkaa heti, hän sanoi.",
            ],
            "Petteri Orposta",
        ),
    ],
)
def test_finnish_sta_form_without_a_nen_case_elsewhere_stays(
    paragraphs: list[str], name: str
) -> None:
    got = run(paragraphs, "fi")
    assert [n for _, n, _ in got] == [name]


# A statement noun in a case of place says where the words are, as "in a statement"
# does with a preposition: the speaker is the body before it, not a phrase running on
# through the statement ("Fondas pranešime spaudai planą …").
@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        (
            "lt",
            ["Lietuvos miškų fondas pranešime spaudai planą pavadino „žingsniu atgal“."],
            "Lietuvos miškų fondas",
        ),
        (
            "lt",
            [
                "Lietuvos miškų fondas kritikavo planą. "
                "„Miškai nyksta greičiau nei auga“, – rašoma pranešime."
            ],
            "Lietuvos miškų fondas",
        ),
    ],
)
def test_statement_in_a_case_of_place_is_no_speaker(
    lang: str, paragraphs: list[str], name: str
) -> None:
    got = run(paragraphs, lang)
    assert [n for _, n, _ in got] == [name]


# Where it must not fire: a speaker after the verb whose words end as a locative does
# not ("gyventoja", "Kazlauskienė"), and a statement noun that is the subject.
@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        (
            "lt",
            ["„Darbai baigsis rudenį“, – sakė vietos gyventoja Ona Kazlauskienė."],
            "Ona Kazlauskienė",
        ),
        (
            "lt",
            ["„Darbai baigsis rudenį“, – sakė susitikime meras Petras Jonaitis."],
            "Petras Jonaitis",
        ),
    ],
)
def test_speaker_after_a_place_word_stays(lang: str, paragraphs: list[str], name: str) -> None:
    got = run(paragraphs, lang)
    assert [n for _, n, _ in got] == [name]


# A name or a role after the statement noun in a case of place is who spoke; the words
# before it say whose interview or statement it is.
@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        (
            "fi",
            [
                "– Talous kääntyy kasvuun ensi vuonna, kertoi Ylen haastattelussa "
                "pääministeri Petteri Orpo."
            ],
            "Petteri Orpo",
        ),
        (
            "fi",
            [
                "Pääministeri Petteri Orpo vieraili maanantaina Oulussa.",
                "– Talous kääntyy kasvuun ensi vuonna, kertoi Ylen haastattelussa pääministeri.",
            ],
            "Petteri Orpo",
        ),
        (
            "lt",
            ["„Darbai baigsis rudenį“, – sakė savivaldybės pranešime meras Petras Jonaitis."],
            "Petras Jonaitis",
        ),
    ],
)
def test_a_name_or_role_after_a_statement_in_a_case_of_place_speaks(
    lang: str, paragraphs: list[str], name: str
) -> None:
    got = run(paragraphs, lang)
    assert [n for _, n, _ in got] == [name]


# An acronym with a case suffix after a name is who was told ("ütles Kask BNS-ile",
# said Kask to BNS): no part of the speaker's name.
def test_acronym_with_case_suffix_is_no_part_of_the_name() -> None:
    got = run(
        ["Vallavanem teatas uuest plaanist. „Buss on parem kui auto,“ ütles Tamm ERR-ile."],
        "et",
    )
    assert got == [("„Buss on parem kui auto,“", "Tamm", "Tamm")]


# Where it must not fire: a surname with a case suffix is the person's own ("Selin
# Kaya'nın filmi", Selin Kaya's film), and so is a word that is no acronym.
@pytest.mark.parametrize(
    ("lang", "tokens", "name"),
    [
        ("tr", ["Selin", "Kaya'nın"], ["Selin", "Kaya'nın"]),
        ("et", ["Mari", "Tamm-ile"], ["Mari", "Tamm-ile"]),
        ("et", ["Mari", "Tamm", "ERR-ile"], ["Mari", "Tamm"]),
    ],
)
def test_only_an_acronym_with_case_suffix_is_cut(
    lang: str, tokens: list[str], name: list[str]
) -> None:
    assert _name_in(tokens, tables_for(lang))[1] == name


# A subject stands in the nominative: where the full name is written only in a case
# whose ending reads two ways ("Mart Kase sõnul", Estonian genitive of Kask), the
# surname alone as the subject of a speech verb ("ütles Kask") gives its base.
def test_subject_surname_gives_the_base_form() -> None:
    got = run(
        [
            "Abilinnapea Mart Kase sõnul kaetakse kulu parkimistasudest. "
            "„Buss on parem kui auto,“ ütles Kask."
        ],
        "et",
    )
    assert [n for _, n, _ in got] == ["Mart Kask"]


# Where it must not fire: without such a subject the name stays as written, and a
# subject that is a longer, other name ("Kasemets") or the same form changes nothing.
@pytest.mark.parametrize(
    ("forms", "subjects", "name"),
    [
        (["Mart Kase"], set(), "Mart Kase"),
        (["Mart Kase", "Kasemets"], {"Kasemets"}, "Mart Kase"),
        (["Mart Tamm", "Tamm"], {"Tamm"}, "Mart Tamm"),
    ],
)
def test_subject_surname_changes_only_a_form_of_it(
    forms: list[str], subjects: set[str], name: str
) -> None:
    assert choose_name(forms, subjects, tables_for("et").names) == name


# A given name alone in its base form takes up the person whose full name the article
# writes only declined ("Að sögn Sigrúnar Jónsdóttur …" … "sagði Sigrún").
def test_given_name_in_base_form_finds_the_declined_full_name() -> None:
    got = run(
        [
            "Að sögn Sigrúnar Jónsdóttur, sveitarstjóra Hornafjarðar, verður skólanum lokað. "
            "„Við gerum allt sem við getum,“ sagði Sigrún."
        ],
        "is",
    )
    assert [n for _, n, _ in got] == ["Sigrún Jónsdóttir"]


# Where it must not fire: another given name, and one that two people share.
@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        (
            [
                "Að sögn Sigrúnar Jónsdóttur, sveitarstjóra Hornafjarðar, verður skólanum "
                "lokað. „Við gerum allt sem við getum,“ sagði Helga."
            ],
            "Helga",
        ),
        (
            [
                "Að sögn Sigrúnar Jónsdóttur og Sigrúnar Pálsdóttur verður skólanum lokað. "
                "„Við gerum allt sem við getum,“ sagði Sigrún."
            ],
            "Sigrún",
        ),
    ],
)
def test_given_name_in_base_form_needs_one_person(paragraphs: list[str], name: str) -> None:
    got = run(paragraphs, "is")
    assert [n for _, n, _ in got] == [name]


# A given name the article gives two persons, one written declined ("Марии Захаровой")
# and one as it is ("Мария Петрова"), takes up neither alone, and the two never become
# one person.
@pytest.mark.parametrize(
    ("lang", "paragraphs", "names"),
    [
        (
            "ru",
            [
                "По словам Марии Захаровой, заявление было провокацией.",
                "«Это провокация», — сказала Мария.",
                "Директор школы Мария Петрова рассказала о ремонте.",
                "«Ремонт закончим к сентябрю», — сказала Петрова.",
            ],
            ["Мария", "Мария Петрова"],
        ),
        (
            "ru",
            [
                "По словам Марии Захаровой, заявление было провокацией.",
                "«Это провокация», — сказала Мария.",
                "«Ремонт закончим к сентябрю», — сказала Мария Петрова.",
            ],
            ["Мария", "Мария Петрова"],
        ),
        (
            "is",
            [
                "Að sögn Sigrúnar Jónsdóttur verður skólanum lokað.",
                "„Við gerum allt sem við getum,“ sagði Sigrún.",
                "„Þetta er slæmt,“ sagði Sigrún Pálsdóttir, formaður foreldrafélagsins.",
            ],
            ["Sigrún", "Sigrún Pálsdóttir"],
        ),
    ],
)
def test_given_name_two_persons_share_takes_up_neither(
    lang: str, paragraphs: list[str], names: list[str]
) -> None:
    got = run(paragraphs, lang)
    assert [n for _, n, _ in got] == names


# Finnish names are given names + one surname: a capitalised word in a case after them
# says where the person is from, whom they told or whose they are, and is no part of
# the name.
@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        ("fi", ["”Tilanne on vakava”, sanoi Laura Korhonen Ylelle."], "Laura Korhonen"),
        (
            "fi",
            ["”Tulos on erinomainen”, sanoi toimitusjohtaja Pekka Lundmark Nokiasta."],
            "Pekka Lundmark",
        ),
        ("fi", ["”Tilanne on vakava”, sanoi Mikko Virtanen Oulussa."], "Mikko Virtanen"),
        (
            "fi",
            ["”Tilanne on vakava”, sanoi Anna-Maija Tuokko-Laine Ylelle."],
            "Anna-Maija Tuokko-Laine",
        ),
        ("et", ["„Olukord on tõsine,“ ütles Mari Tamm Tallinnast."], "Mari Tamm"),
    ],
)
def test_case_form_after_a_full_name_ends_it(lang: str, paragraphs: list[str], name: str) -> None:
    got = run(paragraphs, lang)
    assert [n for _, n, _ in got] == [name]


# Where it must not fire: given names and a surname, a -nen surname after an unknown
# middle name, a hyphenated name, a foreign surname that reads as a genitive
# ("Rasmussen": the genitive -n is not among the endings, since so many surnames end
# so), and languages whose tables do not opt in.
@pytest.mark.parametrize(
    ("lang", "tokens", "name"),
    [
        ("fi", ["Sanna", "Mirella", "Marin"], ["Sanna", "Mirella", "Marin"]),
        ("fi", ["Anna", "Kontio", "Lehtonen"], ["Anna", "Kontio", "Lehtonen"]),
        ("fi", ["Anna-Maija", "Tuokko-Laine"], ["Anna-Maija", "Tuokko-Laine"]),
        ("fi", ["Mikko", "Virtanen", "STT"], ["Mikko", "Virtanen", "STT"]),
        ("fi", ["Lars", "Løkke", "Rasmussen"], ["Lars", "Løkke", "Rasmussen"]),
        ("et", ["Toomas", "Hendrik", "Ilves"], ["Toomas", "Hendrik", "Ilves"]),
        ("en", ["Laura", "Korhonen", "Helsingin"], ["Laura", "Korhonen", "Helsingin"]),
        ("sv", ["Anna", "Lindberg", "Hallen"], ["Anna", "Lindberg", "Hallen"]),
    ],
)
def test_case_form_rule_keeps_these_names(lang: str, tokens: list[str], name: list[str]) -> None:
    assert _name_in(tokens, tables_for(lang))[1] == name


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        (
            "ru",
            ["Ольга Смирнова выиграла забег.", "По словам Ольги, трасса была «очень тяжёлой»."],
            "Ольга Смирнова",
        ),
        (
            "pl",
            ["Anna Nowak wygrała bieg.", "Według Anny trasa była „bardzo trudna”."],
            "Anna Nowak",
        ),
        (
            "cs",
            ["Eva Malá vyhrála závod.", "Podle Evy byla trať „velmi těžká“."],
            "Eva Malá",
        ),
    ],
)
def test_a_short_given_name_declined_alone_is_the_person_who_has_it(
    lang: str, paragraphs: list[str], name: str
) -> None:
    # "Ольги", "Anny", "Evy": too short a stem to match "Ольга", "Anna", "Eva" by its
    # ending alone; the given-name table reads them so.
    assert [s for _, s, _ in run(paragraphs, lang)] == [name]
