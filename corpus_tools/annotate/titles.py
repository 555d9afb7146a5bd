"""Titles and datelines: seeds carry no title, so it is the lead's first sentence.

* A leading dateline (``MINSK, Nov 27 (Reuters) -``, ``Минск, 27 ноября.``, ``BERLIN
  (dpa) –``, ``PARIS, 3 mars (AFP) -``, ``WASHINGTON —``, ``Київ, 5 березня
  /Укрінформ/.``) is returned on its own and is not the title. A dateline is a place
  (one to four capitalised words, places joined by a slash counting as one), perhaps
  with a region in brackets before a comma or capitalised after commas (``Barbate
  (Cádiz), 2 nov (EFE).-``, ``HELENA, Mont. (AP) —``), followed by at least one of: a
  date with a month name
  from any language table (optionally closed by a short "day" or "year" abbreviation:
  ``birželio 12 d.``, ``21 sierpnia 2025 r.``, ``27 ноября 2025 г.``), a news agency
  from ``data/common.json`` in brackets or slashes, with a regional service after a
  slash (``(dpa/mv)``; or after a comma, closed by a stop or a dash), a short word in
  capitals in brackets after a date, a place in capitals or before ``.-`` (an agency
  the table lacks, a region code), an agency in capitals after the date's stop and
  before a dash (``Бийск. 24 ноября. INTERFAX.RU -``), or, for a place in capitals, a
  dash. ANSA writes the agency first: ``(ANSA) - TORINO, 19 MAG -``, the place in
  capitals. Where no agency or dash follows, a dateline is not followed by a lower-case
  word (``Nuo birželio 1 d. įvažiavimas`` goes on as a sentence).
* Scripts without capitals have their presses' own datelines: Chinese dispatches
  (``新华社北京3月4日电``), Japanese and Chinese agencies' brackets (``【ワシントン共同】``),
  Korean ``(서울=연합뉴스) 김민수 기자 =``; in the Arabic script a place of one or two
  words before a dash (``القاهرة -``, ``عمّان-``), perhaps with the agency and its own
  dash after it (``تهران- ایرنا-``), or before a colon and the newspaper in guillemets
  (``القاهرة: «الشرق الأوسط»``); in Devanagari a place before a spaced colon (``जागरण
  संवाददाता, कानपुर :``); in any script without case a place before an agency in
  brackets closed by a dash or a colon (``باريس (أ ف ب) -``), or before a date and an
  agency of the table (``नई दिल्ली, 5 मार्च (भाषा)``, ``عمان 2 كانون الأول (بترا)-``).
* The first sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a capital, unless
  the dot ends an abbreviation of the language's table (``U.S.``, ``Dr.``, ``St.``,
  ``г.``, ``им.``), an initial (``А. П.``) or an ordinal before a month (``3. Oktober``);
  sentence ends inside a quotation do not count, except a quotation's own last stop
  followed by a capital (``said: "They lied." A spokesman``).
* A sentence longer than :data:`TITLE_MAX` characters is cut at a word boundary and ends
  with ``…`` (``title_source`` ``first-sentence-truncated``; otherwise
  ``first-sentence``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from corpus_tools.annotate.context import masked, sentence_starts
from corpus_tools.annotate.quotations import CLOSERS, QuotationPart, find_parts
from corpus_tools.annotate.tables import available, is_given_name, tables_for

TITLE_MAX = 160


@dataclass(frozen=True, slots=True)
class TitleResult:
    """The title, how it was chosen, and the dateline found before it (or None)."""

    title: str
    title_source: str
    dateline: str | None = None


def _alternation(entries: set[str]) -> str:
    """A regular expression for any of ``entries`` (a trailing ``*``: any word ending),
    written as a prefix tree, longest entries first.

    A flat alternation of the 600 month names of all the tables made the engine compare
    each of them in turn at every place it tried; the tree compares a letter or two.
    """
    tree: dict[str, Any] = {}
    for entry in entries:
        node = tree
        for ch in entry.removesuffix("*"):
            node = node.setdefault(ch, {})
        node["*" if entry.endswith("*") else ""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [
            re.escape(ch) + pattern(sub) for ch, sub in sorted(node.items()) if len(ch) == 1
        ]
        if "*" in node:
            branches.append(r"\w*")
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return pattern(tree)


@cache
def _agencies() -> frozenset[str]:
    return frozenset(tables_for(None).agencies)


@cache
def _month() -> str:
    """A pattern for a month name of any language's table."""
    months: set[str] = set()
    for lang in available():
        months.update(m.lower() for m in tables_for(lang).months.entries)
    return _alternation(months)


