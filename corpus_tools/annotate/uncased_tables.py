"""The tables of the languages written without capital letters (zh, ja, ko, ar, fa,
he, hi, th), from ``uncased.json``, and finding their verbs of saying in a text: what
:mod:`~corpus_tools.annotate.uncased` names speakers with, and what
:mod:`~corpus_tools.annotate.quotations` links an interrupted quotation by."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LANGS = frozenset({"zh", "ja", "ko", "ar", "fa", "he", "hi", "th"})
# Scripts written without spaces between words: a verb or name is a string in the text.
UNSPACED = frozenset({"zh", "ja", "th"})
END = re.compile(r"[。！？!?؟।۔]|\.(?=\s|$)")
# What closes the phrase before a verb, or opens the one after it.
PUNCT = "，,、：:；;。！？!?؟।۔()（）\u060c\u061b"
QUOTE_MARKS = "\"'“”„‘’«»「」『』《》〈〉‹›"
MARKS_AND_SPACE = QUOTE_MARKS + " \u00a0\u3000" + PUNCT + "-–—.…"
SPACED_TOKEN = re.compile(r"\S+")


def longest_first(word: str) -> tuple[int, str]:
    """Sort key: longer words first, then by spelling (the same order on every run)."""
    return (-len(word), word)


@dataclass(frozen=True, slots=True)
class TypeCues:
    """The words right before or after a quotation that mark its type, as (type, word)
    pairs, longest words first, and the words after it that silence them all."""

    before: tuple[tuple[str, str], ...] = ()
    after: tuple[tuple[str, str], ...] = ()
    silencing: tuple[str, ...] = ()
    prefixes: str = ""  # one-letter words written onto a cue: "لشركة", "בתוכנית"


@dataclass(frozen=True, slots=True)
class Table:
    lang: str
    verbs: tuple[str, ...]
    not_verbs: tuple[str, ...]
    order: str
    prefixes: tuple[str, ...]
    particles: tuple[str, ...]
    strip: frozenset[str]
    cut_at: tuple[str, ...]
    stops: frozenset[str]
    titles: frozenset[str]
    roles: frozenset[str]
    # The roles and the words to strip, longest first: a phrase ends with the longest.
    roles_by_length: tuple[str, ...]
    strip_by_length: tuple[str, ...]
    honorifics: tuple[str, ...]
    pronouns: dict[str, str]
    feminine: frozenset[str]
    according: tuple[tuple[str, str], ...]
    surnames: frozenset[str]
    middle_names: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    participles: frozenset[str]
    postpositions: frozenset[str]
    not_names: frozenset[str]
    role_starts: tuple[str, ...]
    role_ends: tuple[str, ...]
    quoting: tuple[str, ...]
    type_cues: TypeCues
    # Words that open a clause about somebody else after a quotation ("while"): what
    # follows them names the next speaker, not this one's.
    while_words: tuple[str, ...]
    # The words that open what a verb of saying reports: "قال X إن …", "אמר כי …".
    that: frozenset[str]
    # Nouns that head a body's name ("मंत्रालय", "केंद्र"): the noun alone takes up the
    # full name the article gave before.
    body_heads: frozenset[str]
    # How a body's name ends (zh, ja, ko: "省", "委员会", "위원회"), and the words that take
    # up a body named before ("同", "该"): a short mention stands for the full name.
    body_ends: tuple[str, ...]
    body_anaphors: tuple[str, ...]
    not_bodies: tuple[str, ...]
    # Hebrew: the nouns a body's name opens with ("רשות", "משרד"), for "ברשות המסים מסרו".
    body_heads_he: tuple[str, ...]
    # Persian verbs of calling a thing something ("نامید", "خواند"), after "را «…»".
    calling: frozenset[str]
    # Korean nouns of a kind of body ("재판부", "구단") and how the names of such bodies
    # end: the noun alone takes up the one the article named before.
    kind_nouns: dict[str, tuple[str, ...]]


# Words that join a second verb to the first, whose subject it shares ("but").
CONJUNCTIONS = ("אך", "אבל", "ואילו", "لكن", "ولكن", "اما", "ولی", "لیکن", "लेकिन", "मगर", "แต่")

# Where words were said, which no description of a person contains.
SPEAKING_OCCASIONS = frozenset(
    [
        "تصريح",
        "تصريحات",
        "مؤتمر",
        "بيان",
        "حديث",
        "مقابلة",
        "لقاء",
        "كلمة",
        "اتصال",
        "مداخلة",
        "ראיון",
        "מסיבת",
        "הודעה",
        "שיחה",
    ]
)


@cache
def tables() -> dict[str, Table]:
    raw: dict[str, Any] = json.loads(
        resources.files("corpus_tools.annotate").joinpath("uncased.json").read_text("utf-8")
    )
    out = {}
    for lang, d in raw.items():
        if lang.startswith("_"):
            continue
        surnames = d.get("surnames", [])
        if isinstance(surnames, str):  # Chinese: one character each
            surnames = list(surnames)
        out[lang] = Table(
            lang=lang,
            verbs=tuple(sorted(d["verbs"], key=longest_first)),
            not_verbs=tuple(d.get("not_verbs", [])),
            order=d["order"],
            prefixes=tuple(d.get("prefixes", [])),
            particles=tuple(sorted(d.get("particles", []), key=longest_first)),
            strip=frozenset(d.get("strip", [])),
            cut_at=tuple(d.get("cut_at", [])),
            stops=frozenset(d.get("stops", [])),
            titles=frozenset(d.get("titles", [])),
            roles=frozenset(d.get("roles", [])),
            roles_by_length=tuple(sorted(set(d.get("roles", [])), key=longest_first)),
            strip_by_length=tuple(sorted(set(d.get("strip", [])), key=longest_first)),
            honorifics=tuple(sorted(d.get("honorifics", []), key=longest_first)),
            pronouns=dict(d.get("pronouns", {})),
            feminine=frozenset(d.get("feminine_verbs", [])),
            according=tuple((a, b) for a, b in d.get("according", [])),
            surnames=frozenset(surnames) | frozenset(d.get("compound_surnames", [])),
            middle_names=frozenset(d.get("middle_names", [])),
            female_titles=frozenset(d.get("feminine_titles", [])),
            male_titles=frozenset(d.get("masculine_titles", [])),
            participles=frozenset(d.get("participles", [])),
            postpositions=frozenset(d.get("postpositions", [])),
            not_names=frozenset(d.get("not_names", [])),
            role_starts=tuple(d.get("role_starts", [])),
            role_ends=tuple(d.get("role_ends", [])),
            quoting=tuple(sorted(d.get("quoting", []), key=longest_first)),
            type_cues=_type_cues(d.get("type_cues", {})),
            while_words=tuple(d.get("while", [])),
            that=frozenset(d.get("that", [])),
            body_heads=frozenset(d.get("body_heads", [])),
            body_ends=tuple(sorted(d.get("body_ends", []), key=longest_first)),
            body_anaphors=tuple(sorted(d.get("body_anaphors", []), key=longest_first)),
            not_bodies=tuple(d.get("not_bodies", [])),
            body_heads_he=tuple(d.get("body_heads", [])) if lang == "he" else (),
            calling=frozenset(d.get("calling", [])),
            kind_nouns={k: tuple(v) for k, v in d.get("kind_nouns", {}).items()},
        )
    return out


def _type_cues(raw: dict[str, dict[str, list[str]]]) -> TypeCues:
    def side(name: str) -> tuple[tuple[str, str], ...]:
        pairs = [(k, w) for k, ws in raw.get(name, {}).items() for w in ws]
        return tuple(sorted(pairs, key=lambda kw: (longest_first(kw[1]), kw[0])))

    silencing = [w for ws in raw.get("not", {}).values() for w in ws]
    prefixes = "".join(w for ws in raw.get("prefixes", {}).values() for w in ws)
    return TypeCues(
        side("before"), side("after"), tuple(sorted(silencing, key=longest_first)), prefixes
    )


def handles(lang: str | None) -> bool:
    """True for a language whose speakers these rules find."""
    return lang in LANGS


def unprefixed(token: str, t: Table) -> str:
    for p in t.prefixes:
        if token.startswith(p) and len(token) > len(p) + 2:
            return token[len(p) :]
    return token


def find_verb(s: str, t: Table, *, last: bool) -> tuple[int, int, str] | None:
    """The first (or last) verb of saying in ``s``: (start, end, the verb as written)."""
    hits: list[tuple[int, int, str]] = []
    if t.lang in UNSPACED:
        # the longest verb first (the table's order), so that "เผย" inside a denied
        # "ไม่เปิดเผย" is no verb
        taken: list[tuple[int, int]] = []
        for v in t.verbs:
            for m in re.finditer(re.escape(v), s):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                if not _inside_other_word(s, m.start(), v, t) and not _as_noun(s, m.start(), t):
                    hits.append((m.start(), m.end(), v))
    else:
        previous = ""
        for m in SPACED_TOKEN.finditer(s):
            w = m.group(0).strip(MARKS_AND_SPACE)
            if t.lang == "ar":
                w = _HARAKAT.sub("", w)  # "علّق" is "علق": the shadda is not always written
            u = unprefixed(w, t)
            said = w in t.verbs or u in t.verbs or u in t.participles or w in t.participles
            if not said and t.lang == "ar" and u.endswith(("ه", "ها")):
                # "وصفه X بأنه …", "اعتبرها" (described it, considered it): the verb with
                # its object written on
                said = u.removesuffix("ا").removesuffix("ه") in _AR_TAKING_OBJECT
            if said and t.lang == "fa" and _FA_DENIED.match(s, m.end()):
                said = False  # "اعلام نکرد" (did not announce): nothing said
            if (
                said
                and t.lang == "he"
                and u in _HE_ANSWERED
                and not _HE_SAYS_ON.match(s, m.end())
                and s[: m.start()].strip(" \u00a0")[-1:] not in ("", ",", '"', "”", "״", "\u2591")
            ):
                # "השיבו על השאלון" (answered the questionnaire): no words; but '"…",
                # השיב ברק' answers with them
                said = False
            if said and t.lang == "fa" and w == "عنوان" and previous in ("با", "تحت", "به"):
                said = False  # "با عنوان «…»" (titled), "به عنوان" (as): no verb
            if said and not (t.lang == "hi" and previous in _HINDI_GENITIVE):
                hits.append((m.start(), m.end(), u))
            previous = w
    if not hits:
        return None
    hits.sort()
    if t.lang == "zh" and not last:
        # A verb in a relative clause before its noun is not the sentence's:
        # "一名不愿透露姓名的官员告诉记者".
        for h, nxt in itertools.pairwise(hits):
            if "的" not in s[h[1] : nxt[0]]:
                return h
        return hits[-1]
    return hits[-1] if last else hits[0]


# Hebrew verbs of answering, words only where "that", a colon or the words follow.
_HE_ANSWERED = frozenset({"השיב", "השיבה", "השיבו"})
_HE_SAYS_ON = re.compile(r"\s*(?:כי|:|ש|[\"“”״'])")
# Arabic verbs of saying that take what they describe as an object pronoun.
_AR_TAKING_OBJECT = frozenset({"وصف", "اعتبر", "عد", "سمى"})
# The Arabic short vowels, the shadda and the tatweel, written on some words and not on
# others.
_HARAKAT = re.compile("[\u064b-\u0652\u0640]")
# A Persian light verb denied after the noun of a compound verb: "اعلام نکرد", "نمی‌کند".
_FA_DENIED = re.compile(r"\s+(?:نکرد|نکرده|نمی\u200cکند|نمیکند|نمی\u200cکنند|نداد|نداده|نشد)")
# Hindi genitives, after which a word of saying is a noun: "समिति के सुझाव पर" (on the
# committee's advice), "विभाग की चेतावनी के बाद".
_HINDI_GENITIVE = frozenset({"का", "की", "के"})
# What makes a Chinese or Thai word of saying a noun or a passive: "业主们的要求" (the
# owners' demand), "ได้รับแจ้ง" (was informed), "ถูกถาม" (was asked), "เมื่อพูดถึง" (when
# speaking of).
_AS_NOUN = {"zh": ("的",), "th": ("ได้รับ", "ถูก", "เมื่อ")}


def _as_noun(s: str, at: int, t: Table) -> bool:
    return s[max(0, at - 6) : at].endswith(_AS_NOUN.get(t.lang, ()))


def _inside_other_word(s: str, at: int, v: str, t: Table) -> bool:
    """The verb found at ``at`` is part of a longer word that is not one (小说, 称为)."""
    for nv in t.not_verbs:
        k = nv.find(v)
        if k >= 0 and s[at - k : at - k + len(nv)] == nv:
            return True
    # Thai nouns made of verbs: "การแถลงข่าว" (a press conference), "ความเห็น"; a verb
    # denied: "ขอไม่เปิดเผยชื่อ", "ไม่ขอเปิดเผยชื่อ" (asked not to give a name) says
    # nothing, nor does giving one's name ("เปิดเผยชื่อ").
    return t.lang == "th" and (
        s[max(0, at - 4) : at].endswith(("การ", "ความ", "ไม่", "ไม่ขอ"))
        or s[at + len(v) :].startswith(("ชื่อ", "นาม"))
    )


def after_while(s: str, t: Table) -> str:
    """What follows the last "while" in ``s`` (a clause about somebody else), or ""."""
    at = -1
    for w in t.while_words:
        if t.lang == "th":  # a phrase's first word: not "ส่วน" of "ส่วนหนึ่ง" (a part)
            pattern = rf"(?:^|(?<=\s)){re.escape(w)}"
        elif t.lang in UNSPACED:
            pattern = re.escape(w)
        else:
            pattern = rf"(?<!\w){re.escape(w)}(?!\w)"
        for m in re.finditer(pattern, s):
            at = max(at, m.end())
    that = re.search(r"(?<!\S)که(?!\S)", s[at:]) if t.lang == "fa" and at >= 0 else None
    if that is not None:
        # "این اطلاعیه در حالی منتشر شد که روزنامه «شرق» … نوشته بود": Persian puts the
        # verb of the main clause between "while" and its "that"
        return s[at + that.end() :]
    return s[at:] if at >= 0 else ""
