"""End-to-end tests of the language server, driven through pytest-lsp."""
