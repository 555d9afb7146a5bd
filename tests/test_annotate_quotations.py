"""The quotation-part finder of the annotation engine."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.quotations import find_parts


def texts(paragraphs: list[str], lang: str | None = None) -> list[str]:
    return [p.text for p in find_parts(paragraphs, lang=lang).parts]


def links(
    paragraphs: list[str], lang: str | None = None
) -> list[tuple[str, str | None, str | None]]:
    return [(p.text, p.prev, p.next) for p in find_parts(paragraphs, lang=lang).parts]


def attributions(paragraphs: list[str], lang: str | None = None) -> list[str]:
    found = find_parts(paragraphs, lang=lang)
    return [paragraphs[a.paragraph - 1][a.start : a.end] for a in found.attributions]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "He said “yes” today.", ["“yes”"]),
        ("de", "Er sagte: „Ja“.", ["„Ja“"]),
        ("pl", "Powiedział: „Tak”.", ["„Tak”"]),
        ("fr", "Il a dit : « Oui » hier.", ["« Oui »"]),
        ("de", "Sie sagte: »Das ist gut«, und ging.", ["»Das ist gut«"]),
        ("sv", "Han sa: ”Det är bra” och gick.", ["”Det är bra”"]),
        ("fi", "Hän sanoi: »Hyvä on» ja lähti.", ["»Hyvä on»"]),
        ("en", 'He said "no" and left.', ['"no"']),
        ("ja", "彼は「はい」と言った。", ["「はい」"]),
        ("cs", "Řekl: „Ano.“", ["„Ano.“"]),
    ],
)
def test_marks_of_many_languages(lang: str, text: str, expected: list[str]) -> None:
    assert texts([text], lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He is 6'2\" tall.",
        "She is 5’11” and he is 6′.",
        "A 17\" screen and a 3' board.",
        "The organization’s leaders’ summit in the ’90s.",
        "L’État a dit qu’il n’irait pas.",
        "'Tis the season.",
    ],
)
def test_inches_feet_and_apostrophes_are_not_quotations(text: str) -> None:
    found = find_parts([text], lang="en")
    assert found.parts == ()
    assert found.issues == ()


def test_a_quotation_may_still_end_in_a_digit() -> None:
    assert texts(['He said "I was 17" and left.'], "en") == ['"I was 17"']


def test_nesting_and_depth() -> None:
    parts = find_parts(["«Это „главная задача“ года»"], lang="ru").parts
    assert [(p.id, p.text, p.depth, p.parent) for p in parts] == [
        ("q1", "«Это „главная задача“ года»", 0, None),
        ("q2", "„главная задача“", 1, "q1"),
    ]


def test_english_interrupted_quotation_is_linked() -> None:
    assert links(["“We did it,” she added, “and on budget.”"], "en") == [
        ("“We did it,”", None, "q2"),
        ("“and on budget.”", "q1", None),
    ]
    assert attributions(["“We did it,” she added, “and on budget.”"], "en") == ["she added"]


@pytest.mark.parametrize(
    ("lang", "text", "attribution"),
    [
        (
            "de",
            "„Wir schaffen das“, sagte der Minister. „Wir haben keine Wahl.“",
            "sagte der Minister",
        ),
        (
            "fr",
            "« Il faut agir », a déclaré le ministre. « Tout de suite. »",
            "a déclaré le ministre",
        ),
        ("it", "«C’è molto da fare», ha detto Rossi. «Cominciamo oggi».", "ha detto Rossi"),
        ("pl", "„Nie wiemy” – powiedział premier. – „Zobaczymy”.", "powiedział premier"),
        ("nl", "“Het is zwaar”, zei de trainer. “Maar we gaan door.”", "zei de trainer"),
        ("pt", "«Foi difícil», disse o treinador. «Mas vamos continuar.»", "disse o treinador"),
        ("sv", "”Det var tufft”, säger tränaren. ”Men vi fortsätter.”", "säger tränaren"),
        ("cs", "„Bylo to těžké,“ řekl trenér. „Ale pokračujeme.“", "řekl trenér"),
        # A role and a name before the verb, every word capitalised.
        (
            "en",
            "“We are ready to talk,” Foreign Minister Andrii Sybiha told reporters. “Peace must "
            "be just.”",
            "Foreign Minister Andrii Sybiha told reporters",
        ),
        # The verb first, then who the speaker is, at length.
        (
            "en",
            "“We will stay open,” said Tom Brown, a former rugby player who runs a pub in "
            "Leeds. “People need a place to meet.”",
            "said Tom Brown, a former rugby player who runs a pub in Leeds",
        ),
    ],
)
def test_interrupted_quotations_are_linked_in_every_language(
    lang: str, text: str, attribution: str
) -> None:
    got = links([text], lang)
    assert [(g[1], g[2]) for g in got] == [(None, "q2"), ("q1", None)]
    assert attributions([text], lang) == [attribution]


@pytest.mark.parametrize(
    "text",
    [
        "“Done.” She left. “Again.”",  # a full stop ends the first quotation
        "“Yes,” he said. It rained all day and nobody came. “No.”",  # more than an attribution
        "“Yes,” “No,” “Maybe.”",  # nothing between them
        "He liked “Dune,” the novel, and “Emma.”",  # no speech verb between them
        # Capitalised words, but not all of them before the verb.
        "“Yes,” The committee of the city council then said. “No.”",
        # A long clause that does not open with its verb.
        "“Yes,” the man who had run the pub in Leeds for twenty years and more then said. “No.”",
    ],
)
def test_quotations_that_are_not_one_interrupted_quotation(text: str) -> None:
    assert all(g[1] is None for g in links([text], "en"))


def test_a_name_a_cue_governs_is_not_the_first_part_of_an_interruption() -> None:
    text = (
        "Партньор е софтуерната компания „Тракия Софт“, чийто директор Николай Димов "
        "обеща стажове. „Ще назначим поне половината от тях“, заяви той."
    )
    assert all(g[1] is None for g in links([text], "bg"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A name with a number in it is still a run of a name's words.
        (
            "es",
            "El Gobierno aprobará ayudas dentro del plan “Campo Vivo 2030”, según ha "
            "confirmado la consellera, quien ha evitado hablar de “crisis”.",
        ),
        # A name the sentence governs ("dalla «Lanterna»"), or one going on in lower
        # case after its cue ("dienraštis „Lietuvos rytas“"), is no resumed quotation.
        (
            "it",
            "«Non è la prima volta quest'estate», ha detto, ricordando i ritardi "
            "accumulati a luglio dalla «Lanterna», un'altra nave della flotta.",
        ),
        (
            "lt",
            "„Tai nauja tvarka“, – sakė ji. Apie tai pirmasis rašė dienraštis „Vakaro "
            "žinios“, o vilniečiai juos vadina „nakties vabalais“.",
        ),
        # The second quotation is what a cue names: a title, not the speech going on.
        (
            "pt",
            "O ministro afirmou que o Governo “não vai recuar”, mas admitiu rever o plano "
            "“Portos 2035” este ano.",
        ),
    ],
)
def test_a_name_a_cue_governs_is_no_part_of_an_interruption(lang: str, text: str) -> None:
    assert all(g[1] is None for g in links([text], lang))


@pytest.mark.parametrize(
    ("lang", "text", "parts", "attribution"),
    [
        (
            "ru",
            "«Мы готовы, — заявил Игорь Семёнов. — Работаем дальше».",
            ["«Мы готовы,", "Работаем дальше»"],
            "заявил Игорь Семёнов",
        ),
        (
            "uk",
            "«Ми готові, — сказав міністр. — Працюємо далі».",
            ["«Ми готові,", "Працюємо далі»"],
            "сказав міністр",
        ),
        (
            "fr",
            "« Nous sommes prêts, a dit le maire. Nous allons agir. »",
            ["« Nous sommes prêts,", "Nous allons agir. »"],
            "a dit le maire",
        ),
        (
            "fr",
            "« Nous sommes prêts, explique-t-il, et nous allons agir. »",
            ["« Nous sommes prêts,", "et nous allons agir. »"],
            "explique-t-il",
        ),
        (
            "es",
            "«No es fácil —dijo el ministro—, pero lo haremos».",
            ["«No es fácil", "pero lo haremos»"],
            "dijo el ministro",
        ),
        # The stop after an abbreviation or an initial does not end the attribution.
        (
            "ro",
            "„Lucrăm în clădiri vechi, a spus dr. Ioana Rusu. Pacienții merită mai mult.”",
            ["„Lucrăm în clădiri vechi,", "Pacienții merită mai mult.”"],
            "a spus dr. Ioana Rusu",
        ),
        (
            "en",
            "“We are ready, said Sen. J. Walsh. We will act.”",
            ["“We are ready,", "We will act.”"],
            "said Sen. J. Walsh",
        ),
        # A role in apposition after the name belongs to the attribution.
        (
            "fr",
            "« Nous sommes prêts, a dit Paul Girard, maire de la commune. Nous allons agir. »",
            ["« Nous sommes prêts,", "Nous allons agir. »"],
            "a dit Paul Girard, maire de la commune",
        ),
        # Italian agencies set the attribution off with hyphens between spaces.
        (
            "it",
            "«Sono passati vent'anni - ha detto il sindaco - e oggi abbiamo il metrò».",
            ["«Sono passati vent'anni", "e oggi abbiamo il metrò»"],
            "ha detto il sindaco",
        ),
        (
            "it",
            "«È un cantiere complesso - ha spiegato Colombo -. Ma il teatro è pronto».",
            ["«È un cantiere complesso", "Ma il teatro è pronto»"],
            "ha spiegato Colombo",
        ),
    ],
)
def test_one_pair_of_marks_around_an_attribution_becomes_two_parts(
    lang: str, text: str, parts: list[str], attribution: str
) -> None:
    got = find_parts([text], lang=lang).parts
    assert [p.text for p in got] == parts
    assert [(p.prev, p.next) for p in got] == [(None, "q2"), ("q1", None)]
    assert all(p.marks == got[0].marks and p.marks and len(p.marks) == 2 for p in got)
    assert attributions([text], lang) == [attribution]


@pytest.mark.parametrize(
    "text",
    [
        "«Мы — команда, и мы — вместе», — сказал он.",  # dashes as parenthesis
        "«Это важно, — сказал он»",  # the attribution ends the quotation: nothing resumes
        "«Le linee 1 - 2 e 3 restano aperte tutto il giorno»",  # hyphens, no attribution
    ],
)
def test_dashes_inside_marks_without_a_resumed_quotation_do_not_split(text: str) -> None:
    assert len([p for p in find_parts([text], lang="ru").parts if p.depth == 0]) == 1


def test_quotation_continued_over_paragraphs_is_one_part_per_paragraph() -> None:
    paras = ["“First part with ‘inner’ words.", "“Second part.", "“Third part,” he said.", "After."]
    parts = find_parts(paras, lang="en").parts
    assert [(p.text, p.paragraph, p.prev, p.next, p.marks) for p in parts] == [
        ("“First part with ‘inner’ words.", 1, None, "q3", "“”"),
        ("‘inner’", 1, None, None, "‘’"),
        ("“Second part.", 2, "q1", "q4", "“”"),
        ("“Third part,”", 3, "q3", None, "“”"),
    ]
    assert parts[1].parent == "q1"


def test_a_continuation_that_never_closes_is_dropped_and_reported() -> None:
    found = find_parts(["“First part never closed.", "“Second part.", "Normal text."], lang="en")
    assert found.parts == ()
    assert [(i.paragraph, i.offset) for i in found.issues] == [(1, 0)]


def test_unbalanced_marks_are_reported() -> None:
    assert [(i.paragraph, i.offset) for i in find_parts(["He said “yes.", "Next."]).issues] == [
        (1, 8)
    ]
    issues = find_parts(["He said yes” today."]).issues
    assert [(i.offset, i.message) for i in issues] == [
        (11, "closing quotation mark ” has no opening mark")
    ]


@pytest.mark.parametrize(
    ("lang", "line", "parts", "attribution"),
    [
        (
            "ru",
            "— Мы готовы, — сказал он. — Работаем.",
            ["— Мы готовы,", "— Работаем."],
            "сказал он",
        ),
        (
            "be",
            "— Мы гатовыя, — сказаў ён. — Працуем.",
            ["— Мы гатовыя,", "— Працуем."],
            "сказаў ён",
        ),
        ("bg", "— Готови сме, — каза той. — Работим.", ["— Готови сме,", "— Работим."], "каза той"),
        (
            "es",
            "—No es fácil —dijo el ministro—, pero lo haremos.",
            ["—No es fácil", "pero lo haremos."],
            "dijo el ministro",
        ),
        (
            "sv",
            "– Vi är redo, säger han. – Vi börjar nu.",
            ["– Vi är redo,", "– Vi börjar nu."],
            "säger han",
        ),
        ("ru", "— Мы готовы, — сказал он.", ["— Мы готовы,"], "сказал он"),
        ("fi", "– Olemme valmiita, sanoi hän.", ["– Olemme valmiita,"], "sanoi hän"),
        # After a full stop, a capitalised clause behind the dash is the next sentence of
        # the speech, whatever verb it holds: the attribution is the comma clause before.
        (
            "sv",
            "– Vi väntade länge. Allt gick fel, säger hon. – Och vi trodde dem.",
            ["– Vi väntade länge. Allt gick fel,", "– Och vi trodde dem."],
            "säger hon",
        ),
        (
            "fi",
            "– Matka on pitkä. Se ei käy, hän sanoo. – Tästä pitää puhua.",
            ["– Matka on pitkä. Se ei käy,", "– Tästä pitää puhua."],
            "hän sanoo",
        ),
        # Between two dashes, a capitalised clause after a full stop is the narrator's.
        (
            "ru",
            "— Мы проиграли. — Семак вздохнул. — Бывает.",
            ["— Мы проиграли.", "— Бывает."],
            "Семак вздохнул",
        ),
    ],
)
def test_dialogue_lines_split_at_attributions(
    lang: str, line: str, parts: list[str], attribution: str
) -> None:
    got = find_parts([line], lang=lang).parts
    assert [(p.kind, p.text) for p in got] == [("dialogue", t) for t in parts]
    assert [p.prev for p in got] == [None] + [f"q{n}" for n in range(1, len(parts))]
    assert attributions([line], lang) == [attribution]


@pytest.mark.parametrize(
    ("lang", "paragraph", "parts", "attribution"),
    [
        # A dash line that opens after a sentence inside a paragraph (PAP, NTB, TT).
        (
            "pl",
            "Dyrektorka potwierdziła decyzję. – Nie możemy ryzykować – powiedziała "
            "dyrektorka na konferencji.",
            ["– Nie możemy ryzykować"],
            "powiedziała dyrektorka na konferencji",
        ),
        (
            "no",
            "Han avviser kritikken. – Anlegget var godkjent, sier han. – Vi skal finne ut "
            "hva som gikk galt.",
            ["– Anlegget var godkjent,", "– Vi skal finne ut hva som gikk galt."],
            "sier han",
        ),
    ],
)
def test_a_dash_line_may_open_inside_a_paragraph(
    lang: str, paragraph: str, parts: list[str], attribution: str
) -> None:
    got = find_parts([paragraph], lang=lang).parts
    assert [(p.kind, p.text) for p in got] == [("dialogue", t) for t in parts]
    assert attributions([paragraph], lang) == [attribution]


@pytest.mark.parametrize(
    ("lang", "paragraph"),
    [
        # Without an attribution a dash after a sentence may be a parenthesis.
        ("pl", "Budowa potrwa dwa lata. – To dużo, ale tak bywa."),
        # The dash between two parts of one quotation is its attribution's.
        ("be", "«Лёд на правадах, — расказаў інжынер. — Дрэвы ламаюцца», — дадаў ён."),
    ],
)
def test_a_dash_inside_a_paragraph_without_its_own_attribution_is_not_dialogue(
    lang: str, paragraph: str
) -> None:
    assert all(p.kind == "quote" for p in find_parts([paragraph], lang=lang).parts)


def test_dialogue_without_attribution_is_one_part() -> None:
    assert texts(["— Это — важно."], "ru") == ["— Это — важно."]


def test_quotes_inside_dialogue_nest() -> None:
    parts = find_parts(["— Он сказал «да», — ответил министр."], lang="ru").parts
    assert [(p.kind, p.depth, p.parent) for p in parts] == [
        ("dialogue", 0, None),
        ("quote", 1, "q1"),
    ]


@pytest.mark.parametrize(
    ("lang", "paragraphs"),
    [
        ("ru", ["План такой:", "— снизить налоги;", "— поднять зарплаты;", "— открыть границы."]),
        ("ru", ["Министр перечислил меры.", "— Снизить налоги", "— Поднять зарплаты"]),
        ("uk", ["Серед вимог:", "– підвищення зарплат,", "– скорочення робочого дня."]),
        ("es", ["Las medidas incluyen:", "— bajar impuestos;", "— subir salarios."]),
        ("pl", ["Rząd zapowiedział:", "– obniżkę podatków,", "– podwyżki płac,", "– nowe drogi."]),
        ("ru", ["Программа включает:", "— Строительство школ."]),
        (None, ["The measures:", "– cut the tax;", "– raise wages."]),
    ],
)
def test_dash_list_items_are_not_dialogue(lang: str | None, paragraphs: list[str]) -> None:
    assert find_parts(paragraphs, lang=lang).parts == ()


def test_dialogue_after_a_speech_colon_is_dialogue() -> None:
    paras = ["Президент сказал:", "— Мы готовы.", "— Когда?"]
    assert texts(paras, "ru") == ["— Мы готовы.", "— Когда?"]


def test_an_interview_is_dialogue() -> None:
    paras = [
        "— Как вы оцениваете сезон?",
        "— Сезон был трудным, но мы справились.",
        "— Что дальше?",
    ]
    assert len(texts(paras, "ru")) == 3


def test_dash_lines_are_not_dialogue_where_the_press_does_not_use_dialogue_dashes() -> None:
    assert texts(["— We are ready, — he said."], "en") == []
    assert texts(["– Wir sind bereit, sagte er."], "de") == []


def test_unknown_language_allows_dialogue() -> None:
    assert texts(["— Мы готовы, — сказал он. — Работаем."], None) == ["— Мы готовы,", "— Работаем."]


def test_parts_are_in_document_order_with_json_form() -> None:
    found = find_parts(["“A,” he said, “b.”", "— Да, — сказал он."], lang=None)
    assert [p.id for p in found.parts] == ["q1", "q2", "q3"]
    assert found.parts[1].to_dict() == {
        "id": "q2",
        "kind": "quote",
        "start": {"paragraph": 1, "offset": 14},
        "end": {"paragraph": 1, "offset": 18},
        "text": "“b.”",
        "depth": 0,
        "marks": "“”",
        "prev": "q1",
    }


def test_linear_on_long_texts() -> None:
    paragraph = "“Yes,” he said, “and no.” " * 2000
    found = find_parts([paragraph], lang="en")
    assert len(found.parts) == 4000


def test_a_single_mark_quotation_over_paragraphs_is_one_quotation() -> None:
    paragraphs = [
        "She read out the letter:",
        "‘When my husband proposed, I said yes outside.",
        "‘Some of us have been coming here for decades.",
        "‘Please leave us our ten o’clock.’",
    ]
    found = find_parts(paragraphs, lang="en")
    assert [(p.start.paragraph, p.prev) for p in found.parts] == [(2, None), (3, "q1"), (4, "q2")]


def test_a_closing_single_mark_before_another_quotation_closes_its_own() -> None:
    text = (
        "He told the ‘Westmorland Courier’ last month that the pub was ‘losing money "
        "every night it shuts early’."
    )
    found = find_parts([text], lang="en")
    assert [p.text for p in found.parts] == [
        "‘Westmorland Courier’",
        "‘losing money every night it shuts early’",
    ]


def test_an_apostrophe_that_opens_paragraphs_is_no_quotation_over_them() -> None:
    paragraphs = [
        "The band played.",
        "‘Tis the season to be jolly, the crowd sang.",
        "‘Twas the night before Christmas, they went on.",
    ]
    found = find_parts(paragraphs, lang="en")
    assert (found.parts, found.issues) == ((), ())
