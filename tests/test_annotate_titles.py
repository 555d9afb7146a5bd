"""Titles and datelines."""

from __future__ import annotations

import pytest

from corpus_tools.annotate.titles import (
    TITLE_MAX,
    TitleResult,
    find_dateline,
    first_sentence,
    make_title,
)


@pytest.mark.parametrize(
    ("lang", "lead", "dateline", "title"),
    [
        (
            "en",
            "MINSK, Nov 27 (Reuters) - U.S. President Joe Biden met Dr. Smith in St. Louis on Tuesday. He said no.",
            "MINSK, Nov 27 (Reuters) -",
            "U.S. President Joe Biden met Dr. Smith in St. Louis on Tuesday.",
        ),
        (
            "ru",
            "Минск, 27 ноября. Президент А. П. Иванов прибыл в г. Минск. Он сказал «да».",
            "Минск, 27 ноября.",
            "Президент А. П. Иванов прибыл в г. Минск.",
        ),
        (
            "ru",
            "МИНСК, 27 ноября – РИА Новости. Президент прибыл. Далее.",
            "МИНСК, 27 ноября – РИА Новости.",
            "Президент прибыл.",
        ),
        (
            "de",
            "BERLIN (dpa) – Am 3. Oktober 1990 wurde gefeiert. Danach nicht.",
            "BERLIN (dpa) –",
            "Am 3. Oktober 1990 wurde gefeiert.",
        ),
        (
            "fr",
            "PARIS, 3 mars (AFP) - Le président a parlé. Puis il est parti.",
            "PARIS, 3 mars (AFP) -",
            "Le président a parlé.",
        ),
        ("en", "WASHINGTON — The Senate voted. Then it left.", "WASHINGTON —", "The Senate voted."),
        (
            "uk",
            "Київ, 5 березня /Укрінформ/. Уряд ухвалив рішення. Далі.",
            "Київ, 5 березня /Укрінформ/.",
            "Уряд ухвалив рішення.",
        ),
        (
            "cs",
            "Praha 27. listopadu (ČTK) - Vláda schválila rozpočet. Další.",
            "Praha 27. listopadu (ČTK) -",
            "Vláda schválila rozpočet.",
        ),
        (
            "en",
            "London, March 5 (AP) — Prices rose. Next.",
            "London, March 5 (AP) —",
            "Prices rose.",
        ),
        (
            "es",
            "MADRID, 4 dic (EFE).- El Gobierno aprobó el plan. Luego.",
            "MADRID, 4 dic (EFE).-",
            "El Gobierno aprobó el plan.",
        ),
        # A date ending with an abbreviation of "day" or "year".
        (
            "lt",
            "VILNIUS, birželio 12 d. (ELTA). Seimas priėmė įstatymą. Toliau.",
            "VILNIUS, birželio 12 d. (ELTA).",
            "Seimas priėmė įstatymą.",
        ),
        (
            "pl",
            "Warszawa, 21 sierpnia 2025 r. (PAP) – Sejm przyjął ustawę. Dalej.",
            "Warszawa, 21 sierpnia 2025 r. (PAP) –",
            "Sejm przyjął ustawę.",
        ),
        (
            "ru",
            "Минск, 27 ноября 2025 г. Президент провёл совещание. Далее.",
            "Минск, 27 ноября 2025 г.",
            "Президент провёл совещание.",
        ),
        # An agency the table does not know, in capitals in brackets or slashes.
        (
            "ca",
            "Girona (XYZ).- El Govern ha aprovat el pla. Més.",
            "Girona (XYZ).-",
            "El Govern ha aprovat el pla.",
        ),
        (
            "sq",
            "Tiranë, 5 mars /QWE/ – Qeveria miratoi planin. Më tej.",
            "Tiranë, 5 mars /QWE/ –",
            "Qeveria miratoi planin.",
        ),
        # A region code after a place in capitals.
        (
            "pt",
            "CAMPINAS (SP) — A prefeitura anunciou o plano. Depois.",
            "CAMPINAS (SP) —",
            "A prefeitura anunciou o plano.",
        ),
        # A known agency after a comma; a year-first date with its weekday.
        (
            "lv",
            "RĪGA, 5. marts, LETA. Saeima pieņēma likumu. Tālāk.",
            "RĪGA, 5. marts, LETA.",
            "Saeima pieņēma likumu.",
        ),
        (
            "es",
            "MADRID, 5 de marzo de 2026 (EFE) - El Gobierno aprobó el plan. Más.",
            "MADRID, 5 de marzo de 2026 (EFE) -",
            "El Gobierno aprobó el plan.",
        ),
        (
            "hu",
            "Budapest, 2026. március 4., szerda (MTI) – A kormány döntött. Tovább.",
            "Budapest, 2026. március 4., szerda (MTI) –",
            "A kormány döntött.",
        ),
        # dpa's regional services: the service after a slash inside the brackets.
        (
            "de",
            "Rostock (dpa/mv) - Die Bürgerschaft hat entschieden. Mehr.",
            "Rostock (dpa/mv) -",
            "Die Bürgerschaft hat entschieden.",
        ),
        # AP: a state, abbreviated with a stop, between the place and the agency.
        (
            "en",
            "HELENA, Mont. (AP) — A federal judge halted the mine. More.",
            "HELENA, Mont. (AP) —",
            "A federal judge halted the mine.",
        ),
        (
            "en",
            "DAYTON, Ohio — Water will cost more. More.",
            "DAYTON, Ohio —",
            "Water will cost more.",
        ),
        ("es", "MONTERREY, N.L.— La línea abrió. Más.", "MONTERREY, N.L.—", "La línea abrió."),
        (
            "pt",
            "Peniche, Leiria, 20 nov 2026 (Lusa) - Os pescadores protestam. Mais.",
            "Peniche, Leiria, 20 nov 2026 (Lusa) -",
            "Os pescadores protestam.",
        ),
        # A region in brackets before the comma; places joined by a slash.
        (
            "es",
            "Barbate (Cádiz), 2 nov (EFE).- Los pescadores amarraron. Más.",
            "Barbate (Cádiz), 2 nov (EFE).-",
            "Los pescadores amarraron.",
        ),
        (
            "cs",
            "Jihlava/Ondřejov 15. října (ČTK) - Úlomek byl nalezen. Dále.",
            "Jihlava/Ondřejov 15. října (ČTK) -",
            "Úlomek byl nalezen.",
        ),
        # A stop after the year.
        (
            "hr",
            "SPLIT, 3. srpnja 2026. (Hina) - Tanker je porinut. Dalje.",
            "SPLIT, 3. srpnja 2026. (Hina) -",
            "Tanker je porinut.",
        ),
        # Interfax: the agency in capitals after the date and a stop.
        (
            "ru",
            "Бийск. 24 ноября. INTERFAX.RU - Жители остались без тепла. Далее.",
            "Бийск. 24 ноября. INTERFAX.RU -",
            "Жители остались без тепла.",
        ),
        (
            "uk",
            "ХАРКІВ. 27 березня. ІНТЕРФАКС-УКРАЇНА - Театр показав прем’єру. Далі.",
            "ХАРКІВ. 27 березня. ІНТЕРФАКС-УКРАЇНА -",
            "Театр показав прем’єру.",
        ),
        # ANSA: the agency first.
        (
            "it",
            "(ANSA) - TORINO, 19 MAG - Il consiglio ha approvato. Altro.",
            "(ANSA) - TORINO, 19 MAG -",
            "Il consiglio ha approvato.",
        ),
        (
            "it",
            "(ANSA) - PORTOFERRAIO (LIVORNO), 22 OTT - Il comune ha deciso. Altro.",
            "(ANSA) - PORTOFERRAIO (LIVORNO), 22 OTT -",
            "Il comune ha deciso.",
        ),
        # An agency's letters opening the next word ("UNI", "Universitatea") are no
        # agency; "lei" (the currency) is no abbreviation.
        (
            "ro",
            "Cluj-Napoca, 19 oct /Agerpres/ - Universitatea Cluj a câștigat derbiul. Mai mult.",
            "Cluj-Napoca, 19 oct /Agerpres/ -",
            "Universitatea Cluj a câștigat derbiul.",
        ),
        (
            "ro",
            "Consiliul Local a aprobat bugetul de 2,1 miliarde de lei. Ședința a durat șase ore.",
            None,
            "Consiliul Local a aprobat bugetul de 2,1 miliarde de lei.",
        ),
        # A region abbreviated before the Mexican ".-".
        (
            "es",
            "GUADALAJARA, Jal.- La Línea 5 empezará a operar en marzo. Más.",
            "GUADALAJARA, Jal.-",
            "La Línea 5 empezará a operar en marzo.",
        ),
        # An ordinal with a dot before a capital, where the language writes them so;
        # a number after a stop starts a sentence.
        (
            "pl",
            "Film „Cisza” zdobył Złote Lwy na 50. Festiwalu Polskich Filmów w Gdyni. Dalej.",
            None,
            "Film „Cisza” zdobył Złote Lwy na 50. Festiwalu Polskich Filmów w Gdyni.",
        ),
        (
            "da",
            "Nordkabel lukker sin fabrik i Holstebro og flytter til Polen. 140 medarbejdere "
            "mister deres job.",
            None,
            "Nordkabel lukker sin fabrik i Holstebro og flytter til Polen.",
        ),
        # A place and a spaced dash before a capital (ČTK, APA).
        (
            "cs",
            "Brno - Brněnská zoo otevře nový pavilon. Další.",
            "Brno -",
            "Brněnská zoo otevře nový pavilon.",
        ),
        (
            "de",
            "Graz – Der Gemeinderat hat die Zone beschlossen. Mehr.",
            "Graz –",
            "Der Gemeinderat hat die Zone beschlossen.",
        ),
        # Two hyphens for a dash (Bernama), and an agency that writes itself in lower
        # case (Apro).
        (
            "ms",
            "IPOH, 3 Jun (Bernama) -- Hujan lebat melanda bandar ini semalam. Lagi.",
            "IPOH, 3 Jun (Bernama) --",
            "Hujan lebat melanda bandar ini semalam.",
        ),
        (
            "es",
            "PUEBLA, Pue. (apro).- El congreso aprobó la reforma este lunes. Más.",
            "PUEBLA, Pue. (apro).-",
            "El congreso aprobó la reforma este lunes.",
        ),
    ],
)
def test_datelines_are_recorded_and_not_the_title(
    lang: str, lead: str, dateline: str, title: str
) -> None:
    assert make_title(lead, lang=lang) == TitleResult(title, "first-sentence", dateline)


