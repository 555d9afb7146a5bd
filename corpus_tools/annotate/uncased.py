"""Speakers in languages written without capital letters (zh, ja, ko, ar, fa, he, hi, th).

The person rules of :mod:`~corpus_tools.annotate.speakers` find names by their capitals;
these scripts have none, so a name is found by what stands around it instead, from the
tables in ``uncased.json`` beside it: a verb of saying and where its subject stands (before
it in Chinese, Persian, Hindi and Thai; after it too in Arabic and Hebrew; the phrase
that a topic particle closes in Japanese and Korean), the titles and honorifics a
name stands between (``الدكتور``, ``נשיא``, ``นาย``, ``さん``, ``씨``), the role nouns
cut from a phrase (``副局长``, ``सचिव``), and for Chinese and Korean the family names a
personal name starts with.

For each speech quotation the attribution is looked for in this order: between its
parts, in the rest of its sentence after it, in its sentence before it, in a source
phrase (``据…介绍``, ``به گفته``, ``לדברי``), in the reporting sentence that ends the
paragraph before where the quotation is a paragraph of its own and that paragraph holds
no quotation; a quotation with none continues the speech before it in its paragraph, or
in the paragraph before where it opens its own. A verb without a subject after a
quotation ("وأضاف", "אמרה") takes the subject of the reporting sentence before it, or
of the sentence that leads to the quotation ("وأوضح العمري أن «…»، لافتاً …"). The
phrase found is then read as:

* a name, taken up by the fuller name the article gives elsewhere (``森川さん`` ->
  ``森川敏夫``, ``الخطيب`` -> ``سامر الخطيب``, ``นายสมศักดิ์`` -> ``สมศักดิ์ วงศ์ใหญ่``);
* a pronoun, or a verb without a subject: the person named last before the quotation
  whose gender (where the pronoun, the verb or a title shows one) does not contradict;
* a role noun alone (``השופטת``, ``윤 감독``): the person the article introduced with it
  (in Arabic and Hebrew, with the article, also the one it names with it later), an
  office in apposition to a Thai name, or the words a named speaker was introduced with
  (``رئيس الدائرة الانتخابية``), not a former holder;
* a body's short form or anaphor (``同保健所``, ``该厅``, ``선관위``): the body the article
  named in full before (``浜松市保健所``);
* anything else: the description or body as written (``조직위 관계자``,
  ``لखनऊ के एक अभिभावक``), as the guidelines ask for a speaker never named.

The agency's dateline (``تهران- ایرنا-``, ``(서울=연합뉴스) … 기자 =``) is no part of any
phrase read. Where none of this applies the speaker stays unknown (None): these rules
are a floor for scripts without tables, not a guess.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from corpus_tools.annotate.classify import chains
from corpus_tools.annotate.quotations import QuotationPart, Speaker, with_fields
from corpus_tools.annotate.speakers import Person, person_id
from corpus_tools.annotate.titles import find_dateline
from corpus_tools.annotate.uncased_tables import CONJUNCTIONS, LANGS, SPEAKING_OCCASIONS, handles
from corpus_tools.annotate.uncased_tables import END as _END
from corpus_tools.annotate.uncased_tables import MARKS_AND_SPACE as _MARKS_AND_SPACE
from corpus_tools.annotate.uncased_tables import QUOTE_MARKS as _QUOTE_MARKS
from corpus_tools.annotate.uncased_tables import SPACED_TOKEN as _SPACED_TOKEN
from corpus_tools.annotate.uncased_tables import UNSPACED as _UNSPACED
from corpus_tools.annotate.uncased_tables import Table as _Table
from corpus_tools.annotate.uncased_tables import after_while as _after_while
from corpus_tools.annotate.uncased_tables import find_verb as _find_verb
from corpus_tools.annotate.uncased_tables import tables as _tables
from corpus_tools.annotate.uncased_tables import unprefixed as _unprefixed

__all__ = ["LANGS", "attribute", "handles"]

_MASK = "\u2591"  # stands for the letters of a speech quotation while attributions are read
_AGE = re.compile(r"[（(]\s*\d{1,3}\s*[）)]")
_SHORT_FORM = re.compile(r"(?<=[\uac00-\ud7a3])[（(][\uac00-\ud7a3A-Za-z]{1,8}[）)]")
# Words that open a clause of their own after a quotation: "据他介绍" (according to him).
_OPENS_CLAUSE = {"zh": ("据",)}
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
# A word of a Korean affiliation, which may hold Latin letters: "LG경영연구원", "KDI".
_KO_AFFILIATION = re.compile(r"[\uac00-\ud7a3A-Za-z0-9·&]+")
_KANJI_KATAKANA = re.compile(r"[\u3400-\u9fff\u30a0-\u30ff々ー・]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_MAX_BEFORE = 200
# Thai marks no sentence's end: a subject may open 300 characters before its quotation
# ("เมื่อเวลา … นายวีระพงษ์ ศรีสุวรรณ ผู้ว่าราชการจังหวัดน่าน พร้อมด้วย … โดยกล่าวว่า").
_MAX_BEFORE_TH = 450
_MAX_AFTER = 160


# --- the people an article names -------------------------------------------------------


@dataclass(slots=True)
class _Person:
    name: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    at: list[tuple[int, int]] = field(default_factory=list)  # (paragraph, offset)


@dataclass(slots=True)
class _Found:
    """An attribution: the phrase as written and how to read it."""

    mention: str
    kind: str  # name, pronoun, role, description, zero
    name: str = ""
    gender: str | None = None
    roles: tuple[str, ...] = ()
    # A lone word that may be a name or an unnamed person ("قال تاجر في سوق …"): how the
    # article describes them, taken where the article gives no fuller name.
    described: str = ""


class _Doc:
    """The names one article gives, and who spoke before."""

    def __init__(self, paragraphs: list[str], t: _Table) -> None:
        self.paragraphs = paragraphs
        self.t = t
        self.persons: list[_Person] = []
        # Thai short forms of bodies, read once an attribution asks for them
        self.short_forms: dict[str, tuple[tuple[int, int], str]] | None = None
        # the names quoted as names ("「北信濃鉄道」"), where they stand
        self.quoted_names: list[tuple[tuple[int, int], str]] = []
        # the names in marks a noun of their kind opens ("كشركة «…»"): where, the noun, the name
        self.kind_named: list[tuple[tuple[int, int], str, str]] = []
        # each paragraph's spaced words, read once for the lookups that scan back
        self._words: dict[int, list[re.Match[str]]] = {}
        # the paragraphs with the letters of speech masked, once they are known
        self.masked: list[str] = []

    def in_speech(self, at: tuple[int, int]) -> bool:
        """Whether ``at`` lies inside a speech quotation (past its opening mark)."""
        if not self.masked or not 1 <= at[0] <= len(self.masked) or at[1] < 1:
            return False
        text = self.masked[at[0] - 1]
        return at[1] < len(text) and text[at[1]] == _MASK and text[at[1] - 1] == _MASK

    def words(self, n: int) -> list[re.Match[str]]:
        """The words of paragraph ``n`` (1-based), split at spaces and brackets."""
        if n not in self._words:
            self._words[n] = list(re.finditer(r"[^\s(（]+", self.paragraphs[n - 1]))
        return self._words[n]

    def add(
        self, name: str, where: tuple[int, int], gender: str | None, roles: tuple[str, ...]
    ) -> _Person:
        if self.t.lang == "ar":
            # "المصرية نادية عبد الحميد": an Arabic given name takes no article; the
            # adjective of an office before it is no part of the name
            words = name.split()
            while (
                len(words) > 1
                and words[0].startswith("ال")
                and words[0].endswith(("ية", "ي", "يين", "يون"))  # a nisba adjective
                and not words[1].startswith("ال")
            ):
                words = words[1:]
            name = " ".join(words)
        p = self.fuller(name, where)
        if p is None:
            shorter = [q for q in self.persons if _extends(name, q.name, self.t)]
            if shorter:  # "الملحم" first, "عبد الرحمن الملحم" later: one person
                p = shorter[0]
                p.name = name
            else:
                p = _Person(name)
                self.persons.append(p)
        p.gender = p.gender or gender
        p.roles.update(roles)
        p.at.append(where)
        return p

    def fuller(self, name: str, where: tuple[int, int]) -> _Person | None:
        """The person ``name`` stands for: the same name, or a short form of a fuller one
        (a family or given name, a Japanese family name before さん)."""
        longer = [p for p in self.persons if _extends(p.name, name, self.t)]
        same = [p for p in self.persons if p.name == name]
        if same and not longer:
            return same[0]
        if longer:
            # The one named nearest before, else the first.
            before = [p for p in longer if p.at and min(p.at) <= where]
            return (
                max(before, key=lambda p: max(a for a in p.at if a <= where))
                if before
                else longer[0]
            )
        return None

    def last_before(self, where: tuple[int, int], gender: str | None) -> _Person | None:
        best: tuple[tuple[int, int], _Person] | None = None
        for p in self.persons:
            if gender and p.gender and p.gender != gender:
                continue
            # (not a name the quoted words mention: "그는" takes up the speaker before,
            # not "선수들" from inside their quotation)
            seen = [a for a in p.at if a < where and not self.in_speech(a)]
            if seen and (best is None or max(seen) > best[0]):
                best = (max(seen), p)
        return best[1] if best else None

    def with_role(self, role: str, where: tuple[int, int]) -> _Person | None:
        # "الوزير" takes up a person introduced as "وزير المالية"
        bare = _without_article(role, self.t.lang)
        cands = [
            p
            for p in self.persons
            if (role in p.roles or (bare and bare in p.roles)) and any(a < where for a in p.at)
        ]
        if not cands:
            return None
        return max(cands, key=lambda p: max(a for a in p.at if a < where))

    def with_role_after(self, role: str, where: tuple[int, int]) -> _Person | None:
        """The one person the article names later with the role ("השופטת" in the lead,
        "השופטת ענבל שגיא-לוי" further on); None where it names none or several."""
        bare = _without_article(role, self.t.lang)
        cands = [
            p
            for p in self.persons
            if (role in p.roles or (bare and bare in p.roles))
            and all(a > where for a in p.at)
            and not _FORMER.search(self._introduction(p))
        ]
        return cands[0] if len(cands) == 1 else None

    def _introduction(self, p: _Person) -> str:
        """The words where the article first names ``p`` ("השופט בדימוס עודד מודריק")."""
        n, offset = min(p.at)
        return self.paragraphs[n - 1][max(0, offset - 20) : offset + len(p.name) + 30]


# The definite article written onto a noun: "الوزير", "השופטת".
_ARTICLE = {"ar": "ال", "he": "ה"}


def _without_article(word: str, lang: str) -> str:
    """``word`` without the definite article it starts with, or '' where it has none."""
    article = _ARTICLE.get(lang, "")
    return word[len(article) :] if article and word.startswith(article) else ""


def _extends(full: str, short: str, t: _Table) -> bool:
    """``short`` is a short form of ``full`` (a family name, a given name)."""
    if full == short or len(short) >= len(full):
        return False
    if t.lang == "zh":  # a family name of a personal name: "周" of "周海涛"
        if "·" in full:  # "施耐德" of "马蒂亚斯·施耐德"
            return full.rsplit("·", 1)[-1] == short
        return len(full) <= 4 and full.startswith(short) and short in t.surnames
    if t.lang == "ja":
        # (a foreign name goes by its last part: "ナデリ" of "ダリウシュ・ナデリ"; a
        # family member by the given name: "千秋さん" of "村井千秋")
        return len(short) >= 2 and (
            full.startswith(short)
            or full.rsplit("・", 1)[-1] == short
            # (a family name of two characters: "美子" is no short form of "田中由美子")
            or (full.endswith(short) and len(full) - len(short) == 2)
        )
    if t.lang == "ko":
        return full.startswith(short) and len(short) <= 2 and short in t.surnames
    tokens = full.split()
    return (
        len(tokens) > 1
        and (
            short == tokens[-1]
            or short == tokens[0]
            or short == " ".join(tokens[1:])
            # "बचन सिंह" of "बचन सिंह बिष्ट": the given names without the family name
            or (len(tokens) > 2 and short == " ".join(tokens[:-1]))
        )
    )


# --- reading a phrase ------------------------------------------------------------------


def _tokens(s: str) -> list[str]:
    return _SPACED_TOKEN.findall(s)


# A Hebrew one-letter preposition fused to a quoted name: מ"אבני הגליל" (from …).
_FUSED_BEFORE_QUOTE = re.compile(r"(?<!\S)[מבלו](?=[\"״“”])")


def _clean(s: str) -> str:
    cleaned = _FUSED_BEFORE_QUOTE.sub("", s).strip(_MARKS_AND_SPACE + _MASK)
    # (not the geresh that ends a Hebrew name, "ליבוביץ'", nor a bracket the name
    # opened, "פרקליטות מחוז תל אביב (מיסוי וכלכלה)")
    return cleaned + _kept_end(s, cleaned)


def _kept_end(s: str, cleaned: str) -> str:
    """The mark at the end of ``s`` that belongs to the word ``cleaned`` ends with: a
    Hebrew geresh after a letter it changes (ג' ז' צ' ץ' ת'), a closing bracket or
    quotation mark that ``cleaned`` opened."""
    at = s.find(cleaned)
    nxt = s[at + len(cleaned) : at + len(cleaned) + 1] if at >= 0 and cleaned else ""
    if nxt in ("'", "׳") and cleaned[-1:] in "גזצץת":
        return nxt
    for opening, closing in ("()", "“”", "«»", "‘’"):
        if nxt == closing and cleaned.count(opening) > cleaned.count(closing):
            return nxt  # (and "อาสาสมัครมูลนิธิ “ร่วมใจ”": marks the phrase opened)
    return ""


# The Hebrew letters written in another form at a word's end.
_HE_FINAL = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}


def _verb_gender(verb: str, t: _Table) -> str | None:
    """The gender a verb of saying shows of its subject, where the language marks it:
    the table's feminine forms, and a Hebrew past in "תה" or a table verb with "ה"
    added ("דחתה", "אמרה"); None where the language does not mark it."""
    if not t.feminine:
        return None
    if verb in t.feminine:
        return "f"
    if t.lang == "he" and (
        verb.endswith("תה")
        or (verb.endswith(("ה", "ת")) and verb[:-1] in t.verbs)
        or (verb.endswith("ת") and verb[:-2] + _HE_FINAL.get(verb[-2], verb[-2]) in t.verbs)
    ):
        return "f"  # (and a present in "ת": "צוחקת", "מחייכת" of "מחייך")
    return "m"


# Arabic nouns of occupation that stand in apposition before a name ("الباحث في …").
_ROLE_WORDS_AR = ("باحث", "أستاذ", "خبير", "محلل", "مستشار", "طبيب", "محامي")


# Arabic subjects put before the verb: between "كان" and "قد", after "أما" up to "فـ".
_AR_FRONTED = re.compile(
    r"(?:(?:^|\s)و?(?:كان|كانت)\s+|^)((?:\S+\s+){0,5}?\S+)\s+قد(?:\s|$)"
    r"|(?:^|\s)أما\s+((?:\S+\s+){0,5}?\S+)\s+ف(?:قد|إن|إنه|إنها|\S{3,})(?:\s|$)"
)


# A participle's or a nisba's plural in the oblique case, with the article: "المواطنين",
# "المسؤولين", "الفلسطينيين" (not "البحرين", "الأرجنتين", "الشاهين").
_AR_OBLIQUE_PLURAL = re.compile(r"الم\S{3,}ين|ال\S{3,}يين")
# "بـ" written onto a verbal noun of the derived forms: "بتوفير" (II), "بإشراك", "بإعادة"
# (IV), "باتخاذ" (VIII), "باستئناف" (X), or onto the article ("بالإسراع", "بالكشف"); not
# "باتريك", "بتروف".
_AR_ON_A_VERBAL_NOUN = re.compile(
    r"بت\S\S?ي\S|ب[إأ]\S{1,2}ا\S{1,2}ة?|بات\S\S?ا\S|باست\S{3,}|بال\S{3,}"
)


def _ar_no_subject(word: str) -> bool:
    """An Arabic word that cannot open the subject after a verb: a plural in the oblique
    case ("المواطنين", the citizens, as object), or a preposition written on a verbal
    noun ("بتوفير", "بإشراك", "بالإسراع")."""
    return bool(_AR_OBLIQUE_PLURAL.fullmatch(word) or _AR_ON_A_VERBAL_NOUN.fullmatch(word))


# The words that join an Arabic name's parts: "سالم بن حمد", "عبد الرحيم", "أبو بكر",
# "آل مكتوم".
_AR_NAME_LINKS = frozenset({"بن", "بنت", "عبد", "أبو", "آل"})


def _ar_family_name(word: str, t: _Table) -> bool:
    """A word that can end an Arabic name after the father's: a family name with the
    article ("الحارثي", "القاسمي") or a link to the next ("آل"); not a participle
    ("مؤكدا"), nor a noun that goes on the sentence ("نظيره", his counterpart)."""
    return word in _AR_NAME_LINKS or (
        word.startswith("ال")
        and len(word) > 4
        and _could_be_given(word[2:], t)
        and word not in t.participles
        and word[2:] not in t.participles
    )


def _ar_name_like(words: list[str], t: _Table) -> bool:
    """Two to four words an Arabic personal name could be: given names, "بن", "عبد",
    "أبو", and the article only on a family name or after "عبد"/"أبو"."""
    if not 2 <= len(words) <= 4 or words[0].startswith("ال"):
        return False
    for k, w in enumerate(words):
        if w in _AR_NAME_LINKS:
            continue
        bare = (
            w[2:]
            if w.startswith("ال") and (k == len(words) - 1 or words[k - 1] in ("عبد", "أبو"))
            else w
        )
        if not _could_be_given(bare, t) or bare in t.verbs:
            return False
    return True


def _titled_tail(seg: str, t: _Table) -> str:
    """A titled name an office and its place lead up to, past the preposition that would
    end the phrase ("أستاذ الكيمياء التحليلية في الجامعة الأردنية الدكتور عمر الزعبي"):
    the title and the name; '' where the phrase has none."""
    if t.lang not in ("ar", "he", "fa"):
        return ""
    toks = _tokens(seg)
    cut = len(_tokens(_up_to_stop(seg, t)))
    for j in range(len(toks) - 2, cut - 1, -1):
        title = _unprefixed(toks[j].strip(_MARKS_AND_SPACE), t)
        if j and title in t.titles and title not in t.roles:
            tail = " ".join(toks[j:])
            name = _name_part(tail, t)[0]
            return tail if name and len(_tokens(tail)) <= 5 else ""
    return ""


def _he_name_after_description(seg: str, t: _Table) -> str:
    """Hebrew: the name a description between commas ends with ("החלוץ הברזילאי
    פאבלו רודריגס"), else the segment as it is."""
    toks = _tokens(seg)
    name, roles, _ = _name_part(seg, t)
    if name and roles:
        return seg  # "השופט בדימוס רון לביא": a title the table knows
    k = 0
    while k < len(toks) and toks[k].startswith("ה"):
        k += 1
    rest = [w for w in toks[k:] if w not in _FORMER_WORDS]
    if k and 2 <= len(rest) <= 3 and all(_could_be_given(w, t) for w in rest):
        return " ".join(rest)
    return seg


def _fa_lists_joined(segments: list[str], t: _Table) -> list[str]:
    """Persian offices and bodies whose names hold a list: "وزارت علوم، تحقیقات و
    فناوری", "مدیرکل میراث فرهنگی، گردشگری و صنایع‌دستی استان" are one phrase, not a
    body and an apposition."""
    out: list[str] = []
    for seg in segments:
        head = _tokens(out[-1])[:1] if out else []
        if (
            head
            and (head[0] in t.roles or head[0] in t.body_heads)
            and " و " in seg
            and len(_tokens(seg.split(" و ")[0])) <= 2
            and not _name_part(out[-1], t)[0]
        ):
            out[-1] = f"{out[-1]}، {seg}"
        else:
            out.append(seg)
    return out


# "But" and "that" with a pronoun written on: "لكنها" (but she), "إنه" (that he).
_AR_BUT_HE = {
    f"{c}{p}": g for c in ("لكن", "ولكن", "إن", "وإن") for p, g in (("ه", "m"), ("ها", "f"))
}


def _hi_object_before_verb(words_before: str) -> bool:
    """Hindi words between a quotation and the verb after it that are no subject: a
    negation ("“…” नहीं बताया गया") or a noun after a postposition ("“…” का नमूना
    बताया"), with no ergative "ने" among them."""
    toks = _tokens(words_before)
    if not toks or "ने" in toks or toks[0].endswith("ने"):
        return False
    return toks[-1] == "नहीं" or toks[0] in ("का", "की", "के", "को", "से", "में")


# What a Hindi clause ends with after words quoted within it: a verb of calling or
# charging ("करार दिया", "बताया", "का आरोप लगाया").
_HI_FRAME_END = re.compile(r"(?<!\S)(?:करार|बताया|बताते|आरोप|कहा|कहते|माना|ठहराया|दिया)(?!\S)")


def _hi_ergative_frame(before: str, after: str, t: _Table) -> _Found | None:
    """Hindi words quoted inside a clause of an ergative subject that a verb after them
    closes: "X ने परिणाम को “…” करार दिया", "WHO ने डेंगू को “…” बीमारी बताया" -- X,
    not the words between the quotation and the verb."""
    clause = re.split(r"[,।:]", before)[-1]
    toks = _tokens(clause)
    if "ने" not in toks or _find_verb(clause, t, last=True) is not None:
        return None
    tail = re.split(r"[।.]", after, maxsplit=1)[0]
    if _MASK in tail or "ने" in _tokens(tail) or not _HI_FRAME_END.search(tail):
        return None
    if any(w in _tokens(tail) for w in ("इनकार", "मना", "नहीं")):
        return None  # "… “…” करार देने से इनकार कर दिया": refused to call it so
    i = len(toks) - 1 - toks[::-1].index("ने")
    np = " ".join(toks[:i])
    found = _read_spaced(np, t, "") if np else None
    return found if found is not None and found.kind in ("name", "role", "description") else None


# The Hindi participle that makes a clause describe a noun: "लिखने वाले", "रहने वाली".
_HI_PARTICIPLES = frozenset({"वाले", "वाली", "वाला"})
_HI_PARTICIPLE = re.compile(r"(?<!\S)(?:वाले|वाली|वाला)\s+")
# Hindi words that open a clause or join two: that, and, or.
_HI_CLAUSE_WORDS = frozenset({"कि", "और", "या", "तथा", "एवं"})


def _read_spaced(phrase: str, t: _Table, verb: str) -> _Found | None:
    """A phrase of a spaced script (ar, fa, he, hi, th) as a speaker."""
    for q in t.quoting:
        if q in phrase:  # "این روزنامه به نقل از یک مقام آگاه": the source quoted
            phrase = phrase[phrase.rindex(q) + len(q) :]
            break
    phrase = _clean(phrase)
    fronted = _AR_FRONTED.search(phrase) if t.lang == "ar" else None
    if fronted is not None:
        # "وكان وزير الثقافة قد هنأ …", "أما مدرب الوداد فقد أشاد …": the subject the
        # sentence puts before its verb
        phrase = fronted.group(1) or fronted.group(2)
    if t.lang == "fa" and 1 <= len(_tokens(phrase)) <= 3 and _tokens(phrase)[-1] in _FA_LATER:
        return None  # "ساعاتی بعد" (hours later): when, not who
    if t.lang == "fa" and all(w.startswith(("می\u200c", "نمی\u200c")) for w in _tokens(phrase)):
        return None  # "می‌خندد" (laughs): a verb, no one
    called = _NAMED_AS.get(t.lang)
    by_name = called.search(phrase) if called is not None else None
    named_what = _tokens(phrase[: by_name.start()])[-1:] if by_name is not None else []
    if named_what and (
        _kind_noun(named_what[0].removesuffix("ی"), t)
        or named_what[0] in t.body_heads
        or _unprefixed(named_what[0], t) in t.body_heads
        or named_what[0] in t.roles
        or not (t.lang != "fa" or named_what[0].endswith("ی"))
    ):
        # (not a body "named" so, "עמותה בשם לב חם", "شرکتی به نام …", nor an office
        # speaking "in the name of" others: "رئیس‌جمهور به نام مردم ایران")
        by_name = None
    if by_name is not None and _name_part(by_name.group(1), t)[0]:
        # "יוזם הקריאה, סטודנט מחיפה בשם איתי לוי" (a student from Haifa named Itai
        # Levi): the name the description gives
        return _Found(_clean(phrase), "name", by_name.group(1))
    if t.lang == "ar":
        # "يقول العمراني والابتسامة لا تفارق وجهه": "and" opens a clause of how he was
        # (a noun, then a denied verb), no second speaker (nor a name: "وزير الثقافة
        # والشباب يوسف بلال")
        phrase = _AR_WHILE_CLAUSE.split(phrase, maxsplit=1)[0]
    if t.lang == "th":
        # "ดร.นภาพรยังกล่าวว่า", "นายธนากร ยังเตือนว่า": "still", "then", "also" before
        # the verb are no part of the subject
        phrase = _THAI_BEFORE_VERB.sub("", phrase)
    words = phrase.split()
    if len(words) > 1 and any(words[0] == a for a, _ in t.according if " " not in a):
        # "بحسب البطاينة، الذي دعا …", "לטענת הסנגור, …": according to X, who is it
        phrase = " ".join(words[1:])
    elif t.lang == "ar" and len(words) == 1 and words[0] in _AR_BUT_HE:
        # "لكنها طالبت …" (but she asked …): the subject before, as a pronoun
        return _Found(words[0], "pronoun", gender=_AR_BUT_HE[words[0]])
    if t.lang == "hi":
        # "फैसला लिखने वाले शर्मा" (Sharma, who wrote the ruling): the name after the
        # participle that describes its bearer
        pieces = _HI_PARTICIPLE.split(phrase)
        named = _tokens(pieces[-1])
        if (
            len(pieces) > 1
            and 1 <= len(named) <= 3
            and named[0] not in _ONE_OF  # "दुकान चलाने वाले एक बुजुर्ग": an unnamed man
            # (not people: "सब्जी बेचने वाली महिलाओं", "वाले लोगों")
            and not any(w.endswith(("ों", "ओं")) for w in named)
            and all(_could_be_given(w, t) for w in named)
        ):
            phrase = pieces[-1]
    if not phrase:
        return None
    first = _clean(re.split(r"[,،]", phrase)[0])
    if (
        t.lang == "ar"
        and first.split()[:1]
        and first.split()[0] in _AR_SOURCES
        and len(first.split()) <= 6
    ):
        # "مصدر في الوزارة، طلب عدم نشر اسمه", "مصادر مطلعة": an unnamed source, as written
        return _Found(first, "description", first)
    mention = phrase
    segments = [s for s in (_clean(x) for x in re.split(r"[,،]", phrase)) if s]
    if t.lang == "fa":
        segments = _fa_lists_joined(segments, t)
    if t.lang == "he" and len(segments) > 1:
        segments = [_he_name_after_description(seg, t) for seg in segments]
    # An apposition "X, role of Y," gives X; an opening "on Tuesday," is not a subject.
    segments = [
        s
        for s in segments
        if _tokens(s)[0] not in t.stops
        # (nor "وفي قضية منفصلة،", and in a separate case)
        and not (t.lang == "ar" and _unprefixed(_tokens(s)[0], t) in t.stops)
        and not (t.lang == "he" and _tokens(s)[0].startswith("כש"))
        # (nor "ساعاتی بعد،", hours later)
        and not (t.lang == "fa" and len(_tokens(s)) <= 3 and _tokens(s)[-1] in _FA_LATER)
    ] or segments  # (nor "כשנשאל על כך," when asked about it)
    # A Hebrew relative clause between commas describes the one before it ("עובדת במחלקת
    # האריזה, שביקשה שלא להיחשף בשמה,"): no subject, but part of a description.
    relative = {s for s in segments if t.lang == "he" and _HE_RELATIVE.match(s)}
    clause_of = {
        a: b for a, b in itertools.pairwise(segments) if b in relative and a not in relative
    }
    one_segment = len(segments) == 1
    segments = [s for s in segments if s not in relative] or segments
    # A phrase ends at a preposition or a relative word ("کاظمی که …", "X در گفت‌وگو
    # با …"), except "one of": "یکی از ساکنان".
    tails = [_titled_tail(s, t) for s in segments]
    segments = [tail or _up_to_stop(s, t) for s, tail in zip(segments, tails, strict=True)]
    segments = [s for s in segments if s] or segments
    named = (
        [
            s
            for s in segments
            if _name_part(s, t)[0]
            # "השותף בקרן", "סטודנטית בת 24": a description between commas, no name
            and not (
                t.lang == "he"
                and len(segments) > 1
                and (_tokens(s)[0].startswith("ה") or any(c.isdigit() for c in s))
                and not _name_part(s, t)[1]
            )
            # "מבקר המדינה" (the state's comptroller): a noun and its definite complement
            and not (
                t.lang == "he"
                and not _name_part(s, t)[1]
                and any(w.startswith("ה") for w in _tokens(s)[1:])
            )
        ]
        or [s for s in segments if _name_part(s, t)[0]]
    )
    if t.lang == "ar" and len(segments) > 1 and not _ar_name_like(_tokens(segments[0]), t):
        # "وزير التربية الوطنية، عبد الحكيم بن زيان": an office, then the name apposed
        apposed = next((seg for seg in segments[1:] if _ar_name_like(_tokens(seg), t)), "")
        if apposed:
            head = _tokens(segments[0])[0]
            if head.startswith("ال") or head in t.roles or _without_article(head, "ar") in t.roles:
                roles = _name_part(segments[0], t)[1] or (_without_article(head, "ar") or head,)
                gender = _verb_gender(verb, t) if verb else None
                return _Found(apposed, "name", apposed, gender, tuple(roles))
    # A title of address ("الدكتور", 'ד"ר', "دکتر"), not an office ("יו״ר"), marks a name.
    titled = [
        s
        for s in named
        if any((u := _unprefixed(w, t)) in t.titles and u not in t.roles for w in _tokens(s))
    ]
    bare_names = [
        s
        for s in named
        if not _name_part(s, t)[1]
        and len(_tokens(s)) > 1
        # (no Arabic given name takes the article: "المؤلف الرئيسي للدراسة")
        and not (t.lang == "ar" and _tokens(s)[0].startswith("ال"))
    ]
    seg = (titled or bare_names or named or segments)[0]
    toks = [w for w in _tokens(seg) if w not in t.honorifics]
    while toks and (toks[0] in t.strip or _unprefixed(toks[0], t) in t.strip):
        toks.pop(0)
    while toks and toks[-1] in t.strip:
        toks.pop()
    if not toks or toks[-1] in ("و", "ו", "और"):
        return None  # "خواند و اعلام کرد": the second of two verbs, no subject
    if toks[-1] in CONJUNCTIONS:
        return _Found("", "zero")  # "אך הזהיר:" (but warned): the subject of the first
    low = [_unprefixed(w, t) for w in toks]
    gender = _verb_gender(verb, t) if verb else None
    bare = toks[0][1:] if toks[0][:1] in t.prefixes else toks[0]
    if len(toks) == 1 and (toks[0] in t.pronouns or bare in t.pronouns):
        # "وهو يقول": "and he" is no name
        return _pronoun(toks[0] if toks[0] in t.pronouns else bare, t)
    if (
        t.lang == "fa"
        and toks[0] in ("این", "آن")
        and 2 <= len(toks) <= 5
        and toks[1] not in t.not_names
        and toks[1] not in t.body_heads
    ):
        # "این بازیکن ۲۲ ساله" (this 22-year-old player), not "این سازمان" (this
        # organisation): the person named before
        return _Found(" ".join(toks), "pronoun")
    name, roles, title_gender = _name_part(" ".join(toks), t)
    gender = title_gender or gender
    if name:
        written = mention if one_segment else " ".join(toks)
        if t.lang == "fa" and one_segment:
            written = _up_to_stop(written, t) or written  # not "… روز یکشنبه در نشستی خبری"
        clause = next((c for a, c in clause_of.items() if _up_to_stop(a, t) == seg), "")
        if clause and not roles:
            # "עובדת במחלקת האריזה, שביקשה שלא להיחשף בשמה": as written, with its clause
            written = f"{written}, {clause}"
            if _HE_UNNAMED.match(clause):
                # (no name, though "עובדת בחברה" reads like one: the clause says so)
                return _Found(written, "description", written, gender)
        return _Found(written, "name", name, gender, roles)
    if roles and len(low) <= 2 and low[0] not in _ONE_OF:
        return _Found(" ".join(toks), "role", "", gender, roles)
    if any(w in t.pronouns for w in toks) or any(w in t.stops for w in low[:1]):
        return None
    toks = _tokens(_up_to_stop(" ".join(toks), t))
    # an unnamed person keeps the clause that describes them: "یک پیک ۳۴ ساله اهل کرج
    # که چهار سال برای این شرکت کار کرده بود"
    # and a body keeps its full name ("معاونت امور هنری وزارت فرهنگ و ارشاد اسلامی")
    longest = (
        24  # (with the clause to its verb: "یک زن ۴۵ ساله … که پسرش … مبتلا شده بود")
        if toks and toks[0] in _ONE_OF and t.lang == "fa" and "که" in toks
        else 14
        if toks and toks[0] in _ONE_OF
        else 10
        if toks and (toks[0] in t.body_heads or any(w.endswith("،") for w in toks))
        else 7
    )
    quoted = _NAMED_IN_MARKS.match(" ".join(toks))
    between = re.match(r"(\S+) \S+ (?=[«“\"])", " ".join(toks)) if t.lang == "fa" else None
    if quoted is None and between is not None:
        # "شرکت پخش «فیلمیران»" (the distribution company …): a noun between the cue
        # and the name
        quoted = _NAMED_IN_MARKS.match(between.group(1) + " " + " ".join(toks)[between.end() :])
    if quoted and any(quoted.group(1) == w for k, w in t.type_cues.before if k != "term"):
        # "روزنامه «دنیای اقتصاد» نیز …": the paper or company by its name
        written = quoted.group(0) if " ".join(toks).startswith(quoted.group(0)) else " ".join(toks)
        return _Found(written, "description", quoted.group(2), gender)
    # (a name's own geresh is no quotation mark: "סמוטריץ'")
    if (
        not toks
        or len(toks) > longest
        or any(c in _HE_GERESH.sub("", w) for w in toks for c in _QUOTE_MARKS)
    ):
        return None  # a clause, not who spoke: unknown rather than a guess
    described = " ".join(toks)
    clause = next((c for a, c in clause_of.items() if _up_to_stop(a, t) == seg), "")
    if clause and (not toks[0].startswith("ה") or _HE_UNNAMED.match(clause)):
        # an unnamed person with the clause that describes them, as written
        described = f"{described}, {clause}"
    return _Found(described, "description", described, gender)


_ONE_OF = frozenset({"یکی", "یک", "أحد", "إحدى", "एक"})
# "שביקש שלא להזדהות" (who asked not to be named): a clause only an unnamed person has,
# kept with their description even where it opens with ה ("הורה לשחקנית", a parent)
_HE_UNNAMED = re.compile(
    r"^ש(?:ביקש|סירב)ה? (?:\S+ ){0,3}?(?:להזדהות|להיחשף|(?:לפרסם את |ב)?שמו|(?:לפרסם את |ב)?שמה)(?!\S)"
)
# "שביקשה", "שהגיעה", "שנבחר": "who" and a verb, opening a Hebrew relative clause.
_HE_RELATIVE = re.compile(
    r"ש(?:[הבנ][\u05d0-\u05ea]{2,}|(?!ופט|וטר|בוע|עות|נים|ירות|יטת|כונ|מו )[\u05d0-\u05ea]{3,}[תה]) "
)
# A noun and the name it gives in marks: "روزنامه «دنیای اقتصاد»", 'חברת "נווה דרום"'.
_NAMED_IN_MARKS = re.compile(r"^(\S+) [«“\"״]([^«»“”\"״]{2,40})[»”\"״]")


# Words that open a clause inside a noun phrase, or say to whom (Persian به, با): where
# even a description stops.
_RELATIVE = frozenset(
    {"که", "را", "به", "با", "الذي", "التي", "الذين", "أن", "إن", "כי", "אשר", "कि", "जो", "को"}
)


_RELATIVE_PRONOUNS = frozenset({"که", "الذي", "التي", "الذين", "אשר", "जो"})


# Persian verbs that end a clause: the auxiliaries and the forms of "to be", "become".
_FA_AUXILIARIES = frozenset(
    {"است", "بود", "بودند", "شد", "شود", "شده", "شدند", "باشد", "نیست", "هست", "دارد", "ندارد"}
)


def _fa_finite(word: str) -> bool:
    """A Persian word that ends a clause as its verb: an auxiliary or a present or
    imperfect form ("می‌رود", "نمی‌کند")."""
    return word in _FA_AUXILIARIES or word.startswith(("می\u200c", "نمی\u200c"))


def _up_to_stop(seg: str, t: _Table) -> str:
    """``seg`` up to a preposition or a relative word; an unnamed person keeps the
    places that describe them ("یک فروشنده لوازم خانگی در بازار …") up to a relative."""
    toks = _tokens(seg)
    indefinite = bool(toks) and toks[0] in _ONE_OF
    # "یکی از این خریداران که نخواست نامش فاش شود": an unnamed person keeps the clause
    # that describes them.
    stops = _RELATIVE - _RELATIVE_PRONOUNS if indefinite else t.stops
    if indefinite and t.lang == "fa" and "که" in toks[1:]:
        # "یکی از بازدیدکنندگان که همراه دو فرزندش به نمایشگاه آمده بود": the clause
        # runs to its verb; a preposition after that verb is the main verb's ("… که
        # نخواست نامش فاش شود به خبرنگار ایسنا گفت")
        k = toks.index("که", 1)
        for i in range(k + 2, len(toks)):
            if toks[i] in t.stops and _fa_finite(toks[i - 1]):
                return " ".join(toks[:i])
        return " ".join(toks)
    for i, w in enumerate(toks):
        if i and t.lang == "he" and _he_place_beside(toks[i - 1], w):
            continue
        if i and (w in stops or _unprefixed(w, t) in stops) and toks[i - 1] not in _ONE_OF:
            if t.lang == "he" and w in _HE_OBJECT_WORDS and i > 2:
                # "שרית אוחיון ייצגה את המשפחה": the word before the object's "את" is
                # its verb, no part of the name
                return " ".join(toks[: i - 1])
            return " ".join(toks[:i])
        if i and t.lang == "he" and not indefinite and w.startswith("מה") and len(w) > 4:
            return " ".join(toks[:i])  # "נועה ברגר מהמכון למדעי כדור הארץ": from the …
    return " ".join(toks)


def _he_place_beside(previous: str, word: str) -> bool:
    """Hebrew "ליד" (beside) that is part of a place's name after "בית": "ראש המועצה
    מבית ליד" (from Beit Lid), not a stop."""
    return word in ("ליד", "לידה") and previous.endswith("בית")


# Hebrew words that open a verb's object: "את", "על", "עם", "אל".
_HE_OBJECT_WORDS = frozenset({"את", "על", "עם", "אל"})
# Hebrew nouns of an unnamed source, which adjectives follow, never a name.
_HE_SOURCES = frozenset({"גורם", "גורמים", "מקור", "מקורות"})
_AR_SOURCES = frozenset({"مصدر", "مصادر"})
# Persian words before an office that are no name: "در همین حال نماینده …" (meanwhile).
_FA_NOT_A_NAME = frozenset(
    {"همین", "حال", "این", "آن", "همان", "چنین", "میان", "سوی", "شامگاه", "بامداد", "اوایل"}
    | {"اواخر", "ظهر", "گذشته", "پیش", "اخیر", "امروز", "دیروز", "هفته"}
)


def _is_office(w: str, t: _Table) -> bool:
    """A title or role noun, bare or with its prefixes."""
    u = _unprefixed(w, t)
    return w in t.titles or u in t.titles or w in t.roles or u in t.roles or _role_like(u, t)


def _name_part(seg: str, t: _Table) -> tuple[str, tuple[str, ...], str | None]:
    """The personal name a phrase ends with after its titles and role nouns, those
    roles, and the gender a title shows."""
    toks = _tokens(seg)
    if t.lang == "th":
        return _thai_name(seg, t)
    cut = -1
    roles: list[str] = []
    gender = None
    for i, w in enumerate(toks):
        u = _unprefixed(w, t)
        if _is_office(w, t):
            cut = i
            # "وزير" is an office, not و + "زير"
            roles.append(w if w in t.titles or w in t.roles else u)
            if u.endswith(("ة", "ت")) or u in ("השופטת", "השרה", "סגנית", "נציגת", "דוברת", "חברת"):
                gender = "f" if t.lang in ("ar", "he") else None
    if t.lang == "ar" and len(roles) > 1:
        # "الدكتورة ميثاء بنت سعيد البلوشية مديرة إدارة …": the name between the title
        # and the office after it, not the office's complement
        at = [i for i, w in enumerate(toks) if _is_office(w, t)]
        between = toks[at[0] + 1 : at[1]]
        if (
            toks[at[0]] in t.titles
            and toks[at[1]] not in t.titles  # "الأستاذ … الدكتور حسن نافعة": two titles
            and _ar_name_like(between, t)
            and all(_unprefixed(w, t) == w for w in between)  # not "بجامعة القاهرة"
        ):
            return " ".join(between), tuple(roles), gender
    rest = toks[cut + 1 :]
    if t.lang == "he" and cut >= 0 and _unprefixed(toks[cut], t) in _HE_SOURCES:
        return "", tuple(roles), gender  # "גורם מדיני בכיר": a source and its adjectives
    while cut >= 0 and rest and _FORMER.fullmatch(rest[0]):
        rest = rest[1:]  # "השופט בדימוס אלי גבאי": a retired judge
    first_office = next((i for i, w in enumerate(toks) if _is_office(w, t)), -1)
    if (
        t.lang == "fa"
        and 2 <= first_office <= 3
        and toks[first_office] not in t.titles
        and all(
            _could_be_given(w, t) and w not in _FA_NOT_A_NAME and w not in _FA_TIMES
            for w in toks[:first_office]
        )
    ):
        # "محمدرضا کاشانی وزیر فرهنگ و ارشاد اسلامی": the name before its office, written
        # without a comma
        return " ".join(toks[:first_office]), tuple(roles), gender
    if t.lang == "fa" and cut >= 0 and toks[cut] not in t.titles and rest:
        # Persian puts a name before its office ("X، معاون …"); what follows an office
        # is its complement ("متخصص ریه"), a name only after a title ("دکتر X").
        return "", tuple(roles), gender
    # A role's complement (its definite object) before the name: "وزير الصحة سامر",
    # "الأمين العام للأمم المتحدة أنطونيو".
    while (
        cut >= 0
        and rest
        and (rest[0].startswith(("ال", "لل", "وال", "ה")) or rest[0] in ("के", "की", "का"))
    ):
        rest = rest[1:]
    if t.lang == "hi":
        while rest and rest[0] in ("के", "की", "का"):
            rest = rest[1:]
    if (
        t.lang == "ar"
        and cut >= 0
        and rest
        and (rest[0] in _AR_IN_A_MANNER or rest[0] in _AR_MANNER)
    ):
        return "", tuple(roles), gender  # "المدرب الفرنسي التحكيم بشكل مبطن": how, no name
    if cut < 0 and t.lang in _ARTICLE and 3 <= len(toks) <= 4 and _without_article(toks[0], t.lang):
        # "الصياد راشد محمد الظنحاني", "הדייג אבי כהן": a noun with the article that no
        # table knows, then a name (an Arabic family name may take the article)
        given = [
            x[2:] if t.lang == "ar" and k and x.startswith("ال") else x
            for k, x in enumerate(toks[1:])
        ]
        if all(_could_be_given(x, t) for x in given):
            return " ".join(toks[1:]), (toks[0],), gender
    if cut >= 0 and t.lang in _ARTICLE and len(rest) > 4:
        # "رئيس جمعية حماية المستهلك عبد الرحيم البقالي": the name that ends the office's
        # complement
        ending = _name_ending(rest, t)
        if ending:
            return ending, tuple(roles), gender
    if not rest or len(rest) > 4 or any(_unprefixed(w, t) in t.stops for w in rest):
        return "", tuple(roles), gender
    if cut < 0 and len(rest) > 3:
        return "", (), None
    if any(c in _HE_GERESH.sub("", w) for w in rest for c in _QUOTE_MARKS):
        return "", tuple(roles), gender
    if any(w in t.pronouns or _unprefixed(w, t) in t.not_names for w in rest):
        return "", tuple(roles), gender  # "سرپرست این تیم", "خفر السواحل": not a name
    return " ".join(rest), tuple(roles), gender


# The geresh of a Hebrew letter for a foreign sound inside a name: "ג'בארין", "צ'רניחובסקי".
_HE_GERESH = re.compile(r"(?<=[\u05d0-\u05ea])['׳](?=[\u05d0-\u05ea]|$)")


def _role_like(word: str, t: _Table) -> bool:
    """A word of office by its start or ending where the table gives them
    (``مدیرعامل``, ``سرپرست``, ``دریافت‌کننده``)."""
    return any(word.startswith(r) for r in t.role_starts) or any(
        word.endswith(e) for e in t.role_ends
    )


def _thai_titles(seg: str, t: _Table) -> list[tuple[int, str]]:
    """Where titles stand in ``seg``, the last first (the longest title at a place)."""
    return sorted(
        ((m.start(), title) for title in t.titles for m in re.finditer(re.escape(title), seg)),
        key=lambda x: (-x[0], -len(x[1])),
    )


def _thai_run(run: str, t: _Table) -> str:
    """A Thai name written on to the next word: cut at a verb or a title in it
    ("สมชายกล่าวถึงนายธนพล" -> "สมชาย")."""
    cut = len(run)
    for w in (*t.verbs, *t.titles):
        i = run.find(w, 1)
        if 0 < i < cut:
            cut = i
    return _THAI_BEFORE_VERB.sub("", run[:cut]) or run[:cut]  # "นภาพรยัง" (Naphaphon, still)


# Titles that are also words of kinship or occupation ("อาจารย์คณะครุศาสตร์", a lecturer
# of the faculty; "ผู้ใหญ่บ้าน", a village head): no title before a body's or a place's
# word.
_THAI_WEAK_TITLES = frozenset({"อาจารย์", "ครู", "ผู้ใหญ่", "ลุง", "ป้า", "ยาย", "น้า", "คุณ", "โค้ช"})
_THAI_NOT_NAMES = (
    "ทีมชาติ",
    "ชาว",
    "กีฬา",
    "ฟุตบอล",
    "คณะ",
    "มหาวิทยาลัย",
    "โรงเรียน",
    "บ้าน",
    "สำนัก",
    "กรม",
    "กระทรวง",
    "บริษัท",
    "ประจำ",
    "ใหญ่",
    "สอน",
    "ภาควิชา",
    "สาขา",
    "ศูนย์",
    "สถาบัน",
    "วิทยาลัย",
    "แผนก",
    "หน่วย",
)
# The words before an object or a possessor: "ให้" (to), "กับ" (with), "ของ" (of).
_THAI_OBJECT = ("ให้", "กับ", "ของ", "จาก", "แก่", "ต่อ", "ถึง")
# Words that start like "นาย" (Mr) and are offices: a district chief, a physician.
_THAI_NAI_OFFICES = (
    "นายกรัฐมนตรี",
    "นายกเทศมนตรี",
    "นายกสมาคม",
    "นายกองค์การ",
    "นายกอบต",
    "นายกอบจ",
    "นายกฯ",
    "นายกเมือง",
    "นายกสภา",
    "นายกแพทยสภา",
    "นายกสโมสร",
    "นายอำเภอ",
    "นายแพทย์",
    "นายจ้าง",
    "นายทหาร",
    "นายตำรวจ",
    "นายช่าง",
    "นายหน้า",
)


# Adverbs between a Thai subject and its verb: "ยัง" (still), "ก็" (then), "จึง" (so).
_THAI_BEFORE_VERB_START = re.compile(r"(?:ยัง|ก็|จึง|ได้|จะ|ต่าง)+")
_THAI_BEFORE_VERB = re.compile(r"\s*(?:ยัง|ก็|จึง|เอง|ต่าง|ได้|ออก)+\s*$")


def _thai_office(words: str, t: _Table) -> bool:
    """Words in apposition after a Thai name that name an office: they start with a
    role of the table ("นายกเทศมนตรีนครหาดใหญ่", "ผู้ว่าราชการจังหวัดเชียงใหม่")."""
    return any(words.startswith(r) for r in t.roles_by_length) or words.startswith(
        _THAI_NAI_OFFICES
    )


# A Thai body's short form given in brackets after its name: "การประปานครหลวง (กปน.)".
_THAI_SHORT_FORM = re.compile(r"([\u0e00-\u0e7f]+) \(([\u0e00-\u0e7f.]{1,8}\.)\)")
# Words glued before a body's name that are not part of it: "ด้าน…" (on the side of),
# "ส่วน…" (as for), "โดย…" (by).
_THAI_TOPICS = ("ด้าน", "ส่วน", "ขณะที่", "โดย", "ทั้งนี้")


# A Thai office written short, with its stops, by the heads of offices (not a body's short
# form, "ก.ล.ต.", "ป.ป.ช."): "รมว.คลัง", "ผกก.สภ.เมืองนครปฐม", "ผอ.รพ.".
_THAI_ABBREVIATED = re.compile(
    r"(?:รมว|รมช|รมต|ผกก|ผอ|ผบ|ผบก|ผบช|ผบ\.ตร|ผวจ|อธ|ผจก|ผช|รอง ผอ|รอง ผบ|ส\.ส|ส\.ว|ส\.ก)"
    r"(?:\.[\u0e00-\u0e7f]*)*"
)


def _thai_short_forms(doc: _Doc) -> dict[str, tuple[tuple[int, int], str]]:
    """The Thai bodies the article gives a short form for, by that form without its
    dots: where it was given, and the name in full ("กปน" -> "การประปานครหลวง"). The
    office before the name (ผู้ว่าการ…) and a topic word are not the name; a short form
    whose letters the name does not hold in order is no short form of it."""
    if doc.short_forms is not None:
        return doc.short_forms
    forms: dict[str, tuple[tuple[int, int], str]] = {}
    roles = sorted(doc.t.roles, key=len, reverse=True)
    for n, text in enumerate(doc.paragraphs, start=1):
        for m in _THAI_SHORT_FORM.finditer(text):
            body, short = m.group(1), m.group(2).replace(".", "")
            body = body.removeprefix(next((w for w in _THAI_TOPICS if body.startswith(w)), ""))
            body = body.removeprefix(next((r for r in roles if body.startswith(r)), ""))
            letters = iter(body)
            if len(body) > len(short) + 3 and all(c in letters for c in short):
                forms.setdefault(short, ((n, m.start(1)), body))
    doc.short_forms = forms
    return forms


def _thai_in_full(description: str, where: tuple[int, int], doc: _Doc) -> str:
    """A Thai description with the short forms given before it written out: "ผู้ว่าการ
    รฟท." is "ผู้ว่าการการรถไฟแห่งประเทศไทย"."""
    words = description.split()
    full = [_spelled_out_before(w, where, doc) or w for w in words]
    return "".join(full) if full != words else description


def _thai_holder(description: str, where: tuple[int, int], doc: _Doc) -> _Person | None:
    """The person named before with the office a description repeats in full, in its
    first words ("ผู้อำนวยการเขต" for "ผู้อำนวยการเขตบางกะปิ"), with a body's short form
    ("ผู้ว่าการ รฟท.") or in its short form with "ฯ" ("ผู้ว่าฯ" for
    "ผู้ว่าราชการจังหวัดเชียงใหม่")."""
    description = _thai_in_full(description, where, doc)
    stem, short, rest = description.partition("ฯ")
    stem = stem.rstrip(".")
    if len(stem) < 4:
        return None
    place = rest.split()
    office = next((r for r in doc.t.roles_by_length if description.startswith(r)), "")

    def holds(r: str) -> bool:
        if not short:
            # the office's first words, longer than the bare word of office
            return r == description or (
                len(office) < len(description) and r.startswith(description)
            )
        return r.startswith(stem) and all(w in r for w in place)

    held = [p for p in doc.persons if any(a < where for a in p.at) and any(map(holds, p.roles))]
    return held[-1] if len(held) == 1 else None


def _thai_name(seg: str, t: _Table) -> tuple[str, tuple[str, ...], str | None]:
    # The title nearest the end (the verb): "ในการแถลงข่าวร่วมกับนายอนุทิน … นายสุริยะ …"
    titles = _thai_titles(seg, t)
    if len(titles) > 1:
        # "นายเฉลิม … ซึ่งเคยสอนการเชิดหนังให้นายธนากร ยอมรับว่า": a name after "to", "with"
        # or "of" is the object's, not the subject's
        subjects = [(i, title) for i, title in titles if not seg[:i].endswith(_THAI_OBJECT)]
        titles = subjects or titles
    for i, title in titles:
        if title in _THAI_WEAK_TITLES and seg[i + len(title) :].startswith(_THAI_NOT_NAMES):
            continue  # "อาจารย์คณะครุศาสตร์": a lecturer of the faculty
        found = _thai_name_at(seg, i, title, t)
        if found is not None:
            return found[0], (), found[1]
    return "", (), None


def _thai_name_at(seg: str, i: int, title: str, t: _Table) -> tuple[str, str | None] | None:
    """The name after the title at ``i`` (given name, and the family name after a
    space), and the gender the title shows; None where no name follows."""
    m = re.match(r"([\u0e00-\u0e7f]+)(?: ([\u0e00-\u0e7f]+))?", seg[i + len(title) :])
    if m is None or (
        i and "\u0e00" <= seg[i - 1] <= "\u0e7f" and title not in ("นาย", "นาง", "นางสาว")
    ):
        return None
    if title == "นาย" and seg[i - 1 : i] == "ท":
        return None  # "ทนายความ" (a lawyer): no "นาย" (Mr)
    first, last = _thai_run(m.group(1), t), m.group(2)
    if first != m.group(1):
        if title in _THAI_WEAK_TITLES and m.group(1)[len(first) :].startswith(tuple(t.titles)):
            return None  # "ครูหนังตะลุง" (a shadow-puppet teacher): no name, "ลุง" a word's end
        last = None  # the name ended inside the run
    if not first or (title == "นาย" and seg[i:].startswith(_THAI_NAI_OFFICES)):
        # "นายกรัฐมนตรี", "นายอำเภอ": a prime minister, a district chief; not "นายกมล" (Mr
        # Kamon)
        return None
    glued = _THAI_BEFORE_VERB_START.match(last) if last else None
    if last and (
        any(last.startswith(w) for w in (*t.roles, *t.verbs, *t.titles))
        or (glued is not None and _find_verb(last[glued.end() :], t, last=False) is not None)
    ):
        last = None  # (nor "นพ.ธนากร ยังแนะนำ…": "still", then a verb; "ยังเจริญ" is a name)
    gender = "f" if title in t.female_titles else ("m" if title in t.male_titles else None)
    return (f"{first} {last}" if last else first), gender


def _chinese_name(np: str, t: _Table) -> tuple[str, tuple[str, ...]]:
    """The personal name a Chinese phrase ends with: a family name and one or two
    characters, after a role noun or alone."""
    for size in (3, 2, 4):
        if len(np) < size:
            continue
        cand = np[-size:]
        head = np[:-size]
        if size == 4 and cand[:2] not in t.surnames:
            continue
        if size < 4 and cand[0] not in t.surnames and cand[:2] not in t.surnames:
            continue
        if not all(_HAN.match(c) for c in cand):
            continue
        if cand in t.roles or any(cand.endswith(r) for r in t.roles if len(r) > 1):
            continue
        role = next((r for r in t.roles_by_length if head.endswith(r)), None)
        if role is None and head[-1:] in _ZH_ROLE_ENDS:
            role = head[-2:]  # 评论家, 诗人, 调度员: a noun of occupation
        if head and role is None:
            continue
        return cand, ((role,) if role else ())
    return "", ()


# A date or time word closing a Chinese or Japanese subject: "国务院总理李强5日".
_TRAILING_DATE = re.compile(
    r"(?:(?:\d+月)?\d+日(?:晚|上午|下午|晚间)?|当天|今天|昨天|今日|昨日|近日|日前|"
    r"(?:上|本|下)?周[一二三四五六日天末]?|上周|本周|昨晚|今晨|上午|下午|晚间|去年|今年|上月)$"
)
# A locative ending an adverbial before the verb: "在…上", "在…的声明中".
_ZH_LOCATIVE_END = ("上", "中", "时", "后", "前", "里", "间", "期间")


# Words that hold a character the subject is cut at ("都", all; "于", at): 成都, 首都,
# and a place whose name ends in one ("大均乡", "永都镇"; not "在县里", in the county).
_ZH_HOLDS = re.compile(r"[成首京古国建]都|.都[市会]|.[^在于从到向对给和与][乡镇村县]")


def _zh_role_name_inside(np: str, t: _Table) -> _Found | None:
    """A Chinese name right after a role, with words of manner, place or time after it
    that no table cuts at ("72岁的居民沈阿婆一边比划一边", "董事长何建平在4月的内部信中
    曾"): the role and the name, up to the name's end."""
    for r in t.roles_by_length:
        i = np.find(r)
        if i < 0:
            continue
        name = _zh_name_at(np, i + len(r), t)
        end = i + len(r) + len(name)
        if len(name) >= 2 and end < len(np) and np[end] != "的":  # not "何建平的女儿"
            return _Found(np[:end], "name", name, None, (r,))
    return None


# Chinese words of manner or time between a subject and its verb of saying: an adverb in
# 地 ("高兴地", "激动地"), "看后" (after seeing it), "笑着" (smiling).
_ZH_MANNER = re.compile(
    r"(?:[\u4e00-\u9fff]{2}地|[看听读]后|笑着|说着|纷纷|齐声|一直|一边[\u4e00-\u9fff]{1,4}一边)$"
)
# A paper or a document named in 《》 as the subject: "美国《华尔街日报》日前发表文章",
# "《湖南日报》23日发表评论".
_ZH_TITLED_SOURCE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?《?([^《》]{1,20})》"  # (the opening mark cleaned off)
    r"(?:\d{1,2}日|日前|近日|当天|今天|昨天)?(?:发表|刊发|刊登)?"
    r"(?:评论员文章|署名文章|文章|评论|社论|报道)?"
)


def _read_zh(phrase: str, t: _Table) -> _Found | None:
    # After a dateline or a space: "新华社北京3月5日电 国务院总理李强".
    np = _clean(re.split(r"[\s\u3000]", _clean(phrase))[-1])
    for w in t.cut_at:
        i = np.find(w, 1)
        while i > 0 and _ZH_HOLDS.match(np, i - 1):
            i = np.find(w, i + 1)  # "成都市教育局": 都 (all) inside a city's name
        # A relative clause ("一位在避难所的老人", "一名不愿透露姓名的官员") is
        # part of the phrase; an adverbial ("在开通仪式上") is not.
        if i > 0 and not ("的" in np[i:] and not np.endswith(_ZH_LOCATIVE_END)):
            np = np[:i]
    np = _TRAILING_DATE.sub("", np)
    if re.fullmatch(r"有(?:记者|网友|观众|市民|人|专家|业内人士|家长|学生)", np):
        np = np[1:]  # "有记者提问" (a reporter asked): "there is" no part of who
    unmannered = _ZH_MANNER.sub("", np)
    if len(unmannered) >= 2:
        np = unmannered  # "张阿姨高兴地说", "画家沈国华看后说": how or when, not who
    while np and any(np.startswith(s) for s in t.strip):
        s = next(s for s in t.strip_by_length if np.startswith(s))
        if (
            len(s) == 1
            and len(np) == 3
            and s in t.surnames
            and _ZH_GIVEN.fullmatch(np[1:])
            and np[1:] not in t.roles
            and np[1:] not in _ZH_NOT_GIVEN
        ):
            break  # "向晓燕说": a family name, not "向" (to)
        np = np[len(s) :]
    np = _clean(np)
    if not np or _MASK in np:
        return None
    if np[:1] in t.pronouns and (len(np) <= 3 or (np.endswith("地") and len(np) <= 6)):
        # "他分析", "她笑道": the pronoun and a verb; "她兴奋地" (she, excitedly)
        return _Found(np[:1], "pronoun", gender=t.pronouns[np[:1]])
    own_words = re.fullmatch(r"用(.{1,12}?)(?:自己)?的话(?:来)?", np)
    if own_words:  # "用他自己的话说" (in his own words)
        return _read_zh(own_words.group(1), t)
    cited = re.search(r"(?:援引|引述)(.+?)的话", np)
    if cited:  # "《南华早报》援引一位消息人士的话说": the source cited
        return _Found(cited.group(1), "description", cited.group(1))
    titled = _ZH_TITLED_SOURCE.fullmatch(np)
    if titled is not None:  # "《湖南日报》23日发表评论称": the paper
        return _Found(
            f"《{titled.group(1)}》", "description", titled.group(1), described=_MARKED_BODY
        )
    if len(np) > 30 or any(c in np for c in "《》〈〉"):
        return None
    if np.startswith(("这位", "这名")) and len(np) > 3:
        if any(w in np for w in ("不愿透露姓名", "不愿具名", "匿名")):
            return _Found(np, "description", np)  # "这位不愿透露姓名的校长": unnamed
        # "这位经济学者", "这位有着20年从业经验的预报员": the person just named
        return _Found(np, "pronoun")
    if (
        len(np) >= 3
        and np[0] in t.surnames
        and (np[1:] in t.roles or (np[-1] in _ZH_ROLE_ENDS and len(np) <= 5))
    ):
        # "陈署长": a family name and an office, the person named with both
        return _Found(np, "name", np[0], None, (np[1:],))
    dotted = _zh_dotted_name(np, t)
    if dotted is not None:
        return dotted
    name, roles = _chinese_name(np, t)
    if name:
        return _Found(np, "name", name, None, roles)
    inside = _zh_role_name_inside(np, t)
    if inside is not None:  # "董事长何建平在4月的内部信中曾": the name after the role
        return inside
    role = next((r for r in t.roles_by_length if np.endswith(r)), None)
    if role is not None and len(np) <= len(role) + 1:
        return _Found(np, "role", "", None, (role,))
    if len(np) >= 2:
        return _Found(np, "description", np)
    return None


# A name in marks closed by a topic or subject particle: "일간지 ‘나고야 타임스’는",
# "広報誌「白沢だより」は".
_MARKED_TOPIC = re.compile(
    r"(\S*?)\s?[‘“「『'\"]([^‘’“”「」『』'\"]{2,30})[’”」』'\"](?:은|는|이|가|は|が)(?=\s|$|、)"
)


def _marked_topic(before: str, t: _Table) -> _Found | None:
    """Japanese and Korean: a body or publication named in marks as the topic of the
    sentence, after a noun of its kind ("村の広報誌「白沢だより」は「…」と惜しんだ",
    "지역 일간지 ‘나고야 타임스’는 … “…”라고 소개했다")."""
    found = list(_MARKED_TOPIC.finditer(before))
    if not found:
        return None
    m = found[-1]
    rest = before[m.end() :]
    if t.lang == "ja" and rest.strip(" 、\u3000"):
        return None  # another subject may come between
    if t.lang == "ko" and any(
        len(w) > 1 and w.endswith(("은", "는", "이", "가")) for w in rest.split()
    ):
        return None  # another topic or subject after it
    noun, name = m.group(1), m.group(2)
    if not any(noun.endswith(k) for k in _kind_words(t.lang)):
        return None  # "정부의 ‘긴급 지원’이", "新作映画「海辺の町」は": no body
    return _Found(name, "description", name, described=_MARKED_BODY)


def _read_topic(before: str, t: _Table) -> _Found | None:
    """Japanese and Korean: the phrase a topic or subject particle closes, in the
    sentence before the quotation (``森川さんは``, ``배우 김태호는``)."""
    if t.lang == "ja":
        return _read_ja(before, t)
    return _read_ko(before, t)


# A time a topic particle may close: "今季は", "昨年は", "同日は", "今後も".
_JA_TIME = re.compile(
    r"[今昨来先前翌同当本毎]?[季年回月週日朝夜晩後度期春夏秋冬]|[今昨来]年度|今後|当時|現在|将来"
)


# A family name in kanji and a given name in kana ending in 子, 美, 代 or 江 ("北原ふみ子"),
# not a noun and a particle ("会社の") nor a verb ("発表した").
_JA_GIVEN_IN_KANA = re.compile(
    r"(?<![\u3400-\u9fff々])[\u3400-\u9fff々]{1,3}[ぁ-おか-ぎく-ごさ-ぞたちっつてど-ねぱ-ゖ]{1,3}[子美代江]$"
    # a given name all in kana after a family name of two or three characters, where
    # the clause opens or after "の" (not a verb after a comma: "試合後、敗れた選手"):
    # "佐藤ゆかり", "監督の佐伯ひなた"
    r"|(?:^|(?<=[の\s\u3000「」]))[\u3400-\u9fff々]{2,3}[ぁ-ゖ]{2,4}$"
)
# What opens a title written before it: "副知事" (deputy), "元社長" (former), "前市長".
_JA_TITLE_PREFIXES = ("副", "元", "前", "総", "新")


def _ja_without_role(name: str, t: _Table) -> str:
    """A Japanese name without the role noun written onto its front ("看護師山岸千夏",
    "俳優・岡本翔")."""
    for r in t.roles_by_length:
        if name.startswith(r) and len(name) > len(r) + 1:
            return name[len(r) :].lstrip("・")
    return name


def _ja_after_occupation(name: str) -> str:
    """A Japanese name written after its occupation and a middle dot ("劇作家・野村綾子"):
    the name alone."""
    head, dot, last = name.rpartition("・")
    # (not a foreign name in katakana, "マイケル・ブラウン": an occupation ends in a kanji)
    return last if dot and len(last) >= 2 and _HAN.match(head[-1:] or " ") else name


_JA_REPORTED_AFTER = re.compile(r"と(?:説明|話|述べ|語|明か|強調|指摘|発表)[^。、]*、")


def _ja_personal(head: str, t: _Table) -> bool:
    """The words before a Japanese topic particle end in a person: an honorific, a
    title or a role ("山本さん", "担当者")."""
    tail = _AGE.sub("", head).rstrip()
    return tail.endswith(tuple(t.honorifics)) or tail.endswith(tuple(t.roles))


_JA_FIELD_AFTER = re.compile(r"(?<=[\u3400-\u9fff\u30a0-\u30ffー])[（(][^（）()\d]{1,12}[）)]\s*$")
_JA_BRACKETED = re.compile(r"『[^『』]*』|「[^「」]*」")


def _read_ja(before: str, t: _Table) -> _Found | None:
    # Only the clause after an earlier quotation of the sentence ("森田氏は「…」と訴え、
    # 石原氏も「…」"); there the topic (the first は) before any subject (the last が, も).
    before = before.split(_MASK)[-1]
    # (after a name, a title, a closing bracket, or "たち": "子どもたちは"; not inside a
    # title in brackets: "著書『介護事故はなぜ起きるのか』がある…教授は")
    marked = list(
        re.finditer(
            r"(?:(?<=[\u3400-\u9fff\u30a0-\u30ffー々）)ん氏])|(?<=たち))([はがも])",
            _JA_BRACKETED.sub(lambda m: "〓" * len(m.group(0)), before),
        )
    )
    topics = [m for m in marked if m.group(1) == "は"]
    # "得点操作が「…」との見方を示した": a subject right before the quotation is that of
    # the words quoted, not their speaker (unlike "石原氏も「…」と述べた").
    subjects = [
        m
        for m in marked
        if m.group(1) == "も" or (m.group(1) == "が" and before[m.end() :].strip(" \u3000"))
    ]
    # A topic inside words reported before ("除雪作業は前日夕方に終えていたと説明した上で、
    # 「…」") is not the speaker's; a topic that is no person ("雨は…、担当者は「…」")
    # gives way to a later one that is.
    # But a person who opens the sentence as its topic is the one who reported them
    # ("中川博之裁判長は判決で、病院側は…把握できたと指摘し、「…」と述べた").
    reported = [bool(_JA_REPORTED_AFTER.search(before, m.end())) for m in topics]
    topics = [
        m
        for k, m in enumerate(topics)
        if not reported[k]
        # (only where every later topic is inside the words reported: not "鈴木監督は…と
        # 話したが、主将の佐藤翼選手は「…」", a second speaker)
        or (k == 0 and len(topics) > 1 and all(reported) and _ja_personal(before[: m.start()], t))
    ]
    people = [m for m in topics if _ja_personal(before[: m.start()], t)]
    if people and topics and topics[0] not in people:
        topics = people
    for m in [*topics[:1], *reversed(subjects)]:
        head = before[: m.start()]
        # (and a field or an affiliation in brackets after a title: "森下啓介教授（介護福祉学）")
        head_no_age = _JA_FIELD_AFTER.sub("", _AGE.sub("", head))
        run = _KANJI_KATAKANA.findall(head_no_age[-20:])
        tail = head_no_age.rstrip()
        for h in t.honorifics:
            if tail.endswith(h):
                core = tail[: -len(h)]
                rm = _JA_GIVEN_IN_KANA.search(core) or re.search(
                    r"[\u3400-\u9fff\u30a0-\u30ffー々]+$", core
                )
                if rm and h not in ("記者",):
                    name = rm.group(0)
                    while name.endswith(_JA_TITLE_PREFIXES) and len(name) > 2:
                        name, h = name[:-1], name[-1] + h  # "宮下副知事": deputy governor
                    name = _ja_after_occupation(_ja_without_role(name, t))
                    return _Found(name + h, "name", name, None, (h,))
                if h not in ("さん", "氏", "ちゃん", "君", "くん"):
                    start = _clause_start(head)
                    described = head[start:].strip(" \u3000" + _MASK).lstrip(_MARKS_AND_SPACE)
                    if core.endswith("の") and len(described) > len(h) + 1:
                        # "匿名を条件に取材に応じた同大学の教授": a professor of the
                        # university, the one the article names or else as described
                        return _Found(h, "role", "", None, (h,), described=described)
                    return _Found(h, "role", "", None, (h,))
        if not run or _JA_TIME.fullmatch(run[-1]):
            continue  # "今季は" (this season), a time and not who speaks
        word = run[-1]
        if word in t.pronouns:
            return _Found(word, "pronoun", gender=t.pronouns[word])
        start = _clause_start(head)
        description = head[start:].strip(" \u3000" + _MASK).lstrip(_MARKS_AND_SPACE)
        if description.startswith("と") and len(description) > 2:
            description = description[1:]  # "「…」と担当者は": the particle that quoted
        if word in t.roles or any(word.endswith(r) for r in t.roles):
            if len(description) > len(word):
                return _Found(description, "description", description)
            return _Found(word, "role", "", None, (word,))
        return _Found(description or word, "description", description or word)
    return None


def _clause_start(head: str) -> int:
    cut = max(head.rfind(c) for c in "。、，,」』")
    return cut + 1


def _read_ko(before: str, t: _Table) -> _Found | None:
    # A subject inside a clause the quotation's sentence closed before it ("… 신설도
    # 검토하고 있다며") is not the speaker where a topic stands before it; where none
    # does, the clause's subject is ("교육부도 … 검토하고 있다며").
    return _read_ko_once(before, t, skip_closed=True) or _read_ko_once(before, t, skip_closed=False)


def _read_ko_once(before: str, t: _Table, *, skip_closed: bool) -> _Found | None:
    # "한국경영자총협회(경총)는": the name before its short form
    toks = _tokens(_SHORT_FORM.sub("", _AGE.sub("", before)))
    closed = False  # a clause closed after the word: "… 신설도 검토하고 있다며"
    for i in range(len(toks) - 1, -1, -1):
        w = _KO_MARKS.sub("", toks[i].strip(_MARKS_AND_SPACE))  # "‘바람필름’은"
        if i + 1 < len(toks) and toks[i + 1].endswith(_KO_CLAUSE_ENDS):
            closed = True
        prev = [x.strip(_MARKS_AND_SPACE) for x in toks[max(0, i - 3) : i]]
        if w in ("측은", "측도") and prev and _HANGUL.fullmatch(prev[-1]):
            return _Found(prev[-1], "description", prev[-1])  # "한빛유통 측은": the company
        m = _KO_ANONYMOUS.fullmatch(w)
        if m:
            # "30대 직장인 A씨는": a person the article does not name, as described
            words = list(itertools.takewhile(_ko_describes, reversed(prev)))[::-1]
            phrase = " ".join([*words, m.group(1)])
            return _Found(phrase, "description", phrase)
        particle = next(
            (p for p in t.particles if w.endswith(p) and len(w) > len(p)),
            None,
        )
        if particle is None:
            continue
        core = w[: -len(particle)]
        if skip_closed and closed and particle not in ("은", "는"):
            continue  # the subject or object of the clause closed after it
        if particle in ("이", "가") and len(core) < 2 and core not in t.roles:
            continue  # (but "딸이": the daughter)
        if core.endswith("다"):
            continue  # "높다는 지적에": a clause quoted inside, not a subject
        if particle in ("이", "가") and any(
            x.strip(_MARKS_AND_SPACE) in _KO_BOUND_NOUNS for x in toks[i + 1 :]
        ):
            continue  # "적용이 무산된 데 대해서도": the subject of a clause inside

        if not _HANGUL.fullmatch(core) or w.endswith(_KO_ADVERBIAL):
            continue
        if (
            len(core) < 2
            and core not in t.pronouns
            and core not in t.honorifics
            and core not in t.roles
            and "한" not in prev[-2:]  # "한 50대 팬은": one fan
        ) or core.endswith(_KO_VERB_STEMS):
            continue  # "묻는", "사용하는": a verb qualifying a noun
        if len(core) == 2 and core[1] == "씨" and core[0] in t.surnames:
            return _Found(core, "name", core[0], None, ("씨",))  # "이씨는"
        if core in t.pronouns:
            return _Found(core, "pronoun", gender=t.pronouns[core])
        # "재료공학부의 한 교수는": one professor of the faculty, not Professor Han
        indefinite = len(prev) >= 2 and prev[-1] == "한" and prev[-2].endswith("의")
        if not indefinite and (
            core in t.honorifics
            or any(core.endswith(h) and len(core) <= len(h) + 2 for h in t.honorifics if len(h) > 1)
            # "권영미 최저임금위원장은": a compound title after a full name
            or (
                any(core.endswith(h) for h in t.honorifics if len(h) > 1)
                and _full_name_back(prev, t) > 0
            )
        ):
            if len(prev) >= 2 and prev[-1] == "전" and _korean_name(prev[-2], t):
                # "강유진 전 대표는": a former office, not the family name 전
                return _Found(f"{prev[-2]} 전 {core}", "name", prev[-2], None, (core,))
            if prev and len(prev[-1]) <= 2 and prev[-1] in t.surnames:
                # "윤 감독은": a family name and a role
                return _Found(f"{prev[-1]} {core}", "name", prev[-1], None, (core,))
            k = _full_name_back(prev, t, topic=particle in ("은", "는"))
            if k > 1 and _korean_name(prev[-1], t) and not prev[-1].endswith(_KO_UNIT_ENDS):
                k = 1  # "고려대 감염내과 김우성 교수는": the name right before the title
            if k:
                # "홍명보 축구대표팀 감독은", "윤태석 건국대 부동산학과 교수는": a name, its
                # affiliation, a title
                return _Found(" ".join([*prev[-k:], core]), "name", prev[-k], None, (core,))
            if prev and _korean_name(prev[-1], t, short=True):
                return _Found(f"{prev[-1]} {core}", "name", prev[-1], None, (core,))
            return _Found(core, "role", "", None, (core,))
        if _korean_name(core, t) and not (prev and prev[-1] in t.roles) and "한" not in prev[-3:]:
            # (not "한 중견 영화 제작자", one film producer: 제 is also a family name)
            roles = tuple(x for x in prev[-1:] if x in t.honorifics)
            return _Found(
                " ".join([*prev[-1:], core]) if roles else core, "name", core, None, roles
            )
        if "한" in prev:
            # An unnamed person as the article describes them: "서울 성동구의 한
            # 공인중개사", "현장에서 만난 한 50대 조합원".
            j = i - (len(prev) - prev.index("한"))
            relative = _ko_relative_before(toks, j)
            while not relative and j > 0 and not _ko_clause_break(toks[j - 1]) and i - j < 6:
                j -= 1
            phrase = " ".join([*relative, *(x.strip(_MARKS_AND_SPACE) for x in toks[j:i]), core])
            return _Found(phrase, "description", phrase)
        if core in t.roles or any(core.endswith(r) for r in t.roles):
            # the bare nouns before it that say whose ("여권 핵심 관계자"), up to two
            bare = list(
                itertools.takewhile(
                    lambda x: (
                        bool(_HANGUL.fullmatch(x))
                        and not x.endswith(
                            (
                                "은",
                                "는",
                                "을",
                                "를",
                                "고",
                                "며",
                                "서",
                                "에",
                                "이",
                                "가",
                                "도",
                                "다",
                            )
                        )
                        and not x.endswith(_KO_TIMES)
                    ),
                    reversed(prev[-2:]),
                )
            )[::-1]
            phrase = " ".join([*bare, core])
            return _Found(phrase, "description", phrase)
        if prev and re.fullmatch(r"\d+대|어느|\d+세", prev[-1]):
            # "70대 남성", and the clause that describes them before it ("병원을 찾은
            # 70대 여성")
            core = " ".join([*_ko_relative_before(toks, i - 1), prev[-1], core])
        elif prev and core.endswith(_KO_BODY_ENDS) and prev[-1].endswith(_KO_BODY_ENDS):
            core = f"{prev[-1]} {core}"  # "고용노동부 울산지청"
        return _Found(core, "description", core)
    return None


# How the names of a university, a department or an office end ("명지대", "감염내과"),
# which could also be read as personal names.
_KO_UNIT_ENDS = (
    "대",
    "과",
    "부",
    "원",
    "청",
    "처",
    "실",
    "팀",
    "소",
    "사",
    "국",
    "위",
    "시",
    "군",
    "구",
    "도",
    "협",
)
# Quotation marks written onto a word: "‘바람필름’은".
_KO_MARKS = re.compile("[‘’“”\"']")
# The connective endings that close a clause before the quotation: "검토하고 있다며".
_KO_CLAUSE_ENDS = ("다며", "라며", "하며", "면서", "하고", "있고", "했고", "됐고")
# A person kept anonymous with a letter: "A씨", "B군".
_KO_ANONYMOUS = re.compile(r"([A-Z](?:씨|군|양))(?:는|은|가|도)?")


def _ko_describes(word: str) -> bool:
    """A word of the description before an anonymous person: an age or a plain noun
    ("30대 직장인 A씨"), not a verb's or a case's ending ("못했다는", "주민을")."""
    return bool(re.fullmatch(r"\d+대|\d+세|[\uac00-\ud7a3]{2,}", word)) and not word.endswith(
        ("는", "은", "을", "를", "의", "에", "한", "된", "던", "다", "고", "며", "서", "로")
    )


# A topic particle after a case ending marks an adverbial, not a subject: "질문에는",
# "탈락에 대해서는", "서울에서는".
_KO_ADVERBIAL = (
    "에는",
    "서는",
    "에게는",
    "로는",
    "와는",
    "과는",
    "보다는",
    "까지는",
    "부터는",
    "에도",
    "서도",
    "로도",
)
# Sentence adverbs that open a clause rather than describe a person.
_KO_ADVERBS = frozenset(
    [
        "이날",
        "또",
        "또한",
        "한편",
        "반면",
        "이어",
        "특히",
        "다만",
        "그러나",
        "하지만",
        "최근",
        "현재",
        "당시",
        "앞서",
        "이에",
    ]
)


# Nouns that a clause qualifies ("무산된 데", "오른 것", "내린 만큼"): a subject before
# them belongs to that clause.
_KO_BOUND_NOUNS = frozenset(["데", "것", "점", "만큼", "때", "뒤", "후", "가운데", "데도"])
# Verb stems before an adnominal ending ("사용하는", "있는").
_KO_VERB_STEMS = ("하", "되", "있", "없", "않", "했", "됐")
# The endings of the names of bodies: a ministry, an office, an agency, a committee.
_KO_BODY_ENDS = ("부", "청", "처", "원", "위원회", "위", "공사", "공단", "지청", "센터")


# An auxiliary verb's adnominal after its connective: "운영해 온" (who has run), "살아 온".
_KO_AUXILIARY_ADNOMINALS = frozenset({"온", "간", "준", "본", "낸", "둔"})


def _ko_adnominal(word: str) -> bool:
    """A verb's adnominal form, which ends a relative clause: "운영하는", "찾은", "살던",
    "운영해 온", "참석한" (not a noun of two syllables that ends the same: "권한")."""
    return bool(
        re.search(r"[\uac00-\ud7a3](?:는|은|던)$", word)
        or word in _KO_AUXILIARY_ADNOMINALS
        or (len(word) >= 3 and word.endswith(("한", "된")))
    )


def _ko_relative_before(toks: list[str], j: int) -> list[str]:
    """The relative clause that opens a sentence and ends right before ``toks[j]`` with a
    verb's adnominal ending ("궁동에서 원룸 건물 두 동을 운영하는 | 한 임대인", "병원을
    찾은 | 70대 여성"): the words that describe an unnamed person; [] where none does."""
    if j == 0 or not _ko_adnominal(toks[j - 1].strip(_MARKS_AND_SPACE)):
        return []
    k = j - 1
    while (
        k > 0
        and not toks[k - 1].rstrip().endswith((".", ",", "!", "?"))
        # "경찰에 따르면": whose account it is, no part of the description
        and not toks[k - 1].strip(_MARKS_AND_SPACE).endswith(("따르면", "의하면"))
        and j - k < 10
    ):
        if any(c in toks[k - 1] for c in _QUOTE_MARKS + _MASK):
            break
        k -= 1
    words = [x.strip(_MARKS_AND_SPACE) for x in toks[k:j]]
    while words and words[0] in _KO_ADVERBS:
        words.pop(0)  # "이날", "한편": the sentence's adverb, no part of the description
    if (
        any(w.endswith(("에서는", "에는", "들은", "들는", "께서는")) for w in words)
        or len(words) < 2
    ):
        return []  # a topic inside: the sentence's own subject, not a relative clause
    return words


def _ko_clause_break(token: str) -> bool:
    w = token.strip(_MARKS_AND_SPACE)
    return (
        not w
        or token.rstrip().endswith((",", ".", "·"))
        or w in _KO_ADVERBS
        or w.endswith(("다", "며", "고", "은", "는", "을", "를", "이", "가", "도"))
        or not _HANGUL.search(w)
    )


def _full_name_back(prev: list[str], t: _Table, *, topic: bool = False) -> int:
    """How far back before a title a full Korean name stands, over at most two words of
    affiliation ("윤태석 건국대 부동산학과 교수"); 0 where none does. ``topic``: the
    title carries the topic particle, so a word before it ending like one is no topic
    ("정태윤 한은 총재는": 한은, the Bank of Korea)."""
    found = 0
    ends = ("을", "를", "고", "며", "다", "에", "의") + (() if topic else ("은", "는"))
    for k in range(1, len(prev) + 1):
        w = prev[-k]
        if not _KO_AFFILIATION.fullmatch(w) or w.endswith(ends):
            break
        if _korean_name(w, t) and w not in t.roles:
            found = k  # the farthest: "최은정 명지대 …", where "명지대" could be a name
    return found


# Last syllables of the short names of bodies a title may follow ("고려대", "국방부"),
# not of given names.
_KO_BODY_SYLLABLES = frozenset("대원청처부사소국과팀실단회군구시도당")


def _korean_name(word: str, t: _Table, *, short: bool = False) -> bool:
    """A Korean personal name: a family name and a given name of two syllables (of one
    only with ``short``, where a title follows: "남성" or "정부" alone is a noun)."""
    if not ((2 if short else 3) <= len(word) <= 4) or not _HANGUL.fullmatch(word):
        return False
    if word in t.roles or word in t.honorifics:
        return False
    return word[:2] in t.surnames if len(word) == 4 else word[0] in t.surnames


# --- where an attribution stands --------------------------------------------------------


def _sentence_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    # Whether a mark ends a sentence depends on the text before it, not on where the
    # search starts: the nearest ends, in widening windows (a paragraph may run to
    # megabytes and hold thousands of quotations).
    start = 0
    width = 512
    hi = a
    while hi > 0:
        lo = max(0, hi - width)
        before = _ends_within(text, lo, hi, a)
        if before:
            start = before[-1].end()
            break
        hi, width = lo, width * 2
    end = len(text)
    width = 512
    lo = b
    while lo < len(text):
        hi = min(len(text), lo + width)
        after = _ends_within(text, lo, hi, len(text))
        if after:
            end = after[0].end()
            break
        lo, width = hi, width * 2
    return start, end


def _ends_within(text: str, lo: int, hi: int, last: int) -> list[re.Match[str]]:
    """The sentence ends between ``lo`` and ``hi``, read as if the text stopped at
    ``last``: not a dot that only looks final because a window stops after it."""
    return [
        m
        for m in _ends(text, lo, hi)
        if m.end() == last or m.end() < hi or m.group() != "." or text[hi : hi + 1].isspace()
    ]


def _ends(text: str, a: int, b: int) -> list[re.Match[str]]:
    """The sentence ends between ``a`` and ``b``: not the dot of an abbreviated title
    ("डॉ. सुनील", "د. خالد")."""
    out = []
    for m in _END.finditer(text, a, b):
        if (
            m.group() == "."
            and text[m.start() - 1 : m.start()].isdigit()
            and text[m.end() : m.end() + 1].isdigit()
        ):
            continue  # a decimal point: "超过2.5，“…”"
        if m.group() != ".":
            out.append(m)  # (only a dot may be an abbreviation's: no word to look at)
            continue
        near = text[max(0, m.start() - 200) : m.start()]
        if not any(c.isspace() for c in near):
            near = text[: m.start()]  # (a run longer than the window: all of it)
        word = near.rsplit(None, 1)[-1] if near.strip() else ""
        # A dot after a Thai or Devanagari word is an abbreviation's ("स्व.", "ต.ค.",
        # "รมว."), unless the word is long; in Arabic and Hebrew a word of two letters
        # ends a sentence as well ("לים.").
        shortest = 3 if _ABBREVIATING.search(word) else 1
        if len(word) > shortest and "." not in word and word + "." not in _dotted_titles():
            out.append(m)
    return out


_ABBREVIATING = re.compile(r"[\u0900-\u097f\u0e00-\u0e7f]")


@functools.cache
def _dotted_titles() -> frozenset[str]:
    """The titles written with a dot in any table ("प्रो.", "د.")."""
    return frozenset(w for t in _tables().values() for w in t.titles if w.endswith("."))


def _attribution(chain: list[QuotationPart], masked: list[str], t: _Table) -> _Found | None:
    """The attribution of one quotation (a ``zero`` one for a verb without a subject,
    which hands on the speaker before: "وأضاف:", "مضيفا", "אמר.")."""
    first, last = chain[0], chain[-1]
    text = masked[first.paragraph - 1]
    # Between two parts in one paragraph: "“A，”陈志远说，“B”", "«A» قالت X «B»".
    zero = None  # "“A”, אך הזהיר: “B”": the subject of the verb before the first part
    for p, q in itertools.pairwise(chain):
        if p.paragraph == q.paragraph:
            between = text[p.end.offset : q.start.offset]
            found = _read_at(between, t, side="between")
            if found is not None and found.kind == "zero" and t.order != "topic":
                zero = found
            elif found is not None:
                return found
    s_start, _ = _sentence_bounds(text, first.start.offset, first.start.offset)
    lt = masked[last.paragraph - 1]
    _, a_end = _sentence_bounds(lt, last.end.offset, last.end.offset)
    after = lt[last.end.offset : min(a_end, last.end.offset + _MAX_AFTER)]
    reach = _MAX_BEFORE_TH if t.lang == "th" else _MAX_BEFORE
    lo = first.start.offset - reach
    if lo > s_start:
        # (from a word's start, not the middle of a name)
        space = text.find(" ", lo, first.start.offset)
        lo = space + 1 if space >= 0 and t.lang != "zh" and t.lang != "ja" else lo
    before = text[max(s_start, lo) : first.start.offset]
    if t.order == "topic":
        whose = (
            _ko_whose_words(after, t)
            or _bracketed_source(after, t)
            or (_heard_from(before, after, t) if after.lstrip().startswith("との") else None)
        )
        if whose is not None:
            return whose
        if t.lang == "ko" and _KO_FORESAW.match(after.lstrip()):
            # "한국은행은 올해 성장률이 “…”으로 내다봤다": the topic, not the subject of
            # what was foreseen
            toks = before.split()
            k = max((i for i, w in enumerate(toks) if w.endswith(("은", "는"))), default=-1)
            topic = _read_ko(" ".join(toks[: k + 1]), t) if k >= 0 else None
            if topic is not None:
                return topic
        # "X は「…」と話した", "「…」と X は話した", "X는 "…"고 말했다"
        if _quotative(after, t):
            found = (
                _ja_cleft(after, t)
                or _heard_from(before, after, t)
                or _according(before, t)  # "森下さんによると、最終審査は「…」という"
                or _marked_topic(before, t)
                or _read_topic(before, t)
            )
            if found is None:
                found = _read_topic(after, t) or _ja_named_after(after, t)
            if found is None and not text[s_start : first.start.offset].strip(" \u3000"):
                # "高橋美咲さん（28）は元保育士だ。「…」と笑顔を見せる": the person the
                # sentence before is about
                found = _own_sentence(text, s_start, lt, a_end, t)
            return found or _Found("", "zero")
        if _THUS.search(after):
            # "“…” 홍명보 감독은 … 이렇게 말했다", "「…」社長はこう話した"
            return _read_topic(_THUS.split(after)[0], t)
        found = _according(before, t) or _according(after, t)
        if found is None and not text[s_start : first.start.offset].strip(" \u3000"):
            found = _own_sentence(text, s_start, lt, a_end, t)
        return found
    described_by = (
        _ar_described_by(before, t)
        or _zh_cleft(lt[last.end.offset : last.end.offset + 80], t)
        or (
            _hi_whose_after(lt[last.end.offset : last.end.offset + 300], t)
            if not text[s_start : first.start.offset].strip()
            else None
        )
    )
    if described_by is not None:
        return described_by
    thus = _THUS_SAYS.get(t.lang)
    m = thus.match(lt, last.end.offset) if thus is not None and not after.strip(" .") else None
    if m is not None:
        # '"…". כך אומרת פרופ' דנה אורן, …', "«…». هكذا يقول X": the next sentence says
        # whose words they were
        _, b = _sentence_bounds(lt, m.end(), m.end())
        hit = _find_verb(lt[m.end() : b], t, last=False)
        # (a verb of saying right after "thus": not "כך או כך, …", either way)
        found = (
            _read_at(lt[m.end() : b], t, side="after") if hit is not None and hit[0] == 0 else None
        )
        if found is not None and found.kind != "zero":
            return found
    clause_before = re.split(r"[。！？；，,]", before.rstrip()[:-1])[-1] if before.strip() else ""
    if (
        t.lang == "zh"
        and before.rstrip().endswith("：")
        and _find_verb(clause_before, t, last=True) is None
    ):
        # "有记者问：“…？”", "他算了一笔账：“…”": the clause before the colon, before
        # whatever the next sentence says
        opened = _zh_colon_subject(before.rstrip()[:-1], t, masked)
        if opened is not None:
            return opened
    framed = _hi_ergative_frame(before, after, t) if t.lang == "hi" else None
    if framed is not None:
        return framed
    reads = [("after", after), ("before", before)]
    if t.lang not in _UNSPACED and _closed_sentence(last.text) and _reports_its_own(after, t):
        # "«… سخن گفت.» او هشدار داد که …": the next sentence, whose verb reports words
        # of its own (not "«….» قالت الوزيرة", nor Chinese "“…。”X说")
        reads = reads[1:]
    if (
        before.rstrip().endswith((":", "："))
        or (t.lang == "th" and before.rstrip().endswith("ว่า"))
        or (
            t.lang == "hi"
            and before.rstrip().endswith(",")
            and _find_verb(" ".join(before.rstrip()[:-1].split()[-3:]), t, last=True) is not None
        )
    ):
        # "X said: “…”", "X บอกว่า “…”", "X ने कहा, “…”" is surer than what follows
        reads.reverse()
    for side, s in reads:
        found = _read_at(s, t, side=side)
        if found is not None and found.described == _STATEMENT:
            # the sentence before that says who issued it: "परिषद ने एक बयान जारी कर कहा"
            issuers = list(_HI_ISSUER.finditer(text[: first.start.offset]))
            issuer = None
            if issuers:
                a, b = _sentence_bounds(text, issuers[-1].start(), issuers[-1].end())
                issuer = _read_at(text[a:b], t, side="before")
            found = issuer if issuer is not None and issuer.kind != "zero" else found
        if found is not None and found.kind == "zero" and side == "after" and t.lang == "fa":
            # "X این وعده‌ها را «…» خواند": the verb after has its subject before the
            # quotation, where the sentence opens
            a, b = _sentence_bounds(text, first.start.offset, first.end.offset)
            # (after a quotation before it in the sentence: "X گفت: «….» اما Y … را «…»
            # خواند")
            a = max(a, lt.rfind(_MASK, a, first.start.offset) + 1)
            found = _opening_subject(text[a:b], t) or found
        if found is not None and found.kind == "zero" and side == "after" and len(reads) > 1:
            # "وأوضح العمري أن «…»، لافتاً إلى …": the verb after, without a subject of its
            # own, goes on from the subject that leads to the quotation
            led = _read_at(before, t, side="before")
            if led is not None and led.kind != "zero" and not _RELATIVE_BEFORE.search(before):
                return led
        if found is not None:
            return found
    found = _according(before, t) or _according(after, t)
    if found is None and not text[s_start : first.start.offset].strip():
        # A quotation that is a sentence of its own after a reporting one: "他告诉记者，
        # …。“…”", "X ने बताया कि … । “…”" -- that sentence's subject.
        reporting = _sentence_before(text, s_start)
        if reporting:
            found = _read_at(reporting, t, side="before")
            if found is not None and found.kind == "zero":
                found = None
    if found is None and first.paragraph > 1 and not text[: first.start.offset].strip():
        found = _paragraph_before(masked[first.paragraph - 2], t)
    if found is None and t.lang == "fa":
        a, b = _sentence_bounds(text, first.start.offset, first.end.offset)
        found = _opening_subject(text[a:b], t)
    if found is None and t.lang == "zh" and before.rstrip().endswith("："):
        found = _zh_colon_subject(before.rstrip()[:-1], t, masked)
    if found is None and t.lang == "he" and before.rstrip().endswith(":"):
        found = _he_colon_subject(before.rstrip()[:-1], t, masked)
    return found or zero


def _he_colon_subject(clause: str, t: _Table, article: Sequence[str]) -> _Found | None:
    """Hebrew: the one who opens a clause with no verb of saying before a colon and the
    quotation ("ברגר שיבח את החלוץ: "…"", "אלמוג תקפה את הקואליציה: "…""): a pronoun, a
    name in apposition, or a name of one to three words the article writes again."""
    clause = re.split(r"[.!?]", clause)[-1]
    apposed, _ = _spaced_person_opening(clause, t)
    if apposed:  # "מקבילתו באוניברסיטת תל אביב, שירה אבוטבול, הייתה חריפה יותר:"
        return _Found(apposed, "name", apposed)
    toks = _tokens(_clean(clause))
    if (
        not toks
        or len(toks) > 12
        or "," in clause
        or toks[0] in t.stops
        or toks[0].startswith("כש")
    ):
        return None  # "כשנשאל על כך השבוע, חייך:": when, and a verb without its subject
    if toks[0] in t.pronouns:
        return _pronoun(toks[0], t)
    if len(toks) > 5:
        return None  # (not "משה כהן נתקל בשלט בכניסה …:", what a sign read)
    return next(
        (
            n
            for n in _opening_names(toks, t, (3, 2, 1))
            if sum(p.count(n.name) for p in article) > 1
        ),
        None,
    )


# "Thus" opening the sentence after a quotation, before its verb of saying.
_THUS_SAYS = {
    "he": re.compile(r"[\s.]*(?:כך|ככה)\s+(?=\S)"),
    "ar": re.compile(r"[\s.]*(?:هكذا|بهذه الكلمات)\s+(?=\S)"),
}


# Two characters after a family name that read as a given name, not a role or a pronoun
# ("向晓燕", not "向记者", "对他们").
# Words after "向" that are no given name ("向外界", to the outside world).
_ZH_NOT_GIVEN = frozenset(
    {"外界", "社会", "公众", "大家", "媒体", "市民", "群众", "游客", "记者", "全国"}
)
# Chinese words of kinship a family name takes to call an older person ("张阿姨").
_ZH_KIN = frozenset({"阿姨", "大爷", "大妈", "奶奶", "爷爷", "师傅", "大叔", "大姐"})
# Chinese nouns of who someone is that are no office ("村民李秀英" is "李奶奶").
_ZH_LAY = (
    "村民",
    "居民",
    "市民",
    "农民",
    "老人",
    "渔民",
    "牧民",
    "茶农",
    "果农",
    "菜农",
    "摊主",
    "店主",
)
_ZH_GIVEN = re.compile(r"(?![他她我你]|记者|大家|媒体|本报)[\u4e00-\u9fff]{2}")
_ZH_ASKED = re.compile(
    r"(?:有|一位|一名)?([\u4e00-\u9fff]{0,8}?(?:记者|网友|主持人|观众))(?:提问|追问|问道|问)"
)


# A Chinese clause of "speaking of" before the sentence's subject ("谈及…，", "说起…，").
_ZH_SPEAKING_OF = re.compile(
    r"(?:^|[，。；！？\s])((?:谈及|谈到|谈起|说起|提到|提及)[^，。；：！？]{1,24}，)"
)


def _zh_clause_opener(clause: str, t: _Table, article: Sequence[str]) -> _Found | None:
    """A Chinese pronoun, a familiar "老李", or a full name that opens a clause; a
    reporter who asks ("有记者问", "记者提问")."""
    asked = _ZH_ASKED.fullmatch(clause)
    if asked:
        return _Found(asked.group(1), "description", asked.group(1))
    if clause[:1] in t.pronouns and clause[1:2] not in ("们", "人"):
        return _Found(clause[:1], "pronoun", gender=t.pronouns[clause[:1]])
    if (
        re.match(r"[老小][\u3400-\u9fff]", clause)
        and clause[1] in t.surnames
        and _zh_named_elsewhere(clause[:2], article)  # (not "老房子")
        and clause[:2]
        not in (
            "小时",
            "老师",
            "小区",
            "老人",
            "小学",
            "老年",
        )
    ):
        return _Found(clause[:2], "name", clause[:2])
    kin = next((k for k in _ZH_KIN if clause.startswith(k, 1)), "")
    if kin and clause[0] in t.surnames:
        # "李奶奶的眼圈红了：" (Granny Li's eyes reddened): a family name and a word of
        # kinship
        return _Found(clause[: 1 + len(kin)], "name", clause[0], None, (kin,))
    name = _zh_name_at(clause, 0, t)
    if len(name) == 3 and clause[3:4] not in ("家", "的") and _zh_named_elsewhere(name, article):
        return _Found(name, "name", name)  # (not "王建国家门口贴着…", his home's door)
    return None


def _zh_named_elsewhere(name: str, article: Sequence[str]) -> bool:
    """A Chinese name the article writes more than once, once at least before a word
    that follows names ("吴桂兰今年", "刘畅说"; not "何时复工", "高铁开通", "文件明确",
    nor only before "的": "方便面的价格")."""
    after = [
        text[m.end() : m.end() + 1] for text in article for m in re.finditer(re.escape(name), text)
    ]
    return len(after) > 1 and any(
        (c in _ZH_AFTER_NAME and c != "的") or not _HAN.match(c or " ") for c in after
    )


def _zh_colon_subject(clause: str, t: _Table, article: Sequence[str] = ()) -> _Found | None:
    """Chinese: the person a clause with no verb of saying opens with, before a colon
    and the quotation ("负责人陈女士对此深有体会：“…”", "他笑着回忆：“…”")."""
    clauses = re.split(r"[。！？；，,]", clause)
    clause = clauses[-1]
    for c in (clause, clauses[-2] if len(clauses) > 1 else ""):
        # "他算了一笔账：", "老李摆摆手：", "杨光明望着满山茶树，说出了心里话：": the one the
        # clause (or the sentence's clause before it) opens with, and what they did
        opener = _zh_clause_opener(c, t, article)
        if opener is not None:
            return opener
        if (
            c is clause
            and _zh_name_at(c, 0, t) == ""
            and c[:1] not in t.pronouns
            and len(clauses) > 1
        ):
            continue
        break
    found = _read_zh(clause, t) if clause and len(clause) <= 40 else None
    if found is None or found.kind == "zero":
        return None
    if found.kind == "description" and not any(r in found.mention for r in t.roles):
        return None  # "记者了解到：": no one who spoke
    return found


_AR_WHILE_CLAUSE = re.compile(r"\s+وال\S+\s+(?:لا|لم|لن|قد|ما)\s.*")
_AR_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي"})


# Arabic "described it as": the one who described, before a relative ("هيئة الدفاع التي
# وصفت الحكم بأنه «…»") or after the verb that carries its object ("ما وصفه بعض النواب
# بـ«…»", "وصفتها اللجنة بأنها «…»").
_AR_DESCRIBED_BEFORE = re.compile(
    r"((?:\S+\s+){0,4}?\S+)\s+(?:التي|الذي|الذين)\s+و?(?:وصف|تصف|يصف)\S*\s+(?:\S+\s+){0,2}?"
    r"(?:بأنه|بأنها|بأنهم|بأن|ب\S*)\s*$"
)
_AR_DESCRIBED_AFTER = re.compile(
    r"و?(?:وصف|تصف|يصف)(?:ه|ها|هم|ته|تها|وه|وها)\s+((?:\S+\s+){0,4}?\S+)\s+"
    r"(?:بأنه|بأنها|بأنهم|بأن|ب\S*)\s*$"
)


def _ar_described_by(before: str, t: _Table) -> _Found | None:
    """Arabic: who described something as the words quoted (see the patterns above)."""
    if t.lang != "ar":
        return None
    clause = re.split(r"[.:؟!،,]", before.split(_MASK)[-1])[-1]
    m = _AR_DESCRIBED_AFTER.search(clause) or _AR_DESCRIBED_BEFORE.search(clause)
    if m is None:
        return None
    words = m.group(1).split()
    # The construct the relative takes up, read back from its end ("هيئة الدفاع",
    # "لجنة تحكيم جائزة النيل"): not the verb or the subject of the clause before it
    # ("واستأنفت …", "وهاجم المعارضون وزير الخارجية الذي …").
    k = len(words) - 1
    while k > 0 and (
        words[k - 1] in t.roles  # "وزير الخارجية": an office that opens with و
        or (not words[k - 1].startswith(("ال", "و")) and words[k - 1] not in t.verbs)
    ):
        k -= 1
    words = words[k:]
    found = _read_spaced(" ".join(words), t, "")
    return found if found is not None and found.kind != "zero" else None


# Hindi words that are titles before a name and family names after one ("प्रिया कुमारी").
_HI_LAST_NAMES = frozenset({"कुमारी", "देवी", "कुमार"})
# The endings of a Hindi verb in the past without an object ("मुस्कुराईं", "रुके", "हंसा").
_HI_PAST_ENDS = ("ईं", "ई", "ए", "ा", "े")
# Hindi adverbials of time before a subject: "सुनवाई के बाद" (after the hearing), "… के
# दौरान" (during), "… के मौके पर" (on the occasion of).
_HI_WHEN = re.compile(r"(?<!\S)(?:के बाद|के दौरान|के मौके पर|के अवसर पर|से पहले)(?!\S)")


def _sentence_before(text: str, s_start: int) -> str:
    """The sentence before the one that starts at ``s_start``; "" at the paragraph's
    start or where that sentence holds a quotation (someone's words, not a report)."""
    if not s_start:
        return ""
    prev_start, _ = _sentence_bounds(text, s_start - 1, s_start - 1)
    previous = text[prev_start:s_start]
    return "" if _MASK in previous else previous


def _paragraph_before(previous: str, t: _Table) -> _Found | None:
    """A quotation that is a paragraph of its own after one whose last sentence reports
    someone's words ("…刘女士告诉记者，她先后…。" / "“…”"): that sentence's subject."""
    text = previous.rstrip()
    if not text:
        return None
    if _MASK in text:
        # a quotation in it: the next paragraph continues that speaker's words, whatever
        # sentence about someone else ends the paragraph
        return None
    start, _ = _sentence_bounds(text, len(text) - 1, len(text) - 1)
    last = text[start:]
    found = _read_at(last, t, side="before")
    return found if found is not None and found.kind != "zero" else None


# A relative clause between the subject and the quotation ("… عمر عيتاني الذي نبه إلى
# «…»"): the participle after may go on from the clause's own subject.
_RELATIVE_BEFORE = re.compile(r"(?<!\S)(?:الذي|التي|الذين|اللذين|اللتين|אשר|که)(?!\S)")


# "こう話した", "이렇게 말했다" (said thus): the words quoted before are the speaker's.
_THUS = re.compile(
    r"こう(?!した|して|いう|いった|なる|なっ)"
    r"|そう(?=[話語言述明振笑答訴]|こぼ|つぶや|打ち明|警鐘|強調|説明|指摘|力説|明か)"
    r"|이렇게|이같이|이와 같이"
)
# A Japanese passive after the quoting particle ("と言われた", "と何度も聞かれました",
# "と頼まれた", "と求められ"), or words received ("と電話をもらう"): the speaker is the
# agent before, with に or から.
_JA_RECEIVED = re.compile(
    r"と[^、。「」]{0,10}?(?:(?:[わかさたなまらがば]|られ|せら)れ(?:た|て|る|ま)|もら|受け|届|寄せられ)"
    # "選考委員からは「…」との指摘も出た": a voice raised by someone
    r"|との(?:声|指摘|意見|批判|不満|懸念|要望|反発|疑問)[もが]?(?:出|上が|聞か|相次)"
)
_JA_AGENT = re.compile(r"([^、。「」『』\s\u3000\u2591はが]+?)(?:から|に)[はも]?[\s\u3000]*$")


# Korean words heard from someone: "주민들에게서 ‘…’는 말을 들었다".
_KO_HEARD = re.compile(r"(?:이?라는|는|고)\s+(?:말을|얘기를|이야기를|말도)?\s*(?:\S+\s+){0,2}?들")
_KO_AGENT = re.compile(r"(\S+?)(?:에게서|에게서는|한테서|로부터|으로부터|로부터는)\s*$")


def _heard_from(before: str, after: str, t: _Table) -> _Found | None:
    """The one a Japanese passive says the words came from: "民生委員さんに「…」と言われ
    た", "常連のお客さんからは『…』と電話をもらう" (not the topic, who heard them); in
    Korean, the one they were heard from ("주민들에게서 ‘…’는 말을 들었다")."""
    if t.lang == "ko":
        k = _KO_AGENT.search(before.split(_MASK)[-1])
        if k is None or not _KO_HEARD.match(after.lstrip()):
            return None
        return _read_ko(k.group(1) + "은", t)
    if t.lang != "ja" or not _JA_RECEIVED.match(after.lstrip(" \u3000")):
        return None
    m = _JA_AGENT.search(before.split(_MASK)[-1])
    if m is None or _JA_TIME.fullmatch(m.group(1)):
        return None
    phrase = m.group(1)
    found = _read_ja(phrase + "は", t)
    if found is None:
        return None
    head = phrase[: len(phrase) - len(found.mention)] if phrase.endswith(found.mention) else ""
    if found.kind == "name" and head.endswith(("お", "ご", "の")) and found.roles[0] == "さん":
        # "常連のお客さん", "近所の方": a description, not a name before さん
        return _Found(phrase, "description", phrase)
    return found


_JA_CLEFT = re.compile(
    r"[\s\u3000]*と[^。「」]{0,20}?のは([^。「」、]{2,30}?)(?:だ|である|だった|でした)[。]?"
)


def _ja_cleft(after: str, t: _Table) -> _Found | None:
    """Japanese "「…」と目を細めたのは新井俊介監督だ": the one the cleft sentence names."""
    m = _JA_CLEFT.match(after) if t.lang == "ja" else None
    return _read_ja(m.group(1) + "は", t) if m is not None else None


# Chinese "“…”说这番话的是“90后”主播叶晨。" (the one who said this is …).
_ZH_CLEFT = re.compile(
    r"\s*(?:说|讲)(?:出)?这(?:番|句|些|段)?话的(?:人)?，?(?:正|就)?是([^。，；！？]{2,30})[。，；]"
)


def _zh_cleft(after: str, t: _Table) -> _Found | None:
    m = _ZH_CLEFT.match(after) if t.lang == "zh" else None
    # (after a word in marks before the name: "“90后”主播叶晨")
    return _read_zh(re.split(f"[”’{_MASK}]", m.group(1))[-1], t) if m is not None else None


def _ja_named_after(after: str, t: _Table) -> _Found | None:
    """Japanese "「…」と山本さん。": a sentence without a verb that ends in the speaker."""
    m = re.match(
        r"[\s\u3000]*と[\s\u3000]*([^、。「」『』\u2591]{2,30}?)[\s\u3000]*。?[\s\u3000]*$", after
    )
    if t.lang != "ja" or m is None or _find_verb(m.group(1), t, last=False) is not None:
        return None
    found = _read_ja(m.group(1) + "は", t)
    if found is not None and found.kind == "description" and _ja_personal(m.group(1), t):
        return found  # "「…」と市建設課の担当者。"
    return found if found is not None and found.kind in ("name", "role") else None


_THUS_SAID = re.compile(
    r"(?:이렇게|이같이|다음과 같이|こう)\s*\S*(?:말했|밝혔|전했|설명했|강조했|話し|語っ|述べ)"
)
# Korean: whose words the quotation was, in a sentence without a verb after it ("“…”
# 주장 정우석의 말이다", "“…”이라는 게 업계의 관측이다").
_KO_WHOSE = re.compile(
    r"^\s*(?:(?:이?라는|는) (?:게|것이) )?([^“”\"‘’.]{2,40}?)의 "
    r"(?:말|설명|얘기|이야기|지적|분석|전언|관측|전망|평가|주장|설명이|말이)(?:이다|다)"
)
# The source in brackets right after the words, ending in a word for a person or a
# source (not an editor's note, "（要旨）"): Korean "“…”(서울 강남구 수험생 이모양)",
# Japanese "「…」（幹部）との声", "（国内証券のアナリスト）", "（30代の女性看護師）".
_BRACKETED_SOURCE = {
    "ko": re.compile(r"^\s*\(([^()]{3,40}?(?:씨|양|군|모씨|관계자|교수|대표|학생|주민))\)"),
    "ja": re.compile(
        r"^[（(]((?:\d+代の?)?[^（）()\d]{0,18}(?:者|員|官|長|家|性|相|臣|僚|士|授|師|幹部|首脳|筋|周辺|中堅"
        r"|ベテラン|OB|アナリスト|議員|関係者))[）)]"
    ),
}


def _bracketed_source(after: str, t: _Table) -> _Found | None:
    """Korean and Japanese: who said the words, in brackets right after them, as written."""
    pattern = _BRACKETED_SOURCE.get(t.lang)
    m = pattern.match(after) if pattern is not None else None
    return _Found(m.group(1), "description", m.group(1)) if m is not None else None


def _ko_whose_words(after: str, t: _Table) -> _Found | None:
    if t.lang != "ko":
        return None
    m = _KO_WHOSE.match(after)
    if m is not None:
        return _read_ko(m.group(1) + "은", t) or _Found(m.group(1), "description", m.group(1))
    return None


# Japanese verbs of how someone said what was quoted before ("力を込める", "笑う",
# "振り返る"), which end the sentence after the words.
_JA_BEARING = re.compile(
    r"(?:力を込め|笑顔を見せ|笑|振り返|語|話|胸を張|意気込|声を弾ませ|目を細め|うなず|明か|打ち明け|訴え|強調し)"
    r"[^。、「」]{0,4}。?\s*$"
)


def _own_sentence(text: str, s_start: int, lt: str, a_end: int, t: _Table) -> _Found | None:
    """Japanese and Korean: a quotation that is a sentence of its own, without a particle
    that quotes it: the speaker the next sentence says spoke thus ("「…」。佐藤さんは、…
    こうコメントを寄せた"), else the person named as the topic of the sentence before
    ("山口健太さん（42）は、…と明かす。「…」")."""
    nxt_end = _sentence_bounds(lt, a_end, a_end)[1] if a_end < len(lt) else a_end
    # (up to a quotation it goes on to: "「A」。…教授はこう話し、「B」と指摘した")
    nxt = lt[a_end:nxt_end].split(_MASK)[0]
    if _THUS.search(nxt):
        found = _read_topic(_THUS.split(nxt)[0], t)
        if found is not None:
            return found
    after_topic = _read_topic(nxt, t) if nxt.strip() and _JA_BEARING.search(nxt) else None
    if after_topic is not None and after_topic.kind == "name" and after_topic.roles:
        # "「…」。高田文子さん（68）は力を込める。": the person the next sentence shows
        # saying it
        return after_topic
    previous = _sentence_before(text, s_start)
    if not previous:
        return None
    found = _read_topic(previous, t)
    start = s_start
    for _ in range(2):
        if found is not None and (
            found.kind != "description" or _find_verb(previous, t, last=False)
        ):
            break
        # "山路さんは3代目。祖父の代から…畑は約4ヘクタールある。「…」": back over a
        # sentence about no one, to one about a person named with an honorific
        start = max(0, start - len(previous) - 1)
        previous = _sentence_before(text, start)
        back = _read_topic(previous, t) if previous else None
        if back is not None and back.kind == "name" and back.roles:
            return back
    if found is not None and _THUS_SAID.search(previous):
        # "여권 핵심 관계자는 통화에서 이렇게 말했다. “…”": whoever the sentence before
        # says spoke thus, named or not
        return found
    if _find_verb(previous, t, last=False) is None and not (
        found is not None and found.kind == "name" and found.roles
    ):
        # "山田さんは…見送る。「行ってきます」" may be the words of someone else; but a
        # person the sentence is about, named with an honorific or an office, speaks next
        # ("山本恵子さんは複雑な表情を見せる。「…」")
        return None
    return found if found is not None and found.kind == "name" else None


def _closed_sentence(quoted: str) -> bool:
    """The quotation ends its sentence with a full stop inside its marks ("«… سخن گفت.»"),
    not with a question or an exclamation, which an attribution often follows."""
    inner = quoted.rstrip().rstrip(_QUOTE_MARKS).rstrip()
    return inner.endswith((".", "।"))


def _reports_its_own(after: str, t: _Table) -> bool:
    """The words after a quotation start a sentence of their own: their verb of saying
    goes on to a "that" of its own ("او هشدار داد که …", "وأشار الوزير … إلى أن"), is
    joined by "and" ("وأشار", "והוסיף"), or says "also" of a new subject ("… ने भी
    इस पर प्रतिक्रिया दी")."""
    hit = _find_verb(after, t, last=False)
    if hit is None or _tokens(_clean(after))[:2] == ["این", "را"]:
        return False  # (nor "«…» این را X گفت که …": "this" is the words quoted)
    written = after[hit[0] : hit[1]].strip(_MARKS_AND_SPACE)
    words = [w.strip(",،.") for w in after.split()]
    return (
        any(w in t.that for w in after[hit[1] :].split())
        or (t.lang in ("ar", "he") and written[:1] in ("و", "ו") and written[1:] in t.verbs)
        # where the verb comes first, a subject before it opens a sentence: '"…." יו"ר
        # האופוזיציה יאיר לפיד הגיב' (not '"…." אמר יאיר לפיד')
        or (t.lang in ("ar", "he") and bool(_tokens(_clean(after[: hit[0]]))))
        or any(w in _ALSO for w in words)
    )


# "Also": another subject's words follow.
_ALSO = frozenset({"भी", "أيضا", "أيضاً", "גם", "نیز"})


# Words that join a second predicate to the subject of the first: "พร้อม" (and also),
# "และ", "ก่อน(จะ)" (before), "ทั้งยัง" (moreover), "โดยไม่" (without).
_THAI_GOES_ON_FROM = ("พร้อม", "และ", "ก่อน", "ทั้งยัง", "โดยไม่", "อีกทั้ง")
# (not "ทั้งนี้", in this regard, nor "พร้อมกันนี้", meanwhile, which open a statement
# of someone else, nor "ก่อนหน้านี้", earlier)
_THAI_NOT_GOING_ON = ("ทั้งนี้", "ทั้งหมด", "ก่อนหน้า", "พร้อมกันนี้", "พร้อมกันนั้น")


def _thai_goes_on(lead: str) -> bool:
    return lead.startswith(_THAI_GOES_ON_FROM) and not lead.startswith(_THAI_NOT_GOING_ON)


# A Thai noun of who someone is and their age: "เทรนเนอร์วัย 52 ปี", "กองหน้าวัย 24 ปี".
_THAI_BY_AGE = re.compile(r"\S{2,24}?วัย\s*\d{1,3}\s*ปี")
_THAI_NICKNAME = re.compile(r"\s*หรือ\s*“[^“”]{1,24}”")
# What goes on describing the noun before the space: an age or a count after its number
# ("วัย 19 ปีที่…", "มา 2 ฤดูกาล"), a place ("จ.สุพรรณบุรี", "จังหวัดเลย"), a relative
# clause ("ซึ่งใช้ระบบมา").
_THAI_GOES_ON = ("จังหวัด", "อำเภอ", "จ.", "อ.", "ต.", "ซึ่ง", "วัย", "อายุ")
_THAI_NUMBER = re.compile(r"[\d๐-๙][\d๐-๙,.]*")


# A reporter's question that opens the sentence before the answer: "เมื่อผู้สื่อข่าวถามว่า
# …หรือไม่ ผู้ว่าฯ ตอบว่า “…”" (asked whether …, the governor answered), "ต่อคำถามถึง…".
_THAI_ASKED = re.compile(
    r"\s*(?:และ)?(?:เมื่อ|ต่อ|ส่วน)(?:ผู้สื่อข่าว|นักข่าว)?(?:ถูก)?(?:ถาม|สอบถาม|ซักถาม|คำถาม|ข้อถาม)"
)
_THAI_QUESTION_ENDS = ("หรือไม่", "ไหม", "อย่างไร", "หรือเปล่า", "เมื่อไร", "เมื่อไหร่", "แค่ไหน", "ใด")


def _thai_after_question(s: str, t: _Table) -> str:
    """What follows a reporter's question that opens ``s``, where the answer's verb is;
    else ``s``."""
    if not _THAI_ASKED.match(s):
        return s
    chunks = s.lstrip().split(" ")
    k = 1  # the question is one phrase, or runs on to its question word
    for i, chunk in enumerate(chunks[1:], 1):
        if chunk.endswith(_THAI_QUESTION_ENDS):
            k = i + 1
    rest = " ".join(chunks[k:])
    return rest if rest.strip() and _find_verb(rest, t, last=False) is not None else s


def _thai_last_phrase(chunks: list[str]) -> str:
    """The last of the phrases Thai spaces apart, with those before it that its age, its
    count, its place or its relative clause goes on from."""
    k = len(chunks) - 1
    while k > 0 and (
        _THAI_NUMBER.match(chunks[k])
        or _THAI_NUMBER.fullmatch(chunks[k - 1])
        or chunks[k].startswith(_THAI_GOES_ON)
        or chunks[k - 1].endswith(("วัย", "อายุ", "ประมาณ", "กว่า"))
    ):
        k -= 1
    return " ".join(chunks[k:])


# Persian words of time that stand between commas like a name: "سخنگو، روز دوشنبه، …".
_FA_TIMES = frozenset(
    [
        "روز",
        "دیروز",
        "امروز",
        "فردا",
        "شب",
        "صبح",
        "عصر",
        "هفته",
        "ماه",
        "سال",
        "شنبه",
        "یکشنبه",
        "دوشنبه",
        "سه\u200cشنبه",
        "چهارشنبه",
        "پنجشنبه",
        "جمعه",
    ]
)


def _pronoun(word: str, t: _Table) -> _Found:
    """A pronoun of the table, with the gender it shows ("x": none)."""
    g = t.pronouns[word]
    return _Found(word, "pronoun", gender=None if g == "x" else g)


def _opening_names(toks: list[str], t: _Table, sizes: tuple[int, ...]) -> Iterator[_Found]:
    """The names the first ``sizes`` words of a clause read as, longest first, where
    words follow them."""
    for k in sizes:
        named = _read_spaced(" ".join(toks[:k]), t, "") if len(toks) > k else None
        if named is not None and named.kind == "name":
            yield named


def _fa_before_object(toks: list[str], t: _Table) -> _Found | None:
    """Persian: the subject that opens a clause whose object (with "را") runs on to the
    quotation, where no phrase boundary shows where the subject ends ("سخنگوی وزارت امور
    خارجه دور تازه تحریم‌ها … را «…» خواند"): a pronoun, a name, or an office."""
    if not toks:
        return None
    if toks[0] in t.pronouns:
        return _pronoun(toks[0], t)
    named = next(_opening_names(toks, t, (3, 2)), None)
    if named is not None:
        return named
    head = _unprefixed(toks[0], t)
    if toks[0] in t.roles or head in t.roles or _role_like(head, t):
        return _Found(toks[0], "role", "", None, (toks[0] if toks[0] in t.roles else head,))
    return None


def _opening_subject(sentence: str, t: _Table) -> _Found | None:
    """Persian: the subject that opens a sentence with a verb of saying in it, for a
    quotation in it that no nearer phrase attributes ("X در بیانیه‌ای این وعده‌ها را
    «…» خواند و اعلام کرد: «…»")."""
    if _find_verb(sentence, t, last=False) is None and not any(
        w in t.calling for w in _tokens(sentence)
    ):
        return None  # (a verb of calling too: "روزنامه «همشهری» … این فیلم را «…» خوانده بود")
    # "X دیروز شاهد تجمع صدها پرستار بود که فریاد می‌زدند «…»": a relative clause between
    # has a subject of its own; "هشدار داد که" (warned that) does not open one.
    # A relative clause in an apposition between commas ("ناهید شریفی، عضو دیگر شورا که
    # به این طرح رأی منفی داد، …") describes the subject and opens no clause of the verb.
    toks = _tokens(re.split(r"[،,]", sentence.split(_MASK)[0])[-1])
    for i, w in enumerate(toks):
        if w == "که" and not any(x in t.verbs for x in toks[max(0, i - 2) : i]):
            return None
    segs = re.split(r"[،,:]", sentence)
    for n, seg in enumerate(segs):
        toks = _tokens(_clean(seg))
        if toks and toks[0] in CONJUNCTIONS and len(toks) > 1:
            seg = seg.split(toks[0], 1)[1]  # "اما نادری این طرح را «…» خواند" (but)
            toks = toks[1:]
        if not toks or toks[0] in t.stops or all(w in t.strip for w in toks):
            continue  # an opener: "در مقابل،", "همچنین،"
        subject = seg.split(_MASK)[0]
        words = subject.split()
        cut = next((i for i, w in enumerate(words) if i and w in ("این", "آن")), None)
        if cut is not None:  # "نادری این طرح را «…» خواند": the object's "this" ends it
            subject = " ".join(words[:cut])
        found = _read_spaced(subject, t, "") if _tokens(_clean(subject)) else None
        if found is None and "را" in _tokens(subject):
            found = _fa_before_object(_tokens(_clean(subject)), t)
        if found is not None and found.kind in ("description", "role") and n + 2 < len(segs):
            # "رئیس خانه کشاورز شهرستان ورزنه، حسین اکبری، اما …": the name in apposition
            apposed = segs[n + 1]
            named = _read_spaced(apposed, t, "") if _MASK not in apposed else None
            if (
                named is not None
                and named.kind == "name"
                and len(_tokens(_clean(apposed))) <= 3
                and _find_verb(apposed, t, last=False) is None
                and not any(w in _FA_TIMES or w.isdigit() for w in _tokens(_clean(apposed)))
            ):
                return named
        return found if found is not None and found.kind != "zero" else None
    return None


_VIEW_SHOWN = re.compile(
    r"との[\u3040-\u309f\u3400-\u9fff\u30a0-\u30ff]{1,6}?を(?:示|明らかに|表明|強調|維持|述べ|伝え|出し|寄せ)"
)


# Korean "as" before a verb of judging: "“2% 안팎에 그칠 것”으로 내다봤다".
_KO_FORESAW = re.compile(
    r"으?로\s+(?:\S+\s+)?(?:내다봤|전망했|예상했|평가했|분석했|진단했|관측했|추산했)"
)


def _quotative(after: str, t: _Table) -> bool:
    a = after.lstrip(" \u3000")
    if t.lang == "ja":
        # "との見方" (the view that) is nobody's words; "とのコメントを寄せた" is someone's.
        if a.startswith(("と書かれ", "と記され", "とある")):
            return False  # a sign or a document: "「…」と書かれた横断幕"
        # "との見方を示した", "との判断を維持している" (someone's view, shown: their words);
        # "との声も出ている", "との反発も" (a view somebody holds) is nobody's in particular,
        # and "との報道を否定した", "との指摘を受けた" are others' words, denied or received.
        return a.startswith("と") and (
            not a.startswith("との")
            or a.startswith(("とのコメント", "との談話", "とのメッセージ", "との声明", "との見解"))
            or bool(_VIEW_SHOWN.match(a))
        )
    # (also "고만 했다", only said; "고도 했다", also said; "면서도", while; "“… 것”으로
    # 내다봤다", foresaw as)
    return bool(
        re.match(
            r"(?:(?:이?라고|고)(?:만|도)?|이?라며|며|(?:이?라)?면서도?|이?라는|는|라|하고)(?:\s|$|[,.])",
            a,
        )
    ) or bool(t.lang == "ko" and _KO_FORESAW.match(a))


# A word that names whom the words were said to, after the subject of a verb of saying;
# not "للأمم المتحدة" in "الأمين العام للأمم المتحدة", which belongs to a title.
_ADDRESSEE = {
    "ar": re.compile(
        r"لـ\S|لل(?:صحافيين|صحفيين|إعلاميين|مراسلين|صحيفة|قناة|وكالة|تلفزيون|إذاعة|موقع)(?!\w)"
        r"|ل(?:قناة|صحيفة|موقع|إذاعة|تلفزيون|وكالة)(?!\w)"
        # outlets written on to "to": "لبي بي سي", "للأناضول", "لرويترز", "للجزيرة"
        r"|ل(?:بي|لأناضول|رويترز|لجزيرة|سكاي|فرانس|لعربية|لشرق|لحرة|دويتشه)(?!\w)"
    ),
    "he": re.compile(
        r"ל[\"״“”']|ל(?:כתבים|עיתונאים|תקשורת|ערוץ|רדיו|אתר|עיתון|כתבנו|כתבתנו|חדשות)(?!\w)"
        r"|ל(?:ו|ה|הם|הן|י|נו)(?!\w)"
    ),
}


_HE_WORD_MARKS = re.compile(r"(?<=[\u05d0-\u05ea])(?:[\"״](?=[\u05d0-\u05ea])|['׳](?!\S))")


def _word_marks_removed(s: str, t: _Table) -> str:
    """``s`` without the marks Hebrew writes inside words, which are no quotation marks:
    the gershayim of ``ד"ר``, ``מנכ"לית`` and the geresh of ``פרופ'``."""
    return _HE_WORD_MARKS.sub("", s) if t.lang == "he" else s


def _described_after(found: _Found, np_after: str, t: _Table) -> _Found:
    """An unnamed person after the verb, with what the article says of them up to the
    clause's end: "قالت طالبة في معهد السينما تبلغ من العمر 22 عاماً،"."""
    toks = _tokens(found.mention)
    # one noun or a noun and its adjective: "دبلوماسي غربي في عمان طلب عدم ذكر اسمه"
    if not 1 <= len(toks) <= 2 or toks[0].startswith(("ال", "ה")) or toks[0] in t.titles:
        return found
    words = _tokens(np_after)
    if words[: len(toks)] != toks:
        return found
    addressee = _ADDRESSEE.get(t.lang)
    out: list[str] = []
    for w in words:
        bare = w.strip(_MARKS_AND_SPACE)
        if _unprefixed(bare, t) in _RELATIVE or bare in _RELATIVE or _MASK in w:
            break
        if out and addressee is not None and addressee.match(w):
            break
        out.append(bare)
    if len(out) > 9 or any(c in " ".join(out) for c in _QUOTE_MARKS):
        return found
    if any(w in SPEAKING_OCCASIONS or _unprefixed(w, t) in SPEAKING_OCCASIONS for w in out[1:]):
        return found  # "قال سعيد في تصريح …": where it was said, not who said it
    phrase = " ".join(out)
    return _Found(phrase, "description", phrase, found.gender)


# Arabic: what someone unnamed asked for ("فضّل عدم ذكر اسمه", "طلب عدم الكشف عن هويته")
# or is ("وهو طالب جامعي"), a clause of the description after a comma.
_AR_ANONYMOUS = re.compile(r"(?:فضّ?لت?|طلبت?|رفضت?)\s|وهو\s|وهي\s")
_AR_THAT = frozenset({"إن", "إنه", "إنها", "أن", "أنه", "أنها", "بأن"})
# The prepositions a description goes on with ("موظف في …", "سائق … على خط المطار").
_AR_PREPOSITIONS = frozenset({"في", "من", "على", "منذ", "عن", "إلى"})
# Asked, preferred or refused to stay unnamed: "طلب عدم نشر اسمه", "فضّل عدم ذكر اسمها",
# "رفض الكشف عن هويته".
_AR_UNNAMED_WISH = re.compile(r"(?:فضّ?ل|طلب|رفض)ت?\s+(?:عدم\s+)?\S+\s+(?:عن\s+)?(?:اسم|هويت)")
# What only an unnamed person's description says: their age, their wish to stay unnamed.
_AR_UNNAMED_SIGN = re.compile(
    r"(?<!\S)(?:من عمره|من عمرها|من العمر|عاما|عاماً|فضّ?لت?|طلبت?|رفضت?|وهو|وهي)(?!\S)"
)


def _ar_unnamed(subject_after: str, t: _Table) -> _Found | None:
    """Arabic: someone the article does not name, after the verb, as it describes them
    up to the clause's end ("قال سائق سيارة أجرة يعمل على خط المطار منذ 15 عاما:",
    "قال موظف في أحد المصانع بمدينة سحاب، فضّل عدم ذكر اسمه:", "روى أحد الناجين، وهو
    طالب جامعي من إربد، أن"): an indefinite noun or "one of", with a place, a clause or
    a wish to stay unnamed, not a name nor an office of a body."""
    if t.lang != "ar":
        return None
    text = re.split(rf"[:：{_MASK}]", subject_after)[0]
    segments = [seg.strip() for seg in re.split(r"[،,]", text)]
    words = _tokens(segments[0])
    cut = next((i for i, w in enumerate(words) if w in _AR_THAT), len(words))
    words = words[:cut]
    if (
        len(words) < 2
        or words[0].startswith(("ال", "لل"))
        or words[0] in t.titles
        or words[0] in t.stops
        or words[0] in ("مما", "ما", "من", "ممن")
    ):
        return None
    one_of = words[0] in _ONE_OF
    k = next((i for i, w in enumerate(words) if i and w in _AR_PREPOSITIONS), len(words))
    if any(_unprefixed(w, t) in t.titles for w in words) or (
        not one_of and any(w.startswith("ال") for w in words[1:k])
    ):
        # "مدير الشركة …", "رئيس هيئة النقل في المحافظة الدكتور …", "محمد العلي": an
        # office of a body, a name
        return None
    phrase = " ".join(words)
    if cut == len(_tokens(segments[0])) and len(segments) > 1 and _AR_ANONYMOUS.match(segments[1]):
        more = _tokens(segments[1])
        k = next((i for i, w in enumerate(more) if w in _AR_THAT), len(more))
        phrase = f"{phrase}، {' '.join(more[:k])}"
    signs = one_of or any(
        w in _AR_PREPOSITIONS or (w.startswith(("ب", "ل")) and len(w) > 3) for w in words[1:]
    )
    if not (signs or "،" in phrase or _AR_ANONYMOUS.search(phrase)) or len(_tokens(phrase)) > 16:
        return None
    if any(_unprefixed(w, t) in SPEAKING_OCCASIONS for w in words[1:]):
        return None  # "قال سعيد في تصريح": where it was said, not who said it
    return _Found(phrase, "description", phrase)


# Hindi: what a statement, a letter or an order says, in the passive.
_HI_SAID_IN = re.compile(r"\s*(?:बयान|विज्ञप्ति|पत्र|आदेश|रिपोर्ट|नोटिस|अधिसूचना|फैसले)\s+में\s*")
_STATEMENT = "statement"
# "X ने एक बयान जारी कर …" (X issued a statement): who a statement is from.
_HI_ISSUER = re.compile(
    r"((?:[^\s।,]+ ){0,5}?[^\s।,]+) ने (?:एक |अपने )?(?:प्रेस )?(?:बयान|विज्ञप्ति)(?= )"
)
_HI_PASSIVE = re.compile(r"\s*(?:गया|गई|गए)(?![^\s,:।])")
# Hebrew verbs of saying in the plural: "מסרו", "אמרו", "מסבירים".
_HE_PLURAL = re.compile(r"(?:ו|ים)$")


def _in_body_they_said(before: str, verb: str, t: _Table) -> _Found | None:
    """Hebrew: "ברשות המסים מסרו כי" (at the tax authority they said), a body's words
    with an impersonal plural verb; the body is the phrase after "ב" (in), where it
    opens with a noun a body's name opens with (the table's ``body_heads``)."""
    if not _HE_PLURAL.search(verb.strip(_MARKS_AND_SPACE)):
        return None
    phrase = re.split(r"[,:;.]", before)[-1].strip()
    words = phrase.split()
    if not 1 <= len(words) <= 5 or not words[0].startswith("ב") or len(words[0]) < 3:
        return None
    head = words[0][1:]
    marked = re.fullmatch(r"\S+\s+" + _IN_MARKS, phrase)
    if marked is not None and head in _kind_words("he"):
        # 'ברשת "שוק העיר" מסרו' (at the chain "Shuk HaIr" they said): the name in marks
        return _Found(phrase, "description", marked.group(1), described=_MARKED_BODY)
    if not head.startswith(t.body_heads_he):  # "בתגובה", "בירושלים", "בני המשפחה"
        return None
    rest = [w for w in words[1:] if not w.startswith("(")]  # "(הר״י)": its short form
    if rest and (
        (rest[0].startswith("ה") and rest[0].endswith(("ית", "י")))
        or (rest[0].startswith("ל") and len(rest) > 1)
    ):
        # "ב" swallows the article: "בהסתדרות הרפואית" is at "ההסתדרות הרפואית" (an
        # adjective with the article follows), "במועצה להשכלה גבוהה" at "המועצה …" (a
        # phrase with "for" follows); not a construct before a noun ("ברשות המסים",
        # "בחברת מקורות") nor a name ("בבנק לאומי")
        head = "ה" + head
    body = " ".join([head, *rest])
    return _Found(phrase, "description", body)


_FROM_A_BODY = "from a body"
# Hebrew words of when that may stand between a verb and its subject.
_HE_WHEN = frozenset({"אתמול", "היום", "הערב", "הבוקר", "השבוע", "שלשום", "הלילה", "אמש"})
# Hebrew "in the statement X issued": "בהודעה שפרסם המשרד", "בתגובה שמסרה החברה".
_HE_ISSUED_BY = re.compile(
    r"^ב(?:הודעה|הודעת|תגובה|מכתב|פוסט)\S*\s+ש(?:פרסם|פרסמה|פרסמו|הוציא|הוציאה|הוציאו|מסר|מסרה|מסרו|שלח|שלחה|שלחו)\s+(\S+(?:\s+\S+){0,6})$"
)
# Hebrew verbs that give a body's response "from" it: "נמסר מהעירייה", "מסרו מכללית".
_HE_FROM_VERBS = frozenset({"נמסר", "נמסרה", "נמסרו", "מסרו", "הגיבו", "נמסר בתגובה", "נכתב"})


def _from_body(phrase: str, verb: str) -> _Found | None:
    """Hebrew: the body a response came from, after "מ" ("נמסר מהמכון", "מסרו מכללית",
    "מבית החולים נמסר"): the body without the preposition, the article kept."""
    words = phrase.split()
    if verb not in _HE_FROM_VERBS or not 1 <= len(words) <= 5:
        return None
    head = words[0].strip(_MARKS_AND_SPACE)
    if not head.startswith("מ") or len(head) < 4 or '"' in head or "״" in head[:2]:
        return None
    body = " ".join([head[1:], *words[1:]]).strip(_MARKS_AND_SPACE + ",")
    return _Found(phrase.strip(), "description", body, described=_FROM_A_BODY)


# A name in marks that a noun of its kind opens: "صحيفة «الغد»", 'רשת "שוק הצפון"',
# "‘दैनिक जागरण’".
_IN_MARKS = r"[«“\"‘״]([^«»“”\"‘’״\n]{2,40})[»”\"’״]"
_IN_MARKS_AFTER = re.compile(rf"\s*(\S+)\s+{_IN_MARKS}")
_IN_MARKS_BEFORE = re.compile(rf"(?:^|\s)(\S+)\s+{_IN_MARKS}((?:\s+\S+)?)\s*$")
# What may stand between such a subject and its verb: "قد" (had), "ने", "ได้".
_AUXILIARY_AFTER_SUBJECT = frozenset({"قد", "ने"})
# What may open the clause before such a subject: "وكانت صحيفة «الغد» قد كتبت".
_COPULAS_BEFORE_SUBJECT = frozenset({"كان", "كانت", "وكان", "وكانت", "ו", "גם"})
_MARKED_BODY = "a body named in marks"


@functools.cache
def _kind_words(lang: str) -> frozenset[str]:
    """The nouns a body's or a publication's name in marks follows ("صحيفة", "חברת",
    "कंपनी"), from the cues that type names and the heads of bodies' names, with the
    papers of :data:`_PUBLICATIONS`; not the words that name a work or a name itself
    (فيلم, 愛称, باسم), whose marks hold no one who speaks."""
    t = _tables()[lang]
    return (
        frozenset(
            [w for k, w in t.type_cues.before if k == "name" and " " not in w]
            + list(t.body_heads)
            + list(_PUBLICATIONS)
        )
        - _NOT_KINDS
    )


# Papers, agencies and channels, which speak through what they print.
_PUBLICATIONS = frozenset(
    {"صحيفة", "جريدة", "مجلة", "وكالة", "قناة", "روزنامه", "خبرگزاری", "هفته‌نامه"}
    | {"עיתון", "ערוץ", "אתר", "अखबार", "पत्रिका", "चैनल", "일간지", "신문", "잡지"}
    | {"경제지", "주간지", "월간지", "전문지", "紙", "誌", "新聞", "広報誌"}
)
_NOT_KINDS = frozenset({"باسم", "لـ", "بـ", "בשם", "שם", "愛称", "名称", "상호", "품종", "商品"})


# The words that point back at a noun: "این شرکت", "هذه الشركة", "इस कंपनी"; the
# nearer ones also stand inside an office written again without them ("معاون پژوهشی
# این سازمان", then "معاون پژوهشی سازمان").
_THIS = {"fa": ("این", "آن"), "ar": ("هذه", "هذا"), "hi": ("इस", "उस")}
_POINTING_WORDS = frozenset({*itertools.chain(*_THIS.values()), "تلك", "ذلك", "यह"})
_DEMONSTRATIVES = {lang: f"(?:{'|'.join(words)})" for lang, words in _THIS.items()}


def _kind_noun(word: str, t: _Table, *, prefixed: bool = True) -> str:
    """``word`` as a noun of the kinds in :func:`_kind_words`, in one form for the name
    and for the noun that takes it up ("الصحيفة" and "صحيفة", "החברה" and "חברת"), or ''."""
    kinds = _kind_words(t.lang)
    word = word.strip(_MARKS_AND_SPACE)
    for w in (word, _unprefixed(word, t)) if prefixed else (word,):
        bare = _without_article(w, t.lang) if t.lang in _ARTICLE else ""
        for form in (bare, w):
            if form in kinds:
                if t.lang == "he" and form.endswith("ת") and form[:-1] + "ה" in kinds:
                    return form[:-1] + "ה"  # "חברת" (company of) is "חברה"
                return form
    return ""


# Hebrew words before a paper named in marks written onto "in" or "to": "דיווח
# ב"כלכליסט"", "פורסם ב"הארץ"", "אמר ל"ידיעות"".
_HE_REPORT_WORDS = frozenset(
    {
        "דיווח",
        "דווח",
        "פורסם",
        "פורסמה",
        "שפורסם",
        "שפורסמה",
        "כתבה",
        "ראיון",
        "אמר",
        "אמרה",
        "ציטוט",
    }
)


def _kind_named(
    paragraphs: list[str], parts: tuple[QuotationPart, ...], t: _Table
) -> list[tuple[tuple[int, int], str, str]]:
    """Persian, Arabic, Hebrew, Hindi: each name in marks of a body or publication that a
    noun of its kind opens ("شركة «أجنحة المتوسط»", "कंपनी ‘ग्रीनवोल्ट मोबिलिटी’")."""
    if t.lang not in ("ar", "fa", "he", "hi"):
        return []
    out = []
    for p in parts:
        if p.type not in ("name", "title", "term") or p.kind != "quote":
            continue
        words = paragraphs[p.paragraph - 1][: p.start.offset].split()
        noun = _kind_noun(words[-1], t) if words and p.type != "term" else ""
        if (
            not noun
            and len(words) > 1
            and t.lang == "he"
            and words[-1][:1] == "ה"
            and p.type != "term"
        ):
            # 'חברת המזון "טעם הגליל"' (the food company …): its kind, then what it does
            noun = _kind_noun(words[-2], t)
        glued = paragraphs[p.paragraph - 1][max(0, p.start.offset - 1) : p.start.offset]
        if (
            not noun
            and t.lang == "he"
            and glued in ("ב", "ל")
            and len(words) > 1
            and words[-1] == glued
            and words[-2].strip(_MARKS_AND_SPACE) in _HE_REPORT_WORDS
        ):
            # 'לפי דיווח ב"כלכליסט"', 'פורסם ב"הארץ"': a paper, which "העיתון" takes up
            noun = "עיתון"
        if noun:
            out.append(((p.paragraph, p.start.offset), noun, p.text.strip(_QUOTE_MARKS)))
    return out


def _kind_taken_up(mention: str, where: tuple[int, int], doc: _Doc) -> str:
    """The body a bare noun of its kind takes up ("الشركة", "החברה", "कंपनी ने", "این
    روزنامه"): the last name in marks that noun opened before; '' where none."""
    words = mention.split()
    if words and words[0] in _POINTING_WORDS:
        words = words[1:]
    if len(words) != 1:
        return ""
    noun = _kind_noun(words[0], doc.t)
    named = [name for at, kind, name in doc.kind_named if kind == noun and at < where]
    return named[-1] if noun and named else ""


def _quoted_body(subject_before: str, subject_after: str, t: _Table) -> _Found | None:
    """A body or publication named in marks as the subject of the verb of saying: after
    it ("قالت شركة «أجنحة المتوسط» في بيان") or before it ("وكانت صحيفة «الغد» قد وصفت",
    'העיתון "גלובס" כתב'), a noun of its kind before the name."""
    if t.lang not in ("ar", "fa", "he", "hi"):
        return None

    def kind(word: str) -> bool:
        # (a kind noun with a preposition, "لصحيفة", "به روزنامه", is whom it was said to)
        return bool(_kind_noun(word, t, prefixed=False))

    m = _IN_MARKS_AFTER.match(subject_after)
    if m is not None and kind(m.group(1)):
        return _Found(m.group(2), "description", m.group(2), described=_MARKED_BODY)
    clause = re.split(r"[,،:;.!?؟]", subject_before)[-1]
    m = _IN_MARKS_BEFORE.search(clause)
    if (
        m is not None
        and kind(m.group(1))
        and m.group(3).strip() in ("", *_AUXILIARY_AFTER_SUBJECT)
        and all(w in _COPULAS_BEFORE_SUBJECT for w in clause[: m.start()].split())
    ):
        return _Found(m.group(2), "description", m.group(2), described=_MARKED_BODY)
    return None


# Arabic "نقلت وكالة رويترز عن X قوله" (quoted X as saying), "نقلت الصحيفة عن X أن …"
# (reported from X that …): X, the one who spoke.
_AR_QUOTED_AS_SAYING = re.compile(
    r"(?:^|\s)و?نقل(?:ت|وا)?\s(?:[^.:«»“”]{0,60}?\s)?عن\s+([^.:«»“”]{2,80}?)،?\s+"
    r"(?:قوله|قولها|قولهم)(?=[\s:،]|$)"
    # (not "عن طريق", by way of; one clause between commas at most before "أن")
    r"|(?:^|\s)و?نقل(?:ت|وا)?\s(?:[^.:«»“”،]{0,60}?\s)?عن\s+(?!(?:ال)?طريق)([^.:«»“”،]{2,50}?)"
    r"(?:،[^.:«»“”،]{2,50}،)?\s+(?:أن|إن)(?=\s)"
)


# Hindi "X का कहना है कि" (X's saying is that), "X का मानना है": X, who says it.
_HI_WHOSE_SAYING = re.compile(
    r"([^,।:;]{2,100}?)\s+(?:का|की|के)\s+(?:कहना|मानना)\s+(?:है|था|थी|हैं|थे)(?:\s+कि)?[\s,:]*$"
)


# Hindi after the words: "“…” यह कहना है … शबनम बानो का, जिनका …" (this is the saying
# of …), "“…” यह बात … हरीश सोलंकी ने … कही" (this X said).
_HI_WHOSE_AFTER = re.compile(
    r"[\s।]*(?:यह|ये)\s+(?:कहना|मानना)\s+(?:है|था)\s+([^,।:;\u2591]{2,100})\s+(?:का|की|के)(?=[\s,।]|$)"
    r"|[\s।]*(?:यह|ये)\s+बात\s+([^,।:;\u2591]{2,100}?)\s+ने\s+(?:\S+\s+){0,6}?(?:कही|कहीं|बताई|दोहराई)(?=[\s।,]|$)"
)


def _hi_whose_after(after: str, t: _Table) -> _Found | None:
    m = _HI_WHOSE_AFTER.match(after) if t.lang == "hi" else None
    if m is None:
        return None
    found = _read_spaced(m.group(1) or m.group(2), t, "")
    return found if found is not None and found.kind in ("name", "description", "role") else None


def _read_at(s: str, t: _Table, *, side: str) -> _Found | None:
    """The attribution a stretch beside a quotation holds, if it has a verb of saying."""
    if t.lang == "hi" and side == "before":
        whose = _HI_WHOSE_SAYING.search(s.split(_MASK)[-1])
        # (the subject after "और" or a clause's "ने": "… ने जांच की और परिजनों का कहना है")
        subject = re.split(r"\s(?:ने|और|पर|में)\s", whose.group(1))[-1] if whose else ""
        named = _read_spaced(subject.strip(), t, "") if subject.strip() else None
        if named is not None and named.kind in ("name", "description", "role", "pronoun"):
            return named
    if t.lang == "ar" and side == "before":
        tail = s.split(_MASK)[-1]
        cited = list(_AR_QUOTED_AS_SAYING.finditer(tail))
        if cited and _find_verb(tail[cited[-1].end() :], t, last=False) is not None:
            cited = []  # "…عن X قوله إن …، فيما قال Y: «…»": the later verb's subject
        named = _read_spaced(cited[-1].group(1) or cited[-1].group(2), t, "") if cited else None
        if named is not None and named.kind in ("name", "description", "role"):
            return named
    if t.lang == "ar" and side == "before":
        # "وكانت صحيفة «الميدان» اليومية قد وصفت الحملة … بأنها «…»": the subject put
        # between "كان" and "قد" is that of the verb of saying right after them, not
        # the object after it
        clause = re.split(r"[.:؟!]", s.split(_MASK)[-1])[-1]
        fronted = _AR_FRONTED.search(clause)
        if fronted is not None and fronted.group(1):
            hit = _find_verb(clause[fronted.end() :].lstrip(), t, last=False)
            named = (
                _read_spaced(fronted.group(1), t, "") if hit is not None and hit[0] == 0 else None
            )
            if named is not None and named.kind in ("name", "description", "role"):
                return named
    found = _read_stretch(s, t, side=side)
    if t.lang == "ar" and side == "before" and found is not None and found.kind == "zero":
        # "انتقد الاتحاد … التعديلات، ووصفها في بيان بأنها «…»": a second verb goes on
        # from the subject of the first in its sentence
        clause = re.split(r"[.:؟!]", s.split(_MASK)[-1].rstrip(" :"))[-1]
        hit = _find_verb(clause, t, last=True)
        earlier = clause[: hit[0]] if hit is not None and clause[hit[0] :].startswith("و") else ""
        prior = (
            _read_stretch(earlier, t, side="before") if _find_verb(earlier, t, last=True) else None
        )
        if prior is not None and prior.kind in ("name", "description", "role"):
            return prior
        # "وكان وزير الثقافة قد هنأ الفائزة …، مؤكداً أن «…»": the participle goes on
        # from the subject the sentence put before its first verb
        fronted = _AR_FRONTED.search(re.split(r"[.:؟!]", s.split(_MASK)[-1].rstrip(" :"))[-1])
        subject = fronted.group(1) or fronted.group(2) if fronted is not None else ""
        named = _read_spaced(subject, t, "") if subject else None
        if named is not None and named.kind in ("name", "description", "role"):
            return named
    return found


def _read_stretch(s: str, t: _Table, *, side: str) -> _Found | None:
    if not s.strip():
        return None
    lead = s.strip(" " + _QUOTE_MARKS)
    if (
        side == "between"
        and t.lang == "th"
        and _thai_goes_on(lead)
        and not _thai_titles(lead, t)  # "และนายประยูร ทองคำ … กล่าวว่า": a second speaker
        and _find_verb(s, t, last=False) is not None
    ):
        # "“A” พร้อมระบุว่า “B”": a second predicate of the subject of both parts
        return _Found("", "zero")
    if side == "after":
        lead = s.lstrip(" \u00a0\u3000" + _QUOTE_MARKS)
        lead = lead.lstrip("，,、، ")
        if t.lang == "th" and _thai_goes_on(lead):
            return None  # "“…” พร้อมเตือน…", "ก่อนจะกล่าวว่า": a second predicate
        if t.while_words and lead.startswith(t.while_words):
            return None  # "“…” ขณะที่ Y กล่าวว่า “…”": the next speaker, not this one
        skipped = len(s) - len(lead)
        hit = _find_verb(lead[:120] if t.lang not in ("zh", "ja") else lead[:30], t, last=False)
        if hit is None:
            return None
        # The attribution must run on from the quotation, not open a clause of its own.
        if (
            _MASK in lead[: hit[0]]
            or _ends(lead, 0, hit[0])
            or lead.startswith(_OPENS_CLAUSE.get(t.lang, ()))
        ):
            return None
        subject_before = lead[: hit[0]]
        subject_after = lead[hit[1] :]
        last_word = _tokens(subject_before)[-1:]
        if last_word in (["و"], ["और"], ["ו"]) or (last_word and last_word[0] in CONJUNCTIONS):
            return None  # "«…» خواند و گفت", '"A", אך הזהיר: "B"': the next words' verb
        if t.lang == "ar" and last_word and last_word[0] in _AR_RELATIVES:
            # "«…»، رافضاً الخوض في ضربة الجزاء التي طالب بها لاعبو بركان": a verb in a
            # relative clause about something else
            return None
        if t.lang == "hi" and _hi_object_before_verb(subject_before):
            return None  # "इसे “…” का नमूना बताया": what it was called, the subject before
        hit = (hit[0] + skipped, hit[1] + skipped, hit[2])
    else:
        # The reporting verb opens the sentence's predicate; the quotation stands in
        # what it says ("سازمان هواشناسی اعلام کرد … ادامه … و «…»").
        # Between two parts the verb that follows the first ("«A»، قال X، مشيراً … «B»")
        # where the subject follows its verb; else the one that leads to the second.
        if side == "before" and _MASK in s:
            # "X ने कहा, “…” वहीं Y का कहना था, “…”": the verb after the last quotation
            tail = s[s.rindex(_MASK) + 1 :]
            if _find_verb(tail, t, last=False) is not None:
                s = tail
        if side == "before":
            # "“…” ป้าบุญเรือนกล่าว ขณะที่ Y ระบุว่า “…”": the speaker "while" opens
            tail = _after_while(s, t)
            if tail and _find_verb(tail, t, last=False) is not None:
                s = tail
        if side == "before" and t.lang == "th":
            s = _thai_after_question(s, t)
        when_then = re.search(r"(?:^|\s)जब\s.*?[,\s]तो\s+", s) if t.lang == "hi" else None
        if when_then is not None and _find_verb(s[when_then.end() :], t, last=False):
            # "जब उनसे पूछा गया कि …, तो चौधरी बोले": the verb after "then", its subject
            s = s[when_then.end() :]
        hit = _find_verb(s, t, last=side == "between" and t.order not in ("after", "both"))
        if hit is None:
            return None
        before_verb = _tokens(s[: hit[0]])[-1:] if t.lang == "ar" and side != "after" else []
        if before_verb and before_verb[0] in _AR_RELATIVES:
            # "… ضربة الجزاء التي طالب بها لاعبو بركان …، واكتفى بالقول:": a verb in a
            # relative clause about something else, before the verb that leads on
            later = _find_verb(s[hit[1] :], t, last=False)
            if later is not None:
                hit = (later[0] + hit[1], later[1] + hit[1], later[2])
        speaking_of = _ZH_SPEAKING_OF.search(s) if t.lang == "zh" and side == "before" else None
        if speaking_of is not None and hit[0] == speaking_of.start(1):
            # "谈及下一步建设，这位董事长透露：": "speaking of" opens the sentence; the
            # verb is the next clause's
            k = speaking_of.end()
            later = _find_verb(s[k:], t, last=False)
            if later is not None:
                hit = (later[0] + k, later[1] + k, later[2])
        if side == "before" and t.lang == "th" and s.rstrip().endswith("ว่า"):
            # "… เพื่ออภิปราย … โดยนายวีรยุทธ … อภิปรายเป็นคนแรกว่า “…”": the verb whose
            # "that" leads to the quotation, not one earlier in the long sentence
            near = _find_verb(s, t, last=True)
            if (
                near is not None
                and not s[near[1] :].strip().removesuffix("ว่า").count(" ")
                # (not "… เรียกร้องให้ … โดยบอกว่า", "… และกล่าวว่า": "by saying", "and
                # said" go on from the first)
                and not s[: near[0]].endswith(("โดย", *_THAI_GOES_ON_FROM))
            ):
                hit = near
        subject_before = s[: hit[0]]
        earlier = _find_verb(subject_before, t, last=True) if t.lang == "th" else None
        if earlier is not None and not subject_before[earlier[1] :].strip():
            # "“A” เขากล่าว และว่า “B”": the verb glued to the subject is its own
            hit = earlier
            subject_before = s[: hit[0]]
        subject_after = s[hit[1] :]
        if side == "before" and _MASK in subject_after:
            return None
        if side == "before":
            # Only the words after the last quotation or clause break before the verb.
            subject_before = re.split(rf"[{_MASK}]+", subject_before)[-1]
    quoted = _quoted_body(subject_before if side != "after" else "", subject_after, t)
    if quoted is not None:
        return quoted
    verb = hit[2]
    if (
        t.lang == "hi"
        and _HI_SAID_IN.fullmatch(re.split(r"[।,:]", subject_before)[-1])
        and _HI_PASSIVE.match(subject_after)
    ):
        # "बयान में कहा गया" (it was said in the statement): whoever issued it, before
        return _Found("", "zero", described=_STATEMENT)
    if t.lang == "he":
        body = _in_body_they_said(subject_before, s[hit[0] : hit[1]], t)
        clause = re.split(r"[,:;.]", subject_before)[-1].strip()
        if body is None and (not clause or clause.startswith("ב")):
            # "בתגובה אמרו במשרד החינוך:": the body after the verb, where none is before it
            body = _in_body_they_said(re.split(r"[,:;.]", subject_after)[0], s[hit[0] : hit[1]], t)
        written = s[hit[0] : hit[1]].strip(_MARKS_AND_SPACE)
        if body is None and clause:
            body = _from_body(clause, written)  # "מההסתדרות נמסר"
        if body is None and not clause:
            body = _from_body(re.split(r"[,:;.]", subject_after)[0], written)  # "נמסר מהמכון"
        issued = (
            _HE_ISSUED_BY.search(clause) if body is None and written in _HE_FROM_VERBS else None
        )
        if issued is not None:
            # "בהודעה שפרסם המשרד נמסר", "במכתב ששלח הוועד להנהלה ביום ראשון נכתב": the
            # body that issued the statement, not to whom or when
            issuer = list(itertools.dropwhile(lambda w: w in _HE_WHEN, issued.group(1).split()))
            k = next((i for i, w in enumerate(issuer[1:], 1) if w[:1] in "בל"), len(issuer))
            issuer_name = " ".join(issuer[:k])
            if issuer_name and not issuer_name.startswith("לפני"):  # (not "שפרסם לפני שבוע")
                body = _Found(issuer_name, "description", issuer_name, described=_FROM_A_BODY)
        words = clause.split()
        after_np = re.split(r"[,:;.]", subject_after)[0].strip()
        if (
            body is None
            and len(words) == 1
            and words[0][:1] in "בלמכ"
            and len(words[0]) > 3
            and 1 <= len(after_np.split()) <= 4
        ):
            # "בהחלטתה כתבה השופטת:" (in her decision, the judge wrote): a phrase of
            # "in" before the verb, the subject after it (not whom it was said to: "אמר
            # לי אבי")
            after_np = re.sub(r"^(?:לי|לו|לה|לנו|להם|להן)\s+", "", after_np)
            body = _read_spaced(after_np, t, written)
            body = body if body is not None and body.kind in ("name", "role") else None
        if body is not None:
            return body
    if t.lang == "zh":
        clauses = re.split(r"[，,、：:；;。（）()]", subject_before)
        subject = clauses[-1]
        if not _clean(subject):
            # "该厅近日下发通知，要求各地“…”": the subject of the clause the sentence
            # opens with goes on to the verb
            opening = _read_zh(clauses[0], t) if len(clauses) > 1 and clauses[0] else None
            if (
                opening is not None
                and opening.kind == "description"
                and opening.mention.startswith(t.body_anaphors)
            ):
                return opening
            return _Found("", "zero")
        return _read_zh(subject, t)
    if t.order in ("after", "both"):
        # (not at the stop of a title's one letter: "قال م. خالد المطيري", "د. هالة")
        np_after = re.split(r"[:：،,]|(?<!(?<!\S)[\u0621-\u064a])\.", subject_after)[0]
        toks: list[str] = []
        titled = [
            i
            for i, w in enumerate(_tokens(np_after))
            if _unprefixed(w, t) in t.titles or w in t.titles
        ]
        stopped = False
        in_addressee = False
        addressee = _ADDRESSEE.get(t.lang)
        for i, w in enumerate(_tokens(np_after)):
            if w.strip(_MARKS_AND_SPACE) in _AR_MANNER or (
                not toks and t.lang == "ar" and _AR_HOW.fullmatch(w.strip(_MARKS_AND_SPACE))
            ):
                continue  # "يقول بحسرة المزارع …" (says sorrowfully the farmer …), "ساخرا"
            if not toks and t.lang == "ar" and i and _tokens(np_after)[i - 1] in _AR_IN_A_MANNER:
                continue  # "بشكل مبطن" (in a veiled way)
            if not toks and w.strip(_MARKS_AND_SPACE) in _WHEN_AFTER_VERB:
                continue  # '"…", אמר היום משה לוי', "وقال أمس الوزير"
            if not toks and t.lang == "he" and _HE_TO_A_GROUP.fullmatch(w.strip(_MARKS_AND_SPACE)):
                continue  # "אמרה לנציגים קוסטה": the group spoken to, then the subject
            if not toks and t.lang == "ar" and _ar_no_subject(w.strip(_MARKS_AND_SPACE)):
                stopped = True  # "ودعا المواطنين إلى …": the object, the subject before
                break
            if not toks and _unprefixed(w.strip(_MARKS_AND_SPACE), t) in t.participles:
                stopped = True  # "وتابع قائلا:": how it was said, the subject before
                break
            if in_addressee:
                in_addressee = not w.rstrip(",.").endswith(tuple(_QUOTE_MARKS))
                continue
            if titled and i <= titled[-1]:
                toks.append(w)
                continue
            u = _unprefixed(w.strip(_MARKS_AND_SPACE), t)
            if toks and _he_place_beside(toks[-1], w.strip(_MARKS_AND_SPACE)):
                toks.append(w)
                continue
            if (
                u in t.stops
                or (toks and u in t.participles)  # "وعلّق الوزير خالد سعيد قائلا"
                or w.strip(_MARKS_AND_SPACE) in t.stops
                or _MASK in w
                or (t.lang == "ar" and w.startswith(("بال", "كال")))  # "طالب بالبراءة"
                or (t.lang == "he" and w.startswith("כש") and len(w) > 4)  # "כשעלתה"
                or (toks and w.strip(_MARKS_AND_SPACE) in _AR_TALK)  # "ختم الطبيب حديثه"
                or (toks and w in ("وهو", "وهي"))  # "قال الطبيب أحمد يوسف وهو يتفقد …"
            ):
                stopped = True
                break
            if addressee is not None and addressee.match(w):
                # Whom it was said to: "قال الطيب للصحافيين" ends the subject; straight
                # after the verb the subject follows it ("אמרה ל״כלכליסט״ מנכ״לית …").
                if toks:
                    stopped = True
                    break
                bare = w.rstrip(",.")
                in_addressee = bare[-1:] not in _QUOTE_MARKS or len(bare) < 3
                continue
            toks.append(w)
        pre = subject_before.strip()
        clause = re.split(r"[:：.]", pre)[-1] if pre else ""
        opener = _tokens(clause)[:2]
        if (
            t.lang == "he"
            and not toks
            and opener[:1]
            and opener[0].startswith("כש")
            and "," not in clause.strip(" ,")
        ):
            # "כשנשאל על כך השבוע, חייך:": when asked, the one the sentence before named
            return _Found("", "zero", gender=_verb_gender(verb, t))
        # "בתשובת המשרד כתב …": "in" and a noun with its definite complement open the
        # sentence; the subject follows the verb
        in_phrase = (
            t.lang == "he" and len(opener) == 2 and opener[0][:1] == "ב" and opener[1][:1] == "ה"
        ) or (
            # "בסרטון שהעלתה לרשתות אמרה אלמוג", "כשנשאל על כך, השיב השר": a phrase
            # of where or when, a relative clause in it, then the verb and its subject
            t.lang == "he"
            and bool(toks)
            and len(opener) == 2
            and (
                opener[0].startswith("כש")
                or (
                    opener[0][:1] in "בל"
                    and len(opener[0]) >= 4
                    and bool(_HE_RELATIVE.match(opener[1] + " "))
                )
            )  # (not a name: "בני שטרן אמר", "לאה שגיא")
            and (after := _read_spaced(" ".join(toks), t, verb)) is not None
            and after.kind == "name"
        )
        if (
            t.order == "both"
            and verb not in t.quoting
            and clause.strip()
            and not pre.endswith(_MASK)
            and not (opener and opener[0] in t.stops)
            and not in_phrase
        ):
            found = _read_spaced(clause, t, verb)
            if found is not None and found.kind == "name" and not found.roles and toks:
                # "בהכרעת הדין כתבה השופטת מיכל ברק-לוי": a phrase before the verb, the
                # titled name after it
                after_verb = _read_spaced(" ".join(toks), t, verb)
                if after_verb is not None and after_verb.kind == "name" and after_verb.roles:
                    found = after_verb
            if found is not None:
                return found
        if toks:
            phrase = " ".join(toks)
            rest = re.split(r"[:：.،,]", subject_after)
            # (also after a place the office ends with: "المتحدثة باسم المنظمة في جنيف،
            # إيلينا فورسبرغ،")
            at_place = stopped and t.lang == "ar" and len(rest) > 2
            apposed = _tokens(rest[1]) if len(rest) > 1 and (not stopped or at_place) else []
            if (
                t.lang == "ar"
                and len(rest) > 2
                and not stopped
                and 2 <= len(apposed) <= 6
                and apposed[0].startswith("ال")
                and apposed[0][2:] in (*t.roles, *_ROLE_WORDS_AR)
                and not _name_part(rest[1], t)[0]
            ):
                # "قال المؤلف الرئيسي للدراسة، الباحث في جامعة أكسفورد، كريم الراشد":
                # an office in apposition, then the name
                rest = [rest[0], rest[2], *rest[3:]]
                apposed = _tokens(rest[1])
            if (
                1 <= len(apposed) <= 4
                and (
                    bool(
                        _name_part(" ".join(apposed), t)[1] and _name_part(" ".join(apposed), t)[0]
                    )
                    or (
                        (
                            len(apposed) <= 3
                            or (
                                len(apposed) == 4
                                and any(w in ("بن", "عبد", "أبو") for w in apposed)
                            )
                        )
                        and _could_be_given(apposed[0], t)
                        and not any(w in t.stops or w in t.verbs for w in apposed)
                    )
                )
                and not any(c in _word_marks_removed(rest[1], t) for c in _QUOTE_MARKS + _MASK)
            ):
                # "אמר יו״ר ועד העובדים, אבי מזרחי": the name apposed to the role
                phrase = f"{phrase}, {' '.join(apposed)}"
            found = _read_spaced(phrase, t, verb)
            anonymous = _ar_unnamed(subject_after, t)
            if anonymous is not None and (
                found is None
                or found.kind != "name"
                or found.roles
                # "سائق سيارة أجرة" read as a name, where the words after it give an
                # age or a wish to stay unnamed
                or _AR_UNNAMED_SIGN.search(anonymous.mention)
            ):
                return anonymous
            if found is not None and found.kind == "description" and stopped:
                found = _described_after(found, np_after, t)
            elif found is not None and found.kind == "role" and stopped:
                # "يقول مصدر في إدارة الميناء طلب عدم الكشف عن اسمه": an indefinite role
                # nobody in the article holds is an unnamed person, described as written
                described = _described_after(found, np_after, t)
                if len(_tokens(described.mention)) > len(_tokens(found.mention)):
                    found.described = described.mention
            elif found is not None and found.kind == "name" and stopped and not found.roles:
                found.described = _described_after(found, np_after, t).mention
            if found is not None:
                return found
        if t.order == "after" and pre and side == "before":
            last_clause = re.split(r"[.:：]", pre)[-1]
            if _tokens(last_clause) and len(_tokens(last_clause)) <= 4:
                found = _read_spaced(last_clause, t, verb)
                if found is not None and found.kind in ("name", "pronoun"):
                    return found  # "ريم الخطيب …، وهي تقول:", "X, and she says"
        gender = _verb_gender(verb, t)
        return _Found("", "zero", gender=gender)
    if t.lang == "hi":
        toks = _tokens(subject_before)
        after_np = re.split(r"[।.,!?]", subject_after)[0].split()
        while after_np and after_np[0] in ("हैं", "है", "थे", "थी", "थीं", "हुए"):
            after_np = after_np[1:]
        if not toks and side == "after" and 1 <= len(after_np) <= 3:
            # "“…,” कहती हैं भूरी देवी।" (says Bhuri Devi): the subject after its verb
            inverted = _read_spaced(" ".join(after_np), t, verb)
            if inverted is not None and inverted.kind in ("name", "role"):
                return inverted
        if "ने" in toks:
            i = len(toks) - 1 - toks[::-1].index("ने")
            # (back to a clause the subject's "ने" follows: "भीड़ ने नारे लगाए और
            # मुख्यमंत्री ने मंच से कहा")
            j = max((k + 1 for k, w in enumerate(toks[:i]) if w == "ने"), default=0)
            j = max(
                (k + 1 for k, w in enumerate(toks[:i]) if w in ("और", "तथा") and j and k > j),
                default=j,
            )  # (not "कंपनी की संस्थापक और सीईओ …", one subject with two offices)
            np = " ".join(toks[j:i] if j < i else toks[:i])
        elif ergative := [
            w for w in _tokens(re.split(r"[,،।]", subject_before)[-1])[:3] if w in ("उन्होंने", "उसने")
        ]:
            # "उन्होंने 19 वर्षीय … की तारीफ करते हुए कहा": the pronoun opens the clause,
            # or comes after "then" ("तो उसने बिना रुके कहा")
            return _Found(ergative[0], "pronoun")
        elif len(toks) >= 3 and toks[-3:-1] == ["का", "कहना"]:
            np = " ".join(toks[:-3])
        elif toks and toks[-1] in t.pronouns:
            return _Found(toks[-1], "pronoun")
        elif toks == ["यह"] and (
            m := re.match(r"\s*(?:है|था|थी)\s+(.+?)\s+(?:का|की|के)\s*[।.,]?\s*$", subject_after)
        ):
            return _read_spaced(m.group(1), t, verb)  # "“…,” यह कहना है X का"
        elif "की ओर से" in subject_before:
            # "वन विभाग की ओर से जारी विज्ञप्ति में कहा गया": the body it came from
            np = re.split(r"[,،।]", subject_before.split("की ओर से")[0])[-1]
            return _read_spaced(np, t, verb) if np.strip() else None
        else:
            # "सहनी जी बोले", "जोशी जी कहते हैं": a subject without ने, right before
            clause = _tokens(re.split(r"[,،।]", subject_before)[-1])
            if len(clause) >= 3 and clause[-1] == "और" and clause[-2].endswith(_HI_PAST_ENDS):
                # "इस सवाल पर प्रिया मुस्कुराईं और बोलीं": what she did before she spoke
                clause = clause[-4:-2] if clause[-4:-3] != ["पर"] else clause[-3:-2]
            if clause and len(clause) <= 4 and not any(w in t.postpositions for w in clause):
                if clause[-1] in ("का", "की", "के"):
                    clause = clause[:-1]  # "रेखा का कहना था": Rekha's saying was
                found = _read_spaced(" ".join(clause), t, verb) if clause else None
                # only a person: "यह कहना है", "‘…’ का दौर कहा जा रहा है" say nobody
                if found is not None and found.kind in ("name", "role", "pronoun"):
                    return found
                return None
            cuts = [
                i for i, w in enumerate(clause) if w in t.postpositions or w in _HI_POSTPOSITIONS
            ]
            if cuts and 2 <= len(clause) - cuts[-1] - 1 <= 5:
                # "दर्शकों में बैठे सेवानिवृत्त शिक्षक ओमप्रकाश पांडेय बोले": the titled or
                # described name after the place the sentence opens with
                found = _read_spaced(" ".join(clause[cuts[-1] + 1 :]), t, verb)
                if found is not None and found.kind == "name" and found.roles:
                    return found
            return _Found("", "zero") if not toks else None
        np = re.split(r"[,،।]", np)[-1]
        words = _tokens(np)
        cuts = [i for i, w in enumerate(words) if w in t.postpositions]
        # "पदक जीतने के बाद कविता ने": the subject after the adverbial; but an unnamed
        # person keeps the clause that describes them ("हादसे में बचे एक 45 वर्षीय यात्री")
        if cuts and "एक" not in words[cuts[-1] + 2 :]:
            np = " ".join(words[cuts[-1] + 1 :])
        found = _read_spaced(np, t, verb) if np.strip() else None
        if found is not None and found.kind == "name" and found.name.split()[0] == "एक":
            return _Found(found.mention, "description", found.mention, found.gender)
        if found is None and "एक" in words and len(words) <= 14:
            # "बलरामपुर अस्पताल में दवा लेने आए एक सेवानिवृत्त शिक्षक ने कहा": someone
            # unnamed, described by the clause before "one"; not the time before that
            unnamed = _HI_WHEN.split(" ".join(words))[-1].strip()
            if unnamed and "एक" in unnamed.split():
                return _Found(unnamed, "description", unnamed)
        return found
    if t.lang == "th":
        np = subject_before
        # "… “A” ขณะที่นักศึกษารายหนึ่งกล่าวว่า": the subject after the last quotation
        # and the last "while"
        # "ศุภชัย บุญเรือง หรือ “เจ” กัปตันทีม": a nickname in marks is no end of the subject
        np = re.sub(r" {2,}", " ", _THAI_NICKNAME.sub(" ", np))
        np_marked = np
        pieces = re.split(f"[{re.escape(_QUOTE_MARKS)}]", np)
        np = pieces[-1]
        if (
            len(pieces) > 2
            and not np.strip()
            and 0 < len(pieces[-2]) <= 24
            and any(
                kind == "name" and pieces[-3].rstrip().endswith(word)
                for kind, word in t.type_cues.before
            )
        ):
            # "นายก้องภพ ใจเย็น อาสาสมัครมูลนิธิ “ร่วมใจกู้ภัย” บอกว่า": the foundation's
            # name in marks ends the subject
            np = np_marked[len(np_marked) - len("".join(pieces[-3:])) - 2 :]
        # (where a phrase starts: not the "ส่วน" of "องค์การบริหารส่วนตำบล")
        np = _after_while(np, t) or np
        if re.match(r"\s*(?:คำถาม|ข้อถาม|ถาม)", np) and " " in np.strip():
            np = np.strip().split(" ", 1)[1]  # "(ส่วน)คำถามเรื่องการยุบสภา นายกฯ ตอบว่า"
        for w in t.strip_by_length:
            if np.lstrip().startswith(w):
                np = np.lstrip()[len(w) :]
        np = _clean(np)
        np = _THAI_BEFORE_VERB.sub("", np) or np  # "…เชียงใหม่ออกประกาศ": issued
        if not np or np in CONJUNCTIONS or _thai_goes_on(np):
            return _Found("", "zero")  # "แต่ยอมรับว่า" (but admitted): the subject before
        name, _, gender = _thai_name(np, t)
        if name:
            # the mention from the phrase that holds the title and the name, not the
            # clauses before it
            chunks = np.split(" ")
            at = np.find(name.split()[0])
            k = np[:at].count(" ")
            start = k - 1 if k and chunks[k - 1] in t.roles else k
            end = k + len(name.split())
            while end < len(chunks) and (
                chunks[end].startswith(t.roles_by_length) or chunks[end].startswith(_THAI_GOES_ON)
            ):
                end += 1  # "… ผู้ว่าราชการจังหวัดน่าน", its office and its place
            if end < len(chunks) and chunks[end].startswith(_THAI_GOES_ON_FROM):
                # not what the subject did before the verb ("พร้อมด้วย … ลงพื้นที่ … โดย")
                chunks = chunks[:end]
            mention = " ".join(chunks[start:])
            glued = next((w for w in t.strip_by_length if mention.startswith(w)), "")
            if glued and mention[len(glued) :].startswith(tuple(t.titles)):
                mention = mention[len(glued) :]  # "โดยนางสาวพรทิพย์": "by", glued on
            return _Found(mention, "name", name, gender)
        if np in t.pronouns:
            return _pronoun(np, t)
        chunks = np.split(" ")
        for k in range(len(chunks) - 1, 0, -1):
            # "… ไปติดไว้หน้าที่ว่าการอำเภอ เรื่องนี้ผู้ว่าฯ เชียงราย ยอมรับว่า": the phrase
            # that opens with an office, after the clauses before it
            head = chunks[k]
            for w in t.strip_by_length:
                head = head.removeprefix(w)
            # (not an office in apposition after an untitled name: "ชัยวัฒน์ บุญประเสริฐ
            # หัวหน้าผู้ฝึกสอน…")
            if head.startswith(t.roles_by_length) and (
                head != chunks[k] or len(chunks[k - 1]) > 15
            ):
                np = " ".join([head, *chunks[k + 1 :]])
                break
        if len(np) > 60:
            # Thai spaces part clauses: the subject is the phrase the verb is written
            # on to ("… ผู้ใหญ่บ้านรายหนึ่งซึ่งขอไม่เปิดเผยชื่อกล่าวว่า")
            np = _thai_last_phrase(np.split())
            for w in t.strip_by_length:  # "… โดยกรมอุตุนิยมวิทยาเตือนว่า": "by", glued on
                if np.startswith(w) and len(np) > len(w) + 2:
                    np = np[len(w) :]
                    break
            if len(np) > 120 or np in t.strip:
                return None
        said = _find_verb(np, t, last=True)
        told = said is not None and (said[2].endswith("ว่า") or np.startswith("ว่า", said[1]))
        told_of = np[said[1] :].removeprefix("ว่า").strip() if said is not None and told else ""
        if told_of:
            np = told_of  # "เขาเล่าว่าหญิงคนนั้น": the one he told of, not his telling
        return _Found(np, "description", np)
    # Persian: the subject before the verb, back to a clause break.
    np = _clean(re.split(r"[:：.]", subject_before)[-1])
    toks = _tokens(np)
    if toks[:2] == ["این", "را"]:  # "«…»، این را X می‌گوید": "this, X says"
        np = " ".join(toks[2:])
    elif "را" in toks[1:]:
        # "جعفری این را هم اضافه کرد" (Jafari added this too): the object and its "را"
        # end the subject
        k = toks.index("را")
        while k > 0 and toks[k - 1] in ("این", "آن", "همین", "همان"):
            k -= 1
        np = " ".join(toks[:k])
    toks = _tokens(np)
    while toks and (toks[-1] in _FA_TIMES or toks[-1] in _FA_WHEN):
        toks.pop()  # "باشگاه پرسپولیس نیز شب گذشته … نوشت": when, not who
    np = " ".join(toks) if toks != _tokens(np) else np
    # (a phrase of manner alone, not one before a comma and the subject: "با وجود
    # انتقادها، رئیس مجلس گفت")
    linking = next((len(o) for o in _FA_OPENERS if tuple(toks[: len(o)]) == o), 0)
    if linking and len(toks) > linking:
        # "با این حال وزیر امور خارجه گفت", "بدون شک رئیس سازمان …": a word of linking or
        # of certainty, then the subject
        toks = toks[linking:]
        np = " ".join(toks)
    if toks and all(w.startswith(("می\u200c", "نمی\u200c")) for w in toks):
        return _Found("", "zero")  # "می‌خندد: «…»" (he laughs): a verb, the subject before
    if not np.strip() or (toks and toks[0] in _FA_MANNER and not re.search(r"[،,]", np)):
        # "با غرور می‌گوید", "بی‌آنکه سرش را بلند کند می‌گوید": how, the subject before
        return _Found("", "zero")
    return _read_spaced(np, t, verb)


# "named X" inside a description: Hebrew "בשם", Persian "به نام" (not Arabic "يدعى",
# which names groups as often as people).
_NAMED_AS = {
    "he": re.compile(r"(?<!\S)בשם\s+([^\s,]+(?:\s+[^\s,]+)?)\s*,?\s*$"),
    "fa": re.compile(r"(?<!\S)به\s+نام\s+([^\s،,]+(?:\s+[^\s،,]+)?)\s*[،,]?\s*$"),
}
# Persian words that end a phrase of time: "ساعاتی بعد" (hours later), "دو روز پیش".
_FA_LATER = frozenset({"بعد", "پیش", "قبل", "بعدتر", "سپس"})
# Persian words of time after a subject ("شب گذشته", "روز دوشنبه"), and words that open
# a phrase of manner in its place ("با غرور", "بی‌آنکه …", "بدون …").
_FA_WHEN = frozenset({"گذشته", "پیش", "اخیر", "نیز", "هم", "همچنین", "امشب", "دیشب"})
_FA_OPENERS = (
    ("با", "این", "حال"),
    ("با", "این", "وجود"),
    ("با", "وجود", "این"),
    ("در", "همین", "حال"),
    ("در", "این", "حال"),
    ("در", "این", "میان"),
    ("از", "سوی", "دیگر"),
    ("بدون", "شک"),
    ("بی", "شک"),
)
_FA_MANNER = frozenset({"با", "بی\u200cآنکه", "بیآنکه", "بدون", "بعد", "پس"})


def _according(s: str, t: _Table) -> _Found | None:
    for a, b in sorted(t.according, key=lambda ab: -len(ab[0])):
        i = s.find(a)
        if i < 0:
            continue
        if t.lang not in _UNSPACED and s[i + len(a) : i + len(a) + 1].isalpha() and b != "before":
            continue  # "לדברי" inside "לדבריה"
        if a in t.pronouns or (t.lang == "he" and a in ("לדבריו", "לדבריה", "לטענתו", "לטענתה")):
            return _Found(a, "pronoun", gender="f" if a.endswith("ה") else "m")
        if b == "before":  # the source before the marker: "X के मुताबिक"
            rest = re.split(r"[,،।]", s[:i])[-1]
        else:
            rest = s[i + len(a) :]
            if b:
                j = rest.find(b)
                if j < 0:
                    continue
                rest = rest[:j]
            rest = re.split(r"[,，،、:：]", rest)[0]
        if t.lang == "zh":
            return _read_zh(rest, t)
        if t.lang in ("ja", "ko"):  # "関係者によると", "업계에 따르면": the source before
            source = _clean(rest or s[:i])
            named = _read_topic(source + ("は" if t.lang == "ja" else "는"), t) if source else None
            if named is not None and named.kind == "name" and named.mention == source:
                return named  # "森下さんによると": a person by name and honorific
            return _Found(source, "description", source) if source else None
        return _read_spaced(rest, t, "")
    return None


# --- the speakers -----------------------------------------------------------------------


def _masked(paragraphs: list[str], parts: tuple[QuotationPart, ...]) -> list[str]:
    out = [list(p) for p in paragraphs]
    for p in parts:
        if p.type == "speech" or p.kind == "dialogue":
            chars = out[p.paragraph - 1]
            end = p.end.offset if p.end.paragraph == p.paragraph else len(chars)
            for i in range(p.start.offset, min(end, len(chars))):
                chars[i] = _MASK
    return ["".join(c) for c in out]


def _short_form_of_a_body(core: str, doc: _Doc, seen: dict[str, bool]) -> bool:
    """Whether ``core`` is the short form of a body named anywhere in the article, read
    once per word (the whole article is scanned for it)."""
    if core not in seen:
        seen[core] = bool(_body_in_full_cjk(core, (len(doc.paragraphs) + 1, 0), doc))
    return seen[core]


def _names_in_text(
    paragraphs: list[str], t: _Table, doc: _Doc, masked: list[str] | None = None
) -> None:
    """The people an article introduces with a title, honorific or role, in order."""
    honorifics = "|".join(re.escape(h) for h in t.honorifics if len(h) > 1 or h == "氏")
    # (a foreign name with its middle dot runs longer: "グレッグ・ハリス国務長官")
    before_honorific = re.compile(rf"([\u3400-\u9fff\u30a0-\u30ffー々]{{2,12}}?)(?:{honorifics})")
    joined = "".join(paragraphs) if t.lang == "zh" else " ".join(paragraphs)
    bodies_seen: dict[str, bool] = {}
    for n, text in enumerate(paragraphs, start=1):
        if t.lang == "ja":
            for m in before_honorific.finditer(text):
                title = m.group(0)[len(m.group(1)) :]
                name = _ja_after_occupation(_ja_without_role(m.group(1), t))
                while name.endswith(_JA_TITLE_PREFIXES) and len(name) > 2:
                    name, title = name[:-1], name[-1] + title  # "宮下昭彦副知事"
                doc.add(name, (n, m.start()), None, (title,) if title in t.roles else ())
        elif t.lang == "zh":
            for r in t.roles_by_length:
                for m in re.finditer(re.escape(r), text):
                    name = _zh_name_at(text, m.end(), t)
                    if not name:
                        # "肯尼亚选手基普罗蒂奇": a foreign name, spelled in the characters
                        # Chinese writes foreign sounds with, that the article repeats
                        foreign = _ZH_FOREIGN_NAME.match(text, m.end())
                        if foreign and joined.count(foreign.group(0)) >= 2:
                            name = foreign.group(0)
                    if name:
                        doc.add(name, (n, m.end()), None, (r,))
            # After any noun of occupation (诗人, 评论家), a name the article repeats.
            for i, c in enumerate(text[1:], start=1):
                if c in _ZH_ROLE_ENDS:
                    name = _zh_name_at(text, i + 1, t)
                    if name and joined.count(name) >= 2:
                        doc.add(name, (n, i + 1), None, (text[i - 1 : i + 1],))
        elif t.lang == "ko":
            for m in re.finditer(
                r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{2,4})(?=(?:[（(]\d{1,3}[）)] ?| )([\uac00-\ud7a3]{1,5}))",
                text,
            ):
                name, role = m.group(1), m.group(2)
                base = next((h for h in t.honorifics if role.startswith(h)), None)
                # (a word of two before a title is a name only where the article calls the
                # person by the family name and the title: "김훈 작가", "김 작가"; not "최종
                # 후보", final candidates)
                if (
                    base
                    and _korean_name(name, t, short=True)
                    and (len(name) >= 3 or f"{name[0]} {base}" in joined)
                ):
                    doc.add(name, (n, m.start()), None, (base,))
            # "윤재혁 대전 감독", "박성훈 수석대변인", "윤태석 건국대 부동산학과 교수": a
            # name, up to two words of affiliation or rank, a title
            for m in re.finditer(
                r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3,4})(?:[（(]\d{1,3}[）)])?(?=((?: \S+){1,3}))",
                text,
            ):
                name, words = m.group(1), m.group(2).split()
                for k, role in enumerate(words):
                    base = next(
                        (h for h in t.honorifics if len(h) > 1 and h in role[: len(h) + 2]), None
                    )
                    if base or not _KO_AFFILIATION.fullmatch(role) or k == 2:
                        break
                before = text[: m.start()].split()[-1:]
                if before and _korean_name(before[0], t):
                    continue  # "박선영 고려대 …": the affiliation after a name
                if any(
                    len(w) == 3 and _korean_name(w, t) and w[-1] not in _KO_BODY_SYLLABLES
                    for w in words[:k]
                ):
                    continue  # "창업주의 장남인 윤석호 부회장이": the name is the later word
                if base and _korean_name(name, t):
                    doc.add(name, (n, m.start()), None, (base,))
            # A name with an age in brackets, whatever follows: "소설가 서하윤(52)의".
            for m in re.finditer(
                r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3})[（(]\d{1,3}[）)]", text
            ):
                if _korean_name(m.group(1), t):
                    doc.add(m.group(1), (n, m.start()), None, ())
            # A three-syllable name the article repeats before its particles: "박태오가".
            cores = re.findall(
                r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3})(?:의|가|는|은|이|를|을|에게|와|도)(?![\uac00-\ud7a3])",
                text,
            )
            for core in dict.fromkeys(cores):
                if (
                    _korean_name(core, t)
                    and joined.count(core) >= 2
                    and core not in t.roles
                    # not "선관위", "조직위": a body's short form, which a family name opens
                    and not _short_form_of_a_body(core, doc, bodies_seen)
                ):
                    doc.add(core, (n, text.find(core)), None, ())
        elif t.lang == "th":
            done: set[int] = set()
            for i, title in _thai_titles(text, t):
                if i in done:
                    continue  # "นาง" of "นางสาว", the longer title read at this place
                at = _thai_name_at(text, i, title, t)
                if at is not None and " " in at[0]:
                    done.add(i)
                    # "นางสาวพิมพ์ชนก แก้วมณี นายกเทศมนตรีนครหาดใหญ่ เปิดเผยว่า": the
                    # office in apposition, for "นายกเทศมนตรีนครหาดใหญ่ระบุ" later
                    end = i + len(title) + len(at[0])
                    apposed = re.match(r" ([\u0e00-\u0e7f.ฯ]{4,})(?= )", text[end:])
                    held = (
                        (apposed.group(1),) if apposed and _thai_office(apposed.group(1), t) else ()
                    )
                    doc.add(at[0], (n, i), at[1], held)
        else:
            if t.lang == "hi":
                # Every subject of a perfective verb: "छात्रा अनन्या मिश्रा ने …"
                # and of a relative clause: "कप्तान 19 वर्षीय आदित्य सोलंकी, जिन्हें …"
                for m in re.finditer(
                    r"(?:^|[,।])([^,।]*?)(?:\s+ने|,\s+(?:जो|जिन्हें|जिनका|जिनकी|जिनके|जिन्होंने))(?=\s)",
                    text,
                ):
                    # (not the postposition before "जिनका": "… शबनम बानो का, जिनका घर …")
                    phrase = re.sub(r"\s+(?:का|की|के|को|से)$", "", m.group(1))
                    found = _read_spaced(phrase, t, "")
                    if found is not None and found.kind == "name" and found.roles:
                        doc.add(found.name, (n, m.start(1)), found.gender, found.roles)
            if t.lang == "fa":
                # "علی‌اکبر نوروزی، منتقد و پژوهشگر هنر،": a name and its office
                for m in re.finditer(r"(?:^|[.،:]\s*)(\S+ \S+)، ((?:\S+ ){0,2}\S+)", text):
                    first, family = m.group(1).split()
                    office = _tokens(m.group(2))
                    if (
                        _could_be_given(first, t)
                        and _could_be_given(family, t)
                        and any(w in t.roles or _role_like(w, t) for w in office)
                    ):
                        # The roles the office names, for "این جامعه‌شناس" later
                        # ("استاد جامعه‌شناسی": a sociologist).
                        roles = tuple(
                            r
                            for w in office
                            for r in t.roles_by_length
                            if w == r or (w.startswith(r) and len(w) == len(r) + 1)
                        )
                        doc.add(m.group(1), (n, m.start(1)), None, roles)
            toks = list(_SPACED_TOKEN.finditer(text))
            if t.lang in ("ar", "he", "hi"):
                # (not the words of a speech quotation: "…، تقول المسؤولة القطرية، …")
                spoken = masked[n - 1] if masked is not None else text
                _names_after_offices(list(_SPACED_TOKEN.finditer(spoken)), n, t, doc)
            for i, m in enumerate(toks):
                w = _unprefixed(m.group(0).strip(_MARKS_AND_SPACE), t)
                if w not in t.titles:
                    w = _unprefixed(m.group(0).rstrip(",.:;"), t)  # "פרופ'" keeps its geresh
                    if w not in t.titles:
                        continue
                # (an Arabic name runs on through its "بن": "سالم بن حمد الحارثي")
                nxt = [x.group(0) for x in toks[i + 1 : i + (6 if t.lang == "ar" else 4)]]
                name_toks: list[str] = []
                for x in nxt:
                    bare = x.strip(_MARKS_AND_SPACE)
                    if (
                        not bare
                        or _unprefixed(bare, t) in t.stops
                        or bare in t.roles
                        or bare in t.titles
                        or bare in t.not_names  # "استاد اقتصاد دانشگاه": an office's field
                        or bare in t.verbs  # "خانم مهاجرانی افزود": the verb after the name
                        or (t.lang == "hi" and bare in _HI_POSTPOSITIONS)  # "डॉ. मेहता के"
                    ):
                        break
                    if not name_toks and bare in _FORMER_WORDS:
                        continue  # "השופט בדימוס אלי גבאי": a retired judge
                    if name_toks and (
                        any(c in bare for c in _QUOTE_MARKS) or bare.startswith("لـ")
                    ):
                        break  # "سمير بن عمر لـ«وات»": whom it was said to
                    if (
                        t.lang == "ar"
                        and len(name_toks) >= 2
                        and name_toks[-1] not in _AR_NAME_LINKS
                        and not _ar_family_name(bare, t)
                    ):
                        break  # "خالد بن سلمان مؤكدا": a participle, no family name
                    name_toks.append(bare)
                    if x != bare:  # punctuation closes the name
                        break
                    if len(name_toks) >= 2 and not (
                        (t.lang == "hi" and bare in t.middle_names)
                        or (t.lang == "ar" and bare in _AR_NAME_LINKS)  # "حسام عبد الرحيم"
                        or (
                            # "سالم بن حمد | الحارثي": the family name after the father's
                            t.lang == "ar" and name_toks[-2] in _AR_NAME_LINKS
                        )
                    ):
                        break
                while t.lang == "ar" and name_toks and name_toks[-1] in _AR_NAME_LINKS:
                    name_toks.pop()  # "فاطمة بنت" before a word that is no name
                if len(name_toks) >= 2 and (
                    name_toks[0] in t.body_heads
                    or (t.lang == "he" and any(x.startswith("ה") for x in name_toks[1:]))
                ):
                    # 'יו״ר ועד הקטרים, אבי דהן': the office's body, not a name
                    continue
                if len(name_toks) >= 2:
                    gender = (
                        "f"
                        if w.endswith(("ة",))
                        or w
                        in (
                            "השופטת",
                            "השרה",
                            "גב'",
                            "גב׳",
                            "श्रीमती",
                            "सुश्री",
                            "خانم",
                            "السيدة",
                            "الدكتورة",
                        )
                        else None
                    )
                    doc.add(" ".join(name_toks), (n, m.start()), gender, (w,))


