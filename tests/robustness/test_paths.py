"""Paths: links out of the corpus, odd file names, ``..``, special files, exports via links."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from corpus_tools.config import Config
from corpus_tools.seeds import SeedResult, read_seed

from ._support import (
    REAL_SEED,
    check_tei_file,
    make_corpus,
    run_corpus,
)

NAME = REAL_SEED.name
SEED = REAL_SEED.read_bytes()
# A valid seed that must never reach an export when it is only reachable through a link.
SECRET = b" date 2024-01-02 The secret text outside the corpus must never be exported.\n"
OTHER = "001_00000000000000ff.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus root with the real seed, and an ``outside`` folder beside it."""
    (tmp_path / "outside").mkdir()
    return make_corpus(tmp_path / "root")


def _codes(res: SeedResult) -> list[str]:
    return [d.code for d in res.diagnostics]


# --- symbolic links to seeds -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["absolute", "relative", "chain", "directory", "dangling"])
def test_seed_link_leaving_the_corpus_is_refused(corpus: Path, kind: str) -> None:
    outside = corpus.parent / "outside"
    secret = outside / OTHER
    secret.write_bytes(SECRET)
    link = corpus / "seeds" / OTHER
    if kind == "absolute":
        link.symlink_to(secret)
    elif kind == "relative":
        link.symlink_to(Path("..", "..", "outside", OTHER))
    elif kind == "chain":  # a link inside the corpus to a link that leaves it
        hop = corpus / "hop.txt"
        hop.symlink_to(secret)
        link.symlink_to(hop)
    elif kind == "directory":
        link.symlink_to(outside, target_is_directory=True)
    else:
        link.symlink_to(outside / "missing.txt")
    res = read_seed(link, corpus, Config())
    assert res.document is None
    assert _codes(res) == ["seed-symlink-outside"]
    assert res.diagnostics[0].file == f"seeds/{OTHER}"
    assert res.sha256 is None  # not even read


def test_linked_seed_is_refused_by_validate_and_export(corpus: Path) -> None:
    secret = corpus.parent / "outside" / OTHER
    secret.write_bytes(SECRET)
    (corpus / "seeds" / OTHER).symlink_to(secret)
    done = run_corpus("validate", "--no-cache", "--root", corpus)
    assert done.returncode == 1
    assert f"seeds/{OTHER}: error[seed-symlink-outside]" in done.stdout
    done = run_corpus("export", "--no-cache", "--root", corpus)
    assert done.returncode == 1
    assert "export refused" in done.stderr
    assert not (corpus / "exports" / "corpus.jsonl").exists()


def test_link_inside_the_corpus_is_followed(corpus: Path) -> None:
    # A link that stays inside the root is an ordinary seed.
    (corpus / "store").mkdir()
    (corpus / "store" / OTHER).write_bytes(SECRET)
    (corpus / "seeds" / OTHER).symlink_to(Path("..", "store", OTHER))
    res = read_seed(corpus / "seeds" / OTHER, corpus, Config())
    assert res.document is not None
    assert res.document.provenance.seed_path == f"seeds/{OTHER}"


