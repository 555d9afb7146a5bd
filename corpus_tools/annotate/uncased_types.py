"""Quotation types in languages written without capital letters, from the words beside
a quotation.

The type signals of :mod:`~corpus_tools.annotate.classify` read capitals, words of
European tables and spaces between words; in zh, ja, ko, ar, fa, he, hi and th most of
them stay silent, and a quotation is typed by its length alone. Here the word right
before or right after a quotation, from the ``type_cues`` of ``uncased.json``, decides
where it marks a kind of thing: a work (``فيلم «…»``, ``“…”专项行动``, ``‘…’ अभियान``) is
a ``title``, a company, ship or band (``شركة «…»``, ``「…」号``, ``บริษัท “…”``) a
``name``, and a word the sentence calls something (``所谓“…”``, ``「…」と呼ばれ``,
``‘…’ कहते हैं``) a ``term``.

A cue does not retype a quotation that is speech by its structure (several parts, a
dialogue line) or by its shape (a sentence ending inside the marks). Besides the cues:

* a short quotation nested in another, with no sentence in it, is a ``term`` unless a
  cue says otherwise (``“…‘流量’…”``);
* a quotation joined to the one before by "and" or a comma alone ("«فولاد» و «فملی»")
  takes that one's type where no cue of its own speaks;
* the words a cue typed as a title or name, quoted again where nothing marks them, are
  that title or name (and no first part of the speech after them), unless they stand
  as a reply of their own ("X گفت: «هرگز».").
"""

from __future__ import annotations

import functools
import re

from corpus_tools.annotate.classify import chains
from corpus_tools.annotate.quotations import QuotationPart, with_fields
from corpus_tools.annotate.uncased_tables import UNSPACED, Table, find_verb, tables

__all__ = ["retype"]

# A sentence ends inside the marks: words said, whatever stands beside them.
# The Chinese marks of titles of works, laws and papers.
_TITLE_MARKS = frozenset({"《》", "〈〉"})
_SENTENCE_END = re.compile(r"[.!?…。！？؟।۔]\s*$")
# What joins two quotations of one kind: "and", "、" (not a comma, which a quotation
# interrupted by its attribution goes on after: "«…»، قال X لـ«…»، «…»").
_JOINED = re.compile(r"^\s*(?:、|و|ו|और|및|と|和|及|และ)\s*$")
_SHORT_WORDS = 3
_ARTICLES = ("ال", "ה")
_SHORT_CHARS = 8


def _inner(part: QuotationPart) -> str:
    text = part.text
    if part.marks and text[:1] == part.marks[0]:
        text = text[1:]
    if part.marks and text[-1:] == part.marks[-1]:
        text = text[:-1]
    return text.strip()


def _short(inner: str, t: Table) -> bool:
    if t.lang == "th":  # Thai words are long, and spaces part phrases, not words
        return len(inner) <= 3 * _SHORT_CHARS
    if t.lang in UNSPACED:
        return len(inner) <= _SHORT_CHARS
    return len(inner.split()) <= _SHORT_WORDS


# Words written on a thing, the clause before its noun: "「勝訴」と書かれた紙" (a paper
# reading "won"), "「一日一首」と書いた紙" (not "…と書かれていた", was written).
_JA_WRITTEN_ON = re.compile(
    r"と(?:大きく|太く|手書きで)?書(?:かれ|い)た"
    r"(?:紙|横断幕|プラカード|看板|垂れ幕|旗|張り紙|貼り紙|ボード|カード|色紙|短冊|Tシャツ|ゼッケン|札|板|幕)"
)


# Persian: the paper or site someone spoke to ("در گفت‌وگو با «همشهری» گفت", "به «دنیای
# اقتصاد» گفت") or whose headline is quoted ("«اعتماد» با تیتر «…»").
_FA_TO_OUTLET = (" به", " با", "\u200cبا")


def _fa_outlet(lead: str, tail: str, t: Table) -> bool:
    if tail.startswith(("با تیتر", "در شماره")):
        return True
    if not (" " + lead).endswith(_FA_TO_OUTLET):
        return False
    hit = find_verb(" ".join(tail.split()[:3]), t, last=False)
    return hit is not None and hit[0] == 0


def _cue(before: str, after: str, t: Table, *, long: bool) -> str | None:
    """The type the word right before (or else right after) a quotation marks; ``long``:
    the quotation has more words than a name usually has."""
    lead = before.rstrip(" \u00a0\u3000")
    tail = after.lstrip(" \u00a0\u3000")
    cues = t.type_cues
    if tail.startswith(cues.silencing):
        return None
    if t.lang == "ja" and _JA_WRITTEN_ON.match(tail):
        return "term"
    for kind, word in cues.before:
        if _written_before(lead, word, t, long=long):
            return kind
    if not long and _named_by_its_kind(lead, t):
        return "name"
    if _titled_by_its_kind(lead, t):
        return "title"
    if _called(before, after, t):
        return None  # "این فیلم را «…» خوانده بود" (had called the film …): said, not named
    if t.lang == "fa" and _fa_outlet(lead, tail, t):
        return "title"
    for kind, word in cues.after:
        if _written_after(tail, word, t):
            return kind
    return None


