#!/usr/bin/env python3
"""Builds with cargo and prints the path of the executable the build made.

    scripts/cargo_executable.py CARGO-BUILD-ARGUMENT...
    e.g. scripts/cargo_executable.py --release --bin aws-constraints

The path is read from cargo's own messages, so it is right wherever the target directory is
(`CARGO_TARGET_DIR`, `build.target-dir` in a cargo config, `--target-dir`). Cargo's
diagnostics go to standard error; the build must make exactly one executable. Scripts in
Python import `executable` from here.
"""
import json
import subprocess
import sys


def executable(arguments, cwd=None):
    """Runs `cargo build ARGUMENTS` (in `cwd`) and returns the path of its one executable."""
    command = ["cargo", "build", "--message-format=json-render-diagnostics", *arguments]
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed (exit {result.returncode})")
    made = [
        message["executable"]
        for message in map(json.loads, result.stdout.splitlines())
        if message.get("reason") == "compiler-artifact" and message.get("executable")
    ]
    if len(made) != 1:
        sys.exit(f"{' '.join(command)} made {len(made)} executables, not one: {made}")
    return made[0]


if __name__ == "__main__":
    print(executable(sys.argv[1:]))
