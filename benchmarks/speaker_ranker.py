"""Learn, check and write the speaker ranker's weights from the gold set.

``python benchmarks/speaker_ranker.py [--train development] [--check held-out]
[--write]`` runs the speaker rules (without the ranker) over the gold articles of the
``--train`` split, collects every speech quotation's candidates
(:func:`corpus_tools.annotate.speakers.attribute` with ``trace``) and labels each one
with the guidelines' speaker test against the gold speaker, then fits a conditional
log-linear model (a softmax over each quotation's candidates, L2-regularised, by
gradient descent; numpy). It prints speaker accuracy of the rules alone and of the
rules with the ranker, on the training split by five-fold cross-validation over
articles and on the ``--check`` split, and with ``--write`` stores the weights in
``corpus_tools/annotate/speaker_ranker.json``, which the converter then uses.

Only quotations whose gold speaker is among the candidates teach the model; every
quotation with a gold speaker counts in the accuracies.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import annotation_eval as ae  # noqa: E402

from corpus_tools.annotate import ranking  # noqa: E402
from corpus_tools.annotate.classify import classify  # noqa: E402
from corpus_tools.annotate.quotations import find_parts  # noqa: E402
from corpus_tools.annotate.speakers import attribute  # noqa: E402

OUT = HERE.parent / "corpus_tools" / "annotate" / "speaker_ranker.json"

# One quotation: its candidates' facts, which of them match the gold speaker, the
# index of the rules' choice, and the article it comes from.
Sample = tuple[np.ndarray, np.ndarray, int, str]


def samples(split: str) -> list[Sample]:
    """The speech quotations of a split that have a gold speaker."""
    out: list[Sample] = []
    for gold, paragraphs, lang in ae.converted(split):
        found = find_parts(paragraphs, lang=lang)
        parts = classify(paragraphs, found.parts, lang=lang, attributions=found.attributions)
        trace: list[Any] = []
        attribute(
            paragraphs,
            parts,
            doc_id=gold["id"],
            lang=lang,
            attributions=found.attributions,
            rank=False,
            trace=trace,
        )
        wanted = {
            (g.paragraph, ae.normalise(g.text)): g.speaker["name"]
            for g in ae.gold_parts(gold)
            if g.is_speech and g.speaker
        }
        for chain, candidates, rule in trace:
            first = chain[0]
            name = wanted.get((first.paragraph, ae.normalise(first.text)))
            if name is None:
                continue
            labels = []
            for i, c in enumerate(candidates):
                said = {"name": c.name, "mention": c.mention} if i == rule else {"name": c.name}
                labels.append(c.key is not None and ae.speaker_matches(said, name, gold["lang"]))
            facts = np.array([c.facts for c in candidates], dtype=float)
            out.append((facts, np.array(labels, dtype=bool), rule, gold["id"]))
    return out


def fit(data: list[Sample], l2: float = 0.001, steps: int = 2000, rate: float = 1.0) -> np.ndarray:
    """Weights that make each quotation's right candidates likely among its others."""
    usable = [(f, y) for f, y, _, _ in data if y.any() and len(y) > 1]
    width = max(len(y) for _, y in usable)
    facts = np.zeros((len(usable), width, len(ranking.FEATURES)))
    mask = np.zeros((len(usable), width), dtype=bool)
    right = np.zeros((len(usable), width))
    for n, (f, y) in enumerate(usable):
        facts[n, : len(y)] = f
        mask[n, : len(y)] = True
        right[n, : len(y)] = y
    w = np.zeros(len(ranking.FEATURES))
    for _ in range(steps):
        s = np.where(mask, facts @ w, -np.inf)
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        q = p * right
        q /= q.sum(axis=1, keepdims=True)
        grad = l2 * w + np.einsum("nk,nkd->d", p - q, facts) / len(usable)
        w -= rate * grad
    return w


def accuracy(data: list[Sample], w: np.ndarray | None) -> tuple[int, int]:
    """(right, total) when the rules decide alone (None) or with the ranker."""
    right = 0
    weights = tuple(round(float(x), 4) for x in w) if w is not None else None
    for f, y, rule, _ in data:
        pick = rule
        if weights is not None:
            candidates = [ranking.Candidate("k", "", "", tuple(row)) for row in f.tolist()]
            pick = ranking.choose(candidates, rule, weights)
        right += bool(y[pick])
    return right, len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--train", default="development", choices=ae.SPLITS)
    parser.add_argument("--check", default="held-out", choices=ae.SPLITS)
    parser.add_argument("--write", action="store_true", help="store the weights")
    args = parser.parse_args(argv)
    if args.write and (args.train != "development" or args.check == args.train):
        # The held-out batch is scored once, blind: never learned from.
        parser.error("--write learns from the development split only")
    train = samples(args.train)
    check = samples(args.check)
    # Five folds by article, so that a quotation is never judged by weights learned
    # from its own article.
    ids = sorted({s[3] for s in train})
    folds = [set(ids[k::5]) for k in range(5)]
    cv_rules = cv_ranked = 0
    for fold in folds:
        w = fit([s for s in train if s[3] not in fold])
        held = [s for s in train if s[3] in fold]
        cv_rules += accuracy(held, None)[0]
        cv_ranked += accuracy(held, w)[0]
    w = fit(train)
    n = len(train)
    print(
        f"{args.train}: {n} quotations; five-fold by article: rules {cv_rules / n:.4f}, "
        f"with the ranker {cv_ranked / n:.4f}"
    )
    r, m = accuracy(check, None)
    rr, _ = accuracy(check, w)
    print(
        f"{args.check}: {m} quotations; rules {r / m:.4f} ({r}), with the ranker {rr / m:.4f} ({rr})"
    )
    for name, x in zip(ranking.FEATURES, w, strict=True):
        print(f"  {name:16} {x:+.4f}")
    if args.write:
        data = {
            "about": "Speaker ranker weights (corpus_tools/annotate/ranking.py), learned by "
            f"benchmarks/speaker_ranker.py on the gold set's {args.train} split.",
            "features": list(ranking.FEATURES),
            "weights": [round(float(x), 4) for x in w],
        }
        OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