def _written_before(lead: str, word: str, t: Table, *, long: bool) -> bool:
    if not lead.endswith(word):
        return False
    head = lead[: len(lead) - len(word)]
    if t.lang in UNSPACED or t.lang == "ko" or not head or head[-1].isspace():
        written = word
    elif head[-1] in t.type_cues.prefixes and (len(head) == 1 or head[-2].isspace()):
        written = head[-1] + word  # a prefix written onto the cue: "لشركة", "בתוכנית"
    else:
        return False  # the end of a longer word
    # "إن الفيلم «يرى السودان …»", 'החברה "הפרה …"': a definite noun before many
    # words is the subject of what they say, not what names them.
    definite = written.startswith((*_ARTICLES, "لل")) or written[1:].startswith(_ARTICLES)
    return not (long and definite)


# Where the noun of a kind comes first in a name: "«قانون نظام رتبه‌بندی معلمان»",
# "“แผนบริหารจัดการน้ำ…”"; elsewhere it comes last: "‘खेत तालाब योजना’", "“…规划”".
_HEAD_FIRST = ("ar", "fa", "he", "th")


def _attributed_after(inner: str, after: str, t: Table) -> bool:
    """Thai: a quotation of several words that a short subject and a verb of saying
    follow ("“เราไม่อยากให้ใครประมาท” นายธนวัฒน์กล่าว"): words said."""
    if t.lang != "th" or len(inner) < 8:
        return False
    tail = after.lstrip(" ")
    hit = find_verb(tail[:40], t, last=False)
    if hit is None or hit[0] == 0:
        return False  # "“ABC” กล่าวว่า": the quotation is the subject itself
    subject = tail[: hit[0]]
    if subject.startswith((*t.while_words, "และ", "แต่", "ซึ่ง", "โดย")):
        return False  # "“…” ขณะที่นักวิชาการมองว่า": a clause of its own after it
    return len(subject) <= 25 and not any(c in subject for c in _PUNCT)


# Hebrew verbs of calling for and responding to, whose "ל" is no outlet.
_HE_CALLED_OR_ANSWERED = re.compile(r"^ו?(?:קרא|קורא|הגיב|מגיב|התייחס|מתייחס)")
# Hebrew verbs of accusing: "האשים", "מאשימים", "האשימה".
_HE_ACCUSING = re.compile(r"^ו?(?:ה|מ)אשי?מ(?!ה$|ות$)")  # (not the noun "האשמה")
# Hebrew words of reporting and publishing: "פורסמו", "דיווח", "נחשפו", "נכתב", "ראיון".
_HE_PUBLISHING = re.compile(r"(?:פורס|דיווח|דווח|נחשפ|נכתב|ראיון|כתבה)")


def _he_outlet(before: str, after: str, inner: str, t: Table) -> str | None:
    """Hebrew: what marks with a prefix written onto them hold: "speech" for what someone
    is accused of ('מאשימים את X ב"…"'); "title" for a paper or programme someone spoke
    to ('אמרה ל"כלכליסט"') or that published ('שפורסמו השבוע ב"גלובס"', 'ב"מעריב"
    דווח'); "name" for the body a response came from ('מ"אבני הגליל" נמסר')."""
    if t.lang != "he" or len(inner.split()) > _SHORT_WORDS or not before[-1:]:
        return None
    prefix, words = before[-1], before[:-1].split()
    if before[-2:-1].strip() or prefix not in "לבמ":
        return None  # the prefix must stand alone before the marks
    next_words = after.split()[:2]
    if prefix == "מ":
        return "name" if next_words[:1] == ["נמסר"] else None
    if prefix == "ל":
        # (not what someone called for or responded to: 'קרא ל"אחדות לאומית"', 'הגיב
        # ל"טענות"')
        said = bool(words) and find_verb(words[-1], t, last=True) is not None
        return "title" if said and not _HE_CALLED_OR_ANSWERED.match(words[-1]) else None
    if any(_HE_ACCUSING.search(w) for w in words[-4:]):
        return "speech"  # 'ומאשימים את ההסתדרות ב"הסלמה מיותרת"': what they accuse it of
    reported = any(_HE_PUBLISHING.search(w) for w in (*words[-3:], *next_words))
    return "title" if reported else None


