//! `@http` URI templates, matched against a request's raw path and query string.
//!
//! A path is split on `/` before it is percent-decoded, so that an encoded `/` (`%2F`)
//! stays inside its label, as the SDKs send it; each label is decoded after the split.

use std::fmt;

/// A URI template: `/things/{thingName}`, `/{Bucket}/{Key+}?uploads`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Template {
    segments: Vec<Segment>,
    /// Literal query parameters the template requires (`?uploads`, `?x-id=GetObject`).
    query: Vec<(String, Option<String>)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Label(String),
    /// `{name+}`: one or more segments, `/` included.
    Greedy(String),
}

/// Why a template could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TemplateError(String);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Template {
    pub(crate) fn parse(uri: &str) -> Result<Template, TemplateError> {
        let (path, query) = match uri.split_once('?') {
            Some((path, query)) => (path, query),
            None => (uri, ""),
        };
        let Some(path) = path.strip_prefix('/') else {
            return Err(TemplateError(format!("`{uri}` does not start with `/`")));
        };
        let mut segments = Vec::new();
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            let label = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}'));
            segments.push(match label {
                Some(name) if name.ends_with('+') => {
                    Segment::Greedy(name.trim_end_matches('+').to_owned())
                }
                Some(name) if !name.is_empty() => Segment::Label(name.to_owned()),
                Some(_) => return Err(TemplateError(format!("`{uri}` has an empty label"))),
                None if segment.contains(['{', '}']) => {
                    return Err(TemplateError(format!(
                        "`{uri}`: a label takes a whole segment ({segment})"
                    )))
                }
                None => Segment::Literal(segment.to_owned()),
            });
        }
        let query = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
                None => (pair.to_owned(), None),
            })
            .collect();
        Ok(Template { segments, query })
    }

    /// How specific the template is, for choosing between two that match: more literal
    /// segments first, then more literal query parameters, greedy labels last.
    pub(crate) fn specificity(&self) -> (usize, usize, usize, bool) {
        let literals = self
            .segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count();
        let greedy = self
            .segments
            .iter()
            .any(|s| matches!(s, Segment::Greedy(_)));
        (literals, self.query.len(), self.segments.len(), !greedy)
    }

    /// The labels' values (percent-decoded) when `path` and `query` match, else `None`.
    /// A label's value that is not UTF-8 once decoded is `Err` with the label's name.
    pub(crate) fn matches(
        &self,
        path: &str,
        query: &[(String, String)],
    ) -> Option<Vec<(String, Result<String, ()>)>> {
        let required = self.query.iter().all(|(key, value)| {
            query
                .iter()
                .any(|(k, v)| k == key && value.as_ref().is_none_or(|value| value == v))
        });
        if !required {
            return None;
        }
        let path = path.strip_prefix('/').unwrap_or(path);
        let parts: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        let mut labels = Vec::new();
        let mut at = 0;
        for (index, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Literal(literal) => {
                    if parts.get(at).map(|p| percent_decode(p)) != Some(Ok(literal.clone())) {
                        return None;
                    }
                    at += 1;
                }
                Segment::Label(name) => {
                    let part = parts.get(at).filter(|p| !p.is_empty())?;
                    labels.push((name.clone(), percent_decode(part)));
                    at += 1;
                }
                Segment::Greedy(name) => {
                    // The segments after the greedy label are literals or labels of one
                    // segment each: the greedy label takes what they leave.
                    let after = self.segments.len() - index - 1;
                    let end = parts.len().checked_sub(after)?;
                    if end <= at {
                        return None;
                    }
                    let value = parts[at..end].join("/");
                    if value.is_empty() {
                        return None;
                    }
                    labels.push((name.clone(), percent_decode(&value)));
                    at = end;
                }
            }
        }
        // A trailing `/` is the same path.
        let rest = &parts[at.min(parts.len())..];
        if !(rest.is_empty() || rest == [""]) {
            return None;
        }
        Some(labels)
    }
}

/// `%XX` sequences decoded; `Err` when the bytes are not UTF-8 or an escape is broken.
pub(crate) fn percent_decode(text: &str) -> Result<String, ()> {
    if !text.contains('%') {
        return Ok(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).ok_or(())?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| ())?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ())
}

/// A query string's parameters, in order, names and values percent-decoded (`+` is a
/// plus: the SDKs encode a space as `%20`). A parameter without `=` has an empty value.
pub(crate) fn query_pairs(query: &str) -> Result<Vec<(String, String)>, String> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (percent_decode(key), percent_decode(value)) {
                (Ok(k), Ok(v)) => Ok((k, v)),
                _ => Err(format!(
                    "the query parameter `{pair}` is not percent-encoded UTF-8"
                )),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(template: &str, path: &str) -> Option<Vec<(String, String)>> {
        let query = path.split_once('?').map_or("", |(_, q)| q);
        let path = path.split('?').next().unwrap_or("");
        Template::parse(template)
            .unwrap()
            .matches(path, &query_pairs(query).unwrap())
            .map(|ls| ls.into_iter().map(|(k, v)| (k, v.unwrap())).collect())
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn labels_are_cut_before_they_are_decoded() {
        assert_eq!(
            labels("/things/{thingName}", "/things/a%2Fb"),
            Some(pairs(&[("thingName", "a/b")]))
        );
        assert_eq!(labels("/things/{thingName}", "/things/a/b"), None);
        assert_eq!(labels("/things/{thingName}", "/things/"), None);
        assert_eq!(labels("/things/{thingName}", "/other/a"), None);
    }

    #[test]
    fn a_greedy_label_takes_what_the_segments_after_it_leave() {
        assert_eq!(
            labels("/{Bucket}/{Key+}", "/b/a/b%20c/d"),
            Some(pairs(&[("Bucket", "b"), ("Key", "a/b c/d")]))
        );
        assert_eq!(
            labels("/greedy/{prefix+}/suffix", "/greedy/a/b/suffix"),
            Some(pairs(&[("prefix", "a/b")]))
        );
        assert_eq!(labels("/greedy/{prefix+}/suffix", "/greedy/suffix"), None);
    }

    #[test]
    fn literal_query_parameters_are_required() {
        assert_eq!(
            labels("/{Bucket}?uploads", "/b?uploads"),
            Some(pairs(&[("Bucket", "b")]))
        );
        assert_eq!(labels("/{Bucket}?uploads", "/b"), None);
        assert_eq!(labels("/{Key}?x-id=GetObject", "/k?x-id=PutObject"), None);
    }

    #[test]
    fn broken_escapes_are_errors_not_panics() {
        assert_eq!(percent_decode("%"), Err(()));
        assert_eq!(percent_decode("%zz"), Err(()));
        assert_eq!(percent_decode("%ff"), Err(()));
        assert_eq!(percent_decode("%e2%82"), Err(()));
        assert_eq!(percent_decode("%C3%A9"), Ok("é".into()));
        assert!(query_pairs("a=%").is_err());
        assert!(Template::parse("no-slash").is_err());
        assert!(Template::parse("/a{b}").is_err());
    }
}
