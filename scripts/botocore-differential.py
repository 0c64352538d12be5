#!/usr/bin/env python3
"""Differential test of the importer's validators against botocore's own ParamValidator.

    scripts/botocore-differential.py --cli CLI [--services N] [--operations-per-service K]

Run it through scripts/botocore-differential.sh, which provides botocore and builds the
release CLI.
For a deterministic sample of botocore's services (the smallest N that import, K operations
each), it imports the operations from botocore's models with `aws-constraints import
--dispatch`, builds one harness over all of them, and generates documents from the model:
one valid document per operation, and one for each constraint a valid document reaches,
breaking that constraint alone, at any depth. Each document goes to botocore's
ParamValidator (as Python parameters) and to the generated validator (as JSON), and their
verdicts are compared on everything botocore checks.

Known differences are excluded by rule, never by case, and counted:
- botocore checks no maximums, patterns or enum values: the generated validator's
  violations of those kinds are not compared (patterns have their own Java differential);
- botocore checks no length of blobs or maps (`_validate_blob`, `_validate_map`): those
  violations are not compared;
- botocore gives members bound to the host name an implicit minimum length of 1, which the
  model does not state: its `invalid length` on a `hostLabel` member with no `min` is not
  compared.
- botocore checks no integer's width: a number beyond 32 bits for an `integer` (64 for a
  `long`) is valid to botocore and malformed input to the generated validator, as to AWS's
  services; such documents must be exactly that.
A wrong type (or a union with no member or several) is malformed input for the generated
validator, which stops at the first: both sides must reject, the details are not compared.
"""
import argparse
import base64
import collections
import json
import os
import subprocess
import sys
import tempfile

import botocore.session
from botocore.validate import ParamValidator

from aws_models import botocore_model_file
from harness import build_harness

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JSON_PROTOCOLS = {"json", "rest-json", "smithy-rpc-v2-cbor"}
# Optional members are filled down to this depth; required ones always (until a cycle).
OPTIONAL_DEPTH = 2
MAX_DEPTH = 8


class Document:
    """A document built twice: JSON for the generated validator (wire names, base64 blobs),
    Python parameters for botocore (member names, bytes)."""

    def __init__(self, json_protocol):
        self.json_protocol = json_protocol

    def wire_name(self, name, member):
        location = member.serialization.get("location")
        wire = member.serialization.get("name")
        if self.json_protocol and location is None and wire:
            return wire
        return name

    def value(self, shape, depth, stack):
        """(json, params) for a valid value of `shape`, or None past a cycle."""
        kind = shape.type_name
        if kind == "structure":
            if shape.is_document_type:
                return {}, {}
            if shape.name in stack or depth > MAX_DEPTH:
                return None
            stack = stack + [shape.name]
            required = set(shape.metadata.get("required", []))
            j, p = {}, {}
            names = list(shape.members)
            if shape.is_tagged_union:
                names = names[:1]
            for name in names:
                member = shape.members[name]
                if shape.is_tagged_union or name in required or depth < OPTIONAL_DEPTH:
                    v = self.value(member, depth + 1, stack)
                    if v is None:
                        if name in required or shape.is_tagged_union:
                            return None
                        continue
                    j[self.wire_name(name, member)], p[name] = v
            return j, p
        if kind == "list":
            n = max(shape.metadata.get("min", 1), 1)
            n = min(n, shape.metadata.get("max", n), 3)
            items = [self.value(shape.member, depth + 1, stack) for _ in range(n)]
            if any(i is None for i in items):
                return None if n else ([], [])
            if shape.member.type_name == "string" and not shape.member.enum:
                items = [(f"{j}{i}", f"{p}{i}") for i, (j, p) in enumerate(items)]
            return [i[0] for i in items], [i[1] for i in items]
        if kind == "map":
            key = self.value(shape.key, depth + 1, stack)
            value = self.value(shape.value, depth + 1, stack)
            if key is None or value is None:
                return None
            return {key[0]: value[0]}, {key[1]: value[1]}
        if kind == "string":
            if shape.enum:
                return shape.enum[0], shape.enum[0]
            if is_json_value(shape):
                return "{}", "{}"
            n = max(shape.metadata.get("min", 1), 1)
            n = min(n, shape.metadata.get("max", n))
            return "a" * n, "a" * n
        if kind == "blob":
            n = max(shape.metadata.get("min", 1), 1)
            n = min(n, shape.metadata.get("max", n))
            data = b"a" * n
            return base64.b64encode(data).decode(), data
        if kind in ("integer", "long"):
            n = int(shape.metadata.get("min", 1))
            return n, n
        if kind in ("float", "double"):
            x = float(shape.metadata.get("min", 1.0))
            return x, x
        if kind == "boolean":
            return True, True
        if kind == "timestamp":
            fmt = shape.serialization.get("timestampFormat")
            if fmt == "iso8601":
                return "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z"
            if fmt == "rfc822":
                return "Wed, 01 Jan 2020 00:00:00 GMT", "Wed, 01 Jan 2020 00:00:00 GMT"
            return 1577836800, 1577836800
        raise ValueError(f"no value for a {kind}")


