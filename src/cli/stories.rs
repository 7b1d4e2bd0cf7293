//! `cuecard stories`: the story bank from the command line — list, add, the coverage map, and the
//! whole bank as one Markdown document.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::content::Library;
use crate::store::stories::StoryStore;
use crate::stories::{self, CoverageRow, Story};
use crate::text::inert;

/// The stories of the data directory, read and checked (see [`StoryStore::read_bank`]).
pub fn read_bank(store: &StoryStore, library: &Library) -> (Vec<Story>, Vec<String>) {
    store.read_bank(library)
}

/// `ID<TAB>TITLE<TAB>COMPETENCIES<TAB>N questions<TAB>N words`, or one JSON object per story.
pub fn list(stories: &[Story], json: bool, out: &mut dyn Write) -> io::Result<()> {
    for story in stories {
        if json {
            let value = serde_json::json!({
                "id": story.id,
                "title": story.title,
                "competencies": story.competencies.iter().map(|e| serde_json::json!({
                    "competency": e.competency,
                    "level": e.level,
                    "behaviors": e.behaviors,
                })).collect::<Vec<_>>(),
                "questions": story.questions,
                "words": story.words(),
                "speaking_seconds": crate::practice::speaking_seconds(story.words()),
            });
            writeln!(out, "{}", crate::text::json_line(&value))?;
        } else {
            let competencies: Vec<String> = story
                .competencies
                .iter()
                .map(|e| format!("{}@{}", e.competency, e.level))
                .collect();
            writeln!(
                out,
                "{}\t{}\t{}\t{} question{}\t{} word{}",
                story.id,
                inert(&story.title),
                competencies.join(" "),
                story.questions.len(),
                if story.questions.len() == 1 { "" } else { "s" },
                story.words(),
                if story.words() == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(())
}

/// `ID[@LEVEL]` of `stories add`: the competency (as `chosen_competencies` finds it) and its
/// level, the framework's target level when none is given.
pub fn evidence_arg(
    library: &Library,
    arg: &str,
    targets: &BTreeMap<String, usize>,
) -> Result<(String, usize), String> {
    let (name, level) = match arg.rsplit_once('@') {
        Some((name, level)) => {
            let level = level
                .parse::<usize>()
                .map_err(|_| format!("`{}`: the level after @ is a number", inert(arg)))?;
            (name, Some(level))
        }
        None => (arg, None),
    };
    let chosen = crate::practice::chosen_competencies(library, &[name.to_string()])?;
    let [competency] = chosen.as_slice() else {
        return Err(format!(
            "`{}` is a framework: name one of its competencies, as in {}/ID",
            inert(name),
            inert(name)
        ));
    };
    let framework = competency.id.split('/').next().unwrap_or_default();
    let scale = competency.behaviors.len();
    let level = level
        .or_else(|| targets.get(framework).copied())
        .ok_or_else(|| {
            format!(
                "give the level the story shows: {}@N (1 to {scale}), or set a target level with \
             `cuecard rehearse --level N`",
                competency.id
            )
        })?;
    if !(1..=scale).contains(&level) {
        return Err(format!(
            "level {level} is not on {}'s scale: use 1 to {scale}",
            competency.name
        ));
    }
    Ok((competency.id.clone(), level))
}

/// The map as a table: a row per competency, a column per level, `gap` where fewer than two
/// stories reach the target level.
pub fn print_coverage(rows: &[CoverageRow], json: bool, out: &mut dyn Write) -> io::Result<()> {
    if json {
        for row in rows {
            let value = serde_json::json!({
                "competency": row.competency,
                "stories": row.stories,
                "target": row.target,
                "gap": row.gap,
                "uncovered_behaviors": row.uncovered.iter().map(|(level, text)| serde_json::json!({
                    "level": level, "text": text,
                })).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", crate::text::json_line(&value))?;
        }
        return Ok(());
    }
    let width = rows.iter().map(|r| r.competency.len()).max().unwrap_or(0);
    for row in rows {
        let cells: Vec<String> = row
            .stories
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mark = if row.target == Some(i + 1) { "*" } else { "" };
                format!("L{}{mark} {n}", i + 1)
            })
            .collect();
        writeln!(
            out,
            "{:width$}  {}  {}",
            row.competency,
            cells.join("  "),
            if row.gap {
                format!("gap: fewer than {} stories", stories::ENOUGH)
            } else {
                "ok".to_string()
            }
        )?;
    }
    let gaps = rows.iter().filter(|r| r.gap).count();
    let at = if rows.iter().any(|r| r.target.is_some()) {
        "at or above the target level (*)"
    } else {
        "at any level (no target level: give --level N, or set one with `cuecard rehearse --level N`)"
    };
    writeln!(
        out,
        "{gaps} of {} competencies with fewer than {} stories {at}",
        rows.len(),
        stories::ENOUGH
    )?;
    Ok(())
}

/// The whole bank as one Markdown document.
pub fn export(stories: &[Story], library: &Library, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Story bank\n")?;
    for story in stories {
        writeln!(out, "## {}\n", inert(&story.title))?;
        let competencies: Vec<String> = story
            .competencies
            .iter()
            .map(|e| {
                let name = library
                    .competency(&e.competency)
                    .map_or(e.competency.as_str(), |c| c.name.as_str());
                format!("{} (level {})", inert(name), e.level)
            })
            .collect();
        if !competencies.is_empty() {
            writeln!(out, "*Evidences:* {}\n", competencies.join(", "))?;
        }
        if !story.summary.is_empty() {
            writeln!(out, "*In 90 seconds:* {}\n", inert(&story.summary))?;
        }
        for question in &story.questions {
            if let Some(q) = library.question(question) {
                writeln!(out, "- Answers: {}", inert(&q.text))?;
            }
        }
        if !story.questions.is_empty() {
            writeln!(out)?;
        }
        for (heading, text) in story.sections() {
            if !text.trim().is_empty() {
                writeln!(out, "### {}\n\n{}\n", inert(&heading), inert(&text))?;
            }
        }
    }
    Ok(())
}

/// A new story file with `title`, evidencing `competencies` and answering `questions`.
pub fn add(
    store: &StoryStore,
    library: &Library,
    title: &str,
    competencies: &[(String, usize)],
    questions: &[String],
) -> Result<std::path::PathBuf, String> {
    if title.trim().is_empty() {
        return Err("the title is empty: --title \"…\"".to_string());
    }
    for question in questions {
        if library.question(question).is_none() {
            return Err(format!(
                "no question `{}`: give its full id (`cuecard search` prints ids)",
                inert(question)
            ));
        }
    }
    let text = stories::new_story(title.trim(), competencies, questions);
    let (_, path) = store.create(title, &text).map_err(|e| e.to_string())?;
    Ok(path)
}