def _verb_follows(before: str, after: str, inner: str, t: Table) -> bool:
    """Arabic and Hebrew: a quotation that opens its sentence with a verb of saying right
    after it and its comma, its subject after it ('"אין לזה בסיס", אמר גורם מדיני',
    "«…»، قال الوزير"): words said (not a book's title in an apposition: 'קליינמן,
    מחבר הספר "…", אמר כי')."""
    if t.lang not in ("ar", "he") or _CLAUSE_END.split(before)[-1].strip(" \u00a0"):
        return False
    tail = after.lstrip(" \u00a0")
    if not (tail[:1] in (",", "،") or inner.rstrip().endswith((",", "،"))):
        return False  # '"אל על" הודיעה', "«أرامكو» أعلنت": the name is the subject
    words = tail.lstrip(" ,،\u00a0").split(maxsplit=1)
    return bool(words) and find_verb(words[0], t, last=False) is not None


# Hindi verbs that take a few words quoted as what something was called or judged:
# "फैसले को “नजीर” बताते हुए", "इसे “…” करार दिया", "“अनदेखी” का आरोप लगाया".
_HI_CALLED = re.compile(r"\s*(?:बताया|बताते|बताती|बताई|करार|(?:का|की) आरोप)(?!\S)")


# Hebrew: what someone called a thing ("כינה את שטרן "סוס טרויאני"", past and one
# person: an act of theirs, not a nickname people use, "כינו", "מכנים") or words inside a clause that "according to her"
# opens ("לדבריה, המלאי "נמוך באופן מסוכן"").
_HE_CALLED = re.compile(r"(?:^|\s)ו?(?:כינה|כינתה)(?:\s+\S+){0,3}\s*$")
_HE_ACCORDING = re.compile(r"(?:^|\s)ו?(?:לדבריו|לדבריה|לדבריהם|לדברי|לטענתו|לטענתה|לטענת)(?:\s|,)")


def _he_called_or_according(before: str, after: str, inner: str, t: Table) -> bool:
    if t.lang != "he":
        return False
    clause = re.split(r"[.!?:]", before)[-1]
    if _HE_CALLED.search(clause) and " " in inner.strip():
        return True  # (one word is a nickname: "כינה אותו "הפרעוש"")
    # (the words end their clause: not '"אשפוז המסדרונות" הפכה לשגרה', a thing named;
    # nor a paper after a preposition: 'עבדה ב"הארץ"')
    return (
        bool(_HE_ACCORDING.search(clause))
        and after.lstrip()[:1] in ("", ",", ".", ";", "!", "?")
        and not clause.rstrip().endswith(("ב", "ל", "מ"))
    )


def _hi_called(before: str, after: str, t: Table) -> bool:
    # (not a name given: "अपना नाम “सोनू” बताया")
    return t.lang == "hi" and bool(_HI_CALLED.match(after)) and not before.rstrip().endswith("नाम")


def _right_after_saying(before: str, t: Table) -> bool:
    """Chinese: a quotation right after a verb of saying or praising with nothing
    between ("称赞新站“…”" is not, "交易员称之为“…”" is): words said."""
    if t.lang != "zh":
        return False
    lead = before.rstrip()
    hit = find_verb(lead[-6:], t, last=True)
    return hit is not None and hit[1] == len(lead[-6:])


# What ends a Chinese clause right after a quotation.
_ZH_CLAUSE_ENDS = ("。", "，", "；", "！", "？")
# A Chinese negation, which makes words a predicate: "不怕慢", "没有正常经营的意图" (not
# "无人机", "无印良品", whose 无 is part of a noun).
_ZH_NEGATION = re.compile(r"[不没]")


def _zh_predicate(inner: str, t: Table, *, opening: bool = True) -> bool:
    """Chinese words that say something of something: a negation that opens them
    ("不怕慢"), or, with ``opening`` false, anywhere in a longer run ("自始就没有…")."""
    if t.lang != "zh":
        return False
    if opening:
        return bool(_ZH_NEGATION.match(inner))
    return len(inner) >= 6 and bool(_ZH_NEGATION.search(inner))


def _predicated(inner: str) -> bool:
    return any(w.strip(_PUNCT + ".") in _PREDICATING for w in inner.split())


# Arabic nouns that open the name of a party, a movement or a union.
_AR_BODY_HEADS = frozenset(
    f"{a}{w}"
    for w in ("حزب", "تيار", "إطار", "ائتلاف", "حركة", "اتحاد", "جمعية", "تجمع", "جبهة", "كتلة")
    for a in ("", "ال")
)


