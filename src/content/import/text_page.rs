//! A competency page copied from a web page as plain text (select all, copy). Two shapes:
//!
//! - a competency dictionary's page: the title, a definition, `Proficiency Level N - Name`
//!   headings each followed by a statement per line, then `Interview Questions` and a bullet per
//!   question;
//! - a capability framework's page: per capability its name, a definition, then `Level N: Name`
//!   headings each followed by a paragraph.
//!
//! A copied page is one paragraph per line. The lines before a competency's title (navigation,
//! logos, the page's group title) and after its questions (related links, advertising) are left
//! out.

use super::{At, Draft, DraftBehaviors, DraftQuestion, InputProblem, LevelRef, collapse_spaces};

/// Lines that label a part of the page rather than say something.
const LABELS: &[&str] = &[
    "behavior statements",
    "behaviour statements",
    "behaviors",
    "behaviours",
    "behavioral indicators",
    "behavioural indicators",
    "indicators",
    "proficiency levels",
    "levels",
    "definition",
    "description",
];

/// `Proficiency Level 2 - Working experience`, `Level 2: Proficient`, `Level 2`.
fn level_heading(line: &str) -> Option<(usize, Option<String>)> {
    // The words are ASCII: matched on the line itself, whatever its other characters.
    let rest = ["proficiency level", "level"].iter().find_map(|word| {
        let head = line.get(..word.len())?;
        head.eq_ignore_ascii_case(word).then(|| &line[word.len()..])
    })?;
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let n: usize = rest[..digits].parse().ok()?;
    let after = rest[digits..].trim();
    let name = after
        .trim_start_matches([':', '-', '–', '—', '.', ')'])
        .trim();
    if !after.is_empty() && name.len() == after.len() {
        // `Level 2 blah`: a sentence that starts with the word, not a heading.
        return None;
    }
    Some((n, (!name.is_empty()).then(|| name.to_string())))
}

fn is_questions_heading(line: &str) -> bool {
    let lower = line.to_lowercase();
    let lower = lower.trim_end_matches(':');
    matches!(
        lower,
        "interview questions" | "questions" | "sample interview questions" | "sample questions"
    )
}

/// A line that says something: a sentence, or long enough to be one. Navigation, labels and
/// link texts are neither.
fn is_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ')', '"', '”', ':']) || line.split_whitespace().count() > 12
}

/// What web pages put around their content: links, sharing, legal lines.
const NAVIGATION: &[&str] = &[
    "was this page helpful",
    "titles with shared",
    "related",
    "share",
    "subscribe",
    "newsletter",
    "sign in",
    "log in",
    "skip to",
    "back to top",
    "cookie",
    "privacy",
    "terms of",
    "©",
    "all rights reserved",
    "print",
    "advertisement",
    "read more",
];

fn is_navigation(line: &str) -> bool {
    let lower = line.to_lowercase();
    NAVIGATION
        .iter()
        .any(|n| lower.starts_with(n) || (n.len() > 6 && lower.contains(n)))
}

/// A behavior statement as pages write them: a sentence, or a line of three words or more (a
/// list copied from a page has no full stops), and never the page's navigation.
fn is_statement(line: &str) -> bool {
    !is_navigation(line)
        && (is_sentence(line) || super::strip_bullet(line).split_whitespace().count() >= 3)
}

