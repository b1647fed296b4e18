-- wrk script for bench/stories.sh: each request takes the next path of a file (one per line, given after "--"),
-- each thread starting at its own place; at the end, one line with requests/s and latency percentiles in ms.
local paths = {}
local next_index = 1

function setup(thread)
  thread:set("offset", math.random(1, 100000))
end

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
    end
  end
  if #paths > 0 then next_index = (offset or 0) % #paths + 1 end
end

function request()
  if #paths == 0 then return wrk.format(nil) end
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
