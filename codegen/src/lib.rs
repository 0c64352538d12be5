//! Writes Rust types annotated for `aws-constraints` from an AWS model, a Smithy JSON AST
//! or a botocore `service-2.json` (told apart by their content):
//! the input shape of each chosen operation and every shape it reaches, each with the
//! constraints the model gives it, so that a new operation's validation is never copied by
//! hand.
//!
//! ```
//! let model = r#"{"smithy": "2.0", "shapes": {
//!     "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"}},
//!     "ex#OpInput": {"type": "structure", "members": {
//!         "Name": {"target": "ex#Name", "traits": {"smithy.api#required": {}}}}},
//!     "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 1, "max": 8}}}
//! }}"#;
//! let code = aws_constraints_codegen::Builder::new()
//!     .model_json(model)
//!     .operation("Op")
//!     .generate()
//!     .unwrap();
//! assert!(code.contains("pub struct OpInput {"));
//! assert!(code.contains("#[len(1, 8)]"));
//! ```
//!
//! What it cannot express yet is refused with an error naming the shape and the reason: no
//! constraint is ever dropped silently. That is: timestamps with a format inside
//! collections; unique items inside a collection, or holding a map, a float or a
//! document (no hash to compare them by); a pattern the compiler cannot compile; two shapes or two
//! members that would share one Rust name or wire name; a default that does not fit its
//! shape. A member that is an event stream is described on its structure, not refused: its
//! events follow the initial request and are no part of the document, whose other members
//! are imported.
//!
//! The importer prints what `aws-constraints-schema` decides ([`Schema`]); a
//! `aws_constraints_schema::Validator` runs the same decisions at run time.

mod emit;

use std::fmt;

use aws_constraints_schema::profile::Profile;
pub use aws_constraints_schema::{Model, Schema};
use aws_constraints_schema::{ModelError, Roots};

/// Why a model could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    message: String,
}

impl ImportError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        ImportError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

impl From<ModelError> for ImportError {
    fn from(error: ModelError) -> Self {
        ImportError::new(error.to_string())
    }
}

/// What to import: a model and its operations (every one when none is named), their inputs
/// and, when asked, their outputs and errors.
#[derive(Default)]
pub struct Builder {
    model: Option<String>,
    operations: Vec<String>,
    roots: Roots,
    profile: Option<Profile>,
    extras: emit::Extras,
}

impl Builder {
    pub fn new() -> Self {
        Builder::default()
    }

    /// The model's text: a Smithy JSON AST or a botocore `service-2.json`.
    pub fn model_json(mut self, text: impl Into<String>) -> Self {
        self.model = Some(text.into());
        self
    }

    /// An operation to import, by the name part of its shape id (`CreateAppInstance`).
    pub fn operation(mut self, name: impl Into<String>) -> Self {
        self.operations.push(name.into());
        self
    }

    /// Also the operations' output shapes (and what they reach): a server's responses
    /// validated with the same rules.
    ///
    /// ```
    /// let model = r#"{"smithy": "2.0", "shapes": {
    ///     "ex#Op": {"type": "operation", "output": {"target": "ex#OpOutput"},
    ///               "errors": [{"target": "ex#Throttled"}]},
    ///     "ex#OpOutput": {"type": "structure", "members": {}},
    ///     "ex#Throttled": {"type": "structure", "members": {
    ///         "message": {"target": "smithy.api#String"}},
    ///         "traits": {"smithy.api#error": "client"}}
    /// }}"#;
    /// let code = aws_constraints_codegen::Builder::new()
    ///     .model_json(model)
    ///     .outputs(true)
    ///     .errors(true)
    ///     .generate()
    ///     .unwrap();
    /// assert!(code.contains("pub struct OpOutput {"));
    /// assert!(code.contains("pub struct Throttled {"));
    /// ```
    pub fn outputs(mut self, yes: bool) -> Self {
        self.roots.outputs = yes;
        self
    }

