"""The Data Package (v2) of an export run: ``datapackage.json`` describing every file
written, assembled from what each exporter declares about its files and from the size
and SHA-256 the staging recorded for each.

The sink that writes it closes after every other sink (``closes_last``), so every size
and hash it reads is final. Tabular files get their Table Schema from
``exporters.tables``; the files of a sub-folder (the TEI documents) are one resource
with a list of paths, whose ``bytes`` and ``hash`` are those of the concatenation (as
the standard defines them for several files) and whose ``files`` list keeps each
file's own size and hash, so that ``corpus verify`` names a changed file.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_tools.config import Config
from corpus_tools.exporters.tables import Table

if TYPE_CHECKING:
    from corpus_tools.io import Chains

PACKAGE = "datapackage.json"
# Data Package v2 (https://datapackage.org/); frictionless 5 reads it offline.
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

# Media types by file extension, for the files of exporters that declare none.
MEDIATYPES = {
    ".csv": "text/csv",
    ".json": "application/json",
    ".jsonl": "application/jsonl",
    ".md": "text/markdown",
    ".parquet": "application/vnd.apache.parquet",
    ".xml": "application/xml",
}
# Formats whose files have a more specific media type than their extension says.
FORMAT_MEDIATYPES = {"tei": "application/tei+xml"}

_PACKAGE_NAME_JUNK = re.compile(r"[^a-z0-9._-]+")
_LICENCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")
_RESOURCE_NAME_JUNK = re.compile(r"[^a-z0-9._-]+")


class Listing:
    """A list too long to hold (an entry per document): its entries are made again from
    their source each time it is read, and ``write_json`` writes them as they come."""

    def __init__(self, make: Callable[[], Iterator[Any]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Any]:
        return self._make()


def write_json(value: Any, write: Callable[[bytes], None]) -> None:
    """Write ``json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)`` and a
    line feed, encoded, a piece at a time: the entries of each ``Listing`` in ``value``
    are made and written one by one, never held."""
    _write_json(value, write, "\n", secrets.token_hex(8))
    write(b"\n")


def _write_json(value: Any, write: Callable[[bytes], None], pad: str, token: str) -> None:
    """``value`` as json.dumps indents it when it starts at the level of ``pad`` (a line
    feed and that level's indentation)."""
    listings: list[Listing] = []

    def hide(v: Any) -> Any:
        if isinstance(v, Listing):
            listings.append(v)
            return f"\x00{token}-{len(listings) - 1}\x00"
        if isinstance(v, dict):
            return {k: hide(x) for k, x in v.items()}
        if isinstance(v, list):
            return [hide(x) for x in v]
        return v

    # Line feeds in the text are its indentation alone: those within strings are escaped.
    text = json.dumps(hide(value), ensure_ascii=False, sort_keys=True, indent=2)
    text = text.replace("\n", pad)
    # The marks as json.dumps writes them (a NUL is always escaped), in text order:
    # sorted keys need not follow the order the listings were found in.
    marks = re.compile(r'"\\u0000' + token + r'-([0-9]+)\\u0000"')
    rest = text
    while found := marks.search(rest):
        before, listing, rest = rest[: found.start()], listings[int(found[1])], rest[found.end() :]
        write(before.encode("utf-8"))
        # Where the mark stood, json.dumps would have opened the list: its entries go one
        # level deeper than the line it opens on, its closing bracket on that level.
        line = (pad + before).rpartition("\n")[2]
        outer = "\n" + " " * (len(line) - len(line.lstrip(" ")))
        inner = outer + "  "
        opened = False
        for entry in listing:
            write(((",", "[")[not opened] + inner).encode("utf-8"))
            _write_json(entry, write, inner, token)
            opened = True
        write((outer + "]" if opened else "[]").encode("utf-8"))
    write(rest.encode("utf-8"))


@dataclass(frozen=True)
class Written:
    """The files of one export run: size and SHA-256 by path relative to the export
    folder, in the order staged, and the concatenations of the files of each folder."""

    out_dir: Path
    files: Mapping[str, tuple[int, str]]
    chains: Chains | None = None

    def of(self, owner: Any) -> list[str]:
        """The paths of the files ``owner`` (an exporter) owns, sorted."""
        return sorted(rel for rel in self.files if owner.owns(rel))

    def has(self, owner: Any) -> bool:
        """Whether ``owner`` (an exporter) owns any of the files."""
        return any(owner.owns(rel) for rel in self.files)

    def folder(self, name: str) -> tuple[Listing, int, str] | None:
        """The files given whole into sub-folder ``name`` (relative paths, in order, as
        a ``Listing``), the size and the SHA-256 of their concatenation."""
        if self.chains is None:
            return None
        found = self.chains.of(self.out_dir / name)
        if found is None:
            return None
        names, size, sha = found
        base = self.out_dir.as_posix().rstrip("/") + "/"

        def rels() -> Iterator[str]:
            for n in names():
                yield n[len(base) :] if n.startswith(base) else Path(n).as_posix()

        return Listing(rels), size, sha


@dataclass
class Facts:
    """What the data says about the corpus as a whole (counted as the rows pass)."""

    documents: int = 0
    paragraphs: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    first_date: str | None = None
    last_date: str | None = None

    def add(self, date: str, lang: str, paragraphs: int) -> None:
        """Count one document."""
        self.documents += 1
        self.paragraphs += paragraphs
        self.languages[lang] = self.languages.get(lang, 0) + 1
        if self.first_date is None or date < self.first_date:
            self.first_date = date
        if self.last_date is None or date > self.last_date:
            self.last_date = date

    def to_dict(self) -> dict[str, Any]:
        """The facts as written into ``datapackage.json`` (``corpus``)."""
        out: dict[str, Any] = {
            "documents": self.documents,
            "paragraphs": self.paragraphs,
            "languages": dict(sorted(self.languages.items())),
        }
        if self.first_date is not None:
            out["firstDate"] = self.first_date
            out["lastDate"] = self.last_date
        return out


def resource_name(rel: str) -> str:
    """A resource name from a path: lowercase letters, digits, '.', '_' and '-'."""
    return _RESOURCE_NAME_JUNK.sub("-", rel.lower()).strip("-._") or "file"


def mediatype_of(rel: str, format_name: str | None = None) -> str:
    """The media type of an export file."""
    if format_name in FORMAT_MEDIATYPES:
        return FORMAT_MEDIATYPES[format_name]
    return MEDIATYPES.get(Path(rel).suffix, "application/octet-stream")


def file_resource(
    name: str,
    rel: str,
    written: Written,
    *,
    title: str,
    description: str,
    mediatype: str | None = None,
    encoding: str | None = "utf-8",
    declare_bytes: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """A resource for one file, with its size and SHA-256."""
    size, sha = written.files[rel]
    out: dict[str, Any] = {
        "name": name,
        "path": rel,
        "title": title,
        "description": description,
        "format": Path(rel).suffix.lstrip(".") or "bin",
        "mediatype": mediatype or mediatype_of(rel),
        "hash": f"sha256:{sha}",
    }
    if declare_bytes:
        out["bytes"] = size
    if encoding is not None:
        out["encoding"] = encoding
    out.update(extra)
    return out


def table_resource(
    name: str, rel: str, written: Written, table: Table, **extra: Any
) -> dict[str, Any]:
    """A tabular resource for one file of ``table``."""
    return file_resource(
        name,
        rel,
        written,
        title=table.title,
        description=table.description,
        type="table",
        schema=table.table_schema(),
        **extra,
    )


def folder_resource(
    name: str, folder: str, written: Written, *, title: str, description: str, mediatype: str
) -> dict[str, Any] | None:
    """One resource for the files of sub-folder ``folder``: a list of paths, the size
    and hash of their concatenation, and each file's own (``files``)."""
    found = written.folder(folder)
    if found is None:
        return None
    chained, size, sha = found

    def rels() -> Iterator[str]:
        return (r for r in chained if r in written.files)

    first = next(rels(), None)
    if first is None:
        return None

    def files() -> Iterator[dict[str, Any]]:
        for r in rels():
            own_size, own_sha = written.files[r]
            yield {"path": r, "bytes": own_size, "hash": f"sha256:{own_sha}"}

    # Listings: a folder holds a file per document, too many to list in memory.
    return {
        "name": name,
        "path": Listing(rels),
        "title": title,
        "description": description,
        "format": Path(first).suffix.lstrip("."),
        "mediatype": mediatype,
        "encoding": "utf-8",
        "bytes": size,
        "hash": f"sha256:{sha}",
        "files": Listing(files),
    }


def describe_generic(exporter: Any, written: Written) -> list[dict[str, Any]]:
    """Resources for the files of an exporter that describes none itself: the files of
    each sub-folder as one resource, every other file as a resource of its own."""
    mine = written.of(exporter)
    out: list[dict[str, Any]] = []
    done: set[str] = set()
    for folder in exporter.subfolders:
        resource = folder_resource(
            resource_name(f"{exporter.name}-{folder}"),
            folder,
            written,
            title=f"{exporter.name}: {folder}/",
            description=f"{exporter.description} (the files of {folder}/).",
            mediatype=mediatype_of(folder, exporter.name),
        )
        if resource is not None:
            out.append(resource)
            done.update(resource["path"])
    for rel in mine:
        if rel in done:
            continue
        out.append(
            file_resource(
                resource_name(f"{exporter.name}-{rel}"),
                rel,
                written,
                title=f"{exporter.name}: {rel}",
                description=exporter.description,
                mediatype=mediatype_of(rel, exporter.name),
            )
        )
    return out


def licences(config: Config) -> list[dict[str, str]]:
    """The Data Package ``licenses`` of the corpus (empty when it is unknown)."""
    licence = config.licence.strip()
    if licence == "unknown" and not config.licence_url:
        return []
    entry: dict[str, str] = {"title": licence}
    identifier = licence_id(config)
    if identifier is not None:
        entry["name"] = identifier
    if config.licence_url:
        entry["path"] = config.licence_url
    return [entry] if "name" in entry or "path" in entry else []


def licence_id(config: Config) -> str | None:
    """An SPDX-style identifier from the licence name: "CC BY 4.0" -> "CC-BY-4.0"."""
    name = re.sub(r"\s+", "-", config.licence.strip())
    if name == "unknown" or not _LICENCE_ID.fullmatch(name):
        return None
    return name


def package_name(idno: str) -> str:
    """A Data Package name (lowercase letters, digits, '.', '_', '-') from the corpus idno."""
    return _PACKAGE_NAME_JUNK.sub("-", idno.lower()).strip("-._") or "corpus"


def package_descriptor(
    config: Config, resources: Iterable[dict[str, Any]], facts: Facts
) -> dict[str, Any]:
    """The ``datapackage.json`` content: the corpus, its resources and its facts."""
    contributors: list[dict[str, Any]] = [
        {"title": author.display_name(), "roles": ["author"], **author.package_extra()}
        for author in config.authors
    ]
    contributors.append({"title": config.publisher, "roles": ["publisher"]})
    descriptor: dict[str, Any] = {
        "$schema": PACKAGE_PROFILE,
        "name": package_name(config.idno),
        "id": config.idno,
        "title": config.title,
        "description": config.description
        or "Press articles of the corpus, in every format exported (see resources).",
        "contributors": contributors,
        # What the data says about the corpus (not a Data Package property; kept for
        # catalogues and `corpus package`, which dates its metadata from it).
        "corpus": facts.to_dict(),
        "resources": list(resources),
    }
    if config.keywords:
        descriptor["keywords"] = list(config.keywords)
    if config.homepage:
        descriptor["homepage"] = config.homepage
    if config.version:
        descriptor["version"] = config.version
    found = licences(config)
    if found:
        descriptor["licenses"] = found
    return descriptor
