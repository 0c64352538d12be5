#!/usr/bin/env bash
# Compares two builds of the profiler in time, on a machine whose load changes from second to
# second: short runs of each build in turn, many times, medians of each.
#
#   scripts/ab-builds.sh BASE_PROFILE NEW_PROFILE CASE [PAIRS]
#
# BASE_PROFILE and NEW_PROFILE are `target/release/examples/profile` binaries of two commits
# (build one in a worktree with `CARGO_TARGET_DIR=...`). Each run is 20 rounds of 2,000
# calls of ours alternating with garde; only ours is kept.
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 BASE_PROFILE NEW_PROFILE CASE [PAIRS]" >&2
    exit 2
fi
base=$1 new=$2 case=$3 pairs=${4:-30}
for binary in "$base" "$new"; do
    [ -x "$binary" ] || { echo "$0: $binary is not an executable" >&2; exit 2; }
done
ours() { "$1" "$case" 20 ours,garde | awk '/^ours/ { print $2 }'; }
for _ in $(seq "$pairs"); do
    echo "base $(ours "$base")"
    echo "new $(ours "$new")"
done | sort -k1,1 -k2n | awk '
    { times[$1] = times[$1] " " $2; count[$1]++ }
    END {
        for (build in times) {
            split(times[build], sorted, " ")
            printf "%s: median %s ns of %d runs\n", build, sorted[int((count[build] + 1) / 2)], count[build]
        }
    }'
