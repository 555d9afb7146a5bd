"""The gate never says "fine" when something is wrong: every path is accounted for, no
check is skipped silently, findings land on the file a pull request changed, usage errors
exit 2, and corpus.toml's policy is applied visibly."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

import corpus_tools
from corpus_tools.commands import ExportArgs, Streams, ValidateArgs, run_export, run_validate
from corpus_tools.config import ConfigError

from .conftest import CASES, REPO, UNTRACKED_TOML, git

SEEDS = sorted((CASES / "positive").glob("*.txt"))[:4]
BAD_DATE = " date 2025-02-30 The minister said that the plan works well for everyone.\n"


def _corpus(root: Path, *, exports: bool = True, toml: str | None = None) -> Path:
    (root / "seeds").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, root / "seeds" / seed.name)
    text = toml if toml is not None else (REPO / "corpus.toml").read_text(encoding="utf-8")
    (root / "corpus.toml").write_text(text, encoding="utf-8")
    if exports:
        corpus_tools.export(root, jobs=1, cache=False)
    return root


def _validate(root: Path, *argv: str, formats: tuple[str, ...] = ("text",)) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = ValidateArgs(
        paths=[Path(a) for a in argv], root=root, formats=list(formats), cache=False, jobs=1
    )
    return run_validate(args, Streams(out, err)), out.getvalue(), err.getvalue()


def _codes(report: corpus_tools.Report) -> list[tuple[str, str]]:
    return sorted((d.code, d.file) for d in report)


def test_a_path_that_does_not_exist_is_reported_and_the_others_still_checked(
    tmp_path: Path,
) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    typo = root / "seeds" / "001_typo.txt"
    bad = root / "seeds" / "099_0123456789abcdef.txt"
    bad.write_text(BAD_DATE, encoding="utf-8")
    code, out, _ = _validate(root, str(typo), str(bad))
    assert code == 2
    assert "seeds/001_typo.txt: error[path-missing]" in out
    assert "seeds/099_0123456789abcdef.txt:1:7: error[seed-invalid-date]" in out
    code, out, _ = _validate(root, str(typo))
    assert (code, out.splitlines()[-1]) == (2, "0 files, 1 error, 0 warnings")


def test_a_seed_in_a_sub_folder_is_misplaced_in_every_mode(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    _committed(root)
    (root / "seeds" / "2025").mkdir()
    hidden = root / "seeds" / "2025" / "006_0123456789abcdef.txt"
    hidden.write_text(BAD_DATE, encoding="utf-8")
    expected = [("seed-misplaced", "seeds/2025/006_0123456789abcdef.txt")]
    assert _codes(corpus_tools.validate(root, jobs=1, cache=False)) == expected
    assert (
        _codes(corpus_tools.validate(root, changed_since="HEAD", jobs=1, cache=False)) == expected
    )
    assert _codes(corpus_tools.validate(root, [hidden], jobs=1, cache=False)) == expected


def test_a_file_with_another_extension_in_seeds_is_a_finding(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    (root / "seeds" / "notes.json").write_text("{}", encoding="utf-8")
    found = _codes(corpus_tools.validate(root, jobs=1, cache=False))
    assert found == [
        ("seed-bad-filename", "seeds/notes.json"),
        ("seed-missing-date", "seeds/notes.json"),
    ]


def test_no_corpus_is_a_usage_error_and_creates_nothing(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    code, out, err = _validate(tmp_path)
    assert code == 2
    assert "holds no corpus.toml" in err
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]


def test_the_corpus_root_is_found_upward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    monkeypatch.chdir(root / "seeds")
    report = corpus_tools.validate(jobs=1, cache=False)
    assert (report.files, report.errors) == (len(SEEDS), 0)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(corpus_tools.UsageError, match=r"no corpus\.toml in"):
        corpus_tools.validate()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    out, err = io.StringIO(), io.StringIO()
    args = ValidateArgs(paths=[], root=root, lang="english", cache=False, jobs=1)
    assert run_validate(args, Streams(out, err)) == 2
    assert "'english' is not a BCP 47 language tag" in err.getvalue()
    code, out_text, err_text = _validate(root, formats=("json", "github"))
    assert (code, out_text) == (2, "")
    assert "json and github reports would both go to standard output" in err_text


def test_a_missing_export_folder_is_a_finding_unless_untracked(tmp_path: Path) -> None:
    tracked = _corpus(tmp_path / "a", exports=False)
    assert _codes(corpus_tools.validate(tracked, jobs=1, cache=False)) == [
        ("exports-absent", "exports")
    ]
    untracked = _corpus(tmp_path / "b", exports=False, toml=UNTRACKED_TOML)
    assert _codes(corpus_tools.validate(untracked, jobs=1, cache=False)) == []


def test_with_a_broken_seed_the_other_exports_are_still_checked(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c")
    (root / "seeds" / SEEDS[0].name).write_text(BAD_DATE, encoding="utf-8")
    stale = root / "exports" / "tei" / f"doc-{SEEDS[1].stem}.xml"
    stale.write_bytes(stale.read_bytes().replace(b"<p ", b"<p  ", 1))
    found = _codes(corpus_tools.validate(root, jobs=1, cache=False))
    # The files of the whole corpus (all but the per-article TEI files) are not checked,
    # which one finding on the folder says, with their number and the first names.
    wide = sorted(p.name for p in (root / "exports").iterdir() if p.is_file())
    assert "datapackage.json" in wide
    assert found == [
        ("export-not-checked", "exports"),
        ("export-stale", f"exports/tei/doc-{SEEDS[1].stem}.xml"),
        ("seed-invalid-date", f"seeds/{SEEDS[0].name}"),
    ]
    report = corpus_tools.validate(root, jobs=1, cache=False)
    (not_checked,) = [d for d in report if d.code == "export-not-checked"]
    assert not_checked.message == (
        f"{len(wide)} files of the whole corpus not compared ({', '.join(wide[:4])} and "
        f"{len(wide) - 4} more): the corpus has 1 error, so they cannot be what an export "
        "would write now"
    )
    for fmt in ("json", "github", "markdown", "junit", "sarif"):
        _, out, _ = _validate(root, formats=(fmt,))
        assert "export-not-checked" in out, fmt


def test_export_check_fails_when_a_seed_has_an_error(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c")
    (root / "seeds" / SEEDS[0].name).write_text(BAD_DATE, encoding="utf-8")
    out = io.StringIO()
    args = ExportArgs(root=root, formats=["all"], check=True, cache=False, jobs=1)
    assert run_export(args, Streams(out, io.StringIO())) == 1
    assert f"seeds/{SEEDS[0].name}:1:7: error[seed-invalid-date]" in out.getvalue()


def test_a_finding_with_a_changed_and_an_unchanged_file_lands_on_the_changed_one(
    tmp_path: Path,
) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    _committed(root)
    # A copy of the last seed under a name that sorts first: the old file is unchanged.
    last = SEEDS[-1]
    copy = root / "seeds" / f"{last.name[:4]}0000000000000000.txt"
    shutil.copy(last, copy)
    report = corpus_tools.validate(root, changed_since="HEAD", jobs=1, cache=False)
    assert {d.file for d in report} == {f"seeds/{copy.name}"}
    assert sorted(d.code for d in report) == ["duplicate-file"]
    dup = next(d for d in report if d.code == "duplicate-file")
    assert f"seeds/{last.name}" in dup.message
    assert dup.related == (f"seeds/{last.name}",)


POLICY = """
[rules]
sequence-gap = "off"
near-duplicate = "error"

