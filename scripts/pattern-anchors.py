#!/usr/bin/env python3
"""Writes which patterns of AWS's Smithy models carry anchors that the services' own models
do not: the table `schema/data/anchors-added.json` that the importer and the model-driven
validator apply, so that a pattern is printed (and matched) as the service prints it.

    scripts/pattern-anchors.py --smithy MODELS --botocore DATA > schema/data/anchors-added.json

MODELS is AWS's Smithy models (the `all-services.tar.xz` archive or an `api-models-aws`
folder), DATA botocore's `data` folder. botocore's models are generated from the services'
own, and keep their patterns as written; AWS's messages print those (real messages: API
Gateway, CloudFormation, EventBridge `PutTargets`, IAM, Lambda, Cognito print `[1-5]\\d\\d`,
`[\\.\\-_A-Za-z0-9]+`, ... without the `^`..`$` the Smithy models add, while EventBridge's
connection ARN, Step Functions' names and ACM print the anchors both models have). For each
service (by its SDK id) and each shape whose Smithy pattern is botocore's with `^` before,
`$` after, or both, the table names the shape and what was added.
"""
import argparse
import gzip
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from aws_models import botocore_model_file, smithy_models  # noqa: E402


def botocore_models(data):
    """{service id: shapes} of the newest version of each botocore service."""
    out = {}
    for folder in sorted(os.listdir(data)):
        path = os.path.isdir(os.path.join(data, folder)) and botocore_model_file(
            os.path.join(data, folder)
        )
        if not path:
            continue
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt") as f:
            model = json.load(f)
        service_id = model.get("metadata", {}).get("serviceId")
        if service_id:
            out[service_id] = model.get("shapes", {})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smithy", required=True)
    parser.add_argument("--botocore", required=True)
    args = parser.parse_args()
    botocore = botocore_models(args.botocore)
    table = {}
    with tempfile.TemporaryDirectory() as scratch:
        for _, path in sorted(smithy_models(args.smithy, scratch).items()):
            with open(path) as f:
                shapes = json.load(f)["shapes"]
            services = [s for s in shapes.values() if s.get("type") == "service"]
            sdk_id = services[0].get("traits", {}).get("aws.api#service", {}).get("sdkId") if services else None
            own = botocore.get(sdk_id)
            if own is None:
                continue
            added = {}
            for shape_id, shape in sorted(shapes.items()):
                pattern = shape.get("traits", {}).get("smithy.api#pattern")
                name = shape_id.rsplit("#", 1)[-1]
                theirs = own.get(name, {}).get("pattern")
                if pattern is None or theirs is None or pattern == theirs:
                    continue
                for anchors, text in (("^$", f"^{theirs}$"), ("^", f"^{theirs}"), ("$", f"{theirs}$")):
                    if pattern == text:
                        added[name] = anchors
                        break
            if added:
                table[sdk_id] = added
    json.dump(table, sys.stdout, indent=0, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
