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
//!   become separate linear-time checks; look-around elsewhere runs in an NFA simulation
//!   with look-around tables, still linear; back-references need the bounded backtracking
//!   matcher a caller opts into ([`Pattern::with_backtracking`]); atomic groups are
//!   rejected with a [`PatternError`] saying why.
//!
//! Patterns that are one character class with a quantifier (`[-_a-zA-Z0-9]*`, the most
//! common shape in AWS's models) run without an automaton at all: an ASCII bitmap plus a
//! range search for the rest of Unicode. Their ASCII part is public
//! ([`Pattern::ascii_shortcut`], an [`AsciiShortcut`]) so that a caller can write it as a
//! constant and decide most values inline; the derive does.
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
mod backtrack;
mod case;
mod class_run;
mod classes;
mod dense;
mod error;
mod java_case;
mod lower;
mod nfa;
mod parse;
mod pikevm;
mod properties;
/// Values generated from a pattern, for this crate's own tests (the `sample` feature).
#[cfg(feature = "sample")]
#[doc(hidden)]
pub mod sample;
mod shortcut;

use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::{Hir, HirKind, Look};

use dense::{build_dense, DenseDfa};

pub use backtrack::{
    BASE_STEPS as BACKTRACK_BASE_STEPS, STEPS_PER_BYTE as BACKTRACK_STEPS_PER_BYTE,
};
pub use error::{PatternError, PatternErrorKind};
pub use shortcut::{AsciiShortcut, Guard};

use class_run::ClassRun;
use lower::{Branch, BranchBody, Condition, Edge};

/// Counts Unicode scalar values: the bytes that are not UTF-8 continuation bytes
/// (`0b10xx_xxxx`), eight at a time.
///
/// ```
/// assert_eq!(aws_constraints_pattern::count_chars("a😀é"), 3);
/// ```
#[inline]
pub fn count_chars(s: &str) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0u64;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Bit 7 set and bit 6 clear: a continuation byte.
        continuation += u64::from((w & !(w << 1) & HIGH).count_ones());
    }
    continuation += chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count() as u64;
    bytes.len() as u64 - continuation
}

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
    ClassRun(Box<ClassRun>),
    /// A fully built DFA, stepped a byte at a time: no per-call setup at all.
    Dense(Box<DenseDfa>),
    /// A lazily built DFA (PikeVM when its cache thrashes), for patterns whose full DFA
    /// would be too large.
    Automaton(meta::Regex),
    /// Look-around inside the pattern: an NFA simulation with look-around tables.
    LookAround(Box<pikevm::PikeVm>),
    /// Back-references, opted into: a bounded backtracking search.
    Backtrack(Box<backtrack::Backtracker>),
}

#[derive(Clone, Debug)]
struct CompiledCondition {
    at: Edge,
    must_match: bool,
    test: ConditionTest,
}

/// How a condition is decided: most of AWS's are a literal (`(?!aws:)`, `(?<!-)`), which a
/// byte comparison decides.
#[derive(Clone, Debug)]
enum ConditionTest {
    Literal(Box<[u8]>),
    Automaton(meta::Regex),
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
        let node = parse::parse(source, false)?;
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

    /// Compiles a pattern that may use back-references (`(.)\1`), which no linear-time
    /// matcher can run: a pattern that has one is matched by a backtracking search bounded to
    /// [`BACKTRACK_BASE_STEPS`] plus [`BACKTRACK_STEPS_PER_BYTE`] per byte of the value, and a
    /// value it cannot decide within them is rejected. Any other pattern compiles exactly as
    /// with [`Pattern::new`].
    ///
    /// ```
    /// use aws_constraints_pattern::Pattern;
    ///
    /// // No character four times in a row (from AWS's models).
    /// let p = Pattern::with_backtracking(r"^(?!.*?(.)\1{3})[-_!@#$a-zA-Z0-9]*$")?;
    /// assert_eq!(p.engine(), "bounded backtracking");
    /// assert!(p.is_match("aaab-aaa"));
    /// assert!(!p.is_match("xaaaay"));
    /// assert!(Pattern::new(r"(.)\1").is_err());
    /// # Ok::<(), aws_constraints_pattern::PatternError>(())
    /// ```
    pub fn with_backtracking(source: &str) -> Result<Self, PatternError> {
        let node = parse::parse(source, true)?;
        if !has_back_reference(&node) {
            return Pattern::new(source);
        }
        let search = backtrack::Backtracker::new(node)?;
        Ok(Pattern {
            source: source.into(),
            branches: Box::new([CompiledBranch {
                body: Body::Backtrack(Box::new(search)),
                conditions: Box::new([]),
            }]),
        })
    }

