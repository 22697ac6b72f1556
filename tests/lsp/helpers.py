"""A test client that keeps every diagnostics notification, and an editor.

`Client` records each `textDocument/publishDiagnostics` with its version, so
a test waits for the diagnostics of one version of one document without
racing the server. `Editor` opens and changes documents through a client and
converts the expected code point columns to the client's position encoding
with Python's own codecs (not the server's code).
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import Sequence
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

WAIT = 20.0

_counter = itertools.count(1)
_BREAKS = re.compile(r"\r\n|\r|\n")


def split(text: str) -> list[str]:
    """The lines of a text as the protocol counts them (only CR and LF break)."""
    return _BREAKS.split(text)


class Client(LanguageClient):
    """A pytest-lsp client that keeps every diagnostics notification."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.arrived = asyncio.Event()
        self.encoding = "utf-16"

    async def published_for(
        self, uri: str, version: int | None
    ) -> types.PublishDiagnosticsParams:
        """The diagnostics of one version of a document, once they arrive."""

        async def wait() -> types.PublishDiagnosticsParams:
            while True:
                for params in reversed(self.published):
                    if params.uri == uri and params.version == version:
                        return params
                self.arrived.clear()
                await self.arrived.wait()

        return await asyncio.wait_for(wait(), WAIT)


def _record(client: Client, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)
    client.arrived.set()


