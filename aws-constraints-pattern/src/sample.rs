//! Values generated from a pattern, for differential tests against other engines.
//!
//! A random walk over each branch's automaton-free body: classes yield a random member,
//! repetitions a random count near their bounds, alternations a random branch. Look-around
//! conditions are ignored, so some values violate them: both engines must agree on those
//! too.

use regex_syntax::hir::{Class, Hir, HirKind};

use crate::error::PatternError;

/// A small deterministic generator (xorshift64*), so that a failing case can be replayed
/// from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

/// Up to `count` values the pattern's bodies generate, from `seed`.
///
/// ```
/// let values = aws_constraints_pattern::sample::values("[a-c]{2}x", 7, 3)?;
/// assert_eq!(values.len(), 3);
/// assert!(values.iter().all(|v| v.len() == 3 && v.ends_with('x')));
/// # Ok::<(), aws_constraints_pattern::PatternError>(())
/// ```
pub fn values(pattern: &str, seed: u64, count: usize) -> Result<Vec<String>, PatternError> {
    let program = crate::lower::lower(crate::parse::parse(pattern)?)?;
    let mut rng = Rng(seed | 1);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let branch = &program.branches[i % program.branches.len()];
        let mut value = String::new();
        walk(&branch.body, &mut rng, &mut value);
        out.push(value);
    }
    Ok(out)
}

/// Values longer than this stop growing: the point is the shape, not the size.
const MAX_LEN: usize = 300;

fn walk(hir: &Hir, rng: &mut Rng, out: &mut String) {
    if out.len() > MAX_LEN {
        return;
    }
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => out.push_str(&String::from_utf8_lossy(&lit.0)),
        HirKind::Class(Class::Unicode(class)) => {
            let ranges = class.ranges();
            if ranges.is_empty() {
                return;
            }
            let range = ranges[rng.below(ranges.len() as u64) as usize];
            let (lo, hi) = (range.start() as u64, range.end() as u64);
            // Half the time an end of the range, where off-by-one meanings differ.
            let code = match rng.below(4) {
                0 => lo,
                1 => hi,
                _ => lo + rng.below(hi - lo + 1),
            };
            if let Some(c) = char::from_u32(code as u32) {
                out.push(c);
            }
        }
        HirKind::Class(Class::Bytes(_)) => {}
        HirKind::Repetition(rep) => {
            let max = rep.max.unwrap_or(rep.min + 4).min(rep.min + 4);
            let n = rep.min + rng.below(u64::from(max - rep.min) + 1) as u32;
            for _ in 0..n {
                walk(&rep.sub, rng, out);
            }
        }
        HirKind::Capture(capture) => walk(&capture.sub, rng, out),
        HirKind::Concat(parts) => parts.iter().for_each(|p| walk(p, rng, out)),
        HirKind::Alternation(branches) => {
            let branch = &branches[rng.below(branches.len() as u64) as usize];
            walk(branch, rng, out);
        }
    }
}
