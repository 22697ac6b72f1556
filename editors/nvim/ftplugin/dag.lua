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
