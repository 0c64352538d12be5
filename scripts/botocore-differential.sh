#!/usr/bin/env bash
# The botocore differential (see scripts/botocore-differential.py): botocore in a virtual
# environment made here, the release CLI, then the comparison. Arguments go to the Python
# script (`--services N --operations-per-service K --keep`).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/boto3-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check boto3==1.44.8 botocore==1.44.8
cargo build --quiet --release --bin aws-constraints
"$venv/bin/python" scripts/botocore-differential.py "$@"
