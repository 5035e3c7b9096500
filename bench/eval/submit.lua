-- wrk script: POST /submissions with the body in BODY_FILE and the bearer token in TOKEN_FILE
local function read(path)
  local f = assert(io.open(path, "r"))
  local s = f:read("*a")
  f:close()
  return (s:gsub("%s+$", ""))
end
wrk.method = "POST"
wrk.body = read(os.getenv("BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. read(os.getenv("TOKEN_FILE"))

done = function(summary, latency, requests)
  io.write(string.format("RESULT p50_ms=%.1f p99_ms=%.1f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
