//! Look-around anywhere, in linear time.
//!
//! A look-around that is not at the start or the end of the pattern is evaluated at every
//! position the match may pass through. Its answer at a position does not depend on the
//! rest of the match, so all of them are computed up front, one pass per look-around:
//!
//! * a look-ahead `(?=B)` holds at `i` when some `value[i..j]` is in `B`. Reading the value
//!   backwards, that is "what has been read ends with a reversed `B`", which one unanchored
//!   DFA of the reversed `B` tells at every position in a single backward pass;
//! * a look-behind `(?<=B)` holds at `i` when some `value[j..i]` is in `B`, which an
//!   unanchored DFA of `B` tells at every position in a single forward pass.
//!
//! The pattern itself then runs as a Thompson NFA, simulated breadth-first (a PikeVM: every
//! state at most once per position, never backtracking), whose look-around states consult
//! those tables. Time is O(value × (pattern + look-arounds)); it allocates the tables and the
//! state sets per match, which only the few patterns with such look-around pay.
//!
//! Example, from AWS's models: `(\.(?!$)|$)` after an octet of an IPv4 address ("a dot
//! not at the end, or the end").

use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::Hir;

use crate::ast::{Assertion, Node};
use crate::class_run::ranges_contain;
use crate::error::{PatternError, PatternErrorKind};
use crate::lower::contains_look_around;
use crate::nfa::{self, Builder as _};

/// Each look-around's DFA stays under this size.
const LOOK_DFA_SIZE_LIMIT: usize = 1 << 20;

/// Counted repetitions expand into copies of their NFA; this bounds the copies.
const MAX_NFA_STATES: usize = 200_000;

#[derive(Clone, Debug)]
enum State {
    /// One character out of sorted, disjoint ranges.
    Class(Box<[(u32, u32)]>, usize),
    Split(usize, usize),
    Assert(Assertion, usize),
    /// Look-around number `k` (an index into the tables), holding or (when negated) not.
    Look {
        table: usize,
        negated: bool,
        next: usize,
    },
    Match,
}

/// How one look-around's table is computed.
#[derive(Clone, Debug)]
enum LookTable {
    /// A DFA of the body; a look-ahead's is reversed and run backwards.
    Dfa {
        ahead: bool,
        dfa: Box<dense::DFA<Vec<u32>>>,
    },
    /// A body with look-around of its own: its NFA (reversed for a look-ahead) inside this
    /// machine's states, from `start` to `accept`, simulated unanchored in one pass. Its own
    /// look-arounds' tables come earlier in the list, so they are ready when it runs.
    Nfa {
        ahead: bool,
        start: usize,
        accept: usize,
    },
}

/// A pattern branch with look-around inside it.
#[derive(Clone, Debug)]
pub(crate) struct PikeVm {
    states: Vec<State>,
    start: usize,
    accept: usize,
    looks: Vec<LookTable>,
}

/// Lowers a look-around body to an automaton-ready HIR.
pub(crate) type LowerBody<'a> = &'a dyn Fn(Node) -> Result<Hir, PatternError>;

impl PikeVm {
    pub(crate) fn new(node: Node, lower_body: LowerBody) -> Result<PikeVm, PatternError> {
        let mut compiler = Compiler {
            states: Vec::new(),
            looks: Vec::new(),
            look_offsets: Vec::new(),
            lower_body,
        };
        let accept = compiler.push(State::Match)?;
        let start = compiler.compile(node, accept)?;
        Ok(PikeVm {
            states: compiler.states,
            start,
            accept,
            looks: compiler.looks,
        })
    }

    pub(crate) fn is_match(&self, value: &str) -> bool {
        let mut tables: Vec<Vec<bool>> = Vec::with_capacity(self.looks.len());
        for look in &self.looks {
            let table = match look {
                LookTable::Dfa { ahead, dfa } => dfa_positions(dfa, *ahead, value),
                LookTable::Nfa {
                    ahead,
                    start,
                    accept,
                } => self.nfa_positions(*start, *accept, *ahead, value, &tables),
            };
            tables.push(table);
        }
        let mut current = SparseSet::new(self.states.len());
        let mut next = SparseSet::new(self.states.len());
        let mut stack = Vec::new();
        self.closure(self.start, 0, value, &tables, &mut current, &mut stack);
        for (pos, c) in value.char_indices() {
            if current.is_empty() {
                return false;
            }
            self.step(
                c,
                pos + c.len_utf8(),
                value,
                &tables,
                &current,
                &mut next,
                &mut stack,
            );
            std::mem::swap(&mut current, &mut next);
            next.clear();
        }
        current.contains(self.accept)
    }

    /// Follows every state of `current` that reads `c`, into `next` at byte `to`.
    #[allow(clippy::too_many_arguments)]
    fn step(
        &self,
        c: char,
        to: usize,
        value: &str,
        tables: &[Vec<bool>],
        current: &SparseSet,
        next: &mut SparseSet,
        stack: &mut Vec<usize>,
    ) {
        for &id in current.iter() {
            if let State::Class(ranges, target) = &self.states[id] {
                if ranges_contain(ranges, c as u32) {
                    self.closure(*target, to, value, tables, next, stack);
                }
            }
        }
    }

