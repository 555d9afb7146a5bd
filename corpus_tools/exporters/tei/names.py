"""The names the TEI modules share: namespaces, files, id patterns and measure units."""

from __future__ import annotations

import re

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CORPUS_FILE = "corpus.tei.xml"
DOC_DIR = "tei"
SCHEMA_PATH = ("tei", "corpus-tei.rng")  # under the schema folder
# The project schema as shipped in the export folder, which every TEI file's
# <?xml-model?> points to (relative to the file).
SCHEMA_FILE = "corpus-tei.rng"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
# What a TEI document's xml:id puts before the document's id (an xml:id cannot start
# with a digit); its file name is the xml:id too, as in ParlaMint.
DOC_PREFIX = "doc-"
XENO_TYPE = "application/json"

NS = {"t": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
DOC_FILE = re.compile(r"^doc-(?P<id>[0-9]{3,}_[0-9a-f]{16})\.xml\Z")
# The file names of earlier versions (the bare id): still owned, so that an export
# removes them and validation reports them as extra.
OLD_DOC_FILE = re.compile(r"^(?P<id>[0-9]{3,}_[0-9a-f]{16})\.xml\Z")
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


def doc_file(doc_id: str) -> str:
    """The file name of document ``doc_id`` in ``tei/``: its xml:id and ``.xml``."""
    return f"{DOC_PREFIX}{doc_id}.xml"


def file_document(name: str) -> str | None:
    """The id of the document whose ``tei/`` file is named ``name`` (in this version's
    naming or an earlier one), or None for any other name."""
    m = DOC_FILE.match(name) or OLD_DOC_FILE.match(name)
    return m["id"] if m else None


def xml_model(href: str) -> bytes:
    """The ``<?xml-model?>`` processing instruction pointing at the project's schema."""
    return (
        f'<?xml-model href="{href}" type="application/xml" schematypens="{RNG_NS}"?>\n'
    ).encode()


def tag(local: str) -> str:
    """The Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{local}"
