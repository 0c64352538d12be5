//! Values generated from a pattern, for differential tests against other engines.
//!
//! A random walk over the parsed pattern: classes yield a random member, repetitions a
//! random count near their bounds, alternations a random branch. Look-around is ignored,
//! so some values violate it: both engines must agree on those too.

use crate::ast::Node;

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

/// Up to `count` values the pattern generates, from `seed`.
///
/// ```
/// let values = aws_constraints_pattern::sample::values("[a-c]{2}x", 7, 3)?;
/// assert_eq!(values.len(), 3);
/// assert!(values.iter().all(|v| v.len() == 3 && v.ends_with('x')));
/// # Ok::<(), aws_constraints_pattern::PatternError>(())
/// ```
pub fn values(pattern: &str, seed: u64, count: usize) -> Result<Vec<String>, PatternError> {
    let node = crate::parse::parse(pattern, true)?;
    let mut rng = Rng(seed | 1);
    Ok((0..count)
        .map(|_| {
            let mut value = String::new();
            walk(&node, &mut rng, &mut value);
            value
        })
        .collect())
}

/// Values longer than this stop growing: the point is the shape, not the size.
const MAX_LEN: usize = 300;

fn walk(node: &Node, rng: &mut Rng, out: &mut String) {
    if out.len() > MAX_LEN {
        return;
    }
    match node {
        Node::Empty | Node::Assert(_) | Node::LookAround(_) | Node::BackRef(_) => {}
        Node::Capture(_, node) => walk(node, rng, out),
        Node::Class(class) => {
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
        Node::Repeat(repeat) => {
            let max = repeat.max.unwrap_or(repeat.min + 4).min(repeat.min + 4);
            let n = repeat.min + rng.below(u64::from(max - repeat.min) + 1) as u32;
            for _ in 0..n {
                walk(&repeat.node, rng, out);
            }
        }
        Node::Concat(items) => items.iter().for_each(|item| walk(item, rng, out)),
        Node::Alternation(branches) => {
            let branch = &branches[rng.below(branches.len() as u64) as usize];
            walk(branch, rng, out);
        }
    }
}