@pytest.mark.parametrize(
    "lead",
    [
        "Dr. Smith said the plan was ready. It was.",
        "St. Petersburg hosted the forum on Monday. More.",
        "U.S. President Joe Biden met leaders in Paris. More.",
        "Paris, the capital of France, hosted the summit. More.",
        "Belarusian President Aleksandr Lukashenko took part in the summit in Bishkek.",
        "Minsk is cold today. More.",
        "Merkel – who left office in 2021 – spoke. More.",
        # A party in brackets after a name is no agency.
        "Merkel (CDU) sagte am Montag, alles sei gut. Mehr.",
        "Friedrich Merz (CDU) – der Kanzler – sprach. Mehr.",
        # A person's name before a spaced dash.
        "Angela Merkel - Die Kanzlerin sprach. Mehr.",
        "Minsk (Belarus) – the president spoke. More.",
        # An agency's letters inside another word ("AP" in "Apple"), a name that is an
        # agency's in another case ("Mina", MINA), a body in brackets after a short word.
        "Tim Cook (Apple) – said the phone sells. More.",
        "Kiew, Mina. Die Stadt feiert.",
        "EU (ECB) – inflation rose. More.",
        # A date that opens the sentence: the words after it go on in lower case.
        "Nuo birželio 1 d. įvažiavimas į Neringą brangs. Daugiau.",
        # A region after a comma is not enough without an agency, a date or capitals.
        "Paris, Berlin und Rom – die Hauptstädte einigten sich. Mehr.",
        # A region's words are capitalised.
        "Last week, on March 5 — A storm hit the coast. More.",
        "NATO, EU and UN — Leaders met in Brussels. More.",
        # An agency first needs a place in capitals after it.
        "(CNN) — Hurricane Milton — now a Category 5 storm — is expected to hit. More.",
        "(ANSA) - Il governo - ha detto il ministro - approverà la legge. Altro.",
    ],
)
def test_no_dateline(lead: str) -> None:
    assert find_dateline(lead) is None


