use std::fmt;

/// Why a pattern cannot be used.
///
/// ```
/// use aws_constraints_pattern::{Pattern, PatternErrorKind};
///
/// let err = Pattern::new("[a-z").unwrap_err();
/// assert_eq!(err.kind(), PatternErrorKind::Syntax);
/// assert_eq!(err.to_string(), "unclosed character class at offset 0");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    kind: PatternErrorKind,
    message: String,
    offset: Option<usize>,
}

/// The broad reason a pattern was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PatternErrorKind {
    /// Java itself would reject the pattern.
    Syntax,
    /// Valid Java, but not matchable in linear time (back-references, look-around that
    /// cannot be rewritten, possessive quantifiers that change the language).
    Unsupported,
    /// The automaton would exceed the size limit.
    TooLarge,
}

impl PatternError {
    pub(crate) fn new(kind: PatternErrorKind, message: impl Into<String>, offset: usize) -> Self {
        PatternError {
            kind,
            message: message.into(),
            offset: Some(offset),
        }
    }

    pub(crate) fn without_offset(kind: PatternErrorKind, message: impl Into<String>) -> Self {
        PatternError {
            kind,
            message: message.into(),
            offset: None,
        }
    }

    /// The broad reason.
    pub fn kind(&self) -> PatternErrorKind {
        self.kind
    }

    /// What is wrong, without the offset.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Offset of the offending construct in the pattern, counted in characters.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{} at offset {offset}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for PatternError {}
