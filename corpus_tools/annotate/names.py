"""The base (nominative) form of a personal name, from the forms an article uses.

Languages that decline names write a person as ``Andrzejem Kulą``, ``Eglės
Jankauskaitės`` or ``Сергея Кузнецова`` wherever the sentence needs that case; a
researcher wants ``Andrzej Kula``. The choice, for one person:

1. among the person's forms (several words preferred), one that is already a base form
   (:func:`base_form` leaves it as it is), else any;
2. among those, one that was the subject of a speech verb (``сказал Игорь Семёнов``,
   ``Jan Nowak powiedział``): a subject stands in the nominative;
3. then the most frequent, without initials, the shortest, the first;
4. the chosen form through :func:`base_form`;
5. where its last word still reads two ways, the surname alone that was the subject
   of a speech verb, when it is another form of that word (Estonian "Mart Kase sõnul"
   … "ütles Kask": Mart Kask; a gradation that endings alone cannot undo).

:func:`base_form` replaces oblique endings by base endings word by word with the
language's two tables (``given_name_inflections`` for the words before the last,
``surname_inflections`` for the last; see :mod:`corpus_tools.annotate.tables`). A table
entry is a pair [oblique ending, base ending]; the longest ending a word has decides:

* one base ending: the word is oblique and gets it (``skiego`` -> ``ski``);
* several: the one whose result the article itself uses for this person is taken
  (``Nowaka`` -> ``Nowak`` when ``Nowak`` is written somewhere), or gives anywhere by
  a word the surname table reads one way only (Finnish ``Koskista`` -> ``Koskinen``
  where ``Koskisen`` is written: :func:`sure_bases`); an ending paired with
  itself says a word with it may already be a base form (``Anna``, ``Толстой``);
* otherwise the word is ambiguous: it gets its one base ending other than itself only
  when another word of the same name is surely oblique (``Tomasza`` in ``Tomasza
  Grabowskiego``), else it stays as written.

A name with no surely oblique word, or with a word the tables call a base form only,
is kept as written: a form as written is better than a wrongly de-inflected one. One
exception: where every word reads two ways, the given name is a woman's that reads as a
man's declined ("Martina", Martin's genitive) and the surname lacks the ending a woman's
has in the language and has a man's declined ending the tables know ("Šimka", where she
would be "Šimková"), the name is the man's declined ("Martin Šimek"), unless the article
shows the person is a woman (a feminine role or verb). Where the article shows he is a
man (a speech verb agreeing with him: "uvedl ředitel"), a one-letter surname ending is
enough: "Pavla Horáka" is Pavel Horák, whom a woman's surname would make "Horáková".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# A word keeps at least this many letters before its ending ("Kulą" -> "Kul" + "ą").
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Inflections:
    """The endings table of one word position: oblique ending -> its base endings."""

    bases: dict[str, tuple[str, ...]]
    # The ending lengths in the table, longest first.
    lengths: tuple[int, ...]

    @classmethod
    def build(cls, pairs: Iterable[Sequence[str]]) -> Inflections:
        """Compile [oblique ending, base ending] pairs (lower case)."""
        bases: dict[str, list[str]] = {}
        for oblique, base in pairs:
            found = bases.setdefault(oblique.lower(), [])
            if base.lower() not in found:
                found.append(base.lower())
        return cls(
            {k: tuple(v) for k, v in bases.items()},
            tuple(sorted({len(k) for k in bases}, reverse=True)),
        )

    def match(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """The longest ending of ``word`` in the table and its base endings, or None."""
        low = word.lower()
        for n in self.lengths:
            if len(low) >= n + _MIN_STEM:
                bases = self.bases.get(low[-n:])
                if bases is not None:
                    return low[-n:], bases
        return None


@dataclass(frozen=True, slots=True)
class NameInflections:
    """A language's two tables: for the words before the last, and for the last; and
    the given names known in their base form (lower case), which tell a declined given
    name from a base one ("Андрія" is not a name, "Андрій" is)."""

    given: Inflections
    last: Inflections
    # Given names of one gender only (lower case), with "f" or "m".
    given_names: Mapping[str, str] = field(default_factory=dict)
    # Where surnames show a woman by their ending (Nováková, Kowalska, Соколова).
    female_surname_endings: tuple[str, ...] = ()
    # Given names used for either gender (lower case): names too ("Nikola", "Andrea").
    either_names: Collection[str] = frozenset()
    # Case suffixes a name takes after an apostrophe, the apostrophe first (Turkish
    # "'nın": "Kaplan'ın" is Kaplan's).
    suffixes: Collection[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.given.bases or self.last.bases)


NO_INFLECTIONS = NameInflections(Inflections({}, ()), Inflections({}, ()))

# What a word is to the tables: no ending known, a base form, surely oblique, or either.
_NONE, _BASE, _OBLIQUE, _AMBIGUOUS = range(4)


def _word(
    word: str,
    table: Inflections,
    attested: Collection[str],
    names: Mapping[str, str] | None = None,
    either: Collection[str] = (),
    gender: str | None = None,
) -> tuple[int, str]:
    """(status, the word's base form or the word itself) for one word of a name;
    ``names``: known given names (lower case), for the words before the last, and
    ``either``: those of either gender (a name as well: "Nikola" is no declined
    "Nikol"); ``gender``: the person's ("m", "f") where the article shows it, which
    picks between two readings that are both names ("Nikolu": Nikola's, not Nikol's,
    for a man)."""
    found = table.match(word) if word[:1].isalpha() else None
    if found is None:
        return _NONE, word
    ending, bases = found
    stem = word[: len(word) - len(ending)]
    if word[-1:].isupper():
        others = [stem + b.upper() for b in bases if b != ending]
    else:
        others = [stem + b for b in bases if b != ending]
    if not others:
        return _BASE, word
    for candidate in others:
        if candidate in attested:
            return _OBLIQUE, candidate
    if names:
        # A known given name decides between the readings: the one reading that is a
        # name is the base ("Michala" -> "Michal"); a word that is a name itself stays
        # ambiguous, with the other name as its reading ("Martina", Martin's genitive):
        # the surname decides (base_form, _reads_as_a_man).
        known = [c for c in others if c.lower() in names or c.lower() in either]
        if gender is not None:
            known = [c for c in known if names.get(c.lower(), gender) == gender]
        if word.lower() in names or word.lower() in either:
            if not known:
                return _AMBIGUOUS, word
            if len(known) == 1:
                return _AMBIGUOUS, known[0]
        elif len(known) == 1:
            return _OBLIQUE, known[0]
    if len(bases) == 1:
        return _OBLIQUE, others[0]
    return _AMBIGUOUS, others[0] if len(others) == 1 else word


def base_form(
    name: str,
    table: NameInflections,
    attested: Collection[str] = (),
    *,
    woman: bool = False,
    man: bool = False,
) -> str:
    """``name`` with its oblique endings replaced by base endings, or as written when
    unsure (see the module docstring); ``attested`` holds the words the article uses
    for the same person; ``woman``: the article shows the person is a woman (a feminine
    role or verb), so a woman's given name is never read as a man's declined; ``man``:
    it shows he is a man, so any surname ending the tables pair with a man's will do."""
    ws = name.split()
    if ws and table.suffixes:
        final = ws[-1].replace("’", "'")
        cut = final.rfind("'")
        if cut > 0 and final[cut:].lower() in table.suffixes:
            ws[-1] = ws[-1][:cut]
            name = " ".join(ws)
    if not table:
        return name
    # A double surname declines in both its parts ("Malinowskiej-Dudy"): each part is a
    # surname to the tables, the two joined again after.
    pieces = ws[-1].split("-") if ws else []
    double = (
        len(ws) >= 2
        and len(pieces) == 2
        and all(len(p) >= 2 and p[:1].isupper() and p[1:].islower() for p in pieces)
    )
    if double:
        ws = [*ws[:-1], *pieces]
    last = len(ws) - 1
    endings = table.female_surname_endings
    if endings and len(ws) >= 2 and not man:
        # A woman's surname ("Nováková", "Novákovej") shows whose given name it is:
        # "Petra Novákovej" is Petra's, not Peter's.
        # A surname that reads two ways ("Кашина": his genitive, her nominative) shows
        # nothing.
        status, reading = _word(ws[last], table.last, attested)
        if status in (_NONE, _BASE, _OBLIQUE) and reading.lower().endswith(endings):
            woman = True
    found = [
        _word(w, table.last, attested)
        if i == last or (double and i == last - 1)
        else _word(
            w,
            table.given,
            attested,
            table.given_names,
            table.either_names,
            "f" if woman else "m" if man else None,
        )
        for i, w in enumerate(ws)
    ]
    statuses = {s for s, _ in found}
    if (
        statuses == {_AMBIGUOUS}
        and not woman
        and _reads_as_a_man(ws, found, table, man=man, attested=attested)
    ):
        statuses = {_OBLIQUE}
    if _OBLIQUE not in statuses or _BASE in statuses:
        return name
    out = [
        base if s in (_OBLIQUE, _AMBIGUOUS) else w for w, (s, base) in zip(ws, found, strict=True)
    ]
    if double:
        out[-2:] = ["-".join(out[-2:])]
    return " ".join(out)


def _reads_as_a_man(
    ws: list[str],
    found: list[tuple[int, str]],
    table: NameInflections,
    *,
    man: bool = False,
    attested: Collection[str] = (),
) -> bool:
    """True when a name whose words all read two ways can only be a man's, declined:
    its given name as written is a woman's and reads as a man's ("Martina" and
    "Martin"), while its surname lacks the ending a woman's has where the language marks
    it (a woman would be "Martina Šimková", not "Martina Šimka") and has an ending of
    two letters or more that the tables pair with a man's ("mka" -> "mek", "енка" ->
    "енко"). A bare "-a" is not enough: "Roberta Metsola" and "Paula Badosa" are women,
    "Roberta Fica" is Robert Fico. ``man``: the article shows he is a man, so a bare
    "-a" will do, unless the article writes the surname with another ending the tables
    do not give ("Fico" beside "Fica", where they give only "Fic")."""
    endings = table.female_surname_endings
    if len(ws) < 2 or not endings:
        return False
    if ws[-1].lower().endswith(endings) and not man:
        # "Александра Демидова" is a woman, unless the article shows a man: then it is
        # Alexander Demidov's genitive, his surname in a case that ends as hers does.
        return False
    surname = table.last.match(ws[-1])
    if surname is None or (len(surname[0]) < 2 and not man):
        return False
    if len(surname[0]) < 2:
        # Another form of the surname with an ending the tables do not know may be its
        # base ("Fico" beside "Fica"); one they know is another case ("Horákem").
        stem, reading = ws[-1][: -len(surname[0])], found[-1][1]
        if any(
            w.startswith(stem)
            and len(w) <= len(stem) + 2
            and w not in (ws[-1], reading)
            and table.last.match(w) is None
            for w in attested
        ):
            return False
    first, (_, reading) = ws[0].lower(), found[0]
    return table.given_names.get(first) == "f" and table.given_names.get(reading.lower()) == "m"


def sure_bases(words: Iterable[str], table: NameInflections) -> frozenset[str]:
    """The base forms of the ``words`` that the surname table reads one way only, as
    oblique ("Koskisen" -> "Koskinen"): the article attests those surnames, so a form
    that reads two ways takes the one among them ("Jari Koskista", Koskinen's
    partitive), where alone it may be as written ("Fulgencio Batista") or another
    case of another name ("Orposta", from Orpo)."""
    out = set()
    for w in words:
        status, base = _word(w, table.last, ())
        if status == _OBLIQUE:
            out.add(base)
    return frozenset(out)


def _has_initial(form: str) -> bool:
    return any(len(w) <= 3 and w.endswith(".") and w[:1].isupper() for w in form.split())


def choose_name(
    forms: Sequence[str],
    subjects: Collection[str],
    table: NameInflections,
    *,
    woman: bool = False,
    man: bool = False,
) -> str:
    """The name of a person written as ``forms`` (in text order; ``subjects`` are the
    forms seen as the subject of a speech verb), in its base form; ``woman`` and
    ``man``: as for :func:`base_form`."""
    return choose_form(forms, subjects, table, woman=woman, man=man)[1]


def choose_form(
    forms: Sequence[str],
    subjects: Collection[str],
    table: NameInflections,
    *,
    woman: bool = False,
    man: bool = False,
    elsewhere: Collection[str] = (),
) -> tuple[str, str]:
    """(the form chosen as written, its base form): see :func:`choose_name`;
    ``elsewhere``: base forms the article attests for surnames besides the person's
    forms (:func:`sure_bases`)."""
    multi = [f for f in forms if len(f.split()) >= 2] or list(forms)
    attested = {w for f in forms for w in f.split()} | set(elsewhere)
    bases = {f: base_form(f, table, attested, woman=woman, man=man) for f in multi}
    best = min(
        multi,
        key=lambda f: (
            bases[f] != f,
            f not in subjects,
            -multi.count(f),
            _has_initial(f),
            len(f),
            multi.index(f),
        ),
    )
    return best, _with_subject_surname(bases[best], subjects, table)


def _with_subject_surname(name: str, subjects: Collection[str], table: NameInflections) -> str:
    """``name`` with its last word replaced by the surname alone that was the subject
    of a speech verb, where the tables read the last word both ways and the subject's
    word is another form of it that reads as a base: a subject stands in the
    nominative, so "Mart Kase" (Estonian genitive, "Kase sõnul") with "ütles Kask" is
    Mart Kask, a gradation the endings alone cannot undo."""
    ws = name.split()
    if len(ws) < 2:
        return name
    last = ws[-1]
    if _word(last, table.last, ())[0] != _AMBIGUOUS or any(
        _word(w, table.given, ())[0] not in (_NONE, _BASE) for w in ws[:-1]
    ):
        # (Where the given name may be declined too, "Roberta Fica", a new surname
        # alone would leave half the name in its case.)
        return name
    for subject in sorted(subjects):
        if (
            " " in subject
            or subject == last
            or not subject[:1].isupper()
            or abs(len(subject) - len(last)) > 1  # ("Kasemets" is another name)
        ):
            continue
        stem = min(len(subject), len(last)) - 1
        if (
            stem >= 3
            and subject[:stem] == last[:stem]
            and _word(subject, table.last, ())[0]
            in (
                _NONE,
                _BASE,
            )
        ):
            return " ".join([*ws[:-1], subject])
    return name
