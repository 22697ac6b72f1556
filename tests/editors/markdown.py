"""Fenced code blocks of the docs, so the tests can run what the docs show.

docs/editors.md and docs/ci.md are the far end of the flow for a reader:
every set-up they show is either a file under editors/ that a test runs,
or a block these helpers pull out for a test to run or parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Block:
    """One fenced code block: its language tag and its text (ending in a newline)."""

    language: str
    text: str


def blocks(doc: str, language: str | None = None) -> list[Block]:
    """The fenced blocks of docs/`doc`, only those of `language` when given."""
    text = (DOCS / doc).read_text(encoding="utf-8")
    found = [Block(tag, body) for tag, body in _FENCE.findall(text)]
    return [block for block in found if language in (None, block.language)]


def block_with(doc: str, language: str, needle: str) -> Block:
    """The one block of `language` in docs/`doc` that contains `needle`."""
    matches = [block for block in blocks(doc, language) if needle in block.text]
    assert len(matches) == 1, f"{len(matches)} {language} blocks with {needle!r}"
    return matches[0]
