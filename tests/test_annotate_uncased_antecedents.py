"""Speakers in scripts without capitals that the article names away from the attribution:
a body's short form given in brackets, a description written in apposition to a name in
a sentence that quotes nobody, and the person a pronoun takes up from the sentence before
(corpus_tools/annotate/uncased.py)."""

from __future__ import annotations

import pytest

from corpus_tools.annotate import annotate_document


def _speakers(paragraphs: list[str]) -> list[tuple[str, str] | None]:
    a = annotate_document(paragraphs, doc_id="t")
    return [
        (q.speaker.name, q.speaker.mention) if q.speaker is not None else None
        for q in a.quotations
        if q.type == "speech"
    ]


CASES = [
    pytest.param(
        [
            "การไฟฟ้านครหลวง (กฟน.) ประกาศดับไฟในเขตบางเขนเป็นเวลา 8 ชั่วโมงในวันอาทิตย์นี้",
            "นายสุรเชษฐ์ มั่นคง ผู้ว่าการการไฟฟ้านครหลวง เปิดเผยว่า จำเป็นต้องเปลี่ยนหม้อแปลงที่ชำรุด",
            "ผู้ว่าการ กฟน. ระบุด้วยว่า “ขอให้ประชาชนสำรองน้ำดื่มและชาร์จโทรศัพท์ไว้ล่วงหน้า”",
            "ทั้งนี้ กฟน. ระบุในเอกสารข่าวว่า “หลังเปลี่ยนอุปกรณ์แล้ว ไฟฟ้าจะดับน้อยลงอย่างชัดเจน”",
        ],
        [
            ("สุรเชษฐ์ มั่นคง", "ผู้ว่าการ กฟน"),
            ("การไฟฟ้านครหลวง", "กฟน"),
        ],
        id="th-short-form-in-brackets-written-out",
    ),
    pytest.param(
        [
            "สำนักงานเขตบางเขนเตรียมจุดบริการน้ำดื่มเพิ่ม",
            "นายอำนาจ ศรีสุข ผู้อำนวยการเขตบางเขน กล่าวว่า จะตั้งเต็นท์เพิ่มอีก 10 จุด "
            "“ห้องน้ำของโรงเรียนในสังกัดจะเปิดให้ประชาชนใช้ได้ตลอดวัน” ผู้อำนวยการเขตระบุ",
        ],
        [("อำนาจ ศรีสุข", "ผู้อำนวยการเขต")],
        id="th-office-by-its-first-words",
    ),
    pytest.param(
        [
            "ชาวบ้านกังวลเรื่องน้ำท่วม",
            "ด้านนางสาวสุดารัตน์ บุญมา ประธานชุมชน เดินทางมาร่วมประชุมด้วย",
            "เธอกล่าวว่า “เรายังไม่ได้รับการแจ้งเตือนเลย”",
        ],
        [("สุดารัตน์ บุญมา", "เธอ")],
        id="th-miss-after-a-word-it-is-written-on-to",
    ),
    pytest.param(
        [
            "רשות הטבע והגנים חשפה פסיפס עתיק בעמק יזרעאל.",
            "מי שמוביל את העבודות, הגאולוג ד״ר עמרי כץ, סבור כי האתר ננטש ברעידת אדמה. "
            '"השכבות מספרות סיפור ברור", אמר כץ.',
            '"לא מצאנו שום סימן לשריפה", הוסיף הגאולוג.',
        ],
        [("עמרי כץ", "כץ"), ("עמרי כץ", "הגאולוג")],
        id="he-description-in-apposition-to-a-name-before",
    ),
    pytest.param(
        [
            "דוח חדש מתח ביקורת על זמני ההמתנה בבתי החולים.",
            '"מדובר בפגיעה חמורה בשוויון", כתב נציב התלונות, השופט בדימוס רון לביא, בפתח הדוח.',
        ],
        [("רון לביא", "השופט בדימוס רון לביא")],
        id="he-a-noun-and-its-complement-then-the-named-judge",
    ),
    pytest.param(
        [
            "新建码头今天正式投入使用。",
            "港口经理周丽告诉记者，岸电系统已经全部接通。",
            "住在附近的渔民老郑对此感受很深。“以前晚上都睡不好，”他说，“现在安静多了。”",
        ],
        [("老郑", "他"), ("老郑", "他")],
        id="zh-pronoun-takes-up-the-one-the-sentence-before-opens-with",
    ),
    pytest.param(
        [
            "부산에서 열린 결승전에서 해운대 팀이 우승했다.",
            "김도윤 감독은 “선수들이 끝까지 잘 버텼다”고 말했다.",
            "이날 최우수선수로 뽑힌 공격수 한지성(20)은 결승골을 넣었다. 그는 “형들 덕분에 자신 있게 찼다”고 말했다.",
        ],
        [("김도윤", "김도윤 감독"), ("한지성", "그")],
        id="ko-pronoun-takes-up-the-topic-of-the-sentence-before",
    ),
    pytest.param(
        [
            "برداشت انار در ساوه آغاز شد.",
            "محمدرضا صالحی، مدیر جهاد کشاورزی شهرستان، گفت: «امسال تولید بیشتر شده است.»",
            "علی رحمانی، باغدار ۶۰ ساله، از کسانی است که وام گرفته است. او می‌گوید: «حالا انار را زودتر می‌فروشیم.»",
        ],
        [("محمدرضا صالحی", "محمدرضا صالحی"), ("علی رحمانی", "او")],
        id="fa-pronoun-takes-up-the-name-that-opens-the-sentence-before",
    ),
    pytest.param(
        [
            "ועדת הבריאות דנה אתמול בדוח על זמני ההמתנה.",
            'יו"ר הוועדה, ח"כ משה לוי, אמר: "המצב בלתי נסבל".',
            'ד"ר רונית שחר, מנהלת מחלקה באחד מבתי החולים, דחתה את הטענות. לדבריה, "הבעיה היא מחסור ברופאים".',
        ],
        [("משה לוי", 'ח"כ משה לוי'), ("רונית שחר", "לדבריה")],
        id="he-a-feminine-verb-not-in-the-table-and-in-her-words",
    ),
    pytest.param(
        [
            "תאונה קשה אירעה הלילה בכביש 6.",
            'דובר המשטרה, רפי אזולאי, אמר: "החקירה נמשכת".',
            'נועה כץ, שנפצעה בתאונה, אושפזה בבית החולים. הוא הוסיף: "נבדוק גם את מצב הכביש".',
        ],
        [("רפי אזולאי", "רפי אזולאי"), ("רפי אזולאי", "הוא")],
        id="he-he-added-goes-on-with-the-speaker-before",
    ),
    pytest.param(
        [
            "افتتح في إربد سوق جديد للخضار.",
            "وقال التاجر سامي خالد العمري إن الإقبال كان كبيرا منذ الصباح. وأضاف: «نأمل أن يستمر هذا الزخم»",
        ],
        [("سامي خالد العمري", "سامي خالد العمري")],
        id="ar-a-noun-no-table-knows-then-a-name",
    ),
    pytest.param(
        [
            "जिले में टीकाकरण अभियान शुरू हुआ।",
            "मुख्य चिकित्सा अधिकारी डा. रमेश यादव ने कहा, “सभी केंद्रों पर टीके उपलब्ध हैं।”",
        ],
        [("रमेश यादव", "मुख्य चिकित्सा अधिकारी डा. रमेश यादव")],
        id="hi-da-is-a-title",
    ),
]


