"""The JSON Schemas in ``schema/``: loading, checking them, and validating documents.

Documents are checked by a compiled validator (``jsonschema-rs``) when it is installed,
and by the reference ``jsonschema`` implementation otherwise. ``jsonschema`` also
explains every failure, so a message never depends on which validator ran; a
differential test proves both agree.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from corpus_tools.procs import deferred_interrupts

if TYPE_CHECKING:
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


def schema_fingerprint() -> str:
    """A digest of every schema file, for cache keys."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(schema_dir().rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(schema_dir()).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def make_reference_validator(schema: dict[str, Any]) -> Validator:
    """The reference ``jsonschema`` validator for ``schema``, after checking the schema."""
    import jsonschema

    base = jsonschema.validators.validator_for(schema)
    base.check_schema(schema)
    cls = jsonschema.validators.extend(  # type: ignore[no-untyped-call]  # untyped in jsonschema
        base, {"pattern": _ecma_pattern}
    )
    validator: Validator = cls(schema, format_checker=base.FORMAT_CHECKER)
    return validator


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    """The ``pattern`` keyword with ECMA 262's "$" (the end of the string), which
    Python's "$" is not: it also matches before a final line feed, so "001_…\n" would
    pass an id pattern that the compiled validator, and the schema's meaning, refuse."""
    import re

    from jsonschema.exceptions import ValidationError

    if not validator.is_type(instance, "string"):
        return
    ecma = (
        pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
    )
    if not re.search(ecma, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


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


class _Fast(Protocol):
    def is_valid(self, instance: Any) -> bool: ...


@functools.cache
def fast_validator(name: str = DOCUMENT_SCHEMA) -> _Fast | None:
    """The compiled validator for a schema, or None where jsonschema-rs is missing."""
    return compile_fast(load_schema(name))


@functools.cache
def reference_validator(name: str = DOCUMENT_SCHEMA) -> Validator:
    """The reference validator for a schema, built once per process."""
    return make_reference_validator(load_schema(name))


def explain(data: Any, name: str = DOCUMENT_SCHEMA) -> SchemaError | None:
    """The most relevant violation according to the reference validator."""
    return _explain(data, reference_validator(name))


def _explain(data: Any, validator: Validator) -> SchemaError | None:
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(data))
    if error is None:
        return None
    return SchemaError(
        json_pointer(error.absolute_path), _short(error.message), str(error.validator)
    )


def check(data: Any, name: str = DOCUMENT_SCHEMA) -> SchemaError | None:
    """Return the most relevant violation of a schema, or None when ``data`` is valid.

    The reference validator is built only when the compiled one finds a violation (or
    is missing): importing jsonschema and checking the schema costs more than a run
    answered from the cache does in all (compiling with jsonschema-rs checks the schema
    too)."""
    fast = fast_validator(name)
    try:
        if fast is not None and fast.is_valid(data):
            return None
    except UnicodeEncodeError:
        pass  # check_with says why
    return check_with(data, fast, reference_validator(name))


def compile_fast(schema: dict[str, Any]) -> _Fast | None:
    """The compiled validator for a schema given as data, or None without jsonschema-rs."""
    # A Ctrl-C inside jsonschema-rs's first import of Python modules turns into a Rust
    # panic (PanicException, which no handler of ours expects): it waits until they are
    # loaded.
    with deferred_interrupts():
        try:
            import jsonschema_rs
        except ImportError:  # no compiled wheel for this platform: the reference one serves
            return None
        fast: _Fast = jsonschema_rs.validator_for(schema, validate_formats=True)
    return fast


def check_with(data: Any, fast: _Fast | None, reference: Validator) -> SchemaError | None:
    """The most relevant violation of the schema of these validators (the compiled one
    first where there is one), or None when ``data`` is valid."""
    try:
        if fast is not None and fast.is_valid(data):
            return None
    except UnicodeEncodeError:
        # A lone surrogate (JSON "\ud800") cannot be encoded: no UTF-8 file can hold it.
        return SchemaError(
            "", "a string holds a lone UTF-16 surrogate, which no UTF-8 file can hold", "type"
        )
    found = _explain(data, reference)
    if found is None and fast is not None:
        # Should the two validators ever disagree, the stricter verdict stands, in the
        # compiled validator's words (the differential tests look for such cases).
        return _fast_error(fast, data)
    return found


