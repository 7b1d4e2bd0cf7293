//! `cuecard list`: frameworks and competencies with their counts.

use std::io::{self, Write};

use serde::Serialize;

use crate::content::{Competency, Framework, Library};
use crate::text::inert;

/// A framework heading, then one line per competency: id, name, behaviors per level, questions.
pub fn list(library: &Library, out: &mut dyn Write) -> io::Result<()> {
    for framework in &library.frameworks {
        writeln!(
            out,
            "{} ({}): {}",
            inert(&framework.name),
            framework.id,
            framework
                .levels
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{} {}", i + 1, inert(l)))
                .collect::<Vec<_>>()
                .join(" · ")
        )?;
        let width = framework
            .competencies
            .iter()
            .map(|c| c.id.len())
            .max()
            .unwrap_or(0);
        for competency in &framework.competencies {
            let per_level = behaviors_per_level(competency)
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("/");
            writeln!(
                out,
                "  {:width$}  behaviors {per_level:<11}  questions {:<3}  {}",
                competency.id,
                competency.questions.len(),
                inert(&competency.name),
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct CompetencyLine<'a> {
    id: &'a str,
    name: &'a str,
    framework: &'a str,
    framework_name: &'a str,
    levels: &'a [String],
    behaviors: Vec<usize>,
    questions: usize,
    tags: &'a [String],
}

/// One JSON object per competency per line.
pub fn list_json(library: &Library, out: &mut dyn Write) -> io::Result<()> {
    for framework in &library.frameworks {
        for competency in &framework.competencies {
            let line = json_line(framework, competency);
            writeln!(out, "{}", crate::text::json_line(&line))?;
        }
    }
    Ok(())
}

fn json_line<'a>(framework: &'a Framework, competency: &'a Competency) -> CompetencyLine<'a> {
    CompetencyLine {
        id: &competency.id,
        name: &competency.name,
        framework: &framework.id,
        framework_name: &framework.name,
        levels: &framework.levels,
        behaviors: behaviors_per_level(competency),
        questions: competency.questions.len(),
        tags: &competency.tags,
    }
}

fn behaviors_per_level(competency: &Competency) -> Vec<usize> {
    competency.behaviors.iter().map(Vec::len).collect()
}
