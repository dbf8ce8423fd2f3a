-- wrk script: POSTs one body over and over (or asks with MAWJAZ_LOAD_METHOD and no body), counts answers by status (a
-- 200 counts only when its body has the expected length), and stops a thread after MAWJAZ_LOAD_LIMIT answers when
-- that is set.
wrk.method = os.getenv("MAWJAZ_LOAD_METHOD") or "POST"
if wrk.method == "POST" then
  local file = assert(io.open(os.getenv("MAWJAZ_LOAD_BODY"), "rb"))
  wrk.body = file:read("*a")
  file:close()
end
wrk.headers["Content-Type"] = os.getenv("MAWJAZ_LOAD_TYPE") or "application/json"
local expected = tonumber(os.getenv("MAWJAZ_LOAD_LENGTH") or "0")
local limit = tonumber(os.getenv("MAWJAZ_LOAD_LIMIT") or "0")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, busy, short, other, count = 0, 0, 0, 0, 0
end

function response(status, headers, body)
  count = count + 1
  if status == 200 then
    if expected == 0 or #body == expected then ok = ok + 1 else short = short + 1 end
  elseif status == 503 then
    busy = busy + 1
  else
    other = other + 1
  end
  if limit > 0 and count >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local totals = {ok = 0, busy = 0, short = 0, other = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  io.write(string.format("STATUS ok=%d busy=%d short=%d other=%d\n", totals.ok, totals.busy, totals.short, totals.other))
  io.write(string.format("LATENCY p50=%.3f p90=%.3f p99=%.3f max=%.3f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local errors = summary.errors
  io.write(string.format("TOTAL requests=%d seconds=%.3f connect=%d read=%d write=%d timeout=%d\n", summary.requests,
    summary.duration / 1e6, errors.connect, errors.read, errors.write, errors.timeout))
end
