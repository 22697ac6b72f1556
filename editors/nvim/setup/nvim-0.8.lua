-- dag-lsp in Neovim 0.8 to 0.10: *.dag files, their comments, the server.
vim.filetype.add({ extension = { dag = 'dag' } })
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'dag',
  callback = function(args)
    vim.bo[args.buf].commentstring = '# %s'
    local path = vim.api.nvim_buf_get_name(args.buf)
    local git = vim.fs.find('.git', { upward = true, path = vim.fs.dirname(path) })[1]
    vim.lsp.start({
      name = 'dag_lsp',
      cmd = { 'dag-lsp' },
      root_dir = git and vim.fs.dirname(git) or vim.fn.getcwd(),
    })
  end,
})
