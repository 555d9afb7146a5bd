"""The hand-annotated gold set (tests/gold/) and the annotation scorer.

(a) every gold article is a valid seed that converts, and every ``.gold.json`` follows the
format of tests/gold/README.md; (b) the scorer (benchmarks/annotation_eval.py) scores a
perfect prediction as perfect and today's output as it is; (c) floors on the scores.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from corpus_tools import convert_seed
from corpus_tools.schema import document_invariants

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
SEED_NAME = re.compile(r"^(\d{3,})_([0-9a-f]{16})\.txt$")
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")
TYPES = {"speech", "title", "name", "term"}
# The list of languages that need at least three gold articles each.
CORE_LANGUAGES = ("en", "ru", "be", "uk", "de", "fr", "pl", "es", "it", "pt", "nl", "cs", "sv")


@functools.cache
def annotation_eval() -> ModuleType:
    """``benchmarks/annotation_eval.py`` (not a package)."""
    spec = importlib.util.spec_from_file_location(
        "annotation_eval", REPO / "benchmarks" / "annotation_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("annotation_eval", module)
    spec.loader.exec_module(module)
    return module


SEEDS = sorted(GOLD.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.gold.json"))


@functools.cache
def converted(seed: Path) -> dict[str, Any]:
    result = convert_seed(seed.read_bytes(), f"seeds/{seed.name}")
    assert result.document is not None, [d.message for d in result.diagnostics]
    return result.document.to_dict()


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# --- (a) the gold set itself -------------------------------------------------------------


def test_every_seed_has_a_valid_name_and_a_gold_file() -> None:
    assert SEEDS, "no gold seeds"
    stems = {p.name.removesuffix(".txt") for p in SEEDS}
    assert stems == {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    sequences = []
    for seed in SEEDS:
        matched = SEED_NAME.match(seed.name)
        assert matched, f"{seed.name}: not NNN_<16 lowercase hex>.txt"
        sequences.append(int(matched.group(1)))
    assert len(sequences) == len(set(sequences)), "sequence numbers repeat"


def test_size_and_languages() -> None:
    langs = Counter(load(p)["lang"] for p in GOLD_FILES)
    assert len(GOLD_FILES) >= 60
    assert len(langs) >= 15
    thin = {lang: langs[lang] for lang in CORE_LANGUAGES if langs[lang] < 3}
    assert not thin, f"fewer than three articles: {thin}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_converts(seed: Path) -> None:
    raw = seed.read_bytes()
    assert raw.startswith(b" date "), "the seed format's header: ' date YYYY-MM-DD ' + lead"
    raw.decode("utf-8")
    # The converter's invariants hold by construction (validate checks them only on
    # documents read from files): here on every gold article.
    assert document_invariants(converted(seed)) is None


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_follows_the_format(path: Path) -> None:
    gold = load(path)
    stem = path.name.removesuffix(".gold.json")
    assert set(gold) == {"id", "lang", "title", "dateline", "quotations"}
    assert gold["id"] == stem
    assert BCP47.match(gold["lang"]), gold["lang"]
    paragraphs = [p["text"] for p in converted(path.with_name(f"{stem}.txt"))["paragraphs"]]
    lead = paragraphs[0]
    dateline = gold["dateline"]
    if dateline is not None:
        assert isinstance(dateline, str)
        assert dateline
        assert lead.startswith(dateline)
        lead = lead[len(dateline) :].lstrip()
    assert isinstance(gold["title"], str)
    assert gold["title"]
    assert lead.startswith(gold["title"]), "the title is the lead's first sentence"
    quotations = gold["quotations"]
    assert isinstance(quotations, list)
    for index, q in enumerate(quotations):
        where = f"quotation {index} ({q.get('text')!r})"
        assert set(q) <= {"paragraph", "text", "type", "speaker", "part_of"}, where
        assert q["type"] in TYPES, where
        assert isinstance(q["paragraph"], int), where
        assert 1 <= q["paragraph"] <= len(paragraphs), where
        assert isinstance(q["text"], str), where
        assert q["text"].strip() == q["text"] != "", where
        assert q["text"] in paragraphs[q["paragraph"] - 1], f"{where}: not in its paragraph"
        if q["type"] == "speech":
            assert "speaker" in q, f"{where}: speech needs a speaker (or null)"
            speaker = q["speaker"]
            if speaker is not None:
                assert set(speaker) == {"name", "mention"}, where
                assert all(isinstance(v, str) and v.strip() for v in speaker.values()), where
        else:
            assert q.get("speaker") is None, f"{where}: only speech has a speaker"
        first = q.get("part_of")
        if first is not None:
            assert isinstance(first, int), where
            assert 0 <= first < index, f"{where}: part_of must point back"
            head = quotations[first]
            assert head.get("part_of") is None, f"{where}: part_of names the first part"
            assert head["type"] == q["type"], f"{where}: parts share the type"
            name = (q.get("speaker") or {}).get("name")
            assert (head.get("speaker") or {}).get("name") == name, f"{where}: parts share it"
            assert head["paragraph"] <= q["paragraph"], where


# --- (b) the scorer ----------------------------------------------------------------------


def perfect_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """A canonical-document dict that says exactly what the gold says (new fields)."""
    quotations = []
    for index, q in enumerate(gold["quotations"]):
        first = q.get("part_of")
        prev = None
        if first is not None:
            previous = max(
                j
                for j in range(index)
                if j == first or gold["quotations"][j].get("part_of") == first
            )
            prev = f"q{previous}"
        speaker = q.get("speaker")
        quotations.append(
            {
                "id": f"q{index}",
                "kind": "quote",
                "start": {"paragraph": q["paragraph"], "offset": 0},
                "text": q["text"],
                "type": q["type"],
                "speaker": None if speaker is None else {**speaker, "ref": "p1"},
                **({"prev": prev} if prev else {}),
            }
        )
    return {"lang": gold["lang"], "title": gold["title"], "quotations": quotations}


def test_a_perfect_prediction_scores_one() -> None:
    ev = annotation_eval()
    total = dict.fromkeys(ev.COUNTERS, 0)
    for path in GOLD_FILES:
        gold = load(path)
        score = ev.compare(gold, perfect_prediction(gold))
        for key, value in score.counts.items():
            total[key] += value
    m = ev.metrics(total)
    for key in (
        "lang_accuracy",
        "span_precision",
        "span_recall",
        "speech_precision",
        "speech_recall",
        "type_accuracy",
        "speaker_accuracy",
        "link_accuracy",
        "title_accuracy",
    ):
        assert m[key] == 1.0, key


def test_untyped_quotations_count_as_speech_with_a_wrong_type() -> None:
    ev = annotation_eval()
    gold = {
        "id": "x",
        "lang": "en",
        "title": "T.",
        "quotations": [
            {"paragraph": 1, "text": "“A”", "type": "title", "part_of": None},
            {"paragraph": 2, "text": "“B,”", "type": "speech", "speaker": None, "part_of": None},
        ],
    }
    old = {
        "lang": "en",
        "title": "T.",
        "quotations": [
            {"id": "q1", "start": {"paragraph": 1}, "text": "“A”"},
            {"id": "q2", "start": {"paragraph": 2}, "text": "“B,”\n“C.”"},
        ],
    }
    c = ev.compare(gold, old).counts
    assert (c["gold_parts"], c["predicted_parts"], c["matched_parts"]) == (2, 3, 2)
    assert (c["gold_speech"], c["predicted_speech"], c["matched_speech"]) == (1, 3, 1)
    assert c["type_correct"] == 0
    assert c["speaker_total"] == 0  # the gold speech part is unattributed
    missing = ev.compare(gold, None, "no document").counts
    assert (missing["matched_parts"], missing["lang_correct"], missing["errors"]) == (0, 0, 1)


@pytest.mark.parametrize(
    ("predicted", "gold", "lang", "ok"),
    [
        ({"name": "Aleksandr Lukashenko", "mention": "he"}, "Aleksandr Lukashenko", "en", True),
        ({"name": None, "mention": "заявил Игорь Семёнов"}, "Игорь Семёнов", "ru", True),
        ({"name": "Lukashenko", "mention": "the President"}, "Aleksandr Lukashenko", "en", True),
        (
            {"name": "Van den Broeck", "mention": "le Premier ministre"},
            "Pieter Van den Broeck",
            "fr",
            True,
        ),
        ({"name": "Kovács", "mention": "mondta"}, "Kovács Béla", "hu", True),
        ({"name": "Béla", "mention": "mondta"}, "Kovács Béla", "hu", False),
        ({"name": "the department", "mention": "it"}, "the health department", "en", False),
        ({"name": "Lukashenkova", "mention": "she"}, "Aleksandr Lukashenko", "en", False),
        (None, "Aleksandr Lukashenko", "en", False),
    ],
)
def test_speaker_matching(predicted: Any, gold: str, lang: str, ok: bool) -> None:
    assert annotation_eval().speaker_matches(predicted, gold, lang) is ok


# --- (c) floors --------------------------------------------------------------------------

# The converter's scores on the development articles (000-131) with the annotation
# engine, rounded down: a regression fails here. Raise the floors as the engine
# improves, never lower them.
# (Before the engine: language 0.52, speech F1 0.65, type 0.0, speaker 0.0. With the
# first engine, on the first 73 articles: speech F1 0.91, type 0.88, speaker 0.59,
# links 0.81. Measured on all 118: language 0.99, span F1 0.997, speech F1 0.98, type
# 0.935, speaker 0.899, links 0.92, title 0.99. With 118-131, a fresh batch in
# declining languages, and names in their base form: speaker 0.904 on all 132; with the
# speaker work on the held-out batches, 0.92. The development split then grew to
# 000-197, the blind batches 132-197 joining it after their first scores: speaker
# 0.87 on all 198 with gender agreement, given names and the other speaker work. The
# blind batch 198-229 joined it after its first score: 0.87 on all 230 with names'
# base forms from known given names, appositions, addressees and relative clauses;
# and 230-261 after its: 0.87 on all 262 with fuller attribution-verb tables; and
# 262-293 after its: 0.86 on all 294; and 294-325 after its: 0.85 on all 326; and
# 326-357 after its: 0.84 on all 358; and 358-389 after its: 0.83 on all 390; and
# 390-421 after its, with the speaker ranker: 0.84 on all 422; and 422-453 after its:
# 0.84 on all 454; and 454-485 after its, with learned type weights: 0.84 on all 486;
# and 486-517 after its: 0.83 on all 518; and 518-549 after its, with the ranker's new
# facts and names declined by the gender their surname allows: 0.84 on all 550; and
# 550-581 after its: 0.84 on all 582; and 582-613 after its: 0.84 on all 614 (0.8394:
# the floors of speech F1 and speakers were set from the 614, 582-613 having been the
# held-out batch, scored lower); 0.85 (0.8479) with sentence-opening words that are no
# names and bodies in their base form, the floors of the languages that rose with it;
# and 646-677, the hard batch, after its: 0.84 on all 678 (0.8382 on 000-677: the floors
# of span precision, speakers and Turkish set from it); and 678-709 after its: 0.84 on
# all 710 (0.8411; speech F1, types and speakers raised to it, Croatian and Polish
# speakers set from it); and 710-741 after its: 0.84 on all 742 (0.8414; speech
# precision 0.9498 and type 0.9293 set the floors of those two); and the blind batches
# 742-773 (the held-out batch before), 774-789 and 790-805 after theirs: 0.84 on all 806
# (0.8440; span precision 0.9907, span F1 0.9902, speech precision 0.9551 and type
# 0.9304 set the floors of those, Danish and Portuguese speakers set from it); and the
# blind batches 806-965 joined it: 0.85 on all 966 (0.8462; span recall 0.9900 and title
# 0.9948 set the floors of those; Bulgarian and Russian speakers, 0.87 -> 0.89 and 0.87
# -> 0.88 on the 806 articles before, set from the larger set, whose new articles were
# written to hold the hard cases; Estonian speakers set); and the rules of the sessions
# since on 000-965: 0.86 (0.8621), then 0.87 (0.8686) with unnamed sources, bodies taken
# up by a generic noun and pronouns passing over names that show no person; 0.88
# (0.8825) with bodies taken up from a sentence's subject or an apposition and people
# called by a given name only; 0.90 (0.9043) with this session's rules (unnamed people
# introduced without an article, bodies with legal forms or quoted names, split verbs,
# head-final subjects, genitive places after roles, malformed names refused).)
FLOORS = {
    "lang_accuracy": 1.0,
    "span_precision": 0.99,
    "span_recall": 0.99,
    "span_f1": 0.99,
    "speech_precision": 0.95,
    "speech_recall": 0.97,
    "speech_f1": 0.96,
    "type_accuracy": 0.93,
    "speaker_accuracy": 0.9,
    "link_accuracy": 0.95,
    "title_accuracy": 0.99,
}
# Every gold article's language is right in these languages.
LANG_FLOORS = {
    lang: 1.0
    for lang in (
        "be",
        "bg",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "fi",
        "fr",
        "hr",
        "hu",
        "is",
        "it",
        "kk",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sv",
        "tr",
        "uk",
    )
}


# Speaker accuracy per language with at least four gold articles, rounded down to a
# twentieth and less a margin of 0.05 (a single article moves a small language's score).
SPEAKER_FLOORS = {
    "be": 0.8,
    "bg": 0.85,
    "cs": 0.85,
    "da": 0.85,
    "de": 0.8,
    "el": 0.85,
    "en": 0.85,
    "es": 0.85,
    "et": 0.8,
    "fi": 0.85,
    "fr": 0.8,
    "hr": 0.8,
    "hu": 0.8,
    "it": 0.8,
    "kk": 0.8,
    "lt": 0.85,
    "lv": 0.8,
    "nl": 0.85,
    "no": 0.85,
    "pl": 0.85,
    "pt": 0.85,
    "ro": 0.8,
    "ru": 0.8,
    "sk": 0.85,
    "sl": 0.85,
    "sv": 0.9,
    "tr": 0.85,
    "uk": 0.85,
}


# The held-out batches (articles 966-1013, 48 articles in 27 languages, written blind
# from the guidelines by three writers asked for typical wire and newspaper articles
# that also hold the hard cases: pronouns and role nouns between two people, bodies
# taken up by common nouns and impersonal attributions, unnamed people), scored once
# at 323af64 before any change was made for them: speaker 0.71 (292/409), type 0.93
# (534/575), speech F1 0.96, links 0.94, title 0.98; the session-start engine 03aa269:
# speaker 287/407. The floors are their scores, rounded down. The six batches written
# to the same brief before them, 870-965, scored speaker 0.64, 0.71, 0.69 (870-917 at
# d8360a3) and 0.73, 0.77, 0.71 (918-965 at dd38af0); earlier batches of typical
# articles 0.81-0.88. One batch moves this by ten points. Then 1014-1045, 32 articles
# in 29 languages written blind to a brief for typical press only, scored once at
# b442d55: speaker 0.83 (206/249), type 0.95 (312/328), speech F1 0.98; the
# session-start engine e8d9f40: speaker 204/249, type 310/328. All 80 held-out
# articles at 69e7fdd: speaker 0.76 (501/658), type 0.94, speech F1 0.97. Then
# 1046-1077, 32 articles in 24 languages to the same brief, scored once at 56acd86:
# speaker 0.85 (188/222), type 0.94 (276/295), speech F1 0.95, links 0.91; the
# session-start engine cdb0717 scored the same. All 112 held-out articles at 56acd86:
# speaker 0.79 (697/880), type 0.94, speech F1 0.96, links 0.92 (123/133), title 0.99.
# Then 1078-1109, 32 articles in 30 languages to the same brief, scored once at 730679f:
# speaker 0.90 (205/227), type 0.94 (300/319), speech F1 0.98, links 0.94 (30/32); the
# session-start engine 3eca02b scored the same. All 144 held-out articles at 730679f:
# speaker 0.83 (923/1107), type 0.94 (1422/1517), speech F1 0.97, links 0.93 (153/165).
# Then 1110-1141, 32 articles in 25 languages to the same brief, scored once at f660404:
# speaker 0.84 (186/222), type 0.94 (276/293), links 36/36; the session-start engine
# e86775a: speaker 185/222. All 176 held-out articles at f660404: speaker 0.84
# (1121/1329), type 0.94 (1698/1810), speech F1 0.97, links 0.94 (189/201). Then
# 1142-1173, 32 articles in 28 languages to the same brief, scored once at 48d55a8:
# speaker 0.83 (218/264), type 0.93 (333/360), links 40/43, title 30/32; the
# session-start engine f6f0802 scored the same. All 208 held-out articles at 48d55a8:
# speaker 0.846 (1347/1593), type 0.94 (2031/2170), speech F1 0.97, links 0.94 (229/244);
# at 1d4310e, with the Finnish surname endings one of the batch's errors prompted and
# the development rules after them: 1351/1593 (0.848).
HELD_OUT_FLOORS = {
    "lang_accuracy": 1.0,
    "span_f1": 0.98,
    "speech_f1": 0.96,
    "type_accuracy": 0.93,
    "speaker_accuracy": 0.88,
    "link_accuracy": 0.92,
    "title_accuracy": 0.98,
}


# blind-1 (1174-1221), scored once blind at b077271: language 0.98 (47/48: Malay read as
# Indonesian), speech F1 0.96, type 0.93, speaker 0.79 (334/423), links 0.94, title
# 0.94; then read for development: speaker 0.84 (358/427) with the rules that came
# after it.
BLIND_1_FLOORS = {
    "lang_accuracy": 0.97,
    "speech_f1": 0.96,
    "type_accuracy": 0.92,
    "speaker_accuracy": 0.83,
    "link_accuracy": 0.93,
    "title_accuracy": 0.93,
}


# blind-2 (1222-1269), 48 articles in 24 languages, scored once blind at 30051b1, the
# engine of the end of that session: language 1.00, speech F1 0.959, type 0.92 (515/557),
# speaker 0.81 (331/409), links 0.99 (68/69), title 0.92 (44/48); then read for
# development: speaker 0.83 (339/409) at cc40f3f.
BLIND_2_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.95,
    "type_accuracy": 0.92,
    "speaker_accuracy": 0.82,
    "link_accuracy": 0.98,
    "title_accuracy": 0.91,
}


# blind-3 (1270-1317), 48 articles in 24 languages, scored once blind at cc40f3f, the
# engine of the end of that session: language 1.00, speech F1 0.95, type 0.92 (507/550),
# speaker 0.84 (340/406), links 0.94 (60/64), title 0.94 (45/48).
BLIND_3_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.95,
    "type_accuracy": 0.92,
    "speaker_accuracy": 0.84,
    "link_accuracy": 0.93,
    "title_accuracy": 0.93,
}


# blind-4 (1318-1365), 48 articles in 24 languages, scored once blind at 8de5826, the
# engine of the end of that session: language 0.98 (47/48: a Norwegian article is "und",
# no 0.43 beside da 0.37), speech F1 0.97, type 0.94 (581/618), speaker 0.87 (399/459),
# links 0.93 (78/84), title 0.98 (47/48).
BLIND_4_FLOORS = {
    "lang_accuracy": 0.97,
    "speech_f1": 0.96,
    "type_accuracy": 0.93,
    "speaker_accuracy": 0.86,
    "link_accuracy": 0.92,
    "title_accuracy": 0.97,
}


# blind-5 (1366-1413), 48 articles in the same 24 languages, written by two writers who
# never saw the engine, scored once blind at 072213d: language 1.00, speech F1 0.97, type
# 0.94 (475/508), speaker 0.84 (309/369; 0.82, 173/210, on the 13 core languages), links
# 0.95 (59/62), title 1.00; the session-start engine 39e6923 scored the same (309/369).
BLIND_5_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.96,
    "type_accuracy": 0.93,
    "speaker_accuracy": 0.84,
    "link_accuracy": 0.94,
    "title_accuracy": 0.97,
}


# blind-6 (1414-1461), 48 articles in the same 24 languages, declared before two writers
# who never saw the engine wrote them, scored once blind at c7b5c7c: language 1.00, speech
# F1 0.96, type 0.92 (370/401), speaker 0.84 (225/268; cc7c3ba 223/268), links 0.98
# (45/46), title 1.00.
BLIND_6_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.95,
    "type_accuracy": 0.91,
    "speaker_accuracy": 0.83,
    "link_accuracy": 0.97,
    "title_accuracy": 0.97,
}


# blind-7 (1462-1509), 48 articles in the same 24 languages, declared before two writers
# who never saw the engine wrote them, scored once blind at 0e3c320+ (counts only):
# language 1.00, speech F1 0.97, type 0.93 (428/458), speaker 0.88 (270/308; the
# session's start, 5e2124a, the same), links 0.91 (48/53), title 1.00.
BLIND_7_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.96,
    "type_accuracy": 0.93,
    "speaker_accuracy": 0.87,
    "link_accuracy": 0.90,
    "title_accuracy": 1.0,
}

# blind-8 (1510-1519), 10 articles in languages without tables of their own (zh, ja, ko,
# ar, fa, he, hi, th, sw, eu), written blind like blind-7: language 1.00, speech F1 0.93
# (5e2124a 0.87), type 0.77 (68/88; 5e2124a 0.68), speaker 0.10 (6/63: no speech verbs
# or name rules for these languages, and no capitals to find names by in most of their
# scripts), links 0.17 (2/12), title 0.50. Then titles 0.90 (9/10) with the datelines
# of presses without capitals (made from the dateline styles the writer listed, not from
# the gold titles). Then read for the speaker rules of scripts without capitals
# (corpus_tools/annotate/uncased.py): speaker 0.81 (51/63), links 1.00 (12/12) once
# interrupted quotations are linked in these scripts.
BLIND_8_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.94,
    "type_accuracy": 0.85,
    "speaker_accuracy": 0.82,
    "link_accuracy": 0.99,
    "title_accuracy": 0.9,
}


# scripts-dev (1520-1535), 16 articles in zh, ja, ko, ar, fa, he, hi, th, two each, written
# blind by two writers to be read while building the speaker rules for these scripts:
# speaker 0.01 (1/109) before them, 0.56 (61/109) with the first version of the rules,
# 0.77 (84/109) after two independent reviews, 0.79 (86/109) with the rules built on
# blind-9 and blind-10; type 0.81 (116/144); links 0/10, then 0.80 (8/10) with the
# linking of interrupted quotations in these scripts.
SCRIPTS_DEV_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.97,
    "type_accuracy": 0.96,
    "speaker_accuracy": 0.88,
    "link_accuracy": 0.80,
    "title_accuracy": 1.0,
}

# blind-9 (1536-1551), 16 articles in the same eight languages, declared with scripts-dev
# before either was written, by two other writers; scored once, counts only: speaker
# 0.57 (65/115; 12 unknown, 38 wrong or partial; the engine before the rules 0/115),
# type 0.82 (128/157), speech F1 0.95, title 0.75, links 0/15. After the rules were
# narrowed on two reviews' fresh cases (counts only, never read): 0.61 (70/115; 14
# unknown, 31 wrong or partial); with interrupted quotations linked, 0.64 (74/115; 9
# unknown, 32 wrong or partial), links 0.73 (11/15). Read since (the next session's
# rules were built on it and on blind-10): 0.77 (88/115).
BLIND_9_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.98,
    "type_accuracy": 0.95,
    "speaker_accuracy": 0.9,
    "link_accuracy": 0.73,
    "title_accuracy": 1.0,
}


# blind-10 (1552-1567), 16 articles in the same eight languages, declared before two
# writers who never saw the engine wrote them; scored once, counts only, after the rules
# were narrowed on two reviews: speaker 0.66 (72/109; 13 unknown, 24 wrong or partial;
# the session's start 0/109), type 0.77 (119/154, the same as before), speech F1 0.94,
# links 0.70 (7/10), title 0.69 (11/16). Read since, with blind-9, for the next rules:
# 0.84 (92/109).
BLIND_10_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.97,
    "type_accuracy": 0.92,
    "speaker_accuracy": 0.95,
    "link_accuracy": 0.70,
    "title_accuracy": 0.93,
}


# blind-11 (1568-1591), 24 articles in the same eight languages by three writers who
# never saw the engine, declared before they were written; scored once, counts only,
# after the rules built on blind-9 and blind-10 and narrowed on a review's fresh cases:
# speaker 0.66 (114/173; 18 unknown, 41 wrong or partial; the engine before those
# rules 0.58, 101/173), type 0.81 (188/233), speech F1 0.93, links 0.75 (18/24), title
# 0.67 (16/24). Read since for the next rules: speaker 0.80 (139/173), type 0.96.
BLIND_11_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.97,
    "type_accuracy": 0.98,
    "speaker_accuracy": 0.9,
    "link_accuracy": 0.75,
    "title_accuracy": 1.0,
}


# blind-12 (1592-1615), 24 articles in the same eight languages by three writers who
# never saw the engine, declared before they were written; scored once, counts only,
# after the type cues and the rules built on blind-11 and narrowed on a review's fresh
# cases: speaker 0.71 (122/171; 11 unknown, 38 wrong or partial; the engine before
# them 0.67, 115/171), type 0.90 (214/237; before 0.82), speech F1 0.97 (before
# 0.95), links 0.91 (21/23), title 0.83 (20/24). Read since for the next rules (names
# after an office's complement, a body's head noun alone, Persian sentence subjects):
# speaker 0.88 (150/171), type 0.91.
BLIND_12_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.97,
    "type_accuracy": 0.94,
    "speaker_accuracy": 0.96,
    "link_accuracy": 0.91,
    "title_accuracy": 1.0,
}


# blind-13 (1616-1639), 24 articles in the same eight languages by three writers who
# never saw the engine, declared before they were written; scored once, counts only,
# after the rules built on blind-12 and narrowed on a review's fresh cases: speaker 0.58
# (114/196; 32 unknown, 50 wrong or partial; the engine before those rules 0.57,
# 112/196), type 0.86 (249/288, the same), speech F1 0.95, links 0.84 (21/25), title
# 0.71 (17/24). Never read since; after the rules built on the read batches in
# blind-15's session and narrowed on three reviews (counts only): speaker 0.63
# (123/196), type 0.87 (251/288); titles 0.96 (23/24) with the agencies' datelines.
# Read from blind-16's next session for the rules of the context around a quotation:
# speaker 0.72 (142/196), type 0.91 (272/298, more quotations found in single marks).
# With blind-19's session's rules: speaker 0.81 (158/196).
BLIND_13_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.97,
    "type_accuracy": 0.94,
    "speaker_accuracy": 0.8,
    "link_accuracy": 0.84,
    "title_accuracy": 0.95,
}


# blind-15 (1672-1695), 24 articles in the same eight languages (three each) by three
# writers who never saw the engine, declared before they were written; scored counts
# only, never read: speaker 0.66 (139/210) with the engine before this batch's session,
# 0.69 (145/210) after its rules (verbs of saying added, bodies named in full before,
# Japanese and Korean quotations in a sentence of their own, the forms of the Persian,
# Hebrew, Arabic, Hindi and Thai press), built on the read batches and narrowed on
# three reviews' fresh cases; type 0.86 (245/285), then 0.87 (247/285); speech F1
# 0.95, links 0.94 (16/17); titles 0.67 (16/24), then 0.92 (22/24) with the agencies'
# datelines (whose forms the writers had named in their reports). Read from blind-16's
# next session: speaker 0.81 (173/213), type 0.90 (271/302).
# With blind-19's session's rules: speaker 0.88 (187/213).
BLIND_15_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.96,
    "type_accuracy": 0.91,
    "speaker_accuracy": 0.87,
    "link_accuracy": 0.94,
    "title_accuracy": 0.95,
}


# blind-16 (1696-1719), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written; scored
# once with the engine of blind-15's session start and once with its end, counts only,
# never read: speaker 0.66 (130/196; 19 unknown, 47 wrong or partial), then 0.69
# (136/196; 13 unknown, 47 wrong or partial); type 0.84 (232 and 233 of 278), speech F1
# 0.94, links 22/23, titles 16/24, then 22/24. Scored once more, counts only, with the
# end of the next session (the context rules built on the read batches, quotations in
# single marks found in Korean and Chinese, more agencies' datelines): speaker 0.72
# (141/196; 12 unknown, 43 wrong or partial), type 0.86 (248/287), titles 24/24.
# Scored once more, counts only, with the end of blind-18's session (the rules for the
# person a description, a pronoun or a verb without a subject takes up): speaker 0.77
# (150/196), type 0.88 (252/287). Once more with the end of blind-19's session (the
# rules built on blind-18, read, and on nine probes' fresh articles): speaker 0.81
# (159/196; 9 unknown, 28 wrong or partial), type 0.88 (252/287).
BLIND_16_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.94,
    "type_accuracy": 0.87,
    "speaker_accuracy": 0.81,
    "link_accuracy": 0.95,
    "title_accuracy": 1.0,
}


# blind-17 (1720-1743), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written; scored
# once with the engine of its session's start and once with its end, counts only,
# never read: speaker 0.68 (143/210; 25 unknown, 42 wrong or partial), then 0.68
# (143/211; 26 unknown, 42 wrong or partial); type 0.86 (243/284), then 0.87 (260/300);
# speech F1 0.94, then 0.95; links 20/23; titles 18/24, then 23/24 with the datelines
# whose forms the writers had named in their reports. Then 0.70 (147/211) after a
# pronoun rule was taken out again, which blind-17's Persian count led to checking on
# fresh text: that count no longer measures blind.
# Read from blind-18's session for its rules: speaker 0.78 (164/211), type 0.89 (268/300).
# With blind-19's session's rules: speaker 0.83 (176/211).
BLIND_17_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.94,
    "type_accuracy": 0.89,
    "speaker_accuracy": 0.83,
    "link_accuracy": 0.86,
    "title_accuracy": 0.95,
}


# blind-18 (1744-1767), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written (blind-17 read
# from its session on); scored counts only, never read: with the engine of its session's
# start speaker 0.77 (157/205), type 0.85 (254/300), speech F1 0.96, links 18/23, titles
# 24/24; with its end (the rules built on the read batches and on two reviews' fresh
# cases) speaker 0.79 (162/205), type 0.85 (254/300). Read from blind-19's session for
# its rules: speaker 0.90 (185/205), type 0.85 (254/300).
BLIND_18_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.95,
    "type_accuracy": 0.84,
    "speaker_accuracy": 0.9,
    "link_accuracy": 0.78,
    "title_accuracy": 1.0,
}


# blind-19 (1768-1791), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written (blind-18 read
# from its session on); scored counts only, never read: with the engine of its session's
# start speaker 0.75 (155/208; 20 unknown, 33 wrong or partial), type 0.87 (261/301),
# speech F1 0.96, links 19/24, titles 22/24; with its end (the rules built on blind-18
# and on nine probes' fresh articles) speaker 0.79 (165/208; 16 unknown, 27 wrong or
# partial), the rest the same. Read from blind-20's session for its rules: speaker 0.83
# (172/208); with blind-21's session's 0.84 (176/209; one more part found).
BLIND_19_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.95,
    "type_accuracy": 0.86,
    "speaker_accuracy": 0.84,
    "link_accuracy": 0.79,
    "title_accuracy": 0.91,
}


# blind-20 (1792-1815), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written (blind-19 read
# from its session on); scored counts only, never read: with the engine of its session's
# start speaker 0.72 (155/215; 20 unknown, 40 wrong or partial), type 0.88, speech F1
# 0.95, links 15/16, titles 20/24; with its end speaker 0.74 (160/215; 20 unknown, 35
# wrong or partial), the rest the same. Read from blind-21's session for its rules:
# speaker 0.83 (179/215).
BLIND_20_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.94,
    "type_accuracy": 0.88,
    "speaker_accuracy": 0.83,
    "link_accuracy": 0.93,
    "title_accuracy": 0.83,
}


# blind-21 (1816-1839), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written (blind-20 read
# from its session on); scored counts only, never read: with the engine of its session's
# start speaker 0.79 (202/257), type 0.92 (337/367), speech F1 0.95, links 16/19, titles
# 24/24; with its end speaker 0.80 (206/259; 12 unknown, 41 wrong or partial; two more
# Hebrew parts found, in marks written onto a prefix), type 0.92 (341/372), speech F1
# 0.95, the rest the same. Its type and span lines of the start's engine were once
# printed by mistake in that session (not its speakers): types there are not blind.
# Read from blind-22's session for its rules: speaker 0.91 (236/260; two Hebrew names
# corrected to the text as written), type 0.93 (347/375); with blind-23's session's
# rules speaker 0.92 (240/260).
BLIND_21_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.95,
    "type_accuracy": 0.92,
    "speaker_accuracy": 0.9,
    "link_accuracy": 0.84,
    "title_accuracy": 1.0,
}


# blind-22 (1840-1863), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written (blind-21 read
# from its session on); scored counts only, never read: with the engine of its session's
# start speaker 0.73 (175/241; 17 unknown, 49 wrong or partial), type 0.91 (325/358),
# speech F1 0.96, links 19/21, titles 21/24; with its end speaker 0.73 (177/241; 16
# unknown, 48 wrong or partial), type 0.91 (326/358), speech F1 0.97, the rest the same.
# Read from blind-23's session for its rules: speaker 0.83 (201/241; 14 unknown, 26 wrong
# or partial), titles 22/24 (a paper's own report, "本报讯（记者 …）", a dateline).
BLIND_22_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.96,
    "type_accuracy": 0.91,
    "speaker_accuracy": 0.83,
    "link_accuracy": 0.9,
    "title_accuracy": 0.91,
}


# blind-23 (1864-1887), 24 articles in the same eight languages (three each) by three
# more writers who never saw the engine, declared before they were written (blind-22 read
# from its session on); scored counts only, never read: with the engine of its session's
# start speaker 0.73 (188/256), type 0.86 (314/364), speech F1 0.94, links 10/16, titles
# 20/24; with its end speaker 0.75 (192/256; 28 unknown, 36 wrong or partial), the rest
# the same.
BLIND_23_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.94,
    "type_accuracy": 0.86,
    "speaker_accuracy": 0.75,
    "link_accuracy": 0.62,
    "title_accuracy": 0.83,
}


# blind-14 (1640-1671), 32 articles in 27 languages written with capitals (en, fr, de,
# ru and es twice; uk, be, kk, bg, pl, cs, sk, lt, it, pt, nl, sv, da, no, tr, hu, ro,
# fi, lv, el, hr, et) by four writers who never saw the engine, declared before they
# were written; scored twice, counts only, never read: before the session's rules
# speaker 0.83 (219/264), after them 0.83 (220/264); type 0.93 (350/376), speech F1
# 0.97, links 0.98 (44/45), title 1.00 (32/32).
BLIND_14_FLOORS = {
    "lang_accuracy": 1.0,
    "speech_f1": 0.96,
    "type_accuracy": 0.93,
    "speaker_accuracy": 0.83,
    "link_accuracy": 0.97,
    "title_accuracy": 1.0,
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result: dict[str, Any] = annotation_eval().evaluate(GOLD)
    return result


@pytest.fixture(scope="module")
def development() -> dict[str, Any]:
    result: dict[str, Any] = annotation_eval().evaluate(GOLD, "development")
    return result


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_overall_floor(development: dict[str, Any], metric: str, floor: float) -> None:
    value = development["overall"][metric]
    assert value is not None
    assert value >= floor, f"{metric} {value} fell below its floor {floor}"


SPLIT_FLOORS = {
    "held-out": HELD_OUT_FLOORS,
    "blind-1": BLIND_1_FLOORS,
    "blind-2": BLIND_2_FLOORS,
    "blind-3": BLIND_3_FLOORS,
    "blind-4": BLIND_4_FLOORS,
    "blind-5": BLIND_5_FLOORS,
    "blind-6": BLIND_6_FLOORS,
    "blind-7": BLIND_7_FLOORS,
    "blind-8": BLIND_8_FLOORS,
    "scripts-dev": SCRIPTS_DEV_FLOORS,
    "blind-9": BLIND_9_FLOORS,
    "blind-10": BLIND_10_FLOORS,
    "blind-11": BLIND_11_FLOORS,
    "blind-12": BLIND_12_FLOORS,
    "blind-13": BLIND_13_FLOORS,
    "blind-14": BLIND_14_FLOORS,
    "blind-15": BLIND_15_FLOORS,
    "blind-16": BLIND_16_FLOORS,
    "blind-17": BLIND_17_FLOORS,
    "blind-18": BLIND_18_FLOORS,
    "blind-19": BLIND_19_FLOORS,
    "blind-20": BLIND_20_FLOORS,
    "blind-21": BLIND_21_FLOORS,
    "blind-22": BLIND_22_FLOORS,
    "blind-23": BLIND_23_FLOORS,
}


@functools.cache
def _split(name: str) -> dict[str, Any]:
    result: dict[str, Any] = annotation_eval().evaluate(GOLD, name)
    return result


@pytest.fixture(scope="module")
def held_out() -> dict[str, Any]:
    return _split("held-out")


@pytest.mark.parametrize(
    ("split", "metric", "floor"),
    [(split, m, f) for split, floors in SPLIT_FLOORS.items() for m, f in sorted(floors.items())],
)
def test_split_floor(split: str, metric: str, floor: float) -> None:
    value = _split(split)["overall"][metric]
    assert value is not None
    assert value >= floor, f"{split} {metric} {value} fell below its floor {floor}"


def test_the_splits_make_up_the_set(
    report: dict[str, Any], development: dict[str, Any], held_out: dict[str, Any]
) -> None:
    module = annotation_eval()
    assert development["articles"] == 966
    assert held_out["articles"] == 208
    sizes = Counter(module.split_of(seed) for seed in SEEDS)
    assert sizes["blind-1"] == 48
    assert sizes["blind-2"] == 48
    assert sizes["blind-3"] == 48
    assert sizes["blind-4"] == 48
    assert sizes["blind-5"] == 48
    assert sizes["blind-6"] == 48
    assert sizes["blind-7"] == 48
    assert sizes["blind-8"] == 10
    assert sizes["scripts-dev"] == 16
    assert sizes["blind-9"] == 16
    assert sizes["blind-10"] == 16
    assert sizes["blind-11"] == 24
    assert sizes["blind-12"] == 24
    assert sizes["blind-13"] == 24
    assert sizes["blind-14"] == 32
    assert sizes["blind-15"] == 24
    assert sizes["blind-16"] == 24
    assert sizes["blind-17"] == 24
    assert sizes["blind-18"] == 24
    assert sizes["blind-19"] == 24
    assert sizes["blind-20"] == 24
    assert sizes["blind-21"] == 24
    assert sizes["blind-22"] == 24
    assert sizes["blind-23"] == 24
    assert sum(sizes.values()) == report["articles"]
    assert set(sizes) <= set(module.SPLITS)


@pytest.mark.parametrize(("lang", "floor"), sorted(LANG_FLOORS.items()))
def test_language_floor(development: dict[str, Any], lang: str, floor: float) -> None:
    assert development["per_language"][lang]["lang_accuracy"] >= floor


@pytest.mark.parametrize(("lang", "floor"), sorted(SPEAKER_FLOORS.items()))
def test_speaker_floor(development: dict[str, Any], lang: str, floor: float) -> None:
    value = development["per_language"][lang]["speaker_accuracy"]
    assert value is not None
    assert value >= floor, f"{lang}: speaker accuracy {value} fell below its floor {floor}"


def test_report_renders(report: dict[str, Any]) -> None:
    text = annotation_eval().render(report, details=True)
    assert "overall" in text
    assert all(lang in text for lang in report["per_language"])