def is_json_value(shape):
    return shape.serialization.get("jsonvalue", False)


def mutations(shape, j, p, path, doc):
    """(description, json, params, expected-compared-violation or None) breaking one constraint."""
    kind = shape.type_name
    out = []
    if kind == "structure" and not shape.is_document_type:
        required = shape.metadata.get("required", [])
        for name, member in shape.members.items():
            wire = doc.wire_name(name, member)
            if name not in p:
                continue
            if name in required and not shape.is_tagged_union:
                j2 = {k: v for k, v in j.items() if k != wire}
                p2 = {k: v for k, v in p.items() if k != name}
                out.append((f"drop {path + [name]}", j2, p2))
            for desc, cj, cp in mutations(member, j[wire], p[name], path + [name], doc):
                out.append((desc, dict(j, **{wire: cj}), dict(p, **{name: cp})))
        return out
    if kind == "list":
        low = shape.metadata.get("min", 0)
        if low >= 1 and len(p) >= low:
            out.append((f"short list {path}", j[: low - 1], p[: low - 1]))
        if p:
            for desc, cj, cp in mutations(shape.member, j[0], p[0], path + [0], doc):
                out.append((desc, [cj] + j[1:], [cp] + p[1:]))
        return out
    if kind == "map":
        if p:
            (jk, jv), (pk, pv) = next(iter(j.items())), next(iter(p.items()))
            for desc, cj, cp in mutations(shape.key, jk, pk, path + ["{key}"], doc):
                if isinstance(cj, str):
                    out.append((desc, {cj: jv}, {cp: pv}))
            for desc, cj, cp in mutations(shape.value, jv, pv, path + ["{value}"], doc):
                out.append((desc, {jk: cj}, {pk: cp}))
        return out
    if kind == "string" and not shape.enum and not is_json_value(shape):
        low = shape.metadata.get("min", 0)
        if low >= 1:
            out.append((f"short string {path}", "a" * (low - 1), "a" * (low - 1)))
        high = shape.metadata.get("max")
        if high is not None and high < 10_000:
            out.append((f"long string {path}", "a" * (high + 1), "a" * (high + 1)))
        out.append((f"wrong type {path}", 7, 7))
        return out
    if kind in ("integer", "long", "float", "double"):
        low = shape.metadata.get("min")
        step = 1 if kind in ("integer", "long") else 0.5
        if low is not None:
            out.append((f"small number {path}", low - step, low - step))
        high = shape.metadata.get("max")
        if high is not None:
            width = {"integer": 2**31 - 1, "long": 2**63 - 1}.get(kind)
            what = "beyond width" if width is not None and high + step > width else "big number"
            out.append((f"{what} {path}", high + step, high + step))
        return out
    return out


def botocore_violations(params, shape):
    """Compared violations: {(kind, tokens)}, and whether the input is malformed."""
    report = ParamValidator().validate(params, shape)
    found, malformed, excluded = collections.Counter(), False, 0
    for reason, name, info in report._errors:
        if reason in ("invalid type", "empty input", "more than one input", "unknown field",
                      "invalid type for document", "unable to encode to json"):
            malformed = True
            continue
        tokens, member = parse_name(name, params, shape)
        if reason == "missing required field":
            found[("required", tuple(tokens + [info["required_name"]]))] += 1
        elif reason in ("invalid length", "invalid range"):
            if member is not None and member.serialization.get("hostLabel") and "min" not in member.metadata:
                excluded += 1
                continue
            found[("min", tuple(tokens))] += 1
        else:
            raise ValueError(f"unknown botocore error {reason}")
    return found, malformed, excluded


