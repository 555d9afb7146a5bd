"""Score the converter's annotations against the hand-annotated gold set.

``python benchmarks/annotation_eval.py [--gold tests/gold] [--split all|development|held-out|blind-1|...|blind-22]
[--json] [--details]``

Every ``<id>.txt`` seed in the gold folder is converted with
``corpus_tools.convert_seed`` and compared with its ``<id>.gold.json`` (format:
``tests/gold/README.md``) as the "Scoring" section of the annotation guidelines says:

- **language**: accuracy, with a confusion list (gold tag, predicted tag);
- **spans**: precision, recall and F1 over all quotation parts;
- **speech**: precision, recall and F1 over the parts typed ``speech``;
- **type**: accuracy over matched parts;
- **speaker**: accuracy over matched speech parts that have a gold speaker (the predicted
  name or mention equals the gold name, contains it, or carries its surname);
- extra lines: **links** (a matched later part of a quotation points back to the part
  matched to its gold predecessor) and **title** (exact match).

Parts match when they start in the same paragraph and have the same text, marks
included, after Unicode NFC and white-space normalisation. A predicted quotation over
several paragraphs (its text joined by line feeds) counts as one part per paragraph. A
prediction without a ``type`` field (the converter before quotation types) counts as
speech for the speech scores and as wrong for type accuracy. A seed that does not
convert counts as all-missed (language, title and every gold part).

Scores are micro-averaged: overall, and per gold language. ``evaluate(gold_dir)``
returns them as a dict (the tests hold floors on it); the script prints a table, or
the same dict as JSON with ``--json``.

``--split`` scores part of ``tests/gold`` (see its README and :data:`SPLIT_RANGES`):
``development``, the articles the engine was built on; ``held-out``, batches written
without reading the engine's rules, whose counts later work was checked against;
``blind-1`` and ``blind-2``, batches scored once blind and then read for development;
``blind-3`` to ``blind-7``, written without reading the engine, each scored once and
never read since (``blind-5`` to ``blind-7`` declared before they were written);
``blind-8``, a batch in languages and scripts that have no tables of their own;
``scripts-dev``, a batch in eight of those scripts written to be read for development;
``blind-9``, a batch in the same scripts, declared with it, scored once; ``blind-10``,
the next such batch, scored once and then read; ``blind-11``, the next, scored once
and then read; ``blind-12``, the next, scored once and then read; ``blind-13``, the
next, scored once; ``blind-14``, a batch in languages with capitals, declared before it
was written; ``blind-15``, the next batch in the scripts without capitals, declared before
it was written (``blind-13`` and ``blind-15`` read for development from the session
after theirs); ``blind-16``, the next, declared before it was written; ``blind-17``,
the next, declared before it was written (read from the session after its own);
``blind-18``, the next, declared before it was written (read from the session after its
own); ``blind-19``, the next, declared before it was written (read from the session
after its own); ``blind-20``, the next, declared before it was written (read from the
session after its own); ``blind-21``, the next, declared before it was written (read
from the session after its own); ``blind-22``, the next, declared before it was written
(read from the session after its own); ``blind-23``, the next, declared before it was
written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "gold"
TYPES = ("speech", "title", "name", "term")
# Languages whose personal names put the family name first.
FAMILY_NAME_FIRST = frozenset({"hu"})

_SPACE = re.compile(r"\s+")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


def normalise(text: str) -> str:
    """NFC, every run of white space (NBSP included) as one space, no space at the ends."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _fold(text: str) -> str:
    return normalise(text).casefold()


def surname(name: str, lang: str) -> str | None:
    """The family name of a personal name ("Jan K. Novotný" -> "Novotný"), or None.

    Only a capitalised word counts: a description such as "a local diving club" has none.
    Hungarian names put the family name first ("Kovács Béla").
    """
    tokens: list[str] = _NAME_TOKEN.findall(normalise(name))
    if not tokens:
        return None
    primary = lang.split("-")[0].lower()
    token = tokens[0] if primary in FAMILY_NAME_FIRST else tokens[-1]
    if len(token) < 2 or not token[0].isupper():
        return None
    return token


