"""A body's name ends with the lower-case adjectives its language writes after the
capitalised words ("La Protezione civile regionale ha …", "Le Conseil d’État vaudois a
…"), not before them; a word that is no adjective of the name stays out of it."""

from __future__ import annotations

from tests.test_annotate_speakers_roles import speakers


def test_an_italian_body_keeps_its_adjectives() -> None:
    got = speakers(
        [
            "La Protezione civile regionale ha diramato un'allerta rossa per tutta la"
            " Liguria. L'ente invita i cittadini a «non mettersi in viaggio se non"
            " strettamente necessario».",
            "«Le prossime ore saranno decisive», ha detto il sindaco Marco Bucci.",
        ],
        "it",
    )
    assert got[0][1] == "Protezione civile regionale"
    assert got[1][1] == "Marco Bucci"


def test_a_french_body_keeps_its_adjective() -> None:
    got = speakers(
        [
            "Le Conseil d’État vaudois a pris acte mardi de la décision du Tribunal"
            " fédéral. Dans un communiqué, le gouvernement parle d’une issue « regrettable"
            " mais compréhensible ».",
        ],
        "fr",
    )
    assert got == [("« regrettable mais compréhensible »", "Conseil d’État vaudois")]


def test_an_adverb_before_the_verb_is_no_part_of_the_name() -> None:
    got = speakers(
        [
            "La Juventus stasera ha perso a Napoli.",
            "La società parla di «una serata storta».",
        ],
        "it",
    )
    assert got == [("«una serata storta»", "Juventus")]


def test_a_time_adverb_before_the_verb_is_no_part_of_the_name() -> None:
    got = speakers(
        [
            "La Ferrari stamane ha presentato a Maranello la nuova monoposto.",
            "«È la macchina più veloce che abbiamo mai costruito», ha detto la Ferrari in"
            " una nota.",
        ],
        "it",
    )
    assert got == [("«È la macchina più veloce che abbiamo mai costruito»", "Ferrari")]


def test_a_body_after_a_person_s_name_and_particles_is_where_the_person_is_from() -> None:
    got = speakers(
        [
            "Die Studienleiterin Katrin Oberländer zeigte sich zufrieden.",
            "Der Forstwissenschaftler Henning Malzahn von der Versuchsanstalt warnte"
            " allerdings vor zu viel Optimismus. „Die Zahlen sind ermutigend“, sagte er.",
        ],
        "de",
    )
    assert got == [("„Die Zahlen sind ermutigend“", "Henning Malzahn")]


def test_a_finnish_name_in_a_case_of_place_is_no_one_a_pronoun_takes_up() -> None:
    got = speakers(
        [
            "Sahayhtiö Kainuun Puun toimitusjohtaja Jari Lehtonen kertoi yt-neuvotteluista"
            " tiistaina.",
            "Kajaanin Petäisenniskalla 1950-luvulta asti toiminut saha tuotti viime vuonna"
            " noin 230 000 kuutiota sahatavaraa.",
            "– Tavoitteena ei ole sulkea sahaa vaan turvata sen tulevaisuus, hän sanoo.",
        ],
        "fi",
    )
    assert got == [
        ("– Tavoitteena ei ole sulkea sahaa vaan turvata sen tulevaisuus,", "Jari Lehtonen")
    ]