def _names_after_offices(toks: list[re.Match[str]], n: int, t: _Table, doc: _Doc) -> None:
    """Arabic, Hebrew and Hindi: a name after an office and its complement, whatever the
    verb ("ورد وزير المالية مازن الحياري على …", "किसान सुखलाल कुशवाहा की मुश्किल"), for
    "الوزير" or a family name later."""
    # A Hindi name ends at its postposition.
    ends = (
        t.stops | set(t.particles) | t.postpositions | set(t.honorifics)
        if t.lang == "hi"
        else t.stops
    )
    for i, m in enumerate(toks):
        w = m.group(0)
        bare_office = _without_article(w, t.lang)
        if w != w.strip(_MARKS_AND_SPACE) or (
            w not in t.roles
            and _unprefixed(w, t) not in t.roles
            and bare_office not in t.roles  # "النائب"
            and not (t.lang == "hi" and _role_like(w, t))  # "वनाधिकारी"
        ):
            continue
        window = [w]
        end = i + 1
        for x in toks[i + 1 : i + 7]:
            raw = x.group(0)
            bare = raw.strip(_MARKS_AND_SPACE)
            if (not bare or bare in ends or _unprefixed(bare, t) in ends) and not (
                _he_place_beside(window[-1], bare)
            ):
                break
            if any(c in raw for c in _QUOTE_MARKS + _MASK):
                break
            window.append(bare)
            end += 1
            if raw != bare:  # punctuation closes the name
                break
        if (
            t.lang == "he"
            and len(window) >= 4
            and end < len(toks)
            and toks[end].group(0).strip(_MARKS_AND_SPACE) in _HE_OBJECT_WORDS
        ):
            # "השופטת דנה כהן גזרה על …", "… ייצגה את המשפחה": the word before the
            # object's "את" or "על" is a verb
            window.pop()
            end -= 1
        apposed = [x.group(0) for x in toks[end : end + 2]]
        if window[-1] != toks[end - 1].group(0) and all(
            _could_be_given(x.strip(_MARKS_AND_SPACE), t) for x in apposed
        ):
            # "ראש המועצה מטה יהודה, עמית שגיא,": the name is the apposed one, who holds
            # the office ("יו״ר ועד הקטרים, אבי דהן," for "יו״ר הוועד" later)
            if len(apposed) == 2 and apposed[-1].rstrip().endswith((",", "،")):
                name = " ".join(x.strip(_MARKS_AND_SPACE) for x in apposed)
                doc.add(name, (n, toks[end].start()), None, (w,))
            continue
        if t.lang == "ar":
            # "الكاتبة المصرية نادية عبد الحميد": the adjectives of the office, no name
            k = 1
            while k < len(window) - 2 and window[k].startswith("ال"):
                k += 1
            window = [window[0], *window[k:]]
        name, roles, gender = _name_part(" ".join(window), t)
        words = name.split()
        # the family name may carry the article: "مازن الحياري"
        given = [x[len("ال") :] if x.startswith("ال") and k else x for k, x in enumerate(words)]
        if 2 <= len(words) <= 3 and all(_could_be_given(x, t) for x in given):
            doc.add(name, (n, m.start()), gender, roles)
        elif t.lang in ("ar", "he") and not (i and toks[i - 1].group(0).rstrip()[-1:] in ",،"):
            # (after "אמיר שגיא, אנליסט בבית ההשקעות צפון אופק" the name went before)
            far = _name_after_complement(toks[i + 1 : i + 14], t)
            if far:  # "النائب عن دائرة مطاي في مجلس النواب سامح فؤاد"
                role = _unprefixed(w, t)
                doc.add(far, (n, m.start()), gender, (*roles, w, role))


