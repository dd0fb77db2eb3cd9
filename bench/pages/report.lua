-- wrk script of bench/pages_bench.py: counts answers other than 200 and prints one JSON line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("bad")
  end
  local seconds = summary.duration / 1000000
  io.write(string.format(
    '{"rps": %.2f, "p50": %d, "p95": %d, "p99": %d, "non2xx": %d, "requests": %d}\n',
    summary.requests / seconds, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), non2xx, summary.requests))
end
