"""Per-language word tables (speech verbs, cue nouns, pronouns, abbreviations ...) as data.

Each language has one JSON file in ``annotate/data/<lang>.json``; ``common.json`` holds
the language-neutral lists (news agencies, legal forms of organisations). An entry is a
lower-case word or phrase; a word ending in ``*`` matches every word that starts with
it (``сказа*`` matches ``сказал``, ``сказала``), so inflected languages need one entry
per stem, not per form. A file may say ``"extends": "sr"`` to share another table.
Besides the lists (:data:`LIST_KEYS`) a file holds ``dialogue_dash`` (does the
language's press write dialogue with dashes) and, optionally, ``max_name_words`` (2
where personal names are given name + surname; 4 where two given names and two
surnames are usual, as in Spanish; 3 by default) and
``source_markers_follow`` (true where the source marker follows the source: "X
szerint", "X'e göre"; it implies ``possessor_first``) and ``possessor_first`` (true
where a genitive possessor precedes its noun, Latvian "uzņēmuma vadītāja": a noun
phrase's head is its last word) and ``adjective_endings`` (the endings of an
adjective that a body's name capitalises before its lower-case noun, "Омской
области": the noun belongs to the name) and ``bare_indefinites`` (true where the language
has no indefinite article, so a bare noun phrase introduces a new person: Slavic
"učitelka z Třebíče, která …") and ``ordinal_dot`` (true where ordinals are
written with a dot, "50. Festiwalu") and ``nouns_capitalised`` (true where every noun is written with
a capital, as in German) and ``converb_endings`` (endings of gerunds, converbs and
adverbs that modify a verb, Italian "-ando", Latvian "-oties": a lower-case word so
ending never names a speaker) and ``participle_endings`` (endings of a participle that
opens a phrase in commas after a noun as a relative pronoun does, Russian "-вший") and
``prenominal_participle_endings`` (endings of a participle before the noun it
describes, Turkish "-an", Finnish "-va") and ``family_name_first`` (true where personal
names are written family name first, Hungarian "Tóth Gábor") and ``complement_endings`` (endings of a capitalised word
that make it a genitive complement, never a name: Romanian "Transporturilor", Greek
"Κλιματικής") and ``place_endings`` (endings of the cases of place of a lower-case
noun, Hungarian "-ban", Finnish "-ssa": the place where words were said) and
``oblique_suffixes`` (case suffixes written after an apostrophe or a hyphen on a
proper name, Turkish "Kemeraltı'nda", Hungarian "MTI-nek": such a name never speaks)
and ``comitative_endings`` (endings of the instrumental, Polish "-em": after an origin
preposition that also means "with", "z ministrem", whom the person is with) and
``name_case_endings`` (endings of a capitalised word in a case after given names and one
surname, Finnish "Ylelle", "Nokiasta": where the name ends) with ``name_base_endings``
(endings of a name's base form that those match, Finnish "-nen") and
``name_adjective_endings`` (endings of a lower-case adjective that ends a body's name
after its capitalised noun, Italian "Protezione civile regionale", "Polizia stradale").
``conjunctions`` lists the coordinating "and" and "but" (a speech verb right after one shares the subject of the verb before; after a comma, one
starts another clause). ``negations`` lists the words that deny a verb ("did not
say", "n'a pas précisé", "не сообщил"): a denied speech verb attributes nothing.
``anonymity`` lists what a text says of a source it does not name ("asked not to be
named", "попросил не называть своего имени"). ``occupations`` lists more role nouns ("farmer", "режиссёр"):
matched as roles, but not looked for inside compound words as ``roles`` are.

Gender, where the language shows it, keeps a pronoun or a role noun from taking up the
wrong person: ``male_pronouns``/``female_pronouns``, surname endings (``Kowalska``),
the endings of a past-tense verb that agrees with its subject (``řekl``/``řekla``,
``сказав``/``сказала``: ``male_verb_endings``/``female_verb_endings``), articles
that show it (``le``/``la``, ``o``/``a``: ``male_determiners``/``female_determiners``)
and endings that make a role noun feminine (``Bürgermeisterin``, ``présidente``:
``female_role_endings``, counted only where the word without them is a role too).
``common.json`` lists ``given_names`` used for one gender only.

Languages that decline personal names hold two tables of pairs [oblique ending, base
ending], lower case: ``surname_inflections`` for the last word of a name and
``given_name_inflections`` for the words before it (given names, patronymics), e.g.
``["skiego", "ski"]``, ``["ą", "a"]``, ``["ės", "ė"]``. The longest ending of a word
decides; an ending listed with several base endings is ambiguous, and paired with
itself it says a word with that ending may already be a base form (``["a", ""]``
and ``["a", "a"]``: ``Tomasza`` or ``Anna``). :mod:`corpus_tools.annotate.names`
says how a name's base form is chosen from them; with no tables a name stays as
written. Hungarian and Finnish put their case endings on the last word, so only
``surname_inflections`` is needed there.

A language without a file gets the union of all tables (:func:`tables_for` returns it
for ``None`` and unknown tags): the speech verbs of related languages still help, and
everything else in the engine is language-neutral.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from corpus_tools.annotate.bodies import NO_BODY_INFLECTIONS, BodyInflections
from corpus_tools.annotate.names import NO_INFLECTIONS, Inflections, NameInflections

# The keys of a language file whose values are lists of entries.
LIST_KEYS = (
    "speech_verbs",
    "source_markers",
    "speech_cues",
    "pronouns",
    "determiners",
    "plural_determiners",
    "indefinites",
    "possessives",
    "complementizers",
    "relatives",
    "auxiliaries",
    "stopwords",
    "roles",
    "bodies",
    "title_cues",
    "name_cues",
    "term_cues",
    # Words that make up the titles of newspapers and periodicals ("Zeitung",
    # "Corriere", "Sanomat"): a capitalised quotation holding one is a title.
    "mastheads",
    # The ends of compound mastheads, looked for inside long words ("Abendblatt",
    # "Aftonbladet", "Iltalehti").
    "masthead_stems",
    # Verb forms that report someone's words in indirect speech (German Konjunktiv I:
    # "sei", "habe", "werde"): a short quotation in such a sentence is their words.
    "reported_mood",
    # Particles inside personal and body names that only this language has (Portuguese
    # "do": "Maria do Carmo Silva"); elsewhere the same word is a preposition that
    # ends a name ("z Jablonce do Liberce").
    "name_particles",
    # Prepositions that open the complement of a body's noun ("Sindicatele din
    # educație", "l’Office du tourisme", "Институтът по горите"): where the clause's
    # verb follows such a complement, the body's name runs on through it.
    "complement_prepositions",
    "abbreviations",
    "conjunctions",
    "negations",
    # What a text says of a source who is not named ("asked not to be named", "ei
    # halunnut esiintyä nimellään", "попросил не называть его имени"): the subject of
    # that sentence is an unnamed person, whom a pronoun in the next one takes up.
    "anonymity",
    # Body nouns that take up whatever body was named before, not only one of their
    # own kind ("a pasta", "la dependencia", "jednostka", "rezort"): also in "bodies".
    "generic_bodies",
    "months",
    "male_pronouns",
    "female_pronouns",
    "object_pronouns",
    "male_surname_endings",
    "female_surname_endings",
    "male_verb_endings",
    "female_verb_endings",
    "male_determiners",
    "female_determiners",
    "female_role_endings",
    # Nouns that say only that someone is a man or a woman, a boy, a girl, a mother
    # ("man", "Frau", "femme", "женщина"): no role, so no named person holds one, but
    # an indefinite one introduces an unnamed person a pronoun takes up ("Op de tribune
    # barstte een oudere vrouw in tranen uit. ‘…’, zei ze."), of that gender.
    "male_person_nouns",
    "female_person_nouns",
    # Adverbs, verb particles and pronominal adverbs that stand next to a speech verb
    # ("lo dijo así", "mondta el", "erre utalt", "ha detto ieri"): words
    # that name nobody, so never the mention of who speaks.
    "adverbials",
    # First-person pronouns in the cases of the one spoken to ("told us", "powiedział
    # mi", "ne-a declarat"): the reporter or the outlet, never who speaks.
    "addressee_pronouns",
    # First-person pronouns in the case of the one who speaks ("I", "ich", "j'", "я"):
    # inside a quotation they name the quoted speaker, so words they report there
    # ("I said to him, ‘…’") are that speaker's own.
    "first_person_pronouns",
    # Prepositions that say to whom something was said ("à", "to", "al"): a name after
    # one is the outlet or the person spoken to, never the name of who speaks.
    "addressee_prepositions",
    # Prepositions that say where someone comes from or belongs ("matka dvou dětí z
    # Třebíče", "глядачка з Полтави", "майка на първокласник от квартал"): after a role
    # or person noun nobody named holds, in a language without an indefinite article,
    # they introduce someone new, as a relative clause does.
    "origin_prepositions",
)

# Occupations ("farmer", "Senatorin", "режиссёр") are roles too, but unlike the
# functions in "roles" (president, minister, spokesman) they are not looked for inside
# compound words: "student" would cut "Studentenwerk" out of a name.
OCCUPATIONS = "occupations"

# The keys of a language file whose values are lists of [oblique ending, base ending]
# pairs: for the words of a name before the last, and for the last.
INFLECTION_KEYS = ("given_name_inflections", "surname_inflections")

# The lists whose words never belong to a person's name.
FUNCTION_LISTS = (
    "stopwords",
    "determiners",
    "pronouns",
    "complementizers",
    "auxiliaries",
    "indefinites",
    "possessives",
)

_WORD = re.compile(r"[^\W_](?:[\w'’ʼ·./-]*[^\W_])?")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (apostrophes unified, inner . - ' kept)."""
    # Apostrophes are unified before the split: both are inside words only, never at
    # their ends, so the words are the same and one pass over the text does it.
    return _WORD.findall(text.lower().replace("’", "'").replace("ʼ", "'"))


