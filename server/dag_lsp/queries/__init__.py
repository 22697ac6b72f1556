"""Queries: what the editor features ask of one version of a tree.

This sits after the model in the flow, beside the checks and the formatter,
and knows nothing of the Language Server Protocol: lines and columns are the
model's (zero-based, columns in code points), and the answers are plain
data that `dag_lsp.lsp` converts. The questions it answers: which id stands
at a position, where an id is defined and used, what may be typed at a
position, whether a new name is acceptable, what to show on hover, in inlay
hints and in the outline.

`Queries` (in `facade.py`) is built once per version of a document and
hands each question to the module that answers it:

- `index.py`: the ids and answers on each line, and where each id stands;
- `rename.py`: whether a new name is acceptable;
- `describe.py`: hover Markdown and inlay hint texts;
- `reach.py`: how many paths reach each outcome (code lenses, hovers);
- `outline.py`: outline symbols and folding ranges;
- `spots.py` then `candidates.py`: completion, what is wanted then what fits;
- `results.py` and `text.py`: the answers' records and shared text helpers.

Their indexes are built on first use, so each lookup by position costs the
items of one line.
"""

from dag_lsp.queries.candidates import (
    COMPLETION_LIMIT,
    Candidate,
    Completions,
    ItemKind,
)
from dag_lsp.queries.facade import Queries
from dag_lsp.queries.reach import HOVER_PATHS, HOVER_STEPS
from dag_lsp.queries.results import (
    AnswerSpot,
    HoverText,
    Inlay,
    Lens,
    Occurrence,
    Symbol,
)
from dag_lsp.queries.spots import Spot, Want
from dag_lsp.queries.text import HINT_WIDTH, ID, escape, id_bounds, shorten

__all__ = [
    "COMPLETION_LIMIT",
    "HINT_WIDTH",
    "HOVER_PATHS",
    "HOVER_STEPS",
    "ID",
    "AnswerSpot",
    "Candidate",
    "Completions",
    "HoverText",
    "Inlay",
    "ItemKind",
    "Lens",
    "Occurrence",
    "Queries",
    "Spot",
    "Symbol",
    "Want",
    "escape",
    "id_bounds",
    "shorten",
]
