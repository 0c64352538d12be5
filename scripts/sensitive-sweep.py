#!/usr/bin/env python3
"""Nothing sensitive is shown, over all of AWS's Smithy models.

    scripts/sensitive-sweep.py --smithy MODELS [--services A,B,..] [--keep]

MODELS is the `all-services.tar.xz` archive of AWS's Smithy models, or a folder laid out as
`api-models-aws` is. Needs cargo and Python 3 (nothing else: the documents are built here).

For every service, every shape that is `@sensitive` (or a member that is) and that an
operation's input reaches is found in each position it is reached in: a structure's or
union's member, a list's item, a map's key, a map's value. For each (shape, position) the
first operation that reaches it (by name), on its shortest path, is a witness. The witnesses'
operations are imported with `aws-constraints import --dispatch` into one harness crate, and
each witness gets a document that puts values built to be found at the sensitive place and
breaks constraints on it and next to it:

- the sensitive value itself: text of Cyrillic letters (an alphabet no AWS pattern, enum
  value, member name or constraint text uses), as long as its shape's maximum length allows
  plus one, so that its length, its pattern or its enum breaks; a number 987654321; a
  structure or union with every simple member so filled; a list or map of such values;
- next to it: in a list, a second such item, and items past the list's maximum; in a map, a
  second entry whose key is empty (breaking a key's minimum length) and, for a map whose keys
  are sensitive, keys of Cyrillic letters.

Every rendering of the report (the AWS message, the Smithy body, `--format json`, `Debug`)
must hold no Cyrillic letter and no `87654321`. The script prints what it found and a table,
and fails if anything sensitive was shown. A document the types refuse as malformed (a shape
the builder cannot fill, such as a timestamp with a format) is counted, not checked.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

from aws_models import smithy_models
from cargo_executable import executable
from harness import build_harness

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENSITIVE = "smithy.api#sensitive"
SECRET_LETTERS = "СЕКРЕТНОЕЗНАЧЕНИЕ"
SECRET_NUMBER = 987654321
# What shows a secret number in any of its renderings (`987654321`, `9.87654321E8`).
SECRET_DIGITS = "87654321"
# Past this, a value is made no longer than its maximum plus one (a 50,000-letter token).
LONGEST = 70_000

ANSWER = r'''
/// The verdict, with every rendering of a report: what goes back to a client (`aws_message`),
/// what is logged (`Display`), the Smithy body, `--format json` and `Debug`.
fn answer(verdict: Option<Result<(), aws_constraints::InputError>>) -> serde_json::Value {
    match verdict {
        None => serde_json::json!({"verdict": "unknown"}),
        Some(Ok(())) => serde_json::json!({"verdict": "valid"}),
        Some(Err(aws_constraints::InputError::Malformed(e))) => {
            serde_json::json!({"verdict": "malformed", "error": e.to_string()})
        }
        Some(Err(aws_constraints::InputError::Invalid(errors))) => {
            let rendered = format!(
                "{}\n{errors}\n{}\n{}\n{errors:?}",
                errors.aws_message(),
                errors.smithy_body(),
                errors.to_json()
            );
            serde_json::json!({"verdict": "invalid", "violations": errors.len(), "rendered": rendered})
        }
    }
}
'''


def traits(node):
    return (node or {}).get("traits", {})


class Model:
    """One service's Smithy JSON AST."""

    def __init__(self, ast):
        self.shapes = ast["shapes"]

    def shape(self, shape_id):
        if shape_id.startswith("smithy.api#"):
            return {"type": shape_id.split("#")[1].lower()}
        return self.shapes[shape_id]

    def members(self, shape):
        """A structure's or union's members, its mixins' first."""
        out = {}
        for mixin in shape.get("mixins", []):
            out.update(self.members(self.shape(mixin["target"])))
        out.update(shape.get("members", {}))
        return out

    def is_sensitive(self, reference):
        return SENSITIVE in traits(reference) or SENSITIVE in traits(self.shape(reference["target"]))

    def children(self, shape):
        """(step, reference) for what a value of `shape` holds."""
        kind = shape["type"]
        if kind in ("structure", "union"):
            for name, reference in self.members(shape).items():
                wire = traits(reference).get("smithy.api#jsonName", name)
                yield ("member", wire, kind), reference
        elif kind in ("list", "set"):
            yield ("item",), shape["member"]
        elif kind == "map":
            yield ("key",), shape["key"]
            yield ("value",), shape["value"]