    /// Whether the whole of `value` matches.
    #[inline]
    pub fn is_match(&self, value: &str) -> bool {
        match &*self.branches {
            [only] => only.is_match(value),
            branches => branches.iter().any(|branch| branch.is_match(value)),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// How the pattern's main body is matched: `"class run"` (a table scan, no automaton),
    /// `"dense DFA"` (a fully built DFA), `"lazy DFA"` (built as inputs visit it) or
    /// `"look-around NFA"` (look-around inside the pattern) or `"bounded backtracking"`
    /// (back-references, see [`Pattern::with_backtracking`]); for a
    /// pattern with several look-around branches, the first branch's.
    ///
    /// ```
    /// use aws_constraints_pattern::Pattern;
    ///
    /// assert_eq!(Pattern::new("[a-z]+")?.engine(), "class run");
    /// assert_eq!(Pattern::new("[a-f0-9]{8}-[a-f0-9]{4}")?.engine(), "dense DFA");
    /// # Ok::<(), aws_constraints_pattern::PatternError>(())
    /// ```
    pub fn engine(&self) -> &'static str {
        match self.branches.first().map(|b| &b.body) {
            Some(Body::ClassRun(_)) => "class run",
            Some(Body::Dense(_)) => "dense DFA",
            Some(Body::LookAround(_)) => "look-around NFA",
            Some(Body::Backtrack(_)) => "bounded backtracking",
            _ => "lazy DFA",
        }
    }

    /// Of the pattern's top-level branches, how many are dense DFAs and how many of those
    /// have a forced run (see the README's section on patterns): the corpus test's figures.
    #[doc(hidden)]
    pub fn dense_dfas_with_runs(&self) -> (usize, usize) {
        let dense = self
            .branches
            .iter()
            .filter_map(|branch| match &branch.body {
                Body::Dense(dfa) => Some(dfa.has_runs()),
                _ => None,
            });
        dense.fold((0, 0), |(all, with_runs), has_runs| {
            (all + 1, with_runs + usize::from(has_runs))
        })
    }

    /// The [`AsciiShortcut`] of a pattern that is one character class repeated, with no
    /// look-around but one literal at an end (`(?!aws:)`): how a caller decides most values
    /// without calling the matcher.
    ///
    /// ```
    /// use aws_constraints_pattern::Pattern;
    ///
    /// let shortcut = Pattern::new("^[a-zA-Z0-9._-]*$")?.ascii_shortcut().unwrap();
    /// assert_eq!(shortcut.decide("orders.v1"), Some(true));
    /// assert!(Pattern::new("(?!aws:)[a-z:]+")?.ascii_shortcut().is_some());
    /// assert!(Pattern::new("(?!aws:)(?!-)[a-z:-]+")?.ascii_shortcut().is_none());
    /// assert!(Pattern::new("(?!.*--)[a-z-]+")?.ascii_shortcut().is_none());
    /// # Ok::<(), aws_constraints_pattern::PatternError>(())
    /// ```
    pub fn ascii_shortcut(&self) -> Option<AsciiShortcut> {
        let [CompiledBranch {
            body: Body::ClassRun(run),
            conditions,
        }] = &*self.branches
        else {
            return None;
        };
        match &**conditions {
            [] => Some(*run.shortcut()),
            [condition] => Some(run.shortcut().with_guard(condition.guard()?)),
            _ => None,
        }
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
            Body::Dense(dfa) => dfa.is_full_match(value),
            Body::LookAround(vm) => vm.is_match(value),
            Body::Backtrack(search) => search.is_match(value),
            Body::Automaton(regex) => regex.is_match(Input::new(value).anchored(Anchored::Yes)),
        };
        body && self.conditions.iter().all(|c| c.holds(value))
    }
}

