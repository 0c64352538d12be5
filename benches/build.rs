//! Imports the five operations from slices of AWS's Smithy models (the table the tests'
//! build script uses too) with `aws-constraints-codegen`, so that the benches compare
//! generated validators with the hand-written `models/`.

#[path = "../tests/models/imports.rs"]
mod imports;

fn main() {
    for (file, operation, module) in imports::FIVE_OPERATIONS {
        imports::import(
            &imports::aws_slices().join(file),
            &[operation],
            module,
            false,
        );
    }
}