def _kind_inside(inner: str, before: str, after: str, t: Table) -> str | None:
    """A title that says its kind inside the marks: a scheme, a campaign, a plan or a
    law ("‘मुख्यमंत्री जल सेवा अभियान’", "«طرح انتقال آب …»", "«قانون الاستثمار»"), where
    nothing makes it words said: no verb, copula or negation in it, no verb of saying
    or calling after it ("… ‘किसानों को ठगने की योजना’ बताया"), and in Arabic and Hebrew
    a definite word after the noun ("«قانون العمل»", not "«مشروع وطني بامتياز»")."""
    words = inner.split()
    ends = _NAME_ENDS.get(t.lang, ())
    if len(words) == 1 and any(inner.endswith(e) and len(inner) > len(e) + 1 for e in ends):
        return "name"  # "‘금성호’", "“复兴号”": a ship's or a train's name
    if len(words) < 2 and t.lang not in UNSPACED and t.lang != "th":
        return None
    # (a Thai title runs on without spaces: "แผนปรับปรุงระบบท่อจ่ายน้ำระยะที่ 9")
    longest = 40 if t.lang == "th" else 24 if t.lang in ("zh", "ja") else 12
    if not words or (len(words) > 6 if t.lang not in UNSPACED else len(inner) > longest):
        return None
    if inner[-1] in _PUNCT + ".…，。、":
        return None  # '"התוכנית תשנה את פני העיר,"': words that go on after an attribution
    if find_verb(inner, t, last=False) is not None or any(w in _PREDICATING for w in words):
        return None
    if t.lang in UNSPACED and any(c in inner for c in "不没无是"):
        return None
    if any(
        inner.endswith(e) and len(inner) > len(e) + 1 for e in _PLACE_ENDS.get(t.lang, ())
    ) and not (t.lang == "zh" and any(c in inner for c in _ZH_CLAUSE_CHARS)):
        # "“运河纺织记忆馆”", "“黄石东风水泥厂”", "「しらさわ雪の会」": a place's, a
        # firm's or a society's name, by the noun its name ends with
        return "name"
    if find_verb(after[:24], t, last=False) is not None:
        return None
    if t.lang == "ar" and 2 <= len(words) <= 5 and words[0] in _AR_BODY_HEADS:
        return "name"  # "«التيار الوطني الحر»", "«الإطار التنسيقي»": a party, a bloc
    lead = _CLAUSE_END.split(before)[-1].rstrip(" ,،:")
    if lead.endswith((" को", " را")) or find_verb(lead[-24:], t, last=True) is not None:
        # "रिपोर्ट को ‘… अभियान’ करार दिया" (declared the report a campaign), "कहना है,
        # ‘…’": what something was called, or words said
        return None
    heads = _TITLE_HEADS.get(t.lang, ())
    if t.lang == "th":  # one run of letters: "แผนป้องกันน้ำท่วม…"
        return (
            "title" if any(inner.startswith(h) and len(inner) > len(h) + 4 for h in heads) else None
        )
    if t.lang in _HEAD_FIRST:
        if words[0] not in heads:
            return None
        if t.lang in ("ar", "he") and not words[1].startswith(_ARTICLES):
            return None
        return "title"
    return "title" if any(inner.endswith(h) and len(inner) > len(h) for h in heads) else None


# The nouns of kinds of titles a title names itself by: schemes, campaigns, plans, laws.
_TITLE_HEADS = {
    "hi": (" योजना", " अभियान", " कार्यक्रम", " मिशन", " मुहिम"),
    "fa": ("طرح", "قانون", "لایحه", "برنامه", "پویش", "سند"),
    "ar": ("قانون", "مشروع", "خطة", "مبادرة", "حملة", "برنامج", "استراتيجية"),
    "he": ("חוק", "תוכנית", "תכנית", "מבצע", "פרויקט", "מיזם"),
    "th": ("แผน", "โครงการ", "มาตรการ", "ยุทธศาสตร์"),
    "zh": ("规划", "计划", "方案", "工程", "条例", "行动", "标准", "指南", "办法"),
    "ja": ("計画", "条例", "構想", "パッケージ", "プロジェクト", "プラン", "基準", "指針", "事業"),
    "ko": (
        "특별법",
        "법",
        "계획",
        "대책",
        "보고서",
        "종합대책",
        "방안",
        "캠페인",
        "프로젝트",
        "지침",
        "사업",
    ),
}
# The nouns a place's, a firm's or a society's name ends with, in the scripts that write
# no spaces.
_PLACE_ENDS = {
    "zh": (
        "馆",
        "厂",
        "园",
        "院",
        "公司",
        "集团",
        "中心",
        "酒店",
        "书店",
        "学校",
        "大学",
        "中学",
        "小学",
        "剧院",
        "合作社",
        "协会",
        "研究所",
    ),
    "ja": ("協議会", "の会", "天文台", "列車", "株式会社", "ホテル", "研究所", "協会"),
}
# Chinese characters of a clause, not of a name: pronouns, auxiliaries, aspect marks
# ("我们明年要建新厂" are words said).
_ZH_CLAUSE_CHARS = frozenset("我你他她们要会在把被了着过就都也还很")
# The ends that make a name of what they end: a ship or a train ("금성호", "复兴号", "日本丸").
_NAME_ENDS = {"ko": ("호",), "zh": ("号",), "ja": ("号", "丸")}
# Words that make a quotation a sentence: a copula, "not", "there is no".
_PREDICATING = frozenset(
    {
        "है",
        "हैं",
        "था",
        "थी",
        "नहीं",
        "यह",
        "ये",
        "वह",
        "است",
        "نیست",
        "بود",
        "هست",
        "هو",
        "هي",
        "لا",
        "ليس",
        "הוא",
        "היא",
        "אין",
        "לא",
        "ไม่",
        "เป็น",
        "คือ",
    }
)


