//! The opt-in matcher for back-references, which no finite automaton can run.
//!
//! Only a pattern compiled with [`crate::Pattern::with_backtracking`] (in the derive,
//! `#[pattern("..", backtracking)]`) and that really has a back-reference gets here. It is a
//! classic backtracking search over a compiled program, made safe by two bounds:
//!
//! * a step budget of [`BASE_STEPS`] plus [`STEPS_PER_BYTE`] per byte of the value; a value
//!   the search cannot decide within it is **rejected** (fail closed), so no input can make
//!   matching slow;
//! * loops that consume nothing do not loop again.
//!
//! For a full match only whether some path succeeds matters, so greedy and lazy quantifiers
//! are searched alike. Captures a positive look-around made are kept, as Java keeps them.

use crate::ast::{Assertion, Node};
use crate::class_run::ranges_contain;
use crate::error::{PatternError, PatternErrorKind};
use crate::nfa::{self, Builder as _};
use crate::pikevm::holds;

/// Steps any search may take, whatever the value's length.
pub const BASE_STEPS: u64 = 100_000;
/// Further steps per byte of the value.
pub const STEPS_PER_BYTE: u64 = 1_000;

const MAX_INSTRUCTIONS: usize = 100_000;

#[derive(Clone, Debug)]
enum Inst {
    Class(Box<[(u32, u32)]>, usize),
    /// Try the first, then the second.
    Split(usize, usize),
    Save(usize, usize),
    BackRef(u32, usize),
    Assert(Assertion, usize),
    Look {
        ahead: bool,
        negated: bool,
        start: usize,
        next: usize,
    },
    /// Records where an iteration of a loop starts, in a slot of its own.
    LoopEnter(usize, usize),
    /// Fails an iteration that consumed nothing.
    LoopCheck(usize, usize),
    Match,
}

/// Where a (sub-)search must end to succeed.
#[derive(Clone, Copy)]
enum End {
    /// At the end of the value: the whole pattern.
    Full,
    /// Anywhere: a look-ahead's body.
    Anywhere,
    /// Exactly at this byte: a look-behind's body, tried from each earlier start.
    At(usize),
}

struct Exhausted;

#[derive(Clone, Debug)]
pub(crate) struct Backtracker {
    insts: Vec<Inst>,
    start: usize,
    slots: usize,
}

impl Backtracker {
    pub(crate) fn new(node: Node) -> Result<Backtracker, PatternError> {
        let mut compiler = Compiler {
            insts: Vec::new(),
            slots: 2 * (max_group(&node) as usize + 1),
        };
        let accept = compiler.push(Inst::Match)?;
        let start = compiler.compile(node, accept)?;
        Ok(Backtracker {
            insts: compiler.insts,
            start,
            slots: compiler.slots,
        })
    }

    pub(crate) fn is_match(&self, value: &str) -> bool {
        let mut slots = vec![None; self.slots];
        let mut budget =
            BASE_STEPS.saturating_add(STEPS_PER_BYTE.saturating_mul(value.len() as u64));
        self.search(self.start, 0, End::Full, value, &mut slots, &mut budget)
            .unwrap_or(false)
    }

