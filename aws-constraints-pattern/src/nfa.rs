//! What the two NFA builders (the look-around PikeVM and the backtracking matcher) share:
//! concatenation, alternation and repetition, each built back to front so that every state's
//! successors exist when it is created.

use regex_syntax::hir::ClassUnicode;

use crate::ast::{Node, Repeat};
use crate::error::{PatternError, PatternErrorKind};

pub(crate) trait Builder {
    /// Compiles `node` so that it continues at `next`; returns its entry.
    fn compile(&mut self, node: Node, next: usize) -> Result<usize, PatternError>;

    /// A new state that goes to `first` or to `second` (in that order of preference).
    fn split(&mut self, first: usize, second: usize) -> Result<usize, PatternError>;

    /// Rewires the split state `at`, which a loop creates before its body.
    fn set_split(&mut self, at: usize, first: usize, second: usize);

    /// One iteration of an unbounded loop over `sub` that goes back to `back`.
    fn loop_iteration(&mut self, sub: Node, back: usize) -> Result<usize, PatternError> {
        self.compile(sub, back)
    }
}

pub(crate) fn concat<B: Builder>(
    b: &mut B,
    items: Vec<Node>,
    next: usize,
) -> Result<usize, PatternError> {
    let mut entry = next;
    for item in items.into_iter().rev() {
        entry = b.compile(item, entry)?;
    }
    Ok(entry)
}

pub(crate) fn alternation<B: Builder>(
    b: &mut B,
    branches: Vec<Node>,
    next: usize,
) -> Result<usize, PatternError> {
    let mut entries = Vec::with_capacity(branches.len());
    for branch in branches {
        entries.push(b.compile(branch, next)?);
    }
    let mut entry = entries.pop().unwrap_or(next);
    for other in entries.into_iter().rev() {
        entry = b.split(other, entry)?;
    }
    Ok(entry)
}

/// `x{min,max}`: `min` required copies, then either a loop or nested optional copies
/// (`x(x(x)?)?`, where skipping one ends the repetition).
pub(crate) fn repeat<B: Builder>(
    b: &mut B,
    repeat: Repeat,
    next: usize,
) -> Result<usize, PatternError> {
    if repeat.possessive && repeat.max != Some(repeat.min) {
        // An exact count gives nothing back either way; anything else needs atomic
        // matching, which neither builder has.
        return Err(PatternError::new(
            PatternErrorKind::Unsupported,
            "a possessive quantifier here is supported only with an exact count",
            repeat.offset,
        ));
    }
    let sub = *repeat.node;
    let mut entry = match repeat.max {
        None => {
            let split = b.split(next, next)?;
            let body = b.loop_iteration(sub.clone(), split)?;
            b.set_split(split, body, next);
            split
        }
        Some(max) => {
            let mut entry = next;
            for _ in repeat.min..max {
                let body = b.compile(sub.clone(), entry)?;
                entry = b.split(body, next)?;
            }
            entry
        }
    };
    for _ in 0..repeat.min {
        entry = b.compile(sub.clone(), entry)?;
    }
    Ok(entry)
}

/// A class as sorted, disjoint code-point ranges.
pub(crate) fn class_ranges(class: &ClassUnicode) -> Box<[(u32, u32)]> {
    class
        .ranges()
        .iter()
        .map(|r| (r.start() as u32, r.end() as u32))
        .collect()
}