# The nouns a name stands after with its modifiers: Hebrew singular construct forms in
# ת ("חברת", "רשת", "עמותת", not "רשתות"), Arabic feminine nouns in ة ("شركة", "شبكة").
_CONSTRUCT = {"he": re.compile(r"(?<!ו)ת$"), "ar": re.compile(r"ة$")}
# Plural endings of Hebrew and Arabic nouns: a kind of many things names none of them.
_PLURAL = ("ות", "ים", "ات", "ون", "ين")
# Thai nouns too common to start a name run on from them: a market, a group, a centre.
_THAI_TOO_GENERIC = frozenset({"ตลาด", "กลุ่ม", "ศูนย์", "รุ่น"})


@functools.cache
def _kind_nouns(lang: str, kind: str = "name") -> tuple[str, ...]:
    """The one-word nouns of kinds of named (or titled) things in a language's cues."""
    cues = tables()[lang].type_cues.before
    return tuple(w for k, w in cues if k == kind and " " not in w)


def _titled_by_its_kind(lead: str, t: Table) -> bool:
    """Hebrew and Arabic: the definite noun of a kind of titled thing and its adjectives
    right before a quotation ("الفيلم المغربي «…»", "התוכנית הממשלתית "…"", the
    government's plan): the title of that film or plan."""
    if t.lang not in ("he", "ar"):
        return False
    words = lead.split()[-3:]
    heads = _kind_nouns(t.lang, "title")
    for k in (len(words) - 2, len(words) - 3):
        if k < 0:
            continue
        head, modifiers = words[k], words[k + 1 :]
        if any(ch in w for w in [head, *modifiers] for ch in _PUNCT):
            return False
        bare = head[1:] if head[:1] in t.type_cues.prefixes else head
        # the article, or one a preposition took in ("בסרט הישראלי", in the Israeli film)
        definite = head.startswith(_ARTICLES) or head[1:].startswith(_ARTICLES) or bare != head
        if (head in heads or bare in heads) and definite and not head.endswith(_PLURAL):
            return bool(modifiers) and all(w.startswith(_ARTICLES) for w in modifiers)
    return False


def _named_by_its_kind(lead: str, t: Table) -> bool:
    """A noun of a kind of thing with its modifiers right before a short quotation, where
    the noun comes first: 'חברת הבנייה "…"', 'רשת המרכולים "…"', "شرکت سرمایه‌گذاری
    «…»" (a company of construction, a chain of supermarkets), or in Thai one word run
    on from it ("สตาร์ทอัพเกษตรอัจฉริยะ “…”", an agritech start-up)."""
    names = _kind_nouns(t.lang)
    if t.lang == "th":
        chunk = lead.rsplit(None, 1)[-1] if lead.strip() else ""
        if len(chunk) > 20 or find_verb(chunk, t, last=False) is not None:
            return False  # a clause run on without spaces: "บริษัทปรับตัวด้วย…มากขึ้น"
        return any(
            chunk.startswith(w) and len(chunk) > len(w)
            for w in names
            if len(w) > 2 and w not in _THAI_TOO_GENERIC
        )
    if t.lang not in ("he", "ar", "fa"):
        return False
    words = lead.split()[-3:]
    for k in (len(words) - 2, len(words) - 3):
        if k < 0:
            continue
        head, modifiers = words[k], words[k + 1 :]
        if any(ch in w for w in [head, *modifiers] for ch in _PUNCT):
            return False  # a clause's end or another quotation between
        bare = head[1:] if head[:1] in t.type_cues.prefixes else head
        if head not in names and bare not in names:
            continue
        definite = (
            bool(modifiers)
            and (head.startswith(_ARTICLES) or head[1:].startswith(_ARTICLES))
            and not head.endswith(_PLURAL)
        )
        if t.lang in _CONSTRUCT and not (_CONSTRUCT[t.lang].search(bare) or definite):
            # "مركز المدينة", "ברשתות החברתיות": a place or a plural, no name; but a
            # definite noun and its adjective ("הלוויין הישראלי", the Israeli satellite)
            return False
        if t.lang == "fa":
            return len(modifiers) == 1 and find_verb(modifiers[0], t, last=False) is None
        # Hebrew and Arabic modifiers take the article: "הבנייה", "הסייבר הישראלית"
        return all(w.startswith(_ARTICLES) for w in modifiers)
    return False


