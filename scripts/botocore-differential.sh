#!/usr/bin/env bash
# The botocore differential (see scripts/botocore-differential.py): botocore in a virtual
# environment made here, the release CLI, then the comparison. Arguments go to the Python
# script (`--services N --operations-per-service K --keep`; the CLI is given here).
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(bash scripts/boto3-venv.sh)
cli=$(python3 scripts/cargo_executable.py --quiet --release --bin aws-constraints)
"$python" scripts/botocore-differential.py --cli "$cli" "$@"