def _name_after_complement(toks: list[re.Match[str]], t: _Table) -> str:
    """Arabic and Hebrew: the name that ends an office's complement, over its
    prepositions and at most one comma ("عن دائرة مطاي في مجلس النواب سامح فؤاد،",
    "המדינה, השופט אלי גבאי,"): two or three words that could be a name, after one
    that could not, before a comma."""
    words: list[str] = []
    for x in toks:
        raw = x.group(0)
        bare = raw.strip(_MARKS_AND_SPACE)
        if not bare or any(c in raw for c in _QUOTE_MARKS + _MASK) or bare in t.verbs:
            return ""
        if bare in ("قد", "لقد", "فقد", "فإن", "فإنه", "فإنها"):
            return ""  # "وزير الثقافة قد هنأ …": a verb follows, no complement
        words.append(bare)
        if raw.rstrip() != bare:
            if raw.rstrip()[-1:] not in ",،":
                return ""
            name = _name_ending(words, t)
            if name or len(words) > 2:
                return name
    return ""


def _name_ending(words: list[str], t: _Table) -> str:
    run: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        x = words[k]
        # the family name, and the second word of "عبد الرحيم", may take the article
        compound = k > 0 and words[k - 1] in ("عبد", "أبو")
        family = (
            x[len("ال") :] if (not run or compound) and t.lang == "ar" and x.startswith("ال") else x
        )
        if len(run) == 3 or not _could_be_given(family, t) or x in t.titles:
            break
        run.insert(0, x)
    before = words[len(words) - len(run) - 1] if len(run) < len(words) else ""
    if len(run) < 2 or not before or _could_be_given(before, t):
        return ""
    return " ".join(run)


