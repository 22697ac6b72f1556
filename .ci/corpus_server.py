"""CI: trees kept outside the repository, opened in the language server.

Usage: python .ci/corpus_server.py TREE.dag...

Each tree is opened through a real LSP client (pygls's `LanguageClient`)
over stdio, as an editor would open it: the server must publish no
diagnostic for it and answer a formatting request with no edit. Exits 1,
naming the tree and what the server said, when either fails.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 30.0


async def serve(trees: list[Path]) -> list[str]:
    """What the server said against each tree, for the trees it did not pass."""
    client = LanguageClient("dag-lsp-ci", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    def on_log(params: types.LogMessageParams) -> None:
        """The server's log lines are not what CI checks here."""

    client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(on_diagnostics)
    client.feature(types.WINDOW_LOG_MESSAGE)(on_log)

    await client.start_io(sys.executable, "-m", "dag_lsp")
    params = types.InitializeParams(capabilities=types.ClientCapabilities())
    await asyncio.wait_for(client.initialize_async(params), TIMEOUT)
    client.initialized(types.InitializedParams())

    failures = [f for tree in trees for f in await _one(client, published, tree)]

    await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
    client.exit(None)
    return failures


async def _one(
    client: LanguageClient,
    published: asyncio.Queue[types.PublishDiagnosticsParams],
    tree: Path,
) -> list[str]:
    """Open one tree, read its diagnostics and its formatting edits, close it."""
    uri = tree.resolve().as_uri()
    item = types.TextDocumentItem(uri, "dag", 1, tree.read_text(encoding="utf-8"))
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))

    diagnostics = await _diagnostics_of(published, uri)
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    formatting = types.DocumentFormattingParams(
        types.TextDocumentIdentifier(uri), options
    )
    edits = await asyncio.wait_for(
        client.text_document_formatting_async(formatting), TIMEOUT
    )
    edits = edits or []

    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    said = [f"{tree}: diagnostic {d.code} {d.message}" for d in diagnostics]
    return said + [f"{tree}: {len(edits)} formatting edits" for _ in edits[:1]]


async def _diagnostics_of(
    published: asyncio.Queue[types.PublishDiagnosticsParams], uri: str
) -> list[types.Diagnostic]:
    """The first diagnostics published for `uri`."""
    while True:
        params = await asyncio.wait_for(published.get(), TIMEOUT)
        if params.uri == uri:
            return list(params.diagnostics)


def main() -> int:
    """Open every tree named on the command line; 1 if any is not clean."""
    trees = [Path(name) for name in sys.argv[1:]]
    failures = asyncio.run(serve(trees))

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f"the server finds nothing to say of {len(trees)} tree(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