impl CompiledCondition {
    /// The condition as a [`Guard`], if it is a literal that fits one.
    fn guard(&self) -> Option<Guard> {
        match &self.test {
            ConditionTest::Literal(literal) => {
                Guard::of(literal, self.at == Edge::Suffix, self.must_match)
            }
            ConditionTest::Automaton(_) => None,
        }
    }

    #[inline]
    fn holds(&self, value: &str) -> bool {
        let found = match (&self.test, self.at) {
            (ConditionTest::Literal(lit), Edge::Prefix) => value.as_bytes().starts_with(lit),
            (ConditionTest::Literal(lit), Edge::Suffix) => value.as_bytes().ends_with(lit),
            (ConditionTest::Automaton(regex), Edge::Prefix) => {
                regex.is_match(Input::new(value).anchored(Anchored::Yes))
            }
            (ConditionTest::Automaton(regex), Edge::Suffix) => regex.is_match(value),
        };
        found == self.must_match
    }
}

fn has_back_reference(node: &ast::Node) -> bool {
    use ast::Node;
    match node {
        Node::BackRef(_) => true,
        Node::Capture(_, inner) => has_back_reference(inner),
        Node::Repeat(repeat) => has_back_reference(&repeat.node),
        Node::LookAround(look) => has_back_reference(&look.node),
        Node::Concat(items) | Node::Alternation(items) => items.iter().any(has_back_reference),
        Node::Empty | Node::Class(_) | Node::Assert(_) => false,
    }
}

fn compile_branch(branch: Branch) -> Result<CompiledBranch, PatternError> {
    let hir = match branch.body {
        BranchBody::Hir(hir) => hir,
        BranchBody::LookAround(node) => {
            let vm = pikevm::PikeVm::new(node, &lower::lower_look_body)?;
            return Ok(CompiledBranch {
                body: Body::LookAround(Box::new(vm)),
                conditions: compile_conditions(branch.conditions)?,
            });
        }
    };
    let body = match ClassRun::from_hir(&hir) {
        Some(run) => Body::ClassRun(Box::new(run)),
        None => {
            let hir = anchored_both(hir);
            match build_dense(&hir) {
                Some(dfa) => Body::Dense(Box::new(dfa)),
                None => Body::Automaton(build(&hir)?),
            }
        }
    };
    Ok(CompiledBranch {
        body,
        conditions: compile_conditions(branch.conditions)?,
    })
}

fn compile_conditions(
    conditions: Vec<Condition>,
) -> Result<Box<[CompiledCondition]>, PatternError> {
    conditions.into_iter().map(compile_condition).collect()
}

fn compile_condition(condition: Condition) -> Result<CompiledCondition, PatternError> {
    let test = match condition.hir.kind() {
        HirKind::Literal(lit) => ConditionTest::Literal(lit.0.clone()),
        _ => ConditionTest::Automaton(build(&match condition.at {
            Edge::Prefix => Hir::concat(vec![Hir::look(Look::Start), condition.hir]),
            Edge::Suffix => Hir::concat(vec![condition.hir, Hir::look(Look::End)]),
        })?),
    };
    Ok(CompiledCondition {
        at: condition.at,
        must_match: condition.must_match,
        test,
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
        .map_err(|e| match e.size_limit() {
            Some(limit) => PatternError::without_offset(
                PatternErrorKind::TooLarge,
                format!(
                    "pattern too large: its automaton would exceed the size limit of {} MiB \
                     (counted repetitions multiply: shrink a `{{n,m}}`)",
                    limit >> 20
                ),
            ),
            None => PatternError::without_offset(
                PatternErrorKind::Unsupported,
                format!("cannot compile pattern: {e}"),
            ),
        })
}

#[cfg(test)]
mod tests {
    use super::count_chars;

    #[test]
    fn counts_scalar_values_like_chars() {
        let samples = [
            "",
            "a",
            "é",
            "😀",
            "aé日😀",
            "12345678",
            "é日😀é日😀é日😀xyz",
        ];
        for base in samples {
            for repeat in [1, 3, 17] {
                let s = base.repeat(repeat);
                assert_eq!(count_chars(&s), s.chars().count() as u64, "{s:?}");
            }
        }
    }
}
