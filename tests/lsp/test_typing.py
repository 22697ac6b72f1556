"""Typing a tree a character at a time: every prefix is a version.

After each keystroke the server must publish that version's diagnostics
and answer completion and hover at the cursor, never with an error, and
log nothing at warning level or above.
"""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor, units
from .trees import CAFE

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
async def test_typing_a_tree_character_by_character(
    editor: Editor, newline: str
) -> None:
    text = CAFE.replace("\n", newline)
    uri, _ = await editor.open("")
    logged = len(editor.client.log_messages)
    line, character = 0, 0

    for version, typed in enumerate(text, start=2):
        here = types.Position(line=line, character=character)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=here, end=here), text=typed
        )
        if typed == "\n":
            line, character = line + 1, 0
        elif typed != "\r":
            character += units(typed, editor.encoding)

        await editor.change(uri, version, [change])
        cursor = types.Position(line=line, character=character)
        document = editor.doc(uri)
        completion = types.CompletionParams(text_document=document, position=cursor)
        await editor.client.text_document_completion_async(completion)
        hover = types.HoverParams(text_document=document, position=cursor)
        await editor.client.text_document_hover_async(hover)

    editor.texts[uri] = text
    final = await editor.change(uri, len(text) + 2, [], text)
    assert final == []
    assert editor.client.log_messages[logged:] == []
    await editor.close(uri)
