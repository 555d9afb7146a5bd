"""The quotation finder."""

from __future__ import annotations

from corpus_tools.quotes import find_quotations


def spans(paragraphs: list[str]) -> list[tuple[object, ...]]:
    quotes, _ = find_quotations(paragraphs)
    return [
        (
            q.id,
            q.kind,
            q.start.paragraph,
            q.start.offset,
            q.end.paragraph,
            q.end.offset,
            q.depth,
            q.parent,
            q.prev,
            q.text,
        )
        for q in quotes
    ]


def test_simple_english_quote() -> None:
    assert spans(["He said “yes” today."]) == [("q1", "quote", 1, 8, 1, 13, 0, None, None, "“yes”")]


def test_multi_paragraph_quotation_repeats_the_opening_mark() -> None:
    paras = ["“First part of the speech.", "“Second part,” he said.", "After."]
    assert spans(paras) == [
        ("q1", "quote", 1, 0, 2, 14, 0, None, None, "“First part of the speech.\n“Second part,”")
    ]


def test_interrupted_quotation_is_linked_to_its_first_part() -> None:
    got = spans(["“We did it,” she added, “and on budget.”"])
    assert [(g[0], g[8]) for g in got] == [("q1", None), ("q2", "q1")]


def test_quote_not_ending_in_comma_is_not_a_continuation() -> None:
    got = spans(["“Done.” She left. “Again.”"])
    assert [g[8] for g in got] == [None, None]


def test_nested_guillemets_and_low_quotes() -> None:
    got = spans(["«Это „главная задача“ года»"])
    assert [(g[0], g[6], g[7], g[9]) for g in got] == [
        ("q1", 0, None, "«Это „главная задача“ года»"),
        ("q2", 1, "q1", "„главная задача“"),
    ]


def test_german_low_high_quotes() -> None:
    assert [g[9] for g in spans(["Er sagte: „Ja“."])] == ["„Ja“"]


def test_polish_low_and_right_quotes() -> None:
    assert [g[9] for g in spans(["Powiedział: „Tak”."])] == ["„Tak”"]


def test_apostrophes_are_not_quotes() -> None:
    assert spans(["The organization’s leaders’ summit in the ’90s."]) == []


def test_single_quotes_nested_in_double() -> None:
    got = spans(["“He called it ‘the plan’ yesterday.”"])
    assert [(g[9], g[6]) for g in got] == [
        ("“He called it ‘the plan’ yesterday.”", 0),
        ("‘the plan’", 1),
    ]


def test_straight_quotes() -> None:
    assert [g[9] for g in spans(['He said "no" and left.'])] == ['"no"']


def test_russian_dialogue_with_attribution() -> None:
    got = spans(["— Мы готовы, — сказал он. — Работаем."])
    assert [(g[0], g[1], g[3], g[5], g[8], g[9]) for g in got] == [
        ("q1", "dialogue", 0, 12, None, "— Мы готовы,"),
        ("q2", "dialogue", 26, 37, "q1", "— Работаем."),
    ]


def test_dialogue_without_attribution_is_one_span() -> None:
    got = spans(["— Это — важно."])
    assert [(g[3], g[5], g[9]) for g in got] == [(0, 14, "— Это — важно.")]


def test_quotes_inside_dialogue_nest() -> None:
    got = spans(["— Он сказал «да», — ответил министр."])
    assert [(g[0], g[1], g[6], g[7]) for g in got] == [
        ("q1", "dialogue", 0, None),
        ("q2", "quote", 1, "q1"),
    ]


def test_unclosed_quote_is_reported_and_dropped() -> None:
    quotes, issues = find_quotations(["He said “yes.", "Next paragraph."])
    assert quotes == []
    assert [(i.paragraph, i.offset) for i in issues] == [(1, 8)]


def test_stray_closing_mark_is_reported() -> None:
    quotes, issues = find_quotations(["He said yes” today."])
    assert quotes == []
    assert [(i.paragraph, i.offset, i.message) for i in issues] == [
        (1, 11, "closing quotation mark ” has no opening mark")
    ]