pub(super) fn read(shown: &str, text: &str) -> (Draft, Vec<InputProblem>) {
    let mut draft = Draft::default();
    let mut problems = Vec::new();
    let at = |line: usize| At {
        file: shown.to_string(),
        line,
    };
    // (line number, text) of every line that is not blank.
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, collapse_spaces(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let headings: Vec<usize> = (0..lines.len())
        .filter(|&i| level_heading(&lines[i].1).is_some())
        .collect();
    if headings.is_empty() {
        problems.push(at(0).problem(
            "no level headings found: a copied competency page has `Proficiency Level 1 - Name` \
             or `Level 1: Name` lines; for other layouts, use a CSV or Markdown file (see \
             `cuecard import --help`)",
        ));
        return (draft, problems);
    }
    // A competency starts at a heading whose level does not follow the one before.
    let mut starts: Vec<usize> = Vec::new();
    let mut previous = 0;
    for &h in &headings {
        let (n, _) = level_heading(&lines[h].1).unwrap_or((0, None));
        if starts.is_empty() || n <= previous {
            starts.push(h);
        }
        previous = n;
    }
    // Each competency's title and definition stand just above its first heading.
    let mut tops = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let floor = if k == 0 { 0 } else { starts[k - 1] + 1 };
        let mut i = start;
        while i > floor && LABELS.contains(&lines[i - 1].1.to_lowercase().trim_end_matches(':')) {
            i -= 1;
        }
        let (title, definition) = if i > floor && is_sentence(&lines[i - 1].1) {
            let definition = Some(i - 1);
            if i - 1 > floor {
                (Some(i - 2), definition)
            } else {
                (None, definition)
            }
        } else if i > floor {
            (Some(i - 1), None)
        } else {
            (None, None)
        };
        let Some(title) = title else {
            problems.push(at(lines[start].0).problem(
                "no competency name above this level heading: the page should give the \
                 competency's name, then its definition, before its levels",
            ));
            tops.push((start, start, None));
            continue;
        };
        tops.push((title, start, definition));
    }
    for (k, &(title, start, definition)) in tops.iter().enumerate() {
        let end = tops.get(k + 1).map_or(lines.len(), |next| next.0);
        let (title_line, name) = &lines[title];
        if title == start {
            continue;
        }
        let here = at(*title_line);
        let competency = draft.competency(name, &here);
        if competency.definition.is_none() {
            competency.definition = definition.map(|d| lines[d].1.clone());
        }
        let mut i = start;
        let mut in_questions = false;
        let mut open: Option<DraftBehaviors> = None;
        while i < end {
            let (line_no, line) = &lines[i];
            i += 1;
            if let Some((n, name)) = level_heading(line) {
                competency.behaviors.extend(open.take());
                open = Some(DraftBehaviors {
                    level: LevelRef::Number(n),
                    name,
                    statements: Vec::new(),
                    at: at(*line_no),
                });
                in_questions = false;
                continue;
            }
            if is_questions_heading(line) {
                competency.behaviors.extend(open.take());
                in_questions = true;
                continue;
            }
            if in_questions {
                let question = super::is_bullet(line) || line.ends_with('?');
                if !question || is_navigation(line) {
                    // The questions end where the page's other content begins.
                    break;
                }
                competency.questions.push(DraftQuestion {
                    id: None,
                    text: super::strip_bullet(line).to_string(),
                    level: None,
                    tags: Vec::new(),
                    key_points: Vec::new(),
                    follow_ups: Vec::new(),
                    at: at(*line_no),
                });
            } else if let Some(level) = open.as_mut() {
                if is_statement(line) {
                    level.statements.push(super::strip_bullet(line).to_string());
                } else if !level.statements.is_empty() {
                    // A short line that is no sentence after the statements ends the level:
                    // what follows is the page's, not the competency's.
                    competency.behaviors.extend(open.take());
                }
            }
        }
        competency.behaviors.extend(open);
    }
    // The scale, from the headings' names.
    let mut names: Vec<Option<String>> = Vec::new();
    for competency in &draft.competencies {
        for behaviors in &competency.behaviors {
            if let (LevelRef::Number(n), Some(name)) = (&behaviors.level, &behaviors.name) {
                if names.len() < *n {
                    names.resize(*n, None);
                }
                if let Some(slot) = n.checked_sub(1).and_then(|i| names.get_mut(i))
                    && slot.is_none()
                {
                    *slot = Some(name.clone());
                }
            }
        }
    }
    if !names.is_empty() && names.iter().all(Option::is_some) {
        draft.levels = Some((
            names.into_iter().flatten().collect(),
            at(lines[headings[0]].0),
        ));
    }
    (draft, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_headings_of_both_shapes_are_told_from_sentences() {
        assert_eq!(
            level_heading("Proficiency Level 2 - Working experience"),
            Some((2, Some("Working experience".into())))
        );
        assert_eq!(
            level_heading("Level 3: Advanced"),
            Some((3, Some("Advanced".into())))
        );
        assert_eq!(level_heading("Level 1"), Some((1, None)));
        assert_eq!(level_heading("Level 2 staff handle refunds."), None);
        assert_eq!(level_heading("Levelling the field"), None);
        // Characters whose lowercase is longer do not shift the match.
        assert_eq!(level_heading("İİ Level 2: x"), None);
        assert_eq!(
            level_heading("LEVEL 2 – Ärger"),
            Some((2, Some("Ärger".into())))
        );
    }
}
