"""The language server: the adapter between an editor and the core.

It sits at the end of the flow. `documents.py` keeps each open document's
text and its `Analysis`, one per version; every feature module reads that
analysis through `dag_lsp.queries` and converts the answers to protocol
types, with positions converted in `positions.py` alone. `server.py` builds
the `LanguageServer` and registers the features of every module.
"""
