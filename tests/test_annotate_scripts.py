"""Quotation types, sentences and titles in scripts whose punctuation is not the Latin
one: Chinese and Japanese (no spaces between words, full-width stops and colons, title
marks), Arabic, Hindi and Thai. None of these languages has tables of its own."""

from __future__ import annotations

import pytest

from corpus_tools.annotate import annotate_document
from corpus_tools.annotate.classify import word_count
from corpus_tools.annotate.context import sentence_starts
from corpus_tools.annotate.tables import tables_for, words
from corpus_tools.annotate.titles import make_title


def _types(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    doc = annotate_document(paragraphs, doc_id="d")
    return [(q.text, q.type) for q in doc.quotations]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A sentence after a full-width colon, its full stop inside the marks.
        (
            [
                "北京市政府宣布了新的交通计划。",
                "市长在新闻发布会上说：“我们将在明年完成地铁新线路的建设。”",
            ],
            [("“我们将在明年完成地铁新线路的建设。”", "speech")],
        ),
        # Chinese title marks set off a title, whatever stands around them.
        (
            ["《人民日报》报道称，这是近年来最大的项目。", "他说，计划将耗资五十亿元。"],
            [("《人民日报》", "title")],
        ),
        # Japanese: words quoted before と述べた, and a newspaper in 『』.
        (
            [
                "東京都は新しい防災計画を発表した。",
                "知事は記者会見で「都民の安全を最優先に考える」と述べた。",
                "『朝日新聞』によると、予算は約百億円だという。",
            ],
            [("「都民の安全を最優先に考える」", "speech"), ("『朝日新聞』", "title")],
        ),
        (
            [
                "دلهي: أعلنت وزارة الصحة عن حملة تطعيم جديدة في القاهرة.",
                "وقال وزير الصحة أحمد سامي: «سنصل إلى كل طفل في البلاد قبل نهاية العام».",
            ],
            [("«سنصل إلى كل طفل في البلاد قبل نهاية العام»", "speech")],
        ),
        (
            [
                "दिल्ली सरकार ने नई बस सेवा शुरू की है।",
                "परिवहन मंत्री ने कहा, “यह सेवा हर दिन पचास हजार यात्रियों को लाभ पहुंचाएगी।”",
            ],
            [("“यह सेवा हर दिन पचास हजार यात्रियों को लाभ पहुंचाएगी।”", "speech")],
        ),
        (
            [
                "กรุงเทพมหานครเปิดสวนสาธารณะแห่งใหม่",
                "ผู้ว่าราชการกรุงเทพมหานคร กล่าวว่า “สวนแห่งนี้จะเป็นปอดของคนเมือง”",
            ],
            [("“สวนแห่งนี้จะเป็นปอดของคนเมือง”", "speech")],
        ),
        # The Japanese quotative particle after the marks says the words were said,
        # short as they are; 『』 before it are no title.
        (
            [
                "日本代表は昨夜、強豪ブラジルと対戦し、二対一で勝利した。",
                "試合後、選手たちは『ありがとう』と声をそろえた。監督は記者会見で「悔いはない」と語った。",
            ],
            [("『ありがとう』", "speech"), ("「悔いはない」", "speech")],
        ),
        # After a full-width colon, keywords are no sentence.
        (
            [
                "北京市民政局今天公布了新的养老政策，覆盖全市六十岁以上的老人。",
                "新规的关键词只有两个：“减负”和“增效”。",
            ],
            [("“减负”", "term"), ("“增效”", "term")],
        ),
        # Korean: 《》 set off a title, unless a quotative ending says words were said
        # in them (as North Korean press writes quotations).
        (
            [
                "영화 《기생충》이 다시 개봉한다. 감독은 관객들이 여전히 이 영화를 사랑한다는 사실에 놀랐다.",
                "대변인은 《우리는 그 어떤 도발에도 강력히 대응할것이다》라고 강조하였다.",
            ],
            [
                ("《기생충》", "title"),
                ("《우리는 그 어떤 도발에도 강력히 대응할것이다》", "speech"),
            ],
        ),
    ],
)
def test_quotation_types_in_other_scripts(
    paragraphs: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _types(paragraphs) == expected


def test_a_so_called_japanese_term_in_corner_brackets_is_no_title() -> None:
    found = _types(
        [
            "厚生労働省は、いわゆる『年収の壁』への対応策を発表した。",
            "パートで働く人の手取りが減らないよう、企業に助成金を出す。",
        ]
    )
    assert found == [("『年収の壁』", "term")]


def test_japanese_corner_brackets_inside_a_quotation_are_not_a_title() -> None:
    # 『』 nested in 「」 quote words inside words (the grandmother's, in the author's).
    found = _types(["作家は「祖母はいつも『忘れるな』と言っていた」と語った。"])
    assert [text for text, _ in found] == [
        "「祖母はいつも『忘れるな』と言っていた」",
        "『忘れるな』",
    ]
    assert found[1][1] != "title"


def test_a_run_of_han_or_thai_letters_counts_as_several_words() -> None:
    assert word_count(words("我们将在明年完成地铁新线路的建设")) == 5
    assert word_count(words("全民健身")) == 1
    assert word_count(words("5G网络建设将在今年实现县城全覆盖")) == 6
    # Thai is cut at its combining marks already: each piece is one word.
    assert word_count(words("สวนแห่งนี้")) == 2
    assert word_count(words("Wir schaffen das")) == 3
    assert word_count(words("人")) == 1


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("北京市政府宣布了新的交通计划。该计划将于明年实施。", [0, 15]),
        ("他说：“好。”然后离开了。", [0, 7]),
        ("सरकार ने सेवा शुरू की है। मंत्री ने कहा।", [0, 26]),
        ("هل هذا صحيح؟ قال الوزير نعم.", [0, 13]),
    ],
)
def test_full_stops_of_other_scripts_end_sentences(text: str, starts: list[int]) -> None:
    assert sentence_starts(text, tables_for(None)) == starts


