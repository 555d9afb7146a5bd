"""Checks of written TEI that RELAX NG cannot make: pointers resolve, ids are unique."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from corpus_tools.exporters.tei.names import SCHEMA_PATH, XML_ID, tag
from corpus_tools.exporters.tei.read import TeiReadError, iterparse, safe_parser, source_line
from corpus_tools.schema import schema_dir

# TEI attributes that hold pointers; tokens starting with '#' must name an xml:id.
POINTER_ATTRIBUTES = (
    "ana",
    "copyOf",
    "corresp",
    "decls",
    "exclude",
    "facs",
    "next",
    "prev",
    "ref",
    "rendition",
    "resp",
    "sameAs",
    "select",
    "source",
    "synch",
    "target",
    "toWhom",
    "who",
)


@dataclass(frozen=True, slots=True)
class TeiProblem:
    """A finding of ``check_tei_references``: where, and what is wrong."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        loc = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{loc}: {self.message}"


# Pointers and ids ------------------------------------------------------------------------


def _defined_here(seen: dict[str, int], index: int, repeated: set[str], target: str) -> bool:
    """True when ``target`` is an xml:id of file number ``index``."""
    packed = seen.get(target)
    return (packed is not None and packed >> 32 == index) or target in repeated


def check_tei_references(sources: Iterable[Path | str | bytes]) -> list[TeiProblem]:
    """Check every ``#id`` pointer resolves in its file and ``xml:id``s are unique.

    ``sources`` are the files of one view of the corpus: either ``corpus.tei.xml`` or
    the ``tei/<id>.xml`` files; ids must be unique across all of them. ``@next`` and
    ``@prev`` must also agree (A next B exactly when B prev A). Problems are returned,
    never raised; a file that cannot be parsed is one problem.
    """
    problems: list[TeiProblem] = []
    labels: list[str] = []
    # id -> file index and line, packed in one int: millions of ids stay affordable.
    seen: dict[str, int] = {}

    def where(packed: int) -> str:
        line = packed & 0xFFFFFFFF
        return labels[packed >> 32] + (f":{line}" if line else "")

    for index, source in enumerate(sources):
        label = f"<bytes #{index}>" if isinstance(source, bytes) else str(source)
        labels.append(label)
        repeated: set[str] = set()  # ids of this file first defined in an earlier one
        pointers: list[tuple[int | None, str, str]] = []
        links: dict[str, dict[str, tuple[int | None, str]]] = {"next": {}, "prev": {}}

        try:
            root: etree._Element | None = None
            for _, event, el in iterparse(source, ("start", "end")):
                if root is None:
                    root = el
                if event == "end":
                    if el.getparent() is root and el.tag == tag("TEI"):
                        el.clear()  # keep memory flat over a large corpus file
                        while el.getprevious() is not None:
                            del root[0]
                    continue
                line = source_line(el)
                xml_id = el.get(XML_ID)
                if xml_id is not None:
                    if xml_id in seen:
                        problems.append(
                            TeiProblem(
                                label,
                                line,
                                f"xml:id {xml_id!r} is already used at {where(seen[xml_id])}",
                            )
                        )
                        repeated.add(xml_id)
                    else:
                        seen[xml_id] = (index << 32) | (line or 0)
                for attr in POINTER_ATTRIBUTES:
                    value = el.get(attr)
                    if value is None:
                        continue
                    pointers.extend((line, attr, t[1:]) for t in value.split() if t[:1] == "#")
                    if xml_id is not None and attr in links:
                        links[attr][xml_id] = (line, value)
        except TeiReadError as exc:
            # libxml2 also refuses a repeated xml:id in one file; reported above already.
            dup = re.search(r"\bID (\S+) already defined", exc.message)
            if not (dup and dup.group(1) in repeated):
                problems.append(TeiProblem(label, exc.line, exc.message))
            continue
        for line, attr, target in pointers:
            if not _defined_here(seen, index, repeated, target):
                problems.append(
                    TeiProblem(
                        label, line, f"@{attr} points to #{target}, which no element here has"
                    )
                )
        for attr, back in (("next", "prev"), ("prev", "next")):
            for source_id, (line, value) in links[attr].items():
                target = value.removeprefix("#")
                if (
                    _defined_here(seen, index, repeated, target)
                    and links[back].get(target, (None, ""))[1] != f"#{source_id}"
                ):
                    problems.append(
                        TeiProblem(
                            label,
                            line,
                            f"#{source_id} has @{attr}={value} but #{target} has no @{back}=#{source_id}",
                        )
                    )
    return problems


@functools.cache
def corpus_tei_schema() -> etree.RelaxNG:
    """The project's RELAX NG schema of its TEI (``schema/tei/corpus-tei.rng``), compiled once."""
    path = schema_dir().joinpath(*SCHEMA_PATH)
    return etree.RelaxNG(etree.parse(str(path), safe_parser()))
