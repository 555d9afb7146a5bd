"""A body's noun that takes up the body the article named before it."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.quotations import find_parts
from corpus_tools.annotate.speakers import attribute


def run(paragraphs: list[str], lang: str) -> list[tuple[str, str | None]]:
    """(text, speaker's name) of each speech part."""
    found = find_parts(paragraphs, lang=lang)
    parts = classify(paragraphs, found.parts, lang=lang, attributions=found.attributions)
    parts, _ = attribute(
        paragraphs, parts, doc_id="001_0123456789abcdef", lang=lang, attributions=found.attributions
    )
    return [(p.text, p.speaker.name if p.speaker else None) for p in parts if p.type == "speech"]


def test_a_compound_named_in_an_oblique_case_is_taken_up_in_its_base_form() -> None:
    # "Maanteeameti andmetel" (genitive) names the body; "amet oma teates" (the
    # board in its notice) takes it up as "Maanteeamet", not as the oblique form.
    out = run(
        [
            "Tartus suleti eile kaks silda, sest remont venis.",
            "Maanteeameti andmetel kestab töö veel kuu aega. „Liiklus on ümber "
            "suunatud“, rõhutas amet oma teates.",
        ],
        "et",
    )
    assert out[0][1] == "Maanteeamet"


def test_a_body_noun_with_a_two_word_statement_noun_takes_up_the_body() -> None:
    # "Muziejus pranešime spaudai" is the museum in its press release: the museum
    # the article named, not the person named nearest.
    out = run(
        [
            "Naują parodą šeštadienį atidarė Vilniaus miesto istorijos muziejus.",
            "Parodą kuravo Rasa Petrauskienė. „Tai seniausi miesto žemėlapiai“, sakė ji.",
            "Muziejus pranešime spaudai nurodo, kad bilietai „jau baigiasi“.",
        ],
        "lt",
    )
    assert out[-1][1] == "Vilniaus miesto istorijos muziejus"


def test_a_hyphened_modifier_is_no_part_of_a_body_named_before() -> None:
    # "Oslo-based Nordvik" is the "Nordvik Shipping" of the lead; "the company"
    # after it takes it up by that name, not with the modifier glued on.
    out = run(
        [
            "Dockers at the port of Bergen, used mainly by shipper Nordvik Shipping, "
            "stopped work on Monday.",
            "Oslo-based Nordvik said the stoppage was “unlawful”. “We remain open to "
            "talks,” the company said.",
        ],
        "en",
    )
    assert [name for _, name in out] == ["Nordvik Shipping", "Nordvik Shipping"]


def test_a_compound_taken_up_keeps_its_genitive_complement() -> None:
    # "der Verband" takes up "Bauernverband des Kantons Uri", complement and all.
    out = run(
        [
            "Kritik kommt vom Bauernverband des Kantons Uri. In einem Schreiben warnte "
            "der Verband vor «leeren Ställen».",
        ],
        "de",
    )
    assert out[0][1] == "Bauernverband des Kantons Uri"


def test_a_dative_newspaper_after_a_compound_is_no_complement() -> None:
    # "der Zeitung" after "Bauernverband" is whom it told, not part of its name.
    out = run(
        [
            "Das schrieb der Bauernverband der Zeitung. Später warnte der Verband vor "
            "«leeren Ställen».",
        ],
        "de",
    )
    assert out[0][1] != "Bauernverband der Zeitung"


def test_a_kind_noun_between_the_article_and_the_name_introduces_a_body() -> None:
    # "La cooperativa Horta Nova de Alzira" opens a sentence: "la entidad" later is
    # that body, not a bare noun.
    out = run(
        [
            "La cooperativa Horta Nova de Alzira, una de las mayores de la comarca, "
            "contratará menos temporeros este año.",
            "En un comunicado, la entidad habla de «un año perdido».",
        ],
        "es",
    )
    assert out[0][1] is not None
    assert "Horta Nova de Alzira" in out[0][1]


def test_a_ministry_opening_a_sentence_keeps_its_listed_complement() -> None:
    # "Ministarstvo kulture, turizma i sporta priopćilo je": the whole list is its
    # name (the verb of speech, neuter, shows where it ends); "ministarstva" in the
    # statement after it takes that name up.
    out = run(
        [
            "Ministarstvo kulture, turizma i sporta priopćilo je da je obnova muzeja "
            "završena. „Muzej će biti otvoren svaki dan“, navodi se u priopćenju "
            "ministarstva.",
        ],
        "hr",
    )
    assert out[0][1] == "Ministarstvo kulture, turizma i sporta"


def test_a_body_named_before_keeps_its_genitive_complement_up_to_the_verb() -> None:
    # "Уральская федерация шахмат сообщила": "шахмат" (of chess) is the federation's
    # name, the verb of speech after it shows where the name ends.
    out = run(
        [
            "Уральская федерация шахмат сообщила, что турнир перенесён на осень.",
            "«Мы не можем рисковать здоровьем участников», — говорится в сообщении федерации.",
        ],
        "ru",
    )
    assert out[0][1] == "Уральская федерация шахмат"


def test_a_lower_case_complement_runs_on_to_the_place_the_body_serves() -> None:
    # "della Regione autonoma di Aosta": "la Regione" takes up the whole name, not
    # "Regione autonoma".
    out = run(
        [
            "Le misure sono state prese dai tecnici della Regione autonoma di Aosta e "
            "dell'Università di Torino.",
            "In una nota, la Regione sottolinea che «la situazione è sotto controllo».",
        ],
        "it",
    )
    assert out[0][1] == "Regione autonoma di Aosta"


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # One capitalised word before a body's noun set in commas with its relative
        # clause is the body's name, though it only opens the sentence.
        (
            "ca",
            [
                "La pedregada d’ahir va malmetre els camps de pomeres del Pla d’Urgell.",
                "«Hem perdut la collita de tot l’any», explica Jordi Pujol, pagès de Linyola.",
                "Segurcamp, l’entitat que gestiona les pòlisses agràries, ha obert un "
                "termini especial. «Els pèrits visitaran les finques dilluns», ha indicat "
                "l’entitat en un comunicat.",
            ],
            "Segurcamp",
        ),
        (
            "es",
            [
                "La granizada de ayer destrozó los campos de manzanos de Lleida.",
                "«Hemos perdido la cosecha de todo el año», explica Jordi Pujol, agricultor.",
                "Segurcamp, la empresa de seguros agrarios, ha abierto un plazo especial. "
                "«Los peritos visitarán las fincas el lunes», ha indicado la empresa.",
            ],
            "Segurcamp",
        ),
    ],
)
def test_one_word_before_a_body_s_apposition_names_the_body(
    lang: str, paragraphs: list[str], name: str
) -> None:
    assert run(paragraphs, lang)[-1][1] == name


