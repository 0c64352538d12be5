//! AWS patterns, compiled to matchers that run in time linear in the input.
//!
//! AWS writes the `pattern` constraint of its API models in Java's regular-expression
//! dialect and applies it to the whole value. This crate reads that dialect with Java's
//! meanings and compiles it to finite automata, so that what a pattern accepts is what AWS
//! accepts and no input can make matching slow:
//!
//! * the match is always a full match, whatever anchors the pattern has or lacks;
//! * `\w`, `\d`, `\s`, `\b` and the POSIX classes (`\p{Alnum}`, `\p{Print}`, ..) are ASCII;
//!   `\p{L}` and the other Unicode categories are Unicode;
//! * `.` excludes `\n`, `\r`, U+0085, U+2028 and U+2029;
//! * `\uD83D\uDE00` (a surrogate pair) and `\u10000` (AWS's way of writing U+10000) are
//!   supplementary characters;
//! * a look-ahead at the start (`(?!aws:)..`) and a look-behind at the end (`..(?<!-)`)
//!   become separate linear-time checks; other look-around, back-references and atomic
//!   groups are rejected with a [`PatternError`] saying why.
//!
//! Patterns that are one character class with a quantifier (`[-_a-zA-Z0-9]*`, the most
//! common shape in AWS's models) run without an automaton at all: an ASCII bitmap plus a
//! range search for the rest of Unicode.
//!
//! Both the derive (to reject a bad pattern at `cargo build`) and the runtime (to match)
//! use this crate, so they agree by construction.
//!
//! ```
//! use aws_constraints_pattern::Pattern;
//!
//! let name = Pattern::new(r"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]*")?;
//! assert!(name.is_match("😀 app"));
//! assert!(!name.is_match("\u{7f}"));
//!
//! let tag_key = Pattern::new("(?!aws:)[a-zA-Z+-=._:/]+")?;
//! assert!(tag_key.is_match("awsx"));
//! assert!(!tag_key.is_match("aws:x"));
//!
//! assert!(!Pattern::new(r"\w+")?.is_match("café"));
//! # Ok::<(), aws_constraints_pattern::PatternError>(())
//! ```

mod ast;
mod class_run;
mod error;
mod lower;
mod parse;
mod properties;

use regex_automata::meta;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Hir, Look};

pub use error::{PatternError, PatternErrorKind};

use class_run::ClassRun;
use lower::{Branch, Condition, Edge};

/// Size limit for one compiled automaton. Counted repetitions of Unicode classes
/// (`\S{1,8192}`) need more than `regex`'s default 10 MiB but stay well inside this.
const NFA_SIZE_LIMIT: usize = 256 << 20;

/// A compiled AWS pattern. Matching is a full match and takes time linear in the value.
///
/// Compile once and reuse: compilation builds automata, matching allocates nothing after the
/// first match on a thread.
#[derive(Clone, Debug)]
pub struct Pattern {
    source: Box<str>,
    branches: Box<[CompiledBranch]>,
}

#[derive(Clone, Debug)]
struct CompiledBranch {
    body: Body,
    conditions: Box<[CompiledCondition]>,
}

#[derive(Clone, Debug)]
enum Body {
    ClassRun(ClassRun),
    Automaton(meta::Regex),
}

#[derive(Clone, Debug)]
struct CompiledCondition {
    at: Edge,
    must_match: bool,
    regex: meta::Regex,
}

impl Pattern {
    /// Compiles a pattern written in AWS's (Java) dialect.
    ///
    /// ```
    /// use aws_constraints_pattern::{Pattern, PatternErrorKind};
    ///
    /// let err = Pattern::new(r"(a)\1").unwrap_err();
    /// assert_eq!(err.kind(), PatternErrorKind::Unsupported);
    /// assert!(err.message().contains("back-references"));
    /// ```
    pub fn new(source: &str) -> Result<Self, PatternError> {
        let node = parse::parse(source)?;
        let program = lower::lower(node)?;
        let branches = program
            .branches
            .into_iter()
            .map(compile_branch)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pattern {
            source: source.into(),
            branches: branches.into_boxed_slice(),
        })
    }

    /// Whether the whole of `value` matches.
    #[inline]
    pub fn is_match(&self, value: &str) -> bool {
        self.branches.iter().any(|branch| branch.is_match(value))
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern runs as a plain character-class scan, with no automaton.
    ///
    /// ```
    /// use aws_constraints_pattern::Pattern;
    ///
    /// assert!(Pattern::new("[a-zA-Z0-9:_-]+")?.is_class_run());
    /// assert!(!Pattern::new("[a-z]+:[0-9]+")?.is_class_run());
    /// # Ok::<(), aws_constraints_pattern::PatternError>(())
    /// ```
    pub fn is_class_run(&self) -> bool {
        matches!(
            &*self.branches,
            [CompiledBranch { body: Body::ClassRun(_), conditions }] if conditions.is_empty()
        )
    }
}

impl CompiledBranch {
    #[inline]
    fn is_match(&self, value: &str) -> bool {
        let body = match &self.body {
            Body::ClassRun(run) => run.is_match(value),
            Body::Automaton(regex) => regex.is_match(Input::new(value).anchored(Anchored::Yes)),
        };
        body && self.conditions.iter().all(|c| c.holds(value))
    }
}

impl CompiledCondition {
    fn holds(&self, value: &str) -> bool {
        let input = Input::new(value);
        let input = match self.at {
            Edge::Prefix => input.anchored(Anchored::Yes),
            Edge::Suffix => input,
        };
        self.regex.is_match(input) == self.must_match
    }
}

fn compile_branch(branch: Branch) -> Result<CompiledBranch, PatternError> {
    let body = match ClassRun::from_hir(&branch.body) {
        Some(run) => Body::ClassRun(run),
        None => Body::Automaton(build(&anchored_both(branch.body))?),
    };
    let conditions = branch
        .conditions
        .into_iter()
        .map(compile_condition)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CompiledBranch {
        body,
        conditions: conditions.into_boxed_slice(),
    })
}

fn compile_condition(condition: Condition) -> Result<CompiledCondition, PatternError> {
    let hir = match condition.at {
        Edge::Prefix => Hir::concat(vec![Hir::look(Look::Start), condition.hir]),
        Edge::Suffix => Hir::concat(vec![condition.hir, Hir::look(Look::End)]),
    };
    Ok(CompiledCondition {
        at: condition.at,
        must_match: condition.must_match,
        regex: build(&hir)?,
    })
}

fn anchored_both(hir: Hir) -> Hir {
    Hir::concat(vec![Hir::look(Look::Start), hir, Hir::look(Look::End)])
}

/// Builds an automaton that never backtracks: a lazy DFA, falling back to a PikeVM, both
/// linear in the input.
fn build(hir: &Hir) -> Result<meta::Regex, PatternError> {
    let config = meta::Config::new()
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        .backtrack(false);
    meta::Builder::new()
        .configure(config)
        .build_from_hir(hir)
        .map_err(|e| {
            let kind = if e.size_limit().is_some() {
                PatternErrorKind::TooLarge
            } else {
                PatternErrorKind::Unsupported
            };
            PatternError::without_offset(kind, format!("cannot compile pattern: {e}"))
        })
}