[[ignore]]
files = "seeds/099_*.txt"
codes = ["quote-unbalanced"]
reason = "the source prints it so"
"""


def test_policy_rules_and_suppressions_apply_and_are_counted(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML + POLICY)
    (root / "seeds" / "099_0123456789abcdef.txt").write_text(
        " date 2025-11-27 The minister said “the plan works well for everyone.\n",
        encoding="utf-8",
    )
    report = corpus_tools.validate(root, jobs=1, cache=False)
    assert [d.code for d in report] == []
    assert report.suppressed == 2  # the gap before 099 and the unbalanced quotation
    assert report.summary() == "5 files, 0 errors, 0 warnings, 2 suppressed by corpus.toml"
    assert report.not_checked == ["exports/ ([exports] tracked = false in corpus.toml)"]


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ('[rules]\nseqence-gap = "off"\n', "unknown diagnostic code 'seqence-gap'"),
        (
            '[rules]\nschema-violation = "off"\n',
            "makes a document invalid and cannot be turned down",
        ),
        (
            '[[ignore]]\nfiles = "seeds/*"\ncodes = ["seed-invalid-date"]\nreason = "old files"\n',
            "makes a document invalid",
        ),
        ('[[ignore]]\nfiles = "seeds/*"\ncodes = ["sequence-gap"]\n', "'reason' is a required"),
    ],
)
def test_a_policy_that_cannot_apply_is_a_configuration_error(
    tmp_path: Path, policy: str, message: str
) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML + policy)
    with pytest.raises(ConfigError, match=message):
        corpus_tools.validate(root, jobs=1, cache=False)


def _git_corpus(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    _git_commit(root, "corpus")


def _git_commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


def test_committed_only_judges_the_committed_bytes(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    _git_corpus(root)
    subprocess.run(["git", "switch", "-q", "-c", "pr"], cwd=root, check=True)
    seed = root / "seeds" / "099_0123456789abcdef.txt"
    seed.write_text(BAD_DATE, encoding="utf-8")
    _git_commit(root, "a broken seed")
    seed.write_text(BAD_DATE.replace("02-30", "02-28"), encoding="utf-8")  # fixed, not committed
    out, err = io.StringIO(), io.StringIO()
    args = ValidateArgs(
        paths=[], root=root, changed_since="main", include_worktree=False, cache=False, jobs=1
    )
    assert run_validate(args, Streams(out, err)) == 1
    assert "seeds/099_0123456789abcdef.txt:1:7: error[seed-invalid-date]" in out.getvalue()
    assert "note: 1 file differs from HEAD in the working tree" in err.getvalue()
    # The working tree itself is fine: without --committed-only the run passes.
    assert corpus_tools.validate(root, changed_since="main", jobs=1, cache=False).errors == 0


def test_export_check_after_validate_still_reports_a_corpus_rule_error(tmp_path: Path) -> None:
    # validate found an error of a corpus rule (no seed of its own is broken); export
    # --check and export must not take the exports it computed for a clean corpus.
    root = _corpus(tmp_path / "c")
    early = root / "corpus.toml"
    early.write_text(
        early.read_text(encoding="utf-8").replace("1991-01-01", "2025-11-21"), encoding="utf-8"
    )
    assert corpus_tools.validate(root, jobs=1).errors == 1  # with the cache, as a user runs it
    checked = corpus_tools.export(root, check=True, jobs=1).report
    assert [d.code for d in checked if d.code != "export-not-checked"] == ["date-too-early"]
    assert corpus_tools.export(root, jobs=1).refused


def test_committed_only_judges_a_committed_link(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    _git_corpus(root)
    subprocess.run(["git", "switch", "-q", "-c", "pr"], cwd=root, check=True)
    (root / "seeds" / "099_0123456789abcdef.txt").symlink_to("/nonexistent/seed.txt")
    (root / "seeds" / "098_0123456789abcdee.txt").symlink_to(SEEDS[1].name)
    _git_commit(root, "two links")
    report = corpus_tools.validate(
        root, changed_since="main", include_worktree=False, jobs=1, cache=False
    )
    # The link inside the corpus is read as the seed it points to: a byte-identical copy.
    assert _codes(report) == [
        ("duplicate-file", "seeds/098_0123456789abcdee.txt"),
        ("seed-symlink-outside", "seeds/099_0123456789abcdef.txt"),
    ]


def test_named_seeds_meet_the_whole_corpus_beside_other_paths(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    copy = root / "seeds" / "099_0123456789abcdef.txt"
    shutil.copy(SEEDS[0], copy)
    draft = root / "seeds" / ".draft.txt"
    draft.write_text(BAD_DATE, encoding="utf-8")
    doc = root / "doc.jsonl"
    doc.write_text("", encoding="utf-8")
    report = corpus_tools.validate(root, [copy, doc, draft], jobs=1, cache=False)
    assert _codes(report) == [
        ("duplicate-file", "seeds/099_0123456789abcdef.txt"),
        ("seed-bad-filename", "seeds/.draft.txt"),
        ("seed-invalid-date", "seeds/.draft.txt"),
    ]
    assert report.files == 3


def test_every_file_under_exports_is_written_by_a_format_or_reported(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c")
    exports = root / "exports"
    first = sorted((exports / "tei").glob("*.xml"))[0]
    (exports / "tei" / "notes.xml").write_text("<notes/>", encoding="utf-8")
    (exports / "tei" / f"{first.name}.orig").write_bytes(first.read_bytes())
    (exports / "todo.txt").write_text("check the dates\n", encoding="utf-8")
    (exports / "old").mkdir()
    (exports / "old" / "corpus.jsonl").write_text("{}\n", encoding="utf-8")
    (exports / "dangling").symlink_to(tmp_path / "nowhere")
    # Dot-files are not deliverables: a .gitkeep, an old lock, a hidden folder.
    (exports / ".gitkeep").write_text("", encoding="utf-8")
    (exports / ".corpus-lock").write_text("", encoding="utf-8")
    (exports / ".notes").mkdir()
    (exports / ".notes" / "a.txt").write_text("x", encoding="utf-8")
    strays = [
        "exports/dangling",
        "exports/old/corpus.jsonl",
        f"exports/tei/{first.name}.orig",
        "exports/tei/notes.xml",
        "exports/todo.txt",
    ]
    hint = (
        "help: delete it or move it out of exports/, which holds only what corpus export "
        "writes (dot-files such as .gitkeep are ignored)"
    )
    lines = [
        f"{name}: error[export-extra] no export format writes this file: corpus export "
        f"neither writes nor removes it; {hint}"
        for name in strays
    ]
    code, out, _ = _validate(root)
    assert (code, out.splitlines()) == (1, [*lines, "4 files, 5 errors, 0 warnings"])
    out = io.StringIO()
    check = ExportArgs(root=root, formats=[], check=True, cache=False, jobs=1)
    assert run_export(check, Streams(out, io.StringIO())) == 1
    assert out.getvalue().splitlines() == [*lines, "4 files, 5 errors, 0 warnings"]
    # corpus export writes its own files and names the others, deleting none of them.
    err = io.StringIO()
    write = ExportArgs(root=root, formats=[], cache=False, jobs=1)
    assert run_export(write, Streams(io.StringIO(), err)) == 0
    assert [line for line in err.getvalue().splitlines() if "warning" in line] == [
        f"{exports / name.removeprefix('exports/')}: warning: no export format writes this "
        "file; left in place: delete it (corpus validate reports it until it is gone)"
        for name in strays
    ]
    assert (exports / "todo.txt").read_text(encoding="utf-8") == "check the dates\n"
    assert (exports / "dangling").is_symlink()
    for name in strays:
        (root / name).unlink()
    assert _validate(root)[0] == 0


def test_the_files_of_a_format_the_corpus_does_not_track_are_reported(tmp_path: Path) -> None:
    toml = (REPO / "corpus.toml").read_text(encoding="utf-8")
    toml = toml.replace('formats = ["csv", "jsonl", "parquet", "tei"]', 'formats = ["jsonl"]')
    assert 'formats = ["jsonl"]' in toml
    root = _corpus(tmp_path / "c", toml=toml)
    assert not (root / "exports" / "tei").exists()
    assert _validate(root)[0] == 0
    # Exported as TEI elsewhere and copied in by hand: corpus export (jsonl only) would
    # never update or remove it (and refuses to write TEI there itself).
    corpus_tools.export(root, ["tei"], tmp_path / "tei-only", jobs=1, cache=False)
    shutil.copytree(tmp_path / "tei-only", root / "exports", dirs_exist_ok=True)
    code, out, _ = _validate(root)
    assert code == 1
    extra = (
        ": error[export-extra] a file of the tei format, which is not exported here "
        "(formats: jsonl): corpus export neither writes nor removes it; help: delete it, or "
        "add tei to [exports] formats in corpus.toml and run: corpus export"
    )
    # The TEI format writes its schema beside the corpus file (sorted first).
    assert out.splitlines()[:2] == [
        "exports/corpus-tei.rng" + extra,
        "exports/corpus.tei.xml" + extra,
    ]
    # Asked for one format, export --check leaves the files of the tracked ones alone.
    out = io.StringIO()
    check = ExportArgs(root=root, formats=["tei"], check=True, cache=False, jobs=1)
    assert run_export(check, Streams(out, io.StringIO())) == 0, out.getvalue()


def _committed(root: Path) -> None:
    """Make ``root`` a git repository on main with everything in one commit."""
    git(root, "init", "-q", "-b", "main")
    _git_commit(root, "c")


def _seed(root: Path, seq: int) -> Path:
    name = f"{seq:03d}_{seq:016x}.txt"
    path = root / "seeds" / name
    path.write_text(f" date 2025-06-0{seq} Seed number {seq} of a short series.\n", "utf-8")
    return path


def test_a_deletion_that_opens_a_sequence_gap_is_reported_on_the_seed_after_it(
    tmp_path: Path,
) -> None:
    root = tmp_path / "c"
    (root / "seeds").mkdir(parents=True)
    (root / "corpus.toml").write_text(UNTRACKED_TOML, encoding="utf-8")
    seeds = [_seed(root, n) for n in (1, 2, 3, 4, 5, 7)]
    _committed(root)

    def changed() -> list[tuple[str, str, str]]:
        report = corpus_tools.validate(root, changed_since="HEAD", jobs=1, cache=False)
        return [(d.code, d.file, d.message) for d in report]

    # Deleting the last seed, or the gap already on main (7 follows 5), opens no gap.
    seeds[-1].unlink()
    assert changed() == []
    seeds[1].unlink()
    seeds[2].unlink()
    assert changed() == [
        (
            "sequence-gap",
            "seeds/004_0000000000000004.txt",
            "sequence number 4 follows 1; 2 to 3 missing: the change deletes the seeds "
            "seeds/002_0000000000000002.txt, seeds/003_0000000000000003.txt",
        )
    ]
    report = corpus_tools.validate(root, changed_since="HEAD", jobs=1, cache=False)
    assert report.diagnostics[0].effective_hint.startswith("restore the deleted seed")
    # Seeds renamed (deleted, and added under new names) leave no gap.
    for seq in (2, 3):
        text = f" date 2025-07-0{seq} Seed number {seq} of the short series, renamed.\n"
        (root / "seeds" / f"{seq:03d}_{seq:016x}".replace("_000", "_fff")).with_suffix(
            ".txt"
        ).write_text(text, encoding="utf-8")
    assert changed() == []


def test_every_report_says_the_exports_were_not_checked_when_untracked(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c", exports=False, toml=UNTRACKED_TOML)
    said = "exports/ ([exports] tracked = false in corpus.toml)"
    expected = {
        "text": f"note: not checked: {said}\n",
        "github": f"::notice title=not checked::{said}\n",
        "markdown": "Not checked: exports/ (\\[exports\\] tracked = false in corpus.toml)\n",
        "json": f'"not_checked": [\n      "{said}"\n    ]',
        "junit": f'<property name="not-checked" value="{said}"/>',
        "sarif": f'"notChecked": [\n          "{said}"\n        ]',
    }
    for fmt, text in expected.items():
        code, out, _ = _validate(root, formats=(fmt,))
        assert code == 0
        assert text in out, fmt
    # Paths named one by one never check the exports: nothing was skipped by choice.
    code, out, _ = _validate(root, str(root / "seeds" / SEEDS[0].name))
    assert (code, out) == (0, "1 file, 0 errors, 0 warnings\n")
