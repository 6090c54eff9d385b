-- PATCH /api/stories/{id} round-robin over the stories in the file named by WRITES_FILE
-- (one "token story-id" per line, written by bin/bench-pressure.sh), counting answers by status.
local targets = {}
local next_target = 1
counts = {}

function setup(thread)
  table.insert(threads, thread)
end
threads = {}

function init(args)
  for line in io.lines(os.getenv("WRITES_FILE")) do
    local token, id = line:match("^(%S+)%s+(%d+)$")
    if token then table.insert(targets, { token = token, id = id }) end
  end
  next_target = math.random(#targets)
end

function request()
  local t = targets[next_target]
  next_target = next_target % #targets + 1
  return wrk.format("PATCH", "/api/stories/" .. t.id,
    { ["Authorization"] = "Bearer " .. t.token, ["Content-Type"] = "application/json" },
    '{"body":"edited under load ' .. math.random(1000000) .. '"}')
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write(string.format("RESULT requests=%d seconds=%.2f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f socket_errors=%d statuses=%s\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ",")))
end
