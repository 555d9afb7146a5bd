"""Quotation types by function: ``speech``, ``title``, ``name`` or ``term``.

Each quotation (all its linked parts together) is scored on signals; the highest score
wins (ties: speech, title, name, term). Signals, with their weights in :data:`WEIGHTS`:

* structure: a dialogue line, a quotation in several parts, an attribution the finder
  found between parts -> speech;
* the sentence around it (other quotations masked): a speech verb just after (``”, he
  said``) or before (``called the plan “…”``), a source marker (``according to``,
  ``по словам``), a colon right before, a speech-cue noun (``statement``), a verb form
  of indirect speech (German ``sei``, ``habe``: ``reported_mood``);
* cue nouns next to it, from the language's table: title (novel, Zeitung, фильм),
  name (company, tanker, концерн; legal forms such as ОАО, GmbH), term (so-called,
  так называемый, sogenannt) -- before it, also at the end of a compound
  (Forschungsschiff, produktionsbolaget), or the word right after it;
* an outlet: a short capitalised quotation right after a speech verb or a source
  marker and an article or preposition (``sagte der „Bild“``, ``Segundo a “Folha”``)
  is a title; one glued to a speech verb that has an object after it is the verb's
  subject (``Il “Corriere” definisce …``), so the verb says nothing about speech;
* its own shape: sentence punctuation inside the marks, length in words, the
  capitalisation pattern (a single capitalised word reads as a name, Title Case as a
  title, a short lower-case phrase as a term).

Nested quotations are typed on their own, in the sentence of the quotation around
them. Languages without a table use the union of all tables (see ``tables.py``) and
the language-neutral signals.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from corpus_tools.annotate.context import PartIndex, sentence_starts
from corpus_tools.annotate.quotations import Attribution, QuotationPart, with_fields
from corpus_tools.annotate.tables import (
    Tables,
    WordList,
    bare,
    ends_compound,
    learned,
    tables_for,
    words,
    words_as_written,
)

TYPES = ("speech", "title", "name", "term")

# Each signal's weight for each type it argues for, set by hand. A table learned from
# the gold set (``type_weights.json`` beside this module, written by
# ``benchmarks/type_weights.py``) replaces it where present: the same signals, a weight
# for every type, and a bias per type.
WEIGHTS: dict[str, dict[str, float]] = {
    "several_parts": {"speech": 6.0},
    "attribution": {"speech": 6.0},
    "colon_before": {"speech": 3.0},
    "verb_after": {"speech": 4.0},
    "verb_after_far": {"speech": 2.0},
    "verb_before": {"speech": 2.5},
    "verb_before_far": {"speech": 1.0},
    "source_marker": {"speech": 4.0},
    "speech_cue": {"speech": 1.5},
    "sentence_inside": {"speech": 2.5},
    "comma_inside": {"speech": 2.0},
    "long": {"speech": 2.0},
    "medium": {"speech": 1.0},
    "lowercase_long": {"speech": 1.0},
    "title_cue": {"title": 4.5},
    "compound_title_cue": {"title": 4.5},
    "name_cue": {"name": 4.5},
    "org_form": {"name": 6.0},
    "term_cue": {"term": 5.0},
    "single_capitalised": {"name": 2.0},
    "short_capitalised": {"name": 1.0, "title": 1.0},
    "title_case": {"title": 2.0},
    "short_lowercase": {"term": 2.0},
    "nested_short": {"term": 1.5},
    "told_outlet": {"title": 5.0},
    "title_cue_inside": {"title": 1.0},
    "name_cue_inside": {"name": 1.0},
    "reported_mood": {"speech": 1.0},
}
SIGNALS = tuple(WEIGHTS)


@cache
def weights() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """The weights in use and the bias of each type: the learned table where the
    package holds one for exactly these signals, else the hand-set one (no bias)."""
    data = learned(
        "type_weights.json",
        {"signals": SIGNALS, "types": TYPES},
        {"weights": len(SIGNALS), "bias": len(TYPES)},
    )
    if data is None:
        return WEIGHTS, dict.fromkeys(TYPES, 0.0)
    table = {
        signal: dict(zip(TYPES, map(float, row), strict=True))
        for signal, row in zip(SIGNALS, data["weights"], strict=True)
    }
    return table, dict(zip(TYPES, map(float, data["bias"]), strict=True))


@cache
def _rows() -> tuple[dict[str, tuple[float, ...]], tuple[float, ...]]:
    """The weights in use as one row per signal (a weight per type, in TYPES order)."""
    table, bias = weights()
    rows = {sig: tuple(table[sig].get(kind, 0.0) for kind in TYPES) for sig in table}
    return rows, tuple(bias[kind] for kind in TYPES)


def weigh(active: dict[str, float]) -> dict[str, float]:
    """Each type's score: its bias and the weights of the signals that fired, added in
    the order the signals fired and rounded, so that every machine ranks the types
    alike."""
    rows, bias = _rows()
    sums = list(bias)
    for sig, value in active.items():
        row = rows[sig]
        for i in range(len(sums)):
            sums[i] += row[i] * value
    return {kind: round(total, 9) for kind, total in zip(TYPES, sums, strict=True)}


# A sentence's end, with the stops of scripts beyond the Latin, Greek and Cyrillic ones:
# the ideographic full stop and the full-width marks of Chinese and Japanese (followed by
# no space), the Arabic question mark, the Devanagari danda and the Urdu full stop.
_STOPS = ".!?…。！？؟।۔"
_STOPS_OR_COMMA = _STOPS + ",，、،"
_SENTENCE_INSIDE = re.compile(r"[.!?…؟।۔][ \u00a0]+\S|[。！？][^\s」』”’\"]")
_COLONS = (":", "：")
# Han and kana: scripts written without spaces between words, where a run of letters
# is several words. One per three letters: a name or a coined term runs to six or
# eight letters there, a quoted sentence to fifteen or more, so that it counts as long
# as one elsewhere. (Thai, Lao, Myanmar and Khmer runs are cut at their combining marks
# already, into pieces about a word long.)
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _cased(text: str) -> bool:
    """True when the first letter of ``text`` is of a script with upper and lower case."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.upper() != first.lower()