@pytest.mark.parametrize(
    ("lang", "paragraphs"),
    [
        # An adverb before the comma, the body's noun the sentence's subject.
        (
            "es",
            [
                "La granizada de ayer destrozó los campos de manzanos de Lleida.",
                "Finalmente, la empresa abrió un plazo especial. «Los peritos visitarán "
                "las fincas el lunes», ha indicado la compañía en un comunicado.",
            ],
        ),
        (
            "it",
            [
                "La grandine ha distrutto i frutteti della valle.",
                "Intanto, l’azienda che gestisce il servizio ha aperto uno sportello. «I "
                "periti passeranno lunedì», ha spiegato l’azienda in una nota.",
            ],
        ),
        # A connective before the comma, the body's noun the subject the commas set off.
        (
            "ca",
            [
                "Mentrestant, el departament de Territori, que té les competències, ha "
                "demanat un informe. «No és acceptable», ha dit el departament.",
            ],
        ),
        (
            "it",
            [
                "Successivamente, il consorzio dei produttori, riunito in assemblea, ha "
                "chiesto un incontro. «Serve un intervento», ha detto il consorzio.",
            ],
        ),
        (
            "en",
            [
                "Separately, the department for health, which funds the trusts, said more "
                "money would come. “Help is on the way,” the department said.",
            ],
        ),
        # The body's name follows the apposition: it, not the word before.
        (
            "es",
            [
                "Entretanto, la compañía que opera la ruta, Vuelaya, ha cancelado diez "
                "vuelos. «Pedimos disculpas», ha dicho la compañía.",
            ],
        ),
    ],
)
def test_a_word_before_a_body_that_is_the_subject_is_no_name(
    lang: str, paragraphs: list[str]
) -> None:
    assert run(paragraphs, lang)[-1][1] not in (
        "Finalmente",
        "Intanto",
        "Mentrestant",
        "Successivamente",
        "Separately",
        "Entretanto",
    )


