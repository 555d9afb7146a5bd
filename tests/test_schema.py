"""The JSON Schemas themselves."""

from __future__ import annotations

import json
import os
import signal
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


def test_ctrl_c_while_the_compiled_validator_loads_waits_until_it_is_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A Ctrl-C inside jsonschema-rs's first imports panics in Rust (PanicException, a
    # traceback from the command line): it is delivered once the validator is made.
    import jsonschema_rs

    from corpus_tools import schema

    real = jsonschema_rs.validator_for
    made: list[object] = []

    def interrupted_while_made(*args: object, **kwargs: object) -> object:
        os.kill(os.getpid(), signal.SIGINT)
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(jsonschema_rs, "validator_for", interrupted_while_made)
    with pytest.raises(KeyboardInterrupt):
        schema.compile_fast({"type": "object"})
    assert len(made) == 1
    assert made[0].is_valid({})  # type: ignore[attr-defined]