# The last character of a Chinese noun of occupation or office (评论家, 诗人, 分析师).
_ZH_ROLE_ENDS = frozenset("家人员师长者手官士")
# Characters that end a Chinese personal name rather than continue it (verbs, particles).
_ZH_AFTER_NAME = frozenset(
    "在说表称的是和等也一就还对向将已曾则都又认指介告坦强透回为与及了着有被把从到今昨于会负担参出每"
)


# The characters Chinese spells foreign names with (基普罗蒂奇, 穆罕默德·阿里): a run of
# three or more of them, dots between the names.
_ZH_TRANSLIT = (
    "阿埃艾安奥巴拜班邦贝本比彼毕波伯博布查达戴丹德迪蒂丁杜多厄恩尔法范菲费芬弗"
    "福夫盖冈戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康科克肯库奎拉莱赖兰朗劳"
    "勒雷里利莉林琳卢鲁路伦罗洛马玛迈麦曼梅蒙米密缪莫姆穆纳娜奈内尼妮宁纽努诺欧"
    "帕佩彭皮珀普奇齐恰乔切钦丘萨塞赛桑瑟森沙舍什史斯松苏索塔泰坦汤特提图托瓦万"
    "旺威维韦温沃乌西希锡谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐"
)
_ZH_FOREIGN_NAME = re.compile(rf"[{_ZH_TRANSLIT}]{{3,8}}(?:·[{_ZH_TRANSLIT}]{{2,8}})*")


