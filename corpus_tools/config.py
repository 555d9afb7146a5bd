"""Corpus metadata and settings: ``corpus.toml``, checked against its schema."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus_tools.errors import UsageError
from corpus_tools.paths import CONFIG_NAME


class ConfigError(UsageError):
    """corpus.toml cannot be used: the run cannot proceed (exit code 2)."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        loc = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{loc}: error[config-invalid] {self.message}"


@dataclass(frozen=True, slots=True)
class Author:
    """An author of the corpus (``[[corpus.authors]]``): a person (given and family
    names) or a body (``name``), as citation and archive metadata need them."""

    name: str | None = None
    given_names: str | None = None
    family_names: str | None = None
    orcid: str | None = None
    affiliation: str | None = None
    email: str | None = None

    def display_name(self) -> str:
        """The name as written in a list of authors."""
        if self.name:
            return self.name
        return " ".join(n for n in (self.given_names, self.family_names) if n)

    def package_extra(self) -> dict[str, str]:
        """The Data Package contributor properties besides the title."""
        out = {
            "givenName": self.given_names,
            "familyName": self.family_names,
            "email": self.email,
            "organization": self.affiliation,
            "path": self.orcid,
        }
        return {k: v for k, v in out.items() if v}

    def to_dict(self) -> dict[str, str]:
        """The author as in ``corpus.toml`` (absent fields left out)."""
        out = {
            "name": self.name,
            "given_names": self.given_names,
            "family_names": self.family_names,
            "orcid": self.orcid,
            "affiliation": self.affiliation,
            "email": self.email,
        }
        return {k: v for k, v in out.items() if v}


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a run needs to know about the corpus."""

    title: str = "Untitled corpus"
    publisher: str = "unknown"
    licence: str = "unknown"
    licence_url: str | None = None
    idno: str = "corpus"
    default_lang: str | None = None
    # The languages documents may be in (BCP 47); empty: any the model knows.
    languages: tuple[str, ...] = ()
    earliest_date: str = "1900-01-01"
    max_seed_bytes: int = 1_048_576
    max_paragraph_chars: int = 50_000
    source: str | None = None
    exports_tracked: bool = True
    # The export formats the corpus keeps ([exports] formats); None: every format.
    export_formats: tuple[str, ...] | None = None
    # Metadata of the corpus as a publication, for the Data Package, the dataset card
    # and the archive package (`corpus package`).
    description: str | None = None
    keywords: tuple[str, ...] = ()
    authors: tuple[Author, ...] = ()
    homepage: str | None = None
    version: str | None = None
    # Policy rules' severities by code ("off", "warning", "error").
    rules: tuple[tuple[str, str], ...] = ()
    # Per-file suppressions: (glob over report paths, codes, reason).
    ignore: tuple[tuple[str, tuple[str, ...], str], ...] = ()
    # The source metadata table, relative to the corpus root ([metadata] table).
    metadata_table: str = "metadata.csv"

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain data (used in cache keys and reports)."""
        return {
            "title": self.title,
            "publisher": self.publisher,
            "licence": self.licence,
            "licence_url": self.licence_url,
            "idno": self.idno,
            "default_lang": self.default_lang,
            "languages": list(self.languages),
            "earliest_date": self.earliest_date,
            "max_seed_bytes": self.max_seed_bytes,
            "max_paragraph_chars": self.max_paragraph_chars,
            "exports_tracked": self.exports_tracked,
            "export_formats": list(self.export_formats) if self.export_formats else None,
            "description": self.description,
            "keywords": list(self.keywords),
            "authors": [a.to_dict() for a in self.authors],
            "homepage": self.homepage,
            "version": self.version,
            "rules": dict(self.rules),
            "ignore": [[files, list(codes), reason] for files, codes, reason in self.ignore],
            "metadata_table": self.metadata_table,
        }


_DEFAULTS = Config()
_AUTHOR_FIELDS = frozenset(Author.__dataclass_fields__)