    /// Where the sub-machine `start..accept` matches, for a look-around whose body has
    /// look-around of its own: started afresh at every position (unanchored), forwards for a
    /// look-behind (a match ending at `i`), backwards over the reversed body for a look-ahead
    /// (a match starting at `i`).
    fn nfa_positions(
        &self,
        start: usize,
        accept: usize,
        ahead: bool,
        value: &str,
        tables: &[Vec<bool>],
    ) -> Vec<bool> {
        let mut table = vec![false; value.len() + 1];
        let mut current = SparseSet::new(self.states.len());
        let mut next = SparseSet::new(self.states.len());
        let mut stack = Vec::new();
        let chars: Vec<(usize, char)> = if ahead {
            value.char_indices().rev().collect()
        } else {
            value.char_indices().collect()
        };
        let mut pos = if ahead { value.len() } else { 0 };
        for (at, c) in chars {
            self.closure(start, pos, value, tables, &mut current, &mut stack);
            table[pos] = current.contains(accept);
            pos = if ahead { at } else { at + c.len_utf8() };
            self.step(c, pos, value, tables, &current, &mut next, &mut stack);
            std::mem::swap(&mut current, &mut next);
            next.clear();
        }
        self.closure(start, pos, value, tables, &mut current, &mut stack);
        table[pos] = current.contains(accept);
        table
    }

    /// Adds `from` and every state reachable from it without reading, at byte `pos`.
    fn closure(
        &self,
        from: usize,
        pos: usize,
        value: &str,
        tables: &[Vec<bool>],
        set: &mut SparseSet,
        stack: &mut Vec<usize>,
    ) {
        stack.push(from);
        while let Some(id) = stack.pop() {
            if !set.insert(id) {
                continue;
            }
            match &self.states[id] {
                State::Split(a, b) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                State::Assert(assertion, to) => {
                    if holds(*assertion, value, pos) {
                        stack.push(*to);
                    }
                }
                State::Look {
                    table,
                    negated,
                    next,
                } => {
                    if tables[*table][pos] != *negated {
                        stack.push(*next);
                    }
                }
                State::Class(..) | State::Match => {}
            }
        }
    }
}

/// Whether a look-around's DFA body matches at each byte position `0..=len`. DFA matches
/// are reported one byte late: after reading the byte past the match's end, or at the end
/// of input.
fn dfa_positions(dfa: &dense::DFA<Vec<u32>>, ahead: bool, value: &str) -> Vec<bool> {
    let bytes = value.as_bytes();
    let mut table = vec![false; bytes.len() + 1];
    let input = Input::new(value).anchored(Anchored::No);
    if ahead {
        let Ok(mut state) = dfa.start_state_reverse(&input) else {
            return table;
        };
        for i in (0..bytes.len()).rev() {
            state = dfa.next_state(state, bytes[i]);
            table[i + 1] = dfa.is_match_state(state);
        }
        table[0] = dfa.is_match_state(dfa.next_eoi_state(state));
    } else {
        let Ok(mut state) = dfa.start_state_forward(&input) else {
            return table;
        };
        for (i, &byte) in bytes.iter().enumerate() {
            state = dfa.next_state(state, byte);
            table[i] = dfa.is_match_state(state);
        }
        table[bytes.len()] = dfa.is_match_state(dfa.next_eoi_state(state));
    }
    table
}

/// Whether a zero-width assertion holds at byte `pos`.
pub(crate) fn holds(assertion: Assertion, value: &str, pos: usize) -> bool {
    let bytes = value.as_bytes();
    let is_word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    match assertion {
        Assertion::Start => pos == 0,
        Assertion::End => pos == bytes.len(),
        Assertion::EndOrFinalTerminator => {
            let rest = &value[pos..];
            let after_cr = pos > 0 && bytes[pos - 1] == b'\r';
            rest.is_empty()
                || matches!(rest, "\r\n" | "\r" | "\u{85}" | "\u{2028}" | "\u{2029}")
                || (rest == "\n" && !after_cr)
        }
        Assertion::LineStart => {
            let before = &value[..pos];
            pos < bytes.len()
                && (pos == 0
                    || (before.ends_with(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
                        && !(before.ends_with('\r') && bytes[pos] == b'\n')))
        }
        Assertion::LineEnd => {
            let rest = &value[pos..];
            rest.is_empty()
                || rest.starts_with(['\r', '\u{85}', '\u{2028}', '\u{2029}'])
                || (rest.starts_with('\n') && !value[..pos].ends_with('\r'))
        }
        Assertion::WordBoundary | Assertion::NotWordBoundary => {
            let before = pos.checked_sub(1).and_then(|p| bytes.get(p));
            let boundary = is_word(before) != is_word(bytes.get(pos));
            boundary == (assertion == Assertion::WordBoundary)
        }
    }
}

struct Compiler<'a> {
    states: Vec<State>,
    looks: Vec<LookTable>,
    /// The table of each look-around, by its offset in the pattern: the copies a counted
    /// repetition makes of one look-around share its table.
    look_offsets: Vec<usize>,
    lower_body: LowerBody<'a>,
}

