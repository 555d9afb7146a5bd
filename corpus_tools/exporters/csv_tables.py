"""The tables of the CSV export: the shared tables of ``exporters.tables`` laid out so
that no CSV cell is ever empty.

A reader that infers a column's type from the cells it sees first (``datasets``' CSV
loader fixes it from the first 10,000 rows, through pandas) cannot type a column whose
cells there are all empty, and then fails on the first value further down. JSONL and
Parquet write an absent optional string as the empty string, which their readers type
as a string; in CSV that is an empty cell. So the CSV layout is dense and relational:

- each shared table keeps only its columns that always have a value (``documents.csv``,
  ``paragraphs.csv``, ``quotations.csv``, ``persons.csv``);
- the optional columns of a table become the rows of its facts table, in long form, one
  row per value the document has: ``document_facts.csv`` (``document_id``, ``field``,
  ``value``) and ``quotation_facts.csv`` (``document_id``, ``quotation_id``, ``field``,
  ``value``), where ``field`` is the name of the column in the shared table (and in the
  JSONL and Parquet files) and ``value`` its value, never empty.

The layout is derived from the shared tables (``Column.optional``), so a column made
optional there moves to a facts table here by itself, and the invariant holds by
construction: every value of a facts row is a non-empty string, every other column is
one the canonical schema always fills. Pivoting a facts table on ``field`` gives the
shared table's optional columns back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from corpus_tools.exporters.tables import (
    DOCUMENTS,
    QUOTATIONS,
    TABLES,
    Column,
    Fail,
    ForeignKey,
    Located,
    Table,
    Value,
)
from corpus_tools.model import Document


def _dense(table: Table) -> Table:
    """``table`` without its optional columns (their values are in its facts table)."""
    keep = [i for i, c in enumerate(table.columns) if not c.optional]
    if table.name not in FACTS:
        return table

    def rows(doc: Document) -> list[tuple[Value, ...]]:
        return [tuple(row[i] for i in keep) for row in table.rows(doc)]

    moved = ", ".join(c.name for c in table.columns if c.optional)
    return Table(
        table.name,
        table.title,
        f"{table.description} Its optional columns ({moved}) are rows of {FACTS[table.name].name}.",
        tuple(table.columns[i] for i in keep),
        table.primary_key,
        rows,
        table.foreign_keys,
    )


def _facts(table: Table, name: str, title: str, what: str, key: tuple[Column, ...]) -> Table:
    """The long table of ``table``'s optional columns: ``key`` (the columns that name a
    row of ``table``, its primary key in order), ``field`` and ``value``."""
    optional = [(i, c) for i, c in enumerate(table.columns) if c.optional]
    if any(c.type != "string" for _, c in optional):
        # Only a string has an empty value to stand for "none" in the shared table.
        raise ValueError(f"{table.name}: an optional column that is not a string")
    where = [table.names.index(k) for k in table.primary_key]
    # The shared columns' descriptions say what their empty string means: here a field
    # without a value has no row.
    fields = "; ".join(
        f"{c.name}: {re.sub(r'; empty [^.]*[.]$', '', c.description).rstrip('.')}"
        for _, c in optional
    )
    columns = (
        *key,
        Column(
            "field",
            "string",
            "Field",
            f"The column of the {table.name} table (JSONL, Parquet) that the value belongs "
            f"to, one of: {fields}.",
            enum=tuple(c.name for _, c in optional),
        ),
        Column(
            "value",
            "string",
            "Value",
            "The value of the field, never empty: a field without a value has no row.",
            min_length=1,
        ),
    )

    def rows(doc: Document) -> list[tuple[Value, ...]]:
        out: list[tuple[Value, ...]] = []
        for row in table.rows(doc):
            ids = tuple(row[i] for i in where)
            out.extend((*ids, c.name, row[i]) for i, c in optional if row[i] != "")
        return out

    names = tuple(c.name for c in key)
    return Table(
        name,
        title,
        f"One row per {what} that has a value, in the order of the {table.name} table "
        f"and of its columns: the optional columns of {table.name} in long form (no CSV "
        "cell is empty).",
        columns,
        (*names, "field"),
        rows,
        (ForeignKey(names, table.name, table.primary_key),),
    )


def _key(name: str, title: str, description: str, pattern: str | None = None) -> Column:
    return Column(name, "string", title, description, pattern=pattern)


DOCUMENT_FACTS = _facts(
    DOCUMENTS,
    "document_facts",
    "Document facts",
    "optional fact of a document (dateline, source metadata)",
    (_key("document_id", "Document id", "The id of the document (documents.id)."),),
)
QUOTATION_FACTS = _facts(
    QUOTATIONS,
    "quotation_facts",
    "Quotation facts",
    "optional fact of a quotation (marks, parent, previous part, speaker)",
    (
        _key("document_id", "Document id", "The id of the document (documents.id)."),
        _key(
            "quotation_id",
            "Quotation id",
            "The id of the quotation in its document (quotations.id).",
        ),
    ),
)
# The facts table of each shared table that has optional columns (and of no other).
FACTS: dict[str, Table] = {
    DOCUMENTS.name: DOCUMENT_FACTS,
    QUOTATIONS.name: QUOTATION_FACTS,
}
if {t.name for t in TABLES if any(c.optional for c in t.columns)} != set(FACTS):
    raise RuntimeError("every shared table with optional columns needs a facts table")
# The tables of the CSV export, in the order written; each refers only to tables before
# it. The dense shared tables keep their names (and the shared tables' order); the facts
# tables follow them.
CSV_TABLES: tuple[Table, ...] = (
    *(_dense(t) for t in TABLES),
    DOCUMENT_FACTS,
    QUOTATION_FACTS,
)
FILES: dict[str, str] = {t.name: f"{t.name}.csv" for t in CSV_TABLES}


def csv_table(name: str) -> Table:
    """The CSV table called ``name``."""
    return next(t for t in CSV_TABLES if t.name == name)


def widen(
    shared: Table,
    rows: Iterator[Located],
    facts: Iterator[Located],
    fail: Fail,
) -> Iterator[Located]:
    """The rows of the shared table ``shared``: the dense ``rows`` (typed) with the rows
    of its facts table that follow for each, the optional columns that have no fact
    being the empty string (as in the shared table). ``fail(table, line, message)``
    makes the reader's error: a fact for a field that is not an optional column, given
    twice, with no value, or for no row (an unknown row, or one out of order)."""
    facts_table = FACTS[shared.name]
    key = facts_table.primary_key[:-1]
    optional = tuple(c.name for c in shared.columns if c.optional)
    head = next(facts, None)
    document = None
    for location, row in rows:
        if len(key) > 1 and row[key[0]] != document:
            # The rows of a document have all passed: a fact still waiting for one of
            # them names no row of it, or came out of order. Told now, before the
            # document is assembled without it.
            if head is not None and document is not None and head[1][key[0]] == document:
                break
            document = row[key[0]]
        wide: dict[str, Any] = dict(row)
        wide.update(dict.fromkeys(optional, ""))
        ids = tuple(row[k] for k in shared.primary_key)
        while head is not None and tuple(head[1][k] for k in key) == ids:
            at, fact = head
            field, value = fact["field"], fact["value"]
            if field not in optional:
                raise fail(
                    facts_table.name,
                    at,
                    f"column field: {field[:40]!r} is not one of {', '.join(optional)}",
                )
            if wide[field] != "":
                raise fail(
                    facts_table.name, at, f"field {field} given twice for {_name(shared, ids)}"
                )
            if value == "":
                raise fail(facts_table.name, at, f"column value is empty (field {field})")
            wide[field] = value
            head = next(facts, None)
        yield location, wide
    if head is not None:
        at, fact = head
        raise fail(
            facts_table.name,
            at,
            f"row for unknown {_name(shared, tuple(fact[k] for k in key))} "
            f"(not in {shared.name}, or out of order)",
        )


def _name(shared: Table, ids: tuple[Any, ...]) -> str:
    """A row of ``shared`` named by its key: "document 'X'", "quotation 'q1' of
    document 'X'"."""
    what = shared.name.removesuffix("s")
    if len(ids) == 1:
        return f"{what} {ids[0]!r}"
    return f"{what} {ids[1]!r} of document {ids[0]!r}"