def speaker_matches(predicted: Mapping[str, Any] | None, gold_name: str, lang: str) -> bool:
    """The guidelines' speaker test: the predicted name or mention equals the gold name,
    contains it, or carries its surname (as a whole word; case-insensitive)."""
    if not predicted:
        return False
    gold = _fold(gold_name)
    family = surname(gold_name, lang)
    family_re = (
        re.compile(rf"(?<!\w){re.escape(family.casefold())}(?!\w)") if family is not None else None
    )
    for key in ("name", "mention"):
        candidate = predicted.get(key)
        if not isinstance(candidate, str) or not candidate.strip():
            continue
        folded = _fold(candidate)
        if gold in folded:  # equal to it, or containing it
            return True
        if family_re is not None and family_re.search(folded):
            return True
    return False


@dataclass
class Part:
    """One quotation part: the paragraph where it starts and its text."""

    paragraph: int
    text: str
    type: str | None
    speaker: Mapping[str, Any] | None
    previous: int | None  # index (in the same list) of the part this one continues
    is_speech: bool

    @property
    def key(self) -> tuple[int, str]:
        return (self.paragraph, normalise(self.text))


def gold_parts(gold: Mapping[str, Any]) -> list[Part]:
    quotations = gold["quotations"]
    parts: list[Part] = []
    for index, entry in enumerate(quotations):
        first = entry.get("part_of")
        previous = None
        if first is not None:
            # The nearest earlier part of the same quotation.
            previous = max(
                j for j in range(index) if j == first or quotations[j].get("part_of") == first
            )
        parts.append(
            Part(
                paragraph=entry["paragraph"],
                text=entry["text"],
                type=entry["type"],
                speaker=entry.get("speaker"),
                previous=previous,
                is_speech=entry["type"] == "speech",
            )
        )
    return parts


def predicted_parts(document: Mapping[str, Any]) -> list[Part]:
    """The document's quotations as parts, one per paragraph they touch."""
    parts: list[Part] = []
    last_part_of: dict[str, int] = {}
    for quotation in document.get("quotations", []):
        has_type = "type" in quotation
        qtype = quotation.get("type") if has_type else None
        is_speech = qtype == "speech" if has_type else True
        previous = last_part_of.get(quotation["prev"]) if quotation.get("prev") else None
        start = quotation["start"]["paragraph"]
        for offset, text in enumerate(quotation["text"].split("\n")):
            if offset:
                previous = len(parts) - 1
            parts.append(
                Part(
                    paragraph=start + offset,
                    text=text,
                    type=qtype,
                    speaker=quotation.get("speaker"),
                    previous=previous,
                    is_speech=is_speech,
                )
            )
        last_part_of[quotation["id"]] = len(parts) - 1
    return parts


def match(gold: list[Part], predicted: list[Part]) -> dict[int, int]:
    """Gold part index -> predicted part index, pairing equal keys in text order."""
    waiting: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, part in enumerate(predicted):
        waiting[part.key].append(index)
    pairs: dict[int, int] = {}
    for index, part in enumerate(gold):
        candidates = waiting.get(part.key)
        if candidates:
            pairs[index] = candidates.pop(0)
    return pairs


COUNTERS = (
    "articles",
    "lang_correct",
    "title_correct",
    "gold_parts",
    "predicted_parts",
    "matched_parts",
    "gold_speech",
    "predicted_speech",
    "matched_speech",
    "type_correct",
    "speaker_total",
    "speaker_correct",
    "link_total",
    "link_correct",
    "errors",
)


@dataclass
class DocumentScore:
    id: str
    lang: str
    predicted_lang: str | None
    predicted_title: str | None
    error: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    wrong_type: list[dict[str, Any]] = field(default_factory=list)
    wrong_speaker: list[dict[str, Any]] = field(default_factory=list)


def _convert(seed: Path) -> tuple[dict[str, Any] | None, str | None]:
    from corpus_tools import convert_seed

    rel_path = f"seeds/{seed.name}"
    try:
        result = convert_seed(seed.read_bytes(), rel_path)
    except Exception as exc:  # a crash is scored like a refusal, and reported
        return None, f"convert_seed raised {type(exc).__name__}: {exc}"
    if result.document is None:
        reasons = "; ".join(
            f"{getattr(d, 'code', '?')}: {getattr(d, 'message', d)}" for d in result.diagnostics
        )
        return None, f"no document ({reasons or 'no diagnostics'})"
    return result.document.to_dict(), None


