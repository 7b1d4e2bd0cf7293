//! Spreadsheets exported as CSV or TSV: a question bank (a row per question) or a levels table (a
//! row per competency, a column per level).

use super::{At, Draft, DraftBehaviors, DraftQuestion, InputProblem, LevelRef, items};

/// What a header cell names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Competency,
    Question,
    Level,
    KeyPoints,
    FollowUps,
    Tags,
    Id,
    Definition,
    /// A level's behaviors, by number or name.
    Behaviors(LevelRef),
    /// A column cuecard has no place for (said, and left out).
    Ignored(String),
}

/// Header words people use for each column, compared without case, spaces, `_` and `-`.
fn column(header: &str) -> Column {
    let key: String = header
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    match key.as_str() {
        "competency" | "competencyname" | "competencies" | "skill" | "skillname" | "capability"
        | "capabilityname" => Column::Competency,
        "question" | "questions" | "questiontext" | "interviewquestion" => Column::Question,
        "level" | "proficiency" | "proficiencylevel" | "questionlevel" => Column::Level,
        "keypoints"
        | "keypoint"
        | "stronganswer"
        | "whatastronganswercovers"
        | "lookfor"
        | "lookfors"
        | "whatgoodlookslike" => Column::KeyPoints,
        "followups" | "followup" | "probes" | "probe" | "followupquestions" => Column::FollowUps,
        "tags" | "tag" | "type" | "questiontype" => Column::Tags,
        "id" | "questionid" => Column::Id,
        "definition" | "description" | "overview" => Column::Definition,
        _ => {
            let number = ["level", "l", ""]
                .iter()
                .find_map(|prefix| key.strip_prefix(prefix)?.parse::<usize>().ok());
            match number {
                Some(n) => Column::Behaviors(LevelRef::Number(n)),
                None => Column::Ignored(header.trim().to_string()),
            }
        }
    }
}

/// Columns that are never a level's name, even in a levels table.
const NOT_LEVELS: &[&str] = &[
    "notes",
    "note",
    "comments",
    "comment",
    "text",
    "source",
    "category",
    "group",
    "domain",
    "area",
    "owner",
    "url",
    "link",
    "code",
    "reference",
    "status",
    "example",
    "examples",
];

/// The separator of a CSV file: a comma, or a semicolon when the header has those and no commas
/// (what spreadsheets write where the comma is the decimal mark).
pub(super) fn csv_separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

