"""Speakers of speech quotations and the document's list of persons.

For each ``speech`` quotation (its parts share one speaker) the attribution nearest to
it is looked up, in this order:

1. an attribution the finder saw between its parts or after a dialogue line
   (``“A,” she said, “B.”``, ``— A, — сказал он. — B``), read up to where the
   quotation resumes, so that a name in apposition belongs to it;
2. the rest of the sentence after the quotation (``”, the minister said.``, ``», —
   заявил Игорь Семёнов.``, ``“, sagte der Minister.``), when it starts with a speech
   verb or has one within its first words -- not when it opens a new clause (``, a
   gazeta … nazwała``), and not for a partial quotation inside a reporting sentence
   (``X called the strike “…”, saying …``: that sentence's speaker);
3. the sentence before it (``X said: “``, ``X said that “``, ``according to X, “``,
   ``по словам X, «``, ``X: «``; a source marker that follows its noun phrase where
   the table says so: ``X szerint``, ``X'e göre``);
4. a speech verb after the quotation without a subject: in verb-final order the
   subject that opens the sentence (``Bakan, …, “…” yanıtını verdi``); in pro-drop
   languages the subject of the sentence before (``O técnico elogiou … . “…”,
   afirmou.``), else whoever was speaking;
5. before a colon without a speech verb, the subject of that sentence (``Maureen
   Coyle read out a statement:``); a previous paragraph that ends with a colon;
6. otherwise the quotation continues the previous speaker when it opens a paragraph
   right after that speaker's quotation; an unattributed dialogue question is the
   interviewer's (no speaker), and an unattributed dialogue answer after a question is
   the interviewee's: the person the questions address by name ("— Елена Викторовна,
   почему …?"), else the named person who spoke right before the question (nobody
   else named between), else the document's most mentioned person.

Noun phrases: a mention extends over an apposition or a short complement to the name
that closes it (``said its chair, Tom Hughes``, ``сказала голова комісії з питань ЖКГ
Олена Бондар``), past a phrase saying to whom (``ha detto al “Secolo XIX” Giulia
Parodi``), and may hold a quotation that is its subject (``gazeta „Rzeczpospolita”
nazwała``, read unmasked); an impersonal verb with a body in a place phrase gives that
phrase (``повідомили в компанії``), the body in its base form where the language has a
``body_inflections`` table (:mod:`corpus_tools.annotate.bodies`).

``mention`` is the attribution's noun phrase as written (``the head of state``,
``he``, ``Игорь Семёнов``). The ``name`` is resolved by a simple, documented salience:

* a person's name (a run of capitalised words, role words such as ``President`` cut
  off) is matched by surname against the persons named anywhere in the document
  (``Lukashenko`` -> ``Aleksandr Lukashenko``; inflected surnames match by a common
  stem). The name is the person's base form (:mod:`corpus_tools.annotate.names`): a
  nominative the article writes, best as the subject of a speech verb (``сказал Игорь
  Семёнов``), else a full form de-inflected with the language's ending tables
  (``Andrzejem Kulą`` -> ``Andrzej Kula``), else the form as written; mentions and the
  persons' lists of strings stay as written. A run right after a preposition, or a
  long run cut down to a name, is not taken for a person (``en el estadio …``,
  ``Festiwalu Polskich Filmów Fabularnych``) unless a role word comes with it;
* a pronoun -> the subject of a reporting sentence right before the quotation's
  (``A spokesman … said … . “…,” he said``); else the person last named before the
  quotation in its paragraph; else the more recent of the person last named before it
  and the previous quotation's speaker (within three paragraphs); else the document's
  most mentioned person -- always a person whose gender does not contradict the
  mention's (below);
* a role noun or a definite description (``the coach``, ``die SPD-Politikerin``,
  ``тренер``) -> the person the document introduces with that role (``coach John
  Smith``) or with a word of the same stem right before the name (``regizorului Radu
  Ionescu`` for ``regizorul``) -- of several, the one whose role words it shares most
  (``the agriculture minister``), then the one named last before it -- else the person
  named nearest before it (within two paragraphs), else the one named right after it;
* a body (ministry, company, jury, analysts), a group after a plural article (``les
  commerçants``) or an unnamed description (``a fund manager``, ``his spokesman``) ->
  the description as written.

Person ids are ``<doc>-per<N>`` in order of first quotation (``<doc>`` the document
id, prefixed with ``doc-`` when it does not start like an XML name), so they are valid
XML ids and unique across a corpus.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from corpus_tools.annotate import ranking
from corpus_tools.annotate.bodies import base_body
from corpus_tools.annotate.classify import chains
from corpus_tools.annotate.context import PartIndex, sentence_starts
from corpus_tools.annotate.names import (
    NO_INFLECTIONS,
    NameInflections,
    base_form,
    choose_form,
    sure_bases,
)
from corpus_tools.annotate.quotations import Attribution, QuotationPart, Speaker, with_fields
from corpus_tools.annotate.ranking import Candidate
from corpus_tools.annotate.tables import (
    Tables,
    WordList,
    bare,
    ends_compound,
    given_name_gender,
    is_abbreviation,
    is_given_name,
    tables_for,
    words,
    words_as_written,
)

_TOKEN = re.compile(r"[^\W_](?:[\w'’ʼ.-]*[^\W_])?\.?")
_NAME_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "do",
        "dos",
        "das",
        "du",
        "le",
        "la",
        "bin",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
        # Irish: "Seán Ó Donnabháin", "Máire Ní Bhriain" (Ní is a capitalised word),
        # "Aoife Mac Giolla Bhríde".
        "ó",
        "Ó",
    ]
)
# Particles that are a name's only inside it ("Aoife Mac Giolla Bhríde"); at its end a
# word of its own ("Bernie Mac").
_INNER_PARTICLES = frozenset(["mac", "nic", "mhic"])
# Of the particles above, those only some languages' names have (their tables'
# "name_particles"): elsewhere the word is a preposition that ends a name.
_LANGUAGE_PARTICLES = frozenset(["do"])
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|ич|ovich|evich|ovna|evna|ұлы|қызы|uly|kyzy|oğlu)$")
_XML_NAME_START = re.compile(r"[A-Za-z_]")
_XML_NAME_BAD = re.compile(r"[^\w.-]")
_INVERTED_PRONOUN = re.compile(r"-(?:t-)?(il|elle|ils|elles|on)$")


@dataclass(frozen=True, slots=True)
class Person:
    """Someone (or a body) the document quotes: id, name, and the strings used for them."""

    id: str
    name: str
    mentions: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form."""
        return {"id": self.id, "name": self.name, "mentions": list(self.mentions)}


def person_id(doc_id: str, n: int) -> str:
    """The id of the ``n``-th person of document ``doc_id``: a valid XML name."""
    base = _XML_NAME_BAD.sub("_", doc_id)
    if not _XML_NAME_START.match(base):
        base = f"doc-{base}"
    return f"{base}-per{n}"


# --- the persons named in the text ------------------------------------------------------


@dataclass(slots=True)
class _Entity:
    surname: str
    forms: list[str] = field(default_factory=list)
    positions: list[tuple[int, int]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)
    # The words in brackets after a naming: a party or a portfolio ("(VVD)", "(Klimaat)").
    tags: set[str] = field(default_factory=set)
    # Called by a given name only, as vox pops do ("Karim, 29 ans").
    given_only: bool = False
    # Named at least once where a person is expected: with a role word, or not right
    # after a preposition ("w Gdyni", "en el estadio Benito Villamarín" are places).
    # Only such entities are antecedents of pronouns and role nouns.
    person: bool = True
    # Where it is named right after a preposition ("a bakery on Division", "told by
    # Smith"): a place or an object there, which a pronoun after it does not take up.
    oblique: set[tuple[int, int]] = field(default_factory=set)

    # Named where a noun would have a word before it (an article, a number, an
    # adjective: "nur drei Liegeplätze Schiffe") every time, never opening a sentence or
    # a clause: what German capitalised nouns look like.
    noun_like: bool = True
    # Named right after a number every time ("1,2 Millionen Euro", "38.000 Euro"): a
    # unit or a currency, whatever its capital says.
    counted: bool = True

    # Forms seen as the subject of a speech verb: in the nominative where names decline.
    subjects: set[str] = field(default_factory=set)
    # The paragraphs where they are.
    spoke: set[int] = field(default_factory=set)
    # What the text says of the person's gender besides the surname's ending: a given
    # name of one gender, a feminine role word, a verb that agrees with them.
    genders: set[str] = field(default_factory=set)
    # The genders of the speech verbs of the quotations given to the person ("dodal
    # primátor"): kept apart from ``genders``, which pronouns are matched against, as
    # they are only known once quotations are attributed; they help read a declined name.
    said_as: set[str] = field(default_factory=set)
    # A feminine past-tense verb right after one of the person's namings ("Roberta
    # Metsola přijela", "Paula Badosa to prohrála"): she is no man, whatever verb a
    # quotation wrongly given to her has.
    after_feminine: bool = False
    inflections: NameInflections = NO_INFLECTIONS
    # The surnames' base forms the article attests by a form that reads one way only
    # (names.sure_bases): where the person's own forms read two ways, one of these says
    # which.
    elsewhere: frozenset[str] = frozenset()
    # (what it was worked out from: the numbers of forms and subjects and whether she is
    # a woman, he a man; the chosen form as written; its base form) when last worked out.
    cached: tuple[tuple[int, int, bool, bool], str, str] | None = None
    # (number of forms, the lower-cased first words of the forms of two words or more).
    _given: tuple[int, frozenset[str]] = (0, frozenset())
    # Named after a role noun in a case other than the nominative ("галоўнага трэнера
    # … Аляксандра Дзямідава"): the name is declined too, which may make a name that
    # reads as a woman's in the nominative a man's.
    declined_role: bool = False
    # (number of forms, the base form the names have if he is a man).
    _as_man: tuple[int, str] = (0, "")
    # (number of forms, the lower-cased first words by their first three letters, and
    # the other inner words, of the forms of two words or more, their last words left
    # out): see _inside_full_name.
    _inner: tuple[int, dict[str, tuple[str, ...]], frozenset[str]] = (0, {}, frozenset())
    # (number of positions, the paragraphs they are in): see paragraphs_named.
    _paragraphs: tuple[int, frozenset[int]] = (0, frozenset())
    # (number of positions, the positions in order): see sorted_positions.
    _sorted: tuple[int, tuple[tuple[int, int], ...]] = (0, ())

    def given(self) -> frozenset[str]:
        """The first words of the full forms, lower-cased: the person's given names."""
        if self._given[0] != len(self.forms):
            firsts = frozenset(f.split()[0].lower() for f in self.forms if " " in f)
            self._given = (len(self.forms), firsts)
        return self._given[1]

    def paragraphs_named(self) -> frozenset[int]:
        """The numbers of the paragraphs that name the entity."""
        if self._paragraphs[0] != len(self.positions):
            self._paragraphs = (len(self.positions), frozenset(p for p, _ in self.positions))
        return self._paragraphs[1]

    def sorted_positions(self) -> tuple[tuple[int, int], ...]:
        """The positions in document order, to bisect."""
        if self._sorted[0] != len(self.positions):
            self._sorted = (len(self.positions), tuple(sorted(self.positions)))
        return self._sorted[1]

    def inner_words(self) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
        """(first words by their first three letters, other words but the last) of the
        full forms, lower-cased."""
        if self._inner[0] != len(self.forms):
            firsts: dict[str, set[str]] = {}
            others: set[str] = set()
            for f in self.forms:
                if " " in f:
                    inside = f.split()[:-1]
                    if inside:
                        first = inside[0].lower()
                        firsts.setdefault(first[:3], set()).add(first)
                        others.update(w.lower() for w in inside[1:])
            heads = {h: tuple(sorted(v)) for h, v in firsts.items()}
            self._inner = (len(self.forms), heads, frozenset(others))
        return self._inner[1], self._inner[2]

    @property
    def name(self) -> str:
        """The person's name in its base form (:func:`~corpus_tools.annotate.names.choose_name`:
        a base form the article writes, best as the subject of a speech verb, else the
        most frequent full form de-inflected), without initials if possible."""
        return self._chosen()[2]

    @property
    def written(self) -> str:
        """The form the name was chosen from, as the article writes it."""
        return self._chosen()[1]

    def name_as_man(self) -> str:
        """The base form of the name read as a man's: "Аляксандр Дзямідаў" for
        "Аляксандра Дзямідава", which is as well a woman's name in the nominative."""
        if self._as_man[0] != len(self.forms):
            base = choose_form(
                self.forms, self.subjects, self.inflections, man=True, elsewhere=self.elsewhere
            )[1]
            self._as_man = (len(self.forms), base)
        return self._as_man[1]

    def _chosen(self) -> tuple[tuple[int, int, bool, bool], str, str]:
        woman = "f" in self.genders
        man = not woman and not self.after_feminine and self.said_as == {"m"}
        key = (len(self.forms), len(self.subjects), woman, man)
        if self.cached is None or self.cached[0] != key:
            form, base = choose_form(
                self.forms,
                self.subjects,
                self.inflections,
                woman=woman,
                man=man,
                elsewhere=self.elsewhere,
            )
            self.cached = (key, form, base)
        return self.cached


def _known(
    entities: list[_Entity],
    candidates: Iterable[_Entity],
    word: str,
    *,
    lone: bool = False,
    given: str = "",
    shared: Collection[str] = (),
) -> _Entity | None:
    """The entity that ``word``, the last word of a name, refers to (see
    ``_index_persons.known``); ``candidates``: those whose surname may match it but for
    an ending; ``lone``: the name is this word alone, so it may be any word of a full
    name (not "Matić" of "Ivana Matić" for "Mate Kovačevića"); ``given``: the known given
    name the name opens with, if any, which a surname matched but for an ending must
    not contradict ("Josep Martí" is not "Isabel Marí"); ``shared``: the given names
    (lower case, base form) the article gives two persons or more
    (:func:`_shared_given_names`)."""
    low = word.lower()
    candidates = list(candidates)
    for e in candidates:
        if e.surname.lower() == low:
            return e
    for e in entities:
        if len(low) >= 3 and low in e.given():
            return e
    if lone and len(low) >= 3 and low not in shared:
        # A given name in its base form where the full name is written only declined
        # ("sagði Kristín" after "Kristínar Árnadóttur"): the one whose name in its
        # base form opens with it. (Not where the article names two persons so, "Марии
        # Захаровой" and "Мария Петрова": the word alone does not say which; nor the
        # last word of a full name, another person's.)
        based = [
            e for e in entities if e.inflections and e.given() and e.name.split()[0].lower() == low
        ]
        if len(based) == 1:
            return based[0]
    for e in candidates:
        if _same_surname(e.surname, word) and not (
            given and e.given() and not any(_same_given(given, g) for g in e.given())
        ):
            return e
    if not lone or len(low) < 3:
        return None
    # A word inside one person's full name: the first of two surnames ("Sánchez" after
    # "Antonio Sánchez Ruiz"), or a given name the full form declines ("пані Оксана"
    # after "Оксани Мельник"). Only where it fits one person: two people may share it.
    inner = [e for e in entities if _inside_full_name(e, low)]
    if not inner and low not in shared:
        # A short given name declined where the ending rule above needs a longer stem
        # ("По словам Ольги" after "Ольга Смирнова", "Według Anny" after "Anna Nowak"):
        # the base forms the given-name table reads it as.
        inner = [
            e
            for e in entities
            if any(b.lower() in e.given() for b in _given_readings(word, e.inflections))
        ]
    return inner[0] if len(inner) == 1 else None


def _given_readings(word: str, names: NameInflections) -> list[str]:
    """The base forms a given-name table reads ``word`` as, other than the word itself
    ("Ольги" -> "Ольга")."""
    match = names.given.match(word)
    if match is None:
        return []
    ending, bases = match
    stem = word[: len(word) - len(ending)]
    return [stem + b for b in bases if b != ending]


def _inside_full_name(e: _Entity, low: str) -> bool:
    """True when ``low`` is a word of one of the entity's full forms but the last: its
    first word give or take an ending (:func:`_same_given`), another one as written."""
    # The words of the forms are kept per entity: each lone name looked up read every
    # form of every entity again, quadratic in a long article's names. A given name
    # _same_given() matches shares its first three letters (``low`` has three or more).
    heads, others = e.inner_words()
    return low in others or any(_same_given(low, g) for g in heads.get(low[:3], ()))


def _same_given(a: str, b: str) -> bool:
    """Given names match when equal, or when one is the other plus a one-letter ending
    (Jón, Jóns; Stal, Stali) or they differ in an ending of up to two letters on a stem
    of four letters or more (Оксана, Оксани; Hildur, Hildar): "Hasat" is not "Hasan"."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(long_) == len(short) + 1:
        return len(short) >= 3 and long_.startswith(short)
    stem = len(short) - 2
    return len(long_) == len(short) and stem >= 4 and long_[:stem] == short[:stem]


def _is_capitalised(token: str) -> bool:
    if token[:2] in ("d'", "d’", "dʼ"):
        token = token[2:]  # "d’Entremont"
    return token[:1].isupper() and any(ch.islower() for ch in token)


def _is_initial(token: str) -> bool:
    """ "J.", "Dr.", and initials written together ("J.A.", "J.R.R.")."""
    return (
        token.endswith(".")
        and token[:1].isupper()
        and (len(token) <= 3 or _INITIALS(token) is not None)
    )


_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,4}").fullmatch


def _same_surname(a: str, b: str) -> bool:
    """Surnames match when equal or when one is the other plus an inflection ending."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1]) and len(long_) - len(short) <= 3


def _function_word(word: str, t: Tables) -> bool:
    """True for words that are never part of a name (the, в, am, Monday, his ...)."""
    return word.lower().rstrip(".") in t.function_words


def _pronoun_words(low: list[str], t: Tables) -> bool:
    """True when a mention's words (lower-cased) are a personal pronoun, alone or with
    one more word ("she", "er selbst"). Where the language's pronoun is also its
    article, the article before a noun opens a noun phrase: "het bedrijf", "den
    tiltalte" are no pronoun."""
    if not low or low[0] not in t.pronouns or len(low) > 2:
        return False
    return not (len(low) == 2 and low[0] in t.determiners and not _function_word(low[1], t))


def _first_run(low: list[str], t: Tables) -> list[str]:
    """The first run of content words of ``low`` (the words before the first function
    word after one): "piena lopkopis" of "piena lopkopis no Elejas pagasta"."""
    run: list[str] = []
    for w in low:
        if _function_word(w, t):
            if run:
                break
            continue
        run.append(w)
    return run


def _ends_with_role(word: str, t: Tables) -> bool:
    """True when a word, or the last part of a hyphenated compound, is or ends with a
    role word of four letters or more ("Grünen-Fraktionschefin", "trafikchef")."""
    last = word.rsplit("-", 1)[-1]
    return any(last[i:] in t.roles for i in range(len(last) - 3))


def _genitive_complement(word: str, t: Tables) -> bool:
    """True when ``word`` (lower case) ends like a genitive complement of the language
    (``complement_endings``), with at least four letters before the ending, and is no
    given name that ends so ("Ξενοφών", "Πλάτων" beside "Οικονομικών")."""
    return any(
        word.endswith(e) and len(word) >= len(e) + 4 for e in t.complement_endings
    ) and not is_given_name(word[:1].upper() + word[1:])


def _oblique(word: str, t: Tables) -> bool:
    """True when a name's word carries a case suffix after an apostrophe or a hyphen
    that the language lists (``oblique_suffixes``: "Kemeraltı'nda", "Konya'nın",
    "AA'ya", Hungarian "MTI-nek")."""
    if not t.oblique_suffixes:
        return False
    low = word.lower().replace("’", "'")
    cut = max(low.rfind("'"), low.rfind("-"))
    # The table's entries hold their separator: Turkish "'nda", Hungarian "-nek"
    # ("Kim Jong-un" is no Turkish case).
    return cut > 0 and low[cut:] in t.oblique_suffixes


def _oblique_acronym(word: str, t: Tables) -> bool:
    """True for an acronym with a case suffix ("BNS-ile", "MTI-nek", "AA'ya"): an
    outlet or a body told or named as a place, never part of a person's name."""
    if not _oblique(word, t):
        return False
    stem = re.split(r"['’-]", word)[0]
    return len(stem) >= 2 and stem.isupper()


def _after_role_in_genitive(text: str, start: int, word: str, t: Tables) -> bool:
    """True where ``word``, one capitalised word at ``start`` right after a role noun
    in lower case, may be that role's complement rather than its holder's name: in a
    language whose nouns decline and follow the noun they complement ("мэр Томска",
    "mieszkanka Krosna"), and no known given name."""
    if not t.names or t.markers_follow or _known_given(word, t):
        return False
    return text[:start].rstrip(" \u00a0")[-1:].islower()


def _looks_genitive(word: str, t: Tables, places: frozenset[str]) -> bool:
    """True where a word after a role noun reads as its genitive complement rather than
    as a surname: an acronym, a word the article also writes after a preposition, as a
    place, in another case ("В Томске …" then "мэр Томска"), or a vowel ending and no
    surname's ending of the tables ("Lublina", "Полтави"; not "министр Козлов",
    "министр Козлова", "minister Nowak"). ``places``: see :func:`_places`."""
    low = word.lower()
    if _is_acronym(word) or any(_same_stem_form(low, p) for p in places):
        return True
    endings = (*t.names.female_surname_endings, *t.male_surname_endings.entries)
    return low[-1:] in _VOWELS and not any(low.endswith(e) for e in endings)


def _same_stem_form(a: str, b: str) -> bool:
    """True for two forms of one word that differ only in an ending of up to two
    letters, with a stem of four letters or more ("томска", "томске")."""
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return n >= 4 and n >= max(len(a), len(b)) - 2


def _possessed(description: str) -> bool:
    """True for a description whose head belongs to a name in the possessive before it
    ("Mr Doyle’s brother-in-law", "the Smiths' lawyer")."""
    ws = description.replace("’", "'").split()
    return any(w.endswith(("'s", "s'")) or "'" in w[1:-1] for w in ws[:4][:-1]) and len(ws) >= 2


def _places(paragraphs: list[str], t: Tables) -> frozenset[str]:
    """The capitalised words the text writes right after a preposition, lower-cased."""
    found: set[str] = set()
    for text in paragraphs:
        toks = _tokens(text)
        for (_, _, before), (_, _, word) in itertools.pairwise(toks):
            low = before.lower()
            # (An article may be the preposition's too: "στην Κρήτη", "im Tal".)
            if _is_capitalised(word) and low in t.stopwords:
                found.add(word.lower())
    return frozenset(found)


def _compound_role(word: str, t: Tables) -> bool:
    """True when ``word`` is a compound of eight letters or more that ends with a role
    word ("gewerkschaftssekretärin", "Verteidigungsministers")."""
    return len(word) >= 8 and ends_compound(word, t.role_stems)


def _one_name(tokens: list[str]) -> list[str]:
    """A run up to its second group of name particles, or up to a group followed by an
    acronym: "Pieter de Vries van de TU Delft", "J.A. van der Meer van de TU Delft" are a
    name and an affiliation."""
    groups = 0
    k = 0
    while k < len(tokens):
        if tokens[k] in _NAME_PARTICLES and k > 0:
            end = k
            while end < len(tokens) and tokens[end] in _NAME_PARTICLES:
                end += 1
            groups += 1
            acronym = end < len(tokens) and tokens[end].isupper() and len(tokens[end]) > 1
            if groups == 2 or acronym:
                return tokens[:k]
            k = end
        else:
            k += 1
    return tokens


def _first_after_particles(tokens: list[str], k: int) -> str:
    """The first token after the particles that start at ``tokens[k]``."""
    while k < len(tokens) and tokens[k] in _NAME_PARTICLES:
        k += 1
    return tokens[k] if k < len(tokens) else ""


# The words of a full name unless its first is a known given name (see _name_in).
_NAME_WORDS = 3


def _capitalised_complement_end(
    text: str, toks: list[tuple[int, int, str]], n: int, t: Tables
) -> int:
    """The last token of a body's name ``toks[n]`` run on through its complement where
    the language opens one with a word of its ``complement_prepositions`` and writes
    its nouns capitalised ("Gewerbeverband der Stadt Kriens"): up to three capitalised
    words, no role, newspaper or given name among them, that end the clause (a stop, a
    comma, the text's end) or run up to a word in lower case; ``n`` where none does."""
    i = n + 1
    if (
        not t.nouns_capitalised
        or i >= len(toks)
        or toks[i][2] not in t.complement_prepositions
        or _boundary(text, toks[n][1], toks[i][0])
    ):
        return n
    j = i + 1
    while (
        j < len(toks)
        and j - i <= 3
        and _is_capitalised(toks[j][2])
        and not _boundary(text, toks[j - 1][1], toks[j][0])
    ):
        low = bare(toks[j][2].lower())
        if low in t.roles or t.title_cues.find([low]) or is_given_name(toks[j][2]):
            return n
        j += 1
    if j == i + 1:
        return n
    if j < len(toks) and not _boundary(text, toks[j - 1][1], toks[j][0]):
        # Run up to a word in lower case, that word is the clause's verb: "der
        # Gewerbeverband der Stadt Luzern kritisiert", not "warf der Mieterverband der
        # Stadt Versagen vor" (a dative and an object, then a verb's particle).
        lowered = [w.lower() for _, _, w in toks]
        verb = lowered[j]
        if not toks[j][2].islower() or not (
            t.speech_verbs.match_at(lowered, j) or verb in t.auxiliaries or _finite_like(verb)
        ):
            return n
    return j - 1


def _finite_like(word: str) -> bool:
    """True for what reads as a German finite verb of the third person by its ending
    ("kritisiert", "fordert", "warnt"): four letters or more ending in "-t"; a verb's
    particle ("vor", "an", "zu") is shorter or ends otherwise."""
    return len(word) >= 4 and word.endswith("t")


def _hyphened_modifier(word: str) -> bool:
    """True for a capitalised word whose part after its last hyphen is in lower case
    and a word of its own ("Denver-based", "Oslo-listed", "Nokia-vezér"): a compound
    modifier before a name, not one of its words. (A name's own hyphen joins capitals,
    "Rolls-Royce"; a case suffix is short, "MTI-nek" stays.)"""
    head, _, tail = word.rpartition("-")
    return (
        bool(head) and head[:1].isupper() and len(tail) >= 5 and tail.isalpha() and tail.islower()
    )


def _name_in(tokens: list[str], t: Tables) -> tuple[list[str], list[str]]:
    """Split a run of capitalised tokens into (role words in front, the person's name)."""
    tokens = _one_name(tokens)
    # A name with a case suffix in front is another one: "mondta az MTI-nek Kovács Béla".
    k = next((i for i in range(len(tokens) - 1, -1, -1) if _oblique(tokens[i], t)), -1)
    if 0 <= k < len(tokens) - 1:
        tokens = tokens[k + 1 :]
    # An acronym with a case suffix after it is who was told or where: "ütles Kask
    # BNS-ile" (to BNS); a surname so marked is the person's ("Elif Karaca'nın").
    while len(tokens) >= 2 and _oblique_acronym(tokens[-1], t):
        tokens = tokens[:-1]
    # Particles before a body's noun start an affiliation, not the rest of the name:
    # "Jan Ostermann von der Universität Bremen", "Ana Ruiz de la Universidad".
    for k in range(1, len(tokens) - 1):
        if (
            tokens[k] in _NAME_PARTICLES
            and tokens[k - 1] not in _NAME_PARTICLES
            and _first_after_particles(tokens, k).lower() in t.bodies
        ):
            tokens = tokens[:k]
            break
    roles: list[str] = []
    while tokens and (
        _function_word(tokens[0], t)
        or tokens[0].lower() in t.roles
        or tokens[0].lower() in t.source_markers  # "Secondo Confcommercio"
    ):
        if tokens[0].lower() in t.roles:
            roles.append(tokens[0].lower())
        tokens = tokens[1:]
    # Cut everything up to the last role word: "Belarusian President Aleksandr Lukashenko".
    for k in range(len(tokens) - 1, -1, -1):
        word = tokens[k].lower()
        g = k - 1
        while g >= 1 and tokens[g] in _NAME_PARTICLES:
            g -= 1  # (its particles between: "Jan-Willem de Boer", "Anna van der Smit")
        if k == len(tokens) - 1 and g >= 0 and _known_given(tokens[g], t):
            continue  # a surname after a given name, whatever it means (Рыбаков, Fischer)
        if k == len(tokens) - 1 and k >= 2 and _known_given(tokens[0], t):
            # The last of a run that opens with a known given name is a second surname,
            # whatever it means ("Vicente Ferrer Pastor", "Ana López Juez").
            continue
        if (
            word.rstrip(".") in t.roles
            or (word.endswith(".") and word[:-1] in t.abbreviations)
            or (
                k < len(tokens) - 1  # a surname may contain a role: Kapitanov
                and len(word) > 7
                and any(stem in word for stem in t.role_stems)
                and word not in t.bodies  # "Staatsanwaltschaft" is no "Anwalt"
            )
            or (k < len(tokens) - 1 and "-" in word and _ends_with_role(word, t))
        ):
            roles.extend(w.lower() for w in tokens[: k + 1])
            tokens = tokens[k + 1 :]
            break
    if len(tokens) >= 2 and _hyphened_modifier(tokens[0]):
        tokens = tokens[1:]  # "Denver-based Halvorsen": where it is based, no name of it
        # (after the roles: "Vefsn-ordfører Tove Mikkelsen" is a mayor)
    # Up to three capitalised words are a full name (Recep Tayyip Erdoğan, Gabriel
    # García Márquez), two where the language's names are given name + surname
    # ("Президент Беларуси Александр Лукашенко"); of a longer run the last ones are kept.
    while tokens and tokens[0].isupper() and len(tokens[0]) > 1 and not _is_initial(tokens[0]):
        roles.append(tokens[0].lower())  # an acronym: МИД, ČR, RP
        tokens = tokens[1:]
    if t.name_case_endings:
        tokens = _through_surname(tokens, t)
    # A complement's noun before a full name: "van Mobiliteit Annelies Verhaeghe", "van
    # Financiën Jan de Vries" (the second word a known given name, the first not, the
    # third not: "Kiss Judit Anna" puts the family name first).
    if t.family_name_first:
        tokens = _through_given_names(tokens)
    elif (
        len(tokens) >= 3
        and is_given_name(tokens[1])
        and not is_given_name(tokens[0])
        and not is_given_name(tokens[2])
        and not _is_initial(tokens[0])
        and tokens[0].lower() not in _NAME_PARTICLES
    ):
        roles.append(tokens[0].lower())
        tokens = tokens[1:]
    keep = t.max_name_words
    if len(tokens) > keep and not any(
        _PATRONYMIC.search(w.lower())
        or _is_initial(w)
        or w.lower() in _NAME_PARTICLES
        or w.lower() in _INNER_PARTICLES
        for w in tokens[1:-1]
    ):
        # The window that opens with a known given name ("Бауыржан Ахметов Екібастұздан
        # Павлодарға": the places after the name), else the last words.
        start = next(
            (i for i in range(len(tokens) - keep) if is_given_name(tokens[i])),
            len(tokens) - keep,
        )
        roles.extend(w.lower() for w in tokens[:start])
        tokens = tokens[start : start + keep]
    if (
        len(tokens) > _NAME_WORDS
        and not is_given_name(tokens[0])
        and not any(w.lower() in t.bodies for w in tokens)  # a body's name, left whole
    ):
        # Four words ("Julio César Vásquez Arana") only from a given name on: "de
        # Sanidad Juan José Pedreño", "del Real Madrid Carlo Ancelotti" have a body in
        # front.
        start = next(
            (i for i in range(1, len(tokens) - 1) if is_given_name(tokens[i])),
            len(tokens) - _NAME_WORDS,
        )
        roles.extend(w.lower() for w in tokens[:start])
        tokens = tokens[start:]
    return roles, tokens


def _through_surname(tokens: list[str], t: Tables) -> list[str]:
    """A run up to the surname after its known given names where the word after that
    surname is in a case (``name_case_endings``): "Pekka Lundmark Nokiasta",
    "Laura Korhonen Ylelle" -> "Pekka Lundmark", "Laura Korhonen". Where names are given
    names + one surname, such a word says where the person is from or whom they told.
    The surname is the first word after the given names that is none ("Sanna Mirella
    Marin" stays whole); a word after it that is a given name, an acronym or ends as a
    name's base (``name_base_endings``: "Anna Kontio Lehtonen", a middle name the tables
    do not know) may still be the name's and is kept."""
    g = next((i for i, w in enumerate(tokens) if _given(w)), None)
    if g is None:
        return tokens
    s = g + 1
    while s < len(tokens) and (_given(tokens[s]) or _is_initial(tokens[s])):
        s += 1
    if s + 1 >= len(tokens) or tokens[s] in _NAME_PARTICLES or tokens[s + 1] in _NAME_PARTICLES:
        return tokens
    word = tokens[s + 1]
    low = word.lower()
    if (
        _given(word)
        or word.isupper()
        or low.endswith(t.name_base_endings)
        or not any(low.endswith(e) and len(low) >= len(e) + 2 for e in t.name_case_endings)
    ):
        return tokens
    return tokens[: s + 1]


def _given(word: str) -> bool:
    """True for a known given name, hyphenated ones too ("Anna-Maija")."""
    return is_given_name(word) or ("-" in word and all(is_given_name(p) for p in word.split("-")))


def _through_given_names(tokens: list[str]) -> list[str]:
    """A run of a language that writes names family name first, up to the given names
    after its family name: "Tóth Gábor Kiskundorozsmán" -> "Tóth Gábor" (the place
    after the name, in a case of place), "Nagy Anna Mária" kept whole. A run whose
    given name opens it ("Anna Schmidt", a foreign name in its own order) is kept."""
    first = next(
        (
            i
            for i in range(1, len(tokens))
            if is_given_name(tokens[i]) and not is_given_name(tokens[i - 1])
        ),
        None,
    )
    if first is None:
        return tokens
    end = first + 1
    while end < len(tokens) and is_given_name(tokens[end]):
        end += 1
    return tokens[:end]


# Capital letters of the alphabetic scripts below U+3000 (Latin, Greek, Cyrillic,
# Armenian, Georgian ...): Python's re has no \p{Lu}, so the class is built once.
_UPPER = "".join(ch for ch in map(chr, range(0x3000)) if ch.isupper())
_UP = "[" + re.escape(_UPPER) + "]"
# An initial ("J.", "Dr."), initials written together ("J.A.", "J.R.R."), or a word.
# A surname with an elided particle ("d’Entremont", "d'Alema") is capitalised after it.
_RUN_PART = rf"(?:{_UP}[^\W_]?\.(?:{_UP}\.)*|{_UP}[\w'’ʼ-]*|d['’ʼ]{_UP}[\w'’ʼ-]*)"
_RUN = re.compile(
    rf"(?<![\w'’ʼ.-]){_RUN_PART}"
    rf"(?:[ \u00a0]{{1,2}}(?:(?:{'|'.join(sorted(_NAME_PARTICLES))})[ \u00a0]{{1,2}})*{_RUN_PART})*"
)
_SPLIT = re.compile(r"[^ \u00a0]+")
# A lower-case particle elided onto a capitalised word: "d’Indre-et-Loire".
_ELIDED_PARTICLE = re.compile(r"d['’ʼ]")


def _runs(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """Runs of capitalised words (initials and name particles inside): (start, words)."""
    out: list[tuple[int, list[tuple[int, str]]]] = []
    for m in _RUN.finditer(text):
        tokens = [(m.start() + w.start(), w.group()) for w in _SPLIT.finditer(m.group())]
        out.append((m.start(), tokens))
    return out


def _own_particles(
    start: int, run: list[tuple[int, str]], t: Tables
) -> list[tuple[int, list[tuple[int, str]]]]:
    """A run cut where a particle of another language's names stands ("Jablonce do
    Liberce" in Czech is two places), its capitalised pieces as runs of their own."""
    out: list[tuple[int, list[tuple[int, str]]]] = []
    piece: list[tuple[int, str]] = []
    for offset, word in run:
        if word in _LANGUAGE_PARTICLES and word not in t.name_particles:
            if piece:
                out.append((piece[0][0], piece))
            piece = []
        else:
            piece.append((offset, word))
    if piece:
        out.append((piece[0][0], piece))
    return out if out else [(start, run)]


def _noun_with_complement(name: list[str], t: Tables) -> bool:
    """True where every noun is capitalised and an article inside the run follows a
    word that is no name particle, with no known given name in it: a noun and its
    genitive complement ("Teil der Fertigung", "Zahl der Verfahren"), not a name
    ("Ursula von der Leyen")."""
    return (
        t.nouns_capitalised
        and any(
            w in t.determiners and name[k - 1] not in _NAME_PARTICLES
            for k, w in enumerate(name)
            if k
        )
        and not any(_known_given(w, t) for w in name)
    )


def _no_genitive_s(word: str) -> str:
    """``word`` without the genitive "’s" or "'s" it ends with ("council’s")."""
    return word[:-2] if word.endswith(("’s", "'s")) and len(word) > 3 else word


def _names_agency(tokens: list[str], name: list[str], t: Tables) -> bool:
    """True when the run ``tokens`` (its ``name`` words) holds a news agency's name of
    two words or more ("РИА Новости", "Associated Press", "Prensa Latina") that covers
    the name's last word."""
    found = _agencies_by_word(t.agencies).get(name[-1])
    if not found:
        return False
    joined = " ".join(tokens)
    return any(agency in joined for agency in found)


@cache
def _agencies_by_word(agencies: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The agencies' names of two words or more, by each of their words."""
    out: dict[str, list[str]] = {}
    for agency in agencies:
        if " " in agency:
            for w in set(agency.split()):
                out.setdefault(w, []).append(agency)
    return {w: tuple(v) for w, v in out.items()}


def _index_persons(
    paragraphs: list[str],
    index: PartIndex,
    t: Tables,
    elsewhere: frozenset[str] = frozenset(),
    shared: frozenset[str] = frozenset(),
) -> list[_Entity]:
    """The persons named in the text outside quotations, by surname; ``elsewhere``:
    as for :class:`_Entity`; ``shared``: as for :func:`_known`."""
    entities: list[_Entity] = []
    # The entities by the first three letters of their lower-cased surname: surnames
    # that _same_surname() matches share them (equal, or one is the other but for an
    # ending, the shorter having four letters or more). Each list keeps document order.
    by_head: dict[str, list[_Entity]] = {}

    def known(surname: str, lone: bool, given: str = "") -> _Entity | None:
        """The entity a name ending with ``surname`` refers to: the one with that
        surname, else the one with that given name ("kata Rahmat" after "H. Rahmat
        Hidayat"), else the first whose surname matches it but for an ending ("Nowaka"
        for Nowak); a ``lone`` name, also a word inside one full name."""
        return _known(
            entities,
            by_head.get(surname.lower()[:3], ()),
            surname,
            lone=lone,
            given=given,
            shared=shared,
        )

    # Words the article writes in lower case somewhere: common nouns. One that opens a
    # sentence before a full name ("Arkeologen Mats Berg …" after "säger arkeologen")
    # says who the person is; it is no part of the name.
    lower: set[str] | None = set() if t.nouns_capitalised else None
    # A run's split into roles and name, by its words: an article names the same people
    # again and again (about four runs in ten repeat one of the same article).
    names_in: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for pno, text in enumerate(paragraphs, start=1):
        # The same masked paragraph as the attribution reads later: made once.
        plain, sentence_offsets = index.masked(pno, 0, paragraphs, t)
        starts = set(sentence_offsets)
        for start, run in (piece for found in _runs(plain) for piece in _own_particles(*found, t)):
            particle = _ELIDED_PARTICLE.match(run[0][1])
            if particle is not None:
                # "les éleveurs d’Indre-et-Loire": the name after the particle, in the
                # complement of the noun before it (a surname keeps its particle after a
                # given name, "Jean d’Ormesson", and a capital where it opens, "D’Alema").
                start = run[0][0] + particle.end()
                run = [(start, run[0][1][particle.end() :]), *run[1:]]
            tokens = [tok for _, tok in run]
            while tokens and tokens[-1].lower() in _NAME_PARTICLES:
                tokens.pop()
            split = names_in.get(tuple(tokens))
            if split is None:
                found_roles, found_name = _name_in(tokens, t)
                split = (tuple(found_roles), tuple(found_name))
                names_in[tuple(tokens)] = split
            roles, name = list(split[0]), list(split[1])  # (roles grows below)
            opening_noun = None
            if start in starts and len(name) >= 3 and not _is_initial(name[0]):
                if lower is None:  # read once, where needed
                    lower = {w for text in paragraphs for w in _LOWER_WORD.findall(text)}
                if name[0].lower() in lower:
                    opening_noun = name[0].lower()
                    name = name[1:]
            if (
                not name
                or len(name) > 4
                or any(
                    not _is_capitalised(w) and not _is_initial(w) and w not in _NAME_PARTICLES
                    for w in name
                )
            ):
                continue
            lowered = [_no_genitive_s(w.lower()) for w in name]
            if any(w in t.bodies for w in lowered):  # Deutsche Bank, Ministry of Defence
                continue  # (and "Kirklees Council’s", the council's)
            if tokens and tokens[0].lower() in t.org_forms and tokens[0].isupper():
                # "FC Bayern", "ООО Ромашка": a club's or company's legal form opens it
                # (one that ends a name is no role: "der Brenner AG Roland Weiss").
                continue
            if _names_agency(tokens, name, t):
                continue  # "рассказал РИА Новости": a news agency, no "Новости" in person
            if _genitive_complement(lowered[0], t):
                continue  # "ministrul Transporturilor": the ministry, not its minister
            if _noun_with_complement(name, t):
                continue  # "Ein Teil der Fertigung soll …": a noun and its complement
            if _role_and_portfolio(roles, name, t) and known(name[-1], True) is None:
                continue  # "L’échevin du Commerce": no person called "du Commerce"
            # The words before the name in its own sentence: the end of the sentence
            # before ("… az egyetem mellett. Szabó Péterrel") says nothing about it.
            before = [] if start in starts else words(plain[max(0, start - 40) : start])
            table_role = any(r in t.roles for r in roles)
            possessors: list[str] = []
            if (
                len(name) == 1
                and before
                and before[-1] in t.roles
                and before[-1] not in t.bodies
                and _after_role_in_genitive(plain, start, name[0], t)
                and known(name[0], True) is None
            ):
                continue  # "мэр Томска": the role's place (see _Resolver.resolve)
            # The role noun the name is in apposition to, written before it.
            before_role: str | None = None
            if (
                before
                and before[-1] not in t.roles
                and before[-1] not in t.bodies
                and len(name) >= 2
                and _compound_role(before[-1], t)
            ):
                # A compound of a role word before a full name ("museumsdirektør Anna
                # Holm", "Kreisbrandmeister Jan Ott"): the role is the person's, and
                # "direktøren" later takes it up.
                roles.append(before[-1])
                table_role = True
            elif before and before[-1] in t.roles:
                roles.append(before[-1])
                before_role = before[-1]
                table_role = True
                if t.possessor_first:
                    # The possessors before the role say whose it is ("uzņēmuma valdes
                    # priekšsēdētāja", the company's board chair): "uzņēmuma vadītāja"
                    # later finds her by them. (Not the first word of a window that
                    # may have cut it.)
                    whole = before if start <= 40 else before[1:]
                    for w in reversed(whole[-3:-1]):
                        if _function_word(w, t) or w in t.speech_verbs or w.isdigit():
                            break
                        possessors.append(w)
            elif not table_role and (len(tokens) > len(name) or start not in starts):
                # A role noun with its complement before the name: "з дырэктарам
                # гімназіі № 1 Гомеля Святланай Мароз", "šéfdirigent Opery Národního
                # divadla Jan Petrák": the role is the person's, the words cut off the
                # run belong to the complement.
                role = _role_before(plain, start, t, cut=len(tokens) > len(name))
                if role is not None:
                    roles.append(role)
                    before_role = role
                    table_role = True
            follows_determiner = bool(before) and before[-1] in t.determiners and not roles
            if len(before) >= 2 and before[-1] in t.stopwords and before[-2] in t.bodies:
                continue  # Institute for Fiscal Studies, Ministry of Foreign Affairs
            single = len(name) == 1
            if follows_determiner:
                continue
            at = plain.find(name[0], start)  # (not a copy of the rest of the paragraph)
            offset = at if at >= 0 else start - 1
            if single and not t.nouns_capitalised and _adjective_of_body(plain, offset, t):
                continue  # "Учёные Лимнологического института": the institute's adjective
            # How surely a lone given name stands for a person (see _person_expected).
            expected = 0
            if single and not roles:
                if offset in starts and _function_word(name[0], t):
                    continue
                if known(name[0], True) is None:
                    # A person the article calls by a given name only, in a vox pop,
                    # where a person is expected: a given name is a place's or a
                    # thing's too ("visited Clare", "toured Sofia").
                    if is_given_name(name[0]) and not (before and before[-1] in t.stopwords):
                        expected = _person_expected(plain, offset, offset + len(name[0]), t)
                    if not expected:
                        continue  # a lone capitalised word: a place or a common noun
            # Capitalised words cut off a long run that are not role words: the run
            # names a festival, a trophy or a firm ("Festiwalu Polskich Filmów Fabularnych").
            cut_off = [
                w
                for n, w in enumerate(tokens)
                if w not in name
                and not (n == 0 and start in starts)  # capitalised as the sentence opens
                and w.lower() not in t.roles
                and not _function_word(w, t)
                and not w.isupper()
                and not any(stem in w.lower() for stem in t.role_stems)
            ]
            descriptor = (
                before[-1]
                if before
                and len(before[-1]) >= 4
                and before[-1] not in t.function_words
                and before[-1] not in t.speech_verbs
                and not before[-1].isdigit()
                and not table_role
                else None
            )
            surname = name[-1]
            first = name[0] if len(name) >= 2 and _known_given(name[0], t) else ""
            entity = known(surname, single, first.lower())
            after_preposition = bool(before) and before[-1] in t.stopwords
            # (A preposition, not a conjunction or a relative of the list.)
            oblique = after_preposition and not any(
                before[-1] in words_
                for words_ in (t.conjunctions, t.relatives, t.complementizers, t.determiners)
            )
            person = table_role or (not cut_off and (bool(roles) or not after_preposition))
            if (
                not person
                and len(name) >= 2
                and (
                    _known_given(name[-1] if t.family_name_first else name[0], t)
                    or _surname_gender(name[-1], t) is not None
                )
            ):
                # A known given name (declined too: "z Ewą Sadowską"; last where names
                # are written family name first, "Tóth Gábor"), or a surname whose
                # ending shows a gender: "на улице Ленинградской Наталья Сомова" is a
                # woman named after a street, and "Rætt var við Sigríði Ólafsdóttur"
                # names a woman, not a place.
                person = True
            if entity is None:
                entity = _Entity(surname, person=person, inflections=t.names, elsewhere=elsewhere)
                entities.append(entity)
                by_head.setdefault(surname.lower()[:3], []).append(entity)
            entity.person = entity.person or person
            # (Its gender is the given name's only where no surname may be meant.)
            entity.given_only = entity.given_only or expected == 2
            form = " ".join(name)
            entity.forms.append(form)
            end = run[-1][0] + len(run[-1][1])
            verb = _adjacent_speech_verb(plain, start, end, t)
            if (
                verb is not None
                and t.nouns_capitalised
                and before
                and before[-1] not in t.function_words
                and before[-1] not in t.roles
                and verb in words(plain[end : end + 40])[:3]
            ):
                # Where every noun is capitalised, nouns after a word of the clause and
                # before its verb are its object: "sechs Jahre Haft gefordert".
                verb = None
            # (Followed by its verb it is the subject of a clause the word opens: "after
            # Ferrylink said".)
            oblique = oblique and verb is None
            if verb is not None or plain[end : end + 40].lstrip(" \u00a0").startswith(":"):
                # The subject of a speech verb: "Jan Nowak powiedział", "Ivan Horvat je
                # rekao", "Petrov: «", "сказал директор завода Игорь Семёнов".
                entity.subjects.add(form)
                entity.spoke.add(pno)
            entity.positions.append((pno, offset))
            if oblique:
                entity.oblique.add((pno, offset))
            opens = start in starts or _char_before(plain, start) in ",;:(—–-"
            entity.noun_like = entity.noun_like and bool(before) and not opens
            if len(name) > 1 or all(" " not in f for f in entity.forms):
                # (The surname alone later says nothing of what the full form names:
                # "14 Millionen Eier" … "Eier".)
                entity.counted = entity.counted and _counted(plain, start, name)
            if not roles and len(name) >= 2 and entity.person:
                later = _role_after(plain, end, t)
                if later is not None:
                    roles.append(later)
            if before_role is not None and _declined_role(before_role, t):
                entity.declined_role = True
            entity.roles.update(r for r in roles if r not in _NAME_PARTICLES)
            entity.genders.update(_name_genders(name, roles, verb, t))
            entity.after_feminine = entity.after_feminine or _feminine_verb_after(plain, end, t)
            entity.descriptors.update(possessors)
            if opening_noun is not None:
                entity.descriptors.add(opening_noun)
            if descriptor is not None:
                # The word right before a name often says who the person is in this
                # article ("al regizorului Radu Ionescu", "w reżyserii Katarzyny Nowak"),
                # so that "regizorul", "reżyserka" find them.
                entity.descriptors.add(descriptor)
            bracket = _BRACKET_AFTER.match(plain, end)
            if bracket is not None:
                # A party or a portfolio in brackets after the name ("Pieter Mulder
                # (Financiën)", "Anna Berg (SPD)"): what "de wethouder van Financiën",
                # "der SPD-Politiker" tell two people of one role apart by.
                entity.tags.update(w.lower() for w in words_as_written(bracket.group(1)))
    if t.nouns_capitalised:
        # "nur drei Liegeplätze Schiffe": capitalised nouns side by side look like a
        # name; a person is named with a role ("Senatorin Miriam Lohse"), as a speaker,
        # or with a known given name. The second word alone later shows nothing: the
        # noun comes back too ("nach eigenen Angaben Stellen" … "die Stellen").
        for e in entities:
            # A known given name says person too ("Die 54 Jahre alte Sabine R.").
            given = any(len(f.split()) >= 2 and is_given_name(f.split()[0]) for f in e.forms)
            if e.noun_like and not (e.roles or e.subjects or given):
                e.person = False
    for e in entities:
        # (A role of the tables: a word cut off the run in front is no role, "20
        # Millionen Flaschen Saft".)
        if e.counted and not (e.subjects or any(r in t.roles for r in e.roles)):
            e.person = False
    # A name never written with a given name, which the article also writes after a
    # preposition in that word's forms ("Radni Gdańska" … "powierzchni Gdańska", "w
    # Gdańsku"), is a place the text names, not a person -- unless it spoke.
    for e in entities:
        if (
            e.person
            and not e.subjects
            and all(" " not in f for f in e.forms)
            and _after_preposition(e.surname, paragraphs, t)
        ):
            e.person = False
    if t.name_case_endings and t.place_endings:
        # Where names take case endings after given names (Finnish), a name never
        # written with a known given name, never a speech verb's subject nor with a
        # role, whose last word ends in a case of place after a genitive ("Kajaanin
        # Petäisenniskalla", at Petäisenniska in Kajaani), is a place, not a person
        # (not "Tenzing Padilla": a given name the tables do not know).
        for e in entities:
            low = e.surname.lower()
            if (
                e.person
                and not e.subjects
                and not e.roles
                and not any(_known_given(g, t) for g in e.given())
                and any(low.endswith(end) and len(low) >= len(end) + 3 for end in t.place_endings)
                and all(
                    len(f.split()) == 1 or f.split()[-2].endswith("n")
                    for f in e.forms
                    if f.split()[-1] == e.surname
                )
            ):
                e.person = False
    return entities


# How many sentences before a pronoun's own an unnamed person it takes up may be
# introduced in (see _Resolver.unnamed_before).
_UNNAMED_REACH = 2
# How many characters of a sentence organisation_before reads: the name that opens it,
# its complement and its verb.
_OPENING_WINDOW = 300
# The most words of a description that shows no gender which a word for a person of
# either gender ("the man", "мужчына") may take up.
_GENDERLESS_WORDS = 12

# Relatives that open a clause about something of the noun's, not the noun itself
# ("the owner of a shop whose manager asked not to be named").
_POSSESSIVE_RELATIVES = frozenset(
    [
        "whose",
        "dessen",
        "deren",
        "jehož",
        "jejíž",
        "jejichž",
        "чий",
        "чия",
        "чиє",
        "чиї",
        "чей",
        "чья",
        "чьё",
        "чьи",
        "dont",
        "cuyo",
        "cuya",
        "cuyos",
        "cuyas",
        "cujo",
        "cuja",
        "cujos",
        "cujas",
        "wiens",
        "wier",
        "vars",
        "hvis",
        "hvers",
    ]
)

# How many words after a mention the words that say it is not named may start at
# ("the owner, who asked not to be named": 2).
_ANONYMITY_REACH = 8

# A number right before a position ("1,2 Millionen", "38.000 Euro", "5 000 złotych"),
# not one that numbers a thing ("гімназії № 21 Наталія Бондар", "Nr. 3").
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_AFTER_NUMBER = re.compile(
    r"(?<![\w.,№#°])(?<![№#°.][ \u00a0])\d(?:[\d.,\u00a0\u202f ]*\d)?[ \u00a0]$"
)


# One to three words in brackets right after a name: "(Financiën)", "(SPD)".
_BRACKET_AFTER = re.compile(r"[ \u00a0]*\(([^\W\d_][\w’'-]*(?:[ \u00a0][\w’'-]+){0,2})\)")
# An age right after a given name: "Karim, 29 ans", "Lina, 19,", "Noor (15)"; not a
# date or a count ("Sydney, 14 March", "Victoria, 3 million"): the number ends the
# apposition, or a word for years follows it.
_AGE_AFTER = re.compile(
    r"(?:,[ \u00a0]*|[ \u00a0]*\()\d{1,3}(?=[,.)]|[ \u00a0](?:ans|år|års|jaar|years?|Jahre|anni|"
    r"años|anos|lat|let|éves|vuotias|лет|года|років|гадоў|години|metų|gadi|yaşında)\b)"
)


# An age written as an adjective before a name: "29-річна Оксана", "19-årige Freja".
_AGE_BEFORE = re.compile(r"\d{1,3}[-‑][^\W\d_]+[ \u00a0]+$")


def _person_expected(text: str, start: int, end: int, t: Tables) -> int:
    """How surely the word at ``text[start:end]`` stands where a person is called by a
    given name: 2 with an age after it ("Karim, 29 ans", "Noor (15)") or before it
    ("27-letni Tomáš"), in commas after a noun ("Su mujer, Amparo,", "her first name,
    Jessica,") or before a description in commas ("Martine, une retraitée …"); 1 as a
    verb of speech's subject ("peste Karim", which a surname alone is too: "said Rose
    after his round"); else 0."""
    if _AGE_AFTER.match(text, end) or _AGE_BEFORE.search(text[max(0, start - 30) : start]):
        return 2
    after = text[end : end + 40]
    if after.startswith(","):
        if text[max(0, start - 2) : start] == ", ":
            return 2
        nxt = words(after[1:])[:1]
        if nxt and nxt[0] in t.indefinites:
            return 2
    return 1 if _adjacent_speech_verb(text, start, end, t) is not None else 0


def _adjective_of_body(text: str, start: int, t: Tables) -> bool:
    """True when the one capitalised word at ``start`` is followed, in its clause, by a
    body's noun in lower case within two words: it is the body's adjective
    ("Лимнологического института", "Уральского федерального университета")."""
    # The first three tokens of the window only, and the gaps read in the window: a
    # copy of the rest of the paragraph for each capitalised word was quadratic in a long
    # paragraph, and the window is new each time (nothing to share with _tokens' cache).
    window = text[start : start + 80]
    toks = _first_tokens(window, 3)
    for i in range(1, len(toks)):
        w = toks[i][2]
        if not w.islower() or _boundary(window, toks[i - 1][1], toks[i][0]):
            return False
        if bare(w) in t.bodies:
            return True
    return False


def _counted(text: str, start: int, name: list[str]) -> bool:
    """True when the name at ``start`` follows a number that counts it ("1,2 Millionen
    Euro", "38.000 Euro"): not a year ("In 2016 Donald Trump"), and not a name with a
    known given name."""
    found = _AFTER_NUMBER.search(text, max(0, start - 30), start)
    return (
        found is not None
        and not _YEAR.fullmatch(found.group(0).strip(" \u00a0"))
        and not any(is_given_name(w) for w in name[:-1])
    )


def _after_preposition(word: str, paragraphs: list[str], t: Tables) -> bool:
    """True when some form of ``word`` (its first four letters and at most three more)
    follows a preposition of the language in the text ("w Gdańsku", "z Gdańska")."""
    stem = word[:4]
    if len(word) < 4:
        return False
    pattern = re.compile(
        rf"(?<![\w-])(\w+)[ \u00a0]+{re.escape(stem)}\w{{0,{len(word) - 1}}}(?![\w-])"
    )
    for text in paragraphs:
        if stem not in text:
            continue
        for found in pattern.finditer(text):
            before = found.group(1).lower()
            if before in t.stopwords and before not in t.determiners and before not in t.pronouns:
                return True
    return False


_LOWER_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-ZÀ-ÞА-ЯЁΑ-Ω][\w'’-]*")


def _opening_run(text: str, toks: list[tuple[int, int, str]], t: Tables) -> tuple[int, int]:
    """(first, end) token numbers of the capitalised run (acronyms and name particles
    inside it) that opens ``text`` after its articles ("The Hampshire County Council
    issued …"): empty (first == end) where a word in lower case comes first."""
    i = 0
    while i < len(toks) - 1 and toks[i][2].lower() in t.determiners:
        i += 1
    j = i
    while j < len(toks) and (
        _is_capitalised(toks[j][2])
        or _is_acronym(toks[j][2])
        or (j > i and toks[j][2] in _NAME_PARTICLES)
    ):
        if j > i and _boundary(text, toks[j - 1][1], toks[j][0]):
            break
        j += 1
    while j > i and toks[j - 1][2] in _NAME_PARTICLES:
        j -= 1
    return i, j


def _role_after(text: str, end: int, t: Tables) -> str | None:
    """The role word of an apposition or a relative clause set off by a comma right
    after a name ending at ``end`` ("Marco Bellandi, who took over as manager in May,",
    "Anna Berg, the club's chair,"): the first role word up to the clause's end, within
    eight words and before any capitalised word (a name the role may be another's)."""
    if text[end : end + 2] != ", ":
        return None
    head = text[end + 2 : end + 120]
    toks = _tokens(head)
    first = toks[0][2].lower() if toks else ""
    if not (
        first in t.determiners
        or first in t.indefinites
        or first in t.relatives
        or first in t.possessives
        or bare(first) in t.roles
    ):
        # Not "Philippe Ravet, et l’actuelle échevine …" (another person's role) nor
        # "…, jelentette be … igazgatója" (a clause of its own).
        return None
    for k, (a, _, w) in enumerate(toks[:8]):
        if k and _boundary(head, toks[k - 1][1], a):
            return None
        if _is_capitalised(w) and k:
            return None
        low = bare(w.lower())
        if _person_noun(low, t):
            return None  # "the son of a former minister": the role is his father's
        if low in t.roles and low not in t.bodies:
            return low
    return None


def _role_before(text: str, start: int, t: Tables, *, cut: bool) -> str | None:
    """The role word that heads a complement right before ``start`` in the same
    clause, if any: within six words, no function word between (not "the minister met
    with"), and either a proper noun between ("šéfdirigent Opery Národního divadla Jan
    Petrák") or words cut off the name's run (``cut``: "з дырэктарам гімназіі № 1
    Гомеля Святланай Мароз", "Міністр адукацыі А. У. Кавалёў")."""
    head = text[max(0, start - 80) : start]
    if not any(w in t.roles for w in words(head)[-7:]):
        return None
    toks = _tokens(head)
    # Back to the clause's start: punctuation, or a stop that ends no abbreviation or
    # initial ("prof. dr. ir. J.A. van der Meer" is one phrase).
    first = len(toks)
    while first > 0:
        a = toks[first - 1][1]
        b = toks[first][0] if first < len(toks) else len(head)
        word = toks[first - 1][2]
        initial = head[a:b].strip() == "." and _is_initial(word + ".")
        if _boundary(head, a, b, word.lower(), t) and not initial:
            break
        first -= 1
    found = [w for _, _, w in toks[first:]][-7:]
    for k in range(len(found) - 1, -1, -1):
        w = found[k].lower()
        if w in t.roles and w not in t.bodies:
            between = found[k + 1 :]
            if any(
                _is_capitalised(a) and _is_capitalised(b) and is_given_name(a)
                for a, b in itertools.pairwise(between)
            ):
                return None  # a person named between: the role is theirs
            given = _tokens(text[start : start + 40])[:1]
            if (
                cut
                or any(_is_capitalised(x) for x in between)
                # "ředitele sklárny Pavla Horáka", "тренера городской команды Ивана
                # Петрова": a complement of a noun and its adjective at most before a
                # name that opens with a known given name.
                or (
                    1 <= len(between) <= 2
                    and all(x.islower() for x in between)
                    and bool(given)
                    and _known_given(given[0][2], t)
                )
            ):
                return w
            return None
        if cut and k == len(found) - 1 and w in t.stopwords and w not in t.speech_verbs:
            # The preposition of the words cut off the run: "schepen van Mobiliteit
            # Annelies Verhaeghe" has its complement before the name.
            continue
        if _function_word(w, t) or w in t.stopwords or w in _NAME_PARTICLES or w in t.speech_verbs:
            return None  # "le maire de Lyon": a place, not a person
    return None


def _role_and_portfolio(roles: list[str], name: list[str], t: Tables) -> bool:
    """True for a run of capitalised words split into role words and a "name" that is
    a lower-case particle and one word: "L’échevin | du Commerce", "Ministre | de
    Justice": the role's portfolio or place, not a person's name."""
    return (
        len(name) == 2
        and name[0] in _NAME_PARTICLES
        and name[0].islower()
        and any(r in t.roles or any(x in r for x in t.role_stems) for r in roles)
    )


def _declined_role(word: str, t: Tables) -> bool:
    """True for a role word (lower case) in a case other than the nominative, of a noun
    whose stem in the table ends in a consonant: the stem plus an ending of up to three
    letters that makes no feminine ("трэнера", "директору", "trenera"; not "trener",
    "trenerka"). A short stem may be cut before a nominative's vowel ("глав*" of
    "глава"): only stems of five letters or more."""
    stem = t.roles.stem(word)
    if (
        stem is None
        or stem == word
        or len(stem) < 5
        or stem[-1:] in _VOWELS
        or not stem[-1:].isalpha()
    ):
        return False
    return len(word) - len(stem) <= 3 and not _feminine_role(word, t)


def _readings(word: str, t: Tables) -> list[str]:
    """The base forms the given-name table reads a word as, other than the word itself
    ("Marka" -> "Mark", "Marek"...)."""
    return _given_readings(word, t.names)


def _nameless(e: _Entity, t: Tables) -> bool:
    """True for a name that shows nothing of a person: written in two words or more
    every time, no known given name first, no role, no gender ("Shore Capital",
    "Wessex Vale", "Sandholme North"): a pronoun of a gender takes up a person named
    with a given name before it rather than this."""
    return (
        not e.roles
        and not e.genders
        and bool(e.forms)
        and all(" " in f for f in e.forms)
        and not any(_known_given(g, t) for g in e.given())
    )


def _known_given(word: str, t: Tables) -> bool:
    """True for a known given name, as written or declined ("Marka", "Pavla")."""
    return is_given_name(word) or any(is_given_name(r) for r in _readings(word, t))


def _shared_given_names(paragraphs: list[str], t: Tables) -> frozenset[str]:
    """The given names (lower case, in their base form) that the article writes before
    two surnames or more, as written or declined ("Мария Захарова", "Марии Петровой"):
    two persons share them."""
    if not t.names:
        return frozenset()
    surnames: dict[str, list[str]] = {}
    for text in paragraphs:
        toks = _tokens(text)
        for (_, end, g), (start, _, s) in itertools.pairwise(toks):
            if (
                _is_capitalised(g)
                and _is_capitalised(s)
                and text[end:start].isspace()
                and _known_given(g, t)
            ):
                base = base_form(f"{g} {s}", t.names).split()
                if len(base) != 2:
                    continue
                known = surnames.setdefault(base[0].lower(), [])
                if not any(_same_surname(k, base[1]) for k in known):
                    known.append(base[1])
    return frozenset(g for g, found in surnames.items() if len(found) >= 2)


def _name_genders(name: list[str], roles: list[str], verb: str | None, t: Tables) -> set[str]:
    """The genders one naming of a person shows: a given name of one gender (the words
    before the surname, else the last word, for names written family name first:
    "Szabó Péter"), a feminine role word ("Senatorin Miriam Lohse"), the speech verb
    said with the name where it agrees with it ("Tereza Holubová přiznala", "сказал
    Игорь Семёнов")."""
    found = set()

    def word_gender(word: str) -> str | None:
        # A declined form may be another gender's name: "Martina" is Martin's
        # genitive too, "Petra" Petr's; then the name tells nothing.
        own = given_name_gender(word)
        if own is not None and {given_name_gender(r) for r in _readings(word, t)} - {None, own}:
            return None
        return own

    given = [g for g in map(word_gender, name[:-1]) if g is not None]
    if not given and len(name) >= 2:
        given = [g for g in [word_gender(name[-1])] if g is not None]
    found.update(given[:1])
    if any(_feminine_role(r.lower(), t) for r in roles):
        found.add("f")
    gender = _verb_gender(verb, t) if verb is not None else None
    if gender is not None:
        found.add(gender)
    return found


def _feminine_verb_after(text: str, end: int, t: Tables) -> bool:
    """True when one of the three lower-case words after a name, in its clause, ends
    like a feminine past-tense verb of the language ("přijela", "to potvrdila")."""
    endings = t.female_verb_endings.entries
    if not endings:
        return False
    tail = text[end : end + 40]
    stop = _CLAUSE_PUNCT.search(tail)
    for w in _LOWER_WORD.findall(tail[: stop.start() if stop else len(tail)])[:3]:
        if any(w.endswith(e) and len(w) >= len(e) + 3 for e in endings):
            return True
    return False


def _ending_gender(word: str, male: WordList, female: WordList) -> str | None:
    """ "m" or "f" by the longest of the endings that ``word`` has and is longer than."""
    best: tuple[int, str | None] = (0, None)
    for gender, endings in (("f", female), ("m", male)):
        for ending in endings.entries:
            if word.endswith(ending) and len(word) > len(ending) + 1 and len(ending) > best[0]:
                best = (len(ending), gender)
    return best[1]


def _verb_gender(word: str, t: Tables) -> str | None:
    """The gender a past-tense speech verb agrees with (řekl/řekla), where the language
    shows it; None for other words and for plurals (řekli)."""
    if not (t.male_verb_endings.entries or t.female_verb_endings.entries):
        return None
    if word not in t.speech_verbs:
        return None
    return _ending_gender(word, t.male_verb_endings, t.female_verb_endings)


def _feminine_role(word: str, t: Tables) -> bool:
    """A role noun made feminine by an ending of the table, the word without it being
    a role too (Bürgermeisterin, présidente; not ministre)."""
    return any(
        word.endswith(e)
        and len(word) - len(e) >= 3
        and word[: -len(e)] in t.roles
        # "-ka" after a consonant (studentka, učitelka, журналістка); after a vowel it
        # is a masculine noun's genitive (власника, úředníka, kierownika).
        and not (e in ("ka", "ка") and word[-len(e) - 1] in _VOWELS)
        for e in t.female_role_endings.entries
    )


_VOWELS = frozenset("aeiouyáéíóúýěůąęаеиоуыэюяіїєёўä")


def _noun_gender(low: list[str], t: Tables) -> str | None:
    """The gender a description shows by its article (la/le, a/o, ο/η) or a feminine
    role word; None where it shows none (most languages' role nouns, plurals)."""
    if low and low[0] in t.female_determiners:
        return "f"
    if low and low[0] in t.male_determiners:
        return "m"
    if any(_feminine_role(w, t) for w in low):
        return "f"
    if low and (low[0] in t.indefinites or t.bare_indefinites):
        # "a woman", "eine ältere Frau", "un homme": the noun says it (within the first
        # two content words, after an adjective at most). (Not "the man" or "Manden":
        # taken for a role, a gender would send it to the nearest named man. Without
        # articles, "starsza kobieta", "мать первоклассника" is as likely someone new
        # as someone named: either way not a man named before.)
        content = [w for w in low if w not in t.function_words][:2]
        if any(w in t.female_person_nouns for w in content):
            return "f"
        if any(w in t.male_person_nouns for w in content):
            return "m"
    head = next((w for w in low if w not in t.function_words), "")
    if (
        len(head) >= 6
        and head[-2:] in ("ka", "ка")
        and head[-2:] in t.female_role_endings.entries
        and head[-3] not in _VOWELS
        and head not in t.bodies
    ):
        # A role noun the tables lack, made feminine the usual way ("реставраторка",
        # "ekolożka"): its head shows a woman.
        return "f"
    return None


# Punctuation that ends the clause a name is in.
_CLAUSE_PUNCT = re.compile(r"[.,;:!?()\[\]«»“”„\"—–]")


def _adjacent_speech_verb(text: str, start: int, end: int, t: Tables) -> str | None:
    """The speech verb of the clause of the name at ``text[start:end]``: right after it
    (auxiliaries allowed between) or among the three words before it."""
    rest = text[end : end + 40]
    if rest[:1] in (" ", "\u00a0"):
        cut = _CLAUSE_PUNCT.search(rest)
        for w in words(rest[: cut.start()] if cut else rest)[:3]:
            if w in t.speech_verbs:
                return w
            if w not in t.auxiliaries:
                break
    head = text[max(0, start - 40) : start]
    cuts = [m.end() for m in _CLAUSE_PUNCT.finditer(head)]
    before = words(head[cuts[-1] :] if cuts else head)[-3:]
    return next((w for w in reversed(before) if w in t.speech_verbs), None)


# --- attributions -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str
    paragraph: int
    offset: int
    sentence_initial: bool = False
    zero: bool = False  # a speech verb without a subject: resolved like a pronoun
    # The gender of the speech verb said with the quotation, where it shows one.
    verb_gender: str | None = None
    # An unnamed person's whole description ("an analyst at a Mumbai-based brokerage"):
    # the capitalised words in it name no speaker.
    described: bool = False
    # The subject of a clause in the mood of indirect speech (German "sei", "habe"),
    # which may report what the previous speaker said of it.
    reported: bool = False


# An article elided onto a name: "l’ARS", "dell'Inps".
_ELIDED_ARTICLE = re.compile(r"^\w{1,4}['’](?=\w)")
# Capitalised words right after a closing bracket, with particles between them: the
# rest of a body's name ("(ARS) Auvergne-Rhône-Alpes", "(ULS) do Baixo Mondego").
_TAIL_NAME = re.compile(
    r"(?:[ \u00a0]+(?:(?:de|do|da|dos|das|du|des|del|della|di|of|van|von|für|i|y|e)[ \u00a0]+)?"
    r"[A-ZÀ-ÞА-ЯЁІЇЄҐΑ-ΩŁŚŻŹĆŃŠČŽŘĎŤŇĽĹŐŰİ][\w’'-]*){1,5}"
)


def _spelled_before(text: str, i: int, acronym: str, t: Tables) -> str | None:
    """The words right before ``text[i]`` whose initials (function words passed over)
    spell ``acronym``, case aside ("Національний антарктичний науковий центр" for
    НАНЦ, "Agence régionale de santé" for ARS); None where none do."""
    toks = _tokens(text[max(0, i - 160) : i])
    want = acronym.lower()
    spelled = ""
    for k in range(len(toks) - 1, -1, -1):
        word = toks[k][2]
        if spelled and (
            _function_word(word.lower(), t)
            or word.lower() in _NAME_PARTICLES
            or (word.islower() and len(word) <= 3)  # "of", "та", "za"
        ):
            continue
        article = _ELIDED_ARTICLE.match(word)  # "l’Agence"
        skip = article.end() if article else 0
        spelled = word[skip].lower() + spelled
        if spelled == want:
            start = max(0, i - 160) + toks[k][0] + skip
            return text[start:i].rstrip(" \u00a0")
        if not want.endswith(spelled):
            return None
    return None


def _is_acronym(word: str) -> bool:
    """A word of two letters or more, all capitals: "SMHI", "МОЗ" (not "RhB")."""
    return len(word) >= 2 and word.isupper()


def _compound_of(word: str, stem: str) -> bool:
    """True when ``word`` is a compound whose last part is the noun ``stem``, in any
    case of it ("metsäyhtiö", "kliimaministeeriumi" for "ministeerium"): the stem comes
    after a first part of three letters or more and before an ending of four at most."""
    at = word.rfind(stem)
    return at >= 3 and len(word) - at - len(stem) <= 4


def _same_noun(word: str, noun: str) -> bool:
    """True when ``word`` is ``noun`` or an inflected form of it ("спикер", "спикера";
    not "ministry" for "minister" nor "statement" for "state")."""
    if word == noun:
        return True
    short, long_ = sorted((word, noun), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


def _same_stem(word: str, noun: str) -> bool:
    """True when ``word`` and ``noun`` differ only in an ending of up to three letters
    each ("federacija", "federacijos"; "agencija", "agenciji"), sharing four letters or
    more."""
    n = 0
    for a, b in zip(word, noun, strict=False):
        if a != b:
            break
        n += 1
    return n >= 4 and len(word) - n <= 3 and len(noun) - n <= 3


def _ends_alike(word: str, modifier: str) -> bool:
    """True when ``word`` ends as the ``modifier`` after it does, in two letters or more
    ("Český hydrometeorologický", "Státní zemědělský"): an adjective agreeing with the
    noun both modify, where a sentence-opening adverb ("Mezitím krajský") does not."""
    a, b = word.lower(), modifier.lower()
    return len(a) > 3 and len(b) > 3 and a[-2:] == b[-2:]


def _clause_ends(text: str, end: int) -> bool:
    """True when a word ending at ``end`` closes its clause (a comma, stop or colon)."""
    return text[end : end + 1] in (",", ".", ";", ":", "!", "?", "…")


def _char_before(text: str, a: int) -> str:
    """``text[:a].rstrip(" \u00a0")[-1:]`` without copying the prefix: the last
    character before ``text[a]`` that is no space ("" at the start)."""
    j = a - 1
    while j >= 0 and text[j] in " \u00a0":
        j -= 1
    return text[j] if j >= 0 else ""


def _follows_word_or_comma(text: str, a: int) -> bool:
    """True when the last character before ``text[a]`` that is not white space is a
    letter, a digit or a comma."""
    # Walks back over the spaces only: ``text[:a].rstrip()`` copied the whole prefix
    # for every capitalised word, quadratic in a long paragraph.
    j = a - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and (text[j].isalnum() or text[j] == ",")


# text -> its tokens: the stages tokenise the same mention, clause or paragraph again
# and again (about half the calls of a document repeat an earlier one). Emptied after
# each document (forget_tokens) and bounded in characters, within a long article too:
# at 200,000 the peak memory of a 10,000-seed validation grew by 8 MB a process, while
# 20,000 keeps all but 2 % of what 200,000 saves (the repeats are near each other).
_TOKENS_SEEN: dict[str, tuple[tuple[int, int, str], ...]] = {}
_TOKENS_MAX_CHARS = 20_000
_tokens_chars = 0


def forget_tokens() -> None:
    """Empty the token cache (the end of a document)."""
    global _tokens_chars
    _TOKENS_SEEN.clear()
    _tokens_chars = 0


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word; a sentence's final dot is not part of the word."""
    global _tokens_chars
    known = _TOKENS_SEEN.get(text)
    if known is None:
        known = tuple(_tokenise(text))
        if _tokens_chars + len(text) > _TOKENS_MAX_CHARS:
            forget_tokens()
        _TOKENS_SEEN[text] = known
        _tokens_chars += len(text)
    # A new list each time: callers own what they are given.
    return list(known)


def _first_tokens(text: str, count: int) -> list[tuple[int, int, str]]:
    """The first ``count`` tokens of ``text``, as :func:`_tokens` gives them."""
    out = []
    for m in itertools.islice(_TOKEN.finditer(text), count):
        tok = m.group()
        start, end = m.span()
        if tok[-1] == "." and not _is_initial(tok):
            out.append((start, end - 1, tok[:-1]))
        else:
            out.append((start, end, tok))
    return out


def _tokenise(text: str) -> list[tuple[int, int, str]]:
    """The tokens of ``text`` (see :func:`_tokens`)."""
    # findall() and str.find() instead of a match object per word (twice as fast): a
    # word opens with a letter or digit, and none stands between two words (it would
    # open one), so a word's first occurrence after the previous one is where it is.
    out = []
    end = 0
    find = text.find
    for tok in _TOKEN.findall(text):
        start = find(tok, end)
        end = start + len(tok)
        if tok[-1] == "." and not _is_initial(tok):
            out.append((start, end - 1, tok[:-1]))
        else:
            out.append((start, end, tok))
    return out


def _boundary(text: str, a: int, b: int, word: str = "", t: Tables | None = None) -> bool:
    """True when the text between two tokens breaks a noun phrase (punctuation). With the
    table, the stop of an abbreviation (``word``, lower-cased, the token before) does not:
    an honorific belongs to the name it precedes ("ο κ. Αλεξίου", "Dr. Roberto Lima")."""
    gap = text[a:b]
    if any(ch in ',;:()[]—–«»“”„"!?' for ch in gap):
        return True
    if ". " not in gap:
        return False
    return t is None or gap[:1] != "." or word not in t.abbreviations


def _names_nobody(word: str, t: Tables) -> bool:
    """True for a word beside a speech verb that cannot refer to whoever speaks: the
    one spoken to ("told us", "ne-a declarat"), an adverb or a verb particle ("lo
    dijo así", "mondta el"), a gerund, converb or adverb by its ending where written
    in lower case ("ha spiegato ridendo", "smejoties teica")."""
    if len(word) > 1 and word.isupper():
        return False  # an acronym: "the US said" is no "us"
    low = word.lower().replace("’", "'")
    if low in t.addressee_pronouns:
        return True
    if (
        low in t.pronouns
        or low in t.determiners
        or _person_word(bare(low), t)
        or bare(low) in t.bodies
    ):
        return False
    if low in t.adverbials:
        return True
    if not word.islower():
        return False
    ends = t.converb_endings
    return (
        bool(ends)
        and low.endswith(ends)
        and any(low.endswith(e) and len(low) >= len(e) + 3 for e in ends)
    )


def _statement_word(word: str, t: Tables) -> bool:
    """True for a lower-case noun of a statement, an interview or a post in any case
    ("közleményében", "oświadczeniu"): the document words were said in, never who said
    them."""
    return word.islower() and bool(t.speech_cues.match_at([bare(word.lower())], 0))


def _preposition(low: str, t: Tables) -> bool:
    """True for a lower-cased function word that is neither an article, a possessive,
    a pronoun nor a conjunction: a preposition or a particle ("in", "w", "em")."""
    return (
        low in t.stopwords
        and low not in t.determiners
        and low not in t.possessives
        and low not in t.pronouns
        and low not in t.conjunctions
    )


def _short_of_statement(phrase: str, t: Tables) -> str:
    """The phrase up to a prepositional phrase of a statement inside it ("the union in a
    statement" -> "the union", "Úřad v prohlášení" -> "Úřad"): the statement says where
    the words are, not who said them. "" where what is left is no speaker's noun
    phrase, of capitals, function words, roles and bodies only ("backed the plan in a
    statement")."""
    toks = _tokens(phrase)
    low = [w.lower().replace("’", "'") for _, _, w in toks]
    cues: list[str] | None = None
    for i in range(1, len(toks)):
        # A case of place does without a preposition: "Fondas pranešime spaudai".
        located = _statement_in_place(toks[i][2], t)
        if not located and (i == len(toks) - 1 or not _preposition(low[i], t)):
            continue
        if cues is None:
            cues = [bare(w) for w in low]
        # The statement's noun, after up to two words in lower case ("in a statement",
        # "v tiskové zprávě").
        c = (
            i
            if located
            else next(
                (
                    a
                    for a in range(i + 1, min(len(toks), i + 4))
                    if t.speech_cues.match_at(cues, a) and toks[a][2].islower()
                ),
                None,
            )
        )
        if c is None or any(
            not toks[a][2].islower() or _boundary(phrase, toks[a - 1][1], toks[a][0])
            for a in range(i, c + 1)
        ):
            continue
        if located:
            # A name or a role after it is who spoke, the words before it whose the
            # statement or the interview is: "kertoi Ylen haastattelussa pääministeri
            # Petteri Orpo".
            after = next(
                (
                    a
                    for a in range(c + 1, len(toks))
                    if _is_capitalised(toks[a][2])
                    or _is_acronym(toks[a][2])
                    or _person_word(bare(low[a]), t)
                ),
                None,
            )
            if after is not None:
                return phrase[toks[after][0] :]
        # (Its head is the last word where a possessor precedes its noun: "a fenntartó
        # önkormányzat közleményében".)
        before = low[:i][::-1] if t.possessor_first else low[:i]
        head = next((bare(w) for w in before if not _function_word(w, t)), "")
        if not (
            # A body's or a role's noun with its complement ("Ministerstvo životního
            # prostředí v tiskové zprávě"), or a name.
            head in t.bodies
            or _person_word(head, t)
            or all(
                _is_capitalised(w)
                or _is_acronym(w)
                or _function_word(low[a], t)
                or _person_word(bare(low[a]), t)
                or bare(low[a]) in t.bodies
                for a, (_, _, w) in enumerate(toks[:i])
            )
        ):
            return ""  # no noun phrase of a speaker: "backed the plan in a statement"
        return phrase[: toks[i - 1][1]]
    return phrase


def _statement_in_place(word: str, t: Tables) -> bool:
    """True for the noun of a statement in a case of place ("pranešime", "közleményében",
    "tiedotteessa"): where the words are, as "in a statement" says with a preposition."""
    return _statement_word(word, t) and _place_word(word, t)


def _place_word(word: str, t: Tables) -> bool:
    """True for a lower-case noun in a case of place that the language lists
    (``place_endings``: "a teremben", "az ülésen"): where words were said, not who said
    them; a role or a body so ending stays."""
    if not t.place_endings or not word.islower():
        return False
    low = word.lower()
    if low in t.pronouns or _person_word(bare(low), t) or bare(low) in t.bodies:
        return False
    return any(low.endswith(e) and len(low) >= len(e) + 3 for e in t.place_endings)


def _referring(phrase: str, t: Tables) -> str:
    """The phrase, or "" where none of its words can refer to a speaker, nor where it
    names only a statement ("in his statement", "w oświadczeniu")."""
    ws = [m.group() for m in _NAME_WORD.finditer(phrase)]  # as written: capitals count
    if ws and all(_names_nobody(w, t) for w in ws):
        return ""
    if (
        ws
        and any(_statement_word(w, t) for w in ws)
        and all(_statement_word(w, t) or _function_word(w.lower(), t) for w in ws)
        and any(_preposition(w.lower(), t) or _statement_in_place(w, t) for w in ws)
        # "in a statement by «…»": the masked name may be whose statement it is.
        and "_" not in phrase
    ):
        # "in a statement", "w oświadczeniu": where the words are, not who said them
        # (where the statement is the subject, "the statement said", it stays).
        return ""
    if (
        t.nouns_capitalised
        and ws
        and all(w.islower() and not _function_word(w, t) for w in ws)
        and any(len(w) >= 7 and w.endswith(("t", "en")) for w in ws)
    ):
        # No noun where every noun has its capital, only a verb form ("…, ausgezahlt,
        # versprach er"); a lower-case word that may name someone stays ("sagte jemand
        # aus der letzten Reihe", "sagten beide", "so die taz").
        return ""
    return phrase


# A quotation as :func:`corpus_tools.annotate.context.masked` leaves it: its marks
# around its words made underscores.
_MASKED_QUOTE = re.compile(r"[“”„‟«»‹›‘’‚'\"]_[_\s]*[“”„‟«»‹›‘’‚'\"]")


def _mention_near_verb(
    clause: str,
    t: Tables,
    *,
    verb_index: int,
    prefer_after: bool,
    verb_length: int = 1,
    fallback: bool = True,
) -> str:
    """The noun phrase a speech verb is said by: after the verb (``said John Smith``,
    ``— сказал он``) or before it (``the head of state said``); ``fallback`` tries the
    other side when the preferred one is empty. Words that name nobody are no mention
    (:func:`_names_nobody`)."""
    toks = _tokens(clause)
    low = [w.lower().replace("’", "'") for _, _, w in toks]
    v = verb_index

    def cut(i: int) -> bool:
        """A noun phrase cannot run from token ``i - 1`` on to token ``i``."""
        return _boundary(clause, toks[i - 1][1], toks[i][0], low[i - 1], t)

    # French inversion: "dit-il", and on the auxiliary of a compound tense, "avait-il lancé".
    for w in (v, v - 1):
        inv = _INVERTED_PRONOUN.search(low[w]) if 0 <= w < len(low) else None
        if inv and (w == v or low[w] in t.auxiliaries or low[w].split("-")[0] in t.auxiliaries):
            return toks[w][2][inv.start(1) :]

    # A relative clause right after a comma ("Andrea Gori, che ha annunciato …:", "the
    # mayor, who said"): the relative's antecedent speaks.
    r = v - 1
    while r > 0 and low[r] in t.auxiliaries:
        r -= 1
    # "la naviera, que en un comunicado destacó": a phrase between the relative and
    # its verb.
    for q in range(r - 1, max(0, r - 5), -1):
        if (
            low[q] in t.relatives
            and q + 1 <= r
            and low[q + 1] in t.stopwords
            and low[q + 1] not in t.determiners
            and not any(_boundary(clause, toks[i - 1][1], toks[i][0]) for i in range(q + 1, v))
        ):
            r = q
            break
    if (
        r >= 1
        and low[r] in t.relatives
        and clause[toks[r - 1][1] : toks[r][0]].strip() == ","
        and not t.speech_verbs.find(low[v + verb_length :])  # "who asked not to be named, said"
    ):
        return _referring(_antecedent(clause, toks, low, r, t), t)

    def after() -> str:
        k = v + verb_length
        if 0 < k < len(toks) and any(ch in ".!?" for ch in clause[toks[k - 1][1] : toks[k][0]]):
            return ""  # the verb ends its sentence: "– … – ocenił. Dopytywany o …"
        for i in range(v + 1, min(k, len(low))):
            # A verb entry that holds its subject ("zei hij", "sanoo hän", "kata dia"):
            # that pronoun, where it is a person's (not "hieß es", "lyder det").
            gendered = t.male_pronouns.entries or t.female_pronouns.entries
            if low[i] in t.pronouns and (
                low[i] in t.male_pronouns or low[i] in t.female_pronouns or not gendered
            ):
                return toks[i][2]
        if verb_length > 1 and low[k - 1] in t.stopwords and low[k - 1] not in t.determiners:
            # A verb phrase that ends with its preposition ("disse à"): the addressee
            # comes next, then the speaker.
            named = _name_after_addressee(clause, toks, low, k - 1, t)
            if named:
                return named
        while k < len(toks) and (
            low[k] in t.speech_verbs
            or low[k] in t.auxiliaries
            # a clitic on the verb: "navodi se u priopćenju", "rekao mu je"
            or (
                low[k] in t.object_pronouns
                and low[k] not in t.determiners
                and not cut(k)
                # (Followed by more of its clause: "selon lui, « … »" is the speaker.)
                and k + 1 < len(toks)
                and not cut(k + 1)
            )
        ):
            k += 1  # rekao je Plenković, a déclaré le ministre

        def place(i: int) -> bool:
            """A word of place that the person's phrase does not go on from: before an
            article or a name ("mondta a folyosón egy férfi"), not before a participle
            or an adjective of the description ("a tüntetésen részt vevő diák")."""
            return _place_word(toks[i][2], t) and (
                i + 1 >= len(toks)
                or cut(i + 1)
                or low[i + 1] in t.determiners
                or low[i + 1] in t.indefinites
                or _is_capitalised(toks[i + 1][2])
            )

        while 0 < k < len(toks) and not cut(k):
            # Past the one spoken to and the adverbs: "сказав нам …", "mondta az
            # MTI-nek a polgármester", "ha detto ieri il sindaco"; where the clause
            # ends there, the verb has no subject here ("ha spiegato ridendo."), nor
            # after a comma ("ha detto, ricordando la frana").
            if (
                low[k] in t.determiners
                and k + 1 < len(toks)
                and (_oblique(toks[k + 1][2], t) or place(k + 1))
            ):
                k += 2  # "mondta a teremben az elnök": where, then who
            elif (
                _oblique(toks[k][2], t)
                or place(k)
                or (toks[k][2].islower() and _names_nobody(toks[k][2], t))
            ):
                k += 1
            elif (
                _statement_word(toks[k][2], t)
                and k + 1 < len(toks)
                and not cut(k + 1)
                and (low[k + 1] in t.determiners or _is_capitalised(toks[k + 1][2]))
            ):
                # The statement the words are in, then who wrote it ("írta
                # nyilatkozatában a klub"); not its own complement ("v prohlášení
                # svazu"), nor a statement alone, which speaks for whoever issued it.
                k += 1
            else:
                break
            if k == len(toks) or cut(k):
                return ""
        if (
            k + 1 < len(toks)
            and toks[k][2] in t.agencies
            and not cut(k + 1)
            and low[k + 1] not in t.stopwords
            and any(
                _is_capitalised(toks[i][2]) or bare(low[i]) in t.roles or low[i] in t.indefinites
                for i in range(k + 1, min(len(toks), k + 5))
                if not any(cut(j) for j in range(k + 1, i + 1))
            )
        ):
            # "powiedział PAP Tomasz Wieczorek", "řekl ČTK policejní mluvčí": the agency
            # is who was told, a speaker follows; not "uvedla ČTK odkazem na policii".
            k += 1
        source = _statement_source(clause, toks, low, k, t)
        if source:
            return source
        if (
            k + 2 < len(toks)
            and low[k] in t.stopwords
            and (
                low[k + 1] in t.determiners
                or low[k + 1] in t.possessives
                # "estimait mercredi une commerçante du centre-ville"
                or low[k + 1] in t.indefinites
            )
            and bare(low[k + 2]) in t.roles
            and not _boundary(clause, toks[k][1], toks[k + 1][0])
        ):
            k += 1  # "a déclaré mardi son directeur général": a time word before the subject
        j = k
        while j < len(toks):
            if j > k and cut(j):
                break
            if j > k and (
                low[j] in t.stopwords
                or low[j] in t.complementizers
                or low[j] in t.auxiliaries
                or low[j] in t.speech_verbs
                # An acronym with a case suffix is who was told or where: "ütles
                # Kask BNS-ile" (to BNS).
                or _oblique_acronym(toks[j][2], t)
            ):
                break
            if (
                j == k
                and low[j] not in t.determiners
                and not _is_capitalised(toks[j][2])  # "zei Van Dijk", "dijo De la Fuente"
                and (
                    low[j] in t.stopwords
                    or low[j] in t.complementizers
                    # A preposition elided before its noun: "ha detto all'uscita".
                    or (low[j].find("'") >= 3 and low[j][: low[j].find("'")] in t.stopwords)
                )
            ):
                named = _name_after_addressee(clause, toks, low, j, t)
                if named:
                    return named
                if j + 1 < len(toks) and bare(low[j + 1]) in t.bodies:
                    # An impersonal verb and a body in a place phrase: "повідомили в
                    # компанії", "пояснили в департаменте транспорта".
                    e = j + 2
                    while e < len(toks) and e - j < 4 and low[e] not in t.stopwords:
                        if cut(e):
                            break
                        e += 1
                    return clause[toks[j][0] : toks[e - 1][1]]
                return ""
            j += 1
            if j - k >= 8:
                break
        while j > k and (low[j - 1] in t.auxiliaries or low[j - 1] in _NAME_PARTICLES):
            j -= 1
        if (
            j > k
            and low[k] in t.pronouns
            # (Not an article that is a pronoun too, before its noun: "zegt het bedrijf".)
            and not (low[k] in t.determiners and j > k + 1 and not _function_word(low[k + 1], t))
        ):
            return toks[k][2]  # "voegt ze eraan toe": the pronoun, not its particles
        if j > k:
            j = _extend_to_name(clause, toks, low, k, j, t)
        return clause[toks[k][0] : toks[j - 1][1]] if j > k else ""

    def before() -> str:
        j = v
        while j > 0 and (
            low[j - 1] in t.auxiliaries
            or bare(low[j - 1]) in t.auxiliaries
            or low[j - 1] in t.negations  # "X вину не признал"
            # Where the object comes before the verb, an object pronoun there is no
            # part of its subject: "a művésznő azt mondta". (Elsewhere it may end a
            # relative clause: "The club that signed him said".)
            or (t.markers_follow and low[j - 1] in t.object_pronouns and j - 1 > 0)
            # An adverb or a converb before the verb ("smejoties teica kapteinis",
            # "і мімаходзь піша"): no part of its subject.
            or _names_nobody(toks[j - 1][2], t)
        ):
            j -= 1
        if j > 1 and low[j - 1] in t.conjunctions and not cut(j):
            # A second verb of the same subject ("L'Autorità … ha fatto sapere che … e ha
            # parlato di «…»", "El INS señaló que … y calificó", "… vērtē atzinīgi, taču
            # norāda"): the first verb's subject.
            first = [s for s, _ in t.speech_verbs.find(low[: j - 1])]
            if first:
                return _mention_near_verb(
                    clause, t, verb_index=first[0], prefer_after=False, fallback=False
                )
            if any(w in t.auxiliaries for w in low[: j - 1]):
                # An auxiliary before the conjunction: a first verb that is no verb of
                # speech ("… a « pris acte » de la décision et rappelé que"), whose
                # subject is the sentence's, which the caller finds; the words before
                # "et" are that verb's object, not a subject.
                return ""
            c = j - 2
            while c > 0 and not cut(c):
                c -= 1
            if c < j - 2 and low[c] in t.pronouns and low[c] not in t.object_pronouns:
                # The pronoun that opens the clause of the first verb, which is no verb
                # of speech: "she stood still for a minute, and then said".
                return toks[c][2]
        if (
            j > 0
            and low[j - 1] in t.pronouns
            and low[j - 1] not in t.object_pronouns  # "The club that signed him said"
            and not cut(j)
        ):
            return toks[j - 1][2]  # "what he called “…”": the pronoun is the subject
        if j > 1 and clause[toks[j - 1][1] : toks[j][0]].strip() == ")":
            # "De Vereniging van Nederlandse Gemeenten (VNG) spreekt van": skip the acronym.
            p = j - 1
            while p > 0 and "(" not in clause[toks[p - 1][1] : toks[p][0]] and j - p < 4:
                p -= 1
            if p > 0 and "(" in clause[toks[p - 1][1] : toks[p][0]]:
                j = p
        # (After the brackets the phrase ends with the word before them, which a cut
        # from the bracket must not leave out.)
        k = j - 1 if j < v and j > 0 and "(" in clause[toks[j - 1][1] : toks[j][0]] else j
        # Eight words, or twelve where a relative clause describes the speaker ("An
        # underwriter in London who asked not to be named said").
        reach = 12 if any(w in t.relatives for w in low[max(0, j - 8) : j]) else 8
        rel_far = [i for i in range(max(1, j - 16), j - 8) if low[i] in t.relatives]
        opener = (
            next(
                (
                    i
                    for i in range(max(0, rel_far[0] - 3), rel_far[0])
                    if low[i] in t.indefinites and (i == 0 or cut(i))
                ),
                None,
            )
            if rel_far
            else None
        )
        if opener is not None:
            # A long relative clause after an indefinite that opens the clause ("One
            # nurse who travels from Huddersfield to night shifts at Manchester Royal
            # Infirmary said"): back to the indefinite.
            reach = j - opener
        while k > 0 and not cut(k) and j - k < reach:
            k -= 1
        if k == j and j > 0 and clause[toks[j - 1][1] : toks[j][0]].strip() == ",":
            # An apposition: "El líder de la oposición, Alberto Núñez Feijóo, calificó"
            # (longer with a relative clause: "one of three councillors who voted
            # against it").
            k = j - 1
            wide = 11 if any(w in t.relatives for w in low[max(0, j - 10) : j]) else 7
            while k > 0 and not cut(k) and j - k < wide:
                k -= 1
            while (
                k > 0
                and j - k < wide
                and _MASKED_QUOTE.fullmatch(clause[toks[k - 1][1] : toks[k][0]].strip())
            ):
                # A title or a name in marks inside the apposition ("Whitfield,
                # speaking on NBC’s “Today” show, called"): the phrase goes on past it.
                k -= 1
                while k > 0 and not cut(k) and j - k < wide:
                    k -= 1
            pure_name = all(
                _is_capitalised(toks[i][2]) or low[i] in _NAME_PARTICLES for i in range(k, j)
            )
            if (
                not pure_name
                and k == 0
                and low[0] in t.pronouns
                and low[0] not in t.object_pronouns
            ):
                return toks[0][2]  # "He applied the Probation Act, describing … as “…”"
            if not pure_name and k == 0 and not _function_word(low[0], t):
                # The subject of the clause the participle hangs on ("Reeves on
                # Wednesday defended her budget plans, saying"): its leading name.
                e = 0
                while e < j and (_is_capitalised(toks[e][2]) or low[e] in _NAME_PARTICLES):
                    e += 1
                if 0 < e < j and (low[e] in t.stopwords or not _is_capitalised(toks[e][2])):
                    return clause[toks[0][0] : toks[e - 1][1]]
            if not pure_name and k > 0 and clause[toks[k - 1][1] : toks[k][0]].strip() == ",":
                # A full name right before the description in commas ("La dott.ssa
                # Chiara Ventura, geologa del Politecnico, ha ricordato"): the name.
                e = k
                b = e
                while b > 0 and (
                    _is_capitalised(toks[b - 1][2])
                    or _is_initial(toks[b - 1][2] + ".")
                    or low[b - 1] in _NAME_PARTICLES
                ):
                    b -= 1
                    if b > 0 and cut(b):
                        break
                named = sum(_is_capitalised(toks[i][2]) for i in range(b, e))
                if named < 2:
                    # "Le jury, présidé par l'acteur X, a salué": the subject before the
                    # participle clause, when it is short and starts the clause.
                    b = e - 1
                    while b > 0 and not cut(b) and e - b < 4:
                        b -= 1
                if named >= 2 or (e - b <= 3 and (b == 0 or cut(b))):
                    k, j = b, e
        rel = next(
            (
                i
                for i in range(j - 1, max(0, j - 13), -1)
                if low[i] in t.relatives and "," in clause[toks[i - 1][1] : toks[i][0]]
            ),
            None,
        )
        if (
            rel is not None
            and rel < j
            and "," in clause[toks[v - 1][1] : toks[v][0]]
            and not any("," in clause[toks[i - 1][1] : toks[i][0]] for i in range(rel + 1, j))
        ):
            k = rel
            # A relative clause in commas before the verb ("En ambulanssjuksköterska i
            # Sveg, som inte vill framträda med namn, säger"): its antecedent speaks,
            # without what follows it in brackets ("Marcelo Antunes (Novo), que").
            j = k
            if clause[toks[j - 1][1] : toks[j][0]].strip(" \u00a0").startswith(")"):
                p = j - 1
                while p > 0 and "(" not in clause[toks[p - 1][1] : toks[p][0]] and j - p < 4:
                    p -= 1
                if p > 0 and "(" in clause[toks[p - 1][1] : toks[p][0]]:
                    j = p
            k = j - 1
            while k > 0 and not cut(k) and j - k < 8:
                k -= 1
        if k == j and j > 0:
            gap = clause[toks[j - 1][1] : toks[j][0]].strip(" \u00a0")
            if len(gap) >= 3 and gap[0] in _OPENING and gap[-1] in _CLOSING:
                if (
                    v + 1 < len(low)
                    and low[v + 1] in t.pronouns
                    and low[v + 1] not in t.object_pronouns
                    and not cut(v + 1)
                ):
                    # A pronoun after the verb is the subject, the quotation its object:
                    # "Der „Allgemeinen Zeitung“ sagte sie".
                    return toks[v + 1][2]
                # A quotation is the subject: "gazeta „Rzeczpospolita” nazwała", "Η
                # εφημερίδα «Καθημερινή» χαρακτήρισε" (the caller reads it unmasked).
                k = j - 1
                while k > 0 and not cut(k) and j - k < 3:
                    k -= 1
                return clause[toks[k][0] : clause.index(gap, toks[j - 1][1]) + len(gap)]
        subject = _quoted_subject(clause, toks, low, k, j, t)
        if subject:
            return subject
        if (
            k < j
            and low[k] in t.stopwords
            and low[k] not in t.determiners
            and low[k] not in t.pronouns
            and low[k] not in t.complementizers
            and low[k] not in t.source_markers
            and (k == 0 or clause[toks[k - 1][1] : toks[k][0]].strip(" \u00a0")[-1:] in ".!?")
            and "," not in clause[toks[k][0] : toks[v][0]]  # not ", calling the plan “…”"
        ):
            # A phrase fronted before the verb, the subject after it: "I ett
            # pressmeddelande skriver föreningen att …", "Im Gespräch sagte der Trainer".
            subject = after()
            head = bare(words(subject)[0]) if words(subject) else ""
            if (
                subject
                and (
                    _is_capitalised(subject)
                    # "I ett pressmeddelande skriver LKAB att", not "V rozhovoru řekl ČT24, že"
                    # (who was told, before the comma of the clause reported).
                    or (
                        _is_acronym(subject.split()[0])
                        and clause[clause.find(subject) + len(subject) :].lstrip(" \u00a0")[:1]
                        != ","
                    )
                    or head in t.determiners
                    or head in t.pronouns
                    or head in t.roles
                    or head in t.bodies
                )
            ):
                return subject  # not an object: "У МОЗ назвали операцію «…»"
        while k < j and (
            (low[k] in t.stopwords and low[k] not in t.determiners)
            or low[k] in t.complementizers
            or low[k] in t.source_markers
            # The auxiliary of a verb-second clause, its subject after it: "…, hat die
            # Chefin nur gesagt", "…, heeft de wethouder gezegd".
            or (low[k] in t.auxiliaries and k + 1 < j and low[k + 1] in t.determiners)
        ):
            k += 1
        if (
            k + 2 < j
            and (low[k] in t.indefinites or low[k] in t.determiners)
            and t.speech_cues.match_at(low, k + 1)
            and not _boundary(clause, toks[k + 1][1], toks[k + 2][0])
            and (low[k + 2] in t.determiners or _ELIDED_ARTICLE.match(toks[k + 2][2]))
        ):
            k += 2  # "In una nota l'azienda ha assicurato": the statement was fronted
        if t.nouns_capitalised:
            # Adverbs between the subject and a verb at the end ("die Chefin nur
            # gesagt"): every noun is capitalised, so the phrase ends at its last one.
            while (
                j - 1 > k
                and toks[j - 1][2].islower()
                and not any(_is_capitalised(toks[i][2]) for i in range(j - 1, v))
                and any(_is_capitalised(toks[i][2]) for i in range(k, j - 1))
            ):
                j -= 1
        # An adverb before the verb is not the subject's ("Ministerija taip pat
        # pažadėjo"), where the subject shows where it starts (a capital, an article).
        end = j
        while (
            end - 1 > k
            and low[end - 1] in t.stopwords
            and low[end - 1] not in t.determiners
            and low[end - 1] not in t.pronouns
            and not _is_capitalised(toks[end - 1][2])
        ):
            end -= 1
        if end < j and (_is_capitalised(toks[k][2]) or low[k] in t.determiners):
            j = end
        if k + 1 == j and low[k] in t.determiners:
            return ""  # a lone article is no mention
        if (
            j - 1 > k + 1
            and low[k] in t.indefinites
            and low[j - 1] in t.object_pronouns
            and low[j - 1] not in t.determiners
        ):
            j -= 1  # a clitic on the verb ends no description: "Un vecino … lo resumía"
        if j > k and all(low[i] in t.object_pronouns for i in range(k, j)):
            return ""  # clitics on the verb ("—le respondió otra paciente"): no subject
        return clause[toks[k][0] : toks[j - 1][1]] if j > k else ""

    first, second = (after, before) if prefer_after else (before, after)
    found = _referring(_short_of_statement(first(), t), t)
    return found or (_referring(_short_of_statement(second(), t), t) if fallback else "")


def _quoted_subject(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], k: int, j: int, t: Tables
) -> str:
    """The subject a body's or a publication's noun makes with the name in marks after
    it, where the object or an adverb stands between it and the verb (the words ``k`` to
    ``j``): "bendrovė „Bolt“ sprendimą pavadino", "Laikraksts „X” jau pēc pirmizrādes
    rakstīja" -- up to three words in lower case that name no role, body or person;
    else "" (the caller reads the quotation unmasked)."""
    if not 0 < k < j or j - k > 3:
        return ""
    gap = clause[toks[k - 1][1] : toks[k][0]].strip(" \u00a0")
    if len(gap) < 3 or gap[0] not in _OPENING or gap[-1] not in _CLOSING:
        return ""
    noun = bare(low[k - 1])
    if noun not in t.bodies and noun not in t.name_cues and noun not in t.title_cues:
        return ""
    for i in range(k, j):
        w = bare(low[i])
        if (
            not toks[i][2].islower()
            or w in t.roles
            or w in t.bodies
            or w in t.pronouns
            or w in t.conjunctions  # "… the plan “X” and said": a verb of its own
            or _ends_with_role(w, t)
            or "," in clause[toks[i - 1][1] : toks[i][0]]
        ):
            return ""
    s = k - 1
    while s > 0 and k - s < 3 and not _boundary(clause, toks[s - 1][1], toks[s][0], low[s - 1], t):
        s -= 1
    if any(low[i] in t.stopwords and low[i] not in t.determiners for i in range(s, k - 1)):
        return ""  # after a preposition: "para o plano “…”" is no subject
    return clause[toks[s][0] : clause.index(gap, toks[k - 1][1]) + len(gap)]


# Prepositions that make a genitive ("una nota di Anas", "a statement of the Ministry",
# "в позицията на компанията"): the name after them is whose the statement is.
_OF = frozenset(
    [
        "of",
        "di",
        "del",
        "della",
        "dello",
        "dei",
        "degli",
        "delle",
        "de",
        "do",
        "da",
        "das",
        "dos",
        "du",
        "des",
        "van",
        "von",
        "der",
        "na",
        "на",
    ]
)


def _statement_source(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], k: int, t: Tables
) -> str:
    """The body whose statement an impersonal verb quotes, from the place phrase after
    it: "говорится в сообщении пресс-службы суда", "navodi se u priopćenju udruge",
    "се казва в позицията на компанията", "si legge in una nota dell'associazione" ->
    the words after the statement noun (a preposition before them passed over), up to
    four, in one noun phrase; "" where the verb is not followed so."""
    if (
        k + 2 >= len(toks)
        or low[k] not in t.stopwords
        or _boundary(clause, toks[k - 1][1], toks[k][0])
    ):
        return ""
    c = k + 1
    while c < len(toks) and c - k <= 2 and (low[c] in t.determiners or low[c] in t.indefinites):
        c += 1  # "in una nota"
    if c + 1 >= len(toks) or not t.speech_cues.match_at([bare(low[c])], 0):
        return ""
    b = c + 1
    if _boundary(clause, toks[c][1], toks[b][0]):
        return ""
    if low[b] in t.stopwords and "'" not in low[b]:
        b += 1  # "на компанията", "of the ministry"
        if (
            b < len(toks)
            and low[b - 1] not in _OF
            and (
                _is_capitalised(toks[b][2])
                or any(ch in _OPENING for ch in clause[toks[b - 1][1] : toks[b][0]])
            )
        ):
            return ""  # "w rozmowie z „Przeglądem Sportowym”": who asked, not who spoke
    e = b
    while (
        e < len(toks)
        and e - b < 4
        and (e == b or not _boundary(clause, toks[e - 1][1], toks[e][0]))
        and (e == b or low[e] not in t.stopwords or low[e] in t.determiners)
        and low[e] not in t.speech_verbs
    ):
        e += 1
    if e == b:
        return ""
    phrase = clause[toks[b][0] : toks[e - 1][1]]
    return phrase[phrase.find("'") + 1 :] if "'" in words(phrase)[0] else phrase


def _antecedent(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], r: int, t: Tables
) -> str:
    """The noun phrase before the comma of the relative pronoun ``toks[r]``: a name
    with up to three role words before it ("il capogruppo di minoranza Andrea Gori"),
    else the noun and its article ("the defendant")."""
    e = r - 1
    b = e
    if _is_capitalised(toks[e][2]) and not (e == 0 and low[e] in t.function_words):
        while b > 0 and _is_capitalised(toks[b - 1][2]) and e - b < 3:
            if _boundary(clause, toks[b - 1][1], toks[b][0]):
                break
            b -= 1
        lead = b
        while lead > 0 and b - lead < 3 and not _boundary(clause, toks[lead - 1][1], toks[lead][0]):
            lead -= 1
            if low[lead] in t.roles:
                b = lead
    else:
        # "pelo Presidente timorense, que": a role word before the noun's adjective.
        while b > 0 and e - b < 2 and bare(low[b - 1]) in t.roles:
            b -= 1
        if b > 0 and low[b - 1] in t.determiners:
            b -= 1
    return clause[toks[b][0] : toks[e][1]]


def _named_antecedent(
    text: str, toks: list[tuple[int, int, str]], low: list[str], r: int, t: Tables
) -> tuple[str, int] | None:
    """(name, offset) of the capitalised words right before the comma of ``toks[r]``,
    over name particles between them ("Universidade do Porto"), unless a preposition
    other than such a particle stands before them (a place: "en Madrid"); else None."""
    e = r - 1
    if e < 0 or not (_is_capitalised(toks[e][2]) or _is_acronym(toks[e][2])):
        return None
    b = e
    while b > 0 and not _boundary(text, toks[b - 1][1], toks[b][0]):
        if _is_capitalised(toks[b - 1][2]) or _is_acronym(toks[b - 1][2]):
            b -= 1
        elif (
            b > 1
            and low[b - 1] in _NAME_PARTICLES
            and _is_capitalised(toks[b - 2][2])
            and not _boundary(text, toks[b - 2][1], toks[b - 1][0])
        ):
            b -= 2
        else:
            break
    if (
        b > 0
        and low[b - 1] in t.stopwords
        and low[b - 1] not in _NAME_PARTICLES
        and low[b - 1] not in t.determiners
    ):
        return None
    if b == 0 or low[b] in t.function_words:
        return None  # the sentence's first word: no name of the relative's own
    return text[toks[b][0] : toks[e][1]], toks[b][0]


def _name_after_addressee(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], k: int, t: Tables
) -> str:
    """After a speech verb, a short phrase saying to whom, then the speaker's name:
    "ha dichiarato al “Secolo XIX” Giulia Parodi", "sagte dem Sender Max Weber"."""
    quoted = False
    for i in range(k + 1, min(len(toks), k + 8)):
        gap = clause[toks[i - 1][1] : toks[i][0]]
        core = gap.strip(" \u00a0_“”„«»\"'‘’")
        if core:
            return ""  # punctuation: the phrase is over
        if sum(ch in _OPENING or ch in _CLOSING for ch in gap) % 2:
            # One mark opens or closes a name in marks ("w rozmowie z „Przeglądem
            # Sportowym” szkoleniowiec"); a pair holds a masked one ("“______ ___”").
            quoted = not quoted
        if quoted:
            continue
        if low[i] in t.speech_verbs or low[i] in t.complementizers:
            return ""
        last = i + 1 == len(toks) or bool(
            clause[toks[i][1] : toks[i + 1][0]].strip(" \u00a0_“”„«»\"'‘’")
        )
        if last:
            # The clause ends with the speaker: a role noun ("… szkoleniowiec.") or a
            # surname after a word that is no preposition ("mówił po konkursie
            # wzruszony Zięba"; "said in London" names a place).
            if bare(low[i]) in t.roles:
                return toks[i][2]
            if _is_capitalised(toks[i][2]) and not _function_word(low[i - 1], t) and i - 1 > k:
                return toks[i][2]
            return ""
        if (
            i > k + 1
            and (low[i] in t.determiners or low[i] in t.indefinites)
            and (
                any(
                    _is_capitalised(toks[a][2]) or _is_acronym(toks[a][2]) or low[a] in t.bodies
                    for a in range(k + 1, i)
                )
                or (_addressee_phrase(toks, low, k, i, t) and _introduced_person(low, i, t))
            )
        ):
            # The subject after the addressee: "afirmou à agência Lusa a diretora
            # artística", "disse à Lusa uma das cantadeiras do grupo", "dijo a EFE un
            # vecino"; or, after any short phrase, a person the text introduces
            # ("contó a este periódico una vecina").
            end = i + 1
            while (
                end < len(toks)
                and end - i < 8
                and not clause[toks[end - 1][1] : toks[end][0]].strip(" \u00a0")
                and low[end] not in t.complementizers
                and low[end] not in t.speech_verbs
            ):
                end += 1
            return clause[toks[i][0] : toks[end - 1][1]] if end > i + 1 else ""
        if _is_capitalised(toks[i][2]) and _is_capitalised(toks[i + 1][2]):
            if clause[toks[i][1] : toks[i + 1][0]].strip():
                return ""
            if low[i] in t.function_words:
                continue
            end = i + 2
            while end < len(toks) and _is_capitalised(toks[end][2]) and end - i < 3:
                if clause[toks[end - 1][1] : toks[end][0]].strip():
                    break
                end += 1
            return clause[toks[i][0] : toks[end - 1][1]]
    return ""


def _addressee_phrase(
    toks: list[tuple[int, int, str]], low: list[str], a: int, b: int, t: Tables
) -> bool:
    """True when the words ``a``..``b`` (exclusive) after a verb are one prepositional
    phrase: a preposition and one word ("a EFE", "al giornale"), or an article or a
    name after it ("a este periódico", "à la barre"); not a clause of its own ("dopo
    aver visitato", "depois de ouvir"), whose noun after it is an object."""
    if b <= a or low[a] not in t.stopwords or low[a] in t.determiners:
        return False
    window = low[max(0, a - 4) : a]
    if not any(s + n == len(window) for s, n in t.speech_verbs.find(window)):
        return False  # right after the verb ("disse | depois de ouvir" is no such phrase)
    if b == a + 1:
        return True
    second = toks[a + 1][2]
    if b == a + 2:
        return low[a + 1] not in t.stopwords  # "al giornale", "a RNE"
    return (
        low[a + 1] in t.determiners
        or low[a + 1] in t.possessives  # "a su lado"
        or _is_capitalised(second)
        or _is_acronym(second)
    )


def _introduced_person(low: list[str], i: int, t: Tables) -> bool:
    """True when ``low[i]`` opens a noun phrase, with an article, whose head (the next
    word) names a person by a role or what they are: the subject that follows a short
    phrase after the verb ("contó a este periódico un pescador", "a déclaré à la
    barre le témoin"), not an object or a time ("un giorno dopo") nor the noun of a
    preposition of its own ("tras reunirse con el ministro")."""
    if i + 1 >= len(low) or (low[i] not in t.indefinites and low[i] not in t.determiners):
        return False
    if low[i - 1] in t.stopwords and low[i - 1] not in t.determiners:
        return False
    return _person_word(bare(low[i + 1]), t)


_OPENING = frozenset("«„“‚‘»”\"'「『《")
_CLOSING = frozenset("»“”‘’«\"'」』》")
_MARKS_AND_SPACES = "".join(sorted(_OPENING | _CLOSING)) + " \u00a0"
_CLAUSE_END = frozenset('.!?;:—–()[]«»“”„"')
# One capitalised word in brackets after a body's name: its short name ("(Aemet)",
# "(RhB)").
_SHORT_NAME = re.compile(r"[A-ZÀ-ÞА-ЯЁ][A-Za-zÀ-ÿА-Яа-яЁё]{1,7}")


def _short_name_of(word: str, name: str) -> bool:
    """True when ``word`` is an acronym written as a word for ``name``: the initials
    of the name's capitalised words, in order, among its letters ("Aemet" for "Agencia
    Estatal de Meteorología", "RhB" for "Rhätische Bahn"; not "Essonne" for "Juvisy")."""
    if not _SHORT_NAME.fullmatch(word):
        return False
    initials = [w[0].lower() for w in name.split() if w[:1].isupper()]
    if len(initials) < 2:
        return False
    letters = iter(word.lower())
    return all(ch in letters for ch in initials)


# A body's name in marks ends at the closing mark, and an acronym in brackets after a
# name is not the word that shows the name is a subject (Resolver._body_name_at).
_OPENING_MARKS = frozenset('«„“‚‘"')
_CLOSING_MARK = re.compile(r"[»“”‘’\"]")
_ACRONYM_AFTER = re.compile(r"[ \u00a0]*\(([^\W\d_]{2,10})\)")
_ELIDED_OF = re.compile(r"[dD][’'ʼ]")
# The space (and comma) between a subject and its verb or an apposition (", une PME de
# Loire-Atlantique,"); the word after it must be in lower case, which a dateline's date
# ("Vigo, 15 mar") is not.
_FOLLOWS_NAME = re.compile(r",?[ \u00a0]+(?=\w)")


def _shortened_before(text: str, i: int, short: str, t: Tables) -> str | None:
    """The name right before ``text[i]``, the bracket of ``short``, that ``short``
    shortens as a word ("Agencia Estatal de Meteorología" for "Aemet",
    :func:`_short_name_of`), its article left out; None where it shortens none."""
    head = text[max(0, i - 80) : i].rstrip(" \u00a0")
    at = _spelled_run_start(head, t)
    if at is None:
        return None
    first, _, rest = head[at:].partition(" ")
    name = rest if rest and first.lower() in t.determiners else head[at:]
    if _known_given(name.split()[0], t):
        return None  # a person and their party or town: "Laura Burns (Labour)"
    return name if _short_name_of(short, name) else None


def _joined_runs(text: str, t: Tables) -> list[list[str]]:
    """The runs of capitalised words of ``text`` (:func:`_runs`), those that a
    preposition of a body's complement links joined with it ("Office | of | Public
    Works"): the words a body's name may be spelled from."""
    joined: list[list[str]] = []
    end = -1
    for start, run in _runs(text):
        ws = [w for _, w in run]
        gap = text[end:start].strip(" \u00a0") if joined else ""
        if joined and gap and gap in t.complement_prepositions and " " not in gap:
            joined[-1] += [gap, *ws]
        else:
            joined.append(ws)
        end = run[-1][0] + len(run[-1][1])
    return joined


def _spelled_run_start(head: str, t: Tables) -> int | None:
    """Where the name that ``head`` ends with starts, before an acronym in brackets:
    its last run of capitalised words, with the runs before it that a preposition of
    a body's complement links to it ("Federația Sindicatelor Libere din Învățământ
    (FSLI)"); None for fewer than two capitalised words."""
    runs = _runs(head)
    if not runs:
        return None
    r = len(runs) - 1
    count = len(runs[r][1])
    while r > 0:
        last = runs[r - 1][1][-1]
        gap = head[last[0] + len(last[1]) : runs[r][0]]
        if gap.strip(" \u00a0") not in t.complement_prepositions:
            break
        if t.nouns_capitalised or any(_known_given(w, t) for _, w in runs[r - 1][1]):
            # Not into a person ("Marius Nistor din Federația …"), nor where every noun
            # is capitalised ("Mitteilung des Verbandes der …").
            break
        r -= 1
        count += len(runs[r][1])
    run = runs[r][1]
    if r < len(runs) - 1:
        # A joined run may open with a role or a word that only opens the sentence:
        # "Președintele Federației …", "Potrivit Federației …".
        while len(run) > 1 and (bare(run[0][1].lower()) in t.roles or _function_word(run[0][1], t)):
            run = run[1:]
            count -= 1
    if count == 1 and len(runs[-1][1]) == 1:
        # One word of capitalised parts joined by hyphens is a name of as many words:
        # "Alfred-Wegener-Institut (AWI)".
        count = sum(part[:1].isupper() for part in runs[-1][1][0][1].split("-"))
    return run[0][0] if count >= 2 else None


def _extend_to_name(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], k: int, j: int, t: Tables
) -> int:
    """Extend a mention without a name (``the union's general secretary``, ``ministrul
    Educației``, ``голова комісії``) over an apposition or a complement to the person's
    name that closes it: ``…, Alan Price``, ``… з питань ЖКГ Олена Бондар``.

    Returns the new end (exclusive token index); ``j`` when there is no such name."""
    caps = [_is_capitalised(toks[i][2]) and low[i] not in t.roles for i in range(k, j)]
    # A name already: two capitalised words in a row, or the mention is one ("sa Berg").
    if any(a and b for a, b in itertools.pairwise(caps)) or caps == [True]:
        return j
    limit = min(len(toks), j + 5)  # a short complement: "з питань ЖКГ", "de Movilidad,"
    i = j
    while i < limit:
        gap = clause[toks[i - 1][1] : toks[i][0]]
        # Quotation marks do not end it: "жителката на „Люлин“ Мария Петрова".
        if any(ch in _CLAUSE_END and ch not in _OPENING | _CLOSING for ch in gap) or ". " in gap:
            return j
        if low[i] in t.complementizers or low[i] in t.relatives or low[i] in t.possessives:
            return j
        if _is_capitalised(toks[i][2]) and low[i] not in t.function_words:
            if low[i - 1] in t.addressee_prepositions:
                # The one spoken to, or a place: "a confié le maire à Radio Nord", not
                # his name; one may follow ("… a Girona, Pere Vila").
                i += 1
                while (
                    i < len(toks)
                    and (_is_capitalised(toks[i][2]) or low[i] in _NAME_PARTICLES)
                    and not clause[toks[i - 1][1] : toks[i][0]].strip()
                ):
                    i += 1
                continue
            run = i
            while run + 1 < len(toks) and (
                _is_capitalised(toks[run + 1][2]) or low[run + 1] in _NAME_PARTICLES
            ):
                gap2 = clause[toks[run][1] : toks[run + 1][0]]
                if gap2.strip():
                    break
                run += 1
            end = run + 1
            if end - i >= 2:  # a full name, not a lone capitalised word (a place)
                rest = clause[toks[run][1] :].lstrip(" \u00a0")
                if (
                    rest[:1] == ","
                    and end < len(toks)
                    and _is_capitalised(toks[end][2])
                    and end + 1 < len(toks)
                    and _is_capitalised(toks[end + 1][2])
                ):
                    i = end  # "la segretaria della Flc Cgil, Anna Moretti": the apposition
                    limit = min(len(toks), end + 4)
                    continue
                if not rest or rest[0] in ",.;:!?—–-)(" or low[end : end + 1] in (["."], []):
                    return end  # "(" : a party or an age, "Annelies Verhaeghe (Groen)"
                if end < len(toks) and (low[end] in t.stopwords or low[end] in t.auxiliaries):
                    return end
            i = end
            continue
        i += 1
    return j


def _affirmed(low: list[str], found: list[tuple[int, int]], t: Tables) -> list[tuple[int, int]]:
    """The speech verbs of ``found`` that no negation denies within the two words before
    them ("The department did not say whether …", "n'a pas précisé"): a verb denied
    reports no words."""

    def denies(w: str) -> bool:
        # "n'a pas": an elided negation is the start of its word.
        return w in t.negations or ("'" in w and w.split("'", 1)[0] + "'" in t.negations)

    return [(s, n) for s, n in found if not any(map(denies, low[max(0, s - 2) : s]))]


def _after_attribution(ctx_after: str, t: Tables) -> tuple[str, int] | None:
    """A mention from the sentence after a quotation, with its offset in ``ctx_after``."""
    lead = len(ctx_after) - len(ctx_after.lstrip(" \u00a0,.:;—–-"))
    clause = ctx_after[lead:]
    if not clause or clause[:1] in "_":
        return None
    toks = _tokens(clause)
    low = [w.lower().replace("’", "'") for _, _, w in toks]
    found = _affirmed(low, [(s, n) for s, n in t.speech_verbs.find(low[:16]) if s < 14], t)
    if not found:
        split = _split_verb(clause, toks, low, t)
        if split is None:
            return None
        # (The subject ends where the rest of the verb starts.)
        head = clause[: toks[split][0]]
        mention = _mention_near_verb(head, t, verb_index=0, prefer_after=True, verb_length=1)
        if not mention:
            return None
        return mention, lead + head.find(mention)
    hits = [s for s, _ in found]
    v, n = found[0]
    if v > 0 and low[0] in t.stopwords and low[0] not in t.determiners:
        # ", a gazeta nazwała …", ", and the minister said …": a new clause with its
        # own verb, not the attribution of this quotation.
        return None
    relative = next((i for i, w in enumerate(low[:v]) if w in t.relatives), None)
    if relative is not None and relative > 0:
        # "a fund manager who asked not to be named said": the verb of the relative
        # clause is not the attribution; the mention runs up to the main verb.
        later = [s for s in hits if s > v]
        if later:
            v = later[-1]
            mention = clause[toks[0][0] : toks[v - 1][1]]
            return mention, lead
    elif v >= 6 and not (v < 9 and "," in clause[: toks[v][0]]):
        # Six words or more before the verb are another clause -- unless they are a
        # role with a name in apposition: "the union's general secretary, Alan Price, told".
        return None
    if 0 < v < 6 and low[v - 1] in t.conjunctions:
        # "… a « pris acte » de la décision et assure que …": a second verb of the
        # sentence before, whose subject came before the quotation.
        return "", lead
    # Verb first (said X, сказал он, sagte der Minister): the mention follows it, also
    # with an adverb after the auxiliary ("a seulement indiqué le cabinet").
    verb_first = all(w in t.auxiliaries for w in low[:v]) or (
        v == 2
        and low[0] in t.auxiliaries
        and toks[1][2].islower()
        and not _function_word(low[1], t)
        and low[1] not in t.pronouns
    )
    mention = _mention_near_verb(clause, t, verb_index=v, prefer_after=verb_first, verb_length=n)
    if not mention:
        # A speech verb without its subject here: the subject came before the
        # quotation (Turkish "Erdoğan, “…” ifadelerini kullandı"); the caller looks.
        return "", lead
    if verb_first:
        mention = _from_indefinite(mention, t)
    at = clause.find(mention)
    if verb_first and at >= 0:
        mention = _through_participle(clause, at, mention, t)
    return mention, lead + at


def _participle_after_noun(phrase: str, t: Tables) -> bool:
    """True where ``phrase`` opens in lower case with a word for a person that a
    participle follows within its first four words ("starszy mężczyzna czekający na
    przystanku"): a description, whatever capitals come later in it."""
    if not t.participle_endings:
        return False
    toks = _tokens(phrase)
    if len(toks) < 3 or not toks[0][2].islower():
        return False
    for k in range(1, min(len(toks), 4)):
        w = toks[k][2]
        if not w.islower():
            return False
        if (
            w not in t.relatives
            and _opens_set_clause(w, t)
            and _person_word(bare(toks[k - 1][2].lower()), t)
            and not _boundary(phrase, toks[k - 1][1], toks[k][0])
        ):
            return True
    return False


def _through_participle(clause: str, at: int, mention: str, t: Tables) -> str:
    """``mention`` (at ``at`` in ``clause``, after its verb) run on to the end of the
    clause where it closes on a participle after its noun ("said an old man waiting |
    at the stop on Long Street"; Polish "mówi starszy mężczyzna czekający | na
    przystanku"): the participle's phrase is part of the description as written."""
    toks = _tokens(mention)
    if len(toks) < 2 or not _opens_set_clause(toks[-1][2], t) or toks[-1][2] in t.relatives:
        return mention
    if not any(_person_word(bare(w.lower()), t) for _, _, w in toks[:-1]):
        return mention
    end = at + len(mention)
    rest = clause[end : end + _CLAUSE_REACH]
    stop = _clause_stop(rest, t)
    comma = rest.find(",")
    if 0 <= comma < stop:
        stop = comma
    tail = rest[:stop].rstrip(" \u00a0.")
    if not tail.strip() or len(_tokens(mention + tail)) > _DESCRIPTION_WORDS:
        return mention
    low = [w.lower() for _, _, w in _tokens(tail)]
    if t.speech_verbs.find(low):
        return mention
    return mention + tail


def _from_indefinite(mention: str, t: Tables) -> str:
    """``mention`` without the lower-case adverbial that stands before an indefinite
    description in it, after the verb ("mondta a folyosón | egy idős férfi", "sagte
    draußen | ein Mann"): the place where it was said is no part of the person."""
    toks = _tokens(mention)
    low = [w.lower() for _, _, w in toks]
    for i in range(1, min(len(toks) - 1, 3)):
        if low[i] in t.indefinites:
            before = low[:i]
            # (Only before a person, its noun within two words and before any other
            # indefinite: "mientras llena una cubeta una vecina" is the verb's object.)
            after: list[str] = []
            for w in low[i + 1 : i + 3]:
                if w in t.indefinites:
                    break
                after.append(w)
            if any(_person_word(bare(w), t) for w in after) and all(
                toks[j][2].islower()
                and not _function_word(w, t)
                and not _person_word(bare(w), t)
                and not _ends_with_role(bare(w), t)
                for j, w in enumerate(before)
            ):
                return mention[toks[i][0] :]
            break
    return mention


def _split_verb(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], t: Tables
) -> int | None:
    """Where a speech verb of two words or more that the clause opens with goes on, its
    subject between: the finite verb first, the rest closing the clause (verb second,
    "‘…’, laat een woordvoerder van het OM weten.", "„…“, gab die Sprecherin zu."); the
    index of the rest's first word, or None."""
    if len(low) < 3:
        return None
    for phrase in t.speech_verbs.phrases(low[0]):
        rest = list(phrase[1:])
        for k in range(2, min(len(low) - len(rest) + 1, 14)):
            if _boundary(clause, toks[k - 1][1], toks[k][0]):
                break  # the clause ended before the rest of the verb
            end = k + len(rest)
            if t.speech_verbs.match_at(low[:1] + low[k:end], 0) == len(phrase) and (
                end == len(low) or _boundary(clause, toks[end - 1][1], toks[end][0])
            ):
                return k
    return None


def _subject_before(ctx_before: str, t: Tables) -> tuple[str, int] | None:
    """The subject of a sentence whose speech verb follows the quotation (verb-final
    order, Turkish ``Erdoğan, “…” dedi``, ``Bakan, …, “…” yanıtını verdi``): a short
    name or noun phrase set off by a comma right before the quotation, else a name at
    the end of the words before it, else the noun phrase that starts the sentence."""
    text = ctx_before.rstrip(" \u00a0")
    toks = _tokens(text)
    while toks and toks[-1][2].lower() in t.auxiliaries and toks[-1][1] >= len(text) - 1:
        text = text[: toks[-1][0]].rstrip(" \u00a0")  # "Ozan Çelik ise “…”"
        toks = toks[:-1]
    segment = re.split(r"[,;:.!?]\s", text.rstrip(","))[-1].strip()
    seg_toks = _tokens(segment)
    if _participle_description(segment, seg_toks, [w.lower() for _, _, w in seg_toks], t) == len(
        seg_toks
    ):
        # "Kasabada oturan ve adını vermeyen bir öğretmen “…” dedi": the description
        # as written, not the place that opens it.
        return segment, text.rfind(segment)
    ws = [w for w in segment.split() if not _function_word(w, t)]
    if ws and len(ws) <= 5 and any(_is_capitalised(w) for w in ws):
        return segment, text.rfind(segment)
    if segment:
        # "Maçın ardından konuşan teknik direktör Levent Yıldız, “…” dedi": the name
        # that closes the words before the quotation, with its role words.
        runs = _runs(segment)
        if runs:
            start, run = runs[-1]
            end = run[-1][0] + len(run[-1][1])
            if not segment[end:].strip() and len(run) >= 2:
                base = text.rfind(segment)
                head = segment[:start].split()
                lead = start
                for word in reversed(head[-2:]):
                    if word.lower().rstrip(",") in t.roles or any(
                        stem in word.lower() for stem in t.role_stems
                    ):
                        lead = segment.rfind(word, 0, lead)
                    else:
                        break
                return segment[lead:end], base + lead
    # The noun phrase that opens the sentence: "Türk Tabipleri Birliği ise …, “…”",
    # up to a full name in it ("Jüri başkanı oyuncu Mehmet Demir, filmi “…”").
    first = re.split(r"[,;:]\s", text, maxsplit=1)[0]
    if t.markers_follow:
        # Noun phrases end with their head: the subject set off by the comma is its
        # last word with the capitalised or role words before it ("Törenin ardından
        # soruları yanıtlayan yönetmen, …", "… ödülünü alan Kaplan, …"); not a
        # capital that opens the sentence in an oblique case ("Törenin").
        head = _subject_head(first, t)
        if head is not None:
            return head
    runs = _runs(first)
    if runs and runs[0][0] == 0:
        full = [r for r in runs[1:] if len(r[1]) >= 2 and r[0] <= 40]
        _, run = full[0] if full else runs[0]
        end = run[-1][0] + len(run[-1][1])
        phrase = first[:end]
        if len(run) <= 4 and not _function_word(run[0][1], t):
            return phrase, 0
    return None


def _participle_description(
    text: str, toks: list[tuple[int, int, str]], low: list[str], t: Tables
) -> int | None:
    """The token after an unnamed person's description that opens ``text`` in a
    head-final language, where a participle phrase stands before its noun ("Limanda
    çalışan ve adını vermek istemeyen bir balıkçı", "Kylässä asuva kahden lapsen isä"):
    the words up to the first word for a person, with a participle among them
    (``prenominal_participle_endings``) and no capital after the first word, which
    names no one (a place in its case, a number). None where ``text`` opens otherwise."""
    ends = t.prenominal_participle_endings
    if not ends or not toks or (low[0] in t.determiners and low[0] not in t.indefinites):
        # (A definite one, Hungarian "az ülést vezető elnök", may be someone named.)
        return None
    participles: list[int] = []
    for k in range(min(len(toks), _DESCRIPTION_WORDS)):
        if k and _boundary(text, toks[k - 1][1], toks[k][0]):
            return None
        word = toks[k][2]
        if k and not word.islower() and not word.isdigit():
            return None
        w = bare(low[k])
        if _person_word(w, t) and any(
            # (Not a role made from a participle right before another, a title:
            # Hungarian "osztályvezető főorvos".)
            j < k - 1 or not _ends_with_role(bare(low[j]), t)
            for j in participles
        ):
            return k + 1
        if (k > 0 or not _is_capitalised(word)) and any(
            w.endswith(e) and len(w) > len(e) + 2 for e in ends
        ):
            participles.append(k)
    return None


def _role_described(phrase: str, t: Tables) -> bool:
    """True where a participle phrase describes the holder of a role without an
    indefinite ("eläkkeelle jäävä arkkipiispa", "Toplantıda konuşan bakan"): the role's
    holder the article names, not someone unnamed ("bir işçi", "egy idős férfi")."""
    low = [bare(w) for w in words(phrase)]
    return bool(low) and low[-1] in t.roles and not any(w in t.indefinites for w in low)


def _participle_phrase(phrase: str, t: Tables) -> bool:
    """True where all of ``phrase`` is a :func:`_participle_description`."""
    if not t.prenominal_participle_endings:
        return False
    toks = _tokens(phrase)
    return bool(toks) and _participle_description(
        phrase, toks, [w.lower() for _, _, w in toks], t
    ) == len(toks)


def _in_set_clause(
    text: str, toks: list[tuple[int, int, str]], low: list[str], at: int, verb: int, t: Tables
) -> bool:
    """True where offset ``at`` of ``text`` lies inside a relative clause (or a
    participle phrase) set in commas that is still open there and closes with a comma
    right before the verb at offset ``verb``."""
    if at < 0 or "," not in text[at:verb] or text[at:verb].rstrip(" \u00a0").count(",") != 1:
        return False
    if not text[:verb].rstrip(" \u00a0").endswith(","):
        return False
    for k in range(1, len(toks)):
        if toks[k][0] >= at:
            return False
        if (
            "," in text[toks[k - 1][1] : toks[k][0]]
            and _opens_set_clause(low[k], t)
            and "," not in text[toks[k][1] : at]
        ):
            return True
    return False


def _subject_head(first: str, t: Tables) -> tuple[str, int] | None:
    """(phrase, offset) of the head that closes ``first``, the words that open a
    sentence up to its first comma, where it is a role or a name in no oblique case,
    with the capitalised and role words right before it; else None."""
    toks = _tokens(first)
    if len(toks) < 2:
        return None

    def part(word: str) -> bool:
        low = bare(word.lower())
        if _function_word(low, t) or _oblique(word, t):
            return False
        return low in t.roles or _is_capitalised(word)

    if not part(toks[-1][2]):
        return None
    j = len(toks) - 1
    while j > 0 and part(toks[j - 1][2]) and not _boundary(first, toks[j - 1][1], toks[j][0]):
        j -= 1
    if j == 0:
        return None  # the sentence opens with it: the caller's reading
    return first[toks[j][0] : toks[-1][1]], toks[j][0]


def _fronted(front: str, t: Tables, *, apposition: bool = True) -> bool:
    """True when ``front``, the words of a sentence before its subject, is a phrase set
    before it with a comma: a short one ("Al término del partido,"), or a place or time
    that a preposition opens ("A las puertas de la lonja de Vilanova,"); and where the
    subject is a name, the role it is in apposition to before it ("Por su parte, el
    técnico del Betis, | Manuel Ortega, lamentó …")."""
    if not front.endswith(","):
        return False
    inner = front[:-1]
    ws = words(inner)
    if (
        "," not in inner
        and ws
        and (
            len(ws) <= 6 or (len(ws) <= 10 and ws[0] in t.stopwords and ws[0] not in t.determiners)
        )
    ):
        return True
    if not apposition:
        return False
    cut = inner.rfind(",")
    noun = words(inner[cut + 1 :])
    rest = inner[: cut + 1].strip(" \u00a0")
    return (
        1 <= len(noun) <= 6
        and (noun[0] in t.determiners or noun[0] in t.possessives or bare(noun[0]) in t.roles)
        and not t.speech_verbs.find(noun)
        and (not rest or _fronted(rest, t, apposition=False))
    )


def _masked_outlet_after(
    text: str, toks: list[tuple[int, int, str]], low: list[str], s: int, r: int, t: Tables
) -> tuple[str, int] | None:
    """The title in quotation marks right after a source marker (``toks[s:r]``), past
    its articles and one noun of a newspaper ("Secondo il quotidiano «La Gazzetta del
    Tigullio»", "According to the “Evening Post”", "Podle „Moravskoslezského deníku“"):
    (its masked words, where they start), the newspaper whose words the quotation gives;
    else None. Where the marker holds a verb of speech, only a title its comma closes
    ("Як пише видання «Чернігівщина сьогодні», …"; not whom it was told, "Как сообщил
    «Интерфаксу» источник"). Not where another noun stands before the title (a report,
    a book or a law is no newspaper), nor where the clause after it has a subject or a
    verb of speech of its own ("D’après « Les Échos », l’entreprise a annoncé", "Laut
    „Spiegel“ sagte er")."""
    told = bool(t.speech_verbs.find(low[s:r]))  # "Як пише видання «…»,", "Jak řekl „…“ …"
    start = toks[r - 1][1]
    k = r
    while (
        k < len(toks)
        and k - r < 3
        and (low[k] in t.determiners or t.mastheads.match_at([bare(low[k])], 0))
        and not text[start : toks[k][0]].strip(" \u00a0")
    ):
        start = toks[k][1]
        k += 1
    rest = text[start:]
    gap = len(rest) - len(rest.lstrip(" \u00a0"))
    if gap > 1 or not rest[gap : gap + 1] or rest[gap] not in _OPENING_MARKS:
        return None
    close = _CLOSING_MARK.search(rest, gap + 1)
    if close is None:
        return None
    inner = rest[gap + 1 : close.start()]
    pad = len(inner) - len(inner.lstrip(" \u00a0\u202f"))  # "« Ouest-France »"
    if not inner.strip() or inner.strip(" _\u00a0\u202f-") or not inner[pad:].startswith("_"):
        return None  # (not a masked title: the marks hold words of their own)
    if told and rest[close.end() : close.end() + 1] != ",":
        return None  # whom it was told, its speaker after it: "Как сообщил «Интерфаксу» источник"
    after = _tokens(rest[close.end() :])
    after_low = [bare(w.lower()) for _, _, w in after]
    if t.speech_verbs.find(after_low) or any(
        (_is_capitalised(w) and not t.nouns_capitalised)
        or w.lower() in t.pronouns
        or bare(w.lower()) in t.roles
        or bare(w.lower()) in t.bodies
        or _person_noun(bare(w.lower()), t)
        for _, _, w in after
    ):
        # Whose it is, or who speaks in the clause after it: "Pasak „Žalgirio“
        # vyriausiojo trenerio Andriaus Petrausko", "Laut „Handelsblatt“ sagten Insider".
        return None
    return inner[pad:].rstrip(" \u00a0\u202f"), start + gap + 1 + pad


def _before_attribution(ctx_before: str, t: Tables) -> tuple[str, int] | None:
    """A mention from the sentence before a quotation."""
    text = ctx_before.rstrip(" \u00a0")
    toks = _tokens(text)
    if not toks:
        return None
    low = [w.lower().replace("’", "'") for _, _, w in toks]
    # according to X, “…” / по словам X, «…»
    markers = t.source_markers.find(low)
    if markers:
        s, n = markers[-1]
        if t.markers_follow:
            mention = _mention_near_verb(text, t, verb_index=s, prefer_after=False, fallback=False)
            if mention:
                return mention, text.rfind(mention, 0, toks[s][0] + 1)
        else:
            r = s + n
            while r < len(low) and low[r] in t.determiners:
                r += 1  # "segundo o qual", "según el cual"
            if (
                s > 0
                and r < len(low)
                and low[r] in t.relatives
                and text[toks[s - 1][1] : toks[s][0]].strip() == ","
            ):
                # "… da ANACOM, segundo o qual …": the source is the relative's antecedent,
                # where it is a name (not "la ley de vivienda, según la cual"), with the
                # particles inside it ("Universidade do Porto") and not a place's after
                # a preposition ("publicado en Madrid, según el cual").
                found = _named_antecedent(text, toks, low, s, t)
                if found is not None:
                    return found
                return None
            outlet = _masked_outlet_after(text, toks, low, s, s + n, t)
            if outlet is not None:
                return outlet
            mention = _mention_near_verb(text, t, verb_index=s + n - 1, prefer_after=True)
            if mention:
                at = text.find(mention, toks[s][0])
                # (Found before the marker where nothing follows it: "Eine Pendlerin,
                # die …, sagte am Bahnhof:".)
                return mention, at if at >= 0 else text.rfind(mention, 0, toks[s][0])
    # (A denied verb reports nothing: "ein Betriebsrat, der namentlich nicht genannt
    # werden wollte:".)
    verbs = _affirmed(low, t.speech_verbs.find(low), t)
    colon = text.endswith(":")
    if verbs:
        v = verbs[-1][0]
        # A verb inside the clause another speech verb reports ("Halonen sanoo, että
        # tavoite on pitää …", "a scris … că pelicula … confirmă"): the reporting verb's
        # subject speaks, unless the clause opens with a pronoun or a name of its own.
        for s, n in verbs[:-1]:
            c = next(
                (i for i in range(s + n, min(s + n + 5, v)) if low[i] in t.complementizers),
                None,
            )
            if c is not None and c + 1 < v:
                head = toks[c + 1][2]
                # "…, że …, a gazeta … nazwała", "Asked about reports that …, she said":
                # after a comma, a clause of its own.
                coordinated = any(
                    (
                        low[i] in t.conjunctions
                        or low[i] in t.pronouns
                        or _is_capitalised(toks[i][2])
                    )
                    and "," in text[toks[i - 1][1] : toks[i][0]]
                    for i in range(c + 2, v + 1)
                )
                if not (coordinated or _is_capitalised(head) or low[c + 1] in t.pronouns):
                    v = s
                break
        tail = low[v + 1 :]
        prefer_after = colon and bool(tail) and tail[0] not in t.complementizers
        if prefer_after and v > 0:
            # "The bank's statement repeated a phrase: “…”": a subject that opens the
            # sentence says it; after the verb stands its object.
            subject = _mention_near_verb(text, t, verb_index=v, prefer_after=False, fallback=False)
            at = text.find(subject) if subject else -1
            front = text[:at].rstrip(" \u00a0")
            if (
                subject
                and (
                    at == toks[0][0]
                    # ... or opens it after a phrase in front ("Al término del partido,
                    # una aficionada … resumía el sentir de la grada: «…»").
                    or _fronted(front, t)
                )
                and words(subject)[0] not in (t.stopwords)
            ):
                return subject, at
        mention = _mention_near_verb(
            text, t, verb_index=v, prefer_after=prefer_after, fallback=colon
        )
        if mention and _in_set_clause(text, toks, low, text.find(mention), toks[v][0], t):
            # "Ein Monteur, der im Werk arbeitet und seinen Namen nicht nennen will,
            # sagte": words of the relative clause are no subject; the noun it
            # describes, which opens the sentence, is.
            mention = ""
        if not mention and not prefer_after:
            # "Lukashenko, who arrived yesterday, said:" -> the subject starts the sentence,
            # unless a phrase does ("Dans un communiqué, la direction indique …, et
            # assure que"): then the subject of the sentence's first speech verb.
            first = text.split(",", 1)[0]
            lead = words(first)[:1]
            if (
                lead
                and lead[0] in t.stopwords
                and lead[0] not in t.determiners
                and v != verbs[0][0]
            ):
                mention = _mention_near_verb(
                    text, t, verb_index=verbs[0][0], prefer_after=False, fallback=False
                )
            if not mention and lead and lead[0] in t.stopwords and lead[0] not in t.determiners:
                # "Dans un communiqué, la Fédération … a « … » de la décision et
                # rappelé": the subject after the phrase, up to its verb.
                mention = _subject_after_phrase(text[len(first) + 1 :], t)
            if (
                not mention
                and first != text
                and len(words(first)) <= 5
                # (Not an adverb and its verb: "Там запевнили, що …" has no subject.)
                and not _names_nobody(toks[0][2], t)
            ):
                mention = first.strip()
        if mention:
            return mention, text.find(mention)
    if colon:
        # "Petrov: «…»" -- a short name before a colon.
        head = text[:-1].rsplit(".", 1)[-1].strip()
        ws = words(head)
        names = [w for w in head.split() if not _function_word(w, t)]
        if 1 <= len(ws) <= 4 and names and all(_is_capitalised(w) or _is_initial(w) for w in names):
            return head, text.find(head)
    return None


# --- resolution -------------------------------------------------------------------------


@dataclass(slots=True)
class _Resolver:
    paragraphs: list[str]
    t: Tables
    entities: list[_Entity]
    # The previous quotation's speaker and where that quotation ended.
    last_speaker: tuple[str, tuple[int, int]] | None = None
    _interviewee: tuple[_Entity | None] | None = None
    # The grammatical gender of the pronoun being resolved ("m", "f"), or None.
    gender: str | None = None
    # Every (position, entity number) where a person is named, in text order, and how
    # many entities there were when it was built (resolve() may add one).
    _named: list[tuple[tuple[int, int], int]] = field(default_factory=list)
    _named_count: int = -1
    # The names and titles between quotation marks, in text order: (where, the words
    # inside the marks, the lower-cased words just before them).
    quoted: list[tuple[tuple[int, int], str, list[str]]] = field(default_factory=list)
    # The quotation parts, to find sentences with the quoted words masked.
    index: PartIndex | None = None
    # As for _Entity: the surnames' base forms the article attests.
    elsewhere: frozenset[str] = frozenset()
    # As for _known: the given names the article gives two persons or more.
    shared: frozenset[str] = frozenset()

    _inner_capitals: frozenset[str] | None = None
    # The first word of every sentence, read once (see opening_form).
    _openers: tuple[str, ...] | None = None
    # Those of them written once at least after no preposition: a place's name may be
    # written only after one ("i Sundsvall", "in Tartu").
    _inner_free: frozenset[str] = frozenset()
    # Per word: whether the article writes it only where a sentence starts (see
    # named_after_opening_word); found once per word, not once per mention.
    _opens_only: dict[str, bool] = field(default_factory=dict)
    # Per paragraph number: whether it says anywhere that somebody is not named
    # (the anonymity table); most paragraphs do not, and then nothing is read for it.
    _says_unnamed: dict[int, bool] = field(default_factory=dict)
    # Per paragraph number: the names a bare common noun may take up (see
    # subject_body_before), found once per paragraph.
    _bodies_in: dict[int, list[tuple[int, str, str | None]]] = field(default_factory=dict)
    _body_stems: tuple[str, ...] | None = None
    _cue_stems: tuple[str, ...] | None = None
    # Per paragraph number: where each word that speaks of a statement starts, the
    # quotations masked (see statement_source).
    _cues_in: dict[int, list[int]] = field(default_factory=dict)
    _places: frozenset[str] | None = None
    # The keys of descriptions whose words name the person whose neighbour, wife or
    # lawyer they describe ("Сусідка пані Валентини"): that person is not who speaks.
    possessed: set[str] = field(default_factory=set)

    @property
    def places(self) -> frozenset[str]:
        """The capitalised words the article writes after a preposition (:func:`_places`),
        read once."""
        if self._places is None:
            self._places = _places(self.paragraphs, self.t) if self.t.names else frozenset()
        return self._places

    def says_unnamed(self, paragraph: int) -> bool:
        """True when paragraph ``paragraph`` (1-based) holds words of the anonymity
        table anywhere."""
        known = self._says_unnamed.get(paragraph)
        if known is None:
            text = self.paragraphs[paragraph - 1] if 0 < paragraph <= len(self.paragraphs) else ""
            folded = text.lower().replace("’", "'")
            # (The longest word of an entry must be in the text for it to match: a
            # substring test first, the words only then.)
            known = any(w in folded for w in _anonymity_openers(self.t)) and bool(
                self.t.anonymity.find([w.lower().replace("’", "'") for _, _, w in _tokens(text)])
            )
            self._says_unnamed[paragraph] = known
        return known

    def capitalised_inside(self, word: str) -> bool:
        """True when the article writes ``word`` capitalised inside a sentence
        somewhere: a name, not a word capitalised because it opens one."""
        if self._inner_capitals is None:
            found: set[str] = set()
            free: set[str] = set()
            t = self.t
            if not t.nouns_capitalised:  # where every noun is, it shows nothing
                for text in self.paragraphs:
                    starts = set(sentence_starts(text, t))
                    toks = _tokens(text)
                    for n, (a, _, w) in enumerate(toks):
                        if (
                            a not in starts
                            and _is_capitalised(w)
                            # After a word or a comma: not a quotation's or a line's first.
                            and _follows_word_or_comma(text, a)
                            and not _function_word(w, t)
                        ):
                            found.add(w)
                            before = toks[n - 1][2].lower() if n else ""
                            after = bare(toks[n + 1][2].lower()) if n + 1 < len(toks) else ""
                            if (
                                (
                                    # After a word of the clause's content ("köpte Norrtåg"),
                                    # not a preposition, conjunction or verb of speech
                                    # ("i Sundsvall", "att Tyskland", "said Sweden would") ...
                                    not _function_word(before, t)
                                    and not t.speech_verbs.match_at([before], 0)
                                    and before not in t.conjunctions
                                )
                                # ... or before a role or a body's noun it is the owner
                                # of ("säger Norrtågs trafikchef").
                                or after in t.bodies
                                or _ends_with_role(after, t)
                            ):
                                free.add(w)
            self._inner_capitals = frozenset(found)
            self._inner_free = frozenset(free)
        return word in self._inner_capitals

    def named(self) -> list[tuple[tuple[int, int], int]]:
        """(position, entity number) of every name in the text, in text order."""
        if self._named_count != len(self.entities):
            self._named = sorted(
                (pos, n) for n, e in enumerate(self.entities) for pos in e.positions
            )
            self._named_count = len(self.entities)
        return self._named

    def fits(self, e: _Entity) -> bool:
        """Whether a person can be what the mention being resolved refers to: a
        feminine surname (Соколова, Nowakowska, Malá) is not "он", "on"; Angela Ruiz is
        not "he"; nobody named with "řekla" is "režisér" of "řekl režisér"."""
        if self.gender is None:
            return True
        found = _entity_gender(e, self.t)
        return found is None or found == self.gender

    def main(self) -> _Entity | None:
        return _most_named(e for e in self.entities if e.person and self.fits(e))

    def named_before(self, paragraph: int, offset: int, *, same_paragraph: bool) -> _Entity | None:
        """The person named last before a point of the text."""
        found = self.named_before_at(paragraph, offset, same_paragraph=same_paragraph)
        return found[1] if found else None

    def named_before_at(
        self, paragraph: int, offset: int, *, same_paragraph: bool
    ) -> tuple[tuple[int, int], _Entity] | None:
        """(where, who) for the person named last before a point of the text."""
        named = self.named()
        best: tuple[tuple[int, int], _Entity] | None = None
        # Back from the point: the first person that fits is named last; of several
        # named at that very place, the first entity.
        for k in range(bisect.bisect_left(named, ((paragraph, offset),)) - 1, -1, -1):
            pos, n = named[k]
            if (same_paragraph and pos[0] != paragraph) or (best is not None and pos != best[0]):
                break
            e = self.entities[n]
            if e.person and self.fits(e) and pos not in e.oblique:
                best = (pos, e)
        return best

    def given_named_before(self, before: tuple[int, int]) -> tuple[tuple[int, int], _Entity] | None:
        """(where, who) for the person named with a known given name last before
        ``before`` in its paragraph, of the gender looked for: whom "she"
        takes up in "Rachel Osei of Shore Capital said … “…,” she said"."""
        named = self.named()
        for k in range(bisect.bisect_left(named, (before,)) - 1, -1, -1):
            pos, n = named[k]
            if pos[0] != before[0]:
                break
            e = self.entities[n]
            if (
                e.person
                # After a preposition only with a role ("attacked by Cllr Tom Raikes, who
                # represents Sandholme North. “…,” he said"): else whoever was "drafted by
                # Anna Berg" is not whom the next "she" is about.
                and (pos not in e.oblique or e.roles)
                and any(_known_given(g, self.t) for g in e.given())
                and self.fits(e)
            ):
                return pos, e
        return None

    def _complement_after(self, m: _Mention) -> list[str]:
        """The complement right after a mention in its clause, a preposition and up to
        two words (lower-cased), which may name a party or a portfolio: "de wethouder |
        van Financiën"; none where a verb or anything else follows ("told AFP")."""
        text = self.paragraphs[m.paragraph - 1]
        end = m.offset + len(m.text)
        tail = _CLAUSE_PUNCT.split(text[end : end + 60], maxsplit=1)[0]
        ws = [w.lower() for w in words_as_written(tail)[:3]]
        return ws[1:] if ws and _is_preposition(ws[0], self.t) else []

    def tagged(self, m: _Mention, content: list[str]) -> _Entity | None:
        """Where no person holds the mention's role: the one person whose party or
        portfolio in brackets the mention or the complement after it names ("Cllr Tom
        Hale (Labour)" for "the Labour councillor")."""
        words_ = {*content, *self._complement_after(m)}
        found = [
            e for e in self.entities if e.person and e.tags and e.tags & words_ and self.fits(e)
        ]
        return found[0] if len(found) == 1 else None

    def _of_role(self, matches: list[_Entity], content: list[str], m: _Mention) -> _Entity | None:
        """Of the persons a role noun may take up: the one whose role words share most
        with the mention ("the agriculture minister" of two ministers), then the one
        named last before it (two "wethouders": the nearer), else the most named."""
        if len(matches) <= 1:
            return matches[0] if matches else None

        after = self._complement_after(m)

        def overlap(e: _Entity) -> int:
            return (
                sum(
                    any(c == r or (len(c) >= 5 and r.startswith(c[:5])) for r in e.roles)
                    for c in content
                )
                + 2
                * sum(
                    # (Whose role it is, where possessors precede it: "administracijos".)
                    any(len(c) >= 5 and r.startswith(c[:5]) for r in e.descriptors)
                    for c in content[:-1]
                    if self.t.possessor_first
                )
                + sum(any(r == c or r in c.split("-") for r in e.tags) for c in [*content, *after])
            )

        best = max(overlap(e) for e in matches)
        matches = [e for e in matches if overlap(e) == best]
        # A person the article names with a known given name before a name it gives
        # with no given name, which may be a place in the role's complement
        # ("purtătoarea de cuvânt a Poliției Cluj").
        named = [
            e
            for e in matches
            if any(_known_given(f.split()[0], self.t) for f in e.forms if " " in f)
        ]
        if named:
            matches = named
        here = (m.paragraph, m.offset)
        before = [
            (max(p for p in e.positions if p < here), i, e)
            for i, e in enumerate(matches)
            if any(p < here for p in e.positions)
        ]
        if before:
            return max(before, key=lambda x: (x[0], -x[1]))[2]
        return _most_named(matches)

    def interviewee(self) -> _Entity | None:
        """The person the interviewer's questions address by name, if one does (worked
        out once per document: every answer asks)."""
        if self._interviewee is None:
            found = None
            for text in self.paragraphs:
                line = text.lstrip(" \u00a0")
                if line[:1] in "—–―" and text.rstrip(" \u00a0»”").endswith("?"):
                    found = self.addressed(line.lstrip("—–― \u00a0"))
                    if found is not None:
                        break
            self._interviewee = (found,)
        return self._interviewee[0]

    def addressed(self, question: str) -> _Entity | None:
        """The person a question opens by addressing ("Елена Викторовна, почему …?",
        "Mrs Ellwood, why …?"): the interviewee, matched by a name they were given."""
        runs = _runs(question[:60])
        if not runs or runs[0][0] != 0:
            return None
        words_ = [w for _, w in runs[0][1] if not _function_word(w, self.t)]
        end = runs[0][1][-1][0] + len(runs[0][1][-1][1])
        if not words_ or question[end : end + 1] != ",":
            return None
        for e in self.entities:
            if e.person and any(
                _same_surname(w, part) for f in e.forms for part in f.split() for w in words_
            ):
                return e
        return None

    def named_after_opening_word(self, m: _Mention, word: str) -> _Entity | None:
        """The person named later in the sentence that ``word`` opens, when that word is
        capitalised only because it opens the sentence: a participle, an adverb or a
        preposition ("Przeciwko uchwale głosowała radna Agnieszka Wrona", "Ouvida pela
        Lusa, a investigadora Teresa Moura", "Hasarın … isteyen Koç"). The article must
        never write the word elsewhere but at the start of a sentence: a name is."""
        t = self.t
        low = word.lower()
        if low in t.roles or low in t.bodies or _function_word(word, t):
            return None
        text = self.paragraphs[m.paragraph - 1]
        at = m.text.find(word)
        if at < 0:
            return None
        at += m.offset
        starts = sentence_starts(text, t)
        if at not in starts:
            return None
        if not self._only_opens(word):
            return None
        k = bisect.bisect_right(starts, at)
        end = starts[k] if k < len(starts) else len(text)
        for pos, n in self.named():
            if pos[0] == m.paragraph and at < pos[1] < end:
                e = self.entities[n]
                if e.person and self.fits(e):
                    return e
        return None

    def _only_opens(self, word: str) -> bool:
        """True when every place the article writes ``word`` starts a sentence."""
        known = self._opens_only.get(word)
        if known is None:
            pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
            known = True
            for other in self.paragraphs:
                if word not in other:
                    continue
                starts = set(sentence_starts(other, self.t))
                if any(found.start() not in starts for found in pattern.finditer(other)):
                    known = False
                    break
            self._opens_only[word] = known
        return known

    def fuller_name(self, name: str, m: _Mention) -> str:
        """The longer name a body's short one begins, as the article wrote it in full
        before the mention ("Defesa Civil" -> "Defesa Civil do Rio Grande do Sul", "l’Asl"
        -> "Asl Città di Torino" from "dell’Asl Città di Torino"): its words, then
        capitalised words, with particles inside; else ``name``. Only a name of
        capitalised words that opens with no known given name (not a person's)."""
        written = words_as_written(bare(name.replace("’", "'")))
        n = len(written)
        if (
            # (Where every noun is capitalised, the words after a name need not be
            # its: "der Mieterverband der Stadt Versagen vor".)
            self.t.nouns_capitalised
            or not written
            or not all(_is_capitalised(w) or _is_acronym(w) for w in written)
            or _known_given(written[-1] if self.t.family_name_first else written[0], self.t)
        ):
            return name
        for pno in range(1, m.paragraph + 1):
            text = self._unquoted(pno)
            if pno == m.paragraph:
                text = text[: m.offset]
            toks = _tokens(text)
            ws = [bare(w.replace("’", "'")) for _, _, w in toks]
            for k in range(len(toks) - n):
                if ws[k : k + n] != written or any(
                    _boundary(text, toks[j][1], toks[j + 1][0]) for j in range(k, k + n - 1)
                ):
                    continue
                end = k + n - 1
                while end + 1 < len(toks) and not _boundary(text, toks[end][1], toks[end + 1][0]):
                    nxt = toks[end + 1][2]
                    low = bare(nxt.lower())
                    if (
                        # A role or a person's name after a body's name is someone of
                        # the body ("Tesla CEO Elon Musk", "Orlen Daniel Obajtek"), not
                        # more of its name; a given name closing a name ("São Paulo")
                        # is its last word.
                        low in self.t.roles
                        or (
                            _known_given(nxt, self.t)
                            and end + 2 < len(toks)
                            and _is_capitalised(toks[end + 2][2])
                            and not _boundary(text, toks[end + 1][1], toks[end + 2][0])
                        )
                    ):
                        break
                    if _is_capitalised(nxt) or _is_acronym(nxt):
                        end += 1
                    elif (
                        nxt in _NAME_PARTICLES
                        and end + 2 < len(toks)
                        and _is_capitalised(toks[end + 2][2])
                    ):
                        end += 2
                    else:
                        break
                added = [w for _, _, w in toks[k + n : end + 1]]
                if end > k + n - 1 and (
                    # Only what shows the words are the name's: a particle linking them
                    # ("Defesa Civil do Rio Grande do Sul") or a legal form closing
                    # them ("Hallberg Brewing Ltd"), acronyms alone ("Greenpeace UK");
                    # not a product, place or branch ("Amazon Web Services", "Siemens
                    # Munich", "Canal Plus Afrique").
                    any(w in _NAME_PARTICLES for w in added)
                    or added[-1].lower().rstrip(".") in self.t.org_forms
                    or all(_is_acronym(w) for w in added)
                ):
                    start = toks[k][1] - len(ws[k])  # past an elided article: "dell’"
                    return text[start : toks[end][1]]
        return name

    def with_lower_case_tail(self, name: str, named: _Entity | None) -> str:
        """A body's name of capitalised words with the lower-case words that end it
        where the article writes them before the clause's verb ("La Protezione civile
        regionale ha diramato", "La Polizia stradale ha fermato") at the name's first
        naming, where the last capitalised word is a body's noun; else ``name``. Never a
        person's (named with a given name, a role or a gender)."""
        t = self.t
        if t.nouns_capitalised or (
            named is not None and (named.roles or named.genders or named.given())
        ):
            return name  # (and where no endings are listed, _lower_case_tail adds nothing)
        written = words_as_written(name)
        if not written or not _is_capitalised(written[0]) or not _is_capitalised(name.split()[-1]):
            return name  # (not "Българският фармацевтичен съюз (БФС)": brackets end it)
        last = bare(written[-1].lower())
        # At the first naming only, where an article gives a body's name in full.
        for pno in range(1, len(self.paragraphs) + 1):
            text = self._unquoted(pno)
            found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
            if found is None:
                continue
            end = _lower_case_tail(text, found.end(), t)
            tail = words(text[found.end() : end])
            # Only the adjective of a body's noun that ends the capitalised words
            # ("Polizia | stradale"), or of a noun that is one with it ("Protezione |
            # civile"): after a name of its own it is an epithet ("Lazio | romana",
            # "Banca d'Italia | centrale").
            if tail and (last in t.bodies or t.bodies.match_at([last, tail[0]], 0) == 2):
                return text[found.start() : end]
            return name
        return name

    def by_key(self, key: str) -> _Entity | None:
        return next((e for e in self.entities if f"e:{e.surname}" == key), None)

    def resolve(self, m: _Mention) -> tuple[str, str]:
        """(person key, name) for a mention."""
        t = self.t
        toks = [w for _, _, w in _tokens(m.text)]
        low = [bare(w.lower().replace("’", "'")) for w in toks]
        if (not toks and not m.zero) or m.described:
            return f"d:{m.text.lower()}", m.text
        if (
            _participle_phrase(m.text, t) and not _role_described(m.text, t)
        ) or _participle_after_noun(m.text, t):
            # "Kasabada oturan bir öğretmen", "starszy mężczyzna czekający przy ulicy
            # Długiej": a person described, never named; the place in the phrase is
            # no name.
            return f"d:{m.text.lower()}", m.text
        if (
            len(toks) >= 2
            and low[0] in t.indefinites
            and not any(_known_given(w, t) for w in toks[1:])
        ):
            # An unnamed person introduced as such ("Una residente di via Cimatti, che
            # …"): the description with its relative clause, not the place in it.
            whole = _whole_description(m, self.paragraphs, t).text
            wt = _tokens(whole)
            v0 = _verb_start(whole, wt, [w.lower() for _, _, w in wt], t)
            if v0 is not None:
                whole = whole[: wt[v0][0]].rstrip(" \u00a0,")  # not its verb ("ha già …")
            if whole == m.text:
                whole = _with_relative_clause(m, whole, self.paragraphs, t)
            return f"d:{whole.lower()}", whole
        if m.zero or _pronoun_words(low, t):
            reporter = self.reporting_subject(m)
            if reporter is not None:
                return self.resolve(reporter)
            self.gender = (_pronoun_gender(low[0], t) if toks else None) or m.verb_gender
            try:
                anonymous = self.anonymous(m, low)
                if anonymous is not None:
                    return f"d:{anonymous.lower()}", anonymous
                at = self.named_before_at(m.paragraph, m.offset, same_paragraph=True)
                if at is not None and self.gender is not None and _nameless(at[1], t):
                    at = self.given_named_before(at[0]) or at
                e = at[1] if at else None
                unnamed = self.unnamed_before(m) if at is None else None
                if unnamed is None and at is None:
                    unnamed = self.unnamed_in_paragraph_before(m)
                if unnamed is not None:
                    # Nobody named before it in its paragraph: the unnamed person the
                    # paragraph introduced is nearer than one named paragraphs before.
                    return f"d:{unnamed.lower()}", unnamed
                if e is None:
                    named = self.named_before_at(m.paragraph, m.offset, same_paragraph=False)
                    last = self.last_speaker
                    last_entity = self.by_key(last[0]) if last is not None else None
                    recent = last is not None and m.paragraph - last[1][0] <= 3
                    # The previous speaker wins when the quotation follows theirs
                    # directly (the next paragraph), or when nobody was named since.
                    adjacent = last is not None and m.paragraph - last[1][0] <= 1
                    if (
                        last is not None
                        and recent
                        and (last_entity is None or self.fits(last_entity))
                        and not self._a_body(last[0])
                        and (adjacent or named is None or last[1] > named[0])
                    ):
                        return last[0], self._name_of(last[0], m.text)
                    if named is not None and self.gender is not None and _nameless(named[1], t):
                        # "… attacked by Cllr Janet Hebden, who represents Priory Park." and
                        # "“…,” she said" next: a person named with a given name first.
                        named = self.given_named_before(named[0]) or named
                    e = named[1] if named else self.main()
            finally:
                self.gender = None
            if e is None:
                return f"d:{m.text.lower()}", m.text
            return f"e:{e.surname}", e.name
        unnamed = self._said_unnamed(m, toks)
        if unnamed is not None:
            return f"d:{unnamed.lower()}", unnamed
        # A person's name in the mention: its longest run of capitalised words, role
        # words cut off ("Bundeskanzlerin Angela Merkel", "minister Hugo de Jonge").
        name: list[str] = []
        possessor = surname_like = False
        for start, run in _runs(m.text):
            tokens = [tok for _, tok in run]
            while tokens and tokens[-1].lower() in _NAME_PARTICLES:
                tokens.pop()
            if not tokens:
                continue  # only a particle ("De", "E")
            before = words(m.text[:start])
            if before and before[-1] in t.determiners and len(tokens) == 1:
                continue  # "der Minister", "the Kremlin": a noun, not a name
            if t.nouns_capitalised and len(tokens) == 1 and _after_article(m.text[:start], t):
                continue  # "der frühere Innenverteidiger": a noun after its adjectives
            if (
                (len(tokens) == 1 or not any(_known_given(w, t) for w in tokens))
                and len(before) >= 2
                and before[-1] in t.stopwords
                and (
                    (not _function_word(before[0], t) and not m.text[:1].isupper())
                    or not any(
                        _same_surname(e.surname, tokens[-1]) and e.person for e in self.entities
                    )
                )
            ):
                # "geologa del Politecnico", "De burgemeester van Bree", "Řidič z Horní
                # Lhoty": the complement of a noun, a place or body -- unless a person of
                # that name was named, or a given name shows a person.
                continue
            if (
                len(tokens) == 1
                and len(before) >= 2
                and m.text[:start].rstrip(" \u00a0")[-1:].islower()
                and bare(before[-2]) in t.roles
                and not _function_word(before[-1], t)
                and bare(before[-1]) not in t.roles
                and before[-1] not in t.speech_verbs
                and not _known_given(tokens[0], t)
                and not any(_same_surname(e.surname, tokens[0]) and e.person for e in self.entities)
            ):
                # A role, a common noun and one capitalised word: the noun's complement,
                # a place or a body ("prebivalka vasi Mozelj", "obyvatelka obce Lhota"),
                # unless a person of that name was named; not "kolega Novák".
                continue
            if (
                len(tokens) == 1
                and before
                and bare(before[-1]) in t.roles
                and bare(before[-1]) not in t.bodies
                and _after_role_in_genitive(m.text, start, tokens[0], t)
                and not any(
                    _same_surname(e.surname, tokens[0]) and any(" " in f for f in e.forms)
                    for e in self.entities
                    if e.person
                )
            ):
                # Where nouns decline, one capitalised word right after a role noun that
                # the article never writes with a given name is the role's complement in
                # the genitive, a place or a body: "мэр Томска", "mieszkanka Krosna".
                # Where it may as well be a surname ("министр Козлов"), the mention is
                # kept as written: not the role's other holder.
                surname_like = surname_like or not _looks_genitive(tokens[0], t, self.places)
                continue
            after = words(m.text[run[-1][0] + len(run[-1][1]) :])
            if after and (
                tokens[-1].replace("’", "'").endswith(("'s", "s'")) or _oblique(tokens[-1], t)
            ):
                # A possessor, or a name in another case: "Mr Doyle’s brother-in-law",
                # "Demir'in avukatı" (Demir's lawyer) is someone else.
                possessor = True
                continue
            if (
                len(tokens) == 1
                and after
                and bare(after[0]) in t.roles
                and not any(_same_surname(e.surname, tokens[0]) and e.person for e in self.entities)
            ):
                # A place or body whose role it is, in the genitive: "Lollands borgmester",
                # "Polens premiärminister", "Kirklees Council’s cabinet member".
                continue
            if (
                after
                and bare(after[0]) in t.roles
                and not any(_known_given(w, t) for w in tokens)
                and any(self._body_noun(w.lower()) for w in tokens)
            ):
                # A body's name before its role noun is whose role it is, of any length:
                # "a Tiszai Vízügyi Kutatóintézet kutatója" is its researcher.
                continue
            if self._possessor_after_noun(m, before, tokens):
                possessor = True
                continue
            cut_roles, candidate = _name_in(tokens, t)
            if _role_and_portfolio(cut_roles, candidate, t) and not any(
                _same_surname(e.surname, candidate[-1]) and e.person for e in self.entities
            ):
                continue  # "L’échevin du Commerce": a role and its portfolio
            if any(w.lower() in t.bodies for w in candidate):
                continue
            if candidate and _oblique(candidate[-1], t):
                continue  # "Aspendos Antik Tiyatrosu'nda": a place, a possessor
            if candidate and _genitive_complement(candidate[0].lower(), t):
                continue  # "ο υφυπουργός Εθνικής Οικονομίας": the role's ministry
            if len(candidate) >= len(name) and candidate:
                # Among runs of the same length the last one: the name in apposition
                # ("la segretaria della Flc Cgil, Anna Moretti").
                name = candidate
        if (possessor or surname_like) and not name:
            # Whoever the words make of the named person, the article does not name.
            description = _with_relative_clause(m, m.text, self.paragraphs, t)
            if possessor:
                self.possessed.add(f"d:{description.lower()}")
            return f"d:{description.lower()}", description
        if name and len(name) == 1 and any(w in t.bodies for w in low):
            name = []  # "the Ministry of Defence", "analysts at Berenberg": a body
        if name and _genitive_complement(name[0].lower(), t):
            name = []  # "ministrul Transporturilor": a role and its ministry
        if name:
            surname = name[-1]
            e = _known(
                self.entities, self.entities, surname, lone=len(name) == 1, shared=self.shared
            )
            if e is not None:
                return f"e:{e.surname}", e.name
            if len(name) == 1:
                e = self.named_after_opening_word(m, surname)
                if e is not None:
                    return f"e:{e.surname}", e.name
                e = self._of_role(self.capitalised_role_holders(surname), [surname.lower()], m)
                if e is not None:
                    return f"e:{e.surname}", e.name
            if len(name) >= 2 or (
                # Where every noun is capitalised, one capitalised word inside a sentence
                # is as likely a noun ("befürchtet Umsatzeinbußen") as a name.
                (not m.sentence_initial and not t.nouns_capitalised)
                or self.capitalised_inside(surname)
            ):
                # (One word opening the sentence is a name where the article writes it
                # capitalised inside a sentence too: "Кудрявцев вину не признал".)
                e = _Entity(
                    surname,
                    [" ".join(name)],
                    [(m.paragraph, m.offset)],
                    inflections=t.names,
                    elsewhere=self.elsewhere,
                )
                self.entities.append(e)
                return f"e:{e.surname}", e.name
        self.gender = m.verb_gender or _noun_gender(low, t)
        try:
            return self._described(m, toks, low)
        finally:
            self.gender = None

    def _possessor_after_noun(self, m: _Mention, before: list[str], tokens: list[str]) -> bool:
        """True where the mention is the subject of the speech verb right beside it and
        opens with a noun for a person, and the name after that noun is in another case
        than the base form of a person's name the article writes: the noun's complement,
        whose neighbour or lawyer speaks ("додала сусідка пані Валентини" beside
        "Валентина Кравець"), in a language whose names decline after the noun they
        complement. Not a phrase in an oblique case as a whole ("Według wiceprezydenta
        miasta Tomasza Różyckiego …"): the verb beside it shows the subject.
        ``before``: the mention's words before the name, lower-cased."""
        t = self.t
        if not t.names or t.possessor_first or not before:
            return False
        if _function_word(before[0], t) or not _person_word(bare(before[0]), t):
            return False
        e = _known(
            self.entities, self.entities, tokens[-1], lone=len(tokens) == 1, shared=self.shared
        )
        if e is None or not e.person:
            return False
        # (Its last word declined: "пресс-секретарь Путина Дмитрий Песков" ends with a
        # name in its base form, the one in apposition, who speaks.)
        if tokens[-1].lower() in {w.lower() for w in e.name.split()}:
            return False
        if not any(e.name in text for text in self.paragraphs):
            return False  # a base form the rules made, not one the article attests
        para = self.paragraphs[m.paragraph - 1] if 0 < m.paragraph <= len(self.paragraphs) else ""
        if para[m.offset : m.offset + len(m.text)] != m.text or not m.text.rstrip().endswith(
            tokens[-1]
        ):
            return False
        ahead = [w for w in words(para[: m.offset])[-3:] if w not in t.auxiliaries]
        if ahead and ahead[-1] in t.speech_verbs:
            return True
        if ahead and _is_preposition(ahead[-1], t):
            return False  # "Według wiceminister Kalinowskiej …"
        # (After its relative clause: "Сусідка пані Валентини, яка не захотіла …, додала".)
        end = m.offset + len(_with_relative_clause(m, m.text, self.paragraphs, t))
        behind = [w for w in words(para[end:])[:3] if w not in t.auxiliaries]
        return bool(behind) and behind[0] in t.speech_verbs

    def _said_unnamed(self, m: _Mention, toks: list[str]) -> str | None:
        """The description a mention gives whose one capitalised word the article writes
        nowhere else, where the relative clause after it says the person is not named
        ("je povedal 58-letni Kranjčan, ki je želel ostati neimenovan"): that word says
        where they are from or what they are, it is not their name. The mention with the
        clause, as the guidelines' "description as written"; None otherwise."""
        t = self.t
        if t.nouns_capitalised:
            return None  # "sagte die Frau, die ihren Namen nicht …": a noun, written so
        capitalised = [w for w in toks if _is_capitalised(w)]
        if (
            len(capitalised) != 1
            or _known_given(capitalised[0], t)
            or _person_word(bare(capitalised[0].lower()), t)
        ):
            return None
        # The word describes where only an article or an age does so before it ("the
        # 64-year-old Glaswegian", "58-letni Kranjčan"); alone or after a role it is a
        # surname, and the clause may withhold only the rest of the name ("said
        # Kowalski, who asked not to be named in full").
        before = [w.lower() for w in toks[: toks.index(capitalised[0])]]
        if not before or any(
            _person_word(bare(w), t) or w.rstrip(".") in t.abbreviations for w in before
        ):
            return None
        if not any(w in t.determiners or any(ch.isdigit() for ch in w) for w in before):
            return None
        word = re.compile(rf"(?<!\w){re.escape(capitalised[0])}(?!\w)")
        if sum(len(word.findall(text)) for text in self.paragraphs) != 1:
            return None
        whole = _with_relative_clause(m, m.text, self.paragraphs, t)
        added = [bare(w.lower()) for _, _, w in _tokens(whole[len(m.text) :])]
        return whole if added and t.anonymity.find(added) else None

    def _described(self, m: _Mention, toks: list[str], low: list[str]) -> tuple[str, str]:
        """(person key, name) for a mention without a name or a pronoun: a role noun, a
        body, a description; only persons of the mention's gender, where it shows one."""
        t = self.t
        description = m.text
        while description and words(description)[:1] and words(description)[0] in t.determiners:
            description = description.split(None, 1)[1] if " " in description else ""
        description = description or m.text
        content = [w for w in low if not _function_word(w, t)]
        a_statement = len(content) == 1 and bool(t.speech_cues.find(content))
        if a_statement and not any(w in t.complementizers or w in t.pronouns for w in low):
            # (A noun phrase, not a clause: "that it would appeal".)
            # "the statement said", "Açıklamada": whoever issued the statement.
            source = self.statement_source(m)
            if source is not None:
                first = source.text.split()[0]
                if not self._body_noun(first) and self._a_persons(source.text):
                    return self.resolve(source)
                issuer = self.spelled_with_acronym(self.base_body(source.text))
                return f"d:{issuer.lower()}", issuer
        anonymous = self.anonymous(m, low)
        if anonymous is not None:
            return f"d:{anonymous.lower()}", anonymous
        introduced_bare = self.bare_description(m, low)
        if introduced_bare is not None:
            return f"d:{introduced_bare.lower()}", introduced_bare
        if low[0] in t.indefinites or low[0] in t.possessives:
            text = _with_relative_clause(m, m.text, self.paragraphs, t)
            return f"d:{text.lower()}", text
        # A body named in it makes the mention a body ("the Ministry of Defence"), unless
        # it opens with a role noun: "la maire devant le Conseil de Paris", "el líder
        # del Partido Popular" are persons described by their role.
        head = next((w for w in low if not _function_word(w, t)), "")
        # Words of the mention that say whose statement it is, not who: "klubo
        # pranešime" (the club's statement) is the club.
        statement = 0
        if t.possessor_first:
            # Head-final noun phrases, the possessor first: "a szövetség elnöke" (the
            # association's president), "Kurumun sözcüsü", "Uzņēmuma vadītāja" -- the
            # last word is the head (of the first run of words where prepositions
            # follow: "lopkopis no Elejas pagasta" is a farmer).
            content = [w for w in low if not _function_word(w, t)]
            if not t.markers_follow:
                content = _first_run(low, t)
            head = content[-1] if content else head
            # (A statement's noun of two words too: "pranešime spaudai", a press
            # release.)
            cue = [c for c in t.speech_cues.find(content) if c[0] >= 1 and sum(c) == len(content)]
            if cue:
                head = content[cue[0][0] - 1]  # "мекеменің хабарламасында": its statement
                statement = cue[0][1]
        run = _first_run(low, t)
        modifier = 0
        if (
            not t.possessor_first
            and head not in t.bodies
            and head not in t.roles
            and len(run) >= 2
            and run[-1] in t.bodies
        ):
            # A noun (no role) before the body's noun modifies it: "The ferry operator",
            # "the health department" are the operator, the department.
            head = run[-1]
            modifier = 1
        nouns = [w for w in low if not _function_word(w, t)]
        if (
            not modifier
            and not t.possessor_first
            and len(nouns) == 2
            and nouns[-1] in t.bodies
            and head == nouns[0]
            and head not in t.bodies
            and head not in t.roles
        ):
            # A modifier before a body's noun: "the ferry operator", "dopravní podnik"
            # is the operator, the enterprise.
            head, modifier = nouns[-1], 1
        role_head = head in t.roles and head not in t.bodies  # "die Sprecherin" is a body's
        if (
            any(w in t.bodies for w in low)
            # (An acronym after an elided article too: "l’ARS".)
            or any(_is_acronym(bare(w.replace("’", "'"))) for w in toks)
            or any(w.isupper() and len(w) > 1 for w in toks)
            # (Or a short name the article writes in brackets: "la Aemet".)
            or any(self._bracketed_short_name(w) for w in toks)
            # One word, a compound of a body's noun in an oblique case where the
            # possessor comes first: "Pesäpalloliiton mukaan".
            or (len(low) == 1 and t.markers_follow and self._body_noun(low[0]))
        ) and not role_head:
            named = self.named_body(m, toks, low)
            if (
                named is not None
                and head in t.bodies
                and named not in self.paragraphs[m.paragraph - 1]
            ):
                # A name opening a sentence of the mention's own paragraph is nearer
                # than a body noun's namesake paragraphs before ("Lentoyhtiöt …" then
                # "Finnair kertoi … Yhtiön mukaan").
                named = self.organisation_before(m) or named
            if named is None:
                named = self.quoted_source(m, head)
            if named is None and (low[0] in t.determiners or (low[0] == head and head in t.bodies)):
                # (With a definite ending for an article: "Myndigheten", "bolaget".)
                named = self.marked_source(m)
            if named is None and head in t.bodies:
                named = (
                    self.organisation_before(m)
                    or self.place_source_before(m)
                    or self.speaking_body_before(m)
                    or (
                        # Only a bare noun: "пресс-службе аэропорта" names its body.
                        (
                            self.named_with_noun_before(m, head)
                            or (
                                # (Only a noun that needs a name: "the company", not
                                # "әкімдік", a city's own administration.)
                                self.lead_organisation(m)
                                if head in t.generic_bodies or head in t.name_cues
                                else None
                            )
                            or self.subject_body_before(m, head)
                            or self.legal_form_before(m, head)
                            or (
                                self.opening_name_before(m)
                                if head in t.generic_bodies or head in t.name_cues
                                else None
                            )
                        )
                        if sum(not _function_word(w, t) for w in low) == 1 + statement + modifier
                        else None
                    )
                )
            extra = words(description[len(named) :]) if named is not None else []
            if (
                named is not None
                and description.startswith(named)
                and _is_capitalised(description)
                and 0 < len(extra) <= 2
                and not any(_function_word(w, t) for w in extra)
            ):
                # Its own words name it more fully: "Прокуратура Томского | района" (not
                # a place phrase after it: "Nemocnica v Trebišove | v stanovisku").
                named = description
            if named is not None:
                # (Found where the text writes it in an oblique case: "у Міністерстві
                # охорони здоров’я" -> "Міністерство охорони здоров’я".)
                named = self.spelled_with_acronym(self.opening_form(self.base_body(named)))
                return f"d:{named.lower()}", named
            # "в департаменте транспорта": the body in its base form; "the STM": the
            # name its acronym stands for.
            description = self.spelled_with_acronym(self.base_body(description))
            return f"d:{description.lower()}", description
        if not role_head and (head in t.title_cues or head in t.name_cues):
            # "Le quotidien évoque « … »" after "Selon « Midi Libre »": the newspaper.
            named = self.quoted_source(m, head)
            if named is not None:
                return f"d:{named.lower()}", named
        if (
            low[0] in t.plural_determiners
            and len(low) <= 6
            and not any(ch in _OPENING or ch in _CLOSING for ch in m.text)
        ):
            # "Les vignerons promettent …": a group, not one who holds the role.
            return f"d:{description.lower()}", description
        # A role noun: the person introduced with it.
        content = [w for w in low if not _function_word(w, t)]
        matches = self.role_holders(content)
        if t.possessor_first and len(content) >= 2:
            # Whose role it is decides as much as the role's word: "administracijos
            # vadovas" is the administration's director, not a firm's "vadovas".
            matches += [
                e
                for e in self.entities
                if e.person
                and e.roles
                and e not in matches
                and any(
                    len(c) >= 5 and r.startswith(c[:5]) for r in e.descriptors for c in content[:-1]
                )
                and self.fits(e)
            ]
        if not matches:
            # A descriptor that starts like a content word of five letters or more, or a
            # compound that ends with one ("stadsbeiaardier Jan Mol" … "de beiaardier").
            heads = {c[:5] for c in content if len(c) >= 5}
            longer = [c for c in content if len(c) >= 6]
            matches = [
                e
                for e in self.entities
                if e.person
                and heads
                and any(
                    r[:5] in heads or any(len(r) >= len(c) + 3 and r.endswith(c) for c in longer)
                    for r in e.descriptors
                )
                and self.fits(e)
            ]
        if matches:
            # "aldus de wethouder van Financiën" after "Wethouder Anna Berg (Klimaat)" and
            # "Haar collega Jan Smit (Financiën)": the one person whose portfolio the
            # mention names, where no holder of the role's has it.
            # (Only a person named with no role of the tables, and not where a holder
            # was named with those words too: "Labour leader Keir Starmer" is "the
            # Labour leader", not "local MP Jane Doe (Labour)".)
            other = self.tagged(m, content)
            if other is not None and any(r in self.t.roles for r in other.roles):
                other = None
            portfolio = other.tags & {*content, *self._complement_after(m)} if other else set()
            if other is not None and not any((e.tags | e.roles) & portfolio for e in matches):
                matches = [other]
        chosen = self._of_role(matches, content, m) if matches else self.tagged(m, content)
        if chosen is not None:
            return f"e:{chosen.surname}", chosen.name
        if low[0] in t.plural_determiners:
            return f"d:{description.lower()}", description  # "les loueurs", a group
        if content and (low[0] in t.determiners or not any(_is_capitalised(w) for w in toks[1:])):
            # A definite role noun or description ("the coach", "die SPD-Politikerin",
            # "Le technicien portugais", "reżyserka"): the person named nearest before
            # it, else the one named right after it (guidelines: a role noun resolves
            # to the person the article names anywhere).
            introduced = self.introduced(m, low)
            if introduced is not None and a_statement:
                # "The club released a statement … “…,” the statement said": whose
                # statement the article did not say; the statement it introduced is
                # no person (nor "un communiqué lundi. « Nous"), so it stays a statement.
                return f"d:{description.lower()}", description
            if introduced is not None:
                return f"d:{introduced.lower()}", introduced
            if content and all(_person_noun(w, t) for w in content):
                # A word for any person ("мужчына", "the woman") takes up whoever the
                # paragraph introduced unnamed, as a pronoun would ("Адзін з іх,
                # 64-гадовы пенсіянер …" then "— …, — усміхаецца мужчына"); not after a
                # person named in its paragraph ("Elena Ursu, o mamă de 31 de ani").
                at = self.named_before_at(m.paragraph, m.offset, same_paragraph=True)
                unnamed = None if at is not None else self.unnamed_before(m)
                unnamed = unnamed or self.unnamed_in_paragraph_before(m)
                noun = "f" if any(w in t.female_person_nouns for w in content) else "m"
                shown = _noun_gender(words(unnamed), t) if unnamed is not None else None
                if unnamed is not None and (
                    shown == noun
                    # (Where it shows no gender, only a short noun phrase: not "A
                    # cyclist died after a collision …", whom "the woman" is not.)
                    or (shown is None and len(words(unnamed)) <= _GENDERLESS_WORDS)
                ):
                    return f"d:{unnamed.lower()}", unnamed
            if (
                not matches
                and m.sentence_initial
                and len(content) >= 3
                and low[0] not in t.determiners
                and bare(low[-1]) in t.roles
                and not any(_is_capitalised(w) for w in toks[1:])
            ):
                # A role noun after words that describe the person, opening the
                # sentence, that nobody named has ("Kahvilan edessä istuva eläkeläinen
                # kertoo"): someone the article introduces without a name.
                return f"d:{m.text.lower()}", m.text
            e = None if matches else self.named_next(m)
            if e is not None:
                return f"e:{e.surname}", e.name
            e = self.nearest(m.paragraph, m.offset, person=role_head)
            if any(n >= 2 for _, n in t.roles.find(low)):
                # A head role written as a phrase of the table ("the head of state",
                # "кіраўнік дзяржавы") is the article's protagonist when named more often
                # than the nearest person: not the host who welcomed them. (Not any
                # role: "ekspertka" is the expert named just before, not the minister.)
                main = self.main()
                if main is not None and (e is None or len(main.positions) > len(e.positions)):
                    e = main
            if e is not None:
                return f"e:{e.surname}", e.name
        description = _with_relative_clause(m, description, self.paragraphs, t)
        return f"d:{description.lower()}", description

    def quoted_source(self, m: _Mention, head: str) -> str | None:
        """The name or title in quotation marks that a common noun takes up ("Le
        quotidien" -> « Midi Libre », "De coöperatie" -> energiecoöperatie ‘Vechtstroom’):
        the last one before the mention, in its paragraph or the two before, that was
        given with that noun (or a compound ending with it) or as a source ("Selon « … »").
        A noun that introduces names takes up one given with another such noun in its
        own paragraph too ("savivaldybės įmonė „Kauno autobusai“ … – nurodė bendrovė")."""
        if len(head) < 4:
            return None
        t = self.t
        here = (m.paragraph, m.offset)
        kindred = head in t.name_cues or head in t.generic_bodies
        for pos, inner, before in reversed(self.quoted):
            if pos >= here:
                continue
            if m.paragraph - pos[0] > 2:
                break
            if before and (
                _same_noun(before[-1], head)
                or before[-1].endswith(head)
                or t.source_markers.find(before)
                or (
                    pos[0] == m.paragraph
                    and kindred
                    and self._body_noun(before[-1])
                    and self._same_kind(before[-1], head)
                )
            ):
                return inner
        return None

    def spelled_out(self, acronym: str, m: _Mention) -> str | None:
        """The name an acronym stands for when the article gave it in full before,
        without the acronym: the last run of capitalised words (particles passed over)
        whose initials spell it ("Miejski Zarząd Dróg" for MZD)."""
        if len(acronym) < 3:
            return None  # two letters spell too many runs by chance
        found = None
        for pno in range(1, m.paragraph + 1):
            text = self.paragraphs[pno - 1]
            for ws in _joined_runs(text[: m.offset] if pno == m.paragraph else text, self.t):
                for a in range(len(ws)):
                    if ws[a] in _NAME_PARTICLES or ws[a].islower():
                        continue
                    # The words from ws[a] on whose initials spell the acronym.
                    spelled, k = "", a
                    while k < len(ws) and len(spelled) < len(acronym):
                        if ws[k] not in _NAME_PARTICLES and not ws[k].islower():
                            spelled += ws[k][0]
                        k += 1
                    if spelled == acronym:
                        found = " ".join(ws[a:k])
                        break
        if found is None:
            found = self._spelled_with_lower_case(acronym, m)
        return found

    def _spelled_with_lower_case(self, acronym: str, m: _Mention) -> str | None:
        """The body's name whose first word is capitalised and the rest in lower case,
        as Slavic and Baltic languages write them ("Міністерство охорони здоров’я" for
        МОЗ, "Ministerstvo životního prostředí" for MŽP): a body noun of the language
        followed by words whose initials spell the rest of the acronym; the last one
        before the mention."""
        t = self.t
        found = None
        for pno in range(max(1, m.paragraph - 3), m.paragraph + 1):
            text = self.paragraphs[pno - 1]
            if pno == m.paragraph:
                text = text[: m.offset]
            toks = _tokens(text)
            for a, (_, _, first) in enumerate(toks):
                if first[:1] != acronym[0] or not _is_capitalised(first):
                    continue
                if first.lower() not in t.bodies:
                    continue
                k = a + len(acronym)
                if k > len(toks) or any(
                    _boundary(text, toks[i - 1][1], toks[i][0]) for i in range(a + 1, k)
                ):
                    continue
                if "".join(w[0] for _, _, w in toks[a:k]).upper() == acronym:
                    found = text[toks[a][0] : toks[k - 1][1]]
        return found

    def organisation_before(self, m: _Mention) -> str | None:
        """The body a common noun takes up when its paragraph opened a sentence with the
        body's name ("Fellside Travel, which runs 38 routes, said … ‘…,’ the company
        said"; "Finnair kertoi … Yhtiön mukaan …"): the name nearest before the mention
        that opens a sentence of the paragraph (after an article at most) and is no
        person's (no given name, role or gender known for it); a name the article gives
        only there, when a verb of speech follows it."""
        t = self.t
        text = self.paragraphs[m.paragraph - 1]
        starts = sentence_starts(text, t)
        best: tuple[int, str] | None = None
        for e in self.entities:
            if e.roles or e.genders or any(is_given_name(g) for g in e.given()):
                continue
            for pno, offset in e.positions:
                if pno != m.paragraph or offset >= m.offset or (best and offset <= best[0]):
                    continue
                k = starts[bisect.bisect_right(starts, offset) - 1] if starts else 0
                lead = text[k:offset].split()
                if lead and _hyphened_modifier(lead[-1]):
                    lead.pop()  # "Denver-based Halvorsen said"
                if all(w in t.determiners for w in words(" ".join(lead))):
                    best = (offset, e.name)
        for k in starts:
            if k >= m.offset or (best and k <= best[0]):
                continue
            # Only a sentence's opening words are read (its name, its complement and its
            # verb): a long paragraph of such mentions costs no more than a short one.
            limit = min(m.offset, k + _OPENING_WINDOW)
            runs = _runs(text[k:limit])
            if not runs or runs[0][0] != 0:
                continue
            run = [w for _, w in runs[0][1]]
            rest = text[k + runs[0][1][-1][0] + len(run[-1]) : limit]
            after = words(rest)
            while len(run) > 1 and run[0].lower() in t.determiners:
                run = run[1:]  # "Die Staatsanwaltschaft Lüneburg"
            # A body's name whose complement is in lower case ("Міністерство охорони
            # здоров’я закликало"): the words up to the verb, in the same clause, belong
            # to it.
            complement = 0
            if len(run) == 1 and run[0].lower() in t.bodies and not t.nouns_capitalised:
                toks = _tokens(rest)
                while (
                    complement < min(6, len(after), len(toks) - 1)
                    and not t.speech_verbs.match_at(after, complement)
                    and (
                        not _function_word(after[complement], t)
                        # A preposition or "and" inside it, between its nouns:
                        # "Министерството на образованието и науката напомни".
                        or (
                            complement + 1 < len(after)
                            and (
                                after[complement] in t.stopwords
                                or after[complement] in t.conjunctions
                            )
                            and after[complement] not in t.pronouns
                            and not _function_word(after[complement + 1], t)
                            # (Not where the statement is: "Svaz vinařů v tiskové
                            # zprávě vyzval".)
                            and not t.speech_cues.find(after[complement : complement + 3])
                        )
                    )
                    and not _boundary(rest, toks[complement][1], toks[complement + 1][0])
                ):
                    complement += 1
                if complement and (
                    _boundary(rest, 0, toks[0][0]) or _function_word(after[complement - 1], t)
                ):
                    complement = 0
            verb_at = complement
            if len(run) == 1 and not complement and t.possessor_first:
                complement, verb_at = self._head_after(rest, after)
            if (
                not any(_function_word(w, t) or w.lower() in t.roles for w in run)
                # The noun alone opening a sentence ("Yhtiö kertoi") names no body.
                and not (len(run) == 1 and complement == 0 and run[0].lower() in t.bodies)
                and not is_given_name(run[0])
                and not any(_same_surname(e.surname, run[-1]) for e in self.entities if e.person)
                and (
                    t.speech_verbs.match_at(after, verb_at)
                    # An acronym is a body's name wherever it opens a sentence ("SMHI
                    # har utfärdat en varning, och myndigheten varnar för …").
                    or (len(run) == 1 and _is_acronym(run[0]))
                    # So is a name of two words or more with a body noun in it ("Die
                    # Staatsanwaltschaft Lüneburg hatte … gefordert. Die Behörde …").
                    or (len(run) >= 2 and any(bare(w.lower()) in t.bodies for w in run))
                )
            ):
                name = " ".join([*run, *words_as_written(rest)[:complement]])
                if len(run) >= 2 and not complement and t.adjective_endings:
                    # The noun of a capitalised adjective ends it: "Прокуратура Омской |
                    # области начала проверку".
                    sentence = text[k:limit]
                    toks = _tokens(sentence)
                    end = runs[0][1][-1][0] + len(run[-1])
                    at = next((i for i, tok in enumerate(toks) if tok[1] == end), None)
                    if at is not None:
                        last = _adjective_noun_end(sentence, toks, at, t)
                        name = " ".join([*run, *(w for _, _, w in toks[at + 1 : last + 1])])
                best = (k, name)
        return best[1] if best is not None else None

    def _head_after(self, rest: str, after: list[str]) -> tuple[int, int]:
        """(words, verb) for a name whose head follows in lower case where the possessor
        comes first ("Lietuvos krepšinio lyga vėliau paskelbė"): the number of words of
        ``rest`` up to a body noun within three, and where the verb of speech after it
        is (the next word, or the one after an adverb); (0, 0) where there is none."""
        t = self.t
        toks = _tokens(rest)
        if not toks or _boundary(rest, 0, toks[0][0]):
            return 0, 0
        for h in range(min(3, len(after), len(toks))):
            if h and _boundary(rest, toks[h - 1][1], toks[h][0]):
                break
            if _function_word(after[h], t) or not toks[h][2].islower():
                break
            if self._body_noun(after[h]):
                for v in (h + 1, h + 2):
                    if v < len(toks) and _boundary(rest, toks[v - 1][1], toks[v][0]):
                        break
                    if t.speech_verbs.match_at(after, v):
                        return h + 1, v
                break
        return 0, 0

    def place_source_before(self, m: _Mention) -> str | None:
        """The body an impersonal verb of speech names in a place phrase opening a
        sentence of the mention's paragraph ("У ДСНС повідомили, що …", "В ГУ МЧС
        сообщили"): the capitalised words or acronyms after the preposition, when the
        verb follows them; the last such before the mention."""
        t = self.t
        text = self.paragraphs[m.paragraph - 1]
        found = None
        for k in sentence_starts(text, t):
            if k >= m.offset:
                break
            toks = _tokens(text[k : min(m.offset, k + 200)])
            low = [w.lower() for _, _, w in toks]
            if len(toks) < 3 or low[0] not in t.stopwords or low[0] in t.determiners:
                continue
            e = 1
            while e < len(toks) and (_is_capitalised(toks[e][2]) or toks[e][2].isupper()):
                if e > 1 and _boundary(text[k:], toks[e - 1][1], toks[e][0]):
                    break
                e += 1
            if e > 1 and e + 1 < len(toks) and not t.speech_verbs.match_at(low, e):
                # Its complement: "В ГУ МЧС России по Алтайскому краю сообщили".
                f = e + 1 if low[e] in t.stopwords else e
                while f < min(len(toks), e + 4) and not t.speech_verbs.match_at(low, f):
                    if _boundary(text[k:], toks[f - 1][1], toks[f][0]):
                        break
                    f += 1
                if f > e and f < len(toks) and t.speech_verbs.match_at(low, f):
                    e = f
            if e > 1 and e < len(toks) and t.speech_verbs.match_at(low, e):
                run = [w for _, _, w in toks[1:e]]
                if not any(is_given_name(w) for w in run):
                    found = text[k + toks[1][0] : k + toks[e - 1][1]]
        return found

    def speaking_body_before(self, m: _Mention) -> str | None:
        """The body a common noun takes up when the paragraph before gave it as the
        subject of a verb of speech ("…, wie die Deutsche Bahn mitteilte." then "das
        Unternehmen"): the last name of two or more capitalised words (or an acronym)
        right before such a verb there, unless it is a person's."""
        if m.paragraph < 2:
            return None
        t = self.t
        text = self.paragraphs[m.paragraph - 2][-600:]
        toks = _tokens(text)
        low = [w.lower() for _, _, w in toks]
        found = None
        for s, _ in t.speech_verbs.find(low):
            j = s
            while (
                j > 0
                and not _boundary(text, toks[j - 1][1], toks[j][0])
                and (_is_capitalised(toks[j - 1][2]) or toks[j - 1][2].isupper())
            ):
                j -= 1
            run = [w for _, _, w in toks[j:s]]
            if not run or (len(run) == 1 and not _is_acronym(run[0])):
                continue
            if j > 0 and low[j - 1] not in t.determiners:
                continue  # the name opens no noun phrase ("wie die Deutsche Bahn")
            if (
                any(_function_word(w.lower(), t) or w.lower() in t.roles for w in run)
                or is_given_name(run[0])
                or any(_same_surname(e.surname, run[-1]) for e in self.entities if e.person)
            ):
                continue
            found = " ".join(run)
        return found

    def lead_organisation(self, m: _Mention) -> str | None:
        """The body the article is about, for a common noun nothing nearer names: the
        first name of two or more capitalised words (or an acronym) that opens a
        sentence of the lead before a word in lower case and is no person's ("Bay
        Ferries Atlantic cancelled all crossings …" then "the company said"), or the
        name inside a sentence of the lead right before its verb of speech ("… after
        Seabridge said its ferry …")."""
        t = self.t
        if t.nouns_capitalised or m.paragraph < 2:
            return None
        text = self.paragraphs[0]
        starts = sentence_starts(text, t)
        for n, k in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(text)
            speaking = self._speaking_name_in(text[k:end])
            if speaking is not None:
                return speaking
            toks = _tokens(text[k : k + 200])
            i = 0
            while i < len(toks) and toks[i][2].lower() in t.determiners:
                i += 1
            j = i
            while j < len(toks) and (_is_capitalised(toks[j][2]) or toks[j][2].isupper()):
                if j > i and _boundary(text[k:], toks[j - 1][1], toks[j][0]):
                    break
                j += 1
            run = [w for _, _, w in toks[i:j]]
            if (
                j < len(toks)
                and toks[j][2].islower()
                and (len(run) >= 2 or (len(run) == 1 and _is_acronym(run[0])))
                and not any(_function_word(w.lower(), t) or w.lower() in t.roles for w in run)
                and not any(is_given_name(w) for w in run)
                and not any(
                    _same_surname(e.surname, run[-1])
                    for e in self.entities
                    if e.roles or e.genders or any(is_given_name(g) for g in e.given())
                )
            ):
                return " ".join(run)
        return None

    def _speaking_name_in(self, sentence: str) -> str | None:
        """The first name inside ``sentence`` (not opening it) right before a verb of
        speech and after a word in lower case ("after Seabridge said"), no person's nor
        a news agency's ("карэспандэнту БЕЛТА паведамілі": the agency was told): a run
        of capitalised words, which inside a sentence are a name."""
        t = self.t
        toks = _tokens(sentence)
        low = [w.lower() for _, _, w in toks]
        for s, _ in t.speech_verbs.find(low):
            j = s
            while (
                j > 1
                and not _boundary(sentence, toks[j - 1][1], toks[j][0])
                and (_is_capitalised(toks[j - 1][2]) or _is_acronym(toks[j - 1][2]))
            ):
                j -= 1
            if j == s or j < 1 or not toks[j - 1][2].islower():
                continue
            run = [w for _, _, w in toks[j:s]]
            if (
                # One word may be anyone's surname or a place ("after Johnson said",
                # "after Manchester said"): only a name of two words or an acronym.
                (len(run) == 1 and not _is_acronym(run[0]))
                or any(_function_word(w.lower(), t) or bare(w.lower()) in t.roles for w in run)
                or is_given_name(run[0])
                or " ".join(run) in t.agencies
                or self._a_persons(" ".join(run))
                or any(_same_surname(e.surname, run[-1]) for e in self.entities if e.person)
            ):
                continue
            return " ".join(run)
        return None

    def subject_body_before(self, m: _Mention, head: str) -> str | None:
        """The body a bare common noun that introduces names (``head``: "the company",
        "der Verein", "в компанії") takes up where nothing nearer names it: the name
        nearest before the mention, in its paragraph, the three before it or the lead,
        that is a sentence's subject ("Der FC Bayern hat sich …", "«Укрзалізниця» з 1
        червня запускає …", "Curtea de Apel Cluj a anulat …") or set in apposition
        after a body noun ("zwemclub KZK", "společností „Stavby Haná“"), and no
        person's. Not for a noun that names a body by itself ("la police", "the
        experts"): only one of the table of words that introduce a name."""
        t = self.t
        if head not in t.name_cues and head not in t.generic_bodies:
            return None
        numbers = [*range(m.paragraph, max(0, m.paragraph - 4), -1)]
        if m.paragraph > 4:
            numbers.append(1)
        for pno in numbers:
            found = [
                name
                for at, name, kind in self._subject_bodies(pno)
                if (pno != m.paragraph or at < m.offset)
                # (A body's noun before it or as its first word makes it a body's
                # name, a family's too: "il pastificio «Fratelli Conti»" beside
                # "Giulia Conti".)
                and (kind is not None or not self._a_persons(name))
                and (head in t.generic_bodies or self._same_kind(kind, head))
            ]
            if found:
                return found[-1]
        return None

    def _texts_back(self, m: _Mention) -> Iterator[str]:
        """The paragraphs a body's noun may take a name up from, nearest first: its own
        up to the mention, the three before it and the lead, quotations masked."""
        numbers = [*range(m.paragraph, max(0, m.paragraph - 4), -1)]
        if m.paragraph > 4:
            numbers.append(1)
        for pno in numbers:
            text = self._unquoted(pno)
            yield text[: m.offset] if pno == m.paragraph else text

    def legal_form_before(self, m: _Mention, head: str) -> str | None:
        """The company a noun that introduces names ("a cég", "yhtiö") takes up where
        no sentence names it as a subject: the last name before the mention, in its
        paragraph, the three before it or the lead, that its legal form closes ("a
        feldolgozók közül az Alföld-Malom Kft. fizet …"): capitalised words, then a
        legal form written with a capital ("Kft.", "Oy", "Ltd"); no person's."""
        t = self.t
        if head not in t.name_cues and head not in t.generic_bodies:
            return None
        for text in self._texts_back(m):
            toks = _tokens(text)
            for i in range(len(toks) - 1, 0, -1):
                form = toks[i][2]
                if not form[:1].isupper() or form.lower().rstrip(".") not in t.org_forms:
                    continue
                j = i
                while (
                    j > 0
                    and i - j < 4
                    and _is_capitalised(toks[j - 1][2])
                    and not _function_word(toks[j - 1][2].lower(), t)
                    and not _boundary(text, toks[j - 1][1], toks[j][0])
                ):
                    j -= 1
                end = toks[i][1] + (text[toks[i][1] : toks[i][1] + 1] == ".")
                name = text[toks[j][0] : end]  # with the stop of the abbreviation
                if j < i and not self._a_persons(name):
                    return name
        return None

    def opening_name_before(self, m: _Mention) -> str | None:
        """The body a generic body noun ("bolaget", "ettevõte", "la entidad") takes up
        where no verb or apposition shows a name to be a subject: the last name that
        opens a sentence before the mention, in its paragraph or the one before, ahead of
        a word in lower case ("Norrtåg satte in ersättningsbussar, men bolaget …",
        "Elektrilevi andmetel … teatas ettevõte"). A name of one word counts only where
        the article writes it (or an inflection of it) capitalised inside a sentence
        too, so that a capitalised sentence opener is not taken for a name; no
        person's name, no role, no word of the article's grammar."""
        t = self.t
        found: str | None = None
        for pno in (m.paragraph - 1, m.paragraph):
            if pno < 1:
                continue
            text = self._unquoted(pno)
            if pno == m.paragraph:
                text = text[: m.offset]
            for k in sentence_starts(text, t):
                toks = _tokens(text[k : k + 160])
                i, j = _opening_run(text[k:], toks, t)
                run = [w for _, _, w in toks[i:j]]
                if (
                    not run
                    or j >= len(toks)
                    or not toks[j][2].islower()
                    # "Hong Kong police said": a place before the body's noun.
                    or self._body_noun(toks[j][2])
                    or bare(toks[j][2]) in t.roles
                    or _boundary(text[k:], toks[j - 1][1], toks[j][0])
                    or "_" in run[0]
                    or len(run) > 5
                ):
                    continue
                capitals = [w for w in run if w not in _NAME_PARTICLES]
                if len(capitals) == 1 and not _is_acronym(capitals[0]):
                    word = capitals[0]
                    # "Norrtåg satte in …" beside "säger Norrtågs trafikchef"; not
                    # "Sundsvall drabbades …" beside "i Sundsvall", a place.
                    if t.nouns_capitalised or not self._written_inside(word, free=True):
                        continue
                if (
                    any(
                        _function_word(w.lower(), t)
                        or bare(w.lower()) in t.roles
                        or bare(w.lower()) in t.months
                        or t.source_markers.find([bare(w.lower())])
                        for w in capitals
                    )
                    or is_given_name(capitals[0])
                    or self._a_persons(" ".join(run))
                    # Two names joined ("Milano e Torino"), no one body's.
                    or any(w.islower() and w in t.conjunctions for w in run)
                    # A name the article gives a person or a place ("Novák převzal
                    # vedení …, řekl Novák").
                    or any(_same_surname(e.surname, capitals[-1]) for e in self.entities)
                ):
                    continue
                found = " ".join(run)
        return found

    def named_with_noun_before(self, m: _Mention, head: str) -> str | None:
        """The body a bare noun takes up where the article named it before with that
        very noun: as its head after its capitalised modifiers ("Český hydrometeorologický
        ústav …" then "uvedl ústav", "Žemės ūkio ministerija" then "ministerija"), or as
        the end of a capitalised compound ("Keskkonnaamet" then "amet",
        "Nationalparkverwaltung" then "die Verwaltung"), or as a name's apposition
        ("l'Anm, l'azienda che …" then "l'azienda"). The nearest before the mention, in
        its paragraph, the three before it or the lead."""
        t = self.t
        if len(head) < 3:
            return None
        for text in self._texts_back(m):
            toks = _tokens(text)
            found: str | None = None
            for n, (_, _, w) in enumerate(toks):
                low = bare(w.lower().replace("’", "'"))
                if _is_capitalised(w) and len(low) >= len(head) + 3 and ends_compound(low, (head,)):
                    b = n - 1
                    while (
                        b > 0
                        and n - b < 3
                        and toks[b][2].islower()
                        and (toks[b][2] not in t.indefinites and toks[b][2] not in t.possessives)
                    ):
                        b -= 1  # "ein großes Familienunternehmen"
                    before = toks[b][2].lower() if b >= 0 else ""
                    if not (
                        t.nouns_capitalised and (before in t.indefinites or before in t.possessives)
                    ):
                        found = w  # "Keskkonnaamet"; not "ein Familienunternehmen"
                        # Written in an oblique case ("Keskkonnaameti andmetel"), the
                        # compound ends with the noun as the mention writes it plus a
                        # case ending: the name is the compound without that ending.
                        ending = len(low) - low.rfind(head) - len(head)
                        if 0 < ending <= 2 and w[-ending:].islower():
                            found = w[:-ending]
                        else:
                            # "Gewerbeverband der Stadt Kriens": its complement too.
                            end = _capitalised_complement_end(text, toks, n, t)
                            if end > n:
                                found = text[toks[n][0] : toks[end][1]]
                    continue
                if not w.islower() or not (
                    _same_noun(low, head) or (_same_stem(low, head) and self._body_noun(w))
                ):
                    continue
                apposed = self._name_before_apposition(text, toks, n)
                if apposed is not None:
                    found = apposed
                    continue
                k = n
                while (
                    k > 0
                    and n - k < 3
                    and toks[k - 1][2].islower()
                    and not _function_word(toks[k - 1][2], t)
                    and not t.speech_verbs.match_at([toks[k - 1][2]], 0)
                    and not _boundary(text, toks[k - 1][1], toks[k][0])
                ):
                    k -= 1
                if k == n:
                    continue
                first = k - 1
                if (
                    first < 0
                    or _boundary(text, toks[first][1], toks[k][0])
                    or not _is_capitalised(toks[first][2])
                    or _function_word(toks[first][2].lower(), t)
                    or toks[first][2].lower() in t.stopwords
                    or bare(toks[first][2].lower()) in t.roles
                    or is_given_name(toks[first][2])
                ):
                    continue
                while (
                    first > 0
                    and not _boundary(text, toks[first - 1][1], toks[first][0])
                    and _is_capitalised(toks[first - 1][2])
                    and not _function_word(toks[first - 1][2].lower(), t)
                ):
                    first -= 1
                if (first == 0 or _boundary(text, toks[first - 1][1], toks[first][0])) and not (
                    _ends_alike(toks[first][2], toks[first + 1][2])
                    or toks[first][2].lower().endswith(t.adjective_endings or ("\0",))
                    or _char_before(text, toks[first][0]) in _OPENING_MARKS
                    or self._written_inside(toks[first][2])
                ):
                    # "Mezitím krajský úřad", "Meanwhile state police": a capital that
                    # only opens the sentence is no part of the name.
                    if first == k - 1:
                        continue
                    first += 1
                found = text[toks[first][0] : toks[n][1]]
            if found is not None and not self._a_persons(found):
                return found
        return None

    def _name_before_apposition(
        self, text: str, toks: list[tuple[int, int, str]], n: int
    ) -> str | None:
        """The name that the noun ``toks[n]`` follows as a definite apposition ("l'Anm,
        l'azienda che gestisce la linea", "Arvia, the company that runs …"): its run of
        capitalised words (or acronym) right before the comma, its elided article cut
        off; no given name, role or word of the grammar in it."""
        t = self.t
        d = n
        if bare(toks[n][2].replace("’", "'")) == toks[n][2]:
            d = n - 1  # the article as a word of its own: "the company"
            if d < 1 or toks[d][2].lower() not in t.determiners:
                return None
            if _boundary(text, toks[d][1], toks[n][0]):
                return None
        if d < 1 or text[toks[d - 1][1] : toks[d][0]].strip(" \u00a0") != ",":
            return None
        j = d
        while (
            j > 0
            and (j == d or not _boundary(text, toks[j - 1][1], toks[j][0]))
            and (
                _is_capitalised(bare(toks[j - 1][2].replace("’", "'")))
                or _is_acronym(bare(toks[j - 1][2].replace("’", "'")))
            )
        ):
            j -= 1
        run = [bare(w.replace("’", "'")) for _, _, w in toks[j:d]]
        if (
            not run
            or any(_function_word(w.lower(), t) or bare(w.lower()) in t.roles for w in run)
            or is_given_name(run[0])
            or (j == 0 and len(run) == 1 and not _is_acronym(run[0]))
        ):
            return None
        first = toks[j][2]
        cut = len(first) - len(bare(first.replace("’", "'")))
        return text[toks[j][0] + cut : toks[d - 1][1]]

    def statement_source(self, m: _Mention) -> _Mention | None:
        """Who issued the statement a bare statement noun takes up ("the statement
        said", "señala el comunicado", "Açıklamada, …"): the name that opens the
        sentence where the article last spoke of a statement before the mention, in
        its paragraph or the one before ("Hampshire County Council issued a statement",
        "Karayolları Genel Müdürlüğü tarafından yapılan açıklamada"), within three words
        of it and no comma, and nobody else's statement ("criticised the ministry's
        statement"); a name of one word only where the article writes it inside a
        sentence too, and no body's bare noun that its adjectives may follow ("Le
        Conseil départemental")."""
        t = self.t
        for pno in (m.paragraph, m.paragraph - 1):
            if pno < 1:
                continue
            if pno not in self._cues_in:
                toks = _tokens(self._unquoted(pno))
                low = [bare(w.lower()) for _, _, w in toks]
                self._cues_in[pno] = [toks[c[0]][0] for c in t.speech_cues.find(low)]
            cues = self._cues_in[pno]
            own = False
            if pno == m.paragraph:
                cues = [c for c in cues if c < m.offset]
                if not cues:
                    # "Το υπουργείο … ανακοίνωσε …, σύμφωνα με την ανακοίνωση": the
                    # body that opens the mention's own sentence, named with its noun.
                    cues, own = [m.offset], True
            if not cues:
                continue
            text = self._unquoted(pno)
            at = cues[-1]
            start = max((k for k in sentence_starts(text, t) if k <= at), default=0)
            sub = _tokens(text[start:at])
            i, j = _opening_run(text[start:], sub, t)
            body = j == i and i < len(sub) and self._body_noun(sub[i][2])
            if body:
                # "Το υπουργείο Περιβάλλοντος ανακοίνωσε": a body's noun, its name after.
                j = i + 1
                while j < len(sub) and _is_capitalised(sub[j][2]):
                    j += 1
                if j == i + 1:
                    body = False
            if own and not body:
                continue
            run = [w for _, _, w in sub[i:j]]
            gap = sub[j:]
            if (
                not run
                or (len(gap) > 3 and not own)
                or ("," in text[start + sub[j - 1][1] : at] and not own)
                or any(w.endswith(("’s", "'s")) for _, _, w in gap)
                # "endorsed the letter": a statement already there, someone else's.
                or (gap and gap[-1][2].lower() in t.determiners and not own)
                or any(
                    (_function_word(w.lower(), t) and w not in _NAME_PARTICLES)
                    or t.speech_cues.find([bare(w.lower())])
                    or bare(w.lower()) in t.months
                    for w in run
                )
            ):
                return None
            if (
                len(run) == 1
                and not _is_acronym(run[0])
                # "Le Conseil départemental …", "Bendrovės pranešime": a body's noun,
                # no name.
                and (self._body_noun(run[0].lower()) or not self._written_inside(run[0]))
            ):
                return None
            a, end = sub[i][0], sub[j - 1][1]
            return _Mention(text[start + a : start + end], pno, start + a)
        return None

    def _written_inside(self, word: str, *, free: bool = False) -> bool:
        """Whether the article writes ``word``, or the word with an ending of up to two
        letters ("Norrtågs"), capitalised inside a sentence; ``free``: somewhere after
        no preposition."""
        self.capitalised_inside(word)
        assert self._inner_capitals is not None
        known = self._inner_free if free else self._inner_capitals
        return word in known or any(
            w.startswith(word) and len(w) - len(word) <= 2 and w[len(word) :].islower()
            for w in known
        )

    def _same_kind(self, kind: str | None, head: str) -> bool:
        """Whether a body the text calls ``kind`` ("région" in "La région Île-de-France",
        "Junta" in "Junta de Castilla y León") can be what ``head`` ("l'entreprise", "el
        sindicato") takes up: with no such word, or one that introduces names as the
        head does ("společností „Stavby Haná“" for "firma"), or the head itself."""
        if kind is None:
            return True
        low = bare(kind.lower().replace("’", "'"))
        return (
            self._name_cue(low)
            # A legal form ("Kft", "GmbH") makes it a company.
            or (low in self.t.org_forms and head in self.t.name_cues)
            or _same_noun(low, head)
            or low.endswith(head)
        )

    def _name_cue(self, low: str) -> bool:
        """True for a noun that introduces a body's name, or a compound ending with one
        ("Koekjesfabrikant", "Bäckereikette")."""
        if low in self.t.name_cues:
            return True
        if self._cue_stems is None:
            self._cue_stems = _compound_stems(self.t.name_cues)
        return ends_compound(low, self._cue_stems)

    def _kind_noun(self, word: str) -> bool:
        """True for a capitalised common noun that says what kind of body the name after
        it is: a body's noun or one that introduces names ("Fietsenfabrikant")."""
        low = bare(word.lower().replace("’", "'"))
        return _is_capitalised(word) and (self._body_noun(low) or self._name_cue(low))

    def _a_persons(self, name: str) -> bool:
        """True when ``name`` opens with a known given name or ends with the surname of
        someone the article shows to be a person (a role, a gender, a given name)."""
        written = words_as_written(name)
        return bool(written) and (
            _known_given(written[0], self.t)
            or any(
                e.person
                # (A role of the tables: an acronym cut off the run in front, "FC" of
                # "Der FC Bayern", is no role.)
                and (
                    any(r in self.t.roles for r in e.roles)
                    or e.genders
                    or any(_known_given(g, self.t) for g in e.given())
                )
                and _same_surname(e.surname, written[-1])
                for e in self.entities
            )
        )

    def _subject_bodies(self, pno: int) -> list[tuple[int, str, str | None]]:
        """(offset, name, kind) of the names in paragraph ``pno`` that
        :meth:`subject_body_before` may take up, in text order; ``kind`` is the body
        noun that says what kind of body it is (before it in apposition, or its own
        first word), or None. (Kept per paragraph: whether a name is a person's is asked apart, as
        persons are added on the way.)"""
        cached = self._bodies_in.get(pno)
        if cached is not None:
            return cached
        t = self.t
        text = self._unquoted(pno)
        toks = _tokens(text)
        starts = set(sentence_starts(text, t))
        out: list[tuple[int, str, str | None]] = []
        for i, (a, _, _w) in enumerate(toks):
            legal = self._name_with_legal_form(text, toks, i)
            if legal is not None:
                out.append(legal)
                continue
            mark = a > 0 and text[a - 1] in _OPENING_MARKS
            opens = (
                a - mark in starts
                # After a dateline: "Nantes (AFP) - La Laiterie du Val d’Erdre, une PME".
                or text[: a - mark].rstrip(" \u00a0").endswith(("-", "–", "—"))
            )
            j = i
            kind: str | None = None
            if opens:
                while j < len(toks) - 1 and toks[j][2].lower() in t.determiners:
                    j += 1  # "Der FC Bayern", "La Bolsa de Comercio de Rosario"
                quoted = j < len(toks) - 1 and text[toks[j + 1][0] - 1] in _OPENING_MARKS
                if (
                    (j == i or quoted)
                    and j < len(toks) - 1
                    and (quoted or _is_capitalised(toks[j + 1][2]))
                    and not _boundary(text, toks[j][1], toks[j + 1][0])
                    and self._kind_noun(toks[j][2])
                ):
                    # A body noun opening the sentence (or before a name in marks) says
                    # what kind of body the name after it is, as an article would:
                    # "Fietsenfabrikant Velora schrapt", "Die Bäckereikette „Backhaus
                    # Kiefer“ hat". (After an article it is the name's own first word:
                    # "Das Amtsgericht Freiburg".)
                    kind = toks[j][2]
                    j += 1
                elif (
                    j > i
                    and j < len(toks) - 1
                    and toks[j][2].islower()
                    and _is_capitalised(toks[j + 1][2])
                    and not _boundary(text, toks[j][1], toks[j + 1][0])
                    and self._kind_noun(toks[j][2].capitalize())
                ):
                    # Where common nouns are written in lower case, the kind of body
                    # comes between the article and the name: "La cooperativa Sant
                    # Vicent", "The miner Halvorsen".
                    kind = toks[j][2]
                    j += 1
            elif not (
                i > 0
                and not _boundary(text, toks[i - 1][1], a - mark)
                # (Or to a legal form: "ААТ «Гроднамостбуд»".)
                and (self._body_noun(toks[i - 1][2]) or toks[i - 1][2].lower() in t.org_forms)
            ):
                continue  # neither a sentence's subject nor in apposition to a body noun
            between = text[toks[j][1] : toks[j + 1][0]] if j + 1 < len(toks) else ""
            if (
                opens
                and t.possessor_first
                and _is_capitalised(toks[j][2])
                and len(between.strip(" \u00a0")) == 1
                and between.strip(" \u00a0") in _OPENING_MARKS
            ):
                j += 1  # a place's genitive before the name: "Kauno „Žalgiris“ įveikė"
            if "_" in toks[j][2]:
                continue  # inside a quotation: its words are no sentence of the article's
            # (After an article, or its kind of body, the words are a name.)
            got = self._body_name_at(
                text, toks, j, after_article=j > i or not opens, apposed=not opens
            )
            if got is not None:
                kind = kind if opens else toks[i - 1][2]
                first = words_as_written(got)[:1]
                if kind is None and first and self._body_noun(first[0].lower()):
                    kind = first[0]
                out.append((toks[j][0], got, kind))
        self._bodies_in[pno] = out
        return out

    def _name_with_legal_form(
        self, text: str, toks: list[tuple[int, int, str]], i: int
    ) -> tuple[int, str, str] | None:
        """(offset, name, form) of a company's name that ends with its legal form at
        ``toks[i]`` ("az Alföld-Malom Kft. kilogrammonként", "Nordvik AB meddelade"):
        the capitalised words before the form, the form's stop kept where the sentence
        goes on. A name wherever it stands in its sentence."""
        w = toks[i][2]
        if i == 0 or not w[:1].isupper() or w.lower() not in self.t.org_forms:
            return None
        j = i
        while (
            j > 0
            and not _boundary(text, toks[j - 1][1], toks[j][0])
            and (_is_capitalised(toks[j - 1][2]) or _is_acronym(toks[j - 1][2]))
            and not _function_word(toks[j - 1][2].lower(), self.t)
        ):
            j -= 1
        if j == i or is_given_name(toks[j][2]):
            return None
        end = toks[i][1]
        if text[end : end + 1] == "." and i + 1 < len(toks) and toks[i + 1][2].islower():
            end += 1  # "Kft. kilogrammonként": the abbreviation's stop
        return toks[j][0], text[toks[j][0] : end], w

    def _unquoted(self, pno: int) -> str:
        """Paragraph ``pno`` with the words of its quotations masked (what a speaker
        says is not the article's sentence), except the names and titles in marks."""
        original = self.paragraphs[pno - 1]
        if self.index is None:
            return original
        text, _ = self.index.masked(pno, 0, self.paragraphs, self.t)
        for (n, offset), inner, _ in self.quoted:
            if n != pno or not inner:
                continue
            end = original.find(inner, offset)
            if end >= 0:
                end += len(inner)
                text = text[:offset] + original[offset:end] + text[end:]
        return text

    def _a_body(self, key: str) -> bool:
        """True for the key of a body's description of one word that a personal pronoun
        cannot take up ("d:rakennusliitto" for "hän"): a body's noun or a compound of one,
        where the possessor comes first."""
        said = words(key[2:]) if key.startswith("d:") else []
        return len(said) == 1 and self.t.markers_follow and self._body_noun(said[0])

    def _body_noun(self, word: str) -> bool:
        """True for a body's common noun in lower case, or a compound ending with one
        ("bedrijf", "zwemclub")."""
        if not word.islower() or _function_word(word, self.t):
            return False
        low = bare(word.replace("’", "'"))
        if low in self.t.bodies:
            return True
        if self._body_stems is None:
            self._body_stems = _compound_stems(self.t.bodies)
        return ends_compound(low, self._body_stems)

    def _body_name_at(
        self,
        text: str,
        toks: list[tuple[int, int, str]],
        j: int,
        *,
        after_article: bool,
        apposed: bool = False,
    ) -> str | None:
        """The name of a body that starts at ``toks[j]`` and is followed by its verb
        or an apposition, or None: in quotation marks, or a run of capitalised words
        (name particles inside) after an article or before a verb. In marks right after
        a body noun (``apposed``) it is a name wherever its clause goes on ("vedené
        společností „Stavby Haná“.", "фирма „Марица Девелопмънт“ – обяви")."""
        t = self.t
        a = toks[j][0]
        quoted = a > 0 and text[a - 1] in _OPENING_MARKS
        if quoted:
            close = _CLOSING_MARK.search(text, a)
            if close is None or close.start() - a > 60:
                return None
            name, end = text[a : close.start()], close.end()
        else:
            runs = _runs(text[a : a + 120])
            if not runs or runs[0][0] != 0:
                return None
            run = runs[0][1]
            while run and (run[-1][1].islower() or run[-1][1] in _NAME_PARTICLES):
                run = run[:-1]
            if not run:
                return None
            end = a + run[-1][0] + len(run[-1][1])
            name = text[a:end]
        written = [w for w in words_as_written(name) if _is_capitalised(w) or _is_acronym(w)]
        if not written:
            return None
        if _ELIDED_OF.match(name):
            return None  # "la maternité d’Ussel": a place the body is of
        rest = text[end : end + 40]
        acronym = _ACRONYM_AFTER.match(rest)
        if acronym is not None and (
            _is_acronym(acronym.group(1)) or _short_name_of(acronym.group(1), name)
        ):
            rest = rest[acronym.end() :]  # "Die Rhätische Bahn (RhB) streicht", not "(Corrèze)"
        if quoted and apposed and name[:1].isupper():
            return name
        follows = _FOLLOWS_NAME.match(rest)
        if quoted and follows is not None:
            # Its legal form after the marks, with a case ending or none, is part of
            # it: "«Қазгидромет» РМК-ның болжамы", "„Bolt“ UAB teigia".
            form = _tokens(rest[follows.end() :])[:1]
            if (
                form
                and form[0][2].split("-")[0].lower() in t.org_forms
                and form[0][2][:1].isupper()
            ):
                rest = rest[follows.end() + form[0][1] :]
                follows = _FOLLOWS_NAME.match(rest)
        if follows is None or not rest[follows.end()].islower():
            return None
        if quoted:
            return name
        one = len(written) == 1 and not _is_acronym(written[0])
        if one and (t.nouns_capitalised or bare(written[0].lower()) in t.bodies):
            return None  # a noun, not a name
        comma = rest[: follows.end()].strip() == ","  # an apposition follows
        nxt = [bare(w) for w in words(rest[follows.end() :])][:1]
        verb = bool(nxt) and (
            t.speech_verbs.match_at(nxt, 0)
            or nxt[0] in t.auxiliaries
            or _past_tense_like(nxt[0], t)
        )
        # After an article the words are a name ("El Celta remontó"); else a verb or an
        # apposition must follow, not a noun ("Washington state regulators", "Hong Kong
        # police"), and one word must be written capitalised inside a sentence too
        # ("Ferrylink said").
        if not after_article and not (
            (verb or comma) and (not one or self.capitalised_inside(written[0]))
        ):
            return None
        written_all = words_as_written(name)
        # A role after a word that links it into the name is what the body is of, not
        # who speaks: "Unió de Pagesos", "Sindicato Nacional dos Maquinistas".
        linked = next(
            (k for k, w in enumerate(written_all) if k and not w[:1].isupper()), len(written_all)
        )
        if any(
            (bare(w.lower()) in t.roles and k < linked)
            or (_function_word(w.lower(), t) and w.lower() not in _NAME_PARTICLES)
            or t.source_markers.find([bare(w.lower())])
            for k, w in enumerate(written_all)
            if w[:1].isupper()
        ):
            return None  # "À Ussel", "Enligt Trafikverket", "Minister …": no body's name
        return name

    def marked_source(self, m: _Mention) -> str | None:
        """The body a definite common noun takes up when the article gave it as a
        source just before ("Segundo a Transtejo, …" then "refere a empresa"): the name
        after the last source marker in the mention's paragraph or the one before,
        unless it is a person's."""
        t = self.t
        for pno in range(m.paragraph, max(0, m.paragraph - 2), -1):
            text = self.paragraphs[pno - 1]
            if pno == m.paragraph:
                text = text[: m.offset]
            # The source is near: the last 600 characters are read, so that a long
            # paragraph of mentions costs no more than a short one.
            text = text[-600:]
            toks = _tokens(text)
            low = [bare(w.lower()) for _, _, w in toks]
            for s, n in reversed(t.source_markers.find(low)):
                k = s + n
                while k < len(toks) and low[k] in t.determiners:
                    k += 1
                run: list[str] = []
                while (
                    k < len(toks)
                    # (An acronym in it too: "Selon SNCF Voyageurs".)
                    and (_is_capitalised(toks[k][2]) or _is_acronym(toks[k][2]))
                    and len(run) < 4
                ):
                    if run and _boundary(text, toks[k - 1][1], toks[k][0]):
                        break
                    run.append(toks[k][2])
                    k += 1
                if not run or any(
                    e.person and len(e.forms[0].split()) >= 2 and _same_surname(e.surname, run[-1])
                    for e in self.entities
                ):
                    continue
                return " ".join(run)
        return None

    def opening_form(self, name: str) -> str:
        """A body's one-word name as the article writes it opening a sentence, its
        subject, where the mention has it in another case ("пресслужбі Укрзалізниці"
        after "Укрзалізниця призначила …"): the base form, in a language whose bodies
        decline."""
        t = self.t
        if not t.body_inflections.nouns or " " in name or _is_acronym(name):
            return name
        low = name.lower()
        if len(low) < 6 or not _is_capitalised(name):
            return name
        if self._openers is None:
            found = []
            for text in self.paragraphs:
                for k in sentence_starts(text, t):
                    first = _tokens(text[k : k + 60])[:1]
                    if first and _is_capitalised(first[0][2]):
                        found.append(first[0][2])
            self._openers = tuple(found)
        # (No longer than the form written: a base form is the shortest of a body's,
        # or as long; "Газпромом недовольны …", "Укренергом керує …" open with another
        # case.)
        return next(
            (
                w
                for w in self._openers
                if w != name and len(w) <= len(name) and _same_stem_form(w.lower(), low)
            ),
            name,
        )

    def spelled_with_acronym(self, name: str) -> str:
        """A body's name as the article gives it in full where it introduced its acronym
        in brackets, with what follows the brackets ("l’ARS", "l’Agence régionale de
        santé" -> "Agence régionale de santé (ARS) Auvergne-Rhône-Alpes"): the most
        specific name the article gives. Unchanged where it gives none."""
        core = _ELIDED_ARTICLE.sub("", name)
        for text in self.paragraphs:
            if _is_acronym(core):
                i = text.find(f"({core})")
                if i <= 0:
                    continue
                head = _spelled_before(text, i, core, self.t)
                acronym = core
            else:
                i = text.find(f"{core} (")
                if i < 0:
                    continue
                i += len(core) + 1
                close = text.find(")", i)
                acronym = text[i + 1 : close] if close > i else ""
                if not (_is_acronym(acronym) or _short_name_of(acronym, core)):
                    continue
                # (Without an article that opened the sentence: "A Unidade Local …".)
                head = _spelled_before(text, i, acronym, self.t) or core
            if head is None:
                continue
            j = i + len(acronym) + 2
            tail = _TAIL_NAME.match(text, j)
            return f"{head} ({acronym})" + (tail.group(0).rstrip() if tail else "")
        return name

    def _bracketed_short_name(self, word: str) -> bool:
        """True for a capitalised word, not all capitals, that the article writes in
        brackets after a name it shortens ("Agencia Estatal de Meteorología (Aemet)"): a
        body's short name, as an acronym is (not "Jane Doe (Labour)")."""
        if _is_acronym(word) or _SHORT_NAME.fullmatch(word) is None:
            return False
        for text in self.paragraphs:
            i = text.find(f"({word})")
            if i > 0 and _shortened_before(text, i, word, self.t) is not None:
                return True
        return False

    def named_body(self, m: _Mention, toks: list[str], low: list[str]) -> str | None:
        """The name of the body a mention takes up by its acronym or a common noun:
        "a PF" after "Polícia Federal (PF)"; "La organización" after (or in) "la
        organización agraria Asaja"; "в компанії" after "компанія «Укренерго»"."""
        t = self.t
        # This paragraph up to the mention's end (the noun may be its own: "La
        # organización agraria Asaja"), the three before it, nearest first, then the
        # lead's two: "the company" late in an article takes up the firm the lead named.
        # (Not every paragraph: in a long article each such mention read them all.)
        upto = m.offset + len(m.text)
        near = range(m.paragraph, max(0, m.paragraph - 4), -1)
        numbers: list[int] = [*near, *(n for n in (2, 1) if n < m.paragraph - 3)]
        texts: list[tuple[str, int | None]] = [
            (self.paragraphs[pno - 1], upto if pno == m.paragraph else None) for pno in numbers
        ]
        for acronym in (bare(w.replace("’", "'")) for w in toks):
            # (Or one written as a word, in brackets after the name it shortens: "la
            # Aemet" after "La Agencia Estatal de Meteorología (Aemet)".)
            short = not _is_acronym(acronym) and _SHORT_NAME.fullmatch(acronym) is not None
            if not _is_acronym(acronym) and not short:
                continue
            for text, limit in texts:
                i = text.rfind(f"({acronym})", 0, limit)
                if i > 0:
                    if short:
                        shortened = _shortened_before(text, i, acronym, t)
                        if shortened is not None:
                            return shortened
                        continue
                    head = text[max(0, i - 80) : i].rstrip(" \u00a0")
                    at = _spelled_run_start(head, t)
                    if at is not None:
                        return head[at:]
            if short:
                continue
            spelled = self.spelled_out(acronym, m)
            if spelled is not None:
                return spelled
        nouns = [w for w in low if w in t.bodies and not _function_word(w, t) and len(w) >= 4]
        # A mention of nothing but common nouns for bodies ("пресс-службе театра") takes
        # up a body: a person named after the noun ("актриса театра Анна Зимина") is not
        # its name, as one the mention names by role or name may be.
        only_bodies = not any(bare(w) in t.roles or _is_capitalised(w) for w in toks)
        # The nouns without their inflection: "Yhtiön" takes up "Metsäyhtiö Pohjolan Puu".
        stems = {s for s in (t.bodies.stem(n) for n in nouns) if s is not None and len(s) >= 5}
        for text, limit in texts:
            found = _tokens(text)
            for k in range(len(found) - 1, -1, -1):
                if limit is not None and found[k][1] > limit:
                    continue
                word = bare(found[k][2].lower().replace("’", "'"))
                if _function_word(word, t):
                    continue  # "entre Juvisy et Paris": no "entreprise"
                compound = any(
                    len(n) >= 5 and len(word) > len(n) + 2 and word.endswith(n) for n in nouns
                ) or any(_compound_of(word, s) for s in stems)
                if (
                    not compound
                    and not any(
                        # (Of an inflection's length: "entre" is no "entreprise".)
                        _same_noun(word, n) or (word[:5] == n[:5] and len(n) - len(word) <= 4)
                        for n in nouns
                    )
                    and not any(word.startswith(s) and len(word) - len(s) <= 4 for s in stems)
                ):
                    continue
                # A name after the noun first ("Fiskeföreningen ”Östersjöfiskarna”",
                # "Metsäyhtiö Pohjolan Paperi"), else the name it ends.
                name = _name_after_noun(
                    text,
                    found,
                    k,
                    t,
                    compound=compound,
                    # (Within the mention its own words are not a body's name.)
                    complement=limit is None or found[k][1] <= m.offset,
                )
                if name is None and (limit is None or found[k][1] <= m.offset):
                    # Not within the mention: its own words are read as written
                    # ("Devon and Cornwall Police’s economic crime unit").
                    name = _name_ending_with(
                        text, found, k, t, compound=compound, proper=self.capitalised_inside
                    )
                    if name is not None and found[k][2].islower():
                        # Its complement in lower case after the noun, where a verb of
                        # speech right after it shows where the name ends: "Беларуская
                        # федэрацыя хакея паведаміла".
                        end = _complement_to_speech_verb(text, found, k, t)
                        name += text[found[k][1] : found[end][1]]
                    if name is None:
                        name = _name_apposed_to(text, found, k, t)
                    if name is None and found[k][2].islower() and word in t.bodies:
                        # Its noun in lower case, the place or body its complement
                        # ends with names it: "le tribunal correctionnel de Lyon".
                        name = _lower_case_body(text, found, k, t, prepositions=True)
                        if name is not None and self.names_a_person(name):
                            name = None
                    after_preposition = (
                        k > 0
                        and found[k - 1][2].lower() in t.stopwords
                        and found[k - 1][2].lower() not in t.determiners
                    )
                    if (
                        name is None
                        and _is_capitalised(found[k][2])
                        and not t.nouns_capitalised
                        and (
                            after_preposition
                            # Or opening a sentence, where a verb of speech shows
                            # where it ends ("Ministarstvo mora i prometa priopćilo").
                            or k == 0
                            or text[: found[k][0]].rstrip()[-1:] in ".!?…"
                        )
                    ):
                        # Its first word capitalised only, after a preposition: "в
                        # Міністерстві охорони здоров’я".
                        name = _lower_case_complement(
                            text, found, k, t, verb_shown=not after_preposition
                        )
                    if (
                        name is None
                        and compound
                        and found[k][2].islower()
                        and word.endswith(tuple(stems))
                    ):
                        # A compound in its base form is the body's own name where
                        # a language writes it in lower case ("kliimaministeerium",
                        # "åklagarmyndigheten"), more specific than the bare noun.
                        name = found[k][2]
                if name is not None and not (only_bodies and _known_given(name.split()[0], t)):
                    return name
        if any(w in t.generic_bodies for w in low):
            return self.body_named_before(m)
        return None

    def body_named_before(self, m: _Mention) -> str | None:
        """For a noun that stands for any body ("a pasta", "la dependencia",
        "jednostka"): the body named last before it, in its paragraph or the three
        before, nearest first, as a body noun with the name it heads or ends
        ("Ministério da Saúde", "Zarząd Dróg i Zieleni", "прокуратура Пермского края");
        not a word of the mention itself."""
        t = self.t
        texts: list[tuple[str, int | None]] = [
            (self.paragraphs[pno - 1], m.offset if pno == m.paragraph else None)
            for pno in range(m.paragraph, max(0, m.paragraph - 4), -1)
        ]
        for text, limit in texts:
            found = _tokens(text)
            for k in range(len(found) - 1, -1, -1):
                if limit is not None and found[k][1] > m.offset:
                    continue
                word = found[k][2]
                low = bare(word.lower().replace("’", "'"))
                if low not in t.bodies or low in t.generic_bodies:
                    continue
                if word.islower():
                    # Written in lower case, a body's noun names one with the place or
                    # body its complement ends with ("прокуратура Пермского края",
                    # "министерство транспорта и дорожного хозяйства Якутии").
                    name = _lower_case_body(text, found, k, t)
                    if name is None and limit is not None:
                        # (Only in the mention's paragraph: a subject further back is
                        # not surely the one the noun takes up.)
                        name = self._opening_body(text, found, k)
                    if name is not None and not self.names_a_person(name):
                        return name
                    continue
                if not _is_capitalised(word):
                    continue  # (an acronym: its spelled-out name is found apart)
                name = _name_after_noun(text, found, k, t, compound=False, complement=True)
                if name is None:
                    name = _name_ending_with(
                        text, found, k, t, compound=False, proper=self.capitalised_inside
                    )
                if name is None and not t.nouns_capitalised:
                    name = _lower_case_complement(text, found, k, t)
                if name is not None and t.source_markers.find([bare(name.split()[0].lower())]):
                    return name.split(None, 1)[1] if " " in name else None  # "Enligt …"
                if name is not None and len(name.split()) >= 2:
                    return name
        return None

    def _opening_body(self, text: str, toks: list[tuple[int, int, str]], k: int) -> str | None:
        """The name a body's noun in lower case (``toks[k]``) heads as the subject that
        opens a sentence, its capitalised adjective first and its complement in lower
        case up to the verb ("Региональное министерство сельского хозяйства назвало …"),
        or None."""
        t = self.t
        starts = sentence_starts(text, t)
        begin = starts[bisect.bisect_right(starts, toks[k][0]) - 1] if starts else 0
        i = next((n for n in range(k, -1, -1) if toks[n][0] <= begin), None)
        if i is None or toks[i][0] != begin or not 1 <= k - i <= 2:
            return None
        first = toks[i][2]
        if not _is_capitalised(first) or _function_word(first.lower(), t) or is_given_name(first):
            return None
        if any(not w.islower() or _function_word(w, t) for _, _, w in toks[i + 1 : k]):
            return None
        j = k + 1
        while (
            j < len(toks)
            and j - k <= 4
            and toks[j][2].islower()
            and not _function_word(toks[j][2], t)
            and not _boundary(text, toks[j - 1][1], toks[j][0])
            and not t.speech_verbs.match_at([toks[j][2]], 0)
            and not _past_tense_like(toks[j][2], t)
        ):
            j += 1
        if (
            j >= len(toks)
            or _boundary(text, toks[j - 1][1], toks[j][0])
            or not (t.speech_verbs.match_at([toks[j][2]], 0) or _past_tense_like(toks[j][2], t))
        ):
            return None
        return text[toks[i][0] : toks[j - 1][1]]

    def names_a_person(self, phrase: str) -> bool:
        """True when a capitalised word of ``phrase`` is a known given name or the
        surname of a person named ("директор прадпрыемства Аляксандр Карпенка")."""
        return any(
            _known_given(w, self.t)
            or any(e.person and e.given() and _same_surname(e.surname, w) for e in self.entities)
            for w in words_as_written(phrase)
            if _is_capitalised(w)
        )

    def base_body(self, name: str) -> str:
        """A body's name in its base form ("у Міністерстві культури" -> "Міністерство
        культури"), where the language's tables give one."""
        t = self.t
        written = name.split()
        # A name's own particles are no preposition: "Van der Meulen Bakkerijen".
        particles = (
            len(written) >= 3
            and _is_capitalised(written[0])
            and written[0].lower() in _NAME_PARTICLES
            and written[1] in _NAME_PARTICLES
        )
        return base_body(
            name,
            t.body_inflections,
            is_body=lambda w: bare(w) in t.bodies or self._body_noun(w),
            is_preposition=lambda w: (
                not particles and w in t.stopwords and w not in t.complementizers
            ),
            head_last=t.markers_follow,
        )

    def reporting_subject(self, m: _Mention) -> _Mention | None:
        """For a pronoun: the subject of a reporting sentence right before the
        quotation's sentence ("A spokesman for Network Rail said … . “…,” he said")."""
        text = self.paragraphs[m.paragraph - 1]
        # Sentences found with the quoted words masked: a full stop inside a quotation
        # ("«Før kjørte vi bare. Nå stenger …», sa han") does not end one.
        if self.index is not None:
            starts = list(self.index.masked(m.paragraph, 0, self.paragraphs, self.t)[1])
        else:
            starts = sentence_starts(text, self.t)
        k = bisect.bisect_right(starts, m.offset) - 1
        if k < 1:
            return None
        # The sentence of the quotation: the one the pronoun is in, or the one before
        # it when the pronoun's clause starts a sentence of its own.
        while k >= 1 and not any(ch in _OPENING for ch in text[starts[k] : m.offset + 1]):
            k -= 1
        if k < 1:
            return None
        sentence = text[starts[k - 1] : starts[k]]
        if any(ch in _OPENING or ch in _CLOSING for ch in sentence):
            return None
        toks = _tokens(sentence)
        low = [w.lower().replace("’", "'") for _, _, w in toks]
        # A verb inside what the text says of an unnamed source ("попросил не называть
        # его имени") reports nothing.
        hidden = {i for a, n in self.t.anonymity.find(low) for i in range(a, a + n)}
        verbs = [(s, n) for s, n in self.t.speech_verbs.find(low) if s not in hidden]
        mention = ""
        if verbs:
            # "…, kritisierte die Landesvorsitzende Heike Brockmann.": after reported
            # words and a comma the subject follows its verb.
            commas = [s for s, _ in verbs if s > 0 and "," in sentence[toks[s - 1][1] : toks[s][0]]]
            inverted = bool(commas)
            runs = _runs(sentence)
            if (
                inverted
                and runs
                and runs[0][0] == toks[0][0]
                and any(_known_given(w, self.t) for _, w in runs[0][1])
                and sentence[: toks[commas[0]][0]].count(",") >= 2
            ):
                # "Nicola Frayne KC, for the company, said Wessex Vale had …": a person
                # opens it, a phrase in commas follows, and after the verb a clause goes
                # on past its subject; "…, said Kommissar Jan Braun." is inverted.
                after = _mention_near_verb(
                    sentence, self.t, verb_index=commas[0], prefer_after=True, fallback=False
                )
                tail = sentence[sentence.find(after) + len(after) :] if after else ""
                inverted = not (after and any(ch.isalpha() for ch in tail))
            if low[0] in self.t.indefinites or (
                # (Where no article shows it: "Її сусідка, яка не захотіла називати свого
                # імені, додала, що …".)
                inverted and self._opens_with_relative(sentence, toks, low)
            ):
                # "A mechanic who …, and who …, said crews were …": the unnamed person
                # the sentence opens with (the comma before the verb closes a relative
                # clause; it is not an inverted "…, said X").
                described = self._described_subject(sentence, toks, low, m.paragraph, starts[k - 1])
                if described is not None:
                    return described
            v = commas[0] if commas else verbs[0][0]
            mention = _mention_near_verb(
                sentence, self.t, verb_index=v, prefer_after=inverted, fallback=False
            )
        mlow = words(mention)
        if not mention or not mlow or mlow[0] in self.t.pronouns:
            return self._described_subject(sentence, toks, low, m.paragraph, starts[k - 1])
        where = starts[k - 1] + sentence.find(mention)
        return _Mention(mention, m.paragraph, where, sentence_initial=where == starts[k - 1])

    def _described_subject(
        self,
        sentence: str,
        toks: list[tuple[int, int, str]],
        low: list[str],
        paragraph: int,
        offset: int,
    ) -> _Mention | None:
        """An unnamed person a sentence opens with, up to its first comma or speech verb
        ("One west side resident, who asked not to be named, said she …", "Een
        medewerker van de inpakafdeling, die …, wil niet met haar naam in de krant"):
        what a pronoun in the next sentence takes up."""
        if len(low) < 2:
            return None
        said = self.t.anonymity.find(low)
        if said and low[0] not in self.t.indefinites:
            after = self._after_copula(sentence, toks, low, said[0][0])
            if after is not None:
                # "Mezi poškozenými je i prodavačka z Opavy, která si nepřála uvést
                # jméno": the person is who the sentence says was there.
                text = _through_anonymity(sentence, after, toks, low, said[0], self.t)
                at = offset + sentence.find(after)
                return _Mention(text, paragraph, at, sentence_initial=False, described=True)
        anonymous = None
        if low[0] not in self.t.indefinites and not self._opens_with_relative(sentence, toks, low):
            # A sentence that says its subject is not named ("Sahan pihalla ollut
            # trukinkuljettaja ei halunnut esiintyä nimellään", "Водитель попросил не
            # называть его имени"): the subject runs to that phrase.
            said = self.t.anonymity.find(low)
            if not said or low[0] in self.t.pronouns or low[0] in self.t.stopwords:
                return None
            anonymous = said[0][0]
        # A speech verb in what the text says of an unnamed source ("who asked not to
        # be named") is not the one the description is the subject of.
        hidden = _unnamed_source_words(low, self.t)
        verbs = [(k, n) for k, n in self.t.speech_verbs.find(low) if k not in hidden]
        end = verbs[0][0] if verbs else len(toks)
        if anonymous is not None:
            end = min(end, anonymous)
            while end > 1 and low[end - 1] in self.t.negations:
                end -= 1  # "Raudoittaja | ei halunnut nimeään julkisuuteen"
            # ... without the verb that says so ("ei halunnut esiintyä nimellään").
            end = _verb_start(sentence, toks[:end], low[:end], self.t) or end
        for j in range(1, end):
            if _boundary(sentence, toks[j - 1][1], toks[j][0]):
                if (
                    _opens_set_clause(low[j], self.t)
                    and "," in sentence[toks[j - 1][1] : toks[j][0]]
                ):
                    # "Ein Rentner, der seit 1958 im Dorf lebt, nahm …": the relative
                    # clause that says who, to its closing comma, and a second one
                    # joined to it ("…, der …, og som ikke ønsker sit navn i avisen,").
                    close = self._comma_after(sentence, toks, j + 1, end)
                    while (
                        close is not None
                        and close + 1 < end
                        and low[close] in self.t.conjunctions
                        and low[close + 1] in self.t.relatives
                    ):
                        close = self._comma_after(sentence, toks, close + 2, end)
                    end = close if close is not None else j
                elif (
                    j + 1 < end
                    and low[j] in self.t.conjunctions
                    and low[j + 1] in self.t.relatives
                    and "," in sentence[toks[j - 1][1] : toks[j][0]]
                    and any(w in self.t.relatives for w in low[1:j])
                ):
                    # A second relative clause after one without commas ("A woman who
                    # has lived here since March, and who declined to give her name,").
                    close = self._comma_after(sentence, toks, j + 2, end)
                    end = close if close is not None else j
                else:
                    end = j
                break
        if end == len(toks):
            # No comma nor speech verb ends it: an auxiliary or a negation does ("Un
            # pêcheur du port ne cachait pas …", "A fisherman … was not convinced") ...
            end = _verb_start(sentence, toks, low, self.t) or end
        if end == len(toks):
            # ... else the description runs to its place ("En 54-årig åkare från Mora
            # kom i mål sist"), where one follows it.
            for i in range(2, len(toks) - 1):
                if low[i - 1] in self.t.stopwords and _is_capitalised(toks[i][2]):
                    while i + 1 < len(toks) and _is_capitalised(toks[i + 1][2]):
                        i += 1
                    if i + 1 < len(toks):
                        end = i + 1
                    break
        # A person named in it ("A spokesman, John Smith, said") is the one meant, not
        # the description; other capitalised words are places and bodies ("En 67-årig
        # motionär från Sollefteå", "A mechanic who worked at the Grand Junction shop").
        capitalised = [w for _, _, w in toks[1:end] if _is_capitalised(w)]
        if end < len(toks) and "," in sentence[toks[end - 1][1] : toks[end][0]]:
            # A name in apposition after the comma ("En af ejerne, 71-årige Grethe
            # Madsen, har …"): that person is meant, not the description.
            stop = end + 1
            while stop < min(len(toks), end + 5) and not _boundary(
                sentence, toks[stop - 1][1], toks[stop][0]
            ):
                stop += 1
            capitalised += [w for _, _, w in toks[end:stop] if _is_capitalised(w)]
        if end < 2 or any(
            _known_given(w, self.t)
            or any(e.person and _same_surname(e.surname, w) for e in self.entities)
            for w in capitalised
        ):
            return None
        first = 0
        if _is_preposition(low[0], self.t):
            # A place or a time opens the sentence and its subject follows the verb ("Im
            # Saal saß auch eine Frau, die …"): the description opens with its article,
            # and a relative clause after it runs to the sentence's end.
            # (A person's: "auf dem Dach einer Scheune saß eine Katze" has none.)
            first = next(
                (
                    i
                    for i in range(2, end)
                    if low[i] in self.t.indefinites and self._person_noun_in(low[i + 1 : i + 3])
                ),
                end,
            )
            if first >= end:
                return None
            if end < len(toks) and low[end] in self.t.relatives:
                end = len(toks)
        text = sentence[toks[first][0] : toks[end - 1][1]]
        return _Mention(
            text, paragraph, offset + toks[first][0], sentence_initial=not first, described=True
        )

    def _person_noun_in(self, low: list[str]) -> bool:
        """True when one of the (lower-cased) words is a role or a word for a person."""
        t = self.t
        return any(bare(w) in t.roles or _person_noun(w, t) for w in low)

    def _opens_with_relative(
        self, sentence: str, toks: list[tuple[int, int, str]], low: list[str]
    ) -> bool:
        """True when a sentence opens with a noun phrase and a relative clause that says
        who it is ("Hajný z Horní Bečvy, který nechtěl být jmenován, …", "Мати одного з
        полярників, яка …"), or an insertion before the speech verb: an unnamed person
        where the language has no indefinite article to show it. Not a person named (a
        known given name or surname) nor a pronoun."""
        if (low[0] in self.t.pronouns and low[0] not in self.t.possessives) or low[
            0
        ] in self.t.relatives:
            return False  # (A possessive opens a noun phrase: "Її сусідка, яка …".)
        for j in range(1, min(len(toks), 9)):
            if "," not in sentence[toks[j - 1][1] : toks[j][0]]:
                continue
            if self.t.speech_verbs.find(low[:j]):
                return False
            if low[j] not in self.t.relatives:
                # Or an insertion between commas right before the speech verb ("Мама
                # второклассника …, попросившая не называть ее имени, говорит").
                close = self._comma_after(sentence, toks, j + 1, len(toks) - 1)
                if close is None or not any(
                    s == 0 for s, _ in self.t.speech_verbs.find(low[close : close + 3])
                ):
                    return False
            return not any(
                _known_given(w, self.t)
                or any(e.person and _same_surname(e.surname, w) for e in self.entities)
                for _, _, w in toks[:j]
            )
        return False

    @staticmethod
    def _comma_after(
        sentence: str, toks: list[tuple[int, int, str]], start: int, end: int
    ) -> int | None:
        """The first word from ``start`` (within _DESCRIPTION_WORDS, up to ``end``) that a comma
        precedes: where a relative clause closes."""
        return next(
            (
                k
                for k in range(start, min(end + 1, len(toks), start + _DESCRIPTION_WORDS))
                if "," in sentence[toks[k - 1][1] : toks[k][0]]
            ),
            None,
        )

    def anonymous(self, m: _Mention, low: list[str]) -> str | None:
        """The person the article says it does not name ("who asked not to be named",
        "яка попросила не називати свого імені") when a mention without a name is that
        person, as written with what says so (guidelines: the description as written).

        Either the words follow the mention itself ("– panaszolta a tulajdonos, aki nem
        kívánta nevét az újságban látni"), and the mention is that person (or the one
        its paragraph introduced before, unnamed, with nobody named since); or a
        sentence of its paragraph (or the end of the one before) introduced the person
        so, nobody was named since, and the mention is a pronoun, a subjectless verb or
        a noun no named person has for a role ("— сказала жінка"), or the noun the
        description has. ``low``: the mention's words, lower-cased and bare."""
        t = self.t
        if not self.says_unnamed(m.paragraph) and not self.says_unnamed(m.paragraph - 1):
            return None
        pronoun = m.zero or _pronoun_words(low, t)
        content = [w for w in low if not _function_word(w, t)]
        if not pronoun and (
            not content or (bare(content[0]) in t.bodies and bare(content[0]) not in t.roles)
        ):
            return None  # a body: "said the ministry, which declined to be identified"
        if not pronoun and not m.described:
            own = self._anonymous_after(m)
            if own is not None:
                # The person the paragraph introduced unnamed before, where the mention
                # takes them up by their noun or by a word for any person ("Eine
                # Kundin, die … . „…“, sagte die Frau, die …"); else the mention.
                introduced = self._introduced_unnamed(m)
                if introduced is not None and (
                    any(_same_noun(bare(w), c) for w in words(introduced) for c in content)
                    or not any(bare(c) in t.roles for c in content)
                ):
                    return introduced
                return own
        found = self._anonymous_before(m)
        if found is None:
            return None
        if pronoun:
            return found
        said = [bare(w) for w in words(found)]
        if any(_same_noun(w, c) for w in said for c in content) or not self.role_holders(content):
            return found
        return None

    def bare_description(self, m: _Mention, low: list[str]) -> str | None:
        """Where the language has no indefinite article, a role or person noun without a
        name that no named person has for a role, described by a relative clause set
        off by a comma, introduces someone unnamed as "a teacher who …" does: the
        description as written ("řekla ČTK starší žena, která bydlí u stavby", "сподели
        възрастен мъж, който снимаше с телефона си")."""
        t = self.t
        if not t.bare_indefinites or not low or m.described:
            return None
        lead = 0
        while lead < len(low) - 1 and (low[lead] in t.object_pronouns or low[lead] in t.pronouns):
            lead += 1  # "mówiła nam 62-letnia pacjentka": whom she told
        core = [bare(w) for w in low[lead:]]
        if any(_function_word(w, t) or w in t.bodies for w in core) or not any(
            _person_word(w, t) for w in core
        ):
            return None  # a phrase of its own ("je v zadnji besedi"), a body
        toks = _tokens(m.text)
        if any(_is_capitalised(w) for _, _, w in toks[lead + 1 :]) or self.role_holders(core):
            return None
        whole = _whole_description(m, self.paragraphs, t, bare=True).text
        if whole == m.text:
            whole = _with_relative_clause(m, whole, self.paragraphs, t)
        wt = _tokens(whole)
        new = [k for k, (a, _, _) in enumerate(wt) if a >= len(m.text) and k > 0]
        if not any(
            _opens_set_clause(wt[k][2].lower(), t) and "," in whole[wt[k - 1][1] : wt[k][0]]
            for k in new
        ) and not (
            # (Or where the person comes from: "matka dvou dětí z Třebíče"; not whom they
            # are with, "z ministrem", nor the role a named person was given before.)
            any(
                wt[k][2].lower() in t.origin_prepositions
                and k + 1 < len(wt)
                and not wt[k + 1][2].lower().endswith(t.comitative_endings)
                for k in new
            )
            and not self._predicated_of_named(core, m)
        ):
            return None
        return whole[toks[lead][0] :] if lead else whole

    def _predicated_of_named(self, core: list[str], m: _Mention) -> bool:
        """True when the text before the mention gives one of its person nouns to a
        named person, after a comma, a dash or a copula ("Jan Kowalski, prezes …", "Jan
        Kowalski jest dyrektorem …"): the noun then takes that person up, whatever
        else the mention says of them (``core``: its words, lower-cased and bare)."""
        t = self.t
        nouns = [w for w in core if _person_word(w, t)]
        for n in range(m.paragraph):
            para = self.paragraphs[n]
            if n == m.paragraph - 1:
                para = para[: m.offset]
            toks = _tokens(para)
            for k in range(1, len(toks)):
                if not any(_same_noun(bare(toks[k][2].lower()), w) for w in nouns):
                    continue
                # (Its adjectives before it: "Jan Kowalski, nowy trener z Gdańska".)
                i = k
                while (
                    i > k - 2
                    and i > 1
                    and toks[i - 1][2].islower()
                    and toks[i - 1][2] not in t.auxiliaries
                    and not any(ch in ",—–" for ch in para[toks[i - 1][1] : toks[i][0]])
                ):
                    i -= 1
                j = i - 1
                if toks[j][2].lower() in t.auxiliaries and j > 0:
                    j -= 1
                elif not any(ch in ",—–" for ch in para[toks[j][1] : toks[i][0]]):
                    continue
                if _is_capitalised(toks[j][2]) and any(
                    e.person and _same_surname(e.surname, toks[j][2]) for e in self.entities
                ):
                    return True
        return False

    def capitalised_role_holders(self, word: str) -> list[_Entity]:
        """The persons the article named with ``word`` written before their name as a
        role word, where the language capitalises it ("Norweg Eirik Lunde", "Slovák
        Peter Novák"): a lone "powiedział Norweg" later is one of them, no new name."""
        low = word.lower()
        if len(low) < 4 or low in self.t.abbreviations:
            return []  # "Nov." cut off "Nov. 30" is no role
        # (Not the words before a role of the tables: "Nova Scotia Fisheries Minister
        # Sarah MacIsaac" is the minister, "Fisheries" the complement of her role.)
        return [
            e
            for e in self.entities
            if e.person
            and low in e.roles
            and not any(r in self.t.roles for r in e.roles)
            and self.fits(e)
        ]

    def role_holders(self, content: list[str]) -> list[_Entity]:
        """The persons named with a role that one of ``content`` (a mention's content
        words) is or starts like, of the gender being looked for; of a role joined to
        a place or party by a hyphen, its last part ("ordføreren" for "Vefsn-ordfører")."""
        t = self.t
        # A woman's form of a role ("Gemeindepräsidentin", "ředitelka") is not whom its
        # man's form introduced ("Gemeindepräsident Reto Hold", "ředitele Pavla"): the
        # role words after its stem must carry the feminine ending too.
        # The role word of the table each content word is a form of ("direktør" of
        # "direktøren"), which a compound role ends with ("museumsdirektør").
        stems = {
            c: stem for c in content if (stem := t.roles.stem(c)) is not None and len(stem) >= 5
        }
        feminine = {}
        for c in content:
            ending = next(
                (e for e in t.female_role_endings.entries if len(e) >= 2 and c.endswith(e)),
                None,
            )
            if ending is not None and (
                _feminine_role(c, t) or _compound_role(c[: -len(ending)], t)
            ):
                feminine[c] = (c[: -len(ending)], c[:-1])
        return [
            e
            for e in self.entities
            if any(
                r
                and c
                and (
                    c in r
                    or r.startswith(c[:5])
                    or r.rsplit("-", 1)[-1].startswith(c[:5])
                    or (c in stems and _compound_of(r, stems[c]))
                )
                # A role word takes up a role word, not a word of a role's complement
                # that starts alike ("rolnik", "Podlaskiej Izby Rolniczej").
                and (c not in t.roles or r in t.roles or _ends_with_role(r, t))
                and not (
                    c in feminine
                    and r.rsplit("-", 1)[-1].startswith(feminine[c][0])
                    and not r.rsplit("-", 1)[-1].startswith(feminine[c][1])
                    # (A woman the man's form introduced is still she: "dyrektor Ewa
                    # Lis" … "dyrektorka".)
                    and "f" not in e.genders
                )
                for r in e.roles
                for c in content
            )
            and self.fits(e)
        ]

    def _anonymous_after(self, m: _Mention) -> str | None:
        """The mention with the clause right after it, where that clause says the
        person is not named (a relative clause or a participle, within a few words)."""
        t = self.t
        para = self.paragraphs[m.paragraph - 1]
        end = m.offset + len(m.text)
        if not m.text or para[m.offset : end] != m.text:
            return None
        rest = para[end : end + _CLAUSE_REACH]
        rest = rest[: _clause_stop(rest, t)]
        toks = _tokens(rest)
        low = [w.lower().replace("’", "'") for _, _, w in toks]
        said = t.anonymity.find(low[:_DESCRIPTION_WORDS])
        if not said or said[0][0] > _ANONYMITY_REACH:
            return None
        a, n = said[0]
        hidden = _unnamed_source_words(low, t)
        if any(k < a and k not in hidden for k, _ in t.speech_verbs.find(low[:a])):
            return None  # another clause: "said the owner, and added he did not …"
        # The words must be the mention's own, not those of a noun after it ("the
        # owner of a shop whose manager asked not to be named").
        r = next((j for j in range(a) if low[j] in t.relatives), None)
        if r is not None and low[r] in _POSSESSIVE_RELATIVES:
            return None
        stop = _anonymity_end(rest, toks, low, a + n, t)
        text = m.text + rest[: toks[stop - 1][1]]
        before = words_as_written(para[max(0, m.offset - 20) : m.offset])
        if (
            before
            and para[: m.offset].endswith(before[-1] + " ")
            and (before[-1].lower() in t.determiners or before[-1].lower() in t.indefinites)
        ):
            text = f"{before[-1]} {text}"  # "mondta | a tulajdonos": the article is its own
        return text

    def _anonymous_before(self, m: _Mention) -> str | None:
        """The person a sentence before the mention (in its paragraph, or at the end of
        the one before) says is not named, with nobody named between: the sentence's
        subject ("Мати одного з полярників, яка не захотіла …, зізналася"), or the
        subject after its speech verb ("segir íbúi … sem ekki vildi koma fram undir
        nafni"), of the gender looked for."""
        t = self.t
        for pno in (m.paragraph, m.paragraph - 1):
            if pno < 1 or (pno < m.paragraph and not self.after_opening_quotation(m)):
                return None
            for read in self._sentences_back(m, pno):
                if read is None:
                    return None  # somebody named between the sentence and the mention
                lo, sentence, toks, low = read
                said = t.anonymity.find(low)
                if not said:
                    continue
                described = self._described_subject(sentence, toks, low, pno, lo)
                text = described.text if described is not None else None
                if text is not None:
                    text = _through_anonymity(sentence, text, toks, low, said[0], t)
                if text is None:
                    text = self._subject_after_verb(sentence, toks, low, said[0][0])
                return text if text is not None and self._gender_fits(text) else None
        return None

    def _sentences_back(
        self, m: _Mention, pno: int
    ) -> Iterator[tuple[int, str, list[tuple[int, int, str]], list[str]] | None]:
        """(start, text, tokens, lower-cased words) of the sentences of paragraph
        ``pno`` before the mention, nearest first, the mention's own up to it and
        _UNNAMED_REACH more; None, and no more, where a person is named between a
        sentence's start and the mention (somebody named since is nearer)."""
        para = self.paragraphs[pno - 1]
        limit = m.offset if pno == m.paragraph else len(para)
        starts = sentence_starts(para, self.t)
        named = self.named()
        first = bisect.bisect_right(starts, limit) - 1
        for k in range(first, max(-1, first - _UNNAMED_REACH - 1), -1):
            lo = starts[k]
            if self._person_named_between(named, (pno, lo), (m.paragraph, m.offset)):
                yield None
                return
            hi = starts[k + 1] if k + 1 < len(starts) else len(para)
            sentence = para[lo : min(hi, limit)]
            toks = _tokens(sentence)
            yield lo, sentence, toks, [w.lower().replace("’", "'") for _, _, w in toks]

    def _gender_fits(self, description: str) -> bool:
        """False where a description shows a gender other than the one looked for."""
        shown = _noun_gender(words(description), self.t)
        return self.gender is None or shown in (None, self.gender)

    def person_named_between(
        self, start: tuple[int, int], end: tuple[int, int], besides: _Entity | None = None
    ) -> bool:
        """True when a person other than ``besides`` is named from ``start`` up to
        ``end`` (positions)."""
        return self._person_named_between(self.named(), start, end, besides)

    def _person_named_between(
        self,
        named: list[tuple[tuple[int, int], int]],
        start: tuple[int, int],
        end: tuple[int, int],
        besides: _Entity | None = None,
    ) -> bool:
        """True when a person other than ``besides`` is named from ``start`` up to
        ``end`` (positions), in ``named`` (see :meth:`named`)."""
        i = bisect.bisect_left(named, (start,))
        while i < len(named) and named[i][0] < end:
            e = self.entities[named[i][1]]
            if e.person and e is not besides:
                return True
            i += 1
        return False

    def _after_copula(
        self, sentence: str, toks: list[tuple[int, int, str]], low: list[str], a: int
    ) -> str | None:
        """Where a sentence says who was there or who it was ("Blandt tilhørerne var en
        fisker, der …", "Mezi poškozenými je i učitelka z Karviné, která …", "Det var en
        af museets frivillige dykkere, der …"): the person is the noun phrase after its
        verb (the last auxiliary before the relative clause that holds the words at
        ``a``, saying they are not named, and the particles after it), up to that
        clause. None where no auxiliary comes before."""
        t = self.t
        r = next(
            (j for j in range(a, 0, -1) if low[j] in t.relatives or low[j] in t.complementizers),
            a,
        )
        # (The auxiliaries table holds adverbs too: "також", "už", "also". A sentence
        # that says who was there opens with a place or a pronoun: "Blandt
        # tilhørerne var", "Det var", "Mezi poškozenými je".)
        if not ((low[0] in t.stopwords and low[0] not in t.determiners) or low[0] in t.pronouns):
            return None
        aux = [j for j in range(r) if low[j] in t.auxiliaries]
        if not aux:
            return None
        i = aux[-1] + 1
        while i < r and (
            low[i] in t.conjunctions or low[i] in t.negations or low[i] in t.auxiliaries
        ):
            i += 1
        if (
            i >= r
            or r - i > _DESCRIPTION_WORDS
            or any(low[j] in t.complementizers for j in range(i, r))
            or any("," in sentence[toks[j - 1][1] : toks[j][0]] for j in range(i + 1, r))
            or t.speech_verbs.find(low[aux[-1] : r])
        ):
            return None  # not one noun phrase: "také uvedla, že její lékař, který …"
        return sentence[toks[i][0] : toks[r - 1][1]].rstrip(" \u00a0,")

    def _subject_after_verb(
        self, sentence: str, toks: list[tuple[int, int, str]], low: list[str], a: int
    ) -> str | None:
        """The noun phrase after a speech verb that the words at ``a`` (saying it is
        not named) follow, in a relative clause ("…, segir íbúi við Garðarsbraut sem
        ekki vildi koma fram undir nafni"), up to the end of that clause."""
        t = self.t
        hidden = _unnamed_source_words(low, t)
        verbs = [k + n for k, n in t.speech_verbs.find(low[:a]) if k not in hidden]
        if not verbs:
            return None
        v = verbs[-1]
        while v < a and (low[v] in t.object_pronouns or low[v] in t.stopwords):
            v += 1  # "sagte uns", "told reporters"
        r = next((j for j in range(v + 1, a + 1) if low[j] in t.relatives), None)
        if r is None or r - v > 6:
            return None
        n = next(n for b, n in t.anonymity.find(low) if b == a)
        stop = _anonymity_end(sentence, toks, low, a + n, t)
        return sentence[toks[v][0] : toks[stop - 1][1]]

    def _introduced_unnamed(self, m: _Mention) -> str | None:
        """An unnamed person that a sentence before the mention in its paragraph opens
        with ("Eine Kundin, die seit 30 Jahren …, reagierte fassungslos. „…“, sagte die
        Frau, die …"), nobody named since, of the gender looked for."""
        t = self.t
        found = self.unnamed_before(m) or self.unnamed_in_paragraph_before(m)
        if found is not None:
            return found
        for read in self._sentences_back(m, m.paragraph):
            if read is None:
                return None
            lo, sentence, toks, low = read
            if not toks or (low[0] not in t.indefinites and not t.anonymity.find(low)):
                continue
            described = self._described_subject(sentence, toks, low, m.paragraph, lo)
            if described is None:
                continue
            return described.text if self._gender_fits(described.text) else None
        return None

    def unnamed_before(self, m: _Mention) -> str | None:
        """The unnamed person introduced before a pronoun (:meth:`indefinite_before`),
        or where the language has no indefinite article, the bare description that
        opens one of the last sentences (:meth:`bare_subject_before`)."""
        found = self.indefinite_before(m)
        if found is None and self.t.bare_indefinites:
            found = self.bare_subject_before(m)
        return found

    def bare_subject_before(self, m: _Mention) -> str | None:
        """Where the language has no indefinite article: the subject that opens one of
        the mention's sentence and the two before it, a role or person noun without a
        name that a relative clause set off by a comma describes ("Гледачка з
        Мазыра, якая прыехала на прэм’еру, не хавала слёз." then "— …, — сказала
        жанчына"), as written with that clause, where the genders agree."""
        t = self.t
        para = self.paragraphs[m.paragraph - 1]
        starts = sentence_starts(para, t)
        k = bisect.bisect_right(starts, m.offset) - 1
        if k < 0:
            return None
        if self.index is not None:
            scan = self.index.masked(m.paragraph, 0, self.paragraphs, t)[0]
        else:
            scan = para
        for j in range(k, max(0, k - _UNNAMED_REACH) - 1, -1):
            lo = starts[j]
            head = [tok for tok in _tokens(scan[lo : m.offset])[:6] if "_" not in tok[2]]
            if not head or head[0][0] > 2:
                continue  # a sentence that opens with a quotation
            stop = next(
                (
                    i
                    for i in range(1, len(head))
                    if _boundary(scan, lo + head[i - 1][1], lo + head[i][0])
                ),
                None,
            )
            if stop is None or "," not in scan[lo + head[stop - 1][1] : lo + head[stop][0]]:
                continue
            low = [bare(w.lower()) for _, _, w in head]
            if low[stop] not in t.relatives:
                continue
            run = _first_run(low[:stop], t)
            if (
                not run
                or low[0] != run[0]
                or not any(_person_word(w, t) for w in run)
                or any(w in t.bodies for w in run)
                or any(_is_capitalised(w) for _, _, w in head[1 : len(run)])
            ):
                continue
            shown = _noun_gender(run, t)
            if self.gender is not None and shown not in (None, self.gender):
                continue
            found = _Mention(para[lo : lo + head[stop - 1][1]], m.paragraph, lo)
            whole = _with_relative_clause(found, found.text, self.paragraphs, t)
            if whole != found.text:
                return whole
        return None

    def indefinite_before(self, m: _Mention) -> str | None:
        """For a pronoun with no person named before it in its paragraph: the unnamed
        person one of the paragraph's last sentences introduced as its subject, with an
        indefinite article not after a preposition nor a pronoun ("Unter den Zuschauern
        war auch eine Zeugin aus Bochum. Sie … „…“, sagte sie."; not "She had called a
        doctor"), where the head is a role or occupation and the genders agree; as
        written, with what follows it in its clause."""
        t = self.t
        para = self.paragraphs[m.paragraph - 1]
        starts = sentence_starts(para, t)
        k = bisect.bisect_right(starts, m.offset) - 1
        # The pronoun's sentence and the two before it, read once each; the words of
        # quotations masked ("„Das ist doch ein Witz“, sagte sie": no one is
        # introduced in someone's words).
        lo = starts[max(0, k - _UNNAMED_REACH)]
        text = para[lo : m.offset]
        if self.index is not None:
            scan = self.index.masked(m.paragraph, 0, self.paragraphs, t)[0][lo : m.offset]
            toks = [(a, b, text[a:b]) for a, b, w in _tokens(scan) if "_" not in w]
        else:
            toks = _tokens(text)
        low = [bare(w.lower()) for _, _, w in toks]
        for i in range(len(toks) - 2, -1, -1):
            if low[i] not in t.indefinites:
                continue
            opens = bisect.bisect_right(starts, lo + toks[i][0]) - 1
            before = [j for j in range(i) if lo + toks[j][0] >= starts[opens]]
            # (A pronoun that is also an article introduces a noun: Danish "Blandt de
            # fremmødte var en landmand".)
            if any(low[j] in t.pronouns and low[j] not in t.determiners for j in before):
                return None  # an object: "she had called a doctor"
            if (
                before
                and low[i - 1] in t.stopwords
                and low[i - 1] not in t.determiners
                # (An adverb after the verb "to be" is none: "war auch eine Zeugin".)
                and not (i >= 2 and low[i - 2] in t.auxiliaries and i - 1 in before[1:])
            ):
                # After a preposition: "mit einer Ärztin", nobody; but one that
                # describes a noun before it ("a young woman with a pushchair"): the
                # indefinite before it in the sentence is the one to read.
                if any(low[j] in t.indefinites for j in before):
                    continue
                return None
            found = _Mention(text[toks[i][0] :], m.paragraph, lo + toks[i][0])
            clause = _tokens(found.text)
            stop = next(
                (
                    j
                    for j in range(1, len(clause))
                    if _boundary(found.text, clause[j - 1][1], clause[j][0])
                ),
                len(clause),
            )
            # Nor past its verb of speech ("a neighbour who had travelled from
            # Portmagee said the village …"), other than one of what the text says of
            # an unnamed source.
            said = [w.lower() for _, _, w in clause[:stop]]
            hidden = _unnamed_source_words(said, t)
            stop = next(
                (j for j in range(2, stop) if j not in hidden and t.speech_verbs.match_at(said, j)),
                stop,
            )
            whole = found
            found = replace(found, text=found.text[: clause[stop - 1][1]])
            person = _a_person(found, t)
            partitive = None
            if not person and stop < len(clause):
                # "Адзін з іх, 70-гадовы пенсіянер з Мазыра, трапіў …": a partitive
                # ("one of them") that a description in apposition says who is.
                partitive = self._partitive_apposition(whole, clause, stop)
                if partitive is not None:
                    found, person = partitive, True
            # The gender the pronoun shows (or its verb): a description of the other
            # gender is someone else.
            shown = _noun_gender(words(found.text), t)
            if person and (self.gender is None or shown in (None, self.gender)):
                if found is partitive:
                    return found.text  # (its apposition closed by the comma after it)
                return _whole_description(found, self.paragraphs, t).text
            return None  # the nearest indefinite is no person: nothing further back
        return None

    def _partitive_apposition(
        self, found: _Mention, clause: list[tuple[int, int, str]], stop: int
    ) -> _Mention | None:
        """The description set by a comma after the indefinite of a partitive ("адзін з
        іх", "jeden z nich"), where its head is a role or a word for a person; else
        None. ``clause``: the tokens of ``found.text`` from
        the indefinite on; ``stop``: where its noun phrase ended."""
        t = self.t
        own = [bare(w.lower()) for _, _, w in clause[1:stop]]
        if not all(_function_word(w, t) or w in t.object_pronouns for w in own):
            return None  # the indefinite has a noun of its own: "one driver, …"
        text = found.text
        if "," not in text[clause[stop - 1][1] : clause[stop][0]]:
            return None
        end = next(
            (
                j
                for j in range(stop + 1, len(clause))
                if _boundary(text, clause[j - 1][1], clause[j][0])
            ),
            len(clause),
        )
        said = [bare(w.lower()) for _, _, w in clause[stop:end]]
        content = [w for w in said if not _function_word(w, t)][:3]
        if not any(_person_word(w, t) for w in content):
            return None
        # The apposition alone: "one of them" says nothing of who the person is.
        a = clause[stop][0]
        return replace(found, text=text[a : clause[end - 1][1]], offset=found.offset + a)

    def opens_paragraph(self, m: _Mention) -> bool:
        """True when nothing but quotations comes before the mention in its paragraph:
        no sentence of its own."""
        if self.index is not None:
            text = self.index.masked(m.paragraph, 0, self.paragraphs, self.t)[0]
        else:
            text = self.paragraphs[m.paragraph - 1]
        return not any(ch in ".!?" for ch in text[: m.offset])

    def after_opening_quotation(self, m: _Mention) -> bool:
        """True when the mention's paragraph opens with a quotation and has no sentence
        of its own before the mention ("– Det er tredje gang på to år, siger han")."""
        para = self.paragraphs[m.paragraph - 1].lstrip()
        return bool(para) and (para[0] in _OPENING or para[0] in "–—-") and self.opens_paragraph(m)

    def unnamed_in_paragraph_before(self, m: _Mention) -> str | None:
        """For a pronoun in a paragraph that opens with its quotation (nothing but the
        quotation before it): the unnamed person the end of the paragraph before
        introduced ("Blandt tilhørerne var en fisker, der …" then "– Det er tredje gang
        på to år, siger han."), when nobody was named after them."""
        if m.paragraph < 2 or not self.opens_paragraph(m):
            return None  # (or a sentence of its own before the quotation)
        prev = self.paragraphs[m.paragraph - 2]
        found = self.unnamed_before(_Mention("", m.paragraph - 1, len(prev)))
        if found is None:
            return None
        at = prev.rfind(found)
        named = self.named_before_at(m.paragraph, m.offset, same_paragraph=False)
        if at < 0 or (named is not None and named[0] > (m.paragraph - 1, at)):
            return None
        return found

    def introduced(self, m: _Mention, low: list[str]) -> str | None:
        """The unnamed person a definite role noun takes up: "A spokesman for the
        Treasury said … . “…,” the spokesman added" -> "A spokesman for the Treasury",
        as written where the article introduced them with an indefinite article (in
        this paragraph or the one before). The caller asks only when no person named
        in the article has that role, and a person named in the introducing sentence
        ("A spokesman, John Smith, said") is the one meant.
        ``low``: the mention's words, lower-cased and bare."""
        # The head noun: the last word of the first run of content words ("spokesman"
        # in "the Treasury spokesman"), or a role phrase's first word ("head" of "head
        # of state").
        run = _first_run(low, self.t)
        if not run:
            return None
        roles = self.t.roles.find(low)
        noun = low[roles[0][0]] if roles else run[-1]
        # A word _same_noun() takes for the noun starts with its first four letters (or
        # is it), and its bare lower-case form is part of the lower-cased text: where
        # they are not in the text, no word is read. (Lower-casing a word alone and in
        # its text differs only in the Greek final sigma, hence ς as σ on both sides.)
        stem = noun[:4].replace("ς", "σ")
        for pno in range(m.paragraph, max(0, m.paragraph - 2), -1):
            text = self.paragraphs[pno - 1]
            if pno == m.paragraph:
                text = text[: m.offset]
            # The introduction is near: the last 1,500 characters are read, so that a
            # long paragraph of such mentions costs no more than a short one.
            lo = max(0, len(text) - 1500)
            if stem not in text[lo:].lower().replace("’", "'").replace("ς", "σ"):
                continue
            toks = [(a + lo, b + lo, w) for a, b, w in _tokens(text[lo:])]
            low = [bare(w.lower().replace("’", "'")) for _, _, w in toks]
            for i in range(len(low) - 1, -1, -1):
                if low[i] not in self.t.indefinites:
                    continue
                # The indefinite's noun: within the next two words ("a spokesman", "a
                # senior official").
                j = next(
                    (k for k in range(i + 1, min(i + 3, len(low))) if _same_noun(low[k], noun)),
                    None,
                )
                if j is None or any(
                    ch in _OPENING or ch in _CLOSING for ch in text[toks[i][0] : toks[j][1]]
                ):
                    continue  # none, or words across a quotation mark
                # Named in the same sentence ("A spokesman, John Smith, said"): that
                # person is the one the role noun takes up.
                full = self.paragraphs[pno - 1]
                stops = sentence_starts(full, self.t)
                k = bisect.bisect_right(stops, toks[i][0])
                ends = stops[k] if k < len(stops) else len(full)
                if any(
                    e.person and (pno, toks[i][0]) <= pos < (pno, ends)
                    for e in self.entities
                    for pos in e.positions
                ):
                    return None
                # The description: the noun, and a phrase naming whom the person speaks
                # for ("for the Treasury", "at Berenberg"): a preposition, articles, then
                # capitalised words.
                end = j + 1
                if (
                    end < len(low)
                    and low[end] in self.t.stopwords
                    and not _clause_ends(text, toks[j][1])
                ):
                    k = end + 1
                    while k < len(low) and low[k] in self.t.determiners:
                        k += 1
                    e = k
                    while e < len(low) and e - k < 4 and _is_capitalised(toks[e][2]):
                        e += 1
                        if _clause_ends(text, toks[e - 1][1]):
                            break
                    if e > k:
                        end = e
                # ... and the relative clause in commas that says more of them ("Еден
                # рибар од Охрид, кој не сакаше да го каже своето име, се сеќава …"),
                # as where the introduction itself speaks.
                described = text[toks[i][0] : toks[end - 1][1]]
                at = _Mention(described, pno, toks[i][0])
                return _with_relative_clause(at, described, self.paragraphs, self.t)
        return None

    def named_next(self, m: _Mention) -> _Entity | None:
        """The person a role noun that nobody named before holds introduces by name
        in the sentence right after the mention's, which opens with that name written
        for the first time, a given name first, and no role nor apposition ("…', zegt
        de burgemeester. Tom Claes wijst erop dat …"): the article names whom it just
        described."""
        pno = m.paragraph
        text = self.paragraphs[pno - 1]
        if self.index is not None:
            starts = list(self.index.masked(pno, 0, self.paragraphs, self.t)[1])
        else:
            starts = sentence_starts(text, self.t)
        k = bisect.bisect_right(starts, m.offset)
        # (Past the quotation the attribution is in, the next sentence of the article.)
        while k < len(starts) and text[starts[k] : starts[k] + 1] in _OPENING:
            k += 1
        at = (pno, starts[k]) if k < len(starts) else (pno + 1, 0)
        if at[0] > len(self.paragraphs):
            return None
        for e in self.entities:
            if e.person and e.positions and min(e.positions) == at:
                text = self.paragraphs[at[0] - 1]
                end = at[1] + len(e.forms[0]) if e.forms else at[1]
                if (
                    text[at[1] : end] == e.forms[0]
                    and len(e.forms[0].split()) >= 2
                    and _known_given(e.forms[0].split()[0], self.t)
                    and not any(r in self.t.roles for r in e.roles)
                    and not self._apposition_after(text, end)
                    and self.fits(e)
                ):
                    return e
        return None

    def _apposition_after(self, text: str, end: int) -> bool:
        """True when a noun phrase in commas follows the name ending at ``end`` ("Jan
        Smit, een buurtbewoner,"): who that person is, another one than a role noun
        before took up; not a phrase after a preposition ("Liam Hennessy, in his
        second season in charge,")."""
        rest = text[end:].lstrip(" \u00a0")
        if not rest.startswith(","):
            return False
        nxt = words(rest[1:80])[:1]
        return not (
            nxt
            and nxt[0] in self.t.stopwords
            and nxt[0] not in self.t.determiners
            and nxt[0] not in self.t.indefinites
            and nxt[0] not in self.t.relatives
        )

    def nearest(self, paragraph: int, offset: int, *, person: bool = False) -> _Entity | None:
        """The person named last before a point of the text (within two paragraphs),
        else the first one named after it (within the next paragraph), else the main one.
        ``person``: for a person's role noun, one named with a given name is preferred to
        a name that shows no person after a preposition or a body's noun."""
        found = self.named_before_at(paragraph, offset, same_paragraph=False)
        if (
            found is not None
            and person
            and _nameless(found[1], self.t)
            and (found[0] in found[1].oblique or self._after_body_noun(found[0]))
        ):
            # "Chiara Vianello, biologa dell'Università Ca' Foscari … la ricercatrice": a
            # person named with a given name, not the body or place after it.
            found = self.given_named_before(found[0]) or found
        if found is not None and paragraph - found[0][0] <= 2:
            return found[1]
        named = self.named()
        for k in range(bisect.bisect_left(named, ((paragraph, offset + 1),)), len(named)):
            pos, n = named[k]
            if pos[0] - paragraph > 1:
                break
            if self.entities[n].person and self.fits(self.entities[n]):
                return self.entities[n]
        if found is not None:
            return found[1]
        return self.main()

    def _after_body_noun(self, pos: tuple[int, int]) -> bool:
        """True when the word before position ``pos`` is a body's noun: the name there
        is the body's ("dell'Università Ca' Foscari"), not a person's."""
        before = words(self.paragraphs[pos[0] - 1][max(0, pos[1] - 40) : pos[1]])
        return bool(before) and bare(before[-1].replace("’", "'")) in self.t.bodies

    def _name_of(self, key: str, fallback: str) -> str:
        e = self.by_key(key)
        return e.name if e is not None else fallback


def attribute(
    paragraphs: list[str],
    parts: tuple[QuotationPart, ...],
    *,
    doc_id: str,
    lang: str | None = None,
    attributions: tuple[Attribution, ...] = (),
    rank: bool = True,
    trace: list[tuple[list[QuotationPart], list[Candidate], int]] | None = None,
) -> tuple[tuple[QuotationPart, ...], tuple[Person, ...]]:
    """Give every ``speech`` part a speaker (or None) and list the persons quoted.

    ``rank``: let the learned ranker (:mod:`~corpus_tools.annotate.ranking`) overrule
    the rules where it is sure; ``trace``: a list that receives, for every speech
    quotation, its parts, its candidates and the index of the rules' choice (what
    ``benchmarks/speaker_ranker.py`` learns from)."""
    t = tables_for(lang)
    w = ranking.weights() if rank else None
    index = PartIndex(parts)
    elsewhere = (
        sure_bases((w for p in paragraphs for _, _, w in _tokens(p) if _is_capitalised(w)), t.names)
        if t.names
        else frozenset()
    )
    shared = _shared_given_names(paragraphs, t)
    entities = _index_persons(paragraphs, index, t, elsewhere, shared)
    resolver = _Resolver(paragraphs, t, entities, index=index, elsewhere=elsewhere, shared=shared)
    for p in parts:
        if p.type in ("title", "name") and p.kind == "quote" and p.depth == 0:
            text = paragraphs[p.paragraph - 1]
            before = [bare(w) for w in words(text[max(0, p.start.offset - 60) : p.start.offset])]
            inner = p.text.strip(_MARKS_AND_SPACES)
            resolver.quoted.append(((p.paragraph, p.start.offset), inner, before[-3:]))
    by_part: dict[str, list[Attribution]] = {}
    for a in attributions:
        by_part.setdefault(a.part, []).append(a)
    speakers: dict[str, tuple[str, str, str] | None] = {}
    keys_in_order: list[str] = []
    names: dict[str, str] = {}
    mentions: dict[str, list[str]] = {}
    previous_chain: list[QuotationPart] | None = None
    earlier_chain: list[QuotationPart] | None = None  # the speech before previous_chain
    for chain in chains(parts):
        if chain[0].type != "speech":
            continue
        found = _referring_mention(
            _unmasked(_find_mention(chain, paragraphs, index, t, by_part), paragraphs), t
        )
        continued = None
        if found is None:
            found = _referring_mention(
                _unmasked(_sentence_subject(chain, paragraphs, index, t), paragraphs), t
            )
            if found is not None and found.reported:
                # The words of whoever spoke just before, where someone did; else a
                # body's own ("Die Gewerkschaft werde prüfen, ob … „zumutbar“ seien").
                continued = _fallback(
                    chain, previous_chain, speakers, paragraphs, resolver, earlier_chain
                )
                head = [bare(w) for w in words(found.text) if not _function_word(w, t)][:1]
                if continued is not None or not (head and head[0] in t.bodies):
                    found = None
        if found is None and continued is None:
            found = _unmasked(_introduced_before(chain, paragraphs, index, t, entities), paragraphs)
        if found is None and continued is None:
            found = _unmasked(_described_before(chain, paragraphs, index, t), paragraphs)
        pronoun = None
        if found is not None and _is_pronoun(found, t):
            # "Op de tribune barstte een oudere vrouw in tranen uit. ‘…’, zei ze.": the
            # pronoun takes up the unnamed person the sentence before introduced, not a
            # person named earlier (a reporting sentence before is the resolver's:
            # "A spokesman for the port said … “…,” he said").
            described = _unmasked(_described_before(chain, paragraphs, index, t), paragraphs)
            if (
                described is not None
                and _a_person(described, t)
                and _agrees(found, described, t)
                and not _reports(described, chain[0], paragraphs, t)
            ):
                # As the sentence before opens with it, not run on into its verb; the
                # pronoun stays the mention, the words nearest the quotation.
                pronoun = found.text
                found = replace(described, described=True)
        if found is not None:
            found = _apposed_name(_whole_description(found, paragraphs, t), paragraphs, t)
        if found is not None:
            found = replace(
                found, verb_gender=_chain_verb_gender(chain, paragraphs, index, t, by_part)
            )
        result: tuple[str, str, str] | None = None
        how = "zero"
        shapeless = False
        # Where the attribution the rules went by names the speaker (for the ranker).
        at: tuple[int, int] | None = None
        if found is not None:
            key, name = resolver.resolve(found)
            named = resolver.by_key(key)
            if name and not (
                # (Not a person the article names with a given name: "Costa" of "Ana
                # Costa" is never "Costa Rica".)
                named is not None
                and any(
                    _known_given(f.split()[-1] if t.family_name_first else f.split()[0], t)
                    for f in named.forms
                    if " " in f
                )
            ):
                # A short name takes up the full one the article gave before ("a Defesa
                # Civil", "Hallberg" of "Hallberg Brewing Co.", "Norweg" of "Norweg
                # Eirik Lunde").
                fuller = resolver.fuller_name(name, found)
                if fuller == name:
                    fuller = resolver.with_lower_case_tail(name, named)
                if fuller != name:
                    key, name = f"d:{fuller.lower()}", fuller
            mention = pronoun or found.text
            if name:
                phrase = _well_formed(key, name, resolver)
                subject = _clause_subject(found.text, t) if phrase is None else None
                if subject is not None:
                    # The subject the clause holds, nearest the verb: "… and someone".
                    where = found.offset + found.text.rfind(subject)
                    retry = replace(found, text=subject, offset=where, described=False)
                    key, name = resolver.resolve(retry)
                    phrase = _well_formed(key, name, resolver) if name else None
                    mention = pronoun or subject
                if phrase is None:
                    # A piece of a clause, not who spoke: nobody rather than a guess.
                    shapeless = True
                elif phrase != name:
                    mention = phrase if mention == name else mention
                    key, name = f"d:{phrase.lower()}" if key.startswith("d:") else key, phrase
            result = (key, name, mention) if name and not shapeless else None
            how = _how_found(found, key, t, resolver.by_key(key))
            if result is not None and not found.zero:
                at = (found.paragraph, found.offset)
        if result is None and not shapeless:
            result = _fallback(chain, previous_chain, speakers, paragraphs, resolver, earlier_chain)
            if result is not None and _well_formed(result[0], result[1], resolver) is None:
                result = None
            how = "zero"
        if result is not None:
            key, name, mention = result
            if not mention:  # a verb without a subject: the person named, as written
                e = resolver.by_key(key)
                mention = e.written if e is not None else name
                result = (key, name, mention)
        rules = result
        if w is not None or trace is not None:
            gender = _attribution_gender(found, t) if found is not None else None
            earlier = None
            if resolver.last_speaker is not None and resolver.last_speaker[0] in names:
                said = resolver.last_speaker[0]
                earlier = (said, names[said], mentions[said][-1])
            candidates, chosen = _candidates(
                chain, result, how, gender, resolver, earlier, at, every=trace is not None
            )
            if trace is not None:
                trace.append((chain, candidates, chosen))
            if w is not None:
                pick = ranking.choose(candidates, chosen, w)
                c = candidates[pick]
                if c.key is not None and _well_formed(c.key, c.name, resolver) is None:
                    pick = chosen
                if pick != chosen:
                    c = candidates[pick]
                    result = (c.key, c.name, c.mention) if c.key is not None else None
        parent = index.by_id.get(chain[0].parent) if chain[0].parent is not None else None
        if parent is not None and parent.type == "speech" and parent.id in speakers:
            result = _nested_speaker(
                chain[0], result, rules, found, speakers[parent.id], index, paragraphs, t
            )
        if result is not None:
            key, name, mention = result
            if found is not None and found.verb_gender:
                entity = resolver.by_key(key)
                if entity is not None and _names_the_person(found, entity, t):
                    entity.said_as.add(found.verb_gender)
            if key not in names:
                keys_in_order.append(key)
                names[key] = name
                mentions[key] = []
            if mention not in mentions[key]:
                mentions[key].append(mention)
            resolver.last_speaker = (key, (chain[-1].paragraph, chain[-1].end.offset))
        for p in chain:
            speakers[p.id] = result
        earlier_chain, previous_chain = previous_chain, chain
    for key in keys_in_order:
        # The verbs seen since a person was first named may tell how to read the name.
        e = resolver.by_key(key)
        if e is not None:
            names[key] = e.name
    ids = {key: person_id(doc_id, n) for n, key in enumerate(keys_in_order, start=1)}
    persons = []
    for key in keys_in_order:
        e = resolver.by_key(key)
        forms = list(dict.fromkeys((e.forms if e else []) + mentions[key]))
        persons.append(Person(ids[key], names[key], tuple(forms)))
    out = []
    for p in parts:
        r = speakers.get(p.id)
        if p.type == "speech":
            speaker = Speaker(names[r[0]], r[2], ids[r[0]]) if r is not None else None
            out.append(with_fields(p, speaker=speaker))
        else:
            out.append(with_fields(p, speaker=None))
    return tuple(out), tuple(persons)


def _possessed_phrase(
    text: str, toks: list[tuple[int, int, str]], k: int, t: Tables
) -> tuple[str, int] | None:
    """(phrase, offset) of the noun phrase a possessive at ``toks[k]`` opens, with the
    article before it and a relative clause set off by commas after it ("O meu tio",
    "La mia vecchia istruttrice", "Moje babička, která …,"); None where no noun follows,
    or where the possessive follows its noun ("ο πατέρας μου"), whose start is unknown.
    Up to four words run on to a comma or the speech verb that close the phrase;
    where nothing closes it, the noun is the word after the possessive only ("My
    uncle ran the mill", not "My uncle ran")."""
    low = [bare(w.lower().replace("’", "'")) for _, _, w in toks]
    first = k
    if k > 0 and not _boundary(text, toks[k - 1][1], toks[k][0]):
        if low[k - 1] in t.determiners:
            first = k - 1
        elif not (_function_word(low[k - 1], t) or t.speech_verbs.match_at(low, k - 1)):
            return None
    end = k
    closed = False
    for j in range(k + 1, min(k + 5, len(toks))):
        w = low[j]
        if _boundary(text, toks[j - 1][1], toks[j][0]) or t.speech_verbs.match_at(low, j):
            closed = True
            break
        if (
            _function_word(w, t)
            or w in t.adverbials
            or w in t.object_pronouns
            or w in t.addressee_pronouns
            or w in t.first_person_pronouns
        ):
            break
        end = j
    else:
        closed = end + 1 == len(toks)
    if end == k:
        return None
    if not closed:
        end = k + 1
    stop = toks[end][1]
    rest = text[stop:]
    if rest.startswith(", ") and words(rest[2:])[:1] and words(rest[2:])[0] in t.relatives:
        close = rest.find(",", 2)
        if close > 0:
            stop += close
    return text[toks[first][0] : stop], toks[first][0]


def _nested_reading(
    first: QuotationPart, paragraphs: list[str], index: PartIndex, t: Tables
) -> tuple[str, str, int] | None:
    """How the speaker of a quotation nested in another speaker's words names the one
    it reports, read inside the outer quotation: ``("self", pronoun, offset)`` where a
    first-person subject says it ("I said to her, ‘…’": the outer speaker),
    ``("described", phrase, offset)`` where a possessive description does, before or
    after the speech verb ("My uncle always said: ‘…’", "then said their driver: ‘…’")
    or taken up by a pronoun from a sentence of the outer quotation that opens with it
    ("My uncle ran the mill. He always said: ‘…’"), ``("other", pronoun, offset)`` for
    a third-person pronoun without such an antecedent; else None (no speech verb
    right before the quotation)."""
    parent = index.by_id.get(first.parent) if first.parent is not None else None
    if parent is None or parent.paragraph != first.paragraph:
        return None
    # The outer quotation's sentence up to the quotation, from a start before it: a
    # colon before a quotation may count as a sentence end ("sagte: ‚Wir …‘").
    masked_text, starts = index.masked(first.paragraph, first.depth, paragraphs, t)
    opening = parent
    while opening.prev is not None and opening.start.offset >= first.start.offset:
        # The outer quotation taken for one interrupted where the words before the
        # nested one end with a colon ("„My uncle always said: ‚…‘ …“"): from its start.
        earlier = index.by_id.get(opening.prev)
        if earlier is None or earlier.paragraph != first.paragraph:
            break
        opening = earlier
    floor = opening.start.offset + 1
    before_start = max([floor, *(s for s in starts if s < first.start.offset - 2)])
    text = masked_text[before_start : first.start.offset].rstrip(" \u00a0")
    toks = _tokens(text)
    if not toks:
        return None
    low = [w.lower().replace("’", "'") for _, _, w in toks]
    verbs = _affirmed(low, t.speech_verbs.find(low), t)
    if not verbs:
        return None
    v, n = verbs[-1]
    if len(toks) - (v + n) > 4:
        return None  # the verb reports other words than these
    b = v
    while b > 0 and not _boundary(text, toks[b - 1][1], toks[b][0]):
        if low[b - 1] in t.conjunctions or low[b - 1] in t.complementizers:
            break
        b -= 1
    after = list(range(v + n, min(v + n + 3, len(toks))))
    for j in [*range(b, v), *after[:1]]:
        if low[j] in t.first_person_pronouns:
            return "self", toks[j][2], before_start + toks[j][0]
    for j in [*range(b, v), *after]:
        if bare(low[j]) in t.possessives:
            got = _possessed_phrase(text, toks, j, t)
            if got is not None:
                return "described", got[0], before_start + got[1]
            break
    if (
        b >= 2
        and low[b - 1] in t.relatives
        and _boundary(text, toks[b - 2][1], toks[b - 1][0])
        and not any(low[j] in t.pronouns or _is_capitalised(toks[j][2]) for j in range(b, v))
    ):
        # The relative's antecedent says it: "… for my mother, who always told me: ‘…’".
        for k in range(b - 2, max(-1, b - 7), -1):
            if bare(low[k]) in t.possessives:
                got = _possessed_phrase(text, toks, k, t)
                if got is not None and got[1] + len(got[0]) == toks[b - 2][1]:
                    return "described", got[0], before_start + got[1]
                break
    if v - b <= 2 and not any(
        low[j] in t.pronouns or _is_capitalised(toks[j][2]) for j in range(b, v)
    ):
        # The subject opens the sentence, the verb after a phrase set off by commas:
        # "My uncle, who ran the mill, always said: ‘…’".
        k = 1 if low[0] in t.determiners else 0
        if k < len(toks) and bare(low[k]) in t.possessives:
            got = _possessed_phrase(text, toks, k, t)
            if got is not None:
                return "described", got[0], before_start + got[1]
    pronoun = next(
        (
            j
            for j in [*range(b, v), *after[:1]]
            if low[j] in t.pronouns and low[j] not in t.object_pronouns
        ),
        None,
    )
    if pronoun is None:
        return None
    # A pronoun takes up the description that opened its sentence before it ("My
    # uncle ran the mill, and he always said: ‘…’"), else the one that opened the
    # sentence right before it in the outer quotation ("My uncle ran the mill. He …").
    segments = [(before_start, text[: toks[pronoun][0]])] if pronoun > 0 else []
    if before_start > floor:
        s = max([floor, *(s for s in starts if floor <= s < before_start)])
        segments.append((s, masked_text[s:before_start]))
    for s, seg in segments:
        if seg:
            seg_toks = _tokens(seg)
            seg_low = [bare(w.lower()) for _, _, w in seg_toks]
            k = 1 if seg_low[:1] and seg_low[0] in t.determiners else 0
            if k < len(seg_toks) and seg_low[k] in t.possessives:
                got = _possessed_phrase(seg, seg_toks, k, t)
                if got is not None:
                    return "described", got[0], s + got[1]
    return "other", toks[pronoun][2], before_start + toks[pronoun][0]


def _nested_speaker(
    first: QuotationPart,
    result: tuple[str, str, str] | None,
    rules: tuple[str, str, str] | None,
    found: _Mention | None,
    outer: tuple[str, str, str] | None,
    index: PartIndex,
    paragraphs: list[str],
    t: Tables,
) -> tuple[str, str, str] | None:
    """The speaker of a quotation nested in another speaker's words (``outer``), as the
    words around it inside the outer quotation name them (:func:`_nested_reading`):
    the outer speaker where they say "I"; a possessive description as written ("my
    grandmother", never the outer speaker nor a person it only resembles); and never
    the outer speaker by a guess: a third-person pronoun or no attribution there
    reports someone else's words, so nobody rather than the outer speaker."""
    reading = _nested_reading(first, paragraphs, index, t)
    if reading is not None and reading[0] == "self":
        return (outer[0], outer[1], reading[1]) if outer is not None else None
    if reading is not None and reading[0] == "described":
        phrase = reading[1]
        if (
            result is not None
            and found is not None
            and phrase.lower() in found.text.lower()
            and (outer is None or result[0] != outer[0])
        ):
            return result  # the same words, which the article names elsewhere
        return f"d:{phrase.lower()}", phrase, phrase
    if result is None or outer is None or result[0] != outer[0]:
        return result
    if rules is None or rules[0] != outer[0]:
        return None  # the ranker's guess at the outer speaker, which the words do not name
    if found is None or found.zero:
        return None
    if reading is not None or (_is_pronoun(found, t) and found.offset < first.start.offset):
        # (A pronoun after the quotation may open the next sentence, of someone else:
        # "I told her: ‘…’ She only laughed.")
        return None
    return result


def _clause_subject(phrase: str, t: Tables) -> str | None:
    """The subject inside the words before or after a speech verb that are no noun
    phrase: the pronoun after a finite auxiliary that opens them ("hatte er damals vor
    Gericht [erklärt]" -> "er"), or the noun phrase after their last conjunction ("We
    were waiting at the bar and someone [said]" -> "someone"; a complementizer
    before it passed over: "… and what the coach [called]" -> "the coach")."""
    low = words(phrase)
    spans = [(m.start(), m.group()) for m in _NAME_WORD.finditer(phrase)]
    if len(low) != len(spans) or len(low) < 2:
        return None
    if _finite_verb(low[0], t):
        return spans[1][1] if low[1] in t.pronouns else None
    last = max((k for k in range(len(low) - 1) if low[k] in t.conjunctions), default=-1)
    if last < 0:
        return None
    k = last + 1
    while k < len(low) - 1 and (low[k] in t.complementizers or low[k] in t.relatives):
        k += 1
    rest = phrase[spans[k][0] :]
    return rest if _noun_phrase(rest, t, proper=False) == rest else None


def _well_formed(key: str, name: str, resolver: _Resolver) -> str | None:
    """The speaker's name as a noun phrase (:func:`_noun_phrase`), or None; a surname
    the article writes in a longer form stays as it is ("van der Meer" after "Piet van
    der Meer"; "de Rennes" of "CHU de Rennes" alone does not)."""
    e = resolver.by_key(key)
    if e is not None and any(f != name and f.endswith(" " + name) for f in e.forms):
        return name
    return _noun_phrase(name, resolver.t, proper=key.startswith("e:"))


def _names_the_person(found: _Mention, e: _Entity, t: Tables) -> bool:
    """True when an attribution names or describes the person ("uvedl ředitel" after
    "ředitele … Pavla Horáka", "povedal primár"): only then does its verb's gender
    tell theirs. A pronoun or a verb without a subject may have been resolved to
    anyone named before."""
    low = [bare(w) for w in words(found.text)]
    if found.zero or not low:
        return False
    return not _pronoun_words(low, t)


def _how_found(found: _Mention, key: str, t: Tables, e: _Entity | None) -> str:
    """How the rules reached their choice, for the ranker: through a pronoun, a verb
    without a subject, a name written in the attribution (a word of one of the
    person's namings: not "the President", whose capital says nothing), or a role noun
    or description."""
    low = words(found.text)
    if found.zero or not low:
        return "zero"
    if _pronoun_words([w.lower() for w in low], t):
        return "pronoun"
    if key.startswith("e:") and e is not None:
        named = {w.lower() for form in e.forms for w in form.split()}
        if any(w.lower() in named for w in found.text.split()):
            return "name"
    return "role"


def _attribution_gender(found: _Mention, t: Tables) -> str | None:
    """The gender the attribution shows: its speech verb's, else its pronoun's."""
    low = words(found.text)
    return found.verb_gender or (_pronoun_gender(low[0], t) if low else None)


def _candidates(
    chain: list[QuotationPart],
    result: tuple[str, str, str] | None,
    how: str,
    gender: str | None,
    resolver: _Resolver,
    earlier: tuple[str, str, str] | None,
    at: tuple[int, int] | None = None,
    *,
    every: bool = True,
) -> tuple[list[Candidate], int]:
    """The ranker's candidates for one quotation and the index of the rules' choice:
    that choice (or nobody), the previous speaker (``earlier``: key, name, a mention),
    and the persons and bodies named from three paragraphs before the quotation to the
    paragraph after it, places left out (the nearest ``ranking.MAX_CANDIDATES``).
    ``at``: where the attribution the rules went by is, which places their choice when
    it is an unnamed person or a body. Unless ``every``, a choice the ranker never
    overrules (:func:`~corpus_tools.annotate.ranking.firm`) comes alone."""
    t = resolver.t
    first, last = chain[0], chain[-1]
    start = (first.paragraph, first.start.offset)
    end = (last.paragraph, last.end.offset)
    main = _most_named(e for e in resolver.entities if e.person)
    previous = resolver.last_speaker[0] if resolver.last_speaker is not None else None
    previous_here = (
        resolver.last_speaker is not None and resolver.last_speaker[1][0] == first.paragraph
    )
    question = _asks(chain)
    # The content words of a role noun or description the rules went by ("the coach").
    role_words = (
        [w for w in words(result[2]) if len(w) >= 4 and not _function_word(w, t)]
        if result is not None and how == "role"
        else []
    )
    # The person named last before the quotation (the first of those named there):
    # each one's last naming before it, bisected, not a scan of every naming of every
    # entity for each quotation.
    named_last: _Entity | None = None
    best = (-1, -1)
    for e in resolver.entities:
        if not e.person:
            continue
        ordered = e.sorted_positions()
        k = bisect.bisect_left(ordered, start)
        if k and best < ordered[k - 1]:
            best, named_last = ordered[k - 1], e

    def where(e: _Entity | None) -> list[tuple[int, int]]:
        if e is not None:
            return e.positions
        return [at] if at is not None else []

    def facts(e: _Entity | None, key: str | None, rule: bool) -> tuple[float, ...]:
        f = dict.fromkeys(ranking.FEATURES, 0.0)
        f["bias"] = 1.0
        if rule:
            f["rule"] = 1.0
            f[f"rule_{how}"] = 1.0
            f["rule_partial"] = float(_partial(first))
            f["rule_dialogue"] = float(first.kind == "dialogue")
            f["rule_far"] = float(not any(start[0] - 3 <= p <= end[0] + 1 for p, _ in where(e)))
            f["rule_place"] = float(e is not None and not e.person)
            f["rule_nested"] = float(first.depth > 0)
        f["nobody"] = float(key is None)
        f["question"] = float(key is None and rule and question)
        f["description"] = float(key is not None and key.startswith("d:"))
        # (Or one the text says it does not name: "who asked not to be named" rules
        # out every person it names.)
        said = words(key[2:]) if key is not None and key.startswith("d:") else []
        f["introduced"] = float(
            bool(said)
            and (
                said[0] in t.indefinites
                or bool(t.anonymity.find(said))
                # Or someone of a named person's ("Mr Doyle’s brother-in-law"): the
                # words rule out the person they name.
                or _possessed(" ".join(said))
                or key in resolver.possessed
            )
        )
        f["previous"] = float(key is not None and key == previous)
        f["previous_here"] = float(key is not None and key == previous and previous_here)
        if e is None and rule and at is not None:
            # An unnamed person or a body: where the attribution names them.
            _position_facts(f, [at], start, end)
        if e is not None:
            f["person"] = float(e.person)
            f["main"] = float(e is main)
            f["namings"] = math.log1p(len(e.positions))
            f["subject"] = float(bool(e.subjects))
            f["speaks_here"] = float(start[0] in e.spoke or end[0] in e.spoke)
            f["speaks_before"] = float(start[0] - 1 in e.spoke)
            f["role_match"] = float(
                bool(role_words)
                and any(
                    r and any(r.startswith(w[:5]) or w.startswith(r[:5]) for w in role_words)
                    for r in e.roles | e.descriptors
                )
            )
            _position_facts(f, e.positions, start, end)
            f["last_named"] = float(e is named_last)
            f["noun_like"] = float(t.nouns_capitalised and e.noun_like)
            ordered = e.sorted_positions()
            k = bisect.bisect_left(ordered, start)
            f["inside"] = float(k < len(ordered) and ordered[k] <= end)
            own = _entity_gender(e, t)
            if gender is not None and own is not None:
                f["gender_agrees" if own == gender else "gender_differs"] = 1.0
        return tuple(f[name] for name in ranking.FEATURES)

    candidates: list[Candidate] = []
    if result is None:
        candidates.append(Candidate(None, "", "", facts(None, None, True)))
    else:
        key, name, mention = result
        candidates.append(Candidate(key, name, mention, facts(resolver.by_key(key), key, True)))
    if not every and ranking.firm(candidates[0]):
        return candidates, 0  # the ranker keeps it whatever the others score
    seen = {candidates[0].key}
    # The entity each key stands for (the first with that surname, as by_key() finds
    # it), looked up once: not a scan of every entity for each of them.
    first_of: dict[str, _Entity] = {}
    for e in resolver.entities:
        first_of.setdefault(f"e:{e.surname}", e)

    def distance(pos: tuple[int, int]) -> tuple[int, int]:
        return (abs(pos[0] - start[0]), abs(pos[1] - start[1]))

    nearby: list[tuple[tuple[int, int], int, str, _Entity, str]] = []
    reach = range(start[0] - 3, end[0] + 2)  # the paragraphs ``near`` reads
    for n, e in enumerate(resolver.entities):
        key = f"e:{e.surname}"
        if key in seen or first_of[key] is not e or not e.person:
            continue  # (a name only ever after a preposition is a place, not a speaker)
        if key != previous and e.paragraphs_named().isdisjoint(reach):
            # Named nowhere near: the scan of every naming of every entity for each
            # quotation was quadratic in a long article.
            continue
        near = [
            (pos, form)
            for pos, form in zip(e.positions, e.forms, strict=False)
            if start[0] - 3 <= pos[0] <= end[0] + 1
        ]
        if not near and key != previous:
            continue
        seen.add(key)
        # The naming nearest the quotation is the mention written when it is chosen.
        spans = near or list(zip(e.positions, e.forms, strict=False))
        pos, form = min(spans, key=lambda pf: distance(pf[0])) if spans else ((0, 0), e.written)
        nearby.append((distance(pos), n, key, e, form))
    # The persons named nearest the quotation, at most MAX_CANDIDATES of them: an
    # article names a handful near any one quotation, and a page of a hundred names
    # must not cost a hundred comparisons per quotation.
    for _, _, key, e, form in sorted(nearby)[: ranking.MAX_CANDIDATES]:
        candidates.append(Candidate(key, e.name, form, facts(e, key, False)))
    if earlier is not None and earlier[0] not in seen and earlier[0].startswith("d:"):
        # An unnamed person or a body who spoke before ("a fund manager", "la naviera").
        candidates.append(Candidate(*earlier, facts(None, earlier[0], False)))
    return candidates, 0


def _position_facts(
    f: dict[str, float],
    positions: list[tuple[int, int]],
    start: tuple[int, int],
    end: tuple[int, int],
) -> None:
    """The ranker's facts of where a candidate is named, relative to the quotation
    (from ``start`` to ``end``)."""
    p0, o0 = start
    p1, o1 = end
    # One pass over the namings sets every fact (ten scans of them did, per candidate
    # of every quotation).
    before_near = before_same = after_near = after_same = False
    before_sentence = after_sentence = next_paragraph = False
    back = [False, False, False, False]  # named 1, 2, 3 paragraphs before (index 0 unused)
    for p, o in positions:
        if p == p0 and o < o0:
            before_same = True
            before_near = before_near or o0 - 80 <= o
            before_sentence = before_sentence or o0 - 200 <= o
        if p == p1 and o >= o1:
            after_same = True
            after_near = after_near or o <= o1 + 80
            after_sentence = after_sentence or o <= o1 + 200
        if 1 <= p0 - p <= 3:
            back[p0 - p] = True
        if p == p1 + 1:
            next_paragraph = True
    f["before_near"] = float(before_near)
    f["before_same"] = float(before_same)
    f["after_near"] = float(after_near)
    f["after_same"] = float(after_same)
    f["before_sentence"] = float(before_sentence)
    f["after_sentence"] = float(after_sentence)
    for k in (1, 2, 3):
        f[f"paragraph_{k}"] = float(back[k])
    f["next_paragraph"] = float(next_paragraph)


# A sentence that ends inside quotation marks: "… „einen Fehler.“", "«injusta.»".
_SENTENCE_IN_MARKS = re.compile(r"[.!?…][”“»«„\"’‘›‹」』]")


def _closes_sentence(last: QuotationPart, after: str, between: str, t: Tables) -> bool:
    """True where the quotation ends its sentence inside its marks and a new one opens
    after it ("… called the announcement “a slow-motion thing.” He said …"): what
    follows reports something else, the verb before the quotation is its own. Not
    where another quotation that ends a sentence stands ``between`` that verb and this
    one („einen Fehler.“ „Wir klagen.“ Das kündigte X an): that verb was the other's."""
    if _SENTENCE_IN_MARKS.search(between):
        return False
    inner = last.text.rstrip(_MARKS_AND_SPACES)
    if not inner or inner[-1] not in ".!?…" or inner.endswith("..."):
        return False
    if t.dialogue_dash and last.kind != "quote":
        return False
    rest = after.lstrip(" \u00a0")
    return bool(rest) and rest[0].isupper()


def _find_mention(
    chain: list[QuotationPart],
    paragraphs: list[str],
    index: PartIndex,
    t: Tables,
    by_part: dict[str, list[Attribution]],
) -> _Mention | None:
    """The attribution nearest the quotation, as a mention (see the module docstring)."""
    verbless_subject = False
    for n, p in enumerate(chain):
        for a in by_part.get(p.id, []):
            # The attribution up to where the quotation resumes: an apposition after
            # its comma belongs to it ("a réagi la secrétaire générale, Martine Declercq.").
            end = a.end
            if n + 1 < len(chain) and chain[n + 1].paragraph == a.paragraph:
                end = max(end, chain[n + 1].start.offset)
            text = paragraphs[a.paragraph - 1][a.start : end]
            got = _after_attribution(text, t)
            if got is None or not got[0]:
                got = None
                toks = _tokens(text)
                low = [w.lower() for _, _, w in toks]
                verbs = t.speech_verbs.find(low)
                if verbs:
                    mention = _mention_near_verb(
                        text, t, verb_index=verbs[0][0], prefer_after=True, verb_length=verbs[0][1]
                    )
                    if mention:
                        got = (mention, text.find(mention))
            if got is not None:
                return _Mention(got[0], a.paragraph, a.start + got[1])
            verbless_subject = True  # "„A,“ upozornil. „B“": a verb, no subject
    first, last = chain[0], chain[-1]
    ctx_first = index.context(first, paragraphs, t)
    ctx_last = index.context(last, paragraphs, t)
    before = _before_attribution(ctx_first.before, t) if first.kind == "quote" else None
    colon_before = ctx_first.before.rstrip(" \u00a0").endswith(":")
    after = _after_attribution(ctx_last.after, t)
    if after is None and verbless_subject:
        after = ("", 0)
    if after is not None and after[0] and before is not None and _partial(last):
        # A partial quotation inside a reporting sentence: "X called the strike “…”,
        # saying …" -- the sentence's speaker, not what follows.
        after = None
    if (
        after is not None
        and after[0].islower()
        and words(after[0])[0] in t.determiners
        and before is None
        and t.markers_follow
        and first.kind == "quote"
        and _partial(last)
    ):
        # The verb after a partial quotation, its object after it (a noun phrase with
        # its article) and its subject opening the sentence: "Az intézet „…” nevezte
        # az eredményt".
        subject = _subject_before(ctx_first.before, t)
        if subject is not None and any(
            _is_capitalised(w) or _is_acronym(w) for w in subject[0].split()
        ):
            return _Mention(subject[0], first.paragraph, ctx_first.before_start + subject[1])
    if after is not None and not after[0]:
        # The verb after the quotation, its subject before it: "Erdoğan, “…” dedi".
        subject = (
            _subject_before(ctx_first.before, t)
            if first.kind == "quote" and (t.markers_follow or before is None)
            else None
        )
        if subject is not None:
            return _Mention(subject[0], first.paragraph, ctx_first.before_start + subject[1])
        if before is None:
            # A verb without a subject (pro-drop: "“…”, afirmou.", "„…“ upozornil."):
            # the subject of the sentence before, else whoever was speaking.
            text, starts = index.masked(first.paragraph, first.depth, paragraphs, t)
            got = _previous_subject(text, starts, first.start.offset, t)
            if got is not None:
                # Where it opens its sentence, its capital says nothing ("Matka dvou
                # dětí …, která …, popsala …").
                return _Mention(got[0], first.paragraph, got[1], sentence_initial=got[1] in starts)
            return _Mention("", first.paragraph, first.start.offset, zero=True)
        after = None
    if before is not None and (
        colon_before
        or after is None
        or _closes_sentence(
            last,
            ctx_last.after,
            paragraphs[first.paragraph - 1][
                ctx_first.before_start + before[1] : first.start.offset
            ],
            t,
        )
    ):
        initial = before[1] == len(ctx_first.before) - len(ctx_first.before.lstrip())
        return _Mention(
            before[0], first.paragraph, ctx_first.before_start + before[1], sentence_initial=initial
        )
    if after is not None:
        return _Mention(after[0], last.paragraph, last.end.offset + after[1])
    if colon_before and first.kind == "quote":
        # "Maureen Coyle … read out a statement: “…”": the subject of the sentence.
        text, starts = index.masked(first.paragraph, first.depth, paragraphs, t)
        got = _previous_subject(text, starts, first.start.offset, t, strict=True)
        if got is not None:
            return _Mention(got[0], first.paragraph, got[1], sentence_initial=True)
    if first.start.offset <= 2 and first.paragraph > 1:
        prev_text = paragraphs[first.paragraph - 2].rstrip()
        if prev_text.endswith(":"):
            prev_starts = tuple(sentence_starts(prev_text, t))
            tail = prev_text[prev_starts[-1] :]
            got = _before_attribution(tail, t)
            if got is not None:
                got = (got[0], prev_starts[-1] + got[1])
            else:
                got = _previous_subject(prev_text, prev_starts, len(prev_text), t, strict=True)
            if got is not None:
                return _Mention(got[0], first.paragraph - 1, got[1], sentence_initial=True)
    return None


# Up to seven words after a noun, then an acronym in brackets: the words are the rest
# of the body's name ("… nationale de sécurité sanitaire (Anses)").
_BEFORE_ACRONYM = re.compile(
    r"((?:[ \u00a0]+[^\W\d_][\w’'-]*){0,7})[ \u00a0]*\((?:[^\W\d_]{2,12})\)"
)


def _name_ending_with(
    text: str,
    toks: list[tuple[int, int, str]],
    k: int,
    t: Tables,
    *,
    compound: bool,
    proper: Callable[[str], bool] = lambda _: False,
) -> str | None:
    """The proper name that ends with the common noun ``toks[k]``: capitalised words
    right before it ("Østjyllands Politi", "Lieksan kaupunki", "Alsó-Tisza-vidéki
    Vízügyi Igazgatóság"), or a capitalised compound of it (``compound``: "Svenska
    Bandyförbundet", "Havforskningsinstituttet"); else None."""
    if compound and _is_capitalised(toks[k][2]) and not t.nouns_capitalised:
        j = k
        while (
            j > 0
            and not _boundary(text, toks[j - 1][1], toks[j][0])
            and _is_capitalised(toks[j - 1][2])
            and not _function_word(toks[j - 1][2].lower(), t)
        ):
            j -= 1
        return text[toks[j][0] : toks[k][1]]
    j = k
    while (
        j > 0
        and not _boundary(text, toks[j - 1][1], toks[j][0])
        and (_is_capitalised(toks[j - 1][2]) or toks[j - 1][2].isupper())
        and not _function_word(toks[j - 1][2].lower(), t)
        and not any(ch in _OPENING or ch in _CLOSING for ch in text[toks[j - 1][1] : toks[j][0]])
    ):
        j -= 1
    if j < k and not (
        # A capitalised word that only opens the sentence before a lower-case noun is
        # no name ("Vi förbundet"); before a capitalised one it is ("Østjyllands Politi"),
        # and so is a word the article capitalises inside a sentence too ("Skellefteå
        # kommun").
        j == k - 1
        and not _is_capitalised(toks[k][2])
        and (toks[j][0] == 0 or text[: toks[j][0]].rstrip()[-1:] in ".!?…:")
        and not proper(toks[j][2])
        # (A word of four letters or more before the noun is a genitive of the name:
        # "Kultūros ministerija", "Pirkanmaan käräjäoikeus".)
        and len(toks[j][2]) <= 3
    ):
        return text[toks[j][0] : toks[k][1]]
    return None


def _body_apposition(rest: str, t: Tables) -> bool:
    """True when ``rest``, the words after a comma, are an apposition set in commas
    that opens with a definite body noun and goes on with a relative clause or a
    complement ("Agroseguro, l’entitat que gestiona …, ha activat", "Segurcamp, la
    empresa de seguros agrarios, abrió"): the one capitalised word before the first
    comma is that body's name, not a word capitalised only because it opens the
    sentence ("Finalmente, la empresa abrió", where the noun is the subject)."""
    clause = re.split(r"[.;:!?]", rest, maxsplit=1)[0]
    if "," not in clause:
        return False  # no second comma closes an apposition
    beyond = words_as_written(clause.partition(",")[2])
    if beyond and _is_capitalised(beyond[0]):
        return False  # the body's name follows: "la compañía que opera la ruta, Vuelaya,"
    toks = _tokens(clause)[:3]
    first = toks[0][2].lower().replace("’", "'") if toks else ""
    if bare(first) != first:
        noun, after = bare(first), toks[1:2]  # an elided article: "l'entitat que"
    elif len(toks) >= 2 and first in t.determiners and first not in t.indefinites:
        noun, after = bare(toks[1][2].lower().replace("’", "'")), toks[2:3]
    else:
        return False
    nxt = after[0][2].lower() if after else ""
    return (
        noun in t.bodies
        and not _function_word(noun, t)
        and (nxt in t.relatives or nxt in t.complement_prepositions)
    )


def _name_apposed_to(text: str, toks: list[tuple[int, int, str]], k: int, t: Tables) -> str | None:
    """The proper name the common noun ``toks[k]`` stands in apposition to, after a
    comma and at most two lower-case words ("La Dolciaria Ferrandi, storica azienda
    novarese", "Nordkabel, en dansk koncern"): capitalised words of two or more right
    before the comma (one before a body's apposition closed by a comma: "Agroseguro,
    l’entitat que …,"), else None."""
    if re.search(r"['’]s$", toks[k][2]):
        return None  # "Dana Whitcombe, the company’s chief operating officer": a person
    j = k
    while j > 0 and k - j < 2 and toks[j - 1][2].islower():
        if _boundary(text, toks[j - 1][1], toks[j][0]):
            return None
        j -= 1
    if j == 0 or text[toks[j - 1][1] : toks[j][0]].strip(" \u00a0") != ",":
        return None
    head = text[: toks[j - 1][1]]
    runs = _runs(head)
    if not runs or runs[-1][1][-1][0] + len(runs[-1][1][-1][1]) != len(head):
        return None
    run = [w for _, w in runs[-1][1]]
    while run and _function_word(run[0], t):
        run = run[1:]
    if any(w.lower() in t.roles for w in run):
        return None
    if (
        len(run) < 2
        and not (
            # One word is a name where the apposition is a body's, closed by a comma.
            run
            and _is_capitalised(run[0])
            # (A sentence's connective is capitalised too: "Mentrestant, el departament
            # de Territori, que …,".)
            and run[0].lower() not in t.adverbials
            and _body_apposition(text[toks[j][0] :], t)
        )
    ):
        return None
    return " ".join(run)


def _name_after_noun(
    text: str,
    toks: list[tuple[int, int, str]],
    k: int,
    t: Tables,
    *,
    compound: bool = False,
    complement: bool = True,
) -> str | None:
    """The proper name that follows the common noun ``toks[k]`` within two words, in
    marks or as capitalised words ("компанія «Укренерго»", "organización agraria
    Asaja", "Vakbond FNV"), else None."""
    end = toks[k][1]
    rest = text[end : end + 80]
    stripped = rest.lstrip(" \u00a0")
    written = toks[k][2]
    core = re.split(r"['’]", written)[-1]  # "l’Agence": the noun after its article
    if core and _is_capitalised(core) and not t.nouns_capitalised:
        begin = toks[k][1] - len(core)
        # The noun opens the name itself, up to its acronym in brackets ("l’Agence
        # nationale de sécurité sanitaire (Anses)") ...
        bracketed = _BEFORE_ACRONYM.match(text, toks[k][1])
        if bracketed is not None:
            return text[begin : bracketed.end(1)]
        # ... or its capitalised words, with the particles between them ("El Instituto
        # Nacional de Salud", "Svaz měst a obcí").
        e = k
        while e + 1 < len(toks) and not _boundary(text, toks[e][1], toks[e + 1][0]):
            nxt = toks[e + 1][2]
            if _is_capitalised(nxt) or _is_acronym(nxt):
                e += 1
            elif (
                e + 2 < len(toks)
                and _is_capitalised(toks[e + 2][2])
                # Not a person after the particle ("Ministério da Saúde e Marta Sousa").
                and not (
                    (nxt.lower() in t.conjunctions or nxt.lower() in ("e", "y"))
                    and _known_given(toks[e + 2][2], t)
                )
                and (
                    nxt.lower() in _NAME_PARTICLES
                    # "Zarząd Dróg i Zieleni", "Department of Health and Social Care".
                    or (e > k and nxt.islower() and nxt in t.conjunctions)
                    or (
                        # The place the body serves, right after its noun ("Szpital w
                        # Gdańsku", "Nemocnica v Trebišove"): a short preposition.
                        e == k
                        and nxt.islower()
                        and len(nxt) <= 3
                        and nxt in t.stopwords
                        and nxt not in t.conjunctions
                        and not _boundary(text, toks[e + 1][1], toks[e + 2][0])
                    )
                )
            ):
                e += 2
            elif (
                # Two small words before the next capitalised one ("Inspectie van het
                # Onderwijs", "Ministerio de la Presidencia").
                e + 3 < len(toks)
                and _function_word(nxt.lower(), t)
                and _function_word(toks[e + 2][2].lower(), t)
                and nxt.islower()
                and toks[e + 2][2].islower()
                and _is_capitalised(toks[e + 3][2])
                and not _boundary(text, toks[e + 2][1], toks[e + 3][0])
            ):
                e += 3
            else:
                break
        if (
            complement
            and e == k
            and begin == toks[k][0]
            and (begin == 0 or text[:begin].rstrip()[-1:] in ".!?…")
        ):
            # Opening a sentence, its complement in lower case up to the verb of speech it
            # is the subject of
            # ("Udruga brodskih agenata upozorila je", "Міністерство охорони здоров’я
            # закликало").
            end = _complement_to_speech_verb(text, toks, k, t, most=4)
            if end > k:
                return text[begin : toks[end][1]]
        if e > k:
            if compound and (begin == 0 or text[:begin].rstrip()[-1:] in ".!?…:"):
                # A compound opening the sentence says what the name after it is
                # ("Metsäyhtiö Pohjolan Paperi"): capitalised as its first word only.
                begin = toks[k + 1][0]
            if t.adjective_endings:
                e = _adjective_noun_end(text, toks, e, t)
            return text[begin : toks[e][1]]
    if stripped[:1] in _OPENING:
        close = next((i for i, ch in enumerate(stripped[1:], 1) if ch in _CLOSING), -1)
        inner = stripped[1:close] if close > 1 else ""
        return inner if inner and inner[:1].isupper() and len(inner) <= 60 else None
    for j in range(k + 1, min(k + 4, len(toks))):
        gap = text[toks[j - 1][1] : toks[j][0]].strip(" \u00a0")
        if len(gap) == 1 and gap in _OPENING and _is_capitalised(toks[j][2]):
            # The name in marks after the noun's adjective ("L'azienda ospedaliera
            # «Città della Salute e della Scienza»").
            close = next(
                (
                    i
                    for i in range(toks[j][0], min(len(text), toks[j][0] + 80))
                    if text[i] in _CLOSING
                ),
                -1,
            )
            return text[toks[j][0] : close] if close > 0 else None
        if _boundary(text, toks[j - 1][1], toks[j][0]):
            return None
        word = toks[j][2]
        if (
            _function_word(word.lower(), t)
            or word.lower() in t.months
            or (word.islower() and len(word) < 4)
        ):
            # "der Verein am Sonntag", "la organización de los agricultores", "the
            # Ministry of Defence": a complement, not the name of the body.
            return None
        if (_is_capitalised(word) or _is_acronym(word)) and j > k + 1 and t.nouns_capitalised:
            # Where every noun is capitalised, the word in lower case after the noun is
            # its clause's verb, and the name after it an object: "Der Verein dankte
            # Brandt" (no adjective follows a noun to make a name of it).
            return None
        if _is_capitalised(word) or _is_acronym(word):
            # The capitalised words from here (a name of several words, "FC Bayern").
            e = j
            while (
                e + 1 < len(toks)
                and not _boundary(text, toks[e][1], toks[e + 1][0])
                and (_is_capitalised(toks[e + 1][2]) or toks[e + 1][2].isupper())
            ):
                e += 1
            if j > k + 1 and _is_capitalised(core):
                # The noun opens the name, its complement in lower case ("Spolek
                # bývalých horníků Ostravska"), to the noun of an adjective it ends
                # with ("Управління культури Одеської | міської ради").
                if t.adjective_endings:
                    e = _adjective_noun_end(text, toks, e, t)
                return text[toks[k][1] - len(core) : toks[e][1]]
            if (
                (
                    j > k + 1
                    # Or right after the noun, where it is an adjective that agrees
                    # with a noun after it ("поліції Чернігівської | області").
                    or (
                        bool(t.adjective_endings)
                        and bare(word.lower()).endswith(t.adjective_endings)
                    )
                )
                and e + 1 < len(toks)
                and not any(_known_given(toks[i][2], t) for i in range(j, e + 1))
                and toks[e + 1][2].islower()
                and not _function_word(toks[e + 1][2], t)
                and not _boundary(text, toks[e][1], toks[e + 1][0])
            ):
                # An adjective of a place inside the noun's complement ("министерстве
                # промышленности Свердловской области"): no name of the body.
                return None
            return text[toks[j][0] : toks[e][1]]
    return None


_OPENERS: dict[str | None, tuple[str, ...]] = {}


def _anonymity_openers(t: Tables) -> tuple[str, ...]:
    """The longest word of each of the language's anonymity entries, without its
    wildcard: every word of an entry must be in a text it matches."""
    known = _OPENERS.get(t.lang)
    if known is None:
        known = tuple(
            sorted(
                {
                    max((w.rstrip("*").lower() for w in e.split()), key=len)
                    for e in t.anonymity.entries
                    if e.split()
                }
            )
        )
        _OPENERS[t.lang] = known
    return known


def _past_tense_like(word: str, t: Tables) -> bool:
    """True for a word with the ending of a past-tense verb that shows a feminine,
    neuter or plural subject, where the language's verbs show one ("zatrzymała",
    "zverejnilo", "задержала", "провело"): no word of a body's name."""
    for e in t.female_verb_endings.entries:
        if len(e) < 2:
            continue
        stem = e[:-1]
        for ending in (e, stem + "o", stem + "о", stem + "i", stem + "и", stem + "y"):
            if word.endswith(ending) and len(word) >= len(ending) + 3:
                return True
    return False


def _lower_case_body(
    text: str,
    toks: list[tuple[int, int, str]],
    k: int,
    t: Tables,
    *,
    prepositions: bool = False,
) -> str | None:
    """A body named with its noun in lower case (``toks[k]``): the noun, its lower-case
    complement and the capitalised words or acronym that end it ("прокуратура Пермского
    края", "управление МЧС"), with the one lower-case word after a capitalised (not an
    acronym) that is its noun ("Пермского | края"); None where no capitalised word ends
    it or a verb comes first ("прокуратура задержала Сидоренко"). ``prepositions``: the
    complement may hold a preposition and its article before the capitalised words
    ("tribunal correctionnel de Lyon", "rechtbank in Zwolle")."""
    # (The words from the noun on, lower-cased, at their places: only those are read.)
    low = [""] * k + [w.lower() for _, _, w in toks[k : k + 12]]
    f = k + 1
    capitalised = False
    while f < len(toks) and f - k <= 6 and not _boundary(text, toks[f - 1][1], toks[f][0]):
        w = toks[f][2]
        if prepositions and w in t.agencies:
            break  # who was told: "сообщили в фонде капитального ремонта ТАСС"
        if (_is_capitalised(w) and not _function_word(w, t)) or _is_acronym(w):
            capitalised = True
        elif (
            prepositions
            and not capitalised
            and (
                _is_preposition(low[f], t)
                or (low[f] in t.determiners and _is_preposition(low[f - 1], t))
            )
        ):
            pass
        elif w.islower() and not _function_word(low[f], t):
            if t.speech_verbs.match_at(low, f) or _past_tense_like(low[f], t):
                if not capitalised:
                    return None  # a verb: the noun is the subject of a clause
                break
            if capitalised and not _is_capitalised(toks[f - 1][2]):
                break
        elif not (low[f] in t.conjunctions and f + 1 < len(toks)):
            break
        f += 1
    while f > k + 1 and (
        _function_word(low[f - 1], t)
        or low[f - 1] in t.conjunctions
        or not (
            _is_capitalised(toks[f - 1][2])
            or _is_acronym(toks[f - 1][2])
            or _is_capitalised(toks[f - 2][2])
        )
    ):
        f -= 1  # to the capitalised word, or the noun right after it
    if not capitalised or f <= k + 1:
        return None
    return text[toks[k][0] : toks[f - 1][1]]


def _complement_to_speech_verb(
    text: str, toks: list[tuple[int, int, str]], k: int, t: Tables, *, most: int = 3
) -> int:
    """The last token of the lower-case complement after a body's noun ``toks[k]`` (up
    to ``most`` words, in one phrase, no word of the grammar) where a verb of speech comes
    right after it ("федэрацыя | хакея | паведаміла"); ``k`` where none does, and where
    the language puts a noun's complement before it ("Kultūros ministerija pranešime
    spaudai nurodė": the words after are the clause's). No statement's noun."""
    if t.possessor_first:
        return k
    low = [w.lower() for _, _, w in toks]
    f = k + 1
    while (
        f < len(toks)
        and f - k <= most
        and toks[f][2].islower()
        and not _function_word(low[f], t)
        and not _names_nobody(toks[f][2], t)  # an adverb before the verb: "официально"
        and not t.speech_verbs.match_at(low, f)
        and not t.speech_cues.match_at(low, f)
        and not _boundary(text, toks[f - 1][1], toks[f][0])
    ):
        f += 1
    g = f  # the verb, past an adverb or two before it ("хоккея официально сообщила")
    while g < len(toks) and g - f < 2 and _names_nobody(toks[g][2], t):
        g += 1
    if (
        f == k + 1
        or g >= len(toks)
        or not t.speech_verbs.match_at(low, g)
        or _boundary(text, toks[f - 1][1], toks[g][0])
    ):
        return k
    return f - 1


def _lower_case_complement(
    text: str, toks: list[tuple[int, int, str]], k: int, t: Tables, *, verb_shown: bool = False
) -> str | None:
    """A body's name written with its first word capitalised only ("Ministerstvo
    zdravotníctva", "Міністерство охорони здоров’я"): the noun ``toks[k]`` and up to
    three lower-case words after it, to a function word, a verb (of speech, or an
    auxiliary) or a boundary; None where no such word follows."""
    low = [w.lower() for _, _, w in toks]

    def complement(f: int) -> bool:
        return (
            toks[f][2].islower()
            and not _function_word(low[f], t)
            and not t.speech_verbs.match_at(low, f)
            and not _past_tense_like(low[f], t)
            and not _boundary(text, toks[f - 1][1], toks[f][0])
        )

    def listed(f: int) -> bool:
        # One noun of a list the complement is, after its comma, where "and" and
        # one more noun close the list: "Ministarstvo mora, prometa i infrastrukture".
        if (
            f <= k + 1
            or text[toks[f - 1][1] : toks[f][0]].strip(" \u00a0") != ","
            or not toks[f][2].islower()
            or _function_word(low[f], t)
        ):
            return False
        for g in range(f + 1, min(len(toks) - 1, f + 4)):
            if low[g] in t.conjunctions and not _boundary(text, toks[g - 1][1], toks[g][0]):
                return complement(g + 1)
            if not complement(g):
                return False
        return False

    # Opening a sentence, the verb follows its complement and looks like one more
    # word of it: one word, unless a verb of speech shows where it ends.
    opening = k == 0 or text[: toks[k][0]].rstrip()[-1:] in ".!?…"
    reach = 5
    if opening:
        stop = next(
            (
                f
                for f in range(k + 1, min(len(toks), k + 6))
                if not (complement(f) or listed(f))
                and not (low[f] in t.conjunctions and f + 1 < len(toks) and complement(f + 1))
            ),
            None,
        )
        if stop is None or not t.speech_verbs.match_at(low, stop):
            if verb_shown:
                return None  # ``verb_shown``: only where a verb of speech ends it
            reach = 1
    f = k + 1
    while f < len(toks) and f - k <= reach:
        if complement(f) or listed(f):
            f += 1
        elif (
            # "Міністерство культури та стратегічних комунікацій"
            f > k + 1
            and f + 1 < len(toks)
            and low[f] in t.conjunctions
            and not _boundary(text, toks[f - 1][1], toks[f][0])
            and complement(f + 1)
        ):
            f += 2
        else:
            break
    if f == k + 1:
        return None
    if (
        f + 1 < len(toks)
        and low[f] in t.complement_prepositions
        and _is_capitalised(toks[f + 1][2])
        and not _boundary(text, toks[f - 1][1], toks[f][0])
        and not _boundary(text, toks[f][1], toks[f + 1][0])
        and not _known_given(toks[f + 1][2], t)
    ):
        # Then the place or body it serves: "Provincia autonoma di Trento".
        f += 2
        while (
            f < len(toks)
            and _is_capitalised(toks[f][2])
            and not _boundary(text, toks[f - 1][1], toks[f][0])
        ):
            f += 1
    return text[toks[k][0] : toks[f - 1][1]]


def _whole_description(
    m: _Mention, paragraphs: list[str], t: Tables, bare: bool = False
) -> _Mention:
    """An indefinite description as written (or a definite one whose complement is
    indefinite, :func:`_of_someone`), with what follows its noun in the clause
    (guidelines: "a fund manager who asked not to be named"): up to the speech verb
    it is the subject of, else to the end of the sentence or a quotation mark.
    Other mentions, and one with a name in it, are returned unchanged, unless a clause
    after it says the person is not named (:func:`_said_unnamed`): its capitals are a
    place's then."""
    toks = _tokens(m.text)
    if not toks:
        return m
    para = paragraphs[m.paragraph - 1]
    tail = para[m.offset : m.offset + _CLAUSE_REACH]
    unnamed = _said_unnamed(m, para, tail, t)
    if _names_in(toks, t) and not unnamed:
        return m
    definite = toks[0][2].lower() not in t.indefinites and not bare and not unnamed
    if definite and not _of_someone(tail, t):
        return m
    clause = tail[: _clause_stop(tail, t)]
    words_ = _tokens(clause)
    low = [w.lower() for _, _, w in words_]
    # A comma and "and" or "but" start another clause: "En annen passasjer ville ikke
    # oppgi navn, men var mindre fornøyd".
    for k in range(1, len(words_)):
        if (
            low[k] in t.conjunctions
            and "," in clause[words_[k - 1][1] : words_[k][0]]
            and not (k + 1 < len(low) and low[k + 1] in t.relatives)  # ", og som …"
            # ... unless it goes on with the relative clause and says the person is not
            # named: "en fisker, der har boet på øen hele sit liv, men ikke ønsker sit
            # navn i avisen".
            and not (any(w in t.relatives for w in low[1:k]) and t.anonymity.find(low[k:]))
        ):
            clause = clause[: words_[k - 1][1]]
            words_, low = words_[:k], low[:k]
            break
    end = len(clause)
    first_new = next((k for k, (a, _, _) in enumerate(words_) if a >= len(m.text)), None)
    # Said after its verb ("said one fund manager who … asked not to be named"), the
    # description runs to the end; before it, up to the verb.
    head = para[max(0, m.offset - 60) : m.offset]
    cut = max(
        (i for i, ch in enumerate(head) if ch in _OPENING or ch in _CLOSING or ch in ".!?"),
        default=-1,
    )  # the verb is in the same sentence, after any quotation
    verb_before = any(w in t.speech_verbs for w in words(head[cut + 1 :]))
    if m.described:
        # The subject of a sentence before, taken up by a pronoun: it runs on only
        # through a relative clause ("En nabo, der ikke ønsker sit navn frem"), not
        # into its verb ("A lifeguard at North Beach was less sure").
        end = _relative_clause_end(clause, words_, low, t) or len(m.text)
    elif first_new is not None and not verb_before:
        # A verb inside what the text says of an unnamed source ("who asked not to be
        # named", "die niet met zijn naam in de krant wil") is the description's own.
        hidden = _unnamed_source_words(low, t)
        verbs = [k for k, _ in t.speech_verbs.find(low) if k >= first_new and k not in hidden]
        # A verb inside a relative clause ("who asked not to be named") is not the
        # description's own: the next one is.
        while len(verbs) > 1 and any(w in t.relatives for w in low[first_new : verbs[0]]):
            verbs = verbs[1:]
        if verbs:
            k = verbs[0]
            while (
                k > first_new
                and (low[k - 1] in t.auxiliaries or low[k - 1] in t.object_pronouns)
                # (Not over a comma: "…, die das Geld verloren hat, zeigte sich" ends a
                # relative clause with its own auxiliary.)
                and "," not in clause[words_[k - 1][1] : words_[k][0]]
            ):
                k -= 1  # "…, azt mondta", "… lo resumía así"
            end = words_[k][0]
        else:
            end = _relative_clause_end(clause, words_, low, t) or end
            if (
                end == len(clause)
                and not t.anonymity.find(low)
                and not any(w in t.relatives for w in low)
            ):
                # No speech verb, no relative clause: up to the verb where an auxiliary
                # shows it ("…, работающая в областной больнице, уже подсчитала"), unless
                # the negation is what the text says of an unnamed source.
                v = _verb_start(clause, words_, low, t)
                if v is not None and v >= first_new:
                    end = words_[v][0]
    text = clause[:end].rstrip(" \u00a0,;:—–-")
    text = _without_verb_rest(text, words(head[cut + 1 :])[-1:], t)
    if len(text) <= len(m.text) or len(_tokens(text)) > _DESCRIPTION_WORDS:
        # (A definite one is a description all the same, not a role to take up.)
        return replace(m, described=True) if definite else m
    return replace(m, text=text, described=True)


def _said_unnamed(m: _Mention, para: str, tail: str, t: Tables) -> bool:
    """True where the mention is followed by a clause of its own that says the person
    is not named ("Жительница Седанки, попросившая не называть её имени", "Mama
    osemročného Samka z Brezna, ktorá nechcela uviesť svoje meno"): a description of an
    unnamed person without an article or with an indefinite one, and with a place in
    it that is no name of the person's. A definite one takes up a person met before
    ("la donna, che chiede di non essere citata"). ``tail`` is the paragraph from the
    mention on, as far as a description is read."""
    before = words(para[max(0, m.offset - 20) : m.offset])[-1:]
    if before and before[0].lower() in t.determiners and before[0].lower() not in t.indefinites:
        return False
    clause = tail[: _clause_stop(tail, t)]
    toks = _tokens(clause)
    first_new = next((k for k, (a, _, _) in enumerate(toks) if a >= len(m.text)), None)
    if not first_new:
        return False
    low = [w.lower() for _, _, w in toks]
    if low[0] in t.determiners and low[0] not in t.indefinites:
        return False  # "la donna, che chiede di non essere citata": one met before
    head = next((k for k in range(first_new) if low[k] not in t.indefinites), 0)
    if not _person_word(bare(low[head]), t):
        # A role or a word for a person: not a name ("said Halvorsen, who asked not
        # to be named"), nor a noun of a complement ("… de casa, que pediu …").
        return False
    hidden = min((a for a, _ in t.anonymity.find(low) if a >= first_new), default=None)
    if hidden is None or any(
        _is_capitalised(toks[i][2]) and _is_capitalised(toks[i + 1][2])
        for i in range(1, hidden - 1)
    ):
        # A name beside the noun ("a nurse, Joan Ellery, who spoke on condition that
        # her hospital not be identified"): the person is named.
        return False
    opens = clause[toks[first_new - 1][1] : toks[first_new][0]].strip(" \u00a0") == ","
    return opens or low[first_new] in t.relatives


def _of_someone(text: str, t: Tables) -> bool:
    """True when ``text`` opens with a definite role or person noun whose complement
    is indefinite: "il titolare di un negozio", "la madre de una alumna", "le patron
    d’un café" introduce a person as an indefinite description does, by what they are to
    someone or something the text has not named."""
    toks = _tokens(text)[:4]
    # One noun phrase: nothing but spaces between its words ("il sindaco. «Non è").
    for n in range(1, len(toks)):
        if text[toks[n - 1][1] : toks[n][0]].strip(" \u00a0"):
            toks = toks[:n]
            break
    low = [w.lower().replace("’", "'") for _, _, w in toks]
    if len(low) < 3 or low[0] not in t.determiners or low[0] in t.indefinites:
        return False
    head = bare(low[1])
    if head in t.bodies or not _person_word(head, t):
        return False  # not "el club en un comunicado", "el texto de un mensaje"
    elided, _, rest = low[2].partition("'")
    if rest:
        # An elided preposition: "d’une" (not an article, "l’une", nor "qu’un").
        return (
            len(elided) == 1
            and rest in t.indefinites
            and not any(elided + "'" in table for table in (t.determiners, t.relatives))
        )
    # The preposition of a complement ("di", "de", "of"), not of an addressee ("el
    # alcalde a una vecina", "the mayor to a resident": someone spoken to).
    preposition = low[2] in _NAME_PARTICLES or low[2] == "of"
    return preposition and low[2] not in t.determiners and len(low) > 3 and low[3] in t.indefinites


def _without_verb_rest(text: str, before: list[str], t: Tables) -> str:
    """``text`` without the words that end it and, with the word ``before`` it, make a
    speech verb of the table: the rest of a verb split by its subject ("laat | een
    woordvoerder van de vervoerder | weten")."""
    toks = _tokens(text)
    if not before or len(toks) < 2:
        return text
    low = [w.lower() for _, _, w in toks]
    for phrase in t.speech_verbs.phrases(before[0]):
        n = len(phrase) - 1
        if n < len(low) and t.speech_verbs.match_at(before + low[-n:], 0) == len(phrase):
            return text[: toks[-n][0]].rstrip(" \u00a0,;:—–-")
    return text


def _names_in(toks: list[tuple[int, int, str]], t: Tables) -> bool:
    """True when a description has a name in it: a capitalised word that is not part
    of a place after a preposition ("i Sveg", "di Bergamo", "z Horní Lhoty")."""
    place = False
    for i, ((_, _, prev), (_, _, w)) in enumerate(itertools.pairwise(toks)):
        if not (_is_capitalised(w) or w.isupper()):
            place = False
            continue
        if i == 0 and len(toks) > 2 and not _is_capitalised(toks[2][2]) and not _known_given(w, t):
            continue  # "Een Poolse medewerkster": an adjective of nationality
        place = _function_word(prev, t) or place
        if not place:
            return True
    return False


def _unnamed_source_words(low: list[str], t: Tables) -> set[int]:
    """The indexes of the words that say a source is not named ("asked not to be
    named", "nechtěla být jmenována") with the two before them, where the verb of
    asking or wishing is ("who asked | not to be named"): a speech verb among them is
    the description's own, not the one it is the subject of."""
    return {i for a, n in t.anonymity.find(low) for i in range(max(0, a - 2), a + n)}


# The most words a description of an unnamed source runs to with its relative clauses
# ("Ein Pensionist, der vor dem Gemeindeamt wartete und seinen Namen nicht in der
# Zeitung lesen wollte" has 16); more is a sentence read on, not a description.
_DESCRIPTION_WORDS = 25

# How far after a description its clause is read, in characters.
_CLAUSE_REACH = 300


def _clause_stop(tail: str, t: Tables) -> int:
    """Where the sentence or clause that ``tail`` starts ends: at a quotation mark, a
    ``!``, ``?`` or ``;``, or a full stop before a space; an apostrophe inside a word
    ("con l'abbonamento", "nell'edificio") does not end it, nor does the stop of an
    initial or an abbreviation ("a driver from J.F. Kennedy Street who …"), which the
    description runs on through as the sentence splitter does."""
    for i, ch in enumerate(tail):
        if ch in "'’" and tail[i - 1 : i].isalpha() and tail[i + 1 : i + 2].isalpha():
            continue
        if ch in _OPENING or (ch in _CLOSING and ch not in "'’"):
            return i
        if ch in "!?;" or (
            ch == "."
            and tail[i + 1 : i + 2] in ("", " ", "\u00a0")
            and not (tail[i + 1 :].strip() and is_abbreviation(tail, i, t))
        ):
            return i
    return len(tail)


def _with_relative_clause(m: _Mention, text: str, paragraphs: list[str], t: Tables) -> str:
    """``text``, the description ``m`` gives, with the relative clause set in commas
    right after the mention in the paragraph ("Matka dvou dětí ze Sezimova Ústí, která
    nechtěla být jmenována, popsala …"): what the article says of an unnamed source is
    part of the description (guidelines: "a fund manager who asked not to be named")."""
    para = paragraphs[m.paragraph - 1] if 0 < m.paragraph <= len(paragraphs) else ""
    end = m.offset + len(m.text)
    if not m.text or para[m.offset : end] != m.text:
        return text
    rest = para[end : end + _CLAUSE_REACH]
    if not rest.lstrip(" \u00a0").startswith(","):
        return text
    stop = _clause_stop(rest, t)
    clause = m.text + rest[:stop]
    toks = _tokens(clause)
    low = [w.lower() for _, _, w in toks]
    close = _relative_clause_end(clause, toks, low, t)
    if close is None:
        # A relative clause that runs to the end of the sentence ("řekla ČTK starší
        # žena, která bydlí u stavby.") closes there.
        first = next((i for i, (a, _, _) in enumerate(toks) if a >= len(m.text)), None)
        ends = rest[stop : stop + 1] in ("!", "?", ".") or end + len(rest) == len(para)
        if first is not None and _opens_set_clause(low[first], t) and ends:
            close = len(clause.rstrip())
    if close is None or close <= len(m.text) or len(_tokens(clause[:close])) > _DESCRIPTION_WORDS:
        return text
    added = [w.lower() for _, _, w in _tokens(clause[len(m.text) : close])]
    hidden = _unnamed_source_words(added, t)
    if any(k not in hidden for k, _ in t.speech_verbs.find(added)):
        return text  # the clause holds the speech verb: "la naviera, que … destacó"
    return text + clause[len(m.text) : close]


def _through_anonymity(
    sentence: str,
    text: str,
    toks: list[tuple[int, int, str]],
    low: list[str],
    said: tuple[int, int],
    t: Tables,
) -> str:
    """A description read from ``sentence`` (``text``, a part of it), run on through
    what the sentence says of the person not being named where that follows it in the
    same clause ("en fisker, der har boet på øen hele sit liv, | men ikke ønsker sit navn
    i avisen"): the guidelines' "description as written" holds it."""
    start = sentence.find(text)
    if start < 0:
        return text
    end = start + len(text)
    a, n = said
    if toks[a][0] < end:
        return text
    gap = [k for k in range(len(toks)) if end <= toks[k][0] and k < a]
    hidden = _unnamed_source_words(low, t)
    # (Through a relative clause, as far as a description runs: "a fisherman | who has
    # lived on the island all his life, but did not want to be named".)
    reach = _DESCRIPTION_WORDS if gap and low[gap[0]] in t.relatives else _ANONYMITY_REACH
    if len(gap) > reach or any(k in gap and k not in hidden for k, _ in t.speech_verbs.find(low)):
        return text
    if any(ch in ".!?;:" for ch in sentence[end : toks[a][0]]):
        return text
    stop = _anonymity_end(sentence, toks, low, a + n, t)
    return sentence[start : toks[stop - 1][1]]


def _anonymity_end(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], after: int, t: Tables
) -> int:
    """The token after what a text says of an unnamed source, whose table entry ends
    before token ``after``: it runs on over the words that complete it ("ikke ønsker
    sit navn | i avisen", "asked not to be named | because he still works there") to a
    comma, the verb of the sentence (an auxiliary or a speech verb) or the clause's end."""
    verbs = {k for k, _ in t.speech_verbs.find(low[after:])}
    j = after
    while (
        j < len(toks)
        and "," not in clause[toks[j - 1][1] : toks[j][0]]
        and low[j] not in t.auxiliaries
        and (j - after) not in verbs
    ):
        j += 1
    return j


def _opens_set_clause(word: str, t: Tables) -> bool:
    """True when ``word``, right after a comma that follows a noun, opens a clause
    that describes the noun: a relative pronoun, or a participle that stands for one
    (Russian "рыбак, проживший на озере всю жизнь, …", Polish "kierowca, mieszkający
    od lat w mieście, …"; ``participle_endings``)."""
    if word in t.relatives:
        return True
    ends = t.participle_endings
    return bool(ends) and word.islower() and len(word) > 5 and word.endswith(ends)


def _relative_clause_end(
    clause: str, toks: list[tuple[int, int, str]], low: list[str], t: Tables
) -> int | None:
    """Where a description's relative clauses close, at the comma after them ("Ein
    Rentner, der seit 1958 im Dorf lebt, nahm …" -> after "lebt"), or with no comma
    after what it says of an unnamed source ("One pensioner who asked not to be named
    said …" -> after "named"); None if it has none."""
    k = next(
        (
            k
            for k in range(1, len(toks))
            if (
                ("," in clause[toks[k - 1][1] : toks[k][0]] and _opens_set_clause(low[k], t))
                # "Een vrouw die …,"; not the article of "aus der Ostengasse"
                or (low[k] in t.relatives and k <= 4 and not _function_word(low[k - 1], t))
            )
        ),
        None,
    )
    while k is not None:
        close = next(
            (j for j in range(k + 1, len(toks)) if "," in clause[toks[j - 1][1] : toks[j][0]]),
            None,
        )
        if close is None:
            hidden = [a + n for a, n in t.anonymity.find(low) if a > k]
            if not hidden:
                return None
            return toks[_anonymity_end(clause, toks, low, hidden[0], t) - 1][1]
        if close + 1 < len(toks) and low[close] in t.conjunctions and low[close + 1] in t.relatives:
            k = close + 1  # ", og som …": a second relative clause
            continue
        if close < len(toks) and low[close] in t.conjunctions:
            # ", men ikke ønsker sit navn i avisen": the same clause goes on to say the
            # person is not named -- to the end of what says so.
            then = next(
                (
                    j
                    for j in range(close + 1, len(toks))
                    if "," in clause[toks[j - 1][1] : toks[j][0]]
                ),
                len(toks),
            )
            hidden = [a + n for a, n in t.anonymity.find(low[close:then])]
            if hidden:
                return toks[close + hidden[-1] - 1][1]
        return toks[close - 1][1]
    return None


_PARENTHESIS = re.compile(r"[ \u00a0]*\([^()]{1,40}\)")


# A full stop that ends a sentence, not an initial's ("Jan K. Novák."), or a dash
# that closes an attribution set inside the quotation marks ("«A - spiega il
# capostazione, Matteo Zardini -. B»").
_APPOSITION_END = re.compile(r"(?<![\s.][^\W\d_])\.(?=\s|$)|[ \u00a0][-–—](?=[\s.,]|$)")


def _after_article(text: str, t: Tables) -> bool:
    """True when ``text`` ends with an article and up to two lower-case words after
    it ("der frühere", "die neue"): where nouns are capitalised, the word that follows
    is a noun."""
    ws = words_as_written(text)[-3:]
    for k in range(len(ws) - 1, -1, -1):
        if ws[k].lower() in t.determiners:
            return all(w[:1].islower() for w in ws[k + 1 :])
    return False


def _complement(text: str, start: int, t: Tables) -> bool:
    """True when the run of capitalised words at ``start`` follows an article or a
    preposition: the complement of a role noun ("πρόεδρος της Ένωσης Ξενοδόχων",
    "head of the Harbour Trust"), not the person's name."""
    before = words(text[:start])
    return bool(before) and _function_word(before[-1], t)


def _possessor(text: str, run: list[tuple[int, str]], t: Tables) -> bool:
    """True when a run of capitalised words is the possessor of the role word right
    after it: "Lemvig Kommunes borgmester", "Region Skånes ordförande"."""
    last = run[-1]
    after = words(text[last[0] + len(last[1]) :])[:1]
    return bool(after) and last[1].endswith("s") and bare(after[0]) in t.roles


def _apposed_name(m: _Mention, paragraphs: list[str], t: Tables) -> _Mention:
    """The name set in commas right after a role noun: "Sønderborgs borgmester, Jesper
    Kock (S), kalder …", "The city manager, Shelley Dickstein, said" name the speaker.
    Other mentions are returned unchanged."""
    toks = _tokens(m.text)
    low = [bare(w.lower()) for _, _, w in toks]
    if (
        not toks
        # A role word, or a compound that ends with one ("Gewerkschaftssekretärin").
        or not (t.roles.find(low) or any(_compound_role(w, t) for w in low))
        or any(
            len(run) >= 2 and not _complement(m.text, start, t) and not _possessor(m.text, run, t)
            for start, run in _runs(m.text)
        )
    ):
        return m
    para = paragraphs[m.paragraph - 1]
    end = m.offset + len(m.text)
    rest = para[end : end + 80]
    if not rest.startswith(","):
        # The role's complement first: "die Leiterin der Abteilung Raumplanung, Anna
        # Moser" (an article or preposition and capitalised words, up to a comma).
        comma = rest.find(",")
        head = words_as_written(rest[:comma]) if 0 < comma <= 50 else []
        if not head or not _function_word(head[0], t) or not _role_complement(head, t):
            return m
        end += comma
        rest = para[end : end + 80]
    # The name may end the sentence: "ο πρόεδρος της Ένωσης, Μανώλης Κουτσός." (and a
    # comma of the next one is not its end: "…, Anne Girard. La couleur, le cadre").
    stops = [c for c in (rest.find(",", 1),) if c > 0]
    stop = _APPOSITION_END.search(rest, 1)
    if stop is not None:
        stops.append(stop.start())
    if not stops:
        return m
    close = min(stops)
    inner = rest[1:close]
    paren = _PARENTHESIS.search(inner)
    runs = _runs(inner[: paren.start()] if paren else inner)
    if len(runs) != 1 or len(runs[0][1]) < 2 or inner[: runs[0][0]].strip(" \u00a0"):
        return m
    last = runs[0][1][-1]
    name_end = last[0] + len(last[1])
    tail = inner[name_end:]
    paren = _PARENTHESIS.match(tail)
    if (paren.group() if paren else "") != tail.rstrip(" \u00a0"):
        return m  # more than a name and a party or age in brackets
    name = inner[runs[0][0] : name_end]
    if any(w in t.bodies for w in words(name)):
        return m
    return replace(m, text=name, offset=end + 1 + runs[0][0], sentence_initial=False)


def _role_complement(head: list[str], t: Tables) -> bool:
    """True when the words after a role noun, up to a comma, are its complement, a
    body or a place: function words and capitalised words ("der Abteilung
    Raumplanung"), or lower-case words too where a capitalised one names the body
    ("do conselho de administração da Carris", "del soccorso alpino di
    Belluno"); never a verb or a subordinate clause ("de la ville, qui a dit")."""
    capitalised = [_is_capitalised(w) or _is_acronym(w) for w in head]
    if not any(capitalised) and not all(_function_word(w, t) for w in head):
        return False
    return not any(w.lower() in t.speech_verbs or w.lower() in t.complementizers for w in head)


def _sentence_subject(
    chain: list[QuotationPart], paragraphs: list[str], index: PartIndex, t: Tables
) -> _Mention | None:
    """For a partial quotation without an attribution of its own, inside a sentence
    that reports it ("Oberstaatsanwältin Petra Lindner sprach von einem „…“", "Kováč
    označuje svůj přístup za „…“"): the subject that opens the sentence."""
    first = chain[0]
    if len(chain) > 1 or first.kind != "quote" or not _partial(first):
        return None
    text, starts = index.masked(first.paragraph, first.depth, paragraphs, t)
    if (
        not text[: first.start.offset].strip(" \u00a0")
        or text[: first.start.offset].rstrip(" \u00a0")[-1:] in ".!?…"
    ):
        return None  # it opens its sentence: no reporting clause before it
    got = _previous_subject(text, starts, first.start.offset, t, strict=True)
    if got is None:
        return _title_subject(first, text, starts, index, t)
    # A clause in the mood of indirect speech reports the words of whoever spoke before
    # ("Eine Revision sei „nicht ausgeschlossen“"): its subject is then what they spoke
    # of (the caller decides), unless a verb of speech in the sentence says otherwise.
    between = [bare(w) for w in words(text[got[1] : first.start.offset])]
    reported = bool(t.reported_mood.find(between)) and not t.speech_verbs.find(between)
    # A name in commas right after the subject is who it is: "El portaveu del grup de
    # l’oposició, Pere Casals, ha qualificat …".
    rest = text[got[1] + len(got[0]) : first.start.offset]
    commas = [i for i, ch in enumerate(rest) if ch == ","]
    if commas and commas[0] <= 60 and len(commas) >= 2:
        inner = rest[commas[0] + 1 : commas[1]]
        runs = _runs(inner)
        if len(runs) == 1 and len(runs[0][1]) >= 2 and not inner[: runs[0][0]].strip():
            a = got[1] + len(got[0]) + commas[0] + 1 + runs[0][0]
            end = runs[0][1][-1][0] + len(runs[0][1][-1][1])
            return _Mention(inner[runs[0][0] : end], first.paragraph, a, reported=reported)
    return _Mention(got[0], first.paragraph, got[1], sentence_initial=True, reported=reported)


def _title_subject(
    first: QuotationPart, text: str, starts: tuple[int, ...], index: PartIndex, t: Tables
) -> _Mention | None:
    """The title in quotation marks that opens the sentence of a partial quotation,
    as its subject: a newspaper that reports ("El diario «La Voz» habla de «…»", "« La
    Gazette » écrivait que … « … »"), with its noun before it or a speech verb after."""
    k = bisect.bisect_right(starts, first.start.offset)
    lo = starts[k - 1] if k else 0
    toks = _tokens(text[lo : first.start.offset])
    low = [w.lower() for _, _, w in toks]
    n = 0
    while n < len(low) and n < 2 and (low[n] in t.determiners or low[n] in t.title_cues):
        n += 1
    cue = any(w in t.title_cues for w in low[:n])
    title_at = lo + (toks[n - 1][1] if n else 0)
    title = next(
        (
            p
            for p in index.level(first.paragraph, first.depth)
            if p.type in ("title", "name")
            and p.start.offset >= title_at
            and not text[title_at : p.start.offset].strip(" \u00a0")
        ),
        None,
    )
    if title is None or title.end.offset > first.start.offset:
        return None
    between = [bare(w) for w in words(text[title.end.offset : first.start.offset])]
    if not cue and not t.speech_verbs.find(between):
        return None
    inner = title.text.strip(_MARKS_AND_SPACES)
    if not inner:
        return None
    return _Mention(inner, first.paragraph, title.start.offset + title.text.find(inner))


def _introduced_before(
    chain: list[QuotationPart],
    paragraphs: list[str],
    index: PartIndex,
    t: Tables,
    entities: list[_Entity],
) -> _Mention | None:
    """For a quotation that opens a paragraph with no attribution anywhere: the subject
    of the last sentence of the paragraph before, where that paragraph quotes nobody
    ("Delgado, speaking to reporters, described the final hours." then "“At 2 a.m.
    …”")."""
    first = chain[0]
    if first.start.offset > 2 or first.paragraph < 2 or index.level(first.paragraph - 1, 0):
        return None
    if any(p.paragraph == first.paragraph - 1 for p in chain):
        return None
    prev_text = paragraphs[first.paragraph - 2].rstrip()
    if not prev_text or prev_text[-1] not in ".!…":
        return None
    starts = tuple(sentence_starts(prev_text, t))
    got = _previous_subject(prev_text, starts, len(prev_text), t, strict=True)
    if got is None or "_" in got[0]:
        return None
    # A person: a pronoun ("Han medger att …"), a name of two words or more, or the
    # surname of a person named before ("Delgado, speaking to reporters, …"; not
    # "Revenue rose 12%").
    runs = [[w for _, w in run] for _, run in _runs(got[0])]
    if got[0].lower() not in t.pronouns and not any(
        len(run) >= 2 or any(e.person and _same_surname(e.surname, run[0]) for e in entities)
        for run in runs
    ):
        return None
    return _Mention(got[0], first.paragraph - 1, got[1], sentence_initial=True)


def _is_pronoun(m: _Mention, t: Tables) -> bool:
    """A mention that is a personal pronoun alone ("she", "ze", "hän")."""
    low = words(m.text)
    return not m.zero and len(low) == 1 and low[0] in t.pronouns


def _reports(described: _Mention, first: QuotationPart, paragraphs: list[str], t: Tables) -> bool:
    """True where a speech verb follows the description before the quotation."""
    if described.paragraph != first.paragraph:
        return False
    between = paragraphs[first.paragraph - 1][described.offset : first.start.offset]
    return bool(t.speech_verbs.find(words(between)))


def _person_noun(word: str, t: Tables) -> bool:
    """True for a word for a person of either gender ("woman", "мужчына")."""
    return word in t.female_person_nouns or word in t.male_person_nouns


def _person_word(word: str, t: Tables) -> bool:
    """True for a role or a word for a person (lower case, bare)."""
    return word in t.roles or _person_noun(word, t)


def _compound_stems(table: WordList) -> tuple[str, ...]:
    """The entries of a table that may end a compound ("zwemclub", "Koekjesfabrikant"):
    one word of four letters or more, without its wildcard."""
    return tuple(e.rstrip("*") for e in table.entries if len(e.rstrip("*")) >= 4 and " " not in e)


def _a_person(described: _Mention, t: Tables) -> bool:
    """True where the head of an indefinite description is a role or occupation ("un
    pêcheur de Saint-Amand", "En nabo", "A lifeguard"): not "a town of 700 people"."""
    if _participle_phrase(described.text, t):
        return True  # "Kylässä asuva kahden lapsen isä": its head closes it
    low = [bare(w) for w in words(described.text)]
    content = [w for w in low[1:4] if w not in t.function_words]
    return bool(content) and any(_person_word(w, t) for w in content[:2])


def _agrees(pronoun: _Mention, described: _Mention, t: Tables) -> bool:
    """False where the pronoun and the description show different genders ("he" after
    "a woman"); True where either shows none."""
    a = _pronoun_gender(words(pronoun.text)[0], t)
    b = _noun_gender(words(described.text), t)
    return a is None or b is None or a == b


def _described_before(
    chain: list[QuotationPart], paragraphs: list[str], index: PartIndex, t: Tables
) -> _Mention | None:
    """For a quotation with no attribution anywhere that opens a sentence after
    another in its paragraph: an unnamed person that sentence introduces with an
    indefinite article, after any phrase fronted before it ("Au bord de l’eau, un
    pêcheur croisé mercredi n’était guère consolé. « … »"). A named person there is
    left to the continuation rules: only a description says who speaks here."""
    first = chain[0]
    if first.kind != "quote" or _partial(first):
        return None
    text, starts = index.masked(first.paragraph, first.depth, paragraphs, t)
    head = text[: first.start.offset].rstrip(" \u00a0")
    if not head or head[-1] not in ".!…":
        return None
    got = _previous_subject(text, starts, first.start.offset, t, strict=True)
    if got is None or "_" in got[0]:
        return None
    low = words(got[0])
    if len(low) < 2 or (low[0] not in t.indefinites and not _participle_phrase(got[0], t)):
        return None
    return _Mention(_before_verb(got[0], t), first.paragraph, got[1], sentence_initial=True)


def _before_verb(phrase: str, t: Tables) -> str:
    """A sentence's opening noun phrase without the verb it runs on into, where an
    auxiliary or a negation shows where that starts ("Un pêcheur du port ne cachait
    pas …", "A fisherman at the harbour was not …"); a relative clause inside it keeps
    its own ("En nabo, der bor ved havnen, er ikke …" ends before "er")."""
    toks = _tokens(phrase)
    k = _verb_start(phrase, toks, [w.lower() for _, _, w in toks], t)
    return phrase if k is None else phrase[: toks[k - 1][1]].rstrip(" \u00a0,")


def _verb_start(
    text: str, toks: list[tuple[int, int, str]], low: list[str], t: Tables
) -> int | None:
    """The token where the verb after an opening noun phrase starts, shown by an
    auxiliary or a negation outside any relative clause in it ("A grandmother who has
    swum laps … said"); None where none shows."""
    # In a relative clause: None, or whether its own verb group (the first run of
    # auxiliaries and negations in it: "who has not") has been passed.
    relative: bool | None = None
    for k in range(2, len(toks)):
        verbal = low[k] in t.auxiliaries or low[k] in t.negations
        if low[k] in t.relatives:
            relative = False
            continue
        if relative is not None and "," in text[toks[k - 1][1] : toks[k][0]]:
            relative = None  # the comma closes it
        if relative is None:
            if verbal:
                return k
        elif verbal and not relative:
            relative = True
        elif verbal and low[k - 1] not in t.auxiliaries and low[k - 1] not in t.negations:
            return k  # "A grandmother who has swum here since 1979 was not …"
    return None


def _chain_verb_gender(
    chain: list[QuotationPart],
    paragraphs: list[str],
    index: PartIndex,
    t: Tables,
    by_part: dict[str, list[Attribution]],
) -> str | None:
    """The gender of the first gendered speech verb said with a quotation: in an
    attribution between its parts, else after it in its sentence, else before it."""
    if not (t.male_verb_endings.entries or t.female_verb_endings.entries):
        return None
    texts = [
        paragraphs[a.paragraph - 1][a.start : a.end] for p in chain for a in by_part.get(p.id, [])
    ]
    texts.append(index.context(chain[-1], paragraphs, t).after)
    texts.append(index.context(chain[0], paragraphs, t).before)
    for text in texts:
        for w in words(text):
            if w in t.speech_verbs:
                gender = _verb_gender(w, t)
                if gender is not None:
                    return gender
    return None


def _most_named(entities: Iterable[_Entity]) -> _Entity | None:
    """The entity named most often; the first of those named as often."""
    best: _Entity | None = None
    for e in entities:
        if best is None or len(e.positions) > len(best.positions):
            best = e
    return best


def _pronoun_gender(word: str, t: Tables) -> str | None:
    """ "m" or "f" for a pronoun the table genders (он/она, on/ona), else None."""
    if word in t.male_pronouns:
        return "m"
    if word in t.female_pronouns:
        return "f"
    return None


def _entity_gender(e: _Entity, t: Tables) -> str | None:
    """ "m" or "f" where the text shows the person's gender: by the surname's ending
    (its base form: "Кузнецова" in "Сергея Кузнецова" is his), else by what the namings
    agree on (:func:`_name_genders`)."""
    found = _surname_gender(e.name.split()[-1] if e.name else e.surname, t)
    if (
        found == "f"
        and e.declined_role
        and not e.genders
        and not e.after_feminine
        and e.name
        and e.name_as_man() != e.name
        and _surname_gender(e.name_as_man().split()[-1], t) == "m"
    ):
        # A woman's name in the nominative that is as well a man's declined, after a
        # role noun declined ("по словам тренера Александра Демидова"): either. A
        # verb agreeing with a role noun or pronoun that takes it up tells later
        # (``said_as``).
        return None
    if found is not None:
        return found
    if not e.genders and e.person and len(e.name.split()) >= 2:
        # The given name of the base form, where the forms written could be another
        # gender's declined ("Josefa Dvořáka" is Josef Dvořák: a man).
        shown = _name_genders(e.name.split(), [], None, t)
        return next(iter(shown)) if len(shown) == 1 else None
    if not e.genders and e.given_only and len(e.name.split()) == 1:
        # Called by a given name only ("Amparo, 71, …"): that name's gender. (Not a
        # surname alone that is a given name too: "said Rose after his round".)
        return given_name_gender(e.name)
    return next(iter(e.genders)) if len(e.genders) == 1 else None


def _surname_gender(surname: str, t: Tables) -> str | None:
    """ "m" or "f" where the language's surnames show it by their ending (Соколова,
    Kowalska, Malá; Соколов, Kowalski), by the longest ending in the tables."""
    return _ending_gender(surname.lower(), t.male_surname_endings, t.female_surname_endings)


def _partial(part: QuotationPart) -> bool:
    """True for a quotation of a few words inside a sentence (no closing punctuation)."""
    # French sets spaces inside its marks: "« Les prix ne baisseront pas. »".
    inner = part.text.strip(" \u00a0").rstrip("»”“\"'’«›‹」』 \u00a0\u202f")
    return part.kind == "quote" and inner[-1:] not in ".,!?…:;" and len(words(inner)) <= 8


def _referring_mention(m: _Mention | None, t: Tables) -> _Mention | None:
    """The mention, or None where its words name nobody (:func:`_referring`): an adverb
    that opens the sentence ("There they promised …") is no subject."""
    if m is None or m.zero or not m.text or _referring(m.text, t):
        return m
    return None


def _unmasked(m: _Mention | None, paragraphs: list[str]) -> _Mention | None:
    """The mention as written: the words of a quotation inside it were masked."""
    if m is None or "_" not in m.text:
        return m
    raw = paragraphs[m.paragraph - 1][m.offset : m.offset + len(m.text)]
    if len(raw) == len(m.text) and all(
        a == b or a == "_" for a, b in zip(m.text, raw, strict=True)
    ):
        # A title in marks, all of it masked, is a newspaper named as the source
        # ("Secondo il quotidiano «La Gazzetta del Tigullio», …"): its name as written,
        # not a person's to de-inflect.
        return replace(m, text=raw, described=m.described or not m.text.strip("_ "))
    return m


def _previous_subject(
    text: str,
    starts: tuple[int, ...],
    offset: int,
    t: Tables,
    *,
    strict: bool = False,
    fronted: int = 2,
) -> tuple[str, int] | None:
    """The subject of the sentence before the one at ``offset`` in a paragraph: the
    source after a marker (``Podle Nováka``, ``Σύμφωνα με τον Παππά``), else the noun
    phrase that opens it (``O técnico elogiou …``, ``Kapteeni Teemu Salo kertoi``)."""
    head = text[:offset].rstrip(" \u00a0")
    if head and head[-1] not in ".!?…":
        # The quotation is inside its sentence: that sentence's own subject.
        lo = starts[bisect.bisect_right(starts, offset) - 1] if starts else 0
        sentence = text[lo:offset]
    else:
        k = bisect.bisect_right(starts, len(head) - 1) - 1
        if not head or k < 0:
            return None
        lo = starts[k]
        sentence = text[lo : len(head)]
    toks = _tokens(sentence)
    if not toks:
        return None
    low = [w.lower().replace("’", "'") for _, _, w in toks]
    comma = sentence.find(",")
    then = words(sentence[comma + 1 :])[:1] if comma > 0 else []
    if (
        fronted > 0
        and len(toks) > 2
        and 0 < comma <= 60
        and _is_capitalised(toks[0][2])
        and not _function_word(low[0], t)
        and not is_given_name(toks[0][2])
        and low[1] in t.stopwords
        and low[1] not in t.determiners
        and low[1] not in t.complementizers
        and toks[1][1] <= comma
        and then
        and then[0] in t.determiners
    ):
        # A participle that opens the sentence before a comma ("Intervistata dal
        # «Secolo XIX», la sindaca ha …", "Interrogé par l’AFP, le maire …"): the
        # subject is the noun phrase after it.
        rest = len(sentence) - len(sentence[comma + 1 :].lstrip("  "))
        got = _previous_subject(text, (lo + rest,), offset, t, strict=strict, fronted=0)
        if got is not None:
            return got
    if (
        fronted > 0
        and low[0] in t.stopwords
        and low[0] not in t.determiners
        and low[0] not in t.pronouns
        and low[0] not in t.complementizers
        and not t.source_markers.find(low[:4])
        and 0 < comma <= 40
        and sentence[comma + 1 :].strip()
        and not any(  # "Para a cadete Marta Sousa, o pior momento …": a person's view
            len(run) >= 2 and any(bare(w) in t.roles for w in words(sentence[:start])[-2:])
            for start, run in _runs(sentence[:comma])
        )
    ):
        # A phrase that opens the sentence before a comma ("Dans un communiqué, la
        # direction indique …", "Au bord de l’eau, à Saint-Julien, un pêcheur …"): the
        # subject comes after it. Two such phrases at most: a sentence of a thousand
        # "In the house," is not read a thousand times.
        rest = len(sentence) - len(sentence[comma + 1 :].lstrip(" \u00a0"))
        got = _previous_subject(text, (lo + rest,), offset, t, strict=strict, fronted=fronted - 1)
        # After a second phrase, only an unnamed person introduced as such: "de 21
        # anos, o pior momento" is no subject.
        first_word = words(got[0])[:1] if got is not None else []
        if got is not None and (fronted > 1 or (first_word and first_word[0] in t.indefinites)):
            return got
    markers = t.source_markers.find(low[:4])
    if markers and not t.markers_follow:
        s, n = markers[0]
        outlet = _masked_outlet_after(sentence, toks, low, s, s + n, t)
        if outlet is not None:
            return outlet[0], lo + outlet[1]
        mention = _mention_near_verb(sentence, t, verb_index=s + n - 1, prefer_after=True)
        if mention and "_" not in mention:
            return mention, lo + sentence.find(mention, toks[s][0])
    verbs = t.speech_verbs.find(low)
    if verbs and 0 < verbs[0][0] <= 8:
        # "Opoziční poslanec Jan Bartoš plán označil za „…“. „…,“ dodal."
        mention = _mention_near_verb(
            sentence, t, verb_index=verbs[0][0], prefer_after=False, fallback=False
        )
        if mention and "_" not in mention:
            return mention, lo + sentence.find(mention)
    described = _participle_description(sentence, toks, low, t)
    if described is not None:
        # "Kylässä asuva eläkeläinen näki …": the participle phrase and its noun.
        return sentence[toks[0][0] : toks[described - 1][1]], lo + toks[0][0]
    if (
        t.bare_indefinites
        and len(toks) > 3
        and _is_capitalised(toks[0][2])
        and not _known_given(toks[0][2], t)
        and toks[1][2].islower()
        and _person_word(bare(low[1]), t)
        and not _person_word(bare(low[0]), t)
        and not _boundary(sentence, toks[0][1], toks[1][0])
        and "," in sentence[toks[1][1] : toks[2][0]]
        and _opens_set_clause(low[2], t)
    ):
        # "Starý rybář, který …": an adjective that opens the sentence is no name;
        # the person is the noun it qualifies, described by the clause after it.
        return sentence[toks[0][0] : toks[1][1]], lo + toks[0][0]
    all_runs = _runs(sentence)
    if (
        all_runs
        and all_runs[0][0] == toks[0][0]
        and len(all_runs[0][1]) == 1
        and len(low) > 1
        and (low[1] in t.stopwords or low[1] in t.complementizers or low[1] in t.determiners)
        and bare(low[0]) not in t.bodies
        and bare(low[0]) not in t.roles
    ):
        # A participle opens the sentence ("Asked whether he would stay on, Furey was
        # brief", "Interpellato dai parlamentari, ha precisato"): the subject, if any,
        # is the name right after its comma.
        comma = sentence.find(",")
        after = [r for r in all_runs if comma > 0 and comma < r[0] <= comma + 3]
        if not after:
            return None
        _, run = after[0]
        end = run[-1][0] + len(run[-1][1])
        return sentence[after[0][0] : end], lo + after[0][0]
    # "Een Poolse medewerkster …", "A German backpacker …": an adjective of
    # nationality after the indefinite article is not a name.
    adjective = (
        len(toks) >= 3
        and low[0] in t.indefinites
        and _is_capitalised(toks[1][2])
        and not _is_capitalised(toks[2][2])
        and not _known_given(toks[1][2], t)
    )
    runs = [
        r
        for r in all_runs
        if r[0] <= toks[min(len(toks), 5) - 1][0]
        and not _honorific_only(r[1], sentence, t)
        and not adjective
    ]
    if runs and runs[0][0] > toks[0][0] and _honorific_only(all_runs[0][1], sentence, t):
        runs[0] = (toks[0][0], runs[0][1])  # "O Eng. Luís Matos": the name opens it
    if (
        runs
        and runs[0][0] == toks[0][0]
        and sum(_is_capitalised(w) for _, w in runs[0][1][1:]) <= 1
        and _is_preposition(low[0], t)
        and not t.source_markers.find(low[:4])
    ):
        # A phrase in front without a comma ("Für das Wochenende erwartet sie „…“", "A
        # Genova la sindaca X ha firmato"): not the subject. (Not "Ook De Lijn
        # verwacht": a name of its own after the word.) A pronoun after the phrase's
        # verb is the subject, else the subject the rest of the sentence opens with.
        end = runs[0][1][-1][0] + len(runs[0][1][-1][1])
        k = next((i for i, tok in enumerate(toks) if tok[0] >= end), len(toks))
        if len(runs[0][1]) == 1:
            # Only the preposition is in the run: its article and its noun follow.
            while k < len(toks) and (low[k] in t.determiners or low[k] in t.possessives):
                k += 1
            if k < len(toks) and t.nouns_capitalised and _is_capitalised(toks[k][2]):
                k += 1
        if (
            k + 1 < len(toks)
            and toks[k][2].islower()
            and low[k + 1] in t.pronouns
            and low[k + 1] not in t.object_pronouns
            and not _boundary(sentence, toks[k][1], toks[k + 1][0])
        ):
            return toks[k + 1][2], lo + toks[k + 1][0]
        if fronted > 0 and k < len(toks):
            return _previous_subject(
                text, (lo + toks[k][0],), offset, t, strict=strict, fronted=fronted - 1
            )
        return None
    if (
        runs
        and runs[0][0] == toks[0][0]
        and (len(runs[0][1]) > 1 or not _function_word(toks[0][2], t))
        and not _oblique(runs[0][1][-1][1], t)  # "Kemeraltı'nda …": a place opens it
    ):
        # The run that opens the sentence, up to a full name within its first words
        # ("Jüri başkanı oyuncu Mehmet Demir", "Van Dijk zelf").
        full = [r for r in runs if len(r[1]) >= 2]
        _, run = full[0] if full else runs[0]
        end = run[-1][0] + len(run[-1][1])
        if (
            run[0][0] == toks[0][0]
            and not t.nouns_capitalised
            and not any(_known_given(w, t) for _, w in run)
        ):
            end = _body_complement_end(sentence, toks, end, [w for _, w in run], t)
        return sentence[:end], lo
    if low[0] in t.determiners and len(toks) >= 2:
        if strict and low[1] not in t.roles and low[1] not in t.bodies:
            return None  # "The report ended: “…”" -- a document, not a speaker
        return sentence[toks[0][0] : toks[1][1]], lo + toks[0][0]
    if (
        low[0] in t.indefinites
        and len(toks) >= 2
        and (adjective or not _is_capitalised(toks[1][2]))
    ):
        # An unnamed person opens the sentence ("En annen passasjer ville ikke oppgi
        # navn, men var mindre fornøyd: «…»"): up to the first comma or clause end.
        end = 1
        while (
            end < len(toks) and end < 8 and not _boundary(sentence, toks[end - 1][1], toks[end][0])
        ):
            end += 1
        whole = _through_relative_clause(sentence, toks, low, end, t)
        return sentence[toks[0][0] : toks[whole - 1][1]], lo + toks[0][0]
    return None


def _through_relative_clause(
    sentence: str, toks: list[tuple[int, int, str]], low: list[str], end: int, t: Tables
) -> int:
    """The token after an unnamed person's description that opens ``sentence``, whose
    first ``end`` tokens were read: where a relative clause starts in them ("A diver who
    has worked on the wreck for twenty years was …"), it runs on to the clause's close
    (a comma, the sentence's speech verb, or the verb an auxiliary or negation shows),
    as the guidelines' "description as written" does, within :data:`_DESCRIPTION_WORDS`.
    Where nothing shows the close, ``end``: a description must not swallow its verb."""
    if end >= len(toks) or _boundary(sentence, toks[end - 1][1], toks[end][0]):
        return end
    rel = next(
        (
            k
            for k in range(2, end)
            if low[k] in t.relatives
            and not _function_word(low[k - 1], t)
            # after a noun, not after a preposition ("aus der Stadt": an article)
            and not _boundary(sentence, toks[k - 1][1], toks[k][0])
        ),
        None,
    )
    if rel is None:
        return end
    hidden = _unnamed_source_words(low, t)
    said = [k for k, _ in t.speech_verbs.find(low) if k > rel + 1 and k not in hidden]
    j = end
    while (
        j < len(toks)
        and j < _DESCRIPTION_WORDS
        and not _boundary(sentence, toks[j - 1][1], toks[j][0])
        and j not in said
    ):
        j += 1
    v = _verb_start(sentence, toks[:j], low[:j], t)
    if v is not None and v > rel + 1:
        return max(v, end)
    if j < len(toks) and (j in said or _boundary(sentence, toks[j - 1][1], toks[j][0])):
        return j
    return end


def _body_complement_end(
    sentence: str, toks: list[tuple[int, int, str]], end: int, run: list[str], t: Tables
) -> int:
    """Where a body's name that opens a sentence ends when its capitalised words are
    followed by lower-case ones of the name: the noun of a capitalised adjective
    ("Прокуратура Пермского | края начала"), up to a body noun ("Český |
    hydrometeorologický ústav uvedl"); ``end`` where none follows."""
    k = next((i for i, tok in enumerate(toks) if tok[0] >= end), len(toks))
    low = [bare(w.lower()) for _, _, w in toks]
    opens_body = bare(run[0].lower()) in t.bodies
    last = None
    for i in range(k, min(len(toks), k + 3)):
        w = toks[i][2]
        if (
            not w.islower()
            or _function_word(low[i], t)
            or t.speech_verbs.match_at(low, i)
            or _past_tense_like(low[i], t)
            or low[i] in t.auxiliaries
            or _boundary(sentence, toks[i - 1][1], toks[i][0])
        ):
            break
        if low[i] in t.bodies:
            last = i
            break
        if opens_body and i == k:
            last = i  # the one noun of a capitalised adjective: "Пермского | края"
    e = last if last is not None else k - 1
    return toks[_complement_before_verb(sentence, toks, low, e, t)][1] if e >= 0 else end


def _complement_before_verb(
    sentence: str, toks: list[tuple[int, int, str]], low: list[str], e: int, t: Tables
) -> int:
    """The last word of a body's name whose words end at token ``e``, run on through
    the complement after it where the clause's verb comes right after that complement
    ("Asociația chiriașilor | din cartier | a cerut", "L’office | du tourisme régional |
    a indiqué"): lower-case adjectives of the noun, a preposition of the language's
    ``complement_prepositions``, and up to four words with no other preposition, no
    punctuation and no verb. Where the verb does not follow (a phrase of time or place
    before it, "în comunicatul său"), ``e``."""
    i = e + 1
    while i < len(toks) and i - e <= 2 and toks[i][2].islower() and not _function_word(low[i], t):
        if _verb_like(low, i, t):
            return e
        i += 1  # "patronale", "régional": adjectives of the noun
    if i >= len(toks) or low[i] not in t.complement_prepositions:
        return e
    if _boundary(sentence, toks[e][1], toks[i][0]):
        return e
    j = i + 1
    content = 0
    while j < len(toks) and j - i <= 5:
        if _boundary(sentence, toks[j - 1][1], toks[j][0]):
            return e
        if _verb_like(low, j, t):
            return j - 1 if content else e
        if _is_preposition(low[j], t) and low[j] not in t.complement_prepositions:
            return e  # "… din cartier în comunicat": a phrase of its own
        if not _function_word(low[j], t):
            content += 1
        j += 1
    return e


def _lower_case_tail(text: str, end: int, t: Tables) -> int:
    """Where a body's name whose capitalised words end at ``end`` ends: past one or two
    lower-case adjectives right before the clause's verb ("La Protezione | civile
    regionale | ha diramato"), adjectives by the language's endings
    (``name_adjective_endings``) and no adverb of its table ("La Juventus | stamane
    ha"); ``end`` where no verb follows them or a word between is no such adjective."""
    endings = t.name_adjective_endings
    toks = _tokens(text[end : end + 80])
    if not endings or not toks or text[end : end + toks[0][0]].strip(" \u00a0"):
        return end
    low = [bare(w.lower()) for _, _, w in toks]
    n = 0
    while (
        n < len(toks)
        and n < 2
        and toks[n][2].islower()
        and any(low[n].endswith(e) and len(low[n]) >= len(e) + 3 for e in endings)
        and not _function_word(low[n], t)
        and not _person_word(low[n], t)
        and not _statement_word(toks[n][2], t)
        and not _verb_like(low, n, t)
        and not _names_nobody(toks[n][2], t)
        and not (n and _boundary(text, end + toks[n - 1][1], end + toks[n][0]))
    ):
        n += 1
    if (
        n
        and n < len(toks)
        and _verb_like(low, n, t)
        and not _boundary(text, end + toks[n - 1][1], end + toks[n][0])
    ):
        return end + toks[n - 1][1]
    return end


def _verb_like(low: list[str], i: int, t: Tables) -> bool:
    """True when token ``i`` starts the clause's verb: a speech verb, an auxiliary or a
    past-tense ending."""
    return bool(
        t.speech_verbs.match_at(low, i) or low[i] in t.auxiliaries or _past_tense_like(low[i], t)
    )


def _adjective_noun_end(text: str, toks: list[tuple[int, int, str]], e: int, t: Tables) -> int:
    """The index of the last word of a body's name whose words up to ``toks[e]`` end
    with an adjective of the language (``adjective_endings``): the lower-case words
    after it up to its noun ("Прокуратура Омской | области", "Управління культури
    Харківської | міської ради"), three at most; ``e`` where none follows."""
    low = [bare(w.lower()) for _, _, w in toks]
    last = e
    while (
        last + 1 < len(toks)
        and last - e < 3
        and len(low[last]) >= 5
        and low[last].endswith(t.adjective_endings)
    ):
        i = last + 1
        if (
            not toks[i][2].islower()
            or _function_word(low[i], t)
            or t.speech_verbs.match_at(low, i)
            or _past_tense_like(low[i], t)
            or low[i] in t.auxiliaries
            or low[i] in t.roles
            or _boundary(text, toks[i - 1][1], toks[i][0])
        ):
            break
        last = i
    return last


def _subject_after_phrase(rest: str, t: Tables) -> str:
    """The noun phrase that opens ``rest`` (what follows a phrase in front and its
    comma), up to its verb, a quotation or a clause boundary; "" where it has more than
    eight words or opens with no determiner or capital."""
    toks = _tokens(rest)
    low = [w.lower() for _, _, w in toks]
    if not toks or not (
        low[0] in t.determiners or _is_capitalised(toks[0][2]) or _ELIDED_ARTICLE.match(low[0])
    ):
        return ""
    e = 1
    while e < len(toks) and e <= 8:
        if (
            low[e] in t.auxiliaries
            or t.speech_verbs.match_at(low, e)
            or low[e] in t.complementizers
            or _boundary(rest, toks[e - 1][1], toks[e][0])
        ):
            break
        e += 1
    if (
        e > 8
        or e >= len(toks)
        or (e == 1 and low[0] in t.determiners)
        or "_" in rest[toks[0][0] : toks[e - 1][1]]
    ):
        return ""
    return rest[toks[0][0] : toks[e - 1][1]]


def _is_preposition(word: str, t: Tables) -> bool:
    """True for a word of the stop list that is none of its other kinds of function
    word: a preposition or an adverb of time."""
    return word in t.stopwords and not any(
        word in kind
        for kind in (t.determiners, t.pronouns, t.complementizers, t.conjunctions, t.relatives)
    )


# Quotation marks of every style: a speaker's name never starts with one.
_QUOTE_MARKS = "«»„“”‚‘’\"'‹›"


def _nominal(word: str, t: Tables) -> bool:
    """True for a word that may open or close a noun phrase as a function word: an
    article, an indefinite, a possessive or a pronoun."""
    return any(word in kind for kind in (t.determiners, t.indefinites, t.possessives, t.pronouns))


def _finite_verb(word: str, t: Tables) -> bool:
    """True for an auxiliary of the table that is no other kind of function word
    ("hatte", "was", "ont"; not "also" or "auch", listed there as well)."""
    return word in t.auxiliaries and word not in t.stopwords and not _nominal(word, t)


def _opens_badly(word: str, t: Tables) -> bool:
    """True for a word no noun phrase opens with: a preposition, a conjunction, a
    complementizer or relative, a finite auxiliary ("hatte", "was", "ont")."""
    return (
        _is_preposition(word, t)
        or _finite_verb(word, t)
        or (
            any(word in kind for kind in (t.conjunctions, t.complementizers, t.relatives))
            and not _nominal(word, t)
        )
    )


def _closes_badly(low: list[str], t: Tables) -> int:
    """How many of a phrase's last words (lower case as written) leave it open: a
    conjunction, an indefinite, a relative or complementizer (1), an article after a
    preposition (2: "… laps at the"; some languages put a demonstrative after its
    noun, "anak itu"). A preposition alone may be an adverb of the stop list ("hier")."""
    last = low[-1]
    if any(
        last in kind for kind in (t.conjunctions, t.indefinites, t.complementizers, t.relatives)
    ):
        return 1
    if len(low) > 2 and last in t.determiners and _is_preposition(low[-2], t):
        return 2
    return 0


_NAME_WORD = re.compile(r"[^\W_](?:[\w'’ʼ·./-]*[^\W_])?")


def _noun_phrase(name: str, t: Tables, *, proper: bool) -> str | None:
    """A speaker's name as a noun phrase: as found, cut, or None where it is a piece of
    a clause. A verb of the tables ends the phrase before it ("Critics have long" ->
    "Critics"; not after a comma or a relative: "a woman who has …"), as do open words
    at its end ("… in the council and"); words a noun phrase never opens with ("Im
    Saal saß …", "hatte er damals …", "d’Indre-et-Loire", a quotation mark)
    make it none, except before the capital of a ``proper`` name ("Tomēr Ozoliņš",
    "d’Île-de-France Mobilités": the name after them)."""
    text = name.strip()
    if not text:
        return text
    if text[0] in _QUOTE_MARKS and not proper:
        return None  # a quotation read as its speaker (a body's name may be quoted)
    spans = [(m.start(), m.group()) for m in _NAME_WORD.finditer(text)]
    if not spans:
        return text
    low = [w.lower().replace("’", "'").replace("ʼ", "'") for _, w in spans]
    if (proper or (spans[0][1][:1].isupper() and low[0] in _NAME_PARTICLES)) and (
        _first_after_particles([w for _, w in spans], 0)[:1].isupper()
    ):
        # A surname with its particles ("van der Meer"), or a body named after one
        # ("Van den Berg Bakkerijen").
        return text
    start, written = spans[0]
    head, elided, tail = low[0].partition("'")
    if elided and tail and tail != "s" and written[:1].islower() and not _nominal(head, t):
        rest = text[start + len(head) + 1 :]  # "d’Indre-et-Loire", "dell’azienda"
    elif len(spans) > 1 and _opens_badly(low[0], t):
        rest = text[spans[1][0] :]
    else:
        rest = None
    if rest is not None:
        # (A capital after it starts a name, where not every noun has one: "От
        # „Енерго-Про“".)
        named = (proper or not t.nouns_capitalised) and rest.lstrip(_QUOTE_MARKS)[:1].isupper()
        return _noun_phrase(rest, t, proper=True) if named else None
    comma = text.find(",")
    auxiliary = 0  # (where the verb's auxiliary stands: "… was criticised")
    for k in range(1, len(spans)):
        at, written = spans[k]
        word = bare(low[k])
        if word in t.relatives or word in t.complementizers or 0 <= comma < at:
            break
        before = low[k - 1]
        if written != written.lower() or (_nominal(before, t) and before not in t.pronouns):
            continue  # (a noun after an article: "le prévenu")
        elided = low[k].partition("'")[0] if word != low[k] else ""
        verb = word in t.speech_verbs or elided in t.object_pronouns
        if (verb or _finite_verb(word, t)) and any(w in t.conjunctions for w in low[k + 1 :]):
            return None  # "We were sitting … and someone": another clause's subject
        if verb:
            # (Not at an auxiliary alone: the list holds adverbs, and some are other
            # words too, Romanian "fost", former.)
            at = spans[auxiliary][0] if auxiliary else at
            return _noun_phrase(text[:at].rstrip(" ,"), t, proper=proper)
        if _finite_verb(word, t) and not auxiliary:
            auxiliary = k
    open_end = _closes_badly(low, t) if len(spans) > 1 and spans[-1][1] == low[-1] else 0
    if open_end:
        if low[-1] in t.conjunctions:
            return None  # "… raised the closure and": the verb phrase of a clause before
        return _noun_phrase(text[: spans[-open_end][0]].rstrip(" ,"), t, proper=proper)
    return text


def _honorific_only(run: list[tuple[int, str]], text: str, t: Tables) -> bool:
    """True when a run of capitalised words is only an article and abbreviations of the
    table written with their stop ("O Eng." before "Luís Matos"): no name of its own."""
    return all(
        _function_word(w, t)
        or (text[a + len(w) : a + len(w) + 1] == "." and w.lower() in t.abbreviations)
        for a, w in run
    )


def _asks(chain: list[QuotationPart]) -> bool:
    """True for a dialogue line that asks (an interviewer's question)."""
    text = "".join(p.text for p in chain).rstrip(" »”“\"'")
    return chain[0].kind == "dialogue" and text.endswith("?")


def _fallback(
    chain: list[QuotationPart],
    previous: list[QuotationPart] | None,
    speakers: dict[str, tuple[str, str, str] | None],
    paragraphs: list[str],
    resolver: _Resolver,
    answered: list[QuotationPart] | None = None,
) -> tuple[str, str, str] | None:
    """Continuation of the previous speaker, interviews; None when unattributed.
    ``answered``: the speech quotation before ``previous``, where ``previous`` is a
    question (whose words it follows)."""
    first = chain[0]
    if _asks(chain):
        return None  # an interviewer's question
    if previous is None:
        return None
    prev_result = speakers.get(previous[0].id)
    near = first.paragraph - previous[-1].paragraph <= 1
    if (
        prev_result is not None
        and near
        and (first.start.offset <= 2 or first.paragraph == previous[-1].paragraph)
    ):
        return prev_result
    if first.kind == "dialogue" and _asks(previous) and near:
        e = resolver.interviewee()
        asked = speakers.get(answered[0].id) if answered is not None else None
        # (A named person's: an unnamed one quoted in passing, "—… —se queja un
        # vendedor.", is not whom an interview's questions are put to.)
        known = resolver.by_key(asked[0]) if asked is not None else None
        if (
            e is None
            and asked is not None
            and known is not None
            and known.person
            and answered is not None
            and not _asks(answered)
            and previous[0].paragraph - answered[-1].paragraph <= 1
            # (Not where someone else is named between: "Корреспондент задал Лебедеву
            # ещё несколько вопросов." puts them to that person; their own name, as
            # their words' attribution, "—… —cuenta Villalobos.", does not.)
            and not resolver.person_named_between(
                (answered[-1].paragraph, answered[-1].end.offset),
                (previous[0].paragraph, previous[0].start.offset),
                besides=known,
            )
        ):
            # The question follows someone's words at once ("—Aquí el agua llega dos
            # horas —cuenta Villalobos." "—¿Y el gobierno?" "—Vienen en campaña …"):
            # it is put to them, and the answer is theirs, not the article's
            # protagonist's. (The mention is their name, as for any answer.)
            return asked[0], asked[1], known.written
        e = e or resolver.main()
        if e is not None:
            return f"e:{e.surname}", e.name, e.written
    return None
