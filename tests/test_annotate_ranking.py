"""The learned speaker ranker: its weights, its decision rule, and what it is fed."""

from __future__ import annotations

import pytest

from corpus_tools.annotate import ranking
from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.quotations import QuotationPart, find_parts
from corpus_tools.annotate.ranking import Candidate, choose
from corpus_tools.annotate.speakers import attribute


def test_the_package_holds_weights_for_every_feature() -> None:
    # A feature added or renamed without retraining (benchmarks/speaker_ranker.py
    # --write) would silently turn the ranker off: fail here instead.
    w = ranking.weights()
    assert w is not None
    assert len(w) == len(ranking.FEATURES)


def _candidate(*values: float) -> Candidate:
    facts = (*values, *([0.0] * (len(ranking.FEATURES) - len(values))))
    return Candidate("e:x", "X", "X", facts)


@pytest.mark.parametrize(
    ("scores", "rule", "expected"),
    [
        ([1.0, 1.2], 0, 0),  # ahead by less than the margin: the rules' choice stands
        ([1.0, 1.3], 0, 1),  # ahead by more: replaced
        ([1.0, 2.0, 2.0], 0, 1),  # a tie between others: the first
        ([2.0, 1.0], 1, 0),
        ([1.0, 1.0 + ranking.MARGIN], 0, 0),  # exactly the margin is not enough
    ],
)
def test_the_rules_choice_stands_unless_another_scores_higher_by_the_margin(
    scores: list[float], rule: int, expected: int
) -> None:
    w = (1.0, *([0.0] * (len(ranking.FEATURES) - 1)))  # the score is the first fact
    assert choose([_candidate(s) for s in scores], rule, w) == expected


def test_scores_do_not_depend_on_the_order_of_the_sum() -> None:
    w = (0.1, 0.2, 0.3)
    assert ranking.score((1.0, 1.0, 1.0), w) == ranking.score((1.0, 1.0, 1.0), w[::-1])


def test_every_speech_quotation_is_traced_with_the_rules_choice_first() -> None:
    paragraphs = [
        "Mayor Ann Lee opened the bridge. “It took ten years,” she said.",
        "Engineer Tom Hart was there too. “We are proud,” Hart said. The bridge is called "
        "“Spanlink”.",
    ]
    found = find_parts(paragraphs, lang="en")
    parts = classify(paragraphs, found.parts, lang="en", attributions=found.attributions)
    trace: list[tuple[list[QuotationPart], list[Candidate], int]] = []
    out, _ = attribute(
        paragraphs,
        parts,
        doc_id="001_0123456789abcdef",
        lang="en",
        attributions=found.attributions,
        rank=False,
        trace=trace,
    )
    speech = [p for p in out if p.type == "speech"]
    assert len(trace) == len(speech) == 2
    for (chain, candidates, rule), part in zip(trace, speech, strict=True):
        assert rule == 0
        assert chain[0].id == part.id
        assert part.speaker is not None
        assert candidates[0].name == part.speaker.name
        assert len(candidates[0].facts) == len(ranking.FEATURES)
    # Both persons are candidates for the second quotation, each once.
    assert sorted(c.name for c in trace[1][1]) == ["Ann Lee", "Tom Hart"]
