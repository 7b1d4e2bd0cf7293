//! A framework written in Markdown:
//!
//! ```text
//! # Framework name
//! A paragraph describing it.
//! Levels: Novice, Competent, Expert
//!
//! ## Competency name
//! Its definition.
//! ### Level 1: Novice        (or ### Novice)
//! - a behavior
//! ### Questions
//! - a question
//!   - a key point
//!   - Follow-up: a follow-up
//!   - Level: 2
//!   - Tags: behavioral
//! ### Study
//! - a topic
//! ```

use super::{At, Draft, DraftBehaviors, DraftQuestion, InputProblem, LevelRef, collapse_spaces};

/// Where the lines under the current heading go.
#[derive(Debug, Clone, PartialEq)]
enum Section {
    Top,
    Definition,
    Level(usize),
    Questions,
    Study,
    /// A heading cuecard has no place for: its lines are reported once, at the heading.
    Unknown,
}

pub(super) fn read(shown: &str, text: &str) -> (Draft, Vec<InputProblem>) {
    let mut draft = Draft::default();
    let mut problems = Vec::new();
    let at = |line: usize| At {
        file: shown.to_string(),
        line,
    };
    let mut section = Section::Top;
    let mut current: Option<usize> = None;
    let mut description: Vec<String> = Vec::new();
    let mut definition: Vec<String> = Vec::new();
    let mut in_code = false;
    // The indentation of the open question's bullet.
    let mut question_indent: Option<usize> = None;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let here = at(line_no);
        let trimmed = raw.trim();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || trimmed.is_empty() || trimmed.starts_with("<!--") {
            continue;
        }
        let hashes = trimmed.bytes().take_while(|b| *b == b'#').count();
        if hashes > 0 && trimmed[hashes..].starts_with(' ') {
            let title = trimmed[hashes..].trim().trim_end_matches('#').trim();
            question_indent = None;
            match hashes {
                1 if draft.name.is_none() => {
                    draft.name = Some(title.to_string());
                    section = Section::Top;
                }
                1 | 2 => {
                    finish_definition(&mut draft, current, &mut definition);
                    draft.competency(title, &here);
                    current = draft
                        .competencies
                        .iter()
                        .position(|c| super::name_key(&c.name) == super::name_key(title));
                    section = Section::Definition;
                }
                _ => {
                    finish_definition(&mut draft, current, &mut definition);
                    let Some(index) = current else {
                        problems.push(here.problem(
                            "a `###` heading before any `## Competency` heading: put the \
                             competency's `## Name` first",
                        ));
                        section = Section::Unknown;
                        continue;
                    };
                    section = heading_section(title);
                    if section == Section::Unknown {
                        match level_heading(title) {
                            Some(level) => {
                                let competency = &mut draft.competencies[index];
                                competency.behaviors.push(DraftBehaviors {
                                    name: match level {
                                        LevelRef::Number(_) => level_name(title),
                                        LevelRef::Name(_) => None,
                                    },
                                    level,
                                    statements: Vec::new(),
                                    at: here.clone(),
                                });
                                section = Section::Level(competency.behaviors.len() - 1);
                            }
                            None => problems.push(here.problem(format!(
                                "`### {title}` is not a level, `Questions` or `Study`: name a \
                                 level (`### Level 2: Name` or the level's name), or remove the \
                                 section"
                            ))),
                        }
                    }
                }
            }
            continue;
        }
        match section {
            Section::Top => {
                if let Some(levels) = levels_line(trimmed) {
                    draft.levels = Some((levels, here));
                } else if draft.name.is_some() {
                    description.push(trimmed.to_string());
                }
            }
            Section::Definition => definition.push(trimmed.to_string()),
            Section::Level(slot) => {
                if let Some(index) = current {
                    let statements = &mut draft.competencies[index].behaviors[slot].statements;
                    push_item(statements, trimmed);
                }
            }
            Section::Study => {
                if let Some(index) = current {
                    push_item(&mut draft.competencies[index].study, trimmed);
                }
            }
            Section::Questions => {
                let Some(index) = current else { continue };
                let indent = raw.len() - raw.trim_start().len();
                let questions = &mut draft.competencies[index].questions;
                let bullet = super::is_bullet(trimmed);
                let item = collapse_spaces(super::strip_bullet(trimmed));
                match question_indent {
                    Some(top) if bullet && indent > top => {
                        if let Some(question) = questions.last_mut() {
                            nested(question, &item, &here, &mut problems);
                        }
                    }
                    _ if bullet => {
                        question_indent = Some(indent);
                        questions.push(DraftQuestion {
                            id: None,
                            text: item,
                            level: None,
                            tags: Vec::new(),
                            key_points: Vec::new(),
                            follow_ups: Vec::new(),
                            at: here.clone(),
                        });
                    }
                    // A line that is no bullet continues what stands above it.
                    _ => {
                        if let Some(question) = questions.last_mut() {
                            let last = question
                                .follow_ups
                                .last_mut()
                                .filter(|_| question.key_points.is_empty())
                                .or(question.key_points.last_mut())
                                .unwrap_or(&mut question.text);
                            last.push(' ');
                            last.push_str(&item);
                        } else {
                            problems.push(here.problem(
                                "text under `### Questions` that is not a `- question` bullet: \
                                 start each question with `- `",
                            ));
                        }
                    }
                }
            }
            Section::Unknown => {}
        }
    }
    finish_definition(&mut draft, current, &mut definition);
    if !description.is_empty() {
        draft.description = Some(collapse_spaces(&description.join(" ")));
    }
    if draft.name.is_none() && draft.competencies.is_empty() {
        problems.push(at(1).problem(
            "no `# Framework name` and no `## Competency` heading: see `cuecard import --help` \
             for the Markdown layout",
        ));
    }
    (draft, problems)
}

