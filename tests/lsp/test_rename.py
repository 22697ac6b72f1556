"""Rename: every use of an id and nothing else, or a refusal with a message."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from .helpers import Editor, edits_of
from .trees import BREW

pytestmark = pytest.mark.asyncio(loop_scope="session")


def apply(text: str, edit: types.WorkspaceEdit | None) -> str:
    """The text after a workspace edit of one document (ASCII positions)."""
    edits = edits_of(edit)
    rows = text.split("\n")
    for item in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start, end = item.range.start, item.range.end
        assert start.line == end.line
        row = rows[start.line]
        rows[start.line] = row[: start.character] + item.new_text + row[end.character :]
    return "\n".join(rows)


async def rename(
    editor: Editor, uri: str, line: int, column: int, name: str
) -> types.WorkspaceEdit | None:
    params = types.RenameParams(
        text_document=editor.doc(uri),
        position=editor.position(uri, line, column),
        new_name=name,
    )
    return await editor.client.text_document_rename_async(params)


async def test_prepare_rename_gives_the_id_and_its_range(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)
    params = types.PrepareRenameParams(
        text_document=editor.doc(uri), position=editor.position(uri, 13, 11)
    )

    found = await editor.client.text_document_prepare_rename_async(params)

    assert found == types.PrepareRenamePlaceholder(
        range=editor.range(uri, 13, 9, 12), placeholder="Q21"
    )
    hint = types.PrepareRenameParams(
        text_document=editor.doc(uri), position=editor.position(uri, 17, 26)
    )
    assert await editor.client.text_document_prepare_rename_async(hint) is None
    await editor.close(uri)


async def test_rename_a_question_everywhere_but_in_free_text(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)

    edit = await rename(editor, uri, 12, 0, "GRINDER")

    expected = (
        BREW.replace("  yes -> Q2\n", "  yes -> GRINDER\n")
        .replace("Q2: Is there", "GRINDER: Is there")
        .replace("when: Q2=yes", "when: GRINDER=yes")
        .replace("Q1=yes, Q2=yes", "Q1=yes, GRINDER=yes")
    )
    assert apply(BREW, edit) == expected
    assert (
        "after Q2 —" in expected
        and "# Q2 decides" in expected
        and "no Q2 needed" in expected
    )
    assert expected.count("Q21") == BREW.count("Q21")
    await editor.close(uri)


async def test_rename_q21_leaves_q2_alone(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)

    edit = await rename(editor, uri, 13, 10, "STRONG")

    renamed = apply(BREW, edit)
    assert renamed.count("STRONG") == 3
    assert "Q21" not in renamed
    assert renamed.count("Q2") == BREW.count("Q2") - BREW.count("Q21")
    await editor.close(uri)


async def test_rename_an_outcome_and_the_entry(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)

    outcome = apply(BREW, await rename(editor, uri, 38, 20, "QUICK"))
    entry = apply(BREW, await rename(editor, uri, 4, 8, "START"))

    assert outcome == BREW.replace("[INSTANT]", "[QUICK]")
    assert entry == BREW.replace("Q1", "START")
    await editor.close(uri)


async def test_the_edit_names_its_version_when_the_client_allows(
    editor: Editor,
) -> None:
    uri, _ = await editor.open(BREW, version=12)
    capabilities = editor.client.capabilities
    assert capabilities is not None and capabilities.workspace is not None
    versioned = (
        capabilities.workspace.workspace_edit or types.WorkspaceEditClientCapabilities()
    ).document_changes

    edit = await rename(editor, uri, 12, 0, "G")

    assert edit is not None
    if not versioned:
        assert edit.document_changes is None and edit.changes is not None
        assert list(edit.changes) == [uri]
    else:
        assert edit.changes is None and edit.document_changes is not None
        change = edit.document_changes[0]
        assert isinstance(change, types.TextDocumentEdit)
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=12)
        assert change.text_document == identifier
    await editor.close(uri)


RULE = (
    "is not a valid id: an id is a run of ASCII letters, digits, '_' and '-' "
    "that does not start with '-'"
)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Q 3", f"'Q 3' {RULE}"),
        ("[Q3]", f"'[Q3]' {RULE}"),
        ("", f"'' {RULE}"),
        ("-X", f"'-X' {RULE}"),
        ("--", f"'--' {RULE}"),
        ("Q21", "'Q21' is already used by a question on line 17"),
        ("ESPRESSO", "'ESPRESSO' is already used by an outcome on line 32"),
        (
            "mode",
            "'mode' is a header key: a question named 'mode' would read as the "
            "header field",
        ),
    ],
)
async def test_a_refused_name_says_why(editor: Editor, name: str, message: str) -> None:
    uri, _ = await editor.open(BREW)
    logged = len(editor.client.log_messages)

    with pytest.raises(JsonRpcException) as refused:
        await rename(editor, uri, 12, 0, name)

    assert refused.value.message == message
    assert refused.value.code == types.LSPErrorCodes.RequestFailed
    assert editor.client.log_messages[logged:] == []
    await editor.close(uri)


async def test_rename_away_from_an_id_is_refused(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)

    with pytest.raises(JsonRpcException) as refused:
        await rename(editor, uri, 7, 20, "X")

    assert refused.value.message == "there is no question or outcome id here to rename"
    await editor.close(uri)
