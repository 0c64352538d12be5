"""The crate both differential scripts build: the imported modules of many services, a
`main` reading one JSON request a line (`service`, `operation`, `document`) and writing one
JSON answer a line, and `dispatch(service, operation, document)` that routes a document to
the service's `validate_input`. Each script gives `answer`, the Rust function that turns a
verdict into its answer. Built against this repository's runtime and `Cargo.lock`; returns
the path of the executable cargo made."""
import json
import os
import shutil

from cargo_executable import executable

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


MAIN = r'''
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let request: serde_json::Value = serde_json::from_str(&line).unwrap();
        let service = request["service"].as_str().unwrap();
        let operation = request["operation"].as_str().unwrap();
        let document = request["document"].as_str().unwrap();
        let answer = answer(dispatch(service, operation, document));
        writeln!(out, "{answer}").unwrap();
    }
}
'''


def build_harness(crate, name, services, answer):
    """`services` are (service name, module name) pairs whose modules are already written
    to `crate/src/<module>.rs`; `answer` is the Rust source of
    `fn answer(verdict: Option<Result<(), aws_constraints::InputError>>) -> serde_json::Value`
    (`None`: the service has no such operation)."""
    with open(os.path.join(crate, "Cargo.toml"), "w") as f:
        f.write(f'''[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
aws-constraints = {{ path = "{ROOT}/aws-constraints" }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"

[workspace]
''')
    with open(os.path.join(crate, "src", "main.rs"), "w") as f:
        f.write("#![allow(dead_code, clippy::all)]\n")
        for _, module in services:
            f.write(f"mod {module};\n")
        f.write(MAIN)
        f.write(answer)
        f.write("\nfn dispatch(service: &str, operation: &str, document: &str) -> "
                "Option<Result<(), aws_constraints::InputError>> {\n    match service {\n")
        for service, module in services:
            f.write(f"        {json.dumps(service)} => {module}::validate_input(operation, document),\n")
        f.write("        _ => None,\n    }\n}\n")
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), crate)
    print(f"building the harness over {len(services)} services in {crate} ...", flush=True)
    return executable(["--quiet"], cwd=crate)
