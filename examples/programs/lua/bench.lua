-- Arabica example: compute-heavy Lua workload (no files). Deterministic output.
-- binary-trees, n-body, fannkuch-redux (after the Computer Language Benchmarks Game),
-- plus a string/table workload and a coroutine ping-pong (which exercises setjmp/longjmp).

local function bottom_up_tree(depth)
  if depth > 0 then
    depth = depth - 1
    return { bottom_up_tree(depth), bottom_up_tree(depth) }
  end
  return {}
end
local function item_check(tree)
  if tree[1] then return 1 + item_check(tree[1]) + item_check(tree[2]) end
  return 1
end
local function binary_trees(n)
  local max_depth = math.max(6, n)
  local out = {}
  out[#out + 1] = "stretch " .. item_check(bottom_up_tree(max_depth + 1))
  local long_lived = bottom_up_tree(max_depth)
  for depth = 4, max_depth, 2 do
    local iters = 1 << (max_depth - depth + 4)
    local check = 0
    for _ = 1, iters do check = check + item_check(bottom_up_tree(depth)) end
    out[#out + 1] = iters .. "@" .. depth .. "=" .. check
  end
  out[#out + 1] = "long " .. item_check(long_lived)
  return table.concat(out, " ")
end

local function nbody(n)
  local PI, SOLAR_MASS, DAYS = math.pi, 4 * math.pi * math.pi, 365.24
  local bodies = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS,
     9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS,
     2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS, -2.96589568540237556e-05 * DAYS,
     4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS, -9.51592254519715870e-05 * DAYS,
     5.15138902046611451e-05 * SOLAR_MASS},
  }
  local nb = #bodies
  local px, py, pz = 0, 0, 0
  for i = 1, nb do
    local b = bodies[i]
    px, py, pz = px + b[4] * b[7], py + b[5] * b[7], pz + b[6] * b[7]
  end
  bodies[1][4], bodies[1][5], bodies[1][6] = -px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS
  local function energy()
    local e = 0
    for i = 1, nb do
      local bi = bodies[i]
      e = e + 0.5 * bi[7] * (bi[4] * bi[4] + bi[5] * bi[5] + bi[6] * bi[6])
      for j = i + 1, nb do
        local bj = bodies[j]
        local dx, dy, dz = bi[1] - bj[1], bi[2] - bj[2], bi[3] - bj[3]
        e = e - bi[7] * bj[7] / math.sqrt(dx * dx + dy * dy + dz * dz)
      end
    end
    return e
  end
  local e0 = energy()
  local dt = 0.01
  for _ = 1, n do
    for i = 1, nb do
      local bi = bodies[i]
      local bix, biy, biz, bim = bi[1], bi[2], bi[3], bi[7]
      local bivx, bivy, bivz = bi[4], bi[5], bi[6]
      for j = i + 1, nb do
        local bj = bodies[j]
        local dx, dy, dz = bix - bj[1], biy - bj[2], biz - bj[3]
        local d2 = dx * dx + dy * dy + dz * dz
        local mag = dt / (d2 * math.sqrt(d2))
        local bm = bj[7] * mag
        bivx, bivy, bivz = bivx - dx * bm, bivy - dy * bm, bivz - dz * bm
        bm = bim * mag
        bj[4], bj[5], bj[6] = bj[4] + dx * bm, bj[5] + dy * bm, bj[6] + dz * bm
      end
      bi[4], bi[5], bi[6] = bivx, bivy, bivz
      bi[1], bi[2], bi[3] = bix + dt * bivx, biy + dt * bivy, biz + dt * bivz
    end
  end
  return string.format("%.9f %.9f", e0, energy())
end

local function fannkuch(n)
  local p, q, s, sign, maxflips, sum = {}, {}, {}, 1, 0, 0
  for i = 1, n do p[i] = i; q[i] = i; s[i] = i end
  repeat
    local q1 = p[1]
    if q1 ~= 1 then
      for i = 2, n do q[i] = p[i] end
      local flips = 1
      while true do
        local qq = q[q1]
        if qq == 1 then
          sum = sum + sign * flips
          if flips > maxflips then maxflips = flips end
          break
        end
        q[q1] = q1
        if q1 >= 4 then
          local i, j = 2, q1 - 1
          repeat q[i], q[j] = q[j], q[i]; i = i + 1; j = j - 1 until i >= j
        end
        q1 = qq; flips = flips + 1
      end
    end
    if sign == 1 then
      p[2], p[1] = p[1], p[2]; sign = -1
    else
      p[2], p[3] = p[3], p[2]; sign = 1
      for i = 3, n do
        local sx = s[i]
        if sx ~= 1 then s[i] = sx - 1; break end
        if i == n then return sum .. " " .. maxflips end
        s[i] = i
        local t = p[1]; for j = 1, i do p[j] = p[j + 1] end; p[i + 1] = t
      end
    end
  until false
end

local function strings(n)
  local words, counts = {}, {}
  local seed = 42
  for i = 1, n do
    seed = (seed * 1103515245 + 12345) % 2147483648
    local w = string.format("w%x", seed % 4099)
    words[i] = w
    counts[w] = (counts[w] or 0) + 1
  end
  local distinct, best, bestw = 0, 0, nil
  for w, c in pairs(counts) do
    distinct = distinct + 1
    if c > best or (c == best and w < bestw) then best, bestw = c, w end
  end
  local joined = table.concat(words, " ", 1, 2000)
  local upper = joined:upper():gsub("W", "v")
  return distinct .. " " .. bestw .. ":" .. best .. " " .. #upper
end

local function pingpong(n)
  local co = coroutine.wrap(function(x)
    while true do x = coroutine.yield(x * 3 % 1000003) end
  end)
  local x = 1
  for _ = 1, n do x = co(x + 1) end
  local caught = 0
  for i = 1, n // 10 do
    local ok = pcall(error, i)
    if not ok then caught = caught + 1 end
  end
  return x .. " " .. caught
end

print("binary-trees", binary_trees(12))
print("nbody", nbody(60000))
print("fannkuch", fannkuch(9))
print("strings", strings(100000))
print("coroutines", pingpong(50000))
