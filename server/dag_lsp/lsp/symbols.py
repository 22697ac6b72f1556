"""The outline and folding: one symbol and one fold per block."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.lsp.positions import Positions
from dag_lsp.queries import Symbol

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer

_HIERARCHY = "text_document.document_symbol.hierarchical_document_symbol_support"


def outline(
    ls: DagServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | list[types.SymbolInformation] | None:
    """The questions and outcomes, with their text or label as detail."""
    uri = params.text_document.uri
    version = ls.documents.version(uri)
    if version is None:
        return None

    found, positions = version.queries.outline(), version.positions
    if not ls.supports(_HIERARCHY):
        return [_information(symbol, positions, uri) for symbol in found]
    return [_symbol(symbol, positions) for symbol in found]


def _kind(symbol: Symbol) -> types.SymbolKind:
    return types.SymbolKind.EnumMember if symbol.outcome else types.SymbolKind.Function


def _symbol(symbol: Symbol, positions: Positions) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=f"[{symbol.name}]" if symbol.outcome else symbol.name,
        detail=symbol.detail,
        kind=_kind(symbol),
        range=positions.lines_range(symbol.first_line, symbol.last_line),
        selection_range=positions.range(symbol.span),
    )


def _information(
    symbol: Symbol, positions: Positions, uri: str
) -> types.SymbolInformation:
    where = positions.lines_range(symbol.first_line, symbol.last_line)
    return types.SymbolInformation(
        name=f"{symbol.name}: {symbol.detail}",
        kind=_kind(symbol),
        location=types.Location(uri=uri, range=where),
    )


def folding(
    ls: DagServer, params: types.FoldingRangeParams
) -> list[types.FoldingRange] | None:
    """A fold for each block of more than one line."""
    version = ls.documents.version(params.text_document.uri)
    if version is None:
        return None
    return [
        types.FoldingRange(start_line=first, end_line=last)
        for first, last in version.queries.folds()
    ]


def register(ls: DagServer) -> None:
    """Add the outline and folding to the server."""
    ls.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)(outline)
    ls.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)(folding)
