"""The JSON Schemas in ``schema/``: loading, checking them, and validating documents."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator

DOCUMENT_SCHEMA = "document.schema.json"


def schema_dir() -> Path:
    """The folder holding the schemas (inside the wheel, else the source tree's)."""
    packaged = Path(__file__).parent / "schema"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "schema"


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """Load a schema by file name; read once per process."""
    with (schema_dir() / name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def make_reference_validator(schema: dict[str, Any]) -> Validator:
    """The reference ``jsonschema`` validator for ``schema``, after checking the schema."""
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: Validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return validator


@dataclass(frozen=True, slots=True)
class SchemaError:
    """The most relevant schema violation of a document."""

    pointer: str
    message: str
    validator: str


def json_pointer(path: Any) -> str:
    """RFC 6901 pointer for a jsonschema error path."""
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else ""


@functools.cache
def document_validator() -> Validator:
    """The document validator, built once per process."""
    return make_reference_validator(load_schema(DOCUMENT_SCHEMA))


def check_document(data: Any) -> SchemaError | None:
    """Return the most relevant violation of the document schema, or None when valid."""
    validator = document_validator()
    error = best_match(validator.iter_errors(data))
    if error is None:
        return None
    return SchemaError(json_pointer(error.absolute_path), error.message, str(error.validator))
