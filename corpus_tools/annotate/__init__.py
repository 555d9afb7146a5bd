"""The annotation engine: language, quotation parts, their types and speakers, titles.

Pure functions of the text: no I/O apart from reading the bundled word tables and
language model once per process, no clock, no environment; the same paragraphs give
the same result on every machine. Conventions: ``../shared/annotation/GUIDELINES.md``.

Entry point
-----------
``annotate_document(paragraphs, *, doc_id, lang_hint=None, default_lang=None,
candidates=None) -> Annotations``

* ``paragraphs``: the document's paragraph texts in order (the lead first);
* ``doc_id``: the document id, used for person ids (``<doc>-per<N>``, valid XML names);
* ``lang_hint``: a BCP 47 tag that overrides detection (``lang.source == "override"``);
* ``default_lang``: the corpus default, used (``source == "default"``) when the
  evidence is too weak; without it such a document is ``und`` (``undetermined``);
* ``candidates``: restrict detection to these BCP 47 tags (``corpus.toml``).

``Annotations`` holds:

* ``lang``: :class:`~corpus_tools.annotate.language.LanguageGuess` -- ``lang`` (BCP 47),
  ``confidence`` (model probability rounded to 2 decimals, None unless detected),
  ``source`` (``detected``/``default``/``undetermined``/``override``), ``reason``,
  ``alternatives``;
* ``quotations``: tuple of :class:`~corpus_tools.annotate.quotations.QuotationPart` --
  ``id`` (q1 ...), ``kind`` (``quote``/``dialogue``), ``start``/``end``
  (:class:`corpus_tools.model.Position`, one paragraph, end exclusive), ``text`` (marks
  or dash included), ``depth``, ``marks``, ``parent``, ``prev``, ``next``, ``type``
  (``speech``/``title``/``name``/``term``) and ``speaker``
  (:class:`~corpus_tools.annotate.quotations.Speaker` ``name``/``mention``/``ref``, or
  None: unattributed, or not speech);
* ``persons``: tuple of :class:`~corpus_tools.annotate.speakers.Person` -- ``id``,
  ``name``, ``mentions``; every speaker's ``ref`` is one of these ids;
* ``title``, ``title_source`` (``first-sentence``/``first-sentence-truncated``) and
  ``dateline`` (the dateline before the title as written, or None);
* ``issues``: quotation marks without a partner
  (:class:`~corpus_tools.annotate.quotations.QuoteIssue`, for ``quote-unbalanced``).

``Annotations.to_dict()`` gives the JSON form (quotation parts with ``speaker`` only on
``speech`` parts).

The stages are usable on their own
----------------------------------
* ``language.identify(text, *, candidates, min_confidence, min_letters, default_lang)
  -> LanguageGuess`` (one text); ``identify_document(paragraphs, ...)`` (the article's
  own sentences, quotations cut out, else the whole text)
* ``quotations.find_parts(paragraphs, *, lang) -> Found(parts, issues, attributions)``
* ``classify.classify(paragraphs, parts, *, lang, attributions) -> parts with type``
* ``uncased_types.retype(paragraphs, parts, *, lang) -> parts with type``: for the
  languages written without capitals, the types that the words right before or after a
  quotation say (``فيلم «…»``, ``“…”号``, ``‘…’ अभियान``), from the ``type_cues`` of
  ``annotate/uncased.json``
* ``speakers.attribute(paragraphs, parts, *, doc_id, lang, attributions)
  -> (parts with speaker, persons)``
* ``uncased.attribute(paragraphs, parts, *, doc_id, lang) -> (parts with speaker,
  persons)``: the same for the languages written without capitals that
  ``uncased.handles(lang)`` names (zh, ja, ko, ar, fa, he, hi, th), whose tables are
  ``annotate/uncased.json``
* ``titles.make_title(lead, *, lang) -> TitleResult(title, title_source, dateline)``

Per-language knowledge (speech verbs, cue nouns, pronouns, abbreviations, months ...)
lives in ``annotate/data/<lang>.json`` (see :mod:`corpus_tools.annotate.tables`);
a language without a table falls back to all tables and language-neutral signals.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import Any

from corpus_tools.annotate import uncased, uncased_types
from corpus_tools.annotate.classify import classify
from corpus_tools.annotate.context import PartIndex, forget_sentences
from corpus_tools.annotate.language import (
    MIN_CONFIDENCE,
    MIN_LETTERS,
    LanguageGuess,
    identify,
)
from corpus_tools.annotate.quotations import (
    Found,
    QuotationPart,
    QuoteIssue,
    Speaker,
    find_parts,
)
from corpus_tools.annotate.speakers import Person, attribute, forget_tokens, person_id
from corpus_tools.annotate.titles import TitleResult, make_title

__all__ = [
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "SAMPLE_CHARS",
    "STRIP_MIN_LETTERS",
    "Annotations",
    "Found",
    "LanguageGuess",
    "Person",
    "QuotationPart",
    "QuoteIssue",
    "Speaker",
    "TitleResult",
    "annotate_document",
    "attribute",
    "classify",
    "find_parts",
    "identify",
    "identify_document",
    "language_text",
    "make_title",
    "person_id",
]

# Language is identified on the article's own sentences (quotations between marks
# removed) when they hold at least this many letters and the model is sure of them;
# otherwise on the whole text. Measured on made-up cases: an English article quoting a
# French sentence is "fr" on the whole text and "en" on its own sentences; a German one
# quoting English goes from 0.57 to 0.92.
STRIP_MIN_LETTERS = MIN_LETTERS
# fastText's cost grows with the text; beyond this many characters (cut at a word
# boundary) more text does not change the answer on running prose. Not a prefix of
# the raw article: the sample is taken from the article's own sentences, quotations
# cut out, so a lead quoting another language does not decide (the issue's 300-character
# prefix failed exactly there). Measured on the generated benchmark documents (2,500
# characters on average): the model's time per document falls by about a third.
SAMPLE_CHARS = 1500


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything the engine says about one document (see the package docstring)."""

    lang: LanguageGuess
    quotations: tuple[QuotationPart, ...]
    persons: tuple[Person, ...]
    title: str
    title_source: str
    dateline: str | None
    issues: tuple[QuoteIssue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "lang": self.lang.lang,
            "lang_source": self.lang.source,
            "lang_confidence": self.lang.confidence,
            "title": self.title,
            "title_source": self.title_source,
            "dateline": self.dateline,
            "quotations": [q.to_dict() for q in self.quotations],
            "persons": [p.to_dict() for p in self.persons],
        }


