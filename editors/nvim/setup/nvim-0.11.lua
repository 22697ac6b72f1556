-- dag-lsp in Neovim 0.11+: *.dag files, their comments, the language server.
local cmd = { 'dag-lsp' }
vim.filetype.add({ extension = { dag = 'dag' } })
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'dag',
  callback = function(args)
    vim.bo[args.buf].commentstring = '# %s'
    -- Neovim passes over a server it cannot run without a word: say so, once.
    if vim.fn.executable(cmd[1]) == 0 and not vim.g.dag_lsp_warned then
      vim.g.dag_lsp_warned = true
      local hint = '`%s` not found: pipx install a dag-lsp clone, or set cmd'
      vim.notify(hint:format(cmd[1]), vim.log.levels.WARN)
    end
  end,
})
vim.lsp.config('dag_lsp', {
  cmd = cmd,
  filetypes = { 'dag' },
  root_markers = { '.git' },
})
vim.lsp.enable('dag_lsp')
