#!/usr/bin/env python3
"""Writes the part of an AWS model that operations' inputs reach.

    scripts/slice-model.py [--outputs-and-errors] [--wire] MODEL.json[.gz] OPERATION [OPERATION...] > slice.json

MODEL is a Smithy JSON AST or a botocore service-2.json (plain or gzipped). The slice keeps
each shape as the model has it (traits, documentation), the operations with their input
only (with `--outputs-and-errors`, their output and errors too), the service shape with its
version and SDK id only, and records where it came from. With `--wire`, what a server needs
to read requests too: the service's protocol traits and each operation's `@http`. Tests import slices of AWS's models (Apache-2.0, see
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


def botocore_slice(path, model, operations, roles):
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
        kept_operations[name] = {k: v for k, v in operation.items() if k in ("name",) + roles}
        for role in roles:
            for reference in as_list(operation.get(role)):
                visit(reference["shape"])
    metadata = dict(model["metadata"])
    metadata["slice"] = described(path, operations, roles)
    return {
        "version": model.get("version", "2.0"),
        "metadata": metadata,
        "operations": kept_operations,
        "shapes": dict(sorted(kept.items())),
    }


def as_list(reference):
    """An operation's input or output is one reference, its errors a list of them."""
    if reference is None:
        return []
    return reference if isinstance(reference, list) else [reference]


def described(path, operations, roles):
    what = "inputs" if roles == ("input",) else "inputs, outputs and errors"
    return f"{path.split('/')[-1]}: the {what} of {', '.join(operations)}"


WIRE = False


def main():
    global WIRE
    arguments = sys.argv[1:]
    roles = ("input",)
    while arguments[:1] in (["--outputs-and-errors"], ["--wire"]):
        if arguments[0] == "--wire":
            WIRE = True
        else:
            roles = ("input", "output", "errors")
        arguments = arguments[1:]
    if len(arguments) < 2:
        sys.exit(__doc__)
    path, operations = arguments[0], arguments[1:]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        model = json.load(f)
    if "smithy" not in model and "operations" in model:
        json.dump(botocore_slice(path, model, operations, roles), sys.stdout, indent=1, ensure_ascii=False)
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

    # The service, as generated code names its source: its version and SDK id, not the
    # operations and resources the slice leaves out.
    for shape_id, shape in shapes.items():
        if shape["type"] == "service":
            service = {k: v for k, v in shape.items() if k in ("type", "version")}
            traits = shape.get("traits", {})
            kept_traits = {
                k: v
                for k, v in traits.items()
                if k == "aws.api#service" or (WIRE and k.startswith(("aws.protocols#", "smithy.protocols#")))
            }
            if kept_traits:
                service["traits"] = kept_traits
            kept[shape_id] = service
    for name in operations:
        ids = [i for i, s in shapes.items() if s["type"] == "operation" and i.endswith("#" + name)]
        if len(ids) != 1:
            sys.exit(f"{path}: no single operation named {name}")
        operation = {k: v for k, v in shapes[ids[0]].items() if k in ("type",) + roles}
        http = shapes[ids[0]].get("traits", {}).get("smithy.api#http")
        if WIRE and http is not None:
            operation["traits"] = {"smithy.api#http": http}
        kept[ids[0]] = operation
        for role in roles:
            for reference in as_list(operation.get(role)):
                visit(reference["target"])
    json.dump(
        {
            "smithy": model.get("smithy", "2.0"),
            "metadata": {"slice": described(path, operations, roles)},
            "shapes": dict(sorted(kept.items())),
        },
        sys.stdout,
        indent=1,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
