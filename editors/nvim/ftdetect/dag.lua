-- Decision DAG files (*.dag) get the filetype `dag`.
-- Neovim 0.8+ reads the extension table of vim.filetype; 0.7 (whose Lua
-- filetype detection is off by default) gets an autocommand instead.
if vim.fn.has('nvim-0.8') == 1 then
  vim.filetype.add({ extension = { dag = 'dag' } })
else
  vim.cmd([[autocmd BufRead,BufNewFile *.dag setfiletype dag]])
end
