"""The two-step RELAX NG validator gives libxml2's verdict on every document."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree

from corpus_tools.config import Config
from corpus_tools.exporters import EXPORTERS
from corpus_tools.exporters.tei import project_schema_path, safe_parser
from corpus_tools.exporters.tei.relaxng import Validator, translate
from corpus_tools.seeds.reader import read_seed

GOLD = Path(__file__).parent / "gold"
RNG = "http://relaxng.org/ns/structure/1.0"
XSD = "http://www.w3.org/2001/XMLSchema-datatypes"


def _schema(pattern: str, data_type: str = "string") -> etree._ElementTree:
    """One element ``v`` whose attribute ``a`` and text carry ``pattern``."""
    escaped = pattern.replace("&", "&amp;").replace("<", "&lt;")
    data = f'<data type="{data_type}"><param name="pattern">{escaped}</param></data>'
    text = (
        f'<grammar xmlns="{RNG}" datatypeLibrary="{XSD}"><start><element name="v">'
        f'<attribute name="a">{data}</attribute>{data}</element></start></grammar>'
    )
    return etree.ElementTree(etree.fromstring(text))


def _doc(value: str) -> etree._ElementTree:
    v = etree.Element("v", a=value)
    v.text = value
    return etree.ElementTree(v)


@pytest.mark.parametrize(
    ("pattern", "translated"),
    [
        ("doc-[0-9]{3,}_[0-9a-f]{16}", r"doc\-[0-9]{3,}_[0-9a-f]{16}"),
        (r"[^\s](.*[^\s])?", r"[^ \t\n\r](?:[^\n\r]*[^ \t\n\r])?"),
        (r"\S+", r"[^ \t\n\r]+"),
        ("a$^b", r"a\$\^b"),
        (r"\d{2}", "[0-9]{2}"),
        ("[a-]x", r"[a\-]x"),
    ],
)
def test_translation(pattern: str, translated: str) -> None:
    assert translate(pattern) == translated


# Each pattern with values on both sides of it, and values where XML Schema and Python
# read the expression differently (\r for ".", Unicode digits and spaces, "$" and "^").
CASES = [
    ("doc-[0-9]{3,}_[0-9a-f]{16}", ["doc-001_0123456789abcdef", "doc-01_0123456789abcdef"]),
    (r"[^\s](.*[^\s])?", ["a", "a b", " a", "a\rb", "a\u00a0", "\u00a0", "a\tb", ""]),
    (r"\{.*\}", ["{}", "{a}", "{a\rb}", "{a\nb}", "x{}"]),
    (r"\S+", ["abc", "a\u2003b", "a b", "\u00a0"]),
    (r"\d+", ["123", "\u0661\u0662", "1a"]),
    (r"[^\d]", ["a", "1", "\u0661"]),
    ("a$^b", ["a$^b", "ab"]),
    (r"[^\p{C}\p{Z}]", ["«", " ", "\u200b", "ab"]),
    ("0|[1-9][0-9]*", ["0", "10", "01", ""]),
    ("[a-c-]+", ["ab-", "d"]),
    (r"(ab|c){2}", ["abc", "cab", "abab", "ab"]),
    # White space a type collapses or replaces before its patterns are checked.
    ("a  b", ["a  b", "a b"]),
    (" ?x ?", [" x", "x", "x "]),
    ("a\tb|a b", ["a\tb", "a b"]),
]


@pytest.mark.parametrize(("pattern", "values"), CASES)
@pytest.mark.parametrize("data_type", ["string", "token", "normalizedString"])
def test_same_verdict_as_libxml2(pattern: str, values: list[str], data_type: str) -> None:
    grammar = _schema(pattern, data_type)
    full = etree.RelaxNG(grammar)
    two_step = Validator(grammar, two_step=True)
    for value in values:
        for padded in (value, f" {value}", f"{value}  ", value.replace("", " ")[1:-1]):
            doc = _doc(padded)
            assert two_step.validate(doc) == bool(full.validate(doc)), (pattern, padded)


def test_invalid_documents_get_libxml2s_errors() -> None:
    grammar = _schema("[0-9]+")
    two_step = Validator(grammar, two_step=True)
    assert not two_step.validate(_doc("x1"))
    assert "a" in str(two_step.error_log) or "v" in str(two_step.error_log)
    assert two_step.validate(_doc("12"))


def test_a_pattern_of_an_unnamed_element_stays_with_libxml2() -> None:
    text = (
        f'<grammar xmlns="{RNG}" datatypeLibrary="{XSD}"><start><element><anyName/>'
        '<attribute name="a"><data type="string"><param name="pattern">[0-9]+</param>'
        "</data></attribute></element></start></grammar>"
    )
    two_step = Validator(etree.ElementTree(etree.fromstring(text)), two_step=True)
    assert two_step.validate(etree.ElementTree(etree.Element("x", a="12")))
    assert not two_step.validate(etree.ElementTree(etree.Element("x", a="1x")))


def test_definitions_of_one_name_are_told_apart_by_fixed_attributes() -> None:
    text = (
        f'<grammar xmlns="{RNG}" datatypeLibrary="{XSD}"><start><element name="r">'
        '<element name="idno"><attribute name="type"><value>n</value></attribute>'
        '<data type="string"><param name="pattern">[0-9]+</param></data></element>'
        '<element name="idno"><attribute name="type"><value>h</value></attribute>'
        '<data type="string"><param name="pattern">[a-f]+</param></data></element>'
        "</element></start></grammar>"
    )
    grammar = etree.ElementTree(etree.fromstring(text))
    two_step = Validator(grammar, two_step=True)
    full = etree.RelaxNG(grammar)
    good = etree.fromstring('<r><idno type="n">12</idno><idno type=" h ">ab</idno></r>')
    swapped = etree.fromstring('<r><idno type="n">ab</idno><idno type="h">12</idno></r>')
    assert two_step.validate(etree.ElementTree(good))
    assert full.validate(good)
    assert not two_step.validate(etree.ElementTree(swapped))
    assert two_step._check is not None
    assert two_step._check.holds(
        etree.ElementTree(etree.fromstring('<r><idno type="n">1</idno></r>'))
    )


def _gold_tei(count: int) -> list[bytes]:
    config = Config()
    out: list[bytes] = []
    for path in sorted(GOLD.glob("*.txt"))[:count]:
        doc = read_seed(path, GOLD, config).document
        assert doc is not None
        out.append(EXPORTERS["tei"].render(doc, config)[0])
    return out


def test_rendered_documents_take_the_quick_path_and_mutations_get_libxml2s_verdict() -> None:
    grammar = etree.parse(str(project_schema_path()), safe_parser())
    full = etree.RelaxNG(grammar)
    two_step = Validator(grammar, two_step=True)
    assert two_step._quick is not None
    assert two_step._check is not None
    edits = [
        lambda s: s + " ",
        lambda s: " " + s,
        lambda s: s + "x",
        lambda s: s[:-1],
        lambda s: "",
        lambda s: s.replace("-", "--", 1),
        lambda s: s + "\t",
        lambda s: s + "\u0663",
        lambda s: s.upper(),
        lambda s: s + "\r",
        lambda s: s[:3] + "  " + s[3:],
        lambda s: "#" + s,
        lambda s: s.lstrip("#"),
        lambda s: s + "\u00a0",
    ]
    rnd = random.Random(7)
    changed = invalid = 0
    for data in _gold_tei(40):
        tree = etree.ElementTree(etree.fromstring(data))
        # Every rendered document is valid without going to the full schema.
        assert two_step._quick.validate(tree)
        assert two_step._check.holds(tree)
        assert full.validate(tree)
        count = sum(1 for _ in tree.getroot().iter("*"))
        for _ in range(25):
            copy = etree.ElementTree(etree.fromstring(data))
            el = list(copy.getroot().iter("*"))[rnd.randrange(count)]
            edit = rnd.choice(edits)
            if el.attrib and rnd.random() < 0.7:
                name = rnd.choice(sorted(el.attrib))
                el.set(name, edit(el.get(name) or ""))
            elif len(el) == 0:
                el.text = edit(el.text or "")
            else:
                continue
            changed += 1
            verdict = bool(full.validate(copy))
            invalid += not verdict
            assert two_step.validate(copy) == verdict, etree.tostring(el)
    assert changed > 500
    assert invalid > 100


def test_a_quick_path_that_never_accepts_is_given_up() -> None:
    # "\d" is read as ASCII digits in Python: Arabic-Indic ones, valid in XML Schema,
    # always go on to the full schema. After sixteen in a row the quick path goes.
    two_step = Validator(_schema(r"\d+"), two_step=True)
    for _ in range(15):
        assert two_step.validate(_doc("\u0661\u0662"))
    assert two_step.two_step
    assert two_step.validate(_doc("\u0661\u0662"))
    assert not two_step.two_step
    assert two_step.validate(_doc("12"))
    assert not two_step.validate(_doc("1x"))


def test_only_the_project_schema_is_split() -> None:
    from corpus_tools.exporters.tei import compile_schema, corpus_tei_schema

    assert corpus_tei_schema().two_step
    assert not compile_schema(project_schema_path()).two_step
