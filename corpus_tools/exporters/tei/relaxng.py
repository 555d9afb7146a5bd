"""A RELAX NG schema that validates in two steps, with the verdict of libxml2.

libxml2 compiles the regular expression of a ``pattern`` parameter again for every
value it checks, which is most of the cost of validating a rendered TEI document (about
four fifths with the project's schema, whose ids all carry patterns). So a schema is
compiled twice: as written, and without the pattern parameters whose place in a
document is known (an attribute of a named element, or a named element's text) and
whose expression translates to Python's ``re`` exactly or more strictly.

A document is valid when the schema without those patterns accepts it and every value
in one of those places matches all of that place's patterns, as a whole and already in
its normalised form. Anything else goes to the schema as written, which gives the
verdict and the error log; a translation that is stricter than XML Schema only sends
more documents that way, never lets an invalid one through.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

_RNG = "http://relaxng.org/ns/structure/1.0"
_XSD_TYPES = "http://www.w3.org/2001/XMLSchema-datatypes"
_XML = "http://www.w3.org/XML/1998/namespace"

# The attributes with one fixed value that an element's definition requires, as
# (Clark name, value) pairs: what tells apart definitions of elements of one name.
Key = tuple[tuple[str, str], ...]
# Where a value sits in a document: an element's Clark name, its definition's key, and
# an attribute's Clark name (or None for the element's text).
Place = tuple[str, Key, str | None]

# RELAX NG features that make a place unknowable from the grammar alone (another
# grammar's definitions, a file read from elsewhere): such a schema is not split.
_UNSPLIT = frozenset({"include", "externalRef", "parentRef"})
# Between a pattern and its place: the value is not the whole attribute or text.
_OPAQUE = frozenset({"list", "except", "start", "grammar"})
# XML Schema types that keep white space as written; "normalizedString" turns tabs and
# line ends into spaces; every other type collapses white space.
_PRESERVE = frozenset({"string"})
_REPLACE = frozenset({"normalizedString"})

# XML Schema escapes of one character, as Python writes them in and out of classes.
_SINGLE = {"n": "\\n", "r": "\\r", "t": "\\t"}
_SINGLE.update({c: re.escape(c) for c in "\\|.-^?*+{}()[]"})
_XSD_SPACE = " \\t\\n\\r"


class _Untranslatable(Exception):
    """An expression outside the part of XML Schema's syntax translated here."""


def translate(pattern: str) -> str:
    """Python ``re`` syntax that matches no string the XML Schema regular expression
    ``pattern`` rejects (to be used with ``fullmatch``); _Untranslatable otherwise."""
    out: list[str] = []
    i, n = 0, len(pattern)
    depth = 0
    while i < n:
        c = pattern[i]
        if c == "\\":
            esc, i = _escape(pattern, i, in_class=False, negated=False)
            out.append(esc)
            continue
        if c == "[":
            cls, i = _char_class(pattern, i)
            out.append(cls)
            continue
        if c == ".":
            out.append("[^\\n\\r]")
        elif c == "(":
            depth += 1
            out.append("(?:")
        elif c == ")":
            depth -= 1
            if depth < 0:
                raise _Untranslatable(pattern)
            out.append(")")
        elif c in "|?*+":
            out.append(c)
        elif c == "{":
            end = pattern.find("}", i)
            if end < 0 or not re.fullmatch(r"[0-9]+(,[0-9]*)?", pattern[i + 1 : end]):
                raise _Untranslatable(pattern)
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        elif c in "]}":
            raise _Untranslatable(pattern)
        else:
            # Not special in XML Schema but special in Python: ^ and $ among them.
            out.append(re.escape(c))
        i += 1
    if depth:
        raise _Untranslatable(pattern)
    return "".join(out)


def _escape(pattern: str, i: int, *, in_class: bool, negated: bool) -> tuple[str, int]:
    """The escape at ``pattern[i]`` (a backslash) and the index after it."""
    if i + 1 >= len(pattern):
        raise _Untranslatable(pattern)
    c = pattern[i + 1]
    if c in _SINGLE:
        return _SINGLE[c], i + 2
    if c == "s":
        return (_XSD_SPACE if in_class else f"[{_XSD_SPACE}]"), i + 2
    if c == "S":
        if not in_class:
            return f"[^{_XSD_SPACE}]", i + 2
        # Python's \S leaves out more than XML Schema's (all Unicode white space): in a
        # class that is not negated, that only accepts less.
        if not negated:
            return "\\S", i + 2
    if c == "d" and not negated:
        # ASCII digits: a subset of XML Schema's \d (every decimal digit in Unicode).
        return ("0-9" if in_class else "[0-9]"), i + 2
    raise _Untranslatable(pattern)


