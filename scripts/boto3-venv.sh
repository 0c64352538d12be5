#!/usr/bin/env bash
# Makes (once) the virtual environment with boto3, botocore and moto's server that the
# emulator's and the proxy's boto3 tests and the botocore steps use, and prints its Python.
# They are pinned: botocore's models are an input of the importer's checks, and a new
# release may bring a construct to import.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/boto3-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
"$venv/bin/pip" install --quiet --disable-pip-version-check boto3==1.44.8 botocore==1.44.8 "moto[server]==5.2.6" >&2
echo "$PWD/$venv/bin/python"