def make_client() -> Client:
    """A client with pytest-lsp's default handlers, diagnostics recorded."""
    client = Client(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record
    register_lsp_features(client, features)
    return client


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` the text takes."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def new_uri(name: str = "tree") -> str:
    """A URI no other test uses."""
    return f"file:///tmp/dag-lsp-tests/{name}-{next(_counter)}.dag"


def apply_edits(text: str, edits: Sequence[types.TextEdit], encoding: str) -> str:
    """The text after edits whose positions are in `encoding` units."""

    def offset(rows: list[str], position: types.Position) -> int:
        before = sum(len(row) for row in rows[: position.line])
        row = rows[position.line] if position.line < len(rows) else ""
        column = 0
        while column < len(row) and units(row[:column], encoding) < position.character:
            column += 1
        return before + column

    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))
    for edit in reversed(ordered):
        rows = re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text)
        start, end = offset(rows, edit.range.start), offset(rows, edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def markdown(hover: types.Hover | None) -> str:
    """The Markdown text of a hover."""
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


def text_edit(item: types.CompletionItem) -> types.TextEdit:
    """The text edit a completion item carries."""
    assert isinstance(item.text_edit, types.TextEdit)
    return item.text_edit


def edits_of(edit: types.WorkspaceEdit | None) -> list[types.TextEdit]:
    """The text edits of a workspace edit of one document."""
    assert edit is not None
    if edit.document_changes is not None:
        (change,) = edit.document_changes
        assert isinstance(change, types.TextDocumentEdit)
        return [e for e in change.edits if isinstance(e, types.TextEdit)]
    assert edit.changes is not None
    (edits,) = edit.changes.values()
    return list(edits)


class Editor:
    """Opens, changes and inspects documents through a client."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.encoding = client.encoding
        self.texts: dict[str, str] = {}

    # ------------------------------------------------------------ positions

    def position(self, uri: str, line: int, column: int) -> types.Position:
        """The client position of a code point column of a line."""
        rows = split(self.texts[uri])
        text = rows[line] if line < len(rows) else ""
        return types.Position(line=line, character=units(text[:column], self.encoding))

    def range(self, uri: str, line: int, start: int, end: int) -> types.Range:
        """The client range of code point columns on one line."""
        return types.Range(
            start=self.position(uri, line, start), end=self.position(uri, line, end)
        )

    def between(
        self, uri: str, start: tuple[int, int], end: tuple[int, int]
    ) -> types.Range:
        """The client range from one (line, column) to another."""
        return types.Range(
            start=self.position(uri, *start), end=self.position(uri, *end)
        )

    def find(self, uri: str, line: int, word: str, nth: int = 0) -> types.Range:
        """The client range of the `nth` occurrence of `word` on a line."""
        row = split(self.texts[uri])[line]
        start = -1
        for _ in range(nth + 1):
            start = row.index(word, start + 1)
        return self.range(uri, line, start, start + len(word))

    # ------------------------------------------------------------ documents

    async def open(
        self, text: str, uri: str | None = None, version: int = 1
    ) -> tuple[str, list[types.Diagnostic]]:
        """Open a document; its URI and its first diagnostics."""
        uri = uri or new_uri()
        self.texts[uri] = text
        item = types.TextDocumentItem(
            uri=uri, language_id="dag", version=version, text=text
        )
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(text_document=item)
        )
        published = await self.client.published_for(uri, version)
        return uri, list(published.diagnostics)

    async def change(
        self,
        uri: str,
        version: int,
        changes: Sequence[types.TextDocumentContentChangeEvent],
        text: str | None = None,
    ) -> list[types.Diagnostic]:
        """Send changes in one notification; the new version's diagnostics.

        `text` is what the document should read afterwards, for positions.
        """
        if text is not None:
            self.texts[uri] = text
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        params = types.DidChangeTextDocumentParams(
            text_document=document, content_changes=list(changes)
        )
        self.client.text_document_did_change(params)
        published = await self.client.published_for(uri, version)
        return list(published.diagnostics)

    async def replace_all(self, uri: str, version: int, text: str) -> list[Any]:
        """Replace the whole text with one full-document change."""
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        return await self.change(uri, version, [change], text)

    async def close(self, uri: str) -> None:
        """Close a document and wait for its diagnostics to be cleared."""
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=self.doc(uri))
        )
        await self.client.published_for(uri, None)

    # ------------------------------------------------------------ requests

    def doc(self, uri: str) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(uri=uri)

    async def hover(self, uri: str, line: int, column: int) -> types.Hover | None:
        position = self.position(uri, line, column)
        params = types.HoverParams(text_document=self.doc(uri), position=position)
        return await self.client.text_document_hover_async(params)

    async def definition(self, uri: str, line: int, column: int) -> Any:
        position = self.position(uri, line, column)
        params = types.DefinitionParams(text_document=self.doc(uri), position=position)
        return await self.client.text_document_definition_async(params)

    async def references(
        self, uri: str, line: int, column: int, declaration: bool = True
    ) -> Any:
        position = self.position(uri, line, column)
        context = types.ReferenceContext(include_declaration=declaration)
        params = types.ReferenceParams(
            context=context, text_document=self.doc(uri), position=position
        )
        return await self.client.text_document_references_async(params)

    async def complete(
        self, uri: str, line: int, column: int, trigger: str | None = None
    ) -> types.CompletionList:
        position = self.position(uri, line, column)
        kind = (
            types.CompletionTriggerKind.TriggerCharacter
            if trigger
            else types.CompletionTriggerKind.Invoked
        )
        context = types.CompletionContext(trigger_kind=kind, trigger_character=trigger)
        params = types.CompletionParams(
            text_document=self.doc(uri), position=position, context=context
        )
        result = await self.client.text_document_completion_async(params)
        assert isinstance(result, types.CompletionList)
        return result


async def actions(
    editor: Editor,
    uri: str,
    line: int,
    column: int,
    only: list[types.CodeActionKind | str] | None = None,
) -> list[types.CodeAction]:
    """The code actions at a place, given the diagnostics published there."""
    published = editor.client.diagnostics[uri]
    context = types.CodeActionContext(diagnostics=list(published), only=only)
    params = types.CodeActionParams(
        text_document=editor.doc(uri),
        range=editor.range(uri, line, column, column),
        context=context,
    )
    found = await editor.client.text_document_code_action_async(params)
    assert found is not None
    return [action for action in found if isinstance(action, types.CodeAction)]
