"""The base (nominative) form of a body's name written in an oblique case.

Languages that decline nouns name a speaking body after a preposition in the case the
preposition needs: "сообщили в департаменте транспорта", "розповіли в Міністерстві
культури", "паведамілі ў Магілёўскім аблвыканкаме". The speaker is the body in its
base form ("департамент транспорта", "Міністерство культури", "Магілёўскі
аблвыканкам"), as a personal name is (:mod:`corpus_tools.annotate.names`).

The language's ``body_inflections`` table (``annotate/data/<lang>.json``) holds two
lists of [oblique ending, base ending, gender] entries: ``nouns`` for the head noun
(the first word of the phrase the ``bodies`` list knows as written or with an entry's
ending made its base: "камітэце", "laitoksen") and ``adjectives`` for the
words before it, which agree with the head in the gender its entry gives. The longest
ending a word has decides (an ending of four letters or more may be the whole word:
"раді"); a head noun no entry fits leaves the phrase as written
(only the preposition before it goes), and so do the words after the head, which are
its complement in the genitive ("транспорта", "культури").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

# A word keeps at least this many letters before its ending.
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class BodyInflections:
    """The ending tables of one language: (oblique, base, gender), longest ending first."""

    nouns: tuple[tuple[str, str, str], ...] = ()
    adjectives: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    def build(cls, data: Mapping[str, Iterable[Sequence[str]]] | None) -> BodyInflections:
        """Compile the ``body_inflections`` value of a language file."""

        def entries(key: str) -> tuple[tuple[str, str, str], ...]:
            rows = [(o.lower(), b.lower(), g) for o, b, g in (data or {}).get(key, [])]
            return tuple(sorted(rows, key=lambda r: -len(r[0])))

        return cls(entries("nouns"), entries("adjectives"))


NO_BODY_INFLECTIONS = BodyInflections()


def _rewrite(word: str, oblique: str, base: str) -> str:
    """``word`` with its ending ``oblique`` replaced by ``base``, its case kept."""
    stem = word[: len(word) - len(oblique)]
    return stem + (base.upper() if word[-len(oblique) :].isupper() and base else base)


def _ending(
    word: str, table: tuple[tuple[str, str, str], ...], gender: str | None
) -> tuple[str, str, str] | None:
    low = word.lower()
    for row in table:
        # An ending of four letters or more may be the whole word ("раді", "думе").
        if (gender is None or row[2] == gender) and (
            low.endswith(row[0]) and (len(low) - len(row[0]) >= _MIN_STEM or len(row[0]) >= 4)
        ):
            # A word that ends with a longer base ending of the table is in its base
            # form already: "управление" is no oblique "-е" of "управлени".
            if any(
                b and len(b) > len(row[0]) and low.endswith(b) and (gender is None or g == gender)
                for _, b, g in table
            ):
                return None
            return row
    return None


def base_body(
    phrase: str,
    table: BodyInflections,
    *,
    is_body: Callable[[str], bool],
    is_preposition: Callable[[str], bool],
    head_last: bool = False,
) -> str:
    """The body ``phrase`` names in its base form: a preposition that opens it dropped,
    the head noun and the adjectives before it given their base endings. ``is_body``
    and ``is_preposition`` test a lower-cased word against the language's lists;
    ``head_last``: the language ends a noun phrase with its head, so the words after
    it are dropped."""
    tokens = phrase.split()
    if len(tokens) >= 2 and is_preposition(tokens[0].lower()):
        tokens = tokens[1:]
    if not table.nouns:
        return " ".join(tokens)

    def names_body(word: str) -> bool:
        # As written, or a head the list knows in its base form only ("камітэце",
        # "laitoksen").
        row = _ending(word, table.nouns, None)
        return is_body(word.lower()) or (
            row is not None and is_body(_rewrite(word, row[0], row[1]).lower())
        )

    heads = [k for k, w in enumerate(tokens) if names_body(w)]
    if not heads:
        return " ".join(tokens)
    head = heads[0]
    if head_last:
        # Where a noun phrase ends with its head, its last body noun is the head
        # ("Meteoroloji Genel Müdürlüğü"), and words in lower case after it are the
        # clause's ("Bakanlığından yapılan yazılı açıklamada"), no part of the name.
        head = heads[-1]
        if all(w.islower() for w in tokens[head + 1 :]):
            tokens = tokens[: head + 1]
    noun = _ending(tokens[head], table.nouns, None)
    if noun is None:
        return " ".join(tokens)
    out = list(tokens)
    out[head] = _rewrite(tokens[head], noun[0], noun[1])
    for k in range(head):
        adjective = _ending(tokens[k], table.adjectives, noun[2])
        if adjective is not None:
            out[k] = _rewrite(tokens[k], adjective[0], adjective[1])
    return " ".join(out)
