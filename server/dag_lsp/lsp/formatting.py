"""Formatting: the whole document in the canonical layout.

The formatter works on the model of the current version (no second
parse). A document that is already formatted gets no edits; one with
syntax errors gets none either, and a warning in the client's log (see
`logs.py`) says why, since the formatter refuses to guess.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from lsprotocol import types

from dag_lsp.formatter import FormatError, format_tree

if TYPE_CHECKING:
    from dag_lsp.lsp.server import DagServer

log = logging.getLogger(__name__)


def format_document(
    ls: DagServer, params: types.DocumentFormattingParams
) -> list[types.TextEdit] | None:
    """One edit replacing the document with its formatted text, if it differs."""
    uri = params.text_document.uri
    version = ls.documents.version(uri)
    if version is None:
        return None

    try:
        formatted = format_tree(version.analysis.tree)
    except FormatError as error:
        log.warning("%s: %s", uri, error)
        return []

    if formatted == version.analysis.text:
        return []
    return [types.TextEdit(range=version.positions.whole(), new_text=formatted)]


def register(ls: DagServer) -> None:
    """Add formatting to the server."""
    ls.feature(types.TEXT_DOCUMENT_FORMATTING)(format_document)
