"""Stage 4, normalise: a paragraph's text made canonical (tabs, NFC), damage flagged."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from corpus_tools.seeds.findings import Findings
from corpus_tools.seeds.paragraphs import Para

_MOJIBAKE = re.compile("â€[\u0080-\u02ff\u2000-\u20ff]|[ÃÂÐÑ][\u00a0-\u00bf]")
_MOJIBAKE_LEADS = ("â€", "Ã", "Â", "Ð", "Ñ")


@dataclass(frozen=True, slots=True)
class Scan:
    """What one look at the whole text tells: which per-paragraph work can be skipped."""

    tab: bool
    not_nfc: bool
    mojibake: bool


def scan(text: str) -> Scan:
    """Look at the whole text once, so that clean paragraphs are not searched one by one."""
    ascii_only = text.isascii()
    return Scan(
        tab="\t" in text,
        not_nfc=not ascii_only and not unicodedata.is_normalized("NFC", text),
        mojibake=not ascii_only and _might_be_mojibake(text),
    )


def _might_be_mojibake(text: str) -> bool:
    # Substring tests are far cheaper than a regular expression over non-ASCII text.
    return any(lead in text for lead in _MOJIBAKE_LEADS) and _MOJIBAKE.search(text) is not None


def normalise(para: Para, seen: Scan, findings: Findings) -> str:
    """The paragraph's canonical text: lines joined, tabs as spaces, in NFC."""
    text = para.joined()
    if seen.tab and "\t" in text:
        findings.normalised("tab")
        if not findings.warned("seed-tab"):
            line, col = para.locate(text.index("\t"))
            findings.warn_once(
                "seed-tab",
                f"tab character in the text ({text.count(chr(9))} in this paragraph); exported as a space",
                line,
                col,
            )
        text = text.replace("\t", " ")
    if seen.not_nfc and not unicodedata.is_normalized("NFC", text):
        findings.normalised("nfc")
        findings.warn_once(
            "seed-not-nfc",
            "text is not in Unicode NFC (decomposed characters); normalised to NFC",
            para.line,
            para.column,
        )
        text = unicodedata.normalize("NFC", text)
    return text


def check_mojibake(para: Para, text: str, findings: Findings) -> None:
    """A warning (once per seed) for text that looks like UTF-8 read as Windows-1252."""
    if findings.warned("seed-mojibake") or text.isascii():
        return
    mm = _MOJIBAKE.search(text)
    if mm:
        line, col = para.locate(mm.start())
        findings.warn_once(
            "seed-mojibake",
            f"{mm.group()!r} looks like UTF-8 text decoded as Windows-1252",
            line,
            col,
        )