def _char_class(pattern: str, i: int) -> tuple[str, int]:
    """The character class opening at ``pattern[i]`` and the index after it."""
    i += 1
    negated = pattern[i : i + 1] == "^"
    if negated:
        i += 1
    items: list[str] = []
    first = True
    while i < len(pattern):
        c = pattern[i]
        if c == "]" and not first:
            return "[" + ("^" if negated else "") + "".join(items) + "]", i + 1
        first = False
        if c == "[" or (c == "-" and pattern[i + 1 : i + 2] == "["):
            raise _Untranslatable(pattern)  # subtraction, or a nested class
        if c == "\\":
            esc, i = _escape(pattern, i, in_class=True, negated=negated)
            items.append(esc)
            continue
        if c == "-":
            # A literal hyphen only first or last in XML Schema; a range otherwise.
            at_edge = not items or pattern[i + 1 : i + 2] == "]"
            items.append("\\-" if at_edge else "-")
        else:
            items.append(re.escape(c))
        i += 1
    raise _Untranslatable(pattern)


# What is checked of one attribute (or None: the text): the XML Schema white-space rule
# of its type, and its patterns' fullmatch.
_Value = tuple[str | None, str, tuple[Callable[[str], re.Match[str] | None], ...]]


@dataclass(frozen=True)
class _Check:
    """The Python side of the patterns taken out of a schema."""

    # By element name: each definition key's values to check.
    places: dict[str, tuple[tuple[Key, tuple[_Value, ...]], ...]]

    def holds(self, tree: etree._ElementTree) -> bool:
        """True when every value in a known place matches all of its patterns."""
        places = self.places
        for el in tree.getroot().iter(*places):
            tag = el.tag
            assert isinstance(tag, str)
            for key, values in places[tag]:
                if key and not _keyed(el, key):
                    continue
                for attr, rule, matchers in values:
                    if attr is None:
                        if len(el):
                            return False  # comments or children: libxml2 decides
                        value = el.text or ""
                    else:
                        got = el.get(attr)
                        if got is None:
                            continue
                        value = got
                    if rule != "preserve" and not _normalised(value, rule):
                        return False
                    for fullmatch in matchers:
                        if fullmatch(value) is None:
                            return False
        return True


def _keyed(el: etree._Element, key: Key) -> bool:
    """True when ``el`` may be of a definition with ``key``. A value RELAX NG compares
    as a token matches whatever its white space: Python's split() takes more as white
    space than XML, so an element is checked against more definitions, never fewer."""
    for attr, fixed in key:
        got = el.get(attr)
        if got is None or " ".join(got.split()) != fixed:
            return False
    return True


def _normalised(value: str, rule: str) -> bool:
    """True when ``value`` is as the type's white-space rule (replace or collapse)
    leaves it."""
    if "\t" in value or "\n" in value or "\r" in value:
        return False
    return rule == "replace" or (value == value.strip(" ") and "  " not in value)


class Validator:
    """A compiled RELAX NG schema: ``validate`` and ``error_log`` as lxml's.

    ``two_step``: also compile the schema without the patterns checked in Python (see
    the module's docstring). Worth it for a small schema whose documents carry many
    patterned values, as the project's does; a large one such as ``tei_all.rng``
    takes longer to compile twice than its patterns cost."""

    # Documents the quick path may send on to the full schema, in a row, before it is
    # given up: a schema whose valid documents it never accepts only costs time.
    _GIVE_UP = 16

    def __init__(self, grammar: etree._ElementTree, *, two_step: bool = False) -> None:
        self._full = etree.RelaxNG(grammar)
        self._quick: etree.RelaxNG | None = None
        self._check: _Check | None = None
        self._missed = 0
        split = _split(grammar) if two_step else None
        if split is not None:
            quick, check = split
            try:
                self._quick = etree.RelaxNG(quick)
            except etree.RelaxNGParseError:
                return  # the schema as written is all there is
            self._check = check

    @property
    def two_step(self) -> bool:
        """True while the quick path is in use."""
        return self._quick is not None

    def validate(self, tree: etree._ElementTree) -> bool:
        """True when ``tree`` is valid; after False, ``error_log`` says why."""
        if self._quick is not None and self._check is not None:
            if self._quick.validate(tree) and self._check.holds(tree):
                self._missed = 0
                return True
            valid = bool(self._full.validate(tree))
            if valid:
                self._missed += 1
                if self._missed >= self._GIVE_UP:
                    self._quick = self._check = None
            return valid
        return bool(self._full.validate(tree))

    @property
    def error_log(self) -> etree._ListErrorLog:
        """The errors of the last ``validate`` that returned False."""
        return self._full.error_log