def _zh_dotted_name(np: str, t: _Table) -> _Found | None:
    """A foreign name whose parts a middle dot joins, at the end of a Chinese phrase,
    after its office ("总裁克劳斯·韦伯", "首席执行官埃隆·马斯克", "总统埃马纽埃尔·马克龙"):
    the whole name, the given part in the letters Chinese writes foreign sounds with."""
    m = re.search(r"·([\u4e00-\u9fff]{1,8})$", np)
    if m is None or t.lang != "zh":
        return None
    head = np[: m.start()]
    role = next((r for r in t.roles_by_length if r in head), None)
    if role is not None:
        head = head[head.rindex(role) + len(role) :]  # (all of it after an office)
    given = head if role is not None and 1 <= len(head) <= 6 else ""
    if not given:
        run = re.search(rf"[{_ZH_TRANSLIT}]+$", head)
        given = run.group(0) if run is not None else ""
    if not given:
        return None
    return _Found(np, "name", given + np[m.start() :], None, (role,) if role else ())


def _zh_name_at(text: str, i: int, t: _Table) -> str:
    """The Chinese personal name that starts at ``i`` (after a role noun), or ''."""
    k = 2 if text[i : i + 2] in t.surnames else 1
    if k == 1 and text[i : i + 1] not in t.surnames:
        return ""
    if text[i + k : i + k + 1] == "某":  # "王某", "李某某": a name the court withholds
        return text[i : i + k + (2 if text[i + k + 1 : i + k + 2] == "某" else 1)]
    run = ""
    for c in text[i : i + k + 2]:
        if not _HAN.match(c):
            break
        run += c
    if len(run) < k + 1:
        return ""
    if len(run) == k + 2 and run[-1] not in _ZH_AFTER_NAME:
        return run
    return run[: k + 1] if run[k] not in _ZH_AFTER_NAME else ""