def _written_after(tail: str, word: str, t: Table) -> bool:
    if not tail.startswith(word):
        return False
    rest = tail[len(word) :]
    # In a spaced script the cue is a word of its own, not the start of a longer one
    # (Korean nouns take their particles: "사업을").
    return t.lang in UNSPACED or t.lang == "ko" or not rest[:1].isalpha()


_CLAUSE_END = re.compile(r"[。！？!?；;.؟।]")
_PUNCT = ",،:;\"'«»“”„‘’"


def _reported(before: str, inner: str, t: Table, after: str = "") -> bool:
    """A quotation inside what a sentence reports somebody said: in Chinese the clause a
    verb of saying and a comma open ("林国栋表示，公司计划……，“让核心部件尽量不出
    园区”。"); in the spaced scripts the clause after a verb of saying and "that"
    ("وقالت المنظمة إن «الوضع يتدهور بسرعة»"), where a word or two is a term all the
    same; in Thai right after a verb of saying and ว่า ("X บอกว่า “…”")."""
    sentence = _CLAUSE_END.split(before)[-1]
    if t.lang == "th":  # "X บอกว่า “…”": right after a verb of saying and ว่า
        lead = sentence.rstrip()
        return lead.endswith("ว่า") and any(lead[:-3].endswith(v) for v in t.verbs)
    if t.lang == "zh":
        # (a few words are a term, "推进“放管服”改革", unless they end the clause as its
        # predicate: "特点是“不怕慢”。")
        if len(inner) < _SHORT_CHARS - 3 and not (
            len(inner) >= 3 and after[:1] in _ZH_CLAUSE_ENDS and _zh_predicate(inner, t)
        ):
            return False
        for verb in t.verbs:
            i = sentence.find(verb)
            if i > 0 and sentence[i + len(verb) : i + len(verb) + 1] in ("，", "：", ",", ":"):
                return True
        return False
    if not t.that or len(inner.split()) < _SHORT_WORDS:
        return False
    hit = find_verb(sentence, t, last=False)
    return hit is not None and any(w.strip(_PUNCT) in t.that for w in sentence[hit[1] :].split())


# The Korean endings that quote what was said: "“…”며 항소 의사를 내비쳤다", "“…”고 말했다";
# not "“…”라는" (called), which names a thing.
_KO_QUOTING = re.compile(r"(?:(?:이?라고|고)(?:만|도)?|이?라며|며|(?:이?라)?면서도?)(?=\s|$|[,.])")


# Japanese: "と" and a verb of saying, writing or calling out after the words
# ("『…』と言われた", "『…』と書いてくれた"); not "と呼ばれる" (called), which names.
_JA_QUOTING = re.compile(
    r"と(?:よく|いつも|何度も|常々)?(?:言(?!えば|われる)|書(?!かれ)|話(?!題)|叫|語|述|励ま|声をかけ|教え)"
)


def _quoted_by_ending(after: str, t: Table, *, nested: bool = False) -> bool:
    """Korean endings that quote; in Japanese, "と" and a verb of saying after words
    quoted inside someone's words (not "『…』と言えば", "と書かれた")."""
    if t.lang == "ja":
        return nested and bool(_JA_QUOTING.match(after.lstrip(" \u3000")))
    return t.lang == "ko" and bool(_KO_QUOTING.match(after))


def _called(before: str, after: str, t: Table, inner: str | None = None) -> bool:
    """Persian "X این طرح را «ضدمردمی» خواند" (called the plan "…"): the object marker
    right before the quotation and a verb of calling right after it (the table's
    ``calling``), or "به «…» متهم کرد" (accused of …); what the plan was called are X's
    words."""
    if t.lang == "fa" and (" " + before.rstrip()).endswith(" به") and after.split()[:1] == ["متهم"]:
        return True  # "وزارت نیرو را به «وعده‌فروشی» متهم کرد": what X accused it of
    if not t.calling or not before.rstrip().endswith((" را", "آنچه", "آن\u200cچه")):
        return False  # (or "با انتقاد از آنچه «…» خواند": what she called …)
    words = [w.strip(".،,") for w in after.split()[:2]]
    if any(w in ("هر", "هیچ") for w in before.split()[-4:-1]):
        return False  # "هر انتقادی را «سیاه‌نمایی» قلمداد کرد": any criticism, a term
    if (
        inner is not None
        and " " not in inner.strip()
        and not inner.strip().endswith("ی")  # (an adjective: "«غیرقانونی»", "«ضروری»")
        and not any(w in ("این", "آن") for w in before.split()[-4:-1])
    ):
        return False  # "محصول جدید را «آریا» خواند": one word, a name given
    # "فروش روز نخست را «بهتر از انتظار» توصیف کرد", "تحریم‌ها را «غیرقانونی» خواند":
    # judged, not named (a name is given with "نامید", no verb of this table)
    return any(w in t.calling for w in words)