@pytest.mark.parametrize(
    ("lang", "text", "sentence"),
    [
        (
            "en",
            "U.S. President Joe Biden met Prof. Li in Washington, D.C. on Monday. Next.",
            "U.S. President Joe Biden met Prof. Li in Washington, D.C. on Monday.",
        ),
        ("en", "Mr. and Mrs. Smith arrived. Next.", "Mr. and Mrs. Smith arrived."),
        (
            "ru",
            "В г. Минске им. Янки Купалы открыли театр. Далее.",
            "В г. Минске им. Янки Купалы открыли театр.",
        ),
        (
            "ru",
            "Писатель Л. Н. Толстой родился в 1828 г. в Ясной Поляне. Далее.",
            "Писатель Л. Н. Толстой родился в 1828 г. в Ясной Поляне.",
        ),
        (
            "de",
            "Dr. Müller kam am 3. Oktober nach Berlin. Dann ging er.",
            "Dr. Müller kam am 3. Oktober nach Berlin.",
        ),
        (
            "pl",
            "Prof. Nowak odwiedził ul. Długą m.in. wczoraj. Potem wyjechał.",
            "Prof. Nowak odwiedził ul. Długą m.in. wczoraj.",
        ),
        ("fr", "M. Dupont a rencontré Mme Martin. Ensuite.", "M. Dupont a rencontré Mme Martin."),
        (
            "en",
            "“We will win. Tomorrow,” the coach said. Later.",
            "“We will win. Tomorrow,” the coach said.",
        ),
        ("en", "No sentence end here", "No sentence end here"),
        # A quotation's own last stop ends the sentence when a capital follows.
        (
            "en",
            'Tom Brown said: "They lied." A spokesman disagreed.',
            'Tom Brown said: "They lied."',
        ),
        ("en", "He called it “a disaster.” Critics disagreed.", "He called it “a disaster.”"),
        (
            "en",
            "“Stop!” he shouted at the crowd. Then he left.",
            "“Stop!” he shouted at the crowd.",
        ),
        # French sets a space inside its guillemets.
        (
            "fr",
            "Le Conseil de Paris a voté mardi. « C'est un tournant », a dit Jean Dupont.",
            "Le Conseil de Paris a voté mardi.",
        ),
        # A unit after a number ends the sentence before a capitalised word; a currency
        # code after it does not, nor a noun where every noun is capitalised.
        (
            "sk",
            "Most bude stáť 3,5 milióna eur. Uviedol to v pondelok starosta.",
            "Most bude stáť 3,5 milióna eur.",
        ),
        (
            "cs",
            "Most bude stát 80 mil. Kč a otevře se v létě. Další.",
            "Most bude stát 80 mil. Kč a otevře se v létě.",
        ),
        (
            "de",
            "Die Brücke kostet 40 Mio. Euro und öffnet im Sommer. Mehr.",
            "Die Brücke kostet 40 Mio. Euro und öffnet im Sommer.",
        ),
        # Only a currency: other abbreviations after figures go on before a capital.
        (
            "en",
            "At 9 a.m. Johnson told reporters it was done. More.",
            "At 9 a.m. Johnson told reporters it was done.",
        ),
        (
            "en",
            "It broke out at 12 St. Mary's Road overnight. More.",
            "It broke out at 12 St. Mary's Road overnight.",
        ),
        (
            "pl",
            "Ponad 300 tys. Ukraińców pracuje w Polsce. Więcej.",
            "Ponad 300 tys. Ukraińców pracuje w Polsce.",
        ),
    ],
)
def test_abbreviations_initials_and_quotations_do_not_end_the_sentence(
    lang: str, text: str, sentence: str
) -> None:
    assert first_sentence(text, lang) == sentence