    /// Also the operations' error structures (and what they reach).
    pub fn errors(mut self, yes: bool) -> Self {
        self.roots.errors = yes;
        self
    }

    /// Also `pub fn validate_input(operation: &str, document: &str)`, which reads a
    /// document as the input of the operation named at run time and validates it (`None`
    /// for an operation the module does not have): for a server routing by operation name.
    pub fn dispatch(mut self, yes: bool) -> Self {
        self.extras.dispatch = yes;
        self
    }

    /// Where the service departs from its model, instead of the profile the evidence gives
    /// it ([`Profile::of`]); [`Profile::as_modeled`] writes everything as the model has it.
    pub fn profile(mut self, profile: Profile) -> Self {
        self.profile = Some(profile);
        self
    }

    /// The Rust module: one type per shape, in shape-name order.
    pub fn generate(self) -> Result<String, ImportError> {
        let text = self
            .model
            .ok_or_else(|| ImportError::new("no model given"))?;
        let model = Model::from_json(&text)?;
        let operations = if self.operations.is_empty() {
            model.operation_names()
        } else {
            self.operations
        };
        let profile = self.profile.unwrap_or_else(|| Profile::of(model.sdk_id()));
        let schema = aws_constraints_schema::schema(&model, &operations, self.roots, profile)?;
        emit::module(&schema, self.extras)
    }

    /// [`Builder::generate`], written to `path` (for a build script: a file in `OUT_DIR`).
    pub fn write_to(self, path: impl AsRef<std::path::Path>) -> Result<(), ImportError> {
        let code = self.generate()?;
        std::fs::write(path.as_ref(), code)
            .map_err(|e| ImportError::new(format!("cannot write {}: {e}", path.as_ref().display())))
    }
}

#[cfg(test)]
mod tests {
    use super::{Builder, ImportError};

    /// The module for operation `Op` of `model`.
    fn generate(model: &str) -> Result<String, ImportError> {
        Builder::new().model_json(model).operation("Op").generate()
    }