def parse_name(name, params, shape):
    """botocore's error name (`.Tags[0].Key`, `.Map (key: k)`, `.Map.k`) as tokens, walking
    the shapes and the parameters so that keys holding dots are read right."""
    tokens, rest, value, current = [], name, params, shape
    while rest:
        kind = current.type_name
        if kind == "structure":
            member = next(m for m in sorted(current.members, key=len, reverse=True)
                          if rest.startswith("." + m) and (len(rest) == len(m) + 1 or rest[len(m) + 1] in ".[ "))
            tokens.append(member)
            rest, value, current = rest[len(member) + 1:], value[member], current.members[member]
        elif kind == "list":
            close = rest.index("]")
            i = int(rest[1:close])
            tokens.append(i)
            rest, value, current = rest[close + 1:], value[i], current.member
        elif kind == "map":
            key = next(k for k in value if rest in (f" (key: {k})",) or rest.startswith(f".{k}"))
            if rest == f" (key: {key})":
                tokens.append("{key}")
                return tokens, current.key
            tokens.append("{value}")
            rest, value, current = rest[len(key) + 1:], value[key], current.value
        else:
            raise ValueError(f"cannot read {name}")
    return tokens, current


def our_violations(verdict, shape, doc):
    """The harness's verdict as compared violations, and the count excluded by rule."""
    found, excluded = collections.Counter(), 0
    for v in verdict["violations"]:
        tokens, current = [], shape
        for segment in v["path"]:
            kind = current.type_name
            if kind == "structure":
                name = next(n for n, m in current.members.items() if doc.wire_name(n, m) == segment)
                tokens.append(name)
                current = current.members[name]
            elif kind == "list":
                tokens.append(segment)
                current = current.member
            else:
                side, = segment
                tokens.append("{" + side + "}")
                current = current.key if side == "key" else current.value
        rule, bound = v["rule"], v.get("bound")
        if rule == "required":
            found[("required", tuple(tokens))] += 1
        elif rule in ("length", "range") and bound == "min" and current.type_name not in ("blob", "map"):
            found[("min", tuple(tokens))] += 1
        else:
            excluded += 1
    return found, excluded


