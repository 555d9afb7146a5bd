"""The Schematron rules embedded in a TEI RELAX NG schema, such as ``tei_all.rng``.

A TEI schema carries its constraints as ISO Schematron patterns inside the grammar
(``sch:pattern`` in the ``http://purl.oclc.org/dsdl/schematron`` namespace, as the TEI
Stylesheets extract them). Their tests need XPath 2 (``eq``, ``tokenize``, ``xs:``
casts), which lxml's XSLT 1 Schematron cannot run, so the patterns are compiled here to
one XSLT 3.0 stylesheet in the manner of the ISO skeleton and SchXslt (a mode per
pattern; in each, the first rule whose context matches a node fires, as Schematron
says) and run by Saxon-HE through ``saxonche``, an optional dependency
(``pip install 'corpus-tools[schematron]'``). Nothing is fetched: the stylesheet is made
from the schema given.

Saxon-HE has no line numbers, so each failed assertion reports ``path()`` of its node,
which is then looked up in the file as lxml parsed it for the line.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from corpus_tools.config import ConfigError
from corpus_tools.errors import UsageError
from corpus_tools.exporters.tei.names import RNG_NS
from corpus_tools.exporters.tei.read import safe_parser, source_line

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
PACKAGE = "saxonche"
# Roles that say a finding is advice rather than an error (ISO Schematron leaves roles
# free; these are the ones TEI uses, and the usual SVRL ones).
_WARNING_ROLES = frozenset({"warning", "warn", "nonfatal", "info", "information"})
# The element the stylesheet writes per failed assertion or successful report.
_FOUND = "found"
# A step of an XPath 3 path(): an element as Q{uri}local[n] (the URI may hold "/"), or
# another node (@name, text()[n], comment()[n] ...).
_STEPS = re.compile(r"/(?:Q\{(?P<ns>[^}]*)\}(?P<local>[^\[/]+)\[(?P<n>[0-9]+)\]|(?P<other>[^/]+))")


@dataclass(frozen=True, slots=True)
class Finding:
    """One failed assertion (or successful report): where, what, and how bad."""

    line: int | None
    message: str
    warning: bool
    pattern: str


def require_saxon(option: str = "--tei-schematron") -> None:
    """Refuse with a usage error naming the package when saxonche is not installed."""
    if importlib.util.find_spec(PACKAGE) is None:
        raise UsageError(
            f"{option} needs the {PACKAGE} package (Saxon-HE, for the XPath 2 the rules "
            f"use), which is not installed; install it with: pip install "
            f"'corpus-tools[schematron]' (or pip install {PACKAGE})"
        )


def _q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def _attr(value: str) -> str:
    """An attribute value in double quotes, escaped; line breaks and tabs kept as
    references, so that a test reads exactly as written in the schema."""
    for plain, escaped in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("\n", "&#10;"),
        ("\r", "&#13;"),
        ("\t", "&#9;"),
    ):
        value = value.replace(plain, escaped)
    return f'"{value}"'


def _text_node(value: str | None) -> str:
    if not value:
        return ""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<xsl:text>{escaped}</xsl:text>"


def stylesheet(schema: Path) -> bytes:
    """The XSLT 3.0 stylesheet that runs every Schematron pattern embedded in the RELAX
    NG schema (or Schematron schema) at ``schema``; ConfigError when it has none or
    cannot be read. Written as text, as the exporters write XML."""
    try:
        tree = etree.parse(str(schema), safe_parser())
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ConfigError(str(schema), f"not a usable schema: {exc}") from exc
    root = tree.getroot()
    patterns = list(root.iter(_q(SCH_NS, "pattern")))
    if not patterns:
        raise ConfigError(
            str(schema),
            "holds no Schematron pattern (sch:pattern in the ISO Schematron namespace); "
            "give a TEI schema with embedded rules, such as tei_all.rng",
        )
    namespaces = {"xsl": XSL_NS}
    for ns in root.iter(_q(SCH_NS, "ns")):
        prefix, uri = ns.get("prefix"), ns.get("uri")
        if prefix and uri and prefix != "xsl" and re.fullmatch(r"[A-Za-z_][\w.-]*", prefix):
            namespaces[prefix] = uri
    declared = "".join(f" xmlns:{p}={_attr(u)}" for p, u in namespaces.items())
    out = [f'<xsl:stylesheet version="3.0"{declared}>', '<xsl:output method="xml" indent="no"/>']
    # Lets of the schema and of patterns are global variables, evaluated on the document.
    for let in [*root.iterchildren(_q(SCH_NS, "let")), *_pattern_lets(patterns)]:
        out.append(f"<xsl:variable name={_attr(let.get('name', ''))} select={_attr(_value(let))}/>")
    main = "".join(f'<xsl:apply-templates select="/" mode="p{i}"/>' for i in range(len(patterns)))
    out.append(f'<xsl:template match="/"><findings>{main}</findings></xsl:template>')
    for i, pattern in enumerate(patterns):
        mode = f"p{i}"
        name = pattern.get("id") or f"pattern {i + 1}"
        rules = [r for r in pattern.iter(_q(SCH_NS, "rule")) if r.get("context")]
        for j, rule in enumerate(rules):
            if rule.get("abstract") == "true" or rule.find(_q(SCH_NS, "extends")) is not None:
                raise ConfigError(
                    str(schema), f"pattern {name}: abstract rules and sch:extends are not supported"
                )
            body = [
                f"<xsl:variable name={_attr(let.get('name', ''))} select={_attr(_value(let))}/>"
                for let in rule.iterchildren(_q(SCH_NS, "let"))
            ]
            for test in rule:
                if test.tag not in (_q(SCH_NS, "assert"), _q(SCH_NS, "report")):
                    continue
                condition = test.get("test", "false()")
                if test.tag == _q(SCH_NS, "assert"):
                    condition = f"not({condition})"
                role = test.get("role") or rule.get("role") or pattern.get("role") or ""
                body.append(
                    f"<xsl:if test={_attr(condition)}><{_FOUND} pattern={_attr(name)} "
                    f'role={_attr(role)} path="{{path(.)}}">{_message(test)}</{_FOUND}></xsl:if>'
                )
            body.append(f'<xsl:apply-templates select="@*|node()" mode="{mode}"/>')
            out.append(
                f'<xsl:template match={_attr(rule.get("context", ""))} mode="{mode}" '
                f'priority="{len(rules) - j}">{"".join(body)}</xsl:template>'
            )
        # Nodes no rule matches: walk on, writing nothing.
        out.append(
            f'<xsl:template match="/|*" mode="{mode}" priority="-9">'
            f'<xsl:apply-templates select="@*|node()" mode="{mode}"/></xsl:template>'
        )
        out.append(
            '<xsl:template match="text()|@*|comment()|processing-instruction()" '
            f'mode="{mode}" priority="-9"/>'
        )
    out.append("</xsl:stylesheet>")
    return "\n".join(out).encode("utf-8")


def _pattern_lets(patterns: list[etree._Element]) -> list[etree._Element]:
    return [let for p in patterns for let in p.iterchildren(_q(SCH_NS, "let"))]


def _value(let: etree._Element) -> str:
    # A let without @value holds its value as content; TEI's always have @value.
    return let.get("value") or "()"


def _message(test: etree._Element) -> str:
    """The text of an assertion, with ``value-of`` and ``name`` evaluated."""
    parts = [_text_node(test.text)]
    for child in test:
        if child.tag == _q(SCH_NS, "value-of"):
            parts.append(f"<xsl:value-of select={_attr(child.get('select', '.'))}/>")
        elif child.tag == _q(SCH_NS, "name"):
            path = child.get("path") or "."
            parts.append(f"<xsl:value-of select={_attr(f'name({path})')}/>")
        elif isinstance(child.tag, str):
            # emph, dir, span: their text counts.
            parts.append(_text_node(_text(child)))
        parts.append(_text_node(child.tail))
    return "".join(parts)


def _text(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


@functools.cache
def schema_key(schema: Path) -> str:
    """What identifies a schema's content (RELAX NG or the rules embedded in it): the
    SHA-256 of its file and of every file it includes (:func:`schema_files`). Cached:
    verdict keys are made for every file judged."""
    digest = hashlib.sha256()
    for path in schema_files(schema):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(str(path), f"cannot read the TEI schema: {exc.strerror}") from exc
        digest.update(f"{path.name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


def schema_files(schema: Path) -> tuple[Path, ...]:
    """A RELAX NG schema and the local files it includes (``include`` and
    ``externalRef``, followed in turn), in the order met: a verdict or a report that
    depends on the schema depends on all of them. A file that cannot be read or
    parsed is listed as it is (reading it fails later with its own message)."""
    out: list[Path] = []
    todo = [schema]
    while todo:
        path = todo.pop(0)
        if path in out:
            continue
        out.append(path)
        try:
            root = etree.parse(str(path), safe_parser()).getroot()
        except (OSError, etree.XMLSyntaxError):
            continue
        for el in root.iter(f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef"):
            href = el.get("href") or ""
            if href and "://" not in href:
                todo.append((path.parent / href).resolve())
    return tuple(out)


@functools.cache
def _processor() -> Any:
    from saxonche import PySaxonProcessor  # type: ignore[import-not-found, unused-ignore]

    return PySaxonProcessor(license=False)


@functools.cache
def _executable(schema: Path) -> Any:
    text = stylesheet(schema).decode("utf-8")
    compiler = _processor().new_xslt30_processor()
    try:
        return compiler.compile_stylesheet(stylesheet_text=text)
    except Exception as exc:  # saxonche raises PySaxonApiError, a plain Exception
        raise ConfigError(str(schema), f"its Schematron rules do not compile: {exc}") from exc


def compile_rules(schema: Path) -> None:
    """Compile the rules of ``schema`` now (a ConfigError names what is wrong)."""
    require_saxon()
    _executable(schema)


def check(source: Path | bytes, schema: Path) -> list[Finding]:
    """The Schematron findings on one XML file (its path or bytes): each with the line
    of the node it is about. A file that cannot be parsed is one finding."""
    try:
        tree = (
            etree.ElementTree(etree.fromstring(source, safe_parser()))
            if isinstance(source, bytes)
            else etree.parse(str(source), safe_parser())
        )
    except (OSError, etree.XMLSyntaxError) as exc:
        line = getattr(exc, "lineno", None)
        return [Finding(line or None, f"cannot be parsed: {exc}", False, "")]
    info: Any = tree.docinfo
    if info.doctype or info.internalDTD is not None:
        return [
            Finding(1, "a DOCTYPE declaration is not allowed; the rules were not run", False, "")
        ]
    root = tree.getroot()
    processor = _processor()
    executable = _executable(schema)
    try:
        # No DOCTYPE (refused above), so nothing external can be resolved: Saxon reads
        # the file as it is.
        node = (
            processor.parse_xml(xml_text=source.decode("utf-8"))
            if isinstance(source, bytes)
            else processor.parse_xml(xml_file_name=str(source))
        )
        result = executable.transform_to_string(xdm_node=node)
    except Exception as exc:  # PySaxonApiError: a dynamic error in a rule, say
        return [Finding(None, f"the Schematron rules could not be run: {exc}", False, "")]
    findings: list[Finding] = []
    for found in etree.fromstring(result.encode("utf-8"), safe_parser()).iter(_FOUND):
        message = " ".join(_text(found).split())
        findings.append(
            Finding(
                _line(root, found.get("path", "")),
                message,
                found.get("role", "").strip().lower() in _WARNING_ROLES,
                found.get("pattern", ""),
            )
        )
    return findings


def _line(root: etree._Element, path: str) -> int | None:
    """The line of the element an XPath ``path()`` names (of an attribute or text node:
    of its element)."""
    el: etree._Element | None = None
    for m in _STEPS.finditer(path):
        if m["other"] is not None:
            break  # an attribute, text or other node: its element's line
        clark = _q(m["ns"], m["local"]) if m["ns"] else m["local"]
        if el is None:
            if root.tag != clark:
                break
            el = root
            continue
        children = list(el.iterchildren(clark))
        index = int(m["n"])
        if index > len(children):
            break
        el = children[index - 1]
    return source_line(el) if el is not None else None
