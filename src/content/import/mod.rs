//! `cuecard import`: a framework or a question bank from a spreadsheet (CSV, TSV), Markdown, or a
//! competency page copied as plain text, turned into content files of the usual format.
//!
//! Reading ([`read`]) gives a [`Draft`] that still speaks the input's language (level names,
//! competency names, lines of the input file); [`plan`] resolves it against the framework it goes
//! into and gives the files to write; [`Plan::apply`] writes them. Every problem is located in the
//! input file.

mod csv_input;
mod markdown;
mod plan;
mod text_page;

use std::fmt;
use std::path::Path;

pub use plan::{
    FileAction, ImportOptions, ImportedCompetency, Plan, PlannedFile, action as recheck, per_level,
    plan,
};

/// A place in an input file: its name as given and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub file: String,
    pub line: usize,
}

/// Something in the input that cannot be imported, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub at: At,
    pub message: String,
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.line == 0 {
            write!(f, "{}: {}", self.at.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.at.file, self.at.line, self.message)
        }
    }
}

impl At {
    pub(crate) fn problem(&self, message: impl Into<String>) -> InputProblem {
        InputProblem {
            at: self.clone(),
            message: message.into(),
        }
    }
}

/// A level as the input names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelRef {
    Number(usize),
    Name(String),
}

impl LevelRef {
    /// A cell or heading's level: a whole number, or a name.
    pub(crate) fn parse(text: &str) -> Option<LevelRef> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let digits = text
            .strip_prefix("Level")
            .or_else(|| text.strip_prefix("level"))
            .unwrap_or(text)
            .trim();
        match digits.parse::<usize>() {
            Ok(n) => Some(LevelRef::Number(n)),
            Err(_) => Some(LevelRef::Name(text.to_string())),
        }
    }
}

/// What the input says, before it is fitted to a framework.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub name: Option<String>,
    pub description: Option<String>,
    /// The scale the input declares, with where it says so.
    pub levels: Option<(Vec<String>, At)>,
    pub competencies: Vec<DraftCompetency>,
    /// What was left out of the input, said but not in the way.
    pub warnings: Vec<InputProblem>,
}

#[derive(Debug, Clone)]
pub struct DraftCompetency {
    /// The name, or an id of an existing competency (a bank's `competency` cell may hold either).
    pub name: String,
    pub definition: Option<String>,
    pub behaviors: Vec<DraftBehaviors>,
    pub questions: Vec<DraftQuestion>,
    pub study: Vec<String>,
    pub at: At,
}

/// One level's statements.
#[derive(Debug, Clone)]
pub struct DraftBehaviors {
    pub level: LevelRef,
    /// The level's name, when a numbered heading gives one (`Level 2: Working`).
    pub name: Option<String>,
    pub statements: Vec<String>,
    pub at: At,
}

#[derive(Debug, Clone)]
pub struct DraftQuestion {
    pub id: Option<String>,
    pub text: String,
    pub level: Option<LevelRef>,
    pub tags: Vec<String>,
    pub key_points: Vec<String>,
    pub follow_ups: Vec<String>,
    pub at: At,
}

impl Draft {
    /// The competency named `name` (any case and spacing), added when new.
    pub(crate) fn competency(&mut self, name: &str, at: &At) -> &mut DraftCompetency {
        let key = name_key(name);
        let index = match self
            .competencies
            .iter()
            .position(|c| name_key(&c.name) == key)
        {
            Some(index) => index,
            None => {
                self.competencies.push(DraftCompetency {
                    name: collapse_spaces(name),
                    definition: None,
                    behaviors: Vec::new(),
                    questions: Vec::new(),
                    study: Vec::new(),
                    at: at.clone(),
                });
                self.competencies.len() - 1
            }
        };
        &mut self.competencies[index]
    }

    /// Adds what `other` (another input file) holds.
    fn merge(&mut self, other: Draft, problems: &mut Vec<InputProblem>) {
        self.warnings.extend(other.warnings);
        if self.name.is_none() {
            self.name = other.name;
        }
        if self.description.is_none() {
            self.description = other.description;
        }
        match (&self.levels, other.levels) {
            (None, levels) => self.levels = levels,
            (Some((mine, first)), Some((theirs, at))) if *mine != theirs => {
                problems.push(at.problem(format!(
                    "this file's levels ({}) differ from those of {}:{} ({}): import the files \
                     separately, or give the scale with --levels",
                    theirs.join(", "),
                    first.file,
                    first.line,
                    mine.join(", ")
                )));
            }
            _ => {}
        }
        for competency in other.competencies {
            let at = competency.at.clone();
            let mine = self.competency(&competency.name, &at);
            if mine.definition.is_none() {
                mine.definition = competency.definition;
            }
            mine.behaviors.extend(competency.behaviors);
            mine.questions.extend(competency.questions);
            mine.study.extend(competency.study);
        }
    }
}

