#!/usr/bin/env bash
# What building a model-driven validator costs, for every service of AWS's models: the time
# and peak memory (resident) of `aws-constraints operations --model` (read the model, decide
# every operation's input, plan it), one process a service. Prints the five costliest by
# time and by memory, and the totals.
#
#   scripts/validator-build-cost.sh --smithy MODELS     (archive, or api-models-aws folder)
#   scripts/validator-build-cost.sh --botocore DATA     (botocore's data folder)
#
# Needs GNU time (/usr/bin/time) and Python 3 (to find the built CLI).
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")/.."
absolute() { case $1 in /*) echo "$1" ;; *) echo "$caller/$1" ;; esac; }
usage="usage: scripts/validator-build-cost.sh (--smithy MODELS | --botocore DATA)"
[ $# = 2 ] || { echo "$usage" >&2; exit 2; }
kind=$1 given=$(absolute "$2")
[ -e "$given" ] || { echo "no such models: $given" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$(python3 scripts/cargo_executable.py --quiet --release --bin aws-constraints)
case $kind in
    --smithy)
        if [ -d "$given" ]; then models=$given; else
            models=$work/models; mkdir -p "$models"; tar -xJf "$given" -C "$models"; fi ;;
    --botocore) models=$given ;;
    *) echo "$usage" >&2; exit 2 ;;
esac
: > "$work/costs"
for folder in "$models"/*/; do
    service=$(basename "$folder")
    if /usr/bin/time -f "%e %M" -o "$work/time" "$bin" operations --model "$folder" \
        > "$work/operations" 2> /dev/null; then
        read -r seconds kilobytes < "$work/time"
        echo "$seconds $kilobytes $(wc -l < "$work/operations") $service" >> "$work/costs"
    else
        echo "failed: $service"
    fi
done
echo "slowest (seconds, peak KB, operations, service):"
sort -rn "$work/costs" | awk "NR <= 5"
echo "largest by memory:"
sort -k2 -rn "$work/costs" | awk "NR <= 5"
awk '{ t += $1; o += $3; n += 1 } END { printf "%d services, %d operations, %.1f s in all\n", n, o, t }' "$work/costs"