def test_a_chinese_title_ends_at_the_first_full_stop() -> None:
    doc = annotate_document(
        ["北京市政府宣布了新的交通计划。该计划将于明年实施。", "市长说，这是好事。"], doc_id="d"
    )
    assert doc.title == "北京市政府宣布了新的交通计划。"


@pytest.mark.parametrize(
    ("lead", "dateline", "title"),
    [
        (
            "新华社北京3月4日电　北京市政府今天宣布了新的交通计划。该计划将于明年实施。",
            "新华社北京3月4日电",
            "北京市政府今天宣布了新的交通计划。",
        ),
        (
            "本报上海5月6日电（记者 王明）上海市今天公布了新规。",
            "本报上海5月6日电（记者 王明）",
            "上海市今天公布了新规。",
        ),
        (
            "(서울=연합뉴스) 김민수 기자 = 서울시가 새로운 교통 정책을 발표했다.",
            "(서울=연합뉴스) 김민수 기자 =",
            "서울시가 새로운 교통 정책을 발표했다.",
        ),
        (
            "【ワシントン共同】米政府は新たな制裁を発表した。",
            "【ワシントン共同】",
            "米政府は新たな制裁を発表した。",
        ),
        (
            "الدار البيضاء - قالت الشرطة إن الحادث وقع مساء أمس.",
            "الدار البيضاء -",
            "قالت الشرطة إن الحادث وقع مساء أمس.",
        ),
        (
            "नई दिल्ली, 5 मार्च (भाषा) सरकार ने नई योजना शुरू की।",
            "नई दिल्ली, 5 मार्च (भाषा)",
            "सरकार ने नई योजना शुरू की।",
        ),
        (
            "باريس (أ ف ب) - قالت الحكومة الفرنسية إن الإضراب انتهى.",
            "باريس (أ ف ب) -",
            "قالت الحكومة الفرنسية إن الإضراب انتهى.",
        ),
        (
            "(워싱턴=연합뉴스) 이정훈 특파원 = 미국 정부가 새 관세를 발표했다.",
            "(워싱턴=연합뉴스) 이정훈 특파원 =",
            "미국 정부가 새 관세를 발표했다.",
        ),
        (
            "【ワシントン＝山田太郎】米政府は新たな制裁を発表した。",
            "【ワシントン＝山田太郎】",
            "米政府は新たな制裁を発表した。",
        ),
        # The agencies' and papers' own forms: Petra's place and date before the agency
        # and a dash written on, IRNA's place and agency each with a dash, WAFA's date
        # in figures, Asharq Al-Awsat's paper in guillemets, Dainik Jagran's correspondent.
        (
            "الزرقاء 5 تشرين الأول (بترا)- افتتحت البلدية حديقة جديدة في المدينة.",
            "الزرقاء 5 تشرين الأول (بترا)-",
            "افتتحت البلدية حديقة جديدة في المدينة.",
        ),
        (
            "مشهد- ایرنا- شهردار مشهد از افتتاح خط جدید قطار شهری خبر داد.",
            "مشهد- ایرنا-",
            "شهردار مشهد از افتتاح خط جدید قطار شهری خبر داد.",
        ),
        ("الخليل- أغلقت السلطات الطريق الرئيسي.", "الخليل-", "أغلقت السلطات الطريق الرئيسي."),
        (
            "تبریز - ایرنا - استاندار آذربایجان شرقی از افتتاح پل جدید خبر داد.",
            "تبریز - ایرنا -",
            "استاندار آذربایجان شرقی از افتتاح پل جدید خبر داد.",
        ),
        (
            "نابلس 3-5-2026 وفا- افتتحت وزارة الصحة مركزا طبيا جديدا.",
            "نابلس 3-5-2026 وفا-",
            "افتتحت وزارة الصحة مركزا طبيا جديدا.",
        ),
        (
            "بيروت: «الشرق الأوسط» أعلنت الحكومة خطة جديدة للكهرباء.",
            "بيروت: «الشرق الأوسط»",
            "أعلنت الحكومة خطة جديدة للكهرباء.",
        ),
        (
            "जागरण संवाददाता, मेरठ : शहर में नई बस सेवा शुरू हो गई।",
            "जागरण संवाददाता, मेरठ :",
            "शहर में नई बस सेवा शुरू हो गई।",
        ),
        # Not datelines: a Hebrew topic before a dash (Hebrew press writes "topic -
        # statement"), a Chinese dispatch quoted after 据, a word opening with 电 after a
        # date, a date in a sentence's aside, a Korean photo credit, a Japanese label.
        ("תקציב המדינה - הממשלה אישרה את ההצעה.", None, "תקציב המדינה - הממשלה אישרה את ההצעה."),
        (
            "据新华社5月6日电，日本政府宣布了新的预算。",
            None,
            "据新华社5月6日电，日本政府宣布了新的预算。",
        ),
        ("李女士5月6日电话反映，小区停水三天。", None, "李女士5月6日电话反映，小区停水三天。"),
        (
            "قالت الوزارة، في 6 أبريل (نيسان) الماضي، إن الأسعار سترتفع.",
            None,
            "قالت الوزارة، في 6 أبريل (نيسان) الماضي، إن الأسعار سترتفع.",
        ),
        (
            "(사진=뉴스1) 서울 도심에서 대규모 집회가 열렸다.",
            None,
            "(사진=뉴스1) 서울 도심에서 대규모 집회가 열렸다.",
        ),
        (
            "【速報】大阪で震度5強の地震が発生した。",
            None,
            "【速報】大阪で震度5強の地震が発生した。",
        ),
        # Dashes around words, or three words before the dash: no dateline.
        (
            "أعلنت الوزارة - في بيان رسمي - أن الحملة ستبدأ غدا.",
            None,
            "أعلنت الوزارة - في بيان رسمي - أن الحملة ستبدأ غدا.",
        ),
        ("सरकार ने कहा - यह योजना अच्छी है।", None, "सरकार ने कहा - यह योजना अच्छी है।"),
        ("उन्होंने कहा : यह योजना अच्छी है।", None, "उन्होंने कहा : यह योजना अच्छी है।"),
        ("مصر: «لن نقبل» بالخطة الجديدة.", None, "مصر: «لن نقبل» بالخطة الجديدة."),
        ("كوفيد-19 يعود إلى الانتشار في المدن.", None, "كوفيد-19 يعود إلى الانتشار في المدن."),
        (
            "الأهلي - الزمالك - انتهت مباراة القمة بالتعادل.",
            None,
            "الأهلي - الزمالك - انتهت مباراة القمة بالتعادل.",
        ),
        ("北京市政府宣布了新的交通计划。", None, "北京市政府宣布了新的交通计划。"),
    ],
)
def test_datelines_of_presses_without_capitals(lead: str, dateline: str | None, title: str) -> None:
    result = make_title(lead)
    assert (result.dateline, result.title) == (dateline, title)