def score_document(seed: Path, gold: Mapping[str, Any]) -> DocumentScore:
    """Convert the seed and compare its canonical document with the gold annotation."""
    document, error = _convert(seed)
    return compare(gold, document, error)


def compare(
    gold: Mapping[str, Any], document: Mapping[str, Any] | None, error: str | None = None
) -> DocumentScore:
    """Score one canonical document (a dict; None: not converted) against its gold."""
    lang = gold["lang"]
    gparts = gold_parts(gold)
    score = DocumentScore(
        id=gold["id"],
        lang=lang,
        predicted_lang=document.get("lang") if document else None,
        predicted_title=document.get("title") if document else None,
        error=error,
    )
    c = score.counts
    c["articles"] = 1
    c["gold_parts"] = len(gparts)
    c["gold_speech"] = sum(p.is_speech for p in gparts)
    if document is None:
        c["errors"] = 1
        score.missed = [{"paragraph": p.paragraph, "text": p.text} for p in gparts]
        return score
    predicted_lang = str(document.get("lang", ""))
    c["lang_correct"] = int(predicted_lang.casefold() == lang.casefold())
    c["title_correct"] = int(normalise(str(document.get("title", ""))) == normalise(gold["title"]))
    pparts = predicted_parts(document)
    c["predicted_parts"] = len(pparts)
    c["predicted_speech"] = sum(p.is_speech for p in pparts)
    pairs = match(gparts, pparts)
    c["matched_parts"] = len(pairs)
    for gi, pi in pairs.items():
        g, p = gparts[gi], pparts[pi]
        where = {"paragraph": g.paragraph, "text": g.text}
        if g.is_speech and p.is_speech:
            c["matched_speech"] += 1
        if p.type == g.type:
            c["type_correct"] += 1
        else:
            score.wrong_type.append({**where, "gold": g.type, "predicted": p.type})
        if g.is_speech and g.speaker:
            c["speaker_total"] += 1
            if speaker_matches(p.speaker, g.speaker["name"], lang):
                c["speaker_correct"] += 1
            else:
                score.wrong_speaker.append(
                    {**where, "gold": g.speaker["name"], "predicted": p.speaker}
                )
        if g.previous is not None and g.previous in pairs:
            c["link_total"] += 1
            c["link_correct"] += int(p.previous == pairs[g.previous])
    matched_predicted = set(pairs.values())
    score.missed = [
        {"paragraph": g.paragraph, "text": g.text, "type": g.type}
        for gi, g in enumerate(gparts)
        if gi not in pairs
    ]
    score.extra = [
        {"paragraph": p.paragraph, "text": p.text, "type": p.type}
        for pi, p in enumerate(pparts)
        if pi not in matched_predicted
    ]
    return score


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return round(2 * precision * recall / (precision + recall), 4)


def metrics(counts: Mapping[str, int]) -> dict[str, Any]:
    """Scores from summed counters (micro-averaged). None where nothing was counted."""
    span_p = _ratio(counts["matched_parts"], counts["predicted_parts"])
    span_r = _ratio(counts["matched_parts"], counts["gold_parts"])
    speech_p = _ratio(counts["matched_speech"], counts["predicted_speech"])
    speech_r = _ratio(counts["matched_speech"], counts["gold_speech"])
    return {
        "counts": dict(counts),
        "lang_accuracy": _ratio(counts["lang_correct"], counts["articles"]),
        "span_precision": span_p,
        "span_recall": span_r,
        "span_f1": _f1(span_p, span_r),
        "speech_precision": speech_p,
        "speech_recall": speech_r,
        "speech_f1": _f1(speech_p, speech_r),
        "type_accuracy": _ratio(counts["type_correct"], counts["matched_parts"]),
        "speaker_accuracy": _ratio(counts["speaker_correct"], counts["speaker_total"]),
        "link_accuracy": _ratio(counts["link_correct"], counts["link_total"]),
        "title_accuracy": _ratio(counts["title_correct"], counts["articles"]),
    }


