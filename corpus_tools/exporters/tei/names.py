"""The names the TEI modules share: namespaces, files, id patterns and measure units."""

from __future__ import annotations

import re

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CORPUS_FILE = "corpus.tei.xml"
DOC_DIR = "tei"
SCHEMA_PATH = ("tei", "corpus-tei.rng")  # under the schema folder
XENO_TYPE = "application/json"

NS = {"t": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
DOC_FILE = re.compile(r"^[0-9]{3,}_[0-9a-f]{16}\.xml$")
# \Z, not $: "$" also matches before a final line feed, which an xml:id cannot hold.
DOC_ID = re.compile(r"^(?P<seq>[0-9]{3,})_(?P<hash>[0-9a-f]{16})\Z")
QUOTE_ID = re.compile(r"^q[1-9][0-9]*\Z")
PART_ID = re.compile(r"^doc-(?P<doc>.+)-(?P<q>q[1-9][0-9]*)(?:-(?P<k>[2-9]|[1-9][0-9]+))?$")
CONVERTER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9._-]*) (?P<version>[0-9]+(?:\.[0-9]+){0,3})")
PERSON_ID = re.compile(r"^person[1-9][0-9]*\Z")
# The local part of a rendition's id: how a quotation is set off (see render.renditions).
RENDITION_ID = re.compile(r"^(?:dash|marks(?P<k>[1-9][0-9]*)?)\Z")
# The extent's measures, in order; "quotation" counts the speech quotations only.
MEASURES = ("paragraph", "word", "character", "quotation")
# The element of each quotation type, and back.
TYPE_ELEMENTS = {"speech": "said", "title": "title", "name": "name", "term": "soCalled"}
ELEMENT_TYPES = {element: kind for kind, element in TYPE_ELEMENTS.items()}


def tag(local: str) -> str:
    """The Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{local}"
