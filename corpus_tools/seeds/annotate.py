"""Stage 5, annotate: language, quotations (type, speaker), persons, title and dateline,
from the annotation engine (``corpus_tools.annotate``), and counts of the texts."""

from __future__ import annotations

from dataclasses import dataclass

from corpus_tools.config import Config
from corpus_tools.model import WORD, Person, Quotation, Speaker, Stats
from corpus_tools.seeds.findings import Findings
from corpus_tools.seeds.paragraphs import Para


@dataclass(frozen=True, slots=True)
class Annotated:
    """What the engine says of a document, in the canonical model's terms."""

    lang: str
    lang_source: str
    lang_confidence: float | None
    quotations: list[Quotation]
    persons: tuple[Person, ...]
    title: str
    title_source: str
    dateline: str | None


def annotate(
    doc_id: str,
    paras: list[Para],
    texts: list[str],
    config: Config,
    lang_override: str | None,
    findings: Findings,
) -> Annotated:
    """Annotate the canonical texts; a warning at each mark without a partner and where
    the language could not be told."""
    from corpus_tools.annotate import annotate_document

    found = annotate_document(
        texts,
        doc_id=doc_id,
        lang_hint=lang_override,
        default_lang=config.default_lang,
        candidates=config.languages or None,
    )
    for issue in found.issues:
        line, col = paras[issue.paragraph - 1].locate(issue.offset)
        findings.add("quote-unbalanced", issue.message, line, col)
    guess = found.lang
    if guess.source in ("default", "undetermined"):
        extra = (
            f"; using the corpus default {config.default_lang!r}"
            if guess.source == "default"
            else "; recorded as 'und'"
        )
        findings.add(
            "lang-undetected",
            f"language not detected: {guess.reason}{extra}",
            paras[0].line,
            paras[0].column,
        )
    # Person ids are short within a document ("person1"); TEI prefixes them with the
    # document's id, so they are unique across the corpus there.
    ids = {p.id: f"person{n}" for n, p in enumerate(found.persons, start=1)}
    quotations = [
        Quotation(
            id=q.id,
            kind=q.kind,
            start=q.start,
            end=q.end,
            text=q.text,
            depth=q.depth,
            marks=q.marks,
            parent=q.parent,
            prev=q.prev,
            type=q.type or "speech",
            speaker=(
                Speaker(q.speaker.name, q.speaker.mention, ids.get(q.speaker.ref or ""))
                if q.speaker is not None and q.type == "speech"
                else None
            ),
        )
        for q in found.quotations
    ]
    persons = tuple(Person(ids[p.id], p.name, tuple(p.mentions)) for p in found.persons)
    title_source = found.title_source
    if found.dateline:
        # The title is the first sentence after the dateline, which is kept apart.
        title_source = title_source.replace("first-sentence", "after-dateline")
    return Annotated(
        guess.lang,
        guess.source,
        guess.confidence if guess.source == "detected" else None,
        quotations,
        persons,
        found.title,
        title_source,
        found.dateline,
    )


def stats(texts: list[str], quotation_count: int) -> Stats:
    """Counts of paragraphs, words, characters (code points) and quotation parts."""
    return Stats(
        paragraphs=len(texts),
        words=sum(len(WORD.findall(t)) for t in texts),
        characters=sum(len(t) for t in texts),
        quotations=quotation_count,
    )
