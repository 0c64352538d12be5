//! The parsed form of a pattern, before it is lowered to an automaton.
//!
//! Character classes are already resolved to sets of Unicode scalar values here: Java's
//! meaning of every escape, POSIX name and flag is applied by the parser, so lowering only
//! has to deal with structure.

use regex_syntax::hir::ClassUnicode;

/// A node of a parsed pattern. Capture groups are transparent, full-match semantics never
/// needing what a group captured, except where a back-reference uses it: only a pattern
/// parsed for the backtracking matcher has [`Node::Capture`] and [`Node::BackRef`].
#[derive(Clone, Debug)]
pub(crate) enum Node {
    /// Matches the empty string.
    Empty,
    /// One character out of a set (a literal is a one-element set).
    Class(ClassUnicode),
    /// A zero-width assertion.
    Assert(Assertion),
    /// `(?=..)`, `(?!..)`, `(?<=..)`, `(?<!..)`.
    LookAround(LookAround),
    Repeat(Repeat),
    Concat(Vec<Node>),
    Alternation(Vec<Node>),
    /// Capture group number `.0` (from 1), for back-references.
    Capture(u32, Box<Node>),
    /// `\1`, `\k<name>`: the text group `.0` last captured.
    BackRef(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Assertion {
    /// `^`, `\A`: start of input.
    Start,
    /// `\z`: end of input.
    End,
    /// `$`, `\Z`: end of input, or before a line terminator that ends it.
    EndOrFinalTerminator,
    /// `\b`, with Java's ASCII word characters.
    WordBoundary,
    /// `\B`.
    NotWordBoundary,
    /// `^` under `(?m)`: at a line's start, as Java's `Caret` decides: not at the end of the
    /// input (even an empty one), and not between `\r` and `\n`.
    LineStart,
    /// `$` under `(?m)`: before a line terminator or at the end, as Java's `Dollar` decides:
    /// not between `\r` and `\n`.
    LineEnd,
}

#[derive(Clone, Debug)]
pub(crate) struct LookAround {
    pub(crate) ahead: bool,
    pub(crate) negated: bool,
    pub(crate) node: Box<Node>,
    /// Offset of the `(` in the pattern, for error messages.
    pub(crate) offset: usize,
}

#[derive(Clone, Debug)]
pub(crate) struct Repeat {
    pub(crate) node: Box<Node>,
    pub(crate) min: u32,
    pub(crate) max: Option<u32>,
    /// `*+`, `{2}+`: gives nothing back once matched.
    pub(crate) possessive: bool,
    /// Offset of the quantifier in the pattern, for error messages.
    pub(crate) offset: usize,
}