def word_count(ws: list[str]) -> int:
    """How many words the tokens ``ws`` (from :func:`words`) hold: one each, or for a
    token with Han or kana letters, one per three of them (one at least), and one for
    its other letters where it has two or more."""
    count = 0
    for w in ws:
        unspaced = len(_UNSPACED.findall(w)) if not w.isascii() else 0
        if not unspaced:
            count += 1
        else:
            rest = len(w) - unspaced
            count += max(1, unspaced // 3) + (1 if rest >= 2 else 0)
    return count


# The marks of Chinese and South Korean press that set off a title and nothing else
# (North Korean press quotes words in 《》 too: then a stop inside or a quotative ending
# after says so); Japanese sets words off in 〈〉 for emphasis.
_TITLE_MARKS = {"zh": frozenset("《〈"), "ko": frozenset("《〈")}
# Korean quotative endings after a quotation: the words were said ("…》라고 강조하였다").
_KO_QUOTATIVE = re.compile(r"(?:이?라고|고|라며|이라며|이라는|라는)(?!\w)")
_KO_SAID = re.compile(r"(?:이?라고|고|라며|이라며)(?!\w)")
# Japanese: 『』 outside any quotation set off a work's title, except where the quotative
# particle follows (words said: 『ありがとう』と) or いわゆる (so-called) stands before.
_JA_QUOTATIVE = re.compile(r"(?:と|って|という|といった)")


def _short_function_verb(ws: list[str], a: int, b: int, t: Tables) -> bool:
    """True for a speech verb of the table at ``ws[a:a + b]`` that is a word of two or
    three letters and a function word too (de "so"): it says who spoke only right after
    the quotation ("„…“, so der Minister"), not before it ("so viel")."""
    return b == 1 and len(ws[a]) <= 3 and ws[a] in t.stopwords


def _far_verb(bw: list[str], far: list[tuple[int, int]], stripped: str, t: Tables) -> bool:
    """True where a verb of speech stands more than twelve words before a quotation
    (the words ``bw`` before it in its sentence; ``far``, the verbs of speech found in
    them up to twelve words before it) that may be the verb's subject's words.
    Not a source marker or a word of two or three letters that is a function word too
    (hu "szerint", de "so"); not a nickname ("known locally as “the Cat”", « le
    Fantôme », «l’Acrobate»), and not after a preposition or an article: there the
    words are something named ("a rejection of « passoires thermiques »", "na „bezpieczne
    konto”"), not said."""
    if not any(
        not (_short_function_verb(bw, a, b, t) or (b == 1 and bw[a] in t.source_markers))
        for a, b in far
    ):
        return False
    prev = bw[-1]
    if (
        prev in t.stopwords
        or prev in t.determiners
        or prev in t.complementizers
        or prev in t.complement_prepositions
    ):
        return False
    return t.nouns_capitalised or not _nickname(stripped, t)


def _nickname(text: str, t: Tables) -> bool:
    """True for a nickname's shape: an article, then a capitalised word ("the Cat", «il
    Capitano», «l’Acrobate»)."""
    ws = words_as_written(text)
    if not ws or not ws[0][:1].islower():
        return False
    head, elided, tail = ws[0].replace("’", "'").partition("'")
    if elided and tail[:1].isupper():
        return head.lower() in t.determiners
    return len(ws) >= 2 and ws[0].lower() in t.determiners and ws[1][:1].isupper()


def _quotative_after(after: str, lang: str | None) -> bool:
    """True where a quotative particle glued to the closing mark says the words were
    said, in languages that mark quotations so instead of with a verb of a table:
    Japanese 「…」と述べた (not 「…」という, named so), Korean "…"라고 말했다 (not
    "…"이라는, named so)."""
    primary = (lang or "").split("-")[0]
    if primary == "ja":
        return after[:1] == "と" and not after.startswith(("という", "といった", "と「", "と『"))
    if primary == "ko":
        return _KO_SAID.match(after) is not None
    return False


def _title_by_marks(part: QuotationPart, paragraphs: list[str], lang: str | None) -> bool:
    """True where the marks themselves say title: 《》〈〉 in Chinese and Korean, 『』
    outside a quotation in Japanese (see :data:`_TITLE_MARKS`, :data:`_JA_QUOTATIVE`)."""
    marks = part.marks or ""
    if not marks or marks[0] not in "《〈『":
        return False  # (most quotations: no mark of these presses)
    primary = (lang or "").split("-")[0]
    text = paragraphs[part.paragraph - 1] if part.end.paragraph == part.paragraph else ""
    inner = _inner(part)
    after = text[part.end.offset : part.end.offset + 4]
    if marks[:1] in _TITLE_MARKS.get(primary, ()):
        if any(ch in _STOPS for ch in inner.rstrip()[-1:]):
            return False
        return not (primary == "ko" and _KO_QUOTATIVE.match(after))
    if marks == "『』" and primary == "ja" and part.depth == 0:
        before = text[max(0, part.start.offset - 4) : part.start.offset]
        return not (_JA_QUOTATIVE.match(after) or before.endswith("いわゆる"))
    return False


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "di",
        "del",
        "della",
        "da",
        "do",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "het",
        "und",
        "y",
        "e",
        "i",
        "et",
        "of",
        "за",
        "на",
        "в",
        "и",
        "с",
    ]
)


