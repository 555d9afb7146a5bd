"""The scripts that learn the type weights and the speaker ranker's weights
(benchmarks/type_weights.py, benchmarks/speaker_ranker.py): they read the gold set, fit
what they should, and the decision they feed is the one the package makes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from corpus_tools.annotate import ranking

REPO = Path(__file__).resolve().parents[1]


def _script(name: str) -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def type_weights() -> ModuleType:
    return _script("type_weights")


@pytest.fixture(scope="module")
def speaker_ranker() -> ModuleType:
    return _script("speaker_ranker")


def test_type_samples_come_from_the_split_with_every_signal(type_weights: ModuleType) -> None:
    data = type_weights.samples("held-out")
    assert len(data) > 200  # the held-out batch's quotations typed by their signals
    # Only held-out articles: numbered after the development split.
    assert all(int(s[4].split("_", 1)[0]) > type_weights.ae.LAST_DEVELOPMENT for s in data)
    assert all(len(s[0]) == len(type_weights.cl.SIGNALS) for s in data)


def test_learned_type_weights_fit_their_own_data_at_least_as_well(
    type_weights: ModuleType,
) -> None:
    data = type_weights.samples("held-out")
    table = type_weights.fit(data, steps=2000)
    assert type_weights.accuracy(data, table) >= type_weights.accuracy(data, None)


def test_the_ranker_learns_which_fact_marks_the_speaker(speaker_ranker: ModuleType) -> None:
    # Two candidates per quotation; the right one is always the one named just before
    # ("before_same"), the rules' choice (index 0) only half the time.
    width = len(ranking.FEATURES)
    k = ranking.FEATURES.index("before_same")
    data = []
    for n in range(40):
        facts = np.zeros((2, width))
        facts[:, 0] = 1.0
        facts[0, ranking.FEATURES.index("rule")] = 1.0
        right = n % 2
        facts[right, k] = 1.0
        labels = np.array([right == 0, right == 1])
        data.append((facts, labels, 0, f"{n:03d}_0123456789abcdef"))
    w = speaker_ranker.fit(data, steps=500)
    assert w[k] > 0
    right, total = speaker_ranker.accuracy(data, w)
    assert (right, total) == (40, 40)
    assert speaker_ranker.accuracy(data, None) == (20, 40)
