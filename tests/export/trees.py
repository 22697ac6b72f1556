"""Example trees for the export, import, walk and paths tests.

Each is written for these tests, on its own topic; none needs files outside
the repository.
"""

from __future__ import annotations


def lines(*rows: str) -> str:
    """Join rows into a file's text with LF endings and a final newline."""
    return "\n".join(rows) + "\n"


# A decision tree with every field the model has, and labels full of the
# characters the diagram writers must escape.
BIKE = lines(
    "# Which bike? An example for the export tests.",
    'dag: Which bike should I buy — for "real" riding?',
    "version: 2.1.0",
    "description: Pick a bike by where you ride & how far; #1 rule: try it first.",
    "tags: bikes, commuting, sport",
    "image: https://example.org/bike.png",
    "locale: en",
    "entry: Q1",
    "",
    "Q1: Where do you ride most — roads, [trails] or {both}?",
    '  hint: Count the last ten rides; "mostly" means seven or more.',
    "  A: Roads -> Q2",
    "  B: Trails | mud <deep> -> [MTB]",
    "  C: Both \\ mixed -> Q3",
    "",
    "Q2: Is your ride longer than 20 km? 🚲",
    "  yes -> [ROAD]",
    "  no  -> [CITY]",
    "",
    "Q3: Do you carry loads (kids, shopping)?",
    "  yes -> [CARGO]",
    "  no  -> [GRAVEL]",
    "",
    '[ROAD]: Road bike "fast"',
    "  color: #3b82f6",
    "  description: Light, drop bars, thin tyres.",
    "  code: BIKE_ROAD",
    "",
    "[CITY]: City bike",
    "  color: #eee",
    "  description: Upright, fenders, a rack.",
    "  code: BIKE_CITY",
    "  url: https://example.org/city",
    "",
    "[MTB]: Mountain bike (full suspension)",
    "  color: #14532d",
    "  image: https://example.org/mtb.png",
    "",
    "[CARGO]: Cargo bike",
    "",
    "[GRAVEL]: Gravel bike #2",
    "  color: #f59e0b",
    "",
    "routes:",
    "  long-road: Q1=A, Q2=yes -> [ROAD]",
    "  trails: Q1=B -> [MTB]",
)

# An elimination tree with a `when:` that skips a question.
HOSTING = lines(
    "dag: Where should the static site live?",
    "mode: elimination",
    "entry: Q1",
    "",
    "Q1: Where is the code?",
    "  A: GitHub -> [PAGES, NETLIFY, BUCKET]",
    "  B: GitLab [GITLAB, NETLIFY, BUCKET]",
    "",
    "Q2: Do you need server-side redirects?",
    "  when: Q1=A",
    "  yes -> [NETLIFY, BUCKET]",
    "  no  -> [PAGES, NETLIFY, BUCKET]",
    "",
    "Q3: Is a custom build image needed?",
    "  hint: A static site generator that needs system packages counts as yes.",
    "  yes -> [NETLIFY, GITLAB]",
    "  no  -> [PAGES, NETLIFY, GITLAB, BUCKET]",
    "",
    "[PAGES]: GitHub Pages",
    "  color: #24292f",
    "  code: HOST_PAGES",
    "",
    "[NETLIFY]: Netlify",
    "  description: Builds, previews and redirects in one place.",
    "",
    "[GITLAB]: GitLab Pages",
    "",
    "[BUCKET]: An object-storage bucket",
    "",
    "routes:",
    "  plain-github: Q1=A, Q2=no, Q3=no -> [PAGES, NETLIFY, BUCKET]",
)

# Two ways into Q4: a diamond, with two answers of Q3 to the same place.
DIAMOND = lines(
    "dag: Should the meeting happen?",
    "entry: Q1",
    "",
    "Q1: Is there an agenda?",
    "  yes -> Q2",
    "  no  -> Q3",
    "",
    "Q2: Does it need a decision today?",
    "  yes -> Q4",
    "  no  -> [EMAIL]",
    "",
    "Q3: Can someone write one in ten minutes?",
    "  yes   -> Q4",
    "  maybe -> Q4",
    "  no    -> [CANCEL]",
    "",
    "Q4: Are the people who decide free?",
    "  yes -> [MEET]",
    "  no  -> [CANCEL]",
    "",
    "[MEET]: Meet",
    "[EMAIL]: Send an email",
    "[CANCEL]: Cancel it",
    "[NEVER]: Never reached",
)

# The older form: `name:`, targets in brackets without an arrow, outcomes
# used without definition blocks.
OLDER = lines(
    "name: Which backup?",
    "version: 1",
    "entry: Q1",
    "",
    "Q1: What is it for?",
    "  A: Weekly [Q2]",
    "  B: Only on demand [MANUAL-COPIES]",
    "",
    "Q2: Is the budget over 1500?",
    "  A: Yes [CLOUD-SYNC]",
    "  B: No [MANUAL-COPIES]",
)


def chain(count: int) -> str:
    """`count` questions of two answers each, both to the next: 2^count paths."""
    rows = ["dag: A long chain", "entry: Q1", ""]
    for number in range(1, count + 1):
        following = f"Q{number + 1}" if number < count else "[END]"
        rows += [f"Q{number}: Step {number}?", f"  yes -> {following}"]
        rows += [f"  no  -> {following}", ""]
    rows += ["[END]: The end", "", "[ASIDE]: Reached from nowhere"]
    return lines(*rows)
