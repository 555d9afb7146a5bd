"""The list of input files: sorted, packed, and never a list of every name at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus_tools import inputs
from corpus_tools.inputs import discover


def test_a_large_folder_is_listed_in_sorted_runs_and_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names are sorted a run at a time and merged: the order is ``sorted``'s (code
    point order, non-ASCII and undecodable names included), as with one list."""
    monkeypatch.setattr(inputs, "_RUN", 7)
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    names = [f"{(n * 7919) % 100:03d}_x.txt" for n in range(100)]
    names += ["é.txt", "Z.txt", "a\udcff.txt", ".hidden.txt"]
    for name in [*names, "sub/001_y.txt"]:
        (seeds / name).write_bytes(b"x")
    found = discover([seeds], tmp_path)
    visible = sorted(n for n in set(names) if not n.startswith("."))
    expected = [os.path.join(seeds, n) for n in visible] + [os.path.join(seeds, "sub", "001_y.txt")]
    assert list(found.fspaths()) == expected
    assert [os.fspath(p) for p in found] == expected
    assert len(found) == len(expected)
    assert os.fspath(found[3]) == expected[3]
    assert os.fspath(found[-1]) == expected[-1]
    assert [os.fspath(p) for p in found[2:5]] == expected[2:5]
    with pytest.raises(IndexError):
        found[len(expected)]


def test_names_are_packed_into_one_string() -> None:
    packed = inputs._Names(["b", "", "cé", "a\udcff"])
    assert list(packed) == ["b", "", "cé", "a\udcff"]
    assert (packed[0], packed[-1], packed[2], packed[1:3]) == ("b", "a\udcff", "cé", ["", "cé"])
    assert len(packed) == 4
    assert packed._text == "bcéa\udcff"  # one string, not one object per name
    with pytest.raises(IndexError):
        packed[4]
