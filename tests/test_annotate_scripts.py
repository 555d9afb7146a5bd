"""Quotation types, sentences and titles in scripts whose punctuation is not the Latin
one: Chinese and Japanese (no spaces between words, full-width stops and colons, title
marks), Arabic, Hindi and Thai. None of these languages has tables of its own."""

from __future__ import annotations

import pytest

from corpus_tools.annotate import annotate_document
from corpus_tools.annotate.classify import word_count
from corpus_tools.annotate.context import sentence_starts
from corpus_tools.annotate.tables import tables_for, words


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
    ],
)
def test_quotation_types_in_other_scripts(
    paragraphs: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _types(paragraphs) == expected


def test_japanese_corner_brackets_inside_a_quotation_are_not_a_title() -> None:
    # 『』 nested in 「」 quote words inside words (the grandmother's, in the author's).
    found = _types(["作家は「祖母はいつも『忘れるな』と言っていた」と語った。"])
    assert [text for text, _ in found] == [
        "「祖母はいつも『忘れるな』と言っていた」",
        "『忘れるな』",
    ]
    assert found[1][1] != "title"


def test_a_run_of_han_or_thai_letters_counts_as_several_words() -> None:
    assert word_count(words("我们将在明年完成地铁新线路的建设")) == 8
    assert word_count(words("สวนสาธารณะ")) == 5
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
