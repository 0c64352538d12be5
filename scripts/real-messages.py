#!/usr/bin/env python3
"""Runs every real AWS message's request through `aws-constraints validate --model` and
compares the answer with what AWS said.

    scripts/real-messages.py --smithy MODELS [--messages FILE] [--verbose]

MODELS is AWS's Smithy models (the `all-services.tar.xz` archive or a folder laid out as
`api-models-aws` is); FILE is the recorded messages (default
`../shared/reference/real-aws-messages.json`). Each message's request, as its source shows
it, is validated as the input of its operation by the model-driven validator, and the
message it gives is compared with AWS's:

- `exact`: byte for byte;
- `same violations`: the same violations in another order (AWS's order of several is not
  knowable from the model);
- `after: ...`: the same violations after the fewest of these steps: `members the source
  leaves out` sets aside our `Member must not be null` for required members the source's
  request does not show (it quotes only what matters to it); `enum values as sets` compares
  each enum value set as a set (AWS's order is neither the model's nor a hash set's); and
  the departures from the model the evidence shows that no profile states yet, undone on our
  side (`no value echo`, `input-shape path prefix`; `no anchors` too, which the pattern
  profile now makes unneeded unless `--as-modeled` is passed): what a profile must say;
- `differs`, `valid here`, `not a document`, `no model`: not reproduced, with both messages.

Prints one line a message (`--verbose`: both messages for those not exact), then counts by
outcome and by service.
"""
import argparse
import collections
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from aws_models import smithy_models  # noqa: E402
from cargo_executable import executable  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The services' names in the recorded messages → their folders among AWS's Smithy models.
FOLDERS = {
    "ACM": "acm",
    "API Gateway": "api-gateway",
    "Amazon Elasticsearch Service": "elasticsearch-service",
    "Auto Scaling": "auto-scaling",
    "CloudFormation": "cloudformation",
    "CloudWatch": "cloudwatch",
    "CloudWatch Logs": "cloudwatch-logs",
    "Cognito Identity": "cognito-identity",
    "Cognito User Pools": "cognito-identity-provider",
    "DynamoDB": "dynamodb",
    "ECR": "ecr",
    "EMR Serverless": "emr-serverless",
    "EventBridge": "eventbridge",
    "IAM": "iam",
    "KMS": "kms",
    "Lambda": "lambda",
    "QuickSight": "quicksight",
    "S3 Vectors": "s3vectors",
    "SNS": "sns",
    "SSM": "ssm",
    "SageMaker": "sagemaker",
    "Step Functions": "sfn",
    "STS": "sts",
    "Transcribe": "transcribe",
}

HEADER = re.compile(r"^\d+ validation errors? detected: ")


def violations(message):
    """A message's violations, as a sorted list."""
    return sorted(HEADER.sub("", message).split("; "))


def without_anchors(message):
    """Our message with patterns printed as most services print them: without `^`..`$`."""
    return re.sub(
        r"(regular expression pattern: )\^(.*?)\$(?=\]|;|$|, )",
        r"\1\2",
        message,
    )


def without_echo(message):
    """Our message with no value echoed (`Value at 'x'`), as IAM and others write theirs."""
    return re.sub(r"Value '.*?' at '", "Value at '", message)


def input_prefix(aws, ours):
    """Our message with AWS's input-shape prefix added to each path, when AWS's paths carry
    one (`createRestApiInput.`)."""
    found = re.search(r" at '([a-z][A-Za-z0-9]*Input)\.", aws)
    if not found:
        return ours
    return re.sub(r" at '", f" at '{found.group(1)}.", ours)


NOT_NULL = re.compile(r"^Value null at '([^']*)' failed to satisfy constraint: Member must not be null$")


def shown_members_only(aws, ours):
    """Our message without the required members' violations that AWS's message does not
    have: the source's request leaves those members out."""
    theirs = set(violations(aws))
    kept = [
        v for v in violations(ours) if v in theirs or not NOT_NULL.match(v)
    ]
    return f"{len(kept)} validation error{'s' if len(kept) != 1 else ''} detected: " + "; ".join(kept)


