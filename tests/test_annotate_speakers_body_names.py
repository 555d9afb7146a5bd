"""A body's name ends with the lower-case adjectives its language writes after a body's
noun capitalised ("La Protezione civile regionale ha …", "La Polizia stradale ha …");
an adverb, or an epithet after a name of its own ("La Lazio romana"), stays out of it."""

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


def test_an_epithet_after_a_name_of_its_own_is_no_part_of_it() -> None:
    got = speakers(
        [
            "La Lazio romana ha battuto il Napoli per due a zero. La società parla di «una"
            " vittoria meritata».",
        ],
        "it",
    )
    assert got == [("«una vittoria meritata»", "Lazio")]


def test_a_police_body_keeps_its_adjective() -> None:
    got = speakers(
        [
            "La Polizia stradale ha diramato un avviso per la nebbia sull'A1 e invita gli"
            " automobilisti a «non superare i sessanta all'ora».",
        ],
        "it",
    )
    assert got == [("«non superare i sessanta all'ora»", "Polizia stradale")]


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


def test_a_finnish_surname_ending_like_a_case_of_place_is_still_a_person() -> None:
    got = speakers(
        [
            "Nepalilainen vuorikiipeilijä Tenzing Padilla saapui Helsinkiin maanantaina.",
            "– Olen odottanut tätä matkaa kymmenen vuotta, hän kertoo.",
        ],
        "fi",
    )
    assert got == [("– Olen odottanut tätä matkaa kymmenen vuotta,", "Tenzing Padilla")]
