"""Example trees for the editor tests: a good one, a broken one, a messy one.

They sit at the far end of the flow: the tests hand them to real tools
(pre-commit, Neovim), which run `dag-lsp` on them. Each constant below says
where its interesting parts are, so a test can name the exact position it
expects without counting by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

GOOD = """\
# Which tea suits this afternoon?
dag: Which tea should we brew?
version: 1.0.0
entry: Q1

Q1: Is it after four in the afternoon?
  yes -> Q2
  no  -> [BLACK]

Q2: Do you want to sleep well tonight?
  yes -> [ROOIBOS]
  no  -> [GREEN]

[BLACK]: Assam, strong
  color: #7c2d12

[GREEN]: Sencha
  color: #15803d

[ROOIBOS]: Rooibos, no caffeine
  color: #b91c1c
"""

# The second answer of Q2 leads to Q7, which is not defined. Its label holds
# a character outside the Basic Multilingual Plane, so the column of `Q7`
# differs in code points (17), UTF-16 units (18) and UTF-8 bytes (20): a
# client that shows it at the right place converted positions correctly.
BROKEN = """\
dag: Which tea should we brew?
entry: Q1

Q1: Is it after four in the afternoon?
  yes -> Q2
  no  -> [BLACK]

Q2: Do you want to sleep well tonight?
  yes -> [ROOIBOS]
  no, \U0001f375 again -> Q7

[BLACK]: Assam, strong

[ROOIBOS]: Rooibos, no caffeine
"""

MESSY = """\
dag:   Which tea should we brew?
entry: Q1
Q1:   Is it after four in the afternoon?
      yes->Q2
   no -> [BLACK]
Q2: Do you want to sleep well tonight?
 yes   ->   [ROOIBOS]
 no->[GREEN]


[BLACK]: Assam, strong
[GREEN]: Sencha
[ROOIBOS]: Rooibos, no caffeine   \n"""

MESSY_FORMATTED = """\
dag: Which tea should we brew?
entry: Q1

Q1: Is it after four in the afternoon?
  yes -> Q2
  no  -> [BLACK]

Q2: Do you want to sleep well tonight?
  yes -> [ROOIBOS]
  no  -> [GREEN]

[BLACK]: Assam, strong

[GREEN]: Sencha

[ROOIBOS]: Rooibos, no caffeine
"""


@dataclass(frozen=True)
class Place:
    """A place in a text: 0-based line, column in code points and UTF-8 bytes."""

    line: int
    column: int
    byte: int


def place(text: str, needle: str, occurrence: int = 1) -> Place:
    """Where the `occurrence`-th `needle` starts in `text` (1 = the first)."""
    offset = -1
    for _ in range(occurrence):
        offset = text.index(needle, offset + 1)

    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    column = offset - start
    return Place(line, column, len(text[start:offset].encode()))


def lay_out_project(folder: Path) -> Path:
    """A project folder (a git root) holding `broken.dag` and `messy.dag`."""
    project = folder / "project"
    (project / ".git").mkdir(parents=True)
    (project / "broken.dag").write_text(BROKEN, encoding="utf-8")
    (project / "messy.dag").write_text(MESSY, encoding="utf-8")
    return project
