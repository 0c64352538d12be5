#!/usr/bin/env python3
"""What a change to the importer changes in its output, over all of AWS's models.

    scripts/importer-diff.py --old OLD_CLI --new NEW_CLI --smithy MODELS [--show N]

OLD_CLI and NEW_CLI are two builds of `aws-constraints` (build the old one from a worktree
of the old commit with its own `CARGO_TARGET_DIR`); MODELS is AWS's Smithy models (the
`all-services.tar.xz` archive or a folder laid out as `api-models-aws` is). Every service is
imported by both; the script counts the services whose output is the same, differs only in
its first line (the header), or differs otherwise, prints the lines that differ otherwise
(each distinct line once, with how many times it was added or removed; the first N), and
fails if an import succeeds with one build and fails with the other.
"""
import argparse
import collections
import difflib
import os
import subprocess
import sys
import tempfile

from aws_models import smithy_models


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--old", required=True)
    parser.add_argument("--new", required=True)
    parser.add_argument("--smithy", required=True)
    parser.add_argument("--show", type=int, default=40, help="distinct differing lines shown")
    args = parser.parse_args()
    for path in (args.old, args.new, args.smithy):
        if not os.path.exists(path):
            sys.exit(f"no such file: {path}")
    counts = collections.Counter()
    lines = collections.Counter()
    exits = []
    with tempfile.TemporaryDirectory() as scratch:
        for service, model in smithy_models(os.path.abspath(args.smithy), scratch).items():
            old = subprocess.run([args.old, "import", model], capture_output=True, text=True)
            new = subprocess.run([args.new, "import", model], capture_output=True, text=True)
            if (old.returncode == 0) != (new.returncode == 0):
                exits.append(service)
            elif old.stdout == new.stdout:
                counts["same (or refused by both)"] += 1
            elif old.stdout.split("\n", 1)[1:] == new.stdout.split("\n", 1)[1:]:
                counts["the header only"] += 1
            else:
                counts["more than the header"] += 1
                diff = difflib.unified_diff(
                    old.stdout.split("\n")[1:], new.stdout.split("\n")[1:], lineterm="", n=0
                )
                for line in diff:
                    if line[:1] in "+-" and not line.startswith(("+++", "---")):
                        lines[line.strip()] += 1
    print("| services whose output changed | count |\n|---|---:|")
    for what, count in sorted(counts.items()):
        print(f"| {what} | {count} |")
    print(f"| imported by one build only | {len(exits)} |")
    for line, count in lines.most_common(args.show):
        print(f"{count:6} {line}")
    if exits:
        sys.exit(f"imported by one build only: {', '.join(exits)}")


if __name__ == "__main__":
    main()
