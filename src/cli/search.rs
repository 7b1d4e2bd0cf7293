//! `cuecard search`: ranked results from the shell, as lines or JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::search::{Kind, SearchIndex, SearchResult};
use crate::text::inert;

/// The id a result stands for: its question's, or else its competency's.
pub fn result_id<'a>(index: &'a SearchIndex, result: &SearchResult) -> &'a str {
    match result.question {
        Some(q) => &index.questions[q].0,
        None => &index.competencies[result.competency].id,
    }
}

/// Text on one line: newlines and tabs become spaces, anything else that could drive a terminal
/// is escaped.
fn one_line(text: &str) -> String {
    inert(&text.replace(['\n', '\t'], " ")).into_owned()
}

#[derive(Serialize)]
struct ResultLine<'a> {
    id: &'a str,
    kind: Kind,
    competency: &'a str,
    competency_name: &'a str,
    level: Option<usize>,
    contiguous: bool,
    score: i64,
    text: String,
}

/// Prints `ID<TAB>KIND<TAB>TEXT` per result, or one JSON object per line.
pub fn print_results(
    index: &SearchIndex,
    results: &[SearchResult],
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for result in results {
        let id = result_id(index, result);
        if json {
            let competency = &index.competencies[result.competency];
            let line = ResultLine {
                id,
                kind: result.kind,
                competency: &competency.id,
                competency_name: &competency.name,
                level: result.level,
                contiguous: result.contiguous,
                score: result.score,
                text: result.text.clone(),
            };
            writeln!(out, "{}", crate::text::json_line(&line))?;
        } else {
            writeln!(
                out,
                "{id}\t{}\t{}",
                result.kind.label(),
                one_line(&result.text)
            )?;
        }
    }
    Ok(())
}
