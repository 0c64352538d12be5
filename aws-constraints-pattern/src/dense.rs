//! The dense DFA: a full, anchored DFA copied out of regex-automata's into the smallest
//! table that steps it, with its forced runs laid out so that they need no chain of loads.
//!
//! A DFA step is a table load whose address depends on the previous step's load, so a
//! DFA's time is that chain's latency, not its instruction count. Many AWS patterns have
//! long stretches where the next state does not depend on the byte, only whether the byte
//! is allowed: a UUID (`[a-f0-9]{8}-[a-f0-9]{4}-..`), an ARN's fixed words
//! (`arn:aws:connect:`). There, every state's live transitions all lead to one state, so the
//! states of the next bytes are known before the bytes are read, and each byte's check is
//! a load independent of the others: the core runs them side by side.

use std::collections::HashMap;

use regex_automata::dfa::{dense, Automaton as _, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::util::primitives::StateID;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Hir;

/// A full DFA stays under this size; larger ones (counted Unicode classes) are left to the
/// lazy DFA, which builds only the states an input visits.
const DENSE_SIZE_LIMIT: usize = 256 << 10;

/// Bytes stepped between two checks for the dead state in a DFA without runs.
const DEAD_CHECK_EVERY: usize = 32;

/// Forced runs shorter than this are stepped like any other state: checking a run costs a
/// call and a few instructions of setup that a short one does not pay back (measured: with
/// 4, the region pattern `[a-z]{2}(-[a-z]+){1,2}(-[0-9])?` on `us-west-2` took 1.6x the
/// time; 16 measured the same as 8 on a UUID, an ARN and an IAM role ARN).
const MIN_RUN: usize = 8;

/// A full DFA anchored at both ends. The state before the first byte is the same for every
/// value (a match starts at the value's first byte, with nothing before it), so it is found
/// once, here.
///
/// Rows are numbered ordinary rows first, then the rows of forced runs, then the dead
/// state, so that one comparison after a step (`state >= special`) tells the stepping loop
/// that it must stop: the value cannot match, or a run begins.
#[derive(Clone, Debug)]
pub(crate) struct DenseDfa {
    /// Each byte's equivalence class.
    classes: [u8; 256],
    /// Row `state` (a multiple of `width`), column class: the next state's row. A run's
    /// row has three more columns (see [`RunColumn`]).
    table: Box<[u32]>,
    /// Byte classes: the columns of the next states.
    stride: usize,
    /// Entries a row has: one per class, and those of a run.
    width: usize,
    /// For each row of a run, in order, a bit for each class the row's byte must not be
    /// in (the class leads to the dead state).
    run_masks: Box<[u64]>,
    start: u32,
    /// The first row that is not ordinary: a run's, or the dead state's.
    special: u32,
    dead: u32,
    /// Whether ending the value in a state is a match, at the state's row (a division
    /// per call saved for a table of bools).
    accepts: Box<[bool]>,
}

/// Builds a full, anchored DFA, or `None` when it would exceed [`DENSE_SIZE_LIMIT`] (or
/// has states the table does not model, such as quit states).
pub(crate) fn build_dense(hir: &Hir) -> Option<DenseDfa> {
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().nfa_size_limit(Some(DENSE_SIZE_LIMIT)))
        .build_from_hir(hir)
        .ok()?;
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Anchored)
                .dfa_size_limit(Some(DENSE_SIZE_LIMIT))
                .determinize_size_limit(Some(DENSE_SIZE_LIMIT)),
        )
        .build_from_nfa(&nfa)
        .ok()?;
    let start = dfa
        .start_state_forward(&Input::new("").anchored(Anchored::Yes))
        .ok()?;
    Graph::read(&dfa, start)?.lay_out()
}

/// The live states reachable from the start, in the order they are found, with their
/// transitions by class (`None`: to the dead state).
struct Graph {
    classes: [u8; 256],
    next: Vec<Vec<Option<usize>>>,
    accepts: Vec<bool>,
}