    /// A map's keys are strings in Rust: an enum key shape keeps its value set as
    /// `one_of(..)`, internal values included as such.
    #[test]
    fn enum_map_keys_keep_their_value_set() {
        let model = r#"{"smithy": "2.0", "shapes": {
            "ex#Op": {"type": "operation", "input": {"target": "ex#In"}},
            "ex#In": {"type": "structure", "members": {"Limits": {"target": "ex#Limits"}}},
            "ex#Limits": {"type": "map", "key": {"target": "ex#Kind"}, "value": {"target": "ex#N"}},
            "ex#Kind": {"type": "enum", "members": {
                "A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "A"}},
                "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "B",
                      "smithy.api#internal": {}}}}},
            "ex#N": {"type": "integer", "traits": {"smithy.api#range": {"min": 1}}}
        }}"#;
        let code = generate(model).unwrap();
        assert!(
            code.contains(r#"#[keys(one_of("A", internal("B")))]"#),
            "{code}"
        );
        assert!(code.contains("#[values(range(min = 1))]"), "{code}");
        assert!(!code.contains("enum Kind"), "{code}");
    }

    /// A default that does not fit its shape is refused, naming the member.
    #[test]
    fn a_default_of_the_wrong_kind_is_refused() {
        let model = r#"{"smithy": "2.0", "shapes": {
            "ex#Op": {"type": "operation", "input": {"target": "ex#In"}},
            "ex#In": {"type": "structure", "members": {
                "Count": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": "ten"}}}}
        }}"#;
        let error = generate(model).unwrap_err().to_string();
        assert_eq!(
            error,
            r#"ex#In$Count: the default "ten" does not fit its integer shape"#
        );
    }

    /// Mixins and `apply` are resolved as Smithy says: the mixin's members first, traits
    /// applied to the shape or member they name.
    #[test]
    fn mixins_and_apply() {
        let model = r#"{"smithy": "2.0", "shapes": {
            "ex#Op": {"type": "operation", "input": {"target": "ex#In"}},
            "ex#Paged": {"type": "structure", "traits": {"smithy.api#mixin": {}},
                "members": {"NextToken": {"target": "smithy.api#String",
                    "traits": {"smithy.api#length": {"min": 1}}}}},
            "ex#In": {"type": "structure", "mixins": [{"target": "ex#Paged"}],
                "members": {"Name": {"target": "smithy.api#String"},
                    "NextToken": {"target": "smithy.api#String",
                        "traits": {"smithy.api#required": {}}}}},
            "ex#In$Name": {"type": "apply", "traits": {"smithy.api#length": {"max": 9}}}
        }}"#;
        let code = generate(model).unwrap();
        let next = code.find("pub next_token").unwrap();
        let name = code.find("pub name").unwrap();
        assert!(next < name, "the mixin's member comes first: {code}");
        assert!(
            code.contains("#[required]\n    #[len(min = 1)]\n    pub next_token"),
            "{code}"
        );
        assert!(code.contains("#[len(max = 9)]\n    pub name"), "{code}");
        assert!(!code.contains("struct Paged"), "{code}");
    }

    /// Two members the document would read from one name are refused; botocore's member
    /// bound to the URI that shares a body member's name takes its own `locationName`, as
    /// the Smithy model gives it a `@jsonName` (API Gateway's `PutIntegration`).
    #[test]
    fn one_wire_name_per_member() {
        let clash = r#"{"smithy": "2.0", "shapes": {
            "ex#Op": {"type": "operation", "input": {"target": "ex#In"}},
            "ex#In": {"type": "structure", "members": {
                "a": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": "x"}},
                "x": {"target": "smithy.api#String"}}}
        }}"#;
        assert_eq!(
            generate(clash).unwrap_err().to_string(),
            "ex#In: members a and x both have the wire name x"
        );
        let botocore = r#"{"version": "2.0", "metadata": {"protocol": "rest-json"},
            "operations": {"Op": {"name": "Op", "input": {"shape": "In"}}},
            "shapes": {
                "In": {"type": "structure", "members": {
                    "httpMethod": {"shape": "S", "location": "uri", "locationName": "http_method"},
                    "integrationHttpMethod": {"shape": "S", "locationName": "httpMethod"}}},
                "S": {"type": "string"}}}"#;
        let code = generate(botocore).unwrap();
        assert!(code.contains(r#"rename = "http_method""#), "{code}");
        assert!(code.contains(r#"rename = "httpMethod""#), "{code}");
    }

    /// An event stream is described on its structure, not refused: the initial request's
    /// members are imported and checked.
    #[test]
    fn event_streams_are_described() {
        let model = r#"{"smithy": "2.0", "shapes": {
            "ex#Op": {"type": "operation", "input": {"target": "ex#In"}},
            "ex#In": {"type": "structure", "members": {
                "Rate": {"target": "ex#Rate", "traits": {"smithy.api#required": {}}},
                "Audio": {"target": "ex#Audio", "traits": {"smithy.api#required": {}}}}},
            "ex#Rate": {"type": "integer", "traits": {"smithy.api#range": {"min": 8000}}},
            "ex#Audio": {"type": "union", "traits": {"smithy.api#streaming": {}},
                "members": {"Chunk": {"target": "ex#Chunk"}}},
            "ex#Chunk": {"type": "structure", "members": {}}
        }}"#;
        let code = generate(model).unwrap();
        assert!(
            code.contains(
                "/// `Audio` is an event stream (ex#Audio): its events follow this initial request"
            ),
            "{code}"
        );
        assert!(code.contains("#[range(min = 8000)]"), "{code}");
        assert!(!code.contains("audio"), "{code}");
        assert!(!code.contains("Chunk"), "{code}");
    }
}
