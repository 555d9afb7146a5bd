"""Reading seed files into canonical documents, keeping exact seed line numbers.

``convert_seed`` is a pure function of the seed bytes, its path and the settings: no
clock, no environment. ``read_seed`` adds the file-system part (links, size, reading).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from corpus_tools._version import __version__
from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic
from corpus_tools.langdetect import detect_language
from corpus_tools.model import Document, Paragraph, Provenance, Stats
from corpus_tools.paths import display_path
from corpus_tools.quotes import find_quotations

CONVERTER = f"corpus-tools {__version__}"

SEED_NAME = re.compile(r"^(?P<seq>[0-9]{3,})_(?P<hash>[0-9a-f]{16})\.txt\Z")
_NAME_HINT = re.compile(r"^(?P<seq>[0-9]+)_(?P<hash>[0-9A-Fa-f]+)\.txt$", re.IGNORECASE)

_WS = " \t\u00a0\u202f\u2007\u3000"
_HEADER = re.compile(rf"^(?P<lead>[{_WS}]*)date(?:[{_WS}]+|$)")
_TOKEN = re.compile(r"\S+")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_LIKE = re.compile(r"^(?:date$|[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}[,;.]?$)")
# XML 1.0 forbids C0 controls except tab, LF and CR, and U+FFFE/U+FFFF; the corpus
# also refuses DEL and C1 controls, which in a seed are always damage.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_MOJIBAKE = re.compile("â€[\u0080-\u02ff\u2000-\u20ff]|[ÃÂÐÑ][\u00a0-\u00bf]")
_MOJIBAKE_LEADS = ("â€", "Ã", "Â", "Ð", "Ñ")
_LONG_WORD = re.compile(r"\S{201,}")
_WORDS = re.compile(r"\w+(?:['’\-]\w+)*")
_SENTENCE_END = re.compile(r"[.!?…](?:[”»\"’)]*)(?=\s+[\"“«„(\[]?[A-ZА-ЯЁІЎЄЇҐ0-9])")

_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
)
# Trimmed from the ends of lines: Unicode white space as str.isspace() sees it, plus
# U+FEFF (a byte order mark left inside pasted text), which the schema's ECMA-262 \s
# also counts as space.
_EDGE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_TITLE_MAX = 160
# Words before a full stop that do not end a sentence (English and Russian press).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "sen",
        "rep",
        "gov",
        "jr",
        "sr",
        "no",
        "vol",
        "fig",
        "approx",
        "etc",
        "vs",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "т",
        "г",
        "гг",
        "ул",
        "им",
        "др",
        "проф",
    ]
)
_LONG_WORD_MAX = 200


@dataclass(frozen=True, slots=True)
class SeedResult:
    """What reading one seed gave: the document (None on errors) and the findings."""

    path: str
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str | None = None
    size: int | None = None
    seq: int | None = None
    hash: str | None = None
    date: str | None = None
    date_line: int | None = None
    date_column: int | None = None

    @property
    def id(self) -> str | None:
        """The document id from the file name, when the name is valid."""
        name = self.path.rsplit("/", 1)[-1]
        return name[:-4] if SEED_NAME.match(name) else None


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and byte column of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


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


def _decode(data: bytes, rel: str) -> tuple[str | None, list[Diagnostic], list[str]]:
    """Decode seed bytes; the text (None on error), findings and normalisations."""
    diags: list[Diagnostic] = []
    if not data:
        return None, [Diagnostic("seed-empty", rel, "the file is empty", 1, 1)], []
    if data.startswith(_BINARY_MAGIC):
        return (
            None,
            [
                Diagnostic(
                    "seed-binary",
                    rel,
                    "the file starts like a binary file (image, PDF, archive or program)",
                    1,
                    1,
                )
            ],
            [],
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return (
            None,
            [
                Diagnostic(
                    "seed-not-utf8",
                    rel,
                    "the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8",
                    1,
                    1,
                )
            ],
            [],
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        head = data[:4096]
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        line, col = _line_col(data, nul)
        if head.count(b"\x00") * 4 >= len(head) and head[1::2].count(0) > len(head) // 4:
            return (
                None,
                [
                    Diagnostic(
                        "seed-not-utf8",
                        rel,
                        f"the file looks like UTF-16 without a byte order mark (NUL byte at offset {nul})",
                        line,
                        col,
                    )
                ],
                [],
            )
        if controls * 10 > len(head):
            return (
                None,
                [
                    Diagnostic(
                        "seed-binary",
                        rel,
                        f"the file is binary: {controls} control bytes in its first {len(head)} bytes",
                        1,
                        1,
                    )
                ],
                [],
            )
        count = data.count(b"\x00")
        return (
            None,
            [
                Diagnostic(
                    "seed-nul-byte",
                    rel,
                    f"NUL byte at byte offset {nul} ({count} in the file)",
                    line,
                    col,
                )
            ],
            [],
        )
    norms: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        diags.append(
            Diagnostic(
                "seed-bom", rel, "the file starts with a UTF-8 byte order mark (ignored)", 1, 1
            )
        )
        norms.append("bom")
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if norms else 0)
        raw = data if not norms else b"\xef\xbb\xbf" + data
        line, col = _line_col(raw, offset)
        bad = data[exc.start : exc.start + 3]
        if bad[:1] == b"\xed" and len(bad) > 1 and 0xA0 <= bad[1] <= 0xBF:
            why = f"an encoded UTF-16 surrogate (bytes {bad.hex(' ')}) at byte offset {offset}"
        else:
            why = f"byte 0x{data[exc.start]:02X} at byte offset {offset} is not valid UTF-8"
            try:
                data.decode("cp1252")
                why += " (the file looks like Latin-1 or Windows-1252)"
            except UnicodeDecodeError:
                pass
        return None, [*diags, Diagnostic("seed-not-utf8", rel, why, line, col)], norms
    return text, diags, norms


@dataclass(slots=True)
class _Para:
    line: int
    pieces: list[tuple[int, int, str]]  # (line, column of the piece's first char, text)


def convert_seed(
    data: bytes,
    rel_path: str,
    config: Config | None = None,
    *,
    lang_override: str | None = None,
) -> SeedResult:
    """Convert the bytes of one seed into a canonical document and its findings."""
    config = config or Config()
    rel = rel_path
    sha = hashlib.sha256(data).hexdigest()
    size = len(data)
    named = parse_name(rel)
    diags: list[Diagnostic] = []
    seq: int | None = None
    hsh: str | None = None
    if isinstance(named, Diagnostic):
        diags.append(named)
    else:
        seq, hsh = named

    def result(
        doc: Document | None = None,
        date: str | None = None,
        dline: int | None = None,
        dcol: int | None = None,
    ) -> SeedResult:
        return SeedResult(rel, doc, diags, sha, size, seq, hsh, date, dline, dcol)

    if size > config.max_seed_bytes:
        diags.append(
            Diagnostic(
                "seed-too-large",
                rel,
                f"the file has {size} bytes; the limit is {config.max_seed_bytes}",
                None,
                None,
            )
        )
        return result()

    text, found, norms = _decode(data, rel)
    diags.extend(found)
    if text is None:
        return result()

    if "\r" in text:
        norms.append("crlf" if "\r\n" in text else "cr")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        diags.append(Diagnostic("seed-blank", rel, "the file holds only white space", 1, 1))
        return result()

    bad_chars = 0
    for m in _FORBIDDEN.finditer(text):
        bad_chars += 1
        if bad_chars <= 5:
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            diags.append(
                Diagnostic(
                    "seed-forbidden-char",
                    rel,
                    f"forbidden control character U+{ord(m.group()):04X}",
                    line,
                    col,
                )
            )
    if bad_chars:
        return result()

    lines = text.split("\n")
    # Tolerate blank lines before the header.
    first = 0
    while not lines[first].strip():
        first += 1
    head = lines[first]
    hm = _HEADER.match(head)
    if not hm:
        token = _TOKEN.search(head)
        col = token.start() + 1 if token else 1
        what = f"found {token.group()[:30]!r}" if token else "found nothing"
        diags.append(
            Diagnostic(
                "seed-missing-date",
                rel,
                f"line {first + 1} must start with 'date YYYY-MM-DD'; {what}",
                first + 1,
                col,
            )
        )
        return result()
    pos = hm.end()
    tok = _TOKEN.match(head, pos) if pos < len(head) else None
    date_line, date_col = first + 1, pos + 1
    if tok is None:
        diags.append(
            Diagnostic(
                "seed-malformed-date", rel, "'date' is not followed by a date", date_line, pos + 1
            )
        )
        return result()
    raw_date = tok.group()
    date_col = tok.start() + 1
    if not _ISO_DATE.match(raw_date):
        diags.append(
            Diagnostic(
                "seed-malformed-date",
                rel,
                f"date {raw_date[:40]!r} is not written as YYYY-MM-DD",
                date_line,
                date_col,
            )
        )
        return result()
    try:
        dt.date.fromisoformat(raw_date)
    except ValueError:
        diags.append(
            Diagnostic(
                "seed-invalid-date",
                rel,
                f"date {raw_date} does not exist in the calendar",
                date_line,
                date_col,
            )
        )
        return result()
    rest_start = tok.end()
    while rest_start < len(head) and head[rest_start] in _WS:
        rest_start += 1
    nxt = _TOKEN.match(head, rest_start)
    if nxt and _DATE_LIKE.match(nxt.group()):
        diags.append(
            Diagnostic(
                "seed-duplicate-date",
                rel,
                f"a second date {nxt.group()[:40]!r} follows the date {raw_date}",
                date_line,
                nxt.start() + 1,
            )
        )
        return result(None, raw_date, date_line, date_col)

    # Collect paragraphs as pieces of lines, remembering where each piece starts.
    paras: list[_Para] = []
    current: _Para | None = None
    blank_run = 0
    pieces_lines = [(first, rest_start, head)] + [
        (i, 0, lines[i]) for i in range(first + 1, len(lines))
    ]
    for idx, start_col, line_text in pieces_lines:
        segment = line_text[start_col:]
        stripped = segment.strip(_EDGE)
        if not stripped:
            if current is not None:
                paras.append(current)
                current = None
            blank_run += 1
            continue
        if blank_run > 1 and paras:
            norms.append("blank-lines")
        blank_run = 0
        lead = len(segment) - len(segment.lstrip(_EDGE))
        if segment != segment.rstrip(_EDGE):
            norms.append("trailing-space")
        if lead and idx != first:
            norms.append("leading-space")
        col = start_col + lead + 1
        if current is None:
            current = _Para(idx + 1, [])
        else:
            norms.append("line-join")
        current.pieces.append((idx + 1, col, stripped))
    if current is not None:
        paras.append(current)
    if not paras:
        diags.append(
            Diagnostic(
                "seed-missing-body",
                rel,
                f"no article text follows the date {raw_date}",
                date_line,
                date_col + len(raw_date),
            )
        )
        return result(None, raw_date, date_line, date_col)

    texts: list[str] = []
    # One scan of the whole text decides whether any paragraph needs a closer look.
    has_tab = "\t" in text
    needs_nfc = not text.isascii() and not unicodedata.is_normalized("NFC", text)
    warned_tab = warned_nfc = False
    warned_moji = text.isascii() or not _might_be_mojibake(text)
    warned_long = len(text) <= _LONG_WORD_MAX or max(map(len, text.split())) <= _LONG_WORD_MAX
    for para in paras:
        joined = " ".join(p[2] for p in para.pieces)
        first_line, first_col = para.pieces[0][0], para.pieces[0][1]
        if has_tab and "\t" in joined:
            norms.append("tab")
            if not warned_tab:
                warned_tab = True
                pl, pc = _locate(para, joined.index("\t"))
                diags.append(
                    Diagnostic(
                        "seed-tab",
                        rel,
                        f"tab character in the text ({joined.count(chr(9))} in this paragraph); exported as a space",
                        pl,
                        pc,
                    )
                )
            joined = joined.replace("\t", " ")
        if needs_nfc and not unicodedata.is_normalized("NFC", joined):
            norms.append("nfc")
            if not warned_nfc:
                warned_nfc = True
                diags.append(
                    Diagnostic(
                        "seed-not-nfc",
                        rel,
                        "text is not in Unicode NFC (decomposed characters); normalised to NFC",
                        first_line,
                        first_col,
                    )
                )
            joined = unicodedata.normalize("NFC", joined)
        if not warned_moji and not joined.isascii():
            mm = _MOJIBAKE.search(joined)
            if mm:
                warned_moji = True
                pl, pc = _locate(para, mm.start())
                diags.append(
                    Diagnostic(
                        "seed-mojibake",
                        rel,
                        f"{mm.group()!r} looks like UTF-8 text decoded as Windows-1252",
                        pl,
                        pc,
                    )
                )
        if len(joined) > config.max_paragraph_chars:
            diags.append(
                Diagnostic(
                    "seed-paragraph-too-long",
                    rel,
                    f"paragraph has {len(joined)} characters; the limit is {config.max_paragraph_chars}",
                    first_line,
                    first_col,
                )
            )
        if not warned_long and len(joined) > _LONG_WORD_MAX:
            lw = _LONG_WORD.search(joined)
            if lw:
                warned_long = True
                pl, pc = _locate(para, lw.start())
                diags.append(
                    Diagnostic(
                        "seed-long-word",
                        rel,
                        f"{lw.end() - lw.start()} characters without a space",
                        pl,
                        pc,
                    )
                )
        texts.append(joined)

    quotations, issues = find_quotations(texts)
    for issue in issues:
        pl, pc = _locate(paras[issue.paragraph - 1], issue.offset)
        diags.append(Diagnostic("quote-unbalanced", rel, issue.message, pl, pc))

    if lang_override:
        lang, lang_source = lang_override, "override"
    else:
        det = detect_language(" ".join(texts))
        if det.lang:
            lang, lang_source = det.lang, "detected"
        else:
            if config.default_lang:
                lang, lang_source = config.default_lang, "default"
                extra = f"; using the corpus default {config.default_lang!r}"
            else:
                lang, lang_source = "und", "undetermined"
                extra = "; recorded as 'und'"
            diags.append(
                Diagnostic(
                    "lang-undetected",
                    rel,
                    f"language not detected ({det.reason}){extra}",
                    paras[0].line,
                    paras[0].pieces[0][1],
                )
            )

    if any(d.info.severity.value == "error" for d in diags) or seq is None or hsh is None:
        return result(None, raw_date, date_line, date_col)

    title, title_source = make_title(texts[0])
    paragraphs = tuple(
        Paragraph(n, para.line, t)
        for n, (para, t) in enumerate(zip(paras, texts, strict=True), start=1)
    )
    stats = Stats(
        paragraphs=len(texts),
        words=sum(len(_WORDS.findall(t)) for t in texts),
        characters=sum(len(t) for t in texts),
        quotations=len(quotations),
    )
    doc = Document(
        id=f"{rel.rsplit('/', 1)[-1][:-4]}",
        seq=seq,
        hash=hsh,
        date=raw_date,
        lang=lang,
        lang_source=lang_source,
        title=title,
        title_source=title_source,
        paragraphs=paragraphs,
        quotations=tuple(quotations),
        stats=stats,
        provenance=Provenance(rel, sha, size, CONVERTER, tuple(sorted(set(norms)))),
    )
    return result(doc, raw_date, date_line, date_col)


def _might_be_mojibake(text: str) -> bool:
    # Substring tests are far cheaper than a regular expression over non-ASCII text.
    return any(lead in text for lead in _MOJIBAKE_LEADS) and _MOJIBAKE.search(text) is not None


def _locate(para: _Para, offset: int) -> tuple[int, int]:
    """Seed line and column of a character offset in a paragraph's joined text."""
    pos = 0
    for line, col, piece in para.pieces:
        if offset <= pos + len(piece):
            return line, col + max(offset - pos, 0)
        pos += len(piece) + 1
    line, col, piece = para.pieces[-1]
    return line, col + len(piece)


