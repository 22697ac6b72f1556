-- The dag-lsp language server for Neovim 0.11+, found by vim.lsp.config
-- when this folder is on 'runtimepath': `vim.lsp.enable('dag_lsp')` starts it.
return {
  cmd = { 'dag-lsp' },
  filetypes = { 'dag' },
  root_markers = { '.git' },
}
