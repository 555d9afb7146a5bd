"""Unnamed sources: the description as written, with what the article says of them
(guidelines: "a fund manager who asked not to be named"). Invented sentences."""

from __future__ import annotations

import pytest

from tests.test_annotate_speakers_roles import speakers


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        (
            "mk",
            [
                "Пазарот во Битола повторно е затворен.",
                "Еден продавач од Прилеп, кој не сакаше да го каже своето име, вели дека "
                "загубил половина од прометот. „Никој не ни кажа ништо“, рече продавачот.",
            ],
            "Еден продавач од Прилеп, кој не сакаше да го каже своето име",
        ),
        (
            "en",
            [
                "The market in Hexham is closed again.",
                "A trader from Corbridge, who did not want to give his name, says he has "
                "lost half his takings. “Nobody told us anything,” the trader said.",
            ],
            "A trader from Corbridge, who did not want to give his name",
        ),
    ],
)
def test_a_role_noun_takes_up_the_introduction_with_its_relative_clause(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    # The introduction does not speak; a definite role noun later takes it up. What the
    # relative clause says of the person is part of the description there too.
    assert [s for _, s in speakers(paragraphs, lang)] == [speaker]


@pytest.mark.parametrize(
    ("lang", "paragraph", "speaker"),
    [
        (
            "sl",
            "»Zdaj čakamo tri mesece,« je povedal 64-letni Celjan, ki je želel ostati neimenovan.",
            "64-letni Celjan, ki je želel ostati neimenovan",
        ),
        (
            "en",
            "“We wait three months now,” said the 64-year-old Glaswegian, who asked not to "
            "be named.",
            "the 64-year-old Glaswegian, who asked not to be named",
        ),
    ],
)
def test_a_capitalised_word_of_someone_the_article_says_is_unnamed_is_no_name(
    lang: str, paragraph: str, speaker: str
) -> None:
    # The relative clause says the person is not named: the one capitalised word is a
    # demonym, not a surname.
    got = speakers(["Patients are waiting longer.", paragraph], lang)
    assert [s for _, s in got] == [speaker]


def test_a_noun_capitalised_by_the_language_still_takes_up_the_introduction() -> None:
    # German writes every noun with a capital: "die Frau" is the customer introduced
    # before, not a name and not a new description.
    got = speakers(
        [
            "Die Bäckerei am Markt schließt.",
            "Eine Kundin, die seit Jahren dort einkauft, war fassungslos. „Wo soll ich "
            "jetzt hin?“, sagte die Frau, die ihren Namen nicht in der Zeitung lesen wollte.",
        ],
        "de",
    )
    assert [s for _, s in got] == ["Eine Kundin, die seit Jahren dort einkauft"]


@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        # A given name: the person is named, only not in full.
        (
            [
                "Patients are waiting longer.",
                "“We wait three months now,” said Margaret, who asked that her surname not be "
                "used.",
            ],
            "Margaret",
        ),
        # Written elsewhere too: a name the article uses.
        (
            [
                "Halvorsen has run the clinic since 2019.",
                "“We wait three months now,” said Halvorsen, who asked not to be named in "
                "connection with the inquiry.",
            ],
            "Halvorsen",
        ),
    ],
)
def test_a_name_stays_a_name_beside_a_clause_about_not_being_named(
    paragraphs: list[str], name: str
) -> None:
    assert [s for _, s in speakers(paragraphs, "en")] == [name]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        (
            "uk",
            [
                "Оксана Мельник живе на цій вулиці тридцять років.",
                "«Світла немає вже тиждень», — каже Оксана Мельник.",
                "Сусідка пані Оксани додала: «Ми заряджаємо телефони в магазині».",
            ],
            "Сусідка пані Оксани",
        ),
        (
            "pl",
            [
                "Jan Kowalski mieszka tu od czterdziestu lat.",
                "– Prądu nie ma od tygodnia – mówi Jan Kowalski.",
                "– Ładujemy telefony w sklepie – dodała sąsiadka pana Kowalskiego.",
            ],
            "sąsiadka pana Kowalskiego",
        ),
        (
            "cs",
            [
                "Jan Novák tu žije čtyřicet let.",
                "„Proud nejde už týden,“ říká Jan Novák.",
                "„Telefony si nabíjíme v obchodě,“ dodala sousedka pana Nováka.",
            ],
            "sousedka pana Nováka",
        ),
        # Kinship nouns are nouns for a person in every table.
        (
            "ru",
            [
                "Иван Петров живёт здесь сорок лет.",
                "«Воды нет третий день», — говорит Иван Петров.",
                "«Мы носим воду вёдрами», — добавила жена Петрова.",
            ],
            "жена Петрова",
        ),
        (
            "sk",
            [
                "Ján Kováč tu žije štyridsať rokov.",
                "„Voda netečie už týždeň,“ hovorí Ján Kováč.",
                "„Nosíme vodu vo vedrách,“ dodala manželka Jána Kováča.",
            ],
            "manželka Jána Kováča",
        ),
    ],
)
def test_whose_neighbour_speaks_is_not_the_neighbour(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    # The name after the noun is in the genitive where the article writes the person's
    # name in its base form: the noun's complement, someone else (as "Miller's
    # neighbour" is not Miller).
    assert [s for _, s in speakers(paragraphs, lang)][-1] == speaker


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        # A role and its holder's name, both in the genitive after a preposition: the
        # holder speaks.
        (
            "pl",
            [
                "Wiceminister zdrowia Joanna Kalinowska przedstawiła program.",
                "Według wiceminister Kalinowskiej program będzie oceniany co pół roku. "
                "„Pierwsze dane pokażemy we wrześniu” – zapewniła.",
            ],
            "Joanna Kalinowska",
        ),
        # A name in its base form in apposition after the possessor: that one speaks.
        (
            "ru",
            [
                "Президент Владимир Путин провёл совещание.",
                "«Решение принято», — сказал пресс-секретарь Путина Дмитрий Песков.",
            ],
            "Дмитрий Песков",
        ),
        # The role and the name in the same case: the holder.
        (
            "pl",
            [
                "Trener Marek Nowak jest zadowolony.",
                "– Jesteśmy gotowi – powiedział trener Nowak.",
            ],
            "Marek Nowak",
        ),
    ],
)
def test_a_name_that_agrees_with_its_noun_is_the_person_who_speaks(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    assert [s for _, s in speakers(paragraphs, lang)][-1] == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We wait three months now,” said Kerrigan, who asked not to be identified by his "
        "first name.",
        "“We wait three months now,” said Kowalski, who asked not to be named in full.",
    ],
)
def test_a_lone_surname_stays_a_name_when_the_clause_withholds_part_of_it(
    paragraph: str,
) -> None:
    # Only an article or an age before the word makes it a description ("the
    # 64-year-old Glaswegian"); a lone capitalised word may be a surname, and the
    # clause may withhold only the given name.
    got = speakers(["Patients are waiting longer.", paragraph], "en")
    assert [s for _, s in got] == [paragraph.split("said ")[1].split(",")[0]]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "Jēkabpils novadā izsludināta ārkārtējā situācija.",
                "Pēc novada domes priekšsēdētāja Raivja Kalniņa teiktā, ūdens līmenis vēl "
                "cels. „Iesakām pārvietot mantas uz augšējiem stāviem”, viņš norādīja.",
            ],
            "Raivis Kalniņš",
        ),
        (
            [
                "Rīgā atklāta gleznotāja Arvīda Kalnieša izstāde.",
                "Pēc mākslinieka Arvīda Kalnieša domām, gaisma ir galvenais. „Gaisma ir "
                "vienīgais, ko nevar nopirkt”, viņš teica.",
            ],
            "Arvīds Kalnietis",
        ),
    ],
)
def test_a_latvian_name_in_the_genitive_with_its_consonant_change_has_its_base_form(
    paragraphs: list[str], speaker: str
) -> None:
    # Second-declension names change their last consonant in the genitive: Raivis ->
    # Raivja (a j after a labial), Kalnietis -> Kalnieša (t -> š).
    assert [s for _, s in speakers(paragraphs, "lv")] == [speaker]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        # No article, and a place in the genitive that is no name of hers.
        (
            "ru",
            [
                "В Туле третий день не убирают снег.",
                "Пенсионерка Заречья, попросившая не называть её имени, рассказала, что во "
                "дворе «темно, как ночью».",
            ],
            "Пенсионерка Заречья, попросившая не называть её имени",
        ),
        (
            "sk",
            [
                "V Poprade zatvorili plaváreň.",
                "Otec dvoch žiakov z Levíc, ktorý nechcel uviesť svoje meno, povedal, že "
                "cesta im zaberie „dve hodiny a veľa trpezlivosti“.",
            ],
            "Otec dvoch žiakov z Levíc, ktorý nechcel uviesť svoje meno",
        ),
        # An indefinite article, and a place after it: still no name of hers.
        (
            "fr",
            [
                "La pharmacie de garde a fermé.",
                "« Il faut maintenant aller jusqu’à Morges la nuit », raconte une infirmière de "
                "Vevey qui n’a pas souhaité donner son nom.",
            ],
            "une infirmière de Vevey qui n’a pas souhaité donner son nom",
        ),
    ],
)
def test_a_description_without_an_article_runs_on_through_its_clause_of_anonymity(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    # What the clause says is that the person is not named: the words before it are a
    # description, not a role to take up nor a name in a place's case.
    assert [s for _, s in speakers(paragraphs, lang)] == [speaker]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        (
            "uk",
            [
                "У транспортній поліції Рівненської області підсумували місяць.",
                "«Порушень стало менше», — зазначили в поліції.",
            ],
            "поліція Рівненської області",
        ),
        (
            "ru",
            [
                "В прокуратуре Курской области рассказали о проверке.",
                "«Нарушения устранены», — добавили в прокуратуре.",
            ],
            "прокуратура Курской области",
        ),
    ],
)
def test_a_place_adjective_after_a_body_noun_is_no_name_of_the_body(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    # "Рівненської" agrees with "області" after it: the body's complement, not its name.
    assert [s for _, s in speakers(paragraphs, lang)] == [speaker]


def test_a_named_person_stays_named_when_the_clause_hides_something_else() -> None:
    # "her hospital not be identified": the nurse is named beside her noun.
    got = speakers(
        [
            "“Nobody listens to us,” said a nurse, Joan Ellery, who spoke on condition "
            "that her hospital not be identified.",
            "Ellery said the ward had lost six nurses. “We cover three shifts,” she said.",
        ],
        "en",
    )
    assert [s for _, s in got] == ["Joan Ellery", "Joan Ellery"]