def bare(word: str) -> str:
    """The word without an elided article or preposition (l'agence -> agence,
    dell'istruzione -> istruzione) or a possessive ending (bank's -> bank): the
    tables list the bare nouns."""
    if "'" not in word:
        return word  # most words: nothing to take off
    head, _, tail = word.partition("'")
    if tail == "s" and head:
        return head
    # Elision is a Latin-script habit: in Ukrainian and Belarusian the apostrophe is
    # inside the word ("прем'єр", "п'ятницю"), which stays whole.
    return tail if tail and len(head) <= 4 and max(head, default="") < "\u0250" else word


def words_as_written(text: str) -> list[str]:
    """The words of ``text`` split as :func:`words` splits them, with their case kept."""
    return _WORD.findall(text)


def _phrase_length(phrases: tuple[tuple[str, ...], ...], tokens: list[str], i: int) -> int:
    """The length of the first of ``phrases`` (longest first) that the tokens from
    ``tokens[i]`` spell, a word ending in ``*`` matching every word it starts (0: none).
    Plain loops: a generator per phrase cost more than the comparisons."""
    count = len(tokens)
    for phrase in phrases:
        size = len(phrase)
        if i + size > count:
            continue
        for k, pattern in enumerate(phrase):
            other = tokens[i + k]
            if pattern.endswith("*"):
                if not other.startswith(pattern[:-1]):
                    break
            elif other != pattern:
                break
        else:
            return size
    return 0


