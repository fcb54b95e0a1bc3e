-- Neovim (0.7.2, Debian 12) as an independent LSP client of the nianbao server over --stdio.
--
--   LSP_SERVER=dist/server.js EXPECT_CODES=label-typo,missing-row MIN_COUNT=2 \
--     nvim --headless --clean -c 'luafile test/nvim/lsp-test.lua' path/to/report.txt
--
-- 1. opens the report, starts `node $LSP_SERVER --stdio`, attaches it to the buffer;
-- 2. waits (event-driven, vim.wait on a flag set by the publishDiagnostics handler) until a
--    publish for the buffer contains every code in EXPECT_CODES, and checks MIN_COUNT and source;
-- 3. if FIX_FROM/FIX_TO are set (and the first expected code is FIX_CODE), replaces the text in
--    the buffer like a user would and waits until FIX_CODE is no longer published (didChange path).
-- Exits 0 on success, 1 on any failed check. vim.lsp.start() only exists from 0.8, hence start_client.
local server = assert(os.getenv('LSP_SERVER'), 'set LSP_SERVER to the built dist/server.js')
local expect_codes = vim.split(os.getenv('EXPECT_CODES') or 'label-typo,missing-row', ',', { plain = true, trimempty = true })
local min_count = tonumber(os.getenv('MIN_COUNT') or '1')
local timeout_ms = tonumber(os.getenv('WAIT_MS') or '30000')
local fix_code, fix_from, fix_to = os.getenv('FIX_CODE'), os.getenv('FIX_FROM'), os.getenv('FIX_TO')

local failures = 0
local function out(fmt, ...) io.stdout:write(string.format(fmt, ...) .. '\n') end
local function check(ok, what)
  out('%s %s', ok and '  ok  ' or '  FAIL', what)
  if not ok then failures = failures + 1 end
  return ok
end

local file = vim.fn.argv(0)
assert(file ~= '', 'usage: nvim --headless --clean -c "luafile lsp-test.lua" FILE')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'nianbao' -- languageId sent in didOpen
local name = vim.fn.fnamemodify(file, ':t')

-- every publishDiagnostics for our buffer (empty ones too), in order; the default handler still runs
local publishes = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and vim.uri_to_bufnr(result.uri) == buf then table.insert(publishes, result.diagnostics) end
  return default_handler(err, result, ctx, config)
end

local function codes_of(diags)
  local set = {}
  for _, d in ipairs(diags) do set[tostring(d.code)] = true end
  return set
end
local function latest() return publishes[#publishes] end
local function wait_for(pred)
  return vim.wait(timeout_ms, function() local l = latest(); return l ~= nil and pred(l) end, 20)
end

local exited = false
local client_id = vim.lsp.start_client({
  name = 'nianbao',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  on_exit = function(code, signal) exited = true; if code ~= 0 then out('server exited: code=%s signal=%s', code, signal) end end,
})
if not check(client_id ~= nil, 'start_client(node ' .. server .. ' --stdio)') then vim.cmd('cquit! 1') end
vim.lsp.buf_attach_client(buf, client_id)

-- 1. diagnostics on open
local t_open = vim.loop.hrtime()
local got = wait_for(function(diags)
  local have = codes_of(diags)
  for _, c in ipairs(expect_codes) do if not have[c] then return false end end
  return true
end)
local diags = latest() or {}
out('%d publishDiagnostics for %s; latest has %d diagnostics (%.0f ms after attach)', #publishes, name, #diags,
  (vim.loop.hrtime() - t_open) / 1e6)
for _, d in ipairs(diags) do
  out('DIAG %s:%d:%d [%s/%s] %s', name, d.range.start.line + 1, d.range.start.character + 1,
    d.source or '?', tostring(d.code), (d.message:gsub('\n', ' ')))
end
check(got, 'diagnostics arrive with codes ' .. table.concat(expect_codes, ', ') .. ' within ' .. timeout_ms .. ' ms')
check(#diags >= min_count, string.format('at least %d diagnostics (got %d)', min_count, #diags))
local all_ours = true
for _, d in ipairs(diags) do if d.source ~= 'nianbao' then all_ours = false end end
check(all_ours, "every diagnostic has source 'nianbao'")
check(#vim.diagnostic.get(buf) == #diags, string.format('Neovim shows them (%d in vim.diagnostic)', #vim.diagnostic.get(buf)))

-- 2. an edit like a user's: fix the mistyped label, the finding goes away (incremental didChange, UTF-16 columns)
if got and fix_code and fix_from and fix_to then
  local edited = false
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s, e = line:find(fix_from, 1, true)
    if s then
      vim.api.nvim_buf_set_text(buf, i - 1, s - 1, i - 1, e, { fix_to })
      edited = true
      break
    end
  end
  if check(edited, string.format('buffer edited: %s → %s', fix_from, fix_to)) then
    local t_edit = vim.loop.hrtime()
    local gone = wait_for(function(d) return not codes_of(d)[fix_code] end)
    check(gone, string.format('%s no longer published after the edit (%.0f ms)', fix_code, (vim.loop.hrtime() - t_edit) / 1e6))
  end
end

check(not exited, 'server still running')
vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
out('%s: nvim %s, %d failed check(s)', failures == 0 and 'PASS' or 'FAIL', name, failures)
if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit! 1') end
