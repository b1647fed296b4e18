-- wrk script for bench/pages.sh: every request asks for the same path (given after "--") with a query parameter
-- that changes at each request (bench=THREAD-N), so that none is answered from the output cache; at the end, one
-- line with requests/s and latency percentiles in ms, as bench/rotate.lua writes it.
local threads = 0
local path = "/"
local separator = "?"
local counter = 0
local run = "0"

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  path = args[1] or "/"
  run = args[2] or "0"
  if path:find("?", 1, true) then separator = "&" end
end

function request()
  counter = counter + 1
  return wrk.format("GET", path .. separator .. "bench=" .. run .. "-" .. (id or 0) .. "-" .. counter)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
