//! `cuecard validate`: every problem, located, or a one-line summary.

use std::io::{self, Write};

use crate::content::Loaded;

/// Writes the summary (valid content) or every problem followed by a count; returns whether the
/// content was valid.
pub fn validate(loaded: &Loaded, out: &mut dyn Write) -> io::Result<bool> {
    if loaded.problems.is_empty() {
        writeln!(out, "ok: {}", loaded.library.counts())?;
        return Ok(true);
    }
    for problem in &loaded.problems {
        writeln!(out, "{problem}")?;
    }
    let n = loaded.problems.len();
    writeln!(
        out,
        "{n} problem{} found; fix {} and run `cuecard validate` again",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" }
    )?;
    Ok(false)
}
