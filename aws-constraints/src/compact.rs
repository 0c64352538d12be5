//! Owned text that costs no allocation when short: what a violation keeps of what a client
//! sent (a map key in its path, the value its message echoes). Every violation owns such
//! text, and most of it (tag keys, names, tokens) is a few bytes long.

/// How many bytes are kept inline: as many as fit beside the variant's tag, a flag and the
/// length in the 24 bytes a boxed string takes with its tag.
pub(crate) const INLINE_BYTES: usize = 21;

/// Text, inline up to [`INLINE_BYTES`] and boxed beyond, with a mark its owner chooses (a
/// key's sensitivity, or nothing). The mark is inside each variant because a mark beside
/// the enum would pad it from 24 bytes to 32, and everything that holds it.
#[derive(Clone)]
pub(crate) enum CompactText<M: Copy> {
    Inline {
        mark: M,
        len: u8,
        bytes: [u8; INLINE_BYTES],
    },
    Heap {
        mark: M,
        text: Box<str>,
    },
}

impl<M: Copy> CompactText<M> {
    #[inline]
    pub(crate) fn new(text: &str, mark: M) -> Self {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= INLINE_BYTES => {
                let mut bytes = [0; INLINE_BYTES];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                CompactText::Inline { mark, len, bytes }
            }
            _ => CompactText::Heap {
                mark,
                text: text.into(),
            },
        }
    }

    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match self {
            // The bytes are a whole `&str`'s, copied: always UTF-8, the default never used.
            CompactText::Inline { len, bytes, .. } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            CompactText::Heap { text, .. } => text,
        }
    }

    pub(crate) fn mark(&self) -> M {
        match *self {
            CompactText::Inline { mark, .. } | CompactText::Heap { mark, .. } => mark,
        }
    }

    pub(crate) fn set_mark(&mut self, to: M) {
        match self {
            CompactText::Inline { mark, .. } | CompactText::Heap { mark, .. } => *mark = to,
        }
    }
}

/// Texts of every length from empty to well past [`INLINE_BYTES`], of one-, two- and
/// four-byte characters: for the tests of what keeps its text here.
#[cfg(test)]
pub(crate) fn texts_around_the_inline_limit() -> Vec<String> {
    (0..3 * INLINE_BYTES)
        .flat_map(|n| {
            [
                "k".repeat(n),
                "é".repeat(n / 2),
                format!("{}😀", "a".repeat(n)),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_kept_whole_inline_or_boxed() {
        for text in texts_around_the_inline_limit() {
            let compact = CompactText::new(&text, true);
            assert_eq!(compact.as_str(), text);
            assert!(compact.mark());
            let inline = matches!(compact, CompactText::Inline { .. });
            assert_eq!(inline, text.len() <= INLINE_BYTES, "{text:?}");
        }
    }

    #[test]
    fn the_mark_costs_no_space() {
        assert_eq!(std::mem::size_of::<CompactText<bool>>(), 24);
        assert_eq!(std::mem::size_of::<CompactText<()>>(), 24);
    }
}
