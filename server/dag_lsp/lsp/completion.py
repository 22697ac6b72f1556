"""Completion: ids, answer names, property keys and new blocks.

`Queries.completion_spot` decides what may be typed at the cursor and which
columns an item replaces; this module turns the candidates into completion
items, each with a text edit over the whole id under the cursor. Trigger
characters are the separators after which an id comes (`->`, `[`, `,`,
`=`, a space); a space only opens ids and answer names, never keys or
blocks, so indenting a line shows nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.lsp.positions import Positions
from dag_lsp.queries import Candidate, ItemKind, Spot, Want

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer

TRIGGERS = [">", "[", ",", "=", " "]

_BY_SPACE = (Want.TARGET, Want.LIST, Want.QUESTION, Want.ANSWER)

_KINDS = {
    ItemKind.QUESTION: types.CompletionItemKind.Reference,
    ItemKind.OUTCOME: types.CompletionItemKind.EnumMember,
    ItemKind.ANSWER: types.CompletionItemKind.Value,
    ItemKind.KEY: types.CompletionItemKind.Property,
    ItemKind.SNIPPET: types.CompletionItemKind.Snippet,
}


def complete(
    ls: DagServer, params: types.CompletionParams
) -> types.CompletionList | None:
    """The completions at the cursor; none in free text."""
    version = ls.documents.version(params.text_document.uri)
    if version is None:
        return None

    queries, positions = version.queries, version.positions
    spot = queries.completion_spot(*positions.point(params.position))
    if spot is None or _unwanted(spot, params.context):
        return types.CompletionList(is_incomplete=False, items=[])

    found = queries.complete(spot)
    snippets = ls.supports("text_document.completion.completion_item.snippet_support")
    edit_range = _replace_range(positions, spot)
    items = [
        _item(candidate, edit_range, snippets, rank)
        for rank, candidate in enumerate(found.candidates)
    ]
    return types.CompletionList(is_incomplete=not found.complete, items=items)


def _unwanted(spot: Spot, context: types.CompletionContext | None) -> bool:
    """A space typed opens ids and answer names only."""
    if context is None or context.trigger_character != " ":
        return False
    return spot.want not in _BY_SPACE


def _replace_range(positions: Positions, spot: Spot) -> types.Range:
    return types.Range(
        start=positions.position(spot.line, spot.start),
        end=positions.position(spot.line, spot.end),
    )


def _item(
    candidate: Candidate, edit_range: types.Range, snippets: bool, rank: int
) -> types.CompletionItem:
    snippet = snippets and bool(candidate.snippet)
    text = candidate.snippet if snippet else candidate.insert
    kind = (
        types.InsertTextFormat.Snippet if snippet else types.InsertTextFormat.PlainText
    )
    return types.CompletionItem(
        label=candidate.label,
        kind=_KINDS[candidate.kind],
        detail=candidate.detail or None,
        sort_text=f"{rank:05d}",
        filter_text=candidate.filter or None,
        insert_text_format=kind,
        text_edit=types.TextEdit(range=edit_range, new_text=text),
    )


def register(ls: DagServer) -> None:
    """Add completion to the server."""
    options = types.CompletionOptions(trigger_characters=TRIGGERS)
    ls.feature(types.TEXT_DOCUMENT_COMPLETION, options)(complete)