def _fast_error(fast: Any, data: Any) -> SchemaError:
    try:
        fast.validate(data)
    except Exception as exc:  # jsonschema_rs.ValidationError
        path = getattr(exc, "instance_path", [])
        return SchemaError(json_pointer(path), _short(str(getattr(exc, "message", exc))), "pattern")
    return SchemaError("", "the document does not satisfy the schema", "unknown")


def _short(text: str, limit: int = 300) -> str:
    """Messages quote the offending value: keep them readable for huge values."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The ``validator`` of the SchemaError for a document of another schema version.
VERSION_MISMATCH = "schema-version"


def document_schema_version() -> str:
    """The ``schema_version`` the document schema describes: the newest it accepts."""
    return document_schema_versions()[-1]


def document_schema_versions() -> tuple[str, ...]:
    """Every ``schema_version`` the document schema accepts, oldest first: the current
    one and the older minor versions of its major version, whose documents are valid."""
    versions: list[str] = load_schema(DOCUMENT_SCHEMA)["properties"]["schema_version"]["enum"]
    return tuple(sorted(versions, key=lambda v: tuple(int(n) for n in v.split("."))))


def version_mismatch(data: Any) -> SchemaError | None:
    """A document that says it is of another schema version, before any other check:
    its other fields were written to another contract, so their violations would only
    mislead (a missing ``schema_version`` is an ordinary violation)."""
    if not isinstance(data, dict) or "schema_version" not in data:
        return None
    found, accepted = data["schema_version"], document_schema_versions()
    if isinstance(found, str) and found in accepted:
        return None
    older = ", ".join(repr(v) for v in accepted[:-1])
    return SchemaError(
        "/schema_version",
        f"the document is of schema version {_short(repr(found), 60)}; this corpus-tools "
        f"reads schema version {accepted[-1]!r}" + (f" (and {older})" if older else ""),
        VERSION_MISMATCH,
    )


def person_references(data: dict[str, Any]) -> SchemaError | None:
    """What the schema cannot say of a schema-valid document: person ids are unique and
    every speaker's ``ref`` is one of them."""
    ids: set[str] = set()
    for n, person in enumerate(data["persons"]):
        if person["id"] in ids:
            return SchemaError(
                f"/persons/{n}/id", f"{person['id']!r} is the id of an earlier person", "unique"
            )
        ids.add(person["id"])
    for n, quotation in enumerate(data["quotations"]):
        speaker = quotation["speaker"]
        if speaker is not None and speaker["ref"] is not None and speaker["ref"] not in ids:
            return SchemaError(
                f"/quotations/{n}/speaker/ref",
                f"{speaker['ref']!r} is the id of no person in /persons",
                "reference",
            )
    return None


INVARIANT = "invariant"
_DOCUMENT_ID = re.compile(r"([0-9]{3,})_([0-9a-f]{16})")


def _span(paragraphs: list[str], start: dict[str, int], end: dict[str, int]) -> str:
    """The text between two positions, paragraphs joined by a line feed."""
    first, last = start["paragraph"], end["paragraph"]
    if first == last:
        return paragraphs[first - 1][start["offset"] : end["offset"]]
    pieces = [paragraphs[first - 1][start["offset"] :], *paragraphs[first : last - 1]]
    pieces.append(paragraphs[last - 1][: end["offset"]])
    return "\n".join(pieces)