/// A forced run: states each of whose live transitions all lead to the next, and the
/// state the last one's lead to.
struct Run {
    states: Vec<usize>,
    exit: usize,
}

impl Graph {
    /// The states reachable from `start`, numbered in the order they are found.
    fn read(dfa: &dense::DFA<Vec<u32>>, start: StateID) -> Option<Graph> {
        let mut classes = [0u8; 256];
        // One byte standing for each class.
        let mut representatives: Vec<u8> = Vec::new();
        for byte in 0..=255u8 {
            let class = dfa.byte_classes().get(byte);
            classes[usize::from(byte)] = class;
            if usize::from(class) == representatives.len() {
                representatives.push(byte);
            }
        }
        let mut index: HashMap<StateID, usize> = HashMap::new();
        let mut order: Vec<StateID> = Vec::new();
        let mut index_of = |id: StateID, order: &mut Vec<StateID>| -> Option<Option<usize>> {
            if dfa.is_dead_state(id) {
                return Some(None);
            }
            if dfa.is_quit_state(id) {
                return None;
            }
            Some(Some(*index.entry(id).or_insert_with(|| {
                order.push(id);
                order.len() - 1
            })))
        };
        index_of(start, &mut order)?;
        let mut graph = Graph {
            classes,
            next: Vec::new(),
            accepts: Vec::new(),
        };
        while graph.next.len() < order.len() {
            let id = order[graph.next.len()];
            graph
                .accepts
                .push(dfa.is_match_state(dfa.next_eoi_state(id)));
            let row = representatives
                .iter()
                .map(|&byte| index_of(dfa.next_state(id, byte), &mut order))
                .collect::<Option<Vec<_>>>()?;
            graph.next.push(row);
        }
        Some(graph)
    }

    fn stride(&self) -> usize {
        self.next.first().map_or(1, Vec::len)
    }

    /// The one state all of `state`'s live transitions lead to, if there is one.
    fn forced(&self, state: usize) -> Option<usize> {
        let mut live = self.next[state].iter().flatten();
        let first = *live.next()?;
        live.all(|&next| next == first).then_some(first)
    }

    /// The forced runs of at least [`MIN_RUN`] states, no state in two; none when there are
    /// more classes than a run's mask has bits. A run is walked from a state no forced
    /// transition leads to where there is one (so that it is as long as it can be), else
    /// from any (a cycle), and stops before a state already in a run or in this one.
    fn runs(&self) -> Vec<Run> {
        if self.stride() > 64 {
            return Vec::new();
        }
        let forced: Vec<Option<usize>> = (0..self.next.len()).map(|s| self.forced(s)).collect();
        let mut forced_into = vec![false; forced.len()];
        for &next in forced.iter().flatten() {
            forced_into[next] = true;
        }
        let heads = (0..forced.len()).filter(|&s| !forced_into[s]);
        let mut in_run = vec![false; forced.len()];
        // Which walk visited a state (its head), if one did.
        let mut visited_by = vec![None; forced.len()];
        let mut runs = Vec::new();
        for head in heads.chain(0..forced.len()) {
            let Some(mut next) = forced[head] else {
                continue;
            };
            if visited_by[head].is_some() {
                continue;
            }
            let mut states = vec![head];
            visited_by[head] = Some(head);
            // Every state on the walk is forced; the walk leaves to the first state that is
            // not, or that is taken.
            while let Some(after) =
                forced[next].filter(|_| !in_run[next] && visited_by[next] != Some(head))
            {
                states.push(next);
                visited_by[next] = Some(head);
                next = after;
            }
            if states.len() >= MIN_RUN {
                for &state in &states {
                    in_run[state] = true;
                }
                runs.push(Run { states, exit: next });
            }
        }
        runs
    }

