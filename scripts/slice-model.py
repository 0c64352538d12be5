#!/usr/bin/env python3
"""Writes the part of an AWS Smithy model (JSON AST) that operations' inputs reach.

    scripts/slice-model.py MODEL.json OPERATION [OPERATION...] > slice.json

The slice keeps each shape as the model has it (traits, documentation), the operations with
their input only, and records where it came from under `metadata`. Tests import slices of
AWS's models (Apache-2.0, see shared/reference/aws-smithy-models/NOTICE) so that they need
neither the whole model nor the archive it ships in.
"""
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


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, operations = sys.argv[1], sys.argv[2:]
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
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