def witnesses(model):
    """{(shape or member, position): (operation, path)}: for each sensitive place that an
    input reaches, the first operation by name and its shortest path there. A path is a list
    of (step, reference)."""
    found = {}
    operations = sorted(
        (shape_id.split("#")[1], shape)
        for shape_id, shape in model.shapes.items()
        if shape["type"] == "operation" and "input" in shape
    )
    for operation, shape in operations:
        start = shape["input"]
        queue = collections.deque([(start, [])])
        seen = {start["target"]}
        while queue:
            reference, path = queue.popleft()
            for step, child in model.children(model.shape(reference["target"])):
                child_path = path + [(step, child)]
                if model.is_sensitive(child):
                    position = step[2] + " member" if step[0] == "member" else step[0]
                    place = SENSITIVE in traits(child) and not SENSITIVE in traits(
                        model.shape(child["target"])
                    )
                    key = (child["target"] if not place else f"{reference['target']}${step[1]}", position)
                    found.setdefault(key, (operation, child_path))
                    # Below a sensitive value everything is sensitive: nothing more to find.
                    continue
                if child["target"] not in seen:
                    seen.add(child["target"])
                    queue.append((child, child_path))
    return found


class Builder:
    """Documents of one model, with secrets built to be found."""

    def __init__(self, model):
        self.model = model

    def secret_text(self, reference):
        length = traits(self.model.shape(reference["target"])).get("smithy.api#length", {})
        length = {**length, **traits(reference).get("smithy.api#length", {})}
        n = len(SECRET_LETTERS)
        if "max" in length and length["max"] + 1 <= LONGEST:
            n = length["max"] + 1
        elif length.get("min", 0) > n:
            n = length["min"] - 1
        return (SECRET_LETTERS * (n // len(SECRET_LETTERS) + 1))[: max(n, 1)]

    def secret(self, reference, depth=0):
        """A value of the reference's shape with every simple part secret; None when the
        shape cannot hold one (a boolean, a timestamp)."""
        shape = self.model.shape(reference["target"])
        kind = shape["type"]
        if kind in ("string", "enum"):
            return self.secret_text(reference)
        if kind in ("integer", "long", "intEnum", "float", "double", "bigInteger", "bigDecimal"):
            return SECRET_NUMBER
        if kind == "document":
            return SECRET_LETTERS
        if kind == "blob":
            return "U0VDUkVU"
        if depth > 6:
            return None
        if kind in ("structure", "union"):
            out = {}
            for step, child in self.model.children(shape):
                value = self.secret(child, depth + 1)
                if value is not None:
                    out[step[1]] = value
                    if kind == "union":
                        break
            return out if out or kind == "structure" else None
        if kind in ("list", "set"):
            item = self.secret(shape["member"], depth + 1)
            return None if item is None else [item, self.secret(shape["member"], depth + 1)]
        if kind == "map":
            value = self.secret(shape["value"], depth + 1)
            if value is None:
                return None
            key = SECRET_LETTERS if self.model.is_sensitive(shape["key"]) else "k"
            return {key: value}
        return None

    def plain(self, reference):
        """A value of the shape that holds no secret and is the right JSON type; None for a
        shape left out."""
        kind = self.model.shape(reference["target"])["type"]
        return {"string": "plain", "enum": "plain", "integer": 1, "long": 1, "float": 1.0,
                "double": 1.0}.get(kind)

    def document(self, path):
        """The input document that reaches the last step of `path` and puts a secret there,
        with its neighbours breaking their constraints too."""
        (step, reference), rest = path[-1], path[:-1]
        value = self.secret(reference)
        if value is None:
            return None
        return self.wrap(rest, step, reference, value)

    def wrap(self, rest, step, reference, value):
        # The container of the secret, then each level above it, innermost first.
        holder = self.model.shape(rest[-1][1]["target"]) if rest else None
        container = self.container(step, reference, value, holder)
        for (step, reference), parent in zip(reversed(rest), reversed([None] + rest[:-1])):
            holder = self.model.shape(parent[1]["target"]) if parent else None
            container = self.level(step, reference, container, holder)
        return container

    def container(self, step, reference, value, holder):
        """The value that holds the secret at `step`, with neighbours."""
        if step[0] == "member":
            return {step[1]: value}
        if step[0] == "item":
            items = [value, self.secret(reference)]
            maximum = traits(holder).get("smithy.api#length", {}).get("max") if holder else None
            if maximum is not None and maximum < 50:
                items += [self.secret(reference) for _ in range(maximum)]
            return items
        if step[0] == "key":
            value_ref = holder["value"]
            inner = self.plain(value_ref)
            if inner is None:
                inner = self.secret(value_ref)
            return {value: inner, "": inner}
        # A map's value: a second entry, whose key is empty.
        key_sensitive = self.model.is_sensitive(holder["key"])
        key = SECRET_LETTERS if key_sensitive else "key"
        return {key: value, "": self.secret(reference)}

    def level(self, step, reference, inner, holder):
        """`inner` placed at `step` of its holder (a structure, list or map above)."""
        if step[0] == "member":
            return {step[1]: inner}
        if step[0] == "item":
            return [inner]
        if step[0] == "value":
            key = SECRET_LETTERS if self.model.is_sensitive(holder["key"]) else "key"
            return {key: inner}
        return inner


def shown(rendered):
    return any("\u0400" <= c <= "\u04ff" for c in rendered) or SECRET_DIGITS in rendered


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smithy", required=True, help="AWS's Smithy models (archive or folder)")
    parser.add_argument("--services", help="only these services (comma-separated)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    args = parser.parse_args()
    if not os.path.exists(args.smithy):
        sys.exit(f"no such models: {args.smithy}")
    start = time.time()
    work = tempfile.mkdtemp(prefix="sensitive-sweep-")
    models = smithy_models(os.path.abspath(args.smithy), os.path.join(work, "models"))
    if args.services:
        wanted = set(args.services.split(","))
        models = {s: p for s, p in models.items() if s in wanted}
    cli = executable(["--quiet", "--release", "--bin", "aws-constraints"], cwd=ROOT)
    crate = os.path.join(work, "harness")
    os.makedirs(os.path.join(crate, "src"))

    stats = collections.Counter()
    positions = collections.Counter()
    cases, modules, refused = [], [], []
    for service, path in models.items():
        with open(path, encoding="utf-8") as f:
            model = Model(json.load(f))
        found = witnesses(model)
        if not found:
            continue
        stats["services with sensitive places"] += 1
        operations = sorted({operation for operation, _ in found.values()})
        module = "svc_" + service.replace("-", "_")
        command = [cli, "import", path, "--dispatch", "--output",
                   os.path.join(crate, "src", module + ".rs")]
        for operation in operations:
            command += ["--operation", operation]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            refused.append((service, result.stderr.strip()[:200]))
            stats["places in services refused by the importer"] += len(found)
            continue
        modules.append((service, module))
        builder = Builder(model)
        for (_, position), (operation, steps) in sorted(found.items()):
            positions[position] += 1
            document = builder.document(steps)
            if document is None:
                stats["places no secret can be put in (booleans, timestamps)"] += 1
                continue
            cases.append((service, operation, position, document))

    built = time.time()
    harness = build_harness(crate, "sensitive-sweep", modules, ANSWER)
    build_seconds = time.time() - built

    requests = "".join(
        json.dumps({"service": s, "operation": o, "document": json.dumps(d, ensure_ascii=False)},
                   ensure_ascii=False) + "\n"
        for s, o, _, d in cases
    )
    answers = subprocess.run([harness], input=requests, capture_output=True, text=True,
                             check=True).stdout.splitlines()
    leaks = []
    for (service, operation, position, _), answer in zip(cases, answers):
        answer = json.loads(answer)
        verdict = answer["verdict"]
        stats[f"documents {verdict}"] += 1
        if verdict == "invalid":
            stats["violations reported"] += answer["violations"]
            if shown(answer["rendered"]):
                leaks.append((service, operation, position, answer["rendered"][:600]))
        elif verdict == "malformed" and shown(answer["error"]):
            stats["malformed documents whose error quotes the secret (serde's text)"] += 1

    for service, reason in refused:
        print(f"refused {service}: {reason}")
    for service, operation, position, rendered in leaks[:20]:
        print(f"SHOWN {service} {operation} ({position}): {rendered}")
    print()
    print("| what | count |")
    print("|---|---:|")
    for position, count in sorted(positions.items()):
        print(f"| sensitive places: {position} | {count} |")
    for key, count in sorted(stats.items()):
        print(f"| {key} | {count} |")
    print(f"| documents that showed something sensitive | **{len(leaks)}** |")
    print(f"\nharness build {build_seconds:.0f} s, all {time.time() - start:.0f} s")
    if args.keep:
        print(f"scratch: {work}")
    else:
        subprocess.run(["rm", "-rf", work], check=True)
    if leaks or len(answers) != len(cases):
        sys.exit(1)


if __name__ == "__main__":
    main()
