#!/usr/bin/env bash
# Run every example program input under a WASI runtime and compare stdout with the
# expected file. Usage: check.sh [--bless] [--time] [RUNNER...]
#   RUNNER defaults to /opt/wasm-tools/bin/run-wasi (node's WASI); any runner that takes
#   Wasmtime-style "--dir HOST::GUEST FILE ARGS" works, e.g. check.sh wasmtime run
#   --bless rewrites the *.expected files from this run; --time prints wall times.
# Writable preopens (/data) are fresh temp dirs. Exit status 0 only if all outputs match.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bless=0 timing=0
while [ $# -gt 0 ]; do
  case $1 in --bless) bless=1; shift ;; --time) timing=1; shift ;; *) break ;; esac
done
if [ $# -gt 0 ]; then RUN=("$@"); else RUN=(/opt/wasm-tools/bin/run-wasi); fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/arabica-check.XXXXXX"); trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0

# check NAME EXPECTED STDIN|- RUNNER-ARGS...   (runs from $HERE; stdout compared, stderr shown on failure)
check() {
  local name=$1 expected=$2 input=$3; shift 3
  local out=$TMP/$name.out err=$TMP/$name.err t0 t1 rc=0
  t0=$(date +%s.%N)
  if [ "$input" = - ]; then (cd "$HERE" && "${RUN[@]}" "$@" </dev/null >"$out" 2>"$err") || rc=$?
  else (cd "$HERE" && "${RUN[@]}" "$@" <"$HERE/$input" >"$out" 2>"$err") || rc=$?; fi
  t1=$(date +%s.%N)
  [ $timing = 1 ] && printf '%-16s %6.2f s\n' "$name" "$(echo "$t1 - $t0" | bc)"
  if [ $bless = 1 ]; then cp "$out" "$HERE/$expected"; fi
  if [ $rc = 0 ] && cmp -s "$out" "$HERE/$expected"; then
    pass=$((pass + 1)); echo "ok   $name"
  else
    fail=$((fail + 1)); echo "FAIL $name (exit $rc)"
    diff "$HERE/$expected" "$out" | head -20 || true
    head -5 "$err"
  fi
}

mkdir -p "$TMP/sqlite" "$TMP/lua" "$TMP/quickjs"
check sqlite-test1 sqlite/test1.expected sqlite/test1.sql --dir "$TMP/sqlite::/data" sqlite3.wasm /data/test.db
check sqlite-test2 sqlite/test2.expected sqlite/test2.sql --dir "$TMP/sqlite::/data" sqlite3.wasm /data/test.db
check sqlite-bench  sqlite/bench.expected sqlite/bench.sql sqlite3.wasm
check lua-test      lua/test.expected     lua/test.lua     --dir "$TMP/lua::/data" lua.wasm -
check lua-bench     lua/bench.expected    lua/bench.lua    lua.wasm -
check quickjs-test  quickjs/test.expected  -  --dir "$TMP/quickjs::/data" --dir quickjs::/prog qjs.wasm /prog/test.mjs
check quickjs-bench quickjs/bench.expected -  --dir quickjs::/prog qjs.wasm /prog/bench.js
# flite.wasm is prebuilt and not committed (build.sh fetches it): compare the WAV it writes.
if [ -f "$HERE/flite.wasm" ]; then
  mkdir -p "$TMP/flite"
  for t in test bench; do
    voice=kal; [ $t = bench ] && voice=slt
    check flite-$t flite/$t.expected - --dir flite::/prog --dir "$TMP/flite::/data" \
      flite.wasm -voice $voice -f /prog/$t.txt -o /data/$t.wav
    # the WAV's hash is checked as a second result
    printf '%s  %s.wav\n' "$(sha256sum < "$TMP/flite/$t.wav" | cut -d' ' -f1)" "$t" > "$TMP/flite-$t.sha"
    [ $bless = 1 ] && cp "$TMP/flite-$t.sha" "$HERE/flite/$t.wav.sha256"
    if cmp -s "$TMP/flite-$t.sha" "$HERE/flite/$t.wav.sha256"; then pass=$((pass + 1)); echo "ok   flite-$t.wav"
    else fail=$((fail + 1)); echo "FAIL flite-$t.wav: $(cat "$TMP/flite-$t.sha")"; fi
  done
else
  echo "skip flite (run build.sh to fetch flite.wasm)"
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