def _reporting_names(masked: list[str], t: _Table, doc: _Doc) -> None:
    """The people named as the subject of a verb of saying anywhere (``אחד הרוכשים,
    מיכאל פרץ, סיפר כי …``), so that a pronoun or a short name later finds them."""
    for n, text in enumerate(masked, start=1):
        start = 0
        for m in [*_ends(text, 0, len(text)), None]:
            end = m.end() if m is not None else len(text)
            sentence = text[start:end]
            if _MASK not in sentence and _find_verb(sentence, t, last=True) is not None:
                found = _read_at(sentence, t, side="before")
                if found is not None and found.kind == "name" and found.name:
                    doc.add(found.name, (n, start), found.gender, found.roles)
            start = end


def attribute(
    paragraphs: list[str], parts: tuple[QuotationPart, ...], *, doc_id: str, lang: str
) -> tuple[tuple[QuotationPart, ...], tuple[Person, ...]]:
    """Give every ``speech`` part a speaker (or None) and list the persons quoted, for a
    language of :data:`LANGS`."""
    t = _tables()[lang]
    dateline = find_dateline(paragraphs[0]) if paragraphs else None
    if dateline and paragraphs[0].startswith(dateline):
        # "تهران - ایرنا - رئیس سازمان … گفت", "जयपुर, 5 मई (भाषा) राजस्थान लोक सेवा आयोग
        # ने": the agency's dateline is no subject, nor part of a name
        paragraphs = [" " * len(dateline) + paragraphs[0][len(dateline) :], *paragraphs[1:]]
    doc = _Doc(paragraphs, t)
    doc.quoted_names = [
        ((p.paragraph, p.start.offset), p.text.strip(_QUOTE_MARKS + "「」『』《》"))
        for p in parts
        if p.type == "name"
        and p.kind == "quote"
        and _a_company(
            p.text, paragraphs[p.paragraph - 1][max(0, p.start.offset - 8) : p.start.offset]
        )
    ]
    doc.kind_named = _kind_named(paragraphs, parts, t)
    masked = _masked(paragraphs, parts)
    doc.masked = masked
    _names_in_text(paragraphs, t, doc, masked)
    if t.order != "topic":
        _reporting_names(masked, t, doc)
    speakers: dict[str, tuple[str, str] | None] = {}
    order: list[str] = []
    mentions: dict[str, list[str]] = {}
    previous: tuple[list[QuotationPart], tuple[str, str] | None] | None = None
    by_id = {p.id: p for p in parts}
    for chain in chains(parts):
        if chain[0].type != "speech":
            continue
        where = (chain[0].paragraph, chain[0].start.offset)
        parent = by_id.get(chain[0].parent or "")
        if chain[0].depth > 0:
            if len(chain) > 1 or parent is None or parent.type != "speech":
                continue
            found = _within(chain[0], parent, paragraphs, parts, t)
            nested = _resolve(found, where, doc) if found is not None else None
            if nested is not None:
                if found is not None and found.kind in ("description", "role"):
                    nested = _introduced_as(nested, mentions, t)
                _add_mention(nested, where, order, mentions, doc)
            speakers[chain[0].id] = nested
            continue
        found = _attribution(chain, masked, t)
        result: tuple[str, str] | None = None
        if found is not None and found.kind != "zero":
            result = _resolve(found, where, doc)
            if (
                result is None
                and found.kind == "pronoun"
                and found.gender is None  # (not "היא" after a minister: no gender fits)
                and previous is not None
                and previous[1] is not None
                and previous[0][-1].paragraph >= where[0] - 1
                and not any(p.name == previous[1][0] for p in doc.persons)
            ):
                # "وی افزود" after an office the article never names, in this paragraph
                # or the one before: its holder (not a person the pronoun's gender
                # failed to fit)
                result = (previous[1][0], found.mention)
        elif previous is not None and _continues(chain, previous[0], masked):
            result = previous[1]
        elif found is not None and found.kind == "zero":
            reporting = _reported_before(chain[0], masked, t) if t.order != "topic" else None
            if reporting is None and t.order != "topic" and _opens_sentence(chain[0], masked):
                # "قالت ربة منزل … إن … . «…»، أضافت بمرارة": the subject of the sentence
                # before, which reports words of the same one without quoting them
                reporting = _said_before(chain[0], masked, t, found.gender)
            opened = ""
            if reporting is None and t.order != "topic":
                # '"…", אמר.' after "המאמן, אורי בן דוד, לא הסתיר את התרגשותו."
                opened = _opening_person(where, doc, found.gender)
            if reporting is not None:
                result = _resolve(reporting, where, doc)
            elif opened:
                result = (doc.add(opened, (where[0], where[1] - 1), found.gender, ()).name, opened)
            else:
                last = doc.last_before(where, found.gender)
                result = (last.name, last.name) if last is not None else None
        elif found is None and t.order != "topic" and _opens_sentence(chain[0], masked):
            # "نوروزی امیدوار است … . «…»": a quotation with no attribution at all after a
            # sentence that opens with someone the article has named
            opened = _opening_person(where, doc)
            known = next((p for p in doc.persons if p.name == opened and p.at), None)
            known = known or _familiar_of(opened, where, doc)
            if known is not None and any(a < where for a in known.at):
                result = (known.name, known.name)
        if (
            result is not None
            and found is not None
            and result[0] == found.mention
            and t.lang == "th"
            and _THAI_BY_AGE.fullmatch(found.mention)
            and previous is not None
            and previous[1] is not None
            and previous[0][-1].paragraph >= where[0] - 1
        ):
            # "“…” เทรนเนอร์วัย 52 ปีกล่าว" (the 52-year-old trainer said) after the coach
            # quoted just before: the same one, described by age
            result = (previous[1][0], found.mention)
        if result is not None and found is not None and found.kind in ("description", "role"):
            result = _introduced_as(result, mentions, t)
            this = (
                re.match(r"(?:이|그|해당) (\S+)$", found.mention)
                if t.lang == "ko"
                else re.match(r"(?:该|这位|这名)(\S{2,})$", found.mention)
                if t.lang == "zh"
                else None
            )
            if this is not None and result[0] == found.mention:
                # "이 관계자는" (this official): the one just quoted as "대전시 관계자"
                result = next(
                    ((n, found.mention) for n in reversed(order) if n.endswith(this.group(1))),
                    result,
                )
        if result is not None:
            _add_mention(result, where, order, mentions, doc)
        for part in chain:
            speakers[part.id] = result
        previous = (chain, result)
    ids = {name: person_id(doc_id, n) for n, name in enumerate(order, start=1)}
    persons = tuple(
        Person(ids[name], name, tuple(dict.fromkeys(mentions[name] or [name]))) for name in order
    )
    out = []
    for p in parts:
        r = speakers.get(p.id)
        if p.type == "speech" and r is not None:
            out.append(with_fields(p, speaker=Speaker(r[0], r[1] or r[0], ids[r[0]])))
        else:
            out.append(with_fields(p, speaker=None))
    return tuple(out), persons


