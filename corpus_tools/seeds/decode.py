"""Stage 1, decode: seed bytes to text with LF line ends, or the reason they are not text."""

from __future__ import annotations

import re

from corpus_tools.seeds.findings import Findings

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
_UTF8_BOM = b"\xef\xbb\xbf"
# XML 1.0 forbids C0 controls except tab, LF and CR, and U+FFFE/U+FFFF; the corpus
# also refuses DEL and C1 controls, which in a seed are always damage.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Enough examples to find the damage; a binary file would otherwise give thousands.
_FORBIDDEN_REPORTED = 5


def decode(data: bytes, max_bytes: int, findings: Findings) -> str | None:
    """The text of a seed with LF line ends, or None when its bytes cannot be a seed."""
    if len(data) > max_bytes:
        findings.add(
            "seed-too-large",
            f"the file has {len(data)} bytes; the limit is {max_bytes}",
            None,
            None,
        )
        return None
    if not refuse_non_text(data, findings):
        return None
    text = to_text(data, findings)
    if text is None:
        return None
    text = unify_line_ends(text, findings)
    if not text.strip():
        findings.add("seed-blank", "the file holds only white space", 1, 1)
        return None
    if not check_characters(text, findings):
        return None
    return text


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and byte column of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def refuse_non_text(data: bytes, findings: Findings) -> bool:
    """False (with the finding) for empty, binary, UTF-16 and NUL-holding bytes."""
    if not data:
        findings.add("seed-empty", "the file is empty", 1, 1)
        return False
    if data.startswith(_BINARY_MAGIC):
        findings.add(
            "seed-binary",
            "the file starts like a binary file (image, PDF, archive or program)",
            1,
            1,
        )
        return False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        findings.add(
            "seed-not-utf8",
            "the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8",
            1,
            1,
        )
        return False
    nul = data.find(b"\x00")
    if nul < 0:
        return True
    # A NUL byte is told apart by the company it keeps: every other byte in UTF-16,
    # many control bytes in a binary file, otherwise damage in a text.
    head = data[:4096]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    line, col = line_col(data, nul)
    if head.count(b"\x00") * 4 >= len(head) and head[1::2].count(0) > len(head) // 4:
        findings.add(
            "seed-not-utf8",
            f"the file looks like UTF-16 without a byte order mark (NUL byte at offset {nul})",
            line,
            col,
        )
    elif controls * 10 > len(head):
        findings.add(
            "seed-binary",
            f"the file is binary: {controls} control bytes in its first {len(head)} bytes",
            1,
            1,
        )
    else:
        count = data.count(b"\x00")
        findings.add(
            "seed-nul-byte", f"NUL byte at byte offset {nul} ({count} in the file)", line, col
        )
    return False


def to_text(data: bytes, findings: Findings) -> str | None:
    """The UTF-8 text of the bytes (a leading byte order mark dropped), else None."""
    skipped = 0
    if data.startswith(_UTF8_BOM):
        findings.add("seed-bom", "the file starts with a UTF-8 byte order mark (ignored)", 1, 1)
        findings.normalised("bom")
        skipped = len(_UTF8_BOM)
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        # Offsets count from the start of the file, the mark included.
        offset = skipped + exc.start
        line, col = line_col(data, offset)
        bad = data[offset : offset + 3]
        if bad[:1] == b"\xed" and len(bad) > 1 and 0xA0 <= bad[1] <= 0xBF:
            why = f"an encoded UTF-16 surrogate (bytes {bad.hex(' ')}) at byte offset {offset}"
        else:
            why = f"byte 0x{data[offset]:02X} at byte offset {offset} is not valid UTF-8"
            try:
                data[skipped:].decode("cp1252")
                why += " (the file looks like Latin-1 or Windows-1252)"
            except UnicodeDecodeError:
                pass
        findings.add("seed-not-utf8", why, line, col)
        return None


def unify_line_ends(text: str, findings: Findings) -> str:
    """The text with CRLF and CR line ends turned into LF (recorded when there were any)."""
    if "\r" not in text:
        return text
    findings.normalised("crlf" if "\r\n" in text else "cr")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_characters(text: str, findings: Findings) -> bool:
    """False (with findings for the first few) when the text holds forbidden characters."""
    bad = 0
    for m in _FORBIDDEN.finditer(text):
        bad += 1
        if bad <= _FORBIDDEN_REPORTED:
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            findings.add(
                "seed-forbidden-char",
                f"forbidden control character U+{ord(m.group()):04X}",
                line,
                col,
            )
    return bad == 0