def test_an_acronym_takes_up_a_name_whose_complement_a_preposition_links() -> None:
    # "din" links "Învățământ" into the name the acronym in brackets stands for;
    # "într-un comunicat" after the acronym is no part of its mention.
    out = run(
        [
            "Profesorii din Iași au protestat marți în fața prefecturii.",
            "Federația Sindicatelor Libere din Învățământ (FSLI) cere salarii mai mari. "
            "„Nu mai putem aștepta”, transmite FSLI într-un comunicat.",
        ],
        "ro",
    )
    assert out[-1][1] is not None
    assert out[-1][1].startswith("Federația Sindicatelor Libere din Învățământ")


def test_runs_that_a_clause_separates_are_not_one_name_before_an_acronym() -> None:
    from corpus_tools.annotate.speakers import _spelled_run_start
    from corpus_tools.annotate.tables import tables_for

    t = tables_for("ro")
    assert _spelled_run_start("Ion Pop a vorbit cu Federația", t) is None
    head = "Ion Pop a vorbit cu Federația Sindicatelor din Învățământ"
    assert _spelled_run_start(head, t) == head.index("Federația")


@pytest.mark.parametrize(
    ("lang", "paragraphs", "name"),
    [
        # A body's short name takes up the full name the article gave before it.
        (
            "it",
            [
                "Il pronto soccorso ridurrà l'attività per sei mesi.",
                "Lo ha annunciato il direttore generale dell’Asl Città di Torino, Roberto Mancuso.",
                "«I disagi saranno limitati e temporanei», ha precisato l’Asl in una nota.",
            ],
            "Asl Città di Torino",
        ),
        # Not a person the article named with a given name: "Costa" is Ana Costa.
        (
            "pt",
            [
                "A ministra Ana Costa visitou ontem a Costa Rica.",
                "“Foi uma visita muito útil”, disse Costa aos jornalistas.",
            ],
            "Ana Costa",
        ),
        # A role or a person after the body's name is no more of it.
        (
            "en",
            [
                "Tesla shares fell 8% on Wednesday.",
                "Tesla CEO Elon Musk told analysts that deliveries would recover.",
                "“We expect a record quarter,” Tesla said in a statement.",
            ],
            "Tesla",
        ),
        (
            "pl",
            [
                "Orlen obniża ceny paliw.",
                "Prezes Orlen Daniel Obajtek zapowiadał to od tygodni.",
                "„Ceny spadną” – poinformował Orlen.",
            ],
            "Orlen",
        ),
        (
            "it",
            [
                "Il presidente di Confindustria Emanuele Orsini ha chiesto sgravi.",
                "«Le imprese soffrono», ha detto Confindustria.",
            ],
            "Confindustria",
        ),
        # Nor a product, a place or a branch written after the body's name.
        (
            "en",
            [
                "Amazon Web Services suffered an outage on Monday. Amazon said: “All "
                "services have been restored.”"
            ],
            "Amazon",
        ),
        (
            "en",
            [
                "Workers rallied outside the Siemens Munich headquarters on Friday.",
                "“We are talking to the unions,” Siemens said.",
            ],
            "Siemens",
        ),
        (
            "fr",
            [
                "Les abonnés de Canal Plus Afrique ont perdu le signal.",
                "« Le service revient », a assuré Canal Plus.",
            ],
            "Canal Plus",
        ),
        # A given name that ends a place's name does not end the run.
        (
            "pt",
            [
                "A Polícia Militar do Estado de São Paulo prendeu três suspeitos.",
                "“A operação continua”, informou a Polícia Militar.",
            ],
            "Polícia Militar do Estado de São Paulo",
        ),
    ],
)
def test_a_short_name_takes_up_the_full_name_given_before(
    lang: str, paragraphs: list[str], name: str
) -> None:
    assert run(paragraphs, lang)[-1][1] == name


