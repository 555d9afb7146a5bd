"""Who speaks, and what the marks hold, in the frames reporters write in the scripts
without capitals (corpus_tools/annotate/uncased.py, uncased_types.py, quotations.py): a
Thai reporter's question before the answer and a foundation's name in marks inside a
subject; Japanese given names of a family member, a sentence topic before a reported
clause, a source in brackets with an age, a title in brackets before the topic, words
written on a thing; Chinese clefts after the words ("说这番话的是…"), a full name that opens
the sentence before, manner before the verb, foreign names with a middle dot, a pronoun or
a reporter before a colon, 《…》 as titles; Hebrew and Arabic "thus says" after the words;
Arabic subjects between "كان" and "قد", sources reported from, a second verb going on from
the first, prefixes written onto marks; Persian names before an office, "این را X گفت",
verbs of calling and outlets; Hindi "यह कहना है X का", "X ने कहा, “…”" before the next
sentence, quotations inside someone's words, a paper as the subject."""

from __future__ import annotations

import pytest

from corpus_tools.annotate import annotate_document
from tests.test_annotate_uncased import _speakers

CASES = [
    pytest.param(
        [
            "เทศบาลนครขอนแก่นเตรียมปรับปรุงตลาดสดกลางเมือง",
            "นายสมชาย ดีงาม นายกเทศมนตรีนครขอนแก่น เปิดเผยว่า “การปรับปรุงจะเริ่มเดือนหน้า”",
            "เมื่อผู้สื่อข่าวถามว่าจะขึ้นค่าเช่าแผงหรือไม่ นายกเทศมนตรีนครขอนแก่นตอบว่า “ยังไม่มีแผนขึ้นค่าเช่า”",
        ],
        [
            ("สมชาย ดีงาม", "นายสมชาย ดีงาม นายกเทศมนตรีนครขอนแก่น"),
            ("สมชาย ดีงาม", "นายกเทศมนตรีนครขอนแก่น"),
        ],
        id="th-reporter-question",
    ),
    pytest.param(
        [
            "ฝนตกหนักทำให้น้ำท่วมหลายหมู่บ้านในจังหวัดน่าน",
            "นายวีระ ทองดี นายกองค์การบริหารส่วนตำบลบ้านนา กล่าวว่า “ตอนนี้ต้องการเรือเพิ่มอีกสิบลำ”",
        ],
        [("วีระ ทองดี", "นายวีระ ทองดี นายกองค์การบริหารส่วนตำบลบ้านนา")],
        id="th-while-word-inside-a-compound",
    ),
    pytest.param(
        [
            "過労で亡くなった会社員村井健司さんの遺族が会社を訴えた。",
            "妻の村井千秋さん（52）は会見で「会社は何もしてくれなかった」と語った。",
            "千秋さんは「同じ思いをする家族を減らしたい」と話した。",
        ],
        [("村井千秋", "村井千秋さん"), ("村井千秋", "千秋さん")],
        id="ja-given-name-of-a-family-member",
    ),
    pytest.param(
        [
            "札幌地裁は14日、病院側に賠償を命じた。",
            "田中一郎裁判長は判決で、病院側は勤務記録から長時間労働を把握できたと指摘し、「必要な措置を怠った」と述べた。",
        ],
        [("田中一郎", "田中一郎裁判長")],
        id="ja-topic-before-a-reported-clause",
    ),
    pytest.param(
        [
            "病院の長時間労働が問題になっている。",
            "傍聴した看護師からは「自分の職場も同じ状況。人ごとではない」（30代の女性看護師）との声も聞かれた。",
        ],
        [("30代の女性看護師", "30代の女性看護師")],
        id="ja-source-in-brackets-with-an-age",
    ),
    pytest.param(
        [
            "介護施設での事故が相次いでいる。",
            "「人手が足りない」。著書『介護はなぜ崩れるのか』がある東都大学の森下啓介教授（介護学）はこう話し、「仕組みを整えることが欠かせない」と指摘した。",
        ],
        [("森下啓介", "森下啓介教授")],
        id="ja-topic-after-a-title-in-brackets",
    ),
    pytest.param(
        [
            "直播带货正在改变茶乡。",
            "“直播不是喊几嗓子就行，茶叶得讲清楚工艺。”说这番话的是“90后”主播叶晨。她的直播间有粉丝40多万。",
        ],
        [("叶晨", "主播叶晨")],
        id="zh-cleft-after-the-words",
    ),
    pytest.param(
        [
            "乡村卫生室让老人看病更方便。",
            "“卫生室建在村口，老百姓心里就踏实了。”说这话的是大均乡党委书记钟明。",
        ],
        [("钟明", "大均乡党委书记钟明")],
        id="zh-cleft-a-place-in-the-office",
    ),
    pytest.param(
        [
            "青岚县的茶农正在转型。县茶叶协会会长郑国平介绍，全县有茶园18万亩。",
            "在茶农吴桂兰家的茶园里，几名年轻人正在调试无人机。吴桂兰今年58岁，种了30多年茶。“以前茶叶卖给贩子，价格人家说了算。”她说。",
        ],
        [("吴桂兰", "她")],
        id="zh-a-full-name-opens-the-sentence-before",
    ),
    pytest.param(
        [
            "地铁3号线今天开通。",
            "家住沿线的张桂兰一早就来坐车。“等了三年，终于通车了！”张阿姨高兴地说。",
        ],
        [("张桂兰", "张阿姨")],
        id="zh-manner-before-the-verb",
    ),
    pytest.param(
        [
            "中德企业合作论坛在太仓举行。",
            "德国某机械公司总裁克劳斯·韦伯表示，“中国市场既有机遇，也有困难”。",
            "“太仓让我们找到了第二个家。”韦伯说。",
        ],
        [("克劳斯·韦伯", "德国某机械公司总裁克劳斯·韦伯"), ("克劳斯·韦伯", "韦伯")],
        id="zh-foreign-name",
    ),
    pytest.param(
        [
            "地铁开通后，通勤时间大大缩短。",
            "在软件园上班的程序员刘畅每天坐地铁。他算了一笔账：“现在单程只要28分钟。”",
        ],
        [("刘畅", "他")],
        id="zh-pronoun-before-a-colon",
    ),
    pytest.param(
        [
            "足球队主教练郑国栋出席赛后发布会。",
            "有记者问：“您是否担心防守问题？”郑国栋说：“我们会改进。”",
        ],
        [("记者", "记者"), ("郑国栋", "郑国栋")],
        id="zh-reporter-asks",
    ),
    pytest.param(
        [
            "סכסוכי מייסדים מעסיקים את התעשייה.",
            '"בשלב הראשון אף אחד לא רוצה לדבר על הסכם מייסדים". כך אומרת פרופ\' דנה אורן, מומחית לממשל תאגידי.',
        ],
        [("דנה אורן", "פרופ' דנה אורן")],
        id="he-thus-says",
    ),
    pytest.param(
        [
            "أطلقت وزارة الصحة حملة للكشف المبكر عن السكري.",
            'وكانت صحيفة "الميدان" اليومية قد وصفت الحملة، في افتتاحيتها أمس، بأنها "خطوة متأخرة لكنها ضرورية".',
        ],
        [("الميدان", 'صحيفة "الميدان"')],
        id="ar-subject-between-kana-and-qad",
    ),
    pytest.param(
        [
            "سجلت المملكة إصابات جديدة بالحصبة.",
            'وكانت صحيفة "الرأي" نقلت الأسبوع الماضي عن مصدر في الوزارة، طلب عدم نشر اسمه، أن المملكة سجلت "عددا محدودا من الإصابات".',
        ],
        [("مصدر في الوزارة", "مصدر في الوزارة")],
        id="ar-reported-from-a-source",
    ),
    pytest.param(
        [
            "أقرت الحكومة تعديلات على قانون التقاعد.",
            "في المقابل، انتقد الاتحاد العام لنقابات العمال في بيان التعديلات، ووصفها بأنها «قرار متسرع يحمّل العامل الكلفة».",
        ],
        [("الاتحاد العام لنقابات العمال", "الاتحاد العام لنقابات العمال")],
        id="ar-a-second-verb-goes-on",
    ),
    pytest.param(
        [
            "نمایشگاه کتاب تهران آغاز به کار کرد.",
            "محمدرضا کاشانی وزیر فرهنگ و ارشاد اسلامی در آیین افتتاح گفت: «امسال عنوان‌های تازه بیشتر شده است.»",
            "«نمایشگاه کتاب فقط یک بازار نیست»، وزیر فرهنگ و ارشاد اسلامی در پایان گفت، «بلکه جشن فرهنگ است.»",
        ],
        [
            ("محمدرضا کاشانی", "محمدرضا کاشانی وزیر فرهنگ و ارشاد اسلامی"),
            ("محمدرضا کاشانی", "وزیر فرهنگ و ارشاد اسلامی"),
            ("محمدرضا کاشانی", "وزیر فرهنگ و ارشاد اسلامی"),
        ],
        id="fa-name-before-office",
    ),
    pytest.param(
        [
            "فیلم «ماهی سیاه» در جشنواره کودک نمایش داده شد.",
            "«وقتی فیلم تمام شد، بچه‌ها ایستادند و دست زدند.» این را یکی از معلمان مدرسه‌ای در محله جلفا گفت که دانش‌آموزانش را به سالن آورده بود.",
        ],
        [("یکی از معلمان مدرسه‌ای در محله جلفا", "یکی از معلمان مدرسه‌ای در محله جلفا")],
        id="fa-this-said-after",
    ),
    pytest.param(
        [
            "शहर में बाढ़ से सैकड़ों घर डूब गए।",
            "“घर में घुटनों तक पानी भर गया था।” यह कहना है इंदिरा नगर की रहने वाली 45 वर्षीय शबनम बानो का, जिनका घर सबसे ज्यादा प्रभावित इलाके में है।",
        ],
        [("शबनम बानो", "इंदिरा नगर की रहने वाली 45 वर्षीय शबनम बानो")],
        id="hi-whose-saying-after",
    ),
    pytest.param(
        [
            "चुनावी सभा में भारी भीड़ उमड़ी।",
            'विधायक रघुवीर सिंह तोमर ने कहा, "इस बार विकास जीतेगा।" भीड़ ने नारे लगाए और मुख्यमंत्री ने मंच से कहा, "हम वादा निभाएंगे।"',
        ],
        [("रघुवीर सिंह तोमर", "विधायक रघुवीर सिंह तोमर"), ("मुख्यमंत्री", "मुख्यमंत्री")],
        id="hi-said-comma-before-the-next-sentence",
    ),
    pytest.param(
        [
            "शहर के नालों की सफाई पर सवाल उठे हैं।",
            "रहमान ने कहा, “मेरे अब्बा कहा करते थे, ‘नाले साफ रखो, शहर खुद साफ रहेगा।’ आज कोई नहीं सुनता।”",
        ],
        [("रहमान", "रहमान"), ("मेरे अब्बा", "मेरे अब्बा")],
        id="hi-nested-words",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_speakers(paragraphs: list[str], expected: list[tuple[str, str] | None]) -> None:
    assert _speakers(paragraphs) == expected


TYPE_CASES = [
    pytest.param(
        [
            "อาสาสมัครหลายกลุ่มเข้าช่วยผู้ประสบภัย",
            "นายสุรชัย มั่นคง นายอำเภอเมือง กล่าวว่า “ขาดน้ำดื่มมากที่สุด” ขณะที่นายก้องภพ ใจเย็น อาสาสมัครมูลนิธิ “ร่วมใจ” บอกว่า “เราช่วยผู้สูงอายุออกมาได้แล้วกว่า 50 คน”",
        ],
        [
            ("“ขาดน้ำดื่มมากที่สุด”", "speech"),
            ("“ร่วมใจ”", "name"),
            ("“เราช่วยผู้สูงอายุออกมาได้แล้วกว่า 50 คน”", "speech"),
        ],
        id="th-name-in-marks-ends-the-subject",
    ),
    pytest.param(
        [
            "判決後、地裁前で弁護団が「勝訴」と書かれた紙を掲げた。",
        ],
        [("「勝訴」", "term")],
        id="ja-words-written-on-a-thing",
    ),
    pytest.param(
        [
            "法院作出一审判决。",
            "法院经审理认为，被告的行为属于《中华人民共和国著作权法》规定的侵权行为。",
        ],
        [("《中华人民共和国著作权法》", "title")],
        id="zh-title-marks",
    ),
    pytest.param(
        [
            "فیلم «ماهی سیاه» جایزه گرفت.",
            "روزنامه «همشهری» نیز پیش‌تر در گزارشی، این فیلم را «غافلگیری جشنواره» خوانده بود.",
            "کارگردان فیلم در گفت‌وگو با «اعتماد» گفت: «این جایزه مال بچه‌هاست.»",
        ],
        [
            ("«ماهی سیاه»", "title"),
            ("«همشهری»", "title"),
            ("«غافلگیری جشنواره»", "speech"),
            ("«اعتماد»", "title"),
            ("«این جایزه مال بچه‌هاست.»", "speech"),
        ],
        id="fa-called-and-outlet",
    ),
    pytest.param(
        [
            "रिजर्व बैंक ने ब्याज दरें नहीं बदलीं।",
            "आर्थिक पत्र 'अर्थ भारती' ने लिखा, \"रिजर्व बैंक की सतर्कता समझ में आती है।\"",
        ],
        [("'अर्थ भारती'", "title"), ('"रिजर्व बैंक की सतर्कता समझ में आती है।"', "speech")],
        id="hi-a-paper-as-subject",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), TYPE_CASES)
def test_types(paragraphs: list[str], expected: list[tuple[str, str]]) -> None:
    a = annotate_document(paragraphs, doc_id="t")
    assert [(q.text, q.type) for q in a.quotations] == expected


def test_arabic_marks_written_onto_a_prefix_are_found() -> None:
    # 'لـ"بترا"' (to "Petra"): the tatweel and the prefix are no part of the quotation
    a = annotate_document(['قال وزير المياه لـ"بترا" إن الضخ سيعود خلال يومين.'], doc_id="t")
    assert [q.text for q in a.quotations] == ['"بترا"']


# What an independent review of these rules found them doing wrong on its own sentences
# (mended): each must stay as the old engine had it, or better.
GUARDS = [
    pytest.param(
        [
            "عمّان - شهدت العاصمة أمس اجتماعات مكثفة لبحث التطورات الاقتصادية والسياسية في المنطقة.",
            'وفي رد على سؤال لـ"الجزيرة نت"، قال الخبير الاقتصادي محمد العبيدي إن "التضخم سيتراجع خلال العام".',
        ],
        [("محمد العبيدي", "الخبير الاقتصادي محمد العبيدي")],
        id="ar-a-reply-is-no-verb",
    ),
    pytest.param(
        [
            "عمّان - شهدت العاصمة أمس اجتماعات مكثفة لبحث التطورات الاقتصادية والسياسية في المنطقة.",
            'ونقلت الشركة مقرها عن العاصمة إلى دبي، وقال مديرها إن "الخطوة ستخفض التكاليف".',
        ],
        [("مديرها", "مديرها")],
        id="ar-a-noun-with-her-is-no-manner",
    ),
    pytest.param(
        [
            "تهران - نشست هیئت دولت روز گذشته با حضور وزیران برگزار شد و موضوعات اقتصادی بررسی شد.",
            "با وجود انتقادها، رئیس مجلس گفت: «این طرح حتما تصویب می‌شود».",
        ],
        [("رئیس مجلس", "رئیس مجلس")],
        id="fa-despite-before-a-comma",
    ),
    pytest.param(
        [
            "تهران - نشست هیئت دولت روز گذشته با حضور وزیران برگزار شد و موضوعات اقتصادی بررسی شد.",
            "در همین حال نماینده مردم تبریز گفت: «مردم از گرانی خسته شده‌اند».",
        ],
        [("نماینده مردم تبریز", "نماینده مردم تبریز")],
        id="fa-meanwhile-before-an-office",
    ),
    pytest.param(
        [
            "नई दिल्ली में सोमवार को कई अहम बैठकें हुईं, जिनमें आर्थिक मुद्दों पर विस्तार से चर्चा की गई।",
            "कप्तान रोहित शर्मा ने कहा कि टीम “पूरी ताकत से” खेलेगी।",
        ],
        [("रोहित शर्मा", "कप्तान रोहित शर्मा")],
        id="hi-team-is-no-name-cue",
    ),
    pytest.param(
        [
            "नई दिल्ली में सोमवार को कई अहम बैठकें हुईं, जिनमें आर्थिक मुद्दों पर विस्तार से चर्चा की गई।",
            "मंत्री ने कहा कि “सड़कें जल्द बनेंगी।” यह बात विपक्ष ने भी मानी कि काम तेजी से हुआ है।",
        ],
        [("मंत्री", "मंत्री")],
        id="hi-this-after-an-attribution-before",
    ),
    pytest.param(
        [
            "本报讯 近日，记者走访了多个乡镇，了解当地群众的生产生活情况。",
            "特斯拉首席执行官埃隆·马斯克说：“上海工厂表现出色。”",
        ],
        [("埃隆·马斯克", "特斯拉首席执行官埃隆·马斯克")],
        id="zh-a-dotted-name-after-its-office",
    ),
    pytest.param(
        [
            "本报讯 近日，记者走访了多个乡镇，了解当地群众的生产生活情况。",
            "高铁开通后，小镇变化很大：“以前一天只有一班车。”",
        ],
        [None],
        id="zh-a-clause-opener-that-is-no-name",
    ),
    pytest.param(
        [
            "全国で記録的な猛暑が続くなか、各地で対策が進められている。",
            "山本氏は自身のブログに「深くおわび申し上げます」と書いた上で、辞任の意向を示した。",
        ],
        [("山本", "山本氏")],
        id="ja-written-and-then",
    ),
    pytest.param(
        [
            "長女の美子さん（20）と母親の田中由美子さん（48）が店を切り盛りする。",
            "「店を継ぎたい」と美子さんは話す。",
        ],
        [("美子", "美子さん")],
        id="ja-a-given-name-of-three-is-no-short-form",
    ),
    pytest.param(
        [
            "تهران - نشست هیئت دولت روز گذشته با حضور وزیران برگزار شد و موضوعات اقتصادی بررسی شد.",
            "رئیس‌جمهور در پیامی «ایران هرگز تسلیم زور نمی‌شود» نوشت.",
        ],
        [("رئیس‌جمهور", "رئیس‌جمهور")],
        id="fa-wrote-is-no-outlet",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), GUARDS)
def test_guards(paragraphs: list[str], expected: list[tuple[str, str] | None]) -> None:
    assert _speakers(paragraphs) == expected