/// How names are compared: case, accents kept, runs of spaces as one.
pub(crate) fn name_key(name: &str) -> String {
    collapse_spaces(name).to_lowercase()
}

pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kinds of input, told by extension and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Tsv,
    Markdown,
    Text,
}

fn format_of(path: &Path, text: &str) -> Format {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => return Format::Csv,
        "tsv" | "tab" => return Format::Tsv,
        "md" | "markdown" => return Format::Markdown,
        "txt" | "text" => return Format::Text,
        _ => {}
    }
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let lower = first.to_lowercase();
    if first.trim_start().starts_with("# ") {
        Format::Markdown
    } else if lower.contains("competency") && first.contains('\t') {
        Format::Tsv
    } else if lower.contains("competency") && (first.contains(',') || first.contains(';')) {
        Format::Csv
    } else {
        Format::Text
    }
}

/// Most bytes one input file may have.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads the input files into one draft. `shown` names each file in messages.
pub fn read(files: &[(String, Vec<u8>)]) -> (Draft, Vec<InputProblem>) {
    let mut draft = Draft::default();
    let mut problems = Vec::new();
    for (shown, bytes) in files {
        let at = At {
            file: shown.clone(),
            line: 0,
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                problems.push(At { line, ..at }.problem(
                    "the file is not UTF-8: save or export it as UTF-8 (in a spreadsheet: \
                     \"CSV UTF-8\")",
                ));
                continue;
            }
        };
        let text = text.replace("\r\n", "\n");
        let (one, found) = match format_of(Path::new(shown), &text) {
            Format::Csv => csv_input::read(shown, &text, csv_input::csv_separator(&text)),
            Format::Tsv => csv_input::read(shown, &text, b'\t'),
            Format::Markdown => markdown::read(shown, &text),
            Format::Text => text_page::read(shown, &text),
        };
        problems.extend(found);
        draft.merge(one, &mut problems);
    }
    (draft, problems)
}

/// An item of a list written one per line: the text without its bullet or number.
pub(crate) fn strip_bullet(line: &str) -> &str {
    let line = line.trim();
    for bullet in ["- ", "* ", "+ ", "• ", "· ", "– ", "— ", "▪ ", "◦ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return rest.trim();
        }
    }
    if let Some(rest) = line.strip_prefix('•') {
        return rest.trim();
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return rest.trim();
        }
    }
    line
}

/// True when the line starts with a bullet or a number of a list.
pub(crate) fn is_bullet(line: &str) -> bool {
    strip_bullet(line).len() < line.trim().len()
}

/// The items of a cell or block written one per line; a line that does not start with a bullet
/// continues the item before it when the others do.
pub(crate) fn items(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let bulleted = lines.iter().any(|l| is_bullet(l));
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        if bulleted
            && !is_bullet(line)
            && let Some(last) = out.last_mut()
        {
            last.push(' ');
            last.push_str(line.trim());
            continue;
        }
        let item = strip_bullet(line);
        if !item.is_empty() {
            out.push(collapse_spaces(item));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_numbers_are_stripped_but_not_words() {
        assert_eq!(
            strip_bullet("  • Lets people finish."),
            "Lets people finish."
        );
        assert_eq!(strip_bullet("- a"), "a");
        assert_eq!(strip_bullet("12. Twelfth"), "Twelfth");
        assert_eq!(strip_bullet("2,000 lines"), "2,000 lines");
        assert_eq!(strip_bullet("-5 degrees"), "-5 degrees");
        assert_eq!(
            items("- one\n  continued\n- two\n\n"),
            vec!["one continued", "two"]
        );
        assert_eq!(items("one\ntwo"), vec!["one", "two"]);
    }

    #[test]
    fn formats_are_told_by_extension_then_content() {
        assert_eq!(format_of(Path::new("a.CSV"), ""), Format::Csv);
        assert_eq!(format_of(Path::new("a"), "# Title\n"), Format::Markdown);
        assert_eq!(
            format_of(Path::new("a"), "competency\tquestion\n"),
            Format::Tsv
        );
        assert_eq!(format_of(Path::new("a"), "Skip to content\n"), Format::Text);
    }
}
