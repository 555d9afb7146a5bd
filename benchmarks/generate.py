"""Write a deterministic synthetic corpus of press-article seeds for benchmarking.

``python benchmarks/generate.py --docs N --out DIR [--seed S]`` writes ``DIR/seeds/``
(N seeds) and ``DIR/corpus.toml`` (copied from the repository). Texts are built from
the word lists below with ``random.Random``: no network, no external data. Each seed
gets its own generator keyed by (seed, index), so the first 1,000 seeds of a 10,000
corpus are the 1,000 seeds of a 1,000 corpus.

The mix follows the real corpus: mostly English, Russian and Belarusian articles, some
Ukrainian, German, French, Polish and Spanish ones; quotations with the typographic
marks of each language (nested, running over paragraphs, interrupted by an
attribution), dash dialogue in the Cyrillic articles, and article lengths from a few
hundred bytes to a few very long ones (about 3.4 KB on average).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from random import Random

REPO = Path(__file__).resolve().parent.parent
CONFIG_NAME = "corpus.toml"
DEFAULT_SEED = 1

FIRST_DATE = dt.date(1995, 1, 1)
LAST_DATE = dt.date(2025, 12, 31)

# Share of articles per language (weights, not necessarily summing to 1).
LANG_WEIGHTS = {
    "en": 45,
    "ru": 25,
    "be": 18,
    "uk": 3,
    "de": 3,
    "fr": 2,
    "pl": 2,
    "es": 2,
}

# Length classes: every LONG_EVERY-th article (offset LONG_OFFSET) is very long, so any
# corpus of a few hundred articles has some; SHORT_SHARE of the others are short.
LONG_EVERY = 487
LONG_OFFSET = 100
LONG_BYTES = (40_000, 200_000)
SHORT_SHARE = 0.05
SHORT_BYTES = (250, 900)
# The rest: a gamma distribution of article sizes (shape, mean in bytes), at least MIN.
NORMAL_SHAPE = 3.0
NORMAL_MEAN = 2950.0
NORMAL_MIN = 900


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class Lang:
    """Word lists and typographic conventions of one language."""

    code: str
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    verbs: tuple[str, ...]
    preps: tuple[str, ...]
    conjs: tuple[str, ...]
    dets: tuple[str, ...]
    places: tuple[str, ...]
    speakers: tuple[str, ...]
    said: tuple[str, ...]  # attribution verbs, lower case ("said", "сказал")
    quote: tuple[str, str]  # primary quotation marks
    inner: tuple[str, str]  # marks of a quotation inside a quotation
    pad: str = ""  # space inside the marks (French: no-break space)
    dialogue: bool = False  # dash dialogue paragraphs
    attribution_first: bool = False  # “…,” said X (fr/de/pl/es order: verb first)


EN = Lang(
    code="en",
    nouns=_w(
        "government ministry council parliament delegation economy industry harvest region"
        " district city village bridge road railway airport factory plant company enterprise"
        " school university hospital clinic budget investment export trade partnership"
        " cooperation agreement treaty summit meeting conference forum exhibition festival"
        " project programme strategy reform security border court decree report statement"
        " decision proposal initiative growth production output market price tariff energy"
        " pipeline climate season farmer worker teacher doctor engineer student pensioner"
        " family youth ambassador embassy committee commission agency service department"
        " official leader citizen community union museum theatre library stadium team"
        " championship tournament athlete coach grain potatoes machinery tractor vaccine"
        " medicine network satellite technology startup laboratory scientist archive"
        " monument anniversary ceremony parade concert orchestra publisher newspaper"
        " broadcaster audience country’s city’s nation’s"
    ),
    adjectives=_w(
        "new major national regional international economic social public private joint"
        " bilateral strategic modern historic main key important significant large small"
        " annual first second final successful difficult ambitious practical technical"
        " industrial agricultural cultural scientific digital financial medical sporting"
        " northern southern eastern western local foreign domestic young experienced"
        " reliable stable sustainable efficient"
    ),
    verbs=_w(
        "announced discussed approved signed opened launched visited supported reviewed"
        " considered presented completed introduced welcomed praised increased reduced"
        " expanded improved developed built hosted attended organised proposed confirmed"
        " criticised examined inspected funded delivered exported imported produced"
        " restored modernised celebrated recorded published highlighted outlined"
    ),
    preps=_w("in of for with on at from by through during across near under after before"),
    conjs=_w("and but while because although as"),
    dets=("the", "the", "the", "a", "this", "their", "its", "every"),
    places=_w(
        "Minsk Brest Grodno Gomel Vitebsk Mogilev Moscow Beijing Bishkek Astana Tashkent"
        " Baku Yerevan Hanoi Caracas Havana Delhi Cairo Ankara Tehran Pretoria Brasilia"
        " Belgrade Budapest Vienna Geneva Warsaw Vilnius Riga Kazan"
    ),
    speakers=(
        "the minister",
        "the President",
        "the head of state",
        "the mayor",
        "the spokesperson",
        "the ambassador",
        "the chairman",
        "the governor",
        "the director",
        "a senior official",
        "the coach",
        "the farmer",
    ),
    said=_w("said added noted stressed stated explained emphasised recalled remarked"),
    quote=("“", "”"),
    inner=("‘", "’"),
)

RU = Lang(
    code="ru",
    nouns=_w(
        "правительство министерство совет парламент делегация экономика промышленность"
        " урожай регион район город деревня мост дорога железная аэропорт завод предприятие"
        " компания школа университет больница бюджет инвестиции экспорт торговля"
        " партнёрство сотрудничество соглашение договор саммит встреча конференция форум"
        " выставка фестиваль проект программа стратегия реформа безопасность граница суд"
        " указ доклад заявление решение предложение инициатива рост производство рынок цена"
        " энергетика газопровод климат сезон фермер рабочий учитель врач инженер студент"
        " пенсионер семья молодёжь посол посольство комитет комиссия агентство служба"
        " чиновник руководитель гражданин община музей театр библиотека стадион команда"
        " чемпионат турнир спортсмен тренер зерно картофель техника трактор вакцина"
        " лекарство сеть спутник технология лаборатория учёный архив памятник годовщина"
        " церемония парад концерт оркестр газета аудитория"
    ),
    adjectives=_w(
        "новый крупный национальный региональный международный экономический социальный"
        " общественный частный совместный двусторонний стратегический современный"
        " исторический главный ключевой важный значительный большой малый ежегодный"
        " первый второй окончательный успешный сложный практический технический"
        " промышленный аграрный культурный научный цифровой финансовый медицинский"
        " спортивный северный южный восточный западный местный зарубежный молодой опытный"
        " надёжный стабильный эффективный"
    ),
    verbs=_w(
        "объявил обсудил одобрил подписал открыл запустил посетил поддержал рассмотрел"
        " представил завершил ввёл приветствовал увеличил сократил расширил улучшил"
        " построил организовал предложил подтвердил проверил профинансировал поставил"
        " экспортировал произвёл восстановил модернизировал отметил опубликовал подчеркнул"
        " обсуждает планирует развивает укрепляет"
    ),
    preps=_w("в на с по для от за из к о при после перед через"),
    conjs=_w("и но что как также а однако"),
    dets=(),
    places=(
        "Минске",
        "Бресте",
        "Гродно",
        "Гомеле",
        "Витебске",
        "Могилёве",
        "Москве",
        "Пекине",
        "Бишкеке",
        "Астане",
        "Ташкенте",
        "Баку",
        "Ереване",
        "Казани",
        "Новосибирске",
        "Санкт-Петербурге",
    ),
    speakers=(
        "министр",
        "президент",
        "глава государства",
        "мэр",
        "посол",
        "председатель",
        "губернатор",
        "директор",
        "тренер",
        "фермер",
        "он",
        "она",
    ),
    said=_w("сказал отметил подчеркнул заявил добавил пояснил напомнил ответил"),
    quote=("«", "»"),
    inner=("„", "“"),
    dialogue=True,
)

# Belarusian (taraškievica-free official orthography): no и, щ, ъ anywhere.
BE = Lang(
    code="be",
    nouns=_w(
        "урад міністэрства савет парламент дэлегацыя эканоміка прамысловасць ураджай"
        " рэгіён раён горад вёска мост дарога чыгунка аэрапорт завод прадпрыемства кампанія"
        " школа ўніверсітэт бальніца бюджэт інвестыцыі экспарт гандаль партнёрства"
        " супрацоўніцтва пагадненне дамова саміт сустрэча канферэнцыя форум выстава"
        " фестываль праект праграма стратэгія рэформа бяспека мяжа суд указ даклад заява"
        " рашэнне прапанова ініцыятыва рост вытворчасць рынак цана энергетыка газаправод"
        " клімат сезон фермер рабочы настаўнік лекар інжынер студэнт пенсіянер сям’я моладзь"
        " пасол пасольства камітэт камісія агенцтва служба кіраўнік грамадзянін музей"
        " тэатр бібліятэка стадыён каманда чэмпіянат турнір спартсмен трэнер збожжа бульба"
        " тэхніка трактар вакцына лякарства сетка спадарожнік тэхналогія лабараторыя"
        " навуковец архіў помнік гадавіна цырымонія парад канцэрт аркестр газета аўдыторыя"
    ),
    adjectives=_w(
        "новы буйны нацыянальны рэгіянальны міжнародны эканамічны сацыяльны грамадскі"
        " прыватны сумесны двухбаковы стратэгічны сучасны гістарычны галоўны ключавы"
        " важны значны вялікі малы штогадовы першы другі канчатковы паспяховы складаны"
        " практычны тэхнічны прамысловы аграрны культурны навуковы лічбавы фінансавы"
        " медыцынскі спартыўны паўночны паўднёвы ўсходні заходні мясцовы замежны малады"
        " дасведчаны надзейны стабільны эфектыўны"
    ),
    verbs=_w(
        "абвясціў абмеркаваў ухваліў падпісаў адкрыў запусцілі наведаў падтрымаў разгледзеў"
        " прадставіў завяршыў увёў павіншаваў павялічыў скараціў пашырыў палепшыў пабудаваў"
        " арганізаваў прапанаваў пацвердзіў праверыў прафінансаваў паставіў экспартаваў"
        " выпусціў аднавіў мадэрнізаваў адзначыў апублікаваў падкрэсліў абмяркоўвае"
        " плануе развівае ўмацоўвае"
    ),
    preps=_w("у ў на з па для ад за да аб пры пасля перад праз"),
    conjs=_w("і але што як таксама а аднак"),
    dets=(),
    places=(
        "Мінску",
        "Брэсце",
        "Гродне",
        "Гомелі",
        "Віцебску",
        "Магілёве",
        "Маскве",
        "Пекіне",
        "Бішкеку",
        "Астане",
        "Ташкенце",
        "Баку",
        "Ерэване",
        "Полацку",
        "Нясвіжы",
        "Пінску",
    ),
    speakers=(
        "міністр",
        "прэзідэнт",
        "кіраўнік дзяржавы",
        "мэр",
        "пасол",
        "старшыня",
        "губернатар",
        "дырэктар",
        "трэнер",
        "фермер",
        "ён",
        "яна",
    ),
    said=_w("сказаў адзначыў падкрэсліў заявіў дадаў растлумачыў нагадаў адказаў"),
    quote=("«", "»"),
    inner=("„", "“"),
    dialogue=True,
)

# Ukrainian: no ы, э, ё, ъ.
UK = Lang(
    code="uk",
    nouns=_w(
        "уряд міністерство рада парламент делегація економіка промисловість урожай регіон"
        " район місто село міст дорога залізниця аеропорт завод підприємство компанія школа"
        " університет лікарня бюджет інвестиції експорт торгівля партнерство співпраця"
        " угода зустріч конференція форум виставка фестиваль проєкт програма стратегія"
        " реформа безпека кордон суд звіт заява рішення пропозиція ініціатива зростання"
        " виробництво ринок ціна енергетика клімат фермер робітник учитель лікар інженер"
        " студент пенсіонер сім’я молодь посол комітет агентство служба громада музей театр"
    ),
    adjectives=_w(
        "новий великий національний регіональний міжнародний економічний соціальний"
        " громадський приватний спільний стратегічний сучасний історичний головний"
        " ключовий важливий значний щорічний перший другий успішний складний практичний"
        " технічний культурний науковий цифровий фінансовий медичний місцевий"
    ),
    verbs=_w(
        "оголосив обговорив схвалив підписав відкрив запустив відвідав підтримав розглянув"
        " представив завершив запровадив привітав збільшив скоротив розширив покращив"
        " побудував організував запропонував підтвердив перевірив профінансував відновив"
    ),
    preps=_w("в у на з по для від за до про при після через"),
    conjs=_w("і та але що як також а однак"),
    dets=(),
    places=("Києві", "Львові", "Одесі", "Харкові", "Дніпрі", "Полтаві", "Чернігові", "Житомирі"),
    speakers=("міністр", "президент", "мер", "посол", "голова", "директор", "він", "вона"),
    said=_w("сказав зазначив підкреслив заявив додав пояснив нагадав відповів"),
    quote=("«", "»"),
    inner=("„", "“"),
    dialogue=True,
)

DE = Lang(
    code="de",
    nouns=_w(
        "Regierung Ministerium Rat Parlament Delegation Wirtschaft Industrie Ernte Region"
        " Bezirk Stadt Dorf Brücke Straße Bahn Flughafen Fabrik Werk Firma Schule"
        " Universität Krankenhaus Haushalt Investition Ausfuhr Handel Partnerschaft"
        " Zusammenarbeit Abkommen Vertrag Gipfel Treffen Konferenz Ausstellung Projekt"
        " Programm Strategie Reform Sicherheit Grenze Gericht Bericht Erklärung Entscheidung"
        " Vorschlag Wachstum Produktion Markt Preis Energie Klima Bauer Arbeiter Lehrer Arzt"
        " Ingenieur Student Familie Jugend Botschafter Ausschuss Behörde Museum Theater"
    ),
    adjectives=_w(
        "neue große nationale regionale internationale wirtschaftliche soziale öffentliche"
        " gemeinsame strategische moderne historische wichtige jährliche erste zweite"
        " erfolgreiche schwierige praktische technische kulturelle digitale lokale"
    ),
    verbs=_w(
        "eröffnete besprach genehmigte unterzeichnete startete besuchte unterstützte prüfte"
        " präsentierte beendete begrüßte erhöhte senkte erweiterte verbesserte baute"
        " organisierte schlug bestätigte finanzierte lieferte feierte veröffentlichte"
    ),
    preps=_w("in mit von für auf nach bei aus über unter durch"),
    conjs=_w("und aber weil während obwohl denn"),
    dets=("die", "der", "das", "den", "dem", "eine", "ein", "die"),
    places=_w("Berlin Hamburg München Köln Leipzig Dresden Minsk Wien Zürich Bremen"),
    speakers=("der Bürgermeister", "die Ministerin", "der Minister", "die Sprecherin", "er", "sie"),
    said=_w("sagte betonte erklärte ergänzte meinte"),
    quote=("„", "“"),
    inner=("‚", "‘"),
    attribution_first=True,
)

FR = Lang(
    code="fr",
    nouns=_w(
        "gouvernement ministère conseil parlement délégation économie industrie récolte"
        " région district ville village pont route aéroport usine entreprise école"
        " université hôpital budget investissement commerce partenariat coopération accord"
        " traité sommet réunion conférence forum exposition festival projet programme"
        " stratégie réforme sécurité frontière tribunal rapport déclaration décision"
        " proposition croissance production marché prix énergie climat agriculteur"
        " travailleur enseignant médecin ingénieur étudiant famille jeunesse ambassadeur"
    ),
    adjectives=_w(
        "nouveau grand national régional international économique social public commun"
        " stratégique moderne historique principal important annuel premier deuxième"
        " difficile pratique technique culturel numérique local"
    ),
    verbs=_w(
        "a annoncé a discuté a approuvé a signé a ouvert a lancé a visité a soutenu a examiné"
        " a présenté a terminé a accueilli a augmenté a réduit a élargi a amélioré a construit"
    ),
    preps=_w("dans pour avec sur par après avant pendant"),
    conjs=_w("et mais car puis"),
    dets=("le", "la", "les", "des", "une", "un", "cette", "le", "la"),
    places=_w("Paris Lyon Marseille Toulouse Bordeaux Lille Nantes Strasbourg Genève Minsk"),
    speakers=("le maire", "la ministre", "le ministre", "le président", "la porte-parole"),
    said=("a déclaré", "a ajouté", "a souligné", "a expliqué", "a précisé"),
    quote=("«", "»"),
    inner=("“", "”"),
    pad="\u00a0",
    attribution_first=True,
)

PL = Lang(
    code="pl",
    nouns=_w(
        "rząd ministerstwo rada parlament delegacja gospodarka przemysł żniwa region powiat"
        " miasto wieś most droga kolej lotnisko fabryka zakład firma szkoła uczelnia szpital"
        " budżet inwestycja eksport handel partnerstwo współpraca umowa traktat szczyt"
        " spotkanie konferencja forum wystawa festiwal projekt program strategia reforma"
        " bezpieczeństwo granica sąd raport oświadczenie decyzja propozycja wzrost produkcja"
        " rynek cena energia klimat rolnik pracownik nauczyciel lekarz inżynier student"
    ),
    adjectives=_w(
        "nowy duży krajowy regionalny międzynarodowy gospodarczy społeczny publiczny wspólny"
        " strategiczny nowoczesny historyczny główny ważny coroczny pierwszy drugi trudny"
        " praktyczny techniczny kulturalny cyfrowy lokalny"
    ),
    verbs=_w(
        "ogłosił omówił zatwierdził podpisał otworzył uruchomił odwiedził poparł rozpatrzył"
        " przedstawił zakończył przywitał zwiększył zmniejszył rozszerzył poprawił zbudował"
        " zorganizował zaproponował potwierdził sfinansował"
    ),
    preps=_w("w na z do dla od przez po przed podczas"),
    conjs=_w("i ale że oraz a jednak"),
    dets=(),
    places=_w("Warszawie Krakowie Gdańsku Wrocławiu Poznaniu Łodzi Lublinie Białymstoku"),
    speakers=("burmistrz", "minister", "prezydent", "rzecznik", "dyrektor", "wojewoda"),
    said=_w("powiedział podkreślił dodał zaznaczył wyjaśnił"),
    quote=("„", "”"),
    inner=("«", "»"),
    attribution_first=True,
)

ES = Lang(
    code="es",
    nouns=_w(
        "gobierno ministerio consejo parlamento delegación economía industria cosecha región"
        " distrito ciudad pueblo puente carretera aeropuerto fábrica empresa escuela"
        " universidad hospital presupuesto inversión comercio cooperación acuerdo tratado"
        " cumbre reunión conferencia foro exposición festival proyecto programa estrategia"
        " reforma seguridad frontera tribunal informe declaración decisión propuesta"
        " crecimiento producción mercado precio energía clima agricultor trabajador maestro"
        " médico ingeniero estudiante familia juventud embajador año niño señor compañía"
    ),
    adjectives=_w(
        "nuevo gran nacional regional internacional económico social público conjunto"
        " estratégico moderno histórico principal importante anual primer segundo difícil"
        " práctico técnico cultural digital local español"
    ),
    verbs=_w(
        "anunció discutió aprobó firmó inauguró lanzó visitó apoyó examinó presentó terminó"
        " recibió aumentó redujo amplió mejoró construyó organizó propuso confirmó"
    ),
    preps=_w("en de con para por desde hasta durante sobre"),
    conjs=_w("y pero porque aunque mientras"),
    dets=("el", "la", "los", "las", "un", "una", "el", "la"),
    places=_w("Madrid Barcelona Valencia Sevilla Bilbao Málaga Zaragoza Caracas La-Habana"),
    speakers=("el alcalde", "la ministra", "el ministro", "el presidente", "la portavoz"),
    said=_w("dijo añadió subrayó explicó señaló"),
    quote=("«", "»"),
    inner=("“", "”"),
    attribution_first=True,
)

LANGS = {lang.code: lang for lang in (EN, RU, BE, UK, DE, FR, PL, ES)}

# Ellipses and question marks end some quoted sentences; full stops end the others.
_QUOTE_ENDS = (".", ".", ".", ".", ".", "!", "?", "…")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(rng: Random, lang: Lang) -> str:
    kind = rng.random()
    if kind < 0.4:
        return str(rng.randint(2, 99))
    if kind < 0.7:
        return str(rng.randint(1995, 2025))
    if kind < 0.85:
        whole, frac = rng.randint(1, 99), rng.randint(1, 9)
        sep = "." if lang.code == "en" else ","
        return f"{whole}{sep}{frac}%"
    return str(rng.randint(100, 9999))


def _phrase(rng: Random, lang: Lang) -> list[str]:
    """A noun phrase: optional determiner and adjective, a noun."""
    words: list[str] = []
    if lang.dets and rng.random() < 0.8:
        words.append(rng.choice(lang.dets))
    if rng.random() < 0.55:
        words.append(rng.choice(lang.adjectives))
    words.append(rng.choice(lang.nouns))
    if words[0] == "a" and words[1][0] in "aeiou":
        words[0] = "an"
    return words


def _clause(rng: Random, lang: Lang) -> list[str]:
    words = _phrase(rng, lang)
    words.append(rng.choice(lang.verbs))
    words.extend(_phrase(rng, lang))
    for _ in range(rng.choice((0, 1, 1, 2))):
        words.append(rng.choice(lang.preps))
        r = rng.random()
        if r < 0.2:
            words.append(rng.choice(lang.places))
        elif r < 0.3:
            words.append(_number(rng, lang))
            words.append(rng.choice(lang.nouns))
        else:
            words.extend(_phrase(rng, lang))
    return words


def sentence(rng: Random, lang: Lang, end: str = ".") -> str:
    """One sentence of 6 to 40 words in ``lang``, capitalised, ending in ``end``."""
    words = _clause(rng, lang)
    for _ in range(rng.choice((0, 0, 1, 1, 1, 2))):
        words[-1] += ","
        words.append(rng.choice(lang.conjs))
        words.extend(_clause(rng, lang))
    return _cap(" ".join(words)) + end


def _sentences(rng: Random, lang: Lang, low: int, high: int, ends: tuple[str, ...] = (".",)) -> str:
    return " ".join(sentence(rng, lang, rng.choice(ends)) for _ in range(rng.randint(low, high)))


def _q(lang: Lang, text: str, marks: tuple[str, str] | None = None) -> str:
    """``text`` between quotation marks (French puts a no-break space inside « »)."""
    if marks is not None:
        return f"{marks[0]}{text}{marks[1]}"
    opening, closing = lang.quote
    return f"{opening}{lang.pad}{text}{lang.pad}{closing}"


def _attribution(rng: Random, lang: Lang) -> str:
    verb, who = rng.choice(lang.said), rng.choice(lang.speakers)
    if lang.code == "en":
        return f"{who} {verb}" if rng.random() < 0.7 else f"{verb} {who}"
    if lang.attribution_first or lang.dialogue:
        return f"{verb} {who}"
    return f"{who} {verb}"


def _open_quote(rng: Random, lang: Lang, body: str) -> str:
    """A quotation ending the sentence before an attribution: “Body,” he said."""
    last = body[-1]
    inner = body[:-1] + ("," if last == "." else last)
    if lang.dialogue:
        # Russian, Belarusian and Ukrainian put the comma after the closing mark.
        return _q(lang, body[:-1] if last == "." else body) + ("," if last == "." else "")
    return _q(lang, inner)


def _para_narrative(rng: Random, lang: Lang) -> str:
    return _sentences(rng, lang, 2, 5)


def _para_quote(rng: Random, lang: Lang) -> str:
    """A whole paragraph of quotation with an attribution."""
    body = _sentences(rng, lang, 1, 3, _QUOTE_ENDS)
    if lang.dialogue:
        return f"{_open_quote(rng, lang, body)} — {_attribution(rng, lang)}."
    return f"{_open_quote(rng, lang, body)} {_attribution(rng, lang)}."


def _para_interrupted(rng: Random, lang: Lang) -> str:
    """“A,” he said. “B.” (Cyrillic: «A, — сказал он. — B».)"""
    first = sentence(rng, lang, ",")
    second = _sentences(rng, lang, 1, 2, _QUOTE_ENDS)
    who = _attribution(rng, lang)
    if lang.dialogue:
        return _q(lang, f"{first} — {who}. — {second[:-1] if second.endswith('.') else second}") + (
            "." if second.endswith(".") else ""
        )
    return f"{_q(lang, first)} {who}. {_q(lang, second)}"


def _para_nested(rng: Random, lang: Lang) -> str:
    """A quotation holding a quotation in the inner marks."""
    words = [*_phrase(rng, lang), rng.choice(lang.verbs), *_phrase(rng, lang)]
    inner = _q(lang, " ".join(words), lang.inner)
    head = sentence(rng, lang, "")
    tail = _sentences(rng, lang, 0, 1)
    body = f"{head} {rng.choice(lang.preps)} {inner}." + (f" {tail}" if tail else "")
    if lang.dialogue:
        return f"{_open_quote(rng, lang, body)} — {_attribution(rng, lang)}."
    return f"{_open_quote(rng, lang, body)} {_attribution(rng, lang)}."


def _para_mention(rng: Random, lang: Lang) -> str:
    """Narrative with a short quoted phrase inside a sentence."""
    words = [*_phrase(rng, lang), rng.choice(lang.adjectives)]
    return (
        f"{sentence(rng, lang, '')} {rng.choice(lang.preps)} {_q(lang, ' '.join(words))}. "
        + _sentences(rng, lang, 1, 3)
    )


def _para_dialogue(rng: Random, lang: Lang) -> str:
    """— A, — сказал он. — B."""
    if not lang.dialogue:
        return _para_quote(rng, lang)
    first = sentence(rng, lang, rng.choice((",", ",", "!", "?")))
    who = _attribution(rng, lang)
    if rng.random() < 0.3:
        return f"— {first} — {who}."
    second = _sentences(rng, lang, 1, 2, _QUOTE_ENDS)
    return f"— {first} — {who}. — {second}"


def _multi_paragraph(rng: Random, lang: Lang) -> list[str]:
    """A quotation over 2-3 paragraphs: each opens with the mark, only the last closes."""
    opening, _closing = lang.quote
    paras = [f"{opening}{lang.pad}{_sentences(rng, lang, 1, 3)}" for _ in range(rng.randint(1, 2))]
    last = _para_quote(rng, lang)
    return [*paras, last]


_KINDS: tuple[tuple[Callable[[Random, Lang], str] | None, int], ...] = (
    (_para_narrative, 46),
    (_para_quote, 14),
    (_para_interrupted, 10),
    (_para_nested, 6),
    (_para_mention, 10),
    (_para_dialogue, 10),
    (None, 4),  # a quotation running over several paragraphs
)


def _body_paragraphs(rng: Random, lang: Lang) -> list[str]:
    kind = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
    if kind is None:
        return _multi_paragraph(rng, lang)
    return [kind(rng, lang)]


def _target_size(rng: Random, index: int) -> int:
    if index % LONG_EVERY == LONG_OFFSET:
        return rng.randint(*LONG_BYTES)
    if rng.random() < SHORT_SHARE:
        return rng.randint(*SHORT_BYTES)
    return max(NORMAL_MIN, int(rng.gammavariate(NORMAL_SHAPE, NORMAL_MEAN / NORMAL_SHAPE)))


def _date(rng: Random) -> dt.date:
    span = (LAST_DATE - FIRST_DATE).days
    return FIRST_DATE + dt.timedelta(days=rng.randint(0, span))


def article(index: int, seed: int = DEFAULT_SEED) -> tuple[str, str]:
    """The language code and seed text of article ``index`` of the corpus ``seed``."""
    rng = Random(f"corpus-tools-benchmark:{seed}:{index}")
    code = rng.choices(list(LANG_WEIGHTS), list(LANG_WEIGHTS.values()))[0]
    lang = LANGS[code]
    target = _target_size(rng, index)
    lead = _sentences(rng, lang, 1, 3)
    paragraphs = [f" date {_date(rng).isoformat()} {lead}"]
    size = len(paragraphs[0].encode("utf-8"))
    # At least one body paragraph, so every article has a lead and a body.
    while size < target or len(paragraphs) < 2:
        for para in _body_paragraphs(rng, lang):
            paragraphs.append(para)
            size += len(para.encode("utf-8")) + 2
    text = "\n\n".join(paragraphs)
    # The real seeds mostly end without a newline; some editors add one.
    if rng.random() < 0.3:
        text += "\n"
    return code, text


def seed_name(index: int, n: int, data: bytes) -> str:
    """``NNN_<16 hex>.txt``: the zero-padded index and a hash of the content."""
    width = max(3, len(str(max(n - 1, 0))))
    return f"{index:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"


def generate(n: int, out_dir: Path | str, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write ``n`` seeds to ``out_dir/seeds/`` and copy ``corpus.toml``; return the seed paths.

    The seeds folder must not hold seeds already (a mix of two corpora would not be
    valid); ``out_dir`` is created when missing.
    """
    root = Path(out_dir)
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    if any(p.suffix == ".txt" for p in seeds.iterdir()):
        raise FileExistsError(f"{seeds} already holds seeds; choose an empty folder")
    shutil.copyfile(REPO / CONFIG_NAME, root / CONFIG_NAME)
    paths: list[Path] = []
    for index in range(n):
        _code, text = article(index, seed)
        data = text.encode("utf-8")
        path = seeds / seed_name(index, n, data)
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: generate a corpus and print a short summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, required=True, metavar="N", help="number of seeds")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="corpus root")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S", help="RNG seed")
    parser.add_argument(
        "--force", action="store_true", help="replace DIR/seeds if it already holds seeds"
    )
    args = parser.parse_args(argv)
    if args.docs < 0:
        parser.error("--docs must be 0 or more")
    seeds_dir = args.out / "seeds"
    if args.force and seeds_dir.exists():
        shutil.rmtree(seeds_dir)
    started = time.perf_counter()
    try:
        paths = generate(args.docs, args.out, args.seed)
    except FileExistsError as exc:
        print(f"generate: {exc} (or pass --force)", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    sizes = [p.stat().st_size for p in paths]
    langs = Counter(article(i, args.seed)[0] for i in range(min(args.docs, 2000)))
    total = sum(sizes)
    mean = total / len(sizes) if sizes else 0
    print(
        f"wrote {len(paths)} seeds to {seeds_dir} in {elapsed:.1f} s: {total / 1e6:.1f} MB, "
        f"mean {mean / 1000:.2f} KB, largest {max(sizes, default=0) / 1000:.1f} KB"
    )
    if langs:
        shares = ", ".join(f"{k} {v / sum(langs.values()):.0%}" for k, v in langs.most_common())
        print(f"languages (first {sum(langs.values())} seeds): {shares}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