def _cue_near(
    cues: WordList,
    before: list[str],
    after: list[str],
    *,
    back: int = 3,
    ahead: int = 1,
    compounds: bool = True,
) -> tuple[bool, bool]:
    """(a cue among the last ``back`` words before, a cue among the first ``ahead`` after).

    A cue right before the quotation may also end a compound ("Segelschulschiff",
    "produktionsbolaget", "Tageszeitung"): stems of five letters or more are looked
    for inside that word."""
    tail = before[-back:]
    hit_before = any(s + n >= len(tail) - 1 for s, n in cues.find(tail))
    if compounds and not hit_before and tail and len(tail[-1]) >= 8:
        hit_before = ends_compound(tail[-1], _stems(cues))
    hit_after = any(s < ahead for s, _ in cues.find(after[: ahead + 2]))
    return hit_before, hit_after


def _capitalised_only(text: str, bare_words: list[str], forms: WordList) -> list[str]:
    """``bare_words`` (the words of ``text``) with the legal forms of two letters that
    are written in lower case blanked: SE, SA, AB are written in capitals, while "se",
    "sa", "ab" are everyday words; longer forms ("sp. z o.o.", "plc") are often written
    in lower case."""
    written = words_as_written(text)
    if len(written) != len(bare_words):
        return bare_words
    return [
        "" if len(w) <= 2 and not w[:1].isupper() and b in forms else b
        for w, b in zip(written, bare_words, strict=True)
    ]


