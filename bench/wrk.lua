-- wrk script for bench/web.py: fixed requests, every answer checked, one JSON line out.
--
--   wrk -t1 -c4 -d10s --latency -s bench/wrk.lua URL -- expect=200 [method=POST]
--       [body=FILE] [cookies=FILE] [header="Name: value"]...
--
-- expect   the status every answer must have (a 302 to the sign-in page would
--          otherwise pass as a fast success); others are counted as "unexpected".
-- body     a file holding the request body (form-encoded).
-- cookies  a file with one Cookie header value a line; requests take them in turn,
--          as one person signed in on several devices would.
-- At the end prints "WRK_JSON:{...}" with the counts and every whole latency
-- percentile from 1 to 100 (wrk's own --latency table has no 95th).

expect = 200
unexpected = 0
local prepared = {}
local turn = 0
local threads = {}

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local method, body, cookies, extra = "GET", nil, {}, {}
  for _, arg in ipairs(args) do
    local key, value = arg:match("^(%w+)=(.*)$")
    if key == "expect" then
      expect = tonumber(value)
    elseif key == "method" then
      method = value
    elseif key == "body" then
      body = read(value)
    elseif key == "cookies" then
      for line in io.lines(value) do
        if line ~= "" then table.insert(cookies, line) end
      end
    elseif key == "header" then
      local name, text = value:match("^([^:]+):%s*(.*)$")
      extra[name] = text
    end
  end
  if #cookies == 0 then cookies = { false } end
  for index, cookie in ipairs(cookies) do
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    for name, value in pairs(extra) do headers[name] = value end
    if cookie then headers["Cookie"] = cookie end
    if body then headers["Content-Type"] = "application/x-www-form-urlencoded" end
    prepared[index] = wrk.format(method, nil, headers, body)
  end
end

function request()
  turn = turn % #prepared + 1
  return prepared[turn]
end

function response(status, headers, body)
  if status ~= expect then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + thread:get("unexpected") end
  local errors = summary.errors
  -- Every whole percentile, so runs in several rounds can be merged into one distribution.
  local quantiles = {}
  for p = 1, 100 do quantiles[p] = string.format("%d", latency:percentile(p)) end
  io.write(string.format(
    'WRK_JSON:{"requests":%d,"duration_us":%d,"unexpected":%d,"errors_connect":%d,' ..
    '"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d,' ..
    '"quantiles_us":[%s]}\n',
    summary.requests, summary.duration, wrong, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout, table.concat(quantiles, ",")))
end
