"""Stage 5, annotate: quotations, language, title and counts of the canonical texts."""

from __future__ import annotations

import re

from corpus_tools.config import Config
from corpus_tools.langdetect import detect_language
from corpus_tools.model import Quotation, Stats
from corpus_tools.quotes import find_quotations
from corpus_tools.seeds.findings import Findings
from corpus_tools.seeds.paragraphs import Para
from corpus_tools.seeds.title import make_title

_WORDS = re.compile(r"\w+(?:['’\-]\w+)*")


def quotations(paras: list[Para], texts: list[str], findings: Findings) -> list[Quotation]:
    """The quotations of the texts; a warning at each mark without a partner."""
    found, issues = find_quotations(texts)
    for issue in issues:
        line, col = paras[issue.paragraph - 1].locate(issue.offset)
        findings.add("quote-unbalanced", issue.message, line, col)
    return found


def language(
    paras: list[Para],
    texts: list[str],
    config: Config,
    lang_override: str | None,
    findings: Findings,
) -> tuple[str, str]:
    """The language tag and where it came from (override, detected, default, undetermined)."""
    if lang_override:
        return lang_override, "override"
    det = detect_language(" ".join(texts))
    if det.lang:
        return det.lang, "detected"
    if config.default_lang:
        lang, source = config.default_lang, "default"
        extra = f"; using the corpus default {config.default_lang!r}"
    else:
        lang, source = "und", "undetermined"
        extra = "; recorded as 'und'"
    findings.add(
        "lang-undetected",
        f"language not detected ({det.reason}){extra}",
        paras[0].line,
        paras[0].column,
    )
    return lang, source


def title(texts: list[str]) -> tuple[str, str]:
    """The title and how it was made, from the lead paragraph (the first text)."""
    return make_title(texts[0])


def stats(texts: list[str], quotation_count: int) -> Stats:
    """Counts of paragraphs, words, characters (code points) and quotations."""
    return Stats(
        paragraphs=len(texts),
        words=sum(len(_WORDS.findall(t)) for t in texts),
        characters=sum(len(t) for t in texts),
        quotations=quotation_count,
    )
