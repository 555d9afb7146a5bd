"""Role nouns resolved to the person introduced with that role (invented sentences)."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.quotations import find_parts
from corpus_tools.annotate.speakers import attribute
from corpus_tools.annotate.tables import tables_for


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


def test_a_name_after_a_declined_role_noun_may_be_a_man_s_declined() -> None:
    # "тренера … Александра Демидова": the role noun is in the genitive, so the name is
    # too; "сказал тренер" then shows a man, Александр Демидов, not Александра Демидова.
    got = speakers(
        [
            "Решающую шайбу в овертайме забросил нападающий Кирилл Лобанов.",
            "По словам главного тренера городской команды Александра Демидова, победу "
            "ребята вырвали характером.",
            "— Мы это заслужили, — сказал тренер после матча.",
        ],
        "ru",
    )
    assert got == [("— Мы это заслужили,", "Александр Демидов")]


def test_a_role_with_a_two_word_complement_before_a_full_name_is_the_person_s() -> None:
    got = speakers(
        [
            "Radny opozycyjnego klubu Marek Zieliński skrytykował budżet miasta.",
            "– Miasto zadłuża się na kolejne dziesięć lat – przypomina radny.",
            "Inny radny, Piotr Kowalczyk, odpowiada, że długi są pod kontrolą.",
        ],
        "pl",
    )
    assert got[0][1] == "Marek Zieliński"


@pytest.mark.parametrize(
    ("lang", "word", "declined"),
    [
        ("ru", "тренера", True),
        ("be", "трэнера", True),
        ("pl", "trenera", True),
        ("ru", "тренер", False),  # the nominative: the name after it is too
        ("ru", "проректор", False),
        ("pl", "trenerka", False),  # a woman's role word
        ("ru", "глава", False),  # "глав*" may be cut before a nominative's vowel
    ],
)
def test_a_declined_role_word(lang: str, word: str, declined: bool) -> None:
    from corpus_tools.annotate.speakers import _declined_role

    assert _declined_role(word, tables_for(lang)) is declined


def test_a_role_word_ending_a_name_that_opens_with_a_given_name_is_a_surname() -> None:
    # "Pastor" is a role word too ("el pastor"), but after "Vicente Ferrer" a surname.
    got = speakers(
        [
            "Fuentes del departamento dijeron que la huelga es precipitada.",
            "El conseller de Sanidad, Vicente Ferrer Pastor, compareció por la tarde.",
            "—No compartimos la medicina —ha dicho el conseller.",
        ],
        "es",
    )
    assert got == [("—No compartimos la medicina", "Vicente Ferrer Pastor")]


def test_a_woman_s_form_of_a_role_is_not_whom_the_man_s_form_introduced() -> None:
    got = speakers(
        [
            "Der Adorfer Gemeindepräsident Jan Keller und seine Amtskollegin aus Bdorf, "
            "Lea Sommer, haben der Bahn einen Brief geschickt. Die Gemeindepräsidentin "
            "sprach am Mittwoch von einem «Skandal für die ganze Region».",
        ],
        "de",
    )
    assert got == [("«Skandal für die ganze Region»", "Lea Sommer")]


def test_the_portfolio_after_a_role_noun_finds_its_holder_named_without_the_role() -> None:
    got = speakers(
        [
            "In Deventer reageerden twee wethouders verschillend. Wethouder Anna Berg "
            "(Klimaat) noemde het geld een goede stap. Haar collega Jan Smit (Financiën) "
            "is kritischer. ‘Het is veel te weinig,’ aldus de wethouder van Financiën.",
        ],
        "nl",
    )
    assert got == [("‘Het is veel te weinig,’", "Jan Smit")]


def test_a_compound_role_before_a_name_is_taken_up_by_its_last_part() -> None:
    got = speakers(
        [
            "Museet har købt et maleri for 14 mio. kr. »Det er en lille sensation,« siger "
            "museumsdirektør Anna Holm.",
            "»Penselføringen er helt ægte,« siger kunsthistoriker Jens Berg fra Aarhus "
            "Universitet.",
            "»Nu skal folk have lov at se det,« siger direktøren.",
        ],
        "da",
    )
    assert got[-1] == ("»Nu skal folk have lov at se det,«", "Anna Holm")


def test_a_role_word_does_not_take_up_a_complement_word_that_starts_alike() -> None:
    # "rolnik" (a farmer) is not "przewodniczący Izby Rolniczej" (the farmers' chamber).
    got = speakers(
        [
            "Według przewodniczącego Mazowieckiej Izby Rolniczej Stanisława Kowalczyka "
            "mleczarnie płacą za mało.",
            "– Dokładamy do każdego litra – mówił Kowalczyk przez megafon.",
            "Rolnicy przyjechali ciągnikami.",
            "Z Piotrem Nowickim, który prowadzi gospodarstwo pod Płockiem, rozmawialiśmy "
            "w przerwie protestu.",
            "– Mam czterdzieści krów i kredyt na oborę – powiedział rolnik.",
        ],
        "pl",
    )
    assert got[-1] == ("– Mam czterdzieści krów i kredyt na oborę", "Piotr Nowicki")


def test_a_noun_takes_up_the_person_named_after_a_compound_that_ends_with_it() -> None:
    got = speakers(
        [
            "Op zaterdag speelt stadsbeiaardier Jan Mol een nieuw werk. Hij oefent al weken.",
            "Schepen van Cultuur Els Peeters noemt het concert een cadeau. De 24-jarige "
            "studente Lies Bos mag de eerste noten spelen.",
            "‘Het wordt een feest voor de hele stad,’ zegt de beiaardier.",
        ],
        "nl",
    )
    assert got[-1] == ("‘Het wordt een feest voor de hele stad,’", "Jan Mol")


def test_a_surname_alike_but_for_an_ending_with_another_given_name_is_another_person() -> None:
    got = speakers(
        [
            "La consellera de Agricultura, Rosa Marí, defendió la gestión del Consell.",
            "En Alzira, el agricultor Josep Martí recorre una parcela de naranjos. «Nunca "
            "los había visto así», lamenta el agricultor.",
        ],
        "es",
    )
    assert got == [("«Nunca los había visto así»", "Josep Martí")]


def test_a_role_and_its_portfolio_opening_a_sentence_are_no_person() -> None:
    got = speakers(
        [
            "Le bourgmestre, Marc Dupont (PS), s’est félicité du succès du tram.",
            "L’échevin du Commerce, Jean-Luc Morel (MR), reconnaît que « les commerçants "
            "ont payé un prix très lourd ».",
        ],
        "fr",
    )
    assert got == [("« les commerçants ont payé un prix très lourd »", "Jean-Luc Morel")]


# Cases an independent review found the role and body rules of this work getting wrong
# (each right before them): the rules were reverted or narrowed.
@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # Two holders of one role in one sentence: the complement tells them apart.
        (
            "it",
            [
                "L'assessore alla Cultura, Marco Neri, e l'assessora al Bilancio, Giulia "
                "Conti, hanno presentato il piano.",
                "«I fondi ci sono», ha detto l'assessora al Bilancio.",
            ],
            "Giulia Conti",
        ),
        (
            "en",
            [
                "The mayor of Leeds, Tom Hale, and the mayor of York, Anna Reed, signed the deal.",
                "\u201cWe need trains,\u201d the mayor of York said.",
            ],
            "Anna Reed",
        ),
        # The role's holder is named later: the role noun is still theirs.
        (
            "en",
            [
                "Striker Jack Moss scored twice on Saturday.",
                "\u201cHe is in the form of his life,\u201d the manager said.",
                "Moss has now scored 20 goals this season.",
                "Manager Tom Hale said he would not sell him.",
            ],
            "Tom Hale",
        ),
        # Whom the holder met is not the holder.
        (
            "fr",
            [
                "Le chef de l'Etat Emmanuel Macron s'est entretenu avec Olaf Scholz.",
                "« L'Europe doit agir », a dit le président.",
            ],
            "Emmanuel Macron",
        ),
        # A woman given the man's form of a role is still the woman's form's holder.
        (
            "pl",
            [
                "Dyrektor szpitala Ewa Lis i ordynator Jan Kruk przedstawili plan.",
                "– Brakuje lekarzy – mówi dyrektorka.",
            ],
            "Ewa Lis",
        ),
        # An adverb before the verb is no part of a body's name.
        (
            "ru",
            [
                "Российская федерация хоккея официально сообщила о решении.",
                "«Решение окончательное», — заявили в федерации.",
            ],
            "Российская федерация хоккея",
        ),
        # A dative and an object before a verb's particle are no genitive complement.
        (
            "de",
            [
                "Wie die Zeitung berichtet, warf der Mieterverband der Stadt Versagen vor.",
                "\u201eDie Mieten explodieren\u201c, sagte der Verband.",
            ],
            "Mieterverband",
        ),
    ],
)
def test_the_review_s_cases(lang: str, paragraphs: list[str], name: str) -> None:
    assert speakers(paragraphs, lang)[-1][1] == name


# Cases the third review found the place, participle and body-form rules getting wrong.
@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # A participle phrase before a role's noun, without an indefinite: its holder.
        (
            "fi",
            [
                "Arkkipiispa Tapio Luoma jää eläkkeelle ensi vuonna.",
                "– Kirkon on uudistuttava, sanoi eläkkeelle jäävä arkkipiispa.",
            ],
            "Tapio Luoma",
        ),
        # A word of place that the description goes on from belongs to it.
        (
            "fi",
            [
                "Kaupungin kirjastossa kävi paljon väkeä.",
                "– Luen joka päivä, sanoi lukusalissa istunut eläkeläinen.",
            ],
            "lukusalissa istunut eläkeläinen",
        ),
        (
            "hu",
            [
                "A mentők egész éjjel dolgoztak.",
                "– Ilyet még nem láttam – mondta a teljesen kimerült mentős.",
            ],
            "teljesen kimerült mentős",
        ),
        # A sentence that opens with the body in another case gives no base form.
        (
            "uk",
            [
                "Укренерго попередило про відключення.",
                "Укренергом керує Віталій Зайченко.",
                "У пресслужбі Укренерго зазначили: «Графіки діятимуть до неділі».",
            ],
            "Укренерго",
        ),
    ],
)
def test_the_third_review_s_cases(lang: str, paragraphs: list[str], name: str) -> None:
    got = speakers(paragraphs, lang)[-1][1]
    assert got is not None
    assert got.lower().endswith(name.lower())


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        (
            "pl",
            [
                "Anna Kowalska była druga. Wygrał Norweg Eirik Lunde.",
                "Lunde chwalił rywalkę. „To był świetny konkurs” – powiedział Norweg.",
            ],
            "Eirik Lunde",
        ),
        (
            "cs",
            [
                "Závod vyhrál Slovák Peter Hudec, druhá skončila Eva Malá.",
                "„Trať byla rychlá, ale nebezpečná,“ řekl po závodě Slovák.",
            ],
            "Peter Hudec",
        ),
    ],
)
def test_a_capitalised_word_written_before_a_full_name_takes_up_that_person(
    lang: str, paragraphs: list[str], name: str
) -> None:
    # Where nationality nouns are capitalised, "powiedział Norweg" is the man the
    # article introduced as "Norweg Eirik Lunde", no person called Norweg.
    assert {n for _, n in speakers(paragraphs, lang)} == {name}


@pytest.mark.parametrize(
    ("lang", "paragraphs", "not_name"),
    [
        # Words before a role of the tables are its complement, no role of their own.
        (
            "en",
            [
                "Nova Scotia Fisheries Minister Sarah MacIsaac visited the wharf.",
                "“We will rebuild,” said Fisheries.",
            ],
            "Sarah MacIsaac",
        ),
        # A capitalised word nobody was introduced with stays a name of its own.
        (
            "pl",
            [
                "Wygrał Norweg Eirik Lunde.",
                "„To był świetny konkurs” – powiedział Kubacki.",
            ],
            "Eirik Lunde",
        ),
    ],
)
def test_a_capitalised_word_takes_up_only_whom_it_was_written_before(
    lang: str, paragraphs: list[str], not_name: str
) -> None:
    assert not_name not in {n for _, n in speakers(paragraphs, lang)}


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # Without articles a bare woman's noun is no man named before ...
        (
            "ru",
            [
                "Директор школы Николай Петров объяснил план.",
                "— Опять сидим дома. Кто за ним присмотрит? — спрашивает мать первоклассника.",
            ],
            "мать первоклассника",
        ),
        (
            "pl",
            [
                "Dyrektor szkoły Piotr Nowak przedstawił plan.",
                "„Znowu siedzimy w domu” – mówi starsza kobieta.",
            ],
            "starsza kobieta",
        ),
        (
            "cs",
            [
                "Ředitel školy Petr Novák představil plán.",
                "„Zase sedíme doma,“ říká matka prvňáčka.",
            ],
            "matka prvňáčka",
        ),
        # ... while a woman named before still is whom it takes up.
        (
            "pl",
            [
                "Dyrektor szkoły Anna Nowak przedstawiła plan.",
                "„Znowu siedzimy w domu” – mówi kobieta.",
            ],
            "Anna Nowak",
        ),
        (
            "ru",
            [
                "Мать погибшего Ирина Петрова пришла на суд.",
                "— Я не прощу, — сказала мать после заседания.",
            ],
            "Ирина Петрова",
        ),
    ],
)
def test_a_bare_person_noun_shows_its_gender_where_there_are_no_articles(
    lang: str, paragraphs: list[str], name: str
) -> None:
    assert [n for _, n in speakers(paragraphs, lang)] == [name]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # An attribution set in dashes inside the marks: the closing dash ends the
        # name in apposition to the role, as a full stop would.
        (
            "it",
            [
                "Due alpinisti sono stati salvati ieri sul Monte Rosa.",
                "«Faceva freddo», ha raccontato il più giovane, Marco Bianchi, a valle.",
                "«Il vento era troppo forte - spiega il capostazione del Soccorso alpino "
                "di Alagna, Luca Rossi -. Li abbiamo chiamati ogni ora».",
            ],
            "Luca Rossi",
        ),
        (
            "fr",
            [
                "Deux alpinistes ont été secourus hier sur le mont Blanc.",
                "« Il faisait froid », a raconté le plus jeune, Marc Blanc, une fois en bas.",
                "« Le vent était trop fort - explique le chef du peloton de gendarmerie "
                "de haute montagne, Luc Roux -. Nous les avons appelés. »",
            ],
            "Luc Roux",
        ),
        # A hyphen inside a name is no closing dash.
        (
            "it",
            [
                "Il consiglio comunale ha approvato il bilancio.",
                "«Faceva freddo», ha raccontato il più giovane, Marco Bianchi, a valle.",
                "«Il bilancio è in ordine», ha detto il capogruppo in consiglio, Anna "
                "Maria Neri-Bassi.",
            ],
            "Anna Maria Neri-Bassi",
        ),
    ],
)
def test_a_name_set_after_a_role_up_to_a_closing_dash(
    lang: str, paragraphs: list[str], name: str
) -> None:
    assert speakers(paragraphs, lang)[-1][1] == name


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        (
            "en",
            [
                "Flood water is receding across the county.",
                "Perkins, speaking on the BBC’s “Today” programme on Friday, called the "
                "repairs “the biggest job this council has ever taken on.”",
            ],
            "Perkins",
        ),
        (
            "de",
            [
                "Die Fähre fährt wieder.",
                "Hansen, an Bord der „Nordstern“ unterwegs nach Sylt, nannte den Fahrplan "
                "„eine Zumutung für Pendler“.",
            ],
            "Hansen",
        ),
    ],
)
def test_a_title_in_marks_inside_an_apposition_does_not_end_it(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    # The masked title's marks are no boundary of the phrase: the subject before the
    # apposition speaks, not the words between the title and the verb.
    assert [s for _, s in speakers(paragraphs, lang)][-1:] == [speaker]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        (
            "en",
            [
                "The shipyard in Appledore has won a navy contract.",
                "Union convenor Gail Hosking called the order “the news this town has waited "
                "ten years for.” Jim Pascoe, the yard’s owner, said hiring would start in May.",
            ],
            "Gail Hosking",
        ),
        (
            "de",
            [
                "Die Stadtbibliothek bleibt geöffnet.",
                "Bürgermeisterin Petra Lindner nannte die Entscheidung „ein Signal für die "
                "Innenstadt.“ Kämmerer Uwe Brandt sagte, das Geld komme aus Rücklagen.",
            ],
            "Petra Lindner",
        ),
    ],
)
def test_a_new_sentence_after_a_quotation_does_not_take_it_from_the_verb_before(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    # The quotation ends its sentence inside its marks: the capital after it opens the
    # next one, whose verb reports something else.
    assert [s for _, s in speakers(paragraphs, lang)] == [speaker]


def test_a_quotation_after_another_that_closed_its_sentence_keeps_its_own_attribution() -> None:
    # The verb before the first quotation is that one's: the second quotation's speaker
    # is in the sentence after it.
    got = speakers(
        [
            "Die Schule bleibt geschlossen.",
            "Der Landrat nannte die Entscheidung „alternativlos.“ „Wir gehen vor Gericht.“ "
            "Das kündigte die Elternsprecherin Sabine Krüger am Abend an.",
        ],
        "de",
    )
    assert got[-1][1] == "Sabine Krüger"