def _called_for(before: str, t: Table) -> bool:
    """Arabic: the words someone called for or described something as, right after
    "إلى" or "بأنه" ("ودعت المانحين إلى «تحرك عاجل»", "ووصفتها … بأنها «خطوة طال
    انتظارها»"): words of theirs, not a term."""
    if t.lang != "ar":
        return False
    clause = _CLAUSE_END.split(before)[-1]
    words = clause.split()
    if not words:
        return False
    if words[-1] in ("بأنه", "بأنها", "بأن"):
        return any(w.startswith(("وصف", "ووصف", "يصف", "ويصف", "تصف", "وتصف")) for w in words)
    if words[-1] != "إلى":
        return False
    hit = find_verb(clause, t, last=True)
    return hit is not None and hit[2].removeprefix("و").startswith(("دعا", "دعت", "يدعو", "تدعو"))


_FA_COPULA = re.compile(r"(?:خواهد )?(?:بود|است|هست|نیست|نبود|باشد|بوده است|هستند|بودند)")
_FA_CLAUSE_RUN = re.compile(r"[^،,.;:!?؟«»\"]*")


def _words_of_saying(before: str, after: str, t: Table, inner: str = "") -> bool:
    """A few words quoted at the end of what a verb of saying reports after "that", in
    the spaced scripts ('הבהיר כי ההסתדרות מוכנה לחזור לשולחן "כבר הלילה", אך'): a
    partial quotation, not a term. Not a quotation right after "that" ("ترى الحكومة أن
    «الاقتصاد الأخضر» هو …", the clause's subject), nor one the clause goes on after, nor
    in Chinese or Thai, where no "that" shows where the words reported begin."""
    if t.lang in UNSPACED or not t.that:
        return False
    clause = _CLAUSE_END.split(before)[-1]
    hit = find_verb(clause, t, last=True)
    if hit is None:
        return False
    between = clause[hit[1] :]
    if any(ch in between for ch in _PUNCT):
        return False  # another quotation, or a clause's end, stands between
    if t.lang == "he" and clause[: hit[1]].split()[-1].startswith("ש"):
        return False  # 'ההסכם, שהבטיח "שקט תעשייתי"': a relative clause about a thing
    words = [w.strip(_PUNCT) for w in between.split()]
    said_that = any(w in t.that for w in words[:-1])
    # (Persian may leave "که" out: "گفت تیمش «شایسته برد» بود"; not the clause's subject
    # right after the verb, "گفت «برجام» هنوز زنده است")
    # (and of two words at least: "«پراید»" is a car's name)
    if len(words) > 8 or not (said_that or (t.lang == "fa" and words and " " in inner.strip())):
        return False
    tail = after.lstrip(" \u00a0")
    if t.lang == "fa" and tail.split()[:1] and tail.split()[0].strip(".،,") in t.calling:
        return False  # "را «…» قلمداد کرد": what it was called, for _called to judge
    verb_after = _FA_CLAUSE_RUN.match(tail) if t.lang == "fa" else None
    if verb_after is not None and (
        len(verb_after.group(0).split()) <= 3
        if said_that
        else _FA_COPULA.fullmatch(verb_after.group(0).strip())
    ):
        # the verb that ends the clause: "«موقتی» خواهد بود." (without "که", a copula)
        tail = tail[verb_after.end() :]
    return not tail or tail[0] in ",،.;:!?؟।"


def _said(before: str, after: str, t: Table) -> bool:
    """A reply of its own: a colon or a verb of saying right before, the sentence's end
    right after ("صالحی گفت: «هرگز»." is words said, whatever film bears them; a dateline
    "القاهرة: «الشرق الأوسط» افتتحت …" is not)."""
    if after.strip()[:1] not in ("", ".", "!", "?", "؟", "。", "।"):
        return False
    lead = before.rstrip()
    if lead.endswith((":", "：")):
        return True
    tail = lead[-12:] if t.lang in UNSPACED else " ".join(lead.split()[-2:])
    return bool(tail) and find_verb(tail, t, last=True) is not None


def _named_first(text: str, first: QuotationPart, t: Table) -> str | None:
    """The name or title a cue gives the first part of a linked quotation ("อาสาสมัคร
    มูลนิธิ “ร่วมใจกู้ภัย” บอกว่า “…”": the foundation's name, then the words its
    volunteer said), or None."""
    inner = _inner(first)
    if not _short(inner, t) or _predicated(inner) or _SENTENCE_END.search(inner):
        return None
    cue = _cue(text[: first.start.offset], text[first.end.offset :], t, long=False)
    return cue if cue in ("name", "title") else None


