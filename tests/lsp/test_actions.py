"""Quick fixes from the checks' fixes, and formatting of the whole document."""

from __future__ import annotations

import pytest
from lsprotocol import types

from dag_lsp.formatter import format_text

from .helpers import Editor, actions, apply_edits, edits_of
from .trees import ADOPTION, BREW, BROKEN, LOOSE, MISTYPED

pytestmark = pytest.mark.asyncio(loop_scope="session")


def fixed(editor: Editor, text: str, action: types.CodeAction) -> str:
    return apply_edits(text, edits_of(action.edit), editor.encoding)


async def test_a_misspelt_target_offers_the_close_id_and_a_new_question(
    editor: Editor,
) -> None:
    uri, diagnostics = await editor.open(BROKEN)

    change, create = await actions(editor, uri, 4, 10)

    assert (change.title, change.kind, change.is_preferred) == (
        "Change to 'Q2'",
        types.CodeActionKind.QuickFix,
        True,
    )
    assert list(change.diagnostics or []) == [diagnostics[0]]
    assert edits_of(change.edit) == [
        types.TextEdit(range=editor.range(uri, 4, 9, 12), new_text="Q2")
    ]
    assert fixed(editor, BROKEN, change) == BROKEN.replace("-> Q22", "-> Q2")
    assert create.title == "Create question 'Q22'"
    assert create.is_preferred is False
    assert "\nQ22: New question?\n" in fixed(editor, BROKEN, create)
    await editor.close(uri)


async def test_an_unreachable_block_can_be_removed(editor: Editor) -> None:
    uri, _ = await editor.open(BROKEN)

    (remove,) = await actions(editor, uri, 11, 1)

    assert remove.title == "Remove the question 'Q9'"
    assert remove.diagnostics is not None and remove.diagnostics[0].code == "DAG003"
    assert fixed(editor, BROKEN, remove) == BROKEN.replace(
        "Q9: Is anyone still reading this?\n  yes -> [MONO]\n  no  -> [SPLIT]\n\n", ""
    )
    await editor.close(uri)


async def test_the_older_form_is_rewritten(editor: Editor) -> None:
    uri, _ = await editor.open(BROKEN)

    (rewrite,) = await actions(editor, uri, 9, 20)

    assert rewrite.title == "Write 'no: Separately -> [SPLIT]'"
    assert fixed(editor, BROKEN, rewrite) == BROKEN.replace(
        "no: Separately [SPLIT]", "no: Separately -> [SPLIT]"
    )
    await editor.close(uri)


async def test_no_actions_where_nothing_is_wrong_or_for_other_kinds(
    editor: Editor,
) -> None:
    uri, _ = await editor.open(BROKEN)

    assert await actions(editor, uri, 3, 5) == []
    refactors: list[types.CodeActionKind | str] = [types.CodeActionKind.Refactor]
    assert await actions(editor, uri, 4, 10, only=refactors) == []
    await editor.close(uri)


async def test_fixes_in_a_crlf_file_keep_its_line_ending(editor: Editor) -> None:
    text = BROKEN.replace("\n", "\r\n")
    uri, _ = await editor.open(text)

    _, create = await actions(editor, uri, 4, 10)

    assert "\r\nQ22: New question?\r\n" in fixed(editor, text, create)
    assert "\n" not in fixed(editor, text, create).replace("\r\n", "")
    await editor.close(uri)


async def format_document(editor: Editor, uri: str) -> list[types.TextEdit]:
    params = types.DocumentFormattingParams(
        text_document=editor.doc(uri),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True),
    )
    found = await editor.client.text_document_formatting_async(params)
    assert found is not None
    return list(found)


@pytest.mark.parametrize("text", [BREW, ADOPTION, BREW.replace("\n", "\r\n")])
async def test_a_formatted_tree_is_clean_and_gets_no_edit(
    editor: Editor, text: str
) -> None:
    uri, diagnostics = await editor.open(text)

    assert diagnostics == []
    assert await format_document(editor, uri) == []
    await editor.close(uri)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
async def test_formatting_replaces_the_document(editor: Editor, newline: str) -> None:
    text = LOOSE.replace("\n", newline)
    uri, _ = await editor.open(text)

    edits = await format_document(editor, uri)

    assert [edit.range for edit in edits] == [editor.between(uri, (0, 0), (7, 0))]
    assert apply_edits(text, edits, editor.encoding) == format_text(text)
    assert format_text(text).count(newline) == format_text(LOOSE).count("\n")
    await editor.close(uri)


async def test_formatting_refuses_a_syntax_error_and_says_why(editor: Editor) -> None:
    uri, _ = await editor.open(MISTYPED)

    assert await format_document(editor, uri) == []
    assert any(
        "cannot format: syntax error at line 5, column 7" in message.message
        for message in editor.client.log_messages
    )
    await editor.close(uri)
