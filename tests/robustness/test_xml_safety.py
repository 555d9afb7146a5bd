"""Reading TEI back is safe: no entity, no DTD, no network, no file read, no blow-up.

Every hostile file is refused with a ``TeiReadError`` naming the file and the line.
"No file read" is proved with a named pipe: opening a FIFO for reading blocks until a
writer comes, so a parser that tried to read it would hang (the read runs in a thread
with a time-out, and the pipe is then opened to free it). "No network" is proved with a
listening socket on 127.0.0.1 that nobody must connect to.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corpus_tools.exporters.tei import TeiReadError, check_tei_references, read_tei

from ._support import peak_rss

TEI = b'<TEI xmlns="http://www.tei-c.org/ns/1.0">'
HUNG = 10.0  # seconds after which a read that has not returned is taken as blocked


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe: reading it blocks until a writer opens it."""
    path = tmp_path / "secret.fifo"
    os.mkfifo(path)
    yield path
    _release(path)


def _release(path: Path) -> None:
    """Unblock a reader stuck on ``path`` (no-op when nobody reads it)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # ENXIO: no reader has it open, nothing to release
        return
    os.close(fd)


@pytest.fixture
def listener() -> Iterator[tuple[int, Callable[[], int]]]:
    """A TCP socket on 127.0.0.1 and a function counting the connections it got."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    accepted: list[socket.socket] = []

    def connections() -> int:
        while True:
            try:
                conn, _ = sock.accept()
            except BlockingIOError:
                return len(accepted)
            accepted.append(conn)

    yield sock.getsockname()[1], connections
    for conn in accepted:
        conn.close()
    sock.close()