def _split(grammar: etree._ElementTree) -> tuple[etree._ElementTree, _Check] | None:
    """The grammar without the patterns checked in Python, and that check; None when
    no pattern can be taken out."""
    tree = copy.deepcopy(grammar)
    root = tree.getroot()
    rng = f"{{{_RNG}}}"
    if any(el.tag == rng + name for name in _UNSPLIT for el in root.iter(rng + name)):
        return None
    if sum(1 for _ in root.iter(rng + "grammar")) != 1:
        return None
    refs: dict[str, list[etree._Element]] = {}
    for ref in root.iter(rng + "ref"):
        refs.setdefault(ref.get("name", ""), []).append(ref)
    patterns: dict[Place, list[re.Pattern[str]]] = {}
    spaces: dict[Place, str] = {}
    for data in list(root.iter(rng + "data")):
        params = [p for p in data.iterchildren(rng + "param") if p.get("name") == "pattern"]
        if len(params) != 1 or _inherited(data, "datatypeLibrary") != _XSD_TYPES:
            continue
        try:
            pattern = re.compile(translate(params[0].text or ""))
        except (_Untranslatable, re.error):
            continue
        try:
            where = _places(data, None, refs, set())
        except _Untranslatable:
            continue
        if where is None:
            continue
        rule = _space_rule(data.get("type", ""))
        for place in where:
            patterns.setdefault(place, []).append(pattern)
            spaces[place] = rule if spaces.get(place, rule) == rule else "collapse"
        data.remove(params[0])
    if not patterns:
        return None
    places: dict[str, dict[Key, list[_Value]]] = {}
    for place, found in patterns.items():
        element, key, attr = place
        matchers = tuple(p.fullmatch for p in found)
        places.setdefault(element, {}).setdefault(key, []).append((attr, spaces[place], matchers))
    return tree, _Check(
        {e: tuple((k, tuple(v)) for k, v in by_key.items()) for e, by_key in places.items()}
    )


def _space_rule(xsd_type: str) -> str:
    if xsd_type in _PRESERVE:
        return "preserve"
    return "replace" if xsd_type in _REPLACE else "collapse"


def _places(
    node: etree._Element,
    attr: str | None,
    refs: dict[str, list[etree._Element]],
    seen: set[tuple[str, str | None]],
) -> set[Place] | None:
    """The places of the values that the pattern below ``node`` constrains, or None
    when they cannot be told (an unnamed element, a list, an ``except``)."""
    rng = f"{{{_RNG}}}"
    cur = node.getparent()
    while cur is not None:
        kind = cur.tag[len(rng) :] if isinstance(cur.tag, str) and cur.tag.startswith(rng) else ""
        if kind in _OPAQUE or kind == "":
            return None  # "": foreign markup, not RELAX NG's
        if kind == "attribute":
            name = cur.get("name")
            if attr is not None or name is None:
                return None
            attr = _qname(cur, name, cur.get("ns", ""))
        elif kind == "element":
            name = cur.get("name")
            if name is None:
                return None
            return {(_qname(cur, name, _inherited(cur, "ns") or ""), _key(cur), attr)}
        elif kind == "define":
            key = (cur.get("name", ""), attr)
            if key in seen:
                return set()
            seen.add(key)
            out: set[Place] = set()
            for ref in refs.get(key[0], []):
                found = _places(ref, attr, refs, seen)
                if found is None:
                    return None
                out |= found
            return out
        cur = cur.getparent()
    return None


def _key(element: etree._Element) -> Key:
    """The attributes of a RELAX NG ``element`` with one fixed token each, required
    (children of the element itself, not optional); values holding white space are left
    out (see ``_keyed``)."""
    rng = f"{{{_RNG}}}"
    key: list[tuple[str, str]] = []
    for attribute in element.iterchildren(rng + "attribute"):
        name = attribute.get("name")
        content = [c for c in attribute if isinstance(c.tag, str)]
        if name is None or len(content) != 1 or content[0].tag != rng + "value":
            continue
        value = content[0]
        fixed = value.text or ""
        if value.get("type") not in (None, "token", "string") or fixed != "".join(fixed.split()):
            continue
        if value.get("type") == "string" and fixed == "":
            continue
        try:
            key.append((_qname(attribute, name, attribute.get("ns", "")), fixed))
        except _Untranslatable:
            continue
    return tuple(sorted(key))


def _qname(node: etree._Element, name: str, default_ns: str) -> str:
    """``name`` of a RELAX NG ``element`` or ``attribute`` in Clark notation."""
    prefix, colon, local = name.partition(":")
    if not colon:
        return f"{{{default_ns}}}{name}" if default_ns else name
    ns = _XML if prefix == "xml" else node.nsmap.get(prefix)
    if ns is None:
        raise _Untranslatable(name)
    return f"{{{ns}}}{local}"


def _inherited(node: etree._Element, name: str) -> str | None:
    """The nearest value of RELAX NG attribute ``name`` on ``node`` or above it."""
    cur: etree._Element | None = node
    while cur is not None:
        value = cur.get(name)
        if value is not None:
            return value
        cur = cur.getparent()
    return None