def load_config(root: Path) -> Config:
    """Read ``corpus.toml`` under ``root``; defaults where the file is absent."""
    # Imported here: a run answered from a snapshot never reads corpus.toml.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    from corpus_tools.schema import check

    path = root / CONFIG_NAME
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(CONFIG_NAME, f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        # tomllib gives the position only inside its message before Python 3.14.
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(m.group(1)) if m else None
        raise ConfigError(CONFIG_NAME, f"not valid TOML: {exc}", line) from exc
    problem = check(data, "corpus.schema.json")
    if problem is not None:
        where = problem.pointer.lstrip("/").replace("/", ".") or "(top level)"
        raise ConfigError(CONFIG_NAME, f"{where}: {problem.message}")
    corpus = data["corpus"]
    validation = data.get("validation", {})
    earliest = validation.get("earliest_date", _DEFAULTS.earliest_date)
    try:
        dt.date.fromisoformat(earliest)
    except ValueError as exc:
        raise ConfigError(CONFIG_NAME, f"validation.earliest_date: {exc}") from exc
    rules, ignore = _policy(data)
    metadata_table = _metadata_table(data.get("metadata", {}).get("table"))
    exports = data.get("exports", {})
    formats = exports.get("formats")
    return Config(
        exports_tracked=exports.get("tracked", True),
        export_formats=tuple(sorted(set(formats))) if formats is not None else None,
        description=corpus.get("description"),
        keywords=tuple(corpus.get("keywords", ())),
        authors=tuple(
            Author(**{k: v for k, v in entry.items() if k in _AUTHOR_FIELDS})
            for entry in corpus.get("authors", ())
        ),
        homepage=corpus.get("homepage"),
        version=corpus.get("version"),
        rules=rules,
        ignore=ignore,
        metadata_table=metadata_table,
        title=corpus["title"],
        publisher=corpus["publisher"],
        licence=corpus["licence"],
        licence_url=corpus.get("licence_url"),
        idno=corpus["idno"],
        default_lang=corpus.get("default_lang"),
        languages=tuple(corpus.get("languages", ())),
        earliest_date=earliest,
        max_seed_bytes=validation.get("max_seed_bytes", _DEFAULTS.max_seed_bytes),
        max_paragraph_chars=validation.get("max_paragraph_chars", _DEFAULTS.max_paragraph_chars),
        source=CONFIG_NAME,
    )


def _metadata_table(path: str | None) -> str:
    """``[metadata] table``: a CSV file below the corpus root, outside the folders the
    tool reads as seeds or writes as exports."""
    if path is None:
        return _DEFAULTS.metadata_table
    parts = path.split("/")
    if (
        not path.endswith(".csv")
        or path.startswith("/")
        or "\\" in path
        or any(part in ("", ".", "..") for part in parts)
        or parts[0] in ("seeds", "exports")
    ):
        raise ConfigError(
            CONFIG_NAME,
            f"metadata.table: {path!r} is not a path to a .csv file below the corpus root "
            "and outside seeds/ and exports/ (write it with / between folders, e.g. "
            "metadata.csv or sources/metadata.csv)",
        )
    return path


def _policy(
    data: dict[str, Any],
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, tuple[str, ...], str], ...]]:
    """``[rules]`` and ``[[ignore]]``, each code checked: a typo must not silently leave
    a rule as it was, and no finding that makes a document invalid can be turned down."""
    from corpus_tools.diagnostics import CODES, POLICY_CODES

    def known(code: str, where: str) -> str:
        if code not in CODES:
            raise ConfigError(CONFIG_NAME, f"{where}: unknown diagnostic code {code!r}")
        if code not in POLICY_CODES:
            raise ConfigError(
                CONFIG_NAME,
                f"{where}: {code} makes a document invalid and cannot be turned down; "
                f"policy rules are {', '.join(sorted(POLICY_CODES))}",
            )
        return code

    rules = tuple(
        sorted(
            (known(code, f"rules.{code}"), level) for code, level in data.get("rules", {}).items()
        )
    )
    ignore = tuple(
        (
            entry["files"],
            tuple(known(code, f"ignore[{i}].codes") for code in entry["codes"]),
            entry["reason"],
        )
        for i, entry in enumerate(data.get("ignore", []))
    )
    return rules, ignore
