"""Markers of the robustness suite."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fuzz: a Hypothesis property whose example count CORPUS_FUZZ_EXAMPLES scales",
    )