def test_seed_swapped_for_a_link_after_the_check_is_refused(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The attacker's move comes right after the reader has checked the path for a link:
    # what is then opened must still not be a link leaving the corpus.
    secret = corpus.parent / "outside" / "secret.txt"
    secret.write_bytes(SECRET)
    seed = corpus / "seeds" / NAME
    real_is_symlink = Path.is_symlink

    def is_symlink_then_swap(self: Path) -> bool:
        answer = real_is_symlink(self)
        if self == seed and not answer:
            self.unlink()
            self.symlink_to(secret)
        return answer

    monkeypatch.setattr(Path, "is_symlink", is_symlink_then_swap)
    res = read_seed(seed, corpus, Config())
    monkeypatch.undo()
    assert seed.is_symlink(), "the reader never checked for a link (nothing to race)"
    assert res.document is None
    assert _codes(res) in (["seed-symlink-outside"], ["seed-unreadable"])


def _read_with_timeout(path: Path, root: Path, seconds: float = 5.0) -> SeedResult | None:
    """``read_seed`` in a thread; None when it is still blocked after ``seconds``."""
    out: list[SeedResult] = []
    thread = threading.Thread(target=lambda: out.append(read_seed(path, root)), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        # Free the reader: a writer that opens and closes the pipe gives it end of file.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(seconds)
        return None
    return out[0]


def test_named_pipe_seed_does_not_block(corpus: Path) -> None:
    fifo = corpus / "seeds" / OTHER
    os.mkfifo(fifo)
    res = _read_with_timeout(fifo, corpus)
    assert res is not None, "read_seed blocked on a named pipe"
    assert _codes(res) == ["seed-unreadable"]


# --- file names -------------------------------------------------------------------------

BAD_NAMES = [
    "-001_0123456789abcdef.txt",
    "--help",
    "001_0123456789abcdef .txt",
    "001 0123456789abcdef.txt",
    "my seed.txt",
    "００１_0123456789abcdef.txt",  # full-width digits
    "001_0123456789abcdеf.txt",  # Cyrillic е in the hash
    "001_0123456789abcdef.TXT",
    "001_0123456789abcdef.txt.bak",
    "001_0123456789abcdef.txt\n",
]


@pytest.mark.parametrize("name", BAD_NAMES, ids=repr)
def test_bad_seed_names_are_diagnostics(tmp_path: Path, name: str) -> None:
    root = make_corpus(tmp_path, {name: SEED})
    done = run_corpus("validate", "--no-cache", "--format", "json", "--root", root)
    assert done.returncode == 1, done.stderr
    assert "internal error" not in done.stderr
    assert '"code": "seed-bad-filename"' in done.stdout


def test_dash_names_are_not_options(tmp_path: Path) -> None:
    root = make_corpus(tmp_path, {"-001_0123456789abcdef.txt": SEED})
    (root / "-x.txt").write_bytes(SEED)
    for target in ("-x.txt", "seeds/-001_0123456789abcdef.txt"):
        done = run_corpus("validate", "--no-cache", "--", target, cwd=root)
        assert done.returncode == 1, done.stderr
        assert "No such option" not in done.stderr
        assert f"{target}: error[seed-bad-filename]" in done.stdout


@pytest.mark.parametrize(
    "folder", ["with space", "ünïcødé ў", "-dash", "a'quote", "semi;colon"], ids=str
)
def test_odd_root_folder_names_work(tmp_path: Path, folder: str) -> None:
    root = make_corpus(tmp_path / folder)
    done = run_corpus("export", "--no-cache", f"--root={root}")
    assert done.returncode == 0, done.stderr
    check_tei_file(root / "exports" / "corpus.tei.xml")
    done = run_corpus("validate", "--no-cache", "--root", root, "--today", "2026-01-01")
    assert done.returncode == 0, done.stdout + done.stderr


def _non_utf8_name(tmp_path: Path) -> Path:
    root = make_corpus(tmp_path)
    name = os.fsdecode(b"002_\xff\xfe.txt")
    (root / "seeds" / name).write_bytes(SEED.replace(b"2025", b"2024", 1))
    return root


def test_non_utf8_file_name_is_a_diagnostic_in_validate(tmp_path: Path) -> None:
    root = _non_utf8_name(tmp_path)
    for fmt in ("text", "json", "github", "sarif", "junit", "markdown"):
        done = run_corpus("validate", "--no-cache", "--format", fmt, "--root", root)
        assert done.returncode == 1, (fmt, done.stderr)
        assert "internal error" not in done.stderr


def test_non_utf8_file_name_is_a_diagnostic_in_export(tmp_path: Path) -> None:
    root = _non_utf8_name(tmp_path)
    done = run_corpus("export", "--root", root)
    assert "internal error" not in done.stderr
    assert done.returncode == 1
    assert "seed-bad-filename" in done.stderr
    # --check compares exports only; broken seeds are left to validate's findings.
    done = run_corpus("export", "--check", "--root", root)
    assert "internal error" not in done.stderr
    assert done.returncode in (0, 1)


# --- `..` and paths given on the command line --------------------------------------------


def test_dot_dot_in_seed_paths(corpus: Path) -> None:
    done = run_corpus(
        "validate", "--no-cache", "--format", "json", "--", f"seeds/../seeds/{NAME}", cwd=corpus
    )
    assert done.returncode == 0, done.stdout + done.stderr
    done = run_corpus("convert", "--", f"seeds/../seeds/{NAME}", cwd=corpus)
    assert done.returncode == 0, done.stderr
    assert f'"seed_path":"seeds/../seeds/{NAME}"' in done.stdout


def test_dot_dot_in_the_export_folder(corpus: Path) -> None:
    done = run_corpus("export", "--no-cache", "--out", "exports/../elsewhere", cwd=corpus)
    assert done.returncode == 0, done.stderr
    assert (corpus / "elsewhere" / "corpus.jsonl").is_file()
    # mkdir(parents=True) creates exports/ on the way; it stays empty.
    assert list((corpus / "exports").iterdir()) == []


# --- exports through symbolic links -------------------------------------------------------


@pytest.mark.parametrize("linked", ["exports", "exports/tei"])
@pytest.mark.parametrize("check", [False, True], ids=["export", "export-check"])
def test_export_through_a_linked_folder_is_refused(corpus: Path, linked: str, check: bool) -> None:
    # An export writes and deletes files: through a link it would do so outside the
    # corpus (TEI files of removed seeds are deleted from tei/). It is refused instead.
    outside = corpus.parent / "outside"
    stranger = outside / "999_ffffffffffffffff.xml"  # a name the TEI exporter owns
    stranger.write_bytes(b"<not-ours/>")
    (corpus / linked).parent.mkdir(parents=True, exist_ok=True)
    (corpus / linked).symlink_to(outside, target_is_directory=True)
    done = run_corpus("export", "--no-cache", "--root", corpus, *(["--check"] if check else []))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "symbolic link" in done.stderr
    assert linked in done.stderr
    assert sorted(p.name for p in outside.iterdir()) == [stranger.name]
    assert stranger.read_bytes() == b"<not-ours/>"