def language_text(paragraphs: list[str], parts: tuple[QuotationPart, ...]) -> str:
    """The document's own sentences: its text with the quotations between marks cut out
    (dialogue lines stay: they are written in the article's language)."""
    pieces: list[str] = []
    index = PartIndex(parts)
    for pno, text in enumerate(paragraphs, start=1):
        cuts = sorted(
            (p.start.offset, p.end.offset) for p in index.level(pno, 0) if p.kind == "quote"
        )
        pos = 0
        for a, b in cuts:
            pieces.append(text[pos:a])
            pos = max(pos, b)
        pieces.append(text[pos:])
    return " ".join(pieces)


def identify_document(
    paragraphs: list[str],
    *,
    candidates: list[str] | tuple[str, ...] | None = None,
    default_lang: str | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    min_letters: int = MIN_LETTERS,
) -> LanguageGuess:
    """The language of a document: of its own sentences when they are enough (see
    :data:`STRIP_MIN_LETTERS`), else of its whole text; of at most :data:`SAMPLE_CHARS`
    characters of either, never of a prefix of the raw article."""

    def detect(text: str) -> LanguageGuess:
        if len(text) > SAMPLE_CHARS:
            cut = text.rfind(" ", 0, SAMPLE_CHARS)
            text = text[: cut if cut > SAMPLE_CHARS // 2 else SAMPLE_CHARS]
        return identify(
            text,
            candidates=candidates,
            min_confidence=min_confidence,
            min_letters=min_letters,
            default_lang=default_lang,
        )

    # Marks pair the same way in every language: a language-neutral pass finds the
    # quotations to cut out before identification.
    neutral = find_parts(paragraphs, marks_only=True)
    if neutral.parts:
        own = language_text(paragraphs, neutral.parts)
        # Enough letters: the STRIP_MIN_LETTERS-th one exists (not all of them counted).
        nth_letter = itertools.islice(filter(str.isalpha, own), STRIP_MIN_LETTERS - 1, None)
        if next(nth_letter, None) is not None:
            guess = detect(own)
            if guess.source == "detected":
                return guess
    return detect("\n".join(paragraphs))


def _without_empty(parts: tuple[QuotationPart, ...]) -> tuple[QuotationPart, ...]:
    """The parts that hold text: a part that an attribution split left with nothing in
    it (seen in a generated Belarusian seed: «A, B? C…» — адказаў X.) is dropped, and
    the links and nesting that went through it pass to its neighbours."""
    empty = {p.id: p for p in parts if p.end <= p.start or not p.text}
    if not empty:
        return parts

    def past(ref: str | None, attr: str) -> str | None:
        while ref is not None and ref in empty:
            ref = getattr(empty[ref], attr)
        return ref

    return tuple(
        dataclasses.replace(
            p, prev=past(p.prev, "prev"), next=past(p.next, "next"), parent=past(p.parent, "parent")
        )
        for p in parts
        if p.id not in empty
    )


def annotate_document(
    paragraphs: list[str],
    *,
    doc_id: str,
    lang_hint: str | None = None,
    default_lang: str | None = None,
    candidates: list[str] | tuple[str, ...] | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    min_letters: int = MIN_LETTERS,
) -> Annotations:
    """Annotate one document whose paragraph texts are given in order (lead first)."""
    try:
        return _annotate(
            paragraphs,
            doc_id=doc_id,
            lang_hint=lang_hint,
            default_lang=default_lang,
            candidates=candidates,
            min_confidence=min_confidence,
            min_letters=min_letters,
        )
    finally:
        forget_sentences()  # the caches serve the stages of one document
        forget_tokens()


def _annotate(
    paragraphs: list[str],
    *,
    doc_id: str,
    lang_hint: str | None,
    default_lang: str | None,
    candidates: list[str] | tuple[str, ...] | None,
    min_confidence: float,
    min_letters: int,
) -> Annotations:
    if lang_hint:
        guess = LanguageGuess(lang_hint, None, "override")
    else:
        guess = identify_document(
            paragraphs,
            candidates=candidates,
            default_lang=default_lang,
            min_confidence=min_confidence,
            min_letters=min_letters,
        )
    table_lang = guess.lang if guess.lang != "und" else None
    found = find_parts(paragraphs, lang=table_lang)
    parts = classify(
        paragraphs, _without_empty(found.parts), lang=table_lang, attributions=found.attributions
    )
    if table_lang is not None and uncased.handles(table_lang):
        parts = uncased_types.retype(paragraphs, parts, lang=table_lang)
        parts, persons = uncased.attribute(paragraphs, parts, doc_id=doc_id, lang=table_lang)
    else:
        parts, persons = attribute(
            paragraphs, parts, doc_id=doc_id, lang=table_lang, attributions=found.attributions
        )
    if paragraphs:
        title = make_title(paragraphs[0], lang=table_lang, parts=parts)
    else:
        title = TitleResult("", "first-sentence")
    return Annotations(
        guess, parts, persons, title.title, title.title_source, title.dateline, found.issues
    )