def _first_sentence(lead: str) -> str:
    """The lead up to the first sentence end that is not an abbreviation or initial."""
    for m in _SENTENCE_END.finditer(lead, 0, 600):
        word = lead[: m.start()].rsplit(None, 1)[-1] if m.start() else ""
        if len(word) == 1 or word.casefold() in _ABBREVIATIONS:
            continue
        return lead[: m.end()]
    return lead


def make_title(lead: str) -> tuple[str, str]:
    """The first sentence of the lead paragraph, cut at a word boundary when long."""
    sentence = _first_sentence(lead)
    if len(sentence) <= _TITLE_MAX:
        return sentence, "first-sentence"
    cut = sentence.rfind(" ", 0, _TITLE_MAX)
    if cut < _TITLE_MAX // 2:
        cut = _TITLE_MAX - 1
    return sentence[:cut].rstrip(" ,;:—–-") + "…", "first-sentence-truncated"


def read_seed(
    path: Path,
    root: Path,
    config: Config | None = None,
    *,
    lang_override: str | None = None,
) -> SeedResult:
    """Read one seed file under ``root`` (links leaving the root are refused)."""
    config = config or Config()
    rel = display_path(path, root)
    target = path
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        try:
            target.relative_to(os.path.realpath(root))
        except ValueError:
            return SeedResult(
                rel,
                None,
                [
                    Diagnostic(
                        "seed-symlink-outside",
                        rel,
                        f"symbolic link to {os.readlink(path)!r} leaves the corpus folder; refused, not followed",
                    )
                ],
            )
    try:
        data = _read_regular(target, config.max_seed_bytes)
    except _TooLarge as exc:
        return SeedResult(
            rel,
            None,
            [
                Diagnostic(
                    "seed-too-large",
                    rel,
                    f"the file has {exc.size} bytes; the limit is {config.max_seed_bytes}",
                )
            ],
            size=exc.size,
        )
    except OSError as exc:
        return SeedResult(
            rel, None, [Diagnostic("seed-unreadable", rel, f"cannot read: {exc.strerror or exc}")]
        )
    return convert_seed(data, rel, config, lang_override=lang_override)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, refusing anything else without blocking on it.

    Opened without following a link (a link swapped in after the check is refused) and
    without blocking (a named pipe would hang the run); the checks are made on the open
    file, so what is checked is what is read.
    """
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a folder, pipe or device)")
        # Ask for the file's size (plus one byte, to notice growth) rather than the
        # limit: read(n) allocates n bytes up front.
        data = fh.read(min(st.st_size, limit) + 1)
        if len(data) > limit:
            raise _TooLarge(max(st.st_size, len(data)))
        return data