pub(super) fn read(shown: &str, text: &str, delimiter: u8) -> (Draft, Vec<InputProblem>) {
    let mut draft = Draft::default();
    let mut problems = Vec::new();
    let at = |line: usize| At {
        file: shown.to_string(),
        line,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let start = record.position().map_or(0, |p| p.byte() as usize);
                records.push((line, start, record));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(at(line).problem(format!("cannot read this row: {e}")));
            }
        }
    }
    // A quote never closed swallows the rest of the file into the last row's cell: that row is
    // reported and left out, the others are still read.
    if let Some((line, start, _)) = records.last()
        && text[*start..].matches('"').count() % 2 == 1
        && text[*start..].trim_start().contains('"')
    {
        problems.push(at(*line).problem(
            "a quoted cell that starts on this row is never closed: add the closing `\"` (commas \
             and line breaks may stand in a cell only between quotes)",
        ));
        records.pop();
    }
    let mut records = records
        .into_iter()
        .filter(|(_, _, r)| r.iter().any(|cell| !cell.trim().is_empty()));
    let Some((header_line, _, header)) = records.next() else {
        problems.push(at(0).problem("the file is empty: export the sheet with its header row"));
        return (draft, problems);
    };
    let mut columns: Vec<Column> = header.iter().map(column).collect();
    let has = |columns: &[Column], wanted: &Column| columns.contains(wanted);
    let found = || {
        header
            .iter()
            .map(|h| format!("`{}`", super::collapse_spaces(h)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !has(&columns, &Column::Competency) {
        problems.push(at(header_line).problem(format!(
            "no `competency` column: the first row must name the columns, one of them \
             `competency` (found {})",
            found()
        )));
        return (draft, problems);
    }
    let bank = has(&columns, &Column::Question);
    if !bank {
        // A levels table: columns no other meaning claims are the levels' names, in order.
        let numbered = columns.iter().any(|c| matches!(c, Column::Behaviors(_)));
        for column in &mut columns {
            if let Column::Ignored(name) = column
                && !numbered
                && !NOT_LEVELS.contains(&name.to_lowercase().as_str())
            {
                *column = Column::Behaviors(LevelRef::Name(name.clone()));
            }
        }
        let levels: Vec<&LevelRef> = columns
            .iter()
            .filter_map(|c| match c {
                Column::Behaviors(level) => Some(level),
                _ => None,
            })
            .collect();
        if levels.is_empty() {
            problems.push(at(header_line).problem(format!(
                "no `question` column and no level columns (found {}): a question bank needs \
                 `competency` and `question` columns; a levels table needs `competency` and one \
                 column per level (`level_1`, `level_2`, … or the levels' names)",
                found()
            )));
            return (draft, problems);
        }
        let names: Vec<String> = levels
            .iter()
            .filter_map(|l| match l {
                LevelRef::Name(name) => Some(name.clone()),
                LevelRef::Number(_) => None,
            })
            .collect();
        if names.len() == levels.len() {
            draft.levels = Some((names, at(header_line)));
        }
    }
    // A column cuecard has no place for (notes, an owner, a status) is left out, and said.
    for column in &columns {
        if let Column::Ignored(name) = column {
            draft.warnings.push(at(header_line).problem(format!(
                "column `{}` is not imported (cuecard has no place for it; the columns it reads \
                 are competency, question, level, key_points, follow_ups, tags, id{})",
                super::collapse_spaces(name),
                if bank { "" } else { ", definition" }
            )));
        }
    }
    for (line, _, record) in records {
        let here = at(line);
        let cell = |wanted: &Column| -> &str {
            columns
                .iter()
                .position(|c| c == wanted)
                .and_then(|i| record.get(i))
                .map_or("", str::trim)
        };
        let name = cell(&Column::Competency);
        if name.is_empty() {
            problems.push(here.problem("the `competency` cell is empty: name the competency"));
            continue;
        }
        if bank {
            let question = cell(&Column::Question);
            if question.is_empty() {
                problems.push(here.problem(
                    "the `question` cell is empty: write the question, or delete the row",
                ));
                continue;
            }
            let id = Some(cell(&Column::Id).to_string()).filter(|s| !s.is_empty());
            let question = DraftQuestion {
                id,
                text: question.to_string(),
                level: LevelRef::parse(cell(&Column::Level)),
                tags: tags(cell(&Column::Tags)),
                key_points: items(cell(&Column::KeyPoints)),
                follow_ups: items(cell(&Column::FollowUps)),
                at: here.clone(),
            };
            draft.competency(name, &here).questions.push(question);
        } else {
            let definition = cell(&Column::Definition);
            let competency = draft.competency(name, &here);
            if !definition.is_empty() && competency.definition.is_none() {
                competency.definition = Some(super::collapse_spaces(definition));
            }
            for (index, column) in columns.iter().enumerate() {
                let Column::Behaviors(level) = column else {
                    continue;
                };
                let statements = items(record.get(index).unwrap_or(""));
                competency.behaviors.push(DraftBehaviors {
                    level: level.clone(),
                    name: None,
                    statements,
                    at: here.clone(),
                });
            }
        }
    }
    (draft, problems)
}

/// A tags cell: words separated by commas, semicolons or spaces.
pub(super) fn tags(cell: &str) -> Vec<String> {
    cell.split([',', ';', ' ', '\n', '\t'])
        .map(|t| t.trim().trim_start_matches('#').to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}
