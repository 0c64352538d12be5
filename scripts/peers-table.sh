#!/usr/bin/env bash
# The "alternating bursts" column of BENCHMARKS.md: for every benchmark case, RUNS runs of
# `profile CASE 200 ours,garde,validator`, each giving the faster peer's median time over
# ours' (the peers and ours measured in turn, under the same load).
#
#   scripts/peers-table.sh [RUNS]
#
# It builds `profile` (release) and finds it where cargo says it put it. Needs Python 3.
#
# Prints one line a case: its name, the median of the runs' ratios, each run's ratio, and
# ours' median time in the first run.
set -euo pipefail
runs=${1:-3}
cd "$(dirname "$0")/.."
profile=$(python3 scripts/cargo_executable.py --quiet --release -p aws-constraints-benches --example profile)
"$profile" --list | while read -r case; do
    ratios=() first_time=
    for _ in $(seq "$runs"); do
        out=$("$profile" "$case" 200 ours,garde,validator)
        time=$(awk '/^ours:/ { print $2 }' <<<"$out")
        ratio=$(awk '/^(garde|validator):/ { r = $4 + 0; if (min == "" || r < min) min = r }
                     END { printf "%.2f", min }' <<<"$out")
        first_time=${first_time:-$time}
        ratios+=("$ratio")
    done
    median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    echo "$case: ${median}x (${ratios[*]}), ours ${first_time} ns"
done
