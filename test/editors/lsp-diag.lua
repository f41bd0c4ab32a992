-- Neovim (0.7+) as a real LSP client: open a page, start disclosure-lint-server over stdio, print the
-- diagnostics it publishes, then change a line and print the diagnostics that follow.
local function simplify(list)
  local out = {}
  for _, d in ipairs(list) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source, code = code, message = d.message })
  end
  table.sort(out, function(a, b) return a.lnum < b.lnum end)
  return out
end

local timeout = tonumber(os.getenv('TIMEOUT_MS') or '10000')
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('FILE')))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'markdown'
local id = vim.lsp.start_client({
  name = 'disclosure-lint',
  cmd = { os.getenv('NODE') or 'node', os.getenv('SERVER'), '--stdio' },
  root_dir = vim.fn.fnamemodify(os.getenv('FILE'), ':p:h'),
  settings = { ['disclosure-lint'] = { today = '2026-11-27', debounceMs = 0, locale = 'en' } },
})
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 20)
io.stdout:write('DIAGNOSTICS ' .. vim.fn.json_encode(simplify(vim.diagnostic.get(buf))) .. '\n')
if ok then
  -- Line 9 holds "updated: 31 เมษายน 2569": make it a real date; the date-invalid finding must go.
  vim.api.nvim_buf_set_lines(buf, 8, 9, false, { 'updated: 2569-10-15' })
  local gone = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'date-invalid' then return false end
    end
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  io.stdout:write('AFTER_EDIT ' .. tostring(gone) .. ' ' .. vim.fn.json_encode(simplify(vim.diagnostic.get(buf))) .. '\n')
  ok = gone
end
local client = vim.lsp.get_client_by_id(id)
if client then client.stop() end
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