    fn search(
        &self,
        start: usize,
        from: usize,
        end: End,
        value: &str,
        slots: &mut [Option<usize>],
        budget: &mut u64,
    ) -> Result<bool, Exhausted> {
        enum Frame {
            Try(usize, usize),
            Restore(usize, Option<usize>),
        }
        let mut stack = vec![Frame::Try(start, from)];
        while let Some(frame) = stack.pop() {
            let (mut pc, mut pos) = match frame {
                Frame::Restore(slot, old) => {
                    slots[slot] = old;
                    continue;
                }
                Frame::Try(pc, pos) => (pc, pos),
            };
            loop {
                *budget = budget.checked_sub(1).ok_or(Exhausted)?;
                match &self.insts[pc] {
                    Inst::Class(ranges, next) => match value[pos..].chars().next() {
                        Some(c) if ranges_contain(ranges, c as u32) => {
                            pos += c.len_utf8();
                            pc = *next;
                        }
                        _ => break,
                    },
                    Inst::Split(first, second) => {
                        stack.push(Frame::Try(*second, pos));
                        pc = *first;
                    }
                    Inst::Save(slot, next) | Inst::LoopEnter(slot, next) => {
                        stack.push(Frame::Restore(*slot, slots[*slot]));
                        slots[*slot] = Some(pos);
                        pc = *next;
                    }
                    Inst::LoopCheck(slot, next) => {
                        if slots[*slot] == Some(pos) {
                            break;
                        }
                        pc = *next;
                    }
                    Inst::BackRef(group, next) => {
                        let g = *group as usize;
                        let (Some(s), Some(e)) = (slots[2 * g], slots[2 * g + 1]) else {
                            // A group that has not matched: Java's back-reference fails.
                            break;
                        };
                        let captured = &value[s..e];
                        if !value[pos..].starts_with(captured) {
                            break;
                        }
                        pos += captured.len();
                        pc = *next;
                    }
                    Inst::Assert(assertion, next) => {
                        if !holds(*assertion, value, pos) {
                            break;
                        }
                        pc = *next;
                    }
                    Inst::Look {
                        ahead,
                        negated,
                        start,
                        next,
                    } => {
                        let before = slots.to_vec();
                        let found = if *ahead {
                            self.search(*start, pos, End::Anywhere, value, slots, budget)?
                        } else {
                            let mut found = false;
                            for j in (0..=pos).rev().filter(|&j| value.is_char_boundary(j)) {
                                if self.search(*start, j, End::At(pos), value, slots, budget)? {
                                    found = true;
                                    break;
                                }
                            }
                            found
                        };
                        // Undo what the look-around captured if the search backtracks past it.
                        for (slot, old) in before.into_iter().enumerate() {
                            if slots[slot] != old {
                                stack.push(Frame::Restore(slot, old));
                            }
                        }
                        if found == *negated {
                            break;
                        }
                        pc = *next;
                    }
                    Inst::Match => {
                        let done = match end {
                            End::Full => pos == value.len(),
                            End::Anywhere => true,
                            End::At(target) => pos == target,
                        };
                        if done {
                            return Ok(true);
                        }
                        break;
                    }
                }
            }
        }
        Ok(false)
    }
}

fn max_group(node: &Node) -> u32 {
    match node {
        Node::Capture(index, inner) => (*index).max(max_group(inner)),
        Node::Repeat(repeat) => max_group(&repeat.node),
        Node::LookAround(look) => max_group(&look.node),
        Node::Concat(items) | Node::Alternation(items) => {
            items.iter().map(max_group).max().unwrap_or(0)
        }
        _ => 0,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    /// Capture slots first (two per group, group 0 unused), then one per loop.
    slots: usize,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> Result<usize, PatternError> {
        if self.insts.len() >= MAX_INSTRUCTIONS {
            return Err(PatternError::without_offset(
                PatternErrorKind::TooLarge,
                "pattern expands to too many instructions for the backtracking matcher",
            ));
        }
        self.insts.push(inst);
        Ok(self.insts.len() - 1)
    }
}

impl nfa::Builder for Compiler {
    fn split(&mut self, first: usize, second: usize) -> Result<usize, PatternError> {
        self.push(Inst::Split(first, second))
    }

    fn set_split(&mut self, at: usize, first: usize, second: usize) {
        self.insts[at] = Inst::Split(first, second);
    }

    /// Records where the iteration starts and fails it if it consumed nothing, so that a
    /// body that can match empty does not loop forever.
    fn loop_iteration(&mut self, sub: Node, back: usize) -> Result<usize, PatternError> {
        let slot = self.slots;
        self.slots += 1;
        let check = self.push(Inst::LoopCheck(slot, back))?;
        let body = self.compile(sub, check)?;
        self.push(Inst::LoopEnter(slot, body))
    }

    fn compile(&mut self, node: Node, next: usize) -> Result<usize, PatternError> {
        Ok(match node {
            Node::Empty => next,
            Node::Class(class) => self.push(Inst::Class(nfa::class_ranges(&class), next))?,
            Node::Assert(assertion) => self.push(Inst::Assert(assertion, next))?,
            Node::BackRef(group) => self.push(Inst::BackRef(group, next))?,
            Node::Capture(index, inner) => {
                let close = self.push(Inst::Save(2 * index as usize + 1, next))?;
                let body = self.compile(*inner, close)?;
                self.push(Inst::Save(2 * index as usize, body))?
            }
            Node::LookAround(look) => {
                let accept = self.push(Inst::Match)?;
                let start = self.compile(*look.node, accept)?;
                self.push(Inst::Look {
                    ahead: look.ahead,
                    negated: look.negated,
                    start,
                    next,
                })?
            }
            Node::Concat(items) => nfa::concat(self, items, next)?,
            Node::Alternation(branches) => nfa::alternation(self, branches, next)?,
            Node::Repeat(repeat) => nfa::repeat(self, repeat, next)?,
        })
    }
}
