"""A warm ``corpus validate`` (nothing changed) loads only what answering from the cache
needs, and says exactly what a cold run says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CASES, REPO

# Run as its own process: what a command imports is only seen in a fresh interpreter.
# The modules loaded are printed after the command's own output, on a line of their own.
PROBE = """
import sys
from corpus_tools import cli
sys.argv = ["corpus", "validate", *sys.argv[1:]]
try:
    cli.main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
print("\\nMODULES " + " ".join(sorted(sys.modules)))
sys.exit(code)
"""

# What only a run that converts seeds, renders or judges exports, or writes another
# report, needs.
COLD_ONLY = (
    "corpus_tools.seeds.convert",
    "corpus_tools.annotate",
    "corpus_tools.model",
    "corpus_tools.metadata",
    "corpus_tools.exporters.tei",
    "corpus_tools.exporters.csv",
    "corpus_tools.exporters.parquet",
    "corpus_tools.reporters.sarif",
    "corpus_tools.reporters.junit",
    "lxml",
    "pyarrow",
    "jsonschema",
)
# What a warm run with nothing changed needs neither: corpus.toml is not read (nor its
# settings' module loaded), no seed is converted or listed, no corpus rule runs.
SNAPSHOT_ONLY_SKIPS = (
    "corpus_tools.config",
    "corpus_tools.checks",
    "corpus_tools.pipeline",
    "corpus_tools.rules",
    "corpus_tools.exports",
    "corpus_tools.policy",
    "tomllib",
    "jsonschema_rs",
)


def _run(root: Path, *args: str) -> tuple[int, str, str, set[str]]:
    """``corpus validate ARGS`` in a new interpreter: exit code, report, standard
    error and the modules it had loaded."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("CORPUS_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report, _, modules = done.stdout.rpartition("\nMODULES ")
    assert modules, done.stderr
    return done.returncode, report, done.stderr, set(modules.split())


def _age(path: Path, seconds: int = 60) -> None:
    """This one file older than the racy window (the others' stamps stay as they are)."""
    when = time.time() - seconds
    os.utime(path, (when, when))