_STEMS: dict[int, tuple[str, ...]] = {}


def _stems(cues: WordList) -> tuple[str, ...]:
    """The one-word entries of five letters or more of a cue list (cached per list)."""
    key = id(cues)
    if key not in _STEMS:
        _STEMS[key] = tuple(
            sorted(
                {e.rstrip("*") for e in cues.entries if " " not in e and len(e.rstrip("*")) >= 5}
            )
        )
    return _STEMS[key]


def _capitalisation(inner: str) -> tuple[bool, bool, bool]:
    """(first word capitalised, every content word capitalised, any letter at all)."""
    tokens = re.findall(r"[^\W\d_][\w'’.-]*", inner)
    if not tokens:
        return False, False, False
    first = tokens[0][0].isupper()
    content = [w for w in tokens if w.lower() not in _FUNCTION_WORDS]
    all_caps = bool(content) and all(w[0].isupper() for w in content)
    return first, all_caps, True


def signals(
    inner: str,
    before: str,
    after: str,
    t: Tables,
    *,
    several_parts: bool = False,
    attributed: bool = False,
    nested: bool = False,
    lang: str | None = None,
) -> dict[str, float]:
    """The signals that fire for a quotation whose words are ``inner``, in a sentence
    that reads ``before`` … ``after`` around it, with their strength (1, or how often);
    ``lang``: the document's language, where the tables ``t`` are not its own."""
    active: dict[str, float] = {}

    def hit(signal: str, value: float = 1.0) -> None:
        active[signal] = active.get(signal, 0.0) + value

    # Cue words are listed bare: "l'entreprise", "dell'associazione" read as the noun.
    bw, aw = [bare(x) for x in words(before)], [bare(x) for x in words(after)]
    ws = words(inner)
    n = word_count(ws)
    stripped = inner.strip(" \u00a0")
    if several_parts:
        hit("several_parts")
    if attributed:
        hit("attribution")
    lead = before.rstrip(" \u00a0")
    if lead.endswith(":") or (
        # After a full-width colon, a sentence, not a keyword or slogan ("关键词只有两个：
        # “减负”").
        lead.endswith("：") and (n >= 8 or stripped[-1:] in _STOPS)
    ):
        hit("colon_before")
    first_cap, title_case, has_letters = _capitalisation(stripped)
    if (
        title_case
        and sum(w[:1].isupper() for w in words_as_written(stripped)) >= 2
        and stripped[-1:] in ".,"
        and not _SENTENCE_INSIDE.search(stripped[:-1])
        and not any(ch in ".!?…,;:" for ch in stripped[:-1])
    ):
        # A name in Title Case with the sentence's comma or stop inside the marks, as
        # American English writes them (“Clearbrook Civic Services,”): the mark is
        # the sentence's, not the quotation's.
        stripped = stripped[:-1]
    punctuated = stripped[-1:] in _STOPS_OR_COMMA
    # A short capitalised quotation the sentence goes on from without punctuation is
    # the subject of the verb after it ("Il “Corriere della Sera” definisce", "У
    # «Беларускай чыгунцы» паабяцалі"), or what a source marker or speech verb right
    # before it names ("Segundo a “Folha de S.Paulo”", "sagte der „Bild“"): an
    # outlet or a body, not words said.
    named = (
        has_letters
        and first_cap
        and not punctuated
        and (title_case or n <= 2)
        and n <= 4
        and not _SENTENCE_INSIDE.search(stripped)
        and "," not in stripped
    )
    glued = (after[:1] not in ",.;:!?—–-)" and not after[:1].isspace()) or (
        after[:1].isspace() and after.lstrip(" \u00a0")[:1] not in ",.;:!?—–-)"
    )
    # A verb after a relative pronoun has that pronoun as its subject ("l'association
    # « 40 millions d'automobilistes », qui dénonce"): it does not say this was said.
    verbs_after = [
        (a, b)
        for a, b in t.speech_verbs.find(aw[:6])
        if a < 4 and not any(x in t.relatives for x in aw[:a])
    ]
    # Verb-final order ends the sentence with the verb ("“Yollar açık” dedi."): the
    # quotation is what was said. A subject has the verb's object after it.
    # (Right after it: "« TotalEnergies » a protesté" is the subject and its verb.)
    ends_with_verb = (
        bool(verbs_after)
        and verbs_after[0][0] == 0
        and verbs_after[0][0] + verbs_after[0][1] >= len(aw)
    )
    if (verbs_after and not (named and glued and not ends_with_verb)) or _quotative_after(
        after, lang or t.lang
    ):
        hit("verb_after")
    elif (
        # Not after a relative pronoun ("« … », qui dénonce …"): its subject is the
        # pronoun. (This also passes over "“…,” a fund manager who asked … said".)
        any(not any(x in t.relatives for x in aw[:a]) for a, _ in t.speech_verbs.find(aw[:14]))
        and after.lstrip(" \u00a0")[:1] in ",—–-"
    ):
        hit("verb_after_far")  # “…,” the minister added later in the sentence
    # The word right before is the marker, or a determiner or preposition right after
    # the marker or verb ("Segundo a", "sagte der", "a spus pentru").
    outlet = (
        named
        and bool(bw)
        and (
            bw[-1] in t.source_markers
            or (
                len(bw) >= 2
                and (bw[-1] in t.determiners or bw[-1] in t.stopwords)
                and (bw[-2] in t.source_markers or bw[-2] in t.speech_verbs)
            )
        )
    )
    # A short capitalised quotation right after a preposition or an article is what
    # that word governs ("в матче с «Зенитом»", "der Autobauer „Volkswagen“"), not
    # the object of a speech verb earlier in the sentence.
    governed = (
        named
        and bool(bw)
        and (bw[-1] in t.stopwords or bw[-1] in t.determiners)
        and not lead.endswith(_COLONS)
    )
    far = t.speech_verbs.find(bw[:-12])
    if outlet:
        hit("told_outlet")
    elif (
        not governed
        and (
            any(
                not _short_function_verb(bw[-12:], a, b, t)
                for a, b in t.speech_verbs.find(bw[-12:])
            )
            # However far back, a verb of speech whose clause the quotation is in ("warned
            # that the price … could leave ratepayers “holding the bag”"): the quoted words
            # are part of what the subject said.
            or any(
                any(w in t.complementizers for w in bw[a + b : a + b + 3])
                and not _short_function_verb(bw, a, b, t)
                for a, b in far
            )
        )
    ):
        hit("verb_before")
    elif not governed and _far_verb(bw, far, stripped, t):
        # A verb of speech further back in the sentence, with no "that" after it ("Mark
        # Ellison said his client had developed … and was ‘deeply ashamed’"): weaker.
        hit("verb_before_far")
    if t.source_markers.find(bw) and not outlet:
        hit("source_marker")
    if t.speech_cues.find(bw[-12:]):
        hit("speech_cue")
    if t.reported_mood.find(bw[-12:]) or t.reported_mood.find(aw[:8]):
        hit("reported_mood")  # "er habe aber „jedes Maß verloren“", "sei „zumutbar“"
    if stripped[-1:] in _STOPS_OR_COMMA or _SENTENCE_INSIDE.search(stripped):
        hit("sentence_inside")
    if stripped[-1:] in ",，、،":
        hit("comma_inside")  # “…,” he said: an attribution follows
    if n >= 8:
        hit("long")
    elif n >= 4:
        hit("medium")

    # Titles and names are capitalised wherever the script has case: a lower-case
    # quotation after "plan" is somebody's words about the plan, not its name.
    lower_start = bool(stripped) and stripped.lstrip("\"'¿¡(")[:1].islower()
    kinds = (("title", t.title_cues), ("name", t.name_cues), ("term", t.term_cues))
    # Each list is looked up in the words around the quotation once (the three passes
    # below asked the same); only the compound reading differs between them.
    listed: dict[str, tuple[bool, bool]] = {}

    def cue_near(kind: str, cues: WordList, compounds: bool = True) -> tuple[bool, bool]:
        if kind not in listed:
            listed[kind] = _cue_near(cues, bw, aw, compounds=False)
        hit_before, hit_after = listed[kind]
        if compounds and not hit_before and bw and len(bw[-1]) >= 8:
            hit_before = ends_compound(bw[-1], _stems(cues))
        return hit_before, hit_after

    # Compounds are read only where no list knows the word itself ("sogenannte" is a
    # term cue, although it ends like "genannt").
    exact = any(cue_near(kind, cues, compounds=False)[0] for kind, cues in kinds)
    # Only where no cue is right before it (nor ends the word before: "av
    # produktionsbolaget „Nordljus Film”"), a cue two words back may head its phrase.
    headed = (
        named
        and len(bw) >= 3
        and bw[-2] in t.stopwords
        and not exact
        and not any(cue_near(kind, cues)[0] for kind, cues in kinds)
    )
    for kind, cues in kinds:
        hit_before, hit_after = cue_near(kind, cues, compounds=not exact)
        if kind != "term" and lower_start:
            continue
        if kind == "term":
            hit_after = False  # "so-called" comes before what it qualifies
        elif headed and not lower_start:
            # The cue heads a noun with its complement: "companhia de saneamento
            # “Águas de Campinas”", "компания за софтуер „X“".
            hit_before = bool(cues.find(bw[-3:-2]))
        if hit_before or hit_after:
            hit(f"{kind}_cue")
    # A legal form of two letters is written in capitals (SE, SA): "« … », se réjouit
    # X" and "sa" (his) are not one.
    org_before, org_after = _cue_near(
        t.org_forms,
        _capitalised_only(before, bw, t.org_forms),
        _capitalised_only(after, aw, t.org_forms),
        back=2,
        ahead=1,
    )
    if org_before or org_after:
        hit("org_form")
    if after[:1] in "-‑" and aw and aw[0] in t.title_cues:  # „Tatort“-Folge
        hit("compound_title_cue")

    if named and not lower_start:
        # A cue word among its own words: "Giornale di Lecce", "Nordsee Reederei".
        own = [bare(x) for x in ws]
        # Mastheads of every language: papers are quoted across borders ("«Stuttgarter
        # Zeitung»" in an Italian article).
        every = tables_for(None)
        if (
            t.title_cues.find(own)
            or every.mastheads.find(own)
            or any(ends_compound(w, every.masthead_stems.entries) for w in own)
        ):
            hit("title_cue_inside")
        if t.name_cues.find(own) or t.org_forms.find(own):
            hit("name_cue_inside")
    if has_letters and not punctuated and not t.nouns_capitalised:
        # Where every noun is capitalised (German), capitals tell a name from a word
        # no better than a lower-case letter tells a term from speech; in a script
        # without case (Han, Arabic, Devanagari, Hangul) they tell nothing.
        cased = _cased(stripped)
        if first_cap and n == 1:
            hit("single_capitalised")
        elif first_cap and n <= 4:
            hit("short_capitalised")
        if title_case and n >= 2:
            hit("title_case")
        if cased and not first_cap and n <= 3:
            hit("short_lowercase")
        if cased and not first_cap and n >= 4:
            hit("lowercase_long")
        if nested and n <= 3:
            hit("nested_short")
    return active


