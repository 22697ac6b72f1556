-- Drives a headless Neovim through what a person does with a .dag file, for
-- tests/editors/test_neovim.py: the far end of the flow, a real editor
-- talking to `dag-lsp` over stdio.
--
-- Used as `nvim --headless --clean -u nvim_driver.lua`. It first runs the
-- set-up file named by DAG_TEST_SETUP, as a user's init.lua would; once
-- Neovim has started it opens DAG_TEST_BROKEN and DAG_TEST_MESSY, waits on
-- real events (never a fixed delay), and writes what it saw as JSON to
-- DAG_TEST_OUT, then quits. Positions are 0-based, columns in bytes.

local timeout = tonumber(os.getenv('DAG_TEST_TIMEOUT') or '') or 15000
local results = { errors = {} }

local function fail(step, message)
  table.insert(results.errors, step .. ': ' .. message)
end

local function wait_for(step, condition)
  local ok = vim.wait(timeout, condition, 20)
  if not ok then
    fail(step, 'gave up after ' .. timeout .. ' ms')
  end
  return ok
end

-- The clients attached to a buffer, on every version from 0.7 on.
local function clients_of(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(buf))
end

local function attached(buf)
  return wait_for('attach', function()
    local clients = clients_of(buf)
    return #clients > 0 and clients[1].server_capabilities ~= nil
  end)
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

local function cursor()
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  return { line = row - 1, column = col }
end

local function place_cursor(spot)
  vim.api.nvim_win_set_cursor(0, { spot.line + 1, spot.column })
end

local function floating_windows()
  local found = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      table.insert(found, win)
    end
  end
  return found
end

local function collect_diagnostics(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(found, {
      line = d.lnum,
      column = d.col,
      end_line = d.end_lnum,
      end_column = d.end_col,
      severity = d.severity,
      code = d.code,
      source = d.source,
      message = d.message,
    })
  end
  return found
end

local function check_buffer(buf)
  results.filetype = vim.bo[buf].filetype
  results.commentstring = vim.bo[buf].commentstring
  if not attached(buf) then
    return
  end
  results.client = clients_of(buf)[1].name

  wait_for('diagnostics', function()
    return #vim.diagnostic.get(buf) > 0
  end)
  results.diagnostics = collect_diagnostics(buf)
end

local function go_to_definition(reference)
  place_cursor(reference)
  vim.lsp.buf.definition()
  if wait_for('definition', function()
    local now = cursor()
    return now.line ~= reference.line or now.column ~= reference.column
  end) then
    results.definition = cursor()
  end
end

local function hover(reference)
  place_cursor(reference)
  vim.lsp.buf.hover()
  if wait_for('hover', function()
    return #floating_windows() > 0
  end) then
    local win = floating_windows()[1]
    local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
    results.hover = table.concat(lines, '\n')
    vim.api.nvim_win_close(win, true)
  end
end

-- Formats the whole buffer with the server: vim.lsp.buf.format() from 0.8 on,
-- formatting_sync() on 0.7; both wait for the server's edits.
local function format(path)
  local buf = open(path)
  if not attached(buf) then
    return
  end
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ bufnr = buf, async = false, timeout_ms = timeout })
  else
    vim.lsp.buf.formatting_sync(nil, timeout)
  end
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  results.formatted = table.concat(lines, '\n') .. '\n'
  results.modified = vim.bo[buf].modified
end

local function reference()
  return {
    line = tonumber(os.getenv('DAG_TEST_REF_LINE')),
    column = tonumber(os.getenv('DAG_TEST_REF_BYTE')),
  }
end

local function steps()
  local buf = open(os.getenv('DAG_TEST_BROKEN'))
  check_buffer(buf)
  if results.client then
    go_to_definition(reference())
    hover(reference())
    format(os.getenv('DAG_TEST_MESSY'))
  end
end

local function finish()
  results.version = vim.version()
  local file = assert(io.open(os.getenv('DAG_TEST_OUT'), 'w'))
  file:write(vim.fn.json_encode(results))
  file:close()
  vim.cmd('qall!')
end

dofile(os.getenv('DAG_TEST_SETUP'))

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true,
  callback = function()
    local ok, err = xpcall(steps, debug.traceback)
    if not ok then
      fail('script', tostring(err))
    end
    finish()
  end,
})
