"""The cache's parts alone: what each stores, and that a failing database never fails a run."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpus_tools.cache import CACHE_DIR, Cache, context_key
from corpus_tools.cache.store import Store, stamp_of, trusted_mtime

OLD_NS = 1_000_000_000_000_000_000  # a time stamp far in the past: trusted


def _old_file(path: Path, data: bytes) -> os.stat_result:
    path.write_bytes(data)
    os.utime(path, ns=(OLD_NS, OLD_NS))
    return path.stat()


def _stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def test_the_stored_format(tmp_path: Path) -> None:
    Cache(tmp_path, "ctx").close()
    db = sqlite3.connect(tmp_path / CACHE_DIR / "v3.sqlite3")
    tables = {
        name: [col[1] for col in db.execute(f"PRAGMA table_info({name})")]
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    db.close()
    assert tables == {
        "files": ["path", "ctx", "size", "mtime_ns", "ctime_ns", "ino", "sha256", "payload"],
        "manifests": ["key"],
        "manifest_files": ["path", "sha256"],
        "verdicts": ["key", "problems"],
        "snapshots": ["key", "report"],
        "outputs": ["path", "size", "mtime_ns", "ctime_ns", "ino", "sha256"],
    }
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_a_stamp_is_size_times_and_inode(tmp_path: Path) -> None:
    st = _old_file(tmp_path / "a.txt", b"aaaa")
    assert stamp_of(st) == (4, OLD_NS, st.st_ctime_ns, st.st_ino)


def test_an_edit_with_its_old_time_stamp_restored_is_seen(tmp_path: Path) -> None:
    """Same size, same inode and the modification time set back (os.utime, touch -d,
    tar): the inode change time still tells the edit, for seeds and export files."""
    seed = tmp_path / "a.txt"
    st = _old_file(seed, b"aaaa")
    cache = Cache(tmp_path, "ctx")
    cache.put("a.txt", _stamp(st), hashlib.sha256(b"aaaa").hexdigest(), "payload")
    assert cache.output_sha256(str(seed)) == hashlib.sha256(b"aaaa").hexdigest()
    cache.close()

    seed.write_bytes(b"bbbb")
    os.utime(seed, ns=(OLD_NS, OLD_NS))
    after = seed.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (4, OLD_NS, st.st_ino)
    cache = Cache(tmp_path, "ctx")
    assert cache.get("a.txt", after, seed) is None
    assert cache.sha256("a.txt", seed) == hashlib.sha256(b"bbbb").hexdigest()
    assert cache.output_sha256(str(seed)) == hashlib.sha256(b"bbbb").hexdigest()
    cache.close()


def test_context_key_is_stable_and_order_sensitive() -> None:
    assert context_key("1.0", {"b": 1, "a": 2}) == context_key("1.0", {"a": 2, "b": 1})
    assert context_key("1.0", "x") != context_key("x", "1.0")
    assert context_key("bad\udcff name") == context_key("bad\udcff name")  # still encodes


def test_a_fresh_time_stamp_is_not_trusted() -> None:
    assert trusted_mtime(OLD_NS) == OLD_NS
    assert trusted_mtime(10**30) == -1


def test_file_results_round_trip_by_stamp_and_by_content(tmp_path: Path) -> None:
    seed = tmp_path / "a.txt"
    st = _old_file(seed, b"aaaa")
    cache = Cache(tmp_path, "ctx")
    assert cache.get("a.txt", st, seed) is None
    cache.put("a.txt", _stamp(st), "sha-a", "payload")
    cache.close()

    cache = Cache(tmp_path, "ctx")
    assert cache.get("a.txt", st, seed) == ("sha-a", "payload")
    assert cache.sha256("a.txt", seed) == "sha-a"  # the stamp matches: not read
    cache.close()
    assert cache.hits == 1

    os.utime(seed, ns=(OLD_NS + 1, OLD_NS + 1))  # a new stamp: the content decides
    cache = Cache(tmp_path, "ctx")
    assert cache.get("a.txt", seed.stat(), seed) is None  # "sha-a" is not its digest
    assert cache.sha256("a.txt", seed) == hashlib.sha256(b"aaaa").hexdigest()
    cache.close()

    other = Cache(tmp_path, "another context")
    assert other.get("a.txt", st, seed) is None
    other.close()


def test_export_manifest_and_digests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import corpus_tools.cache.exports as exports

    out = tmp_path / "out.xml"
    _old_file(out, b"<x/>")
    cache = Cache(tmp_path, "ctx")
    assert cache.manifest("k") is None
    cache.put_manifest("old", {"a": "1"})
    cache.put_manifest("k", {"b": "2", "a": "1"})
    assert cache.output_sha256(str(out)) == hashlib.sha256(b"<x/>").hexdigest()
    cache.close()
    cache = Cache(tmp_path, "ctx")
    assert (cache.manifest("k"), cache.manifest("old")) == ({"a": "1", "b": "2"}, None)

    def unread(*args: object, **kwargs: object) -> None:
        raise AssertionError("read although its stamp matches")

    with monkeypatch.context() as m:
        m.setattr(exports, "open", unread, raising=False)
        # The same stamp: the stored digest answers, the file is not read.
        assert cache.output_sha256(str(out)) == hashlib.sha256(b"<x/>").hexdigest()
    _old_file(out, b"<y/>")  # same size and time stamp, but a new change time
    assert cache.output_sha256(str(out)) == hashlib.sha256(b"<y/>").hexdigest()
    cache.close()


def test_snapshots_and_verdicts(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "ctx")
    cache.put_snapshot("old", {"valid": False})
    cache.put_snapshot("k", {"valid": True, "text": "é"})
    many = {f"v{i}": f"[{i}]" for i in range(1234)}  # more than one query's parameters
    cache.put_verdicts(many)
    cache.put_verdicts({})
    cache.close()
    cache = Cache(tmp_path, "ctx")
    assert (cache.snapshot("k"), cache.snapshot("old")) == ({"valid": True, "text": "é"}, None)
    assert cache.verdicts([*many, "unknown"]) == many
    assert cache.verdicts([]) == {}
    cache.close()


# --- a damaged or failing database --------------------------------------------------

# Each part's reads give their default and writes are dropped when the database fails.
READS: dict[str, tuple[str, Callable[[Cache, Path], Any], Any]] = {
    "files.get": ("files", lambda c, p: c.get("a.txt", p.stat(), p), None),
    "files.sha256": (
        "files",
        lambda c, p: c.sha256("a.txt", p),
        hashlib.sha256(b"aaaa").hexdigest(),
    ),
    "exports.manifest": ("manifests", lambda c, p: c.manifest("k"), None),
    "exports.output_sha256": (
        "outputs",
        lambda c, p: c.output_sha256(str(p)),
        hashlib.sha256(b"aaaa").hexdigest(),
    ),
    "runs.snapshot": ("snapshots", lambda c, p: c.snapshot("k"), None),
    "runs.verdicts": ("verdicts", lambda c, p: c.verdicts(["v"]), {}),
}
WRITES: dict[str, tuple[str, Callable[[Cache, Path], None]]] = {
    "files.put": ("files", lambda c, p: c.put("a.txt", _stamp(p.stat()), "sha", "payload")),
    "exports.put_manifest": ("manifests", lambda c, p: c.put_manifest("k", {"a": "1"})),
    "exports.output_sha256": ("outputs", lambda c, p: c.output_sha256(str(p)) and None),
    "runs.put_snapshot": ("snapshots", lambda c, p: c.put_snapshot("k", {"valid": True})),
    "runs.put_verdicts": ("verdicts", lambda c, p: c.put_verdicts({"v": "[]"})),
}


def _filled(root: Path) -> Path:
    """A cache holding an answer for every read, and the file those answers are about."""
    seed = root / "a.txt"
    st = _old_file(seed, b"aaaa")
    cache = Cache(root, "ctx")
    cache.put("a.txt", _stamp(st), "stored-sha", "payload")
    cache.output_sha256(str(seed))
    cache.put_manifest("k", {"a": "1"})
    cache.put_snapshot("k", {"valid": True})
    cache.put_verdicts({"v": "[]"})
    cache.close()
    return seed


def _drop(root: Path, table: str) -> None:
    db = sqlite3.connect(root / CACHE_DIR / "v3.sqlite3")
    db.execute(f"DROP TABLE {table}")
    db.commit()
    db.close()


@pytest.mark.parametrize("name", READS)
def test_a_failing_read_gives_the_default_and_switches_the_cache_off(
    tmp_path: Path, name: str
) -> None:
    table, read, default = READS[name]
    seed = _filled(tmp_path)
    cache = Cache(tmp_path, "ctx")
    assert cache.enabled
    _drop(tmp_path, table)
    assert read(cache, seed) == default
    assert not cache.enabled
    assert cache.snapshot("k") is None  # the other parts are off too
    cache.close()


@pytest.mark.parametrize("name", WRITES)
def test_a_failing_write_is_dropped_and_switches_the_cache_off(tmp_path: Path, name: str) -> None:
    table, write = WRITES[name]
    seed = _filled(tmp_path)
    cache = Cache(tmp_path, "ctx")
    _drop(tmp_path, table)
    write(cache, seed)
    cache.files.flush()  # batched rows are written here
    cache.exports.flush()
    assert not cache.enabled
    cache.close()


@pytest.mark.parametrize("damage", ["garbage", "folder-is-a-file", "file-is-a-folder"])
def test_a_damaged_cache_is_ignored_by_every_part(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "a.txt"
    _old_file(path, b"aaaa")
    folder = tmp_path / CACHE_DIR
    if damage == "garbage":
        folder.mkdir()
        (folder / "v3.sqlite3").write_bytes(b"not a database" * 100)
    elif damage == "folder-is-a-file":
        folder.write_bytes(b"")
    else:
        (folder / "v3.sqlite3").mkdir(parents=True)
    cache = Cache(tmp_path, "ctx")
    assert not cache.enabled
    for name, (_, read, default) in READS.items():
        assert read(cache, path) == default, name
    for _, write in WRITES.values():
        write(cache, path)
    cache.close()
    assert cache.hits == 0


def test_a_switched_off_cache_touches_nothing(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "ctx", enabled=False)
    assert not cache.enabled
    cache.put_manifest("k", {})
    cache.close()
    assert not (tmp_path / CACHE_DIR).exists()


def test_the_store_absorbs_errors_in_one_place(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert store.enabled
    assert store.read(lambda db: db.execute("SELECT 1").fetchone()[0], 0) == 1

    def fail(db: sqlite3.Connection) -> None:
        db.execute("SELECT * FROM no_such_table")

    store.write(fail)
    assert not store.enabled
    assert store.read(lambda db: 1, 0) == 0
    rows = [("a", 1)]
    store.replace_rows("files", rows)
    assert rows == []  # forgotten even when they cannot be stored
    store.close()


def test_the_manifest_is_a_row_per_file_not_one_text(tmp_path: Path) -> None:
    """An export's manifest is stored a row per file and read back as rows: a manifest
    of 100,000 files held as one JSON text (and one dict) grew every run's memory."""
    files = {f"tei/{n:05d}_x.xml": f"{n:064x}" for n in range(3000)}
    files["corpus.jsonl"] = "f" * 64
    cache = Cache(tmp_path, "ctx")
    cache.put_manifest("k", files)
    cache.close()
    db = sqlite3.connect(tmp_path / CACHE_DIR / "v3.sqlite3")
    rows = db.execute("SELECT count(*), max(length(sha256)) FROM manifest_files").fetchone()
    widest = max(len(str(v)) for row in db.execute("SELECT * FROM manifests") for v in row)
    db.close()
    assert rows == (len(files), 64)
    assert widest == 1  # the key alone: no text holding the files
    cache = Cache(tmp_path, "ctx")
    stored = cache.manifest("k")
    assert stored is not None
    assert stored == files
    assert list(stored) == sorted(files)  # read back in path order
    cache.close()


