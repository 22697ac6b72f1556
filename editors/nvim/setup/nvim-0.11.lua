-- dag-lsp in Neovim 0.11+: *.dag files, their comments, the language server.
vim.filetype.add({ extension = { dag = 'dag' } })
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'dag',
  callback = function(args)
    vim.bo[args.buf].commentstring = '# %s'
  end,
})
vim.lsp.config('dag_lsp', {
  cmd = { 'dag-lsp' },
  filetypes = { 'dag' },
  root_markers = { '.git' },
})
vim.lsp.enable('dag_lsp')
