"""Seed file names: ``NNN_<16 lowercase hex>.txt``, and what is wrong with the others."""

from __future__ import annotations

import re

from corpus_tools.diagnostics import Diagnostic

SEED_NAME = re.compile(r"^(?P<seq>[0-9]{3,})_(?P<hash>[0-9a-f]{16})\.txt\Z")
# Close enough to the pattern to say which part is wrong.
_NAME_HINT = re.compile(r"^(?P<seq>[0-9]+)_(?P<hash>[0-9A-Fa-f]+)\.txt$", re.IGNORECASE)


def seed_id(rel_path: str) -> str | None:
    """The document id of a seed path (its name without ``.txt``), when the name is valid."""
    name = rel_path.rsplit("/", 1)[-1]
    return name[:-4] if SEED_NAME.match(name) else None


def parse_name(rel_path: str) -> tuple[int, str] | Diagnostic:
    """The sequence number and hash part of a seed path, or a diagnostic."""
    name = rel_path.rsplit("/", 1)[-1]
    m = SEED_NAME.match(name)
    if m:
        return int(m["seq"]), m["hash"]
    problem = "does not match NNN_<16 lowercase hex>.txt"
    loose = _NAME_HINT.match(name)
    if not name.endswith(".txt"):
        problem = "does not end in .txt"
    elif loose:
        seq, hsh = loose["seq"], loose["hash"]
        if len(seq) < 3:
            problem = f"sequence number {seq!r} has fewer than 3 digits"
        elif len(hsh) != 16:
            problem = f"hash part {hsh!r} has {len(hsh)} hex digits, not 16"
        elif hsh != hsh.lower():
            problem = f"hash part {hsh!r} has upper-case hex digits"
    elif "_" not in name:
        problem = "has no '_<16 hex>' id part"
    return Diagnostic("seed-bad-filename", rel_path, f"file name {name!r} {problem}", line=None)