def test_digests_are_a_mapping_in_path_order() -> None:
    from corpus_tools.cache import digests_of

    files = {"b": "2", "a/é": "3", "a/z": "1", "bad\udcff": "4", "a/\U0001f600": "5"}
    digests = digests_of(files)
    assert list(digests) == sorted(files)
    assert list(digests.items()) == sorted(files.items())
    assert len(digests) == len(files)
    assert digests == files
    assert digests["bad\udcff"] == "4"
    assert "c" not in digests
    assert digests.get("c") is None
    with pytest.raises(KeyError):
        digests["c"]
    digests.add([("c", "6"), ("b", "7")])  # a later row replaces an earlier one
    assert (len(digests), digests["b"], digests["c"]) == (6, "7", "6")
    digests.close()
    with pytest.raises(ValueError, match="closed"):
        digests["a"]


def test_rows_are_read_a_window_of_keys_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lookups in key order are answered a window of rows at a time, holding only that
    window (a table of 100,000 results was loaded whole); any order still answers."""
    from corpus_tools.cache.store import Window

    store = Store(tmp_path)
    store.replace_rows("outputs", [(f"p{n:05d}", n, 0, 0, 0, f"s{n}") for n in range(0, 5000, 2)])
    reads = []
    real = store.read
    monkeypatch.setattr(store, "read", lambda *a: reads.append(1) or real(*a))
    window = Window(store, "outputs", "path", "sha256", size=100)
    held = 0
    for n in range(5000):
        assert window.get(f"p{n:05d}") == ((f"s{n}",) if n % 2 == 0 else None)
        held = max(held, len(window._rows))
    assert held == 100
    assert len(reads) <= 5000 // 2 // 100 + 1
    for n in (4998, 7, 0, 2500, 2501):  # out of order: a window read from each
        assert window.get(f"p{n:05d}") == ((f"s{n}",) if n % 2 == 0 else None)
    assert window.get("a") is None
    assert window.get("q") is None
    assert window.get("bad\udcff") is None  # SQLite cannot hold it: never stored
    store.close()