def document_invariants(data: dict[str, Any]) -> SchemaError | None:
    """What the schema cannot say of a schema-valid document and the converter always
    makes true: the id is the sequence number and hash; paragraphs are numbered 1, 2, …;
    each quotation's positions lie in its paragraphs, in order, and its text is the text
    between them; parents and previous parts are earlier quotations of the document
    (a parent one level up); the dateline opens the lead; the counts are those of the
    text. A hand-edited or damaged
    document that breaks one would export facts its text does not hold."""

    # Imported here: loading the model costs a start-up that reads no document.
    from corpus_tools.model import WORD

    def fail(pointer: str, message: str) -> SchemaError:
        return SchemaError(pointer, message, INVARIANT)

    found = _DOCUMENT_ID.fullmatch(data["id"])
    if found is None or int(found[1]) != data["seq"] or found[2] != data["hash"]:
        return fail("/id", f"{data['id']!r} is not seq {data['seq']} and hash {data['hash']!r}")
    paragraphs: list[str] = []
    for n, para in enumerate(data["paragraphs"], start=1):
        if para["n"] != n:
            return fail(f"/paragraphs/{n - 1}/n", f"paragraph {n} is numbered {para['n']}")
        paragraphs.append(para["text"])
    seen: dict[str, int] = {}
    for k, q in enumerate(data["quotations"]):
        at = f"/quotations/{k}"
        start, end = q["start"], q["end"]
        if q["id"] in seen:
            return fail(f"{at}/id", f"{q['id']!r} is the id of an earlier quotation")
        if not 1 <= start["paragraph"] <= end["paragraph"] <= len(paragraphs):
            return fail(
                f"{at}/end", f"the positions are not in paragraphs 1 to {len(paragraphs)}, in order"
            )
        if (
            end["offset"] > len(paragraphs[end["paragraph"] - 1])
            or (start["paragraph"] == end["paragraph"] and start["offset"] > end["offset"])
            or start["offset"] > len(paragraphs[start["paragraph"] - 1])
        ):
            return fail(f"{at}/end/offset", "the offsets are not in their paragraphs, in order")
        if _span(paragraphs, start, end) != q["text"]:
            return fail(f"{at}/text", "is not the text between the quotation's positions")
        parent = q.get("parent")
        if parent is None:
            if q["depth"] != 0:
                return fail(f"{at}/depth", f"is {q['depth']} but the quotation has no parent")
        elif parent not in seen:
            return fail(f"{at}/parent", f"{parent!r} is no earlier quotation of the document")
        elif data["quotations"][seen[parent]]["depth"] != q["depth"] - 1:
            return fail(f"{at}/depth", f"is not one more than that of its parent {parent!r}")
        prev = q.get("prev")
        if prev is not None and prev not in seen:
            return fail(f"{at}/prev", f"{prev!r} is no earlier quotation of the document")
        seen[q["id"]] = k
    dateline = data.get("dateline")
    if dateline and not (paragraphs and paragraphs[0].startswith(dateline)):
        return fail("/dateline", "does not open the first paragraph")
    counts = {
        "paragraphs": len(paragraphs),
        # Counted without a list of the words: a long paragraph costs no memory.
        "words": sum(1 for t in paragraphs for _ in WORD.finditer(t)),
        "characters": sum(map(len, paragraphs)),
        "quotations": len(data["quotations"]),
    }
    for key, value in counts.items():
        if data["stats"][key] != value:
            return fail(f"/stats/{key}", f"is {data['stats'][key]} but the text has {value}")
    return None


def check_document(data: Any, *, invariants: bool = True) -> SchemaError | None:
    """Return the most relevant violation of the document schema, or None when valid;
    a document of another schema version is told so first (``version_mismatch``), and
    a valid one must also refer only to its own persons (``person_references``) and
    hold the converter's invariants (``document_invariants``). ``invariants=False``
    skips those for a document the converter has just made (they hold by its
    construction, which the tests check on every gold and fixture seed) and for a
    JSONL export's documents line (its quotations are in another file)."""
    return (
        version_mismatch(data)
        or check(data, DOCUMENT_SCHEMA)
        or person_references(data)
        or (document_invariants(data) if invariants else None)
    )
