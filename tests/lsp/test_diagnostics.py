"""Diagnostics: published on open and change, with their version; cleared on close."""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor, markdown, new_uri
from .trees import BREW, BROKEN, MISTYPED

pytestmark = pytest.mark.asyncio(loop_scope="session")

Error = types.DiagnosticSeverity.Error
Warning_ = types.DiagnosticSeverity.Warning
Information = types.DiagnosticSeverity.Information


def summary(diagnostics: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    return [
        (d.code, d.severity, d.range.start.line, d.range.start.character,
         d.range.end.line, d.range.end.character)
        for d in diagnostics
    ]  # fmt: skip


async def test_a_clean_tree_has_no_diagnostics(editor: Editor) -> None:
    uri, diagnostics = await editor.open(BREW)

    assert diagnostics == []
    await editor.close(uri)


async def test_findings_become_diagnostics_with_exact_ranges(editor: Editor) -> None:
    uri, diagnostics = await editor.open(BROKEN)

    assert summary(diagnostics) == [
        ("DAG002", Error, 4, 9, 4, 12),
        ("DAG003", Warning_, 7, 0, 7, 2),
        ("DAG018", Information, 9, 2, 9, 24),
        ("DAG003", Warning_, 11, 0, 11, 2),
        ("DAG003", Warning_, 15, 1, 15, 5),
        ("DAG003", Warning_, 19, 1, 19, 5),
        ("DAG007", Error, 19, 1, 19, 5),
    ]
    assert {d.source for d in diagnostics} == {"dag-lsp"}
    assert (
        diagnostics[0].message
        == "the question 'Q22' is not defined; did you mean 'Q2'?"
    )
    await editor.close(uri)


async def test_unreachable_blocks_are_tagged_unnecessary(editor: Editor) -> None:
    uri, diagnostics = await editor.open(BROKEN)

    unnecessary = [types.DiagnosticTag.Unnecessary]
    tagged = [d.code for d in diagnostics if list(d.tags or []) == unnecessary]
    untagged = [d.code for d in diagnostics if not d.tags]
    assert tagged == ["DAG003"] * 4
    assert untagged == ["DAG002", "DAG018", "DAG007"]
    await editor.close(uri)


async def test_related_places_become_related_information(editor: Editor) -> None:
    uri, diagnostics = await editor.open(BROKEN)

    duplicate = next(d for d in diagnostics if d.code == "DAG007")
    assert list(duplicate.related_information or []) == [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=editor.range(uri, 15, 1, 5)),
            message="'MONO' first defined here",
        )
    ]
    await editor.close(uri)


async def test_a_change_republishes_with_its_version(editor: Editor) -> None:
    uri, _ = await editor.open(BREW, version=3)
    broken = BREW.replace("  yes -> Q2\n", "  yes -> Q3\n")
    change = types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=8, character=10),
            end=types.Position(line=8, character=11),
        ),
        text="3",
    )

    diagnostics = await editor.change(uri, 4, [change], broken)

    assert summary(diagnostics)[0] == ("DAG002", Error, 8, 9, 8, 11)
    assert diagnostics[0].message.startswith("the question 'Q3' is not defined")
    fixed = await editor.replace_all(uri, 5, BREW)
    assert fixed == []
    await editor.close(uri)


async def test_closing_clears_the_diagnostics(editor: Editor) -> None:
    uri, diagnostics = await editor.open(BROKEN)
    assert diagnostics

    await editor.close(uri)

    assert list(editor.client.diagnostics[uri]) == []


async def test_a_stale_version_is_ignored_and_logged(editor: Editor) -> None:
    uri, _ = await editor.open(BREW, version=7)
    await editor.replace_all(uri, 9, BROKEN)
    client = editor.client
    published = len(client.published)

    stale = types.TextDocumentContentChangeWholeDocument(text=MISTYPED)
    document = types.VersionedTextDocumentIdentifier(uri=uri, version=8)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=document, content_changes=[stale]
        )
    )
    hover = await editor.hover(uri, 4, 10)

    assert "Q22" in markdown(hover)
    assert len(client.published) == published
    assert any(
        f"ignoring version 8 of '{uri}'" in m.message for m in client.log_messages
    )
    await editor.close(uri)


async def test_an_untitled_document_works(editor: Editor) -> None:
    uri = "untitled:Untitled-1"
    _, diagnostics = await editor.open(BROKEN, uri=uri)

    assert summary(diagnostics)[0] == ("DAG002", Error, 4, 9, 4, 12)
    hover = await editor.hover(uri, 4, 10)
    assert hover is not None
    await editor.close(uri)


async def test_a_syntax_error_is_reported_where_it_is(editor: Editor) -> None:
    uri, diagnostics = await editor.open(MISTYPED, uri=new_uri("bread"))

    assert summary(diagnostics)[0] == ("DAG001", Error, 4, 6, 4, 8)
    assert diagnostics[0].message == "'=>' is not an arrow: write '->'"
    await editor.close(uri)
