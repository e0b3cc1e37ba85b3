#!/usr/bin/env bash
# Rebuilds every WASI test program into ../resources/programs/NAME.wasm.
# C: clang 14 + wasi-libc (Debian packages clang, lld, wasi-libc, libclang-rt-dev-wasm32).
# Rust: Debian rustc 1.63 with libstd-rust-dev-wasm32 (/usr/bin/rustc, not rustup's).
set -euo pipefail
shopt -s nullglob

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "$here/../resources/programs" && pwd)"
CC="${CC:-clang}"
RUSTC="${RUSTC:-/usr/bin/rustc}"

for src in "$here"/*.c; do
    name="$(basename "$src" .c)"
    echo "cc    $name.wasm"
    (cd "$here" && "$CC" --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -Wno-unused-function \
        -Wl,--strip-debug -o "$out/$name.wasm" "$name.c")
done

for src in "$here"/*.rs; do
    name="$(basename "$src" .rs)"
    echo "rustc $name.wasm"
    # lto and panic=abort shrink the module; Debian's std alone makes a hello world about 66 KB.
    # run from the source directory with a relative source name, so the module does not depend on
    # where the repository is checked out (panic messages embed the source path)
    (cd "$here" && "$RUSTC" --target wasm32-wasi --edition 2021 -O -C debuginfo=0 -C strip=symbols \
        -C panic=abort -C lto -C codegen-units=1 -o "$out/$name.wasm" "$name.rs")
done
