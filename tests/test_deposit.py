"""Deposit-ready exports (issue 14): exact bytes of every tabular export, Parquet's
determinism, the Data Package of every file, the dataset card, the formats a corpus
tracks, `corpus package` (BagIt, RO-Crate, CITATION.cff, Croissant), `corpus verify`,
and JSON files validated as what their content says they are."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import corpus_tools
from corpus_tools.cli import cli
from corpus_tools.config import Author, Config
from corpus_tools.errors import UsageError
from corpus_tools.exporters import EXPORTERS
from corpus_tools.exporters.parquet import CREATED_BY
from corpus_tools.exports import expected_files, export_documents
from corpus_tools.package import package, verify
from corpus_tools.seeds import convert_seed

from .annotated import annotated_document
from .conftest import REPO, UNTRACKED_TOML

GOLDEN_DIR = REPO / "tests" / "goldens" / "deposit"
CFF_SCHEMA = REPO / "tests" / "data" / "cff-1.2.0.schema.json"
TABULAR = ["csv", "jsonl", "parquet"]

CONFIG = Config(
    title="Test corpus",
    publisher="Test publisher",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    idno="test-corpus",
    default_lang="en",
    description="Three seeds and an annotated article, for the tests.",
    keywords=("press", "tests"),
    authors=(
        Author(
            given_names="Ada",
            family_names="Lovelace",
            orcid="https://orcid.org/0000-0002-1825-0097",
        ),
        Author(name="corpus-tools project"),
    ),
    version="1.0.0",
)
SEEDS = {
    "seeds/000_8817f6bb585a9fd5.txt": (REPO / "seeds" / "000_8817f6bb585a9fd5.txt").read_bytes(),
    "seeds/001_0123456789abcdef.txt": (
        " date 2025-11-27 «Мы продолжим работу», — заявил министр 🎉.\n\n"
        "— Когда? — спросил журналист.\n"
    ).encode(),
    "seeds/010_fedcba9876543210.txt": (
        b" date 2025-11-29 Short\tnote, with a comma.  \r\n\r\n\r\n   Second paragraph.\r\n"
    ),
}


def _docs() -> list[Any]:
    docs = []
    for rel, data in SEEDS.items():
        doc = convert_seed(data, rel, CONFIG).document
        assert doc is not None, rel
        docs.append(doc)
    docs.append(annotated_document(CONFIG))
    return sorted(docs, key=lambda d: d.id)


def _export(out: Path, formats: list[str] = TABULAR) -> Path:
    export_documents(_docs(), formats, out, CONFIG)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


# --- exact bytes ------------------------------------------------------------------------

# The files an export of the test corpus in the tabular formats makes (nothing written).
GOLDEN_FILES = sorted(expected_files(_docs(), TABULAR, CONFIG))


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_golden(name: str, tmp_path: Path, golden: Callable[[Path, bytes], None]) -> None:
    out = _export(tmp_path)
    golden(GOLDEN_DIR / name, (out / name).read_bytes())


def test_golden_set_is_every_file(tmp_path: Path) -> None:
    out = _export(tmp_path)
    assert sorted(_files(out)) == GOLDEN_FILES
    assert set(GOLDEN_FILES) >= {
        "README.md",
        "datapackage.json",
        "corpus.jsonl",
        "corpus.jsonschema.json",
        "documents.parquet",
        "persons.jsonl",
    }


def test_exports_are_byte_identical_run_after_run(tmp_path: Path) -> None:
    assert _files(_export(tmp_path / "a")) == _files(_export(tmp_path / "b"))


# --- Parquet ----------------------------------------------------------------------------


def test_parquet_is_typed_and_says_no_pyarrow_version(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = _export(tmp_path, ["parquet"])
    meta = pq.read_metadata(out / "documents.parquet")
    assert meta.created_by == CREATED_BY
    assert meta.metadata is None  # no key-value metadata (no embedded Arrow schema)
    schema = pq.read_schema(out / "documents.parquet")
    types = {f.name: str(f.type) for f in schema}
    assert (types["seq"], types["date"], types["lang_confidence"]) == (
        "int64",
        "date32[day]",
        "double",
    )
    assert types["normalised_crlf"] == "bool"
    assert not any(f.nullable for f in schema)
    persons = pq.read_schema(out / "persons.parquet")
    assert str(persons.field("mentions").type) == "list<element: string not null>"
    docs = list(corpus_tools.read(out, format="parquet"))
    assert docs == _docs()


def test_parquet_row_groups_have_a_fixed_size(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from corpus_tools.exporters import parquet

    base = _docs()[0]
    docs = [
        dataclasses.replace(
            base,
            id=f"{n:05d}_{base.hash}",
            seq=n,
            provenance=dataclasses.replace(
                base.provenance, seed_path=f"seeds/{n:05d}_{base.hash}.txt"
            ),
        )
        for n in range(parquet.ROW_GROUP_ROWS + 10)
    ]
    export_documents(docs, ["parquet"], tmp_path, CONFIG)
    meta = pq.read_metadata(tmp_path / "documents.parquet")
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [
        parquet.ROW_GROUP_ROWS,
        10,
    ]
    assert len(list(corpus_tools.read(tmp_path, format="parquet"))) == len(docs)


def test_without_pyarrow_parquet_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(UsageError, match="parquet format needs pyarrow"):
        export_documents(_docs(), ["parquet"], tmp_path, CONFIG)


# --- the Data Package and the card ------------------------------------------------------


def _sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def test_data_package_describes_every_file_of_every_format(tmp_path: Path) -> None:
    out = _export(tmp_path, sorted(EXPORTERS))
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    files = _files(out)
    described: set[str] = set()
    for resource in package["resources"]:
        assert resource["mediatype"], resource["name"]
        path = resource["path"]
        if isinstance(path, list):  # the TEI files: one resource, a list of paths
            data = b"".join(files[p] for p in path)
            assert [f["path"] for f in resource["files"]] == path
            for part in resource["files"]:
                assert part["hash"] == _sha(files[part["path"]])
                assert part["bytes"] == len(files[part["path"]])
            described.update(path)
        else:
            data = files[path]
            described.add(path)
        assert resource["hash"] == _sha(data), resource["name"]
        if resource["format"] != "parquet":  # frictionless cannot count Parquet bytes
            assert resource["bytes"] == len(data), resource["name"]
    assert described == set(files) - {"datapackage.json"}
    by_name = {r["name"]: r for r in package["resources"]}
    assert by_name["tei-tei"]["mediatype"] == "application/tei+xml"
    assert by_name["documents-jsonl"]["jsonSchema"] == "corpus.jsonschema.json"
    assert by_name["documents-parquet"]["mediatype"] == "application/vnd.apache.parquet"
    assert package["corpus"] == {
        "documents": 4,
        "paragraphs": sum(len(d.paragraphs) for d in _docs()),
        "languages": {"en": 3, "ru": 1},
        "firstDate": "2025-11-27",
        "lastDate": "2025-12-01",
    }
    assert [c["title"] for c in package["contributors"]] == [
        "Ada Lovelace",
        "corpus-tools project",
        "Test publisher",
    ]
    proc = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(out / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert json.loads(proc.stdout)["valid"] is True, proc.stdout[-3000:]


def test_the_package_is_written_after_every_other_file(tmp_path: Path) -> None:
    # The digests an export check expects (nothing written) are those of the files.
    out = _export(tmp_path, sorted(EXPORTERS))
    expected = expected_files(_docs(), sorted(EXPORTERS), CONFIG)
    assert expected == {k: hashlib.sha256(v).hexdigest() for k, v in _files(out).items()}


def test_dataset_card_declares_configs_and_features(tmp_path: Path) -> None:
    out = _export(tmp_path)
    text = (out / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["license"] == "cc-by-4.0"
    assert front["language"] == ["en", "ru"]
    configs = {c["config_name"]: c for c in front["configs"]}
    assert sorted(configs) == ["documents", "paragraphs", "persons", "quotations"]
    for config in configs.values():
        [files] = config["data_files"]
        assert (out / files["path"]).is_file()
    features = {i["config_name"]: i["features"] for i in front["dataset_info"]}
    docs = {f["name"]: f for f in features["documents"]}
    assert docs["date"]["dtype"] == "date32"
    assert docs["schema_version"]["dtype"] == "string"
    assert {f["name"]: f for f in features["persons"]}["mentions"] == {
        "name": "mentions",
        "list": "string",
    }
    datasets = pytest.importorskip("datasets")
    for info in front["dataset_info"]:  # the card's features parse as datasets features
        assert datasets.Features._from_yaml_list(info["features"])


def test_jsonl_lines_are_not_canonical_documents_but_read_back(tmp_path: Path) -> None:
    out = _export(tmp_path, ["jsonl"])
    first = json.loads((out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert "provenance" not in first
    assert "quotations" not in first
    assert isinstance(first["schema_version"], str)
    assert list(corpus_tools.read(out / "corpus.jsonl")) == _docs()


# --- the formats a corpus tracks --------------------------------------------------------


def _corpus(tmp_path: Path, toml: str) -> Path:
    root = tmp_path / "c"
    (root / "seeds").mkdir(parents=True)
    for rel, data in SEEDS.items():
        (root / rel).write_bytes(data)
    (root / "corpus.toml").write_text(toml, encoding="utf-8")
    return root


def _toml(formats: str) -> str:
    text = (REPO / "corpus.toml").read_text(encoding="utf-8")
    return re.sub(r"(?m)^formats = \[.*\]$", f"formats = {formats}", text)


def test_export_without_format_writes_the_tracked_formats(tmp_path: Path) -> None:
    root = _corpus(tmp_path, _toml('["jsonl", "csv"]'))
    result = corpus_tools.export(root)
    assert result.formats == ["csv", "jsonl"]
    assert not list((root / "exports").glob("*.parquet"))
    assert not (root / "exports" / "tei").exists()
    report = corpus_tools.validate(root, jobs=1)
    assert report.exit_code() == 0, [d.code for d in report]
    # In the tracked folder "all" means the tracked formats, and the folder stays valid.
    assert corpus_tools.export(root, ["all"]).formats == ["csv", "jsonl"]
    assert corpus_tools.validate(root, jobs=1).exit_code() == 0
    # An untracked format, or some of the tracked ones alone, would leave a folder that
    # validate fails (extra files; a Data Package and card describing another set):
    # refused there, written anywhere else.
    for formats in (["tei"], ["parquet", "csv", "jsonl"], ["csv"]):
        with pytest.raises(corpus_tools.UsageError, match=r"holds the formats corpus\.toml tracks"):
            corpus_tools.export(root, formats)
    elsewhere = corpus_tools.export(root, ["all"], tmp_path / "all")
    assert elsewhere.formats == sorted(EXPORTERS)
    assert (tmp_path / "all" / "documents.parquet").is_file()
    assert not list((root / "exports").glob("*.parquet"))
    assert not (root / "exports" / "tei").exists()


def test_an_unknown_tracked_format_is_a_configuration_error(tmp_path: Path) -> None:
    root = _corpus(tmp_path, _toml('["csv", "xlsx"]'))
    result = CliRunner().invoke(cli, ["export", "--root", str(root)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "exports.formats: unknown export format xlsx" in result.output


# --- corpus package and corpus verify ---------------------------------------------------

REPO_SEED = REPO / "seeds" / "000_8817f6bb585a9fd5.txt"


def _packaged_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(REPO_SEED, root / "seeds")
    shutil.copy(REPO / "corpus.toml", root / "corpus.toml")
    return root


@pytest.fixture(scope="module")
def bag(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bag")
    root = _packaged_corpus(base)
    out = base / "bag"
    result = CliRunner().invoke(
        cli, ["package", "--root", str(root), "--out", str(out), "-j", "1"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return out


def test_package_is_a_valid_bag_with_everything(bag: Path) -> None:
    import bagit

    made = bagit.Bag(str(bag))
    assert made.is_valid()
    payload = {Path(p).relative_to("data").as_posix() for p in made.payload_files()}
    assert {
        "CITATION.cff",
        "croissant.json",
        "ro-crate-metadata.json",
        "corpus.toml",
        "seeds/000_8817f6bb585a9fd5.txt",
        "schema/document.schema.json",
        "schema/corpus.schema.json",
        "schema/tei/corpus-tei.rng",
        "exports/datapackage.json",
        "exports/corpus.tei.xml",
        "exports/documents.parquet",
    } <= payload
    assert not any(p.startswith(".") or "/." in p for p in payload)
    info = made.info
    assert info["Source-Organization"] == "corpus-tools project"
    assert info["Date"] == "2025-11-27"  # the newest seed's, not the clock's
    assert "Bagging-Date" in info


# mlcroissant's RDF library warns of its own deprecated API.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_package_metadata_is_valid_for_each_library(bag: Path) -> None:
    data = bag / "data"
    # RO-Crate, read back by the rocrate library.
    rocrate = pytest.importorskip("rocrate.rocrate")
    crate = rocrate.ROCrate(str(data))
    root = crate.root_dataset
    assert root["name"] == "corpus-tools press corpus"
    assert root["datePublished"] == "2025-11-27"
    assert root["license"].id == "https://creativecommons.org/licenses/by/4.0/"
    tool = crate.get("https://pypi.org/project/corpus-tools/")
    assert tool["version"] == corpus_tools.__version__
    assert crate.get("exports/documents.csv") is not None
    # CITATION.cff against the Citation File Format 1.2.0 schema.
    jsonschema = pytest.importorskip("jsonschema")
    cff = yaml.safe_load((data / "CITATION.cff").read_text(encoding="utf-8"))
    # As the schema asks of tools: YAML dates are checked as their strings.
    cff = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in cff.items()}
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(cff, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert cff["date-released"] == "2025-11-27"
    # Croissant, as mlcroissant validates it (and loads a record set from it).
    exe = shutil.which("mlcroissant", path=str(Path(sys.executable).parent)) or shutil.which(
        "mlcroissant"
    )
    assert exe, "mlcroissant is a test dependency"
    proc = subprocess.run(
        [exe, "validate", "--jsonld", str(data / "croissant.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    mlcroissant = pytest.importorskip("mlcroissant")
    records = list(mlcroissant.Dataset(jsonld=str(data / "croissant.json")).records("quotations"))
    assert len(records) == 6


def test_package_metadata_comes_from_the_data_not_the_clock(bag: Path, tmp_path: Path) -> None:
    root = _packaged_corpus(tmp_path)
    again = tmp_path / "again"
    package(root, again, jobs=1)
    for name in ("CITATION.cff", "croissant.json", "ro-crate-metadata.json"):
        assert (again / "data" / name).read_bytes() == (bag / "data" / name).read_bytes(), name
    assert (again / "manifest-sha256.txt").read_bytes() == (
        bag / "manifest-sha256.txt"
    ).read_bytes()


def test_package_needs_the_citation_metadata(tmp_path: Path) -> None:
    text = (REPO / "corpus.toml").read_text(encoding="utf-8")
    without = re.sub(r"(?m)^\[\[corpus\.authors\]\]\n(?:[a-z_]+ = .*\n)*", "", text)
    assert without != text
    root = _corpus(tmp_path, without)
    result = CliRunner().invoke(
        cli, ["package", "--root", str(root), "--out", str(tmp_path / "b")], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "corpus package needs authors in corpus.toml" in result.output
    assert not (tmp_path / "b").exists()


def test_package_wants_a_new_folder(tmp_path: Path) -> None:
    root = _packaged_corpus(tmp_path)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x").write_text("x")
    result = CliRunner().invoke(
        cli, ["package", "--root", str(root), "--out", str(tmp_path / "b")], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "not an empty folder" in result.output


@pytest.mark.parametrize("inside", ["exports/bag", "seeds/bag"])
def test_package_refuses_a_bag_inside_what_validate_checks(tmp_path: Path, inside: str) -> None:
    root = _packaged_corpus(tmp_path)
    result = CliRunner().invoke(
        cli, ["package", "--root", str(root), "--out", str(root / inside)], catch_exceptions=False
    )
    assert result.exit_code == 2
    folder = inside.split("/")[0]
    assert f"inside {folder}/, which corpus validate checks" in result.output
    assert not (root / inside).exists()


def test_a_corpus_with_errors_is_not_packaged(tmp_path: Path) -> None:
    root = _packaged_corpus(tmp_path)
    (root / "seeds" / "001_0123456789abcdef.txt").write_text(" date 2025-02-30 Bad.\n")
    result = CliRunner().invoke(
        cli, ["package", "--root", str(root), "--out", str(tmp_path / "b")], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "seed-invalid-date" in result.output
    assert not (tmp_path / "b").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.")]


def _verify(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["verify", str(path)], catch_exceptions=False)
    return result.exit_code, result.output


def test_verify_an_intact_bag_and_its_exports(bag: Path) -> None:
    assert _verify(bag)[0] == 0
    assert _verify(bag / "data" / "exports")[0] == 0


@pytest.mark.parametrize("where", ["bag", "exports"])
def test_verify_names_changed_missing_and_extra_files(
    bag: Path, tmp_path: Path, where: str
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(bag, copy)
    folder = copy if where == "bag" else copy / "data" / "exports"
    exports = copy / "data" / "exports"
    with (exports / "tei" / "doc-000_8817f6bb585a9fd5.xml").open("ab") as fh:
        fh.write(b"\n")
    (exports / "persons.csv").unlink()
    (exports / "notes.txt").write_text("not an export\n")
    code, output = _verify(folder)
    assert code == 1
    prefix = folder.as_posix() + "/" + ("data/exports/" if where == "bag" else "")
    assert f"{prefix}tei/doc-000_8817f6bb585a9fd5.xml: error[fixity-changed]" in output
    assert f"{prefix}persons.csv: error[fixity-missing]" in output
    assert f"{prefix}notes.txt: error[fixity-extra]" in output
    assert "3 errors" in output


def test_verify_of_neither_a_bag_nor_exports_is_a_usage_error(tmp_path: Path) -> None:
    code, output = _verify(tmp_path)
    assert code == 2
    assert "neither a BagIt bag" in output
    with pytest.raises(UsageError):
        verify(tmp_path)


# --- validate recognises JSON by extension and content ----------------------------------


def _validate(root: Path, path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli,
        ["validate", "--root", str(root), "--no-cache", str(path)],
        catch_exceptions=False,
    )
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("name", "content", "code", "found"),
    [
        ("corpus.jsonl", "export-lines", 0, "0 errors"),
        ("lines.json", "export-lines", 0, "0 errors"),  # JSON Lines named .json
        ("doc.jsonl", "pretty-canonical", 0, "0 errors"),  # one document named .jsonl
        ("doc.json", "pretty-canonical", 0, "0 errors"),
        ("canonical.jsonl", "canonical-lines", 0, "0 errors"),
        ("bad.jsonl", "bad-export-line", 1, "/seq: 'x' is not of type 'integer'"),
        ("quotes.jsonl", "quotation-lines", 0, "0 errors"),
    ],
)
def test_validate_tells_json_files_apart_by_content(
    tmp_path: Path, name: str, content: str, code: int, found: str
) -> None:
    root = _corpus(tmp_path, UNTRACKED_TOML)
    out = _export(tmp_path / "exports", ["jsonl"])
    docs = _docs()
    lines = (out / "corpus.jsonl").read_text(encoding="utf-8")
    texts = {
        "export-lines": lines,
        "pretty-canonical": json.dumps(docs[0].to_dict(), ensure_ascii=False, indent=2) + "\n",
        "canonical-lines": "".join(
            json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs
        ),
        "bad-export-line": lines.replace('"seq":0,', '"seq":"x",', 1),
        "quotation-lines": (out / "quotations.jsonl").read_text(encoding="utf-8"),
    }
    path = root / name
    path.write_text(texts[content], encoding="utf-8")
    exit_code, output = _validate(root, path)
    assert exit_code == code, output
    assert found in output


@pytest.mark.parametrize(
    "name", ["corpus.jsonl", "quotations.jsonl", "persons.parquet", "documents.csv"]
)
def test_read_any_file_of_a_format(tmp_path: Path, name: str) -> None:
    out = _export(tmp_path)
    assert list(corpus_tools.read(out / name)) == _docs()
