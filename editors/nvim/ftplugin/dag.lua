-- Buffer settings for Decision DAG files: `#` comments (for `gc` and
-- friends) and the two-space indent that `dag-lsp --format` writes.
if vim.b.did_ftplugin == 1 then
  return
end
vim.b.did_ftplugin = 1

vim.bo.commentstring = '# %s'
vim.bo.comments = ':#'
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2

vim.b.undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop<'

-- With `vim.lsp.enable('dag_lsp')`, Neovim 0.11+ passes over a server it
-- cannot run without a word (only :checkhealth vim.lsp tells): say so, once.
if vim.lsp.is_enabled and vim.lsp.is_enabled('dag_lsp') and not vim.g.dag_lsp_warned then
  local cmd = (vim.lsp.config.dag_lsp or {}).cmd
  if type(cmd) == 'table' and vim.fn.executable(cmd[1]) == 0 then
    vim.g.dag_lsp_warned = true
    local hint = '`%s` not found: pipx install a dag-lsp clone, or set cmd'
    vim.notify(hint:format(cmd[1]), vim.log.levels.WARN)
  end
end
