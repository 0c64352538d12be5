#!/usr/bin/env bash
# Imports AWS services from the Smithy models in shared/ with `aws-constraints import` and
# compiles the generated types, one module per service, in a scratch crate under
# `#![deny(warnings)]`. Prints a table:
# services imported, refused (with the reason), compiled, and the time each step took.
#
#   scripts/import-aws.sh              a sample covering every shape kind and protocol
#   scripts/import-aws.sh --all        all 402 services (long: see BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
models_tar=$root/../shared/reference/aws-smithy-models/all-services.tar.xz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$models_tar" -C "$work"
cargo build --quiet --release --bin aws-constraints
bin=$root/target/release/aws-constraints

if [ "${1:-}" = "--all" ]; then
    services=$(ls "$work" | grep -v -E '^(LICENSE|NOTICE)')
else
    # DynamoDB (recursive union), KMS (sensitive blob, enums), Lambda (maps, lists), SQS and
    # STS (query-protocol era shapes), CloudWatch (rpcv2-cbor), and the five services.
    services="dynamodb kms lambda sqs sts cloudwatch chime-sdk-identity service-catalog-appregistry connect clouddirectory iot"
fi

crate=$work/crate
mkdir -p "$crate/src"
cat > "$crate/Cargo.toml" <<TOML
[package]
name = "imported-aws"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
aws-constraints = { path = "$root/aws-constraints" }
serde = { version = "1", features = ["derive"] }

[workspace]
TOML
echo "#![deny(warnings)]" > "$crate/src/lib.rs"
imported=0 refused=0
start=$(date +%s)
for service in $services; do
    model=$(ls "$work/$service"/service/*/*.json | head -1)
    module=$(echo "$service" | tr '-' '_')
    if "$bin" import "$model" --output "$crate/src/$module.rs" 2> "$work/error.txt"; then
        echo "pub mod r#$module;" >> "$crate/src/lib.rs"
        imported=$((imported + 1))
    else
        refused=$((refused + 1))
        echo "refused $service: $(cut -c1-200 "$work/error.txt")"
    fi
done
import_seconds=$(( $(date +%s) - start ))
start=$(date +%s)
cp "$root/Cargo.lock" "$crate/Cargo.lock"
if (cd "$crate" && cargo check --quiet 2> "$work/check.txt"); then compiled=yes; else compiled=no; head -40 "$work/check.txt"; fi
check_seconds=$(( $(date +%s) - start ))
lines=$(cat "$crate"/src/*.rs | wc -l)
printf '\n| services | imported | refused | generated lines | import | cargo check | compiles |\n'
printf '|---:|---:|---:|---:|---:|---:|---|\n'
printf '| %d | %d | %d | %d | %d s | %d s | %s |\n' \
    $((imported + refused)) "$imported" "$refused" "$lines" "$import_seconds" "$check_seconds" "$compiled"
[ "$compiled" = yes ]