CASES += [
    pytest.param(
        [
            "ועד העובדים בנמל אשדוד הכריז על סכסוך עבודה.",
            'יו״ר ועד העובדים, משה כהן, אמר כי העובדים "מוצו עד הסוף".',
            '"לא נחזור לעבודה בלי הסכם," הבהיר יו״ר הוועד.',
        ],
        [("משה כהן", "משה כהן"), ("משה כהן", "יו״ר הוועד")],
        id="he-the-chair-of-the-committee-is-the-one-named-in-apposition",
    ),
    pytest.param(
        [
            "대학가 원룸 임대료가 크게 떨어졌다.",
            "인근 임대인들은 반발하고 있다. 신촌에서 원룸 건물 세 동을 운영하는 한 임대인은 “빈방이 늘어날 것”이라고 말했다.",
        ],
        [
            (
                "신촌에서 원룸 건물 세 동을 운영하는 한 임대인",
                "신촌에서 원룸 건물 세 동을 운영하는 한 임대인",
            )
        ],
        id="ko-one-landlord-described-by-the-clause-before",
    ),
    pytest.param(
        [
            "병원 파업이 길어지고 있다.",
            "환자들의 불안은 커지고 있다. 투석 치료를 받는 딸과 함께 병원을 찾은 60대 남성은 “일정이 또 밀렸다”며 한숨을 쉬었다.",
        ],
        [
            (
                "투석 치료를 받는 딸과 함께 병원을 찾은 60대 남성",
                "투석 치료를 받는 딸과 함께 병원을 찾은 60대 남성",
            )
        ],
        id="ko-a-man-in-his-sixties-described-by-the-clause-before",
    ),
    pytest.param(
        ["영화제가 막을 내렸다.", "한 중견 영화 제작자는 “독립영화가 먼저 인정받았다”고 말했다."],
        [("한 중견 영화 제작자", "한 중견 영화 제작자")],
        id="ko-one-producer-is-no-family-name",
    ),
    pytest.param(
        [
            "افتتح في الزرقاء أمس أول ناد للشطرنج للأطفال.",
            "وقال مدير النادي سامر الحوراني: «نريد أن نعلم الصغار الصبر».",
            "لينا العمري، لاعبة في الحادية عشرة من عمرها، فازت بأول بطولة. وهي تقول: «أحب أن أفكر قبل كل حركة».",
        ],
        [("سامر الحوراني", "مدير النادي سامر الحوراني"), ("لينا العمري", "هي")],
        id="ar-and-she-says-after-a-sentence-about-a-named-girl",
    ),
    pytest.param(
        [
            "رفعت الحكومة أسعار الوقود.",
            "وقال رئيس جمعية حماية المستهلك عبد الكريم الزعبي: «القرار سيضر بالأسر الفقيرة».",
            "الحكومة بررت القرار بارتفاع الأسعار عالمياً. وهو يقول: «كان يمكن دعم النقل العام بدلا من ذلك».",
        ],
        [
            ("عبد الكريم الزعبي", "رئيس جمعية حماية المستهلك عبد الكريم الزعبي"),
            ("عبد الكريم الزعبي", "هو"),
        ],
        id="ar-a-name-ending-a-long-office-then-and-he-says",
    ),
    pytest.param(
        [
            "全运会女子跳远决赛昨晚结束。",
            "“这是我最满意的一跳，”冠军李晓雯赛后说。",
            "获得亚军的老将周雅琴在赛后一直微笑。“能站上领奖台已经很满足了，”她说。",
        ],
        [("李晓雯", "冠军李晓雯"), ("周雅琴", "她")],
        id="zh-a-name-after-the-clause-that-describes-her",
    ),
    pytest.param(
        [
            "शहर के अस्पतालों में दवाओं की कमी है।",
            "जिला अस्पताल में दवा लेने आए एक बुजुर्ग किसान ने कहा, “तीन दिन से चक्कर लगा रहा हूं।”",
        ],
        [("जिला अस्पताल में दवा लेने आए एक बुजुर्ग किसान", "जिला अस्पताल में दवा लेने आए एक बुजुर्ग किसान")],
        id="hi-someone-unnamed-described-by-a-clause",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_speakers_named_away_from_the_attribution(
    paragraphs: list[str], expected: list[tuple[str, str] | None]
) -> None:
    assert _speakers(paragraphs) == expected


def test_a_pronoun_after_a_sentence_that_opens_with_a_pronoun_keeps_the_speaker() -> None:
    # "उन्होंने बताया कि …": the sentence before goes on with a pronoun; the one it takes
    # up is the speaker before, not a body named inside that sentence.
    paragraphs = [
        "सहकारी बैंक पर नए प्रतिबंध लगे।",
        "“हम वसूली तेज़ कर रहे हैं,” बैंक के अध्यक्ष राजेश तिवारी ने कहा।",
        "उन्होंने बताया कि रिज़र्व बैंक ने जांच शुरू की है। उनके अनुसार, “सब ठीक रहेगा”।",
    ]
    assert _speakers(paragraphs)[-1] == ("राजेश तिवारी", "उन")