def test_long_sentence_is_truncated_at_a_word_boundary() -> None:
    lead = "The " + "very " * 60 + "long sentence ends here. Next."
    got = make_title(lead, lang="en")
    assert got.title_source == "first-sentence-truncated"
    assert got.title.endswith("…")
    assert len(got.title) <= TITLE_MAX
    assert not got.title[:-1].endswith(" ")
    short = make_title("Short. Next.", lang="en")
    assert short == TitleResult("Short.", "first-sentence", None)


def test_a_lead_that_is_only_a_dateline_keeps_it_as_the_title() -> None:
    got = make_title("Минск, 27 ноября.", lang="ru")
    assert (got.title, got.dateline) == ("Минск, 27 ноября.", None)


def test_a_long_run_of_spaces_does_not_slow_the_dateline_down() -> None:
    # The match reads the first 200 characters only; before, 4,000 spaces took seconds.
    assert find_dateline("Paris" + " " * 4000 + "x") is None
    assert find_dateline("PARIS, Ohio" + " " * 4000 + "x") is None
    assert find_dateline("PARIS, 3 mars (AFP) -   Le président." + " " * 4000) == (
        "PARIS, 3 mars (AFP) -"
    )


def test_a_dateline_with_an_agency_or_a_dash_may_be_followed_by_lower_case() -> None:
    assert find_dateline("SAN FRANCISCO (Reuters) - eBay Inc said it would cut jobs.") == (
        "SAN FRANCISCO (Reuters) -"
    )
    assert find_dateline("WASHINGTON — iOS 18 adds a feature.") == "WASHINGTON —"


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        # WAM: a place "on" a date, the agency between slashes.
        (
            "الفجيرة في 6 ديسمبر / وام / أعلنت البلدية حظر الصيد مؤقتاً.",
            "الفجيرة في 6 ديسمبر / وام /",
        ),
        # ISNA: the agency, a slash and the province, with a dash or a province's quarter.
        ("ایسنا/آذربایجان شرقی کتابخانه مرکزی تبریز بازگشایی شد.", "ایسنا/آذربایجان شرقی"),
        ("ایسنا/اصفهان - کتابخانه مرکزی بازگشایی شد.", "ایسنا/اصفهان -"),
        # The Thai agencies: a place, a day, an abbreviated month, a dash.
        ("เชียงใหม่ 6 ธ.ค.- การรถไฟเปิดตัวรถนอนขบวนใหม่", "เชียงใหม่ 6 ธ.ค.-"),
        # Bhasha with the day written as a word.
        ("लखनऊ, पांच दिसंबर (भाषा) शहर में नई दुकानें खुलीं।", "लखनऊ, पांच दिसंबर (भाषा)"),
        # A Chinese paper's own report, its reporters named, no date.
        (
            "本报讯（记者 王磊 通讯员 刘洋）市图书馆新馆今天开放。",
            "本报讯（记者 王磊 通讯员 刘洋）",
        ),
    ],
)
def test_datelines_of_more_agencies_without_capitals(lead: str, dateline: str) -> None:
    assert find_dateline(lead) == dateline


@pytest.mark.parametrize(
    "lead",
    [
        "وزير الصحة في 6 ديسمبر / الماضي / قال إن الوضع مستقر.",  # no agency between slashes
        "مردم/دولت باید همکاری کنند.",  # a slash between two words, no agency
        "เชียงใหม่ 6 แห่งเปิดให้บริการแล้ว",  # no month
    ],
)
def test_no_dateline_without_an_agency_or_a_month(lead: str) -> None:
    assert find_dateline(lead) is None
