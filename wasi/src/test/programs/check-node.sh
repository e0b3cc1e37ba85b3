#!/usr/bin/env bash
# Runs every case of ../resources/programs/MANIFEST.tsv under node's node:wasi (a second opinion)
# and compares stdout and the exit code with the expectations.
#   check-node.sh [CASE...]     check all cases, or the named ones
#   check-node.sh --show CASE   print node's stdout for one case
#   check-node.sh --write CASE  overwrite the case's .stdout file with node's output (then re-apply
#                               the corrections listed in README.md for cases where node is wrong)
# Cases where node is known to be wrong (see README.md) are reported as "known deviation".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
res="$(cd "$here/../resources/programs" && pwd)"
RUN_WASI="${RUN_WASI:-/opt/wasm-tools/bin/run-wasi}"

# case -> why node's output differs from the expectation
declare -A KNOWN=(
    [symlinks]="node refuses symlinks whose target contains '..', follows O_NOFOLLOW, and lets a symlink in the middle of a path leave the sandbox"
    [timestamps]="node drops the sub-second part of timestamps it sets"
    [clocks]="node hangs in clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)"
)

show="" write=""
if [[ "${1:-}" == "--show" ]]; then
    show="$2"
    set -- "$2"
elif [[ "${1:-}" == "--write" ]]; then
    write="$2"
    set -- "$2"
fi

pass=0 known=0 fail=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# tabs are turned into \037 first: read would merge adjacent tabs (empty columns) otherwise
while IFS=$'\037' read -r name program exit args env stdin stdout_file; do
    [[ "$name" == "case" || -z "$name" ]] && continue
    if [[ $# -gt 0 ]]; then
        wanted=0
        for c in "$@"; do [[ "$c" == "$name" ]] && wanted=1; done
        [[ $wanted == 1 ]] || continue
    fi
    sandbox="$tmp/$name"
    mkdir -p "$sandbox"
    cmd=("$RUN_WASI" --dir "$sandbox::/sandbox" --argv0 "$program")
    if [[ -n "$env" ]]; then
        IFS=';' read -r -a pairs <<< "$env"
        for p in "${pairs[@]}"; do cmd+=(--env "$p"); done
    fi
    cmd+=("$res/$program.wasm")
    if [[ -n "$args" ]]; then
        read -r -a words <<< "$args"
        cmd+=("${words[@]}")
    fi
    input="${stdin//\\n/$'\n'}"
    set +e
    printf '%s' "$input" | timeout 20 "${cmd[@]}" > "$tmp/$name.out" 2> "$tmp/$name.err"
    code=$?
    set -e
    if [[ -n "$show" ]]; then
        cat "$tmp/$name.out"
        echo "[exit $code]" >&2
        exit 0
    fi
    if [[ -n "$write" ]]; then
        cp "$tmp/$name.out" "$res/$stdout_file"
        echo "wrote $stdout_file (exit $code, manifest says $exit)"
        exit 0
    fi
    if [[ $code == "$exit" ]] && cmp -s "$tmp/$name.out" "$res/$stdout_file"; then
        echo "agree             $name"
        pass=$((pass + 1))
    elif [[ -n "${KNOWN[$name]:-}" ]]; then
        echo "known deviation   $name (exit $code): ${KNOWN[$name]}"
        known=$((known + 1))
    else
        echo "DIFFERS           $name (exit $code, expected $exit)"
        diff "$res/$stdout_file" "$tmp/$name.out" | head -20 || true
        fail=$((fail + 1))
    fi
    rm -rf "$sandbox"
done < <(tr '\t' '\037' < "$res/MANIFEST.tsv")

echo "$pass agree, $known known deviations, $fail differ"
[[ $fail == 0 ]]
