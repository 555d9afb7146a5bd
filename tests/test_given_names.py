"""The table of given names by gender in ``annotate/data/common.json``."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

import pytest

from corpus_tools.annotate.tables import given_name_gender, is_given_name


@cache
def given_names() -> dict[str, list[str]]:
    text = (
        resources.files("corpus_tools.annotate")
        .joinpath("data")
        .joinpath("common.json")
        .read_text("utf-8")
    )
    table: dict[str, list[str]] = json.loads(text)["given_names"]
    return table


def _script(letter: str) -> str:
    return unicodedata.name(letter).split(" ")[0]


def _is_name(word: str) -> bool:
    """One word, or words joined by hyphens (Jean-Pierre), each capitalised and then lower case."""
    parts = word.split("-")
    return all(
        p[:1].isupper() and p.isalpha() and not any(c.isupper() for c in p[1:]) for p in parts
    )


def test_two_genders_both_filled() -> None:
    table = given_names()
    assert set(table) == {"f", "m", "either"}
    assert len(table["f"]) > 1000
    assert len(table["m"]) > 1000


def test_no_name_has_both_genders() -> None:
    table = given_names()
    assert sorted(set(table["f"]) & set(table["m"])) == []
    # A name of either gender is in neither list of one gender.
    assert sorted(set(table["either"]) & (set(table["f"]) | set(table["m"]))) == []


def test_a_name_of_either_gender_is_a_given_name_of_no_gender() -> None:
    assert is_given_name("Jan")
    assert given_name_gender("Jan") is None
    assert is_given_name("Anna")
    assert given_name_gender("Anna") == "f"
    assert not is_given_name("Hafen")


@pytest.mark.parametrize("gender", ["f", "m", "either"])
def test_sorted_unique_nfc_words_of_one_script(gender: str) -> None:
    names = given_names()[gender]
    assert names == sorted(set(names))
    assert [n for n in names if unicodedata.normalize("NFC", n) != n] == []
    assert [n for n in names if not _is_name(n)] == []
    assert [n for n in names if len({_script(c) for c in n if c.isalpha()}) != 1] == []


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Angela", "f"),
        ("Thomas", "m"),
        ("Ольга", "f"),
        ("Игорь", "m"),
        ("Γιώργος", "m"),
        ("Μαρία", "f"),
        ("Oksana", "f"),
        ("Оксана", "f"),
        ("Tereza", "f"),
        ("Jiří", "m"),
        ("Jean-Pierre", "m"),
        ("Anne-Marie", "f"),
        ("Қасым-Жомарт", "m"),
        ("Siobhán", "f"),
        ("Þórdís", "f"),
        ("Ayşe", "f"),
        ("Đorđe", "m"),
        ("Ђорђе", "m"),
    ],
)
def test_spot_checks(name: str, gender: str) -> None:
    assert name in given_names()[gender]


@pytest.mark.parametrize(
    "name",
    # Each is a man's name in one listed language and a woman's in another, or both in one.
    ["Andrea", "Nikola", "Nicola", "Jean", "Kim", "Sasha", "Саша", "Luca", "Simone", "Jan", "Kari"],
)
def test_names_of_both_genders_are_left_out(name: str) -> None:
    table = given_names()
    assert name not in table["f"]
    assert name not in table["m"]