# A word of a place, taken whole (it never ends inside a word): letting the engine give
# back its letters one by one and try every month of every language after each made
# a dateline match cost a third of a millisecond per lead.
_WORD = r"[^\W\d_](?:[\w'’.-]*[\w'’.])?(?![\w'’.])"


@cache
def _dateline_pattern() -> re.Pattern[str]:
    month = _month()
    agencies = _alternation(set(tables_for(None).agencies))
    word = _WORD
    # Places joined by a slash count as one ("Jihlava/Ondřejov 15. října (ČTK) -").
    place = rf"(?P<place>{word}(?:[ /-]{word}){{0,3}})"
    # A region after the place: in brackets before a comma ("Barbate (Cádiz), 2 nov
    # (EFE).-"), or after commas, abbreviated or not ("DAYTON, Ohio —", "HELENA, Mont.
    # (AP) —", "Peniche, Leiria, 20 nov 2026 (Lusa) -", "ODESA, Ukraine, April 14").
    region = (
        rf"(?P<region>(?:[ \u00a0]*\([^()\d/]{{1,25}}\)(?=,))?"
        rf"(?:[ \u00a0]*,[ \u00a0]*{word}(?:[ \u00a0]{word}){{0,2}}){{0,2}})"
    )
    # A date may end with a short abbreviation of "day" or "year" (lt "birželio 12 d.",
    # pl "21 sierpnia 2025 r.", ru "27 ноября 2025 г."): one or two letters and a dot.
    suffix = r"(?:[ \u00a0][^\W\d_]{1,2}\.)?"
    # "5 de marzo de 2025" (es, pt, ca), "5 ta' Marzu" (mt).
    of = r"(?:(?:de|del|ta')[ \u00a0]+)?"
    # Day first, month first, year first (hu "2026. március 4."), or in figures.
    date = (
        rf"(?P<date>(?:\d{{1,2}}\.?[ \u00a0]+{of}(?:{month})\.?(?:[ \u00a0]+{of}\d{{4}}\.?)?"
        rf"|(?:{month})\.?[ \u00a0]+\d{{1,2}}(?:,?[ \u00a0]+\d{{4}})?"
        rf"|\d{{4}}\.?[ \u00a0]+(?:{month})\.?[ \u00a0]+\d{{1,2}}\.?"
        rf"|\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2,4}})?){suffix})"
    )
    # In brackets or slashes: a known agency as a whole word ("(Apple)" is not "AP"), or
    # any short word in capitals (an agency the table lacks, "(ACN)", "/ATA/", or a
    # region code, "CAMPINAS (SP) —"), which find_dateline checks is in capitals (the
    # pattern ignores case). A weekday may stand between the date and the brackets
    # ("2026. március 4., szerda (MTI)").
    agency = (
        rf"(?:(?:,[ \u00a0]*[^\W\d_]+)?[ \u00a0]*[(/](?:(?P<agency>[^()/]{{0,20}}?(?<![^\W\d_])(?:{agencies})"
        rf"(?![^\W\d_])(?:/[^\W\d_]{{1,6}})?[^()/]{{0,12}})|(?P<caps>[^\W\d_][^\W\d_-]{{1,7}}(?:-[^\W\d_]{{1,7}})?))[)/])"
    )
    # (A whole word: "UNI" is an agency, the first letters of "Universitatea" are not.)
    tail_agency = rf"(?:[ \u00a0]*(?P<agency2>{agencies})(?![^\W\d_])[ \u00a0]*[.:,]?)"
    # A known agency after a comma, closed by a stop or a dash: lv "RĪGA, 5. marts, LETA."
    comma_agency = rf"[ \u00a0]*,[ \u00a0]*(?P<agency3>{agencies})[ \u00a0]*(?:[.:]|[-–—])"
    # An agency in capitals after the date and a stop, closed by a dash: the Interfax
    # house style "Екатеринбург. 12 ноября. INTERFAX.RU -", "ВІННИЦЯ. 12 березня.
    # ІНТЕРФАКС-УКРАЇНА -" (find_dateline checks the capitals).
    stop_agency = r"(?<=\.)[ \u00a0]+(?P<agency4>[^\W\d_][\w.-]{1,24})[ \u00a0]*[-–—]"
    # A dash, or two hyphens where a typewriter's dash stood ("(Bernama) --").
    dash = r"(?:--|[-–—])"
    return re.compile(
        rf"^{place}{region}(?:[ \u00a0]*(?:[,/][ \u00a0]*)?{date})?{agency}?"
        rf"(?P<sep>{stop_agency}|{comma_agency}|[ \u00a0]*{dash}[ \u00a0]*{tail_agency}?|[ \u00a0]*[.:](?=[ \u00a0])|(?<=\.)(?=[ \u00a0])|(?<=[)/])[ \u00a0]*[.:,]?{dash}?)"
        rf"[ \u00a0]*(?=\S)",
        re.IGNORECASE,
    )


