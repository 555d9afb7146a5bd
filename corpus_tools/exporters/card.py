"""The dataset card of an export run: ``README.md`` with the YAML front matter that the
Hugging Face Hub and ``datasets.load_dataset(folder)`` read (``configs`` with the data
files of each table, ``dataset_info`` with their features), then a human-readable
description of the files and their columns.

The tables are described from ``exporters.tables`` and ``exporters.csv_tables``, so
the card, the Data Package and the files cannot disagree. The configs are the shared
tables' Parquet files where the run wrote them (their types are declared in the files),
else the CSV files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from corpus_tools.config import Config
from corpus_tools.exporters.csv_tables import CSV_TABLES, FACTS, FILES
from corpus_tools.exporters.datapackage import Facts, Written, licence_id
from corpus_tools.exporters.tables import TABLES, Column, Table

CARD = "README.md"

# Hugging Face feature dtypes by column type; a date is a date, and an array a list,
# only where the file says so (Parquet): text elsewhere.
_DTYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


def _feature(column: Column, typed: bool, indent: str) -> list[str]:
    lines = [f"{indent}- name: {column.name}"]
    if column.type == "date":
        lines.append(f"{indent}  dtype: {'date32' if typed else 'string'}")
    elif column.type == "array":
        lines.append(f"{indent}  {'list' if typed else 'dtype'}: string")
    else:
        lines.append(f"{indent}  dtype: {_DTYPES[column.type]}")
    return lines


def _scalar(value: str) -> str:
    """A YAML scalar: a JSON string is a YAML double-quoted scalar."""
    return json.dumps(value, ensure_ascii=False)


def size_category(n: int) -> str:
    """The Hub's size category for ``n`` rows."""
    bounds = [
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
        (10_000_000, "1M<n<10M"),
    ]
    for bound, label in bounds:
        if n < bound:
            return label
    return "n>10M"


def _features(columns: Sequence[Column], typed: bool, indent: str) -> list[str]:
    return [line for c in columns for line in _feature(c, typed, indent)]


def _configs(written: Written) -> list[tuple[str, str, Table, bool]]:
    """(config name, data file, table, whether the file has typed dates and lists)."""
    out: list[tuple[str, str, Table, bool]] = [
        (t.name, f"{t.name}.parquet", t, True)
        for t in TABLES
        if f"{t.name}.parquet" in written.files
    ]
    if not out:
        # A CSV file of its header alone has no rows to load: datasets refuses it.
        out = [
            (t.name, FILES[t.name], t, False)
            for t in CSV_TABLES
            if written.files.get(FILES[t.name], (0, ""))[0] > len(",".join(t.names)) + 1
        ]
    # No config for the JSONL files, and none that mixes Parquet and CSV: the Hub loads
    # every config of a dataset with one builder.
    return out


def _csv_place(table: Table, column: Column) -> str:
    """Where the CSV files hold a column of a shared table: its file, or a field of the
    table's facts table."""
    if column.optional:
        return f"`{FILES[FACTS[table.name].name]}`, field `{column.name}`"
    return f"`{FILES[table.name]}`"


def _front_matter(config: Config, written: Written, facts: Facts) -> list[str]:
    lines = ["---", f"pretty_name: {_scalar(config.title)}"]
    identifier = licence_id(config)
    if identifier is not None:
        lines.append(f"license: {identifier.lower()}")
    elif config.licence.strip() != "unknown":
        lines.append("license: other")
        lines.append(f"license_name: {_scalar(config.licence)}")
        if config.licence_url:
            lines.append(f"license_link: {_scalar(config.licence_url)}")
    languages = sorted(lang for lang in facts.languages if lang != "und")
    if languages:
        lines.append("language:")
        lines.extend(f"- {_scalar(lang)}" for lang in languages)
    if config.keywords:
        lines.append("tags:")
        lines.extend(f"- {_scalar(k)}" for k in config.keywords)
    lines.append("size_categories:")
    lines.append(f"- {size_category(facts.documents)}")
    configs = _configs(written)
    if configs:
        lines.append("configs:")
        for i, (name, rel, _, _) in enumerate(configs):
            lines.append(f"- config_name: {name}")
            if i == 0:
                lines.append("  default: true")
            lines.append("  data_files:")
            lines.append("  - split: train")
            lines.append(f"    path: {_scalar(rel)}")
        lines.append("dataset_info:")
        for name, _, table, typed in configs:
            lines.append(f"- config_name: {name}")
            lines.append("  features:")
            lines.extend(_features(table.columns, typed, "  "))
    lines.append("---")
    return lines


