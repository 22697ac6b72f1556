-- dag-lsp in Neovim 0.7: *.dag files, their comments, the language server.
-- One client serves every .dag buffer; it starts with the first one.
vim.cmd([[autocmd BufRead,BufNewFile *.dag setfiletype dag]])
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'dag',
  callback = function(args)
    vim.bo[args.buf].commentstring = '# %s'
    client_id = client_id or vim.lsp.start_client({
      name = 'dag_lsp',
      cmd = { 'dag-lsp' },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
