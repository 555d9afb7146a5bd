"""Cost of the annotation engine (corpus_tools.annotate) per document and per stage.

``python benchmarks/annotation_cost.py [--docs N] [--seed S] [--gold-split SPLIT]``
generates N seeds with ``benchmarks/generate.py`` (deterministic, offline) into a
temporary folder (or, with ``--gold-split``, takes the articles of that split of
``tests/gold``, e.g. ``blind-10`` for the languages written without capitals), warms
the caches on a few of them, then times each stage over all of them and prints the mean
milliseconds per document, plus the model's load time in a fresh process.

The stages are timed in CPU time of this process (``time.process_time``): on a
machine shared with other jobs, wall time measures the neighbours too. On an idle
machine the two agree (the engine is single-threaded).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def paragraphs_of(path: Path) -> list[str]:
    """The paragraph texts of a generated seed (the header date dropped)."""
    body = path.read_text(encoding="utf-8").lstrip().split(None, 2)[2]
    return [
        " ".join(line.strip() for line in p.splitlines() if line.strip())
        for p in body.split("\n\n")
        if p.strip()
    ]


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gold-split", help="time the articles of this split of tests/gold")
    args = parser.parse_args(argv)

    load = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t0 = time.perf_counter(); "
            "from corpus_tools.annotate.language import load_model; "
            "t1 = time.perf_counter(); load_model(); t2 = time.perf_counter(); "
            "print((t1 - t0) * 1000, (t2 - t1) * 1000)",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    if args.gold_split:
        sys.path.insert(0, str(HERE))
        import annotation_eval

        docs = [
            paragraphs_of(seed)
            for seed, _ in annotation_eval.load_gold(annotation_eval.DEFAULT_GOLD)
            if annotation_eval.in_split(seed, args.gold_split)
        ]
        return _measure(docs, load, f"{args.gold_split} gold")
    return _measure(_generated(args.docs, args.seed), load, "generated")


def _generated(n: int, seed: int) -> list[list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--docs",
                str(n),
                "--out",
                tmp,
                "--seed",
                str(seed),
            ],
            check=True,
            capture_output=True,
        )
        return [paragraphs_of(p) for p in sorted(Path(tmp, "seeds").glob("*.txt"))]


def _measure(docs: list[list[str]], load: subprocess.CompletedProcess[str], what: str) -> int:
    from corpus_tools.annotate import (
        annotate_document,
        attribute,
        classify,
        find_parts,
        identify_document,
        make_title,
        uncased,
        uncased_types,
    )

    for paras in docs[:20]:
        annotate_document(paras, doc_id="d")
    stages = dict.fromkeys(("language", "quotation parts", "types", "speakers", "title"), 0.0)
    total = 0.0
    for paras in docs:
        t0 = time.process_time()
        guess = identify_document(paras)
        t1 = time.process_time()
        lang = guess.lang if guess.lang != "und" else None
        found = find_parts(paras, lang=lang)
        t2 = time.process_time()
        parts = classify(paras, found.parts, lang=lang, attributions=found.attributions)
        if lang is not None and uncased.handles(lang):
            parts = uncased_types.retype(paras, parts, lang=lang)
        t3 = time.process_time()
        if lang is not None and uncased.handles(lang):
            parts, _ = uncased.attribute(paras, parts, doc_id="d", lang=lang)
        else:
            parts, _ = attribute(
                paras, parts, doc_id="d", lang=lang, attributions=found.attributions
            )
        t4 = time.process_time()
        make_title(paras[0], lang=lang, parts=parts)
        t5 = time.process_time()
        annotate_document(paras, doc_id="d")
        total += time.process_time() - t5
        for key, dt in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            stages[key] += dt
    n = len(docs)
    chars = sum(sum(map(len, d)) for d in docs) / n
    imported, loaded = (float(x) for x in load.stdout.split())
    print(f"fresh process: import {imported:.1f} ms, model load {loaded:.1f} ms")
    print(f"{n} {what} documents, {chars:.0f} characters on average")
    for key, seconds in stages.items():
        print(f"  {key:16s} {seconds / n * 1000:7.3f} ms per document")
    print(f"  {'annotate_document':16s} {total / n * 1000:7.3f} ms per document (all stages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
