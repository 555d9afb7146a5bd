"""The offline language detector."""

from __future__ import annotations

import pytest

from corpus_tools.langdetect import detect_language

SAMPLES = {
    "en": "The president said that the government will continue to work with all of the regions this year.",
    "ru": "Президент сказал, что правительство продолжит работу со всеми регионами в этом году, и это важно.",
    "be": "Прэзідэнт сказаў, што ўрад працягне працу з усімі рэгіёнамі ў гэтым годзе, і гэта важна.",
    "uk": "Президент сказав, що уряд продовжить роботу з усіма регіонами цього року, і це дуже важливо.",
    "de": "Der Präsident sagte, dass die Regierung die Arbeit mit allen Regionen in diesem Jahr fortsetzen wird.",
    "fr": "Le président a déclaré que le gouvernement poursuivra le travail avec toutes les régions cette année.",
    "pl": "Prezydent powiedział, że rząd będzie kontynuował pracę ze wszystkimi regionami w tym roku.",
    "es": "El presidente dijo que el gobierno continuará el trabajo con todas las regiones durante este año.",
}


@pytest.mark.parametrize(("lang", "text"), sorted(SAMPLES.items()))
def test_detects_each_corpus_language(lang: str, text: str) -> None:
    assert detect_language(text).lang == lang


def test_belarusian_without_u_short_is_not_russian() -> None:
    text = "Кіраўнік дзяржавы адзначыў, што гэта важна для людзей і для краіны."
    assert detect_language(text).lang == "be"


def test_russian_is_not_belarusian() -> None:
    text = "Глава государства отметил, что это важно для людей и для страны."
    assert detect_language(text).lang == "ru"


@pytest.mark.parametrize(
    "text", ["", "12345 67890", "Hi", "日本語のテキストです。", "xxxx yyyy zzzz wwww"]
)
def test_undetectable_text_gives_none(text: str) -> None:
    assert detect_language(text).lang is None
