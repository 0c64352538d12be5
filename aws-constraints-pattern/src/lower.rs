//! Lowering a parsed pattern to look-around-free regular expressions plus conditions.
//!
//! A finite automaton cannot run look-around, so look-around is rewritten where its meaning
//! is positional and fixed:
//!
//! * a look-ahead at the start, `(?!aws:)[a-z:]+`, is evaluated at offset 0 only, so it
//!   becomes a *prefix condition*: "no prefix of the value matches `aws:`", decided by an
//!   anchored search for `aws:`;
//! * a look-behind at the end, `[a-z-]+(?<!-)`, is evaluated at the end only, so it becomes
//!   a *suffix condition*: "no suffix of the value matches `-`", decided by a search for
//!   `-\z`.
//!
//! `$` is Java's: the end of input, or the position before a line terminator that ends it.
//! Under a full match nothing can consume that terminator after a final `$`, so there it
//! is the end; at the end of a look-ahead, whose match may stop anywhere, it becomes
//! "an optional final line terminator, then the end" (`(?!\s*$)` rejects `"\u{2028}"`).
//!
//! A pattern whose top level is an alternation is lowered branch by branch, so
//! `$|^(?!aws:)[a-z:]+` keeps its look-ahead on its own branch. A branch with look-around
//! anywhere else (`(\.(?!$)|$)`), or nested inside another look-around, runs on the PikeVM of
//! [`crate::pikevm`], still in linear time.

use regex_syntax::hir::{self, Class, ClassUnicode, Hir, Look};

use crate::ast::{Assertion, LookAround, Node, Repeat};
use crate::classes::{class_of, line_terminators};
use crate::error::{PatternError, PatternErrorKind};

/// A pattern as one or more branches; the value matches if any branch does.
pub(crate) struct Program {
    pub(crate) branches: Vec<Branch>,
}

/// A body the whole value must match, plus conditions it must meet.
pub(crate) struct Branch {
    pub(crate) body: BranchBody,
    pub(crate) conditions: Vec<Condition>,
}

pub(crate) enum BranchBody {
    /// Look-around-free: any automaton can run it.
    Hir(Hir),
    /// With look-around inside: runs on the [`crate::pikevm::PikeVm`].
    LookAround(Node),
}

pub(crate) struct Condition {
    pub(crate) at: Edge,
    /// `true` for `(?=..)`/`(?<=..)`, `false` for the negated forms.
    pub(crate) must_match: bool,
    pub(crate) hir: Hir,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// Some prefix of the value matches.
    Prefix,
    /// Some suffix of the value matches.
    Suffix,
}

pub(crate) fn lower(node: Node) -> Result<Program, PatternError> {
    let top_branches = match node {
        Node::Alternation(branches) => branches,
        other => vec![other],
    };
    // Branches without look-around are merged back into one automaton.
    let mut plain = Vec::new();
    let mut branches = Vec::new();
    for node in top_branches {
        match lower_branch(node)? {
            Branch {
                body: BranchBody::Hir(hir),
                conditions,
            } if conditions.is_empty() => plain.push(hir),
            branch => branches.push(branch),
        }
    }
    if !plain.is_empty() || branches.is_empty() {
        branches.insert(
            0,
            Branch {
                body: BranchBody::Hir(Hir::alternation(plain)),
                conditions: Vec::new(),
            },
        );
    }
    Ok(Program { branches })
}

