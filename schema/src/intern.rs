//! Text and sensitivities of a model, kept for the life of the process.
//!
//! The runtime's reports hold what the derive writes as literals (`&'static str` wire names,
//! patterns and enum value sets), so that a violation costs no copy of them. A model read at
//! run time gives the same: each distinct string, list of strings and sensitivity is stored
//! once per process and shared by every validator after it. Building validators for the same
//! models again stores nothing new; the total is bounded by the distinct text of the models
//! read (all of AWS's, a few megabytes).

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock, PoisonError};

use aws_constraints::path::Sensitivity;

fn strings() -> &'static Mutex<HashSet<&'static str>> {
    static STRINGS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    STRINGS.get_or_init(Mutex::default)
}

/// `text`, stored once per process.
pub(crate) fn str(text: &str) -> &'static str {
    // A poisoned lock only means another thread panicked while holding it; the set is
    // still whole (an insert either happened or did not).
    let mut strings = strings().lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(stored) = strings.get(text) {
        return stored;
    }
    let stored: &'static str = Box::leak(text.into());
    strings.insert(stored);
    stored
}

/// A list of strings, stored once per process.
pub(crate) fn strs(texts: &[String]) -> &'static [&'static str] {
    static LISTS: OnceLock<Mutex<HashSet<&'static [&'static str]>>> = OnceLock::new();
    let list: Vec<&'static str> = texts.iter().map(|text| str(text)).collect();
    let mut lists = LISTS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(stored) = lists.get(list.as_slice()) {
        return stored;
    }
    let stored: &'static [&'static str] = Box::leak(list.into_boxed_slice());
    lists.insert(stored);
    stored
}

/// A sensitivity, stored once per process (collections' sensitivities nest by reference).
pub(crate) fn sensitivity(sensitivity: Sensitivity) -> &'static Sensitivity {
    static SENSITIVITIES: OnceLock<Mutex<HashSet<&'static Sensitivity>>> = OnceLock::new();
    let mut stored = SENSITIVITIES
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(existing) = stored.get(&sensitivity) {
        return existing;
    }
    let leaked: &'static Sensitivity = Box::leak(Box::new(sensitivity));
    stored.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_text_is_stored_once() {
        let a = super::str(&String::from("Name"));
        let b = super::str("Name");
        assert!(std::ptr::eq(a, b));
        let x = super::strs(&["A".into(), "B".into()]);
        let y = super::strs(&["A".into(), "B".into()]);
        assert!(std::ptr::eq(x, y));
    }
}
