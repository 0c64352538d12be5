#!/usr/bin/env python3
"""Writes the part of an AWS model that operations' inputs reach.

    scripts/slice-model.py MODEL.json[.gz] OPERATION [OPERATION...] > slice.json

MODEL is a Smithy JSON AST or a botocore service-2.json (plain or gzipped). The slice keeps
each shape as the model has it (traits, documentation), the operations with their input
only, and records where it came from. Tests import slices of AWS's models (Apache-2.0, see
shared/reference/aws-smithy-models/NOTICE) so that they need neither the whole model nor the
archive or package it ships in.
"""
import gzip
import json
import sys


def references(shape):
    for key in ("member", "key", "value"):
        if key in shape:
            yield shape[key]["target"]
    for member in shape.get("members", {}).values():
        yield member["target"]
    for mixin in shape.get("mixins", []):
        yield mixin["target"]


def botocore_slice(path, model, operations):
    shapes = model["shapes"]
    kept = {}

    def visit(name):
        if name in kept:
            return
        if name not in shapes:
            sys.exit(f"{path}: {name} is referenced but not defined")
        shape = shapes[name]
        kept[name] = shape
        for key in ("member", "key", "value"):
            if key in shape:
                visit(shape[key]["shape"])
        for member in shape.get("members", {}).values():
            visit(member["shape"])

    kept_operations = {}
    for name in operations:
        if name not in model["operations"]:
            sys.exit(f"{path}: no operation named {name}")
        operation = model["operations"][name]
        kept_operations[name] = {k: v for k, v in operation.items() if k in ("name", "input")}
        if "input" in operation:
            visit(operation["input"]["shape"])
    metadata = dict(model["metadata"])
    metadata["slice"] = f"{path.split('/')[-1]}: the inputs of {', '.join(operations)}"
    return {
        "version": model.get("version", "2.0"),
        "metadata": metadata,
        "operations": kept_operations,
        "shapes": dict(sorted(kept.items())),
    }


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, operations = sys.argv[1], sys.argv[2:]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        model = json.load(f)
    if "smithy" not in model and "operations" in model:
        json.dump(botocore_slice(path, model, operations), sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    shapes = model["shapes"]
    kept = {}

    def visit(shape_id):
        if shape_id in kept or shape_id.startswith("smithy.api#"):
            return
        if shape_id not in shapes:
            sys.exit(f"{path}: {shape_id} is referenced but not defined")
        kept[shape_id] = shapes[shape_id]
        for target in references(shapes[shape_id]):
            visit(target)

    for name in operations:
        ids = [i for i, s in shapes.items() if s["type"] == "operation" and i.endswith("#" + name)]
        if len(ids) != 1:
            sys.exit(f"{path}: no single operation named {name}")
        operation = {k: v for k, v in shapes[ids[0]].items() if k in ("type", "input")}
        kept[ids[0]] = operation
        if "input" in operation:
            visit(operation["input"]["target"])
    source = path.split("/")[-1]
    json.dump(
        {
            "smithy": model.get("smithy", "2.0"),
            "metadata": {"slice": f"{source}: the inputs of {', '.join(operations)}"},
            "shapes": dict(sorted(kept.items())),
        },
        sys.stdout,
        indent=1,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