fn lower_branch(node: Node) -> Result<Branch, PatternError> {
    let mut items = match node {
        Node::Concat(items) => items,
        other => vec![other],
    };
    let mut conditions = Vec::new();

    // Leading look-aheads, possibly behind `^`: all are evaluated at offset 0.
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Node::Assert(Assertion::Start) => i += 1,
            // A body with look-around of its own stays in place, for the PikeVM.
            Node::LookAround(look) if look.ahead && !contains_look_around(&look.node) => {
                let Node::LookAround(look) = items.remove(i) else {
                    unreachable!("matched as a look-around just above")
                };
                conditions.push(condition(look, Edge::Prefix)?);
            }
            _ => break,
        }
    }
    // Trailing look-behinds, possibly before `$`: all are evaluated at the end.
    let mut j = items.len();
    while j > 0 {
        match &items[j - 1] {
            Node::Assert(Assertion::End | Assertion::EndOrFinalTerminator) => j -= 1,
            Node::LookAround(look) if !look.ahead && !contains_look_around(&look.node) => {
                let Node::LookAround(look) = items.remove(j - 1) else {
                    unreachable!("matched as a look-around just above")
                };
                conditions.push(condition(look, Edge::Suffix)?);
                j -= 1;
            }
            _ => break,
        }
    }
    let rest = Node::Concat(items);
    // A `$` with something after it that can consume the final line terminator it stands
    // before (`$\R`, `(a$)*`) is no plain end of input: the PikeVM decides it as Java does.
    let body = if dollar_before_more(&rest, false) || contains_look_around(&rest) {
        BranchBody::LookAround(rest)
    } else {
        BranchBody::Hir(lower_node(rest, &Some(ClassUnicode::empty()))?)
    };
    Ok(Branch { body, conditions })
}

/// Whether `node` holds a `$` that what follows it (in `node`, or after it when
/// `more_follows`) could consume a line terminator after. Look-around bodies are lowered
/// on their own.
fn dollar_before_more(node: &Node, more_follows: bool) -> bool {
    match node {
        Node::Assert(Assertion::EndOrFinalTerminator) => more_follows,
        Node::Concat(items) => items.iter().enumerate().any(|(k, item)| {
            dollar_before_more(item, more_follows || items[k + 1..].iter().any(consumes))
        }),
        Node::Alternation(branches) => branches.iter().any(|b| dollar_before_more(b, more_follows)),
        // The next iteration follows the body too.
        Node::Repeat(repeat) => dollar_before_more(
            &repeat.node,
            more_follows || (repeat.max != Some(1) && consumes(&repeat.node)),
        ),
        Node::Capture(_, node) => dollar_before_more(node, more_follows),
        Node::Empty | Node::Class(_) | Node::Assert(_) | Node::BackRef(_) | Node::LookAround(_) => {
            false
        }
    }
}

/// Whether `node` can match a character (rather than only assert).
fn consumes(node: &Node) -> bool {
    match node {
        Node::Class(_) | Node::BackRef(_) => true,
        Node::Concat(items) | Node::Alternation(items) => items.iter().any(consumes),
        Node::Repeat(repeat) => repeat.max != Some(0) && consumes(&repeat.node),
        Node::Capture(_, node) => consumes(node),
        Node::Empty | Node::Assert(_) | Node::LookAround(_) => false,
    }
}

/// Whether `node` holds a `$` (before a final line terminator, or at the end).
fn contains_dollar(node: &Node) -> bool {
    match node {
        Node::Assert(Assertion::EndOrFinalTerminator) => true,
        Node::Repeat(repeat) => contains_dollar(&repeat.node),
        Node::Concat(items) | Node::Alternation(items) => items.iter().any(contains_dollar),
        Node::Capture(_, node) => contains_dollar(node),
        Node::LookAround(look) => contains_dollar(&look.node),
        Node::Empty | Node::Class(_) | Node::Assert(_) | Node::BackRef(_) => false,
    }
}

/// Whether `node` needs the PikeVM: look-around, or the multi-line `^` and `$`, whose line
/// terminators (Java's six) no automaton assertion spells.
pub(crate) fn contains_look_around(node: &Node) -> bool {
    match node {
        Node::LookAround(_) | Node::Assert(Assertion::LineStart | Assertion::LineEnd) => true,
        Node::Repeat(repeat) => contains_look_around(&repeat.node),
        Node::Concat(items) | Node::Alternation(items) => items.iter().any(contains_look_around),
        Node::Capture(_, node) => contains_look_around(node),
        Node::Empty | Node::Class(_) | Node::Assert(_) | Node::BackRef(_) => false,
    }
}