def enum_sets(message):
    """A message with each enum value set's values sorted."""
    return re.sub(
        r"enum value set: \[([^\]]*)\]",
        lambda m: "enum value set: [" + ", ".join(sorted(m.group(1).split(", "))) + "]",
        message,
    )


# What keeps a recorded message from being compared as it is, each undone on our side (or
# on both, for what neither side can know): the source shows part of the request; AWS's
# enum order; and the departures from the model the evidence shows, each a candidate
# setting of a per-service profile.
STEPS = [
    ("members the source leaves out", lambda aws, ours: (aws, shown_members_only(aws, ours))),
    ("enum values as sets", lambda aws, ours: (enum_sets(aws), enum_sets(ours))),
    ("no anchors", lambda aws, ours: (aws, without_anchors(ours))),
    ("no value echo", lambda aws, ours: (aws, without_echo(ours))),
    ("input-shape path prefix", lambda aws, ours: (aws, input_prefix(aws, ours))),
]


def same(aws, ours):
    return ours == aws or violations(ours) == violations(aws)


def classify(aws, ours):
    """`exact`, `same violations`, or the fewest steps after which the two are the same
    violations (`after: ...`), or `differs`."""
    if ours == aws:
        return "exact"
    if same(aws, ours):
        return "same violations"
    for size in range(1, len(STEPS) + 1):
        for chosen in itertools.combinations(STEPS, size):
            theirs, mine = aws, ours
            for _, step in chosen:
                theirs, mine = step(theirs, mine)
            if same(theirs, mine):
                return "after: " + ", ".join(name for name, _ in chosen)
    return "differs"


def shorten(text, limit=600):
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smithy", required=True, help="AWS's Smithy models (archive or folder)")
    parser.add_argument(
        "--messages",
        default=os.path.join(ROOT, "..", "shared", "reference", "real-aws-messages.json"),
    )
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--as-modeled", action="store_true", help="validate with the models as written (no profiles)"
    )
    args = parser.parse_args()
    with open(args.messages) as f:
        messages = json.load(f)
    binary = executable(["--quiet", "--release", "--bin", "aws-constraints"], cwd=ROOT)
    outcomes = collections.Counter()
    by_service = collections.defaultdict(collections.Counter)
    with tempfile.TemporaryDirectory() as scratch:
        models = smithy_models(args.smithy, scratch)
        for message in messages:
            service = message["service"]
            folder = FOLDERS.get(service)
            aws = message["message"]
            if folder not in models:
                outcome, ours = "no model", f"(no Smithy model of {service} here)"
            else:
                command = [binary, "validate", "--model", models[folder], message["operation"]]
                if args.as_modeled:
                    command.append("--as-modeled")
                run = subprocess.run(
                    command,
                    input=json.dumps(message["input"]),
                    capture_output=True,
                    text=True,
                )
                ours = run.stdout.strip() or run.stderr.strip()
                if run.returncode == 0:
                    outcome = "valid here"
                elif run.returncode == 2:
                    outcome = "not a document"
                else:
                    outcome = classify(aws, ours)
            outcomes[outcome] += 1
            by_service[service][outcome] += 1
            print(f"{message['id']:>3} {service} {message['operation']}: {outcome}")
            if args.verbose and outcome != "exact":
                print(f"      AWS:  {shorten(aws)}\n      ours: {shorten(ours)}")
    print()
    print("| outcome | messages |")
    print("|---|---:|")
    for outcome, count in outcomes.most_common():
        print(f"| {outcome} | {count} |")
    print()
    print("| service | " + " | ".join(sorted(outcomes)) + " |")
    print("|---|" + "---:|" * len(outcomes))
    for service in sorted(by_service):
        counts = by_service[service]
        print(f"| {service} | " + " | ".join(str(counts[o]) for o in sorted(outcomes)) + " |")


if __name__ == "__main__":
    main()
