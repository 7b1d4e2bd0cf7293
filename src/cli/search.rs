//! `cuecard search`: ranked results from the shell, as lines or JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::search::{Kind, SearchIndex, SearchResult};
use crate::text::inert;

/// The id a result stands for: its question's, or else its competency's.
pub fn result_id<'a>(index: &'a SearchIndex, result: &SearchResult) -> &'a str {
    match (result.story, result.question) {
        (Some(s), _) => &index.stories[s].id,
        (None, Some(q)) => &index.questions[q].0,
        (None, None) => &index.competencies[result.competency].id,
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
            // A story that evidences no competency has none to name.
            let competency = match result.story {
                Some(s) => index.stories[s].competency.map(|c| &index.competencies[c]),
                None => Some(&index.competencies[result.competency]),
            };
            let line = ResultLine {
                id,
                kind: result.kind,
                competency: competency.map_or("", |c| c.id.as_str()),
                competency_name: competency.map_or("", |c| c.name.as_str()),
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