/// Lowers the body of a look-around that the [`crate::pikevm::PikeVm`] evaluates: its own
/// look-around is not supported, and a `$` at its end may stand before a final line
/// terminator, as in a leading look-ahead.
pub(crate) fn lower_look_body(mut node: Node) -> Result<Hir, PatternError> {
    final_dollar_allows_terminator(&mut node);
    refuse_inner_dollar(&node)?;
    lower_node(node, &None)
}

/// A `$` that is not at the end of a look-around's body could be followed by what consumes
/// the terminator it stands before; no automaton assertion says that, so it is refused.
fn refuse_inner_dollar(node: &Node) -> Result<(), PatternError> {
    if contains_dollar(node) {
        return Err(PatternError::without_offset(
            PatternErrorKind::Unsupported,
            "a `$` followed by more of a look-around's body is not supported",
        ));
    }
    Ok(())
}

fn condition(look: LookAround, at: Edge) -> Result<Condition, PatternError> {
    let mut node = *look.node;
    if at == Edge::Prefix {
        final_dollar_allows_terminator(&mut node);
        refuse_inner_dollar(&node)?;
    }
    Ok(Condition {
        at,
        must_match: !look.negated,
        hir: lower_node(node, &None)?,
    })
}

/// Rewrites every `$` in tail position of a look-ahead body (nothing after it can consume
/// anything) into an optional line terminator followed by the end of input.
fn final_dollar_allows_terminator(node: &mut Node) {
    match node {
        Node::Assert(Assertion::EndOrFinalTerminator) => {
            let terminator = Node::Alternation(vec![
                Node::Concat(vec![
                    Node::Class(class_of(&[(0x0D, 0x0D)])),
                    Node::Class(class_of(&[(0x0A, 0x0A)])),
                ]),
                Node::Class(line_terminators()),
            ]);
            *node = Node::Concat(vec![
                Node::Repeat(Repeat {
                    node: Box::new(terminator),
                    min: 0,
                    max: Some(1),
                    possessive: false,
                    offset: 0,
                }),
                Node::Assert(Assertion::End),
            ]);
        }
        Node::Concat(items) => {
            for item in items.iter_mut().rev() {
                final_dollar_allows_terminator(item);
                if !matches!(item, Node::Assert(_) | Node::LookAround(_)) {
                    break;
                }
            }
        }
        Node::Alternation(branches) => branches.iter_mut().for_each(final_dollar_allows_terminator),
        Node::Capture(_, node) => final_dollar_allows_terminator(node),
        _ => {}
    }
}

/// Back-references reach the automata only from a pattern parsed for backtracking, which
/// takes the backtracking matcher instead.
pub(crate) fn no_back_references() -> PatternError {
    PatternError::without_offset(
        PatternErrorKind::Unsupported,
        "back-references cannot be matched by an automaton",
    )
}

/// What may come after a node: the characters the rest of the pattern can start with, or
/// `None` where that is not worked out (inside a repetition).
type Follow = Option<ClassUnicode>;

/// The characters a node can start with, and whether it can match the empty string.
fn first(node: &Node) -> (ClassUnicode, bool) {
    match node {
        Node::Empty | Node::Assert(_) | Node::LookAround(_) => (ClassUnicode::empty(), true),
        Node::Class(class) => (class.clone(), false),
        Node::Repeat(repeat) => {
            let (set, nullable) = first(&repeat.node);
            (set, nullable || repeat.min == 0)
        }
        Node::Concat(items) => first_of_sequence(items),
        Node::Capture(_, node) => first(node),
        // Whatever the group captured: anything, possibly nothing.
        Node::BackRef(_) => (class_of(&[(0, 0x10FFFF)]), true),
        Node::Alternation(branches) => {
            let mut set = ClassUnicode::empty();
            let mut nullable = false;
            for branch in branches {
                let (s, n) = first(branch);
                set.union(&s);
                nullable |= n;
            }
            (set, nullable)
        }
    }
}