    /// The table: ordinary states first, in the order found, then each run's states in run
    /// order, then the dead state. `None` if a row's index would not fit in a `u32`.
    fn lay_out(self) -> Option<DenseDfa> {
        let runs = self.runs();
        let stride = self.stride();
        let width = stride + RunColumn::COUNT;
        let count = self.next.len();
        // Every index and count below is at most the table's size.
        u32::try_from((count + 1) * width).ok()?;
        let mut in_run = vec![false; count];
        for state in runs.iter().flat_map(|run| &run.states) {
            in_run[*state] = true;
        }
        let order: Vec<usize> = (0..count)
            .filter(|&s| !in_run[s])
            .chain(runs.iter().flat_map(|run| run.states.iter().copied()))
            .collect();
        let as_row = |position: usize| (position * width) as u32;
        let mut row_of = vec![0u32; count];
        for (position, &state) in order.iter().enumerate() {
            row_of[state] = as_row(position);
        }
        let dead = as_row(count);
        let special = as_row(count - runs.iter().map(|run| run.states.len()).sum::<usize>());
        let mut table = vec![0u32; (count + 1) * width];
        let mut accepts = vec![false; table.len()];
        for &state in &order {
            let row = row_of[state] as usize;
            accepts[row] = self.accepts[state];
            for (class, next) in self.next[state].iter().enumerate() {
                table[row + class] = next.map_or(dead, |next| row_of[next]);
            }
        }
        let mut run_masks = Vec::new();
        for run in &runs {
            let left = (1..=run.states.len()).rev();
            for (&state, left) in run.states.iter().zip(left) {
                let row = row_of[state] as usize;
                let column = |column: RunColumn| row + stride + column as usize;
                table[column(RunColumn::Left)] = left as u32;
                table[column(RunColumn::Exit)] = row_of[run.exit];
                table[column(RunColumn::Masks)] = run_masks.len() as u32;
                let dead_classes = self.next[state].iter().enumerate();
                run_masks.push(dead_classes.fold(0u64, |mask, (class, next)| {
                    mask | u64::from(next.is_none()) << class
                }));
            }
        }
        // The dead state leads only to itself.
        table[dead as usize..dead as usize + stride].fill(dead);
        Some(DenseDfa {
            classes: self.classes,
            table: table.into_boxed_slice(),
            stride,
            width,
            run_masks: run_masks.into_boxed_slice(),
            start: row_of[0],
            special,
            dead,
            accepts: accepts.into_boxed_slice(),
        })
    }
}

impl DenseDfa {
    /// Whether any state is in a forced run.
    pub(crate) fn has_runs(&self) -> bool {
        self.special != self.dead
    }

    #[inline]
    fn step(&self, state: u32, byte: u8) -> u32 {
        self.table[state as usize + usize::from(self.classes[usize::from(byte)])]
    }

    /// Whether the DFA accepts all of `value`.
    #[inline]
    pub(crate) fn is_full_match(&self, value: &str) -> bool {
        let end = if !self.has_runs() {
            self.step_through(value.as_bytes())
        } else {
            self.step_with_runs(value.as_bytes())
        };
        end != self.dead && self.accepts[end as usize]
    }

    /// The state after `bytes`, for a DFA without runs. The dead state is the only special
    /// one; it is absorbing, so checking for it every [`DEAD_CHECK_EVERY`] bytes changes no
    /// answer and keeps the loop to its chain of loads (checking at every fourth byte, as
    /// [`DenseDfa::ordinary_steps`] must, measured 8% to 24% slower on short values).
    #[inline]
    fn step_through(&self, bytes: &[u8]) -> u32 {
        let mut state = self.start;
        for chunk in bytes.chunks(DEAD_CHECK_EVERY) {
            // Four steps a loop iteration: the loop's own bookkeeping is then a quarter of
            // a step's.
            let mut quads = chunk.chunks_exact(4);
            for quad in &mut quads {
                state = quad
                    .iter()
                    .fold(state, |state, &byte| self.step(state, byte));
            }
            state = quads
                .remainder()
                .iter()
                .fold(state, |state, &byte| self.step(state, byte));
            if state == self.dead {
                break;
            }
        }
        state
    }

