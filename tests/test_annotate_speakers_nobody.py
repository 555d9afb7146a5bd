"""Words beside a speech verb that refer to nobody (an adverb, a gerund or converb, the
one spoken to) are never the speaker's mention: the attribution looks past them for the
real subject, or gives no speaker."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.tables import tables_for
from tests.test_annotate_speakers import run


@pytest.mark.parametrize(
    ("lang", "paragraphs", "mention"),
    [
        # A converb before the verb, the subject after it.
        (
            "lv",
            [
                "Uz klāja stāvēja Jānis Bērziņš.",
                "„Jūra šodien ir mierīga,” smejoties teica kapteinis.",
            ],
            "kapteinis",
        ),
        # An adverb before the verb.
        ("uk", ["«Я стану лікарем», — спокійно відповідає школяр."], "школяр"),
        # The outlet spoken to, in an oblique case, then the subject.
        (
            "hu",
            ["„Holnap esni fog” – mondta az MTI-nek a szolgálat meteorológusa."],
            "a szolgálat meteorológusa",
        ),
        # The pronoun that opens the clause of a first verb that is no speech verb.
        (
            "ru",
            ["Я позвал соседку, она долго молчала, а затем ответила: «Ну что ж, поезжай»."],
            "она",
        ),
    ],
)
def test_the_subject_past_words_that_name_nobody(
    lang: str, paragraphs: list[str], mention: str
) -> None:
    got, _ = run(paragraphs, lang)
    assert [m for _, _, m in got] == [mention]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "nobody"),
    [
        # A gerund after the verb: the verb has no subject here.
        (
            "it",
            [
                "Sul binario aspettava la pensionata Rosa Bianchi.",
                "«Sono qui dalle sei», ha spiegato ridendo.",
            ],
            "ridendo",
        ),
        # The reporter spoken to, and an adverb of time.
        (
            "pl",
            ["Na przystanku czekała Anna Nowak.", "– Czekałam od rana – opowiadała nam potem."],
            "nam",
        ),
        # A first-person clitic fused with the auxiliary: the reporter was told.
        (
            "ro",
            [
                "Pe peron l-am găsit pe Ion Popescu.",
                "„Am venit din Iași cu trenul”, ne-a declarat el.",
            ],
            "ne-a",
        ),
        # An adverb that opens the sentence, with an impersonal verb.
        (
            "uk",
            [
                "У компанії «Теплосервіс» відповіли коротко.",
                "Там запевнили, що тепло буде «до неділі».",
            ],
            "Там",
        ),
    ],
)
def test_a_word_that_names_nobody_is_no_mention(
    lang: str, paragraphs: list[str], nobody: str
) -> None:
    got, _ = run(paragraphs, lang)
    assert got
    assert all(m != nobody for _, _, m in got)


def test_which_words_name_nobody() -> None:
    from corpus_tools.annotate.speakers import _names_nobody

    it, hu, ru = tables_for("it"), tables_for("hu"), tables_for("ru")
    assert _names_nobody("ridendo", it)
    assert not _names_nobody("Orlando", it)  # a name, not a gerund
    assert not _names_nobody("sindaco", it)
    assert _names_nobody("fel", hu)
    assert _names_nobody("nekünk", hu)
    assert _names_nobody("вернуться", ru)
    assert _names_nobody("нам", ru)
    assert not _names_nobody("оно", ru)  # a pronoun, whatever its ending


def test_a_name_after_a_preposition_of_the_addressee_is_not_the_speaker_s() -> None:
    # "à Radio Alpes Nord" says to whom: the mention ends before it.
    got, _ = run(
        [
            "L’ancien capitaine Marc Lefèvre a quitté le club en juin.",
            "« Je pars sans regret », a confié l’ancien capitaine à Radio Alpes Nord.",
        ],
        "fr",
    )
    assert got == [("« Je pars sans regret »", "Marc Lefèvre", "l’ancien capitaine")]
    # A name apposed after such a phrase is still the speaker's.
    got, _ = run(
        [
            "« Nous voulons des aides directes », a déclaré le porte-parole du syndicat "
            "à Lyon, Pierre Morel."
        ],
        "fr",
    )
    assert [n for _, n, _ in got] == ["Pierre Morel"]


@pytest.mark.parametrize(
    ("lang", "paragraph", "name"),
    [
        # A name that ends like an adverb ("-но") is still a name: endings count only
        # for words written in lower case.
        ("ru", "«Мы хорошо сыграли», — сказал Бруно.", "Бруно"),
        ("ru", "Бруно сказал: «Мы хорошо сыграли».", "Бруно"),
    ],
)
def test_a_capitalised_name_is_no_converb(lang: str, paragraph: str, name: str) -> None:
    got, _ = run([paragraph], lang)
    assert [n for _, n, _ in got] == [name]


def test_where_nouns_are_capitalised_lower_case_words_alone_are_no_mention() -> None:
    # A participle after the quotation, the verb and its subject after a comma.
    got, _ = run(
        [
            "Die Stadt hat einen Hilfsfonds eingerichtet. Das Geld werde «schnell und "
            "einfach» ausgezahlt, versprach Bürgermeisterin Anna Keller."
        ],
        "de",
    )
    assert got == [("«schnell und einfach»", "Anna Keller", "Bürgermeisterin Anna Keller")]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # Where someone comes from introduces someone new, as a relative clause does,
        # where no article says so ...
        (
            "pl",
            [
                "Prezydent miasta Piotr Nowak przedstawił plan remontu.",
                "„Niech to wreszcie zrobią porządnie” – mówi starsza kobieta z bloku przy "
                "ul. Długiej.",
            ],
            "starsza kobieta z bloku przy ul. Długiej",
        ),
        (
            "ru",
            [
                "Директор школы Николай Петров объяснил план.",
                "— Опять сидим дома, — говорит учительница из соседней школы.",
            ],
            "учительница из соседней школы",
        ),
        # ... but a role a named person holds is theirs wherever they come from, and a
        # place phrase that says where the words were said introduces nobody.
        (
            "cs",
            [
                "Ministr zdravotnictví Petr Novák představil plán.",
                "„Nemocnice zůstane otevřená,“ řekl ministr z Prahy.",
            ],
            "Petr Novák",
        ),
        (
            "ru",
            [
                "Учительница Анна Петрова объяснила план.",
                "— Опять сидим дома, — говорит учительница из соседней школы.",
            ],
            "Анна Петрова",
        ),
        (
            "bg",
            [
                "Кметът Иван Петров представи плана.",
                "„Ще има вода“, каза кметът от трибуната.",
            ],
            "Иван Петров",
        ),
    ],
)
def test_a_bare_role_noun_with_where_the_person_comes_from(
    lang: str, paragraphs: list[str], name: str
) -> None:
    got, _ = run(paragraphs, lang)
    assert [n for _, n, _ in got] == [name]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        (
            "uk",
            [
                "Директор школи Микола Петренко пояснив план.",
                "— Знову сидимо вдома, — каже мама першокласника з Оболоні.",
            ],
            "мама першокласника з Оболоні",
        ),
        # A mother the article named is still whom "мама" takes up.
        (
            "uk",
            [
                "Мама хлопчика Олена Коваль прийшла на суд.",
                "— Я не пробачу, — сказала мама після засідання.",
            ],
            "Олена Коваль",
        ),
    ],
)
def test_the_everyday_word_for_a_mother_is_a_woman_s_noun(
    lang: str, paragraphs: list[str], name: str
) -> None:
    got, _ = run(paragraphs, lang)
    assert [n for _, n, _ in got] == [name]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # "z", "з" with the instrumental is "with", not "from": whom or how, and the
        # noun takes up the person the article is about.
        (
            "pl",
            [
                "Jan Nowak od trzydziestu lat uprawia zboże pod Lublinem.",
                "„Tak źle jeszcze nie było” – mówi rolnik z wyraźnym smutkiem.",
            ],
            "Jan Nowak",
        ),
        (
            "uk",
            [
                "Іван Петренко тридцять років вирощує пшеницю на Полтавщині.",
                "«Такого ще не було», — каже фермер із сумом.",
            ],
            "Іван Петренко",
        ),
        # A role the article gave a named person, by a copula, a comma or a dash, is
        # that person's wherever they come from.
        (
            "pl",
            [
                "Jan Kowalski jest prezesem firmy z Gdańska.",
                "„Zatrudnimy stu ludzi” – mówi prezes z Gdańska.",
            ],
            "Jan Kowalski",
        ),
        (
            "pl",
            [
                "Jan Kowalski, nowy trener z Gdańska, przedstawił plan.",
                "„Zaczynamy od jutra” – mówi trener z Gdańska.",
            ],
            "Jan Kowalski",
        ),
        (
            "uk",
            [
                "Іван Петренко — директор школи з Полтави.",
                "«Діти повернулися до класів», — каже директор із Полтави.",
            ],
            "Іван Петренко",
        ),
    ],
)
def test_with_whom_or_a_named_persons_role_is_no_origin(
    lang: str, paragraphs: list[str], name: str
) -> None:
    got, _ = run(paragraphs, lang)
    assert [n for _, n, _ in got] == [name]