/// A bullet starts an item; a line without one continues the item above it.
fn push_item(items: &mut Vec<String>, line: &str) {
    match items.last_mut() {
        Some(last) if !super::is_bullet(line) => {
            last.push(' ');
            last.push_str(line);
        }
        _ => items.push(collapse_spaces(super::strip_bullet(line))),
    }
}

fn finish_definition(draft: &mut Draft, current: Option<usize>, lines: &mut Vec<String>) {
    if let Some(index) = current
        && !lines.is_empty()
    {
        let competency = &mut draft.competencies[index];
        if competency.definition.is_none() {
            competency.definition = Some(collapse_spaces(&lines.join(" ")));
        }
    }
    lines.clear();
}

fn heading_section(title: &str) -> Section {
    let key = title.to_lowercase();
    let key = key.trim_end_matches(':');
    match key {
        "questions" | "interview questions" | "sample questions" | "sample interview questions" => {
            Section::Questions
        }
        "study" | "study topics" | "topics" | "to study" => Section::Study,
        _ => Section::Unknown,
    }
}

/// `Level 2: Name`, `Level 2 - Name`, `Level 2`, or a bare level name.
fn level_heading(title: &str) -> Option<LevelRef> {
    let lower = title.to_lowercase();
    let Some(rest) = lower
        .strip_prefix("proficiency level")
        .or_else(|| lower.strip_prefix("level"))
    else {
        return Some(LevelRef::Name(title.to_string()));
    };
    let rest = rest.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<usize>() {
        Ok(n) => Some(LevelRef::Number(n)),
        Err(_) => None,
    }
    .or_else(|| Some(LevelRef::Name(title.to_string())))
}

/// The name a `### Level N: Name` heading gives its level.
pub(super) fn level_name(title: &str) -> Option<String> {
    let (_, name) = title.split_once([':', '-', '–', '—'])?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// `Levels: A, B, C` (or `Scale:`).
fn levels_line(line: &str) -> Option<Vec<String>> {
    let (label, rest) = line.split_once(':')?;
    let label = label.trim().trim_matches('*').trim().to_lowercase();
    if !matches!(label.as_str(), "levels" | "scale" | "proficiency levels") {
        return None;
    }
    let levels: Vec<String> = rest
        .split([',', ';'])
        .map(|l| l.trim().trim_matches('*').trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    (!levels.is_empty()).then_some(levels)
}

/// A bullet nested under a question: a key point, or a follow-up, a level or tags when it says so.
fn nested(question: &mut DraftQuestion, item: &str, at: &At, problems: &mut Vec<InputProblem>) {
    let labelled = |label: &str| -> Option<String> {
        let (head, rest) = item.split_once(':')?;
        let head = head.trim().to_lowercase().replace(['-', ' '], "");
        (head == label).then(|| rest.trim().to_string())
    };
    if let Some(text) = labelled("followup").or_else(|| labelled("probe")) {
        question.follow_ups.push(text);
    } else if let Some(text) = labelled("level") {
        match LevelRef::parse(&text) {
            Some(level) => question.level = Some(level),
            None => problems.push(at.problem("`Level:` is empty: give the question's level")),
        }
    } else if let Some(text) = labelled("tags") {
        question.tags = super::csv_input::tags(&text);
    } else {
        question.key_points.push(item.to_string());
    }
}