    /// The state after `bytes`, taking each run met in one go. Not inlined: its loops need
    /// registers that every call of the pattern dispatch would otherwise save and restore
    /// (measured: about four instructions a match of any pattern, dense or not).
    #[inline(never)]
    fn step_with_runs(&self, bytes: &[u8]) -> u32 {
        let mut state = self.start;
        let mut at = 0;
        while at < bytes.len() {
            if state >= self.special {
                if state == self.dead {
                    break;
                }
                match self.run(state, &bytes[at..]) {
                    Some((after, read)) => (state, at) = (after, at + read),
                    None => return self.dead,
                }
                continue;
            }
            let (after, read) = self.ordinary_steps(state, &bytes[at..]);
            (state, at) = (after, at + read);
        }
        state
    }

    /// Steps through `bytes` until a step lands on a special row (or soon after: four
    /// steps a loop iteration keep the loop's own instructions a quarter of a step's, and a
    /// special row is a DFA state like any other, stepped on correctly): the state reached
    /// and how many bytes were read.
    #[inline]
    fn ordinary_steps(&self, mut state: u32, bytes: &[u8]) -> (u32, usize) {
        let mut read = 0;
        for quad in bytes.chunks_exact(4) {
            state = quad
                .iter()
                .fold(state, |state, &byte| self.step(state, byte));
            read += 4;
            if state >= self.special {
                return (state, read);
            }
        }
        for &byte in &bytes[read..] {
            state = self.step(state, byte);
            read += 1;
            if state >= self.special {
                break;
            }
        }
        (state, read)
    }

    /// Reads the bytes of the run at `state`, or as many as there are: the state after
    /// them and how many were read, `None` if one is not allowed. The rows of the run are
    /// consecutive, so each byte's row is known without reading the bytes before it.
    #[inline]
    fn run(&self, state: u32, bytes: &[u8]) -> Option<(u32, usize)> {
        let column = |column: RunColumn| self.table[state as usize + self.stride + column as usize];
        let left = column(RunColumn::Left) as usize;
        let read = left.min(bytes.len());
        let first = column(RunColumn::Masks) as usize;
        let masks = self.run_masks.get(first..first + read)?;
        // Or-ing the shifted masks and testing bit 0 once at the end is or-ing each one's
        // bit 0: a byte in one of its row's dead classes sets it.
        let dead = masks.iter().zip(bytes).fold(0, |dead, (mask, &byte)| {
            dead | mask >> self.classes[usize::from(byte)]
        });
        if dead & 1 != 0 {
            return None;
        }
        let after = if read == left {
            column(RunColumn::Exit)
        } else {
            state + (read * self.width) as u32
        };
        Some((after, read))
    }
}

/// The columns a run's row has after its classes'.
#[derive(Clone, Copy)]
enum RunColumn {
    /// How many of the run's rows are left, this one included.
    Left,
    /// The row the run leaves to after its last.
    Exit,
    /// Where this row's mask is in `run_masks`.
    Masks,
}

impl RunColumn {
    const COUNT: usize = 3;
}

#[cfg(test)]
mod tests {
    use regex_automata::meta;

    use crate::Pattern;