ANSWER = r'''
fn segments(path: &aws_constraints::path::Path) -> Vec<serde_json::Value> {
    path.segments()
        .iter()
        .filter_map(|s| match s {
            aws_constraints::path::PathSegment::Member(name) => Some(serde_json::json!(name)),
            aws_constraints::path::PathSegment::Index(i) => Some(serde_json::json!(i)),
            aws_constraints::path::PathSegment::MapKey(_) => Some(serde_json::json!(["key"])),
            aws_constraints::path::PathSegment::MapValue(_) => Some(serde_json::json!(["value"])),
            // What AWS's messages write before a path (API Gateway's input name, `AwsPrefix`)
            // is not a level of the document botocore checks.
            _ => None,
        })
        .collect()
}

fn answer(verdict: Option<Result<(), aws_constraints::InputError>>) -> serde_json::Value {
    match verdict {
        None => serde_json::json!({"known": false}),
        Some(Ok(())) => serde_json::json!({"known": true, "malformed": false, "violations": []}),
        Some(Err(aws_constraints::InputError::Malformed(e))) => {
            serde_json::json!({"known": true, "malformed": true, "error": e.to_string(), "violations": []})
        }
        Some(Err(aws_constraints::InputError::Invalid(errors))) => {
            let violations: Vec<serde_json::Value> = errors
                .iter()
                .map(|v| {
                    let bound = match v.rule() {
                        aws_constraints::Rule::Length { min: Some(min), actual, .. } if actual < min => Some("min"),
                        aws_constraints::Rule::Length { .. } => Some("max"),
                        aws_constraints::Rule::Range { violated: aws_constraints::report::Bound::Min, .. } => Some("min"),
                        aws_constraints::Rule::Range { .. } => Some("max"),
                        _ => None,
                    };
                    serde_json::json!({"path": segments(v.path()), "rule": v.rule().name(), "bound": bound})
                })
                .collect();
            serde_json::json!({"known": true, "malformed": false, "violations": violations})
        }
    }
}
'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True, help="the aws-constraints executable")
    parser.add_argument("--services", type=int, default=110)
    parser.add_argument("--operations-per-service", type=int, default=12)
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    args = parser.parse_args()
    session = botocore.session.get_session()
    loader = session.get_component("data_loader")
    work = tempfile.mkdtemp(prefix="botocore-differential-")
    crate = os.path.join(work, "harness")
    os.makedirs(os.path.join(crate, "src"))

    # The smallest services first: the sample stays quick to compile.
    sizes = []
    for name in session.get_available_services():
        model = session.get_service_model(name)
        sizes.append((len(model.shape_names), name))
    sizes.sort()
    chosen, refused = [], []
    for _, name in sizes:
        if len(chosen) == args.services:
            break
        model = session.get_service_model(name)
        ops = sorted(model.operation_names)
        step = max(1, len(ops) // args.operations_per_service)
        ops = ops[::step][: args.operations_per_service]
        data_path = find_model_file(session, name)
        module = "svc_" + name.replace("-", "_")
        cmd = [args.cli, "import", data_path, "--dispatch", "--output", os.path.join(crate, "src", module + ".rs")]
        for op in ops:
            cmd += ["--operation", op]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            refused.append((name, result.stderr.strip()[:160]))
            continue
        chosen.append((name, module, ops, model))

    binary = build_harness(crate, "botocore-differential", [(n, m) for n, m, _, _ in chosen], ANSWER)

    cases = []
    for name, _, ops, model in chosen:
        doc = Document(model.protocol in JSON_PROTOCOLS)
        for op in ops:
            shape = model.operation_model(op).input_shape
            if shape is None:
                cases.append((name, op, None, "valid", {}, {}))
                continue
            base = doc.value(shape, 0, [])
            if base is None:
                cases.append((name, op, shape, "cycle", None, None))
                continue
            cases.append((name, op, shape, "valid", base[0], base[1]))
            for desc, j, p in mutations(shape, base[0], base[1], [], doc):
                cases.append((name, op, shape, desc, j, p))
    requests = "".join(
        json.dumps({"service": n, "operation": o, "document": json.dumps(j)}) + "\n"
        for n, o, _, _, j, _ in cases if j is not None
    )
    answers = subprocess.run([binary], input=requests, capture_output=True, text=True, check=True).stdout.splitlines()

    stats = collections.Counter()
    disagreements = []
    answers = iter(answers)
    for name, op, shape, desc, j, p in cases:
        if j is None:
            stats["skipped (a required cycle)"] += 1
            continue
        verdict = json.loads(next(answers))
        if not verdict["known"]:
            disagreements.append((name, op, desc, "the harness does not know the operation"))
            continue
        stats["documents"] += 1
        if shape is None:
            stats["operations without input"] += 1
            continue
        doc = Document(session.get_service_model(name).protocol in JSON_PROTOCOLS)
        theirs, their_malformed, their_excluded = botocore_violations(p, shape)
        if desc.startswith("beyond width"):
            stats["beyond an integer's width (botocore checks none)"] += 1
            if their_malformed or not verdict["malformed"]:
                disagreements.append((name, op, desc, f"botocore malformed {their_malformed}, ours {verdict}"))
            continue
        if their_malformed or verdict["malformed"]:
            stats["malformed (both must reject)"] += 1
            if their_malformed != verdict["malformed"]:
                disagreements.append((name, op, desc, f"malformed: botocore {their_malformed}, ours {verdict}"))
            continue
        ours, our_excluded = our_violations(verdict, shape, doc)
        stats["violations excluded by rule (ours)"] += our_excluded
        stats["violations excluded by rule (botocore)"] += their_excluded
        stats["violations compared"] += sum(theirs.values())
        if ours != theirs:
            disagreements.append((name, op, desc, f"botocore {dict(theirs)}, ours {dict(ours)}"))
    operations = sum(len(ops) for _, _, ops, _ in chosen)
    print(f"\n| services | operations | documents | compared violations | excluded by rule (ours / botocore) | malformed | disagreements |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(chosen)} | {operations} | {stats['documents']} | {stats['violations compared']} | "
          f"{stats['violations excluded by rule (ours)']} / {stats['violations excluded by rule (botocore)']} | "
          f"{stats['malformed (both must reject)']} | {len(disagreements)} |")
    for skipped in ("skipped (a required cycle)", "operations without input",
                    "beyond an integer's width (botocore checks none)"):
        if stats[skipped]:
            print(f"{skipped}: {stats[skipped]}")
    for name, reason in refused:
        print(f"not imported: {name}: {reason}")
    for d in disagreements[:40]:
        print("DISAGREE", *d)
    if not args.keep:
        subprocess.run(["rm", "-rf", work])
    sys.exit(1 if disagreements else 0)


def find_model_file(session, name):
    loader = session.get_component("data_loader")
    for directory in loader.search_paths:
        base = os.path.join(directory, name)
        path = os.path.isdir(base) and botocore_model_file(base)
        if path:
            return path
    raise FileNotFoundError(name)


if __name__ == "__main__":
    main()