def _body(config: Config, written: Written, facts: Facts) -> list[str]:
    lines = ["", f"# {config.title}", ""]
    if config.description:
        lines += [config.description, ""]
    span = (
        f", dated {facts.first_date} to {facts.last_date}"
        if facts.first_date and facts.first_date != facts.last_date
        else (f", dated {facts.first_date}" if facts.first_date else "")
    )
    langs = ", ".join(f"{lang} ({n})" for lang, n in sorted(facts.languages.items()))
    noun = "document" if facts.documents == 1 else "documents"
    lines.append(
        f"{facts.documents} {noun} ({facts.paragraphs} paragraphs){span}"
        + (f"; languages: {langs}." if langs else ".")
    )
    lines += ["", f"Published by {config.publisher}; licence: {config.licence}.", ""]
    lines += ["## Files", "", "| file | bytes |", "|---|---|"]
    # Counted as the files pass: a folder holds a file per document.
    folders: dict[str, list[int]] = {}
    top: list[tuple[str, int]] = []
    for rel, (size, _) in written.files.items():
        folder, _, _ = rel.rpartition("/")
        if folder:  # a folder of files (one per document) is one line
            totals = folders.setdefault(folder, [0, 0])
            totals[0] += 1
            totals[1] += size
        elif rel != CARD:
            top.append((rel, size))
    lines.extend(f"| `{rel}` | {size} |" for rel, size in sorted(top))
    for folder, (count, total) in sorted(folders.items()):
        lines.append(f"| `{folder}/` ({count} files) | {total} |")
    lines += [
        "",
        "`datapackage.json` describes every file (Frictionless Data Package v2: media type, "
        "size, SHA-256, and the tables' schemas). No value is null and no CSV cell is "
        "empty: in JSONL and Parquet an optional string that is absent is the empty "
        "string; in CSV the optional columns are rows of a facts table (column CSV), one "
        "row per value present, so that every reader types every column wherever its "
        "first value appears.",
        "",
    ]
    for table in TABLES:
        lines += [f"## Table `{table.name}`", "", table.description, ""]
        lines += ["| column | type | CSV | description |", "|---|---|---|---|"]
        lines += [
            f"| `{c.name}` | {c.type} | {_csv_place(table, c)} | {c.description} |"
            for c in table.columns
        ]
        lines.append("")
    for long in FACTS.values():
        lines += [f"## CSV table `{long.name}`", "", long.description, ""]
        lines += ["| column | type | description |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.description} |" for c in long.columns]
        lines.append("")
    lines += [
        "## Loading",
        "",
        "```python",
        "import datasets",
        "import pandas",
        "",
        'docs = datasets.load_dataset("path/to/exports", "documents", split="train")',
        'paragraphs = pandas.read_parquet("paragraphs.parquet")  # or read_csv("paragraphs.csv")',
        "```",
        "",
    ]
    return lines


def render_card(config: Config, written: Written, facts: Facts) -> bytes:
    """The ``README.md`` dataset card for the files of ``written``."""
    lines = _front_matter(config, written, facts) + _body(config, written, facts)
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def card_resource(written: Written) -> dict[str, Any]:
    """The Data Package resource of the card."""
    from corpus_tools.exporters.datapackage import file_resource

    return file_resource(
        "dataset-card",
        CARD,
        written,
        title="Dataset card",
        description="README.md with the Hugging Face dataset card metadata (configs and features).",
        mediatype="text/markdown",
    )
