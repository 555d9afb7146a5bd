"""Archive packages: ``package`` makes a BagIt bag of a corpus (its exports, seeds,
schemas, ``corpus.toml`` and the metadata archives and catalogues read: RO-Crate,
``CITATION.cff``, Croissant), and ``verify`` checks the fixity of a bag or of an export
folder against its ``datapackage.json``.

Every date in the metadata comes from the data (the newest seed's date), never from
the clock; only the bag's own ``Bagging-Date`` is the day it was made. Findings are
data: ``verify`` returns a ``Report`` whose findings name each changed, missing or extra
file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus_tools import api
from corpus_tools._version import __version__
from corpus_tools.config import Author, Config, load_config
from corpus_tools.diagnostics import Diagnostic, Report
from corpus_tools.errors import UsageError
from corpus_tools.exporters.datapackage import PACKAGE, licence_id
from corpus_tools.inputs import SEEDS_DIR, discover
from corpus_tools.locking import STATE_DIR
from corpus_tools.paths import CONFIG_NAME, corpus_root
from corpus_tools.schema import schema_dir

CITATION = "CITATION.cff"
CROISSANT = "croissant.json"
RO_CRATE = "ro-crate-metadata.json"
TOOL_URL = "https://pypi.org/project/corpus-tools/"
_CHUNK = 1 << 20


@dataclass
class PackageResult:
    """What ``package`` did: its findings (an export refused for errors), the bag."""

    report: Report
    out: Path
    refused: bool = False
    files: list[str] = field(default_factory=list)


def _require_metadata(config: Config) -> None:
    missing = [
        name
        for name, value in (("description", config.description), ("authors", config.authors))
        if not value
    ]
    if missing:
        raise UsageError(
            f"corpus package needs {' and '.join(missing)} in corpus.toml [corpus]: the "
            "citation and archive metadata require them (see schema/corpus.schema.json), "
            'e.g. description = "…" and [[corpus.authors]] with given_names and '
            "family_names, or name"
        )


def _rocrate() -> Any:
    try:
        import rocrate.rocrate
    except ImportError as exc:
        raise UsageError(
            "corpus package needs the rocrate library; install it with: "
            "python3 -m pip install 'corpus-tools[package]'"
        ) from exc
    return rocrate.rocrate


def package(
    root: Path | str | None,
    out: Path | str,
    *,
    jobs: int | None = None,
    cache: bool = True,
) -> PackageResult:
    """Make a BagIt bag at ``out`` (a new or empty folder) holding the corpus at
    ``root``: a fresh export in the formats it tracks (with csv, whose Data Package
    catalogues every file), its seeds, the schemas, ``corpus.toml``, ``CITATION.cff``,
    ``croissant.json`` and ``ro-crate-metadata.json``. Nothing lands at ``out`` unless
    the whole bag was made; a corpus with errors is not packaged (``refused``)."""
    import bagit

    root = corpus_root(Path(root) if root is not None else None)
    config = load_config(root)
    _require_metadata(config)
    rocrate = _rocrate()
    out = Path(out)
    for folder in (api.EXPORTS_DIR, SEEDS_DIR):
        if out.resolve().is_relative_to((root / folder).resolve()):
            raise UsageError(
                f"--out {out}: inside {folder}/, which corpus validate checks (the bag "
                "would be read as part of the corpus): make it outside, e.g. ../bag"
            )
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"--out {out}: not an empty folder; corpus package makes a new bag")
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f".{out.name}.corpus-package-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        formats = sorted(set(api.tracked_formats(config)) | {"csv"})
        result = api.export(root, formats, work / "exports", jobs=jobs, cache=cache)
        if result.refused:
            return PackageResult(result.report, out, refused=True)
        shutil.rmtree(work / STATE_DIR, ignore_errors=True)  # the export's lock
        for seed in discover([root / SEEDS_DIR], root):
            _copy(seed, work / SEEDS_DIR / seed.name)
        for path in sorted(schema_dir().rglob("*")):
            if path.is_file():
                _copy(path, work / "schema" / path.relative_to(schema_dir()))
        _copy(root / CONFIG_NAME, work / CONFIG_NAME)
        # The source metadata table is an input of the exports as the seeds are.
        table = root / config.metadata_table
        if table.is_file():
            _copy(table, work / config.metadata_table)
        facts = json.loads((work / "exports" / PACKAGE).read_text(encoding="utf-8"))
        (work / CITATION).write_text(citation_cff(config, facts), encoding="utf-8")
        (work / CROISSANT).write_text(
            _dumps(croissant(config, facts, work / "exports")), encoding="utf-8"
        )
        write_ro_crate(rocrate, config, facts, work)
        bagit.make_bag(str(work), bag_info=_bag_info(config, facts), checksums=["sha256"])
        with contextlib.suppress(FileNotFoundError):
            out.rmdir()
        os.replace(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    return PackageResult(result.report, out, files=files)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _last_date(facts: dict[str, Any]) -> str | None:
    value = facts.get("corpus", {}).get("lastDate")
    return str(value) if value else None


def _bag_info(config: Config, facts: dict[str, Any]) -> dict[str, str]:
    info = {
        "Source-Organization": config.publisher,
        "External-Identifier": config.idno,
        "External-Description": config.description or config.title,
        "Bag-Group-Identifier": config.idno,
        "Contact-Name": config.authors[0].display_name(),
        "Bag-Software-Agent": f"corpus-tools {__version__}",
    }
    if config.authors[0].email:
        info["Contact-Email"] = config.authors[0].email
    last = _last_date(facts)
    if last:
        # The data's own date; Bagging-Date (the day the bag was made) is bagit's.
        info["Date"] = last
    return info


# --- CITATION.cff ----------------------------------------------------------------------


def _yaml(value: str) -> str:
    """A YAML scalar: a JSON string is a YAML double-quoted scalar."""
    return json.dumps(value, ensure_ascii=False)


def _cff_author(author: Author) -> list[str]:
    fields: list[tuple[str, str | None]] = [
        ("name", author.name),
        ("given-names", author.given_names),
        ("family-names", author.family_names),
        ("affiliation", author.affiliation),
        ("email", author.email),
        ("orcid", author.orcid),
    ]
    present = [(k, v) for k, v in fields if v]
    lines = []
    for i, (key, value) in enumerate(present):
        lines.append(f"{'  - ' if i == 0 else '    '}{key}: {_yaml(value)}")
    return lines


def citation_cff(config: Config, facts: dict[str, Any]) -> str:
    """``CITATION.cff`` (Citation File Format 1.2.0) of the corpus as a dataset."""
    lines = [
        "cff-version: 1.2.0",
        'message: "If you use this corpus, please cite it as below."',
        "type: dataset",
        f"title: {_yaml(config.title)}",
    ]
    if config.description:
        lines.append(f"abstract: {_yaml(config.description)}")
    lines.append("authors:")
    for author in config.authors:
        lines.extend(_cff_author(author))
    if config.version:
        lines.append(f"version: {_yaml(config.version)}")
    last = _last_date(facts)
    if last:
        lines.append(f"date-released: {last}")
    identifier = licence_id(config)
    if identifier is not None:
        lines.append(f"license: {identifier}")
    if config.homepage:
        lines.append(f"url: {_yaml(config.homepage)}")
    if config.keywords:
        lines.append("keywords:")
        lines.extend(f"  - {_yaml(k)}" for k in config.keywords)
    lines.append("identifiers:")
    lines.append("  - type: other")
    lines.append(f"    value: {_yaml(config.idno)}")
    lines.append(f"    description: {_yaml('Identifier of the corpus (corpus.toml idno)')}")
    return "\n".join(lines) + "\n"


# --- Croissant -------------------------------------------------------------------------

_CROISSANT_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
_CROISSANT_TYPES = {
    "string": "sc:Text",
    "integer": "sc:Integer",
    "number": "sc:Float",
    "boolean": "sc:Boolean",
    "date": "sc:Date",
    "array": "sc:Text",
}


def croissant(config: Config, facts: dict[str, Any], exports: Path) -> dict[str, Any]:
    """Croissant 1.0 metadata (JSON-LD) of the corpus: its CSV tables as file objects
    (with their SHA-256) and one record set per table, each field read from its
    column."""
    from corpus_tools.exporters.csv_tables import CSV_TABLES

    distribution = []
    record_sets = []
    for resource in facts.get("resources", []):
        if resource.get("format") != "csv":
            continue
        name = resource["name"]
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": f"{name}-csv",
                "name": f"{name}-csv",
                "description": resource.get("description", ""),
                "contentUrl": f"exports/{resource['path']}",
                "encodingFormat": "text/csv",
                "sha256": resource["hash"].removeprefix("sha256:"),
                "contentSize": f"{resource['bytes']} B",
            }
        )
    tables = {t.name: t for t in CSV_TABLES}
    for item in distribution:
        table = tables.get(str(item["name"]).removesuffix("-csv"))
        if table is None:
            continue
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": table.name,
                "name": table.name,
                "description": table.description,
                "key": [{"@id": f"{table.name}/{k}"} for k in table.primary_key],
                "field": [
                    {
                        "@type": "cr:Field",
                        "@id": f"{table.name}/{c.name}",
                        "name": f"{table.name}/{c.name}",
                        "description": c.description,
                        "dataType": _CROISSANT_TYPES[c.type],
                        "source": {
                            "fileObject": {"@id": item["@id"]},
                            "extract": {"column": c.name},
                        },
                    }
                    for c in table.columns
                ],
            }
        )
    out: dict[str, Any] = {
        "@context": _CROISSANT_CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": config.idno,
        "alternateName": config.title,
        "description": config.description or config.title,
        "url": config.homepage or f"urn:corpus:{config.idno}",
        "license": config.licence_url or config.licence,
        "creator": [_person_or_org(a) for a in config.authors],
        "publisher": {"@type": "sc:Organization", "name": config.publisher},
        "citeAs": _cite_as(config, facts),
        "keywords": list(config.keywords),
        "inLanguage": sorted(facts.get("corpus", {}).get("languages", {})),
        "distribution": distribution,
        "recordSet": record_sets,
    }
    if config.version:
        out["version"] = config.version
    last = _last_date(facts)
    if last:
        out["datePublished"] = last
        first = facts.get("corpus", {}).get("firstDate")
        out["temporalCoverage"] = f"{first}/{last}"
    return out


def _person_or_org(author: Author) -> dict[str, Any]:
    if author.name and not author.family_names:
        return {"@type": "sc:Organization", "name": author.name}
    out: dict[str, Any] = {"@type": "sc:Person", "name": author.display_name()}
    if author.given_names:
        out["givenName"] = author.given_names
    if author.family_names:
        out["familyName"] = author.family_names
    if author.orcid:
        out["@id"] = author.orcid
    if author.affiliation:
        out["affiliation"] = {"@type": "sc:Organization", "name": author.affiliation}
    return out


def _cite_as(config: Config, facts: dict[str, Any]) -> str:
    """A plain-text citation: authors, title, year, publisher."""
    names = "; ".join(a.display_name() for a in config.authors)
    year = (_last_date(facts) or "")[:4]
    return f"{names}. {config.title}" + (f" ({year})" if year else "") + f". {config.publisher}."


# --- RO-Crate --------------------------------------------------------------------------


def write_ro_crate(rocrate: Any, config: Config, facts: dict[str, Any], work: Path) -> None:
    """``ro-crate-metadata.json`` (RO-Crate 1.1) in ``work``, through the rocrate
    library: the corpus as the root dataset, its files, licence, authors, and the tool
    (corpus-tools and its version) that made the exports."""
    from rocrate.model.contextentity import ContextEntity
    from rocrate.model.person import Person

    crate = rocrate.ROCrate(version="1.1")
    root = crate.root_dataset
    root["name"] = config.title
    root["description"] = config.description or config.title
    root["identifier"] = config.idno
    last = _last_date(facts)
    # datePublished is the newest seed's date: nothing in the crate comes from the clock.
    root["datePublished"] = last or "1970-01-01"
    if config.keywords:
        root["keywords"] = list(config.keywords)
    languages = sorted(facts.get("corpus", {}).get("languages", {}))
    if languages:
        root["inLanguage"] = languages
    licence = crate.add(
        ContextEntity(
            crate,
            config.licence_url or f"#licence-{licence_id(config) or 'unknown'}",
            properties={"@type": "CreativeWork", "name": config.licence},
        )
    )
    root["license"] = licence
    authors = []
    for i, author in enumerate(config.authors, start=1):
        identifier = author.orcid or f"#author-{i}"
        kind = "Organization" if author.name and not author.family_names else "Person"
        props: dict[str, Any] = {"@type": kind, "name": author.display_name()}
        if author.affiliation:
            props["affiliation"] = author.affiliation
        authors.append(crate.add(Person(crate, identifier, properties=props)))
    root["author"] = authors
    publisher = crate.add(
        ContextEntity(
            crate, "#publisher", properties={"@type": "Organization", "name": config.publisher}
        )
    )
    root["publisher"] = publisher
    tool = crate.add(
        ContextEntity(
            crate,
            TOOL_URL,
            properties={
                "@type": "SoftwareApplication",
                "name": "corpus-tools",
                "version": __version__,
                "url": TOOL_URL,
            },
        )
    )
    for rel in _payload_files(work):
        crate.add_file(
            source=None,
            dest_path=rel,
            properties={
                "name": rel,
                "contentSize": str((work / rel).stat().st_size),
                "sha256": _sha256(work / rel),
                "encodingFormat": _format_of(rel),
            },
        )
    action = crate.add(
        ContextEntity(
            crate,
            "#export",
            properties={
                "@type": "CreateAction",
                "name": "corpus export",
                "instrument": {"@id": tool.id},
                "result": [{"@id": "exports/"}],
            },
        )
    )
    root["mentions"] = [action]
    crate.add_dataset(source=None, dest_path="exports/", properties={"name": "exports"})
    crate.metadata.write(str(work))


def _payload_files(work: Path) -> Iterator[str]:
    for path in sorted(work.rglob("*")):
        if path.is_file() and path.name != RO_CRATE:
            yield path.relative_to(work).as_posix()


def _format_of(rel: str) -> str:
    from corpus_tools.exporters.datapackage import mediatype_of

    if rel.endswith(".txt"):
        return "text/plain"
    if rel.endswith(".toml"):
        return "application/toml"
    if rel.endswith(".cff"):
        return "application/yaml"
    if rel.endswith(".rng"):
        return "application/xml"
    return mediatype_of(rel, "tei" if rel.startswith("exports/tei/") else None)


def _sha256(path: Path) -> str:
    return _digest(path, "sha256")


# --- verify ----------------------------------------------------------------------------


def verify(path: Path | str) -> Report:
    """The fixity of a BagIt bag (its manifests) or of an export folder (its
    ``datapackage.json``): a ``fixity-changed``, ``fixity-missing`` or ``fixity-extra``
    finding for each file that differs. Raises ``UsageError`` when ``path`` is neither."""
    path = Path(path)
    if (path / "bagit.txt").is_file():
        return _verify_bag(path)
    if (path / PACKAGE).is_file():
        return _verify_exports(path, path.as_posix())
    raise UsageError(
        f"{path}: neither a BagIt bag (bagit.txt) nor an export folder (datapackage.json)"
    )


def _verify_bag(path: Path) -> Report:
    """Each file of the bag's manifests (payload and tag files) against its hash, each
    payload file against the manifests, then bagit's own validation (structure,
    Payload-Oxum) when every file is intact."""
    import bagit

    shown = path.as_posix()
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as exc:
        return Report([Diagnostic("fixity-changed", f"{shown}/bagit.txt", f"not a bag: {exc}")])
    found: list[Diagnostic] = []
    entries: dict[str, dict[str, str]] = dict(bag.entries)
    for rel, hashes in sorted(entries.items()):
        target = path / rel
        if not target.is_file():
            found.append(
                Diagnostic(
                    "fixity-missing",
                    f"{shown}/{rel}",
                    "the manifest lists the file, which is missing",
                )
            )
            continue
        algorithm = "sha512" if "sha512" in hashes else "sha256"
        expected = hashes.get(algorithm)
        if expected is None:
            continue  # recorded with an algorithm this check does not use
        actual = _digest(target, algorithm)
        if actual != expected.lower():
            found.append(
                Diagnostic(
                    "fixity-changed",
                    f"{shown}/{rel}",
                    f"{algorithm} is {actual}, the manifest says {expected}",
                )
            )
    for rel in sorted(bag.payload_files()):
        if rel not in entries:
            found.append(Diagnostic("fixity-extra", f"{shown}/{rel}", "the file is in no manifest"))
    if not found:
        try:
            bag.validate(processes=1)
        except bagit.BagValidationError as exc:
            found.append(Diagnostic("fixity-changed", shown, str(exc)))
    files = sum(1 for _ in bag.payload_files())
    return Report(sorted(found, key=lambda d: (d.file, d.code)), files=files)


def _digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _verify_exports(folder: Path, shown: str) -> Report:
    try:
        descriptor = json.loads((folder / PACKAGE).read_text(encoding="utf-8"))
        resources = descriptor["resources"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return Report([Diagnostic("fixity-changed", f"{shown}/{PACKAGE}", f"unreadable: {exc}")])
    listed: dict[str, tuple[int | None, str | None]] = {}
    for resource in resources:
        for rel, size, sha in _resource_files(resource):
            listed[rel] = (size, sha)
    found: list[Diagnostic] = []
    for rel, (size, sha) in sorted(listed.items()):
        target = folder / rel
        if not target.is_file():
            found.append(
                Diagnostic(
                    "fixity-missing",
                    f"{shown}/{rel}",
                    f"{PACKAGE} lists the file, which is missing",
                )
            )
            continue
        actual_size = target.stat().st_size
        if size is not None and actual_size != size:
            found.append(
                Diagnostic(
                    "fixity-changed",
                    f"{shown}/{rel}",
                    f"{actual_size} bytes, {PACKAGE} says {size}",
                )
            )
            continue
        if sha is not None and _sha256(target) != sha:
            found.append(
                Diagnostic(
                    "fixity-changed", f"{shown}/{rel}", f"the SHA-256 differs from {PACKAGE}'s"
                )
            )
    for rel in _present(folder):
        if rel not in listed and rel != PACKAGE:
            found.append(
                Diagnostic("fixity-extra", f"{shown}/{rel}", f"the file is not in {PACKAGE}")
            )
    return Report(sorted(found, key=lambda d: (d.file, d.code)), files=len(listed))


def _resource_files(resource: dict[str, Any]) -> Iterator[tuple[str, int | None, str | None]]:
    def sha(value: Any) -> str | None:
        return str(value).removeprefix("sha256:") if isinstance(value, str) else None

    path = resource.get("path")
    if isinstance(path, str):
        yield path, resource.get("bytes"), sha(resource.get("hash"))
    elif isinstance(path, list):
        parts = {p.get("path"): p for p in resource.get("files", []) if isinstance(p, dict)}
        for rel in path:
            part = parts.get(rel, {})
            yield rel, part.get("bytes"), sha(part.get("hash"))


def _present(folder: Path) -> Sequence[str]:
    """Every file below ``folder`` but dot-files (locks, temporaries) and dot-folders."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        for name in sorted(filenames):
            if not name.startswith("."):
                out.append((base / name).relative_to(folder).as_posix())
    return out