@cache
def _agency_first_pattern() -> re.Pattern[str]:
    """The ANSA house style, the agency before the place: "(ANSA) - TORINO, 19 MAG -",
    "(ANSA) - PORTOFERRAIO (LIVORNO), 22 OTT -"."""
    month = _month()
    word = _WORD
    return re.compile(
        rf"^\([ \u00a0]*(?P<agency>[^\W\d_][\w.-]{{1,20}})[ \u00a0]*\)[ \u00a0]*[-–—][ \u00a0]*"
        rf"(?P<place>{word}(?:[ /-]{word}){{0,3}})(?:[ \u00a0]*\([^()\d]{{1,25}}\))?"
        rf"(?:[ \u00a0]*,[ \u00a0]*\d{{1,2}}\.?[ \u00a0]+(?:{month})\.?(?:[ \u00a0]+\d{{4}})?)?"
        rf"[ \u00a0]*[-–—][ \u00a0]*(?=\S)",
        re.IGNORECASE,
    )


_DATELINE_MAX = 200


_SPACE_RUN = re.compile(r"[ \u00a0]{2,}")


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` with every run of spaces as its first space, and for each offset in it
    (and its end) the offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        out.append(text[pos : m.start() + 1])
        where.extend(range(pos, m.start() + 1))
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(out), where


def _shouting(place: str) -> bool:
    """True for a place written in capitals (two letters or more): "TORINO", "SAN JOSÉ"."""
    letters = [ch for ch in place if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# Datelines of presses whose scripts have no capitals to find a place by:
# - Chinese agencies' dispatches, "新华社北京3月4日电" (Xinhua, Beijing, March 4, wire),
#   followed by a space or by the reporter in brackets ("本报上海5月6日电（记者 王明）");
#   not after 据 ("according to the dispatch of"), and not a word that opens with 电
#   ("3月4日电话投诉", a phone complaint);
# - Japanese and Chinese agencies' brackets that name the agency or the place and the
#   reporter: "【ワシントン共同】", "【ワシントン＝山田太郎】", "【大公報訊】" (not a label
#   such as "【速報】");
# - Korean "(서울=연합뉴스) 김민수 기자 =" (Seoul = Yonhap, reporter Kim =), in round,
#   square or lenticular brackets, a correspondent (특파원) or several reporters too;
#   not a credit ("(사진=연합뉴스)", photo = Yonhap).
_CJK_DATELINE = re.compile(
    r"^(?:(?![据據])[\u3400-\u9fff]{2,12}?\d{1,2}月\d{1,2}日[电電讯訊]"
    r"(?:[ \u00a0\u3000]*[（(][^）()]{1,30}[）)]|(?=[ \u00a0\u3000]))"
    # "本报讯（记者 陈思远 通讯员 刘海燕）": a paper's own report, without a date
    r"|(?:本报|本刊|本台)[讯訊][ \u00a0\u3000]*[（(][^）()]{1,30}[）)]"
    r"|【[^】\s]{0,20}(?:共同|時事|＝|=|訊|讯|報道|报道)[^】\s]{0,20}】"
    r"|[(（\[【](?!사진|영상|그래픽|자료)[가-힣]{1,10}=[가-힣A-Za-z0-9]{1,15}[)）\]】]"
    r"(?:[ \u00a0]*[가-힣]{2,4}(?:[·ㆍ][가-힣]{2,4})*(?:[ \u00a0]+[가-힣]{2,4})?"
    r"[ \u00a0]*(?:기자|특파원|인턴기자)(?:[·ㆍ][가-힣]{2,4}[ \u00a0]*(?:기자|인턴기자))*[ \u00a0]*=)?)"
    r"(?=[ \u00a0\u3000]*\S)"
)
# A place of one or two words in the Arabic script (Arabic, Persian, Urdu) before a
# dash ("القاهرة - ", Petra's "عمّان-"), perhaps with the agency and a dash of its own
# after it (IRNA's "تهران- ایرنا-"): Hebrew and other presses write "topic - statement"
# there.
_ARABIC_WORD = r"[\u0600-\u06ff\u0750-\u077f]+"
_DASH_DATELINE = re.compile(
    rf"^(?P<place>{_ARABIC_WORD}(?:[ \u00a0]{_ARABIC_WORD})?)"
    r"(?:[ \u00a0]+[-–—]{1,2}|(?<=[\u0600-\u06ff\u0750-\u077f])[-–—]{1,2}"
    # WAFA's "رام الله 14-10-2026 وفا-": a date in figures, then the agency
    rf"|[ \u00a0]+\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}[ \u00a0]+{_ARABIC_WORD}[-–—]{{1,2}})"
    rf"(?:[ \u00a0]*(?P<agency>{_ARABIC_WORD})[ \u00a0]*[-–—]{{1,2}})?"
    r"(?=[ \u00a0]+\S)"
)
# A place before a colon and the newspaper in guillemets (Asharq Al-Awsat's "القاهرة:
# «الشرق الأوسط»"), and in Devanagari a place before a spaced colon after the paper's
# correspondent and a comma (Dainik Jagran's "जागरण संवाददाता, कानपुर :"); not "उन्होंने
# कहा :" (he said:).
_COLON_DATELINE = re.compile(
    rf"^{_ARABIC_WORD}(?:[ \u00a0]{_ARABIC_WORD})?[ \u00a0]*:[ \u00a0]*«(?P<paper>[^»]{{2,30}})»"
    r"(?=[ \u00a0]+\S)"
    r"|^[\u0900-\u097f]+(?:[ \u00a0][\u0900-\u097f]+){0,2},[ \u00a0]*"
    r"[\u0900-\u097f]+(?:[ \u00a0][\u0900-\u097f]+)?[ \u00a0]+:(?=[ \u00a0]+\S)"
)
# A place of one or two words in a script without case (its words with their combining
# vowel signs), then an agency in brackets closed by a dash or a colon ("باريس (أ ف ب)
# -"), or a date right after a comma and an agency in brackets closed so, or one the
# agencies table knows ("नई दिल्ली, 5 मार्च (भाषा)"): the date's digits and the agency
# show what capitals show elsewhere.
_WORD_UNCASED = r"[^\W\d_][^\s\d(),،.:;!?\"“”«»–—-]*"
# The papers that sign their own datelines so: a quotation there ("مصر: «لن نقبل»") is
# a headline's words, no dateline.
_DATELINE_PAPERS = frozenset({"الشرق الأوسط", "القدس العربي", "العربي الجديد", "الحياة"})
_AGENCY_DATELINE = re.compile(
    rf"^(?P<place>{_WORD_UNCASED}(?:[ \u00a0]{_WORD_UNCASED})?)"
    r"(?:(?:[,،]?[ \u00a0]*\d{1,2}|,[ \u00a0]*[\u0900-\u097f]+)"  # "लखनऊ, पांच दिसंबर"
    r"[ \u00a0]+[^\W\d_][^\s()]*(?:[ \u00a0]+[^\W\d_][^\s()]*)?"
    r"(?:[ \u00a0]+\d{4})?)?"
    r"[ \u00a0]*[(（](?P<agency>[^()（）]{1,20})[)）]"
    r"(?P<close>[ \u00a0]*(?:[-–—]{1,2}|:))?"
    r"(?=[ \u00a0]+\S)"
)


# WAM's "الفجيرة في 6 ديسمبر / وام /" (a place "on" a date, the agency between
# slashes), ISNA's "ایسنا/آذربایجان شرقی -" (the agency, a slash and the province, with
# a dash or a province of one word and its quarter: شرقی, رضوی), and the Thai agencies'
# "เชียงใหม่ 6 ธ.ค.-" (a place, a day, an abbreviated month and a dash).
_SLASHED_DATELINE = re.compile(
    rf"^{_ARABIC_WORD}(?:[ \u00a0]{_ARABIC_WORD})?[ \u00a0]+في[ \u00a0]+\d{{1,2}}[ \u00a0]+"
    rf"{_ARABIC_WORD}(?:[ \u00a0]+\d{{4}})?[ \u00a0]*/[ \u00a0]*(?P<agency>{_ARABIC_WORD})[ \u00a0]*/"
    rf"|^(?P<agency2>{_ARABIC_WORD})[ \u00a0]*/[ \u00a0]*{_ARABIC_WORD}"
    r"(?:(?:[ \u00a0]+(?:شرقی|غربی|شمالی|جنوبی|رضوی|مرکزی))?[ \u00a0]*[-–—](?=[ \u00a0])"
    r"|[ \u00a0]+(?:شرقی|غربی|شمالی|جنوبی|رضوی|مرکزی)(?=[ \u00a0]))"
    r"|^[\u0e00-\u0e7f]+[ \u00a0]+\d{1,2}[ \u00a0]+"
    r"(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.[ \u00a0]*[-–—]"
    r"(?=[ \u00a0]*\S)"
)


def _script_dateline(lead: str) -> str | None:
    """A dateline of a press whose script has no capitals (see :data:`_CJK_DATELINE`,
    :data:`_DASH_DATELINE`, :data:`_AGENCY_DATELINE`, :data:`_SLASHED_DATELINE`), or
    None."""
    m = _CJK_DATELINE.match(lead)
    if m is not None:
        return lead[: m.end()].rstrip()
    m = _SLASHED_DATELINE.match(lead)
    if m is not None:
        agency = m.group("agency") or m.group("agency2")
        if agency is None or agency in tables_for(None).agencies:
            return lead[: m.end()].rstrip()
    m = _AGENCY_DATELINE.match(lead)
    if (
        m is not None
        and _uncased(m.group("place")[0])
        and (m.group("close") or m.group("agency").strip() in tables_for(None).agencies)
    ):
        return lead[: m.end()].rstrip()
    m = _COLON_DATELINE.match(lead)
    if m is not None and (m.group("paper") is None or m.group("paper") in _DATELINE_PAPERS):
        return lead[: m.end()].rstrip()
    m = _DASH_DATELINE.match(lead)
    if m is not None and m.group("agency") and m.group("agency") not in tables_for(None).agencies:
        m = None  # "الأهلي - الزمالك - …": two sides of a match, no place and agency
    if m is None:
        return None
    sentence = re.split(r"[.!?؟۔]", lead[m.end() :], maxsplit=1)[0]
    if re.search(r"[ \u00a0][-–—][ \u00a0]", sentence):
        return None  # "X - … -": a dash pair around words, not a dateline's dash
    if ":" in " ".join(sentence.split()[:3]):
        return None  # "مصر - السودان:": two sides of a heading
    return lead[: m.end()].rstrip()


def _uncased(letter: str) -> bool:
    """True for a letter of a script without case, other than Hangul, kana and Han (their
    presses' datelines are :data:`_CJK_DATELINE`'s)."""
    return letter.upper() == letter.lower() and not (
        "\u3040" <= letter <= "\u9fff" or "\uac00" <= letter <= "\ud7af"
    )


# The converter asks for a lead's dateline twice: for its title, and for the speakers of
# the scripts without capitals, which leave it out of the phrases they read.
@lru_cache(maxsize=64)
def find_dateline(lead: str) -> str | None:
    """The dateline at the start of ``lead`` as written (with its separator), or None."""
    if lead[:1].isalpha() and lead[:1].upper() == lead[:1].lower():
        # (A first letter without case: no dateline the patterns below could read.)
        return _script_dateline(lead)
    if lead[:1] in "(（[【":
        found = _script_dateline(lead)
        if found is not None:
            return found
    # A dateline is short: the cut keeps runs of spaces from making the match slow.
    # Runs of spaces are matched as one (a dateline has none): several optional runs of
    # spaces in a row would otherwise make a failing match quadratic in their length.
    probe, where = _squeezed(lead[:_DATELINE_MAX])
    first = _agency_first_pattern().match(probe)
    if first is not None:
        agency, place = first.group("agency"), first.group("place")
        # The place in capitals: "(CNN) — Hurricane Milton — now a …" is no dateline.
        if (agency in _agencies() or agency.isupper()) and _shouting(place):
            return lead[: where[first.end()]].rstrip()
    m = _dateline_pattern().match(probe)
    if m is None:
        return None
    region = m.group("region")
    if any(not w.lstrip("(")[:1].isupper() for w in re.split(r"[ \u00a0,]+", region) if w):
        return None  # "Last week, on March 5 —", "NATO, EU and UN —": not a place's region
    place = m.group("place")
    letters = [ch for ch in place if ch.isalpha()]
    shouting = _shouting(place)
    if not place[:1].isupper():
        return None
    sep = m.group("sep")
    dashed = "-" in sep or "–" in sep or "—" in sep
    has_date = m.group("date") is not None
    agency4 = m.group("agency4")
    if agency4 is not None and not agency4.isupper():
        return None
    agency3 = m.group("agency3")
    if agency3 is not None and agency3 not in _agencies():
        return None  # an agency after a comma as the table writes it: "Kiew, Mina." is not MINA
    caps = m.group("caps")
    # A word in capitals in brackets is an agency or a region only after a date, a place
    # in capitals or before the Spanish ".-": "Merz (CDU) – der Kanzler" is a party.
    if caps is not None and not (
        caps.isupper() and (has_date or (shouting and len(letters) >= 3) or ("." in sep and dashed))
    ):
        return None
    has_agency = any(
        m.group(g) is not None for g in ("agency", "agency2", "agency3", "agency4", "caps")
    )
    if not (has_agency or dashed) and probe[m.end() : m.end() + 1].islower():
        return None  # the sentence goes on: "Nuo birželio 1 d. įvažiavimas …" is no dateline
    # A place of one or two words and a spaced dash before a capital, as ČTK and APA
    # write it ("Brno - Brněnská zoo …", "Graz – Der Gemeinderat …").
    place_dash = (
        re.fullmatch(r"[ \u00a0]+[-–][ \u00a0]*", sep) is not None
        and len(place.split()) <= 2
        and not any(is_given_name(w) for w in place.split())  # "Angela Merkel - Die …"
        and probe[m.end() : m.end() + 1].isupper()
    )
    if not (has_date or has_agency or (shouting and dashed) or place_dash):
        return None
    if has_date and not has_agency and not dashed and not shouting and len(place.split()) > 2:
        return None
    return lead[: where[m.end()]].rstrip()


def first_sentence(
    text: str, lang: str | None = None, parts: Sequence[QuotationPart] | None = None
) -> str:
    """``text`` up to the end of its first sentence (abbreviations, initials and sentence
    ends inside quotations do not end it). ``parts``: the quotation parts of ``text``
    (paragraph 1), when the caller has them already."""
    t = tables_for(lang)
    if parts is None:
        parts = find_parts([text], lang=lang, marks_only=True).parts
    outer = [p for p in parts if p.depth == 0 and p.paragraph == 1]
    plain = masked(text, outer)
    starts = sentence_starts(plain[:_TITLE_SCAN], t)[1:]
    # A quotation that ends its own last sentence ('… said: "They lied." A spokesman')
    # ends the sentence around it when a capital follows: a sentence end inside a
    # quotation is otherwise not one.
    starts += [
        s
        for p in outer
        if p.end.paragraph == 1
        and p.end.offset <= _TITLE_SCAN
        and _ends_a_sentence(text, p.end.offset)
        and (s := _capital_after(text, p.end.offset)) is not None
    ]
    # A sentence holds a letter or a digit: a lead opening with "…" or "—" followed by
    # a capital has not ended its first sentence there.
    end = min((s for s in starts if any(c.isalnum() for c in text[:s])), default=None)
    return text.rstrip() if end is None else text[:end].rstrip()


# How far into the lead its first sentence is looked for.
_TITLE_SCAN = 2000
# The marks that close a quotation, and those that open one, in any language.
_CLOSING_MARKS = frozenset("".join(CLOSERS.values()))
_OPENING_MARKS = frozenset(CLOSERS) | {"(", "["}


def _ends_a_sentence(text: str, end: int) -> bool:
    """True when the quotation ending at ``end`` closes with a stop before its marks."""
    i = end
    while i > 0 and text[i - 1] in _CLOSING_MARKS:
        i -= 1
    return i < end and i > 0 and text[i - 1] in ".!?…"


_SPACES = re.compile(r"[ \u00a0]+")


def _capital_after(text: str, end: int) -> int | None:
    """Where the next sentence starts after a quotation ending at ``end``: past the
    spaces, at a capital (or an opening mark before one); None if none does."""
    m = _SPACES.match(text, end)
    if m is None:
        return None
    start = m.end()
    letter = start + 1 if text[start : start + 1] in _OPENING_MARKS else start
    return start if text[letter : letter + 1].isupper() else None


def make_title(
    lead: str,
    *,
    lang: str | None = None,
    max_chars: int = TITLE_MAX,
    parts: Sequence[QuotationPart] | None = None,
) -> TitleResult:
    """The title of a document whose lead paragraph is ``lead`` (see the module docstring);
    ``parts``, the document's quotation parts, saves finding them again."""
    dateline = find_dateline(lead)
    rest = lead[len(dateline) :].lstrip() if dateline else lead
    if dateline and parts is not None:
        parts = None  # offsets moved: find them again in the rest
    sentence = first_sentence(rest, lang, parts)
    if len(sentence) <= max_chars:
        return TitleResult(sentence, "first-sentence", dateline)
    cut = sentence.rfind(" ", 0, max_chars)
    if cut < max_chars // 2:
        cut = max_chars - 1
    return TitleResult(sentence[:cut].rstrip(" ,;:—–-") + "…", "first-sentence-truncated", dateline)