@pytest.mark.parametrize(
    ("lang", "head", "name"),
    [
        # Not joined into a person before the preposition, nor the role or the word
        # opening the sentence.
        (
            "ro",
            "Marius Nistor din Federația Sindicatelor Libere din Învățământ",
            "Federația Sindicatelor Libere din Învățământ",
        ),
        (
            "ro",
            "Potrivit Federației Sindicatelor Libere din Învățământ",
            "Federației Sindicatelor Libere din Învățământ",
        ),
        (
            "ro",
            "Președintele Federației Sindicatelor Libere din Învățământ",
            "Federației Sindicatelor Libere din Învățământ",
        ),
        # Where every noun is capitalised, a preposition joins no runs.
        (
            "de",
            "Laut einer Mitteilung des Verbandes der Automobilindustrie",
            "Verbandes der Automobilindustrie",
        ),
    ],
)
def test_an_acronym_s_name_joins_no_person_role_or_opening_word(
    lang: str, head: str, name: str
) -> None:
    from corpus_tools.annotate.speakers import _spelled_run_start
    from corpus_tools.annotate.tables import tables_for

    start = _spelled_run_start(head, tables_for(lang))
    assert start is not None
    assert head[start:] == name


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        # The acronym's initials skip a preposition of the body's complement.
        (
            "en",
            [
                "Farmers in Tipperary want a meeting with the Board of Water Supply after "
                "the river flooded their fields.",
                "In a statement, the BWS said the new embankment was “at an advanced stage”.",
            ],
            "Board of Water Supply",
        ),
        # A short name written as a word, in brackets after the name it shortens.
        (
            "es",
            [
                "El Administrador de Infraestructuras Ferroviarias (Adif) cortó la vía entre "
                "Ourense y Santiago.",
                "Según el Adif, la línea «volverá a funcionar el lunes».",
            ],
            "Administrador de Infraestructuras Ferroviarias (Adif)",
        ),
        # One word of capitalised parts joined by hyphens before the acronym.
        (
            "de",
            [
                "Die Forscherin Anna Keller vom Max-Planck-Institut (MPI) stellte die Studie vor.",
                "Das MPI teilte mit, die Daten seien „ein wichtiger Schritt“.",
            ],
            "Max-Planck-Institut (MPI)",
        ),
    ],
)
def test_a_body_s_acronym_or_short_name_is_the_name_the_article_spelled_out(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    assert [s for _, s in run(paragraphs, lang)] == [speaker]


@pytest.mark.parametrize(
    ("lang", "paragraphs", "speaker"),
    [
        (
            "es",
            [
                "Cientos de ganaderos cortaron la autovía en Lugo para reclamar un precio "
                "justo por la leche.",
                "Desde la Federación de Industrias Lácteas del Noroeste rechazaron las críticas. "
                "En un comunicado, la entidad sostuvo que el precio «responde al mercado».",
            ],
            "Federación de Industrias Lácteas del Noroeste",
        ),
        (
            "it",
            [
                "Da lunedì il tratto tra Udine e Palmanova resta chiuso per una frana.",
                "Nel pomeriggio la Società Autostrade Alto Friuli ha fatto il punto con i "
                "sindaci. «Riapriremo una corsia entro venerdì», ha assicurato l’ente.",
            ],
            "Società Autostrade Alto Friuli",
        ),
    ],
)
def test_a_generic_body_noun_takes_up_the_body_named_last_before_it(
    lang: str, paragraphs: list[str], speaker: str
) -> None:
    # The body named last before the generic noun, in the paragraph or the one before,
    # by a name that opens with a body's noun, is the body meant.
    assert [s for _, s in run(paragraphs, lang)] == [speaker]


def test_a_person_s_town_or_party_in_brackets_is_no_short_name_of_the_person() -> None:
    # "(Amadora)" has the initials of "Ana Mendes" among its letters, but a given name
    # opens the name before the brackets: a person and their club or town.
    out = run(
        ["Ana Mendes (Amadora) venceu a prova.", "«Foi muito difícil», disse a Amadora."], "pt"
    )
    assert [s for _, s in out] == ["Ana Mendes"]


def test_the_spanish_cameraman_is_no_chamber() -> None:
    out = run(
        [
            "La Cámara de Comercio de Sevilla organizó el acto, que grabó un equipo de TVE.",
            "«Vi cómo se caía el techo», relató el cámara.",
        ],
        "es",
    )
    assert [s for _, s in out] == ["cámara"]
