//! [`CustomError`]: what a user's own rule says when a value breaks it.

use std::borrow::Cow;

use crate::Rule;

/// The answer of a `#[custom(path::to_fn)]` function that rejects a value: the constraint,
/// as AWS words it after `failed to satisfy constraint: `.
///
/// On a member, the function takes the member's value and the violation is reported at the
/// member, echoing its value (never when sensitive). On a type (`#[custom(..)]` above the
/// struct or enum), it takes the whole value, and the violation is reported at the value,
/// or at the member [`CustomError::at_member`] names, without a value. Any
/// `Into<CustomError>` error type works: `&'static str` and `String` do.
///
/// The text is neutralised like client text (a `'` is written `\u{27}`), since it may well
/// quote a value.
///
/// ```
/// use aws_constraints::{CustomError, Validate};
///
/// fn is_arn(value: &Option<String>) -> Result<(), &'static str> {
///     match value {
///         Some(v) if !v.starts_with("arn:") => Err("Member must be an ARN"),
///         _ => Ok(()),
///     }
/// }
///
/// fn exactly_one_target(request: &AttachRequest) -> Result<(), CustomError> {
///     if request.role_arn.is_some() == request.user_arn.is_some() {
///         return Err(CustomError::new("Exactly one of roleArn and userArn must be set")
///             .at_member("roleArn"));
///     }
///     Ok(())
/// }
///
/// #[derive(Validate)]
/// #[custom(exactly_one_target)]
/// struct AttachRequest {
///     #[custom(is_arn)]
///     role_arn: Option<String>,
///     user_arn: Option<String>,
/// }
///
/// let request = AttachRequest { role_arn: Some("role/x".into()), user_arn: Some("u".into()) };
/// assert_eq!(
///     request.validate().unwrap_err().to_string(),
///     "2 validation errors detected: \
///      Value 'role/x' at 'role_arn' failed to satisfy constraint: Member must be an ARN; \
///      Value at 'roleArn' failed to satisfy constraint: \
///      Exactly one of roleArn and userArn must be set"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomError {
    constraint: Cow<'static, str>,
    pub(crate) member: Option<&'static str>,
}

impl CustomError {
    /// A violation of the constraint `constraint`.
    pub fn new(constraint: impl Into<Cow<'static, str>>) -> Self {
        CustomError {
            constraint: constraint.into(),
            member: None,
        }
    }

    /// Reports the violation at the member with this wire name, below where the rule
    /// stands: what a rule across members uses to point at one of them.
    pub fn at_member(mut self, wire_name: &'static str) -> Self {
        self.member = Some(wire_name);
        self
    }

    /// The constraint, as given.
    pub fn constraint(&self) -> &str {
        &self.constraint
    }

    pub(crate) fn rule(self) -> Rule {
        Rule::Custom {
            constraint: self.constraint.into_owned(),
        }
    }
}

impl From<&'static str> for CustomError {
    fn from(constraint: &'static str) -> Self {
        CustomError::new(constraint)
    }
}

impl From<String> for CustomError {
    fn from(constraint: String) -> Self {
        CustomError::new(constraint)
    }
}
