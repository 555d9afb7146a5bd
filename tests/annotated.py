"""A document carrying every fact the annotation adds, for the exports' round trips.

Until the annotation engine is wired into the converter, converted seeds have only
``speech`` quotations without speakers. This document is a converted seed annotated by
hand as the guidelines say: every quotation type, nested quotations (a term inside
speech, speech inside a dialogue line), an interrupted quotation and a dialogue line in
two parts with their shared speaker, a quotation continued over paragraphs, a speaker
with a person (``ref``), one without (``ref`` null), an unattributed question, persons
with several mentions, a dateline, a title chosen after it, and a confidence.
"""

from __future__ import annotations

import dataclasses

from corpus_tools.config import Config
from corpus_tools.model import Document, Person, Speaker
from corpus_tools.seeds import convert_seed

SEED_PATH = "seeds/004_00000000000000bb.txt"
SEED = (
    " date 2025-12-01 MINSK, Dec 1 (Reuters) - Environment minister Anna Kowalska presented "
    "the “Clean Air 2030” plan at the offices of „Orlen“ on Monday.\n\n"
    "“We will not wait,” the minister said. “The plan starts now, and the so-called "
    "‘grey zone’ ends.”\n\n"
    "Analysts at Berenberg called the plan “late but necessary”.\n\n"
    "“Is it enough?” came a question from the back of the hall.\n\n"
    "— Достаточно, — ответил Игорь Семёнов. — Мы «готовы».\n\n"
    "“The money is there, the will is there.\n\n"
    "“And the deadline is 2030,” Kowalska added.\n"
).encode()

KOWALSKA = Person("person1", "Anna Kowalska", ("Anna Kowalska", "the minister", "Kowalska"))
SEMYONOV = Person("person2", "Игорь Семёнов", ("Игорь Семёнов", "ответил Игорь Семёнов"))

# Quotation text -> type and speaker (None: not speech, or unattributed).
ANNOTATIONS: dict[str, tuple[str, Speaker | None]] = {
    "“Clean Air 2030”": ("title", None),
    "„Orlen“": ("name", None),
    "“We will not wait,”": ("speech", Speaker("Anna Kowalska", "the minister", "person1")),
    "“The plan starts now, and the so-called ‘grey zone’ ends.”": (
        "speech",
        Speaker("Anna Kowalska", "the minister", "person1"),
    ),
    "‘grey zone’": ("term", None),
    "“late but necessary”": ("speech", Speaker("analysts at Berenberg", "Analysts", None)),
    "“Is it enough?”": ("speech", None),
    "— Достаточно,": ("speech", Speaker("Игорь Семёнов", "ответил Игорь Семёнов", "person2")),
    "— Мы «готовы».": ("speech", Speaker("Игорь Семёнов", "ответил Игорь Семёнов", "person2")),
    "«готовы»": ("term", None),
    "“The money is there, the will is there.\n“And the deadline is 2030,”": (
        "speech",
        Speaker("Anna Kowalska", "Kowalska", "person1"),
    ),
}


def annotated_document(config: Config) -> Document:
    """The seed converted with ``config`` and annotated by hand."""
    doc = convert_seed(SEED, SEED_PATH, config).document
    assert doc is not None
    assert {q.text for q in doc.quotations} == set(ANNOTATIONS)
    quotations = tuple(
        dataclasses.replace(q, type=ANNOTATIONS[q.text][0], speaker=ANNOTATIONS[q.text][1])
        for q in doc.quotations
    )
    return dataclasses.replace(
        doc,
        lang_source="detected",
        lang_confidence=0.87,
        dateline="MINSK, Dec 1 (Reuters) -",
        title="Environment minister Anna Kowalska presented the “Clean Air 2030” plan at "
        "the offices of „Orlen“ on Monday.",
        title_source="after-dateline",
        quotations=quotations,
        persons=(KOWALSKA, SEMYONOV),
    )
