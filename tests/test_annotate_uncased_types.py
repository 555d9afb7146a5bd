"""Quotation types in languages written without capital letters, from the words beside a
quotation (corpus_tools/annotate/uncased_types.py, cues in uncased.json)."""

from __future__ import annotations

import pytest

from corpus_tools.annotate import annotate_document
from corpus_tools.annotate.uncased_types import retype


def _types(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    a = annotate_document(paragraphs, doc_id="t")
    return [(q.text, q.type) for q in a.quotations]


CASES = [
    pytest.param(
        ["电影节今天开幕。", "开幕影片“山那边的灯”讲述了一个乡村教师的故事。"],
        [("“山那边的灯”", "title")],
        id="zh-film-before-is-a-title",
    ),
    pytest.param(
        ["新型科考船下水。", "这艘科考船被命名为“探海三”号，将于明年执行任务。"],
        [("“探海三”", "name")],
        id="zh-hao-after-is-a-ship-name",
    ),
    pytest.param(
        ["市里出台新规。", "这种店铺被业内称为“快闪店”，开业时间很短。"],
        [("“快闪店”", "term")],
        id="zh-called-before-is-a-term",
    ),
    pytest.param(
        [
            "新华社电 全市地铁客流创新高。",
            "市交通局局长王建平表示，今年将新增三条线路，“让市民出门更方便”。",
        ],
        [("“让市民出门更方便”", "speech")],
        id="zh-quotation-ending-a-reported-clause-is-speech",
    ),
    pytest.param(
        ["市内で祭りが開かれた。", "商店街の有志が結成したバンド「夕焼け通り」が演奏した。"],
        [("「夕焼け通り」", "name")],
        id="ja-band-before-is-a-name",
    ),
    pytest.param(
        ["市は対策をまとめた。", "市は公民館を「避難ステーション」として開放している。"],
        [("「避難ステーション」", "term")],
        id="ja-as-after-is-a-term",
    ),
    pytest.param(
        ["新しい公園が開園した。", "市は「市民の憩いの場にしたい」としている。"],
        [("「市民の憩いの場にしたい」", "speech")],
        id="ja-toshiteiru-is-a-statement-not-a-term",
    ),
    pytest.param(
        ["구청이 새 정책을 내놨다.", "구청은 다음 달부터 '우리 동네 돌봄' 사업을 시작한다."],
        [("'우리 동네 돌봄'", "title")],
        id="ko-project-after-is-a-title",
    ),
    pytest.param(
        ["افتتح المعرض أبوابه.", "وتعرض دار النشر رواية «ظلال المدينة» للكاتب الشاب."],
        [("«ظلال المدينة»", "title")],
        id="ar-novel-before-is-a-title",
    ),
    pytest.param(
        ["توسع قطاع النقل.", "وفازت لشركة «الأفق للنقل» بعقد جديد، كما وقعت شركة «مسار» عقدا آخر."],
        [("«الأفق للنقل»", "name"), ("«مسار»", "name")],
        id="ar-company-before-with-and-without-a-prefix-is-a-name",
    ),
    pytest.param(
        [
            "أعلنت لجنة المهرجان النتائج.",
            "وقالت اللجنة إن الفيلم «يصور الحرب بعيون الأطفال، لا بعيون الجنرالات».",
        ],
        [("«يصور الحرب بعيون الأطفال، لا بعيون الجنرالات»", "speech")],
        id="ar-a-definite-noun-before-many-words-is-their-subject",
    ),
    pytest.param(
        ["بازار خودرو داغ شد.", "شرکت «پارس‌نوین» و «آریاتک» قیمت‌ها را بالا بردند."],
        [("«پارس‌نوین»", "name"), ("«آریاتک»", "name")],
        id="fa-a-quotation-joined-by-and-takes-the-type-before",
    ),
    pytest.param(
        ["روزنامه‌ها به موضوع پرداختند.", "روزنامه «اعتماد» گزارشی در این باره منتشر کرد."],
        [("«اعتماد»", "title")],
        id="fa-newspaper-before-is-a-title",
    ),
    pytest.param(
        ["העירייה הודיעה על תוכנית חדשה.", 'עובדי חברת "גלים ימיים" יצאו לשביתה.'],
        [('"גלים ימיים"', "name")],
        id="he-company-construct-before-is-a-name",
    ),
    pytest.param(
        ["सरकार ने नई पहल की।", "विभाग ने ‘हर घर पानी’ अभियान शुरू किया है।"],
        [("‘हर घर पानी’", "title")],
        id="hi-campaign-after-is-a-title",
    ),
    pytest.param(
        ["गांव में मेला लगा।", "लोग इस चौराहे को ‘खुशियों का चौक’ कहते हैं।"],
        [("‘खुशियों का चौक’", "term")],
        id="hi-they-call-it-after-is-a-term",
    ),
    pytest.param(
        [
            "मंत्री ने पत्रकारों से बात की।",
            "उन्होंने कहा, “इस बार ‘ग्रीन मॉडल’ पूरे प्रदेश में लागू होगा।”",
        ],
        [("“इस बार ‘ग्रीन मॉडल’ पूरे प्रदेश में लागू होगा।”", "speech"), ("‘ग्रीन मॉडल’", "term")],
        id="hi-a-short-quotation-inside-speech-is-a-term",
    ),
    pytest.param(
        ["أصدرت المنظمة تقريرا.", "وقالت المنظمة في بيانها إن «الوضع يتدهور بسرعة كبيرة»."],
        [("«الوضع يتدهور بسرعة كبيرة»", "speech")],
        id="ar-words-after-said-that-are-speech",
    ),
    pytest.param(
        ["ตลาดมือถือคึกคัก", "นายสมชาย ใจดี บอกว่า “ราคานี้คุ้มมาก”"],
        [("“ราคานี้คุ้มมาก”", "speech")],
        id="th-words-right-after-said-that-are-speech",
    ),
    pytest.param(
        ["ตลาดข้าวคึกคัก", "กระทรวงพาณิชย์เปิดตัวโครงการ “ข้าวดีมีราคา” เพื่อช่วยชาวนา"],
        [("“ข้าวดีมีราคา”", "title")],
        id="th-project-before-is-a-title",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_types_without_capitals(
    paragraphs: list[str], expected: list[tuple[str, str | None]]
) -> None:
    assert _types(paragraphs) == expected


def test_a_quotation_that_ends_a_sentence_stays_speech_beside_a_cue() -> None:
    paragraphs = ["بدأت الحملة.", "وقالت الشركة «سنوسع الخدمة إلى كل المدن.»"]
    assert _types(paragraphs) == [("«سنوسع الخدمة إلى كل المدن.»", "speech")]


def test_languages_without_cues_are_left_as_they_are() -> None:
    a = annotate_document(["Die Firma „Nordlicht“ wächst."], doc_id="t", lang_hint="de")
    assert retype(["Die Firma „Nordlicht“ wächst."], a.quotations, lang="de") == a.quotations


def test_the_words_a_cue_named_are_the_same_thing_when_quoted_again() -> None:
    # "شرکت «آسمان‌پرواز»" names a company; the same words later, in the apposition of the
    # man who speaks, are that name, not the first part of his speech.
    a = annotate_document(
        [
            "تهران- ایرنا- شرکت «آسمان‌پرواز» تعطیل شد.",
            "رضا محمدی، مدیرعامل «آسمان‌پرواز»، در گفت‌وگو با ایرنا گفت: «دیگر توان ادامه نداشتیم.»",
        ],
        doc_id="t",
    )
    got = [(q.text, q.type, q.prev, q.speaker.name if q.speaker else None) for q in a.quotations]
    assert got == [
        ("«آسمان‌پرواز»", "name", None, None),
        ("«آسمان‌پرواز»", "name", None, None),
        ("«دیگر توان ادامه نداشتیم.»", "speech", None, "رضا محمدی"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param(
            [
                "אלפי עובדים הפגינו אתמול מול משרדי החברה בתל אביב.",
                'הוא אמר כי ההנהלה מוכנה לחזור למשא ומתן "כבר מחר", אם השביתה תופסק.',
            ],
            [('"כבר מחר"', "speech")],
            id="he-said-that-a-few-words",
        ),
    ],
)
def test_a_few_words_at_the_end_of_what_is_reported_are_speech(
    paragraphs: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _types(paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "quoted"),
    [
        pytest.param(
            [
                "שכבה היא חברת סייבר צעירה מתל אביב שגייסה השנה סכום גדול.",
                '"הבינה המלאכותית שינתה הכול," אמרה מנהלת הטכנולוגיה של "מגן", ד"ר נועה לב.',
            ],
            '"מגן"',
            id="he-a-name-in-the-subject-after-the-verb",
        ),
        pytest.param(
            [
                "عمان 3 أيار (بترا)- أطلقت الحكومة خطة وطنية جديدة للطاقة المتجددة.",
                "وترى الحكومة أن «الاقتصاد الأخضر» هو طريق البلاد إلى فرص عمل جديدة.",
            ],
            "«الاقتصاد الأخضر»",
            id="ar-the-subject-of-what-is-reported",
        ),
        pytest.param(
            [
                "新华社北京5月3日电 国务院办公厅日前印发通知。",
                "通知要求各地坚决杜绝“形象工程”，切实减轻基层负担。",
            ],
            "“形象工程”",
            id="zh-a-term-after-a-verb-of-demanding",
        ),
        pytest.param(
            [
                "新华社北京5月3日电 我国新一代气象卫星3日成功发射。",
                "据介绍，“风云九号”是我国自主研制的第二代静止轨道气象卫星。",
            ],
            "“风云九号”",
            id="zh-after-according-to-and-a-comma",
        ),
    ],
)
def test_a_name_after_a_verb_of_saying_is_no_speech(paragraphs: list[str], quoted: str) -> None:
    assert dict(_types(paragraphs))[quoted] != "speech"


KIND_CASES = [
    pytest.param(
        [
            "בית המשפט המחוזי בחיפה פסק אתמול.",
            'השופט חייב את חברת הבנייה "גבעות הכרמל" לפצות את הרוכשים.',
        ],
        [('"גבעות הכרמל"', "name")],
        id="he-company-and-its-trade",
    ),
    pytest.param(
        ["הממונה על התחרות בחנה את העסקה.", 'רשת המרכולים הצפונית "סל הגליל" תימכר לקבוצה גדולה.'],
        [('"סל הגליל"', "name")],
        id="he-chain-with-an-adjective",
    ),
    pytest.param(
        [
            "أعلنت الهيئة النتائج الأولية.",
            "ورصدت شبكة «نزاهة» لمراقبة الانتخابات عدداً من المخالفات.",
        ],
        [("«نزاهة»", "name")],
        id="ar-network-before",
    ),
    pytest.param(
        ["بورس تهران امروز رشد کرد.", "سهام شرکت سرمایه\u200cگذاری «پارس\u200cآرین» نیز بالا رفت."],
        [("«پارس\u200cآرین»", "name")],
        id="fa-company-and-its-field",
    ),
    pytest.param(
        ["สตาร์ทอัพไทยได้รับเงินทุนเพิ่ม", "สตาร์ทอัพอาหาร “กินดีฟาร์ม” ปิดการระดมทุนรอบแรกได้สำเร็จ"],
        [("“กินดีฟาร์ม”", "name")],
        id="th-start-up-run-on",
    ),
    pytest.param(
        [
            "ผู้ส่งออกข้าวปรับตัว",
            "นายสมชาย ใจดี กล่าวว่า บริษัทปรับตัวด้วยการหันไปทำตลาดข้าวอินทรีย์มากขึ้น “ถ้าเราแข่งราคา เราแพ้แน่นอน” นายสมชายกล่าว",
        ],
        [("“ถ้าเราแข่งราคา เราแพ้แน่นอน”", "speech")],
        id="th-a-clause-run-on-is-no-name",
    ),
    pytest.param(
        ["旭川市で閉館の知らせ。", "市中心部の映画館「北の星シネマ」が今月末で営業を終える。"],
        [("「北の星シネマ」", "name")],
        id="ja-cinema-before",
    ),
    pytest.param(
        ["一款应用引发争议。", "今年主推的品种为“金观音”，亩产提高一成。"],
        [("“金观音”", "name")],
        id="zh-variety-before",
    ),
    pytest.param(
        [
            "ارتفعت الرسوم على المشروبات.",
            "ويطلق بعض المعلقين على هذه الرسوم اسم «ضريبة السكر» منذ سنوات.",
        ],
        [("«ضريبة السكر»", "term")],
        id="ar-given-the-name-is-a-term",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), KIND_CASES)
def test_a_noun_of_a_kind_of_thing_names_what_follows(
    paragraphs: list[str], expected: list[tuple[str, str | None]]
) -> None:
    # The noun with its modifiers before the name where the noun comes first (he, ar,
    # fa; Thai run on in one word), and nouns of kinds the tables lacked; not a clause
    # run on in Thai, nor a name given to something ("اسم «…»", a term).
    assert _types(paragraphs) == expected


INSIDE_AND_ENDING_CASES = [
    pytest.param(
        [
            "राज्य सरकार ने नई घोषणा की।",
            "सरकार ने ‘ग्रामीण जल संरक्षण योजना’ के तहत सभी गांवों में तालाब बनाने का फैसला किया है।",
        ],
        [("‘ग्रामीण जल संरक्षण योजना’", "title")],
        id="hi-scheme-named-inside",
    ),
    pytest.param(
        [
            "مدیریت آب استان تغییر کرد.",
            "«طرح انتقال آب کوهرنگ» از سال آینده اجرا می\u200cشود.",
        ],
        [("«طرح انتقال آب کوهرنگ»", "title")],
        id="fa-plan-named-inside",
    ),
    pytest.param(
        [
            "ชาวบ้านร้องเรียนเรื่องน้ำท่วม",
            "ชาวบ้านเรียกร้องให้รัฐบาลเร่งอนุมัติงบประมาณตาม “แผนป้องกันน้ำท่วมลุ่มน้ำปิง” ซึ่งค้างการพิจารณามานาน",
        ],
        [("“แผนป้องกันน้ำท่วมลุ่มน้ำปิง”", "title")],
        id="th-plan-named-inside",
    ),
    pytest.param(
        ["卫星发射成功。", "国家航天局表示，此次任务将“为全球气候治理贡献中国智慧和中国方案”。"],
        [("“为全球气候治理贡献中国智慧和中国方案”", "speech")],
        id="zh-long-slogan-stays-speech",
    ),
    pytest.param(
        [
            "법원이 전세 사기범에게 중형을 선고했다.",
            "피고인 측 변호인은 “형이 무겁다”며 항소 의사를 밝혔다.",
        ],
        [("“형이 무겁다”", "speech")],
        id="ko-quoting-ending-is-speech",
    ),
    pytest.param(
        [
            "نمایشگاه کتاب تبریز آغاز شد.",
            "مدیر این نشر، فروش روز نخست را «بهتر از انتظار» توصیف کرد.",
        ],
        [("«بهتر از انتظار»", "speech")],
        id="fa-judged-is-speech",
    ),
    pytest.param(
        [
            "بدأت الحملة الوطنية للتطعيم.",
            "ودعت نقابة الأطباء المواطنين إلى «أوسع مشاركة ممكنة» في الحملة.",
        ],
        [("«أوسع مشاركة ممكنة»", "speech")],
        id="ar-called-for-is-speech",
    ),
    pytest.param(
        ["رحبت الجمعية بالقرار.", "ووصفت الجمعية القرار في بيان بأنه «خطوة طال انتظارها»."],
        [("«خطوة طال انتظارها»", "speech")],
        id="ar-described-as-is-speech",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), INSIDE_AND_ENDING_CASES)
def test_kinds_named_inside_the_marks_and_words_quoted_by_their_grammar(
    paragraphs: list[str], expected: list[tuple[str, str | None]]
) -> None:
    # A title that names its kind inside the marks ("… योजना", "«طرح …»", "“แผน…”"), not a
    # long sentence ending in such a word; Korean "“…”며", Persian "را «…» توصیف کرد"
    # and Arabic "دعا … إلى «…»", "وصف … بأنه «…»" quote words said.
    assert _types(paragraphs) == expected


# Cases an independent review wrote to make the rules above misfire (each broke on a
# first version of them): the types the review expected.
TYPE_GUARD_CASES = [
    pytest.param(
        [
            "饭圈乱象再受关注。",
            "部分粉丝群体对偶像的“造神运动”已经越界，引发社会担忧。",
            "一位家长无奈地说：“孩子把零花钱全花在打榜上了。”",
        ],
        [("“造神运动”", "term"), ("“孩子把零花钱全花在打榜上了。”", "speech")],
        id="zh13-neg-r2-term-ending-运动",
    ),
    pytest.param(
        [
            "نقابات العمال تهدد بالإضراب.",
            "وقال رئيس الاتحاد العام للنقابات إن «قانون العمل الجديد ظالم» ولا يحمي حقوق العمال.",
            "ورد وزير العمل بأن القانون «يوازن بين مصالح الطرفين».",
        ],
        [("«قانون العمل الجديد ظالم»", "speech"), ("«يوازن بين مصالح الطرفين»", "speech")],
        id="ar07-neg-r2-«قانون-…-ظالم»-speech",
    ),
    pytest.param(
        [
            "افتتاح المرحلة الأولى من السد.",
            "وقال الرئيس خلال الافتتاح إن السد «مشروع وطني بامتياز»، مشيرا إلى أنه سيوفر الكهرباء لملايين المنازل.",
            "وأضاف: «هذا يوم تاريخي».",
        ],
        [("«مشروع وطني بامتياز»", "speech"), ("«هذا يوم تاريخي»", "speech")],
        id="ar10-neg-r2-«مشروع-وطني…»-partial-speech",
    ),
    pytest.param(
        [
            "واکنش مخالفان به برگزاری انتخابات.",
            "رهبر جبهه مخالف این انتخابات را «نمایش مضحک» توصیف کرد.",
            "سخنگوی ستاد انتخابات گفت: «مشارکت مردم پاسخ این ادعاهاست.»",
        ],
        [("«نمایش مضحک»", "speech"), ("«مشارکت مردم پاسخ این ادعاهاست.»", "speech")],
        id="fa05-neg-r2-vs-r4-«نمایش-…»-توصیف",
    ),
    pytest.param(
        [
            "ستادهای انتخاباتی فعالیت خود را آغاز کردند.",
            "نامزدها در سخنرانی\u200cهای این هفته بارها بر «شرکت حداکثری» مردم تأکید کردند.",
            "یکی از نامزدها گفت: «صندوق رأی تنها راه تغییر است.»",
        ],
        [("«شرکت حداکثری»", "term"), ("«صندوق رأی تنها راه تغییر است.»", "speech")],
        id="fa06-neg-r2-«شرکت-…»-=-participation-(slogan)",
    ),
    pytest.param(
        [
            "دادستان درباره ناآرامی\u200cهای اخیر توضیح داد.",
            "دادستان گفت که عاملان این حوادث «گروه کوچکی از افراطیون» بوده\u200cاند.",
            "وی افزود: «پرونده آنها به دادگاه ارسال شده است.»",
        ],
        [
            ("«گروه کوچکی از افراطیون»", "speech"),
            ("«پرونده آنها به دادگاه ارسال شده است.»", "speech"),
        ],
        id="fa07-neg-r2-«گروه-…»-partial-speech",
    ),
    pytest.param(
        [
            "סערה בכנסת סביב חוק הגיוס.",
            'יו״ר האופוזיציה אמר כי "חוק הגיוס הוא אסון" וקרא לחברי הקואליציה להצביע נגדו.',
            'שר המשפטים השיב: "החוק יעבור גם בלי קולותיכם."',
        ],
        [('"חוק הגיוס הוא אסון"', "speech"), ('"החוק יעבור גם בלי קולותיכם."', "speech")],
        id='he04-neg-r2-"חוק-…-הוא-אסון"-speech',
    ),
    pytest.param(
        [
            "विपक्ष ने बजट को किसान विरोधी बताया।",
            "कांग्रेस नेता ने बजट को ‘किसानों को ठगने की योजना’ बताया।",
            "वित्त मंत्री ने पलटवार करते हुए कहा, ‘विपक्ष के पास कोई ठोस मुद्दा नहीं है।’",
        ],
        [("‘किसानों को ठगने की योजना’", "speech"), ("‘विपक्ष के पास कोई ठोस मुद्दा नहीं है।’", "speech")],
        id="hi03-neg-r2-‘…-की-योजना’-partial-speech",
    ),
    pytest.param(
        [
            "संसद में हंगामा, कार्यवाही स्थगित।",
            "विपक्षी सांसदों ने आरोप लगाया कि देश में ‘लोकतंत्र खतरे में’ है।",
            "संसदीय कार्य मंत्री ने कहा, ‘विपक्ष जानबूझकर सदन नहीं चलने दे रहा।’",
        ],
        [("‘लोकतंत्र खतरे में’", "speech"), ("‘विपक्ष जानबूझकर सदन नहीं चलने दे रहा।’", "speech")],
        id="hi04-neg-r2-‘…-में’-partial-speech",
    ),
    pytest.param(
        [
            "नवनिर्वाचित महापौर ने कार्यभार संभाला।",
            "महापौर ने कहा कि उनकी पहली प्राथमिकता ‘जनता की सेवा’ है।",
            "उन्होंने शहर में ‘स्वच्छ शहर अभियान’ चलाने की घोषणा भी की।",
        ],
        [("‘जनता की सेवा’", "speech"), ("‘स्वच्छ शहर अभियान’", "title")],
        id="hi05-neg-r2-‘…-सेवा’-partial-speech",
    ),
    pytest.param(
        [
            "कंपनी ने आरोपों को खारिज किया।",
            "कंपनी के प्रवक्ता ने रिपोर्ट को ‘सुनियोजित दुष्प्रचार अभियान’ करार दिया।",
            "प्रवक्ता ने कहा, ‘हम कानूनी कार्रवाई पर विचार कर रहे हैं।’",
        ],
        [
            ("‘सुनियोजित दुष्प्रचार अभियान’", "speech"),
            ("‘हम कानूनी कार्रवाई पर विचार कर रहे हैं।’", "speech"),
        ],
        id="hi06-neg-r2-‘…-अभियान’-partial-speech",
    ),
    pytest.param(
        [
            "किसान संगठनों ने मंत्री के बयान की निंदा की।",
            "मंत्री ने आंदोलनकारियों को ‘मुट्ठी भर लोगों का समूह’ बताया था।",
            "किसान नेता राकेश सिंह ने कहा, ‘लाखों किसान सड़कों पर हैं, यह मुट्ठी भर नहीं।’",
        ],
        [
            ("‘मुट्ठी भर लोगों का समूह’", "speech"),
            ("‘लाखों किसान सड़कों पर हैं, यह मुट्ठी भर नहीं।’", "speech"),
        ],
        id="hi08-neg-r2-‘…-समूह’-partial-speech",
    ),
    pytest.param(
        [
            "नई आवास नीति पर सवाल।",
            "विशेषज्ञों का कहना है, ‘यह सिर्फ कागजी योजना’, जमीन पर कुछ नहीं बदलेगा।",
            "आवास मंत्री ने दावा किया कि ‘दो साल में एक लाख घर’ बनाए जाएंगे।",
        ],
        [("‘यह सिर्फ कागजी योजना’", "speech"), ("‘दो साल में एक लाख घर’", "speech")],
        id="hi09-neg-r2-spoken-‘…-कागजी-योजना’",
    ),
    pytest.param(
        [
            "مئات المحتجين يتظاهرون أمام البرلمان.",
            "ورفع المحتجون لافتات كتبت عليها عبارة «لا للغلاء»، مطالبين بخفض الأسعار.",
            "وقال أحد المشاركين: «لم نعد قادرين على شراء الخبز».",
        ],
        [("«لا للغلاء»", "term"), ("«لم نعد قادرين على شراء الخبز»", "speech")],
        id="ar03-neg-r1-عبارة-=-phrase-(slogan-on-banners)",
    ),
    pytest.param(
        [
            "وزير سابق يثير جدلا بتغريدة.",
            "ونشر الوزير السابق على حسابه في منصة إكس عبارة «من يزرع الريح يحصد العاصفة» دون أي تعليق.",
            "وقال مقربون منه إن «التغريدة لا تستهدف أحدا بعينه».",
        ],
        [("«من يزرع الريح يحصد العاصفة»", "speech"), ("«التغريدة لا تستهدف أحدا بعينه»", "speech")],
        id="ar04-neg-r1-عبارة-=-phrase-(posted-words)",
    ),
    pytest.param(
        [
            "نرخ تورم ماهانه برای سومین ماه پیاپی کاهش یافت.",
            "به گفته رئیس کل بانک مرکزی «روند تورم کاهشی است» و این روند ادامه خواهد داشت.",
            "مرکز آمار نیز نرخ تورم نقطه\u200cبه\u200cنقطه را ۳۲ درصد اعلام کرد.",
        ],
        [("«روند تورم کاهشی است»", "speech")],
        id="fa10-neg-r1-بانک-مرکزی-+-short-speech",
    ),
    pytest.param(
        [
            "כישלון ההשקה הפך ללעג ברשת.",
            'ברשתות החברתיות "חגגו" את הכישלון, ומשתמשים רבים שיתפו סרטונים מהאירוע.',
            'החברה מסרה בתגובה: "נלמד את הלקחים."',
        ],
        [('"חגגו"', "term"), ('"נלמד את הלקחים."', "speech")],
        id="he09-neg-r1-ברשתות-החברתיות-+-scare-quote",
    ),
    pytest.param(
        [
            "หุ้นไทยร่วงหนักรอบ 3 ปี",
            "นักวิเคราะห์มองว่า ตลาดหุ้นไทยเข้าสู่ภาวะ “ตลาดหมี” แล้วหลังดัชนีร่วงกว่า 20%",
            "นายกสมาคมบริษัทหลักทรัพย์กล่าวว่า “นักลงทุนไม่ควรตื่นตระหนก”",
        ],
        [("“ตลาดหมี”", "term"), ("“นักลงทุนไม่ควรตื่นตระหนก”", "speech")],
        id="th05-neg-r1-Thai-ตลาด…-chunk-+-term",
    ),
    pytest.param(
        [
            "ศูนย์วิจัยกสิกรไทยคาด “จีดีพีปีนี้โตแค่ 2.5%”",
            "ศูนย์วิจัยกสิกรไทยปรับลดประมาณการการเติบโตทางเศรษฐกิจปีนี้ลงเหลือร้อยละ 2.5",
            "ผู้อำนวยการศูนย์ฯ กล่าวว่า “การส่งออกยังเป็นปัจจัยเสี่ยงหลัก”",
        ],
        [("“จีดีพีปีนี้โตแค่ 2.5%”", "speech"), ("“การส่งออกยังเป็นปัจจัยเสี่ยงหลัก”", "speech")],
        id="th11-neg-r1-Thai-ศูนย์วิจัย…คาด-headline-speech",
    ),
    pytest.param(
        [
            "رئیس\u200cجمهور با اصحاب رسانه دیدار کرد.",
            "رئیس\u200cجمهور در این دیدار گفت نباید هر انتقادی را «سیاه\u200cنمایی» قلمداد کرد.",
            "او افزود: «رسانه\u200cها چشم بینای جامعه هستند.»",
        ],
        [("«سیاه\u200cنمایی»", "term"), ("«رسانه\u200cها چشم بینای جامعه هستند.»", "speech")],
        id="fa09-neg-r4-قلمداد-with-a-mentioned-term",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), TYPE_GUARD_CASES)
def test_the_kind_rules_hold_back_where_the_words_are_said(
    paragraphs: list[str], expected: list[tuple[str, str | None]]
) -> None:
    assert _types(paragraphs) == expected


SAID_AROUND_CASES = [
    pytest.param(
        ["เทศบาลเตือนภัยน้ำท่วม", "“เราไม่อยากให้ใครประมาท” นายสมชายกล่าว"],
        [("“เราไม่อยากให้ใครประมาท”", "speech")],
        id="th-a-name-and-said-after",
    ),
    pytest.param(
        ["รถไฟขบวนใหม่เปิดตัว", "ผู้ใช้สื่อสังคมตั้งฉายาขบวนรถใหม่ว่า “รถไฟห้าดาว” ขณะที่นักวิชาการมองว่า ราคาตั๋วยังสูง"],
        [("“รถไฟห้าดาว”", "term")],
        id="th-while-after-is-another-clause",
    ),
    pytest.param(
        ["新站开通。", "市民王先生坦言“没想到这么方便”，以后天天坐地铁。"],
        [("“没想到这么方便”", "speech")],
        id="zh-right-after-a-verb-of-saying",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), SAID_AROUND_CASES)
def test_a_speaker_right_after_or_a_verb_right_before_makes_words_said(
    paragraphs: list[str], expected: list[tuple[str, str | None]]
) -> None:
    # Thai "“…” นายสมชายกล่าว", not "“…” ขณะที่ …"; Chinese "坦言“…”".
    assert _types(paragraphs) == expected


VENUE_CASES = [
    pytest.param(
        ["הופעת הסיום נערכה אמש.", 'הלהקה הופיעה בהיכל "מנורה מבטחים" מול אלפי צופים.'],
        [('"מנורה מבטחים"', "name")],
        id="he-hall-before",
    ),
    pytest.param(
        ["ฟุตบอลไทยลีกนัดปิดฤดูกาล", "การแข่งขันจัดขึ้นที่สนาม “ธันเดอร์โดม” เมื่อคืนนี้"],
        [("“ธันเดอร์โดม”", "name")],
        id="th-stadium-before",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), VENUE_CASES)
def test_a_venue_noun_names_what_follows(
    paragraphs: list[str], expected: list[tuple[str, str | None]]
) -> None:
    assert _types(paragraphs) == expected


SINGLE_MARK_CASES = [
    pytest.param(
        ["부산 서면에 대형 할인점이 들어선다.", "유통업체 ‘한빛유통’이 부지에 매장을 짓는다."],
        [("‘한빛유통’", "name")],
        id="ko-single-marks-before-a-particle",
    ),
    pytest.param(
        [
            "국토부가 대책을 발표했다.",
            "국토부는 국회에 계류 중인 '도심 주택공급 촉진 특별법'의 조속한 처리도 요청할 방침이다.",
        ],
        [("'도심 주택공급 촉진 특별법'", "title")],
        id="ko-ascii-single-marks-and-a-law",
    ),
    pytest.param(
        ["어선 사고가 났다.", "제주 해상에서 ‘금성호’가 침몰했다."],
        [("‘금성호’", "name")],
        id="ko-a-ship-named",
    ),
    pytest.param(
        ["直播带货乱象调查。", "业内人士表示：“很多主播只看‘流量’的多少，不看产品质量。”"],
        [("“很多主播只看‘流量’的多少，不看产品质量。”", "speech"), ("‘流量’", "term")],
        id="zh-single-marks-nested-before-a-character",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), SINGLE_MARK_CASES)
def test_single_marks_between_letters_of_scripts_without_apostrophes_quote(
    paragraphs: list[str], expected: list[tuple[str, str | None]]
) -> None:
    # Korean writes a particle right after the closing mark, Chinese no space before the
    # opening one: no apostrophe there. A Korean law named by its kind, a ship by "호".
    assert _types(paragraphs) == expected


# Kinds of things a definite noun with its adjectives, a title word or a naming verb
# gives what follows (cues in uncased.json).
KIND_WORD_CASES = [
    pytest.param(
        ["הלוויין שוגר בהצלחה.", 'הנתונים נאספו על ידי הלוויין הישראלי "אופק הצפון" במשך שנה.'],
        [('"אופק הצפון"', "name")],
        id="he-definite-noun-and-adjective-names-it",
    ),
    pytest.param(
        ["פסטיבל הקולנוע נפתח.", 'הפסטיבל נפתח בסרט הישראלי "ערב על הים" של במאית צעירה.'],
        [('"ערב על הים"', "title")],
        id="he-definite-film-and-adjective-titles-it",
    ),
    pytest.param(
        ["הדוח פורסם היום.", 'לפי הפרק בדוח שכותרתו "תורים ארוכים מדי", ההמתנה התארכה.'],
        [('"תורים ארוכים מדי"', "title")],
        id="he-whose-title-is",
    ),
    pytest.param(
        ["الميناء يستقبل عبارة جديدة.", "وصلت إلى الميناء عبارة تحمل اسم «نجمة البحر» أمس."],
        [("«نجمة البحر»", "name")],
        id="ar-bearing-the-name",
    ),
    pytest.param(
        ["프로게임단이 우승했다.", "부산 연고의 e스포츠 구단 ‘광안 웨이브’가 정상에 올랐다."],
        [("‘광안 웨이브’", "name")],
        id="ko-club-before-names-it",
    ),
    pytest.param(
        ["新しいワインが発売された。", "地元の酒蔵「山川酒造」が新商品を発表した。"],
        [("「山川酒造」", "name")],
        id="ja-brewery-before-names-it",
    ),
    pytest.param(
        [
            "การประปาเตรียมเปลี่ยนท่อใหม่",
            "งานนี้เป็นส่วนหนึ่งของ “แผนปรับปรุงระบบท่อประปาระยะที่ 4” ซึ่งมีงบประมาณกว่า 900 ล้านบาท",
        ],
        [("“แผนปรับปรุงระบบท่อประปาระยะที่ 4”", "title")],
        id="th-a-long-plan-names-its-kind-inside",
    ),
    pytest.param(
        ["우주 기업이 투자를 받았다.", "회사를 살린 건 정부의 ‘청년 창업 도약 사업’이었다."],
        [("‘청년 창업 도약 사업’", "title")],
        id="ko-a-programme-names-its-kind-inside",
    ),
    pytest.param(
        [
            "市内で展示が始まった。",
            "博物館の企画展「海と暮らす百年」には初日から多くの人が訪れた。",
        ],
        [("「海と暮らす百年」", "title")],
        id="ja-exhibition-before-titles-it",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), KIND_WORD_CASES)
def test_kind_words_and_naming_verbs_type_what_follows(
    paragraphs: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _types(paragraphs) == expected