def retype(
    paragraphs: list[str], parts: tuple[QuotationPart, ...], *, lang: str
) -> tuple[QuotationPart, ...]:
    """``parts`` with the types the words beside them say, for a language whose table
    in ``uncased.json`` has ``type_cues``."""
    t = tables().get(lang)
    if t is None or not (t.type_cues.before or t.type_cues.after):
        return parts
    types: dict[str, str] = {}
    # The words a cue typed as a title or name: the same words quoted again are the
    # same thing ("شرکت «پیک‌رو»" in the lead, "هم‌بنیان‌گذار «پیک‌رو»" later).
    cued: dict[str, str] = {}
    short_speech: list[tuple[QuotationPart, str]] = []
    previous: tuple[QuotationPart, str] | None = None
    for chain in chains(parts):
        first = chain[0]
        kind = first.type or "speech"
        if first.marks in _TITLE_MARKS and t.lang == "zh":
            # 《…》 and 〈…〉 hold titles in Chinese whatever the words around say (Korean
            # papers in the North quote words in them)
            kind = "title"
        elif len(chain) == 1 and first.kind == "quote":
            text = paragraphs[first.paragraph - 1]
            inner = _inner(first)
            before = text[: first.start.offset]
            after = text[first.end.offset :]
            if not _SENTENCE_END.search(inner):
                cue = _cue(before, after, t, long=len(inner.split()) > _SHORT_WORDS + 1)
                if cue is None:
                    cue = _he_outlet(before, after, inner, t)
                if cue == "name" and (_predicated(inner) or _zh_predicate(inner, t, opening=False)):
                    # 'בנק מרכזי «روند تورم کاهشی است»', '该公司“自始就没有…的意图”': a
                    # sentence, no name
                    cue = None
                # The signs that the words were said, read once where no cue spoke.
                reported = answered = right_after = partial = False
                if cue is None:
                    reported = _reported(before, inner, t, after)
                    answered = (
                        _quoted_by_ending(
                            after,
                            t,
                            nested=first.depth > 0 and types.get(first.parent or "") == "speech",
                        )
                        or _attributed_after(inner, after, t)
                        or _verb_follows(before, after, inner, t)
                    )
                    right_after = _right_after_saying(before, t)
                    partial = (
                        _hi_called(before, after, t)
                        or _he_called_or_according(before, after, inner, t)
                        or _words_of_saying(before, after, t, inner)
                        or _called(before, after, t, inner)
                        or _called_for(before, t)
                    )
                    if not (reported or answered or right_after or partial):
                        cue = _kind_inside(inner, before, after, t)
                joined = (
                    previous is not None
                    and previous[0].paragraph == first.paragraph
                    and previous[0].depth == first.depth
                    and previous[1] != "speech"
                    and _short(inner, t)
                    and bool(_JOINED.match(text[previous[0].end.offset : first.start.offset]))
                )
                if cue is not None:
                    kind = cue
                    if cue in ("title", "name"):
                        cued.setdefault(inner, cue)
                elif (
                    (kind != "speech" and reported)
                    or answered
                    or (kind != "title" and right_after)
                    or (kind in ("term", "title") and first.depth == 0 and partial)
                ):
                    kind = "speech"
                elif joined and previous is not None:
                    kind = previous[1]
                elif first.depth > 0 and _short(inner, t):
                    kind = "term"
                if kind == "speech" and _short(inner, t) and not _said(before, after, t):
                    short_speech.append((first, inner))
        for p in chain:
            types[p.id] = kind
        previous = (chain[-1], kind)
    for part, inner in short_speech:
        if inner in cued:
            types[part.id] = cued[inner]
    # A linked first part that is such a name is no part of the speech after it:
    # "هم‌بنیان‌گذار «پیک‌رو»، در گفت‌وگو با ایرنا گفت: «…»".
    unlinked: dict[str, str] = {}
    for chain in chains(parts):
        first = chain[0]
        if len(chain) < 2 or first.kind != "quote":
            continue
        inner = _inner(first)
        kind_of = cued.get(inner) or _named_first(paragraphs[first.paragraph - 1], first, t)
        if kind_of is not None:
            types[first.id] = kind_of
            unlinked[first.id] = chain[1].id
    out = []
    for p in parts:
        p = with_fields(p, type=types.get(p.id, p.type))
        if p.id in unlinked:
            p = with_fields(p, next=None)
        elif p.prev is not None and unlinked.get(p.prev) == p.id:
            p = with_fields(p, prev=None)
        out.append(p)
    return tuple(out)