    /// The stepping loop against regex-automata's own search, at every length across the
    /// four-byte steps and the dead-state checks, ending in and out of the language.
    #[test]
    fn dense_dfa_agrees_with_a_search_at_every_length() {
        for source in [
            "(ab|abc)*d?",
            "[a-f0-9]{8}(-[a-f0-9]{4}){0,20}",
            "(a|b)*b(a|b){3}",
        ] {
            let pattern = Pattern::new(source).unwrap();
            assert_eq!(pattern.engine(), "dense DFA", "{source}");
            let reference = meta::Regex::new(&format!("^(?:{source})$")).unwrap();
            let units = ["ab", "abc", "d", "-", "0a1b", "b", "a", "x"];
            let mut values = vec![String::new()];
            for length in 1..90 {
                for (i, unit) in units.iter().enumerate() {
                    let value: String = (0..length)
                        .map(|k| units[(i + k) % units.len()])
                        .chain(std::iter::once(*unit))
                        .collect();
                    values.push(value);
                }
                values.push("ab".repeat(length));
                let groups = "-0a1b".repeat(length % 25);
                values.push(format!("0a1b2c3d{groups}"));
                values.push(format!("0a1b2c3d{groups}x"));
                values.push("ab".repeat(length) + "b" + &"a".repeat(length % 5));
            }
            let mut matched = 0;
            for value in &values {
                let expected = reference.is_match(value);
                assert_eq!(pattern.is_match(value), expected, "{source} {value:?}");
                matched += usize::from(expected);
            }
            assert!(
                matched > 10 && matched < values.len() - 10,
                "{source}: {matched}"
            );
        }
    }
}

#[cfg(test)]
mod run_tests {
    use regex_automata::meta;

    use super::DenseDfa;
    use crate::{Body, Pattern};

    fn dense(pattern: &Pattern) -> &DenseDfa {
        match &pattern.branches[0].body {
            Body::Dense(dfa) => dfa,
            _ => panic!("{} is not a dense DFA", pattern.as_str()),
        }
    }

    /// Patterns with forced runs (a UUID, an ARN's fixed words, a cycle of forced states,
    /// runs that merge), against regex-automata's search: on values the pattern generates,
    /// every prefix of them, and every one of them with one character replaced.
    #[test]
    fn forced_runs_agree_with_a_search() {
        for source in [
            r"^(arn:(aws|aws-us-gov):connect:[a-z]{2}-[a-z]+-[0-9]{1}:[0-9]{1,20}:instance/)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$",
            "(abcdefghij)*k?",
            "(x[0-9]{9}|y[0-9]{9})z[a-f]{10}",
            "arn:aws:iam::[0-9]{12}:role/[a-z]{1,20}",
            "x[a-z]{0,40}",
        ] {
            let pattern = Pattern::new(source).unwrap();
            let dfa = dense(&pattern);
            assert!(dfa.has_runs(), "{source}: no forced run was laid out");
            let reference = meta::Regex::new(&format!("^(?:{source})$")).unwrap();
            let mut values = crate::sample::values(source, 11, 200).unwrap();
            values.push(String::new());
            let mut checked = 0;
            for value in &values {
                let mut variants: Vec<String> = Vec::new();
                for (at, _) in value.char_indices().chain([(value.len(), ' ')]) {
                    variants.push(value[..at].to_owned());
                    let rest = value[at..].chars().skip(1).collect::<String>();
                    for replacement in ["x", "-", "0", "a", "é", ""] {
                        variants.push(format!("{}{replacement}{rest}", &value[..at]));
                    }
                }
                for variant in variants.iter().chain([value]) {
                    let expected = reference.is_match(variant);
                    assert_eq!(pattern.is_match(variant), expected, "{source} {variant:?}");
                    checked += 1;
                }
            }
            assert!(checked > 1000, "{source}: {checked}");
        }
    }

    /// A run's masks have a bit per byte class: a DFA with more classes lays out no run,
    /// and matches the same.
    #[test]
    fn more_classes_than_mask_bits_lay_out_no_run() {
        let word: String = ('!'..='~').filter(char::is_ascii_alphanumeric).collect();
        let source = format!("{}[0-9]{{12}}", regex_syntax::escape(&word));
        let pattern = Pattern::new(&source).unwrap();
        assert!(
            dense(&pattern).stride > 64,
            "the pattern must have more classes than bits"
        );
        assert!(!dense(&pattern).has_runs());
        let valid = format!("{word}012345678901");
        assert!(pattern.is_match(&valid));
        assert!(!pattern.is_match(&valid[1..]));
        assert!(!pattern.is_match(&format!("{valid}0")));
    }
}
