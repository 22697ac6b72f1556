"""Example trees for the server tests, written for these tests alone."""

from __future__ import annotations


def lines(*rows: str) -> str:
    """The rows joined as a file: `\\n` after each."""
    return "\n".join(rows) + "\n"


# A clean tree in the canonical layout: no finding, nothing to format. Q2
# and Q21 start alike, and Q2 is named in a comment, a hint and a
# description, where a rename must leave it alone.
BREW = lines(
    "# How should I brew my coffee this morning?",  # 0
    "dag: How should I brew my coffee?",
    "version: 1.0.0",
    "tags: coffee, kitchen",
    "entry: Q1",
    "",  # 5
    "Q1: Do you have more than five minutes?",
    "  hint: Count the time until you must leave — roughly.",
    "  yes -> Q2",
    "  no  -> [INSTANT]",
    "",  # 10
    "# Q2 decides whether beans can be ground fresh.",
    "Q2: Is there a grinder at hand?",
    "  yes -> Q21",
    "  no  -> [FRENCH_PRESS]",
    "",  # 15
    "Q21: Do you want something strong?",
    "  hint: Only asked after Q2 — when a grinder is there.",
    "  when: Q2=yes",
    "  yes -> [ESPRESSO]",
    "  no  -> [POUR-OVER]",  # 20
    "",
    "[INSTANT]: Instant coffee",
    "  color: #888",
    "  description: Boil the kettle and stir; no Q2 needed.",
    "  code: BREW_INSTANT",  # 25
    "",
    "[FRENCH_PRESS]: French press",
    "  color: #3b82f6",
    "  code: BREW_PRESS",
    "",  # 30
    "[ESPRESSO]: Moka pot espresso",
    "  color: #22c55e",
    "",
    "[POUR-OVER]: Pour-over",
    "  color: #f59e0b",  # 35
    "",
    "routes:",
    "  hurry: Q1=no -> [INSTANT]",
    "  strong: Q1=yes, Q2=yes, Q21=yes -> [ESPRESSO]",
)

# Em-dashes, CJK and emoji before targets: one UTF-16 unit each for the
# first two, two for an emoji; two or three UTF-8 bytes, four for an emoji.
CAFE = lines(
    "dag: Café ☕ — what to order?",  # 0
    "entry: Q1",
    "",
    "Q1: Hungry — or just thirsty? 🍰",
    "  hint: 甜点 counts as food — 当然.",
    "  A: Hungry — very 🍰 -> Q2",  # 5
    "  B: Thirsty 茶 -> [TEA]",
    "",
    "Q2: Sweet 🍩 or savoury?",
    "  sweet 🍩🍩 -> [CAKE]",
    "  savoury 🥪 -> [SANDWICH]",  # 10
    "",
    "[TEA]: 茶 — green tea 🍵",
    "",
    "[CAKE]: Cake 🎂",
    "",  # 15
    "[SANDWICH]: Sandwich — 🥪",
)

# Problems of several kinds: a misspelt target, an unreachable question,
# an outcome defined twice, the older form of an answer.
BROKEN = lines(
    "dag: Should the team adopt a monorepo?",  # 0
    "entry: Q1",
    "",
    "Q1: Do the services share code?",
    "  yes -> Q22",
    "  no  -> [SPLIT]",  # 5
    "",
    "Q2: Do all teams release together?",
    "  yes -> [MONO]",
    "  no: Separately [SPLIT]",
    "",  # 10
    "Q9: Is anyone still reading this?",
    "  yes -> [MONO]",
    "  no  -> [SPLIT]",
    "",
    "[MONO]: One repository",  # 15
    "",
    "[SPLIT]: One repository per service",
    "",
    "[MONO]: A monorepo again",
)

# A valid tree in a layout the formatter changes.
LOOSE = lines(
    "dag:    Which houseplant suits a dark flat?",
    "entry: Q1",
    "Q1: Does any window face south?",
    "    yes   ->   [CACTUS]",
    "    no ->[FERN]",
    "[CACTUS]: A cactus",
    "[FERN]: A fern",
)

# A syntax error: a mistyped arrow.
MISTYPED = lines(
    "dag: Which bread to bake?",
    "entry: Q1",
    "",
    "Q1: Is there a sourdough starter?",
    "  yes => [SOURDOUGH]",
    "  no  -> [YEAST]",
    "",
    "[SOURDOUGH]: Sourdough",
    "",
    "[YEAST]: A yeasted loaf",
)

# Elimination mode: answers keep sets of outcomes.
NOTES = lines(
    "dag: Which note-taking app fits?",
    "mode: elimination",
    "entry: Q1",
    "",
    "Q1: Where do you write?",
    "  A: Phone [POCKET, SYNCED]",
    "  B: Laptop -> [SYNCED, PLAIN]",
    "",
    "[POCKET]: A pocket notebook app",
    "",
    "[SYNCED]: A synced notes service",
    "",
    "[PLAIN]: Plain text files",
)
