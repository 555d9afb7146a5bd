"""Learn, check and write the quotation-type weights from the gold set.

``python benchmarks/type_weights.py [--train development] [--check held-out] [--write]``
types the quotations of the gold articles of the ``--train`` split with
:func:`corpus_tools.annotate.classify.classify` (``trace``: each quotation typed by its
signals, with the signals that fired), pairs each with its gold type, and fits a
multinomial logistic model over the same signals (a weight for every signal and type,
and a bias per type), starting from the hand-set weights and held near them (L2
towards them; numpy). It prints type accuracy with the hand-set and the learned
weights, on the training split by five-fold cross-validation over articles and on the
``--check`` split, and with ``--write`` stores the table in
``corpus_tools/annotate/type_weights.json``, which the converter then uses.

Dialogue lines are speech by rule and are not learned from.
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

import importlib  # noqa: E402

import annotation_eval as ae  # noqa: E402

cl = importlib.import_module("corpus_tools.annotate.classify")
from corpus_tools.annotate.quotations import find_parts  # noqa: E402

OUT = HERE.parent / "corpus_tools" / "annotate" / "type_weights.json"
HAND = np.array([[cl.WEIGHTS[s].get(k, 0.0) for k in cl.TYPES] for s in cl.SIGNALS])

# One quotation: its signals' strengths, its gold type's index, whether any signal
# fired, its words (for the shape rule), and its article.
Sample = tuple[np.ndarray, int, bool, str, str]


def samples(split: str) -> list[Sample]:
    """The typed quotations of a split that match a gold part."""
    out: list[Sample] = []
    for gold, paragraphs, lang in ae.converted(split):
        found = find_parts(paragraphs, lang=lang)
        trace: list[Any] = []
        cl.classify(
            paragraphs, found.parts, lang=lang, attributions=found.attributions, trace=trace
        )
        wanted = {(g.paragraph, ae.normalise(g.text)): g.type for g in ae.gold_parts(gold)}
        for chain, active in trace:
            kind = wanted.get((chain[0].paragraph, ae.normalise(chain[0].text)))
            if kind not in cl.TYPES:
                continue
            x = np.array([active.get(s, 0.0) for s in cl.SIGNALS])
            inner = " ".join(cl._inner(p) for p in chain)
            out.append((x, cl.TYPES.index(kind), bool(active), inner, gold["id"]))
    return out


def stored() -> tuple[np.ndarray, np.ndarray]:
    """The table the converter uses now (``type_weights.json``), with the hand-set
    weights for any signal it does not hold yet."""
    data = json.loads(OUT.read_text(encoding="utf-8"))
    rows = dict(zip(data["signals"], data["weights"], strict=True))
    W = np.array(
        [rows.get(s, [cl.WEIGHTS[s].get(k, 0.0) for k in cl.TYPES]) for s in cl.SIGNALS],
        dtype=float,
    )
    return W, np.array(data["bias"], dtype=float)


def fit(
    data: list[Sample],
    l2: float = 0.001,
    steps: int = 6000,
    rate: float = 0.1,
    only: tuple[np.ndarray, np.ndarray, list[int]] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(weights, bias) that make the gold types likely, held near the hand-set ones;
    ``only`` (a start table and row numbers): learn those signals' rows alone, every
    other weight and the bias kept as in the start table."""
    usable = [(x, y) for x, y, fired, _, _ in data if fired]
    X = np.array([x for x, _ in usable])
    Y = np.zeros((len(usable), len(cl.TYPES)))
    Y[np.arange(len(usable)), [y for _, y in usable]] = 1.0
    if only is None:
        W, b = HAND.copy(), np.zeros(len(cl.TYPES))
        rows = np.ones((len(cl.SIGNALS), 1))
        learn_bias = 1.0
    else:
        W, b = only[0].copy(), only[1].copy()
        rows = np.zeros((len(cl.SIGNALS), 1))
        rows[only[2]] = 1.0
        learn_bias = 0.0
    for _ in range(steps):
        s = X @ W + b
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = (p - Y) / len(usable)
        W -= rate * rows * (X.T @ g + l2 * (W - HAND))
        b -= rate * learn_bias * (g.sum(axis=0) + l2 * b)
    return W, b


def accuracy(data: list[Sample], table: tuple[np.ndarray, np.ndarray] | None) -> int:
    """Quotations typed right with the hand-set weights (None) or a learned table."""
    W, b = table if table is not None else (HAND, np.zeros(len(cl.TYPES)))
    right = 0
    for x, y, fired, inner, _ in data:
        s = x @ W + b
        scores = {k: round(float(v), 9) for k, v in zip(cl.TYPES, s, strict=True)}
        right += cl.decide(scores, inner, fired=fired) == cl.TYPES[y]
    return right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--train", default="development", choices=ae.SPLITS)
    parser.add_argument("--check", default="held-out", choices=ae.SPLITS)
    parser.add_argument("--l2", type=float, default=0.001)
    parser.add_argument("--write", action="store_true", help="store the table")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated signals: learn their weights alone, every other weight as "
        "stored (for a new signal, without moving the decisions the others make)",
    )
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n]
    unknown = [n for n in names if n not in cl.SIGNALS]
    if unknown:
        parser.error(f"unknown signals: {', '.join(unknown)}")
    only = (*stored(), [cl.SIGNALS.index(n) for n in names]) if names else None
    base = only[:2] if only is not None else None
    if args.write and (args.train != "development" or args.check == args.train):
        # The held-out batch is scored once, blind: never learned from.
        parser.error("--write learns from the development split only")
    train, check = samples(args.train), samples(args.check)
    ids = sorted({s[4] for s in train})
    folds = [set(ids[k::5]) for k in range(5)]
    # Compared with the hand-set weights, or with the stored table where only some
    # signals are learned.
    against = "stored" if base is not None else "hand-set"
    hand = learned = 0
    for fold in folds:
        table = fit([s for s in train if s[4] not in fold], l2=args.l2, only=only)
        held = [s for s in train if s[4] in fold]
        hand += accuracy(held, base)
        learned += accuracy(held, table)
    n = len(train)
    print(
        f"{args.train}: {n} quotations; five-fold by article: {against} {hand / n:.4f}, "
        f"learned {learned / n:.4f}"
    )
    table = fit(train, l2=args.l2, only=only)
    m = len(check)
    print(
        f"{args.check}: {m} quotations; {against} {accuracy(check, base) / m:.4f}, "
        f"learned {accuracy(check, table) / m:.4f}"
    )
    if args.write:
        W, b = table
        about = (
            "Quotation-type weights (corpus_tools/annotate/classify.py), learned by "
            f"benchmarks/type_weights.py on the gold set's {args.train} split."
        )
        if only is not None:
            previous = json.loads(OUT.read_text(encoding="utf-8"))["about"]
            about = (
                f"{previous} The weights of {', '.join(names)} learned alone, the others "
                f"as they were, on the {args.train} split up to article "
                f"{ae.LAST_DEVELOPMENT:03d}."
            )
        data = {
            "about": about,
            "signals": list(cl.SIGNALS),
            "types": list(cl.TYPES),
            "weights": [[round(float(v), 4) for v in row] for row in W],
            "bias": [round(float(v), 4) for v in b],
        }
        OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
