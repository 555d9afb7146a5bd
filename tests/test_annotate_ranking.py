"""The learned speaker ranker: its weights, its decision rule, and what it is fed."""

from __future__ import annotations

import json
from typing import Any

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


@pytest.fixture
def package(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The annotation package's files, as a folder the test writes."""
    from corpus_tools.annotate import tables

    monkeypatch.setattr(tables.resources, "files", lambda _: tmp_path)
    return tmp_path


def test_learned_weights_absent_or_for_other_features_are_not_used(package: Any) -> None:
    from corpus_tools.annotate.tables import learned

    names = {"features": ("a", "b")}
    assert learned("speaker_ranker.json", names, {"weights": 2}) is None
    (package / "speaker_ranker.json").write_text(
        json.dumps({"features": ["a", "c"], "weights": [1, 2]}), encoding="utf-8"
    )
    assert learned("speaker_ranker.json", names, {"weights": 2}) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "is not JSON"),
        ('{"features": ["a", "b"], "weights": [1]}', "is damaged ('weights')"),
        ('{"features": ["a", "b"], "weights": [1, "x"]}', "is damaged ('weights')"),
        ('{"features": ["a", "b"]}', "is damaged ('weights')"),
    ],
)
def test_damaged_learned_weights_are_an_error_that_says_what_to_do(
    package: Any, text: str, says: str
) -> None:
    from corpus_tools.annotate.tables import learned

    (package / "speaker_ranker.json").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="reinstall corpus-tools") as raised:
        learned("speaker_ranker.json", {"features": ("a", "b")}, {"weights": 2})
    assert says in str(raised.value)
    assert "speaker_ranker.json" in str(raised.value)


def test_a_place_is_no_candidate_for_an_unattributed_quotation() -> None:
    # Found by the review: the ranker gave this quotation to "Grand Junction", a place
    # (named only after a preposition), where the rules rightly found nobody.
    from corpus_tools.annotate import annotate_document

    done = annotate_document(
        [
            "The fire started in Grand Junction on Monday night. “Everything burned down in an hour.”"
        ],
        doc_id="001_0123456789abcdef",
        lang_hint="en",
    )
    assert [q.speaker for q in done.quotations] == [None]