impl Compiler<'_> {
    fn push(&mut self, state: State) -> Result<usize, PatternError> {
        if self.states.len() >= MAX_NFA_STATES {
            return Err(PatternError::without_offset(
                PatternErrorKind::TooLarge,
                "pattern with look-around expands to too many states",
            ));
        }
        self.states.push(state);
        Ok(self.states.len() - 1)
    }
}

impl nfa::Builder for Compiler<'_> {
    fn split(&mut self, first: usize, second: usize) -> Result<usize, PatternError> {
        self.push(State::Split(first, second))
    }

    fn set_split(&mut self, at: usize, first: usize, second: usize) {
        self.states[at] = State::Split(first, second);
    }

    fn compile(&mut self, node: Node, next: usize) -> Result<usize, PatternError> {
        Ok(match node {
            Node::Empty => next,
            Node::Class(class) => {
                let ranges = nfa::class_ranges(&class);
                self.push(State::Class(ranges, next))?
            }
            Node::Assert(assertion) => self.push(State::Assert(assertion, next))?,
            Node::LookAround(look) => {
                let table = match self.look_offsets.iter().position(|&o| o == look.offset) {
                    Some(table) => table,
                    None => {
                        let table = if contains_look_around(&look.node) {
                            // Its own look-arounds get their tables first.
                            let accept = self.push(State::Match)?;
                            let body = if look.ahead {
                                reversed(*look.node)
                            } else {
                                *look.node
                            };
                            let start = self.compile(body, accept)?;
                            LookTable::Nfa {
                                ahead: look.ahead,
                                start,
                                accept,
                            }
                        } else {
                            look_table(&(self.lower_body)(*look.node)?, look.ahead)?
                        };
                        self.looks.push(table);
                        self.look_offsets.push(look.offset);
                        self.looks.len() - 1
                    }
                };
                self.push(State::Look {
                    table,
                    negated: look.negated,
                    next,
                })?
            }
            Node::Capture(_, node) => self.compile(*node, next)?,
            Node::BackRef(_) => return Err(crate::lower::no_back_references()),
            Node::Concat(items) => nfa::concat(self, items, next)?,
            Node::Alternation(branches) => nfa::alternation(self, branches, next)?,
            Node::Repeat(repeat) => nfa::repeat(self, repeat, next)?,
        })
    }
}

fn look_table(body: &Hir, ahead: bool) -> Result<LookTable, PatternError> {
    let too_large = |what: &str| {
        PatternError::without_offset(
            PatternErrorKind::TooLarge,
            format!("look-around body too large to compile: {what}"),
        )
    };
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .reverse(ahead)
                .which_captures(thompson::WhichCaptures::None),
        )
        .build_from_hir(body)
        .map_err(|e| too_large(&e.to_string()))?;
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                // Every position where a match ends, not just the leftmost-first one.
                .match_kind(MatchKind::All)
                .start_kind(StartKind::Unanchored)
                .dfa_size_limit(Some(LOOK_DFA_SIZE_LIMIT))
                .determinize_size_limit(Some(LOOK_DFA_SIZE_LIMIT)),
        )
        .build_from_nfa(&nfa)
        .map_err(|e| too_large(&e.to_string()))?;
    Ok(LookTable::Dfa {
        ahead,
        dfa: Box::new(dfa),
    })
}

/// The node matching the reversed strings: concatenations run backwards. Assertions and
/// look-arounds are predicates on positions, which reading backwards does not change.
fn reversed(node: Node) -> Node {
    match node {
        Node::Concat(items) => Node::Concat(items.into_iter().rev().map(reversed).collect()),
        Node::Alternation(branches) => {
            Node::Alternation(branches.into_iter().map(reversed).collect())
        }
        Node::Repeat(mut repeat) => {
            repeat.node = Box::new(reversed(*repeat.node));
            Node::Repeat(repeat)
        }
        Node::Capture(index, node) => Node::Capture(index, Box::new(reversed(*node))),
        other => other,
    }
}

/// A set of NFA states with O(1) insert, membership and clear, iterated in insertion order.
struct SparseSet {
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl SparseSet {
    fn new(capacity: usize) -> Self {
        SparseSet {
            dense: Vec::with_capacity(capacity),
            sparse: vec![0; capacity],
        }
    }

    fn insert(&mut self, id: usize) -> bool {
        let i = self.sparse[id];
        if i < self.dense.len() && self.dense[i] == id {
            return false;
        }
        self.sparse[id] = self.dense.len();
        self.dense.push(id);
        true
    }

    fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.dense.iter()
    }

    fn is_empty(&self) -> bool {
        self.dense.is_empty()
    }

    fn contains(&self, id: usize) -> bool {
        let i = self.sparse[id];
        i < self.dense.len() && self.dense[i] == id
    }

    fn clear(&mut self) {
        self.dense.clear();
    }
}
