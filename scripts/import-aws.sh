#!/usr/bin/env bash
# Imports AWS services with `aws-constraints import` and compiles the generated types of
# each service as a crate of its own (one shared target directory) under
# `#![deny(warnings)]` and `cargo clippy -D warnings`. Prints what was refused (with the
# reason), what failed to compile, and a table: services, imported, refused, compiled,
# generated lines, and the time each step took.
#
#   scripts/import-aws.sh [--all] [--differential] --smithy MODELS
#       from AWS's Smithy models: MODELS is the `all-services.tar.xz` archive of them or a
#       folder laid out as `api-models-aws` is (SERVICE/service/VERSION/SERVICE-VERSION.json)
#   scripts/import-aws.sh [--all] [--differential] --botocore DATA
#       from botocore's models: DATA is botocore's `data` folder (the newest version of each
#       service)
#
# Without --all, a sample covering every shape kind and protocol; with it, every service of
# the models (long: see BENCHMARKS.md). Needs Python 3 (to find the built CLI).
#
# --differential also runs the model-driven validator (aws-constraints-schema) against each
# service's imported types: every operation's generated documents (one valid, one for each
# constraint it can break) read and validated both ways, which must agree exactly
# (`samples::compare`). Prints each disagreement, and a second table: operations, documents,
# invalid, disagreements.
# KEEP_WORK=1 keeps the scratch directory (its path is printed) to look at what failed.
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")/.."
root=$PWD
# A path given relative to where the script was called from.
absolute() { case $1 in /*) echo "$1" ;; *) echo "$caller/$1" ;; esac; }
usage="usage: scripts/import-aws.sh [--all] [--differential] (--smithy MODELS | --botocore DATA)"
all=no differential=no botocore= smithy=
while [ $# -gt 0 ]; do
    case $1 in
        --all) all=yes ;;
        --differential) differential=yes ;;
        --botocore) botocore=$(absolute "${2:?--botocore needs the botocore data folder}"); shift ;;
        --smithy) smithy=$(absolute "${2:?--smithy needs the Smithy models (archive or folder)}"); shift ;;
        *) echo "unknown argument: $1 ($usage)" >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$botocore$smithy" ] || { [ -n "$botocore" ] && [ -n "$smithy" ]; }; then
    echo "which models? give one of --smithy or --botocore ($usage)" >&2
    exit 2
fi
given=${botocore:-$smithy}
[ -e "$given" ] || { echo "no such models: $given" >&2; exit 2; }
work=$(mktemp -d)
if [ -n "${KEEP_WORK:-}" ]; then echo "scratch: $work"; else trap 'rm -rf "$work"' EXIT; fi
bin=$(python3 scripts/cargo_executable.py --quiet --release --bin aws-constraints)
# The generated crates build against the committed runtime, exported here, so that edits to
# the working tree during a long run cannot change what it measures.
snapshot=$work/snapshot
mkdir -p "$snapshot"
git archive HEAD | tar -x -C "$snapshot"

if [ -n "$botocore" ]; then
    models=$botocore
    model_of() {
        local newest
        newest=$(ls -d "$models/$1"/*/ | sort | tail -1)
        ls "$newest"service-2.json* | head -1
    }
    appregistry=servicecatalog-appregistry
