#!/usr/bin/env bash
# Rebuilds the workloads' .wasm files (committed beside their sources) with Debian's clang and
# wasi-libc: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32.
# They import nothing: each exports its memory and `run`, and malloc comes from wasi-libc.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
workloads=$(grep -v '^#' scales.tsv | cut -f1)
for source in $workloads; do
  clang --target=wasm32-wasi --sysroot=/usr -O2 -nostartfiles -Wl,--no-entry -Wl,--export=run -Wl,--strip-debug \
    -o "$source.wasm" "$source.c"
done
# The same workloads as WASI commands (main from native_main.c: prints the checksum and the seconds
# run took), for timing `arabica run` end to end against the native build (bin/bench-end-to-end).
mkdir -p commands
for source in $workloads; do
  clang --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-debug -o "commands/$source.wasm" "$source.c" native_main.c
done