def _backdate(root: Path, seconds: int = 60) -> None:
    """Every file older than the racy window of the cache's stamps."""
    when = time.time() - seconds
    for path in root.rglob("*"):
        if path.is_file() and ".corpus-cache" not in path.parts:
            os.utime(path, (when, when))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Four valid seeds with the repository's settings, a source metadata table with a
    row for the first, and their exports."""
    import corpus_tools

    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    seeds = sorted((CASES / "positive").glob("*.txt"))[:4]
    for seed in seeds:
        shutil.copy(seed, root / "seeds" / seed.name)
    shutil.copy(REPO / "corpus.toml", root / "corpus.toml")
    (root / "metadata.csv").write_text(
        f"id,publication,url,author,headline,licence\n{seeds[0].stem},Minsk Herald,,,,\n",
        encoding="utf-8",
    )
    assert not corpus_tools.export(root, jobs=1, cache=False).refused
    _backdate(root)
    return root


def test_a_warm_validate_loads_neither_the_converter_nor_the_exporters(corpus: Path) -> None:
    cold = _run(corpus)
    warm = _run(corpus)
    # The cold run converted, rendered and judged: the probe sees what it looks for.
    assert {"corpus_tools.seeds.convert", "corpus_tools.annotate", "lxml"} <= cold[3]
    assert warm[:3] == cold[:3]
    assert warm[0] == 0
    loaded = sorted(
        name
        for name in warm[3]
        if any(name.split(".")[: len(m.split("."))] == m.split(".") for m in COLD_ONLY)
    )
    assert loaded == []
    assert "corpus_tools.reporters.text" in warm[3]
    assert sorted(warm[3].intersection(SNAPSHOT_ONLY_SKIPS)) == []


def test_a_warm_report_lists_the_same_files_and_findings(corpus: Path) -> None:
    # A report that lists every file checked (JUnit lists the metadata table too), and a
    # warning: the same bytes cold and warm.
    seed = next((corpus / "seeds").iterdir())
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\n\n", encoding="utf-8")
    _backdate(corpus)
    args = ("--format", "junit", "--output", "report.xml", "--format", "json")
    cold = _run(corpus, *args)
    cold_junit = (corpus / "report.xml").read_bytes()
    warm = _run(corpus, *args)
    assert warm[:3] == cold[:3]
    assert (corpus / "report.xml").read_bytes() == cold_junit
    assert b"metadata.csv" in cold_junit
    assert '"code": "export-stale"' in cold[1]
    assert cold[0] == 1
    assert "corpus_tools.seeds.convert" not in warm[3]


def test_a_table_changed_since_the_warm_run_is_seen(corpus: Path) -> None:
    assert _run(corpus)[0] == 0
    table = corpus / "metadata.csv"
    table.write_text(
        table.read_text(encoding="utf-8").replace("Minsk Herald", "Minsk Courier"),
        encoding="utf-8",
    )
    _age(table)  # the other files' stamps are as the warm run saw them: only the table changed
    code, report, _, modules = _run(corpus)
    assert code == 1
    assert "export-stale" in report
    assert "corpus_tools.metadata" in modules


def _key(root: Path) -> str | None:
    from corpus_tools.snapshots import snapshot_key

    return snapshot_key("context", [], trees=[root / "seeds", root / "exports"])


def test_the_snapshot_key_follows_every_stamp(corpus: Path) -> None:
    key = _key(corpus)
    assert key is not None
    assert _key(corpus) == key  # nothing changed: the same key
    seed = sorted((corpus / "seeds").iterdir())[0]
    tei = sorted((corpus / "exports" / "tei").iterdir())[0]
    old = time.time() - 60
    keys = {key}
    # An edit that keeps the size and sets the time back is still seen (inode change time).
    for path in (seed, tei):
        data = path.read_bytes()
        path.write_bytes(data[:-1] + (b"x" if data[-1:] != b"x" else b"y"))
        os.utime(path, (old, old))
        keys.add(_key(corpus))
    # A file added to a sub-folder of the exports, and one removed from the seeds.
    extra = corpus / "exports" / "tei" / "extra.xml"
    extra.write_text("<x/>", encoding="utf-8")
    os.utime(extra, (old, old))
    keys.add(_key(corpus))
    seed.unlink()
    keys.add(_key(corpus))
    assert None not in keys
    assert len(keys) == 5


def test_no_snapshot_key_for_a_file_too_fresh_to_trust(corpus: Path) -> None:
    assert _key(corpus) is not None
    (corpus / "exports" / "tei" / "new.xml").write_text("<x/>", encoding="utf-8")
    assert _key(corpus) is None
    _backdate(corpus)
    assert _key(corpus) is not None
    next((corpus / "seeds").iterdir()).touch()
    assert _key(corpus) is None


def test_no_snapshot_key_for_a_file_where_a_folder_belongs(tmp_path: Path) -> None:
    from corpus_tools.snapshots import snapshot_key

    (tmp_path / "seeds").write_text("not a folder", encoding="utf-8")
    _backdate(tmp_path)
    assert snapshot_key("context", [], trees=[tmp_path / "seeds"]) is None
    # A folder that is not there is part of the key as such.
    assert snapshot_key("context", [], trees=[tmp_path / "exports"]) is not None


def test_the_snapshot_key_follows_every_stamp_batch_by_batch(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders stamped two entries at a time, so that their files come in several
    batches, sub-folders listed among them: a change in any batch of either tree is
    seen, and anything but a plain file or folder gives no key."""
    from corpus_tools import snapshots

    monkeypatch.setattr(snapshots, "_BATCH", 2)
    key = _key(corpus)
    assert key is not None
    assert _key(corpus) == key
    old = time.time() - 60
    keys = {key}
    # The last file each folder lists: in its last batch.
    for folder in (corpus / "seeds", corpus / "exports", corpus / "exports" / "tei"):
        path = folder / [n for n in os.listdir(folder) if (folder / n).is_file()][-1]
        data = path.read_bytes()
        path.write_bytes(data[:-1] + (b"x" if data[-1:] != b"x" else b"y"))
        os.utime(path, (old, old))
        keys.add(_key(corpus))
    (corpus / "exports" / "empty").mkdir()  # a sub-folder, even an empty one
    keys.add(_key(corpus))
    assert None not in keys
    assert len(keys) == 5
    before = _key(corpus)
    link = corpus / "seeds" / "link.txt"
    link.symlink_to(next((corpus / "seeds").iterdir()))
    assert _key(corpus) is None
    link.unlink()
    assert _key(corpus) == before
    os.mkfifo(corpus / "exports" / "tei" / "pipe")
    assert _key(corpus) is None