fn first_of_sequence(items: &[Node]) -> (ClassUnicode, bool) {
    let mut set = ClassUnicode::empty();
    for item in items {
        let (s, nullable) = first(item);
        set.union(&s);
        if !nullable {
            return (set, false);
        }
    }
    (set, true)
}

/// A possessive quantifier never gives back what it matched; an automaton cannot express
/// that in general. On a single class it means the same as a greedy one when there is
/// nothing to give back (`\d{12}+`) or when nothing that may follow could use a given-back
/// character (`[/]?+[a-z]+`).
fn possessive_is_greedy(repeat: &Repeat, follow: &Follow) -> bool {
    let Node::Class(class) = &*repeat.node else {
        return false;
    };
    if repeat.max == Some(repeat.min) {
        return true;
    }
    follow.as_ref().is_some_and(|follow| {
        let mut overlap = follow.clone();
        overlap.intersect(class);
        overlap.ranges().is_empty()
    })
}

/// Lowers a look-around-free node.
fn lower_node(node: Node, follow: &Follow) -> Result<Hir, PatternError> {
    Ok(match node {
        Node::Empty => Hir::empty(),
        Node::Class(class) => Hir::class(Class::Unicode(class)),
        Node::Assert(assertion) => Hir::look(match assertion {
            Assertion::Start => Look::Start,
            // Under a full match nothing after a final `$` can consume a line terminator.
            Assertion::End | Assertion::EndOrFinalTerminator => Look::End,
            Assertion::WordBoundary => Look::WordAscii,
            Assertion::NotWordBoundary => Look::WordAsciiNegate,
            Assertion::LineStart | Assertion::LineEnd => {
                return Err(PatternError::without_offset(
                    PatternErrorKind::Unsupported,
                    "a multi-line `^` or `$` inside a look-around is not supported",
                ))
            }
        }),
        // Branches with look-around run on the PikeVM and conditions are extracted only
        // when their bodies have none, so no look-around reaches here.
        Node::LookAround(look) => {
            return Err(PatternError::new(
                PatternErrorKind::Unsupported,
                "look-around in an unexpected place",
                look.offset,
            ))
        }
        Node::Repeat(repeat) => {
            if repeat.possessive && !possessive_is_greedy(&repeat, follow) {
                return Err(PatternError::new(
                    PatternErrorKind::Unsupported,
                    "a possessive quantifier is supported only where it means the same as a \
                     greedy one: on a single character class that is either counted exactly or \
                     followed by nothing that class contains",
                    repeat.offset,
                ));
            }
            Hir::repetition(hir::Repetition {
                min: repeat.min,
                max: repeat.max,
                greedy: true,
                sub: Box::new(lower_node(*repeat.node, &None)?),
            })
        }
        Node::Concat(items) => {
            let mut lowered = Vec::with_capacity(items.len());
            for (k, item) in items.iter().enumerate() {
                let (mut next, nullable) = first_of_sequence(&items[k + 1..]);
                let item_follow = match (nullable, follow) {
                    (false, _) => Some(next),
                    (true, Some(outer)) => {
                        next.union(outer);
                        Some(next)
                    }
                    (true, None) => None,
                };
                lowered.push(lower_node(item.clone(), &item_follow)?);
            }
            Hir::concat(lowered)
        }
        Node::Alternation(branches) => Hir::alternation(
            branches
                .into_iter()
                .map(|n| lower_node(n, follow))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        Node::Capture(_, node) => lower_node(*node, follow)?,
        Node::BackRef(_) => return Err(no_back_references()),
    })
}