def _read(path: Path) -> TeiReadError:
    """Read ``path`` in a thread; the TeiReadError it raised (fails if it hangs)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            list(read_tei(path))
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HUNG)
    if thread.is_alive():
        for sibling in path.parent.iterdir():
            if sibling.suffix == ".fifo":
                _release(sibling)
        thread.join(HUNG)
        pytest.fail(f"reading {path.name} blocked: the parser opened an external resource")
    error = outcome[0]
    assert isinstance(error, TeiReadError), f"expected TeiReadError, got {error!r}"
    return error


def _hostile(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _assert_named(error: TeiReadError, path: Path, line: int) -> None:
    assert error.path == str(path)
    assert error.line == line
    assert str(error).startswith(f"{path}:{line}: ")


def _doctype(subset: bytes, body: bytes = b"") -> bytes:
    return b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n' + subset + b"]>\n" + TEI + body + b"</TEI>\n"


def test_external_file_entity_is_refused_unread(tmp_path: Path, fifo: Path) -> None:
    path = _hostile(
        tmp_path, "xxe.xml", _doctype(b'<!ENTITY x SYSTEM "file://%s">\n' % bytes(fifo), b"&x;")
    )
    error = _read(path)
    _assert_named(error, path, 2)
    assert "DOCTYPE" in error.message


def test_etc_passwd_entity_is_refused(tmp_path: Path) -> None:
    path = _hostile(
        tmp_path, "passwd.xml", _doctype(b'<!ENTITY x SYSTEM "file:///etc/passwd">\n', b"&x;")
    )
    error = _read(path)
    _assert_named(error, path, 2)
    assert "root:" not in str(error)


def test_external_dtd_is_refused_without_network(
    tmp_path: Path, listener: tuple[int, Callable[[], int]], fifo: Path
) -> None:
    port, connections = listener
    for name, system_id in (
        ("net.xml", b"http://127.0.0.1:%d/tei.dtd" % port),
        ("file.xml", bytes(fifo)),
    ):
        data = (
            b'<?xml version="1.0"?>\n\n<!DOCTYPE TEI SYSTEM "'
            + system_id
            + b'">\n'
            + TEI
            + b"</TEI>\n"
        )
        path = _hostile(tmp_path, name, data)
        _assert_named(_read(path), path, 3)
    assert connections() == 0


def test_network_entities_are_refused_without_network(
    tmp_path: Path, listener: tuple[int, Callable[[], int]]
) -> None:
    port, connections = listener
    url = b"http://127.0.0.1:%d/e" % port
    cases = {
        "general.xml": _doctype(b'<!ENTITY x SYSTEM "' + url + b'">\n', b"&x;"),
        "parameter.xml": _doctype(b'<!ENTITY % p SYSTEM "' + url + b'">\n%p;\n'),
        "public.xml": _doctype(b'<!ENTITY x PUBLIC "-//X//EN" "' + url + b'">\n', b"&x;"),
    }
    for name, data in cases.items():
        path = _hostile(tmp_path, name, data)
        _assert_named(_read(path), path, 2)
    assert connections() == 0


def _billion_laughs() -> bytes:
    subset = b'<!ENTITY lol0 "lol">\n' + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    return _doctype(subset, b"&lol9;")


def _quadratic_blowup() -> bytes:
    return _doctype(b'<!ENTITY a "' + b"a" * 100_000 + b'">\n', b"&a;" * 100_000)


def _deep(depth: int) -> bytes:
    # One element per line, so that the line of the failure is known.
    return TEI + b"\n" + b"<p>\n" * depth + b"</p>" * depth + b"</TEI>\n"


def _assert_refused_inside(error: TeiReadError, path: Path, data: bytes) -> None:
    # Where libxml2 notices an expansion depends on its version (the declaration on
    # line 2 up to 2.14 with lxml 6.0.1; the first use with lxml 6.0.2): the error
    # names the file and a line of it, and says why.
    assert error.path == str(path)
    assert error.line is not None
    assert 1 <= error.line <= data.count(b"\n") + 1
    assert str(error).startswith(f"{path}:{error.line}: ")
    assert "entit" in error.message.lower()


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    data = _billion_laughs()
    path = _hostile(tmp_path, "laughs.xml", data)
    _assert_refused_inside(_read(path), path, data)


def test_quadratic_blowup_is_refused(tmp_path: Path) -> None:
    data = _quadratic_blowup()
    path = _hostile(tmp_path, "quadratic.xml", data)
    _assert_refused_inside(_read(path), path, data)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = _hostile(tmp_path, "deep.xml", _deep(10_000))
    error = _read(path)
    # libxml2 stops at depth 256 without XML_PARSE_HUGE: the TEI element is on line 1,
    # the 256th nested element on line 257.
    assert error.path == str(path)
    assert error.line is not None
    assert 200 <= error.line <= 300
    assert "depth" in error.message


def test_xinclude_and_stylesheets_are_not_processed(
    tmp_path: Path, fifo: Path, listener: tuple[int, Callable[[], int]]
) -> None:
    port, connections = listener
    data = (
        b'<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:%d/s.xsl"?>\n' % port
        + b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">\n'
        + b'<xi:include href="%s" parse="text"/>\n</TEI>\n' % bytes(fifo)
    )
    path = _hostile(tmp_path, "xinclude.xml", data)
    error = _read(path)
    assert error.path == str(path)
    assert error.line is not None
    assert connections() == 0


def test_reference_check_refuses_the_same_files(tmp_path: Path) -> None:
    # check_tei_references parses with the same parser: problems, not exceptions.
    files = [
        _hostile(tmp_path, "a.xml", _doctype(b'<!ENTITY x SYSTEM "file:///etc/passwd">\n', b"&x;")),
        _hostile(tmp_path, "b.xml", _billion_laughs()),
        _hostile(tmp_path, "c.xml", _deep(10_000)),
    ]
    problems = check_tei_references(files)
    assert [p.file for p in problems] == [str(f) for f in files]
    assert all(p.line is not None for p in problems)


@pytest.mark.parametrize("prolog", [100_000, (1 << 20) - 40, 3 << 20])
def test_doctype_after_a_long_prolog_is_located(tmp_path: Path, prolog: int) -> None:
    # The line of a DOCTYPE that comes after long comments is still given, also where
    # the declaration straddles two of the chunks the file is read in.
    comment = b"<!--" + b"x" * prolog + b"-->\n"
    data = (
        b'<?xml version="1.0"?>\n'
        + comment
        + b'<!DOCTYPE TEI [<!ENTITY x "y">]>\n'
        + TEI
        + b"</TEI>"
    )
    path = _hostile(tmp_path, "late.xml", data)
    error = _read(path)
    assert error.path == str(path)
    assert error.line == 3


_MEASURE = """
import json, sys
from corpus_tools.exporters.tei import TeiReadError, read_tei
outcomes = {}
for name in sys.argv[1:]:
    try:
        list(read_tei(name))
        outcomes[name] = "read"
    except TeiReadError as exc:
        outcomes[name] = "refused"
print(json.dumps(outcomes))
"""


def test_hostile_files_do_not_blow_up_memory(tmp_path: Path) -> None:
    # In a fresh interpreter, so that the high-water mark is this work's alone.
    files = [
        _hostile(tmp_path, "laughs.xml", _billion_laughs()),
        _hostile(tmp_path, "quadratic.xml", _quadratic_blowup()),
        _hostile(tmp_path, "deep.xml", _deep(100_000)),
    ]
    result = peak_rss(sys.executable, "-c", _MEASURE, *files)
    assert result["rc"] == 0, result["stderr"]
    assert set(json.loads(result["stdout"]).values()) == {"refused"}
    assert result["maxrss_kib"] < 150 * 1024, result
