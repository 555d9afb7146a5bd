"""Offline language identification for the corpus languages.

A small, deterministic detector: the script decides between Cyrillic and Latin
languages, letters unique to one orthography decide where they occur (Belarusian
``ў``, Ukrainian ``ї є ґ``, Polish ``ł ą ę ż``, Spanish ``ñ ¿ ¡``, German ``ß``), and
counts of very frequent function words decide the rest. It needs no model file, costs
microseconds per article and never fetches anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = ("be", "de", "en", "es", "fr", "pl", "ru", "uk")

# How much text to look at: enough for a stable vote, little enough to stay fast.
_SAMPLE_CHARS = 600
_MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in is that for it with as was on by at from this are be has have"
        " said will not an which were its their but he she they"
    ),
    "de": _words(
        "der die und das ist nicht ein eine zu den von mit sich des auf für im dem"
        " auch es wird sind wurde bei nach"
    ),
    "fr": _words(
        "le la les et des est une un du dans que pour qui pas sur au avec il sont par"
        " ce cette aux ne plus été"
    ),
    "es": _words(
        "el la los las y de que en un una es por con para del se al como más pero sus fue ha son"
    ),
    "pl": _words(
        "i w nie na się z że do to jest o jak ale po co od za są przez oraz był była tak dla"
    ),
    "ru": _words(
        "и в не на что с по как это он она к из за от для о так его но был была также"
        " бы все которые"
    ),
    "be": _words(
        "і ў не на што з па як гэта ён яна да за ад для аб так яго але быў была таксама"
        " усе якія беларусі"
    ),
    "uk": _words(
        "і в не на що з по як це він вона до за від для про так його але був була також всі які та"
    ),
}

# Word -> the languages whose function words include it: one look-up per word.
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words_of_lang in sorted(_STOPWORDS.items()):
    for _w in _words_of_lang:
        _LANGS_OF[_w] = (*_LANGS_OF.get(_w, ()), _lang)

_UNIQUE_LETTERS: dict[str, str] = {
    "ў": "be",
    "ї": "uk",
    "є": "uk",
    "ґ": "uk",
    "ł": "pl",
    "ą": "pl",
    "ę": "pl",
    "ż": "pl",
    "ś": "pl",
    "ź": "pl",
    "ń": "pl",
    "ñ": "es",
    "¿": "es",
    "¡": "es",
    "ß": "de",
}
_UNIQUE = re.compile("[" + "".join(_UNIQUE_LETTERS) + "]")


@dataclass(frozen=True, slots=True)
class Detection:
    """The detected language (or None), and why."""

    lang: str | None
    reason: str


def detect_language(text: str) -> Detection:
    """Detect the language of ``text``; None where the evidence is too weak to decide."""
    sample = text[:_SAMPLE_CHARS]
    lowered = sample.lower()
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr == 0 and lat == 0:
        return Detection(None, "no Latin or Cyrillic letters")
    script = "cyrl" if cyr > lat else "latn"
    candidates = ("be", "ru", "uk") if script == "cyrl" else ("de", "en", "es", "fr", "pl")

    unique: dict[str, int] = dict.fromkeys(candidates, 0)
    for m in _UNIQUE.finditer(lowered):
        lang = _UNIQUE_LETTERS[m.group()]
        if lang in unique:
            unique[lang] += 1
    if script == "cyrl":
        # Belarusian has no и, щ, ъ; Ukrainian has no ы, э, ё; Russian has no і.
        has_i = "і" in lowered
        if has_i and not re.search("[ищъ]", lowered):
            unique["be"] += 2
        elif has_i and not re.search("[ыэё]", lowered):
            unique["uk"] += 2
        elif not has_i and re.search("[ыэъ]", lowered):
            unique["ru"] += 2

    words = _WORD.findall(lowered)
    if len(words) < _MIN_WORDS:
        return Detection(None, f"only {len(words)} words")
    scores = dict.fromkeys(candidates, 0.0)
    for w in words:
        for lang in _LANGS_OF.get(w, ()):
            if lang in scores:
                scores[lang] += 1
    for lang, n in unique.items():
        scores[lang] += 3 * n
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_score = ranked[0]
    runner_up = ranked[1][1]
    if best_score < 2 or best_score < 1.5 * runner_up:
        return Detection(None, "no language clearly ahead")
    return Detection(best, f"{script} script; score {best_score:g} vs {runner_up:g}")
