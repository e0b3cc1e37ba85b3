#!/usr/bin/env bash
# Rebuilds wordfreq.wasm with Debian's clang and wasi-libc (see ../../../shared/tools/setup-toolchains.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
clang --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-debug -o wordfreq.wasm wordfreq.c
