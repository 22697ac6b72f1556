-- dag-lsp in Neovim 0.8 to 0.10: *.dag files, their comments, the server.
local cmd = { 'dag-lsp' }
vim.filetype.add({ extension = { dag = 'dag' } })
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'dag',
  callback = function(args)
    vim.bo[args.buf].commentstring = '# %s'
    if vim.fn.executable(cmd[1]) == 0 then
      if not vim.g.dag_lsp_warned then
        vim.g.dag_lsp_warned = true
        local hint = '`%s` not found: pipx install a dag-lsp clone, or set cmd'
        vim.notify(hint:format(cmd[1]), vim.log.levels.WARN)
      end
      return
    end
    local path = vim.api.nvim_buf_get_name(args.buf)
    local git = vim.fs.find('.git', { upward = true, path = vim.fs.dirname(path) })[1]
    vim.lsp.start({
      name = 'dag_lsp',
      cmd = cmd,
      root_dir = git and vim.fs.dirname(git) or vim.fn.getcwd(),
    })
  end,
})
