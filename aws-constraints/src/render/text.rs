//! Client text in a rendering: escaped so that it can never forge the rendering's structure.

/// Client text (a value, a map key) as it may appear in a message: the characters that
/// structure a message are written as escapes, so that no client text can close a quote,
/// start a second violation or break a line, even for a reader that splits on `"; "` or
/// searches for `"' at '"`. A quote is `\u{27}`, a `;` is `\u{3b}`, a control character
/// `\u{..}`, a backslash `\\`; everything else is kept.
pub(crate) fn neutralise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    neutralise_into(&mut out, text);
    out
}

/// [`neutralise`], appending to `out`.
pub(crate) fn neutralise_into(out: &mut String, text: &str) {
    use std::fmt::Write;
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == '\'' || c == ';' || c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
}