def test_the_snapshot_key_of_named_files(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key of the files named (as a validation of given seeds takes it), two at a
    time: an edited file gives another key; a missing, too fresh or not plain one none."""
    from corpus_tools import snapshots

    monkeypatch.setattr(snapshots, "_BATCH", 2)
    folder = corpus / "seeds"
    names = sorted(os.listdir(folder))

    def key(*extra: str) -> str | None:
        return snapshots.snapshot_key("context", [], files=[(str(folder), [*names, *extra])])

    first = key()
    assert first is not None
    assert key() == first
    path = folder / names[-1]
    old = time.time() - 60
    data = path.read_bytes()
    path.write_bytes(data[:-1] + (b"x" if data[-1:] != b"x" else b"y"))
    os.utime(path, (old, old))
    edited = key()
    assert edited not in (None, first)
    assert key("missing.txt") is None
    (folder / "fresh.txt").write_text("x", encoding="utf-8")
    assert key("fresh.txt") is None
    (corpus / "seeds" / "sub").mkdir()
    assert key("sub") is None


def test_a_changed_corpus_toml_is_read_again(corpus: Path) -> None:
    assert _run(corpus)[0] == 0
    config = corpus / "corpus.toml"
    text = config.read_text(encoding="utf-8")
    # A setting that changes the report: every seed is now over the size limit.
    config.write_text(
        text.replace("max_seed_bytes = 1048576", "max_seed_bytes = 10"), encoding="utf-8"
    )
    _age(config)
    code, report, _, modules = _run(corpus)
    assert code == 1
    assert "seed-too-large" in report
    assert "tomllib" in modules
    # Not valid any more: the run stops (exit 2), whatever an earlier run stored.
    config.write_text(text.replace("[corpus]", "[corpus]\nunknown_key = 1"), encoding="utf-8")
    _age(config)
    code, _, err, _ = _run(corpus)
    assert code == 2
    assert "config-invalid" in err
    config.write_text(text, encoding="utf-8")
    _age(config)
    assert _run(corpus)[0] == 0


def test_a_warm_run_with_other_settings_is_not_answered_by_the_last(corpus: Path) -> None:
    assert _run(corpus)[0] == 0
    # Another day (a future-date rule), another language: each its own report.
    assert _run(corpus, "--today", "2000-01-01")[0] == 1
    code, _, _, modules = _run(corpus, "--today", "2000-01-01")
    assert code == 1
    assert "corpus_tools.pipeline" not in modules
    assert _run(corpus)[0] == 0


def test_a_snapshot_is_stored_under_the_configuration_that_was_read(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corpus.toml swapped in (with an old modification time) while a run reads the
    one before must not be answered by that run's report afterwards."""
    import corpus_tools
    from corpus_tools import config as config_module

    config = corpus / "corpus.toml"
    strict = corpus / "strict.toml"
    strict.write_text(
        config.read_text(encoding="utf-8").replace(
            "max_seed_bytes = 1048576", "max_seed_bytes = 10"
        ),
        encoding="utf-8",
    )
    _age(strict, 3600)
    # The validation imports load_config where it reads corpus.toml: patched at its source.
    read = config_module.load_config

    def swap_after_reading(root: Path) -> object:
        found = read(root)
        os.replace(strict, config)  # the stricter file, with its old time, in place
        return found

    monkeypatch.setattr(config_module, "load_config", swap_after_reading)
    assert corpus_tools.validate(corpus).exit_code() == 0
    monkeypatch.setattr(config_module, "load_config", read)
    code, report, _, _ = _run(corpus)
    assert code == 1
    assert "seed-too-large" in report


def test_a_file_the_tei_schema_includes_is_part_of_the_warm_key(
    corpus: Path, tmp_path: Path
) -> None:
    """A change to a file that a --tei-schema includes is seen by the next run, warm
    or not (the snapshot and the cached verdicts both depend on it)."""
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    part = schemas / "part.rng"
    shutil.copy(REPO / "schema" / "tei" / "corpus-tei.rng", part)
    main = schemas / "main.rng"
    main.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="part.rng"/></grammar>',
        encoding="utf-8",
    )
    _age(part)
    _age(main)
    assert _run(corpus, "--tei-schema", str(main))[0] == 0
    assert _run(corpus, "--tei-schema", str(main))[0] == 0  # answered warm
    part.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
        '<start><element name="nope"><empty/></element></start></grammar>',
        encoding="utf-8",
    )
    _age(part)
    code, report, _, _ = _run(corpus, "--tei-schema", str(main))
    assert code == 1
    assert "export-invalid" in report


