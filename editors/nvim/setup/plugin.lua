-- dag-lsp in Neovim 0.11+ with editors/nvim of a dag-lsp checkout on
-- 'runtimepath': its ftdetect, ftplugin and lsp/dag_lsp.lua do the rest.
vim.opt.runtimepath:append(vim.fn.expand('~/src/dag-lsp/editors/nvim'))
vim.lsp.enable('dag_lsp')