def _add_mention(
    result: tuple[str, str],
    where: tuple[int, int],
    order: list[str],
    mentions: dict[str, list[str]],
    doc: _Doc,
) -> None:
    name, mention = result
    if name not in mentions:
        order.append(name)
        mentions[name] = []
    if mention and mention not in mentions[name]:
        mentions[name].append(mention)
    person = doc.fuller(name, where)
    if person is not None:
        person.at.append(where)


def _within_spoken(
    part: QuotationPart, parent: QuotationPart, text: str, t: _Table
) -> _Found | None:
    """The speaker of a quotation inside someone's words that a verb of saying and a
    comma or colon lead to inside them ("“… मेरे अब्बा कहा करते थे, ‘…’”", "«… جدتي تقول
    لي: "…"»"): the subject the words name; none for "I" (the speaker's own words are
    no one else's)."""
    a = parent.start.offset + 1 if parent.paragraph == part.paragraph else 0
    inside = text[a : part.start.offset]
    if not inside.rstrip().endswith((",", "،", ":", "：", "，")) and not (
        t.lang == "th" and inside.rstrip().endswith("ว่า")  # "แม่บอกผมก่อนมาว่า ‘…’"
    ):
        return None
    clause = re.split(r"[.!?।؟。！？]", inside)[-1]
    if _find_verb(clause, t, last=True) is None:
        return None
    found = _read_at(clause, t, side="before")
    if found is None or found.kind not in ("name", "description", "role"):
        return None
    if _tokens(found.mention)[:1] and _tokens(found.mention)[0] in _FIRST_PERSON:
        return None  # "मैंने उनसे कहा, ‘…’": the speaker's own words, quoted again
    if found.kind == "name" and len(found.name.replace(" ", "")) < 2:
        return None  # "ป้ายเขียนว่า ‘…’" (a sign read): no title "ป้า" and a name "ย"
    return found


_FIRST_PERSON = frozenset({"मैं", "मैंने", "हम", "हमने", "أنا", "من", "ما", "אני", "אנחנו", "我", "我们"})


def _within(
    part: QuotationPart,
    parent: QuotationPart,
    paragraphs: list[str],
    parts: tuple[QuotationPart, ...],
    t: _Table,
) -> _Found | None:
    """Japanese and Korean: the speaker of a quotation inside a speaker's words, where
    those words attribute it with a quoting particle ("「祖母がいつも『…』と言っていた」",
    "“…아이들이 ‘…’고 묻는다”"); none where they do not."""
    text = paragraphs[part.paragraph - 1]
    if t.order != "topic":
        return _within_spoken(part, parent, text, t)
    # The words of the enclosing quotation, as a paragraph of their own: what stands
    # outside them closes a sentence, so no attribution is read beyond them.
    a = parent.start.offset + 1 if parent.paragraph == part.paragraph else 0
    b = parent.end.offset - 1 if parent.end.paragraph == part.paragraph else len(text)
    chars = list("\u3002" * a + text[a:b] + "\u3002" * (len(text) - b))
    for p in parts:
        if p.paragraph == part.paragraph and p.depth == part.depth and p.type == "speech":
            for i in range(p.start.offset, min(p.end.offset, len(chars))):
                chars[i] = _MASK
    local = "".join(chars)
    _, a_end = _sentence_bounds(local, part.end.offset, part.end.offset)
    if not _quotative(local[part.end.offset : a_end], t):
        return None
    masked = list(paragraphs)
    masked[part.paragraph - 1] = local
    found = None
    if t.lang == "ja":  # (before the reading of a topic, which takes "何度も" for one)
        tail = local[part.end.offset : a_end]
        found = _ja_nested_speaker(local[: part.start.offset], tail, t)
        if found is None and _JA_TOLD.match(tail.lstrip(" \u3000")):
            return None  # "私は『…』と言われた": the one told, and no one named who told
    if found is None or found.kind == "zero":
        found = _attribution([part], masked, t)
    return found if found is not None and found.kind != "zero" else None


# Who said the words quoted inside someone's words: the subject right before them
# ("小学生が『…』と書いてくれた", "父がよく『…』と言っていた"), or the agent of a passive
# ("先生に『…』と言われた", "祖父には『…』と何度も言われた").
_JA_NESTED_SUBJECT = re.compile(r"(?:が|も)(?:よく|いつも|何度も|常々|毎日)?$")
_JA_NESTED_AGENT = re.compile(r"(?:に|には|から)(?:よく|いつも|何度も|常々|毎日)?$")


# "と言われた", "と何度も言われ": told, in the passive.
_JA_TOLD = re.compile(r"と(?:よく|いつも|何度も|常々|毎日)?言われ")


def _ja_nested_speaker(before: str, after: str, t: _Table) -> _Found | None:
    """Japanese: the speaker of a quotation inside another, read as a topic."""
    head = before.split(_MASK)[-1].rstrip(" \u3000")
    m = _JA_NESTED_SUBJECT.search(head)
    if m is None and _JA_TOLD.match(after.lstrip(" \u3000")):
        m = _JA_NESTED_AGENT.search(head)
    if m is None or m.start() == 0:
        return None
    return _read_ja(head[: m.start()] + "は", t)


def _opens_sentence(first: QuotationPart, masked: list[str]) -> bool:
    text = masked[first.paragraph - 1]
    s_start, _ = _sentence_bounds(text, first.start.offset, first.start.offset)
    return not text[s_start : first.start.offset].strip()


def _said_before(
    first: QuotationPart, masked: list[str], t: _Table, gender: str | None
) -> _Found | None:
    """Who the sentence before ``first`` in its paragraph says said something, where it
    quotes nothing: a name or a description of the gender the verb shows."""
    text = masked[first.paragraph - 1]
    s_start, _ = _sentence_bounds(text, first.start.offset, first.start.offset)
    reporting = _sentence_before(text, s_start)
    if not reporting or _MASK in reporting:
        return None
    found = _read_at(reporting, t, side="before")
    if (
        found is None
        or found.kind not in ("name", "description")
        or found.gender not in (None, gender)
    ):
        return None
    return found


def _reported_before(first: QuotationPart, masked: list[str], t: _Table) -> _Found | None:
    """For a verb without a subject after a quotation that opens its sentence ('"…",
    אמרה.'): the subject of the sentence before it in the paragraph, where that sentence
    reports words ("ראש עיריית קריית גת, רונית אלמוג, הזכירה כי …")."""
    text = masked[first.paragraph - 1]
    s_start, _ = _sentence_bounds(text, first.start.offset, first.start.offset)
    if text[s_start : first.start.offset].strip():
        return None
    previous = _sentence_before(text, s_start)
    found = _read_at(previous, t, side="before") if previous else None
    return found if found is not None and found.kind in ("name", "role") else None


def _introduced_as(
    result: tuple[str, str], mentions: dict[str, list[str]], t: _Table
) -> tuple[str, str]:
    """A description left as written that repeats the words a named speaker was
    introduced with: that speaker ("رئيس الدائرة الانتخابية" after "قال رئيس الدائرة
    الانتخابية في المفوضية القاضي حيدر ناجي الساعدي")."""
    name, mention = result
    if name != mention or len(_tokens(mention) if t.lang not in _UNSPACED else mention) < 2:
        return result
    sep = "" if t.lang in _UNSPACED else " "
    for other, written in mentions.items():
        if other != name and any(
            (w == mention or w.startswith(mention + sep)) and not _FORMER.search(w) for w in written
        ):
            return other, mention
    return result


# "Former": "आयुक्त रहे विनोद सिंह", "השופט בדימוס", "الوزير السابق" is no longer the one
# the office names now.
_FORMER_WORDS = (
    "रहे",
    "रह चुके",
    "पूर्व",
    "לשעבר",
    "בדימוס",
    "السابق",
    "السابقة",
    "سابق",
    "前",
    "元",
    "전",
)
_FORMER = re.compile(rf"(?<!\S)(?:{'|'.join(_FORMER_WORDS)})(?!\S)")


def _continues(chain: list[QuotationPart], before: list[QuotationPart], masked: list[str]) -> bool:
    """A quotation with no attribution continues the one before: in the same paragraph,
    or opening the next one."""
    a, b = before[-1], chain[0]
    if a.paragraph == b.paragraph:
        return True
    if b.paragraph == a.paragraph + 1:
        return not masked[b.paragraph - 1][: b.start.offset].strip()
    return False


def _given_name_before(family: str, doc: _Doc) -> str:
    """The given name the article writes right before a family name it names someone
    by alone (``نادر العبادي`` for ``العبادي``; ``محمد شياع`` and ``عبد الرحمن`` of two
    words in Arabic)."""
    t = doc.t
    if t.lang in _UNSPACED or t.lang == "ko":
        return ""
    k = len(family.split())  # "عبد الباقي" of "ريم عبد الباقي": a family name of two words
    for text in doc.paragraphs:
        toks = [w.strip(_MARKS_AND_SPACE) for w in _tokens(text)]
        raw = _tokens(text)
        for i in range(1, len(toks) - k + 1):
            if " ".join(toks[i : i + k]) != family or raw[i - 1] != toks[i - 1]:
                continue  # punctuation between them: not one name
            if k > 1 and raw[i : i + k - 1] != toks[i : i + k - 1]:
                continue
            w = toks[i - 1]
            if t.lang == "ar" and (i == 1 or raw[i - 2] != toks[i - 2]) and w not in ("عبد", "أبو"):
                continue  # "أصدرت المنظمة …": a sentence opens with its verb, not a name
            if i >= 2 and raw[i - 2] == toks[i - 2] and toks[i - 2] in ("عبد", "أبو", "أبي"):
                return f"{toks[i - 2]} {w}"  # "عبد الرحمن"
            if not _could_be_given(w, t) or w in _WHEN_AFTER_VERB or w in _HI_PARTICIPLES:
                continue  # (not "אמש", last night, between a verb and its subject)
            if (
                (t.lang == "ar" or (t.lang == "hi" and w in t.middle_names))
                and i >= 2
                and raw[i - 2] == toks[i - 2]
                and _could_be_given(toks[i - 2], t)
                # (not "बताया कि राम शर्मा": "that" before the name)
                and toks[i - 2] not in _HI_POSTPOSITIONS | _HI_CLAUSE_WORDS
            ):
                return f"{toks[i - 2]} {w}"  # (and "सुरेश कुमार" before "शर्मा")
            return w
    return ""


def _family_name_after(given: str, doc: _Doc) -> str:
    """Thai and Hindi: the family name the article writes after a given name it names
    someone by alone (``แพทองธาร`` of ``นายกรัฐมนตรี แพทองธาร ชินวัตร``, ``पूजा`` of
    ``गांव की पूजा चौधरी``)."""
    t = doc.t
    # Thai writes a title onto the given name ("นายสมชาย ใจดี"); Hindi words stand apart.
    pattern = (
        rf"{re.escape(given)} ([\u0e00-\u0e7f]+)"
        if t.lang == "th"
        else rf"(?<!\S){re.escape(given)} ([\u0900-\u097f]+)(?!\S)"
    )
    for text in doc.paragraphs:
        for m in re.finditer(pattern, text):
            before = text[: m.start()]
            if (
                t.lang == "th"
                and before
                and "\u0e00" <= before[-1] <= "\u0e7f"
                and not before.endswith(tuple(t.titles))
            ):
                continue
            family = m.group(1)
            if t.lang == "hi" and (
                family in _HI_POSTPOSITIONS
                or family in t.stops
                or family.endswith(("ों", "ओं", "ईं", "ीं"))
            ):
                # (nor "दूसरों", others: a plural is no family name, nor "मुस्कुराईं",
                # she smiled: a verb of respect)
                continue
            if family in _HI_LAST_NAMES or not any(
                family.startswith(w) for w in (*t.roles, *t.verbs, *t.strip, *t.titles)
            ):
                return family
    return ""


def _could_be_given(w: str, t: _Table) -> bool:
    u = _unprefixed(w, t)
    words = t.stops | t.roles | t.titles | t.strip
    return not (
        not w
        or w in words
        or u in words
        or w in t.pronouns
        or w.startswith(("ال", "ה"))
        or u.startswith(("ال", "ה"))
        or w.startswith("لل")
        or (t.lang == "ar" and w.endswith(("هم", "هما", "هن", "كم")))  # "مقدمتهم": their …
        or (t.lang == "ar" and w.endswith(("اً", "ًا")))  # "تحفظاً": a noun in the accusative
        or w in t.verbs
        or u in t.verbs
        or u in t.participles
        or any(c.isdigit() for c in w)
        or (t.lang == "hi" and w in _HI_POSTPOSITIONS)  # "गांव की पूजा": of the village
        or (t.lang == "hi" and w.endswith(("ों", "ओं")))  # "दूसरों": a plural, no name
    )


# Hindi postpositions and "and", which no name is.
_HI_POSTPOSITIONS = frozenset({"की", "के", "का", "ने", "में", "से", "को", "पर", "और", "तक"})


def _body_named_before(name: str, where: tuple[int, int], doc: _Doc) -> str:
    """Hebrew and Arabic: the body a definite noun takes up, named before in the
    construct state ("מהמשרד" after "משרד האוצר", "الوزارة" after "وزارة الصحة")."""
    t = doc.t
    if t.lang not in ("he", "ar") or " " in name:
        return ""
    article = "ה" if t.lang == "he" else "ال"
    word = name[1:] if t.lang == "he" and name[:2] in ("מה", "בה", "לה") else name
    if not word.startswith(article) or len(word) < len(article) + 3:
        return ""
    noun = word[len(article) :]
    # "وزارة الصحة" writes the ending of "الوزارة" as ت before its complement
    stems = [noun, noun[:-1] + "ت"] if t.lang == "ar" and noun.endswith("ة") else [noun]
    complement = rf"{article}\w+"
    if t.lang == "he":
        # "עיריית באר שבע" for "העירייה", "מכון ויצמן" for "המכון": the construct
        # state (ה written ת) and a name without the article
        construct = noun[:-1] + "ת" if noun.endswith("ה") else ""
        stems += [construct] if construct else []
        # (a bare noun takes no adjective for a name: not "משטרה מקומית", "ממשלה חדשה")
        complement = r"(?!ה)\w+(?<![הי])(?<!ית)(?<!ים)(?<!ות)(?!\w)(?: \w+)?|ה\w+"
    prefixes = "".join(t.prefixes) + ("מבל" if t.lang == "he" else "")
    alternatives = "|".join(map(re.escape, stems))
    pattern = re.compile(rf"(?<!\w)[{prefixes}]{{0,2}}((?:{alternatives}) (?:{complement}))")
    last = ""
    for n, text in enumerate(doc.paragraphs[: where[0]], start=1):
        for m in pattern.finditer(text):
            if (n, m.start()) < where:
                found = m.group(1)
                words = found.split()
                if len(words) == 3 and (words[2].endswith(("ים", "ות")) or words[2] in t.verbs):
                    found = " ".join(words[:2])  # "במכון ויצמן מקווים": a verb after it
                last = found + _construct_chain(text[m.start(1) + len(found) :], article, t)
    return last


def _body_in_full_before(word: str, where: tuple[int, int], doc: _Doc) -> str:
    """Hindi: the full name of a body that a mention by its head noun alone takes up,
    from the subject that opened an earlier sentence ("सूचना एवं प्रसारण मंत्रालय ने …",
    then "मंत्रालय ने कहा")."""
    t = doc.t
    if word not in t.body_heads:
        return ""
    ends = t.stops | t.postpositions | set(t.particles)
    last = ""
    for n, text in enumerate(doc.paragraphs[: where[0]], start=1):
        for m in re.finditer(r"[^।?!]+", text):
            if (n, m.start()) >= where:
                break
            toks = [w.strip(_MARKS_AND_SPACE) for w in _tokens(m.group(0))]
            if word not in toks:
                continue
            i = toks.index(word)
            j = next((k for k in range(i + 1, len(toks)) if toks[k] in ends), len(toks))
            subject = toks[:j]
            # the noun heads the subject, at most one word (a place) after it
            if (
                2 <= len(subject) <= 6
                and j - i <= 2
                and all(w and not any(c.isdigit() for c in w) for w in subject)
                and not any(w in ends or w in t.roles or w in t.titles for w in subject)
            ):
                last = " ".join(subject)
    return last


def _construct_chain(rest: str, article: str, t: _Table) -> str:
    """Arabic: the rest of a body's name in the construct state after its first complement:
    " المتحدة لشؤون اللاجئين" of "مفوضية الأمم المتحدة لشؤون اللاجئين"."""
    if t.lang != "ar":
        return ""  # Hebrew verbs start like the article: "משרד החינוך הודיע"
    words = rest.split(" ")[1:7] if rest.startswith(" ") else []
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        bare = w.rstrip(_MARKS_AND_SPACE)
        nxt = words[i + 1].rstrip(_MARKS_AND_SPACE) if i + 1 < len(words) else ""
        if not bare or bare in t.stops or _unprefixed(bare, t) in t.stops:
            break
        if bare.startswith((article, "لل")):
            take = [bare]
        elif bare.startswith("ل") and w == bare and nxt.startswith(article):
            take = [bare, nxt]  # "لشؤون اللاجئين"
            w = words[i + 1]
        else:
            break
        if any(x in t.stops or _unprefixed(x, t) in t.stops for x in take):
            break
        out.extend(take)
        i += len(take)
        if w != w.rstrip(_MARKS_AND_SPACE):
            break  # punctuation ends the name
    return "".join(" " + w for w in out)


# Words after which a description of an unnamed person does not go on: "تجلس سيدة
# أربعينية من أم درمان مع أطفالها" (with), "נוסעת בת 38 שפגשנו" (whom we met).
_DESCRIPTION_ENDS = frozenset(
    {
        "خلال",
        "على",
        "عبر",
        "أمس",
        "اليوم",
        "مع",
        "عندما",
        "حين",
        "بينما",
        "أمام",
        "قرب",
        "داخل",
        "بجانب",
        "وسط",
        "כאשר",
        "כש",
        "עם",
        "מול",
        "ליד",
        "בתוך",
        "עומד",
        "עומדת",
        "יושב",
        "יושבת",
    }
)


def _indefinite_before(word: str, where: tuple[int, int], doc: _Doc) -> str:
    """Arabic and Hebrew: the unnamed person a definite noun takes up, described before
    without the article in its paragraph or the one before ("سيدة أربعينية من أم درمان"
    for "السيدة")."""
    t = doc.t
    if t.lang not in ("he", "ar") or " " in word:
        return ""
    article = "ה" if t.lang == "he" else "ال"
    if not word.startswith(article) or len(word) < len(article) + 3:
        return ""
    noun = word[len(article) :]
    pattern = re.compile(rf"(?<![\w\u0600-\u06ff\u0590-\u05ff]){re.escape(noun)}(?= )")
    last = ""
    for n in range(max(1, where[0] - 1), where[0] + 1):
        text = doc.paragraphs[n - 1]
        for m in pattern.finditer(text):
            if (n, m.start()) >= where:
                break
            out = [noun]
            for w in _tokens(text[m.end() :])[:6]:
                bare = w.strip(_MARKS_AND_SPACE)
                u = _unprefixed(bare, t)
                if (
                    not bare
                    or u in t.stops
                    or bare in t.stops
                    or bare in _DESCRIPTION_ENDS
                    or bare in t.verbs
                    or u in t.verbs
                    or any(c in w for c in _QUOTE_MARKS + _MASK)
                ):
                    break
                out.append(bare)
                if w != bare:  # punctuation ends the description
                    break
            if len(out) >= 2:
                last = " ".join(out)
    return last


def _spelled_out_before(short: str, where: tuple[int, int], doc: _Doc) -> str:
    """Korean, Japanese and Thai: the full name a short form was given after, in
    brackets ("한국경영자총협회(경총)", "한국은행 금융통화위원회(금통위)", "การประปานครหลวง
    (กปน.)")."""
    if doc.t.lang == "th":
        form = _thai_short_forms(doc).get(short.replace(".", ""))
        return form[1] if form and form[0] < where else ""
    if doc.t.lang not in ("ko", "ja") or not short or " " in short:
        return ""
    bracketed = (f"({short})", f"（{short}）", f"({short}）", f"（{short})")
    if not any(b in text for text in doc.paragraphs[: where[0]] for b in bracketed):
        return ""  # (most names are given in no brackets: no pattern to build)
    # (not the words a quotation ends with: "「…」（幹部）" gives its source)
    pattern = re.compile(rf"((?:\S+ )?[^\s「」『』“”\"]+?)[（(]{re.escape(short)}[)）]")
    for n, text in enumerate(doc.paragraphs[: where[0]], start=1):
        m = pattern.search(text)
        if m and (n, m.start()) < where:
            words = m.group(1).split()
            if len(words) == 2 and not words[0].endswith((*_KO_BODY_ENDS, "은행", "협회")):
                words = words[1:]  # only a body's name goes on over a space
            return " ".join(w.strip(_MARKS_AND_SPACE) for w in words)
    return ""


# Words of time between a verb and the subject after it.
# A Hebrew group spoken to, right after the verb: "לנציגים", "לעובדים", "לתושבים".
_HE_TO_A_GROUP = re.compile(r"ל[\u05d0-\u05ea]{2,}(?:ים|ות)")
_WHEN_AFTER_VERB = frozenset(
    {
        "היום",
        "אמש",
        "אתמול",
        "הבוקר",
        "הערב",
        "הלילה",
        "השבוע",
        "במקביל",
        "בינתיים",
        "בנוסף",
        "ביום",
        "اليوم",
        "أمس",
        "امس",
    }
)
# Arabic adverbs of manner between a verb of saying and its subject: sorrowfully, angrily,
# proudly, sadly, with regret, confidently, smiling, eagerly, bitterly.
# How something was said, in an indefinite accusative right after the verb: "ساخرا"
# (mocking), "ضاحكا" (laughing), "مبتسماً"; and "بشكل …", "بنبرة …" (in a … way, tone).
_AR_HOW = re.compile(
    # (a list, not a pattern: foreign names end in "ا" too, "كارلا", "مونيكا")
    r"(?:ساخر|ضاحك|مبتسم|مازح|متأثر|غاضب|مستغرب|متحسر|منفعل|متهكم|باك|محتج|متفائل|متشائم)"
    r"(?:ا|اً|ة)|بشكل|بنبرة|بصوت|بلهجة"
)
_AR_IN_A_MANNER = frozenset({"بشكل", "بنبرة", "بصوت", "بلهجة"})
_AR_MANNER = frozenset(
    {"بحسرة", "بغضب", "بفخر", "بحزن", "بأسف", "بثقة", "بابتسامة", "بحماس", "بمرارة"}
)
# The talk a verb of ending or going on takes as its object, after the subject: "واختتم
# الطبيب حديثه", "وتابعت المديرة كلامها".
_AR_TALK = frozenset(
    w + s
    for w in ("حديث", "كلام", "تصريح", "تصريحات", "قول", "حوار", "مداخلت", "كلمت")
    for s in ("ه", "ها", "هم")
)
# Letters fused before a Hebrew or Arabic description where it names someone (and, that;
# the article): not a preposition's, which makes it a complement.
_FUSED = {"he": "[וש]?(?:ה)?", "ar": "[وف]?(?:ال)?"}


def _apposed_before(mention: str, where: tuple[int, int], doc: _Doc) -> _Person | None:
    """The one person an earlier sentence gives the words of a nameless description in
    apposition, right before the name ("הארכיאולוג ד״ר ניזאר ג'בארין", then "הוסיף
    הארכיאולוג") or right after it ("مریم صادقی، کارشناس ارشد فرش موزه", "นายธนกฤต
    อินทรประเสริฐ นักร้องนำของวง…"), whatever the sentence says: no table of offices
    needs to know the words."""
    t = doc.t
    words = _tokens(mention.strip(_MARKS_AND_SPACE))
    if t.lang not in ("ar", "fa", "he", "hi", "th") or not words or len("".join(words)) < 4:
        return None
    if t.lang in _FUSED:
        first = words[0]
        while first and (first[:1] in t.prefixes or (t.lang == "he" and first[:1] in "מבל")):
            if _without_article(first[1:], t.lang) or len(first) <= 4:
                first = first[1:]
            else:
                break
        core = _without_article(first, t.lang) or first
        if len(core) < 3:
            return None
        head = rf"(?<!\S){_FUSED[t.lang]}{re.escape(core)}"
    else:
        head = rf"(?<!\S){re.escape(words[0])}"
    this = _DEMONSTRATIVES.get(t.lang, "")
    pattern = re.compile(
        head
        + "".join(
            rf"\s+(?:{this}\s+)?{re.escape(w)}" if this else rf"\s+{re.escape(w)}"
            for w in words[1:]
        )
        + ("" if t.lang == "th" else r"(?!\w)")
    )
    titles = tuple(t.titles)
    found: set[str] = set()
    for n, text in enumerate(doc.paragraphs[: where[0]], start=1):
        for m in pattern.finditer(text):
            if (n, m.start()) >= where:
                break
            # (windows, not the whole paragraph before each match: a long one would
            # be read again and again)
            previous = _tokens(text[max(0, m.start() - 100) : m.start()])[-1:]
            if previous and _unprefixed(previous[0].strip(_MARKS_AND_SPACE), t) in t.stops:
                continue  # "مديرة التطعيم في الوزارة الدكتورة …": an office's complement
            after = text[m.end() : m.end() + 300].lstrip(" ,،")
            for _ in range(3):  # "הארכיאולוג ד״ר …", "השופט בדימוס …": titles between
                title = next(
                    (x for x in (*titles, *_FORMER_WORDS) if after.startswith(x + " ")), None
                )
                if title is None:
                    break
                after = after[len(title) :].lstrip()
            before = text[max(0, m.start() - 300) : m.start()].rstrip(" ,،")
            for p in doc.persons:
                if " " not in p.name:
                    continue
                # (a Thai name is written on to its title: "นายวิชัย ศรีสุข")
                edge = "" if t.lang == "th" else r"(?<!\w)"
                if re.match(rf"{re.escape(p.name)}(?!\w)", after) or re.search(
                    rf"{edge}{re.escape(p.name)}$", before
                ):
                    found.add(p.name)
    if len(found) != 1:
        return None
    name = found.pop()
    return next(p for p in doc.persons if p.name == name)


_QUOTE_BOUNDARY = re.compile(
    rf"(?<![\u05d0-\u05ea])[{re.escape(_QUOTE_MARKS)}「『]|[{re.escape(_QUOTE_MARKS)}「『](?![\u05d0-\u05ea])"
)
# Words that open a relative clause after a name: Persian "که", Arabic "الذي", "التي".
_RELATIVE_WORDS = frozenset({"که", "الذي", "التي"})
# Words made with 老 or 小 and a character that is also a family name: 老师 (teacher),
# 小时 (hour), 小区 (estate), 老年 (old age), 老板 (boss) ...
_ZH_NOT_FAMILIAR = frozenset("师时区年板组康家龄化旧型镇吃米街麦乡孩伙太姐说将朋友姑娘")


# Verbs that go on with words said before ("הוא הוסיף", "وأضاف", "افزود", "덧붙였다",
# "กล่าวเพิ่มเติม", "补充说"): a pronoun before them is the speaker before.
_ADDED = re.compile(
    r"הוסיף|הוסיפה|מוסיף|מוסיפה|أضاف|تابع|افزود|덧붙|กล่าวต่อ|กล่าวเพิ่มเติม|เสริม|补充|又说|还说|"
    r"付け加え|जोड़ा|आगे कहा"
)


# A Chinese clause of time or place that opens a sentence before its subject ("在最后陈述阶段",
# "庭审中", "对此").
_ZH_ADVERBIAL = re.compile(
    r"(?:在|当|于)[^，]{1,14}(?:上|中|时|后|前|里|间|期间|阶段|之际|现场|点|处|内|外|旁|门口)"
    r"|[^，]{1,8}(?:时|之后|期间|阶段|之际)|庭审中|会上|席间|对此|此外|随后|同时|另外"
)


def _opening_person(where: tuple[int, int], doc: _Doc, gender: str | None = None) -> str:
    """The person a pronoun that opens the sentence of a quotation takes up where the
    sentence before it in the paragraph is about someone: the one that sentence opens
    with ("家住…的渔民老陈对此深有体会。“…，”他说", "حسن رحیمی، باغدار ۶۷ ساله …،
    از کسانی است … او می‌گوید: «…»"), named before or not; '' where that sentence
    opens with no person."""
    t = doc.t
    text = doc.paragraphs[where[0] - 1]
    s_start, s_end = _sentence_bounds(text, where[1], where[1])
    if not s_start or _ADDED.search(text[s_start:s_end]):
        return ""
    p_start, _ = _sentence_bounds(text, s_start - 1, s_start - 1)
    # the sentence up to its first quotation mark (not the gershayim of 'ד"ר')
    zone = _QUOTE_BOUNDARY.split(text[p_start:s_start])[0]
    if t.lang in ("zh", "ja"):
        clauses = re.split(r"[，：]", zone)
        zone = clauses[0]
        if (
            len(clauses) > 1
            and _ZH_ADVERBIAL.fullmatch(zone)
            and not _person_opening(zone, t)[0]
            and not _named_first(zone, doc, gender)
        ):
            zone = clauses[1]  # "在最后陈述阶段，王某几度哽咽。": the clause after the time
    elif t.lang not in ("fa", "he", "ar"):
        # the first clause, after an opening word of its own ("वहीं, …", meanwhile)
        clauses = re.split(r"[,،:]", zone)
        zone = clauses[1] if len(clauses) > 1 and len(_tokens(clauses[0])) <= 1 else clauses[0]
    if _tokens(zone)[:1] and _tokens(zone)[0] in t.pronouns:
        return ""  # "उन्होंने बताया कि …": the sentence before goes on with a pronoun
    fresh, sure = _person_opening(zone, t)
    if sure:
        return fresh
    if not fresh and t.lang == "zh":
        # "吴桂兰今年58岁，种了30多年茶。“…”她说": a full name that opens the sentence
        # before, one the article writes again (not a word that opens with a family
        # name's character by chance)
        name = _zh_name_at(zone, 0, t)
        if len(name) == 3 and _zh_named_elsewhere(name, doc.paragraphs):
            fresh = name
    first = _named_first(zone, doc, gender)
    if fresh and (not first or zone.find(fresh) < zone.find(first)):
        return fresh
    return first


def _named_first(zone: str, doc: _Doc, gender: str | None) -> str:
    """Someone the article named already, the first in ``zone``: by the whole name, or
    (in spaced scripts) by the family name alone ("לדברי לוינסון, …"), of a gender that
    does not contradict the pronoun's."""
    t = doc.t
    at = []
    for p in doc.persons:
        if gender and p.gender and p.gender != gender:
            continue  # "הוא" is not the woman the sentence before is about
        if t.lang in _UNSPACED or t.lang == "ko":
            i = zone.find(p.name) if len(p.name) >= 2 else -1
            if i >= 0 and zone[i + len(p.name) : i + len(p.name) + 1] in ("的", "の"):
                i = -1  # "陈立华的合伙人、…赵敏": whose partner, not the subject
        elif " " in p.name:
            family = re.search(rf"(?<!\S)\w?{re.escape(p.name.split()[-1])}(?!\w)", zone)
            i = zone.find(p.name) if p.name in zone else (family.start() if family else -1)
        else:
            i = -1
        if i >= 0 and (t.lang in _UNSPACED or t.lang == "ko" or len(_tokens(zone[:i])) <= 2):
            at.append((i, -len(p.name), p.name))  # the longest name at a place
    return min(at)[2] if at else ""


def _person_opening(zone: str, t: _Table) -> tuple[str, bool]:
    """A person's name that opens ``zone`` by the forms of its language, named before
    or not, and whether it is sure enough to stand before anyone named earlier in it (a
    titled name in apposition)."""
    if t.lang == "zh":
        return _zh_person_opening(zone, t), False
    if t.lang == "ko":
        m = re.search(
            r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3})(?:\(\d{1,3}\))?(?:는|은)(?!\S)", zone
        )
        return (m.group(1) if m and _korean_name(m.group(1), t) else ""), False
    if t.lang == "hi":
        # "मालवीय नगर की रहने वाली सुनीता देवी …": a name after the participle that
        # describes the person
        m = re.search(r"(?<!\S)(?:वाली|वाले|वाला)\s+(\S+)\s+(\S+)", zone)
        if m and all(_could_be_given(w, t) for w in m.groups()):
            return f"{m.group(1)} {m.group(2)}", False
        return "", False
    if t.lang in ("fa", "he", "ar"):
        return _spaced_person_opening(zone, t)
    return "", False


def _zh_person_opening(zone: str, t: _Table) -> str:
    # "老陈", "小王": a family name called familiarly; not "老师", "小时", "小区"
    m = re.search(r"[老小]([\u3400-\u9fff])", zone)
    if m and m.group(1) in t.surnames and m.group(1) not in _ZH_NOT_FAMILIAR:
        return m.group(0)
    # "在湖边养了二十年鸭的周德明", "获得亚军的老将谢振宇": a name after the clause that
    # describes the person, or after a noun of occupation
    for i in range(1, len(zone)):
        after_role = zone[i - 1] in _ZH_ROLE_ENDS or zone[:i].endswith(t.roles_by_length)
        if after_role or zone[i - 1] == "的":  # "的周德明", "的老将谢振宇"
            if any(zone.startswith(r, i) for r in t.roles_by_length):
                continue  # "的程序员刘畅": an occupation that opens with a family name
            name = _zh_name_at(zone, i, t)
            # (a name of two after an office: "首席技术官赵敏")
            if len(name) == 3 or (len(name) == 2 and after_role):
                return name
    return ""