else
    if [ -d "$smithy" ]; then
        models=$smithy
    else
        models=$work/models
        mkdir -p "$models"
        tar -xJf "$smithy" -C "$models"
    fi
    model_of() { ls "$models/$1"/service/*/*.json | head -1; }
    appregistry=service-catalog-appregistry
fi
if [ "$all" = yes ]; then
    services=$(ls "$models" | grep -v -E '^(LICENSE|NOTICE|_.*|.*\.json)$')
else
    # DynamoDB (awsJson1_0; a recursive union, maps inside lists), KMS (awsJson1_1; a sensitive
    # blob, enums), Lambda (restJson1; maps, a streaming blob), S3 (restXml; timestamps,
    # defaults), SQS (awsJson1_0, query-compatible), STS (awsQuery), CloudWatch (rpcv2-cbor),
    # Verified Permissions (unique items of structures), and the five services.
    services="dynamodb kms lambda s3 sqs sts cloudwatch verifiedpermissions chime-sdk-identity $appregistry connect clouddirectory iot"
fi

crates=$work/crates
mkdir -p "$crates"
export CARGO_TARGET_DIR=$work/target
# Each service's build is removed once it has been checked (below): 402 services' debug
# builds would fill a disk. No incremental state either.
export CARGO_INCREMENTAL=0
imported=0 refused=0 compiled=0 failed=0 lines=0
d_services=0 d_operations=0 d_documents=0 d_invalid=0 d_disagreements=0 d_failed=0 d_seconds=0
start=$(date +%s)
for service in $services; do
    model=$(model_of "$service") || { echo "no model for $service" >&2; continue; }
    crate=$crates/$service
    mkdir -p "$crate/src"
    if "$bin" import "$model" --dispatch --output "$crate/src/generated.rs" 2> "$work/error.txt"; then
        imported=$((imported + 1))
        lines=$((lines + $(wc -l < "$crate/src/generated.rs")))
        printf '#![deny(warnings)]\ninclude!("generated.rs");\n' > "$crate/src/lib.rs"
        cat > "$crate/Cargo.toml" <<TOML
[package]
name = "imported-$service"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
aws-constraints = { path = "$snapshot/aws-constraints" }
aws-constraints-schema = { path = "$snapshot/schema", features = ["samples"] }
serde = { version = "1", features = ["derive"] }

[workspace]

# Compiling patterns is the comparison's main cost; as in the workspace.
[profile.dev.package.regex-automata]
opt-level = 3
[profile.dev.package.aws-constraints-pattern]
opt-level = 3
TOML
        # The comparison, run by --differential: the model's every operation, both ways.
        library=imported_$(echo "$service" | tr - _)
        cat > "$crate/src/main.rs" <<RUST
fn main() {
    let path = std::env::args().nth(1).expect("the model's path");
    let text = std::fs::read(&path).expect("the model");
    let text = String::from_utf8(text).expect("UTF-8");
    let validator = aws_constraints_schema::Validator::from_json(&text).expect("a model");
    let (mut operations, mut compared, mut invalid, mut disagreements) = (0, 0, 0, 0);
    for (operation, refused) in validator.operations() {
        if refused.is_some() {
            continue;
        }
        let typed = |document: &str| {
            $library::validate_input(operation, document).expect("the module has the operation")
        };
        let comparison = aws_constraints_schema::samples::compare(&validator, operation, typed);
        operations += 1;
        compared += comparison.compared;
        invalid += comparison.invalid;
        for disagreement in &comparison.disagreements {
            disagreements += 1;
            println!("DISAGREE {disagreement:?}");
        }
    }
    println!("SUMMARY {operations} {compared} {invalid} {disagreements}");
}
RUST
        cp "$root/Cargo.lock" "$crate/Cargo.lock"
        # The model as plain JSON, for the comparison.
        case $model in
            *.gz) gunzip -c "$model" > "$crate/model.json" ;;
            *) cp "$model" "$crate/model.json" ;;
        esac
    else
        refused=$((refused + 1))
        rm -rf "$crate"
        echo "refused $service: $(sed 's/^error: [^:]*: //' "$work/error.txt" | cut -c1-220)"
    fi
done
import_seconds=$(( $(date +%s) - start ))

# The dependencies once, in a crate of no code, so that each service's time is its own.
start=$(date +%s)
deps=$work/deps
mkdir -p "$deps/src"
: > "$deps/src/lib.rs"
sed 's/^name = .*/name = "imported-deps"/' "$(ls -d "$crates"/*/ | head -1)Cargo.toml" > "$deps/Cargo.toml"
cp "$root/Cargo.lock" "$deps/Cargo.lock"
(cd "$deps" && cargo clippy --quiet)
deps_seconds=$(( $(date +%s) - start ))
start=$(date +%s)
slowest="" slowest_seconds=0
for crate in "$crates"/*/; do
    service=$(basename "$crate")
    t0=$(date +%s)
    if (cd "$crate" && cargo clippy --quiet -- -D warnings 2> "$work/check.txt"); then
        compiled=$((compiled + 1))
    else
        failed=$((failed + 1))
        echo "failed to compile $service:"
        head -20 "$work/check.txt"
    fi
    seconds=$(( $(date +%s) - t0 ))
    if [ "$seconds" -gt "$slowest_seconds" ]; then slowest=$service slowest_seconds=$seconds; fi
    if [ "$differential" = yes ]; then
        t0=$(date +%s)
        if (cd "$crate" && cargo run --quiet -- model.json > "$work/compare.txt" 2> "$work/check.txt"); then
            grep '^DISAGREE' "$work/compare.txt" | head -5 | sed "s/^/$service: /" | cut -c1-600 || true
            read -r _ ops docs bad differ < <(grep '^SUMMARY' "$work/compare.txt")
            d_services=$((d_services + 1)) d_operations=$((d_operations + ops))
            d_documents=$((d_documents + docs)) d_invalid=$((d_invalid + bad))
            d_disagreements=$((d_disagreements + differ))
        else
            d_failed=$((d_failed + 1))
            echo "the comparison failed to run for $service:"
            head -20 "$work/check.txt"
        fi
        d_seconds=$((d_seconds + $(date +%s) - t0))
    fi
    (cd "$crate" && cargo clean --quiet -p "imported-$service" 2> /dev/null) || true
done
check_seconds=$(( $(date +%s) - start ))
printf '\n| services | imported | refused | compiled | failed | generated lines | import | dependencies | cargo clippy -D warnings, all services | slowest |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n'
printf '| %d | %d | %d | %d | %d | %d | %d s | %d s | %d s | %s (%d s) |\n' \
    $((imported + refused)) "$imported" "$refused" "$compiled" "$failed" "$lines" \
    "$import_seconds" "$deps_seconds" "$check_seconds" "$slowest" "$slowest_seconds"
if [ "$differential" = yes ]; then
    printf '\n| services compared | operations | documents | invalid | disagreements | failed to run | build and run |\n'
    printf '|---:|---:|---:|---:|---:|---:|---:|\n'
    printf '| %d | %d | %d | %d | %d | %d | %d s |\n' "$d_services" "$d_operations" \
        "$d_documents" "$d_invalid" "$d_disagreements" "$d_failed" "$d_seconds"
fi
[ "$failed" = 0 ] && [ "$d_disagreements" = 0 ] && [ "$d_failed" = 0 ]
