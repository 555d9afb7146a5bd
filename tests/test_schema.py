"""The JSON Schemas themselves."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from corpus_tools.schema import schema_dir

SCHEMAS = sorted(p.name for p in schema_dir().glob("*.schema.json"))


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_against_its_metaschema(name: str) -> None:
    schema = json.loads((schema_dir() / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://")
    Draft202012Validator.check_schema(schema)


def _objects(node: Any, path: str = "#") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append((path, node))
        for key, value in node.items():
            found.extend(_objects(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_objects(value, f"{path}/{i}"))
    return found


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_object_is_closed_and_every_property_documented(name: str) -> None:
    schema = json.loads((schema_dir() / name).read_text(encoding="utf-8"))
    for path, obj in _objects(schema):
        assert obj.get("additionalProperties") is False, path
        for prop, sub in obj.get("properties", {}).items():
            assert "title" in sub, f"{path}/properties/{prop} has no title"
            assert "description" in sub, f"{path}/properties/{prop} has no description"
