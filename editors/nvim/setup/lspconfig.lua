-- dag-lsp through nvim-lspconfig's setup() (Neovim 0.8 to 0.10). dag-lsp is
-- not one of lspconfig's servers, so it is registered as a custom one first.
local lspconfig = require('lspconfig')
local configs = require('lspconfig.configs')
if not configs.dag_lsp then
  configs.dag_lsp = {
    default_config = {
      cmd = { 'dag-lsp' },
      filetypes = { 'dag' },
      root_dir = lspconfig.util.root_pattern('.git'),
      single_file_support = true,
    },
  }
end
lspconfig.dag_lsp.setup({})
