// Arabica example: compute-heavy QuickJS workload (plain script, no files). Deterministic output.
"use strict";
function binaryTrees(maxDepth) {
  const make = d => d === 0 ? [null, null] : [make(d - 1), make(d - 1)];
  const check = t => t[0] === null ? 1 : 1 + check(t[0]) + check(t[1]);
  const out = [`stretch ${check(make(maxDepth + 1))}`];
  const longLived = make(maxDepth);
  for (let d = 4; d <= maxDepth; d += 2) {
    const iters = 1 << (maxDepth - d + 4);
    let c = 0;
    for (let i = 0; i < iters; i++) c += check(make(d));
    out.push(`${iters}@${d}=${c}`);
  }
  out.push(`long ${check(longLived)}`);
  return out.join(" ");
}

function sieve(n) {
  const composite = new Uint8Array(n + 1);
  let count = 0, last = 0;
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++; last = i;
    for (let j = i * i; j <= n; j += i) composite[j] = 1;
  }
  return `${count} ${last}`;
}

function mandelbrot(size) {
  let inside = 0;
  for (let y = 0; y < size; y++) {
    const ci = (2 * y) / size - 1;
    for (let x = 0; x < size; x++) {
      const cr = (2 * x) / size - 1.5;
      let zr = 0, zi = 0, i = 0;
      while (i < 50 && zr * zr + zi * zi <= 4) { const t = zr * zr - zi * zi + cr; zi = 2 * zr * zi + ci; zr = t; i++; }
      if (i === 50) inside++;
    }
  }
  return inside;
}

function textWork(n) {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const words = [];
  for (let i = 0; i < n; i++) words.push("w" + (rand() % 5003).toString(36));
  const freq = new Map();
  for (const w of words) freq.set(w, (freq.get(w) || 0) + 1);
  const top = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  const text = words.join(" ");
  const digits = (text.match(/\d/g) || []).length;
  const json = JSON.stringify(top.map(([w, c]) => ({ w, c })));
  const back = JSON.parse(json);
  return `${freq.size} ${back.map(o => o.w + ":" + o.c).join(",")} ${digits} ${text.length}`;
}

function sortWork(n) {
  let seed = 99;
  const arr = Array.from({ length: n }, () => (seed = (seed * 69069 + 1) % 4294967296) / 4294967296);
  arr.sort((a, b) => a - b);
  let ok = true;
  for (let i = 1; i < n; i++) if (arr[i - 1] > arr[i]) ok = false;
  const objs = arr.map((v, i) => ({ k: Math.floor(v * 1000), i }));
  objs.sort((a, b) => a.k - b.k || b.i - a.i);
  return `${ok} ${arr[n >> 1].toFixed(6)} ${objs[0].k}/${objs[0].i} ${objs[n - 1].k}/${objs[n - 1].i}`;
}

print("binary-trees", binaryTrees(11));
print("sieve", sieve(1000000));
print("mandelbrot", mandelbrot(250));
print("text", textWork(100000));
print("sort", sortWork(100000));
