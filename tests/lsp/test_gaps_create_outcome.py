"""The quick fix that creates a missing outcome, applied end to end.

An answer names an outcome that has no block in a file that has outcome
blocks (DAG002). Code actions asked for at the target offer to create it;
the edit is applied as the client would apply it, the new text is sent
back, and the server republishes without the DAG002. In a CRLF file the
new block is written with CRLF too. The last line of the
file holds an emoji, so the fix's position there differs in UTF-8 and
UTF-16.
"""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor, actions, apply_edits, edits_of
from .trees import lines

pytestmark = pytest.mark.asyncio(loop_scope="session")

TEA = lines(
    "dag: Which tea — now?",  # 0
    "entry: Q1",
    "",
    "Q1: Is it still morning? ☀",
    "  yes -> [BLACK_TEA]",
    "  no  -> [ROOIBOS-RED]",  # 5
    "",
    "[BLACK_TEA]: Black tea",
    "  color: #7c2d12",
    "  description: Strong — with milk 🥛",
)

CREATED = TEA + "\n[ROOIBOS-RED]: ROOIBOS-RED\n"


async def test_the_missing_outcome_is_offered_at_its_target(editor: Editor) -> None:
    uri, diagnostics = await editor.open(TEA)

    (create,) = await actions(editor, uri, 5, 15)

    (undefined,) = diagnostics
    assert (undefined.code, undefined.range) == ("DAG002", editor.range(uri, 5, 10, 21))
    assert create.title == "Create outcome 'ROOIBOS-RED'"
    assert create.kind == types.CodeActionKind.QuickFix
    assert list(create.diagnostics or []) == [undefined]
    assert edits_of(create.edit) == [
        types.TextEdit(
            range=editor.range(uri, 9, 35, 35),
            new_text="\n\n[ROOIBOS-RED]: ROOIBOS-RED",
        )
    ]
    await editor.close(uri)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
async def test_applying_it_adds_the_block_and_clears_the_error(
    editor: Editor, newline: str
) -> None:
    text = TEA.replace("\n", newline)
    uri, _ = await editor.open(text)
    (create,) = await actions(editor, uri, 5, 15)
    edits = edits_of(create.edit)
    fixed = apply_edits(text, edits, editor.encoding)
    changes = [
        types.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
        for e in edits
    ]

    diagnostics = await editor.change(uri, 2, changes, fixed)

    assert fixed == CREATED.replace("\n", newline)
    assert diagnostics == []
    await editor.close(uri)