def test_the_tool_key_follows_the_installed_libraries(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An upgraded library (here: jsonschema, whose package file is rewritten) gives
    # another key, so no run after it is answered with the old library's report; a
    # library that is not installed is a key of its own too.
    import importlib.machinery
    import importlib.util

    from corpus_tools import snapshots

    fake = tmp_path / "jsonschema_init.py"
    fake.write_text("# 4.0\n", encoding="utf-8")
    old = time.time() - 60
    os.utime(fake, (old, old))
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> importlib.machinery.ModuleSpec | None:
        if name == "jsonschema":
            return importlib.machinery.ModuleSpec(name, None, origin=str(fake))
        if name == "pyarrow" and missing:
            return None
        return real(name, package)

    missing = False
    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    first = snapshots.tool_key(corpus)
    assert first is not None
    assert snapshots.tool_key(corpus) == first
    fake.write_text("# 4.1\n", encoding="utf-8")
    os.utime(fake, (old, old))
    upgraded = snapshots.tool_key(corpus)
    missing = True
    without = snapshots.tool_key(corpus)
    assert None not in (upgraded, without)
    assert len({first, upgraded, without}) == 3
    # A library file written just now (being installed) gives no key at all.
    missing = False
    fake.write_text("# 4.2\n", encoding="utf-8")
    assert snapshots.tool_key(corpus) is None


_KEYS_SCRIPT = """
import sys
from corpus_tools import procs, snapshots

trees = [sys.argv[1] + "/seeds", sys.argv[1] + "/exports"]
safe = procs.fork_safe()
forked = snapshots.snapshot_key("context", [], trees=trees)
procs.fork_safe = lambda: False
alone = snapshots.snapshot_key("context", [], trees=trees)
print(safe, forked, alone)
"""


def _fresh(script: str, root: Path) -> str:
    """What ``script`` prints, run with the corpus root by a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(root)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


def _keys_both_ways(root: Path) -> tuple[str, str]:
    """The key with the first tree stamped by a child and by the process itself, from
    a fresh interpreter (this one runs native threads once it exported: no fork)."""
    safe, forked, alone = _fresh(_KEYS_SCRIPT, root).split()
    assert safe == "True", "no child could be forked: nothing compared"
    return forked, alone


@pytest.mark.skipif(sys.platform != "linux", reason="a child stamps a tree on Linux only")
def test_the_snapshot_key_is_the_same_whoever_stamps_the_trees(corpus: Path) -> None:
    """The first tree stamped by a child process (procs.beside) or here: the same key,
    the same changes seen, the same folder too fresh for both."""
    forked, alone = _keys_both_ways(corpus)
    assert forked == alone != "None"
    old = time.time() - 60
    keys = {alone}
    for path in (next((corpus / "seeds").iterdir()), next((corpus / "exports" / "tei").iterdir())):
        path.write_bytes(path.read_bytes() + b"\n")
        os.utime(path, (old, old))
        forked, alone = _keys_both_ways(corpus)
        assert forked == alone
        keys.add(alone)
    assert "None" not in keys
    assert len(keys) == 3
    (corpus / "seeds" / "fresh.txt").write_text("x", encoding="utf-8")
    assert _keys_both_ways(corpus) == ("None", "None")


_FAILING_CHILD = """
import os, sys
from corpus_tools import snapshots

parent = os.getpid()
stamp = snapshots._tree_digest
calls = []


def failing_in_the_child(folder, now):
    if os.getpid() != parent:
        raise MemoryError  # the child ends without an answer
    calls.append(folder)
    return stamp(folder, now)


snapshots._tree_digest = failing_in_the_child
key = snapshots.snapshot_key(
    "context", [], trees=[sys.argv[1] + "/seeds", sys.argv[1] + "/exports"]
)
print(key, len(calls))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="a child stamps a tree on Linux only")
def test_a_failed_child_costs_no_key(corpus: Path) -> None:
    """A child that ends without an answer: the first tree is stamped here instead."""
    alone = _key(corpus)
    # exports/ stamped here, then seeds/ here too: the child gave nothing.
    assert _fresh(_FAILING_CHILD, corpus).split() == [str(alone), "2"]
