"""dag-lsp: editor tooling for the Decision DAG language (`.dag` files).

The flow runs one way: source text (`source`) → one syntax node per line
(`syntax`, by the grammar in `grammar/dag.peg`) → the model (`reader`,
`model`) → checks, formatter and queries → the adapters: the command line
(`cli`) and the language server (`lsp`).
"""

__version__ = "0.1.0"