def ends_compound(word: str, stems: Iterable[str]) -> bool:
    """True when one of ``stems`` ends ``word``, a longer compound, give or take an
    inflection of up to three letters ("produktionsbolaget", "Abendblatt", "Iltalehden",
    "gewerkschaftssekretärin")."""
    index = _stem_index(stems) if isinstance(stems, tuple) and len(stems) >= 16 else None
    if index is None:
        return any(
            stem in word[max(2, len(word) - len(stem) - 3) :]
            for stem in stems
            if len(word) >= len(stem) + 3
        )
    # The same test as above, by the few places a stem of each length can start (the
    # last four, not before the third letter) instead of a scan per stem: a long word
    # of an unspaced script met every stem of a table.
    n = len(word)
    for size, group in index:
        if n < size + 3:
            break
        for start in range(max(2, n - size - 3), n - size + 1):
            if word[start : start + size] in group:
                return True
    return False


_STEM_INDEXES: dict[tuple[str, ...], tuple[tuple[int, frozenset[str]], ...]] = {}


def _stem_index(stems: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """``stems`` by length, shortest first (cached per list)."""
    index = _STEM_INDEXES.get(stems)
    if index is None:
        by_size: dict[int, set[str]] = {}
        for stem in stems:
            by_size.setdefault(len(stem), set()).add(stem)
        index = tuple((size, frozenset(group)) for size, group in sorted(by_size.items()))
        if len(_STEM_INDEXES) >= 64:
            _STEM_INDEXES.clear()
        _STEM_INDEXES[stems] = index
    return index


class WordList:
    """A matcher for one list of entries: exact words, prefixes and phrases.

    Look-ups cost a few set probes per word (one per prefix length), not a scan of the
    list, so the union of all tables is as fast as one language's.
    """

    __slots__ = (
        "_exact",
        "_first",
        "_first_prefix_lengths",
        "_memo",
        "_phrase_memo",
        "_prefix_lengths",
        "_prefixes",
        "_unless",
        "entries",
    )

    def __init__(
        self, entries: list[str] | tuple[str, ...] = (), unless: frozenset[str] = frozenset()
    ) -> None:
        """Compile a list of entries (see the module docstring); a word in ``unless`` is
        matched by no prefix entry, only by an entry that is the word itself."""
        exact: set[str] = set()
        prefixes: set[str] = set()
        # First word (a prefix keeps its trailing *) -> the phrases starting with it.
        first: dict[str, list[tuple[str, ...]]] = {}
        for raw in entries:
            parts: list[str] = []
            for piece in raw.split():
                star = piece.endswith("*")
                core = words(piece.rstrip("*"))
                if star and core:
                    core[-1] += "*"
                parts.extend(core)
            if not parts:
                continue
            if len(parts) == 1:
                if parts[0].endswith("*"):
                    prefixes.add(parts[0][:-1])
                else:
                    exact.add(parts[0])
            else:
                first.setdefault(parts[0], []).append(tuple(parts))
        self.entries = tuple(entries)
        self._exact = frozenset(exact)
        self._prefixes = frozenset(prefixes)
        self._unless = unless
        self._prefix_lengths = tuple(sorted({len(p) for p in prefixes}))
        self._first = {
            k: tuple(sorted(v, key=lambda p: (-len(p), p))) for k, v in sorted(first.items())
        }
        self._first_prefix_lengths = tuple(
            sorted({len(k) - 1 for k in self._first if k.endswith("*")})
        )
        # Word -> is it an entry, and word -> the phrases that may start with it, longest
        # first: the same words come back in every document.
        self._memo: dict[str, bool] = {}
        self._phrase_memo: dict[str, tuple[tuple[str, ...], ...]] = {}

    @classmethod
    def build(cls, entries: list[str], unless: frozenset[str] = frozenset()) -> WordList:
        """Compile a list of entries (see the module docstring)."""
        return cls(entries, unless)

    def _single(self, word: str) -> bool:
        known = self._memo.get(word)
        if known is not None:
            return known
        found = word in self._exact
        if not found and word not in self._unless:
            # A plain loop (the lengths are sorted): a generator in any() cost more than
            # the probes themselves, and every new word of a document comes here.
            prefixes = self._prefixes
            for n in self._prefix_lengths:
                if n > len(word):
                    break
                if word[:n] in prefixes:
                    found = True
                    break
        if len(self._memo) > 50_000:
            self._memo.clear()  # bounded memory on huge vocabularies
        self._memo[word] = found
        return found

    def stem(self, word: str) -> str | None:
        """The entry the single word ``word`` matches, without its inflection: the word
        itself for an exact entry, else the longest prefix entry it starts with
        ("yhtiö" for "yhtiön"); None when it is no entry."""
        if word in self._exact:
            return word
        if word in self._unless:
            return None
        return next(
            (
                word[:n]
                for n in reversed(self._prefix_lengths)
                if n <= len(word) and word[:n] in self._prefixes
            ),
            None,
        )

    def match_at(self, tokens: list[str], i: int) -> int:
        """How many tokens starting at ``tokens[i]`` form an entry (0: none)."""
        if i >= len(tokens):
            return 0
        word = tokens[i]
        if self._first:
            phrases = self._phrase_memo.get(word)
            n = _phrase_length(self._phrases(word) if phrases is None else phrases, tokens, i)
            if n:
                return n
        known = self._memo.get(word)
        return (1 if self._single(word) else 0) if known is None else int(known)

    def _phrases(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The phrases whose first word matches ``word``, longest first."""
        known = self._phrase_memo.get(word)
        if known is not None:
            return known
        candidates = list(self._first.get(word, ()))
        for n in self._first_prefix_lengths:
            if n <= len(word):
                candidates.extend(self._first.get(word[:n] + "*", ()))
        found = tuple(sorted(candidates, key=lambda p: -len(p)))
        if len(self._phrase_memo) > 50_000:
            self._phrase_memo.clear()  # bounded memory on huge vocabularies
        self._phrase_memo[word] = found
        return found

    def phrases(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The entries of two words or more whose first word matches ``word``, longest
        first (a word ending in ``*`` matches every word it starts)."""
        return self._phrases(word) if self._first else ()

    def __contains__(self, word: object) -> bool:
        """True when the single word ``word`` is an entry."""
        # The common case first, a word seen before: one dict probe (the stages ask
        # hundreds of thousands of times per thousand documents).
        try:
            return self._memo[word]  # type: ignore[index]
        except (KeyError, TypeError):
            pass
        if not isinstance(word, str):
            return False
        return self._single(word)

    def find(self, tokens: list[str]) -> list[tuple[int, int]]:
        """Every (start, length) of an entry in ``tokens``, left to right, not overlapping."""
        out: list[tuple[int, int]] = []
        if not self._first:
            # Without phrases every entry is one word: each token on its own.
            memo = self._memo
            for i, word in enumerate(tokens):
                known = memo.get(word)
                if known is None:
                    known = self._single(word)
                if known:
                    out.append((i, 1))
            return out
        # match_at() without its method call, as the classifier asks for a few hundred
        # thousand tokens per thousand documents.
        memo, phrase_memo = self._memo, self._phrase_memo
        i = 0
        while i < len(tokens):
            word = tokens[i]
            phrases = phrase_memo.get(word)
            if phrases is None:
                phrases = self._phrases(word)
            # (Most words open no phrase: no call for them.)
            n = _phrase_length(phrases, tokens, i) if phrases else 0
            if not n:
                known = memo.get(word)
                n = (1 if self._single(word) else 0) if known is None else int(known)
            if n:
                out.append((i, n))
                i += n
            else:
                i += 1
        return out


@dataclass(frozen=True)
class Tables:
    """The compiled tables of one language (or the union, for unknown languages)."""

    lang: str | None
    dialogue_dash: bool
    lists: dict[str, WordList]
    agencies: tuple[str, ...]
    org_forms: WordList
    # Words that are never part of a name: the lists in FUNCTION_LISTS together.
    function_words: WordList
    # How many capitalised words a person's name keeps at most (after role words are
    # cut): 2 where names are given name + surname (Slavic, Baltic), else 3.
    max_name_words: int = 3
    # Role words found inside compounds: Verteidigungsminister, Bundeskanzlerin.
    role_stems: tuple[str, ...] = ()
    # The source marker follows its noun phrase (Hungarian "X szerint", Turkish "X'e
    # göre", Finnish "X:n mukaan") instead of preceding it ("according to X").
    markers_follow: bool = False
    # The ending tables that give a declined name its base form (empty: names stay as
    # written; the union of all tables has none, as one language's endings would
    # spoil another's names).
    names: NameInflections = NO_INFLECTIONS
    # Every noun is capitalised (German): a run of capitalised words is a person only
    # with more evidence than elsewhere (a role, a speech verb, or named twice).
    nouns_capitalised: bool = False
    # The ending tables that give a body named in an oblique case its base form
    # ("в департаменте транспорта" -> "департамент транспорта"); empty: as written.
    body_inflections: BodyInflections = NO_BODY_INFLECTIONS
    # Ordinals are written with a dot ("50. Festiwalu", "63. Antalya", "3. Oktober"): a
    # number of up to three digits and a dot before a capital is one, not a sentence end.
    ordinal_dot: bool = False
    # Endings of a capitalised word that make it the genitive complement of the noun
    # before it, never a person's name (Romanian "ministrul Transporturilor", "Colegiului
    # Național"): the word is a body or a place, whatever role noun precedes it.
    complement_endings: tuple[str, ...] = ()
    # Case suffixes written after an apostrophe or a hyphen on a proper name (Turkish
    # "Kemeraltı'nda", "Konya'nın", "AA'ya"; Hungarian "MTI-nek"): a name so marked is a
    # place, a possessor or an addressee, never the subject that speaks.
    oblique_suffixes: tuple[str, ...] = ()
    # A possessor in the genitive precedes the noun it belongs to (Latvian "uzņēmuma
    # vadītāja", the company's head; Lithuanian "bendrovės vadovas"), as in every
    # language whose source markers follow: the head of a noun phrase is its last
    # word before any preposition, not its first.
    possessor_first: bool = False
    # Endings of an adjective where a body's name puts one before its noun and
    # capitalises it alone ("Прокуратура Омской области", "Управління культури
    # Харківської міської ради"): a name never ends with one.
    adjective_endings: tuple[str, ...] = ()
    # The language has no indefinite article (Slavic): a bare noun phrase introduces
    # someone new as "a teacher from Třebíč, who …" does elsewhere ("učitelka z
    # Třebíče, která …"), so no word marks an unnamed person as such.
    bare_indefinites: bool = False
    # Endings of the verb forms that modify a verb and name nobody: gerunds and
    # converbs (Italian "sorridendo", Latvian "smejoties", Polish "uśmiechając"),
    # reflexive infinitives (Russian "вернуться"), adverbs made from adjectives
    # (Ukrainian "серйозно"). A lower-case word so ending is never a speaker's mention.
    converb_endings: tuple[str, ...] = ()
    # Endings of the cases of place (Hungarian inessive and superessive "-ban", "-on",
    # Finnish "-ssa", "-lla"): a lower-case noun so ending after a verb of speech says
    # where it was said ("mondta a teremben az elnök"), never who said it.
    place_endings: tuple[str, ...] = ()
    # Endings of the participles that open a phrase set in commas after a noun, as a
    # relative clause does (Russian "водитель, проработавший там сорок лет, …" = "который
    # проработал"): what the phrase says belongs to an unnamed person's description.
    participle_endings: tuple[str, ...] = ()
    # Endings of the participles that stand before the noun they describe in a
    # head-final language (Turkish "köyde yaşayan bir kadın", Finnish "kylässä asuva
    # mies"): the phrase from the participle's complements to the noun is one
    # description, not a place followed by a person.
    prenominal_participle_endings: tuple[str, ...] = ()
    # Personal names are written family name first (Hungarian "Tóth Gábor"): the given
    # names close a name, so a capitalised word after them ("Tóth Gábor Kiskundorozsmán",
    # in Kiskundorozsma) is no part of it.
    family_name_first: bool = False
    # Endings of the instrumental, in which the word after an origin preposition that
    # also means "with" stands when it does (Polish "z ministrem", Ukrainian "з мером"):
    # whom the person is with, not where they come from.
    comitative_endings: tuple[str, ...] = ()
    # Endings of the cases a capitalised word takes after a person's name when it says
    # where the person is from or whom they told (Finnish "Ylelle", "Nokiasta",
    # "Oulussa"; not the genitive in -n, which so many surnames end in: "Lars Løkke
    # Rasmussen"), and endings of a name's base form that those could match: names
    # here are given names + one surname, so such a word after them is no part of it.
    name_case_endings: tuple[str, ...] = ()
    name_base_endings: tuple[str, ...] = ()
    # Endings of a lower-case adjective that follows a body's capitalised noun as the
    # last word of its name ("La Protezione civile regionale ha …", "La Polizia stradale
    # ha …"), where the language puts adjectives after the noun.
    name_adjective_endings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # The lists as plain attributes: t.speech_verbs is looked up hundreds of times
        # per document, and __getattr__ is only the fallback for names not found.
        for key, value in self.lists.items():
            object.__setattr__(self, key, value)

    def __getattr__(self, name: str) -> WordList:
        lists = object.__getattribute__(self, "lists")
        if name in lists:
            return lists[name]  # type: ignore[no-any-return]
        raise AttributeError(name)

    def get(self, name: str) -> WordList:
        """The word list called ``name`` (one of :data:`LIST_KEYS`)."""
        return self.lists[name]


def _read(name: str) -> dict[str, Any]:
    text = (
        resources.files("corpus_tools.annotate").joinpath("data").joinpath(name).read_text("utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def learned(name: str, names: dict[str, tuple[str, ...]], shape: dict[str, int]) -> Any:
    """A file of learned weights beside the annotation modules (``speaker_ranker.json``,
    ``type_weights.json``), or None where the package holds none, or holds one learned
    for other features (``names``: the list of names each key must hold). A damaged
    file is an error that says so and what to do.

    ``shape``: the keys that hold numbers and how many; ``weights``, where ``names``
    has ``types``, holds that many rows of one number per type."""
    path = resources.files("corpus_tools.annotate").joinpath(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    fix = f"reinstall corpus-tools, or relearn it with benchmarks/{name[:-5]}.py --write"
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"{name} in the corpus_tools package is not JSON ({exc}): {fix}") from None
    if not isinstance(data, dict) or any(
        tuple(data.get(key, ())) != expected for key, expected in names.items()
    ):
        return None

    def numbers(value: Any, length: int) -> bool:
        return (
            isinstance(value, list)
            and len(value) == length
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        )

    width = len(names.get("types", ()))
    for key, length in shape.items():
        value = data.get(key)
        ok = (
            isinstance(value, list)
            and len(value) == length
            and all(numbers(row, width) for row in value)
            if key == "weights" and width
            else numbers(value, length)
        )
        if not ok:
            raise ValueError(f"{name} in the corpus_tools package is damaged ({key!r}): {fix}")
    return data


@cache
def available() -> tuple[str, ...]:
    """The languages that have a table of their own."""
    folder = resources.files("corpus_tools.annotate").joinpath("data")
    return tuple(
        sorted(
            p.name[:-5]
            for p in folder.iterdir()
            if p.name.endswith(".json") and p.name != "common.json"
        )
    )


@cache
def _raw(lang: str) -> dict[str, Any]:
    data = _read(f"{lang}.json")
    base = data.get("extends")
    if isinstance(base, str):
        merged = dict(_raw(base))
        merged.update({k: v for k, v in data.items() if k != "extends"})
        return merged
    return data


@cache
def _given_names() -> dict[str, str]:
    data = _read("common.json").get("given_names", {})
    return {name.lower(): gender for gender in ("f", "m") for name in data.get(gender, [])}


def given_name_gender(word: str) -> str | None:
    """ "f" or "m" for a given name used for one gender only (``common.json``), else None."""
    return _given_names().get(word.lower())


@cache
def _either_names() -> frozenset[str]:
    data = _read("common.json").get("given_names", {})
    return frozenset(name.lower() for name in data.get("either", []))


def is_given_name(word: str) -> bool:
    """True for a known given name of either gender ("Jan", "Andrea" as well as "Anna")."""
    low = word.lower()
    return low in _given_names() or low in _either_names()


@cache
def _common() -> tuple[tuple[str, ...], WordList]:
    data = _read("common.json")
    return tuple(data["agencies"]), WordList.build(list(data["org_forms"]))


def tables_for(lang: str | None) -> Tables:
    """The tables for a BCP 47 tag (its primary subtag); the union when there is none."""
    primary = lang.split("-", 1)[0].lower() if lang else None
    return _tables(primary if primary in available() else None)


@cache
def _tables(primary: str | None) -> Tables:
    agencies, org_forms = _common()
    if primary is not None:
        raw = _raw(primary)
        verbs = _verb_forms(raw.get("speech_verbs", []))
        lists = {
            k: WordList.build(list(raw.get(k, [])), verbs if k in _CUE_KEYS else frozenset())
            for k in LIST_KEYS
        }
        lists["roles"] = WordList.build([*raw.get("roles", []), *raw.get(OCCUPATIONS, [])])
        function = WordList([w for k in FUNCTION_LISTS for w in raw.get(k, [])])
        dash = bool(raw.get("dialogue_dash", True))
        return Tables(
            primary,
            dash,
            lists,
            agencies,
            org_forms,
            function,
            int(raw.get("max_name_words", 3)),
            _stems(raw.get("roles", [])),
            bool(raw.get("source_markers_follow", False)),
            NameInflections(
                Inflections.build(raw.get(INFLECTION_KEYS[0], [])),
                Inflections.build(raw.get(INFLECTION_KEYS[1], [])),
                MappingProxyType(_given_names()),
                tuple(w.lower() for w in raw.get("female_surname_endings", [])),
                _either_names(),
                frozenset(w.lower() for w in raw.get("oblique_suffixes", []) if w.startswith("'")),
            ),
            bool(raw.get("nouns_capitalised", False)),
            BodyInflections.build(raw.get("body_inflections")),
            bool(raw.get("ordinal_dot", False)),
            tuple(w.lower() for w in raw.get("complement_endings", [])),
            tuple(w.lower() for w in raw.get("oblique_suffixes", [])),
            bool(raw.get("possessor_first", raw.get("source_markers_follow", False))),
            tuple(w.lower() for w in raw.get("adjective_endings", [])),
            bool(raw.get("bare_indefinites", False)),
            tuple(w.lower() for w in raw.get("converb_endings", [])),
            tuple(w.lower() for w in raw.get("place_endings", [])),
            tuple(w.lower() for w in raw.get("participle_endings", [])),
            tuple(w.lower() for w in raw.get("prenominal_participle_endings", [])),
            bool(raw.get("family_name_first", False)),
            tuple(w.lower() for w in raw.get("comitative_endings", [])),
            tuple(w.lower() for w in raw.get("name_case_endings", [])),
            tuple(w.lower() for w in raw.get("name_base_endings", [])),
            tuple(w.lower() for w in raw.get("name_adjective_endings", [])),
        )
    merged: dict[str, list[str]] = {k: [] for k in LIST_KEYS}
    functions: list[str] = []
    for other in available():
        raw = _raw(other)
        for k in LIST_KEYS:
            merged[k].extend(raw.get(k, []))
        functions.extend(raw.get("roles", []))
        merged["roles"].extend(raw.get(OCCUPATIONS, []))
    verbs = _verb_forms(merged["speech_verbs"])
    lists = {
        k: WordList.build(sorted(set(v)), verbs if k in _CUE_KEYS else frozenset())
        for k, v in merged.items()
    }
    function = WordList(sorted({w for k in FUNCTION_LISTS for w in merged[k]}))
    # Unknown language: a dash line may be dialogue (most languages with a dialogue
    # dash are not in the tables); the list-item test still applies.
    return Tables(None, True, lists, agencies, org_forms, function, 3, _stems(functions))


# Cue lists whose prefix entries never match a verb of speech: "conto*" (a short
# story) is no cue in "contou" (told), nor "pasak*" in "pasakė".
_CUE_KEYS = frozenset(["title_cues", "name_cues"])


def _verb_forms(verbs: list[str]) -> frozenset[str]:
    """The one-word entries of a list of speech verbs, as :func:`words` gives them."""
    return frozenset(w for v in verbs if " " not in v and not v.endswith("*") for w in words(v))


def _stems(roles: list[str]) -> tuple[str, ...]:
    """One-word role entries of five letters or more, as stems to find inside words."""
    return tuple(sorted({r.rstrip("*") for r in roles if " " not in r and len(r.rstrip("*")) >= 5}))


_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_WORD_START = re.compile(r"[^\W\d_]+")


def is_abbreviation(text: str, dot: int, t: Tables) -> bool:
    """True when the ``.`` at ``text[dot]`` ends an abbreviation or an initial, not a
    sentence (Dr., U.S., г., А. П., 27. listopadu)."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '(«„“"':
        start -= 1
    token = text[start:dot].lower().replace("’", "'")
    if not token:
        return False
    core = token.rstrip(".")
    if len(core) == 1 and core.isalpha():
        return True  # an initial: J. Smith, А. П. Чехов
    if core in t.abbreviations or core.replace(".", ". ") in t.abbreviations:
        return not _unit_ends_sentence(text, start, dot, t)
    if _DOTTED.fullmatch(core):
        return True  # U.S, e.g, т.е
    if not core.isdigit():
        return False
    # An ordinal (German "am 3. Oktober", Czech "27. listopadu") or a number before a
    # lower-case word or a month name.
    # The next word read in place: a copy of the rest of the paragraph for each number
    # with a stop was quadratic in a long paragraph.
    at = dot + 1
    while at < len(text) and text[at] in " \u00a0":
        at += 1
    first = text[at : at + 1]
    if t.ordinal_dot and len(core) <= 3 and first.isupper():
        return True  # "na 50. Festiwalu", "63. Antalya Altın Portakal"
    return bool(first) and (first.islower() or _starts_with_month(text, t, at))


# A number written in figures, with its decimal or thousands separators ("2,4", "1.500").
_NEXT_WORD = re.compile(r"[ \u00a0]*([^\W\d_]+)")
_FIGURES = re.compile(r"\d[\d.,\u00a0 ]*")


@cache
def _currencies() -> frozenset[str]:
    return frozenset(_read("common.json")["currencies"])


def _unit_ends_sentence(text: str, start: int, dot: int, t: Tables) -> bool:
    """True when an abbreviated currency follows figures ("2,4 milióna eur.", "14 mio.
    kr.") and a capitalised word of three letters or more, not in capitals, follows it:
    the stop ends the sentence too ("… o 2,4 milióna eur. Informoval …"). Other
    abbreviations after figures go on before a capital ("9 a.m. Monday", "12 St. Mary's
    Road", "300 tys. Ukraińców"), and so does everything where every noun is
    capitalised ("180 Mio. Euro")."""
    if t.nouns_capitalised or text[start:dot].lower() not in _currencies():
        return False
    found = _NEXT_WORD.match(text, dot + 1)  # (no copy of the rest of the paragraph)
    word = found.group(1) if found is not None else ""
    if len(word) < 3 or not word[0].isupper() or word.isupper():
        return False
    before = text[max(0, start - 24) : start].split()
    return any(_FIGURES.fullmatch(w.rstrip(",")) for w in before[-2:])


def _starts_with_month(text: str, t: Tables, at: int = 0) -> bool:
    word = _WORD_START.match(text, at)
    return word is not None and word.group().lower() in t.months
