#!/usr/bin/env bash
# What the importer's types cost to compile, against the AWS SDK for Rust crate of the same
# service: for each service, a crate holding `aws-constraints import` of every operation
# (from AWS's Smithy models) and a crate depending on `aws-sdk-<service>`, both built in one
# target directory with their dependencies first, then each rebuilt alone (`cargo clean -p`,
# then `cargo build`, the debug profile as `cargo build` has it) and timed. Prints a table.
#
#   scripts/compile-cost.sh MODELS [SERVICE:SDK-CRATE ...]   default: iot, connect, dynamodb
#
# MODELS is the `all-services.tar.xz` archive of AWS's Smithy models. Needs Python 3 (to find
# the built CLI) and crates.io (for the SDK crates).
set -euo pipefail
archive=${1:-}
if [ -z "$archive" ] || [ ! -f "$archive" ]; then
    echo "usage: scripts/compile-cost.sh MODELS [SERVICE:SDK-CRATE ...], where MODELS is the" \
        "archive all-services.tar.xz of AWS's Smithy models${archive:+ (no such file: $archive)}" >&2
    exit 2
fi
archive=$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")
shift
cd "$(dirname "$0")/.."
pairs=${*:-"iot:aws-sdk-iot connect:aws-sdk-connect dynamodb:aws-sdk-dynamodb"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$archive" -C "$work"
bin=$(python3 scripts/cargo_executable.py --quiet --release --bin aws-constraints)
mkdir -p "$work/snapshot"
git archive HEAD | tar -x -C "$work/snapshot"
crate=$work/cost
mkdir -p "$crate/imported/src" "$crate/sdk/src"
cat > "$crate/Cargo.toml" <<TOML
[workspace]
members = ["imported", "sdk"]
resolver = "2"
TOML
imported_deps="" sdk_deps=""
for pair in $pairs; do
    service=${pair%%:*} sdk=${pair#*:}
    module=$(echo "$service" | tr '-' '_')
    "$bin" import "$(ls "$work/$service"/service/*/*.json | head -1)" \
        --output "$crate/imported/src/$module.rs"
    sdk_deps="$sdk_deps$sdk = \"1\"
"
done
cat > "$crate/imported/Cargo.toml" <<TOML
[package]
name = "imported"
version = "0.0.0"
edition = "2021"

[dependencies]
aws-constraints = { path = "$work/snapshot/aws-constraints" }
serde = { version = "1", features = ["derive"] }
TOML
cat > "$crate/sdk/Cargo.toml" <<TOML
[package]
name = "sdk"
version = "0.0.0"
edition = "2021"

[dependencies]
$sdk_deps
TOML
: > "$crate/sdk/src/lib.rs"
time_build() { # package
    local start
    (cd "$crate" && cargo clean --quiet -p "$1")
    start=$(date +%s.%N)
    (cd "$crate" && cargo build --quiet -p "$1")
    echo "$(date +%s.%N) - $start" | bc
}
printf '\n| service | generated lines | `cargo build` of the imported types | SDK crate | `cargo build` of the SDK crate |\n'
printf '|---|---:|---:|---|---:|\n'
for pair in $pairs; do
    service=${pair%%:*} sdk=${pair#*:}
    module=$(echo "$service" | tr '-' '_')
    echo "pub mod r#$module;" > "$crate/imported/src/lib.rs"
    (cd "$crate" && cargo build --quiet --workspace)
    lines=$(wc -l < "$crate/imported/src/$module.rs")
    ours=$(time_build imported)
    theirs=$(time_build "$sdk")
    printf '| %s | %d | %.1f s | %s | %.1f s |\n' "$service" "$lines" "$ours" "$sdk" "$theirs"
done
