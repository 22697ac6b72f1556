-- dag-lsp in Neovim 0.7: *.dag files, their comments, the language server.
-- One client serves every .dag buffer; it starts with the first one.
vim.cmd([[autocmd BufRead,BufNewFile *.dag setfiletype dag]])
local cmd = { 'dag-lsp' }
local client_id
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
    -- start_client gives nil (and Neovim says why) when the server fails to start.
    client_id = client_id or vim.lsp.start_client({
      name = 'dag_lsp',
      cmd = cmd,
      root_dir = vim.fn.getcwd(),
    })
    if client_id then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