def score(inner: str, before: str, after: str, t: Tables, **flags: Any) -> dict[str, float]:
    """The score of each type for a quotation whose words are ``inner``, in a sentence
    that reads ``before`` … ``after`` around it (:func:`signals` with the same
    keywords, then :func:`weigh`)."""
    return weigh(signals(inner, before, after, t, **flags))


def decide(scores: dict[str, float], inner: str, fired: bool | None = None) -> str:
    """The type with the highest score; without any signal (``fired``; by default: no
    score above zero), decide by shape."""
    best = max(TYPES, key=lambda k: (scores[k], -TYPES.index(k)))
    if fired if fired is not None else scores[best] > 0:
        return best
    if word_count(words(inner)) >= 4:
        return "speech"
    first_cap, _, _ = _capitalisation(inner)
    return "name" if first_cap else "term"


def _inner(part: QuotationPart) -> str:
    text = part.text
    if part.kind == "dialogue":
        return text.lstrip("—–― \u00a0")
    if part.marks:
        if text[:1] == part.marks[0]:
            text = text[1:]
        if part.marks[-1:] and text[-1:] == part.marks[-1]:
            text = text[:-1]
    return text


def chains(parts: tuple[QuotationPart, ...] | list[QuotationPart]) -> list[list[QuotationPart]]:
    """The quotations: lists of linked parts, first part first, in document order."""
    by_id = {p.id: p for p in parts}
    out: list[list[QuotationPart]] = []
    for p in parts:
        if p.prev is not None and p.prev in by_id:
            continue
        chain = [p]
        while chain[-1].next is not None and chain[-1].next in by_id:
            chain.append(by_id[chain[-1].next])
        out.append(chain)
    return out


