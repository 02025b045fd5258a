-- The `Sitrep.WebLoad load` request mix for wrk (Debian package `wrk`), so the server can be measured with a load
-- generator that costs far less CPU than .NET's HttpClient on the same two cores. Each thread stops after its share
-- of REQUESTS answers, so the run is as bounded as `load --requests`.
-- usage: IDS=/tmp/ids.txt REQUESTS=4000 wrk -t2 -c200 -d60s --latency -s bench/Sitrep.WebLoad/wrk-mix.lua URL
-- IDS: one incident id per line (e.g. from /api/points/ids?country=SY&limit=5000).

local countries = { "SY", "IQ", "YE", "AF", "SO", "ML", "NG", "SD", "UA", "CD" }
local types = { "Battles", "Air%2Fdrone%20strike", "Protests", "Armed%20clash", "Riots" }
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

function init(args)
  ids = {}
  for line in io.lines(os.getenv("IDS")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  local total = tonumber(os.getenv("REQUESTS") or "4000")
  quota = math.floor(total / 2)
  if id == 1 then quota = total - quota end
  answered = 0
  k = id - 1
  math.randomseed(id * 7919)
end

function request()
  k = k + 1
  local m = k % 6
  local path
  if m == 0 then path = "/api/incidents?size=20&page=" .. math.random(1, 50)
  elseif m == 1 then path = "/api/incidents?size=20&country=" .. countries[math.random(#countries)] .. "&page=" .. math.random(1, 20)
  elseif m == 2 then path = "/api/incidents?size=20&type=" .. types[math.random(#types)] .. "&from=2020-0" .. math.random(1, 9) .. "-01"
  elseif m == 3 then path = "/api/incidents?size=20&actor=islamic&to=2021-12-31"
  elseif m == 4 then path = "/api/incidents/" .. ids[math.random(#ids)]
  else path = "/api/status" end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then errors = (errors or 0) + 1 end
  answered = answered + 1
  if answered >= quota then wrk.thread:stop() end
end
