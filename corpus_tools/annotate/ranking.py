"""A learned second opinion on the speaker rules: a log-linear ranker over the persons
a quotation may be attributed to.

The rules in :mod:`corpus_tools.annotate.speakers` pick one speaker per quotation. On
text they were not built on they are right about three times in four, and in more than
half of the wrong cases the right person is one the article names nearby. For every
speech quotation the rules' choice and those persons become candidates, each described
by a few facts, the same in every language (:data:`FEATURES`: is it the rules' choice
and how the rules found it, how near the quotation the candidate is named, whether it
spoke before, whether its gender agrees; one, ``noun_like``, only counts where the
language capitalises its nouns). A weight per fact, learned from the hand-annotated
gold set (``benchmarks/speaker_ranker.py``), scores each candidate; the rules' choice
stands unless another candidate scores higher by :data:`MARGIN`.

The weights live in ``speaker_ranker.json`` beside this module; without that file the
rules decide alone. A score is a sum of weights (four decimals) times facts (0 or 1, and
one logarithm of a count), summed exactly and rounded to nine decimals before it is
compared: machines could only differ on a score within 1e-9 of a rounding boundary.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from functools import cache

from corpus_tools.annotate.tables import learned

# The facts that describe a candidate, in the order of the weights.
FEATURES = (
    "bias",
    "rule",  # the rules chose it
    "rule_pronoun",  # ... through a pronoun
    "rule_zero",  # ... through a verb without a subject, or continuing the speaker before
    "rule_name",  # ... through a name written in the attribution
    "rule_role",  # ... through a role noun or a description that took up a person
    "rule_far",  # ... and named nowhere from three paragraphs before to the one after
    "rule_partial",  # ... for a few words quoted inside a sentence
    "rule_dialogue",  # ... for a dialogue line
    "description",  # an unnamed person or a body as the rules wrote it
    "introduced",  # ... introduced as such with an indefinite article ("a spokesman for …")
    "nobody",  # no speaker: the rules found no attribution
    "question",  # ... for an interviewer's question (a dialogue line that asks)
    "previous",  # the speaker last attributed before this quotation
    "previous_here",  # ... which was in the same paragraph
    "person",  # named where a person is expected (not only after a preposition)
    "main",  # the person named most often in the article
    "namings",  # log(1 + times named)
    "subject",  # named as the subject of a speech verb somewhere
    "speaks_here",  # ... in the quotation's paragraph
    "speaks_before",  # ... in the paragraph before
    "role_match",  # the role noun the rules went by is one the candidate was named with
    "before_near",  # named in the quotation's paragraph, within 80 characters before it
    "before_same",  # named earlier in the quotation's paragraph
    "after_near",  # named within 80 characters after the quotation, same paragraph
    "after_same",  # named later in the quotation's paragraph
    "before_sentence",  # named within 200 characters before the quotation, same paragraph
    "after_sentence",  # named within 200 characters after it
    "paragraph_1",  # named in the paragraph before
    "paragraph_2",  # named two paragraphs before
    "paragraph_3",  # named three paragraphs before
    "next_paragraph",  # named in the paragraph after
    "last_named",  # the person named last before the quotation
    "gender_agrees",  # the gender the attribution shows is the candidate's
    "gender_differs",  # ... is not
    "rule_place",  # the rules' choice is a name only ever written after a preposition
    "rule_nested",  # the quotation is inside another
    "noun_like",  # the candidate is always written where a noun would be (German nouns)
    "inside",  # the candidate is named inside the quotation
)

# The most persons compared with the rules' choice for one quotation (the nearest).
MAX_CANDIDATES = 12

# How much higher than the rules' choice another candidate must score to replace it.
MARGIN = 0.25


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible speaker: its key in the resolver (None: nobody), its name, the
    mention to write when it is chosen, and its facts (one value per
    :data:`FEATURES` entry)."""

    key: str | None
    name: str
    mention: str
    facts: tuple[float, ...]


@cache
def weights() -> tuple[float, ...] | None:
    """The learned weights, or None when the package holds none (or holds them for
    other features)."""
    data = learned("speaker_ranker.json", {"features": FEATURES}, {"weights": len(FEATURES)})
    return None if data is None else tuple(float(w) for w in data["weights"])


def score(facts: tuple[float, ...], w: tuple[float, ...]) -> float:
    """A candidate's score: its facts weighted, rounded so that sums taken in another
    order (or on another machine) compare the same."""
    if len(facts) != len(w):
        raise ValueError(f"{len(facts)} facts for {len(w)} weights")
    # map(mul) instead of a generator: the same products, summed exactly by fsum, at a
    # fraction of the cost (every candidate of every quotation is scored).
    return round(math.fsum(map(operator.mul, facts, w)), 9)


# The rules' choices the ranker never overrules: a name the attribution writes (a word
# of the person's own naming, not a capitalised role such as "the President"), an
# unnamed person the text introduces as such ("A spokesman for the port said"), and
# nobody for an interviewer's question.
FIRM = ("rule_name", "introduced", "question")
_FIRM = tuple(FEATURES.index(name) for name in FIRM)


def firm(candidate: Candidate) -> bool:
    """True for a rules' choice the ranker never overrules (:data:`FIRM`)."""
    return any(candidate.facts[i] for i in _FIRM)


def choose(candidates: list[Candidate], rule: int, w: tuple[float, ...]) -> int:
    """The index of the candidate to keep: the rules' (``rule``) unless another scores
    higher by :data:`MARGIN` (and the rules' choice is not :func:`firm`); among those,
    the highest, the first on a tie."""
    if firm(candidates[rule]):
        return rule
    scores = [score(c.facts, w) for c in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    if best != rule and scores[best] - scores[rule] > MARGIN:
        return best
    return rule
