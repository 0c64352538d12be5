//! Each rendering of a report in a module of its own: AWS's message (`aws`), the
//! Smithy-framework body (`smithy`), the JSON a program reads (`json`), and the escaping of
//! client text they share (`text`). Arrows run one way: a rendering reads the report
//! (`crate::report`, `crate::path`) and Java's behaviours (`crate::java`), never the reverse.

mod aws;
mod json;
mod smithy;
pub(crate) mod text;
