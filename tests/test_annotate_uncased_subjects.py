"""Who speaks in scripts without capitals: a Thai verb glued to its pronoun and "X บอกว่า
“…”", pronouns that skip names inside quoted speech, Korean titles with 님 or in a
compound ("감독님", "구조대장") and relative clauses with an auxiliary, Arabic names through
"بن" and between a title and an office, Hebrew and Persian unnamed people with the clause
that describes them, and a Chinese familiar "老周" for the 周 named before
(corpus_tools/annotate/uncased.py)."""

from __future__ import annotations

import pytest

from tests.test_annotate_uncased import _speakers

CASES = [
    pytest.param(
        [
            "กรมอุตุนิยมวิทยาเตือนพายุฤดูร้อน",
            "นายวิชัย สุขสม ผู้อำนวยการศูนย์เตือนภัย ระบุว่า ทุกหน่วยเตรียมพร้อมแล้ว “ฝนจะตกหนักในช่วงบ่ายของวันพรุ่งนี้” เขากล่าว และว่า “ขอให้ประชาชนงดออกจากบ้าน”",
        ],
        [("วิชัย สุขสม", "เขา"), ("วิชัย สุขสม", "เขา")],
        id="th-verb-glued-to-its-pronoun",
    ),
    pytest.param(
        [
            "ตลาดน้ำแห่งใหม่เปิดให้บริการวันแรก",
            "นางสมศรี มีสุข แม่ค้าขายผลไม้ บอกว่า “ขายดีกว่าที่คิดไว้มาก” อย่างไรก็ตาม เธอยังห่วงเรื่องระบบสแกนที่ใช้ยืนยันการจ่ายเงิน “ลูกค้าสูงอายุหลายคนยังไม่คล่อง” นางสมศรีกล่าว",
        ],
        [("สมศรี มีสุข", "นางสมศรี มีสุข แม่ค้าขายผลไม้"), ("สมศรี มีสุข", "นางสมศรี")],
        id="th-before-wa-over-what-follows",
    ),
    pytest.param(
        [
            "프로배구 인천 블루스가 김영수(48) 감독과 결별했다.",
            "김 감독은 구단을 통해 전한 입장문에서 “책임은 감독에게 있다. 끝까지 믿고 따라와 준 선수들에게 미안하고 고맙다”고 밝혔다. 그는 “인천 팬들의 응원은 잊지 못할 것”이라고 덧붙였다.",
            "코치진은 “선수들이 흔들리지 않게 돕겠다”고 했다.",
        ],
        [("김영수", "김 감독"), ("김영수", "그"), ("코치진", "코치진")],
        id="ko-pronoun-not-a-name-inside-quotes",
    ),
    pytest.param(
        [
            "이정훈 감독이 이끄는 부산 팀이 역전승을 거뒀다.",
            "주장 박민수는 “경기 전에 감독님이 ‘우리 경기만 하자’라고 말씀하셨다”고 전했다.",
        ],
        [("박민수", "주장 박민수"), ("이정훈", "감독님")],
        id="ko-title-with-honorific-nim",
    ),
    pytest.param(
        [
            "해양경찰 구조대가 새 장비를 도입했다.",
            "구조대를 이끄는 최강호(51) 대장은 “장비보다 훈련이 먼저”라고 말했다.",
            "“바다는 늘 사람을 시험합니다.” 20년 넘게 현장을 지킨 베테랑 구조대장의 말이다.",
        ],
        [("최강호", "최강호 대장"), ("최강호", "구조대장")],
        id="ko-compound-title-takes-up-the-titled",
    ),
    pytest.param(
        [
            "골목 상권이 살아나고 있다.",
            "우려도 나온다. 시장 입구에서 20년째 국밥집을 운영해 온 한 상인은 “임대료가 오를까 걱정”이라고 말했다.",
        ],
        [
            (
                "시장 입구에서 20년째 국밥집을 운영해 온 한 상인",
                "시장 입구에서 20년째 국밥집을 운영해 온 한 상인",
            )
        ],
        id="ko-relative-clause-with-auxiliary",
    ),
    pytest.param(
        [
            "افتتحت الهيئة مركزا جديدا لخدمات المراجعين.",
            "وقال المهندس خالد بن سعيد المعمري الرئيس التنفيذي للهيئة إن المركز «سيختصر زمن الانتظار إلى النصف».",
        ],
        [("خالد بن سعيد المعمري", "خالد بن سعيد المعمري")],
        id="ar-name-runs-through-bin",
    ),
    pytest.param(
        [
            "أطلقت الجامعة برنامجا لرصد جودة الهواء.",
            "وقالت الدكتورة نورة بنت علي الهاشمية مديرة إدارة البحوث إن البرنامج «سيغطي عشر محطات في المرحلة الأولى».",
        ],
        [("نورة بنت علي الهاشمية", "الدكتورة نورة بنت علي الهاشمية مديرة إدارة البحوث")],
        id="ar-name-between-title-and-office",
    ),
    pytest.param(
        [
            "בית הספר החדש בשכונה נפתח השבוע.",
            'לא כולם מרוצים. הורה לתלמידה בת 9, שביקש שלא לפרסם את שמו, אמר כי "הכיתות צפופות מדי כבר מהיום הראשון".',
        ],
        [
            (
                "הורה לתלמידה בת 9, שביקש שלא לפרסם את שמו",
                "הורה לתלמידה בת 9, שביקש שלא לפרסם את שמו",
            )
        ],
        id="he-unnamed-with-anonymity-clause",
    ),
    pytest.param(
        [
            "המפעל בצפון יסגור בסוף החודש.",
            'עובדת ותיקה במחלקת האריזה, שביקשה שלא להזדהות, תיארה את הימים האחרונים כקשים. "אף אחד לא הסביר לנו מה יקרה", אמרה.',
        ],
        [
            (
                "עובדת ותיקה במחלקת האריזה, שביקשה שלא להזדהות",
                "עובדת ותיקה במחלקת האריזה, שביקשה שלא להזדהות",
            )
        ],
        id="he-unnamed-opens-sentence-before",
    ),
    pytest.param(
        [
            "قطار شهری تبریز خط جدیدی افتتاح کرد.",
            "یکی از مسافران که هر روز با قطار به محل کارش می\u200cرود، گفت: «زمان سفرم نصف شده است.»",
        ],
        [
            (
                "یکی از مسافران که هر روز با قطار به محل کارش می\u200cرود",
                "یکی از مسافران که هر روز با قطار به محل کارش می\u200cرود",
            )
        ],
        id="fa-unnamed-with-relative-clause",
    ),
    pytest.param(
        [
            "杭州一家开了六十年的老茶馆将迁址。",
            "茶馆第三代传人周建平说：“搬走是不得已，但手艺不能丢。”",
            "对此，老周并不讳言。“老客人会跟着来的，我们有信心。”",
        ],
        [("周建平", "茶馆第三代传人周建平"), ("周建平", "周建平")],
        id="zh-familiar-name-opens-the-sentence-before",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_speakers(paragraphs: list[str], expected: list[tuple[str, str] | None]) -> None:
    assert _speakers(paragraphs) == expected
