"""The title of a document: seeds carry none, so the first sentence of the lead."""

from __future__ import annotations

import re

_TITLE_MAX = 160
_SENTENCE_END = re.compile(r"[.!?…](?:[”»\"’)]*)(?=\s+[\"“«„(\[]?[A-ZА-ЯЁІЎЄЇҐ0-9])")
# Words before a full stop that do not end a sentence (English and Russian press).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "sen",
        "rep",
        "gov",
        "jr",
        "sr",
        "no",
        "vol",
        "fig",
        "approx",
        "etc",
        "vs",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "т",
        "г",
        "гг",
        "ул",
        "им",
        "др",
        "проф",
    ]
)


def _first_sentence(lead: str) -> str:
    """The lead up to the first sentence end that is not an abbreviation or initial."""
    for m in _SENTENCE_END.finditer(lead, 0, 600):
        word = lead[: m.start()].rsplit(None, 1)[-1] if m.start() else ""
        if len(word) == 1 or word.casefold() in _ABBREVIATIONS:
            continue
        return lead[: m.end()]
    return lead


def make_title(lead: str) -> tuple[str, str]:
    """The first sentence of the lead paragraph, cut at a word boundary when long."""
    sentence = _first_sentence(lead)
    if len(sentence) <= _TITLE_MAX:
        return sentence, "first-sentence"
    cut = sentence.rfind(" ", 0, _TITLE_MAX)
    if cut < _TITLE_MAX // 2:
        cut = _TITLE_MAX - 1
    return sentence[:cut].rstrip(" ,;:—–-") + "…", "first-sentence-truncated"