def classify(
    paragraphs: list[str],
    parts: tuple[QuotationPart, ...],
    *,
    lang: str | None = None,
    attributions: tuple[Attribution, ...] = (),
    trace: list[tuple[list[QuotationPart], dict[str, float]]] | None = None,
) -> tuple[QuotationPart, ...]:
    """Give every part a ``type``; the parts of one quotation share it. ``trace``: a
    list that receives each quotation typed by its signals (not dialogue lines, which
    are speech) with the signals that fired (what ``benchmarks/type_weights.py``
    learns from)."""
    t = tables_for(lang)
    attributed = {a.part for a in attributions}
    index = PartIndex(parts)
    types: dict[str, str] = {}
    for chain in chains(parts):
        first, last = chain[0], chain[-1]
        if first.kind == "dialogue":
            kind = "speech"
        elif _title_by_marks(first, paragraphs, lang):
            kind = "title"  # 《人民日报》, 『朝日新聞』
        else:
            ctx_first = index.context(first, paragraphs, t)
            ctx_last = index.context(last, paragraphs, t)
            inner = " ".join(_inner(p) for p in chain)
            before = ctx_first.before
            if first.start.offset <= 2 and first.paragraph > 1 and first.depth == 0:
                # A quotation that opens its paragraph after "The minister said:".
                prev = paragraphs[first.paragraph - 2].rstrip()
                if prev.endswith(_COLONS):
                    before = prev[sentence_starts(prev, t)[-1] :] + " " + before
            active = signals(
                inner,
                before,
                ctx_last.after,
                t,
                several_parts=len(chain) > 1,
                attributed=any(p.id in attributed for p in chain),
                nested=first.depth > 0,
                lang=lang,
            )
            if trace is not None:
                trace.append((chain, active))
            kind = decide(weigh(active), inner, fired=bool(active))
        for p in chain:
            types[p.id] = kind
    return tuple(with_fields(p, type=types[p.id]) for p in parts)
