-- Arabica example: Lua 5.4 smoke test. Needs a writable directory preopened as /data.
-- Prints only deterministic text.
local out = {}
local function say(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end print(table.concat(t, " ")) end

say("version", _VERSION, math.type(1), math.type(1.0), math.maxinteger, 7 // 2, 7 % -3, 2^10, 10 / 4)

-- strings
local s = "The quick brown fox jumps over the lazy dog"
say("len", #s, s:upper():sub(1, 9), s:rep(2, "|"):len(), s:byte(5), string.char(72, 105))
say("find", s:find("fox"), s:match("(%a+) dog"), select(2, s:gsub("o", "0")))
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:lower() end
table.sort(words)
say("sorted", table.concat(words, ","))
say("format", string.format("%5.2f|%-6s|%05d|%x|%q|%g", math.pi, "ab", 42, 255, "a\"b", 1e20))
say("pack", string.unpack("<i4", string.pack("<i4", -123456)), #string.pack(">I2 s1", 7, "xyz"))
say("utf8", utf8.len("héllo wörld"), utf8.char(0x48, 0x20AC), table.concat({utf8.codepoint("añb", 1, -1)}, ","))

-- tables and metatables
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, V) end
V.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
function V:len2() return self.x * self.x + self.y * self.y end
local v = vec(1, 2) + vec(3, 4)
say("vec", tostring(v), v:len2(), v == vec(4, 6), rawequal(v, vec(4, 6)))
local t = {}
for i = 1, 1000 do t[i] = (i * 7919) % 1009 end
table.sort(t, function(a, b) return a > b end)
local sum = 0
for _, x in ipairs(t) do sum = sum + x end
say("table", #t, t[1], t[1000], sum, select("#", table.unpack(t, 1, 10)))
local keys = {}
for k in pairs({alpha = 1, beta = 2, gamma = 3}) do keys[#keys + 1] = k end
table.sort(keys)
say("keys", table.concat(keys, " "), table.concat(table.move({1, 2, 3}, 1, 3, 2, {9}), ""))

-- closures
local function counter(step)
  local n = 0
  return function() n = n + step; return n end
end
local c1, c2 = counter(1), counter(10)
c1(); c1(); c2()
say("closures", c1(), c2())
local function memo(f)
  local cache = {}
  return function(n) local r = cache[n]; if not r then r = f(n); cache[n] = r end; return r end
end
local fib
fib = memo(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
say("fib", fib(80))

-- errors
local ok, err = pcall(function() error({code = 7}) end)
say("pcall", ok, type(err), err.code)
ok, err = pcall(function() local x = nil; return x.field end)
say("error", ok, err)
say("xpcall", xpcall(function() error("deep", 0) end, function(m) return "handled: " .. m end))
say("nested", pcall(pcall, error, "inner"))

-- coroutines
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i * i) end end)
end
local acc = {}
for x in gen(6) do acc[#acc + 1] = x end
say("coroutine", table.concat(acc, " "))
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  error("stop at " .. (d + e))
end)
say("resume", coroutine.resume(co, 1, 2))
say("resume", coroutine.resume(co, 10))
say("resume", coroutine.resume(co, 3, 4))
say("status", coroutine.status(co), coroutine.isyieldable())
local producer = coroutine.create(function()
  for i = 1, 3000 do coroutine.yield(i) end
  return "done"
end)
local total, last = 0, nil
while true do
  local _, val = coroutine.resume(producer)
  if coroutine.status(producer) == "dead" then last = val break end
  total = total + val
end
say("yields", total, last)

-- file io inside the preopened directory
local path = "/data/lua-test.txt"
local f = assert(io.open(path, "w"))
for i = 1, 100 do f:write(string.format("line %03d %d\n", i, i * i)) end
f:close()
local n, bytes, last_line = 0, 0, nil
for line in io.lines(path) do n = n + 1; bytes = bytes + #line + 1; last_line = line end
say("file", n, bytes, last_line)
f = assert(io.open(path, "a+"))
f:write("tail\n")
f:seek("set", 0)
local first = f:read("l")
local size = f:seek("end")
f:close()
say("append", first, size)
f = assert(io.open(path, "rb"))
local all = f:read("a")
f:close()
say("read-all", #all, select(2, all:gsub("\n", "")))
say("remove", os.remove(path), io.open(path) == nil)
say("missing", select(2, io.open("/data/no/such/file")) ~= nil)

-- time (only deterministic facts are printed)
local now = os.time()
say("time", math.type(now), now > 1600000000, os.time({year = 2000, month = 1, day = 1, hour = 12}) ~= nil)
say("date", os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!*t", 86400).day)
local c0 = os.clock()
local x = 0
for i = 1, 100000 do x = x + i % 7 end
say("clock", x, os.clock() >= c0, type(os.getenv("HOME")))
say("done")
