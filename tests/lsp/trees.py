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

# Shaped like the trees on the publishing website (see docs/language.md): a
# long description, an image, long hints and descriptions with em-dashes,
# colors and codes.
ADOPTION = lines(
    "dag: Is this open-source dependency safe to adopt?",
    "version: 1.2.0",
    "image: https://example.org/images/dependency-review.png?w=1200&q=80",
    "description: Decide whether a library is ready to become part of your "
    "product—before it is woven into every module and hard to remove. The "
    "questions look at maintenance, licensing and the cost of leaving.",
    "tags: dependencies, open source, risk, architecture",
    "entry: Q1",
    "",
    "Q1: Has the project had a release or a merged change in the last six months?",
    "  hint: Activity is the first sign of life—look at the release page and the "
    "merge history, not the star count. A quiet project can be finished rather "
    "than abandoned, so read the issue tracker before you decide.",
    "  yes -> Q2",
    "  no  -> Q3",
    "",
    "Q2: Is the licence compatible with how you ship your product?",
    "  hint: Check the licence of the library and of what it pulls in—a permissive "
    "library can depend on a copyleft one. Ask your legal contact when in doubt.",
    "  yes -> Q4",
    "  no  -> [AVOID]",
    "",
    "Q3: Could you maintain a fork yourselves if you had to?",
    "  yes -> Q2",
    "  no  -> [AVOID]",
    "",
    "Q4: Could you replace it within a sprint if it went away?",
    "  hint: Wrap it behind your own interface—then leaving costs one module.",
    "  yes -> [ADOPT]",
    "  no  -> [ADOPT_WITH_CARE]",
    "",
    "[ADOPT]: Adopt it",
    "  color: #22c55e",
    "  description: The library is alive, compatible and easy to leave—use it, "
    "and note the decision in your architecture log.",
    "  code: DEP_ADOPT",
    "",
    "[ADOPT_WITH_CARE]: Adopt it behind an interface",
    "  color: #f59e0b",
    "  description: Adopt it, but keep every call behind one module of your own "
    "so that a replacement stays a local change.",
    "  code: DEP_ADOPT_CARE",
    "",
    "[AVOID]: Look for another library",
    "  color: #ef4444",
    "  description: The risk outweighs the benefit—keep looking, or write the part "
    "you need yourselves.",
    "  code: DEP_AVOID",
)
