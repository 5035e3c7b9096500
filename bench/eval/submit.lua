-- wrk script: POST /submissions with the body in BODY_FILE and a bearer token: TOKEN_FILE, or with TOKEN_DIR one
-- account per wrk thread (TOKEN_DIR/user-<thread>.jwt), since grading admits each account only 2 at a time.
local function read(path)
  local f = assert(io.open(path, "r"))
  local s = f:read("*a")
  f:close()
  return (s:gsub("%s+$", ""))
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local dir = os.getenv("TOKEN_DIR")
  local file = dir and (dir .. "/user-" .. thread_number .. ".jwt") or os.getenv("TOKEN_FILE")
  wrk.headers["Authorization"] = "Bearer " .. read(file)
end

wrk.method = "POST"
wrk.body = read(os.getenv("BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"

done = function(summary, latency, requests)
  io.write(string.format("RESULT p50_ms=%.1f p99_ms=%.1f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