def _sum(scores: Iterable[DocumentScore]) -> dict[str, int]:
    total = dict.fromkeys(COUNTERS, 0)
    for score in scores:
        for key, value in score.counts.items():
            total[key] += value
    return total


def load_gold(gold_dir: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(seed path, gold annotation) for every ``*.gold.json`` in the folder, by name."""
    pairs = []
    for path in sorted(gold_dir.glob("*.gold.json")):
        seed = path.with_name(path.name.removesuffix(".gold.json") + ".txt")
        pairs.append((seed, json.loads(path.read_text(encoding="utf-8"))))
    return pairs


# The splits by article number (tests/gold/README.md): ``development``, the articles the
# engine was built on (132-517 came in blind batches too, and were used for development
# after their first score); ``held-out``, batches written without reading the engine,
# whose counts (never their errors) later work was checked against; ``blind-1``, a batch
# written without reading the engine, scored once (speakers 0.79) and then read for
# development; ``blind-2``, a batch scored once (speakers 0.81), then checked against by
# its counts and, from 2f02432 on, read for development too; ``blind-3`` and
# ``blind-4``, batches each scored once at the end of a session with no change made for
# it (speakers 0.84 and 0.87); ``blind-5``, a batch declared before it was written and
# scored once (speakers 0.84); ``blind-6``, a batch declared before it was written and
# scored once (speakers 0.84); ``blind-7``, the next batch of the same 24 languages,
# and ``blind-8``, a batch in languages and scripts without tables of their own (Chinese,
# Japanese, Arabic, Hindi, ...), both declared before they were written;
# ``scripts-dev``, a batch in eight of those scripts written to be read, for building
# speaker rules for them, and ``blind-9``, a batch in the same scripts declared with it,
# before either was written, to be scored once; ``blind-10``, the next batch in the same
# scripts, declared before it was written, to measure the rules after the reviews of
# their first version (scored once, then read for development); ``blind-11``, the next
# batch in the same scripts, declared before it was written, to measure the rules built
# after reading blind-9 and blind-10 (scored once, then read); ``blind-12``, the next
# batch in the same scripts, declared before it was written, to measure the rules built
# after reading blind-11 (scored once, then read); ``blind-13``, the next batch in the
# same scripts, declared before it was written, to measure the rules built after
# reading blind-12 (scored once, never read); ``blind-14``, a batch in 27 languages
# written in capitals-using scripts, declared before it was written, to measure the
# speaker rules for those languages on articles nobody has read; ``blind-15``, the next
# batch in the scripts without capitals, declared before it was written, to measure the
# rules for them on articles nobody has read; ``blind-16``, the next such batch, declared
# before it was written, to measure the rules built and reviewed in blind-15's session on
# articles scored only once; ``blind-17``, the next such batch, declared before it was
# written (read from the session after its own, once its Persian count had chosen a rule
# to check); ``blind-18``, the next such batch, declared before it was written, to measure
# the rules built on the read batches on articles nobody has read (read from the session
# after its own); ``blind-19``, the next such batch, declared before it was written;
# ``blind-20``, the next such batch, declared before it was written (read from the
# session after its own); ``blind-21``, the next such batch, declared before it was
# written (read from the session after its own); ``blind-22``, the next such batch,
# declared before it was written. An
# article numbered
# after every range
# belongs to the newest split.
SPLIT_RANGES = (
    ("development", 0, 965),
    ("held-out", 966, 1173),
    ("blind-1", 1174, 1221),
    ("blind-2", 1222, 1269),
    ("blind-3", 1270, 1317),
    ("blind-4", 1318, 1365),
    ("blind-5", 1366, 1413),
    ("blind-6", 1414, 1461),
    ("blind-7", 1462, 1509),
    ("blind-8", 1510, 1519),
    ("scripts-dev", 1520, 1535),
    ("blind-9", 1536, 1551),
    ("blind-10", 1552, 1567),
    ("blind-11", 1568, 1591),
    ("blind-12", 1592, 1615),
    ("blind-13", 1616, 1639),
    ("blind-14", 1640, 1671),
    ("blind-15", 1672, 1695),
    ("blind-16", 1696, 1719),
    ("blind-17", 1720, 1743),
    ("blind-18", 1744, 1767),
    ("blind-19", 1768, 1791),
    ("blind-20", 1792, 1815),
    ("blind-21", 1816, 1839),
    ("blind-22", 1840, 1863),
    ("blind-23", 1864, None),
)
LAST_DEVELOPMENT = 965
SPLITS = ("all", *(name for name, _, _ in SPLIT_RANGES))


def split_of(seed: Path) -> str:
    """The split an article belongs to, by its number."""
    number = int(seed.name.split("_", 1)[0])
    for name, first, last in SPLIT_RANGES:
        if first <= number and (last is None or number <= last):
            return name
    raise ValueError(f"{seed.name}: no split holds article {number}")


def in_split(seed: Path, split: str) -> bool:
    """True when the article (by its number) belongs to the split."""
    return split == "all" or split_of(seed) == split


def converted(split: str) -> Iterator[tuple[dict[str, Any], list[str], str | None]]:
    """(gold annotation, paragraph texts, table language) for every article of a split
    of ``tests/gold`` that converts: what the scripts that learn weights read."""
    for seed, gold in load_gold(DEFAULT_GOLD):
        if not in_split(seed, split):
            continue
        document, _ = _convert(seed)
        if document is None:
            continue
        paragraphs = [p["text"] for p in document["paragraphs"]]
        lang = document["lang"] if document["lang"] != "und" else None
        yield gold, paragraphs, lang


def evaluate(gold_dir: Path | str = DEFAULT_GOLD, split: str = "all") -> dict[str, Any]:
    """Score the converter on the gold set (or a split of it): overall and per-language
    metrics, the language confusions, conversion errors and each document's differences."""
    gold_dir = Path(gold_dir)
    gold_set = [(seed, gold) for seed, gold in load_gold(gold_dir) if in_split(seed, split)]
    scores = [score_document(seed, gold) for seed, gold in gold_set]
    by_lang: dict[str, list[DocumentScore]] = defaultdict(list)
    for score in scores:
        by_lang[score.lang].append(score)
    gold_types: dict[str, int] = dict.fromkeys(TYPES, 0)
    for _, gold in gold_set:
        for entry in gold["quotations"]:
            gold_types[entry["type"]] += 1
    return {
        "gold_dir": str(gold_dir),
        "split": split,
        "articles": len(scores),
        "languages": len(by_lang),
        "gold_types": gold_types,
        "overall": metrics(_sum(scores)),
        "per_language": {lang: metrics(_sum(by_lang[lang])) for lang in sorted(by_lang)},
        "confusions": [
            {"id": s.id, "gold": s.lang, "predicted": s.predicted_lang}
            for s in scores
            if not s.counts["lang_correct"]
        ],
        "errors": [{"id": s.id, "error": s.error} for s in scores if s.error],
        "documents": [
            {
                "id": s.id,
                "lang": s.lang,
                "predicted_lang": s.predicted_lang,
                "predicted_title": s.predicted_title,
                "missed": s.missed,
                "extra": s.extra,
                "wrong_type": s.wrong_type,
                "wrong_speaker": s.wrong_speaker,
            }
            for s in scores
        ],
    }


def _cell(value: float | None) -> str:
    return "   –" if value is None else f"{value:.2f}"


def _frac(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator}"


COLUMNS = (
    ("lang", 8),
    ("docs", 4),
    ("lang ok", 7),
    ("span P", 6),
    ("span R", 6),
    ("span F1", 7),
    ("sp P", 5),
    ("sp R", 5),
    ("sp F1", 5),
    ("type", 5),
    ("speaker", 7),
    ("links", 5),
    ("title", 5),
)


def _row(label: str, m: Mapping[str, Any]) -> str:
    c = m["counts"]
    cells = (
        label,
        str(c["articles"]),
        _frac(c["lang_correct"], c["articles"]),
        _cell(m["span_precision"]),
        _cell(m["span_recall"]),
        _cell(m["span_f1"]),
        _cell(m["speech_precision"]),
        _cell(m["speech_recall"]),
        _cell(m["speech_f1"]),
        _cell(m["type_accuracy"]),
        _cell(m["speaker_accuracy"]),
        _cell(m["link_accuracy"]),
        _cell(m["title_accuracy"]),
    )
    return "  ".join(
        cell.ljust(width) if i == 0 else cell.rjust(width)
        for i, (cell, (_, width)) in enumerate(zip(cells, COLUMNS, strict=True))
    )


def render(report: Mapping[str, Any], details: bool = False) -> str:
    overall = report["overall"]
    c = overall["counts"]
    types = ", ".join(f"{n} {t}" for t, n in report["gold_types"].items())
    lines = [
        f"gold set {report['gold_dir']}"
        + (f" ({report['split']} articles)" if report.get("split", "all") != "all" else "")
        + f": {report['articles']} articles, "
        f"{report['languages']} languages, {c['gold_parts']} quotation parts ({types})",
        "",
        "  ".join(
            name.ljust(width) if i == 0 else name.rjust(width)
            for i, (name, width) in enumerate(COLUMNS)
        ),
    ]
    lines += [_row(lang, m) for lang, m in report["per_language"].items()]
    lines.append(_row("overall", overall))
    lines += [
        "",
        f"language accuracy  {_cell(overall['lang_accuracy'])}  "
        f"({_frac(c['lang_correct'], c['articles'])})",
        f"span P/R/F1        {_cell(overall['span_precision'])} / "
        f"{_cell(overall['span_recall'])} / {_cell(overall['span_f1'])}  "
        f"({c['matched_parts']} matched of {c['gold_parts']} gold, {c['predicted_parts']} predicted)",
        f"speech P/R/F1      {_cell(overall['speech_precision'])} / "
        f"{_cell(overall['speech_recall'])} / {_cell(overall['speech_f1'])}  "
        f"({c['matched_speech']} matched of {c['gold_speech']} gold, "
        f"{c['predicted_speech']} predicted)",
        f"type accuracy      {_cell(overall['type_accuracy'])}  "
        f"({_frac(c['type_correct'], c['matched_parts'])} matched parts)",
        f"speaker accuracy   {_cell(overall['speaker_accuracy'])}  "
        f"({_frac(c['speaker_correct'], c['speaker_total'])} matched speech parts with a gold speaker)",
        f"links (extra)      {_cell(overall['link_accuracy'])}  "
        f"({_frac(c['link_correct'], c['link_total'])} later parts matched with their predecessor)",
        f"title (extra)      {_cell(overall['title_accuracy'])}  "
        f"({_frac(c['title_correct'], c['articles'])})",
    ]
    if report["confusions"]:
        lines += ["", "language confusions (gold -> predicted):"]
        lines += [f"  {x['id']}: {x['gold']} -> {x['predicted']}" for x in report["confusions"]]
    if report["errors"]:
        lines += ["", "not converted (counted as all-missed):"]
        lines += [f"  {x['id']}: {x['error']}" for x in report["errors"]]
    if details:
        for doc in report["documents"]:
            problems = [
                *(
                    f"  missed  P{x['paragraph']} {x['text']!r} ({x['type']})"
                    for x in doc["missed"]
                ),
                *(f"  extra   P{x['paragraph']} {x['text']!r}" for x in doc["extra"]),
                *(
                    f"  type    P{x['paragraph']} {x['text']!r}: {x['predicted']} != {x['gold']}"
                    for x in doc["wrong_type"]
                ),
                *(
                    f"  speaker P{x['paragraph']} {x['text']!r}: {x['predicted']} != {x['gold']!r}"
                    for x in doc["wrong_speaker"]
                ),
            ]
            if problems:
                lines += ["", f"{doc['id']} ({doc['lang']}, title {doc['predicted_title']!r})"]
                lines += problems
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold folder")
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="one split of the articles (see SPLIT_RANGES)",
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--details", action="store_true", help="list each document's missed, extra and wrong parts"
    )
    args = parser.parse_args(argv)
    if not args.gold.is_dir():
        parser.error(f"{args.gold} is not a folder")
    report = evaluate(args.gold, args.split)
    if args.json:
        if not args.details:
            report = {k: v for k, v in report.items() if k != "documents"}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render(report, details=args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