def _familiar_of(called: str, where: tuple[int, int], doc: _Doc) -> _Person | None:
    """The one person named before ``where`` whom a Chinese familiar form calls by the
    family name ("老何" for 何国梁 named before); None where none or several are."""
    if doc.t.lang != "zh" or not re.fullmatch(r"[老小][\u3400-\u9fff]", called):
        return None
    family = called[1]
    cands = [
        p
        for p in doc.persons
        if len(p.name) in (2, 3) and p.name.startswith(family) and any(a < where for a in p.at)
    ]
    return cands[0] if len(cands) == 1 else None


def _familiar_unambiguous(called: str, p: _Person, where: tuple[int, int], doc: _Doc) -> bool:
    """Whether a Chinese familiar form ("老李") surely calls ``p``, named in full in its
    paragraph or the one before: no other full name with that family name in the
    article ("村支书张建国和村民张明华 … 老张"), and the form not introduced as someone
    of its own ("小王是他的徒弟")."""
    family = called[1]
    fulls = {
        full
        for text in doc.paragraphs
        for m in re.finditer(re.escape(family), text)
        if len(full := _zh_name_at(text, m.start(), doc.t)) in (2, 3)
        and full[1:] not in doc.t.roles
        # (not the familiar forms themselves: "老李笑着说", "李奶奶")
        and text[m.start() - 1 : m.start()] not in ("老", "小")
        and not any(text.startswith(k, m.start() + 1) for k in _ZH_KIN)
    }
    return (
        fulls <= {p.name}
        and any(where[0] - 1 <= a[0] <= where[0] and a < where for a in p.at)
        and not any(
            re.search(re.escape(called) + "(?:是|为|作为)", text) for text in doc.paragraphs
        )
    )


def _spaced_person_opening(zone: str, t: _Table) -> tuple[str, bool]:
    """Persian, Hebrew and Arabic: a name and its apposition, an office and the name
    apposed to it, or a name before a relative clause or an office."""

    def names(words: list[str]) -> bool:
        # (an Arabic family name may take the article: "ريم الخطيب")
        return all(
            _could_be_given(w[2:] if t.lang == "ar" and k and w.startswith("ال") else w, t)
            for k, w in enumerate(words)
        )

    head = re.split(r"[,،]", zone)
    toks = _tokens(head[0])
    if (
        t.lang == "he"
        and len(head) > 2
        and toks
        and _HE_UNNAMED.match(_clean(head[1]))
        and _name_part(head[0], t) == ("", (), None)  # not "שר החקלאות אבי דיכטר, …"
    ):
        # "אחות ותיקה במחלקה …, שביקשה שלא להזדהות, תיארה …": someone the article will
        # not name, as written with the clause that says so
        return f"{_clean(head[0])}, {_clean(head[1])}", True
    apposed = _tokens(head[1]) if len(head) > 2 else []
    titled = [w for w in apposed if _unprefixed(w, t) not in t.titles and w not in t.titles]
    if apposed and apposed[0] in t.titles and 2 <= len(titled) <= 3 and names(titled):
        # "وأوضحت مديرة برنامج التحصين في الوزارة، الدكتورة هالة منصور، …": the titled
        # name in apposition, whatever the office before it holds
        return " ".join(titled), True
    if len(head) > 1 and 2 <= len(toks) <= 3 and names(toks):
        return " ".join(toks), False  # "حسن رحیمی، باغدار …": a name and its apposition
    if (
        1 <= len(toks) <= 3
        and _without_article(toks[-1], t.lang)
        and 2 <= len(apposed) <= 3
        and all(_could_be_given(w, t) for w in apposed)
    ):
        # "המאמן, אורי בן דוד, …", "وكان محامي المتهم، سمير حداد، …": an office, then
        # the name
        return " ".join(apposed), False
    if (
        len(toks) > 2
        and names(toks[:2])
        and (toks[2] in _RELATIVE_WORDS or toks[2] in t.roles or _role_like(toks[2], t))
    ):
        # "امیرحسین صادقی که …" (who …), "زهرا حسینی مدیر یک داروخانه …": a name, then a
        # relative clause or an office
        return " ".join(toks[:2]), False
    return "", False


def _name_the_article_repeats(description: str, doc: _Doc) -> str:
    """The name a long description of someone ends with, in a spaced script, where the
    article names them again by the family name alone: the two last words, both of which
    could be names, the last one written elsewhere as a word of its own."""
    t = doc.t
    if t.lang not in ("ar", "fa", "he", "hi"):
        return ""
    words = [w.strip(_MARKS_AND_SPACE) for w in _tokens(description)]
    if len(words) < 3:
        return ""
    given, family = words[-2], words[-1]
    bare = family[2:] if t.lang == "ar" and family.startswith("ال") else family
    if not (_could_be_given(given, t) and _could_be_given(bare, t)) or len(bare) < 3:
        return ""
    if {given, family} & set(t.body_heads):
        return ""  # "معاون پژوهشی سازمان": an office of a body, "سازمان" no family name
    if _could_be_given(words[-3], t) and t.lang != "hi":
        return ""  # three words that could all be names: no sure end of the description
    # the family name alone somewhere: not after the given name, as in the description
    # repeated ("رئيس هيئة النقل" twice names no "هيئة النقل")
    alone = re.compile(
        rf"(?<![\w\u0900-\u097f])(?<!{re.escape(given)} ){re.escape(family)}(?![\w\u0900-\u097f])"
    )
    return f"{given} {family}" if any(alone.search(text) for text in doc.paragraphs) else ""


# Words that stand for the place an office was first written with: "مدیرکل کتابخانه‌های
# عمومی استان" after "مدیرکل کتابخانه‌های عمومی آذربایجان شرقی".
_FA_GENERIC_PLACES = frozenset({"استان", "شهرستان", "کشور", "شهر"})


def _lead_holder(mention: str, where: tuple[int, int], doc: _Doc) -> _Person | None:
    """Persian agencies' leads give an office ("مدیرکل کتابخانه‌های عمومی آذربایجان شرقی
    از … خبر داد") and the next paragraph opens with the name of its holder ("محمدرضا
    صمدی روز یکشنبه … اظهار کرد"): that person, for the office written again."""
    t = doc.t
    words = _tokens(mention)
    if t.lang != "fa" or len(doc.paragraphs) < 2 or len(words) < 2 or words[0] not in t.roles:
        return None
    lead = _tokens(_clean(doc.paragraphs[0]))
    if words[0] not in lead:
        return None
    i = lead.index(words[0])
    office = lead[i : i + len(words)]
    if len(office) < len(words) or office[:-1] != words[:-1]:
        return None
    if office[-1] != words[-1] and words[-1] not in _FA_GENERIC_PLACES:
        return None
    following = _tokens(doc.paragraphs[1])[:3]
    opening = following[:2]
    if len(opening) < 2 or not all(_could_be_given(w, t) for w in opening):
        return None
    if any(w in _FA_TIMES for w in opening) or not (
        len(following) > 2
        and (following[2] in _FA_TIMES or following[2] in ("در", "ضمن", "با", "نیز", "همچنین"))
    ):
        return None  # "سال گذشته …" (last year): no name opens the paragraph
    name = " ".join(opening)
    # (the lead's own quotation comes before the paragraph that names the holder)
    return doc.fuller(name, where) or doc.add(name, (2, 0), None, (words[0],))


def _given_office(office: str, where: tuple[int, int], doc: _Doc) -> _Person | None:
    """Chinese: the one person whose name the article wrote right after ``office`` (a
    few characters of more office between: "公司创始人兼首席执行官陈立华")."""
    if len(office) < 2:
        return None
    found = {
        p.name
        for n, text in enumerate(doc.paragraphs[: where[0]], start=1)
        for m in re.finditer(re.escape(office), text)
        if (n, m.start()) < where
        for p in doc.persons
        if len(p.name) >= 2 and p.name in text[m.end() : m.end() + 8 + len(p.name)]
    }
    if len(found) != 1:
        return None
    name = found.pop()
    return next(p for p in doc.persons if p.name == name)


def _named_in_paragraph(
    roles: tuple[str, ...], where: tuple[int, int], doc: _Doc
) -> _Person | None:
    """The person given one of ``roles`` in the paragraph of ``where``, also after it: the
    attribution itself names them after the quotation ("«…»، قال النائب عن دائرة مطاي في
    مجلس النواب سامح فؤاد، «…»")."""
    for r in roles:
        p = doc.with_role(r, (where[0] + 1, 0))
        if p is not None and any(a[0] == where[0] for a in p.at):
            return p
    return None


def _ends_with_role(phrase: str, t: _Table) -> bool:
    if t.lang in _UNSPACED:
        return any(phrase.endswith(r) for r in t.roles)
    toks = _tokens(phrase)
    return bool(toks) and _unprefixed(toks[-1], t) in t.roles | t.titles


# A run of letters a body's name is written in: Chinese and Japanese names are written
# without spaces (the Japanese without kana, which joins words: "浜松市保健所は"), Korean
# ones word by word.
_BODY_RUN = {
    "zh": re.compile(r"[\u3400-\u9fff]+"),
    "ja": re.compile(r"[\u3400-\u9fff\u30a0-\u30ffA-Za-z々ー・]+"),
    "ko": re.compile(r"[\uac00-\ud7a3A-Za-z0-9]+"),
}
# Chinese words a body's name does not start with, which run into it unspaced: "据", "从"
# ("记者从合肥马拉松组委会获悉"), "日" of a date ("18日贵州省交通运输厅").
_ZH_BEFORE_BODY = re.compile(r".*[据从向在由对与和及经将把被让日月年时]")
_JA_BEFORE_BODY = re.compile(r"^[日月年時]+")
_KO_TIMES = ("해", "날", "일", "월", "년", "주", "간", "후", "전", "께", "최근", "현재", "당시")
_KO_PARTICLE = re.compile(r"(?:에서는|에서|으로|에게|과|와|은|는|이|가|의|도|에|을|를|로|측)$")


def _body_in_full_cjk(name: str, where: tuple[int, int], doc: _Doc) -> str:
    """Chinese, Japanese, Korean: the full name of a body that a short mention takes up,
    as the article gave it before: by its head ("同保健所", "该厅", "组委会" after
    "浜松市保健所", "贵州省交通运输厅", "合肥马拉松组委会") or by a short form of its
    words ("선관위", "厚労省" after "중앙선거관리위원회", "厚生労働省")."""
    t = doc.t
    run = _BODY_RUN.get(t.lang)
    if run is None or not t.body_ends or not name:
        return ""
    head = name
    anaphoric = False
    for a in t.body_anaphors:
        if head.startswith(a) and len(head) > len(a):
            head, anaphoric = head[len(a) :].strip(), True
            break
    if not head.endswith(t.body_ends) or not run.fullmatch(head) or head.endswith(t.not_bodies):
        return ""
    if doc.fuller(head, where) is not None:
        return ""  # a person the article names ("木村" of "木村さん")
    last = ""
    for n, text in enumerate(doc.paragraphs[: where[0]], start=1):
        for m in _body_runs(text, head, run, t):
            if (n, m.end()) > where:
                break
            full = _body_name(m.group(0), t)
            if full.endswith(t.not_bodies) or (len(head) == 1 and len(full) < 3):
                continue  # "新闻发布会" (a press conference), "本社" (head office)
            if t.lang == "ko":
                # "전주국제영화제 조직위원회는": a name of two words, the first bare
                pm = re.search(r"(?:^|[\s‘“'\"])([\uac00-\ud7a3A-Za-z·]{3,})\s$", text[: m.start()])
                if (
                    pm
                    and not _KO_PARTICLE.search(pm.group(1))
                    and not pm.group(1).endswith(_KO_TIMES)
                ):
                    full = f"{pm.group(1)} {full}"
            if (
                len(full) > len(head)
                and not full.startswith(t.body_anaphors)
                and len(full) <= 20
                and (full.endswith(head) or (not anaphoric and _short_form(head, full, t)))
            ):
                last = full
    return last


# "The company" as Japanese and Chinese write it for one they named before.
_THE_COMPANY = frozenset({"同社", "同社側", "该公司", "该企业", "该集团"})


_COMPANY_ENDS = (
    "社",
    "鉄道",
    "銀行",
    "電力",
    "工業",
    "製作所",
    "商事",
    "産業",
    "自動車",
    "航空",
    "電機",
    "証券",
    "保険",
    "製薬",
    "食品",
    "建設",
    "ホールディングス",
    "グループ",
    "公司",
    "集团",
    "银行",
    "科技",
    "股份",
    "控股",
)
_COMPANY_BEFORE = ("セクター", "会社", "企業", "メーカー", "公司", "企业", "车企", "集团")


def _a_company(quoted: str, before: str) -> bool:
    """A name in marks that names a company: by how it ends ("北信濃鉄道") or by the
    noun before it ("第三セクター「…」", "车企“…”"), not a product's ("新型車「プリウス」")."""
    name = quoted.strip(_QUOTE_MARKS + "「」『』《》")
    return name.endswith(_COMPANY_ENDS) or before.rstrip().endswith(_COMPANY_BEFORE)


def _company_quoted_before(mention: str, where: tuple[int, int], doc: _Doc) -> str:
    """ "同社" (the company) for the company the article named in marks before, whatever
    its name ends with ("第三セクター「北信濃鉄道」は…。同社は「…」")."""
    if mention not in _THE_COMPANY:
        return ""
    before = [name for at, name in doc.quoted_names if at < where and len(name) <= 20]
    return before[-1] if before else ""


# Team names that are whole words after the place ("포항 스틸러스", "울산 현대").
_KO_TEAM_ENDS = frozenset(
    {"스틸러스", "시티즌", "현대", "유나이티드", "타이거즈", "라이온즈", "이글스", "트윈스"}
    | {"베어스", "자이언츠", "다이노스", "위즈", "랜더스", "히어로즈"}
)
_KO_DIVISION = re.compile(r"[\uac00-\ud7a3]{1,3}\d{1,2}부")


def _kind_named_before(mention: str, where: tuple[int, int], doc: _Doc) -> str:
    """Korean: the body a noun of its kind takes up ("재판부", "구단", "회사 측", "소속사"),
    the last the article named before with a name of that kind ("서울남부지법 형사13부",
    "포항 스틸러스", "한빛조선"); '' where it named none."""
    noun = re.sub(r"\s*측$", "", mention.strip())
    ends = doc.t.kind_nouns.get(noun)
    if not ends:
        return ""
    last = ""
    for n in range(1, where[0] + 1):
        words = doc.words(n)
        for k, m in enumerate(words):
            if (n, m.start()) >= where:
                break
            word = _KO_PARTICLE.sub("", m.group(0).rstrip(",.·"))
            end = next((e for e in ends if word.endswith(e)), None)
            if end is None or word == noun:
                continue
            name = word
            if word == end and not (end.isascii() or (k and end in _KO_TEAM_ENDS)):
                continue  # "지원", "산업" alone: common nouns, no body's name
            if word == end and k:  # "포항 스틸러스": the place before the kind
                before = _KO_PARTICLE.sub("", words[k - 1].group(0))
                if not _HANGUL.fullmatch(before) or before in doc.t.roles:
                    continue
                name = f"{before} {word}"
            division = _KO_DIVISION.match(words[k + 1].group(0)) if k + 1 < len(words) else None
            if noun in ("재판부", "법원") and division is not None:
                name = f"{name} {division.group(0)}"  # "서울남부지법 형사13부"
            last = name
    return last


def _body_runs(text: str, head: str, run: re.Pattern[str], t: _Table) -> list[re.Match[str]]:
    """The runs of letters a body's name may be: in Chinese, written on into the words
    after it ("北京市统计局同日也公布"), the run up to each place ``head`` ends at."""
    if t.lang != "zh":
        return list(run.finditer(text))
    out = []
    for h in re.finditer(re.escape(head), text):
        m = re.search(rf"{run.pattern}$", text[: h.end()])
        if m is not None:
            out.append(m)
    return out


def _body_name(word: str, t: _Table) -> str:
    if t.lang == "zh":
        return _ZH_BEFORE_BODY.sub("", word)
    if t.lang == "ja":
        # "5日厚生労働省は", "この日厚生労働省は": the day's 日; "日本歌人協会" keeps its own
        return word if word.startswith(("日本", "日銀")) else _JA_BEFORE_BODY.sub("", word)
    return _KO_PARTICLE.sub("", word)


def _short_form(short: str, full: str, t: _Table) -> bool:
    """``short`` is made of characters of ``full`` in their order, ending where its
    body's name ends ("厚労省" of "厚生労働省", "개인정보위" of "개인정보보호위원회")."""
    if len(short) < 2 or len(full) < len(short) + 2 or not full.endswith(t.body_ends):
        return False
    at = -1
    for ch in short:
        at = full.find(ch, at + 1)
        if at < 0:
            return False
    return at >= len(full) - 3


def _ja_the_same(mention: str, where: tuple[int, int], doc: _Doc) -> _Person | None:
    """Japanese "同" before a title: the person named last before with that title ("同相"
    after "北條雅之環境相", "同社長"), or anyone for "同氏"; not a body ("同社", "同省")."""
    title = mention.removeprefix("同")
    if title == mention or not title or len(title) > 4:
        return None
    if title in ("氏", "さん"):
        return doc.last_before(where, None)
    held = [
        (max(a for a in p.at if a < where), p)
        for p in doc.persons
        if any(a < where for a in p.at) and any(r.endswith(title) for r in p.roles)
    ]
    return max(held, key=lambda x: x[0])[1] if held else None


# What follows a Japanese full name: an age, an honorific, a particle, a comma, or an
# office written in kanji ("小野寺啓介経済産業審議官").
_JA_AFTER_FULL = r"(?=[（(]\d|さん|氏|は|が|も|、|・|[\u3400-\u9fff]{0,6}(?:官|長|相|員|手|師|士|者|監督|社長|代表|議員))"


def _ja_full_name(family: str, where: tuple[int, int], doc: _Doc) -> str:
    """The full name a Japanese article wrote before it called someone by the family
    name alone: a given name of one or two kanji (or two or three kana) after it, where
    an age, an honorific, a particle or an office follows; a foreign given name before
    a middle dot ("エレン・ブレイディ"). '' where none or several."""
    if not 2 <= len(family) <= 6:
        return ""
    if re.fullmatch(r"[\u30a0-\u30ffー]+", family):
        pattern = rf"((?:[\u30a0-\u30ffー]+・)+){re.escape(family)}(?![\u30a0-\u30ffー])"
        fulls = {
            m.group(1) + family
            for text in doc.paragraphs[: where[0]]
            for m in re.finditer(pattern, text)
        }
    elif _KANJI_KATAKANA.fullmatch(family):
        pattern = rf"(?<![\u3400-\u9fff]){re.escape(family)}([\u3400-\u9fff]{{1,2}}|[\u3040-\u309f]{{2,3}}){_JA_AFTER_FULL}"
        fulls = {
            family + m.group(1)
            for text in doc.paragraphs[: where[0]]
            for m in re.finditer(pattern, text)
            if m.group(1) not in doc.t.roles and not m.group(1).startswith(("さ", "氏"))
        }
    else:
        return ""
    return fulls.pop() if len(fulls) == 1 else ""


def _ko_withheld(family: str, doc: _Doc) -> str:
    """The Korean name the article gives someone it will not name, "최모씨" of "최모(45)씨",
    "이모 씨" of "이모(62) 씨", for that family name; '' where it gives none or several."""
    found = {
        (f"{family}모{m.group(2)}씨", m.group(1))
        for text in doc.paragraphs
        for m in re.finditer(
            rf"(?<![\uac00-\ud7a3]){re.escape(family)}모\((\d{{1,3}})\)( ?)씨", text
        )
    }  # (two of them, "최모(45)씨와 최모(38)씨", are anybody's)
    return found.pop()[0] if len(found) == 1 else ""


def _ko_title_held(mention: str, where: tuple[int, int], doc: _Doc) -> _Person | None:
    """The person the article titles with the title a bare Korean noun is: "감독님" (the
    coach, addressed with respect), "구조대장" after "정해룡 대장"; before it, or else the
    one person named with it later. Only a mention of one word: a longer one describes
    someone."""
    words = mention.split()
    if len(words) != 1:
        return None  # "서울대 재료공학부의 한 교수": someone the article does not name
    word = words[0].removesuffix("님")
    # A compound names another office ("부의장", "명예회장", "검사장"), except the leader of
    # a unit ("-대"): "구조대장", "원정대장" for the "대장" the article titled.
    title = "대장" if word.endswith("대장") else word
    if len(title) < 2 or title not in doc.t.honorifics:
        return None
    return doc.with_role(title, where) or doc.with_role_after(title, where)


def _resolve(found: _Found, where: tuple[int, int], doc: _Doc) -> tuple[str, str] | None:
    if (
        found.kind == "description"
        and doc.t.lang == "ar"
        and "،" in found.mention
        and _AR_UNNAMED_WISH.search(found.mention)
    ):
        # "مسؤول في سلطة المياه، طلب عدم نشر اسمه": someone who will not be named, not
        # the body they work in
        return found.mention, found.mention
    if found.kind in ("role", "description", "name") and doc.kind_named:
        body = _kind_taken_up(found.mention, where, doc)
        if body:  # "كشركة «…»" before, "الشركة" now
            return body, found.mention
    if found.kind in ("role", "description", "name") and doc.t.kind_nouns:
        body = _kind_named_before(found.mention, where, doc)
        if body:  # "재판부는" after "서울남부지법 형사13부(…)는"
            return body, found.mention
    if (
        found.kind in ("name", "description", "role")
        and doc.t.lang in _BODY_RUN
        and not (found.kind == "name" and found.roles)  # "西村さん", "이지원 씨": a person
    ):
        short = found.name or found.mention
        full = (
            _spelled_out_before(short, where, doc)
            or _body_in_full_cjk(short, where, doc)
            or _company_quoted_before(short, where, doc)
        )
        if full:  # "同保健所" after "浜松市保健所"
            return full, found.mention
    if found.kind == "pronoun":
        p = doc.last_before(where, found.gender)
        if doc.t.lang == "zh" and found.mention.startswith(("这位", "这名")):
            # "这位创始人" (this founder): the one the article gave that office before
            p = _given_office(found.mention[2:], where, doc) or p
        if found.mention in doc.t.pronouns or (doc.t.lang == "he" and " " not in found.mention):
            # "הוא", "او", "他", and Hebrew "לדבריה" (in her words)
            opened = _opening_person(where, doc, found.gender)
            if opened and (p is None or opened != p.name):
                p = doc.add(opened, (where[0], where[1] - 1), found.gender, ())
        return (p.name, found.mention) if p is not None else None
    if doc.t.lang == "ja" and found.kind in ("name", "role", "description"):
        same = _ja_the_same(found.mention, where, doc)
        if same is not None:  # "同氏", "同相": the person just named with that title
            return same.name, found.mention
    if (
        doc.t.lang == "th"
        and found.kind == "description"
        and (
            _THAI_ABBREVIATED.fullmatch(found.mention)
            # "เทรนเนอร์วัย 52 ปี" (the 52-year-old trainer): someone just named
            or _THAI_BY_AGE.fullmatch(found.mention)
        )
    ):
        # "รมว.คลังกล่าว", "ผกก.สภ.เมืองนครปฐมกล่าว": an office written short, which
        # takes up the person named last before, in its paragraph or the one before
        last = doc.last_before(where, None)
        if (
            last is not None
            and " " in last.name
            and any(a < where and a[0] >= where[0] - 1 for a in last.at)
        ):
            return last.name, found.mention
    if doc.t.lang == "ko" and found.kind in ("role", "description"):
        held = _ko_title_held(found.mention, where, doc)
        if held is not None:  # "감독님이", "베테랑 구조대장의 말이다"
            return held.name, found.mention
    if found.kind == "role":
        p = None
        for r in found.roles:
            p = doc.with_role(r, where)
            if p is not None:
                break
        if p is None:
            p = _named_in_paragraph(found.roles, where, doc)
        if p is None and found.name:
            p = doc.fuller(found.name, where)
        if p is None and not found.name:
            p = _apposed_before(found.mention, where, doc)
        if p is None:
            p = _lead_holder(found.mention, where, doc)  # "سخنگوی قوه قضاییه" in the lead
        if p is None and found.described:
            # "قال مسؤول في وزارة الخارجية طلب عدم الكشف عن اسمه": nobody the article
            # names, described as written
            return found.described, found.described
        described = "" if p is not None else _indefinite_before(found.mention, where, doc)
        if described:  # "وقالت السيدة" after "تجلس سيدة أربعينية من أم درمان"
            return described, found.mention
        if p is None and not found.name:
            # "הכלכלנית": the person named last before it, in its paragraph or the one
            # before, whose gender does not contradict the role's, nor an office they
            # hold ("मुख्यमंत्री" is not the "विधायक" named before)
            last = doc.last_before(where, found.gender)
            if (
                last is not None
                and any(a < where and a[0] >= where[0] - 1 for a in last.at)
                and " " in last.name
                and not (last.roles and not set(last.roles) & set(found.roles))
            ):
                p = last
        if (
            p is None
            and not found.name
            and (doc.t.lang in _ARTICLE or (where[0] == 1 and doc.t.lang == "fa"))
        ):
            # "השופטת" (the judge) in the lead: the definite article points to the one
            # the article names later, as an office in the lead does ("سخنگوی وزارت
            # امور خارجه … خواند" before "صفاری‌نیا"); a bare "監督" may be anybody's
            p = next((q for r in found.roles if (q := doc.with_role_after(r, where))), None)
        return (p.name, found.mention) if p is not None else (found.mention, found.mention)
    if found.kind == "name":
        alias = _spelled_out_before(found.name, where, doc)
        if alias:  # "금통위" after "한국은행 금융통화위원회(금통위)"
            return alias, found.mention
        body = _body_named_before(found.name, where, doc) or _body_in_full_before(
            found.name, where, doc
        )
        if body:  # "נמסר מהמשרד", "मंत्रालय ने कहा": a body named in full before
            return body, found.mention
        kin = doc.t.lang == "zh" and bool(set(found.roles) & _ZH_KIN)
        # ("张阿姨" is not any 张 the article named: the one 张 named in full, below)
        p = None if kin else doc.fuller(found.name, where) or _familiar_of(found.name, where, doc)
        if p is not None and " " not in p.name and doc.t.lang in ("ar", "he", "fa", "hi"):
            given = _given_name_before(p.name, doc)
            if given:  # "שרעבי" met alone first, "הזמר אביב שרעבי" in the lead
                p.name = f"{given} {p.name}"
        toks = found.name.split()
        if p is None and doc.t.lang in ("ar", "he") and len(toks) > 1:
            # "الطراونة للجزيرة نت": a name the article gave, then whom it was said to
            for k in range(len(toks) - 1, 0, -1):
                if toks[k].startswith("ל" if doc.t.lang == "he" else "ل"):
                    short = " ".join(toks[:k])
                    p = doc.fuller(short, where)
                    # (a given name alone before a family name in ל is a whole name:
                    # "איתי לוי", not Itai said to Levi)
                    given = (
                        "" if p is not None or len(toks) == 2 else _given_name_before(short, doc)
                    )
                    if given:
                        p = doc.add(f"{given} {short}", where, found.gender, found.roles)
                    if p is not None:
                        return p.name, short
        described = "" if p is not None else _indefinite_before(found.mention, where, doc)
        if described:
            return described, found.mention

        if p is None and doc.t.lang == "zh" and len(found.name) <= 2 and found.roles:
            # "周院士" where the article wrote "中国科学院院士周海涛" once
            for text in doc.paragraphs:
                i = text.find(found.roles[0] + found.name)
                full = _zh_name_at(text, i + len(found.roles[0]), doc.t) if i >= 0 else ""
                if full:
                    p = doc.add(full, where, found.gender, found.roles)
                    break
        if p is None and doc.t.lang == "zh" and len(found.name) == 1 and found.roles:
            # "张阿姨" where the article wrote "家住沿线的张桂兰" once: the one full name
            # with that family name
            fulls = {
                full
                for text in doc.paragraphs
                for m in re.finditer(re.escape(found.name), text)
                if len(full := _zh_name_at(text, m.start(), doc.t)) == 3
                and full[1:] not in doc.t.roles  # (not "张阿姨" itself)
                # (nor one named with an office: "党支部书记张建军" is no "张阿姨"; a
                # villager is: "村民李秀英")
                and not (
                    text[max(0, m.start() - 8) : m.start()].endswith(doc.t.roles_by_length)
                    and not text[: m.start()].endswith(_ZH_LAY)
                )
            }  # (any other "张" named in full, "邻居张秀英", makes it anybody's)
            if len(fulls) == 1:
                p = doc.add(fulls.pop(), where, found.gender, found.roles)
            else:
                return found.mention, found.mention  # "张阿姨", as written
        alone = (
            doc.t.lang == "ja"
            and (p is None or p.name == found.name)
            # (by the family name and an honorific; not "文化部長", an office)
            and set(found.roles) <= {"さん", "氏", "君", "くん", "ちゃん"}
        )
        full = _ja_full_name(found.name, where, doc) if alone else ""
        if full:  # "小野寺氏" after "小野寺啓介経済産業審議官", "ブレイディ氏" after "エレン・ブレイディ次官"
            p = doc.add(full, where, found.gender, found.roles)
        if p is None and doc.t.lang == "th" and " " not in found.name and len(found.name) >= 2:
            # "ยายเพ็ญ" for "นางเพ็ญศรี อ่อนละมัย": the one person named before whose given
            # name the short one begins
            shortened = [
                q
                for q in doc.persons
                if " " in q.name
                and q.name.split()[0].startswith(found.name)
                and q.name.split()[0] != found.name
                and any(a < where for a in q.at)
            ]
            p = shortened[0] if len(shortened) == 1 else None
        if p is None and (" " not in found.name or found.name.startswith(("عبد ", "أبو "))):
            given = _given_name_before(found.name, doc)
            if given:
                p = doc.add(f"{given} {found.name}", where, found.gender, found.roles)
            family = _family_name_after(found.name, doc) if doc.t.lang in ("th", "hi") else ""
            if p is None and family:
                p = doc.add(f"{found.name} {family}", where, found.gender, found.roles)
        if p is None and not found.roles and _without_article(found.name, doc.t.lang):
            # "הוסיף הארכיאולוג": a noun with the article, read as a name, that an
            # earlier sentence put before someone's name
            p = _apposed_before(found.mention, where, doc)
        if p is None and found.described != found.mention and found.described:
            return found.described, found.described
        withheld = (
            _ko_withheld(found.name, doc) if doc.t.lang == "ko" and "씨" in found.roles else ""
        )
        if p is None and withheld:  # "최씨" after "최모(45)씨": the name as the article gave it
            return withheld, found.mention
        if p is None and doc.t.lang == "ko" and len(found.name) <= 2 and found.roles:
            # "이씨", "박 교수" whom the article names no further: as written, not the
            # bare family name
            return found.mention, found.mention
        if p is None:
            p = doc.add(found.name, where, found.gender, found.roles)
        else:
            p.roles.update(found.roles)
            p.gender = p.gender or found.gender
        return p.name, found.mention or found.name
    if found.described == _MARKED_BODY:  # "صحيفة «الغد»": the name as the marks hold it
        return found.name, found.mention
    if found.kind == "description" and found.described == _FROM_A_BODY:
        # "נמסר מהמכון": the body named in full before ("מכון ויצמן למדע"), else as written
        return _body_named_before(found.name, where, doc) or found.name, found.mention
    head = _tokens(found.mention)[:1] if found.kind == "description" else []
    if head and doc.t.lang in ("fa", "ar", "he", "hi") and head[0] in doc.t.roles:
        # "معاون استاندار تهران در پایان گفت" after "علیرضا نوری‌زاده، معاون هماهنگی امور
        # عمرانی استانداری تهران": the one the article gave that office before
        holder = doc.with_role(head[0], where)
        if holder is not None:
            return holder.name, found.mention
    familiar = _familiar_of(found.mention, where, doc) if found.kind == "description" else None
    if familiar is not None and _familiar_unambiguous(found.mention, familiar, where, doc):
        return familiar.name, found.mention  # "老李笑着说" after "退休教师李德明"
    if found.kind == "description":
        known = doc.fuller(found.name or found.mention, where)
        if known is not None:  # "大谷" of "大谷翔平選手"
            return known.name, found.mention
        holder = _lead_holder(found.mention, where, doc)
        if holder is not None:  # "مدیرکل … استان" after a lead that gave the office
            return holder.name, found.mention
        ending = _name_the_article_repeats(found.mention, doc)
        if ending:  # "कंपनी की संस्थापक और सीईओ प्रिया नायर", then "नायर के अनुसार"
            return doc.add(ending, where, found.gender, ()).name, found.mention
        if doc.t.lang == "th":
            known = _thai_holder(found.name or found.mention, where, doc)
            if known is not None:
                return known.name, found.mention
        known = _apposed_before(found.mention, where, doc)
        if known is not None:  # "הוסיף הארכיאולוג" after "הארכיאולוג ד״ר ניזאר ג'בארין"
            return known.name, found.mention
        name = found.name or found.mention
        alias = _spelled_out_before(name, where, doc)
        if alias:
            return alias, found.mention
        if doc.t.lang == "ko" and len(name) >= 3 and _HANGUL.fullmatch(name):
            # A body named in full before: "부동산원" after "한국부동산원"
            for n, text in enumerate(doc.paragraphs[: where[0]], start=1):
                m = re.search(
                    rf"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{{1,8}}{re.escape(name)}(?=\W|은|는|이|가|의|도|에|과|와|을|를)",
                    text,
                )
                if m and (n, m.start()) < where:
                    return m.group(0), found.mention
        body = _body_named_before(name, where, doc)
        if body:
            return body, found.mention
        office = _tokens(name)[:1] if doc.t.lang in ("ar", "he") else []
        named = _named_in_paragraph(tuple(office), where, doc) if office else None
        if named is not None:  # "«…»، قال مدير الدفاع المدني في محافظة إربد العقيد ماجد الزعبي"
            return named.name, found.mention
        words = name.split()
        if doc.t.lang == "hi" and words and words[-1] in doc.t.roles and "एक" not in words:
            # "24 वर्षीय पहलवान" (the 24-year-old wrestler): the one the article gave
            # that role, if anyone holds it
            held = doc.with_role(words[-1], where)
            if held is not None:
                return held.name, found.mention
        if _ends_with_role(name, doc.t):
            # An unnamed person ("央行有关负责人", "한 주민") whom a pronoun may take up
            doc.add(name, where, found.gender, ())
        return name, found.mention
    return None
